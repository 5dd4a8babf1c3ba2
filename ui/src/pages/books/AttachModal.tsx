// 补充附件: a scan that came after the payment. Attachments are evidence, not figures: they may be
// added to a posted voucher at any time and are never removed.
import { Button, Form, Modal } from "antd";
import { useState } from "react";
import type { Voucher } from "../../ipc";
import { applyProblems, placeIn, ProblemsAlert, type Problem } from "../../forms/problems";
import { AttachmentPicker, pickedProblem, storedRefs, type PickedFiles } from "./attachments";
import { useAttachFiles } from "./queries";

export default function AttachModal({
  voucher,
  onClose,
}: {
  voucher: Voucher;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ attachments: PickedFiles }>();
  const attach = useAttachFiles();
  const [problems, setProblems] = useState<Problem[]>([]);

  const onFinish = ({ attachments }: { attachments: PickedFiles }) => {
    if (attach.isPending) return;
    setProblems([]);
    const files = attachments ?? [];
    const problem = pickedProblem(files);
    const refs = storedRefs(files);
    if (problem || refs.length === 0) {
      form.setFields([{ name: "attachments", errors: [problem ?? "请选择要添加的附件"] }]);
      return;
    }
    attach.mutate(
      { voucherId: voucher.id, files: refs },
      {
        onSuccess: onClose,
        onError: (e) => setProblems(applyProblems(form, e, placeIn(["attachments"]))),
      },
    );
  };

  return (
    <Modal
      open
      title={`为 ${voucher.number} 补充附件`}
      onCancel={onClose}
      maskClosable={false}
      width={520}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={attach.isPending}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          htmlType="submit"
          form="attach"
          loading={attach.isPending}
          data-testid="attach-submit"
        >
          添加
        </Button>,
      ]}
    >
      <Form
        form={form}
        name="attach"
        layout="vertical"
        initialValues={{ attachments: [] }}
        onFinish={onFinish}
        style={{ marginTop: 16 }}
      >
        <Form.Item name="attachments" label="附件" extra="图片或 PDF，可多选。附件添加后不能删除。">
          <AttachmentPicker testId="attach-files" />
        </Form.Item>
        <ProblemsAlert problems={problems} testId="attach-error" />
      </Form>
    </Modal>
  );
}
