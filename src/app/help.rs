//! The help overlay (F1): every shortcut and mouse gesture.

use super::action::Action;
use super::command::Command;

/// Lists every command with its shortcuts, and what the mouse does, in two columns side by
/// side; on a short screen the list scrolls under its heading and Close.
pub fn help_ui(ctx: &egui::Context, actions: &mut Vec<Action>) {
    let mut close = false;
    let modal = egui::Modal::new(egui::Id::unique("help_overlay")).show(ctx, |ui| {
        // Close beside the heading, so that both stay in view above the list, which
        // scrolls where the screen is short (a projector in presentation mode).
        ui.horizontal(|ui| {
            ui.heading("Keyboard and mouse");
            ui.add_space(24.0);
            close = ui.button("Close").clicked();
        });
        let rows = help_rows(ctx);
        let (first, second) = rows.split_at(rows.len().div_ceil(2));
        let screen = ctx.content_rect();
        let room = (screen.height() - 120.0).max(120.0);
        // Two columns of equal width, each wide enough that what a key does wraps by words.
        let width = (screen.width() - 80.0).clamp(320.0, 1000.0);
        egui::ScrollArea::vertical()
            .max_height(room)
            .show(ui, |ui| {
                ui.set_width(width);
                ui.columns(2, |columns| {
                    if let [left, right] = columns {
                        help_grid(left, "help_grid_1", first);
                        help_grid(right, "help_grid_2", second);
                    }
                });
            });
    });
    // Once, however it was asked for (the button, Esc, a click outside): Help toggles.
    if close || modal.should_close() {
        actions.push(Action::Command(Command::Help));
    }
}

/// Every command that has a shortcut, with its shortcuts, then what the mouse does.
fn help_rows(ctx: &egui::Context) -> Vec<(String, String)> {
    let mut rows: Vec<(String, String)> = Command::ALL
        .into_iter()
        .filter_map(|command| {
            let keys: Vec<String> = command
                .shortcuts()
                .iter()
                .map(|s| ctx.format_shortcut(s))
                .collect();
            (!keys.is_empty()).then(|| (command.label().to_string(), keys.join("  or  ")))
        })
        .collect();
    rows.extend(
        [
            ("Drag a card", "move it to another column"),
            (
                "Right-click a card",
                "move it, flag it for discussion, or record a decision about it",
            ),
            (
                "Click a card, or Tab to it",
                "select it (then Ctrl+1/2/3 move it)",
            ),
            ("Click a finding", "show what it is about"),
            (
                "Click a person",
                "see where their hours come from, and their role fit",
            ),
            (
                "Hover or click a source number",
                "see the article's publisher and title, or open the Sources",
            ),
        ]
        .map(|(gesture, does)| (gesture.to_string(), does.to_string())),
    );
    rows
}

/// One column of the help: what, then how, row by row.
fn help_grid(ui: &mut egui::Ui, id: &str, rows: &[(String, String)]) {
    egui::Grid::new(id)
        .striped(true)
        .num_columns(2)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for (what, how) in rows {
                ui.label(what);
                ui.add(egui::Label::new(egui::RichText::new(how).strong()).wrap());
                ui.end_row();
            }
        });
}
