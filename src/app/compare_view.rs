//! The Compare tab: the scenarios side by side against the baseline (cards, seats, loads,
//! findings, cost). Its state and differences are `compare.rs`'s.

use std::collections::HashMap;

use egui::Ui;
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::diff::{Diff, Seat};
use crate::model::{Column, Scenario};
use crate::num::{dollars, hours};

use super::action::Action;
use super::command::Command;
use super::compare::{CompareAction, ComparedScenario};
use super::dialogs::ExportKind;
use super::state::AppState;
use super::theme;

/// Where a card is and who carries it, in one scenario.
#[derive(Clone, Debug, PartialEq)]
struct Cell {
    column: Column,
    owners: Vec<String>,
}

impl Cell {
    fn text(&self) -> String {
        let owners = if self.owners.is_empty() {
            "nobody".to_string()
        } else {
            self.owners.join(", ")
        };
        match self.column {
            Column::Unassigned => "parked".to_string(),
            c => format!("{}: {owners}", c.label()),
        }
    }
}

/// Every card of a scenario by (product, responsibility).
fn cells(e: &ComparedScenario) -> HashMap<(String, String), Cell> {
    let mut out = HashMap::new();
    for (product, load) in e.scenario.products.iter().zip(&e.analysis.loads.products) {
        for (card, card_load) in product.cards.iter().zip(&load.cards) {
            let owners = card_load
                .shares
                .iter()
                .filter_map(|sh| e.scenario.people.get(sh.person))
                .map(|p| p.name.clone())
                .collect();
            out.insert(
                (product.id.clone(), card.responsibility.clone()),
                Cell {
                    column: card.column,
                    owners,
                },
            );
        }
    }
    out
}

/// The compare view.
pub fn compare_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let cmp = &state.compare;
    let entries = cmp.entries(&state.doc);
    ui.heading("Compare scenarios");
    ui.horizontal_wrapped(|ui| {
        for (i, e) in entries.iter().enumerate() {
            ui.group(|ui| {
                ui.label(e.label);
                let baseline = cmp.baseline == i;
                if ui
                    .selectable_label(baseline, "baseline")
                    .accessible_name(format!("Baseline: {}", e.label))
                    .clicked()
                {
                    actions.push(Action::Compare(CompareAction::Baseline(i)));
                }
                if i > 0
                    && ui
                        .small_button("Remove")
                        .accessible_name(format!("Remove {} from the comparison", e.label))
                        .clicked()
                {
                    actions.push(Action::Compare(CompareAction::Remove(i)));
                }
            });
        }
        if ui.button("Add a saved scenario…").clicked() {
            actions.push(Action::Compare(CompareAction::AddFile));
        }
    });
    if entries.len() < 2 {
        ui.label("Add a saved scenario to compare it with the open one: where each card goes, who holds each seat, everyone's load, the findings and the cost.");
        return;
    }
    let Some(base) = entries.get(cmp.baseline) else {
        return;
    };
    let Some(diffs) = cmp.diffs(&state.doc) else {
        return;
    };

    ui.horizontal(|ui| {
        ui.label("Export the baseline against:");
        let focus = cmp.focus_index().unwrap_or(0);
        egui::ComboBox::from_id_salt("compare_focus")
            .selected_text(entries.get(focus).map_or("", |e| e.label))
            .show_ui(ui, |ui| {
                for (i, e) in entries
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != cmp.baseline)
                {
                    if ui.selectable_label(focus == i, e.label).clicked() {
                        actions.push(Action::Compare(CompareAction::Focus(i)));
                    }
                }
            })
            .response
            .on_hover_text("The scenario compared with the baseline in the exported document");
        for (html, text) in [(false, "as Markdown…"), (true, "as HTML…")] {
            if ui.button(text).clicked() {
                actions.push(Action::Command(Command::Export(ExportKind::Comparison {
                    html,
                })));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("compare_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            summary_ui(ui, &entries, diffs, base.scenario);
            ui.add_space(8.0);
            cards_ui(ui, &entries, cmp.baseline);
            ui.add_space(8.0);
            loads_ui(ui, &entries);
        });
}

fn summary_ui(ui: &mut Ui, entries: &[ComparedScenario], diffs: &[Option<Diff>], base: &Scenario) {
    ui.strong("Leadership cost, seats and findings against the baseline");
    egui::Grid::new("compare_summary")
        .striped(true)
        .num_columns(2)
        .show(ui, |ui| {
            for (e, diff) in entries.iter().zip(diffs) {
                ui.strong(e.label);
                ui.vertical(|ui| {
                    let cost = e.analysis.leadership_cost;
                    match diff {
                        None => {
                            ui.label(format!(
                                "Baseline. Leadership cost {} a year.",
                                dollars(cost)
                            ));
                        }
                        Some(d) => {
                            let change = d.cost_change();
                            let sign = if change > 0.0 { "+" } else { "" };
                            ui.label(format!(
                                "Leadership cost {} a year ({sign}{} against the baseline).",
                                dollars(cost),
                                if change == 0.0 {
                                    "no change".to_string()
                                } else {
                                    dollars(change)
                                }
                            ));
                            for seat in &d.seats {
                                let (what, s) = match &seat.seat {
                                    Seat::Pm { product } => {
                                        ("PM of", e.scenario.name_of(product).to_string())
                                    }
                                    Seat::Po { team } => {
                                        ("PO of", e.scenario.name_of(team).to_string())
                                    }
                                };
                                let name = |p: &Option<String>, s: &Scenario| {
                                    p.as_deref().map_or("nobody".to_string(), |id| {
                                        s.name_of(id).to_string()
                                    })
                                };
                                ui.label(format!(
                                    "Seat: {what} {s}: {} before, {} now",
                                    name(&seat.from, base),
                                    name(&seat.to, e.scenario)
                                ));
                            }
                            for f in &d.findings_gained {
                                ui.colored_label(
                                    theme::OVER,
                                    format!("Gains {}: {}", f.rule.id(), f.message),
                                );
                            }
                            for f in &d.findings_lost {
                                ui.label(format!("Loses {}: {}", f.rule.id(), f.message));
                            }
                            for f in &d.findings_changed {
                                ui.label(format!(
                                    "{} now {} (was {}): {}",
                                    f.rule.id(),
                                    f.to.as_str(),
                                    f.from.as_str(),
                                    f.message
                                ));
                            }
                            if d.is_empty() {
                                ui.weak("The same as the baseline.");
                            }
                        }
                    }
                });
                ui.end_row();
            }
        });
}

/// Responsibilities × scenarios: each card's column and owners; cells that differ from
/// the baseline are highlighted and marked.
fn cards_ui(ui: &mut Ui, entries: &[ComparedScenario], baseline: usize) {
    ui.strong("Where each card goes (changed cells are marked “changed”)");
    let all: Vec<HashMap<(String, String), Cell>> = entries.iter().map(cells).collect();
    // Rows in file order: the baseline's cards, then new ones of the others.
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for e in std::iter::once(entries.get(baseline))
        .flatten()
        .chain(entries.iter())
    {
        for p in &e.scenario.products {
            for c in &p.cards {
                let key = (p.id.clone(), c.responsibility.clone());
                if seen.insert(key.clone()) {
                    rows.push(key);
                }
            }
        }
    }
    let base = all.get(baseline);
    let names = |key: &(String, String)| -> String {
        entries
            .iter()
            .find(|e| e.scenario.product(&key.0).is_some())
            .map(|e| {
                format!(
                    "{} · {}",
                    e.scenario.name_of(&key.0),
                    e.scenario.name_of(&key.1)
                )
            })
            .unwrap_or_else(|| format!("{} · {}", key.0, key.1))
    };
    egui::ScrollArea::horizontal()
        .id_salt("compare_cards")
        .show(ui, |ui| {
            let mut table = TableBuilder::new(ui)
                .id_salt("compare_table")
                .striped(true)
                .vscroll(false)
                .column(TableColumn::exact(280.0));
            for _ in entries {
                table = table.column(TableColumn::exact(200.0));
            }
            table
                .header(22.0, |mut h| {
                    h.col(|ui| {
                        ui.strong("Product · responsibility");
                    });
                    for e in entries {
                        h.col(|ui| {
                            ui.strong(e.label);
                        });
                    }
                })
                .body(|body| {
                    body.rows(22.0, rows.len(), |mut row| {
                        let Some(key) = rows.get(row.index()) else {
                            return;
                        };
                        row.col(|ui| {
                            ui.label(names(key));
                        });
                        let base_cell = base.and_then(|b| b.get(key));
                        for cells in &all {
                            row.col(|ui| {
                                let cell = cells.get(key);
                                let text = cell.map_or("not on the board".to_string(), Cell::text);
                                if cell != base_cell {
                                    ui.label(
                                        egui::RichText::new(format!("changed: {text}"))
                                            .background_color(theme::highlight_fill())
                                            .strong(),
                                    );
                                } else {
                                    ui.label(text);
                                }
                            });
                        }
                    });
                });
        });
}

/// Each person's load in each scenario, as bars.
fn loads_ui(ui: &mut Ui, entries: &[ComparedScenario]) {
    ui.strong("Everyone's load in each scenario");
    let mut people: Vec<(String, String)> = Vec::new();
    for e in entries {
        for p in &e.scenario.people {
            if !people.iter().any(|(id, _)| *id == p.id) {
                people.push((p.id.clone(), p.name.clone()));
            }
        }
    }
    egui::Grid::new("compare_loads")
        .striped(true)
        .num_columns(entries.len() + 1)
        .show(ui, |ui| {
            ui.label("");
            for e in entries {
                ui.strong(e.label);
            }
            ui.end_row();
            for (id, name) in &people {
                ui.label(name);
                for e in entries {
                    match e
                        .scenario
                        .people
                        .iter()
                        .position(|p| p.id == *id)
                        .and_then(|i| e.analysis.loads.people.get(i))
                    {
                        Some(load) => {
                            ui.vertical(|ui| {
                                let over = crate::num::gt(load.load_hours(), load.capacity_hours);
                                ui.label(format!(
                                    "{} / {} h{}",
                                    hours(load.load_hours()),
                                    hours(load.capacity_hours),
                                    if over { " ! over" } else { "" }
                                ));
                                let (rect, _) = ui.allocate_exact_size(
                                    egui::vec2(180.0, 10.0),
                                    egui::Sense::hover(),
                                );
                                super::people::load_bar(
                                    ui.painter(),
                                    rect,
                                    load,
                                    over,
                                    ui.visuals().dark_mode,
                                );
                            });
                        }
                        None => {
                            ui.weak("not in this scenario");
                        }
                    }
                }
                ui.end_row();
            }
        });
}
