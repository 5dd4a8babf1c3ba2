//! Writes the member-import fixtures in `tests/fixtures/members/` (committed, reproducible):
//! `cargo run -p shelian-core --example member_fixtures`.
//!
//! - `clean.xlsx`: a title row, header variants, phones stored as numbers, a date stored as a date,
//!   full-width digits, spaces around values and a blank row — all of which must import.
//! - `dirty.xlsx`: one problem per row (see `DIRTY`), none of which may be half-imported.
//! - `gbk.csv`: a CSV as Excel on a Chinese Windows saves it (GBK, CRLF).
//! - `street.xlsx`: a roster as a street office hands it over (issue #11): title and note rows above
//!   the header, the office's own header words, **no 加入日期 column**, a blank row, a code with
//!   spaces, one in full-width characters, one in lower case, phones stored as numbers.

use std::path::Path;

use rust_xlsxwriter::{Format, Workbook};
use shelian_core::credit_code::with_check_char;

fn code(n: u32) -> String {
    with_check_char(&format!("52320102MJ{:07}", 3_000_000 + n)).expect("valid code")
}

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/members");
    std::fs::create_dir_all(&dir).expect("fixture folder");
    clean(&dir.join("clean.xlsx"));
    dirty(&dir.join("dirty.xlsx"));
    gbk(&dir.join("gbk.csv"));
    street(&dir.join("street.xlsx"));
    println!("fixtures written to {}", dir.display());
}

const CLEAN_HEADERS: [&str; 11] = [
    "组织名称",
    "信用代码",
    "备案号",
    "服务类别",
    "社区",
    "联系人",
    "手机",
    "成立时间",
    "入会日期",
    "党建覆盖",
    "备注",
];

fn clean(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    sheet.write_string(0, 0, "示范街道社联会成员单位名册（2019年）").unwrap();
    for (c, h) in CLEAN_HEADERS.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    // Full-width digits in one code, as a Chinese IME types them.
    let wide: String = code(1)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c })
        .collect();
    let rows: Vec<[String; 11]> = vec![
        [
            "  幸福家园志愿服务队 ".into(),
            wide,
            "".into(),
            "公益服务类".into(),
            "幸福社区".into(),
            "王芳".into(),
            "".into(),
            "2015-03-01".into(),
            "".into(),
            "联合组建".into(),
            "".into(),
        ],
        [
            "银龄互助会".into(),
            code(2),
            "".into(),
            "慈善互助类".into(),
            "幸福社区".into(),
            "李静".into(),
            "".into(),
            "2016/5/8".into(),
            "".into(),
            "单独组建".into(),
            "".into(),
        ],
        [
            "老娘舅调解工作室".into(),
            "".into(),
            "BA-2018-007".into(),
            "调解治理类".into(),
            "梅园社区".into(),
            "张伟".into(),
            "".into(),
            "2017年6月1日".into(),
            "".into(),
            "党建指导员".into(),
            "".into(),
        ],
        [
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
        ],
        [
            "彩虹文体协会".into(),
            code(4),
            "".into(),
            "文体活动类".into(),
            "梅园社区".into(),
            "刘敏".into(),
            "".into(),
            "".into(),
            "".into(),
            "未覆盖".into(),
            "广场舞、合唱".into(),
        ],
        [
            "邻里便民服务社".into(),
            "".into(),
            "BA-2019-011".into(),
            "生活服务类".into(),
            "".into(),
            "陈强".into(),
            "".into(),
            "20180101".into(),
            "".into(),
            "".into(),
            "".into(),
        ],
        [
            "同心社区服务中心".into(),
            code(6),
            "".into(),
            "其他".into(),
            "兰苑社区".into(),
            "杨丽".into(),
            "".into(),
            "".into(),
            "".into(),
            "联合组建".into(),
            "".into(),
        ],
    ];
    for (r, (i, row)) in (2u32..).zip(rows.iter().enumerate()) {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r, c as u16, v).unwrap();
            }
        }
        if !row[0].is_empty() {
            // Phones typed into Excel become numbers; the join date is a real date cell.
            sheet.write_number(r, 6, 13912345670.0 + i as f64).unwrap();
            sheet.write_number_with_format(r, 8, 43480.0 + i as f64, &date).unwrap();
        }
    }
    book.save(path).unwrap();
}

/// One problem per data row, so the error table names each one.
pub const DIRTY: &[&str] = &[
    "name missing",
    "wrong check character",
    "unknown category",
    "filed organization with a credit code",
    "impossible founding date",
    "same name as row 3",
    "phone with letters",
    "join date missing",
    "neither code nor filing number",
    "unknown party-building word",
];

fn dirty(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let headers = [
        "单位名称",
        "统一社会信用代码",
        "备案编号",
        "组织形式",
        "类别",
        "所属社区",
        "负责人",
        "联系电话",
        "成立日期",
        "加入日期",
        "党建覆盖",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let good = code(20);
    let wrong_check = {
        let last = good.chars().last().unwrap();
        format!("{}{}", &good[..17], if last == '0' { '1' } else { '0' })
    };
    let rows: Vec<[String; 11]> = vec![
        [
            "".into(),
            code(21),
            "".into(),
            "登记".into(),
            "公益服务类".into(),
            "".into(),
            "王芳".into(),
            "13900000001".into(),
            "".into(),
            "2019-01-10".into(),
            "".into(),
        ],
        [
            "错码志愿队".into(),
            wrong_check,
            "".into(),
            "登记".into(),
            "公益服务类".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "2019-01-10".into(),
            "".into(),
        ],
        [
            "未知类别协会".into(),
            code(23),
            "".into(),
            "登记".into(),
            "环保类".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "2019-01-10".into(),
            "".into(),
        ],
        [
            "备案却有代码队".into(),
            code(24),
            "BA-9".into(),
            "备案".into(),
            "其他".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "2019-01-10".into(),
            "".into(),
        ],
        [
            "日期错误服务社".into(),
            code(25),
            "".into(),
            "登记".into(),
            "其他".into(),
            "".into(),
            "".into(),
            "".into(),
            "2019-02-30".into(),
            "2019-03-10".into(),
            "".into(),
        ],
        [
            "未知类别协会".into(),
            code(26),
            "".into(),
            "登记".into(),
            "其他".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "2019-01-10".into(),
            "".into(),
        ],
        [
            "电话错误互助会".into(),
            code(27),
            "".into(),
            "登记".into(),
            "其他".into(),
            "".into(),
            "".into(),
            "139abc".into(),
            "".into(),
            "2019-01-10".into(),
            "".into(),
        ],
        [
            "缺加入日期队".into(),
            code(28),
            "".into(),
            "登记".into(),
            "其他".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
        ],
        [
            "无代码无备案队".into(),
            "".into(),
            "".into(),
            "".into(),
            "其他".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "2019-01-10".into(),
            "".into(),
        ],
        [
            "党建不明队".into(),
            code(30),
            "".into(),
            "登记".into(),
            "其他".into(),
            "".into(),
            "".into(),
            "".into(),
            "".into(),
            "2019-01-10".into(),
            "有党员".into(),
        ],
    ];
    assert_eq!(rows.len(), DIRTY.len());
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                sheet.write_string(r as u32 + 1, c as u16, v).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}

fn gbk(path: &Path) {
    let text = format!(
        "单位名称,统一社会信用代码,备案编号,类别,所属社区,负责人,联系电话,成立日期,加入日期\r\n\
         竹林读书会,{},,文体活动类,竹林社区,赵军,13800000001,2014-04-04,2019-02-01\r\n\
         松风巡防队,,BA-2019-021,调解治理类,松风社区,黄霞,025-84000001,,2019-02-01\r\n\
         ,,,,,,,,\r\n\
         桂花助老服务社,{},,生活服务类,桂花社区,周斌,13800000003,2012-12-12,2019-02-01\r\n",
        code(40),
        code(41)
    );
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
    assert!(!unmappable);
    std::fs::write(path, bytes).unwrap();
}

fn street(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let number = Format::new().set_num_format("0");
    sheet.write_string(0, 0, "梅园新村街道社区社会组织名册（2026年）").unwrap();
    sheet.write_string(1, 0, "填报单位：梅园新村街道社区服务中心").unwrap();
    let headers = ["序号", "组织名称", "信用代码", "备案号", "类型", "社区", "负责人", "电话", "成立日期", "备注"];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let spaced = {
        let c = code(51);
        format!(" {} {} ", &c[..9], &c[9..])
    };
    let wide: String = code(52)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { char::from_u32(c as u32 + 0xFEE0).unwrap() } else { c })
        .collect();
    // (name, code, filing number, category, community, leader, phone, founded, notes)
    let rows: [[String; 9]; 7] = [
        [
            "幸福家园志愿服务队".into(),
            spaced,
            "".into(),
            "公益服务类".into(),
            "梅园社区".into(),
            "王芳".into(),
            "13912345601".into(),
            "2015-03-01".into(),
            "".into(),
        ],
        [
            "银龄互助会".into(),
            wide,
            "".into(),
            "慈善互助类".into(),
            "梅园社区".into(),
            "周堃".into(),
            "13912345602".into(),
            "2016/5/8".into(),
            "".into(),
        ],
        [
            "老娘舅调解工作室".into(),
            "".into(),
            "ba-2018-007".into(),
            "其他".into(),
            "兰园社区".into(),
            "张伟".into(),
            "2584561234".into(),
            "2017年6月1日".into(),
            "街道备案".into(),
        ],
        Default::default(),
        [
            "彩虹文体协会".into(),
            code(54).to_lowercase(),
            "".into(),
            "文体活动类".into(),
            "兰园社区".into(),
            "刘敏".into(),
            "13912345604".into(),
            "".into(),
            "广场舞、合唱".into(),
        ],
        [
            "邻里便民服务社".into(),
            "".into(),
            "BA-2019-011".into(),
            "生活服务类".into(),
            "".into(),
            "陈喆".into(),
            "13912345605".into(),
            "20180101".into(),
            "".into(),
        ],
        [
            "同心社区服务中心".into(),
            code(56),
            "".into(),
            "其他".into(),
            "竹林社区".into(),
            "杨丽".into(),
            "".into(),
            "".into(),
            "".into(),
        ],
    ];
    let mut n = 0;
    for (r, row) in (3u32..).zip(rows.iter()) {
        if row[0].is_empty() {
            continue;
        }
        n += 1;
        sheet.write_number(r, 0, n as f64).unwrap();
        for (c, v) in row.iter().enumerate() {
            let c = c as u16 + 1;
            if v.is_empty() {
                continue;
            }
            if c == 7 {
                // Phones typed into Excel become numbers.
                sheet.write_number_with_format(r, c, v.parse::<f64>().unwrap(), &number).unwrap();
            } else {
                sheet.write_string(r, c, v).unwrap();
            }
        }
    }
    book.save(path).unwrap();
}
