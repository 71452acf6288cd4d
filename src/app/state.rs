//! The window's state and its one mutation path, [`AppState::apply`].

use std::collections::HashSet;
use std::path::PathBuf;

use crate::analysis::{Analysis, analyze};
use crate::edit::{self, Edit, EditError};
use crate::model::Scenario;

use super::history::History;

/// What the user has selected or highlighted; it never changes the scenario.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// The product whose board is shown.
    pub product: Option<String>,
    /// The selected card's responsibility, on the shown product.
    pub card: Option<String>,
    /// The person whose hours are broken down.
    pub person: Option<String>,
    /// Ids to highlight (a clicked finding's subjects, a person's cards).
    pub highlight: HashSet<String>,
    /// The finding that was clicked (its rule id and subjects).
    pub finding: Option<(String, Vec<String>)>,
}

/// The views of the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Board,
    Advice,
    OpenPoints,
    Overview,
    People,
    Teams,
    Products,
    Stakeholders,
    Responsibilities,
    Scenario,
    Import,
    Compare,
}

impl Tab {
    pub const ALL: [Tab; 12] = [
        Tab::Board,
        Tab::Advice,
        Tab::OpenPoints,
        Tab::Overview,
        Tab::People,
        Tab::Teams,
        Tab::Products,
        Tab::Stakeholders,
        Tab::Responsibilities,
        Tab::Scenario,
        Tab::Import,
        Tab::Compare,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Board => "Board",
            Tab::Advice => "Advice",
            Tab::OpenPoints => "Open points",
            Tab::Overview => "Overview",
            Tab::People => "People",
            Tab::Teams => "Teams",
            Tab::Products => "Products",
            Tab::Stakeholders => "Stakeholders",
            Tab::Responsibilities => "Responsibilities",
            Tab::Scenario => "Settings",
            Tab::Import => "Import",
            Tab::Compare => "Compare",
        }
    }
}

impl Tab {
    /// The tabs of presentation mode: no editors.
    pub const PRESENTING: [Tab; 3] = [Tab::Board, Tab::Advice, Tab::OpenPoints];
}

/// The window's preferences, remembered between runs.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Presentation mode: large text, editors hidden.
    pub presentation: bool,
    /// The dark theme (else the light one).
    pub dark: bool,
    /// The zoom factor (Ctrl+plus / Ctrl+minus), presentation's enlargement included.
    pub zoom: f32,
    /// The timebox's length, in minutes.
    pub timer_minutes: f64,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<std::path::PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            presentation: false,
            dark: true,
            zoom: 1.0,
            timer_minutes: 10.0,
            recent: Vec::new(),
        }
    }
}

/// How much larger everything is in presentation mode.
pub const PRESENTATION_ZOOM: f32 = 1.3;

/// What the editors keep between frames: the names typed for new things, the import.
#[derive(Clone, Debug, Default)]
pub struct EditorsState {
    pub new_person: String,
    pub new_team: String,
    pub new_product: String,
    pub new_stakeholder: String,
    pub new_responsibility: String,
    pub import: ImportState,
}

/// The import being prepared: pasted or loaded CSV text and its preview.
#[derive(Clone, Debug)]
pub struct ImportState {
    pub kind: crate::import::ImportKind,
    pub text: String,
    /// A path typed by hand, for machines without a file dialog.
    pub path: String,
    /// The preview of `text` (kept until the text or the scenario changes).
    pub plan: Option<crate::import::ImportPlan>,
    /// Why the last file could not be read.
    pub error: Option<String>,
}

impl Default for ImportState {
    fn default() -> Self {
        ImportState {
            kind: crate::import::ImportKind::People,
            text: String::new(),
            path: String::new(),
            plan: None,
            error: None,
        }
    }
}

/// A removal waiting for the user's confirmation, with what it will change.
#[derive(Clone, Debug)]
pub struct PendingRemoval {
    pub edit: Edit,
    pub title: String,
    pub effects: Vec<String>,
}

/// Everything the window shows and edits.
pub struct AppState {
    /// The view in the central area.
    pub tab: Tab,
    pub prefs: Prefs,
    pub timer: super::timer::Timer,
    /// The help overlay (F1) is open.
    pub help_open: bool,
    /// Files, dialogs, questions and the recovery file.
    pub files: super::files::FileState,
    /// The scenarios being compared.
    pub compare: super::compare::CompareState,
    /// The Suggest panel: proposals, the search under way, the previewed one.
    pub suggest: super::suggest_panel::SuggestState,
    pub editors: EditorsState,
    /// A removal the user must confirm first.
    pub pending_removal: Option<PendingRemoval>,
    pub scenario: Scenario,
    /// Recomputed on every change of the scenario, never per frame.
    pub analysis: Analysis,
    pub history: History,
    pub path: Option<PathBuf>,
    pub selection: Selection,
    /// The text of the search box.
    pub search: String,
    /// Counts changes; the scenario is unsaved when it differs from `saved_generation`.
    pub generation: u64,
    pub saved_generation: u64,
    /// How many times the analysis ran (tests check that idle frames never run it).
    pub analysis_runs: u64,
    /// A short message for the status line (what the last action did or why it failed).
    pub status: Option<String>,
    /// The time of the current frame (seconds), for merging bursts of edits.
    pub now: f64,
}

impl AppState {
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        let mut state = Self {
            tab: Tab::Board,
            prefs: Prefs::default(),
            timer: super::timer::Timer::default(),
            help_open: false,
            files: Default::default(),
            compare: Default::default(),
            suggest: Default::default(),
            editors: EditorsState::default(),
            pending_removal: None,
            analysis: Analysis::default(),
            scenario,
            history: History::default(),
            path,
            selection: Selection::default(),
            search: String::new(),
            generation: 0,
            saved_generation: 0,
            analysis_runs: 0,
            status: None,
            now: 0.0,
        };
        state.recompute();
        state.selection.product = state.scenario.products.first().map(|p| p.id.clone());
        state
    }

    /// Whether there are changes not saved to the file.
    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    /// The window title: the scenario's name, the file name, and a marker when unsaved.
    pub fn title(&self) -> String {
        let marker = if self.is_dirty() { "* " } else { "" };
        match self.path.as_ref().and_then(|p| p.file_name()) {
            Some(file) => format!(
                "{marker}{} — {} — rolesplit",
                self.scenario.name,
                file.to_string_lossy()
            ),
            None => format!("{marker}{} — rolesplit", self.scenario.name),
        }
    }

    fn recompute(&mut self) {
        self.analysis = analyze(&self.scenario);
        self.analysis_runs += 1;
    }

    /// The one way the scenario changes: checks the edit (unknown ids are refused and
    /// leave no undo step), skips no-ops, records the scenario for undo, applies the edit,
    /// re-runs the analysis and marks the scenario unsaved. Returns whether it changed.
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
        match edit::applied(&self.scenario, &edit) {
            Ok(None) => Ok(false),
            Ok(Some(next)) => {
                let label = edit.describe(&self.scenario);
                let before = std::mem::replace(&mut self.scenario, next);
                self.history
                    .record(before, label.clone(), merge_key, self.now);
                self.changed();
                self.status = Some(label);
                Ok(true)
            }
            Err(e) => {
                self.status = Some(format!("Not changed: {e}"));
                Err(e)
            }
        }
    }

    /// Asks before a removal: what it will change is worked out now and shown to the user.
    pub fn ask_removal(&mut self, edit: Edit) {
        let effects = edit::removal_effects(&self.scenario, &self.analysis, &edit);
        let title = edit.describe(&self.scenario);
        self.pending_removal = Some(PendingRemoval {
            edit,
            title,
            effects,
        });
    }

    /// Carries out the removal the user confirmed.
    pub fn confirm_removal(&mut self) {
        if let Some(pending) = self.pending_removal.take() {
            let _ = self.apply(pending.edit);
        }
    }

    fn changed(&mut self) {
        self.generation += 1;
        self.editors.import.plan = None;
        self.schedule_recovery();
        self.recompute();
        self.keep_selection_valid();
    }

    /// Undoes the last edit; false when there is nothing to undo.
    pub fn undo(&mut self) -> bool {
        let label = self.history.undo_label().map(str::to_string);
        match self.history.undo(&self.scenario) {
            Some(previous) => {
                self.scenario = previous;
                self.changed();
                self.status = label.map(|l| format!("Undone: {l}"));
                true
            }
            None => false,
        }
    }

    /// Redoes the last undone edit; false when there is nothing to redo.
    pub fn redo(&mut self) -> bool {
        let label = self.history.redo_label().map(str::to_string);
        match self.history.redo(&self.scenario) {
            Some(next) => {
                self.scenario = next;
                self.changed();
                self.status = label.map(|l| format!("Redone: {l}"));
                true
            }
            None => false,
        }
    }

    /// Drops selections that no longer exist after an edit or an undo.
    fn keep_selection_valid(&mut self) {
        let s = &self.scenario;
        let sel = &mut self.selection;
        if sel
            .product
            .as_ref()
            .is_none_or(|id| s.product(id).is_none())
        {
            sel.product = s.products.first().map(|p| p.id.clone());
        }
        if let (Some(card), Some(product)) =
            (&sel.card, sel.product.as_ref().and_then(|p| s.product(p)))
            && !product.cards.iter().any(|c| c.responsibility == *card)
        {
            sel.card = None;
        }
        if sel.person.as_ref().is_some_and(|id| s.person(id).is_none()) {
            sel.person = None;
        }
    }

    /// The index of the product whose board is shown.
    pub fn product_index(&self) -> Option<usize> {
        let id = self.selection.product.as_ref()?;
        self.scenario.products.iter().position(|p| p.id == *id)
    }

    /// Shows a product's board.
    pub fn select_product(&mut self, id: &str) {
        if self.selection.product.as_deref() != Some(id) {
            self.selection.product = Some(id.to_string());
            self.selection.card = None;
        }
    }

    /// Selects a person: their hours are broken down and their cards highlighted.
    pub fn select_person(&mut self, id: Option<&str>) {
        self.selection.person = id.map(str::to_string);
        self.selection.finding = None;
        self.selection.highlight.clear();
        if let Some(id) = id {
            self.selection.highlight.insert(id.to_string());
        }
    }

    /// Selects a finding: its subjects are highlighted, and the board switches to the
    /// product it concerns.
    pub fn select_finding(&mut self, rule: &str, subjects: &[String]) {
        let s = &self.scenario;
        let person = subjects.iter().find(|id| s.person(id).is_some()).cloned();
        let product = subjects
            .iter()
            .find(|id| s.product(id).is_some())
            .cloned()
            .or_else(|| {
                subjects
                    .iter()
                    .find_map(|id| s.team(id).map(|t| t.product.clone()))
            });
        if let Some(p) = product {
            self.select_product(&p);
        }
        self.selection.person = person;
        self.selection.highlight = subjects.iter().cloned().collect();
        self.selection.finding = Some((rule.to_string(), subjects.to_vec()));
    }
}
