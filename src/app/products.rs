//! The products list with the search box that filters products and cards.

use egui::Ui;

use crate::num::counted;

use super::action::Action;
use super::document::Document;
use super::search::{SearchMatch, SearchMatches};
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
    let needle = search.trim().to_lowercase();
    if view
        .search_matches
        .fresh(doc.generation)
        .is_some_and(|m| m.needle != needle)
    {
        view.search_matches.clear();
    }
    let matches = view.search_matches.get(doc.generation, || {
        SearchMatches::find(&doc.scenario, needle)
    });
    let selected = view.selection.product.as_deref();
    // The board follows the search: when the product shown does not match, the first one
    // that does is shown.
    if let Some(first) = matches.rows.first()
        && !matches.rows.iter().any(|m| Some(m.id.as_str()) == selected)
    {
        actions.push(Action::SelectProduct(first.id.clone()));
    }
    if matches.rows.is_empty() {
        ui.weak("Nothing matches the search.");
        return;
    }
    let row_height = ui.spacing().interact_size.y;
    egui::ScrollArea::vertical()
        .id_salt("products_list")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, matches.rows.len(), |ui, range| {
            for m in matches.rows.get(range).unwrap_or_default() {
                product_row_ui(ui, doc, m, selected == Some(m.id.as_str()), actions);
            }
        });
}

/// One product of the list, with its number of teams and errors on hover.
fn product_row_ui(
    ui: &mut Ui,
    doc: &Document,
    m: &SearchMatch,
    selected: bool,
    actions: &mut Vec<Action>,
) {
    let text = match m.matching_cards {
        0 => m.name.clone(),
        n => format!("{} ({n} matching)", m.name),
    };
    let response = ui.selectable_label(selected, text);
    // Counted only while the tooltip shows, not on every frame.
    let response = response.on_hover_ui(|ui| {
        let teams = doc.analysis.seats.teams_of.get(m.index).map_or(0, Vec::len);
        let errors = doc
            .analysis
            .findings
            .iter()
            .filter(|f| {
                f.severity == crate::findings::Severity::Error && f.subjects.contains(&m.id)
            })
            .count();
        let mut text = counted(teams, "team", "teams");
        if errors > 0 {
            text.push_str(&format!(
                ", {}",
                counted(errors, "error finding", "error findings")
            ));
        }
        ui.label(text);
    });
    if response.clicked() {
        actions.push(Action::SelectProduct(m.id.clone()));
    }
    response.context_menu(|ui| {
        if ui.button(super::board::RECORD_A_DECISION).clicked() {
            actions.push(Action::DraftDecision {
                product: Some(m.id.clone()),
                responsibility: None,
            });
            ui.close();
        }
    });
}
