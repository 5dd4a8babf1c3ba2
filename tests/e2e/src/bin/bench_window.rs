//! One run of the window benchmark (issue 16), driven by `scripts/bench-window.sh`, which starts it
//! under Xvfb with `SHELIAN_APP_BIN` pointing at a wrapper that writes the exec instant (ns since
//! the epoch) to `BENCH_EXEC_STAMP` and the app's pid to `BENCH_APP_PID` before it execs the
//! release binary. Usage: `bench_window DATA_DIR [SHOTS_DIR]`.
//!
//! Measures, and prints as one `key=value` line:
//! - `ready_ms`: exec → the home page's first queries settled and rendered (the page's own
//!   `shelian-home-ready` performance mark, read back as wall-clock time through WebDriver), and on
//!   the way `page_ms` (exec → the page starts loading) and `script_ms` (→ its DOMContentLoaded);
//! - `pss_mb`: PSS of the app and every process under it (WebKit's web and network processes)
//!   3 s after ready, from `/proc/<pid>/smaps_rollup`;
//! - `books_ms`: a click on 记账 → its first page of vouchers on screen (the next animation frame
//!   after the rows exist), timed inside the page;
//! - `execution_ms`: a click on the 报表 tab → the 预算执行表 with its totals row on screen;
//! - `projects_ms`, `members_ms`: then a click on 服务项目 → its list of the year's projects, and
//!   on 成员单位 → its first page of members (no target in the issue; the other list pages).

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use shelian_e2e::App;

/// Clicks `click`, then resolves with the milliseconds until `appears` exists and one more frame
/// has been drawn, all measured by the page's own clock.
const CLICK_TO_PIXELS: &str = r#"
    const [click, appears, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
    const t0 = performance.now();
    document.querySelector(click).click();
    const poll = () => {
        if (document.querySelector(appears)) requestAnimationFrame(() => done(performance.now() - t0));
        else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
"#;

/// Wall-clock instants (ms since the epoch) of the page's navigation start, its
/// DOMContentLoaded (the bundle parsed and run) and the home page's ready mark.
const READY_AT: &str = r#"
    const m = performance.getEntriesByName("shelian-home-ready")[0];
    const nav = performance.getEntriesByType("navigation")[0];
    const origin = Date.now() - performance.now();
    return m ? [origin, origin + (nav ? nav.domContentLoadedEventEnd : NaN), origin + m.startTime] : null;
"#;

fn read_trimmed(path: &str) -> Result<String> {
    Ok(std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?.trim().to_owned())
}

/// The pid and every descendant of it, from /proc.
fn tree(root: u32) -> Vec<u32> {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = e.file_name().to_string_lossy().parse::<u32>() else { continue };
        let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else { continue };
        // The command name is in parentheses and may hold spaces; the parent pid follows it.
        let Some(rest) = stat.rfind(')').map(|i| &stat[i + 2..]) else { continue };
        if let Some(ppid) = rest.split(' ').nth(1).and_then(|p| p.parse().ok()) {
            parents.push((pid, ppid));
        }
    }
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let p = out[i];
        out.extend(parents.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    out
}

/// PSS in kB of one process, from smaps_rollup.
fn pss_kb(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("Pss:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok()))
        .unwrap_or(0)
}

fn comm(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).map(|s| s.trim().to_owned()).unwrap_or_default()
}

/// A picture of the screen for a person to look at; a failure is reported and the run goes on.
fn screenshot(dir: Option<&Path>, name: &str) {
    if let Some(dir) = dir
        && let Err(e) = shelian_e2e::screen_png(&dir.join(format!("{name}.png")))
    {
        eprintln!("screenshot {name}: {e:#}");
    }
}

async fn click_to_pixels(app: &App, click: &str, appears: &str) -> Result<f64> {
    let ret = app
        .driver
        .execute_async(CLICK_TO_PIXELS, vec![serde_json::json!(click), serde_json::json!(appears)])
        .await
        .with_context(|| format!("{click} → {appears}"))?;
    ret.json().as_f64().with_context(|| format!("{click} → {appears}: no time in {:?}", ret.json()))
}

async fn run(app: &App, shots: Option<&Path>) -> Result<()> {
    app.driver.set_script_timeout(Duration::from_secs(60)).await?;
    app.find("[data-ready=true]").await.context("the home page never became ready")?;
    let at = app.driver.execute(READY_AT, Vec::new()).await?.json().clone();
    let at: Vec<f64> = at.as_array().context("no ready mark")?.iter().map(|v| v.as_f64().unwrap_or(f64::NAN)).collect();
    let exec_ms = read_trimmed(&std::env::var("BENCH_EXEC_STAMP")?)?.parse::<f64>()? / 1e6;
    // Where the time goes: exec → the page starts loading (app, GTK, WebKit processes), → the
    // bundle has run (DOMContentLoaded), → the first queries settled and rendered.
    let (page_ms, script_ms, ready_ms) = (at[0] - exec_ms, at[1] - exec_ms, at[2] - exec_ms);

    tokio::time::sleep(Duration::from_secs(3)).await;
    let app_pid: u32 = read_trimmed(&std::env::var("BENCH_APP_PID")?)?.parse()?;
    let mut parts = Vec::new();
    let mut total = 0;
    for pid in tree(app_pid) {
        let kb = pss_kb(pid);
        total += kb;
        parts.push(format!("{}:{}", comm(pid), kb / 1024));
    }
    screenshot(shots, "home");

    let books_ms = click_to_pixels(app, "[data-menu-id$='-/books']", "[data-testid=voucher-number]").await?;
    app.still().await?;
    screenshot(shots, "books");
    let execution_ms = click_to_pixels(app, "[data-node-key=reports]", "[data-testid=report-execution-total]").await?;
    app.still().await?;
    screenshot(shots, "execution");
    // Beyond the issue's targets, the first visit of the other list pages, after the above.
    let projects_ms = click_to_pixels(app, "[data-menu-id$='-/projects']", "[data-testid=project-open]").await?;
    app.still().await?;
    screenshot(shots, "projects");
    let members_ms =
        click_to_pixels(app, "[data-menu-id$='-/members']", "[data-testid=members-table] .ant-table-row").await?;
    app.still().await?;
    screenshot(shots, "members");
    println!(
        "ready_ms={ready_ms:.0} pss_mb={} books_ms={books_ms:.0} execution_ms={execution_ms:.0} \
         projects_ms={projects_ms:.0} members_ms={members_ms:.0} page_ms={page_ms:.0} script_ms={script_ms:.0} \
         processes={}",
        total / 1024,
        parts.join(",")
    );
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(data_dir) = args.first().map(PathBuf::from) else {
        bail!("usage: bench_window DATA_DIR [SHOTS_DIR]");
    };
    let shots = args.get(1).map(PathBuf::from);
    let app = App::start(&data_dir).await?;
    let outcome = run(&app, shots.as_deref()).await;
    let quit = app.quit().await;
    outcome?;
    quit
}
