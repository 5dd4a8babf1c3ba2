//! Rule tables for grant years: each rule broken, with its id and Chinese message.

use chrono::NaiveDate;
use rstest::rstest;
use rust_decimal::Decimal;

use super::*;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn nanjing() -> PolicyProfile {
    PolicyProfile {
        id: 1,
        name: "南京市 2018 社联会试点".into(),
        effective_from: d("2018-01-01"),
        city_min: Money::from_yuan(150_000),
        city_max: Money::from_yuan(200_000),
        match_ratio: Decimal::ONE,
        max_years: 2,
        consecutive: true,
        arrears_warn_days: 90,
        caps_enabled: false,
        caps: vec![],
    }
}

fn rule_of(err: &CoreError) -> (&str, &str, &str) {
    let p = &err.problems()[0];
    (p.field.as_str(), p.rule.as_deref().unwrap_or(""), p.message.as_str())
}

#[rstest]
#[case::min(150_000, true)]
#[case::max(200_000, true)]
#[case::inside(180_000, true)]
#[case::below(149_999, false)]
#[case::above(210_000, false)]
fn r_band(#[case] yuan: i64, #[case] ok: bool) {
    let r = nanjing().check_band(Money::from_yuan(yuan));
    assert_eq!(r.is_ok(), ok);
    if let Err(e) = r {
        let (field, rule, msg) = rule_of(&e);
        assert_eq!((field, rule), ("cityAmount", "R-BAND"));
        assert!(msg.contains("150,000.00 元至 200,000.00 元"), "{msg}");
    }
}

#[test]
fn r_band_a_cent_over_is_refused() {
    assert!(nanjing().check_band(Money::parse("200000.01").unwrap()).is_err());
}

#[test]
fn r_match_is_computed_from_the_ratio() {
    let mut p = nanjing();
    assert_eq!(p.district_amount(Money::from_yuan(180_000)), Money::from_yuan(180_000));
    p.match_ratio = Decimal::new(5, 1);
    assert_eq!(p.district_amount(Money::parse("150000.01").unwrap()), Money::parse("75000.01").unwrap());
}

#[rstest]
#[case::first(&[], 2019, Ok(1))]
#[case::second_consecutive(&[2019], 2020, Ok(2))]
#[case::third(&[2019, 2020], 2021, Err("最多获得 2 个年度"))]
#[case::skipped(&[2019], 2021, Err("下一个年度只能是 2020 年"))]
#[case::earlier(&[2019], 2018, Err("下一个年度只能是 2020 年"))]
fn r_years(#[case] existing: &[i32], #[case] year: i32, #[case] expected: std::result::Result<u32, &str>) {
    match (nanjing().check_years(existing, year), expected) {
        (Ok(seq), Ok(want)) => assert_eq!(seq, want),
        (Err(e), Err(want)) => {
            let (field, rule, msg) = rule_of(&e);
            assert_eq!((field, rule), ("year", "R-YEARS"));
            assert!(msg.contains(want), "{msg}");
        }
        (got, want) => panic!("got {got:?}, wanted {want:?}"),
    }
}

#[test]
fn a_non_consecutive_profile_allows_a_gap_but_not_more_years() {
    let mut p = nanjing();
    p.consecutive = false;
    p.max_years = 3;
    assert_eq!(p.check_years(&[2019], 2021).unwrap(), 2);
    assert!(p.check_years(&[2019, 2021, 2023], 2024).is_err());
}

#[rstest]
#[case::no_recognition(None, "2019-03-01", "尚未登记认定日期")]
#[case::approved_before_recognition(Some("2019-05-01"), "2019-03-01", "早于本会的认定日期 2019-05-01")]
fn r_recog(#[case] recognized: Option<&str>, #[case] approval: &str, #[case] expected: &str) {
    let input = ApprovalInput { doc_no: "宁民发〔2019〕12号".into(), date: approval.into() };
    let err = input.validate(recognized.map(d), d("2026-11-26")).unwrap_err();
    let (field, rule, msg) = rule_of(&err);
    assert_eq!((field, rule), ("date", "R-RECOG"));
    assert!(msg.contains(expected), "{msg}");
}

#[test]
fn r_recog_same_day_is_fine() {
    let input = ApprovalInput { doc_no: "宁民发〔2019〕12号".into(), date: "2019-03-01".into() };
    assert_eq!(input.validate(Some(d("2019-03-01")), d("2026-11-26")).unwrap().1, d("2019-03-01"));
}

#[test]
fn r_receipt_names_the_excess() {
    let input = ReceiptInput {
        source: FundSource::District,
        date: "2019-04-01".into(),
        amount: "100000".into(),
        bank_ref: String::new(),
        note: String::new(),
    };
    let err = input.validate(d("2019-03-01"), d("2026-11-26"), Money::from_yuan(80_000)).unwrap_err();
    let (field, rule, msg) = rule_of(&err);
    assert_eq!((field, rule), ("amount", "R-RECEIPT"));
    assert!(msg.contains("区级配套尚应到账 80,000.00 元") && msg.contains("超出 20,000.00 元"), "{msg}");
}

#[rstest]
#[case::before_approval("2019-02-28", "不能早于批复日期")]
#[case::future("2026-11-27", "不能晚于今天")]
#[case::impossible("2019-02-30", "不存在")]
fn receipt_dates(#[case] date: &str, #[case] expected: &str) {
    let input = ReceiptInput {
        source: FundSource::City,
        date: date.into(),
        amount: "1000".into(),
        bank_ref: String::new(),
        note: String::new(),
    };
    let err = input.validate(d("2019-03-01"), d("2026-11-26"), Money::from_yuan(150_000)).unwrap_err();
    assert!(err.problems()[0].message.contains(expected), "{}", err.problems()[0].message);
}

fn line(cat: &str, city: i64, district: i64) -> BudgetAmounts {
    BudgetAmounts { category: cat.into(), city: Money::from_yuan(city), district: Money::from_yuan(district) }
}

#[test]
fn r_budget_sums_per_source_and_says_by_how_much() {
    let lines = [line("activity", 100_000, 120_000), line("office", 50_000, 20_000)];
    assert!(check_budget_sums(&lines, Money::from_yuan(150_000), Money::from_yuan(140_000)).is_ok());
    let err = check_budget_sums(&lines, Money::from_yuan(160_000), Money::from_yuan(130_000)).unwrap_err();
    let p = err.problems();
    assert_eq!(p.len(), 2);
    assert_eq!((p[0].field.as_str(), p[0].rule.as_deref()), ("cityTotal", Some("R-BUDGET")));
    assert!(p[0].message.contains("还差 10,000.00 元未分配"), "{}", p[0].message);
    assert!(p[1].message.contains("多出 10,000.00 元"), "{}", p[1].message);
}

#[test]
fn r_caps_off_by_default_and_enforced_when_on() {
    let mut p = nanjing();
    let lines = [line("office", 20_000, 20_000), line("activity", 130_000, 130_000)];
    let names = vec![("office".to_owned(), "办公费".to_owned())];
    let total = Money::from_yuan(300_000);
    assert!(check_caps(&p, &lines, total, &names).is_ok(), "caps are off by default");
    p.caps_enabled = true;
    p.caps = vec![CategoryCap { category: "office".into(), max_percent: 10 }];
    let err = check_caps(&p, &lines, total, &names).unwrap_err();
    let (_, rule, msg) = rule_of(&err);
    assert_eq!(rule, "R-CAPS");
    assert!(
        msg.contains("办公费不得超过年度资金总额的 10%（30,000.00 元），现在是 40,000.00 元，超出 10,000.00 元"),
        "{msg}"
    );
}

#[test]
fn budget_lines_point_at_the_bad_cell() {
    let cats = vec![("activity".to_owned(), "项目活动费".to_owned())];
    let input =
        [BudgetLineInput { category: "activity".into(), city_amount: "1,5000".into(), district_amount: "".into() }];
    let err = parse_budget_lines(&input, &cats).unwrap_err();
    assert_eq!(err.problems()[0].field, "lines.0.cityAmount");
    assert!(err.problems()[0].message.contains("千分位"), "{}", err.problems()[0].message);
}

#[rstest]
// City money on 03-01 and 06-01; district paid part in April: the clock runs from the first
// receipt whose matching is still uncovered.
#[case::none_paid(&[("2019-03-01", 150_000)], &[], "2019-07-01", Some((150_000, "2019-03-01", 122, true)))]
#[case::paid_in_full(&[("2019-03-01", 150_000)], &[("2019-04-01", 150_000)], "2019-07-01", None)]
#[case::partly(&[("2019-03-01", 100_000), ("2019-06-01", 50_000)], &[("2019-04-01", 100_000)], "2019-07-01", Some((50_000, "2019-06-01", 30, false)))]
#[case::no_city_yet(&[], &[], "2019-07-01", None)]
#[case::exactly_90_days(&[("2019-03-01", 150_000)], &[], "2019-05-30", Some((150_000, "2019-03-01", 90, false)))]
fn r_arrears(
    #[case] city: &[(&str, i64)],
    #[case] district: &[(&str, i64)],
    #[case] today: &str,
    #[case] expected: Option<(i64, &str, i64, bool)>,
) {
    let conv = |v: &[(&str, i64)]| v.iter().map(|(dd, y)| (d(dd), Money::from_yuan(*y))).collect::<Vec<_>>();
    let got = arrears(Decimal::ONE, &conv(city), &conv(district), d(today), 90);
    let want = expected.map(|(y, since, days, overdue)| Arrears {
        amount: Money::from_yuan(y),
        since: d(since),
        days,
        overdue,
    });
    assert_eq!(got, want);
}

#[rstest]
#[case::empty_amount("", "cityAmount", "请输入金额")]
#[case::letters("十五万", "cityAmount", "金额中不能有")]
#[case::negative("-150000", "cityAmount", "不能为负数")]
fn grant_year_fields(#[case] amount: &str, #[case] field: &str, #[case] expected: &str) {
    let input = GrantYearInput { year: 2019, city_amount: amount.into(), ..Default::default() };
    let err = input.validate().unwrap_err();
    assert_eq!(err.problems()[0].field, field);
    assert!(err.problems()[0].message.contains(expected), "{}", err.problems()[0].message);
}

#[test]
fn grant_year_defaults_to_the_calendar_year_and_accepts_wan() {
    let input = GrantYearInput { year: 2019, city_amount: "15万".into(), ..Default::default() };
    let v = input.validate().unwrap();
    assert_eq!((v.city, v.period_start, v.period_end), (Money::from_yuan(150_000), d("2019-01-01"), d("2019-12-31")));
}

#[test]
fn policy_input_is_checked() {
    let input = PolicyInput {
        name: "".into(),
        effective_from: "2026-01-01".into(),
        city_min: "20万".into(),
        city_max: "15万".into(),
        match_ratio: "1:1".into(),
        max_years: 0,
        consecutive: true,
        arrears_warn_days: 90,
        caps_enabled: false,
        caps: vec![],
    };
    let err = input.validate(&[]).unwrap_err();
    let fields: Vec<_> = err.problems().iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["name", "cityMax", "maxYears"]);
    let ok = PolicyInput { name: "新政策".into(), city_max: "25万".into(), max_years: 3, ..input };
    assert_eq!(ok.validate(&[]).unwrap().match_ratio, Decimal::ONE);
}
