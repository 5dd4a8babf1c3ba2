//! shelian-export: the application packet (申报材料, DOMAIN.md §5) as files. Every renderer is a pure
//! function of one [`Packet`](model::Packet) built elsewhere from the books, so the same packet always
//! yields the same figures in the PDF, the DOCX, the XLSX and the manifest.

pub mod fixtures;
pub mod model;

pub use model::{KeyFigures, Packet, TextField};
pub mod pdf;
