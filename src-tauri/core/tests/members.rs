//! Member organizations through the facade on an in-memory database: uniqueness, joining and
//! leaving, inspections and ratings, the lists, the list query, and imports from the committed
//! fixtures (tests/fixtures/members, written by `examples/member_fixtures.rs`).

use std::path::PathBuf;

use chrono::NaiveDate;
use shelian_core::books::{ImportAction, ImportReport};
use shelian_core::demo::{self, DemoScale};
use shelian_core::domain::member::{
    InspectionFilter, InspectionInput, InspectionResult, LegalForm, MemberInput, MemberQuery, MemberSort, MemberStatus,
    PartyBuilding, RatingInput, SignalFilter,
};
use shelian_core::store::members::List;
use shelian_core::{Books, Clock, CoreError, OpenOptions, credit_code};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 6, 1).unwrap()
}

fn books() -> Books {
    let clock = Clock::Fixed(today().and_hms_opt(9, 0, 0).unwrap());
    Books::open_in_memory(OpenOptions { operator: "测试员".into(), clock, attachments_dir: None }).unwrap()
}

fn code(n: u32) -> String {
    credit_code::with_check_char(&format!("52320102MJ{:07}", 7_000_000 + n)).unwrap()
}

fn input(name: &str, n: u32) -> MemberInput {
    MemberInput {
        name: name.into(),
        legal_form: LegalForm::Registered,
        credit_code: code(n),
        category_id: Some(1),
        leader: "王芳".into(),
        phone: "13912345678".into(),
        joined_on: "2018-03-01".into(),
        party_building: PartyBuilding::Joint,
        ..MemberInput::default()
    }
}

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/members").join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn message(e: &CoreError, field: &str) -> String {
    e.problems().iter().find(|p| p.field == field).map(|p| p.message.clone()).unwrap_or_default()
}

#[test]
fn create_edit_and_one_audit_row_each() {
    let mut b = books();
    let audit = b.audit_count().unwrap();
    let d = b.member_create(&input("幸福志愿服务队", 1)).unwrap();
    assert_eq!(d.member.category, "公益服务类");
    let mut edit = input("幸福志愿服务队", 1);
    edit.leader = "李静".into();
    let d2 = b.member_update(d.member.id, &edit).unwrap();
    assert_eq!(d2.member.leader, "李静");
    assert_eq!(b.audit_count().unwrap(), audit + 2);
}

#[test]
fn names_codes_and_filing_numbers_are_unique_and_the_refusal_names_the_holder() {
    let mut b = books();
    b.member_create(&input("幸福志愿服务队", 1)).unwrap();
    let e = b.member_create(&input("幸福志愿服务队", 2)).unwrap_err();
    assert!(message(&e, "name").contains("“幸福志愿服务队”"), "{e:?}");
    let e = b.member_create(&input("另一个队", 1)).unwrap_err();
    assert!(message(&e, "creditCode").contains("“幸福志愿服务队”"), "{e:?}");
    let filed = |name: &str| MemberInput {
        legal_form: LegalForm::Filed,
        credit_code: String::new(),
        filing_no: "BA-1".into(),
        ..input(name, 9)
    };
    b.member_create(&filed("备案甲")).unwrap();
    let e = b.member_create(&filed("备案乙")).unwrap_err();
    assert!(message(&e, "filingNo").contains("“备案甲”"), "{e:?}");
    // Editing a member does not collide with itself.
    let d = b.members_list(&MemberQuery { search: "备案甲".into(), page_size: 10, ..Default::default() }).unwrap();
    b.member_update(d.rows[0].member.id, &filed("备案甲")).unwrap();
}

#[test]
fn a_withdrawn_member_keeps_its_history_and_its_years() {
    let mut b = books();
    let d = b.member_create(&input("早退协会", 1)).unwrap();
    b.member_inspection_record(d.member.id, &InspectionInput { year: 2018, result: InspectionResult::Pass }).unwrap();
    let mut leave = input("早退协会", 1);
    leave.status = MemberStatus::Withdrawn;
    leave.left_on = "2018-12-31".into();
    let d = b.member_update(d.member.id, &leave).unwrap();
    assert_eq!(d.inspections.len(), 1);
    let names = |year| b.members_active_in_year(year).unwrap().into_iter().map(|m| m.name).collect::<Vec<_>>();
    assert_eq!(names(2017), Vec::<String>::new(), "joined in 2018");
    assert_eq!(names(2018), vec!["早退协会".to_owned()]);
    assert_eq!(names(2019), Vec::<String>::new(), "left at the end of 2018");
}

#[test]
fn a_failed_inspection_flags_and_a_valid_3a_rating_gives_priority() {
    let mut b = books();
    let id = b.member_create(&input("甲", 1)).unwrap().member.id;
    let d = b.member_inspection_record(id, &InspectionInput { year: 2018, result: InspectionResult::Fail }).unwrap();
    assert_eq!(d.eligibility.flag_reason.as_deref(), Some("2018年度年检不合格"));
    let d = b.member_inspection_record(id, &InspectionInput { year: 2018, result: InspectionResult::Pass }).unwrap();
    assert_eq!(d.eligibility.flag_reason, None, "a corrected result replaces the year's result");
    assert_eq!(d.inspections.len(), 1);
    let d = b.member_rating_record(id, &RatingInput { year: 2014, level: 4 }).unwrap();
    assert!(d.eligibility.rating_expired && !d.eligibility.priority);
    let d = b.member_rating_record(id, &RatingInput { year: 2017, level: 3 }).unwrap();
    assert!(d.eligibility.priority && !d.eligibility.rating_expired);
}

#[test]
fn a_list_entry_in_use_cannot_be_deleted() {
    let mut b = books();
    let c = b.list_add(List::Community, "幸福社区").unwrap();
    let e = b.list_add(List::Community, " 幸福社区 ").unwrap_err();
    assert!(message(&e, "name").contains("已经在列表中"));
    let mut m = input("甲", 1);
    m.community_id = Some(c.id);
    b.member_create(&m).unwrap();
    let e = b.list_delete(List::Community, c.id).unwrap_err();
    assert!(message(&e, "id").contains("还有1个成员单位在用"), "{e:?}");
    let e = b.list_delete(List::Category, 1).unwrap_err();
    assert!(message(&e, "id").contains("公益服务类"), "{e:?}");
    let other = b.list_add(List::Category, "环保类").unwrap();
    b.list_delete(List::Category, other.id).unwrap();
    assert_eq!(b.list_entries(List::Category).unwrap().len(), 6);
}

#[test]
fn the_list_searches_filters_sorts_and_pages_in_sql() {
    let mut b = books();
    demo::generate(&mut b, DemoScale { members: 120 }, 7).unwrap();
    let all = b.members_list(&MemberQuery { page_size: 50, ..Default::default() }).unwrap();
    assert_eq!((all.total, all.rows.len()), (120, 50));
    let page3 = b.members_list(&MemberQuery { page: 3, page_size: 50, ..Default::default() }).unwrap();
    assert_eq!(page3.rows.len(), 20);
    let names: Vec<_> = all.rows.iter().map(|r| r.member.name.clone()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);

    let filed = b
        .members_list(&MemberQuery { legal_form: Some(LegalForm::Filed), page_size: 500, ..Default::default() })
        .unwrap();
    assert!(filed.total > 0 && filed.rows.iter().all(|r| r.member.legal_form == LegalForm::Filed));
    let flagged = b
        .members_list(&MemberQuery { signal: Some(SignalFilter::Flagged), page_size: 500, ..Default::default() })
        .unwrap();
    assert!(flagged.total > 0 && flagged.rows.iter().all(|r| r.eligibility.flag_reason.is_some()));
    let failed = b
        .members_list(&MemberQuery { inspection: Some(InspectionFilter::Fail), page_size: 500, ..Default::default() })
        .unwrap();
    assert!(failed.total > 0 && failed.total < flagged.total);
    let priority = b
        .members_list(&MemberQuery { signal: Some(SignalFilter::Priority), page_size: 500, ..Default::default() })
        .unwrap();
    assert!(priority.total > 0 && priority.rows.iter().all(|r| r.eligibility.priority));
    let one = &all.rows[3].member;
    let by_code = one.credit_code.clone().or(one.filing_no.clone()).unwrap();
    let found = b
        .members_list(&MemberQuery { search: by_code[2..12].to_owned(), page_size: 10, ..Default::default() })
        .unwrap();
    assert!(found.rows.iter().any(|r| r.member.id == one.id));
    let by_leader =
        b.members_list(&MemberQuery { search: one.leader.clone(), page_size: 500, ..Default::default() }).unwrap();
    assert!(by_leader.rows.iter().all(|r| r.member.leader.contains(&one.leader)));
    let cat = b
        .members_list(&MemberQuery {
            category_id: Some(3),
            sort: MemberSort::JoinedOn,
            descending: true,
            page_size: 500,
            ..Default::default()
        })
        .unwrap();
    assert!(cat.rows.windows(2).all(|w| w[0].member.joined_on >= w[1].member.joined_on));
    assert!(cat.rows.iter().all(|r| r.member.category == "调解治理类"));
    let unrated = b.members_list(&MemberQuery { rating: Some(0), page_size: 500, ..Default::default() }).unwrap();
    assert!(unrated.rows.iter().all(|r| r.member.latest_rating.is_none()));
    let withdrawn = b
        .members_list(&MemberQuery { status: Some(MemberStatus::Withdrawn), page_size: 500, ..Default::default() })
        .unwrap();
    assert!(withdrawn.total > 0);
}

fn counts(b: &Books) -> Vec<(&'static str, i64)> {
    b.member_table_counts().unwrap()
}

#[test]
fn the_clean_roster_imports_and_a_second_import_changes_nothing() {
    let mut b = books();
    let bytes = fixture("clean.xlsx");
    let preview = b.members_import_preview("clean.xlsx", &bytes).unwrap();
    assert_eq!(preview.problems, vec![], "{preview:?}");
    assert_eq!((preview.rows, preview.added, preview.updated), (6, 6, 0));
    assert_eq!(preview.new_communities, vec!["幸福社区", "梅园社区", "兰苑社区"]);
    assert_eq!(counts(&b)[0], ("member", 0), "a preview writes nothing");
    let done = b.members_import("clean.xlsx", &bytes).unwrap();
    assert!(done.applied);
    let list = b.members_list(&MemberQuery { page_size: 50, ..Default::default() }).unwrap();
    assert_eq!(list.total, 6);
    let first = list.rows.iter().find(|r| r.member.name == "幸福家园志愿服务队").unwrap();
    assert_eq!(first.member.phone, "13912345670", "a phone stored as a number keeps its digits");
    assert_eq!(first.member.joined_on.to_string(), "2019-01-15", "a date cell is read as a date");
    assert_eq!(first.member.credit_code.as_deref().map(str::is_ascii), Some(true));
    let filed = list.rows.iter().find(|r| r.member.name == "老娘舅调解工作室").unwrap();
    assert_eq!((filed.member.legal_form, filed.member.filing_no.as_deref()), (LegalForm::Filed, Some("BA-2018-007")));
    assert_eq!(filed.member.founded_on.map(|d| d.to_string()).as_deref(), Some("2017-06-01"));

    let again = b.members_import_preview("clean.xlsx", &bytes).unwrap();
    assert_eq!((again.added, again.updated, again.unchanged), (0, 0, 6));
    assert!(again.items.iter().all(|i| i.action == ImportAction::Unchanged));
    let before = counts(&b);
    b.members_import("clean.xlsx", &bytes).unwrap();
    assert_eq!(counts(&b), before, "re-importing the same file creates nothing");
}

#[test]
fn an_edited_row_is_an_update_matched_on_its_code() {
    let mut b = books();
    b.member_create(&MemberInput { community_id: None, ..input("旧名称志愿队", 1) }).unwrap();
    let csv = format!("单位名称,统一社会信用代码,类别,加入日期\n新名称志愿队,{},公益服务类,2018-03-01\n", code(1));
    let r = b.members_import("x.csv", csv.as_bytes()).unwrap();
    assert_eq!((r.added, r.updated, r.applied), (0, 1, true), "{r:?}");
    let list = b.members_list(&MemberQuery { page_size: 5, ..Default::default() }).unwrap();
    assert_eq!(list.rows[0].member.name, "新名称志愿队");
    assert_eq!(list.rows[0].member.leader, "王芳", "a column the sheet lacks is kept");
}

fn problem_at(report: &ImportReport, row: u32) -> Vec<(String, String)> {
    report.problems.iter().filter(|p| p.row == row).map(|p| (p.column.clone(), p.message.clone())).collect()
}

#[test]
fn the_dirty_roster_is_refused_whole_with_a_problem_per_row() {
    let mut b = books();
    b.member_create(&input("已有单位", 1)).unwrap();
    let before = counts(&b);
    let r = b.members_import("dirty.xlsx", &fixture("dirty.xlsx")).unwrap();
    assert!(!r.applied);
    assert_eq!(counts(&b), before, "a refused import writes nothing in any member table");
    let expect: [(u32, &str, &str); 10] = [
        (2, "单位名称", "请输入单位名称"),
        (3, "统一社会信用代码", "校验位不正确"),
        (4, "类别", "类别“环保类”不在类别列表中"),
        (5, "统一社会信用代码", "备案的组织没有统一社会信用代码"),
        (6, "成立日期", "不存在或格式不对"),
        (7, "单位名称", "与第4行重复"),
        (8, "联系电话", "联系电话只能包含数字"),
        (9, "加入日期", "请输入加入日期"),
        (10, "统一社会信用代码", "请填写统一社会信用代码（已登记的组织）或备案编号"),
        (11, "党建覆盖", "党建覆盖“有党员”无法识别"),
    ];
    for (row, column, needle) in expect {
        let found = problem_at(&r, row);
        assert!(found.iter().any(|(c, m)| c == column && m.contains(needle)), "row {row}: {found:?}");
    }
    let sheet = b.members_import_problems_xlsx(&r.problems).unwrap();
    let grid = shelian_core::sheets::read("e.xlsx", &sheet).unwrap();
    assert_eq!(grid.rows[1].1, vec!["行", "列", "问题"]);
    assert_eq!(grid.rows.len(), r.problems.len() + 2);
}

#[test]
fn a_gbk_csv_imports() {
    let mut b = books();
    let r = b.members_import("gbk.csv", &fixture("gbk.csv")).unwrap();
    assert!(r.applied, "{:?}", r.problems);
    assert_eq!((r.rows, r.added), (3, 3));
    let list = b.members_list(&MemberQuery { search: "松风".into(), page_size: 5, ..Default::default() }).unwrap();
    assert_eq!(list.rows[0].member.filing_no.as_deref(), Some("BA-2019-021"));
    assert_eq!(list.rows[0].member.community.as_deref(), Some("松风社区"));
}

#[test]
fn a_file_that_is_not_a_roster_is_refused_with_a_message() {
    let b = books();
    let e = b.members_import_preview("x.xlsx", b"garbage").unwrap_err();
    assert_eq!(e.problems()[0].field, "file");
    let r = b.members_import_preview("x.csv", "负责人,电话\n王,1\n".as_bytes()).unwrap();
    assert!(r.problems[0].message.contains("找不到“单位名称”列"));
}

#[test]
fn ten_thousand_rows_import_in_one_transaction() {
    let mut b = books();
    let bytes = demo::roster_xlsx(DemoScale::CITY, 11).unwrap();
    let r = b.members_import("city.xlsx", &bytes).unwrap();
    assert!(r.applied, "{:?}", &r.problems[..r.problems.len().min(5)]);
    assert_eq!(r.added, 10_000);
    let list = b.members_list(&MemberQuery { page_size: 20, ..Default::default() }).unwrap();
    assert_eq!(list.total, 10_000);
}

#[test]
fn template_and_roster_read_back() {
    let mut b = books();
    let t = b.members_template_xlsx().unwrap();
    let grid = shelian_core::sheets::read("t.xlsx", &t).unwrap();
    assert_eq!(grid.rows[1].1[0], "单位名称");
    // The template's example row imports as-is (after the category and date columns are read).
    let r = b.members_import_preview("t.xlsx", &t).unwrap();
    assert_eq!(r.problems, vec![], "{r:?}");
    demo::generate(&mut b, DemoScale::STREET, 1).unwrap();
    let roster = b.members_roster_xlsx().unwrap();
    let grid = shelian_core::sheets::read("r.xlsx", &roster).unwrap();
    assert_eq!(grid.rows.len(), 62);
    assert!(grid.rows[2].1[7].chars().all(|c| c.is_ascii_digit()), "phones as text");
}
