// 记一笔支出: date, 摘要, the budget line and source it spends (with what is left of both shown as
// help), amount as typed, payee, payment method and attachments. Rust posts the balanced voucher;
// its refusals land under their fields with the rule id (R-SPEND under the amount, R-PERIOD under
// the date).
import { Button, DatePicker, Form, Input, Modal, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { ExpenseInput, FundSource, GrantYear, PaymentMethod, SpendOption } from "../../ipc";
import { applyProblems, placeIn, ProblemsAlert, type Problem } from "../../forms/problems";
import { toFen } from "../../money";
import { DATE_FORMAT, SOURCE_LABEL, SOURCE_SHORT, Yuan } from "../grants/labels";
import { AttachmentPicker, pickedProblem, storedRefs, type PickedFiles } from "./attachments";
import { PAYMENT_LABEL } from "./labels";
import { usePostExpense, useSpendOptions } from "./queries";

interface FormValues {
  date: Dayjs | null;
  summary: string;
  category: string | undefined;
  source: FundSource;
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

export function toExpenseInput(grantYearId: number, v: Partial<FormValues>): ExpenseInput {
  return {
    grantYearId,
    date: v.date ? v.date.format(DATE_FORMAT) : "",
    summary: (v.summary ?? "").trim(),
    category: v.category ?? "",
    source: v.source ?? "city",
    amount: (v.amount ?? "").trim(),
    payee: (v.payee ?? "").trim(),
    paymentMethod: v.paymentMethod ?? "bank",
    attachments: storedRefs(v.attachments ?? []),
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

export default function ExpenseModal({
  grant,
  today,
  onClose,
}: {
  grant: GrantYear;
  today: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const post = usePostExpense();
  const spend = useSpendOptions(grant.id);
  const [problems, setProblems] = useState<Problem[]>([]);
  const category = Form.useWatch("category", form);
  const source = Form.useWatch("source", form) ?? "city";
  const options = spend.data ?? [];
  const option = options.find((o) => o.category === category && o.source === source) ?? null;
  const lastDay = dayjs(today, DATE_FORMAT);
  // Dates the period allows and that are not in the future; Rust checks again (R-PERIOD).
  const periodStart = dayjs(grant.periodStart, DATE_FORMAT);
  const periodEnd = dayjs(grant.periodEnd, DATE_FORMAT);

  const onFinish = (v: FormValues) => {
    if (post.isPending) return;
    setProblems([]);
    const waiting = pickedProblem(v.attachments ?? []);
    if (waiting) {
      form.setFields([{ name: "attachments", errors: [waiting] }]);
      return;
    }
    post.mutate(toExpenseInput(grant.id, v), {
      onSuccess: onClose,
      onError: (e) => setProblems(applyProblems(form, e, placeIn(FIELDS))),
    });
  };

  return (
    <Modal
      open
      title={`记一笔支出（${grant.year} 年度资助）`}
      onCancel={onClose}
      maskClosable={false}
      width={600}
      styles={{ body: { maxHeight: "calc(100vh - 220px)", overflowY: "auto", paddingRight: 8 } }}
      footer={[
        <Button
          key="cancel"
          onClick={onClose}
          disabled={post.isPending}
          data-testid="expense-cancel"
        >
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          htmlType="submit"
          form="expense"
          loading={post.isPending}
          data-testid="expense-submit"
        >
          记账
        </Button>,
      ]}
    >
      <Form<FormValues>
        form={form}
        name="expense"
        layout="vertical"
        requiredMark={false}
        initialValues={{
          date: null,
          summary: "",
          category: undefined,
          source: "city",
          amount: "",
          payee: "",
          paymentMethod: "bank",
          attachments: [],
        }}
        onFinish={onFinish}
        style={{ marginTop: 16 }}
      >
        {/* 日期 and 金额 take whole rows: their refusals (R-PERIOD, R-SPEND) are long sentences. */}
        <Form.Item name="date" label="日期" rules={[{ required: true, message: "请选择支出日期" }]}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: 200 }}
            defaultPickerValue={lastDay.isAfter(periodEnd) ? periodEnd : lastDay}
            disabledDate={(d) =>
              d.isAfter(lastDay, "day") ||
              d.isBefore(periodStart, "day") ||
              d.isAfter(periodEnd, "day")
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
        <Form.Item
          name="amount"
          label="金额"
          extra={category ? <SpendHelp option={option} source={source} /> : "例如 1280.50"}
          rules={[{ required: true, whitespace: true, message: "请输入支出金额" }]}
        >
          <Input autoComplete="off" suffix="元" style={{ maxWidth: 240 }} />
        </Form.Item>
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
        <Form.Item
          name="attachments"
          label="附件"
          extra="发票、收据、签收单的照片或扫描件（图片或 PDF，可多选，每个不超过 20 MB）"
        >
          <AttachmentPicker testId="expense-attachments" />
        </Form.Item>
        <ProblemsAlert problems={problems} testId="expense-error" />
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          记账后凭证不能修改或删除；如有错误，用“冲销”生成红字凭证后重新记一笔。
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
