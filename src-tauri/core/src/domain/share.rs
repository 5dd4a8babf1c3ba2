//! A share of a whole as people read it on a form ("16.13%"): one function for the app's reports,
//! the project progress and the packet, so a figure never reads differently in two places.
//! Halves round away from zero, as people and Excel do; `Decimal::round_dp` alone would round
//! half to even (banker's rounding) and print 16.12% for 12,900 of 80,000 (issue 14).

use rust_decimal::{Decimal, RoundingStrategy};

/// `part` ÷ `whole` in percent with `places` decimals and a "%" sign; 「—」 when the whole is
/// zero, since a share of nothing means nothing.
pub fn percent(part: Decimal, whole: Decimal, places: u32) -> String {
    if whole.is_zero() {
        return "—".to_owned();
    }
    let mut p =
        (part * Decimal::from(100) / whole).round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    p.rescale(places);
    format!("{p}%")
}

#[cfg(test)]
mod tests {
    use super::percent;
    use rust_decimal::Decimal;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn halves_round_away_from_zero() {
        // See: issue 14 — 12,900 / 80,000 = 16.125% read 16.12% in the app and 16.13% in the packet.
        assert_eq!(percent(d("12900"), d("80000"), 2), "16.13%");
        assert_eq!(percent(d("-12900"), d("80000"), 2), "-16.13%");
        assert_eq!(percent(d("1"), d("8"), 1), "12.5%");
        assert_eq!(percent(d("1"), d("16"), 1), "6.3%");
        assert_eq!(percent(d("1"), d("3"), 2), "33.33%");
        assert_eq!(percent(d("2"), d("3"), 2), "66.67%");
    }

    #[test]
    fn places_are_always_printed() {
        assert_eq!(percent(d("80000"), d("80000"), 2), "100.00%");
        assert_eq!(percent(d("0"), d("80000"), 2), "0.00%");
        assert_eq!(percent(d("85"), d("100"), 1), "85.0%");
    }

    #[test]
    fn a_share_of_nothing_is_a_dash() {
        assert_eq!(percent(d("5"), Decimal::ZERO, 2), "—");
    }
}
