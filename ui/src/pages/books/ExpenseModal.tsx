// One expense, in its two flows. 记一笔支出 (from 记账): date, 摘要, the budget line and source it
// spends (with what is left of both shown as help), amount as typed, payee, payment method and
// attachments. 拨付 (from a project's page): the same voucher naming the project, whose line is one
// of the agreement's splits (with what is left to pay on it), the undertaker prefilled as payee.
// Rust posts the balanced voucher; its refusals land under their fields with the rule id (R-SPEND
// and R-PROJECT under the amount, R-PERIOD under the date).
import { DatePicker, Form, Input, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ReactNode } from "react";
import type {
  ExpenseInput,
  FundSource,
  GrantYear,
  PaymentMethod,
  ProjectDetail,
  SpendOption,
} from "../../ipc";
import type { FieldPath } from "../../forms/problems";
import FormModal from "../../kit/FormModal";
import { formatYuan, toFen } from "../../money";
import { DATE_FORMAT, SOURCE_LABEL, SOURCE_SHORT, Yuan } from "../grants/labels";
import { AttachmentPicker, pickedProblem, storedRefs, type PickedFiles } from "./attachments";
import { PAYMENT_LABEL } from "./labels";
import { usePostExpense, useSpendOptions } from "./queries";

interface FormValues {
  date: Dayjs | null;
  summary: string;
  /** 记一笔支出: the budget line and source, picked apart. */
  category: string | undefined;
  source: FundSource;
  /** 拨付: one of the agreement's splits, as `category|source`. */
  split: string | undefined;
  amount: string;
  payee: string;
  paymentMethod: PaymentMethod;
  attachments: PickedFiles;
}

const FIELDS = [
  "date",
  "summary",
  "category",
  "source",
  "amount",
  "payee",
  "paymentMethod",
  "attachments",
] as const;

const splitKey = (category: string, source: FundSource) => `${category}|${source}`;

/** The words that differ between the flows; the form name gives the field ids (`payment_amount`). */
const FLOW = {
  expense: {
    form: "expense",
    testId: "expense",
    width: 600,
    dateLabel: "日期",
    dateMessage: "请选择支出日期",
    amountMessage: "请输入支出金额",
    amountExample: "例如 1280.50",
    attachmentsHelp: "发票、收据、签收单的照片或扫描件（图片或 PDF，可多选，每个不超过 20 MB）",
    submit: "记账",
  },
  payment: {
    form: "payment",
    testId: "pay",
    width: 640,
    dateLabel: "拨付日期",
    dateMessage: "请选择拨付日期",
    amountMessage: "请输入拨付金额",
    amountExample: "例如 8000 或 8,000.00",
    attachmentsHelp: "拨款申请、收据等（可选，图片或 PDF）",
    submit: "记账并拨付",
  },
} as const;

type Flow = (typeof FLOW)[keyof typeof FLOW];

/** The form's values as Rust's input; a payment names its project and takes its line from the split. */
export function toExpenseInput(
  grantYearId: number,
  v: Partial<FormValues>,
  projectId?: number,
): ExpenseInput {
  const [category, source] =
    projectId === undefined
      ? [v.category ?? "", v.source ?? "city"]
      : ((v.split ?? "").split("|") as [string?, FundSource?]);
  return {
    grantYearId,
    date: v.date ? v.date.format(DATE_FORMAT) : "",
    summary: (v.summary ?? "").trim(),
    category: category ?? "",
    source: source ?? "city",
    amount: (v.amount ?? "").trim(),
    payee: (v.payee ?? "").trim(),
    paymentMethod: v.paymentMethod ?? "bank",
    attachments: storedRefs(v.attachments ?? []),
    ...(projectId === undefined ? {} : { projectId }),
  };
}

/** Rust's fields → this form's: a payment's category and source are its split. */
function placeIn(payment: boolean) {
  return (field: string): FieldPath | null => {
    if (payment && (field === "category" || field === "source")) return ["split"];
    return (FIELDS as readonly string[]).includes(field) ? [field] : null;
  };
}

/** Budget lines that can be spent from: one entry per category, in the order Rust sends them. */
export function categoriesOf(options: SpendOption[]): { value: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const o of options) if (!seen.has(o.category)) seen.set(o.category, o.categoryName);
  return [...seen].map(([value, label]) => ({ value, label }));
}

/** What the chosen line and source have left, as the amount's help text. */
export function SpendHelp({ option, source }: { option: SpendOption | null; source: FundSource }) {
  if (!option)
    return (
      <span data-testid="expense-position">
        该科目没有{SOURCE_SHORT[source]}预算，请换一个资金来源或预算科目
      </span>
    );
  return (
    <span data-testid="expense-position">
      {option.categoryName}（{SOURCE_SHORT[source]}）预算 <Yuan value={option.budget} />
      ，已支出 <Yuan value={option.spent} />
      {(toFen(option.committed) ?? 0n) !== 0n && (
        <>
          ，服务项目已约定未支付 <Yuan value={option.committed} />
        </>
      )}
      ，尚余 <Yuan value={option.remaining} strong />；{SOURCE_SHORT[source]}账上余额{" "}
      <Yuan value={option.cash} strong />
    </span>
  );
}

function AmountItem({ flow, help }: { flow: Flow; help: ReactNode }) {
  return (
    <Form.Item
      name="amount"
      label="金额"
      extra={help ?? flow.amountExample}
      rules={[{ required: true, whitespace: true, message: flow.amountMessage }]}
    >
      <Input autoComplete="off" suffix="元" style={{ maxWidth: 240 }} />
    </Form.Item>
  );
}

/** 记一笔支出: any line of the year's budget, from either source. */
function BudgetLine({ grantYearId }: { grantYearId: number }) {
  const spend = useSpendOptions(grantYearId);
  const category = Form.useWatch<string | undefined>("category");
  const source = Form.useWatch<FundSource | undefined>("source") ?? "city";
  const options = spend.data ?? [];
  const option = options.find((o) => o.category === category && o.source === source) ?? null;
  return (
    <>
      <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
        <Form.Item
          name="category"
          label="预算科目"
          rules={[{ required: true, message: "请选择预算科目" }]}
          style={{ flex: "1 1 200px" }}
        >
          <Select
            data-testid="expense-category"
            loading={spend.isPending}
            options={categoriesOf(options)}
            placeholder="选择本年度预算中的科目"
            notFoundContent="本年度预算中没有科目"
          />
        </Form.Item>
        <Form.Item name="source" label="资金来源" style={{ flex: "0 0 auto" }}>
          <Radio.Group>
            {(["city", "district"] as const).map((s) => (
              <Radio key={s} value={s}>
                <span data-testid={`expense-source-${s}`}>{SOURCE_LABEL[s]}</span>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </div>
      <AmountItem
        flow={FLOW.expense}
        help={category ? <SpendHelp option={option} source={source} /> : null}
      />
    </>
  );
}

/** 拨付: only the agreement's splits, each with what is left to pay on it. */
function SplitLine({ detail }: { detail: ProjectDetail }) {
  const value = Form.useWatch<string | undefined>("split");
  const chosen = detail.splits.find((s) => splitKey(s.category, s.source) === value);
  return (
    <>
      <Form.Item
        name="split"
        label="预算科目 · 资金来源"
        rules={[{ required: true, message: "请选择从协议的哪一项支付" }]}
      >
        <Select
          data-testid="pay-split"
          placeholder="协议约定的科目和来源"
          options={detail.splits.map((s) => ({
            value: splitKey(s.category, s.source),
            label: `${s.categoryName} · ${SOURCE_LABEL[s.source]}（尚可拨付 ${formatYuan(s.remaining)}）`,
            title: `${s.categoryName} · ${SOURCE_LABEL[s.source]}`,
            disabled: (toFen(s.remaining) ?? 0n) <= 0n,
          }))}
        />
      </Form.Item>
      <AmountItem
        flow={FLOW.payment}
        help={
          chosen ? (
            <span data-testid="pay-remaining">
              {chosen.categoryName}（{SOURCE_LABEL[chosen.source]}）约定 {formatYuan(chosen.agreed)}{" "}
              元，已拨付 {formatYuan(chosen.paid)} 元，尚可拨付{" "}
              <Typography.Text strong>{formatYuan(chosen.remaining)}</Typography.Text> 元
            </span>
          ) : null
        }
      />
    </>
  );
}

export type ExpenseModalProps = { today: string; onClose: () => void } & (
  | { grant: GrantYear; project?: undefined }
  /** 拨付: the project's year may still be loading; Rust checks the period either way. */
  | { grant: GrantYear | null; project: ProjectDetail }
);

export default function ExpenseModal(props: ExpenseModalProps) {
  const { grant, project, today, onClose } = props;
  const post = usePostExpense();
  const flow = project ? FLOW.payment : FLOW.expense;
  const grantYearId = props.project ? props.project.project.grantYearId : props.grant.id;
  const lastDay = dayjs(today, DATE_FORMAT);
  // Dates the period allows and that are not in the future; Rust checks again (R-PERIOD).
  const periodStart = grant ? dayjs(grant.periodStart, DATE_FORMAT) : null;
  const periodEnd = grant ? dayjs(grant.periodEnd, DATE_FORMAT) : null;
  const open = project?.splits.filter((s) => (toFen(s.remaining) ?? 0n) > 0n) ?? [];

  const initialValues: FormValues = {
    date: null,
    summary: project ? `拨付“${project.project.name}”服务经费` : "",
    category: undefined,
    source: "city",
    split: open.length === 1 ? splitKey(open[0].category, open[0].source) : undefined,
    amount: "",
    payee: project ? project.project.memberName : "",
    paymentMethod: "bank",
    attachments: [],
  };

  return (
    <FormModal
      name={flow.form}
      title={
        props.project
          ? `拨付项目经费：${props.project.project.name}`
          : `记一笔支出（${props.grant.year} 年度资助）`
      }
      width={flow.width}
      scroll
      requiredMark={false}
      initialValues={initialValues}
      mutation={post}
      toInput={(v: FormValues, form) => {
        const waiting = pickedProblem(v.attachments ?? []);
        if (waiting) {
          form.setFields([{ name: "attachments", errors: [waiting] }]);
          return null;
        }
        return toExpenseInput(grantYearId, v, project?.project.id);
      }}
      place={placeIn(project !== undefined)}
      onSuccess={onClose}
      onClose={onClose}
      submitText={flow.submit}
      submitTestId={`${flow.testId}-submit`}
      cancelTestId={`${flow.testId}-cancel`}
      errorTestId={`${flow.testId}-error`}
      intro={
        project && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            约定 {formatYuan(project.agreed)} 元，已拨付 {formatYuan(project.paid)} 元，尚可拨付{" "}
            {formatYuan(project.remaining)} 元。拨付会在“记账”中生成一张支出凭证。
          </Typography.Paragraph>
        )
      }
      note="记账后凭证不能修改或删除；如有错误，用“冲销”生成红字凭证后重新记一笔。"
    >
      {/* 日期 and 金额 take whole rows: their refusals (R-PERIOD, R-SPEND) are long sentences. */}
      <Form.Item
        name="date"
        label={flow.dateLabel}
        rules={[{ required: true, message: flow.dateMessage }]}
      >
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: 200 }}
          defaultPickerValue={periodEnd && lastDay.isAfter(periodEnd) ? periodEnd : lastDay}
          disabledDate={(d) =>
            d.isAfter(lastDay, "day") ||
            (periodStart !== null && d.isBefore(periodStart, "day")) ||
            (periodEnd !== null && d.isAfter(periodEnd, "day"))
          }
        />
      </Form.Item>
      <Form.Item
        name="summary"
        label="摘要"
        rules={[{ required: true, whitespace: true, message: "请填写摘要" }]}
      >
        <Input autoComplete="off" maxLength={60} placeholder="例如 购买社区活动物资" />
      </Form.Item>
      {project ? <SplitLine detail={project} /> : <BudgetLine grantYearId={grantYearId} />}
      <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
        <Form.Item
          name="payee"
          label="收款方"
          rules={[{ required: true, whitespace: true, message: "请填写收款方" }]}
          style={{ flex: "1 1 240px" }}
        >
          <Input autoComplete="off" maxLength={50} placeholder="单位或个人" />
        </Form.Item>
        <Form.Item name="paymentMethod" label="支付方式" style={{ flex: "0 0 auto" }}>
          <Radio.Group>
            {(["bank", "cash", "other"] as const).map((m) => (
              <Radio key={m} value={m}>
                {PAYMENT_LABEL[m]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      </div>
      <Form.Item name="attachments" label="附件" extra={flow.attachmentsHelp}>
        <AttachmentPicker testId={`${flow.testId}-attachments`} />
      </Form.Item>
    </FormModal>
  );
}
