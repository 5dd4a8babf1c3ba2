// 区级汇总 (the district mode) over IPC: enter and leave it, add packet ZIPs one per call (raw
// bytes, the name in a header), read the summary and the stored packets, export the summary.
import { invoke } from "@tauri-apps/api/core";
import type { DistrictAddResult } from "../bindings/DistrictAddResult";
import type { DistrictPacket } from "../bindings/DistrictPacket";
import type { DistrictSummary } from "../bindings/DistrictSummary";
import type { SavedFile } from "../bindings/SavedFile";

export type { DistrictAddResult, DistrictPacket, DistrictSummary };
export type { DistrictAddStatus } from "../bindings/DistrictAddStatus";
export type { DistrictRow } from "../bindings/DistrictRow";
export type { DistrictYear } from "../bindings/DistrictYear";
export type { DistrictOwed } from "../bindings/DistrictOwed";

/** Switch the window to the district workspace (its own file beside the books). */
export async function districtOpen(): Promise<void> {
  await invoke("district_open");
}

/** Leave the district workspace and go back to the federation's books. */
export async function districtClose(): Promise<void> {
  await invoke("district_close");
}

export function districtSummary(): Promise<DistrictSummary> {
  return invoke<DistrictSummary>("district_summary");
}

export function districtPackets(): Promise<DistrictPacket[]> {
  return invoke<DistrictPacket[]>("district_packets");
}

/** Verifies and stores one packet ZIP; rejects with the reason when it does not verify. */
export async function districtPacketAdd(file: File): Promise<DistrictAddResult> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return invoke<DistrictAddResult>("district_packet_add", bytes, {
    headers: { "x-file-name": encodeURIComponent(file.name) },
  });
}

/** Writes the summary as a workbook or a PDF into the export folder. */
export function districtExport(format: "xlsx" | "pdf"): Promise<SavedFile> {
  return invoke<SavedFile>("district_export", { format });
}
