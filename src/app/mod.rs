//! The window. Views draw the state and return [`Action`]s; only this module acts on them,
//! and every change to the scenario goes through [`AppState::apply`].

mod board;
mod command;
mod findings_panel;
pub mod history;
mod people;
mod products;
mod state;
mod theme;

use std::path::PathBuf;

pub use board::CardDrag;
pub use command::Command;
pub use people::{BreakdownRow, person_breakdown};
pub use state::{AppState, Selection};

use crate::edit::{Edit, Place};
use crate::model::Scenario;
use crate::num::{dollars, hours};

/// What a view asks for: an edit of the scenario, or a change of what is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    Command(Command),
    SelectProduct(String),
    SelectCard(Option<String>),
    SelectPerson(Option<String>),
    SelectFinding { rule: String, subjects: Vec<String> },
}

/// The eframe application.
pub struct RolesplitApp {
    pub state: AppState,
    title: String,
}

impl RolesplitApp {
    pub fn new(state: AppState) -> Self {
        Self {
            title: state.title(),
            state,
        }
    }
}

impl eframe::App for RolesplitApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        workbench_ui(ui, &mut self.state);
        let title = self.state.title();
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// The whole window's content. It draws into any `Ui`, so tests run it in a harness.
pub fn workbench_ui(ui: &mut egui::Ui, state: &mut AppState) {
    state.now = ui.input(|i| i.time);
    let mut actions = Vec::new();
    shortcuts(ui, state, &mut actions);

    egui::Panel::top("top_bar").show(ui, |ui| top_bar_ui(ui, state, &mut actions));
    egui::Panel::bottom("status_line").show(ui, |ui| status_ui(ui, state));
    let mut search = std::mem::take(&mut state.search);
    egui::Panel::left("products")
        .default_size(230.0)
        .size_range(160.0..=400.0)
        .show(ui, |ui| {
            products::products_ui(ui, state, &mut search, &mut actions)
        });
    state.search = search;
    egui::Panel::right("people_and_findings")
        .default_size(380.0)
        .size_range(260.0..=640.0)
        .show(ui, |ui| {
            let half = ui.available_height() * 0.55;
            ui.allocate_ui(egui::vec2(ui.available_width(), half), |ui| {
                people::people_ui(ui, state, &mut actions);
            });
            ui.separator();
            findings_panel::findings_ui(ui, state, &mut actions);
        });
    egui::CentralPanel::default().show(ui, |ui| board::board_ui(ui, state, &mut actions));

    for action in actions {
        act(ui.ctx(), state, action);
    }
}

/// Keyboard shortcuts become commands. Undo and redo stay with a text field that has the
/// keyboard focus (it undoes its own typing).
fn shortcuts(ui: &egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let typing = ui.ctx().egui_wants_keyboard_input();
    for command in Command::ALL {
        if typing && command.yields_to_text_fields() {
            continue;
        }
        if command
            .shortcuts()
            .iter()
            .any(|s| ui.input_mut(|i| i.consume_shortcut(s)))
        {
            actions.push(Action::Command(command));
        }
    }
    let _ = state;
}

/// Carries out one action.
fn act(ctx: &egui::Context, state: &mut AppState, action: Action) {
    match action {
        Action::Edit(edit) => {
            // A refused edit leaves its reason in the status line.
            let _ = state.apply(edit);
        }
        Action::Command(command) => run_command(ctx, state, command),
        Action::SelectProduct(id) => state.select_product(&id),
        Action::SelectCard(card) => state.selection.card = card,
        Action::SelectPerson(person) => state.select_person(person.as_deref()),
        Action::SelectFinding { rule, subjects } => state.select_finding(&rule, &subjects),
    }
}

fn run_command(ctx: &egui::Context, state: &mut AppState, command: Command) {
    match command {
        Command::Undo => {
            if !state.undo() {
                state.status = Some("Nothing to undo".into());
            }
        }
        Command::Redo => {
            if !state.redo() {
                state.status = Some("Nothing to redo".into());
            }
        }
        Command::MoveTo(column) => {
            let (Some(product), Some(card)) = (
                state.selection.product.clone(),
                state.selection.card.clone(),
            ) else {
                state.status = Some("Select a card first (click it, or Tab to it)".into());
                return;
            };
            let _ = state.apply(Edit::MoveCard {
                product,
                responsibility: card,
                to: column,
                place: Place::Keep,
            });
        }
        Command::Find => ctx.memory_mut(|m| m.request_focus(products::search_id())),
    }
}

fn top_bar_ui(ui: &mut egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("Edit", |ui| {
            let undo = state.history.undo_label().is_some();
            let redo = state.history.redo_label().is_some();
            for (command, enabled) in [(Command::Undo, undo), (Command::Redo, redo)] {
                if command.menu_button(ui, enabled) {
                    actions.push(Action::Command(command));
                }
            }
            ui.separator();
            let card = state.selection.card.is_some();
            for column in crate::model::Column::ALL {
                if Command::MoveTo(column).menu_button(ui, card) {
                    actions.push(Action::Command(Command::MoveTo(column)));
                }
            }
        });
        ui.menu_button("View", |ui| {
            if Command::Find.menu_button(ui, true) {
                actions.push(Action::Command(Command::Find));
                ui.close();
            }
        });
        ui.separator();
        let marker = if state.is_dirty() { " *" } else { "" };
        ui.strong(format!("{}{marker}", state.scenario.name))
            .on_hover_text(if state.is_dirty() {
                "Unsaved changes"
            } else {
                "No unsaved changes"
            });
        ui.separator();
        let undo_tip = state
            .history
            .undo_label()
            .map_or("Nothing to undo".to_string(), |l| format!("Undo: {l}"));
        if ui
            .add_enabled(
                state.history.undo_label().is_some(),
                egui::Button::new("Undo"),
            )
            .on_hover_text(undo_tip)
            .on_disabled_hover_text("Nothing to undo")
            .clicked()
        {
            actions.push(Action::Command(Command::Undo));
        }
        let redo_tip = state
            .history
            .redo_label()
            .map_or("Nothing to redo".to_string(), |l| format!("Redo: {l}"));
        if ui
            .add_enabled(
                state.history.redo_label().is_some(),
                egui::Button::new("Redo"),
            )
            .on_hover_text(redo_tip)
            .on_disabled_hover_text("Nothing to redo")
            .clicked()
        {
            actions.push(Action::Command(Command::Redo));
        }
    });
}

fn status_ui(ui: &mut egui::Ui, state: &AppState) {
    let a = &state.analysis;
    ui.horizontal(|ui| {
        ui.label(format!(
            "Unassigned: {} h a week",
            hours(a.loads.total_unassigned_hours())
        ));
        ui.separator();
        ui.label(format!(
            "Unowned: {} h a week",
            hours(a.loads.total_unowned_hours())
        ));
        ui.separator();
        ui.label(format!(
            "Leadership cost: {} a year",
            dollars(a.leadership_cost)
        ));
        ui.separator();
        use crate::findings::Severity;
        ui.label(format!(
            "{} errors, {} warnings, {} information",
            a.count(Severity::Error),
            a.count(Severity::Warning),
            a.count(Severity::Info)
        ));
        if let Some(status) = &state.status {
            ui.separator();
            ui.weak(status);
        }
    });
}

/// rolesplit's icon (`assets/icon.png`).
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).unwrap_or_default()
}

/// Opens the window on a scenario.
pub fn run(scenario: Scenario, path: Option<PathBuf>) -> eframe::Result<()> {
    let state = AppState::new(scenario, path);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(state.title())
            .with_app_id("rolesplit")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 600.0])
            .with_icon(icon()),
        ..Default::default()
    };
    eframe::run_native(
        "rolesplit",
        options,
        Box::new(|_cc| Ok(Box::new(RolesplitApp::new(state)))),
    )
}
