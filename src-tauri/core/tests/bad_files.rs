//! Bad files handed to `Books::open`, one table: each is refused with a specific Chinese message,
//! and afterwards its bytes and its folder's listing are exactly what they were (no -wal, -shm,
//! backup or new database left behind).
//!
//! Two decisions are pinned here. A file another program holds locked is waited for (the busy
//! timeout, 5 s) and then refused as 「正被另一个程序使用」, not as damaged; a WAL-mode file that
//! another window is writing stays openable, because two windows on one file are allowed. A
//! read-only file is refused at the door rather than failing on every save. Tests run as root
//! here, and permissions do not bind root: as root the read-only case re-runs itself in a child
//! process as `nobody` (uid 65534), for whom the file really is read-only.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use shelian_core::store::{APPLICATION_ID, LATEST_VERSION};
use shelian_core::{Books, Clock, CoreError, ErrorCode, ErrorPayload, OpenOptions};

const CHILD_ENV: &str = "SHELIAN_READ_ONLY_CHILD";

fn options() -> OpenOptions {
    let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().and_hms_opt(10, 0, 0).unwrap();
    OpenOptions { operator: "测试员".into(), clock: Clock::Fixed(now), attachments_dir: None }
}

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}

/// Real books, folded back into one file (no WAL beside it), with one federation row.
fn real_books(path: &Path) {
    let mut books = Books::open(path, options()).unwrap();
    books
        .federation_save(&shelian_core::FederationInput {
            name: "梅园新村街道社区社会组织联合会".into(),
            credit_code: shelian_core::credit_code::with_check_char("51320102MJ5000001").unwrap(),
            street: "梅园新村街道".into(),
            district: "玄武区".into(),
            recognition_date: "2018-09-01".into(),
            recognition_doc_no: "玄民〔2018〕12号".into(),
            legal_rep: "王芳".into(),
            secretary: "李静".into(),
            phone: "025-84561234".into(),
            ..Default::default()
        })
        .unwrap();
    drop(books);
    let conn = Connection::open(path).unwrap();
    let _: String = conn.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0)).unwrap();
}

/// Opens `path`, expects a refusal saying `says`, and the file and folder unchanged.
fn assert_refused_untouched(path: &Path, says: &str) {
    let dir = path.parent().unwrap();
    let before = std::fs::read(path).ok();
    let names = listing(dir);
    let err = match Books::open(path, options()) {
        Err(e) => e,
        Ok(_) => panic!("{} should have been refused", path.display()),
    };
    assert!(matches!(err, CoreError::FileRefused { .. }), "{}: {err:?}", path.display());
    let p = ErrorPayload::from(err);
    assert_eq!(p.code, ErrorCode::FileRefused);
    assert!(p.message.contains(says), "{:?} should say {says:?}", p.message);
    assert!(p.message.contains("没有被修改"), "{}", p.message);
    assert!(
        !p.message.to_ascii_lowercase().contains("sqlite") && !p.message.contains("database"),
        "no SQLite detail reaches the person: {}",
        p.message
    );
    assert_eq!(std::fs::read(path).ok(), before, "{}: the bytes must be unchanged", path.display());
    assert_eq!(listing(dir), names, "{}: nothing may appear or vanish beside it", path.display());
}

type Make = fn(&Path) -> Option<Box<dyn std::any::Any>>;

#[test]
fn bad_files_are_refused_with_a_chinese_message_and_left_byte_identical() {
    let cases: [(&str, &str, Make); 6] = [
        ("truncated.shelian", "损坏", |p| {
            real_books(p);
            let data = std::fs::read(p).unwrap();
            std::fs::write(p, &data[..data.len() / 2]).unwrap();
            None
        }),
        ("random.shelian", "不是社联会管家的数据文件", |p| {
            // SplitMix64: the same 8 KiB of noise every run.
            let mut x: u64 = 0x5348_4C4E;
            let bytes: Vec<u8> = (0..8192)
                .map(|_| {
                    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
                    let mut z = x;
                    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
                    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
                    (z ^ (z >> 31)) as u8
                })
                .collect();
            std::fs::write(p, bytes).unwrap();
            None
        }),
        ("other-app.db", "不是社联会管家的数据文件", |p| {
            let conn = Connection::open(p).unwrap();
            conn.execute_batch(
                "CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('张三', '139');",
            )
            .unwrap();
            None
        }),
        ("newer.shelian", "更新版本", |p| {
            real_books(p);
            let conn = Connection::open(p).unwrap();
            conn.pragma_update(None, "user_version", LATEST_VERSION + 1).unwrap();
            None
        }),
        ("locked.shelian", "正被另一个程序使用", |p| {
            // Another program with a rollback journal holding an exclusive lock (e.g. a database
            // tool in the middle of an edit). Held until the case is checked.
            real_books(p);
            let holder = Connection::open(p).unwrap();
            holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
            Some(Box::new(holder))
        }),
        ("orphan.shelian", "日志文件", |p| {
            // Someone's WAL without its database: written by real books, then the main file gone.
            let mut wal = p.as_os_str().to_owned();
            wal.push("-wal");
            std::fs::write(PathBuf::from(wal), b"\x37\x7f\x06\x82 a WAL whose database was moved away").unwrap();
            None
        }),
    ];
    for (name, says, make) in cases {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        let _hold = make(&path);
        assert_refused_untouched(&path, says);
        if name.starts_with("orphan") {
            assert!(!path.exists(), "no new database may be created around an orphaned WAL");
        }
    }
    assert_eq!(APPLICATION_ID, 0x5348_4C4E);
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .map(|s| s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0")))
        .unwrap_or(false)
}

#[test]
fn a_read_only_file_is_refused_untouched() {
    use std::os::unix::fs::PermissionsExt;
    if let Ok(path) = std::env::var(CHILD_ENV) {
        // The child, as nobody: the file is really read-only for this account.
        assert_refused_untouched(Path::new(&path), "只读");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("readonly.shelian");
    real_books(&path);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    if !is_root() {
        assert_refused_untouched(&path, "只读");
        return;
    }
    // Root writes through 0444: re-run this test as nobody, from a copy of this binary that
    // nobody may execute (the build folder under /root is private).
    use std::os::unix::process::CommandExt;
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin_dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(bin_dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let bin = bin_dir.path().join("bad_files");
    std::fs::copy(std::env::current_exe().unwrap(), &bin).unwrap();
    std::fs::set_permissions(&bin, std::fs::Permissions::from_mode(0o755)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let names = listing(dir.path());
    let out = std::process::Command::new(&bin)
        .args(["--exact", "a_read_only_file_is_refused_untouched", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, &path)
        .uid(65534)
        .gid(65534)
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "the child as nobody failed:\n{text}");
    assert!(text.contains("1 passed"), "the child ran the check:\n{text}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert_eq!(listing(dir.path()), names);
}
