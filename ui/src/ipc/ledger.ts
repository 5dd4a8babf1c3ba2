// Typed wrappers of the 记账 commands: vouchers, attachments, month-end close and the reports.
// Attachment bytes travel as a raw IPC body both ways (a 10 MB scan costs 10 MB, not a JSON array of
// numbers); the file name goes along in a percent-encoded header. Amounts are canonical yuan strings.
import { invoke } from "@tauri-apps/api/core";
import type { ActivityStatement } from "../bindings/ActivityStatement";
import type { AttachmentRef } from "../bindings/AttachmentRef";
import type { BudgetExecution } from "../bindings/BudgetExecution";
import type { Chart } from "../bindings/Chart";
import type { ExpenseInput } from "../bindings/ExpenseInput";
import type { FundsReport } from "../bindings/FundsReport";
import type { LedgerFilter } from "../bindings/LedgerFilter";
import type { LedgerReport } from "../bindings/LedgerReport";
import type { MonthsView } from "../bindings/MonthsView";
import type { ReversalInput } from "../bindings/ReversalInput";
import type { SavedFile } from "../bindings/SavedFile";
import type { SpendOption } from "../bindings/SpendOption";
import type { StoredFile } from "../bindings/StoredFile";
import type { Voucher } from "../bindings/Voucher";
export type { VoucherActions } from "../bindings/VoucherActions";
import type { VoucherPage } from "../bindings/VoucherPage";
import type { VoucherQuery } from "../bindings/VoucherQuery";

export type { Account } from "../bindings/Account";
export type { ActivityRow } from "../bindings/ActivityRow";
export type { Attachment } from "../bindings/Attachment";
export type { ExecutionCell } from "../bindings/ExecutionCell";
export type { ExecutionRow } from "../bindings/ExecutionRow";
export type { FundsReceiptRow } from "../bindings/FundsReceiptRow";
export type { FundsSourceRow } from "../bindings/FundsSourceRow";
export type { LedgerRow } from "../bindings/LedgerRow";
export type { MonthStatus } from "../bindings/MonthStatus";
export type { PaymentMethod } from "../bindings/PaymentMethod";
export type { PeriodEvent } from "../bindings/PeriodEvent";
export type { VoucherKind } from "../bindings/VoucherKind";
export type { VoucherLineView } from "../bindings/VoucherLineView";
export type { VoucherLink } from "../bindings/VoucherLink";
export type {
  ActivityStatement,
  AttachmentRef,
  BudgetExecution,
  Chart,
  ExpenseInput,
  FundsReport,
  LedgerFilter,
  LedgerReport,
  MonthsView,
  ReversalInput,
  SpendOption,
  StoredFile,
  Voucher,
  VoucherPage,
  VoucherQuery,
};

/** The chart of accounts a grant year's books are kept in (without a year: the one in force
 * today), with where its codes come from (科目表版本). */
export function chartGet(grantYearId?: number): Promise<Chart> {
  return invoke<Chart>("chart_get", { grantYearId: grantYearId ?? null });
}

/** One page of a grant year's vouchers, optionally of one month (`YYYY-MM`). */
export function vouchersList(query: VoucherQuery): Promise<VoucherPage> {
  return invoke<VoucherPage>("vouchers_list", { query });
}

export function voucherGet(id: number): Promise<Voucher> {
  return invoke<Voucher>("voucher_get", { id });
}

/** 记一笔支出: R-PERIOD (execution period, closed month) and R-SPEND (budget line, source cash). */
export function expensePost(input: ExpenseInput): Promise<Voucher> {
  return invoke<Voucher>("expense_post", { input });
}

/** 红字冲销 of a posted voucher (R-IMMUTABLE: once, and never of a reversal). */
export function voucherReverse(input: ReversalInput): Promise<Voucher> {
  return invoke<Voucher>("voucher_reverse", { input });
}

/** Adds files already stored by `attachmentStore` to a posted voucher. */
export function voucherAttach(voucherId: number, attachments: AttachmentRef[]): Promise<Voucher> {
  return invoke<Voucher>("voucher_attach", { voucherId, attachments });
}

/** Copies a picked file into the data folder (by SHA-256); nothing is written to the books yet. */
export async function attachmentStore(file: File): Promise<StoredFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return invoke<StoredFile>("attachment_store", bytes, {
    headers: { "x-file-name": encodeURIComponent(file.name) },
  });
}

/** The bytes of an attachment of one of this file's vouchers. */
export function attachmentRead(sha256: string): Promise<ArrayBuffer> {
  return invoke<ArrayBuffer>("attachment_read", { sha256 });
}

/** Budget left and cash, per budget line and source, for the expense form. */
export function spendOptions(grantYearId: number): Promise<SpendOption[]> {
  return invoke<SpendOption[]>("spend_options", { grantYearId });
}

/** The months of a grant year's execution period, and every close/reopen of the file. */
export function monthsList(grantYearId: number): Promise<MonthsView> {
  return invoke<MonthsView>("months_list", { grantYearId });
}

/** 结账 of one month (`YYYY-MM`): ended, and every earlier month with vouchers closed first. */
export async function monthClose(month: string): Promise<void> {
  await invoke("month_close", { month });
}

/** 反结账, with the reason the audit keeps; the last closed month first. */
export async function monthReopen(month: string, reason: string): Promise<void> {
  await invoke("month_reopen", { month, reason });
}

export function reportBudgetExecution(grantYearId: number): Promise<BudgetExecution> {
  return invoke<BudgetExecution>("report_budget_execution", { grantYearId });
}

export function reportLedger(filter: LedgerFilter): Promise<LedgerReport> {
  return invoke<LedgerReport>("report_ledger", { filter });
}

export function reportFunds(grantYearId: number): Promise<FundsReport> {
  return invoke<FundsReport>("report_funds", { grantYearId });
}

export function reportActivities(grantYearId: number): Promise<ActivityStatement> {
  return invoke<ActivityStatement>("report_activities", { grantYearId });
}

/** Every report of the year as one workbook, written to the export folder; returns where. */
export function reportsExport(grantYearId: number): Promise<SavedFile> {
  return invoke<SavedFile>("reports_export", { grantYearId });
}
