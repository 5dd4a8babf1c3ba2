//! What a person may do with a thing right now, as the window shows it: each action is allowed or
//! carries the one Chinese sentence the write would refuse it with. It is computed by the same
//! functions the writes call, so a button the window offers is a write Rust accepts.

use serde::Serialize;
use ts_rs::TS;

use crate::error::{CoreError, Result};

/// One action: allowed, or not with the reason the write would give.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Permission {
    pub allowed: bool,
    /// Empty when allowed; otherwise the refusal's message, word for word.
    pub reason: String,
}

impl Permission {
    pub const ALLOWED: Permission = Permission { allowed: true, reason: String::new() };

    /// The permission a check gives: its refusal's first message, or allowed.
    pub fn of(check: Result<()>) -> Permission {
        match check {
            Ok(()) => Permission::ALLOWED,
            Err(e) => Permission { allowed: false, reason: refusal_text(&e) },
        }
    }
}

fn refusal_text(e: &CoreError) -> String {
    e.problems().first().map(|p| p.message.clone()).unwrap_or_else(|| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refusal_becomes_its_own_sentence() {
        let p = Permission::of(Err(CoreError::field("status", "该年度资助当前为“已结项”，不能结项")));
        assert!(!p.allowed);
        assert_eq!(p.reason, "该年度资助当前为“已结项”，不能结项");
        assert_eq!(Permission::of(Ok(())), Permission::ALLOWED);
    }
}
