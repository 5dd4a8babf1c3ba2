//! Grant years through the facade: the policy rules are checked here against the stored books,
//! then written in one transaction with their audit rows. Also the read models the window shows
//! (a grant year in full, the home page overview).

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use super::Books;
use crate::domain::date::past_date;
use crate::domain::grant::{
    self, AdjustmentInput, ApprovalInput, Arrears, BudgetAmounts, BudgetLineInput, FundSource, GrantAction,
    GrantStatus, GrantYearInput, PolicyInput, PolicyProfile, ReceiptInput,
};
use crate::domain::money::Money;
use crate::domain::text::clean_line;
use crate::error::{CoreError, FieldProblem, Result};
use crate::store::grants::{self as sql, Adjustment, BudgetCategory, GrantYear, Receipt};

/// Received against due, for one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FundPosition {
    pub source: FundSource,
    pub due: Money,
    pub received: Money,
    pub outstanding: Money,
}

/// One budget line with its category's name, both sources and their total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BudgetLineView {
    pub category: String,
    pub category_name: String,
    pub city: Money,
    pub district: Money,
    pub total: Money,
}

/// A grant year with everything its page shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct GrantYearDetail {
    pub grant: GrantYear,
    /// The policy version the year was decided under (never rewritten by later edits).
    pub policy: PolicyProfile,
    pub total: Money,
    pub city_daxie: String,
    pub district_daxie: String,
    pub total_daxie: String,
    pub funds: Vec<FundPosition>,
    pub arrears: Option<Arrears>,
    pub receipts: Vec<Receipt>,
    pub budget: Vec<BudgetLineView>,
    pub budget_city_total: Money,
    pub budget_district_total: Money,
    pub adjustments: Vec<Adjustment>,
    /// What the secretary should do next, in plain Chinese; empty when nothing is pending.
    pub next_steps: Vec<String>,
}

/// The home page: the current grant year at a glance, and every year in one line each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct HomeOverview {
    pub current: Option<GrantYearDetail>,
    /// Every grant year, as `grant_years()` lists them (the window fills that query from here).
    pub years: Vec<GrantYear>,
    /// How many vouchers the current grant year's books hold (0 without a current year), so the
    /// first screen needs one answer, not a second query that waits for the year's id.
    #[ts(type = "number")]
    pub current_vouchers: i64,
    /// Recognition is missing: no grant can be approved yet (R-RECOG).
    pub needs_recognition: bool,
}

impl Books {
    pub fn policy_current(&self) -> Result<PolicyProfile> {
        sql::policy_in_force(self.store.conn(), self.today())
    }

    pub fn policy_history(&self) -> Result<Vec<PolicyProfile>> {
        sql::policy_history(self.store.conn())
    }

    /// Adds a new version of the policy profile; past grant years keep the version they used.
    pub fn policy_save(&mut self, input: &PolicyInput) -> Result<PolicyProfile> {
        let actor = self.actor();
        self.store.with_tx(|tx| {
            let codes: Vec<String> = sql::categories(tx)?.into_iter().map(|c| c.code).collect();
            let valid = input.validate(&codes)?;
            sql::policy_insert(tx, &actor, &valid)
        })
    }

    pub fn budget_categories(&self) -> Result<Vec<BudgetCategory>> {
        sql::categories(self.store.conn())
    }

    pub fn budget_category_add(&mut self, name: &str) -> Result<BudgetCategory> {
        let name = category_name(name)?;
        let actor = self.actor();
        self.store.with_tx(|tx| sql::category_add(tx, &actor, &name))
    }

    pub fn budget_category_rename(&mut self, code: &str, name: &str) -> Result<()> {
        let name = category_name(name)?;
        let actor = self.actor();
        self.store.with_tx(|tx| sql::category_rename(tx, &actor, code, &name))
    }

    pub fn budget_category_delete(&mut self, code: &str) -> Result<()> {
        let actor = self.actor();
        self.store.with_tx(|tx| sql::category_delete(tx, &actor, code))
    }

    pub fn grant_years(&self) -> Result<Vec<GrantYear>> {
        sql::grant_years(self.store.conn())
    }

    /// Registers the application for a year (申报中). R-BAND and R-YEARS under the profile in force.
    pub fn grant_year_create(&mut self, input: &GrantYearInput) -> Result<GrantYearDetail> {
        let valid = input.validate()?;
        let (today, actor) = (self.today(), self.actor());
        let created = self.store.with_tx(|tx| {
            // R-YEARS counts the years already in the file: read inside the write, so two windows
            // cannot both register a third year.
            // R-CHART: one grant year, one chart of accounts.
            let charts = crate::store::ledger::chart_spans(tx)?;
            crate::domain::ledger::check_one_chart(&charts, valid.period_start, valid.period_end)?;
            let policy = sql::policy_in_force(tx, today)?;
            policy.check_band(valid.city)?;
            let existing: Vec<i32> = sql::grant_years(tx)?.iter().map(|g| g.year).collect();
            let sequence = policy.check_years(&existing, valid.year)?;
            sql::grant_year_insert(tx, &actor, &valid, sequence, &policy)
        })?;
        self.grant_year(created.id)
    }

    /// Corrects amount or period while the application is still 申报中.
    pub fn grant_year_update(&mut self, id: i64, input: &GrantYearInput) -> Result<GrantYearDetail> {
        let actor = self.actor();
        self.store.with_tx(|tx| {
            let before = sql::grant_year(tx, id)?;
            grant::check_action(before.year, before.status, GrantAction::EditApplication)?;
            let mut input = input.clone();
            input.year = before.year;
            let valid = input.validate()?;
            // R-CHART: one grant year, one chart of accounts.
            let charts = crate::store::ledger::chart_spans(tx)?;
            crate::domain::ledger::check_one_chart(&charts, valid.period_start, valid.period_end)?;
            let policy = sql::policy(tx, before.policy_id)?;
            policy.check_band(valid.city)?;
            sql::grant_year_update(tx, &actor, &before, &valid, &policy)
        })?;
        self.grant_year(id)
    }

    /// Records the approval (批复): 申报中 → 已批复. R-RECOG.
    pub fn grant_year_approve(&mut self, id: i64, input: &ApprovalInput) -> Result<GrantYearDetail> {
        let (today, actor) = (self.today(), self.actor());
        self.store.with_tx(|tx| {
            let before = sql::grant_year(tx, id)?;
            grant::check_action(before.year, before.status, GrantAction::Approve)?;
            let recognition = crate::store::federation::get(tx)?.and_then(|f| f.recognition_date);
            let (doc_no, date) = input.validate(recognition, today)?;
            sql::grant_year_approve(tx, &actor, &before, &doc_no, date)
        })?;
        self.grant_year(id)
    }

    /// 已批复 → 执行中, once the budget sums per source (R-BUDGET).
    pub fn grant_year_start(&mut self, id: i64) -> Result<GrantYearDetail> {
        let actor = self.actor();
        self.store.with_tx(|tx| {
            let before = sql::grant_year(tx, id)?;
            grant::check_action(before.year, before.status, GrantAction::Start)?;
            let lines = sql::budget_lines(tx, id)?;
            grant::check_budget_sums(&lines, before.city_amount, before.district_amount)?;
            sql::grant_year_set_status(tx, &actor, &before, GrantStatus::Executing)
        })?;
        self.grant_year(id)
    }

    /// 执行中 → 已结项, once the execution period is over.
    pub fn grant_year_close(&mut self, id: i64) -> Result<GrantYearDetail> {
        let (today, actor) = (self.today(), self.actor());
        self.store.with_tx(|tx| {
            let before = sql::grant_year(tx, id)?;
            grant::check_action(before.year, before.status, GrantAction::Close)?;
            if today <= before.period_end {
                return Err(CoreError::field(
                    "status",
                    format!("执行期到 {} 才结束，结束后才能结项", before.period_end),
                ));
            }
            // The books of the year are settled first: every month of the period that holds a
            // voucher of this grant is closed (结账), so the final reports cannot change after 结项.
            let open: Vec<String> = super::ledger::months_view(tx, id, today)?
                .months
                .into_iter()
                .filter(|m| m.vouchers > 0 && !m.closed)
                .map(|m| m.label)
                .collect();
            if let Some(first) = open.first() {
                return Err(CoreError::field(
                    "status",
                    format!("{}等 {} 个月份还有凭证未结账：请先在“记账—结账”中结账，再办理结项", first, open.len()),
                ));
            }
            sql::grant_year_set_status(tx, &actor, &before, GrantStatus::Closed)
        })?;
        self.grant_year(id)
    }

    /// Records money that arrived (到账). R-RECEIPT: never more than the source still owes.
    pub fn receipt_add(&mut self, id: i64, input: &ReceiptInput) -> Result<GrantYearDetail> {
        let (today, actor) = (self.today(), self.actor());
        self.store.with_tx(|tx| {
            // What is still owed is read inside the write: two windows recording the same bank
            // slip cannot both fit under it.
            let gy = sql::grant_year(tx, id)?;
            grant::check_action(gy.year, gy.status, GrantAction::AddReceipt)?;
            let approval = gy.approval_date.unwrap_or(gy.period_start);
            let outstanding =
                fund_positions(tx, &gy)?.into_iter().find(|f| f.source == input.source).map(|f| f.outstanding);
            let valid = input.validate(approval, today, outstanding.unwrap_or(Money::ZERO))?;
            let receipt = sql::receipt_insert(tx, &actor, id, &valid)?;
            super::ledger::post_receipt(tx, &actor, &gy, &receipt)
        })?;
        self.grant_year(id)
    }

    /// Sets the whole budget before execution starts. The sums need not match yet (that is checked
    /// when execution starts), but R-CAPS applies.
    pub fn budget_set(&mut self, id: i64, lines: &[BudgetLineInput]) -> Result<GrantYearDetail> {
        let actor = self.actor();
        self.store.with_tx(|tx| {
            // The status is read inside the write: a window that started execution meanwhile
            // turns this into a refusal, not a silent rewrite of an executing budget.
            let gy = sql::grant_year(tx, id)?;
            grant::check_action(gy.year, gy.status, GrantAction::SetBudget)?;
            let names = sql::category_names(tx)?;
            let lines = grant::parse_budget_lines(lines, &names)?;
            let policy = sql::policy(tx, gy.policy_id)?;
            grant::check_caps(&policy, &lines, gy.city_amount + gy.district_amount, &names)?;
            sql::budget_replace(tx, &actor, id, &lines)
        })?;
        self.grant_year(id)
    }

    /// A recorded budget adjustment while executing: reason and date required, totals per source
    /// conserved (R-BUDGET), caps respected (R-CAPS).
    pub fn budget_adjust(&mut self, id: i64, input: &AdjustmentInput) -> Result<GrantYearDetail> {
        let (today, actor) = (self.today(), self.actor());
        self.store.with_tx(|tx| {
            let gy = sql::grant_year(tx, id)?;
            grant::check_action(gy.year, gy.status, GrantAction::AdjustBudget)?;
            let mut problems = Vec::new();
            let reason = clean_line(&input.reason);
            if reason.is_empty() {
                problems.push(FieldProblem::new("reason", "请写明调整原因，例如 根据项目实施情况调减宣传费用于培训"));
            }
            let date = past_date("date", "调整日期", &input.date, today, &mut problems);
            if !problems.is_empty() {
                return Err(CoreError::Validation(problems));
            }
            let names = sql::category_names(tx)?;
            let lines = grant::parse_budget_lines(&input.lines, &names)?;
            let current = sql::budget_lines(tx, id)?;
            if same_amounts(&current, &lines) {
                return Err(CoreError::field("lines", "预算没有变化，无需调整"));
            }
            grant::check_budget_sums(&lines, gy.city_amount, gy.district_amount)?;
            let policy = sql::policy(tx, gy.policy_id)?;
            grant::check_caps(&policy, &lines, gy.city_amount + gy.district_amount, &names)?;
            // What was spent is read in the same transaction as the new budget is written, so a
            // payment posted in another window meanwhile cannot end up above its line.
            check_not_below_spent(tx, id, &lines, &names)?;
            sql::budget_adjust(tx, &actor, id, date.unwrap_or(today), &reason, &lines)
        })?;
        self.grant_year(id)
    }

    fn fund_positions(&self, gy: &GrantYear) -> Result<Vec<FundPosition>> {
        fund_positions(self.store.conn(), gy)
    }

    pub fn grant_year(&self, id: i64) -> Result<GrantYearDetail> {
        let conn = self.store.conn();
        let gy = sql::grant_year(conn, id)?;
        let policy = sql::policy(conn, gy.policy_id)?;
        let receipts = sql::receipts(conn, id)?;
        let funds = self.fund_positions(&gy)?;
        let pick = |s: FundSource| -> Vec<(NaiveDate, Money)> {
            receipts.iter().filter(|r| r.source == s).map(|r| (r.date, r.amount)).collect()
        };
        let arrears = grant::arrears(
            policy.match_ratio,
            &pick(FundSource::City),
            &pick(FundSource::District),
            self.today(),
            policy.arrears_warn_days,
        );
        let names = sql::category_names(conn)?;
        let lines = sql::budget_lines(conn, id)?;
        let budget: Vec<BudgetLineView> = lines.iter().map(|l| line_view(l, &names)).collect();
        let budget_city_total: Money = lines.iter().map(|l| l.city).sum();
        let budget_district_total: Money = lines.iter().map(|l| l.district).sum();
        let total = gy.city_amount + gy.district_amount;
        let mut detail = GrantYearDetail {
            city_daxie: gy.city_amount.to_daxie(),
            district_daxie: gy.district_amount.to_daxie(),
            total_daxie: total.to_daxie(),
            total,
            funds,
            arrears,
            receipts,
            budget,
            budget_city_total,
            budget_district_total,
            adjustments: sql::adjustments(conn, id)?,
            next_steps: Vec::new(),
            policy,
            grant: gy,
        };
        detail.next_steps = next_steps(&detail, self.today());
        Ok(detail)
    }

    pub fn home_overview(&self) -> Result<HomeOverview> {
        let years = self.grant_years()?;
        let current = years
            .iter()
            .rev()
            .find(|g| g.status == GrantStatus::Executing)
            .or_else(|| years.iter().rev().find(|g| g.status != GrantStatus::Closed))
            .or(years.last())
            .map(|g| self.grant_year(g.id))
            .transpose()?;
        let current_vouchers = match &current {
            Some(detail) => crate::store::ledger::voucher_count(self.store.conn(), detail.grant.id)?,
            None => 0,
        };
        let needs_recognition = self.federation_get()?.is_some_and(|f| f.recognition_date.is_none());
        Ok(HomeOverview { current, years, current_vouchers, needs_recognition })
    }
}

/// Received against due, per source, as the books say now (inside a write: as they say to it).
fn fund_positions(conn: &rusqlite::Connection, gy: &GrantYear) -> Result<Vec<FundPosition>> {
    let receipts = sql::receipts(conn, gy.id)?;
    Ok(FundSource::ALL
        .into_iter()
        .map(|source| {
            let due = match source {
                FundSource::City => gy.city_amount,
                FundSource::District => gy.district_amount,
            };
            let received: Money = receipts.iter().filter(|r| r.source == source).map(|r| r.amount).sum();
            FundPosition { source, due, received, outstanding: due - received }
        })
        .collect())
}

/// R-BUDGET: an adjustment never leaves a line below what was already spent on it.
fn check_not_below_spent(
    conn: &rusqlite::Connection,
    id: i64,
    lines: &[BudgetAmounts],
    names: &[(String, String)],
) -> Result<()> {
    let spent = super::position::positions(conn, id, None)?;
    let mut problems = Vec::new();
    for s in spent.iter().filter(|s| !s.spent.is_zero()) {
        let after = lines.iter().find(|l| l.category == s.category).map(|l| l.get(s.source)).unwrap_or(Money::ZERO);
        if after < s.spent {
            let name = names.iter().find(|(c, _)| *c == s.category).map(|(_, n)| n.as_str()).unwrap_or("");
            problems.push(FieldProblem::rule(
                "lines",
                "R-BUDGET",
                format!(
                    "{name}（{}）已支出 {} 元，调整后的预算 {} 元不能低于已支出",
                    s.source.label(),
                    s.spent.to_grouped(),
                    after.to_grouped()
                ),
            ));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(CoreError::Validation(problems)) }
}

/// Whether two budgets give every category and source the same amount (a missing line is zero).
fn same_amounts(a: &[BudgetAmounts], b: &[BudgetAmounts]) -> bool {
    let amount = |lines: &[BudgetAmounts], cat: &str, s: FundSource| {
        lines.iter().find(|l| l.category == cat).map(|l| l.get(s)).unwrap_or(Money::ZERO)
    };
    a.iter().chain(b).all(|l| FundSource::ALL.iter().all(|&s| amount(a, &l.category, s) == amount(b, &l.category, s)))
}

fn category_name(name: &str) -> Result<String> {
    let name = clean_line(name);
    if name.is_empty() || name.chars().count() > 20 {
        return Err(CoreError::field("name", "请输入预算科目名称（不超过20个字）"));
    }
    Ok(name)
}

fn line_view(l: &BudgetAmounts, names: &[(String, String)]) -> BudgetLineView {
    BudgetLineView {
        category: l.category.clone(),
        category_name: names.iter().find(|(c, _)| *c == l.category).map(|(_, n)| n.clone()).unwrap_or_default(),
        city: l.city,
        district: l.district,
        total: l.city + l.district,
    }
}

fn next_steps(d: &GrantYearDetail, today: NaiveDate) -> Vec<String> {
    let g = &d.grant;
    let mut steps = Vec::new();
    match g.status {
        GrantStatus::Applying => steps.push(format!("{} 年度仍在申报中：收到批复后，登记批复文号和日期", g.year)),
        GrantStatus::Approved => {
            if d.budget_city_total != g.city_amount || d.budget_district_total != g.district_amount {
                steps.push("编制预算：各科目的市级、区级金额合计须分别等于批复金额".into());
            } else {
                steps.push("预算已平衡：可以“开始执行”".into());
            }
        }
        GrantStatus::Executing if today > g.period_end => {
            steps.push("执行期已结束：核对账目、各月结账后办理结项".into())
        }
        GrantStatus::Executing | GrantStatus::Closed => {}
    }
    if matches!(g.status, GrantStatus::Approved | GrantStatus::Executing) {
        for f in &d.funds {
            if !f.outstanding.is_zero() && f.received.is_zero() {
                steps.push(format!("{}尚未到账（应到 {} 元）：到账后登记", f.source.label(), f.due.to_grouped()));
            }
        }
    }
    if let Some(a) = &d.arrears {
        steps.push(format!(
            "区级配套欠拨 {} 元，自 {} 起已 {} 天{}",
            a.amount.to_grouped(),
            a.since,
            a.days,
            if a.overdue { "，已超过提醒期限，请向区民政局催拨" } else { "" }
        ));
    }
    steps
}
