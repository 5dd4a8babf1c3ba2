//! Shared steps of the acceptance scenarios: books on a real temporary file, a clock that the
//! story moves forward, and a fingerprint of every table to prove that a refusal wrote nothing.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use shelian_core::{Books, Clock, CoreError, FederationInput, OpenOptions, credit_code};

pub struct Story {
    pub books: Books,
    pub path: PathBuf,
    _dir: tempfile::TempDir,
}

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("a valid date in the story")
}

impl Story {
    /// A federation recognized on `recognized` (or not yet), on the morning of `today`.
    pub fn new(today: &str, recognized: Option<&str>) -> Story {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("books.shelian");
        let mut books =
            Books::open(&path, OpenOptions { operator: "李静".into(), clock: at(today), attachments_dir: None })
                .expect("open");
        books
            .federation_save(&FederationInput {
                name: "梅园新村街道社区社会组织联合会".into(),
                credit_code: credit_code::with_check_char("51320102MJ5000001").expect("code"),
                street: "梅园新村街道".into(),
                district: "玄武区".into(),
                recognition_date: recognized.unwrap_or("").into(),
                recognition_doc_no: if recognized.is_some() { "玄民〔2018〕12号".into() } else { String::new() },
                legal_rep: "王芳".into(),
                secretary: "李静".into(),
                phone: "025-84561234".into(),
                ..Default::default()
            })
            .expect("profile");
        Story { books, path, _dir: dir }
    }

    pub fn on(&mut self, day: &str) -> &mut Books {
        self.books.set_clock(at(day));
        &mut self.books
    }

    /// Every row of every table, as text: equal fingerprints mean nothing was written.
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.path)
    }
}

pub fn at(day: &str) -> Clock {
    Clock::Fixed(d(day).and_hms_opt(9, 30, 0).expect("time"))
}

pub fn fingerprint(path: &Path) -> String {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("read");
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<Result<_, _>>()
        .expect("tables");
    let mut out = String::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).expect("select");
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| (0..n).map(|i| r.get_ref(i).map(|v| format!("{v:?}"))).collect::<Result<Vec<_>, _>>())
            .expect("rows");
        for row in rows {
            out.push_str(&format!("{t}: {}\n", row.expect("row").join(" | ")));
        }
    }
    out
}

/// Asserts a refusal: the rule id, a message containing `says`, on `field`.
pub fn assert_refused(err: CoreError, rule: &str, field: &str, says: &str) {
    let problems = err.problems();
    assert!(!problems.is_empty(), "expected a validation refusal, got {err:?}");
    let p = problems
        .iter()
        .find(|p| p.rule.as_deref() == Some(rule))
        .unwrap_or_else(|| panic!("no {rule} in {problems:?}"));
    assert_eq!(p.field, field, "{p:?}");
    assert!(p.message.contains(says), "message {:?} should contain {says:?}", p.message);
}
