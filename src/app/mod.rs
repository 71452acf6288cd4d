//! The window. Views draw the state and return [`Action`]s; only this module acts on them,
//! and every change to the scenario goes through [`AppState::apply`].

mod board;
mod card;
mod card_editor;
mod command;
mod compare;
mod dialogs;
mod editors;
pub mod files;
mod findings_panel;
mod help;
pub mod history;
mod overview;
mod people;
mod products;
mod state;
mod suggest_panel;
mod theme;
pub mod timer;
mod top_bar;
mod workshop;

use std::path::PathBuf;

pub use board::CardDrag;
pub use command::Command;
pub use people::{BreakdownRow, person_breakdown};
pub use state::{
    AppState, EditorsState, ImportState, PRESENTATION_ZOOM, PendingRemoval, Prefs, Selection, Tab,
};
pub use timer::{Timer, TimerAction};

use crate::edit::{Edit, Place};
use crate::model::Scenario;

/// What a view asks for: an edit of the scenario, or a change of what is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    /// An edit that merges with the previous one of the same key (typing in one field).
    EditMerging(Edit, String),
    /// A removal to confirm first, with what it changes.
    AskRemove(Edit),
    ConfirmRemoval,
    CancelRemoval,
    Command(Command),
    SetTab(Tab),
    /// Reads a CSV file for the import.
    ReadImport(PathBuf),
    /// The timebox's buttons.
    Timer(TimerAction),
    /// The compare view's buttons.
    Compare(compare::CompareAction),
    /// The Suggest panel's buttons.
    Suggest(suggest_panel::SuggestAction),
    /// Opens a file (asking first about unsaved work).
    Open(PathBuf),
    /// Starts a new scenario (asking first about unsaved work).
    New(Box<Scenario>),
    /// The answer to the open question (save, discard, cancel, overwrite).
    Answer(files::Answer),
    /// A path typed by hand where no dialog could be shown.
    TypedPath(files::PathPurpose, PathBuf),
    /// The text of the path prompt changed.
    TypedPathEdit(String),
    CancelPathPrompt,
    CloseError,
    RestoreRecovery,
    DiscardRecovery,
    SelectProduct(String),
    SelectCard(Option<String>),
    SelectPerson(Option<String>),
    SelectFinding {
        rule: String,
        subjects: Vec<String>,
    },
}

/// The eframe application.
pub struct RolesplitApp {
    pub state: AppState,
    title: String,
    /// When the process started, for `ROLESPLIT_REPORT_FIRST_FRAME`; taken on first use.
    launched: Option<std::time::Instant>,
}

/// The key of the preferences in eframe's storage.
const PREFS_KEY: &str = "rolesplit.prefs";

impl RolesplitApp {
    pub fn new(state: AppState) -> Self {
        Self {
            title: state.title(),
            state,
            launched: None,
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

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
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
    }
}

/// The whole window's content. It draws into any `Ui`, so tests run it in a harness.
pub fn workbench_ui(ui: &mut egui::Ui, state: &mut AppState) {
    state.now = ui.input(|i| i.time);
    apply_prefs(ui.ctx(), state);
    state.recovery_tick(ui.ctx());
    state.suggest_tick(ui.ctx());
    state.take_screenshot(ui.ctx());
    let mut actions = Vec::new();
    shortcuts(ui, state, &mut actions);
    dropped_files(ui, &mut actions);
    let presenting = state.prefs.presentation;

    egui::Panel::top("top_bar").show(ui, |ui| top_bar::top_bar_ui(ui, state, &mut actions));
    egui::Panel::bottom("status_line").show(ui, |ui| top_bar::status_ui(ui, state));
    if let Some(offer) = &state.files.recovery_offer {
        egui::Panel::top("recovery_banner").show(ui, |ui| {
            dialogs::recovery_banner_ui(ui, offer, &mut actions)
        });
    }
    if !presenting {
        let mut search = std::mem::take(&mut state.search);
        egui::Panel::left("products")
            .default_size(210.0)
            .size_range(160.0..=400.0)
            .show(ui, |ui| {
                products::products_ui(ui, state, &mut search, &mut actions)
            });
        state.search = search;
    }
    egui::Panel::right("people_and_findings")
        .default_size(if presenting { 330.0 } else { 350.0 })
        .size_range(260.0..=640.0)
        .show(ui, |ui| {
            let half = ui.available_height() * 0.55;
            ui.allocate_ui(egui::vec2(ui.available_width(), half), |ui| {
                people::people_ui(ui, state, &mut actions);
            });
            ui.separator();
            findings_panel::findings_ui(ui, state, &mut actions);
        });
    egui::CentralPanel::default().show(ui, |ui| central_ui(ui, state, &mut actions));
    dialogs::removal_dialog_ui(ui, state, &mut actions);
    if state.help_open {
        help::help_ui(ui.ctx(), &mut actions);
    }
    dialogs::file_dialogs_ui(ui.ctx(), state, &mut actions);

    for action in actions {
        act(ui.ctx(), state, action);
    }
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
}

/// The tab bar and the view of the selected tab.
fn central_ui(ui: &mut egui::Ui, state: &mut AppState, actions: &mut Vec<Action>) {
    let tabs: &[Tab] = if state.prefs.presentation {
        &Tab::PRESENTING
    } else {
        &Tab::ALL
    };
    if state.prefs.presentation && !tabs.contains(&state.tab) {
        state.tab = Tab::Board;
    }
    ui.horizontal_wrapped(|ui| {
        for &tab in tabs {
            if ui.selectable_label(state.tab == tab, tab.label()).clicked() {
                actions.push(Action::SetTab(tab));
            }
        }
    });
    ui.separator();
    let mut editors = std::mem::take(&mut state.editors);
    let state_ref: &AppState = state;
    match state_ref.tab {
        Tab::Board => {
            if state_ref.suggest.open {
                egui::Panel::right("suggestions")
                    .default_size(340.0)
                    .size_range(240.0..=560.0)
                    .show(ui, |ui| suggest_panel::suggest_ui(ui, state_ref, actions));
            }
            if state_ref.selection.card.is_some() && !state_ref.prefs.presentation {
                egui::Panel::bottom("card_editor")
                    .resizable(false)
                    .show(ui, |ui| card_editor::card_editor_ui(ui, state_ref, actions));
            }
            board::board_ui(ui, state_ref, actions);
        }
        Tab::Advice => workshop::advice_ui(ui, state_ref, actions),
        Tab::OpenPoints => workshop::open_points_ui(ui, state_ref, actions),
        Tab::Overview => overview::overview_ui(ui, state_ref, actions),
        Tab::Compare => compare::compare_ui(ui, state_ref, actions),
        Tab::People => editors::people_editor_ui(ui, state_ref, &mut editors.new_person, actions),
        Tab::Teams => editors::teams_editor_ui(ui, state_ref, &mut editors.new_team, actions),
        Tab::Products => {
            editors::products_editor_ui(ui, state_ref, &mut editors.new_product, actions)
        }
        Tab::Stakeholders => {
            editors::stakeholders_editor_ui(ui, state_ref, &mut editors.new_stakeholder, actions)
        }
        Tab::Responsibilities => editors::responsibilities_editor_ui(
            ui,
            state_ref,
            &mut editors.new_responsibility,
            actions,
        ),
        Tab::Scenario => editors::scenario_editor_ui(ui, state_ref, actions),
        Tab::Import => editors::import_ui(ui, state_ref, &mut editors.import, actions),
    }
    state.editors = editors;
}

/// Keyboard shortcuts become commands. Undo and redo stay with a text field that has the
/// keyboard focus (it undoes its own typing).
fn shortcuts(ui: &egui::Ui, state: &AppState, actions: &mut Vec<Action>) {
    let typing = ui.ctx().egui_wants_keyboard_input();
    for command in Command::ALL {
        if (typing && command.yields_to_text_fields()) || command.handled_by_egui() {
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
        Action::EditMerging(edit, key) => {
            let _ = state.apply_merging(edit, Some(key));
        }
        Action::AskRemove(edit) => state.ask_removal(edit),
        Action::ConfirmRemoval => state.confirm_removal(),
        Action::CancelRemoval => state.pending_removal = None,
        Action::SetTab(tab) => state.tab = tab,
        Action::ReadImport(path) => read_import(state, &path),
        Action::Timer(action) => {
            state.timer.act(action, state.now);
            state.prefs.timer_minutes = state.timer.length_seconds / 60.0;
        }
        Action::Command(command) => run_command(ctx, state, command),
        Action::Compare(action) => state.compare_act(action),
        Action::Suggest(action) => state.suggest_act(action),
        Action::Open(path) => state.when_saved_or_discarded(ctx, files::After::Open(path)),
        Action::New(scenario) => state.when_saved_or_discarded(ctx, files::After::New(scenario)),
        Action::Answer(answer) => state.answer(ctx, answer),
        Action::TypedPath(purpose, path) => {
            state.files.path_prompt = None;
            state.use_typed_path(ctx, purpose, &path);
        }
        Action::CancelPathPrompt => state.files.path_prompt = None,
        Action::TypedPathEdit(text) => {
            if let Some((_, typed)) = &mut state.files.path_prompt {
                *typed = text;
            }
        }
        Action::CloseError => state.files.error = None,
        Action::RestoreRecovery => state.restore_recovery(),
        Action::DiscardRecovery => state.discard_recovery(),
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
        Command::New => match crate::catalogue::Catalogue::builtin() {
            Ok(c) => {
                state.when_saved_or_discarded(ctx, files::After::New(Box::new(c.new_scenario())))
            }
            Err(e) => {
                state.files.error = Some(format!("The reference catalogue could not be read: {e}"))
            }
        },
        Command::Open => state.when_saved_or_discarded(ctx, files::After::OpenDialog),
        Command::Save => {
            state.save(ctx);
        }
        Command::SaveAs => {
            state.save_as(ctx);
        }
        Command::Export(kind) => state.export(ctx, kind),
        Command::FlagCard => {
            let s = &state.scenario;
            let card = state
                .selection
                .product
                .as_ref()
                .and_then(|p| s.product(p))
                .and_then(|p| {
                    state
                        .selection
                        .card
                        .as_ref()
                        .and_then(|c| p.cards.iter().find(|x| x.responsibility == *c))
                        .map(|c| (p, c))
                });
            match card {
                Some((product, card)) => {
                    let mut copy = card.clone();
                    copy.flagged = !copy.flagged;
                    let edit = Edit::UpdateCard {
                        product: product.id.clone(),
                        card: copy,
                    };
                    let _ = state.apply(edit);
                }
                None => state.status = Some("Select a card first (click it, or Tab to it)".into()),
            }
        }
        Command::Presentation => {
            state.prefs.presentation = !state.prefs.presentation;
            let factor = if state.prefs.presentation {
                PRESENTATION_ZOOM
            } else {
                1.0 / PRESENTATION_ZOOM
            };
            ctx.set_zoom_factor(ctx.zoom_factor() * factor);
            state.prefs.zoom = ctx.zoom_factor();
        }
        Command::ToggleTheme => state.prefs.dark = !state.prefs.dark,
        Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
        Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
        Command::ZoomReset => ctx.set_zoom_factor(if state.prefs.presentation {
            PRESENTATION_ZOOM
        } else {
            1.0
        }),
        Command::Timer => {
            let action = if state.timer.is_running() {
                TimerAction::Pause
            } else {
                TimerAction::Start
            };
            state.timer.act(action, state.now);
        }
        Command::Help => state.help_open = !state.help_open,
        Command::Suggest => {
            state.tab = Tab::Board;
            state.start_suggest();
        }
        Command::ImportFile => {
            // The native dialog; where none can be shown, the path field of the import view
            // is the way in, and the status line says so.
            match rfd::FileDialog::new()
                .add_filter("CSV", &["csv", "txt"])
                .pick_file()
            {
                Some(path) => read_import(state, &path),
                None => {
                    state.status = Some(
                        "No file chosen. You can also type the file's path in the Import view."
                            .into(),
                    );
                }
            }
        }
    }
}

/// Reads a CSV file into the import view.
fn read_import(state: &mut AppState, path: &std::path::Path) {
    let import = &mut state.editors.import;
    match crate::io::read_text(path) {
        Ok(text) => {
            import.text = text;
            import.plan = None;
            import.error = None;
            import.path = path.display().to_string();
        }
        Err(e) => import.error = Some(format!("{}: {}", path.display(), e.message)),
    }
    state.tab = Tab::Import;
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
    if let Some(p) = &state.path {
        files::remember_recent(&mut state.prefs.recent, p);
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
            if let Some(prefs) = cc
                .storage
                .and_then(|s| eframe::get_value::<Prefs>(s, PREFS_KEY))
            {
                cc.egui_ctx.set_zoom_factor(prefs.zoom.clamp(0.5, 4.0));
                app.state.timer = Timer::new(prefs.timer_minutes.max(1.0) * 60.0);
                app.state.prefs = prefs;
            }
            Ok(Box::new(app))
        }),
    )
}
