// 首页: the federation at a glance, the current grant year (money received by source, arrears,
// budget by category, what to do next), and plain statements of what does not exist yet. No figures
// are shown that the books do not hold.
import { Alert, Card, Col, Descriptions, Empty, Row, Skeleton, Tag, Typography } from "antd";
import { useEffect } from "react";
import { Link } from "react-router-dom";
import type { Federation, SessionInfo } from "../../ipc";
import { errorMessage } from "../../ipc";
import { RuleTag } from "../../forms/problems";
import { markFirstScreenReady } from "../../ready";
import GrantOverview from "./GrantOverview";
import { useHomeOverview } from "../grants/queries";

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

const NOT_YET: { title: string; description: string; to?: string; action?: string }[] = [
  {
    title: "成员单位",
    description: "登记成员单位，记录年检和等级评估",
    to: "/members",
    action: "去成员单位",
  },
  {
    title: "年度资助",
    description: "尚未建立年度资助记录",
    to: "/grants",
    action: "去新建年度资助",
  },
  { title: "记账", description: "尚未记录收支", to: "/books", action: "去记账" },
  {
    title: "申报材料",
    description: "检查缺项后一键导出申报书、附表和压缩包",
    to: "/packet",
    action: "去准备申报材料",
  },
];

export default function HomePage({ session }: { session: SessionInfo }) {
  const home = useHomeOverview();
  let grantArea = null;
  if (home.isPending)
    grantArea = (
      <Card title="年度资助">
        <Skeleton active paragraph={{ rows: 3 }} />
      </Card>
    );
  else if (home.isError)
    grantArea = (
      <Card title="年度资助">
        <Alert type="error" showIcon message={errorMessage(home.error)} />
      </Card>
    );
  else if (home.data.current) grantArea = <GrantOverview detail={home.data.current} />;
  // Without a grant year on record, 年度资助 stays one of the honest empty cards; 记账 says how many
  // vouchers the current year holds once it holds any.
  const current = home.data?.current ?? null;
  const vouchers = home.data?.currentVouchers ?? 0;
  // The page's one query has settled: `data-ready` below, and a performance mark that
  // scripts/bench-window.sh reads through WebDriver to time exec → the first interactive page.
  const ready = !home.isPending;
  useEffect(() => {
    if (ready) markFirstScreenReady();
  }, [ready]);
  const notYet = NOT_YET.filter((a) => grantArea === null || a.title !== "年度资助").map((a) =>
    a.title === "记账" && current && vouchers > 0
      ? {
          ...a,
          description: `${current.grant.year} 年度已有 ${vouchers} 张凭证`,
          action: "查看凭证和报表",
          filled: true,
        }
      : { ...a, filled: false },
  );
  return (
    <Row gutter={[16, 16]} data-testid="home-page" data-ready={ready ? "true" : undefined}>
      <Col span={24}>
        <FederationCard federation={session.federation} />
      </Col>
      {home.data?.needsRecognition && (
        <Col span={24}>
          <Alert
            data-testid="home-needs-recognition"
            type="warning"
            showIcon
            message={
              <>
                本会尚未登记认定日期：只有经认定的社联会才能获得资助
                <RuleTag rule="R-RECOG" />
              </>
            }
            description={
              <>
                请在 <Link to="/federation?edit=1">社联会信息</Link>{" "}
                中填写认定日期和认定文号，之后才能登记年度资助的批复。
              </>
            }
          />
        </Col>
      )}
      {grantArea && <Col span={24}>{grantArea}</Col>}
      {notYet.map((area) => (
        <Col key={area.title} xs={24} md={notYet.length === 3 ? 8 : 12}>
          <Card
            title={area.title}
            size="small"
            data-testid={`home-area-${area.title}`}
            style={{ height: "100%" }}
          >
            {area.filled ? (
              <div style={{ textAlign: "center", padding: "24px 0" }}>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {area.description}
                </Typography.Paragraph>
                <Link to={area.to ?? "/"}>{area.action}</Link>
              </div>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  <>
                    <div>{area.description}</div>
                    {area.to ? (
                      <Link to={area.to}>{area.action}</Link>
                    ) : (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        此功能尚在建设中
                      </Typography.Text>
                    )}
                  </>
                }
              />
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
