//! Importing people and teams from CSV: paste or load, preview every row, take the good
//! ones as one undoable edit.

use egui::Ui;

use crate::app::action::Action;
use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::editor_inputs::ImportState;
use crate::import::{self, ImportKind};
use crate::num::counted;

/// The import view. It works out the preview itself (a pure computation) when the text
/// or the scenario changed.
pub fn import_ui(ui: &mut Ui, doc: &Document, import: &mut ImportState, actions: &mut Vec<Action>) {
    ui.heading("Import people or teams from CSV");
    ui.label("Paste rows from a spreadsheet, or load a .csv file. A first row starting with “name” is taken as the header.");
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
        if import.kind != before {
            import.plan.clear();
        }
    });
    ui.horizontal(|ui| {
        if ui.button("Load a CSV file…").clicked() {
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
        import.plan.clear();
    }
    if import.text.trim().is_empty() {
        return;
    }
    let plan = import.plan.get(doc.generation, || {
        import::plan(&doc.scenario, import.kind, &import.text)
    });
    ui.separator();
    let taken = plan.accepted();
    let refused = plan.rows.len() - taken;
    ui.horizontal(|ui| {
        ui.strong(format!(
            "Preview: {} to import, {refused} that cannot be taken",
            counted(taken, "row", "rows")
        ));
        let button = egui::Button::new(format!("Import {}", counted(taken, "row", "rows")));
        if ui.add_enabled(taken > 0, button).clicked()
            && let Some(edit) = plan.edit()
        {
            actions.push(Action::Edit(edit));
        }
    });
    egui::ScrollArea::vertical()
        .id_salt("import_preview")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            egui::Grid::new("import_rows")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for row in &plan.rows {
                        ui.label(format!("line {}", row.line));
                        match &row.result {
                            Ok(description) => {
                                ui.label("will be added");
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
