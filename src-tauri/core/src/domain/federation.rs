//! The federation's profile (社联会信息): who the books belong to. Its fields appear on every
//! application packet, so they are validated at the door: required fields present, the credit code
//! valid per GB 32100-2015, the recognition date real and not in the future.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::credit_code;
use super::date::past_date;
use super::text::{clean_code, clean_line};
use crate::error::{CoreError, FieldProblem, Result};

/// The profile as stored and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Federation {
    pub name: String,
    pub credit_code: String,
    pub street: String,
    pub district: String,
    pub recognition_date: Option<NaiveDate>,
    pub recognition_doc_no: String,
    pub legal_rep: String,
    pub secretary: String,
    pub phone: String,
    pub address: String,
    pub bank_name: String,
    pub bank_account: String,
    /// When the profile was last saved, `YYYY-MM-DD HH:MM:SS` local time.
    pub updated_at: String,
}

/// The profile as typed in the form: every field a string, checked by [`FederationInput::validate`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FederationInput {
    pub name: String,
    pub credit_code: String,
    pub street: String,
    pub district: String,
    /// `YYYY-MM-DD`, or empty while the federation has not been recognized yet.
    pub recognition_date: String,
    pub recognition_doc_no: String,
    pub legal_rep: String,
    pub secretary: String,
    pub phone: String,
    pub address: String,
    pub bank_name: String,
    pub bank_account: String,
}

/// A profile whose invariants hold; only this can be written to the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidFederation {
    pub name: String,
    pub credit_code: String,
    pub street: String,
    pub district: String,
    pub recognition_date: Option<NaiveDate>,
    pub recognition_doc_no: String,
    pub legal_rep: String,
    pub secretary: String,
    pub phone: String,
    pub address: String,
    pub bank_name: String,
    pub bank_account: String,
}

const MAX_TEXT: usize = 100;

impl FederationInput {
    /// Checks every field and reports every problem at once, so the form can mark them all.
    pub fn validate(&self, today: NaiveDate) -> Result<ValidFederation> {
        let mut problems = Vec::new();
        let mut required = |field: &str, label: &str, value: &str| -> String {
            let v = clean_line(value);
            if v.is_empty() {
                problems.push(FieldProblem::new(field, format!("请输入{label}")));
            } else if v.chars().count() > MAX_TEXT {
                problems.push(FieldProblem::new(field, format!("{label}过长，请不超过{MAX_TEXT}个字")));
            }
            v
        };
        let name = required("name", "社联会名称", &self.name);
        let street = required("street", "所属街道", &self.street);
        let district = required("district", "所属区", &self.district);
        let legal_rep = required("legalRep", "法定代表人", &self.legal_rep);
        let secretary = required("secretary", "秘书或专职工作人员姓名", &self.secretary);
        let phone = required("phone", "联系电话", &clean_code(&self.phone));

        let credit_code = match credit_code::validate(&self.credit_code) {
            Ok(code) => code,
            Err(e) => {
                problems.push(FieldProblem::new("creditCode", e.to_string()));
                String::new()
            }
        };

        if !phone.is_empty() && !is_phone(&phone) {
            problems.push(FieldProblem::new(
                "phone",
                "联系电话只能包含数字、短横线和空格，7至20位，例如 025-83456789 或 13912345678",
            ));
        }

        let recognition_date = if clean_line(&self.recognition_date).is_empty() {
            None
        } else {
            past_date("recognitionDate", "认定日期", &self.recognition_date, today, &mut problems)
        };

        let bank_account: String = clean_code(&self.bank_account).chars().filter(|c| !c.is_whitespace()).collect();
        if !bank_account.is_empty() && !bank_account.chars().all(|c| c.is_ascii_digit() || c == '-') {
            problems.push(FieldProblem::new("bankAccount", "银行账号只能包含数字和短横线，请对照开户许可证填写"));
        }

        let mut optional = |field: &str, label: &str, value: &str| -> String {
            let v = clean_line(value);
            if v.chars().count() > MAX_TEXT {
                problems.push(FieldProblem::new(field, format!("{label}过长，请不超过{MAX_TEXT}个字")));
            }
            v
        };
        let recognition_doc_no = optional("recognitionDocNo", "认定文号", &self.recognition_doc_no);
        let address = optional("address", "办公地址", &self.address);
        let bank_name = optional("bankName", "开户银行", &self.bank_name);

        if !problems.is_empty() {
            return Err(CoreError::Validation(problems));
        }
        Ok(ValidFederation {
            name,
            credit_code,
            street,
            district,
            recognition_date,
            recognition_doc_no,
            legal_rep,
            secretary,
            phone,
            address,
            bank_name,
            bank_account,
        })
    }
}

fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(|c| c.is_ascii_digit()).count();
    s.chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ') && (7..=20).contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rstest::rstest;

    pub(crate) fn valid_input() -> FederationInput {
        FederationInput {
            name: "梅园新村街道社区社会组织联合会".into(),
            credit_code: "51320102MJ5000001X".into(),
            street: "梅园新村街道".into(),
            district: "玄武区".into(),
            recognition_date: "2018-09-01".into(),
            recognition_doc_no: "玄民〔2018〕12号".into(),
            legal_rep: "王芳".into(),
            secretary: "李静".into(),
            phone: "025-84561234".into(),
            address: "长江路1号".into(),
            bank_name: "南京银行玄武支行".into(),
            bank_account: "0123 4567 8901".into(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn with_valid_code(mut input: FederationInput) -> FederationInput {
        input.credit_code = credit_code::with_check_char("51320102MJ5000001").unwrap();
        input
    }

    #[test]
    fn a_complete_profile_is_cleaned_and_accepted() {
        let mut input = with_valid_code(valid_input());
        input.name = "  梅园新村街道社区社会组织联合会 ".into();
        let v = input.validate(today()).unwrap();
        assert_eq!(v.name, "梅园新村街道社区社会组织联合会");
        assert_eq!(v.bank_account, "012345678901");
        assert_eq!(v.recognition_date, NaiveDate::from_ymd_opt(2018, 9, 1));
    }

    #[test]
    fn recognition_may_still_be_pending() {
        let mut input = with_valid_code(valid_input());
        input.recognition_date = String::new();
        assert_eq!(input.validate(today()).unwrap().recognition_date, None);
    }

    #[rstest]
    #[case::name_missing("name", "", "请输入社联会名称")]
    #[case::street_missing("street", " ", "请输入所属街道")]
    #[case::legal_rep_missing("legalRep", "", "请输入法定代表人")]
    #[case::phone_letters("phone", "025-abc", "联系电话只能包含数字")]
    #[case::phone_short("phone", "12345", "7至20位")]
    #[case::date_future("recognitionDate", "2026-11-27", "认定日期不能晚于今天（2026-11-26）")]
    #[case::date_impossible("recognitionDate", "2019-02-30", "不存在或格式不对")]
    #[case::date_garbage("recognitionDate", "去年", "不存在或格式不对")]
    #[case::account_letters("bankAccount", "62x", "银行账号只能包含数字")]
    #[case::code_wrong_length("creditCode", "5132010", "应为18位")]
    #[case::code_empty("creditCode", "", "请输入统一社会信用代码")]
    fn each_bad_field_is_refused_with_its_message(#[case] field: &str, #[case] value: &str, #[case] expected: &str) {
        let mut input = with_valid_code(valid_input());
        let slot = match field {
            "name" => &mut input.name,
            "street" => &mut input.street,
            "legalRep" => &mut input.legal_rep,
            "phone" => &mut input.phone,
            "recognitionDate" => &mut input.recognition_date,
            "bankAccount" => &mut input.bank_account,
            "creditCode" => &mut input.credit_code,
            _ => unreachable!(),
        };
        *slot = value.into();
        let err = input.validate(today()).unwrap_err();
        let problems = err.problems();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].field, field);
        assert!(problems[0].message.contains(expected), "{}", problems[0].message);
    }

    #[test]
    fn wrong_check_character_names_the_expected_one() {
        let good = credit_code::with_check_char("51320102MJ5000001").unwrap();
        let expected = good.chars().last().unwrap();
        let wrong = if expected == '0' { '1' } else { '0' };
        let mut input = valid_input();
        input.credit_code = format!("{}{}", &good[..17], wrong);
        let err = input.validate(today()).unwrap_err();
        assert_eq!(err.problems()[0].field, "creditCode");
        assert!(err.problems()[0].message.contains(&format!("应为 {expected}")), "{}", err.problems()[0].message);
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let input = FederationInput::default();
        let err = input.validate(today()).unwrap_err();
        let fields: Vec<_> = err.problems().iter().map(|p| p.field.as_str()).collect();
        for f in ["name", "street", "district", "legalRep", "secretary", "phone", "creditCode"] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }
}
