//! Commands of 区级汇总 (the district mode): enter and leave it, add packet ZIPs (raw IPC body,
//! the file name in a percent-encoded header, one ZIP per call so one refusal never holds back
//! the others), the summary, the history of stored packets, and the exports.

use shelian_core::ErrorPayload;
use shelian_district::{DistrictAddResult, DistrictPacket, DistrictSummary};
use tauri::ipc::Request;
use tauri::{AppHandle, State, WebviewWindow};

use crate::exports::{SavedFile, save_export};
use crate::session::{AppState, SessionInfo};

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn district_open(window: WebviewWindow, state: State<'_, AppState>) -> Reply<SessionInfo> {
    let info = state.lock()?.open_district()?;
    super::set_title(&window, &info);
    Ok(info)
}

#[tauri::command]
pub async fn district_close(window: WebviewWindow, state: State<'_, AppState>) -> Reply<SessionInfo> {
    let info = state.lock()?.close_district()?;
    super::set_title(&window, &info);
    Ok(info)
}

#[tauri::command]
pub async fn district_summary(state: State<'_, AppState>) -> Reply<DistrictSummary> {
    Ok(state.lock()?.district()?.summary()?)
}

#[tauri::command]
pub async fn district_packets(state: State<'_, AppState>) -> Reply<Vec<DistrictPacket>> {
    Ok(state.lock()?.district()?.packets()?)
}

/// Verifies and stores one packet ZIP (raw body; name in `x-file-name`, percent-encoded).
#[tauri::command]
pub async fn district_packet_add(state: State<'_, AppState>, request: Request<'_>) -> Reply<DistrictAddResult> {
    let (name, bytes) = super::raw_file(&request, "申报材料数据格式不对，请重新选择文件")?;
    Ok(state.lock()?.district()?.add_packet(&name, bytes)?)
}

/// Writes the summary as `xlsx` or `pdf` into the export folder.
#[tauri::command]
pub async fn district_export(app: AppHandle, state: State<'_, AppState>, format: String) -> Reply<SavedFile> {
    let (bytes, name) = {
        let mut session = state.lock()?;
        let d = session.district()?;
        let day = d.today().format("%Y%m%d");
        match format.as_str() {
            "xlsx" => (d.summary_xlsx()?, format!("district-summary-{day}.xlsx")),
            "pdf" => (d.summary_pdf()?, format!("district-summary-{day}.pdf")),
            _ => return Err(ErrorPayload::internal("不支持的导出格式")),
        }
    };
    save_export(&app, &name, &bytes)
}
