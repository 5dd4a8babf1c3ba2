//! The yearly cycle of DOMAIN.md §4, two years of it: year 1 approved, city funds arrive, the
//! district's matching arrives late (arrears shown, then cleared), a budget adjustment, year 1
//! closed, year 2 approved, a third year refused — and a later policy edit leaves year 1 alone.

mod common;

use common::{Story, assert_refused};
use shelian_core::Money;
use shelian_core::domain::grant::{
    AdjustmentInput, ApprovalInput, BudgetLineInput, FundSource, GrantStatus, GrantYearInput, PolicyInput, ReceiptInput,
};

fn line(cat: &str, city: &str, district: &str) -> BudgetLineInput {
    BudgetLineInput { category: cat.into(), city_amount: city.into(), district_amount: district.into() }
}

fn yuan(s: &str) -> Money {
    Money::parse(s).unwrap()
}

#[test]
fn two_funded_years_with_late_matching_an_adjustment_and_a_refused_third_year() {
    // 1. Recognized in October 2018.
    let mut story = Story::new("2019-01-05", Some("2018-10-15"));

    // 2. The application for 2019 (申报中): 180,000 from the city, matched 1:1.
    let y1 = story
        .on("2019-01-05")
        .grant_year_create(&GrantYearInput { year: 2019, city_amount: "180,000.00".into(), ..Default::default() })
        .unwrap();
    assert_eq!(y1.grant.status, GrantStatus::Applying);
    assert_eq!((y1.grant.sequence, y1.grant.district_amount, y1.total), (1, yuan("180000"), yuan("360000")));
    assert_eq!(y1.total_daxie, "叁拾陆万元整");
    let id1 = y1.grant.id;

    // 3. Approved on 1 March; the budget is drawn up and balanced; execution starts.
    story
        .on("2019-03-01")
        .grant_year_approve(id1, &ApprovalInput { doc_no: "宁民发〔2019〕36号".into(), date: "2019-03-01".into() })
        .unwrap();
    let books = story.on("2019-03-02");
    let draft =
        books.budget_set(id1, &[line("activity", "120000", "100000"), line("labor", "30000", "50000")]).unwrap();
    assert!(draft.next_steps.iter().any(|s| s.contains("编制预算")), "{:?}", draft.next_steps);
    books
        .budget_set(
            id1,
            &[
                line("activity", "120000", "100000"),
                line("labor", "30000", "50000"),
                line("training", "10000", "10000"),
                line("publicity", "10000", "10000"),
                line("office", "10000", "10000"),
            ],
        )
        .unwrap();
    let started = books.grant_year_start(id1).unwrap();
    assert_eq!(started.grant.status, GrantStatus::Executing);

    // 4. City funds arrive on 20 March; the district's do not.
    story.on("2019-03-20").receipt_add(id1, &receipt(FundSource::City, "2019-03-20", "180000")).unwrap();
    let spring = story.on("2019-05-01").home_overview().unwrap().current.unwrap();
    let a = spring.arrears.clone().expect("matching is owed");
    assert_eq!((a.amount, a.days, a.overdue), (yuan("180000"), 42, false));
    let summer = story.on("2019-07-01").home_overview().unwrap().current.unwrap();
    let a = summer.arrears.clone().expect("still owed");
    assert_eq!((a.amount, a.since, a.days, a.overdue), (yuan("180000"), common::d("2019-03-20"), 103, true));
    assert!(summer.next_steps.iter().any(|s| s.contains("催拨")), "{:?}", summer.next_steps);

    // Part of the matching arrives, then the rest: the arrears shrink, then clear.
    story.on("2019-07-10").receipt_add(id1, &receipt(FundSource::District, "2019-07-10", "100000")).unwrap();
    let partly = story.on("2019-07-11").grant_year(id1).unwrap();
    assert_eq!(partly.arrears.as_ref().map(|a| a.amount), Some(yuan("80000")));
    story.on("2019-07-25").receipt_add(id1, &receipt(FundSource::District, "2019-07-25", "8万")).unwrap();
    let cleared = story.on("2019-07-26").grant_year(id1).unwrap();
    assert_eq!(cleared.arrears, None);
    assert!(cleared.funds.iter().all(|f| f.outstanding.is_zero() && f.received == f.due));

    // 5. A budget adjustment in August: 5,000 of city money from publicity to training.
    let adjusted = story
        .on("2019-08-01")
        .budget_adjust(
            id1,
            &AdjustmentInput {
                date: "2019-08-01".into(),
                reason: "宣传改为线上，节余用于志愿者培训".into(),
                lines: vec![
                    line("activity", "120000", "100000"),
                    line("labor", "30000", "50000"),
                    line("training", "15000", "10000"),
                    line("publicity", "5000", "10000"),
                    line("office", "10000", "10000"),
                ],
            },
        )
        .unwrap();
    assert_eq!((adjusted.budget_city_total, adjusted.budget_district_total), (yuan("180000"), yuan("180000")));
    let adj = &adjusted.adjustments[0];
    assert_eq!(
        (adj.reason.as_str(), adj.operator.as_str(), adj.changes.len()),
        ("宣传改为线上，节余用于志愿者培训", "李静", 2)
    );
    let training = adj.changes.iter().find(|c| c.category == "training").unwrap();
    assert_eq!((training.source, training.before, training.after), (FundSource::City, yuan("10000"), yuan("15000")));

    // 6. Year 1 cannot close before its period ends; in January it can.
    let err = story.on("2019-12-31").grant_year_close(id1).unwrap_err();
    assert!(err.to_string().contains("2019-12-31 才结束"), "{err}");
    // Its books are settled first: months with vouchers are closed, in order, before 结项.
    let err = story.on("2020-01-06").grant_year_close(id1).unwrap_err();
    assert!(err.to_string().contains("2019年3月等 2 个月份还有凭证未结账"), "{err}");
    for month in ["2019-03", "2019-07"] {
        story.on("2020-01-06").month_close(month).unwrap();
    }
    assert_eq!(story.on("2020-01-06").grant_year_close(id1).unwrap().grant.status, GrantStatus::Closed);

    // 7. The policy is edited in 2020 (a higher band); year 1 keeps the profile it was decided under.
    let policy_before = story.books.grant_year(id1).unwrap().policy;
    story
        .on("2020-01-06")
        .policy_save(&PolicyInput {
            name: "南京市 2020 社联会试点".into(),
            effective_from: "2020-01-01".into(),
            city_min: "150000".into(),
            city_max: "250000".into(),
            match_ratio: "1".into(),
            max_years: 2,
            consecutive: true,
            arrears_warn_days: 60,
            caps_enabled: false,
            caps: vec![],
        })
        .unwrap();
    assert_eq!(story.books.grant_year(id1).unwrap().policy, policy_before);

    // 8. Year 2 under the new profile: 220,000 is now inside the band.
    let y2 = story
        .on("2020-01-08")
        .grant_year_create(&GrantYearInput { year: 2020, city_amount: "22万".into(), ..Default::default() })
        .unwrap();
    assert_eq!(
        (y2.grant.sequence, y2.policy.name.as_str(), y2.grant.district_amount),
        (2, "南京市 2020 社联会试点", yuan("220000"))
    );
    story
        .on("2020-03-02")
        .grant_year_approve(
            y2.grant.id,
            &ApprovalInput { doc_no: "宁民发〔2020〕18号".into(), date: "2020-03-02".into() },
        )
        .unwrap();

    // 9. A third year is refused, and nothing is written.
    let before = story.fingerprint();
    let err = story
        .on("2021-01-05")
        .grant_year_create(&GrantYearInput { year: 2021, city_amount: "180000".into(), ..Default::default() })
        .unwrap_err();
    assert_refused(err, "R-YEARS", "year", "最多获得 2 个年度的资助");
    assert_eq!(story.fingerprint(), before);

    // The home page follows the open year, and the audit log has every step.
    let home = story.books.home_overview().unwrap();
    assert_eq!(home.current.map(|c| c.grant.year), Some(2020));
    assert_eq!(home.years.len(), 2);
    assert_eq!(home.current_vouchers, 0, "2020's books hold no voucher yet");
    let log = story.books.audit_recent(100).unwrap();
    for entity in ["federation", "grant_year", "budget", "fund_receipt", "budget_adjustment", "policy_profile"] {
        assert!(log.iter().any(|e| e.entity == entity), "no audit row for {entity}");
    }
}

fn receipt(source: FundSource, date: &str, amount: &str) -> ReceiptInput {
    ReceiptInput {
        source,
        date: date.into(),
        amount: amount.into(),
        bank_ref: format!("{date} 回单"),
        note: String::new(),
    }
}
