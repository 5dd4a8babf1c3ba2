// The dialog every "fill in and send to Rust" form lives in: antd Modal + a vertical Form whose
// submit button sits in the footer (its `form` attribute ties it to the form, so Enter in a field
// submits too), spins while the command runs and ignores a second click; Rust's refusals land under
// their fields with the rule id, and the rest above the buttons (forms/problems). The dialog is
// unmounted when it closes, so a reopened form starts from its initial values.
import { Button, Form, Modal, Typography, type FormInstance } from "antd";
import { useState, type ReactNode } from "react";
import {
  applyProblems,
  placeIn,
  ProblemsAlert,
  type FieldPath,
  type Problem,
} from "../forms/problems";

/** The part of a TanStack mutation the dialog drives. */
export interface Submission<I, R> {
  isPending: boolean;
  mutate: (
    input: I,
    options: { onSuccess: (result: R) => void; onError: (error: unknown) => void },
  ) => void;
}

export interface FormModalProps<V, I, R> {
  /** The form's name: field ids are `${name}_${field}`, which tests and the E2E suite use. */
  name: string;
  title: ReactNode;
  width?: number;
  /** A long form scrolls inside the dialog instead of pushing the buttons off the screen. */
  scroll?: boolean;
  /** The caller's instance when it watches fields; otherwise the dialog makes its own. */
  form?: FormInstance<V>;
  initialValues?: Partial<V>;
  requiredMark?: boolean;
  mutation: Submission<I, R>;
  /**
   * The values as the command's input, or null when the form refuses them itself (having put the
   * reason under the field, e.g. an attachment still being saved).
   */
  toInput: (values: V, form: FormInstance<V>) => I | null;
  /** Where Rust's field names go in this form: the same names, or a mapping. */
  place: readonly string[] | ((field: string) => FieldPath | null);
  onSuccess: (result: R) => void;
  onClose: () => void;
  submitText: ReactNode;
  submitTestId?: string;
  cancelTestId?: string;
  /** The submit button is red: the act cannot be undone the ordinary way (冲销). */
  danger?: boolean;
  /** The Alert with the problems no field took. */
  errorTestId?: string;
  /** Above the form: what the dialog acts on. */
  intro?: ReactNode;
  /** Under the form, in small grey type: what follows from sending it. */
  note?: ReactNode;
  children: ReactNode;
}

export default function FormModal<V extends object, I, R>({
  name,
  title,
  width = 520,
  scroll = false,
  form: given,
  initialValues,
  requiredMark,
  mutation,
  toInput,
  place,
  onSuccess,
  onClose,
  submitText,
  submitTestId,
  cancelTestId,
  danger,
  errorTestId,
  intro,
  note,
  children,
}: FormModalProps<V, I, R>) {
  const [form] = Form.useForm<V>(given);
  const [problems, setProblems] = useState<Problem[]>([]);
  const placeField = typeof place === "function" ? place : placeIn(place);

  const onFinish = (values: V) => {
    if (mutation.isPending) return;
    setProblems([]);
    const input = toInput(values, form);
    if (input === null) return;
    mutation.mutate(input, {
      onSuccess,
      onError: (e) => setProblems(applyProblems(form, e, placeField)),
    });
  };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      width={width}
      styles={
        scroll
          ? { body: { maxHeight: "calc(100vh - 220px)", overflowY: "auto", paddingRight: 8 } }
          : undefined
      }
      footer={[
        <Button
          key="cancel"
          onClick={onClose}
          disabled={mutation.isPending}
          data-testid={cancelTestId}
        >
          取消
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger={danger}
          htmlType="submit"
          form={name}
          loading={mutation.isPending}
          data-testid={submitTestId}
        >
          {submitText}
        </Button>,
      ]}
    >
      {intro}
      <Form<V>
        form={form}
        name={name}
        layout="vertical"
        requiredMark={requiredMark}
        initialValues={initialValues}
        onFinish={onFinish}
        style={{ marginTop: 16 }}
      >
        {children}
        <ProblemsAlert problems={problems} testId={errorTestId} />
        {note && (
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
            {note}
          </Typography.Paragraph>
        )}
      </Form>
    </Modal>
  );
}
