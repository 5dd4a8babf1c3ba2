//! The one error type of the core, and its one translation into what crosses IPC.
//!
//! Guarantees: a person only ever sees a Chinese sentence that says what to do; internal detail
//! (SQLite messages, paths of temp files) goes to the log, never to the window. A broken rule carries
//! its rule id (R-…) so a message, a test and DOMAIN.md can be matched.

use serde::Serialize;
use ts_rs::TS;

pub type Result<T, E = CoreError> = std::result::Result<T, E>;

/// One problem with one input field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct FieldProblem {
    /// The camelCase name of the input field, as the UI form knows it.
    pub field: String,
    pub message: String,
    /// The policy rule id (R-…) when the problem is a broken rule.
    pub rule: Option<String>,
}

impl FieldProblem {
    pub fn new(field: &str, message: impl Into<String>) -> Self {
        Self { field: field.to_owned(), message: message.into(), rule: None }
    }

    pub fn rule(field: &str, rule: &str, message: impl Into<String>) -> Self {
        Self { field: field.to_owned(), message: message.into(), rule: Some(rule.to_owned()) }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    /// Input that breaks a field rule or a policy rule; nothing was written. Never empty.
    #[error("{}", .0.first().map(|p| p.message.as_str()).unwrap_or("输入有误"))]
    Validation(Vec<FieldProblem>),
    /// The thing asked for does not exist (any more).
    #[error("{what}不存在，可能已被删除，请刷新后重试")]
    NotFound { what: &'static str },
    /// The data file cannot be opened safely (newer version, damaged, not ours). It was not modified.
    #[error("{message}")]
    FileRefused { message: String },
    /// SQLite failed underneath; the transaction was rolled back.
    #[error("数据库操作失败：{0}")]
    Storage(#[from] rusqlite::Error),
    /// A file could not be read or written (backup, data folder).
    #[error("文件读写失败：{0}")]
    Io(#[from] std::io::Error),
    /// A write changed the books without its audit row; it was rolled back (a bug in the app).
    #[error("这次修改没有留下操作记录，已撤销，没有保存任何内容。请联系技术支持。")]
    Unaudited,
}

impl CoreError {
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        CoreError::Validation(vec![FieldProblem::new(field, message)])
    }

    pub fn rule(field: &str, rule: &str, message: impl Into<String>) -> Self {
        CoreError::Validation(vec![FieldProblem::rule(field, rule, message)])
    }

    /// The field problems of a validation error; empty for every other kind.
    pub fn problems(&self) -> &[FieldProblem] {
        match self {
            CoreError::Validation(p) => p,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorCode {
    Validation,
    NotFound,
    FileRefused,
    Storage,
    Internal,
}

/// What a failed command returns over IPC.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct ErrorPayload {
    pub code: ErrorCode,
    /// One Chinese sentence for the person; for validation, the first problem's message.
    pub message: String,
    /// The first problem's field, so a simple UI can highlight it.
    pub field: Option<String>,
    /// The first problem's rule id (R-…), if a policy rule was broken.
    pub rule: Option<String>,
    /// Every field problem, for forms that show them all inline.
    pub problems: Vec<FieldProblem>,
}

impl ErrorPayload {
    pub fn internal(message: impl Into<String>) -> Self {
        Self { code: ErrorCode::Internal, message: message.into(), field: None, rule: None, problems: vec![] }
    }
}

/// The only place where a core error becomes what the person sees.
impl From<CoreError> for ErrorPayload {
    fn from(err: CoreError) -> Self {
        let simple = |code, message: String| ErrorPayload { code, message, field: None, rule: None, problems: vec![] };
        match err {
            CoreError::Validation(problems) => {
                let first = problems.first().cloned();
                ErrorPayload {
                    code: ErrorCode::Validation,
                    message: first.as_ref().map(|p| p.message.clone()).unwrap_or_else(|| "输入有误".into()),
                    field: first.as_ref().map(|p| p.field.clone()),
                    rule: first.and_then(|p| p.rule),
                    problems,
                }
            }
            e @ CoreError::NotFound { .. } => simple(ErrorCode::NotFound, e.to_string()),
            CoreError::FileRefused { message } => simple(ErrorCode::FileRefused, message),
            CoreError::Storage(e) => {
                log::error!("storage error: {e:?}");
                let message = match e.sqlite_error_code() {
                    Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                        "数据文件正被其他程序使用，请关闭其他打开此账簿的窗口后重试。本次操作没有保存。"
                    }
                    Some(rusqlite::ErrorCode::DiskFull) => "磁盘空间不足，本次操作没有保存。请清理磁盘后重试。",
                    Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => {
                        "数据文件无法写入（可能是只读或U盘已拔出），本次操作没有保存。"
                    }
                    _ => "数据保存失败，本次操作没有保存。请重试；如仍失败，请联系技术支持。",
                };
                simple(ErrorCode::Storage, message.into())
            }
            e @ CoreError::Unaudited => {
                log::error!("a write without its audit row was rolled back");
                simple(ErrorCode::Internal, e.to_string())
            }
            CoreError::Io(e) => {
                log::error!("io error: {e:?}");
                simple(ErrorCode::Storage, "文件读写失败，本次操作没有保存。请检查磁盘或U盘后重试。".into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validation_payload_carries_first_problem_and_all_problems() {
        let err = CoreError::Validation(vec![
            FieldProblem::rule("cityAmount", "R-BAND", "市级资助金额应在15万元至20万元之间"),
            FieldProblem::new("name", "请输入名称"),
        ]);
        let p = ErrorPayload::from(err);
        assert_eq!(p.code, ErrorCode::Validation);
        assert_eq!(p.field.as_deref(), Some("cityAmount"));
        assert_eq!(p.rule.as_deref(), Some("R-BAND"));
        assert_eq!(p.problems.len(), 2);
        let json = serde_json::to_value(&p).unwrap();
        assert_eq!(json["code"], "validation");
        assert_eq!(json["problems"][1]["field"], "name");
    }

    #[test]
    fn storage_detail_never_reaches_the_person() {
        let err = CoreError::Storage(rusqlite::Error::InvalidQuery);
        let p = ErrorPayload::from(err);
        assert_eq!(p.code, ErrorCode::Storage);
        assert!(!p.message.contains("Query"), "{}", p.message);
        assert!(p.message.contains("没有保存"));
    }
}
