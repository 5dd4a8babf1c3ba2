//! Writes the demo federation's 2020 application packet (a year-2 packet) into a folder, built from
//! the demo books exactly as the window's export does, so a person can look at every page:
//! `cargo run -p shelian-export --example packet_from_demo -- /tmp/packet`

use shelian_core::books::packet::PacketDraft;
use shelian_core::demo::{self, DemoScale};
use shelian_core::{Books, Clock, OpenOptions};

fn main() {
    let out = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "packet-demo".into()));
    std::fs::create_dir_all(&out).expect("output folder");
    let mut books = Books::open_in_memory(OpenOptions::default()).expect("books");
    demo::generate(&mut books, DemoScale::STREET, 2019).expect("demo");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap().and_hms_opt(9, 0, 0).unwrap();
    books.set_clock(Clock::Fixed(today));
    let id = books.grant_years().unwrap().into_iter().find(|g| g.year == 2020).unwrap().id;
    books
        .packet_draft_save(&PacketDraft {
            grant_year_id: id,
            plan: "一、继续实施银龄助餐、邻里调解、青少年四点半课堂等服务项目，覆盖辖区六个社区。\n二、培育和规范社区社会组织，组织负责人能力培训两期。\n三、严格资金管理，专款专用、单独核算，按月结账。".into(),
            previous_summary: "2019年度共实施服务项目，开展活动百余场；资金专款专用、单独核算，按月结账，全年预算执行良好。".into(),
            satisfaction_target: "90".into(),
            ..Default::default()
        })
        .unwrap();
    let built = shelian_export::from_books::build(&books, id).expect("build");
    for p in &built.preflight {
        println!("{:?}: {} → {}", p.level, p.message, p.link);
    }
    let packet = built.packet.expect("packet");
    let files = shelian_export::render_all(&packet).expect("render");
    std::fs::write(out.join("packet.zip"), &files.zip).unwrap();
    std::fs::write(out.join("packet.pdf"), &files.pdf).unwrap();
    std::fs::write(out.join("packet.docx"), &files.docx).unwrap();
    std::fs::write(out.join("packet.xlsx"), &files.xlsx).unwrap();
    println!("{} pages → {}", files.pdf_pages, out.display());
}
