//! Editors for everything a scenario holds: tables of people, teams, products,
//! stakeholders and responsibilities, the scenario's own fields and settings, and the CSV
//! import. Views emit edits; numbers are kept within the file format's limits as you type.

mod cells;
mod import;
mod people;
mod products;
mod responsibilities;
mod settings;
mod stakeholders;
mod table;
mod teams;

pub use import::import_ui;
pub use people::people_editor_ui;
pub use products::products_editor_ui;
pub use responsibilities::responsibilities_editor_ui;
pub use settings::settings_editor_ui;
pub use stakeholders::stakeholders_editor_ui;
pub use teams::teams_editor_ui;
