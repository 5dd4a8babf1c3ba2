// 记账: the books of one grant year — its vouchers (记一笔支出, 冲销, 补充附件), month-end close, the
// four reports and the chart of accounts, in the year of kit/GrantYearScope ("execution").
import { Alert, Skeleton, Space, Tabs, Typography } from "antd";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router-dom";
import { errorMessage, type GrantYear, type SessionInfo } from "../../ipc";
import GrantYearScope from "../../kit/GrantYearScope";
import { useShowWhenReady } from "../../kit/whenReady";
import { SOURCE_LABEL, StatusTag, Yuan } from "../grants/labels";
import { ChartView } from "./ChartTab";
import PeriodTab from "./PeriodTab";
import {
  budgetExecutionQuery,
  keepsCash,
  prepareBooks,
  useChart,
  useMonths,
  useSpendOptions,
} from "./queries";
import ReportsTab from "./ReportsTab";
import VouchersTab from "./VouchersTab";

/** Cash on hand by source (received − spent), from the spend options Rust computes. */
function CashLine({ grant }: { grant: GrantYear }) {
  const spend = useSpendOptions(grant.id);
  const cash = (["city", "district"] as const).map((s) => ({
    source: s,
    cash: spend.data?.find((o) => o.source === s)?.cash ?? null,
  }));
  if (!spend.data || cash.every((c) => c.cash === null)) return null;
  return (
    <span data-testid="books-cash">
      {cash
        .filter((c) => c.cash !== null)
        .map((c, i) => (
          <span key={c.source}>
            {i > 0 && "　"}
            {SOURCE_LABEL[c.source]}账上余额 <Yuan value={c.cash!} />
          </span>
        ))}
    </span>
  );
}

/** 科目表版本 of the selected year, in the page's header line. */
function ChartLine({ grant }: { grant: GrantYear }) {
  const chart = useChart(grant.id);
  if (!chart.data) return null;
  return <span data-testid="books-chart">科目表版本：{chart.data.name}</span>;
}

function ChartPane({ grant }: { grant: GrantYear }) {
  const chart = useChart(grant.id);
  if (chart.isError) return <Alert type="error" showIcon message={errorMessage(chart.error)} />;
  if (!chart.data) return <Skeleton active />;
  return <ChartView chart={chart.data} />;
}

function GrantBooks({ grant, today }: { grant: GrantYear; today: string }) {
  const months = useMonths(grant.id);
  const [tab, setTab] = useState("vouchers");
  const client = useQueryClient();
  const showWhenReady = useShowWhenReady();
  // 报表 opens on the 预算执行表: asked first, it renders once with its figures.
  const openTab = (key: string) =>
    showWhenReady(
      key === "reports" ? client.prefetchQuery(budgetExecutionQuery(grant.id)) : null,
      () => setTab(key),
    );
  const monthsPane = months.isError ? (
    <Alert type="error" showIcon message={errorMessage(months.error)} />
  ) : months.data ? (
    <PeriodTab view={months.data} />
  ) : (
    <Skeleton active />
  );
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        <Space size={8} wrap>
          <StatusTag status={grant.status} />
          <span>
            执行期 {grant.periodStart} 至 {grant.periodEnd}
          </span>
          <ChartLine grant={grant} />
          {keepsCash(grant) && <CashLine grant={grant} />}
        </Space>
      </Typography.Paragraph>
      {(grant.status === "applying" || grant.status === "approved") && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <>
              {grant.year} 年度资助尚未开始执行：开始执行后才能记支出。到账在
              <Link to={`/grants/${grant.id}`}>年度资助</Link>页面登记，会自动生成到账凭证。
            </>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={openTab}
        items={[
          {
            key: "vouchers",
            label: "凭证",
            children: (
              <VouchersTab grant={grant} months={months.data?.months ?? []} today={today} />
            ),
          },
          { key: "period", label: "结账", children: monthsPane },
          { key: "reports", label: "报表", children: <ReportsTab grant={grant} /> },
          { key: "chart", label: "科目表", children: <ChartPane grant={grant} /> },
        ]}
      />
    </>
  );
}

/** Opened from the menu, the page's data is asked for before it renders (kit/lazyPage). */
export const prepare = prepareBooks;

export default function BooksPage({ session }: { session: SessionInfo }) {
  return (
    <GrantYearScope
      purpose="execution"
      title="记账"
      testId="books-page"
      pickerTestId="books-year"
      emptyReason="记账按年度资助进行"
    >
      {(grant) => <GrantBooks grant={grant} today={session.today} />}
    </GrantYearScope>
  );
}
