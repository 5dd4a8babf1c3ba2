// 服务协议: the undertaker and its signals, the agreement's terms, and how the project ended.
import { Alert, Card, Descriptions, Space, Tag, Typography } from "antd";
import type { ProjectDetail } from "../../ipc";
import { formatYuan } from "../../money";
import { EligibilityTags, FIGURE, GRADE_LABEL } from "./labels";

export default function AgreementCard({ detail }: { detail: ProjectDetail }) {
  const p = detail.project;
  return (
    <Card title="服务协议" style={{ height: "100%" }}>
      {p.flagReason && (
        <Alert
          type="warning"
          showIcon
          data-testid="project-override"
          style={{ marginBottom: 12 }}
          message={`签订时承接组织“${p.memberName}”${p.flagReason}`}
          description={`承接理由：${p.overrideReason || "—"}`}
        />
      )}
      {detail.memberStatus !== "active" && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`承接组织当前状态为“${detail.memberStatus === "withdrawn" ? "已退出" : "暂停"}”`}
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 96, whiteSpace: "nowrap" } }}
        items={[
          {
            key: "member",
            label: "承接组织",
            children: (
              <Space size={8} wrap>
                <span data-testid="project-member-name">{p.memberName}</span>
                <EligibilityTags eligibility={detail.eligibility} />
              </Space>
            ),
          },
          { key: "category", label: "项目类别", children: p.category },
          {
            key: "communities",
            label: "服务社区",
            children: detail.communities.map((c) => c.name).join("、") || "—",
          },
          { key: "no", label: "协议编号", children: p.agreementNo || "—" },
          { key: "signed", label: "签订日期", children: p.signedOn },
          { key: "period", label: "实施期", children: `${p.startsOn} 至 ${p.endsOn}` },
          {
            key: "agreed",
            label: "约定金额",
            children: (
              <div data-testid="project-agreed">
                <Typography.Text strong style={FIGURE}>
                  {formatYuan(detail.agreed)} 元
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {detail.agreedDaxie}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
        ]}
      />
      {p.status === "closed" && (
        <Descriptions
          data-testid="project-closeout"
          bordered
          size="small"
          column={1}
          title="结项"
          style={{ marginTop: 16 }}
          styles={{ label: { width: 96, whiteSpace: "nowrap" } }}
          items={[
            { key: "date", label: "结项日期", children: p.endedOn ?? "—" },
            {
              key: "grade",
              label: "评价等级",
              children: p.grade ? <Tag color="blue">{GRADE_LABEL[p.grade]}</Tag> : "—",
            },
            { key: "evaluation", label: "结项评价", children: p.evaluation },
          ]}
        />
      )}
      {p.status === "terminated" && (
        <Descriptions
          data-testid="project-termination"
          bordered
          size="small"
          column={1}
          title="终止"
          style={{ marginTop: 16 }}
          styles={{ label: { width: 96, whiteSpace: "nowrap" } }}
          items={[
            { key: "date", label: "终止日期", children: p.endedOn ?? "—" },
            { key: "reason", label: "终止原因", children: p.terminationReason },
            {
              key: "returned",
              label: "退回预算",
              children: <span style={FIGURE}>{formatYuan(detail.remaining)} 元</span>,
            },
          ]}
        />
      )}
    </Card>
  );
}
