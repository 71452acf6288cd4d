//! The selected card's details: its hours on this board, the decision's note, the
//! "needs discussion" flag, the pin, and taking it off the board.

use egui::Ui;

use crate::edit::Edit;
use crate::model::{Card, MAX_HOURS};

use super::action::{Action, CardIntent};
use super::state::AppState;

/// Edits the card selected on the board.
pub fn card_editor_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    let (Some(product), Some(card_id)) = (
        state
            .view
            .selection
            .product
            .as_ref()
            .and_then(|p| s.product(p)),
        state.view.selection.card.as_deref(),
    ) else {
        return;
    };
    let Some(card) = product.cards.iter().find(|c| c.responsibility == card_id) else {
        return;
    };
    let Some(r) = s.responsibility(card_id) else {
        return;
    };
    let update = |change: &dyn Fn(&mut Card)| {
        let mut copy = card.clone();
        change(&mut copy);
        Edit::UpdateCard {
            product: product.id.clone(),
            card: copy,
        }
    };
    let on_card = |intent| Action::Card {
        product: product.id.clone(),
        responsibility: card.responsibility.clone(),
        intent,
    };
    ui.add_space(4.0);
    // The rows wrap, so that every button stays in view however narrow the board.
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Card: {}", r.title));
        ui.weak(format!("({} on {})", card.column.label(), product.name));
        super::sources_view::source_links_ui(ui, &r.source, actions);
        if ui.small_button("Close").clicked() {
            actions.push(Action::SelectCard(None));
        }
    });
    ui.horizontal_wrapped(|ui| {
        let mut own = card.hours.is_some();
        if ui
            .checkbox(&mut own, "Own hours on this board")
            .on_hover_text(format!("The responsibility's default is {} h a week", crate::num::hours(r.hours)))
            .changed()
        {
            let hours = own.then_some(r.hours);
            actions.push(Action::Edit(update(&|c| c.hours = hours)));
        }
        if let Some(h) = card.hours {
            let mut v = h;
            let response = ui
                .add(egui::DragValue::new(&mut v).range(0.0..=MAX_HOURS).speed(0.25).suffix(" h a week").max_decimals(2))
                .on_hover_text(format!("Hours a week of {} on {}", r.title, product.name));
            if response.changed() && v.to_bits() != h.to_bits() {
                actions.push(Action::EditMerging(
                    update(&|c| c.hours = Some(v)),
                    format!("card:{}:{}:hours", product.id, card.responsibility),
                ));
            }
        } else {
            ui.weak(format!("{} h a week (the responsibility's)", crate::num::hours(r.hours)));
        }
        ui.separator();
        let flag: fn(bool) -> CardIntent = CardIntent::Flag;
        let flags = [
            (card.flagged, "Needs discussion", "Park a contested point without losing it: it is listed under open points and in exports", flag),
            (card.pinned, "Pinned", "Decided in the workshop: suggestions never move a pinned card", CardIntent::Pin),
        ];
        for (mut on, text, hover, intent) in flags {
            if ui.checkbox(&mut on, text).on_hover_text(hover).changed() {
                actions.push(on_card(intent(on)));
            }
        }
        ui.separator();
        if ui
            .button(super::board::RECORD_A_DECISION)
            .on_hover_text("Write down what the workshop decided about this card, in the record")
            .clicked()
        {
            actions.push(Action::DraftDecision {
                product: Some(product.id.clone()),
                responsibility: Some(card.responsibility.clone()),
            });
        }
        if ui.button("Take off this board…").clicked() {
            actions.push(Action::AskRemove(Edit::RemoveCard {
                product: product.id.clone(),
                responsibility: card.responsibility.clone(),
            }));
        }
    });
    ui.horizontal(|ui| {
        let label = ui.label("Decision note:");
        let mut note = card.note.clone();
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut note)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY)
                    .hint_text("Why the workshop placed this card here"),
            )
            .labelled_by(label.id);
        if response.changed() && note != card.note {
            actions.push(Action::EditMerging(
                update(&|c| c.note = note.clone()),
                format!("card:{}:{}:note", product.id, card.responsibility),
            ));
        }
    });
    ui.add_space(4.0);
}
