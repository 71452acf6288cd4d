//! The help overlay (F1): every shortcut and mouse gesture.

use super::action::Action;
use super::command::Command;

/// Lists every command with its shortcuts, and what the mouse does.
pub fn help_ui(ctx: &egui::Context, actions: &mut Vec<Action>) {
    let modal = egui::Modal::new(egui::Id::unique("help_overlay")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("Keyboard and mouse");
        egui::Grid::new("help_grid")
            .striped(true)
            .num_columns(2)
            .spacing([24.0, 6.0])
            .show(ui, |ui| {
                for command in Command::ALL {
                    let keys: Vec<String> = command
                        .shortcuts()
                        .iter()
                        .map(|s| ctx.format_shortcut(s))
                        .collect();
                    if keys.is_empty() {
                        continue;
                    }
                    ui.label(command.label());
                    ui.strong(keys.join("  or  "));
                    ui.end_row();
                }
                for (gesture, does) in [
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
                ] {
                    ui.label(gesture);
                    ui.strong(does);
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        if ui.button("Close").clicked() {
            actions.push(Action::Command(Command::Help));
        }
    });
    if modal.should_close() {
        actions.push(Action::Command(Command::Help));
    }
}
