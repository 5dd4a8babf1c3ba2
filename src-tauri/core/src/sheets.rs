//! Spreadsheets in and out, as bytes: `.xlsx`/`.xls` (calamine) and `.csv` in UTF-8 or GBK
//! (encoding_rs) are read into a grid of trimmed strings that keeps each row's number as the
//! spreadsheet shows it; `.xlsx` files are written with rust_xlsxwriter. No file system here: the
//! window sends the bytes it read, and gets back the bytes it saves.
//!
//! Guarantees: phone numbers Excel stored as numbers come back as their digits (`13912345678`,
//! never `1.39e10`), dates stored as dates come back as `YYYY-MM-DD`, and codes and phones are
//! written as text so Excel never turns them into numbers.

use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};
use chrono::{Days, NaiveDate};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::error::{CoreError, Result};

/// The cells of the first worksheet, as text, with the spreadsheet's own row numbers (1-based).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    pub rows: Vec<(u32, Vec<String>)>,
}

fn refused(message: impl Into<String>) -> CoreError {
    CoreError::field("file", message)
}

/// Reads a spreadsheet; the format is decided by its content, then by its name.
pub fn read(file_name: &str, bytes: &[u8]) -> Result<Grid> {
    if bytes.is_empty() {
        return Err(refused("文件是空的，请选择填好的名册文件"));
    }
    let zip_or_ole = bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]);
    let lower = file_name.to_lowercase();
    if zip_or_ole {
        return read_workbook(bytes);
    }
    if lower.ends_with(".xlsx") || lower.ends_with(".xls") {
        return Err(refused("文件不是有效的 Excel 文件（可能已损坏），请用 Excel 打开后另存为 .xlsx 再导入"));
    }
    read_csv(bytes)
}

fn read_workbook(bytes: &[u8]) -> Result<Grid> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|_| refused("无法读取这个 Excel 文件（可能已损坏或有密码），请用 Excel 打开后另存为 .xlsx 再导入"))?;
    let range = match book.worksheet_range_at(0) {
        Some(Ok(r)) => r,
        _ => return Err(refused("这个 Excel 文件里没有工作表")),
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| {
            let mut row: Vec<String> = vec![String::new(); first_col as usize];
            row.extend(cells.iter().map(cell_text));
            (first_row + i as u32 + 1, row)
        })
        .collect();
    Ok(Grid { rows })
}

/// Excel's day 0 for the 1900 date system (with its 1900-02-29 quirk folded in).
fn excel_date(serial: f64) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    (serial >= 1.0).then(|| base.checked_add_days(Days::new(serial.floor() as u64))).flatten()
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 { format!("{f:.0}") } else { f.to_string() }
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_owned(),
        Data::DateTime(dt) if dt.is_datetime() => {
            excel_date(dt.as_f64()).map(|d| d.to_string()).unwrap_or_else(|| number_text(dt.as_f64()))
        }
        Data::DateTime(dt) => number_text(dt.as_f64()),
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

/// UTF-8 first (with or without a BOM), else GBK (read as GB18030, its superset), as Excel on a
/// Chinese Windows saves CSV.
pub fn decode_text(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_owned(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0.into_owned(),
    }
}

fn read_csv(bytes: &[u8]) -> Result<Grid> {
    let text = decode_text(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map(|p| p.line()).unwrap_or(0);
            refused(format!("CSV 文件第{line}行格式有误（可能引号不成对），请用 Excel 打开后另存为 .xlsx 再导入"))
        })?;
        // The line the record starts on, counted from its byte offset (csv's own line count and
        // offset stop at the CR of a CRLF line end).
        let mut byte = record.position().map(|p| p.byte() as usize).unwrap_or(0).min(text.len());
        while byte < text.len() && matches!(text.as_bytes()[byte], b'\r' | b'\n') {
            byte += 1;
        }
        let line = text.as_bytes()[..byte].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
        rows.push((line, record.iter().map(|s| s.trim().to_owned()).collect()));
    }
    Ok(Grid { rows })
}

fn xlsx_error(e: XlsxError) -> CoreError {
    CoreError::Io(std::io::Error::other(e.to_string()))
}

/// One column of a written sheet: header, width, and whether its cells are text that Excel must
/// not read as numbers (codes, phones).
pub struct Column<'a> {
    pub header: &'a str,
    pub width: f64,
}

/// A formatted sheet: a title row, a bold header row (frozen), column widths, every cell as text.
pub fn write_table(sheet_name: &str, title: &str, columns: &[Column<'_>], rows: &[Vec<String>]) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name).map_err(xlsx_error)?;
    let title_format = Format::new().set_bold().set_font_size(14).set_align(FormatAlign::Center);
    let header_format = Format::new()
        .set_bold()
        .set_background_color(0xE8EEF7)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center);
    let text = Format::new().set_num_format("@").set_border(FormatBorder::Thin);
    let last_col = columns.len().saturating_sub(1) as u16;
    if last_col > 0 {
        sheet.merge_range(0, 0, 0, last_col, title, &title_format).map_err(xlsx_error)?;
    } else {
        sheet.write_string_with_format(0, 0, title, &title_format).map_err(xlsx_error)?;
    }
    sheet.set_row_height(0, 24).map_err(xlsx_error)?;
    for (c, col) in columns.iter().enumerate() {
        sheet.set_column_width(c as u16, col.width).map_err(xlsx_error)?;
        sheet.write_string_with_format(1, c as u16, col.header, &header_format).map_err(xlsx_error)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write_string_with_format(r as u32 + 2, c as u16, value, &text).map_err(xlsx_error)?;
        }
    }
    sheet.set_freeze_panes(2, 0).map_err(xlsx_error)?;
    book.save_to_buffer().map_err(xlsx_error)
}

/// A cell of a report sheet: text, or an amount in yuan written as a number formatted
/// `#,##0.00` (so the secretary can sum it in Excel).
#[derive(Debug, Clone)]
pub enum Cell {
    Text(String),
    Money(crate::domain::money::Money),
    Bold(Box<Cell>),
}

impl Cell {
    pub fn bold(&mut self) {
        if !matches!(self, Cell::Bold(_)) {
            *self = Cell::Bold(Box::new(std::mem::replace(self, Cell::Text(String::new()))));
        }
    }

    pub fn bolded(mut self) -> Cell {
        self.bold();
        self
    }
}

/// One sheet of a report workbook: title, a subtitle line (unit, who prepared it), header, rows.
pub struct SheetSpec<'a> {
    pub name: String,
    pub title: String,
    pub subtitle: String,
    pub columns: Vec<Column<'a>>,
    pub rows: Vec<Vec<Cell>>,
}

/// A workbook of report sheets, printable on A4 landscape, yuan as numbers `#,##0.00`.
pub fn write_book(specs: &[SheetSpec<'_>]) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    let title_format = Format::new().set_bold().set_font_size(14).set_align(FormatAlign::Center);
    let subtitle_format = Format::new().set_font_size(10);
    let header_format = Format::new()
        .set_bold()
        .set_background_color(0xE8EEF7)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Center)
        .set_text_wrap();
    let text = Format::new().set_border(FormatBorder::Thin);
    let money = Format::new().set_num_format("#,##0.00").set_border(FormatBorder::Thin);
    let bold_text = text.clone().set_bold();
    let bold_money = money.clone().set_bold();
    for spec in specs {
        let sheet = book.add_worksheet();
        sheet.set_name(&spec.name).map_err(xlsx_error)?;
        sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
        let last_col = spec.columns.len().saturating_sub(1) as u16;
        sheet.merge_range(0, 0, 0, last_col.max(1), &spec.title, &title_format).map_err(xlsx_error)?;
        sheet.set_row_height(0, 24).map_err(xlsx_error)?;
        sheet.write_string_with_format(1, 0, &spec.subtitle, &subtitle_format).map_err(xlsx_error)?;
        for (c, col) in spec.columns.iter().enumerate() {
            sheet.set_column_width(c as u16, col.width).map_err(xlsx_error)?;
            sheet.write_string_with_format(2, c as u16, col.header, &header_format).map_err(xlsx_error)?;
        }
        for (r, row) in spec.rows.iter().enumerate() {
            let r = r as u32 + 3;
            for (c, value) in row.iter().enumerate() {
                let c = c as u16;
                let (value, bold) = match value {
                    Cell::Bold(inner) => (inner.as_ref(), true),
                    v => (v, false),
                };
                match value {
                    Cell::Money(m) => {
                        // Excel keeps numbers as doubles; fen / 100 is exact to the cent on display,
                        // and this is the only place an amount leaves Decimal.
                        let f = rust_decimal::prelude::ToPrimitive::to_f64(&m.as_decimal()).unwrap_or(0.0);
                        sheet.write_number_with_format(r, c, f, if bold { &bold_money } else { &money })
                    }
                    Cell::Text(t) => sheet.write_string_with_format(r, c, t, if bold { &bold_text } else { &text }),
                    Cell::Bold(_) => unreachable!("bold is unwrapped above"),
                }
                .map_err(xlsx_error)?;
            }
        }
        sheet.set_freeze_panes(3, 0).map_err(xlsx_error)?;
    }
    book.save_to_buffer().map_err(xlsx_error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_that_are_phones_keep_their_digits() {
        assert_eq!(cell_text(&Data::Float(13912345678.0)), "13912345678");
        assert_eq!(cell_text(&Data::Int(2583456789)), "2583456789");
        assert_eq!(cell_text(&Data::String("  王芳 ".into())), "王芳");
        assert_eq!(excel_date(43466.0), NaiveDate::from_ymd_opt(2019, 1, 1));
    }

    #[test]
    fn csv_is_read_as_utf8_with_bom_or_as_gbk() {
        let utf8 = "\u{FEFF}单位名称,负责人\n甲,王芳\n".as_bytes();
        let (gbk, _, _) = encoding_rs::GBK.encode("单位名称,负责人\r\n乙,李静\r\n");
        let a = read("a.csv", utf8).unwrap();
        let b = read("b.csv", &gbk).unwrap();
        assert_eq!(a.rows[0].1, vec!["单位名称", "负责人"]);
        assert_eq!(a.rows[1], (2, vec!["甲".to_owned(), "王芳".to_owned()]));
        assert_eq!(b.rows[1], (2, vec!["乙".to_owned(), "李静".to_owned()]));
    }

    #[test]
    fn a_written_table_reads_back_as_text() {
        let bytes = write_table(
            "名册",
            "成员单位名册",
            &[Column { header: "单位名称", width: 30.0 }, Column { header: "联系电话", width: 14.0 }],
            &[vec!["甲".into(), "13912345678".into()]],
        )
        .unwrap();
        let grid = read("x.xlsx", &bytes).unwrap();
        assert_eq!(grid.rows[0].1[0], "成员单位名册");
        assert_eq!(grid.rows[1], (2, vec!["单位名称".to_owned(), "联系电话".to_owned()]));
        assert_eq!(grid.rows[2], (3, vec!["甲".to_owned(), "13912345678".to_owned()]));
    }

    #[test]
    fn garbage_is_refused_with_a_message() {
        let err = read("x.xlsx", b"not a workbook").unwrap_err();
        assert_eq!(err.problems()[0].field, "file");
        assert!(err.problems()[0].message.contains("Excel"));
    }
}
