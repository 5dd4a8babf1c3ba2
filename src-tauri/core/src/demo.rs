//! Deterministic demo books: the same scale and seed always give the same file contents. Used by
//! tests, by benchmarks and by the first-run choice 「打开示例数据」. The file is marked as demo data
//! inside itself, so the window can never mistake it for real books.
//!
//! Every later capability extends `generate` with its own part of the story.

use std::path::Path;

use chrono::{NaiveDate, NaiveDateTime};

use crate::books::{Books, OpenOptions};
use crate::clock::Clock;
use crate::domain::credit_code;
use crate::domain::federation::FederationInput;
use crate::error::Result;

/// How big the demo federation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoScale {
    /// Member organizations (a pilot street has about 60; a city-scale test uses 10,000).
    pub members: u32,
}

impl DemoScale {
    /// One pilot street, as a secretary would see it.
    pub const STREET: DemoScale = DemoScale { members: 60 };
    /// Benchmark scale: a whole city's worth of organizations in one file.
    pub const CITY: DemoScale = DemoScale { members: 10_000 };
}

/// The instant the demo books are "made": fixed, so the files are reproducible.
pub fn demo_clock() -> Clock {
    Clock::Fixed(demo_now())
}

fn demo_now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2019, 1, 2).and_then(|d| d.and_hms_opt(9, 0, 0)).expect("valid constant date")
}

/// A tiny deterministic generator (SplitMix64), so demo data needs no dependency and never changes
/// between versions of a random-number crate.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The profile of the demo federation: clearly fictional, clearly marked 示例.
pub fn federation_input() -> FederationInput {
    FederationInput {
        name: "示范街道社区社会组织联合会（示例）".into(),
        credit_code: credit_code::with_check_char("51320102MJ5Q00018").unwrap_or_default(),
        street: "示范街道".into(),
        district: "示例区".into(),
        recognition_date: "2018-10-15".into(),
        recognition_doc_no: "示民发〔2018〕36号".into(),
        legal_rep: "王建华".into(),
        secretary: "李晓梅".into(),
        phone: "025-84000000".into(),
        address: "示例区示范路88号社区服务中心三楼".into(),
        bank_name: "南京银行示范支行".into(),
        bank_account: "0100 2000 3000 4000".into(),
    }
}

/// Writes demo books into `books` (which should be empty).
///
/// `scale` and `seed` size and vary the parts later capabilities add (members, grant years,
/// vouchers); the profile itself is always the same.
pub fn generate(books: &mut Books, scale: DemoScale, seed: u64) -> Result<()> {
    let _ = (scale, seed);
    books.mark_demo()?;
    books.federation_save(&federation_input())?;
    Ok(())
}

/// Replaces the file at `path` with freshly generated demo books and opens it with `options`: the
/// data is written under the fixed demo clock, later edits use the caller's clock.
pub fn create_file(path: &Path, scale: DemoScale, options: OpenOptions) -> Result<Books> {
    for suffix in ["", "-wal", "-shm"] {
        let p = path
            .with_file_name(format!("{}{suffix}", path.file_name().and_then(|n| n.to_str()).unwrap_or("demo.shelian")));
        match std::fs::remove_file(&p) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e.into()),
            _ => {}
        }
    }
    {
        let mut books = Books::open(path, OpenOptions { operator: options.operator.clone(), clock: demo_clock() })?;
        generate(&mut books, scale, 2019)?;
    }
    Books::open(path, options)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic_and_bounded() {
        let a: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.below(10)).collect()
        };
        let b: Vec<u64> = {
            let mut r = Rng::new(7);
            (0..5).map(|_| r.below(10)).collect()
        };
        assert_eq!(a, b);
        assert!(a.iter().all(|&x| x < 10));
    }

    #[test]
    fn demo_file_is_marked_and_reproducible() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("demo.shelian");
        let books = create_file(&path, DemoScale::STREET, OpenOptions::default()).unwrap();
        assert!(books.is_demo().unwrap());
        let first = books.federation_get().unwrap().unwrap();
        assert!(first.name.contains("示例"));
        drop(books);
        let again = create_file(&path, DemoScale::STREET, OpenOptions::default()).unwrap();
        assert_eq!(again.federation_get().unwrap().unwrap(), first);
        assert_eq!(again.audit_count().unwrap(), 1, "regeneration starts from an empty file");
    }
}
