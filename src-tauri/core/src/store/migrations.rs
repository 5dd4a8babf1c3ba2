//! Numbered, embedded SQL migrations on `PRAGMA user_version`. A small runner instead of
//! `rusqlite_migration` because that crate pins an older rusqlite, and because opening has to
//! inspect, back up and refuse before any migration runs (see `store::open`).
//!
//! Invariant: a released migration is never edited; a new one is appended. Each one runs in its own
//! immediate transaction together with its `user_version` bump, so a crash leaves a whole version.

use chrono::NaiveDateTime;
use rusqlite::{Connection, TransactionBehavior, params};

use super::{BOOKS, FileKind};
use crate::error::Result;

pub const MIGRATIONS: &[(&str, &str)] = &[
    ("foundation", include_str!("../../migrations/0001_foundation.sql")),
    ("grants", include_str!("../../migrations/0002_grants.sql")),
    ("members", include_str!("../../migrations/0003_members.sql")),
    ("ledger", include_str!("../../migrations/0004_ledger.sql")),
    ("projects", include_str!("../../migrations/0005_projects.sql")),
    ("packet", include_str!("../../migrations/0006_packet.sql")),
    ("chart_2024", include_str!("../../migrations/0007_chart_2024.sql")),
];

pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

/// The district workspace (区级汇总): its own numbering, its own `application_id`.
pub const DISTRICT_MIGRATIONS: &[(&str, &str)] =
    &[("district", include_str!("../../migrations/district/0001_district.sql"))];

pub(super) fn apply(conn: &mut Connection, now: NaiveDateTime) -> Result<()> {
    apply_kind(conn, now, &BOOKS)
}

pub(super) fn apply_kind(conn: &mut Connection, now: NaiveDateTime, kind: &FileKind) -> Result<()> {
    let current: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    for (index, (name, sql)) in kind.migrations.iter().enumerate() {
        let version = index as i64 + 1;
        if version <= current {
            continue;
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)",
            params![version, name, now.format("%Y-%m-%d %H:%M:%S").to_string()],
        )?;
        tx.pragma_update(None, "application_id", kind.application_id)?;
        tx.pragma_update(None, "user_version", version)?;
        tx.commit()?;
        log::info!("applied migration {version:04} {name}");
    }
    Ok(())
}
