//! The district's view of the packets it received: one row per federation and year, totals per
//! year, and what the district still owes. A pure function of the current packets and "today":
//! every figure is read from a packet's own data, and the arrears are R-ARREARS computed by the
//! core's own `arrears` function from the receipts the packet carries, counted up to today.

use chrono::NaiveDate;
use serde::Serialize;
use shelian_core::Money;
use shelian_core::domain::grant::{FundSource, arrears};
use shelian_export::model::{Packet, execution_rate};
use ts_rs::TS;

/// One received packet as a line of the summary (the current packet of its federation and year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistrictRow {
    #[ts(type = "number")]
    pub packet_id: i64,
    pub federation: String,
    pub credit_code: String,
    pub street: String,
    pub district: String,
    pub year: i32,
    /// 「第1年」 / 「第2年」.
    pub sequence_label: String,
    pub generated_on: NaiveDate,
    #[ts(type = "number")]
    pub data_version: u32,
    #[ts(type = "string")]
    pub city_amount: Money,
    /// 区级配套 committed (city × ratio, R-MATCH).
    #[ts(type = "string")]
    pub district_due: Money,
    /// What the packet's funds table says arrived; `None` for a version-1 packet, which has none.
    #[ts(type = "string | null")]
    pub city_received: Option<Money>,
    #[ts(type = "string | null")]
    pub district_received: Option<Money>,
    /// Matching due for the city money that arrived but not received (R-ARREARS), as of today.
    #[ts(type = "string | null")]
    pub arrears: Option<Money>,
    pub arrears_since: Option<NaiveDate>,
    #[ts(type = "number | null")]
    pub arrears_days: Option<i64>,
    /// Over the policy's warning threshold.
    pub overdue: bool,
    /// 预算执行率 by source, e.g. 「62.50%」, 「—」 when nothing was budgeted or the packet has no
    /// funds table.
    pub city_rate: String,
    pub district_rate: String,
    pub total_rate: String,
    #[ts(type = "number")]
    pub members: u32,
    #[ts(type = "number")]
    pub projects: u32,
    pub warnings: Vec<DistrictWarning>,
    /// Older packets of the same federation and year kept as history.
    #[ts(type = "number")]
    pub replaced: u32,
    /// Set when the packet carries no funds table (made by an older version of the app).
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistrictWarning {
    pub rule: Option<String>,
    pub message: String,
}

/// The sums of one year over its federations. Received and arrears sum only the packets that
/// carry a funds table; `without_funds` says how many do not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistrictTotals {
    #[ts(type = "number")]
    pub federations: u32,
    #[ts(type = "string")]
    pub city_amount: Money,
    #[ts(type = "string")]
    pub district_due: Money,
    #[ts(type = "string")]
    pub district_received: Money,
    #[ts(type = "string")]
    pub arrears: Money,
    #[ts(type = "number")]
    pub members: u32,
    #[ts(type = "number")]
    pub projects: u32,
    #[ts(type = "number")]
    pub without_funds: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistrictYear {
    pub year: i32,
    pub rows: Vec<DistrictRow>,
    pub totals: DistrictTotals,
}

/// One federation-year the district still owes matching for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistrictOwed {
    #[ts(type = "number")]
    pub packet_id: i64,
    pub federation: String,
    pub year: i32,
    #[ts(type = "string")]
    pub amount: Money,
    pub since: NaiveDate,
    #[ts(type = "number")]
    pub days: i64,
    pub overdue: bool,
}

/// Everything the 区级汇总 page shows, and what its workbook and PDF print.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistrictSummary {
    pub today: NaiveDate,
    /// Newest year first.
    pub years: Vec<DistrictYear>,
    /// What the district still owes, most days overdue first.
    pub owed: Vec<DistrictOwed>,
    /// The sum of `owed` (typst has no exact decimal sum, so the PDF prints this one).
    pub owed_total: Money,
    #[ts(type = "number")]
    pub packets: u32,
}

/// The current packet of a federation and year, with how many older ones it replaced.
pub struct Current<'a> {
    pub packet_id: i64,
    pub data_version: u32,
    pub packet: &'a Packet,
    pub replaced: u32,
}

/// One line of the summary from one packet, with the arrears counted to `today`.
pub fn row(c: &Current<'_>, today: NaiveDate) -> DistrictRow {
    let p = c.packet;
    let g = &p.grant;
    let mut r = DistrictRow {
        packet_id: c.packet_id,
        federation: p.federation.name.clone(),
        credit_code: p.federation.credit_code.clone(),
        street: p.federation.street.clone(),
        district: p.federation.district.clone(),
        year: g.year,
        sequence_label: g.sequence_label.clone(),
        generated_on: p.generated_on,
        data_version: c.data_version,
        city_amount: g.city_amount,
        district_due: g.district_amount,
        city_received: None,
        district_received: None,
        arrears: None,
        arrears_since: None,
        arrears_days: None,
        overdue: false,
        city_rate: "—".into(),
        district_rate: "—".into(),
        total_rate: "—".into(),
        members: p.members.total,
        projects: p.projects.rows.len() as u32,
        warnings: p
            .warnings
            .iter()
            .map(|w| DistrictWarning { rule: w.rule.clone(), message: w.message.clone() })
            .collect(),
        replaced: c.replaced,
        note: None,
    };
    let Some(f) = &p.funds else {
        r.note = Some(format!("该申报包由旧版软件生成（数据版本 {}），没有资金到账和执行数据", c.data_version));
        return r;
    };
    r.city_received = Some(f.city_received);
    r.district_received = Some(f.district_received);
    let of = |s: FundSource| -> Vec<(NaiveDate, Money)> {
        f.receipts.iter().filter(|x| x.source == s).map(|x| (x.date, x.amount)).collect()
    };
    // The same function the federation's books use (R-ARREARS), counted to the district's today.
    let owed = arrears(f.match_ratio, &of(FundSource::City), &of(FundSource::District), today, f.arrears_warn_days);
    r.arrears = Some(owed.as_ref().map_or(Money::ZERO, |a| a.amount));
    if let Some(a) = owed {
        r.arrears_since = Some(a.since);
        r.arrears_days = Some(a.days);
        r.overdue = a.overdue;
    }
    let t = &f.execution_total;
    r.city_rate = execution_rate(t.city_spent, t.city_budget);
    r.district_rate = execution_rate(t.district_spent, t.district_budget);
    r.total_rate = execution_rate(t.total_spent, t.total_budget);
    r
}

/// The summary of the current packets (any order) as of `today`.
pub fn summarize(current: &[Current<'_>], today: NaiveDate, packets: u32) -> DistrictSummary {
    let mut rows: Vec<DistrictRow> = current.iter().map(|c| row(c, today)).collect();
    rows.sort_by(|a, b| b.year.cmp(&a.year).then_with(|| a.federation.cmp(&b.federation)));
    let mut years: Vec<DistrictYear> = Vec::new();
    for r in rows {
        match years.last_mut() {
            Some(y) if y.year == r.year => y.rows.push(r),
            _ => years.push(DistrictYear { year: r.year, rows: vec![r], totals: totals(&[]) }),
        }
    }
    for y in &mut years {
        y.totals = totals(&y.rows);
    }
    let mut owed: Vec<DistrictOwed> = years
        .iter()
        .flat_map(|y| &y.rows)
        .filter_map(|r| {
            Some(DistrictOwed {
                packet_id: r.packet_id,
                federation: r.federation.clone(),
                year: r.year,
                amount: r.arrears.filter(|a| !a.is_zero())?,
                since: r.arrears_since?,
                days: r.arrears_days?,
                overdue: r.overdue,
            })
        })
        .collect();
    owed.sort_by(|a, b| b.days.cmp(&a.days).then_with(|| b.amount.cmp(&a.amount)));
    let owed_total = owed.iter().map(|o| o.amount).sum();
    DistrictSummary { today, years, owed, owed_total, packets }
}

fn totals(rows: &[DistrictRow]) -> DistrictTotals {
    DistrictTotals {
        federations: rows.len() as u32,
        city_amount: rows.iter().map(|r| r.city_amount).sum(),
        district_due: rows.iter().map(|r| r.district_due).sum(),
        district_received: rows.iter().filter_map(|r| r.district_received).sum(),
        arrears: rows.iter().filter_map(|r| r.arrears).sum(),
        members: rows.iter().map(|r| r.members).sum(),
        projects: rows.iter().map(|r| r.projects).sum(),
        without_funds: rows.iter().filter(|r| r.district_received.is_none()).count() as u32,
    }
}
