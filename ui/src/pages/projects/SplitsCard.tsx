// 经费: the money by budget line and source: agreed, paid, and left to pay (or returned).
import { Card, Table, Typography } from "antd";
import type { ProjectDetail, SplitView } from "../../ipc";
import { formatYuan } from "../../money";
import { SOURCE_LABEL } from "../grants/labels";
import { FIGURE } from "./labels";

export default function SplitsCard({ detail }: { detail: ProjectDetail }) {
  const ended = !detail.open;
  return (
    <Card title="经费" data-testid="project-money">
      <Table<SplitView>
        data-testid="project-splits-table"
        size="small"
        pagination={false}
        rowKey={(s) => `${s.category}|${s.source}`}
        dataSource={detail.splits}
        scroll={{ x: 560 }}
        columns={[
          { key: "category", title: "预算科目", render: (_, s) => s.categoryName },
          { key: "source", title: "资金来源", render: (_, s) => SOURCE_LABEL[s.source] },
          {
            key: "agreed",
            title: "约定（元）",
            align: "right",
            render: (_, s) => <span style={FIGURE}>{formatYuan(s.agreed)}</span>,
          },
          {
            key: "paid",
            title: "已拨付（元）",
            align: "right",
            render: (_, s) => <span style={FIGURE}>{formatYuan(s.paid)}</span>,
          },
          {
            key: "remaining",
            title: ended ? "退回预算（元）" : "尚可拨付（元）",
            align: "right",
            render: (_, s) => <span style={FIGURE}>{formatYuan(s.remaining)}</span>,
          },
        ]}
        summary={() => (
          <Table.Summary.Row style={{ background: "#fafafa" }}>
            <Table.Summary.Cell index={0} colSpan={2}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Typography.Text strong style={FIGURE}>
                {formatYuan(detail.agreed)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong style={FIGURE} data-testid="project-paid">
                {formatYuan(detail.paid)}
              </Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              <Typography.Text strong style={FIGURE} data-testid="project-remaining">
                {formatYuan(detail.remaining)}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
