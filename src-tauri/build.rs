//! Declares the app's own commands to Tauri so that the capability file must grant each one by name
//! (nothing is callable from the window unless `capabilities/main.json` lists it).

const COMMANDS: &[&str] = &[
    "session_get",
    "session_open_demo",
    "session_close_demo",
    "federation_save",
    "policy_get",
    "policy_history",
    "policy_save",
    "budget_categories_list",
    "budget_category_add",
    "budget_category_rename",
    "budget_category_delete",
    "grant_years_list",
    "grant_year_get",
    "grant_year_create",
    "grant_year_update",
    "grant_year_approve",
    "grant_year_start",
    "grant_year_close",
    "receipt_add",
    "budget_set",
    "budget_adjust",
    "home_overview",
    "members_list",
    "member_get",
    "member_create",
    "member_update",
    "member_inspection_record",
    "member_rating_record",
    "member_categories_list",
    "member_category_add",
    "member_category_delete",
    "communities_list",
    "community_add",
    "community_delete",
    "members_import_preview",
    "members_import",
    "members_template_export",
    "members_import_problems_export",
    "members_roster_export",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new().app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build script failed");
}
