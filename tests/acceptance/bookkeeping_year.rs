//! A year of bookkeeping (DOMAIN.md §4, steps 4–6): both receipts, 50 expenses across budget lines
//! and sources, one reversal, month-ends, one refused overspend, and every report checked against
//! totals computed by hand (in the comments) and against the ledger's own balances.

mod common;

use chrono::Days;
use common::{Story, assert_refused, d};
use shelian_core::Money;
use shelian_core::books::reports::LedgerFilter;
use shelian_core::domain::grant::{ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput};
use shelian_core::domain::ledger::{ExpenseInput, PaymentMethod, ReversalInput};
use shelian_core::store::ledger::VoucherKind;

const CATS: [&str; 6] = ["activity", "labor", "training", "publicity", "office", "audit"];

fn m(s: &str) -> Money {
    Money::parse(s).unwrap()
}

fn line(cat: &str, city: &str, district: &str) -> BudgetLineInput {
    BudgetLineInput { category: cat.into(), city_amount: city.into(), district_amount: district.into() }
}

/// Expense `i`: every fifth day from 2019-04-01; city money for the first ten and for even `i`,
/// district money otherwise; the budget lines in turn; 1,000 + 37·i yuan, plus 0.50 when `i` is odd.
fn nth(id: i64, i: u64) -> ExpenseInput {
    let date = d("2019-04-01").checked_add_days(Days::new(5 * i)).unwrap();
    let source = if i < 10 || i.is_multiple_of(2) { FundSource::City } else { FundSource::District };
    let fen = (1000 + 37 * i as i64) * 100 + if i % 2 == 1 { 50 } else { 0 };
    ExpenseInput {
        grant_year_id: id,
        date: date.to_string(),
        summary: format!("第{}笔 社区服务支出", i + 1),
        category: CATS[i as usize % 6].into(),
        source,
        amount: Money::from_fen(fen).to_string(),
        payee: "玄武区某某服务中心".into(),
        payment_method: if i.is_multiple_of(5) { PaymentMethod::Cash } else { PaymentMethod::Bank },
        attachments: vec![],
        project_id: None,
    }
}

#[test]
fn a_year_of_bookkeeping_ties_out_to_the_fen() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let books = story.on("2019-01-05");
    let id = books
        .grant_year_create(&GrantYearInput { year: 2019, city_amount: "180000".into(), ..Default::default() })
        .unwrap()
        .grant
        .id;
    let books = story.on("2019-03-01");
    books
        .grant_year_approve(id, &ApprovalInput { doc_no: "宁民发〔2019〕12号".into(), date: "2019-03-01".into() })
        .unwrap();
    books
        .budget_set(
            id,
            &[
                line("activity", "80000", "65000"),
                line("labor", "40000", "40000"),
                line("training", "20000", "20000"),
                line("publicity", "15000", "15000"),
                line("office", "20000", "20000"),
                line("audit", "5000", "20000"),
            ],
        )
        .unwrap();
    books.grant_year_start(id).unwrap();
    let city = ReceiptInput {
        source: FundSource::City,
        date: "2019-03-20".into(),
        amount: "180000".into(),
        bank_ref: "市财政回单 0320".into(),
        note: String::new(),
    };
    story.on("2019-03-20").receipt_add(id, &city).unwrap();

    let mut closed = false;
    let mut district_in = false;
    let mut reversed = false;
    let mut seventh = None;
    for i in 0..50u64 {
        let e = nth(id, i);
        let date = d(&e.date);
        if !closed && date >= d("2019-05-02") {
            // Month-end for March and April, then an April invoice that came late is refused.
            story.on("2019-05-02").month_close("2019-03").unwrap();
            story.on("2019-05-02").month_close("2019-04").unwrap();
            let before = story.fingerprint();
            let late = ExpenseInput { date: "2019-04-29".into(), ..nth(id, 0) };
            let err = story.on("2019-05-02").expense_post(&late).unwrap_err();
            assert_refused(err, "R-PERIOD", "date", "2019年4月已结账");
            assert_eq!(story.fingerprint(), before);
            closed = true;
        }
        if !district_in && date >= d("2019-05-15") {
            let district = ReceiptInput { source: FundSource::District, date: "2019-05-15".into(), ..city.clone() };
            story.on("2019-05-15").receipt_add(id, &district).unwrap();
            district_in = true;
        }
        if !reversed && date >= d("2019-05-20") {
            // Expense 8 (labor, 1,259.50) was typed against the wrong invoice: reverse it.
            let r = story
                .on("2019-05-20")
                .voucher_reverse(&ReversalInput {
                    voucher_id: seventh.unwrap(),
                    date: "2019-05-20".into(),
                    reason: "发票与支出不符".into(),
                })
                .unwrap();
            assert_eq!(r.amount, -m("1259.50"));
            reversed = true;
        }
        let v = story.on(&e.date).expense_post(&e).unwrap();
        if i == 7 {
            seventh = Some(v.id);
        }
    }
    story.on("2019-06-03").month_close("2019-05").unwrap();

    // One refused overspend: training (city) has 20,000 − 14,808 = 5,192 left.
    let before = story.fingerprint();
    let over = ExpenseInput { amount: "6000".into(), date: "2019-12-05".into(), ..nth(id, 2) };
    let err = story.on("2019-12-05").expense_post(&over).unwrap_err();
    assert_refused(err, "R-SPEND", "amount", "尚余 5,192.00 元；本笔 6,000.00 元超出预算 808.00 元");
    assert_eq!(story.fingerprint(), before);

    let books = &story.books;
    // 2 receipts + 50 expenses + 1 reversal, numbered 记-2019-0001 … 0053 without a gap.
    let all = books.vouchers_of(id).unwrap();
    assert_eq!(all.len(), 53);
    let mut numbers: Vec<String> = all.iter().map(|v| v.number.clone()).collect();
    numbers.sort();
    assert_eq!(numbers, (1..=53).map(|n| format!("记-2019-{n:04}")).collect::<Vec<_>>());
    assert_eq!(all.iter().filter(|v| v.kind == VoucherKind::Reversal).count(), 1);

    // Hand-computed (expense 8 reversed): city spent 51,868.00; district 42,210.00; 94,078.00 in all.
    let tie = books.tie_out(id).unwrap();
    assert_eq!(tie.revenue, m("360000"));
    assert_eq!(tie.expenses, m("94078"));
    assert_eq!(tie.money, m("265922"));

    // 预算执行表
    let exec = books.report_budget_execution(id).unwrap();
    assert_eq!(exec.totals.city.spent, m("51868"));
    assert_eq!(exec.totals.district.spent, m("42210"));
    assert_eq!(exec.totals.total.budget, m("360000"));
    assert_eq!(exec.totals.total.spent, tie.expenses);
    assert_eq!(exec.totals.total.remaining, m("265922"));
    assert_eq!(exec.totals.total.percent, "26.13%");
    let training = exec.rows.iter().find(|r| r.category == "training").unwrap();
    assert_eq!((training.city.spent, training.city.percent.as_str()), (m("14808"), "74.04%"));
    let labor = exec.rows.iter().find(|r| r.category == "labor").unwrap();
    assert_eq!((labor.city.spent, labor.district.spent), (m("1037.50"), m("15032.50")));
    let audit = exec.rows.iter().find(|r| r.category == "audit").unwrap();
    assert_eq!((audit.city.spent, audit.district.spent), (m("1185.50"), m("14514.50")));
    let sum_rows: Money = exec.rows.iter().map(|r| r.total.spent).sum();
    assert_eq!(sum_rows, exec.totals.total.spent);

    // 收支明细账 by source: city = receipt + 30 expenses + the reversal; district = receipt + 20.
    let city_ledger = books
        .report_ledger(&LedgerFilter { grant_year_id: id, source: Some(FundSource::City), category: None })
        .unwrap();
    assert_eq!(city_ledger.rows.len(), 32);
    assert_eq!((city_ledger.total_income, city_ledger.total_expense), (m("180000"), m("51868")));
    assert_eq!(city_ledger.closing, m("128132"));
    assert!(city_ledger.rows.iter().any(|r| r.reversal && r.expense == -m("1259.50")));
    let district_ledger = books
        .report_ledger(&LedgerFilter { grant_year_id: id, source: Some(FundSource::District), category: None })
        .unwrap();
    assert_eq!(district_ledger.rows.len(), 21);
    assert_eq!(district_ledger.closing, m("137790"));
    let whole = books.report_ledger(&LedgerFilter { grant_year_id: id, source: None, category: None }).unwrap();
    assert_eq!(whole.closing, tie.money);
    assert_eq!(whole.total_expense, tie.expenses);
    // … and by budget line: labor from its 80,000 budget, 9 expenses and the reversal.
    let labor_ledger =
        books.report_ledger(&LedgerFilter { grant_year_id: id, source: None, category: Some("labor".into()) }).unwrap();
    assert_eq!(labor_ledger.rows.len(), 10);
    assert_eq!(labor_ledger.opening, m("80000"));
    assert_eq!(labor_ledger.closing, m("63930"));
    assert_eq!(labor_ledger.balance_label, "预算余额");

    // 资金到账及配套情况表
    let funds = books.report_funds(id).unwrap();
    assert_eq!(funds.total.received, tie.revenue);
    assert_eq!(funds.total.percent, "100.00%");
    assert_eq!(funds.matching_status, "区级配套已全部到位");
    assert_eq!(
        funds.receipts.iter().map(|r| r.voucher_number.as_str()).collect::<Vec<_>>(),
        ["记-2019-0001", "记-2019-0011"]
    );

    // 业务活动表: program costs 62,978.00 (activity, labor, training, publicity), admin 31,100.00
    // (office, audit); the restriction released equals what was spent.
    let acts = books.report_activities(id).unwrap();
    let row = |label: &str| acts.rows.iter().find(|r| r.label.contains(label)).unwrap().clone();
    assert_eq!(row("收入合计").restricted, m("360000"));
    assert_eq!(row("业务活动成本").unrestricted, m("62978"));
    assert_eq!(row("管理费用").unrestricted, m("31100"));
    assert_eq!(row("费用合计").total, tie.expenses);
    let release = row("限定性净资产转为非限定性净资产");
    assert_eq!((release.unrestricted, release.restricted), (m("94078"), -m("94078")));
    let change = row("净资产变动额");
    assert_eq!((change.unrestricted, change.restricted, change.total), (Money::ZERO, m("265922"), m("265922")));

    // The workbook carries the same figures, as numbers.
    let bytes = books.reports_xlsx(id).unwrap();
    use calamine::{DataType, Reader, Xlsx};
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        wb.sheet_names(),
        ["预算执行表", "收支明细账", "收支明细账-市级", "收支明细账-区级", "资金到账及配套情况表", "业务活动表"]
    );
    let sheet = wb.worksheet_range("预算执行表").unwrap();
    let total_row = sheet.rows().find(|r| r.first().map(|c| c.to_string()) == Some("合计".into())).unwrap();
    assert_eq!(total_row[10].get_float(), Some(94078.0));
}
