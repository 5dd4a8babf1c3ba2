//! Backup tests on real files: once a day, rotation by a table of dates, verification of a damaged
//! copy, 立即备份 never overwriting, and restores (data back, current books saved first, a newer or
//! foreign file refused with both files byte-identical, a pre-migration backup migrated).

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};
use rusqlite::Connection;

use super::*;
use crate::books::{Books, OpenOptions};
use crate::clock::Clock;
use crate::domain::credit_code;
use crate::domain::federation::FederationInput;
use crate::error::ErrorPayload;
use crate::store::{LATEST_VERSION, MIGRATIONS};

const NAME: &str = "梅园新村街道社区社会组织联合会";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn at(d: NaiveDate) -> Clock {
    Clock::Fixed(d.and_hms_opt(9, 30, 0).unwrap())
}

fn options(d: NaiveDate) -> OpenOptions {
    OpenOptions { operator: "测试员".into(), clock: at(d), attachments_dir: None }
}

fn profile(phone: &str) -> FederationInput {
    FederationInput {
        name: NAME.into(),
        credit_code: credit_code::with_check_char("51320102MJ5000001").unwrap(),
        street: "梅园新村街道".into(),
        district: "玄武区".into(),
        recognition_date: "2018-09-01".into(),
        recognition_doc_no: "玄民〔2018〕12号".into(),
        legal_rep: "王芳".into(),
        secretary: "李静".into(),
        phone: phone.into(),
        ..Default::default()
    }
}

/// Books with a profile in a fresh folder.
fn books(dir: &Path, d: NaiveDate) -> Books {
    let mut books = Books::open(&dir.join("books.shelian"), options(d)).unwrap();
    books.federation_save(&profile("025-84561234")).unwrap();
    books
}

fn names(dir: &Path) -> Vec<String> {
    let mut n: Vec<String> = match std::fs::read_dir(dir) {
        Ok(rd) => rd.map(|e| e.unwrap().file_name().into_string().unwrap()).collect(),
        Err(_) => vec![],
    };
    n.sort();
    n
}

fn phone_in(path: &Path) -> String {
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    c.query_row("SELECT phone FROM federation", [], |r| r.get(0)).unwrap()
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_default()
}

#[test]
fn the_daily_backup_runs_beside_a_writer_and_copies_what_is_committed() {
    let dir = tempfile::tempdir().unwrap();
    let books = books(dir.path(), day("2026-12-03"));
    let job = books.daily_backup().unwrap();
    // Another connection (as the window's would be) holds an open write transaction: the backup,
    // on a connection of its own, neither waits for it nor copies its uncommitted change.
    let writer = Connection::open(dir.path().join("books.shelian")).unwrap();
    writer.execute_batch("BEGIN IMMEDIATE; UPDATE federation SET phone = '13800000000';").unwrap();
    let written = job.run().unwrap().expect("written");
    writer.execute_batch("COMMIT").unwrap();
    assert_eq!(phone_in(&written), "025-84561234", "the committed state at the time of the copy");
    assert_eq!(books.federation_get().unwrap().unwrap().phone, "13800000000", "the writer's change landed");
    assert_eq!(job.run().unwrap(), None, "once a day");
}

#[test]
fn the_first_start_of_a_day_writes_one_verified_backup_and_a_second_start_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = books(dir.path(), day("2026-12-03"));
    let daily = dir.path().join("backups").join("daily");

    let first = books.backup_daily().unwrap().expect("the first start of the day backs up");
    assert_eq!(first, daily.join("books-2026-12-03.shelian"));
    assert_eq!(names(&daily), ["books-2026-12-03.shelian"], "no temp file, no -wal or -shm beside it");
    assert_eq!(phone_in(&first), "025-84561234");
    let written = bytes(&first);

    books.federation_save(&profile("13912345678")).unwrap();
    assert_eq!(books.backup_daily().unwrap(), None, "a second start on the same day writes nothing");
    assert_eq!(bytes(&first), written, "today's backup is not rewritten");

    books.set_clock(at(day("2026-12-04")));
    let next = books.backup_daily().unwrap().expect("the next day backs up again");
    assert_eq!(names(&daily), ["books-2026-12-03.shelian", "books-2026-12-04.shelian"]);
    assert_eq!(phone_in(&next), "13912345678");

    let list = books.backups_list(&[]).unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].taken, "2026-12-04", "newest first");
    assert!(list.iter().all(|b| b.verified && b.kind == BackupKind::Daily && b.problem.is_none()));
    assert!(list.iter().all(|b| b.schema_version == Some(LATEST_VERSION) && b.size > 0));
}

#[test]
fn rotation_keeps_the_seven_newest_days_and_the_first_backup_of_the_twelve_newest_months() {
    let dates = |v: &[&str]| v.iter().map(|s| day(s)).collect::<Vec<_>>();
    let range = |from: &str, n: i64| (0..n).map(|i| day(from) + Duration::days(i)).collect::<Vec<_>>();
    let set = |v: Vec<NaiveDate>| v.into_iter().collect::<BTreeSet<_>>();
    // (what is on disk, what rotation keeps)
    let table: Vec<(Vec<NaiveDate>, Vec<NaiveDate>)> = vec![
        (vec![], vec![]),
        (dates(&["2026-12-03"]), dates(&["2026-12-03"])),
        // Ten days in one month: the 7 newest, and the first of the month.
        (
            range("2026-12-01", 10),
            dates(&[
                "2026-12-01",
                "2026-12-04",
                "2026-12-05",
                "2026-12-06",
                "2026-12-07",
                "2026-12-08",
                "2026-12-09",
                "2026-12-10",
            ]),
        ),
        // Across a month end: the first of November is that month's backup.
        (
            range("2026-11-20", 15),
            dates(&[
                "2026-11-20",
                "2026-11-28",
                "2026-11-29",
                "2026-11-30",
                "2026-12-01",
                "2026-12-02",
                "2026-12-03",
                "2026-12-04",
            ]),
        ),
        // Irregular use (only some days, a gap of months): months count only when the PC was used.
        (
            dates(&["2025-03-15", "2025-03-20", "2025-07-02", "2026-01-05", "2026-01-06"]),
            dates(&["2025-03-15", "2025-03-20", "2025-07-02", "2026-01-05", "2026-01-06"]),
        ),
    ];
    for (on_disk, keep) in table {
        assert_eq!(retained(&on_disk), set(keep.clone()), "on disk: {on_disk:?}");
    }
    // Two years of daily starts: 7 days + 12 months, the oldest month 2026-01 (Dec 2026 counts).
    let two_years = range("2025-01-01", 730);
    let kept = retained(&two_years);
    let mut expected: Vec<NaiveDate> = range("2026-12-25", 7);
    expected.extend((1..=12).map(|m| NaiveDate::from_ymd_opt(2026, m, 1).unwrap()));
    assert_eq!(kept, set(expected));
    assert_eq!(kept.len(), 19);
}

#[test]
fn rotation_on_disk_deletes_only_what_it_does_not_keep_and_leaves_other_files_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut books = books(dir.path(), day("2026-10-01"));
    let daily = dir.path().join("backups").join("daily");
    std::fs::create_dir_all(&daily).unwrap();
    std::fs::write(daily.join("秘书的笔记.txt"), "不要删").unwrap();
    let mut d = day("2026-10-01");
    let mut all = Vec::new();
    while d <= day("2026-12-10") {
        books.set_clock(at(d));
        books.backup_daily().unwrap().unwrap();
        all.push(d);
        d += Duration::days(1);
    }
    let mut expected: Vec<String> =
        retained(&all).iter().map(|d| format!("books-{}.shelian", d.format("%Y-%m-%d"))).collect();
    expected.push("秘书的笔记.txt".into());
    expected.sort();
    assert_eq!(names(&daily), expected);
    assert_eq!(expected.len(), 7 + 3 + 1, "7 days, the first of Oct, Nov and Dec, the note");

    let list = books.backups_list(&[]).unwrap();
    let kinds: Vec<(String, BackupKind)> = list.iter().map(|b| (b.taken.clone(), b.kind)).collect();
    assert_eq!(kinds[0], ("2026-12-10".into(), BackupKind::Daily));
    assert_eq!(kinds[6], ("2026-12-04".into(), BackupKind::Daily));
    assert_eq!(kinds[7], ("2026-12-01".into(), BackupKind::Monthly));
    assert_eq!(kinds[9], ("2026-10-01".into(), BackupKind::Monthly));
}

#[test]
fn a_damaged_backup_is_listed_as_not_verifying() {
    let dir = tempfile::tempdir().unwrap();
    let books = books(dir.path(), day("2026-12-03"));
    let path = books.backup_daily().unwrap().unwrap();
    let mut data = bytes(&path);
    let page = 4096;
    assert!(data.len() > 3 * page);
    for b in &mut data[page..2 * page] {
        *b = 0xA5;
    }
    std::fs::write(&path, &data).unwrap();
    let list = books.backups_list(&[]).unwrap();
    assert_eq!(list.len(), 1);
    assert!(!list[0].verified);
    assert_eq!(list[0].problem.as_deref(), Some("文件已损坏"));
    assert_eq!(bytes(&path), data, "listing never repairs or rewrites a backup");
}

#[test]
fn the_pre_migration_backup_of_an_older_file_is_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.shelian");
    old_file(&path, 3);
    let books = Books::open(&path, options(day("2026-11-26"))).unwrap();
    let list = books.backups_list(&[]).unwrap();
    assert_eq!(list.len(), 1, "{list:?}");
    let b = &list[0];
    assert_eq!(b.kind, BackupKind::BeforeMigration);
    assert_eq!(b.taken, "2026-11-26 09:30:00");
    assert_eq!((b.schema_version, b.verified), (Some(3), true));
    assert!(b.file_name.starts_with("books-v3-"), "{}", b.file_name);
}

#[test]
fn a_backup_into_a_chosen_folder_carries_the_federation_and_the_date_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let mut books = books(dir.path(), day("2026-12-03"));
    let first = books.backup_to(stick.path()).unwrap();
    assert_eq!(first, stick.path().join(format!("{NAME}-备份-2026-12-03.shelian")));
    let first_bytes = bytes(&first);
    books.federation_save(&profile("13912345678")).unwrap();
    let second = books.backup_to(stick.path()).unwrap();
    assert_eq!(second, stick.path().join(format!("{NAME}-备份-2026-12-03-2.shelian")));
    assert_eq!(bytes(&first), first_bytes, "the earlier backup is untouched");
    assert_eq!((phone_in(&first), phone_in(&second)), ("025-84561234".into(), "13912345678".into()));
    assert_eq!(names(stick.path()).len(), 2, "no temp file left behind");

    let listed = books.backups_list(&[stick.path().to_owned()]).unwrap();
    assert_eq!(listed.len(), 2);
    assert!(listed.iter().all(|b| b.kind == BackupKind::Manual && b.verified && b.taken == "2026-12-03"));
}

#[test]
fn a_backup_folder_must_be_a_full_path_to_an_existing_folder() {
    let dir = tempfile::tempdir().unwrap();
    let books = books(dir.path(), day("2026-12-03"));
    let message = |p: &Path| ErrorPayload::from(books.backup_to(p).unwrap_err());
    let relative = message(Path::new("备份"));
    assert_eq!(relative.field.as_deref(), Some("folder"));
    assert!(relative.message.contains("完整的文件夹路径"), "{}", relative.message);
    let missing = message(&dir.path().join("没有这个文件夹"));
    assert!(missing.message.contains("找不到文件夹"), "{}", missing.message);
    let file = dir.path().join("books.shelian");
    assert!(message(&file).message.contains("找不到文件夹"));
    assert!(message(Path::new("")).message.contains("完整的文件夹路径"));
}

#[test]
fn windows_file_names_lose_reserved_characters() {
    assert_eq!(windows_safe("a<b>c:d\"e/f\\g|h?i*j"), "a_b_c_d_e_f_g_h_i_j");
    assert_eq!(windows_safe("  联合会. "), "联合会");
    assert_eq!(windows_safe(""), "社联会管家");
    assert_eq!(windows_safe(&"长".repeat(100)).chars().count(), 60);
}

#[test]
fn a_restore_brings_the_data_back_after_saving_the_current_books_first() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.shelian");
    let mut books = books(dir.path(), day("2026-12-03"));
    let backup = books.backup_to(stick.path()).unwrap();
    let backup_bytes = bytes(&backup);
    books.federation_save(&profile("13912345678")).unwrap();
    let audits_before = books.audit_count().unwrap();

    books.set_clock(Clock::Fixed(day("2026-12-05").and_hms_opt(14, 15, 0).unwrap()));
    let report = books.restore_from(&backup).unwrap();
    assert_eq!(books.federation_get().unwrap().unwrap().phone, "025-84561234", "the backup's data is back");
    assert_eq!(bytes(&backup), backup_bytes, "the backup itself is not changed by restoring from it");

    let saved = dir.path().join("backups").join("before-restore").join("books-20261205-141500.shelian");
    assert_eq!(PathBuf::from(&report.before_restore), saved);
    assert_eq!(phone_in(&saved), "13912345678", "the books as they were before the restore");
    assert_eq!((report.from_version, report.schema_version), (LATEST_VERSION, LATEST_VERSION));

    // The audit log is the backup's (one row), plus the restore itself, naming the saved copy.
    assert_eq!(audits_before, 2);
    let log = books.audit_recent(10).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!((log[0].entity.as_str(), log[0].action.as_str()), ("books", "restore"));
    assert!(log[0].after.as_deref().unwrap().contains("books-20261205-141500.shelian"));

    let listed = books.backups_list(&[]).unwrap();
    assert!(listed.iter().any(|b| b.kind == BackupKind::BeforeRestore && b.taken == "2026-12-05 14:15:00"));

    // The restored books are in WAL mode again, and reopen as they are now.
    let mode: String = books.store.conn().pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    books.federation_save(&profile("025-11112222")).unwrap();
    drop(books);
    let reopened = Books::open(&path, options(day("2026-12-05"))).unwrap();
    assert_eq!(reopened.federation_get().unwrap().unwrap().phone, "025-11112222");
}

/// A file as an older version left it: the first `version` migrations, with a grant year and
/// receipts (which the ledger migration turns into vouchers).
fn old_file(path: &Path, version: usize) {
    let conn = Connection::open(path).unwrap();
    for (_, sql) in &MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
    conn.pragma_update(None, "user_version", version as i64).unwrap();
    conn.execute_batch(
        "INSERT INTO grant_year (id, year, sequence, policy_id, city_fen, district_fen, status, approval_date,
                                 period_start, period_end, created_at, updated_at)
         VALUES (1, 2019, 1, 1, 18000000, 18000000, 'executing', '2019-03-01', '2019-01-01', '2019-12-31', 'x', 'x');
         INSERT INTO fund_receipt (grant_year_id, source, received_on, amount_fen, bank_ref, created_at) VALUES
             (1, 'city', '2019-03-20', 18000000, '回单0320', 'x');",
    )
    .unwrap();
}

#[test]
fn a_backup_taken_before_a_migration_restores_and_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let stick = tempfile::tempdir().unwrap();
    let old = stick.path().join("旧版本-备份-2019-12-31.shelian");
    old_file(&old, 3);
    let old_bytes = bytes(&old);
    let mut books = books(dir.path(), day("2026-12-03"));

    let report = books.restore_from(&old).unwrap();
    assert_eq!((report.from_version, report.schema_version), (3, LATEST_VERSION));
    assert_eq!(books.schema_version().unwrap(), LATEST_VERSION);
    assert_eq!(bytes(&old), old_bytes, "the old backup is not migrated in place");
    let conn = books.store.conn();
    let (year, vouchers): (i32, i64) = conn
        .query_row("SELECT (SELECT year FROM grant_year), (SELECT count(*) FROM voucher)", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((year, vouchers), (2019, 1), "the receipt got its voucher from the ledger migration");
    assert_eq!(crate::store::ledger::unbalanced_vouchers(conn).unwrap(), 0);
    assert!(books.federation_get().unwrap().is_none(), "the old file had no profile: the backup's state wins");
    // Writing works on the migrated books.
    books.federation_save(&profile("025-84561234")).unwrap();
    assert_eq!(phone_in(&PathBuf::from(&report.before_restore)), "025-84561234");
}

/// Asserts that restoring `candidate` is refused with `expect` and that neither file nor the
/// folders around them changed.
fn assert_restore_refused(candidate: &Path, expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.shelian");
    let mut books = books(dir.path(), day("2026-12-03"));
    let wal = dir.path().join("books.shelian-wal");
    let (books_before, wal_before, candidate_before) = (bytes(&path), bytes(&wal), bytes(candidate));
    let folder_before = names(dir.path());
    let err = books.restore_from(candidate).unwrap_err();
    let payload = ErrorPayload::from(err);
    assert!(payload.message.contains(expect), "{}", payload.message);
    assert!(payload.message.contains("没有恢复"), "{}", payload.message);
    assert_eq!(bytes(&path), books_before, "the books are byte-identical");
    assert_eq!(bytes(&wal), wal_before, "and so is their WAL");
    assert_eq!(bytes(candidate), candidate_before, "the candidate is byte-identical");
    assert_eq!(names(dir.path()), folder_before, "no before-restore backup for a refused restore");
    assert_eq!(books.federation_get().unwrap().unwrap().phone, "025-84561234");
}

#[test]
fn a_backup_from_a_newer_version_is_refused_and_neither_file_is_touched() {
    let stick = tempfile::tempdir().unwrap();
    let newer = stick.path().join("新版本-备份-2027-01-01.shelian");
    {
        let conn = Connection::open(&newer).unwrap();
        conn.execute_batch("CREATE TABLE future (x INTEGER) STRICT; INSERT INTO future VALUES (1);").unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1).unwrap();
    }
    let siblings = names(stick.path());
    assert_restore_refused(&newer, "更新版本");
    assert_eq!(names(stick.path()), siblings, "no -wal or -shm appeared beside the candidate");
}

#[test]
fn a_damaged_an_empty_or_a_foreign_file_is_refused_and_nothing_is_touched() {
    let stick = tempfile::tempdir().unwrap();
    let damaged = {
        let src = tempfile::tempdir().unwrap();
        let books = books(src.path(), day("2026-12-03"));
        let p = books.backup_to(stick.path()).unwrap();
        let mut data = bytes(&p);
        for b in &mut data[4096..8192] {
            *b = 0x5A;
        }
        std::fs::write(&p, &data).unwrap();
        p
    };
    assert_restore_refused(&damaged, "损坏");

    let empty = stick.path().join("empty.shelian");
    Connection::open(&empty).unwrap().execute_batch("VACUUM").unwrap();
    assert_restore_refused(&empty, "没有账簿数据");

    let sheet = stick.path().join("roster.shelian");
    std::fs::write(&sheet, "单位名称,统一社会信用代码\n").unwrap();
    assert_restore_refused(&sheet, "不是社联会管家的数据文件");
}
