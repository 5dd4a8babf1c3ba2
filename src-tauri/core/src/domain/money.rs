//! Money exists so that grant amounts are exact yuan-and-fen values everywhere: it holds at most
//! two decimal places, never touches floating point, reads what people type, and writes the
//! plain, grouped and 大写 forms that finance paperwork needs.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, Neg, Sub};

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// Largest magnitude, in whole yuan, that `parse`, `from_decimal`, serde and the checked
/// operations accept. No federation handles 1 万亿元, so anything above it is a typing slip;
/// in fen it is 10^14, far inside `i64`, which is what SQLite stores.
pub const MAX_YUAN: i64 = 1_000_000_000_000;

const MAX_FEN: i64 = MAX_YUAN * 100;
const FEN_PER_YUAN: i128 = 100;

/// Why an amount was refused. Every message is shown to the person as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    #[error("请输入金额")]
    Empty,
    /// `found` lists each offending character once, in the order typed, so the person can spot it.
    #[error("金额中不能有「{found}」，请只输入数字、小数点和千分位逗号，例如 150000、150,000.00 或 15万")]
    InvalidCharacters { found: String },
    #[error("金额最多保留两位小数（到分），请删去多余的小数位")]
    TooManyDecimals,
    #[error("千分位逗号位置不对，应为每三位一个逗号，例如 150,000.00")]
    MisplacedSeparator,
    #[error("金额不能为负数，请去掉负号后重新输入")]
    Negative,
    #[error("金额过大（不能超过 1 万亿元），请检查是否多输入了数字")]
    TooLarge,
    #[error("金额中只能有一个小数点，请删去多余的小数点")]
    MultipleDots,
}

/// An amount in yuan with at most two decimal places (fen).
///
/// Invariant: the inner decimal never has more than two decimal places and zero is never
/// negative, so equality, hashing and every rendering agree. Values built by `parse`,
/// `from_decimal`, serde and the checked operations stay within ±`MAX_YUAN`; `from_fen`,
/// `from_yuan` and the operators may go beyond it but never panic (`to_fen` saturates).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Default)]
pub struct Money(Decimal);

impl Money {
    // Built from parts because `Decimal::new` is not const; scale 2 like every other value.
    pub const ZERO: Money = Money(Decimal::from_parts(0, 0, 0, false, 2));

    /// Only for values already known to have at most two decimal places.
    fn new(mut d: Decimal) -> Money {
        d.rescale(2);
        if d.is_zero() {
            // Negating zero leaves a sign bit that would otherwise print as "-0.00".
            d.set_sign_positive(true);
        }
        Money(d)
    }

    /// Exact: any `i64` count of fen is representable.
    pub fn from_fen(fen: i64) -> Money {
        Money::new(Decimal::new(fen, 2))
    }

    /// The amount in fen, as stored in SQLite.
    ///
    /// Exact for every value from `parse`, `from_decimal`, `from_fen` and the checked operations.
    /// Only `from_yuan` above about 9.2 × 10^16, the unchecked operators and `mul_ratio` can
    /// leave the `i64` fen range; such a value saturates at `i64::MIN`/`i64::MAX` rather than
    /// panicking. Use `checked_to_fen` to detect that.
    pub fn to_fen(self) -> i64 {
        self.checked_to_fen().unwrap_or(if self.is_negative() { i64::MIN } else { i64::MAX })
    }

    /// The amount in fen, or `None` when it does not fit an `i64`.
    pub fn checked_to_fen(self) -> Option<i64> {
        i64::try_from(self.fen()).ok()
    }

    pub fn from_yuan(yuan: i64) -> Money {
        Money::new(Decimal::from(yuan))
    }

    /// Accepts any decimal whose value has at most two decimal places (trailing zeros such as
    /// `1.000` are fine, because computed decimals often carry them) and whose magnitude is at
    /// most `MAX_YUAN`. Negative values are allowed: balances can be negative.
    pub fn from_decimal(d: Decimal) -> Result<Money, MoneyError> {
        if d.normalize().scale() > 2 {
            return Err(MoneyError::TooManyDecimals);
        }
        if d.abs() > Decimal::from(MAX_YUAN) {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money::new(d))
    }

    pub fn as_decimal(self) -> Decimal {
        self.0
    }

    /// Reads an amount the way a person types it into a form.
    ///
    /// Accepts `150000`, `150000.5`, `150,000.00` (commas only in correct groups of three),
    /// `15万`, `1.2345万` (the result must still be whole fen), surrounding whitespace,
    /// full-width digits and punctuation, an optional trailing `元` and an optional leading
    /// `¥`/`￥` (as pasted from bank statements). Typed amounts are never negative.
    pub fn parse(input: &str) -> Result<Money, MoneyError> {
        let half_width: String = input.chars().map(to_half_width).collect();
        let mut s = half_width.trim();
        if let Some(rest) = s.strip_suffix('元') {
            s = rest.trim_end();
        }
        if let Some(rest) = s.strip_prefix(['¥', '￥']) {
            s = rest.trim_start();
        }
        if s.starts_with('-') {
            return Err(MoneyError::Negative);
        }
        let (body, wan) = match s.strip_suffix('万') {
            Some(rest) => (rest.trim_end(), true),
            None => (s, false),
        };

        let found = invalid_characters(body);
        if !found.is_empty() {
            return Err(MoneyError::InvalidCharacters { found });
        }
        if body.matches('.').count() > 1 {
            return Err(MoneyError::MultipleDots);
        }
        let (int_part, frac_part) = body.split_once('.').unwrap_or((body, ""));
        if int_part.is_empty() && frac_part.is_empty() {
            // Nothing but whitespace, `元`, `万` or a lone dot: there is no number to read.
            return Err(MoneyError::Empty);
        }
        if frac_part.contains(',') {
            return Err(MoneyError::MisplacedSeparator);
        }
        let int_digits = ungroup(int_part)?;

        // 万 moves the decimal point four places, so up to six typed decimals can still be whole fen.
        let shift: u32 = if wan { 4 } else { 0 };
        let frac_digits = frac_part.trim_end_matches('0');
        let frac_len = frac_digits.len() as u32;
        if frac_len > 2 + shift {
            return Err(MoneyError::TooManyDecimals);
        }
        let int_digits = int_digits.trim_start_matches('0');
        // Twenty digits already exceed MAX_YUAN by far; the cap keeps the u128 below exact.
        if int_digits.len() > 20 {
            return Err(MoneyError::TooLarge);
        }
        let int_value = digits_value(int_digits);
        let frac_value = digits_value(frac_digits);
        let scaled = int_value * 10u128.pow(frac_len) + frac_value;
        let fen = scaled * 10u128.pow(2 + shift - frac_len);
        if fen > MAX_FEN as u128 {
            return Err(MoneyError::TooLarge);
        }
        Ok(Money::from_fen(fen as i64))
    }

    /// `None` when the result would exceed ±`MAX_YUAN`, so a checked result always fits SQLite
    /// and always deserializes again.
    pub fn checked_add(self, rhs: Money) -> Option<Money> {
        self.0.checked_add(rhs.0).and_then(within_limit)
    }

    /// `None` when the result would exceed ±`MAX_YUAN`; see `checked_add`.
    pub fn checked_sub(self, rhs: Money) -> Option<Money> {
        self.0.checked_sub(rhs.0).and_then(within_limit)
    }

    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    pub fn abs(self) -> Money {
        Money::new(self.0.abs())
    }

    /// Multiplies by `ratio` (for example the 1:1 or 1:0.5 matching share) and rounds half away
    /// from zero to the fen, i.e. 四舍五入 as finance staff do it by hand: 0.005 → 0.01 and
    /// −0.005 → −0.01.
    ///
    /// The product is exact before that single rounding whenever it fits `Decimal`'s 96-bit
    /// mantissa, e.g. any amount up to `MAX_YUAN` times a ratio with up to 14 significant
    /// digits. A product too large for `Decimal` at all (ratios above about 10^14) saturates
    /// at the `i64` fen limit of its sign instead of panicking.
    pub fn mul_ratio(self, ratio: Decimal) -> Money {
        match self.0.checked_mul(ratio) {
            Some(product) => Money::new(product.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)),
            None if self.is_negative() != ratio.is_sign_negative() => Money::from_fen(i64::MIN),
            None => Money::from_fen(i64::MAX),
        }
    }

    /// `150,000.00` for forms; negative as `-1,234.50`.
    pub fn to_grouped(self) -> String {
        let fen = self.fen();
        let digits = (fen.unsigned_abs() / FEN_PER_YUAN as u128).to_string();
        let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 4);
        if fen < 0 {
            grouped.push('-');
        }
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        grouped.push_str(&format!(".{:02}", fen.unsigned_abs() % FEN_PER_YUAN as u128));
        grouped
    }

    /// 大写金额 as written on Chinese bank and finance forms, e.g. 壹拾伍万元整.
    ///
    /// Conventions: a leading 壹拾 is kept (10 → 壹拾元整); one 零 stands for each run of
    /// zeros between non-zero digits, including across 万/亿; 整 follows 元 or 角 when there
    /// are no 分; with zero 角 but some 分 the form is 元零X分; below one yuan the text starts
    /// at 角 or 分; negatives get the prefix 负.
    pub fn to_daxie(self) -> String {
        let fen = self.fen();
        let magnitude = fen.unsigned_abs();
        let yuan = magnitude / FEN_PER_YUAN as u128;
        let jiao = (magnitude / 10 % 10) as usize;
        let fen_digit = (magnitude % 10) as usize;

        let mut out = String::new();
        if fen < 0 {
            out.push('负');
        }
        if yuan > 0 {
            push_integer(&mut out, yuan);
            out.push('元');
        }
        if jiao == 0 && fen_digit == 0 {
            if yuan == 0 {
                out.push_str("零元");
            }
            out.push('整');
            return out;
        }
        if jiao > 0 {
            out.push(DAXIE_DIGITS[jiao]);
            out.push('角');
        } else if yuan > 0 {
            out.push('零');
        }
        if fen_digit > 0 {
            out.push(DAXIE_DIGITS[fen_digit]);
            out.push('分');
        } else {
            out.push('整');
        }
        out
    }

    /// The value as a signed count of fen; i128 so that formatting never overflows.
    fn fen(self) -> i128 {
        let mut d = self.0;
        d.rescale(2);
        d.mantissa()
    }
}

fn within_limit(d: Decimal) -> Option<Money> {
    (d.abs() <= Decimal::from(MAX_YUAN)).then(|| Money::new(d))
}

/// People type with Chinese input methods, which often produce full-width forms.
fn to_half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '，' => ',',
        '．' => '.',
        '－' | '−' => '-',
        other => other,
    }
}

fn invalid_characters(body: &str) -> String {
    let mut seen: Vec<char> = Vec::new();
    for c in body.chars() {
        let allowed = c.is_ascii_digit() || c == ',' || c == '.';
        if !allowed && !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen.iter().map(|&c| if c.is_whitespace() { "空格".to_owned() } else { c.to_string() }).collect()
}

/// Removes thousands separators, refusing any grouping a bank statement would not print,
/// because a misplaced comma usually means a digit was dropped or doubled.
fn ungroup(int_part: &str) -> Result<String, MoneyError> {
    if !int_part.contains(',') {
        return Ok(int_part.to_owned());
    }
    let mut groups = int_part.split(',');
    let first = groups.next().unwrap_or_default();
    if first.is_empty() || first.len() > 3 || first.starts_with('0') {
        return Err(MoneyError::MisplacedSeparator);
    }
    let mut digits = first.to_owned();
    for group in groups {
        if group.len() != 3 {
            return Err(MoneyError::MisplacedSeparator);
        }
        digits.push_str(group);
    }
    Ok(digits)
}

/// Callers guarantee ASCII digits only and at most 20 of them, so this cannot overflow.
fn digits_value(digits: &str) -> u128 {
    digits.bytes().fold(0u128, |acc, b| acc * 10 + u128::from(b - b'0'))
}

const DAXIE_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// Writes `n > 0` with 万/亿 sections; recursion on 亿 keeps any `i64`-sized value readable.
fn push_integer(out: &mut String, n: u128) {
    const WAN: u128 = 10_000;
    const YI: u128 = 100_000_000;
    if n >= YI {
        push_integer(out, n / YI);
        out.push('亿');
        let low = n % YI;
        if low > 0 {
            // A missing 千万 digit is a zero run between 亿 and what follows.
            if low < YI / 10 {
                out.push('零');
            }
            push_integer(out, low);
        }
    } else if n >= WAN {
        push_section(out, (n / WAN) as u32);
        out.push('万');
        let low = n % WAN;
        if low > 0 {
            if low < WAN / 10 {
                out.push('零');
            }
            push_section(out, low as u32);
        }
    } else {
        push_section(out, n as u32);
    }
}

/// Writes `1..=9999`; inner zero runs become one 零, trailing zeros vanish.
fn push_section(out: &mut String, n: u32) {
    const UNITS: [&str; 4] = ["仟", "佰", "拾", ""];
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut started = false;
    let mut pending_zero = false;
    for (&d, unit) in digits.iter().zip(UNITS) {
        if d == 0 {
            pending_zero = started;
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        out.push(DAXIE_DIGITS[d as usize]);
        out.push_str(unit);
        started = true;
    }
}

/// Plain `150000.00`: always two decimals, no separators, `-` for negatives.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fen = self.fen();
        let sign = if fen < 0 { "-" } else { "" };
        let magnitude = fen.unsigned_abs();
        let text = format!("{sign}{}.{:02}", magnitude / FEN_PER_YUAN as u128, magnitude % FEN_PER_YUAN as u128);
        f.pad(&text)
    }
}

/// Decimal addition cannot overflow in practice: no constructor yields more than about
/// 9.2 × 10^18 yuan (`from_yuan(i64::MAX)`), and `Decimal` only overflows near 7.9 × 10^28,
/// which would take billions of such additions. Use `checked_add` when the result must stay
/// within ±`MAX_YUAN`.
impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money::new(self.0 + rhs.0)
    }
}

/// Same bound as `Add`; use `checked_sub` to stay within ±`MAX_YUAN`.
impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money::new(self.0 - rhs.0)
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        *self = *self + rhs;
    }
}

impl std::ops::SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        *self = *self - rhs;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money::new(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

/// Serialized as the Display string so JSON never carries a float.
impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Strict on purpose: only the plain decimal notation that `Display` writes (an optional `-`,
/// digits without leading zeros, at most two decimals, within ±`MAX_YUAN`), never the friendly forms of `parse`,
/// so that malformed data from the UI or a file fails loudly instead of being guessed at.
impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        deserializer.deserialize_str(MoneyVisitor)
    }
}

struct MoneyVisitor;

impl Visitor<'_> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("金额字符串，例如 \"150000.00\"")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
        let Some(decimals) = plain_decimals(v) else {
            return Err(E::custom(format!("金额 {v:?} 格式不对，应写成 \"150000.00\" 这样的纯数字字符串")));
        };
        // Judged on the text, not the value: canonical data never carries a third decimal.
        if decimals > 2 {
            return Err(E::custom(MoneyError::TooManyDecimals));
        }
        let d: Decimal = v
            .parse()
            .map_err(|_| E::custom(format!("金额 {v:?} 无法读取，应写成 \"150000.00\" 这样的纯数字字符串")))?;
        Money::from_decimal(d).map_err(E::custom)
    }
}

/// The number of decimals when `v` matches `-?(0|[1-9][0-9]*)(\.[0-9]+)?`, else `None`.
fn plain_decimals(v: &str) -> Option<usize> {
    let unsigned = v.strip_prefix('-').unwrap_or(v);
    let (int_part, frac_part) = match unsigned.split_once('.') {
        Some((i, f)) if !f.is_empty() => (i, f),
        Some(_) => return None,
        None => (unsigned, ""),
    };
    let int_ok = !int_part.is_empty()
        && int_part.bytes().all(|b| b.is_ascii_digit())
        && (int_part == "0" || !int_part.starts_with('0'));
    let frac_ok = frac_part.bytes().all(|b| b.is_ascii_digit());
    (int_ok && frac_ok).then_some(frac_part.len())
}

/// Money is a string in TypeScript (the serde form), declared inline like a primitive so that
/// no separate binding file is exported for it.
impl ts_rs::TS for Money {
    type WithoutGenerics = Money;
    type OptionInnerType = Money;

    fn name(_: &ts_rs::Config) -> String {
        "string".to_owned()
    }

    fn inline(cfg: &ts_rs::Config) -> String {
        <Self as ts_rs::TS>::name(cfg)
    }
}

/// One typed amount as Rust reads it, for a form's live preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct AmountPreview {
    /// The amount; zero for an empty field, null when the text cannot be read.
    pub amount: Option<Money>,
    /// Why it cannot be read (`parse`'s message); empty otherwise.
    pub message: String,
}

/// What a form shows while a person types amounts: each figure as `parse` reads it, their sum and
/// its 大写. The window shows these and never reads amounts itself, so the preview is what the
/// write will store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MoneyPreview {
    pub items: Vec<AmountPreview>,
    /// The sum; null while one of the items cannot be read.
    pub total: Option<Money>,
    /// 大写 of the sum; empty while it is null.
    pub total_daxie: String,
}

impl MoneyPreview {
    /// Reads each text (an empty one counts as zero, as an empty form field adds nothing).
    pub fn of<S: AsRef<str>>(texts: &[S]) -> MoneyPreview {
        let items: Vec<AmountPreview> = texts
            .iter()
            .map(|t| match Money::parse(t.as_ref()) {
                Ok(m) => AmountPreview { amount: Some(m), message: String::new() },
                Err(MoneyError::Empty) => AmountPreview { amount: Some(Money::ZERO), message: String::new() },
                Err(e) => AmountPreview { amount: None, message: e.to_string() },
            })
            .collect();
        let total = items
            .iter()
            .map(|i| i.amount)
            .sum::<Option<Money>>()
            .filter(|t| t.as_decimal().abs() <= Decimal::from(MAX_YUAN));
        MoneyPreview { total_daxie: total.map(Money::to_daxie).unwrap_or_default(), total, items }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rstest::rstest;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn money(s: &str) -> Money {
        Money::from_decimal(dec(s)).unwrap()
    }

    #[rstest]
    #[case("150000", "壹拾伍万元整")]
    #[case("100500", "壹拾万零伍佰元整")]
    #[case("105.05", "壹佰零伍元零伍分")]
    #[case("0.5", "伍角整")]
    #[case("100010000", "壹亿零壹万元整")]
    #[case("0", "零元整")]
    #[case("-1234.5", "负壹仟贰佰叁拾肆元伍角整")]
    #[case("1.23", "壹元贰角叁分")]
    #[case("1.03", "壹元零叁分")]
    #[case("0.05", "伍分")]
    #[case("0.15", "壹角伍分")]
    #[case("10", "壹拾元整")]
    #[case("1010", "壹仟零壹拾元整")]
    #[case("1001", "壹仟零壹元整")]
    #[case("200000", "贰拾万元整")]
    #[case("300000.00", "叁拾万元整")]
    #[case("1000000", "壹佰万元整")]
    #[case("10000000", "壹仟万元整")]
    #[case("100000000", "壹亿元整")]
    #[case("1000010", "壹佰万零壹拾元整")]
    #[case("10100000", "壹仟零壹拾万元整")]
    #[case("110000", "壹拾壹万元整")]
    #[case("150000.10", "壹拾伍万元壹角整")]
    #[case("200000.01", "贰拾万元零壹分")]
    #[case("1.20", "壹元贰角整")]
    #[case("1000000000.55", "壹拾亿元伍角伍分")]
    #[case("1000000001", "壹拾亿零壹元整")]
    #[case("100001000", "壹亿零壹仟元整")]
    // More: zero runs inside and across sections, the upper limit, and small values.
    #[case("1", "壹元整")]
    #[case("0.01", "壹分")]
    #[case("0.10", "壹角整")]
    #[case("-0.05", "负伍分")]
    #[case("101", "壹佰零壹元整")]
    #[case("1100", "壹仟壹佰元整")]
    #[case("10001", "壹万零壹元整")]
    #[case("10010", "壹万零壹拾元整")]
    #[case("10100", "壹万零壹佰元整")]
    #[case("11000", "壹万壹仟元整")]
    #[case("12345.67", "壹万贰仟叁佰肆拾伍元陆角柒分")]
    #[case("100000001", "壹亿零壹元整")]
    #[case("110000000", "壹亿壹仟万元整")]
    #[case("101000000", "壹亿零壹佰万元整")]
    #[case("123456789.12", "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分")]
    #[case("999999999999.99", "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分")]
    #[case("100100000000", "壹仟零壹亿元整")]
    #[case("1000000000000", "壹万亿元整")]
    fn daxie(#[case] amount: &str, #[case] expected: &str) {
        assert_eq!(money(amount).to_daxie(), expected);
    }

    #[test]
    fn daxie_beyond_max_yuan_still_reads() {
        assert_eq!(Money::from_yuan(1_000_100_000_000).to_daxie(), "壹万零壹亿元整");
        assert_eq!(Money::from_yuan(10_000_000_000_000_000).to_daxie(), "壹亿亿元整");
        assert!(Money::from_fen(i64::MIN).to_daxie().starts_with('负'));
    }

    #[rstest]
    #[case("150000", 15_000_000)]
    #[case("150000.5", 15_000_050)]
    #[case("150000.00", 15_000_000)]
    #[case("150,000.00", 15_000_000)]
    #[case("1,234,567.89", 123_456_789)]
    #[case("999", 99_900)]
    #[case("15万", 15_000_000)]
    #[case("15.5万", 15_500_000)]
    #[case("1.2345万", 1_234_500)]
    #[case("1.234567万", 1_234_567)]
    #[case("1,500万", 1_500_000_000)]
    #[case("15万元", 15_000_000)]
    #[case("  150000  ", 15_000_000)]
    #[case("\t150000.5\n", 15_000_050)]
    #[case("\u{3000}150000\u{3000}", 15_000_000)]
    #[case("１５００００．５", 15_000_050)]
    #[case("１５０，０００．００", 15_000_000)]
    #[case("150000元", 15_000_000)]
    #[case("150000 元", 15_000_000)]
    #[case("¥150,000.00", 15_000_000)]
    #[case("￥ 150000", 15_000_000)]
    #[case("0", 0)]
    #[case("0.01", 1)]
    #[case(".5", 50)]
    #[case("5.", 500)]
    #[case("007", 700)]
    #[case("150000.500", 15_000_050)]
    #[case("1000000000000", MAX_FEN)]
    #[case("1,000,000,000,000.00", MAX_FEN)]
    #[case("100000000万", MAX_FEN)]
    fn parse_accepts(#[case] input: &str, #[case] fen: i64) {
        assert_eq!(Money::parse(input), Ok(Money::from_fen(fen)));
    }

    #[rstest]
    #[case("", MoneyError::Empty, "请输入")]
    #[case("   ", MoneyError::Empty, "请输入")]
    #[case("元", MoneyError::Empty, "请输入")]
    #[case("万", MoneyError::Empty, "请输入")]
    #[case(".", MoneyError::Empty, "请输入")]
    #[case("abc", MoneyError::InvalidCharacters { found: "abc".into() }, "abc")]
    #[case("15o000", MoneyError::InvalidCharacters { found: "o".into() }, "o")]
    #[case("150 000", MoneyError::InvalidCharacters { found: "空格".into() }, "空格")]
    #[case("1e5", MoneyError::InvalidCharacters { found: "e".into() }, "e")]
    #[case("+5", MoneyError::InvalidCharacters { found: "+".into() }, "+")]
    #[case("15万5千", MoneyError::InvalidCharacters { found: "万千".into() }, "万千")]
    #[case("1.5.0", MoneyError::MultipleDots, "小数点")]
    #[case("1..5", MoneyError::MultipleDots, "小数点")]
    #[case("150000.123", MoneyError::TooManyDecimals, "两位小数")]
    #[case("0.001", MoneyError::TooManyDecimals, "两位小数")]
    #[case("1.2345678万", MoneyError::TooManyDecimals, "两位小数")]
    #[case("1,5000", MoneyError::MisplacedSeparator, "逗号")]
    #[case("15,00.00", MoneyError::MisplacedSeparator, "逗号")]
    #[case(",100", MoneyError::MisplacedSeparator, "逗号")]
    #[case("100,", MoneyError::MisplacedSeparator, "逗号")]
    #[case("1,,000", MoneyError::MisplacedSeparator, "逗号")]
    #[case("1000,000", MoneyError::MisplacedSeparator, "逗号")]
    #[case("0,100", MoneyError::MisplacedSeparator, "逗号")]
    #[case("1.000,00", MoneyError::MisplacedSeparator, "逗号")]
    #[case("-5", MoneyError::Negative, "负数")]
    #[case("－５", MoneyError::Negative, "负数")]
    #[case(" -150,000.00元", MoneyError::Negative, "负数")]
    #[case("1000000000000.01", MoneyError::TooLarge, "过大")]
    #[case("100000000.01万", MoneyError::TooLarge, "过大")]
    #[case("99999999999999999999999999999999", MoneyError::TooLarge, "过大")]
    fn parse_refuses(#[case] input: &str, #[case] expected: MoneyError, #[case] mentions: &str) {
        let err = Money::parse(input).unwrap_err();
        assert_eq!(err, expected);
        let message = err.to_string();
        assert!(!message.is_empty());
        assert!(message.contains(mentions), "{message:?} should mention {mentions:?}");
    }

    #[test]
    fn every_message_is_chinese_and_distinct() {
        let all = [
            MoneyError::Empty,
            MoneyError::InvalidCharacters { found: "x".into() },
            MoneyError::TooManyDecimals,
            MoneyError::MisplacedSeparator,
            MoneyError::Negative,
            MoneyError::TooLarge,
            MoneyError::MultipleDots,
        ];
        let messages: Vec<String> = all.iter().map(ToString::to_string).collect();
        for m in &messages {
            assert!(m.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{m}");
        }
        for (i, a) in messages.iter().enumerate() {
            for b in &messages[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[rstest]
    #[case("1.5", 150)]
    #[case("1.000", 100)]
    #[case("-3.25", -325)]
    #[case("1000000000000", MAX_FEN)]
    #[case("-1000000000000", -MAX_FEN)]
    fn from_decimal_accepts(#[case] d: &str, #[case] fen: i64) {
        assert_eq!(Money::from_decimal(dec(d)).unwrap().to_fen(), fen);
    }

    #[rstest]
    #[case("1.005", MoneyError::TooManyDecimals)]
    #[case("0.0001", MoneyError::TooManyDecimals)]
    #[case("1000000000000.01", MoneyError::TooLarge)]
    #[case("-1000000000001", MoneyError::TooLarge)]
    fn from_decimal_refuses(#[case] d: &str, #[case] expected: MoneyError) {
        assert_eq!(Money::from_decimal(dec(d)), Err(expected));
    }

    #[rstest]
    #[case(0, "0.00", "0.00")]
    #[case(5, "0.05", "0.05")]
    #[case(-5, "-0.05", "-0.05")]
    #[case(15_000_000, "150000.00", "150,000.00")]
    #[case(12_345_678_950, "123456789.50", "123,456,789.50")]
    #[case(-123_450, "-1234.50", "-1,234.50")]
    #[case(99_999, "999.99", "999.99")]
    #[case(100_000, "1000.00", "1,000.00")]
    #[case(MAX_FEN, "1000000000000.00", "1,000,000,000,000.00")]
    fn display_and_grouped(#[case] fen: i64, #[case] plain: &str, #[case] grouped: &str) {
        let m = Money::from_fen(fen);
        assert_eq!(m.to_string(), plain);
        assert_eq!(m.to_grouped(), grouped);
    }

    #[test]
    fn display_honours_width() {
        assert_eq!(format!("{:>10}", Money::from_fen(150)), "      1.50");
    }

    #[test]
    fn constructors_agree() {
        assert_eq!(Money::from_yuan(150_000), Money::from_fen(15_000_000));
        assert_eq!(Money::from_yuan(-2).to_fen(), -200);
        assert_eq!(Money::ZERO, Money::default());
        assert_eq!(Money::ZERO.to_string(), "0.00");
        assert_eq!(Money::from_fen(150).as_decimal(), dec("1.50"));
        assert_eq!(Money::from_fen(150).as_decimal().scale(), 2);
    }

    #[test]
    fn fen_round_trip_at_extremes() {
        for fen in [0, 1, -1, MAX_FEN, -MAX_FEN, i64::MAX, i64::MIN] {
            assert_eq!(Money::from_fen(fen).to_fen(), fen);
            assert_eq!(Money::from_fen(fen).checked_to_fen(), Some(fen));
        }
    }

    #[test]
    fn to_fen_saturates_beyond_i64() {
        let big = Money::from_fen(i64::MAX) + Money::from_fen(1);
        assert_eq!(big.checked_to_fen(), None);
        assert_eq!(big.to_fen(), i64::MAX);
        let small = Money::from_fen(i64::MIN) - Money::from_fen(1);
        assert_eq!(small.to_fen(), i64::MIN);
    }

    #[test]
    fn arithmetic() {
        let a = Money::from_fen(150);
        let b = Money::from_fen(275);
        assert_eq!(a + b, Money::from_fen(425));
        assert_eq!(a - b, Money::from_fen(-125));
        assert_eq!(-a, Money::from_fen(-150));
        assert_eq!(a.checked_add(b), Some(Money::from_fen(425)));
        assert_eq!(a.checked_sub(b), Some(Money::from_fen(-125)));
        assert!((a - b).is_negative());
        assert_eq!((a - b).abs(), Money::from_fen(125));
        assert!(!a.is_negative());
        assert!((a - a).is_zero());
        let total: Money = [a, b, a].into_iter().sum();
        assert_eq!(total, Money::from_fen(575));
        let by_ref: Money = [a, b].iter().sum();
        assert_eq!(by_ref, Money::from_fen(425));
        let empty: Money = std::iter::empty::<Money>().sum();
        assert_eq!(empty, Money::ZERO);
    }

    #[test]
    fn checked_arithmetic_stops_at_max_yuan() {
        let max = Money::from_yuan(MAX_YUAN);
        assert_eq!(max.checked_add(Money::ZERO), Some(max));
        assert_eq!(max.checked_add(Money::from_fen(1)), None);
        assert_eq!((-max).checked_sub(Money::from_fen(1)), None);
        assert_eq!((-max).checked_sub(-max), Some(Money::ZERO));
    }

    #[test]
    fn negative_zero_is_plain_zero() {
        let z = -Money::ZERO;
        assert!(!z.is_negative());
        assert_eq!(z.to_string(), "0.00");
        assert_eq!(z.to_daxie(), "零元整");
        assert_eq!(serde_json::to_string(&z).unwrap(), "\"0.00\"");
        let from_neg_zero_mul = Money::from_fen(-1).mul_ratio(dec("0.1"));
        assert_eq!(from_neg_zero_mul.to_string(), "0.00");
        assert!(!from_neg_zero_mul.is_negative());
    }

    #[test]
    fn equal_values_hash_equal() {
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{Hash, Hasher};
        let hash = |m: Money| {
            let mut h = DefaultHasher::new();
            m.hash(&mut h);
            h.finish()
        };
        assert_eq!(hash(Money::default()), hash(Money::ZERO));
        assert_eq!(hash(-Money::ZERO), hash(Money::ZERO));
        assert_eq!(hash(money("1.000")), hash(Money::from_fen(100)));
    }

    #[rstest]
    #[case(15_000_000, "1", 15_000_000)]
    #[case(15_000_000, "0.5", 7_500_000)]
    #[case(1, "0.5", 1)]
    #[case(-1, "0.5", -1)]
    #[case(3, "0.5", 2)]
    #[case(1, "0.4", 0)]
    #[case(100, "0.333", 33)]
    #[case(100, "0.335", 34)]
    #[case(12_345, "1.5", 18_518)]
    #[case(12_345, "0", 0)]
    #[case(12_345, "-1", -12_345)]
    fn mul_ratio_rounds_half_away_from_zero(#[case] fen: i64, #[case] ratio: &str, #[case] expected: i64) {
        assert_eq!(Money::from_fen(fen).mul_ratio(dec(ratio)), Money::from_fen(expected));
    }

    #[test]
    fn mul_ratio_saturates_instead_of_panicking() {
        let huge = Money::from_fen(i64::MAX).mul_ratio(Decimal::MAX);
        assert_eq!(huge.to_fen(), i64::MAX);
        let huge_negative = Money::from_fen(i64::MAX).mul_ratio(Decimal::MIN);
        assert_eq!(huge_negative.to_fen(), i64::MIN);
    }

    #[rstest]
    #[case(0)]
    #[case(1)]
    #[case(-1)]
    #[case(15_000_000)]
    #[case(-123_450)]
    #[case(MAX_FEN)]
    #[case(-MAX_FEN)]
    fn serde_round_trip(#[case] fen: i64) {
        let m = Money::from_fen(fen);
        let json = serde_json::to_string(&m).unwrap();
        assert_eq!(json, format!("\"{m}\""));
        assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
    }

    #[rstest]
    #[case("\"150000\"", 15_000_000)]
    #[case("\"150000.5\"", 15_000_050)]
    #[case("\"-0.05\"", -5)]
    #[case("\"0\"", 0)]
    fn serde_accepts_plain_decimals(#[case] json: &str, #[case] fen: i64) {
        assert_eq!(serde_json::from_str::<Money>(json).unwrap(), Money::from_fen(fen));
    }

    #[rstest]
    #[case("\"150000.001\"")]
    #[case("\"150,000.00\"")]
    #[case("\"15万\"")]
    #[case("\" 150000\"")]
    #[case("\"+150000\"")]
    #[case("\"1_000\"")]
    #[case("\"1e5\"")]
    #[case("\"007\"")]
    #[case("\"1.\"")]
    #[case("\".5\"")]
    #[case("\"\"")]
    #[case("\"-\"")]
    #[case("\"1000000000000.01\"")]
    #[case("150000")]
    #[case("150000.0")]
    #[case("null")]
    fn serde_refuses_anything_else(#[case] json: &str) {
        let err = serde_json::from_str::<Money>(json).unwrap_err();
        assert!(!err.to_string().is_empty());
    }

    #[test]
    fn serde_error_carries_chinese_message() {
        let err = serde_json::from_str::<Money>("\"1.001\"").unwrap_err();
        assert!(err.to_string().contains("两位小数"), "{err}");
    }

    #[test]
    fn typescript_sees_a_string() {
        use ts_rs::TS;

        #[derive(TS)]
        #[allow(dead_code)]
        struct Grant {
            amount: Money,
            matched: Option<Money>,
            parts: Vec<Money>,
        }

        let cfg = ts_rs::Config::new();
        let decl = Grant::decl(&cfg);
        assert!(decl.contains("amount: string"), "{decl}");
        assert!(decl.contains("matched: string | null"), "{decl}");
        assert!(decl.contains("parts: Array<string>"), "{decl}");
        assert!(Grant::dependencies(&cfg).is_empty());
        assert_eq!(Money::output_path(), None);
    }

    fn any_fen() -> impl Strategy<Value = i64> {
        -MAX_FEN..=MAX_FEN
    }

    proptest! {
        #[test]
        fn prop_fen_round_trip(fen in any_fen()) {
            prop_assert_eq!(Money::from_fen(fen).to_fen(), fen);
        }

        #[test]
        fn prop_parse_display_round_trip(fen in 0..=MAX_FEN) {
            let m = Money::from_fen(fen);
            prop_assert_eq!(Money::parse(&m.to_string()), Ok(m));
            prop_assert_eq!(Money::parse(&m.to_grouped()), Ok(m));
        }

        #[test]
        fn prop_serde_round_trip(fen in any_fen()) {
            let m = Money::from_fen(fen);
            let json = serde_json::to_string(&m).unwrap();
            prop_assert_eq!(serde_json::from_str::<Money>(&json).unwrap(), m);
        }

        #[test]
        fn prop_daxie_is_well_formed(fen in any_fen()) {
            let text = Money::from_fen(fen).to_daxie();
            prop_assert!(!text.chars().any(|c| c.is_ascii_digit()), "{}", text);
            prop_assert!(!text.contains("零零"), "{}", text);
            prop_assert!(!text.ends_with('零'), "{}", text);
            prop_assert!(text.ends_with('整') || text.ends_with('分'), "{}", text);
        }

        #[test]
        fn prop_wan_matches_plain(yuan in 0..=100_000_000i64, fen_part in 0..100i64) {
            // n万 typed with up to six decimals equals the plain amount n × 10,000.
            let fen = yuan * 100 + fen_part;
            let m = Money::from_fen(fen);
            let wan_text = format!("{}万", m.as_decimal() / Decimal::from(10_000));
            prop_assert_eq!(Money::parse(&wan_text), Ok(m));
        }

        #[test]
        fn prop_checked_add_matches_fen(a in any_fen(), b in any_fen()) {
            let sum = Money::from_fen(a).checked_add(Money::from_fen(b));
            let expected = a + b;
            if expected.abs() <= MAX_FEN {
                prop_assert_eq!(sum, Some(Money::from_fen(expected)));
            } else {
                prop_assert_eq!(sum, None);
            }
            prop_assert_eq!((Money::from_fen(a) + Money::from_fen(b)).to_fen(), expected);
        }

        #[test]
        fn prop_parse_never_panics(s in "\\PC{0,24}") {
            let _ = Money::parse(&s);
        }
    }

    #[test]
    fn a_preview_reads_each_amount_as_parse_does_and_sums_them() {
        let p = MoneyPreview::of(&["60,000", "4万", "", "0.5"]);
        assert_eq!(
            p.items.iter().map(|i| i.amount.map(|m| m.to_string())).collect::<Vec<_>>(),
            [Some("60000.00"), Some("40000.00"), Some("0.00"), Some("0.50")].map(|s| s.map(String::from))
        );
        assert_eq!(p.total.map(|t| t.to_string()).as_deref(), Some("100000.50"));
        assert_eq!(p.total_daxie, "壹拾万元伍角整");
    }

    /// The cases the window's own reader (`typedToFen`, now deleted) was held to: the preview is
    /// Rust's reading, so they hold here.
    #[test]
    fn a_preview_reads_what_people_type() {
        let read = |t: &str| MoneyPreview::of(&[t]).items[0].amount.map(|m| m.to_string());
        for (typed, fen) in [
            ("", Some("0.00")),
            ("150000", Some("150000.00")),
            ("150,000.00", Some("150000.00")),
            ("15万", Some("150000.00")),
            ("15.5万元", Some("155000.00")),
            ("１５００００", Some("150000.00")),
            ("1,5000", None),
            ("-5", None),
            ("1.234", None),
        ] {
            assert_eq!(read(typed).as_deref(), fen, "{typed}");
        }
    }

    #[test]
    fn a_preview_with_an_unreadable_amount_has_no_total() {
        let p = MoneyPreview::of(&["1000", "12.345"]);
        assert_eq!(p.items[1].amount, None);
        assert_eq!(p.items[1].message, "金额最多保留两位小数（到分），请删去多余的小数位");
        assert_eq!((p.total, p.total_daxie.as_str()), (None, ""));
    }
}
