// 到账: per source due / received / outstanding, the arrears notice, and the receipts on record.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Col, Row, Table, Typography } from "antd";
import { useState } from "react";
import type { GrantYearDetail, Receipt } from "../../ipc";
import { ArrearsAlert, FundBar } from "./FundProgress";
import { SOURCE_LABEL, Yuan } from "./labels";
import ReceiptModal from "./ReceiptModal";

export default function FundsCard({ detail, today }: { detail: GrantYearDetail; today: string }) {
  const [adding, setAdding] = useState(false);
  const { status } = detail.grant;
  const canAdd = detail.grant.actions.addReceipt.allowed;

  return (
    <Card
      title="资金到账"
      data-testid="funds-card"
      extra={
        canAdd && (
          <Button icon={<PlusOutlined />} data-testid="receipt-new" onClick={() => setAdding(true)}>
            登记到账
          </Button>
        )
      }
    >
      {status === "applying" && (
        <Typography.Paragraph type="secondary">登记批复后，才能登记资金到账。</Typography.Paragraph>
      )}
      <Row gutter={32}>
        {detail.funds.map((f) => (
          <Col key={f.source} xs={24} md={12}>
            <FundBar fund={f} testId={`fund-${f.source}`} />
          </Col>
        ))}
      </Row>
      {detail.arrears && (
        <ArrearsAlert
          arrears={detail.arrears}
          warnDays={detail.policy.arrearsWarnDays}
          testId="grant-arrears"
        />
      )}
      <Table<Receipt>
        data-testid="receipt-table"
        size="small"
        pagination={false}
        rowKey={(r) => String(r.id)}
        dataSource={detail.receipts}
        locale={{ emptyText: "尚无到账记录" }}
        columns={[
          { title: "到账日期", dataIndex: "date", width: 110 },
          { title: "来源", dataIndex: "source", render: (s: Receipt["source"]) => SOURCE_LABEL[s] },
          {
            title: "金额（元）",
            dataIndex: "amount",
            align: "right",
            render: (v: string) => <Yuan value={v} unit={false} />,
          },
          { title: "银行流水号", dataIndex: "bankRef", render: (v: string) => v || "—" },
          { title: "备注", dataIndex: "note", render: (v: string) => v || "—" },
        ]}
      />
      {adding && <ReceiptModal detail={detail} today={today} onClose={() => setAdding(false)} />}
    </Card>
  );
}
