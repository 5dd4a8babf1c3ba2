// 登记批复: the approval's document number and date. R-RECOG (recognized on or before the approval
// date) is Rust's to check; its refusal lands under the date with the rule id.
import { DatePicker, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ApprovalInput, GrantYear } from "../../ipc";
import FormModal from "../../kit/FormModal";
import { DATE_FORMAT } from "./labels";
import { useApproveGrantYear } from "./queries";

interface FormValues {
  docNo: string;
  date: Dayjs | null;
}

export default function ApprovalModal({
  grant,
  today,
  onClose,
}: {
  grant: GrantYear;
  today: string;
  onClose: () => void;
}) {
  const approve = useApproveGrantYear(grant.id);
  const lastDay = dayjs(today, DATE_FORMAT);

  return (
    <FormModal
      name="approval"
      title={`登记 ${grant.year} 年度批复`}
      width={480}
      mutation={approve}
      toInput={(v: FormValues): ApprovalInput => ({
        docNo: (v.docNo ?? "").trim(),
        date: v.date ? v.date.format(DATE_FORMAT) : "",
      })}
      place={["docNo", "date"]}
      onSuccess={onClose}
      onClose={onClose}
      submitText="登记"
      submitTestId="approval-submit"
      errorTestId="approval-error"
    >
      <Form.Item
        name="docNo"
        label="批复文号"
        extra="例如 宁民发〔2019〕12号"
        rules={[{ required: true, whitespace: true, message: "请输入批复文号" }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="date"
        label="批复日期"
        rules={[{ required: true, message: "请选择批复日期" }]}
      >
        <DatePicker
          format={DATE_FORMAT}
          style={{ width: 200 }}
          disabledDate={(d) => d.isAfter(lastDay, "day")}
        />
      </Form.Item>
    </FormModal>
  );
}
