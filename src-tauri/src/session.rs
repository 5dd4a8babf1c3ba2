//! Which books are open in the window: the real file of this data folder, or the demo file beside
//! it. The real file is opened at start; if it is refused (newer version, damaged), the refusal is
//! kept and shown, and the file is never touched.

use std::path::PathBuf;
use std::sync::Mutex;

use serde::Serialize;
use shelian_core::demo::{self, DemoScale};
use shelian_core::{Books, ErrorPayload, Federation, OpenOptions};
use ts_rs::TS;

pub const REAL_FILE: &str = "books.shelian";
pub const DEMO_FILE: &str = "demo.shelian";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum BooksMode {
    Real,
    Demo,
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
    real: Result<Books, ErrorPayload>,
    demo: Option<Books>,
}

pub struct AppState(pub Mutex<Session>);

impl AppState {
    pub fn open(data_dir: PathBuf, operator: String) -> Self {
        let options = OpenOptions { operator: operator.clone(), ..OpenOptions::default() };
        let real = Books::open(&data_dir.join(REAL_FILE), options).map_err(ErrorPayload::from);
        if let Err(e) = &real {
            log::warn!("real books refused: {}", e.message);
        }
        AppState(Mutex::new(Session { data_dir, operator, real, demo: None }))
    }

    pub fn lock(&self) -> Result<std::sync::MutexGuard<'_, Session>, ErrorPayload> {
        self.0.lock().map_err(|_| ErrorPayload::internal("程序内部错误，请关闭后重新打开社联会管家。"))
    }
}

impl Session {
    /// The books the window is working on.
    pub fn books(&mut self) -> Result<&mut Books, ErrorPayload> {
        match &mut self.demo {
            Some(demo) => Ok(demo),
            None => self.real.as_mut().map_err(|e| e.clone()),
        }
    }

    /// The real books, for backups and restores: the demo file is regenerated on demand and is
    /// never backed up, and restoring over it would mislead.
    pub fn real_books(&mut self) -> Result<&mut Books, ErrorPayload> {
        if self.demo.is_some() {
            return Err(ErrorPayload::internal("正在查看示例数据。请先点「退出示例」回到正式账簿，再备份或恢复。"));
        }
        self.real.as_mut().map_err(|e| e.clone())
    }

    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// The first start of a day backs up the real books (a refused file is never touched). A failed
    /// backup is logged, not shown: the books themselves are fine, and the next start tries again.
    pub fn backup_daily(&mut self) {
        if let Ok(books) = &self.real {
            match books.backup_daily() {
                Ok(Some(path)) => log::info!("daily backup: {}", path.display()),
                Ok(None) => {}
                Err(e) => log::error!("daily backup failed: {e}"),
            }
        }
    }

    pub fn info(&mut self) -> Result<SessionInfo, ErrorPayload> {
        let mode = if self.demo.is_some() { BooksMode::Demo } else { BooksMode::Real };
        let data_dir = self.data_dir.display().to_string();
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
        let options = OpenOptions { operator: self.operator.clone(), ..OpenOptions::default() };
        self.demo = Some(demo::create_file(&self.data_dir.join(DEMO_FILE), DemoScale::STREET, options)?);
        self.info()
    }

    pub fn close_demo(&mut self) -> Result<SessionInfo, ErrorPayload> {
        self.demo = None;
        self.info()
    }
}
