//! Service projects through a grant year (DOMAIN.md §4, step 5): three agreements — one with a
//! flagged undertaker taken with a written reason — instalment payments, activities, one close-out
//! and one termination whose unpaid money returns to its budget line. Then one test per way to
//! break R-PROJECT, each refused with its id and message and with nothing written.

mod common;

use common::{Story, assert_refused};
use shelian_core::Money;
use shelian_core::books::projects::ProjectQuery;
use shelian_core::domain::grant::{ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput};
use shelian_core::domain::ledger::{ExpenseInput, PaymentMethod, ReversalInput};
use shelian_core::domain::member::{
    InspectionInput, InspectionResult, LegalForm, MemberInput, MemberStatus, PartyBuilding,
};
use shelian_core::domain::project::{
    ActivityInput, CloseOutInput, CustomTargetInput, Grade, IndicatorValueInput, ProjectInput, ProjectStatus,
    SplitInput, TerminateInput,
};
use shelian_core::store::members::List;

fn m(s: &str) -> Money {
    Money::parse(s).unwrap()
}

struct World {
    story: Story,
    gy: i64,
    members: Vec<i64>,
    communities: Vec<i64>,
}

fn member(name: &str, n: u32, joined: &str, status: MemberStatus) -> MemberInput {
    MemberInput {
        name: name.into(),
        legal_form: LegalForm::Filed,
        filing_no: format!("梅备-{n:03}"),
        category_id: Some(1),
        leader: "王芳".into(),
        phone: "13912345678".into(),
        joined_on: joined.into(),
        left_on: String::new(),
        status,
        party_building: PartyBuilding::Joint,
        ..MemberInput::default()
    }
}

/// 2020 executing: 200,000 per source; both sources arrived in March.
fn world() -> World {
    let mut story = Story::new("2020-01-05", Some("2018-10-15"));
    let books = story.on("2020-01-05");
    let communities: Vec<i64> =
        ["梅园社区", "桂花社区", "兰苑社区"].iter().map(|c| books.list_add(List::Community, c).unwrap().id).collect();
    let mut members = vec![
        books.member_create(&member("银龄互助会", 1, "2018-05-01", MemberStatus::Active)).unwrap().member.id,
        books.member_create(&member("邻里调解工作室", 2, "2018-05-01", MemberStatus::Active)).unwrap().member.id,
        books.member_create(&member("彩虹文体协会", 3, "2019-02-01", MemberStatus::Active)).unwrap().member.id,
    ];
    // 调解工作室 failed its 2019 inspection: flagged.
    books
        .member_inspection_record(members[1], &InspectionInput { year: 2019, result: InspectionResult::Fail })
        .unwrap();
    let gy = books
        .grant_year_create(&GrantYearInput { year: 2020, city_amount: "200000".into(), ..Default::default() })
        .unwrap()
        .grant
        .id;
    let books = story.on("2020-03-01");
    books
        .grant_year_approve(gy, &ApprovalInput { doc_no: "宁民发〔2020〕3号".into(), date: "2020-03-01".into() })
        .unwrap();
    let line = |c: &str, a: &str, b: &str| BudgetLineInput {
        category: c.into(),
        city_amount: a.into(),
        district_amount: b.into(),
    };
    books
        .budget_set(
            gy,
            &[line("activity", "120000", "120000"), line("labor", "50000", "50000"), line("office", "30000", "30000")],
        )
        .unwrap();
    books.grant_year_start(gy).unwrap();
    for (source, day) in [(FundSource::City, "2020-03-10"), (FundSource::District, "2020-03-20")] {
        let r = ReceiptInput {
            source,
            date: day.into(),
            amount: "200000".into(),
            bank_ref: String::new(),
            note: String::new(),
        };
        story.on(day).receipt_add(gy, &r).unwrap();
    }
    // Joined in June; and one that is suspended.
    let books = story.on("2020-06-02");
    members
        .push(books.member_create(&member("启航便民服务社", 4, "2020-06-01", MemberStatus::Active)).unwrap().member.id);
    members.push(
        books.member_create(&member("暂停的服务队", 5, "2018-05-01", MemberStatus::Suspended)).unwrap().member.id,
    );
    World { story, gy, members, communities }
}

fn agreement(w: &World, name: &str, member: usize, splits: &[(&str, FundSource, &str)]) -> ProjectInput {
    ProjectInput {
        grant_year_id: w.gy,
        name: name.into(),
        member_id: w.members[member],
        category: "公益服务类".into(),
        community_ids: vec![w.communities[0], w.communities[1]],
        agreement_no: format!("梅社联协〔2020〕{}号", name.chars().count()),
        signed_on: "2020-04-01".into(),
        starts_on: "2020-04-01".into(),
        ends_on: "2020-11-30".into(),
        splits: splits
            .iter()
            .map(|(c, s, a)| SplitInput { category: (*c).into(), source: *s, amount: (*a).into() })
            .collect(),
        beneficiaries: "600".into(),
        sessions: "20".into(),
        volunteer_hours: "200".into(),
        custom_targets: vec![CustomTargetInput {
            name: "助餐服务".into(), unit: "份".into(), target: "3000".into()
        }],
        override_reason: String::new(),
    }
}

fn pay(
    w: &mut World,
    project: i64,
    day: &str,
    category: &str,
    source: FundSource,
    amount: &str,
) -> shelian_core::Result<shelian_core::books::ledger::Voucher> {
    let gy = w.gy;
    w.story.on(day).expense_post(&ExpenseInput {
        grant_year_id: gy,
        date: day.into(),
        summary: "服务项目拨付".into(),
        category: category.into(),
        source,
        amount: amount.into(),
        payee: "承接组织".into(),
        payment_method: PaymentMethod::Bank,
        attachments: vec![],
        project_id: Some(project),
    })
}

fn activity(project: i64, day: &str, participants: &str, hours: &str) -> ActivityInput {
    ActivityInput {
        project_id: project,
        held_on: day.into(),
        title: "社区助餐服务".into(),
        place: "梅园社区活动中心".into(),
        participants: participants.into(),
        volunteers: "6".into(),
        volunteer_hours: hours.into(),
        ..Default::default()
    }
}

#[test]
fn three_projects_through_a_year() {
    let mut w = world();
    // 1. 银龄助餐: 60,000 over activity (city) and labor (district).
    let a = agreement(
        &w,
        "银龄助餐",
        0,
        &[("activity", FundSource::City, "40000"), ("labor", FundSource::District, "20000")],
    );
    let p1 = w.story.on("2020-04-01").project_create(&a).unwrap();
    assert_eq!((p1.agreed, p1.project.status), (m("60000"), ProjectStatus::Planned));
    assert_eq!(p1.agreed_daxie, "陆万元整");

    // 2. 邻里调解 with a flagged undertaker: refused without a reason, taken with one (audited).
    let b = agreement(&w, "邻里调解", 1, &[("activity", FundSource::District, "30000")]);
    let e = w.story.on("2020-04-01").project_create(&b).unwrap_err();
    assert_eq!(e.problems()[0].field, "overrideReason");
    assert!(e.problems()[0].message.contains("2019年度年检不合格"), "{e:?}");
    let b = ProjectInput { override_reason: "已于2020年3月完成整改，经理事会研究同意".into(), ..b };
    let p2 = w.story.on("2020-04-01").project_create(&b).unwrap();
    assert_eq!(p2.project.flag_reason, "2019年度年检不合格");
    let audit = w.story.books.audit_recent(1).unwrap();
    assert!(audit[0].after.as_deref().unwrap().contains("已于2020年3月完成整改"), "{audit:?}");

    // 3. 文体活动: 25,000 on activity (city); terminated later.
    let c = agreement(&w, "彩虹文体", 2, &[("activity", FundSource::City, "25000")]);
    let p3 = w.story.on("2020-04-01").project_create(&c).unwrap();

    for p in [p1.project.id, p2.project.id, p3.project.id] {
        w.story.on("2020-04-02").project_start(p).unwrap();
    }
    // Money held by the agreements is not available to other spending (R-SPEND with commitments).
    let options = w.story.books.spend_options(w.gy).unwrap();
    let act_city = options.iter().find(|o| o.category == "activity" && o.source == FundSource::City).unwrap();
    assert_eq!((act_city.committed, act_city.remaining), (m("65000"), m("55000")));

    // Instalments: 50% at the start, the rest at the end.
    pay(&mut w, p1.project.id, "2020-04-10", "activity", FundSource::City, "20000").unwrap();
    pay(&mut w, p1.project.id, "2020-04-10", "labor", FundSource::District, "10000").unwrap();
    pay(&mut w, p2.project.id, "2020-04-12", "activity", FundSource::District, "15000").unwrap();
    pay(&mut w, p3.project.id, "2020-04-15", "activity", FundSource::City, "10000").unwrap();

    // Activities with a photo and an indicator value; progress follows.
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR activity photo";
    let photo = w.story.books.attachment_store("助餐现场.png", png).unwrap();
    let custom = p1.targets.iter().find(|t| t.name == "助餐服务").unwrap().id;
    let mut first = activity(p1.project.id, "2020-05-06", "80", "12.5");
    first.photos =
        vec![shelian_core::domain::ledger::AttachmentRef { sha256: photo.sha256.clone(), file_name: photo.file_name }];
    first.indicators = vec![IndicatorValueInput { target_id: custom, value: "400".into() }];
    w.story.on("2020-05-07").activity_add(&first).unwrap();
    let after = w.story.on("2020-06-04").activity_add(&activity(p1.project.id, "2020-06-03", "120", "20")).unwrap();
    let t = |name: &str| after.targets.iter().find(|t| t.name == name).unwrap().clone();
    assert_eq!((t("服务人次").actual.as_str(), t("服务人次").percent.as_str()), ("200", "33.3%"));
    assert_eq!((t("服务场次").actual.as_str(), t("志愿服务时长").actual.as_str()), ("2", "32.5"));
    assert_eq!((t("助餐服务").actual.as_str(), t("助餐服务").percent.as_str()), ("400", "13.3%"));
    assert_eq!(after.activities[1].photos.len(), 1);

    // Close-out of 银龄助餐 after the final instalment.
    pay(&mut w, p1.project.id, "2020-11-25", "activity", FundSource::City, "20000").unwrap();
    let e = w
        .story
        .on("2020-11-30")
        .project_close(
            p1.project.id,
            &CloseOutInput { date: "2020-11-30".into(), evaluation: "好".into(), grade: None },
        )
        .unwrap_err();
    let fields: Vec<&str> = e.problems().iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["evaluation", "grade"]);
    let closed = w
        .story
        .on("2020-11-30")
        .project_close(
            p1.project.id,
            &CloseOutInput {
                date: "2020-11-30".into(),
                evaluation: "全年开展助餐服务，惠及独居老人，服务满意度较高；志愿者队伍稳定。".into(),
                grade: Some(Grade::Good),
            },
        )
        .unwrap();
    assert_eq!((closed.project.status, closed.paid, closed.remaining), (ProjectStatus::Closed, m("50000"), m("10000")));
    // A closed project takes no activity and no payment.
    let e = w.story.on("2020-12-01").activity_add(&activity(p1.project.id, "2020-11-30", "10", "1")).unwrap_err();
    assert!(e.to_string().contains("只有实施中的项目可以记录活动"), "{e}");
    let e = pay(&mut w, p1.project.id, "2020-12-01", "labor", FundSource::District, "100").unwrap_err();
    assert_refused(e, "R-PROJECT", "projectId", "“银龄助餐”当前为“已结项”，不再接受支付");

    // Termination of 彩虹文体: the unpaid 15,000 returns to activity (city).
    let before = w.story.books.spend_options(w.gy).unwrap();
    let before = before.iter().find(|o| o.category == "activity" && o.source == FundSource::City).unwrap().remaining;
    let ended = w
        .story
        .on("2020-09-01")
        .project_terminate(
            p3.project.id,
            &TerminateInput { date: "2020-09-01".into(), reason: "负责人离职，活动无法继续".into() },
        )
        .unwrap();
    assert_eq!(ended.project.status, ProjectStatus::Terminated);
    let options = w.story.books.spend_options(w.gy).unwrap();
    let now = options.iter().find(|o| o.category == "activity" && o.source == FundSource::City).unwrap().remaining;
    assert_eq!(now - before, m("15000"));

    // Lists and the member's page; the grant year's progress.
    let running = w
        .story
        .books
        .projects_list(&ProjectQuery { status: Some(ProjectStatus::Running), ..Default::default() })
        .unwrap();
    assert_eq!(running.iter().map(|p| p.project.name.as_str()).collect::<Vec<_>>(), ["邻里调解"]);
    let of_member =
        w.story.books.projects_list(&ProjectQuery { member_id: Some(w.members[0]), ..Default::default() }).unwrap();
    assert_eq!(of_member.len(), 1);
    let in_community = w
        .story
        .books
        .projects_list(&ProjectQuery { community_id: Some(w.communities[2]), ..Default::default() })
        .unwrap();
    assert!(in_community.is_empty());
    let progress = w.story.books.grant_progress(w.gy).unwrap();
    assert_eq!((progress.agreed, progress.paid), (m("115000"), m("75000")));
    assert_eq!(progress.activities_by_month, [("2020-05".to_owned(), 1), ("2020-06".to_owned(), 1)]);
    // The books still tie out: project payments are ordinary expenses.
    let tie = w.story.books.tie_out(w.gy).unwrap();
    assert_eq!(tie.expenses, m("75000"));
    assert_eq!(w.story.books.unbalanced_vouchers().unwrap(), 0);
}

#[test]
fn r_project_a_suspended_or_not_yet_joined_undertaker_is_refused_and_nothing_is_written() {
    let mut w = world();
    let before = w.story.fingerprint();
    let e = {
        let a = agreement(&w, "甲", 4, &[("activity", FundSource::City, "1000")]);
        w.story.on("2020-04-01").project_create(&a)
    }
    .unwrap_err();
    assert_refused(e, "R-PROJECT", "memberId", "“暂停的服务队”当前状态为“暂停”，不能承接服务项目");
    let e = {
        let a = agreement(&w, "乙", 3, &[("activity", FundSource::City, "1000")]);
        w.story.on("2020-04-01").project_create(&a)
    }
    .unwrap_err();
    assert_refused(
        e,
        "R-PROJECT",
        "memberId",
        "“启航便民服务社”于 2020-06-01 加入本会，协议签订日 2020-04-01 时还不是成员单位",
    );
    assert_eq!(w.story.fingerprint(), before);
}

#[test]
fn r_project_agreements_beyond_the_budget_line_are_refused_and_nothing_is_written() {
    let mut w = world();
    {
        let a = agreement(&w, "甲", 0, &[("office", FundSource::City, "20000")]);
        w.story.on("2020-04-01").project_create(&a)
    }
    .unwrap();
    // 3,000 spent on office outside any project.
    let gy = w.gy;
    w.story
        .on("2020-04-05")
        .expense_post(&ExpenseInput {
            grant_year_id: gy,
            date: "2020-04-05".into(),
            summary: "打印纸".into(),
            category: "office".into(),
            source: FundSource::City,
            amount: "3000".into(),
            payee: "文具店".into(),
            payment_method: PaymentMethod::Cash,
            attachments: vec![],
            project_id: None,
        })
        .unwrap();
    let before = w.story.fingerprint();
    let e = {
        let a = agreement(&w, "乙", 2, &[("office", FundSource::City, "8000")]);
        w.story.on("2020-04-06").project_create(&a)
    }
    .unwrap_err();
    assert_refused(
        e,
        "R-PROJECT",
        "splits",
        "办公费（市级专项资金）预算 30,000.00 元，项目外已支出 3,000.00 元，其他项目已约定 20,000.00 元，尚可约定 7,000.00 元；本项目约定 8,000.00 元，超出 1,000.00 元",
    );
    // And spending outside the projects may not take what the agreement holds.
    let e = w
        .story
        .on("2020-04-06")
        .expense_post(&ExpenseInput {
            grant_year_id: gy,
            date: "2020-04-06".into(),
            summary: "硒鼓".into(),
            category: "office".into(),
            source: FundSource::City,
            amount: "8000".into(),
            payee: "文具店".into(),
            payment_method: PaymentMethod::Bank,
            attachments: vec![],
            project_id: None,
        })
        .unwrap_err();
    assert_refused(
        e,
        "R-SPEND",
        "amount",
        "服务项目已约定未支付 20,000.00 元，尚余 7,000.00 元；本笔 8,000.00 元超出预算 1,000.00 元",
    );
    assert_eq!(w.story.fingerprint(), before);
}

#[test]
fn r_project_payments_beyond_the_agreement_are_refused_and_nothing_is_written() {
    let mut w = world();
    let p = {
        let a = agreement(&w, "甲", 0, &[("activity", FundSource::City, "10000")]);
        w.story.on("2020-04-01").project_create(&a)
    }
    .unwrap()
    .project
    .id;
    let first = pay(&mut w, p, "2020-04-10", "activity", FundSource::City, "6000").unwrap();
    let before = w.story.fingerprint();
    let e = pay(&mut w, p, "2020-04-11", "activity", FundSource::City, "4000.01").unwrap_err();
    assert_refused(
        e,
        "R-PROJECT",
        "amount",
        "“甲”在项目活动费（市级专项资金）上约定 10,000.00 元，已支付 6,000.00 元，尚可支付 4,000.00 元；本次 4,000.01 元超出 0.01 元",
    );
    let e = pay(&mut w, p, "2020-04-11", "labor", FundSource::City, "100").unwrap_err();
    assert_refused(e, "R-PROJECT", "category", "“甲”的协议没有在人员劳务费（市级专项资金）上约定金额");
    assert_eq!(w.story.fingerprint(), before);
    // A reversed payment frees its amount again.
    w.story
        .on("2020-04-12")
        .voucher_reverse(&ReversalInput {
            voucher_id: first.id, date: "2020-04-12".into(), reason: "金额有误".into()
        })
        .unwrap();
    pay(&mut w, p, "2020-04-12", "activity", FundSource::City, "10000").unwrap();
    let detail = w.story.books.project_get(p).unwrap();
    assert_eq!((detail.paid, detail.payments.len()), (m("10000"), 3));
}

#[test]
fn r_project_speaks_of_the_signing_day_so_a_later_suspension_does_not_block_a_correction() {
    let mut w = world();
    let a = agreement(&w, "银龄助餐", 0, &[("activity", FundSource::City, "10000")]);
    let p = w.story.on("2020-04-01").project_create(&a).unwrap().project.id;
    let m = w.members[0];
    w.story.on("2020-05-01").member_update(m, &member("银龄互助会", 1, "2018-05-01", MemberStatus::Suspended)).unwrap();
    // Same undertaker, same signing day: a typo in the name can be fixed.
    let fixed =
        w.story.on("2020-05-02").project_update(p, &ProjectInput { name: "银龄助餐服务".into(), ..a.clone() }).unwrap();
    assert_eq!(fixed.project.name, "银龄助餐服务");
    // A new signing day is a new signing: the suspended undertaker is refused, nothing written.
    let before = w.story.fingerprint();
    let resigned = ProjectInput { signed_on: "2020-04-01".into(), starts_on: "2020-05-10".into(), ..a };
    let moved = ProjectInput { signed_on: "2020-05-02".into(), ..resigned };
    let e = w.story.on("2020-05-02").project_update(p, &moved).unwrap_err();
    assert_refused(e, "R-PROJECT", "memberId", "当前状态为“暂停”");
    assert_eq!(w.story.fingerprint(), before);
}

/// Issue 14: the agreement form once showed less room than Rust accepts for an agreement being
/// corrected, by what the project was already paid. The room now comes from Rust and is exactly
/// what R-PROJECT accepts: office 30,000 (city); an agreement of 20,000 of which 8,000 was paid;
/// nothing else on the line — the correction may put the whole 30,000 there, not 22,000.
#[test]
fn the_room_an_agreement_is_offered_is_exactly_what_r_project_accepts() {
    let mut w = world();
    let input = agreement(&w, "甲", 0, &[("office", FundSource::City, "20000")]);
    let p = w.story.on("2020-04-01").project_create(&input).unwrap().project.id;
    pay(&mut w, p, "2020-04-10", "office", FundSource::City, "8000").unwrap();
    let books = w.story.on("2020-04-11");
    let office = |o: &[shelian_core::books::projects::AgreementOption]| {
        o.iter().find(|o| o.category == "office" && o.source == FundSource::City).cloned().unwrap()
    };
    let editing = office(&books.agreement_options(w.gy, Some(p)).unwrap());
    assert_eq!((editing.room, editing.paid_here), (m("30000"), m("8000")));
    assert_eq!((editing.spent_outside, editing.other_projects), (m("0"), m("0")));
    // A new agreement sees this one's 20,000 held: 10,000 left.
    let fresh = office(&books.agreement_options(w.gy, None).unwrap());
    assert_eq!((fresh.room, fresh.paid_here, fresh.other_projects), (m("10000"), m("0"), m("20000")));
    // What the form offers is what Rust accepts, to the fen.
    let with = |amount: &str| ProjectInput {
        splits: vec![SplitInput { category: "office".into(), source: FundSource::City, amount: amount.into() }],
        ..input.clone()
    };
    let before = w.story.fingerprint();
    let e = w.story.on("2020-04-11").project_update(p, &with("30000.01")).unwrap_err();
    assert_refused(e, "R-PROJECT", "splits", "尚可约定 30,000.00 元；本项目约定 30,000.01 元，超出 0.01 元");
    assert_eq!(w.story.fingerprint(), before);
    let e = w.story.on("2020-04-11").project_update(p, &with("7999.99")).unwrap_err();
    assert_refused(e, "R-PROJECT", "splits", "已支付 8,000.00 元，约定金额不能低于已支付");
    let d = w.story.on("2020-04-11").project_update(p, &with("30000")).unwrap();
    assert_eq!(d.agreed, m("30000"));
}

/// Issue 14: what the window offers on a project and its grant year is Rust's answer, and each
/// refusal it shows is the one the write gives.
#[test]
fn the_actions_a_project_offers_are_the_writes_rust_accepts() {
    let mut w = world();
    let input = agreement(&w, "甲", 0, &[("office", FundSource::City, "1000")]);
    let d = w.story.on("2020-04-01").project_create(&input).unwrap();
    let p = d.project.id;
    assert!(d.actions.edit.allowed && d.actions.start.allowed && d.actions.pay.allowed);
    assert!(!d.actions.close.allowed && !d.actions.record_activity.allowed);
    let close = CloseOutInput { date: "2020-04-01".into(), evaluation: String::new(), grade: None };
    let e = w.story.on("2020-04-01").project_close(p, &close).unwrap_err();
    assert_eq!(e.problems()[0].message, d.actions.close.reason);
    let e = w.story.on("2020-04-01").activity_add(&activity(p, "2020-04-02", "10", "1")).unwrap_err();
    assert_eq!(e.problems()[0].message, d.actions.record_activity.reason);
    let reason = TerminateInput { date: "2020-04-02".into(), reason: "承接组织解散".into() };
    let d = w.story.on("2020-04-02").project_terminate(p, &reason).unwrap();
    for (allowed, why) in [(&d.actions.edit, "协议不能再修改"), (&d.actions.pay, "不再接受支付")] {
        assert!(!allowed.allowed && allowed.reason.ends_with(why), "{allowed:?}");
    }
    let e = pay(&mut w, p, "2020-04-03", "office", FundSource::City, "1").unwrap_err();
    assert_refused(e, "R-PROJECT", "projectId", &d.actions.pay.reason);
}

/// The bulk path (`expenses_post_many`) in a batch that pays a project: what the agreement holds
/// is read again after the payment, so the expense after it sees the line as the facade would.
#[test]
fn a_batch_with_a_project_payment_refuses_what_the_facade_refuses_and_writes_nothing() {
    let mut w = world();
    let p = {
        let a = agreement(&w, "甲", 0, &[("office", FundSource::City, "20000")]);
        w.story.on("2020-04-01").project_create(&a)
    }
    .unwrap()
    .project
    .id;
    let gy = w.gy;
    let office = |amount: &str, project: Option<i64>| ExpenseInput {
        grant_year_id: gy,
        date: "2020-04-06".into(),
        summary: "办公用品".into(),
        category: "office".into(),
        source: FundSource::City,
        amount: amount.into(),
        payee: "文具店".into(),
        payment_method: PaymentMethod::Bank,
        attachments: vec![],
        project_id: project,
    };
    // 5,000 outside the project, the whole agreement paid, then 5,001 more outside: the line has
    // 30,000 − 25,000 left and nothing held any more.
    let batch = [office("5000", None), office("20000", Some(p)), office("5001", None)];
    let before = w.story.fingerprint();
    let err = w.story.on("2020-04-06").expenses_post_many(&batch).unwrap_err();
    assert_refused(
        err,
        "R-SPEND",
        "amount",
        "办公费（市级专项资金）预算 30,000.00 元，已支出 25,000.00 元，尚余 5,000.00 元；本笔 5,001.00 元超出预算 1.00 元",
    );
    assert_eq!(w.story.fingerprint(), before);
    // A payment beyond the agreement, after a payment in the same batch: R-PROJECT.
    let err = w.story.on("2020-04-06").expenses_post_many(&[office("15000", Some(p)), office("5000.01", Some(p))]);
    assert_refused(err.unwrap_err(), "R-PROJECT", "amount", "已支付 15,000.00 元，尚可支付 5,000.00 元");
    assert_eq!(w.story.fingerprint(), before);
    let ids = w.story.on("2020-04-06").expenses_post_many(&batch[..2]).unwrap();
    assert_eq!(ids.len(), 2);
    let e = w.story.on("2020-04-06").expense_post(&batch[2]).unwrap_err();
    assert_refused(e, "R-SPEND", "amount", "已支出 25,000.00 元，尚余 5,000.00 元；本笔 5,001.00 元超出预算 1.00 元");
    assert_eq!(w.story.books.project_get(p).unwrap().paid, m("20000"));
}
