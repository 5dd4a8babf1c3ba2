// 成员单位: one page of the list at a time (search, filters, sort and paging all happen in Rust),
// a drawer with one member, the create/edit form, the import wizard and the roster export.
import { DownloadOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Drawer,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
  message,
} from "antd";
import { useQueryClient } from "@tanstack/react-query";
import type { SorterResult } from "antd/es/table/interface";
import { useState } from "react";
import {
  errorMessage,
  membersRosterExport,
  type MemberQuery,
  type MemberRow,
  type SessionInfo,
} from "../../ipc";
import { afterMemberWrite } from "../../kit/queryKeys";
import ImportWizard from "./ImportWizard";
import MemberDetails, { Signals, ratingText } from "./MemberDetails";
import MemberForm from "./MemberForm";
import { INSPECTION, LEGAL_FORM, STATUS, options } from "./labels";
import { FIRST_MEMBERS, prepareMembers, useListEntries, useMember, useMembers } from "./queries";

const SORT_KEYS: Record<string, MemberQuery["sort"]> = {
  name: "name",
  joinedOn: "joinedOn",
  category: "category",
  community: "community",
  rating: "rating",
  inspection: "inspection",
};

/** Opened from the menu, the page's data is asked for before it renders (kit/lazyPage). */
export const prepare = prepareMembers;

export default function MembersPage({ session }: { session: SessionInfo }) {
  const [query, setQuery] = useState<MemberQuery>(FIRST_MEMBERS);
  const [search, setSearch] = useState("");
  const [openId, setOpenId] = useState<number | null>(null);
  const [editing, setEditing] = useState<"new" | number | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useMembers(query);
  const detail = useMember(openId);
  const categories = useListEntries("category");
  const communities = useListEntries("community");
  const client = useQueryClient();
  const filter = (patch: Partial<MemberQuery>) => setQuery((q) => ({ ...q, ...patch, page: 1 }));

  const exportRoster = async () => {
    try {
      const f = await membersRosterExport();
      void message.success({ content: `名册已保存到：${f.path}`, duration: 8 });
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const sortOrder = (key: string) =>
    query.sort === SORT_KEYS[key] ? (query.descending ? "descend" : "ascend") : null;

  return (
    <Card
      title="成员单位"
      extra={
        <Space>
          <Button
            icon={<UploadOutlined />}
            onClick={() => setImporting(true)}
            data-testid="import-open"
          >
            从 Excel 导入
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportRoster()}
            data-testid="roster-export"
          >
            导出名册
          </Button>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing("new")}
            data-testid="member-new"
          >
            新增成员单位
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          data-testid="members-search"
          id="members-search"
          allowClear
          placeholder="名称、信用代码、备案编号或负责人"
          style={{ width: 240 }}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            if (e.target.value === "") filter({ search: "" });
          }}
          onSearch={(v) => filter({ search: v })}
        />
        <Select
          allowClear
          placeholder="类别"
          style={{ width: 130 }}
          value={query.categoryId}
          onChange={(v) => filter({ categoryId: v ?? null })}
          options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          allowClear
          placeholder="组织形式"
          style={{ width: 110 }}
          value={query.legalForm}
          onChange={(v) => filter({ legalForm: v ?? null })}
          options={options(LEGAL_FORM)}
        />
        <Select
          allowClear
          placeholder="社区"
          style={{ width: 130 }}
          value={query.communityId}
          onChange={(v) => filter({ communityId: v ?? null })}
          options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
        <Select
          allowClear
          placeholder="状态"
          style={{ width: 100 }}
          value={query.status}
          onChange={(v) => filter({ status: v ?? null })}
          options={options(STATUS)}
        />
        <Select
          allowClear
          placeholder="评估等级"
          style={{ width: 110 }}
          value={query.rating}
          onChange={(v) => filter({ rating: v ?? null })}
          options={[
            ...[5, 4, 3, 2, 1].map((l) => ({ value: l, label: `${l}A` })),
            { value: 0, label: "无评级" },
          ]}
        />
        <Select
          allowClear
          placeholder="最近年检"
          style={{ width: 120 }}
          value={query.inspection}
          onChange={(v) => filter({ inspection: v ?? null })}
          options={[...options(INSPECTION), { value: "noneRecorded", label: "无记录" }]}
        />
        <Select
          allowClear
          placeholder="资格提示"
          style={{ width: 120 }}
          value={query.signal}
          onChange={(v) => filter({ signal: v ?? null })}
          options={[
            { value: "flagged", label: "有提示" },
            { value: "priority", label: "优先" },
          ]}
        />
      </Space>
      <Table<MemberRow>
        data-testid="members-table"
        size="middle"
        rowKey={(r) => r.member.id}
        loading={list.isFetching}
        dataSource={list.data?.rows ?? []}
        locale={{ emptyText: list.isError ? errorMessage(list.error) : "暂无成员单位" }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: Number(list.data?.total ?? 0),
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 家`,
        }}
        onChange={(p, _f, sorter) => {
          const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<MemberRow>;
          const key = typeof s?.columnKey === "string" ? s.columnKey : "name";
          setQuery((q) => ({
            ...q,
            page: p.current ?? 1,
            pageSize: p.pageSize ?? 20,
            sort: s?.order ? (SORT_KEYS[key] ?? "name") : "name",
            descending: s?.order === "descend",
          }));
        }}
        columns={[
          {
            key: "name",
            title: "单位名称",
            sorter: true,
            sortOrder: sortOrder("name"),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Typography.Link data-testid="member-open" onClick={() => setOpenId(r.member.id)}>
                  {r.member.name}
                </Typography.Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {LEGAL_FORM[r.member.legalForm]} · {r.member.creditCode ?? r.member.filingNo}
                </Typography.Text>
              </Space>
            ),
          },
          {
            key: "category",
            title: "类别",
            sorter: true,
            sortOrder: sortOrder("category"),
            width: 100,
            render: (_, r) => r.member.category,
          },
          {
            key: "community",
            title: "社区",
            sorter: true,
            sortOrder: sortOrder("community"),
            width: 100,
            render: (_, r) => r.member.community ?? "—",
          },
          { key: "leader", title: "负责人", width: 80, render: (_, r) => r.member.leader || "—" },
          {
            key: "inspection",
            title: "最近年检",
            sorter: true,
            sortOrder: sortOrder("inspection"),
            width: 110,
            render: (_, r) => {
              const i = r.member.latestInspection;
              return i ? `${i.year} ${INSPECTION[i.result]}` : "—";
            },
          },
          {
            key: "rating",
            title: "评估等级",
            sorter: true,
            sortOrder: sortOrder("rating"),
            width: 130,
            render: (_, r) => ratingText(r),
          },
          { key: "signals", title: "提示", width: 120, render: (_, r) => <Signals detail={r} /> },
          {
            key: "joinedOn",
            title: "加入日期",
            sorter: true,
            sortOrder: sortOrder("joinedOn"),
            width: 105,
            render: (_, r) => r.member.joinedOn,
          },
        ]}
      />

      <Drawer
        open={openId !== null}
        width={720}
        title={detail.data?.member.name ?? "成员单位"}
        onClose={() => setOpenId(null)}
        destroyOnClose
      >
        {detail.isPending ? (
          <Spin />
        ) : detail.isError ? (
          <Tag color="red">{errorMessage(detail.error)}</Tag>
        ) : (
          <MemberDetails
            detail={detail.data}
            today={session.today}
            onEdit={() => setEditing(detail.data.member.id)}
          />
        )}
      </Drawer>

      <Drawer
        open={editing !== null}
        width={640}
        title={editing === "new" ? "新增成员单位" : "编辑成员单位"}
        onClose={() => setEditing(null)}
        destroyOnClose
      >
        {editing !== null && (
          <MemberForm
            initial={editing === "new" ? null : (detail.data?.member ?? null)}
            today={session.today}
            onCancel={() => setEditing(null)}
            onSaved={(warnings) => {
              setEditing(null);
              void message.success("已保存");
              for (const w of warnings) void message.warning({ content: w, duration: 8 });
            }}
          />
        )}
      </Drawer>

      <ImportWizard
        open={importing}
        today={session.today}
        onClose={(imported) => {
          setImporting(false);
          if (imported) {
            void afterMemberWrite(client);
          }
        }}
      />
    </Card>
  );
}
