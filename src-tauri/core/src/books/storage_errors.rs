//! Storage failures surface as `CoreError::Storage`: a read that fails underneath is never turned
//! into "not found", "not closed" or "nothing saved yet". Each case breaks one table of demo books
//! on the connection (renamed away, as a damaged or foreign schema would look) and calls the
//! facade the way the window does.

use std::path::Path;

use super::{Books, OpenOptions};
use crate::demo::{DemoScale, create_file};
use crate::error::{CoreError, ErrorCode, ErrorPayload};

/// A fresh copy of the demo file, so each case breaks its own books.
fn demo_books(original: &Path, n: usize) -> Books {
    let copy = original.with_file_name(format!("case-{n}.shelian"));
    std::fs::copy(original, &copy).unwrap();
    Books::open(&copy, OpenOptions::default()).unwrap()
}

/// Renames `table` away on the books' own connection: every later read of it fails in SQLite.
fn break_table(books: &Books, table: &str) {
    books.store.conn().execute_batch(&format!("ALTER TABLE {table} RENAME TO {table}_gone")).unwrap();
}

fn assert_storage<T: std::fmt::Debug>(what: &str, out: crate::error::Result<T>) {
    match out {
        Err(e @ CoreError::Storage(_)) => {
            let payload = ErrorPayload::from(e);
            assert_eq!(payload.code, ErrorCode::Storage, "{what}");
            assert!(payload.message.contains("没有保存") || payload.message.contains("失败"), "{what}: {payload:?}");
        }
        other => panic!("{what}: a broken table must come back as a storage error, got {other:?}"),
    }
}

#[test]
fn a_failed_read_is_a_storage_error_not_an_empty_answer() {
    type Case = (&'static str, &'static str, fn(&mut Books, i64) -> crate::error::Result<()>);
    let cases: [Case; 8] = [
        // Was `.ok()`: a failing read showed an empty, default draft that saving would overwrite.
        ("packet_draft", "the packet's text", |b, gy| b.packet_draft(gy).map(drop)),
        // Was `unwrap_or(false)` on every earlier month: a failure counted as "open".
        ("closed_month", "month close", |b, _| b.month_close("2020-12")),
        ("closed_month", "the months of a year", |b, gy| b.months(gy).map(drop)),
        ("project", "a year's project progress", |b, gy| b.grant_progress(gy).map(drop)),
        ("member", "a member", |b, _| b.member_get(1).map(drop)),
        // "No profile yet" would send the secretary to first-run setup over existing books.
        ("federation", "the federation profile", |b, _| b.federation_get().map(drop)),
        ("meta", "the demo marker", |b, _| b.is_demo().map(drop)),
        ("fund_receipt", "a grant year", |b, gy| b.grant_year(gy).map(drop)),
    ];
    let dir = tempfile::tempdir().unwrap();
    let original = dir.path().join("demo.shelian");
    // Closed again at once, so the file is whole without its WAL and can be copied.
    drop(create_file(&original, DemoScale::STREET, OpenOptions::default()).unwrap());
    for (n, (table, what, call)) in cases.into_iter().enumerate() {
        let mut books = demo_books(&original, n);
        let gy = books.grant_years().unwrap().last().unwrap().id;
        break_table(&books, table);
        assert_storage(&format!("{what} with {table} broken"), call(&mut books, gy));
    }
}
