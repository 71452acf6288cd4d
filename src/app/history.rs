//! Undo and redo by patches: each step keeps what its edit changed, as it was
//! ([`ScenarioPatch`]), so a card move keeps one product's board rather than the file.
//! Swapping a step's patch with the scenario undoes it and leaves the patch holding what the
//! undo took away, for redo. The history is bounded by the memory its steps really hold
//! (256 MB, counted by walking them), not by a small count, so a whole workshop can be
//! undone.

use crate::edit::ScenarioPatch;
use crate::model::Scenario;

/// How much memory the whole history may hold.
pub const DEFAULT_LIMIT_BYTES: usize = 256 * 1024 * 1024;

/// Edits with the same key within this many seconds merge into one undo step (typing in
/// one field, dragging one value).
pub const MERGE_SECONDS: f64 = 1.0;

struct Step {
    patch: ScenarioPatch,
    bytes: usize,
    label: String,
    merge_key: Option<String>,
    time: f64,
    /// The versions of the scenario before and after the step (see [`History::version`]).
    versions: (u64, u64),
}

impl Step {
    fn new(
        patch: ScenarioPatch,
        label: String,
        merge_key: Option<String>,
        time: f64,
        versions: (u64, u64),
    ) -> Step {
        let mut step = Step {
            patch,
            bytes: 0,
            label,
            merge_key,
            time,
            versions,
        };
        step.bytes = step.size();
        step
    }

    /// What the step holds: its patch, its texts and itself.
    fn size(&self) -> usize {
        self.patch.bytes()
            + self.label.capacity()
            + self.merge_key.as_ref().map_or(0, String::capacity)
            + std::mem::size_of::<Step>()
    }

    /// Measures the step again after it changed, and brings the history's count of bytes
    /// (`total`) along.
    fn remeasure(&mut self, total: &mut usize) {
        let bytes = self.size();
        *total = *total - self.bytes + bytes;
        self.bytes = bytes;
    }
}

/// The undo and redo stacks.
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    bytes: usize,
    limit_bytes: usize,
    /// The version of the scenario as it is: a new one for each edit, and undo and redo
    /// go back to the version they lead to, so that the same content has the same version.
    version: u64,
    /// The next new version; versions are never reused.
    next_version: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::with_limit(DEFAULT_LIMIT_BYTES)
    }
}

impl History {
    pub fn with_limit(limit_bytes: usize) -> History {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            bytes: 0,
            limit_bytes,
            version: 0,
            next_version: 1,
        }
    }

    /// The version of the scenario as it is now (edits, undo and redo move it).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// A version no scenario ever has.
    pub const NO_VERSION: u64 = u64::MAX;

    fn new_version(&mut self) -> u64 {
        let version = self.next_version;
        self.next_version += 1;
        version
    }

    /// Records what an edit changed (`patch`, taken against `current`, the scenario after
    /// it). An edit with the same merge key as the last one, soon after it, joins that step
    /// instead of making a new one.
    pub fn record(
        &mut self,
        patch: ScenarioPatch,
        label: String,
        merge_key: Option<String>,
        time: f64,
        current: &Scenario,
    ) {
        self.clear_redo();
        let (before, after) = (self.version, self.new_version());
        self.version = after;
        if let (Some(key), Some(last)) = (&merge_key, self.undo.last_mut())
            && last.merge_key.as_ref() == Some(key)
            && time - last.time < MERGE_SECONDS
        {
            last.patch.absorb(patch, current);
            last.time = time;
            last.versions.1 = after;
            last.remeasure(&mut self.bytes);
            self.evict();
            return;
        }
        let step = Step::new(patch, label, merge_key, time, (before, after));
        self.bytes += step.bytes;
        self.undo.push(step);
        self.evict();
    }

    fn clear_redo(&mut self) {
        for s in self.redo.drain(..) {
            self.bytes -= s.bytes;
        }
    }

    /// Drops the oldest steps until the history fits its memory; the newest stays, so that
    /// the step just made or redone can always be taken back.
    fn evict(&mut self) {
        let mut drop = 0;
        let older = self.undo.len().saturating_sub(1);
        for step in self.undo.iter().take(older) {
            if self.bytes <= self.limit_bytes {
                break;
            }
            self.bytes -= step.bytes;
            drop += 1;
        }
        self.undo.drain(..drop);
    }

    /// Steps back: takes the last edit back in `s`, and returns its patch (now holding what
    /// the undo took away); `None` when there is nothing to undo.
    pub fn undo(&mut self, s: &mut Scenario) -> Option<&ScenarioPatch> {
        let step = self.undo.pop()?;
        let step = self.swap(step, s);
        self.version = step.versions.0;
        self.redo.push(step);
        self.redo.last().map(|step| &step.patch)
    }

    /// Steps forward again after an undo; returns the patch as [`History::undo`] does.
    pub fn redo(&mut self, s: &mut Scenario) -> Option<&ScenarioPatch> {
        let step = self.redo.pop()?;
        let step = self.swap(step, s);
        self.version = step.versions.1;
        self.undo.push(step);
        self.evict();
        self.undo.last().map(|step| &step.patch)
    }

    /// Swaps a step's patch with the scenario; the step then holds the other side.
    fn swap(&mut self, mut step: Step, s: &mut Scenario) -> Step {
        step.patch.swap(s);
        // An undone step is not merged into by the next edit.
        step.merge_key = None;
        step.remeasure(&mut self.bytes);
        step
    }

    /// What the next undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// What the next redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn redo_len(&self) -> usize {
        self.redo.len()
    }

    /// The memory the history holds, in bytes.
    pub fn bytes(&self) -> usize {
        self.bytes
    }

    /// Forgets everything (a new scenario was opened).
    /// Forgets every step; the scenario then has a version of its own.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.bytes = 0;
        self.version = self.new_version();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Edit, apply_recorded};

    fn named(name: &str) -> Scenario {
        Scenario {
            name: name.into(),
            ..Scenario::default()
        }
    }

    /// Renames `s` and records the edit.
    fn rename(h: &mut History, s: &mut Scenario, to: &str, key: Option<&str>, time: f64) {
        let edit = Edit::SetScenarioInfo {
            name: to.into(),
            description: String::new(),
        };
        let patch = apply_recorded(s, &edit, true)
            .expect("renames")
            .expect("a change");
        h.record(patch, format!("to {to}"), key.map(str::to_string), time, s);
    }

    fn undone(h: &mut History, s: &mut Scenario) -> Option<String> {
        h.undo(s).map(|_| s.name.clone())
    }

    fn redone(h: &mut History, s: &mut Scenario) -> Option<String> {
        h.redo(s).map(|_| s.name.clone())
    }

    #[test]
    fn undo_and_redo_walk_the_steps() {
        let mut h = History::default();
        let mut s = named("a");
        rename(&mut h, &mut s, "b", None, 0.0);
        rename(&mut h, &mut s, "c", None, 5.0);
        assert_eq!(undone(&mut h, &mut s), Some("b".into()));
        assert_eq!(undone(&mut h, &mut s), Some("a".into()));
        assert!(h.undo(&mut s).is_none());
        assert_eq!(s.name, "a");
        assert_eq!(redone(&mut h, &mut s), Some("b".into()));
        assert_eq!(h.redo_label(), Some("to c"));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        let mut s = named("a");
        rename(&mut h, &mut s, "b", None, 0.0);
        h.undo(&mut s);
        rename(&mut h, &mut s, "c", None, 1.0);
        assert_eq!(h.redo_len(), 0);
    }

    #[test]
    fn a_burst_on_one_field_is_one_step() {
        let mut h = History::default();
        let mut s = named("v0");
        for i in 1..=10 {
            rename(
                &mut h,
                &mut s,
                &format!("v{i}"),
                Some("name"),
                f64::from(i) * 0.2,
            );
        }
        assert_eq!(h.undo_len(), 1);
        assert_eq!(
            undone(&mut h, &mut s),
            Some("v0".into()),
            "back to before the burst"
        );
        rename(&mut h, &mut s, "x", Some("name"), 100.0);
        rename(&mut h, &mut s, "y", Some("name"), 102.0);
        assert_eq!(h.undo_len(), 2, "a pause starts a new step");
    }

    #[test]
    fn the_history_is_bounded_by_memory_not_count() {
        let mut probe = History::default();
        let mut s = named("a");
        rename(&mut probe, &mut s, "b", None, 0.0);
        let one = probe.bytes();
        let mut h = History::with_limit(one * 1500);
        for i in 0..2000 {
            // Names of one length: every step holds the same memory.
            let to = if i % 2 == 0 { "a" } else { "b" };
            rename(&mut h, &mut s, to, None, f64::from(i));
        }
        assert_eq!(h.undo_len(), 1500);
        assert!(h.bytes() <= one * 1500);
    }

    /// A step larger than the whole bound still stays until the next one, so it can be
    /// undone and redone.
    #[test]
    fn the_newest_step_stays_whatever_its_size() {
        let mut h = History::with_limit(1);
        let mut s = named("a");
        rename(&mut h, &mut s, "b", None, 0.0);
        assert_eq!(h.undo_len(), 1);
        assert!(h.undo(&mut s).is_some());
        assert_eq!(s.name, "a");
        assert!(h.redo(&mut s).is_some(), "the redone step is kept");
        assert_eq!(s.name, "b");
        rename(&mut h, &mut s, "c", None, 1.0);
        assert_eq!(h.undo_len(), 1, "the older step goes");
    }
}
