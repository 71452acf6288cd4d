//! The products list with the search box that filters products and cards.

use egui::Ui;

use super::action::Action;
use super::document::Document;
use super::view::{View, search_id};

/// The search box and the products that match it (by name, or by a card's title).
pub fn products_ui(ui: &mut Ui, doc: &Document, view: &mut View, actions: &mut Vec<Action>) {
    let search = &mut view.search;
    ui.strong("Products");
    ui.add(
        egui::TextEdit::singleline(search)
            .id(search_id())
            .hint_text("Search products and cards")
            .desired_width(f32::INFINITY),
    )
    .accessible_name("Search products and cards");
    ui.separator();
    let s = &doc.scenario;
    let needle = search.trim().to_lowercase();
    let selected = view.selection.product.as_deref();
    egui::ScrollArea::vertical()
        .id_salt("products_list")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let mut shown = 0;
            for (i, product) in s.products.iter().enumerate() {
                let matching_cards = if needle.is_empty() {
                    0
                } else {
                    product
                        .cards
                        .iter()
                        .filter(|c| {
                            s.name_of(&c.responsibility)
                                .to_lowercase()
                                .contains(&needle)
                        })
                        .count()
                };
                if !needle.is_empty()
                    && !product.name.to_lowercase().contains(&needle)
                    && matching_cards == 0
                {
                    continue;
                }
                shown += 1;
                let mut text = product.name.clone();
                if matching_cards > 0 {
                    text.push_str(&format!(" ({matching_cards} matching)"));
                }
                let teams = doc.analysis.seats.teams_of.get(i).map_or(0, Vec::len);
                let response = ui.selectable_label(selected == Some(product.id.as_str()), text);
                // Counted only while the tooltip shows, not on every frame.
                let response = response.on_hover_ui(|ui| {
                    let errors = doc
                        .analysis
                        .findings
                        .iter()
                        .filter(|f| {
                            f.severity == crate::findings::Severity::Error
                                && f.subjects.contains(&product.id)
                        })
                        .count();
                    let plural = if teams == 1 { "" } else { "s" };
                    let errors = if errors > 0 {
                        format!(", {errors} error finding(s)")
                    } else {
                        String::new()
                    };
                    ui.label(format!("{teams} team{plural}{errors}"));
                });
                if response.clicked() {
                    actions.push(Action::SelectProduct(product.id.clone()));
                }
                response.context_menu(|ui| {
                    if ui.button(super::board::RECORD_A_DECISION).clicked() {
                        actions.push(Action::DraftDecision {
                            product: Some(product.id.clone()),
                            responsibility: None,
                        });
                        ui.close();
                    }
                });
            }
            if shown == 0 {
                ui.weak("Nothing matches the search.");
            }
        });
}
