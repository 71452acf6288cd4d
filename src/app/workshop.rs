//! The facilitator's panel: the advice for a product with its checklist (the open points
//! are in the workshop record, `record_view.rs`).

use egui::Ui;

use crate::advice::Recommendation;
use crate::checklist::{Question, QuestionSide};
use crate::edit::Edit;

use super::action::Action;
use super::state::AppState;

/// The advice for the product on the board: the recommendation, its reasons with their
/// sources, and the checklist questions to answer yes, no or not at all.
pub fn advice_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    // While a growth is previewed, the advice is the preview's (issue 19).
    let (s, analysis) = state.view.growth.shown(&state.doc);
    let Some(index) = state.product_index() else {
        ui.label("This scenario has no products yet.");
        return;
    };
    let (Some(product), Some(advice)) = (s.products.get(index), analysis.advice.get(index)) else {
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
    let now = state.doc.analysis.advice.get(index);
    if let Some(now) = now.filter(|now| now.recommendation != advice.recommendation) {
        super::growth_view::changed_ui(
            ui,
            &format!("With the growth. Now: {}", now.recommendation.label()),
        );
    }
    ui.label("Because:");
    for reason in &advice.reasons {
        ui.horizontal_wrapped(|ui| {
            let text = format!("- {}", reason.text());
            // A reason the growth brings is marked.
            if now.is_some_and(|now| !now.reasons.contains(reason)) {
                super::growth_view::changed_ui(ui, &text);
            } else {
                ui.label(text);
            }
            super::sources_view::source_links_ui(ui, reason.source(), actions);
        });
    }
    for edge in crate::advice::edges(advice, &s.settings, analysis.engineers_to_large_org) {
        ui.add(egui::Label::new(format!("{edge}.")).wrap());
    }
    if advice.recommendation == Recommendation::Split {
        ui.label("More engineers or more teams keep this advice: split.");
    }
    ui.add_space(6.0);
    super::growth_view::growth_form_ui(ui, state, &state.doc.scenario, index, actions);
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
