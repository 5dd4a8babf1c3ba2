//! The packet's own text per grant year (packet_draft, budget_note): read with the default text
//! when none was saved, and replaced whole with its audit row in the caller's transaction.

use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Actor;
use super::audit::{self, Action};
use super::grants as gsql;
use crate::error::Result;

/// The packet's own text for one grant year, as typed (paragraphs separated by blank lines).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PacketDraft {
    #[ts(type = "number")]
    pub grant_year_id: i64,
    /// 本年度工作计划.
    pub plan: String,
    /// 上年度工作情况 (a year-2 packet only).
    pub previous_summary: String,
    /// 承诺; empty means the standard text.
    pub commitment: String,
    /// 服务对象满意度目标, in percent.
    pub satisfaction_target: String,
    /// (category code, note) for the budget table's 说明 column.
    pub budget_notes: Vec<BudgetNote>,
    pub updated_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BudgetNote {
    pub category: String,
    pub note: String,
}

/// The packet's text for one grant year; the default text when none was saved yet. A storage
/// failure is that failure, never "nothing saved yet" (which would show an empty draft).
pub fn draft(conn: &Connection, grant_year_id: i64) -> Result<PacketDraft> {
    gsql::grant_year(conn, grant_year_id)?;
    let row = conn
        .query_row(
            "SELECT plan, previous_summary, commitment, satisfaction_target, updated_at FROM packet_draft
             WHERE grant_year_id = ?1",
            [grant_year_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .optional()?;
    let budget_notes = conn
        .prepare_cached("SELECT category_code, note FROM budget_note WHERE grant_year_id = ?1 ORDER BY category_code")?
        .query_map([grant_year_id], |r| Ok(BudgetNote { category: r.get(0)?, note: r.get(1)? }))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(match row {
        Some((plan, previous_summary, commitment, satisfaction_target, updated_at)) => PacketDraft {
            grant_year_id,
            plan,
            previous_summary,
            commitment,
            satisfaction_target,
            budget_notes,
            updated_at: Some(updated_at),
        },
        None => PacketDraft { grant_year_id, satisfaction_target: "90".into(), budget_notes, ..Default::default() },
    })
}

/// Replaces the grant year's packet text and budget notes; `before` is what it replaces, for the
/// audit row. `text` is plan, previous summary, commitment and satisfaction target.
pub fn draft_save(
    tx: &Transaction<'_>,
    actor: &Actor,
    grant_year_id: i64,
    text: [&str; 4],
    notes: &[(String, String)],
    before: &PacketDraft,
) -> Result<()> {
    let [plan, previous_summary, commitment, satisfaction] = text;
    tx.execute(
        "INSERT INTO packet_draft (grant_year_id, plan, previous_summary, commitment, satisfaction_target, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (grant_year_id) DO UPDATE SET plan = ?2, previous_summary = ?3, commitment = ?4,
             satisfaction_target = ?5, updated_at = ?6",
        rusqlite::params![grant_year_id, plan, previous_summary, commitment, satisfaction, actor.timestamp()],
    )?;
    tx.execute("DELETE FROM budget_note WHERE grant_year_id = ?1", [grant_year_id])?;
    for (c, n) in notes {
        tx.execute(
            "INSERT INTO budget_note (grant_year_id, category_code, note) VALUES (?1, ?2, ?3)",
            rusqlite::params![grant_year_id, c, n],
        )?;
    }
    let after = serde_json::json!({
        "plan": plan, "previousSummary": previous_summary, "commitment": commitment,
        "satisfactionTarget": satisfaction, "budgetNotes": notes,
    });
    audit::record_change(
        tx,
        actor,
        "packet_draft",
        &grant_year_id.to_string(),
        Action::Update,
        Some(before),
        Some(&after),
    )
}
