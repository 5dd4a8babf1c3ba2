//! Service projects through the facade: agreements (R-PROJECT: the undertaker is an active member
//! when signing, a flagged one needs a written reason; agreements fit their budget lines), the
//! status machine 立项 → 实施中 → 已结项 / 终止, activities, payments (vouchers naming the project,
//! checked in `books::ledger`), and progress of actuals against targets.
//!
//! What an agreement holds on a budget line: a 立项 or 实施中 project holds what it agreed; a
//! 已结项 or 终止 one holds only what it was paid, so the rest returns to the line.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Books;
use super::ledger::Voucher;
use super::position;
use crate::attachments::{Evidence, verify_refs};
use crate::domain::grant::{FundSource, GrantAction};
use crate::domain::ledger::Role;
use crate::domain::member::{self, Eligibility, MemberStatus};
use crate::domain::money::Money;
use crate::domain::project::{
    self, ActivityInput, CloseOutInput, LineCommitment, ProjectActions, ProjectInput, ProjectStatus, TargetKind,
    TerminateInput, progress_percent,
};
use crate::domain::text::clean_line;
use crate::error::{CoreError, FieldProblem, Result};
use crate::store::grants as gsql;
use crate::store::ledger as lsql;
use crate::store::members::{self as msql, List};
use crate::store::projects::{self as sql, Activity, ProjectRow};

/// Which projects to list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectQuery {
    #[ts(type = "number | null")]
    pub grant_year_id: Option<i64>,
    pub status: Option<ProjectStatus>,
    #[ts(type = "number | null")]
    pub member_id: Option<i64>,
    #[ts(type = "number | null")]
    pub community_id: Option<i64>,
}

/// A target with what the activities achieved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TargetProgress {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: TargetKind,
    pub name: String,
    pub unit: String,
    /// Decimal strings ("120", "12.5").
    pub target: String,
    pub actual: String,
    /// "85.0%", or "—" without a target.
    pub percent: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SplitView {
    pub category: String,
    pub category_name: String,
    pub source: FundSource,
    pub agreed: Money,
    pub paid: Money,
    pub remaining: Money,
}

/// One project in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectSummary {
    pub project: ProjectRow,
    pub grant_year: i32,
    pub communities: Vec<String>,
    pub agreed: Money,
    pub paid: Money,
    /// The undertaker's signals today (flagged, 优先).
    pub eligibility: Eligibility,
    #[ts(type = "number")]
    pub activities: i64,
    pub targets: Vec<TargetProgress>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CommunityRef {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
}

/// A project with everything its page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectDetail {
    pub project: ProjectRow,
    pub grant_year: i32,
    pub communities: Vec<CommunityRef>,
    pub splits: Vec<SplitView>,
    pub agreed: Money,
    pub paid: Money,
    pub remaining: Money,
    pub agreed_daxie: String,
    pub eligibility: Eligibility,
    pub member_status: MemberStatus,
    pub targets: Vec<TargetProgress>,
    pub activities: Vec<Activity>,
    pub payments: Vec<Voucher>,
    /// Whether payments and activities are still taken (立项 / 实施中).
    pub open: bool,
    pub actions: ProjectActions,
}

/// What an agreement may put on one budget line and source: exactly what R-PROJECT accepts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AgreementOption {
    pub category: String,
    pub category_name: String,
    pub source: FundSource,
    pub budget: Money,
    /// Spent on the line outside any project.
    pub spent_outside: Money,
    /// What other agreements take of the line.
    pub other_projects: Money,
    /// budget − spent outside − other agreements: the most this agreement may agree here.
    pub room: Money,
    /// Already paid on this line to the agreement being edited: the least it may agree here.
    pub paid_here: Money,
}

/// A grant year's projects at a glance: counts, money, and the standard targets summed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GrantProgress {
    #[ts(type = "number")]
    pub grant_year_id: i64,
    /// (status, count)
    pub by_status: Vec<(ProjectStatus, u32)>,
    pub agreed: Money,
    pub paid: Money,
    pub targets: Vec<TargetProgress>,
    /// Activities per month, `YYYY-MM` → count, for the chart.
    pub activities_by_month: Vec<(String, u32)>,
}

/// Validates an agreement against the books: grant year, undertaker (R-PROJECT, flag
/// override), communities, and that every split fits its budget line (R-PROJECT).
fn check_agreement(
    conn: &rusqlite::Connection,
    today: NaiveDate,
    input: &ProjectInput,
    except: Option<i64>,
) -> Result<(project::ValidProject, String)> {
    let gy = gsql::grant_year(conn, input.grant_year_id)?;
    crate::domain::grant::check_action(gy.year, gy.status, GrantAction::SignAgreement)?;
    let names = gsql::category_names(conn)?;
    let valid = input.validate((gy.period_start, gy.period_end), &names, today)?;
    let taken = sql::project_named(conn, gy.id, &valid.name)?;
    if taken.is_some_and(|t| Some(t) != except) {
        return Err(CoreError::field("name", format!("{} 年度已有名为“{}”的项目", gy.year, valid.name)));
    }
    let communities = msql::list_entries(conn, List::Community)?;
    if valid.community_ids.iter().any(|c| !communities.iter().any(|e| e.id == *c)) {
        return Err(CoreError::field("communityIds", "所选社区已不存在，请刷新后重选"));
    }
    let m = msql::get(conn, valid.member_id)?.ok_or(CoreError::NotFound { what: "成员单位" })?;
    // R-PROJECT speaks of the day the agreement is signed: correcting an agreement that keeps
    // its undertaker and signing date is not a new signing, so a later suspension of the
    // undertaker does not block fixing a typo.
    let before = except.map(|id| sql::project(conn, id)).transpose()?;
    let mut valid = valid;
    let flag = match &before {
        Some(b) if b.member_id == valid.member_id && b.signed_on == valid.signed_on => {
            // The signing-time flag and reason stand.
            if valid.override_reason.is_empty() {
                valid.override_reason = b.override_reason.clone();
            }
            Some(b.flag_reason.clone()).filter(|f| !f.is_empty())
        }
        _ => {
            let flag = member::eligibility(&m, valid.signed_on).flag_reason;
            project::check_undertaker(&m, valid.signed_on, flag.as_deref(), &valid.override_reason)?;
            flag
        }
    };
    finish_agreement(conn, valid, flag, except, &names, gy.id)
}

/// The budget half of an agreement's checks: every split within what its line has left
/// (R-PROJECT), and never below what was already paid on it.
fn finish_agreement(
    conn: &rusqlite::Connection,
    valid: project::ValidProject,
    flag: Option<String>,
    except: Option<i64>,
    names: &[(String, String)],
    grant_year_id: i64,
) -> Result<(project::ValidProject, String)> {
    // Splits against their lines, seen from this agreement (its own hold is not counted).
    let accounts = lsql::accounts_of_year(conn, grant_year_id)?;
    let lines = position::positions_in(conn, &accounts, grant_year_id, except)?;
    let mut problems: Vec<FieldProblem> = Vec::new();
    for s in &valid.splits {
        let line = lines
            .iter()
            .find(|l| l.category == s.category && l.source == s.source)
            .map(|l| l.agreement_line())
            .unwrap_or(LineCommitment { budget: Money::ZERO, spent_outside: Money::ZERO, other_projects: Money::ZERO });
        let name = names.iter().find(|(c, _)| *c == s.category).map(|(_, n)| n.as_str()).unwrap_or("");
        problems.extend(project::check_agreement_fits(line, s.amount, name, s.source));
    }
    // An agreement being edited may not drop below what was already paid on a line.
    if let Some(id) = except {
        for (c, src, paid) in sql::paid_by_split(conn, id, &accounts.codes(&Role::EXPENSE))? {
            let now = valid.splits.iter().find(|s| s.category == c && s.source == src).map(|s| s.amount);
            if paid > Money::ZERO && now.unwrap_or(Money::ZERO) < paid {
                let name = names.iter().find(|(code, _)| *code == c).map(|(_, n)| n.as_str()).unwrap_or("");
                problems.push(FieldProblem::rule(
                    "splits",
                    "R-PROJECT",
                    format!("{name}（{}）已支付 {} 元，约定金额不能低于已支付", src.label(), paid.to_grouped()),
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(CoreError::Validation(problems));
    }
    Ok((valid, flag.unwrap_or_default()))
}

fn decimal_text(d: Decimal) -> String {
    d.normalize().to_string()
}

impl Books {
    fn progress_of(&self, project_id: i64) -> Result<(i64, Vec<TargetProgress>)> {
        let conn = self.store.conn();
        let sql::ActivityTotals { count: n, participants, volunteer_tenths: tenths, indicators: sums } =
            sql::activity_totals(conn, project_id)?;
        let targets = sql::targets(conn, project_id)?
            .into_iter()
            .map(|t| {
                let actual = match t.kind {
                    TargetKind::Beneficiaries => Decimal::from(participants),
                    TargetKind::Sessions => Decimal::from(n),
                    TargetKind::VolunteerHours => sql::tenths_to_hours(tenths),
                    TargetKind::Custom => {
                        sums.iter().find(|(id, _)| *id == t.id).map(|(_, v)| *v).unwrap_or(Decimal::ZERO)
                    }
                };
                TargetProgress {
                    id: t.id,
                    kind: t.kind,
                    name: t.name,
                    unit: t.unit,
                    target: decimal_text(t.target),
                    actual: decimal_text(actual),
                    percent: progress_percent(actual, t.target),
                }
            })
            .collect();
        Ok((n, targets))
    }

    fn money_of(&self, project_id: i64) -> Result<(Vec<SplitView>, Money, Money)> {
        let conn = self.store.conn();
        let accounts = lsql::accounts_of_year(conn, sql::project(conn, project_id)?.grant_year_id)?;
        let names = gsql::category_names(conn)?;
        let paid = sql::paid_by_split(conn, project_id, &accounts.codes(&Role::EXPENSE))?;
        let splits: Vec<SplitView> = sql::splits(conn, project_id)?
            .into_iter()
            .map(|(category, source, agreed)| {
                let p = paid
                    .iter()
                    .find(|(c, s, _)| *c == category && *s == source)
                    .map(|(.., m)| *m)
                    .unwrap_or(Money::ZERO);
                SplitView {
                    category_name: names
                        .iter()
                        .find(|(c, _)| *c == category)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_default(),
                    category,
                    source,
                    agreed,
                    paid: p,
                    remaining: agreed - p,
                }
            })
            .collect();
        let agreed = splits.iter().map(|s| s.agreed).sum();
        let paid = splits.iter().map(|s| s.paid).sum();
        Ok((splits, agreed, paid))
    }

    fn member_signals(&self, member_id: i64) -> Result<(Eligibility, MemberStatus)> {
        let m = msql::get(self.store.conn(), member_id)?.ok_or(CoreError::NotFound { what: "成员单位" })?;
        Ok((member::eligibility(&m, self.today()), m.status))
    }

    pub fn projects_list(&self, q: &ProjectQuery) -> Result<Vec<ProjectSummary>> {
        let conn = self.store.conn();
        let rows = sql::projects(conn, q.grant_year_id, q.status, q.member_id, q.community_id)?;
        let years = gsql::grant_years(conn)?;
        rows.into_iter()
            .map(|p| {
                let (_, agreed, paid) = self.money_of(p.id)?;
                let (activities, targets) = self.progress_of(p.id)?;
                let (eligibility, _) = self.member_signals(p.member_id)?;
                Ok(ProjectSummary {
                    grant_year: years.iter().find(|g| g.id == p.grant_year_id).map(|g| g.year).unwrap_or_default(),
                    communities: sql::communities(conn, p.id)?.into_iter().map(|(_, n)| n).collect(),
                    agreed,
                    paid,
                    eligibility,
                    activities,
                    targets,
                    project: p,
                })
            })
            .collect()
    }

    pub fn project_get(&self, id: i64) -> Result<ProjectDetail> {
        let conn = self.store.conn();
        let p = sql::project(conn, id)?;
        let gy = gsql::grant_year(conn, p.grant_year_id)?;
        let (splits, agreed, paid) = self.money_of(id)?;
        let (_, targets) = self.progress_of(id)?;
        let (eligibility, member_status) = self.member_signals(p.member_id)?;
        // Only this project's own vouchers: every project write returns this view.
        let payments = self.vouchers_of_project(id)?;
        Ok(ProjectDetail {
            grant_year: gy.year,
            actions: ProjectActions::of(&p.name, p.status, gy.year, gy.status),
            communities: sql::communities(conn, id)?.into_iter().map(|(id, name)| CommunityRef { id, name }).collect(),
            splits,
            agreed,
            paid,
            remaining: agreed - paid,
            agreed_daxie: agreed.to_daxie(),
            eligibility,
            member_status,
            targets,
            activities: sql::activities(conn, id)?,
            payments,
            open: p.status.is_open(),
            project: p,
        })
    }

    /// 立项: records the service agreement.
    pub fn project_create(&mut self, input: &ProjectInput) -> Result<ProjectDetail> {
        let (today, actor) = (self.today(), self.actor());
        let gy = input.grant_year_id;
        let id = self.store.with_tx(|tx| {
            // R-PROJECT reads what the line has left inside the write that takes it, so two
            // windows cannot both sign the last of a line.
            let (valid, flag) = check_agreement(tx, today, input, None)?;
            sql::project_insert(tx, &actor, gy, &valid, &flag)
        })?;
        self.project_get(id)
    }

    /// Corrects an agreement while the project is 立项 or 实施中; what was paid bounds the amounts.
    pub fn project_update(&mut self, id: i64, input: &ProjectInput) -> Result<ProjectDetail> {
        let (today, actor) = (self.today(), self.actor());
        self.store.with_tx(|tx| {
            let before = sql::project(tx, id)?;
            project::may_update(&before.name, before.status)?;
            let mut input = input.clone();
            input.grant_year_id = before.grant_year_id;
            let (valid, flag) = check_agreement(tx, today, &input, Some(id))?;
            sql::project_update(tx, &actor, &before, &valid, &flag)
        })?;
        self.project_get(id)
    }

    /// 立项 → 实施中.
    pub fn project_start(&mut self, id: i64) -> Result<ProjectDetail> {
        let actor = self.actor();
        self.store.with_tx(|tx| {
            let before = sql::project(tx, id)?;
            project::may_start(&before.name, before.status)?;
            sql::project_set_status(tx, &actor, &before, ProjectStatus::Running, &sql::ProjectEnd::default())
        })?;
        self.project_get(id)
    }

    /// 实施中 → 已结项, with an evaluation and a grade. Unpaid agreed money goes back to its lines.
    pub fn project_close(&mut self, id: i64, input: &CloseOutInput) -> Result<ProjectDetail> {
        let (today, actor) = (self.today(), self.actor());
        self.store.with_tx(|tx| {
            let before = sql::project(tx, id)?;
            project::may_close(&before.name, before.status)?;
            let mut problems = Vec::new();
            let date = project::end_date(&input.date, before.starts_on, today)
                .map_err(|e| problems.extend(e.problems().to_vec()))
                .ok();
            let evaluation = input.evaluation.trim().to_owned();
            if evaluation.chars().count() < 10 {
                problems.push(FieldProblem::new(
                    "evaluation",
                    "请填写结项评价（至少10个字）：完成情况、服务成效、存在问题",
                ));
            }
            if input.grade.is_none() {
                problems.push(FieldProblem::new("grade", "请选择评价等级"));
            }
            if !problems.is_empty() {
                return Err(CoreError::Validation(problems));
            }
            let end = sql::ProjectEnd {
                ended_on: date,
                evaluation: evaluation.clone(),
                grade: input.grade,
                ..Default::default()
            };
            sql::project_set_status(tx, &actor, &before, ProjectStatus::Closed, &end)
        })?;
        self.project_get(id)
    }

    /// 终止: with a reason; what was agreed but not paid returns to its budget lines.
    pub fn project_terminate(&mut self, id: i64, input: &TerminateInput) -> Result<ProjectDetail> {
        let (today, actor) = (self.today(), self.actor());
        self.store.with_tx(|tx| {
            // The status is read inside the write: two windows ending the same project give one
            // ending and one refusal, never two audit rows for one act.
            let before = sql::project(tx, id)?;
            project::may_terminate(&before.name, before.status)?;
            let date = project::end_date(&input.date, before.starts_on.min(today), today)?;
            let reason = clean_line(&input.reason);
            if reason.is_empty() {
                return Err(CoreError::field("reason", "请写明终止原因"));
            }
            let end =
                sql::ProjectEnd { ended_on: Some(date), termination_reason: reason.clone(), ..Default::default() };
            sql::project_set_status(tx, &actor, &before, ProjectStatus::Terminated, &end)
        })?;
        self.project_get(id)
    }

    /// 活动记录: only while the project is 实施中; photos are stored like voucher attachments.
    pub fn activity_add(&mut self, input: &ActivityInput) -> Result<ProjectDetail> {
        let dir = self.attachment_dir();
        let (today, actor) = (self.today(), self.actor());
        let id = self.store.with_tx(|tx| {
            // Only while 实施中: read inside the write, so an activity never lands on a project
            // another window has just closed.
            let p = sql::project(tx, input.project_id)?;
            project::may_record_activity(&p.name, p.status)?;
            let custom: Vec<i64> =
                sql::targets(tx, p.id)?.into_iter().filter(|t| t.kind == TargetKind::Custom).map(|t| t.id).collect();
            let valid = input.validate((p.starts_on, p.ends_on), &custom, today)?;
            let photos = verify_refs(dir, &valid.photos, Evidence::Photos)?;
            sql::activity_insert(tx, &actor, p.id, &valid, &photos)?;
            Ok(p.id)
        })?;
        self.project_get(id)
    }

    /// For the agreement form: what each line and source leaves for the agreement being signed
    /// (`project_id` None) or corrected, read the way R-PROJECT reads it.
    pub fn agreement_options(&self, grant_year_id: i64, project_id: Option<i64>) -> Result<Vec<AgreementOption>> {
        let conn = self.store.conn();
        let accounts = lsql::accounts_of_year(conn, grant_year_id)?;
        let paid = match project_id {
            Some(id) => {
                if sql::project(conn, id)?.grant_year_id != grant_year_id {
                    return Err(CoreError::field("projectId", "这个服务项目不属于所选的资助年度"));
                }
                sql::paid_by_split(conn, id, &accounts.codes(&Role::EXPENSE))?
            }
            None => Vec::new(),
        };
        Ok(position::positions_in(conn, &accounts, grant_year_id, project_id)?
            .into_iter()
            .filter(|p| !p.budget.is_zero())
            .map(|p| {
                let line = p.agreement_line();
                AgreementOption {
                    room: p.agreement_room(),
                    paid_here: paid
                        .iter()
                        .find(|(c, s, _)| *c == p.category && *s == p.source)
                        .map(|(.., m)| *m)
                        .unwrap_or(Money::ZERO),
                    category: p.category,
                    category_name: p.category_name,
                    source: p.source,
                    budget: line.budget,
                    spent_outside: line.spent_outside,
                    other_projects: line.other_projects,
                }
            })
            .collect())
    }

    /// A grant year's projects summed: counts by status, money, the standard targets, activities
    /// per month.
    pub fn grant_progress(&self, grant_year_id: i64) -> Result<GrantProgress> {
        let list = self.projects_list(&ProjectQuery { grant_year_id: Some(grant_year_id), ..Default::default() })?;
        let mut by_status: Vec<(ProjectStatus, u32)> = Vec::new();
        for s in ProjectStatus::ALL {
            let n = list.iter().filter(|p| p.project.status == *s).count() as u32;
            by_status.push((*s, n));
        }
        let mut targets = Vec::new();
        for kind in [TargetKind::Beneficiaries, TargetKind::Sessions, TargetKind::VolunteerHours] {
            let (mut target, mut actual) = (Decimal::ZERO, Decimal::ZERO);
            for p in &list {
                for t in p.targets.iter().filter(|t| t.kind == kind) {
                    target += t.target.parse::<Decimal>().unwrap_or_default();
                    actual += t.actual.parse::<Decimal>().unwrap_or_default();
                }
            }
            targets.push(TargetProgress {
                id: 0,
                kind,
                name: kind.label().into(),
                unit: kind.unit().into(),
                target: decimal_text(target),
                actual: decimal_text(actual),
                percent: progress_percent(actual, target),
            });
        }
        let activities_by_month = sql::activities_by_month(self.store.conn(), grant_year_id)?;
        Ok(GrantProgress {
            grant_year_id,
            by_status,
            agreed: list.iter().map(|p| p.agreed).sum(),
            paid: list.iter().map(|p| p.paid).sum(),
            targets,
            activities_by_month,
        })
    }
}
