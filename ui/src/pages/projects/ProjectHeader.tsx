// A project's header: name, status, 立项 → 实施中 → 结项, and the actions that fit, with dialogs.
import { ArrowLeftOutlined } from "@ant-design/icons";
import { App, Button, Card, Space, Steps, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import type { GrantYear, ProjectDetail } from "../../ipc";
import { problemsOf, ProblemsAlert, type Problem } from "../../forms/problems";
import { grantYearPath } from "../../kit/GrantYearScope";
import ExpenseModal from "../books/ExpenseModal";
import ActivityModal from "./ActivityModal";
import { CloseModal, TerminateModal } from "./EndModals";
import { ProjectStatusTag } from "./labels";
import ProjectForm from "./ProjectForm";
import { useStartProject } from "./queries";

type Dialog = "edit" | "pay" | "activity" | "close" | "terminate" | null;

export default function ProjectHeader({
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
  // Which buttons show is Rust's answer (ProjectDetail.actions): the writes' own checks.
  const can = detail.actions;
  const running = can.recordActivity.allowed;

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
        <Link to={grantYearPath("/projects", detail.grantYear)}>
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
            {can.recordActivity.allowed && (
              <Button
                type="primary"
                onClick={() => setDialog("activity")}
                data-testid="activity-new"
              >
                记录活动
              </Button>
            )}
            {can.pay.allowed && (
              <Button
                type={running ? "default" : "primary"}
                onClick={() => setDialog("pay")}
                data-testid="project-pay"
              >
                拨付
              </Button>
            )}
            {can.start.allowed && (
              <Button
                type="primary"
                onClick={onStart}
                loading={start.isPending}
                data-testid="project-start"
              >
                开始实施
              </Button>
            )}
            {can.close.allowed && (
              <Button onClick={() => setDialog("close")} data-testid="project-close">
                结项
              </Button>
            )}
            {can.edit.allowed && (
              <Button onClick={() => setDialog("edit")} data-testid="project-edit">
                编辑协议
              </Button>
            )}
            {can.terminate.allowed && (
              <Button danger onClick={() => setDialog("terminate")} data-testid="project-terminate">
                终止
              </Button>
            )}
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
