// The two endings of a project. 结项 (实施中 only): a date, an evaluation and a grade, with the
// actuals against the targets and the money spent against what was agreed in view. 终止: a date and
// a reason; what was agreed but not paid goes back to its budget lines.
import { DatePicker, Form, Input, Progress, Radio, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import type { CloseOutInput, Grade, ProjectDetail, TerminateInput } from "../../ipc";
import FormModal from "../../kit/FormModal";
import { formatYuan, percentOf, toFen } from "../../money";
import { DATE_FORMAT } from "../grants/labels";
import { FIGURE, GRADE_LABEL, GRADE_ORDER, TargetBar } from "./labels";
import { useCloseProject, useTerminateProject } from "./queries";

function MoneyLine({ detail }: { detail: ProjectDetail }) {
  const unpaid = (toFen(detail.remaining) ?? 0n) > 0n;
  return (
    <div data-testid="end-money" style={{ marginBottom: 12 }}>
      <div style={{ display: "flex", justifyContent: "space-between", gap: 12 }}>
        <Typography.Text>已拨付 / 约定</Typography.Text>
        <Typography.Text style={FIGURE}>
          {formatYuan(detail.paid)} / {formatYuan(detail.agreed)} 元
        </Typography.Text>
      </div>
      <Progress
        percent={percentOf(detail.paid, detail.agreed)}
        size="small"
        style={{ marginBottom: 0 }}
      />
      {unpaid && (
        <Typography.Text type="warning" style={{ fontSize: 12, ...FIGURE }}>
          未拨付的 {formatYuan(detail.remaining)} 元将退回对应的预算科目
        </Typography.Text>
      )}
    </div>
  );
}

/** The earliest and latest day an ending may carry: from the start (or today) to today. */
function endBounds(detail: ProjectDetail, today: string) {
  const lastDay = dayjs(today, DATE_FORMAT);
  const starts = dayjs(detail.project.startsOn, DATE_FORMAT);
  return { lastDay, first: starts.isAfter(lastDay) ? lastDay : starts };
}

interface CloseValues {
  date: Dayjs | null;
  evaluation: string;
  grade: Grade | undefined;
}

/** The day a project ends: not before it started, not after today. */
function EndDate({ label, first, lastDay }: { label: string; first: Dayjs; lastDay: Dayjs }) {
  return (
    <Form.Item
      name="date"
      label={`${label}日期`}
      rules={[{ required: true, message: `请选择${label}日期` }]}
    >
      <DatePicker
        format={DATE_FORMAT}
        style={{ width: 170 }}
        disabledDate={(d) => d.isAfter(lastDay, "day") || d.isBefore(first, "day")}
      />
    </Form.Item>
  );
}

export function CloseModal({
  detail,
  today,
  onClose,
}: {
  detail: ProjectDetail;
  today: string;
  onClose: () => void;
}) {
  const close = useCloseProject(detail.project.id);
  const { lastDay, first } = endBounds(detail, today);
  const ends = dayjs(detail.project.endsOn, DATE_FORMAT);

  return (
    <FormModal
      name="closeOut"
      title={`结项：${detail.project.name}`}
      width={620}
      scroll
      requiredMark={false}
      initialValues={{
        date: ends.isAfter(lastDay) ? lastDay : ends,
        evaluation: "",
        grade: undefined,
      }}
      mutation={close}
      toInput={(v: CloseValues): CloseOutInput => ({
        date: v.date ? v.date.format(DATE_FORMAT) : "",
        evaluation: (v.evaluation ?? "").trim(),
        grade: v.grade ?? null,
      })}
      place={["date", "evaluation", "grade"]}
      onSuccess={onClose}
      onClose={onClose}
      submitText="确认结项"
      submitTestId="close-submit"
      cancelTestId="close-cancel"
      errorTestId="close-error"
      intro={
        <div style={{ marginTop: 16 }} data-testid="close-summary">
          <Typography.Text strong>完成情况</Typography.Text>
          <div style={{ marginTop: 8 }}>
            {detail.targets.map((t) => (
              <TargetBar key={t.id} target={t} compact />
            ))}
          </div>
          <MoneyLine detail={detail} />
        </div>
      }
      note="结项后项目不再记录活动，也不再拨付。"
    >
      <EndDate label="结项" first={first} lastDay={lastDay} />
      <Form.Item
        name="evaluation"
        label="结项评价"
        rules={[{ required: true, whitespace: true, message: "请填写结项评价" }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 3, maxRows: 6 }}
          maxLength={500}
          placeholder="完成情况、服务成效、存在问题（至少10个字）"
        />
      </Form.Item>
      <Form.Item
        name="grade"
        label="评价等级"
        rules={[{ required: true, message: "请选择评价等级" }]}
      >
        <Radio.Group
          optionType="button"
          data-testid="close-grade"
          options={GRADE_ORDER.map((g) => ({ value: g, label: GRADE_LABEL[g] }))}
        />
      </Form.Item>
    </FormModal>
  );
}

interface TerminateValues {
  date: Dayjs | null;
  reason: string;
}

export function TerminateModal({
  detail,
  today,
  onClose,
}: {
  detail: ProjectDetail;
  today: string;
  onClose: () => void;
}) {
  const terminate = useTerminateProject(detail.project.id);
  const { lastDay, first } = endBounds(detail, today);

  return (
    <FormModal
      name="terminate"
      title={`终止项目：${detail.project.name}`}
      width={560}
      requiredMark={false}
      initialValues={{ date: null, reason: "" }}
      mutation={terminate}
      toInput={(v: TerminateValues): TerminateInput => ({
        date: v.date ? v.date.format(DATE_FORMAT) : "",
        reason: (v.reason ?? "").trim(),
      })}
      place={["date", "reason"]}
      onSuccess={onClose}
      onClose={onClose}
      danger
      submitText="确认终止"
      submitTestId="terminate-submit"
      cancelTestId="terminate-cancel"
      errorTestId="terminate-error"
      intro={
        <div style={{ marginTop: 16 }}>
          <MoneyLine detail={detail} />
        </div>
      }
      note="终止后项目不再记录活动，也不再拨付；已拨付的款项保留在账上。"
    >
      <EndDate label="终止" first={first} lastDay={lastDay} />
      <Form.Item
        name="reason"
        label="终止原因"
        rules={[{ required: true, whitespace: true, message: "请写明终止原因" }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
