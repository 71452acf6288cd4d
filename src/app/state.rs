//! The window's state: one small struct composing the concerns (the document, what is
//! shown, files, comparison, suggestions, editors, preferences, the workshop's timebox and
//! room), and the one place
//! where the actions views return are carried out.

use std::path::{Path, PathBuf};

use crate::edit::{Edit, EditError};
use crate::error::FileError;
use crate::model::Scenario;

use super::action::Action;
use super::command::Command;
use super::compare::{Compare, CompareAction};
use super::dialogs::{ExportKind, PathPurpose};
use super::document::Document;
use super::editor_inputs::Editors;
use super::files::{After, Files, Next};
use super::intent;
use super::prefs::{PRESENTATION_ZOOM, Prefs};
use super::recovery::Recovery;
use super::room_session::{RoomAction, vote_options};
use super::suggest::{Suggest, SuggestAction};
use super::timer::TimerAction;
use super::view::{Tab, View, moves_in, search_id};
use super::workshop_state::Workshop;

/// Everything the window shows and edits.
pub struct AppState {
    /// The scenario, its analysis, undo history, file and status line.
    pub doc: Document,
    /// The tab, the selection, the search, the help overlay, the frame's time.
    pub view: View,
    /// Dialogs, questions, the recovery copy.
    pub files: Files,
    /// The scenarios being compared.
    pub compare: Compare,
    /// The Suggest panel: proposals, the search under way, the previewed one.
    pub suggest: Suggest,
    /// What the editors keep between frames.
    pub editors: Editors,
    pub prefs: Prefs,
    /// The timebox and the room.
    pub workshop: Workshop,
}

const SELECT_A_CARD: &str = "Select a card first (click it, or Tab to it)";

impl AppState {
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        AppState {
            view: View::new(&scenario),
            doc: Document::new(scenario, path),
            files: Files::default(),
            compare: Compare::default(),
            suggest: Suggest::default(),
            editors: Editors::default(),
            prefs: Prefs::default(),
            workshop: Workshop::default(),
        }
    }

    /// Keeps the recovery copy in `dir`, and offers the unsaved work found there.
    pub fn with_recovery_dir(mut self, dir: PathBuf) -> Self {
        self.files.recovery = Recovery::in_dir(dir);
        self
    }

    /// The index of the product whose board is shown.
    pub fn product_index(&self) -> Option<usize> {
        self.doc
            .product_index(self.view.selection.product.as_deref()?)
    }

    /// Whether there are changes not saved to the file.
    pub fn is_dirty(&self) -> bool {
        self.doc.is_dirty()
    }

    /// The window title: the scenario's name, the file name, and a marker when unsaved.
    pub fn title(&self) -> String {
        self.doc.title()
    }

    /// The one way the scenario changes (see [`Document::apply`]); a refused edit leaves
    /// its reason in the status line. Returns whether the scenario changed.
    pub fn apply(&mut self, edit: Edit) -> Result<bool, EditError> {
        self.apply_merging(edit, None)
    }

    /// Like [`AppState::apply`], but edits with the same `merge_key` in quick succession
    /// become one undo step (typing into one field).
    pub fn apply_merging(
        &mut self,
        edit: Edit,
        merge_key: Option<String>,
    ) -> Result<bool, EditError> {
        let moves = moves_in(&self.doc.scenario, &edit);
        match self.doc.apply(&edit, merge_key, self.view.now) {
            Ok(Some(label)) => {
                self.view.last_moves.extend(moves);
                self.doc.status = Some(label);
                self.changed();
                Ok(true)
            }
            Ok(None) => Ok(false),
            Err(e) => {
                self.doc.status = Some(format!("Not changed: {e}"));
                Err(e)
            }
        }
    }

    /// Undoes the last edit; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let label = self.doc.undo();
        self.stepped("Undone", label)
    }

    /// Redoes the last undone edit; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let label = self.doc.redo();
        self.stepped("Redone", label)
    }

    /// After an undo or redo: says what was undone or redone.
    fn stepped(&mut self, done: &str, label: Option<String>) -> bool {
        let Some(label) = label else {
            return false;
        };
        self.doc.status = Some(format!("{done}: {label}"));
        self.changed();
        true
    }

    /// After every change of the scenario: the recovery copy follows, and what is shown
    /// stays valid.
    fn changed(&mut self) {
        self.files.recovery.schedule(&self.doc, self.view.now);
        self.view.selection.keep_valid(&self.doc.scenario);
    }

    /// Puts another scenario in the window (open, new, restore): history and selection
    /// start afresh.
    pub fn replace_scenario(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        self.doc.replace(scenario, path);
        self.files.opened(&self.doc, &mut self.prefs);
        self.view.reset(&self.doc.scenario, self.prefs.presentation);
    }

    /// Opens a file; a file that fails to load leaves everything as it was and says why
    /// in one dialog (file, line, column, what is wrong).
    pub fn open_path(&mut self, path: &Path) -> Result<(), FileError> {
        let scenario = self.files.open_path(&mut self.prefs, path)?;
        self.follow(Next::Replace(Box::new(scenario), Some(path.to_path_buf())));
        Ok(())
    }

    /// Saves to a path (atomically). A failure leaves the old file whole and says so.
    pub fn save_to(&mut self, path: &Path) -> bool {
        self.files.save_to(&mut self.doc, &mut self.prefs, path)
    }

    /// Export: asks where, then writes.
    pub fn export(&mut self, ctx: &egui::Context, kind: ExportKind) {
        let today = self.view.today.date;
        self.files
            .export(ctx, &mut self.doc, &self.compare, kind, today);
    }

    /// Goes on with `after`, asking first when there is unsaved work.
    pub fn when_saved_or_discarded(&mut self, ctx: &egui::Context, after: After) {
        let next = self
            .files
            .when_saved_or_discarded(&self.doc, &mut self.prefs, after);
        self.follow_in(ctx, next);
    }

    /// Takes the unsaved work of an earlier run back.
    pub fn restore_recovery(&mut self) {
        if let Some(offer) = self.files.recovery.offer.take() {
            self.replace_scenario(offer.scenario, offer.source);
            // Not saved: it differs from the file (or has none).
            self.doc.mark_unsaved();
            self.doc.status = Some("Restored the unsaved work of the last session".into());
        }
    }

    /// Throws the unsaved work of an earlier run away.
    pub fn discard_recovery(&mut self) {
        self.files.recovery.offer = None;
        self.files.recovery.remove();
    }

    /// Starts looking for proposals on the scenario as it is.
    pub fn start_suggest(&mut self) {
        self.suggest.start(&self.doc.scenario, self.doc.generation);
    }

    /// Stops the search for proposals under way.
    pub fn cancel_suggest(&mut self) {
        self.suggest.cancel();
    }

    /// What the frame does before drawing: the clock, the recovery copy, a finished search,
    /// a written screenshot, the comparison's differences.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.view.now = ctx.input(|i| i.time);
        self.view.edit_seconds = None;
        self.view.today.tick(self.view.now);
        if let Some(problem) = self.files.recovery.tick(ctx, &self.doc, self.view.now) {
            self.doc.status = Some(problem);
        }
        self.suggest.tick(ctx);
        let board = self.view.selection.product.as_deref();
        self.workshop.tick(ctx, &self.doc, board, self.view.now);
        self.view.growth.refresh(&self.doc);
        self.files.poll_screenshot(&mut self.doc);
        if let Some(problem) = self.compare.poll(ctx, &self.doc) {
            self.files.error = Some(problem);
        }
        if self.view.tab == Tab::Compare {
            self.compare.refresh(&self.doc);
        }
        self.view.refresh(&self.doc);
    }

    fn follow(&mut self, next: Next) -> bool {
        match next {
            Next::Done => {}
            Next::Replace(scenario, path) => {
                let status = match &path {
                    Some(p) => format!("Opened {}", p.display()),
                    None => "A new scenario: save it to keep it".to_string(),
                };
                self.replace_scenario(*scenario, path);
                self.doc.status = Some(status);
            }
            Next::Close => return true,
        }
        false
    }

    fn follow_in(&mut self, ctx: &egui::Context, next: Next) {
        if self.follow(next) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    /// Carries out one action.
    pub fn act(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            // A refused edit leaves its reason in the status line.
            Action::Edit(edit) => drop(self.apply(edit)),
            Action::EditMerging(edit, key) => drop(self.apply_merging(edit, Some(key))),
            Action::Card {
                product,
                responsibility,
                intent,
            } => {
                if let Some(edit) =
                    intent::card_edit(&self.doc.scenario, &product, &responsibility, intent)
                {
                    drop(self.apply(edit));
                }
            }
            Action::Seat { seat, intent } => {
                if let Some(edit) = intent::seat_edit(&self.doc.scenario, &seat, intent) {
                    drop(self.apply(edit));
                }
            }
            Action::AskRemove(edit) => self.doc.ask_removal(edit),
            Action::DraftDecision {
                product,
                responsibility,
            } => self.draft_decision(product, responsibility),
            Action::ConfirmRemoval => {
                if let Some(pending) = self.doc.pending_removal.take() {
                    drop(self.apply(pending.edit));
                }
            }
            Action::CancelRemoval => self.doc.pending_removal = None,
            Action::SetTab(tab) => self.view.tab = tab,
            Action::ReadImport(path) => self.read_import(&path),
            Action::Timer(action) => {
                self.workshop.timer.act(action, self.view.now);
                self.prefs.timer_minutes = self.workshop.timer.length_seconds / 60.0;
            }
            Action::Room(action) => self.room_act(action),
            Action::Command(command) => self.run_command(ctx, command),
            Action::Compare(CompareAction::AddFile) => {
                let title = "Add a saved scenario to the comparison";
                if let Some(path) = self.files.ask_open(title, &["ron"], PathPurpose::Compare) {
                    self.add_to_comparison(&path);
                }
            }
            Action::Compare(action) => self.compare.act(action),
            Action::Suggest(action) => self.suggest_act(action),
            Action::Open(path) => self.when_saved_or_discarded(ctx, After::Open(path)),
            Action::New(scenario) => self.when_saved_or_discarded(ctx, After::New(scenario)),
            Action::Answer(answer) => {
                let next = self.files.answer(&mut self.doc, &mut self.prefs, answer);
                self.follow_in(ctx, next);
            }
            Action::TypedPath(purpose, path) => {
                self.files.path_prompt = None;
                self.use_typed_path(ctx, purpose, &path);
            }
            Action::CancelPathPrompt => self.files.path_prompt = None,
            Action::TypedPathEdit(text) => {
                if let Some((_, typed)) = &mut self.files.path_prompt {
                    *typed = text;
                }
            }
            Action::CloseError => self.files.error = None,
            Action::RestoreRecovery => self.restore_recovery(),
            Action::DiscardRecovery => self.discard_recovery(),
            Action::SelectProduct(id) => self.view.selection.select_product(&id),
            Action::SelectCard(card) => self.view.selection.card = card,
            Action::SelectPerson(person) => self.view.selection.select_person(person.as_deref()),
            Action::SelectFinding { rule, subjects } => {
                self.view
                    .selection
                    .select_finding(&self.doc.scenario, &rule, &subjects)
            }
            // Issue 19: the growth preview (Keep is one undoable edit) and the sources.
            Action::Growth(action) => {
                if let Some(edit) = self.view.growth.act(action, &self.doc) {
                    drop(self.apply(edit));
                }
            }
            Action::ShowSources(focus) => {
                self.view.sources_open = true;
                self.view.source_focus = focus;
            }
            Action::CloseSources => self.view.sources_open = false,
        }
    }

    /// Carries out a Suggest panel request.
    fn suggest_act(&mut self, action: SuggestAction) {
        match action {
            SuggestAction::Run => self.start_suggest(),
            SuggestAction::Cancel => self.suggest.cancel(),
            SuggestAction::Close => self.suggest.close(),
            SuggestAction::Apply(i) => {
                if let Some(edit) = self.suggest.take_proposal(i, self.doc.generation) {
                    drop(self.apply(edit));
                }
            }
            SuggestAction::Preview(p) => self.suggest.preview = p,
        }
    }

    /// Carries out a Room panel request; adopting the room's placement is one edit.
    fn room_act(&mut self, action: RoomAction) {
        let (doc, compare) = (&self.doc, &self.compare);
        let options = || vote_options(compare.entries(doc).iter().map(|e| &*e.scenario.name));
        let board = self.view.selection.product.as_deref();
        let today = self.view.today.date;
        let outcome = self.workshop.act(action, doc, board, options, today);
        if let Some(problem) = outcome.problem {
            self.files.error = Some(problem);
        }
        // A refused edit leaves its reason in the status line.
        if let Some(edit) = outcome.edit
            && self.apply(edit).is_err()
        {
            return;
        }
        if let Some(status) = outcome.status {
            self.doc.status = Some(status);
        }
    }

    /// Brings a saved scenario into the comparison; a bad file is said in one dialog.
    pub fn add_to_comparison(&mut self, path: &Path) {
        if let Err(e) = self.compare.add(path) {
            self.files.error = Some(e);
        }
    }

    /// A typed path, for when no dialog could be shown.
    fn use_typed_path(&mut self, ctx: &egui::Context, purpose: PathPurpose, path: &Path) {
        match purpose {
            PathPurpose::Open => drop(self.open_path(path)),
            PathPurpose::SaveAs => drop(self.save_to(path)),
            PathPurpose::Export(kind) => {
                let today = self.view.today.date;
                self.files
                    .export_to(ctx, &mut self.doc, &self.compare, kind, path, today)
            }
            PathPurpose::Compare => self.add_to_comparison(path),
            PathPurpose::Import => self.read_import(path),
        }
    }

    /// Opens the record on a new decision: about a card (its last move as the text), a
    /// product, or nothing yet.
    fn draft_decision(&mut self, product: Option<String>, responsibility: Option<String>) {
        let text = match (&product, &responsibility) {
            (Some(p), Some(r)) => super::record_inputs::card_decision_text(
                &self.doc.scenario,
                &self.view.last_moves,
                p,
                r,
            ),
            _ => String::new(),
        };
        self.editors.record.decision =
            super::record_inputs::DecisionDraft::start(product, responsibility, text);
        self.view.tab = Tab::Record;
    }

    /// Reads a CSV file or an Excel workbook into the import view.
    fn read_import(&mut self, path: &Path) {
        self.editors
            .import
            .take_file(path, crate::io::read_bytes(path));
        self.view.tab = Tab::Import;
    }

    /// The card selected on the board, as (product, responsibility), or a status line
    /// asking for one.
    fn selected_card(&mut self) -> Option<(String, String)> {
        let card = self
            .view
            .selection
            .card()
            .map(|(p, c)| (p.to_string(), c.to_string()));
        if card.is_none() {
            self.doc.status = Some(SELECT_A_CARD.into());
        }
        card
    }

    fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Undo => {
                if !self.undo() {
                    self.doc.status = Some("Nothing to undo".into());
                }
            }
            Command::Redo => {
                if !self.redo() {
                    self.doc.status = Some("Nothing to redo".into());
                }
            }
            Command::MoveTo(to) => self.on_selected_card(
                ctx,
                super::action::CardIntent::Move {
                    to,
                    place: crate::edit::Place::Keep,
                },
            ),
            Command::FlagCard => self.on_selected_card(ctx, super::action::CardIntent::ToggleFlag),
            Command::Find => ctx.memory_mut(|m| m.request_focus(search_id())),
            Command::New => match crate::catalogue::Catalogue::builtin() {
                Ok(c) => self.when_saved_or_discarded(ctx, After::New(Box::new(c.new_scenario()))),
                Err(e) => {
                    self.files.error =
                        Some(format!("The reference catalogue could not be read: {e}"))
                }
            },
            Command::Open => self.when_saved_or_discarded(ctx, After::OpenDialog),
            Command::Save => drop(self.files.save(&mut self.doc, &mut self.prefs)),
            Command::SaveAs => drop(self.files.save_as(&mut self.doc, &mut self.prefs)),
            Command::Export(kind) => self.export(ctx, kind),
            Command::Presentation => self.toggle_presentation(ctx),
            Command::ToggleTheme => self.prefs.dark = !self.prefs.dark,
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(self.prefs.base_zoom()),
            Command::Timer => {
                let action = if self.workshop.timer.is_running() {
                    TimerAction::Pause
                } else {
                    TimerAction::Start
                };
                self.workshop.timer.act(action, self.view.now);
            }
            Command::Help => self.view.help_open = !self.view.help_open,
            // A second Ctrl+G closes the panel again.
            Command::Suggest if self.suggest.open => self.suggest.close(),
            Command::Suggest => {
                self.view.tab = Tab::Board;
                self.start_suggest();
            }
            Command::ImportFile => {
                let title = "Import from a CSV file or an Excel workbook";
                match self
                    .files
                    .ask_open(title, &["csv", "txt", "xlsx"], PathPurpose::Import)
                {
                    Some(path) => self.read_import(&path),
                    None if self.files.path_prompt.is_none() => {
                        self.doc.status = Some(
                            "No file chosen. You can also type the file's path in the Import view."
                                .into(),
                        );
                    }
                    None => {}
                }
            }
        }
    }

    /// Carries out an intent on the selected card (a key or a menu).
    fn on_selected_card(&mut self, ctx: &egui::Context, intent: super::action::CardIntent) {
        if let Some((product, responsibility)) = self.selected_card() {
            self.act(
                ctx,
                Action::Card {
                    product,
                    responsibility,
                    intent,
                },
            );
        }
    }

    /// Presentation mode on or off, with its enlargement.
    fn toggle_presentation(&mut self, ctx: &egui::Context) {
        self.prefs.presentation = !self.prefs.presentation;
        let factor = if self.prefs.presentation {
            PRESENTATION_ZOOM
        } else {
            1.0 / PRESENTATION_ZOOM
        };
        ctx.set_zoom_factor(ctx.zoom_factor() * factor);
        self.prefs.zoom = ctx.zoom_factor();
    }
}
