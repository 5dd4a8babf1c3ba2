use chrono::NaiveDate;
use rstest::rstest;

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn code() -> String {
    credit_code::with_check_char("52320102MJ5000001").unwrap()
}

pub(crate) fn registered() -> MemberInput {
    MemberInput {
        name: "幸福志愿服务队".into(),
        legal_form: LegalForm::Registered,
        credit_code: code(),
        category_id: Some(1),
        community_id: Some(1),
        leader: "王芳".into(),
        phone: "13912345678".into(),
        founded_on: "2015-03-01".into(),
        joined_on: "2019-01-15".into(),
        party_building: PartyBuilding::Joint,
        ..MemberInput::default()
    }
}

fn filed() -> MemberInput {
    MemberInput {
        legal_form: LegalForm::Filed,
        credit_code: String::new(),
        filing_no: "ba-2019-001".into(),
        ..registered()
    }
}

#[test]
fn a_registered_member_is_cleaned_and_accepted() {
    let mut input = registered();
    input.name = "  幸福志愿服务队 ".into();
    input.phone = "１３９１２３４５６７８".into();
    let v = input.validate(today()).unwrap();
    assert_eq!(v.name, "幸福志愿服务队");
    assert_eq!(v.credit_code.as_deref(), Some(code().as_str()));
    assert_eq!(v.filing_no, None);
    assert_eq!(v.phone, "13912345678");
}

#[test]
fn a_filed_member_has_a_filing_number_and_no_code() {
    let v = filed().validate(today()).unwrap();
    assert_eq!(v.filing_no.as_deref(), Some("BA-2019-001"));
    assert_eq!(v.credit_code, None);
}

#[rstest]
#[case::name_missing(registered(), "name", "", "请输入单位名称")]
#[case::name_long(registered(), "name", &"长".repeat(101), "不超过100个字")]
#[case::code_missing(registered(), "creditCode", "", "请输入统一社会信用代码")]
#[case::code_short(registered(), "creditCode", "5232010", "应为18位")]
#[case::code_letter_o(registered(), "creditCode", "52320102MJ50000O1X", "不能有 O")]
#[case::filing_on_registered(registered(), "filingNo", "BA-1", "登记的组织不填备案编号")]
#[case::filing_missing(filed(), "filingNo", "", "请输入备案编号")]
#[case::code_on_filed(filed(), "creditCode", "52320102MJ5000001X", "备案的组织没有统一社会信用代码")]
#[case::phone_letters(registered(), "phone", "139abc", "联系电话只能包含数字")]
#[case::phone_short(registered(), "phone", "12345", "7至20位")]
#[case::leader_long(registered(), "leader", &"王".repeat(51), "负责人过长")]
#[case::founded_impossible(registered(), "foundedOn", "2019-02-30", "不存在或格式不对")]
#[case::founded_future(registered(), "foundedOn", "2026-11-27", "不能晚于今天")]
#[case::joined_missing(registered(), "joinedOn", "", "请输入加入日期")]
#[case::joined_garbage(registered(), "joinedOn", "去年", "不存在或格式不对")]
#[case::joined_before_founded(registered(), "joinedOn", "2014-01-01", "加入日期不能早于成立日期")]
#[case::left_without_withdrawal(registered(), "leftOn", "2020-01-01", "只有状态为“已退出”")]
#[case::notes_long(registered(), "notes", &"注".repeat(501), "备注过长")]
fn each_bad_field_is_refused_with_its_message(
    #[case] mut input: MemberInput,
    #[case] field: &str,
    #[case] value: &str,
    #[case] expected: &str,
) {
    let slot = match field {
        "name" => &mut input.name,
        "creditCode" => &mut input.credit_code,
        "filingNo" => &mut input.filing_no,
        "phone" => &mut input.phone,
        "leader" => &mut input.leader,
        "foundedOn" => &mut input.founded_on,
        "joinedOn" => &mut input.joined_on,
        "leftOn" => &mut input.left_on,
        "notes" => &mut input.notes,
        _ => unreachable!(),
    };
    *slot = value.into();
    let err = input.validate(today()).unwrap_err();
    let problems = err.problems();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].field, field);
    assert!(problems[0].message.contains(expected), "{}", problems[0].message);
}

#[test]
fn wrong_check_character_names_the_expected_one() {
    let good = code();
    let expected = good.chars().last().unwrap();
    let wrong = if expected == '0' { '1' } else { '0' };
    let mut input = registered();
    input.credit_code = format!("{}{wrong}", &good[..17]);
    let err = input.validate(today()).unwrap_err();
    assert!(err.problems()[0].message.contains(&format!("应为 {expected}")));
}

#[test]
fn missing_category_is_refused() {
    let mut input = registered();
    input.category_id = None;
    assert_eq!(input.validate(today()).unwrap_err().problems()[0].field, "categoryId");
}

#[rstest]
#[case::withdrawn_without_date(MemberStatus::Withdrawn, "", Some("请输入退出日期"))]
#[case::withdrawn_before_joining(MemberStatus::Withdrawn, "2018-12-31", Some("退出日期不能早于加入日期"))]
#[case::withdrawn_ok(MemberStatus::Withdrawn, "2021-06-30", None)]
#[case::suspended_ok(MemberStatus::Suspended, "", None)]
fn leaving_needs_a_date_after_joining(#[case] status: MemberStatus, #[case] left: &str, #[case] err: Option<&str>) {
    let mut input = registered();
    input.status = status;
    input.left_on = left.into();
    match (input.validate(today()), err) {
        (Ok(v), None) => assert_eq!(v.status, status),
        (Err(e), Some(msg)) => {
            assert_eq!(e.problems()[0].field, "leftOn");
            assert!(e.problems()[0].message.contains(msg), "{}", e.problems()[0].message);
        }
        (r, _) => panic!("unexpected {r:?}"),
    }
}

#[test]
fn a_code_not_from_civil_affairs_is_a_warning_not_a_refusal() {
    let mut input = registered();
    input.credit_code = credit_code::with_check_char("92320102MJ5000001").unwrap();
    let v = input.validate(today()).unwrap();
    let w = warnings(v.legal_form, v.credit_code.as_deref());
    assert_eq!(w.len(), 1);
    assert!(w[0].contains("第1位不是5"), "{}", w[0]);
    assert!(warnings(LegalForm::Registered, Some(&code())).is_empty());
}

fn member(inspection: Option<(i32, InspectionResult)>, rating: Option<(i32, u8)>) -> Member {
    Member {
        id: 1,
        name: "甲".into(),
        legal_form: LegalForm::Registered,
        credit_code: Some(code()),
        filing_no: None,
        category_id: 1,
        category: "公益服务类".into(),
        community_id: None,
        community: None,
        leader: String::new(),
        phone: String::new(),
        founded_on: None,
        joined_on: NaiveDate::from_ymd_opt(2019, 1, 1).unwrap(),
        left_on: None,
        status: MemberStatus::Active,
        party_building: PartyBuilding::None,
        notes: String::new(),
        latest_inspection: inspection.map(|(year, result)| Inspection { year, result }),
        latest_rating: rating.map(|(year, level)| Rating { year, level }),
        updated_at: String::new(),
    }
}

#[rstest]
#[case::nothing(None, None, None, false, false)]
#[case::passed(Some((2025, InspectionResult::Pass)), None, None, false, false)]
#[case::basic(Some((2025, InspectionResult::BasicPass)), None, None, false, false)]
#[case::failed(Some((2025, InspectionResult::Fail)), None, Some("2025年度年检不合格"), false, false)]
#[case::absent(Some((2024, InspectionResult::Absent)), None, Some("2024年度未参加年检"), false, false)]
#[case::rated_3a_valid(None, Some((2022, 3)), None, true, false)]
#[case::rated_5a_last_valid_year(None, Some((2022, 5)), None, true, false)]
#[case::rated_4a_expired(None, Some((2021, 4)), None, false, true)]
#[case::rated_2a_valid(None, Some((2025, 2)), None, false, false)]
#[case::failed_and_rated(Some((2025, InspectionResult::Fail)), Some((2025, 4)), Some("2025年度年检不合格"), true, false)]
fn eligibility_follows_inspection_and_rating(
    #[case] inspection: Option<(i32, InspectionResult)>,
    #[case] rating: Option<(i32, u8)>,
    #[case] flag: Option<&str>,
    #[case] priority: bool,
    #[case] expired: bool,
) {
    let e = eligibility(&member(inspection, rating), today());
    assert_eq!(e.flag_reason.as_deref(), flag);
    assert_eq!(e.priority, priority);
    assert_eq!(e.rating_expired, expired);
}

#[rstest]
#[case(1999, 3, "year")]
#[case(2027, 3, "year")]
#[case(2020, 0, "level")]
#[case(2020, 6, "level")]
fn ratings_outside_the_rules_are_refused(#[case] year: i32, #[case] level: u8, #[case] field: &str) {
    let err = validate_rating(&RatingInput { year, level }, today()).unwrap_err();
    assert_eq!(err.problems()[0].field, field);
}

#[test]
fn inspections_of_future_years_are_refused() {
    let err =
        validate_inspection(&InspectionInput { year: 2027, result: InspectionResult::Pass }, today()).unwrap_err();
    assert!(err.problems()[0].message.contains("2000年至2026年"));
}
