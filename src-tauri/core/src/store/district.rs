//! The district workspace's SQL (区级汇总): packets received from federations, kept whole and never
//! changed. Which packet of a federation and year is current is decided by the district facade
//! from these rows; nothing here interprets a packet's data.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use crate::error::Result;

/// A verified packet about to be stored, with the facts the facade read from its manifest.
#[derive(Debug, Clone)]
pub struct NewPacket<'a> {
    pub credit_code: &'a str,
    pub federation: &'a str,
    pub year: i32,
    pub sequence: u8,
    pub generated_on: NaiveDate,
    pub data_version: u32,
    pub file_name: &'a str,
    pub zip_sha256: &'a str,
    pub zip: &'a [u8],
    pub manifest_json: &'a str,
    pub data_json: &'a str,
    pub added_at: &'a str,
    pub added_by: &'a str,
}

/// A stored packet without its ZIP bytes (read those with [`zip_of`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredPacket {
    pub id: i64,
    pub credit_code: String,
    pub federation: String,
    pub year: i32,
    pub sequence: u8,
    pub generated_on: NaiveDate,
    pub data_version: u32,
    pub file_name: String,
    pub zip_sha256: String,
    pub manifest_json: String,
    pub data_json: String,
    pub added_at: String,
    pub added_by: String,
}

const COLUMNS: &str = "id, credit_code, federation, year, sequence, generated_on, data_version, file_name, \
                       zip_sha256, manifest_json, data_json, added_at, added_by";

fn from_row(r: &Row<'_>) -> rusqlite::Result<StoredPacket> {
    Ok(StoredPacket {
        id: r.get(0)?,
        credit_code: r.get(1)?,
        federation: r.get(2)?,
        year: r.get(3)?,
        sequence: r.get(4)?,
        generated_on: r.get(5)?,
        data_version: r.get(6)?,
        file_name: r.get(7)?,
        zip_sha256: r.get(8)?,
        manifest_json: r.get(9)?,
        data_json: r.get(10)?,
        added_at: r.get(11)?,
        added_by: r.get(12)?,
    })
}

pub fn insert(tx: &Transaction<'_>, p: &NewPacket<'_>) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO received_packet (credit_code, federation, year, sequence, generated_on, data_version,
             file_name, zip_sha256, zip, manifest_json, data_json, added_at, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        p.credit_code,
        p.federation,
        p.year,
        p.sequence,
        p.generated_on,
        p.data_version,
        p.file_name,
        p.zip_sha256,
        p.zip,
        p.manifest_json,
        p.data_json,
        p.added_at,
        p.added_by
    ])?;
    Ok(tx.last_insert_rowid())
}

/// The packet with these exact ZIP bytes, if it was added before.
pub fn by_sha(conn: &Connection, sha256: &str) -> Result<Option<StoredPacket>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM received_packet WHERE zip_sha256 = ?1"))?
        .query_row([sha256], from_row)
        .optional()?)
}

/// Every stored packet, by federation, year, then oldest first (history order).
pub fn all(conn: &Connection) -> Result<Vec<StoredPacket>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM received_packet ORDER BY credit_code, year, generated_on, id"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<StoredPacket>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM received_packet WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// The ZIP exactly as it was received.
pub fn zip_of(conn: &Connection, id: i64) -> Result<Option<Vec<u8>>> {
    Ok(conn.query_row("SELECT zip FROM received_packet WHERE id = ?1", [id], |r| r.get(0)).optional()?)
}

pub fn count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM received_packet", [], |r| r.get(0))?)
}
