//! Attachment files (scanned receipts, photos, PDFs) copied into the data folder under their
//! SHA-256, so a voucher never depends on a path on somebody's desktop.
//!
//! Guarantees: a file is written to a temporary name in the same folder and renamed into place, so a
//! crash never leaves a half file under a real name; what is read back is checked against its name
//! (a tampered or damaged file is refused); only images and PDFs of at most 20 MB are taken.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::domain::ledger::{AttachmentRef, is_sha256};
use crate::error::{CoreError, Result};

pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The folder that holds the files, laid out as `ab/abcdef…` (two-character fan-out).
#[derive(Debug, Clone)]
pub struct AttachmentDir {
    root: PathBuf,
}

fn refused(message: impl Into<String>) -> CoreError {
    CoreError::field("attachments", message)
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The type of a file from its first bytes; names can lie, content does not.
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("image/jpeg")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() > 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

impl AttachmentDir {
    pub fn new(root: PathBuf) -> AttachmentDir {
        AttachmentDir { root }
    }

    fn path_of(&self, sha256: &str) -> PathBuf {
        self.root.join(&sha256[..2]).join(sha256)
    }

    /// Stores `bytes`; returns its SHA-256, size and type. Storing the same content twice is one file.
    pub fn put(&self, bytes: &[u8]) -> Result<(String, i64, &'static str)> {
        if bytes.is_empty() {
            return Err(refused("文件是空的，请重新选择"));
        }
        if bytes.len() > MAX_BYTES {
            return Err(refused(format!(
                "文件有 {:.1} MB，超过 20 MB。请缩小扫描分辨率或拆分后再添加",
                bytes.len() as f64 / 1_048_576.0
            )));
        }
        let mime = sniff(bytes).ok_or_else(|| refused("只能添加图片（JPG、PNG、GIF、WebP）或 PDF 文件"))?;
        let sha = sha256_hex(bytes);
        let path = self.path_of(&sha);
        if self.verified(&sha).is_ok() {
            return Ok((sha, bytes.len() as i64, mime));
        }
        let dir = path.parent().expect("fan-out folder");
        std::fs::create_dir_all(dir)?;
        let mut tmp = tempfile_in(dir)?;
        tmp.1.write_all(bytes)?;
        tmp.1.sync_all()?;
        drop(tmp.1);
        std::fs::rename(&tmp.0, &path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp.0);
        })?;
        Ok((sha, bytes.len() as i64, mime))
    }

    /// The stored bytes of `sha256`, checked against their name.
    pub fn get(&self, sha256: &str) -> Result<Vec<u8>> {
        if !is_sha256(sha256) {
            return Err(CoreError::NotFound { what: "附件" });
        }
        let bytes = std::fs::read(self.path_of(sha256)).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => CoreError::NotFound { what: "附件文件" },
            _ => CoreError::Io(e),
        })?;
        if sha256_hex(&bytes) != sha256 {
            return Err(refused("附件文件已损坏（内容与记录不符），请从原件重新扫描添加"));
        }
        Ok(bytes)
    }

    /// Size and type of a stored file, after checking its content.
    pub fn verified(&self, sha256: &str) -> Result<(i64, &'static str)> {
        let bytes = self.get(sha256)?;
        let mime = sniff(&bytes).ok_or_else(|| refused("附件文件类型无法识别"))?;
        Ok((bytes.len() as i64, mime))
    }

    pub fn root(&self) -> &Path {
        &self.root
    }
}

/// A new, uniquely named temporary file in `dir` (the same file system as its final place, so the
/// rename is atomic).
fn tempfile_in(dir: &Path) -> Result<(PathBuf, std::fs::File)> {
    for n in 0..100u32 {
        let name = format!(".incoming-{}-{}-{n}", std::process::id(), chrono::Utc::now().timestamp_micros());
        let path = dir.join(name);
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => return Ok((path, f)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(CoreError::Io(std::io::Error::other("no temporary name")))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    #[test]
    fn a_stored_file_reads_back_and_is_named_by_its_hash() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttachmentDir::new(dir.path().join("attachments"));
        let (sha, size, mime) = store.put(PNG).unwrap();
        assert_eq!(sha, sha256_hex(PNG));
        assert_eq!((size, mime), (PNG.len() as i64, "image/png"));
        assert_eq!(store.get(&sha).unwrap(), PNG);
        assert!(dir.path().join("attachments").join(&sha[..2]).join(&sha).exists());
        // The same content again is the same file, and no temporary file is left behind.
        store.put(PNG).unwrap();
        let names: Vec<_> = std::fs::read_dir(dir.path().join("attachments").join(&sha[..2])).unwrap().collect();
        assert_eq!(names.len(), 1);
    }

    #[test]
    fn other_files_and_tampered_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttachmentDir::new(dir.path().to_path_buf());
        let e = store.put(b"MZ\x90\0 an exe").unwrap_err();
        assert!(e.to_string().contains("只能添加图片"));
        assert!(store.put(b"").unwrap_err().to_string().contains("空的"));
        let (sha, ..) = store.put(b"%PDF-1.4 scanned").unwrap();
        std::fs::write(dir.path().join(&sha[..2]).join(&sha), b"%PDF-1.4 changed").unwrap();
        assert!(store.get(&sha).unwrap_err().to_string().contains("已损坏"));
        assert!(matches!(store.get("../../etc/passwd"), Err(CoreError::NotFound { .. })));
    }

    #[test]
    fn oversized_files_are_refused_with_their_size() {
        let dir = tempfile::tempdir().unwrap();
        let store = AttachmentDir::new(dir.path().to_path_buf());
        let mut big = b"%PDF-".to_vec();
        big.resize(MAX_BYTES + 1, 0);
        assert!(store.put(&big).unwrap_err().to_string().contains("超过 20 MB"));
    }
}

/// What a set of linked files is, for the sentence a missing or wrong file gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Evidence {
    /// A voucher's attachments: images or PDF.
    Attachments,
    /// An activity's photos: images only.
    Photos,
}

/// The stored files of `refs`, each re-hashed, with its size and type, before a write links them.
/// `dir` is where they live; it only matters when there are files (books in memory have none).
pub(crate) fn verify_refs(
    dir: Result<AttachmentDir>,
    refs: &[AttachmentRef],
    what: Evidence,
) -> Result<Vec<(AttachmentRef, i64, &'static str)>> {
    if refs.is_empty() {
        return Ok(Vec::new());
    }
    let dir = dir?;
    let (field, noun) = match what {
        Evidence::Attachments => ("attachments", "附件"),
        Evidence::Photos => ("photos", "照片"),
    };
    refs.iter()
        .map(|a| {
            let (size, mime) = dir.verified(&a.sha256).map_err(|e| match e {
                CoreError::NotFound { .. } => {
                    CoreError::field(field, format!("{noun}“{}”找不到了，请重新添加", a.file_name))
                }
                other => other,
            })?;
            if what == Evidence::Photos && !mime.starts_with("image/") {
                return Err(CoreError::field(
                    field,
                    format!("“{}”不是图片，活动照片只能是 JPG、PNG 等图片", a.file_name),
                ));
            }
            Ok((a.clone(), size, mime))
        })
        .collect()
}
