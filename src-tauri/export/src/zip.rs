//! The packet as one ZIP with Chinese file names, and its verification.
//!
//! Guarantees: `pack` writes every file under one folder named after the year, plus
//! `manifest.json` listing each file's size and SHA-256; the same files give the same ZIP bytes
//! (timestamps are the packet's date, not the clock). `verify` accepts a ZIP only when every
//! listed file is present with its recorded size and hash, no unlisted file is present, and the
//! manifest's key figures equal those of the packet data inside; every refusal is one Chinese
//! sentence naming the file.

use std::collections::BTreeSet;
use std::io::{Cursor, Read, Write};

use ::zip::write::SimpleFileOptions;
use ::zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};
use chrono::{Datelike, NaiveDate};

use crate::manifest::{Manifest, sha256_hex};
use crate::model::{PACKET_SCHEMA_VERSION, Packet};

/// The manifest's own name inside the folder.
pub const MANIFEST_NAME: &str = "manifest.json";
/// The packet model as JSON, machine-readable, also hashed by the manifest.
pub const DATA_NAME: &str = "申报数据.json";

/// Why a ZIP could not be written.
#[derive(Debug, thiserror::Error)]
#[error("申报材料压缩包生成失败：{0}")]
pub struct PackError(String);

/// Why a ZIP does not verify. Each message can be shown to the person as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VerifyError {
    #[error("文件不是有效的 ZIP 压缩包，可能已损坏或不是本程序导出的申报材料")]
    NotZip,
    #[error("压缩包中没有 manifest.json，无法校验；请使用本程序导出的申报材料")]
    NoManifest,
    #[error("压缩包中有多个 manifest.json，无法确定以哪个为准")]
    SeveralManifests,
    /// The file named could not be read as JSON (the parser's own words stay out: they are English).
    #[error("「{0}」无法读取，文件可能已被修改或损坏")]
    BadManifest(String),
    #[error("缺少文件「{0}」：清单中有记录，压缩包中没有")]
    Missing(String),
    #[error("多出文件「{0}」：压缩包中有，清单中没有记录")]
    Extra(String),
    #[error("文件「{0}」与清单记录的校验值不一致，可能已被修改或损坏")]
    Tampered(String),
    #[error("清单中的关键数字与申报数据不一致（{0}），清单可能已被修改")]
    FiguresDiffer(String),
    /// 申报数据.json says it was written by a newer program, whose structure this one cannot know.
    #[error(
        "这份申报材料由更新版本的社联会管家生成（数据版本 {0}，本软件最高支持 {PACKET_SCHEMA_VERSION}），请升级软件后再读取"
    )]
    NewerVersion(u64),
}

/// Writes `files` (name inside the folder, bytes) and their manifest into one ZIP.
///
/// The folder is `packet.folder_name()`, e.g. 「2020年度申报材料」.
pub fn pack(packet: &Packet, files: &[(&str, &[u8])]) -> Result<(Vec<u8>, Manifest), PackError> {
    let folder = packet.folder_name();
    let named: Vec<(String, &[u8])> = files.iter().map(|(name, bytes)| (format!("{folder}/{name}"), *bytes)).collect();
    let manifest = Manifest::new(packet, &named);
    let manifest_json = serde_json::to_vec_pretty(&manifest).map_err(|e| PackError(e.to_string()))?;

    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(zip_time(packet.generated_on));
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let entries =
        named.iter().map(|(n, b)| (n.clone(), *b)).chain([(format!("{folder}/{MANIFEST_NAME}"), &manifest_json[..])]);
    for (name, bytes) in entries {
        writer.start_file(name, options).map_err(|e| PackError(e.to_string()))?;
        writer.write_all(bytes).map_err(|e| PackError(e.to_string()))?;
    }
    let cursor = writer.finish().map_err(|e| PackError(e.to_string()))?;
    Ok((cursor.into_inner(), manifest))
}

/// ZIP stores local times from 1980; the packet's date at midnight, never the clock.
fn zip_time(d: NaiveDate) -> DateTime {
    let year = d.year().clamp(1980, 2107) as u16;
    DateTime::from_date_and_time(year, d.month() as u8, d.day() as u8, 0, 0, 0).unwrap_or_default()
}

/// Checks `zip_bytes` against its own manifest and returns the manifest when all is well.
pub fn verify(zip_bytes: &[u8]) -> Result<Manifest, VerifyError> {
    let mut archive = ZipArchive::new(Cursor::new(zip_bytes)).map_err(|_| VerifyError::NotZip)?;

    let mut names = Vec::new();
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|_| VerifyError::NotZip)?;
        if !entry.is_dir() {
            names.push(entry.name().map_err(|_| VerifyError::NotZip)?.into_owned());
        }
    }
    let manifests: Vec<&String> =
        names.iter().filter(|n| *n == MANIFEST_NAME || n.ends_with(&format!("/{MANIFEST_NAME}"))).collect();
    let manifest_name = match manifests.as_slice() {
        [] => return Err(VerifyError::NoManifest),
        [one] => (*one).clone(),
        _ => return Err(VerifyError::SeveralManifests),
    };
    let manifest_bytes = read_entry(&mut archive, &manifest_name)?;
    let manifest: Manifest =
        serde_json::from_slice(&manifest_bytes).map_err(|_| VerifyError::BadManifest(MANIFEST_NAME.to_owned()))?;

    let listed: BTreeSet<&str> = manifest.files.iter().map(|f| f.name.as_str()).collect();
    for name in &names {
        if *name != manifest_name && !listed.contains(name.as_str()) {
            return Err(VerifyError::Extra(name.clone()));
        }
    }
    let mut data = None;
    for file in &manifest.files {
        if !names.contains(&file.name) {
            return Err(VerifyError::Missing(file.name.clone()));
        }
        let bytes = read_entry(&mut archive, &file.name)?;
        if bytes.len() as u64 != file.size || sha256_hex(&bytes) != file.sha256 {
            return Err(VerifyError::Tampered(file.name.clone()));
        }
        if file.name.ends_with(&format!("/{DATA_NAME}")) {
            data = Some(bytes);
        }
    }

    // The hashes prove the files are unchanged; the figures a reader trusts in the manifest
    // must also be those of the packet data it hashes.
    // A packet always carries its data; without it the figures above could not be checked.
    let Some(bytes) = data else {
        let folder = manifest_name.strip_suffix(MANIFEST_NAME).unwrap_or_default();
        return Err(VerifyError::Missing(format!("{folder}{DATA_NAME}")));
    };
    {
        // The version first: a newer structure may not parse here, and "damaged" would be wrong.
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| VerifyError::BadManifest(DATA_NAME.to_owned()))?;
        let version = value.get("schema_version").map_or(Some(1), serde_json::Value::as_u64);
        match version {
            Some(v) if v > u64::from(PACKET_SCHEMA_VERSION) => return Err(VerifyError::NewerVersion(v)),
            Some(v) if v >= 1 => {}
            _ => return Err(VerifyError::BadManifest(DATA_NAME.to_owned())),
        }
        let packet: Packet =
            serde_json::from_value(value).map_err(|_| VerifyError::BadManifest(DATA_NAME.to_owned()))?;
        let expected = Manifest::new(&packet, &[]);
        let checks = [
            ("社联会名称", expected.federation == manifest.federation),
            ("统一社会信用代码", expected.credit_code == manifest.credit_code),
            ("年度", expected.year == manifest.year && expected.sequence == manifest.sequence),
            ("金额与数量", expected.key_figures == manifest.key_figures),
            ("生成日期", expected.generated_on == manifest.generated_on),
        ];
        if let Some((what, _)) = checks.iter().find(|(_, ok)| !ok) {
            return Err(VerifyError::FiguresDiffer((*what).to_owned()));
        }
    }
    Ok(manifest)
}

/// No file of a real packet comes near this; a larger one (a ZIP bomb) is refused, not inflated.
pub const MAX_ENTRY_BYTES: u64 = 200 * 1024 * 1024;

/// The bytes of one entry of a packet ZIP (call [`verify`] first to know they are the exported ones).
pub fn entry(zip_bytes: &[u8], name: &str) -> Result<Vec<u8>, VerifyError> {
    let mut archive = ZipArchive::new(Cursor::new(zip_bytes)).map_err(|_| VerifyError::NotZip)?;
    read_entry(&mut archive, name)
}

/// An entry's bytes; a CRC or deflate error means the stored bytes were changed. Reading stops
/// past [`MAX_ENTRY_BYTES`], whatever the entry's header claims.
fn read_entry(archive: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, VerifyError> {
    let entry = archive.by_name(name).map_err(|_| VerifyError::Missing(name.to_owned()))?;
    let mut bytes = Vec::new();
    entry.take(MAX_ENTRY_BYTES + 1).read_to_end(&mut bytes).map_err(|_| VerifyError::Tampered(name.to_owned()))?;
    if bytes.len() as u64 > MAX_ENTRY_BYTES {
        return Err(VerifyError::Tampered(name.to_owned()));
    }
    Ok(bytes)
}
