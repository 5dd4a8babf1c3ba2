//! Commands of the 社联会信息 area.

use shelian_core::{ErrorPayload, Federation, FederationInput};
use tauri::State;

use crate::session::AppState;

#[tauri::command]
pub async fn federation_save(state: State<'_, AppState>, input: FederationInput) -> Result<Federation, ErrorPayload> {
    Ok(state.lock()?.books()?.federation_save(&input)?)
}
