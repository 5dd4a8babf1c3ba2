//! SQL for member organizations, their inspections and ratings, and the category and community
//! lists. Lists are searched, filtered, sorted and paged here, so the window asks for one page and
//! stays fast at 10,000 rows.

use chrono::{Datelike, NaiveDate};
use rusqlite::types::ToSql;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, named_params, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Actor;
use super::audit::{self, Action};
use crate::domain::member::{
    Inspection, InspectionFilter, Member, MemberQuery, MemberSort, Rating, SignalFilter, ValidMember,
};
use crate::error::Result;

/// One entry of a configurable list (类别, 社区), with how many members use it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ListEntry {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub member_count: i64,
}

/// The two configurable lists members refer to; the table names are constants, never input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Category,
    Community,
}

impl List {
    fn table(self) -> &'static str {
        match self {
            List::Category => "member_category",
            List::Community => "community",
        }
    }
    fn column(self) -> &'static str {
        match self {
            List::Category => "category_id",
            List::Community => "community_id",
        }
    }
}

pub fn list_entries(conn: &Connection, list: List) -> Result<Vec<ListEntry>> {
    let sql = format!(
        "SELECT l.id, l.name, (SELECT count(*) FROM member m WHERE m.{col} = l.id)
         FROM {table} l ORDER BY l.sort_order, l.id",
        col = list.column(),
        table = list.table()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([], |r| Ok(ListEntry { id: r.get(0)?, name: r.get(1)?, member_count: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn list_entry(conn: &Connection, list: List, id: i64) -> Result<Option<ListEntry>> {
    Ok(list_entries(conn, list)?.into_iter().find(|e| e.id == id))
}

pub fn list_find(conn: &Connection, list: List, name: &str) -> Result<Option<i64>> {
    let sql = format!("SELECT id FROM {} WHERE name = ?1", list.table());
    Ok(conn.prepare_cached(&sql)?.query_row([name], |r| r.get(0)).optional()?)
}

pub fn list_add(tx: &Transaction<'_>, actor: &Actor, list: List, name: &str) -> Result<ListEntry> {
    let sql = format!(
        "INSERT INTO {t} (name, sort_order) VALUES (?1, (SELECT coalesce(max(sort_order), 0) + 1 FROM {t}))",
        t = list.table()
    );
    tx.prepare_cached(&sql)?.execute([name])?;
    let entry = ListEntry { id: tx.last_insert_rowid(), name: name.to_owned(), member_count: 0 };
    audit::record(tx, actor, list.table(), &entry.id.to_string(), Action::Create, None, Some(&entry))?;
    Ok(entry)
}

pub fn list_delete(tx: &Transaction<'_>, actor: &Actor, list: List, entry: &ListEntry) -> Result<()> {
    tx.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", list.table()))?.execute([entry.id])?;
    audit::record(tx, actor, list.table(), &entry.id.to_string(), Action::Delete, Some(entry), None)?;
    Ok(())
}

const SELECT: &str = "SELECT m.id, m.name, m.legal_form, m.credit_code, m.filing_no, m.category_id, c.name,
        m.community_id, cm.name, m.leader, m.phone, m.founded_on, m.joined_on, m.left_on, m.status,
        m.party_building, m.notes, m.updated_at, li.year, li.result, lr.year, lr.level
    FROM member m
    JOIN member_category c ON c.id = m.category_id
    LEFT JOIN community cm ON cm.id = m.community_id
    LEFT JOIN member_inspection li
        ON li.id = (SELECT id FROM member_inspection WHERE member_id = m.id ORDER BY year DESC LIMIT 1)
    LEFT JOIN member_rating lr
        ON lr.id = (SELECT id FROM member_rating WHERE member_id = m.id ORDER BY year DESC LIMIT 1)";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Member> {
    let inspection_year: Option<i32> = r.get(18)?;
    let rating_year: Option<i32> = r.get(20)?;
    Ok(Member {
        id: r.get(0)?,
        name: r.get(1)?,
        legal_form: r.get(2)?,
        credit_code: r.get(3)?,
        filing_no: r.get(4)?,
        category_id: r.get(5)?,
        category: r.get(6)?,
        community_id: r.get(7)?,
        community: r.get(8)?,
        leader: r.get(9)?,
        phone: r.get(10)?,
        founded_on: r.get(11)?,
        joined_on: r.get(12)?,
        left_on: r.get(13)?,
        status: r.get(14)?,
        party_building: r.get(15)?,
        notes: r.get(16)?,
        updated_at: r.get(17)?,
        latest_inspection: match inspection_year {
            Some(year) => Some(Inspection { year, result: r.get(19)? }),
            None => None,
        },
        latest_rating: match rating_year {
            Some(year) => Some(Rating { year, level: r.get(21)? }),
            None => None,
        },
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Member>> {
    Ok(conn.prepare_cached(&format!("{SELECT} WHERE m.id = ?1"))?.query_row([id], from_row).optional()?)
}

/// The member holding `value` in `column` (name, credit_code or filing_no), as (id, name).
pub fn find_by(conn: &Connection, column: MemberKey, value: &str) -> Result<Option<(i64, String)>> {
    let sql = format!("SELECT id, name FROM member WHERE {} = ?1", column.column());
    Ok(conn.prepare_cached(&sql)?.query_row([value], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
}

/// The three columns that identify a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberKey {
    Name,
    CreditCode,
    FilingNo,
}

impl MemberKey {
    fn column(self) -> &'static str {
        match self {
            MemberKey::Name => "name",
            MemberKey::CreditCode => "credit_code",
            MemberKey::FilingNo => "filing_no",
        }
    }
}

pub fn insert(tx: &Transaction<'_>, actor: &Actor, v: &ValidMember) -> Result<Member> {
    tx.prepare_cached(
        "INSERT INTO member (name, legal_form, credit_code, filing_no, category_id, community_id, leader, phone,
             founded_on, joined_on, left_on, status, party_building, notes, created_at, updated_at)
         VALUES (:name, :legal_form, :credit_code, :filing_no, :category_id, :community_id, :leader, :phone,
             :founded_on, :joined_on, :left_on, :status, :party_building, :notes, :now, :now)",
    )?
    .execute(named_params! {
        ":name": v.name, ":legal_form": v.legal_form, ":credit_code": v.credit_code, ":filing_no": v.filing_no,
        ":category_id": v.category_id, ":community_id": v.community_id, ":leader": v.leader, ":phone": v.phone,
        ":founded_on": v.founded_on, ":joined_on": v.joined_on, ":left_on": v.left_on, ":status": v.status,
        ":party_building": v.party_building, ":notes": v.notes, ":now": actor.timestamp(),
    })?;
    let id = tx.last_insert_rowid();
    let after = get(tx, id)?.expect("the row was just written");
    audit::record(tx, actor, "member", &id.to_string(), Action::Create, None, Some(&after))?;
    Ok(after)
}

pub fn update(tx: &Transaction<'_>, actor: &Actor, before: &Member, v: &ValidMember) -> Result<Member> {
    tx.prepare_cached(
        "UPDATE member SET name = :name, legal_form = :legal_form, credit_code = :credit_code,
             filing_no = :filing_no, category_id = :category_id, community_id = :community_id,
             leader = :leader, phone = :phone, founded_on = :founded_on, joined_on = :joined_on,
             left_on = :left_on, status = :status, party_building = :party_building, notes = :notes,
             updated_at = :now
         WHERE id = :id",
    )?
    .execute(named_params! {
        ":id": before.id,
        ":name": v.name, ":legal_form": v.legal_form, ":credit_code": v.credit_code, ":filing_no": v.filing_no,
        ":category_id": v.category_id, ":community_id": v.community_id, ":leader": v.leader, ":phone": v.phone,
        ":founded_on": v.founded_on, ":joined_on": v.joined_on, ":left_on": v.left_on, ":status": v.status,
        ":party_building": v.party_building, ":notes": v.notes, ":now": actor.timestamp(),
    })?;
    let after = get(tx, before.id)?.expect("the row exists");
    audit::record(tx, actor, "member", &before.id.to_string(), Action::Update, Some(before), Some(&after))?;
    Ok(after)
}

pub fn inspections(conn: &Connection, member_id: i64) -> Result<Vec<Inspection>> {
    let mut stmt =
        conn.prepare_cached("SELECT year, result FROM member_inspection WHERE member_id = ?1 ORDER BY year DESC")?;
    let rows = stmt.query_map([member_id], |r| Ok(Inspection { year: r.get(0)?, result: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn ratings(conn: &Connection, member_id: i64) -> Result<Vec<Rating>> {
    let mut stmt =
        conn.prepare_cached("SELECT year, level FROM member_rating WHERE member_id = ?1 ORDER BY year DESC")?;
    let rows = stmt.query_map([member_id], |r| Ok(Rating { year: r.get(0)?, level: r.get(1)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records (or corrects) the inspection result of one year.
pub fn record_inspection(tx: &Transaction<'_>, actor: &Actor, member_id: i64, i: &Inspection) -> Result<()> {
    let before: Option<Inspection> = inspections(tx, member_id)?.into_iter().find(|x| x.year == i.year);
    tx.prepare_cached(
        "INSERT INTO member_inspection (member_id, year, result) VALUES (?1, ?2, ?3)
         ON CONFLICT (member_id, year) DO UPDATE SET result = excluded.result",
    )?
    .execute(params![member_id, i.year, i.result])?;
    let action = if before.is_some() { Action::Update } else { Action::Create };
    let id = format!("{member_id}/{}", i.year);
    audit::record(tx, actor, "member_inspection", &id, action, before.as_ref(), Some(i))
}

pub fn record_rating(tx: &Transaction<'_>, actor: &Actor, member_id: i64, rating: &Rating) -> Result<()> {
    let before: Option<Rating> = ratings(tx, member_id)?.into_iter().find(|x| x.year == rating.year);
    tx.prepare_cached(
        "INSERT INTO member_rating (member_id, year, level) VALUES (?1, ?2, ?3)
         ON CONFLICT (member_id, year) DO UPDATE SET level = excluded.level",
    )?
    .execute(params![member_id, rating.year, rating.level])?;
    let action = if before.is_some() { Action::Update } else { Action::Create };
    let id = format!("{member_id}/{}", rating.year);
    audit::record(tx, actor, "member_rating", &id, action, before.as_ref(), Some(rating))
}

/// One page of the list. `today` decides which ratings are still valid (the 优先 filter).
pub fn list(conn: &Connection, q: &MemberQuery, today: NaiveDate) -> Result<(Vec<Member>, i64)> {
    let mut wheres: Vec<&str> = Vec::new();
    let mut args: Vec<(&str, Box<dyn ToSql>)> = Vec::new();
    let search = crate::domain::text::clean_line(&q.search);
    if !search.is_empty() {
        let escaped = search.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        wheres.push(
            "(m.name LIKE :q ESCAPE '\\' OR m.credit_code LIKE :q ESCAPE '\\'
              OR m.filing_no LIKE :q ESCAPE '\\' OR m.leader LIKE :q ESCAPE '\\')",
        );
        args.push((":q", Box::new(format!("%{escaped}%"))));
    }
    if let Some(id) = q.category_id {
        wheres.push("m.category_id = :category");
        args.push((":category", Box::new(id)));
    }
    if let Some(form) = q.legal_form {
        wheres.push("m.legal_form = :legal_form");
        args.push((":legal_form", Box::new(form)));
    }
    if let Some(id) = q.community_id {
        wheres.push("m.community_id = :community");
        args.push((":community", Box::new(id)));
    }
    if let Some(status) = q.status {
        wheres.push("m.status = :status");
        args.push((":status", Box::new(status)));
    }
    match q.rating {
        Some(0) => wheres.push("lr.id IS NULL"),
        Some(level) => {
            wheres.push("lr.level = :rating");
            args.push((":rating", Box::new(level)));
        }
        None => {}
    }
    let inspection = |r: &'static str| -> Box<dyn ToSql> { Box::new(r) };
    match q.inspection {
        None => {}
        Some(InspectionFilter::NoneRecorded) => wheres.push("li.id IS NULL"),
        Some(f) => {
            wheres.push("li.result = :inspection");
            let r = match f {
                InspectionFilter::Pass => "pass",
                InspectionFilter::BasicPass => "basic_pass",
                InspectionFilter::Fail => "fail",
                _ => "absent",
            };
            args.push((":inspection", inspection(r)));
        }
    }
    match q.signal {
        None => {}
        Some(SignalFilter::Flagged) => wheres.push("li.result IN ('fail', 'absent')"),
        Some(SignalFilter::Priority) => {
            wheres.push("lr.level >= 3 AND lr.year <= :this_year AND lr.year + 4 >= :this_year");
            args.push((":this_year", Box::new(today.year())));
        }
    }
    let where_sql = if wheres.is_empty() { String::new() } else { format!(" WHERE {}", wheres.join(" AND ")) };
    let dir = if q.descending { "DESC" } else { "ASC" };
    let order = match q.sort {
        MemberSort::Name => format!("m.name {dir}"),
        MemberSort::JoinedOn => format!("m.joined_on {dir}, m.name"),
        MemberSort::Category => format!("c.sort_order {dir}, m.name"),
        MemberSort::Community => format!("cm.name IS NULL, cm.name {dir}, m.name"),
        MemberSort::Rating => format!("lr.level IS NULL, lr.level {dir}, m.name"),
        MemberSort::Inspection => format!("li.result IS NULL, li.result {dir}, m.name"),
    };
    let page_size = q.page_size.clamp(1, 500);
    let page = q.page.max(1);
    let named: Vec<(&str, &dyn ToSql)> = args.iter().map(|(k, v)| (*k, v.as_ref())).collect();

    let count_sql = format!("SELECT count(*) FROM ({SELECT}{where_sql})");
    let total: i64 = conn.prepare_cached(&count_sql)?.query_row(named.as_slice(), |r| r.get(0))?;

    let sql = format!("{SELECT}{where_sql} ORDER BY {order}, m.id LIMIT {page_size} OFFSET {}", (page - 1) * page_size);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(named.as_slice(), from_row)?;
    Ok((rows.collect::<rusqlite::Result<_>>()?, total))
}

/// Every member, in name order (the roster export).
pub fn all(conn: &Connection) -> Result<Vec<Member>> {
    let mut stmt = conn.prepare_cached(&format!("{SELECT} ORDER BY c.sort_order, m.name"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Members that belonged to the federation at some point of `year`: joined by its end and not
/// withdrawn before its start. Withdrawn organizations keep appearing in the years they were in.
pub fn active_in_year(conn: &Connection, year: i32) -> Result<Vec<Member>> {
    let start = NaiveDate::from_ymd_opt(year, 1, 1);
    let end = NaiveDate::from_ymd_opt(year, 12, 31);
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE m.joined_on <= ?2 AND (m.left_on IS NULL OR m.left_on >= ?1) ORDER BY c.sort_order, m.name"
    ))?;
    let rows = stmt.query_map(params![start, end], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Row counts of every member table, for tests that prove a refused import wrote nothing.
pub fn table_counts(conn: &Connection) -> Result<Vec<(&'static str, i64)>> {
    ["member", "member_inspection", "member_rating", "member_category", "community", "audit_log"]
        .into_iter()
        .map(|t| Ok((t, conn.query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?)))
        .collect()
}
