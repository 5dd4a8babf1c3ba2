// The 承接组织 picker: active member organizations, searched in Rust as the person types, each with
// its signals — 优先 (valid 3A+ rating) and 提示 (failed or missed inspection). Choosing a flagged one
// is allowed, but the form then asks for a written reason (R-PROJECT; audited).
import { Select, Space, Tag } from "antd";
import { useEffect, useState } from "react";
import type { Eligibility, MemberQuery } from "../../ipc";
import { FIRST_MEMBERS, useMembers } from "../members/queries";

/** What the form needs of the chosen undertaker. */
export interface Undertaker {
  id: number;
  name: string;
  category: string | null;
  eligibility: Eligibility;
}

/** The member list's first page, narrowed to active members, 50 of them. */
const QUERY: MemberQuery = { ...FIRST_MEMBERS, status: "active", pageSize: 50 };

function Signals({ eligibility }: { eligibility: Eligibility }) {
  return (
    <Space size={4}>
      {eligibility.priority && (
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          优先
        </Tag>
      )}
      {eligibility.flagReason && (
        <Tag color="red" style={{ marginInlineEnd: 0 }}>
          提示：{eligibility.flagReason}
        </Tag>
      )}
    </Space>
  );
}

export default function UndertakerSelect({
  id,
  value,
  onChange,
  current,
  onChosen,
}: {
  id?: string;
  value?: number;
  onChange?: (id: number | undefined) => void;
  /** The undertaker already on the agreement (shown even when a search would not list it). */
  current: Undertaker | null;
  onChosen: (u: Undertaker | null) => void;
}) {
  const [search, setSearch] = useState("");
  const [typed, setTyped] = useState("");
  // Ask Rust once the person pauses typing.
  useEffect(() => {
    const t = setTimeout(() => setSearch(typed), 250);
    return () => clearTimeout(t);
  }, [typed]);
  const members = useMembers({ ...QUERY, search });
  const rows: Undertaker[] = (members.data?.rows ?? []).map((r) => ({
    id: r.member.id,
    name: r.member.name,
    category: r.member.category,
    eligibility: r.eligibility,
  }));
  if (current && !rows.some((r) => r.id === current.id)) rows.unshift(current);

  return (
    <Select<number>
      id={id}
      data-testid="project-member"
      showSearch
      allowClear
      filterOption={false}
      placeholder="输入名称搜索状态正常的成员单位"
      value={value}
      loading={members.isFetching}
      onSearch={setTyped}
      onChange={(v) => {
        onChange?.(v);
        onChosen(rows.find((r) => r.id === v) ?? null);
        setTyped("");
      }}
      notFoundContent={members.isFetching ? "正在查找…" : "没有符合的成员单位"}
      options={rows.map((r) => ({ value: r.id, label: r.name, title: r.name, undertaker: r }))}
      optionRender={(o) => {
        const u = (o.data as { undertaker: Undertaker }).undertaker;
        return (
          <div
            data-testid="project-member-option"
            style={{ display: "flex", justifyContent: "space-between", gap: 8 }}
          >
            <span style={{ minWidth: 0, overflow: "hidden", textOverflow: "ellipsis" }}>
              {u.name}
            </span>
            <Signals eligibility={u.eligibility} />
          </div>
        );
      }}
    />
  );
}
