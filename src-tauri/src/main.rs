//! The executable: hands over to the library so that tests and the binary share one setup.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    shelian_app::run();
}
