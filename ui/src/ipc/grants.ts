// Typed wrappers for the 年度资助 commands, the policy profile and the budget categories. Amounts go
// to Rust as the strings people typed and come back as canonical yuan strings.
import { invoke } from "@tauri-apps/api/core";
import type { AdjustmentInput } from "../bindings/AdjustmentInput";
import type { ApprovalInput } from "../bindings/ApprovalInput";
import type { BudgetCategory } from "../bindings/BudgetCategory";
import type { BudgetLineInput } from "../bindings/BudgetLineInput";
import type { GrantYear } from "../bindings/GrantYear";
export type { GrantYearActions } from "../bindings/GrantYearActions";
import type { GrantYearDetail } from "../bindings/GrantYearDetail";
import type { GrantYearInput } from "../bindings/GrantYearInput";
import type { HomeOverview } from "../bindings/HomeOverview";
import type { PolicyInput } from "../bindings/PolicyInput";
import type { PolicyProfile } from "../bindings/PolicyProfile";
import type { ReceiptInput } from "../bindings/ReceiptInput";

export type { Adjustment } from "../bindings/Adjustment";
export type { AdjustmentChange } from "../bindings/AdjustmentChange";
export type { Arrears } from "../bindings/Arrears";
export type { BudgetLineView } from "../bindings/BudgetLineView";
export type { CategoryCap } from "../bindings/CategoryCap";
export type { FundPosition } from "../bindings/FundPosition";
export type { FundSource } from "../bindings/FundSource";
export type { GrantStatus } from "../bindings/GrantStatus";
export type { Receipt } from "../bindings/Receipt";
export type {
  AdjustmentInput,
  ApprovalInput,
  BudgetCategory,
  BudgetLineInput,
  GrantYear,
  GrantYearDetail,
  GrantYearInput,
  HomeOverview,
  PolicyInput,
  PolicyProfile,
  ReceiptInput,
};

/** A grant year's id as it travels over IPC. */
export type GrantYearId = number;

// ---- policy profile (设置 → 政策参数)

/** The policy version in force today. */
export function policyGet(): Promise<PolicyProfile> {
  return invoke<PolicyProfile>("policy_get");
}

/** Every version, newest first. */
export function policyHistory(): Promise<PolicyProfile[]> {
  return invoke<PolicyProfile[]>("policy_history");
}

/** Adds a new version; grant years already on record keep theirs. */
export function policySave(input: PolicyInput): Promise<PolicyProfile> {
  return invoke<PolicyProfile>("policy_save", { input });
}

// ---- budget categories (设置 → 预算科目)

export function budgetCategoriesList(): Promise<BudgetCategory[]> {
  return invoke<BudgetCategory[]>("budget_categories_list");
}

export function budgetCategoryAdd(name: string): Promise<BudgetCategory> {
  return invoke<BudgetCategory>("budget_category_add", { name });
}

export async function budgetCategoryRename(code: string, name: string): Promise<void> {
  await invoke("budget_category_rename", { code, name });
}

/** Refused with a Chinese message when the category is used by a budget or a cap. */
export async function budgetCategoryDelete(code: string): Promise<void> {
  await invoke("budget_category_delete", { code });
}

// ---- grant years

export function grantYearsList(): Promise<GrantYear[]> {
  return invoke<GrantYear[]>("grant_years_list");
}

export function grantYearGet(id: GrantYearId): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("grant_year_get", { id });
}

/** R-BAND, R-YEARS under the policy in force. */
export function grantYearCreate(input: GrantYearInput): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("grant_year_create", { input });
}

/** Only while 申报中. */
export function grantYearUpdate(id: GrantYearId, input: GrantYearInput): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("grant_year_update", { id, input });
}

/** 申报中 → 已批复 (R-RECOG). */
export function grantYearApprove(id: GrantYearId, input: ApprovalInput): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("grant_year_approve", { id, input });
}

/** 已批复 → 执行中, once the budget sums per source (R-BUDGET). */
export function grantYearStart(id: GrantYearId): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("grant_year_start", { id });
}

/** 执行中 → 已结项, only after the execution period. */
export function grantYearClose(id: GrantYearId): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("grant_year_close", { id });
}

/** 到账 (R-RECEIPT: never more than the source still owes). */
export function receiptAdd(id: GrantYearId, input: ReceiptInput): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("receipt_add", { id, input });
}

/** The whole budget, before 执行中; an empty amount is zero. */
export function budgetSet(id: GrantYearId, lines: BudgetLineInput[]): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("budget_set", { id, lines });
}

/** A recorded adjustment while 执行中: the new amounts of all lines, per-source totals unchanged. */
export function budgetAdjust(id: GrantYearId, input: AdjustmentInput): Promise<GrantYearDetail> {
  return invoke<GrantYearDetail>("budget_adjust", { id, input });
}

/** 首页: the current grant year at a glance. */
export function homeOverview(): Promise<HomeOverview> {
  return invoke<HomeOverview>("home_overview");
}
