// 拨付: a payment to the undertaker is an expense in the books naming the project. The person picks
// one of the agreement's lines (with what is left to pay on it), the amount, the payee (the
// undertaker, prefilled) and the method. R-PROJECT (never above what the line agreed), R-SPEND
// (budget and cash) and R-PERIOD (period, closed months) come back under their fields.
import { Button, DatePicker, Form, Input, Modal, Radio, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { ExpenseInput, FundSource, GrantYear, PaymentMethod, ProjectDetail } from "../../ipc";
import { applyProblems, ProblemsAlert, type FieldPath, type Problem } from "../../forms/problems";
import { formatYuan, toFen } from "../../money";
import {
  AttachmentPicker,
  pickedProblem,
  storedRefs,
  type PickedFiles,
} from "../books/attachments";
import { PAYMENT_LABEL } from "../books/labels";
import { DATE_FORMAT, SOURCE_LABEL } from "../grants/labels";
import { usePostExpense } from "../books/queries";

interface FormValues {
  date: Dayjs | null;
  split: string | undefined;
  amount: string;
  summary: string;
  payee: string;
  paymentMethod: PaymentMethod;
  attachments: PickedFiles;
}

const splitKey = (category: string, source: FundSource) => `${category}|${source}`;

export function toPaymentInput(detail: ProjectDetail, v: Partial<FormValues>): ExpenseInput {
  const [category = "", source = "city"] = (v.split ?? "").split("|");
  return {
    grantYearId: detail.project.grantYearId,
    date: v.date ? v.date.format(DATE_FORMAT) : "",
    summary: (v.summary ?? "").trim(),
    category,
    source: source as FundSource,
    amount: (v.amount ?? "").trim(),
    payee: (v.payee ?? "").trim(),
    paymentMethod: v.paymentMethod ?? "bank",
    attachments: storedRefs(v.attachments ?? []),
    projectId: detail.project.id,
  };
}

/** Rust's fields → this form's. */
function place(field: string): FieldPath | null {
  if (field === "category" || field === "source") return ["split"];
  if (["date", "amount", "summary", "payee", "paymentMethod", "attachments"].includes(field))
    return [field];
  return null;
}

export default function PayModal({
  detail,
  grant,
  today,
  onClose,
}: {
  detail: ProjectDetail;
  grant: GrantYear | null;
  today: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const pay = usePostExpense();
  const [problems, setProblems] = useState<Problem[]>([]);
  const p = detail.project;
  const lastDay = dayjs(today, DATE_FORMAT);
  const periodStart = grant ? dayjs(grant.periodStart, DATE_FORMAT) : null;
  const periodEnd = grant ? dayjs(grant.periodEnd, DATE_FORMAT) : null;
  const open = detail.splits.filter((s) => (toFen(s.remaining) ?? 0n) > 0n);
  const splitValue = Form.useWatch("split", form);
  const chosen = detail.splits.find((s) => splitKey(s.category, s.source) === splitValue);

  const onFinish = (v: FormValues) => {
    if (pay.isPending) return;
    setProblems([]);
    const waiting = pickedProblem(v.attachments ?? []);
    if (waiting) {
      form.setFields([{ name: "attachments", errors: [waiting] }]);
      return;
    }
    pay.mutate(toPaymentInput(detail, v), {
      onSuccess: onClose,
      onError: (e) => setProblems(applyProblems(form, e, place)),
    });
  };

  return (
    <Modal
      open
      title={`拨付项目经费：${p.name}`}
      onCancel={onClose}
      maskClosable={false}
      width={640}
      styles={{ body: { maxHeight: "calc(100vh - 220px)", overflowY: "auto", paddingRight: 8 } }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={pay.isPending} data-testid="pay-cancel">
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          htmlType="submit"
          form="payment"
          loading={pay.isPending}
          data-testid="pay-submit"
        >
          记账并拨付
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        约定 {formatYuan(detail.agreed)} 元，已拨付 {formatYuan(detail.paid)} 元，尚可拨付{" "}
        {formatYuan(detail.remaining)} 元。拨付会在“记账”中生成一张支出凭证。
      </Typography.Paragraph>
      <Form<FormValues>
        form={form}
        name="payment"
        layout="vertical"
        requiredMark={false}
        initialValues={{
          date: null,
          split: open.length === 1 ? splitKey(open[0].category, open[0].source) : undefined,
          amount: "",
          summary: `拨付“${p.name}”服务经费`,
          payee: p.memberName,
          paymentMethod: "bank",
          attachments: [],
        }}
        onFinish={onFinish}
      >
        <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
          <Form.Item
            name="date"
            label="拨付日期"
            rules={[{ required: true, message: "请选择拨付日期" }]}
            style={{ flex: "0 0 170px" }}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: "100%" }}
              defaultPickerValue={periodEnd && lastDay.isAfter(periodEnd) ? periodEnd : lastDay}
              disabledDate={(d) =>
                d.isAfter(lastDay, "day") ||
                (periodStart !== null && d.isBefore(periodStart, "day")) ||
                (periodEnd !== null && d.isAfter(periodEnd, "day"))
              }
            />
          </Form.Item>
          <Form.Item
            name="split"
            label="预算科目 · 资金来源"
            rules={[{ required: true, message: "请选择从协议的哪一项支付" }]}
            style={{ flex: "1 1 260px", minWidth: 0 }}
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
        </div>
        <Form.Item
          name="amount"
          label="金额"
          rules={[{ required: true, whitespace: true, message: "请输入拨付金额" }]}
          extra={
            chosen ? (
              <span data-testid="pay-remaining">
                {chosen.categoryName}（{SOURCE_LABEL[chosen.source]}）约定{" "}
                {formatYuan(chosen.agreed)} 元，已拨付 {formatYuan(chosen.paid)} 元，尚可拨付{" "}
                <Typography.Text strong>{formatYuan(chosen.remaining)}</Typography.Text> 元
              </span>
            ) : (
              "例如 8000 或 8,000.00"
            )
          }
        >
          <Input autoComplete="off" suffix="元" style={{ maxWidth: 240 }} />
        </Form.Item>
        <Form.Item
          name="summary"
          label="摘要"
          rules={[{ required: true, whitespace: true, message: "请填写摘要" }]}
        >
          <Input autoComplete="off" maxLength={60} />
        </Form.Item>
        <div style={{ display: "flex", gap: 16, flexWrap: "wrap" }}>
          <Form.Item
            name="payee"
            label="收款方"
            rules={[{ required: true, whitespace: true, message: "请填写收款方" }]}
            style={{ flex: "1 1 240px" }}
          >
            <Input autoComplete="off" maxLength={50} />
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
        <Form.Item name="attachments" label="附件" extra="拨款申请、收据等（可选，图片或 PDF）">
          <AttachmentPicker testId="pay-attachments" />
        </Form.Item>
        <ProblemsAlert problems={problems} testId="pay-error" />
      </Form>
    </Modal>
  );
}
