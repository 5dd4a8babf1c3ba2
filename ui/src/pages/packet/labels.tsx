// Small pieces the 申报材料 screens share: the standard commitment, file sizes, short hashes, and the
// table of a packet's files with their SHA-256 (an export's result and a verified ZIP alike).
import { Table, Tooltip, Typography } from "antd";
import type { PacketFile } from "../../ipc";

/**
 * The standard 承诺 printed when the secretary writes none: the same paragraphs as
 * `default_commitment()` in src-tauri/export/src/model.rs (a test compares the two).
 */
export const STANDARD_COMMITMENT: readonly string[] = [
  "本单位郑重承诺：本申报书及所附材料所填写的内容和提供的数据真实、准确、完整，不存在虚报、瞒报情况。",
  "资助资金将严格按照批复的预算专款专用、单独核算，不挤占、挪用，不用于与项目无关的支出，并自觉接受民政、财政、审计等部门的监督检查和绩效评价。",
  "如有违反上述承诺的行为，本单位愿意承担相应责任，并退回已拨付的资助资金。",
];

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
