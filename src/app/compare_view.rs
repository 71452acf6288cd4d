//! The Compare tab: the scenarios side by side against the baseline (cost, seats and
//! findings; where each card goes; everyone's load). Its state is `compare.rs`'s and what it
//! shows is worked out once per change in `compare_tables.rs`; only visible rows are drawn.

use egui::Ui;
use egui_extras::{Column as TableColumn, TableBuilder};

use super::action::Action;
use super::command::Command;
use super::compare::{CompareAction, CompareSection};
use super::compare_tables::{
    CellText, CompareTables, ComparedScenario, LineKind, card_cells, person_cells,
};
use super::dialogs::ExportKind;
use super::state::AppState;
use super::theme;

const ROW_HEIGHT: f32 = 22.0;
const LOAD_ROW_HEIGHT: f32 = 34.0;

/// The compare view.
pub fn compare_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let cmp = &state.compare;
    let entries = cmp.entries(&state.doc);
    ui.heading("Compare scenarios");
    entries_ui(ui, &entries, cmp.baseline, actions);
    if let Some(reading) = &cmp.reading {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label(format!("Reading {}…", reading.path.display()));
        });
    }
    // The room (issue 22): the attendees spread their dots over these scenarios, by name.
    if state.workshop.room.is_some()
        && ui
            .button("Open a dot vote on these in the room")
            .on_hover_text("The dots per scenario show in the Room panel as they come in")
            .clicked()
    {
        actions.push(Action::Room(super::room_session::RoomAction::OpenVote));
    }
    if entries.len() < 2 {
        ui.label("Add a saved scenario to compare it with the open one: where each card goes, who holds each seat, everyone's load, the findings and the cost.");
        return;
    }
    let Some(tables) = cmp.tables(&state.doc) else {
        if cmp.building.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Comparing the scenarios…");
            });
        }
        return;
    };
    export_row_ui(ui, &entries, cmp.baseline, cmp.focus_index(), actions);
    ui.horizontal_wrapped(|ui| {
        for section in CompareSection::ALL {
            if ui
                .selectable_label(cmp.section == section, section.label())
                .clicked()
            {
                actions.push(Action::Compare(CompareAction::Section(section)));
            }
        }
    });
    ui.separator();
    match cmp.section {
        CompareSection::Summary => summary_ui(ui, tables),
        CompareSection::Cards => cards_ui(ui, &entries, cmp.baseline, tables),
        CompareSection::Loads => loads_ui(ui, &entries, cmp.baseline, tables),
    }
}

/// The scenarios compared: the baseline says so; the others can become it, or leave.
fn entries_ui(
    ui: &mut Ui,
    entries: &[ComparedScenario],
    baseline: usize,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        for (i, e) in entries.iter().enumerate() {
            ui.group(|ui| {
                ui.label(e.label);
                if i == baseline {
                    ui.label(
                        egui::RichText::new("baseline")
                            .strong()
                            .background_color(theme::highlight_fill()),
                    );
                } else if ui
                    .small_button("Make baseline")
                    .accessible_name(format!("Make {} the baseline", e.label))
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
}

/// Which scenario the exported document compares with the baseline, and the export buttons.
fn export_row_ui(
    ui: &mut Ui,
    entries: &[ComparedScenario],
    baseline: usize,
    focus: Option<usize>,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Export the baseline against:");
        let focus = focus.unwrap_or(0);
        egui::ComboBox::from_id_salt("compare_focus")
            .selected_text(entries.get(focus).map_or("", |e| e.label))
            .show_ui(ui, |ui| {
                for (i, e) in entries.iter().enumerate().filter(|(i, _)| *i != baseline) {
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
}

/// Leadership cost, seats and findings of each scenario against the baseline.
fn summary_ui(ui: &mut Ui, tables: &CompareTables) {
    egui::ScrollArea::vertical()
        .id_salt("compare_summary")
        .auto_shrink([false, false])
        .show_rows(ui, ROW_HEIGHT, tables.summary.len(), |ui, range| {
            for line in tables.summary.get(range).unwrap_or_default() {
                let text = egui::RichText::new(&line.text);
                let label = match line.kind {
                    LineKind::Heading => egui::Label::new(text.strong()),
                    LineKind::Plain => egui::Label::new(text),
                    LineKind::Gain => egui::Label::new(text.color(theme::OVER)),
                    LineKind::Quiet => egui::Label::new(text.weak()),
                };
                ui.add_sized([ui.available_width(), ROW_HEIGHT], label.truncate());
            }
        });
}

/// A table with a name column and one column per scenario; `cell_ui` fills a scenario's cell.
fn scenarios_table(
    ui: &mut Ui,
    id: &str,
    entries: &[ComparedScenario],
    first: &str,
    rows: usize,
    row_height: f32,
    mut row_ui: impl FnMut(usize, &mut egui_extras::TableRow),
) {
    egui::ScrollArea::horizontal().id_salt(id).show(ui, |ui| {
        let mut table = TableBuilder::new(ui)
            .id_salt((id, "table"))
            .striped(true)
            .auto_shrink([false, false])
            .column(TableColumn::exact(280.0));
        for _ in entries {
            table = table.column(TableColumn::exact(210.0));
        }
        table
            .header(ROW_HEIGHT, |mut h| {
                h.col(|ui| {
                    ui.strong(first);
                });
                for e in entries {
                    h.col(|ui| {
                        ui.strong(e.label);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows, |mut row| {
                    let i = row.index();
                    row_ui(i, &mut row);
                });
            });
    });
}

/// A cell that says "changed" in words and colour when it differs from the baseline.
fn changed_cell_ui(ui: &mut Ui, cell: &CellText) {
    if cell.changed {
        ui.label(
            egui::RichText::new(format!("changed: {}", cell.text))
                .background_color(theme::highlight_fill())
                .strong(),
        );
    } else {
        ui.label(&cell.text);
    }
}

/// Responsibilities × scenarios: each card's column and owners (worded for the rows in
/// view only).
fn cards_ui(ui: &mut Ui, entries: &[ComparedScenario], baseline: usize, tables: &CompareTables) {
    ui.label("Where each card goes (cells that differ from the baseline say “changed”)");
    let rows = &tables.cards;
    scenarios_table(
        ui,
        "compare_cards",
        entries,
        "Product · responsibility",
        rows.len(),
        ROW_HEIGHT,
        |i, row| {
            let Some((name, cells)) = rows.get(i).and_then(|&r| card_cells(entries, baseline, r))
            else {
                return;
            };
            row.col(|ui| {
                ui.label(name);
            });
            for cell in &cells {
                row.col(|ui| changed_cell_ui(ui, cell));
            }
        },
    );
}

/// Each person's load in each scenario, as bars (worded for the rows in view only).
fn loads_ui(ui: &mut Ui, entries: &[ComparedScenario], baseline: usize, tables: &CompareTables) {
    ui.label(
        "Everyone's load in each scenario (loads that differ from the baseline say “changed”)",
    );
    let rows = &tables.people;
    scenarios_table(
        ui,
        "compare_loads",
        entries,
        "Person",
        rows.len(),
        LOAD_ROW_HEIGHT,
        |i, row| {
            let Some((name, cells)) = rows
                .get(i)
                .and_then(|&r| person_cells(entries, baseline, r))
            else {
                return;
            };
            row.col(|ui| {
                ui.label(name);
            });
            for cell in &cells {
                row.col(|ui| match cell {
                    Some(c) => {
                        ui.vertical(|ui| {
                            changed_cell_ui(
                                ui,
                                &CellText {
                                    text: c.text.clone(),
                                    changed: c.changed,
                                },
                            );
                            let (rect, _) = ui
                                .allocate_exact_size(egui::vec2(180.0, 8.0), egui::Sense::hover());
                            super::people::load_bar(
                                ui.painter(),
                                rect,
                                &c.load,
                                c.over,
                                ui.visuals().dark_mode,
                            );
                        });
                    }
                    None => {
                        ui.weak("not in this scenario");
                    }
                });
            }
        },
    );
}
