// 报表: the grant's four reports, every figure computed in Rust from the voucher lines — 预算执行表,
// 收支明细账 (by source, or one budget line), 资金到账及配套情况表 and 业务活动表 — and 导出 Excel, which
// writes all four as one workbook into the export folder and shows where.
import { DownloadOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Radio,
  Segmented,
  Select,
  Skeleton,
  Space,
  Table,
  Typography,
} from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import {
  errorMessage,
  reportsExport,
  type ActivityRow,
  type ActivityStatement,
  type BudgetExecution,
  type ExecutionCell,
  type ExecutionRow,
  type FundSource,
  type FundsReceiptRow,
  type FundsReport,
  type FundsSourceRow,
  type GrantYear,
  type LedgerReport,
  type LedgerRow,
  type SavedFile,
} from "../../ipc";
import { RuleTag } from "../../forms/problems";
import { SOURCE_LABEL, SOURCE_SHORT } from "../grants/labels";
import { categoriesOf } from "./ExpenseModal";
import { Amount, keyed } from "./labels";
import {
  useActivityStatement,
  useBudgetExecution,
  useFundsReport,
  useLedgerReport,
  useSpendOptions,
} from "./queries";

type ReportKind = "execution" | "ledger" | "funds" | "activities";

const REPORTS: { value: ReportKind; label: string }[] = [
  { value: "execution", label: "预算执行表" },
  { value: "ledger", label: "收支明细账" },
  { value: "funds", label: "资金到账及配套情况表" },
  { value: "activities", label: "业务活动表" },
];

const money = (v: string) => <Amount value={v} />;

/** Which chart of accounts the year's books are kept in: every report says it (科目表版本). */
export function ChartNote({ name }: { name: string }) {
  return (
    <Typography.Paragraph
      type="secondary"
      style={{ fontSize: 12, margin: "8px 0 0" }}
      data-testid="report-chart"
    >
      科目表版本：{name}
    </Typography.Paragraph>
  );
}

function Loading({ error }: { error: unknown }) {
  if (error) return <Alert type="error" showIcon message={errorMessage(error)} />;
  return <Skeleton active paragraph={{ rows: 4 }} />;
}

// ---- 预算执行表

const GROUPS: { key: "city" | "district" | "total"; title: string }[] = [
  { key: "city", title: "市级专项资金" },
  { key: "district", title: "区级配套资金" },
  { key: "total", title: "合计" },
];

const CELL_FIELDS: { key: keyof ExecutionCell; title: string; width: number }[] = [
  { key: "budget", title: "预算", width: 78 },
  { key: "spent", title: "已支出", width: 78 },
  { key: "remaining", title: "剩余", width: 78 },
  { key: "percent", title: "执行率", width: 62 },
];

export function ExecutionTable({ report }: { report: BudgetExecution }) {
  const columns: ColumnsType<ExecutionRow> = [
    { title: "预算科目", dataIndex: "categoryName", fixed: "left", width: 84 },
    ...GROUPS.map((g) => ({
      title: g.title,
      children: CELL_FIELDS.map((f) => ({
        title: f.title,
        key: `${g.key}-${f.key}`,
        align: "right" as const,
        width: f.width,
        render: (_: unknown, r: ExecutionRow) =>
          f.key === "percent" ? (
            <span style={{ whiteSpace: "nowrap" }}>{r[g.key].percent}</span>
          ) : (
            money(r[g.key][f.key])
          ),
      })),
    })),
  ];
  const t = report.totals;
  return (
    <>
      <Table<ExecutionRow>
        data-testid="report-execution"
        className="compact-report"
        size="small"
        bordered
        rowKey="category"
        pagination={false}
        dataSource={report.rows}
        columns={columns}
        // Fits a 1280-wide window; narrower ones scroll, with the category column kept in place.
        scroll={{ x: 84 + 3 * (3 * 78 + 62) }}
        locale={{ emptyText: "本年度还没有预算" }}
        summary={() => (
          <Table.Summary.Row data-testid="report-execution-total">
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>{t.categoryName}</Typography.Text>
            </Table.Summary.Cell>
            {GROUPS.flatMap((g, gi) =>
              CELL_FIELDS.map((f, fi) => (
                <Table.Summary.Cell key={`${g.key}-${f.key}`} index={1 + gi * 4 + fi} align="right">
                  {f.key === "percent" ? (
                    <Typography.Text strong style={{ whiteSpace: "nowrap" }}>
                      {t[g.key].percent}
                    </Typography.Text>
                  ) : (
                    <Amount value={t[g.key][f.key]} strong />
                  )}
                </Table.Summary.Cell>
              )),
            )}
          </Table.Summary.Row>
        )}
      />
      <ChartNote name={report.chartName} />
    </>
  );
}

// ---- 收支明细账

export function LedgerTable({ report }: { report: LedgerReport }) {
  const byBudget = report.balanceLabel === "预算余额";
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }} data-testid="report-ledger-title">
        {report.title}
      </Typography.Title>
      <Table<LedgerRow>
        data-testid="report-ledger"
        size="small"
        bordered
        pagination={false}
        dataSource={keyed(report.rows)}
        scroll={{ x: 860 }}
        rowClassName={(r) => (r.reversal ? "ledger-reversal" : "")}
        locale={{ emptyText: "没有符合条件的记录" }}
        columns={[
          { title: "日期", dataIndex: "date", width: 96 },
          { title: "凭证号", dataIndex: "number", width: 124 },
          {
            title: "摘要",
            dataIndex: "summary",
            render: (s: string, r) =>
              r.reversal ? <Typography.Text type="danger">{s}</Typography.Text> : s,
          },
          {
            title: "来源",
            dataIndex: "source",
            width: 56,
            render: (s: FundSource) => SOURCE_SHORT[s],
          },
          {
            title: "预算科目",
            dataIndex: "categoryName",
            width: 96,
            render: (c: string | null) => c ?? "—",
          },
          {
            title: byBudget ? "预算" : "收入",
            dataIndex: "income",
            align: "right",
            width: 104,
            render: money,
          },
          { title: "支出", dataIndex: "expense", align: "right", width: 104, render: money },
          {
            title: report.balanceLabel,
            dataIndex: "balance",
            align: "right",
            width: 112,
            render: money,
          },
        ]}
        summary={() => (
          <>
            {byBudget && (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={7}>
                  期初预算
                </Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right">
                  {money(report.opening)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
            <Table.Summary.Row data-testid="report-ledger-total">
              <Table.Summary.Cell index={0} colSpan={5}>
                <Typography.Text strong>合计</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Amount value={report.totalIncome} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} align="right">
                <Amount value={report.totalExpense} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={7} align="right">
                <Amount value={report.closing} strong />
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </>
        )}
      />
      <ChartNote name={report.chartName} />
    </>
  );
}

function LedgerReportView({ grant }: { grant: GrantYear }) {
  const [source, setSource] = useState<FundSource | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const spend = useSpendOptions(grant.id);
  const report = useLedgerReport({ grantYearId: grant.id, source, category });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Radio.Group
          value={source ?? "all"}
          onChange={(e) => setSource(e.target.value === "all" ? null : e.target.value)}
          optionType="button"
          data-testid="ledger-source"
          options={[
            { value: "all", label: "全部资金" },
            { value: "city", label: SOURCE_LABEL.city },
            { value: "district", label: SOURCE_LABEL.district },
          ]}
        />
        <Select
          allowClear
          placeholder="全部预算科目"
          style={{ width: 160 }}
          value={category}
          onChange={(v) => setCategory(v ?? null)}
          options={categoriesOf(spend.data ?? [])}
          data-testid="ledger-category"
        />
      </Space>
      {report.data ? <LedgerTable report={report.data} /> : <Loading error={report.error} />}
    </>
  );
}

// ---- 资金到账及配套情况表

export function FundsTables({ report }: { report: FundsReport }) {
  const sourceColumns: ColumnsType<FundsSourceRow> = [
    {
      title: "资金来源",
      key: "source",
      width: 120,
      render: (_, r, i) => (i === report.sources.length ? "合计" : SOURCE_LABEL[r.source]),
    },
    { title: "应到位", dataIndex: "due", align: "right", render: money },
    { title: "已到位", dataIndex: "received", align: "right", render: money },
    { title: "未到位", dataIndex: "outstanding", align: "right", render: money },
    { title: "到位率", dataIndex: "percent", align: "right", width: 80 },
    {
      title: "首次到账",
      dataIndex: "firstReceived",
      width: 100,
      render: (d: string | null) => d ?? "—",
    },
    {
      title: "最近到账",
      dataIndex: "lastReceived",
      width: 100,
      render: (d: string | null) => d ?? "—",
    },
  ];
  return (
    <Space direction="vertical" size={12} style={{ width: "100%" }}>
      <Typography.Text type="secondary">
        区级配套比例 {report.matchRatio}（市级 : 区级）
      </Typography.Text>
      <Table<FundsSourceRow>
        data-testid="report-funds"
        size="small"
        bordered
        pagination={false}
        scroll={{ x: 700 }}
        dataSource={keyed([...report.sources, report.total])}
        rowClassName={(_, i) => (i === report.sources.length ? "report-total-row" : "")}
        columns={sourceColumns}
      />
      {report.matchingStatus && (
        <Alert
          data-testid="report-funds-status"
          type={report.arrears?.overdue ? "warning" : "info"}
          showIcon
          message={report.matchingStatus}
          description={
            report.arrears && (
              <>
                欠拨 <Amount value={report.arrears.amount} /> 元，自 {report.arrears.since}{" "}
                市级资金到账起已 {report.arrears.days} 天
                {report.arrears.overdue && "，已超过提醒期限"}
                <RuleTag rule="R-ARREARS" />
              </>
            )
          }
        />
      )}
      <Typography.Title level={5} style={{ margin: "8px 0 0" }}>
        到账明细
      </Typography.Title>
      <Table<FundsReceiptRow>
        data-testid="report-funds-receipts"
        size="small"
        bordered
        pagination={false}
        dataSource={keyed(report.receipts)}
        locale={{ emptyText: "还没有到账记录" }}
        columns={[
          { title: "到账日期", dataIndex: "date", width: 100 },
          {
            title: "资金来源",
            dataIndex: "source",
            width: 120,
            render: (s: FundSource) => SOURCE_LABEL[s],
          },
          { title: "金额", dataIndex: "amount", align: "right", render: money },
          {
            title: "银行流水号",
            dataIndex: "bankRef",
            render: (s: string) => s || "—",
          },
          { title: "凭证号", dataIndex: "voucherNumber", width: 124 },
        ]}
      />
      <ChartNote name={report.chartName} />
    </Space>
  );
}

// ---- 业务活动表

export function ActivitiesTable({ report }: { report: ActivityStatement }) {
  return (
    <>
      <Table<ActivityRow>
        data-testid="report-activities"
        size="small"
        bordered
        pagination={false}
        dataSource={keyed(report.rows)}
        scroll={{ x: 640 }}
        columns={[
          {
            title: "项目",
            dataIndex: "label",
            render: (label: string, r) => (
              <span
                data-level={r.level}
                style={{ paddingLeft: `${r.level * 1.5}em`, fontWeight: r.level === 0 ? 600 : 400 }}
              >
                {label}
              </span>
            ),
          },
          {
            title: "非限定性",
            dataIndex: "unrestricted",
            align: "right",
            width: 120,
            render: money,
          },
          { title: "限定性", dataIndex: "restricted", align: "right", width: 120, render: money },
          { title: "合计", dataIndex: "total", align: "right", width: 120, render: money },
        ]}
      />
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, margin: "8px 0 0" }}
        data-testid="report-chart"
      >
        科目表版本：按《{report.chartName}》编制，仅含本年度资助资金。单位：元
      </Typography.Paragraph>
    </>
  );
}

function ExecutionView({ grant }: { grant: GrantYear }) {
  const q = useBudgetExecution(grant.id);
  return q.data ? <ExecutionTable report={q.data} /> : <Loading error={q.error} />;
}

function FundsView({ grant }: { grant: GrantYear }) {
  const q = useFundsReport(grant.id);
  return q.data ? <FundsTables report={q.data} /> : <Loading error={q.error} />;
}

function ActivitiesView({ grant }: { grant: GrantYear }) {
  const q = useActivityStatement(grant.id);
  return q.data ? <ActivitiesTable report={q.data} /> : <Loading error={q.error} />;
}

export default function ReportsTab({ grant }: { grant: GrantYear }) {
  const { message } = App.useApp();
  // The saved path stays in an Alert under the button (copyable), not in a passing toast.
  const [kind, setKind] = useState<ReportKind>("execution");
  const [exporting, setExporting] = useState(false);
  const [saved, setSaved] = useState<SavedFile | null>(null);

  const exportAll = async () => {
    setExporting(true);
    try {
      const f = await reportsExport(grant.id);
      setSaved(f);
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };

  return (
    <>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          gap: 12,
          marginBottom: 12,
          flexWrap: "wrap",
        }}
      >
        <Segmented<ReportKind>
          value={kind}
          onChange={setKind}
          options={REPORTS.map((r) => ({
            value: r.value,
            label: <span data-testid={`report-kind-${r.value}`}>{r.label}</span>,
          }))}
          data-testid="report-kind"
        />
        <Button
          icon={<DownloadOutlined />}
          loading={exporting}
          onClick={() => void exportAll()}
          data-testid="reports-export"
        >
          导出 Excel
        </Button>
      </div>
      {saved && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSaved(null)}
          style={{ marginBottom: 12 }}
          data-testid="reports-saved"
          message={
            <>
              四张报表已导出到：
              <Typography.Text copyable style={{ wordBreak: "break-all" }}>
                {saved.path}
              </Typography.Text>
            </>
          }
        />
      )}
      {kind === "execution" && <ExecutionView grant={grant} />}
      {kind === "ledger" && <LedgerReportView grant={grant} />}
      {kind === "funds" && <FundsView grant={grant} />}
      {kind === "activities" && <ActivitiesView grant={grant} />}
    </>
  );
}
