//! The overview: every product × every responsibility in one grid, to see and change the
//! whole organisation's split at once. Products are rows (only the visible ones are
//! drawn), responsibilities are columns.

use egui::{Sense, Ui};

use crate::edit::{Edit, Place};
use crate::model::{Card, Column};

use super::action::{Action, CardIntent};
use super::state::AppState;
use super::table::FrozenTable;
use super::theme;

const CELL_WIDTH: f32 = 110.0;
const ROW_HEIGHT: f32 = 24.0;
/// Room for a responsibility's title in up to four lines at body size.
const HEADER_HEIGHT: f32 = 76.0;

/// The grid; clicking a cell moves the card to the next column, right-clicking offers every
/// choice, and an empty cell puts the responsibility on that board (Unassigned).
pub fn overview_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    ui.heading("Overview: who does what, everywhere");
    ui.label("Each cell is one card: click to move it from PM to PO to Unassigned, right-click for every choice. Hover for the owners.");
    if s.products.is_empty() || s.responsibilities.is_empty() {
        ui.label("Add products and responsibilities to see the grid.");
        return;
    }
    // The product names stay in view while the responsibilities scroll sideways.
    let widths: Vec<f32> = std::iter::once(180.0)
        .chain(s.responsibilities.iter().map(|_| CELL_WIDTH))
        .collect();
    FrozenTable {
        id: "overview",
        widths: &widths,
        header_height: HEADER_HEIGHT,
        row_height: ROW_HEIGHT,
    }
    .show(
        ui,
        s.products.len(),
        |i, ui| match i.checked_sub(1).and_then(|r| s.responsibilities.get(r)) {
            None => {
                ui.strong("Product");
            }
            Some(r) => {
                let colour = theme::kind_colour(r.kind);
                ui.add(egui::Label::new(egui::RichText::new(&r.title).color(colour)).wrap())
                    .on_hover_text(format!(
                        "{} ({}, {} scope)",
                        r.title,
                        r.kind.name(),
                        r.scope.name()
                    ));
            }
        },
        |p_index, row| {
            let Some(product) = s.products.get(p_index) else {
                return;
            };
            row.col(|ui| {
                if ui
                    .link(&product.name)
                    .on_hover_text("Show this board")
                    .clicked()
                {
                    actions.push(Action::SelectProduct(product.id.clone()));
                    actions.push(Action::SetTab(super::view::Tab::Board));
                }
            });
            for r in &s.responsibilities {
                row.col(|ui| {
                    let card = product.cards.iter().position(|c| c.responsibility == r.id);
                    cell_ui(ui, state, p_index, card, r, actions);
                });
            }
        },
    );
}

fn short(column: Column) -> &'static str {
    match column {
        Column::Pm => "PM",
        Column::Po => "PO",
        Column::Unassigned => "parked",
    }
}

fn next(column: Column) -> Column {
    match column {
        Column::Pm => Column::Po,
        Column::Po => Column::Unassigned,
        Column::Unassigned => Column::Pm,
    }
}

fn cell_ui(
    ui: &mut Ui,
    state: &AppState,
    p_index: usize,
    card: Option<usize>,
    r: &crate::model::Responsibility,
    actions: &mut Vec<Action>,
) {
    let s = &state.doc.scenario;
    let Some(product) = s.products.get(p_index) else {
        return;
    };
    let (title, responsibility) = (r.title.as_str(), r.id.as_str());
    let Some((c_index, card)) = card.and_then(|i| product.cards.get(i).map(|c| (i, c))) else {
        let name = format!("{title} on {}: not on the board", product.name);
        let response = ui.add(
            egui::Button::new(egui::RichText::new("·").weak())
                .frame(false)
                .min_size(egui::vec2(CELL_WIDTH - 8.0, 18.0)),
        );
        let response = response.on_hover_text(format!(
            "{name}. Click to put it on the board (Unassigned)."
        ));
        let response = response.accessible_name(&name);
        if response.clicked() {
            actions.push(Action::Edit(Edit::AddCard {
                product: product.id.clone(),
                card: Card::new(responsibility, Column::Unassigned),
            }));
        }
        return;
    };
    let owners: Vec<String> = state
        .doc
        .analysis
        .loads
        .products
        .get(p_index)
        .and_then(|l| l.cards.get(c_index))
        .map(|l| {
            l.shares
                .iter()
                .filter_map(|sh| {
                    s.people
                        .get(sh.person)
                        .map(|p| format!("{} {} h", p.name, crate::num::hours(sh.hours)))
                })
                .collect()
        })
        .unwrap_or_default();
    let fill = match card.column {
        Column::Pm => theme::STRATEGY.gamma_multiply(0.35),
        Column::Po => theme::EXECUTION.gamma_multiply(0.35),
        Column::Unassigned => egui::Color32::TRANSPARENT,
    };
    let text = if owners.is_empty() && card.column != Column::Unassigned {
        format!("{} (nobody)", short(card.column))
    } else {
        short(card.column).to_string()
    };
    let response = ui.add(
        egui::Button::new(text)
            .fill(fill)
            .min_size(egui::vec2(CELL_WIDTH - 8.0, 18.0))
            .sense(Sense::click()),
    );
    let who = if owners.is_empty() {
        "nobody carries it".to_string()
    } else {
        owners.join(", ")
    };
    let name = format!(
        "{title} on {}: {}; {who}",
        product.name,
        card.column.label()
    );
    let response = response.accessible_name(&name).on_hover_text(&name);
    let move_to = |to: Column| Action::Card {
        product: product.id.clone(),
        responsibility: responsibility.to_string(),
        intent: CardIntent::Move {
            to,
            place: Place::Keep,
        },
    };
    if response.clicked() {
        actions.push(move_to(next(card.column)));
    }
    response.context_menu(|ui| {
        for column in Column::ALL {
            if ui
                .add_enabled(
                    column != card.column,
                    egui::Button::new(format!("Move to {}", column.label())),
                )
                .clicked()
            {
                actions.push(move_to(column));
                ui.close();
            }
        }
        ui.separator();
        if ui.button("Take off this board…").clicked() {
            actions.push(Action::AskRemove(Edit::RemoveCard {
                product: product.id.clone(),
                responsibility: responsibility.to_string(),
            }));
            ui.close();
        }
    });
}
