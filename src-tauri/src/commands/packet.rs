//! Commands of the 申报材料 area: the packet's own text, the preflight checklist, the export (built
//! from one snapshot of the books while the books are locked, rendered after the lock is released,
//! with progress events), revealing the exported file, and verifying a packet against its manifest.

use serde::Serialize;
use shelian_core::ErrorPayload;
use shelian_core::books::packet::{PacketDraft, PreflightItem};
use shelian_export::from_books::build;
use tauri::State;
use ts_rs::TS;

use crate::session::AppState;

type Reply<T> = Result<T, ErrorPayload>;

/// The checklist, and the key figures of the packet when it could be assembled.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Preflight {
    pub items: Vec<PreflightItem>,
    /// How many items block the export.
    pub blocking: u32,
    pub year: i32,
    /// 「第1年」 / 「第2年」.
    pub sequence_label: String,
    #[ts(type = "number | null")]
    pub members: Option<u32>,
    #[ts(type = "number | null")]
    pub projects: Option<u32>,
    pub total: Option<String>,
    pub total_daxie: Option<String>,
}

#[tauri::command]
pub async fn packet_draft_get(state: State<'_, AppState>, grant_year_id: i64) -> Reply<PacketDraft> {
    Ok(state.lock()?.books()?.packet_draft(grant_year_id)?)
}

#[tauri::command]
pub async fn packet_draft_save(state: State<'_, AppState>, input: PacketDraft) -> Reply<PacketDraft> {
    Ok(state.lock()?.books()?.packet_draft_save(&input)?)
}

#[tauri::command]
pub async fn packet_preflight(state: State<'_, AppState>, grant_year_id: i64) -> Reply<Preflight> {
    let mut session = state.lock()?;
    let books = session.books()?;
    let built = build(books, grant_year_id)?;
    let g = books.grant_year(grant_year_id)?.grant;
    Ok(Preflight {
        blocking: built.blocking() as u32,
        items: built.preflight,
        year: g.year,
        sequence_label: format!("第{}年", g.sequence),
        members: built.packet.as_ref().map(|p| p.members.total),
        projects: built.packet.as_ref().map(|p| p.projects.rows.len() as u32),
        total: built.packet.as_ref().map(|p| p.grant.total.to_string()),
        total_daxie: built.packet.as_ref().map(|p| p.grant.total_daxie.clone()),
    })
}

/// One file of an exported (or verified) packet.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PacketFile {
    pub name: String,
    #[ts(type = "number")]
    pub size: u64,
    pub sha256: String,
}

/// What an export produced, or what a verified ZIP holds.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PacketReport {
    /// Where the ZIP was saved (empty for a verification of a chosen file).
    pub path: String,
    pub file_name: String,
    pub federation: String,
    pub year: i32,
    pub total: String,
    #[ts(type = "number")]
    pub members: u32,
    #[ts(type = "number")]
    pub projects: u32,
    /// Pages of the PDF (0 when only verifying).
    #[ts(type = "number")]
    pub pdf_pages: u32,
    pub generated_on: String,
    pub files: Vec<PacketFile>,
}

/// Progress of an export, sent to the window as the event `packet-export-progress`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExportProgress {
    #[ts(type = "number")]
    pub step: u32,
    #[ts(type = "number")]
    pub steps: u32,
    pub label: String,
}

fn report(manifest: &shelian_export::Manifest, path: String, file_name: String, pages: u32) -> PacketReport {
    PacketReport {
        path,
        file_name,
        federation: manifest.federation.clone(),
        year: manifest.year,
        total: manifest.key_figures.total.to_string(),
        members: manifest.key_figures.members,
        projects: manifest.key_figures.projects,
        pdf_pages: pages,
        generated_on: manifest.generated_on.to_string(),
        files: manifest
            .files
            .iter()
            .map(|f| PacketFile { name: f.name.clone(), size: f.size, sha256: f.sha256.clone() })
            .collect(),
    }
}

fn progress(app: &tauri::AppHandle, step: u32, label: &str) {
    use tauri::Emitter;
    let p = ExportProgress { step, steps: 4, label: label.into() };
    if let Err(e) = app.emit("packet-export-progress", p) {
        log::warn!("could not send export progress: {e}");
    }
}

/// Builds the packet from one snapshot of the books (refused while a blocking preflight item
/// remains), renders it without holding the books, saves the ZIP and verifies the saved file.
#[tauri::command]
pub async fn packet_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    grant_year_id: i64,
) -> Reply<PacketReport> {
    progress(&app, 1, "正在从账簿汇总数据并检查…");
    let (packet, today) = {
        let mut session = state.lock()?;
        let books = session.books()?;
        let built = build(books, grant_year_id)?;
        let blocking = built.blocking();
        match built.packet {
            Some(p) if blocking == 0 => (p, books.today()),
            _ => {
                return Err(shelian_core::CoreError::field(
                    "grantYearId",
                    format!("还有 {blocking} 项必须先处理（见检查清单），处理后才能导出申报材料"),
                )
                .into());
            }
        }
    };
    progress(&app, 2, "正在生成申报书（PDF、Word）和附表（Excel）…");
    let files = tauri::async_runtime::spawn_blocking(move || shelian_export::render_all(&packet))
        .await
        .map_err(|e| {
            log::error!("packet export task ended abnormally: {e}");
            ErrorPayload::internal("导出意外中断，没有保存任何文件，请重新导出")
        })?
        .map_err(|e| {
            log::error!("packet export failed: {e}");
            ErrorPayload::internal(e.user_message())
        })?;
    progress(&app, 3, "正在保存并校验…");
    let name = format!("packet-{}-{}.zip", files.manifest.year, today.format("%Y%m%d"));
    let saved = crate::exports::save_export(&app, &name, &files.zip)?;
    let written = std::fs::read(&saved.path).map_err(|e| {
        log::error!("reading back {} failed: {e}", saved.path);
        ErrorPayload::internal(format!(
            "已保存的申报材料无法读回校验，请确认导出文件夹可以读写后重新导出：{}",
            saved.path
        ))
    })?;
    let manifest =
        shelian_export::verify(&written).map_err(|e| ErrorPayload::internal(format!("保存后的文件未通过校验：{e}")))?;
    progress(&app, 4, "完成");
    Ok(report(&manifest, saved.path, saved.file_name, files.pdf_pages as u32))
}

/// Shows an exported packet in the system's file manager. Only files in the export folder.
#[tauri::command]
pub async fn packet_reveal(app: tauri::AppHandle, path: String) -> Reply<()> {
    use tauri_plugin_opener::OpenerExt;
    let dir = crate::exports::export_dir(&app)?;
    let not_ours = || ErrorPayload::internal("只能打开本程序导出的文件所在的文件夹");
    let file = std::path::Path::new(&path).canonicalize().map_err(|_| not_ours())?;
    let dir = dir.canonicalize().map_err(|_| not_ours())?;
    if !file.starts_with(&dir) || !file.is_file() {
        return Err(not_ours());
    }
    app.opener().reveal_item_in_dir(&file).map_err(|e| {
        log::error!("revealing {} failed: {e}", file.display());
        ErrorPayload::internal(format!("无法打开文件夹，请在文件管理器中打开：{}", file.display()))
    })
}

/// Checks a packet ZIP the person picked (raw body) against its manifest.
#[tauri::command]
pub async fn packet_verify(request: tauri::ipc::Request<'_>) -> Reply<PacketReport> {
    let tauri::ipc::InvokeBody::Raw(bytes) = request.body() else {
        return Err(ErrorPayload::internal("文件数据格式不对，请重新选择文件"));
    };
    let manifest = shelian_export::verify(bytes)
        .map_err(|e| ErrorPayload::from(shelian_core::CoreError::field("file", e.to_string())))?;
    Ok(report(&manifest, String::new(), String::new(), 0))
}
