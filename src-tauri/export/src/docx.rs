//! The 申报书 as an editable Word document, for the secretary to adjust wording before printing or
//! for a district that asks for the file. Same sections and figures as the PDF (both read the
//! same `Packet`); the 附表 travel as the XLSX workbook instead.
//!
//! Fonts are declared by their Chinese names (宋体 for the body, 黑体 for titles and table
//! headers), which Word and WPS resolve to the fonts of the PC; nothing is embedded. Text from
//! people is added as text runs (escaped by docx-rs), with characters XML cannot hold removed.

use std::io::Cursor;

use docx_rs::{
    AlignmentType, BreakType, Docx, Footer, LineSpacing, LineSpacingType, PageMargin, PageNum, PageNumType, Paragraph,
    Run, RunFonts, Shading, ShdType, SpecialIndentType, Table, TableAlignmentType, TableCell, TableCellBorder,
    TableCellBorderPosition, TableCellBorders, TableCellMargins, TableRow, VAlignType, VMergeType, WidthType,
};

use crate::model::{CountRow, FORM_PROJECT_LIST_MAX, Packet};

/// Why the DOCX could not be written.
#[derive(Debug, thiserror::Error)]
#[error("申报书 Word 文件生成失败：{0}")]
pub struct DocxError(String);

// A4 in twentieths of a point, margins as in the PDF (2.5 cm ≈ 1417, 2.8 cm ≈ 1588).
const PAGE_W: u32 = 11_906;
const PAGE_H: u32 = 16_838;
const MARGIN_LR: (i32, i32) = (1588, 1417);
const TEXT_W: usize = (PAGE_W as i32 - MARGIN_LR.0 - MARGIN_LR.1) as usize;

const SONG: &str = "宋体";
const HEI: &str = "黑体";
const HEAD_FILL: &str = "EBEBEB";

/// Sizes in half-points, named as Chinese typesetting names them.
const SIZE_XIAOSI: usize = 24; // 小四, 12 pt: body
const SIZE_WUHAO: usize = 21; // 五号, 10.5 pt: tables
const SIZE_XIAOSAN: usize = 30; // 小三, 15 pt: section titles

/// Writes the 申报书 of `packet` as `.docx` bytes.
pub fn render_docx(packet: &Packet) -> Result<Vec<u8>, DocxError> {
    let mut doc = Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(PageMargin::new().top(1417).bottom(1417).left(MARGIN_LR.0).right(MARGIN_LR.1))
        .default_fonts(fonts(SONG))
        .default_size(SIZE_XIAOSI)
        // The cover has no footer and is page 0, so the form itself starts at 第 1 页 as in the PDF.
        .title_pg()
        .first_footer(Footer::new().add_paragraph(Paragraph::new()))
        .page_num_type(PageNumType::new().start(0))
        .footer(
            Footer::new().add_paragraph(
                Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(run("第 ", HEI, 18))
                    .add_page_num(PageNum::new())
                    .add_run(run(" 页", HEI, 18)),
            ),
        )
        .created_at(&format!("{}T00:00:00Z", packet.generated_on))
        .updated_at(&format!("{}T00:00:00Z", packet.generated_on));

    for p in cover(packet) {
        doc = doc.add_paragraph(p);
    }
    doc = doc.add_table(cover_fields(packet));
    doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_break(BreakType::Page)));

    let f = &packet.federation;
    let g = &packet.grant;
    let m = &packet.members;
    let has_prev = packet.previous_year.is_some();
    let numbers = if has_prev { ["三", "四", "五", "六"] } else { ["二", "三", "四", "五"] };

    doc = doc.add_paragraph(heading1("一、基本情况")).add_paragraph(heading2("（一）社联会基本信息"));
    doc = doc.add_table(kv_table(&[
        &[("单位名称", &f.name)],
        &[("统一社会信用代码", &f.credit_code), ("法定代表人", &f.legal_rep)],
        &[("所在区", &f.district), ("所在街道", &f.street)],
        &[("认定日期", &cn_date(f.recognition_date)), ("认定文号", &f.recognition_doc_no)],
        &[("秘书（联系人）", &f.secretary), ("联系电话", &f.phone)],
        &[("办公地址", &f.address)],
        &[("开户银行", &f.bank_name), ("银行账号", &f.bank_account)],
    ]));
    doc = doc.add_paragraph(heading2("（二）成员单位情况"));
    let count = |label: &str| m.by_legal_form.iter().filter(|c| c.label == label).map(|c| c.count).sum::<u32>();
    doc = doc.add_paragraph(lead_in(&format!(
        "截至申报日，本会共有成员单位{}家，其中登记的社会组织{}家、在街道备案的社区社会组织{}家。成员单位构成如下，名册见附表1。",
        m.total,
        count("登记"),
        count("备案")
    )));
    for (title, rows) in [
        ("按类别", &m.by_category),
        ("按登记备案", &m.by_legal_form),
        ("按党建覆盖", &m.by_party_building),
        ("按评估等级", &m.by_rating),
    ] {
        doc = doc.add_table(count_table(title, rows)).add_paragraph(spacer());
    }

    if let Some(prev) = &packet.previous_year {
        doc =
            doc.add_paragraph(heading1("二、上年度工作及资金使用情况")).add_paragraph(heading2("（一）上年度资助情况"));
        let approval = prev
            .approval
            .as_ref()
            .map(|a| format!("（批复文号：{}，{}）", a.doc_no, cn_date(a.date)))
            .unwrap_or_default();
        doc = doc.add_paragraph(body(&format!(
            "{}年度，本会获市级社区建设专项资金资助{}元、区级配套资金{}元，合计{}元{approval}。",
            prev.year,
            prev.city_amount.to_grouped(),
            prev.district_amount.to_grouped(),
            prev.total.to_grouped()
        )));
        doc = doc.add_paragraph(heading2("（二）工作开展情况"));
        for s in &prev.summary {
            doc = doc.add_paragraph(body(s));
        }
        doc = doc.add_paragraph(heading2("（三）资金收支情况"));
        let ie = &prev.income_expense;
        doc = doc.add_table(grid_table(
            &[2, 2, 2, 2],
            &["资金来源", "到账金额（元）", "支出金额（元）", "结余（元）"],
            &[
                vec![c("市级专项资金"), n(ie.city_received), n(ie.city_spent), n(ie.city_balance)],
                vec![c("区级配套资金"), n(ie.district_received), n(ie.district_spent), n(ie.district_balance)],
                total_row(vec![c("合计"), n(ie.total_received), n(ie.total_spent), n(ie.total_balance)]),
            ],
        ));
        doc = doc.add_paragraph(body(&format!("全年支出合计（大写）：{}。", ie.total_spent_daxie)));
        doc = doc.add_paragraph(heading2("（四）预算执行情况"));
        let mut rows: Vec<Vec<Cell>> = prev
            .execution
            .iter()
            .map(|r| vec![c(&r.category), n(r.total_budget), n(r.total_spent), c(&r.rate)])
            .collect();
        let t = &prev.execution_total;
        rows.push(total_row(vec![c("合计"), n(t.total_budget), n(t.total_spent), c(&t.rate)]));
        doc = doc.add_table(grid_table(
            &[3, 2, 2, 2],
            &["预算科目", "预算金额（元）", "支出金额（元）", "执行率"],
            &rows,
        ));
        doc = doc.add_paragraph(body(&format!(
            "按资金来源的明细见附表4。上年度账目按《{}》记账（科目表版本）。",
            prev.chart
        )));
    }

    doc = doc
        .add_paragraph(heading1(&format!("{}、本年度工作计划及服务项目", numbers[0])))
        .add_paragraph(heading2("（一）工作计划"));
    for s in &packet.plan {
        doc = doc.add_paragraph(body(s));
    }
    let p = &packet.projects;
    doc = doc.add_paragraph(heading2("（二）服务项目")).add_paragraph(lead_in(&format!(
        "本年度拟实施服务项目{}个，协议金额合计{}元，明细见附表3。",
        p.rows.len(),
        p.agreed_total.to_grouped()
    )));
    // As in the PDF: a short list in full, a long one summed up by category (in full in 附表3).
    if p.rows.len() <= FORM_PROJECT_LIST_MAX {
        let mut rows: Vec<Vec<Cell>> = p
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                vec![
                    c(&(i + 1).to_string()),
                    l(&r.name),
                    l(&r.undertaker),
                    l(&r.communities.join("、")),
                    n(r.agreed_amount),
                ]
            })
            .collect();
        rows.push(total_row(vec![c(""), c("合计"), c(""), c(""), n(p.agreed_total)]));
        doc = doc.add_table(grid_table(
            &[2, 6, 7, 6, 4],
            &["序号", "项目名称", "承接组织", "服务社区", "协议金额（元）"],
            &rows,
        ));
    } else {
        let mut rows: Vec<Vec<Cell>> = p
            .by_category()
            .iter()
            .enumerate()
            .map(|(i, k)| vec![c(&(i + 1).to_string()), c(&k.category), c(&k.count.to_string()), n(k.amount)])
            .collect();
        rows.push(total_row(vec![c(""), c("合计"), c(&p.rows.len().to_string()), n(p.agreed_total)]));
        doc = doc.add_table(grid_table(&[2, 8, 4, 5], &["序号", "项目类别", "项目数（个）", "协议金额（元）"], &rows));
    }

    doc = doc.add_paragraph(heading1(&format!("{}、资金预算", numbers[1])));
    let approval = g.approval.as_ref().map(|a| format!("，批复文号{}", a.doc_no)).unwrap_or_default();
    doc = doc.add_paragraph(lead_in(&format!(
        "本年度申请市级社区建设专项资金{}元（大写：{}），区级按{}配套{}元（大写：{}），合计{}元（大写：{}）。资金执行期为{}至{}{approval}，按《{}》核算（科目表版本）。预算明细如下（附表2）：",
        g.city_amount.to_grouped(),
        g.city_daxie,
        g.match_ratio,
        g.district_amount.to_grouped(),
        g.district_daxie,
        g.total.to_grouped(),
        g.total_daxie,
        cn_date(g.period_start),
        cn_date(g.period_end),
        g.chart,
    )));
    let b = &packet.budget;
    let mut rows: Vec<Vec<Cell>> = b
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| vec![c(&(i + 1).to_string()), c(&r.category), n(r.city), n(r.district), n(r.total)])
        .collect();
    rows.push(total_row(vec![c(""), c("合计"), n(b.city_total), n(b.district_total), n(b.total)]));
    rows.push(total_row(vec![c("合计（大写）").span(2), l(&b.total_daxie).span(3)]));
    doc = doc.add_table(grid_table(
        &[2, 4, 4, 4, 4],
        &["序号", "预算科目", "市级专项资金", "区级配套资金", "合计"],
        &rows,
    ));

    let annex_targets = if has_prev { 5 } else { 4 };
    doc = doc
        .add_paragraph(heading1(&format!("{}、绩效目标", numbers[2])))
        .add_paragraph(lead_in(&format!("本年度绩效目标如下（附表{annex_targets}）：")));
    doc = doc.add_table(targets_table(packet));

    doc = doc.add_paragraph(heading1(&format!("{}、承诺", numbers[3])).page_break_before(true));
    for s in &packet.commitment {
        doc = doc.add_paragraph(body(s));
    }
    doc = doc.add_paragraph(spacer()).add_table(signature_table(&f.name));

    let mut out = Cursor::new(Vec::new());
    doc.build().pack(&mut out).map_err(|e| DocxError(e.to_string()))?;
    Ok(out.into_inner())
}

/// XML 1.0 cannot hold most control characters; a stray one would make Word refuse the file.
fn clean(s: &str) -> String {
    s.chars().filter(|&ch| !ch.is_control() || ch == '\t').collect()
}

fn fonts(name: &str) -> RunFonts {
    // Latin text in 宋体 paragraphs is set in the same face, as Chinese forms do.
    RunFonts::new().east_asia(name).ascii(name).hi_ansi(name)
}

fn run(text: &str, font: &str, size: usize) -> Run {
    Run::new().add_text(clean(text)).fonts(fonts(font)).size(size)
}

fn cn_date(d: chrono::NaiveDate) -> String {
    d.format("%Y年%-m月%-d日").to_string()
}

fn heading1(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, HEI, SIZE_XIAOSAN).bold())
        .keep_next(true)
        .outline_lvl(0)
        .line_spacing(LineSpacing::new().before(360).after(180))
}

fn heading2(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, HEI, 25).bold())
        .keep_next(true)
        .outline_lvl(1)
        .line_spacing(LineSpacing::new().before(200).after(100))
}

/// A body paragraph: 宋体 小四, first line indented two characters, 1.5 lines.
fn body(text: &str) -> Paragraph {
    Paragraph::new()
        .add_run(run(text, SONG, SIZE_XIAOSI))
        .align(AlignmentType::Both)
        // Both forms of the two-character indent: characters for Word and WPS, twips for
        // LibreOffice, which ignores the first.
        .indent(None, Some(SpecialIndentType::FirstLine(480)), None, None)
        .first_line_chars(200)
        .line_spacing(LineSpacing::new().line(360).line_rule(LineSpacingType::Auto).after(0))
}

/// A body paragraph that introduces a table and stays on its page.
fn lead_in(text: &str) -> Paragraph {
    body(text).keep_next(true)
}

fn spacer() -> Paragraph {
    Paragraph::new().line_spacing(LineSpacing::new().line(120).line_rule(LineSpacingType::Auto).after(0))
}

fn cover(packet: &Packet) -> Vec<Paragraph> {
    let centered = |text: &str, size: usize, bold: bool, before: u32| {
        let r = run(text, HEI, size);
        Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(if bold { r.bold() } else { r })
            .line_spacing(LineSpacing::new().before(before).after(0))
    };
    vec![
        Paragraph::new().align(AlignmentType::Right).add_run(run("编号：＿＿＿＿＿＿＿＿", HEI, SIZE_WUHAO)),
        centered("南京市社区建设专项资金", 32, false, 2400),
        centered("街道社区社会组织联合会", 48, true, 400),
        centered("项目资助申报书", 48, true, 200),
        centered(&format!("（{}年度　{}）", packet.grant.year, packet.grant.sequence_label), 28, false, 400),
        Paragraph::new().line_spacing(LineSpacing::new().before(1800).after(0)),
    ]
}

fn cover_fields(packet: &Packet) -> Table {
    let f = &packet.federation;
    let g = &packet.grant;
    let fields = [
        ("申报单位（盖章）", f.name.clone()),
        ("统一社会信用代码", f.credit_code.clone()),
        ("所在区、街道", format!("{}　{}", f.district, f.street)),
        ("申请市级资金", format!("{} 元", g.city_amount.to_grouped())),
        ("区级配套资金", format!("{} 元（{}）", g.district_amount.to_grouped(), g.match_ratio)),
        ("联系人", f.secretary.clone()),
        ("联系电话", f.phone.clone()),
        ("申报日期", cn_date(packet.generated_on)),
    ];
    let label_w = 2600;
    let value_w = TEXT_W - label_w;
    let rows = fields
        .iter()
        .map(|(label, value)| {
            let label_cell = TableCell::new()
                .add_paragraph(Paragraph::new().align(AlignmentType::Distribute).add_run(run(label, HEI, 26)))
                .width(label_w, WidthType::Dxa)
                .vertical_align(VAlignType::Bottom)
                .set_borders(TableCellBorders::with_empty());
            let value_cell = TableCell::new()
                .add_paragraph(Paragraph::new().add_run(run(&format!("　{value}"), SONG, 26)))
                .width(value_w, WidthType::Dxa)
                .vertical_align(VAlignType::Bottom)
                .set_borders(
                    TableCellBorders::with_empty().set(TableCellBorder::new(TableCellBorderPosition::Bottom).size(6)),
                );
            TableRow::new(vec![label_cell, value_cell]).row_height(560.0)
        })
        .collect();
    Table::without_borders(rows).set_grid(vec![label_w, value_w]).align(TableAlignmentType::Center)
}

/// A table cell's content and look, so the tables below read like the PDF's.
struct Cell {
    text: String,
    align: AlignmentType,
    bold: bool,
    fill: Option<&'static str>,
    span: usize,
    /// Half-points.
    size: usize,
}

impl Cell {
    fn span(mut self, span: usize) -> Cell {
        self.span = span;
        self
    }
}

fn cell(text: &str, align: AlignmentType) -> Cell {
    Cell { text: text.to_owned(), align, bold: false, fill: None, span: 1, size: SIZE_WUHAO }
}

fn c(text: &str) -> Cell {
    cell(text, AlignmentType::Center)
}

fn l(text: &str) -> Cell {
    cell(text, AlignmentType::Left)
}

fn n(amount: shelian_core::Money) -> Cell {
    cell(&amount.to_grouped(), AlignmentType::Right)
}

fn head(text: &str) -> Cell {
    Cell { bold: true, fill: Some(HEAD_FILL), ..c(text) }
}

fn total_row(cells: Vec<Cell>) -> Vec<Cell> {
    cells.into_iter().map(|x| Cell { bold: true, fill: Some("F7F7F7"), ..x }).collect()
}

fn to_table_cell(x: &Cell, width: usize) -> TableCell {
    let font = if x.bold { HEI } else { SONG };
    let mut p = Paragraph::new().align(x.align).add_run(run(&x.text, font, x.size));
    // Keep-with-next on every cell keeps a short table on one page in Word and WPS; a table longer
    // than a page still breaks.
    p = p.line_spacing(LineSpacing::new().after(0)).keep_next(true);
    let mut tc = TableCell::new().add_paragraph(p).width(width, WidthType::Dxa).vertical_align(VAlignType::Center);
    if let Some(fill) = x.fill {
        tc = tc.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill(fill));
    }
    if x.span > 1 {
        tc = tc.grid_span(x.span);
    }
    tc
}

/// A bordered table over the text width, columns in proportion to `weights`, a shaded header.
fn grid_table(weights: &[usize], header: &[&str], rows: &[Vec<Cell>]) -> Table {
    let widths = proportional(weights);
    let row = |cells: &[Cell]| {
        let mut col = 0;
        let tcs = cells
            .iter()
            .map(|x| {
                let w = widths[col..col + x.span].iter().sum();
                col += x.span;
                to_table_cell(x, w)
            })
            .collect();
        TableRow::new(tcs).row_height(400.0).cant_split()
    };
    let head_cells: Vec<Cell> = header.iter().map(|h| head(h)).collect();
    let mut all = vec![row(&head_cells)];
    all.extend(rows.iter().map(|r| row(r)));
    Table::new(all).set_grid(widths).align(TableAlignmentType::Center).margins(cell_margins())
}

/// Narrower than Word's default 0.19 cm left and right, so six category names or a bank account
/// fit a column on one line.
fn cell_margins() -> TableCellMargins {
    TableCellMargins::new().margin(30, 60, 30, 60)
}

fn proportional(weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    weights.iter().map(|w| TEXT_W * w / sum).collect()
}

/// Label / value pairs, two per row; a single pair spans the row.
fn kv_table(rows: &[&[(&str, &String)]]) -> Table {
    let widths = proportional(&[21, 29, 14, 33]);
    let table_rows = rows
        .iter()
        .map(|pairs| {
            let mut cells = Vec::new();
            if pairs.len() == 1 {
                cells.push(to_table_cell(&head(pairs[0].0), widths[0]));
                cells.push(to_table_cell(&l(pairs[0].1).span(3), widths[1..].iter().sum()));
            } else {
                for (i, (label, value)) in pairs.iter().enumerate() {
                    cells.push(to_table_cell(&head(label), widths[i * 2]));
                    cells.push(to_table_cell(&l(value), widths[i * 2 + 1]));
                }
            }
            TableRow::new(cells).row_height(440.0)
        })
        .collect();
    Table::new(table_rows).set_grid(widths).align(TableAlignmentType::Center).margins(cell_margins())
}

fn count_table(title: &str, rows: &[CountRow]) -> Table {
    let mut weights = vec![6];
    weights.extend(std::iter::repeat_n(4, rows.len()));
    weights.push(3);
    let widths = proportional(&weights);
    let total: u32 = rows.iter().map(|r| r.count).sum();
    // 小五 (9 pt), so that six category names fit on one line each.
    let small = |x: Cell| Cell { size: 18, ..x };
    let mut first = vec![to_table_cell(&small(head(title)), widths[0]).vertical_merge(VMergeType::Restart)];
    let mut second = vec![to_table_cell(&small(head("")), widths[0]).vertical_merge(VMergeType::Continue)];
    for (i, r) in rows.iter().enumerate() {
        first.push(to_table_cell(&small(Cell { fill: Some(HEAD_FILL), ..c(&r.label) }), widths[i + 1]));
        second.push(to_table_cell(&small(c(&r.count.to_string())), widths[i + 1]));
    }
    let last = widths[widths.len() - 1];
    first.push(to_table_cell(&small(Cell { fill: Some(HEAD_FILL), ..c("合计") }), last));
    second.push(to_table_cell(&small(Cell { bold: true, ..c(&total.to_string()) }), last));
    Table::new(vec![TableRow::new(first), TableRow::new(second)])
        .set_grid(widths)
        .align(TableAlignmentType::Center)
        .margins(cell_margins())
}

fn targets_table(packet: &Packet) -> Table {
    let widths = proportional(&[5, 12, 5, 4]);
    let mut rows = vec![TableRow::new(
        ["一级指标", "二级指标", "目标值", "计量单位"]
            .iter()
            .zip(&widths)
            .map(|(h, w)| to_table_cell(&head(h), *w))
            .collect(),
    )];
    let targets = &packet.targets;
    for (i, t) in targets.iter().enumerate() {
        // Consecutive indicators of one category share a merged first cell, as in the PDF.
        let merge =
            if i > 0 && targets[i - 1].category == t.category { VMergeType::Continue } else { VMergeType::Restart };
        rows.push(TableRow::new(vec![
            to_table_cell(&c(&t.category), widths[0]).vertical_merge(merge),
            to_table_cell(&l(&t.indicator), widths[1]),
            to_table_cell(&c(&t.target), widths[2]),
            to_table_cell(&c(&t.unit), widths[3]),
        ]));
    }
    Table::new(rows).set_grid(widths).align(TableAlignmentType::Center).margins(cell_margins())
}

fn signature_table(name: &str) -> Table {
    let widths = proportional(&[7, 24]);
    let block = |who: &str, signer: &str, seal: &str| {
        let mut cell = TableCell::new().width(widths[1], WidthType::Dxa).vertical_align(VAlignType::Bottom);
        if !who.is_empty() {
            cell = cell.add_paragraph(Paragraph::new().add_run(run(&format!("申报单位：{who}"), SONG, SIZE_WUHAO)));
        }
        for _ in 0..4 {
            cell = cell.add_paragraph(Paragraph::new());
        }
        cell.add_paragraph(Paragraph::new().add_run(run(
            &format!("{signer}：＿＿＿＿＿＿＿＿　　（{seal}）"),
            HEI,
            SIZE_WUHAO,
        )))
        .add_paragraph(
            Paragraph::new()
                .align(AlignmentType::Right)
                .add_run(run("年　　月　　日　　", HEI, SIZE_WUHAO))
                .line_spacing(LineSpacing::new().before(200)),
        )
    };
    let rows = [
        ("申报单位意见", block(name, "法定代表人（签字）", "单位盖章")),
        ("街道审核意见", block("", "负责人（签字）", "街道盖章")),
        ("区民政局审核意见", block("", "负责人（签字）", "区民政局盖章")),
    ]
    .into_iter()
    .map(|(label, content)| {
        TableRow::new(vec![to_table_cell(&head(label), widths[0]), content]).row_height(2600.0).cant_split()
    })
    .collect();
    Table::new(rows).set_grid(widths).align(TableAlignmentType::Center).margins(cell_margins())
}
