// 结账: the months of the grant's execution period, closed or open, with their voucher counts. A month
// that has ended can be closed (in order: earlier months with vouchers first); a closed month takes no
// new entry (R-PERIOD) until it is reopened, which needs a written reason the history keeps.
import { LockOutlined, UnlockOutlined } from "@ant-design/icons";
import { App, Button, Card, Form, Input, Modal, Table, Tag, Typography } from "antd";
import { useState } from "react";
import type { MonthStatus, MonthsView, PeriodEvent } from "../../ipc";
import {
  applyProblems,
  placeIn,
  problemsOf,
  ProblemsAlert,
  type Problem,
} from "../../forms/problems";
import { keyed, monthLabel } from "./labels";
import { useCloseMonth, useReopenMonth } from "./queries";

export function ReopenModal({ month, onClose }: { month: MonthStatus; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reopen = useReopenMonth();
  const [problems, setProblems] = useState<Problem[]>([]);

  const onFinish = ({ reason }: { reason: string }) => {
    if (reopen.isPending) return;
    setProblems([]);
    reopen.mutate(
      { month: month.month, reason: (reason ?? "").trim() },
      {
        onSuccess: onClose,
        onError: (e) => setProblems(applyProblems(form, e, placeIn(["reason"]))),
      },
    );
  };

  return (
    <Modal
      open
      title={`反结账 ${month.label}`}
      onCancel={onClose}
      maskClosable={false}
      width={480}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={reopen.isPending}>
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger
          htmlType="submit"
          form="reopen"
          loading={reopen.isPending}
          data-testid="reopen-submit"
        >
          反结账
        </Button>,
      ]}
    >
      <Typography.Paragraph style={{ marginTop: 16 }}>
        反结账后，{month.label}
        可以重新记入凭证。原因会记入结账记录，供审计查看。补记完成后请重新结账。
      </Typography.Paragraph>
      <Form
        form={form}
        name="reopen"
        layout="vertical"
        requiredMark={false}
        initialValues={{ reason: "" }}
        onFinish={onFinish}
      >
        <Form.Item
          name="reason"
          label="原因"
          rules={[{ required: true, whitespace: true, message: "反结账必须写明原因" }]}
        >
          <Input
            autoComplete="off"
            maxLength={100}
            placeholder={`例如 补记遗漏的${Number(month.month.slice(5))}月办公费发票`}
          />
        </Form.Item>
        <ProblemsAlert problems={problems} testId="reopen-error" />
      </Form>
    </Modal>
  );
}

const ACTION_LABEL: Record<string, string> = { close: "结账", reopen: "反结账" };

export default function PeriodTab({ view }: { view: MonthsView }) {
  const { modal } = App.useApp();
  const close = useCloseMonth();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [reopening, setReopening] = useState<MonthStatus | null>(null);

  const confirmClose = (m: MonthStatus) => {
    setProblems([]);
    modal.confirm({
      title: `${m.label}结账？`,
      content: `结账后，${m.label}不能再记入或冲销凭证（本月${m.vouchers > 0 ? ` ${m.vouchers} 张凭证` : "没有凭证"}）。如确需补记，可写明原因反结账。`,
      okText: "结账",
      cancelText: "取消",
      onOk: () => close.mutateAsync(m.month).catch((e: unknown) => setProblems(problemsOf(e))),
    });
  };

  return (
    <>
      <ProblemsAlert problems={problems} testId="period-error" />
      <Table<MonthStatus>
        data-testid="month-table"
        size="small"
        rowKey="month"
        pagination={false}
        dataSource={view.months}
        columns={[
          { title: "月份", dataIndex: "label", width: 120 },
          {
            title: "凭证",
            dataIndex: "vouchers",
            align: "right",
            width: 70,
            render: (n: number) =>
              n > 0 ? `${n} 张` : <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            title: "状态",
            key: "status",
            render: (_, m) =>
              m.closed ? (
                <span data-testid={`month-status-${m.month}`}>
                  <Tag color="blue" icon={<LockOutlined />}>
                    已结账
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.closedAt?.slice(0, 16)} {m.closedBy}
                  </Typography.Text>
                </span>
              ) : (
                <span data-testid={`month-status-${m.month}`}>
                  {m.ended ? (
                    <Tag>未结账</Tag>
                  ) : (
                    <Typography.Text type="secondary">未到月末</Typography.Text>
                  )}
                </span>
              ),
          },
          {
            title: "操作",
            key: "actions",
            width: 110,
            render: (_, m) =>
              m.closed ? (
                <Button
                  size="small"
                  icon={<UnlockOutlined />}
                  onClick={() => {
                    setProblems([]);
                    setReopening(m);
                  }}
                  data-testid={`month-reopen-${m.month}`}
                >
                  反结账
                </Button>
              ) : m.ended ? (
                <Button
                  size="small"
                  type="primary"
                  ghost
                  icon={<LockOutlined />}
                  onClick={() => confirmClose(m)}
                  data-testid={`month-close-${m.month}`}
                >
                  结账
                </Button>
              ) : null,
          },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: "8px 0 0" }}>
        月末之后才能结账，并按月份顺序进行：之前有凭证的月份须先结账。反结账从最后结账的月份开始。
      </Typography.Paragraph>
      <Card size="small" title="结账记录" style={{ marginTop: 16 }} data-testid="period-events">
        <Table<PeriodEvent>
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={keyed(view.events)}
          locale={{ emptyText: "还没有结账或反结账" }}
          columns={[
            { title: "时间", dataIndex: "at", width: 150, render: (t: string) => t.slice(0, 16) },
            { title: "月份", dataIndex: "month", width: 110, render: monthLabel },
            {
              title: "操作",
              dataIndex: "action",
              width: 80,
              render: (a: string) => (
                <Tag color={a === "reopen" ? "orange" : "blue"}>{ACTION_LABEL[a] ?? a}</Tag>
              ),
            },
            {
              title: "原因",
              dataIndex: "reason",
              render: (r: string) => r || <Typography.Text type="secondary">—</Typography.Text>,
            },
            { title: "操作人", dataIndex: "operator", width: 100 },
          ]}
        />
      </Card>
      {reopening && <ReopenModal month={reopening} onClose={() => setReopening(null)} />}
    </>
  );
}
