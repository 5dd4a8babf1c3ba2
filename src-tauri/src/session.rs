//! Which books are open in the window: the real file of this data folder, the demo file beside
//! it, or the district workspace (区级汇总, its own file, never a federation's books). The real file
//! is opened by whoever needs it first (the start-up thread, or the window's first command, which
//! waits for it on the session's lock), never on the thread that shows the window; if it is
//! refused (newer version, damaged), the refusal is kept and shown, and the file is never touched.
//! Backups and restores take the backup lock before the session's, so they never run at once.

use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use shelian_core::demo::{self, DemoScale};
use shelian_core::{Books, Clock, DailyBackup, ErrorPayload, Federation, OpenOptions};
use shelian_district::{DISTRICT_FILE, District};
use ts_rs::TS;

pub const REAL_FILE: &str = "books.shelian";
pub const DEMO_FILE: &str = "demo.shelian";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BooksMode {
    Real,
    Demo,
    /// 区级汇总: the district's workspace of received packets; no federation books are open.
    District,
}

/// What the window needs to know about the open books.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SessionInfo {
    pub mode: BooksMode,
    pub data_file: String,
    pub data_dir: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    pub app_version: String,
    /// "Today" as the books see it (`YYYY-MM-DD`), so the UI disables the same dates the core refuses.
    pub today: String,
    pub federation: Option<Federation>,
}

pub struct Session {
    data_dir: PathBuf,
    operator: String,
    /// `None` until the first use: see [`Session::open_at_start`].
    real: Option<Result<Books, ErrorPayload>>,
    demo: Option<Books>,
    district: Option<District>,
}

pub struct AppState {
    session: Mutex<Session>,
    /// Held while a backup is written or the books are restored: the daily backup runs on its own
    /// connection without the session's lock, and must not copy the books while they are replaced.
    backups: Mutex<()>,
}

fn not_opened() -> ErrorPayload {
    ErrorPayload::internal("账簿没有打开，请关闭后重新打开社联会管家。")
}

fn poisoned<T>(_: T) -> ErrorPayload {
    ErrorPayload::internal("程序内部错误，请关闭后重新打开社联会管家。")
}

impl AppState {
    /// The session of `data_dir` with nothing opened yet: opening checks the whole file (a few
    /// hundred milliseconds for a city's books), so it happens off the window's thread, in
    /// [`AppState::start`] or in the first command that needs the books.
    pub fn new(data_dir: PathBuf, operator: String) -> Self {
        let session = Session { data_dir, operator, real: None, demo: None, district: None };
        AppState { session: Mutex::new(session), backups: Mutex::new(()) }
    }

    /// What the app does at start, on a thread of its own while the window comes up: opens the
    /// books (the window's first command waits for this on the lock), then writes the day's
    /// first backup without holding the session, so the first screen does not wait for the copy.
    /// A failed backup is logged, not shown: the books are fine, and the next start tries again.
    pub fn start(&self) {
        let job = match self.lock() {
            Ok(mut session) => session.daily_backup(),
            Err(e) => return log::error!("books not opened at start: {}", e.message),
        };
        let Some(job) = job else { return };
        let Ok(_backups) = self.backups() else { return log::error!("daily backup skipped: lock poisoned") };
        match job.run() {
            Ok(Some(path)) => log::info!("daily backup: {}", path.display()),
            Ok(None) => {}
            Err(e) => log::error!("daily backup failed: {e}"),
        }
    }

    /// The session, its real books opened first if nobody has yet: every command and the start-up
    /// thread come through here, so whichever is first opens them, once.
    pub fn lock(&self) -> Result<std::sync::MutexGuard<'_, Session>, ErrorPayload> {
        let mut session = self.session.lock().map_err(poisoned)?;
        session.open_at_start();
        Ok(session)
    }

    /// Taken before the session's lock by whatever writes a backup or restores the books.
    pub fn backups(&self) -> Result<std::sync::MutexGuard<'_, ()>, ErrorPayload> {
        self.backups.lock().map_err(poisoned)
    }
}

impl Session {
    /// The day's backup of the real books, opening them if nobody has yet; none for a refused file.
    fn daily_backup(&mut self) -> Option<DailyBackup> {
        let books = self.real().ok()?;
        books.daily_backup().map_err(|e| log::error!("no daily backup: {e}")).ok()
    }

    /// Opens the real books, once (later calls do nothing). A district office keeps no federation
    /// books: when this folder holds a district workspace and no federation profile, the window
    /// opens where that person works.
    fn open_at_start(&mut self) {
        if self.real.is_some() {
            return;
        }
        let options = OpenOptions { operator: self.operator.clone(), ..OpenOptions::default() };
        let real = Books::open(&self.data_dir.join(REAL_FILE), options).map_err(ErrorPayload::from);
        if let Err(e) = &real {
            log::warn!("real books refused: {}", e.message);
        }
        let unused_books = matches!(&real, Ok(b) if b.federation_get().ok().flatten().is_none());
        self.real = Some(real);
        if unused_books
            && self.data_dir.join(DISTRICT_FILE).exists()
            && let Err(e) = self.open_district()
        {
            log::warn!("district workspace not opened at start: {}", e.message);
        }
    }

    /// The real books (or their refusal); `AppState::lock` has opened them.
    fn real(&mut self) -> Result<&mut Books, ErrorPayload> {
        match &mut self.real {
            Some(real) => real.as_mut().map_err(|e| e.clone()),
            None => Err(not_opened()),
        }
    }

    /// The books the window is working on.
    pub fn books(&mut self) -> Result<&mut Books, ErrorPayload> {
        if self.district.is_some() {
            return Err(ErrorPayload::internal("正在使用区级汇总。请先点「退出区级汇总」，再使用社联会账簿。"));
        }
        match (&mut self.demo, &mut self.real) {
            (Some(demo), _) => Ok(demo),
            (None, Some(real)) => real.as_mut().map_err(|e| e.clone()),
            (None, None) => Err(not_opened()),
        }
    }

    /// The real books, for backups and restores: the demo file is regenerated on demand and is
    /// never backed up, and restoring over it would mislead.
    pub fn real_books(&mut self) -> Result<&mut Books, ErrorPayload> {
        if self.demo.is_some() {
            return Err(ErrorPayload::internal("正在查看示例数据。请先点「退出示例」回到正式账簿，再备份或恢复。"));
        }
        if self.district.is_some() {
            return Err(ErrorPayload::internal("正在使用区级汇总。请先点「退出区级汇总」，再备份或恢复社联会账簿。"));
        }
        self.real()
    }

    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// The district workspace, when the window is in 区级汇总.
    pub fn district(&mut self) -> Result<&mut District, ErrorPayload> {
        self.district.as_mut().ok_or_else(|| ErrorPayload::internal("区级汇总没有打开，请从首页进入「区级汇总」。"))
    }

    /// Opens `district.shelian` in the data folder (creating it) and switches the window to it.
    pub fn open_district(&mut self) -> Result<SessionInfo, ErrorPayload> {
        self.demo = None;
        let path = self.data_dir.join(DISTRICT_FILE);
        self.district = Some(District::open(&path, &self.operator, Clock::System)?);
        self.info()
    }

    pub fn close_district(&mut self) -> Result<SessionInfo, ErrorPayload> {
        self.district = None;
        self.info()
    }

    pub fn info(&mut self) -> Result<SessionInfo, ErrorPayload> {
        let data_dir = self.data_dir.display().to_string();
        if let Some(d) = &self.district {
            return Ok(SessionInfo {
                mode: BooksMode::District,
                data_file: d.path().map(|p| p.display().to_string()).unwrap_or_default(),
                data_dir,
                schema_version: d.schema_version()?,
                app_version: env!("CARGO_PKG_VERSION").to_owned(),
                today: d.today().to_string(),
                federation: None,
            });
        }
        let mode = if self.demo.is_some() { BooksMode::Demo } else { BooksMode::Real };
        let books = self.books()?;
        Ok(SessionInfo {
            mode,
            data_file: books.path().map(|p| p.display().to_string()).unwrap_or_default(),
            data_dir,
            schema_version: books.schema_version()?,
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            today: books.today().to_string(),
            federation: books.federation_get()?,
        })
    }

    /// Regenerates the demo file beside the real one and switches the window to it.
    pub fn open_demo(&mut self) -> Result<SessionInfo, ErrorPayload> {
        self.demo = None;
        self.district = None;
        let options = OpenOptions { operator: self.operator.clone(), ..OpenOptions::default() };
        self.demo = Some(demo::create_file(&self.data_dir.join(DEMO_FILE), DemoScale::STREET, options)?);
        self.info()
    }

    pub fn close_demo(&mut self) -> Result<SessionInfo, ErrorPayload> {
        self.demo = None;
        self.info()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_books_open_on_first_use_and_the_start_writes_the_days_backup_once() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_owned(), "李静".into());
        assert!(!dir.path().join(REAL_FILE).exists(), "nothing is opened before it is needed");
        // The window's first command may come before the start-up thread: it opens the books.
        assert_eq!(state.lock().unwrap().info().unwrap().mode, BooksMode::Real);
        assert!(dir.path().join(REAL_FILE).exists());
        let daily = dir.path().join("backups").join("daily");
        assert!(!daily.exists(), "the backup is the start-up thread's, not the command's");
        state.start();
        assert_eq!(std::fs::read_dir(&daily).unwrap().count(), 1, "the day's backup");
        state.start();
        assert_eq!(std::fs::read_dir(&daily).unwrap().count(), 1, "once a day");
    }

    #[test]
    fn a_refused_file_is_kept_refused_and_never_backed_up() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(REAL_FILE), b"not a database, and not ours").unwrap();
        let state = AppState::new(dir.path().to_owned(), "李静".into());
        state.start();
        assert!(!dir.path().join("backups").join("daily").exists());
        let e = state.lock().unwrap().info().expect_err("refused");
        assert_eq!(std::fs::read(dir.path().join(REAL_FILE)).unwrap(), b"not a database, and not ours");
        assert!(!e.message.is_empty());
    }

    #[test]
    fn the_district_workspace_is_its_own_file_and_keeps_the_books_closed() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::new(dir.path().to_owned(), "王科长".into());
        let mut s = state.lock().unwrap();
        assert_eq!(s.info().unwrap().mode, BooksMode::Real);
        let info = s.open_district().unwrap();
        assert_eq!(info.mode, BooksMode::District);
        assert!(info.data_file.ends_with(DISTRICT_FILE), "{}", info.data_file);
        assert!(info.federation.is_none());
        // While it is open, no command reaches the federation's books, nor backs them up.
        assert!(s.books().err().expect("books refused").message.contains("区级汇总"));
        assert!(s.real_books().err().expect("backup refused").message.contains("区级汇总"));
        assert_eq!(s.close_district().unwrap().mode, BooksMode::Real);
        assert!(s.district().is_err());
    }

    #[test]
    fn a_folder_with_a_district_workspace_and_no_federation_opens_in_the_district_mode() {
        let dir = tempfile::tempdir().unwrap();
        drop(District::open(&dir.path().join(DISTRICT_FILE), "王科长", Clock::System).unwrap());
        let state = AppState::new(dir.path().to_owned(), "王科长".into());
        assert_eq!(state.lock().unwrap().info().unwrap().mode, BooksMode::District);

        // A federation's own folder opens its books, even with a district file beside them.
        let dir = tempfile::tempdir().unwrap();
        {
            let mut books = Books::open(&dir.path().join(REAL_FILE), OpenOptions::default()).unwrap();
            books.federation_save(&shelian_core::demo::federation_input()).unwrap();
        }
        drop(District::open(&dir.path().join(DISTRICT_FILE), "王科长", Clock::System).unwrap());
        let state = AppState::new(dir.path().to_owned(), "李静".into());
        assert_eq!(state.lock().unwrap().info().unwrap().mode, BooksMode::Real);
    }
}
