//! The facilitator's panels: the advice for a product with its checklist, and the open
//! points ("needs discussion" cards).

use egui::Ui;

use crate::advice::Recommendation;
use crate::checklist::{Question, QuestionSide};
use crate::edit::Edit;

use super::action::{Action, CardIntent};
use super::state::AppState;
use super::view::Tab;

/// The advice for the product on the board: the recommendation, its reasons with their
/// sources, and the checklist questions to answer yes, no or not at all.
pub fn advice_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    let Some(index) = state.product_index() else {
        ui.label("This scenario has no products yet.");
        return;
    };
    let (Some(product), Some(advice)) =
        (s.products.get(index), state.doc.analysis.advice.get(index))
    else {
        return;
    };
    ui.heading(format!("Advice for {}", product.name));
    let colour = match advice.recommendation {
        Recommendation::Split => super::theme::OVER,
        Recommendation::Combined => super::theme::STRATEGY,
        Recommendation::PmFirst | Recommendation::PoFirst => super::theme::EXECUTION,
    };
    ui.label(
        egui::RichText::new(advice.recommendation.label())
            .size(20.0)
            .strong()
            .color(colour),
    );
    ui.label("Because:");
    for reason in &advice.reasons {
        let source = if reason.source().is_empty() {
            String::new()
        } else {
            format!("  (source {})", reason.source())
        };
        ui.label(format!("- {}{source}", reason.text()));
    }
    ui.add_space(10.0);
    ui.separator();
    ui.strong("The workshop's answers");
    ui.label("Unanswered questions count for nothing. Answers are saved with the scenario.");
    egui::ScrollArea::vertical()
        .id_salt("checklist")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (side, heading) in [
                (QuestionSide::Pm, "Does the product need a product manager?"),
                (QuestionSide::Po, "Does the product need a product owner?"),
                (QuestionSide::Combining, "Can one person do both?"),
            ] {
                ui.add_space(6.0);
                ui.strong(heading);
                // The answers come first, so they stay in view however narrow the window;
                // the question wraps beside them.
                for q in Question::ALL.into_iter().filter(|q| q.side() == side) {
                    ui.horizontal(|ui| {
                        answer_buttons_ui(
                            ui,
                            product.id.as_str(),
                            q,
                            product.checklist.answer(q),
                            actions,
                        );
                        ui.add(egui::Label::new(format!("{}  ({})", q.text(), q.source())).wrap());
                    });
                }
            }
        });
}

fn answer_buttons_ui(
    ui: &mut Ui,
    product: &str,
    q: Question,
    current: Option<bool>,
    actions: &mut Vec<Action>,
) {
    ui.scope(|ui| {
        for (answer, text) in [
            (Some(true), "Yes"),
            (Some(false), "No"),
            (None, "Not answered"),
        ] {
            let name = format!("{text}: {}", q.id());
            let response = ui
                .selectable_label(current == answer, text)
                .accessible_name(&name);
            if response.clicked() && current != answer {
                actions.push(Action::Edit(Edit::SetAnswer {
                    product: product.to_string(),
                    question: q,
                    answer,
                }));
            }
        }
    });
}

/// The cards flagged "needs discussion", across all products, with their notes.
pub fn open_points_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    ui.heading("Open points");
    ui.label("Cards flagged “needs discussion”: parked for later, not lost. They go into the exports too.");
    let flagged: Vec<(&crate::model::Product, &crate::model::Card)> = s
        .products
        .iter()
        .flat_map(|p| p.cards.iter().filter(|c| c.flagged).map(move |c| (p, c)))
        .collect();
    if flagged.is_empty() {
        ui.add_space(8.0);
        ui.label("No open points. Flag a card from its details (click it on the board) or its right-click menu.");
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("open_points")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // One block per point: the buttons first, so they stay in view however narrow
            // the window; the card, its product and column, and the note wrap after them.
            for (product, card) in flagged {
                let title = state.doc.name_of(&card.responsibility);
                ui.horizontal(|ui| {
                    if ui
                        .small_button("Show")
                        .accessible_name(format!("Show {title}"))
                        .clicked()
                    {
                        actions.push(Action::SelectProduct(product.id.clone()));
                        actions.push(Action::SelectCard(Some(card.responsibility.clone())));
                        actions.push(Action::SetTab(Tab::Board));
                    }
                    if ui
                        .small_button("Resolved")
                        .accessible_name(format!("Resolved {title}"))
                        .clicked()
                    {
                        actions.push(Action::Card {
                            product: product.id.clone(),
                            responsibility: card.responsibility.clone(),
                            intent: CardIntent::Flag(false),
                        });
                    }
                    ui.add(
                        egui::Label::new(
                            egui::RichText::new(format!(
                                "{title} — {}, {}",
                                product.name,
                                card.column.label()
                            ))
                            .strong(),
                        )
                        .wrap(),
                    );
                });
                ui.add(
                    egui::Label::new(if card.note.is_empty() {
                        "(no note)"
                    } else {
                        card.note.as_str()
                    })
                    .wrap(),
                );
                ui.separator();
            }
        });
}
