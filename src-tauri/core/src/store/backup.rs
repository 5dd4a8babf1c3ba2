//! Backups of the books file: one per day at the first start (kept 7 daily + 12 monthly), a copy into
//! a chosen folder (a USB stick), and restoring the books from a backup.
//!
//! Guarantees:
//! - Every backup is written with SQLite's backup API (consistent even while the books are open in
//!   WAL mode), to a temp name, then opened read-only and checked exactly like `Store::open` checks
//!   a file (ours, not newer, `quick_check`) before it gets its real name. A backup that does not
//!   verify is deleted, never left looking like a good one.
//! - Backups are single files in rollback-journal mode, so copying one onto a USB stick needs no
//!   `-wal` or `-shm` file beside it.
//! - A candidate for a restore is inspected read-only first; one that is not ours, damaged or from a
//!   newer version is refused and neither it nor the books are touched. Otherwise the current books
//!   are backed up ("before-restore") before anything is replaced, the candidate's pages replace the
//!   books' in one SQLite write transaction on the open connection (so it also works on Windows,
//!   where an open file cannot be renamed over), and an older candidate is migrated at once.
//! - "Today" and "now" are arguments: nothing here reads the clock.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use ts_rs::TS;

use super::{APPLICATION_ID, Actor, Store, audit, inspect, migrations};
use crate::error::{CoreError, Result};

/// How many of the newest daily backups are kept.
pub const DAILY_KEEP: usize = 7;
/// For how many of the newest months (that have a backup) the first backup of the month is kept.
pub const MONTHLY_KEEP: usize = 12;

const EXT: &str = "shelian";
/// What names a backup written by 立即备份, between the federation's name and the date.
const MANUAL_MARK: &str = "-备份-";

/// Why a backup exists; shown as 类型 in 设置 → 备份与恢复.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BackupKind {
    /// One of the newest daily backups (每日).
    Daily,
    /// An older daily backup kept as its month's backup (每月).
    Monthly,
    /// Written by `Store::open` before a newer version migrated the file (迁移前).
    BeforeMigration,
    /// The books as they were just before a restore replaced them (恢复前).
    BeforeRestore,
    /// Written by 立即备份 into a chosen folder (手动).
    Manual,
}

/// One backup file, as listed in 设置 → 备份与恢复.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct BackupInfo {
    pub path: String,
    pub file_name: String,
    pub kind: BackupKind,
    /// When it was taken, from its name: `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`.
    pub taken: String,
    #[ts(type = "number")]
    pub size: u64,
    /// Its `user_version`, when it could be read.
    #[ts(type = "number | null")]
    pub schema_version: Option<i64>,
    /// Opened read-only, ours, not newer than this version, and `quick_check` passed.
    pub verified: bool,
    /// Why it does not verify (Chinese), when it does not.
    pub problem: Option<String>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct RestoreReport {
    /// The file the books were restored from.
    pub restored_from: String,
    /// Where the books were saved just before they were replaced.
    pub before_restore: String,
    /// The candidate's data version, and the books' after migrating it.
    #[ts(type = "number")]
    pub from_version: i64,
    #[ts(type = "number")]
    pub schema_version: i64,
}

/// `backups/` beside the books: where `Store::open` puts its pre-migration copies.
pub fn backups_dir(books: &Path) -> PathBuf {
    books.parent().unwrap_or(Path::new(".")).join("backups")
}

fn daily_dir(books: &Path) -> PathBuf {
    backups_dir(books).join("daily")
}

fn before_restore_dir(books: &Path) -> PathBuf {
    backups_dir(books).join("before-restore")
}

fn stem(books: &Path) -> &str {
    books.file_stem().and_then(|s| s.to_str()).unwrap_or("books")
}

fn daily_name(books: &Path, day: NaiveDate) -> String {
    format!("{}-{}.{EXT}", stem(books), day.format("%Y-%m-%d"))
}

/// The date of a daily backup's name (`books-2026-12-03.shelian`), if it is one of ours.
fn daily_date(stem: &str, file_name: &str) -> Option<NaiveDate> {
    let rest = file_name.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(&format!(".{EXT}"))?;
    NaiveDate::parse_from_str(rest, "%Y-%m-%d").ok().filter(|d| d.format("%Y-%m-%d").to_string() == rest)
}

/// Which daily backups rotation keeps: the [`DAILY_KEEP`] newest, and the first one of each of the
/// [`MONTHLY_KEEP`] newest months that have one. The first of a month rather than the last, so a
/// month's backup never changes once taken. Months count only when the PC was used, so a summer
/// break does not push older months out early.
pub fn retained(dates: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let sorted: BTreeSet<NaiveDate> = dates.iter().copied().collect();
    let mut keep: BTreeSet<NaiveDate> = sorted.iter().rev().take(DAILY_KEEP).copied().collect();
    let mut first_of_month: BTreeMap<(i32, u32), NaiveDate> = BTreeMap::new();
    for d in &sorted {
        first_of_month.entry((d.year(), d.month())).or_insert(*d);
    }
    keep.extend(first_of_month.values().rev().take(MONTHLY_KEEP));
    keep
}

/// Copies every page of `from` into `to` in one step, so `to` changes in one write transaction.
fn copy(from: &Connection, to: &mut Connection) -> Result<()> {
    let backup = Backup::new(from, to)?;
    match backup.step(-1)? {
        StepResult::Done => Ok(()),
        // Another program holds a lock: nothing was copied; the caller's message says so.
        _ => Err(CoreError::Storage(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            None,
        ))),
    }
}

fn open_read_only(path: &Path) -> Result<Connection> {
    Ok(Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?)
}

/// Writes `src` to `target` (which must not exist) through a temp name and verifies the copy before
/// it gets its name. Returns the copy's data version.
fn write_verified(src: &Connection, target: &Path) -> Result<i64> {
    let tmp = target.with_extension(format!("{EXT}.tmp"));
    // A leftover of a crash or a pulled USB stick: ours by its name, never a good backup.
    if tmp.exists() {
        std::fs::remove_file(&tmp)?;
    }
    let written = (|| {
        {
            let mut dst = Connection::open(&tmp)?;
            copy(src, &mut dst)?;
            // One self-contained file: a WAL-mode copy would want -wal/-shm files beside it.
            let _: String = dst.pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))?;
        }
        let version = verify(&tmp)?;
        if target.exists() {
            return Err(CoreError::Io(std::io::Error::from(std::io::ErrorKind::AlreadyExists)));
        }
        std::fs::rename(&tmp, target)?;
        Ok(version)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// Checks a backup as `Store::open` checks the books, and also that it holds books (an empty SQLite
/// file passes `Store::open` as a new file, but restoring it would wipe the books).
fn verify(path: &Path) -> Result<i64> {
    let version = inspect(path)?;
    let app_id: i32 = open_read_only(path)?.pragma_query_value(None, "application_id", |r| r.get(0))?;
    if app_id != APPLICATION_ID {
        return Err(CoreError::FileRefused {
            message: format!("“{}”里没有账簿数据，不能用来恢复。该文件没有被修改。", path.display()),
        });
    }
    Ok(version)
}

/// The first start of `today`: writes `backups/daily/<stem>-YYYY-MM-DD.shelian` unless it exists,
/// then rotates. Returns the new backup, or `None` when today's was already there.
///
/// It reads the books through a connection of its own, not the window's: copying and verifying a
/// city-scale file takes a few hundred milliseconds, and the window's connection (with the lock
/// the app holds around it) stays free for the first screen meanwhile. In WAL mode the copy is
/// one consistent snapshot while the window reads and writes beside it.
pub fn daily(books: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    let target = daily_dir(books).join(daily_name(books, today));
    if target.exists() {
        return Ok(None);
    }
    // Read-write without create: a read-only connection to a WAL file needs its -shm to exist,
    // and a books file that has vanished must be an error, not a new empty file.
    let src = Connection::open_with_flags(books, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    src.busy_timeout(super::BUSY_TIMEOUT)?;
    src.pragma_update(None, "query_only", true)?;
    daily_from(&src, books, today)
}

fn daily_from(src: &Connection, books: &Path, today: NaiveDate) -> Result<Option<PathBuf>> {
    let dir = daily_dir(books);
    let target = dir.join(daily_name(books, today));
    if target.exists() {
        return Ok(None);
    }
    std::fs::create_dir_all(&dir)?;
    write_verified(src, &target)?;
    log::info!("daily backup written: {}", target.display());
    rotate(books)?;
    Ok(Some(target))
}

/// Deletes the daily backups that [`retained`] does not keep. Only files named like ours are looked at.
fn rotate(books: &Path) -> Result<()> {
    let dir = daily_dir(books);
    let stem = stem(books);
    let mut found: Vec<(NaiveDate, PathBuf)> = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let entry = entry?;
        if let Some(date) = entry.file_name().to_str().and_then(|n| daily_date(stem, n)) {
            found.push((date, entry.path()));
        }
    }
    let keep = retained(&found.iter().map(|(d, _)| *d).collect::<Vec<_>>());
    for (date, path) in found {
        if !keep.contains(&date) {
            std::fs::remove_file(&path)?;
            log::info!("rotated out {}", path.display());
        }
    }
    Ok(())
}

/// A file name that Windows (and FAT32 USB sticks) accept: no `<>:"/\|?*` or control characters, no
/// trailing dot or space, not too long.
pub fn windows_safe(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_control() || "<>:\"/\\|?*".contains(c) { '_' } else { c }).take(60).collect();
    let trimmed = cleaned.trim().trim_end_matches(['.', ' ']).to_owned();
    if trimmed.is_empty() { "社联会管家".to_owned() } else { trimmed }
}

/// The first of `name.shelian`, `name-2.shelian`, … that does not exist in `dir`.
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    (1..)
        .map(|n| if n == 1 { dir.join(format!("{stem}.{EXT}")) } else { dir.join(format!("{stem}-{n}.{EXT}")) })
        .find(|p| !p.exists() && !p.with_extension(format!("{EXT}.tmp")).exists())
        .expect("an unbounded range always has a free name")
}

/// 立即备份: writes `<federation>-备份-YYYY-MM-DD.shelian` into `folder` (an absolute path to an
/// existing folder, e.g. a USB stick), never overwriting a file there. The name carries the
/// federation's name because one stick may hold the backups of several federations.
pub fn backup_to(src: &Connection, folder: &Path, federation: Option<&str>, today: NaiveDate) -> Result<PathBuf> {
    if folder.as_os_str().is_empty() || !folder.is_absolute() {
        return Err(CoreError::field("folder", "请填写完整的文件夹路径，例如 E:\\备份 或 /media/U盘/备份"));
    }
    if !folder.is_dir() {
        return Err(CoreError::field(
            "folder",
            format!("找不到文件夹“{}”，请检查U盘是否插好、路径是否正确。", folder.display()),
        ));
    }
    let stem = format!("{}{MANUAL_MARK}{}", windows_safe(federation.unwrap_or("社联会管家")), today.format("%Y-%m-%d"));
    let target = free_name(folder, &stem);
    write_verified(src, &target).map_err(|e| {
        log::error!("backup into {} failed: {e:?}", folder.display());
        CoreError::field(
            "folder",
            format!("无法把备份写入“{}”（可能是只读、空间不足或U盘已拔出），没有生成备份。", folder.display()),
        )
    })?;
    log::info!("manual backup written: {}", target.display());
    Ok(target)
}

/// Every backup of the books: daily and monthly, pre-migration (`backups/*.db`), before-restore,
/// and manual ones found in `manual_dirs` (the default export folder). Newest first; each is
/// verified read-only.
pub fn list(books: &Path, manual_dirs: &[PathBuf]) -> Result<Vec<BackupInfo>> {
    let stem = stem(books);
    let mut out = Vec::new();

    let mut daily: Vec<(NaiveDate, PathBuf)> = files(&daily_dir(books))
        .into_iter()
        .filter_map(|p| file_name(&p).and_then(|n| daily_date(stem, &n)).map(|d| (d, p)))
        .collect();
    daily.sort();
    let newest: BTreeSet<NaiveDate> = daily.iter().rev().take(DAILY_KEEP).map(|(d, _)| *d).collect();
    for (date, path) in daily {
        let kind = if newest.contains(&date) { BackupKind::Daily } else { BackupKind::Monthly };
        out.push(describe(&path, kind, date.format("%Y-%m-%d").to_string()));
    }

    for path in files(&backups_dir(books)) {
        if let Some(taken) = file_name(&path).and_then(|n| migration_taken(stem, &n)) {
            out.push(describe(&path, BackupKind::BeforeMigration, taken));
        }
    }
    for path in files(&before_restore_dir(books)) {
        if let Some(taken) = file_name(&path).and_then(|n| stamped_taken(stem, &n)) {
            out.push(describe(&path, BackupKind::BeforeRestore, taken));
        }
    }
    for dir in manual_dirs {
        for path in files(dir) {
            if let Some(taken) = file_name(&path).and_then(|n| manual_taken(&n)) {
                out.push(describe(&path, BackupKind::Manual, taken));
            }
        }
    }
    out.sort_by(|a, b| b.taken.cmp(&a.taken).then_with(|| b.file_name.cmp(&a.file_name)));
    Ok(out)
}

fn files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect()
}

fn file_name(path: &Path) -> Option<String> {
    path.file_name().and_then(|n| n.to_str()).map(str::to_owned)
}

fn stamp(s: &str) -> Option<String> {
    NaiveDateTime::parse_from_str(s, "%Y%m%d-%H%M%S").ok().map(|t| t.format("%Y-%m-%d %H:%M:%S").to_string())
}

/// `books-v3-20261126-100000.db`, as `Store::open` names its pre-migration copies.
fn migration_taken(stem: &str, name: &str) -> Option<String> {
    let rest = name.strip_prefix(stem)?.strip_prefix("-v")?.strip_suffix(".db")?;
    let (version, at) = rest.split_once('-')?;
    version.parse::<i64>().ok()?;
    stamp(at)
}

/// `books-20261203-141500.shelian` (or `…-2.shelian`), the before-restore copies.
fn stamped_taken(stem: &str, name: &str) -> Option<String> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?.strip_suffix(&format!(".{EXT}"))?;
    stamp(rest.get(..15)?)
}

/// `<federation>-备份-2026-12-03.shelian` (or `…-2.shelian`), written by 立即备份.
fn manual_taken(name: &str) -> Option<String> {
    let rest = name.strip_suffix(&format!(".{EXT}"))?;
    let (_, after) = rest.rsplit_once(MANUAL_MARK)?;
    let day = after.get(..10)?;
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(day.to_owned())
}

fn describe(path: &Path, kind: BackupKind, taken: String) -> BackupInfo {
    let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let (schema_version, verified, problem) = match verify(path) {
        Ok(v) => (Some(v), true, None),
        Err(e) => {
            log::warn!("backup {} does not verify: {e}", path.display());
            let version = open_read_only(path)
                .and_then(|c| Ok(c.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0))?))
                .ok();
            let problem = match &e {
                CoreError::FileRefused { message } if message.contains("更新版本") => "由更新版本的软件保存",
                CoreError::FileRefused { message } if message.contains("损坏") => "文件已损坏",
                _ => "不是有效的账簿备份",
            };
            (version, false, Some(problem.to_owned()))
        }
    };
    BackupInfo {
        path: path.display().to_string(),
        file_name: file_name(path).unwrap_or_default(),
        kind,
        taken,
        size,
        schema_version,
        verified,
        problem,
    }
}

/// Replaces the books' content with `candidate`'s. See the module's guarantees.
pub fn restore(store: &mut Store, actor: &Actor, candidate: &Path) -> Result<RestoreReport> {
    let books = store.path.clone().ok_or_else(|| CoreError::field("path", "内存中的账簿不能恢复"))?;
    let from_version = verify(candidate).map_err(|e| match e {
        CoreError::FileRefused { message } => {
            CoreError::FileRefused { message: format!("没有恢复：{message}当前的账簿也没有被修改。") }
        }
        other => other,
    })?;
    let dir = before_restore_dir(&books);
    std::fs::create_dir_all(&dir)?;
    let stamp = actor.at.format("%Y%m%d-%H%M%S").to_string();
    let before = free_name(&dir, &format!("{}-{stamp}", stem(&books)));
    write_verified(&store.conn, &before)?;
    log::info!("books saved to {} before restoring {}", before.display(), candidate.display());

    let src = open_read_only(candidate)?;
    // Cached statements would hold on to the replaced schema; SQLite re-prepares them anyway, but a
    // clean cache keeps no statement of the old books alive across the restore.
    store.conn.flush_prepared_statement_cache();
    copy(&src, &mut store.conn)?;
    drop(src);
    // The candidate's header says rollback journal; the books stay in WAL with their pragmas.
    store.configure(true)?;
    migrations::apply(&mut store.conn, actor.at)?;
    let schema_version = store.schema_version()?;
    let report = RestoreReport {
        restored_from: candidate.display().to_string(),
        before_restore: before.display().to_string(),
        from_version,
        schema_version,
    };
    store.with_tx(|tx| {
        audit::record(tx, actor, "books", "", audit::Action::Restore, None, Some(&report))?;
        Ok(())
    })?;
    Ok(report)
}

#[cfg(test)]
mod tests;
