//! Property tests of the ledger through the facade: whatever sequence of receipts, expenses and
//! reversals a secretary types, every voucher balances, every report ties out to the account
//! balances, a refused posting writes nothing, and a reversal can never be reversed.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use shelian_core::books::reports::LedgerFilter;
use shelian_core::domain::grant::{ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput};
use shelian_core::domain::ledger::{ExpenseInput, PaymentMethod, ReversalInput};
use shelian_core::store::ledger::VoucherKind;
use shelian_core::{Books, Clock, FederationInput, Money, OpenOptions, credit_code};

#[derive(Debug, Clone)]
enum Op {
    Receipt { city: bool, fen: i64 },
    Expense { cat: usize, city: bool, fen: i64, method: u8 },
    Reverse { pick: usize },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        1 => (any::<bool>(), 1i64..=10_000_000).prop_map(|(city, fen)| Op::Receipt { city, fen }),
        5 => (0usize..4, any::<bool>(), 1i64..=4_000_000, 0u8..3)
            .prop_map(|(cat, city, fen, method)| Op::Expense { cat, city, fen, method }),
        1 => (0usize..1000).prop_map(|pick| Op::Reverse { pick }),
    ]
}

const CATS: [&str; 4] = ["activity", "labor", "office", "audit"];

fn day(n: u64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 3, 2).unwrap().checked_add_days(Days::new(n)).unwrap()
}

fn books() -> (Books, i64) {
    let at = |d: NaiveDate| Clock::Fixed(d.and_hms_opt(9, 0, 0).unwrap());
    let mut b =
        Books::open_in_memory(OpenOptions { operator: "测试员".into(), clock: at(day(0)), attachments_dir: None })
            .unwrap();
    b.federation_save(&FederationInput {
        name: "梅园新村街道社区社会组织联合会".into(),
        credit_code: credit_code::with_check_char("51320102MJ5000001").unwrap(),
        street: "梅园新村街道".into(),
        district: "玄武区".into(),
        recognition_date: "2018-10-15".into(),
        recognition_doc_no: "玄民〔2018〕12号".into(),
        legal_rep: "王芳".into(),
        secretary: "李静".into(),
        phone: "025-84561234".into(),
        ..Default::default()
    })
    .unwrap();
    let id = b
        .grant_year_create(&GrantYearInput { year: 2019, city_amount: "200000".into(), ..Default::default() })
        .unwrap()
        .grant
        .id;
    b.grant_year_approve(id, &ApprovalInput { doc_no: "宁民发〔2019〕1号".into(), date: "2019-03-01".into() }).unwrap();
    let line =
        |c: &str, a: &str| BudgetLineInput { category: c.into(), city_amount: a.into(), district_amount: a.into() };
    b.budget_set(
        id,
        &[line("activity", "80000"), line("labor", "60000"), line("office", "40000"), line("audit", "20000")],
    )
    .unwrap();
    b.grant_year_start(id).unwrap();
    (b, id)
}

fn tied_out(b: &Books, id: i64) -> Result<(), TestCaseError> {
    prop_assert_eq!(b.unbalanced_vouchers().unwrap(), 0);
    let tie = b.tie_out(id).unwrap();
    let exec = b.report_budget_execution(id).unwrap();
    prop_assert_eq!(exec.totals.total.spent, tie.expenses);
    let rows: Money = exec.rows.iter().map(|r| r.total.spent).sum();
    prop_assert_eq!(rows, tie.expenses);
    let whole = b.report_ledger(&LedgerFilter { grant_year_id: id, source: None, category: None }).unwrap();
    prop_assert_eq!(whole.closing, tie.money);
    prop_assert_eq!(whole.total_income, tie.revenue);
    prop_assert_eq!(whole.total_expense, tie.expenses);
    let by_source: Money = FundSource::ALL
        .iter()
        .map(|&s| {
            b.report_ledger(&LedgerFilter { grant_year_id: id, source: Some(s), category: None }).unwrap().closing
        })
        .sum();
    prop_assert_eq!(by_source, tie.money);
    prop_assert_eq!(b.report_funds(id).unwrap().total.received, tie.revenue);
    let acts = b.report_activities(id).unwrap();
    let total = acts.rows.iter().find(|r| r.label == "费用合计").unwrap().total;
    prop_assert_eq!(total, tie.expenses);
    // Cash never below zero per source, and no line over budget.
    for s in b.spend_options(id).unwrap() {
        prop_assert!(!s.cash.is_negative(), "{:?}", s);
        prop_assert!(!s.remaining.is_negative(), "{:?}", s);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_sequence_of_postings_keeps_the_books_balanced_and_tied_out(ops in prop::collection::vec(op(), 1..40)) {
        let (mut b, id) = books();
        for (n, op) in ops.into_iter().enumerate() {
            let date = day(10 + 2 * n as u64);
            b.set_clock(Clock::Fixed(date.and_hms_opt(9, 0, 0).unwrap()));
            let before = b.audit_count().unwrap();
            let result = match op {
                Op::Receipt { city, fen } => b
                    .receipt_add(id, &ReceiptInput {
                        source: if city { FundSource::City } else { FundSource::District },
                        date: date.to_string(),
                        amount: Money::from_fen(fen).to_string(),
                        bank_ref: String::new(),
                        note: String::new(),
                    })
                    .map(|_| ()),
                Op::Expense { cat, city, fen, method } => b
                    .expense_post(&ExpenseInput {
                        grant_year_id: id,
                        date: date.to_string(),
                        summary: "支出".into(),
                        category: CATS[cat].into(),
                        source: if city { FundSource::City } else { FundSource::District },
                        amount: Money::from_fen(fen).to_string(),
                        payee: "某单位".into(),
                        payment_method: [PaymentMethod::Bank, PaymentMethod::Cash, PaymentMethod::Other][method as usize],
                        attachments: vec![],
                        project_id: None,
                    })
                    .map(|v| assert_eq!(v.amount, Money::from_fen(fen))),
                Op::Reverse { pick } => {
                    let all = b.vouchers_of(id).unwrap();
                    if all.is_empty() {
                        continue;
                    }
                    let v = &all[pick % all.len()];
                    b.voucher_reverse(&ReversalInput { voucher_id: v.id, date: date.to_string(), reason: "更正".into() })
                        .map(|_| ())
                }
            };
            if let Err(e) = result {
                // A refusal names a rule or a field, and writes nothing (not even an audit row).
                prop_assert!(!e.problems().is_empty(), "{:?}", e);
                prop_assert_eq!(b.audit_count().unwrap(), before);
            }
            tied_out(&b, id)?;
        }
        // Reversing a reversal is always refused.
        for v in b.vouchers_of(id).unwrap().into_iter().filter(|v| v.kind == VoucherKind::Reversal) {
            let e = b.voucher_reverse(&ReversalInput { voucher_id: v.id, date: "2019-12-31".into(), reason: "再冲".into() })
                .unwrap_err();
            prop_assert_eq!(e.problems()[0].rule.as_deref(), Some("R-IMMUTABLE"));
        }
    }
}
