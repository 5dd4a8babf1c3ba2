//! Writes city-scale books for measuring the whole app (issue 16):
//! `cargo run -p shelian-core --release --example big_books -- OUT N [SEED]` makes a new file OUT
//! holding N vouchers of 2 lines each over several grant years, with members and service projects
//! in proportion (`shelian_core::demo::city`), and prints what `tie_out` and the reports agreed on.

use std::path::PathBuf;
use std::time::Instant;

use shelian_core::demo::city::{CityScale, city_books};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(out), Some(n)) = (args.first(), args.get(1).and_then(|n| n.replace('_', "").parse::<u32>().ok())) else {
        eprintln!("usage: big_books OUT N [SEED]   (N vouchers, at least 1,000)");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2019);
    if n < 1_000 {
        eprintln!("big_books: N must be at least 1,000 (each year holds receipts and project payments)");
        std::process::exit(2);
    }
    let path = PathBuf::from(out);
    let start = Instant::now();
    let made = match city_books(&path, CityScale { vouchers: n }, seed, |step| {
        eprintln!("big_books: {step} ({:.1} s)", start.elapsed().as_secs_f64())
    }) {
        Ok(made) => made,
        Err(e) => {
            eprintln!("big_books: {e}");
            std::process::exit(1);
        }
    };
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "{}: {} vouchers ({} lines), {} grant years, {} members, {} service projects, {:.1} MB, written in {:.1} s",
        path.display(),
        made.vouchers,
        2 * made.vouchers,
        made.years.len(),
        made.members,
        made.projects,
        size as f64 / 1e6,
        start.elapsed().as_secs_f64()
    );
    println!("tie_out per grant year (received, spent, left; 预算执行表 and 收支明细账 agree):");
    for (year, revenue, expenses, money) in made.tie_out {
        println!("  {year}: {revenue} − {expenses} = {money}");
    }
}
