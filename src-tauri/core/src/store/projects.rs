//! Service projects' SQL: agreements with their communities, splits and targets; status changes;
//! activities with photos and indicator values; what was paid to a project (from the vouchers that
//! name it) and what agreements hold on a budget line. Every write records its audit row in the
//! caller's transaction.

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};
use rust_decimal::Decimal;
use serde::Serialize;
use ts_rs::TS;

use super::Actor;
use super::audit::{self, Action};
use crate::domain::grant::FundSource;
use crate::domain::ledger::AttachmentRef;
use crate::domain::money::Money;
use crate::domain::project::{Grade, ProjectStatus, TargetKind, ValidActivity, ValidProject};
use crate::error::{CoreError, Result};

fn bad_data(what: &str) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(0, what.to_owned(), rusqlite::types::Type::Text)
}

fn decimal(s: &str) -> rusqlite::Result<Decimal> {
    s.parse().map_err(|_| bad_data("decimal"))
}

/// A project's header row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub grant_year_id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub member_id: i64,
    pub member_name: String,
    pub category: String,
    pub agreement_no: String,
    pub signed_on: NaiveDate,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: ProjectStatus,
    /// Why the undertaker was flagged when the agreement was signed; empty if it was not.
    pub flag_reason: String,
    pub override_reason: String,
    pub evaluation: String,
    pub grade: Option<Grade>,
    pub ended_on: Option<NaiveDate>,
    pub termination_reason: String,
    pub updated_at: String,
}

const PROJECT_SELECT: &str = "SELECT p.id, p.grant_year_id, p.name, p.member_id, m.name, p.category, p.agreement_no,
        p.signed_on, p.starts_on, p.ends_on, p.status, p.flag_reason, p.override_reason, p.evaluation, p.grade,
        p.ended_on, p.termination_reason, p.updated_at
    FROM project p JOIN member m ON m.id = p.member_id";

fn project_from_row(r: &Row<'_>) -> rusqlite::Result<ProjectRow> {
    let grade: String = r.get(14)?;
    Ok(ProjectRow {
        id: r.get(0)?,
        grant_year_id: r.get(1)?,
        name: r.get(2)?,
        member_id: r.get(3)?,
        member_name: r.get(4)?,
        category: r.get(5)?,
        agreement_no: r.get(6)?,
        signed_on: r.get(7)?,
        starts_on: r.get(8)?,
        ends_on: r.get(9)?,
        status: r.get(10)?,
        flag_reason: r.get(11)?,
        override_reason: r.get(12)?,
        evaluation: r.get(13)?,
        grade: Grade::from_sql(&grade),
        ended_on: r.get(15)?,
        termination_reason: r.get(16)?,
        updated_at: r.get(17)?,
    })
}

pub fn project(conn: &Connection, id: i64) -> Result<ProjectRow> {
    conn.prepare_cached(&format!("{PROJECT_SELECT} WHERE p.id = ?1"))?
        .query_row([id], project_from_row)
        .optional()?
        .ok_or(CoreError::NotFound { what: "服务项目" })
}

/// Projects matching the filters, newest grant year first, then by start date and name.
pub fn projects(
    conn: &Connection,
    grant_year_id: Option<i64>,
    status: Option<ProjectStatus>,
    member_id: Option<i64>,
    community_id: Option<i64>,
) -> Result<Vec<ProjectRow>> {
    let sql = format!(
        "{PROJECT_SELECT}
         WHERE (?1 IS NULL OR p.grant_year_id = ?1) AND (?2 IS NULL OR p.status = ?2) AND (?3 IS NULL OR p.member_id = ?3)
           AND (?4 IS NULL OR EXISTS (SELECT 1 FROM project_community pc WHERE pc.project_id = p.id AND pc.community_id = ?4))
         ORDER BY p.grant_year_id DESC, p.starts_on, p.name"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_map(params![grant_year_id, status, member_id, community_id], project_from_row)?
        .collect::<rusqlite::Result<_>>()?)
}

/// (community id, name) of a project.
pub fn communities(conn: &Connection, project_id: i64) -> Result<Vec<(i64, String)>> {
    Ok(conn
        .prepare_cached(
            "SELECT c.id, c.name FROM project_community pc JOIN community c ON c.id = pc.community_id
             WHERE pc.project_id = ?1 ORDER BY c.sort_order, c.name",
        )?
        .query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}

pub fn splits(conn: &Connection, project_id: i64) -> Result<Vec<(String, FundSource, Money)>> {
    Ok(conn
        .prepare_cached(
            "SELECT s.category_code, s.source, s.amount_fen FROM project_split s
             JOIN budget_category c ON c.code = s.category_code
             WHERE s.project_id = ?1 ORDER BY c.sort_order, s.source",
        )?
        .query_map([project_id], |r| {
            let source: String = r.get(1)?;
            Ok((r.get(0)?, FundSource::from_db(&source).ok_or_else(|| bad_data("source"))?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// A target as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetRow {
    pub id: i64,
    pub kind: TargetKind,
    pub name: String,
    pub unit: String,
    pub target: Decimal,
}

pub fn targets(conn: &Connection, project_id: i64) -> Result<Vec<TargetRow>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, kind, name, unit, target FROM project_target WHERE project_id = ?1 ORDER BY sort_order",
        )?
        .query_map([project_id], |r| {
            let target: String = r.get(4)?;
            Ok(TargetRow {
                id: r.get(0)?,
                kind: r.get(1)?,
                name: r.get(2)?,
                unit: r.get(3)?,
                target: decimal(&target)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ProjectAudit<'a> {
    name: &'a str,
    member_id: i64,
    category: &'a str,
    community_ids: &'a [i64],
    agreement_no: &'a str,
    signed_on: NaiveDate,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    splits: Vec<(String, &'static str, String)>,
    targets: Vec<(String, String, String)>,
    flag_reason: &'a str,
    override_reason: &'a str,
}

fn audit_shape<'a>(v: &'a ValidProject, flag_reason: &'a str) -> ProjectAudit<'a> {
    ProjectAudit {
        name: &v.name,
        member_id: v.member_id,
        category: &v.category,
        community_ids: &v.community_ids,
        agreement_no: &v.agreement_no,
        signed_on: v.signed_on,
        starts_on: v.starts_on,
        ends_on: v.ends_on,
        splits: v.splits.iter().map(|s| (s.category.clone(), s.source.as_str(), s.amount.to_string())).collect(),
        targets: v.targets.iter().map(|t| (t.name.clone(), t.unit.clone(), t.target.to_string())).collect(),
        flag_reason,
        override_reason: &v.override_reason,
    }
}

fn write_parts(tx: &Transaction<'_>, id: i64, v: &ValidProject) -> Result<()> {
    tx.execute("DELETE FROM project_community WHERE project_id = ?1", [id])?;
    tx.execute("DELETE FROM project_split WHERE project_id = ?1", [id])?;
    for c in &v.community_ids {
        tx.execute("INSERT INTO project_community (project_id, community_id) VALUES (?1, ?2)", params![id, c])?;
    }
    for s in &v.splits {
        tx.execute(
            "INSERT INTO project_split (project_id, category_code, source, amount_fen) VALUES (?1, ?2, ?3, ?4)",
            params![id, s.category, s.source.as_str(), s.amount],
        )?;
    }
    // Targets keep their ids where the kind (or custom name) is unchanged, so indicator values
    // recorded by activities stay attached.
    let existing = targets(tx, id)?;
    let mut keep = Vec::new();
    for (i, t) in v.targets.iter().enumerate() {
        let same = existing.iter().find(|e| e.kind == t.kind && (t.kind != TargetKind::Custom || e.name == t.name));
        match same {
            Some(e) => {
                tx.execute(
                    "UPDATE project_target SET name = ?2, unit = ?3, target = ?4, sort_order = ?5 WHERE id = ?1",
                    params![e.id, t.name, t.unit, t.target.to_string(), i as i64],
                )?;
                keep.push(e.id);
            }
            None => {
                tx.execute(
                    "INSERT INTO project_target (project_id, kind, name, unit, target, sort_order) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![id, t.kind, t.name, t.unit, t.target.to_string(), i as i64],
                )?;
                keep.push(tx.last_insert_rowid());
            }
        }
    }
    for e in existing.iter().filter(|e| !keep.contains(&e.id)) {
        let used: i64 =
            tx.query_row("SELECT count(*) FROM activity_indicator WHERE target_id = ?1", [e.id], |r| r.get(0))?;
        if used > 0 {
            return Err(CoreError::field("customTargets", format!("指标“{}”已有活动记录了完成值，不能删除", e.name)));
        }
        tx.execute("DELETE FROM project_target WHERE id = ?1", [e.id])?;
    }
    Ok(())
}

pub fn project_insert(
    tx: &Transaction<'_>,
    actor: &Actor,
    grant_year_id: i64,
    v: &ValidProject,
    flag_reason: &str,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO project (grant_year_id, name, member_id, category, agreement_no, signed_on, starts_on, ends_on,
                              status, flag_reason, override_reason, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'planned', ?9, ?10, ?11, ?11)",
        params![
            grant_year_id,
            v.name,
            v.member_id,
            v.category,
            v.agreement_no,
            v.signed_on,
            v.starts_on,
            v.ends_on,
            flag_reason,
            if flag_reason.is_empty() { "" } else { v.override_reason.as_str() },
            actor.timestamp()
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_parts(tx, id, v)?;
    audit::record(tx, actor, "project", &id.to_string(), Action::Create, None, Some(&audit_shape(v, flag_reason)))?;
    Ok(id)
}

pub fn project_update(
    tx: &Transaction<'_>,
    actor: &Actor,
    before: &ProjectRow,
    v: &ValidProject,
    flag_reason: &str,
) -> Result<()> {
    tx.execute(
        "UPDATE project SET name = ?2, member_id = ?3, category = ?4, agreement_no = ?5, signed_on = ?6, starts_on = ?7,
                ends_on = ?8, flag_reason = ?9, override_reason = ?10, updated_at = ?11 WHERE id = ?1",
        params![
            before.id,
            v.name,
            v.member_id,
            v.category,
            v.agreement_no,
            v.signed_on,
            v.starts_on,
            v.ends_on,
            flag_reason,
            if flag_reason.is_empty() { "" } else { v.override_reason.as_str() },
            actor.timestamp()
        ],
    )?;
    write_parts(tx, before.id, v)?;
    audit::record_change(
        tx,
        actor,
        "project",
        &before.id.to_string(),
        Action::Update,
        Some(before),
        Some(&audit_shape(v, flag_reason)),
    )
}

/// How a project ended (all empty while it runs).
#[derive(Debug, Clone, Default)]
pub struct ProjectEnd {
    pub ended_on: Option<NaiveDate>,
    pub evaluation: String,
    pub grade: Option<Grade>,
    pub termination_reason: String,
}

/// Moves a project on: 实施中, 已结项 (with evaluation and grade) or 终止 (with a reason).
pub fn project_set_status(
    tx: &Transaction<'_>,
    actor: &Actor,
    before: &ProjectRow,
    status: ProjectStatus,
    end: &ProjectEnd,
) -> Result<()> {
    let ProjectEnd { ended_on, evaluation, grade, termination_reason } = end;
    tx.execute(
        "UPDATE project SET status = ?2, ended_on = ?3, evaluation = ?4, grade = ?5, termination_reason = ?6,
                updated_at = ?7 WHERE id = ?1",
        params![
            before.id,
            status,
            ended_on,
            evaluation,
            grade.map(|g| g.as_sql()).unwrap_or(""),
            termination_reason,
            actor.timestamp()
        ],
    )?;
    let after = project(tx, before.id)?;
    audit::record(tx, actor, "project", &before.id.to_string(), Action::Transition, Some(before), Some(&after))
}

/// What vouchers naming the project put on each budget line and source (net of reversals).
pub fn paid_by_split(
    conn: &Connection,
    project_id: i64,
    expense_codes: &[String],
) -> Result<Vec<(String, FundSource, Money)>> {
    let list = super::ledger::in_list(expense_codes);
    let sql = format!(
        "SELECT l.category_code, l.source, SUM(l.debit_fen - l.credit_fen)
         FROM voucher v JOIN voucher_line l ON l.voucher_id = v.id
         WHERE v.project_id = ?1 AND l.category_code IS NOT NULL AND l.account_code IN ({list})
         GROUP BY l.category_code, l.source"
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_map([project_id], |r| {
            let source: String = r.get(1)?;
            Ok((r.get(0)?, FundSource::from_db(&source).ok_or_else(|| bad_data("source"))?, r.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// One split of one project with what was paid on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commitment {
    pub project_id: i64,
    pub status: ProjectStatus,
    pub category: String,
    pub source: FundSource,
    pub agreed: Money,
    pub paid: Money,
}

/// Every project of a grant year with its status, splits and what was paid on each: the raw
/// material of commitments (R-PROJECT, R-SPEND).
pub fn year_commitments(conn: &Connection, grant_year_id: i64, expense_codes: &[String]) -> Result<Vec<Commitment>> {
    let mut out = Vec::new();
    for p in projects(conn, Some(grant_year_id), None, None, None)? {
        let paid = paid_by_split(conn, p.id, expense_codes)?;
        let paid_on = |c: &str, s: FundSource| {
            paid.iter().find(|(pc, ps, _)| pc == c && *ps == s).map(|(.., m)| *m).unwrap_or(Money::ZERO)
        };
        for (category, source, agreed) in splits(conn, p.id)? {
            let paid = paid_on(&category, source);
            out.push(Commitment { project_id: p.id, status: p.status, category, source, agreed, paid });
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Activities

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivityPhoto {
    pub sha256: String,
    pub file_name: String,
    pub mime: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Activity {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub project_id: i64,
    pub held_on: NaiveDate,
    pub title: String,
    pub place: String,
    #[ts(type = "number")]
    pub participants: i64,
    #[ts(type = "number")]
    pub volunteers: i64,
    /// Hours as a decimal string ("12.5").
    pub volunteer_hours: String,
    pub note: String,
    pub photos: Vec<ActivityPhoto>,
    /// (target id, value) for free-form indicators.
    #[ts(type = "Array<[number, string]>")]
    pub indicators: Vec<(i64, String)>,
}

pub fn tenths_to_hours(tenths: i64) -> Decimal {
    Decimal::new(tenths, 1).normalize()
}

pub fn activities(conn: &Connection, project_id: i64) -> Result<Vec<Activity>> {
    let mut list: Vec<Activity> = conn
        .prepare_cached(
            "SELECT id, project_id, held_on, title, place, participants, volunteers, volunteer_tenths, note
             FROM activity WHERE project_id = ?1 ORDER BY held_on DESC, id DESC",
        )?
        .query_map([project_id], |r| {
            Ok(Activity {
                id: r.get(0)?,
                project_id: r.get(1)?,
                held_on: r.get(2)?,
                title: r.get(3)?,
                place: r.get(4)?,
                participants: r.get(5)?,
                volunteers: r.get(6)?,
                volunteer_hours: tenths_to_hours(r.get(7)?).to_string(),
                note: r.get(8)?,
                photos: Vec::new(),
                indicators: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    for a in &mut list {
        a.photos = conn
            .prepare_cached(
                "SELECT p.sha256, p.file_name, t.mime FROM activity_photo p JOIN attachment t ON t.sha256 = p.sha256
                 WHERE p.activity_id = ?1 ORDER BY p.file_name",
            )?
            .query_map([a.id], |r| Ok(ActivityPhoto { sha256: r.get(0)?, file_name: r.get(1)?, mime: r.get(2)? }))?
            .collect::<rusqlite::Result<_>>()?;
        a.indicators = conn
            .prepare_cached("SELECT target_id, value FROM activity_indicator WHERE activity_id = ?1")?
            .query_map([a.id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(list)
}

/// Sums of the activities of a project.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityTotals {
    pub count: i64,
    pub participants: i64,
    pub volunteer_tenths: i64,
    /// Per free-form indicator (target id): the sum of the values recorded.
    pub indicators: Vec<(i64, Decimal)>,
}

pub fn activity_totals(conn: &Connection, project_id: i64) -> Result<ActivityTotals> {
    let (n, participants, tenths): (i64, i64, i64) = conn.query_row(
        "SELECT count(*), COALESCE(SUM(participants), 0), COALESCE(SUM(volunteer_tenths), 0)
         FROM activity WHERE project_id = ?1",
        [project_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let values: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT i.target_id, i.value FROM activity_indicator i JOIN activity a ON a.id = i.activity_id
             WHERE a.project_id = ?1",
        )?
        .query_map([project_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut sums: Vec<(i64, Decimal)> = Vec::new();
    for (t, v) in values {
        let v = decimal(&v)?;
        match sums.iter_mut().find(|(id, _)| *id == t) {
            Some((_, s)) => *s += v,
            None => sums.push((t, v)),
        }
    }
    Ok(ActivityTotals { count: n, participants, volunteer_tenths: tenths, indicators: sums })
}

pub fn activity_insert(
    tx: &Transaction<'_>,
    actor: &Actor,
    project_id: i64,
    v: &ValidActivity,
    photos: &[(AttachmentRef, i64, &'static str)],
) -> Result<i64> {
    tx.execute(
        "INSERT INTO activity (project_id, held_on, title, place, participants, volunteers, volunteer_tenths, note,
                               created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            project_id,
            v.held_on,
            v.title,
            v.place,
            v.participants,
            v.volunteers,
            v.volunteer_tenths,
            v.note,
            actor.timestamp()
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (a, size, mime) in photos {
        tx.execute(
            "INSERT OR IGNORE INTO attachment (sha256, size, mime, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![a.sha256, size, mime, actor.timestamp()],
        )?;
        tx.execute(
            "INSERT OR IGNORE INTO activity_photo (activity_id, sha256, file_name) VALUES (?1, ?2, ?3)",
            params![id, a.sha256, a.file_name],
        )?;
    }
    for (target, value) in &v.indicators {
        tx.execute(
            "INSERT INTO activity_indicator (activity_id, target_id, value) VALUES (?1, ?2, ?3)",
            params![id, target, value.to_string()],
        )?;
    }
    let after = serde_json::json!({
        "projectId": project_id,
        "heldOn": v.held_on,
        "title": v.title,
        "place": v.place,
        "participants": v.participants,
        "volunteers": v.volunteers,
        "volunteerHours": tenths_to_hours(v.volunteer_tenths).to_string(),
        "photos": photos.iter().map(|(a, ..)| &a.sha256).collect::<Vec<_>>(),
        "indicators": v.indicators.iter().map(|(t, d)| (t, d.to_string())).collect::<Vec<_>>(),
    });
    audit::record(tx, actor, "activity", &id.to_string(), Action::Create, None, Some(&after))?;
    Ok(id)
}

/// The project of a grant year with this name, if any (names are unique per year).
pub fn project_named(conn: &Connection, grant_year_id: i64, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM project WHERE grant_year_id = ?1 AND name = ?2")?
        .query_row(params![grant_year_id, name], |r| r.get(0))
        .optional()?)
}

/// Activities per month (`YYYY-MM` → count) of a grant year's projects, oldest first.
pub fn activities_by_month(conn: &Connection, grant_year_id: i64) -> Result<Vec<(String, u32)>> {
    Ok(conn
        .prepare_cached(
            "SELECT substr(a.held_on, 1, 7), count(*) FROM activity a JOIN project p ON p.id = a.project_id
             WHERE p.grant_year_id = ?1 GROUP BY 1 ORDER BY 1",
        )?
        .query_map([grant_year_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}
