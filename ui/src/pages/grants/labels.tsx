// Words and small pieces every 年度资助 screen shares: status names and colours, source names, and
// amounts shown as "150,000.00 元".
import { Tag, Typography } from "antd";
import type { CSSProperties } from "react";
import type { GrantStatus } from "../../ipc";
import { FUND_SOURCE_LABEL, FUND_SOURCE_SHORT, GRANT_STATUS_LABEL } from "../../bindings/labels";
import { formatYuan } from "../../money";

// Status and source words are Rust's (bindings/labels.ts, generated from the Rust labels).
export const STATUS_LABEL = GRANT_STATUS_LABEL;

const STATUS_COLOR: Record<GrantStatus, string> = {
  applying: "blue",
  approved: "cyan",
  executing: "green",
  closed: "default",
};

export const STATUS_ORDER: readonly GrantStatus[] = ["applying", "approved", "executing", "closed"];

export const SOURCE_LABEL = FUND_SOURCE_LABEL;

export const SOURCE_SHORT = FUND_SOURCE_SHORT;

export function StatusTag({ status }: { status: GrantStatus }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="grant-status" style={{ marginInlineEnd: 0 }}>
      {STATUS_LABEL[status]}
    </Tag>
  );
}

/** "150,000.00 元", in tabular figures so columns of amounts line up. */
export function Yuan({
  value,
  unit = true,
  strong,
  type,
  style,
}: {
  value: string;
  unit?: boolean;
  strong?: boolean;
  type?: "secondary" | "danger" | "success" | "warning";
  style?: CSSProperties;
}) {
  return (
    <Typography.Text
      strong={strong}
      type={type}
      style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", ...style }}
    >
      {formatYuan(value)}
      {unit && " 元"}
    </Typography.Text>
  );
}

/** "1" → "1:1", "0.5" → "1:0.5": city : district. */
export function ratioLabel(matchRatio: string): string {
  return `1:${matchRatio}`;
}

export const DATE_FORMAT = "YYYY-MM-DD";
