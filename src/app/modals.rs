//! The window's questions: before a removal, before losing unsaved work, before
//! overwriting a file changed on disk; the typed-path prompt; errors; the recovery banner.

use std::path::PathBuf;

use super::action::Action;
use super::command::Command;
use super::files::{Answer, SaveQuestion};
use super::state::AppState;
use super::theme;

/// Asks before a removal, saying what it will change.
pub fn removal_dialog_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let Some(pending) = &state.doc.pending_removal else {
        return;
    };
    let modal = egui::Modal::new(egui::Id::unique("removal_dialog")).show(ui.ctx(), |ui| {
        ui.set_max_width(460.0);
        ui.heading(format!("{}?", pending.title));
        if pending.effects.is_empty() {
            ui.label("Nothing else refers to it.");
        }
        for effect in &pending.effects {
            ui.label(effect);
        }
        ui.label("You can undo this with Ctrl+Z.");
        ui.horizontal(|ui| {
            if ui.button("Remove").clicked() {
                actions.push(Action::ConfirmRemoval);
            }
            if ui.button("Cancel").clicked() {
                actions.push(Action::CancelRemoval);
            }
        });
    });
    if modal.should_close() {
        actions.push(Action::CancelRemoval);
    }
}

/// The banner offering the unsaved work of an earlier session.
pub fn recovery_banner_ui(
    ui: &mut egui::Ui,
    offer: &crate::io::Recovered,
    actions: &mut Vec<Action>,
) {
    ui.horizontal(|ui| {
        let from = offer
            .source
            .as_ref()
            .map(|p| format!(" (from {})", p.display()))
            .unwrap_or_default();
        ui.colored_label(
            theme::HIGHLIGHT,
            "Unsaved work from the last session was found:",
        );
        ui.strong(format!("{}{from}", offer.scenario.name));
        if ui.button("Restore it").clicked() {
            actions.push(Action::RestoreRecovery);
        }
        if ui.button("Discard it").clicked() {
            actions.push(Action::DiscardRecovery);
        }
    });
}

/// The questions, the path prompt and the error of file operations, one at a time.
pub fn file_dialogs_ui(ctx: &egui::Context, state: &AppState, actions: &mut Vec<Action>) {
    if let Some(error) = &state.files.error {
        let modal = egui::Modal::new(egui::Id::unique("file_error")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Something went wrong");
            ui.label(error);
            ui.label("What was open is unchanged.");
            if ui.button("OK").clicked() {
                actions.push(Action::CloseError);
            }
        });
        if modal.should_close() {
            actions.push(Action::CloseError);
        }
        return;
    }
    if let Some(question) = &state.files.question {
        let modal = egui::Modal::new(egui::Id::unique("file_question")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            match question {
                SaveQuestion::Unsaved(_) => {
                    ui.heading("Save the changes first?");
                    ui.label(format!("“{}” has changes that are not saved.", state.doc.scenario.name));
                    ui.horizontal(|ui| {
                        for (text, answer) in [("Save", Answer::Save), ("Discard", Answer::Discard), ("Cancel", Answer::Cancel)] {
                            if ui.button(text).clicked() {
                                actions.push(Action::Answer(answer));
                            }
                        }
                    });
                }
                SaveQuestion::Overwrite(path) => {
                    ui.heading("The file changed on disk");
                    ui.label(format!(
                        "{} was changed by someone else since you opened it. Saving replaces their version.",
                        path.display()
                    ));
                    ui.horizontal(|ui| {
                        if ui.button("Overwrite").clicked() {
                            actions.push(Action::Answer(Answer::Overwrite));
                        }
                        if ui.button("Cancel").clicked() {
                            actions.push(Action::Answer(Answer::Cancel));
                        }
                        if ui.button("Save as…").clicked() {
                            actions.push(Action::Answer(Answer::Cancel));
                            actions.push(Action::Command(Command::SaveAs));
                        }
                    });
                }
            }
        });
        if modal.should_close() {
            actions.push(Action::Answer(Answer::Cancel));
        }
        return;
    }
    if let Some((purpose, typed)) = &state.files.path_prompt {
        let mut text = typed.clone();
        let modal = egui::Modal::new(egui::Id::unique("path_prompt")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Type the file's path");
            ui.label("No file dialog can be shown on this desktop, so type the path instead.");
            let output = egui::TextEdit::singleline(&mut text)
                .desired_width(520.0)
                .show(ui);
            let field = output
                .response
                .response
                .clone()
                .accessible_name("File path");
            if ui.memory(|m| m.focused().is_none()) {
                field.request_focus();
                // The suggested file name is selected, so typing a name replaces it and
                // keeps the folder.
                let mut edit = output.state;
                let (start, end) = name_range(&text);
                edit.cursor
                    .set_char_range(Some(egui::text_selection::CCursorRange::two(
                        egui::text::CCursor::new(start),
                        egui::text::CCursor::new(end),
                    )));
                edit.store(ui.ctx(), field.id);
            }
            let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if (ui.button("OK").clicked() || enter) && !text.trim().is_empty() {
                    actions.push(Action::TypedPath(*purpose, PathBuf::from(text.trim())));
                }
                if ui.button("Cancel").clicked() {
                    actions.push(Action::CancelPathPrompt);
                }
            });
        });
        if text != *typed {
            actions.push(Action::TypedPathEdit(text));
        }
        if modal.should_close() {
            actions.push(Action::CancelPathPrompt);
        }
    }
}

/// Where the file name's stem lies in a path (in characters): after the last separator,
/// before the extension; the whole text when there is no name.
pub(crate) fn name_range(path: &str) -> (usize, usize) {
    let name_start = path.rfind(['/', '\\']).map_or(0, |i| i + 1);
    let name = &path[name_start..];
    let stem_len = name.rfind('.').filter(|i| *i > 0).unwrap_or(name.len());
    let start = path[..name_start].chars().count();
    (start, start + name[..stem_len].chars().count())
}

#[cfg(test)]
mod tests {
    use crate::app::modals::name_range;

    #[test]
    fn the_name_range_is_the_stem_of_the_file_name() {
        assert_eq!(name_range("/home/ana/plans/scale-up.md"), (16, 24));
        assert_eq!(name_range("plan.ron"), (0, 4));
        assert_eq!(name_range("/tmp/"), (5, 5));
        assert_eq!(name_range("/tmp/.hidden"), (5, 12));
        assert_eq!(name_range("/tmp/ré/été.csv"), (8, 11));
    }
}
