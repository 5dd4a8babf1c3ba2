//! Member organizations through the facade: create and edit (unique name, credit code and filing
//! number, the refusal naming the organization that already has it), inspections and ratings, the
//! category and community lists, the list query, imports (checked in full before anything is
//! written) and the spreadsheets that go out (template, error table, roster).

use std::collections::HashMap;

use super::Books;
use crate::domain::member::{
    self, Eligibility, InspectionInput, Member, MemberDetail, MemberInput, MemberPage, MemberQuery, MemberRow,
    RatingInput, ValidMember,
};
use crate::domain::member_import::{self, Col, ImportOptions, ImportProblem};
use crate::domain::text::clean_line;
use crate::error::{CoreError, FieldProblem, Result};
use crate::sheets::{self, Column};
use crate::store::audit::{self, Action};
use crate::store::members::{self as sql, List, ListEntry, MemberKey};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What an import would do (preview) or did: counts, each row's fate, and every problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS, Default)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportReport {
    pub file_name: String,
    /// Data rows found (blank rows not counted).
    pub rows: u32,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    /// Communities named in the file that are not in the list yet; the import adds them.
    pub new_communities: Vec<String>,
    /// Each row's fate, in file order.
    pub items: Vec<ImportItem>,
    /// If not empty, nothing is (or was) written.
    pub problems: Vec<ImportProblem>,
    /// Things to check that do not stop the import.
    pub warnings: Vec<ImportProblem>,
    /// True when the import was written.
    pub applied: bool,
    /// The file has no 加入日期 column: the wizard asks once for the date to record.
    pub joined_on_missing: bool,
    /// The file has a 成立日期 column, which the wizard offers as each row's 加入日期.
    pub founded_on_column: bool,
    /// The date recorded for rows without a 加入日期 (the answer given, checked), if any.
    pub joined_on_default: Option<String>,
    /// Rows with a 成立日期 record it as their 加入日期.
    pub joined_on_from_founded: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportAction {
    Add,
    Update,
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportItem {
    pub row: u32,
    pub name: String,
    pub action: ImportAction,
}

/// How often an import reports progress, in rows: 10,000 rows take well under a second to check
/// and write, so this gives a large file about forty steps and costs nothing measurable.
pub const PROGRESS_EVERY: usize = 500;

/// Which half of an import is running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ImportStage {
    /// Every row is being checked (nothing is written yet).
    Check,
    /// The checked rows are being written, in one transaction.
    Write,
}

/// How far an import is: `done` of `total` steps, where every row counts once while it is checked
/// and once while it is written (`total` = 2 × rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ImportProgress {
    pub stage: ImportStage,
    pub done: u32,
    pub total: u32,
}

/// The audit row of an import: what was read and what the person chose for the whole file.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct ImportRecord {
    file_name: String,
    rows: u32,
    added: u32,
    updated: u32,
    /// The file had a 加入日期 column (then nothing was chosen).
    joined_on_column: bool,
    /// The 加入日期 chosen for the rows of a file without that column.
    joined_on_default: Option<String>,
    /// Rows with a 成立日期 recorded it as their 加入日期 instead.
    joined_on_from_founded: bool,
}

/// A checked import, ready to write.
struct ImportPlan {
    report: ImportReport,
    /// (existing member, new values); `None` = add.
    writes: Vec<(Option<Member>, ValidMember, Option<String>)>,
}

fn as_valid(m: &Member) -> ValidMember {
    ValidMember {
        name: m.name.clone(),
        legal_form: m.legal_form,
        credit_code: m.credit_code.clone(),
        filing_no: m.filing_no.clone(),
        category_id: m.category_id,
        community_id: m.community_id,
        leader: m.leader.clone(),
        phone: m.phone.clone(),
        founded_on: m.founded_on,
        joined_on: m.joined_on,
        left_on: m.left_on,
        status: m.status,
        party_building: m.party_building,
        notes: m.notes.clone(),
    }
}

/// Refuses a name, credit code or filing number that another member already has.
fn check_unique(conn: &Connection, v: &ValidMember, own_id: Option<i64>) -> Result<()> {
    let mut problems = Vec::new();
    let mut check = |key: MemberKey, field: &str, value: Option<&str>, what: &str| -> Result<()> {
        if let Some(value) = value
            && let Some((id, name)) = sql::find_by(conn, key, value)?
            && Some(id) != own_id
        {
            problems.push(FieldProblem::new(field, format!("{what}与已有成员单位“{name}”重复，请核对")));
        }
        Ok(())
    };
    check(MemberKey::Name, "name", Some(&v.name), "单位名称")?;
    check(MemberKey::CreditCode, "creditCode", v.credit_code.as_deref(), "统一社会信用代码")?;
    check(MemberKey::FilingNo, "filingNo", v.filing_no.as_deref(), "备案编号")?;
    if problems.is_empty() { Ok(()) } else { Err(CoreError::Validation(problems)) }
}

fn check_lists(conn: &Connection, v: &ValidMember) -> Result<()> {
    let mut problems = Vec::new();
    if sql::list_entry(conn, List::Category, v.category_id)?.is_none() {
        problems.push(FieldProblem::new("categoryId", "所选类别已不存在，请重新选择"));
    }
    if let Some(id) = v.community_id
        && sql::list_entry(conn, List::Community, id)?.is_none()
    {
        problems.push(FieldProblem::new("communityId", "所选社区已不存在，请重新选择"));
    }
    if problems.is_empty() { Ok(()) } else { Err(CoreError::Validation(problems)) }
}

fn list_label(list: List) -> &'static str {
    match list {
        List::Category => "类别",
        List::Community => "社区",
    }
}

impl Books {
    pub fn member_get(&self, id: i64) -> Result<MemberDetail> {
        let conn = self.store.conn();
        let member = sql::get(conn, id)?.ok_or(CoreError::NotFound { what: "该成员单位" })?;
        Ok(MemberDetail {
            eligibility: member::eligibility(&member, self.today()),
            inspections: sql::inspections(conn, id)?,
            ratings: sql::ratings(conn, id)?,
            warnings: member::warnings(member.legal_form, member.credit_code.as_deref()),
            member,
        })
    }

    pub fn member_create(&mut self, input: &MemberInput) -> Result<MemberDetail> {
        let valid = input.validate(self.today())?;
        let actor = self.actor();
        let m = self.store.with_tx(|tx| {
            // Uniqueness is read inside the write: two windows adding the same organization get
            // one member and one refusal naming it, not a bare constraint failure.
            check_lists(tx, &valid)?;
            check_unique(tx, &valid, None)?;
            sql::insert(tx, &actor, &valid)
        })?;
        self.member_get(m.id)
    }

    pub fn member_update(&mut self, id: i64, input: &MemberInput) -> Result<MemberDetail> {
        let valid = input.validate(self.today())?;
        let actor = self.actor();
        self.store.with_tx(|tx| {
            let before = sql::get(tx, id)?.ok_or(CoreError::NotFound { what: "该成员单位" })?;
            check_lists(tx, &valid)?;
            check_unique(tx, &valid, Some(id))?;
            sql::update(tx, &actor, &before, &valid)
        })?;
        self.member_get(id)
    }

    pub fn member_inspection_record(&mut self, member_id: i64, input: &InspectionInput) -> Result<MemberDetail> {
        let inspection = member::validate_inspection(input, self.today())?;
        let actor = self.actor();
        self.store.with_tx(|tx| {
            sql::get(tx, member_id)?.ok_or(CoreError::NotFound { what: "该成员单位" })?;
            sql::record_inspection(tx, &actor, member_id, &inspection)
        })?;
        self.member_get(member_id)
    }

    pub fn member_rating_record(&mut self, member_id: i64, input: &RatingInput) -> Result<MemberDetail> {
        let rating = member::validate_rating(input, self.today())?;
        let actor = self.actor();
        self.store.with_tx(|tx| {
            sql::get(tx, member_id)?.ok_or(CoreError::NotFound { what: "该成员单位" })?;
            sql::record_rating(tx, &actor, member_id, &rating)
        })?;
        self.member_get(member_id)
    }

    /// One page of the list, with each member's signals for today.
    pub fn members_list(&self, query: &MemberQuery) -> Result<MemberPage> {
        let today = self.today();
        let (members, total) = sql::list(self.store.conn(), query, today)?;
        let rows =
            members.into_iter().map(|m| MemberRow { eligibility: member::eligibility(&m, today), member: m }).collect();
        Ok(MemberPage { rows, total, page: query.page.max(1), page_size: query.page_size.clamp(1, 500) })
    }

    /// Members that belonged to the federation at some point of `year`, withdrawn ones included
    /// for the years they were in: what the reports of that year list.
    pub fn members_active_in_year(&self, year: i32) -> Result<Vec<Member>> {
        sql::active_in_year(self.store.conn(), year)
    }

    pub fn member_eligibility(&self, member: &Member) -> Eligibility {
        member::eligibility(member, self.today())
    }

    /// Row counts of every member table (tests prove with it that a refused import wrote nothing).
    pub fn member_table_counts(&self) -> Result<Vec<(&'static str, i64)>> {
        sql::table_counts(self.store.conn())
    }

    pub fn list_entries(&self, list: List) -> Result<Vec<ListEntry>> {
        sql::list_entries(self.store.conn(), list)
    }

    pub fn list_add(&mut self, list: List, name: &str) -> Result<ListEntry> {
        let label = list_label(list);
        let name = clean_line(name);
        if name.is_empty() {
            return Err(CoreError::field("name", format!("请输入{label}名称")));
        }
        let max = if list == List::Category { 20 } else { 30 };
        if name.chars().count() > max {
            return Err(CoreError::field("name", format!("{label}名称过长，请不超过{max}个字")));
        }
        let actor = self.actor();
        self.store.with_tx(|tx| {
            if sql::list_find(tx, list, &name)?.is_some() {
                return Err(CoreError::field("name", format!("{label}“{name}”已经在列表中")));
            }
            sql::list_add(tx, &actor, list, &name)
        })
    }

    /// Deletes an unused entry; one in use is refused with how many members use it.
    pub fn list_delete(&mut self, list: List, id: i64) -> Result<()> {
        let label = list_label(list);
        let actor = self.actor();
        self.store.with_tx(|tx| {
            // In use is counted inside the write: a member moved onto the entry in another window
            // meanwhile keeps it.
            let entry = sql::list_entry(tx, list, id)?
                .ok_or(CoreError::NotFound { what: if list == List::Category { "该类别" } else { "该社区" } })?;
            if entry.member_count > 0 {
                return Err(CoreError::field(
                    "id",
                    format!(
                        "{label}“{}”还有{}个成员单位在用，不能删除；请先把这些单位改到其他{label}",
                        entry.name, entry.member_count
                    ),
                ));
            }
            sql::list_delete(tx, &actor, list, &entry)
        })
    }

    fn import_plan(
        &self,
        file_name: &str,
        bytes: &[u8],
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportPlan> {
        let grid = sheets::read(file_name, bytes)?;
        let mut report = ImportReport { file_name: file_name.to_owned(), ..ImportReport::default() };
        let header = match member_import::find_header(&grid) {
            Ok(h) => h,
            Err(p) => {
                report.problems.push(p);
                return Ok(ImportPlan { report, writes: vec![] });
            }
        };
        report.joined_on_missing = !header.has(Col::JoinedOn);
        report.founded_on_column = header.has(Col::FoundedOn);
        let rows = member_import::data_rows(&grid, &header);
        report.rows = rows.len() as u32;
        let total = report.rows * 2;
        let mut problems: Vec<ImportProblem> = member_import::missing_columns(&header);
        if rows.is_empty() {
            problems.push(ImportProblem {
                row: header.row,
                column: header.text(Col::Name),
                message: "表头下面没有数据行，请填好名册后再导入".into(),
            });
        }
        let today = self.today();
        // A file without a 加入日期 column: the date chosen once in the wizard. Until it is chosen
        // the rows are checked against today, so the preview still shows every other problem.
        let from_founded = options.joined_on_from_founded && header.has(Col::FoundedOn);
        let joined_default = match member_import::joined_on_default(&header, options, today) {
            Ok(Some(d)) => {
                report.joined_on_default = Some(d.to_string());
                report.joined_on_from_founded = from_founded;
                Some((d, from_founded))
            }
            Ok(None) => None,
            Err(p) => {
                problems.push(p);
                Some((today, from_founded))
            }
        };
        let conn = self.store.conn();
        let categories: HashMap<String, i64> =
            sql::list_entries(conn, List::Category)?.into_iter().map(|e| (e.name, e.id)).collect();
        let communities: HashMap<String, i64> =
            sql::list_entries(conn, List::Community)?.into_iter().map(|e| (e.name, e.id)).collect();
        let mut new_communities: Vec<String> = Vec::new();
        let mut writes = Vec::new();
        for (n, r) in rows.iter().enumerate() {
            if n > 0 && n % PROGRESS_EVERY == 0 {
                progress(ImportProgress { stage: ImportStage::Check, done: n as u32, total });
            }
            let row_in = member_import::row_input(r, &header, &categories, &communities, joined_default);
            let mut row_problems = row_in.problems;
            let existing_by_key = |key: MemberKey, v: Option<&str>| -> Result<Option<(i64, String)>> {
                match v {
                    Some(v) => sql::find_by(conn, key, v),
                    None => Ok(None),
                }
            };
            match row_in.input.validate(today) {
                Err(e) => {
                    for p in e.problems() {
                        let col = Col::from_field(&p.field).unwrap_or(Col::Name);
                        if row_in.no_code && matches!(col, Col::CreditCode | Col::FilingNo) {
                            continue;
                        }
                        let message =
                            if col == Col::Category { "请填写类别".to_owned() } else { p.message.clone() };
                        row_problems.push(ImportProblem { row: r.row, column: header.text(col), message });
                    }
                }
                Ok(mut valid) => {
                    // Against the books: match on code or filing number, else on name.
                    let by_code = existing_by_key(MemberKey::CreditCode, valid.credit_code.as_deref())?;
                    let by_filing = existing_by_key(MemberKey::FilingNo, valid.filing_no.as_deref())?;
                    let by_name = existing_by_key(MemberKey::Name, Some(&valid.name))?;
                    let matched = by_code.clone().or(by_filing.clone()).or(by_name.clone());
                    if let (Some((id, _)), Some((name_id, name))) = (&matched, &by_name)
                        && id != name_id
                    {
                        row_problems.push(ImportProblem {
                            row: r.row,
                            column: header.text(Col::Name),
                            message: format!("单位名称与另一家已有成员单位“{name}”重复，请核对代码和名称"),
                        });
                    }
                    if let (Some((code_id, _)), Some((filing_id, other))) = (&by_code, &by_filing)
                        && code_id != filing_id
                    {
                        row_problems.push(ImportProblem {
                            row: r.row,
                            column: header.text(Col::FilingNo),
                            message: format!("备案编号已属于另一家成员单位“{other}”"),
                        });
                    }
                    let existing = match &matched {
                        Some((id, _)) => sql::get(conn, *id)?,
                        None => None,
                    };
                    if let Some(before) = &existing {
                        // What the sheet does not say stays as it is; so does the join date of a
                        // member already in the books when the file has no 加入日期 column.
                        valid.status = before.status;
                        valid.left_on = before.left_on;
                        if !header.has(Col::JoinedOn) {
                            valid.joined_on = before.joined_on;
                        }
                        if !header.has(Col::Community) {
                            valid.community_id = before.community_id;
                        }
                        for (col, keep) in [
                            (Col::Leader, &mut valid.leader as &mut String),
                            (Col::Phone, &mut valid.phone),
                            (Col::Notes, &mut valid.notes),
                        ] {
                            if !header.has(col) {
                                *keep = match col {
                                    Col::Leader => before.leader.clone(),
                                    Col::Phone => before.phone.clone(),
                                    _ => before.notes.clone(),
                                };
                            }
                        }
                        if !header.has(Col::FoundedOn) {
                            valid.founded_on = before.founded_on;
                        }
                        if !header.has(Col::PartyBuilding) {
                            valid.party_building = before.party_building;
                        }
                    }
                    for w in member::warnings(valid.legal_form, valid.credit_code.as_deref()) {
                        report.warnings.push(ImportProblem {
                            row: r.row,
                            column: header.text(Col::CreditCode),
                            message: w,
                        });
                    }
                    if row_problems.is_empty() {
                        let action = match &existing {
                            None => ImportAction::Add,
                            Some(b) if as_valid(b) == valid && row_in.new_community.is_none() => {
                                ImportAction::Unchanged
                            }
                            Some(_) => ImportAction::Update,
                        };
                        match action {
                            ImportAction::Add => report.added += 1,
                            ImportAction::Update => report.updated += 1,
                            ImportAction::Unchanged => report.unchanged += 1,
                        }
                        report.items.push(ImportItem { row: r.row, name: valid.name.clone(), action });
                        if let Some(c) = &row_in.new_community
                            && !new_communities.contains(c)
                        {
                            new_communities.push(c.clone());
                        }
                        if action != ImportAction::Unchanged {
                            writes.push((existing, valid, row_in.new_community.clone()));
                        }
                    }
                }
            }
            problems.extend(row_problems);
        }
        // Within the file: each name, code and filing number once, said on every row that has it.
        problems.extend(member_import::duplicates_in_file(&rows, &header));
        progress(ImportProgress { stage: ImportStage::Check, done: report.rows, total });
        report.new_communities = new_communities;
        report.problems = member_import::one_per_cell(problems, &header);
        Ok(ImportPlan { report, writes })
    }

    /// What importing the file would do; writes nothing. A file without a 加入日期 column is
    /// reported with a problem until [`Books::members_import_preview_with`] is given the date.
    pub fn members_import_preview(&self, file_name: &str, bytes: &[u8]) -> Result<ImportReport> {
        self.members_import_preview_with(file_name, bytes, &ImportOptions::default())
    }

    /// The preview with the answers the wizard asked for (the 加入日期 of a file without one).
    pub fn members_import_preview_with(
        &self,
        file_name: &str,
        bytes: &[u8],
        options: &ImportOptions,
    ) -> Result<ImportReport> {
        Ok(self.import_plan(file_name, bytes, options, &mut |_| {})?.report)
    }

    /// Imports the file if every row passes, in one transaction; otherwise writes nothing and
    /// returns the problems.
    pub fn members_import(&mut self, file_name: &str, bytes: &[u8]) -> Result<ImportReport> {
        self.members_import_with(file_name, bytes, &ImportOptions::default(), &mut |_| {})
    }

    /// [`Books::members_import`] with the wizard's answers, telling `progress` how far it is every
    /// [`PROGRESS_EVERY`] rows while it checks and while it writes. The import itself, with the
    /// answers given, is one audit row in the same transaction as the members it writes.
    pub fn members_import_with(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        options: &ImportOptions,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let ImportPlan { mut report, writes } = self.import_plan(file_name, bytes, options, progress)?;
        if !report.problems.is_empty() {
            return Ok(report);
        }
        if writes.is_empty() && report.new_communities.is_empty() {
            // Every row matches the books: nothing changes, so nothing (not even an audit row) is written.
            progress(ImportProgress { stage: ImportStage::Write, done: report.rows * 2, total: report.rows * 2 });
            report.applied = true;
            return Ok(report);
        }
        let actor = self.actor();
        let new_communities = report.new_communities.clone();
        let rows = report.rows;
        let total = rows * 2;
        let written = writes.len();
        let record = ImportRecord {
            file_name: report.file_name.clone(),
            rows,
            added: report.added,
            updated: report.updated,
            joined_on_column: !report.joined_on_missing,
            joined_on_default: report.joined_on_default.clone(),
            joined_on_from_founded: report.joined_on_from_founded,
        };
        self.store.with_tx(|tx| {
            let mut ids: HashMap<String, i64> = HashMap::new();
            for name in &new_communities {
                ids.insert(name.clone(), sql::list_add(tx, &actor, List::Community, name)?.id);
            }
            for (n, (existing, mut valid, new_community)) in writes.into_iter().enumerate() {
                if n > 0 && n % PROGRESS_EVERY == 0 {
                    // Rows left unchanged need no write; the bar still ends at the full count.
                    let done = rows + (n as u64 * rows as u64 / written.max(1) as u64) as u32;
                    progress(ImportProgress { stage: ImportStage::Write, done, total });
                }
                if let Some(c) = new_community {
                    valid.community_id = ids.get(&c).copied();
                }
                match existing {
                    Some(before) => sql::update(tx, &actor, &before, &valid)?,
                    None => sql::insert(tx, &actor, &valid)?,
                };
            }
            audit::record(tx, &actor, "member_import", &record.file_name, Action::Create, None, Some(&record))
        })?;
        progress(ImportProgress { stage: ImportStage::Write, done: total, total });
        report.applied = true;
        Ok(report)
    }

    /// Writes many members in one transaction (the demo generator); each is validated first.
    pub(crate) fn members_insert_many(&mut self, inputs: &[MemberInput]) -> Result<Vec<i64>> {
        let today = self.today();
        let valid: Vec<ValidMember> = inputs.iter().map(|i| i.validate(today)).collect::<Result<_>>()?;
        let actor = self.actor();
        self.store.with_tx(|tx| valid.iter().map(|v| sql::insert(tx, &actor, v).map(|m| m.id)).collect())
    }

    pub(crate) fn members_record_history(
        &mut self,
        inspections: &[(i64, InspectionInput)],
        ratings: &[(i64, RatingInput)],
    ) -> Result<()> {
        let today = self.today();
        let actor = self.actor();
        let inspections: Vec<_> = inspections
            .iter()
            .map(|(id, i)| member::validate_inspection(i, today).map(|v| (*id, v)))
            .collect::<Result<_>>()?;
        let ratings: Vec<_> =
            ratings.iter().map(|(id, r)| member::validate_rating(r, today).map(|v| (*id, v))).collect::<Result<_>>()?;
        self.store.with_tx(|tx| {
            for (id, i) in &inspections {
                sql::record_inspection(tx, &actor, *id, i)?;
            }
            for (id, r) in &ratings {
                sql::record_rating(tx, &actor, *id, r)?;
            }
            Ok(())
        })
    }

    /// The import template: the headers the import reads first, with one example row.
    pub fn members_template_xlsx(&self) -> Result<Vec<u8>> {
        let columns: Vec<Column<'_>> =
            TEMPLATE_COLUMNS.iter().map(|(c, w)| Column { header: c.label(), width: *w }).collect();
        let example = vec![
            "示例：幸福家园志愿服务队".into(),
            String::new(),
            "BA-2019-001".into(),
            "备案".into(),
            "公益服务类".into(),
            "幸福社区".into(),
            "张三".into(),
            "13912345678".into(),
            "2017-05-01".into(),
            "2019-01-15".into(),
            "党建指导员".into(),
            "导入前请删除本示例行".into(),
        ];
        sheets::write_table(
            "成员单位",
            "成员单位导入模板（表头请勿修改；登记的组织填信用代码，备案的组织填备案编号）",
            &columns,
            &[example],
        )
    }

    /// The problems of a refused import, as a sheet the person can print or send.
    pub fn members_import_problems_xlsx(&self, problems: &[ImportProblem]) -> Result<Vec<u8>> {
        let rows: Vec<Vec<String>> = problems
            .iter()
            .map(|p| {
                vec![
                    if p.row == 0 { "整个文件".into() } else { format!("第{}行", p.row) },
                    p.column.clone(),
                    p.message.clone(),
                ]
            })
            .collect();
        sheets::write_table(
            "导入问题",
            "成员单位导入问题清单（改正后重新导入）",
            &[
                Column { header: "行", width: 10.0 },
                Column { header: "列", width: 18.0 },
                Column { header: "问题", width: 80.0 },
            ],
            &rows,
        )
    }

    /// The roster of every member, formatted for printing.
    pub fn members_roster_xlsx(&self) -> Result<Vec<u8>> {
        let today = self.today();
        let members = sql::all(self.store.conn())?;
        let rows: Vec<Vec<String>> = members
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let e = member::eligibility(m, today);
                vec![
                    (i + 1).to_string(),
                    m.name.clone(),
                    m.legal_form.label().into(),
                    m.credit_code.clone().or(m.filing_no.clone()).unwrap_or_default(),
                    m.category.clone(),
                    m.community.clone().unwrap_or_default(),
                    m.leader.clone(),
                    m.phone.clone(),
                    m.founded_on.map(|d| d.to_string()).unwrap_or_default(),
                    m.joined_on.to_string(),
                    m.left_on.map(|d| d.to_string()).unwrap_or_default(),
                    m.status.label().into(),
                    m.party_building.label().into(),
                    m.latest_inspection.map(|i| format!("{} {}", i.year, i.result.label())).unwrap_or_default(),
                    m.latest_rating
                        .map(|r| {
                            format!("{}A（{}年{}）", r.level, r.year, if e.rating_expired { "，已过期" } else { "" })
                        })
                        .unwrap_or_default(),
                    match (&e.flag_reason, e.priority) {
                        (Some(reason), _) => format!("提示：{reason}"),
                        (None, true) => "优先".into(),
                        _ => String::new(),
                    },
                ]
            })
            .collect();
        let columns = [
            ("序号", 6.0),
            ("单位名称", 34.0),
            ("组织形式", 9.0),
            ("信用代码/备案编号", 22.0),
            ("类别", 12.0),
            ("所属社区", 12.0),
            ("负责人", 10.0),
            ("联系电话", 15.0),
            ("成立日期", 12.0),
            ("加入日期", 12.0),
            ("退出日期", 12.0),
            ("状态", 8.0),
            ("党建覆盖", 11.0),
            ("最近年检", 14.0),
            ("评估等级", 18.0),
            ("资格提示", 24.0),
        ];
        let columns: Vec<Column<'_>> = columns.iter().map(|(h, w)| Column { header: h, width: *w }).collect();
        sheets::write_table("成员单位名册", &format!("成员单位名册（{today}）"), &columns, &rows)
    }
}

/// The template's columns, in order, with their widths.
pub const TEMPLATE_COLUMNS: [(Col, f64); 12] = [
    (Col::Name, 34.0),
    (Col::CreditCode, 22.0),
    (Col::FilingNo, 16.0),
    (Col::LegalForm, 10.0),
    (Col::Category, 12.0),
    (Col::Community, 12.0),
    (Col::Leader, 10.0),
    (Col::Phone, 15.0),
    (Col::FoundedOn, 12.0),
    (Col::JoinedOn, 12.0),
    (Col::PartyBuilding, 12.0),
    (Col::Notes, 24.0),
];
