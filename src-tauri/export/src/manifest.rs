//! The manifest of a packet ZIP: who applies, for which year, with which key figures, and the
//! name, size and SHA-256 of every file beside it. It lets anyone who receives the ZIP (the
//! street, the district, the secretary a year later) check that nothing was changed, lost or
//! slipped in since the export.
//!
//! Honest limit: a SHA-256 list without a signature detects accidents and casual edits, not a
//! forger who rewrites a file, its hash in the manifest and the packet data together.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{KeyFigures, Packet};

/// Bumped when the manifest's fields change meaning.
pub const MANIFEST_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: u32,
    /// Always 「社联会管家」: says which program wrote the ZIP.
    pub generator: String,
    pub federation: String,
    pub credit_code: String,
    pub year: i32,
    pub sequence: u8,
    pub key_figures: KeyFigures,
    pub generated_on: NaiveDate,
    /// Every file of the ZIP except the manifest itself, in ZIP order.
    pub files: Vec<ManifestFile>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ManifestFile {
    /// The path inside the ZIP, e.g. 「2020年度申报材料/申报书.pdf」.
    pub name: String,
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
}

impl Manifest {
    /// The manifest of `packet` over `files` (path inside the ZIP, bytes).
    pub fn new(packet: &Packet, files: &[(String, &[u8])]) -> Manifest {
        Manifest {
            format: MANIFEST_FORMAT,
            generator: "社联会管家".to_owned(),
            federation: packet.federation.name.clone(),
            credit_code: packet.federation.credit_code.clone(),
            year: packet.grant.year,
            sequence: packet.grant.sequence,
            key_figures: packet.key_figures(),
            generated_on: packet.generated_on,
            files: files
                .iter()
                .map(|(name, bytes)| ManifestFile {
                    name: name.clone(),
                    size: bytes.len() as u64,
                    sha256: sha256_hex(bytes),
                })
                .collect(),
        }
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
