//! Benchmarks of the store, run with `cargo bench -p shelian-core` (release profile). Prints one
//! line per figure: median and p95 over repeated runs. Later capabilities add their own figures
//! here (member import, filtered lists, posting at 200,000 voucher lines, packet export).

mod common;

use common::measure;

use shelian_core::demo::{self, DemoScale};
use shelian_core::domain::member::{LegalForm, MemberQuery, SignalFilter};
use shelian_core::{Books, OpenOptions};

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.shelian");

    measure("open a new file (create + migrate)", 20, || {
        let _ = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(path.with_extension("shelian-wal"));
        let _ = std::fs::remove_file(path.with_extension("shelian-shm"));
        Books::open(&path, OpenOptions::default()).expect("open");
    });

    let demo_path = dir.path().join("demo.shelian");
    demo::create_file(&demo_path, DemoScale::STREET, OpenOptions::default()).expect("demo");
    measure("open an existing file (inspect + quick_check)", 50, || {
        Books::open(&demo_path, OpenOptions::default()).expect("open");
    });

    let mut books = Books::open(&demo_path, OpenOptions::default()).expect("open");
    let mut input = demo::federation_input();
    let mut n = 0u32;
    measure("federation_save (validate + tx + audit, fsync)", 50, || {
        n += 1;
        input.phone = format!("025-8{:07}", n);
        books.federation_save(&input).expect("save");
    });

    measure("create the demo file (street scale)", 10, || {
        demo::create_file(&demo_path, DemoScale::STREET, OpenOptions::default()).expect("demo");
    });

    let roster = demo::roster_xlsx(DemoScale::CITY, 3).expect("roster");
    let city_path = dir.path().join("city.shelian");
    let mut run = 0;
    measure("members_import of 10,000 rows (xlsx, one tx, fsync)", 5, || {
        run += 1;
        let p = city_path.with_file_name(format!("city-{run}.shelian"));
        let mut books = Books::open(&p, OpenOptions::default()).expect("open");
        let report = books.members_import("city.xlsx", &roster).expect("import");
        assert!(report.applied && report.added == 10_000);
    });

    let city = Books::open(&city_path.with_file_name("city-1.shelian"), OpenOptions::default()).expect("open");
    measure("members_list at 10,000: first page, by name", 50, || {
        let page = city.members_list(&MemberQuery { page: 1, page_size: 20, ..Default::default() }).expect("list");
        assert_eq!(page.total, 10_000);
    });
    measure("members_list at 10,000: search + 2 filters + last page", 50, || {
        let q = MemberQuery {
            search: "社区".into(),
            legal_form: Some(LegalForm::Registered),
            category_id: Some(1),
            page: 20,
            page_size: 20,
            ..Default::default()
        };
        city.members_list(&q).expect("list");
    });
    measure("members_list at 10,000: flagged filter (latest inspection)", 50, || {
        city.members_list(&MemberQuery { signal: Some(SignalFilter::Flagged), page_size: 20, ..Default::default() })
            .expect("list");
    });
}
