// 检查与导出: the preflight checklist (blocking lines in red, warnings in amber, each with its rule id
// and a button to the screen that fixes it), 「重新检查」, and 「导出申报材料」 — disabled while a
// blocking line remains, showing the export's steps as Rust reports them, and ending on where the
// ZIP was saved, its files with their SHA-256, and 「打开所在文件夹」.
import {
  CheckCircleFilled,
  CloseCircleFilled,
  ExclamationCircleFilled,
  FileZipOutlined,
  FolderOpenOutlined,
  ReloadOutlined,
} from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App as AntdApp,
  Button,
  Card,
  Descriptions,
  Progress,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useState } from "react";
import { RuleTag, ProblemsAlert, problemsOf } from "../../forms/problems";
import {
  errorMessage,
  packetExport,
  packetReveal,
  type ExportProgress,
  type GrantYear,
  type PacketReport,
  type Preflight,
  type PreflightItem,
} from "../../ipc";
import { formatYuan } from "../../money";
import { FileTable } from "./labels";
import { usePreflight } from "./queries";

const RED = "#cf1322";
const AMBER = "#d48806";

function ItemRow({ item, onFix }: { item: PreflightItem; onFix: (link: string) => void }) {
  const blocking = item.level === "blocking";
  return (
    <div
      data-testid="preflight-item"
      data-level={item.level}
      style={{
        display: "flex",
        alignItems: "flex-start",
        gap: 10,
        padding: "10px 12px",
        borderBottom: "1px solid #f0f0f0",
        background: blocking ? "#fff5f5" : undefined,
      }}
    >
      {blocking ? (
        <CloseCircleFilled
          style={{ color: RED, fontSize: 16, marginTop: 3 }}
          aria-label="必须处理"
        />
      ) : (
        <ExclamationCircleFilled
          style={{ color: AMBER, fontSize: 16, marginTop: 3 }}
          aria-label="提醒"
        />
      )}
      <div style={{ flex: 1, minWidth: 0 }}>
        <Tag
          color={blocking ? "red" : "gold"}
          style={{ marginInlineEnd: 6 }}
          data-testid="preflight-level"
        >
          {blocking ? "必须处理" : "提醒"}
        </Tag>
        <span data-testid="preflight-message" style={{ color: blocking ? RED : undefined }}>
          {item.message}
        </span>
        <RuleTag rule={item.rule} />
      </div>
      <Button size="small" data-testid="preflight-fix" onClick={() => onFix(item.link)}>
        {item.action}
      </Button>
    </div>
  );
}

function Checklist({ preflight, onFix }: { preflight: Preflight; onFix: (link: string) => void }) {
  // Blocking lines first, each group in the order Rust gave (the order of the application form).
  const items = [
    ...preflight.items.filter((i) => i.level === "blocking"),
    ...preflight.items.filter((i) => i.level !== "blocking"),
  ];
  if (items.length === 0)
    return (
      <Alert
        type="success"
        showIcon
        data-testid="preflight-clear"
        message="检查通过：没有缺项，也没有违反规则的地方。"
      />
    );
  return (
    <div
      data-testid="preflight-list"
      style={{ border: "1px solid #f0f0f0", borderRadius: 6, overflow: "hidden" }}
    >
      {items.map((item, i) => (
        <ItemRow key={i} item={item} onFix={onFix} />
      ))}
    </div>
  );
}

function Status({ preflight }: { preflight: Preflight }) {
  const warnings = preflight.items.length - preflight.blocking;
  if (preflight.blocking > 0)
    return (
      <Typography.Text data-testid="preflight-status" style={{ color: RED }}>
        <CloseCircleFilled /> 还有 {preflight.blocking} 项必须先处理，处理后才能导出
      </Typography.Text>
    );
  return (
    <Typography.Text data-testid="preflight-status" type="success">
      <CheckCircleFilled /> 检查通过，可以导出
      {warnings > 0 && (
        <Typography.Text type="secondary">（{warnings} 项提醒，不影响导出）</Typography.Text>
      )}
    </Typography.Text>
  );
}

function ExportSteps({ progress }: { progress: ExportProgress | null }) {
  const percent = progress ? Math.round((progress.step / Math.max(progress.steps, 1)) * 100) : 2;
  return (
    <Card size="small" data-testid="packet-progress" style={{ marginBottom: 16 }}>
      <Typography.Text>
        {progress
          ? `第 ${progress.step} / ${progress.steps} 步：${progress.label}`
          : "正在开始导出…"}
      </Typography.Text>
      <Progress percent={percent} status="active" showInfo={false} style={{ marginBottom: 0 }} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        生成 PDF 需要几秒钟，请稍候；窗口仍可正常操作。
      </Typography.Text>
    </Card>
  );
}

export function ExportResult({ report }: { report: PacketReport }) {
  const { message } = AntdApp.useApp();
  const reveal = useMutation({
    mutationFn: () => packetReveal(report.path),
    onError: (e) => void message.error(errorMessage(e)),
  });
  return (
    <Card
      size="small"
      data-testid="packet-result"
      style={{ marginBottom: 16, borderColor: "#b7eb8f" }}
      title={
        <Space>
          <CheckCircleFilled style={{ color: "#52c41a" }} />
          <span>申报材料已导出并通过校验</span>
        </Space>
      }
      extra={
        <Button
          icon={<FolderOpenOutlined />}
          data-testid="packet-reveal"
          loading={reveal.isPending}
          onClick={() => reveal.mutate()}
        >
          打开所在文件夹
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 90 } }}
        items={[
          {
            key: "path",
            label: "保存位置",
            children: (
              <Typography.Text
                copyable={{ text: report.path, tooltips: ["复制路径", "已复制"] }}
                data-testid="packet-path"
                style={{ wordBreak: "break-all" }}
              >
                {report.path}
              </Typography.Text>
            ),
          },
          {
            key: "content",
            label: "内容",
            children: (
              <span data-testid="packet-summary">
                {report.year} 年度 · 资助总额 {formatYuan(report.total)} 元 · 成员单位{" "}
                {report.members} 家 · 服务项目 {report.projects} 个 · 申报书 PDF 共{" "}
                {report.pdfPages} 页
              </span>
            ),
          },
        ]}
      />
      <FileTable files={report.files} testId="packet-files" />
    </Card>
  );
}

export default function ExportTab({
  grant,
  onFix,
}: {
  grant: GrantYear;
  onFix: (link: string) => void;
}) {
  const preflight = usePreflight(grant.id);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const exporting = useMutation({
    mutationFn: () => packetExport(grant.id, setProgress),
    onMutate: () => setProgress(null),
  });
  const data = preflight.data;
  const blocked = !data || data.blocking > 0;

  return (
    <>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "center",
          gap: 12,
          flexWrap: "wrap",
          marginBottom: 12,
        }}
      >
        <div>{data && <Status preflight={data} />}</div>
        <Space>
          <Button
            icon={<ReloadOutlined />}
            data-testid="preflight-rerun"
            loading={preflight.isFetching}
            disabled={exporting.isPending}
            onClick={() => void preflight.refetch()}
          >
            重新检查
          </Button>
          <Tooltip
            title={
              data && data.blocking > 0
                ? `还有 ${data.blocking} 项必须先处理（见下方清单）`
                : undefined
            }
          >
            <Button
              type="primary"
              icon={<FileZipOutlined />}
              data-testid="packet-export"
              disabled={blocked || preflight.isFetching}
              loading={exporting.isPending}
              onClick={() => exporting.mutate()}
            >
              导出申报材料
            </Button>
          </Tooltip>
        </Space>
      </div>
      {exporting.isPending && <ExportSteps progress={progress} />}
      {exporting.isError && (
        <ProblemsAlert
          problems={problemsOf(exporting.error)}
          testId="packet-export-error"
          title="导出未完成"
        />
      )}
      {exporting.isSuccess && !exporting.isPending && <ExportResult report={exporting.data} />}
      {preflight.isError ? (
        <Alert type="error" showIcon message={errorMessage(preflight.error)} />
      ) : data ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 4 }}>
            检查清单
          </Typography.Title>
          <Checklist preflight={data} onFix={onFix} />
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 12 }}>
            导出内容：申报书（PDF 和可编辑的 Word）、附表（Excel）及 manifest.json
            清单，打包为一个压缩包，每个数字都取自账簿。
          </Typography.Paragraph>
        </>
      ) : (
        <Skeleton active />
      )}
    </>
  );
}
