// Small pieces the 申报材料 screens share: the standard commitment, file sizes, short hashes, and the
// table of a packet's files with their SHA-256 (an export's result and a verified ZIP alike).
import { Table, Tooltip, Typography } from "antd";
import type { PacketFile } from "../../ipc";

/** The standard 承诺 printed when the secretary writes none: Rust's own paragraphs
 * (`books::packet::STANDARD_COMMITMENT`, generated into bindings/labels.ts). */
export { STANDARD_COMMITMENT } from "../../bindings/labels";

/** 12 345 → "12.1 KB", in the units a file manager shows. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** The first 12 hex digits: enough to compare by eye; the whole hash is in the tooltip. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** A file's name without the year's folder ("2020年度申报材料/申报书.pdf" → "申报书.pdf"). */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function FileTable({ files, testId }: { files: PacketFile[]; testId: string }) {
  return (
    <Table<PacketFile>
      data-testid={testId}
      size="small"
      rowKey="name"
      pagination={false}
      dataSource={files}
      columns={[
        {
          title: "文件",
          dataIndex: "name",
          render: (name: string) => (
            <Tooltip title={name}>
              <span data-testid="packet-file-name">{baseName(name)}</span>
            </Tooltip>
          ),
        },
        {
          title: "大小",
          dataIndex: "size",
          align: "right",
          width: 100,
          render: (size: number) => (
            <span style={{ whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" }}>
              {fileSize(size)}
            </span>
          ),
        },
        {
          title: "SHA-256（前 12 位）",
          dataIndex: "sha256",
          width: 170,
          render: (sha: string) => (
            <Tooltip title={sha}>
              <Typography.Text code style={{ fontSize: 12 }} data-testid="packet-file-hash">
                {shortHash(sha)}
              </Typography.Text>
            </Tooltip>
          ),
        },
      ]}
    />
  );
}
