use proptest::prelude::*;

use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn y(n: i64) -> Money {
    Money::from_yuan(n)
}

fn accounts() -> Accounts {
    Accounts {
        chart: "npo-2004".into(),
        roles: vec![
            (Role::Bank, "1002".into()),
            (Role::Cash, "1001".into()),
            (Role::OtherMoney, "1009".into()),
            (Role::GrantRevenue, "4401".into()),
            (Role::ProgramCost, "5101".into()),
            (Role::AdminExpense, "5201".into()),
        ],
    }
}

const PERIOD: Period = Period {
    year: 2019,
    start: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
    end: NaiveDate::from_ymd_opt(2019, 12, 31).unwrap(),
};

fn cats() -> Vec<(String, String)> {
    vec![("activity".into(), "项目活动费".into()), ("office".into(), "办公费".into())]
}

fn expense() -> ExpenseInput {
    ExpenseInput {
        grant_year_id: 1,
        date: "2019-03-15".into(),
        summary: "购买 社区活动物资".into(),
        category: "activity".into(),
        source: FundSource::City,
        amount: "1,280.50".into(),
        payee: "南京某某超市".into(),
        payment_method: PaymentMethod::Bank,
        attachments: vec![],
        project_id: None,
    }
}

#[test]
fn a_good_expense_becomes_two_balanced_lines() {
    let v = expense().validate(PERIOD, &cats(), d("2019-12-31")).unwrap();
    assert_eq!(v.amount, Money::parse("1280.50").unwrap());
    let lines = expense_lines(&accounts(), &v, Role::ProgramCost);
    assert!(balanced(&lines));
    assert_eq!(lines[0].account_code, "5101");
    assert_eq!(lines[0].category.as_deref(), Some("activity"));
    assert_eq!(lines[1].account_code, "1002");
    let mut cash = v.clone();
    cash.method = PaymentMethod::Cash;
    assert_eq!(expense_lines(&accounts(), &cash, Role::AdminExpense)[1].account_code, "1001");
    assert_eq!(expense_lines(&accounts(), &cash, Role::AdminExpense)[0].account_code, "5201");
}

#[test]
fn r_period_an_expense_outside_the_execution_period_is_refused_with_the_period() {
    for date in ["2018-12-31", "2020-01-01"] {
        let e = ExpenseInput { date: date.into(), ..expense() }.validate(PERIOD, &cats(), d("2020-06-01")).unwrap_err();
        let p = &e.problems()[0];
        assert_eq!(p.rule.as_deref(), Some("R-PERIOD"));
        assert_eq!(p.field, "date");
        assert_eq!(p.message, format!("支出日期 {date} 不在 2019 年度资助的执行期（2019-01-01 至 2019-12-31）内"));
    }
}

#[test]
fn bad_expense_fields_each_get_their_message() {
    let bad = ExpenseInput {
        date: "2019-02-30".into(),
        summary: "  ".into(),
        category: "nope".into(),
        amount: "1,5000".into(),
        payee: "".into(),
        attachments: vec![AttachmentRef { sha256: "../x".into(), file_name: "a.png".into() }],
        ..expense()
    };
    let e = bad.validate(PERIOD, &cats(), d("2019-12-31")).unwrap_err();
    let fields: Vec<&str> = e.problems().iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["date", "summary", "category", "amount", "payee", "attachments"]);
    let zero = ExpenseInput { amount: "0".into(), ..expense() }.validate(PERIOD, &cats(), d("2019-12-31"));
    assert_eq!(zero.unwrap_err().problems()[0].message, "支出金额必须大于零");
    let future = expense().validate(PERIOD, &cats(), d("2019-03-14")).unwrap_err();
    assert_eq!(future.problems()[0].message, "支出日期不能晚于今天（2019-03-14）");
}

#[test]
fn r_spend_names_the_shortfall_of_the_line_and_of_the_cash() {
    let pos = SpendPosition { budget: y(10_000), spent: y(9_000), committed: Money::ZERO, cash: y(500) };
    assert!(check_spend(pos, y(500), "办公费", FundSource::City).is_ok());
    let e = check_spend(pos, y(1_200), "办公费", FundSource::City).unwrap_err();
    let p = e.problems();
    assert_eq!(p.len(), 2);
    assert!(p.iter().all(|p| p.rule.as_deref() == Some("R-SPEND")));
    assert_eq!(
        p[0].message,
        "办公费（市级专项资金）预算 10,000.00 元，已支出 9,000.00 元，尚余 1,000.00 元；本笔 1,200.00 元超出预算 200.00 元"
    );
    assert_eq!(
        p[1].message,
        "市级专项资金账上余额 500.00 元（已到账减已支出），本笔 1,200.00 元，资金缺口 700.00 元。请等资金到账后再支出"
    );
    // Exactly the remaining budget and exactly the cash are allowed.
    let held = SpendPosition { budget: y(10_000), spent: y(2_000), committed: y(7_000), cash: y(9_000) };
    let e = check_spend(held, y(1_500), "项目活动费", FundSource::City).unwrap_err();
    assert_eq!(
        e.problems()[0].message,
        "项目活动费（市级专项资金）预算 10,000.00 元，已支出 2,000.00 元，服务项目已约定未支付 7,000.00 元，尚余 1,000.00 元；本笔 1,500.00 元超出预算 500.00 元"
    );
    let exact = SpendPosition { budget: y(1_000), spent: Money::ZERO, committed: Money::ZERO, cash: y(1_000) };
    assert!(check_spend(exact, y(1_000), "办公费", FundSource::District).is_ok());
}

#[test]
fn r_period_a_closed_month_names_the_month() {
    assert!(check_open(false, d("2019-03-01")).is_ok());
    let e = check_open(true, d("2019-03-01")).unwrap_err();
    assert_eq!(e.problems()[0].rule.as_deref(), Some("R-PERIOD"));
    assert_eq!(e.problems()[0].message, "2019年3月已结账，不能再记入凭证。如确需补记，请先在“结账”中写明原因反结账");
}

#[test]
fn reversals_need_a_reason_and_a_date_not_before_the_original() {
    let r = ReversalInput { voucher_id: 1, date: "2019-03-10".into(), reason: " 金额录错 ".into() };
    assert_eq!(r.validate(d("2019-03-01"), d("2019-04-01")).unwrap(), (d("2019-03-10"), "金额录错".into()));
    let e = r.validate(d("2019-03-11"), d("2019-04-01")).unwrap_err();
    assert_eq!(e.problems()[0].message, "冲销日期不能早于原凭证日期 2019-03-11");
    let e = ReversalInput { reason: "".into(), ..r }.validate(d("2019-03-01"), d("2019-04-01")).unwrap_err();
    assert_eq!(e.problems()[0].field, "reason");
}

#[test]
fn months_parse_and_step() {
    let m = Month::parse("2019-12").unwrap();
    assert_eq!(m.next().to_string(), "2020-01");
    assert_eq!(m.last_day(), d("2019-12-31"));
    assert_eq!(Month::parse("2020-02").unwrap().last_day(), d("2020-02-29"));
    assert_eq!(m.label(), "2019年12月");
    for bad in ["2019-13", "2019-1", "19-01", "abc", ""] {
        assert!(Month::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn voucher_numbers_and_attachment_names() {
    assert_eq!(voucher_number(2019, 1), "记-2019-0001");
    assert_eq!(voucher_number(2019, 12345), "记-2019-12345");
    assert_eq!(attachment_name("C:\\Users\\李\\发票.pdf"), "发票.pdf");
    assert_eq!(attachment_name("/home/x/收据 1.jpg"), "收据 1.jpg");
    assert_eq!(attachment_name("\u{0}\u{7}"), "附件");
}

fn line_strategy() -> impl Strategy<Value = (i64, bool, u8)> {
    (1i64..=50_000_000, any::<bool>(), 0u8..3)
}

proptest! {
    /// Any receipt or expense built here balances, and so does its reversal; a voucher and its
    /// reversal together net to zero on every account.
    #[test]
    fn built_vouchers_balance_and_reversals_cancel(items in prop::collection::vec(line_strategy(), 1..40)) {
        let acc = accounts();
        for (fen, is_receipt, method) in items {
            let amount = Money::from_fen(fen);
            let lines = if is_receipt {
                receipt_lines(&acc, FundSource::District, amount)
            } else {
                let method = [PaymentMethod::Bank, PaymentMethod::Cash, PaymentMethod::Other][method as usize];
                let v = ValidExpense {
                    date: PERIOD.start, summary: "x".into(), category: "activity".into(), source: FundSource::City,
                    amount, payee: "p".into(), method, attachments: vec![], project_id: None,
                };
                expense_lines(&acc, &v, Role::ProgramCost)
            };
            prop_assert!(balanced(&lines));
            let rev = reversal_lines(&lines);
            prop_assert!(balanced(&rev));
            for (a, b) in lines.iter().zip(&rev) {
                prop_assert_eq!(&a.account_code, &b.account_code);
                prop_assert!((a.debit + b.debit).is_zero() && (a.credit + b.credit).is_zero());
            }
        }
    }

    /// Money survives the trip to fen and back exactly.
    #[test]
    fn money_round_trips_through_fen(fen in -1_000_000_000_000i64..1_000_000_000_000) {
        let m = Money::from_fen(fen);
        prop_assert_eq!(m.to_fen(), fen);
        prop_assert_eq!(Money::parse(&m.abs().to_string()).map(|x| x.to_fen()), Ok(fen.abs()));
    }
}

fn spans() -> Vec<ChartSpan> {
    vec![
        ChartSpan { code: "npo-2004".into(), effective_from: d("2005-01-01") },
        ChartSpan { code: "npo-2024".into(), effective_from: d("2026-01-01") },
    ]
}

#[test]
fn the_date_picks_the_chart() {
    assert_eq!(chart_on(&spans(), d("2025-12-31")), "npo-2004");
    assert_eq!(chart_on(&spans(), d("2026-01-01")), "npo-2024");
    assert_eq!(chart_on(&spans(), d("2019-06-30")), "npo-2004");
    assert_eq!(chart_on(&spans(), d("2031-03-01")), "npo-2024");
    // Before every chart there is nothing earlier to keep: the oldest one.
    assert_eq!(chart_on(&spans(), d("2003-05-01")), "npo-2004");
    // The order of the list does not matter.
    let mut reversed = spans();
    reversed.reverse();
    assert_eq!(chart_on(&reversed, d("2025-12-31")), "npo-2004");
    assert_eq!(chart_on(&reversed, d("2026-01-01")), "npo-2024");
}

#[test]
fn a_period_across_the_change_of_chart_is_refused_with_r_chart() {
    assert!(check_one_chart(&spans(), d("2025-01-01"), d("2025-12-31")).is_ok());
    assert!(check_one_chart(&spans(), d("2026-01-01"), d("2026-12-31")).is_ok());
    let err = check_one_chart(&spans(), d("2025-07-01"), d("2026-06-30")).unwrap_err();
    let p = &err.problems()[0];
    assert_eq!(p.rule.as_deref(), Some("R-CHART"));
    assert_eq!(p.field, "periodEnd");
    assert!(p.message.contains("2026-01-01"), "{}", p.message);
    // Ending on the first day of the new chart still spans it.
    assert!(check_one_chart(&spans(), d("2025-12-01"), d("2026-01-01")).is_err());
}

#[test]
fn the_revised_chart_posts_admin_expenses_by_role_not_by_code() {
    // The same role resolves in each chart to that chart's own account: 管理费用 is 5201 in 2004
    // and 5301 in the revised chart, where 5201 is 税金及附加 and takes no posting of the app.
    let revised = Accounts {
        chart: "npo-2024".into(),
        roles: vec![
            (Role::Bank, "1002".into()),
            (Role::Cash, "1001".into()),
            (Role::OtherMoney, "1009".into()),
            (Role::GrantRevenue, "4401".into()),
            (Role::ProgramCost, "5101".into()),
            (Role::AdminExpense, "5301".into()),
        ],
    };
    let v = ExpenseInput { category: "office".into(), ..expense() }.validate(PERIOD, &cats(), d("2019-12-31")).unwrap();
    assert_eq!(expense_lines(&accounts(), &v, Role::AdminExpense)[0].account_code, "5201");
    assert_eq!(expense_lines(&revised, &v, Role::AdminExpense)[0].account_code, "5301");
    assert!(!revised.codes(&Role::ALL).contains(&"5201".to_owned()));
}
