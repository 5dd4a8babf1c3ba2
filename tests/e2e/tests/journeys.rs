//! The journeys a secretary makes, through the real window (tauri-driver + WebKitWebDriver under
//! Xvfb). Each journey starts the app on its own throw-away data folder.

use std::time::Duration;

use anyhow::{Result, ensure};
use shelian_core::credit_code;
use shelian_e2e::{App, journey};
use thirtyfour::prelude::{By, ElementQueryable, Key};

const NAME: &str = "梅园新村街道社区社会组织联合会";

/// The same 17 characters with the right and a wrong check character.
fn codes() -> (String, String, char) {
    let good = credit_code::with_check_char("51320102MJ5000001").expect("valid base");
    let expected = good.chars().last().expect("18 chars");
    let wrong_char = if expected == '0' { '1' } else { '0' };
    let wrong = format!("{}{}", &good[..17], wrong_char);
    (good, wrong, expected)
}

async fn fill_profile(app: &App, code: &str) -> Result<()> {
    app.type_into("#federation_name", NAME).await?;
    app.type_into("#federation_creditCode", code).await?;
    app.type_into("#federation_street", "梅园新村街道").await?;
    app.type_into("#federation_district", "玄武区").await?;
    app.type_into("#federation_legalRep", "王芳").await?;
    app.type_into("#federation_secretary", "李静").await?;
    app.type_into("#federation_phone", "025-84561234").await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn first_run_profile_with_a_wrong_check_character_then_fixed_survives_a_restart() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let (good, wrong, expected) = codes();

    journey("first-run", dir.path(), async |app| {
        app.find("[data-testid=setup-create]").await?.click().await?;
        // The antd locale is Chinese in the production bundle (STACK.md: it can silently fall back
        // to English): the date picker's placeholder is antd's own string.
        let placeholder = app.find("#federation_recognitionDate").await?.attr("placeholder").await?;
        ensure!(placeholder.as_deref() == Some("请选择日期"), "date picker placeholder is {placeholder:?}");

        fill_profile(app, &wrong).await?;
        app.screenshot("first-run-form").await?;
        app.find("[data-testid=federation-save]").await?.click().await?;
        let help = app.wait_text("#federation_creditCode_help", &format!("应为 {expected}")).await?;
        ensure!(help.contains("校验位"), "message was {help:?}");
        app.screenshot("first-run-credit-code-error").await?;

        app.type_into("#federation_creditCode", &good).await?;
        app.find("[data-testid=federation-save]").await?.click().await?;
        app.wait_text("[data-testid=federation-name]", NAME).await?;
        app.screenshot("first-run-home").await?;
        Ok(())
    })
    .await?;

    journey("restart", dir.path(), async |app| {
        app.wait_text("[data-testid=federation-name]", NAME).await?;
        app.find("a[href='#/federation'], [data-menu-id$='/federation']").await?.click().await?;
        app.wait_text("body", &good).await?;
        app.screenshot("restart-federation").await?;
        Ok(())
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn demo_data_is_clearly_marked_and_leaves_the_real_books_alone() -> Result<()> {
    let dir = tempfile::tempdir()?;
    journey("demo", dir.path(), async |app| {
        app.find("[data-testid=setup-demo]").await?.click().await?;
        app.wait_text("[data-testid=demo-banner]", "示例数据").await?;
        app.wait_text("[data-testid=federation-name]", "示例").await?;
        let titles = app.native_window_titles()?;
        ensure!(titles.contains("社联会管家 — 示例数据"), "window titles: {titles}");
        app.screenshot("demo-home").await?;
        app.find("[data-testid=demo-close]").await?.click().await?;
        app.find("[data-testid=setup-create]").await?;
        let titles = app.native_window_titles()?;
        ensure!(titles.contains("\"社联会管家\""), "window titles: {titles}");
        Ok(())
    })
    .await?;
    ensure!(dir.path().join("demo.shelian").exists(), "the demo file is separate");
    let real = shelian_core::Books::open(&dir.path().join("books.shelian"), Default::default())?;
    ensure!(real.federation_get()?.is_none(), "the real books stay empty");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_from_a_newer_version_is_refused_and_left_untouched() -> Result<()> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("books.shelian");
    {
        let conn = rusqlite::Connection::open(&path)?;
        conn.execute_batch("CREATE TABLE future (x INTEGER) STRICT;")?;
        conn.pragma_update(None, "application_id", shelian_core::store::APPLICATION_ID)?;
        conn.pragma_update(None, "user_version", 99)?;
    }
    let before = std::fs::read(&path)?;
    journey("refused", dir.path(), async |app| {
        app.wait_text("body", "无法打开数据文件").await?;
        app.wait_text("body", "更新版本").await?;
        app.screenshot("refused").await?;
        Ok(())
    })
    .await?;
    tokio::time::sleep(Duration::from_millis(200)).await;
    ensure!(std::fs::read(&path)? == before, "the refused file changed");
    Ok(())
}

fn fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fixtures/members")
        .join(name)
        .canonicalize()
        .expect("fixture exists")
        .display()
        .to_string()
}

/// Issue 3: import the dirty roster (refused, with its error table), then the clean one; filter,
/// open a member, record a failed inspection, and see the flag.
#[tokio::test(flavor = "multi_thread")]
async fn members_are_imported_whole_or_not_at_all_and_a_failed_inspection_flags() -> Result<()> {
    let dir = tempfile::tempdir()?;
    {
        let mut books = shelian_core::Books::open(&dir.path().join("books.shelian"), Default::default())?;
        books.federation_save(&shelian_core::demo::federation_input())?;
    }
    journey("members", dir.path(), async |app| {
        app.find("[data-menu-id$='/members']").await?.click().await?;
        app.find("[data-testid=import-open]").await?.click().await?;
        app.find("[data-testid=import-file]").await?.send_keys(fixture("dirty.xlsx")).await?;
        app.wait_text("[data-testid=import-refused]", "本次不会导入任何数据").await?;
        let table = app.wait_text("[data-testid=import-problems]", "第3行").await?;
        ensure!(table.contains("校验位不正确"), "problems table: {table}");
        app.screenshot("members-import-refused").await?;

        app.find("[data-testid=import-file]").await?.send_keys(fixture("clean.xlsx")).await?;
        app.wait_text("[data-testid=import-preview]", "将新增").await?;
        app.screenshot("members-import-preview").await?;
        app.find("[data-testid=import-confirm]").await?.click().await?;
        app.wait_text("[data-testid=import-success]", "新增 6 家").await?;
        app.find("[data-testid=import-done]").await?.click().await?;
        // Let the dialog's closing animation finish: its mask would take the next click.
        tokio::time::sleep(Duration::from_millis(800)).await;
        app.wait_text("[data-testid=members-table]", "彩虹文体协会").await?;
        app.screenshot("members-list").await?;

        app.type_into("#members-search", "调解").await?;
        app.find("#members-search").await?.send_keys(Key::Enter).await?;
        app.wait_text("body", "共 1 家").await?;
        app.find("[data-testid=member-open]").await?.click().await?;
        app.wait_text("[data-testid=member-detail]", "BA-2018-007").await?;
        // The drawer slides in; its controls take clicks once it stands still.
        tokio::time::sleep(Duration::from_millis(800)).await;
        app.driver
            .query(By::XPath("//form[@id='inspection']//label[.//input[@value='fail']]"))
            .first()
            .await?
            .click()
            .await?;
        app.find("[data-testid=inspection-save]").await?.click().await?;
        app.wait_text("[data-testid=member-flag]", "年检不合格").await?;
        app.screenshot("members-flagged").await?;
        Ok(())
    })
    .await
}
