//! Service projects (服务项目) as pure rules: what an agreement, an activity, a close-out and a
//! termination must carry; R-PROJECT (the undertaker is an active member when the agreement is
//! signed; payments never exceed what was agreed; agreements never exceed the budget lines); the
//! progress of actuals against targets. No SQL, no clock: "today" is an argument.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::date::parse_date;
use super::grant::{FundSource, GrantStatus};
use super::ledger::AttachmentRef;
use super::member::{Member, MemberStatus, sql_text};
use super::money::Money;
use super::permission::Permission;
use super::text::{clean_code, clean_line};
use crate::error::{CoreError, FieldProblem, Result};

/// 立项 → 实施中 → 已结项 / 终止
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ProjectStatus {
    Planned,
    Running,
    Closed,
    Terminated,
}

sql_text!(ProjectStatus {
    Planned => "planned", "立项"; Running => "running", "实施中";
    Closed => "closed", "已结项"; Terminated => "terminated", "终止";
});

impl ProjectStatus {
    /// 立项 or 实施中: the agreement still holds money and takes payments.
    pub fn is_open(self) -> bool {
        matches!(self, ProjectStatus::Planned | ProjectStatus::Running)
    }
}

/// The project status machine's doors. Each write calls its check; `ProjectActions` tells the
/// window the same answer before it offers a button.
fn door(ok: bool, field: &str, message: String) -> Result<()> {
    if ok { Ok(()) } else { Err(CoreError::field(field, message)) }
}

/// Correcting the agreement (立项 / 实施中).
pub fn may_update(name: &str, status: ProjectStatus) -> Result<()> {
    door(status.is_open(), "status", format!("“{name}”当前为“{}”，协议不能再修改", status.label()))
}

/// 立项 → 实施中.
pub fn may_start(name: &str, status: ProjectStatus) -> Result<()> {
    door(status == ProjectStatus::Planned, "status", format!("“{name}”当前为“{}”，不能开始实施", status.label()))
}

/// 实施中 → 已结项.
pub fn may_close(name: &str, status: ProjectStatus) -> Result<()> {
    door(
        status == ProjectStatus::Running,
        "status",
        format!("“{name}”当前为“{}”，只有实施中的项目可以结项", status.label()),
    )
}

/// 终止 (立项 / 实施中).
pub fn may_terminate(name: &str, status: ProjectStatus) -> Result<()> {
    door(status.is_open(), "status", format!("“{name}”当前为“{}”，不能终止", status.label()))
}

/// 活动记录 (实施中 only).
pub fn may_record_activity(name: &str, status: ProjectStatus) -> Result<()> {
    door(
        status == ProjectStatus::Running,
        "projectId",
        format!("“{name}”当前为“{}”，只有实施中的项目可以记录活动", status.label()),
    )
}

/// R-PROJECT: payments only to an open project.
pub fn may_pay(name: &str, status: ProjectStatus) -> Result<()> {
    if status.is_open() {
        return Ok(());
    }
    Err(CoreError::rule("projectId", "R-PROJECT", format!("“{name}”当前为“{}”，不再接受支付", status.label())))
}

/// What the window may offer on a project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectActions {
    pub edit: Permission,
    pub start: Permission,
    pub close: Permission,
    pub terminate: Permission,
    pub record_activity: Permission,
    /// 拨付: the grant year is being executed and the project is open.
    pub pay: Permission,
    /// 冲销 of its payments: the grant year's books are not final.
    pub correct_payments: Permission,
}

impl ProjectActions {
    pub fn of(name: &str, status: ProjectStatus, year: i32, grant: GrantStatus) -> Self {
        use super::grant::{GrantAction, check_action};
        ProjectActions {
            edit: Permission::of(may_update(name, status)),
            start: Permission::of(may_start(name, status)),
            close: Permission::of(may_close(name, status)),
            terminate: Permission::of(may_terminate(name, status)),
            record_activity: Permission::of(may_record_activity(name, status)),
            pay: Permission::of(
                check_action(year, grant, GrantAction::PostExpense).and_then(|()| may_pay(name, status)),
            ),
            correct_payments: Permission::of(check_action(year, grant, GrantAction::CorrectVouchers)),
        }
    }
}

/// The close-out grade (结项评价等级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum Grade {
    Excellent,
    Good,
    Pass,
    Fail,
}

sql_text!(Grade { Excellent => "excellent", "优秀"; Good => "good", "良好"; Pass => "pass", "合格"; Fail => "fail", "不合格"; });

/// The three standard targets and free-form indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum TargetKind {
    /// 服务人次
    Beneficiaries,
    /// 服务场次
    Sessions,
    /// 志愿服务时长
    VolunteerHours,
    /// 其他指标
    Custom,
}

sql_text!(TargetKind {
    Beneficiaries => "beneficiaries", "服务人次"; Sessions => "sessions", "服务场次";
    VolunteerHours => "volunteer_hours", "志愿服务时长"; Custom => "custom", "其他指标";
});

impl TargetKind {
    pub fn unit(self) -> &'static str {
        match self {
            TargetKind::Beneficiaries => "人次",
            TargetKind::Sessions => "场",
            TargetKind::VolunteerHours => "小时",
            TargetKind::Custom => "",
        }
    }
}

/// One part of the agreed amount: a budget line and a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SplitInput {
    pub category: String,
    pub source: FundSource,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CustomTargetInput {
    pub name: String,
    pub unit: String,
    pub target: String,
}

/// A service agreement (服务协议), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ProjectInput {
    #[ts(type = "number")]
    pub grant_year_id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub member_id: i64,
    pub category: String,
    #[ts(type = "number[]")]
    pub community_ids: Vec<i64>,
    pub agreement_no: String,
    pub signed_on: String,
    pub starts_on: String,
    pub ends_on: String,
    pub splits: Vec<SplitInput>,
    pub beneficiaries: String,
    pub sessions: String,
    pub volunteer_hours: String,
    pub custom_targets: Vec<CustomTargetInput>,
    /// Required when the undertaker is flagged (failed or missed inspection); audited.
    pub override_reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSplit {
    pub category: String,
    pub source: FundSource,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidTarget {
    pub kind: TargetKind,
    pub name: String,
    pub unit: String,
    pub target: Decimal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidProject {
    pub name: String,
    pub member_id: i64,
    pub category: String,
    pub community_ids: Vec<i64>,
    pub agreement_no: String,
    pub signed_on: NaiveDate,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub splits: Vec<ValidSplit>,
    pub targets: Vec<ValidTarget>,
    pub override_reason: String,
}

impl ValidProject {
    pub fn agreed(&self) -> Money {
        self.splits.iter().map(|s| s.amount).sum()
    }
}

/// Why a typed quantity (a target, a head count, hours, a percentage) was not taken; its Display
/// is the Chinese sentence shown under the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BadQuantity {
    #[error("请填写数字")]
    Empty,
    #[error("“{0}”不是数字")]
    NotANumber(String),
    #[error("不能为负数")]
    Negative,
    #[error("请填写整数")]
    NotWhole,
    #[error("最多 {0} 位小数")]
    TooManyDecimals(u32),
    #[error("数字过大，请核对")]
    TooLarge,
}

/// A non-negative number as people type it ("120", "12.5", "１２０"), at most `scale` decimals.
pub fn parse_quantity(input: &str, scale: u32) -> std::result::Result<Decimal, BadQuantity> {
    let s = clean_code(input).replace(',', "");
    if s.is_empty() {
        return Err(BadQuantity::Empty);
    }
    let d: Decimal = s.parse().map_err(|_| BadQuantity::NotANumber(s.clone()))?;
    if d.is_sign_negative() {
        return Err(BadQuantity::Negative);
    }
    if d.normalize().scale() > scale {
        return Err(if scale == 0 { BadQuantity::NotWhole } else { BadQuantity::TooManyDecimals(scale) });
    }
    if d > Decimal::from(100_000_000) {
        return Err(BadQuantity::TooLarge);
    }
    Ok(d.normalize())
}

impl ProjectInput {
    /// Field checks: the project runs inside the grant's execution period; the agreement is signed
    /// on or before the start and not after today; the split names known lines, once each.
    pub fn validate(
        &self,
        period: (NaiveDate, NaiveDate),
        categories: &[(String, String)],
        today: NaiveDate,
    ) -> Result<ValidProject> {
        let mut problems = Vec::new();
        let name = clean_line(&self.name);
        if name.is_empty() || name.chars().count() > 40 {
            problems.push(FieldProblem::new("name", "请填写项目名称（不超过40个字）"));
        }
        if self.member_id <= 0 {
            problems.push(FieldProblem::new("memberId", "请选择承接组织"));
        }
        let category = clean_line(&self.category);
        if category.is_empty() {
            problems.push(FieldProblem::new("category", "请选择项目类别"));
        }
        let mut community_ids = self.community_ids.clone();
        community_ids.sort_unstable();
        community_ids.dedup();
        if community_ids.is_empty() {
            problems.push(FieldProblem::new("communityIds", "请选择服务的社区（至少一个）"));
        }
        let date = |field: &str, label: &str, s: &str, problems: &mut Vec<FieldProblem>| match parse_date(s) {
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(FieldProblem::new(field, format!("{label}：{e}")));
                None
            }
        };
        let signed_on = date("signedOn", "协议签订日期", &self.signed_on, &mut problems);
        let starts_on = date("startsOn", "开始日期", &self.starts_on, &mut problems);
        let ends_on = date("endsOn", "结束日期", &self.ends_on, &mut problems);
        if let Some(s) = signed_on.filter(|&s| s > today) {
            problems.push(FieldProblem::new("signedOn", format!("协议签订日期 {s} 不能晚于今天（{today}）")));
        }
        if let (Some(a), Some(b)) = (starts_on, ends_on) {
            if a > b {
                problems.push(FieldProblem::new("endsOn", "结束日期不能早于开始日期"));
            } else if a < period.0 || b > period.1 {
                problems.push(FieldProblem::new(
                    "endsOn",
                    format!("项目须在资助执行期（{} 至 {}）内实施", period.0, period.1),
                ));
            }
        }
        if let (Some(s), Some(a)) = (signed_on, starts_on)
            && s > a
        {
            problems.push(FieldProblem::new("signedOn", "协议应在项目开始前（或当天）签订"));
        }
        let mut splits: Vec<ValidSplit> = Vec::new();
        if self.splits.is_empty() {
            problems.push(FieldProblem::new("splits", "请填写约定金额及其预算科目、资金来源"));
        }
        for (i, sp) in self.splits.iter().enumerate() {
            let Some((_, cat_name)) = categories.iter().find(|(c, _)| *c == sp.category) else {
                problems.push(FieldProblem::new("splits", format!("第{}行：请选择预算科目", i + 1)));
                continue;
            };
            if splits.iter().any(|x| x.category == sp.category && x.source == sp.source) {
                problems.push(FieldProblem::new(
                    "splits",
                    format!("第{}行：{}（{}）重复填写，请合并为一行", i + 1, cat_name, sp.source.label()),
                ));
                continue;
            }
            match Money::parse(&sp.amount) {
                Ok(m) if m.is_zero() => {
                    problems.push(FieldProblem::new("splits", format!("第{}行：金额必须大于零", i + 1)))
                }
                Ok(m) => splits.push(ValidSplit { category: sp.category.clone(), source: sp.source, amount: m }),
                Err(e) => problems.push(FieldProblem::new("splits", format!("第{}行：{e}", i + 1))),
            }
        }
        let mut targets = Vec::new();
        for (kind, field, input, scale) in [
            (TargetKind::Beneficiaries, "beneficiaries", &self.beneficiaries, 0),
            (TargetKind::Sessions, "sessions", &self.sessions, 0),
            (TargetKind::VolunteerHours, "volunteerHours", &self.volunteer_hours, 1),
        ] {
            match parse_quantity(input, scale) {
                Ok(target) => {
                    targets.push(ValidTarget { kind, name: kind.label().into(), unit: kind.unit().into(), target })
                }
                Err(e) => problems.push(FieldProblem::new(field, format!("{}目标：{e}", kind.label()))),
            }
        }
        for (i, c) in self.custom_targets.iter().enumerate() {
            let name = clean_line(&c.name);
            if name.is_empty() || name.chars().count() > 30 {
                problems
                    .push(FieldProblem::new("customTargets", format!("第{}个指标：请填写名称（不超过30个字）", i + 1)));
                continue;
            }
            match parse_quantity(&c.target, 2) {
                Ok(target) => {
                    targets.push(ValidTarget { kind: TargetKind::Custom, name, unit: clean_line(&c.unit), target })
                }
                Err(e) => problems.push(FieldProblem::new("customTargets", format!("“{name}”目标值：{e}"))),
            }
        }
        let override_reason = clean_line(&self.override_reason);
        match (problems.is_empty(), signed_on, starts_on, ends_on) {
            (true, Some(signed_on), Some(starts_on), Some(ends_on)) => Ok(ValidProject {
                name,
                member_id: self.member_id,
                category,
                community_ids,
                agreement_no: clean_code(&self.agreement_no),
                signed_on,
                starts_on,
                ends_on,
                splits,
                targets,
                override_reason,
            }),
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

/// R-PROJECT: the undertaker is an active member organization on the day the agreement is signed.
/// A flagged one (failed or missed inspection) needs a written reason.
pub fn check_undertaker(
    member: &Member,
    signed_on: NaiveDate,
    flag_reason: Option<&str>,
    override_reason: &str,
) -> Result<()> {
    let problem = if member.status != MemberStatus::Active {
        Some(format!("“{}”当前状态为“{}”，不能承接服务项目", member.name, member.status.label()))
    } else if member.joined_on > signed_on {
        Some(format!("“{}”于 {} 加入本会，协议签订日 {} 时还不是成员单位", member.name, member.joined_on, signed_on))
    } else {
        None
    };
    if let Some(message) = problem {
        return Err(CoreError::rule("memberId", "R-PROJECT", message));
    }
    if let Some(reason) = flag_reason
        && override_reason.is_empty()
    {
        return Err(CoreError::field(
            "overrideReason",
            format!("“{}”{}：如确需由其承接，请写明理由（将记入操作日志）", member.name, reason),
        ));
    }
    Ok(())
}

/// What one budget line already carries, when an agreement is about to take part of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCommitment {
    pub budget: Money,
    /// Spent on the line outside any project.
    pub spent_outside: Money,
    /// Agreed on the line by other projects (a terminated one counts what it was paid).
    pub other_projects: Money,
}

/// R-PROJECT: agreements never exceed the budget line they draw on.
pub fn check_agreement_fits(
    line: LineCommitment,
    amount: Money,
    category_name: &str,
    source: FundSource,
) -> Option<FieldProblem> {
    let room = line.budget - line.spent_outside - line.other_projects;
    (amount > room).then(|| {
        FieldProblem::rule(
            "splits",
            "R-PROJECT",
            format!(
                "{category_name}（{}）预算 {} 元，项目外已支出 {} 元，其他项目已约定 {} 元，尚可约定 {} 元；本项目约定 {} 元，超出 {} 元",
                source.label(),
                line.budget.to_grouped(),
                line.spent_outside.to_grouped(),
                line.other_projects.to_grouped(),
                room.to_grouped(),
                amount.to_grouped(),
                (amount - room).to_grouped()
            ),
        )
    })
}

/// R-PROJECT: a payment stays within what the agreement puts on its line and source.
pub fn check_payment(
    agreed_on_line: Option<Money>,
    paid_on_line: Money,
    amount: Money,
    project: &str,
    category_name: &str,
    source: FundSource,
) -> Result<()> {
    let Some(agreed) = agreed_on_line else {
        return Err(CoreError::rule(
            "category",
            "R-PROJECT",
            format!("“{project}”的协议没有在{category_name}（{}）上约定金额，不能从这里支付", source.label()),
        ));
    };
    let left = agreed - paid_on_line;
    if amount > left {
        return Err(CoreError::rule(
            "amount",
            "R-PROJECT",
            format!(
                "“{project}”在{category_name}（{}）上约定 {} 元，已支付 {} 元，尚可支付 {} 元；本次 {} 元超出 {} 元",
                source.label(),
                agreed.to_grouped(),
                paid_on_line.to_grouped(),
                left.to_grouped(),
                amount.to_grouped(),
                (amount - left).to_grouped()
            ),
        ));
    }
    Ok(())
}

/// An activity (活动记录), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivityInput {
    #[ts(type = "number")]
    pub project_id: i64,
    pub held_on: String,
    pub title: String,
    pub place: String,
    pub participants: String,
    pub volunteers: String,
    pub volunteer_hours: String,
    pub note: String,
    pub photos: Vec<AttachmentRef>,
    pub indicators: Vec<IndicatorValueInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IndicatorValueInput {
    #[ts(type = "number")]
    pub target_id: i64,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidActivity {
    pub held_on: NaiveDate,
    pub title: String,
    pub place: String,
    pub participants: i64,
    pub volunteers: i64,
    pub volunteer_tenths: i64,
    pub note: String,
    pub photos: Vec<AttachmentRef>,
    pub indicators: Vec<(i64, Decimal)>,
}

fn count(field: &str, label: &str, input: &str, problems: &mut Vec<FieldProblem>) -> Option<i64> {
    let input = if clean_code(input).is_empty() { "0" } else { input };
    match parse_quantity(input, 0) {
        Ok(d) => i64::try_from(d.mantissa()).ok(),
        Err(e) => {
            problems.push(FieldProblem::new(field, format!("{label}：{e}")));
            None
        }
    }
}

impl ActivityInput {
    /// The activity lies inside the project's dates and not after today; counts are whole numbers,
    /// hours have at most one decimal, indicator values name the project's own indicators.
    pub fn validate(
        &self,
        project: (NaiveDate, NaiveDate),
        custom_targets: &[i64],
        today: NaiveDate,
    ) -> Result<ValidActivity> {
        let mut problems = Vec::new();
        let held_on = match parse_date(&self.held_on) {
            Ok(d) if d > today => {
                problems.push(FieldProblem::new("heldOn", format!("活动日期不能晚于今天（{today}）")));
                None
            }
            Ok(d) if d < project.0 || d > project.1 => {
                problems.push(FieldProblem::new(
                    "heldOn",
                    format!("活动日期须在项目实施期（{} 至 {}）内", project.0, project.1),
                ));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(FieldProblem::new("heldOn", e.to_string()));
                None
            }
        };
        let title = clean_line(&self.title);
        if title.is_empty() || title.chars().count() > 50 {
            problems.push(FieldProblem::new("title", "请填写活动名称（不超过50个字）"));
        }
        let participants = count("participants", "参与人次", &self.participants, &mut problems);
        let volunteers = count("volunteers", "志愿者人数", &self.volunteers, &mut problems);
        let hours_input = if clean_code(&self.volunteer_hours).is_empty() { "0" } else { &self.volunteer_hours };
        let volunteer_tenths = match parse_quantity(hours_input, 1) {
            Ok(d) => rust_decimal::prelude::ToPrimitive::to_i64(&(d * Decimal::from(10))),
            Err(e) => {
                problems.push(FieldProblem::new("volunteerHours", format!("志愿服务时长：{e}")));
                None
            }
        };
        let mut indicators = Vec::new();
        for v in &self.indicators {
            if clean_code(&v.value).is_empty() {
                continue;
            }
            if !custom_targets.contains(&v.target_id) {
                problems.push(FieldProblem::new("indicators", "指标不属于本项目，请刷新后重试"));
                continue;
            }
            match parse_quantity(&v.value, 2) {
                Ok(d) => indicators.push((v.target_id, d)),
                Err(e) => problems.push(FieldProblem::new("indicators", format!("指标完成值：{e}"))),
            }
        }
        let photos = self
            .photos
            .iter()
            .map(|p| AttachmentRef {
                sha256: p.sha256.clone(),
                file_name: super::ledger::attachment_name(&p.file_name),
            })
            .collect();
        match (problems.is_empty(), held_on, participants, volunteers, volunteer_tenths) {
            (true, Some(held_on), Some(participants), Some(volunteers), Some(volunteer_tenths)) => Ok(ValidActivity {
                held_on,
                title,
                place: clean_line(&self.place),
                participants,
                volunteers,
                volunteer_tenths,
                note: clean_line(&self.note),
                photos,
                indicators,
            }),
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

/// 结项: actuals are taken from the activities; the person writes the evaluation and grade.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CloseOutInput {
    pub date: String,
    pub evaluation: String,
    pub grade: Option<Grade>,
}

/// 终止: with a reason; what was agreed but not paid goes back to its budget lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct TerminateInput {
    pub date: String,
    pub reason: String,
}

/// Checks an end date (close-out or termination): a real date, not before the project's start and
/// not after today.
pub fn end_date(input: &str, starts_on: NaiveDate, today: NaiveDate) -> Result<NaiveDate> {
    match parse_date(input) {
        Ok(d) if d > today => Err(CoreError::field("date", format!("日期不能晚于今天（{today}）"))),
        Ok(d) if d < starts_on => Err(CoreError::field("date", format!("日期不能早于项目开始日期 {starts_on}"))),
        Ok(d) => Ok(d),
        Err(e) => Err(CoreError::field("date", e.to_string())),
    }
}

/// Actual against target, with the share done ("85.0%"; "—" without a target).
pub fn progress_percent(actual: Decimal, target: Decimal) -> String {
    super::share::percent(actual, target, 1)
}

#[cfg(test)]
mod tests;
