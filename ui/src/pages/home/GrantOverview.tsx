// The current grant year on 首页: money received against due by source, arrears, the budget by
// category as plain horizontal bars, and what to do next. Figures are Rust's strings, formatted.
import { Card, Col, Empty, Row, Typography } from "antd";
import { Link } from "react-router-dom";
import type { GrantYearDetail } from "../../ipc";
import { formatYuan, percentOf } from "../../money";
import { ArrearsAlert, FundBar } from "../grants/FundProgress";
import NextSteps from "../grants/NextSteps";
import { StatusTag } from "../grants/labels";

function BudgetBars({ detail }: { detail: GrantYearDetail }) {
  if (detail.budget.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未编制预算" />;
  return (
    <div data-testid="home-budget" style={{ display: "grid", gap: 8 }}>
      {detail.budget.map((line) => {
        const pct = percentOf(line.total, detail.total);
        return (
          <div
            key={line.category}
            style={{
              display: "grid",
              gridTemplateColumns: "84px 1fr 104px",
              alignItems: "center",
              gap: 8,
            }}
          >
            <Typography.Text ellipsis title={line.categoryName}>
              {line.categoryName}
            </Typography.Text>
            <div style={{ background: "#f0f2f5", borderRadius: 3, height: 10 }} title={`${pct}%`}>
              <div
                style={{
                  width: `${pct}%`,
                  minWidth: pct > 0 ? 2 : 0,
                  height: "100%",
                  background: "#1f6fb2",
                  borderRadius: 3,
                }}
              />
            </div>
            <Typography.Text
              style={{
                textAlign: "right",
                fontVariantNumeric: "tabular-nums",
                whiteSpace: "nowrap",
              }}
            >
              {formatYuan(line.total)}
            </Typography.Text>
          </div>
        );
      })}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        单位：元；市级、区级合计 {formatYuan(detail.total)} 元
      </Typography.Text>
    </div>
  );
}

const sectionTitle = { marginTop: 0, marginBottom: 12 };

export default function GrantOverview({ detail }: { detail: GrantYearDetail }) {
  const g = detail.grant;
  return (
    <Card
      data-testid="home-grant"
      title={
        <span style={{ display: "inline-flex", alignItems: "center", gap: 8 }}>
          {g.year} 年度资助
          <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>
            第{g.sequence}年
          </Typography.Text>
          <StatusTag status={g.status} />
        </span>
      }
      extra={<Link to={`/grants/${g.id}`}>查看详情</Link>}
    >
      <Row gutter={[32, 16]}>
        <Col xs={24} lg={12}>
          <Typography.Title level={5} style={sectionTitle}>
            资金到账
          </Typography.Title>
          {detail.funds.map((f) => (
            <FundBar key={f.source} fund={f} testId={`home-fund-${f.source}`} />
          ))}
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Title level={5} style={sectionTitle}>
            预算（按科目）
          </Typography.Title>
          <BudgetBars detail={detail} />
        </Col>
        {detail.arrears && (
          <Col span={24}>
            <ArrearsAlert
              arrears={detail.arrears}
              warnDays={detail.policy.arrearsWarnDays}
              testId="home-arrears"
            />
          </Col>
        )}
        <Col span={24}>
          <Typography.Title level={5} style={sectionTitle}>
            下一步
          </Typography.Title>
          <NextSteps steps={detail.nextSteps} />
        </Col>
      </Row>
    </Card>
  );
}
