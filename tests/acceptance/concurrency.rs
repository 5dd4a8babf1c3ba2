//! Two windows on one file (ARCHITECTURE.md allows it): two `Books` opened on the same file from two
//! threads race, round after round, to over-commit the same money — a receipt beyond what a source
//! still owes (R-RECEIPT), an agreement beyond what a budget line has left (R-PROJECT), an expense
//! beyond a line's budget (R-SPEND). Each round starts both attempts together behind a barrier and
//! is set up so that exactly one of them fits; afterwards the winner is undone (reversed or
//! terminated) so the next round races at the same edge again. The books must never go over, and
//! every refusal must carry its rule id: a check that reads the books outside the write
//! transaction loses this race within a few rounds.

mod common;

use std::path::Path;
use std::sync::{Barrier, Mutex};

use common::{Story, at};
use shelian_core::books::ledger::VoucherQuery;
use shelian_core::books::projects::ProjectQuery;
use shelian_core::domain::grant::{ApprovalInput, BudgetLineInput, FundSource, GrantYearInput, ReceiptInput};
use shelian_core::domain::ledger::{ExpenseInput, PaymentMethod, ReversalInput};
use shelian_core::domain::member::{LegalForm, MemberInput, MemberStatus, PartyBuilding};
use shelian_core::domain::project::{ProjectInput, ProjectStatus, SplitInput, TerminateInput};
use shelian_core::store::ledger::VoucherKind;
use shelian_core::store::members::List;
use shelian_core::{Books, CoreError, Money, OpenOptions};

/// Enough rounds that a check-then-write race shows (the pre-fix code lost it within the first
/// dozen rounds on every run).
const ROUNDS: usize = 200;
const TODAY: &str = "2020-06-15";

fn m(s: &str) -> Money {
    Money::parse(s).unwrap()
}

struct World {
    story: Story,
    gy: i64,
    member: i64,
    community: i64,
}

/// 2020 executing, 200,000 per source; office (city) 30,000, labor (city) 50,000. The city's
/// money has arrived up to `city_received`.
fn world(city_received: &str) -> World {
    let mut story = Story::new("2020-01-05", Some("2018-10-15"));
    let books = story.on("2020-01-05");
    let community = books.list_add(List::Community, "梅园社区").unwrap().id;
    let member = books
        .member_create(&MemberInput {
            name: "银龄互助会".into(),
            legal_form: LegalForm::Filed,
            filing_no: "梅备-001".into(),
            category_id: Some(1),
            leader: "王芳".into(),
            phone: "13912345678".into(),
            joined_on: "2018-05-01".into(),
            status: MemberStatus::Active,
            party_building: PartyBuilding::Joint,
            ..MemberInput::default()
        })
        .unwrap()
        .member
        .id;
    let gy = books
        .grant_year_create(&GrantYearInput { year: 2020, city_amount: "200000".into(), ..Default::default() })
        .unwrap()
        .grant
        .id;
    let books = story.on("2020-03-01");
    books
        .grant_year_approve(gy, &ApprovalInput { doc_no: "宁民发〔2020〕3号".into(), date: "2020-03-01".into() })
        .unwrap();
    let line =
        |c: &str, a: &str| BudgetLineInput { category: c.into(), city_amount: a.into(), district_amount: a.into() };
    books.budget_set(gy, &[line("activity", "120000"), line("labor", "50000"), line("office", "30000")]).unwrap();
    books.grant_year_start(gy).unwrap();
    story.on("2020-03-10").receipt_add(gy, &receipt(FundSource::City, city_received)).unwrap();
    story.on(TODAY);
    World { story, gy, member, community }
}

fn receipt(source: FundSource, amount: &str) -> ReceiptInput {
    ReceiptInput {
        source,
        date: "2020-03-10".into(),
        amount: amount.into(),
        bank_ref: String::new(),
        note: String::new(),
    }
}

fn open(path: &Path) -> Books {
    Books::open(path, OpenOptions { operator: "李静".into(), clock: at(TODAY), attachments_dir: None }).unwrap()
}

/// The rule ids of a refusal; a refusal without one (a storage error, a plain field message) is a
/// failure of the test too.
fn rules(e: &CoreError) -> Vec<String> {
    e.problems().iter().filter_map(|p| p.rule.clone()).collect()
}

/// One attempt's outcome: the id of what was written, or the refusal's rule ids (with its text).
type Outcome = Result<i64, (Vec<String>, String)>;

/// Runs `ROUNDS` rounds: both threads call `attempt(books, round, thread)` at once; then thread 0
/// checks the books with `check` (an error text when over) and undoes the winners with `undo`.
/// Returns every outcome and every violation seen.
fn race(
    path: &Path,
    attempt: impl Fn(&mut Books, usize, usize) -> shelian_core::Result<i64> + Sync,
    check: impl Fn(&Books) -> Option<String> + Sync,
    undo: impl Fn(&mut Books, i64) -> shelian_core::Result<()> + Sync,
) -> (Vec<(usize, Outcome)>, Vec<String>) {
    let barrier = Barrier::new(2);
    let outcomes: Mutex<Vec<(usize, Outcome)>> = Mutex::new(Vec::new());
    let violations: Mutex<Vec<String>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for t in 0..2 {
            let (barrier, outcomes, violations, attempt, check, undo) =
                (&barrier, &outcomes, &violations, &attempt, &check, &undo);
            s.spawn(move || {
                let mut books = open(path);
                for round in 0..ROUNDS {
                    barrier.wait();
                    let out = attempt(&mut books, round, t).map_err(|e| (rules(&e), e.to_string()));
                    outcomes.lock().unwrap().push((round, out));
                    barrier.wait();
                    if t == 0 {
                        if let Some(v) = check(&books) {
                            violations.lock().unwrap().push(format!("round {round}: {v}"));
                        }
                        let winners: Vec<i64> = outcomes
                            .lock()
                            .unwrap()
                            .iter()
                            .filter(|(r, o)| *r == round && o.is_ok())
                            .filter_map(|(_, o)| o.as_ref().ok().copied())
                            .collect();
                        for id in winners {
                            if let Err(e) = undo(&mut books, id) {
                                violations.lock().unwrap().push(format!("round {round}: undo failed: {e:?}"));
                            }
                        }
                    }
                    barrier.wait();
                }
            });
        }
    });
    (outcomes.into_inner().unwrap(), violations.into_inner().unwrap())
}

/// Every round: exactly one winner; every loser refused with `rule`; no violation.
fn assert_fair(outcomes: &[(usize, Outcome)], violations: &[String], rule: &str) {
    assert!(
        violations.is_empty(),
        "over-committed {} time(s): {:?}",
        violations.len(),
        &violations[..violations.len().min(5)]
    );
    assert_eq!(outcomes.len(), 2 * ROUNDS);
    for round in 0..ROUNDS {
        let this: Vec<&Outcome> = outcomes.iter().filter(|(r, _)| *r == round).map(|(_, o)| o).collect();
        let won = this.iter().filter(|o| o.is_ok()).count();
        assert_eq!(won, 1, "round {round}: {won} attempts went through: {this:?}");
        for o in this {
            if let Err((ids, text)) = o {
                assert!(ids.iter().any(|i| i == rule), "round {round}: refused without {rule}: {ids:?} {text}");
            }
        }
    }
}

#[test]
fn two_windows_never_receive_more_than_a_source_owes() {
    // 199,000 of 200,000 arrived: each round both windows record the last 1,000.
    let w = world("199000");
    let gy = w.gy;
    let (outcomes, violations) = race(
        &w.story.path,
        |books, _, _| books.receipt_add(gy, &receipt(FundSource::City, "1000")).map(|_| 0),
        |books| {
            let d = books.grant_year(gy).unwrap();
            let city = d.funds.iter().find(|f| f.source == FundSource::City).unwrap();
            (city.received > city.due)
                .then(|| format!("received {} of {} due", city.received.to_grouped(), city.due.to_grouped()))
        },
        |books, _| {
            // Undo every unreversed 1,000 receipt, so the next round races for the last 1,000 again.
            // The receipts are dated in March (their reversals today): the newest of March are
            // enough, at most two per round and each undone at once.
            let newest = VoucherQuery { grant_year_id: gy, month: Some("2020-03".into()), page: 1, page_size: 10 };
            let open: Vec<i64> = books
                .vouchers(&newest)?
                .items
                .into_iter()
                .filter(|v| v.kind == VoucherKind::Receipt && v.amount == m("1000") && v.reversed_by.is_none())
                .map(|v| v.id)
                .collect();
            for id in open {
                books.voucher_reverse(&ReversalInput {
                    voucher_id: id,
                    date: TODAY.into(),
                    reason: "竞争测试撤回".into(),
                })?;
            }
            Ok(())
        },
    );
    assert_fair(&outcomes, &violations, "R-RECEIPT");
    let d = w.story.books.grant_year(gy).unwrap();
    let city = d.funds.iter().find(|f| f.source == FundSource::City).unwrap();
    assert_eq!(city.received, m("199000"), "every winner was reversed");
    assert_eq!(w.story.books.unbalanced_vouchers().unwrap(), 0);
}

#[test]
fn two_windows_never_agree_more_than_a_line_has() {
    let w = world("200000");
    let (gy, member, community) = (w.gy, w.member, w.community);
    let (outcomes, violations) = race(
        &w.story.path,
        |books, round, t| {
            // The whole of office (city), 30,000, under a name of its own per window and round.
            let input = ProjectInput {
                grant_year_id: gy,
                name: format!("社区服务{round}-{t}"),
                member_id: member,
                category: "公益服务类".into(),
                community_ids: vec![community],
                agreement_no: format!("梅社联协〔2020〕{round}-{t}号"),
                signed_on: "2020-04-01".into(),
                starts_on: "2020-04-01".into(),
                ends_on: "2020-11-30".into(),
                splits: vec![SplitInput {
                    category: "office".into(),
                    source: FundSource::City,
                    amount: "30000".into(),
                }],
                beneficiaries: "100".into(),
                sessions: "10".into(),
                volunteer_hours: "50".into(),
                custom_targets: vec![],
                override_reason: String::new(),
            };
            books.project_create(&input).map(|p| p.project.id)
        },
        |books| {
            let open = books
                .projects_list(&ProjectQuery {
                    grant_year_id: Some(gy),
                    status: Some(ProjectStatus::Planned),
                    ..Default::default()
                })
                .unwrap();
            let agreed: Money = open.iter().map(|p| p.agreed).sum();
            (agreed > m("30000"))
                .then(|| format!("{} agreements hold {} on a line of 30,000", open.len(), agreed.to_grouped()))
        },
        |books, id| {
            books
                .project_terminate(id, &TerminateInput { date: TODAY.into(), reason: "竞争测试撤回".into() })
                .map(|_| ())
        },
    );
    assert_fair(&outcomes, &violations, "R-PROJECT");
    let office = w.story.books.spend_options(gy).unwrap();
    let office = office.iter().find(|o| o.category == "office" && o.source == FundSource::City).unwrap();
    assert_eq!((office.committed, office.remaining), (Money::ZERO, m("30000")), "every winner was terminated unpaid");
}

#[test]
fn two_windows_never_spend_more_than_a_line_has() {
    let w = world("200000");
    let gy = w.gy;
    let (outcomes, violations) = race(
        &w.story.path,
        |books, round, t| {
            books
                .expense_post(&ExpenseInput {
                    grant_year_id: gy,
                    date: TODAY.into(),
                    summary: format!("劳务费 第{round}轮 窗口{t}"),
                    category: "labor".into(),
                    source: FundSource::City,
                    amount: "50000".into(),
                    payee: "张三".into(),
                    payment_method: PaymentMethod::Bank,
                    attachments: vec![],
                    project_id: None,
                })
                .map(|v| v.id)
        },
        |books| {
            let o = books.spend_options(gy).unwrap();
            let labor = o.iter().find(|o| o.category == "labor" && o.source == FundSource::City).unwrap();
            (labor.spent > labor.budget)
                .then(|| format!("spent {} of {}", labor.spent.to_grouped(), labor.budget.to_grouped()))
        },
        |books, id| {
            books
                .voucher_reverse(&ReversalInput {
                    voucher_id: id, date: TODAY.into(), reason: "竞争测试撤回".into()
                })
                .map(|_| ())
        },
    );
    assert_fair(&outcomes, &violations, "R-SPEND");
    assert_eq!(w.story.books.unbalanced_vouchers().unwrap(), 0);
}
