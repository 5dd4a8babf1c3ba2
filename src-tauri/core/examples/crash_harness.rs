//! The long crash run (issue #13): `parent N` kills N children with SIGKILL at random moments while
//! they post to a real file, and checks after each kill that nothing committed was lost. `child FILE
//! LOG SEED` is what the parent starts; it runs until it is killed.
//!
//! ```text
//! nice -n 10 cargo run -p shelian-core --release --example crash_harness -- parent 200 [SEED]
//! ```
//!
//! The logic (and what a process kill does and does not prove) is in `tests/crash_harness/mod.rs`,
//! shared with the short run of `cargo test` (`tests/crash.rs`).

#[path = "../tests/crash_harness/mod.rs"]
mod harness;

use std::path::Path;
use std::process::{Command, ExitCode};

fn usage() -> ExitCode {
    eprintln!("usage: crash_harness parent N [SEED]\n       crash_harness child FILE LOG SEED");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["child", file, log, seed] => {
            let Ok(seed) = seed.parse() else { return usage() };
            // Returns only on a failure that is not a refusal; the parent reports it.
            if let Err(e) = harness::child(Path::new(file), Path::new(log), seed) {
                eprintln!("child: {e:#}");
            }
            ExitCode::FAILURE
        }
        ["parent", n, rest @ ..] => {
            let Ok(n) = n.parse() else { return usage() };
            let seed = match rest {
                [] => std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map(|d| d.as_nanos() as u64)
                    .unwrap_or(13),
                [s] => match s.parse() {
                    Ok(s) => s,
                    Err(_) => return usage(),
                },
                _ => return usage(),
            };
            let exe = match std::env::current_exe() {
                Ok(exe) => exe,
                Err(e) => {
                    eprintln!("current_exe: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let spawn = |file: &Path, log: &Path, seed: u64| {
                let mut c = Command::new(&exe);
                c.arg("child").arg(file).arg(log).arg(seed.to_string());
                c
            };
            println!("crash harness: {n} kills, seed {seed}");
            match harness::parent(n, seed, 5, 400, &spawn, false) {
                Ok(summary) => {
                    println!("{summary}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("FAILED (seed {seed}): {e:#}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => usage(),
    }
}
