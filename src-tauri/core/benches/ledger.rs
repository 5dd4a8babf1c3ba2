//! Ledger benchmarks at 200,000 voucher lines (issue 5's target: posting one voucher and producing
//! 预算执行表 in ≤ 50 ms each, in the command layer). Run with `cargo bench -p shelian-core --bench
//! ledger` (release profile); prints median and p95.
//!
//! The fixture is one executing grant year whose books already hold 100,000 expense vouchers
//! (200,000 lines, plus their audit rows), written straight into the file in one transaction with
//! the same shape `expense_post` writes, because posting them one by one with fsync would take the
//! bench minutes to set up. What is measured goes through the facade, as the commands do, and
//! includes serializing the reply to JSON as IPC does.

mod common;

use std::time::Instant;

use common::measure;

use shelian_core::books::ledger::VoucherQuery;
use shelian_core::books::reports::LedgerFilter;
use shelian_core::domain::grant::{ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput};
use shelian_core::domain::ledger::{ExpenseInput, PaymentMethod};
use shelian_core::{Books, Clock, OpenOptions, demo};

fn options(day: &str) -> OpenOptions {
    let at = chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap().and_hms_opt(9, 0, 0).unwrap();
    OpenOptions { operator: "秘书".into(), clock: Clock::Fixed(at), attachments_dir: None }
}

const CATEGORIES: [(&str, &str, usize); 6] = [
    ("activity", "5101", 20),
    ("labor", "5101", 8),
    ("training", "5101", 4),
    ("publicity", "5101", 3),
    ("office", "5201", 3),
    ("audit", "5201", 2),
];

fn category_of(i: usize) -> (&'static str, &'static str) {
    let mut k = i % 40;
    for (code, account, weight) in CATEGORIES {
        if k < weight {
            return (code, account);
        }
        k -= weight;
    }
    unreachable!()
}

const VOUCHERS: usize = 100_000;

fn fixture(path: &std::path::Path) -> i64 {
    let mut books = Books::open(path, options("2020-01-02")).expect("open");
    books.federation_save(&demo::federation_input()).expect("profile");
    let id = books
        .grant_year_create(&GrantYearInput { year: 2020, city_amount: "200000".into(), ..Default::default() })
        .expect("year")
        .grant
        .id;
    books.set_clock(options("2020-01-03").clock);
    books
        .grant_year_approve(id, &ApprovalInput { doc_no: "示民发〔2020〕1号".into(), date: "2020-01-03".into() })
        .unwrap();
    let line =
        |c: &str, a: &str| BudgetLineInput { category: c.into(), city_amount: a.into(), district_amount: a.into() };
    books
        .budget_set(
            id,
            &[
                line("activity", "100000"),
                line("labor", "40000"),
                line("training", "20000"),
                line("publicity", "15000"),
                line("office", "15000"),
                line("audit", "10000"),
            ],
        )
        .unwrap();
    books.grant_year_start(id).unwrap();
    for source in FundSource::ALL {
        let r = ReceiptInput {
            source,
            date: "2020-01-03".into(),
            amount: "200000".into(),
            bank_ref: String::new(),
            note: String::new(),
        };
        books.receipt_add(id, &r).unwrap();
    }
    drop(books);

    let mut conn = rusqlite::Connection::open(path).expect("raw");
    let tx = conn.transaction().unwrap();
    {
        let mut voucher = tx
            .prepare(
                "INSERT INTO voucher (year, seq, voucher_date, kind, summary, grant_year_id, payee, payment_method, chart,
                                      operator, created_at)
                 VALUES (2020, ?1, ?2, 'expense', '社区活动物资', ?3, '南京某某商贸有限公司', 'bank', 'npo-2004', '秘书', ?2)",
            )
            .unwrap();
        let mut line = tx
            .prepare(
                "INSERT INTO voucher_line (voucher_id, line_no, account_code, debit_fen, credit_fen, grant_year_id, source,
                                           category_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .unwrap();
        let mut audit = tx
            .prepare(
                "INSERT INTO audit_log (at, operator, entity, entity_id, action, before, after)
                 VALUES (?1, '秘书', 'voucher', ?2, 'post', NULL, ?3)",
            )
            .unwrap();
        for i in 0..VOUCHERS {
            let date =
                chrono::NaiveDate::from_ymd_opt(2020, 1, 4).unwrap() + chrono::Days::new((i * 360 / VOUCHERS) as u64);
            let (category, account) = category_of(i);
            let source = if i % 2 == 0 { "city" } else { "district" };
            let fen = 100 + (i as i64 * 7919) % 300;
            voucher.execute(rusqlite::params![i as i64 + 3, date.to_string(), id]).unwrap();
            let vid = tx.last_insert_rowid();
            line.execute(rusqlite::params![vid, 1, account, fen, 0, id, source, category]).unwrap();
            line.execute(rusqlite::params![vid, 2, "1002", 0, fen, id, source, Option::<String>::None]).unwrap();
            audit
                .execute(rusqlite::params![date.to_string(), vid.to_string(), format!("{{\"amount\":{fen}}}")])
                .unwrap();
        }
    }
    tx.commit().unwrap();
    conn.execute_batch("ANALYZE").unwrap();
    id
}

/// A service project on the year's activity line, paid in 12 instalments through the facade.
fn project_with_payments(books: &mut Books, grant_year_id: i64) -> i64 {
    use shelian_core::domain::member::{LegalForm, MemberInput, PartyBuilding};
    use shelian_core::domain::project::{ProjectInput, SplitInput};
    use shelian_core::store::members::List;
    let community = books.list_add(List::Community, "示范社区").expect("community").id;
    let member = books
        .member_create(&MemberInput {
            name: "幸福志愿服务队".into(),
            legal_form: LegalForm::Filed,
            filing_no: "示备-001".into(),
            category_id: Some(1),
            leader: "王芳".into(),
            joined_on: "2019-05-01".into(),
            party_building: PartyBuilding::Joint,
            ..MemberInput::default()
        })
        .expect("member")
        .member
        .id;
    let p = books
        .project_create(&ProjectInput {
            grant_year_id,
            name: "银龄助餐暖心行动".into(),
            member_id: member,
            category: "公益服务类".into(),
            community_ids: vec![community],
            agreement_no: "示社联协〔2020〕1号".into(),
            signed_on: "2020-12-01".into(),
            starts_on: "2020-12-01".into(),
            ends_on: "2020-12-31".into(),
            splits: vec![SplitInput { category: "activity".into(), source: FundSource::City, amount: "1200".into() }],
            beneficiaries: "100".into(),
            sessions: "10".into(),
            volunteer_hours: "20".into(),
            ..ProjectInput::default()
        })
        .expect("project")
        .project
        .id;
    for i in 0..12 {
        books
            .expense_post(&ExpenseInput {
                grant_year_id,
                date: "2020-12-29".into(),
                summary: format!("拨付第{}期", i + 1),
                category: "activity".into(),
                source: FundSource::City,
                amount: "100".into(),
                payee: "幸福志愿服务队".into(),
                payment_method: PaymentMethod::Bank,
                attachments: vec![],
                project_id: Some(p),
            })
            .expect("payment");
    }
    p
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("ledger.shelian");
    let start = Instant::now();
    let id = fixture(&path);
    let lines: i64 = rusqlite::Connection::open(&path)
        .unwrap()
        .query_row("SELECT count(*) FROM voucher_line", [], |r| r.get(0))
        .unwrap();
    let mut books = Books::open(&path, options("2020-12-31")).expect("open");
    println!("fixture: {lines} voucher lines in one grant year, built in {:.1} s", start.elapsed().as_secs_f64());
    assert!(lines >= 200_000);
    let project = project_with_payments(&mut books, id);

    let mut n = 0;
    measure("expense_post at 200,000 lines (R-SPEND, tx, audit, fsync)", 50, || {
        n += 1;
        let v = books
            .expense_post(&ExpenseInput {
                grant_year_id: id,
                date: "2020-12-30".into(),
                summary: format!("第{n}笔 活动物资"),
                category: "activity".into(),
                source: FundSource::City,
                amount: "12.50".into(),
                payee: "南京某某商贸有限公司".into(),
                payment_method: PaymentMethod::Bank,
                attachments: vec![],
                project_id: None,
            })
            .expect("post");
        std::hint::black_box(serde_json::to_string(&v).unwrap());
    });
    measure("report_budget_execution at 200,000 lines (+ JSON)", 50, || {
        let r = books.report_budget_execution(id).expect("report");
        std::hint::black_box(serde_json::to_string(&r).unwrap());
    });
    measure("spend_options at 200,000 lines (+ JSON)", 50, || {
        let r = books.spend_options(id).expect("options");
        std::hint::black_box(serde_json::to_string(&r).unwrap());
    });
    measure("vouchers_list page 1 of 100,000 (+ JSON)", 50, || {
        let r = books.vouchers(&VoucherQuery { grant_year_id: id, month: None, page: 1, page_size: 20 }).expect("list");
        std::hint::black_box(serde_json::to_string(&r).unwrap());
    });
    measure("vouchers_list one month, last page (+ JSON)", 20, || {
        let q = VoucherQuery { grant_year_id: id, month: Some("2020-06".into()), page: 400, page_size: 20 };
        let r = books.vouchers(&q).expect("list");
        std::hint::black_box(serde_json::to_string(&r).unwrap());
    });
    // Issue 14: every project write returns this view; it reads the project's own vouchers, not
    // the year's 100,000.
    measure("project_get with 12 payments at 200,000 lines (+ JSON)", 50, || {
        let r = books.project_get(project).expect("project");
        std::hint::black_box(serde_json::to_string(&r).unwrap());
    });
    // What project_get did before issue 14, for comparison: every voucher of the year, filtered.
    measure("(before) the year's vouchers filtered to one project, 100,000 vouchers", 3, || {
        let all = books.vouchers_of(id).expect("vouchers");
        std::hint::black_box(all.into_iter().filter(|v| v.project_id == Some(project)).count());
    });
    measure("agreement_options at 200,000 lines (+ JSON)", 50, || {
        let r = books.agreement_options(id, Some(project)).expect("options");
        std::hint::black_box(serde_json::to_string(&r).unwrap());
    });
    measure("report_activities at 200,000 lines (+ JSON)", 20, || {
        let r = books.report_activities(id).expect("report");
        std::hint::black_box(serde_json::to_string(&r).unwrap());
    });
    measure("report_ledger, city, 50,000 rows (+ JSON)", 5, || {
        let f = LedgerFilter { grant_year_id: id, source: Some(FundSource::City), category: None };
        let r = books.report_ledger(&f).expect("report");
        std::hint::black_box(serde_json::to_string(&r).unwrap());
    });
    measure("reports_xlsx, six sheets (200,000 ledger rows)", 3, || {
        std::hint::black_box(books.reports_xlsx(id).expect("xlsx"));
    });
}
