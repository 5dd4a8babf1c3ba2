// 设置 → 备份与恢复: the list of backups, 立即备份 into a folder, and restores. Only the real books
// are backed up; a restore replaces them after saving them as a 恢复前 backup.
import { invoke } from "@tauri-apps/api/core";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { BackupKind } from "../bindings/BackupKind";
import type { BackupOverview } from "../bindings/BackupOverview";
import type { BackupWritten } from "../bindings/BackupWritten";
import type { RestoreReport } from "../bindings/RestoreReport";

export type { BackupInfo, BackupKind, BackupOverview, BackupWritten, RestoreReport };

/** Every backup (newest first, each verified) and the folder 立即备份 uses when none is typed. */
export function backupsList(): Promise<BackupOverview> {
  return invoke<BackupOverview>("backups_list");
}

/** Writes a backup into `folder` (a full path; empty for the default folder); never overwrites. */
export function backupNow(folder: string): Promise<BackupWritten> {
  return invoke<BackupWritten>("backup_now", { folder });
}

/** Restores one of the listed backups (by its path). */
export function backupRestore(path: string): Promise<RestoreReport> {
  return invoke<RestoreReport>("backup_restore", { path });
}

/** Restores from a picked file (e.g. on a USB stick); its bytes go as the raw body. */
export async function backupRestoreFile(file: File): Promise<RestoreReport> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return invoke<RestoreReport>("backup_restore_file", bytes, {
    headers: { "x-file-name": encodeURIComponent(file.name) },
  });
}
