//! Deterministic demo books: the same scale and seed always give the same file contents. Used by
//! tests, by benchmarks and by the first-run choice 「打开示例数据」. The file is marked as demo data
//! inside itself, so the window can never mistake it for real books.
//!
//! Every later capability extends `generate` with its own part of the story.

pub mod city;

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use crate::books::{Books, OpenOptions};
use crate::clock::Clock;
use crate::domain::credit_code;
use crate::domain::federation::FederationInput;
use crate::domain::grant::{
    AdjustmentInput, ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, PolicyInput, ReceiptInput,
};
use crate::domain::ledger::{ExpenseInput, Month, PaymentMethod, ReversalInput};
use crate::domain::member::{
    InspectionInput, InspectionResult, LegalForm, MemberInput, MemberStatus, PartyBuilding, RatingInput, eligibility,
};
use crate::domain::money::Money;
use crate::domain::project::{
    ActivityInput, CloseOutInput, CustomTargetInput, Grade, IndicatorValueInput, ProjectInput, ProjectStatus,
    SplitInput, TerminateInput,
};
use crate::error::Result;
use crate::store::members::List;

/// How big the demo federation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoScale {
    /// Member organizations (a pilot street has about 60; a city-scale test uses 10,000).
    pub members: u32,
}

impl DemoScale {
    /// One pilot street, as a secretary would see it.
    pub const STREET: DemoScale = DemoScale { members: 60 };
    /// Benchmark scale: a whole city's worth of organizations in one file.
    pub const CITY: DemoScale = DemoScale { members: 10_000 };
}

/// The instant the demo books are "made": fixed, so the files are reproducible.
pub fn demo_clock() -> Clock {
    Clock::Fixed(demo_now())
}

fn demo_now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2019, 1, 2).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("valid constant date")
}

/// A tiny deterministic generator (SplitMix64), so demo data needs no dependency and never changes
/// between versions of a random-number crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The profile of the demo federation: clearly fictional, clearly marked 示例.
pub fn federation_input() -> FederationInput {
    FederationInput {
        name: "示范街道社区社会组织联合会（示例）".into(),
        credit_code: credit_code::with_check_char("51320102MJ5Q00018").unwrap_or_default(),
        street: "示范街道".into(),
        district: "示例区".into(),
        recognition_date: "2018-10-15".into(),
        recognition_doc_no: "示民发〔2018〕36号".into(),
        legal_rep: "王建华".into(),
        secretary: "李晓梅".into(),
        phone: "025-84000000".into(),
        address: "示例区示范路88号社区服务中心三楼".into(),
        bank_name: "南京银行示范支行".into(),
        bank_account: "0100 2000 3000 4000".into(),
    }
}

/// Writes demo books into `books` (which should be empty).
///
/// `scale` sizes the member roster and `seed` varies it; the profile and the two grant years are
/// always the same.
pub fn generate(books: &mut Books, scale: DemoScale, seed: u64) -> Result<()> {
    books.set_clock(at("2019-01-02"));
    books.mark_demo()?;
    books.federation_save(&federation_input())?;
    let mut rng = Rng::new(seed);
    generate_members(books, scale, &mut rng)?;
    grant_history(books, &mut rng)?;
    recent_member_history(books)?;
    Ok(())
}

/// The policy version a 2026 grant year is decided under in [`chart_transition`]: a wider band
/// than 2018's, so a 2026 amount above 200,000 shows which version was applied.
pub fn policy_2026() -> PolicyInput {
    PolicyInput {
        name: "南京市 2026 社联会资助（示例）".into(),
        effective_from: "2026-01-01".into(),
        city_min: "150000".into(),
        city_max: "250000".into(),
        match_ratio: "1".into(),
        max_years: 2,
        consecutive: true,
        arrears_warn_days: 90,
        caps_enabled: false,
        caps: vec![],
    }
}

/// A test book across the change of chart of accounts: a 2025 grant year on the 2004 chart and a
/// 2026 one on the revised chart (财会〔2024〕25号) under a new policy version, side by side. Both
/// have receipts, expenses on 业务活动成本 and 管理费用 and a red-ink reversal; the 2025 district
/// matching is half late and arrives in January 2026, after the change. Returns the two ids.
pub fn chart_transition(books: &mut Books, seed: u64) -> Result<(i64, i64)> {
    books.set_clock(at("2025-01-02"));
    books.mark_demo()?;
    books.federation_save(&federation_input())?;
    let mut rng = Rng::new(seed);
    generate_members(books, DemoScale { members: 12 }, &mut rng)?;
    let budget = [
        line("activity", "100000", "100000"),
        line("labor", "40000", "40000"),
        line("training", "15000", "15000"),
        line("publicity", "10000", "10000"),
        line("office", "10000", "10000"),
        line("audit", "5000", "5000"),
    ];

    books.set_clock(at("2025-01-06"));
    let y1 = books
        .grant_year_create(&GrantYearInput { year: 2025, city_amount: "180000".into(), ..Default::default() })?
        .grant
        .id;
    books.set_clock(at("2025-03-01"));
    books.grant_year_approve(y1, &ApprovalInput { doc_no: "示民发〔2025〕6号".into(), date: "2025-03-01".into() })?;
    books.budget_set(y1, &budget)?;
    books.grant_year_start(y1)?;
    books.set_clock(at("2025-03-20"));
    books.receipt_add(y1, &receipt(FundSource::City, "2025-03-20", "180000", "NJB20250320-0011"))?;
    books.set_clock(at("2025-06-30"));
    books.receipt_add(y1, &receipt(FundSource::District, "2025-06-30", "90000", "NJB20250630-0027"))?;
    for (month, n) in [("2025-04", 4), ("2025-06", 4), ("2025-09", 4), ("2025-11", 4)] {
        spend_month(books, &mut rng, y1, month, n, &[])?;
    }
    mistake_and_correction(books, y1, "2025-10-15")?;
    books.set_clock(at("2025-12-15"));
    books.policy_save(&policy_2026())?;
    books.set_clock(at("2026-01-08"));
    let y2 = books
        .grant_year_create(&GrantYearInput { year: 2026, city_amount: "220000".into(), ..Default::default() })?
        .grant
        .id;
    // The rest of the 2025 matching arrives after the change of chart: it stays in 2025's books.
    books.set_clock(at("2026-01-10"));
    books.receipt_add(y1, &receipt(FundSource::District, "2026-01-10", "90000", "NJB20260110-0003"))?;
    books.set_clock(at("2026-03-05"));
    books.grant_year_approve(y2, &ApprovalInput { doc_no: "示民发〔2026〕4号".into(), date: "2026-03-05".into() })?;
    books.budget_set(
        y2,
        &[
            line("activity", "130000", "130000"),
            line("labor", "45000", "45000"),
            line("training", "15000", "15000"),
            line("publicity", "10000", "10000"),
            line("office", "15000", "15000"),
            line("audit", "5000", "5000"),
        ],
    )?;
    books.grant_year_start(y2)?;
    books.set_clock(at("2026-03-25"));
    books.receipt_add(y2, &receipt(FundSource::City, "2026-03-25", "220000", "NJB20260325-0008"))?;
    books.set_clock(at("2026-04-20"));
    books.receipt_add(y2, &receipt(FundSource::District, "2026-04-20", "220000", "NJB20260420-0015"))?;
    for (month, n) in [("2026-04", 4), ("2026-06", 4), ("2026-09", 4)] {
        spend_month(books, &mut rng, y2, month, n, &[])?;
    }
    mistake_and_correction(books, y2, "2026-05-20")?;
    Ok((y1, y2))
}

fn at(day: &str) -> Clock {
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").expect("demo dates are valid");
    Clock::Fixed(date.and_hms_opt(9, 30, 0).expect("valid time"))
}

fn line(category: &str, city: &str, district: &str) -> BudgetLineInput {
    BudgetLineInput { category: category.into(), city_amount: city.into(), district_amount: district.into() }
}

fn receipt(source: FundSource, date: &str, amount: &str, bank_ref: &str) -> ReceiptInput {
    ReceiptInput { source, date: date.into(), amount: amount.into(), bank_ref: bank_ref.into(), note: String::new() }
}

/// Two funded years, as a pilot street lived them: 2019 closed after late district matching, one
/// budget adjustment and a year of vouchers with every month closed; 2020 executing, with half of
/// the matching still owed, vouchers through December and every month but December closed.
fn grant_history(books: &mut Books, rng: &mut Rng) -> Result<()> {
    books.set_clock(at("2019-01-05"));
    let y1 = books
        .grant_year_create(&GrantYearInput { year: 2019, city_amount: "180000".into(), ..Default::default() })?
        .grant
        .id;
    books.set_clock(at("2019-03-01"));
    books.grant_year_approve(y1, &ApprovalInput { doc_no: "示民发〔2019〕12号".into(), date: "2019-03-01".into() })?;
    books.set_clock(at("2019-03-05"));
    let budget_2019 = [
        line("activity", "110000", "100000"),
        line("labor", "30000", "40000"),
        line("training", "15000", "15000"),
        line("publicity", "10000", "10000"),
        line("office", "10000", "10000"),
        line("audit", "5000", "5000"),
    ];
    books.budget_set(y1, &budget_2019)?;
    books.grant_year_start(y1)?;
    close(books, "2019-01", "2019-03-05")?;
    close(books, "2019-02", "2019-03-05")?;
    books.set_clock(at("2019-03-20"));
    books.receipt_add(y1, &receipt(FundSource::City, "2019-03-20", "180000", "NJB20190320-0017"))?;
    for (month, n) in [("2019-03", 2), ("2019-04", 5), ("2019-05", 6), ("2019-06", 6), ("2019-07", 5)] {
        spend_month(books, rng, y1, month, n, &["publicity"])?;
        if month == "2019-07" {
            books.set_clock(at("2019-07-25"));
            books.receipt_add(y1, &receipt(FundSource::District, "2019-07-25", "180000", "NJB20190725-0042"))?;
            spend_month(books, rng, y1, "2019-07", 2, &["publicity"])?;
        }
        close(books, month, &next_month_day(month, 3))?;
    }
    books.set_clock(at("2019-08-01"));
    let mut adjusted = budget_2019.to_vec();
    adjusted[2] = line("training", "20000", "15000");
    adjusted[3] = line("publicity", "5000", "10000");
    books.budget_adjust(
        y1,
        &AdjustmentInput {
            date: "2019-08-01".into(),
            reason: "宣传改为线上推送，节余用于志愿者骨干培训".into(),
            lines: adjusted,
        },
    )?;
    for (month, n) in [("2019-08", 7), ("2019-09", 7), ("2019-10", 7), ("2019-11", 8), ("2019-12", 9)] {
        spend_month(books, rng, y1, month, n, &[])?;
        if month == "2019-09" {
            mistake_and_correction(books, y1, "2019-09-17")?;
        }
        close(books, month, &next_month_day(month, 3))?;
    }
    books.set_clock(at("2020-01-06"));
    books.grant_year_close(y1)?;

    books.set_clock(at("2020-01-08"));
    let y2 = books
        .grant_year_create(&GrantYearInput { year: 2020, city_amount: "200000".into(), ..Default::default() })?
        .grant
        .id;
    books.set_clock(at("2020-03-05"));
    books.grant_year_approve(y2, &ApprovalInput { doc_no: "示民发〔2020〕8号".into(), date: "2020-03-05".into() })?;
    books.budget_set(
        y2,
        &[
            line("activity", "125000", "115000"),
            line("labor", "35000", "45000"),
            line("training", "15000", "15000"),
            line("publicity", "10000", "10000"),
            line("office", "10000", "10000"),
            line("audit", "5000", "5000"),
        ],
    )?;
    books.grant_year_start(y2)?;
    close(books, "2020-01", "2020-03-05")?;
    close(books, "2020-02", "2020-03-05")?;
    books.set_clock(at("2020-03-25"));
    books.receipt_add(y2, &receipt(FundSource::City, "2020-03-25", "200000", "NJB20200325-0009"))?;
    let months = [
        ("2020-03", 2),
        ("2020-04", 5),
        ("2020-05", 6),
        ("2020-06", 5),
        ("2020-07", 6),
        ("2020-08", 6),
        ("2020-09", 6),
        ("2020-10", 7),
        ("2020-11", 7),
        ("2020-12", 6),
    ];
    let mut projects = Vec::new();
    for (month, n) in months {
        if month == "2020-04" {
            projects = projects_2020(books, y2)?;
        }
        project_month(books, rng, &projects, month)?;
        spend_month(books, rng, y2, month, n, &[])?;
        if month == "2020-06" {
            books.set_clock(at("2020-06-30"));
            books.receipt_add(y2, &receipt(FundSource::District, "2020-06-30", "100000", "NJB20200630-0031"))?;
        }
        if month == "2020-08" {
            mistake_and_correction(books, y2, "2020-08-20")?;
        }
        // December stays open: the year-end entries are still being made.
        if month != "2020-12" {
            close(books, month, &next_month_day(month, 3))?;
        }
    }
    Ok(())
}

fn close(books: &mut Books, month: &str, on: &str) -> Result<()> {
    books.set_clock(at(on));
    books.month_close(month)
}

fn next_month_day(month: &str, day: u32) -> String {
    let m = Month::parse(month).expect("demo months are valid");
    let n = m.next();
    format!("{n}-{day:02}")
}

/// One budget line's typical spending: category code, summaries, payees, amount range in yuan.
type Spending = (&'static str, &'static [&'static str], &'static [&'static str], (i64, i64));

/// What a year of expenses looks like, per budget line.
const SPENDING: [Spending; 6] = [
    (
        "activity",
        &[
            "重阳节敬老活动物资",
            "邻里节活动场地布置",
            "儿童暑期托管活动材料",
            "垃圾分类宣传活动用品",
            "社区文艺汇演服装租赁",
            "助老送餐服务食材",
            "社区议事会茶歇及资料",
            "独居老人探访慰问品",
        ],
        &["示范街道某某文化用品店", "南京某某商贸有限公司", "示范社区便民超市", "南京某某会务服务有限公司"],
        (1_000, 12_000),
    ),
    (
        "labor",
        &["项目社工劳务费", "活动志愿者交通补贴", "专家督导劳务费", "项目助理劳务费"],
        &["王芳（项目社工）", "李强（督导）", "示范街道志愿者协会", "陈静（项目助理）"],
        (2_500, 8_000),
    ),
    (
        "training",
        &["社会组织负责人能力培训场地费", "财务规范培训讲师费", "志愿者骨干培训资料"],
        &["南京某某培训中心", "张敏（培训讲师）", "南京某某印务有限公司"],
        (1_200, 5_000),
    ),
    (
        "publicity",
        &["项目宣传折页印制", "公众号推文排版服务", "活动横幅及展板制作"],
        &["南京某某印务有限公司", "南京某某广告有限公司"],
        (500, 3_000),
    ),
    (
        "office",
        &["打印纸及文具", "打印机硒鼓", "项目档案盒及资料袋"],
        &["示范街道某某文化用品店", "南京某某办公设备有限公司"],
        (150, 1_500),
    ),
    ("audit", &["项目评估费", "专项审计费"], &["南京某某会计师事务所", "南京某某社会组织评估中心"], (3_000, 5_000)),
];

/// `n` expenses dated through `month`, each within its line's budget and its source's cash (the
/// generator asks the books what is left, as the secretary's form does), so R-SPEND never fires.
fn spend_month(books: &mut Books, rng: &mut Rng, gy: i64, month: &str, n: u32, skip: &[&str]) -> Result<()> {
    let m = Month::parse(month).expect("demo months are valid");
    let first = if month.ends_with("-03") { 25 } else { 2 };
    let last = m.last_day().format("%d").to_string().parse::<u32>().unwrap_or(28);
    for k in 0..n {
        let day = first + (last - first) * k / n.max(1) + rng.below(2) as u32;
        let date = NaiveDate::from_ymd_opt(m.year, m.month, day.min(last)).expect("valid day");
        // Audits come at the end of the year; the rest by weight.
        let weights: [(usize, u64); 6] =
            [(0, 45), (1, 20), (2, 8), (3, 7), (4, 15), (5, if m.month >= 11 { 10 } else { 0 })];
        let total: u64 = weights.iter().map(|(_, w)| w).sum();
        let mut roll = rng.below(total);
        let idx = weights
            .iter()
            .find(|(_, w)| {
                if roll < *w {
                    true
                } else {
                    roll -= w;
                    false
                }
            })
            .map(|(i, _)| *i)
            .unwrap_or(0);
        let (category, summaries, payees, (low, high)) = SPENDING[idx];
        if skip.contains(&category) {
            continue;
        }
        let options = books.spend_options(gy)?;
        let mut yuan = low + rng.below((high - low) as u64 + 1) as i64;
        let half = rng.below(4) == 0;
        // Cash that agreements will still draw on is left for them.
        let held = |s: FundSource| -> Money { options.iter().filter(|o| o.source == s).map(|o| o.committed).sum() };
        let room = |s: FundSource| {
            options
                .iter()
                .find(|o| o.category == category && o.source == s)
                .map(|o| o.remaining.min(o.cash - held(s)))
                .unwrap_or(Money::ZERO)
        };
        // Mostly from the source with more room left, as a secretary spreads the two.
        let (more, less) = if room(FundSource::City) >= room(FundSource::District) {
            (FundSource::City, FundSource::District)
        } else {
            (FundSource::District, FundSource::City)
        };
        let source = if rng.below(10) < 7 || room(less) < Money::from_yuan(low) { more } else { less };
        let room = room(source);
        let mut amount = Money::from_fen(yuan * 100 + if half { 50 } else { 0 });
        if amount > room {
            yuan = room.to_fen() / 100;
            amount = Money::from_yuan(yuan);
        }
        if amount < Money::from_yuan(50) {
            continue;
        }
        books.set_clock(at(&date.to_string()));
        books.expense_post(&demo_expense(rng, gy, date, category, source, amount, summaries, payees))?;
    }
    Ok(())
}

/// One demo expense as a secretary types it: a summary and a payee typical of its budget line,
/// paid in cash under 300 yuan and by bank transfer above. Shared by the street and city generators.
#[allow(clippy::too_many_arguments)]
pub(crate) fn demo_expense(
    rng: &mut Rng,
    grant_year_id: i64,
    date: NaiveDate,
    category: &str,
    source: FundSource,
    amount: Money,
    summaries: &[&str],
    payees: &[&str],
) -> ExpenseInput {
    ExpenseInput {
        grant_year_id,
        date: date.to_string(),
        summary: rng.pick(summaries).to_string(),
        category: category.into(),
        source,
        amount: amount.to_string(),
        payee: rng.pick(payees).to_string(),
        payment_method: if amount < Money::from_yuan(300) { PaymentMethod::Cash } else { PaymentMethod::Bank },
        attachments: vec![],
        project_id: None,
    }
}

/// A typing mistake caught the same day: posted at 6,800 instead of 680, reversed (红字冲销), and
/// posted again correctly.
fn mistake_and_correction(books: &mut Books, gy: i64, date: &str) -> Result<()> {
    books.set_clock(at(date));
    let wrong = ExpenseInput {
        grant_year_id: gy,
        date: date.into(),
        summary: "社区文艺汇演服装租赁".into(),
        category: "activity".into(),
        source: FundSource::District,
        amount: "6800".into(),
        payee: "南京某某会务服务有限公司".into(),
        payment_method: PaymentMethod::Bank,
        attachments: vec![],
        project_id: None,
    };
    let posted = books.expense_post(&wrong)?;
    books.voucher_reverse(&ReversalInput {
        voucher_id: posted.id,
        date: date.into(),
        reason: "金额多录一个0".into(),
    })?;
    books.expense_post(&ExpenseInput { amount: "680".into(), ..wrong })?;
    Ok(())
}

/// One demo service project: name, splits (category, source, yuan), targets (人次, 场次, 小时), an
/// optional free-form indicator (name, unit, target, per activity), and how it ends.
struct DemoProject {
    name: &'static str,
    splits: &'static [(&'static str, FundSource, i64)],
    targets: (i64, i64, i64),
    indicator: Option<(&'static str, &'static str, i64, i64)>,
    ends: DemoEnd,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum DemoEnd {
    Running,
    Closed,
    Terminated,
}

const PROJECTS_2020: [DemoProject; 6] = [
    DemoProject {
        name: "银龄助餐暖心行动",
        splits: &[("activity", FundSource::City, 30_000), ("labor", FundSource::District, 10_000)],
        targets: (900, 30, 360),
        indicator: Some(("助餐服务", "份", 4_000, 150)),
        ends: DemoEnd::Closed,
    },
    DemoProject {
        name: "邻里纠纷调解驿站",
        splits: &[("activity", FundSource::District, 16_000), ("labor", FundSource::District, 8_000)],
        targets: (300, 24, 200),
        indicator: Some(("成功调解纠纷", "件", 40, 2)),
        ends: DemoEnd::Running,
    },
    DemoProject {
        name: "青少年四点半课堂",
        splits: &[("activity", FundSource::City, 25_000), ("labor", FundSource::City, 8_000)],
        targets: (1_200, 60, 480),
        indicator: None,
        ends: DemoEnd::Running,
    },
    DemoProject {
        name: "社区文体展演季",
        splits: &[("activity", FundSource::District, 18_000)],
        targets: (2_000, 8, 160),
        indicator: None,
        ends: DemoEnd::Running,
    },
    DemoProject {
        name: "垃圾分类志愿宣传",
        splits: &[("activity", FundSource::City, 12_000), ("publicity", FundSource::City, 3_000)],
        targets: (1_500, 20, 300),
        indicator: Some(("入户宣传", "户", 1_200, 60)),
        ends: DemoEnd::Running,
    },
    DemoProject {
        name: "独居老人探访关爱",
        splits: &[("activity", FundSource::District, 15_000)],
        targets: (400, 40, 320),
        indicator: None,
        ends: DemoEnd::Terminated,
    },
];

/// The 2020 agreements, signed on 1 April with active members that joined before; the mediation
/// project goes to an organization flagged by a failed inspection, with the reason written down.
fn projects_2020(books: &mut Books, gy: i64) -> Result<Vec<(i64, usize)>> {
    books.set_clock(at("2020-04-01"));
    let signed = NaiveDate::from_ymd_opt(2020, 4, 1).expect("valid date");
    let members: Vec<_> = books
        .members_active_in_year(2020)?
        .into_iter()
        .filter(|m| m.status == MemberStatus::Active && m.joined_on <= signed)
        .collect();
    let flagged: Vec<_> = members.iter().filter(|m| eligibility(m, signed).flag_reason.is_some()).collect();
    let clean: Vec<_> = members.iter().filter(|m| eligibility(m, signed).flag_reason.is_none()).collect();
    let communities: Vec<i64> = books.list_entries(List::Community)?.into_iter().map(|e| e.id).collect();
    let mut out = Vec::new();
    for (i, p) in PROJECTS_2020.iter().enumerate() {
        let (member, override_reason) = match (i, flagged.first()) {
            (1, Some(m)) => (*m, "已于2020年3月完成年检整改，经理事会研究同意承接".to_owned()),
            _ => (clean[(i * 7) % clean.len()], String::new()),
        };
        let mut input = ProjectInput {
            grant_year_id: gy,
            name: p.name.into(),
            member_id: member.id,
            category: member.category.clone(),
            community_ids: vec![communities[i % communities.len()], communities[(i + 2) % communities.len()]],
            agreement_no: format!("示社联协〔2020〕{}号", i + 1),
            signed_on: "2020-04-01".into(),
            starts_on: "2020-04-01".into(),
            ends_on: "2020-11-30".into(),
            splits: p
                .splits
                .iter()
                .map(|(c, s, y)| SplitInput { category: (*c).into(), source: *s, amount: y.to_string() })
                .collect(),
            beneficiaries: p.targets.0.to_string(),
            sessions: p.targets.1.to_string(),
            volunteer_hours: p.targets.2.to_string(),
            custom_targets: Vec::new(),
            override_reason,
        };
        if let Some((name, unit, target, _)) = p.indicator {
            input.custom_targets.push(CustomTargetInput {
                name: name.into(),
                unit: unit.into(),
                target: target.to_string(),
            });
        }
        let id = books.project_create(&input)?.project.id;
        books.project_start(id)?;
        out.push((id, i));
    }
    Ok(out)
}

/// A month of the projects: instalments (half on signing for city money, half in July for the
/// district's, which arrives on 30 June; 40% more in November), activities, and the two endings.
fn project_month(books: &mut Books, rng: &mut Rng, projects: &[(i64, usize)], month: &str) -> Result<()> {
    let m = Month::parse(month).expect("demo months are valid");
    for &(id, i) in projects {
        let p = &PROJECTS_2020[i];
        let detail = books.project_get(id)?;
        if !matches!(detail.project.status, ProjectStatus::Running) {
            continue;
        }
        if p.ends == DemoEnd::Terminated && month == "2020-08" {
            books.set_clock(at("2020-08-14"));
            books.project_terminate(
                id,
                &TerminateInput {
                    date: "2020-08-14".into(),
                    reason: "承接组织负责人调离，志愿者队伍无法维持，经协商终止".into(),
                },
            )?;
            continue;
        }
        for &(category, source, yuan) in p.splits {
            let share = match (month, source) {
                ("2020-04", FundSource::City) | ("2020-07", FundSource::District) => 50,
                ("2020-11", _) => 40,
                _ => 0,
            };
            if share == 0 {
                continue;
            }
            let day = format!("{month}-{:02}", if month == "2020-11" { 10 } else { 6 });
            books.set_clock(at(&day));
            books.expense_post(&ExpenseInput {
                grant_year_id: detail.project.grant_year_id,
                date: day.clone(),
                summary: format!("拨付“{}”服务经费（{}%）", p.name, share),
                category: category.into(),
                source,
                amount: Money::from_yuan(yuan * share / 100).to_string(),
                payee: detail.project.member_name.clone(),
                payment_method: PaymentMethod::Bank,
                attachments: vec![],
                project_id: Some(id),
            })?;
        }
        if m.month >= 5 && m.month <= 11 {
            let custom =
                detail.targets.iter().find(|t| t.kind == crate::domain::project::TargetKind::Custom).map(|t| t.id);
            let per_month = (p.targets.1 / 7).max(1);
            for k in 0..per_month.min(4) {
                let day = 3 + (k as u32) * 7 + rng.below(3) as u32;
                let held_on = format!("{month}-{day:02}");
                let participants = p.targets.0 / p.targets.1 + rng.below(12) as i64;
                let volunteers = 3 + rng.below(6) as i64;
                books.set_clock(at(&held_on));
                books.activity_add(&ActivityInput {
                    project_id: id,
                    held_on: held_on.clone(),
                    title: format!("{}（{}月第{}次）", p.name, m.month, k + 1),
                    place: "社区党群服务中心".into(),
                    participants: participants.to_string(),
                    volunteers: volunteers.to_string(),
                    volunteer_hours: (volunteers * 2).to_string(),
                    note: String::new(),
                    photos: vec![],
                    indicators: match (custom, p.indicator) {
                        (Some(t), Some((.., per))) => {
                            vec![IndicatorValueInput { target_id: t, value: (per + rng.below(5) as i64).to_string() }]
                        }
                        _ => vec![],
                    },
                })?;
            }
        }
        if p.ends == DemoEnd::Closed && month == "2020-11" {
            books.set_clock(at("2020-11-30"));
            books.project_close(
                id,
                &CloseOutInput {
                    date: "2020-11-30".into(),
                    evaluation: "全年为辖区高龄、独居老人提供助餐服务，送餐及时，服务对象满意度高；志愿者队伍稳定，建议下一年度继续实施并扩大覆盖。".into(),
                    grade: Some(Grade::Excellent),
                },
            )?;
        }
    }
    Ok(())
}

const DEMO_COMMUNITIES: [&str; 6] = ["示范社区", "桂花社区", "梅园社区", "兰苑社区", "竹林社区", "松风社区"];
const NAME_HEADS: [&str; 12] =
    ["幸福", "阳光", "邻里", "银龄", "彩虹", "同心", "暖心", "和美", "书香", "康乐", "安居", "启航"];
const NAME_TAILS: [(&str, usize); 6] =
    [("志愿服务队", 0), ("互助会", 1), ("调解工作室", 2), ("文体协会", 3), ("便民服务社", 4), ("社区服务中心", 5)];
const SURNAMES: [&str; 10] = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
const GIVEN: [&str; 10] = ["芳", "静", "伟", "敏", "强", "丽", "军", "霞", "斌", "婷"];

/// Member organizations of every kind: registered and filed, all categories and party-building
/// shapes, some withdrawn or suspended, with inspections (some failed or missed: flagged) and
/// ratings (some 3A+ and valid: 优先; some expired).
pub fn member_inputs(scale: DemoScale, rng: &mut Rng, category_ids: &[i64], community_ids: &[i64]) -> Vec<MemberInput> {
    (0..scale.members)
        .map(|i| {
            let (tail, cat) = NAME_TAILS[i as usize % NAME_TAILS.len()];
            let head = NAME_HEADS[(i as usize / NAME_TAILS.len()) % NAME_HEADS.len()];
            let community_index = rng.below(community_ids.len() as u64) as usize;
            let community = DEMO_COMMUNITIES[community_index % DEMO_COMMUNITIES.len()];
            let round = i as usize / (NAME_TAILS.len() * NAME_HEADS.len());
            let name = if round == 0 {
                format!("{community}{head}{tail}")
            } else {
                format!("{community}{head}{tail}（{}）", round + 1)
            };
            let registered = i % 3 != 2;
            let year = 2005 + rng.below(11) as i32;
            let joined_year = 2016 + rng.below(3) as i32;
            let withdrawn = i % 17 == 16;
            let suspended = i % 23 == 22;
            MemberInput {
                name,
                legal_form: if registered { LegalForm::Registered } else { LegalForm::Filed },
                credit_code: if registered {
                    // Mostly 5 (civil affairs); a few with another authority code, to show the warning.
                    let authority = if i % 29 == 28 { '9' } else { '5' };
                    credit_code::with_check_char(&format!("{authority}2320102MJ{:07}", 1_000_000 + i))
                        .or_else(|| credit_code::with_check_char(&format!("{authority}2320102MJ{:07}", 5_000_000 + i)))
                        .unwrap_or_default()
                } else {
                    String::new()
                },
                filing_no: if registered { String::new() } else { format!("SF-{}-{:05}", joined_year, i + 1) },
                category_id: Some(category_ids[cat % category_ids.len()]),
                community_id: Some(community_ids[community_index]),
                leader: format!("{}{}", rng.pick(&SURNAMES), rng.pick(&GIVEN)),
                phone: format!("139{:08}", rng.below(100_000_000)),
                founded_on: format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                joined_on: format!("{joined_year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                left_on: if withdrawn { "2018-12-31".into() } else { String::new() },
                status: if withdrawn {
                    MemberStatus::Withdrawn
                } else if suspended {
                    MemberStatus::Suspended
                } else {
                    MemberStatus::Active
                },
                party_building: *rng.pick(PartyBuilding::ALL),
                notes: String::new(),
            }
        })
        .collect()
}

/// A roster spreadsheet of `scale.members` organizations in the import template's columns, as a
/// secretary's file would be (for the 10,000-row import test and benchmark).
pub fn roster_xlsx(scale: DemoScale, seed: u64) -> Result<Vec<u8>> {
    let mut rng = Rng::new(seed);
    let categories = ["公益服务类", "慈善互助类", "调解治理类", "文体活动类", "生活服务类", "其他"];
    let inputs = member_inputs(scale, &mut rng, &[0, 1, 2, 3, 4, 5], &[0, 1, 2, 3, 4, 5]);
    let rows: Vec<Vec<String>> = inputs
        .iter()
        .map(|m| {
            vec![
                m.name.clone(),
                m.credit_code.clone(),
                m.filing_no.clone(),
                m.legal_form.label().into(),
                categories[m.category_id.unwrap_or(0) as usize].into(),
                DEMO_COMMUNITIES[m.community_id.unwrap_or(0) as usize].into(),
                m.leader.clone(),
                m.phone.clone(),
                m.founded_on.clone(),
                m.joined_on.clone(),
                m.party_building.label().into(),
                String::new(),
            ]
        })
        .collect();
    let columns: Vec<crate::sheets::Column<'_>> = crate::books::TEMPLATE_COLUMNS
        .iter()
        .map(|(c, w)| crate::sheets::Column { header: c.label(), width: *w })
        .collect();
    crate::sheets::write_table("成员单位", "成员单位名册", &columns, &rows)
}

fn generate_members(books: &mut Books, scale: DemoScale, rng: &mut Rng) -> Result<()> {
    let mut community_ids = Vec::new();
    for name in DEMO_COMMUNITIES {
        community_ids.push(books.list_add(List::Community, name)?.id);
    }
    let category_ids: Vec<i64> = books.list_entries(List::Category)?.into_iter().map(|e| e.id).collect();
    let inputs = member_inputs(scale, rng, &category_ids, &community_ids);
    let ids = books.members_insert_many(&inputs)?;
    let mut inspections = Vec::new();
    let mut ratings = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        for year in 2016..=2018 {
            let result = match (n % 11, year) {
                (3, 2018) => InspectionResult::Fail,
                (7, 2018) => InspectionResult::Absent,
                (5, _) => InspectionResult::BasicPass,
                _ => InspectionResult::Pass,
            };
            inspections.push((*id, InspectionInput { year, result }));
        }
        match n % 6 {
            0 => ratings.push((*id, RatingInput { year: 2017, level: 3 + rng.below(3) as u8 })),
            1 => ratings.push((*id, RatingInput { year: 2012, level: 4 })), // expired in 2017
            2 => ratings.push((*id, RatingInput { year: 2018, level: 2 })),
            _ => {}
        }
    }
    books.members_record_history(&inspections, &ratings)
}

/// The latest inspections and ratings, recorded in spring 2025, so that the demo opened today still
/// shows flagged organizations and 优先 ones whose ratings have not expired (they last 5 years).
fn recent_member_history(books: &mut Books) -> Result<()> {
    books.set_clock(at("2025-03-01"));
    let mut ids = Vec::new();
    let mut page = 1;
    loop {
        let query = crate::domain::member::MemberQuery { page, page_size: 200, ..Default::default() };
        let rows = books.members_list(&query)?.rows;
        if rows.is_empty() {
            break;
        }
        ids.extend(rows.into_iter().map(|r| r.member.id));
        page += 1;
    }
    ids.sort();
    let mut inspections = Vec::new();
    let mut ratings = Vec::new();
    for (n, id) in ids.iter().enumerate() {
        let result = match n % 13 {
            4 => InspectionResult::Fail,
            9 => InspectionResult::Absent,
            _ => InspectionResult::Pass,
        };
        inspections.push((*id, InspectionInput { year: 2024, result }));
        if n % 5 == 0 {
            ratings.push((*id, RatingInput { year: 2023, level: 3 + (n % 3) as u8 }));
        }
    }
    books.members_record_history(&inspections, &ratings)
}

/// Replaces the file at `path` with freshly generated demo books and opens it with `options`: the
/// data is written under the fixed demo clock, later edits use the caller's clock.
pub fn create_file(path: &Path, scale: DemoScale, options: OpenOptions) -> Result<Books> {
    for suffix in ["", "-wal", "-shm"] {
        let p = path
            .with_file_name(format!("{}{suffix}", path.file_name().and_then(|n| n.to_str()).unwrap_or("demo.shelian")));
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    {
        let mut books = Books::open(
            path,
            OpenOptions { operator: options.operator.clone(), clock: demo_clock(), attachments_dir: None },
        )?;
        // A regenerated, throw-away file: no fsync per transaction while it is written (a thousand
        // small transactions would otherwise keep the person waiting); durable again once reopened.
        books.store.conn().pragma_update(None, "synchronous", "OFF")?;
        generate(&mut books, scale, 2019)?;
        books.store.conn().pragma_update(None, "synchronous", "FULL")?;
    }
    Books::open(path, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_bounded() {
        let a: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.below(10)).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.below(10)).collect()
        };
        assert_eq!(a, b);
        assert!(a.iter().all(|&x| x < 10));
    }

    /// What one generation writes to the audit log; a second generation must write the same.
    fn books_audit_rows() -> i64 {
        let mut books = Books::open_in_memory(OpenOptions::default()).unwrap();
        generate(&mut books, DemoScale::STREET, 2019).unwrap();
        books.audit_count().unwrap()
    }

    #[test]
    fn demo_file_is_marked_and_reproducible() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.shelian");
        let books = create_file(&path, DemoScale::STREET, OpenOptions::default()).unwrap();
        assert!(books.is_demo().unwrap());
        let first = books.federation_get().unwrap().unwrap();
        assert!(first.name.contains("示例"));
        drop(books);
        let again = create_file(&path, DemoScale::STREET, OpenOptions::default()).unwrap();
        assert_eq!(again.federation_get().unwrap().unwrap(), first);
        assert_eq!(again.audit_count().unwrap(), books_audit_rows(), "regeneration starts from an empty file");
        let years = again.grant_years().unwrap();
        assert_eq!(years.iter().map(|g| g.year).collect::<Vec<_>>(), [2019, 2020]);
        let home = again.home_overview().unwrap();
        let current = home.current.expect("2020 is open");
        assert_eq!(current.grant.year, 2020);
        // 首页 counts the open year's vouchers the way 记账 lists them.
        let listed = again
            .vouchers(&crate::books::ledger::VoucherQuery {
                grant_year_id: current.grant.id,
                month: None,
                page: 1,
                page_size: 1,
            })
            .unwrap()
            .total;
        assert!(listed > 0, "the demo's open year has vouchers");
        assert_eq!(home.current_vouchers, listed);
        assert_eq!(current.arrears.expect("half the matching is owed").amount.to_string(), "100000.00");
        let members = again.members_list(&Default::default()).unwrap().total;
        assert_eq!(members, DemoScale::STREET.members as i64);
        let audit_after_members = again.audit_count().unwrap();
        drop(again);
        let third = create_file(&path, DemoScale::STREET, OpenOptions::default()).unwrap();
        assert_eq!(third.audit_count().unwrap(), audit_after_members, "regeneration starts from an empty file");
    }

    #[test]
    fn the_demo_books_hold_two_years_of_balanced_vouchers_that_tie_out() {
        let mut books = Books::open_in_memory(OpenOptions::default()).unwrap();
        generate(&mut books, DemoScale::STREET, 2019).unwrap();
        assert_eq!(books.unbalanced_vouchers().unwrap(), 0);
        for g in books.grant_years().unwrap() {
            let vouchers = books.vouchers_of(g.id).unwrap();
            assert!(vouchers.len() >= 60, "{} has {} vouchers", g.year, vouchers.len());
            assert_eq!(vouchers.iter().filter(|v| v.reverses.is_some()).count(), 1);
            let tie = books.tie_out(g.id).unwrap();
            let exec = books.report_budget_execution(g.id).unwrap();
            assert_eq!(exec.totals.total.spent, tie.expenses);
            // A year's worth of spending: most of the money, never more than arrived.
            assert!(tie.expenses > tie.revenue.mul_ratio(rust_decimal::Decimal::new(6, 1)), "{}: {tie:?}", g.year);
            assert!(!tie.money.is_negative());
            let months = books.months(g.id).unwrap().months;
            let open: Vec<&str> = months.iter().filter(|m| !m.closed).map(|m| m.month.as_str()).collect();
            assert_eq!(open, if g.year == 2019 { vec![] } else { vec!["2020-12"] });
        }
    }

    #[test]
    fn the_demo_has_service_projects_in_every_state_with_activities_and_payments() {
        use crate::books::projects::ProjectQuery;
        let mut books = Books::open_in_memory(OpenOptions::default()).unwrap();
        generate(&mut books, DemoScale::STREET, 2019).unwrap();
        let list = books.projects_list(&ProjectQuery::default()).unwrap();
        assert_eq!(list.len(), 6);
        let count = |s: ProjectStatus| list.iter().filter(|p| p.project.status == s).count();
        assert_eq!(
            (count(ProjectStatus::Running), count(ProjectStatus::Closed), count(ProjectStatus::Terminated)),
            (4, 1, 1)
        );
        assert_eq!(list.iter().filter(|p| !p.project.override_reason.is_empty()).count(), 1);
        assert!(list.iter().all(|p| p.activities > 0 && p.paid > Money::ZERO && p.paid <= p.agreed));
        let gy = list[0].project.grant_year_id;
        let progress = books.grant_progress(gy).unwrap();
        assert!(progress.activities_by_month.len() >= 6);
        assert_eq!(books.unbalanced_vouchers().unwrap(), 0);
    }

    #[test]
    fn the_demo_opened_years_later_still_shows_flagged_and_priority_members() {
        use crate::domain::member::{MemberQuery, SignalFilter};
        let dir = tempfile::tempdir().unwrap();
        let later = Clock::Fixed(NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().and_hms_opt(9, 0, 0).unwrap());
        let books = create_file(
            &dir.path().join("demo.shelian"),
            DemoScale::STREET,
            OpenOptions { operator: "秘书".into(), clock: later, attachments_dir: None },
        )
        .unwrap();
        let count =
            |signal| books.members_list(&MemberQuery { signal: Some(signal), ..Default::default() }).unwrap().total;
        assert!(count(SignalFilter::Priority) > 0, "3A+ ratings of 2023 are valid in 2026");
        assert!(count(SignalFilter::Flagged) > 0, "failed or missed 2024 inspections flag");
    }
}
