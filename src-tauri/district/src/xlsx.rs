//! The district summary as one workbook: a sheet per year (newest first) with one row per
//! federation and a 合计 line, and a sheet of what the district still owes. Amounts are numbers
//! formatted `#,##0.00` so the office can sum and filter them; codes and rates are text.

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};
use shelian_core::Money;
use shelian_export::xlsx::Formats;

use crate::summary::{DistrictSummary, DistrictYear};

/// Excel stores numbers as doubles; amounts within ±2^53 fen convert exactly to the fen.
fn yuan(m: Money) -> f64 {
    m.to_fen() as f64 / 100.0
}

const YEAR_COLUMNS: [(&str, f64); 15] = [
    ("序号", 6.0),
    ("社联会", 34.0),
    ("街道", 12.0),
    ("资助年度", 9.0),
    ("市级资助", 14.0),
    ("区级配套应拨", 14.0),
    ("区级配套已到位", 14.0),
    ("欠拨金额", 14.0),
    ("欠拨天数", 9.0),
    ("市级资金执行率", 11.0),
    ("区级资金执行率", 11.0),
    ("成员单位", 9.0),
    ("服务项目", 9.0),
    ("申报包日期", 12.0),
    ("提示", 40.0),
];

pub fn render(summary: &DistrictSummary) -> Result<Vec<u8>, XlsxError> {
    let f = Formats::new();
    let mut book = Workbook::new();
    if summary.years.is_empty() {
        let ws = book.add_worksheet();
        ws.set_name("区级汇总")?;
        ws.write_with_format(0, 0, "尚未添加任何申报材料", &f.subtitle)?;
    }
    for y in &summary.years {
        year_sheet(book.add_worksheet(), y, summary, &f)?;
    }
    owed_sheet(book.add_worksheet(), summary, &f)?;
    book.save_to_buffer()
}

fn page_setup(ws: &mut Worksheet) {
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.7, 0.7, 0.3, 0.3);
    ws.set_footer("&C第 &P 页 共 &N 页");
}

fn year_sheet(ws: &mut Worksheet, y: &DistrictYear, s: &DistrictSummary, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(format!("{}年度", y.year))?;
    page_setup(ws);
    let last = YEAR_COLUMNS.len() as u16 - 1;
    ws.set_row_height(0, 30)?;
    ws.merge_range(0, 0, 0, last, &format!("{}年度街道社联会项目资助汇总表", y.year), &f.title)?;
    ws.merge_range(
        1,
        0,
        1,
        last,
        &format!("汇总日期：{}　　金额单位：元　　欠拨按各申报包中的到账记录计算至汇总日期", s.today),
        &f.subtitle,
    )?;
    for (c, (name, width)) in YEAR_COLUMNS.iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
        ws.write_with_format(2, c as u16, *name, &f.header)?;
    }
    ws.set_freeze_panes(3, 2)?;
    let mut row = 3u32;
    for (i, r) in y.rows.iter().enumerate() {
        ws.write_with_format(row, 0, (i + 1) as u32, &f.count)?;
        ws.write_with_format(row, 1, &r.federation, &f.text)?;
        ws.write_with_format(row, 2, &r.street, &f.center)?;
        ws.write_with_format(row, 3, &r.sequence_label, &f.center)?;
        ws.write_with_format(row, 4, yuan(r.city_amount), &f.money)?;
        ws.write_with_format(row, 5, yuan(r.district_due), &f.money)?;
        match r.district_received {
            Some(m) => ws.write_with_format(row, 6, yuan(m), &f.money)?,
            None => ws.write_with_format(row, 6, "—", &f.center)?,
        };
        match r.arrears {
            Some(m) => ws.write_with_format(row, 7, yuan(m), &f.money)?,
            None => ws.write_with_format(row, 7, "—", &f.center)?,
        };
        match r.arrears_days {
            Some(d) => ws.write_with_format(row, 8, d as f64, &f.count)?,
            None => ws.write_with_format(row, 8, "—", &f.center)?,
        };
        ws.write_with_format(row, 9, &r.city_rate, &f.center)?;
        ws.write_with_format(row, 10, &r.district_rate, &f.center)?;
        ws.write_with_format(row, 11, r.members, &f.count)?;
        ws.write_with_format(row, 12, r.projects, &f.count)?;
        ws.write_with_format(row, 13, r.generated_on.to_string(), &f.center)?;
        let notes: Vec<String> = r
            .note
            .iter()
            .cloned()
            .chain(r.warnings.iter().map(|w| match &w.rule {
                Some(rule) => format!("{}（{rule}）", w.message),
                None => w.message.clone(),
            }))
            .collect();
        ws.write_with_format(row, 14, notes.join("；"), &f.text)?;
        row += 1;
    }
    let t = &y.totals;
    ws.write_with_format(row, 0, "", &f.bold_text)?;
    ws.merge_range(row, 1, row, 3, &format!("合计（{} 家）", t.federations), &f.bold_text)?;
    ws.write_with_format(row, 4, yuan(t.city_amount), &f.bold_money)?;
    ws.write_with_format(row, 5, yuan(t.district_due), &f.bold_money)?;
    ws.write_with_format(row, 6, yuan(t.district_received), &f.bold_money)?;
    ws.write_with_format(row, 7, yuan(t.arrears), &f.bold_money)?;
    for c in [8u16, 9, 10, 13] {
        ws.write_with_format(row, c, "", &f.bold_text)?;
    }
    ws.write_with_format(row, 11, t.members, &f.bold_count)?;
    ws.write_with_format(row, 12, t.projects, &f.bold_count)?;
    let without = if t.without_funds > 0 {
        format!("{} 家的申报包没有到账数据，未计入已到位和欠拨合计", t.without_funds)
    } else {
        String::new()
    };
    ws.write_with_format(row, 14, without, &f.bold_text)?;
    Ok(())
}

fn owed_sheet(ws: &mut Worksheet, s: &DistrictSummary, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name("区级配套欠拨")?;
    page_setup(ws);
    let columns = [
        ("序号", 6.0),
        ("社联会", 34.0),
        ("资助年度", 9.0),
        ("欠拨金额", 14.0),
        ("起算日期", 12.0),
        ("欠拨天数", 9.0),
        ("超过预警", 9.0),
    ];
    ws.set_row_height(0, 30)?;
    ws.merge_range(0, 0, 0, columns.len() as u16 - 1, "区级配套资金欠拨情况（按欠拨天数排序）", &f.title)?;
    ws.merge_range(1, 0, 1, columns.len() as u16 - 1, &format!("汇总日期：{}　　金额单位：元", s.today), &f.subtitle)?;
    for (c, (name, width)) in columns.iter().enumerate() {
        ws.set_column_width(c as u16, *width)?;
        ws.write_with_format(2, c as u16, *name, &f.header)?;
    }
    let mut row = 3u32;
    for (i, o) in s.owed.iter().enumerate() {
        ws.write_with_format(row, 0, (i + 1) as u32, &f.count)?;
        ws.write_with_format(row, 1, &o.federation, &f.text)?;
        ws.write_with_format(row, 2, o.year, &f.count)?;
        ws.write_with_format(row, 3, yuan(o.amount), &f.money)?;
        ws.write_with_format(row, 4, o.since.to_string(), &f.center)?;
        ws.write_with_format(row, 5, o.days as f64, &f.count)?;
        ws.write_with_format(row, 6, if o.overdue { "是" } else { "否" }, &f.center)?;
        row += 1;
    }
    if s.owed.is_empty() {
        ws.merge_range(row, 0, row, columns.len() as u16 - 1, "没有欠拨", &f.center)?;
    } else {
        ws.merge_range(row, 0, row, 2, "合计", &f.bold_text)?;
        ws.write_with_format(row, 3, yuan(s.owed_total), &f.bold_money)?;
        for c in 4u16..7 {
            ws.write_with_format(row, c, "", &f.bold_text)?;
        }
    }
    Ok(())
}
