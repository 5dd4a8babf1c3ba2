//! shelian-app: the only crate that knows Tauri. It finds the data folder, holds the open books,
//! and exposes each core operation as a one-line command. No rule lives here: rules are in
//! `shelian-core`, and every error crosses IPC as `ErrorPayload` (code, Chinese message, field, rule).

mod commands;
mod exports;
mod session;

use std::path::PathBuf;

use tauri::Manager;

pub use session::{BooksMode, SessionInfo};

/// Where the books live: `--data-dir <dir>` (or `--data-dir=<dir>`) on the command line, else the
/// `SHELIAN_DATA_DIR` environment variable, else the OS app-data folder from Tauri's path API.
fn data_dir_override(args: impl IntoIterator<Item = String>, env: Option<String>) -> Option<PathBuf> {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "--data-dir" {
            if let Some(dir) = args.next() {
                return Some(PathBuf::from(dir));
            }
        } else if let Some(dir) = arg.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(dir));
        }
    }
    env.filter(|d| !d.trim().is_empty()).map(PathBuf::from)
}

/// The name written into the audit log: the OS account, which on an office PC is the secretary's.
fn operator_name() -> String {
    ["USERNAME", "USER"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "秘书".to_owned())
}

/// On Linux, WebKitGTK draws the page with the CPU unless the person running the app said otherwise
/// (`WEBKIT_DISABLE_DMABUF_RENDERER=0`). Its GPU path (the DMA-BUF renderer) cost ~85 MB more
/// memory and made pages ~40% slower to appear in the measurements of ARCHITECTURE.md ("Linux
/// rendering"): on a PC without a working GPU driver, Mesa's software GL emulates the GPU on the
/// CPU, and on some drivers the GPU path shows a blank window or aborts. A window of forms and
/// tables needs none of it. Windows (WebView2) and macOS are not affected.
///
/// On the CPU path the app's own process needs no OpenGL either, yet two things loaded the GL
/// driver into it (with Mesa, its LLVM: ~25 MB): GTK probing GLX when it opens the display, and
/// WebKit asking EGL which GPU device to name to its web process. So, unless already set:
/// `GDK_GL=disable`, and the device named directly, as `none`. WebKit's web process looks the name
/// up among the DRM devices it finds and uses only an exact match, for drawing on the GPU; on the
/// CPU path nothing needs one, so the web process is given none, as on a PC without a GPU (and as
/// under Xvfb, where the app is tested), whatever the PC's GPU. (Naming a render node instead could
/// pick one WebKit refuses: it asserts that the device also has a display node, which render-only
/// accelerators lack.)
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
fn cpu_rendering_env(get: impl Fn(&str) -> Option<String>) -> Vec<(&'static str, &'static str)> {
    const RENDERER: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
    let mut set = Vec::new();
    match get(RENDERER) {
        None => set.push((RENDERER, "1")),
        Some(v) if v == "0" => return set,
        Some(_) => {}
    }
    for (var, value) in [("GDK_GL", "disable"), ("WEBKIT_WEB_RENDER_DEVICE_FILE", "none")] {
        if get(var).is_none() {
            set.push((var, value));
        }
    }
    set
}

#[cfg(target_os = "linux")]
fn prefer_cpu_rendering() {
    for (var, value) in cpu_rendering_env(|v| std::env::var(v).ok()) {
        // SAFETY: called first thing in `run()`, which `main` calls before any thread starts, so
        // nothing reads the environment concurrently.
        unsafe { std::env::set_var(var, value) };
    }
}

/// Starts the app. Call it from `main` before any other thread exists (it sets the environment
/// WebKitGTK reads on Linux).
pub fn run() {
    #[cfg(target_os = "linux")]
    prefer_cpu_rendering();
    tauri::Builder::default()
        .plugin(
            tauri_plugin_log::Builder::new()
                .clear_targets()
                .level(log::LevelFilter::Info)
                .target(tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::LogDir { file_name: None }))
                .target(tauri_plugin_log::Target::new(tauri_plugin_log::TargetKind::Stderr))
                .build(),
        )
        // Used from Rust only (「打开所在文件夹」 after an export); the window is granted none of
        // its commands, so it cannot open arbitrary paths or URLs.
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let dir = match data_dir_override(std::env::args().skip(1), std::env::var("SHELIAN_DATA_DIR").ok()) {
                Some(dir) => dir,
                None => app.path().app_data_dir()?,
            };
            log::info!("data folder: {}", dir.display());
            app.manage(session::AppState::new(dir, operator_name()));
            // Opening the books (which checks the whole file) and the day's backup run beside the
            // window's start-up rather than before it, so a large file does not delay the window;
            // the first command waits for the opening on the session's lock, not for the backup.
            let handle = app.handle().clone();
            std::thread::spawn(move || handle.state::<session::AppState>().start());
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::session_get,
            commands::session_open_demo,
            commands::session_close_demo,
            commands::federation::federation_save,
            commands::district::district_open,
            commands::district::district_close,
            commands::district::district_summary,
            commands::district::district_packets,
            commands::district::district_packet_add,
            commands::district::district_export,
            commands::backup::backups_list,
            commands::backup::backup_now,
            commands::backup::backup_restore,
            commands::backup::backup_restore_file,
            commands::grants::policy_get,
            commands::grants::policy_history,
            commands::grants::policy_save,
            commands::grants::budget_categories_list,
            commands::grants::budget_category_add,
            commands::grants::budget_category_rename,
            commands::grants::budget_category_delete,
            commands::grants::grant_years_list,
            commands::grants::grant_year_get,
            commands::grants::grant_year_create,
            commands::grants::grant_year_update,
            commands::grants::grant_year_approve,
            commands::grants::grant_year_start,
            commands::grants::grant_year_close,
            commands::grants::receipt_add,
            commands::grants::budget_set,
            commands::grants::budget_adjust,
            commands::grants::home_overview,
            commands::members::members_list,
            commands::members::member_get,
            commands::members::member_create,
            commands::members::member_update,
            commands::members::member_inspection_record,
            commands::members::member_rating_record,
            commands::members::member_categories_list,
            commands::members::member_category_add,
            commands::members::member_category_delete,
            commands::members::communities_list,
            commands::members::community_add,
            commands::members::community_delete,
            commands::members::members_import_preview,
            commands::members::members_import,
            commands::members::members_template_export,
            commands::members::members_import_problems_export,
            commands::members::members_roster_export,
            commands::ledger::chart_get,
            commands::ledger::vouchers_list,
            commands::ledger::voucher_get,
            commands::ledger::expense_post,
            commands::ledger::voucher_reverse,
            commands::ledger::voucher_attach,
            commands::ledger::attachment_store,
            commands::ledger::attachment_read,
            commands::ledger::spend_options,
            commands::ledger::months_list,
            commands::ledger::month_close,
            commands::ledger::month_reopen,
            commands::ledger::report_budget_execution,
            commands::ledger::report_ledger,
            commands::ledger::report_funds,
            commands::ledger::report_activities,
            commands::ledger::reports_export,
            commands::projects::projects_list,
            commands::projects::project_get,
            commands::projects::project_create,
            commands::projects::project_update,
            commands::projects::project_start,
            commands::projects::project_close,
            commands::projects::project_terminate,
            commands::projects::activity_add,
            commands::projects::grant_progress,
            commands::projects::agreement_options,
            commands::money_preview,
            commands::packet::packet_draft_get,
            commands::packet::packet_draft_save,
            commands::packet::packet_preflight,
            commands::packet::packet_export,
            commands::packet::packet_reveal,
            commands::packet::packet_verify,
        ])
        .run(tauri::generate_context!())
        .expect("社联会管家无法启动");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn data_dir_comes_from_the_command_line_then_the_environment() {
        assert_eq!(data_dir_override(args(&["--data-dir", "/u/盘"]), Some("/env".into())), Some("/u/盘".into()));
        assert_eq!(data_dir_override(args(&["--data-dir=D:\\账簿"]), None), Some("D:\\账簿".into()));
        assert_eq!(data_dir_override(args(&[]), Some("/env".into())), Some("/env".into()));
        assert_eq!(data_dir_override(args(&[]), Some("  ".into())), None);
        assert_eq!(data_dir_override(args(&["--data-dir"]), None), None);
    }

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_cpu_path_keeps_the_gl_driver_out_of_the_app_process() {
        assert_eq!(
            cpu_rendering_env(env(&[])),
            [("WEBKIT_DISABLE_DMABUF_RENDERER", "1"), ("GDK_GL", "disable"), ("WEBKIT_WEB_RENDER_DEVICE_FILE", "none")]
        );
    }

    #[test]
    fn what_the_person_running_the_app_set_is_kept() {
        // The GPU path asked for: GDK's GL and WebKit's device lookup are what it draws with.
        assert!(cpu_rendering_env(env(&[("WEBKIT_DISABLE_DMABUF_RENDERER", "0")])).is_empty());
        assert!(
            cpu_rendering_env(env(&[
                ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
                ("GDK_GL", "gles"),
                ("WEBKIT_WEB_RENDER_DEVICE_FILE", "/dev/dri/renderD130"),
            ]))
            .is_empty()
        );
        // The renderer set by the person: not set again; the other two are.
        assert_eq!(
            cpu_rendering_env(env(&[("WEBKIT_DISABLE_DMABUF_RENDERER", "1")])),
            [("GDK_GL", "disable"), ("WEBKIT_WEB_RENDER_DEVICE_FILE", "none")]
        );
    }
}
