// One grant year (/grants/:id): where it stands in 申报中 → 已批复 → 执行中 → 已结项 with the action that
// fits, its amounts in figures and 大写, the money that arrived, the budget, and what to do next.
import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Result,
  Row,
  Skeleton,
  Space,
  Steps,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import type { GrantYearDetail, SessionInfo } from "../../ipc";
import { errorMessage, isErrorPayload } from "../../ipc";
import { problemsOf, ProblemsAlert, type Problem } from "../../forms/problems";
import { formatYuan } from "../../money";
import ApprovalModal from "./ApprovalModal";
import BudgetCard from "./BudgetCard";
import FundsCard from "./FundsCard";
import GrantYearModal from "./GrantYearModal";
import NextSteps from "./NextSteps";
import { ratioLabel, STATUS_LABEL, STATUS_ORDER, StatusTag } from "./labels";
import { useCloseGrantYear, useGrantYear, useStartGrantYear } from "./queries";

function Header({ detail, today }: { detail: GrantYearDetail; today: string }) {
  const { modal } = App.useApp();
  const g = detail.grant;
  const id = g.id;
  const start = useStartGrantYear(id);
  const close = useCloseGrantYear(id);
  const [dialog, setDialog] = useState<"approve" | "edit" | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const current = STATUS_ORDER.indexOf(g.status);

  const run = (mutation: typeof start, title: string, content: string) => {
    setProblems([]);
    modal.confirm({
      title,
      content,
      okText: "确定",
      cancelText: "取消",
      onOk: () =>
        mutation
          .mutateAsync()
          // Refusals (R-BUDGET sums, the period not over) go to the Alert under the steps.
          .catch((e: unknown) => setProblems(problemsOf(e))),
    });
  };

  // Which doors of the status machine are open is Rust's answer (GrantYear.actions).
  let actions = null;
  if (g.actions.approve.allowed)
    actions = (
      <>
        {g.actions.editApplication.allowed && (
          <Button data-testid="grant-edit" onClick={() => setDialog("edit")}>
            修改申报
          </Button>
        )}
        <Button type="primary" data-testid="grant-approve" onClick={() => setDialog("approve")}>
          登记批复
        </Button>
      </>
    );
  else if (g.actions.start.allowed)
    actions = (
      <Button
        type="primary"
        data-testid="grant-start"
        loading={start.isPending}
        onClick={() =>
          run(
            start,
            `开始执行 ${g.year} 年度资助？`,
            "开始执行后，预算不能再直接修改，只能通过“预算调整”在科目之间调剂并写明原因。开始前，市级、区级预算合计须分别等于批复金额。",
          )
        }
      >
        开始执行
      </Button>
    );
  else if (g.actions.close.allowed)
    actions = (
      <Button
        data-testid="grant-close"
        loading={close.isPending}
        onClick={() =>
          run(
            close,
            `${g.year} 年度资助结项？`,
            `执行期到 ${g.periodEnd} 结束。结项后本年度不再登记到账和调整预算。请先核对账目。`,
          )
        }
      >
        结项
      </Button>
    );

  return (
    <Card>
      <div style={{ marginBottom: 8 }}>
        <Link to="/grants">
          <ArrowLeftOutlined /> 年度资助
        </Link>
      </div>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "flex-start",
          gap: 16,
          flexWrap: "wrap",
        }}
      >
        <div>
          <Space align="center" size={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="grant-title">
              {g.year} 年度资助
            </Typography.Title>
            <Tag>第{g.sequence}年</Tag>
            <StatusTag status={g.status} />
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
            执行期 {g.periodStart} 至 {g.periodEnd}
            {g.approvalDate && `　批复：${g.approvalDocNo}（${g.approvalDate}）`}
          </Typography.Paragraph>
        </div>
        <Space>{actions}</Space>
      </div>
      <Steps
        size="small"
        current={current}
        status={g.status === "closed" ? "finish" : "process"}
        style={{ marginTop: 24 }}
        items={STATUS_ORDER.map((s) => ({ title: STATUS_LABEL[s] }))}
      />
      <ProblemsAlert
        problems={problems}
        testId="grant-action-error"
        style={{ marginTop: 16, marginBottom: 0 }}
      />
      {dialog === "approve" && (
        <ApprovalModal grant={g} today={today} onClose={() => setDialog(null)} />
      )}
      {dialog === "edit" && (
        <GrantYearModal
          editing={g}
          defaultYear={g.year}
          policy={detail.policy}
          onClose={() => setDialog(null)}
          onSaved={() => setDialog(null)}
        />
      )}
    </Card>
  );
}

function AmountCard({ detail }: { detail: GrantYearDetail }) {
  const { grant: g, policy: p } = detail;
  const amount = (value: string, daxie: string, testId: string, strong?: boolean) => (
    <div data-testid={testId}>
      <Typography.Text strong={strong} style={{ fontSize: 16, fontVariantNumeric: "tabular-nums" }}>
        {formatYuan(value)} 元
      </Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {daxie}
        </Typography.Text>
      </div>
    </div>
  );
  return (
    <Card title="资助金额" style={{ height: "100%" }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 150, whiteSpace: "nowrap" } }}
        items={[
          {
            key: "city",
            label: "市级资助",
            children: amount(g.cityAmount, detail.cityDaxie, "amount-city"),
          },
          {
            key: "district",
            label: (
              <>
                区级配套
                <div style={{ fontSize: 12, fontWeight: "normal" }}>
                  按 {ratioLabel(p.matchRatio)} 自动计算
                </div>
              </>
            ),
            children: amount(g.districtAmount, detail.districtDaxie, "amount-district"),
          },
          {
            key: "total",
            label: "合计",
            children: amount(detail.total, detail.totalDaxie, "amount-total", true),
          },
        ]}
      />
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}
        data-testid="grant-policy"
      >
        依据政策：{p.name}（{p.effectiveFrom} 起施行）；市级资助 {formatYuan(p.cityMin)} –{" "}
        {formatYuan(p.cityMax)} 元，区级配套 {ratioLabel(p.matchRatio)}，最多{" "}
        {p.consecutive ? "连续 " : ""}
        {p.maxYears} 年。
      </Typography.Paragraph>
    </Card>
  );
}

export default function GrantYearPage({ session }: { session: SessionInfo }) {
  const params = useParams();
  const id = Number(params.id);
  const query = useGrantYear(id);

  if (
    !Number.isInteger(id) ||
    (query.isError && isErrorPayload(query.error) && query.error.code === "not_found")
  )
    return (
      <Card>
        <Result
          status="404"
          title="没有找到这个年度资助"
          extra={<Link to="/grants">返回年度资助列表</Link>}
        />
      </Card>
    );
  if (query.isError) return <Alert type="error" showIcon message={errorMessage(query.error)} />;
  if (query.isPending)
    return (
      <Card>
        <Skeleton active />
      </Card>
    );

  const detail = query.data;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="grant-page">
      <Header detail={detail} today={session.today} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <AmountCard detail={detail} />
        </Col>
        <Col xs={24} lg={10}>
          <Card title="下一步" style={{ height: "100%" }}>
            <NextSteps steps={detail.nextSteps} />
          </Card>
        </Col>
      </Row>
      <FundsCard detail={detail} today={session.today} />
      <BudgetCard detail={detail} today={session.today} />
    </Space>
  );
}
