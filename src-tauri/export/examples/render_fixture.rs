//! Writes the fixture packets' files into a folder, to look at the layout by eye:
//! `cargo run -p shelian-export --example render_fixture -- /tmp/packet` writes `year1.pdf`,
//! `year1.docx`, `year1.xlsx`, `year1.zip` and the same for year 2 (then, for instance,
//! `pdftoppm -r 60 -png year1.pdf year1`); `-- /tmp/packet large` adds the 500-member street.

use std::path::PathBuf;

use shelian_export::{Packet, render_all};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "packet-preview".to_owned()));
    std::fs::create_dir_all(&dir).expect("create the output folder");
    let mut packets = vec![("year1", Packet::fixture_year1()), ("year2", Packet::fixture_year2())];
    // `-- DIR large` also writes the bench's street: 500 members, 50 projects.
    if std::env::args().nth(2).as_deref() == Some("large") {
        packets.push(("large", Packet::fixture(2, 500, 50)));
    }
    for (name, packet) in packets {
        let started = std::time::Instant::now();
        match render_all(&packet) {
            Ok(files) => {
                for (ext, bytes) in
                    [("pdf", &files.pdf), ("docx", &files.docx), ("xlsx", &files.xlsx), ("zip", &files.zip)]
                {
                    std::fs::write(dir.join(format!("{name}.{ext}")), bytes).expect("write the file");
                }
                println!(
                    "{name}: {} PDF pages, ZIP {} bytes, {:?}",
                    files.pdf_pages,
                    files.zip.len(),
                    started.elapsed()
                );
            }
            Err(e) => {
                eprintln!("{name}: {e}");
                std::process::exit(1);
            }
        }
    }
}
