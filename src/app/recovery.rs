//! The recovery copy of unsaved work: written a few seconds after a change (never to the
//! user's file), offered back at the next start, removed once the work is saved or
//! discarded. Writing it (serialising a file of 5,000 people and syncing it to disk takes
//! longer than a frame) happens on a writer thread: the frame only hands over the scenario
//! as it is (shared, not copied: an edit made meanwhile works on a copy of its own). The
//! disk work itself is `crate::io`'s, atomic as every save.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::io::Recovered;
use crate::model::Scenario;

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
    /// The thread that writes the copies, started with the first one.
    writer: Option<Writer>,
}

/// A copy to write: the scenario, the file it belongs to, and the removals it must not
/// outlive (see [`Shared::removals`]).
struct Job {
    dir: PathBuf,
    scenario: Arc<Scenario>,
    source: Option<PathBuf>,
    removals: u64,
}

/// What the window and the writer thread share.
#[derive(Default)]
struct Shared {
    /// Held while a copy is written or removed, so a removal never overtakes a write.
    disk: Mutex<()>,
    /// How many removals there were: a copy asked for before the last removal is stale
    /// (the work was saved or discarded since) and is not written.
    removals: AtomicU64,
    /// Why the last copy could not be written, for the status line.
    problem: Mutex<Option<String>>,
}

impl Shared {
    fn disk(&self) -> MutexGuard<'_, ()> {
        self.disk.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn problem(&self) -> MutexGuard<'_, Option<String>> {
        self.problem.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// The writer thread and the way to it.
struct Writer {
    jobs: Option<Sender<Job>>,
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
}

impl Writer {
    fn start() -> Option<Writer> {
        let (jobs, queue) = channel();
        let shared = Arc::new(Shared::default());
        let for_thread = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("recovery copy".into())
            .spawn(move || write_copies(&queue, &for_thread))
            .ok()?;
        Some(Writer {
            jobs: Some(jobs),
            shared,
            thread: Some(thread),
        })
    }
}

impl Drop for Writer {
    /// Closing the window finishes the copy under way, so it is whole at the next start.
    fn drop(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The writer thread: writes the newest copy asked for, until the window goes.
fn write_copies(queue: &Receiver<Job>, shared: &Shared) {
    while let Ok(mut job) = queue.recv() {
        // Copies asked for while one was written: only the newest matters.
        while let Ok(newer) = queue.try_recv() {
            job = newer;
        }
        let _disk = shared.disk();
        if job.removals != shared.removals.load(Ordering::SeqCst) {
            continue;
        }
        let result = crate::io::write_recovery(&job.dir, &job.scenario, job.source.as_deref());
        *shared.problem() = result
            .err()
            .map(|e| format!("The recovery copy could not be written: {e}"));
    }
}

impl Recovery {
    /// A recovery copy kept in `dir`, offering what an earlier run left there.
    pub fn in_dir(dir: PathBuf) -> Recovery {
        Recovery {
            offer: crate::io::read_recovery(&dir),
            dir: Some(dir),
            ..Recovery::default()
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

    /// Hands the copy to the writer when it is due; otherwise asks for a repaint then.
    /// Returns why the last copy could not be written, once.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document, now: f64) -> Option<String> {
        let problem = self.writer.as_ref().and_then(|w| w.shared.problem().take());
        if let Some(due) = self.due {
            if now >= due {
                self.write(doc);
                // A frame after the copy is written says if it could not be.
                ctx.request_repaint_after(Duration::from_secs(1));
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(due - now));
            }
        }
        problem
    }

    /// Hands the scenario as it is to the writer thread, when there is unsaved work; the
    /// copy is written atomically there, never to the user's file. Returns why it could not
    /// be handed over (no thread could be started).
    pub fn write(&mut self, doc: &Document) -> Option<String> {
        self.due = None;
        let dir = self.dir.clone()?;
        if !doc.is_dirty() {
            return None;
        }
        if self.writer.is_none() {
            self.writer = Writer::start();
        }
        let Some(writer) = &self.writer else {
            return Some("The recovery copy could not be written: no thread to write it".into());
        };
        let job = Job {
            dir,
            scenario: Arc::clone(&doc.scenario),
            source: doc.path.clone(),
            removals: writer.shared.removals.load(Ordering::SeqCst),
        };
        let sent = writer
            .jobs
            .as_ref()
            .is_some_and(|jobs| jobs.send(job).is_ok());
        (!sent).then(|| "The recovery copy could not be written: its writer stopped".into())
    }

    /// Removes the copy: the work was saved or deliberately discarded. A copy being
    /// written is finished first and then removed; copies asked for before are dropped.
    pub fn remove(&mut self) {
        self.due = None;
        let Some(dir) = &self.dir else {
            return;
        };
        // With a writer, a copy under way is finished first (the disk lock), and the ones
        // asked for before are dropped (the count of removals).
        let _disk = self.writer.as_ref().map(|writer| {
            writer.shared.removals.fetch_add(1, Ordering::SeqCst);
            writer.shared.disk()
        });
        crate::io::remove_recovery(dir);
    }

    /// Waits until the copies handed over are written (the thread stops; the next copy
    /// starts another).
    pub fn flush(&mut self) {
        self.writer = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::Edit;

    fn unsaved(dir: &std::path::Path) -> (Recovery, Document) {
        let mut doc = Document::new(Scenario::default(), None);
        let rename = Edit::SetScenarioInfo {
            name: "unsaved".into(),
            description: String::new(),
        };
        doc.apply(&rename, None, 0.0).expect("renames");
        (Recovery::in_dir(dir.to_path_buf()), doc)
    }

    #[test]
    fn the_copy_is_written_by_the_writer_thread() {
        let dir = tempfile::tempdir().expect("a folder");
        let (mut recovery, doc) = unsaved(dir.path());
        assert_eq!(recovery.write(&doc), None, "handed over");
        recovery.flush();
        let copy = crate::io::read_recovery(dir.path()).expect("written");
        assert_eq!(copy.scenario.name, "unsaved");
    }

    #[test]
    fn a_removal_is_not_overtaken_by_a_copy_asked_for_before_it() {
        let dir = tempfile::tempdir().expect("a folder");
        let (mut recovery, doc) = unsaved(dir.path());
        for _ in 0..20 {
            recovery.write(&doc);
        }
        recovery.remove();
        recovery.flush();
        assert!(
            !dir.path().join(crate::io::RECOVERY_FILE).exists(),
            "the work was saved: no copy stays"
        );
    }
}
