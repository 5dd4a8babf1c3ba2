// Create or edit a member organization. The Rust side owns every rule: each problem it reports is
// put inline under its field. Ids (`member_<key>`) are relied on by the end-to-end tests.
import { Alert, Button, Col, DatePicker, Form, Input, Radio, Row, Select, Space } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import type { Member, MemberInput } from "../../ipc";
import { errorMessage, isErrorPayload } from "../../ipc";
import { LEGAL_FORM, PARTY, STATUS, options } from "./labels";
import { useListEntries, useSaveMember } from "./queries";

const DATE = "YYYY-MM-DD";
type DateKey = "foundedOn" | "joinedOn" | "leftOn";
type FormValues = Omit<MemberInput, DateKey> & Record<DateKey, Dayjs | null>;

const FIELD_KEYS: readonly string[] = [
  "name",
  "legalForm",
  "creditCode",
  "filingNo",
  "categoryId",
  "communityId",
  "leader",
  "phone",
  "foundedOn",
  "joinedOn",
  "leftOn",
  "status",
  "partyBuilding",
  "notes",
];

const day = (s: string | null) => (s ? dayjs(s, DATE) : null);

function toFormValues(m: Member | null): Partial<FormValues> {
  if (m === null) return { legalForm: "registered", status: "active", partyBuilding: "none" };
  return {
    name: m.name,
    legalForm: m.legalForm,
    creditCode: m.creditCode ?? "",
    filingNo: m.filingNo ?? "",
    categoryId: m.categoryId,
    communityId: m.communityId,
    leader: m.leader,
    phone: m.phone,
    foundedOn: day(m.foundedOn),
    joinedOn: day(m.joinedOn),
    leftOn: day(m.leftOn),
    status: m.status,
    partyBuilding: m.partyBuilding,
    notes: m.notes,
  };
}

function toInput(v: Partial<FormValues>): MemberInput {
  const text = (s: string | undefined | null) => s ?? "";
  const date = (d: Dayjs | null | undefined) => (d ? d.format(DATE) : "");
  const legalForm = v.legalForm ?? "registered";
  return {
    name: text(v.name),
    legalForm,
    creditCode: legalForm === "registered" ? text(v.creditCode) : "",
    filingNo: legalForm === "filed" ? text(v.filingNo) : "",
    categoryId: v.categoryId ?? null,
    communityId: v.communityId ?? null,
    leader: text(v.leader),
    phone: text(v.phone),
    foundedOn: date(v.foundedOn),
    joinedOn: date(v.joinedOn),
    leftOn: v.status === "withdrawn" ? date(v.leftOn) : "",
    status: v.status ?? "active",
    partyBuilding: v.partyBuilding ?? "none",
    notes: text(v.notes),
  };
}

export interface MemberFormProps {
  initial: Member | null;
  today: string;
  onSaved?: (warnings: string[]) => void;
  onCancel?: () => void;
}

export default function MemberForm({ initial, today, onSaved, onCancel }: MemberFormProps) {
  const [form] = Form.useForm<FormValues>();
  const save = useSaveMember();
  const categories = useListEntries("category");
  const communities = useListEntries("community");
  const [problems, setProblems] = useState<string[]>([]);
  const legalForm = Form.useWatch("legalForm", form) ?? initial?.legalForm ?? "registered";
  const status = Form.useWatch("status", form) ?? initial?.status ?? "active";
  const lastDay = dayjs(today, DATE);
  const noFuture = (d: Dayjs) => d.isAfter(lastDay, "day");

  const onFinish = (values: FormValues) => {
    if (save.isPending) return;
    setProblems([]);
    save.mutate(
      { id: initial?.id ?? null, input: toInput(values) },
      {
        onSuccess: (detail) => onSaved?.(detail.warnings),
        onError: (e: unknown) => {
          if (!isErrorPayload(e) || e.code !== "validation") {
            setProblems([errorMessage(e)]);
            return;
          }
          const list =
            e.problems.length > 0 ? e.problems : [{ field: e.field ?? "", message: e.message }];
          const byField = new Map<string, string[]>();
          const elsewhere: string[] = [];
          for (const p of list) {
            if (FIELD_KEYS.includes(p.field))
              byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
            else elsewhere.push(p.message);
          }
          form.setFields(
            [...byField].map(([name, errors]) => ({ name: name as keyof FormValues, errors })),
          );
          setProblems(elsewhere);
        },
      },
    );
  };

  return (
    <Form<FormValues>
      form={form}
      name="member"
      layout="vertical"
      initialValues={toFormValues(initial)}
      onFinish={onFinish}
      scrollToFirstError
    >
      <Row gutter={16}>
        <Col span={24}>
          <Form.Item name="name" label="单位名称" required>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="legalForm" label="组织形式" required>
            <Radio.Group options={options(LEGAL_FORM)} optionType="button" />
          </Form.Item>
        </Col>
        <Col span={12}>
          {legalForm === "registered" ? (
            <Form.Item name="creditCode" label="统一社会信用代码" required extra="18位，见登记证书">
              <Input autoComplete="off" />
            </Form.Item>
          ) : (
            <Form.Item name="filingNo" label="备案编号" required>
              <Input autoComplete="off" />
            </Form.Item>
          )}
        </Col>
        <Col span={12}>
          <Form.Item name="categoryId" label="类别" required>
            <Select
              placeholder="请选择类别"
              loading={categories.isPending}
              options={(categories.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="communityId" label="所属社区">
            <Select
              allowClear
              placeholder="请选择社区（可在“设置”中添加）"
              loading={communities.isPending}
              options={(communities.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="leader" label="负责人">
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="phone" label="联系电话">
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="foundedOn" label="成立日期">
            <DatePicker format={DATE} style={{ width: "100%" }} disabledDate={noFuture} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="joinedOn" label="加入日期" required>
            <DatePicker format={DATE} style={{ width: "100%" }} disabledDate={noFuture} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="status" label="状态">
            <Radio.Group options={options(STATUS)} optionType="button" />
          </Form.Item>
        </Col>
        <Col span={12}>
          {status === "withdrawn" && (
            <Form.Item name="leftOn" label="退出日期" required>
              <DatePicker format={DATE} style={{ width: "100%" }} disabledDate={noFuture} />
            </Form.Item>
          )}
        </Col>
        <Col span={24}>
          <Form.Item name="partyBuilding" label="党建覆盖">
            <Radio.Group options={options(PARTY)} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label="备注">
            <Input.TextArea rows={2} />
          </Form.Item>
        </Col>
      </Row>
      {problems.length > 0 && (
        <Alert
          data-testid="member-form-error"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={problems.join("；")}
        />
      )}
      <Space>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="member-save">
          保存
        </Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}
