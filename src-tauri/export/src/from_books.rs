//! The packet built from the books, in one read snapshot, with its preflight: every missing field,
//! broken rule and character the fonts cannot print is one line that names the screen that fixes
//! it. A packet is only produced when no blocking line remains (DOMAIN.md §5.4).

use rust_decimal::Decimal;
use shelian_core::books::packet::{PreflightItem, PreflightLevel, paragraphs};
use shelian_core::books::projects::ProjectQuery;
use shelian_core::domain::grant::{FundSource, GrantStatus};
use shelian_core::domain::member::{self, MemberStatus};
use shelian_core::domain::project::{ProjectStatus, TargetKind};
use shelian_core::{Books, Money, Result};

use crate::coverage::FontCoverage;
use crate::model::{
    Approval, BudgetRow, BudgetSection, CountRow, ExecutionRow, FederationInfo, FundsSection, GrantInfo, IncomeExpense,
    MemberRow, MembersSection, PACKET_SCHEMA_VERSION, Packet, PacketWarning, PreviousYear, ProjectRow, ProjectsSection,
    ReceiptRow, TargetRow, default_commitment, execution_rate,
};

/// The packet (when it could be assembled) and the checklist.
pub struct Built {
    pub packet: Option<Packet>,
    pub preflight: Vec<PreflightItem>,
}

impl Built {
    pub fn blocking(&self) -> usize {
        self.preflight.iter().filter(|p| p.level == PreflightLevel::Blocking).count()
    }
}

fn item(level: PreflightLevel, message: impl Into<String>, link: &str, action: &str) -> PreflightItem {
    PreflightItem { level, message: message.into(), rule: None, link: link.into(), action: action.into() }
}

fn with_rule(mut i: PreflightItem, rule: &str) -> PreflightItem {
    i.rule = Some(rule.into());
    i
}

use PreflightLevel::{Blocking, Warning};

/// Builds the packet of `grant_year_id` from one snapshot of `books`, with its preflight.
pub fn build(books: &Books, grant_year_id: i64) -> Result<Built> {
    books.in_snapshot(|b| build_in(b, grant_year_id))
}

fn build_in(books: &Books, grant_year_id: i64) -> Result<Built> {
    let today = books.today();
    let mut pre = Vec::new();
    let detail = books.grant_year(grant_year_id)?;
    let g = &detail.grant;
    let grant_link = format!("/grants/{}", g.id);

    // 社联会信息
    let Some(fed) = books.federation_get()? else {
        pre.push(item(Blocking, "尚未填写本社联会信息", "/federation", "去填写"));
        return Ok(Built { packet: None, preflight: pre });
    };
    for (label, value) in [
        ("地址", &fed.address),
        ("开户银行", &fed.bank_name),
        ("银行账号", &fed.bank_account),
        ("法定代表人", &fed.legal_rep),
        ("秘书", &fed.secretary),
        ("联系电话", &fed.phone),
    ] {
        if value.trim().is_empty() {
            pre.push(item(Blocking, format!("社联会信息缺少“{label}”，申报书每一页都要用到"), "/federation", "去填写"));
        }
    }
    if fed.recognition_date.is_none() || fed.recognition_doc_no.trim().is_empty() {
        pre.push(with_rule(
            item(Blocking, "尚未登记认定日期和认定文号：只有经认定的社联会可以申报", "/federation", "去填写"),
            "R-RECOG",
        ));
    }

    // 预算
    if detail.budget_city_total != g.city_amount || detail.budget_district_total != g.district_amount {
        pre.push(with_rule(
            item(
                Blocking,
                format!(
                    "预算未平衡：市级合计 {} 元（应为 {} 元），区级合计 {} 元（应为 {} 元）",
                    detail.budget_city_total.to_grouped(),
                    g.city_amount.to_grouped(),
                    detail.budget_district_total.to_grouped(),
                    g.district_amount.to_grouped()
                ),
                &grant_link,
                "去编制预算",
            ),
            "R-BUDGET",
        ));
    }
    if let Some(a) = &detail.arrears
        && a.overdue
    {
        pre.push(with_rule(
            item(
                Warning,
                format!("区级配套欠拨 {} 元，已 {} 天：申报时请一并说明", a.amount.to_grouped(), a.days),
                &grant_link,
                "查看",
            ),
            "R-ARREARS",
        ));
    }

    // 成员单位
    let members = books.members_active_in_year(g.year)?;
    if members.is_empty() {
        pre.push(item(Blocking, format!("{} 年没有在册的成员单位", g.year), "/members", "去登记"));
    }
    let expired = members
        .iter()
        .filter(|m| m.status != MemberStatus::Withdrawn && member::eligibility(m, today).rating_expired)
        .count();
    if expired > 0 {
        pre.push(item(
            Warning,
            format!("{expired} 家成员单位的等级评估已过期，名册中不再列出其等级"),
            "/members",
            "查看",
        ));
    }

    // 服务项目
    let projects: Vec<_> = books
        .projects_list(&ProjectQuery { grant_year_id: Some(g.id), ..Default::default() })?
        .into_iter()
        .filter(|p| p.project.status != ProjectStatus::Terminated)
        .collect();
    if projects.is_empty() {
        pre.push(item(Blocking, format!("{} 年度还没有登记服务项目（申报书第三部分）", g.year), "/projects", "去登记"));
    }
    for p in projects.iter().filter(|p| p.eligibility.flag_reason.is_some()) {
        pre.push(item(
            Warning,
            format!(
                "服务项目“{}”的承接组织“{}”{}",
                p.project.name,
                p.project.member_name,
                p.eligibility.flag_reason.clone().unwrap_or_default()
            ),
            &format!("/projects/{}", p.project.id),
            "查看",
        ));
    }

    // 申报书文字
    let draft = books.packet_draft(g.id)?;
    let plan = paragraphs(&draft.plan);
    if plan.is_empty() {
        pre.push(item(Blocking, "请填写本年度工作计划（申报书第三部分）", "/packet", "去填写"));
    }

    // 上年度（第2年）
    let previous = if g.sequence >= 2 {
        let years = books.grant_years()?;
        match years.iter().find(|y| y.year == g.year - 1) {
            Some(prev) => {
                let summary = paragraphs(&draft.previous_summary);
                if summary.is_empty() {
                    pre.push(item(Blocking, "第2年申报须填写上年度工作情况（申报书第二部分）", "/packet", "去填写"));
                }
                let open = books.months(prev.id)?.months.iter().filter(|m| m.vouchers > 0 && !m.closed).count();
                if open > 0 {
                    pre.push(item(
                        Warning,
                        format!("{} 年度还有 {open} 个月未结账，上年度支出报告可能还会变化", prev.year),
                        "/books",
                        "去结账",
                    ));
                }
                Some(previous_year(books, prev.id, summary)?)
            }
            None => {
                pre.push(item(Blocking, format!("找不到 {} 年度的资助记录", g.year - 1), "/grants", "查看"));
                None
            }
        }
    } else {
        None
    };
    if books.unbalanced_vouchers()? > 0 {
        pre.push(item(Blocking, "账簿中有借贷不平衡的凭证，请联系技术支持", "/books", "查看"));
    }

    let Some(recognition_date) = fed.recognition_date else {
        return Ok(Built { packet: None, preflight: pre });
    };
    let note_of =
        |code: &str| draft.budget_notes.iter().find(|n| n.category == code).map(|n| n.note.clone()).unwrap_or_default();
    let budget_rows: Vec<BudgetRow> = detail
        .budget
        .iter()
        .map(|l| BudgetRow {
            category: l.category_name.clone(),
            city: l.city,
            district: l.district,
            total: l.total,
            note: note_of(&l.category),
        })
        .collect();
    let budget_total = detail.budget_city_total + detail.budget_district_total;
    let funds = funds_section(books, &detail, today)?;
    // Every warning the secretary saw travels with the packet; blocking lines never do (a packet
    // is only exported without them).
    let warnings = pre
        .iter()
        .filter(|p| p.level == Warning)
        .map(|p| PacketWarning { rule: p.rule.clone(), message: p.message.clone() })
        .collect();

    let packet = Packet {
        schema_version: PACKET_SCHEMA_VERSION,
        federation: FederationInfo {
            name: fed.name.clone(),
            credit_code: fed.credit_code.clone(),
            street: fed.street.clone(),
            district: fed.district.clone(),
            recognition_date,
            recognition_doc_no: fed.recognition_doc_no.clone(),
            legal_rep: fed.legal_rep.clone(),
            secretary: fed.secretary.clone(),
            phone: fed.phone.clone(),
            address: fed.address.clone(),
            bank_name: fed.bank_name.clone(),
            bank_account: fed.bank_account.clone(),
        },
        grant: GrantInfo {
            year: g.year,
            sequence: g.sequence as u8,
            sequence_label: format!("第{}年", g.sequence),
            city_amount: g.city_amount,
            city_daxie: g.city_amount.to_daxie(),
            district_amount: g.district_amount,
            district_daxie: g.district_amount.to_daxie(),
            total: detail.total,
            total_daxie: detail.total_daxie.clone(),
            match_ratio: format!("1:{}", detail.policy.match_ratio.normalize()),
            approval: g
                .approval_date
                .filter(|_| g.status != GrantStatus::Applying)
                .map(|date| Approval { doc_no: g.approval_doc_no.clone(), date }),
            period_start: g.period_start,
            period_end: g.period_end,
            chart: books.chart_of_year(g.id)?.name,
        },
        members: members_section(&members, today),
        budget: BudgetSection {
            rows: budget_rows,
            city_total: detail.budget_city_total,
            district_total: detail.budget_district_total,
            total: budget_total,
            total_daxie: budget_total.to_daxie(),
        },
        projects: ProjectsSection {
            agreed_total: projects.iter().map(|p| p.agreed).sum(),
            rows: projects
                .iter()
                .map(|p| ProjectRow {
                    name: p.project.name.clone(),
                    undertaker: p.project.member_name.clone(),
                    category: p.project.category.clone(),
                    communities: p.communities.clone(),
                    agreed_amount: p.agreed,
                    period_start: p.project.starts_on,
                    period_end: p.project.ends_on,
                    targets: p
                        .targets
                        .iter()
                        .map(|t| format!("{} {} {}", t.name, t.target, t.unit).trim().to_owned())
                        .collect::<Vec<_>>()
                        .join("；"),
                })
                .collect(),
        },
        targets: performance_targets(&projects, &draft.satisfaction_target),
        previous_year: previous,
        plan,
        commitment: {
            let own = paragraphs(&draft.commitment);
            if own.is_empty() { default_commitment() } else { own }
        },
        generated_on: today,
        funds: Some(funds),
        warnings,
    };

    // Every character a person typed must be printable with the bundled fonts.
    for missing in FontCoverage::bundled().packet_missing(&packet) {
        let place = missing.place.as_str();
        let link = if place.starts_with("成员单位") {
            "/members"
        } else if place.starts_with("服务项目") || place.starts_with("绩效") {
            "/projects"
        } else if place.contains("工作") || place == "承诺" || place.contains("说明") {
            "/packet"
        } else if place.contains("批复") || place.contains("预算") {
            grant_link.as_str()
        } else {
            "/federation"
        };
        pre.push(item(Blocking, missing.message(), link, "去修改"));
    }
    Ok(Built { packet: Some(packet), preflight: pre })
}

fn count_rows<'a>(labels: impl IntoIterator<Item = &'a str>, of: impl Fn(&str) -> u32) -> Vec<CountRow> {
    labels.into_iter().map(|l| CountRow { label: l.to_owned(), count: of(l) }).collect()
}

fn members_section(members: &[shelian_core::domain::member::Member], today: chrono::NaiveDate) -> MembersSection {
    let mut categories: Vec<&str> = Vec::new();
    for m in members {
        if !categories.contains(&m.category.as_str()) {
            categories.push(&m.category);
        }
    }
    let valid_rating = |m: &shelian_core::domain::member::Member| m.latest_rating.filter(|r| r.is_valid_on(today));
    let rating_labels = ["5A", "4A", "3A", "2A", "1A", "未评估"];
    MembersSection {
        total: members.len() as u32,
        by_category: count_rows(categories, |l| members.iter().filter(|m| m.category == l).count() as u32),
        by_legal_form: count_rows(["登记", "备案"], |l| {
            members.iter().filter(|m| m.legal_form.label() == l).count() as u32
        }),
        by_party_building: count_rows(["单独组建", "联合组建", "党建指导员", "未覆盖"], |l| {
            members.iter().filter(|m| m.party_building.label() == l).count() as u32
        }),
        by_rating: count_rows(rating_labels, |l| {
            members
                .iter()
                .filter(|m| match valid_rating(m) {
                    Some(r) => format!("{}A", r.level) == l,
                    None => l == "未评估",
                })
                .count() as u32
        }),
        roster: members
            .iter()
            .map(|m| MemberRow {
                name: m.name.clone(),
                legal_form: m.legal_form.label().into(),
                code: m.credit_code.clone().or(m.filing_no.clone()).unwrap_or_default(),
                category: m.category.clone(),
                community: m.community.clone().unwrap_or_default(),
                leader: m.leader.clone(),
                phone: m.phone.clone(),
                joined: m.joined_on,
                status: match m.status {
                    MemberStatus::Withdrawn => "退出".into(),
                    s => s.label().into(),
                },
                rating: valid_rating(m).map(|r| format!("{}A（{}）", r.level, r.year)),
            })
            .collect(),
    }
}

fn performance_targets(
    projects: &[shelian_core::books::projects::ProjectSummary],
    satisfaction: &str,
) -> Vec<TargetRow> {
    let sum = |kind: TargetKind| -> Decimal {
        projects
            .iter()
            .flat_map(|p| p.targets.iter().filter(move |t| t.kind == kind))
            .map(|t| t.target.parse::<Decimal>().unwrap_or_default())
            .sum()
    };
    let mut rows = vec![
        TargetRow {
            category: "产出指标".into(),
            indicator: "服务项目".into(),
            target: projects.len().to_string(),
            unit: "个".into(),
        },
        TargetRow {
            category: "产出指标".into(),
            indicator: "服务人次".into(),
            target: sum(TargetKind::Beneficiaries).normalize().to_string(),
            unit: "人次".into(),
        },
        TargetRow {
            category: "产出指标".into(),
            indicator: "服务场次".into(),
            target: sum(TargetKind::Sessions).normalize().to_string(),
            unit: "场".into(),
        },
        TargetRow {
            category: "产出指标".into(),
            indicator: "志愿服务时长".into(),
            target: sum(TargetKind::VolunteerHours).normalize().to_string(),
            unit: "小时".into(),
        },
    ];
    for p in projects {
        for t in p.targets.iter().filter(|t| t.kind == TargetKind::Custom) {
            rows.push(TargetRow {
                category: "效益指标".into(),
                indicator: format!("{}：{}", p.project.name, t.name),
                target: t.target.clone(),
                unit: t.unit.clone(),
            });
        }
    }
    rows.push(TargetRow {
        category: "满意度指标".into(),
        indicator: "服务对象满意度".into(),
        target: format!("≥{satisfaction}"),
        unit: "%".into(),
    });
    rows
}

fn execution_row(r: &shelian_core::books::reports::ExecutionRow) -> ExecutionRow {
    ExecutionRow {
        category: r.category_name.clone(),
        city_budget: r.city.budget,
        city_spent: r.city.spent,
        city_remaining: r.city.remaining,
        district_budget: r.district.budget,
        district_spent: r.district.spent,
        district_remaining: r.district.remaining,
        total_budget: r.total.budget,
        total_spent: r.total.spent,
        rate: execution_rate(r.total.spent, r.total.budget),
    }
}

/// The year's money as the books stand today: dues and receipts by source (the same figures as
/// the 资金到账及配套情况表) and the 预算执行表, so the district can read them from the packet.
fn funds_section(
    books: &Books,
    detail: &shelian_core::GrantYearDetail,
    today: chrono::NaiveDate,
) -> Result<FundsSection> {
    let exec = books.report_budget_execution(detail.grant.id)?;
    let position = |s: FundSource| detail.funds.iter().find(|f| f.source == s);
    let due = |s: FundSource| position(s).map(|f| f.due).unwrap_or(Money::ZERO);
    let received = |s: FundSource| position(s).map(|f| f.received).unwrap_or(Money::ZERO);
    let mut receipts: Vec<ReceiptRow> =
        detail.receipts.iter().map(|r| ReceiptRow { source: r.source, date: r.date, amount: r.amount }).collect();
    receipts.sort_by_key(|r| (r.date, r.source));
    Ok(FundsSection {
        as_of: today,
        match_ratio: detail.policy.match_ratio,
        arrears_warn_days: detail.policy.arrears_warn_days,
        city_due: due(FundSource::City),
        city_received: received(FundSource::City),
        district_due: due(FundSource::District),
        district_received: received(FundSource::District),
        receipts,
        execution: exec.rows.iter().map(execution_row).collect(),
        execution_total: execution_row(&exec.totals),
    })
}

fn previous_year(books: &Books, prev_id: i64, summary: Vec<String>) -> Result<PreviousYear> {
    let detail = books.grant_year(prev_id)?;
    let exec = books.report_budget_execution(prev_id)?;
    let row = execution_row;
    let received =
        |s: FundSource| detail.funds.iter().find(|f| f.source == s).map(|f| f.received).unwrap_or(Money::ZERO);
    let (cr, dr) = (received(FundSource::City), received(FundSource::District));
    let (cs, ds) = (exec.totals.city.spent, exec.totals.district.spent);
    Ok(PreviousYear {
        year: detail.grant.year,
        approval: detail
            .grant
            .approval_date
            .map(|date| Approval { doc_no: detail.grant.approval_doc_no.clone(), date }),
        city_amount: detail.grant.city_amount,
        district_amount: detail.grant.district_amount,
        total: detail.total,
        execution: exec.rows.iter().map(row).collect(),
        execution_total: row(&exec.totals),
        chart: exec.chart_name.clone(),
        income_expense: IncomeExpense {
            city_received: cr,
            district_received: dr,
            total_received: cr + dr,
            city_spent: cs,
            district_spent: ds,
            total_spent: cs + ds,
            city_balance: cr - cs,
            district_balance: dr - ds,
            total_balance: cr + dr - cs - ds,
            total_spent_daxie: (cs + ds).to_daxie(),
        },
        summary,
    })
}
