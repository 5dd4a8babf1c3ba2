//! Fuzzes the member-roster import preview: the bytes of any file a secretary picks (.xlsx, .xls,
//! .csv, or something else renamed) go through the same `members_import_preview` the window calls,
//! and must come back as a report or a refusal, never a panic.
//!
//! The books are opened in memory once per process: migrating a fresh file for every input would
//! spend the fuzzer's time on SQLite instead of on the reader.

#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use shelian_core::{Books, OpenOptions};

thread_local! {
    static BOOKS: RefCell<Books> =
        RefCell::new(Books::open_in_memory(OpenOptions::default()).expect("in-memory books"));
}

/// The first byte picks the name the file arrived under, since the reader also looks at it.
const NAMES: [&str; 4] = ["成员名册.xlsx", "成员名册.xls", "成员名册.csv", "成员名册.txt"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[pick as usize % NAMES.len()];
    BOOKS.with(|b| {
        let books = b.borrow();
        if let Ok(report) = books.members_import_preview(name, bytes) {
            // Each problem points at a row the person can find in the file.
            for p in &report.problems {
                assert!(!p.message.is_empty(), "{p:?}");
            }
        }
    });
});
