//! `Books`: the facade over one federation's SQLite file. The Tauri commands, the acceptance tests
//! and the benchmarks all go through it, so what is tested is what the window runs.
//!
//! Guarantees: every write validates first, then runs in one immediate transaction with its audit
//! row; a refused write leaves the file as it was.
//!
//! Each area adds its operations in its own file here (`books/<area>.rs`, an `impl Books` block).

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

mod backup;
mod federation;
pub mod grants;
pub mod ledger;
mod members;
pub mod packet;
mod position;
pub mod projects;
pub mod reports;
#[cfg(test)]
mod storage_errors;

pub use backup::DailyBackup;
pub use members::{
    ImportAction, ImportItem, ImportProgress, ImportReport, ImportStage, PROGRESS_EVERY, TEMPLATE_COLUMNS,
};

use crate::clock::Clock;
use crate::error::Result;
use crate::store::audit::{self, AuditEntry};
use crate::store::{Actor, Store, meta};

/// How to open a file: who is working, and where "now" comes from.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// The name written into the audit log for every change.
    pub operator: String,
    pub clock: Clock,
    /// Where attachment files go; by default `attachments/` beside the books file.
    pub attachments_dir: Option<PathBuf>,
}

impl Default for OpenOptions {
    fn default() -> Self {
        Self { operator: "秘书".into(), clock: Clock::System, attachments_dir: None }
    }
}

pub struct Books {
    pub(crate) store: Store,
    options: OpenOptions,
}

impl Books {
    /// Opens the books at `path`, creating the file if it does not exist. A file that is damaged,
    /// not ours, or from a newer version is refused untouched (`CoreError::FileRefused`).
    pub fn open(path: &Path, options: OpenOptions) -> Result<Books> {
        let store = Store::open(path, options.clock.now())?;
        Ok(Books { store, options })
    }

    pub fn open_in_memory(options: OpenOptions) -> Result<Books> {
        Ok(Books { store: Store::open_in_memory()?, options })
    }

    /// Moves "now": the demo generator and the acceptance scenarios walk through a year with it.
    pub fn set_clock(&mut self, clock: Clock) {
        self.options.clock = clock;
    }

    pub fn today(&self) -> NaiveDate {
        self.options.clock.today()
    }

    pub(crate) fn actor(&self) -> Actor {
        Actor { operator: self.options.operator.clone(), at: self.options.clock.now() }
    }

    pub fn path(&self) -> Option<&Path> {
        self.store.path()
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.store.schema_version()
    }

    /// Whether this file was made by the demo generator (and so must be shown as 示例数据).
    pub fn is_demo(&self) -> Result<bool> {
        Ok(meta::get(self.store.conn(), meta::KIND)?.as_deref() == Some(meta::KIND_DEMO))
    }

    pub fn audit_recent(&self, limit: u32) -> Result<Vec<AuditEntry>> {
        audit::recent(self.store.conn(), limit)
    }

    pub fn audit_count(&self) -> Result<i64> {
        audit::count(self.store.conn())
    }

    /// Marks the file as demo data; only the demo generator calls this. Audited like any change.
    pub(crate) fn mark_demo(&mut self) -> Result<()> {
        let actor = self.actor();
        self.store.with_tx(|tx| {
            meta::set(tx, meta::KIND, meta::KIND_DEMO)?;
            audit::record(tx, &actor, "meta", meta::KIND, audit::Action::Update, None, Some(&meta::KIND_DEMO))
        })
    }
}
