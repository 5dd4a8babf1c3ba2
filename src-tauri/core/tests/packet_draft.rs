//! The packet's own text through the facade: saved per grant year with its audit row, cleaned, and
//! refused with a field message when it breaks a limit.

use shelian_core::books::packet::{BudgetNote, PacketDraft};
use shelian_core::domain::grant::GrantYearInput;
use shelian_core::{Books, Clock, OpenOptions};

fn books() -> (Books, i64) {
    let now = chrono::NaiveDate::from_ymd_opt(2020, 1, 5).unwrap().and_hms_opt(9, 0, 0).unwrap();
    let mut b =
        Books::open_in_memory(OpenOptions {
            operator: "李静".into(), clock: Clock::Fixed(now), attachments_dir: None
        })
        .unwrap();
    let id = b
        .grant_year_create(&GrantYearInput { year: 2020, city_amount: "200000".into(), ..Default::default() })
        .unwrap();
    (b, id.grant.id)
}

#[test]
fn a_draft_is_saved_cleaned_and_audited() {
    let (mut b, id) = books();
    let empty = b.packet_draft(id).unwrap();
    assert_eq!((empty.plan.as_str(), empty.satisfaction_target.as_str(), empty.updated_at), ("", "90", None));
    let saved = b
        .packet_draft_save(&PacketDraft {
            grant_year_id: id,
            plan: "  一、开展助餐服务。  \n\n二、培育社区社会组织。\n".into(),
            satisfaction_target: "９５".into(),
            budget_notes: vec![
                BudgetNote { category: "activity".into(), note: " 助餐、调解等项目活动 ".into() },
                BudgetNote { category: "office".into(), note: "".into() },
            ],
            ..Default::default()
        })
        .unwrap();
    assert_eq!(saved.plan, "一、开展助餐服务。\n\n二、培育社区社会组织。");
    assert_eq!(saved.satisfaction_target, "95");
    assert_eq!(saved.budget_notes, [BudgetNote { category: "activity".into(), note: "助餐、调解等项目活动".into() }]);
    let audit = b.audit_recent(1).unwrap();
    assert_eq!((audit[0].entity.as_str(), audit[0].action.as_str()), ("packet_draft", "update"));
}

#[test]
fn a_bad_draft_is_refused_and_nothing_is_written() {
    let (mut b, id) = books();
    let before = b.audit_count().unwrap();
    let e = b
        .packet_draft_save(&PacketDraft { grant_year_id: id, satisfaction_target: "120".into(), ..Default::default() })
        .unwrap_err();
    assert_eq!(e.problems()[0].message, "满意度目标不能超过100%");
    assert_eq!(b.audit_count().unwrap(), before);
    assert_eq!(b.packet_draft(id).unwrap().updated_at, None);
}
