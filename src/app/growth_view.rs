//! "What if this product grows?" (the Advice tab and the board): the form that asks how a
//! product grows, the banner of the preview with Keep and Leave (Esc), and how a change
//! the growth would make is marked. The preview itself is `growth.rs`.

use egui::Ui;

use crate::growth::Growth;
use crate::model::Scenario;

use super::action::Action;
use super::growth::{GrowthAction, GrowthInputs};
use super::state::AppState;
use super::theme;

/// The most engineers the form adds at once.
const MAX_ADDED: u32 = 1_000;

/// Text marked as something the previewed growth changes.
pub fn changed_ui(ui: &mut Ui, text: &str) {
    ui.label(
        egui::RichText::new(text)
            .background_color(theme::highlight_fill())
            .strong(),
    );
}

/// What the form shows for a product: what the user last asked for it, else one
/// engineer more in its first team (a new team when it has none).
fn inputs_for(state: &AppState, s: &Scenario, product: &str) -> GrowthInputs {
    if let Some(inputs) = state
        .view
        .growth
        .inputs
        .as_ref()
        .filter(|i| i.product == product)
    {
        return inputs.clone();
    }
    let growth = match s.teams_of(product).next() {
        Some(team) => Growth::Engineers {
            team: team.id.clone(),
            engineers: 1,
        },
        None => Growth::NewTeam { engineers: 1 },
    };
    GrowthInputs {
        product: product.to_string(),
        growth,
    }
}

/// The growth form of the product at `index`, folded under "What if this product grows?":
/// engineers added to one of its teams, or a new Scrum team of N engineers; Preview shows
/// the scenario as it would be, without changing it.
pub fn growth_form_ui(
    ui: &mut Ui,
    state: &AppState,
    s: &Scenario,
    index: usize,
    actions: &mut Vec<Action>,
) {
    let Some(product) = s.products.get(index) else {
        return;
    };
    egui::CollapsingHeader::new("What if this product grows?")
        .id_salt(("growth_form", &product.id))
        .show(ui, |ui| {
            let inputs = inputs_for(state, s, &product.id);
            let mut next = inputs.clone();
            form_ui(ui, s, &mut next);
            // While a preview is on it follows the form.
            if next != inputs {
                actions.push(Action::Growth(if state.view.growth.on {
                    GrowthAction::Preview(next.clone())
                } else {
                    GrowthAction::Set(next.clone())
                }));
            }
            let previewed = state.view.growth.product() == Some(product.id.as_str());
            if !previewed
                && ui
                    .button("Preview")
                    .on_hover_text("Show the advice, findings and loads as they would be; nothing changes until you keep it")
                    .clicked()
            {
                actions.push(Action::Growth(GrowthAction::Preview(next)));
            }
        });
}

/// The form's fields: how the product grows and by how many engineers.
fn form_ui(ui: &mut Ui, s: &Scenario, inputs: &mut GrowthInputs) {
    let teams: Vec<(&str, &str)> = s
        .teams_of(&inputs.product)
        .map(|t| (t.id.as_str(), t.name.as_str()))
        .collect();
    let (mut team, mut engineers) = match &inputs.growth {
        Growth::Engineers { team, engineers } => (Some(team.clone()), *engineers),
        Growth::NewTeam { engineers } => (None, *engineers),
    };
    ui.horizontal_wrapped(|ui| {
        let first = teams.first().map(|(id, _)| id.to_string());
        ui.add_enabled_ui(first.is_some(), |ui| {
            if ui.radio(team.is_some(), "Engineers join a team").clicked() && team.is_none() {
                team = first.clone();
            }
        });
        if ui.radio(team.is_none(), "A new Scrum team").clicked() {
            team = None;
        }
    });
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(if team.is_some() { "Add" } else { "Of" });
        ui.add(egui::DragValue::new(&mut engineers).range(1..=MAX_ADDED))
            .labelled_by(label.id)
            .on_hover_text("How many engineers");
        ui.label(if engineers == 1 {
            "engineer"
        } else {
            "engineers"
        });
        if let Some(current) = &mut team {
            ui.label("to");
            let shown = s.name_of(current).to_string();
            egui::ComboBox::from_id_salt("growth_team")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for (id, name) in &teams {
                        if ui.selectable_label(current == id, *name).clicked() {
                            *current = id.to_string();
                        }
                    }
                })
                .response
                .on_hover_text("The team the engineers join");
        }
    });
    inputs.growth = match team {
        Some(team) => Growth::Engineers { team, engineers },
        None => Growth::NewTeam { engineers },
    };
}

/// The banner of a previewed growth, above every tab: what is previewed, why it cannot
/// be made if so, Keep (one undoable edit) and Leave (also Esc).
pub fn preview_banner_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let growth = &state.view.growth;
    let product = growth.product().map_or("", |p| state.doc.name_of(p));
    egui::Frame::new()
        .fill(theme::highlight_fill())
        .stroke(egui::Stroke::new(2.0, theme::HIGHLIGHT))
        .inner_margin(6.0)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                match (growth.description(&state.doc), growth.error(&state.doc)) {
                    (Some(description), _) => {
                        ui.strong(format!("Preview: what if {product} grows by {description}?"));
                        ui.label("Advice, findings and loads are shown as they would be; marked ones change. Nothing is changed until you keep it.");
                    }
                    (None, Some(error)) => {
                        ui.strong(format!("This growth of {product} cannot be previewed: {error}"));
                    }
                    (None, None) => {}
                }
                let can_keep = growth.preview(&state.doc).is_some();
                if ui
                    .add_enabled(can_keep, egui::Button::new("Keep"))
                    .on_hover_text("Make this growth a change of the scenario (Ctrl+Z undoes it)")
                    .clicked()
                {
                    actions.push(Action::Growth(GrowthAction::Keep));
                }
                if ui
                    .button("Leave preview")
                    .on_hover_text("Back to the scenario as it is (Esc)")
                    .clicked()
                {
                    actions.push(Action::Growth(GrowthAction::Leave));
                }
            });
        });
    // Esc leaves the preview, unless an overlay is open (Esc closes that first).
    let overlay = state.view.help_open || state.view.sources_open;
    if !overlay && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape)) {
        actions.push(Action::Growth(GrowthAction::Leave));
    }
}
