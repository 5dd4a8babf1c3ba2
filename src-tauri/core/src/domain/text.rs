//! Cleaning what people type or paste: trimmed, full-width ASCII folded to half-width, so that
//! "９１３２…" from a Chinese IME and "9132…" are the same value everywhere.

/// Full-width ASCII variants (U+FF01–U+FF5E) and the ideographic space become their ASCII forms.
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

/// A single-line text field: width folded, trimmed, inner runs of white space collapsed to one.
pub fn clean_line(input: &str) -> String {
    fold_width(input).split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_trims() {
        assert_eq!(clean_line("  ０２５－１２３４\u{3000}５６７８ "), "025-1234 5678");
        assert_eq!(clean_line("\t玄武区  梅园新村街道\n"), "玄武区 梅园新村街道");
        assert_eq!(fold_width("ＡＢＣ１２３"), "ABC123");
    }
}
