//! The books of the grant money through the facade: expenses and reversals become balanced
//! vouchers after R-SPEND, R-PERIOD and R-IMMUTABLE are checked against the stored ledger;
//! month-end close and reopen; attachments. Every check that depends on the books runs inside the
//! posting transaction, so what was checked is what is written.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Books;
use super::position::{self, Reading};
use crate::attachments::{AttachmentDir, Evidence, verify_refs};
use crate::domain::grant::{self, FundSource, GrantAction};
use crate::domain::ledger::{
    self, AttachmentRef, ExpenseInput, Month, PaymentMethod, Period, PostingLine, ReversalInput, Role,
};
use crate::domain::money::Money;
use crate::domain::permission::Permission;
use crate::domain::text::clean_line;
use crate::error::{CoreError, Result};
use crate::store::grants as gsql;
use crate::store::ledger::{self as sql, Attachment, Chart, NewVoucher, PeriodEvent, VoucherKind, VoucherRow};
use crate::store::{Actor, WriteTx};

/// A voucher number and id, to link an original and its reversal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VoucherLink {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub date: NaiveDate,
}

/// One line of a voucher, with its account's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VoucherLineView {
    pub account_code: String,
    pub account_name: String,
    pub debit: Money,
    pub credit: Money,
    pub source: FundSource,
    pub category: Option<String>,
    pub category_name: Option<String>,
}

/// A voucher as the window shows it: the 台账 view (amount, payee, line) over the double-entry lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Voucher {
    #[ts(type = "number")]
    pub id: i64,
    pub number: String,
    pub date: NaiveDate,
    pub kind: VoucherKind,
    pub summary: String,
    #[ts(type = "number")]
    pub grant_year_id: i64,
    pub payee: String,
    pub payment_method: PaymentMethod,
    /// The total of the debit side; negative on a red-ink reversal.
    pub amount: Money,
    pub source: FundSource,
    pub category: Option<String>,
    pub category_name: Option<String>,
    pub lines: Vec<VoucherLineView>,
    pub attachments: Vec<Attachment>,
    pub reverses: Option<VoucherLink>,
    pub reversed_by: Option<VoucherLink>,
    /// The service project a payment went to.
    #[ts(type = "number | null")]
    pub project_id: Option<i64>,
    pub project_name: Option<String>,
    pub operator: String,
    pub created_at: String,
    pub actions: VoucherActions,
}

/// What the window may offer on a voucher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VoucherActions {
    /// 冲销 (R-IMMUTABLE, the grant year's door). Attachments may always be added.
    pub reverse: Permission,
}

/// Which vouchers to list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VoucherQuery {
    #[ts(type = "number")]
    pub grant_year_id: i64,
    /// `YYYY-MM`, or null for the whole year. Newest vouchers come first.
    pub month: Option<String>,
    pub page: u32,
    pub page_size: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct VoucherPage {
    #[ts(type = "number")]
    pub total: i64,
    pub items: Vec<Voucher>,
}

/// One month of a grant year's execution period, for the 结账 screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthStatus {
    /// `YYYY-MM`
    pub month: String,
    pub label: String,
    pub closed: bool,
    pub closed_at: Option<String>,
    pub closed_by: Option<String>,
    pub vouchers: u32,
    /// Whether the month has ended (a month is closed after its last day).
    pub ended: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct MonthsView {
    pub months: Vec<MonthStatus>,
    /// Every close and reopen of the file, newest first.
    pub events: Vec<PeriodEvent>,
}

/// What an expense form needs: for each budget line and source, what is left and what cash there is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct SpendOption {
    pub category: String,
    pub category_name: String,
    pub source: FundSource,
    pub budget: Money,
    pub spent: Money,
    /// Agreed to service projects and not yet paid: held for them.
    pub committed: Money,
    /// budget − spent − committed: what an expense outside the projects may still take.
    pub remaining: Money,
    /// The source's cash: received − spent.
    pub cash: Money,
}

/// A file stored for attaching, with what the window shows before it is attached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct StoredFile {
    pub sha256: String,
    pub file_name: String,
    pub mime: String,
    #[ts(type = "number")]
    pub size: i64,
}

fn period_of(gy: &gsql::GrantYear) -> Period {
    Period { year: gy.year, start: gy.period_start, end: gy.period_end }
}

impl Books {
    pub(crate) fn attachment_dir(&self) -> Result<AttachmentDir> {
        attachment_dir_of(self.options.attachments_dir.as_deref(), self.store.path())
    }

    /// What posting an expense needs from the facade besides the transaction.
    fn posting(&self) -> Posting {
        Posting {
            today: self.today(),
            actor: self.actor(),
            attachments_dir: self.options.attachments_dir.clone(),
            books_path: self.store.path().map(Path::to_path_buf),
        }
    }

    /// The chart of accounts in force today and where its codes come from (科目表版本).
    pub fn chart(&self) -> Result<Chart> {
        let conn = self.store.conn();
        sql::chart(conn, &sql::chart_code_on(conn, self.today())?)
    }

    /// The chart a grant year keeps its books in: the one in force on its execution period.
    pub fn chart_of_year(&self, grant_year_id: i64) -> Result<Chart> {
        let conn = self.store.conn();
        sql::chart(conn, &sql::chart_code_of_year(conn, grant_year_id)?)
    }

    /// Every chart version, oldest first.
    pub fn charts(&self) -> Result<Vec<Chart>> {
        let conn = self.store.conn();
        sql::chart_spans(conn)?.iter().map(|s| sql::chart(conn, &s.code)).collect()
    }

    /// Stores a file in the data folder for attaching; nothing is written to the books yet.
    pub fn attachment_store(&self, file_name: &str, bytes: &[u8]) -> Result<StoredFile> {
        let (sha256, size, mime) = self.attachment_dir()?.put(bytes)?;
        Ok(StoredFile { sha256, file_name: ledger::attachment_name(file_name), mime: mime.into(), size })
    }

    /// The bytes and type of an attachment of this file's vouchers.
    pub fn attachment_read(&self, sha256: &str) -> Result<(String, Vec<u8>)> {
        let mime = sql::attachment_mime(self.store.conn(), sha256)?.ok_or(CoreError::NotFound { what: "附件" })?;
        Ok((mime, self.attachment_dir()?.get(sha256)?))
    }

    fn verify_files(&self, refs: &[AttachmentRef]) -> Result<Vec<(AttachmentRef, i64, &'static str)>> {
        verify_refs(self.attachment_dir(), refs, Evidence::Attachments)
    }

    /// Records an expense (支出) as a voucher: 借 业务活动成本/管理费用, 贷 the money account.
    /// R-PERIOD (execution period, closed month) and R-SPEND (budget line, source cash).
    pub fn expense_post(&mut self, input: &ExpenseInput) -> Result<Voucher> {
        let posting = self.posting();
        let row = self.store.with_tx(|tx| post_expense(tx, &posting, input, &mut Reading::Fresh))?;
        self.voucher_view(row)
    }

    /// Posts many expenses in one transaction, each through the same steps and rules as
    /// `expense_post` (the grant year's door, R-PERIOD, R-PROJECT, R-SPEND, numbering, one audit
    /// row per voucher), in the order given, each one checked against the books as the ones
    /// before it left them. All or nothing: the first refusal is returned and nothing of the batch
    /// is written. For bulk writers (the city-scale generator, `demo::city_books`); the window
    /// posts one expense at a time. Returns the new vouchers' ids.
    pub fn expenses_post_many(&mut self, inputs: &[ExpenseInput]) -> Result<Vec<i64>> {
        let posting = self.posting();
        self.store.with_tx(|tx| {
            let mut reading = Reading::running();
            inputs.iter().map(|input| post_expense(tx, &posting, input, &mut reading).map(|row| row.id)).collect()
        })
    }

    /// 冲销: a red-ink voucher that repeats the original's lines with negated amounts, linked to it.
    /// R-IMMUTABLE: a reversal is never reversed, an original only once. R-PERIOD: an open month.
    /// Reversing a receipt may not leave its source's cash below zero (R-SPEND).
    pub fn voucher_reverse(&mut self, input: &ReversalInput) -> Result<Voucher> {
        let (today, actor) = (self.today(), self.actor());
        let row = self.store.with_tx(|tx| {
            // Whether it was reversed already is read inside the write: two windows reversing the
            // same voucher get one reversal and one R-IMMUTABLE refusal.
            let conn: &rusqlite::Connection = tx;
            let original = sql::voucher(conn, input.voucher_id)?;
            let number = ledger::voucher_number(original.year, original.seq);
            let gy = gsql::grant_year(conn, original.grant_year_id)?;
            reversible(&original, sql::reversal_of(conn, original.id)?.as_ref(), &gy)?;
            let (date, reason) = input.validate(original.date, today)?;
            let lines = ledger::reversal_lines(&sql::lines(conn, original.id)?);
            let summary = format!("冲销 {number}：{reason}");
            // A red-ink reversal repeats its original's lines, so it stays on the original's chart.
            let accounts = sql::accounts(conn, &original.chart)?;
            ledger::check_open(sql::is_closed(tx, Month::of(date))?, date)?;
            if original.kind == VoucherKind::Receipt {
                let source = lines[0].source;
                let cash = sql::net_debit(tx, gy.id, source, None, &accounts.codes(&Role::MONEY))?;
                let amount = -lines.iter().map(|l| l.debit).filter(|d| d.is_negative()).sum::<Money>();
                if amount > cash {
                    return Err(CoreError::rule(
                        "voucherId",
                        "R-SPEND",
                        format!(
                            "{}账上余额 {} 元，冲销这笔 {} 元的到账后将短缺 {} 元。请先冲销用这笔钱支付的支出",
                            source.label(),
                            cash.to_grouped(),
                            amount.to_grouped(),
                            (amount - cash).to_grouped()
                        ),
                    ));
                }
            }
            sql::voucher_insert(
                tx,
                &actor,
                &NewVoucher {
                    date,
                    kind: VoucherKind::Reversal,
                    summary: &summary,
                    grant_year_id: gy.id,
                    receipt_id: None,
                    reverses_id: Some(original.id),
                    payee: &original.payee,
                    method: original.method,
                    chart: &original.chart,
                    project_id: original.project_id,
                    lines: &lines,
                },
            )
        })?;
        self.voucher_view(row)
    }

    /// Adds files to a posted voucher. Attachments are evidence, not figures: they may be added
    /// later (a scan that came after the payment), and are never removed.
    pub fn voucher_attach(&mut self, voucher_id: i64, refs: &[AttachmentRef]) -> Result<Voucher> {
        sql::voucher(self.store.conn(), voucher_id)?;
        if refs.is_empty() {
            return Err(CoreError::field("attachments", "请选择要添加的附件"));
        }
        let refs: Vec<AttachmentRef> = refs
            .iter()
            .map(|a| AttachmentRef { sha256: a.sha256.clone(), file_name: ledger::attachment_name(&a.file_name) })
            .collect();
        let files = self.verify_files(&refs)?;
        let actor = self.actor();
        let row = self.store.with_tx(|tx| {
            let row = sql::voucher(tx, voucher_id)?;
            sql::attach(tx, &actor, voucher_id, &files)?;
            Ok(row)
        })?;
        self.voucher_view(row)
    }

    pub fn voucher_get(&self, id: i64) -> Result<Voucher> {
        let row = sql::voucher(self.store.conn(), id)?;
        self.voucher_view(row)
    }

    pub fn vouchers(&self, q: &VoucherQuery) -> Result<VoucherPage> {
        let month = q.month.as_deref().filter(|m| !m.is_empty()).map(Month::parse).transpose()?;
        let size = q.page_size.clamp(1, 500) as i64;
        let offset = q.page.saturating_sub(1) as i64 * size;
        let (total, rows) = sql::vouchers(self.store.conn(), q.grant_year_id, month, true, size, offset)?;
        Ok(VoucherPage { total, items: self.voucher_views(rows)? })
    }

    /// How many vouchers in the whole file do not balance (debits ≠ credits). Always 0; the
    /// property tests hold the ledger to it.
    pub fn unbalanced_vouchers(&self) -> Result<i64> {
        sql::unbalanced_vouchers(self.store.conn())
    }

    /// Every voucher of a grant year, in book order (for tests, the demo and exports; the window
    /// pages through `vouchers`).
    pub fn vouchers_of(&self, grant_year_id: i64) -> Result<Vec<Voucher>> {
        let (_, rows) = sql::vouchers(self.store.conn(), grant_year_id, None, false, i64::MAX, 0)?;
        self.voucher_views(rows)
    }

    /// The payments of a service project (and their reversals), in book order.
    pub fn vouchers_of_project(&self, project_id: i64) -> Result<Vec<Voucher>> {
        self.voucher_views(sql::vouchers_of_project(self.store.conn(), project_id)?)
    }

    fn voucher_view(&self, row: VoucherRow) -> Result<Voucher> {
        Ok(self.voucher_views(vec![row])?.remove(0))
    }

    /// The window's view of stored vouchers. What every voucher shares (category and account
    /// names, the grant years) is read once per call, not once per voucher.
    fn voucher_views(&self, rows: Vec<VoucherRow>) -> Result<Vec<Voucher>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let conn = self.store.conn();
        let names = gsql::category_names(conn)?;
        let accounts = sql::account_names(conn)?;
        let years = gsql::grant_years(conn)?;
        let cat_name = |c: &Option<String>| {
            c.as_ref().and_then(|c| names.iter().find(|(code, _)| code == c).map(|(_, n)| n.clone()))
        };
        let link =
            |r: &VoucherRow| VoucherLink { id: r.id, number: ledger::voucher_number(r.year, r.seq), date: r.date };
        rows.into_iter()
            .map(|row| {
                let lines = sql::lines(conn, row.id)?;
                let reverses = row.reverses_id.map(|id| sql::voucher(conn, id)).transpose()?.map(|r| link(&r));
                let reversal = sql::reversal_of(conn, row.id)?;
                let gy = years
                    .iter()
                    .find(|g| g.id == row.grant_year_id)
                    .ok_or(CoreError::NotFound { what: "资助年度" })?;
                let actions = VoucherActions { reverse: Permission::of(reversible(&row, reversal.as_ref(), gy)) };
                let category = lines.iter().find_map(|l| l.category.clone());
                Ok(Voucher {
                    id: row.id,
                    number: ledger::voucher_number(row.year, row.seq),
                    date: row.date,
                    kind: row.kind,
                    summary: row.summary.clone(),
                    grant_year_id: row.grant_year_id,
                    payee: row.payee.clone(),
                    payment_method: row.method,
                    amount: lines.iter().map(|l| l.debit).sum(),
                    source: lines.first().map(|l| l.source).unwrap_or(FundSource::City),
                    category_name: cat_name(&category),
                    category,
                    lines: lines
                        .iter()
                        .map(|l| VoucherLineView {
                            account_name: accounts
                                .iter()
                                .find(|(chart, code, _)| *chart == row.chart && *code == l.account_code)
                                .map(|(_, _, n)| n.clone())
                                .unwrap_or_default(),
                            account_code: l.account_code.clone(),
                            debit: l.debit,
                            credit: l.credit,
                            source: l.source,
                            category_name: cat_name(&l.category),
                            category: l.category.clone(),
                        })
                        .collect(),
                    attachments: sql::attachments(conn, row.id)?,
                    reverses,
                    reversed_by: reversal.as_ref().map(link),
                    project_name: row
                        .project_id
                        .map(|id| crate::store::projects::project(conn, id).map(|p| p.name))
                        .transpose()?,
                    project_id: row.project_id,
                    operator: row.operator,
                    created_at: row.created_at,
                    actions,
                })
            })
            .collect()
    }

    /// Budget left and cash, per budget line and source, for the expense form.
    pub fn spend_options(&self, grant_year_id: i64) -> Result<Vec<SpendOption>> {
        spend_options(self.store.conn(), grant_year_id)
    }

    /// The months of a grant year's execution period, closed or open, with voucher counts.
    pub fn months(&self, grant_year_id: i64) -> Result<MonthsView> {
        months_view(self.store.conn(), grant_year_id, self.today())
    }

    /// 结账: the month has ended, every earlier month with vouchers is closed, and it is not closed yet.
    pub fn month_close(&mut self, month: &str) -> Result<()> {
        let m = Month::parse(month)?;
        let today = self.today();
        if m.last_day() >= today {
            return Err(CoreError::field(
                "month",
                format!("{}还没有结束（到 {} ），月末之后才能结账", m.label(), m.last_day()),
            ));
        }
        let actor = self.actor();
        self.store.with_tx(|tx| {
            if sql::is_closed(tx, m)? {
                return Err(CoreError::field("month", format!("{}已经结账", m.label())));
            }
            // A storage failure while asking whether an earlier month is closed is that failure,
            // never "closed": skipping the order check would let months close out of order.
            let mut open_before: Vec<Month> = Vec::new();
            for k in sql::months_with_vouchers(tx)? {
                if k < m.to_string() {
                    let earlier = Month::parse(&k)?;
                    if !sql::is_closed(tx, earlier)? {
                        open_before.push(earlier);
                    }
                }
            }
            if let Some(first) = open_before.first() {
                return Err(CoreError::rule(
                    "month",
                    "R-PERIOD",
                    format!("请按月份顺序结账：{}还有凭证未结账，先结{}", first.label(), first.label()),
                ));
            }
            sql::month_close(tx, &actor, m)
        })
    }

    /// 反结账: an explicit, audited act with a reason; later closed months are reopened first.
    pub fn month_reopen(&mut self, month: &str, reason: &str) -> Result<()> {
        let m = Month::parse(month)?;
        let reason = clean_line(reason);
        if reason.is_empty() {
            return Err(CoreError::field("reason", "反结账必须写明原因，例如 补记遗漏的3月办公费发票"));
        }
        if reason.chars().count() > 100 {
            return Err(CoreError::field("reason", "原因不超过100个字"));
        }
        let actor = self.actor();
        self.store.with_tx(|tx| {
            if !sql::is_closed(tx, m)? {
                return Err(CoreError::field("month", format!("{}没有结账，无需反结账", m.label())));
            }
            let later = sql::closed_months(tx)?.into_iter().map(|(k, ..)| k).rfind(|k| *k > m.to_string());
            if let Some(later) = later {
                let later = Month::parse(&later)?;
                return Err(CoreError::rule(
                    "month",
                    "R-PERIOD",
                    format!("{}也已结账：请从最后结账的月份（{}）开始依次反结账", later.label(), later.label()),
                ));
            }
            sql::month_reopen(tx, &actor, m, &reason)
        })
    }
}

/// Today, the operator and where attachments live, read from the facade before its transaction.
struct Posting {
    today: NaiveDate,
    actor: Actor,
    attachments_dir: Option<PathBuf>,
    books_path: Option<PathBuf>,
}

/// Where the attachment files of books at `books_path` live: the configured folder, else
/// `attachments/` beside the books file.
fn attachment_dir_of(configured: Option<&Path>, books_path: Option<&Path>) -> Result<AttachmentDir> {
    if let Some(dir) = configured {
        return Ok(AttachmentDir::new(dir.to_path_buf()));
    }
    let parent = books_path
        .and_then(|p| p.parent())
        .ok_or_else(|| CoreError::field("attachments", "这个账簿没有保存在磁盘上，不能添加附件"))?;
    Ok(AttachmentDir::new(parent.join("attachments")))
}

/// One expense inside the caller's transaction: every check `expense_post` makes, then the voucher
/// with its audit row. `reading` says where R-SPEND's position comes from (see `Reading`).
fn post_expense(tx: &WriteTx<'_>, at: &Posting, input: &ExpenseInput, reading: &mut Reading) -> Result<VoucherRow> {
    let gy = gsql::grant_year(tx, input.grant_year_id)?;
    grant::check_action(gy.year, gy.status, GrantAction::PostExpense)?;
    let names = gsql::category_names(tx)?;
    let valid = input.validate(period_of(&gy), &names, at.today)?;
    // Dated inside the period, which lies under one chart (R-CHART): the chart of its date.
    let accounts = sql::accounts_of_year(tx, gy.id)?;
    let role = sql::category_expense_role(tx, &valid.category)?;
    let lines = ledger::expense_lines(&accounts, &valid, role);
    let category_name = names.iter().find(|(c, _)| *c == valid.category).map(|(_, n)| n.clone()).unwrap_or_default();
    let dir = attachment_dir_of(at.attachments_dir.as_deref(), at.books_path.as_deref());
    let files = verify_refs(dir, &valid.attachments, Evidence::Attachments)?;
    ledger::check_open(sql::is_closed(tx, Month::of(valid.date))?, valid.date)?;
    if let Some(pid) = valid.project_id {
        position::check_project_payment(tx, &accounts, gy.id, pid, &valid, &category_name)?;
    }
    // A payment to a project spends what its own agreement holds, so it is seen from it.
    let pos = reading.position(tx, &accounts, gy.id, &valid.category, valid.source, valid.project_id)?;
    ledger::check_spend(pos.spend(), valid.amount, &category_name, valid.source)?;
    let row = sql::voucher_insert(
        tx,
        &at.actor,
        &NewVoucher {
            date: valid.date,
            kind: VoucherKind::Expense,
            summary: &valid.summary,
            grant_year_id: gy.id,
            receipt_id: None,
            reverses_id: None,
            payee: &valid.payee,
            method: valid.method,
            chart: &accounts.chart,
            project_id: valid.project_id,
            lines: &lines,
        },
    )?;
    sql::attach(tx, &at.actor, row.id, &files)?;
    reading.posted(gy.id, &valid.category, valid.source, valid.project_id, valid.amount);
    Ok(row)
}

/// Whether `original` may be reversed now: the one check `voucher_reverse` makes and the window's
/// 冲销 button shows (`reversal` is the reversal already posted, if any).
fn reversible(original: &VoucherRow, reversal: Option<&VoucherRow>, gy: &gsql::GrantYear) -> Result<()> {
    let number = ledger::voucher_number(original.year, original.seq);
    let by = reversal.map(|r| (ledger::voucher_number(r.year, r.seq), r.date));
    ledger::check_reversible(
        &number,
        original.kind == VoucherKind::Reversal,
        by.as_ref().map(|(n, d)| (n.as_str(), *d)),
        gy.year,
        gy.status,
    )
}

/// Budget left and cash, per budget line and source, for the expense form (the position model).
pub(crate) fn spend_options(conn: &rusqlite::Connection, grant_year_id: i64) -> Result<Vec<SpendOption>> {
    Ok(position::positions(conn, grant_year_id, None)?
        .into_iter()
        .filter(|p| !(p.budget.is_zero() && p.spent.is_zero()))
        .map(|p| SpendOption {
            remaining: p.expense_room(),
            category: p.category,
            category_name: p.category_name,
            source: p.source,
            budget: p.budget,
            spent: p.spent,
            committed: p.committed,
            cash: p.cash,
        })
        .collect())
}

/// The months of a grant year's execution period on `today`, closed or open, with voucher counts.
pub(crate) fn months_view(conn: &rusqlite::Connection, grant_year_id: i64, today: NaiveDate) -> Result<MonthsView> {
    let gy = gsql::grant_year(conn, grant_year_id)?;
    let closed = sql::closed_months(conn)?;
    let counts = sql::vouchers_by_month(conn, grant_year_id)?;
    let mut months = Vec::new();
    let mut m = Month::of(gy.period_start);
    let last = Month::of(gy.period_end);
    while m <= last {
        let key = m.to_string();
        let c = closed.iter().find(|(k, ..)| *k == key);
        months.push(MonthStatus {
            label: m.label(),
            closed: c.is_some(),
            closed_at: c.map(|(_, at, _)| at.clone()),
            closed_by: c.map(|(.., by)| by.clone()),
            vouchers: counts.iter().find(|(k, _)| *k == key).map(|(_, n)| *n).unwrap_or(0),
            ended: m.last_day() < today,
            month: key,
        });
        m = m.next();
    }
    Ok(MonthsView { months, events: sql::period_events(conn)? })
}

/// Posts the voucher of a receipt inside the receipt's own transaction (called by `receipt_add`).
pub(crate) fn post_receipt(
    tx: &rusqlite::Transaction<'_>,
    actor: &crate::store::Actor,
    gy: &gsql::GrantYear,
    receipt: &gsql::Receipt,
) -> Result<VoucherRow> {
    ledger::check_open(sql::is_closed(tx, Month::of(receipt.date))?, receipt.date)?;
    // A receipt dated inside the period is on the chart of its date; one that arrives after the
    // period (late district matching in January) stays on its year's chart, so that one grant
    // year's books never mix two charts.
    let accounts = sql::accounts_of_year(tx, gy.id)?;
    let lines: Vec<PostingLine> = ledger::receipt_lines(&accounts, receipt.source, receipt.amount);
    let mut summary = format!(
        "{}年度{}到账",
        gy.year,
        match receipt.source {
            FundSource::City => "市级专项资金",
            FundSource::District => "区级配套资金",
        }
    );
    if !receipt.bank_ref.is_empty() {
        summary.push_str(&format!("（{}）", receipt.bank_ref));
    }
    sql::voucher_insert(
        tx,
        actor,
        &NewVoucher {
            date: receipt.date,
            kind: VoucherKind::Receipt,
            summary: &summary,
            grant_year_id: gy.id,
            receipt_id: Some(receipt.id),
            reverses_id: None,
            payee: "",
            method: PaymentMethod::Bank,
            chart: &accounts.chart,
            project_id: None,
            lines: &lines,
        },
    )
}
