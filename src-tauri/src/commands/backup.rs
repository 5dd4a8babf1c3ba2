//! Commands of 设置 → 备份与恢复: the list (with the default folder for 立即备份), a backup into a
//! folder typed or pasted in the window (checked in Rust), and a restore from a listed backup or
//! from a file the person picked (raw body, written to `backups/incoming/` first). Only the real
//! books are backed up and restored; the demo file is regenerated on demand and needs neither.

use std::path::{Path, PathBuf};

use serde::Serialize;
use shelian_core::ErrorPayload;
use shelian_core::store::backup::{BackupInfo, RestoreReport, windows_safe};
use tauri::State;
use tauri::ipc::Request;
use ts_rs::TS;

use crate::session::AppState;

type Reply<T> = Result<T, ErrorPayload>;

/// What the 备份与恢复 card shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupOverview {
    /// Where 立即备份 writes when no folder is typed: the export folder.
    pub default_folder: String,
    pub backups: Vec<BackupInfo>,
}

/// A backup written by 立即备份.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupWritten {
    pub path: String,
    pub file_name: String,
}

#[tauri::command]
pub async fn backups_list(app: tauri::AppHandle, state: State<'_, AppState>) -> Reply<BackupOverview> {
    let folder = crate::exports::export_dir(&app)?;
    let backups = state.lock()?.real_books()?.backups_list(std::slice::from_ref(&folder))?;
    Ok(BackupOverview { default_folder: folder.display().to_string(), backups })
}

/// 立即备份 into `folder` (absolute, existing; checked by the core), or into the export folder
/// when `folder` is empty.
#[tauri::command]
pub async fn backup_now(app: tauri::AppHandle, state: State<'_, AppState>, folder: String) -> Reply<BackupWritten> {
    let folder = if folder.trim().is_empty() {
        let dir = crate::exports::export_dir(&app)?;
        // SHELIAN_EXPORT_DIR may name a folder that does not exist yet; Downloads always does.
        std::fs::create_dir_all(&dir).map_err(|e| {
            log::error!("cannot create {}: {e}", dir.display());
            ErrorPayload::internal(format!("无法创建文件夹“{}”，请填写另一个文件夹。", dir.display()))
        })?;
        dir
    } else {
        PathBuf::from(folder.trim())
    };
    let _backups = state.backups()?;
    let path = state.lock()?.real_books()?.backup_to(&folder)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(BackupWritten { path: path.display().to_string(), file_name })
}

/// Restores one of the listed backups; any other path is refused, so the window cannot point the
/// restore at an arbitrary file.
#[tauri::command]
pub async fn backup_restore(app: tauri::AppHandle, state: State<'_, AppState>, path: String) -> Reply<RestoreReport> {
    let folder = crate::exports::export_dir(&app)?;
    let _backups = state.backups()?;
    let mut session = state.lock()?;
    let books = session.real_books()?;
    let listed = books.backups_list(std::slice::from_ref(&folder))?.into_iter().any(|b| b.path == path);
    if !listed {
        return Err(ErrorPayload::internal("只能从备份列表中的文件恢复；其他文件请用「从文件恢复」选择。"));
    }
    Ok(books.restore_from(Path::new(&path))?)
}

/// Restores from a file the person picked (raw body; its name in `x-file-name`, percent-encoded).
/// The bytes go to `backups/incoming/` under the picked name, so a refusal names the file the
/// person knows; the copy is removed afterwards either way.
#[tauri::command]
pub async fn backup_restore_file(state: State<'_, AppState>, request: Request<'_>) -> Reply<RestoreReport> {
    let (picked, bytes) = super::raw_file(&request, "文件数据格式不对，请重新选择文件")?;
    // Only the last component of whatever the window sent, and nothing Windows would refuse.
    let last = picked.rsplit(['/', '\\']).next().unwrap_or_default();
    let name = windows_safe(last);
    let _backups = state.backups()?;
    let mut session = state.lock()?;
    let incoming = session.data_dir().join("backups").join("incoming");
    let written = (|| {
        std::fs::create_dir_all(&incoming)?;
        let path = incoming.join(&name);
        std::fs::write(&path, bytes)?;
        Ok::<_, std::io::Error>(path)
    })()
    .map_err(|e| {
        log::error!("cannot write the picked backup into {}: {e}", incoming.display());
        ErrorPayload::internal("无法读入所选文件（数据文件夹无法写入），没有恢复。")
    })?;
    let result = session.real_books().and_then(|b| b.restore_from(&written).map_err(ErrorPayload::from));
    if let Err(e) = std::fs::remove_file(&written) {
        log::warn!("could not remove {}: {e}", written.display());
    }
    result
}
