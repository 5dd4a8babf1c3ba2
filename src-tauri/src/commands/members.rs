//! Commands of the 成员单位 area and of its two lists under 设置. Spreadsheets come in as bytes (the
//! window reads the picked file) and go out into the export folder (`exports.rs`), whose path is
//! shown to the person. An import tells the window how far it is with `members-import-progress`
//! events.

use shelian_core::ErrorPayload;
use shelian_core::books::{ImportProgress, ImportReport};
use shelian_core::domain::member::{InspectionInput, MemberDetail, MemberInput, MemberPage, MemberQuery, RatingInput};
use shelian_core::domain::member_import::{ImportOptions, ImportProblem};
use shelian_core::store::members::{List, ListEntry};
use tauri::State;

use crate::exports::{SavedFile, save_export};
use crate::session::AppState;

type R<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn members_list(state: State<'_, AppState>, query: MemberQuery) -> R<MemberPage> {
    Ok(state.lock()?.books()?.members_list(&query)?)
}

#[tauri::command]
pub async fn member_get(state: State<'_, AppState>, id: i64) -> R<MemberDetail> {
    Ok(state.lock()?.books()?.member_get(id)?)
}

#[tauri::command]
pub async fn member_create(state: State<'_, AppState>, input: MemberInput) -> R<MemberDetail> {
    Ok(state.lock()?.books()?.member_create(&input)?)
}

#[tauri::command]
pub async fn member_update(state: State<'_, AppState>, id: i64, input: MemberInput) -> R<MemberDetail> {
    Ok(state.lock()?.books()?.member_update(id, &input)?)
}

#[tauri::command]
pub async fn member_inspection_record(state: State<'_, AppState>, id: i64, input: InspectionInput) -> R<MemberDetail> {
    Ok(state.lock()?.books()?.member_inspection_record(id, &input)?)
}

#[tauri::command]
pub async fn member_rating_record(state: State<'_, AppState>, id: i64, input: RatingInput) -> R<MemberDetail> {
    Ok(state.lock()?.books()?.member_rating_record(id, &input)?)
}

#[tauri::command]
pub async fn member_categories_list(state: State<'_, AppState>) -> R<Vec<ListEntry>> {
    Ok(state.lock()?.books()?.list_entries(List::Category)?)
}

#[tauri::command]
pub async fn member_category_add(state: State<'_, AppState>, name: String) -> R<ListEntry> {
    Ok(state.lock()?.books()?.list_add(List::Category, &name)?)
}

#[tauri::command]
pub async fn member_category_delete(state: State<'_, AppState>, id: i64) -> R<()> {
    Ok(state.lock()?.books()?.list_delete(List::Category, id)?)
}

#[tauri::command]
pub async fn communities_list(state: State<'_, AppState>) -> R<Vec<ListEntry>> {
    Ok(state.lock()?.books()?.list_entries(List::Community)?)
}

#[tauri::command]
pub async fn community_add(state: State<'_, AppState>, name: String) -> R<ListEntry> {
    Ok(state.lock()?.books()?.list_add(List::Community, &name)?)
}

#[tauri::command]
pub async fn community_delete(state: State<'_, AppState>, id: i64) -> R<()> {
    Ok(state.lock()?.books()?.list_delete(List::Community, id)?)
}

#[tauri::command]
pub async fn members_import_preview(
    state: State<'_, AppState>,
    file_name: String,
    bytes: Vec<u8>,
    options: ImportOptions,
) -> R<ImportReport> {
    Ok(state.lock()?.books()?.members_import_preview_with(&file_name, &bytes, &options)?)
}

/// The event an import sends while it checks and writes (every `PROGRESS_EVERY` rows).
pub const IMPORT_PROGRESS_EVENT: &str = "members-import-progress";

#[tauri::command]
pub async fn members_import(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    file_name: String,
    bytes: Vec<u8>,
    options: ImportOptions,
) -> R<ImportReport> {
    use tauri::Emitter;
    let mut progress = |p: ImportProgress| {
        if let Err(e) = app.emit(IMPORT_PROGRESS_EVENT, p) {
            log::warn!("could not send import progress: {e}");
        }
    };
    Ok(state.lock()?.books()?.members_import_with(&file_name, &bytes, &options, &mut progress)?)
}

#[tauri::command]
pub async fn members_template_export(app: tauri::AppHandle, state: State<'_, AppState>) -> R<SavedFile> {
    let bytes = state.lock()?.books()?.members_template_xlsx()?;
    save_export(&app, "members-import-template.xlsx", &bytes)
}

#[tauri::command]
pub async fn members_import_problems_export(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    problems: Vec<ImportProblem>,
) -> R<SavedFile> {
    let bytes = state.lock()?.books()?.members_import_problems_xlsx(&problems)?;
    save_export(&app, "members-import-problems.xlsx", &bytes)
}

#[tauri::command]
pub async fn members_roster_export(app: tauri::AppHandle, state: State<'_, AppState>) -> R<SavedFile> {
    let (bytes, today) = {
        let mut session = state.lock()?;
        let books = session.books()?;
        (books.members_roster_xlsx()?, books.today())
    };
    save_export(&app, &format!("members-roster-{}.xlsx", today.format("%Y%m%d")), &bytes)
}
