//! One test per grant-year rule (DOMAIN.md §2): break it through the facade, check the rule id, the
//! Chinese message, and that nothing at all was written (every table compared before and after).

mod common;

use common::{Story, assert_refused};
use shelian_core::domain::grant::{
    AdjustmentInput, ApprovalInput, BudgetLineInput, CategoryCap, FundSource, GrantYearInput, PolicyInput, ReceiptInput,
};
use shelian_core::{Books, GrantYearDetail};

fn year(y: i32, amount: &str) -> GrantYearInput {
    GrantYearInput { year: y, city_amount: amount.into(), ..Default::default() }
}

fn approve(books: &mut Books, id: i64, date: &str) -> GrantYearDetail {
    books.grant_year_approve(id, &ApprovalInput { doc_no: "宁民发〔2019〕12号".into(), date: date.into() }).unwrap()
}

fn line(cat: &str, city: &str, district: &str) -> BudgetLineInput {
    BudgetLineInput { category: cat.into(), city_amount: city.into(), district_amount: district.into() }
}

fn receipt(source: FundSource, date: &str, amount: &str) -> ReceiptInput {
    ReceiptInput { source, date: date.into(), amount: amount.into(), bank_ref: "回单001".into(), note: String::new() }
}

/// An approved, executing 2019 with 180,000 per source.
fn executing_2019(story: &mut Story) -> i64 {
    let books = story.on("2019-01-05");
    let id = books.grant_year_create(&year(2019, "180000")).unwrap().grant.id;
    approve(story.on("2019-03-01"), id, "2019-03-01");
    let books = story.on("2019-03-02");
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
    id
}

#[test]
fn r_band_a_city_amount_of_210000_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let before = story.fingerprint();
    let err = story.on("2019-01-05").grant_year_create(&year(2019, "210000")).unwrap_err();
    assert_refused(err, "R-BAND", "cityAmount", "市级资助金额应在 150,000.00 元至 200,000.00 元之间");
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_match_the_district_amount_is_computed_never_typed() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let detail = story.on("2019-01-05").grant_year_create(&year(2019, "15万")).unwrap();
    assert_eq!(detail.grant.district_amount, detail.grant.city_amount);
    assert_eq!(detail.district_daxie, "壹拾伍万元整");
    assert_eq!(detail.total_daxie, "叁拾万元整");
}

#[test]
fn r_years_a_third_year_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    story.on("2019-01-05").grant_year_create(&year(2019, "180000")).unwrap();
    story.on("2020-01-05").grant_year_create(&year(2020, "180000")).unwrap();
    let before = story.fingerprint();
    let err = story.on("2021-01-05").grant_year_create(&year(2021, "180000")).unwrap_err();
    assert_refused(err, "R-YEARS", "year", "最多获得 2 个年度的资助，本会已有 2019年、2020年");
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_years_a_second_year_that_skips_a_year_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    story.on("2019-01-05").grant_year_create(&year(2019, "180000")).unwrap();
    let before = story.fingerprint();
    let err = story.on("2021-01-05").grant_year_create(&year(2021, "180000")).unwrap_err();
    assert_refused(err, "R-YEARS", "year", "下一个年度只能是 2020 年");
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_recog_a_grant_approved_before_recognition_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-06-01", Some("2019-05-01"));
    let id = story.on("2019-06-01").grant_year_create(&year(2019, "180000")).unwrap().grant.id;
    let before = story.fingerprint();
    let err = story
        .on("2019-06-01")
        .grant_year_approve(id, &ApprovalInput { doc_no: "宁民发〔2019〕12号".into(), date: "2019-03-01".into() })
        .unwrap_err();
    assert_refused(err, "R-RECOG", "date", "早于本会的认定日期 2019-05-01");
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_recog_an_unrecognized_federation_cannot_be_approved() {
    let mut story = Story::new("2019-01-05", None);
    let id = story.on("2019-01-05").grant_year_create(&year(2019, "180000")).unwrap().grant.id;
    let before = story.fingerprint();
    let err = story
        .on("2019-03-02")
        .grant_year_approve(id, &ApprovalInput { doc_no: "宁民发〔2019〕12号".into(), date: "2019-03-01".into() })
        .unwrap_err();
    assert_refused(err, "R-RECOG", "date", "尚未登记认定日期");
    assert_eq!(story.fingerprint(), before);
    assert!(story.books.home_overview().unwrap().needs_recognition);
}

#[test]
fn r_budget_lines_that_do_not_sum_keep_the_year_from_executing() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = story.on("2019-01-05").grant_year_create(&year(2019, "180000")).unwrap().grant.id;
    approve(story.on("2019-03-01"), id, "2019-03-01");
    let books = story.on("2019-03-02");
    books.budget_set(id, &[line("activity", "170000", "180000")]).unwrap();
    let before = story.fingerprint();
    let err = story.on("2019-03-02").grant_year_start(id).unwrap_err();
    assert_refused(
        err,
        "R-BUDGET",
        "cityTotal",
        "市级专项资金预算合计 170,000.00 元，应等于市级专项资金金额 180,000.00 元，还差 10,000.00 元未分配",
    );
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_budget_an_adjustment_that_changes_a_total_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    let before = story.fingerprint();
    let err = story
        .on("2019-08-01")
        .budget_adjust(
            id,
            &AdjustmentInput {
                date: "2019-08-01".into(),
                reason: "增加活动经费".into(),
                lines: vec![
                    line("activity", "130000", "120000"),
                    line("publicity", "30000", "30000"),
                    line("office", "30000", "30000"),
                ],
            },
        )
        .unwrap_err();
    assert_refused(err, "R-BUDGET", "cityTotal", "多出 10,000.00 元");
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_budget_an_executing_budget_cannot_be_silently_replaced() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    let before = story.fingerprint();
    let err = story.on("2019-08-01").budget_set(id, &[line("activity", "180000", "180000")]).unwrap_err();
    assert!(err.to_string().contains("预算调整"), "{err}");
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_receipt_larger_than_what_the_source_still_owes_is_refused_and_nothing_is_written() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    story.on("2019-03-20").receipt_add(id, &receipt(FundSource::City, "2019-03-20", "100000")).unwrap();
    let before = story.fingerprint();
    let err = story.on("2019-04-01").receipt_add(id, &receipt(FundSource::City, "2019-04-01", "90000")).unwrap_err();
    assert_refused(
        err,
        "R-RECEIPT",
        "amount",
        "市级专项资金尚应到账 80,000.00 元，本次登记 90,000.00 元超出 10,000.00 元",
    );
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_caps_when_enabled_an_office_budget_over_ten_percent_is_refused() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let books = story.on("2019-01-02");
    let current = books.policy_current().unwrap();
    books
        .policy_save(&PolicyInput {
            name: "南京市 2019 社联会试点（办公费上限）".into(),
            effective_from: "2019-01-01".into(),
            city_min: current.city_min.to_string(),
            city_max: current.city_max.to_string(),
            match_ratio: current.match_ratio.to_string(),
            max_years: current.max_years,
            consecutive: current.consecutive,
            arrears_warn_days: current.arrears_warn_days,
            caps_enabled: true,
            caps: vec![CategoryCap { category: "office".into(), max_percent: 10 }],
        })
        .unwrap();
    let id = story.on("2019-01-05").grant_year_create(&year(2019, "180000")).unwrap().grant.id;
    let before = story.fingerprint();
    let err = story
        .on("2019-01-06")
        .budget_set(id, &[line("activity", "140000", "140000"), line("office", "40000", "40000")])
        .unwrap_err();
    assert_refused(err, "R-CAPS", "caps", "办公费不得超过年度资金总额的 10%（36,000.00 元），现在是 80,000.00 元");
    assert_eq!(story.fingerprint(), before);
}

#[test]
fn r_caps_are_off_by_default() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = story.on("2019-01-05").grant_year_create(&year(2019, "180000")).unwrap().grant.id;
    story.on("2019-01-06").budget_set(id, &[line("office", "180000", "180000")]).unwrap();
}

#[test]
fn r_arrears_are_shown_with_amount_and_days_against_the_city_arrival() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    story.on("2019-03-20").receipt_add(id, &receipt(FundSource::City, "2019-03-20", "180000")).unwrap();
    let home = story.on("2019-07-01").home_overview().unwrap();
    let a = home.current.unwrap().arrears.expect("arrears");
    assert_eq!(
        (a.amount.to_string().as_str(), a.since.to_string().as_str(), a.days, a.overdue),
        ("180000.00", "2019-03-20", 103, true)
    );
}

#[test]
fn a_budget_category_in_use_cannot_be_deleted() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    executing_2019(&mut story);
    let before = story.fingerprint();
    let err = story.on("2019-04-01").budget_category_delete("office").unwrap_err();
    assert!(err.to_string().contains("已在年度预算或科目上限中使用，不能删除"), "{err}");
    assert_eq!(story.fingerprint(), before);
    let books = story.on("2019-04-01");
    let added = books.budget_category_add("志愿者保险费").unwrap();
    books.budget_category_delete(&added.code).unwrap();
}

#[test]
fn an_adjustment_that_only_adds_zero_lines_is_no_change() {
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));
    let id = executing_2019(&mut story);
    let before = story.fingerprint();
    let err = story
        .on("2019-08-01")
        .budget_adjust(
            id,
            &AdjustmentInput {
                date: "2019-08-01".into(),
                reason: "核对".into(),
                lines: vec![
                    line("activity", "120000", "120000"),
                    line("publicity", "30000", "30000"),
                    line("office", "30000", "30000"),
                    line("training", "0", "0"),
                ],
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("预算没有变化"), "{err}");
    assert_eq!(story.fingerprint(), before);
}
