//! Dates as people type or pick them (`YYYY-MM-DD`), checked with a message that says what is wrong.

use chrono::NaiveDate;

use super::text::clean_code;
use crate::error::FieldProblem;

/// A date that does not exist or is not written `YYYY-MM-DD`; shown to the person as is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("日期“{0}”不存在或格式不对，请按 年-月-日 填写，例如 2019-03-15")]
pub struct BadDate(pub String);

/// Parses a `YYYY-MM-DD` date typed or picked by a person.
pub fn parse_date(input: &str) -> Result<NaiveDate, BadDate> {
    let s = clean_code(input);
    NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| BadDate(s))
}

/// A date that cannot lie in the future (an approval, a receipt, a recognition): a bad or future
/// date becomes a problem on `field`, named by `label`.
pub fn past_date(
    field: &str,
    label: &str,
    input: &str,
    today: NaiveDate,
    problems: &mut Vec<FieldProblem>,
) -> Option<NaiveDate> {
    match parse_date(input) {
        Ok(d) if d > today => {
            problems.push(FieldProblem::new(field, format!("{label}不能晚于今天（{today}）")));
            None
        }
        Ok(d) => Some(d),
        Err(e) => {
            problems.push(FieldProblem::new(field, e.to_string()));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_dates() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
        let mut p = Vec::new();
        assert_eq!(past_date("d", "到账日期", "２０２６-11-26", today, &mut p), Some(today));
        assert_eq!(past_date("d", "到账日期", "2026-11-27", today, &mut p), None);
        assert_eq!(past_date("d", "到账日期", "2026-02-30", today, &mut p), None);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].message, "到账日期不能晚于今天（2026-11-26）");
        assert!(p[1].message.contains("不存在或格式不对"));
    }
}
