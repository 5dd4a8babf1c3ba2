//! 区级汇总, as the district civil-affairs office lives it: twenty federations hand over their
//! packets on USB sticks (years vary, some matching is in arrears, one packet is tampered with,
//! one federation sends a newer packet later, one an old-version packet, one a packet from a newer
//! program), and the district's table must show exactly what each packet's own data says.

use std::io::{Cursor, Read, Write};
use std::sync::LazyLock;

use chrono::NaiveDate;
use shelian_core::Money;
use shelian_core::store::DISTRICT;
use shelian_district::sample::{self, SampleFederation, at};
use shelian_district::{District, DistrictAddStatus};
use shelian_export::model::{PACKET_SCHEMA_VERSION, Packet};
use shelian_export::{PacketFiles, zip as pzip};

const TODAY: &str = "2026-12-05";

fn spec(n: u32) -> SampleFederation {
    // Every third federation is in its second year (2025 then 2026), some are only in 2025, the
    // rest in 2026; matching paid in full, half or not at all; the city money arrived on
    // different days, so the arrears are of different ages.
    let (first_year, second_year) = match n % 3 {
        0 => (2025, true),
        1 => (2025, false),
        _ => (2026, false),
    };
    let last = if second_year { first_year + 1 } else { first_year };
    SampleFederation {
        number: n,
        first_year,
        second_year,
        city_yuan: 150_000 + (n % 6) * 10_000,
        city_arrived: format!("{last}-{:02}-{:02}", 3 + n % 4, 5 + n),
        district_paid_percent: [100, 50, 0][(n % 3) as usize],
        packet_on: format!("{last}-11-{:02}", 1 + n),
    }
}

/// The twenty packets, built once for every test (rendering is the slow part).
static PACKETS: LazyLock<Vec<(SampleFederation, PacketFiles)>> = LazyLock::new(|| {
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..2u32)
            .map(|half| {
                s.spawn(move || {
                    (1..=20u32)
                        .filter(|n| n % 2 == half)
                        .map(|n| (spec(n), sample::packet(&spec(n)).expect("sample packet")))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        let mut all: Vec<_> = handles.into_iter().flat_map(|h| h.join().expect("thread")).collect();
        all.sort_by_key(|(s, _)| s.number);
        all
    })
});

fn district() -> (District, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("dir");
    let d = District::open(&dir.path().join("district.shelian"), "区民政局王科长", at(TODAY)).expect("open");
    (d, dir)
}

fn packet_of(files: &PacketFiles) -> Packet {
    serde_json::from_slice(&files.data_json).expect("packet data")
}

fn entries(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut a = ::zip::ZipArchive::new(Cursor::new(zip)).expect("zip");
    (0..a.len())
        .map(|i| {
            let mut e = a.by_index(i).expect("entry");
            let mut b = Vec::new();
            e.read_to_end(&mut b).expect("read");
            (e.name().expect("name").into_owned(), b)
        })
        .collect()
}

fn rezip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = ::zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        w.start_file(name.as_str(), ::zip::write::SimpleFileOptions::default()).expect("start");
        w.write_all(bytes).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn fingerprint(path: &std::path::Path) -> String {
    let conn = rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).expect("open");
    let mut out = String::new();
    for t in ["meta", "audit_log", "received_packet"] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {t}")).expect("select");
        let n = stmt.column_count();
        let rows = stmt
            .query_map([], |r| (0..n).map(|i| r.get_ref(i).map(|v| format!("{v:?}"))).collect::<Result<Vec<_>, _>>())
            .expect("rows");
        for r in rows {
            out.push_str(&format!("{t}: {}\n", r.expect("row").join("|")));
        }
    }
    out
}

#[test]
fn twenty_federations_side_by_side_with_every_figure_from_their_packets() {
    let (mut d, _dir) = district();
    for (s, files) in PACKETS.iter() {
        let r = d.add_packet(&format!("packet-{}.zip", s.number), &files.zip).expect("a verified packet is added");
        assert_eq!(r.status, DistrictAddStatus::Added, "{}", r.message);
        assert!(r.message.contains("已添加"), "{}", r.message);
    }
    let summary = d.summary().expect("summary");
    assert_eq!(summary.packets, 20);
    assert_eq!(summary.today, NaiveDate::from_ymd_opt(2026, 12, 5).unwrap());
    // Years newest first: 2026 (second years and first years) and 2025 (first years only).
    let years: Vec<i32> = summary.years.iter().map(|y| y.year).collect();
    assert_eq!(years, vec![2026, 2025]);
    let rows: Vec<_> = summary.years.iter().flat_map(|y| &y.rows).collect();
    assert_eq!(rows.len(), 20);

    for (s, files) in PACKETS.iter() {
        let p = packet_of(files);
        assert_eq!(p.schema_version, PACKET_SCHEMA_VERSION);
        let f = p.funds.as_ref().expect("a current packet carries its funds table");
        let r = rows.iter().find(|r| r.credit_code == p.federation.credit_code).expect("row");
        assert_eq!(r.federation, sample::name(s.number));
        assert_eq!(r.year, p.grant.year);
        assert_eq!(r.city_amount, p.grant.city_amount);
        assert_eq!(r.district_due, p.grant.district_amount);
        assert_eq!(r.district_received, Some(f.district_received));
        assert_eq!(r.city_received, Some(f.city_received));
        assert_eq!(r.members, p.members.total);
        assert_eq!(r.projects, p.projects.rows.len() as u32);
        assert_eq!(
            r.city_rate,
            shelian_export::model::execution_rate(f.execution_total.city_spent, f.execution_total.city_budget)
        );
        // The figures by hand: 1:1 matching, and the share of it the story paid.
        let city = Money::from_yuan(i64::from(s.city_yuan));
        assert_eq!(p.grant.district_amount, city);
        let paid = Money::from_yuan(i64::from(s.city_yuan * s.district_paid_percent / 100));
        assert_eq!(f.district_received, paid);
        let arrival = NaiveDate::parse_from_str(&s.city_arrived, "%Y-%m-%d").unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
        if s.district_paid_percent == 100 {
            assert_eq!(r.arrears, Some(Money::ZERO), "{}", r.federation);
            assert_eq!(r.arrears_days, None);
        } else {
            assert_eq!(r.arrears, Some(city - paid), "{}", r.federation);
            assert_eq!(r.arrears_since, Some(arrival));
            // Counted to the district's today, not to the day the packet was made.
            assert_eq!(r.arrears_days, Some((today - arrival).num_days()));
            assert!(r.overdue, "more than 90 days");
            // The secretary was warned of the arrears when she exported, and the packet says so.
            assert!(r.warnings.iter().any(|w| w.rule.as_deref() == Some("R-ARREARS")), "{:?}", r.warnings);
        }
    }

    // Totals per year are the sums of their rows.
    for y in &summary.years {
        let sum = |f: &dyn Fn(&shelian_district::DistrictRow) -> Money| y.rows.iter().map(f).sum::<Money>();
        assert_eq!(y.totals.federations as usize, y.rows.len());
        assert_eq!(y.totals.city_amount, sum(&|r| r.city_amount));
        assert_eq!(y.totals.district_due, sum(&|r| r.district_due));
        assert_eq!(y.totals.district_received, sum(&|r| r.district_received.unwrap_or(Money::ZERO)));
        assert_eq!(y.totals.arrears, sum(&|r| r.arrears.unwrap_or(Money::ZERO)));
        assert_eq!(y.totals.members, y.rows.iter().map(|r| r.members).sum::<u32>());
    }
    // What the district still owes: the federations paid 50% or 0%, most days overdue first.
    let unpaid = PACKETS.iter().filter(|(s, _)| s.district_paid_percent < 100).count();
    assert_eq!(summary.owed.len(), unpaid);
    assert!(summary.owed.windows(2).all(|w| w[0].days >= w[1].days));
    let owed_total: Money = summary.owed.iter().map(|o| o.amount).sum();
    let arrears_total: Money = summary.years.iter().map(|y| y.totals.arrears).sum();
    assert_eq!(owed_total, arrears_total);
    assert_eq!(summary.owed_total, owed_total);
}

#[test]
fn a_tampered_zip_is_refused_with_its_reason_and_nothing_is_stored() {
    let (mut d, dir) = district();
    let (_, files) = &PACKETS[0];
    d.add_packet("ok.zip", &files.zip).expect("added");
    let path = dir.path().join("district.shelian");
    let before = fingerprint(&path);

    // A figure edited in the packet data after export.
    let mut e = entries(&files.zip);
    let data = e.iter_mut().find(|(n, _)| n.ends_with("申报数据.json")).expect("data");
    let text = String::from_utf8(data.1.clone()).unwrap().replacen("\"members\"", "\"members\" ", 1);
    data.1 = text.into_bytes();
    let err = d.add_packet("改过.zip", &rezip(&e)).expect_err("tampered");
    let p = shelian_core::ErrorPayload::from(err);
    assert_eq!(p.field.as_deref(), Some("file"));
    assert!(p.message.contains("「改过.zip」没有添加") && p.message.contains("校验值不一致"), "{}", p.message);

    // A file missing, a stray file, bytes that are not a ZIP at all.
    let mut missing = entries(&files.zip);
    missing.retain(|(n, _)| !n.ends_with(".docx"));
    let err = d.add_packet("缺文件.zip", &rezip(&missing)).expect_err("incomplete");
    assert!(err.to_string().contains("缺少文件"), "{err}");
    let mut extra = entries(&files.zip);
    extra.push(("2026年度申报材料/说明.txt".into(), b"x".to_vec()));
    assert!(d.add_packet("多文件.zip", &rezip(&extra)).expect_err("extra").to_string().contains("多出文件"));
    assert!(
        d.add_packet("坏.zip", b"PK\x03\x04 not really").expect_err("not a zip").to_string().contains("不是有效的 ZIP")
    );

    assert_eq!(fingerprint(&path), before, "a refused ZIP writes nothing, not even an audit row");
}

#[test]
fn a_newer_packet_replaces_the_older_and_both_stay_in_history() {
    let (mut d, _dir) = district();
    // Federation 2 pays nothing at first; in December the district's money arrives and the
    // secretary sends a newer packet of the same year.
    let mut s = spec(2);
    let (mut books, id) = sample::books(&s).expect("books");
    let older = sample::packet_of(&books, id).expect("older packet");
    s.packet_on = "2026-12-03".into();
    books.set_clock(at("2026-12-02"));
    books
        .receipt_add(
            id,
            &shelian_core::domain::grant::ReceiptInput {
                source: shelian_core::domain::grant::FundSource::District,
                date: "2026-12-02".into(),
                amount: s.city_yuan.to_string(),
                bank_ref: "NJB20261202-0001".into(),
                note: String::new(),
            },
        )
        .expect("late matching");
    books.set_clock(at(&s.packet_on));
    let newer = sample::packet_of(&books, id).expect("newer packet");

    assert_eq!(d.add_packet("旧.zip", &older.zip).unwrap().status, DistrictAddStatus::Added);
    let before = d.summary().unwrap();
    assert!(before.years[0].rows[0].arrears.is_some_and(|a| a > Money::ZERO));
    let r = d.add_packet("新.zip", &newer.zip).unwrap();
    assert_eq!(r.status, DistrictAddStatus::Replaced);
    assert!(r.message.contains("替换了") && r.message.contains("旧版保留在历史记录中"), "{}", r.message);

    let after = d.summary().unwrap();
    assert_eq!(after.packets, 2);
    let row = &after.years[0].rows[0];
    assert_eq!(row.replaced, 1);
    assert_eq!(row.generated_on, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
    assert_eq!(row.arrears, Some(Money::ZERO));
    assert!(after.owed.is_empty());
    let history = d.packets().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history.iter().filter(|p| p.current).count(), 1);
    assert!(history.iter().any(|p| p.current && p.file_name == "新.zip"));

    // The older one again: these bytes are known; nothing is written.
    let audits = d.audit_count().unwrap();
    assert_eq!(d.add_packet("旧（副本）.zip", &older.zip).unwrap().status, DistrictAddStatus::AlreadyAdded);
    assert_eq!(d.audit_count().unwrap(), audits);
    // Each stored ZIP is returned byte for byte.
    let old_id = history.iter().find(|p| !p.current).unwrap().id;
    assert_eq!(d.packet_zip(old_id).unwrap(), older.zip);

    // Added in the other order, the older packet stays history and the newer one current.
    let (mut d2, _dir2) = district();
    d2.add_packet("新.zip", &newer.zip).unwrap();
    assert_eq!(d2.add_packet("旧.zip", &older.zip).unwrap().status, DistrictAddStatus::KeptAsHistory);
    assert_eq!(d2.summary().unwrap().years[0].rows[0].generated_on, NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
}

/// Repacks `packet` (changed as a reader of another version would see it) into a ZIP that
/// verifies on its hashes: what another version of the program would have exported.
fn repack(files: &PacketFiles, data: &[u8]) -> Vec<u8> {
    let packet: Packet = serde_json::from_slice(&files.data_json).unwrap();
    let (zip, _) = pzip::pack(
        &packet,
        &[
            (shelian_export::PDF_NAME, &files.pdf),
            (shelian_export::DOCX_NAME, &files.docx),
            (shelian_export::XLSX_NAME, &files.xlsx),
            (pzip::DATA_NAME, data),
        ],
    )
    .unwrap();
    zip
}

#[test]
fn a_version_1_packet_is_read_and_a_newer_version_is_refused() {
    let (mut d, dir) = district();
    let (_, files) = &PACKETS[3];
    // Version 1: no schema_version, no funds, no warnings (as the first release wrote them).
    let mut v1: serde_json::Value = serde_json::from_slice(&files.data_json).unwrap();
    for key in ["schema_version", "funds", "warnings"] {
        v1.as_object_mut().unwrap().remove(key);
    }
    let r = d.add_packet("v1.zip", &repack(files, &serde_json::to_vec_pretty(&v1).unwrap())).expect("v1 is read");
    assert_eq!(r.status, DistrictAddStatus::Added);
    let row = d.summary().unwrap().years[0].rows[0].clone();
    assert_eq!(row.data_version, 1);
    assert_eq!(row.district_received, None);
    assert_eq!(row.arrears, None);
    assert_eq!(row.city_rate, "—");
    assert!(row.note.as_deref().unwrap_or_default().contains("旧版软件"), "{:?}", row.note);
    assert_eq!(row.city_amount, packet_of(files).grant.city_amount);

    let path = dir.path().join("district.shelian");
    let before = fingerprint(&path);
    let mut v99: serde_json::Value = serde_json::from_slice(&files.data_json).unwrap();
    v99["schema_version"] = 99.into();
    let err = d.add_packet("v99.zip", &repack(files, &serde_json::to_vec_pretty(&v99).unwrap())).expect_err("newer");
    assert!(err.to_string().contains("更新版本的社联会管家生成（数据版本 99"), "{err}");
    assert_eq!(fingerprint(&path), before);
}

#[test]
fn the_district_file_is_never_a_federations_books_and_a_newer_one_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let district = dir.path().join("district.shelian");
    drop(District::open(&district, "王科长", at(TODAY)).unwrap());
    let err = shelian_core::Books::open(&district, shelian_core::OpenOptions::default()).err().expect("refused");
    assert!(err.to_string().contains("它是区级汇总文件，不是社联会账簿"), "{err}");

    let books = dir.path().join("books.shelian");
    drop(shelian_core::Books::open(&books, shelian_core::OpenOptions::default()).unwrap());
    let err = District::open(&books, "王科长", at(TODAY)).err().expect("refused");
    assert!(err.to_string().contains("它是社联会账簿，不是区级汇总文件"), "{err}");

    // A district file from a newer program: refused, byte for byte untouched.
    {
        let conn = rusqlite::Connection::open(&district).unwrap();
        conn.pragma_update(None, "user_version", DISTRICT.latest_version() + 1).unwrap();
    }
    let bytes = std::fs::read(&district).unwrap();
    let err = District::open(&district, "王科长", at(TODAY)).err().expect("newer");
    assert!(err.to_string().contains("更新版本"), "{err}");
    assert_eq!(std::fs::read(&district).unwrap(), bytes);
}

#[test]
fn the_workbook_has_a_sheet_per_year_with_yuan_as_numbers_and_the_pdf_prints() {
    use calamine::{Data, Reader, Xlsx};
    let (mut d, _dir) = district();
    for (s, files) in PACKETS.iter().take(6) {
        d.add_packet(&format!("p{}.zip", s.number), &files.zip).unwrap();
    }
    let summary = d.summary().unwrap();
    let bytes = d.summary_xlsx().unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let names = book.sheet_names();
    assert_eq!(names, vec!["2026年度".to_owned(), "2025年度".into(), "区级配套欠拨".into()]);
    for y in &summary.years {
        let range = book.worksheet_range(&format!("{}年度", y.year)).unwrap();
        assert_eq!(range.get_value((2, 4)), Some(&Data::String("市级资助".into())));
        for (i, r) in y.rows.iter().enumerate() {
            let row = 3 + i as u32;
            assert_eq!(range.get_value((row, 1)), Some(&Data::String(r.federation.clone())));
            // Amounts are numbers Excel can sum, equal to the fen.
            assert_eq!(range.get_value((row, 4)), Some(&Data::Float(r.city_amount.to_fen() as f64 / 100.0)));
            let received = r.district_received.unwrap().to_fen() as f64 / 100.0;
            assert_eq!(range.get_value((row, 6)), Some(&Data::Float(received)));
        }
        let total_row = 3 + y.rows.len() as u32;
        assert_eq!(range.get_value((total_row, 4)), Some(&Data::Float(y.totals.city_amount.to_fen() as f64 / 100.0)));
    }
    let pdf = d.summary_pdf().unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(pdf.len() > 10_000);
}
