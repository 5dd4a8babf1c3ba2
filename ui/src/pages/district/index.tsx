// 区级汇总: the district civil-affairs office's own workspace. It adds the packet ZIPs federations
// hand over (many at once, by picking or dropping them; each is verified in Rust and refused with
// its reason if it was changed, is incomplete or cannot be checked), and reads every federation's
// packet side by side: a table per year with its totals, what the district still owes sorted by
// days overdue, a chart of received against due, and exports of the summary (Excel and PDF).
// Every figure is Rust's, read from the packets' own data; this page only lays them out.
import {
  UploadOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FolderOpenOutlined,
  InboxOutlined,
  LogoutOutlined,
} from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Drawer,
  Empty,
  Layout,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useRef, useState } from "react";
import {
  districtExport,
  districtPacketAdd,
  districtPackets,
  districtSummary,
  errorMessage,
  packetReveal,
  type DistrictAddStatus,
  type DistrictOwed,
  type DistrictRow,
  type DistrictYear,
  type SessionInfo,
} from "../../ipc";
import { afterDistrictWrite, queryKeys } from "../../kit/queryKeys";
import { formatYuan, percentOf } from "../../money";
import { useCloseDistrict } from "../../session";

/** What one picked file came to: Rust's answer, or its refusal. */
type AddLine = { fileName: string; status: DistrictAddStatus | "refused"; message: string };

const STATUS: Record<AddLine["status"], { color: string; label: string }> = {
  added: { color: "green", label: "已添加" },
  replaced: { color: "blue", label: "已替换旧版" },
  keptAsHistory: { color: "default", label: "存入历史" },
  alreadyAdded: { color: "default", label: "已添加过" },
  refused: { color: "red", label: "未添加" },
};

const yuan = (s: string | null) => (s === null ? "—" : formatYuan(s));

function AddPackets() {
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [inputKey, setInputKey] = useState(0);
  const [lines, setLines] = useState<AddLine[]>([]);
  const [over, setOver] = useState(false);
  // One call per ZIP, in order: a refused ZIP never holds back the others.
  const add = useMutation({
    mutationFn: async (files: File[]) => {
      const out: AddLine[] = [];
      for (const file of files) {
        try {
          const r = await districtPacketAdd(file);
          out.push({ fileName: file.name, status: r.status, message: r.message });
        } catch (e) {
          out.push({ fileName: file.name, status: "refused", message: errorMessage(e) });
        }
        setLines([...out]);
      }
      return out;
    },
    onSettled: () => afterDistrictWrite(queryClient),
  });
  const start = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (files.length === 0 || add.isPending) return;
    setLines([]);
    add.mutate(files);
  };

  return (
    <Card title="添加申报材料" size="small">
      <div
        data-testid="district-drop"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          start(e.dataTransfer.files);
        }}
        style={{
          border: `1px dashed ${over ? "#1677ff" : "#d9d9d9"}`,
          borderRadius: 8,
          background: over ? "#f0f7ff" : "#fafafa",
          padding: "16px 20px",
          display: "flex",
          alignItems: "center",
          gap: 16,
        }}
      >
        <InboxOutlined style={{ fontSize: 32, color: "#1677ff" }} />
        <div style={{ flex: 1 }}>
          <Typography.Text>把各街道社联会报来的申报材料压缩包（.zip）拖到这里，或</Typography.Text>{" "}
          <Button
            size="small"
            icon={<UploadOutlined />}
            loading={add.isPending}
            onClick={() => input.current?.click()}
          >
            选择压缩包…
          </Button>
          <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
            可一次选择多个。每个压缩包先按其清单逐个文件校验，被修改、缺文件或无法校验的不会保存；同一社联会同一年度的新版会替换旧版，旧版保留在历史记录中。
          </Typography.Paragraph>
        </div>
      </div>
      <input
        key={inputKey}
        ref={input}
        type="file"
        accept=".zip"
        multiple
        data-testid="district-files"
        style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
        onChange={(e) => {
          start(e.target.files);
          setInputKey((k) => k + 1);
        }}
      />
      {lines.length > 0 && (
        <div data-testid="district-add-results" style={{ marginTop: 12 }}>
          {lines.map((l, i) => (
            <div
              key={`${l.fileName}-${i}`}
              data-testid="district-add-result"
              data-status={l.status}
              style={{ display: "flex", gap: 8, padding: "4px 0", alignItems: "baseline" }}
            >
              <Tag color={STATUS[l.status].color} style={{ flex: "none" }}>
                {STATUS[l.status].label}
              </Tag>
              <Typography.Text type={l.status === "refused" ? "danger" : undefined}>
                {l.message}
              </Typography.Text>
            </div>
          ))}
        </div>
      )}
    </Card>
  );
}

function History({ row, onClose }: { row: DistrictRow | null; onClose: () => void }) {
  const packets = useQuery({
    queryKey: queryKeys.district.packets,
    queryFn: districtPackets,
    enabled: row !== null,
  });
  const mine = (packets.data ?? []).filter(
    (p) => row && p.creditCode === row.creditCode && p.year === row.year,
  );
  return (
    <Drawer
      open={row !== null}
      onClose={onClose}
      width={560}
      title={row ? `${row.federation} ${row.year} 年度 · 收到的申报材料` : ""}
    >
      {packets.isPending ? (
        <Skeleton active />
      ) : (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={[...mine].reverse()}
          columns={[
            { title: "生成日期", dataIndex: "generatedOn", width: 110 },
            { title: "文件", dataIndex: "fileName", ellipsis: true },
            { title: "添加时间", dataIndex: "addedAt", width: 160 },
            {
              title: "",
              key: "current",
              width: 80,
              render: (_, p) => (p.current ? <Tag color="green">当前</Tag> : <Tag>历史</Tag>),
            },
          ]}
        />
      )}
    </Drawer>
  );
}

function YearTable({
  year,
  onHistory,
}: {
  year: DistrictYear;
  onHistory: (r: DistrictRow) => void;
}) {
  const t = year.totals;
  return (
    <Table<DistrictRow>
      size="small"
      rowKey="packetId"
      data-testid={`district-year-${year.year}`}
      pagination={false}
      scroll={{ x: 1180 }}
      dataSource={year.rows}
      columns={[
        {
          title: "社联会",
          dataIndex: "federation",
          fixed: "left",
          width: 230,
          render: (name: string, r) => (
            <Space direction="vertical" size={0}>
              <Typography.Text>{name}</Typography.Text>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {r.sequenceLabel} · 申报包 {r.generatedOn}
                {r.replaced > 0 && (
                  <>
                    {" · "}
                    <Typography.Link onClick={() => onHistory(r)}>
                      另有 {r.replaced} 份旧版
                    </Typography.Link>
                  </>
                )}
              </Typography.Text>
            </Space>
          ),
        },
        { title: "市级资助", dataIndex: "cityAmount", align: "right", width: 110, render: yuan },
        {
          title: "区级配套应拨",
          dataIndex: "districtDue",
          align: "right",
          width: 110,
          render: yuan,
        },
        {
          title: "已到位",
          dataIndex: "districtReceived",
          align: "right",
          width: 110,
          render: yuan,
        },
        {
          title: "欠拨",
          dataIndex: "arrears",
          align: "right",
          width: 150,
          render: (a: string | null, r) =>
            a === null ? (
              "—"
            ) : r.arrearsDays === null ? (
              yuan(a)
            ) : (
              <Space direction="vertical" size={0} style={{ alignItems: "flex-end" }}>
                <Typography.Text type={r.overdue ? "danger" : "warning"}>{yuan(a)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  已 {r.arrearsDays} 天
                </Typography.Text>
              </Space>
            ),
        },
        {
          title: "执行率（市 / 区）",
          key: "rates",
          align: "center",
          width: 130,
          render: (_, r) => `${r.cityRate} / ${r.districtRate}`,
        },
        { title: "成员单位", dataIndex: "members", align: "right", width: 80 },
        { title: "服务项目", dataIndex: "projects", align: "right", width: 80 },
        {
          title: "提示",
          key: "warnings",
          render: (_, r) => (
            <Space size={[4, 4]} wrap>
              {r.note && (
                <Tooltip title={r.note}>
                  <Tag>旧版申报包</Tag>
                </Tooltip>
              )}
              {r.warnings.map((w, i) => (
                <Tooltip key={i} title={w.message}>
                  <Tag color="gold">{w.rule ?? "提示"}</Tag>
                </Tooltip>
              ))}
            </Space>
          ),
        },
      ]}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row style={{ fontWeight: 600, background: "#fafafa" }}>
            <Table.Summary.Cell index={0}>合计（{t.federations} 家）</Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              {yuan(t.cityAmount)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              {yuan(t.districtDue)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <span data-testid={`district-total-received-${year.year}`}>
                {yuan(t.districtReceived)}
              </span>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={4} align="right">
              {yuan(t.arrears)}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={5} />
            <Table.Summary.Cell index={6} align="right">
              {t.members}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={7} align="right">
              {t.projects}
            </Table.Summary.Cell>
            <Table.Summary.Cell index={8}>
              {t.withoutFunds > 0 && (
                <Typography.Text type="secondary">
                  {t.withoutFunds} 家无到账数据，未计入
                </Typography.Text>
              )}
            </Table.Summary.Cell>
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}

/** Received against due per federation: one bar each, the due amount as the full width. */
function ReceivedChart({ year }: { year: DistrictYear }) {
  return (
    <div data-testid="district-chart" style={{ display: "grid", gap: 8 }}>
      {year.rows.map((r) => {
        const share =
          r.districtReceived === null ? 0 : percentOf(r.districtReceived, r.districtDue);
        return (
          <div
            key={r.packetId}
            style={{
              display: "grid",
              gridTemplateColumns: "230px 1fr 190px",
              gap: 12,
              alignItems: "center",
            }}
          >
            <Typography.Text ellipsis>{r.federation}</Typography.Text>
            <div style={{ height: 14, background: "#f0f0f0", borderRadius: 3, overflow: "hidden" }}>
              <div
                style={{
                  width: `${Math.min(100, share)}%`,
                  height: "100%",
                  background: share >= 100 ? "#52c41a" : r.overdue ? "#ff7875" : "#faad14",
                }}
              />
            </div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.districtReceived === null
                ? "无到账数据"
                : `${yuan(r.districtReceived)} / ${yuan(r.districtDue)}`}
            </Typography.Text>
          </div>
        );
      })}
    </div>
  );
}

function Owed({ owed }: { owed: DistrictOwed[] }) {
  if (owed.length === 0) return <Typography.Text type="secondary">没有欠拨。</Typography.Text>;
  return (
    <Table<DistrictOwed>
      size="small"
      rowKey="packetId"
      data-testid="district-owed"
      pagination={false}
      dataSource={owed}
      columns={[
        { title: "社联会", dataIndex: "federation" },
        { title: "年度", dataIndex: "year", width: 80 },
        { title: "欠拨金额", dataIndex: "amount", align: "right", width: 130, render: yuan },
        { title: "起算日期", dataIndex: "since", width: 110 },
        {
          title: "欠拨天数",
          dataIndex: "days",
          align: "right",
          width: 100,
          render: (d: number, o) => (
            <Typography.Text type={o.overdue ? "danger" : undefined}>{d} 天</Typography.Text>
          ),
        },
      ]}
    />
  );
}

function Exports() {
  const exportIt = useMutation({ mutationFn: (format: "xlsx" | "pdf") => districtExport(format) });
  const reveal = useMutation({ mutationFn: (path: string) => packetReveal(path) });
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <Space>
        <Button
          icon={<FileExcelOutlined />}
          data-testid="district-export-xlsx"
          loading={exportIt.isPending && exportIt.variables === "xlsx"}
          onClick={() => exportIt.mutate("xlsx")}
        >
          导出 Excel 汇总表
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          data-testid="district-export-pdf"
          loading={exportIt.isPending && exportIt.variables === "pdf"}
          onClick={() => exportIt.mutate("pdf")}
        >
          导出 PDF（打印用）
        </Button>
      </Space>
      {exportIt.isError && <Alert type="error" showIcon message={errorMessage(exportIt.error)} />}
      {exportIt.data && !exportIt.isPending && (
        <Alert
          type="success"
          showIcon
          data-testid="district-export-done"
          message={`已保存：${exportIt.data.path}`}
          action={
            <Button
              size="small"
              icon={<FolderOpenOutlined />}
              onClick={() => reveal.mutate(exportIt.data.path)}
            >
              打开所在文件夹
            </Button>
          }
        />
      )}
    </Space>
  );
}

export default function DistrictPage({ session }: { session: SessionInfo }) {
  const summary = useQuery({ queryKey: queryKeys.district.summary, queryFn: districtSummary });
  const close = useCloseDistrict();
  const [history, setHistory] = useState<DistrictRow | null>(null);
  const [chartYear, setChartYear] = useState<number | null>(null);
  const s = summary.data;
  const years = s?.years ?? [];
  const shownYear = years.find((y) => y.year === chartYear) ?? years[0];

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          background: "#fff",
          borderBottom: "1px solid #f0f0f0",
          display: "flex",
          alignItems: "center",
          gap: 16,
          paddingInline: 24,
        }}
      >
        <Typography.Title level={4} style={{ margin: 0 }} data-testid="district-title">
          区级汇总
        </Typography.Title>
        <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>
          各街道社联会申报材料汇总 · 数据文件 {session.dataFile}
        </Typography.Text>
        <Button
          icon={<LogoutOutlined />}
          data-testid="district-close"
          loading={close.isPending}
          onClick={() => close.mutate()}
        >
          退出区级汇总
        </Button>
      </Layout.Header>
      <Layout.Content style={{ padding: 24, display: "grid", gap: 16, alignContent: "start" }}>
        {close.isError && <Alert type="error" showIcon message={errorMessage(close.error)} />}
        <AddPackets />
        {summary.isPending ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : summary.isError ? (
          <Alert
            type="error"
            showIcon
            message="汇总读取失败"
            description={errorMessage(summary.error)}
          />
        ) : years.length === 0 ? (
          <Card>
            <Empty description="尚未添加申报材料。把各社联会报来的压缩包添加进来，这里就会按年度列出。" />
          </Card>
        ) : (
          <>
            <Card size="small" title={`汇总（截至 ${s?.today}，共收到 ${s?.packets} 份申报材料）`}>
              <Exports />
              <Tabs
                data-testid="district-years"
                items={years.map((y) => ({
                  key: String(y.year),
                  label: `${y.year} 年度（${y.totals.federations} 家）`,
                  children: <YearTable year={y} onHistory={setHistory} />,
                }))}
                onChange={(k) => setChartYear(Number(k))}
              />
            </Card>
            <Card size="small" title="区级配套还欠拨（按欠拨天数排序）">
              <Owed owed={s?.owed ?? []} />
            </Card>
            {shownYear && (
              <Card size="small" title={`${shownYear.year} 年度区级配套到位情况（已到位 / 应拨）`}>
                <ReceivedChart year={shownYear} />
              </Card>
            )}
          </>
        )}
      </Layout.Content>
      <History row={history} onClose={() => setHistory(null)} />
    </Layout>
  );
}
