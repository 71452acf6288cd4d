//! The recovery copy of unsaved work: written a few seconds after a change (never to the
//! user's file), offered back at the next start, removed once the work is saved or
//! discarded. The disk work itself is `crate::io`'s.

use std::path::PathBuf;
use std::time::Duration;

use crate::io::Recovered;

use super::document::Document;

/// How long after a change the recovery file is written.
pub const RECOVERY_DELAY_SECONDS: f64 = 2.0;

/// Where the recovery copy goes, when it is due, and what an earlier run left.
#[derive(Default)]
pub struct Recovery {
    /// The folder of the recovery copy; `None` writes none.
    pub dir: Option<PathBuf>,
    /// When the copy is due (frame time), after a change.
    pub due: Option<f64>,
    /// Unsaved work found at start-up.
    pub offer: Option<Recovered>,
}

impl Recovery {
    /// A recovery copy kept in `dir`, offering what an earlier run left there.
    pub fn in_dir(dir: PathBuf) -> Recovery {
        Recovery {
            offer: crate::io::read_recovery(&dir),
            dir: Some(dir),
            due: None,
        }
    }

    /// Called on every change: the copy follows within a few seconds, or goes when the
    /// work is saved.
    pub fn schedule(&mut self, doc: &Document, now: f64) {
        if !doc.is_dirty() {
            self.remove();
        } else if self.dir.is_some() {
            self.due = Some(now + RECOVERY_DELAY_SECONDS);
        }
    }

    /// Writes the copy when it is due; otherwise asks for a repaint then. Returns why the
    /// copy could not be written, if it could not.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document, now: f64) -> Option<String> {
        let due = self.due?;
        if now >= due {
            self.write(doc)
        } else {
            ctx.request_repaint_after(Duration::from_secs_f64(due - now));
            None
        }
    }

    /// Writes the copy now (atomically), when there is unsaved work; returns why it could
    /// not be written, if it could not.
    pub fn write(&mut self, doc: &Document) -> Option<String> {
        self.due = None;
        let dir = self.dir.as_ref()?;
        if !doc.is_dirty() {
            return None;
        }
        crate::io::write_recovery(dir, &doc.scenario, doc.path.as_deref())
            .err()
            .map(|e| format!("The recovery copy could not be written: {e}"))
    }

    /// Removes the copy: the work was saved or deliberately discarded.
    pub fn remove(&mut self) {
        self.due = None;
        if let Some(dir) = &self.dir {
            crate::io::remove_recovery(dir);
        }
    }
}
