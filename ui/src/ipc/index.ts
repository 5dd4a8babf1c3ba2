// The one door to the Rust side: the only module that imports `invoke`. Every command gets a typed
// function here, so pages never spell command names or argument shapes themselves, and tests mock
// this module instead of Tauri.
import { invoke } from "@tauri-apps/api/core";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Federation } from "../bindings/Federation";
import type { MoneyPreview } from "../bindings/MoneyPreview";
import type { FederationInput } from "../bindings/FederationInput";
import type { SessionInfo } from "../bindings/SessionInfo";

export type { ErrorPayload, Federation, FederationInput, SessionInfo };
export type { FieldProblem } from "../bindings/FieldProblem";
export type { AmountPreview } from "../bindings/AmountPreview";
export type { MoneyPreview } from "../bindings/MoneyPreview";
export type { Permission } from "../bindings/Permission";
export * from "./grants";

/** What the open books are: real or demo, where the file lives, and the federation profile. */
export function sessionGet(): Promise<SessionInfo> {
  return invoke<SessionInfo>("session_get");
}

/** Typed amounts as Rust reads them (each, their sum and its 大写), for a form's live preview. */
export function moneyPreview(texts: string[]): Promise<MoneyPreview> {
  return invoke<MoneyPreview>("money_preview", { texts });
}

/** Switch to the demo books (a separate file); the real books are not touched. */
export async function sessionOpenDemo(): Promise<void> {
  await invoke("session_open_demo");
}

/** Leave the demo books and go back to the real ones. */
export async function sessionCloseDemo(): Promise<void> {
  await invoke("session_close_demo");
}

/** Create or replace the federation profile. Rejects with a validation ErrorPayload on bad input. */
export function federationSave(input: FederationInput): Promise<Federation> {
  return invoke<Federation>("federation_save", { input });
}

// A record over ErrorCode, so adding or removing a code on the Rust side fails to compile here.
const ERROR_CODE_SET: Record<ErrorCode, true> = {
  validation: true,
  not_found: true,
  file_refused: true,
  storage: true,
  internal: true,
};
const ERROR_CODES = Object.keys(ERROR_CODE_SET);

/** True when a rejected command carries the structured error the Rust side sends. */
export function isErrorPayload(e: unknown): e is ErrorPayload {
  if (typeof e !== "object" || e === null) return false;
  const p = e as Record<string, unknown>;
  return (
    typeof p.code === "string" &&
    (ERROR_CODES as readonly string[]).includes(p.code) &&
    typeof p.message === "string" &&
    Array.isArray(p.problems)
  );
}

export const UNKNOWN_ERROR_MESSAGE = "发生未知错误，请重试";

/** The Chinese sentence to show a person for any rejection. */
export function errorMessage(e: unknown): string {
  if (isErrorPayload(e) && e.message.trim() !== "") return e.message;
  return UNKNOWN_ERROR_MESSAGE;
}

export * from "./members";
export * from "./ledger";
export * from "./projects";
export * from "./packet";
export * from "./backup";
export * from "./district";
