// 备份与恢复: the backups Rust keeps (daily, monthly, before a migration, before a restore) and the
// manual ones in the default folder; 立即备份 into a typed folder (a USB stick); 恢复 from a listed
// backup or from a picked file, each after a plain confirmation. After a restore every query is
// refetched, because every figure in the window may have changed.
import { CheckCircleFilled, CloseCircleFilled, UploadOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Input, Space, Table, Tag, Tooltip, Typography } from "antd";
import type { ButtonProps } from "antd";
import { useRef, useState } from "react";
import type { BackupInfo, BackupKind, RestoreReport } from "../../ipc";
import { backupNow, backupRestore, backupRestoreFile, backupsList, errorMessage } from "../../ipc";
import { afterBackup, afterBooksReplaced, queryKeys } from "../../kit/queryKeys";

export const RESTORE_CONFIRM = "恢复后，当前数据会先自动备份，然后被所选备份替换。确定恢复吗？";

const KIND: Record<BackupKind, { label: string; color: string }> = {
  daily: { label: "每日", color: "blue" },
  monthly: { label: "每月", color: "geekblue" },
  beforeMigration: { label: "迁移前", color: "purple" },
  beforeRestore: { label: "恢复前", color: "orange" },
  manual: { label: "手动", color: "green" },
};

export function formatSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export default function BackupCard({ demo }: { demo: boolean }) {
  const { modal } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.backups, queryFn: backupsList, enabled: !demo });
  const [folder, setFolder] = useState("");
  const [error, setError] = useState<{ title: string; text: string } | null>(null);
  const [restored, setRestored] = useState<RestoreReport | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const [inputKey, setInputKey] = useState(0);

  const now = useMutation({
    mutationFn: () => backupNow(folder),
    onMutate: () => setError(null),
    onSuccess: () => void afterBackup(client),
    onError: (e) => setError({ title: "没有备份", text: errorMessage(e) }),
  });

  const restore = useMutation({
    mutationFn: (from: { path: string } | { file: File }) =>
      "path" in from ? backupRestore(from.path) : backupRestoreFile(from.file),
    onMutate: () => {
      setError(null);
      setRestored(null);
    },
    onSuccess: (report) => {
      setRestored(report);
      void afterBooksReplaced(client);
    },
    onError: (e) => setError({ title: "没有恢复", text: errorMessage(e) }),
  });

  const confirm = (what: string, run: () => Promise<unknown>) =>
    modal.confirm({
      title: `从${what}恢复？`,
      content: RESTORE_CONFIRM,
      okText: "恢复",
      okButtonProps: { danger: true, "data-testid": "backup-restore-ok" } as ButtonProps,
      cancelText: "取消",
      onOk: () => run().catch(() => undefined),
    });

  if (demo) {
    return (
      <Card title="备份与恢复" data-testid="backup-card">
        <Alert
          type="info"
          showIcon
          message="正在查看示例数据。备份与恢复只针对正式账簿，请先退出示例数据。"
        />
      </Card>
    );
  }

  const defaultFolder = list.data?.defaultFolder ?? "";
  return (
    <Card title="备份与恢复" data-testid="backup-card">
      <Space direction="vertical" size={16} style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          每天第一次打开软件时自动备份一次，保留最近 7 天的每日备份和最近 12
          个月每月一份；每份备份写好后都会校验。也可以随时把账簿备份到U盘等文件夹。
        </Typography.Paragraph>

        <div>
          <Typography.Text strong>立即备份到文件夹</Typography.Text>
          <Space.Compact style={{ display: "flex", marginTop: 8, maxWidth: 720 }}>
            <Input
              value={folder}
              onChange={(e) => setFolder(e.target.value)}
              onPressEnter={() => now.mutate()}
              placeholder={defaultFolder ? `不填则保存到 ${defaultFolder}` : "例如 E:\\备份"}
              aria-label="备份文件夹"
              data-testid="backup-folder"
            />
            <Button
              type="primary"
              loading={now.isPending}
              onClick={() => now.mutate()}
              data-testid="backup-now"
            >
              立即备份
            </Button>
          </Space.Compact>
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 4 }}>
            填写完整的文件夹路径（例如U盘 E:\备份），文件名包含社联会名称和日期，不会覆盖已有文件。
          </Typography.Text>
        </div>

        {now.data && !now.isPending && (
          <Alert
            type="success"
            showIcon
            data-testid="backup-written"
            message="备份完成，并已校验"
            description={
              <Typography.Text copyable style={{ wordBreak: "break-all" }}>
                {now.data.path}
              </Typography.Text>
            }
          />
        )}
        {restored && (
          <Alert
            type="success"
            showIcon
            data-testid="backup-restored"
            message="恢复完成，窗口中的数据已全部刷新"
            description={
              <span style={{ wordBreak: "break-all" }}>
                恢复前的数据已备份到：{restored.beforeRestore}
              </span>
            }
          />
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            data-testid="backup-error"
            message={error.title}
            description={error.text}
          />
        )}
        {list.isError && <Alert type="error" showIcon message={errorMessage(list.error)} />}

        <div
          style={{
            display: "flex",
            justifyContent: "space-between",
            alignItems: "center",
            gap: 12,
            flexWrap: "wrap",
          }}
        >
          <Typography.Text strong>备份列表</Typography.Text>
          <Button
            icon={<UploadOutlined />}
            loading={restore.isPending}
            onClick={() => input.current?.click()}
          >
            从文件恢复…
          </Button>
        </div>
        {/* The browser's own file button would speak the system language; the antd button above
            opens this input, which stays in the page (visually hidden) for tests. */}
        <input
          key={inputKey}
          ref={input}
          type="file"
          accept=".shelian,.db"
          data-testid="backup-restore-file"
          style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // A new input, so that picking the same file again asks again.
            setInputKey((k) => k + 1);
            if (file) confirm(`“${file.name}”`, () => restore.mutateAsync({ file }));
          }}
        />
        <Table<BackupInfo>
          size="small"
          rowKey="path"
          data-testid="backup-list"
          loading={list.isPending}
          dataSource={list.data?.backups ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: "还没有备份" }}
          scroll={{ x: 640 }}
          columns={[
            { title: "日期", dataIndex: "taken", width: 170 },
            {
              title: "类型",
              dataIndex: "kind",
              width: 90,
              render: (k: BackupKind) => <Tag color={KIND[k].color}>{KIND[k].label}</Tag>,
            },
            {
              title: "大小",
              dataIndex: "size",
              width: 90,
              align: "right",
              render: (s: number) => formatSize(s),
            },
            {
              title: "数据版本",
              dataIndex: "schemaVersion",
              width: 90,
              align: "center",
              render: (v: number | null) => (v === null ? "—" : String(v)),
            },
            {
              title: "校验",
              dataIndex: "verified",
              width: 150,
              render: (ok: boolean, b) =>
                ok ? (
                  <Typography.Text type="success">
                    <CheckCircleFilled /> 通过
                  </Typography.Text>
                ) : (
                  <Typography.Text type="danger">
                    <CloseCircleFilled /> {b.problem ?? "未通过"}
                  </Typography.Text>
                ),
            },
            {
              title: "文件",
              dataIndex: "fileName",
              ellipsis: { showTitle: false },
              render: (name: string, b) => (
                <Tooltip title={b.path} placement="topLeft">
                  {name}
                </Tooltip>
              ),
            },
            {
              title: "操作",
              key: "restore",
              width: 80,
              fixed: "right",
              render: (_, b, i) => (
                <Button
                  type="link"
                  size="small"
                  danger
                  disabled={!b.verified || restore.isPending}
                  data-testid={`backup-restore-${i}`}
                  onClick={() =>
                    confirm(`${b.taken} 的${KIND[b.kind].label}备份`, () =>
                      restore.mutateAsync({ path: b.path }),
                    )
                  }
                >
                  恢复
                </Button>
              ),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
