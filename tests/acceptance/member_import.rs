//! A secretary imports the rosters a street office actually hands over (issue #11): an `.xlsx` with
//! a title row above the header, header variants, a blank row, codes with spaces, full-width
//! characters and lower case, phones stored as numbers — and no 加入日期 column; a GBK `.csv` from
//! Excel on a Chinese Windows, with names such as 周堃. Each roster is made here, in the shape of the
//! real thing. Also: the same name twice in one file, and a filed organization without its number.

mod common;

use common::Story;
use rust_xlsxwriter::{Format, Workbook};
use shelian_core::Books;
use shelian_core::books::{ImportProgress, ImportReport, ImportStage};
use shelian_core::credit_code::with_check_char;
use shelian_core::domain::member::{LegalForm, MemberQuery};
use shelian_core::domain::member_import::{ImportOptions, ImportProblem};

fn code(n: u32) -> String {
    with_check_char(&format!("52320102MJ{:07}", 4_100_000 + n)).expect("valid code")
}

/// Full-width digits and letters, as a Chinese input method types them.
fn wide(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c }).collect()
}

/// A cell of the street roster: text, or a number as Excel stores a typed phone.
enum V {
    T(String),
    N(f64),
}

fn t(s: &str) -> V {
    V::T(s.into())
}

/// 梅园新村街道's roster as the street office keeps it: a title row and a note above the header,
/// the header in the office's own words, no 加入日期 column, a blank row in the middle.
fn street_roster() -> Vec<u8> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "梅园新村街道社区社会组织名册（2026年）").unwrap();
    sheet.write_string(1, 0, "填报单位：梅园新村街道社区服务中心").unwrap();
    let header = ["序号", "组织名称", "信用代码", "备案号", "类型", "社区", "负责人", "电话", "成立日期", "备注"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let spaced = {
        let c = code(1);
        format!(" {} {} ", &c[..9], &c[9..])
    };
    let rows: Vec<Vec<V>> = vec![
        vec![
            t("1"),
            t("  幸福家园志愿服务队 "),
            V::T(spaced),
            t(""),
            t("公益服务类"),
            t("梅园社区"),
            t("王芳"),
            V::N(13912345601.0),
            t("2015-03-01"),
            t(""),
        ],
        vec![
            t("2"),
            t("银龄互助会"),
            V::T(wide(&code(2))),
            t(""),
            t("慈善互助类"),
            t("梅园社区"),
            t("周堃"),
            V::N(13912345602.0),
            t("2016/5/8"),
            t(""),
        ],
        vec![t(""), t(""), t(""), t(""), t(""), t(""), t(""), t(""), t(""), t("")],
        vec![
            t("3"),
            t("老娘舅调解工作室"),
            t(""),
            t("ba-2018-007"),
            t("调解治理类"),
            t("兰园社区"),
            t("张伟"),
            V::N(2584561234.0),
            t("2017年6月1日"),
            t("街道备案"),
        ],
        vec![
            t("4"),
            t("彩虹文体协会"),
            V::T(code(4).to_lowercase()),
            t(""),
            t("文体活动类"),
            t("兰园社区"),
            t("刘敏"),
            V::N(13912345604.0),
            t(""),
            t("广场舞、合唱"),
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 3, c as u16);
            match v {
                V::T(s) if s.is_empty() => {}
                V::T(s) => {
                    sheet.write_string(r, c, s).unwrap();
                }
                V::N(f) => {
                    sheet.write_number_with_format(r, c, *f, &Format::new().set_num_format("0")).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// The roster of 竹林社区 saved by Excel as CSV on a Chinese Windows: GBK, CRLF, no 加入日期.
fn gbk_roster() -> Vec<u8> {
    let text = format!(
        "单位名称,统一社会信用代码,备案编号,类别,所属社区,负责人,联系电话,成立时间\r\n\
         竹林读书会,{},,文体活动类,竹林社区,周堃,13800000001,2014-04-04\r\n\
         松风巡防队,,BA-2019-021,调解治理类,松风社区,黄霞,025-84000001,\r\n\
         ,,,,,,,\r\n\
         桂花助老服务社,{},,生活服务类,桂花社区,王喆,13800000003,2012-12-12\r\n",
        code(40),
        code(41)
    );
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable, "every name has a GBK code");
    bytes.into_owned()
}

fn choose(date: &str) -> ImportOptions {
    ImportOptions { joined_on: date.into(), joined_on_from_founded: false }
}

fn at(report: &ImportReport, row: u32) -> Vec<&ImportProblem> {
    report.problems.iter().filter(|p| p.row == row).collect()
}

fn member(books: &Books, name: &str) -> shelian_core::domain::member::Member {
    let page = books.members_list(&MemberQuery { search: name.into(), page_size: 5, ..Default::default() }).unwrap();
    page.rows.into_iter().map(|r| r.member).find(|m| m.name == name).unwrap_or_else(|| panic!("{name} imported"))
}

#[test]
fn a_street_roster_without_a_join_date_column_imports_with_the_date_chosen_once() {
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    let bytes = street_roster();

    // Asked nothing yet: the preview says the column is missing and what to do, and would write nothing.
    let before = story.fingerprint();
    let first = story.books.members_import_preview("名册.xlsx", &bytes).unwrap();
    assert!(first.joined_on_missing && first.founded_on_column, "{first:?}");
    assert_eq!(first.problems.len(), 1, "{:?}", first.problems);
    assert_eq!((first.problems[0].row, first.problems[0].column.as_str()), (3, "加入日期"));
    assert!(first.problems[0].message.contains("请在导入向导中选择要记录的加入日期"));
    assert_eq!(first.rows, 4, "the title, the note and the blank row are not data");
    let refused = story.books.members_import("名册.xlsx", &bytes).unwrap();
    assert!(!refused.applied);
    assert_eq!(story.fingerprint(), before, "without the date nothing is written");

    // A date in the future is refused once, for the file.
    let future = story.books.members_import_preview_with("名册.xlsx", &bytes, &choose("2027-01-01")).unwrap();
    assert!(future.problems.iter().any(|p| p.row == 3 && p.message.contains("不能晚于今天")), "{future:?}");

    // Answered once (the wizard's default is today): every row takes it.
    let mut steps: Vec<ImportProgress> = Vec::new();
    let done =
        story.books.members_import_with("名册.xlsx", &bytes, &choose("2026-12-03"), &mut |p| steps.push(p)).unwrap();
    assert!(done.applied, "{:?}", done.problems);
    assert_eq!((done.added, done.joined_on_default.as_deref()), (4, Some("2026-12-03")));
    assert_eq!(steps.last().map(|p| (p.stage, p.done, p.total)), Some((ImportStage::Write, 8, 8)));

    let b = &story.books;
    let first = member(b, "幸福家园志愿服务队");
    assert_eq!(first.joined_on.to_string(), "2026-12-03");
    assert_eq!(first.credit_code.as_deref(), Some(code(1).as_str()), "spaces inside a code are dropped");
    assert_eq!(first.phone, "13912345601", "a phone stored as a number keeps its digits");
    assert_eq!(member(b, "银龄互助会").credit_code.as_deref(), Some(code(2).as_str()), "full-width folded");
    assert_eq!(member(b, "银龄互助会").leader, "周堃");
    assert_eq!(member(b, "彩虹文体协会").credit_code.as_deref(), Some(code(4).as_str()), "lower case raised");
    let filed = member(b, "老娘舅调解工作室");
    assert_eq!((filed.legal_form, filed.filing_no.as_deref()), (LegalForm::Filed, Some("BA-2018-007")));
    assert_eq!(filed.phone, "2584561234");
    assert_eq!(filed.founded_on.map(|d| d.to_string()).as_deref(), Some("2017-06-01"));

    // The choice is in the audit log, in the import's own row.
    let audit = b.audit_recent(20).unwrap();
    let row = audit.iter().find(|e| e.entity == "member_import").expect("the import is audited");
    let after = row.after.as_deref().unwrap();
    assert!(
        after.contains("\"joinedOnDefault\":\"2026-12-03\"") && after.contains("\"joinedOnColumn\":false"),
        "{after}"
    );
    assert_eq!(row.operator, "李静");
}

#[test]
fn the_founding_date_may_stand_for_the_join_date_and_rows_without_one_take_the_chosen_date() {
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    let options = ImportOptions { joined_on: "2026-01-01".into(), joined_on_from_founded: true };
    let r = story.books.members_import_with("名册.xlsx", &street_roster(), &options, &mut |_| {}).unwrap();
    assert!(r.applied, "{:?}", r.problems);
    assert_eq!(member(&story.books, "幸福家园志愿服务队").joined_on.to_string(), "2015-03-01");
    assert_eq!(member(&story.books, "老娘舅调解工作室").joined_on.to_string(), "2017-06-01");
    assert_eq!(member(&story.books, "彩虹文体协会").joined_on.to_string(), "2026-01-01", "no 成立日期");
    let audit = story.books.audit_recent(20).unwrap();
    let after = audit.iter().find(|e| e.entity == "member_import").and_then(|e| e.after.clone()).unwrap();
    assert!(after.contains("\"joinedOnFromFounded\":true"), "{after}");
}

#[test]
fn rows_that_carry_a_join_date_keep_it() {
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    let csv = format!("组织名称,信用代码,类别,入会日期\r\n甲队,{},其他,2019-03-01\r\n", code(9));
    // The answer is for files without the column; this file has it, so it changes nothing.
    let r = story.books.members_import_with("a.csv", csv.as_bytes(), &choose("2026-12-03"), &mut |_| {}).unwrap();
    assert!(r.applied && !r.joined_on_missing && r.joined_on_default.is_none(), "{r:?}");
    assert_eq!(member(&story.books, "甲队").joined_on.to_string(), "2019-03-01");
}

#[test]
fn a_gbk_csv_without_a_join_date_column_imports() {
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    let bytes = gbk_roster();
    let preview = story.books.members_import_preview_with("竹林.csv", &bytes, &choose("2026-11-30")).unwrap();
    assert_eq!(preview.problems, vec![], "{preview:?}");
    assert!(preview.joined_on_missing && preview.founded_on_column);
    assert_eq!((preview.rows, preview.added), (3, 3));
    let r = story.books.members_import_with("竹林.csv", &bytes, &choose("2026-11-30"), &mut |_| {}).unwrap();
    assert!(r.applied);
    let reader = member(&story.books, "竹林读书会");
    assert_eq!((reader.leader.as_str(), reader.joined_on.to_string()), ("周堃", "2026-11-30".into()));
    assert_eq!(member(&story.books, "桂花助老服务社").leader, "王喆");
    assert_eq!(member(&story.books, "松风巡防队").filing_no.as_deref(), Some("BA-2019-021"));
}

#[test]
fn the_same_name_twice_in_one_file_is_named_on_both_rows_and_refuses_the_file() {
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    // Both rows are otherwise wrong as well (no category column value): the duplicate is still said.
    let csv = format!(
        "社区社会组织名册\r\n组织名称,信用代码,类别\r\n甲队,{},其他\r\n乙队,{},其他\r\n 甲队 ,{},\r\n",
        code(11),
        code(12),
        code(13)
    );
    let before = story.fingerprint();
    let r = story.books.members_import_with("dup.csv", csv.as_bytes(), &choose("2026-12-03"), &mut |_| {}).unwrap();
    assert!(!r.applied);
    assert_eq!(story.fingerprint(), before, "a refused import writes nothing");
    let on = |row: u32| at(&r, row).into_iter().find(|p| p.column == "组织名称").map(|p| p.message.clone());
    assert_eq!(on(3).as_deref(), Some("单位名称“甲队”与第5行重复，同一单位只能出现一次"));
    assert_eq!(on(5).as_deref(), Some("单位名称“甲队”与第3行重复，同一单位只能出现一次"));
    assert_eq!(on(4), None);
    assert!(at(&r, 5).iter().any(|p| p.column == "类别" && p.message == "请填写类别"), "{:?}", r.problems);
}

#[test]
fn a_filed_organization_without_its_number_gets_one_problem_on_the_right_column() {
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    let csv = format!(
        "单位名称,统一社会信用代码,备案编号,组织形式,类别\r\n\
         备案无编号队,,,备案,其他\r\n\
         什么都没填队,,,,其他\r\n\
         登记无代码队,,,登记,其他\r\n\
         好队,{},,,其他\r\n",
        code(21)
    );
    let r = story.books.members_import_with("f.csv", csv.as_bytes(), &choose("2026-12-03"), &mut |_| {}).unwrap();
    assert!(!r.applied);
    let cells = |row: u32| at(&r, row).into_iter().map(|p| (p.column.clone(), p.message.clone())).collect::<Vec<_>>();
    assert_eq!(cells(2), vec![("备案编号".into(), "请输入备案编号（街道备案时发给的编号）".into())]);
    assert_eq!(
        cells(3),
        vec![(
            "统一社会信用代码".into(),
            "请填写统一社会信用代码（已登记的组织）或备案编号（在街道备案的组织）".into()
        )]
    );
    assert_eq!(cells(4), vec![("统一社会信用代码".into(), "请输入统一社会信用代码".into())]);
    assert_eq!(cells(5), vec![]);
    // With only a filing-number column, the "neither" problem sits on that column.
    let csv = "单位名称,备案编号,类别\r\n无编号队,,其他\r\n";
    let r = story.books.members_import_with("g.csv", csv.as_bytes(), &choose("2026-12-03"), &mut |_| {}).unwrap();
    assert_eq!(r.problems.len(), 1, "{:?}", r.problems);
    assert_eq!(r.problems[0].column, "备案编号");
}

#[test]
fn problems_are_one_per_cell_sorted_by_the_sheets_own_row_and_saved_that_way() {
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    let csv = format!(
        "名册（2026年）\r\n\r\n单位名称,统一社会信用代码,类别,联系电话,成立日期\r\n\
         丙队,{},环保类,abc,2019-02-30\r\n\
         ,{},其他,,\r\n\
         丙队,{},其他,,\r\n",
        code(31),
        code(32),
        code(31)
    );
    let r = story.books.members_import_with("p.csv", csv.as_bytes(), &choose("2026-12-03"), &mut |_| {}).unwrap();
    let rows: Vec<u32> = r.problems.iter().map(|p| p.row).collect();
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "sorted by row: {:?}", r.problems);
    assert_eq!(rows.first(), Some(&4), "the sheet's own row numbers (title, blank row, header above)");
    let mut cells: Vec<(u32, String)> = r.problems.iter().map(|p| (p.row, p.column.clone())).collect();
    let n = cells.len();
    cells.dedup();
    assert_eq!(cells.len(), n, "one problem per cell: {:?}", r.problems);
    let row4: Vec<&str> = at(&r, 4).iter().map(|p| p.column.as_str()).collect();
    assert_eq!(
        row4,
        vec!["单位名称", "统一社会信用代码", "类别", "联系电话", "成立日期"],
        "in the file's column order"
    );

    let sheet = story.books.members_import_problems_xlsx(&r.problems).unwrap();
    let grid = shelian_core::sheets::read("e.xlsx", &sheet).unwrap();
    let saved: Vec<String> = grid.rows[2..].iter().map(|(_, cells)| cells[0].clone()).collect();
    let shown: Vec<String> = rows.iter().map(|r| format!("第{r}行")).collect();
    assert_eq!(saved, shown, "the saved table has the same rows in the same order");
}

#[test]
fn a_file_without_category_or_code_columns_is_refused_naming_them_and_the_template() {
    let story = Story::new("2026-12-03", Some("2018-10-15"));
    let r = story
        .books
        .members_import_preview_with("x.csv", "单位名称,负责人\r\n甲队,王芳\r\n".as_bytes(), &choose("2026-12-03"))
        .unwrap();
    let header: Vec<(&str, &str)> =
        r.problems.iter().filter(|p| p.row == 1).map(|p| (p.column.as_str(), p.message.as_str())).collect();
    assert!(
        header.iter().any(|(c, m)| *c == "统一社会信用代码" && m.contains("备案编号") && m.contains("导入模板")),
        "{header:?}"
    );
    assert!(header.iter().any(|(c, m)| *c == "类别" && m.contains("导入模板")), "{header:?}");
}

#[test]
fn ten_thousand_rows_report_progress_every_five_hundred() {
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    let bytes = shelian_core::demo::roster_xlsx(shelian_core::demo::DemoScale::CITY, 5).unwrap();
    let mut steps: Vec<ImportProgress> = Vec::new();
    let r = story
        .books
        .members_import_with("city.xlsx", &bytes, &ImportOptions::default(), &mut |p| steps.push(p))
        .unwrap();
    assert!(r.applied && r.added == 10_000, "{:?}", &r.problems[..r.problems.len().min(3)]);
    assert!(steps.len() >= 40, "{} steps", steps.len());
    assert!(steps.windows(2).all(|w| w[0].done <= w[1].done), "never goes back");
    assert!(steps.iter().any(|p| p.stage == ImportStage::Check) && steps.iter().any(|p| p.stage == ImportStage::Write));
    assert_eq!(steps.last().map(|p| (p.done, p.total)), Some((20_000, 20_000)));
}

#[test]
fn the_committed_street_fixture_imports_with_the_date_chosen_in_the_wizard() {
    // tests/fixtures/members/street.xlsx is what the end-to-end journey picks in the window.
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/members/street.xlsx");
    let bytes = std::fs::read(&path).expect("street.xlsx (cargo run -p shelian-core --example member_fixtures)");
    let mut story = Story::new("2026-12-03", Some("2018-10-15"));
    let preview = story.books.members_import_preview("street.xlsx", &bytes).unwrap();
    assert!(preview.joined_on_missing && preview.founded_on_column);
    let r = story.books.members_import_with("street.xlsx", &bytes, &choose("2026-11-02"), &mut |_| {}).unwrap();
    assert!(r.applied, "{:?}", r.problems);
    assert_eq!((r.rows, r.added), (6, 6));
    let filed = member(&story.books, "老娘舅调解工作室");
    assert_eq!((filed.filing_no.as_deref(), filed.joined_on.to_string()), (Some("BA-2018-007"), "2026-11-02".into()));
    assert_eq!(member(&story.books, "邻里便民服务社").leader, "陈喆");
}
