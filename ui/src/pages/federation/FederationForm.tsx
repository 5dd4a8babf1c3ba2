// The federation profile form, used both in first-run setup and on the 社联会信息 page. The Rust side
// owns every rule: this form only pre-checks "required" for comfort and puts each problem the Rust
// side reports inline on its field. Ids (`federation_<key>`) are relied on by the end-to-end tests.
import { Alert, Button, Col, DatePicker, Form, Input, Row, Space, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState, type ReactNode } from "react";
import type { Federation, FederationInput } from "../../ipc";
import { errorMessage, isErrorPayload } from "../../ipc";
import { useSaveFederation } from "./queries";

/** What the antd form holds: the input strings, except the date which the DatePicker keeps as Dayjs. */
type FormValues = Omit<FederationInput, "recognitionDate"> & { recognitionDate: Dayjs | null };

const FIELD_KEYS: readonly (keyof FederationInput)[] = [
  "name",
  "creditCode",
  "street",
  "district",
  "recognitionDate",
  "recognitionDocNo",
  "legalRep",
  "secretary",
  "phone",
  "address",
  "bankName",
  "bankAccount",
];

const DATE_FORMAT = "YYYY-MM-DD";

function toFormValues(f: Federation | null): Partial<FormValues> {
  if (f === null) return {};
  const { recognitionDate, updatedAt: _updatedAt, ...rest } = f;
  return {
    ...rest,
    recognitionDate: recognitionDate ? dayjs(recognitionDate, DATE_FORMAT) : null,
  };
}

function toInput(v: Partial<FormValues>): FederationInput {
  const text = (s: string | undefined) => s ?? "";
  return {
    name: text(v.name),
    creditCode: text(v.creditCode),
    street: text(v.street),
    district: text(v.district),
    recognitionDate: v.recognitionDate ? v.recognitionDate.format(DATE_FORMAT) : "",
    recognitionDocNo: text(v.recognitionDocNo),
    legalRep: text(v.legalRep),
    secretary: text(v.secretary),
    phone: text(v.phone),
    address: text(v.address),
    bankName: text(v.bankName),
    bankAccount: text(v.bankAccount),
  };
}

function isFieldKey(field: string | null): field is keyof FederationInput {
  return field !== null && (FIELD_KEYS as readonly string[]).includes(field);
}

const required = (label: string) => [
  { required: true, whitespace: true, message: `请输入${label}` },
];

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section style={{ marginBottom: 8 }}>
      <Typography.Title level={5} style={{ marginTop: 0, marginBottom: 12 }}>
        {title}
      </Typography.Title>
      <Row gutter={24}>{children}</Row>
    </section>
  );
}

function Half({ children }: { children: ReactNode }) {
  return (
    <Col xs={24} md={12}>
      {children}
    </Col>
  );
}

export interface FederationFormProps {
  /** The saved profile to edit, or null for a first entry. */
  initial: Federation | null;
  /** "Today" as the Rust side sees it (YYYY-MM-DD): later recognition dates cannot be picked. */
  today: string;
  onSaved?: (saved: Federation) => void;
  onCancel?: () => void;
}

export default function FederationForm({ initial, today, onSaved, onCancel }: FederationFormProps) {
  const [form] = Form.useForm<FormValues>();
  const save = useSaveFederation();
  // Problems the form cannot place on a field, or errors that are not about fields at all.
  const [formProblems, setFormProblems] = useState<string[]>([]);
  const lastDay = dayjs(today, DATE_FORMAT);

  const onFinish = (values: FormValues) => {
    // Enter in a field submits too; the loading button alone would not stop a second save.
    if (save.isPending) return;
    setFormProblems([]);
    save.mutate(toInput(values), {
      onSuccess: (saved) => onSaved?.(saved),
      onError: (e: unknown) => {
        if (!isErrorPayload(e) || e.code !== "validation") {
          setFormProblems([errorMessage(e)]);
          return;
        }
        const problems =
          e.problems.length > 0 ? e.problems : [{ field: e.field ?? "", message: e.message }];
        const byField = new Map<keyof FederationInput, string[]>();
        const elsewhere: string[] = [];
        for (const p of problems) {
          if (isFieldKey(p.field))
            byField.set(p.field, [...(byField.get(p.field) ?? []), p.message]);
          else elsewhere.push(p.message);
        }
        form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
        setFormProblems(elsewhere);
      },
    });
  };

  return (
    <Form<FormValues>
      form={form}
      name="federation"
      layout="vertical"
      initialValues={toFormValues(initial)}
      onFinish={onFinish}
      requiredMark
      scrollToFirstError
    >
      <Section title="基本信息">
        <Half>
          <Form.Item name="name" label="社联会名称" rules={required("社联会名称")}>
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item
            name="creditCode"
            label="统一社会信用代码"
            extra="18位，见登记证书"
            rules={required("统一社会信用代码")}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="street" label="所属街道" rules={required("所属街道")}>
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="district" label="所属区" rules={required("所属区")}>
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
      </Section>

      <Section title="认定信息">
        <Half>
          <Form.Item name="recognitionDate" label="认定日期">
            <DatePicker
              format={DATE_FORMAT}
              style={{ width: "100%" }}
              disabledDate={(d) => d.isAfter(lastDay, "day")}
            />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="recognitionDocNo" label="认定文号">
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
      </Section>

      <Section title="联系与账户">
        <Half>
          <Form.Item name="legalRep" label="法定代表人" rules={required("法定代表人")}>
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item
            name="secretary"
            label="秘书/专职工作人员"
            rules={required("秘书/专职工作人员")}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="phone" label="联系电话" rules={required("联系电话")}>
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="address" label="办公地址">
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="bankName" label="开户银行">
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
        <Half>
          <Form.Item name="bankAccount" label="银行账号">
            <Input autoComplete="off" />
          </Form.Item>
        </Half>
      </Section>

      {formProblems.length > 0 && (
        <Alert
          data-testid="federation-form-error"
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message={formProblems.length === 1 ? formProblems[0] : "保存失败，请检查以下问题"}
          description={
            formProblems.length > 1 ? (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {formProblems.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            ) : undefined
          }
        />
      )}

      <Space>
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          data-testid="federation-save"
        >
          保存
        </Button>
        {onCancel && (
          <Button onClick={onCancel} disabled={save.isPending} data-testid="federation-cancel">
            取消
          </Button>
        )}
      </Space>
    </Form>
  );
}
