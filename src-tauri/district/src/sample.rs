//! Sample federations whose packets the district receives, for the acceptance scenario, the e2e
//! fixtures (`examples/packet_fixtures.rs`) and anyone who wants to look at the district mode. Each
//! is real books written through the core's facade (members imported, a grant year approved,
//! budgeted, funded, a service project, expenses), and its packet is built and rendered by the
//! export crate exactly as the 申报材料 page does: nothing here writes a packet by hand.

use chrono::NaiveDate;
use shelian_core::books::packet::PacketDraft;
use shelian_core::demo::{self, DemoScale};
use shelian_core::domain::grant::{ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput};
use shelian_core::domain::ledger::{ExpenseInput, PaymentMethod};
use shelian_core::domain::member::MemberStatus;
use shelian_core::domain::project::{ProjectInput, SplitInput};
use shelian_core::store::members::List;
use shelian_core::{Books, Clock, CoreError, OpenOptions, Result, credit_code};
use shelian_export::PacketFiles;
use shelian_export::from_books::build;

/// One federation's story, as much as its packet shows.
#[derive(Debug, Clone)]
pub struct SampleFederation {
    /// Makes the name and the credit code; distinct numbers give distinct federations.
    pub number: u32,
    /// The first funded year; a second year follows when `second_year` is set.
    pub first_year: i32,
    pub second_year: bool,
    /// City money per year, in whole yuan (150,000–200,000, R-BAND).
    pub city_yuan: u32,
    /// The day the city money of the packet's year arrived, e.g. "2026-03-20".
    pub city_arrived: String,
    /// How much of the district's matching of the packet's year arrived, in percent (0, 50, 100).
    pub district_paid_percent: u32,
    /// When the packet is made.
    pub packet_on: String,
}

pub fn at(day: &str) -> Clock {
    let date = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap_or_default();
    Clock::Fixed(date.and_hms_opt(9, 30, 0).unwrap_or_default())
}

fn line(category: &str, city: u32, district: u32) -> BudgetLineInput {
    BudgetLineInput { category: category.into(), city_amount: city.to_string(), district_amount: district.to_string() }
}

/// The federation's name, e.g. 「样例3街道社区社会组织联合会」.
pub fn name(number: u32) -> String {
    format!("样例{number}街道社区社会组织联合会")
}

/// Books for `f` in memory, ready for the packet of its last year. Returns the books and that
/// year's id.
pub fn books(f: &SampleFederation) -> Result<(Books, i64)> {
    let mut b = Books::open_in_memory(OpenOptions {
        operator: "秘书".into(),
        clock: at(&format!("{}-01-02", f.first_year)),
        attachments_dir: None,
    })?;
    let mut input = demo::federation_input();
    input.name = name(f.number);
    input.credit_code = credit_code::with_check_char(&format!("51320102MJ5{:06}", f.number))
        .ok_or_else(|| CoreError::field("creditCode", "样例信用代码无效"))?;
    input.street = format!("样例{}街道", f.number);
    b.federation_save(&input)?;
    let roster = demo::roster_xlsx(DemoScale { members: 8 + f.number % 7 }, u64::from(f.number))?;
    b.members_import("roster.xlsx", &roster)?;

    let years: Vec<i32> = if f.second_year { vec![f.first_year, f.first_year + 1] } else { vec![f.first_year] };
    let last = *years.last().unwrap_or(&f.first_year);
    let mut id = 0;
    for year in years {
        let is_last = year == last;
        b.set_clock(at(&format!("{year}-01-08")));
        id = b
            .grant_year_create(&GrantYearInput { year, city_amount: f.city_yuan.to_string(), ..Default::default() })?
            .grant
            .id;
        let approved = format!("{year}-03-01");
        b.set_clock(at(&approved));
        b.grant_year_approve(
            id,
            &ApprovalInput { doc_no: format!("样民发〔{year}〕{}号", f.number), date: approved.clone() },
        )?;
        let c = f.city_yuan;
        // District matching is 1:1 (R-MATCH), so the district's lines mirror the city's.
        let (activity, labor, training) = (c * 6 / 10, c / 5, c / 10);
        let office = c - activity - labor - training;
        b.budget_set(
            id,
            &[
                line("activity", activity, activity),
                line("labor", labor, labor),
                line("training", training, training),
                line("office", office, office),
            ],
        )?;
        b.grant_year_start(id)?;
        let arrived = if is_last { f.city_arrived.clone() } else { format!("{year}-03-20") };
        b.set_clock(at(&arrived));
        b.receipt_add(id, &receipt(FundSource::City, &arrived, c))?;
        let paid = if is_last { c * f.district_paid_percent / 100 } else { c };
        if paid > 0 {
            let day = next_day(&arrived, 30);
            b.set_clock(at(&day));
            b.receipt_add(id, &receipt(FundSource::District, &day, paid))?;
        }
        project(&mut b, id, year, f.number)?;
        let spend_day = next_day(&arrived, 40);
        b.set_clock(at(&spend_day));
        b.expense_post(&expense(id, &spend_day, FundSource::City, 3000 + f.number * 100))?;
        if paid > 0 {
            b.expense_post(&expense(id, &spend_day, FundSource::District, 2000 + f.number * 50))?;
        }
        b.packet_draft_save(&PacketDraft {
            grant_year_id: id,
            plan: "一、实施社区服务项目。\n二、培育社区社会组织。\n三、规范资金管理。".into(),
            previous_summary: format!("{}年度实施服务项目，资金专款专用、单独核算。", year - 1),
            satisfaction_target: "90".into(),
            ..Default::default()
        })?;
    }
    b.set_clock(at(&f.packet_on));
    Ok((b, id))
}

/// The packet of `f`'s last year, built and rendered as the 申报材料 page exports it.
pub fn packet(f: &SampleFederation) -> Result<PacketFiles> {
    let (books, id) = books(f)?;
    packet_of(&books, id)
}

/// The packet of grant year `id` of `books`, refused like the export refuses a blocked checklist.
pub fn packet_of(books: &Books, id: i64) -> Result<PacketFiles> {
    let built = build(books, id)?;
    let blocking: Vec<String> = built
        .preflight
        .iter()
        .filter(|p| p.level == shelian_core::books::packet::PreflightLevel::Blocking)
        .map(|p| p.message.clone())
        .collect();
    let packet = built
        .packet
        .filter(|_| blocking.is_empty())
        .ok_or_else(|| CoreError::field("packet", format!("样例申报材料未通过检查：{}", blocking.join("；"))))?;
    shelian_export::render_all(&packet).map_err(|e| CoreError::field("packet", e.to_string()))
}

fn receipt(source: FundSource, date: &str, yuan: u32) -> ReceiptInput {
    ReceiptInput {
        source,
        date: date.into(),
        amount: yuan.to_string(),
        bank_ref: format!("NJB{}", date.replace('-', "")),
        note: String::new(),
    }
}

fn expense(grant_year_id: i64, date: &str, source: FundSource, yuan: u32) -> ExpenseInput {
    ExpenseInput {
        grant_year_id,
        date: date.into(),
        summary: "社区志愿者培训讲课费".into(),
        category: "labor".into(),
        source,
        amount: yuan.to_string(),
        payee: "南京某某培训服务中心".into(),
        payment_method: PaymentMethod::Bank,
        attachments: vec![],
        project_id: None,
    }
}

fn project(b: &mut Books, id: i64, year: i32, number: u32) -> Result<()> {
    let signed = NaiveDate::from_ymd_opt(year, 4, 1).unwrap_or_default();
    b.set_clock(at(&signed.to_string()));
    let communities: Vec<i64> = b.list_entries(List::Community)?.into_iter().map(|e| e.id).collect();
    let undertaker = b
        .members_active_in_year(year)?
        .into_iter()
        .find(|m| m.status == MemberStatus::Active && m.joined_on <= signed)
        .ok_or(CoreError::NotFound { what: "可承接项目的成员单位" })?;
    b.project_create(&ProjectInput {
        grant_year_id: id,
        name: format!("{}邻里互助服务项目", undertaker.name),
        member_id: undertaker.id,
        category: undertaker.category.clone(),
        community_ids: communities.into_iter().take(1).collect(),
        agreement_no: format!("样社联协〔{year}〕{number}号"),
        signed_on: signed.to_string(),
        starts_on: signed.to_string(),
        ends_on: format!("{year}-11-30"),
        splits: vec![SplitInput { category: "activity".into(), source: FundSource::City, amount: "20000".into() }],
        beneficiaries: "300".into(),
        sessions: "12".into(),
        volunteer_hours: "120".into(),
        custom_targets: vec![],
        override_reason: "经理事会研究同意".into(),
    })?;
    Ok(())
}

/// `day` plus `n` days, as text.
pub fn next_day(day: &str, n: u64) -> String {
    let d = NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap_or_default();
    (d + chrono::Days::new(n)).to_string()
}
