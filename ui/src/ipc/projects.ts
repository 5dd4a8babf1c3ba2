// Typed wrappers of the 服务项目 commands: agreements and their status, activities, progress.
// Payments are expenses (`expensePost` with a `projectId`); photos are stored and read with the
// attachment commands of ./ledger. Amounts are strings, ids numbers.
import { invoke } from "@tauri-apps/api/core";
import type { ActivityInput } from "../bindings/ActivityInput";
import type { AgreementOption } from "../bindings/AgreementOption";
import type { CloseOutInput } from "../bindings/CloseOutInput";
import type { GrantProgress } from "../bindings/GrantProgress";
import type { ProjectDetail } from "../bindings/ProjectDetail";
import type { ProjectInput } from "../bindings/ProjectInput";
import type { ProjectQuery } from "../bindings/ProjectQuery";
import type { ProjectSummary } from "../bindings/ProjectSummary";
import type { TerminateInput } from "../bindings/TerminateInput";

export type { Activity } from "../bindings/Activity";
export type { ActivityPhoto } from "../bindings/ActivityPhoto";
export type { CommunityRef } from "../bindings/CommunityRef";
export type { CustomTargetInput } from "../bindings/CustomTargetInput";
export type { Eligibility } from "../bindings/Eligibility";
export type { Grade } from "../bindings/Grade";
export type { IndicatorValueInput } from "../bindings/IndicatorValueInput";
export type { ProjectRow } from "../bindings/ProjectRow";
export type { ProjectStatus } from "../bindings/ProjectStatus";
export type { SplitInput } from "../bindings/SplitInput";
export type { SplitView } from "../bindings/SplitView";
export type { TargetKind } from "../bindings/TargetKind";
export type { TargetProgress } from "../bindings/TargetProgress";
export type { ProjectActions } from "../bindings/ProjectActions";
export type {
  ActivityInput,
  AgreementOption,
  CloseOutInput,
  GrantProgress,
  ProjectDetail,
  ProjectInput,
  ProjectQuery,
  ProjectSummary,
  TerminateInput,
};

/** Projects, optionally of one grant year, status, undertaker or community. */
export function projectsList(query: ProjectQuery): Promise<ProjectSummary[]> {
  return invoke<ProjectSummary[]>("projects_list", { query });
}

export function projectGet(id: number): Promise<ProjectDetail> {
  return invoke<ProjectDetail>("project_get", { id });
}

/** 立项: R-PROJECT (active undertaker when signing, a flagged one with a reason; splits fit lines). */
export function projectCreate(input: ProjectInput): Promise<ProjectDetail> {
  return invoke<ProjectDetail>("project_create", { input });
}

/** Corrects an agreement while 立项 or 实施中; what was paid bounds the amounts. */
export function projectUpdate(id: number, input: ProjectInput): Promise<ProjectDetail> {
  return invoke<ProjectDetail>("project_update", { id, input });
}

/** 立项 → 实施中. */
export function projectStart(id: number): Promise<ProjectDetail> {
  return invoke<ProjectDetail>("project_start", { id });
}

/** 实施中 → 已结项, with an evaluation and a grade. */
export function projectClose(id: number, input: CloseOutInput): Promise<ProjectDetail> {
  return invoke<ProjectDetail>("project_close", { id, input });
}

/** 终止, with a reason; unpaid agreed money returns to its budget lines. */
export function projectTerminate(id: number, input: TerminateInput): Promise<ProjectDetail> {
  return invoke<ProjectDetail>("project_terminate", { id, input });
}

/** 记录活动 of a project 实施中; photos already stored with `attachmentStore`. */
export function activityAdd(input: ActivityInput): Promise<ProjectDetail> {
  return invoke<ProjectDetail>("activity_add", { input });
}

/** A grant year's projects summed: by status, money, the standard targets, activities per month. */
export function grantProgress(grantYearId: number): Promise<GrantProgress> {
  return invoke<GrantProgress>("grant_progress", { grantYearId });
}

/** What an agreement may put on each budget line and source, read as R-PROJECT reads it: for a
 * new agreement (`projectId` null) or the one being corrected. */
export function agreementOptions(
  grantYearId: number,
  projectId: number | null,
): Promise<AgreementOption[]> {
  return invoke<AgreementOption[]>("agreement_options", { grantYearId, projectId });
}
