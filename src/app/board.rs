//! The board of one product: the PM, PO and Unassigned columns, their seats and cards.
//! Cards are dragged between columns with the mouse, or moved by menu and keys.

use egui::{Align2, FontId, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, vec2};

use crate::edit::{Edit, Place};
use crate::load::CardLoad;
use crate::model::{Card, Column, Product, Responsibility, Scenario};
use crate::num::{counted, hours};

use super::action::{Action, CardIntent};
use super::card::{
    CardFace, Emphasis, card_tooltip_ui, ghost_card_ui, paint_card, room_tally_node,
};
use super::command::Command;
use super::shown::{Badge, BoardRows};
use super::state::AppState;
use super::theme;

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
        // While a growth is previewed, its teams and engineers.
        let seats = &state.view.growth.shown(&state.doc).1.seats;
        let teams = seats.teams_of.get(index).map_or(0, Vec::len);
        let engineers = seats.engineers_of.get(index).copied().unwrap_or(0);
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
    // Worked out once per change (`AppState::begin_frame`); a board drawn without it (a
    // test of the view alone) works it out here.
    let view = &state.view;
    let built;
    let rows = match view.shown.board(&state.doc, index, &view.search) {
        Some(rows) => rows,
        None => {
            built = BoardRows::build(&state.doc, index, &view.search.trim().to_lowercase());
            &built
        }
    };
    let board = Board {
        state,
        product,
        load,
        rows,
        person: state
            .view
            .selection
            .person
            .as_deref()
            .and_then(|id| state.doc.names().person(id)),
    };
    // The three columns share the width the panels leave; what does not fit in a column
    // wraps or is cut with "…" (the whole text is in the card's tooltip and details). They
    // end where the card's details begin: `Ui::columns` would reach the bottom of the board
    // and run its cards under them.
    let space = ui.available_rect_before_wrap();
    ui.scope_builder(egui::UiBuilder::new().max_rect(space), |ui| {
        ui.columns(3, |columns| {
            for (ui, column) in columns.iter_mut().zip(Column::ALL) {
                board.column_ui(ui, column, actions);
            }
        });
    });
}

/// What every column and card of the shown board draws from.
struct Board<'a> {
    state: &'a AppState,
    product: &'a Product,
    load: &'a crate::load::ProductLoad,
    rows: &'a BoardRows,
    /// The selected person (index): the cards that give them hours are highlighted.
    person: Option<usize>,
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

impl Board<'_> {
    fn column_ui(&self, ui: &mut Ui, column: Column, actions: &mut Vec<Action>) {
        let (state, product) = (self.state, self.product);
        ui.horizontal_wrapped(|ui| {
            ui.strong(egui::RichText::new(column.label()).size(18.0));
            ui.label(format!("{} h a week", hours(self.rows.hours(column))));
        });
        super::seats_view::seats_ui(ui, state, product, column, actions);
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

        let cards = self.rows.cards(column);
        let previewed = state
            .suggest
            .previewed_moves(state.doc.generation, &product.id);
        let ghosts: Vec<&str> = previewed
            .iter()
            .filter(|(_, to)| *to == column)
            .map(|(r, _)| r.as_str())
            .collect();
        // Where the first card's row starts on screen (rows have one height, so every
        // card's place follows from it, drawn or not).
        let mut origin: Option<f32> = None;
        let stride = theme::CARD_HEIGHT + ui.spacing().item_spacing.y;
        if cards.is_empty() && ghosts.is_empty() {
            ui.weak(if !self.rows.filtered {
                "Drop cards here"
            } else {
                "No card matches the search"
            });
        }
        // Only the cards in view are laid out: a board of hundreds of cards costs what its
        // visible part costs.
        egui::ScrollArea::vertical()
            .id_salt(("column", column.as_str()))
            .auto_shrink([false, false])
            .show_rows(
                ui,
                theme::CARD_HEIGHT,
                cards.len() + ghosts.len(),
                |ui, range| {
                    for row in range {
                        match cards.get(row) {
                            Some(&i) => {
                                let rect = self.card_ui(ui, i, &previewed, actions);
                                origin.get_or_insert(rect.top() - row as f32 * stride);
                            }
                            None => {
                                if let Some(r) = ghosts.get(row - cards.len()) {
                                    ghost_card_ui(ui, state.doc.name_of(r));
                                }
                            }
                        }
                    }
                },
            );

        if let Some(dropped) = zone.dnd_release_payload::<CardDrag>()
            && dropped.product == product.id
        {
            let pointer_y = ui
                .ctx()
                .pointer_interact_pos()
                .map_or(f32::INFINITY, |p| p.y);
            let place = cards
                .iter()
                .enumerate()
                .filter_map(|(row, &i)| product.cards.get(i).map(|c| (row, c)))
                .find(|(row, c)| {
                    let centre = origin.map_or(f32::INFINITY, |top| top + *row as f32 * stride)
                        + theme::CARD_HEIGHT / 2.0;
                    c.responsibility != dropped.responsibility && pointer_y < centre
                })
                .map_or(Place::End, |(_, c)| Place::Before(c.responsibility.clone()));
            actions.push(Action::Card {
                product: product.id.clone(),
                responsibility: dropped.responsibility.clone(),
                intent: CardIntent::Move { to: column, place },
            });
        }
    }
}

impl Board<'_> {
    /// Card `i` of the board. Returns its rect (for working out where a drop lands).
    fn card_ui(
        &self,
        ui: &mut Ui,
        i: usize,
        previewed: &[(String, Column)],
        actions: &mut Vec<Action>,
    ) -> Rect {
        let state = self.state;
        let size = vec2(ui.available_width(), theme::CARD_HEIGHT);
        let s = &state.doc.scenario;
        let (Some(card), Some(load), Some(r)) = (
            self.product.cards.get(i),
            self.load.cards.get(i),
            self.product.cards.get(i).and_then(|c| {
                let r = state.doc.names().responsibility(&c.responsibility)?;
                s.responsibilities.get(r)
            }),
        ) else {
            return ui.allocate_exact_size(size, Sense::hover()).0;
        };
        card_ui(
            ui,
            CardView {
                state,
                product: self.product,
                card,
                r,
                load,
                badge: self.rows.badges.get(&card.responsibility),
                person: self.person,
                previewed_to: previewed
                    .iter()
                    .find(|(r, _)| *r == card.responsibility)
                    .map(|(_, to)| *to),
            },
            actions,
        )
    }
}

/// One card as [`card_ui`] draws it.
struct CardView<'a> {
    state: &'a AppState,
    product: &'a Product,
    card: &'a Card,
    r: &'a Responsibility,
    load: &'a CardLoad,
    badge: Option<&'a Badge>,
    /// The selected person (index).
    person: Option<usize>,
    /// Where a previewed suggestion moves the card.
    previewed_to: Option<Column>,
}

/// One card. Returns its rect.
fn card_ui(ui: &mut Ui, view: CardView, actions: &mut Vec<Action>) -> Rect {
    let CardView {
        state,
        product,
        card,
        r,
        load,
        badge,
        person,
        previewed_to,
    } = view;
    let selected = state.view.selection.card.as_deref() == Some(card.responsibility.as_str());
    let highlighted = state
        .view
        .selection
        .highlight
        .contains(&card.responsibility)
        || person.is_some_and(|p| load.shares.iter().any(|sh| sh.person == p));
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
        if let Some(to) = previewed_to {
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
