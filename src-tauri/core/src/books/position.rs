//! One model of where a budget line stands — budget, spent, what service agreements hold, cash by
//! source — read once from the books and used by every rule and view that needs it: the expense
//! form's options and R-SPEND, the agreement form's room and R-PROJECT, R-BUDGET's floor for
//! adjustments. One reading means the form, the check and the refusal cannot disagree.
//!
//! Every function takes a connection, so a write calls it inside its own immediate transaction.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use rusqlite::Connection;

use crate::domain::grant::FundSource;
use crate::domain::ledger::{Accounts, Role, SpendPosition, ValidExpense};
use crate::domain::money::Money;
use crate::domain::project::{self, LineCommitment};
use crate::error::{CoreError, Result};
use crate::store::grants as gsql;
use crate::store::ledger as lsql;
use crate::store::projects as psql;

/// One budget line and source of a grant year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinePosition {
    pub category: String,
    pub category_name: String,
    pub source: FundSource,
    pub budget: Money,
    /// Spent on the line, payments to projects included, net of reversals.
    pub spent: Money,
    /// The part of `spent` paid to service projects (every project, the excepted one included).
    pub paid_to_projects: Money,
    /// Agreed and not yet paid by open projects other than the excepted one: held for them.
    pub committed: Money,
    /// What projects other than the excepted one take of the line: agreed while open (or paid,
    /// if more), paid once ended.
    pub held_by_agreements: Money,
    /// The source's cash in the grant year: received − spent.
    pub cash: Money,
}

impl LinePosition {
    /// What an expense outside the projects (or a payment to the excepted project) may still take
    /// of the budget.
    pub fn expense_room(&self) -> Money {
        self.budget - self.spent - self.committed
    }

    /// R-SPEND's reading of the line.
    pub fn spend(&self) -> SpendPosition {
        SpendPosition { budget: self.budget, spent: self.spent, committed: self.committed, cash: self.cash }
    }

    /// R-PROJECT's reading of the line for an agreement (the excepted one, or a new one).
    pub fn agreement_line(&self) -> LineCommitment {
        LineCommitment {
            budget: self.budget,
            spent_outside: self.spent - self.paid_to_projects,
            other_projects: self.held_by_agreements,
        }
    }

    /// What the agreement may put on this line: the budget less spending outside projects and
    /// what other agreements take.
    pub fn agreement_room(&self) -> Money {
        let l = self.agreement_line();
        l.budget - l.spent_outside - l.other_projects
    }
}

/// Every line and source of the grant year's budget (and any line spent on without a budget),
/// seen from the project `except` (its own agreement is not counted as held; `None`: no project).
pub(crate) fn positions(conn: &Connection, grant_year_id: i64, except: Option<i64>) -> Result<Vec<LinePosition>> {
    let accounts = lsql::accounts_of_year(conn, grant_year_id)?;
    positions_in(conn, &accounts, grant_year_id, except)
}

pub(crate) fn positions_in(
    conn: &Connection,
    accounts: &Accounts,
    grant_year_id: i64,
    except: Option<i64>,
) -> Result<Vec<LinePosition>> {
    let expense = accounts.codes(&Role::EXPENSE);
    let names = gsql::category_names(conn)?;
    let budget = gsql::budget_lines(conn, grant_year_id)?;
    let spent = lsql::spent_by_line(conn, grant_year_id, &expense)?;
    let commitments = psql::year_commitments(conn, grant_year_id, &expense)?;
    let mut out: Vec<LinePosition> = Vec::new();
    for source in FundSource::ALL {
        let cash = lsql::net_debit(conn, grant_year_id, source, None, &accounts.codes(&Role::MONEY))?;
        // Budget lines in their order, then any category spent on without a line of its own.
        let mut categories: Vec<&str> = budget.iter().map(|l| l.category.as_str()).collect();
        for (s, c, _) in &spent {
            if *s == source && !categories.contains(&c.as_str()) {
                categories.push(c);
            }
        }
        for category in categories {
            let mut p = LinePosition {
                category: category.to_owned(),
                category_name: names.iter().find(|(c, _)| c == category).map(|(_, n)| n.clone()).unwrap_or_default(),
                source,
                budget: budget.iter().find(|l| l.category == category).map(|l| l.get(source)).unwrap_or(Money::ZERO),
                spent: spent
                    .iter()
                    .find(|(s, c, _)| *s == source && c == category)
                    .map(|(.., m)| *m)
                    .unwrap_or(Money::ZERO),
                paid_to_projects: Money::ZERO,
                committed: Money::ZERO,
                held_by_agreements: Money::ZERO,
                cash,
            };
            for c in commitments.iter().filter(|c| c.source == source && c.category == category) {
                p.paid_to_projects += c.paid;
                if Some(c.project_id) == except {
                    continue;
                }
                if c.status.is_open() {
                    p.committed += (c.agreed - c.paid).max(Money::ZERO);
                    p.held_by_agreements += c.agreed.max(c.paid);
                } else {
                    p.held_by_agreements += c.paid;
                }
            }
            out.push(p);
        }
    }
    Ok(out)
}

/// The position of one line and source (zero everywhere but cash when the year has no such line).
pub(crate) fn position_of(
    conn: &Connection,
    accounts: &Accounts,
    grant_year_id: i64,
    category: &str,
    source: FundSource,
    except: Option<i64>,
) -> Result<LinePosition> {
    let all = positions_in(conn, accounts, grant_year_id, except)?;
    if let Some(p) = all.iter().find(|p| p.category == category && p.source == source) {
        return Ok(p.clone());
    }
    let cash = lsql::net_debit(conn, grant_year_id, source, None, &accounts.codes(&Role::MONEY))?;
    Ok(LinePosition {
        category: category.to_owned(),
        category_name: String::new(),
        source,
        budget: Money::ZERO,
        spent: Money::ZERO,
        paid_to_projects: Money::ZERO,
        committed: Money::ZERO,
        held_by_agreements: Money::ZERO,
        cash,
    })
}

/// R-PROJECT for a payment: the project is open, belongs to the grant year, and the payment stays
/// within what its agreement puts on the line and source.
pub(crate) fn check_project_payment(
    conn: &Connection,
    accounts: &Accounts,
    grant_year_id: i64,
    project_id: i64,
    e: &ValidExpense,
    category_name: &str,
) -> Result<()> {
    let p = psql::project(conn, project_id)?;
    if p.grant_year_id != grant_year_id {
        return Err(CoreError::field("projectId", "这个服务项目不属于所选的资助年度"));
    }
    project::may_pay(&p.name, p.status)?;
    let agreed =
        psql::splits(conn, p.id)?.into_iter().find(|(c, s, _)| *c == e.category && *s == e.source).map(|(.., m)| m);
    let paid = psql::paid_by_split(conn, p.id, &accounts.codes(&Role::EXPENSE))?
        .into_iter()
        .find(|(c, s, _)| *c == e.category && *s == e.source)
        .map(|(.., m)| m)
        .unwrap_or(Money::ZERO);
    project::check_payment(agreed, paid, e.amount, &p.name, category_name, e.source)
}

/// Where R-SPEND's reading of a line comes from while expenses are posted.
///
/// `Fresh` reads the books for every expense, as `expense_post` does. `Running` serves a batch
/// posted in one transaction (`expenses_post_many`): each grant year's positions are read from
/// the books once, then moved by what the batch itself posts, so a batch of thousands does not
/// re-sum the whole year before every voucher. Both hand the same `LinePosition` to the same
/// `check_spend`. A payment to a service project changes what agreements hold, so it drops the
/// year's readings and the next expense reads the books again.
pub(crate) enum Reading {
    Fresh,
    Running(HashMap<(i64, Option<i64>), Vec<LinePosition>>),
}

impl Reading {
    pub fn running() -> Reading {
        Reading::Running(HashMap::new())
    }

    /// The line and source as `position_of` reads them, seen from the project `except`.
    pub fn position(
        &mut self,
        conn: &Connection,
        accounts: &Accounts,
        grant_year_id: i64,
        category: &str,
        source: FundSource,
        except: Option<i64>,
    ) -> Result<LinePosition> {
        let views = match self {
            Reading::Fresh => return position_of(conn, accounts, grant_year_id, category, source, except),
            Reading::Running(views) => views,
        };
        let key = (grant_year_id, except);
        if let Entry::Vacant(e) = views.entry(key) {
            e.insert(positions_in(conn, accounts, grant_year_id, except)?);
        }
        match views.get(&key).and_then(|all| all.iter().find(|p| p.category == category && p.source == source)) {
            Some(p) => Ok(p.clone()),
            // A line the year has no budget for: R-SPEND refuses any positive amount on it anyway.
            None => position_of(conn, accounts, grant_year_id, category, source, except),
        }
    }

    /// Moves the readings by an expense just posted: the line's `spent` grows and its source's
    /// cash shrinks by `amount`, exactly what the two posting lines add to the sums `positions_in`
    /// reads.
    pub fn posted(
        &mut self,
        grant_year_id: i64,
        category: &str,
        source: FundSource,
        project: Option<i64>,
        amount: Money,
    ) {
        let Reading::Running(views) = self else { return };
        if project.is_some() {
            views.retain(|(gy, _), _| *gy != grant_year_id);
            return;
        }
        for ((gy, _), lines) in views.iter_mut() {
            if *gy != grant_year_id {
                continue;
            }
            for l in lines.iter_mut().filter(|l| l.source == source) {
                l.cash -= amount;
                if l.category == category {
                    l.spent += amount;
                }
            }
        }
    }
}
