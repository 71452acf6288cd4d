//! People with their load bars, and where a selected person's hours come from.

use egui::{Align2, FontId, Rect, Sense, Stroke, StrokeKind, Ui, WidgetInfo, pos2, vec2};

use crate::load::PersonLoad;
use crate::model::Person;
use crate::num::{gt, hours, percent};
use crate::role_fit::{HORIZONS, RoleFit, Sides};

use super::action::Action;
use super::document::Document;
use super::state::AppState;
use super::theme;

/// The people list: one row each with hours and a stacked bar of strategy, execution and
/// other duties against a capacity line. Long lists draw only the visible rows.
pub fn people_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    let loads = &state.doc.analysis.loads.people;
    ui.horizontal(|ui| {
        ui.strong("People");
        legend_ui(ui);
    });
    if s.people.is_empty() {
        ui.weak("No people yet.");
        return;
    }
    let breakdown_height = if state.view.selection.person.is_some() {
        ui.available_height() * 0.4
    } else {
        0.0
    };
    egui::ScrollArea::vertical()
        .id_salt("people_list")
        .max_height(ui.available_height() - breakdown_height)
        .auto_shrink([false, true])
        .show_rows(ui, theme::PERSON_ROW_HEIGHT, s.people.len(), |ui, rows| {
            for i in rows {
                if let (Some(person), Some(load)) = (s.people.get(i), loads.get(i)) {
                    let selected =
                        state.view.selection.person.as_deref() == Some(person.id.as_str());
                    let lit = state.view.selection.highlight.contains(&person.id);
                    // A previewed suggestion's load after it, else a previewed growth's.
                    let after = state
                        .suggest
                        .previewed_load(state.doc.generation, &person.id)
                        .or_else(|| {
                            let growth = state.view.growth.preview(&state.doc)?;
                            growth.marks.loads_after.get(i).copied().flatten()
                        });
                    if person_row_ui(ui, person, load, selected || lit, after).clicked() {
                        let next = if selected {
                            None
                        } else {
                            Some(person.id.clone())
                        };
                        actions.push(Action::SelectPerson(next));
                    }
                }
            }
        });
    if let Some(id) = &state.view.selection.person {
        ui.separator();
        breakdown_ui(ui, state, id, actions);
    }
}

fn legend_ui(ui: &mut Ui) {
    for (text, colour) in [
        ("strategy", theme::STRATEGY),
        ("execution", theme::EXECUTION),
        ("other", theme::OTHER),
    ] {
        let (rect, _) = ui.allocate_exact_size(vec2(10.0, 10.0), Sense::hover());
        ui.painter().rect_filled(rect, 2.0, colour);
        ui.small(text);
    }
}

/// One person: name and hours on the first line, the load bar below.
fn person_row_ui(
    ui: &mut Ui,
    person: &Person,
    load: &PersonLoad,
    selected: bool,
    after: Option<f64>,
) -> egui::Response {
    let over = gt(load.load_hours(), load.capacity_hours);
    let size = vec2(ui.available_width(), theme::PERSON_ROW_HEIGHT);
    let (rect, response) = ui.allocate_exact_size(size, Sense::click());
    let summary = format!(
        "{}: {} h of {} h ({}){}",
        person.name,
        hours(load.load_hours()),
        hours(load.capacity_hours),
        percent(load.load_hours(), load.capacity_hours),
        if over { ", over capacity" } else { "" }
    );
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &person.name));
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let visuals = ui.visuals();
        if selected {
            painter.rect_filled(rect, 4.0, theme::highlight_fill());
        } else if response.hovered() {
            painter.rect_filled(rect, 4.0, visuals.widgets.hovered.weak_bg_fill);
        }
        let text = visuals.text_color();
        let mut numbers = format!(
            "{} / {} h{}",
            hours(load.load_hours()),
            hours(load.capacity_hours),
            if over { "  ! over" } else { "" }
        );
        if let Some(after) = after {
            // A previewed suggestion: the load after it, beside the load now.
            numbers = format!("{} h after, now {numbers}", hours(after));
            painter.rect_stroke(
                rect,
                4.0,
                Stroke::new(2.0, theme::HIGHLIGHT),
                StrokeKind::Inside,
            );
        }
        let numbers = painter.text(
            pos2(rect.right() - 4.0, rect.top() + 9.0),
            Align2::RIGHT_CENTER,
            numbers,
            FontId::proportional(13.0),
            if over {
                theme::OVER
            } else {
                visuals.weak_text_color()
            },
        );
        // The name gets what the numbers leave, cut short with "…" when it is longer.
        let name = ui
            .fonts_mut(|f| f.layout_no_wrap(person.name.clone(), FontId::proportional(14.0), text));
        let room = (numbers.left() - 10.0 - (rect.left() + 4.0)).max(0.0);
        let name = super::card::truncate(ui, name, &person.name, room, 14.0, text);
        let top = rect.top() + 9.0 - name.size().y / 2.0;
        painter.galley(pos2(rect.left() + 4.0, top), name, text);
        let bar = Rect::from_min_max(
            pos2(rect.left() + 4.0, rect.top() + 20.0),
            pos2(rect.right() - 4.0, rect.top() + 32.0),
        );
        load_bar(painter, bar, load, over, visuals.dark_mode);
    }
    response.on_hover_text(format!(
        "{summary}\n{} h strategy, {} h execution, {} h other duties",
        hours(load.strategy_hours),
        hours(load.execution_hours),
        hours(load.other_hours)
    ))
}

/// A stacked bar against a capacity line; over capacity, the part beyond the line is
/// hatched and outlined, not only coloured.
pub fn load_bar(
    painter: &egui::Painter,
    bar: Rect,
    load: &PersonLoad,
    over: bool,
    dark_mode: bool,
) {
    let scale_hours = load.capacity_hours.max(load.load_hours()).max(1.0) * 1.1;
    let scale = bar.width() / scale_hours as f32;
    painter.rect_filled(bar, 2.0, theme::OTHER.gamma_multiply(0.2));
    let mut x = bar.left();
    for (value, colour) in [
        (load.strategy_hours, theme::STRATEGY),
        (load.execution_hours, theme::EXECUTION),
        (load.other_hours, theme::OTHER),
    ] {
        let w = (value as f32 * scale).max(0.0);
        painter.rect_filled(
            Rect::from_min_size(pos2(x, bar.top()), vec2(w, bar.height())),
            0.0,
            colour,
        );
        x += w;
    }
    let cap_x = bar.left() + load.capacity_hours as f32 * scale;
    if over {
        let beyond = Rect::from_min_max(pos2(cap_x, bar.top()), pos2(x, bar.bottom()));
        let mut hatch_x = beyond.left();
        while hatch_x < beyond.right() {
            painter.line_segment(
                [
                    pos2(hatch_x, beyond.bottom()),
                    pos2((hatch_x + 6.0).min(beyond.right()), beyond.top()),
                ],
                Stroke::new(1.5, egui::Color32::BLACK),
            );
            hatch_x += 5.0;
        }
        painter.rect_stroke(
            beyond,
            0.0,
            Stroke::new(2.0, theme::OVER),
            StrokeKind::Outside,
        );
    }
    painter.line_segment(
        [
            pos2(cap_x, bar.top() - 3.0),
            pos2(cap_x, bar.bottom() + 3.0),
        ],
        Stroke::new(2.0, theme::capacity_line(dark_mode)),
    );
}

/// Where the selected person's hours come from: every card, product, column and hours.
fn breakdown_ui(ui: &mut Ui, state: &AppState, id: &str, actions: &mut Vec<Action>) {
    let s = &state.doc.scenario;
    let Some(index) = state.doc.names().person(id) else {
        return;
    };
    let Some(person) = s.people.get(index) else {
        return;
    };
    // Close first, then the heading wrapped after it: a long name never widens the panel.
    ui.horizontal_wrapped(|ui| {
        if ui.small_button("Close").clicked() {
            actions.push(Action::SelectPerson(None));
        }
        ui.add(
            egui::Label::new(
                egui::RichText::new(format!("Where {}'s hours come from", person.name)).strong(),
            )
            .wrap(),
        );
    });
    // Worked out once per change (`AppState::begin_frame`), or here for a view drawn alone.
    let built;
    let rows = match state.view.shown.breakdown(&state.doc, index) {
        Some(rows) => rows,
        None => {
            built = breakdown_rows(&state.doc, index);
            built.as_slice()
        }
    };
    if rows.is_empty() {
        ui.weak(format!("No card gives {} any hours.", person.name));
    } else if let Some(fit) = state.doc.analysis.role_fit.get(index) {
        role_fit_ui(ui, fit, actions);
    }
    egui::ScrollArea::vertical()
        .id_salt("breakdown")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            // One wrapped line per card, so that long titles never widen the panel.
            for row in rows {
                ui.horizontal_wrapped(|ui| {
                    if ui.link(&row.product_name).clicked() {
                        actions.push(Action::SelectProduct(row.product_id.clone()));
                    }
                    ui.label(&row.card_title);
                    ui.weak(row.column.label());
                    ui.strong(format!("{} h", hours(row.hours)));
                });
            }
            if let Some(load) = state.doc.analysis.loads.people.get(index)
                && load.other_hours > 0.0
            {
                ui.label(format!("Other duties: {} h", hours(load.other_hours)));
            }
        });
}

/// Role fit in words: how far ahead the person's work looks and whom it serves (the
/// articles tell the roles apart by both), then each breakdown in full.
fn role_fit_ui(ui: &mut Ui, fit: &RoleFit, actions: &mut Vec<Action>) {
    ui.add(
        egui::Label::new(format!(
            "{} h of this work looks ahead a quarter or more; {} h serves external stakeholders.",
            hours(fit.quarter_or_more()),
            hours(fit.external())
        ))
        .wrap(),
    );
    let by_horizon: Vec<String> = HORIZONS
        .iter()
        .map(|h| format!("{} {} h", h.name().to_lowercase(), hours(fit.horizon(*h))))
        .collect();
    let by_side: Vec<String> = Sides::ALL
        .iter()
        .map(|s| format!("{} {} h", side_word(*s), hours(fit.sides(*s))))
        .collect();
    ui.horizontal_wrapped(|ui| {
        ui.weak(format!(
            "By horizon: {}. By stakeholders: {}.",
            by_horizon.join(", "),
            by_side.join(", ")
        ));
        super::sources_view::source_links_ui(ui, crate::role_fit::SOURCES, actions);
    });
}

/// The stakeholders' sides in a sentence.
fn side_word(s: Sides) -> &'static str {
    match s {
        Sides::External => "external",
        Sides::Internal => "internal",
        Sides::Both => "both sides",
        Sides::None => "no stakeholder",
    }
}

/// One card's hours that land on a person.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakdownRow {
    pub product_id: String,
    pub product_name: String,
    pub responsibility: String,
    pub card_title: String,
    pub column: crate::model::Column,
    pub hours: f64,
}

/// Every card that gives hours to the person (by index), in file order.
pub fn person_breakdown(state: &AppState, person: usize) -> Vec<BreakdownRow> {
    breakdown_rows(&state.doc, person)
}

/// Every card that gives hours to the person (by index), in file order: only the products
/// where they hold a seat can give them any.
pub fn breakdown_rows(doc: &Document, person: usize) -> Vec<BreakdownRow> {
    let s = &doc.scenario;
    let seats = &doc.analysis.seats;
    let mut products: Vec<usize> = seats.pm_of.get(person).cloned().unwrap_or_default();
    for (p, teams) in seats.teams_of.iter().enumerate() {
        let holds_po = seats
            .po_of
            .get(person)
            .is_some_and(|held| teams.iter().any(|t| held.contains(t)));
        if holds_po {
            products.push(p);
        }
    }
    products.sort_unstable();
    products.dedup();
    let mut rows = Vec::new();
    for p in products {
        let (Some(product), Some(load)) = (s.products.get(p), doc.analysis.loads.products.get(p))
        else {
            continue;
        };
        for (card, card_load) in product.cards.iter().zip(&load.cards) {
            for share in card_load.shares.iter().filter(|sh| sh.person == person) {
                rows.push(BreakdownRow {
                    product_id: product.id.clone(),
                    product_name: product.name.clone(),
                    responsibility: card.responsibility.clone(),
                    card_title: doc.name_of(&card.responsibility).to_string(),
                    column: card.column,
                    hours: share.hours,
                });
            }
        }
    }
    rows
}
