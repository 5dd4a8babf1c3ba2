// One member on a drawer: its facts, its signals (flag with its reason, 优先, expired rating), its
// inspection and rating history, and the two small forms that add to them.
import {
  Alert,
  Button,
  Descriptions,
  Divider,
  Form,
  InputNumber,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
  message,
} from "antd";
import { errorMessage, type MemberDetail } from "../../ipc";
import { INSPECTION, LEGAL_FORM, PARTY, STATUS, options } from "./labels";
import MemberProjects from "./MemberProjects";
import { useRecordInspection, useRecordRating } from "./queries";

export function Signals({ detail }: { detail: Pick<MemberDetail, "eligibility" | "member"> }) {
  const { eligibility, member } = detail;
  return (
    <Space size={4} wrap>
      {eligibility.flagReason && (
        <Tag color="red" data-testid="member-flag">
          {eligibility.flagReason}
        </Tag>
      )}
      {eligibility.priority && (
        <Tag color="green" data-testid="member-priority">
          优先
        </Tag>
      )}
      {member.status !== "active" && (
        <Tag color={member.status === "withdrawn" ? "default" : "orange"}>
          {STATUS[member.status]}
        </Tag>
      )}
    </Space>
  );
}

export function ratingText(detail: Pick<MemberDetail, "eligibility" | "member">) {
  const r = detail.member.latestRating;
  if (!r) return "—";
  return `${r.level}A（${r.year}年）${detail.eligibility.ratingExpired ? " 已过期" : ""}`;
}

function InspectionForm({ id, today }: { id: number; today: string }) {
  const record = useRecordInspection(id);
  const [form] = Form.useForm<{ year: number; result: string }>();
  const thisYear = Number(today.slice(0, 4));
  return (
    <Form
      form={form}
      name="inspection"
      layout="inline"
      initialValues={{ year: thisYear - 1, result: "pass" }}
      onFinish={(v) =>
        record.mutate(
          { year: v.year, result: v.result as keyof typeof INSPECTION },
          {
            onSuccess: () => void message.success("年检结果已记录"),
            onError: (e) => void message.error(errorMessage(e)),
          },
        )
      }
    >
      <Form.Item name="year" label="年度">
        <InputNumber min={2000} max={thisYear} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="result">
        <Radio.Group options={options(INSPECTION)} optionType="button" size="small" />
      </Form.Item>
      <Button htmlType="submit" loading={record.isPending} data-testid="inspection-save">
        记录
      </Button>
    </Form>
  );
}

function RatingForm({ id, today }: { id: number; today: string }) {
  const record = useRecordRating(id);
  const thisYear = Number(today.slice(0, 4));
  return (
    <Form
      name="rating"
      layout="inline"
      initialValues={{ year: thisYear, level: 3 }}
      onFinish={(v: { year: number; level: number }) =>
        record.mutate(v, {
          onSuccess: () => void message.success("评估等级已记录"),
          onError: (e) => void message.error(errorMessage(e)),
        })
      }
    >
      <Form.Item name="year" label="年度">
        <InputNumber min={2000} max={thisYear} style={{ width: 90 }} />
      </Form.Item>
      <Form.Item name="level">
        <Radio.Group
          optionType="button"
          size="small"
          options={[1, 2, 3, 4, 5].map((l) => ({ value: l, label: `${l}A` }))}
        />
      </Form.Item>
      <Button htmlType="submit" loading={record.isPending} data-testid="rating-save">
        记录
      </Button>
    </Form>
  );
}

export default function MemberDetails({
  detail,
  today,
  onEdit,
}: {
  detail: MemberDetail;
  today: string;
  onEdit: () => void;
}) {
  const m = detail.member;
  const thisYear = Number(today.slice(0, 4));
  return (
    <div data-testid="member-detail">
      <Space style={{ marginBottom: 12, justifyContent: "space-between", width: "100%" }}>
        <Signals detail={detail} />
        <Button onClick={onEdit} data-testid="member-edit">
          编辑
        </Button>
      </Space>
      {detail.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 12 }} />
      ))}
      <Descriptions
        bordered
        size="small"
        column={2}
        styles={{ label: { width: 110, whiteSpace: "nowrap" } }}
        items={[
          { key: "form", label: "组织形式", children: LEGAL_FORM[m.legalForm] },
          {
            key: "code",
            label: m.legalForm === "registered" ? "信用代码" : "备案编号",
            children: <Typography.Text copyable>{m.creditCode ?? m.filingNo}</Typography.Text>,
          },
          { key: "cat", label: "类别", children: m.category },
          { key: "com", label: "所属社区", children: m.community ?? "—" },
          { key: "leader", label: "负责人", children: m.leader || "—" },
          { key: "phone", label: "联系电话", children: m.phone || "—" },
          { key: "founded", label: "成立日期", children: m.foundedOn ?? "—" },
          { key: "joined", label: "加入日期", children: m.joinedOn },
          { key: "status", label: "状态", children: STATUS[m.status] },
          { key: "left", label: "退出日期", children: m.leftOn ?? "—" },
          { key: "party", label: "党建覆盖", children: PARTY[m.partyBuilding] },
          { key: "rating", label: "评估等级", children: ratingText(detail) },
          { key: "notes", label: "备注", span: 2, children: m.notes || "—" },
        ]}
      />
      <Divider orientation="left" plain>
        承接项目
      </Divider>
      <MemberProjects memberId={m.id} />
      <Divider orientation="left" plain>
        年检结果
      </Divider>
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={detail.inspections}
        locale={{ emptyText: "尚无年检记录" }}
        columns={[
          { title: "年度", dataIndex: "year", width: 100 },
          {
            title: "结果",
            dataIndex: "result",
            render: (r: keyof typeof INSPECTION) => (
              <Tag color={r === "fail" || r === "absent" ? "red" : "blue"}>{INSPECTION[r]}</Tag>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <InspectionForm id={m.id} today={today} />
      </div>
      <Divider orientation="left" plain>
        评估等级（有效期5年）
      </Divider>
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={detail.ratings}
        locale={{ emptyText: "尚无评估等级" }}
        columns={[
          { title: "年度", dataIndex: "year", width: 100 },
          { title: "等级", dataIndex: "level", render: (l: number) => `${l}A` },
          {
            title: "有效期",
            key: "valid",
            render: (_: unknown, r: { year: number }) =>
              r.year + 4 >= thisYear ? (
                `至${r.year + 4}年底`
              ) : (
                <Tag>已过期（{r.year + 4}年底）</Tag>
              ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <RatingForm id={m.id} today={today} />
      </div>
    </div>
  );
}
