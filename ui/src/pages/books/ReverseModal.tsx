// 冲销: a red-ink voucher that repeats the original's lines with negative amounts, dated on or after
// it, with the reason the summary keeps. The original stays as it was (R-IMMUTABLE).
import { DatePicker, Descriptions, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ReversalInput, Voucher } from "../../ipc";
import FormModal from "../../kit/FormModal";
import { DATE_FORMAT, SOURCE_LABEL } from "../grants/labels";
import { Amount } from "./labels";
import { useReverseVoucher } from "./queries";

interface FormValues {
  date: Dayjs | null;
  reason: string;
}

export default function ReverseModal({
  voucher,
  today,
  onClose,
  onDone,
}: {
  voucher: Voucher;
  today: string;
  onClose: () => void;
  onDone?: (reversal: Voucher) => void;
}) {
  const reverse = useReverseVoucher();
  const lastDay = dayjs(today, DATE_FORMAT);
  const first = dayjs(voucher.date, DATE_FORMAT);

  return (
    <FormModal
      name="reversal"
      title={`冲销 ${voucher.number}`}
      requiredMark={false}
      initialValues={{ date: null, reason: "" }}
      mutation={reverse}
      toInput={(v: FormValues): ReversalInput => ({
        voucherId: voucher.id,
        date: v.date ? v.date.format(DATE_FORMAT) : "",
        reason: (v.reason ?? "").trim(),
      })}
      place={["date", "reason"]}
      onSuccess={(r) => {
        onDone?.(r);
        onClose();
      }}
      onClose={onClose}
      danger
      submitText="生成红字冲销凭证"
      submitTestId="reversal-submit"
      errorTestId="reversal-error"
      intro={
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginTop: 16 }}
          styles={{ label: { width: 90 } }}
          items={[
            { key: "date", label: "原凭证", children: `${voucher.number}　${voucher.date}` },
            { key: "summary", label: "摘要", children: voucher.summary },
            {
              key: "amount",
              label: "金额",
              children: (
                <>
                  <Amount value={voucher.amount} /> 元（{SOURCE_LABEL[voucher.source]}
                  {voucher.categoryName ? ` · ${voucher.categoryName}` : ""}）
                </>
              ),
            },
          ]}
        />
      }
      note="原凭证保持不变；冲销凭证以负数（红字）重复原分录，两张凭证互相关联。如需更正，冲销后再记一笔正确的支出。"
    >
      <Form.Item
        name="date"
        label="冲销日期"
        extra={`不早于原凭证日期 ${voucher.date}；所在月份须未结账`}
        rules={[{ required: true, message: "请选择冲销日期" }]}
      >
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: 200 }}
          disabledDate={(d) => d.isAfter(lastDay, "day") || d.isBefore(first, "day")}
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label="原因"
        rules={[{ required: true, whitespace: true, message: "请写明冲销原因" }]}
      >
        <Input autoComplete="off" maxLength={60} placeholder="例如 金额录入错误" />
      </Form.Item>
    </FormModal>
  );
}
