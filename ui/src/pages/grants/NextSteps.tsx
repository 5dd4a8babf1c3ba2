// 下一步: what the secretary should do next, as Rust words it (GrantYearDetail.nextSteps).
import { Empty, List, Typography } from "antd";

export default function NextSteps({ steps }: { steps: string[] }) {
  if (steps.length === 0)
    return (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description="暂无待办事项"
        style={{ margin: "8px 0" }}
      />
    );
  return (
    <List
      size="small"
      data-testid="next-steps"
      dataSource={steps}
      renderItem={(s, i) => (
        <List.Item style={{ paddingInline: 0 }}>
          <Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineEnd: 8 }}>
              {i + 1}.
            </Typography.Text>
            {s}
          </Typography.Text>
        </List.Item>
      )}
    />
  );
}
