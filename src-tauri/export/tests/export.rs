//! The packet's files as a person receives them: the PDF's pages and text (through poppler's
//! pdftotext), the DOCX opened as XML, the XLSX read back cell by cell, the model as JSON, and
//! the ZIP verified — and refused once a byte, the manifest or the file list is changed.
//!
//! Snapshots live in tests/snapshots/; a missing or changed one fails. Write them deliberately
//! with `UPDATE_SNAPSHOTS=1 cargo test -p shelian-export`, then read the diff before committing.

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use calamine::{Data, Reader, Xlsx};
use shelian_export::coverage::FontCoverage;
use shelian_export::{Packet, PacketFiles, VerifyError, render_all, verify};

fn rendered(year: u8) -> &'static PacketFiles {
    static Y1: OnceLock<PacketFiles> = OnceLock::new();
    static Y2: OnceLock<PacketFiles> = OnceLock::new();
    let (cell, packet) = match year {
        1 => (&Y1, Packet::fixture_year1 as fn() -> Packet),
        _ => (&Y2, Packet::fixture_year2 as fn() -> Packet),
    };
    cell.get_or_init(|| render_all(&packet()).expect("the fixture packet renders"))
}

fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots").join(name);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).expect("write the snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!("snapshot {} is missing; write it with UPDATE_SNAPSHOTS=1 and review it", path.display())
    });
    if expected != actual {
        let first = expected.lines().zip(actual.lines()).position(|(a, b)| a != b);
        panic!(
            "snapshot {name} differs (first differing line: {first:?}); if the change is intended, \
             rerun with UPDATE_SNAPSHOTS=1 and review the diff.\n--- actual ---\n{actual}"
        );
    }
}

/// The PDF's text as poppler extracts it, with all whitespace removed so that line breaks and
/// the spacing typst puts between Chinese and Latin characters do not matter.
fn pdf_text(pdf: &[u8]) -> String {
    // Removed when dropped, so repeated runs leave nothing behind in the temp folder.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("packet.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&path).arg("-").output().unwrap_or_else(|e| {
        panic!("pdftotext could not run ({e}); install poppler-utils (apt-get install poppler-utils)")
    });
    assert!(out.status.success(), "pdftotext failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().chars().filter(|c| !c.is_whitespace()).collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

// ───────────────────────────── PDF ─────────────────────────────

#[test]
fn the_year_1_pdf_has_its_pages_name_and_total_in_words() {
    let files = rendered(1);
    let packet = Packet::fixture_year1();
    assert!(files.pdf.starts_with(b"%PDF-"));
    // Cover, three pages of form, the 承诺 page and five 附表 pages at least.
    assert!(files.pdf_pages >= 8, "only {} pages", files.pdf_pages);
    let text = pdf_text(&files.pdf);
    assert!(text.contains(&packet.federation.name));
    assert_eq!(packet.grant.total_daxie, "叁拾万元整");
    assert!(text.contains(&packet.grant.total_daxie));
    assert!(text.contains(&packet.grant.city_daxie));
    assert!(text.contains("一、基本情况"));
    assert!(!text.contains("上年度工作及资金使用情况"), "a year-1 packet has no previous-year section");
    for annex in
        ["成员单位名册", "项目预算表", "服务项目清单", "绩效目标表", "申报单位意见", "街道审核意见", "区民政局审核意见"]
    {
        assert!(text.contains(annex), "{annex} is missing");
    }
    // Footers count the pages after the cover.
    assert!(text.contains(&format!("第1页共{}页", files.pdf_pages - 1)));
    // Every roster row is printed, including names with GBK-only characters.
    for member in &packet.members.roster {
        assert!(text.contains(&squeeze(&member.name)) || text.contains(&member.code), "{} not printed", member.name);
    }
    assert!(text.contains("张喆") && text.contains("李堃"));
}

#[test]
fn the_year_2_pdf_adds_the_previous_year() {
    let files = rendered(2);
    let packet = Packet::fixture_year2();
    assert!(files.pdf_pages >= 9, "only {} pages", files.pdf_pages);
    let text = pdf_text(&files.pdf);
    assert!(text.contains(&packet.federation.name));
    assert_eq!(packet.grant.total_daxie, "叁拾陆万元整");
    assert!(text.contains(&packet.grant.total_daxie));
    assert!(text.contains("二、上年度工作及资金使用情况"));
    assert!(text.contains("六、承诺"));
    let prev = packet.previous_year.as_ref().unwrap();
    assert!(text.contains(&prev.income_expense.total_spent_daxie));
    assert!(text.contains("2019年度预算执行表"));
    assert!(text.contains("291,891.40"), "the year-1 spending in figures");
    assert!(text.contains("附表5"));
}

#[test]
fn a_long_roster_repeats_the_table_header_on_every_page() {
    let packet = Packet::fixture(1, 120, 12);
    let pdf = shelian_export::pdf::render_pdf(&packet).unwrap();
    let text = pdf_text(&pdf.bytes);
    let headers = text.matches("统一社会信用代码/备案号").count();
    assert!(headers >= 3, "the roster header appears {headers} times over {} pages", pdf.pages);
}

#[test]
fn a_long_project_list_is_summed_up_by_category_in_the_form() {
    let packet = Packet::fixture(1, 30, 20);
    let categories = packet.projects.by_category();
    assert_eq!(categories.iter().map(|c| c.count).sum::<u32>(), 20);
    assert_eq!(categories.iter().map(|c| c.amount).sum::<shelian_core::Money>(), packet.projects.agreed_total);
    let pdf = shelian_export::pdf::render_pdf(&packet).unwrap();
    let text = pdf_text(&pdf.bytes);
    assert!(text.contains("项目类别") && text.contains("项目数（个）"), "the form sums the projects up");
    assert!(text.contains(&packet.projects.rows[19].name), "附表3 still lists every project");
    let docx = shelian_export::docx::render_docx(&packet).unwrap();
    let mut xml = String::new();
    zip::ZipArchive::new(Cursor::new(&docx[..]))
        .unwrap()
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("项目类别"));
}

#[test]
fn text_that_looks_like_markup_is_printed_as_typed() {
    let mut packet = Packet::fixture_year1();
    let tricky = "#set page(width: 1cm) *重点* _斜_ $x^2$ [链接] <标签> @引用 // 注释 \\ \"引号\"";
    packet.plan.push(tricky.to_owned());
    packet.members.roster[0].name = "#text(red)[红色]社区服务队".to_owned();
    let pdf = shelian_export::pdf::render_pdf(&packet).unwrap();
    let text = pdf_text(&pdf.bytes);
    assert!(text.contains(&squeeze(tricky)), "the paragraph was not printed literally");
    assert!(text.contains("#text(red)[红色]社区服务队"));
}

#[test]
fn the_same_packet_gives_the_same_pdf_bytes() {
    let a = shelian_export::pdf::render_pdf(&Packet::fixture_year1()).unwrap();
    assert_eq!(a.bytes, rendered(1).pdf, "rendering is reproducible");
}

// ───────────────────────────── fonts ─────────────────────────────

#[test]
fn the_bundled_fonts_cover_gbk_names_and_report_rarer_characters() {
    let coverage = FontCoverage::bundled();
    assert!(coverage.missing_glyphs("张喆 李堃 王镕 陈珺 刘旻 赵昇 孙赟 ￥1,234.50（壹仟）").is_empty());
    assert_eq!(coverage.missing_glyphs("𠀀社区𠀀服务😀"), vec!['𠀀', '😀']);

    let mut packet = Packet::fixture_year2();
    assert!(coverage.packet_missing(&packet).is_empty(), "the fixtures print without tofu");
    packet.members.roster[4].leader = "王𠀀".to_owned();
    packet.plan[1].push('𪚥');
    let missing = coverage.packet_missing(&packet);
    assert_eq!(missing.len(), 2, "{missing:?}");
    assert_eq!(missing[0].place, "成员单位名册：负责人");
    assert_eq!(missing[0].row, Some(5));
    assert_eq!(missing[0].chars, vec!['𠀀']);
    assert!(missing[0].message().contains("「𠀀」"));
    assert_eq!(missing[1].place, "本年度工作计划");
    assert_eq!(missing[1].chars, vec!['𪚥']);
}

#[test]
fn coverage_can_be_built_from_font_bytes() {
    let sans: &[u8] = shelian_export::pdf::FONT_FILES[0].1;
    let coverage = FontCoverage::from_fonts(&[sans]).unwrap();
    assert!(coverage.missing_glyphs("喆堃").is_empty());
    assert_eq!(coverage.missing_glyphs("𠀀"), vec!['𠀀']);
    assert!(FontCoverage::from_fonts(&[b"not a font"]).is_err());
}

// ───────────────────────────── model ─────────────────────────────

#[test]
fn the_model_json_matches_its_snapshots() {
    for (name, packet) in
        [("packet_year1.json", Packet::fixture_year1()), ("packet_year2.json", Packet::fixture_year2())]
    {
        let json = serde_json::to_string_pretty(&packet).unwrap() + "\n";
        snapshot(name, &json);
        let back: Packet = serde_json::from_str(&json).unwrap();
        assert_eq!(back, packet, "the model round-trips through JSON");
    }
}

#[test]
fn fixture_figures_add_up() {
    for packet in [Packet::fixture_year1(), Packet::fixture_year2(), Packet::fixture(2, 500, 50)] {
        let b = &packet.budget;
        assert_eq!(b.city_total, packet.grant.city_amount, "R-BUDGET: city lines sum to the city amount");
        assert_eq!(b.district_total, packet.grant.district_amount);
        assert_eq!(b.total, packet.grant.total);
        assert!(packet.projects.agreed_total <= b.rows[0].total);
        let m = &packet.members;
        for group in [&m.by_category, &m.by_legal_form, &m.by_party_building, &m.by_rating] {
            assert_eq!(group.iter().map(|c| c.count).sum::<u32>(), m.total);
        }
        assert_eq!(packet.previous_year.is_some(), packet.grant.sequence == 2);
        assert!(shelian_core::credit_code::validate(&packet.federation.credit_code).is_ok());
        for member in m.roster.iter().filter(|m| m.legal_form == "登记") {
            assert!(shelian_core::credit_code::validate(&member.code).is_ok(), "{} has a bad code", member.code);
        }
    }
    let big = Packet::fixture(1, 500, 50);
    let mut names: Vec<&str> = big.members.roster.iter().map(|m| m.name.as_str()).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), 500, "member names are unique");
}

// ───────────────────────────── DOCX ─────────────────────────────

#[test]
fn the_docx_opens_and_holds_the_form() {
    for (year, packet) in [(1, Packet::fixture_year1()), (2, Packet::fixture_year2())] {
        let files = rendered(year);
        let mut archive = zip::ZipArchive::new(Cursor::new(&files.docx[..])).expect("the DOCX is a ZIP");
        let mut xml = String::new();
        archive.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
        let doc = roxmltree::Document::parse(&xml).expect("document.xml is well-formed XML");
        let text: String = doc.descendants().filter(|n| n.has_tag_name("t")).filter_map(|n| n.text()).collect();
        assert!(text.contains(&packet.federation.name));
        assert!(text.contains(&packet.grant.total_daxie));
        assert!(text.contains("区民政局审核意见"));
        assert_eq!(text.contains("上年度工作及资金使用情况"), year == 2);
        assert!(xml.contains("黑体") && xml.contains("宋体"), "Chinese fonts are declared by name");
        for part in ["[Content_Types].xml", "word/styles.xml"] {
            assert!(archive.by_name(part).is_ok(), "{part} is missing");
        }
    }
}

// ───────────────────────────── XLSX ─────────────────────────────

/// Sheet names, then per sheet its first rows (title, applicant, header, first record) and its
/// last rows (totals), as `A1=…` lines; amounts show as Excel stores them.
fn xlsx_dump(bytes: &[u8]) -> String {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).unwrap();
    let mut out = String::new();
    let names = book.sheet_names();
    out.push_str(&format!("sheets: {}\n", names.join(" | ")));
    for name in names {
        let range = book.worksheet_range(&name).unwrap();
        let height = range.height();
        out.push_str(&format!("\n[{name}] {} rows × {} columns\n", height, range.width()));
        for (r, row) in range.rows().enumerate() {
            if r > 4 && r + 4 < height {
                continue;
            }
            let cells: Vec<String> = row
                .iter()
                .enumerate()
                .filter(|(_, c)| !matches!(c, Data::Empty))
                .map(|(c, v)| {
                    let col = char::from(b'A' + c as u8);
                    let value = match v {
                        Data::Float(f) => format!("{f:.2}"),
                        Data::String(s) => format!("\"{s}\""),
                        other => other.to_string(),
                    };
                    format!("{col}{}={value}", r + 1)
                })
                .collect();
            if !cells.is_empty() {
                out.push_str(&cells.join("  "));
                out.push('\n');
            }
        }
    }
    out
}

#[test]
fn the_xlsx_cells_match_their_snapshots() {
    snapshot("xlsx_year1.txt", &xlsx_dump(&rendered(1).xlsx));
    snapshot("xlsx_year2.txt", &xlsx_dump(&rendered(2).xlsx));
}

#[test]
fn xlsx_amounts_are_numbers_and_codes_are_text() {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(rendered(1).xlsx.clone())).unwrap();
    let budget = book.worksheet_range("附表2 项目预算表").unwrap();
    assert_eq!(budget.get_value((3, 2)), Some(&Data::Float(90_000.0)));
    let roster = book.worksheet_range("附表1 成员单位名册").unwrap();
    let packet = Packet::fixture_year1();
    assert_eq!(roster.get_value((3, 3)), Some(&Data::String(packet.members.roster[0].code.clone())));
    assert_eq!(roster.get_value((3, 7)), Some(&Data::String(packet.members.roster[0].phone.clone())));
}

// ───────────────────────────── ZIP ─────────────────────────────

fn entries(zip_bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(Cursor::new(zip_bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut bytes = Vec::new();
            f.read_to_end(&mut bytes).unwrap();
            (f.name().unwrap().into_owned(), bytes)
        })
        .collect()
}

fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn the_zip_has_chinese_names_and_verifies() {
    let files = rendered(2);
    let names: Vec<String> = entries(&files.zip).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "2020年度申报材料/申报书.pdf",
            "2020年度申报材料/申报书（可编辑）.docx",
            "2020年度申报材料/附表.xlsx",
            "2020年度申报材料/申报数据.json",
            "2020年度申报材料/manifest.json",
        ]
    );
    let manifest = verify(&files.zip).unwrap();
    assert_eq!(manifest, files.manifest);
    assert_eq!(manifest.federation, "南京市鼓楼区金川门街道社区社会组织联合会");
    assert_eq!(manifest.year, 2020);
    assert_eq!(manifest.key_figures.total.to_string(), "360000.00");
    assert_eq!(manifest.key_figures.members, 28);
    assert_eq!(manifest.key_figures.projects, 7);
    assert_eq!(manifest.files.len(), 4);
    assert_eq!(manifest.files[0].size, files.pdf.len() as u64);
    assert_eq!(manifest.files[0].sha256.len(), 64);
}

#[test]
fn a_changed_byte_inside_an_entry_is_refused() {
    let files = rendered(1);
    // Flip one byte in the middle of the PDF's compressed data, where no header lives.
    let mut archive = zip::ZipArchive::new(Cursor::new(&files.zip[..])).unwrap();
    let (start, len) = {
        let f = archive.by_index(0).unwrap();
        (f.data_start().unwrap(), f.compressed_size())
    };
    let mut bad = files.zip.clone();
    bad[(start + len / 2) as usize] ^= 0x5a;
    assert_eq!(verify(&bad), Err(VerifyError::Tampered("2019年度申报材料/申报书.pdf".into())));
}

#[test]
fn a_changed_file_an_edited_manifest_a_missing_or_extra_file_is_refused() {
    let files = rendered(1);
    let original = entries(&files.zip);
    assert!(verify(&rezip(&original)).is_ok(), "re-zipping unchanged files still verifies");

    let mut changed = original.clone();
    changed[2].1[100] ^= 1;
    let err = verify(&rezip(&changed)).unwrap_err();
    assert_eq!(err, VerifyError::Tampered("2019年度申报材料/附表.xlsx".into()));
    assert!(err.to_string().contains("附表.xlsx") && err.to_string().contains("可能已被修改"));

    let mut edited = original.clone();
    let manifest = String::from_utf8(edited[4].1.clone()).unwrap();
    edited[4].1 = manifest.replacen("\"300000.00\"", "\"400000.00\"", 1).into_bytes();
    assert_ne!(edited[4].1, original[4].1);
    assert!(matches!(verify(&rezip(&edited)), Err(VerifyError::FiguresDiffer(_))));

    let mut rehashed = original.clone();
    let manifest = String::from_utf8(rehashed[4].1.clone()).unwrap();
    let first_hash = &files.manifest.files[0].sha256;
    rehashed[4].1 = manifest.replace(first_hash.as_str(), &"0".repeat(64)).into_bytes();
    assert_eq!(verify(&rezip(&rehashed)), Err(VerifyError::Tampered("2019年度申报材料/申报书.pdf".into())));

    let missing: Vec<_> = original.iter().filter(|(n, _)| !n.ends_with(".docx")).cloned().collect();
    assert_eq!(verify(&rezip(&missing)), Err(VerifyError::Missing("2019年度申报材料/申报书（可编辑）.docx".into())));

    let mut extra = original.clone();
    extra.push(("2019年度申报材料/说明.txt".into(), b"hello".to_vec()));
    let err = verify(&rezip(&extra)).unwrap_err();
    assert_eq!(err, VerifyError::Extra("2019年度申报材料/说明.txt".into()));
    assert!(err.to_string().starts_with("多出文件「"));

    // Dropping the data file and its line from the manifest is still refused.
    let mut stripped: Vec<_> = original.iter().filter(|(n, _)| !n.ends_with("申报数据.json")).cloned().collect();
    let manifest: serde_json::Value = serde_json::from_slice(&stripped[3].1).unwrap();
    let mut manifest = manifest;
    manifest["files"].as_array_mut().unwrap().retain(|f| !f["name"].as_str().unwrap().ends_with("申报数据.json"));
    stripped[3].1 = serde_json::to_vec(&manifest).unwrap();
    assert_eq!(verify(&rezip(&stripped)), Err(VerifyError::Missing("2019年度申报材料/申报数据.json".into())));

    let no_manifest: Vec<_> = original.iter().filter(|(n, _)| !n.ends_with("manifest.json")).cloned().collect();
    assert_eq!(verify(&rezip(&no_manifest)), Err(VerifyError::NoManifest));
    assert_eq!(verify(b"PK not really a zip"), Err(VerifyError::NotZip));
}

/// See: issue 14 — typst diagnostics and library errors (English, internal) reached the person.
#[test]
fn a_failed_export_tells_the_person_in_chinese_and_keeps_the_detail_for_the_log() {
    use shelian_export::ExportError;
    use shelian_export::pdf::PdfError;
    let e = ExportError::Pdf(PdfError::Layout("error: unknown variable: grant".into()));
    assert!(e.to_string().contains("unknown variable"), "the log keeps the detail: {e}");
    let said = e.user_message();
    assert!(said.starts_with("申报书（PDF）生成失败"), "{said}");
    assert!(!said.contains("unknown") && !said.contains("error"), "{said}");
}

#[test]
fn a_manifest_that_is_not_json_is_refused_without_the_parser_s_english() {
    let files = rendered(1);
    let mut edited = entries(&files.zip);
    let manifest = edited.iter_mut().find(|(n, _)| n.ends_with("manifest.json")).unwrap();
    manifest.1 = b"{ not json".to_vec();
    let err = verify(&rezip(&edited)).unwrap_err();
    assert_eq!(err, VerifyError::BadManifest("manifest.json".into()));
    let said = err.to_string();
    assert_eq!(said, "「manifest.json」无法读取，文件可能已被修改或损坏");
}

#[test]
fn a_packet_from_a_newer_program_is_refused_as_newer_not_as_damaged() {
    // Issue 17: the data file carries its schema version; a reader refuses a version it does not
    // know with that reason, before trying to read a structure it cannot know.
    let files = rendered(1);
    let mut data: serde_json::Value = serde_json::from_slice(&files.data_json).unwrap();
    assert_eq!(data["schema_version"], shelian_export::model::PACKET_SCHEMA_VERSION);
    data["schema_version"] = 3.into();
    data["members"] = "a structure of version 3".into();
    let packet = Packet::fixture_year1();
    let data = serde_json::to_vec_pretty(&data).unwrap();
    let (zip, _) = shelian_export::zip::pack(
        &packet,
        &[
            (shelian_export::PDF_NAME, &files.pdf),
            (shelian_export::DOCX_NAME, &files.docx),
            (shelian_export::XLSX_NAME, &files.xlsx),
            (shelian_export::zip::DATA_NAME, &data),
        ],
    )
    .unwrap();
    let err = verify(&zip).unwrap_err();
    assert_eq!(err, VerifyError::NewerVersion(3));
    assert!(err.to_string().contains("更新版本的社联会管家生成（数据版本 3，本软件最高支持 2）"), "{err}");
}
