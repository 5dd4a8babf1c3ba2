// The honest empty state of an area that is not built yet: what it will do, and that it is not open.
import { ProjectOutlined } from "@ant-design/icons";
import { Card, Result } from "antd";
import type { ReactNode } from "react";

export type PlannedArea = "projects";

const AREAS: Record<PlannedArea, { title: string; purpose: string; icon: ReactNode }> = {
  projects: {
    title: "服务项目",
    purpose: "在这里管理社联会组织开展的服务项目及其经费。",
    icon: <ProjectOutlined />,
  },
};

export function ComingSoon({ area }: { area: PlannedArea }) {
  const a = AREAS[area];
  return (
    <Card>
      <Result
        data-testid={`coming-soon-${area}`}
        icon={<span style={{ color: "#bfbfbf", fontSize: 64 }}>{a.icon}</span>}
        title={a.title}
        subTitle={
          <>
            {a.purpose}
            <br />
            此功能尚在建设中，当前版本暂未开放。
          </>
        }
      />
    </Card>
  );
}
