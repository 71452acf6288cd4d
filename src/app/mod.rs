//! The window. Views draw the state and return [`Action`]s; [`AppState::act`] carries them
//! out after the frame, and every change to the scenario goes through [`AppState::apply`].
//! This module only lays the views out and runs the eframe application.

pub mod action;
mod board;
mod card;
mod card_editor;
pub mod command;
pub mod compare;
pub mod compare_tables;
mod compare_view;
pub mod dialogs;
pub mod document;
pub mod editor_inputs;
mod editors;
pub mod files;
mod findings_panel;
pub mod growth;
mod growth_view;
mod help;
pub mod history;
mod intent;
mod modals;
pub mod names;
mod overview;
mod people;
pub mod prefs;
mod products;
pub mod record_inputs;
mod record_view;
pub mod recovery;
pub mod room_session;
mod room_view;
pub mod search;
mod seats_view;
pub mod shown;
mod sources_view;
pub mod state;
pub mod suggest;
mod suggest_view;
pub mod table;
pub mod theme;
pub mod timer;
mod top_bar;
mod trace;
pub mod view;
mod widgets;
mod workshop;
pub mod workshop_state;

use std::path::PathBuf;

pub use action::{Action, CardIntent, SeatIntent, SeatRef};
pub use board::CardDrag;
pub use command::Command;
pub use people::{BreakdownRow, person_breakdown};
pub use prefs::{PRESENTATION_ZOOM, Prefs};
pub use room_session::RoomAction;
pub use state::AppState;
pub use timer::{Timer, TimerAction};
pub use view::{Selection, Tab};

use crate::model::Scenario;

/// The eframe application.
pub struct RolesplitApp {
    pub state: AppState,
    title: String,
    /// When the process started, for `ROLESPLIT_REPORT_FIRST_FRAME`; taken on first use.
    launched: Option<std::time::Instant>,
    /// The frame trace, with `ROLESPLIT_TRACE=FILE`.
    trace: Option<trace::Trace>,
}

/// The key of the preferences in eframe's storage.
const PREFS_KEY: &str = "rolesplit.prefs";

impl RolesplitApp {
    pub fn new(state: AppState) -> Self {
        Self {
            title: state.title(),
            state,
            launched: None,
            trace: None,
        }
    }
}

/// With `ROLESPLIT_REPORT_FIRST_FRAME=1`, prints `first frame after N ms` to stderr once,
/// for start-up measurements and the real-window check.
pub fn report_first_frame(launched: std::time::Instant) {
    if std::env::var_os("ROLESPLIT_REPORT_FIRST_FRAME").is_some_and(|v| v == "1") {
        eprintln!("first frame after {} ms", launched.elapsed().as_millis());
    }
}

impl eframe::App for RolesplitApp {
    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFS_KEY, &self.state.prefs);
    }

    /// The window closes: the room stops listening.
    fn on_exit(&mut self) {
        self.state.workshop.stop_room();
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let Some(trace) = &mut self.trace {
            trace.begin_frame(frame.info().cpu_usage);
        }
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested())
            && self.state.is_dirty()
            && !self.state.files.close_confirmed
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.state
                .when_saved_or_discarded(&ctx, files::After::Close);
        }
        workbench_ui(ui, &mut self.state);
        if let Some(launched) = self.launched.take() {
            report_first_frame(launched);
        }
        let title = self.state.title();
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        if let Some(trace) = &mut self.trace {
            let input = ctx.input(|i| !i.raw.events.is_empty());
            let view = self.state.view.tab.label();
            trace.end_frame(&ctx, view, self.state.view.edit_seconds, input);
        }
    }
}

/// The whole window's content. It draws into any `Ui`, so tests run it in a harness.
pub fn workbench_ui(ui: &mut egui::Ui, state: &mut AppState) {
    theme::install_fonts(ui.ctx());
    apply_prefs(ui.ctx(), state);
    state.begin_frame(ui.ctx());
    let mut actions = Vec::new();
    shortcuts(ui, &mut actions);
    dropped_files(ui, &mut actions);
    let presenting = state.prefs.presentation;

    let panel =
        egui::Panel::top("top_bar").show(ui, |ui| top_bar::top_bar_ui(ui, state, &mut actions));
    name_panel(&panel.response, "Menu bar");
    let panel = egui::Panel::bottom("status_line")
        .show(ui, |ui| top_bar::status_ui(ui, state, &mut actions));
    name_panel(&panel.response, "Status line");
    if let Some(offer) = &state.files.recovery.offer {
        egui::Panel::top("recovery_banner")
            .show(ui, |ui| modals::recovery_banner_ui(ui, offer, &mut actions));
    }
    // Side panels keep a readable width but give way to the board: at most a fifth (the
    // products) and two fifths (people and findings) of the window.
    let width = ui.available_width();
    if !presenting {
        let panel = egui::Panel::left("products")
            .default_size(210.0)
            .size_range(160.0..=(width * 0.2).max(160.0))
            .show(ui, |ui| {
                products::products_ui(ui, &state.doc, &mut state.view, &mut actions)
            });
        name_panel(&panel.response, "Products panel");
    }
    // The Room panel, while the room is open, takes the people's and findings' place (they
    // are on the attendees' phones too); hiding it brings them back.
    if state.workshop.room.as_ref().is_some_and(|r| r.panel_open) {
        let panel = egui::Panel::right("room")
            .default_size(320.0)
            .size_range(300.0..=(width * 0.4).max(300.0))
            .show(ui, |ui| room_view::room_panel_ui(ui, state, &mut actions));
        name_panel(&panel.response, "Room panel");
    } else {
        people_and_findings_panel(ui, state, &mut actions, width, presenting);
    }
    let panel = egui::CentralPanel::default().show(ui, |ui| central_ui(ui, state, &mut actions));
    name_panel(&panel.response, "Central panel");
    modals::removal_dialog_ui(ui, state, &mut actions);
    if state.view.help_open {
        help::help_ui(ui.ctx(), &mut actions);
    }
    if state.view.sources_open {
        sources_view::sources_overlay_ui(ui.ctx(), state.view.source_focus, &mut actions);
    }
    modals::file_dialogs_ui(ui.ctx(), state, &mut actions);

    for action in actions {
        // Timed for the frame trace when it changes the scenario.
        let (generation, started) = (state.doc.generation, std::time::Instant::now());
        state.act(ui.ctx(), action);
        if state.doc.generation != generation {
            *state.view.edit_seconds.get_or_insert(0.0) += started.elapsed().as_secs_f64();
        }
    }
}

/// The right panel: everyone's load (or the suggestions) above the findings.
fn people_and_findings_panel(
    ui: &mut egui::Ui,
    state: &mut AppState,
    actions: &mut Vec<Action>,
    width: f32,
    presenting: bool,
) {
    let panel = egui::Panel::right("people_and_findings")
        .default_size(if presenting { 330.0 } else { 350.0 })
        .size_range(260.0..=(width * 0.4).max(260.0))
        .show(ui, |ui| {
            // The suggestions take the people's place: each proposal lists the loads it
            // changes, and the board keeps its width.
            let half = ui.available_height() * 0.55;
            ui.allocate_ui(egui::vec2(ui.available_width(), half), |ui| {
                if state.suggest.open {
                    suggest_view::suggest_ui(ui, state, actions);
                } else {
                    people::people_ui(ui, state, actions);
                }
            });
            ui.separator();
            findings_panel::findings_ui(ui, state, actions);
        });
    name_panel(&panel.response, "People and findings panel");
}

/// Names a panel for assistive technology (and for tests that check the layout).
fn name_panel(response: &egui::Response, name: &str) {
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Pane, true, name));
}

/// Keeps the theme as the preferences say, and remembers the zoom (Ctrl+plus / minus).
fn apply_prefs(ctx: &egui::Context, state: &mut AppState) {
    let theme = if state.prefs.dark {
        egui::Theme::Dark
    } else {
        egui::Theme::Light
    };
    if ctx.theme() != theme {
        ctx.set_theme(theme);
    }
    state.prefs.zoom = ctx.zoom_factor();
    // The zoom keys are the window's own commands: Ctrl+0 goes back to the mode's size
    // (presentation's enlargement included), which egui's built-in reset would drop.
    if ctx.options(|o| o.zoom_with_keyboard) {
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
    }
}

/// The tab bar and the view of the selected tab.
fn central_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let tabs: &[Tab] = if state.prefs.presentation {
        &Tab::PRESENTING
    } else {
        &Tab::ALL
    };
    if state.prefs.presentation && !tabs.contains(&state.view.tab) {
        state.view.tab = Tab::Board;
    }
    ui.horizontal_wrapped(|ui| {
        for &tab in tabs {
            if ui
                .selectable_label(state.view.tab == tab, tab.label())
                .clicked()
            {
                actions.push(Action::SetTab(tab));
            }
        }
        if state.prefs.presentation {
            room_view::invite_button_ui(ui, state, actions);
        }
    });
    ui.separator();
    // Issue 19: while a growth is previewed, every tab says so, with Keep and Leave.
    if state.view.growth.on {
        growth_view::preview_banner_ui(ui, state, actions);
    }
    let doc = &state.doc;
    let editors = &mut state.editors;
    match state.view.tab {
        Tab::Board => {
            if state.view.selection.card.is_some() && !state.prefs.presentation {
                let panel = egui::Panel::bottom("card_editor")
                    .resizable(false)
                    .show(ui, |ui| card_editor::card_editor_ui(ui, state, actions));
                name_panel(&panel.response, "Card details panel");
            }
            board::board_ui(ui, state, actions);
        }
        Tab::Advice => workshop::advice_ui(ui, state, actions),
        Tab::Record => record_view::record_ui(ui, doc, &state.view, &mut editors.record, actions),
        Tab::Overview => overview::overview_ui(ui, state, actions),
        Tab::Compare => compare_view::compare_ui(ui, state, actions),
        Tab::People => editors::people_editor_ui(ui, doc, &mut editors.new_person, actions),
        Tab::Teams => {
            let shown = state.view.selection.product.as_deref();
            editors::teams_editor_ui(ui, doc, shown, &mut editors.new_team, actions)
        }
        Tab::Products => editors::products_editor_ui(ui, doc, &mut editors.new_product, actions),
        Tab::Stakeholders => {
            editors::stakeholders_editor_ui(ui, doc, &mut editors.new_stakeholder, actions)
        }
        Tab::Responsibilities => {
            editors::responsibilities_editor_ui(ui, doc, &mut editors.new_responsibility, actions)
        }
        Tab::Settings => editors::settings_editor_ui(ui, doc, actions),
        Tab::Import => editors::import_ui(ui, doc, &mut editors.import, actions),
    }
}

/// Keyboard shortcuts become commands. Undo and redo stay with a text field that has the
/// keyboard focus (it undoes its own typing).
fn shortcuts(ui: &egui::Ui, actions: &mut Vec<Action>) {
    let typing = ui.ctx().egui_wants_keyboard_input();
    for (command, shortcut) in command::shortcut_order() {
        if typing && command.yields_to_text_fields() {
            continue;
        }
        if ui.input_mut(|i| i.consume_shortcut(shortcut)) {
            actions.push(Action::Command(command));
        }
    }
}

/// Opens a scenario file dropped on the window.
fn dropped_files(ui: &egui::Ui, actions: &mut Vec<Action>) {
    let dropped: Vec<PathBuf> = ui.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .collect()
    });
    if let Some(path) = dropped
        .into_iter()
        .find(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")))
    {
        actions.push(Action::Open(path));
    }
}

/// rolesplit's icon (`assets/icon.png`).
fn icon() -> egui::IconData {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png")).unwrap_or_default()
}

/// Opens the window on a scenario. `launched` is when the process started (for the
/// first-frame report).
pub fn run(
    scenario: Scenario,
    path: Option<PathBuf>,
    launched: std::time::Instant,
) -> eframe::Result<()> {
    let mut state = AppState::new(scenario, path);
    if let Some(dir) = eframe::storage_dir("rolesplit") {
        state = state.with_recovery_dir(dir);
    }
    if let Some(p) = state.doc.path.clone() {
        state.prefs.remember_recent(&p);
    }
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
        Box::new(move |cc| {
            let mut app = RolesplitApp::new(state);
            app.launched = Some(launched);
            app.trace = trace::Trace::from_env(launched);
            if let Some(prefs) = cc
                .storage
                .and_then(|s| eframe::get_value::<Prefs>(s, PREFS_KEY))
            {
                cc.egui_ctx.set_zoom_factor(prefs.zoom.clamp(0.5, 4.0));
                app.state.workshop.timer = Timer::new(prefs.timer_minutes.max(1.0) * 60.0);
                app.state.prefs = prefs;
            }
            Ok(Box::new(app))
        }),
    )
}
