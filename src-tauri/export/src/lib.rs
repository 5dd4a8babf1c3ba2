//! shelian-export: the application packet (申报材料, DOMAIN.md §5) as files. Every renderer is a pure
//! function of one [`Packet`](model::Packet) built elsewhere from the books, so the same packet always
//! yields the same figures in the PDF, the DOCX, the XLSX and the manifest.
//!
//! Entry point: [`render_all`], which produces every file and the verified ZIP; [`zip::verify`]
//! checks a ZIP received later. [`coverage::FontCoverage`] tells the builder which characters the
//! bundled fonts cannot print, before anything is rendered.

pub mod coverage;
pub mod docx;
pub mod fixtures;
pub mod from_books;
pub mod manifest;
pub mod model;
pub mod pdf;
pub mod xlsx;
pub mod zip;

pub use manifest::{Manifest, ManifestFile};
pub use model::{KeyFigures, Packet, TextField};
pub use zip::{VerifyError, verify};

/// Names of the files inside the packet's folder.
pub const PDF_NAME: &str = "申报书.pdf";
pub const DOCX_NAME: &str = "申报书（可编辑）.docx";
pub const XLSX_NAME: &str = "附表.xlsx";

/// Everything one export produces.
#[derive(Debug, Clone)]
pub struct PacketFiles {
    /// The folder inside the ZIP, e.g. 「2020年度申报材料」.
    pub folder: String,
    pub pdf: Vec<u8>,
    pub pdf_pages: usize,
    pub docx: Vec<u8>,
    pub xlsx: Vec<u8>,
    /// The packet model as pretty JSON (also inside the ZIP as 申报数据.json).
    pub data_json: Vec<u8>,
    pub zip: Vec<u8>,
    pub manifest: Manifest,
}

/// Why an export failed. `Display` carries the detail for the log (typst diagnostics, library errors,
/// often in English); [`ExportError::user_message`] is what the person reads.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
    #[error(transparent)]
    Docx(#[from] docx::DocxError),
    #[error(transparent)]
    Xlsx(#[from] xlsx::XlsxExportError),
    #[error(transparent)]
    Zip(#[from] zip::PackError),
    #[error("申报数据无法写出：{0}")]
    Data(#[from] serde_json::Error),
    #[error("导出的压缩包未通过校验：{0}")]
    SelfCheck(#[from] VerifyError),
}

impl ExportError {
    /// One Chinese sentence for the person: which file failed and what to do, without the detail
    /// (which goes to the log, since a typst diagnostic or an I/O error means nothing to her).
    pub fn user_message(&self) -> String {
        let what = match self {
            ExportError::Pdf(_) => "申报书（PDF）",
            ExportError::Docx(_) => "申报书（Word）",
            ExportError::Xlsx(_) => "附表（Excel）",
            ExportError::Zip(_) => "申报材料压缩包",
            ExportError::Data(_) => "申报数据文件",
            ExportError::SelfCheck(e) => {
                return format!(
                    "刚生成的申报材料未通过自检（{e}），没有保存。请重新导出；如仍失败，请把日志交给技术支持"
                );
            }
        };
        format!("{what}生成失败，没有保存任何文件。请重新导出；如仍失败，请把日志交给技术支持")
    }
}

/// Renders the PDF, DOCX, XLSX and data file of `packet`, packs them with their manifest into
/// one ZIP, and verifies that ZIP before returning it, so a packet that leaves this function
/// has passed the same check its recipient will run.
pub fn render_all(packet: &Packet) -> Result<PacketFiles, ExportError> {
    // The PDF takes most of the time; the other files are made meanwhile on this thread.
    let (pdf, rest) = std::thread::scope(|s| {
        let pdf = s.spawn(|| pdf::render_pdf(packet));
        let rest = (|| -> Result<_, ExportError> {
            Ok((docx::render_docx(packet)?, xlsx::render_xlsx(packet)?, serde_json::to_vec_pretty(packet)?))
        })();
        (pdf.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), rest)
    });
    let pdf = pdf?;
    let (docx, xlsx, data_json) = rest?;
    let (zip, manifest) = zip::pack(
        packet,
        &[(PDF_NAME, &pdf.bytes), (DOCX_NAME, &docx), (XLSX_NAME, &xlsx), (zip::DATA_NAME, &data_json)],
    )?;
    verify(&zip)?;
    Ok(PacketFiles {
        folder: packet.folder_name(),
        pdf_pages: pdf.pages,
        pdf: pdf.bytes,
        docx,
        xlsx,
        data_json,
        zip,
        manifest,
    })
}
