// 凭证: one page of a grant year's vouchers at a time (paged in Rust, newest first, so the latest
// entries are on the first page), optionally one month. A row
// opens to its double-entry lines, its attachments and the actions 冲销 and 补充附件. An original and
// its red-ink reversal name each other, so neither is read without the other.
import { PaperClipOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Descriptions, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { useState, useSyncExternalStore } from "react";
import { errorMessage, type GrantYear, type MonthStatus, type Voucher } from "../../ipc";
import { SOURCE_LABEL } from "../grants/labels";
import AttachModal from "./AttachModal";
import { AttachmentList } from "./attachments";
import ExpenseModal from "./ExpenseModal";
import { Amount, AmountOrDash, keyed, KIND_LABEL, Muted, PAYMENT_LABEL } from "./labels";
import { FIRST_VOUCHERS, useVouchers } from "./queries";
import ReverseModal from "./ReverseModal";

/** antd's `xl` breakpoint: from this width the payee has a column of its own. */
const WIDE = "(min-width: 1200px)";

function onWidthChange(notify: () => void) {
  const query = window.matchMedia(WIDE);
  query.addEventListener("change", notify);
  return () => query.removeEventListener("change", notify);
}

/**
 * Whether the window is wide, right from the first render: antd's `Grid.useBreakpoint()` answers
 * `{}` first and the truth in a layout effect, which rendered the whole voucher table twice.
 */
function useWideWindow(): boolean {
  return useSyncExternalStore(onWidthChange, () => window.matchMedia(WIDE).matches);
}

/** How an original and its reversal point at each other. */
export function VoucherLinks({ voucher }: { voucher: Voucher }) {
  return (
    <>
      {voucher.reversedBy && (
        <Tag color="red" data-testid="voucher-reversed-by" style={{ marginInlineEnd: 0 }}>
          已冲销 → {voucher.reversedBy.number}
        </Tag>
      )}
      {voucher.reverses && (
        <Tag color="volcano" data-testid="voucher-reverses" style={{ marginInlineEnd: 0 }}>
          冲销 {voucher.reverses.number}
        </Tag>
      )}
    </>
  );
}

function Lines({ voucher }: { voucher: Voucher }) {
  return (
    <Table
      size="small"
      data-testid="voucher-lines"
      pagination={false}
      dataSource={keyed(voucher.lines)}
      columns={[
        { title: "科目编码", dataIndex: "accountCode", width: 90 },
        {
          title: "科目名称",
          dataIndex: "accountName",
          render: (name: string, l) => (
            <>
              {name}
              {l.categoryName && <Muted small> — {l.categoryName}</Muted>}
            </>
          ),
        },
        {
          title: "资金来源",
          dataIndex: "source",
          width: 110,
          render: (s: Voucher["source"]) => SOURCE_LABEL[s],
        },
        {
          title: "借方",
          dataIndex: "debit",
          align: "right",
          width: 120,
          render: (v: string) => <AmountOrDash value={v} />,
        },
        {
          title: "贷方",
          dataIndex: "credit",
          align: "right",
          width: 120,
          render: (v: string) => <AmountOrDash value={v} />,
        },
      ]}
    />
  );
}

/** The inside of an opened row: lines, attachments, who and how, and what can be done. */
export function VoucherDetail({
  voucher,
  onReverse,
  onAttach,
}: {
  voucher: Voucher;
  onReverse: () => void;
  onAttach: () => void;
}) {
  // Receipts are corrected where they were recorded (年度资助), so that the 到账 record and its
  // voucher never disagree; only expenses are reversed here. Whether one may be reversed at all
  // (not a reversal, not reversed yet, its grant year not closed) is Rust's answer.
  const reversible = voucher.kind === "expense" && voucher.actions.reverse.allowed;
  return (
    <div data-testid="voucher-detail" style={{ padding: "4px 0 8px" }}>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          alignItems: "center",
          gap: 12,
          marginBottom: 8,
          flexWrap: "wrap",
        }}
      >
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {[
            `${KIND_LABEL[voucher.kind]}凭证`,
            PAYMENT_LABEL[voucher.paymentMethod],
            voucher.projectName && `服务项目：${voucher.projectName}`,
            `录入：${voucher.operator}　${voucher.createdAt.slice(0, 16)}`,
          ]
            .filter(Boolean)
            .join(" · ")}
        </Typography.Text>
        <Space size={8}>
          <Button
            size="small"
            icon={<PaperClipOutlined />}
            onClick={onAttach}
            data-testid="voucher-attach"
          >
            补充附件
          </Button>
          {reversible && (
            <Button size="small" danger onClick={onReverse} data-testid="voucher-reverse">
              冲销
            </Button>
          )}
        </Space>
      </div>
      {voucher.reverses && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={`这是 ${voucher.reverses.number}（${voucher.reverses.date}）的红字冲销凭证，金额以负数记入。`}
        />
      )}
      {voucher.reversedBy && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          message={`本凭证已于 ${voucher.reversedBy.date} 由 ${voucher.reversedBy.number} 冲销，两张合计为零。`}
        />
      )}
      <Lines voucher={voucher} />
      <Descriptions
        size="small"
        column={1}
        style={{ marginTop: 8 }}
        items={[
          {
            key: "attachments",
            label: "附件",
            children: <AttachmentList files={voucher.attachments} />,
          },
        ]}
      />
    </div>
  );
}

export default function VouchersTab({
  grant,
  months,
  today,
}: {
  grant: GrantYear;
  months: MonthStatus[];
  today: string;
}) {
  const [month, setMonth] = useState<string | null>(FIRST_VOUCHERS.month);
  const [page, setPage] = useState<number>(FIRST_VOUCHERS.page);
  const [pageSize, setPageSize] = useState<number>(FIRST_VOUCHERS.pageSize);
  const [expanded, setExpanded] = useState<number[]>([]);
  const [dialog, setDialog] = useState<
    { kind: "expense" } | { kind: "reverse" | "attach"; voucher: Voucher } | null
  >(null);
  const list = useVouchers({ grantYearId: grant.id, month, page, pageSize });
  const executing = grant.actions.postExpense.allowed;
  // On a narrow window (under 1200 px) the payee moves under the summary instead of its own column.
  const wide = useWideWindow();

  return (
    <>
      <div
        style={{
          display: "flex",
          justifyContent: "space-between",
          gap: 12,
          marginBottom: 12,
          flexWrap: "wrap",
        }}
      >
        <Select
          data-testid="voucher-month"
          style={{ width: 160 }}
          value={month ?? ""}
          onChange={(v) => {
            setMonth(v === "" ? null : v);
            setPage(1);
          }}
          options={[
            { value: "", label: "全年" },
            ...months.map((m) => ({
              value: m.month,
              label: `${m.label}${m.vouchers > 0 ? `（${m.vouchers}）` : ""}`,
            })),
          ]}
        />
        <Tooltip title={executing ? undefined : grant.actions.postExpense.reason}>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!executing}
            onClick={() => setDialog({ kind: "expense" })}
            data-testid="expense-new"
          >
            记一笔支出
          </Button>
        </Tooltip>
      </div>
      {list.isError && (
        <Alert
          type="error"
          showIcon
          message={errorMessage(list.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Table<Voucher>
        data-testid="voucher-table"
        size="small"
        rowKey="id"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        locale={{
          emptyText: month
            ? "这个月没有凭证"
            : "还没有凭证。登记到账后自动生成到账凭证；支出点击右上角“记一笔支出”",
        }}
        rowClassName={(v) => (v.kind === "reversal" ? "voucher-reversal" : "")}
        expandable={{
          expandedRowKeys: expanded,
          onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
          expandRowByClick: true,
          expandedRowRender: (v) => (
            <VoucherDetail
              voucher={v}
              onReverse={() => setDialog({ kind: "reverse", voucher: v })}
              onAttach={() => setDialog({ kind: "attach", voucher: v })}
            />
          ),
        }}
        pagination={{
          current: page,
          pageSize,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50, 100],
          showTotal: (t) => `共 ${t} 张凭证，新的在前`,
          onChange: (p, s) => {
            setPage(s === pageSize ? p : 1);
            setPageSize(s);
          },
        }}
        columns={[
          {
            title: "凭证号",
            dataIndex: "number",
            width: 112,
            render: (n: string) => (
              <span data-testid="voucher-number" style={{ whiteSpace: "nowrap" }}>
                {n}
              </span>
            ),
          },
          { title: "日期", dataIndex: "date", width: 96 },
          {
            title: "摘要",
            dataIndex: "summary",
            render: (s: string, v) => (
              <>
                <div>
                  {v.kind === "receipt" && (
                    <Tag color="green" style={{ marginInlineEnd: 4 }}>
                      到账
                    </Tag>
                  )}
                  {s}
                </div>
                {v.projectName && (
                  <Tag color="geekblue" style={{ marginTop: 2 }} data-testid="voucher-project">
                    服务项目：{v.projectName}
                  </Tag>
                )}
                {!wide && v.payee && <Muted small>收款方：{v.payee}</Muted>}
                {(v.reverses || v.reversedBy) && (
                  <div style={{ marginTop: 2 }}>
                    <VoucherLinks voucher={v} />
                  </div>
                )}
              </>
            ),
          },
          {
            title: "预算科目",
            key: "category",
            width: 100,
            render: (_, v) => (
              <>
                <div>{v.categoryName ?? <Muted>—</Muted>}</div>
                <Muted small>{SOURCE_LABEL[v.source]}</Muted>
              </>
            ),
          },
          ...(wide
            ? [
                {
                  title: "收款方",
                  dataIndex: "payee",
                  width: 140,
                  ellipsis: true,
                  render: (p: string) => p || <Muted>—</Muted>,
                },
              ]
            : []),
          {
            title: "金额（元）",
            dataIndex: "amount",
            align: "right",
            width: 108,
            render: (a: string) => <Amount value={a} testId="voucher-amount" />,
          },
          {
            title: "附件",
            key: "attachments",
            align: "center",
            width: 52,
            render: (_, v) =>
              v.attachments.length > 0 ? (
                <span data-testid="voucher-attachment-count" style={{ whiteSpace: "nowrap" }}>
                  <PaperClipOutlined /> {v.attachments.length}
                </span>
              ) : (
                <Muted>—</Muted>
              ),
          },
        ]}
      />
      {dialog?.kind === "expense" && (
        <ExpenseModal grant={grant} today={today} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === "reverse" && (
        <ReverseModal
          voucher={dialog.voucher}
          today={today}
          onClose={() => setDialog(null)}
          onDone={(r) => setExpanded((keys) => [...keys, r.id])}
        />
      )}
      {dialog?.kind === "attach" && (
        <AttachModal voucher={dialog.voucher} onClose={() => setDialog(null)} />
      )}
    </>
  );
}
