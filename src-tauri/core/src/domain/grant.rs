//! Grant years under the policy (DOMAIN.md §2): the amount band (R-BAND), the computed district
//! matching (R-MATCH), at most `max_years` consecutive years (R-YEARS), recognition before approval
//! (R-RECOG), budgets that sum per source (R-BUDGET), optional category caps (R-CAPS), receipts
//! that never exceed what a source still owes (R-RECEIPT) and matching arrears (R-ARREARS).
//!
//! Everything here is a pure function of its inputs and "today"; the store only persists.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::date::{parse_date, past_date};
use super::money::Money;
use super::permission::Permission;
use super::text::clean_line;
use crate::error::{CoreError, FieldProblem, Result};

/// The policy numbers a grant year is decided under. Data, not code: versions with an effective
/// date; an edit adds a version and never rewrites a past grant year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyProfile {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub effective_from: NaiveDate,
    pub city_min: Money,
    pub city_max: Money,
    /// District matching per yuan of city money, as a decimal string ("1" for 1:1).
    #[ts(type = "string")]
    pub match_ratio: Decimal,
    pub max_years: u32,
    pub consecutive: bool,
    pub arrears_warn_days: u32,
    pub caps_enabled: bool,
    pub caps: Vec<CategoryCap>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct CategoryCap {
    pub category: String,
    /// At most this percentage of the grant year's total (city + district).
    pub max_percent: u32,
}

/// A new version of the policy profile, as typed under 设置.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PolicyInput {
    pub name: String,
    pub effective_from: String,
    pub city_min: String,
    pub city_max: String,
    pub match_ratio: String,
    pub max_years: u32,
    pub consecutive: bool,
    pub arrears_warn_days: u32,
    pub caps_enabled: bool,
    pub caps: Vec<CategoryCap>,
}

/// A policy version whose invariants hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPolicy {
    pub name: String,
    pub effective_from: NaiveDate,
    pub city_min: Money,
    pub city_max: Money,
    pub match_ratio: Decimal,
    pub max_years: u32,
    pub consecutive: bool,
    pub arrears_warn_days: u32,
    pub caps_enabled: bool,
    pub caps: Vec<CategoryCap>,
}

impl PolicyInput {
    pub fn validate(&self, known_categories: &[String]) -> Result<ValidPolicy> {
        let mut problems = Vec::new();
        let name = clean_line(&self.name);
        if name.is_empty() {
            problems.push(FieldProblem::new("name", "请输入政策名称，例如 南京市 2018 社联会试点"));
        }
        let effective_from = parse_date(&self.effective_from)
            .map_err(|m| problems.push(FieldProblem::new("effectiveFrom", m.to_string())))
            .ok();
        let mut money = |field: &str, label: &str, v: &str| match Money::parse(v) {
            Ok(m) if m.is_zero() => {
                problems.push(FieldProblem::new(field, format!("{label}必须大于零")));
                None
            }
            Ok(m) => Some(m),
            Err(e) => {
                problems.push(FieldProblem::new(field, format!("{label}：{e}")));
                None
            }
        };
        let city_min = money("cityMin", "资助下限", &self.city_min);
        let city_max = money("cityMax", "资助上限", &self.city_max);
        if let (Some(lo), Some(hi)) = (city_min, city_max)
            && lo > hi
        {
            problems.push(FieldProblem::new("cityMax", "资助上限不能低于下限"));
        }
        let ratio_text = clean_line(&self.match_ratio);
        let ratio_text = ratio_text.strip_prefix("1:").unwrap_or(&ratio_text);
        let match_ratio = match ratio_text.parse::<Decimal>() {
            Ok(r) if r >= Decimal::ZERO && r <= Decimal::from(10) && r.scale() <= 4 => Some(r.normalize()),
            _ => {
                problems.push(FieldProblem::new("matchRatio", "配套比例请填写 0 至 10 之间的数，例如 1 表示 1:1"));
                None
            }
        };
        if !(1..=10).contains(&self.max_years) {
            problems.push(FieldProblem::new("maxYears", "最多资助年数请填写 1 至 10"));
        }
        if self.arrears_warn_days > 3650 {
            problems.push(FieldProblem::new("arrearsWarnDays", "欠拨提醒天数请填写 0 至 3650"));
        }
        let mut seen = Vec::new();
        for cap in &self.caps {
            if !known_categories.contains(&cap.category) {
                problems.push(FieldProblem::new("caps", format!("预算科目“{}”不存在", cap.category)));
            } else if seen.contains(&cap.category) {
                problems.push(FieldProblem::new("caps", "同一预算科目只能设置一个上限"));
            } else if !(1..=100).contains(&cap.max_percent) {
                problems.push(FieldProblem::new("caps", "科目上限请填写 1% 至 100%"));
            }
            seen.push(cap.category.clone());
        }
        match (problems.is_empty(), effective_from, city_min, city_max, match_ratio) {
            (true, Some(effective_from), Some(city_min), Some(city_max), Some(match_ratio)) => Ok(ValidPolicy {
                name,
                effective_from,
                city_min,
                city_max,
                match_ratio,
                max_years: self.max_years,
                consecutive: self.consecutive,
                arrears_warn_days: self.arrears_warn_days,
                caps_enabled: self.caps_enabled,
                caps: self.caps.clone(),
            }),
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

impl PolicyProfile {
    /// R-MATCH: the district's commitment is computed from the city amount, never typed.
    pub fn district_amount(&self, city: Money) -> Money {
        city.mul_ratio(self.match_ratio)
    }

    /// R-BAND: the city grant for one year lies within [min, max].
    pub fn check_band(&self, city: Money) -> Result<()> {
        if city < self.city_min || city > self.city_max {
            return Err(CoreError::rule(
                "cityAmount",
                "R-BAND",
                format!(
                    "市级资助金额应在 {} 元至 {} 元之间（{}），现在是 {} 元，请按批复金额填写",
                    self.city_min.to_grouped(),
                    self.city_max.to_grouped(),
                    self.name,
                    city.to_grouped()
                ),
            ));
        }
        Ok(())
    }

    /// R-YEARS: at most `max_years` funded years, consecutive when the profile says so.
    /// `existing` are the years already on record.
    pub fn check_years(&self, existing: &[i32], year: i32) -> Result<u32> {
        if existing.contains(&year) {
            return Err(CoreError::field("year", format!("{year} 年度的资助已经登记过了，请在列表中打开它")));
        }
        if existing.len() as u32 >= self.max_years {
            let list = existing.iter().map(|y| format!("{y}年")).collect::<Vec<_>>().join("、");
            return Err(CoreError::rule(
                "year",
                "R-YEARS",
                format!(
                    "按“{}”，同一社联会最多获得 {} 个年度的资助，本会已有 {list}，不能再申报 {year} 年度",
                    self.name, self.max_years
                ),
            ));
        }
        if self.consecutive
            && let Some(&last) = existing.iter().max()
        {
            let first = existing.iter().min().copied().unwrap_or(last);
            if year != last + 1 {
                return Err(CoreError::rule(
                    "year",
                    "R-YEARS",
                    format!(
                        "资助年度必须连续：本会从 {first} 年开始获得资助，下一个年度只能是 {} 年，不能是 {year} 年",
                        last + 1
                    ),
                ));
            }
        }
        Ok(existing.len() as u32 + 1)
    }
}

/// Where grant money comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum FundSource {
    /// 市级专项资金
    City,
    /// 区级配套
    District,
}

impl FundSource {
    pub const ALL: [FundSource; 2] = [FundSource::City, FundSource::District];

    pub fn as_str(self) -> &'static str {
        match self {
            FundSource::City => "city",
            FundSource::District => "district",
        }
    }

    pub fn from_db(s: &str) -> Option<FundSource> {
        match s {
            "city" => Some(FundSource::City),
            "district" => Some(FundSource::District),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FundSource::City => "市级专项资金",
            FundSource::District => "区级配套",
        }
    }

    /// The short word of tables and compact lines (市级 / 区级).
    pub fn short(self) -> &'static str {
        match self {
            FundSource::City => "市级",
            FundSource::District => "区级",
        }
    }
}

/// 申报中 → 已批复 → 执行中 → 已结项
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum GrantStatus {
    Applying,
    Approved,
    Executing,
    Closed,
}

impl GrantStatus {
    pub const ALL: [GrantStatus; 4] =
        [GrantStatus::Applying, GrantStatus::Approved, GrantStatus::Executing, GrantStatus::Closed];

    pub fn as_str(self) -> &'static str {
        match self {
            GrantStatus::Applying => "applying",
            GrantStatus::Approved => "approved",
            GrantStatus::Executing => "executing",
            GrantStatus::Closed => "closed",
        }
    }

    pub fn from_db(s: &str) -> Option<GrantStatus> {
        match s {
            "applying" => Some(GrantStatus::Applying),
            "approved" => Some(GrantStatus::Approved),
            "executing" => Some(GrantStatus::Executing),
            "closed" => Some(GrantStatus::Closed),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            GrantStatus::Applying => "申报中",
            GrantStatus::Approved => "已批复",
            GrantStatus::Executing => "执行中",
            GrantStatus::Closed => "已结项",
        }
    }
}

/// The doors of the grant-year status machine: what each status lets a person do. The writes
/// call `check_action`, and `GrantYearActions` tells the window the same answer before it offers
/// a button. Each write checks what else it needs (budget sums, the period's end) itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GrantAction {
    /// Correct the applied amount or period (申报中 only).
    EditApplication,
    Approve,
    /// Replace the whole budget (before execution).
    SetBudget,
    Start,
    Close,
    AddReceipt,
    /// A recorded 预算调整 (while executing).
    AdjustBudget,
    /// Sign a service agreement on the year's budget.
    SignAgreement,
    /// Record an expense or a payment.
    PostExpense,
    /// 冲销 one of the year's vouchers.
    CorrectVouchers,
}

/// Whether `status` opens the door `action`; the refusal is the sentence the write gives.
pub fn check_action(year: i32, status: GrantStatus, action: GrantAction) -> Result<()> {
    use GrantStatus::*;
    let (allowed, field, message): (&[GrantStatus], &str, String) = match action {
        GrantAction::EditApplication => {
            (&[Applying], "status", not_now(status, "修改申报金额（批复后金额以批复为准）"))
        }
        GrantAction::Approve => (&[Applying], "status", not_now(status, "再次登记批复")),
        GrantAction::SetBudget => {
            (&[Applying, Approved], "status", not_now(status, "直接修改预算（执行中的预算请用“预算调整”，写明原因）"))
        }
        GrantAction::Start => (&[Approved], "status", not_now(status, "开始执行（需先登记批复）")),
        GrantAction::Close => (&[Executing], "status", not_now(status, "结项（只有执行中的年度可以结项）")),
        GrantAction::AddReceipt => (&[Approved, Executing], "status", not_now(status, "登记到账（需先登记批复）")),
        GrantAction::AdjustBudget => (&[Executing], "status", not_now(status, "调整预算（执行前可直接修改预算）")),
        GrantAction::SignAgreement => (
            &[Approved, Executing],
            "grantYearId",
            format!("{year} 年度资助当前为“{}”，批复后、结项前才能签订服务协议", status.label()),
        ),
        GrantAction::PostExpense => (
            &[Executing],
            "grantYearId",
            format!("{year} 年度资助当前为“{}”，只有执行中的年度可以记支出", status.label()),
        ),
        GrantAction::CorrectVouchers => {
            (&[Applying, Approved, Executing], "voucherId", format!("{year} 年度资助已结项，账目不能再更正"))
        }
    };
    if allowed.contains(&status) { Ok(()) } else { Err(CoreError::field(field, message)) }
}

fn not_now(status: GrantStatus, doing: &str) -> String {
    format!("该年度资助当前为“{}”，不能{doing}", status.label())
}

/// What the window may offer on a grant year, door by door (`check_action`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GrantYearActions {
    pub edit_application: Permission,
    pub approve: Permission,
    pub set_budget: Permission,
    pub start: Permission,
    pub close: Permission,
    pub add_receipt: Permission,
    pub adjust_budget: Permission,
    pub sign_agreement: Permission,
    pub post_expense: Permission,
    pub correct_vouchers: Permission,
}

impl GrantYearActions {
    pub fn of(year: i32, status: GrantStatus) -> Self {
        let p = |a| Permission::of(check_action(year, status, a));
        GrantYearActions {
            edit_application: p(GrantAction::EditApplication),
            approve: p(GrantAction::Approve),
            set_budget: p(GrantAction::SetBudget),
            start: p(GrantAction::Start),
            close: p(GrantAction::Close),
            add_receipt: p(GrantAction::AddReceipt),
            adjust_budget: p(GrantAction::AdjustBudget),
            sign_agreement: p(GrantAction::SignAgreement),
            post_expense: p(GrantAction::PostExpense),
            correct_vouchers: p(GrantAction::CorrectVouchers),
        }
    }
}

/// A new grant year, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GrantYearInput {
    pub year: i32,
    /// What the person typed: `150000`, `150,000.00`, `15万` …
    pub city_amount: String,
    /// Execution period; empty means the calendar year (the default of DOMAIN.md).
    pub period_start: String,
    pub period_end: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGrantYear {
    pub year: i32,
    pub city: Money,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
}

impl GrantYearInput {
    /// Field checks only; the policy rules (R-BAND, R-YEARS) need the store and come after.
    pub fn validate(&self) -> Result<ValidGrantYear> {
        let mut problems = Vec::new();
        if !(2000..=2100).contains(&self.year) {
            problems.push(FieldProblem::new("year", "请填写资助年度，例如 2019"));
        }
        let city = Money::parse(&self.city_amount)
            .map_err(|e| problems.push(FieldProblem::new("cityAmount", format!("市级资助金额：{e}"))))
            .ok();
        let default_start = NaiveDate::from_ymd_opt(self.year, 1, 1);
        let default_end = NaiveDate::from_ymd_opt(self.year, 12, 31);
        let mut date_or = |field: &str, text: &str, default: Option<NaiveDate>| {
            if clean_line(text).is_empty() {
                default
            } else {
                parse_date(text).map_err(|m| problems.push(FieldProblem::new(field, m.to_string()))).ok()
            }
        };
        let start = date_or("periodStart", &self.period_start, default_start);
        let end = date_or("periodEnd", &self.period_end, default_end);
        if let (Some(s), Some(e)) = (start, end)
            && s > e
        {
            problems.push(FieldProblem::new("periodEnd", "执行期结束日期不能早于开始日期"));
        }
        if let (Some(s), true) = (start, (2000..=2100).contains(&self.year))
            && (s.year() - self.year).abs() > 1
        {
            problems.push(FieldProblem::new("periodStart", format!("执行期应在 {} 年前后，请核对", self.year)));
        }
        match (problems.is_empty(), city, start, end) {
            (true, Some(city), Some(period_start), Some(period_end)) => {
                Ok(ValidGrantYear { year: self.year, city, period_start, period_end })
            }
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

/// The approval (批复) of a grant year, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ApprovalInput {
    pub doc_no: String,
    pub date: String,
}

impl ApprovalInput {
    /// Field checks and R-RECOG: the federation was recognized on or before the approval date.
    pub fn validate(&self, recognition: Option<NaiveDate>, today: NaiveDate) -> Result<(String, NaiveDate)> {
        let doc_no = clean_line(&self.doc_no);
        let mut problems = Vec::new();
        if doc_no.is_empty() {
            problems.push(FieldProblem::new("docNo", "请输入批复文号，例如 宁民发〔2019〕12号"));
        }
        let date = past_date("date", "批复日期", &self.date, today, &mut problems);
        if let Some(d) = date {
            match recognition {
                None => problems.push(FieldProblem::rule(
                    "date",
                    "R-RECOG",
                    "本会尚未登记认定日期：只有经认定的社联会才能获得资助。请先在“社联会信息”中填写认定日期和文号",
                )),
                Some(r) if r > d => problems.push(FieldProblem::rule(
                    "date",
                    "R-RECOG",
                    format!("批复日期 {d} 早于本会的认定日期 {r}：只有认定之后才能获得资助，请核对批复日期或认定日期"),
                )),
                Some(_) => {}
            }
        }
        match (problems.is_empty(), date) {
            (true, Some(d)) => Ok((doc_no, d)),
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

/// A fund receipt (到账), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReceiptInput {
    pub source: FundSource,
    pub date: String,
    pub amount: String,
    pub bank_ref: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReceipt {
    pub source: FundSource,
    pub date: NaiveDate,
    pub amount: Money,
    pub bank_ref: String,
    pub note: String,
}

impl ReceiptInput {
    /// Field checks and R-RECEIPT: not before the approval, not after today, and never more than
    /// what the source still owes.
    pub fn validate(&self, approval: NaiveDate, today: NaiveDate, outstanding: Money) -> Result<ValidReceipt> {
        let mut problems = Vec::new();
        let date = past_date("date", "到账日期", &self.date, today, &mut problems).filter(|&d| {
            let ok = d >= approval;
            if !ok {
                problems.push(FieldProblem::new("date", format!("到账日期不能早于批复日期 {approval}")));
            }
            ok
        });
        let amount = match Money::parse(&self.amount) {
            Ok(m) if m.is_zero() => {
                problems.push(FieldProblem::new("amount", "到账金额必须大于零"));
                None
            }
            Ok(m) if m > outstanding => {
                problems.push(FieldProblem::rule(
                    "amount",
                    "R-RECEIPT",
                    format!(
                        "{}尚应到账 {} 元，本次登记 {} 元超出 {} 元。请核对银行回单金额",
                        self.source.label(),
                        outstanding.to_grouped(),
                        m.to_grouped(),
                        (m - outstanding).to_grouped()
                    ),
                ));
                None
            }
            Ok(m) => Some(m),
            Err(e) => {
                problems.push(FieldProblem::new("amount", format!("到账金额：{e}")));
                None
            }
        };
        match (problems.is_empty(), date, amount) {
            (true, Some(date), Some(amount)) => Ok(ValidReceipt {
                source: self.source,
                date,
                amount,
                bank_ref: clean_line(&self.bank_ref),
                note: clean_line(&self.note),
            }),
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

/// R-ARREARS: district matching that is due (city money received × ratio) but has not arrived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Arrears {
    pub amount: Money,
    /// The city receipt whose matching is still missing: the clock starts there.
    pub since: NaiveDate,
    #[ts(type = "number")]
    pub days: i64,
    /// More than the profile's warning threshold.
    pub overdue: bool,
}

/// Walks the city receipts in date order; the matching of each one is due on its arrival. The
/// arrears are what is due minus all district money received; the days count from the earliest
/// city receipt whose cumulative matching the district money does not yet cover.
pub fn arrears(
    ratio: Decimal,
    city: &[(NaiveDate, Money)],
    district: &[(NaiveDate, Money)],
    today: NaiveDate,
    warn_days: u32,
) -> Option<Arrears> {
    let mut city: Vec<_> = city.iter().filter(|(d, _)| *d <= today).copied().collect();
    city.sort();
    let paid: Money = district.iter().filter(|(d, _)| *d <= today).map(|(_, m)| *m).sum();
    let mut due = Money::ZERO;
    let mut since = None;
    for (date, amount) in city {
        due += amount;
        if since.is_none() && due.mul_ratio(ratio) > paid {
            since = Some(date);
        }
    }
    let owed = due.mul_ratio(ratio) - paid;
    let since = since?;
    if !owed.is_negative() && !owed.is_zero() {
        let days = (today - since).num_days();
        Some(Arrears { amount: owed, since, days, overdue: days > i64::from(warn_days) })
    } else {
        None
    }
}

/// One budget line as typed: a category with an amount per source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BudgetLineInput {
    pub category: String,
    pub city_amount: String,
    pub district_amount: String,
}

/// A budget line whose amounts are valid money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetAmounts {
    pub category: String,
    pub city: Money,
    pub district: Money,
}

impl BudgetAmounts {
    pub fn get(&self, source: FundSource) -> Money {
        match source {
            FundSource::City => self.city,
            FundSource::District => self.district,
        }
    }
}

/// Parses the typed lines; field names are `lines.<index>.cityAmount` so the form can point at them.
pub fn parse_budget_lines(lines: &[BudgetLineInput], categories: &[(String, String)]) -> Result<Vec<BudgetAmounts>> {
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((_, name)) = categories.iter().find(|(code, _)| *code == line.category) else {
            problems.push(FieldProblem::new(&format!("lines.{i}.category"), "请选择预算科目"));
            continue;
        };
        if seen.contains(&line.category.as_str()) {
            problems.push(FieldProblem::new(
                &format!("lines.{i}.category"),
                format!("预算科目“{name}”重复了，请合并为一行"),
            ));
            continue;
        }
        seen.push(&line.category);
        let mut amount = |field: &str, text: &str, label: &str| {
            if clean_line(text).is_empty() {
                return Some(Money::ZERO);
            }
            Money::parse(text)
                .map_err(|e| {
                    problems.push(FieldProblem::new(&format!("lines.{i}.{field}"), format!("{name}{label}：{e}")))
                })
                .ok()
        };
        let city = amount("cityAmount", &line.city_amount, "（市级）");
        let district = amount("districtAmount", &line.district_amount, "（区级）");
        if let (Some(city), Some(district)) = (city, district) {
            out.push(BudgetAmounts { category: line.category.clone(), city, district });
        }
    }
    if problems.is_empty() { Ok(out) } else { Err(CoreError::Validation(problems)) }
}

/// R-BUDGET: per source, the lines sum exactly to that source's amount.
pub fn check_budget_sums(lines: &[BudgetAmounts], city: Money, district: Money) -> Result<()> {
    let mut problems = Vec::new();
    for (source, due) in [(FundSource::City, city), (FundSource::District, district)] {
        let sum: Money = lines.iter().map(|l| l.get(source)).sum();
        if sum != due {
            let diff = sum - due;
            let how = if diff.is_negative() {
                format!("还差 {} 元未分配", diff.abs().to_grouped())
            } else {
                format!("多出 {} 元", diff.to_grouped())
            };
            problems.push(FieldProblem::rule(
                match source {
                    FundSource::City => "cityTotal",
                    FundSource::District => "districtTotal",
                },
                "R-BUDGET",
                format!(
                    "{}预算合计 {} 元，应等于{}金额 {} 元，{how}。请调整各科目金额",
                    source.label(),
                    sum.to_grouped(),
                    source.label(),
                    due.to_grouped()
                ),
            ));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(CoreError::Validation(problems)) }
}

/// R-CAPS: when the profile enables caps, no category exceeds its share of the year's total.
pub fn check_caps(
    policy: &PolicyProfile,
    lines: &[BudgetAmounts],
    total: Money,
    names: &[(String, String)],
) -> Result<()> {
    if !policy.caps_enabled || total.is_zero() {
        return Ok(());
    }
    let mut problems = Vec::new();
    for cap in &policy.caps {
        let spent: Money = lines.iter().filter(|l| l.category == cap.category).map(|l| l.city + l.district).sum();
        let limit = total.mul_ratio(Decimal::from(cap.max_percent) / Decimal::from(100));
        if spent > limit {
            let name = names.iter().find(|(c, _)| *c == cap.category).map(|(_, n)| n.as_str()).unwrap_or("该科目");
            problems.push(FieldProblem::rule(
                "caps",
                "R-CAPS",
                format!(
                    "{name}不得超过年度资金总额的 {}%（{} 元），现在是 {} 元，超出 {} 元",
                    cap.max_percent,
                    limit.to_grouped(),
                    spent.to_grouped(),
                    (spent - limit).to_grouped()
                ),
            ));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(CoreError::Validation(problems)) }
}

/// A budget adjustment after execution started, as typed: the new amounts of the lines that change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AdjustmentInput {
    pub date: String,
    pub reason: String,
    pub lines: Vec<BudgetLineInput>,
}

#[cfg(test)]
mod tests;
