//! Writes the fixture packets' PDFs into a folder, to look at the layout by eye:
//! `cargo run -p shelian-export --example render_fixture -- /tmp/packet` writes
//! `year1.pdf` and `year2.pdf` there (then `pdftoppm -r 60 -png year1.pdf year1`).

use std::path::PathBuf;

use shelian_export::Packet;
use shelian_export::pdf::render_pdf;

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "packet-preview".to_owned()));
    std::fs::create_dir_all(&dir).expect("create the output folder");
    for (name, packet) in [("year1", Packet::fixture_year1()), ("year2", Packet::fixture_year2())] {
        let started = std::time::Instant::now();
        match render_pdf(&packet) {
            Ok(pdf) => {
                let path = dir.join(format!("{name}.pdf"));
                std::fs::write(&path, &pdf.bytes).expect("write the PDF");
                println!("{}: {} pages, {} bytes, {:?}", path.display(), pdf.pages, pdf.bytes.len(), started.elapsed());
            }
            Err(e) => {
                eprintln!("{name}: {e}");
                std::process::exit(1);
            }
        }
    }
}
