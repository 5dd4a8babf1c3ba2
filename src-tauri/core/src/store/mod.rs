//! The only module with SQL. Opens one SQLite file safely, migrates it, and runs every write in one
//! immediate transaction together with its audit row.
//!
//! Guarantees:
//! - A file that is not ours, damaged (`quick_check` fails) or written by a newer version is refused
//!   with a Chinese message and left byte-for-byte untouched: it is inspected through a read-only
//!   connection before anything opens it for writing.
//! - Before migrating an existing file, a copy is written aside with SQLite's backup API.
//! - Pragmas on every connection: foreign keys on, WAL, `synchronous=FULL`, a busy timeout.

pub mod audit;
pub mod backup;
pub mod district;
pub mod federation;
pub mod grants;
pub mod ledger;
pub mod members;
pub mod meta;
mod migrations;
pub mod packet;
pub mod projects;

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::error::{CoreError, Result};
pub use migrations::{LATEST_VERSION, MIGRATIONS};

/// `PRAGMA application_id` of a 社联会管家 file ("SHLN"), so another program's SQLite file is refused.
pub const APPLICATION_ID: i32 = 0x5348_4C4E;

/// `PRAGMA application_id` of a district workspace (区级汇总, "SHLD"): never opened as books, and
/// books are never opened as a district workspace.
pub const DISTRICT_APPLICATION_ID: i32 = 0x5348_4C44;

/// What kind of file a store holds: its SQLite `application_id`, its own migrations, and the
/// words that name it in a refusal. The safety of opening (inspect read-only, refuse newer or
/// damaged files untouched, back up before migrating, audited writes) is the same for every kind.
#[derive(Debug)]
pub struct FileKind {
    pub application_id: i32,
    pub migrations: &'static [(&'static str, &'static str)],
    /// What a person calls such a file, e.g. 「社联会账簿」.
    pub noun: &'static str,
}

impl FileKind {
    pub fn latest_version(&self) -> i64 {
        self.migrations.len() as i64
    }
}

/// One federation's books.
pub static BOOKS: FileKind =
    FileKind { application_id: APPLICATION_ID, migrations: MIGRATIONS, noun: "社联会账簿" };

/// The district civil-affairs office's workspace of received packets (区级汇总).
pub static DISTRICT: FileKind = FileKind {
    application_id: DISTRICT_APPLICATION_ID,
    migrations: migrations::DISTRICT_MIGRATIONS,
    noun: "区级汇总文件",
};

const KINDS: [&FileKind; 2] = [&BOOKS, &DISTRICT];

/// How long a connection waits for another window's (or program's) lock before giving up.
pub(crate) const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// The first 16 bytes of every SQLite 3 database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    kind: &'static FileKind,
}

/// Who and when, for the audit row of a write.
#[derive(Debug, Clone)]
pub struct Actor {
    pub operator: String,
    pub at: NaiveDateTime,
}

impl Actor {
    pub fn timestamp(&self) -> String {
        self.at.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}

impl Store {
    /// Opens (or creates) the books at `path`. `now` names the pre-migration backup.
    pub fn open(path: &Path, now: NaiveDateTime) -> Result<Store> {
        Store::open_kind(path, now, &BOOKS)
    }

    /// Opens (or creates) a file of `kind` at `path`, with the same checks as the books.
    pub fn open_kind(path: &Path, now: NaiveDateTime, kind: &'static FileKind) -> Result<Store> {
        // `try_exists`, not `exists`: a file we may not look at is an error, not "no file yet".
        let existing = path.try_exists()? && std::fs::metadata(path)?.len() > 0;
        if !existing {
            refuse_orphaned_journal(path)?;
        }
        let version = if existing { inspect_kind(path, kind)? } else { 0 };
        if existing {
            refuse_read_only(path)?;
        }
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        if existing && version < kind.latest_version() {
            backup_before_migration(path, version, now)?;
        }
        let conn = Connection::open(path)?;
        let mut store = Store { conn, path: Some(path.to_owned()), kind };
        store.configure(true)?;
        migrations::apply_kind(&mut store.conn, now, kind)?;
        Ok(store)
    }

    /// A fresh in-memory store with every migration, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Store> {
        Store::open_in_memory_kind(&BOOKS)
    }

    pub fn open_in_memory_kind(kind: &'static FileKind) -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store { conn, path: None, kind };
        store.configure(false)?;
        migrations::apply_kind(&mut store.conn, chrono::NaiveDate::MIN.and_hms_opt(0, 0, 0).unwrap_or_default(), kind)?;
        Ok(store)
    }

    pub fn kind(&self) -> &'static FileKind {
        self.kind
    }

    fn configure(&mut self, on_disk: bool) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        if on_disk {
            let mode: String = self.conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                log::warn!("journal_mode is {mode}, not WAL");
            }
        }
        // Books of public money: an fsync on every commit is worth its cost.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Read access for queries. Reads see one consistent state per statement; use [`Store::snapshot`]
    /// when several statements must agree.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` inside one immediate (write-locking) transaction: all of it lands, or none of it.
    pub fn with_tx<T>(&mut self, f: impl FnOnce(&WriteTx<'_>) -> Result<T>) -> Result<T> {
        let tx = WriteTx::begin(&mut self.conn)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` inside one read transaction on a shared borrow (the packet builder reads the books
    /// through the facade while it runs). The transaction ends however `f` ends, a panic
    /// included: a read transaction left open would pin the WAL and make every later write of
    /// this window fail as "busy".
    pub fn read_snapshot<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let conn = self.conn();
        conn.execute_batch("BEGIN DEFERRED")?;
        // Dropped on every way out of here; it rolls back whatever is still open (a panic in
        // `f`, or a COMMIT that failed).
        let _guard = Snapshot(conn);
        let out = f();
        let end = if out.is_ok() { "COMMIT" } else { "ROLLBACK" };
        conn.execute_batch(end)?;
        out
    }
}

/// One immediate write transaction that cannot commit a change without its audit row. At commit
/// it asks SQLite itself: if any row was inserted, updated or deleted since it began
/// (`total_changes`) and the audit log has no new row, the transaction is rolled back and the
/// write reported as `CoreError::Unaudited` — a bug, never a silent change to the books. It derefs
/// to the `Transaction`, so every store function takes it as it took the transaction.
pub struct WriteTx<'c> {
    tx: Transaction<'c>,
    changes_at_start: u64,
    audit_at_start: i64,
}

impl<'c> WriteTx<'c> {
    fn begin(conn: &'c mut Connection) -> Result<Self> {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let audit_at_start = last_audit_id(&tx)?;
        Ok(WriteTx { changes_at_start: tx.total_changes(), audit_at_start, tx })
    }

    /// Commits, or rolls back and refuses if something changed without an audit row.
    fn commit(self) -> Result<()> {
        let changed = self.tx.total_changes() != self.changes_at_start;
        if changed && last_audit_id(&self.tx)? == self.audit_at_start {
            // Dropping the transaction rolls it back.
            return Err(CoreError::Unaudited);
        }
        self.tx.commit()?;
        Ok(())
    }
}

impl<'c> std::ops::Deref for WriteTx<'c> {
    type Target = Transaction<'c>;
    fn deref(&self) -> &Transaction<'c> {
        &self.tx
    }
}

fn last_audit_id(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| r.get(0))?)
}

/// Rolls the snapshot's read transaction back if it is still open when `in_snapshot` is left.
struct Snapshot<'a>(&'a Connection);

impl Drop for Snapshot<'_> {
    fn drop(&mut self) {
        if !self.0.is_autocommit()
            && let Err(e) = self.0.execute_batch("ROLLBACK")
        {
            log::error!("rolling back an unfinished snapshot failed: {e}");
        }
    }
}

fn refused(path: &Path, why: &str) -> CoreError {
    CoreError::FileRefused {
        message: format!("无法打开数据文件“{}”：{why}该文件没有被修改。", path.display())
    }
}

/// A `-wal` (or rollback `-journal`) with content but no database beside it is someone's books
/// without their main file (copied alone, or the file was moved away). Creating a new empty
/// database there would bury it, or worse, replay it into the wrong file: refuse instead.
fn refuse_orphaned_journal(path: &Path) -> Result<()> {
    for suffix in ["-wal", "-journal"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let journal = PathBuf::from(name);
        if journal.try_exists()? && std::fs::metadata(&journal)?.len() > 0 {
            let file = journal.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            return Err(refused(
                path,
                &format!(
                    "数据文件不存在，但旁边有它的日志文件“{file}”（可能是只复制了日志文件，或数据文件被移走了）。为免覆盖其中的记录，没有新建账簿。请把数据文件放回原处，或联系技术支持。"
                ),
            ));
        }
    }
    Ok(())
}

/// Our own file that this account may not write (read-only attribute, a write-protected USB
/// stick): every save would fail later, so it is refused at the door. Opening for writing without
/// truncating changes nothing in the file.
fn refuse_read_only(path: &Path) -> Result<()> {
    match std::fs::OpenOptions::new().write(true).open(path) {
        Ok(_) => Ok(()),
        Err(e) if matches!(e.kind(), std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem) => {
            Err(refused(
                path,
                "文件是只读的（或所在的U盘、文件夹禁止写入），无法保存记账。请取消只读属性，或复制到电脑上可写的文件夹后再打开。",
            ))
        }
        Err(e) => Err(e.into()),
    }
}

/// Looks at an existing file of books through a read-only connection and says whether it is safe
/// to open for writing. Returns its schema version.
fn inspect(path: &Path) -> Result<i64> {
    inspect_kind(path, &BOOKS)
}

/// [`inspect`] for a file that must be of `kind`. A file of another of our kinds is named as what
/// it is (a district workspace picked where books were expected, or the other way round).
fn inspect_kind(path: &Path, kind: &FileKind) -> Result<i64> {
    let mut magic = [0u8; 16];
    let read = {
        use std::io::Read;
        let mut f = std::fs::File::open(path)?;
        f.read(&mut magic)?
    };
    if read < 16 || &magic != SQLITE_MAGIC {
        return Err(refused(path, "它不是社联会管家的数据文件，或者已经损坏。"));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|_| refused(path, "文件已损坏，无法读取。"))?;
    // Another program holding the file locked (a rollback-journal writer, an exclusive lock) is
    // waited for like a second window would be, then named as what it is — not "damaged".
    conn.busy_timeout(BUSY_TIMEOUT).map_err(|_| refused(path, "文件已损坏，无法读取。"))?;
    let unreadable = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            refused(path, "它正被另一个程序使用（已等待5秒仍未释放）。请关闭正在使用它的程序或窗口后再打开。")
        }
        _ => {
            log::error!("inspecting {} failed: {e}", path.display());
            refused(path, "文件已损坏（完整性检查未通过）。请用备份文件恢复，或联系技术支持。")
        }
    };
    let app_id: i32 = conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(unreadable)?;
    let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(unreadable)?;
    let empty = conn
        .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0))
        .map(|n| n == 0)
        .map_err(unreadable)?;
    if app_id != kind.application_id && !(app_id == 0 && version == 0 && empty) {
        if let Some(other) = KINDS.iter().find(|k| k.application_id == app_id) {
            return Err(refused(path, &format!("它是{}，不是{}。", other.noun, kind.noun)));
        }
        return Err(refused(path, "它不是社联会管家的数据文件。"));
    }
    let latest = kind.latest_version();
    if version > latest {
        return Err(refused(
            path,
            &format!(
                "它由更新版本的社联会管家保存（数据版本 {version}，本软件最高支持 {latest}）。请升级软件后再打开。"
            ),
        ));
    }
    let check: String = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(unreadable)?;
    if check != "ok" {
        log::error!("quick_check of {} failed: {check}", path.display());
        return Err(refused(path, "文件已损坏（完整性检查未通过）。请用备份文件恢复，或联系技术支持。"));
    }
    Ok(version)
}

/// Copies the file aside (SQLite backup API: consistent even with a WAL) before a migration touches it.
fn backup_before_migration(path: &Path, version: i64, now: NaiveDateTime) -> Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new(".")).join("backups");
    std::fs::create_dir_all(&dir)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("shelian");
    let target = dir.join(format!("{stem}-v{version}-{}.db", now.format("%Y%m%d-%H%M%S")));
    let src = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    src.backup(rusqlite::MAIN_DB, &target, None::<fn(rusqlite::backup::Progress)>)?;
    log::info!("backed up {} to {} before migrating from v{version}", path.display(), target.display());
    Ok(target)
}

#[cfg(test)]
mod tests;

/// Money is INTEGER fen in SQLite, exactly.
impl rusqlite::ToSql for crate::domain::money::Money {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(rusqlite::types::ToSqlOutput::from(self.to_fen()))
    }
}

impl rusqlite::types::FromSql for crate::domain::money::Money {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        value.as_i64().map(crate::domain::money::Money::from_fen)
    }
}
