//! The command layer at city scale (issue 16): opens a books file (e.g. one `big_books` wrote) the
//! way the app does, then times, through the facade and with the reply serialized to JSON as IPC
//! does, every call the window makes to show 首页, the first page of 记账 and the 预算执行表 (and,
//! with no target, 服务项目, which bench-window also times).
//! `cargo run -p shelian-core --release --example city_commands -- FILE [RUNS]`; prints the median
//! and p95 of each call and the sum per page (the calls of a page run one after the other on the
//! app's one connection).

use std::time::{Duration, Instant};

use shelian_core::books::ledger::VoucherQuery;
use shelian_core::books::projects::ProjectQuery;
use shelian_core::store::members::List;
use shelian_core::{Books, OpenOptions};

/// A call's name with its median and p95 in ms.
type Timed = (&'static str, (f64, f64));

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Median and p95 of `runs` calls of `f`, whose reply is serialized as IPC would.
fn time<T: serde::Serialize>(runs: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(serde_json::to_string(&f()).expect("json"));
            start.elapsed()
        })
        .collect();
    times.sort();
    (ms(times[runs / 2]), ms(times[(runs * 95 / 100).min(runs - 1)]))
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(file) = args.first() else {
        eprintln!("usage: city_commands FILE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(20).max(1);
    // A copy, so that opening (which may migrate and always checks the file) leaves FILE alone.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("books.shelian");
    std::fs::copy(file, &path).expect("copy the books");

    let start = Instant::now();
    let books = Books::open(&path, OpenOptions::default()).expect("open");
    println!("{:<44} {:>9.1} ms   (once: inspect, quick_check, pragmas)", "Books::open", ms(start.elapsed()));
    let start = Instant::now();
    books.backup_daily().expect("daily backup");
    println!("{:<44} {:>9.1} ms   (once a day: copy and verify)", "Books::backup_daily", ms(start.elapsed()));

    let years = books.grant_years().expect("years");
    // The year 记账 opens on: the latest executing one, else the latest (kit/GrantYearScope).
    let gy = years
        .iter()
        .filter(|g| g.status == shelian_core::domain::grant::GrantStatus::Executing)
        .max_by_key(|g| g.year)
        .or_else(|| years.iter().max_by_key(|g| g.year))
        .expect("a grant year")
        .id;
    let total = books.vouchers(&VoucherQuery { grant_year_id: gy, month: None, page: 1, page_size: 1 }).expect("count");
    println!("grant year {gy}: {} vouchers; {runs} runs per call, reply serialized to JSON", total.total);

    let pages: Vec<(&str, Vec<Timed>)> = vec![
        (
            "首页",
            vec![
                (
                    "federation_get + schema_version (session_get)",
                    time(runs, || (books.federation_get().expect("fed"), books.schema_version().expect("v"))),
                ),
                ("home_overview", time(runs, || books.home_overview().expect("home"))),
                (
                    "vouchers_list, page size 1 (the count)",
                    time(runs, || {
                        books
                            .vouchers(&VoucherQuery { grant_year_id: gy, month: None, page: 1, page_size: 1 })
                            .expect("n")
                    }),
                ),
            ],
        ),
        (
            "记账, first page",
            vec![
                ("grant_years_list", time(runs, || books.grant_years().expect("years"))),
                (
                    "vouchers_list, page 1 of 20",
                    time(runs, || {
                        books
                            .vouchers(&VoucherQuery { grant_year_id: gy, month: None, page: 1, page_size: 20 })
                            .expect("p")
                    }),
                ),
                ("months_list", time(runs, || books.months(gy).expect("months"))),
                ("spend_options", time(runs, || books.spend_options(gy).expect("spend"))),
                ("chart_get", time(runs, || books.chart_of_year(gy).expect("chart"))),
            ],
        ),
        ("预算执行表", vec![("report_budget_execution", time(runs, || books.report_budget_execution(gy).expect("r")))]),
        (
            "服务项目 (no target)",
            vec![
                (
                    "projects_list of the year",
                    time(runs, || {
                        books
                            .projects_list(&ProjectQuery {
                                grant_year_id: Some(gy),
                                status: None,
                                member_id: None,
                                community_id: None,
                            })
                            .expect("projects")
                    }),
                ),
                ("grant_progress", time(runs, || books.grant_progress(gy).expect("progress"))),
                ("communities_list", time(runs, || books.list_entries(List::Community).expect("communities"))),
            ],
        ),
    ];
    let mut sums = Vec::new();
    for (page, calls) in pages {
        let sum: f64 = calls.iter().map(|(_, (m, _))| m).sum();
        println!("{page}: {sum:.2} ms in all (sum of medians)");
        for (name, (median, p95)) in calls {
            println!("  {name:<46} median {median:>8.2} ms   p95 {p95:>8.2} ms");
        }
        sums.push(sum);
    }
    // For scripts/bench-city.sh: the sums per page as `key=value` lines.
    if let Ok(out) = std::env::var("BENCH_RESULT") {
        let lines = format!("home_ms={:.2}\nbooks_ms={:.2}\nexecution_ms={:.2}\n", sums[0], sums[1], sums[2]);
        std::fs::write(out, lines).expect("write BENCH_RESULT");
    }
}
