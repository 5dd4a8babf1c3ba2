//! Facts about the file itself (for example that it holds demo data), kept inside the file so they
//! travel with it on a USB stick.

use rusqlite::{Connection, OptionalExtension, Transaction, params};

use crate::error::Result;

pub const KIND: &str = "kind";
pub const KIND_DEMO: &str = "demo";

pub fn get(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

pub fn set(tx: &Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}
