//! SQL for the federation profile (the single `federation` row).

use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params};

use super::Actor;
use super::audit::{self, Action};
use crate::domain::federation::{Federation, ValidFederation};
use crate::error::Result;

const COLUMNS: &str = "name, credit_code, street, district, recognition_date, recognition_doc_no, legal_rep,
     secretary, phone, address, bank_name, bank_account, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Federation> {
    Ok(Federation {
        name: r.get(0)?,
        credit_code: r.get(1)?,
        street: r.get(2)?,
        district: r.get(3)?,
        recognition_date: r.get(4)?,
        recognition_doc_no: r.get(5)?,
        legal_rep: r.get(6)?,
        secretary: r.get(7)?,
        phone: r.get(8)?,
        address: r.get(9)?,
        bank_name: r.get(10)?,
        bank_account: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

pub fn get(conn: &Connection) -> Result<Option<Federation>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM federation WHERE id = 1"))?
        .query_row([], from_row)
        .optional()?)
}

/// Creates or replaces the profile, with its audit row, inside the caller's transaction.
pub fn save(tx: &Transaction<'_>, actor: &Actor, v: &ValidFederation) -> Result<Federation> {
    let before = get(tx)?;
    let now = actor.timestamp();
    tx.prepare_cached(
        "INSERT INTO federation (id, name, credit_code, street, district, recognition_date, recognition_doc_no,
             legal_rep, secretary, phone, address, bank_name, bank_account, created_at, updated_at)
         VALUES (1, :name, :credit_code, :street, :district, :recognition_date, :recognition_doc_no,
             :legal_rep, :secretary, :phone, :address, :bank_name, :bank_account, :now, :now)
         ON CONFLICT (id) DO UPDATE SET
             name = excluded.name, credit_code = excluded.credit_code, street = excluded.street,
             district = excluded.district, recognition_date = excluded.recognition_date,
             recognition_doc_no = excluded.recognition_doc_no, legal_rep = excluded.legal_rep,
             secretary = excluded.secretary, phone = excluded.phone, address = excluded.address,
             bank_name = excluded.bank_name, bank_account = excluded.bank_account, updated_at = excluded.updated_at",
    )?
    .execute(named_params! {
        ":name": v.name, ":credit_code": v.credit_code, ":street": v.street, ":district": v.district,
        ":recognition_date": v.recognition_date, ":recognition_doc_no": v.recognition_doc_no,
        ":legal_rep": v.legal_rep, ":secretary": v.secretary, ":phone": v.phone, ":address": v.address,
        ":bank_name": v.bank_name, ":bank_account": v.bank_account, ":now": now,
    })?;
    let after = get(tx)?.expect("the row was just written");
    let action = if before.is_some() { Action::Update } else { Action::Create };
    audit::record(tx, actor, "federation", "1", action, before.as_ref(), Some(&after))?;
    Ok(after)
}
