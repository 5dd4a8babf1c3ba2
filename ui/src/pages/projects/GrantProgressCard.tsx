// A grant year's projects at a glance (grant_progress): how many in each status, agreed against
// paid, the three standard targets summed over the projects, and activities per month of the
// execution period as a small bar chart in plain SVG.
import { Alert, Card, Col, Progress, Row, Skeleton, Space, Typography } from "antd";
import type { GrantProgress, GrantYear } from "../../ipc";
import { errorMessage } from "../../ipc";
import { formatYuan, percentOf, subtractYuan } from "../../money";
import { FIGURE, ProjectStatusTag, STATUS_ORDER, TargetBar } from "./labels";
import { useGrantProgress } from "./queries";

/** Every month of the period ("2020-01" … "2020-12") with its count of activities. */
export function monthsOf(
  periodStart: string,
  periodEnd: string,
  counts: [string, number][],
): { month: string; count: number }[] {
  const out: { month: string; count: number }[] = [];
  let y = Number(periodStart.slice(0, 4));
  let m = Number(periodStart.slice(5, 7));
  const endY = Number(periodEnd.slice(0, 4));
  const endM = Number(periodEnd.slice(5, 7));
  while ((y < endY || (y === endY && m <= endM)) && out.length < 36) {
    const key = `${y}-${String(m).padStart(2, "0")}`;
    out.push({ month: key, count: counts.find(([k]) => k === key)?.[1] ?? 0 });
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** Bars of activities per month; the count above each bar that has any. */
export function MonthChart({ months }: { months: { month: string; count: number }[] }) {
  const max = Math.max(1, ...months.map((m) => m.count));
  const slot = 32;
  const top = 16;
  const chart = 72;
  const width = Math.max(months.length, 1) * slot;
  const height = top + chart + 18;
  const total = months.reduce((s, m) => s + m.count, 0);
  return (
    <svg
      data-testid="progress-month-chart"
      role="img"
      aria-label={`各月活动次数，共 ${total} 次`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      height={height}
      preserveAspectRatio="xMidYMid meet"
      style={{ display: "block", maxWidth: width * 1.4 }}
    >
      <line x1={0} x2={width} y1={top + chart} y2={top + chart} stroke="#d9d9d9" />
      {months.map((m, i) => {
        const h = Math.round((m.count / max) * chart);
        const x = i * slot + 6;
        return (
          <g key={m.month} data-month={m.month} data-count={m.count}>
            {m.count > 0 && (
              <>
                <rect x={x} y={top + chart - h} width={slot - 12} height={h} rx={2} fill="#1f6fb2">
                  <title>{`${m.month}：${m.count} 次`}</title>
                </rect>
                <text
                  x={x + (slot - 12) / 2}
                  y={top + chart - h - 4}
                  textAnchor="middle"
                  fontSize={10}
                  fill="#595959"
                >
                  {m.count}
                </text>
              </>
            )}
            <text
              x={x + (slot - 12) / 2}
              y={height - 4}
              textAnchor="middle"
              fontSize={10}
              fill="#8c8c8c"
            >
              {Number(m.month.slice(5))}月
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export function ProgressView({ progress, grant }: { progress: GrantProgress; grant: GrantYear }) {
  const count = (s: (typeof STATUS_ORDER)[number]) =>
    progress.byStatus.find(([status]) => status === s)?.[1] ?? 0;
  const total = STATUS_ORDER.reduce((n, s) => n + count(s), 0);
  const unpaid = subtractYuan(progress.agreed, progress.paid) ?? "0.00";
  const months = monthsOf(grant.periodStart, grant.periodEnd, progress.activitiesByMonth);
  return (
    <Row gutter={[24, 16]}>
      <Col xs={24} md={12} xl={8}>
        <Typography.Text strong>项目 {total} 个</Typography.Text>
        <div style={{ marginTop: 8 }} data-testid="progress-status">
          <Space size={[12, 6]} wrap>
            {STATUS_ORDER.map((s) => (
              <span key={s} style={FIGURE}>
                <ProjectStatusTag status={s} /> {count(s)}
              </span>
            ))}
          </Space>
        </div>
        <div style={{ marginTop: 16 }} data-testid="progress-money">
          <div style={{ display: "flex", justifyContent: "space-between", gap: 8 }}>
            <Typography.Text>已拨付 / 约定</Typography.Text>
            <Typography.Text style={FIGURE}>
              {formatYuan(progress.paid)} / {formatYuan(progress.agreed)} 元
            </Typography.Text>
          </div>
          <Progress
            percent={percentOf(progress.paid, progress.agreed)}
            size="small"
            style={{ marginBottom: 0 }}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12, ...FIGURE }}>
            尚未拨付 {formatYuan(unpaid)} 元
          </Typography.Text>
        </div>
      </Col>
      <Col xs={24} md={12} xl={8} data-testid="progress-targets">
        {progress.targets.map((t) => (
          <TargetBar key={t.kind} target={t} testId={`progress-target-${t.kind}`} />
        ))}
      </Col>
      <Col xs={24} xl={8}>
        <Typography.Text>各月活动次数</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <MonthChart months={months} />
        </div>
      </Col>
    </Row>
  );
}

export default function GrantProgressCard({ grant }: { grant: GrantYear }) {
  const progress = useGrantProgress(grant.id);
  return (
    <Card
      size="small"
      title={`${grant.year} 年度项目进展`}
      data-testid="grant-progress"
      style={{ marginBottom: 16 }}
    >
      {progress.isError ? (
        <Alert type="error" showIcon message={errorMessage(progress.error)} />
      ) : progress.data ? (
        <ProgressView progress={progress.data} grant={grant} />
      ) : (
        <Skeleton active paragraph={{ rows: 3 }} />
      )}
    </Card>
  );
}
