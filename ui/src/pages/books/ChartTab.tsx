// 科目表: the chart of accounts the selected year's books are kept in, as data — its version, where
// its codes come from and how far they could be checked (科目表版本), then the accounts by kind,
// with the ones the app posts to marked.
import { Alert, Card, Col, Row, Table, Tag, Typography } from "antd";
import type { Account, Chart } from "../../ipc";
import { ACCOUNT_KIND_LABEL, ACCOUNT_KIND_ORDER, ROLE_LABEL } from "./labels";

export function ChartView({ chart }: { chart: Chart }) {
  const rolesOf = (code: string) => chart.roles.filter(([, c]) => c === code).map(([r]) => r);
  const kinds = [
    ...ACCOUNT_KIND_ORDER,
    ...new Set(chart.accounts.map((a) => a.kind).filter((k) => !ACCOUNT_KIND_ORDER.includes(k))),
  ];
  return (
    <>
      <Alert
        type="info"
        showIcon
        data-testid="chart-version"
        style={{ marginBottom: 16 }}
        message={
          <Typography.Text strong>
            科目表版本：{chart.name}（{chart.effectiveFrom} 起施行）
          </Typography.Text>
        }
        description={
          <>
            <div>科目编码和名称来源：{chart.source}</div>
            {chart.note && <div style={{ marginTop: 4 }}>{chart.note}</div>}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        {kinds.map((kind) => {
          const accounts = chart.accounts.filter((a) => a.kind === kind);
          if (accounts.length === 0) return null;
          return (
            <Col key={kind} xs={24} lg={12}>
              <Card
                size="small"
                title={`${ACCOUNT_KIND_LABEL[kind] ?? kind}（${accounts.length}）`}
                data-testid={`chart-kind-${kind}`}
              >
                <Table<Account>
                  size="small"
                  rowKey="code"
                  pagination={false}
                  dataSource={accounts}
                  showHeader={false}
                  columns={[
                    { dataIndex: "code", width: 64 },
                    {
                      dataIndex: "name",
                      render: (name: string, a) => {
                        const roles = rolesOf(a.code);
                        return (
                          <>
                            <span style={{ fontWeight: roles.length > 0 ? 600 : 400 }}>{name}</span>
                            {roles.map((r) => (
                              <Tag
                                key={r}
                                color="blue"
                                data-testid={`chart-role-${r}`}
                                style={{ marginInlineStart: 8, fontSize: 11 }}
                              >
                                记账使用：{ROLE_LABEL[r] ?? r}
                              </Tag>
                            ))}
                          </>
                        );
                      },
                    },
                  ]}
                />
              </Card>
            </Col>
          );
        })}
      </Row>
    </>
  );
}
