//! The unified social credit code (统一社会信用代码, GB 32100-2015) identifies every grantee and
//! federation; this module normalizes what people type or paste and guarantees that an accepted
//! code has 18 characters from the standard's alphabet, a numeric division code and a correct
//! check character, so typos are caught at entry rather than on a grant agreement.

/// The 31 characters the standard allows, in value order; I, O, S, V and Z are left out
/// because they are easily mistaken for 1, 0, 5, U and 2.
const CHARSET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const MODULUS: u32 = 31;
const LEN: usize = 18;

/// w_i = 3^(i-1) mod 31 for positions 1..=17, as GB 32100-2015 prescribes.
const WEIGHTS: [u32; LEN - 1] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/// Why a code was refused. Every message is shown to the person as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreditCodeError {
    #[error("请输入统一社会信用代码")]
    Empty,
    #[error("统一社会信用代码应为18位，现在是{len}位，请核对证书上的代码")]
    WrongLength { len: usize },
    /// `chars` lists each offending character once, separated by 、, in the order found.
    #[error("统一社会信用代码中不能有 {chars}，代码只用数字和大写字母且从不使用字母 I、O、S、V、Z，请核对证书上的代码")]
    BadChars { chars: String },
    #[error("统一社会信用代码第3至8位应为行政区划代码（6位数字），请核对证书上的代码")]
    BadDivision,
    #[error("统一社会信用代码校验位不正确：第18位应为 {expected}，现在是 {found}，请核对证书上的代码")]
    WrongCheckChar { expected: char, found: char },
}

/// Trims, drops inner whitespace, turns full-width forms into ASCII and uppercases, because
/// codes are copied from certificates, PDFs and Chinese input methods in all of these shapes.
pub fn normalize(input: &str) -> String {
    input.chars().map(to_half_width).filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect()
}

/// The expected 18th character for the first 17, or `None` unless `first17` is exactly
/// 17 characters from the charset. Expects normalized (uppercase) input.
pub fn check_char(first17: &str) -> Option<char> {
    let mut sum = 0u32;
    let mut count = 0usize;
    for c in first17.chars() {
        let weight = *WEIGHTS.get(count)?;
        sum += value_of(c)? * weight;
        count += 1;
    }
    if count != LEN - 1 {
        return None;
    }
    let check = (MODULUS - sum % MODULUS) % MODULUS;
    CHARSET.chars().nth(check as usize)
}

/// Checks a code as typed and returns it normalized.
///
/// Checks run from coarse to fine (length, characters, division, check character) so the
/// message points at the first thing the person should fix. Positions 1 and 2 are not matched
/// against the lists of authorities and organization types: the check character already
/// catches single typos there.
pub fn validate(input: &str) -> Result<String, CreditCodeError> {
    let code = normalize(input);
    if code.is_empty() {
        return Err(CreditCodeError::Empty);
    }
    let len = code.chars().count();
    if len != LEN {
        return Err(CreditCodeError::WrongLength { len });
    }
    let bad = bad_chars(&code);
    if !bad.is_empty() {
        return Err(CreditCodeError::BadChars { chars: bad });
    }
    // All characters are ASCII from here on, so byte positions are character positions.
    if !code[2..8].bytes().all(|b| b.is_ascii_digit()) {
        return Err(CreditCodeError::BadDivision);
    }
    let (first17, last) = code.split_at(LEN - 1);
    let expected = check_char(first17).ok_or(CreditCodeError::BadChars { chars: bad })?;
    let found = last.chars().next().unwrap_or(expected);
    if found != expected {
        return Err(CreditCodeError::WrongCheckChar { expected, found });
    }
    Ok(code)
}

/// Completes 17 characters into a full code; `Some` exactly when the result passes `validate`,
/// so demo data built with it is always accepted.
pub fn with_check_char(first17: &str) -> Option<String> {
    let expected = check_char(first17)?;
    let code = format!("{first17}{expected}");
    validate(&code).ok().filter(|normalized| *normalized == code)
}

/// Whether the code was issued by civil affairs (民政, registration authority code 5), i.e. the
/// organization is a registered social organization.
pub fn is_civil_affairs(code: &str) -> bool {
    normalize(code).starts_with('5')
}

fn value_of(c: char) -> Option<u32> {
    CHARSET.find(c).map(|i| i as u32)
}

fn to_half_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        other => other,
    }
}

fn bad_chars(code: &str) -> String {
    let mut seen: Vec<char> = Vec::new();
    for c in code.chars() {
        if value_of(c).is_none() && !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter().map(char::to_string).collect::<Vec<_>>().join("、")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;

    /// Builds a valid code from a 17-character body, for readable test tables.
    fn code(first17: &str) -> String {
        with_check_char(first17).expect("test body must be 17 valid characters")
    }

    #[test]
    fn weights_are_powers_of_three_mod_31() {
        let mut w = 1u32;
        for expected in WEIGHTS {
            assert_eq!(w, expected);
            w = w * 3 % MODULUS;
        }
        assert_eq!(CHARSET.chars().count(), MODULUS as usize);
    }

    #[rstest]
    #[case("91350100M000100Y4", '3')]
    #[case("91110000802100433", 'B')]
    fn known_codes_compute(#[case] first17: &str, #[case] expected: char) {
        assert_eq!(check_char(first17), Some(expected));
    }

    #[rstest]
    #[case("91350100M000100Y43", "91350100M000100Y43")]
    #[case("91110000802100433B", "91110000802100433B")]
    #[case("  91350100m000100y43 ", "91350100M000100Y43")]
    #[case("9135 0100 M000 100Y 43", "91350100M000100Y43")]
    #[case("９１３５０１００Ｍ０００１００Ｙ４３", "91350100M000100Y43")]
    #[case("\u{3000}91110000802100433b\u{3000}", "91110000802100433B")]
    fn valid(#[case] input: &str, #[case] expected: &str) {
        assert_eq!(validate(input), Ok(expected.to_owned()));
    }

    #[test]
    fn generated_codes_are_valid() {
        for body in ["51110000500000001", "52310000MJ0000000", "Y1440300000000000"] {
            let full = code(body);
            assert_eq!(validate(&full), Ok(full.clone()));
        }
    }

    #[rstest]
    #[case("", CreditCodeError::Empty, "请输入")]
    #[case("   ", CreditCodeError::Empty, "请输入")]
    #[case("91350100M000100Y4", CreditCodeError::WrongLength { len: 17 }, "17位")]
    #[case("91350100M000100Y433", CreditCodeError::WrongLength { len: 19 }, "19位")]
    #[case("9135", CreditCodeError::WrongLength { len: 4 }, "4位")]
    #[case("91350100M00010OY43", CreditCodeError::BadChars { chars: "O".into() }, "O")]
    #[case("91350100I000S00Y43", CreditCodeError::BadChars { chars: "I、S".into() }, "I、S")]
    #[case("91350100M000100Y4-", CreditCodeError::BadChars { chars: "-".into() }, "-")]
    #[case("91350100社000100Y43", CreditCodeError::BadChars { chars: "社".into() }, "社")]
    #[case("91350100vz00100Y43", CreditCodeError::BadChars { chars: "V、Z".into() }, "V、Z")]
    #[case("913501A0M000100Y43", CreditCodeError::BadDivision, "第3至8位")]
    #[case("91M50100M000100Y43", CreditCodeError::BadDivision, "行政区划")]
    #[case("91350100M000100Y44", CreditCodeError::WrongCheckChar { expected: '3', found: '4' }, "应为 3")]
    #[case("91350100M000100Y4A", CreditCodeError::WrongCheckChar { expected: '3', found: 'A' }, "现在是 A")]
    #[case("91110000802100433C", CreditCodeError::WrongCheckChar { expected: 'B', found: 'C' }, "应为 B")]
    // A single mistyped body character is caught by the check character.
    #[case("91350100M000101Y43", CreditCodeError::WrongCheckChar { expected: check_char("91350100M000101Y4").unwrap(), found: '3' }, "第18位")]
    fn invalid(#[case] input: &str, #[case] expected: CreditCodeError, #[case] mentions: &str) {
        let err = validate(input).unwrap_err();
        assert_eq!(err, expected);
        let message = err.to_string();
        assert!(message.contains(mentions), "{message:?} should mention {mentions:?}");
    }

    #[test]
    fn bad_chars_message_explains_the_missing_letters() {
        let message = CreditCodeError::BadChars { chars: "O".into() }.to_string();
        assert!(message.contains("I、O、S、V、Z"), "{message}");
    }

    #[rstest]
    #[case("")]
    #[case("91350100M000100Y")]
    #[case("91350100M000100Y43")]
    #[case("91350100M000100YO")]
    #[case("91350100m000100y4")]
    fn check_char_refuses_anything_but_17_charset_chars(#[case] input: &str) {
        assert_eq!(check_char(input), None);
    }

    #[rstest]
    #[case("91350100M000100Y4", Some("91350100M000100Y43"))]
    #[case("9135010AM000100Y4", None)]
    #[case("91350100m000100y4", None)]
    #[case("91350100M000100Y", None)]
    fn with_check_char_cases(#[case] first17: &str, #[case] expected: Option<&str>) {
        assert_eq!(with_check_char(first17).as_deref(), expected);
    }

    #[rstest]
    #[case("51110000500000001X", true)]
    #[case(" 5", true)]
    #[case("91350100M000100Y43", false)]
    #[case("", false)]
    fn civil_affairs(#[case] input: &str, #[case] expected: bool) {
        assert_eq!(is_civil_affairs(input), expected);
    }

    fn charset_char() -> impl Strategy<Value = char> {
        proptest::sample::select(CHARSET.chars().collect::<Vec<_>>())
    }

    fn body() -> impl Strategy<Value = String> {
        (
            proptest::collection::vec(charset_char(), 2),
            proptest::collection::vec(proptest::char::range('0', '9'), 6),
            proptest::collection::vec(charset_char(), 9),
        )
            .prop_map(|(head, division, rest)| head.into_iter().chain(division).chain(rest).collect())
    }

    proptest! {
        #[test]
        fn prop_generated_codes_validate(first17 in body()) {
            let full = with_check_char(&first17).unwrap();
            prop_assert_eq!(validate(&full), Ok(full.clone()));
            prop_assert_eq!(validate(&full.to_lowercase()), Ok(full));
        }

        #[test]
        fn prop_any_other_check_char_is_refused(first17 in body()) {
            let expected = check_char(&first17).unwrap();
            for found in CHARSET.chars().filter(|&c| c != expected) {
                prop_assert_eq!(
                    validate(&format!("{first17}{found}")),
                    Err(CreditCodeError::WrongCheckChar { expected, found })
                );
            }
        }

        #[test]
        fn prop_validate_never_panics(s in "\\PC{0,24}") {
            let _ = validate(&s);
            let _ = check_char(&s);
            let _ = with_check_char(&s);
        }
    }
}
