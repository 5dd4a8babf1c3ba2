//! Commands of the 年度资助 area (and the policy profile and budget categories under 设置).

use shelian_core::domain::grant::{
    AdjustmentInput, ApprovalInput, BudgetLineInput, GrantYearInput, PolicyInput, PolicyProfile, ReceiptInput,
};
use shelian_core::store::grants::{BudgetCategory, GrantYear};
use shelian_core::{ErrorPayload, GrantYearDetail, HomeOverview};
use tauri::State;

use crate::session::AppState;

type Reply<T> = Result<T, ErrorPayload>;

#[tauri::command]
pub async fn policy_get(state: State<'_, AppState>) -> Reply<PolicyProfile> {
    Ok(state.lock()?.books()?.policy_current()?)
}

#[tauri::command]
pub async fn policy_history(state: State<'_, AppState>) -> Reply<Vec<PolicyProfile>> {
    Ok(state.lock()?.books()?.policy_history()?)
}

#[tauri::command]
pub async fn policy_save(state: State<'_, AppState>, input: PolicyInput) -> Reply<PolicyProfile> {
    Ok(state.lock()?.books()?.policy_save(&input)?)
}

#[tauri::command]
pub async fn budget_categories_list(state: State<'_, AppState>) -> Reply<Vec<BudgetCategory>> {
    Ok(state.lock()?.books()?.budget_categories()?)
}

#[tauri::command]
pub async fn budget_category_add(state: State<'_, AppState>, name: String) -> Reply<BudgetCategory> {
    Ok(state.lock()?.books()?.budget_category_add(&name)?)
}

#[tauri::command]
pub async fn budget_category_rename(state: State<'_, AppState>, code: String, name: String) -> Reply<()> {
    Ok(state.lock()?.books()?.budget_category_rename(&code, &name)?)
}

#[tauri::command]
pub async fn budget_category_delete(state: State<'_, AppState>, code: String) -> Reply<()> {
    Ok(state.lock()?.books()?.budget_category_delete(&code)?)
}

#[tauri::command]
pub async fn grant_years_list(state: State<'_, AppState>) -> Reply<Vec<GrantYear>> {
    Ok(state.lock()?.books()?.grant_years()?)
}

#[tauri::command]
pub async fn grant_year_get(state: State<'_, AppState>, id: i64) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.grant_year(id)?)
}

#[tauri::command]
pub async fn grant_year_create(state: State<'_, AppState>, input: GrantYearInput) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.grant_year_create(&input)?)
}

#[tauri::command]
pub async fn grant_year_update(state: State<'_, AppState>, id: i64, input: GrantYearInput) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.grant_year_update(id, &input)?)
}

#[tauri::command]
pub async fn grant_year_approve(state: State<'_, AppState>, id: i64, input: ApprovalInput) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.grant_year_approve(id, &input)?)
}

#[tauri::command]
pub async fn grant_year_start(state: State<'_, AppState>, id: i64) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.grant_year_start(id)?)
}

#[tauri::command]
pub async fn grant_year_close(state: State<'_, AppState>, id: i64) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.grant_year_close(id)?)
}

#[tauri::command]
pub async fn receipt_add(state: State<'_, AppState>, id: i64, input: ReceiptInput) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.receipt_add(id, &input)?)
}

#[tauri::command]
pub async fn budget_set(state: State<'_, AppState>, id: i64, lines: Vec<BudgetLineInput>) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.budget_set(id, &lines)?)
}

#[tauri::command]
pub async fn budget_adjust(state: State<'_, AppState>, id: i64, input: AdjustmentInput) -> Reply<GrantYearDetail> {
    Ok(state.lock()?.books()?.budget_adjust(id, &input)?)
}

#[tauri::command]
pub async fn home_overview(state: State<'_, AppState>) -> Reply<HomeOverview> {
    Ok(state.lock()?.books()?.home_overview()?)
}
