//! What the secretary writes for an application packet (申报材料): the work plan, last year's
//! summary, the commitment, the satisfaction target and a note per budget line. Saved per grant
//! year with its audit row; the figures of the packet are never stored, they come from the books
//! when it is exported (see the `shelian-export` crate).

use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Books;
use crate::domain::project::parse_quantity;
use crate::error::{CoreError, FieldProblem, Result};
use crate::store::audit::{self, Action};
use crate::store::grants as gsql;

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

/// How much a preflight line matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PreflightLevel {
    /// The packet cannot be exported until this is fixed.
    Blocking,
    /// Worth a look; does not stop the export.
    Warning,
}

/// One line of the packet's preflight checklist (built by the export crate from the books).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreflightItem {
    pub level: PreflightLevel,
    pub message: String,
    /// The rule id (R-…) when a policy rule is broken.
    pub rule: Option<String>,
    /// The window's route that fixes it, e.g. `/federation` or `/grants/3`.
    pub link: String,
    /// The button text for the link, e.g. 「去填写」.
    pub action: String,
}

/// Paragraphs of a text typed in a box: split on line breaks, trimmed, empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect()
}

impl Books {
    pub fn packet_draft(&self, grant_year_id: i64) -> Result<PacketDraft> {
        draft(self.store.conn(), grant_year_id)
    }

    pub fn packet_draft_save(&mut self, input: &PacketDraft) -> Result<PacketDraft> {
        let actor = self.actor();
        let gy = input.grant_year_id;
        self.store.with_tx(|tx| {
        gsql::grant_year(tx, input.grant_year_id)?;
        // The categories and the text before are read inside the write, so the audit row's
        // "before" is what this write replaced, not what another window had saved earlier.
        let categories = gsql::category_names(tx)?;
        let mut problems = Vec::new();
        let clean = |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim().to_owned();
        let (plan, previous_summary, commitment) =
            (clean(&input.plan), clean(&input.previous_summary), clean(&input.commitment));
        for (field, label, text, max) in [
            ("plan", "工作计划", &plan, 5_000),
            ("previousSummary", "上年度工作情况", &previous_summary, 5_000),
            ("commitment", "承诺", &commitment, 2_000),
        ] {
            if text.chars().count() > max {
                problems.push(FieldProblem::new(field, format!("{label}不超过{max}字")));
            }
        }
        let satisfaction = match parse_quantity(&input.satisfaction_target, 1) {
            Ok(d) if d > rust_decimal::Decimal::from(100) => {
                problems.push(FieldProblem::new("satisfactionTarget", "满意度目标不能超过100%"));
                None
            }
            Ok(d) => Some(d.to_string()),
            Err(e) => {
                problems.push(FieldProblem::new("satisfactionTarget", format!("满意度目标：{e}")));
                None
            }
        };
        let mut notes = Vec::new();
        for n in &input.budget_notes {
            if !categories.iter().any(|(c, _)| *c == n.category) {
                problems.push(FieldProblem::new("budgetNotes", "预算科目已不存在，请刷新后重试"));
                continue;
            }
            let note = crate::domain::text::clean_line(&n.note);
            if note.chars().count() > 100 {
                problems.push(FieldProblem::new("budgetNotes", "每个预算说明不超过100字"));
            } else if !note.is_empty() {
                notes.push((n.category.clone(), note));
            }
        }
        let Some(satisfaction) = satisfaction.filter(|_| problems.is_empty()) else {
            return Err(CoreError::Validation(problems));
        };
        let before = draft(tx, gy)?;
            tx.execute(
                "INSERT INTO packet_draft (grant_year_id, plan, previous_summary, commitment, satisfaction_target, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (grant_year_id) DO UPDATE SET plan = ?2, previous_summary = ?3, commitment = ?4,
                     satisfaction_target = ?5, updated_at = ?6",
                rusqlite::params![gy, plan, previous_summary, commitment, satisfaction, actor.timestamp()],
            )?;
            tx.execute("DELETE FROM budget_note WHERE grant_year_id = ?1", [gy])?;
            for (c, n) in &notes {
                tx.execute(
                    "INSERT INTO budget_note (grant_year_id, category_code, note) VALUES (?1, ?2, ?3)",
                    rusqlite::params![gy, c, n],
                )?;
            }
            let after = serde_json::json!({
                "plan": plan, "previousSummary": previous_summary, "commitment": commitment,
                "satisfactionTarget": satisfaction, "budgetNotes": notes,
            });
            audit::record_change(tx, &actor, "packet_draft", &gy.to_string(), Action::Update, Some(&before), Some(&after))
        })?;
        self.packet_draft(gy)
    }

    /// Runs `f` inside one read transaction, so everything it reads is one consistent snapshot of
    /// the file (the packet is built this way). The transaction ends however `f` ends, a panic
    /// included: a read transaction left open would pin the WAL and make every later write of
    /// this window fail as "busy".
    pub fn in_snapshot<T>(&self, f: impl FnOnce(&Books) -> Result<T>) -> Result<T> {
        let conn = self.store.conn();
        conn.execute_batch("BEGIN DEFERRED")?;
        // Dropped on every way out of here; it rolls back whatever is still open (a panic in
        // `f`, or a COMMIT that failed).
        let _guard = Snapshot(conn);
        let out = f(self);
        let end = if out.is_ok() { "COMMIT" } else { "ROLLBACK" };
        conn.execute_batch(end)?;
        out
    }
}

/// Rolls the snapshot's read transaction back if it is still open when `in_snapshot` is left.
struct Snapshot<'a>(&'a rusqlite::Connection);

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        if !self.0.is_autocommit()
            && let Err(e) = self.0.execute_batch("ROLLBACK")
        {
            log::error!("rolling back an unfinished snapshot failed: {e}");
        }
    }
}

/// The packet's text for one grant year; the default text when none was saved yet. A storage
/// failure is that failure, never "nothing saved yet" (which would show an empty draft).
fn draft(conn: &rusqlite::Connection, grant_year_id: i64) -> Result<PacketDraft> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_a_snapshot_rolls_its_transaction_back() {
        let mut books = Books::open_in_memory(super::super::OpenOptions::default()).unwrap();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            books.in_snapshot(|b| -> Result<()> {
                b.grant_years()?;
                panic!("a bug while building the packet");
            })
        }));
        assert!(caught.is_err(), "the panic reaches the caller");
        assert!(books.store.conn().is_autocommit(), "no transaction is left open on the connection");
        // The next write of this window is not refused as "a transaction within a transaction".
        books.mark_demo().unwrap();
        assert!(books.is_demo().unwrap());
        // And a snapshot that ends normally still ends its transaction.
        assert_eq!(books.in_snapshot(|b| b.grant_years()).unwrap().len(), 0);
        assert!(books.store.conn().is_autocommit());
    }

    #[test]
    fn paragraphs_are_lines_without_blanks() {
        assert_eq!(paragraphs("  一、开展助餐。\n\n二、调解纠纷。  \n"), ["一、开展助餐。", "二、调解纠纷。"]);
    }
}
