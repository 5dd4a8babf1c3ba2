//! One test per ledger rule (DOMAIN.md §2: R-SPEND, R-PERIOD, R-IMMUTABLE, and R-BUDGET where
//! spending meets the budget): break it through the facade, check the rule id, the Chinese message,
//! and that nothing at all was written (every table compared before and after).

mod common;

use common::{Story, assert_refused};
use shelian_core::domain::grant::{
    AdjustmentInput, ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput,
};
use shelian_core::domain::ledger::{AttachmentRef, ExpenseInput, PaymentMethod, ReversalInput};
use shelian_core::store::ledger::VoucherKind;

fn line(cat: &str, city: &str, district: &str) -> BudgetLineInput {
    BudgetLineInput { category: cat.into(), city_amount: city.into(), district_amount: district.into() }
}

fn receipt(source: FundSource, date: &str, amount: &str) -> ReceiptInput {
    ReceiptInput { source, date: date.into(), amount: amount.into(), bank_ref: "回单001".into(), note: String::new() }
}

fn expense(id: i64, date: &str, category: &str, source: FundSource, amount: &str) -> ExpenseInput {
    ExpenseInput {
        grant_year_id: id,
        date: date.into(),
        summary: "社区活动物资".into(),
        category: category.into(),
        source,
        amount: amount.into(),
        payee: "南京某某超市".into(),
        payment_method: PaymentMethod::Bank,
        attachments: vec![],
        project_id: None,
    }
}

fn reverse(id: i64, date: &str) -> ReversalInput {
    ReversalInput { voucher_id: id, date: date.into(), reason: "金额录入错误".into() }
}

/// 2019 executing: 180,000 per source; activity 120,000 / publicity 30,000 / office 30,000 each.
/// The city money (180,000) arrived on 2019-03-20; the district's has not.
fn executing_2019(story: &mut Story) -> i64 {
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
                line("activity", "120000", "120000"),
                line("publicity", "30000", "30000"),
                line("office", "30000", "30000"),
            ],
        )
        .unwrap();
    books.grant_year_start(id).unwrap();
    story.on("2019-03-20").receipt_add(id, &receipt(FundSource::City, "2019-03-20", "180000")).unwrap();
    id
}

#[test]
fn r_spend_an_expense_over_its_budget_line_is_refused_with_the_shortfall_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    let books = story.on("2019-04-10");
    books.expense_post(&expense(id, "2019-04-08", "office", FundSource::City, "29000")).unwrap();
    let before = story.fingerprint();
    let err = story
        .on("2019-04-10")
        .expense_post(&expense(id, "2019-04-09", "office", FundSource::City, "1500"))
        .unwrap_err();
    assert_refused(
        err,
        "R-SPEND",
        "amount",
        "办公费（市级专项资金）预算 30,000.00 元，已支出 29,000.00 元，尚余 1,000.00 元；本笔 1,500.00 元超出预算 500.00 元",
    );
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_spend_an_expense_beyond_the_cash_of_its_source_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    // The district has not paid anything: its budget line has room, its cash is zero.
    let before = story.fingerprint();
    let err = story
        .on("2019-04-10")
        .expense_post(&expense(id, "2019-04-09", "activity", FundSource::District, "800"))
        .unwrap_err();
    assert_refused(
        err,
        "R-SPEND",
        "amount",
        "区级配套账上余额 0.00 元（已到账减已支出），本笔 800.00 元，资金缺口 800.00 元",
    );
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_spend_reversing_a_receipt_whose_money_was_spent_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    story.on("2019-04-10").expense_post(&expense(id, "2019-04-09", "activity", FundSource::City, "5000")).unwrap();
    let receipt_voucher =
        story.books.vouchers_of(id).unwrap().into_iter().find(|v| v.kind == VoucherKind::Receipt).unwrap();
    let before = story.fingerprint();
    let err = story.on("2019-04-10").voucher_reverse(&reverse(receipt_voucher.id, "2019-04-10")).unwrap_err();
    assert_refused(err, "R-SPEND", "voucherId", "冲销这笔 180,000.00 元的到账后将短缺 5,000.00 元");
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_period_an_expense_outside_the_execution_period_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    let before = story.fingerprint();
    let err = story
        .on("2020-01-10")
        .expense_post(&expense(id, "2020-01-02", "activity", FundSource::City, "100"))
        .unwrap_err();
    assert_refused(
        err,
        "R-PERIOD",
        "date",
        "支出日期 2020-01-02 不在 2019 年度资助的执行期（2019-01-01 至 2019-12-31）内",
    );
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_period_a_closed_month_takes_no_expense_and_no_receipt_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    story.on("2019-04-02").month_close("2019-03").unwrap();
    let before = story.fingerprint();
    let err = story
        .on("2019-04-02")
        .expense_post(&expense(id, "2019-03-28", "activity", FundSource::City, "100"))
        .unwrap_err();
    assert_refused(err, "R-PERIOD", "date", "2019年3月已结账，不能再记入凭证");
    let err = story.on("2019-04-02").receipt_add(id, &receipt(FundSource::District, "2019-03-29", "1000")).unwrap_err();
    assert_refused(err, "R-PERIOD", "date", "2019年3月已结账");
    assert_eq!(story.fingerprint(), before);
    // April is open.
    story.on("2019-04-02").expense_post(&expense(id, "2019-04-01", "activity", FundSource::City, "100")).unwrap();
}

#[test]
fn r_period_months_close_in_order_and_reopen_from_the_last_with_a_reason() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    story.on("2019-04-10").expense_post(&expense(id, "2019-04-09", "activity", FundSource::City, "100")).unwrap();
    let before = story.fingerprint();
    let err = story.on("2019-05-02").month_close("2019-04").unwrap_err();
    assert_refused(err, "R-PERIOD", "month", "请按月份顺序结账：2019年3月还有凭证未结账，先结2019年3月");
    let err = story.on("2019-04-20").month_close("2019-04").unwrap_err();
    assert_eq!(err.problems()[0].message, "2019年4月还没有结束（到 2019-04-30 ），月末之后才能结账");
    assert_eq!(story.fingerprint(), before);

    story.on("2019-05-02").month_close("2019-03").unwrap();
    story.on("2019-05-02").month_close("2019-04").unwrap();
    let before = story.fingerprint();
    let err = story.on("2019-05-03").month_reopen("2019-03", "补记发票").unwrap_err();
    assert_refused(err, "R-PERIOD", "month", "2019年4月也已结账：请从最后结账的月份（2019年4月）开始依次反结账");
    let err = story.on("2019-05-03").month_reopen("2019-04", "  ").unwrap_err();
    assert_eq!(err.problems()[0].field, "reason");
    assert_eq!(story.fingerprint(), before);

    // Reopening is an audited act with its reason; then April takes entries again.
    story.on("2019-05-03").month_reopen("2019-04", "补记遗漏的4月办公费发票").unwrap();
    let events = story.books.months(id).unwrap().events;
    assert_eq!(events[0].action, "reopen");
    assert_eq!(events[0].reason, "补记遗漏的4月办公费发票");
    assert_eq!(events[0].operator, "李静");
    let audit = story.books.audit_recent(1).unwrap();
    assert_eq!((audit[0].entity.as_str(), audit[0].action.as_str()), ("closed_month", "reopen"));
    story.on("2019-05-03").expense_post(&expense(id, "2019-04-30", "office", FundSource::City, "60")).unwrap();
}

#[test]
fn r_immutable_a_reversal_is_linked_and_cannot_be_reversed_again_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    let v =
        story.on("2019-04-10").expense_post(&expense(id, "2019-04-09", "activity", FundSource::City, "1200")).unwrap();
    assert_eq!(v.number, "记-2019-0002");
    let r = story.on("2019-04-11").voucher_reverse(&reverse(v.id, "2019-04-11")).unwrap();
    assert_eq!(r.number, "记-2019-0003");
    assert_eq!(r.amount.to_string(), "-1200.00");
    assert_eq!(r.summary, "冲销 记-2019-0002：金额录入错误");
    assert_eq!(r.reverses.as_ref().map(|l| l.number.as_str()), Some("记-2019-0002"));
    let original = story.books.voucher_get(v.id).unwrap();
    assert_eq!(original.reversed_by.as_ref().map(|l| l.number.as_str()), Some("记-2019-0003"));
    // The original is unchanged: same lines, same amount.
    assert_eq!(original.lines, v.lines);

    let before = story.fingerprint();
    let err = story.on("2019-04-12").voucher_reverse(&reverse(r.id, "2019-04-12")).unwrap_err();
    assert_refused(err, "R-IMMUTABLE", "voucherId", "记-2019-0003 本身是冲销凭证，不能再冲销");
    let err = story.on("2019-04-12").voucher_reverse(&reverse(v.id, "2019-04-12")).unwrap_err();
    assert_refused(err, "R-IMMUTABLE", "voucherId", "记-2019-0002 已于 2019-04-11 由 记-2019-0003 冲销，不能重复冲销");
    assert_eq!(story.fingerprint(), before);
    // The budget line is whole again.
    let exec = story.books.report_budget_execution(id).unwrap();
    assert!(exec.totals.total.spent.is_zero());
    // What the window offers says the same, word for word (VoucherActions).
    assert_eq!(r.actions.reverse.reason, "记-2019-0003 本身是冲销凭证，不能再冲销。如需更正，请重新记一笔正确的凭证");
    assert!(!original.actions.reverse.allowed);
    assert_eq!(original.actions.reverse.reason, "记-2019-0002 已于 2019-04-11 由 记-2019-0003 冲销，不能重复冲销");
    assert!(v.actions.reverse.allowed && v.actions.reverse.reason.is_empty());
}

/// Issue 14: 冲销 was offered on a closed grant year, which Rust refuses. The voucher's actions
/// now carry Rust's answer: once the year is closed, 冲销 is not offered, with the refusal's words.
#[test]
fn a_closed_grant_year_offers_no_reversal_and_refuses_one() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    let v =
        story.on("2019-04-10").expense_post(&expense(id, "2019-04-09", "activity", FundSource::City, "1200")).unwrap();
    assert!(v.actions.reverse.allowed);
    let books = story.on("2020-01-06");
    for m in 3..=4 {
        books.month_close(&format!("2019-{m:02}")).unwrap();
    }
    books.grant_year_close(id).unwrap();
    let v = books.voucher_get(v.id).unwrap();
    assert!(!v.actions.reverse.allowed);
    assert_eq!(v.actions.reverse.reason, "2019 年度资助已结项，账目不能再更正");
    let g = books.grant_years().unwrap().into_iter().find(|g| g.id == id).unwrap();
    assert!(!g.actions.post_expense.allowed && !g.actions.correct_vouchers.allowed);
    let before = story.fingerprint();
    let err = story.on("2020-01-07").voucher_reverse(&reverse(v.id, "2020-01-07")).unwrap_err();
    assert_eq!(err.problems()[0].message, v.actions.reverse.reason);
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_immutable_the_file_itself_refuses_to_change_or_delete_a_posted_voucher() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    executing_2019(&mut story);
    let before = story.fingerprint();
    let conn = rusqlite::Connection::open(&story.path).unwrap();
    for sql in [
        "UPDATE voucher SET summary = 'x'",
        "DELETE FROM voucher",
        "UPDATE voucher_line SET debit_fen = 1 WHERE debit_fen > 0",
        "DELETE FROM voucher_line",
    ] {
        let e = conn.execute(sql, []).unwrap_err().to_string();
        assert!(e.contains("R-IMMUTABLE"), "{sql}: {e}");
    }
    // And a voucher dated in a closed month cannot be slipped in underneath the app either.
    conn.execute("INSERT INTO closed_month VALUES ('2019-05', '2019-06-01 09:00:00', 'x')", []).unwrap();
    let e = conn
        .execute(
            "INSERT INTO voucher (year, seq, voucher_date, kind, summary, grant_year_id, payment_method, chart, operator, created_at)
             VALUES (2019, 99, '2019-05-02', 'expense', 'x', 1, 'bank', 'npo-2004', 'x', 'x')",
            [],
        )
        .unwrap_err()
        .to_string();
    assert!(e.contains("R-PERIOD"), "{e}");
    conn.execute("DELETE FROM closed_month", []).unwrap();
    drop(conn);
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_budget_an_adjustment_below_what_was_spent_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    story.on("2019-04-10").expense_post(&expense(id, "2019-04-09", "office", FundSource::City, "20000")).unwrap();
    let before = story.fingerprint();
    let err = story
        .on("2019-05-10")
        .budget_adjust(
            id,
            &AdjustmentInput {
                date: "2019-05-10".into(),
                reason: "调减办公费用于活动".into(),
                lines: vec![
                    line("activity", "135000", "120000"),
                    line("publicity", "30000", "30000"),
                    line("office", "15000", "30000"),
                ],
            },
        )
        .unwrap_err();
    assert_refused(
        err,
        "R-BUDGET",
        "lines",
        "办公费（市级专项资金）已支出 20,000.00 元，调整后的预算 15,000.00 元不能低于已支出",
    );
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn voucher_numbers_run_per_calendar_year_without_gaps() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    for (i, day) in ["2019-04-01", "2019-04-02", "2019-04-03"].iter().enumerate() {
        let v = story.on("2019-04-05").expense_post(&expense(id, day, "activity", FundSource::City, "10")).unwrap();
        assert_eq!(v.number, format!("记-2019-{:04}", i + 2));
    }
    // A refused posting takes no number.
    story.on("2019-04-05").expense_post(&expense(id, "2019-04-04", "office", FundSource::City, "999999")).unwrap_err();
    let v =
        story.on("2019-04-05").expense_post(&expense(id, "2019-04-04", "activity", FundSource::City, "10")).unwrap();
    assert_eq!(v.number, "记-2019-0005");
    // The district's late money for 2019 arrives in 2020: the first voucher of 2020.
    story.on("2020-02-10").receipt_add(id, &receipt(FundSource::District, "2020-02-10", "180000")).unwrap();
    let all = story.books.vouchers_of(id).unwrap();
    let last = all.last().unwrap();
    assert_eq!(last.number, "记-2020-0001");
    assert_eq!(all.len(), 6);
}

#[test]
fn attachments_are_copied_into_the_data_folder_and_a_missing_one_is_refused() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR receipt scan";
    let stored = story.books.attachment_store("C:\\扫描\\发票 001.png", png).unwrap();
    assert_eq!(stored.file_name, "发票 001.png");
    assert_eq!(stored.mime, "image/png");
    let mut e = expense(id, "2019-04-09", "activity", FundSource::City, "300");
    e.attachments = vec![AttachmentRef { sha256: stored.sha256.clone(), file_name: stored.file_name.clone() }];
    let v = story.on("2019-04-10").expense_post(&e).unwrap();
    assert_eq!(v.attachments.len(), 1);
    let (mime, bytes) = story.books.attachment_read(&stored.sha256).unwrap();
    assert_eq!((mime.as_str(), bytes.as_slice()), ("image/png", &png[..]));
    let file = story.path.parent().unwrap().join("attachments").join(&stored.sha256[..2]).join(&stored.sha256);
    assert!(file.exists());

    // A reference to a file that is not in the folder is refused before anything is written.
    let before = story.fingerprint();
    let mut e = expense(id, "2019-04-09", "activity", FundSource::City, "300");
    e.attachments = vec![AttachmentRef { sha256: "ab".repeat(32), file_name: "丢失.pdf".into() }];
    let err = story.on("2019-04-10").expense_post(&e).unwrap_err();
    assert_eq!(err.problems()[0].message, "附件“丢失.pdf”找不到了，请重新添加");
    assert_eq!(story.fingerprint(), before);
}

/// `expenses_post_many`, the bulk path of the city-scale generator: each expense of a batch is
/// checked against the books as the expenses before it in the same batch left them, by the same
/// steps as `expense_post`; the first refusal refuses the whole batch and nothing is written.
mod many {
    use super::*;

    fn refusal_of(err: &shelian_core::CoreError) -> Vec<(String, Option<String>, String)> {
        err.problems().iter().map(|p| (p.field.clone(), p.rule.clone(), p.message.clone())).collect()
    }

    /// Office 30,000 per source; three expenses that fit and a fourth that takes the line over.
    fn batch(id: i64) -> Vec<ExpenseInput> {
        vec![
            expense(id, "2019-04-08", "office", FundSource::City, "12000"),
            expense(id, "2019-04-09", "activity", FundSource::City, "500"),
            expense(id, "2019-04-09", "office", FundSource::City, "17000"),
            expense(id, "2019-04-10", "office", FundSource::City, "1000.01"),
        ]
    }

    #[test]
    fn a_batch_posts_what_one_by_one_posts_numbers_lines_and_audit_rows_alike() {
        let mut one = Story::new("2019-01-05", Some("2018-10-15"));
        let id1 = executing_2019(&mut one);
        let mut many = Story::new("2019-01-05", Some("2018-10-15"));
        let id2 = executing_2019(&mut many);
        let inputs = &batch(id1)[..3];
        for e in inputs {
            one.on("2019-04-10").expense_post(e).unwrap();
        }
        let ids = many.on("2019-04-10").expenses_post_many(&batch(id2)[..3]).unwrap();
        assert_eq!(ids.len(), 3);
        let view = |s: &Story, id| {
            s.books
                .vouchers_of(id)
                .unwrap()
                .into_iter()
                .map(|v| (v.number, v.date, v.amount, v.source, v.category, v.payee, v.lines, v.created_at))
                .collect::<Vec<_>>()
        };
        assert_eq!(view(&one, id1), view(&many, id2));
        assert_eq!(one.books.audit_count().unwrap(), many.books.audit_count().unwrap());
        assert_eq!(one.books.tie_out(id1).unwrap(), many.books.tie_out(id2).unwrap());
    }

    #[test]
    fn r_spend_counts_the_batch_s_own_earlier_expenses_and_refuses_the_whole_batch_as_the_facade_would() {
        let mut story = Story::new("2019-01-05", Some("2018-10-15"));
        let id = executing_2019(&mut story);
        let before = story.fingerprint();
        let err = story.on("2019-04-10").expenses_post_many(&batch(id)).unwrap_err();
        assert_refused(
            err,
            "R-SPEND",
            "amount",
            "办公费（市级专项资金）预算 30,000.00 元，已支出 29,000.00 元，尚余 1,000.00 元；本笔 1,000.01 元超出预算 0.01 元",
        );
        assert_eq!(story.fingerprint(), before, "nothing of a refused batch is written");
        // One by one, the facade refuses the fourth with the same words.
        let inputs = batch(id);
        for e in &inputs[..3] {
            story.on("2019-04-10").expense_post(e).unwrap();
        }
        let mut again = Story::new("2019-01-05", Some("2018-10-15"));
        let id2 = executing_2019(&mut again);
        let batch_err = again.on("2019-04-10").expenses_post_many(&batch(id2)).unwrap_err();
        let facade_err = story.on("2019-04-10").expense_post(&inputs[3]).unwrap_err();
        assert_eq!(refusal_of(&batch_err), refusal_of(&facade_err));
    }

    #[test]
    fn r_spend_cash_and_r_period_are_refused_inside_a_batch_and_nothing_is_written() {
        let mut story = Story::new("2019-01-05", Some("2018-10-15"));
        let id = executing_2019(&mut story);
        story.on("2019-04-10").month_close("2019-03").unwrap();
        let before = story.fingerprint();
        let ok = expense(id, "2019-04-08", "activity", FundSource::City, "100");
        let cases: Vec<(ExpenseInput, &str, &str, &str)> = vec![
            (
                expense(id, "2019-04-09", "activity", FundSource::District, "800"),
                "R-SPEND",
                "amount",
                "区级配套账上余额 0.00 元（已到账减已支出），本笔 800.00 元，资金缺口 800.00 元",
            ),
            (expense(id, "2019-03-25", "activity", FundSource::City, "100"), "R-PERIOD", "date", "2019年3月已结账"),
            (
                expense(id, "2018-12-30", "activity", FundSource::City, "100"),
                "R-PERIOD",
                "date",
                "不在 2019 年度资助的执行期",
            ),
        ];
        for (bad, rule, field, says) in cases {
            let facade = story.on("2019-04-10").expense_post(&bad).unwrap_err();
            let err = story.on("2019-04-10").expenses_post_many(&[ok.clone(), bad]).unwrap_err();
            assert_eq!(refusal_of(&facade), refusal_of(&err));
            assert_refused(err, rule, field, says);
            assert_eq!(story.fingerprint(), before);
        }
    }
}
