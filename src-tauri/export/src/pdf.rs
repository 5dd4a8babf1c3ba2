//! The print-ready 申报书 and 附表 as one A4 PDF, laid out by typst used as a library.
//!
//! Guarantees: the PDF depends only on the packet (no clock, no system fonts, no files read at
//! run time): the templates are compiled in from `assets/templates/`, the fonts from
//! `assets/fonts/` (embedded in the PDF as subsets), and the packet reaches the template as the
//! virtual file `data.json`, so nothing a person typed is ever evaluated as typst markup. The
//! same packet therefore always yields the same bytes.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, Timestamp};

use serde::Serialize;

use crate::model::{Packet, ProjectCategory};

/// The fonts every packet is set in, compiled into the binary so the PDF looks the same on
/// every PC (see `assets/fonts/README.md`).
pub const FONT_FILES: [(&str, &[u8]); 3] = [
    ("NotoSansCJKsc-Regular-GBK.otf", include_bytes!("../../../assets/fonts/NotoSansCJKsc-Regular-GBK.otf")),
    ("NotoSansCJKsc-Bold-GBK.otf", include_bytes!("../../../assets/fonts/NotoSansCJKsc-Bold-GBK.otf")),
    ("NotoSerifCJKsc-Regular-GBK.otf", include_bytes!("../../../assets/fonts/NotoSerifCJKsc-Regular-GBK.otf")),
];

/// The templates, as (virtual path, text).
const TEMPLATES: [(&str, &str); 3] = [
    ("/packet.typ", include_str!("../../../assets/templates/packet.typ")),
    ("/common.typ", include_str!("../../../assets/templates/common.typ")),
    ("/district.typ", include_str!("../../../assets/templates/district.typ")),
];

/// The district summary table (区级汇总), set with the packet's typography (`common.typ`).
pub const DISTRICT_TEMPLATE: &str = "/district.typ";

const MAIN: &str = "/packet.typ";
const DATA: &str = "/data.json";

/// Why a PDF could not be made. Each message can be shown to the person as is.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("申报书排版失败：{0}")]
    Layout(String),
    #[error("申报书 PDF 生成失败：{0}")]
    Export(String),
    #[error("申报材料数据无法写出：{0}")]
    Data(#[from] serde_json::Error),
}

/// A rendered PDF and its number of pages.
#[derive(Debug, Clone)]
pub struct RenderedPdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// Parsed once per process: parsing three CJK faces and building typst's standard library are
/// the slow, packet-independent part of a render.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    sources: Vec<Source>,
}

static SHARED: LazyLock<Shared> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .map(|(name, data)| {
            Font::new(Bytes::new(*data), 0).unwrap_or_else(|| panic!("bundled font {name} is not a readable font"))
        })
        .collect();
    let book = FontBook::from_fonts(&fonts);
    let sources = TEMPLATES.iter().map(|(path, text)| Source::new(file_id(path), (*text).to_owned())).collect();
    Shared { library: LazyHash::new(Library::builder().build()), book: LazyHash::new(book), fonts, sources }
});

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|e| panic!("template path {path}: {e:?}"));
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One compilation: the shared templates and fonts plus this document's `data.json`.
struct PacketWorld {
    shared: &'static Shared,
    main: FileId,
    data_id: FileId,
    data: Bytes,
    today: Option<Datetime>,
}

impl World for PacketWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.shared
            .sources
            .iter()
            .find(|s| s.id() == id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            return Ok(self.data.clone());
        }
        self.source(id).map(|s| Bytes::from_string(s.text().to_owned()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    /// The packet's own date, never the clock, so a render is reproducible.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        self.today
    }
}

/// What the template reads as `data.json`: the packet itself plus views computed from it here,
/// because typst has no exact decimal sum the template could trust with money.
#[derive(Serialize)]
struct TemplateData<'a> {
    #[serde(flatten)]
    packet: &'a Packet,
    project_categories: Vec<ProjectCategory>,
}

/// Lays out the 申报书 and 附表 of `packet` and writes them as a PDF.
pub fn render_pdf(packet: &Packet) -> Result<RenderedPdf, PdfError> {
    let document = layout(packet)?;
    // A stable identifier: the same packet gets the same PDF document id.
    let ident = format!("shelian-packet-{}-{}", packet.federation.credit_code, packet.grant.year);
    write_pdf(&document, ident, packet.generated_on)
}

/// Renders another of the bundled templates (`main`, e.g. [`DISTRICT_TEMPLATE`]) over `data`,
/// which the template reads as `data.json`, dated `on` (never the clock).
pub fn render_template(
    main: &str,
    data: &impl Serialize,
    on: NaiveDate,
    ident: String,
) -> Result<RenderedPdf, PdfError> {
    let world = PacketWorld {
        shared: &SHARED,
        main: file_id(main),
        data_id: file_id(DATA),
        data: Bytes::new(serde_json::to_vec(data)?),
        today: typst_date(on),
    };
    let document = typst::compile::<PagedDocument>(&world).output.map_err(|e| PdfError::Layout(diagnostics(&e)))?;
    write_pdf(&document, ident, on)
}

fn write_pdf(document: &PagedDocument, ident: String, on: NaiveDate) -> Result<RenderedPdf, PdfError> {
    let options = PdfOptions {
        ident: Smart::Custom(ident),
        creator: Smart::Custom(Some("社联会管家".to_owned())),
        timestamp: typst_date(on).map(Timestamp::new_utc),
        ..PdfOptions::default()
    };
    let bytes = typst_pdf::pdf(document, &options).map_err(|e| PdfError::Export(diagnostics(&e)));
    // typst memoizes every step of a compilation for the next one; in a long-running app that
    // cache only grows (tens of MB per packet), and the next export is another packet anyway.
    typst::comemo::evict(0);
    Ok(RenderedPdf { bytes: bytes?, pages: document.pages().len() })
}

fn typst_date(d: NaiveDate) -> Option<Datetime> {
    Datetime::from_ymd(d.year(), d.month() as u8, d.day() as u8)
}

/// The laid-out document, for callers that need pages rather than bytes (tests, previews).
pub fn layout(packet: &Packet) -> Result<PagedDocument, PdfError> {
    let data = serde_json::to_vec(&TemplateData { packet, project_categories: packet.projects.by_category() })?;
    let world = PacketWorld {
        shared: &SHARED,
        main: file_id(MAIN),
        data_id: file_id(DATA),
        data: Bytes::new(data),
        today: typst_date(packet.generated_on),
    };
    let warned = typst::compile::<PagedDocument>(&world);
    warned.output.map_err(|e| PdfError::Layout(diagnostics(&e)))
}

fn diagnostics(errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let hints: String = e.hints.iter().map(|h| format!("（{}）", h.v)).collect();
            format!("{}{hints}", e.message)
        })
        .collect::<Vec<_>>()
        .join("；")
}
