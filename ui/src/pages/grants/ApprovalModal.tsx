// 登记批复: the approval's document number and date. R-RECOG (recognized on or before the approval
// date) is Rust's to check; its refusal lands under the date with the rule id.
import { Button, DatePicker, Form, Input, Modal } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { ApprovalInput, GrantYear } from "../../ipc";
import { applyProblems, placeIn, ProblemsAlert, type Problem } from "../../forms/problems";
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
  const [form] = Form.useForm<FormValues>();
  const approve = useApproveGrantYear(grant.id);
  const [problems, setProblems] = useState<Problem[]>([]);
  const lastDay = dayjs(today, DATE_FORMAT);

  const onFinish = (v: FormValues) => {
    if (approve.isPending) return;
    setProblems([]);
    const input: ApprovalInput = {
      docNo: (v.docNo ?? "").trim(),
      date: v.date ? v.date.format(DATE_FORMAT) : "",
    };
    approve.mutate(input, {
      onSuccess: onClose,
      onError: (e) => setProblems(applyProblems(form, e, placeIn(["docNo", "date"]))),
    });
  };

  return (
    <Modal
      open
      title={`登记 ${grant.year} 年度批复`}
      onCancel={onClose}
      maskClosable={false}
      width={480}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={approve.isPending}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={approve.isPending}
          htmlType="submit"
          // The footer is outside the <form>: `form` makes this its submit button, so Enter in a
          // field submits too.
          form="approval"
          data-testid="approval-submit"
        >
          登记
        </Button>,
      ]}
    >
      <Form<FormValues>
        form={form}
        name="approval"
        layout="vertical"
        onFinish={onFinish}
        style={{ marginTop: 16 }}
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
        <ProblemsAlert problems={problems} testId="approval-error" />
      </Form>
    </Modal>
  );
}
