//! Where exported files go: `SHELIAN_EXPORT_DIR` if set (tests), else the user's Downloads folder
//! from Tauri's path API. Files are written by Rust under ASCII names that never overwrite an
//! earlier export (`name-2.xlsx`, …); the full path is returned and shown to the person.

use std::path::{Path, PathBuf};

use serde::Serialize;
use shelian_core::ErrorPayload;
use tauri::Manager;
use ts_rs::TS;

/// A file written for the person, with where it is.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SavedFile {
    pub path: String,
    pub file_name: String,
}

pub fn export_dir(app: &tauri::AppHandle) -> Result<PathBuf, ErrorPayload> {
    if let Some(dir) = std::env::var("SHELIAN_EXPORT_DIR").ok().filter(|d| !d.trim().is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    app.path()
        .download_dir()
        .or_else(|_| app.path().home_dir())
        .map_err(|_| ErrorPayload::internal("找不到“下载”文件夹，无法保存文件。"))
}

/// `name.xlsx`, else `name-2.xlsx`, `name-3.xlsx`, … : the first that does not exist yet.
pub fn free_path(dir: &Path, file_name: &str) -> PathBuf {
    let (stem, ext) = file_name.rsplit_once('.').unwrap_or((file_name, ""));
    let mut n = 1;
    loop {
        let name = if n == 1 { file_name.to_owned() } else { format!("{stem}-{n}.{ext}") };
        let p = dir.join(name);
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

pub fn save_export(app: &tauri::AppHandle, file_name: &str, bytes: &[u8]) -> Result<SavedFile, ErrorPayload> {
    let dir = export_dir(app)?;
    save_into(&dir, file_name, bytes)
}

fn save_into(dir: &Path, file_name: &str, bytes: &[u8]) -> Result<SavedFile, ErrorPayload> {
    let failed = |e: std::io::Error| {
        log::error!("export into {} failed: {e}", dir.display());
        ErrorPayload::internal(format!("无法把文件保存到“{}”，请检查该文件夹是否存在、是否可写。", dir.display()))
    };
    std::fs::create_dir_all(dir).map_err(failed)?;
    let path = free_path(dir, file_name);
    std::fs::write(&path, bytes).map_err(failed)?;
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or(file_name).to_owned();
    Ok(SavedFile { path: path.display().to_string(), file_name })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_export_never_overwrites_an_earlier_one() {
        let dir = tempfile::tempdir().unwrap();
        let a = save_into(dir.path(), "roster.xlsx", b"1").unwrap();
        let b = save_into(dir.path(), "roster.xlsx", b"2").unwrap();
        assert_eq!(a.file_name, "roster.xlsx");
        assert_eq!(b.file_name, "roster-2.xlsx");
        assert_eq!(std::fs::read(&a.path).unwrap(), b"1");
    }
}
