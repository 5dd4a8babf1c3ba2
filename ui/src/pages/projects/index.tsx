// 服务项目: the projects of one grant year (kit/GrantYearScope, "execution"), its progress at a
// glance above the list, filters by status, undertaker and community, and 新建项目.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Select, Space, Table, Tooltip } from "antd";
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
  RowBar,
  STATUS_LABEL,
  STATUS_ORDER,
} from "./labels";
import ProjectForm from "./ProjectForm";
import { ALL_PROJECTS, prepareProjects, useProjects } from "./queries";

// Grey text here is the `muted` class of styles.css itself: importing books/labels' `Muted` split
// that module into a chunk shared with 记账, whose first visit then measured ~50 ms slower
// (interleaved A/B at city scale).
function BeneficiariesBar({ p }: { p: ProjectSummary }) {
  const t = p.targets.find((x) => x.kind === "beneficiaries");
  if (!t) return <span className="muted">—</span>;
  const percent = quantityPercent(t.actual, t.target);
  return (
    <div
      data-testid="project-row-beneficiaries"
      style={{ minWidth: 90 }}
      title={`服务人次 ${quantity(t.actual)} / ${quantity(t.target)}（${t.percent}）`}
    >
      <span style={{ fontSize: 12, ...FIGURE }}>
        {quantity(t.actual)} / {quantity(t.target)}
      </span>
      <RowBar percent={percent} />
    </div>
  );
}

function YearProjects({ grant, today }: { grant: GrantYear; today: string }) {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Omit<ProjectQuery, "grantYearId">>(ALL_PROJECTS);
  const [creating, setCreating] = useState(false);
  const query: ProjectQuery = { grantYearId: grant.id, ...filters };
  const list = useProjects(query);
  // The whole year, unfiltered, for the undertaker filter's choices.
  const all = useProjects({ grantYearId: grant.id, ...ALL_PROJECTS });
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
              <>
                <div>
                  <Link to={`/projects/${p.project.id}`} data-testid="project-open">
                    {p.project.name}
                  </Link>
                </div>
                <span className="muted muted-small">{p.communities.join("、")}</span>
              </>
            ),
          },
          {
            key: "member",
            title: "承接组织",
            width: 170,
            render: (_, p) => (
              <div className="cell-stack">
                <span>{p.project.memberName}</span>
                <EligibilityTags eligibility={p.eligibility} />
              </div>
            ),
          },
          {
            key: "agreed",
            title: "约定 / 已拨付（元）",
            width: 140,
            align: "right",
            render: (_, p) => (
              <>
                <div className="amount">{formatYuan(p.agreed)}</div>
                <div className="amount muted muted-small">{formatYuan(p.paid)}</div>
              </>
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

/** Opened from the menu, the page's data is asked for before it renders (kit/lazyPage). */
export const prepare = prepareProjects;

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
