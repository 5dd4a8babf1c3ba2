// 政策参数: the policy profile in force (the numbers of DOMAIN.md §2 as data), its versions, and a
// form that saves a new version after a plain confirmation. Past grant years keep their version.
import { EditOutlined, MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { BudgetCategory, CategoryCap, PolicyInput, PolicyProfile } from "../../ipc";
import { errorMessage } from "../../ipc";
import { applyProblems, placeIn, ProblemsAlert, type Problem } from "../../forms/problems";
import { formatYuan } from "../../money";
import { DATE_FORMAT, ratioLabel } from "../grants/labels";
import { useBudgetCategories, usePolicy, usePolicyHistory, useSavePolicy } from "../grants/queries";

interface FormValues {
  name: string;
  effectiveFrom: Dayjs | null;
  cityMin: string;
  cityMax: string;
  matchRatio: string;
  maxYears: number | null;
  consecutive: boolean;
  arrearsWarnDays: number | null;
  capsEnabled: boolean;
  caps: { category?: string; maxPercent?: number | null }[];
}

const FIELDS = [
  "name",
  "effectiveFrom",
  "cityMin",
  "cityMax",
  "matchRatio",
  "maxYears",
  "arrearsWarnDays",
] as const;

export function toPolicyInput(v: FormValues): PolicyInput {
  return {
    name: (v.name ?? "").trim(),
    effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format(DATE_FORMAT) : "",
    cityMin: (v.cityMin ?? "").trim(),
    cityMax: (v.cityMax ?? "").trim(),
    matchRatio: (v.matchRatio ?? "").trim(),
    maxYears: v.maxYears ?? 0,
    consecutive: v.consecutive,
    arrearsWarnDays: v.arrearsWarnDays ?? 0,
    capsEnabled: v.capsEnabled,
    caps: (v.caps ?? [])
      .filter((c) => c.category)
      .map((c): CategoryCap => ({ category: c.category!, maxPercent: c.maxPercent ?? 0 })),
  };
}

function capsText(p: PolicyProfile, categories: BudgetCategory[]): string {
  if (!p.capsEnabled) return "未启用";
  if (p.caps.length === 0) return "已启用，未设置科目";
  const name = (code: string) => categories.find((c) => c.code === code)?.name ?? code;
  return p.caps.map((c) => `${name(c.category)} ≤ ${c.maxPercent}%`).join("；");
}

function yearsText(p: PolicyProfile): string {
  return `最多 ${p.maxYears} 个年度${p.consecutive ? "，须连续" : "，可不连续"}`;
}

function PolicyDetails({
  policy,
  categories,
}: {
  policy: PolicyProfile;
  categories: BudgetCategory[];
}) {
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}
      styles={{ label: { width: 150, whiteSpace: "nowrap" } }}
      data-testid="policy-details"
      items={[
        { key: "name", label: "政策名称", children: policy.name, span: 2 },
        { key: "from", label: "施行日期", children: policy.effectiveFrom },
        {
          key: "band",
          label: "市级资助范围",
          children: `${formatYuan(policy.cityMin)} – ${formatYuan(policy.cityMax)} 元/年`,
        },
        {
          key: "ratio",
          label: "区级配套比例",
          children: `${ratioLabel(policy.matchRatio)}（市级:区级）`,
        },
        { key: "years", label: "资助年数", children: yearsText(policy) },
        {
          key: "arrears",
          label: "欠拨提醒",
          children: `配套资金欠拨超过 ${policy.arrearsWarnDays} 天`,
        },
        { key: "caps", label: "科目上限", children: capsText(policy, categories) },
      ]}
    />
  );
}

function PolicyForm({
  current,
  categories,
  today,
  onDone,
}: {
  current: PolicyProfile;
  categories: BudgetCategory[];
  today: string;
  onDone: () => void;
}) {
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSavePolicy();
  const [problems, setProblems] = useState<Problem[]>([]);
  const capsEnabled = Form.useWatch("capsEnabled", form);

  const onFinish = (v: FormValues) => {
    if (save.isPending) return;
    setProblems([]);
    modal.confirm({
      title: "保存为新版本的政策参数？",
      content: "修改后只影响今后新建的年度资助，已有年度仍按原政策执行。确定保存为新版本吗？",
      okText: "保存",
      cancelText: "取消",
      onOk: () =>
        save.mutateAsync(toPolicyInput(v)).then(
          () => {
            void message.success("已保存为新版本");
            onDone();
          },
          (e: unknown) => setProblems(applyProblems(form, e, placeIn(FIELDS))),
        ),
    });
  };

  return (
    <Form<FormValues>
      form={form}
      name="policy"
      layout="vertical"
      onFinish={onFinish}
      initialValues={{
        name: current.name,
        effectiveFrom: dayjs(today, DATE_FORMAT),
        cityMin: formatYuan(current.cityMin),
        cityMax: formatYuan(current.cityMax),
        matchRatio: current.matchRatio,
        maxYears: current.maxYears,
        consecutive: current.consecutive,
        arrearsWarnDays: current.arrearsWarnDays,
        capsEnabled: current.capsEnabled,
        caps: current.caps.map((c) => ({ category: c.category, maxPercent: c.maxPercent })),
      }}
    >
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="name"
            label="政策名称"
            rules={[{ required: true, whitespace: true, message: "请输入政策名称" }]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="effectiveFrom"
            label="施行日期"
            extra="此日期起新建的年度资助按本版本执行"
            rules={[{ required: true, message: "请选择施行日期" }]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="cityMin"
            label="市级资助下限"
            rules={[{ required: true, whitespace: true, message: "请输入资助下限" }]}
          >
            <Input autoComplete="off" suffix="元" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="cityMax"
            label="市级资助上限"
            rules={[{ required: true, whitespace: true, message: "请输入资助上限" }]}
          >
            <Input autoComplete="off" suffix="元" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="matchRatio"
            label="区级配套比例"
            extra="每 1 元市级资金，区级配套多少元；1 即 1:1"
            rules={[{ required: true, whitespace: true, message: "请输入配套比例" }]}
          >
            <Input autoComplete="off" prefix="1 :" style={{ maxWidth: 200 }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="arrearsWarnDays"
            label="欠拨提醒天数"
            extra="区级配套晚于市级资金到账超过这么多天时提醒"
          >
            <InputNumber
              min={0}
              max={3650}
              precision={0}
              controls={false}
              suffix="天"
              style={{ width: 160 }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="maxYears" label="最多资助年数">
            <InputNumber
              min={1}
              max={10}
              precision={0}
              controls={false}
              suffix="年"
              style={{ width: 160 }}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="consecutive" label="资助年度须连续" valuePropName="checked">
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item
            name="capsEnabled"
            label="启用科目上限"
            valuePropName="checked"
            extra="例如 办公费不超过年度资金总额的 10%；默认不启用"
          >
            <Switch checkedChildren="是" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>
      {capsEnabled && (
        <Form.List name="caps">
          {(fields, { add, remove }) => (
            <div style={{ marginBottom: 16 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: "flex" }}>
                  <Form.Item
                    name={[field.name, "category"]}
                    rules={[{ required: true, message: "请选择科目" }]}
                  >
                    <Select
                      placeholder="预算科目"
                      style={{ width: 180 }}
                      options={categories.map((c) => ({ value: c.code, label: c.name }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "maxPercent"]}
                    rules={[{ required: true, message: "请填写上限" }]}
                  >
                    <InputNumber
                      min={1}
                      max={100}
                      precision={0}
                      controls={false}
                      prefix="不超过"
                      suffix="%"
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<MinusCircleOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label="删除此上限"
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ maxPercent: 10 })}>
                添加科目上限
              </Button>
            </div>
          )}
        </Form.List>
      )}
      <ProblemsAlert
        problems={problems}
        testId="policy-error"
        title="政策参数未保存，请检查以下问题"
      />
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="policy-save">
          保存为新版本
        </Button>
        <Button onClick={onDone} disabled={save.isPending} data-testid="policy-cancel">
          取消
        </Button>
      </Space>
    </Form>
  );
}

export default function PolicyCard({ today }: { today: string }) {
  const policy = usePolicy();
  const history = usePolicyHistory();
  const categories = useBudgetCategories();
  const [editing, setEditing] = useState(false);
  const cats = categories.data ?? [];

  return (
    <Card
      title="政策参数"
      data-testid="policy-card"
      extra={
        !editing &&
        policy.isSuccess && (
          <Button
            icon={<EditOutlined />}
            data-testid="policy-edit"
            onClick={() => setEditing(true)}
          >
            修改政策参数
          </Button>
        )
      }
    >
      {policy.isError && <Alert type="error" showIcon message={errorMessage(policy.error)} />}
      {policy.isPending && <Skeleton active />}
      {policy.isSuccess &&
        (editing ? (
          <PolicyForm
            current={policy.data}
            categories={cats}
            today={today}
            onDone={() => setEditing(false)}
          />
        ) : (
          <>
            <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
              资助金额范围、配套比例和年数等按政策文件设定。政策变化时保存为新版本：已有的年度资助仍按建立时的版本执行。
            </Typography.Paragraph>
            <PolicyDetails policy={policy.data} categories={cats} />
          </>
        ))}
      {history.isSuccess && history.data.length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            历史版本
          </Typography.Title>
          <Table<PolicyProfile>
            data-testid="policy-history"
            size="small"
            pagination={false}
            rowKey={(p) => String(p.id)}
            dataSource={history.data}
            columns={[
              { title: "施行日期", dataIndex: "effectiveFrom", width: 110 },
              {
                title: "政策名称",
                dataIndex: "name",
                render: (name: string, p) => (
                  <>
                    {name}
                    {policy.data && String(p.id) === String(policy.data.id) && (
                      <Tag color="blue" style={{ marginInlineStart: 8 }}>
                        现行
                      </Tag>
                    )}
                  </>
                ),
              },
              {
                title: "市级资助范围（元）",
                key: "band",
                render: (_, p) => `${formatYuan(p.cityMin)} – ${formatYuan(p.cityMax)}`,
              },
              { title: "配套比例", key: "ratio", render: (_, p) => ratioLabel(p.matchRatio) },
              { title: "资助年数", key: "years", render: (_, p) => yearsText(p) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
