// 活动记录: the activities held, with participants, volunteers, indicators and photos.
import { Card, Space, Table, Typography } from "antd";
import type { Activity, ProjectDetail } from "../../ipc";
import { FIGURE, quantity } from "./labels";
import { PhotoThumbs } from "./photos";

function indicatorText(detail: ProjectDetail, a: Activity): string {
  return a.indicators
    .map(([id, value]) => {
      const t = detail.targets.find((x) => x.id === Number(id));
      return t ? `${t.name} ${quantity(value)}${t.unit}` : null;
    })
    .filter((s) => s !== null)
    .join("；");
}

export default function ActivitiesCard({ detail }: { detail: ProjectDetail }) {
  const hasIndicators = detail.targets.some((t) => t.kind === "custom");
  return (
    <Card
      title={`活动记录（${detail.activities.length}）`}
      data-testid="project-activities"
      extra={
        detail.project.status === "planned" ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            开始实施后可以记录活动
          </Typography.Text>
        ) : undefined
      }
    >
      <Table<Activity>
        data-testid="activities-table"
        size="small"
        rowKey="id"
        dataSource={detail.activities}
        pagination={detail.activities.length > 10 ? { pageSize: 10, size: "small" } : false}
        scroll={{ x: 680 }}
        locale={{ emptyText: "还没有活动记录" }}
        columns={[
          { key: "date", title: "日期", width: 100, dataIndex: "heldOn" },
          {
            key: "title",
            title: "活动",
            render: (_, a) => (
              <Space direction="vertical" size={0}>
                <span>{a.title}</span>
                {(a.place || a.note) && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {[a.place, a.note].filter(Boolean).join("　")}
                  </Typography.Text>
                )}
                {hasIndicators && a.indicators.length > 0 && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {indicatorText(detail, a)}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            key: "participants",
            title: "参与人次",
            width: 80,
            align: "right",
            render: (_, a) => <span style={FIGURE}>{a.participants}</span>,
          },
          {
            key: "volunteers",
            title: "志愿者 / 时长",
            width: 110,
            align: "right",
            render: (_, a) => (
              <span style={FIGURE}>
                {a.volunteers} 人 / {quantity(a.volunteerHours)} 小时
              </span>
            ),
          },
          {
            key: "photos",
            title: "照片",
            width: 200,
            render: (_, a) => <PhotoThumbs photos={a.photos} />,
          },
        ]}
      />
    </Card>
  );
}
