// Words and small pieces the 服务项目 screens share: status names and colours, grades, the
// undertaker's signals (优先 / 提示), and a target's actual against its value as a bar.
import { Progress, Tag, Tooltip, Typography } from "antd";
import { GRADE_LABEL, PROJECT_STATUS_LABEL, TARGET_UNIT } from "../../bindings/labels";
import type { Eligibility, Grade, ProjectStatus, TargetProgress } from "../../ipc";

/** Figures line up in columns and never break inside. */
export const FIGURE = {
  fontVariantNumeric: "tabular-nums" as const,
  whiteSpace: "nowrap" as const,
};

// Status, grade and unit words are Rust's (bindings/labels.ts, generated from the Rust labels).
export const STATUS_LABEL = PROJECT_STATUS_LABEL;

const STATUS_COLOR: Record<ProjectStatus, string> = {
  planned: "blue",
  running: "green",
  closed: "default",
  terminated: "orange",
};

export const STATUS_ORDER: readonly ProjectStatus[] = [
  "planned",
  "running",
  "closed",
  "terminated",
];

export { GRADE_LABEL };

export const GRADE_ORDER: readonly Grade[] = ["excellent", "good", "pass", "fail"];

/** The unit Rust gives the three standard targets (TargetKind::unit). */
export const KIND_UNIT = TARGET_UNIT;

export function ProjectStatusTag({ status, testId }: { status: ProjectStatus; testId?: string }) {
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {STATUS_LABEL[status]}
    </Tag>
  );
}

/** 优先 (valid 3A+ rating) and 提示 (failed or missed inspection, with the reason on hover). */
export function EligibilityTags({ eligibility }: { eligibility: Eligibility }) {
  if (!eligibility.flagReason && !eligibility.priority) return null;
  return (
    <span className="tag-row">
      {eligibility.priority && (
        <Tag color="green" data-testid="undertaker-priority" style={{ marginInlineEnd: 0 }}>
          优先
        </Tag>
      )}
      {eligibility.flagReason && (
        <Tooltip title={eligibility.flagReason}>
          <Tag color="red" data-testid="undertaker-flag" style={{ marginInlineEnd: 0 }}>
            提示
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

/**
 * A thin bar of a percent, as antd's small line `Progress` draws it (green when full), for table
 * rows: a plain element instead of a component in each of a year's dozens of rows (the 服务项目
 * list at city scale, README).
 */
export function RowBar({ percent }: { percent: number }) {
  return (
    <div
      className="row-bar"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
    >
      <div
        className={percent >= 100 ? "row-bar-fill row-bar-full" : "row-bar-fill"}
        style={{ width: `${percent}%` }}
      />
    </div>
  );
}

/** Whole percent of a decimal string in another, clamped to 0–100, for a bar. */
export function quantityPercent(actual: string, target: string): number {
  const a = Number(actual);
  const t = Number(target);
  if (!Number.isFinite(a) || !Number.isFinite(t) || t <= 0 || a <= 0) return 0;
  return Math.min(100, Math.floor((a * 100) / t));
}

/** "1200" → "1,200"; decimals as they come ("12.5"). */
export function quantity(s: string): string {
  const [int, frac] = s.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac ? `${grouped}.${frac}` : grouped;
}

/** One target: its name, actual / target with the unit, and a bar with Rust's percentage. */
export function TargetBar({
  target,
  testId,
  compact,
}: {
  target: TargetProgress;
  testId?: string;
  compact?: boolean;
}) {
  const pct = quantityPercent(target.actual, target.target);
  const unit = target.unit ? ` ${target.unit}` : "";
  return (
    <div data-testid={testId} style={{ marginBottom: compact ? 4 : 10 }}>
      <div style={{ display: "flex", justifyContent: "space-between", gap: 12 }}>
        <Typography.Text>{target.name}</Typography.Text>
        <Typography.Text
          style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}
          data-testid={testId ? `${testId}-figures` : undefined}
        >
          {quantity(target.actual)} / {quantity(target.target)}
          {unit}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
            {target.percent}
          </Typography.Text>
        </Typography.Text>
      </div>
      <Progress
        percent={pct}
        showInfo={false}
        size="small"
        status={pct >= 100 ? "success" : "normal"}
        style={{ marginBottom: 0 }}
      />
    </div>
  );
}
