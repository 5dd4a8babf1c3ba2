//! The packet model: everything one application packet (申报材料, DOMAIN.md §5) prints, already
//! computed. Renderers are pure functions of a `Packet`; none of them looks anything up, adds
//! anything up or formats a 大写 amount, so the PDF, the DOCX, the XLSX and the manifest can
//! never disagree about a figure. The builder (elsewhere, from one read snapshot of the books)
//! owns every computation; labels arrive as the Chinese words printed on the forms.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use shelian_core::Money;
use shelian_core::domain::grant::FundSource;

/// The version of 申报数据.json's structure this program writes. Readers (the district mode)
/// accept every version up to this one and refuse a newer one, which a newer program wrote.
/// - 1: the first packets (no `schema_version` field).
/// - 2: adds `funds` (the grant year's money as of the export) and `warnings`.
pub const PACKET_SCHEMA_VERSION: u32 = 2;

fn schema_v1() -> u32 {
    1
}

/// One application packet for one grant year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Packet {
    /// See [`PACKET_SCHEMA_VERSION`]; absent (1) in the first packets.
    #[serde(default = "schema_v1")]
    pub schema_version: u32,
    pub federation: FederationInfo,
    pub grant: GrantInfo,
    pub members: MembersSection,
    pub budget: BudgetSection,
    pub projects: ProjectsSection,
    pub targets: Vec<TargetRow>,
    /// The year-1 spending report; present exactly when `grant.sequence == 2`.
    pub previous_year: Option<PreviousYear>,
    /// 本年度工作计划: the secretary's own paragraphs, printed as typed.
    pub plan: Vec<String>,
    /// 承诺: the paragraphs the 申报单位 signs under.
    pub commitment: Vec<String>,
    pub generated_on: NaiveDate,
    /// The grant year's money as the books stood on `generated_on` (since version 2).
    #[serde(default)]
    pub funds: Option<FundsSection>,
    /// The preflight's warnings (not blocking) when the packet was made, e.g. R-ARREARS (since
    /// version 2), so whoever receives the packet sees what the secretary was told.
    #[serde(default)]
    pub warnings: Vec<PacketWarning>,
}

/// 资金到账及配套情况 and the year's budget execution, as of the export: what the district reads to
/// see what it has paid and what it still owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundsSection {
    pub as_of: NaiveDate,
    /// The district's matching per yuan of city money under the year's policy (1 for 1:1).
    pub match_ratio: Decimal,
    /// Days after which unpaid matching is flagged (R-ARREARS).
    pub arrears_warn_days: u32,
    pub city_due: Money,
    pub city_received: Money,
    pub district_due: Money,
    pub district_received: Money,
    /// Every receipt still standing (reversed ones left out), in date order.
    pub receipts: Vec<ReceiptRow>,
    /// The year's 预算执行表 by category, and its 合计 line.
    pub execution: Vec<ExecutionRow>,
    pub execution_total: ExecutionRow,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptRow {
    pub source: FundSource,
    pub date: NaiveDate,
    pub amount: Money,
}

/// One non-blocking line of the preflight, carried in the packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PacketWarning {
    pub rule: Option<String>,
    pub message: String,
}

/// The applicant, as printed on the cover and in 一、基本情况.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FederationInfo {
    pub name: String,
    pub credit_code: String,
    pub street: String,
    pub district: String,
    pub recognition_date: NaiveDate,
    pub recognition_doc_no: String,
    pub legal_rep: String,
    pub secretary: String,
    pub phone: String,
    pub address: String,
    pub bank_name: String,
    pub bank_account: String,
}

/// The grant year applied for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantInfo {
    pub year: i32,
    /// 1 or 2 (R-YEARS).
    pub sequence: u8,
    /// 「第1年」 / 「第2年」.
    pub sequence_label: String,
    pub city_amount: Money,
    pub city_daxie: String,
    pub district_amount: Money,
    pub district_daxie: String,
    pub total: Money,
    pub total_daxie: String,
    /// The matching ratio as printed, e.g. 「1:1」.
    pub match_ratio: String,
    /// Absent while the year is still 申报中.
    pub approval: Option<Approval>,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// 科目表版本: the chart of accounts the year's books are kept in, by its name in the app.
    /// Absent from packets made before the revised chart; they were all on the 2004 chart.
    #[serde(default)]
    pub chart: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Approval {
    pub doc_no: String,
    pub date: NaiveDate,
}

/// One labelled count, e.g. 「公益服务类」 12.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountRow {
    pub label: String,
    pub count: u32,
}

/// Members: the summary of 一、基本情况 and the roster of 附表1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MembersSection {
    /// Members in the roster (active in the grant year).
    pub total: u32,
    pub by_category: Vec<CountRow>,
    /// 登记 / 备案.
    pub by_legal_form: Vec<CountRow>,
    /// 单独组建 / 联合组建 / 党建指导员 / 未覆盖.
    pub by_party_building: Vec<CountRow>,
    /// 5A … 1A and 未评估, counting only ratings still valid.
    pub by_rating: Vec<CountRow>,
    pub roster: Vec<MemberRow>,
}

/// One line of 成员单位名册.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberRow {
    pub name: String,
    /// 「登记」 or 「备案」.
    pub legal_form: String,
    /// Unified social credit code (登记) or street filing number (备案).
    pub code: String,
    pub category: String,
    pub community: String,
    pub leader: String,
    pub phone: String,
    pub joined: NaiveDate,
    /// 「正常」 / 「暂停」 / 「退出」.
    pub status: String,
    /// A valid rating with its year, e.g. 「4A（2023）」; `None` when unrated or expired.
    pub rating: Option<String>,
}

/// 四、资金预算 and 附表2 项目预算表.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetSection {
    pub rows: Vec<BudgetRow>,
    pub city_total: Money,
    pub district_total: Money,
    pub total: Money,
    pub total_daxie: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetRow {
    pub category: String,
    pub city: Money,
    pub district: Money,
    pub total: Money,
    /// What the line pays for, in the secretary's words (may be empty).
    pub note: String,
}

/// 三、服务项目 and 附表3 服务项目清单.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectsSection {
    pub rows: Vec<ProjectRow>,
    pub agreed_total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectRow {
    pub name: String,
    /// 承接组织: a member organization.
    pub undertaker: String,
    pub category: String,
    pub communities: Vec<String>,
    pub agreed_amount: Money,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    /// The project's targets in one line, e.g. 「服务 200 人次；活动 24 场」.
    pub targets: String,
}

/// Projects of one category, for the form's summary when the list is long.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProjectCategory {
    pub category: String,
    pub count: u32,
    pub amount: Money,
}

impl ProjectsSection {
    /// The projects summed up by category, categories in order of first appearance. A view of
    /// the rows (the model stays one list), used by the form when it is too long to print whole.
    pub fn by_category(&self) -> Vec<ProjectCategory> {
        let mut out: Vec<ProjectCategory> = Vec::new();
        for r in &self.rows {
            match out.iter_mut().find(|c| c.category == r.category) {
                Some(c) => {
                    c.count += 1;
                    c.amount += r.agreed_amount;
                }
                None => out.push(ProjectCategory { category: r.category.clone(), count: 1, amount: r.agreed_amount }),
            }
        }
        out
    }
}

/// How many projects the 申报书 lists one by one; beyond it, it sums them up by category.
pub const FORM_PROJECT_LIST_MAX: usize = 12;

/// One line of 五、绩效目标 / 附表5.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetRow {
    /// 一级指标, e.g. 「产出指标」, 「效益指标」, 「满意度指标」.
    pub category: String,
    pub indicator: String,
    pub target: String,
    pub unit: String,
}

/// 二、上年度工作及资金使用情况 and 附表4, for a year-2 packet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousYear {
    pub year: i32,
    pub approval: Option<Approval>,
    pub city_amount: Money,
    pub district_amount: Money,
    pub total: Money,
    pub execution: Vec<ExecutionRow>,
    /// The 合计 line, with `category` 「合计」.
    pub execution_total: ExecutionRow,
    /// 科目表版本 of the previous year's books: a 2025 year stays on the 2004 chart beside a 2026
    /// year on the revised one.
    #[serde(default)]
    pub chart: String,
    pub income_expense: IncomeExpense,
    /// 上年度工作情况: the secretary's own paragraphs.
    pub summary: Vec<String>,
}

/// One budget category of the previous year: budget, spent and remaining per source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExecutionRow {
    pub category: String,
    pub city_budget: Money,
    pub city_spent: Money,
    pub city_remaining: Money,
    pub district_budget: Money,
    pub district_spent: Money,
    pub district_remaining: Money,
    pub total_budget: Money,
    pub total_spent: Money,
    /// 执行率 of the line, e.g. 「93.50%」 (see [`execution_rate`]).
    pub rate: String,
}

/// 资金收支情况 of the previous year, by source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IncomeExpense {
    pub city_received: Money,
    pub district_received: Money,
    pub total_received: Money,
    pub city_spent: Money,
    pub district_spent: Money,
    pub total_spent: Money,
    pub city_balance: Money,
    pub district_balance: Money,
    pub total_balance: Money,
    pub total_spent_daxie: String,
}

/// 执行率 as forms print it: spent ÷ budget in percent, two decimals, rounded half away from
/// zero; 「—」 when nothing was budgeted, since a rate of an empty line means nothing.
pub fn execution_rate(spent: Money, budget: Money) -> String {
    shelian_core::domain::share::percent(spent.as_decimal(), budget.as_decimal(), 2)
}

/// The 承诺 most federations sign; the builder uses it unless the secretary wrote her own. The
/// text lives in the core (`books::packet::STANDARD_COMMITMENT`), which also hands it to the window.
pub fn default_commitment() -> Vec<String> {
    shelian_core::books::packet::STANDARD_COMMITMENT.iter().map(|p| (*p).to_owned()).collect()
}

/// One user-supplied string of a packet and where it is printed, for the coverage check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextField<'a> {
    /// Where the person finds it, e.g. 「成员单位名册第 3 行：负责人」.
    pub place: &'a str,
    pub row: Option<usize>,
    pub text: &'a str,
}

impl Packet {
    /// Every string of the packet that came from a person (names, addresses, free text), with
    /// where it appears, so that the builder can turn characters the fonts lack into preflight
    /// items. Fixed labels of the templates are not included: they are covered by construction.
    pub fn texts(&self) -> Vec<TextField<'_>> {
        let mut out = Vec::new();
        let f = &self.federation;
        for (place, text) in [
            ("社联会名称", &f.name),
            ("统一社会信用代码", &f.credit_code),
            ("所在街道", &f.street),
            ("所在区", &f.district),
            ("认定文号", &f.recognition_doc_no),
            ("法定代表人", &f.legal_rep),
            ("秘书", &f.secretary),
            ("联系电话", &f.phone),
            ("地址", &f.address),
            ("开户银行", &f.bank_name),
            ("银行账号", &f.bank_account),
        ] {
            out.push(TextField { place, row: None, text });
        }
        if let Some(a) = &self.grant.approval {
            out.push(TextField { place: "批复文号", row: None, text: &a.doc_no });
        }
        let m = &self.members;
        for group in [&m.by_category, &m.by_legal_form, &m.by_party_building, &m.by_rating] {
            for c in group {
                out.push(TextField { place: "成员单位统计", row: None, text: &c.label });
            }
        }
        for (i, r) in m.roster.iter().enumerate() {
            let row = Some(i + 1);
            for (place, text) in [
                ("成员单位名册：单位名称", &r.name),
                ("成员单位名册：统一社会信用代码或备案号", &r.code),
                ("成员单位名册：类别", &r.category),
                ("成员单位名册：所在社区", &r.community),
                ("成员单位名册：负责人", &r.leader),
                ("成员单位名册：联系电话", &r.phone),
            ] {
                out.push(TextField { place, row, text });
            }
        }
        for (i, r) in self.budget.rows.iter().enumerate() {
            let row = Some(i + 1);
            out.push(TextField { place: "项目预算表：预算科目", row, text: &r.category });
            out.push(TextField { place: "项目预算表：说明", row, text: &r.note });
        }
        for (i, r) in self.projects.rows.iter().enumerate() {
            let row = Some(i + 1);
            out.push(TextField { place: "服务项目清单：项目名称", row, text: &r.name });
            out.push(TextField { place: "服务项目清单：承接组织", row, text: &r.undertaker });
            out.push(TextField { place: "服务项目清单：类别", row, text: &r.category });
            for c in &r.communities {
                out.push(TextField { place: "服务项目清单：服务社区", row, text: c });
            }
            out.push(TextField { place: "服务项目清单：服务目标", row, text: &r.targets });
        }
        for (i, t) in self.targets.iter().enumerate() {
            let row = Some(i + 1);
            out.push(TextField { place: "绩效目标表：指标类别", row, text: &t.category });
            out.push(TextField { place: "绩效目标表：指标", row, text: &t.indicator });
            out.push(TextField { place: "绩效目标表：目标值", row, text: &t.target });
            out.push(TextField { place: "绩效目标表：单位", row, text: &t.unit });
        }
        if let Some(p) = &self.previous_year {
            if let Some(a) = &p.approval {
                out.push(TextField { place: "上年度批复文号", row: None, text: &a.doc_no });
            }
            for (i, r) in p.execution.iter().enumerate() {
                out.push(TextField {
                    place: "上年度预算执行表：预算科目", row: Some(i + 1), text: &r.category
                });
            }
            for (i, s) in p.summary.iter().enumerate() {
                out.push(TextField { place: "上年度工作情况", row: Some(i + 1), text: s });
            }
        }
        for (i, s) in self.plan.iter().enumerate() {
            out.push(TextField { place: "本年度工作计划", row: Some(i + 1), text: s });
        }
        for (i, s) in self.commitment.iter().enumerate() {
            out.push(TextField { place: "承诺", row: Some(i + 1), text: s });
        }
        out
    }

    /// Key figures for the manifest and the window.
    pub fn key_figures(&self) -> KeyFigures {
        KeyFigures {
            city_amount: self.grant.city_amount,
            district_amount: self.grant.district_amount,
            total: self.grant.total,
            members: self.members.total,
            projects: self.projects.rows.len() as u32,
        }
    }

    /// The folder and base names used in the ZIP, e.g. 「2020年度申报材料」.
    pub fn folder_name(&self) -> String {
        format!("{}年度申报材料", self.grant.year)
    }
}

/// The figures a reader checks first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyFigures {
    pub city_amount: Money,
    pub district_amount: Money,
    pub total: Money,
    pub members: u32,
    pub projects: u32,
}

#[cfg(test)]
mod tests {
    use super::execution_rate;
    use shelian_core::Money;
    use shelian_core::books::reports::percent;

    #[test]
    fn the_packet_and_the_app_print_the_same_rate() {
        // See: issue 14 — 12,900 of 80,000 is 16.125%: the app said 16.12%, the packet 16.13%.
        let spent = Money::from_yuan(12_900);
        let budget = Money::from_yuan(80_000);
        assert_eq!(execution_rate(spent, budget), "16.13%");
        assert_eq!(percent(spent, budget), execution_rate(spent, budget));
    }
}
