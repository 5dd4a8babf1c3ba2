//! Every 附表 of the packet as one formatted sheet of an `.xlsx` workbook, for the district that
//! wants the tables as data and for the secretary who wants to re-sort or re-print them.
//!
//! Guarantees: amounts are numbers formatted `#,##0.00` (so Excel sums them), codes, phones and
//! filing numbers are text (so Excel never turns them into 5.23E+17), each sheet prints on A4
//! landscape one page wide with its header rows repeated, and the header stays frozen on screen.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};
use shelian_core::Money;

use crate::model::Packet;

/// Why the workbook could not be written.
#[derive(Debug, thiserror::Error)]
#[error("附表 Excel 文件生成失败：{0}")]
pub struct XlsxExportError(#[from] XlsxError);

/// One cell's value; the column decides its look.
enum Value {
    Text(String),
    Money(Money),
    Count(u32),
}

fn t(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

#[derive(Clone, Copy)]
enum Kind {
    /// Left-aligned text (names, free text).
    Text,
    /// Centred text (labels, codes, dates).
    Center,
    /// Amounts and counts.
    Number,
}

struct Column {
    header: &'static str,
    width: f64,
    kind: Kind,
}

const fn col(header: &'static str, width: f64, kind: Kind) -> Column {
    Column { header, width, kind }
}

/// The content of one sheet before formatting.
struct Sheet {
    name: String,
    title: String,
    /// Shown beside the applicant, e.g. 「金额单位：元」.
    unit: Option<&'static str>,
    /// An optional band above the headers (label, first column, last column), for grouped headers.
    groups: Vec<(&'static str, u16, u16)>,
    columns: Vec<Column>,
    rows: Vec<Vec<Value>>,
    /// Rows after the records: totals, amounts in words, a second small table.
    totals: Vec<Closing>,
}

/// A row after the records of a sheet.
enum Closing {
    /// A bold line of cells under the columns (合计).
    Cells(Vec<Value>),
    /// A label over the first `label_cols` columns and a text over the rest (合计（大写）).
    Words {
        label: &'static str,
        label_cols: u16,
        value: String,
    },
    /// A header line for a small table that follows.
    Header(Vec<&'static str>),
    Blank,
}

/// The workbook look shared by the packet's 附表 and the district summary: 黑体 titles and headers
/// on grey, 宋体 cells with thin borders, amounts `#,##0.00`, counts `0`, codes as text.
pub struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub text: Format,
    pub center: Format,
    pub money: Format,
    pub count: Format,
    pub bold_text: Format,
    pub bold_center: Format,
    pub bold_money: Format,
    pub bold_count: Format,
}

impl Default for Formats {
    fn default() -> Self {
        Self::new()
    }
}

impl Formats {
    pub fn new() -> Formats {
        let base = Format::new().set_font_name("宋体").set_font_size(10).set_border(FormatBorder::Thin).set_text_wrap();
        let text = base.clone().set_num_format("@").set_align(FormatAlign::VerticalCenter);
        let center = text.clone().set_align(FormatAlign::Center);
        let money = base.clone().set_num_format("#,##0.00").set_align(FormatAlign::VerticalCenter);
        let count =
            base.clone().set_num_format("0").set_align(FormatAlign::Center).set_align(FormatAlign::VerticalCenter);
        Formats {
            title: Format::new()
                .set_font_name("黑体")
                .set_font_size(16)
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new().set_font_name("宋体").set_font_size(10),
            header: Format::new()
                .set_font_name("黑体")
                .set_font_size(10)
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_background_color("EBEBEB")
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            bold_text: text.clone().set_bold(),
            bold_center: center.clone().set_bold(),
            bold_money: money.clone().set_bold(),
            bold_count: count.clone().set_bold(),
            text,
            center,
            money,
            count,
        }
    }
}

/// Writes every 附表 of `packet` as one workbook.
pub fn render_xlsx(packet: &Packet) -> Result<Vec<u8>, XlsxExportError> {
    let formats = Formats::new();
    let mut book = Workbook::new();
    for sheet in sheets(packet) {
        let ws = book.add_worksheet();
        write_sheet(ws, &sheet, packet, &formats)?;
    }
    Ok(book.save_to_buffer()?)
}

/// The sheet names, in order, as `render_xlsx` writes them.
pub fn sheet_names(packet: &Packet) -> Vec<String> {
    sheets(packet).into_iter().map(|s| s.name).collect()
}

fn sheets(packet: &Packet) -> Vec<Sheet> {
    use Kind::{Center, Number, Text};
    let mut out = Vec::new();

    let m = &packet.members;
    out.push(Sheet {
        name: "附表1 成员单位名册".into(),
        title: "成员单位名册".into(),
        unit: None,
        groups: vec![],
        columns: vec![
            col("序号", 6.0, Center),
            col("单位名称", 36.0, Text),
            col("登记/备案", 9.0, Center),
            col("统一社会信用代码/备案号", 24.0, Center),
            col("类别", 12.0, Center),
            col("所在社区", 13.0, Center),
            col("负责人", 9.0, Center),
            col("联系电话", 14.0, Center),
            col("加入日期", 12.0, Center),
            col("状态", 7.0, Center),
            col("评估等级", 12.0, Center),
        ],
        rows: m
            .roster
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    Value::Count(i as u32 + 1),
                    t(&r.name),
                    t(&r.legal_form),
                    t(&r.code),
                    t(&r.category),
                    t(&r.community),
                    t(&r.leader),
                    t(&r.phone),
                    t(r.joined.format("%Y-%m-%d").to_string()),
                    t(&r.status),
                    t(r.rating.as_deref().unwrap_or("—")),
                ]
            })
            .collect(),
        totals: vec![Closing::Words { label: "合计", label_cols: 1, value: format!("{} 家", m.total) }],
    });

    let b = &packet.budget;
    out.push(Sheet {
        name: "附表2 项目预算表".into(),
        title: "项目预算表".into(),
        unit: Some("金额单位：元"),
        groups: vec![],
        columns: vec![
            col("序号", 6.0, Center),
            col("预算科目", 14.0, Center),
            col("市级专项资金", 16.0, Number),
            col("区级配套资金", 16.0, Number),
            col("合计", 16.0, Number),
            col("测算依据及说明", 40.0, Text),
        ],
        rows: b
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    Value::Count(i as u32 + 1),
                    t(&r.category),
                    Value::Money(r.city),
                    Value::Money(r.district),
                    Value::Money(r.total),
                    t(&r.note),
                ]
            })
            .collect(),
        totals: vec![
            Closing::Cells(vec![
                t(""),
                t("合计"),
                Value::Money(b.city_total),
                Value::Money(b.district_total),
                Value::Money(b.total),
                t(""),
            ]),
            Closing::Words { label: "合计（大写）", label_cols: 2, value: b.total_daxie.clone() },
        ],
    });

    let p = &packet.projects;
    out.push(Sheet {
        name: "附表3 服务项目清单".into(),
        title: "服务项目清单".into(),
        unit: Some("金额单位：元"),
        groups: vec![],
        columns: vec![
            col("序号", 6.0, Center),
            col("项目名称", 22.0, Text),
            col("承接组织", 30.0, Text),
            col("类别", 12.0, Center),
            col("服务社区", 24.0, Text),
            col("协议金额", 14.0, Number),
            col("开始日期", 12.0, Center),
            col("结束日期", 12.0, Center),
            col("服务目标", 40.0, Text),
        ],
        rows: p
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    Value::Count(i as u32 + 1),
                    t(&r.name),
                    t(&r.undertaker),
                    t(&r.category),
                    t(r.communities.join("、")),
                    Value::Money(r.agreed_amount),
                    t(r.period_start.format("%Y-%m-%d").to_string()),
                    t(r.period_end.format("%Y-%m-%d").to_string()),
                    t(&r.targets),
                ]
            })
            .collect(),
        totals: vec![Closing::Cells(vec![
            t(""),
            t("合计"),
            t(""),
            t(""),
            t(""),
            Value::Money(p.agreed_total),
            t(""),
            t(""),
            t(""),
        ])],
    });

    if let Some(prev) = &packet.previous_year {
        let row = |r: &crate::model::ExecutionRow| {
            vec![
                t(&r.category),
                Value::Money(r.city_budget),
                Value::Money(r.city_spent),
                Value::Money(r.city_remaining),
                Value::Money(r.district_budget),
                Value::Money(r.district_spent),
                Value::Money(r.district_remaining),
                Value::Money(r.total_budget),
                Value::Money(r.total_spent),
                t(&r.rate),
            ]
        };
        let ie = &prev.income_expense;
        out.push(Sheet {
            name: "附表4 上年度预算执行表".into(),
            title: format!("{}年度预算执行表", prev.year),
            unit: Some("金额单位：元"),
            groups: vec![("市级专项资金", 1, 3), ("区级配套资金", 4, 6), ("合计", 7, 9)],
            columns: vec![
                col("预算科目", 14.0, Center),
                col("预算", 14.0, Number),
                col("支出", 14.0, Number),
                col("结余", 14.0, Number),
                col("预算", 14.0, Number),
                col("支出", 14.0, Number),
                col("结余", 14.0, Number),
                col("预算", 14.0, Number),
                col("支出", 14.0, Number),
                col("执行率", 10.0, Center),
            ],
            rows: prev.execution.iter().map(row).collect(),
            totals: vec![
                Closing::Cells(row(&prev.execution_total)),
                Closing::Blank,
                Closing::Header(vec!["资金来源", "到账金额", "支出金额", "结余"]),
                Closing::Cells(vec![
                    t("市级专项资金"),
                    Value::Money(ie.city_received),
                    Value::Money(ie.city_spent),
                    Value::Money(ie.city_balance),
                ]),
                Closing::Cells(vec![
                    t("区级配套资金"),
                    Value::Money(ie.district_received),
                    Value::Money(ie.district_spent),
                    Value::Money(ie.district_balance),
                ]),
                Closing::Cells(vec![
                    t("合计"),
                    Value::Money(ie.total_received),
                    Value::Money(ie.total_spent),
                    Value::Money(ie.total_balance),
                ]),
                Closing::Words {
                    label: "支出合计（大写）", label_cols: 1, value: ie.total_spent_daxie.clone()
                },
                Closing::Words { label: "科目表版本", label_cols: 1, value: prev.chart.clone() },
            ],
        });
    }

    let n = if packet.previous_year.is_some() { 5 } else { 4 };
    out.push(Sheet {
        name: format!("附表{n} 绩效目标表"),
        title: "绩效目标表".into(),
        unit: None,
        groups: vec![],
        columns: vec![
            col("一级指标", 14.0, Center),
            col("二级指标", 36.0, Text),
            col("目标值", 12.0, Center),
            col("计量单位", 10.0, Center),
        ],
        rows: packet.targets.iter().map(|r| vec![t(&r.category), t(&r.indicator), t(&r.target), t(&r.unit)]).collect(),
        totals: vec![],
    });
    out
}

/// Excel stores every number as a double. Amounts within ±2^53 fen (about 90 万亿元) convert
/// exactly to the fen and display exactly under `#,##0.00`; this is the only place the packet
/// meets floating point.
fn yuan_f64(m: Money) -> f64 {
    m.to_fen() as f64 / 100.0
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, packet: &Packet, f: &Formats) -> Result<(), XlsxError> {
    let last_col = sheet.columns.len() as u16 - 1;
    ws.set_name(&sheet.name)?;
    ws.set_paper_size(9); // A4
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_margins(0.5, 0.5, 0.7, 0.7, 0.3, 0.3);
    ws.set_footer("&C第 &P 页 共 &N 页");
    ws.set_print_center_horizontally(true);

    ws.set_row_height(0, 30)?;
    ws.merge_range(0, 0, 0, last_col, &sheet.title, &f.title)?;
    let applicant = format!("申报单位（盖章）：{}", packet.federation.name);
    ws.write_string_with_format(1, 0, &applicant, &f.subtitle)?;
    if let Some(unit) = sheet.unit {
        ws.write_string_with_format(1, last_col, unit, &f.subtitle.clone().set_align(FormatAlign::Right))?;
    }

    let mut header_row = 2;
    if !sheet.groups.is_empty() {
        // Grouped headers: the ungrouped columns span both header rows.
        for (c, column) in sheet.columns.iter().enumerate() {
            let c = c as u16;
            if !sheet.groups.iter().any(|&(_, a, b)| (a..=b).contains(&c)) {
                ws.merge_range(2, c, 3, c, column.header, &f.header)?;
            }
        }
        for &(label, a, b) in &sheet.groups {
            ws.merge_range(2, a, 2, b, label, &f.header)?;
            for c in a..=b {
                ws.write_string_with_format(3, c, sheet.columns[c as usize].header, &f.header)?;
            }
        }
        header_row = 3;
    } else {
        for (c, column) in sheet.columns.iter().enumerate() {
            ws.write_string_with_format(2, c as u16, column.header, &f.header)?;
        }
    }
    for (c, column) in sheet.columns.iter().enumerate() {
        ws.set_column_width(c as u16, column.width)?;
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.set_repeat_rows(2, header_row)?;

    let mut r = header_row + 1;
    for row in &sheet.rows {
        write_row(ws, r, row, &sheet.columns, f, false)?;
        r += 1;
    }
    for closing in &sheet.totals {
        match closing {
            Closing::Cells(row) => write_row(ws, r, row, &sheet.columns, f, true)?,
            Closing::Words { label, label_cols, value } => {
                let split = label_cols - 1;
                if split == 0 {
                    ws.write_string_with_format(r, 0, *label, &f.bold_center)?;
                } else {
                    ws.merge_range(r, 0, r, split, label, &f.bold_center)?;
                }
                ws.merge_range(r, split + 1, r, last_col, value, &f.bold_text)?;
            }
            Closing::Header(labels) => {
                for (c, label) in labels.iter().enumerate() {
                    ws.write_string_with_format(r, c as u16, *label, &f.header)?;
                }
            }
            Closing::Blank => {}
        }
        r += 1;
    }

    r += 1;
    let fed = &packet.federation;
    let filler = format!(
        "填表人：{}　　联系电话：{}　　填表日期：{}",
        fed.secretary,
        fed.phone,
        packet.generated_on.format("%Y年%-m月%-d日")
    );
    ws.write_string_with_format(r, 0, &filler, &f.subtitle)?;
    Ok(())
}

fn write_row(
    ws: &mut Worksheet,
    r: u32,
    row: &[Value],
    columns: &[Column],
    f: &Formats,
    bold: bool,
) -> Result<(), XlsxError> {
    for (c, value) in row.iter().enumerate() {
        let kind = columns.get(c).map_or(Kind::Text, |col| col.kind);
        write_value(ws, r, c as u16, value, kind, f, bold)?;
    }
    Ok(())
}

fn write_value(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    value: &Value,
    kind: Kind,
    f: &Formats,
    bold: bool,
) -> Result<(), XlsxError> {
    match value {
        Value::Money(m) => {
            ws.write_number_with_format(r, c, yuan_f64(*m), if bold { &f.bold_money } else { &f.money })?;
        }
        Value::Count(n) => {
            ws.write_number_with_format(r, c, f64::from(*n), &f.count)?;
        }
        Value::Text(s) => {
            let format = match (kind, bold) {
                (Kind::Text, false) => &f.text,
                (Kind::Text, true) => &f.bold_text,
                (_, false) => &f.center,
                (_, true) => &f.bold_center,
            };
            ws.write_string_with_format(r, c, s, format)?;
        }
    }
    Ok(())
}
