// 编辑预算 (before 执行中) and 预算调整 (while 执行中): one row per budget category with a city and a
// district amount as typed. Live totals are a preview computed on strings (exact fen); Rust checks
// the sums (R-BUDGET) and caps (R-CAPS) on save. Its problems on `lines.<i>.cityAmount` land in the
// right cell; totals, caps and status go into an Alert.
import { Alert, Button, Col, DatePicker, Form, Input, Row, Space, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { BudgetCategory, BudgetLineInput, GrantYearDetail } from "../../ipc";
import {
  applyProblems,
  fieldPath,
  ProblemsAlert,
  type FieldPath,
  type Problem,
} from "../../forms/problems";
import { useMoneyPreview } from "../../forms/useMoneyPreview";
import { fenToYuan, formatYuan, toFen } from "../../money";
import { DATE_FORMAT } from "./labels";
import { useAdjustBudget, useSetBudget } from "./queries";

interface LineValues {
  category: string;
  cityAmount: string;
  districtAmount: string;
}

interface FormValues {
  lines: LineValues[];
  date?: Dayjs | null;
  reason?: string;
}

/** One row per category, prefilled with the current budget ("" for nothing or zero). */
export function initialLines(
  categories: BudgetCategory[],
  budget: GrantYearDetail["budget"],
): LineValues[] {
  const shown = (s: string | undefined) =>
    s === undefined || toFen(s) === 0n ? "" : formatYuan(s);
  return categories.map((c) => {
    const line = budget.find((l) => l.category === c.code);
    return {
      category: c.code,
      cityAmount: shown(line?.city),
      districtAmount: shown(line?.district),
    };
  });
}

/**
 * The lines to send: those with anything typed (an empty amount is zero for Rust), and for each
 * sent line the form row it came from, so that Rust's `lines.<i>` problems find their cell.
 */
export function linesToSend(lines: LineValues[]): { lines: BudgetLineInput[]; rows: number[] } {
  const out: BudgetLineInput[] = [];
  const rows: number[] = [];
  lines.forEach((l, row) => {
    const city = (l.cityAmount ?? "").trim();
    const district = (l.districtAmount ?? "").trim();
    if (city === "" && district === "") return;
    out.push({ category: l.category, cityAmount: city, districtAmount: district });
    rows.push(row);
  });
  return { lines: out, rows };
}

/** A Rust-read figure in fen: undefined while Rust has not answered yet, null when unreadable. */
function fenOf(amount: string | null | undefined): bigint | null | undefined {
  if (amount === undefined) return undefined;
  return amount === null ? null : toFen(amount);
}

function Balance({ sum, due }: { sum: bigint | null | undefined; due: string }) {
  const dueFen = toFen(due) ?? 0n;
  if (sum === undefined) return null;
  if (sum === null) return <Typography.Text type="secondary">有金额无法识别</Typography.Text>;
  const diff = sum - dueFen;
  if (diff === 0n) return <Typography.Text type="success">已平衡</Typography.Text>;
  return (
    <Typography.Text type="danger">
      {diff < 0n ? `还差 ${formatYuan(fenToYuan(-diff))}` : `多出 ${formatYuan(fenToYuan(diff))}`}
    </Typography.Text>
  );
}

const figure = { fontVariantNumeric: "tabular-nums" as const, whiteSpace: "nowrap" as const };

export default function BudgetEditor({
  detail,
  categories,
  mode,
  today,
  onDone,
  onCancel,
}: {
  detail: GrantYearDetail;
  categories: BudgetCategory[];
  mode: "set" | "adjust";
  today: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<FormValues>();
  const id = detail.grant.id;
  const set = useSetBudget(id);
  const adjust = useAdjustBudget(id);
  const pending = set.isPending || adjust.isPending;
  const [problems, setProblems] = useState<Problem[]>([]);
  const watched = Form.useWatch("lines", form) as LineValues[] | undefined;
  const lines = watched ?? initialLines(categories, detail.budget);
  // Rust reads what is typed (useMoneyPreview); the editor only adds Rust's canonical figures.
  const cityPreview = useMoneyPreview(lines.map((l) => l?.cityAmount ?? ""));
  const districtPreview = useMoneyPreview(lines.map((l) => l?.districtAmount ?? ""));
  const cityFen = fenOf(cityPreview?.total);
  const districtFen = fenOf(districtPreview?.total);
  const lastDay = dayjs(today, DATE_FORMAT);
  const adjusting = mode === "adjust";

  const onFinish = (v: FormValues) => {
    if (pending) return;
    setProblems([]);
    const { lines: toSend, rows } = linesToSend(v.lines);
    const place = (field: string): FieldPath | null => {
      const path = fieldPath(field);
      if (path[0] === "lines" && typeof path[1] === "number" && path.length === 3) {
        const row = rows[path[1]];
        return row === undefined ? null : ["lines", row, path[2]];
      }
      if (adjusting && (field === "date" || field === "reason")) return [field];
      return null;
    };
    const onError = (e: unknown) => setProblems(applyProblems(form, e, place));
    if (adjusting) {
      adjust.mutate(
        {
          date: v.date ? v.date.format(DATE_FORMAT) : "",
          reason: (v.reason ?? "").trim(),
          lines: toSend,
        },
        { onSuccess: onDone, onError },
      );
    } else {
      set.mutate(toSend, { onSuccess: onDone, onError });
    }
  };

  const totalFen =
    cityFen === undefined || districtFen === undefined
      ? undefined
      : cityFen !== null && districtFen !== null
        ? cityFen + districtFen
        : null;

  return (
    <Form<FormValues>
      form={form}
      name={adjusting ? "adjustment" : "budget"}
      layout="vertical"
      initialValues={{
        lines: initialLines(categories, detail.budget),
        date: adjusting ? dayjs(today, DATE_FORMAT) : undefined,
        reason: "",
      }}
      onFinish={onFinish}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {adjusting
          ? "填写调整后各科目的金额。市级、区级的合计都不能变，只能在科目之间调剂；调整会连同原因一起记录。"
          : "填写各科目的市级、区级金额，例如 50000 或 5万，不用的科目留空。开始执行前，两列合计须分别等于批复金额。"}
      </Typography.Paragraph>
      {adjusting && (
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="date"
              label="调整日期"
              rules={[{ required: true, message: "请选择调整日期" }]}
            >
              <DatePicker
                format={DATE_FORMAT}
                style={{ width: "100%" }}
                disabledDate={(d) => d.isAfter(lastDay, "day")}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="reason"
              label="调整原因"
              rules={[{ required: true, whitespace: true, message: "请写明调整原因" }]}
            >
              <Input autoComplete="off" placeholder="例如 根据项目实施情况调减宣传费用于培训" />
            </Form.Item>
          </Col>
        </Row>
      )}
      <Form.List name="lines">
        {(fields) => (
          <Table
            data-testid="budget-editor"
            size="small"
            bordered
            pagination={false}
            rowKey="key"
            dataSource={fields}
            columns={[
              {
                title: "预算科目",
                key: "category",
                width: 150,
                render: (_, field) => (
                  <>
                    <Form.Item name={[field.name, "category"]} hidden>
                      <Input />
                    </Form.Item>
                    {categories[field.name]?.name}
                  </>
                ),
              },
              ...(["cityAmount", "districtAmount"] as const).map((key) => ({
                title: key === "cityAmount" ? "市级专项资金（元）" : "区级配套（元）",
                key,
                render: (_: unknown, field: { name: number }) => (
                  <Form.Item name={[field.name, key]} style={{ marginBottom: 0 }}>
                    <Input
                      autoComplete="off"
                      style={{ textAlign: "right", ...figure }}
                      aria-label={`${categories[field.name]?.name ?? ""}${key === "cityAmount" ? "市级" : "区级"}金额`}
                    />
                  </Form.Item>
                ),
              })),
              {
                title: "合计（元）",
                key: "total",
                width: 150,
                align: "right" as const,
                render: (_, field) => {
                  const c = fenOf(cityPreview?.items[field.name]?.amount);
                  const d = fenOf(districtPreview?.items[field.name]?.amount);
                  if (c === undefined || d === undefined) return null;
                  const sum = c === null || d === null ? null : c + d;
                  return (
                    <span style={figure}>
                      {sum === null ? "—" : sum === 0n ? "" : formatYuan(fenToYuan(sum))}
                    </span>
                  );
                },
              },
            ]}
            summary={() => (
              <>
                <Table.Summary.Row style={{ background: "#fafafa" }}>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text strong>合计</Typography.Text>
                  </Table.Summary.Cell>
                  {[cityFen, districtFen].map((sum, i) => (
                    <Table.Summary.Cell index={i + 1} key={i} align="right">
                      <Typography.Text
                        strong
                        style={figure}
                        data-testid={`budget-live-${i === 0 ? "city" : "district"}`}
                      >
                        {sum === undefined ? "" : sum === null ? "—" : formatYuan(fenToYuan(sum))}
                      </Typography.Text>
                    </Table.Summary.Cell>
                  ))}
                  <Table.Summary.Cell index={3} align="right">
                    <Typography.Text strong style={figure}>
                      {totalFen === undefined
                        ? ""
                        : totalFen === null
                          ? "—"
                          : formatYuan(fenToYuan(totalFen))}
                    </Typography.Text>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <Typography.Text type="secondary">批复金额</Typography.Text>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    <span style={figure}>{formatYuan(detail.grant.cityAmount)}</span>
                    <div style={{ fontSize: 12 }}>
                      <Balance sum={cityFen} due={detail.grant.cityAmount} />
                    </div>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} align="right">
                    <span style={figure}>{formatYuan(detail.grant.districtAmount)}</span>
                    <div style={{ fontSize: 12 }}>
                      <Balance sum={districtFen} due={detail.grant.districtAmount} />
                    </div>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={3} align="right">
                    <span style={figure}>{formatYuan(detail.total)}</span>
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              </>
            )}
          />
        )}
      </Form.List>
      {categories.length === 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 16 }}
          message="还没有预算科目，请先在“设置 → 预算科目”中添加"
        />
      )}
      <ProblemsAlert
        problems={problems}
        testId="budget-error"
        title="预算未保存，请检查以下问题"
        style={{ marginTop: 16 }}
      />
      <Space style={{ marginTop: 16 }}>
        <Button
          type="primary"
          htmlType="submit"
          loading={pending}
          data-testid={adjusting ? "adjustment-save" : "budget-save"}
        >
          {adjusting ? "保存调整" : "保存预算"}
        </Button>
        <Button onClick={onCancel} disabled={pending} data-testid="budget-cancel">
          取消
        </Button>
      </Space>
    </Form>
  );
}
