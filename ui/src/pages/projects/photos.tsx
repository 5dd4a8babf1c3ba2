// Activity photos. Picking stores each image in the data folder at once (attachmentStore, by
// SHA-256), so the activity only sends references; a stored photo is read back (attachmentRead)
// into a blob: URL and shown as a thumbnail that opens antd's image preview.
import { PlusOutlined } from "@ant-design/icons";
import { Image, Space, Spin, Typography, Upload } from "antd";
import type { UploadProps } from "antd";
import { useEffect, useState } from "react";
import { attachmentStore, errorMessage, type ActivityPhoto, type StoredFile } from "../../ipc";
import type { PickedFiles } from "../books/attachments";
import { useAttachmentBytes } from "../books/queries";

export const PHOTO_ACCEPT = "image/png,image/jpeg,image/gif,image/webp";

/** A picture-card picker for images; each picked file is stored right away. */
export function PhotoPicker({
  value,
  onChange,
  testId = "activity-photos",
}: {
  value?: PickedFiles;
  onChange?: (files: PickedFiles) => void;
  testId?: string;
}) {
  const customRequest: UploadProps<StoredFile>["customRequest"] = ({
    file,
    onSuccess,
    onError,
  }) => {
    attachmentStore(file as File).then(
      (stored) => onSuccess?.(stored),
      (e: unknown) => {
        const message = errorMessage(e);
        onError?.(new Error(message), message as unknown as StoredFile);
      },
    );
  };
  const files = value ?? [];
  return (
    <div data-testid={testId}>
      <Upload<StoredFile>
        multiple
        accept={PHOTO_ACCEPT}
        listType="picture-card"
        fileList={files}
        customRequest={customRequest}
        onChange={({ fileList }) => onChange?.(fileList)}
        showUploadList={{ showPreviewIcon: false, showRemoveIcon: true }}
      >
        {files.length >= 12 ? null : (
          <div>
            <PlusOutlined />
            <div style={{ marginTop: 4 }}>添加照片</div>
          </div>
        )}
      </Upload>
    </div>
  );
}

function useBlobUrl(bytes: ArrayBuffer | undefined, mime: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes) return;
    const u = URL.createObjectURL(new Blob([bytes], { type: mime }));
    setUrl(u);
    return () => {
      URL.revokeObjectURL(u);
      setUrl(null);
    };
  }, [bytes, mime]);
  return url;
}

const THUMB = 56;

function Thumb({ photo }: { photo: ActivityPhoto }) {
  const bytes = useAttachmentBytes(photo.sha256);
  const url = useBlobUrl(bytes.data, photo.mime);
  if (bytes.isError)
    return (
      <Typography.Text type="danger" style={{ fontSize: 12 }} title={errorMessage(bytes.error)}>
        {photo.fileName}（无法读取）
      </Typography.Text>
    );
  if (!url)
    return (
      <div style={{ width: THUMB, height: THUMB, display: "grid", placeItems: "center" }}>
        <Spin size="small" />
      </div>
    );
  return (
    <Image
      src={url}
      alt={photo.fileName}
      width={THUMB}
      height={THUMB}
      data-testid="activity-photo"
      style={{ objectFit: "cover", borderRadius: 4, border: "1px solid #f0f0f0" }}
      preview={{ mask: "查看" }}
    />
  );
}

/** The photos of one activity as thumbnails; a click opens the preview (with the others). */
export function PhotoThumbs({ photos }: { photos: ActivityPhoto[] }) {
  if (photos.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space size={6} wrap data-testid="activity-photos-shown">
        {photos.map((p) => (
          <Thumb key={p.sha256} photo={p} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
