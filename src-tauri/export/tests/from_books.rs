//! The packet built from real books (the demo federation): its preflight names what is missing
//! and where to fix it, and once fixed every figure of the packet equals the books' own reports.

use shelian_core::Money;
use shelian_core::books::packet::{PacketDraft, PreflightLevel};
use shelian_core::demo::{self, DemoScale};
use shelian_core::{Books, Clock, OpenOptions};
use shelian_export::from_books::build;

fn demo_books() -> Books {
    let later = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().and_hms_opt(9, 0, 0).unwrap();
    let mut books = Books::open_in_memory(OpenOptions::default()).unwrap();
    demo::generate(&mut books, DemoScale::STREET, 2019).unwrap();
    books.set_clock(Clock::Fixed(later));
    books
}

fn year(books: &Books, y: i32) -> i64 {
    books.grant_years().unwrap().into_iter().find(|g| g.year == y).unwrap().id
}

#[test]
fn the_preflight_names_what_is_missing_and_where() {
    let books = demo_books();
    let built = build(&books, year(&books, 2020)).unwrap();
    let blocking: Vec<(&str, &str)> = built
        .preflight
        .iter()
        .filter(|p| p.level == PreflightLevel::Blocking)
        .map(|p| (p.message.as_str(), p.link.as_str()))
        .collect();
    assert_eq!(
        blocking,
        [
            ("请填写本年度工作计划（申报书第三部分）", "/packet"),
            ("第2年申报须填写上年度工作情况（申报书第二部分）", "/packet"),
        ]
    );
    // The demo's 2020 district matching is half owed, and one undertaker is flagged: warnings only.
    assert!(
        built.preflight.iter().any(|p| p.rule.as_deref() == Some("R-ARREARS") && p.level == PreflightLevel::Warning)
    );
    assert!(built.preflight.iter().any(|p| p.message.contains("承接组织") && p.level == PreflightLevel::Warning));
}

#[test]
fn once_fixed_the_packet_takes_every_figure_from_the_books() {
    let mut books = demo_books();
    let id = year(&books, 2020);
    books
        .packet_draft_save(&PacketDraft {
            grant_year_id: id,
            plan: "一、继续实施银龄助餐等服务项目。\n二、培育社区社会组织。".into(),
            previous_summary: "2019年实施服务项目，资金专款专用。".into(),
            satisfaction_target: "95".into(),
            ..Default::default()
        })
        .unwrap();
    let built = build(&books, id).unwrap();
    assert_eq!(built.blocking(), 0, "{:?}", built.preflight);
    let p = built.packet.unwrap();
    let detail = books.grant_year(id).unwrap();
    assert_eq!((p.grant.year, p.grant.sequence, p.grant.sequence_label.as_str()), (2020, 2, "第2年"));
    assert_eq!((p.grant.total, p.grant.total_daxie.as_str()), (detail.total, "肆拾万元整"));
    assert_eq!(p.members.total as usize, books.members_active_in_year(2020).unwrap().len());
    assert_eq!(p.members.by_category.iter().map(|c| c.count).sum::<u32>(), p.members.total);
    // Terminated projects are not applied for.
    assert_eq!(p.projects.rows.len(), 5);
    let prev = p.previous_year.as_ref().unwrap();
    let exec = books.report_budget_execution(year(&books, 2019)).unwrap();
    assert_eq!(prev.execution_total.total_spent, exec.totals.total.spent);
    assert_eq!(prev.income_expense.total_spent, books.tie_out(year(&books, 2019)).unwrap().expenses);
    assert_eq!(prev.income_expense.total_received, Money::from_yuan(360_000));
    assert_eq!(p.targets.last().unwrap().target, "≥95");
    assert_eq!(p.plan.len(), 2);
}

#[test]
fn a_character_the_fonts_cannot_print_blocks_the_export() {
    let mut books = demo_books();
    let id = year(&books, 2020);
    books
        .packet_draft_save(&PacketDraft {
            grant_year_id: id,
            plan: "开展𠀀字号服务。".into(),
            previous_summary: "已完成。".into(),
            satisfaction_target: "90".into(),
            ..Default::default()
        })
        .unwrap();
    let built = build(&books, id).unwrap();
    let glyph: Vec<_> = built.preflight.iter().filter(|p| p.message.contains("「𠀀」")).collect();
    assert_eq!(glyph.len(), 1, "{:?}", built.preflight);
    assert_eq!((glyph[0].level, glyph[0].link.as_str()), (PreflightLevel::Blocking, "/packet"));
}

/// The test book across the change of chart: 2025 on the 2004 chart, 2026 on the revised one.
#[test]
fn a_2026_packet_names_the_revised_chart_and_its_year_1_report_the_2004_chart() {
    let mut books = Books::open_in_memory(OpenOptions::default()).unwrap();
    let (y25, y26) = demo::chart_transition(&mut books, 2025).unwrap();
    books.set_clock(Clock::Fixed(chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().and_hms_opt(9, 0, 0).unwrap()));
    books
        .packet_draft_save(&PacketDraft {
            grant_year_id: y26,
            plan: "一、继续实施社区服务项目。".into(),
            previous_summary: "2025年资金专款专用。".into(),
            satisfaction_target: "95".into(),
            ..Default::default()
        })
        .unwrap();
    let built = build(&books, y26).unwrap();
    let p = built.packet.expect("a packet");
    assert_eq!((p.grant.year, p.grant.sequence), (2026, 2));
    assert_eq!(p.grant.chart, "民间非营利组织会计制度（2024年修订）");
    let prev = p.previous_year.as_ref().unwrap();
    assert_eq!(prev.chart, "民间非营利组织会计制度（2004）");
    // The year-1 report is the 2025 books' own, on their own chart.
    assert_eq!(prev.execution_total.total_spent, books.tie_out(y25).unwrap().expenses);
    assert_eq!(prev.income_expense.total_received, Money::from_yuan(360_000));

    let files = shelian_export::render_all(&p).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("packet-2026.pdf");
    std::fs::write(&pdf, &files.pdf).unwrap();
    let out = std::process::Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&pdf).arg("-").output().unwrap();
    let text: String = String::from_utf8(out.stdout).unwrap().chars().filter(|c| !c.is_whitespace()).collect();
    assert!(text.contains("按《民间非营利组织会计制度（2024年修订）》核算（科目表版本）"), "{text}");
    assert!(text.contains("上年度账目按《民间非营利组织会计制度（2004）》记账（科目表版本）"));
    assert!(text.contains("科目表版本：民间非营利组织会计制度（2004）"));
}
