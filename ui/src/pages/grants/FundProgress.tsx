// Received against due for one source, as a bar and as figures; and the district's arrears notice
// (R-ARREARS). Shared by the grant year's page and 首页.
import { Alert, Progress, Typography } from "antd";
import type { Arrears, FundPosition } from "../../ipc";
import { formatYuan, percentOf, toFen } from "../../money";
import { RuleTag } from "../../forms/problems";
import { SOURCE_LABEL } from "./labels";

const figure = { fontVariantNumeric: "tabular-nums" as const };

export function FundBar({ fund, testId }: { fund: FundPosition; testId?: string }) {
  const percent = percentOf(fund.received, fund.due);
  const owing = (toFen(fund.outstanding) ?? 0n) > 0n;
  return (
    <div data-testid={testId} style={{ marginBottom: 12 }}>
      <div style={{ display: "flex", justifyContent: "space-between", gap: 12, flexWrap: "wrap" }}>
        <Typography.Text strong>{SOURCE_LABEL[fund.source]}</Typography.Text>
        <Typography.Text style={figure}>
          已到账 {formatYuan(fund.received)} / 应到 {formatYuan(fund.due)} 元
        </Typography.Text>
      </div>
      <Progress
        percent={percent}
        size="small"
        status={owing ? "normal" : "success"}
        style={{ marginBottom: 0 }}
      />
      <Typography.Text type={owing ? "warning" : "secondary"} style={{ fontSize: 12, ...figure }}>
        {owing ? `尚未到账 ${formatYuan(fund.outstanding)} 元` : "已全部到账"}
      </Typography.Text>
    </div>
  );
}

export function arrearsText(a: Arrears): string {
  return `区级配套欠拨 ${formatYuan(a.amount)} 元，自 ${a.since} 起已 ${a.days} 天`;
}

export function ArrearsAlert({
  arrears,
  warnDays,
  testId,
}: {
  arrears: Arrears;
  warnDays: number;
  testId?: string;
}) {
  return (
    <Alert
      data-testid={testId}
      type={arrears.overdue ? "error" : "warning"}
      showIcon
      style={{ marginBottom: 12 }}
      message={
        <>
          {arrearsText(arrears)}
          <RuleTag rule="R-ARREARS" />
        </>
      }
      description={
        arrears.overdue
          ? `已超过 ${warnDays} 天的提醒期限，请向区民政局催拨配套资金。`
          : `按市级资金到账计算应配套的部分；超过 ${warnDays} 天仍未到账时将提醒催拨。`
      }
    />
  );
}
