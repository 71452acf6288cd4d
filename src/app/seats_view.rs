//! The seats over a board's columns: the PM seat over the PM column, each team's PO seat
//! over the PO column, each a person picker with its lock.

use egui::Ui;

use crate::model::{Column, Product};

use super::action::{Action, SeatIntent, SeatRef};
use super::document::Document;
use super::state::AppState;
use super::theme;
use super::widgets::person_picker;

/// Room kept beside a seat's picker for its lock ("locked" and the spacing).
const LOCK_WIDTH: f32 = 72.0;

/// The seat pickers of a column: the PM seat over the PM column, each team's PO seat over
/// the PO column, each with its lock (suggestions never change a locked seat).
pub fn seats_ui(
    ui: &mut Ui,
    state: &AppState,
    product: &Product,
    column: Column,
    actions: &mut Vec<Action>,
) {
    let s = &state.doc.scenario;
    let highlight = &state.view.selection.highlight;
    match column {
        Column::Pm => {
            let seat = SeatView {
                accessible_name: format!("PM of {}", product.name),
                label: "Product manager".into(),
                current: product.pm.as_deref(),
                highlighted: highlight.contains(&product.id),
                locked: product.pm_locked,
                suggested: state.suggest.previewed_seat(
                    &state.doc.scenario,
                    state.doc.generation,
                    Some(&product.id),
                    None,
                ),
            };
            if let Some(intent) = seat_picker(ui, &state.doc, &seat) {
                actions.push(Action::Seat {
                    seat: SeatRef::Pm {
                        product: product.id.clone(),
                    },
                    intent,
                });
            }
        }
        Column::Po => {
            let mut any = false;
            let teams = state
                .doc
                .product_index(&product.id)
                .and_then(|p| state.doc.analysis.seats.teams_of.get(p))
                .map_or(&[][..], Vec::as_slice);
            for team in teams.iter().filter_map(|&t| s.teams.get(t)) {
                any = true;
                let seat = SeatView {
                    accessible_name: format!("PO of {}", team.name),
                    label: format!("{} PO", team.name),
                    current: team.po.as_deref(),
                    highlighted: highlight.contains(&team.id),
                    locked: team.po_locked,
                    suggested: state.suggest.previewed_seat(
                        &state.doc.scenario,
                        state.doc.generation,
                        None,
                        Some(&team.id),
                    ),
                };
                if let Some(intent) = seat_picker(ui, &state.doc, &seat) {
                    actions.push(Action::Seat {
                        seat: SeatRef::Po {
                            team: team.id.clone(),
                        },
                        intent,
                    });
                }
            }
            if !any {
                ui.weak("No team: PO work lands on nobody");
            }
        }
        Column::Unassigned => {
            ui.weak("The parking lot: nobody carries these");
        }
    }
}

/// One seat as its picker shows it.
struct SeatView<'a> {
    accessible_name: String,
    label: String,
    current: Option<&'a str>,
    highlighted: bool,
    locked: bool,
    /// The holder a previewed suggestion would put here.
    suggested: Option<String>,
}

/// A labelled picker of the person in a seat, with its lock. Returns what changed.
fn seat_picker(ui: &mut Ui, doc: &Document, seat: &SeatView) -> Option<SeatIntent> {
    let mut change = None;
    ui.horizontal_wrapped(|ui| {
        let text = egui::RichText::new(&seat.label);
        let label_response = if seat.highlighted {
            ui.label(text.background_color(theme::highlight_fill()).strong())
        } else {
            ui.label(text)
        };
        // The picker takes what the label and the lock leave on the line, so that all three
        // share one line when there is room (they wrap when there is not).
        let used = label_response.rect.width() + 2.0 * ui.spacing().item_spacing.x;
        let width = (ui.max_rect().width() - used - LOCK_WIDTH).clamp(60.0, 160.0);
        let (response, changed) =
            person_picker(ui, &seat.accessible_name, doc, seat.current, width);
        response
            .labelled_by(label_response.id)
            .on_hover_text(&seat.accessible_name);
        if let Some(person) = changed {
            change = Some(SeatIntent::Give(person));
        }
        let lock_name = format!("Lock the seat: {}", seat.accessible_name);
        if ui
            .selectable_label(seat.locked, if seat.locked { "locked" } else { "lock" })
            .accessible_name(&lock_name)
            .on_hover_text("A locked seat was decided in the workshop: suggestions never change it")
            .clicked()
        {
            change = Some(SeatIntent::Lock(!seat.locked));
        }
        if let Some(name) = &seat.suggested {
            ui.label(
                egui::RichText::new(format!("suggested: {name}"))
                    .background_color(theme::highlight_fill())
                    .strong(),
            );
        }
    });
    change
}
