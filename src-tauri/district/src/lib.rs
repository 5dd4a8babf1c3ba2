//! shelian-district: 区级汇总, the district civil-affairs office's (区民政局) workspace. It keeps the
//! packet ZIPs federations hand over on a USB stick in its own SQLite file (marked as a district
//! file by its `application_id`, refused as books and never mixed with a federation's books), and
//! reads them side by side.
//!
//! Guarantees: a ZIP is stored only after `shelian_export::verify` accepted it (every file present
//! and unchanged, figures equal to its data, a data version this program knows); a refused ZIP
//! writes nothing. Stored packets are never changed or deleted: a newer packet of the same
//! federation and year becomes the current one and the older stays as history. Every write is one
//! transaction with its audit row. Every figure shown or exported comes from a packet's own data.

pub mod pdf;
pub mod sample;
pub mod summary;
pub mod xlsx;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;
use shelian_core::clock::Clock;
use shelian_core::error::{CoreError, Result};
use shelian_core::store::audit::{self, Action};
use shelian_core::store::district::{self as sql, NewPacket, StoredPacket};
use shelian_core::store::{Actor, DISTRICT, Store, meta};
use shelian_export::manifest::sha256_hex;
use shelian_export::model::Packet;
use shelian_export::zip::DATA_NAME;
use shelian_export::{Manifest, VerifyError, verify};
use ts_rs::TS;

pub use summary::{DistrictOwed, DistrictRow, DistrictSummary, DistrictTotals, DistrictWarning, DistrictYear};

/// The file name of the district workspace in the data folder.
pub const DISTRICT_FILE: &str = "district.shelian";

/// `meta.kind` of a district file, for people reading the file with other tools.
pub const KIND_DISTRICT: &str = "district";

/// A packet ZIP larger than this is refused before it is opened: real packets are a few MB.
pub const MAX_ZIP_BYTES: usize = 200 * 1024 * 1024;

/// What adding one ZIP did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DistrictAddStatus {
    /// The first packet of its federation and year.
    Added,
    /// Newer than the packet shown so far, which is kept as history.
    Replaced,
    /// Older than the packet already shown: kept as history, the newer one stays current.
    KeptAsHistory,
    /// These exact bytes were added before; nothing was written.
    AlreadyAdded,
}

/// The answer to one added ZIP, with one Chinese sentence for the person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistrictAddResult {
    pub status: DistrictAddStatus,
    pub file_name: String,
    pub federation: String,
    pub year: i32,
    pub message: String,
}

/// One stored packet in a federation's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DistrictPacket {
    #[ts(type = "number")]
    pub id: i64,
    pub federation: String,
    pub credit_code: String,
    pub year: i32,
    pub generated_on: NaiveDate,
    #[ts(type = "number")]
    pub data_version: u32,
    pub file_name: String,
    pub zip_sha256: String,
    pub added_at: String,
    pub added_by: String,
    pub current: bool,
}

pub struct District {
    store: Store,
    operator: String,
    clock: Clock,
}

impl District {
    /// Opens (or creates) the district workspace at `path`. Books, a damaged file or a newer
    /// version's file are refused untouched.
    pub fn open(path: &Path, operator: &str, clock: Clock) -> Result<District> {
        let store = Store::open_kind(path, clock.now(), &DISTRICT)?;
        District::init(store, operator, clock)
    }

    pub fn open_in_memory(operator: &str, clock: Clock) -> Result<District> {
        District::init(Store::open_in_memory_kind(&DISTRICT)?, operator, clock)
    }

    fn init(store: Store, operator: &str, clock: Clock) -> Result<District> {
        let mut d = District { store, operator: operator.to_owned(), clock };
        if meta::get(d.store.conn(), meta::KIND)?.is_none() {
            let actor = d.actor();
            d.store.with_tx(|tx| {
                meta::set(tx, meta::KIND, KIND_DISTRICT)?;
                audit::record(tx, &actor, "meta", meta::KIND, Action::Create, None, Some(&KIND_DISTRICT))
            })?;
        }
        Ok(d)
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn today(&self) -> NaiveDate {
        self.clock.today()
    }

    fn actor(&self) -> Actor {
        Actor { operator: self.operator.clone(), at: self.clock.now() }
    }

    pub fn path(&self) -> Option<&Path> {
        self.store.path()
    }

    pub fn schema_version(&self) -> Result<i64> {
        self.store.schema_version()
    }

    pub fn audit_count(&self) -> Result<i64> {
        audit::count(self.store.conn())
    }

    /// Verifies `zip` and stores it. A ZIP that does not verify is refused with the reason (field
    /// `file`) and nothing is written.
    pub fn add_packet(&mut self, file_name: &str, zip: &[u8]) -> Result<DistrictAddResult> {
        let refuse = |why: &str| CoreError::field("file", format!("「{file_name}」没有添加：{why}"));
        if zip.len() > MAX_ZIP_BYTES {
            return Err(refuse("文件超过 200 MB，不是本程序导出的申报材料"));
        }
        let manifest = verify(zip).map_err(|e| refuse(&e.to_string()))?;
        let sha = sha256_hex(zip);
        let base = DistrictAddResult {
            status: DistrictAddStatus::Added,
            file_name: file_name.to_owned(),
            federation: manifest.federation.clone(),
            year: manifest.year,
            message: String::new(),
        };
        if sql::by_sha(self.store.conn(), &sha)?.is_some() {
            return Ok(DistrictAddResult {
                status: DistrictAddStatus::AlreadyAdded,
                message: format!(
                    "{} {} 年度的这份申报材料已经添加过，没有重复保存",
                    manifest.federation, manifest.year
                ),
                ..base
            });
        }
        let data = packet_data(zip, &manifest).map_err(|e| refuse(&e.to_string()))?;
        let (_, version) = parse(&data).map_err(|e| refuse(&e.to_string()))?;
        let manifest_json = serde_json::to_string(&manifest).map_err(|_| refuse("清单无法读取"))?;
        let actor = self.actor();
        let added_at = actor.timestamp();
        let new = NewPacket {
            credit_code: &manifest.credit_code,
            federation: &manifest.federation,
            year: manifest.year,
            sequence: manifest.sequence,
            generated_on: manifest.generated_on,
            data_version: version,
            file_name,
            zip_sha256: &sha,
            zip,
            manifest_json: &manifest_json,
            data_json: &data,
            added_at: &added_at,
            added_by: &actor.operator,
        };
        let (id, previous) = self.store.with_tx(|tx| {
            // Read inside the write transaction, so two windows adding at once agree on the order.
            let previous = current_of(&sql::all(tx)?, &manifest.credit_code, manifest.year);
            let id = sql::insert(tx, &new)?;
            let record = AuditPacket {
                federation: &manifest.federation,
                credit_code: &manifest.credit_code,
                year: manifest.year,
                generated_on: manifest.generated_on,
                file_name,
                zip_sha256: &sha,
                data_version: version,
                replaces: previous.as_ref().map(|p| p.id),
            };
            audit::record(tx, &actor, "received_packet", &id.to_string(), Action::Create, None, Some(&record))?;
            Ok((id, previous))
        })?;
        log::info!("district: packet {id} added ({} {}, {file_name})", manifest.federation, manifest.year);
        let who = format!("{} {} 年度", manifest.federation, manifest.year);
        Ok(match previous {
            None => DistrictAddResult { message: format!("已添加{who}的申报材料"), ..base },
            Some(old) if newer(manifest.generated_on, id, old.generated_on, old.id) => DistrictAddResult {
                status: DistrictAddStatus::Replaced,
                message: format!(
                    "已添加{who}的申报材料（{} 生成），替换了 {} 生成的旧版；旧版保留在历史记录中",
                    manifest.generated_on, old.generated_on
                ),
                ..base
            },
            Some(old) => DistrictAddResult {
                status: DistrictAddStatus::KeptAsHistory,
                message: format!(
                    "{who}已有较新的申报材料（{} 生成），这份 {} 生成的旧版只保存在历史记录中",
                    old.generated_on, manifest.generated_on
                ),
                ..base
            },
        })
    }

    /// Every stored packet, each federation and year oldest first, with which one is current.
    pub fn packets(&self) -> Result<Vec<DistrictPacket>> {
        let all = sql::all(self.store.conn())?;
        let current: Vec<i64> = current_ids(&all);
        Ok(all
            .into_iter()
            .map(|p| DistrictPacket {
                current: current.contains(&p.id),
                id: p.id,
                federation: p.federation,
                credit_code: p.credit_code,
                year: p.year,
                generated_on: p.generated_on,
                data_version: p.data_version,
                file_name: p.file_name,
                zip_sha256: p.zip_sha256,
                added_at: p.added_at,
                added_by: p.added_by,
            })
            .collect())
    }

    /// The current packet of each federation and year, parsed.
    pub fn current_packets(&self) -> Result<Vec<(i64, u32, Packet, u32)>> {
        let all = sql::all(self.store.conn())?;
        let ids = current_ids(&all);
        let mut out = Vec::new();
        for p in all.iter().filter(|p| ids.contains(&p.id)) {
            let replaced =
                all.iter().filter(|o| o.credit_code == p.credit_code && o.year == p.year && o.id != p.id).count();
            // Stored packets were verified and parsed on the way in; one that no longer parses
            // means the file was edited outside the app.
            let (packet, version) = parse(&p.data_json).map_err(|e| CoreError::FileRefused {
                message: format!(
                    "区级汇总文件中 {} {} 年度的申报数据无法读取（{e}），请联系技术支持",
                    p.federation, p.year
                ),
            })?;
            out.push((p.id, version, packet, replaced as u32));
        }
        Ok(out)
    }

    /// The summary as of today.
    pub fn summary(&self) -> Result<DistrictSummary> {
        let current = self.current_packets()?;
        let views: Vec<summary::Current<'_>> = current
            .iter()
            .map(|(id, v, p, r)| summary::Current { packet_id: *id, data_version: *v, packet: p, replaced: *r })
            .collect();
        let total = sql::count(self.store.conn())? as u32;
        Ok(summary::summarize(&views, self.today(), total))
    }

    /// The summary as a workbook: one sheet per year, yuan as numbers.
    pub fn summary_xlsx(&self) -> Result<Vec<u8>> {
        xlsx::render(&self.summary()?).map_err(|e| {
            log::error!("district workbook: {e}");
            CoreError::field("export", "汇总表（Excel）生成失败，没有保存任何文件。请重试")
        })
    }

    /// The summary as a printable A4 PDF table.
    pub fn summary_pdf(&self) -> Result<Vec<u8>> {
        pdf::render(&self.summary()?).map_err(|e| {
            log::error!("district pdf: {e}");
            CoreError::field("export", "汇总表（PDF）生成失败，没有保存任何文件。请重试")
        })
    }

    /// The ZIP exactly as it was received, for handing on or checking again.
    pub fn packet_zip(&self, id: i64) -> Result<Vec<u8>> {
        sql::zip_of(self.store.conn(), id)?.ok_or(CoreError::NotFound { what: "申报材料" })
    }
}

#[derive(Serialize)]
struct AuditPacket<'a> {
    federation: &'a str,
    credit_code: &'a str,
    year: i32,
    generated_on: NaiveDate,
    file_name: &'a str,
    zip_sha256: &'a str,
    data_version: u32,
    replaces: Option<i64>,
}

/// Whether packet (a_date, a_id) is newer than (b_date, b_id): the later export, and of two made
/// the same day the one added last.
fn newer(a_date: NaiveDate, a_id: i64, b_date: NaiveDate, b_id: i64) -> bool {
    (a_date, a_id) > (b_date, b_id)
}

fn current_of(all: &[StoredPacket], credit_code: &str, year: i32) -> Option<StoredPacket> {
    all.iter()
        .filter(|p| p.credit_code == credit_code && p.year == year)
        .max_by(|a, b| (a.generated_on, a.id).cmp(&(b.generated_on, b.id)))
        .cloned()
}

fn current_ids(all: &[StoredPacket]) -> Vec<i64> {
    let mut best: BTreeMap<(&str, i32), &StoredPacket> = BTreeMap::new();
    for p in all {
        let slot = best.entry((p.credit_code.as_str(), p.year)).or_insert(p);
        if newer(p.generated_on, p.id, slot.generated_on, slot.id) {
            *slot = p;
        }
    }
    best.values().map(|p| p.id).collect()
}

/// The packet data of a verified ZIP, as text.
fn packet_data(zip: &[u8], manifest: &Manifest) -> std::result::Result<String, VerifyError> {
    let name = manifest
        .files
        .iter()
        .map(|f| f.name.as_str())
        .find(|n| n.ends_with(&format!("/{DATA_NAME}")) || *n == DATA_NAME)
        .ok_or_else(|| VerifyError::Missing(DATA_NAME.to_owned()))?;
    let bytes = shelian_export::zip::entry(zip, name)?;
    String::from_utf8(bytes).map_err(|_| VerifyError::BadManifest(DATA_NAME.to_owned()))
}

/// Reads packet data of any version this program knows, with its version.
fn parse(data: &str) -> std::result::Result<(Packet, u32), VerifyError> {
    let packet: Packet = serde_json::from_str(data).map_err(|_| VerifyError::BadManifest(DATA_NAME.to_owned()))?;
    if packet.schema_version > shelian_export::model::PACKET_SCHEMA_VERSION {
        return Err(VerifyError::NewerVersion(u64::from(packet.schema_version)));
    }
    let version = packet.schema_version;
    Ok((packet, version))
}
