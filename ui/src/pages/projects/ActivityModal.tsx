// 记录活动: date (inside the project's dates, not after today), title, place, participants,
// volunteers and their hours, a value for each free-form indicator, photos (stored as they are
// picked) and a note. The actuals of the project's targets are sums of these.
import { DatePicker, Form, Input } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { ActivityInput, ProjectDetail } from "../../ipc";
import FormModal from "../../kit/FormModal";
import { pickedProblem, storedRefs, type PickedFiles } from "../books/attachments";
import { DATE_FORMAT } from "../grants/labels";
import { PhotoPicker } from "./photos";
import { useAddActivity } from "./queries";

interface FormValues {
  heldOn: Dayjs | null;
  title: string;
  place: string;
  participants: string;
  volunteers: string;
  volunteerHours: string;
  indicators: Record<string, string>;
  photos: PickedFiles;
  note: string;
}

const FIELDS = [
  "heldOn",
  "title",
  "place",
  "participants",
  "volunteers",
  "volunteerHours",
  "photos",
  "note",
];

export function toActivityInput(projectId: number, v: Partial<FormValues>): ActivityInput {
  const t = (s: string | undefined) => (s ?? "").trim();
  return {
    projectId,
    heldOn: v.heldOn ? v.heldOn.format(DATE_FORMAT) : "",
    title: t(v.title),
    place: t(v.place),
    participants: t(v.participants),
    volunteers: t(v.volunteers),
    volunteerHours: t(v.volunteerHours),
    note: t(v.note),
    photos: storedRefs(v.photos ?? []),
    indicators: Object.entries(v.indicators ?? {})
      .filter(([, value]) => t(value) !== "")
      .map(([id, value]) => ({ targetId: Number(id), value: t(value) })),
  };
}

const row = { display: "flex", gap: 16, flexWrap: "wrap" as const };

export default function ActivityModal({
  detail,
  today,
  onClose,
}: {
  detail: ProjectDetail;
  today: string;
  onClose: () => void;
}) {
  const add = useAddActivity();
  const p = detail.project;
  const custom = detail.targets.filter((t) => t.kind === "custom");
  const lastDay = dayjs(today, DATE_FORMAT);
  const starts = dayjs(p.startsOn, DATE_FORMAT);
  const ends = dayjs(p.endsOn, DATE_FORMAT);
  const latest = ends.isBefore(lastDay) ? ends : lastDay;

  return (
    <FormModal
      name="activity"
      title={`记录活动：${p.name}`}
      width={640}
      scroll
      requiredMark={false}
      initialValues={{
        heldOn: null,
        title: "",
        place: "",
        participants: "",
        volunteers: "",
        volunteerHours: "",
        indicators: {},
        photos: [],
        note: "",
      }}
      mutation={add}
      toInput={(v: FormValues, form) => {
        const waiting = pickedProblem(v.photos ?? []);
        if (waiting) {
          form.setFields([{ name: "photos", errors: [waiting.replace("附件", "照片")] }]);
          return null;
        }
        return toActivityInput(p.id, v);
      }}
      place={FIELDS}
      onSuccess={onClose}
      onClose={onClose}
      submitText="保存活动"
      submitTestId="activity-submit"
      cancelTestId="activity-cancel"
      errorTestId="activity-error"
      note="活动记录保存后计入项目的服务人次、场次和志愿服务时长。"
    >
      <div style={row}>
        <Form.Item
          name="heldOn"
          label="活动日期"
          rules={[{ required: true, message: "请选择活动日期" }]}
          style={{ flex: "0 0 170px" }}
        >
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: "100%" }}
            defaultPickerValue={latest}
            disabledDate={(d) => d.isBefore(starts, "day") || d.isAfter(latest, "day")}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="活动名称"
          rules={[{ required: true, whitespace: true, message: "请填写活动名称" }]}
          style={{ flex: "1 1 260px" }}
        >
          <Input autoComplete="off" maxLength={50} placeholder="例如 重阳节敬老助餐" />
        </Form.Item>
      </div>
      <Form.Item name="place" label="活动地点">
        <Input autoComplete="off" maxLength={50} placeholder="例如 社区党群服务中心" />
      </Form.Item>
      <div style={row}>
        <Form.Item
          name="participants"
          label="参与人次"
          rules={[{ required: true, whitespace: true, message: "请填写参与人次" }]}
          style={{ flex: "1 1 140px" }}
        >
          <Input autoComplete="off" suffix="人次" />
        </Form.Item>
        <Form.Item name="volunteers" label="志愿者人数" style={{ flex: "1 1 140px" }}>
          <Input autoComplete="off" suffix="人" />
        </Form.Item>
        <Form.Item name="volunteerHours" label="志愿服务时长" style={{ flex: "1 1 140px" }}>
          <Input autoComplete="off" suffix="小时" />
        </Form.Item>
      </div>
      {custom.length > 0 && (
        <div style={row} data-testid="activity-indicators">
          {custom.map((t) => (
            <Form.Item
              key={t.id}
              name={["indicators", String(t.id)]}
              label={`${t.name}（目标 ${t.target}${t.unit}）`}
              style={{ flex: "1 1 200px" }}
            >
              <Input autoComplete="off" suffix={t.unit || undefined} placeholder="本次完成" />
            </Form.Item>
          ))}
        </div>
      )}
      <Form.Item name="photos" label="活动照片" extra="JPG、PNG 等图片，可多选，每张不超过 20 MB">
        <PhotoPicker />
      </Form.Item>
      <Form.Item name="note" label="备注">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
