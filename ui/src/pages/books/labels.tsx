// Words and small pieces the 记账 screens share: payment methods, voucher kinds, account kinds and
// roles, signed amounts (red when negative, as red ink on paper), file sizes.
import type { CSSProperties, ReactNode } from "react";
import { formatYuan, toFen } from "../../money";

// The words of payment methods and voucher kinds are Rust's (bindings/labels.ts, generated).
export {
  PAYMENT_METHOD_LABEL as PAYMENT_LABEL,
  VOUCHER_KIND_LABEL as KIND_LABEL,
} from "../../bindings/labels";

// Account kinds and what each role is used for are Rust's too.
export {
  ACCOUNT_KIND_LABEL,
  ACCOUNT_KIND_ORDER,
  ROLE_PURPOSE as ROLE_LABEL,
} from "../../bindings/labels";

export function isNegative(amount: string): boolean {
  return (toFen(amount) ?? 0n) < 0n;
}

// The pieces below are in every row of the vouchers and the reports, so they are plain spans styled
// by styles.css (antd's secondary and danger colours), not antd Typography: a Typography is a
// component with a dozen hooks and three style registrations, and the first page of 20 vouchers
// had 60 of them, most of its render time at city scale (README's city-scale table).

/** Secondary text, as antd's `Typography.Text type="secondary"` shows it; `small` in 12px type. */
export function Muted({ children, small }: { children: ReactNode; small?: boolean }) {
  return <span className={small ? "muted muted-small" : "muted"}>{children}</span>;
}

/** An amount in tabular figures; negative amounts (red-ink reversals) in red. */
export function Amount({
  value,
  strong,
  style,
  testId,
}: {
  value: string;
  strong?: boolean;
  style?: CSSProperties;
  testId?: string;
}) {
  const negative = isNegative(value);
  const className = ["amount", negative && "amount-negative", strong && "amount-strong"];
  return (
    <span
      className={className.filter(Boolean).join(" ")}
      data-testid={testId}
      data-negative={negative || undefined}
      style={style}
    >
      {formatYuan(value)}
    </span>
  );
}

/** A zero amount as a quiet dash, so a column of figures shows what moved. */
export function AmountOrDash({ value }: { value: string }) {
  if ((toFen(value) ?? 1n) === 0n) return <Muted>—</Muted>;
  return <Amount value={value} />;
}

export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "2026-10" → "2026年10月". */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-");
  return `${y}年${Number(m)}月`;
}

/** Rows with a `key` antd's Table uses (rows of a report have no id of their own). */
export function keyed<T extends object>(rows: T[]): (T & { key: string })[] {
  return rows.map((r, i) => ({ ...r, key: String(i) }));
}
