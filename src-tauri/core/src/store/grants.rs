//! SQL for policy profiles, budget categories, grant years, receipts, budget lines and
//! adjustments. Writes take the caller's transaction and record their audit rows in it.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::Actor;
use super::audit::{self, Action};
use crate::domain::grant::{
    BudgetAmounts, CategoryCap, FundSource, GrantStatus, GrantYearActions, PolicyProfile, ValidGrantYear, ValidPolicy,
    ValidReceipt,
};
use crate::domain::money::Money;
use crate::error::{CoreError, Result};

fn bad_data(what: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(0, what.to_owned(), rusqlite::types::Type::Text)
}

// ---------------------------------------------------------------------------------------------
// Policy profiles

fn policy_from_row(r: &Row<'_>) -> rusqlite::Result<PolicyProfile> {
    let ratio: String = r.get(5)?;
    Ok(PolicyProfile {
        id: r.get(0)?,
        name: r.get(1)?,
        effective_from: r.get(2)?,
        city_min: r.get(3)?,
        city_max: r.get(4)?,
        match_ratio: ratio.parse::<Decimal>().map_err(|_| bad_data("match_ratio"))?,
        max_years: r.get(6)?,
        consecutive: r.get(7)?,
        arrears_warn_days: r.get(8)?,
        caps_enabled: r.get(9)?,
        caps: Vec::new(),
    })
}

const POLICY_COLUMNS: &str =
    "id, name, effective_from, city_min_fen, city_max_fen, match_ratio, max_years, consecutive,
     arrears_warn_days, caps_enabled";

fn with_caps(conn: &Connection, mut p: PolicyProfile) -> Result<PolicyProfile> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.category_code, c.max_percent FROM policy_cap c JOIN budget_category b ON b.code = c.category_code
         WHERE c.policy_id = ?1 ORDER BY b.sort_order",
    )?;
    p.caps = stmt
        .query_map([p.id], |r| Ok(CategoryCap { category: r.get(0)?, max_percent: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(p)
}

pub fn policy(conn: &Connection, id: i64) -> Result<PolicyProfile> {
    let p = conn
        .prepare_cached(&format!("SELECT {POLICY_COLUMNS} FROM policy_profile WHERE id = ?1"))?
        .query_row([id], policy_from_row)
        .optional()?
        .ok_or(CoreError::NotFound { what: "政策参数" })?;
    with_caps(conn, p)
}

/// The profile in force on `on`: the newest version whose effective date is not after it (or the
/// oldest one, for a date before every version).
pub fn policy_in_force(conn: &Connection, on: NaiveDate) -> Result<PolicyProfile> {
    let id: i64 = conn
        .prepare_cached(
            "SELECT id FROM policy_profile ORDER BY (effective_from <= ?1) DESC,
                 CASE WHEN effective_from <= ?1 THEN effective_from END DESC, effective_from ASC, id DESC LIMIT 1",
        )?
        .query_row([on], |r| r.get(0))?;
    policy(conn, id)
}

pub fn policy_history(conn: &Connection) -> Result<Vec<PolicyProfile>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {POLICY_COLUMNS} FROM policy_profile ORDER BY effective_from DESC, id DESC"
    ))?;
    let list: Vec<PolicyProfile> = stmt.query_map([], policy_from_row)?.collect::<rusqlite::Result<_>>()?;
    list.into_iter().map(|p| with_caps(conn, p)).collect()
}

pub fn policy_insert(tx: &Transaction<'_>, actor: &Actor, v: &ValidPolicy) -> Result<PolicyProfile> {
    tx.prepare_cached(
        "INSERT INTO policy_profile (name, effective_from, city_min_fen, city_max_fen, match_ratio, max_years, consecutive,
             arrears_warn_days, caps_enabled, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?
    .execute(params![
        v.name,
        v.effective_from,
        v.city_min,
        v.city_max,
        v.match_ratio.to_string(),
        v.max_years,
        v.consecutive,
        v.arrears_warn_days,
        v.caps_enabled,
        actor.timestamp()
    ])?;
    let id = tx.last_insert_rowid();
    for cap in &v.caps {
        tx.prepare_cached("INSERT INTO policy_cap (policy_id, category_code, max_percent) VALUES (?1, ?2, ?3)")?
            .execute(params![id, cap.category, cap.max_percent])?;
    }
    let after = policy(tx, id)?;
    audit::record(tx, actor, "policy_profile", &id.to_string(), Action::Create, None, Some(&after))?;
    Ok(after)
}

// ---------------------------------------------------------------------------------------------
// Budget categories

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BudgetCategory {
    pub code: String,
    pub name: String,
    #[ts(type = "number")]
    pub sort_order: i64,
    /// Used by a budget line or a cap: it cannot be deleted.
    pub in_use: bool,
}

pub fn categories(conn: &Connection) -> Result<Vec<BudgetCategory>> {
    let mut stmt = conn.prepare_cached(
        "SELECT code, name, sort_order,
             EXISTS (SELECT 1 FROM budget_line l WHERE l.category_code = c.code)
             OR EXISTS (SELECT 1 FROM policy_cap p WHERE p.category_code = c.code)
             OR EXISTS (SELECT 1 FROM budget_adjustment_line a WHERE a.category_code = c.code)
         FROM budget_category c ORDER BY sort_order, code",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(BudgetCategory { code: r.get(0)?, name: r.get(1)?, sort_order: r.get(2)?, in_use: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// (code, name) pairs, for validation messages.
pub fn category_names(conn: &Connection) -> Result<Vec<(String, String)>> {
    Ok(categories(conn)?.into_iter().map(|c| (c.code, c.name)).collect())
}

fn category_name_taken(conn: &Connection, name: &str, except: Option<&str>) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM budget_category WHERE name = ?1 AND code IS NOT ?2")?
        .exists(params![name, except])?)
}

pub fn category_add(tx: &Transaction<'_>, actor: &Actor, name: &str) -> Result<BudgetCategory> {
    if category_name_taken(tx, name, None)? {
        return Err(CoreError::field("name", format!("预算科目“{name}”已经存在")));
    }
    let next: i64 = tx.query_row("SELECT coalesce(max(sort_order), 0) + 1 FROM budget_category", [], |r| r.get(0))?;
    let code = format!("custom-{next}");
    tx.prepare_cached("INSERT INTO budget_category (code, name, sort_order) VALUES (?1, ?2, ?3)")?
        .execute(params![code, name, next])?;
    let after = BudgetCategory { code: code.clone(), name: name.to_owned(), sort_order: next, in_use: false };
    audit::record(tx, actor, "budget_category", &code, Action::Create, None, Some(&after))?;
    Ok(after)
}

pub fn category_rename(tx: &Transaction<'_>, actor: &Actor, code: &str, name: &str) -> Result<()> {
    let before =
        categories(tx)?.into_iter().find(|c| c.code == code).ok_or(CoreError::NotFound { what: "预算科目" })?;
    if category_name_taken(tx, name, Some(code))? {
        return Err(CoreError::field("name", format!("预算科目“{name}”已经存在")));
    }
    tx.prepare_cached("UPDATE budget_category SET name = ?2 WHERE code = ?1")?.execute(params![code, name])?;
    let after = BudgetCategory { name: name.to_owned(), ..before.clone() };
    audit::record(tx, actor, "budget_category", code, Action::Update, Some(&before), Some(&after))
}

pub fn category_delete(tx: &Transaction<'_>, actor: &Actor, code: &str) -> Result<()> {
    let before =
        categories(tx)?.into_iter().find(|c| c.code == code).ok_or(CoreError::NotFound { what: "预算科目" })?;
    if before.in_use {
        return Err(CoreError::field(
            "code",
            format!("预算科目“{}”已在年度预算或科目上限中使用，不能删除；可以改名", before.name),
        ));
    }
    tx.prepare_cached("DELETE FROM budget_category WHERE code = ?1")?.execute([code])?;
    audit::record(tx, actor, "budget_category", code, Action::Delete, Some(&before), None)
}

// ---------------------------------------------------------------------------------------------
// Grant years

/// A grant year as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GrantYear {
    #[ts(type = "number")]
    pub id: i64,
    pub year: i32,
    /// 第几年 (1-based).
    pub sequence: u32,
    #[ts(type = "number")]
    pub policy_id: i64,
    pub city_amount: Money,
    /// R-MATCH: computed from the city amount under the year's policy, never typed.
    pub district_amount: Money,
    pub status: GrantStatus,
    pub approval_doc_no: String,
    pub approval_date: Option<NaiveDate>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// What its status lets a person do now (derived, never stored).
    pub actions: GrantYearActions,
}

const GRANT_COLUMNS: &str = "id, year, sequence, policy_id, city_fen, district_fen, status, approval_doc_no,
     approval_date, period_start, period_end";

fn grant_from_row(r: &Row<'_>) -> rusqlite::Result<GrantYear> {
    let status = GrantStatus::from_db(&r.get::<_, String>(6)?).ok_or_else(|| bad_data("status"))?;
    let year = r.get(1)?;
    Ok(GrantYear {
        id: r.get(0)?,
        year,
        sequence: r.get(2)?,
        policy_id: r.get(3)?,
        city_amount: r.get(4)?,
        district_amount: r.get(5)?,
        status,
        approval_doc_no: r.get(7)?,
        approval_date: r.get(8)?,
        period_start: r.get(9)?,
        period_end: r.get(10)?,
        actions: GrantYearActions::of(year, status),
    })
}

pub fn grant_year(conn: &Connection, id: i64) -> Result<GrantYear> {
    conn.prepare_cached(&format!("SELECT {GRANT_COLUMNS} FROM grant_year WHERE id = ?1"))?
        .query_row([id], grant_from_row)
        .optional()?
        .ok_or(CoreError::NotFound { what: "该年度资助" })
}

pub fn grant_years(conn: &Connection) -> Result<Vec<GrantYear>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {GRANT_COLUMNS} FROM grant_year ORDER BY year"))?;
    Ok(stmt.query_map([], grant_from_row)?.collect::<rusqlite::Result<_>>()?)
}

pub fn grant_year_insert(
    tx: &Transaction<'_>,
    actor: &Actor,
    v: &ValidGrantYear,
    sequence: u32,
    policy: &PolicyProfile,
) -> Result<GrantYear> {
    let district = policy.district_amount(v.city);
    tx.prepare_cached(
        "INSERT INTO grant_year (year, sequence, policy_id, city_fen, district_fen, status, period_start, period_end,
             created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'applying', ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        v.year,
        sequence,
        policy.id,
        v.city,
        district,
        v.period_start,
        v.period_end,
        actor.timestamp()
    ])?;
    let after = grant_year(tx, tx.last_insert_rowid())?;
    audit::record(tx, actor, "grant_year", &after.id.to_string(), Action::Create, None, Some(&after))?;
    Ok(after)
}

/// Replaces amount and period of a year still being applied for.
pub fn grant_year_update(
    tx: &Transaction<'_>,
    actor: &Actor,
    before: &GrantYear,
    v: &ValidGrantYear,
    policy: &PolicyProfile,
) -> Result<GrantYear> {
    tx.prepare_cached(
        "UPDATE grant_year SET city_fen = ?2, district_fen = ?3, period_start = ?4, period_end = ?5, updated_at = ?6
         WHERE id = ?1",
    )?
    .execute(params![
        before.id,
        v.city,
        policy.district_amount(v.city),
        v.period_start,
        v.period_end,
        actor.timestamp()
    ])?;
    let after = grant_year(tx, before.id)?;
    audit::record(tx, actor, "grant_year", &before.id.to_string(), Action::Update, Some(before), Some(&after))?;
    Ok(after)
}

pub fn grant_year_approve(
    tx: &Transaction<'_>,
    actor: &Actor,
    before: &GrantYear,
    doc_no: &str,
    date: NaiveDate,
) -> Result<GrantYear> {
    tx.prepare_cached(
        "UPDATE grant_year SET status = 'approved', approval_doc_no = ?2, approval_date = ?3, updated_at = ?4 WHERE id = ?1",
    )?
    .execute(params![before.id, doc_no, date, actor.timestamp()])?;
    let after = grant_year(tx, before.id)?;
    audit::record(tx, actor, "grant_year", &before.id.to_string(), Action::Transition, Some(before), Some(&after))?;
    Ok(after)
}

pub fn grant_year_set_status(
    tx: &Transaction<'_>,
    actor: &Actor,
    before: &GrantYear,
    status: GrantStatus,
) -> Result<GrantYear> {
    tx.prepare_cached("UPDATE grant_year SET status = ?2, updated_at = ?3 WHERE id = ?1")?.execute(params![
        before.id,
        status.as_str(),
        actor.timestamp()
    ])?;
    let after = grant_year(tx, before.id)?;
    audit::record(tx, actor, "grant_year", &before.id.to_string(), Action::Transition, Some(before), Some(&after))?;
    Ok(after)
}

// ---------------------------------------------------------------------------------------------
// Receipts

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Receipt {
    #[ts(type = "number")]
    pub id: i64,
    pub source: FundSource,
    pub date: NaiveDate,
    pub amount: Money,
    pub bank_ref: String,
    pub note: String,
}

pub fn receipts(conn: &Connection, grant_year_id: i64) -> Result<Vec<Receipt>> {
    let mut stmt = conn.prepare_cached(
        "SELECT r.id, r.source, r.received_on, r.amount_fen, r.bank_ref, r.note FROM fund_receipt r
         WHERE r.grant_year_id = ?1
           AND NOT EXISTS (SELECT 1 FROM voucher v JOIN voucher rv ON rv.reverses_id = v.id
                           WHERE v.receipt_id = r.id)
         ORDER BY r.received_on, r.id",
    )?;
    let rows = stmt.query_map([grant_year_id], |r| {
        let source: String = r.get(1)?;
        Ok(Receipt {
            id: r.get(0)?,
            source: FundSource::from_db(&source).ok_or_else(|| bad_data("source"))?,
            date: r.get(2)?,
            amount: r.get(3)?,
            bank_ref: r.get(4)?,
            note: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn receipt_insert(tx: &Transaction<'_>, actor: &Actor, grant_year_id: i64, v: &ValidReceipt) -> Result<Receipt> {
    tx.prepare_cached(
        "INSERT INTO fund_receipt (grant_year_id, source, received_on, amount_fen, bank_ref, note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![
        grant_year_id,
        v.source.as_str(),
        v.date,
        v.amount,
        v.bank_ref,
        v.note,
        actor.timestamp()
    ])?;
    let id = tx.last_insert_rowid();
    let after = Receipt {
        id,
        source: v.source,
        date: v.date,
        amount: v.amount,
        bank_ref: v.bank_ref.clone(),
        note: v.note.clone(),
    };
    audit::record(tx, actor, "fund_receipt", &id.to_string(), Action::Create, None, Some(&after))?;
    Ok(after)
}

// ---------------------------------------------------------------------------------------------
// Budget lines and adjustments

pub fn budget_lines(conn: &Connection, grant_year_id: i64) -> Result<Vec<BudgetAmounts>> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.code,
             coalesce((SELECT amount_fen FROM budget_line WHERE grant_year_id = ?1 AND category_code = c.code AND source = 'city'), 0),
             coalesce((SELECT amount_fen FROM budget_line WHERE grant_year_id = ?1 AND category_code = c.code AND source = 'district'), 0)
         FROM budget_category c
         WHERE EXISTS (SELECT 1 FROM budget_line WHERE grant_year_id = ?1 AND category_code = c.code)
         ORDER BY c.sort_order, c.code",
    )?;
    let rows = stmt.query_map([grant_year_id], |r| {
        Ok(BudgetAmounts { category: r.get(0)?, city: r.get(1)?, district: r.get(2)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[derive(Serialize)]
struct BudgetSnapshot<'a> {
    lines: Vec<(&'a str, String, String)>,
}

fn snapshot(lines: &[BudgetAmounts]) -> BudgetSnapshot<'_> {
    BudgetSnapshot {
        lines: lines.iter().map(|l| (l.category.as_str(), l.city.to_string(), l.district.to_string())).collect(),
    }
}

fn write_lines(tx: &Transaction<'_>, grant_year_id: i64, lines: &[BudgetAmounts]) -> Result<()> {
    tx.prepare_cached("DELETE FROM budget_line WHERE grant_year_id = ?1")?.execute([grant_year_id])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO budget_line (grant_year_id, category_code, source, amount_fen) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for line in lines {
        for source in FundSource::ALL {
            insert.execute(params![grant_year_id, line.category, source.as_str(), line.get(source)])?;
        }
    }
    Ok(())
}

/// Replaces the whole budget of a year that has not started executing.
pub fn budget_replace(tx: &Transaction<'_>, actor: &Actor, grant_year_id: i64, lines: &[BudgetAmounts]) -> Result<()> {
    let before = budget_lines(tx, grant_year_id)?;
    write_lines(tx, grant_year_id, lines)?;
    let after = budget_lines(tx, grant_year_id)?;
    audit::record(
        tx,
        actor,
        "budget",
        &grant_year_id.to_string(),
        Action::Update,
        Some(&snapshot(&before)),
        Some(&snapshot(&after)),
    )
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Adjustment {
    #[ts(type = "number")]
    pub id: i64,
    pub date: NaiveDate,
    pub reason: String,
    pub operator: String,
    pub at: String,
    pub changes: Vec<AdjustmentChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AdjustmentChange {
    pub category: String,
    pub category_name: String,
    pub source: FundSource,
    pub before: Money,
    pub after: Money,
}

/// Records an adjustment: the new lines replace the old, and every changed amount is kept.
pub fn budget_adjust(
    tx: &Transaction<'_>,
    actor: &Actor,
    grant_year_id: i64,
    date: NaiveDate,
    reason: &str,
    lines: &[BudgetAmounts],
) -> Result<Adjustment> {
    let before = budget_lines(tx, grant_year_id)?;
    tx.prepare_cached(
        "INSERT INTO budget_adjustment (grant_year_id, adjusted_on, reason, operator, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![grant_year_id, date, reason, actor.operator, actor.timestamp()])?;
    let id = tx.last_insert_rowid();
    let old =
        |cat: &str, s: FundSource| before.iter().find(|l| l.category == cat).map(|l| l.get(s)).unwrap_or(Money::ZERO);
    let mut insert = tx.prepare_cached(
        "INSERT INTO budget_adjustment_line (adjustment_id, category_code, source, before_fen, after_fen)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut categories_touched: Vec<&str> = lines.iter().map(|l| l.category.as_str()).collect();
    categories_touched.extend(before.iter().map(|l| l.category.as_str()));
    categories_touched.sort();
    categories_touched.dedup();
    for cat in categories_touched {
        for source in FundSource::ALL {
            let new = lines.iter().find(|l| l.category == cat).map(|l| l.get(source)).unwrap_or(Money::ZERO);
            let was = old(cat, source);
            if new != was {
                insert.execute(params![id, cat, source.as_str(), was, new])?;
            }
        }
    }
    drop(insert);
    write_lines(tx, grant_year_id, lines)?;
    let adjustment = adjustments(tx, grant_year_id)?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(CoreError::NotFound { what: "预算调整" })?;
    audit::record_change(
        tx,
        actor,
        "budget_adjustment",
        &id.to_string(),
        Action::Adjust,
        Some(&snapshot(&before)),
        Some(&adjustment),
    )?;
    Ok(adjustment)
}

pub fn adjustments(conn: &Connection, grant_year_id: i64) -> Result<Vec<Adjustment>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, adjusted_on, reason, operator, created_at FROM budget_adjustment
         WHERE grant_year_id = ?1 ORDER BY adjusted_on, id",
    )?;
    let mut list: Vec<Adjustment> = stmt
        .query_map([grant_year_id], |r| {
            Ok(Adjustment {
                id: r.get(0)?,
                date: r.get(1)?,
                reason: r.get(2)?,
                operator: r.get(3)?,
                at: r.get(4)?,
                changes: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut lines = conn.prepare_cached(
        "SELECT l.category_code, c.name, l.source, l.before_fen, l.after_fen
         FROM budget_adjustment_line l JOIN budget_category c ON c.code = l.category_code
         WHERE l.adjustment_id = ?1 ORDER BY c.sort_order, l.source",
    )?;
    for adj in &mut list {
        adj.changes = lines
            .query_map([adj.id], |r| {
                let source: String = r.get(2)?;
                Ok(AdjustmentChange {
                    category: r.get(0)?,
                    category_name: r.get(1)?,
                    source: FundSource::from_db(&source).ok_or_else(|| bad_data("source"))?,
                    before: r.get(3)?,
                    after: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(list)
}
