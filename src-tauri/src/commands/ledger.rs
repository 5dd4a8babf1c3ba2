//! Commands of the 记账 area: vouchers, attachments, month-end close and the reports. Attachment
//! bytes travel as a raw IPC body (not a JSON array of numbers) both ways, so a 10 MB scan costs
//! 10 MB, and the file name comes in a percent-encoded header.

use shelian_core::ErrorPayload;
use shelian_core::books::ledger::{MonthsView, SpendOption, StoredFile, Voucher, VoucherPage, VoucherQuery};
use shelian_core::books::reports::{ActivityStatement, BudgetExecution, FundsReport, LedgerFilter, LedgerReport};
use shelian_core::domain::ledger::{AttachmentRef, ExpenseInput, ReversalInput};
use shelian_core::store::ledger::Chart;
use tauri::State;
use tauri::ipc::{Request, Response};

use crate::exports::{SavedFile, save_export};
use crate::session::AppState;

type Reply<T> = Result<T, ErrorPayload>;

/// The chart a grant year keeps its books in, or without a year the one in force today.
#[tauri::command]
pub async fn chart_get(state: State<'_, AppState>, grant_year_id: Option<i64>) -> Reply<Chart> {
    let mut session = state.lock()?;
    let books = session.books()?;
    Ok(match grant_year_id {
        Some(id) => books.chart_of_year(id)?,
        None => books.chart()?,
    })
}

#[tauri::command]
pub async fn vouchers_list(state: State<'_, AppState>, query: VoucherQuery) -> Reply<VoucherPage> {
    Ok(state.lock()?.books()?.vouchers(&query)?)
}

#[tauri::command]
pub async fn voucher_get(state: State<'_, AppState>, id: i64) -> Reply<Voucher> {
    Ok(state.lock()?.books()?.voucher_get(id)?)
}

#[tauri::command]
pub async fn expense_post(state: State<'_, AppState>, input: ExpenseInput) -> Reply<Voucher> {
    Ok(state.lock()?.books()?.expense_post(&input)?)
}

#[tauri::command]
pub async fn voucher_reverse(state: State<'_, AppState>, input: ReversalInput) -> Reply<Voucher> {
    Ok(state.lock()?.books()?.voucher_reverse(&input)?)
}

#[tauri::command]
pub async fn voucher_attach(
    state: State<'_, AppState>,
    voucher_id: i64,
    attachments: Vec<AttachmentRef>,
) -> Reply<Voucher> {
    Ok(state.lock()?.books()?.voucher_attach(voucher_id, &attachments)?)
}

/// Stores one file (raw body; name in `x-file-name`, percent-encoded) in the data folder.
#[tauri::command]
pub async fn attachment_store(state: State<'_, AppState>, request: Request<'_>) -> Reply<StoredFile> {
    let (name, bytes) = super::raw_file(&request, "附件数据格式不对，请重新选择文件")?;
    Ok(state.lock()?.books()?.attachment_store(&name, bytes)?)
}

/// The bytes of an attachment, as an ArrayBuffer in the window.
#[tauri::command]
pub async fn attachment_read(state: State<'_, AppState>, sha256: String) -> Reply<Response> {
    let (_, bytes) = state.lock()?.books()?.attachment_read(&sha256)?;
    Ok(Response::new(bytes))
}

#[tauri::command]
pub async fn spend_options(state: State<'_, AppState>, grant_year_id: i64) -> Reply<Vec<SpendOption>> {
    Ok(state.lock()?.books()?.spend_options(grant_year_id)?)
}

#[tauri::command]
pub async fn months_list(state: State<'_, AppState>, grant_year_id: i64) -> Reply<MonthsView> {
    Ok(state.lock()?.books()?.months(grant_year_id)?)
}

#[tauri::command]
pub async fn month_close(state: State<'_, AppState>, month: String) -> Reply<()> {
    Ok(state.lock()?.books()?.month_close(&month)?)
}

#[tauri::command]
pub async fn month_reopen(state: State<'_, AppState>, month: String, reason: String) -> Reply<()> {
    Ok(state.lock()?.books()?.month_reopen(&month, &reason)?)
}

#[tauri::command]
pub async fn report_budget_execution(state: State<'_, AppState>, grant_year_id: i64) -> Reply<BudgetExecution> {
    Ok(state.lock()?.books()?.report_budget_execution(grant_year_id)?)
}

#[tauri::command]
pub async fn report_ledger(state: State<'_, AppState>, filter: LedgerFilter) -> Reply<LedgerReport> {
    Ok(state.lock()?.books()?.report_ledger(&filter)?)
}

#[tauri::command]
pub async fn report_funds(state: State<'_, AppState>, grant_year_id: i64) -> Reply<FundsReport> {
    Ok(state.lock()?.books()?.report_funds(grant_year_id)?)
}

#[tauri::command]
pub async fn report_activities(state: State<'_, AppState>, grant_year_id: i64) -> Reply<ActivityStatement> {
    Ok(state.lock()?.books()?.report_activities(grant_year_id)?)
}

#[tauri::command]
pub async fn reports_export(app: tauri::AppHandle, state: State<'_, AppState>, grant_year_id: i64) -> Reply<SavedFile> {
    let (bytes, name) = {
        let mut session = state.lock()?;
        let books = session.books()?;
        let year = books.grant_year(grant_year_id)?.grant.year;
        (books.reports_xlsx(grant_year_id)?, format!("grant-{year}-reports-{}.xlsx", books.today().format("%Y%m%d")))
    };
    save_export(&app, &name, &bytes)
}
