//! Declares the app's own commands to Tauri so that the capability file must grant each one by name
//! (nothing is callable from the window unless `capabilities/main.json` lists it).

const COMMANDS: &[&str] = &["session_get", "session_open_demo", "session_close_demo", "federation_save"];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
