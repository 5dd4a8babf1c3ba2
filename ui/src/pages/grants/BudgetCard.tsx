// 预算: the budget by category and source as Rust computed it, the difference to the approved
// amounts, the editor that fits the status, and the recorded adjustments.
import { EditOutlined, SwapOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Table, Typography } from "antd";
import { useState } from "react";
import type { Adjustment, BudgetLineView, GrantYearDetail } from "../../ipc";
import { errorMessage } from "../../ipc";
import { addYuan, formatYuan, subtractYuan, toFen } from "../../money";
import BudgetEditor from "./BudgetEditor";
import { SOURCE_SHORT, Yuan } from "./labels";
import { useBudgetCategories } from "./queries";

function Difference({ budget, due }: { budget: string; due: string }) {
  const diff = subtractYuan(budget, due);
  const fen = diff === null ? null : toFen(diff);
  if (fen === null || fen === 0n)
    return (
      <Typography.Text type="success" style={{ fontSize: 12 }}>
        与批复一致
      </Typography.Text>
    );
  return (
    <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="budget-difference">
      {fen < 0n ? `还差 ${formatYuan(diff!.slice(1))} 未分配` : `多出 ${formatYuan(diff!)}`}
    </Typography.Text>
  );
}

function BudgetTable({ detail }: { detail: GrantYearDetail }) {
  const { grant } = detail;
  const budgetTotal = formatYuan(addYuan(detail.budgetCityTotal, detail.budgetDistrictTotal) ?? "");
  return (
    <Table<BudgetLineView>
      data-testid="budget-table"
      size="small"
      bordered
      pagination={false}
      rowKey="category"
      dataSource={detail.budget}
      locale={{
        emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未编制预算" />,
      }}
      columns={[
        { title: "预算科目", dataIndex: "categoryName" },
        {
          title: "市级专项资金（元）",
          dataIndex: "city",
          align: "right",
          render: (v: string) => <Yuan value={v} unit={false} />,
        },
        {
          title: "区级配套（元）",
          dataIndex: "district",
          align: "right",
          render: (v: string) => <Yuan value={v} unit={false} />,
        },
        {
          title: "合计（元）",
          dataIndex: "total",
          align: "right",
          render: (v: string) => <Yuan value={v} unit={false} />,
        },
      ]}
      summary={() => (
        <>
          <Table.Summary.Row style={{ background: "#fafafa" }}>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Yuan value={detail.budgetCityTotal} unit={false} strong />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Yuan value={detail.budgetDistrictTotal} unit={false} strong />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Typography.Text strong style={{ fontVariantNumeric: "tabular-nums" }}>
                {budgetTotal}
              </Typography.Text>
            </Table.Summary.Cell>
          </Table.Summary.Row>
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <Typography.Text type="secondary">批复金额</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <Yuan value={grant.cityAmount} unit={false} type="secondary" />
              <div>
                <Difference budget={detail.budgetCityTotal} due={grant.cityAmount} />
              </div>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <Yuan value={grant.districtAmount} unit={false} type="secondary" />
              <div>
                <Difference budget={detail.budgetDistrictTotal} due={grant.districtAmount} />
              </div>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <Yuan value={detail.total} unit={false} type="secondary" />
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </>
      )}
    />
  );
}

function AdjustmentHistory({ adjustments }: { adjustments: Adjustment[] }) {
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        调整记录
      </Typography.Title>
      <Table<Adjustment>
        data-testid="adjustment-history"
        size="small"
        pagination={false}
        rowKey={(a) => String(a.id)}
        dataSource={adjustments}
        columns={[
          { title: "调整日期", dataIndex: "date", width: 110 },
          { title: "调整原因", dataIndex: "reason" },
          { title: "经办人", dataIndex: "operator", width: 100 },
          {
            title: "变动",
            key: "changes",
            render: (_, a) => (
              <ul style={{ margin: 0, paddingLeft: 16 }}>
                {a.changes.map((c) => (
                  <li key={`${c.category}-${c.source}`} style={{ whiteSpace: "nowrap" }}>
                    {c.categoryName}（{SOURCE_SHORT[c.source]}）：
                    <Yuan value={c.before} unit={false} type="secondary" /> →{" "}
                    <Yuan value={c.after} unit={false} />
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}

export default function BudgetCard({ detail, today }: { detail: GrantYearDetail; today: string }) {
  const [editing, setEditing] = useState<"set" | "adjust" | null>(null);
  const categories = useBudgetCategories();
  // Before execution the budget is replaced whole; while executing it is adjusted with a reason.
  const { actions } = detail.grant;
  const canSet = actions.setBudget.allowed;
  const canAdjust = actions.adjustBudget.allowed;

  let action = null;
  if (editing === null && canSet)
    action = (
      <Button icon={<EditOutlined />} data-testid="budget-edit" onClick={() => setEditing("set")}>
        编辑预算
      </Button>
    );
  if (editing === null && canAdjust)
    action = (
      <Button
        icon={<SwapOutlined />}
        data-testid="budget-adjust"
        onClick={() => setEditing("adjust")}
      >
        预算调整
      </Button>
    );

  return (
    <Card
      title={editing === "adjust" ? "预算调整" : "预算"}
      extra={action}
      data-testid="budget-card"
    >
      {editing !== null && categories.isError && (
        <Alert type="error" showIcon message={errorMessage(categories.error)} />
      )}
      {editing !== null && categories.isSuccess ? (
        <BudgetEditor
          detail={detail}
          categories={categories.data}
          mode={editing}
          today={today}
          onDone={() => setEditing(null)}
          onCancel={() => setEditing(null)}
        />
      ) : (
        <BudgetTable detail={detail} />
      )}
      {canAdjust && editing === null && (
        <Typography.Paragraph
          type="secondary"
          style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}
        >
          执行中的预算不能直接修改；如需在科目之间调剂，请用“预算调整”并写明原因。
        </Typography.Paragraph>
      )}
      {detail.adjustments.length > 0 && <AdjustmentHistory adjustments={detail.adjustments} />}
    </Card>
  );
}
