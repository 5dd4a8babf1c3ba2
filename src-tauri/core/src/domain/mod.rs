//! Pure domain types and rules: no I/O, no SQL, no clock; "today" is always an argument.

pub mod credit_code;
pub mod date;
pub mod federation;
pub mod grant;
pub mod ledger;
pub mod member;
pub mod member_import;
pub mod money;
pub mod permission;
pub mod project;
pub mod share;
pub mod text;
