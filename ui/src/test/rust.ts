// What Rust answers (ui/src/test/from-rust/*.json, written by `cargo test` from
// src-tauri/core/tests/ui_fixtures.rs) for the situations the fixtures are in: permissions, and the
// live preview of typed amounts. Fixtures and the `moneyPreview` mock take them from here, so the UI
// tests see Rust's answers and Rust's words, never a TypeScript copy of a rule.
import type {
  GrantStatus,
  MoneyPreview,
  GrantYear,
  GrantYearActions,
  ProjectActions,
  ProjectStatus,
  VoucherActions,
} from "../ipc";
import rust from "./from-rust/actions.json";
import previews from "./from-rust/money.json";

function answer<T>(table: Record<string, unknown>, key: string): T {
  const a = table[key];
  if (a === undefined)
    throw new Error(
      `no Rust answer for "${key}": add the case to src-tauri/core/tests/ui_fixtures.rs`,
    );
  return a as T;
}

export function grantActions(year: number, status: GrantStatus): GrantYearActions {
  return answer(rust.grantYear, `${year}-${status}`);
}

/** A grant year fixture in another status, with Rust's permissions for that status. */
export function withStatus<T extends GrantYear>(grant: T, status: GrantStatus): T {
  return { ...grant, status, actions: grantActions(grant.year, status) };
}

export function projectActions(
  name: string,
  status: ProjectStatus,
  year: number,
  grant: GrantStatus,
): ProjectActions {
  return answer(rust.project, `${name}|${status}|${year}-${grant}`);
}

/** `state`: "original" (not reversed), "reversed" (as the fixture, reversed) or "reversal". */
export function voucherActions(
  number: string,
  state: "original" | "reversed" | "reversal",
  grant: GrantStatus = "executing",
): VoucherActions {
  return answer(rust.voucher, `${number}|${state}|${grant}`);
}

/**
 * The `moneyPreview` mock: Rust's answer for these texts. Texts Rust was not asked about (a state in
 * the middle of typing) get no answer, as if Rust were still busy: the form keeps showing the last
 * answer, and a test waiting for a figure names the missing case in the console.
 */
export function rustMoneyPreview(texts: string[]): Promise<MoneyPreview> {
  const key = JSON.stringify(texts);
  const answer = (previews as Record<string, MoneyPreview>)[key];
  if (answer) return Promise.resolve(answer);
  console.warn(
    `no Rust money preview for ${key}: add it to PREVIEWS in src-tauri/core/tests/ui_fixtures.rs`,
  );
  return new Promise(() => {});
}
