//! Writes sample federations' packet ZIPs, as their secretaries export them, and the district
//! summary of them (workbook and PDF) to look at.
//!
//! `cargo run -p shelian-district --example packet_fixtures -- tests/fixtures/packets 3` writes the
//! three ZIPs the end-to-end journey adds (committed); a larger count shows a fuller summary.

use shelian_district::District;
use shelian_district::sample::{self, SampleFederation, at};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = std::path::PathBuf::from(args.next().ok_or("usage: packet_fixtures OUT_DIR [COUNT]")?);
    let count: u32 = args.next().map(|n| n.parse()).transpose()?.unwrap_or(3);
    std::fs::create_dir_all(&out)?;
    let mut district = District::open_in_memory("区民政局", at("2026-12-05"))?;
    for n in 1..=count {
        let year = if n % 2 == 0 { 2025 } else { 2026 };
        let s = SampleFederation {
            number: n,
            first_year: year,
            second_year: false,
            city_yuan: 150_000 + (n % 6) * 10_000,
            city_arrived: format!("{year}-03-{:02}", 10 + n % 18),
            district_paid_percent: [100, 50, 0][(n % 3) as usize],
            packet_on: format!("{year}-11-{:02}", 1 + n % 28),
        };
        let files = sample::packet(&s)?;
        let name = format!("packet-{n:02}-{year}.zip");
        std::fs::write(out.join(&name), &files.zip)?;
        println!("{} {}: {name} ({} bytes)", sample::name(n), year, files.zip.len());
        district.add_packet(&name, &files.zip)?;
    }
    if std::env::var_os("SUMMARY").is_some() {
        std::fs::write(out.join("summary.xlsx"), district.summary_xlsx()?)?;
        std::fs::write(out.join("summary.pdf"), district.summary_pdf()?)?;
        println!("summary.xlsx and summary.pdf written");
    }
    Ok(())
}
