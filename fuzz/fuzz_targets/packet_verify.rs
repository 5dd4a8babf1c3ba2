//! Fuzzes the packet ZIP verifier (校验申报包): whatever file is dropped on it — a damaged
//! download, an edited packet, a ZIP bomb's header — it answers with the manifest or a Chinese
//! refusal, never a panic.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = shelian_export::verify(data) {
        assert!(!e.to_string().is_empty());
    }
});
