// 绩效目标完成情况: each target against the actuals its activities add up to, as a bar.
import { Card, Typography } from "antd";
import type { ProjectDetail } from "../../ipc";
import { TargetBar } from "./labels";

export default function TargetsCard({ detail }: { detail: ProjectDetail }) {
  return (
    <Card title="绩效目标完成情况" style={{ height: "100%" }} data-testid="project-targets">
      {detail.targets.map((t) => (
        <TargetBar key={t.id} target={t} testId={`project-target-${t.kind}`} />
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        实际完成数由活动记录累计：服务人次为参与人次之和，服务场次为活动次数。
      </Typography.Text>
    </Card>
  );
}
