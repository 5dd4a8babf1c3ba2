//! Harness for the end-to-end journeys: starts `tauri-driver` on a free port, opens a WebDriver
//! session on the app binary with its own throw-away data folder, and always quits the session
//! (which closes the app) even when a step fails.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use thirtyfour::error::WebDriverErrorInner;
use thirtyfour::prelude::*;
use tokio::process::{Child, Command};

/// The app binary built with `--features custom-protocol` (see the Makefile).
pub fn app_binary() -> PathBuf {
    if let Ok(bin) = std::env::var("SHELIAN_APP_BIN") {
        return PathBuf::from(bin);
    }
    let target = std::env::var("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    target.join("debug").join(if cfg!(windows) { "shelian.exe" } else { "shelian" })
}

/// Where screenshots of each journey go, for a person to look at.
pub fn shots_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.artifacts/e2e");
    std::fs::create_dir_all(&dir).ok();
    dir
}

/// Where a journey's exports are written (`SHELIAN_EXPORT_DIR` of the app it starts).
pub fn export_dir(data_dir: &Path) -> PathBuf {
    data_dir.join("exports")
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("a free port")
}

pub struct App {
    pub driver: WebDriver,
    tauri_driver: Child,
}

impl App {
    /// Starts the app on `data_dir` and waits until the page has rendered something.
    pub async fn start(data_dir: &Path) -> Result<App> {
        let bin = app_binary();
        if !bin.exists() {
            bail!("app binary not found at {} (run `make app` first)", bin.display());
        }
        let port = free_port();
        let native_port = free_port();
        let log = std::fs::OpenOptions::new().create(true).append(true).open(shots_dir().join("tauri-driver.log"))?;
        // Its own process group, so that quitting also ends the WebKitWebDriver it starts (killing
        // tauri-driver alone leaves that child running, holding the test's output pipe open).
        // Exports go into the journey's own folder, never into the Downloads of whoever runs the tests.
        let mut tauri_driver = Command::new("tauri-driver")
            .args(["--port", &port.to_string(), "--native-port", &native_port.to_string()])
            .env("SHELIAN_EXPORT_DIR", export_dir(data_dir))
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(0)
            .kill_on_drop(true)
            .spawn()
            .context("tauri-driver not on PATH (cargo install tauri-driver --version 2.1.0 --locked)")?;

        let mut caps = Capabilities::new();
        caps.set("browserName", "wry")?;
        caps.set(
            "tauri:options",
            serde_json::json!({
                "application": bin.display().to_string(),
                "args": ["--data-dir", data_dir.display().to_string()],
            }),
        )?;
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let driver = loop {
            match WebDriver::new(&url, caps.clone()).await {
                Ok(d) => break d,
                Err(_) if Instant::now() < deadline => {
                    tokio::time::sleep(Duration::from_millis(200)).await;
                }
                Err(e) => {
                    kill_group(&mut tauri_driver).await;
                    return Err(e).context("could not open a WebDriver session on the app");
                }
            }
        };
        Ok(App { driver, tauri_driver })
    }

    /// Waits for an element (the session does not wait for the first page).
    pub async fn find(&self, css: &str) -> Result<WebElement> {
        self.driver
            .query(By::Css(css))
            .wait(Duration::from_secs(20), Duration::from_millis(100))
            .first()
            .await
            .with_context(|| format!("element {css} did not appear"))
    }

    /// Waits until the element's text contains `needle`.
    pub async fn wait_text(&self, css: &str, needle: &str) -> Result<String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(els) = self.driver.find_all(By::Css(css)).await {
                for el in els {
                    if let Ok(t) = el.text().await {
                        if t.contains(needle) {
                            return Ok(t);
                        }
                        last = t;
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        bail!("{css} never contained {needle:?}; last text: {last:?}")
    }

    /// Waits until the page stands still: no finite CSS animation or transition running (spinners
    /// loop forever and are not motion a click or a picture must wait for) and no element in the
    /// steps antd's motion takes before its animation starts, seen on three polls in a row. This is
    /// what the journeys wait for instead of a fixed sleep before a click on something that slides
    /// in, or before a screenshot.
    pub async fn still(&self) -> Result<()> {
        const SCRIPT: &str = r#"
            const name = (el) => el ? `${el.tagName.toLowerCase()}.${String(el.className).split(/\s+/).join(".")}` : "?";
            const moving = document.getAnimations().filter((a) => {
                if (a.playState !== "running") return false;
                const t = a.effect && a.effect.getComputedTiming ? a.effect.getComputedTiming() : null;
                return !t || t.iterations !== Infinity;
            }).map((a) => `${a.animationName || a.transitionProperty || "animation"} on ${name(a.effect && a.effect.target)}`);
            // rc-motion's steps before its CSS animation starts; `-active` is left out because an
            // element can keep it after a transition that never reported its end (a loading icon).
            const classes = [...document.querySelectorAll(
                ["enter", "appear", "leave"].flatMap((s) => [`[class*='-${s}-prepare']`, `[class*='-${s}-start']`]).join(",")
            )].map(name);
            return moving.concat(classes);
        "#;
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut quiet = 0;
        let mut last = serde_json::Value::Null;
        while Instant::now() < deadline {
            last = self.driver.execute(SCRIPT, Vec::new()).await?.json().clone();
            if last.as_array().is_some_and(|a| a.is_empty()) {
                quiet += 1;
                if quiet == 3 {
                    return Ok(());
                }
            } else {
                quiet = 0;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        bail!("the page never stood still; moving: {last}")
    }

    /// How many elements match `css` now. WebKitWebDriver can answer a find itself with "stale
    /// element" when React removes a matched node while the driver builds its handles (seen on
    /// CI in `no_modal`): that is a race of the test, so the find is made again, for up to 10 s.
    pub async fn count(&self, css: &str) -> Result<usize> {
        Ok(self.all(css, async |_| Ok(())).await?.len())
    }

    /// The texts of the elements matching `css`, in page order, read again from the start if one
    /// of them was re-rendered meanwhile.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>> {
        self.all(css, async |el| el.text().await).await
    }

    /// Whether any element matching `css` is displayed (antd keeps closed popups in the page).
    pub async fn any_displayed(&self, css: &str) -> Result<bool> {
        Ok(self.all(css, async |el| el.is_displayed().await).await?.into_iter().any(|shown| shown))
    }

    /// `read` of every element matching `css`; the whole find and read again after a stale element.
    async fn all<T>(&self, css: &str, read: impl AsyncFn(WebElement) -> WebDriverResult<T>) -> Result<Vec<T>> {
        let deadline = Instant::now() + Duration::from_secs(10);
        'again: loop {
            let stale = |e: &thirtyfour::error::WebDriverError| {
                matches!(e.as_inner(), WebDriverErrorInner::StaleElementReference(_)) && Instant::now() < deadline
            };
            let els = match self.driver.find_all(By::Css(css)).await {
                Ok(els) => els,
                Err(e) if stale(&e) => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue 'again;
                }
                Err(e) => return Err(e).with_context(|| format!("finding {css}")),
            };
            let mut out = Vec::with_capacity(els.len());
            for el in els {
                match read(el).await {
                    Ok(v) => out.push(v),
                    Err(e) if stale(&e) => {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue 'again;
                    }
                    Err(e) => return Err(e).with_context(|| format!("reading {css}")),
                }
            }
            return Ok(out);
        }
    }

    /// Finds the element and acts on it; if React re-rendered it between the find and the act (a
    /// list refetched after a write, a form re-mounted), finds it again and acts again, for up to
    /// 10 s. A stale element is a race of the test, not a failure of the app.
    pub async fn on<T>(&self, css: &str, act: impl AsyncFn(WebElement) -> WebDriverResult<T>) -> Result<T> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let el = self.find(css).await?;
            match act(el).await {
                Ok(v) => return Ok(v),
                Err(e)
                    if matches!(e.as_inner(), WebDriverErrorInner::StaleElementReference(_))
                        && Instant::now() < deadline =>
                {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(e) => return Err(e).with_context(|| format!("acting on {css}")),
            }
        }
    }

    /// Replaces the value of a React-controlled input: `clear()` does not reach React's state, so
    /// select all and type over it (again from the start if the input was re-rendered meanwhile).
    pub async fn type_into(&self, css: &str, text: &str) -> Result<()> {
        self.on(css, async |el| {
            el.click().await?;
            el.send_keys(Key::Control + "a").await?;
            el.send_keys(Key::Backspace).await?;
            if !text.is_empty() {
                el.send_keys(text).await?;
            }
            Ok(())
        })
        .await
    }

    /// Saves a screenshot for a person to look at: the X screen the window fills, read from the X
    /// server once the page has drawn two more frames. Not WebKitWebDriver's screenshot: it waits
    /// for the page's next rendering update, which with the CPU rendering the app uses on Linux
    /// (ARCHITECTURE.md, "Linux rendering") never comes while nothing on the page changes.
    pub async fn screenshot(&self, name: &str) -> Result<()> {
        self.drawn().await?;
        screen_png(&shots_dir().join(format!("{name}.png"))).with_context(|| format!("screenshot {name}"))
    }

    /// Resolves after the page has drawn two more frames (or after 200 ms, if it draws none).
    pub async fn drawn(&self) -> Result<()> {
        self.driver
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 setTimeout(done, 200);
                 requestAnimationFrame(() => requestAnimationFrame(() => done()));",
                Vec::new(),
            )
            .await?;
        Ok(())
    }

    /// Ends the session, which closes the app, then stops tauri-driver.
    pub async fn quit(mut self) -> Result<()> {
        let r = self.driver.quit().await;
        kill_group(&mut self.tauri_driver).await;
        r.map_err(Into::into)
    }

    /// The native window titles on the X display (what the title bar would show), via `xwininfo`.
    pub fn native_window_titles(&self) -> Result<String> {
        let out = std::process::Command::new("xwininfo").args(["-root", "-tree"]).output()?;
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }
}

async fn kill_group(child: &mut Child) {
    if let Some(pid) = child.id().and_then(|p| i32::try_from(p).ok()).filter(|&p| p > 1) {
        // SAFETY: kill(2) with a negative pid signals exactly the process group `pid` leads, which
        // `process_group(0)` created for tauri-driver alone; no memory is involved.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill().await;
    let _ = child.wait().await;
}

/// Waits until no process runs on `data_dir` any more (the app is a grandchild of tauri-driver and
/// is killed with its process group; the signal lands a moment later). Linux-only, like the rest of
/// this harness: it reads /proc.
pub async fn wait_app_gone(data_dir: &Path) -> Result<()> {
    let needle = data_dir.display().to_string();
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let running = std::fs::read_dir("/proc")?.flatten().any(|e| {
            std::fs::read(e.path().join("cmdline"))
                .map(|c| String::from_utf8_lossy(&c).split('\0').any(|arg| arg == needle))
                .unwrap_or(false)
        });
        if !running {
            return Ok(());
        }
        if Instant::now() >= deadline {
            bail!("an app on {needle} was still running 10 s after the session ended");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Runs a journey and always quits the app, also when a step fails; the failing step's
/// screenshot is kept for a person to look at.
pub async fn journey(name: &str, data_dir: &Path, steps: impl AsyncFnOnce(&App) -> Result<()>) -> Result<()> {
    let app = App::start(data_dir).await?;
    let outcome = steps(&app).await;
    if outcome.is_err() {
        let _ = app.screenshot(&format!("{name}-failed")).await;
    }
    let quit = app.quit().await;
    outcome?;
    quit
}

/// Writes the app's window to `path` as an RGB PNG: the largest window shown on the default X
/// screen (`$DISPLAY`, Xvfb's 24-bit TrueColor, no window manager), read from the X server.
pub fn screen_png(path: &Path) -> Result<()> {
    use x11rb::connection::Connection as _;
    use x11rb::protocol::xproto::{ConnectionExt as _, ImageFormat, ImageOrder, MapState};

    let (conn, screen) = x11rb::connect(None).context("no X display")?;
    let setup = conn.setup();
    let root = &setup.roots[screen];
    let (screen_w, screen_h) = (i32::from(root.width_in_pixels), i32::from(root.height_in_pixels));
    // The window's part of the screen: GTK also maps small helper windows, some off-screen.
    let mut area = (0, 0, screen_w, screen_h);
    let mut largest = 0;
    for window in conn.query_tree(root.root)?.reply()?.children {
        if conn.get_window_attributes(window)?.reply()?.map_state != MapState::VIEWABLE {
            continue;
        }
        let g = conn.get_geometry(window)?.reply()?;
        let (x0, y0) = (i32::from(g.x).max(0), i32::from(g.y).max(0));
        let x1 = (i32::from(g.x) + i32::from(g.width)).min(screen_w);
        let y1 = (i32::from(g.y) + i32::from(g.height)).min(screen_h);
        if x1 > x0 && y1 > y0 && (x1 - x0) * (y1 - y0) > largest {
            largest = (x1 - x0) * (y1 - y0);
            area = (x0, y0, x1 - x0, y1 - y0);
        }
    }
    let (x, y, width, height) =
        (i16::try_from(area.0)?, i16::try_from(area.1)?, u16::try_from(area.2)?, u16::try_from(area.3)?);
    let image = conn.get_image(ImageFormat::Z_PIXMAP, root.root, x, y, width, height, !0)?.reply()?;
    let bits = setup.pixmap_formats.iter().find(|f| f.depth == image.depth).map(|f| f.bits_per_pixel);
    if image.depth != 24 || bits != Some(32) || setup.image_byte_order != ImageOrder::LSB_FIRST {
        bail!("unexpected X image format: depth {}, {bits:?} bits per pixel", image.depth);
    }
    // Each pixel is B, G, R and an unused byte; rows have no padding at 32 bits per pixel.
    let rgb: Vec<u8> = image.data.chunks_exact(4).flat_map(|p| [p[2], p[1], p[0]]).collect();
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut encoder = png::Encoder::new(file, u32::from(width), u32::from(height));
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(&rgb)?;
    Ok(())
}
