//! The open scenario and its one mutation path: every change goes through
//! [`Document::apply`], which validates the edit, records it for undo, brings the analysis
//! up to date and counts a new generation. Views that derive tables from the scenario key
//! their caches by [`Document::generation`].
//!
//! An edit costs what it changes, not what the file holds: it is applied in place, only
//! the parts it touched are copied for undo and checked, and the analysis is worked out
//! again only for the people, teams and products it reaches (`analysis::update`, which
//! agrees with a full `analyze` to the last bit).

use std::path::PathBuf;
use std::sync::Arc;

use crate::analysis::{self, Analysis, analyze};
use crate::changes::Changes;
use crate::edit::{self, Edit, EditError};
use crate::model::Scenario;

use super::history::History;
use super::names::Names;

/// A removal waiting for the user's confirmation, with what it will change.
#[derive(Clone, Debug)]
pub struct PendingRemoval {
    pub edit: Edit,
    pub title: String,
    pub effects: Vec<String>,
}

/// The scenario being edited, its analysis, its undo history and its file.
///
/// The scenario and the analysis are shared (`Arc`): the recovery copy's writer, a
/// comparison's thread and the room take them as they are without a copy, and an edit
/// copies them only while such a reader still holds them (`Arc::make_mut`).
pub struct Document {
    pub scenario: Arc<Scenario>,
    /// Brought up to date on every change of the scenario, never per frame.
    pub analysis: Arc<Analysis>,
    pub history: History,
    /// The file the scenario was opened from or saved to.
    pub path: Option<PathBuf>,
    /// Counts changes (edits, undo, redo, a replaced scenario); never goes back, so a cache
    /// keyed by it is stale after any change.
    pub generation: u64,
    /// The history's version of the scenario last saved (or opened): the scenario is
    /// unsaved when the version now differs, so undoing back to it counts as saved.
    saved_version: u64,
    /// How many times the analysis ran (tests check that idle frames never run it).
    pub analysis_runs: u64,
    /// A removal the user must confirm first.
    pub pending_removal: Option<PendingRemoval>,
    /// A short message for the status line: what the last action did or why it failed.
    pub status: Option<String>,
    /// Every id of the scenario, indexed again whenever an item is added, removed or
    /// reordered (shared with a comparison's thread, as the scenario is).
    names: Arc<Names>,
    /// The scenario was valid when it came in (opened files always are), so every edit
    /// keeps it valid and need only check what it changed.
    valid: bool,
}

impl Document {
    pub fn new(scenario: Scenario, path: Option<PathBuf>) -> Self {
        Document {
            analysis: Arc::new(analyze(&scenario)),
            valid: crate::validate::validate_scenario(&scenario).is_ok(),
            names: Arc::new(Names::new(&scenario)),
            scenario: Arc::new(scenario),
            history: History::default(),
            path,
            generation: 0,
            saved_version: 0,
            analysis_runs: 1,
            pending_removal: None,
            status: None,
        }
    }

    /// Whether there are changes not saved to the file.
    pub fn is_dirty(&self) -> bool {
        self.history.version() != self.saved_version
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

    /// Checks the edit (unknown ids are refused and leave no undo step), skips no-ops,
    /// applies the edit, records what it changed for undo and brings the analysis up to
    /// date. Edits with the same `merge_key` in quick succession (`now`, in seconds) become
    /// one undo step. Returns the edit's description when the scenario changed.
    pub fn apply(
        &mut self,
        edit: &Edit,
        merge_key: Option<String>,
        now: f64,
    ) -> Result<Option<String>, EditError> {
        // Described as the scenario is before the edit (a removal names what goes).
        let label = edit.describe(&self.scenario);
        let scenario = Arc::make_mut(&mut self.scenario);
        let Some(patch) = edit::apply_recorded(scenario, edit, self.valid)? else {
            return Ok(None);
        };
        let changes = patch.changes(scenario);
        analysis::update(
            scenario,
            Arc::make_mut(&mut self.analysis),
            &changes,
            &patch,
        );
        self.history
            .record(patch, label.clone(), merge_key, now, &self.scenario);
        self.changed(&changes);
        Ok(Some(label))
    }

    /// Undoes the last edit; returns its description, `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        self.step(true)
    }

    /// Redoes the last undone edit; returns its description, `None` when there is none.
    pub fn redo(&mut self) -> Option<String> {
        self.step(false)
    }

    /// Swaps in the last step of the history, `back` (undo) or forward (redo), and brings
    /// the analysis up to date with what it changed.
    fn step(&mut self, back: bool) -> Option<String> {
        let label = if back {
            self.history.undo_label()
        } else {
            self.history.redo_label()
        }?
        .to_string();
        let scenario = Arc::make_mut(&mut self.scenario);
        let patch = if back {
            self.history.undo(scenario)
        } else {
            self.history.redo(scenario)
        }?;
        let changes = patch.changes(scenario);
        let analysis = Arc::make_mut(&mut self.analysis);
        analysis::update(scenario, analysis, &changes, patch);
        self.changed(&changes);
        Some(label)
    }

    /// Replaces the scenario (open, new, restore): the history starts afresh and the new
    /// scenario counts as saved to `path`.
    pub fn replace(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        self.valid = crate::validate::validate_scenario(&scenario).is_ok();
        self.analysis = Arc::new(analyze(&scenario));
        self.scenario = Arc::new(scenario);
        self.path = path;
        self.history.clear();
        self.pending_removal = None;
        self.changed(&Changes::everything());
        self.saved_version = self.history.version();
    }

    /// The scenario is now saved as `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.path = Some(path);
        self.saved_version = self.history.version();
    }

    /// Marks the scenario unsaved without changing it (restored work that differs from its
    /// file).
    pub fn mark_unsaved(&mut self) {
        self.saved_version = History::NO_VERSION;
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

    /// The index of a product in the scenario.
    pub fn product_index(&self, id: &str) -> Option<usize> {
        self.names.product(id)
    }

    /// Every id of the scenario, indexed.
    pub fn names(&self) -> &Names {
        &self.names
    }

    /// The index of every id, shared (for a thread that reads the scenario as it is).
    pub fn shared_names(&self) -> Arc<Names> {
        Arc::clone(&self.names)
    }

    /// The display name of whatever `id` names (the id itself when nothing), looked up
    /// without going through the lists.
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.name_of(&self.scenario, id)
    }

    /// After every change, once the analysis is up to date.
    fn changed(&mut self, changes: &Changes) {
        self.generation += 1;
        self.analysis_runs += 1;
        if !changes.in_place() {
            self.names = Arc::new(Names::new(&self.scenario));
        }
    }
}

/// A value derived from the scenario, rebuilt only when the document's generation moved
/// on: the one rule by which every derived view (import preview, comparison) is kept fresh.
#[derive(Clone, Debug)]
pub struct Derived<T> {
    made_for: Option<u64>,
    value: Option<T>,
}

impl<T> Default for Derived<T> {
    fn default() -> Self {
        Derived {
            made_for: None,
            value: None,
        }
    }
}

impl<T> Derived<T> {
    /// The value for `generation`, built by `make` when there is none for it yet.
    pub fn get(&mut self, generation: u64, make: impl FnOnce() -> T) -> &T {
        if self.made_for != Some(generation) {
            self.made_for = Some(generation);
            self.value = None;
        }
        self.value.get_or_insert_with(make)
    }

    /// The value made for `generation`, if it is still fresh.
    pub fn fresh(&self, generation: u64) -> Option<&T> {
        (self.made_for == Some(generation))
            .then_some(self.value.as_ref())
            .flatten()
    }

    /// Forgets the value: its inputs other than the scenario changed.
    pub fn clear(&mut self) {
        self.made_for = None;
        self.value = None;
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use crate::app::document::Document;
    use crate::edit::{Edit, Place};
    use crate::model::Column;

    fn move_vision(to: Column) -> Edit {
        Edit::MoveCard {
            product: "shop".into(),
            responsibility: "vision".into(),
            to,
            place: Place::Keep,
        }
    }

    fn vision_column(s: &crate::model::Scenario) -> Option<Column> {
        s.product("shop")?
            .cards
            .iter()
            .find(|c| c.responsibility == "vision")
            .map(|c| c.column)
    }

    /// Unsaved means "not what the file holds": undoing back to the saved scenario is saved
    /// again, redoing past it is not; a new edit after an undo is a new scenario.
    #[test]
    fn undoing_back_to_the_saved_scenario_counts_as_saved() {
        let mut doc = Document::new(crate::testkit::Builder::small_board("Saved").build(), None);
        assert!(!doc.is_dirty());
        doc.apply(&move_vision(Column::Po), None, 0.0)
            .expect("moves");
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty(), "back to the file's scenario");
        doc.redo();
        assert!(doc.is_dirty());
        // Saved with the card in PO: undo leaves the file's scenario, redo comes back to it.
        doc.mark_saved(std::path::PathBuf::from("saved.ron"));
        doc.undo();
        assert!(doc.is_dirty());
        doc.redo();
        assert!(!doc.is_dirty());
        // Two edits merged into one step come back, as one, to the saved scenario.
        doc.apply(&move_vision(Column::Unassigned), Some("k".into()), 1.0)
            .expect("moves");
        doc.apply(&move_vision(Column::Pm), Some("k".into()), 1.1)
            .expect("moves");
        assert!(doc.is_dirty());
        doc.undo();
        assert!(!doc.is_dirty());
        // After an undo, another edit is a scenario the file never held, even if redo is gone.
        doc.undo();
        doc.apply(&move_vision(Column::Unassigned), None, 2.0)
            .expect("moves");
        assert!(doc.is_dirty());
        // Restored work that differs from its file stays unsaved until it is saved.
        doc.mark_unsaved();
        doc.undo();
        assert!(doc.is_dirty());
    }

    /// A reader that took the scenario and its analysis (the recovery copy's writer, a
    /// comparison's thread, the room) keeps them as they were; an edit works on its own copy.
    #[test]
    fn an_edit_leaves_what_a_reader_took_as_it_was() {
        let mut doc = Document::new(crate::testkit::Builder::small_board("Shared").build(), None);
        assert_eq!(vision_column(&doc.scenario), Some(Column::Pm));
        let (scenario, analysis) = (Arc::clone(&doc.scenario), Arc::clone(&doc.analysis));
        doc.apply(&move_vision(Column::Po), None, 0.0)
            .expect("moves");
        assert_eq!(vision_column(&doc.scenario), Some(Column::Po));
        assert_eq!(
            vision_column(&scenario),
            Some(Column::Pm),
            "the reader's is as it was"
        );
        assert_ne!(
            *analysis, *doc.analysis,
            "the reader's analysis is the one before"
        );
        assert_eq!(*doc.analysis, crate::analyze(&doc.scenario));
        doc.undo();
        assert_eq!(
            *doc.scenario, *scenario,
            "undo gives back what the reader holds"
        );
        assert_eq!(*doc.analysis, *analysis);
    }

    /// With no other reader, an edit changes the scenario where it is: no copy.
    #[test]
    fn an_edit_with_no_other_reader_makes_no_copy() {
        let mut doc = Document::new(crate::testkit::Builder::small_board("Alone").build(), None);
        let before = Arc::as_ptr(&doc.scenario);
        doc.apply(&move_vision(Column::Po), None, 0.0)
            .expect("moves");
        assert_eq!(Arc::as_ptr(&doc.scenario), before);
    }
}
