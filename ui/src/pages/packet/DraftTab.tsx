// 申报书文字: what the secretary writes for the packet, in the order of the application form —
// 上年度工作情况 (a year-2 packet), 本年度工作计划, a 说明 per budget line, the satisfaction target and
// the commitment (empty = the standard text). Every figure of the packet comes from the books; only
// these words come from here. Saving re-runs the preflight.
import {
  Alert,
  App as AntdApp,
  Button,
  Form,
  Input,
  Skeleton,
  Space,
  Table,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { applyProblems, placeIn, ProblemsAlert, type Problem } from "../../forms/problems";
import {
  errorMessage,
  type BudgetLineView,
  type GrantYear,
  type GrantYearDetail,
  type PacketDraft,
} from "../../ipc";
import { Yuan } from "../grants/labels";
import { useGrantYear } from "../grants/queries";
import { STANDARD_COMMITMENT } from "./labels";
import { usePacketDraft, useSaveDraft } from "./queries";

const TEXT_FIELDS = ["plan", "previousSummary", "commitment", "satisfactionTarget"] as const;

interface Values {
  plan: string;
  previousSummary: string;
  commitment: string;
  satisfactionTarget: string;
  /** Budget category code → 说明. */
  notes: Record<string, string>;
}

function toValues(d: PacketDraft): Values {
  return {
    plan: d.plan,
    previousSummary: d.previousSummary,
    commitment: d.commitment,
    satisfactionTarget: d.satisfactionTarget,
    notes: Object.fromEntries(d.budgetNotes.map((n) => [n.category, n.note])),
  };
}

function toDraft(v: Values, draft: PacketDraft, lines: BudgetLineView[]): PacketDraft {
  const budgeted = new Set(lines.map((l) => l.category));
  return {
    ...draft,
    plan: v.plan ?? "",
    previousSummary: v.previousSummary ?? "",
    commitment: v.commitment ?? "",
    satisfactionTarget: v.satisfactionTarget ?? "",
    budgetNotes: [
      ...lines.map((l) => ({ category: l.category, note: v.notes?.[l.category] ?? "" })),
      // A note on a line no longer in the budget is not printed; keep it as it was.
      ...draft.budgetNotes.filter((n) => !budgeted.has(n.category)),
    ],
  };
}

function BudgetNotes({ detail }: { detail: GrantYearDetail }) {
  if (detail.budget.length === 0)
    return (
      <Typography.Text type="secondary">
        {detail.grant.year} 年度尚未编制预算，
        <Link to={`/grants/${detail.grant.id}`}>去编制预算</Link>。
      </Typography.Text>
    );
  return (
    <Table<BudgetLineView>
      size="small"
      data-testid="packet-budget-notes"
      rowKey="category"
      pagination={false}
      dataSource={detail.budget}
      columns={[
        { title: "预算科目", dataIndex: "categoryName", width: 100 },
        {
          title: "市级",
          dataIndex: "city",
          align: "right",
          width: 108,
          render: (v: string) => <Yuan value={v} unit={false} />,
        },
        {
          title: "区级",
          dataIndex: "district",
          align: "right",
          width: 108,
          render: (v: string) => <Yuan value={v} unit={false} />,
        },
        {
          title: "合计（元）",
          dataIndex: "total",
          align: "right",
          width: 116,
          render: (v: string) => <Yuan value={v} unit={false} strong />,
        },
        {
          title: "说明（印在预算表中）",
          key: "note",
          render: (_, l) => (
            <Form.Item name={["notes", l.category]} noStyle>
              <Input
                maxLength={100}
                placeholder="用途或测算依据（可不填）"
                data-testid={`packet-note-${l.category}`}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

export default function DraftTab({
  grant,
  focusRequest,
  onDirtyChange,
}: {
  grant: GrantYear;
  /** Changes when the checklist asks to fill something in: focus the first empty text. */
  focusRequest: number;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const draft = usePacketDraft(grant.id);
  const detail = useGrantYear(grant.id);
  const save = useSaveDraft();
  const [form] = Form.useForm<Values>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const { message } = AntdApp.useApp();
  const yearTwo = grant.sequence >= 2;
  const loaded = draft.data !== undefined && detail.data !== undefined;

  useEffect(() => {
    if (focusRequest === 0 || !loaded) return;
    const empty = (name: keyof Values) => String(form.getFieldValue(name) ?? "").trim() === "";
    const target =
      yearTwo && empty("previousSummary") ? "previousSummary" : empty("plan") ? "plan" : null;
    // The tab pane has just been shown; focus once it is laid out.
    const t = setTimeout(() => {
      if (target) form.scrollToField(target, { focus: true, block: "center" });
    }, 50);
    return () => clearTimeout(t);
  }, [focusRequest, loaded, form, yearTwo]);

  if (draft.isError || detail.isError)
    return <Alert type="error" showIcon message={errorMessage(draft.error ?? detail.error)} />;
  if (!draft.data || !detail.data) return <Skeleton active />;
  const saved = draft.data;
  const lines = detail.data.budget;

  const onFinish = async (values: Values) => {
    setProblems([]);
    try {
      await save.mutateAsync(toDraft(values, saved, lines));
      onDirtyChange(false);
      void message.success("已保存，检查清单已更新");
    } catch (e) {
      setProblems(applyProblems(form, e, placeIn(TEXT_FIELDS)));
    }
  };

  return (
    <Form<Values>
      form={form}
      name="packet"
      layout="vertical"
      initialValues={toValues(saved)}
      onValuesChange={() => onDirtyChange(true)}
      onFinish={(v) => void onFinish(v)}
      style={{ maxWidth: 820 }}
    >
      <Typography.Paragraph type="secondary">
        申报书中的金额、成员单位、服务项目和上年度收支都取自账簿，这里只填写需要文字说明的部分。每段一行。
      </Typography.Paragraph>
      {yearTwo && (
        <Form.Item
          name="previousSummary"
          label="上年度工作情况（申报书第二部分）"
          extra="写上年度做了哪些工作、取得了哪些成效；上年度预算执行和收支数字由账簿自动生成。"
        >
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            showCount
            maxLength={5000}
            placeholder="如：一、实施银龄助餐、邻里调解等 5 个服务项目，服务居民 3,200 人次。"
          />
        </Form.Item>
      )}
      <Form.Item
        name="plan"
        label="本年度工作计划（申报书第三部分）"
        extra="服务项目清单由“服务项目”中登记的项目自动列出，这里写总体目标和工作安排。"
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          showCount
          maxLength={5000}
          placeholder="如：一、继续实施银龄助餐等服务项目。二、培育和发展社区社会组织。"
        />
      </Form.Item>
      <Form.Item label="预算说明（申报书第四部分）">
        <BudgetNotes detail={detail.data} />
      </Form.Item>
      <Form.Item
        name="satisfactionTarget"
        label="服务对象满意度目标（绩效目标表）"
        extra="绩效目标表中写作“≥ 目标值%”。"
      >
        <Input suffix="%" style={{ width: 160 }} inputMode="decimal" />
      </Form.Item>
      <Form.Item
        name="commitment"
        label={
          <Space size={8}>
            <span>承诺（申报书第六部分）</span>
            <Button
              type="link"
              size="small"
              style={{ padding: 0 }}
              onClick={() => {
                form.setFieldValue("commitment", STANDARD_COMMITMENT.join("\n"));
                onDirtyChange(true);
              }}
            >
              在标准文字上修改
            </Button>
          </Space>
        }
        extra="留空则使用框中显示的标准承诺文字。"
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 10 }}
          showCount
          maxLength={2000}
          placeholder={STANDARD_COMMITMENT.join("\n")}
          data-testid="packet-commitment"
        />
      </Form.Item>
      <ProblemsAlert problems={problems} testId="packet-draft-error" />
      <Space size={12}>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          data-testid="packet-draft-save"
        >
          保存
        </Button>
        {saved.updatedAt && (
          <Typography.Text type="secondary" data-testid="packet-draft-saved">
            上次保存：{saved.updatedAt.slice(0, 16)}
          </Typography.Text>
        )}
      </Space>
    </Form>
  );
}
