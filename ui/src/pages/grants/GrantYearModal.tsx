// 新建年度资助 (and 修改申报 while 申报中): year, the city amount as typed, and an optional execution
// period. Rust decides R-BAND and R-YEARS; its refusals land under the fields with their rule id.
import { DatePicker, Form, Input, InputNumber } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { GrantYear, GrantYearDetail, GrantYearInput, PolicyProfile } from "../../ipc";
import type { FieldPath } from "../../forms/problems";
import FormModal from "../../kit/FormModal";
import { formatYuan } from "../../money";
import { DATE_FORMAT } from "./labels";
import { useCreateGrantYear, useUpdateGrantYear } from "./queries";

interface FormValues {
  year: number | null;
  cityAmount: string;
  period: [Dayjs | null, Dayjs | null] | null;
}

export function toGrantYearInput(v: Partial<FormValues>): GrantYearInput {
  const [start, end] = v.period ?? [null, null];
  return {
    year: v.year ?? 0,
    cityAmount: (v.cityAmount ?? "").trim(),
    periodStart: start ? start.format(DATE_FORMAT) : "",
    periodEnd: end ? end.format(DATE_FORMAT) : "",
  };
}

function place(field: string): FieldPath | null {
  if (field === "year" || field === "cityAmount") return [field];
  if (field === "periodStart" || field === "periodEnd") return ["period"];
  return null;
}

export function BandHint({ policy }: { policy: PolicyProfile | undefined }) {
  return (
    <>
      例如 150000 或 15万
      {policy && (
        <div data-testid="grant-band">
          本政策范围：{formatYuan(policy.cityMin)} – {formatYuan(policy.cityMax)} 元
        </div>
      )}
    </>
  );
}

export interface GrantYearModalProps {
  /** The year to correct (申报中 only), or undefined for a new one. */
  editing?: GrantYear;
  /** The year proposed for a new grant. */
  defaultYear: number;
  /** The policy the band comes from: the one in force for a new year, the year's own otherwise. */
  policy: PolicyProfile | undefined;
  onClose: () => void;
  onSaved: (saved: GrantYearDetail) => void;
}

export default function GrantYearModal({
  editing,
  defaultYear,
  policy,
  onClose,
  onSaved,
}: GrantYearModalProps) {
  const [form] = Form.useForm<FormValues>();
  const create = useCreateGrantYear();
  const update = useUpdateGrantYear(editing ? editing.id : 0);
  const save = editing ? update : create;
  const year = Form.useWatch("year", form);

  const initialValues: FormValues = editing
    ? {
        year: editing.year,
        cityAmount: formatYuan(editing.cityAmount),
        period: [dayjs(editing.periodStart, DATE_FORMAT), dayjs(editing.periodEnd, DATE_FORMAT)],
      }
    : { year: defaultYear, cityAmount: "", period: null };

  return (
    <FormModal
      name="grantYear"
      title={editing ? `修改 ${editing.year} 年度申报` : "新建年度资助"}
      form={form}
      initialValues={initialValues}
      mutation={save}
      toInput={toGrantYearInput}
      place={place}
      onSuccess={onSaved}
      onClose={onClose}
      submitText={editing ? "保存" : "创建"}
      submitTestId={editing ? "grant-update-submit" : "grant-create-submit"}
      errorTestId="grant-form-error"
      note="区级配套金额按政策比例自动计算，无需填写。"
    >
      <Form.Item
        name="year"
        label="年度"
        rules={[{ required: true, message: "请填写资助年度，例如 2019" }]}
      >
        <InputNumber
          min={2000}
          max={2100}
          precision={0}
          controls={false}
          disabled={editing !== undefined}
          style={{ width: 160 }}
          suffix="年"
        />
      </Form.Item>
      <Form.Item
        name="cityAmount"
        label="市级资助金额"
        extra={<BandHint policy={policy} />}
        rules={[{ required: true, whitespace: true, message: "请输入市级资助金额" }]}
      >
        <Input autoComplete="off" suffix="元" style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item
        name="period"
        label="执行期"
        extra={
          typeof year === "number" && year >= 2000 && year <= 2100
            ? `不填则为 ${year}-01-01 至 ${year}-12-31`
            : "不填则为该年度 1 月 1 日至 12 月 31 日"
        }
      >
        <DatePicker.RangePicker format={DATE_FORMAT} />
      </Form.Item>
    </FormModal>
  );
}
