// 补充附件: a scan that came after the payment. Attachments are evidence, not figures: they may be
// added to a posted voucher at any time and are never removed.
import { Form } from "antd";
import type { Voucher } from "../../ipc";
import FormModal from "../../kit/FormModal";
import { AttachmentPicker, pickedProblem, storedRefs, type PickedFiles } from "./attachments";
import { useAttachFiles } from "./queries";

export default function AttachModal({
  voucher,
  onClose,
}: {
  voucher: Voucher;
  onClose: () => void;
}) {
  const attach = useAttachFiles();

  return (
    <FormModal
      name="attach"
      title={`为 ${voucher.number} 补充附件`}
      initialValues={{ attachments: [] }}
      mutation={attach}
      toInput={({ attachments }: { attachments: PickedFiles }, form) => {
        const files = attachments ?? [];
        const problem = pickedProblem(files);
        const refs = storedRefs(files);
        if (problem || refs.length === 0) {
          form.setFields([{ name: "attachments", errors: [problem ?? "请选择要添加的附件"] }]);
          return null;
        }
        return { voucherId: voucher.id, files: refs };
      }}
      place={["attachments"]}
      onSuccess={onClose}
      onClose={onClose}
      submitText="添加"
      submitTestId="attach-submit"
      errorTestId="attach-error"
    >
      <Form.Item name="attachments" label="附件" extra="图片或 PDF，可多选。附件添加后不能删除。">
        <AttachmentPicker testId="attach-files" />
      </Form.Item>
    </FormModal>
  );
}
