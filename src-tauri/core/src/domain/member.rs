//! Member organizations (成员单位): what a secretary types about each one, checked at the door, and
//! the eligibility signals that service projects use later (flagged after a failed or missed annual
//! inspection; 优先 with a valid rating of 3A or above — the source policy's 三优先).
//!
//! Pure: no SQL, no clock. Uniqueness (name, credit code, filing number) and the existence of the
//! category and community are checked by the facade against the store.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::credit_code;
use super::date::past_date;
use super::text::{clean_line, fold_alnum, fold_width};
use crate::error::{CoreError, FieldProblem, Result};

/// 登记 (registered with civil affairs, has a credit code) or 备案 (filed at the street).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum LegalForm {
    Registered,
    Filed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MemberStatus {
    Active,
    Suspended,
    Withdrawn,
}

/// Party-building coverage (党建覆盖).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PartyBuilding {
    /// 单独组建
    Standalone,
    /// 联合组建
    Joint,
    /// 党建指导员
    Instructor,
    /// 未覆盖
    None,
}

/// Annual-inspection result (年检结果).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum InspectionResult {
    /// 合格
    Pass,
    /// 基本合格
    BasicPass,
    /// 不合格
    Fail,
    /// 未参检
    Absent,
}

macro_rules! sql_text {
    ($ty:ty { $($variant:ident => $sql:literal, $label:literal;)* }) => {
        impl $ty {
            pub const ALL: &'static [$ty] = &[$(<$ty>::$variant),*];
            pub fn as_sql(self) -> &'static str {
                match self { $(<$ty>::$variant => $sql),* }
            }
            pub fn from_sql(s: &str) -> Option<$ty> {
                match s { $($sql => Some(<$ty>::$variant),)* _ => None }
            }
            /// The Chinese word a person reads and types.
            pub fn label(self) -> &'static str {
                match self { $(<$ty>::$variant => $label),* }
            }
            pub fn from_label(s: &str) -> Option<$ty> {
                match s { $($label => Some(<$ty>::$variant),)* _ => None }
            }
        }
        impl rusqlite::types::ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_sql().into())
            }
        }
        impl rusqlite::types::FromSql for $ty {
            fn column_result(v: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let s = v.as_str()?;
                <$ty>::from_sql(s).ok_or_else(|| rusqlite::types::FromSqlError::Other(format!("unknown value {s}").into()))
            }
        }
    };
}

pub(crate) use sql_text;

sql_text!(LegalForm { Registered => "registered", "登记"; Filed => "filed", "备案"; });
sql_text!(MemberStatus { Active => "active", "正常"; Suspended => "suspended", "暂停"; Withdrawn => "withdrawn", "已退出"; });
sql_text!(PartyBuilding {
    Standalone => "standalone", "单独组建"; Joint => "joint", "联合组建";
    Instructor => "instructor", "党建指导员"; None => "none", "未覆盖";
});
sql_text!(InspectionResult { Pass => "pass", "合格"; BasicPass => "basic_pass", "基本合格"; Fail => "fail", "不合格"; Absent => "absent", "未参检"; });

/// How many years a rating counts: the year it was awarded and the four after it.
pub const RATING_VALID_YEARS: i32 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Inspection {
    pub year: i32,
    pub result: InspectionResult,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Rating {
    pub year: i32,
    /// 1–5, shown as 1A–5A.
    pub level: u8,
}

impl Rating {
    /// The last calendar year in which the rating counts.
    pub fn valid_until(&self) -> i32 {
        self.year + RATING_VALID_YEARS - 1
    }

    pub fn is_valid_on(&self, today: NaiveDate) -> bool {
        today.year() >= self.year && today.year() <= self.valid_until()
    }
}

/// A member organization as stored and shown, with its latest inspection and rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Member {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub legal_form: LegalForm,
    pub credit_code: Option<String>,
    pub filing_no: Option<String>,
    #[ts(type = "number")]
    pub category_id: i64,
    pub category: String,
    #[ts(type = "number | null")]
    pub community_id: Option<i64>,
    pub community: Option<String>,
    pub leader: String,
    pub phone: String,
    pub founded_on: Option<NaiveDate>,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
    pub status: MemberStatus,
    pub party_building: PartyBuilding,
    pub notes: String,
    pub latest_inspection: Option<Inspection>,
    pub latest_rating: Option<Rating>,
    pub updated_at: String,
}

/// The eligibility signals of one member on one day, computed by [`eligibility`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Eligibility {
    /// Why the organization is flagged (latest inspection 不合格 or 未参检), if it is.
    pub flag_reason: Option<String>,
    /// 优先: a rating of 3A or above that is still valid.
    pub priority: bool,
    /// The latest rating has expired (shown as 已过期).
    pub rating_expired: bool,
}

/// The signals service projects use: a pure function of the member's latest inspection and rating
/// and of today.
pub fn eligibility(member: &Member, today: NaiveDate) -> Eligibility {
    let flag_reason = member.latest_inspection.and_then(|i| match i.result {
        InspectionResult::Fail => Some(format!("{}年度年检不合格", i.year)),
        InspectionResult::Absent => Some(format!("{}年度未参加年检", i.year)),
        InspectionResult::Pass | InspectionResult::BasicPass => None,
    });
    let valid = member.latest_rating.map(|r| r.is_valid_on(today));
    Eligibility {
        flag_reason,
        priority: member.latest_rating.is_some_and(|r| r.level >= 3) && valid == Some(true),
        rating_expired: valid == Some(false),
    }
}

/// A member in a list or on its page: the stored member plus its signals for today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberRow {
    pub member: Member,
    pub eligibility: Eligibility,
}

/// One page of the member list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberPage {
    pub rows: Vec<MemberRow>,
    #[ts(type = "number")]
    pub total: i64,
    pub page: u32,
    pub page_size: u32,
}

/// Everything about one member: its signals, history and the warnings a person should read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberDetail {
    pub member: Member,
    pub eligibility: Eligibility,
    /// Newest first.
    pub inspections: Vec<Inspection>,
    /// Newest first.
    pub ratings: Vec<Rating>,
    /// Things to check that do not stop a save (e.g. a credit code not issued by civil affairs).
    pub warnings: Vec<String>,
}

/// Warnings about a stored member that do not refuse it.
pub fn warnings(legal_form: LegalForm, credit_code: Option<&str>) -> Vec<String> {
    match (legal_form, credit_code) {
        (LegalForm::Registered, Some(code)) if !credit_code::is_civil_affairs(code) => {
            vec![format!("统一社会信用代码 {code} 的第1位不是5，不像民政部门登记的社会组织，请核对登记证书")]
        }
        _ => vec![],
    }
}

/// The form as typed: strings for text and dates, ids for the two lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MemberInput {
    pub name: String,
    pub legal_form: LegalForm,
    pub credit_code: String,
    pub filing_no: String,
    #[ts(type = "number | null")]
    pub category_id: Option<i64>,
    #[ts(type = "number | null")]
    pub community_id: Option<i64>,
    pub leader: String,
    pub phone: String,
    /// `YYYY-MM-DD` or empty.
    pub founded_on: String,
    /// `YYYY-MM-DD`.
    pub joined_on: String,
    /// `YYYY-MM-DD`; required exactly when the status is withdrawn.
    pub left_on: String,
    pub status: MemberStatus,
    pub party_building: PartyBuilding,
    pub notes: String,
}

impl Default for MemberInput {
    fn default() -> Self {
        MemberInput {
            name: String::new(),
            legal_form: LegalForm::Registered,
            credit_code: String::new(),
            filing_no: String::new(),
            category_id: None,
            community_id: None,
            leader: String::new(),
            phone: String::new(),
            founded_on: String::new(),
            joined_on: String::new(),
            left_on: String::new(),
            status: MemberStatus::Active,
            party_building: PartyBuilding::None,
            notes: String::new(),
        }
    }
}

/// A member whose field rules hold; only this is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ValidMember {
    pub name: String,
    pub legal_form: LegalForm,
    pub credit_code: Option<String>,
    pub filing_no: Option<String>,
    pub category_id: i64,
    pub community_id: Option<i64>,
    pub leader: String,
    pub phone: String,
    pub founded_on: Option<NaiveDate>,
    pub joined_on: NaiveDate,
    pub left_on: Option<NaiveDate>,
    pub status: MemberStatus,
    pub party_building: PartyBuilding,
    pub notes: String,
}

const MAX_NAME: usize = 100;
const MAX_TEXT: usize = 50;
const MAX_NOTES: usize = 500;

/// A filing number as typed: width folded, spaces removed, letters uppercased.
pub fn normalize_filing_no(s: &str) -> String {
    fold_width(s).chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase()
}

/// A phone number: digits, `-` and spaces, 7 to 20 digits.
pub fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    s.chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ') && (7..=20).contains(&digits)
}

impl MemberInput {
    /// Checks every field and reports every problem at once (camelCase field names, Chinese).
    pub fn validate(&self, today: NaiveDate) -> Result<ValidMember> {
        let mut problems = Vec::new();
        let name = clean_line(&self.name);
        if name.is_empty() {
            problems.push(FieldProblem::new("name", "请输入单位名称"));
        } else if name.chars().count() > MAX_NAME {
            problems.push(FieldProblem::new("name", format!("单位名称过长，请不超过{MAX_NAME}个字")));
        }

        let (credit_code, filing_no) = match self.legal_form {
            LegalForm::Registered => {
                if !normalize_filing_no(&self.filing_no).is_empty() {
                    problems.push(FieldProblem::new(
                        "filingNo",
                        "登记的组织不填备案编号；如果它只在街道备案，请把组织形式改为“备案”",
                    ));
                }
                match credit_code::validate(&self.credit_code) {
                    Ok(code) => (Some(code), None),
                    Err(e) => {
                        problems.push(FieldProblem::new("creditCode", e.to_string()));
                        (None, None)
                    }
                }
            }
            LegalForm::Filed => {
                if !credit_code::normalize(&self.credit_code).is_empty() {
                    problems.push(FieldProblem::new(
                        "creditCode",
                        "备案的组织没有统一社会信用代码；如果它已在民政部门登记，请把组织形式改为“登记”",
                    ));
                }
                let no = normalize_filing_no(&self.filing_no);
                if no.is_empty() {
                    problems.push(FieldProblem::new("filingNo", "请输入备案编号（街道备案时发给的编号）"));
                } else if no.chars().count() > 30 {
                    problems.push(FieldProblem::new("filingNo", "备案编号过长，请不超过30个字符"));
                }
                (None, Some(no))
            }
        };

        let category_id = match self.category_id {
            Some(id) => id,
            None => {
                problems.push(FieldProblem::new("categoryId", "请选择类别"));
                0
            }
        };

        let mut text = |field: &str, label: &str, value: &str, max: usize| -> String {
            let v = clean_line(value);
            if v.chars().count() > max {
                problems.push(FieldProblem::new(field, format!("{label}过长，请不超过{max}个字")));
            }
            v
        };
        let leader = text("leader", "负责人", &self.leader, MAX_TEXT);
        let phone = text("phone", "联系电话", &self.phone, MAX_TEXT);
        let notes = fold_alnum(self.notes.trim());
        if notes.chars().count() > MAX_NOTES {
            problems.push(FieldProblem::new("notes", format!("备注过长，请不超过{MAX_NOTES}个字")));
        }
        if !phone.is_empty() && !is_phone(&phone) {
            problems.push(FieldProblem::new(
                "phone",
                "联系电话只能包含数字、短横线和空格，7至20位，例如 025-83456789 或 13912345678",
            ));
        }

        let mut date = |field: &str, label: &str, value: &str, required: bool| -> Option<NaiveDate> {
            if clean_line(value).is_empty() {
                if required {
                    problems.push(FieldProblem::new(field, format!("请输入{label}")));
                }
                return None;
            }
            past_date(field, label, value, today, &mut problems)
        };
        let founded_on = date("foundedOn", "成立日期", &self.founded_on, false);
        let joined_on = date("joinedOn", "加入日期", &self.joined_on, true);
        let left_on = date("leftOn", "退出日期", &self.left_on, self.status == MemberStatus::Withdrawn);

        if self.status != MemberStatus::Withdrawn && left_on.is_some() {
            problems.push(FieldProblem::new("leftOn", "只有状态为“已退出”的单位才填退出日期"));
        }
        if let (Some(f), Some(j)) = (founded_on, joined_on)
            && j < f
        {
            problems.push(FieldProblem::new("joinedOn", format!("加入日期不能早于成立日期（{f}）")));
        }
        if let (Some(j), Some(l)) = (joined_on, left_on)
            && l < j
        {
            problems.push(FieldProblem::new("leftOn", format!("退出日期不能早于加入日期（{j}）")));
        }

        match (problems.is_empty(), joined_on) {
            (true, Some(joined_on)) => Ok(ValidMember {
                name,
                legal_form: self.legal_form,
                credit_code,
                filing_no,
                category_id,
                community_id: self.community_id,
                leader,
                phone,
                founded_on,
                joined_on,
                left_on,
                status: self.status,
                party_building: self.party_building,
                notes,
            }),
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

/// An inspection result or a rating as typed on the member's page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct InspectionInput {
    pub year: i32,
    pub result: InspectionResult,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RatingInput {
    pub year: i32,
    pub level: u8,
}

/// Inspections are for a year that has begun, and not before 2000.
pub fn validate_inspection(input: &InspectionInput, today: NaiveDate) -> Result<Inspection> {
    if input.year < 2000 || input.year > today.year() {
        return Err(CoreError::field("year", format!("年检年度应在2000年至{}年之间", today.year())));
    }
    Ok(Inspection { year: input.year, result: input.result })
}

pub fn validate_rating(input: &RatingInput, today: NaiveDate) -> Result<Rating> {
    let mut problems = Vec::new();
    if input.year < 2000 || input.year > today.year() {
        problems.push(FieldProblem::new("year", format!("评估年度应在2000年至{}年之间", today.year())));
    }
    if !(1..=5).contains(&input.level) {
        problems.push(FieldProblem::new("level", "评估等级应为1A至5A"));
    }
    if problems.is_empty() {
        Ok(Rating { year: input.year, level: input.level })
    } else {
        Err(CoreError::Validation(problems))
    }
}

/// What the list shows first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum MemberSort {
    #[default]
    Name,
    JoinedOn,
    Category,
    Community,
    Rating,
    Inspection,
}

/// Filters on the latest inspection: a result, or none recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum InspectionFilter {
    Pass,
    BasicPass,
    Fail,
    Absent,
    NoneRecorded,
}

/// Filters on the eligibility signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum SignalFilter {
    Flagged,
    Priority,
}

/// One page of the list: search, filters, sort and page, all done in SQL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct MemberQuery {
    /// Part of the name, credit code, filing number or leader.
    pub search: String,
    #[ts(type = "number | null")]
    pub category_id: Option<i64>,
    pub legal_form: Option<LegalForm>,
    #[ts(type = "number | null")]
    pub community_id: Option<i64>,
    pub status: Option<MemberStatus>,
    /// Latest rating level 1–5, or 0 for "no rating".
    pub rating: Option<u8>,
    pub inspection: Option<InspectionFilter>,
    pub signal: Option<SignalFilter>,
    pub sort: MemberSort,
    pub descending: bool,
    /// 1-based.
    pub page: u32,
    pub page_size: u32,
}

#[cfg(test)]
mod tests;
