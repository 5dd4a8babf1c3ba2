// Import from a spreadsheet: pick a file (an <input type="file">, which tests can drive), see what
// would be added and updated, or the table of every problem (row, column, problem) — in which case
// nothing is written — then import in one go, with a progress bar fed by Rust's progress events.
// A file without a 加入日期 column is asked once for the date to record (Rust checks the answer).
import { UploadOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Modal,
  Progress,
  Result,
  Space,
  Statistic,
  Table,
  Typography,
  message,
} from "antd";
import dayjs from "dayjs";
import { useRef, useState } from "react";
import {
  errorMessage,
  membersImport,
  membersImportPreview,
  membersImportProblemsExport,
  membersTemplateExport,
  readPickedFile,
  type ImportOptions,
  type ImportProblem,
  type ImportProgress,
  type ImportReport,
  type PickedFile,
} from "../../ipc";
import { DATE_FORMAT } from "../grants/labels";

export function ProblemTable({ problems }: { problems: ImportProblem[] }) {
  // The rows scroll inside the dialog, so its buttons stay on a 1280×800 screen.
  return (
    <div style={{ maxHeight: 340, overflowY: "auto" }}>
      <Table
        data-testid="import-problems"
        size="small"
        rowKey={(p) => `${p.row}-${p.column}-${p.message}`}
        dataSource={problems}
        pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
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
    </div>
  );
}

/** The question a file without a 加入日期 column gets, once, for all its rows. */
function JoinedOnQuestion({
  report,
  options,
  today,
  disabled,
  onChange,
}: {
  report: ImportReport;
  options: ImportOptions;
  today: string;
  disabled: boolean;
  onChange: (options: ImportOptions) => void;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="import-joined"
      message="文件中没有“加入日期”列"
      description={
        <Space direction="vertical" size="small" style={{ marginTop: 4 }}>
          <Typography.Text>
            每家成员单位都要记录加入本社联会的日期。请选择本次导入统一记录的日期（文件中的其他内容照常导入），以后可在单位的编辑页逐个修改。
          </Typography.Text>
          <Space wrap>
            <span>记录的加入日期：</span>
            <DatePicker
              id="import-joined-on"
              format={DATE_FORMAT}
              allowClear={false}
              disabled={disabled}
              style={{ width: 170 }}
              value={options.joinedOn ? dayjs(options.joinedOn, DATE_FORMAT) : null}
              disabledDate={(d) => d.isAfter(dayjs(today, DATE_FORMAT), "day")}
              onChange={(d) => onChange({ ...options, joinedOn: d ? d.format(DATE_FORMAT) : "" })}
            />
          </Space>
          {report.foundedOnColumn && (
            <Checkbox
              data-testid="import-joined-from-founded"
              disabled={disabled}
              checked={options.joinedOnFromFounded}
              onChange={(e) => onChange({ ...options, joinedOnFromFounded: e.target.checked })}
            >
              文件有“成立日期”列：有成立日期的单位，加入日期记为其成立日期（其余记为上面的日期）
            </Checkbox>
          )}
        </Space>
      }
    />
  );
}

/** The import's progress as Rust reports it: checking, then writing, each row once. */
function ImportProgressBar({ rows, progress }: { rows: number; progress: ImportProgress | null }) {
  const percent =
    progress && progress.total > 0 ? Math.floor((progress.done * 100) / progress.total) : 0;
  const label =
    progress === null
      ? `正在导入 ${rows} 行…`
      : progress.stage === "check"
        ? `正在检查：${Math.min(progress.done, rows)} / ${rows} 行`
        : `正在写入：${Math.max(progress.done - rows, 0)} / ${rows} 行`;
  return (
    <div data-testid="import-progress">
      <Typography.Text>{label}</Typography.Text>
      <Progress percent={percent} status="active" />
    </div>
  );
}

function saved(path: string) {
  void message.success({ content: `已保存到：${path}`, duration: 8 });
}

export default function ImportWizard({
  open,
  today,
  onClose,
}: {
  open: boolean;
  /** `YYYY-MM-DD`: the default 加入日期 for a file without that column. */
  today: string;
  onClose: (imported: boolean) => void;
}) {
  const initialOptions: ImportOptions = { joinedOn: today, joinedOnFromFounded: false };
  const [file, setFile] = useState<PickedFile | null>(null);
  const [options, setOptions] = useState<ImportOptions>(initialOptions);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
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
    setOptions(initialOptions);
    setProgress(null);
  };

  const pick = async (picked: File | undefined) => {
    if (!picked) return;
    setError(null);
    setReport(null);
    setBusy("正在读取并检查文件…");
    setOptions(initialOptions);
    try {
      const f = await readPickedFile(picked);
      setFile(f);
      setReport(await membersImportPreview(f, initialOptions));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  // A changed answer is checked by Rust again: the preview shows what the import will do with it.
  const answer = async (next: ImportOptions) => {
    if (!file) return;
    setOptions(next);
    setError(null);
    setBusy("正在重新检查…");
    try {
      setReport(await membersImportPreview(file, next));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const run = async () => {
    if (!file || !report) return;
    setProgress(null);
    setBusy("import");
    try {
      setReport(await membersImport(file, options, setProgress));
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
            subTitle={[
              report.unchanged > 0 ? `${report.unchanged} 家与名册一致，未改动` : null,
              report.joinedOnDefault
                ? report.joinedOnFromFounded
                  ? `加入日期记为各单位的成立日期，没有成立日期的记为 ${report.joinedOnDefault}`
                  : `加入日期记为 ${report.joinedOnDefault}`
                : null,
            ]
              .filter(Boolean)
              .join("；")}
          />
        </div>
      ) : (
        <Space direction="vertical" style={{ width: "100%" }} size="middle">
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            支持 .xlsx 和 .csv（UTF-8 或
            GBK）。表头按名称识别，如“单位名称”“统一社会信用代码”“备案编号”
            “类别”“所属社区”“负责人”“联系电话”“成立日期”“加入日期”；没有“加入日期”列时会请您选择一个日期。先检查全部行，有问题则一行也不导入。
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
          </Space>
          {report?.joinedOnMissing && (
            <JoinedOnQuestion
              report={report}
              options={options}
              today={today}
              disabled={busy === "import"}
              onChange={(next) => void answer(next)}
            />
          )}
          {busy === "import" && report ? (
            <ImportProgressBar rows={report.rows} progress={progress} />
          ) : (
            busy && <Alert type="info" showIcon message={busy} />
          )}
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
