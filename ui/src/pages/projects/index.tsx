// 服务项目: the projects of one grant year (kit/GrantYearScope, "execution"), its progress at a
// glance above the list, filters by status, undertaker and community, and 新建项目.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Progress, Select, Space, Table, Tooltip, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import {
  errorMessage,
  type GrantYear,
  type ProjectQuery,
  type ProjectStatus,
  type ProjectSummary,
  type SessionInfo,
} from "../../ipc";
import GrantYearScope from "../../kit/GrantYearScope";
import { formatYuan } from "../../money";
import { useListEntries } from "../members/queries";
import GrantProgressCard from "./GrantProgressCard";
import {
  EligibilityTags,
  FIGURE,
  ProjectStatusTag,
  quantity,
  quantityPercent,
  STATUS_LABEL,
  STATUS_ORDER,
} from "./labels";
import ProjectForm from "./ProjectForm";
import { useProjects } from "./queries";

function BeneficiariesBar({ p }: { p: ProjectSummary }) {
  const t = p.targets.find((x) => x.kind === "beneficiaries");
  if (!t) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Tooltip title={`服务人次 ${quantity(t.actual)} / ${quantity(t.target)}（${t.percent}）`}>
      <div data-testid="project-row-beneficiaries" style={{ minWidth: 90 }}>
        <Typography.Text style={{ fontSize: 12, ...FIGURE }}>
          {quantity(t.actual)} / {quantity(t.target)}
        </Typography.Text>
        <Progress
          percent={quantityPercent(t.actual, t.target)}
          showInfo={false}
          size="small"
          style={{ margin: 0 }}
        />
      </div>
    </Tooltip>
  );
}

function YearProjects({ grant, today }: { grant: GrantYear; today: string }) {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Omit<ProjectQuery, "grantYearId">>({
    status: null,
    memberId: null,
    communityId: null,
  });
  const [creating, setCreating] = useState(false);
  const query: ProjectQuery = { grantYearId: grant.id, ...filters };
  const list = useProjects(query);
  // The whole year, unfiltered, for the undertaker filter's choices.
  const all = useProjects({
    grantYearId: grant.id,
    status: null,
    memberId: null,
    communityId: null,
  });
  const communities = useListEntries("community");
  const undertakers = [
    ...new Map((all.data ?? []).map((p) => [p.project.memberId, p.project.memberName])),
  ].map(([value, label]) => ({ value, label }));
  // Agreements are signed once a year is approved and until it is closed: Rust's answer.
  const signing = grant.actions.signAgreement.allowed;

  return (
    <>
      <GrantProgressCard grant={grant} />
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          gap: 12,
          flexWrap: "wrap",
          marginBottom: 12,
        }}
      >
        <Space wrap>
          <Select<ProjectStatus>
            allowClear
            data-testid="projects-filter-status"
            placeholder="状态"
            style={{ width: 110 }}
            value={filters.status ?? undefined}
            onChange={(v) => setFilters((f) => ({ ...f, status: v ?? null }))}
            options={STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
          />
          <Select<number>
            allowClear
            showSearch
            optionFilterProp="label"
            data-testid="projects-filter-member"
            placeholder="承接组织"
            style={{ width: 200 }}
            value={filters.memberId ?? undefined}
            onChange={(v) => setFilters((f) => ({ ...f, memberId: v ?? null }))}
            options={undertakers}
          />
          <Select<number>
            allowClear
            data-testid="projects-filter-community"
            placeholder="服务社区"
            style={{ width: 140 }}
            value={filters.communityId ?? undefined}
            onChange={(v) => setFilters((f) => ({ ...f, communityId: v ?? null }))}
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Space>
        <Tooltip title={signing ? undefined : grant.actions.signAgreement.reason}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!signing}
            onClick={() => setCreating(true)}
            data-testid="project-new"
          >
            新建项目
          </Button>
        </Tooltip>
      </div>
      <Table<ProjectSummary>
        data-testid="projects-table"
        size="middle"
        rowKey={(p) => p.project.id}
        // A spinner while a filter's answer is awaited, not on every quiet refetch of the same list.
        loading={list.isPending || (list.isPlaceholderData && list.isFetching)}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 700 }}
        locale={{
          emptyText: list.isError
            ? errorMessage(list.error)
            : filters.status || filters.memberId || filters.communityId
              ? "没有符合筛选条件的项目"
              : `${grant.year} 年度还没有服务项目`,
        }}
        columns={[
          {
            key: "name",
            title: "项目名称",
            render: (_, p) => (
              <Space direction="vertical" size={0}>
                <Link to={`/projects/${p.project.id}`} data-testid="project-open">
                  {p.project.name}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {p.communities.join("、")}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "member",
            title: "承接组织",
            width: 170,
            render: (_, p) => (
              <Space direction="vertical" size={2}>
                <span>{p.project.memberName}</span>
                <EligibilityTags eligibility={p.eligibility} />
              </Space>
            ),
          },
          {
            key: "agreed",
            title: "约定 / 已拨付（元）",
            width: 140,
            align: "right",
            render: (_, p) => (
              <Space direction="vertical" size={0} style={{ alignItems: "flex-end" }}>
                <span style={FIGURE}>{formatYuan(p.agreed)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12, ...FIGURE }}>
                  {formatYuan(p.paid)}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "status",
            title: "状态",
            width: 72,
            render: (_, p) => <ProjectStatusTag status={p.project.status} />,
          },
          {
            key: "activities",
            title: "活动",
            width: 56,
            align: "right",
            render: (_, p) => <span style={FIGURE}>{p.activities}</span>,
          },
          {
            key: "beneficiaries",
            title: "服务人次",
            width: 110,
            render: (_, p) => <BeneficiariesBar p={p} />,
          },
        ]}
      />
      {creating && (
        <ProjectForm
          grant={grant}
          editing={null}
          today={today}
          onClose={() => setCreating(false)}
          onSaved={(d) => {
            setCreating(false);
            navigate(`/projects/${d.project.id}`);
          }}
        />
      )}
    </>
  );
}

export default function ProjectsPage({ session }: { session: SessionInfo }) {
  return (
    <GrantYearScope
      purpose="execution"
      title="服务项目"
      testId="projects-page"
      pickerTestId="projects-year"
      emptyReason="服务项目由年度资助出资"
    >
      {(grant) => <YearProjects grant={grant} today={session.today} />}
    </GrantYearScope>
  );
}
