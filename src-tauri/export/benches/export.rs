//! The whole export (PDF, DOCX, XLSX, data, ZIP and its self-verification) of a large street —
//! 500 members, 50 service projects, a year-2 packet with the previous year's report — timed as
//! the secretary waits for it; the target is ≤ 3 s. Prints the median of several runs and the
//! parts, so a slow part is visible. Run with `cargo bench -p shelian-export`.

use std::time::{Duration, Instant};

use shelian_export::{Packet, docx, pdf, render_all, xlsx};

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort_unstable();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let started = Instant::now();
                std::hint::black_box(f());
                started.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let packet = Packet::fixture(2, 500, 50);
    // The first render also parses the fonts and builds typst's library: timed on its own.
    let started = Instant::now();
    let files = render_all(&packet).expect("the bench packet renders");
    let first = started.elapsed();
    println!(
        "packet: {} members, {} projects, {} PDF pages; PDF {} KB, DOCX {} KB, XLSX {} KB, ZIP {} KB",
        packet.members.total,
        packet.projects.rows.len(),
        files.pdf_pages,
        files.pdf.len() / 1024,
        files.docx.len() / 1024,
        files.xlsx.len() / 1024,
        files.zip.len() / 1024
    );
    println!("render_all, first run in the process: {:.0} ms", first.as_secs_f64() * 1000.0);
    // render_pdf empties typst's memo cache after each render (see pdf.rs), so every run below
    // lays the packet out from scratch, as an export of a different packet would.
    let runs = 7;
    let whole = time(runs, || render_all(&packet).unwrap());
    println!("render_all median of {runs}: {:.0} ms (target ≤ 3000 ms)", whole.as_secs_f64() * 1000.0);
    println!(
        "  pdf::render_pdf  median: {:.0} ms",
        time(runs, || pdf::render_pdf(&packet).unwrap()).as_secs_f64() * 1000.0
    );
    println!(
        "  docx::render_docx median: {:.0} ms",
        time(runs, || docx::render_docx(&packet).unwrap()).as_secs_f64() * 1000.0
    );
    println!(
        "  xlsx::render_xlsx median: {:.0} ms",
        time(runs, || xlsx::render_xlsx(&packet).unwrap()).as_secs_f64() * 1000.0
    );
}
