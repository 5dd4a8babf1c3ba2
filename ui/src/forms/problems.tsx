// How Rust's refusals reach a person: each FieldProblem inline under its field, with the rule id
// (R-BAND, …) in a small grey tag so that a message, a test and DOMAIN.md can be matched; problems
// about no field in particular, and errors that are not about fields at all, in an Alert.
import { Alert, Typography } from "antd";
import type { FormInstance } from "antd";
import type { CSSProperties, ReactNode } from "react";
import { errorMessage, isErrorPayload } from "../ipc";

export interface Problem {
  message: string;
  rule: string | null;
}

/** A form field path in antd's terms, e.g. ["lines", 0, "cityAmount"]. */
export type FieldPath = (string | number)[];

/** The rule id, subtly, after a message. */
export function RuleTag({ rule }: { rule: string | null }) {
  if (!rule) return null;
  return (
    <Typography.Text
      type="secondary"
      data-rule={rule}
      style={{
        fontSize: 11,
        marginInlineStart: 6,
        padding: "0 4px",
        border: "1px solid #e5e6eb",
        borderRadius: 3,
        whiteSpace: "nowrap",
        fontWeight: "normal",
      }}
    >
      {rule}
    </Typography.Text>
  );
}

export function ProblemText({ problem }: { problem: Problem }) {
  return (
    <span>
      <span>{problem.message}</span>
      <RuleTag rule={problem.rule} />
    </span>
  );
}

/** "lines.0.cityAmount" → ["lines", 0, "cityAmount"]. */
export function fieldPath(field: string): FieldPath {
  return field.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** Every problem of a rejection, for a place with no form (a button's action). */
export function problemsOf(e: unknown): Problem[] {
  if (!isErrorPayload(e) || e.code !== "validation")
    return [{ message: errorMessage(e), rule: null }];
  if (e.problems.length === 0) return [{ message: e.message, rule: e.rule }];
  return e.problems.map((p) => ({ message: p.message, rule: p.rule }));
}

/**
 * Puts every problem of a rejection on its field when `place` knows the field (returning its form
 * path, or null), and returns the rest for an Alert. A rejection that is not a validation error
 * becomes one problem with its Chinese message.
 */
export function applyProblems(
  form: FormInstance,
  e: unknown,
  place: (field: string) => FieldPath | null,
): Problem[] {
  if (!isErrorPayload(e) || e.code !== "validation")
    return [{ message: errorMessage(e), rule: null }];
  const problems =
    e.problems.length > 0
      ? e.problems
      : [{ field: e.field ?? "", message: e.message, rule: e.rule }];
  const byField = new Map<string, { name: FieldPath; errors: ReactNode[] }>();
  const elsewhere: Problem[] = [];
  for (const p of problems) {
    const name = place(p.field);
    const problem = { message: p.message, rule: p.rule };
    if (name === null) {
      elsewhere.push(problem);
      continue;
    }
    const key = name.join(".");
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(<ProblemText key={entry.errors.length} problem={problem} />);
    byField.set(key, entry);
  }
  // antd renders each error as a node (Form.ErrorList takes ReactNode[]); its FieldData type only
  // says string[].
  form.setFields(
    [...byField.values()].map((f) => ({ name: f.name, errors: f.errors as string[] })),
  );
  return elsewhere;
}

/** Places problems whose field is one of `fields`, with the same name in the form. */
export function placeIn(fields: readonly string[]) {
  return (field: string): FieldPath | null => (fields.includes(field) ? [field] : null);
}

/** The problems no field could take, above a form's buttons or under a page's header. */
export function ProblemsAlert({
  problems,
  testId,
  title = "操作未完成，请检查以下问题",
  style,
}: {
  problems: Problem[];
  testId?: string;
  title?: string;
  style?: CSSProperties;
}) {
  if (problems.length === 0) return null;
  return (
    <Alert
      data-testid={testId}
      type="error"
      showIcon
      style={{ marginBottom: 16, ...style }}
      message={problems.length === 1 ? <ProblemText problem={problems[0]} /> : title}
      description={
        problems.length > 1 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {problems.map((p, i) => (
              <li key={i}>
                <ProblemText problem={p} />
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
