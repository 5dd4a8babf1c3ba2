//! The ledger's SQL: the chart in use, vouchers and their lines, positions for R-SPEND, closed
//! months and attachment rows. Vouchers are only ever inserted (triggers refuse the rest), numbers
//! are taken inside the posting transaction, and every insert writes its audit row in that same
//! transaction.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::Actor;
use super::audit::{self, Action};
use crate::domain::grant::FundSource;
use crate::domain::ledger::{self, Accounts, AttachmentRef, ChartSpan, Month, PaymentMethod, PostingLine, Role};
use crate::domain::money::Money;
use crate::error::{CoreError, Result};

fn bad_data(what: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(0, what.to_owned(), rusqlite::types::Type::Text)
}

// ---------------------------------------------------------------------------------------------
// Chart of accounts

/// One account of a chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Account {
    pub code: String,
    pub name: String,
    /// asset, liability, net_assets, revenue, expense
    pub kind: String,
    /// Where this account's code and name were taken from.
    pub source: String,
}

/// One chart version with where its codes come from (科目表版本).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Chart {
    pub code: String,
    pub name: String,
    pub source: String,
    pub effective_from: NaiveDate,
    pub note: String,
    pub accounts: Vec<Account>,
    /// Account codes the app posts to, by role, as `(role, code)`.
    pub roles: Vec<(String, String)>,
}

/// Every chart version's code and effective date, oldest first: what `ledger::chart_on` picks from.
pub fn chart_spans(conn: &Connection) -> Result<Vec<ChartSpan>> {
    Ok(conn
        .prepare_cached("SELECT code, effective_from FROM chart_version ORDER BY effective_from")?
        .query_map([], |r| Ok(ChartSpan { code: r.get(0)?, effective_from: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?)
}

/// One chart version with its accounts and roles.
pub fn chart(conn: &Connection, code: &str) -> Result<Chart> {
    let (code, name, source, effective_from, note): (String, String, String, NaiveDate, String) = conn
        .query_row("SELECT code, name, source, effective_from, note FROM chart_version WHERE code = ?1", [code], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .optional()?
        .ok_or(CoreError::NotFound { what: "科目表版本" })?;
    let accounts = conn
        .prepare_cached("SELECT code, name, kind, source FROM account WHERE chart = ?1 ORDER BY sort_order")?
        .query_map([&code], |r| Ok(Account { code: r.get(0)?, name: r.get(1)?, kind: r.get(2)?, source: r.get(3)? }))?
        .collect::<rusqlite::Result<_>>()?;
    let roles = conn
        .prepare_cached("SELECT role, account_code FROM account_role WHERE chart = ?1 ORDER BY role")?
        .query_map([&code], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Chart { code, name, source, effective_from, note, accounts, roles })
}

/// The chart in force on a date (a voucher's, or the first day of a grant year's period).
pub fn chart_code_on(conn: &Connection, date: NaiveDate) -> Result<String> {
    Ok(ledger::chart_on(&chart_spans(conn)?, date).to_owned())
}

/// The chart a grant year keeps its books in: the chart of its vouchers once it has any (every
/// voucher of a year is posted under the year's chart, and a year begun before a chart was added
/// stays on the one it was begun in), else the one in force on its execution period, which never
/// spans a change of chart (R-CHART) and is therefore the chart of every date in it.
pub fn chart_code_of_year(conn: &Connection, grant_year_id: i64) -> Result<String> {
    let posted: Option<String> = conn
        // Every voucher of a grant year is on one chart (this function chose it for each posting
        // after the first), so the first in book order answers as well as the first posted, and
        // is read off the `voucher_grant` index: ordering by id sorted the whole year's vouchers
        // on every posting and every report (3 ms at 20,000 vouchers, issue 16).
        .prepare_cached("SELECT chart FROM voucher WHERE grant_year_id = ?1 ORDER BY voucher_date, year, seq LIMIT 1")?
        .query_row([grant_year_id], |r| r.get(0))
        .optional()?;
    if let Some(chart) = posted {
        return Ok(chart);
    }
    let start: NaiveDate = conn
        .query_row("SELECT period_start FROM grant_year WHERE id = ?1", [grant_year_id], |r| r.get(0))
        .optional()?
        .ok_or(CoreError::NotFound { what: "年度资助" })?;
    chart_code_on(conn, start)
}

/// The role → account mapping of one chart.
pub fn accounts(conn: &Connection, chart_code: &str) -> Result<Accounts> {
    let roles = conn
        .prepare_cached("SELECT role, account_code FROM account_role WHERE chart = ?1")?
        .query_map([chart_code], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter_map(|(r, code)| Role::from_db(&r).map(|role| (role, code)))
        .collect();
    Ok(Accounts { chart: chart_code.to_owned(), roles })
}

/// The role → account mapping of the chart a grant year keeps its books in.
pub fn accounts_of_year(conn: &Connection, grant_year_id: i64) -> Result<Accounts> {
    accounts(conn, &chart_code_of_year(conn, grant_year_id)?)
}

/// Account code → name, for every chart (old vouchers keep the chart they were posted under).
pub fn account_names(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    Ok(conn
        .prepare_cached("SELECT chart, code, name FROM account")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn category_expense_role(conn: &Connection, category: &str) -> Result<Role> {
    let role: Option<String> = conn
        .query_row("SELECT expense_role FROM budget_category WHERE code = ?1", [category], |r| r.get(0))
        .optional()?;
    role.and_then(|r| Role::from_db(&r)).ok_or(CoreError::NotFound { what: "预算科目" })
}

// ---------------------------------------------------------------------------------------------
// Vouchers

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum VoucherKind {
    /// 到账
    Receipt,
    /// 支出
    Expense,
    /// 冲销
    Reversal,
}

impl VoucherKind {
    pub const ALL: [VoucherKind; 3] = [VoucherKind::Receipt, VoucherKind::Expense, VoucherKind::Reversal];

    pub fn label(self) -> &'static str {
        match self {
            VoucherKind::Receipt => "到账",
            VoucherKind::Expense => "支出",
            VoucherKind::Reversal => "冲销",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            VoucherKind::Receipt => "receipt",
            VoucherKind::Expense => "expense",
            VoucherKind::Reversal => "reversal",
        }
    }

    fn from_db(s: &str) -> Option<VoucherKind> {
        match s {
            "receipt" => Some(VoucherKind::Receipt),
            "expense" => Some(VoucherKind::Expense),
            "reversal" => Some(VoucherKind::Reversal),
            _ => None,
        }
    }
}

/// A voucher about to be posted.
#[derive(Debug, Clone)]
pub struct NewVoucher<'a> {
    pub date: NaiveDate,
    pub kind: VoucherKind,
    pub summary: &'a str,
    pub grant_year_id: i64,
    pub receipt_id: Option<i64>,
    pub reverses_id: Option<i64>,
    pub payee: &'a str,
    pub method: PaymentMethod,
    pub chart: &'a str,
    /// The service project a payment goes to (R-PROJECT).
    pub project_id: Option<i64>,
    pub lines: &'a [PostingLine],
}

/// A voucher's header as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoucherRow {
    pub id: i64,
    pub year: i32,
    pub seq: i64,
    pub date: NaiveDate,
    pub kind: VoucherKind,
    pub summary: String,
    pub grant_year_id: i64,
    pub receipt_id: Option<i64>,
    pub reverses_id: Option<i64>,
    pub payee: String,
    pub method: PaymentMethod,
    pub chart: String,
    pub operator: String,
    pub created_at: String,
    pub project_id: Option<i64>,
}

const VOUCHER_COLUMNS: &str = "id, year, seq, voucher_date, kind, summary, grant_year_id, receipt_id, reverses_id, \
                               payee, payment_method, chart, operator, created_at, project_id";

fn voucher_from_row(r: &Row<'_>) -> rusqlite::Result<VoucherRow> {
    let kind: String = r.get(4)?;
    let method: String = r.get(10)?;
    Ok(VoucherRow {
        id: r.get(0)?,
        year: r.get(1)?,
        seq: r.get(2)?,
        date: r.get(3)?,
        kind: VoucherKind::from_db(&kind).ok_or_else(|| bad_data("kind"))?,
        summary: r.get(5)?,
        grant_year_id: r.get(6)?,
        receipt_id: r.get(7)?,
        reverses_id: r.get(8)?,
        payee: r.get(9)?,
        method: PaymentMethod::from_db(&method).ok_or_else(|| bad_data("payment_method"))?,
        chart: r.get(11)?,
        operator: r.get(12)?,
        created_at: r.get(13)?,
        project_id: r.get(14)?,
    })
}

#[derive(Serialize)]
struct PostedVoucher<'a> {
    number: String,
    #[serde(flatten)]
    header: &'a VoucherRow,
    lines: &'a [PostingLine],
}

/// Posts a voucher: takes the next number of its calendar year, writes header, lines and the audit
/// row. The caller has checked that the lines balance and every rule holds.
pub fn voucher_insert(tx: &Transaction<'_>, actor: &Actor, v: &NewVoucher<'_>) -> Result<VoucherRow> {
    debug_assert!(crate::domain::ledger::balanced(v.lines));
    let year = chrono::Datelike::year(&v.date);
    let seq: i64 =
        tx.query_row("SELECT COALESCE(MAX(seq), 0) + 1 FROM voucher WHERE year = ?1", [year], |r| r.get(0))?;
    tx.prepare_cached(
        "INSERT INTO voucher (year, seq, voucher_date, kind, summary, grant_year_id, receipt_id, reverses_id,
                              payee, payment_method, chart, operator, created_at, project_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        year,
        seq,
        v.date,
        v.kind.as_str(),
        v.summary,
        v.grant_year_id,
        v.receipt_id,
        v.reverses_id,
        v.payee,
        v.method.as_str(),
        v.chart,
        actor.operator,
        actor.timestamp(),
        v.project_id
    ])?;
    let id = tx.last_insert_rowid();
    let mut stmt = tx.prepare_cached(
        "INSERT INTO voucher_line (voucher_id, line_no, account_code, debit_fen, credit_fen, grant_year_id,
                                   source, category_code)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, l) in v.lines.iter().enumerate() {
        stmt.execute(params![
            id,
            i as i64 + 1,
            l.account_code,
            l.debit,
            l.credit,
            v.grant_year_id,
            l.source.as_str(),
            l.category
        ])?;
    }
    let row = VoucherRow {
        id,
        year,
        seq,
        date: v.date,
        kind: v.kind,
        summary: v.summary.to_owned(),
        grant_year_id: v.grant_year_id,
        receipt_id: v.receipt_id,
        reverses_id: v.reverses_id,
        payee: v.payee.to_owned(),
        method: v.method,
        chart: v.chart.to_owned(),
        operator: actor.operator.clone(),
        created_at: actor.timestamp(),
        project_id: v.project_id,
    };
    let after =
        PostedVoucher { number: crate::domain::ledger::voucher_number(year, seq), header: &row, lines: v.lines };
    let action = if v.kind == VoucherKind::Reversal { Action::Reverse } else { Action::Post };
    audit::record(tx, actor, "voucher", &id.to_string(), action, None, Some(&after))?;
    Ok(row)
}

pub fn voucher(conn: &Connection, id: i64) -> Result<VoucherRow> {
    conn.query_row(&format!("SELECT {VOUCHER_COLUMNS} FROM voucher WHERE id = ?1"), [id], voucher_from_row)
        .optional()?
        .ok_or(CoreError::NotFound { what: "凭证" })
}

/// The voucher that reverses `id`, if any.
pub fn reversal_of(conn: &Connection, id: i64) -> Result<Option<VoucherRow>> {
    Ok(conn
        .query_row(&format!("SELECT {VOUCHER_COLUMNS} FROM voucher WHERE reverses_id = ?1"), [id], voucher_from_row)
        .optional()?)
}

pub fn voucher_by_receipt(conn: &Connection, receipt_id: i64) -> Result<Option<VoucherRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {VOUCHER_COLUMNS} FROM voucher WHERE receipt_id = ?1"),
            [receipt_id],
            voucher_from_row,
        )
        .optional()?)
}

/// A grant year's vouchers, in date and number order (newest first when asked: the window lists
/// the latest entries on its first page); `month` narrows to one month.
pub fn vouchers(
    conn: &Connection,
    grant_year_id: i64,
    month: Option<Month>,
    newest_first: bool,
    limit: i64,
    offset: i64,
) -> Result<(i64, Vec<VoucherRow>)> {
    let (from, to) = match month {
        Some(m) => (m.first_day().to_string(), m.last_day().to_string()),
        None => ("0000-01-01".to_owned(), "9999-12-31".to_owned()),
    };
    let total: i64 = conn.query_row(
        "SELECT count(*) FROM voucher WHERE grant_year_id = ?1 AND voucher_date BETWEEN ?2 AND ?3",
        params![grant_year_id, from, to],
        |r| r.get(0),
    )?;
    let rows = conn
        .prepare_cached(&format!(
            "SELECT {VOUCHER_COLUMNS} FROM voucher WHERE grant_year_id = ?1 AND voucher_date BETWEEN ?2 AND ?3
             ORDER BY voucher_date {dir}, year {dir}, seq {dir} LIMIT ?4 OFFSET ?5",
            dir = if newest_first { "DESC" } else { "ASC" }
        ))?
        .query_map(params![grant_year_id, from, to, limit, offset], voucher_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok((total, rows))
}

/// How many vouchers a grant year's books hold, reversals included (as `vouchers` counts them).
pub fn voucher_count(conn: &Connection, grant_year_id: i64) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM voucher WHERE grant_year_id = ?1", [grant_year_id], |r| r.get(0))?)
}

/// The vouchers naming a service project (payments and their reversals), in book order.
pub fn vouchers_of_project(conn: &Connection, project_id: i64) -> Result<Vec<VoucherRow>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {VOUCHER_COLUMNS} FROM voucher WHERE project_id = ?1 ORDER BY voucher_date, year, seq"
        ))?
        .query_map([project_id], voucher_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn lines(conn: &Connection, voucher_id: i64) -> Result<Vec<PostingLine>> {
    Ok(conn
        .prepare_cached(
            "SELECT account_code, debit_fen, credit_fen, source, category_code FROM voucher_line
             WHERE voucher_id = ?1 ORDER BY line_no",
        )?
        .query_map([voucher_id], |r| {
            let source: String = r.get(3)?;
            Ok(PostingLine {
                account_code: r.get(0)?,
                debit: r.get(1)?,
                credit: r.get(2)?,
                source: FundSource::from_db(&source).ok_or_else(|| bad_data("source"))?,
                category: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Every line of a grant year with its voucher's date, number and summary, in book order: the
/// raw material of 收支明细账 and of the tie-out checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    pub voucher_id: i64,
    pub date: NaiveDate,
    pub year: i32,
    pub seq: i64,
    pub kind: VoucherKind,
    pub summary: String,
    pub line: PostingLine,
}

pub fn ledger_lines(conn: &Connection, grant_year_id: i64) -> Result<Vec<LedgerLine>> {
    Ok(conn
        .prepare_cached(
            "SELECT v.id, v.voucher_date, v.year, v.seq, v.kind, v.summary,
                    l.account_code, l.debit_fen, l.credit_fen, l.source, l.category_code
             FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
             WHERE v.grant_year_id = ?1 ORDER BY v.voucher_date, v.year, v.seq, l.line_no",
        )?
        .query_map([grant_year_id], |r| {
            let kind: String = r.get(4)?;
            let source: String = r.get(9)?;
            Ok(LedgerLine {
                voucher_id: r.get(0)?,
                date: r.get(1)?,
                year: r.get(2)?,
                seq: r.get(3)?,
                kind: VoucherKind::from_db(&kind).ok_or_else(|| bad_data("kind"))?,
                summary: r.get(5)?,
                line: PostingLine {
                    account_code: r.get(6)?,
                    debit: r.get(7)?,
                    credit: r.get(8)?,
                    source: FundSource::from_db(&source).ok_or_else(|| bad_data("source"))?,
                    category: r.get(10)?,
                },
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn in_list(codes: &[String]) -> String {
    // Account codes come from our own chart table (digits only); quoting keeps them literal.
    codes.iter().map(|c| format!("'{}'", c.replace('\'', "''"))).collect::<Vec<_>>().join(",")
}

/// Net debit of `codes` for one grant year and source: of one budget category's lines when given,
/// else of the lines that carry no category (the money side). Two statements, not one with
/// `(?3 IS NULL OR …)`, so SQLite can seek the covering index on every column.
pub fn net_debit(
    conn: &Connection,
    grant_year_id: i64,
    source: FundSource,
    category: Option<&str>,
    codes: &[String],
) -> Result<Money> {
    let category_test = if category.is_some() { "category_code = ?3" } else { "category_code IS NULL AND ?3 IS NULL" };
    let sql = format!(
        "SELECT COALESCE(SUM(debit_fen - credit_fen), 0) FROM voucher_line
         WHERE grant_year_id = ?1 AND source = ?2 AND {category_test} AND account_code IN ({})",
        in_list(codes)
    );
    Ok(conn.prepare_cached(&sql)?.query_row(params![grant_year_id, source.as_str(), category], |r| r.get(0))?)
}

/// Net debit of the expense accounts, by source and category: the spent column of 预算执行表.
pub fn spent_by_line(
    conn: &Connection,
    grant_year_id: i64,
    expense_codes: &[String],
) -> Result<Vec<(FundSource, String, Money)>> {
    let sql = format!(
        "SELECT source, category_code, SUM(debit_fen - credit_fen) FROM voucher_line
         WHERE grant_year_id = ?1 AND category_code IS NOT NULL AND account_code IN ({})
         GROUP BY source, category_code",
        in_list(expense_codes)
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_map([grant_year_id], |r| {
            let source: String = r.get(0)?;
            Ok((FundSource::from_db(&source).ok_or_else(|| bad_data("source"))?, r.get(1)?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Net debit per account for a grant year: the trial balance the reports tie out against.
pub fn balances(conn: &Connection, grant_year_id: i64) -> Result<Vec<(String, FundSource, Money)>> {
    // Grouped in the covering index's own order (source, category, account), so SQLite streams it
    // without a temporary sort; the categories are folded together here.
    let rows: Vec<(String, String, Money)> = conn
        .prepare_cached(
            "SELECT source, account_code, SUM(debit_fen - credit_fen) FROM voucher_line
             WHERE grant_year_id = ?1 GROUP BY source, category_code, account_code",
        )?
        .query_map([grant_year_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out: Vec<(String, FundSource, Money)> = Vec::new();
    for (source, account, amount) in rows {
        let source = FundSource::from_db(&source).ok_or_else(|| bad_data("source"))?;
        match out.iter_mut().find(|(a, s, _)| *a == account && *s == source) {
            Some((.., m)) => *m += amount,
            None => out.push((account, source, amount)),
        }
    }
    out.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    Ok(out)
}

/// Sum of debits and sum of credits over the whole file, and the number of vouchers that do not
/// balance (always 0; the tie-out tests and the property tests check it).
pub fn unbalanced_vouchers(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM (SELECT voucher_id FROM voucher_line GROUP BY voucher_id
                               HAVING SUM(debit_fen) <> SUM(credit_fen))",
        [],
        |r| r.get(0),
    )?)
}

// ---------------------------------------------------------------------------------------------
// Month-end close

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PeriodEvent {
    pub month: String,
    /// close or reopen
    pub action: String,
    pub reason: String,
    pub operator: String,
    pub at: String,
}

pub fn is_closed(conn: &Connection, month: Month) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM closed_month WHERE month = ?1")?
        .query_row([month.to_string()], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Closed months with who closed them and when.
pub fn closed_months(conn: &Connection) -> Result<Vec<(String, String, String)>> {
    Ok(conn
        .prepare_cached("SELECT month, closed_at, operator FROM closed_month ORDER BY month")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn period_events(conn: &Connection) -> Result<Vec<PeriodEvent>> {
    Ok(conn
        .prepare_cached("SELECT month, action, reason, operator, at FROM period_event ORDER BY id DESC")?
        .query_map([], |r| {
            Ok(PeriodEvent {
                month: r.get(0)?,
                action: r.get(1)?,
                reason: r.get(2)?,
                operator: r.get(3)?,
                at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Months (`YYYY-MM`) that hold at least one voucher, in order.
pub fn months_with_vouchers(conn: &Connection) -> Result<Vec<String>> {
    Ok(conn
        .prepare_cached("SELECT DISTINCT substr(voucher_date, 1, 7) FROM voucher ORDER BY 1")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn month_close(tx: &Transaction<'_>, actor: &Actor, month: Month) -> Result<()> {
    tx.execute(
        "INSERT INTO closed_month (month, closed_at, operator) VALUES (?1, ?2, ?3)",
        params![month.to_string(), actor.timestamp(), actor.operator],
    )?;
    tx.execute(
        "INSERT INTO period_event (month, action, reason, operator, at) VALUES (?1, 'close', '', ?2, ?3)",
        params![month.to_string(), actor.operator, actor.timestamp()],
    )?;
    let after = serde_json::json!({ "month": month.to_string(), "closed": true });
    audit::record(tx, actor, "closed_month", &month.to_string(), Action::Close, None, Some(&after))
}

pub fn month_reopen(tx: &Transaction<'_>, actor: &Actor, month: Month, reason: &str) -> Result<()> {
    tx.execute("DELETE FROM closed_month WHERE month = ?1", [month.to_string()])?;
    tx.execute(
        "INSERT INTO period_event (month, action, reason, operator, at) VALUES (?1, 'reopen', ?2, ?3, ?4)",
        params![month.to_string(), reason, actor.operator, actor.timestamp()],
    )?;
    let before = serde_json::json!({ "month": month.to_string(), "closed": true });
    let after = serde_json::json!({ "month": month.to_string(), "closed": false, "reason": reason });
    audit::record(tx, actor, "closed_month", &month.to_string(), Action::Reopen, Some(&before), Some(&after))
}

// ---------------------------------------------------------------------------------------------
// Attachments

/// A file attached to a voucher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Attachment {
    pub sha256: String,
    pub file_name: String,
    pub mime: String,
    #[ts(type = "number")]
    pub size: i64,
    pub added_at: String,
}

pub fn attachment_mime(conn: &Connection, sha256: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT mime FROM attachment WHERE sha256 = ?1", [sha256], |r| r.get(0)).optional()?)
}

pub fn attachments(conn: &Connection, voucher_id: i64) -> Result<Vec<Attachment>> {
    Ok(conn
        .prepare_cached(
            "SELECT a.sha256, va.file_name, a.mime, a.size, va.added_at
             FROM voucher_attachment va JOIN attachment a ON a.sha256 = va.sha256
             WHERE va.voucher_id = ?1 ORDER BY va.added_at, va.file_name",
        )?
        .query_map([voucher_id], |r| {
            Ok(Attachment {
                sha256: r.get(0)?,
                file_name: r.get(1)?,
                mime: r.get(2)?,
                size: r.get(3)?,
                added_at: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Links stored files to a voucher. `files` carries each file's verified size and type.
pub fn attach(
    tx: &Transaction<'_>,
    actor: &Actor,
    voucher_id: i64,
    files: &[(AttachmentRef, i64, &'static str)],
) -> Result<()> {
    for (a, size, mime) in files {
        tx.execute(
            "INSERT OR IGNORE INTO attachment (sha256, size, mime, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![a.sha256, size, mime, actor.timestamp()],
        )?;
        let added = tx.execute(
            "INSERT OR IGNORE INTO voucher_attachment (voucher_id, sha256, file_name, added_at) VALUES (?1, ?2, ?3, ?4)",
            params![voucher_id, a.sha256, a.file_name, actor.timestamp()],
        )?;
        if added == 1 {
            let after = serde_json::json!({ "voucherId": voucher_id, "sha256": a.sha256, "fileName": a.file_name });
            audit::record(
                tx,
                actor,
                "voucher_attachment",
                &voucher_id.to_string(),
                Action::Attach,
                None,
                Some(&after),
            )?;
        }
    }
    Ok(())
}

/// How many vouchers a grant year has per month (`YYYY-MM` → count).
pub fn vouchers_by_month(conn: &Connection, grant_year_id: i64) -> Result<Vec<(String, u32)>> {
    Ok(conn
        .prepare_cached("SELECT substr(voucher_date, 1, 7), count(*) FROM voucher WHERE grant_year_id = ?1 GROUP BY 1")?
        .query_map([grant_year_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}
