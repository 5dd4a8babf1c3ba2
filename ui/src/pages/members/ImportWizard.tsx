// Import from a spreadsheet: pick a file (an <input type="file">, which tests can drive), see what
// would be added and updated, or the table of every problem (row, column, problem) — in which case
// nothing is written — then import in one go.
import { UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Result, Space, Statistic, Table, Typography, message } from "antd";
import { useRef, useState } from "react";
import {
  errorMessage,
  membersImport,
  membersImportPreview,
  membersImportProblemsExport,
  membersTemplateExport,
  readPickedFile,
  type ImportProblem,
  type ImportReport,
  type PickedFile,
} from "../../ipc";

export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  return (
    <Table
      data-testid="import-problems"
      size="small"
      rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
      dataSource={problems}
      pagination={{ pageSize: 8, showSizeChanger: false }}
      columns={[
        {
          title: "行",
          dataIndex: "row",
          width: 80,
          render: (r: number) => (r === 0 ? "整个文件" : `第${r}行`),
        },
        { title: "列", dataIndex: "column", width: 150 },
        { title: "问题", dataIndex: "message" },
      ]}
    />
  );
}

function saved(path: string) {
  void message.success({ content: `已保存到：${path}`, duration: 8 });
}

export default function ImportWizard({
  open,
  onClose,
}: {
  open: boolean;
  onClose: (imported: boolean) => void;
}) {
  const [file, setFile] = useState<PickedFile | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [pickedName, setPickedName] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const reset = () => {
    setFile(null);
    setReport(null);
    setError(null);
    setInputKey((k) => k + 1);
    setPickedName(null);
  };

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    setError(null);
    setReport(null);
    setBusy("正在读取并检查文件…");
    try {
      const f = await readPickedFile(picked);
      setFile(f);
      setReport(await membersImportPreview(f));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    if (!file || !report) return;
    setBusy(`正在导入 ${report.rows} 行…`);
    try {
      setReport(await membersImport(file));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const exportTemplate = async () => {
    try {
      saved((await membersTemplateExport()).path);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const exportProblems = async () => {
    if (!report) return;
    try {
      saved((await membersImportProblemsExport(report.problems)).path);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const close = () => {
    const imported = report?.applied ?? false;
    reset();
    onClose(imported);
  };

  const failed = report !== null && report.problems.length > 0;
  return (
    <Modal
      open={open}
      title="从 Excel 导入成员单位"
      width={860}
      onCancel={close}
      maskClosable={false}
      footer={
        report?.applied ? (
          <Button type="primary" onClick={close} data-testid="import-done">
            完成
          </Button>
        ) : (
          <Space>
            <Button onClick={close}>取消</Button>
            <Button
              type="primary"
              data-testid="import-confirm"
              disabled={report === null || failed || busy !== null}
              loading={busy !== null && report !== null}
              onClick={() => void run()}
            >
              确认导入
            </Button>
          </Space>
        )
      }
    >
      {report?.applied ? (
        <div data-testid="import-success">
          <Result
            status="success"
            title={`导入完成：新增 ${report.added} 家，更新 ${report.updated} 家`}
            subTitle={report.unchanged > 0 ? `${report.unchanged} 家与名册一致，未改动` : undefined}
          />
        </div>
      ) : (
        <Space direction="vertical" style={{ width: "100%" }} size="middle">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            支持 .xlsx 和 .csv（UTF-8 或
            GBK）。表头按名称识别，如“单位名称”“统一社会信用代码”“备案编号”
            “类别”“所属社区”“负责人”“联系电话”“成立日期”“加入日期”。先检查全部行，有问题则一行也不导入。
            <Button type="link" size="small" onClick={() => void exportTemplate()}>
              下载导入模板
            </Button>
          </Typography.Paragraph>
          {/* The browser's own file button would speak the system language ("Choose File"); an antd
              button opens the same input, which stays in the page (visually hidden) for tests. */}
          <Space>
            <Button icon={<UploadOutlined />} onClick={() => fileInput.current?.click()}>
              选择文件…
            </Button>
            <Typography.Text type={pickedName ? undefined : "secondary"}>
              {pickedName ?? "尚未选择文件"}
            </Typography.Text>
          </Space>
          <input
            key={inputKey}
            ref={fileInput}
            type="file"
            data-testid="import-file"
            accept=".xlsx,.xls,.csv"
            style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
            onChange={(e) => {
              const picked = e.target.files?.[0];
              setPickedName(picked?.name ?? null);
              void pick(picked);
            }}
          />
          {busy && <Alert type="info" showIcon message={busy} />}
          {error && <Alert type="error" showIcon message={error} data-testid="import-error" />}
          {report && failed && (
            <>
              <Alert
                type="error"
                showIcon
                data-testid="import-refused"
                message={`发现 ${report.problems.length} 处问题，本次不会导入任何数据。请在 Excel 中改正后重新选择文件。`}
                action={
                  <Button size="small" onClick={() => void exportProblems()}>
                    保存问题清单
                  </Button>
                }
              />
              <ProblemTable problems={report.problems} />
            </>
          )}
          {report && !failed && (
            <div data-testid="import-preview">
              <Space size={48}>
                <Statistic title="数据行" value={report.rows} />
                <Statistic title="将新增" value={report.added} />
                <Statistic title="将更新" value={report.updated} />
                <Statistic title="无变化" value={report.unchanged} />
              </Space>
              {report.newCommunities.length > 0 && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="info"
                  showIcon
                  message={`将新增社区：${report.newCommunities.join("、")}`}
                />
              )}
              {report.warnings.length > 0 && (
                <Alert
                  style={{ marginTop: 12 }}
                  type="warning"
                  showIcon
                  message={`${report.warnings.length} 条提醒（不影响导入）`}
                  description={report.warnings
                    .slice(0, 5)
                    .map((w) => `第${w.row}行：${w.message}`)
                    .join("；")}
                />
              )}
            </div>
          )}
        </Space>
      )}
    </Modal>
  );
}
