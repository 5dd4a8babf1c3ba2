// One service project (/projects/:id): its status and the actions that fit it, the agreement, the
// money by line (agreed, paid, left), targets against actuals, the payments (vouchers, with their
// reversals linked both ways), and the activities with their photos. A closed or terminated project
// shows what it ended with and offers no payment or activity.
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
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import {
  errorMessage,
  isErrorPayload,
  type Activity,
  type GrantYear,
  type ProjectDetail,
  type SessionInfo,
  type SplitView,
  type Voucher,
} from "../../ipc";
import { problemsOf, ProblemsAlert, type Problem } from "../../forms/problems";
import { addYuan, formatYuan } from "../../money";
import { Amount } from "../books/labels";
import ExpenseModal from "../books/ExpenseModal";
import ReverseModal from "../books/ReverseModal";
import { SOURCE_LABEL } from "../grants/labels";
import { useGrantYears } from "../grants/queries";
import ActivityModal from "./ActivityModal";
import { CloseModal, TerminateModal } from "./EndModals";
import { EligibilityTags, GRADE_LABEL, ProjectStatusTag, quantity, TargetBar } from "./labels";
import { PhotoThumbs } from "./photos";
import ProjectForm from "./ProjectForm";
import { useProject, useStartProject } from "./queries";

const figure = { fontVariantNumeric: "tabular-nums" as const, whiteSpace: "nowrap" as const };

type Dialog = "edit" | "pay" | "activity" | "close" | "terminate" | null;

function Header({
  detail,
  grant,
  today,
}: {
  detail: ProjectDetail;
  grant: GrantYear | null;
  today: string;
}) {
  const { modal } = App.useApp();
  const p = detail.project;
  const start = useStartProject(p.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [problems, setProblems] = useState<Problem[]>([]);
  const running = p.status === "running";

  const onStart = () => {
    setProblems([]);
    modal.confirm({
      title: `“${p.name}”开始实施？`,
      content: "开始实施后可以记录活动；协议仍可修改，直到结项或终止。",
      okText: "开始实施",
      cancelText: "取消",
      onOk: () => start.mutateAsync().catch((e: unknown) => setProblems(problemsOf(e))),
    });
  };

  const step = p.status === "planned" ? 0 : p.status === "running" ? 1 : 2;
  return (
    <Card>
      <div style={{ marginBottom: 8 }}>
        <Link to="/projects">
          <ArrowLeftOutlined /> 服务项目
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
        <div style={{ minWidth: 0 }}>
          <Space align="center" size={12} wrap>
            <Typography.Title level={3} style={{ margin: 0 }} data-testid="project-title">
              {p.name}
            </Typography.Title>
            <ProjectStatusTag status={p.status} testId="project-status" />
          </Space>
          <Typography.Paragraph type="secondary" style={{ margin: "8px 0 0" }}>
            {detail.grantYear} 年度资助　承接：{p.memberName}　实施期 {p.startsOn} 至 {p.endsOn}
          </Typography.Paragraph>
        </div>
        {detail.open && (
          <Space wrap>
            {running && (
              <Button
                type="primary"
                onClick={() => setDialog("activity")}
                data-testid="activity-new"
              >
                记录活动
              </Button>
            )}
            <Button
              type={running ? "default" : "primary"}
              onClick={() => setDialog("pay")}
              data-testid="project-pay"
            >
              拨付
            </Button>
            {p.status === "planned" && (
              <Button
                type="primary"
                onClick={onStart}
                loading={start.isPending}
                data-testid="project-start"
              >
                开始实施
              </Button>
            )}
            {running && (
              <Button onClick={() => setDialog("close")} data-testid="project-close">
                结项
              </Button>
            )}
            <Button onClick={() => setDialog("edit")} data-testid="project-edit">
              编辑协议
            </Button>
            <Button danger onClick={() => setDialog("terminate")} data-testid="project-terminate">
              终止
            </Button>
          </Space>
        )}
      </div>
      <Steps
        size="small"
        current={step}
        status={p.status === "terminated" ? "error" : p.status === "closed" ? "finish" : "process"}
        style={{ marginTop: 20 }}
        items={[
          { title: "立项" },
          { title: "实施中" },
          { title: p.status === "terminated" ? "终止" : "已结项" },
        ]}
      />
      <ProblemsAlert
        problems={problems}
        testId="project-action-error"
        style={{ marginTop: 16, marginBottom: 0 }}
      />
      {dialog === "edit" && grant && (
        <ProjectForm
          grant={grant}
          editing={detail}
          today={today}
          onClose={() => setDialog(null)}
          onSaved={() => setDialog(null)}
        />
      )}
      {dialog === "pay" && (
        <ExpenseModal
          project={detail}
          grant={grant}
          today={today}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === "activity" && (
        <ActivityModal detail={detail} today={today} onClose={() => setDialog(null)} />
      )}
      {dialog === "close" && (
        <CloseModal detail={detail} today={today} onClose={() => setDialog(null)} />
      )}
      {dialog === "terminate" && (
        <TerminateModal detail={detail} today={today} onClose={() => setDialog(null)} />
      )}
    </Card>
  );
}

function AgreementCard({ detail }: { detail: ProjectDetail }) {
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
                <Typography.Text strong style={figure}>
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
              children: <span style={figure}>{formatYuan(detail.remaining)} 元</span>,
            },
          ]}
        />
      )}
    </Card>
  );
}

function TargetsCard({ detail }: { detail: ProjectDetail }) {
  return (
    <Card title="绩效目标完成情况" style={{ height: "100%" }} data-testid="project-targets">
      {detail.targets.map((t) => (
        <TargetBar key={t.id} target={t} testId={`project-target-${t.kind}`} />
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        实际完成数由活动记录累计：服务人次为参与人次之和，服务场次为活动次数。
      </Typography.Text>
    </Card>
  );
}

function SplitsCard({ detail }: { detail: ProjectDetail }) {
  const ended = !detail.open;
  return (
    <Card title="经费" data-testid="project-money">
      <Table<SplitView>
        data-testid="project-splits-table"
        size="small"
        pagination={false}
        rowKey={(s) => `${s.category}|${s.source}`}
        dataSource={detail.splits}
        scroll={{ x: 560 }}
        columns={[
          { key: "category", title: "预算科目", render: (_, s) => s.categoryName },
          { key: "source", title: "资金来源", render: (_, s) => SOURCE_LABEL[s.source] },
          {
            key: "agreed",
            title: "约定（元）",
            align: "right",
            render: (_, s) => <span style={figure}>{formatYuan(s.agreed)}</span>,
          },
          {
            key: "paid",
            title: "已拨付（元）",
            align: "right",
            render: (_, s) => <span style={figure}>{formatYuan(s.paid)}</span>,
          },
          {
            key: "remaining",
            title: ended ? "退回预算（元）" : "尚可拨付（元）",
            align: "right",
            render: (_, s) => <span style={figure}>{formatYuan(s.remaining)}</span>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row style={{ background: "#fafafa" }}>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong style={figure}>
                {formatYuan(detail.agreed)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong style={figure} data-testid="project-paid">
                {formatYuan(detail.paid)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong style={figure} data-testid="project-remaining">
                {formatYuan(detail.remaining)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

/** Scrolls to a payment's row and marks it for a moment (the other half of a reversal). */
function goTo(id: number) {
  const row = document.querySelector<HTMLElement>(
    `[data-testid="project-payments-table"] [data-row-key="${id}"]`,
  );
  if (!row) return;
  row.scrollIntoView({ block: "center", behavior: "smooth" });
  row.style.transition = "background 0.3s";
  row.style.background = "#fff7e6";
  setTimeout(() => (row.style.background = ""), 1500);
}

function PaymentsCard({
  detail,
  grant,
  today,
}: {
  detail: ProjectDetail;
  grant: GrantYear | null;
  today: string;
}) {
  const [reversing, setReversing] = useState<Voucher | null>(null);
  const correctable = grant !== null && grant.status !== "closed";
  const net = addYuan(...detail.payments.map((v) => v.amount)) ?? "0.00";
  return (
    <Card
      title="拨付记录"
      data-testid="project-payments"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          拨付是“记账”中的支出凭证；更正用红字冲销
        </Typography.Text>
      }
    >
      <Table<Voucher>
        data-testid="project-payments-table"
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={detail.payments}
        scroll={{ x: 640 }}
        locale={{ emptyText: "尚未拨付" }}
        columns={[
          {
            key: "number",
            title: "凭证号",
            width: 120,
            render: (_, v) => (
              <span style={figure} data-testid="payment-number">
                {v.number}
              </span>
            ),
          },
          { key: "date", title: "日期", width: 100, dataIndex: "date" },
          {
            key: "summary",
            title: "摘要",
            render: (_, v) => (
              <Space direction="vertical" size={2}>
                <span>{v.summary}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.categoryName} · {SOURCE_LABEL[v.source]}
                </Typography.Text>
                {v.reversedBy && (
                  <Tag
                    color="red"
                    data-testid="payment-reversed-by"
                    style={{ cursor: "pointer", marginInlineEnd: 0 }}
                    onClick={() => goTo(v.reversedBy!.id)}
                  >
                    已冲销 → {v.reversedBy.number}
                  </Tag>
                )}
                {v.reverses && (
                  <Tag
                    color="volcano"
                    data-testid="payment-reverses"
                    style={{ cursor: "pointer", marginInlineEnd: 0 }}
                    onClick={() => goTo(v.reverses!.id)}
                  >
                    冲销 {v.reverses.number}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            key: "amount",
            title: "金额（元）",
            width: 120,
            align: "right",
            render: (_, v) => <Amount value={v.amount} />,
          },
          {
            key: "action",
            title: "",
            width: 70,
            render: (_, v) =>
              correctable && v.kind === "expense" && v.reversedBy === null ? (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() => setReversing(v)}
                  data-testid="payment-reverse"
                >
                  冲销
                </Button>
              ) : null,
          },
        ]}
        summary={() =>
          detail.payments.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text type="secondary">合计（含冲销）</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Amount value={net} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {reversing && (
        <ReverseModal voucher={reversing} today={today} onClose={() => setReversing(null)} />
      )}
    </Card>
  );
}

function indicatorText(detail: ProjectDetail, a: Activity): string {
  return a.indicators
    .map(([id, value]) => {
      const t = detail.targets.find((x) => x.id === Number(id));
      return t ? `${t.name} ${quantity(value)}${t.unit}` : null;
    })
    .filter((s) => s !== null)
    .join("；");
}

function ActivitiesCard({ detail }: { detail: ProjectDetail }) {
  const hasIndicators = detail.targets.some((t) => t.kind === "custom");
  return (
    <Card
      title={`活动记录（${detail.activities.length}）`}
      data-testid="project-activities"
      extra={
        detail.project.status === "planned" ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            开始实施后可以记录活动
          </Typography.Text>
        ) : undefined
      }
    >
      <Table<Activity>
        data-testid="activities-table"
        size="small"
        rowKey="id"
        dataSource={detail.activities}
        pagination={detail.activities.length > 10 ? { pageSize: 10, size: "small" } : false}
        scroll={{ x: 680 }}
        locale={{ emptyText: "还没有活动记录" }}
        columns={[
          { key: "date", title: "日期", width: 100, dataIndex: "heldOn" },
          {
            key: "title",
            title: "活动",
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <span>{a.title}</span>
                {(a.place || a.note) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[a.place, a.note].filter(Boolean).join("　")}
                  </Typography.Text>
                )}
                {hasIndicators && a.indicators.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {indicatorText(detail, a)}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: "participants",
            title: "参与人次",
            width: 80,
            align: "right",
            render: (_, a) => <span style={figure}>{a.participants}</span>,
          },
          {
            key: "volunteers",
            title: "志愿者 / 时长",
            width: 110,
            align: "right",
            render: (_, a) => (
              <span style={figure}>
                {a.volunteers} 人 / {quantity(a.volunteerHours)} 小时
              </span>
            ),
          },
          {
            key: "photos",
            title: "照片",
            width: 200,
            render: (_, a) => <PhotoThumbs photos={a.photos} />,
          },
        ]}
      />
    </Card>
  );
}

export default function ProjectPage({ session }: { session: SessionInfo }) {
  const params = useParams();
  const id = Number(params.id);
  const query = useProject(id);
  const years = useGrantYears();

  if (
    !Number.isInteger(id) ||
    (query.isError && isErrorPayload(query.error) && query.error.code === "not_found")
  )
    return (
      <Card>
        <Result
          status="404"
          title="没有找到这个服务项目"
          extra={<Link to="/projects">返回服务项目列表</Link>}
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
  const grant = years.data?.find((g) => g.id === detail.project.grantYearId) ?? null;
  return (
    <Space direction="vertical" size={16} style={{ width: "100%" }} data-testid="project-page">
      <Header detail={detail} grant={grant} today={session.today} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <AgreementCard detail={detail} />
        </Col>
        <Col xs={24} xl={11}>
          <TargetsCard detail={detail} />
        </Col>
      </Row>
      <SplitsCard detail={detail} />
      <PaymentsCard detail={detail} grant={grant} today={session.today} />
      <ActivitiesCard detail={detail} />
    </Space>
  );
}
