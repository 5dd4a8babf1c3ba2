//! The audit log: one row per change, written by the same transaction as the change, so the log can
//! never disagree with the books.

use rusqlite::{Connection, Transaction, params};
use serde::Serialize;
use ts_rs::TS;

use super::Actor;
use crate::error::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Update,
    Delete,
    /// A grant year's status moved on (approved, started, closed).
    Transition,
    /// A budget adjustment after execution started.
    Adjust,
    /// A voucher posted to the ledger.
    Post,
    /// A reversing voucher (红字冲销) posted against another.
    Reverse,
    /// A month closed (结账).
    Close,
    /// A closed month reopened, with its reason.
    Reopen,
    /// A file attached to a voucher.
    Attach,
    /// The books replaced by a backup (the before-restore copy is named in the row).
    Restore,
}

impl Action {
    fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
            Action::Transition => "transition",
            Action::Adjust => "adjust",
            Action::Post => "post",
            Action::Reverse => "reverse",
            Action::Close => "close",
            Action::Reopen => "reopen",
            Action::Attach => "attach",
            Action::Restore => "restore",
        }
    }
}

/// One row of the audit log, as shown to the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AuditEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub at: String,
    pub operator: String,
    pub entity: String,
    pub entity_id: String,
    pub action: String,
    /// JSON of the entity before the change; `null` for a creation.
    pub before: Option<String>,
    /// JSON of the entity after the change.
    pub after: Option<String>,
}

pub fn record<T: Serialize>(
    tx: &Transaction<'_>,
    actor: &Actor,
    entity: &str,
    entity_id: &str,
    action: Action,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<()> {
    record_change(tx, actor, entity, entity_id, action, before, after)
}

/// Like [`record`], for a change whose before and after are of different shapes.
pub fn record_change<B: Serialize, A: Serialize>(
    tx: &Transaction<'_>,
    actor: &Actor,
    entity: &str,
    entity_id: &str,
    action: Action,
    before: Option<&B>,
    after: Option<&A>,
) -> Result<()> {
    let err = |e: serde_json::Error| rusqlite::Error::ToSqlConversionFailure(Box::new(e));
    let before = before.map(serde_json::to_string).transpose().map_err(err)?;
    let after = after.map(serde_json::to_string).transpose().map_err(err)?;
    tx.prepare_cached(
        "INSERT INTO audit_log (at, operator, entity, entity_id, action, before, after)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![actor.timestamp(), actor.operator, entity, entity_id, action.as_str(), before, after])?;
    Ok(())
}

/// The newest `limit` entries, newest first.
pub fn recent(conn: &Connection, limit: u32) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, operator, entity, entity_id, action, before, after
         FROM audit_log ORDER BY id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            operator: r.get(2)?,
            entity: r.get(3)?,
            entity_id: r.get(4)?,
            action: r.get(5)?,
            before: r.get(6)?,
            after: r.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))?)
}
