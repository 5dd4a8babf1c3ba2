//! Reading a member roster that a secretary already keeps in Excel: columns found by header name
//! (tolerating the usual variants), cells cleaned (spaces, full-width digits and letters, dates in
//! the usual Chinese shapes), blank rows skipped. Every row is turned into a [`MemberInput`] and
//! checked by the same rules as the form; problems name the spreadsheet's row and header text,
//! at most one per cell.
//!
//! Only what the books need is required (see ARCHITECTURE.md, "Member import: required columns"):
//! a missing 单位名称, 类别 or code column refuses the file and points at the template; a missing
//! 加入日期 column is answered once for the whole file ([`ImportOptions`]), because rosters handed
//! over by a street office almost never carry the date an organization joined the federation.
//!
//! Pure: the facade supplies the category and community lists and decides what to write.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::member::{LegalForm, MemberInput, PartyBuilding};
use super::text::{clean_line, fold_width};
use crate::sheets::Grid;

/// The columns an import understands, each with the header names people use for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Col {
    Name,
    CreditCode,
    FilingNo,
    LegalForm,
    Category,
    Community,
    Leader,
    Phone,
    FoundedOn,
    JoinedOn,
    PartyBuilding,
    Notes,
}

impl Col {
    pub const ALL: [Col; 12] = [
        Col::Name,
        Col::CreditCode,
        Col::FilingNo,
        Col::LegalForm,
        Col::Category,
        Col::Community,
        Col::Leader,
        Col::Phone,
        Col::FoundedOn,
        Col::JoinedOn,
        Col::PartyBuilding,
        Col::Notes,
    ];

    /// The header the template uses; the first variant.
    pub fn label(self) -> &'static str {
        self.variants()[0]
    }

    pub fn variants(self) -> &'static [&'static str] {
        match self {
            Col::Name => &["单位名称", "组织名称", "名称", "社会组织名称", "成员单位名称", "单位全称"],
            Col::CreditCode => &["统一社会信用代码", "信用代码", "社会信用代码", "统一信用代码", "登记证号"],
            Col::FilingNo => &["备案编号", "备案号", "备案证号", "备案证编号"],
            Col::LegalForm => &["组织形式", "登记形式", "法律形式", "登记或备案"],
            Col::Category => &["类别", "类型", "服务类别", "组织类别", "单位类别"],
            Col::Community => &["所属社区", "社区", "所在社区"],
            Col::Leader => &["负责人", "联系人", "法定代表人", "负责人姓名"],
            Col::Phone => &["联系电话", "电话", "手机", "手机号", "联系方式", "手机号码"],
            Col::FoundedOn => &["成立日期", "成立时间"],
            Col::JoinedOn => &["加入日期", "入会日期", "加入时间", "入会时间"],
            Col::PartyBuilding => &["党建覆盖", "党组织覆盖", "党建情况", "党组织情况"],
            Col::Notes => &["备注", "说明"],
        }
    }

    /// The form field a validation problem names, for mapping it back to a column.
    fn field(self) -> &'static str {
        match self {
            Col::Name => "name",
            Col::CreditCode => "creditCode",
            Col::FilingNo => "filingNo",
            Col::LegalForm => "legalForm",
            Col::Category => "categoryId",
            Col::Community => "communityId",
            Col::Leader => "leader",
            Col::Phone => "phone",
            Col::FoundedOn => "foundedOn",
            Col::JoinedOn => "joinedOn",
            Col::PartyBuilding => "partyBuilding",
            Col::Notes => "notes",
        }
    }

    pub fn from_field(field: &str) -> Option<Col> {
        Col::ALL.into_iter().find(|c| c.field() == field)
    }
}

/// Header text with spaces, full-width forms, `*` marks and bracketed hints removed.
fn header_key(s: &str) -> String {
    let folded = fold_width(s);
    let cut = folded.split(['(', '（']).next().unwrap_or("");
    cut.chars().filter(|c| !c.is_whitespace() && *c != '*').collect()
}

/// One problem with one cell (or the whole file, row 0), in Chinese.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportProblem {
    /// The spreadsheet's row number; 0 for the file as a whole.
    pub row: u32,
    /// The header text as it is in the file (or the template's name for a missing column).
    pub column: String,
    pub message: String,
}

/// What the person decided once for the whole file, in the wizard.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(export)]
pub struct ImportOptions {
    /// The 加入日期 recorded for every row of a file without a 加入日期 column, `YYYY-MM-DD`;
    /// empty when not chosen (such a file is then refused). Ignored when the file has the column.
    pub joined_on: String,
    /// Record each row's 成立日期 as its 加入日期 (rows without one get `joined_on`); only for a
    /// file without a 加入日期 column that has a 成立日期 column.
    pub joined_on_from_founded: bool,
}

/// Where each known column is, and its header text as written.
#[derive(Debug, Clone, Default)]
pub struct Header {
    pub row: u32,
    pub columns: HashMap<Col, (usize, String)>,
}

impl Header {
    pub fn has(&self, col: Col) -> bool {
        self.columns.contains_key(&col)
    }

    /// The position of a column in the file (missing columns sort after every present one).
    pub fn index(&self, col: Col) -> usize {
        self.columns.get(&col).map(|(i, _)| *i).unwrap_or(usize::MAX)
    }

    /// The position of a column named by its header text, for sorting problems.
    fn index_of_text(&self, text: &str) -> usize {
        self.columns.values().find(|(_, t)| t == text).map(|(i, _)| *i).unwrap_or(usize::MAX)
    }

    /// The header text for a column, as the file has it.
    pub fn text(&self, col: Col) -> String {
        self.columns.get(&col).map(|(_, t)| t.clone()).unwrap_or_else(|| col.label().to_owned())
    }
}

/// Finds the header row (the first row, among the first ten, that names the organization column),
/// so a title row above it does no harm.
pub fn find_header(grid: &Grid) -> Result<Header, ImportProblem> {
    for (row, cells) in grid.rows.iter().take(10) {
        let mut columns = HashMap::new();
        for (i, cell) in cells.iter().enumerate() {
            let key = header_key(cell);
            if key.is_empty() {
                continue;
            }
            if let Some(col) = Col::ALL.into_iter().find(|c| c.variants().contains(&key.as_str())) {
                columns.entry(col).or_insert((i, cell.trim().to_owned()));
            }
        }
        if columns.contains_key(&Col::Name) {
            return Ok(Header { row: *row, columns });
        }
    }
    Err(ImportProblem {
        row: 0,
        column: Col::Name.label().into(),
        message: "找不到“单位名称”列：请确认表头有“单位名称”（或“组织名称”“名称”），可下载导入模板对照".into(),
    })
}

/// Columns the books cannot do without and that no single answer can stand in for: each missing
/// one is a problem on the header row that names it and points at the template.
pub fn missing_columns(header: &Header) -> Vec<ImportProblem> {
    let mut problems = Vec::new();
    let mut missing = |column: &str, message: &str| {
        problems.push(ImportProblem { row: header.row, column: column.into(), message: message.into() })
    };
    if !header.has(Col::CreditCode) && !header.has(Col::FilingNo) {
        missing(
            Col::CreditCode.label(),
            "找不到“统一社会信用代码”或“备案编号”列：每家单位要凭代码或备案编号识别（重复导入时也靠它对应），请加上这一列，可下载导入模板对照",
        );
    }
    if !header.has(Col::Category) {
        missing(
            Col::Category.label(),
            "找不到“类别”列：申报书按类别统计成员单位，请加上这一列（公益服务类、慈善互助类等），可下载导入模板对照",
        );
    }
    problems
}

/// The 加入日期 the rows of a file without that column get, checked once: `Ok(None)` when the
/// file has the column, a problem on the header row when the answer is missing or not a date.
pub fn joined_on_default(
    header: &Header,
    options: &ImportOptions,
    today: chrono::NaiveDate,
) -> Result<Option<chrono::NaiveDate>, ImportProblem> {
    if header.has(Col::JoinedOn) {
        return Ok(None);
    }
    let problem = |message: String| ImportProblem { row: header.row, column: Col::JoinedOn.label().into(), message };
    let typed = normalize_date(&options.joined_on);
    if typed.is_empty() {
        return Err(problem("文件中没有“加入日期”列，请在导入向导中选择要记录的加入日期".into()));
    }
    let mut problems = Vec::new();
    match super::date::past_date("joinedOn", "加入日期", &typed, today, &mut problems) {
        Some(d) => Ok(Some(d)),
        None => Err(problem(format!(
            "为没有“加入日期”列的文件选择的日期有误：{}",
            problems.first().map(|p| p.message.as_str()).unwrap_or("")
        ))),
    }
}

/// One data row's cleaned cells, by column; absent columns are `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetRow {
    pub row: u32,
    cells: HashMap<Col, String>,
}

impl SheetRow {
    pub fn get(&self, col: Col) -> Option<&str> {
        self.cells.get(&col).map(String::as_str)
    }

    pub fn text(&self, col: Col) -> String {
        self.get(col).unwrap_or("").to_owned()
    }
}

/// The data rows below the header, cleaned; rows with nothing in any known column are skipped.
pub fn data_rows(grid: &Grid, header: &Header) -> Vec<SheetRow> {
    grid.rows
        .iter()
        .filter(|(row, _)| *row > header.row)
        .filter_map(|(row, cells)| {
            let cells: HashMap<Col, String> = header
                .columns
                .iter()
                .map(|(col, (i, _))| (*col, clean_line(cells.get(*i).map(String::as_str).unwrap_or(""))))
                .collect();
            cells.values().any(|v| !v.is_empty()).then_some(SheetRow { row: *row, cells })
        })
        .collect()
}

/// `2019-03-15`, `2019/3/15`, `2019.3.15`, `2019年3月15日` and `20190315` become `2019-03-15`;
/// anything else is passed on as typed, for the date rule to refuse with its message.
pub fn normalize_date(s: &str) -> String {
    let t = fold_width(s).trim().to_owned();
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return format!("{}-{}-{}", &t[..4], &t[4..6], &t[6..]);
    }
    let parts: Vec<&str> = t.split(['-', '/', '.', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
    if parts.len() == 3
        && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].len() == 4
        && parts[1].len() <= 2
        && parts[2].len() <= 2
    {
        return format!("{}-{:0>2}-{:0>2}", parts[0], parts[1], parts[2]);
    }
    t
}

/// A row turned into form input, with the problems the form rules cannot see (unknown category,
/// unknown party-building word, neither code nor filing number).
pub struct RowInput {
    pub input: MemberInput,
    pub problems: Vec<ImportProblem>,
    /// A community name not yet in the list (it will be added with the import).
    pub new_community: Option<String>,
    /// Neither code nor filing number nor form: already said once, so the form rules' messages
    /// about the code and the filing number are left out.
    pub no_code: bool,
}

/// Builds the input of one row. `categories` and `communities` map names to ids; `joined_default`
/// is the checked answer of [`joined_on_default`] for a file without a 加入日期 column.
pub fn row_input(
    r: &SheetRow,
    header: &Header,
    categories: &HashMap<String, i64>,
    communities: &HashMap<String, i64>,
    joined_default: Option<(chrono::NaiveDate, bool)>,
) -> RowInput {
    let mut problems = Vec::new();
    let mut problem = |col: Col, message: String| {
        problems.push(ImportProblem { row: r.row, column: header.text(col), message });
    };
    let credit_code = r.text(Col::CreditCode);
    let filing_no = r.text(Col::FilingNo);
    let form_text = r.text(Col::LegalForm);
    let legal_form = if form_text.contains("备案") {
        LegalForm::Filed
    } else if form_text.contains("登记") || form_text.contains("注册") {
        LegalForm::Registered
    } else if !form_text.is_empty() {
        problem(Col::LegalForm, format!("组织形式“{form_text}”无法识别，请填“登记”或“备案”"));
        LegalForm::Registered
    } else if credit_code.is_empty() && !filing_no.is_empty() {
        LegalForm::Filed
    } else {
        LegalForm::Registered
    };
    // Neither code nor filing number and no form to say which is missing: one problem, on the
    // code column (or the filing column when the file has only that); the form rules then stay
    // quiet about the same cell (see `one_per_cell`).
    let no_code = form_text.is_empty() && credit_code.is_empty() && filing_no.is_empty();
    if no_code {
        let col =
            if header.has(Col::CreditCode) || !header.has(Col::FilingNo) { Col::CreditCode } else { Col::FilingNo };
        problem(col, "请填写统一社会信用代码（已登记的组织）或备案编号（在街道备案的组织）".into());
    }

    let category = r.text(Col::Category);
    let category_id = if category.is_empty() {
        None
    } else {
        let id = categories.get(&category).copied();
        if id.is_none() {
            let mut names: Vec<&String> = categories.keys().collect();
            names.sort();
            let names: Vec<&str> = names.into_iter().map(String::as_str).collect();
            problem(
                Col::Category,
                format!("类别“{category}”不在类别列表中，请填写：{}（或先在“设置”中添加）", names.join("、")),
            );
        }
        id.or(Some(0))
    };

    let community = r.text(Col::Community);
    let (community_id, new_community) = if community.is_empty() {
        (None, None)
    } else {
        match communities.get(&community) {
            Some(id) => (Some(*id), None),
            None => (None, Some(community.clone())),
        }
    };

    let party = r.text(Col::PartyBuilding);
    let party_building = if party.is_empty() {
        PartyBuilding::None
    } else {
        PartyBuilding::from_label(&party).unwrap_or_else(|| {
            problem(
                Col::PartyBuilding,
                format!("党建覆盖“{party}”无法识别，请填：单独组建、联合组建、党建指导员 或 未覆盖"),
            );
            PartyBuilding::None
        })
    };

    let input = MemberInput {
        name: r.text(Col::Name),
        legal_form,
        credit_code,
        filing_no,
        category_id,
        community_id,
        leader: r.text(Col::Leader),
        phone: r.text(Col::Phone),
        founded_on: normalize_date(&r.text(Col::FoundedOn)),
        joined_on: match joined_default {
            // The file has no 加入日期 column: the answer given once, or the row's own 成立日期.
            Some((date, from_founded)) => {
                let founded = normalize_date(&r.text(Col::FoundedOn));
                if from_founded && !founded.is_empty() { founded } else { date.to_string() }
            }
            None => normalize_date(&r.text(Col::JoinedOn)),
        },
        party_building,
        notes: r.text(Col::Notes),
        ..MemberInput::default()
    };
    RowInput { input, problems, new_community, no_code }
}

/// A name, credit code or filing number in the same form the books compare them, for finding
/// the same organization twice in one file.
fn dup_key(col: Col, value: &str) -> String {
    match col {
        Col::CreditCode => super::credit_code::normalize(value),
        Col::FilingNo => super::member::normalize_filing_no(value),
        _ => clean_line(value),
    }
}

/// Every row whose 单位名称, 统一社会信用代码 or 备案编号 another row of the same file also has:
/// a problem on each of those rows, naming the others, whether or not the rows are otherwise
/// valid (a file is refused for its duplicates even while other problems remain).
pub fn duplicates_in_file(rows: &[SheetRow], header: &Header) -> Vec<ImportProblem> {
    let mut problems = Vec::new();
    for (col, what) in [(Col::Name, "单位名称"), (Col::CreditCode, "统一社会信用代码"), (Col::FilingNo, "备案编号")]
    {
        let mut groups: HashMap<String, Vec<u32>> = HashMap::new();
        for r in rows {
            let key = dup_key(col, &r.text(col));
            if !key.is_empty() {
                groups.entry(key).or_default().push(r.row);
            }
        }
        for (value, at) in groups.into_iter().filter(|(_, at)| at.len() > 1) {
            for &row in &at {
                let others: Vec<String> = at.iter().filter(|&&o| o != row).map(|o| o.to_string()).collect();
                problems.push(ImportProblem {
                    row,
                    column: header.text(col),
                    message: format!("{what}“{value}”与第{}行重复，同一单位只能出现一次", others.join("、")),
                });
            }
        }
    }
    problems
}

/// At most one problem per cell (the first, which is the most specific: the import's own checks
/// come before the form rules), sorted by row and then by the column's place in the file.
pub fn one_per_cell(problems: Vec<ImportProblem>, header: &Header) -> Vec<ImportProblem> {
    let mut seen = std::collections::HashSet::new();
    let mut kept: Vec<ImportProblem> =
        problems.into_iter().filter(|p| seen.insert((p.row, p.column.clone()))).collect();
    kept.sort_by_key(|p| (p.row, header.index_of_text(&p.column)));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| (i as u32 + 1, r.iter().map(|s| s.to_string()).collect()))
                .collect(),
        }
    }

    #[rstest]
    #[case("单位名称", Col::Name)]
    #[case("组织名称", Col::Name)]
    #[case(" 名称 ", Col::Name)]
    #[case("统一社会信用代码（18位）", Col::CreditCode)]
    #[case("*信用代码", Col::CreditCode)]
    #[case("社会信用代码", Col::CreditCode)]
    #[case("备案号", Col::FilingNo)]
    #[case("服务类别", Col::Category)]
    #[case("类型", Col::Category)]
    #[case("社区", Col::Community)]
    #[case("联系人", Col::Leader)]
    #[case("手机", Col::Phone)]
    #[case("成立时间", Col::FoundedOn)]
    #[case("入会日期", Col::JoinedOn)]
    fn header_variants_are_recognized(#[case] text: &str, #[case] col: Col) {
        let g = grid(&[&["某某社联会成员名册"], &[text, "单位名称"]]);
        let h = find_header(&g).unwrap();
        assert_eq!(h.row, 2);
        assert!(h.has(col), "{text}");
    }

    #[test]
    fn a_sheet_without_a_name_column_is_refused() {
        let p = find_header(&grid(&[&["负责人", "电话"]])).unwrap_err();
        assert!(p.message.contains("找不到“单位名称”列"));
    }

    #[rstest]
    #[case("2019/3/5", "2019-03-05")]
    #[case("2019.03.15", "2019-03-15")]
    #[case("2019年3月15日", "2019-03-15")]
    #[case("20190315", "2019-03-15")]
    #[case("２０１９－０３－１５", "2019-03-15")]
    #[case("去年", "去年")]
    fn dates_in_common_shapes(#[case] typed: &str, #[case] expected: &str) {
        assert_eq!(normalize_date(typed), expected);
    }

    #[test]
    fn blank_rows_are_skipped_and_values_cleaned() {
        let g = grid(&[&["单位名称", "负责人"], &["", " "], &["  甲　组织 ", "王芳"]]);
        let h = find_header(&g).unwrap();
        let rows = data_rows(&g, &h);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].row, 3);
        assert_eq!(rows[0].text(Col::Name), "甲 组织");
    }
}
