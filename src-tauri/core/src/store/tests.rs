//! Store tests on real files: migrations from empty, refusal of files we must not touch (checked
//! byte for byte), the pre-migration backup, one audit row per write, and reopening.

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::books::{Books, OpenOptions};
use crate::clock::Clock;
use crate::domain::credit_code;
use crate::domain::federation::FederationInput;
use crate::error::{CoreError, ErrorCode, ErrorPayload};

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().and_hms_opt(10, 0, 0).unwrap()
}

fn options() -> OpenOptions {
    OpenOptions { operator: "测试员".into(), clock: Clock::Fixed(now()), attachments_dir: None }
}

fn profile() -> FederationInput {
    FederationInput {
        name: "梅园新村街道社区社会组织联合会".into(),
        credit_code: credit_code::with_check_char("51320102MJ5000001").unwrap(),
        street: "梅园新村街道".into(),
        district: "玄武区".into(),
        recognition_date: "2018-09-01".into(),
        recognition_doc_no: "玄民〔2018〕12号".into(),
        legal_rep: "王芳".into(),
        secretary: "李静".into(),
        phone: "025-84561234".into(),
        ..Default::default()
    }
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn assert_refused(path: &Path, expect_in_message: &str) {
    let before = bytes(path);
    let siblings_before: Vec<_> =
        std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    let err = match Books::open(path, options()) {
        Err(e) => e,
        Ok(_) => panic!("{} should have been refused", path.display()),
    };
    assert!(matches!(err, CoreError::FileRefused { .. }), "{err:?}");
    let payload = ErrorPayload::from(err);
    assert_eq!(payload.code, ErrorCode::FileRefused);
    assert!(payload.message.contains(expect_in_message), "{}", payload.message);
    assert!(payload.message.contains("没有被修改"), "{}", payload.message);
    assert_eq!(bytes(path), before, "the refused file must be byte-for-byte unchanged");
    let siblings_after: Vec<_> =
        std::fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(siblings_before, siblings_after, "no backup, -wal or -shm file may appear beside it");
}

#[test]
fn a_new_file_gets_every_migration_and_the_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.shelian");
    let store = Store::open(&path, now()).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let conn = store.conn();
    let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    let sync: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    assert_eq!((fk, mode.as_str(), sync, app_id), (1, "wal", 2, APPLICATION_ID));
    let applied: i64 = conn.query_row("SELECT count(*) FROM schema_migrations", [], |r| r.get(0)).unwrap();
    assert_eq!(applied, LATEST_VERSION);
    let not_strict: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%' AND strict = 0",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(not_strict, 0, "every table is STRICT");
    assert!(dir.path().join("backups").read_dir().is_err(), "a new file needs no backup");
}

#[test]
fn reopening_finds_the_data_and_does_not_migrate_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.shelian");
    {
        let mut books = Books::open(&path, options()).unwrap();
        books.federation_save(&profile()).unwrap();
    }
    let books = Books::open(&path, options()).unwrap();
    let fed = books.federation_get().unwrap().expect("profile persisted");
    assert_eq!(fed.name, "梅园新村街道社区社会组织联合会");
    assert_eq!(fed.recognition_date, NaiveDate::from_ymd_opt(2018, 9, 1));
    assert_eq!(books.audit_count().unwrap(), 1);
    assert!(!books.is_demo().unwrap());
}

#[test]
fn each_write_has_exactly_one_audit_row_with_before_and_after() {
    let mut books = Books::open_in_memory(options()).unwrap();
    books.federation_save(&profile()).unwrap();
    let mut edited = profile();
    edited.phone = "13912345678".into();
    books.federation_save(&edited).unwrap();
    let log = books.audit_recent(10).unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[1].action, "create");
    assert!(log[1].before.is_none());
    assert_eq!(log[0].action, "update");
    assert!(log[0].before.as_deref().unwrap().contains("025-84561234"));
    assert!(log[0].after.as_deref().unwrap().contains("13912345678"));
    assert_eq!(log[0].operator, "测试员");
    assert_eq!(log[0].at, "2026-11-26 10:00:00");
}

#[test]
fn a_refused_write_leaves_no_row_and_no_audit() {
    let mut books = Books::open_in_memory(options()).unwrap();
    let mut bad = profile();
    bad.credit_code.pop();
    bad.credit_code.push('Z');
    assert!(matches!(books.federation_save(&bad), Err(CoreError::Validation(_))));
    assert!(books.federation_get().unwrap().is_none());
    assert_eq!(books.audit_count().unwrap(), 0);
}

#[test]
fn a_failure_inside_the_transaction_rolls_back_the_change_and_its_audit() {
    let mut store = Store::open_in_memory().unwrap();
    let actor = Actor { operator: "测试员".into(), at: now() };
    let valid = profile().validate(now().date()).unwrap();
    let result: crate::error::Result<()> = store.with_tx(|tx| {
        federation::save(tx, &actor, &valid)?;
        Err(CoreError::field("name", "模拟在写入审计之后失败"))
    });
    assert!(result.is_err());
    assert!(federation::get(store.conn()).unwrap().is_none());
    assert_eq!(audit::count(store.conn()).unwrap(), 0);
}

#[test]
fn a_write_without_its_audit_row_is_rolled_back_and_refused() {
    let mut store = Store::open_in_memory().unwrap();
    let actor = Actor { operator: "测试员".into(), at: now() };
    let valid = profile().validate(now().date()).unwrap();
    // A change that forgets its audit row (raw SQL standing in for a store function with a bug).
    let result = store.with_tx(|tx| {
        tx.execute("INSERT INTO budget_category (code, name, sort_order) VALUES ('x1', '测试科目', 99)", [])?;
        Ok(())
    });
    assert!(matches!(result, Err(CoreError::Unaudited)), "{result:?}");
    let n: i64 =
        store.conn().query_row("SELECT count(*) FROM budget_category WHERE code = 'x1'", [], |r| r.get(0)).unwrap();
    assert_eq!(n, 0, "the unaudited change was rolled back");
    assert_eq!(crate::ErrorPayload::from(CoreError::Unaudited).code, crate::error::ErrorCode::Internal);
    // A change with its audit row commits; a transaction that changes nothing needs none.
    store.with_tx(|tx| federation::save(tx, &actor, &valid)).unwrap();
    assert_eq!(audit::count(store.conn()).unwrap(), 1);
    store.with_tx(|tx| federation::get(tx).map(|_| ())).unwrap();
}

#[test]
fn a_file_from_a_newer_version_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer.shelian");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x INTEGER) STRICT; INSERT INTO future VALUES (1);").unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1).unwrap();
    }
    assert_refused(&path, "更新版本");
}

#[test]
fn a_newer_file_in_wal_mode_is_refused_without_touching_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("newer-wal.shelian");
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        conn.execute_batch("CREATE TABLE future (x INTEGER) STRICT;").unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", LATEST_VERSION + 5).unwrap();
    }
    let before = bytes(&path);
    let err = Books::open(&path, options()).err().expect("refused");
    assert!(err.to_string().contains("更新版本"), "{err}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_damaged_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    // A real books file whose pages were overwritten in the middle (a bad USB stick).
    let path = dir.path().join("damaged.shelian");
    {
        let mut books = Books::open(&path, options()).unwrap();
        books.federation_save(&profile()).unwrap();
    }
    {
        // Fold the WAL back into the main file so the damage below hits real pages.
        let conn = Connection::open(&path).unwrap();
        let _: String = conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0)).unwrap();
    }
    let mut data = bytes(&path);
    let page = 4096;
    assert!(data.len() > 2 * page);
    for b in &mut data[page..2 * page] {
        *b = 0xA5;
    }
    std::fs::write(&path, &data).unwrap();
    assert_refused(&path, "损坏");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roster.shelian");
    std::fs::write(&path, "单位名称,统一社会信用代码\n示例,123\n").unwrap();
    assert_refused(&path, "不是社联会管家的数据文件");
}

#[test]
fn another_programs_sqlite_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    }
    assert_refused(&path, "不是社联会管家的数据文件");
}

#[test]
fn an_older_file_is_backed_up_before_it_is_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.shelian");
    {
        // What version 0 of the app left behind: an application id and nothing else. Any future
        // migration step is exercised the same way by lowering user_version below LATEST_VERSION.
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.execute_batch("CREATE TABLE legacy_note (x TEXT) STRICT; INSERT INTO legacy_note VALUES ('保留');")
            .unwrap();
    }
    let store = Store::open(&path, now()).unwrap();
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(backups.len(), 1);
    let name = backups[0].file_name().unwrap().to_str().unwrap().to_owned();
    assert_eq!(name, "old-v0-20261126-100000.db");
    let copy = Connection::open(&backups[0]).unwrap();
    let v: i64 = copy.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    let note: String = copy.query_row("SELECT x FROM legacy_note", [], |r| r.get(0)).unwrap();
    assert_eq!((v, note.as_str()), (0, "保留"));
}

#[test]
fn migrations_are_numbered_and_each_one_is_valid_sql_on_its_own() {
    let conn = Connection::open_in_memory().unwrap();
    for (name, sql) in MIGRATIONS {
        assert!(!name.is_empty());
        conn.execute_batch(sql).unwrap_or_else(|e| panic!("migration {name}: {e}"));
    }
}

#[test]
fn receipts_recorded_before_the_ledger_get_balanced_vouchers_numbered_per_year() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.shelian");
    {
        // A file as version 3 left it: two receipts of 2019 and the district's late one in 2020.
        let conn = Connection::open(&path).unwrap();
        for (_, sql) in &MIGRATIONS[..3] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        conn.pragma_update(None, "user_version", 3).unwrap();
        conn.execute_batch(
            "INSERT INTO grant_year (id, year, sequence, policy_id, city_fen, district_fen, status, approval_date,
                                     period_start, period_end, created_at, updated_at)
             VALUES (1, 2019, 1, 1, 18000000, 18000000, 'executing', '2019-03-01', '2019-01-01', '2019-12-31', 'x', 'x');
             INSERT INTO fund_receipt (grant_year_id, source, received_on, amount_fen, bank_ref, created_at) VALUES
                 (1, 'district', '2020-02-10', 9000000, '', 'x'),
                 (1, 'city', '2019-03-20', 18000000, '回单0320', 'x'),
                 (1, 'district', '2019-06-01', 9000000, '', 'x');",
        )
        .unwrap();
    }
    let store = Store::open(&path, now()).unwrap();
    let conn = store.conn();
    let numbers: Vec<(i32, i64, String, String)> = conn
        .prepare("SELECT year, seq, voucher_date, summary FROM voucher ORDER BY voucher_date")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        numbers,
        [
            (2019, 1, "2019-03-20".into(), "2019年度市级专项资金到账".into()),
            (2019, 2, "2019-06-01".into(), "2019年度区级配套资金到账".into()),
            (2020, 1, "2020-02-10".into(), "2019年度区级配套资金到账".into()),
        ]
    );
    assert_eq!(ledger::unbalanced_vouchers(conn).unwrap(), 0);
    let cash: i64 = conn
        .query_row("SELECT SUM(debit_fen - credit_fen) FROM voucher_line WHERE account_code = '1002'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(cash, 36_000_000);
}
