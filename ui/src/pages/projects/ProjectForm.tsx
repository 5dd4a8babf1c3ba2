// 新建项目 / 编辑协议: the service agreement — name, undertaker (with its signals; a flagged one needs
// a written reason), category, communities served, agreement number and dates, the agreed amount
// split over budget lines and sources (with what each line can still take, a live total and its
// 大写), the three standard targets and free-form indicators. Rust checks everything again; its
// refusals land under their fields with the rule id (R-PROJECT under 承接组织 or under the split).
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  DatePicker,
  Divider,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import {
  agreementOptions,
  type FundSource,
  type GrantYear,
  type ProjectDetail,
  type ProjectInput,
} from "../../ipc";
import { applyProblems, ProblemsAlert, type FieldPath, type Problem } from "../../forms/problems";
import { useMoneyPreview } from "../../forms/useMoneyPreview";
import { formatYuan } from "../../money";
import { DATE_FORMAT, SOURCE_LABEL } from "../grants/labels";
import { useListEntries } from "../members/queries";
import { useSaveProject } from "./queries";
import UndertakerSelect, { type Undertaker } from "./UndertakerSelect";
import { queryKeys } from "../../kit/queryKeys";

interface SplitValues {
  category?: string;
  source?: FundSource;
  amount?: string;
}

interface CustomValues {
  name?: string;
  unit?: string;
  target?: string;
}

export interface ProjectFormValues {
  name: string;
  memberId?: number;
  category?: string;
  communityIds: number[];
  agreementNo: string;
  signedOn: Dayjs | null;
  startsOn: Dayjs | null;
  endsOn: Dayjs | null;
  splits: SplitValues[];
  beneficiaries: string;
  sessions: string;
  volunteerHours: string;
  customTargets: CustomValues[];
  overrideReason: string;
}

const FIELDS = [
  "name",
  "memberId",
  "category",
  "communityIds",
  "agreementNo",
  "signedOn",
  "startsOn",
  "endsOn",
  "splits",
  "beneficiaries",
  "sessions",
  "volunteerHours",
  "customTargets",
  "overrideReason",
];

const date = (d: Dayjs | null | undefined) => (d ? d.format(DATE_FORMAT) : "");
const text = (s: string | undefined) => (s ?? "").trim();

export function toProjectInput(grantYearId: number, v: Partial<ProjectFormValues>): ProjectInput {
  return {
    grantYearId,
    name: text(v.name),
    memberId: v.memberId ?? 0,
    category: v.category ?? "",
    communityIds: v.communityIds ?? [],
    agreementNo: text(v.agreementNo),
    signedOn: date(v.signedOn),
    startsOn: date(v.startsOn),
    endsOn: date(v.endsOn),
    splits: (v.splits ?? []).map((s) => ({
      category: s?.category ?? "",
      source: s?.source ?? "city",
      amount: text(s?.amount),
    })),
    beneficiaries: text(v.beneficiaries),
    sessions: text(v.sessions),
    volunteerHours: text(v.volunteerHours),
    customTargets: (v.customTargets ?? [])
      .filter((c) => text(c?.name) !== "" || text(c?.target) !== "")
      .map((c) => ({ name: text(c?.name), unit: text(c?.unit), target: text(c?.target) })),
    overrideReason: text(v.overrideReason),
  };
}

function initialValues(editing: ProjectDetail | null): ProjectFormValues {
  if (!editing)
    return {
      name: "",
      memberId: undefined,
      category: undefined,
      communityIds: [],
      agreementNo: "",
      signedOn: null,
      startsOn: null,
      endsOn: null,
      splits: [{ category: undefined, source: "city", amount: "" }],
      beneficiaries: "",
      sessions: "",
      volunteerHours: "",
      customTargets: [],
      overrideReason: "",
    };
  const p = editing.project;
  const target = (kind: string) => editing.targets.find((t) => t.kind === kind)?.target ?? "";
  return {
    name: p.name,
    memberId: p.memberId,
    category: p.category,
    communityIds: editing.communities.map((c) => c.id),
    agreementNo: p.agreementNo,
    signedOn: dayjs(p.signedOn, DATE_FORMAT),
    startsOn: dayjs(p.startsOn, DATE_FORMAT),
    endsOn: dayjs(p.endsOn, DATE_FORMAT),
    splits: editing.splits.map((s) => ({
      category: s.category,
      source: s.source,
      amount: formatYuan(s.agreed),
    })),
    beneficiaries: target("beneficiaries"),
    sessions: target("sessions"),
    volunteerHours: target("volunteerHours"),
    customTargets: editing.targets
      .filter((t) => t.kind === "custom")
      .map((t) => ({ name: t.name, unit: t.unit, target: t.target })),
    overrideReason: p.overrideReason,
  };
}

/** What Rust says the agreement may put on each line and source (R-PROJECT's own reading), for a
 * new agreement or the one being corrected. */
function useAgreementOptions(grantYearId: number, projectId: number | null) {
  return useQuery({
    queryKey: queryKeys.projects.agreementOptions(grantYearId, projectId),
    queryFn: () => agreementOptions(grantYearId, projectId),
  });
}

function SplitTotal({ splits }: { splits: SplitValues[] }) {
  const preview = useMoneyPreview(splits.map((s) => s?.amount ?? ""));
  if (!preview) return null;
  if (preview.total === null)
    return (
      <Typography.Text type="secondary" data-testid="project-split-total">
        合计：有金额无法识别
      </Typography.Text>
    );
  return (
    <span data-testid="project-split-total">
      <Typography.Text strong style={{ fontVariantNumeric: "tabular-nums" }}>
        约定金额合计 {formatYuan(preview.total)} 元
      </Typography.Text>
      <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
        {preview.totalDaxie}
      </Typography.Text>
    </span>
  );
}

const row = { display: "flex", gap: 12, flexWrap: "wrap" as const };

export default function ProjectForm({
  grant,
  editing,
  today,
  onClose,
  onSaved,
}: {
  grant: GrantYear;
  editing: ProjectDetail | null;
  today: string;
  onClose: () => void;
  onSaved: (d: ProjectDetail) => void;
}) {
  const [form] = Form.useForm<ProjectFormValues>();
  const save = useSaveProject(editing ? editing.project.id : null);
  const room = useAgreementOptions(grant.id, editing ? editing.project.id : null);
  const categories = useListEntries("category");
  const communities = useListEntries("community");
  const [problems, setProblems] = useState<Problem[]>([]);
  const [undertaker, setUndertaker] = useState<Undertaker | null>(
    editing
      ? {
          id: editing.project.memberId,
          name: editing.project.memberName,
          category: null,
          eligibility: editing.eligibility,
        }
      : null,
  );
  // Rust may ask for a reason the picker did not foresee (flagged on the signing date only).
  const [reasonAsked, setReasonAsked] = useState(false);
  const splits = (Form.useWatch("splits", form) as SplitValues[] | undefined) ?? [];
  const options = room.data ?? [];
  const flag = undertaker?.eligibility.flagReason ?? null;
  const needReason =
    flag !== null || reasonAsked || (editing !== null && editing.project.overrideReason !== "");
  const lastDay = dayjs(today, DATE_FORMAT);
  const periodStart = dayjs(grant.periodStart, DATE_FORMAT);
  const periodEnd = dayjs(grant.periodEnd, DATE_FORMAT);
  const outsidePeriod = (d: Dayjs) => d.isBefore(periodStart, "day") || d.isAfter(periodEnd, "day");
  const categoryOptions = [...new Map(options.map((o) => [o.category, o.categoryName]))].map(
    ([value, label]) => ({ value, label }),
  );

  const onFinish = (v: ProjectFormValues) => {
    if (save.isPending) return;
    setProblems([]);
    const place = (field: string): FieldPath | null => {
      if (field === "overrideReason") setReasonAsked(true);
      return FIELDS.includes(field) ? [field] : null;
    };
    // A reason typed for a flagged organization and then left behind is not sent.
    save.mutate(toProjectInput(grant.id, needReason ? v : { ...v, overrideReason: "" }), {
      onSuccess: onSaved,
      onError: (e) => setProblems(applyProblems(form, e, place)),
    });
  };

  return (
    <Modal
      open
      title={
        editing ? `编辑协议：${editing.project.name}` : `新建服务项目（${grant.year} 年度资助）`
      }
      onCancel={onClose}
      maskClosable={false}
      width={780}
      styles={{ body: { maxHeight: "calc(100vh - 220px)", overflowY: "auto", paddingRight: 8 } }}
      footer={[
        <Button
          key="cancel"
          onClick={onClose}
          disabled={save.isPending}
          data-testid="project-cancel"
        >
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          htmlType="submit"
          form="project"
          loading={save.isPending}
          data-testid="project-submit"
        >
          {editing ? "保存" : "立项"}
        </Button>,
      ]}
    >
      <Form<ProjectFormValues>
        form={form}
        name="project"
        layout="vertical"
        requiredMark={false}
        initialValues={initialValues(editing)}
        onFinish={onFinish}
        style={{ marginTop: 16 }}
      >
        <div style={row}>
          <Form.Item
            name="name"
            label="项目名称"
            rules={[{ required: true, whitespace: true, message: "请填写项目名称" }]}
            style={{ flex: "1 1 280px" }}
          >
            <Input autoComplete="off" maxLength={40} placeholder="例如 银龄助餐暖心行动" />
          </Form.Item>
          <Form.Item
            name="category"
            label="项目类别"
            rules={[{ required: true, message: "请选择项目类别" }]}
            style={{ flex: "0 1 200px" }}
          >
            <Select
              data-testid="project-category"
              loading={categories.isPending}
              placeholder="选择类别"
              options={(categories.data ?? []).map((c) => ({ value: c.name, label: c.name }))}
            />
          </Form.Item>
        </div>
        <Form.Item
          name="memberId"
          label="承接组织"
          rules={[{ required: true, message: "请选择承接组织" }]}
          extra={
            undertaker?.eligibility.priority && !flag ? (
              <span data-testid="project-member-priority">优先：评估等级 3A 以上且在有效期内</span>
            ) : undefined
          }
        >
          <UndertakerSelect
            current={undertaker}
            onChosen={(u) => {
              setUndertaker(u);
              if (u?.category && !form.getFieldValue("category"))
                form.setFieldValue("category", u.category);
            }}
          />
        </Form.Item>
        {flag && (
          <Alert
            type="warning"
            showIcon
            data-testid="project-member-flag"
            style={{ marginBottom: 16 }}
            message={`“${undertaker?.name}”${flag}`}
            description="按规定应优先选择年检合格的成员单位。如确需由其承接，请在下方写明承接理由，理由将记入操作日志。"
          />
        )}
        {/* Always registered, so a refusal from Rust keeps its message until the field shows. */}
        <Form.Item
          name="overrideReason"
          label="承接理由"
          hidden={!needReason}
          rules={
            needReason
              ? [{ required: true, whitespace: true, message: "请写明由其承接的理由" }]
              : []
          }
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={200}
            placeholder="例如 已完成年检整改，经理事会研究同意承接"
          />
        </Form.Item>
        <Form.Item
          name="communityIds"
          label="服务社区"
          rules={[{ required: true, message: "请选择服务的社区（至少一个）" }]}
        >
          <Select
            mode="multiple"
            data-testid="project-communities"
            loading={communities.isPending}
            placeholder="可多选"
            optionFilterProp="label"
            options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Divider orientation="left" plain style={{ margin: "4px 0 12px" }}>
          服务协议
        </Divider>
        <div style={row}>
          <Form.Item name="agreementNo" label="协议编号" style={{ flex: "1 1 180px" }}>
            <Input autoComplete="off" maxLength={40} placeholder="例如 梅社联协〔2020〕7号" />
          </Form.Item>
          <Form.Item
            name="signedOn"
            label="签订日期"
            rules={[{ required: true, message: "请选择签订日期" }]}
            style={{ flex: "0 1 150px" }}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: "100%" }}
              disabledDate={(d) => d.isAfter(lastDay, "day")}
            />
          </Form.Item>
          <Form.Item
            name="startsOn"
            label="开始日期"
            rules={[{ required: true, message: "请选择开始日期" }]}
            style={{ flex: "0 1 150px" }}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: "100%" }}
              defaultPickerValue={periodStart}
              disabledDate={outsidePeriod}
            />
          </Form.Item>
          <Form.Item
            name="endsOn"
            label="结束日期"
            rules={[{ required: true, message: "请选择结束日期" }]}
            style={{ flex: "0 1 150px" }}
          >
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: "100%" }}
              defaultPickerValue={periodEnd}
              disabledDate={outsidePeriod}
            />
          </Form.Item>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          项目须在执行期 {grant.periodStart} 至 {grant.periodEnd} 内实施。
        </Typography.Text>
        <Divider orientation="left" plain style={{ margin: "12px 0" }}>
          约定金额
        </Divider>
        <Form.List name="splits">
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="project-splits">
              {fields.map((field) => {
                const s = splits[field.name];
                const line = s?.category
                  ? options.find((o) => o.category === s.category && o.source === s.source)
                  : undefined;
                return (
                  <div key={field.key} style={{ ...row, alignItems: "flex-start" }}>
                    <Form.Item
                      name={[field.name, "category"]}
                      rules={[{ required: true, message: "请选择预算科目" }]}
                      style={{ flex: "1 1 150px", marginBottom: 8 }}
                    >
                      <Select
                        data-testid={`project-split-category-${field.name}`}
                        placeholder="预算科目"
                        loading={room.isPending}
                        options={categoryOptions}
                        notFoundContent="本年度预算中没有科目"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "source"]}
                      style={{ flex: "0 1 150px", marginBottom: 8 }}
                    >
                      <Select
                        data-testid={`project-split-source-${field.name}`}
                        options={(["city", "district"] as const).map((v) => ({
                          value: v,
                          label: SOURCE_LABEL[v],
                        }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "amount"]}
                      rules={[{ required: true, whitespace: true, message: "请填写金额" }]}
                      style={{ flex: "1 1 170px", marginBottom: 8 }}
                      extra={
                        s?.category && room.data ? (
                          <span data-testid={`project-split-room-${field.name}`}>
                            {line === undefined ? (
                              "该科目没有这一来源的预算"
                            ) : (
                              <>
                                本行尚可约定 {formatYuan(line.room)} 元
                                {line.paidHere !== "0.00" &&
                                  `（已支付 ${formatYuan(line.paidHere)} 元，不能低于已支付）`}
                              </>
                            )}
                          </span>
                        ) : undefined
                      }
                    >
                      <Input
                        autoComplete="off"
                        suffix="元"
                        placeholder="金额"
                        style={{ fontVariantNumeric: "tabular-nums" }}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      aria-label="删除此行"
                      disabled={fields.length <= 1}
                      onClick={() => remove(field.name)}
                    />
                  </div>
                );
              })}
              <Form.ErrorList errors={errors} />
              <div
                style={{
                  display: "flex",
                  justifyContent: "space-between",
                  alignItems: "center",
                  gap: 12,
                  flexWrap: "wrap",
                  margin: "4px 0 16px",
                }}
              >
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ category: undefined, source: "city", amount: "" })}
                  data-testid="project-split-add"
                >
                  添加一行
                </Button>
                <SplitTotal splits={splits} />
              </div>
            </div>
          )}
        </Form.List>
        <Divider orientation="left" plain style={{ margin: "4px 0 12px" }}>
          绩效目标
        </Divider>
        <div style={row}>
          {(
            [
              ["beneficiaries", "服务人次", "人次"],
              ["sessions", "服务场次", "场"],
              ["volunteerHours", "志愿服务时长", "小时"],
            ] as const
          ).map(([name, label, unit]) => (
            <Form.Item
              key={name}
              name={name}
              label={label}
              rules={[{ required: true, whitespace: true, message: `请填写${label}目标` }]}
              style={{ flex: "1 1 160px" }}
            >
              <Input autoComplete="off" suffix={unit} />
            </Form.Item>
          ))}
        </div>
        <Form.List name="customTargets">
          {(fields, { add, remove }, { errors }) => (
            <div data-testid="project-custom-targets">
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap style={{ display: "flex" }}>
                  <Form.Item
                    name={[field.name, "name"]}
                    rules={[{ required: true, whitespace: true, message: "请填写指标名称" }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input
                      autoComplete="off"
                      placeholder="指标名称，如 助餐服务"
                      maxLength={30}
                      style={{ width: 220 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "unit"]} style={{ marginBottom: 8 }}>
                    <Input
                      autoComplete="off"
                      placeholder="单位，如 份"
                      maxLength={10}
                      style={{ width: 110 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "target"]}
                    rules={[{ required: true, whitespace: true, message: "请填写目标值" }]}
                    style={{ marginBottom: 8 }}
                  >
                    <Input autoComplete="off" placeholder="目标值" style={{ width: 120 }} />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    aria-label="删除此指标"
                    onClick={() => remove(field.name)}
                  />
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ name: "", unit: "", target: "" })}
                data-testid="project-custom-add"
                style={{ marginTop: 4 }}
              >
                添加其他指标
              </Button>
            </div>
          )}
        </Form.List>
        <ProblemsAlert problems={problems} testId="project-error" style={{ marginTop: 16 }} />
      </Form>
    </Modal>
  );
}
