//! The short crash run of `cargo test`: ten SIGKILLs at random moments while a child process posts
//! to a real file, each followed by every check of the harness (`tests/crash_harness/mod.rs`; the
//! 200-kill run is `examples/crash_harness.rs`).
//!
//! The child is this test binary itself, started again with `SHELIAN_CRASH_CHILD` set and told to
//! run only `crash_child`, so the test needs no other binary to be built.

mod crash_harness;

use std::path::Path;
use std::process::Command;

const CHILD_ENV: &str = "SHELIAN_CRASH_CHILD";

#[test]
fn ten_kills_at_random_moments_lose_nothing_committed() {
    let exe = std::env::current_exe().expect("test binary");
    let spawn = |file: &Path, log: &Path, seed: u64| {
        let mut c = Command::new(&exe);
        c.args(["crash_child", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, format!("{}\n{}\n{seed}", file.display(), log.display()));
        c
    };
    // A fixed seed, so a failure in CI is the same failure on a laptop.
    let summary = crash_harness::parent(10, 0x5348_4C4E, 20, 600, &spawn, true).unwrap_or_else(|e| panic!("{e:#}"));
    eprintln!("{summary}");
    assert_eq!(summary.kills, 10);
    assert_eq!(summary.losses, 0);
    // The run must have done real work, or it proved nothing.
    assert!(summary.vouchers_in_file > 0, "{summary}");
}

/// The harness is only worth its "0 losses" if it notices a loss: after two kills, a stored
/// attachment overwritten and then a committed voucher deleted behind the triggers are both caught.
#[test]
fn the_checks_catch_a_damaged_attachment_and_a_lost_voucher() {
    let exe = std::env::current_exe().expect("test binary");
    let spawn = |file: &Path, log: &Path, seed: u64| {
        let mut c = Command::new(&exe);
        c.args(["crash_child", "--exact", "--ignored", "--nocapture", "--test-threads=1"])
            .env(CHILD_ENV, format!("{}\n{}\n{seed}", file.display(), log.display()));
        c
    };
    let dir = tempfile::tempdir().unwrap();
    // Long lives, so that the children get past setup and post.
    let summary =
        crash_harness::parent_in(dir.path(), 2, 7, 1500, 1500, &spawn, true).unwrap_or_else(|e| panic!("{e:#}"));
    assert!(summary.vouchers_in_file > 0 && summary.files > 0, "the children posted nothing to tamper with: {summary}");
    crash_harness::verify_in(dir.path()).expect("untouched books pass");

    let log = std::fs::read_to_string(dir.path().join("committed.log")).unwrap();
    let sha = log.lines().find_map(|l| l.strip_prefix("F\t")).expect("a stored file").to_owned();
    let stored = dir.path().join("attachments").join(&sha[..2]).join(&sha);
    let original = std::fs::read(&stored).unwrap();
    std::fs::write(&stored, b"\x89PNG\r\n\x1a\n another scan").unwrap();
    let e = format!("{:#}", crash_harness::verify_in(dir.path()).unwrap_err());
    assert!(e.contains(&sha), "{e}");
    std::fs::write(&stored, original).unwrap();
    crash_harness::verify_in(dir.path()).expect("restored books pass");

    let conn = rusqlite::Connection::open(dir.path().join("books.shelian")).unwrap();
    conn.execute_batch(
        "DROP TRIGGER voucher_no_delete; DROP TRIGGER voucher_line_no_delete;
         DELETE FROM voucher_attachment WHERE voucher_id = (SELECT max(id) FROM voucher);
         DELETE FROM voucher_line WHERE voucher_id = (SELECT max(id) FROM voucher);
         DELETE FROM voucher WHERE reverses_id = (SELECT max(id) FROM voucher);
         DELETE FROM voucher WHERE id = (SELECT max(id) FROM voucher);",
    )
    .unwrap();
    drop(conn);
    let e = format!("{:#}", crash_harness::verify_in(dir.path()).unwrap_err());
    assert!(e.starts_with("LOSS: 1 committed vouchers are missing"), "{e}");
}

/// The child's entry point: runs only when the test above starts it (otherwise it returns at once,
/// and it is ignored so that a plain `cargo test` does not list it as a test that passed).
#[test]
#[ignore = "the crash test's child process; started by ten_kills_at_random_moments_lose_nothing_committed"]
fn crash_child() {
    let Ok(args) = std::env::var(CHILD_ENV) else { return };
    let mut parts = args.splitn(3, '\n');
    let (file, log, seed) = (parts.next().unwrap(), parts.next().unwrap(), parts.next().unwrap());
    let e = crash_harness::child(Path::new(file), Path::new(log), seed.parse().unwrap()).unwrap_err();
    panic!("child: {e:#}");
}
