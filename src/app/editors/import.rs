//! Importing from a spreadsheet: people or teams from CSV rows, or the split itself from
//! rolesplit's own card export (CSV, or the `Split` sheet of its Excel workbook). Paste or
//! load, preview every row, take the good ones as one undoable edit.

use egui::Ui;

use crate::app::action::Action;
use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::editor_inputs::ImportState;
use crate::import::{self, ImportKind, ImportPlan};
use crate::num::counted;

/// The import view. It works out the preview itself (a pure computation) when the text,
/// the loaded workbook or the scenario changed.
pub fn import_ui(ui: &mut Ui, doc: &Document, import: &mut ImportState, actions: &mut Vec<Action>) {
    ui.heading("Import from a spreadsheet");
    ui.label("Paste CSV rows, or load a .csv file or an Excel workbook (.xlsx). People and teams: a first row starting with “name” is taken as the header. The split: rolesplit's own card export with its header, edited in a spreadsheet.");
    kind_ui(ui, import);
    ui.horizontal(|ui| {
        if ui.button("Load a file…").clicked() {
            actions.push(Action::Command(Command::ImportFile));
        }
        let label = ui.label("or its path:");
        ui.add(
            egui::TextEdit::singleline(&mut import.path)
                .desired_width(320.0)
                .hint_text("/path/to/people.csv"),
        )
        .labelled_by(label.id);
        if ui
            .add_enabled(!import.path.trim().is_empty(), egui::Button::new("Load"))
            .clicked()
        {
            actions.push(Action::ReadImport(import.path.trim().into()));
        }
    });
    if let Some(error) = &import.error {
        ui.colored_label(crate::app::theme::OVER, error);
    }
    if let Some(sheet) = &import.workbook {
        ui.label(format!(
            "The “{}” sheet of the workbook, {} rows. Type or paste CSV below to use that instead.",
            import::sheet::SPLIT_SHEET,
            sheet.rows.len()
        ));
    }
    let label = ui.label("CSV rows:");
    let text = ui.add(
        egui::TextEdit::multiline(&mut import.text)
            .code_editor()
            .desired_rows(8)
            .desired_width(f32::INFINITY)
            .hint_text("Lee, 40, 4, 120000"),
    );
    let text = text.labelled_by(label.id);
    if text.changed() {
        import.workbook = None;
        import.plan.clear();
        // Pasted rows of the card export are the split, whatever was chosen before.
        if import::sheet::has_split_header(&import.text) {
            import.kind = ImportKind::Split;
        }
    }
    if import.text.trim().is_empty() && import.workbook.is_none() {
        return;
    }
    let plan = import.plan.get(doc.generation, || match &import.workbook {
        Some(sheet) => import::plan_split(&doc.scenario, sheet),
        None => import::plan(&doc.scenario, import.kind, &import.text),
    });
    ui.separator();
    let split = import.kind == ImportKind::Split;
    ui.horizontal(|ui| summary_ui(ui, plan, split, actions));
    rows_ui(ui, plan, split);
}

/// What the rows hold: people, teams or the split.
fn kind_ui(ui: &mut Ui, import: &mut ImportState) {
    ui.horizontal(|ui| {
        let before = import.kind;
        ui.radio_value(
            &mut import.kind,
            ImportKind::People,
            "People: name, capacity_hours, other_hours, annual_cost",
        );
        ui.radio_value(
            &mut import.kind,
            ImportKind::Teams,
            "Teams: name, product, engineers, method, po",
        );
        ui.radio_value(
            &mut import.kind,
            ImportKind::Split,
            "The split: rolesplit's card export (.csv or .xlsx)",
        );
        if import.kind != before {
            // A workbook holds the split only.
            import.workbook = None;
            import.plan.clear();
        }
    });
}

/// The counts and the button that takes the good rows as one edit.
fn summary_ui(ui: &mut Ui, plan: &ImportPlan, split: bool, actions: &mut Vec<Action>) {
    let refused = plan.rejected().count();
    let (summary, button, enabled) = if split {
        let changing = plan.changing();
        let unchanged = plan.rows.len() - changing - refused;
        (
            format!(
                "Preview: {} to change the boards, {unchanged} unchanged, {refused} that cannot be taken",
                counted(changing, "row", "rows")
            ),
            format!("Apply {}", counted(changing, "change", "changes")),
            changing > 0,
        )
    } else {
        let taken = plan.accepted();
        (
            format!(
                "Preview: {} to import, {refused} that cannot be taken",
                counted(taken, "row", "rows")
            ),
            format!("Import {}", counted(taken, "row", "rows")),
            taken > 0,
        )
    };
    ui.strong(summary);
    if ui.add_enabled(enabled, egui::Button::new(button)).clicked()
        && let Some(edit) = plan.edit()
    {
        actions.push(Action::Edit(edit));
    }
}

/// Every row: where it is, what becomes of it, and what it adds or changes or why not.
/// Only the rows in view are drawn: a sheet may hold thousands of cards.
fn rows_ui(ui: &mut Ui, plan: &ImportPlan, split: bool) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    egui::ScrollArea::vertical()
        .id_salt("import_preview")
        .auto_shrink([false, true])
        .show_rows(ui, row_height, plan.rows.len(), |ui, range| {
            egui::Grid::new("import_rows")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for row in plan.rows.get(range).unwrap_or_default() {
                        ui.label(plan.place(row));
                        match &row.result {
                            Ok(description) => {
                                ui.label(match (split, row.changes) {
                                    (false, _) => "will be added",
                                    (true, true) => "will change",
                                    (true, false) => "unchanged",
                                });
                                ui.label(description);
                            }
                            Err(reason) => {
                                ui.colored_label(crate::app::theme::OVER, "cannot be taken");
                                ui.label(reason);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
}
