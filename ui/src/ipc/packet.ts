// Typed wrappers of the 申报材料 commands: the packet's own text per grant year, the preflight
// checklist, the export (with its progress events), showing the exported ZIP in the file manager,
// and verifying a ZIP the person picked. The ZIP's bytes go to Rust as a raw IPC body.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import type { BudgetNote } from "../bindings/BudgetNote";
import type { ExportProgress } from "../bindings/ExportProgress";
import type { PacketDraft } from "../bindings/PacketDraft";
import type { PacketFile } from "../bindings/PacketFile";
import type { PacketReport } from "../bindings/PacketReport";
import type { Preflight } from "../bindings/Preflight";
import type { PreflightItem } from "../bindings/PreflightItem";
import type { PreflightLevel } from "../bindings/PreflightLevel";

export type {
  BudgetNote,
  ExportProgress,
  PacketDraft,
  PacketFile,
  PacketReport,
  Preflight,
  PreflightItem,
  PreflightLevel,
};

/** The event `packet_export` sends while it works. */
export const PACKET_EXPORT_PROGRESS_EVENT = "packet-export-progress";

/** The secretary's text for one grant year (a fresh draft when nothing was saved yet). */
export function packetDraftGet(grantYearId: number): Promise<PacketDraft> {
  return invoke<PacketDraft>("packet_draft_get", { grantYearId });
}

/** Saves the text; rejects with field problems (plan, previousSummary, commitment, …). */
export function packetDraftSave(input: PacketDraft): Promise<PacketDraft> {
  return invoke<PacketDraft>("packet_draft_save", { input });
}

/** The checklist of what is missing or breaks a rule, and the packet's key figures. */
export function packetPreflight(grantYearId: number): Promise<Preflight> {
  return invoke<Preflight>("packet_preflight", { grantYearId });
}

/** Calls `handler` with every progress event of an export until the returned function is called. */
export function onPacketExportProgress(
  handler: (progress: ExportProgress) => void,
): Promise<UnlistenFn> {
  return listen<ExportProgress>(PACKET_EXPORT_PROGRESS_EVENT, (e) => handler(e.payload));
}

/**
 * Builds, saves and verifies the packet ZIP of a grant year (refused while a blocking preflight
 * item remains). `onProgress` hears the export's steps; the listener is in place before the
 * command starts and removed when it ends, whatever the outcome.
 */
export async function packetExport(
  grantYearId: number,
  onProgress?: (progress: ExportProgress) => void,
): Promise<PacketReport> {
  const unlisten = onProgress ? await onPacketExportProgress(onProgress) : null;
  try {
    return await invoke<PacketReport>("packet_export", { grantYearId });
  } finally {
    unlisten?.();
  }
}

/** Opens the system's file manager at an exported ZIP (only files in the export folder). */
export async function packetReveal(path: string): Promise<void> {
  await invoke("packet_reveal", { path });
}

/** Checks a picked ZIP against its manifest; rejects with the Chinese reason when it does not hold. */
export async function packetVerify(file: File): Promise<PacketReport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return invoke<PacketReport>("packet_verify", bytes);
}
