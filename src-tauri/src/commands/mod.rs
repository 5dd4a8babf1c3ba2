//! The IPC surface: each command is a one-line adapter over `Session`/`Books`. Commands are async so
//! that Tauri runs them off the main thread and the window never freezes while SQLite works.
//! One file per area (`commands/<area>.rs`); every name is also listed in `build.rs` and granted in
//! `capabilities/main.json`.

pub mod backup;
pub mod district;
pub mod federation;
pub mod grants;
pub mod ledger;
pub mod members;
pub mod packet;
pub mod projects;

use shelian_core::ErrorPayload;
use tauri::ipc::{InvokeBody, Request};
use tauri::{State, WebviewWindow};

use crate::session::{AppState, BooksMode, SessionInfo};

const TITLE: &str = "社联会管家";

/// A file the window sent as a raw IPC body (not a JSON array of numbers), with the name it had
/// on the person's disk from the percent-encoded `x-file-name` header. `wrong` is what to say when
/// the body is not raw bytes.
pub(crate) fn raw_file<'a>(request: &'a Request<'_>, wrong: &str) -> Result<(String, &'a [u8]), ErrorPayload> {
    let InvokeBody::Raw(bytes) = request.body() else {
        return Err(ErrorPayload::internal(wrong));
    };
    let name = request
        .headers()
        .get("x-file-name")
        .and_then(|v| v.to_str().ok())
        .map(|v| percent_encoding::percent_decode_str(v).decode_utf8_lossy().into_owned())
        .unwrap_or_default();
    Ok((name, bytes))
}

fn set_title(window: &WebviewWindow, info: &SessionInfo) {
    let title = match info.mode {
        BooksMode::Demo => format!("{TITLE} — 示例数据"),
        BooksMode::District => format!("{TITLE} — 区级汇总"),
        BooksMode::Real => TITLE.to_owned(),
    };
    if let Err(e) = window.set_title(&title) {
        log::warn!("could not set the window title: {e}");
    }
}

#[tauri::command]
pub async fn session_get(state: State<'_, AppState>) -> Result<SessionInfo, ErrorPayload> {
    state.lock()?.info()
}

#[tauri::command]
pub async fn session_open_demo(window: WebviewWindow, state: State<'_, AppState>) -> Result<SessionInfo, ErrorPayload> {
    let info = state.lock()?.open_demo()?;
    set_title(&window, &info);
    Ok(info)
}

#[tauri::command]
pub async fn session_close_demo(
    window: WebviewWindow,
    state: State<'_, AppState>,
) -> Result<SessionInfo, ErrorPayload> {
    let info = state.lock()?.close_demo();
    if let Ok(info) = &info {
        set_title(&window, info);
    } else if let Err(e) = window.set_title(TITLE) {
        log::warn!("could not set the window title: {e}");
    }
    info
}

/// The live preview of typed amounts: each as `Money::parse` reads it, the sum and its 大写. It
/// needs no books, so it answers even before a file is open.
#[tauri::command]
pub async fn money_preview(texts: Vec<String>) -> shelian_core::domain::money::MoneyPreview {
    shelian_core::domain::money::MoneyPreview::of(&texts)
}
