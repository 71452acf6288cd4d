//! Comparing scenarios side by side: the open one and saved files, against a baseline of
//! the user's choice. The same comparison code (`crate::diff`) serves the command line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::Ui;
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::analysis::{Analysis, analyze};
use crate::diff::{Comparison, Diff, Seat, diff_analyzed};
use crate::model::{Column, Scenario};
use crate::num::{dollars, hours};

use super::Action;
use super::files::{ExportKind, PathPurpose};
use super::state::AppState;
use super::theme;

/// A saved scenario brought into the comparison.
pub struct Compared {
    pub label: String,
    pub path: PathBuf,
    pub scenario: Scenario,
    pub analysis: Analysis,
}

/// The scenarios being compared. Entry 0 is always the open scenario.
#[derive(Default)]
pub struct CompareState {
    pub others: Vec<Compared>,
    /// Which entry the others are compared with (0 = the open scenario).
    pub baseline: usize,
    /// Which entry the exported "A vs B" document compares with the baseline.
    pub focus: usize,
}

/// One scenario of the comparison, borrowed.
struct Entry<'a> {
    label: &'a str,
    scenario: &'a Scenario,
    analysis: &'a Analysis,
}

impl CompareState {
    fn entries<'a>(&'a self, state: &'a AppState) -> Vec<Entry<'a>> {
        let open = Entry {
            label: "Open scenario",
            scenario: &state.scenario,
            analysis: &state.analysis,
        };
        std::iter::once(open)
            .chain(self.others.iter().map(|c| Entry {
                label: &c.label,
                scenario: &c.scenario,
                analysis: &c.analysis,
            }))
            .collect()
    }

    /// The entry compared with the baseline in exports: the focus, or the first other.
    fn focus_index(&self) -> Option<usize> {
        let count = self.others.len() + 1;
        if count < 2 {
            return None;
        }
        let focus = if self.focus != self.baseline && self.focus < count {
            self.focus
        } else {
            0
        };
        if focus != self.baseline {
            Some(focus)
        } else {
            (0..count).find(|i| *i != self.baseline)
        }
    }

    /// The "baseline vs focus" document, as Markdown or HTML.
    pub fn comparison_with_baseline(&self, state: &AppState) -> Option<Rendered> {
        let entries = self.entries(state);
        let a = entries.get(self.baseline)?;
        let b = entries.get(self.focus_index()?)?;
        let diff = diff_analyzed(a.scenario, a.analysis, b.scenario, b.analysis);
        let c = Comparison {
            a_label: a.label,
            a: a.scenario,
            b_label: b.label,
            b: b.scenario,
            diff: &diff,
        };
        Some(Rendered {
            markdown: c.markdown(),
            html: c.html(),
        })
    }
}

/// A comparison document in both formats.
pub struct Rendered {
    markdown: String,
    html: String,
}

impl Rendered {
    pub fn markdown(self) -> String {
        self.markdown
    }

    pub fn html(self) -> String {
        self.html
    }
}

impl AppState {
    /// Loads a saved scenario into the comparison; a bad file is said in one dialog.
    pub fn add_to_comparison(&mut self, path: &Path) {
        match crate::io::open(path) {
            Ok(scenario) => {
                let analysis = analyze(&scenario);
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |f| f.to_string_lossy().into_owned(),
                );
                self.compare.others.push(Compared {
                    label: format!("{} ({name})", scenario.name),
                    path: path.to_path_buf(),
                    scenario,
                    analysis,
                });
                if self.compare.others.len() == 1 {
                    self.compare.focus = 1;
                }
            }
            Err(e) => {
                self.files.error = Some(format!("Could not add the file to the comparison.\n\n{e}"))
            }
        }
    }
}

/// What the compare view asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareAction {
    AddFile,
    Remove(usize),
    Baseline(usize),
    Focus(usize),
}

impl AppState {
    /// Carries out a compare view request.
    pub fn compare_act(&mut self, action: CompareAction) {
        match action {
            CompareAction::AddFile => match self
                .files
                .dialogs
                .open("Add a saved scenario to the comparison", &["ron"])
            {
                super::files::DialogResult::Chosen(path) => self.add_to_comparison(&path),
                super::files::DialogResult::Cancelled => {}
                super::files::DialogResult::Unavailable => {
                    self.files.path_prompt = Some((PathPurpose::Compare, String::new()));
                }
            },
            CompareAction::Remove(i) => {
                if i >= 1 && i <= self.compare.others.len() {
                    self.compare.others.remove(i - 1);
                    self.compare.baseline = 0;
                    self.compare.focus = 1;
                }
            }
            CompareAction::Baseline(i) => self.compare.baseline = i,
            CompareAction::Focus(i) => self.compare.focus = i,
        }
    }
}

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
fn cells(e: &Entry) -> HashMap<(String, String), Cell> {
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
    let entries = cmp.entries(state);
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
    let diffs: Vec<Option<Diff>> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (i != cmp.baseline)
                .then(|| diff_analyzed(base.scenario, base.analysis, e.scenario, e.analysis))
        })
        .collect();

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
                actions.push(Action::Command(super::Command::Export(
                    ExportKind::Comparison { html },
                )));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("compare_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            summary_ui(ui, &entries, &diffs, base.scenario);
            ui.add_space(8.0);
            cards_ui(ui, &entries, cmp.baseline);
            ui.add_space(8.0);
            loads_ui(ui, &entries);
        });
}

fn summary_ui(ui: &mut Ui, entries: &[Entry], diffs: &[Option<Diff>], base: &Scenario) {
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
fn cards_ui(ui: &mut Ui, entries: &[Entry], baseline: usize) {
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
fn loads_ui(ui: &mut Ui, entries: &[Entry]) {
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
