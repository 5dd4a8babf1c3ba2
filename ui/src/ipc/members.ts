// Typed wrappers of the 成员单位 commands and of the two lists under 设置. Files go in as bytes read
// from an <input type="file">; exports are written by Rust into the export folder and come back as
// the path it chose.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportProblem } from "../bindings/ImportProblem";
import type { ImportProgress } from "../bindings/ImportProgress";
import type { ImportReport } from "../bindings/ImportReport";
import type { InspectionInput } from "../bindings/InspectionInput";
import type { ListEntry } from "../bindings/ListEntry";
import type { MemberDetail } from "../bindings/MemberDetail";
import type { MemberInput } from "../bindings/MemberInput";
import type { MemberPage } from "../bindings/MemberPage";
import type { MemberQuery } from "../bindings/MemberQuery";
import type { RatingInput } from "../bindings/RatingInput";
import type { SavedFile } from "../bindings/SavedFile";

export type {
  ImportOptions,
  ImportProblem,
  ImportProgress,
  ImportReport,
  InspectionInput,
  ListEntry,
  MemberDetail,
  MemberInput,
  MemberPage,
  MemberQuery,
  RatingInput,
  SavedFile,
};
export type { Member } from "../bindings/Member";
export type { MemberRow } from "../bindings/MemberRow";
export type { InspectionResult } from "../bindings/InspectionResult";
export type { LegalForm } from "../bindings/LegalForm";
export type { MemberStatus } from "../bindings/MemberStatus";
export type { PartyBuilding } from "../bindings/PartyBuilding";

export function membersList(query: MemberQuery): Promise<MemberPage> {
  return invoke<MemberPage>("members_list", { query });
}

export function memberGet(id: number): Promise<MemberDetail> {
  return invoke<MemberDetail>("member_get", { id });
}

export function memberCreate(input: MemberInput): Promise<MemberDetail> {
  return invoke<MemberDetail>("member_create", { input });
}

export function memberUpdate(id: number, input: MemberInput): Promise<MemberDetail> {
  return invoke<MemberDetail>("member_update", { id, input });
}

export function memberInspectionRecord(id: number, input: InspectionInput): Promise<MemberDetail> {
  return invoke<MemberDetail>("member_inspection_record", { id, input });
}

export function memberRatingRecord(id: number, input: RatingInput): Promise<MemberDetail> {
  return invoke<MemberDetail>("member_rating_record", { id, input });
}

export type ListKind = "category" | "community";

export function listEntries(kind: ListKind): Promise<ListEntry[]> {
  return invoke<ListEntry[]>(kind === "category" ? "member_categories_list" : "communities_list");
}

export function listAdd(kind: ListKind, name: string): Promise<ListEntry> {
  return invoke<ListEntry>(kind === "category" ? "member_category_add" : "community_add", {
    name,
  });
}

export async function listDelete(kind: ListKind, id: number): Promise<void> {
  await invoke(kind === "category" ? "member_category_delete" : "community_delete", { id });
}

/** The picked file as the command expects it: its name and its bytes. */
export interface PickedFile {
  fileName: string;
  bytes: number[];
}

export async function readPickedFile(file: File): Promise<PickedFile> {
  const buffer = await file.arrayBuffer();
  return { fileName: file.name, bytes: Array.from(new Uint8Array(buffer)) };
}

/** The answers of a file that needs none (it has a 加入日期 column). */
export const NO_IMPORT_OPTIONS: ImportOptions = { joinedOn: "", joinedOnFromFounded: false };

/** The event `members_import` sends while it checks and writes. */
export const MEMBERS_IMPORT_PROGRESS_EVENT = "members-import-progress";

export function membersImportPreview(
  file: PickedFile,
  options: ImportOptions = NO_IMPORT_OPTIONS,
): Promise<ImportReport> {
  return invoke<ImportReport>("members_import_preview", { ...file, options });
}

/**
 * Imports the file (or returns its problems, writing nothing). `onProgress` hears how far the
 * import is; the listener is in place before the command starts and removed when it ends.
 */
export async function membersImport(
  file: PickedFile,
  options: ImportOptions = NO_IMPORT_OPTIONS,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const unlisten: UnlistenFn | null = onProgress
    ? await listen<ImportProgress>(MEMBERS_IMPORT_PROGRESS_EVENT, (e) => onProgress(e.payload))
    : null;
  try {
    return await invoke<ImportReport>("members_import", { ...file, options });
  } finally {
    unlisten?.();
  }
}

export function membersTemplateExport(): Promise<SavedFile> {
  return invoke<SavedFile>("members_template_export");
}

export function membersImportProblemsExport(problems: ImportProblem[]): Promise<SavedFile> {
  return invoke<SavedFile>("members_import_problems_export", { problems });
}

export function membersRosterExport(): Promise<SavedFile> {
  return invoke<SavedFile>("members_roster_export");
}
