//! Books far beyond one federation, for measuring the whole app at city scale (issue 16): N
//! vouchers of 2 lines each over several grant years, with members and service projects in
//! proportion, written through the facade. Expenses go through `expenses_post_many`, one
//! transaction per month, which applies every rule `expense_post` applies; the years, budgets,
//! receipts, agreements, month closes and year closes go through their ordinary facade calls.
//! The same `vouchers` and `seed` always give the same books.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{Rng, SPENDING, at, demo_expense, federation_input, line, member_inputs, receipt};
use crate::books::reports::LedgerFilter;
use crate::books::{Books, OpenOptions};
use crate::domain::grant::{ApprovalInput, FundSource, GrantYearInput, PolicyInput};
use crate::domain::ledger::{ExpenseInput, Month, PaymentMethod};
use crate::domain::member::{MemberStatus, eligibility};
use crate::domain::money::Money;
use crate::domain::project::{CloseOutInput, Grade, ProjectInput, SplitInput};
use crate::error::{CoreError, Result};
use crate::store::members::List;

/// The most vouchers one grant year gets: its 400,000 yuan (city and district) still spread over
/// amounts of a few yuan each.
const VOUCHERS_PER_YEAR: u32 = 20_000;

/// What `city_books` wrote and what it checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityBooks {
    pub vouchers: u32,
    pub years: Vec<i32>,
    pub members: u32,
    pub projects: u32,
    /// Per grant year: received, spent and the money left, as `tie_out` recomputed and every
    /// report agreed.
    pub tie_out: Vec<(i32, Money, Money, Money)>,
}

/// How the books are sized from the number of vouchers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CityScale {
    /// Every voucher of the file (receipts, expenses and project payments), 2 lines each.
    pub vouchers: u32,
}

impl CityScale {
    /// Funded years: as many as keep each year at most `VOUCHERS_PER_YEAR`, at least 2 and at
    /// most 10 (the policy profile's own limit on `max_years`).
    pub fn years(self) -> u32 {
        self.vouchers.div_ceil(VOUCHERS_PER_YEAR).clamp(2, 10)
    }

    /// One member organization per 100 vouchers, at least a pilot street's 60.
    pub fn members(self) -> u32 {
        (self.vouchers / 100).max(60)
    }

    /// One service project per 500 vouchers, an even number per year (one per source) and at
    /// least 2 per year.
    pub fn projects_per_year(self) -> u32 {
        let per_year = self.vouchers / 500 / self.years();
        (per_year - per_year % 2).max(2)
    }
}

/// The weights by which expenses outside the projects fall on the budget lines (of 100).
const WEIGHTS: [(&str, u32); 6] =
    [("activity", 45), ("labor", 20), ("training", 8), ("publicity", 7), ("office", 12), ("audit", 8)];

/// Budget per source, in yuan: 200,000 each, the top of the default band.
const BUDGET: [(&str, i64); 6] = [
    ("activity", 100_000),
    ("labor", 40_000),
    ("training", 20_000),
    ("publicity", 15_000),
    ("office", 15_000),
    ("audit", 10_000),
];

/// What the agreements of a year hold on its activity line, per source, in yuan.
const PROJECTS_SHARE: i64 = 40_000;

/// The months in which each project is paid a quarter of its agreement, and the day.
const INSTALMENTS: [(u32, u32); 4] = [(3, 6), (6, 6), (9, 6), (11, 10)];

/// Writes city-scale books into a new file at `path` (which must not exist) and checks, for every
/// grant year, that `tie_out` and the reports agree. Months are closed as they end and years are
/// closed after their last month; the last December stays open. `progress` hears each year.
pub fn city_books(path: &Path, scale: CityScale, seed: u64, mut progress: impl FnMut(&str)) -> Result<CityBooks> {
    if path.try_exists()? {
        return Err(CoreError::field("path", format!("{} 已存在，请换一个文件名", path.display())));
    }
    let years = scale.years();
    let first = 2019;
    let mut books = Books::open(path, OpenOptions { clock: at("2019-01-02"), ..OpenOptions::default() })?;
    // A generated file: no fsync per transaction while it is written, durable again at the end.
    books.store.conn().pragma_update(None, "synchronous", "OFF")?;
    books.federation_save(&federation_input())?;
    books.policy_save(&PolicyInput {
        name: "南京市 社联会资助（城市规模测试）".into(),
        effective_from: "2019-01-01".into(),
        city_min: "150000".into(),
        city_max: "200000".into(),
        match_ratio: "1".into(),
        max_years: years,
        consecutive: true,
        arrears_warn_days: 90,
        caps_enabled: false,
        caps: vec![],
    })?;
    let mut rng = Rng::new(seed);
    let mut community_ids = Vec::new();
    for name in super::DEMO_COMMUNITIES {
        community_ids.push(books.list_add(List::Community, name)?.id);
    }
    let category_ids: Vec<i64> = books.list_entries(List::Category)?.into_iter().map(|e| e.id).collect();
    let members =
        member_inputs(crate::demo::DemoScale { members: scale.members() }, &mut rng, &category_ids, &community_ids);
    books.members_insert_many(&members)?;

    let mut left = scale.vouchers;
    let mut report =
        CityBooks { vouchers: scale.vouchers, years: vec![], members: scale.members(), projects: 0, tie_out: vec![] };
    for k in 0..years {
        let year = first + k as i32;
        let n = if k + 1 == years { left } else { scale.vouchers / years };
        left -= n;
        progress(&format!("{year}: {n} vouchers"));
        let last = k + 1 == years;
        let projects = one_year(&mut books, &mut rng, year, n, scale.projects_per_year(), last)?;
        report.years.push(year);
        report.projects += projects;
    }
    books.store.conn().pragma_update(None, "synchronous", "FULL")?;
    books.store.conn().execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;

    for g in books.grant_years()? {
        report.tie_out.push(tie_out(&books, g.id, g.year)?);
    }
    let posted: i64 = books.store.conn().query_row("SELECT count(*) FROM voucher", [], |r| r.get(0))?;
    let lines: i64 = books.store.conn().query_row("SELECT count(*) FROM voucher_line", [], |r| r.get(0))?;
    if posted != i64::from(scale.vouchers) || lines != 2 * posted || books.unbalanced_vouchers()? != 0 {
        return Err(broken(format!(
            "city books: {posted} vouchers and {lines} lines written, {} asked for",
            scale.vouchers
        )));
    }
    Ok(report)
}

/// A generator that broke its own promise (a bug here, never bad input).
fn broken(message: String) -> CoreError {
    CoreError::field("cityBooks", message)
}

/// The report totals against the account balances, as the crash harness and the property tests
/// hold them: 预算执行表, 收支明细账 (whole and by source) and the trial balance agree.
fn tie_out(books: &Books, id: i64, year: i32) -> Result<(i32, Money, Money, Money)> {
    let tie = books.tie_out(id)?;
    let exec = books.report_budget_execution(id)?;
    let rows: Money = exec.rows.iter().map(|r| r.total.spent).sum();
    let whole = books.report_ledger(&LedgerFilter { grant_year_id: id, source: None, category: None })?;
    let mut by_source = Money::ZERO;
    for s in FundSource::ALL {
        by_source += books.report_ledger(&LedgerFilter { grant_year_id: id, source: Some(s), category: None })?.closing;
    }
    let agree = exec.totals.total.spent == tie.expenses
        && rows == tie.expenses
        && (whole.closing, whole.total_income, whole.total_expense) == (tie.money, tie.revenue, tie.expenses)
        && by_source == tie.money
        && tie.money == tie.revenue - tie.expenses
        && !tie.money.is_negative();
    if !agree {
        return Err(broken(format!("{year}: the reports do not tie out: {tie:?}")));
    }
    Ok((year, tie.revenue, tie.expenses, tie.money))
}

/// One funded year: created, approved, budgeted and started in January, both sources received in
/// full, agreements signed on 1 February and paid in quarters, `n` vouchers in all (receipts and
/// payments included), posted month by month and each month closed after it ends. Returns how
/// many projects were signed.
fn one_year(books: &mut Books, rng: &mut Rng, year: i32, n: u32, projects: u32, last: bool) -> Result<u32> {
    let day = |m: u32, d: u32| format!("{year}-{m:02}-{d:02}");
    books.set_clock(at(&day(1, 5)));
    let gy =
        books.grant_year_create(&GrantYearInput { year, city_amount: "200000".into(), ..Default::default() })?.grant.id;
    books.set_clock(at(&day(1, 10)));
    books.grant_year_approve(gy, &ApprovalInput { doc_no: format!("示民发〔{year}〕8号"), date: day(1, 10) })?;
    let budget: Vec<_> = BUDGET.iter().map(|(c, y)| line(c, &y.to_string(), &y.to_string())).collect();
    books.budget_set(gy, &budget)?;
    books.grant_year_start(gy)?;
    books.set_clock(at(&day(1, 15)));
    books.receipt_add(gy, &receipt(FundSource::City, &day(1, 15), "200000", &format!("NJB{year}0115-0001")))?;
    books.set_clock(at(&day(1, 20)));
    books.receipt_add(gy, &receipt(FundSource::District, &day(1, 20), "200000", &format!("NJB{year}0120-0002")))?;

    // Agreements: half on city money, half on the district's, with clean undertakers.
    books.set_clock(at(&day(2, 1)));
    let signed = NaiveDate::from_ymd_opt(year, 2, 1).expect("valid date");
    let undertakers: Vec<_> = books
        .members_active_in_year(year)?
        .into_iter()
        .filter(|m| m.status == MemberStatus::Active && m.joined_on <= signed)
        .filter(|m| eligibility(m, signed).flag_reason.is_none())
        .collect();
    let communities: Vec<i64> = books.list_entries(List::Community)?.into_iter().map(|e| e.id).collect();
    let agreed = PROJECTS_SHARE / i64::from(projects / 2);
    let mut signed_projects = Vec::new();
    for p in 0..projects {
        let source = if p % 2 == 0 { FundSource::City } else { FundSource::District };
        let member = &undertakers[(p as usize * 7 + year as usize) % undertakers.len()];
        let id = books
            .project_create(&ProjectInput {
                grant_year_id: gy,
                name: format!("{year}年度社区服务项目（第{}号）", p + 1),
                member_id: member.id,
                category: member.category.clone(),
                community_ids: vec![communities[p as usize % communities.len()]],
                agreement_no: format!("示社联协〔{year}〕{}号", p + 1),
                signed_on: day(2, 1),
                starts_on: day(2, 1),
                ends_on: day(11, 30),
                splits: vec![SplitInput { category: "activity".into(), source, amount: agreed.to_string() }],
                beneficiaries: "200".into(),
                sessions: "20".into(),
                volunteer_hours: "80".into(),
                custom_targets: vec![],
                override_reason: String::new(),
            })?
            .project
            .id;
        books.project_start(id)?;
        signed_projects.push((id, source, member.name.clone()));
    }

    // Every expense of the year, dated, then posted month by month.
    let payments = projects * INSTALMENTS.len() as u32;
    let expenses = n.checked_sub(2 + payments).ok_or_else(|| {
        broken(format!("{year}: {n} vouchers cannot hold 2 receipts and {payments} project payments"))
    })?;
    let mut dated: Vec<(NaiveDate, ExpenseInput)> = Vec::new();
    for (month, d) in INSTALMENTS {
        for (id, source, payee) in &signed_projects {
            let date = NaiveDate::from_ymd_opt(year, month, d).expect("valid date");
            dated.push((
                date,
                ExpenseInput {
                    grant_year_id: gy,
                    date: date.to_string(),
                    summary: format!("拨付服务项目经费（{month}月，25%）"),
                    category: "activity".into(),
                    source: *source,
                    amount: Money::from_fen(agreed * 25).to_string(),
                    payee: payee.clone(),
                    payment_method: PaymentMethod::Bank,
                    attachments: vec![],
                    project_id: Some(*id),
                },
            ));
        }
    }
    dated.extend(spending(rng, gy, year, expenses));
    dated.sort_by_key(|(d, _)| *d);

    for m in 1..=12 {
        let month = Month { year, month: m };
        let batch: Vec<ExpenseInput> = dated.iter().filter(|(d, _)| d.month() == m).map(|(_, e)| e.clone()).collect();
        if !batch.is_empty() {
            books.set_clock(at(&month.last_day().to_string()));
            books.expenses_post_many(&batch)?;
        }
        if m == 11 {
            books.set_clock(at(&day(11, 30)));
            for (id, ..) in &signed_projects {
                books.project_close(
                    *id,
                    &CloseOutInput {
                        date: day(11, 30),
                        evaluation: "按协议完成服务，服务对象满意度较高。".into(),
                        grade: Some(Grade::Good),
                    },
                )?;
            }
        }
        if !(last && m == 12) {
            let next = month.next();
            books.set_clock(at(&format!("{next}-03")));
            books.month_close(&month.to_string())?;
        }
    }
    if !last {
        books.set_clock(at(&format!("{}-01-04", year + 1)));
        books.grant_year_close(gy)?;
    }
    Ok(projects)
}

/// `count` expenses outside the projects, from February to December, spread over the budget
/// lines by `WEIGHTS` and both sources, each line spending at most 96% of what it has left after
/// the agreements (amounts vary ±20% around 80% of that room shared out), so R-SPEND never fires.
fn spending(rng: &mut Rng, gy: i64, year: i32, count: u32) -> Vec<(NaiveDate, ExpenseInput)> {
    let mut out = Vec::with_capacity(count as usize);
    let total_weight: u32 = WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut cells = Vec::new();
    for (category, weight) in WEIGHTS {
        for source in FundSource::ALL {
            cells.push((category, source, count * weight / total_weight / 2));
        }
    }
    // Rounding leaves a few: they go to the activity line, the largest.
    let assigned: u32 = cells.iter().map(|c| c.2).sum();
    cells[0].2 += count - assigned;
    for (category, source, k) in cells {
        if k == 0 {
            continue;
        }
        let budget = BUDGET.iter().find(|(c, _)| *c == category).map(|(_, y)| *y).unwrap_or(0);
        let room = budget - if category == "activity" { PROJECTS_SHARE } else { 0 };
        let base_fen = room * 100 * 8 / 10 / i64::from(k);
        let (_, summaries, payees, _) = SPENDING.iter().find(|s| s.0 == category).copied().unwrap_or(SPENDING[0]);
        for i in 0..k {
            let month = 2 + i * 11 / k;
            let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
            let days = Month { year, month }.last_day().day();
            let date = first + chrono::Days::new(rng.below(u64::from(days)));
            let fen = (base_fen * (80 + rng.below(41) as i64) / 100).max(1);
            let amount = Money::from_fen(fen);
            out.push((date, demo_expense(rng, gy, date, category, source, amount, summaries, payees)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn city_books_hold_exactly_the_vouchers_asked_for_and_tie_out_every_year() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("city.shelian");
        let scale = CityScale { vouchers: 2_000 };
        let made = city_books(&path, scale, 7, |_| {}).unwrap();
        assert_eq!(made.years, vec![2019, 2020]);
        assert_eq!(made.members, 60);
        assert_eq!(made.projects, 4);
        assert_eq!(made.tie_out.len(), 2);
        for (year, revenue, expenses, money) in &made.tie_out {
            assert_eq!(*revenue, Money::from_yuan(400_000), "{year}");
            // Most of the money is spent, never more than arrived.
            assert!(*expenses > Money::from_yuan(250_000) && *money >= Money::ZERO, "{year}: {expenses}");
        }
        let books = Books::open(&path, OpenOptions::default()).unwrap();
        let years = books.grant_years().unwrap();
        assert_eq!(years.len(), 2);
        let months = books.months(years[0].id).unwrap().months;
        assert!(months.iter().all(|m| m.closed));
        // The same scale and seed give the same books.
        let again = dir.path().join("again.shelian");
        assert_eq!(city_books(&again, scale, 7, |_| {}).unwrap(), made);
        assert!(city_books(&again, scale, 7, |_| {}).is_err(), "an existing file is never overwritten");
    }
}
