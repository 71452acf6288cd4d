//! The seats over a board's columns: the PM seat over the PM column, each team's PO seat
//! over the PO column, each a person picker with its lock.

use egui::Ui;

use crate::model::{Column, Product};

use super::action::{Action, SeatIntent, SeatRef};
use super::document::Document;
use super::state::AppState;
use super::theme;
use super::widgets::{EMPTY_SEAT, button_width, person_picker, text_width};

/// The narrowest a seat's picker gets: a short name and the arrow.
const MIN_PICKER_WIDTH: f32 = 60.0;

/// The widest a seat's picker gets.
const MAX_PICKER_WIDTH: f32 = 160.0;

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
            let holder = seat.current.map_or(EMPTY_SEAT, |p| state.doc.name_of(p));
            let lines = SeatLines::of(ui, [(seat.label.as_str(), holder)]);
            if let Some(intent) = seat_picker(ui, &state.doc, &seat, lines) {
                actions.push(Action::Seat {
                    seat: SeatRef::Pm {
                        product: product.id.clone(),
                    },
                    intent,
                });
            }
        }
        Column::Po => {
            let teams = state
                .doc
                .product_index(&product.id)
                .and_then(|p| state.doc.analysis.seats.teams_of.get(p))
                .map_or(&[][..], Vec::as_slice);
            let teams: Vec<_> = teams.iter().filter_map(|&t| s.teams.get(t)).collect();
            let labels: Vec<String> = teams.iter().map(|t| format!("{} PO", t.name)).collect();
            // One layout for the column's seats, so that their pickers line up.
            let holders = teams
                .iter()
                .map(|t| t.po.as_deref().map_or(EMPTY_SEAT, |p| state.doc.name_of(p)));
            let lines = SeatLines::of(ui, labels.iter().map(String::as_str).zip(holders));
            for (team, label) in teams.iter().zip(labels) {
                let seat = SeatView {
                    accessible_name: format!("PO of {}", team.name),
                    label,
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
                if let Some(intent) = seat_picker(ui, &state.doc, &seat, lines) {
                    actions.push(Action::Seat {
                        seat: SeatRef::Po {
                            team: team.id.clone(),
                        },
                        intent,
                    });
                }
            }
            if teams.is_empty() {
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

/// How the seats of a column are laid out: label, picker and lock on one line when every
/// label leaves the picker a usable width there; otherwise each label on a line of its own
/// over its picker and lock, so that a lock never wraps away from its picker.
#[derive(Clone, Copy)]
struct SeatLines {
    one_line: bool,
    /// The lock's width ("locked") and the space before it.
    lock_width: f32,
}

impl SeatLines {
    /// The layout for seats with these labels and holders' names: one line when every
    /// label leaves its picker room for the whole name.
    fn of<'a>(ui: &Ui, seats: impl IntoIterator<Item = (&'a str, &'a str)>) -> SeatLines {
        let gap = ui.spacing().item_spacing.x;
        let lock_width = gap + button_width(ui, "locked");
        // The picker's arrow and padding beyond the name.
        let arrow = ui.spacing().icon_width + 3.0 * ui.spacing().button_padding.x;
        let widest = seats
            .into_iter()
            .map(|(label, holder)| {
                let picker =
                    (button_width(ui, holder) + arrow).clamp(MIN_PICKER_WIDTH, MAX_PICKER_WIDTH);
                text_width(ui, label, egui::TextStyle::Body) + gap + picker
            })
            .fold(0.0, f32::max);
        SeatLines {
            one_line: widest + lock_width <= ui.available_width(),
            lock_width,
        }
    }
}

/// A labelled picker of the person in a seat, with its lock. Returns what changed.
fn seat_picker(
    ui: &mut Ui,
    doc: &Document,
    seat: &SeatView,
    lines: SeatLines,
) -> Option<SeatIntent> {
    let mut text = egui::RichText::new(&seat.label);
    if seat.highlighted {
        text = text.background_color(theme::highlight_fill()).strong();
    }
    let mut change = None;
    let mut picker_and_lock = |ui: &mut Ui, label_id: egui::Id| {
        let width =
            (ui.available_width() - lines.lock_width).clamp(MIN_PICKER_WIDTH, MAX_PICKER_WIDTH);
        let (response, changed) =
            person_picker(ui, &seat.accessible_name, doc, seat.current, width);
        response
            .labelled_by(label_id)
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
    };
    if lines.one_line {
        ui.horizontal(|ui| {
            let id = ui.label(text).id;
            picker_and_lock(ui, id);
        });
    } else {
        let id = ui.label(text).id;
        ui.horizontal(|ui| picker_and_lock(ui, id));
    }
    if let Some(name) = &seat.suggested {
        ui.label(
            egui::RichText::new(format!("suggested: {name}"))
                .background_color(theme::highlight_fill())
                .strong(),
        );
    }
    change
}
