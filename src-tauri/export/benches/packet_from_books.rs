//! The whole export as the command runs it, on books the size of a busy street (issue 7's target:
//! ≤ 3 s for 500 members, 50 service projects and 20,000 vouchers): build the packet from one
//! snapshot of the books with its preflight, then render the PDF, DOCX, XLSX and the verified ZIP.
//! Run with `cargo bench -p shelian-export --bench packet_from_books`.
//!
//! The fixture: a year-2 packet (2020), so the year-1 spending report is built from 2019's 20,000
//! vouchers (40,000 lines), written straight into the file in one transaction with the shape
//! `expense_post` writes — posting them one by one with fsync would take the bench minutes to set
//! up. Members are imported, projects created, through the facade.

use std::time::{Duration, Instant};

use shelian_core::books::packet::PacketDraft;
use shelian_core::demo::{self, DemoScale};
use shelian_core::domain::grant::{ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput};
use shelian_core::domain::member::MemberStatus;
use shelian_core::domain::project::{ProjectInput, SplitInput};
use shelian_core::store::members::List;
use shelian_core::{Books, Clock, OpenOptions};

const MEMBERS: u32 = 500;
const PROJECTS: usize = 50;
const VOUCHERS: usize = 20_000;

fn on(books: &mut Books, day: &str) {
    let at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_hms_opt(9, 0, 0).unwrap();
    books.set_clock(Clock::Fixed(at));
}

fn line(c: &str, a: &str) -> BudgetLineInput {
    BudgetLineInput { category: c.into(), city_amount: a.into(), district_amount: a.into() }
}

fn fixture(path: &std::path::Path) -> i64 {
    let mut books = Books::open(path, OpenOptions::default()).unwrap();
    on(&mut books, "2019-01-02");
    books.federation_save(&demo::federation_input()).unwrap();
    let roster = demo::roster_xlsx(DemoScale { members: MEMBERS }, 11).unwrap();
    assert!(books.members_import("roster.xlsx", &roster).unwrap().applied);
    let budget =
        [line("activity", "120000"), line("labor", "40000"), line("training", "20000"), line("office", "20000")];
    let mut ids = Vec::new();
    for (year, approve) in [(2019, "2019-03-01"), (2020, "2020-03-05")] {
        on(&mut books, &format!("{year}-01-08"));
        let id = books
            .grant_year_create(&GrantYearInput { year, city_amount: "200000".into(), ..Default::default() })
            .unwrap()
            .grant
            .id;
        on(&mut books, approve);
        books
            .grant_year_approve(id, &ApprovalInput { doc_no: format!("示民发〔{year}〕8号"), date: approve.into() })
            .unwrap();
        books.budget_set(id, &budget).unwrap();
        books.grant_year_start(id).unwrap();
        for source in FundSource::ALL {
            let r = ReceiptInput {
                source,
                date: approve.into(),
                amount: "200000".into(),
                bank_ref: String::new(),
                note: String::new(),
            };
            books.receipt_add(id, &r).unwrap();
        }
        ids.push(id);
    }
    // 50 agreements in 2020 with active members.
    on(&mut books, "2020-04-01");
    let communities: Vec<i64> = books.list_entries(List::Community).unwrap().into_iter().map(|e| e.id).collect();
    let signed = chrono::NaiveDate::from_ymd_opt(2020, 4, 1).unwrap();
    let undertakers: Vec<_> = books
        .members_active_in_year(2020)
        .unwrap()
        .into_iter()
        .filter(|m| m.status == MemberStatus::Active && m.joined_on <= signed)
        .take(PROJECTS)
        .collect();
    assert_eq!(undertakers.len(), PROJECTS);
    for (i, m) in undertakers.iter().enumerate() {
        books
            .project_create(&ProjectInput {
                grant_year_id: ids[1],
                name: format!("{}社区服务项目", m.name),
                member_id: m.id,
                category: m.category.clone(),
                community_ids: vec![communities[i % communities.len()]],
                agreement_no: format!("示社联协〔2020〕{}号", i + 1),
                signed_on: "2020-04-01".into(),
                starts_on: "2020-04-01".into(),
                ends_on: "2020-11-30".into(),
                splits: vec![SplitInput {
                    category: "activity".into(),
                    source: FundSource::City,
                    amount: "2000".into(),
                }],
                beneficiaries: "300".into(),
                sessions: "12".into(),
                volunteer_hours: "120".into(),
                custom_targets: vec![],
                override_reason: "经理事会研究同意".into(),
            })
            .unwrap();
    }
    books
        .packet_draft_save(&PacketDraft {
            grant_year_id: ids[1],
            plan: "一、继续实施社区服务项目。\n二、培育社区社会组织。\n三、规范资金管理。".into(),
            previous_summary: "2019年度实施服务项目，资金专款专用、单独核算。".into(),
            satisfaction_target: "90".into(),
            ..Default::default()
        })
        .unwrap();
    drop(books);

    // 20,000 expense vouchers of 2019, as expense_post writes them.
    let mut conn = rusqlite::Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    {
        let mut voucher = tx
            .prepare(
                "INSERT INTO voucher (year, seq, voucher_date, kind, summary, grant_year_id, payee, payment_method, chart,
                                      operator, created_at)
                 VALUES (2019, ?1, ?2, 'expense', '社区活动物资', ?3, '南京某某商贸有限公司', 'bank', 'npo-2004', '秘书', ?2)",
            )
            .unwrap();
        let mut line = tx
            .prepare(
                "INSERT INTO voucher_line (voucher_id, line_no, account_code, debit_fen, credit_fen, grant_year_id, source,
                                           category_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .unwrap();
        let cats = [("activity", "5101"), ("labor", "5101"), ("training", "5101"), ("office", "5201")];
        for i in 0..VOUCHERS {
            let date =
                chrono::NaiveDate::from_ymd_opt(2019, 3, 2).unwrap() + chrono::Days::new((i * 300 / VOUCHERS) as u64);
            let (category, account) = cats[i % 4];
            let source = if i % 2 == 0 { "city" } else { "district" };
            let fen = 100 + (i as i64 * 7919) % 500;
            voucher.execute(rusqlite::params![i as i64 + 3, date.to_string(), ids[0]]).unwrap();
            let vid = tx.last_insert_rowid();
            line.execute(rusqlite::params![vid, 1, account, fen, 0, ids[0], source, category]).unwrap();
            line.execute(rusqlite::params![vid, 2, "1002", 0, fen, ids[0], source, Option::<String>::None]).unwrap();
        }
    }
    tx.commit().unwrap();
    ids[1]
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("busy.shelian");
    let start = Instant::now();
    let gy = fixture(&path);
    let mut books = Books::open(&path, OpenOptions::default()).unwrap();
    on(&mut books, "2020-12-01");
    println!(
        "fixture: {MEMBERS} members, {PROJECTS} projects, {VOUCHERS} vouchers of the previous year, built in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    let runs = 5;
    let (mut builds, mut renders, mut totals): (Vec<Duration>, Vec<Duration>, Vec<Duration>) = Default::default();
    let mut pages = 0;
    for _ in 0..runs {
        let t0 = Instant::now();
        let built = shelian_export::from_books::build(&books, gy).unwrap();
        assert_eq!(built.blocking(), 0, "{:?}", built.preflight);
        let packet = built.packet.unwrap();
        let t1 = Instant::now();
        let files = shelian_export::render_all(&packet).unwrap();
        let t2 = Instant::now();
        pages = files.pdf_pages;
        builds.push(t1 - t0);
        renders.push(t2 - t1);
        totals.push(t2 - t0);
    }
    for (name, mut v) in [
        ("build from the books + preflight", builds),
        ("render PDF, DOCX, XLSX, ZIP + verify", renders),
        ("whole export", totals),
    ] {
        v.sort();
        println!(
            "{name:<44} median {:>8.0} ms   max {:>8.0} ms   ({runs} runs)",
            v[runs / 2].as_secs_f64() * 1e3,
            v[runs - 1].as_secs_f64() * 1e3
        );
    }
    println!("PDF pages: {pages}");
}
