use super::*;
use crate::domain::member::{LegalForm, PartyBuilding};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn cats() -> Vec<(String, String)> {
    vec![("activity".into(), "项目活动费".into()), ("labor".into(), "人员劳务费".into())]
}

fn input() -> ProjectInput {
    ProjectInput {
        grant_year_id: 1,
        name: "银龄助餐".into(),
        member_id: 7,
        category: "生活服务类".into(),
        community_ids: vec![2, 1, 2],
        agreement_no: "ＸＹ-2020-01".into(),
        signed_on: "2020-04-01".into(),
        starts_on: "2020-04-01".into(),
        ends_on: "2020-11-30".into(),
        splits: vec![
            SplitInput { category: "activity".into(), source: FundSource::City, amount: "30000".into() },
            SplitInput { category: "labor".into(), source: FundSource::District, amount: "1.2万".into() },
        ],
        beneficiaries: "1200".into(),
        sessions: "40".into(),
        volunteer_hours: "300.5".into(),
        custom_targets: vec![CustomTargetInput {
            name: "助餐服务".into(), unit: "份".into(), target: "5000".into()
        }],
        override_reason: String::new(),
    }
}

const PERIOD: (NaiveDate, NaiveDate) =
    (NaiveDate::from_ymd_opt(2020, 1, 1).unwrap(), NaiveDate::from_ymd_opt(2020, 12, 31).unwrap());

#[test]
fn a_good_agreement_is_cleaned_and_summed() {
    let v = input().validate(PERIOD, &cats(), d("2020-06-01")).unwrap();
    assert_eq!(v.community_ids, [1, 2]);
    assert_eq!(v.agreement_no, "XY-2020-01");
    assert_eq!(v.agreed(), Money::from_yuan(42_000));
    assert_eq!(v.targets.len(), 4);
    assert_eq!(v.targets[2].target.to_string(), "300.5");
    assert_eq!((v.targets[3].name.as_str(), v.targets[3].unit.as_str()), ("助餐服务", "份"));
}

#[test]
fn bad_agreements_say_what_is_wrong_field_by_field() {
    let bad = ProjectInput {
        name: "".into(),
        community_ids: vec![],
        starts_on: "2019-12-01".into(),
        splits: vec![
            SplitInput { category: "activity".into(), source: FundSource::City, amount: "1".into() },
            SplitInput { category: "activity".into(), source: FundSource::City, amount: "2".into() },
            SplitInput { category: "nope".into(), source: FundSource::City, amount: "2".into() },
        ],
        sessions: "4.5".into(),
        ..input()
    };
    let e = bad.validate(PERIOD, &cats(), d("2020-06-01")).unwrap_err();
    let messages: Vec<&str> = e.problems().iter().map(|p| p.message.as_str()).collect();
    assert!(messages.contains(&"请填写项目名称（不超过40个字）"));
    assert!(messages.contains(&"请选择服务的社区（至少一个）"));
    assert!(messages.contains(&"项目须在资助执行期（2020-01-01 至 2020-12-31）内实施"));
    assert!(messages.contains(&"第2行：项目活动费（市级专项资金）重复填写，请合并为一行"));
    assert!(messages.contains(&"第3行：请选择预算科目"));
    assert!(messages.contains(&"服务场次目标：请填写整数"));
    let late = ProjectInput { signed_on: "2020-04-02".into(), ..input() };
    let e = late.validate(PERIOD, &cats(), d("2020-06-01")).unwrap_err();
    assert_eq!(e.problems()[0].message, "协议应在项目开始前（或当天）签订");
}

fn member(status: MemberStatus, joined: &str) -> Member {
    Member {
        id: 7,
        name: "幸福志愿服务队".into(),
        legal_form: LegalForm::Filed,
        credit_code: None,
        filing_no: Some("BA-001".into()),
        category_id: 1,
        category: "公益服务类".into(),
        community_id: None,
        community: None,
        leader: "王芳".into(),
        phone: String::new(),
        founded_on: None,
        joined_on: d(joined),
        left_on: None,
        status,
        party_building: PartyBuilding::None,
        notes: String::new(),
        latest_inspection: None,
        latest_rating: None,
        updated_at: String::new(),
    }
}

#[test]
fn r_project_the_undertaker_is_an_active_member_when_signing() {
    let signed = d("2020-04-01");
    assert!(check_undertaker(&member(MemberStatus::Active, "2019-01-01"), signed, None, "").is_ok());
    let e = check_undertaker(&member(MemberStatus::Suspended, "2019-01-01"), signed, None, "").unwrap_err();
    assert_eq!(e.problems()[0].rule.as_deref(), Some("R-PROJECT"));
    assert_eq!(e.problems()[0].message, "“幸福志愿服务队”当前状态为“暂停”，不能承接服务项目");
    let e = check_undertaker(&member(MemberStatus::Active, "2020-05-01"), signed, None, "").unwrap_err();
    assert_eq!(
        e.problems()[0].message,
        "“幸福志愿服务队”于 2020-05-01 加入本会，协议签订日 2020-04-01 时还不是成员单位"
    );
    // Flagged: a reason is required, then accepted.
    let e = check_undertaker(&member(MemberStatus::Active, "2019-01-01"), signed, Some("2019年度年检不合格"), "")
        .unwrap_err();
    assert_eq!(e.problems()[0].field, "overrideReason");
    assert!(check_undertaker(&member(MemberStatus::Active, "2019-01-01"), signed, Some("x"), "已整改").is_ok());
}

#[test]
fn r_project_agreements_fit_the_line_and_payments_fit_the_agreement() {
    let y = Money::from_yuan;
    let line = LineCommitment { budget: y(100_000), spent_outside: y(20_000), other_projects: y(50_000) };
    assert!(check_agreement_fits(line, y(30_000), "项目活动费", FundSource::City).is_none());
    let p = check_agreement_fits(line, y(35_000), "项目活动费", FundSource::City).unwrap();
    assert_eq!(p.rule.as_deref(), Some("R-PROJECT"));
    assert_eq!(
        p.message,
        "项目活动费（市级专项资金）预算 100,000.00 元，项目外已支出 20,000.00 元，其他项目已约定 50,000.00 元，尚可约定 30,000.00 元；本项目约定 35,000.00 元，超出 5,000.00 元"
    );
    assert!(check_payment(Some(y(30_000)), y(20_000), y(10_000), "银龄助餐", "项目活动费", FundSource::City).is_ok());
    let e =
        check_payment(Some(y(30_000)), y(20_000), y(10_001), "银龄助餐", "项目活动费", FundSource::City).unwrap_err();
    assert_eq!(
        e.problems()[0].message,
        "“银龄助餐”在项目活动费（市级专项资金）上约定 30,000.00 元，已支付 20,000.00 元，尚可支付 10,000.00 元；本次 10,001.00 元超出 1.00 元"
    );
    let e = check_payment(None, Money::ZERO, y(1), "银龄助餐", "人员劳务费", FundSource::City).unwrap_err();
    assert_eq!(e.problems()[0].field, "category");
}

#[test]
fn activities_count_whole_people_and_tenths_of_hours() {
    let a = ActivityInput {
        project_id: 1,
        held_on: "2020-05-10".into(),
        title: "助餐服务".into(),
        participants: "８０".into(),
        volunteers: "".into(),
        volunteer_hours: "12.5".into(),
        indicators: vec![IndicatorValueInput { target_id: 9, value: "300".into() }],
        ..Default::default()
    };
    let v = a.validate(PERIOD, &[9], d("2020-06-01")).unwrap();
    assert_eq!((v.participants, v.volunteers, v.volunteer_tenths), (80, 0, 125));
    assert_eq!(v.indicators, [(9, Decimal::from(300))]);
    let bad =
        ActivityInput { participants: "3.5".into(), volunteer_hours: "1.25".into(), held_on: "2021-01-01".into(), ..a };
    let e = bad.validate(PERIOD, &[9], d("2021-06-01")).unwrap_err();
    let fields: Vec<&str> = e.problems().iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["heldOn", "participants", "volunteerHours"]);
}

#[test]
fn progress_is_a_share_of_the_target() {
    assert_eq!(progress_percent(Decimal::from(85), Decimal::from(100)), "85.0%");
    assert_eq!(progress_percent(Decimal::from(1), Decimal::from(3)), "33.3%");
    assert_eq!(progress_percent(Decimal::from(5), Decimal::ZERO), "—");
    assert_eq!(parse_quantity("1,200", 0), Ok(Decimal::from(1200)));
    assert_eq!(parse_quantity("-1", 0), Err(BadQuantity::Negative));
    assert_eq!(parse_quantity("1.5", 0).unwrap_err().to_string(), "请填写整数");
}
