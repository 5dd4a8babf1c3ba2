//! What the secretary writes for an application packet (申报材料): the work plan, last year's
//! summary, the commitment, the satisfaction target and a note per budget line. Saved per grant
//! year with its audit row; the figures of the packet are never stored, they come from the books
//! when it is exported (see the `shelian-export` crate).

use serde::Serialize;
use ts_rs::TS;

use super::Books;
use crate::domain::project::parse_quantity;
use crate::error::{CoreError, FieldProblem, Result};
use crate::store::grants as gsql;
use crate::store::packet as sql;

pub use crate::store::packet::{BudgetNote, PacketDraft};

/// How much a preflight line matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum PreflightLevel {
    /// The packet cannot be exported until this is fixed.
    Blocking,
    /// Worth a look; does not stop the export.
    Warning,
}

/// One line of the packet's preflight checklist (built by the export crate from the books).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct PreflightItem {
    pub level: PreflightLevel,
    pub message: String,
    /// The rule id (R-…) when a policy rule is broken.
    pub rule: Option<String>,
    /// The window's route that fixes it, e.g. `/federation` or `/grants/3`.
    pub link: String,
    /// The button text for the link, e.g. 「去填写」.
    pub action: String,
}

/// The 承诺 most federations sign, paragraph by paragraph: printed in the packet unless the
/// secretary wrote her own, and shown in the window (generated into `ui/src/bindings/labels.ts`).
pub const STANDARD_COMMITMENT: [&str; 3] = [
    "本单位郑重承诺：本申报书及所附材料所填写的内容和提供的数据真实、准确、完整，不存在虚报、瞒报情况。",
    "资助资金将严格按照批复的预算专款专用、单独核算，不挤占、挪用，不用于与项目无关的支出，并自觉接受民政、财政、审计等部门的监督检查和绩效评价。",
    "如有违反上述承诺的行为，本单位愿意承担相应责任，并退回已拨付的资助资金。",
];

/// Paragraphs of a text typed in a box: split on line breaks, trimmed, empty ones dropped.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(|l| l.trim().to_owned()).filter(|l| !l.is_empty()).collect()
}

impl Books {
    pub fn packet_draft(&self, grant_year_id: i64) -> Result<PacketDraft> {
        sql::draft(self.store.conn(), grant_year_id)
    }

    pub fn packet_draft_save(&mut self, input: &PacketDraft) -> Result<PacketDraft> {
        let actor = self.actor();
        let gy = input.grant_year_id;
        self.store.with_tx(|tx| {
            gsql::grant_year(tx, input.grant_year_id)?;
            // The categories and the text before are read inside the write, so the audit row's
            // "before" is what this write replaced, not what another window had saved earlier.
            let categories = gsql::category_names(tx)?;
            let mut problems = Vec::new();
            let clean = |s: &str| s.lines().map(str::trim_end).collect::<Vec<_>>().join("\n").trim().to_owned();
            let (plan, previous_summary, commitment) =
                (clean(&input.plan), clean(&input.previous_summary), clean(&input.commitment));
            for (field, label, text, max) in [
                ("plan", "工作计划", &plan, 5_000),
                ("previousSummary", "上年度工作情况", &previous_summary, 5_000),
                ("commitment", "承诺", &commitment, 2_000),
            ] {
                if text.chars().count() > max {
                    problems.push(FieldProblem::new(field, format!("{label}不超过{max}字")));
                }
            }
            let satisfaction = match parse_quantity(&input.satisfaction_target, 1) {
                Ok(d) if d > rust_decimal::Decimal::from(100) => {
                    problems.push(FieldProblem::new("satisfactionTarget", "满意度目标不能超过100%"));
                    None
                }
                Ok(d) => Some(d.to_string()),
                Err(e) => {
                    problems.push(FieldProblem::new("satisfactionTarget", format!("满意度目标：{e}")));
                    None
                }
            };
            let mut notes = Vec::new();
            for n in &input.budget_notes {
                if !categories.iter().any(|(c, _)| *c == n.category) {
                    problems.push(FieldProblem::new("budgetNotes", "预算科目已不存在，请刷新后重试"));
                    continue;
                }
                let note = crate::domain::text::clean_line(&n.note);
                if note.chars().count() > 100 {
                    problems.push(FieldProblem::new("budgetNotes", "每个预算说明不超过100字"));
                } else if !note.is_empty() {
                    notes.push((n.category.clone(), note));
                }
            }
            let Some(satisfaction) = satisfaction.filter(|_| problems.is_empty()) else {
                return Err(CoreError::Validation(problems));
            };
            let before = sql::draft(tx, gy)?;
            sql::draft_save(tx, &actor, gy, [&plan, &previous_summary, &commitment, &satisfaction], &notes, &before)
        })?;
        self.packet_draft(gy)
    }

    /// Runs `f` inside one read transaction, so everything it reads is one consistent snapshot of
    /// the file (the packet is built this way); see `Store::read_snapshot`.
    pub fn in_snapshot<T>(&self, f: impl FnOnce(&Books) -> Result<T>) -> Result<T> {
        self.store.read_snapshot(|| f(self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_inside_a_snapshot_rolls_its_transaction_back() {
        let mut books = Books::open_in_memory(super::super::OpenOptions::default()).unwrap();
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            books.in_snapshot(|b| -> Result<()> {
                b.grant_years()?;
                panic!("a bug while building the packet");
            })
        }));
        assert!(caught.is_err(), "the panic reaches the caller");
        assert!(books.store.conn().is_autocommit(), "no transaction is left open on the connection");
        // The next write of this window is not refused as "a transaction within a transaction".
        books.mark_demo().unwrap();
        assert!(books.is_demo().unwrap());
        // And a snapshot that ends normally still ends its transaction.
        assert_eq!(books.in_snapshot(|b| b.grant_years()).unwrap().len(), 0);
        assert!(books.store.conn().is_autocommit());
    }

    #[test]
    fn paragraphs_are_lines_without_blanks() {
        assert_eq!(paragraphs("  一、开展助餐。\n\n二、调解纠纷。  \n"), ["一、开展助餐。", "二、调解纠纷。"]);
    }
}
