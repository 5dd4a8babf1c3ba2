// 年度资助: every grant year in one line, and 新建年度资助. A row opens the year's page.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Empty, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import type { GrantYear, SessionInfo } from "../../ipc";
import { errorMessage } from "../../ipc";
import { addYuan } from "../../money";
import GrantYearModal from "./GrantYearModal";
import { StatusTag, Yuan } from "./labels";
import { prepareGrants, useGrantYears, usePolicy } from "./queries";

/** The next calendar year after the last one on record, else this year. */
export function proposedYear(years: GrantYear[], today: string): number {
  if (years.length === 0) return Number(today.slice(0, 4));
  return Math.max(...years.map((g) => g.year)) + 1;
}

/** Opened from the menu, the page's data is asked for before it renders (kit/lazyPage). */
export const prepare = prepareGrants;

export default function GrantsPage({ session }: { session: SessionInfo }) {
  const navigate = useNavigate();
  const years = useGrantYears();
  const policy = usePolicy();
  const [creating, setCreating] = useState(false);
  const list = years.data ?? [];

  return (
    <Card
      title="年度资助"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          data-testid="grant-new"
          onClick={() => setCreating(true)}
          disabled={!years.isSuccess}
        >
          新建年度资助
        </Button>
      }
    >
      {years.isError && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(years.error)}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<GrantYear>
        data-testid="grant-list"
        rowKey={(g) => String(g.id)}
        loading={years.isPending}
        dataSource={list}
        pagination={false}
        onRow={(g) => ({
          onClick: () => navigate(`/grants/${g.id}`),
          style: { cursor: "pointer" },
        })}
        locale={{
          emptyText: (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description="尚未建立年度资助记录。收到申报通知后，点击右上角“新建年度资助”"
            />
          ),
        }}
        columns={[
          {
            title: "年度",
            dataIndex: "year",
            render: (_, g) => (
              <Link to={`/grants/${g.id}`} onClick={(e) => e.stopPropagation()}>
                {g.year} 年度
              </Link>
            ),
          },
          { title: "第几年", dataIndex: "sequence", render: (s: number) => `第${s}年` },
          {
            title: "市级资助（元）",
            dataIndex: "cityAmount",
            align: "right",
            render: (v: string) => <Yuan value={v} unit={false} />,
          },
          {
            title: "区级配套（元）",
            dataIndex: "districtAmount",
            align: "right",
            render: (v: string) => <Yuan value={v} unit={false} />,
          },
          {
            title: "合计（元）",
            key: "total",
            align: "right",
            render: (_, g) => (
              <Yuan value={addYuan(g.cityAmount, g.districtAmount) ?? ""} unit={false} strong />
            ),
          },
          {
            title: "状态",
            dataIndex: "status",
            render: (_, g) => <StatusTag status={g.status} />,
          },
          {
            title: "批复文号",
            dataIndex: "approvalDocNo",
            render: (v: string, g) =>
              v ? (
                <>
                  {v}
                  {g.approvalDate && (
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {g.approvalDate}
                    </Typography.Text>
                  )}
                </>
              ) : (
                <Typography.Text type="secondary">尚未批复</Typography.Text>
              ),
          },
        ]}
      />
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, marginTop: 12, marginBottom: 0 }}
      >
        区级配套按政策比例自动计算。点击一行查看该年度的到账、预算和下一步。
      </Typography.Paragraph>
      {creating && (
        <GrantYearModal
          defaultYear={proposedYear(list, session.today)}
          policy={policy.data}
          onClose={() => setCreating(false)}
          onSaved={(saved) => {
            setCreating(false);
            navigate(`/grants/${saved.grant.id}`);
          }}
        />
      )}
    </Card>
  );
}
