//! Commands of the 服务项目 area: agreements, their status, activities and progress. Payments are
//! expenses (`commands::ledger::expense_post` with a project id); photos are stored and read with
//! the attachment commands.

use shelian_core::ErrorPayload;
use shelian_core::books::projects::{AgreementOption, GrantProgress, ProjectDetail, ProjectQuery, ProjectSummary};
use shelian_core::domain::project::{ActivityInput, CloseOutInput, ProjectInput, TerminateInput};
use tauri::State;

use crate::session::AppState;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn projects_list(state: State<'_, AppState>, query: ProjectQuery) -> Reply<Vec<ProjectSummary>> {
    Ok(state.lock()?.books()?.projects_list(&query)?)
}

#[tauri::command]
pub async fn project_get(state: State<'_, AppState>, id: i64) -> Reply<ProjectDetail> {
    Ok(state.lock()?.books()?.project_get(id)?)
}

#[tauri::command]
pub async fn project_create(state: State<'_, AppState>, input: ProjectInput) -> Reply<ProjectDetail> {
    Ok(state.lock()?.books()?.project_create(&input)?)
}

#[tauri::command]
pub async fn project_update(state: State<'_, AppState>, id: i64, input: ProjectInput) -> Reply<ProjectDetail> {
    Ok(state.lock()?.books()?.project_update(id, &input)?)
}

#[tauri::command]
pub async fn project_start(state: State<'_, AppState>, id: i64) -> Reply<ProjectDetail> {
    Ok(state.lock()?.books()?.project_start(id)?)
}

#[tauri::command]
pub async fn project_close(state: State<'_, AppState>, id: i64, input: CloseOutInput) -> Reply<ProjectDetail> {
    Ok(state.lock()?.books()?.project_close(id, &input)?)
}

#[tauri::command]
pub async fn project_terminate(state: State<'_, AppState>, id: i64, input: TerminateInput) -> Reply<ProjectDetail> {
    Ok(state.lock()?.books()?.project_terminate(id, &input)?)
}

#[tauri::command]
pub async fn activity_add(state: State<'_, AppState>, input: ActivityInput) -> Reply<ProjectDetail> {
    Ok(state.lock()?.books()?.activity_add(&input)?)
}

#[tauri::command]
pub async fn grant_progress(state: State<'_, AppState>, grant_year_id: i64) -> Reply<GrantProgress> {
    Ok(state.lock()?.books()?.grant_progress(grant_year_id)?)
}

#[tauri::command]
pub async fn agreement_options(
    state: State<'_, AppState>,
    grant_year_id: i64,
    project_id: Option<i64>,
) -> Reply<Vec<AgreementOption>> {
    Ok(state.lock()?.books()?.agreement_options(grant_year_id, project_id)?)
}
