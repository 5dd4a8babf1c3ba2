//! The change of chart of accounts (DOMAIN.md §3): from 2026-01-01 the books follow the revised
//! 民间非营利组织会计制度 (财会〔2024〕25号). A 2025 grant year on the 2004 chart and a 2026 one on the
//! revised chart, under a new policy version, live side by side in one file: receipts, expenses on
//! 业务活动成本 and 管理费用, a red-ink reversal each, every report naming its chart, and the totals
//! (computed by hand in the comments) tied out against the ledger's balances.

mod common;

use common::{Story, assert_refused};
use shelian_core::books::ledger::Voucher;
use shelian_core::books::reports::LedgerFilter;
use shelian_core::demo;
use shelian_core::domain::grant::{ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput};
use shelian_core::domain::ledger::{ExpenseInput, PaymentMethod, ReversalInput};
use shelian_core::{Books, Money};

const OLD: &str = "民间非营利组织会计制度（2004）";
const NEW: &str = "民间非营利组织会计制度（2024年修订）";

fn m(s: &str) -> Money {
    Money::parse(s).unwrap()
}

fn line(cat: &str, city: &str, district: &str) -> BudgetLineInput {
    BudgetLineInput { category: cat.into(), city_amount: city.into(), district_amount: district.into() }
}

fn receipt(source: FundSource, date: &str, amount: &str) -> ReceiptInput {
    ReceiptInput {
        source, date: date.into(), amount: amount.into(), bank_ref: format!("回单 {date}"), note: "".into()
    }
}

fn expense(
    id: i64,
    date: &str,
    category: &str,
    source: FundSource,
    amount: &str,
    method: PaymentMethod,
) -> ExpenseInput {
    ExpenseInput {
        grant_year_id: id,
        date: date.into(),
        summary: format!("{category} 支出"),
        category: category.into(),
        source,
        amount: amount.into(),
        payee: "南京某某服务中心".into(),
        payment_method: method,
        attachments: vec![],
        project_id: None,
    }
}

/// The debit line of an expense voucher: the expense account, as (code, name).
fn expense_account(v: &Voucher) -> (&str, &str) {
    (v.lines[0].account_code.as_str(), v.lines[0].account_name.as_str())
}

fn row<'a>(
    rows: &'a [shelian_core::books::reports::ActivityRow],
    label: &str,
) -> &'a shelian_core::books::reports::ActivityRow {
    rows.iter().find(|r| r.label == label).unwrap_or_else(|| panic!("no row {label}"))
}

fn start_year(story: &mut Story, year: i32, city: &str, approved: &str, budget: &[BudgetLineInput]) -> i64 {
    let books = story.on(&format!("{year}-01-08"));
    let id = books
        .grant_year_create(&GrantYearInput { year, city_amount: city.into(), ..Default::default() })
        .unwrap()
        .grant
        .id;
    let books = story.on(approved);
    books
        .grant_year_approve(id, &ApprovalInput { doc_no: format!("宁民发〔{year}〕9号"), date: approved.into() })
        .unwrap();
    books.budget_set(id, budget).unwrap();
    books.grant_year_start(id).unwrap();
    id
}

fn post(story: &mut Story, e: ExpenseInput) -> Voucher {
    let date = e.date.clone();
    story.on(&date).expense_post(&e).unwrap()
}

fn reverse(story: &mut Story, v: &Voucher, date: &str) -> Voucher {
    story
        .on(date)
        .voucher_reverse(&ReversalInput { voucher_id: v.id, date: date.into(), reason: "发票与支出不符".into() })
        .unwrap()
}

fn check_reports(books: &Books, id: i64, chart: &str, revenue: Money, expenses: Money, admin: Money) {
    let tie = books.tie_out(id).unwrap();
    assert_eq!((tie.revenue, tie.expenses, tie.money), (revenue, expenses, revenue - expenses));
    let exec = books.report_budget_execution(id).unwrap();
    assert_eq!(exec.chart_name, chart);
    assert_eq!(exec.totals.total.spent, expenses);
    let ledger = books.report_ledger(&LedgerFilter { grant_year_id: id, source: None, category: None }).unwrap();
    assert_eq!(ledger.chart_name, chart);
    assert_eq!((ledger.total_income, ledger.total_expense), (revenue, expenses));
    let funds = books.report_funds(id).unwrap();
    assert_eq!(funds.chart_name, chart);
    assert_eq!(funds.total.received, revenue);
    let acts = books.report_activities(id).unwrap();
    assert_eq!(acts.chart_name, chart);
    assert_eq!(row(&acts.rows, "政府补助收入").restricted, revenue);
    assert_eq!(row(&acts.rows, "（一）业务活动成本").unrestricted, expenses - admin);
    assert_eq!(row(&acts.rows, "（二）管理费用").unrestricted, admin);
    let released = row(&acts.rows, "三、限定性净资产转为非限定性净资产");
    assert_eq!((released.unrestricted, released.restricted), (expenses, -expenses));
    assert_eq!(row(&acts.rows, "四、净资产变动额（若为净资产减少额，以“-”号填列）").total, revenue - expenses);
    assert_eq!(books.chart_of_year(id).unwrap().name, chart);
}

#[test]
fn a_2025_and_a_2026_year_keep_their_books_each_in_its_own_chart() {
    let mut story = Story::new("2025-01-02", Some("2018-10-15"));
    use FundSource::{City, District};
    use PaymentMethod::{Bank, Cash, Other};

    // 2025, under the 2018 policy and the 2004 chart.
    let y25 = start_year(
        &mut story,
        2025,
        "180000",
        "2025-03-01",
        &[line("activity", "150000", "150000"), line("office", "30000", "30000")],
    );
    story.on("2025-03-20").receipt_add(y25, &receipt(City, "2025-03-20", "180000")).unwrap();
    post(&mut story, expense(y25, "2025-04-10", "activity", City, "12345.60", Bank));
    let office_25 = post(&mut story, expense(y25, "2025-04-15", "office", City, "800", Cash));
    // 管理费用 is 5201 in the 2004 chart.
    assert_eq!(expense_account(&office_25), ("5201", "管理费用"));
    let wrong_25 = post(&mut story, expense(y25, "2025-05-10", "office", City, "5000", Bank));
    reverse(&mut story, &wrong_25, "2025-05-12");
    story.on("2025-06-30").receipt_add(y25, &receipt(District, "2025-06-30", "90000")).unwrap();

    // A year whose period would cross 2026-01-01 cannot be kept in one chart: refused, nothing written.
    let before = story.fingerprint();
    let err = story
        .on("2025-12-20")
        .grant_year_create(&GrantYearInput {
            year: 2026,
            city_amount: "180000".into(),
            period_start: "2025-07-01".into(),
            period_end: "2026-06-30".into(),
        })
        .unwrap_err();
    assert_refused(err, "R-CHART", "periodEnd", "2026-01-01");
    assert_eq!(story.fingerprint(), before);

    // A new policy version for 2026: a wider band, so 220,000 is only possible under it.
    story.on("2025-12-20").policy_save(&demo::policy_2026()).unwrap();

    // 2026, under the new policy and the revised chart.
    let y26 = start_year(
        &mut story,
        2026,
        "220000",
        "2026-03-05",
        &[line("activity", "190000", "190000"), line("office", "30000", "30000")],
    );
    let detail = story.books.grant_year(y26).unwrap();
    assert_eq!(detail.policy.name, "南京市 2026 社联会资助（示例）");
    assert_eq!(detail.grant.sequence, 2);
    // The rest of 2025's matching arrives in January 2026: it belongs to 2025's books and stays on
    // 2025's chart, so one year's books never mix two charts.
    let late = story.on("2026-01-10").receipt_add(y25, &receipt(District, "2026-01-10", "90000")).unwrap();
    assert_eq!(late.funds.iter().find(|f| f.source == District).unwrap().received, m("180000"));
    story.on("2026-03-25").receipt_add(y26, &receipt(City, "2026-03-25", "220000")).unwrap();
    story.on("2026-04-20").receipt_add(y26, &receipt(District, "2026-04-20", "220000")).unwrap();
    let program_26 = post(&mut story, expense(y26, "2026-04-10", "activity", City, "20000", Bank));
    assert_eq!(expense_account(&program_26), ("5101", "业务活动成本"));
    let office_26 = post(&mut story, expense(y26, "2026-04-12", "office", District, "1234.50", Cash));
    // 管理费用 is 5301 in the revised chart; its 5201 is 税金及附加 and takes nothing of ours.
    assert_eq!(expense_account(&office_26), ("5301", "管理费用"));
    let wrong_26 = post(&mut story, expense(y26, "2026-04-15", "office", City, "3000", Other));
    let red = reverse(&mut story, &wrong_26, "2026-04-16");
    assert_eq!(red.amount, -m("3000"));
    assert_eq!(expense_account(&red), ("5301", "管理费用"));

    let books = &story.books;
    let v25 = books.vouchers_of(y25).unwrap();
    let v26 = books.vouchers_of(y26).unwrap();
    // 2025: receipts 180,000 + 90,000 + 90,000; 12,345.60 + 800 + 5,000 − 5,000 spent.
    assert_eq!(v25.len(), 7);
    // The late receipt is numbered in 2026 and posts 1002 / 4401 of the 2004 chart.
    let late_v = v25.iter().find(|v| v.date.to_string() == "2026-01-10").unwrap();
    assert!(late_v.number.starts_with("记-2026-"), "{}", late_v.number);
    assert_eq!(
        late_v.lines.iter().map(|l| (l.account_code.as_str(), l.account_name.as_str())).collect::<Vec<_>>(),
        [("1002", "银行存款"), ("4401", "政府补助收入")]
    );
    // No line of 2026 is on 5201, and no line of 2025 on 5301: codes are never carried across.
    assert!(v26.iter().flat_map(|v| &v.lines).all(|l| l.account_code != "5201"));
    assert!(v25.iter().flat_map(|v| &v.lines).all(|l| l.account_code != "5301"));
    // 2025: revenue 360,000; spent 12,345.60 + 800 = 13,145.60, of which 管理费用 800.
    check_reports(books, y25, OLD, m("360000"), m("13145.60"), m("800"));
    // 2026: revenue 440,000; spent 20,000 + 1,234.50 = 21,234.50, of which 管理费用 1,234.50.
    check_reports(books, y26, NEW, m("440000"), m("21234.50"), m("1234.50"));
    assert_eq!(books.unbalanced_vouchers().unwrap(), 0);
    // The window's 科目表 today is the revised one; both versions are listed.
    assert_eq!(books.chart().unwrap().name, NEW);
    assert_eq!(books.charts().unwrap().iter().map(|c| c.code.as_str()).collect::<Vec<_>>(), ["npo-2004", "npo-2024"]);
    let xlsx = books.reports_xlsx(y26).unwrap();
    assert!(xlsx.starts_with(b"PK"));
}

#[test]
fn a_line_on_an_account_its_voucher_chart_lacks_is_refused_by_the_file_itself() {
    let mut story = Story::new("2026-01-02", Some("2018-10-15"));
    let id = start_year(
        &mut story,
        2026,
        "180000",
        "2026-03-01",
        &[line("activity", "150000", "150000"), line("office", "30000", "30000")],
    );
    let v = story.on("2026-03-20").receipt_add(id, &receipt(FundSource::City, "2026-03-20", "180000")).unwrap();
    let voucher = story.books.vouchers_of(v.grant.id).unwrap().remove(0);
    let before = story.fingerprint();
    let conn = rusqlite::Connection::open(&story.path).unwrap();
    // 4501 商品销售收入 is a 2004 account the revised list (as shipped) does not have.
    let err = conn
        .execute(
            "INSERT INTO voucher_line (voucher_id, line_no, account_code, debit_fen, credit_fen, grant_year_id, source)
             VALUES (?1, 9, '4501', 0, 100, ?2, 'city')",
            rusqlite::params![voucher.id, id],
        )
        .unwrap_err();
    assert!(err.to_string().contains("R-CHART"), "{err}");
    drop(conn);
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn the_transition_test_book_ties_out_in_both_charts() {
    let mut books = Books::open_in_memory(Default::default()).unwrap();
    let (y25, y26) = demo::chart_transition(&mut books, 2025).unwrap();
    assert_eq!(books.chart_of_year(y25).unwrap().code, "npo-2004");
    assert_eq!(books.chart_of_year(y26).unwrap().code, "npo-2024");
    for id in [y25, y26] {
        let tie = books.tie_out(id).unwrap();
        let exec = books.report_budget_execution(id).unwrap();
        assert_eq!(exec.totals.total.spent, tie.expenses);
        let acts = books.report_activities(id).unwrap();
        assert_eq!(row(&acts.rows, "收入合计").total, tie.revenue);
        assert_eq!(row(&acts.rows, "费用合计").total, tie.expenses);
        assert_eq!(tie.money, tie.revenue - tie.expenses);
        // Every voucher of a year is on the year's chart.
        let chart = books.chart_of_year(id).unwrap();
        for v in books.vouchers_of(id).unwrap() {
            for l in &v.lines {
                let a = chart.accounts.iter().find(|a| a.code == l.account_code).expect("account of the chart");
                assert_eq!(a.name, l.account_name);
            }
        }
    }
    assert_eq!(books.unbalanced_vouchers().unwrap(), 0);
}

#[test]
fn the_revised_chart_maps_roles_by_meaning_and_never_by_number() {
    let books = Books::open_in_memory(Default::default()).unwrap();
    let charts = books.charts().unwrap();
    let (old, new) = (&charts[0], &charts[1]);
    assert_eq!((old.code.as_str(), new.code.as_str()), ("npo-2004", "npo-2024"));
    assert_eq!(new.effective_from.to_string(), "2026-01-01");
    let name = |c: &shelian_core::store::ledger::Chart, code: &str| {
        c.accounts.iter().find(|a| a.code == code).map(|a| a.name.clone()).unwrap_or_default()
    };
    // The trap: the same number, another account.
    assert_eq!(name(old, "5201"), "管理费用");
    assert_eq!(name(new, "5201"), "税金及附加");
    assert_eq!(name(new, "5301"), "管理费用");
    assert_eq!(name(old, "5301"), "筹资费用");
    // Each role names the same account (by its name) in both charts, whatever its code.
    assert_eq!(old.roles.len(), new.roles.len());
    for (role, old_code) in &old.roles {
        let (_, new_code) = new.roles.iter().find(|(r, _)| r == role).unwrap();
        assert_eq!(name(old, old_code), name(new, new_code), "role {role}");
    }
    // A code that means different accounts in the two charts is never the same role's code in both.
    for a in &new.accounts {
        let before = name(old, &a.code);
        if !before.is_empty() && before != a.name {
            let role_old = old.roles.iter().find(|(_, c)| *c == a.code).map(|(r, _)| r);
            let role_new = new.roles.iter().find(|(_, c)| *c == a.code).map(|(r, _)| r);
            assert!(role_old.is_none() || role_old != role_new, "{} maps one role by number", a.code);
        }
    }
    // Exactly the 33 accounts both published charts agree on, each citing where it comes from,
    // and the version says the official appendix was not available to check against.
    assert_eq!(new.accounts.len(), 33);
    assert!(new.accounts.iter().all(|a| a.source.contains("二手资料") && a.source.contains("未与制度附录原文核对")));
    assert!(new.note.contains("未能取得制度附录"), "{}", new.note);
    assert!(old.accounts.iter().all(|a| a.source.contains("财会〔2004〕7号")));
}
