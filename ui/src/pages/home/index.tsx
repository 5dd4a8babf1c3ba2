// 首页: the federation at a glance, and plain statements of what does not exist yet. No figures are
// shown that the books do not hold.
import { Card, Col, Descriptions, Empty, Row, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Federation, SessionInfo } from "../../ipc";

function Recognition({ federation }: { federation: Federation }) {
  const { recognitionDate, recognitionDocNo } = federation;
  if (!recognitionDate && recognitionDocNo.trim() === "") return <Tag>尚未填写认定信息</Tag>;
  return <>{[recognitionDate, recognitionDocNo].filter((s) => s && s.trim() !== "").join("　")}</>;
}

function FederationCard({ federation }: { federation: Federation | null }) {
  return (
    <Card
      title="本社联会"
      extra={<Link to={federation ? "/federation?edit=1" : "/federation"}>编辑</Link>}
    >
      {federation ? (
        <Descriptions
          column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
          items={[
            { key: "name", label: "名称", children: federation.name },
            { key: "creditCode", label: "统一社会信用代码", children: federation.creditCode },
            {
              key: "area",
              label: "街道 / 区",
              children: `${federation.street}（${federation.district}）`,
            },
            {
              key: "recognition",
              label: "认定",
              children: <Recognition federation={federation} />,
            },
          ]}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未填写社联会信息" />
      )}
    </Card>
  );
}

const NOT_YET: { title: string; description: string }[] = [
  { title: "成员单位", description: "尚未登记成员单位" },
  { title: "年度资助", description: "尚未建立年度资助记录" },
  { title: "记账", description: "尚未记录收支" },
  { title: "申报材料", description: "尚未生成申报材料" },
];

export default function HomePage({ session }: { session: SessionInfo }) {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <FederationCard federation={session.federation} />
      </Col>
      {NOT_YET.map((area) => (
        <Col key={area.title} xs={24} md={12}>
          <Card title={area.title} size="small">
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={
                <>
                  <div>{area.description}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    此功能尚在建设中
                  </Typography.Text>
                </>
              }
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
