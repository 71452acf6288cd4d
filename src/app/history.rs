//! Undo and redo by snapshots: each step keeps the whole scenario as it was before the
//! edit. Snapshots cannot drift from the edits that made them, and a workshop scenario is
//! kilobytes, so the history is bounded by memory (256 MB) rather than by a small count.

use crate::model::Scenario;
use crate::write;

/// How much memory the whole history may hold, counted as the snapshots' file sizes.
pub const DEFAULT_LIMIT_BYTES: usize = 256 * 1024 * 1024;

/// Edits with the same key within this many seconds merge into one undo step (typing in
/// one field, dragging one value).
pub const MERGE_SECONDS: f64 = 1.0;

struct Step {
    scenario: Scenario,
    bytes: usize,
    label: String,
    merge_key: Option<String>,
    time: f64,
}

/// The undo and redo stacks.
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    bytes: usize,
    limit_bytes: usize,
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
        }
    }

    fn step(scenario: Scenario, label: String, merge_key: Option<String>, time: f64) -> Step {
        // Sized once, by its file length: a fair measure of what it holds.
        let bytes = write::scenario_to_string(&scenario).len() + std::mem::size_of::<Step>();
        Step {
            scenario,
            bytes,
            label,
            merge_key,
            time,
        }
    }

    /// Records the scenario as it was before an edit. An edit with the same merge key as
    /// the last one, soon after it, joins that step instead of making a new one.
    pub fn record(
        &mut self,
        before: Scenario,
        label: String,
        merge_key: Option<String>,
        time: f64,
    ) {
        self.clear_redo();
        if let (Some(key), Some(last)) = (&merge_key, self.undo.last_mut())
            && last.merge_key.as_ref() == Some(key)
            && time - last.time < MERGE_SECONDS
        {
            last.time = time;
            return;
        }
        let step = History::step(before, label, merge_key, time);
        self.bytes += step.bytes;
        self.undo.push(step);
        self.evict();
    }

    fn clear_redo(&mut self) {
        for s in self.redo.drain(..) {
            self.bytes -= s.bytes;
        }
    }

    /// Drops the oldest steps until the history fits its memory.
    fn evict(&mut self) {
        let mut drop = 0;
        while self.bytes > self.limit_bytes && drop < self.undo.len() {
            self.bytes -= self.undo[drop].bytes;
            drop += 1;
        }
        self.undo.drain(..drop);
    }

    /// Steps back: returns the scenario before the last edit; `current` becomes redoable.
    pub fn undo(&mut self, current: &Scenario) -> Option<Scenario> {
        let step = self.undo.pop()?;
        Some(self.swap(step, current, Direction::Redo))
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: &Scenario) -> Option<Scenario> {
        let step = self.redo.pop()?;
        let scenario = self.swap(step, current, Direction::Undo);
        self.evict();
        Some(scenario)
    }

    /// Takes `step` out of the history and keeps `current` on the other side.
    fn swap(&mut self, step: Step, current: &Scenario, keep_on: Direction) -> Scenario {
        self.bytes -= step.bytes;
        let kept = History::step(current.clone(), step.label.clone(), None, step.time);
        self.bytes += kept.bytes;
        match keep_on {
            Direction::Undo => self.undo.push(kept),
            Direction::Redo => self.redo.push(kept),
        }
        step.scenario
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
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.bytes = 0;
    }
}

/// Which list of the history a step goes on.
enum Direction {
    Undo,
    Redo,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Scenario {
        Scenario {
            name: name.into(),
            ..Scenario::default()
        }
    }

    #[test]
    fn undo_and_redo_walk_the_snapshots() {
        let mut h = History::default();
        h.record(named("a"), "to b".into(), None, 0.0);
        h.record(named("b"), "to c".into(), None, 5.0);
        assert_eq!(h.undo(&named("c")).map(|s| s.name), Some("b".into()));
        assert_eq!(h.undo(&named("b")).map(|s| s.name), Some("a".into()));
        assert!(h.undo(&named("a")).is_none());
        assert_eq!(h.redo(&named("a")).map(|s| s.name), Some("b".into()));
        assert_eq!(h.redo_label(), Some("to c"));
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let mut h = History::default();
        h.record(named("a"), "x".into(), None, 0.0);
        h.undo(&named("b"));
        h.record(named("a"), "y".into(), None, 1.0);
        assert_eq!(h.redo_len(), 0);
    }

    #[test]
    fn a_burst_on_one_field_is_one_step() {
        let mut h = History::default();
        for i in 0..10 {
            h.record(
                named(&format!("v{i}")),
                "type".into(),
                Some("name".into()),
                f64::from(i) * 0.2,
            );
        }
        assert_eq!(h.undo_len(), 1);
        assert_eq!(
            h.undo(&named("v10")).map(|s| s.name),
            Some("v0".into()),
            "back to before the burst"
        );
        h.record(named("x"), "type".into(), Some("name".into()), 100.0);
        h.record(named("y"), "type".into(), Some("name".into()), 102.0);
        assert_eq!(h.undo_len(), 2, "a pause starts a new step");
    }

    #[test]
    fn the_history_is_bounded_by_memory_not_count() {
        let one = History::step(named("a"), String::new(), None, 0.0).bytes;
        let mut h = History::with_limit(one * 1500);
        for i in 0..2000 {
            h.record(named("a"), "x".into(), None, f64::from(i));
        }
        assert_eq!(h.undo_len(), 1500);
        assert!(h.bytes() <= one * 1500);
    }
}
