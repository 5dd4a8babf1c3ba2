//! Fuzzes `Money::parse`, the door every typed amount comes through: any text either parses or is
//! refused, never panics, and whatever parses survives the round trips the app relies on (the
//! canonical string over IPC, the grouped figure on forms, 大写金额 on paper).

#![no_main]

use libfuzzer_sys::fuzz_target;
use shelian_core::Money;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(m) = Money::parse(text) else { return };
    assert!(!m.is_negative(), "a typed amount parsed as negative: {text:?} → {m}");
    assert_eq!(Money::parse(&m.to_string()).ok(), Some(m), "canonical string of {text:?} does not parse back");
    assert_eq!(Money::parse(&m.to_grouped()).ok(), Some(m), "grouped figure of {text:?} does not parse back");
    assert_eq!(Money::from_fen(m.to_fen()), m, "fen of {text:?} do not convert back");
    let daxie = m.to_daxie();
    assert!(daxie.ends_with('整') || daxie.ends_with('分'), "大写 of {text:?} is {daxie:?}");
});
