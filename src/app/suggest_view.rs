//! The Suggest panel: the proposals with their effect, progress and Cancel while the
//! search runs, a preview on the board while one is hovered, and Apply.

use std::sync::atomic::Ordering;

use egui::Ui;

use crate::num::{counted, dollars, hours};
use crate::suggest::{Proposal, Trouble};

use super::action::Action;
use super::state::AppState;
use super::suggest::SuggestAction;

fn trouble_text(t: &Trouble) -> String {
    format!(
        "{}, {} h over capacity, {} h parked, {}",
        counted(t.errors, "error", "errors"),
        hours(t.overload_hours),
        hours(t.parked_hours),
        counted(t.warnings, "warning", "warnings")
    )
}

/// The panel beside the board.
pub fn suggest_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.suggest;
    ui.horizontal(|ui| {
        ui.heading("Suggestions");
        if ui
            .small_button("Close")
            .accessible_name("Close the suggestions")
            .clicked()
        {
            actions.push(Action::Suggest(SuggestAction::Close));
        }
    });
    if let Some(running) = &s.running {
        let fraction = running.progress.load(Ordering::Relaxed) as f32 / 1000.0;
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Looking for moves…");
        });
        ui.add(egui::ProgressBar::new(fraction).show_percentage());
        if ui
            .button("Cancel")
            .accessible_name("Cancel the search")
            .clicked()
        {
            actions.push(Action::Suggest(SuggestAction::Cancel));
        }
        return;
    }
    let Some((made_for, suggestions)) = &s.result else {
        if s.cancelled {
            ui.label("The search was cancelled.");
        }
        if ui.button("Suggest moves").clicked() {
            actions.push(Action::Suggest(SuggestAction::Run));
        }
        return;
    };
    let stale = *made_for != state.doc.generation;
    ui.label(format!("Now: {}.", trouble_text(&suggestions.trouble)));
    if stale {
        ui.colored_label(
            super::theme::HIGHLIGHT,
            "The scenario changed since these were made.",
        );
        if ui.button("Suggest again").clicked() {
            actions.push(Action::Suggest(SuggestAction::Run));
        }
    }
    if suggestions.proposals.is_empty() {
        ui.label("No trouble to fix, or no move of one to three edits lowers it: no errors, nobody over capacity, no parked or unowned hours, no warnings left to clear.");
        return;
    }
    let mut hovered = None;
    egui::ScrollArea::vertical()
        .id_salt("proposals")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, p) in suggestions.proposals.iter().enumerate() {
                let response = ui
                    .group(|ui| {
                        ui.set_width(ui.available_width());
                        proposal_ui(ui, state, i, p, stale, actions);
                    })
                    .response;
                if response.contains_pointer() {
                    hovered = Some(i);
                }
            }
        });
    if hovered != s.preview && !stale {
        actions.push(Action::Suggest(SuggestAction::Preview(hovered)));
    }
}

fn proposal_ui(
    ui: &mut Ui,
    state: &AppState,
    i: usize,
    p: &Proposal,
    stale: bool,
    actions: &mut Vec<Action>,
) {
    let s = &state.doc.scenario;
    // Apply sits on the first line, so it shows even when the panel is short.
    ui.horizontal(|ui| {
        ui.strong(format!(
            "{}. {}",
            i + 1,
            if p.changes.len() == 1 {
                "One change"
            } else {
                "Changes together"
            }
        ));
        let name = format!("Apply suggestion {}", i + 1);
        if ui
            .add_enabled(!stale, egui::Button::new("Apply"))
            .accessible_name(&name)
            .clicked()
        {
            actions.push(Action::Suggest(SuggestAction::Apply(i)));
        }
    });
    for change in &p.changes {
        ui.label(format!("- {}", change.describe(s)));
    }
    ui.label(format!("After: {}.", trouble_text(&p.trouble_after)));
    if p.cost_after != p.cost_before {
        ui.label(format!(
            "Leadership cost {} to {} a year.",
            dollars(p.cost_before),
            dollars(p.cost_after)
        ));
    }
    for f in &p.findings_cleared {
        ui.label(format!("Clears {}: {}", f.rule.id(), f.message));
    }
    for f in &p.findings_raised {
        ui.colored_label(
            super::theme::OVER,
            format!("Raises {}: {}", f.rule.id(), f.message),
        );
    }
    for l in &p.load {
        let before = l
            .before
            .map_or("new".to_string(), |b| format!("{} h", hours(b)));
        ui.label(format!("{}: {before} to {} h", l.name, hours(l.after)));
    }
}
