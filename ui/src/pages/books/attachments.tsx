// Attachments (scanned receipts, photos, PDFs): picking files stores each one in the data folder at
// once (by SHA-256, through `attachmentStore`), so the form only sends their references; showing one
// reads its bytes back and previews them through a blob: URL (images as <img>, PDFs in an <object>
// where the window can render them, else the file's name and size with a plain note).
import { FileImageOutlined, FilePdfOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Space, Spin, Typography, Upload } from "antd";
import type { UploadFile, UploadProps } from "antd";
import { useEffect, useState } from "react";
import {
  attachmentStore,
  errorMessage,
  type Attachment,
  type AttachmentRef,
  type StoredFile,
} from "../../ipc";
import { fileSize } from "./labels";
import { useAttachmentBytes } from "./queries";

/** The files of an Upload: `response` is the StoredFile once Rust has kept it. */
export type PickedFiles = UploadFile<StoredFile>[];

export const ACCEPT = "image/png,image/jpeg,image/gif,image/webp,application/pdf,.pdf";

/** References of the files Rust has stored, for ExpenseInput / voucher_attach. */
export function storedRefs(files: PickedFiles): AttachmentRef[] {
  return files
    .filter((f) => f.status === "done" && f.response)
    .map((f) => ({ sha256: f.response!.sha256, fileName: f.response!.fileName }));
}

/** Why the picked files cannot be sent yet, or null. */
export function pickedProblem(files: PickedFiles): string | null {
  if (files.some((f) => f.status === "uploading")) return "附件仍在保存，请稍候再提交";
  if (files.some((f) => f.status === "error"))
    return "有附件未能保存（见红色文件名），请删除后重新选择";
  return null;
}

/** A multiple-file picker for images and PDFs; each picked file is stored right away. */
export function AttachmentPicker({
  value,
  onChange,
  testId = "attachment-picker",
}: {
  value?: PickedFiles;
  onChange?: (files: PickedFiles) => void;
  testId?: string;
}) {
  const [preview, setPreview] = useState<UploadFile<StoredFile> | null>(null);
  const customRequest: UploadProps<StoredFile>["customRequest"] = ({
    file,
    onSuccess,
    onError,
  }) => {
    attachmentStore(file as File).then(
      (stored) => onSuccess?.(stored),
      (e: unknown) => {
        const message = errorMessage(e);
        // antd shows a string `response` as the failed file's tooltip; the form says it too.
        onError?.(new Error(message), message as unknown as StoredFile);
      },
    );
  };
  return (
    <div data-testid={testId}>
      <Upload<StoredFile>
        multiple
        accept={ACCEPT}
        fileList={value ?? []}
        customRequest={customRequest}
        onChange={({ fileList }) => onChange?.(fileList)}
        onPreview={(f) => f.originFileObj && setPreview(f)}
        showUploadList={{ showPreviewIcon: true, showRemoveIcon: true }}
      >
        <Button icon={<UploadOutlined />}>选择文件…</Button>
      </Upload>
      {preview?.originFileObj && (
        <PreviewModal
          title={preview.name}
          blob={preview.originFileObj}
          mime={preview.response?.mime ?? preview.type ?? ""}
          size={preview.size ?? preview.originFileObj.size}
          onClose={() => setPreview(null)}
        />
      )}
    </div>
  );
}

function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) return;
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [blob]);
  return url;
}

/** WebView2 (Windows) and Chromium render PDFs inline; WebKitGTK (Linux) has no PDF viewer. */
export function canShowPdf(userAgent: string = navigator.userAgent): boolean {
  return /Edg\/|Chrome\//.test(userAgent);
}

export function BlobView({
  blob,
  mime,
  name,
  size,
}: {
  blob: Blob;
  mime: string;
  name: string;
  size: number;
}) {
  const url = useObjectUrl(blob);
  if (!url) return <Spin />;
  if (mime.startsWith("image/"))
    return (
      <img
        src={url}
        alt={name}
        data-testid="attachment-image"
        style={{ display: "block", maxWidth: "100%", maxHeight: "60vh", margin: "0 auto" }}
      />
    );
  const note = (
    <Alert
      type="info"
      showIcon
      data-testid="attachment-pdf-note"
      message={`${name}（PDF，${fileSize(size)}）`}
      description="本机的窗口组件不能直接显示 PDF。文件已完整保存在数据文件夹的 attachments 目录中（按内容校验），打印或查看请用 PDF 阅读器打开原文件。"
    />
  );
  if (mime === "application/pdf" && canShowPdf())
    return (
      <object
        data={url}
        type="application/pdf"
        aria-label={name}
        data-testid="attachment-pdf"
        style={{ width: "100%", height: "60vh", border: "none" }}
      >
        {note}
      </object>
    );
  return note;
}

function PreviewModal({
  title,
  blob,
  mime,
  size,
  onClose,
}: {
  title: string;
  blob: Blob;
  mime: string;
  size: number;
  onClose: () => void;
}) {
  return (
    <Modal
      open
      title={title}
      width={760}
      footer={null}
      onCancel={onClose}
      data-testid="attachment-preview"
    >
      <BlobView blob={blob} mime={mime} name={title} size={size} />
    </Modal>
  );
}

/** A stored attachment: its bytes are read from the data folder when it is shown. */
function StoredPreview({ file, onClose }: { file: Attachment; onClose: () => void }) {
  const bytes = useAttachmentBytes(file.sha256);
  const [blob, setBlob] = useState<Blob | null>(null);
  useEffect(() => {
    setBlob(bytes.data ? new Blob([bytes.data], { type: file.mime }) : null);
  }, [bytes.data, file.mime]);
  return (
    <Modal
      open
      title={file.fileName}
      width={760}
      footer={null}
      onCancel={onClose}
      data-testid="attachment-preview"
    >
      {bytes.isError ? (
        <Alert type="error" showIcon message={errorMessage(bytes.error)} />
      ) : blob ? (
        <BlobView blob={blob} mime={file.mime} name={file.fileName} size={file.size} />
      ) : (
        <Spin />
      )}
    </Modal>
  );
}

/** The attachments of a posted voucher: name, type and size; a click previews one. */
export function AttachmentList({ files }: { files: Attachment[] }) {
  const [open, setOpen] = useState<Attachment | null>(null);
  if (files.length === 0) return <Typography.Text type="secondary">没有附件</Typography.Text>;
  return (
    <>
      <Space direction="vertical" size={4} data-testid="voucher-attachments">
        {files.map((f) => (
          <Space key={f.sha256} size={8}>
            {f.mime === "application/pdf" ? <FilePdfOutlined /> : <FileImageOutlined />}
            <Typography.Link data-testid="attachment-open" onClick={() => setOpen(f)}>
              {f.fileName}
            </Typography.Link>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {fileSize(f.size)}　添加于 {f.addedAt.slice(0, 16)}
            </Typography.Text>
          </Space>
        ))}
      </Space>
      {open && <StoredPreview file={open} onClose={() => setOpen(null)} />}
    </>
  );
}
