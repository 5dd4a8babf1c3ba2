//! Fuzzes the unified social credit code check (GB 32100-2015): any text is accepted or refused
//! with a reason, never a panic; an accepted code is stable under a second check and its check
//! character is the one `with_check_char` computes.

#![no_main]

use libfuzzer_sys::fuzz_target;
use shelian_core::credit_code;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let _ = credit_code::check_char(text);
    let _ = credit_code::with_check_char(text);
    let Ok(code) = credit_code::validate(text) else { return };
    assert_eq!(credit_code::validate(&code).as_deref(), Ok(code.as_str()), "{text:?} is not stable");
    assert_eq!(code.len(), 18, "{text:?} → {code:?}");
    assert_eq!(credit_code::with_check_char(&code[..17]).as_deref(), Some(code.as_str()), "{text:?}");
    let _ = credit_code::is_civil_affairs(&code);
});
