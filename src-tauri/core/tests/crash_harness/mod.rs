//! The crash harness shared by `examples/crash_harness.rs` (the long run, 200 kills) and
//! `tests/crash.rs` (the short run in `cargo test`): a child process posts receipts, expenses,
//! reversals, attachments and month closes at random against a real file and logs every call that
//! returned; the parent kills it with SIGKILL at a random moment, reopens the books and proves that
//! nothing the child was told is committed went missing and that the file is whole.
//!
//! The log is the child's word: a line is written only after the facade call returned `Ok`, so a
//! voucher in the log was committed. Before each call the child writes an intent line (`T`); if the
//! kill lands between the commit and the log line, the parent sees the intent without an outcome and
//! accepts exactly one extra voucher (or one month flip, or that voucher's attachments) matching it —
//! nothing else may differ from the log.
//!
//! What a process kill proves, and what it does not: the kernel keeps the page cache of a killed
//! process, so this tests the app's transaction boundaries, its file handling (temp file + rename for
//! attachments, WAL recovery on reopen, the read-only inspection before opening) and its numbering
//! — not what reaches the platter on a power cut. That is `synchronous=FULL`'s job (an fsync of the
//! WAL on every commit), which a process kill cannot observe.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow, bail, ensure};
use chrono::NaiveDate;
use shelian_core::books::ledger::VoucherQuery;
use shelian_core::books::reports::LedgerFilter;
use shelian_core::demo::Rng;
use shelian_core::domain::grant::{
    ApprovalInput, BudgetLineInput, FundSource, GrantStatus, GrantYearInput, ReceiptInput,
};
use shelian_core::domain::ledger::{AttachmentRef, ExpenseInput, Month, PaymentMethod, ReversalInput};
use shelian_core::store::ledger::VoucherKind;
use shelian_core::{Books, Clock, CoreError, FederationInput, Money, OpenOptions, attachments, credit_code};

/// The child's "today": after the whole execution year, so every month of 2019 may be closed.
const TODAY: &str = "2020-01-20";
const YEAR: i32 = 2019;
/// The first month with postings (the grant is approved on 2019-03-01).
const FIRST_MONTH: u32 = 3;
const CATS: [&str; 4] = ["activity", "labor", "office", "audit"];
const METHODS: [PaymentMethod; 3] = [PaymentMethod::Bank, PaymentMethod::Cash, PaymentMethod::Other];

fn open_options() -> OpenOptions {
    let today = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").expect("date");
    OpenOptions {
        operator: "崩溃测试".into(),
        clock: Clock::Fixed(today.and_hms_opt(9, 0, 0).expect("time")),
        attachments_dir: None,
    }
}

fn month(m: u32) -> Month {
    Month::parse(&format!("{YEAR}-{m:02}")).expect("month")
}

fn kind_str(k: VoucherKind) -> &'static str {
    k.as_str()
}

/// A facade error as a failed check reports it: its `Debug` form (the variant, every field problem
/// with its rule, SQLite's extended code), not the one Chinese sentence its `Display` is for the person.
fn facade(e: CoreError) -> anyhow::Error {
    anyhow!("{e:?}")
}

// ---------------------------------------------------------------------------------------------
// The child
// ---------------------------------------------------------------------------------------------

/// The child's log: each line is written with one `write` call (a kill never splits it in the page
/// cache), and outcome lines are fsynced, as the brief of the harness asks of a witness.
struct Log(std::fs::File);

impl Log {
    fn intent(&mut self, what: &str) -> anyhow::Result<()> {
        // No fsync: the intent only has to survive a process kill, which keeps the page cache.
        self.0.write_all(format!("T\t{what}\n").as_bytes()).context("writing an intent to the log")
    }

    fn outcome(&mut self, line: &str) -> anyhow::Result<()> {
        self.0.write_all(format!("{line}\n").as_bytes()).context("writing an outcome to the log")?;
        self.0.sync_data().context("syncing the log")
    }
}

/// Sets up a federation, a 2019 grant year and its budget, step by step from whatever state an
/// earlier child was killed in, and returns the grant year's id.
fn setup(books: &mut Books) -> Result<i64, CoreError> {
    if books.federation_get()?.is_none() {
        books.federation_save(&FederationInput {
            name: "梅园新村街道社区社会组织联合会".into(),
            credit_code: credit_code::with_check_char("51320102MJ5000001").expect("code"),
            street: "梅园新村街道".into(),
            district: "玄武区".into(),
            recognition_date: "2018-10-15".into(),
            recognition_doc_no: "玄民〔2018〕12号".into(),
            legal_rep: "王芳".into(),
            secretary: "李静".into(),
            phone: "025-84561234".into(),
            ..Default::default()
        })?;
    }
    let id = match books.grant_years()?.first() {
        Some(g) => g.id,
        None => {
            books
                .grant_year_create(&GrantYearInput { year: YEAR, city_amount: "200000".into(), ..Default::default() })?
                .grant
                .id
        }
    };
    let mut detail = books.grant_year(id)?;
    if detail.grant.status == GrantStatus::Applying {
        detail = books
            .grant_year_approve(id, &ApprovalInput { doc_no: "宁民发〔2019〕1号".into(), date: "2019-03-01".into() })?;
    }
    if detail.grant.status == GrantStatus::Approved {
        if detail.budget.is_empty() {
            let line = |c: &str, a: &str| BudgetLineInput {
                category: c.into(),
                city_amount: a.into(),
                district_amount: a.into(),
            };
            books.budget_set(
                id,
                &[line("activity", "80000"), line("labor", "60000"), line("office", "40000"), line("audit", "20000")],
            )?;
        }
        books.grant_year_start(id)?;
    }
    Ok(id)
}

/// A small file that passes the attachment door (a PNG signature), unique per call.
fn scan(rng: &mut Rng) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    let len = 16 + rng.below(4096) as usize;
    bytes.extend((0..len).map(|_| rng.next_u64() as u8));
    bytes
}

fn date_in(rng: &mut Rng, m: u32) -> String {
    let last = month(m).last_day();
    let day = 1 + rng.below(u64::from(chrono::Datelike::day(&last))) as u32;
    format!("{YEAR}-{m:02}-{day:02}")
}

/// Runs the child until it is killed: random valid operations, each logged after it returned.
/// Returns only on an error that is not a refusal (storage, I/O): the parent treats that as a failure.
pub fn child(file: &Path, log: &Path, seed: u64) -> anyhow::Result<()> {
    let mut rng = Rng::new(seed);
    let mut log = Log(std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .with_context(|| format!("log {}", log.display()))?);
    let mut books = Books::open(file, open_options()).map_err(facade).context("open")?;
    let gy = setup(&mut books).map_err(facade).context("setup")?;
    // Which months are closed, kept in step with the child's own closes and reopens.
    let view = books.months(gy).map_err(facade).context("months")?;
    let mut closed: BTreeSet<u32> =
        view.months.iter().filter(|s| s.closed).filter_map(|s| s.month[5..].parse().ok()).collect();
    loop {
        let open = (FIRST_MONTH..=12).find(|m| !closed.contains(m));
        let roll = rng.below(100);
        let total = books
            .vouchers(&VoucherQuery { grant_year_id: gy, month: None, page: 1, page_size: 1 })
            .map_err(facade)
            .context("counting the vouchers")?
            .total;
        let result: Result<String, CoreError> = match open {
            // Reopen the last closed month now and then (and always once December is closed), so
            // the run keeps posting for as long as it lasts.
            None => reopen(&mut books, &mut log, &mut closed)?,
            Some(_) if roll < 2 && !closed.is_empty() => reopen(&mut books, &mut log, &mut closed)?,
            Some(m) if roll < 6 => {
                log.intent(&format!("close\t{m}"))?;
                books.month_close(&month(m).to_string()).map(|()| {
                    closed.insert(m);
                    format!("M\tclose\t{m}")
                })
            }
            Some(m) if roll < 20 => {
                let source = if rng.below(2) == 0 { FundSource::City } else { FundSource::District };
                let fen = 10_000 + rng.below(2_000_000) as i64;
                let input = ReceiptInput {
                    source,
                    date: date_in(&mut rng, m),
                    amount: Money::from_fen(fen).to_string(),
                    bank_ref: String::new(),
                    note: String::new(),
                };
                log.intent("receipt")?;
                books.receipt_add(gy, &input).and_then(|_| {
                    // The receipt's voucher is the newest one: this child is the only writer.
                    let v = books.voucher_get(total + 1)?;
                    Ok(voucher_line(&v.number, v.id, v.kind, v.amount, &[]))
                })
            }
            Some(m) if roll < 70 => {
                let mut refs = Vec::new();
                if rng.below(3) == 0 {
                    refs.push(store_file(&books, &mut log, &mut rng)?);
                }
                let input = ExpenseInput {
                    grant_year_id: gy,
                    date: date_in(&mut rng, m),
                    summary: "崩溃测试支出".into(),
                    category: CATS[rng.below(4) as usize].into(),
                    source: if rng.below(2) == 0 { FundSource::City } else { FundSource::District },
                    amount: Money::from_fen(1 + rng.below(30_000) as i64).to_string(),
                    payee: "某服务单位".into(),
                    payment_method: METHODS[rng.below(3) as usize],
                    attachments: refs.clone(),
                    project_id: None,
                };
                log.intent("expense")?;
                books.expense_post(&input).map(|v| {
                    let shas: Vec<&str> = refs.iter().map(|r| r.sha256.as_str()).collect();
                    voucher_line(&v.number, v.id, v.kind, v.amount, &shas)
                })
            }
            Some(m) if roll < 88 && total > 0 => {
                let id = 1 + rng.below(total as u64) as i64;
                let input =
                    ReversalInput { voucher_id: id, date: date_in(&mut rng, m), reason: "崩溃测试更正".into() };
                log.intent(&format!("reverse\t{id}"))?;
                books.voucher_reverse(&input).map(|v| voucher_line(&v.number, v.id, v.kind, v.amount, &[]))
            }
            Some(_) if total > 0 => {
                let id = 1 + rng.below(total as u64) as i64;
                let r = store_file(&books, &mut log, &mut rng)?;
                log.intent(&format!("attach\t{id}"))?;
                books.voucher_attach(id, std::slice::from_ref(&r)).map(|_| format!("A\t{id}\t{}", r.sha256))
            }
            Some(_) => continue,
        };
        match result {
            Ok(line) => log.outcome(&line)?,
            // A refusal (over budget, no cash, a closed month, a double reversal …) wrote nothing.
            Err(CoreError::Validation(p)) => log.outcome(&format!("N\t{}", p[0].message.replace(['\t', '\n'], " ")))?,
            Err(e) => bail!("not a refusal: {e:?}"),
        }
    }
}

fn reopen(books: &mut Books, log: &mut Log, closed: &mut BTreeSet<u32>) -> anyhow::Result<Result<String, CoreError>> {
    let Some(&m) = closed.last() else { return Ok(Ok("N\tnothing to reopen".into())) };
    log.intent(&format!("reopen\t{m}"))?;
    Ok(books.month_reopen(&month(m).to_string(), "崩溃测试补记").map(|()| {
        closed.remove(&m);
        format!("M\treopen\t{m}")
    }))
}

fn store_file(books: &Books, log: &mut Log, rng: &mut Rng) -> anyhow::Result<AttachmentRef> {
    let stored = books.attachment_store("扫描件.png", &scan(rng)).map_err(facade).context("attachment_store")?;
    log.outcome(&format!("F\t{}", stored.sha256))?;
    Ok(AttachmentRef { sha256: stored.sha256, file_name: stored.file_name })
}

fn voucher_line(number: &str, id: i64, kind: VoucherKind, amount: Money, shas: &[&str]) -> String {
    format!("V\t{number}\t{id}\t{}\t{}\t{}", kind_str(kind), amount.to_fen(), shas.join(","))
}

// ---------------------------------------------------------------------------------------------
// The parent
// ---------------------------------------------------------------------------------------------

/// A voucher as the child reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expected {
    number: String,
    kind: String,
    amount_fen: i64,
    shas: BTreeSet<String>,
}

/// What the file must hold, built from the child's log (plus what the parent adopted after a kill
/// that landed between a commit and its log line).
#[derive(Debug, Default)]
struct Model {
    vouchers: BTreeMap<i64, Expected>,
    closed: BTreeSet<u32>,
    files: BTreeSet<String>,
    /// The intent of the call that was running when the child died, if it logged no outcome.
    pending: Option<String>,
    /// Bytes of the log already read.
    offset: usize,
    refusals: u64,
    month_events: u64,
    adopted: u64,
    /// Log lines for what the parent adopted after this kill, appended to the log (marked
    /// `adopted`) so that the log alone describes the file again.
    adoptions: Vec<String>,
}

impl Model {
    fn read_log(&mut self, log: &Path) -> anyhow::Result<()> {
        let bytes = std::fs::read(log).unwrap_or_default();
        let complete = bytes.iter().rposition(|&b| b == b'\n').map(|i| i + 1).unwrap_or(0);
        if complete < bytes.len() {
            // A line cut by the kill is no promise; drop it so the next child starts on a clean line.
            let f = std::fs::OpenOptions::new()
                .write(true)
                .open(log)
                .with_context(|| format!("opening {} to drop its cut line", log.display()))?;
            f.set_len(complete as u64).with_context(|| format!("dropping the cut line of {}", log.display()))?;
        }
        let text = std::str::from_utf8(&bytes[self.offset.min(complete)..complete])
            .with_context(|| format!("{} is not UTF-8", log.display()))?;
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            match f[0] {
                "T" => self.pending = Some(f[1..].join("\t")),
                "F" => {
                    self.files.insert(f[1].to_owned());
                }
                "V" => {
                    let shas: BTreeSet<String> = f[5].split(',').filter(|s| !s.is_empty()).map(String::from).collect();
                    let id: i64 = f[2].parse().with_context(|| format!("bad log line {line:?}"))?;
                    let e = Expected {
                        number: f[1].into(),
                        kind: f[3].into(),
                        amount_fen: f[4].parse().with_context(|| format!("bad log line {line:?}"))?,
                        shas,
                    };
                    if f.get(6) == Some(&"adopted") {
                        self.adopted += 1;
                    }
                    if self.vouchers.insert(id, e).is_some() {
                        bail!("the child reported voucher id {id} twice");
                    }
                    self.pending = None;
                }
                "A" => {
                    let id: i64 = f[1].parse().with_context(|| format!("bad log line {line:?}"))?;
                    let v = self.vouchers.get_mut(&id).with_context(|| format!("attach to unknown voucher {id}"))?;
                    v.shas.insert(f[2].into());
                    self.pending = None;
                }
                "M" => {
                    let m: u32 = f[2].parse().with_context(|| format!("bad log line {line:?}"))?;
                    if f[1] == "close" {
                        self.closed.insert(m);
                    } else {
                        self.closed.remove(&m);
                    }
                    self.month_events += 1;
                    self.pending = None;
                }
                "N" => {
                    self.refusals += 1;
                    self.pending = None;
                }
                other => bail!("unknown log line kind {other:?}"),
            }
        }
        self.offset = complete;
        Ok(())
    }
}

/// Totals of a run, printed at the end.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    pub kills: u32,
    /// Kills that landed before the grant year was executing (during open, migration or setup).
    pub kills_in_setup: u32,
    pub vouchers_logged: u64,
    pub vouchers_in_file: u64,
    pub adopted: u64,
    pub attachments: u64,
    pub files: u64,
    pub month_events: u64,
    pub refusals: u64,
    /// Temporary attachment files a kill left behind (never under a real name).
    pub leftover_temp_files: u64,
    pub checks: u64,
    pub losses: u64,
    pub elapsed: Duration,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "kills:                   {} ({} during open/setup)", self.kills, self.kills_in_setup)?;
        writeln!(f, "vouchers in the file:    {}", self.vouchers_in_file)?;
        writeln!(f, "  reported by the child: {}", self.vouchers_logged)?;
        writeln!(f, "  committed, unlogged:   {} (killed between commit and log; matched its intent)", self.adopted)?;
        writeln!(f, "attachments linked:      {} ({} files stored)", self.attachments, self.files)?;
        writeln!(f, "month closes/reopens:    {}", self.month_events)?;
        writeln!(f, "refusals (wrote nothing):{}", self.refusals)?;
        writeln!(f, "temp files left by kills:{}", self.leftover_temp_files)?;
        writeln!(f, "checks passed:           {}", self.checks)?;
        writeln!(f, "losses:                  {}", self.losses)?;
        write!(f, "wall time:               {:.1} s", self.elapsed.as_secs_f64())
    }
}

/// How the parent starts a child on `file`, logging to `log`, with `seed`.
pub type Spawn<'a> = &'a dyn Fn(&Path, &Path, u64) -> Command;

/// Kills `kills` children at random moments between `min_ms` and `max_ms` after their start and
/// checks the file after each. The first failed check ends the run with its message.
pub fn parent(
    kills: u32,
    seed: u64,
    min_ms: u64,
    max_ms: u64,
    spawn: Spawn<'_>,
    quiet: bool,
) -> anyhow::Result<Summary> {
    let dir = tempfile::tempdir().context("creating the run's temporary folder")?;
    parent_in(dir.path(), kills, seed, min_ms, max_ms, spawn, quiet).inspect_err(|_| {
        // Keep the books and the log for whoever reads the message.
        let _ = dir.keep();
    })
}

/// [`parent`] in a given folder (`books.shelian`, `committed.log` and `attachments/` go there).
pub fn parent_in(
    dir: &Path,
    kills: u32,
    seed: u64,
    min_ms: u64,
    max_ms: u64,
    spawn: Spawn<'_>,
    quiet: bool,
) -> anyhow::Result<Summary> {
    let start = Instant::now();
    let file = dir.join("books.shelian");
    let log = dir.join("committed.log");
    let stderr_path = dir.join("child.stderr");
    let mut rng = Rng::new(seed);
    let mut model = Model::default();
    let mut summary = Summary::default();
    for n in 1..=kills {
        let stderr =
            std::fs::File::create(&stderr_path).with_context(|| format!("creating {}", stderr_path.display()))?;
        let mut child = spawn(&file, &log, rng.next_u64())
            .stdout(std::process::Stdio::null())
            .stderr(stderr)
            .spawn()
            .context("spawning the child")?;
        let wait = min_ms + rng.below(max_ms - min_ms + 1);
        std::thread::sleep(Duration::from_millis(wait));
        if let Some(status) = child.try_wait().with_context(|| format!("kill {n}: polling the child"))? {
            let err = std::fs::read_to_string(&stderr_path).unwrap_or_default();
            bail!("kill {n}: the child ended by itself ({status}) before the kill:\n{err}");
        }
        // SIGKILL on unix (TerminateProcess on Windows): no destructor, no rollback, no flush runs.
        child.kill().with_context(|| format!("kill {n}: killing the child"))?;
        child.wait().with_context(|| format!("kill {n}: reaping the child"))?;
        summary.kills = n;
        model.read_log(&log).with_context(|| format!("kill {n}: reading the log"))?;
        let checks = check(&file, &mut model, &mut summary)
            .with_context(|| format!("kill {n} (after {wait} ms; books and log kept in {})", dir.display()))?;
        if !model.adoptions.is_empty() {
            let mut f = std::fs::OpenOptions::new()
                .append(true)
                .open(&log)
                .context("opening the log to append the adoptions")?;
            for line in model.adoptions.drain(..) {
                writeln!(f, "{line}").context("appending an adoption to the log")?;
            }
            model.offset = std::fs::metadata(&log).context("the log's length")?.len() as usize;
        }
        summary.checks += checks;
        if !quiet && (n % 20 == 0 || n == kills) {
            eprintln!("kill {n}/{kills}: {} vouchers, {} checks passed", summary.vouchers_in_file, summary.checks);
        }
    }
    summary.vouchers_logged = model.vouchers.len() as u64 - model.adopted;
    summary.adopted = model.adopted;
    summary.files = model.files.len() as u64;
    summary.month_events = model.month_events;
    summary.refusals = model.refusals;
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// Checks the books in `dir` against the whole of its log, as after a kill: the test of the harness
/// itself uses it to show that a tampered file or log is caught.
pub fn verify_in(dir: &Path) -> anyhow::Result<u64> {
    let mut model = Model::default();
    model.read_log(&dir.join("committed.log"))?;
    check(&dir.join("books.shelian"), &mut model, &mut Summary::default())
}

/// Runs every check on the file after a kill; returns how many checks passed.
fn check(file: &Path, model: &mut Model, summary: &mut Summary) -> anyhow::Result<u64> {
    let mut checks = 0u64;

    // 1. The app opens the file again (WAL recovery, the read-only inspection, quick_check).
    if !file.exists() {
        summary.kills_in_setup += 1;
        return Ok(0);
    }
    let books = Books::open(file, open_options()).map_err(facade).context("Books::open refused the file")?;
    checks += 1;

    // 2. SQLite's own full integrity check and foreign keys, on a separate connection.
    let conn = rusqlite::Connection::open(file).context("opening a second connection")?;
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .context("running PRAGMA integrity_check")?;
    ensure!(integrity == ["ok"], "PRAGMA integrity_check: {integrity:?}");
    checks += 1;
    let fk: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))
        .context("running the foreign-key check")?;
    ensure!(fk == 0, "{fk} foreign-key violations");
    checks += 1;

    let gy = match books.grant_years().map_err(facade).context("grant_years")?.first() {
        Some(g) if g.status == GrantStatus::Executing => g.id,
        _ => {
            // Killed while opening, migrating or setting up: no voucher may exist yet.
            let n: i64 = conn.query_row("SELECT count(*) FROM voucher", [], |r| r.get(0)).unwrap_or(0);
            ensure!(n == 0 && model.vouchers.is_empty(), "{n} vouchers in a file whose grant year is not executing");
            summary.kills_in_setup += 1;
            return Ok(checks);
        }
    };

    // 3. Every voucher the child was told is committed is there, as reported; at most the one call
    //    in flight at the kill added something the log does not know, and it must match its intent.
    let rows: Vec<(i64, String, i64, i64)> = conn
        .prepare("SELECT id, kind, year, seq FROM voucher ORDER BY id")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?.collect())
        .context("reading the vouchers")?;
    let in_file: BTreeSet<i64> = rows.iter().map(|r| r.0).collect();
    let missing: Vec<&Expected> =
        model.vouchers.iter().filter(|(id, _)| !in_file.contains(id)).map(|(_, e)| e).collect();
    if !missing.is_empty() {
        summary.losses += missing.len() as u64;
        bail!("LOSS: {} committed vouchers are missing, first {:?}", missing.len(), missing[0]);
    }
    let extra: Vec<i64> = in_file.iter().filter(|id| !model.vouchers.contains_key(id)).copied().collect();
    let pending = model.pending.take();
    match (extra.as_slice(), pending.as_deref()) {
        ([], _) => {}
        ([id], Some(p)) if p == "receipt" || p == "expense" || p.starts_with("reverse\t") => {
            let v = books.voucher_get(*id).map_err(facade).with_context(|| format!("voucher_get({id})"))?;
            let expected_kind = match p {
                "receipt" => VoucherKind::Receipt,
                "expense" => VoucherKind::Expense,
                _ => VoucherKind::Reversal,
            };
            ensure!(
                v.kind == expected_kind,
                "voucher {} is a {:?}, but the call in flight was {p:?}",
                v.number,
                v.kind
            );
            if let Some(target) = p.strip_prefix("reverse\t")
                && v.reverses.as_ref().map(|l| l.id.to_string()).as_deref() != Some(target)
            {
                bail!("voucher {} does not reverse voucher {target}", v.number);
            }
            let shas: Vec<&str> = v.attachments.iter().map(|a| a.sha256.as_str()).collect();
            model.adoptions.push(format!("{}\tadopted", voucher_line(&v.number, v.id, v.kind, v.amount, &shas)));
            let shas = shas.into_iter().map(String::from).collect();
            model.vouchers.insert(
                *id,
                Expected { number: v.number, kind: kind_str(v.kind).into(), amount_fen: v.amount.to_fen(), shas },
            );
            model.adopted += 1;
        }
        _ => bail!("vouchers {extra:?} are in the file but nobody reported them (in flight: {pending:?})"),
    }
    for (id, kind, year, seq) in &rows {
        let e = &model.vouchers[id];
        let number = format!("记-{year}-{seq:04}");
        ensure!(
            e.number == number && e.kind == *kind,
            "voucher {id} is {number} {kind}, the child was told {} {}",
            e.number,
            e.kind
        );
        let v = books.voucher_get(*id).map_err(facade).with_context(|| format!("voucher_get({id})"))?;
        ensure!(
            v.amount.to_fen() == e.amount_fen,
            "{number} is for {} fen, the child was told {}",
            v.amount.to_fen(),
            e.amount_fen
        );
    }
    checks += 1;
    summary.vouchers_in_file = rows.len() as u64;

    // 4. Numbers have no gaps: within each year, 1, 2, 3 …
    let mut by_year: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
    for (_, _, year, seq) in &rows {
        by_year.entry(*year).or_default().push(*seq);
    }
    for (year, mut seqs) in by_year {
        seqs.sort_unstable();
        if let Some((i, s)) = seqs.iter().enumerate().find(|(i, s)| **s != *i as i64 + 1) {
            bail!("voucher numbers of {year} have a gap: position {} holds {s}", i + 1);
        }
    }
    checks += 1;

    // 5. Every voucher balances (the facade's count and an independent sum), has lines, and has its
    //    audit row, written in the same transaction.
    let unbalanced = books.unbalanced_vouchers().map_err(facade).context("unbalanced_vouchers")?;
    ensure!(unbalanced == 0, "the facade counts unbalanced vouchers");
    let bad: i64 = conn
        .query_row(
            "SELECT count(*) FROM voucher v WHERE
               (SELECT count(*) FROM voucher_line l WHERE l.voucher_id = v.id) < 2
            OR (SELECT sum(debit_fen) - sum(credit_fen) FROM voucher_line l WHERE l.voucher_id = v.id) <> 0
            OR (SELECT count(*) FROM audit_log a WHERE a.entity = 'voucher' AND a.entity_id = CAST(v.id AS TEXT)) <> 1",
            [],
            |r| r.get(0),
        )
        .context("counting unbalanced vouchers")?;
    ensure!(bad == 0, "{bad} vouchers unbalanced, without lines or without exactly one audit row");
    let double: i64 = conn
        .query_row(
            "SELECT count(*) FROM voucher r JOIN voucher o ON o.id = r.reverses_id WHERE o.kind = 'reversal'",
            [],
            |r| r.get(0),
        )
        .context("counting reversals of reversals")?;
    ensure!(double == 0, "{double} reversals reverse a reversal");
    checks += 1;

    // 6. The reports tie out to the account balances, and no cash or line is below zero.
    tie_out(&books, gy)?;
    checks += 1;

    // 7. Closed months are the ones the child closed (give or take the call in flight).
    let closed: BTreeSet<u32> = books
        .months(gy)
        .map_err(facade)
        .context("months")?
        .months
        .iter()
        .filter(|m| m.closed)
        .filter_map(|m| m.month[5..].parse().ok())
        .collect();
    if closed != model.closed {
        let flip = pending.as_deref().and_then(|p| p.split_once('\t')).and_then(|(op, m)| {
            let m: u32 = m.parse().ok()?;
            let mut after = model.closed.clone();
            match op {
                "close" => after.insert(m),
                "reopen" => after.remove(&m),
                _ => return None,
            };
            Some(after)
        });
        ensure!(
            flip.as_ref() == Some(&closed),
            "closed months {closed:?}, the child was told {:?} (in flight: {pending:?})",
            model.closed
        );
        let (op, m) = pending.as_deref().and_then(|p| p.split_once('\t')).unwrap_or_default();
        model.adoptions.push(format!("M\t{op}\t{m}\tadopted"));
        model.month_events += 1;
        model.closed = closed;
    }
    checks += 1;

    // 8. Attachments: every link the child was told of is there, links appear only where the call in
    //    flight could have made them, and every linked and every stored file exists and hashes right.
    let links: Vec<(i64, String)> = conn
        .prepare("SELECT voucher_id, sha256 FROM voucher_attachment ORDER BY voucher_id")
        .and_then(|mut s| s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
        .context("reading the attachment links")?;
    let mut linked: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for (id, sha) in &links {
        linked.entry(*id).or_default().insert(sha.clone());
    }
    let in_flight_attach: Option<i64> =
        pending.as_deref().and_then(|p| p.strip_prefix("attach\t")).and_then(|id| id.parse().ok());
    for (id, e) in model.vouchers.iter_mut() {
        let have = linked.remove(id).unwrap_or_default();
        if !e.shas.is_subset(&have) {
            summary.losses += 1;
            bail!("LOSS: {} lost attachments {:?}", e.number, e.shas.difference(&have).collect::<Vec<_>>());
        }
        if have != e.shas {
            ensure!(
                in_flight_attach == Some(*id) && have.len() == e.shas.len() + 1,
                "{} has attachments nobody reported: {have:?} vs {:?}",
                e.number,
                e.shas
            );
            let new = have.difference(&e.shas).next().cloned().unwrap_or_default();
            model.adoptions.push(format!("A\t{id}\t{new}\tadopted"));
            e.shas = have;
        }
    }
    ensure!(linked.is_empty(), "attachments linked to unknown vouchers: {linked:?}");
    for (_, sha) in &links {
        books
            .attachment_read(sha)
            .map_err(facade)
            .with_context(|| format!("attachment {sha} of the books does not read back"))?;
    }
    summary.attachments = links.len() as u64;
    let dir = file.parent().expect("folder").join("attachments");
    for sha in &model.files {
        let bytes = std::fs::read(dir.join(&sha[..2]).join(sha)).with_context(|| format!("stored file {sha}"))?;
        ensure!(attachments::sha256_hex(&bytes) == *sha, "stored file {sha} does not hash to its name");
    }
    summary.leftover_temp_files = scan_folder(&dir)?;
    checks += 1;
    Ok(checks)
}

/// Every file under a real name in the attachment folder hashes to that name (a kill mid-write may
/// only leave a temporary `.incoming-*` file); returns how many temporary files there are.
fn scan_folder(dir: &Path) -> anyhow::Result<u64> {
    let mut temps = 0;
    let Ok(fans) = std::fs::read_dir(dir) else { return Ok(0) };
    for fan in fans {
        let fan: PathBuf = fan.with_context(|| format!("listing {}", dir.display()))?.path();
        for f in std::fs::read_dir(&fan).with_context(|| format!("listing {}", fan.display()))? {
            let path = f.with_context(|| format!("listing {}", fan.display()))?.path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
            if name.starts_with(".incoming-") {
                temps += 1;
                continue;
            }
            let bytes = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            ensure!(
                attachments::sha256_hex(&bytes) == name,
                "{} holds other content than its name says (a half-written file?)",
                path.display()
            );
        }
    }
    Ok(temps)
}

/// The report totals against the account balances, as `tests/ledger_props.rs` holds them.
fn tie_out(b: &Books, id: i64) -> anyhow::Result<()> {
    let tie = b.tie_out(id).map_err(facade).context("tie_out")?;
    let mut fail = Vec::new();
    let exec = b.report_budget_execution(id).map_err(facade).context("report_budget_execution")?;
    if exec.totals.total.spent != tie.expenses {
        fail.push(format!("预算执行表 spent {} ≠ expenses {}", exec.totals.total.spent, tie.expenses));
    }
    let rows: Money = exec.rows.iter().map(|r| r.total.spent).sum();
    if rows != tie.expenses {
        fail.push(format!("预算执行表 rows {rows} ≠ expenses {}", tie.expenses));
    }
    let whole = b
        .report_ledger(&LedgerFilter { grant_year_id: id, source: None, category: None })
        .map_err(facade)
        .context("report_ledger")?;
    if (whole.closing, whole.total_income, whole.total_expense) != (tie.money, tie.revenue, tie.expenses) {
        fail.push(format!("收支明细账 {:?} ≠ {tie:?}", (whole.closing, whole.total_income, whole.total_expense)));
    }
    let mut by_source = Money::ZERO;
    for s in FundSource::ALL {
        by_source += b
            .report_ledger(&LedgerFilter { grant_year_id: id, source: Some(s), category: None })
            .map_err(facade)
            .with_context(|| format!("report_ledger({s:?})"))?
            .closing;
    }
    if by_source != tie.money {
        fail.push(format!("收支明细账 by source {by_source} ≠ money {}", tie.money));
    }
    let received = b.report_funds(id).map_err(facade).context("report_funds")?.total.received;
    if received != tie.revenue {
        fail.push(format!("资金到账 {received} ≠ revenue {}", tie.revenue));
    }
    let acts = b.report_activities(id).map_err(facade).context("report_activities")?;
    match acts.rows.iter().find(|r| r.label == "费用合计") {
        Some(r) if r.total == tie.expenses => {}
        other => fail.push(format!("业务活动表 费用合计 {other:?} ≠ {}", tie.expenses)),
    }
    for s in b.spend_options(id).map_err(facade).context("spend_options")? {
        if s.cash.is_negative() || s.remaining.is_negative() {
            fail.push(format!("below zero: {s:?}"));
        }
    }
    ensure!(fail.is_empty(), "tie-out: {}", fail.join("; "));
    Ok(())
}
