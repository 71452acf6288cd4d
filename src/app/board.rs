//! The board of one product: the PM, PO and Unassigned columns, their seats and cards.
//! Cards are dragged between columns with the mouse, or moved by menu and keys.

use std::collections::HashMap;

use egui::{Align2, FontId, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, vec2};

use crate::edit::{Edit, Place};
use crate::findings::Severity;
use crate::load::CardLoad;
use crate::model::{Card, Column, Product, Responsibility, Scenario};
use crate::num::{counted, hours};

use super::action::{Action, CardIntent, SeatIntent, SeatRef};
use super::card::{
    CardFace, Emphasis, card_tooltip_ui, ghost_card_ui, paint_card, room_tally_node,
};
use super::command::Command;
use super::state::AppState;
use super::theme;
use super::widgets::person_picker;

/// What is carried while a card is dragged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardDrag {
    pub product: String,
    pub responsibility: String,
}

/// The board of the selected product.
pub fn board_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    let Some(index) = state.product_index() else {
        ui.label("This scenario has no products yet.");
        return;
    };
    let (Some(product), Some(load)) = (
        s.products.get(index),
        state.doc.analysis.loads.products.get(index),
    ) else {
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.heading(&product.name);
        let teams = state
            .doc
            .analysis
            .seats
            .teams_of
            .get(index)
            .map_or(0, Vec::len);
        let engineers = state
            .doc
            .analysis
            .seats
            .engineers_of
            .get(index)
            .copied()
            .unwrap_or(0);
        ui.label(format!(
            "{} · {} · {}",
            product.market.name(),
            counted(teams, "team", "teams"),
            counted(engineers as usize, "engineer", "engineers")
        ));
    });
    if !state.prefs.presentation {
        add_card_menu_ui(ui, state, product, actions);
    }
    super::growth_view::growth_form_ui(ui, state, s, index, actions);
    let badges = card_badges(state, product);
    // The search filters the cards, unless it found the product by its name: then the whole
    // board shows.
    let mut filter = state.view.search.trim().to_lowercase();
    if product.name.to_lowercase().contains(&filter) {
        filter.clear();
    }
    // The three columns share the width the panels leave; what does not fit in a column
    // wraps or is cut with "…" (the whole text is in the card's tooltip and details).
    ui.columns(3, |columns| {
        for (ui, column) in columns.iter_mut().zip(Column::ALL) {
            column_ui(ui, state, product, load, column, &badges, &filter, actions);
        }
    });
}

/// Puts a responsibility on the board: one of the scenario's, or one of the reference
/// catalogue's (which joins the scenario with the stakeholders it serves).
fn add_card_menu_ui(ui: &mut Ui, state: &AppState, product: &Product, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    ui.horizontal(|ui| {
        ui.menu_button("Add a card…", |ui| {
            ui.set_max_height(500.0);
            egui::ScrollArea::vertical()
                .id_salt("add_card_menu")
                .show(ui, |ui| {
                    ui.strong("This scenario's responsibilities");
                    let mut any = false;
                    for r in &s.responsibilities {
                        if product.cards.iter().any(|c| c.responsibility == r.id) {
                            continue;
                        }
                        any = true;
                        if ui.button(&r.title).clicked() {
                            actions.push(Action::Edit(Edit::AddCard {
                                product: product.id.clone(),
                                card: Card::new(r.id.clone(), Column::Unassigned),
                            }));
                            ui.close();
                        }
                    }
                    if !any {
                        ui.weak("All of them are on this board.");
                    }
                    ui.separator();
                    ui.strong("From the reference catalogue");
                    match crate::catalogue::Catalogue::builtin() {
                        Ok(catalogue) => {
                            for entry in catalogue
                                .responsibilities
                                .iter()
                                .filter(|e| s.responsibility(&e.id).is_none())
                            {
                                let text = format!(
                                    "{} ({} h, {})",
                                    entry.title,
                                    crate::num::hours(entry.hours),
                                    entry.column.label()
                                );
                                if ui.button(text).on_hover_text(&entry.description).clicked() {
                                    actions.push(Action::Edit(from_catalogue(
                                        s,
                                        &catalogue,
                                        entry,
                                        &product.id,
                                    )));
                                    ui.close();
                                }
                            }
                        }
                        Err(e) => {
                            ui.label(format!("The catalogue could not be read: {e}"));
                        }
                    }
                });
        })
        .response
        .on_hover_text("Put a responsibility on this board");
    });
}

/// The edit that brings a catalogue entry into the scenario and onto a board, in the
/// column the articles give it.
fn from_catalogue(
    s: &Scenario,
    catalogue: &crate::catalogue::Catalogue,
    entry: &crate::catalogue::CatalogueEntry,
    product: &str,
) -> Edit {
    let mut edits: Vec<Edit> = entry
        .stakeholders
        .iter()
        .filter(|id| !s.stakeholders.iter().any(|x| x.id == **id))
        .filter_map(|id| catalogue.stakeholders.iter().find(|x| x.id == *id))
        .map(|x| Edit::AddStakeholder(x.clone()))
        .collect();
    edits.push(Edit::AddResponsibility(entry.responsibility()));
    edits.push(Edit::AddCard {
        product: product.to_string(),
        card: Card::new(entry.id.clone(), entry.column),
    });
    Edit::Batch(edits)
}

/// Per card (responsibility id): the worst severity of the findings that name it on this
/// product, and the rules' ids.
fn card_badges(
    state: &AppState,
    product: &Product,
) -> HashMap<String, (Severity, Vec<&'static str>)> {
    let mut badges: HashMap<String, (Severity, Vec<&'static str>)> = HashMap::new();
    for f in &state.doc.analysis.findings {
        if f.subjects.first() != Some(&product.id) {
            continue;
        }
        for id in f.subjects.iter().skip(1) {
            let entry = badges.entry(id.clone()).or_insert((f.severity, Vec::new()));
            entry.0 = entry.0.min(f.severity);
            entry.1.push(f.rule.id());
        }
    }
    badges
}

/// The hours a card puts into its column: what lands on people plus what lands on empty
/// seats, or what is parked.
fn column_hours(load: &CardLoad) -> f64 {
    load.shares.iter().map(|s| s.hours).sum::<f64>() + load.unowned_hours + load.unassigned_hours
}

#[allow(clippy::too_many_arguments)]
fn column_ui(
    ui: &mut Ui,
    state: &AppState,
    product: &Product,
    load: &crate::load::ProductLoad,
    column: Column,
    badges: &HashMap<String, (Severity, Vec<&'static str>)>,
    filter: &str,
    actions: &mut Vec<Action>,
) {
    let s = &state.doc.scenario;
    let total: f64 = product
        .cards
        .iter()
        .zip(&load.cards)
        .filter(|(c, _)| c.column == column)
        .map(|(_, l)| column_hours(l))
        .sum();
    ui.horizontal_wrapped(|ui| {
        ui.strong(egui::RichText::new(column.label()).size(18.0));
        ui.label(format!("{} h a week", hours(total)));
    });
    seats_ui(ui, state, product, column, actions);
    ui.separator();

    let drag = egui::DragAndDrop::payload::<CardDrag>(ui.ctx());
    let dragging_here = drag.as_ref().is_some_and(|d| d.product == product.id);
    let area = ui.available_rect_before_wrap();
    let zone = ui.interact(
        area,
        ui.scope_id().with(("drop", column.as_str())),
        Sense::hover(),
    );
    let hovered_by_drag = dragging_here && zone.contains_pointer();
    if dragging_here {
        let stroke = if hovered_by_drag {
            Stroke::new(3.0, theme::HIGHLIGHT)
        } else {
            Stroke::new(1.0, ui.visuals().widgets.inactive.bg_stroke.color)
        };
        ui.painter()
            .rect_stroke(area, 6.0, stroke, StrokeKind::Inside);
        if hovered_by_drag {
            ui.painter().rect_filled(area, 6.0, theme::highlight_fill());
        }
    }

    let mut card_rects: Vec<(String, Rect)> = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt(("column", column.as_str()))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (card, card_load) in product.cards.iter().zip(&load.cards) {
                if card.column != column {
                    continue;
                }
                let Some(r) = s.responsibility(&card.responsibility) else {
                    continue;
                };
                if !filter.is_empty() && !r.title.to_lowercase().contains(filter) {
                    continue;
                }
                let rect = card_ui(
                    ui,
                    state,
                    product,
                    card,
                    r,
                    card_load,
                    badges.get(&card.responsibility),
                    actions,
                );
                card_rects.push((card.responsibility.clone(), rect));
            }
            for (responsibility, to) in state
                .suggest
                .previewed_moves(state.doc.generation, &product.id)
            {
                if to == column {
                    ghost_card_ui(ui, s, &responsibility);
                }
            }
            if card_rects.is_empty() {
                ui.weak(if filter.is_empty() {
                    "Drop cards here"
                } else {
                    "No card matches the search"
                });
            }
        });

    if let Some(dropped) = zone.dnd_release_payload::<CardDrag>()
        && dropped.product == product.id
    {
        let pointer_y = ui
            .ctx()
            .pointer_interact_pos()
            .map_or(f32::INFINITY, |p| p.y);
        let place = card_rects
            .iter()
            .find(|(r, rect)| *r != dropped.responsibility && pointer_y < rect.center().y)
            .map_or(Place::End, |(r, _)| Place::Before(r.clone()));
        actions.push(Action::Card {
            product: product.id.clone(),
            responsibility: dropped.responsibility.clone(),
            intent: CardIntent::Move { to: column, place },
        });
    }
}

/// The seat pickers of a column: the PM seat over the PM column, each team's PO seat over
/// the PO column, each with its lock (suggestions never change a locked seat).
fn seats_ui(
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
            if let Some(intent) = seat_picker(ui, s, &seat) {
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
            for team in s.teams_of(&product.id) {
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
                if let Some(intent) = seat_picker(ui, s, &seat) {
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
fn seat_picker(ui: &mut Ui, s: &Scenario, seat: &SeatView) -> Option<SeatIntent> {
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
        let (response, changed) = person_picker(ui, &seat.accessible_name, s, seat.current, width);
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

/// One card. Returns its rect (for working out where a drop lands).
#[allow(clippy::too_many_arguments)]
fn card_ui(
    ui: &mut Ui,
    state: &AppState,
    product: &Product,
    card: &Card,
    r: &Responsibility,
    load: &CardLoad,
    badge: Option<&(Severity, Vec<&'static str>)>,
    actions: &mut Vec<Action>,
) -> Rect {
    let selected = state.view.selection.card.as_deref() == Some(card.responsibility.as_str());
    let highlighted = state
        .view
        .selection
        .highlight
        .contains(&card.responsibility)
        || state
            .view
            .selection
            .person
            .as_ref()
            .and_then(|p| state.doc.scenario.people.iter().position(|x| x.id == *p))
            .is_some_and(|p| load.shares.iter().any(|sh| sh.person == p));
    let face = CardFace {
        card,
        responsibility: r,
        load,
        badge,
        emphasis: Emphasis::default(),
        room: state.workshop.room_tally(&product.id, &card.responsibility),
    };
    let size = vec2(ui.available_width(), theme::CARD_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &r.title));
    response.dnd_set_drag_payload(CardDrag {
        product: product.id.clone(),
        responsibility: card.responsibility.clone(),
    });
    if response.clicked() || response.gained_focus() {
        actions.push(Action::SelectCard(Some(card.responsibility.clone())));
    }

    if response.dragged() {
        // The card follows the pointer on top of everything; its place keeps an outline.
        ui.painter().rect_stroke(
            rect,
            6.0,
            Stroke::new(1.0, theme::OTHER),
            StrokeKind::Inside,
        );
        let layer = egui::LayerId::new(egui::Order::Tooltip, response.id);
        let painter = ui.ctx().layer_painter(layer);
        let face = CardFace {
            emphasis: Emphasis {
                selected: true,
                highlighted,
                focused: false,
            },
            ..face
        };
        paint_card(ui, &painter, rect, &face);
        // Moves what was painted on the layer (only shapes painted before this call).
        let delta = ui
            .ctx()
            .pointer_interact_pos()
            .map_or(Vec2::ZERO, |p| p - rect.center());
        ui.ctx()
            .transform_layer_shapes(layer, egui::emath::TSTransform::from_translation(delta));
    } else if ui.is_rect_visible(rect) {
        let painter = ui.painter().clone();
        if let Some((_, to)) = state
            .suggest
            .previewed_moves(state.doc.generation, &product.id)
            .into_iter()
            .find(|(r, _)| *r == card.responsibility)
        {
            // The suggestion under the pointer moves this card away.
            painter.rect_stroke(
                rect.expand(2.0),
                8.0,
                Stroke::new(2.0, theme::HIGHLIGHT),
                StrokeKind::Outside,
            );
            painter.text(
                rect.right_top() + vec2(-8.0, 8.0),
                Align2::RIGHT_TOP,
                format!("suggested: to {}", to.label()),
                FontId::proportional(11.5),
                theme::HIGHLIGHT,
            );
        }
        let face = CardFace {
            emphasis: Emphasis {
                selected,
                highlighted,
                focused: response.has_focus(),
            },
            ..face
        };
        let room_badge = paint_card(ui, &painter, rect, &face);
        room_tally_node(ui, response.id, room_badge, face.room);
    }

    let response = response.on_hover_ui(|ui| card_tooltip_ui(ui, &state.doc.scenario, card, r));
    response.context_menu(|ui| {
        for column in Column::ALL {
            let enabled = column != card.column;
            if Command::MoveTo(column).menu_button(ui, enabled) {
                actions.push(Action::Card {
                    product: product.id.clone(),
                    responsibility: card.responsibility.clone(),
                    intent: CardIntent::Move {
                        to: column,
                        place: Place::Keep,
                    },
                });
                ui.close();
            }
        }
        ui.separator();
        let flag = if card.flagged {
            "Discussed: remove the flag"
        } else {
            "Needs discussion"
        };
        if ui
            .add(egui::Button::new(flag).shortcut_text(Command::FlagCard.shortcut_text(ui.ctx())))
            .clicked()
        {
            actions.push(Action::Card {
                product: product.id.clone(),
                responsibility: card.responsibility.clone(),
                intent: CardIntent::ToggleFlag,
            });
            ui.close();
        }
        // The workshop record (issue 18): a decision about this card, its last move as text.
        if ui.button(RECORD_A_DECISION).clicked() {
            actions.push(Action::DraftDecision {
                product: Some(product.id.clone()),
                responsibility: Some(card.responsibility.clone()),
            });
            ui.close();
        }
    });
    rect
}

/// The menu item and button that start a decision in the workshop record.
pub const RECORD_A_DECISION: &str = "Record a decision…";

/// Room kept beside a seat's picker for its lock ("locked" and the spacing).
const LOCK_WIDTH: f32 = 72.0;
