//! The grant's reports, computed from the ledger and nothing else: 收支明细账 (by source and by
//! budget line), 预算执行表, 资金到账及配套情况表 and 业务活动表, on screen and as one .xlsx workbook.
//!
//! Guarantee: every total is a sum of voucher lines; `tie_out` recomputes each report's totals
//! from the account balances, and the tests require them to agree to the fen.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Books;
use crate::domain::grant::{Arrears, FundSource};
use crate::domain::ledger::{self, Role};
use crate::domain::money::Money;
use crate::error::Result;
use crate::sheets::{self, Cell, Column, SheetSpec};
use crate::store::grants as gsql;
use crate::store::ledger::{self as sql, LedgerLine, VoucherKind};

/// Which 收支明细账: every entry of one source, or the expenses of one budget line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LedgerFilter {
    #[ts(type = "number")]
    pub grant_year_id: i64,
    pub source: Option<FundSource>,
    pub category: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LedgerRow {
    pub date: NaiveDate,
    pub number: String,
    pub summary: String,
    pub source: FundSource,
    pub category_name: Option<String>,
    /// Money in (到账); negative on a reversed receipt.
    pub income: Money,
    /// Money out (支出); negative on a reversed expense.
    pub expense: Money,
    /// The running balance: cash of the source(s), or what is left of the budget line.
    pub balance: Money,
    pub reversal: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct LedgerReport {
    pub title: String,
    /// 资金余额 or 预算余额
    pub balance_label: String,
    pub opening: Money,
    pub rows: Vec<LedgerRow>,
    pub total_income: Money,
    pub total_expense: Money,
    pub closing: Money,
    /// 科目表版本: the chart this grant year's books are kept in.
    pub chart_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExecutionCell {
    pub budget: Money,
    pub spent: Money,
    pub remaining: Money,
    /// Spent as a share of budget, e.g. "45.20%"; "—" when the budget is zero.
    pub percent: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ExecutionRow {
    pub category: String,
    pub category_name: String,
    pub city: ExecutionCell,
    pub district: ExecutionCell,
    pub total: ExecutionCell,
}

/// 预算执行表: category × source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BudgetExecution {
    pub year: i32,
    pub rows: Vec<ExecutionRow>,
    pub totals: ExecutionRow,
    /// 科目表版本: the chart this grant year's books are kept in.
    pub chart_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FundsReceiptRow {
    pub source: FundSource,
    pub date: NaiveDate,
    pub amount: Money,
    pub bank_ref: String,
    pub voucher_number: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FundsSourceRow {
    pub source: FundSource,
    pub due: Money,
    pub received: Money,
    pub outstanding: Money,
    pub percent: String,
    pub first_received: Option<NaiveDate>,
    pub last_received: Option<NaiveDate>,
}

/// 资金到账及配套情况表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FundsReport {
    pub year: i32,
    pub match_ratio: String,
    pub sources: Vec<FundsSourceRow>,
    pub total: FundsSourceRow,
    pub receipts: Vec<FundsReceiptRow>,
    pub arrears: Option<Arrears>,
    /// 已到位 / 部分到位 / 未到位 for the district matching, in words.
    pub matching_status: String,
    /// 科目表版本: the chart this grant year's books are kept in.
    pub chart_name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivityRow {
    pub label: String,
    /// Indent level: 0 for a section, 1 for an item, 2 for a 其中 line.
    pub level: u8,
    pub unrestricted: Money,
    pub restricted: Money,
    pub total: Money,
}

/// 业务活动表 of the grant, with 非限定性 / 限定性 columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ActivityStatement {
    pub year: i32,
    pub rows: Vec<ActivityRow>,
    /// 科目表版本: the chart this grant year's books are kept in; the lines are named from it.
    pub chart_name: String,
}

/// The totals every report must agree on, recomputed from account balances.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TieOut {
    pub revenue: Money,
    pub expenses: Money,
    pub money: Money,
}

pub fn percent(part: Money, whole: Money) -> String {
    crate::domain::share::percent(part.as_decimal(), whole.as_decimal(), 2)
}

fn cell(budget: Money, spent: Money) -> ExecutionCell {
    ExecutionCell { budget, spent, remaining: budget - spent, percent: percent(spent, budget) }
}

impl Books {
    /// The account balances of a grant year, reduced to what the reports must agree on.
    pub fn tie_out(&self, grant_year_id: i64) -> Result<TieOut> {
        let conn = self.store.conn();
        let accounts = sql::accounts_of_year(conn, grant_year_id)?;
        let bal = sql::balances(conn, grant_year_id)?;
        let sum = |roles: &[Role]| -> Money {
            let codes = accounts.codes(roles);
            bal.iter().filter(|(c, ..)| codes.contains(c)).map(|(.., m)| *m).sum()
        };
        Ok(TieOut { revenue: -sum(&[Role::GrantRevenue]), expenses: sum(&Role::EXPENSE), money: sum(&Role::MONEY) })
    }

    pub fn report_budget_execution(&self, grant_year_id: i64) -> Result<BudgetExecution> {
        let conn = self.store.conn();
        let gy = gsql::grant_year(conn, grant_year_id)?;
        let accounts = sql::accounts_of_year(conn, grant_year_id)?;
        let names = gsql::category_names(conn)?;
        let budget = gsql::budget_lines(conn, grant_year_id)?;
        let spent = sql::spent_by_line(conn, grant_year_id, &accounts.codes(&Role::EXPENSE))?;
        let spent_of = |cat: &str, s: FundSource| {
            spent.iter().find(|(src, c, _)| *src == s && c == cat).map(|(.., m)| *m).unwrap_or(Money::ZERO)
        };
        let mut cats: Vec<String> = budget.iter().map(|l| l.category.clone()).collect();
        for (_, c, _) in &spent {
            if !cats.contains(c) {
                cats.push(c.clone());
            }
        }
        // Category order is the list's order under 设置.
        cats.sort_by_key(|c| names.iter().position(|(code, _)| code == c).unwrap_or(usize::MAX));
        let mut rows = Vec::new();
        let (mut bc, mut bd, mut sc, mut sd) = (Money::ZERO, Money::ZERO, Money::ZERO, Money::ZERO);
        for c in cats {
            let line = budget.iter().find(|l| l.category == c);
            let (b_city, b_district) = line.map(|l| (l.city, l.district)).unwrap_or((Money::ZERO, Money::ZERO));
            let (s_city, s_district) = (spent_of(&c, FundSource::City), spent_of(&c, FundSource::District));
            bc += b_city;
            bd += b_district;
            sc += s_city;
            sd += s_district;
            rows.push(ExecutionRow {
                category_name: names.iter().find(|(code, _)| *code == c).map(|(_, n)| n.clone()).unwrap_or_default(),
                category: c,
                city: cell(b_city, s_city),
                district: cell(b_district, s_district),
                total: cell(b_city + b_district, s_city + s_district),
            });
        }
        let totals = ExecutionRow {
            category: String::new(),
            category_name: "合计".into(),
            city: cell(bc, sc),
            district: cell(bd, sd),
            total: cell(bc + bd, sc + sd),
        };
        let chart_name = self.chart_of_year(grant_year_id)?.name;
        Ok(BudgetExecution { year: gy.year, rows, totals, chart_name })
    }

    pub fn report_ledger(&self, f: &LedgerFilter) -> Result<LedgerReport> {
        let conn = self.store.conn();
        let gy = gsql::grant_year(conn, f.grant_year_id)?;
        let accounts = sql::accounts_of_year(conn, f.grant_year_id)?;
        let names = gsql::category_names(conn)?;
        let expense = accounts.codes(&Role::EXPENSE);
        let revenue = accounts.codes(&[Role::GrantRevenue]);
        let lines = sql::ledger_lines(conn, f.grant_year_id)?;
        let name_of = |c: &str| names.iter().find(|(code, _)| code == c).map(|(_, n)| n.clone());
        let category = f.category.as_deref().filter(|c| !c.is_empty());
        let source_label = f.source.map(|s| s.label()).unwrap_or("全部资金");
        let (title, balance_label, opening) = match category {
            Some(c) => {
                let budget: Money = gsql::budget_lines(conn, f.grant_year_id)?
                    .iter()
                    .filter(|l| l.category == c)
                    .map(|l| match f.source {
                        Some(s) => l.get(s),
                        None => l.city + l.district,
                    })
                    .sum();
                (
                    format!("{}年度收支明细账 — {}（{}）", gy.year, name_of(c).unwrap_or_default(), source_label),
                    "预算余额".to_owned(),
                    budget,
                )
            }
            None => (format!("{}年度收支明细账 — {}", gy.year, source_label), "资金余额".to_owned(), Money::ZERO),
        };
        // One row per voucher (and source): the 台账 view of the double-entry lines.
        let mut rows: Vec<LedgerRow> = Vec::new();
        let mut balance = opening;
        let (mut total_income, mut total_expense) = (Money::ZERO, Money::ZERO);
        let mut i = 0;
        while i < lines.len() {
            let first = &lines[i];
            let mut j = i;
            let (mut income, mut spent, mut cat) = (Money::ZERO, Money::ZERO, None::<String>);
            let source = first.line.source;
            while j < lines.len() && lines[j].voucher_id == first.voucher_id {
                let l: &LedgerLine = &lines[j];
                if revenue.contains(&l.line.account_code) {
                    income += l.line.credit - l.line.debit;
                }
                if expense.contains(&l.line.account_code) {
                    spent += l.line.debit - l.line.credit;
                    cat = l.line.category.clone();
                }
                j += 1;
            }
            i = j;
            if f.source.is_some_and(|s| s != source) {
                continue;
            }
            if let Some(c) = category {
                if cat.as_deref() != Some(c) {
                    continue;
                }
                income = Money::ZERO;
            }
            total_income += income;
            total_expense += spent;
            balance = balance + income - spent;
            rows.push(LedgerRow {
                date: first.date,
                number: ledger::voucher_number(first.year, first.seq),
                summary: first.summary.clone(),
                source,
                category_name: cat.as_deref().and_then(name_of),
                income,
                expense: spent,
                balance,
                reversal: first.kind == VoucherKind::Reversal,
            });
        }
        let chart_name = self.chart_of_year(f.grant_year_id)?.name;
        Ok(LedgerReport {
            title,
            balance_label,
            opening,
            rows,
            total_income,
            total_expense,
            closing: balance,
            chart_name,
        })
    }

    pub fn report_funds(&self, grant_year_id: i64) -> Result<FundsReport> {
        let conn = self.store.conn();
        let detail = self.grant_year(grant_year_id)?;
        let mut receipts = Vec::new();
        for r in &detail.receipts {
            let v = sql::voucher_by_receipt(conn, r.id)?;
            receipts.push(FundsReceiptRow {
                source: r.source,
                date: r.date,
                amount: r.amount,
                bank_ref: r.bank_ref.clone(),
                voucher_number: v.map(|v| ledger::voucher_number(v.year, v.seq)).unwrap_or_default(),
            });
        }
        let row = |source: FundSource, due: Money, received: Money| {
            let dates: Vec<NaiveDate> = receipts.iter().filter(|r| r.source == source).map(|r| r.date).collect();
            FundsSourceRow {
                source,
                due,
                received,
                outstanding: due - received,
                percent: percent(received, due),
                first_received: dates.first().copied(),
                last_received: dates.last().copied(),
            }
        };
        let sources: Vec<FundsSourceRow> = detail.funds.iter().map(|f| row(f.source, f.due, f.received)).collect();
        let due: Money = sources.iter().map(|s| s.due).sum();
        let received: Money = sources.iter().map(|s| s.received).sum();
        let mut total = row(FundSource::City, due, received);
        total.first_received = receipts.iter().map(|r| r.date).min();
        total.last_received = receipts.iter().map(|r| r.date).max();
        let district = sources.iter().find(|s| s.source == FundSource::District);
        let matching_status = match district {
            Some(d) if d.outstanding.is_zero() => "区级配套已全部到位".to_owned(),
            Some(d) if d.received.is_zero() => format!("区级配套尚未到位（应到 {} 元）", d.due.to_grouped()),
            Some(d) => {
                format!("区级配套部分到位：已到 {} 元，尚欠 {} 元", d.received.to_grouped(), d.outstanding.to_grouped())
            }
            None => String::new(),
        };
        Ok(FundsReport {
            year: detail.grant.year,
            match_ratio: format!("1:{}", detail.policy.match_ratio.normalize()),
            sources,
            total,
            receipts,
            arrears: detail.arrears,
            matching_status,
            chart_name: self.chart_of_year(grant_year_id)?.name,
        })
    }

    pub fn report_activities(&self, grant_year_id: i64) -> Result<ActivityStatement> {
        let conn = self.store.conn();
        let gy = gsql::grant_year(conn, grant_year_id)?;
        let chart = sql::chart(conn, &sql::chart_code_of_year(conn, grant_year_id)?)?;
        let accounts = sql::accounts_of_year(conn, grant_year_id)?;
        let bal = sql::balances(conn, grant_year_id)?;
        let net = |role: Role, source: Option<FundSource>| -> Money {
            let code = accounts.code(role);
            bal.iter().filter(|(c, s, _)| c == code && source.is_none_or(|x| x == *s)).map(|(.., m)| *m).sum()
        };
        let name = |role: Role| {
            let code = accounts.code(role);
            chart.accounts.iter().find(|a| a.code == code).map(|a| a.name.clone()).unwrap_or_default()
        };
        let restricted_row = |label: String, level: u8, m: Money| ActivityRow {
            label,
            level,
            unrestricted: Money::ZERO,
            restricted: m,
            total: m,
        };
        let unrestricted_row = |label: String, level: u8, m: Money| ActivityRow {
            label,
            level,
            unrestricted: m,
            restricted: Money::ZERO,
            total: m,
        };
        let revenue = -net(Role::GrantRevenue, None);
        let program = net(Role::ProgramCost, None);
        let admin = net(Role::AdminExpense, None);
        let expenses = program + admin;
        let rows = vec![
            restricted_row("一、收入".into(), 0, revenue),
            restricted_row(name(Role::GrantRevenue), 1, revenue),
            restricted_row("其中：市级专项资金".into(), 2, -net(Role::GrantRevenue, Some(FundSource::City))),
            restricted_row("区级配套资金".into(), 2, -net(Role::GrantRevenue, Some(FundSource::District))),
            restricted_row("收入合计".into(), 0, revenue),
            unrestricted_row("二、费用".into(), 0, expenses),
            unrestricted_row(format!("（一）{}", name(Role::ProgramCost)), 1, program),
            unrestricted_row(format!("（二）{}", name(Role::AdminExpense)), 1, admin),
            unrestricted_row("费用合计".into(), 0, expenses),
            // Spending the grant on its purpose releases the restriction on that much.
            ActivityRow {
                label: "三、限定性净资产转为非限定性净资产".into(),
                level: 0,
                unrestricted: expenses,
                restricted: -expenses,
                total: Money::ZERO,
            },
            ActivityRow {
                label: "四、净资产变动额（若为净资产减少额，以“-”号填列）".into(),
                level: 0,
                unrestricted: Money::ZERO,
                restricted: revenue - expenses,
                total: revenue - expenses,
            },
        ];
        Ok(ActivityStatement { year: gy.year, rows, chart_name: chart.name })
    }

    /// All reports of a grant year as one workbook, a sheet each, yuan formatted `#,##0.00`.
    pub fn reports_xlsx(&self, grant_year_id: i64) -> Result<Vec<u8>> {
        let fed = self.federation_get()?.map(|f| f.name).unwrap_or_default();
        let exec = self.report_budget_execution(grant_year_id)?;
        let funds = self.report_funds(grant_year_id)?;
        let acts = self.report_activities(grant_year_id)?;
        let ledgers: Vec<LedgerReport> = [None, Some(FundSource::City), Some(FundSource::District)]
            .into_iter()
            .map(|source| self.report_ledger(&LedgerFilter { grant_year_id, source, category: None }))
            .collect::<Result<_>>()?;
        // Every sheet says which chart the year's books are kept in (科目表版本).
        let unit = format!("编制单位：{fed}　　单位：元　　科目表：{}", acts.chart_name);
        let exec_headers: Vec<String> = ["市级", "区级", "合计"]
            .iter()
            .flat_map(|src| ["预算", "已支出", "剩余", "执行率"].map(|h| format!("{src}{h}")))
            .collect();
        let mut specs = Vec::new();

        let exec_cells = |c: &ExecutionCell| {
            vec![Cell::Money(c.budget), Cell::Money(c.spent), Cell::Money(c.remaining), Cell::Text(c.percent.clone())]
        };
        let mut rows: Vec<Vec<Cell>> = exec
            .rows
            .iter()
            .chain(std::iter::once(&exec.totals))
            .map(|r| {
                let mut v = vec![Cell::Text(r.category_name.clone())];
                v.extend(exec_cells(&r.city));
                v.extend(exec_cells(&r.district));
                v.extend(exec_cells(&r.total));
                v
            })
            .collect();
        if let Some(last) = rows.last_mut() {
            last.iter_mut().for_each(Cell::bold);
        }
        let mut cols = vec![Column { header: "预算科目", width: 14.0 }];
        for (i, h) in exec_headers.iter().enumerate() {
            cols.push(Column { header: h, width: if i % 4 == 3 { 9.0 } else { 13.0 } });
        }
        specs.push(SheetSpec {
            name: "预算执行表".into(),
            title: format!("{}年度资金预算执行表", exec.year),
            subtitle: unit.clone(),
            columns: cols,
            rows,
        });

        for l in &ledgers {
            let mut rows: Vec<Vec<Cell>> = l
                .rows
                .iter()
                .map(|r| {
                    vec![
                        Cell::Text(r.date.to_string()),
                        Cell::Text(r.number.clone()),
                        Cell::Text(r.summary.clone()),
                        Cell::Text(r.source.label().into()),
                        Cell::Text(r.category_name.clone().unwrap_or_default()),
                        Cell::Money(r.income),
                        Cell::Money(r.expense),
                        Cell::Money(r.balance),
                    ]
                })
                .collect();
            let mut total = vec![
                Cell::Text("合计".into()),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
                Cell::Text(String::new()),
                Cell::Money(l.total_income),
                Cell::Money(l.total_expense),
                Cell::Money(l.closing),
            ];
            total.iter_mut().for_each(Cell::bold);
            rows.push(total);
            let name = if l.title.contains("市级") {
                "收支明细账-市级"
            } else if l.title.contains("区级") {
                "收支明细账-区级"
            } else {
                "收支明细账"
            };
            specs.push(SheetSpec {
                name: name.into(),
                title: l.title.clone(),
                subtitle: unit.clone(),
                columns: vec![
                    Column { header: "日期", width: 11.0 },
                    Column { header: "凭证号", width: 13.0 },
                    Column { header: "摘要", width: 34.0 },
                    Column { header: "资金来源", width: 13.0 },
                    Column { header: "预算科目", width: 12.0 },
                    Column { header: "收入", width: 13.0 },
                    Column { header: "支出", width: 13.0 },
                    Column { header: "余额", width: 14.0 },
                ],
                rows,
            });
        }

        let mut rows: Vec<Vec<Cell>> = funds
            .sources
            .iter()
            .chain(std::iter::once(&funds.total))
            .enumerate()
            .map(|(i, s)| {
                vec![
                    Cell::Text(if i == funds.sources.len() { "合计".into() } else { s.source.label().into() }),
                    Cell::Money(s.due),
                    Cell::Money(s.received),
                    Cell::Money(s.outstanding),
                    Cell::Text(s.percent.clone()),
                    Cell::Text(s.first_received.map(|d| d.to_string()).unwrap_or_default()),
                    Cell::Text(s.last_received.map(|d| d.to_string()).unwrap_or_default()),
                ]
            })
            .collect();
        rows.push(vec![Cell::Text(String::new())]);
        rows.push(vec![Cell::Text(format!("配套比例 {}；{}", funds.match_ratio, funds.matching_status))]);
        if let Some(a) = &funds.arrears {
            rows.push(vec![Cell::Text(format!(
                "区级配套欠拨 {} 元，自 {} 市级资金到账起已 {} 天",
                a.amount.to_grouped(),
                a.since,
                a.days
            ))]);
        }
        rows.push(vec![Cell::Text(String::new())]);
        rows.push(vec![
            Cell::Text("到账明细".into()).bolded(),
            Cell::Text("金额".into()).bolded(),
            Cell::Text("日期".into()).bolded(),
            Cell::Text("凭证号".into()).bolded(),
            Cell::Text("银行回单号".into()).bolded(),
        ]);
        for r in &funds.receipts {
            rows.push(vec![
                Cell::Text(r.source.label().into()),
                Cell::Money(r.amount),
                Cell::Text(r.date.to_string()),
                Cell::Text(r.voucher_number.clone()),
                Cell::Text(r.bank_ref.clone()),
            ]);
        }
        specs.push(SheetSpec {
            name: "资金到账及配套情况表".into(),
            title: format!("{}年度资金到账及配套情况表", funds.year),
            subtitle: unit.clone(),
            columns: vec![
                Column { header: "资金来源", width: 16.0 },
                Column { header: "应到金额", width: 14.0 },
                Column { header: "已到金额", width: 14.0 },
                Column { header: "未到金额", width: 14.0 },
                Column { header: "到位率", width: 10.0 },
                Column { header: "首次到账", width: 12.0 },
                Column { header: "最近到账", width: 12.0 },
            ],
            rows,
        });

        let rows = acts
            .rows
            .iter()
            .map(|r| {
                let label = format!("{}{}", "　".repeat(r.level as usize), r.label);
                let mut v = vec![
                    Cell::Text(label),
                    Cell::Money(r.unrestricted),
                    Cell::Money(r.restricted),
                    Cell::Money(r.total),
                ];
                if r.level == 0 {
                    v.iter_mut().for_each(Cell::bold);
                }
                v
            })
            .collect();
        specs.push(SheetSpec {
            name: "业务活动表".into(),
            title: format!("{}年度资助资金业务活动表", acts.year),
            subtitle: unit.clone(),
            columns: vec![
                Column { header: "项目", width: 40.0 },
                Column { header: "非限定性", width: 15.0 },
                Column { header: "限定性", width: 15.0 },
                Column { header: "合计", width: 15.0 },
            ],
            rows,
        });
        sheets::write_book(&specs)
    }
}
