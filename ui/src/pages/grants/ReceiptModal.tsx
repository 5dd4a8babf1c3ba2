// 登记到账: money that arrived, by source. The amount goes to Rust as typed; R-RECEIPT (never more
// than the source still owes) comes back under the amount with its rule id.
import { DatePicker, Form, Input, Radio, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { FundSource, GrantYearDetail, ReceiptInput } from "../../ipc";
import FormModal from "../../kit/FormModal";
import { formatYuan, toFen } from "../../money";
import { DATE_FORMAT, SOURCE_LABEL } from "./labels";
import { useAddReceipt } from "./queries";

interface FormValues {
  source: FundSource;
  date: Dayjs | null;
  amount: string;
  bankRef: string;
  note: string;
}

const FIELDS = ["source", "date", "amount", "bankRef", "note"] as const;

export function toReceiptInput(v: Partial<FormValues>): ReceiptInput {
  return {
    source: v.source ?? "city",
    date: v.date ? v.date.format(DATE_FORMAT) : "",
    amount: (v.amount ?? "").trim(),
    bankRef: (v.bankRef ?? "").trim(),
    note: (v.note ?? "").trim(),
  };
}

export default function ReceiptModal({
  detail,
  today,
  onClose,
}: {
  detail: GrantYearDetail;
  today: string;
  onClose: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const add = useAddReceipt(detail.grant.id);
  const lastDay = dayjs(today, DATE_FORMAT);
  const source = Form.useWatch("source", form);
  const owing = (s: FundSource) => detail.funds.find((f) => f.source === s)?.outstanding ?? "0.00";
  const firstOwing =
    detail.funds.find((f) => (toFen(f.outstanding) ?? 0n) > 0n)?.source ?? ("city" as FundSource);

  return (
    <FormModal
      name="receipt"
      title={`登记 ${detail.grant.year} 年度资金到账`}
      form={form}
      initialValues={{ source: firstOwing, date: null, amount: "", bankRef: "", note: "" }}
      mutation={add}
      toInput={toReceiptInput}
      place={FIELDS}
      onSuccess={onClose}
      onClose={onClose}
      submitText="登记"
      submitTestId="receipt-submit"
      errorTestId="receipt-error"
    >
      <Form.Item name="source" label="资金来源" rules={[{ required: true }]}>
        <Radio.Group>
          {(["city", "district"] as const).map((s) => (
            <Radio key={s} value={s}>
              <span data-testid={`receipt-source-${s}`}>{SOURCE_LABEL[s]}</span>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="date"
        label="到账日期"
        extra="以银行回单上的日期为准"
        rules={[{ required: true, message: "请选择到账日期" }]}
      >
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: 200 }}
          disabledDate={(d) => d.isAfter(lastDay, "day")}
        />
      </Form.Item>
      <Form.Item
        name="amount"
        label="到账金额"
        extra={
          source && (
            <>
              例如 180000 或 18万。{SOURCE_LABEL[source]}尚应到账{" "}
              <Typography.Text style={{ fontVariantNumeric: "tabular-nums" }}>
                {formatYuan(owing(source))}
              </Typography.Text>{" "}
              元
            </>
          )
        }
        rules={[{ required: true, whitespace: true, message: "请输入到账金额" }]}
      >
        <Input autoComplete="off" suffix="元" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item name="bankRef" label="银行流水号">
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input autoComplete="off" />
      </Form.Item>
    </FormModal>
  );
}
