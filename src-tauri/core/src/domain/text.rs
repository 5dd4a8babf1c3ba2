//! Cleaning what people type or paste. Full-width digits and Latin letters from a Chinese IME
//! become ASCII, so "９１３２…" and "9132…" are the same code; Chinese punctuation in free text
//! (，（）、) is kept as typed, because it belongs on Chinese paperwork.

/// Every full-width ASCII variant (U+FF01–U+FF5E) and the ideographic space become ASCII: for
/// codes, numbers, phones and accounts, where only ASCII is meaningful.
pub fn fold_width(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Only full-width digits, Latin letters and the ideographic space become ASCII: for free text.
pub fn fold_alnum(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '\u{3000}' => ' ',
            '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// A single line of free text: digits and letters folded, trimmed, inner white space collapsed.
pub fn clean_line(input: &str) -> String {
    fold_alnum(input).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A code-like field (phone, account, filing number): all full-width ASCII folded, trimmed,
/// inner white space collapsed.
pub fn clean_code(input: &str) -> String {
    fold_width(input).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_fold_everything_free_text_keeps_chinese_punctuation() {
        assert_eq!(clean_code("  ０２５－１２３４\u{3000}５６７８ "), "025-1234 5678");
        assert_eq!(clean_line("\t玄武区  梅园新村街道\n"), "玄武区 梅园新村街道");
        assert_eq!(clean_line("宣传改为线上，节余（约５千元）用于培训"), "宣传改为线上，节余（约5千元）用于培训");
        assert_eq!(fold_width("ＡＢＣ１２３"), "ABC123");
    }
}
