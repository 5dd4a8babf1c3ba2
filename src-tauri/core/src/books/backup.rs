//! Backups through the facade: the daily backup at the first start of a day, the list, 立即备份 into
//! a chosen folder, and restoring the books from a backup. "Today" comes from the books' `Clock`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Books;
use crate::error::{CoreError, Result};
use crate::store::backup::{self, BackupInfo, RestoreReport};

/// See [`Books::daily_backup`].
#[derive(Debug, Clone)]
pub struct DailyBackup {
    books: PathBuf,
    today: NaiveDate,
}

impl DailyBackup {
    /// Writes the backup through a connection of its own (see `store::backup::daily`); `None` when
    /// today's was already written.
    pub fn run(&self) -> Result<Option<PathBuf>> {
        backup::daily(&self.books, self.today)
    }
}

impl Books {
    fn file_path(&self) -> Result<PathBuf> {
        self.store.path().map(Path::to_owned).ok_or_else(|| CoreError::field("path", "内存中的账簿没有文件，不能备份"))
    }

    /// Writes today's daily backup unless it exists, and rotates the older ones (7 daily, 12
    /// monthly). Returns the new file, or `None` when today's was already written.
    pub fn backup_daily(&self) -> Result<Option<PathBuf>> {
        self.daily_backup()?.run()
    }

    /// Today's daily backup as a job that needs nothing of these books but their file and today:
    /// the app takes it while it holds the books and runs it after letting go of them, so that
    /// copying a large file does not hold up the first screen.
    pub fn daily_backup(&self) -> Result<DailyBackup> {
        Ok(DailyBackup { books: self.file_path()?, today: self.today() })
    }

    /// Every backup of these books, newest first, each verified; manual backups are looked for in
    /// `manual_dirs`.
    pub fn backups_list(&self, manual_dirs: &[PathBuf]) -> Result<Vec<BackupInfo>> {
        backup::list(&self.file_path()?, manual_dirs)
    }

    /// 立即备份 into `folder` (absolute, existing); never overwrites. Returns the written file.
    pub fn backup_to(&self, folder: &Path) -> Result<PathBuf> {
        let name = self.federation_get()?.map(|f| f.name);
        backup::backup_to(self.store.conn(), folder, name.as_deref(), self.today())
    }

    /// Replaces the books by `candidate` after backing them up; an older candidate is migrated.
    /// A candidate that is not ours, damaged or newer is refused and nothing is touched.
    pub fn restore_from(&mut self, candidate: &Path) -> Result<RestoreReport> {
        let actor = self.actor();
        backup::restore(&mut self.store, &actor, candidate)
    }
}
