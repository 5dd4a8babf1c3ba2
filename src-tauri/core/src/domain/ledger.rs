//! The ledger's pure rules: what an expense, a reversal and a month-end close must carry, how an
//! expense and a receipt become balanced double-entry lines, and R-SPEND / R-PERIOD as functions of
//! the positions the store reads. No SQL and no clock here; "today" is an argument.
//!
//! Guarantees: every voucher built here balances (debits = credits, per voucher), a reversal
//! repeats its original's lines with negated amounts (红字冲销), and every refusal carries the rule
//! id and names the shortfall in yuan.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::date::parse_date;
use super::grant::{FundSource, GrantStatus};
use super::money::Money;
use super::text::clean_line;
use crate::error::{CoreError, FieldProblem, Result};

/// How an expense was paid; decides the money account credited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PaymentMethod {
    /// 银行转账 → 银行存款
    Bank,
    /// 现金 → 现金
    Cash,
    /// 其他（如公务卡、支付平台）→ 其他货币资金
    Other,
}

impl PaymentMethod {
    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Bank => "bank",
            PaymentMethod::Cash => "cash",
            PaymentMethod::Other => "other",
        }
    }

    pub fn from_db(s: &str) -> Option<PaymentMethod> {
        match s {
            "bank" => Some(PaymentMethod::Bank),
            "cash" => Some(PaymentMethod::Cash),
            "other" => Some(PaymentMethod::Other),
            _ => None,
        }
    }

    pub const ALL: [PaymentMethod; 3] = [PaymentMethod::Bank, PaymentMethod::Cash, PaymentMethod::Other];

    pub fn label(self) -> &'static str {
        match self {
            PaymentMethod::Bank => "银行转账",
            PaymentMethod::Cash => "现金",
            PaymentMethod::Other => "其他",
        }
    }

    /// The account role this method pays from.
    pub fn money_role(self) -> Role {
        match self {
            PaymentMethod::Bank => Role::Bank,
            PaymentMethod::Cash => Role::Cash,
            PaymentMethod::Other => Role::OtherMoney,
        }
    }
}

/// What the app posts to. A chart version maps each role to one of its accounts, so a new chart
/// (财会〔2024〕25号) changes codes without changing a posting rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    Bank,
    Cash,
    OtherMoney,
    GrantRevenue,
    ProgramCost,
    AdminExpense,
    UnrestrictedNetAssets,
    RestrictedNetAssets,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::Bank,
        Role::Cash,
        Role::OtherMoney,
        Role::GrantRevenue,
        Role::ProgramCost,
        Role::AdminExpense,
        Role::UnrestrictedNetAssets,
        Role::RestrictedNetAssets,
    ];
    pub const MONEY: [Role; 3] = [Role::Bank, Role::Cash, Role::OtherMoney];
    pub const EXPENSE: [Role; 2] = [Role::ProgramCost, Role::AdminExpense];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Bank => "bank",
            Role::Cash => "cash",
            Role::OtherMoney => "other_money",
            Role::GrantRevenue => "grant_revenue",
            Role::ProgramCost => "program_cost",
            Role::AdminExpense => "admin_expense",
            Role::UnrestrictedNetAssets => "unrestricted_net_assets",
            Role::RestrictedNetAssets => "restricted_net_assets",
        }
    }

    pub fn from_db(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// What the app uses an account of this role for, in the words of the 科目表 tab.
    pub fn purpose(self) -> &'static str {
        match self {
            Role::Bank => "到账、银行转账支付",
            Role::Cash => "现金支付",
            Role::OtherMoney => "其他方式支付",
            Role::GrantRevenue => "市级、区级资金到账（限定性）",
            Role::ProgramCost => "业务活动类支出",
            Role::AdminExpense => "办公费、评估审计费等管理类支出",
            Role::UnrestrictedNetAssets => "业务活动表：非限定性",
            Role::RestrictedNetAssets => "业务活动表：限定性",
        }
    }
}

/// The kinds of account a chart has (`account.kind`), in the order a chart lists them, with their
/// Chinese names.
pub const ACCOUNT_KINDS: [(&str, &str); 5] = [
    ("asset", "资产类"),
    ("liability", "负债类"),
    ("net_assets", "净资产类"),
    ("revenue", "收入类"),
    ("expense", "费用类"),
];

/// The accounts of the chart in use, by role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accounts {
    pub chart: String,
    pub roles: Vec<(Role, String)>,
}

impl Accounts {
    pub fn code(&self, role: Role) -> &str {
        self.roles.iter().find(|(r, _)| *r == role).map(|(_, c)| c.as_str()).unwrap_or("")
    }

    pub fn codes(&self, roles: &[Role]) -> Vec<String> {
        roles.iter().map(|&r| self.code(r).to_owned()).collect()
    }
}

/// A chart version's code and the day it takes effect: enough to choose a chart by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartSpan {
    pub code: String,
    pub effective_from: NaiveDate,
}

/// The chart in force on `date`: the latest one that took effect on or before it. A date before
/// every chart (books of 2000–2004) takes the oldest, since there is no earlier one to keep.
/// `spans` is never empty: migrations ship at least one chart.
pub fn chart_on(spans: &[ChartSpan], date: NaiveDate) -> &str {
    spans
        .iter()
        .filter(|s| s.effective_from <= date)
        .max_by_key(|s| s.effective_from)
        .or_else(|| spans.iter().min_by_key(|s| s.effective_from))
        .map(|s| s.code.as_str())
        .unwrap_or("")
}

/// R-CHART: one grant year keeps its books in one chart, so its execution period may not cross the
/// day a new chart takes effect (grant years are calendar years; 2026-01-01 starts 财会〔2024〕25号).
pub fn check_one_chart(spans: &[ChartSpan], start: NaiveDate, end: NaiveDate) -> Result<()> {
    match spans.iter().filter(|s| s.effective_from > start && s.effective_from <= end).min_by_key(|s| s.effective_from)
    {
        Some(change) => Err(CoreError::rule(
            "periodEnd",
            "R-CHART",
            format!(
                "执行期 {start} 至 {end} 跨越了 {}（新的会计制度科目表自这一天起施行），一个年度资助只能按一套科目表记账。请把执行期限定在 {} 之前或之后",
                change.effective_from, change.effective_from
            ),
        )),
        None => Ok(()),
    }
}

/// One line of a voucher, as posted: one side non-zero; negative on a red-ink reversal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PostingLine {
    pub account_code: String,
    pub debit: Money,
    pub credit: Money,
    pub source: FundSource,
    /// The budget category, on expense lines.
    pub category: Option<String>,
}

/// Whether lines balance: the sum of debits equals the sum of credits, and no line is empty.
pub fn balanced(lines: &[PostingLine]) -> bool {
    let debit: Money = lines.iter().map(|l| l.debit).sum();
    let credit: Money = lines.iter().map(|l| l.credit).sum();
    !lines.is_empty() && debit == credit && lines.iter().all(|l| l.debit.is_zero() != l.credit.is_zero())
}

/// 借 银行存款 / 贷 政府补助收入（限定性）: money that arrived for a grant.
pub fn receipt_lines(accounts: &Accounts, source: FundSource, amount: Money) -> Vec<PostingLine> {
    vec![
        PostingLine {
            account_code: accounts.code(Role::Bank).into(),
            debit: amount,
            credit: Money::ZERO,
            source,
            category: None,
        },
        PostingLine {
            account_code: accounts.code(Role::GrantRevenue).into(),
            debit: Money::ZERO,
            credit: amount,
            source,
            category: None,
        },
    ]
}

/// 借 业务活动成本 or 管理费用 / 贷 the money account of the payment method.
pub fn expense_lines(accounts: &Accounts, e: &ValidExpense, expense_role: Role) -> Vec<PostingLine> {
    vec![
        PostingLine {
            account_code: accounts.code(expense_role).into(),
            debit: e.amount,
            credit: Money::ZERO,
            source: e.source,
            category: Some(e.category.clone()),
        },
        PostingLine {
            account_code: accounts.code(e.method.money_role()).into(),
            debit: Money::ZERO,
            credit: e.amount,
            source: e.source,
            category: None,
        },
    ]
}

/// 红字冲销: the same lines on the same sides, with negated amounts.
pub fn reversal_lines(original: &[PostingLine]) -> Vec<PostingLine> {
    original
        .iter()
        .map(|l| PostingLine {
            account_code: l.account_code.clone(),
            debit: negate(l.debit),
            credit: negate(l.credit),
            source: l.source,
            category: l.category.clone(),
        })
        .collect()
}

fn negate(m: Money) -> Money {
    if m.is_zero() { Money::ZERO } else { -m }
}

/// `记-2019-0001`
pub fn voucher_number(year: i32, seq: i64) -> String {
    format!("记-{year}-{seq:04}")
}

/// An attachment already stored in the data folder, named by its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AttachmentRef {
    pub sha256: String,
    pub file_name: String,
}

/// An expense (支出), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExpenseInput {
    #[ts(type = "number")]
    pub grant_year_id: i64,
    pub date: String,
    pub summary: String,
    pub category: String,
    pub source: FundSource,
    pub amount: String,
    pub payee: String,
    pub payment_method: PaymentMethod,
    pub attachments: Vec<AttachmentRef>,
    /// A payment to a service project's undertaker (R-PROJECT); absent for other expenses.
    #[serde(default)]
    #[ts(optional, as = "Option<i32>")]
    pub project_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidExpense {
    pub date: NaiveDate,
    pub summary: String,
    pub category: String,
    pub source: FundSource,
    pub amount: Money,
    pub payee: String,
    pub method: PaymentMethod,
    pub attachments: Vec<AttachmentRef>,
    pub project_id: Option<i64>,
}

/// A grant year's execution period and whether it takes new entries.
#[derive(Debug, Clone, Copy)]
pub struct Period {
    pub year: i32,
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl ExpenseInput {
    /// Field checks and the date half of R-PERIOD (inside the execution period, not after today).
    /// The closed-month half and R-SPEND need the books and are checked by the facade.
    pub fn validate(&self, period: Period, categories: &[(String, String)], today: NaiveDate) -> Result<ValidExpense> {
        let mut problems = Vec::new();
        let date = match parse_date(&self.date) {
            Ok(d) if d > today => {
                problems.push(FieldProblem::new("date", format!("支出日期不能晚于今天（{today}）")));
                None
            }
            Ok(d) if d < period.start || d > period.end => {
                problems.push(FieldProblem::rule(
                    "date",
                    "R-PERIOD",
                    format!(
                        "支出日期 {d} 不在 {} 年度资助的执行期（{} 至 {}）内",
                        period.year, period.start, period.end
                    ),
                ));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(FieldProblem::new("date", e.to_string()));
                None
            }
        };
        let summary = clean_line(&self.summary);
        if summary.is_empty() {
            problems.push(FieldProblem::new("summary", "请填写摘要，例如 购买社区活动物资"));
        } else if summary.chars().count() > 60 {
            problems.push(FieldProblem::new("summary", "摘要不超过60个字"));
        }
        if !categories.iter().any(|(c, _)| *c == self.category) {
            problems.push(FieldProblem::new("category", "请选择预算科目"));
        }
        let amount = match Money::parse(&self.amount) {
            Ok(m) if m.is_zero() => {
                problems.push(FieldProblem::new("amount", "支出金额必须大于零"));
                None
            }
            Ok(m) => Some(m),
            Err(e) => {
                problems.push(FieldProblem::new("amount", format!("支出金额：{e}")));
                None
            }
        };
        let payee = clean_line(&self.payee);
        if payee.is_empty() {
            problems.push(FieldProblem::new("payee", "请填写收款方（单位或个人）"));
        } else if payee.chars().count() > 50 {
            problems.push(FieldProblem::new("payee", "收款方不超过50个字"));
        }
        let mut attachments: Vec<AttachmentRef> = Vec::new();
        for a in &self.attachments {
            if !is_sha256(&a.sha256) {
                problems.push(FieldProblem::new("attachments", "附件标识无效，请重新添加附件"));
                break;
            }
            if !attachments.iter().any(|x| x.sha256 == a.sha256) {
                attachments.push(AttachmentRef { sha256: a.sha256.clone(), file_name: attachment_name(&a.file_name) });
            }
        }
        match (problems.is_empty(), date, amount) {
            (true, Some(date), Some(amount)) => Ok(ValidExpense {
                date,
                summary,
                category: self.category.clone(),
                source: self.source,
                amount,
                payee,
                method: self.payment_method,
                attachments,
                project_id: self.project_id,
            }),
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

pub fn is_sha256(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A file name as shown beside a voucher: no folders, no control characters, at most 80 chars.
pub fn attachment_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean: String = base.chars().filter(|c| !c.is_control()).take(80).collect();
    let clean = clean.trim().to_owned();
    if clean.is_empty() { "附件".into() } else { clean }
}

/// A reversal (冲销), as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ReversalInput {
    #[ts(type = "number")]
    pub voucher_id: i64,
    pub date: String,
    pub reason: String,
}

impl ReversalInput {
    /// The reversal is dated on or after the original and not after today; the reason is required.
    pub fn validate(&self, original_date: NaiveDate, today: NaiveDate) -> Result<(NaiveDate, String)> {
        let mut problems = Vec::new();
        let date = match parse_date(&self.date) {
            Ok(d) if d > today => {
                problems.push(FieldProblem::new("date", format!("冲销日期不能晚于今天（{today}）")));
                None
            }
            Ok(d) if d < original_date => {
                problems.push(FieldProblem::new("date", format!("冲销日期不能早于原凭证日期 {original_date}")));
                None
            }
            Ok(d) => Some(d),
            Err(e) => {
                problems.push(FieldProblem::new("date", e.to_string()));
                None
            }
        };
        let reason = clean_line(&self.reason);
        if reason.is_empty() {
            problems.push(FieldProblem::new("reason", "请写明冲销原因，例如 金额录入错误"));
        } else if reason.chars().count() > 60 {
            problems.push(FieldProblem::new("reason", "冲销原因不超过60个字"));
        }
        match (problems.is_empty(), date) {
            (true, Some(d)) => Ok((d, reason)),
            _ => Err(CoreError::Validation(problems)),
        }
    }
}

/// A calendar month, `YYYY-MM`: the unit of month-end close (结账).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u32,
}

impl Month {
    pub fn of(d: NaiveDate) -> Month {
        Month { year: d.year(), month: d.month() }
    }

    pub fn parse(s: &str) -> Result<Month> {
        let bad = || CoreError::field("month", format!("月份“{s}”格式不对，应为 年-月，例如 2019-03"));
        let (y, m) = s.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = y.parse().map_err(|_| bad())?;
        let month: u32 = m.parse().map_err(|_| bad())?;
        if y.len() != 4 || m.len() != 2 || !(1..=12).contains(&month) || !(2000..=2100).contains(&year) {
            return Err(bad());
        }
        Ok(Month { year, month })
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month")
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month { year: self.year + 1, month: 1 }
        } else {
            Month { year: self.year, month: self.month + 1 }
        }
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day().pred_opt().expect("valid month")
    }

    pub fn label(self) -> String {
        format!("{}年{}月", self.year, self.month)
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// R-PERIOD: a closed month takes no entry.
pub fn check_open(month_closed: bool, date: NaiveDate) -> Result<()> {
    if month_closed {
        return Err(CoreError::rule(
            "date",
            "R-PERIOD",
            format!("{}已结账，不能再记入凭证。如确需补记，请先在“结账”中写明原因反结账", Month::of(date).label()),
        ));
    }
    Ok(())
}

/// What a budget line and its source have, when an expense is about to post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpendPosition {
    pub budget: Money,
    pub spent: Money,
    /// What service agreements still hold on the line (agreed, not yet paid), other than the
    /// project being paid: R-PROJECT keeps agreements within the budget, so spending outside them
    /// may not eat into it.
    pub committed: Money,
    pub cash: Money,
}

/// R-IMMUTABLE and the grant year's door, for 冲销: a reversal is never reversed, an original only
/// once, and a closed grant year's books are final. `reversed_by` is the number and date of the
/// reversal already made, if any. (The month the reversal is dated in is checked when it is posted.)
pub fn check_reversible(
    number: &str,
    is_reversal: bool,
    reversed_by: Option<(&str, NaiveDate)>,
    year: i32,
    status: GrantStatus,
) -> Result<()> {
    if is_reversal {
        return Err(CoreError::rule(
            "voucherId",
            "R-IMMUTABLE",
            format!("{number} 本身是冲销凭证，不能再冲销。如需更正，请重新记一笔正确的凭证"),
        ));
    }
    if let Some((by, date)) = reversed_by {
        return Err(CoreError::rule(
            "voucherId",
            "R-IMMUTABLE",
            format!("{number} 已于 {date} 由 {by} 冲销，不能重复冲销"),
        ));
    }
    super::grant::check_action(year, status, super::grant::GrantAction::CorrectVouchers)
}

/// R-SPEND: the line stays within its budget and the source's cash (received − spent) stays ≥ 0.
/// Both shortfalls are named in yuan when both fail.
pub fn check_spend(pos: SpendPosition, amount: Money, category_name: &str, source: FundSource) -> Result<()> {
    let mut problems = Vec::new();
    let remaining = pos.budget - pos.spent - pos.committed;
    if amount > remaining {
        let committed = if pos.committed.is_zero() {
            String::new()
        } else {
            format!("服务项目已约定未支付 {} 元，", pos.committed.to_grouped())
        };
        problems.push(FieldProblem::rule(
            "amount",
            "R-SPEND",
            format!(
                "{category_name}（{}）预算 {} 元，已支出 {} 元，{committed}尚余 {} 元；本笔 {} 元超出预算 {} 元",
                source.label(),
                pos.budget.to_grouped(),
                pos.spent.to_grouped(),
                remaining.to_grouped(),
                amount.to_grouped(),
                (amount - remaining).to_grouped()
            ),
        ));
    }
    if amount > pos.cash {
        problems.push(FieldProblem::rule(
            "amount",
            "R-SPEND",
            format!(
                "{}账上余额 {} 元（已到账减已支出），本笔 {} 元，资金缺口 {} 元。请等资金到账后再支出",
                source.label(),
                pos.cash.to_grouped(),
                amount.to_grouped(),
                (amount - pos.cash).to_grouped()
            ),
        ));
    }
    if problems.is_empty() { Ok(()) } else { Err(CoreError::Validation(problems)) }
}

#[cfg(test)]
mod tests;
