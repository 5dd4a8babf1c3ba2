// 拨付记录: the payments as vouchers, reversals linked both ways, and 冲销 while the year is open.
import { Button, Card, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { ProjectDetail, Voucher } from "../../ipc";
import { addYuan } from "../../money";
import { Amount } from "../books/labels";
import ReverseModal from "../books/ReverseModal";
import { SOURCE_LABEL } from "../grants/labels";
import { FIGURE } from "./labels";

/** Scrolls to a payment's row and marks it for a moment (the other half of a reversal). */
function goTo(id: number) {
  const row = document.querySelector<HTMLElement>(
    `[data-testid="project-payments-table"] [data-row-key="${id}"]`,
  );
  if (!row) return;
  row.scrollIntoView({ block: "center", behavior: "smooth" });
  row.style.transition = "background 0.3s";
  row.style.background = "#fff7e6";
  setTimeout(() => (row.style.background = ""), 1500);
}

export default function PaymentsCard({ detail, today }: { detail: ProjectDetail; today: string }) {
  const [reversing, setReversing] = useState<Voucher | null>(null);
  const net = addYuan(...detail.payments.map((v) => v.amount)) ?? "0.00";
  return (
    <Card
      title="拨付记录"
      data-testid="project-payments"
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          拨付是“记账”中的支出凭证；更正用红字冲销
        </Typography.Text>
      }
    >
      <Table<Voucher>
        data-testid="project-payments-table"
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={detail.payments}
        scroll={{ x: 640 }}
        locale={{ emptyText: "尚未拨付" }}
        columns={[
          {
            key: "number",
            title: "凭证号",
            width: 120,
            render: (_, v) => (
              <span style={FIGURE} data-testid="payment-number">
                {v.number}
              </span>
            ),
          },
          { key: "date", title: "日期", width: 100, dataIndex: "date" },
          {
            key: "summary",
            title: "摘要",
            render: (_, v) => (
              <Space direction="vertical" size={2}>
                <span>{v.summary}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {v.categoryName} · {SOURCE_LABEL[v.source]}
                </Typography.Text>
                {v.reversedBy && (
                  <Tag
                    color="red"
                    data-testid="payment-reversed-by"
                    style={{ cursor: "pointer", marginInlineEnd: 0 }}
                    onClick={() => goTo(v.reversedBy!.id)}
                  >
                    已冲销 → {v.reversedBy.number}
                  </Tag>
                )}
                {v.reverses && (
                  <Tag
                    color="volcano"
                    data-testid="payment-reverses"
                    style={{ cursor: "pointer", marginInlineEnd: 0 }}
                    onClick={() => goTo(v.reverses!.id)}
                  >
                    冲销 {v.reverses.number}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            key: "amount",
            title: "金额（元）",
            width: 120,
            align: "right",
            render: (_, v) => <Amount value={v.amount} />,
          },
          {
            key: "action",
            title: "",
            width: 70,
            render: (_, v) =>
              // Whether it may be reversed (not reversed yet, its year not closed) is Rust's answer.
              v.kind === "expense" && v.actions.reverse.allowed ? (
                <Button
                  size="small"
                  type="link"
                  danger
                  onClick={() => setReversing(v)}
                  data-testid="payment-reverse"
                >
                  冲销
                </Button>
              ) : null,
          },
        ]}
        summary={() =>
          detail.payments.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text type="secondary">合计（含冲销）</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Amount value={net} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} />
            </Table.Summary.Row>
          ) : null
        }
      />
      {reversing && (
        <ReverseModal voucher={reversing} today={today} onClose={() => setReversing(null)} />
      )}
    </Card>
  );
}
