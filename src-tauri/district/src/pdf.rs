//! The district summary as a printable A4 PDF table, laid out by the packet's own typst setup
//! (`assets/templates/district.typ` on `common.typ`: the same fonts, tables and number formats),
//! with the summary as the template's `data.json`.

use shelian_export::pdf::{DISTRICT_TEMPLATE, PdfError, render_template};

use crate::summary::DistrictSummary;

pub fn render(summary: &DistrictSummary) -> Result<Vec<u8>, PdfError> {
    let ident = format!("shelian-district-{}", summary.today);
    Ok(render_template(DISTRICT_TEMPLATE, summary, summary.today, ident)?.bytes)
}
