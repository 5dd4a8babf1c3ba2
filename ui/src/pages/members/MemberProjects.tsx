// 承接项目: the service projects a member organization undertakes or undertook, every year, each
// linking to its project page.
import { Table, Typography } from "antd";
import { Link } from "react-router-dom";
import { errorMessage, type ProjectSummary } from "../../ipc";
import { formatYuan } from "../../money";
import { ProjectStatusTag } from "../projects/labels";
import { useProjects } from "../projects/queries";

export default function MemberProjects({ memberId }: { memberId: number }) {
  const list = useProjects({ grantYearId: null, status: null, memberId, communityId: null });
  const figure = { fontVariantNumeric: "tabular-nums" as const, whiteSpace: "nowrap" as const };
  return (
    <Table<ProjectSummary>
      data-testid="member-projects"
      size="small"
      rowKey={(p) => p.project.id}
      pagination={false}
      loading={list.isPending}
      dataSource={list.data ?? []}
      locale={{ emptyText: list.isError ? errorMessage(list.error) : "尚未承接服务项目" }}
      columns={[
        { key: "year", title: "年度", width: 70, render: (_, p) => p.grantYear },
        {
          key: "name",
          title: "项目名称",
          render: (_, p) => (
            <Link to={`/projects/${p.project.id}`} data-testid="member-project-open">
              {p.project.name}
            </Link>
          ),
        },
        {
          key: "status",
          title: "状态",
          width: 80,
          render: (_, p) => <ProjectStatusTag status={p.project.status} />,
        },
        {
          key: "money",
          title: "约定 / 已拨付（元）",
          width: 190,
          align: "right",
          render: (_, p) => (
            <Typography.Text style={figure}>
              {formatYuan(p.agreed)} / {formatYuan(p.paid)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
