//! Suggestions in the window: proposals that clear errors, overload and parked work, worked
//! out off the UI thread (with progress and Cancel), previewed on the board while hovered;
//! applying one is an ordinary edit. The panel that shows them is `suggest_view.rs`.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::edit::Edit;
use crate::model::Scenario;
use crate::suggest::{Change, Proposal, SuggestOptions, Suggestions};

/// How many proposals the panel lists.
pub const PANEL_MAX: usize = 5;

type Outcome = Arc<Mutex<Option<Result<Suggestions, crate::suggest::Cancelled>>>>;

/// A search running on another thread.
pub struct Running {
    cancel: Arc<AtomicBool>,
    /// Progress in thousandths.
    pub progress: Arc<AtomicU32>,
    outcome: Outcome,
    generation: u64,
}

/// The panel's state.
#[derive(Default)]
pub struct Suggest {
    pub open: bool,
    pub running: Option<Running>,
    /// The last proposals, with the scenario generation they were made for.
    pub result: Option<(u64, Suggestions)>,
    /// The proposal under the pointer, previewed on the board.
    pub preview: Option<usize>,
    pub cancelled: bool,
}

impl Suggest {
    /// The proposal being previewed, if it still fits the scenario.
    pub fn previewed(&self, generation: u64) -> Option<&Proposal> {
        let (made_for, suggestions) = self.result.as_ref()?;
        if *made_for != generation {
            return None;
        }
        suggestions.proposals.get(self.preview?)
    }

    pub fn is_running(&self) -> bool {
        self.running.is_some()
    }
}

impl Suggest {
    /// Starts a search for proposals on another thread (cancelling one under way), for the
    /// scenario as it is at `generation`.
    pub fn start(&mut self, scenario: &Scenario, generation: u64) {
        self.cancel();
        self.open = true;
        self.cancelled = false;
        let scenario = scenario.clone();
        let cancel = Arc::new(AtomicBool::new(false));
        let progress = Arc::new(AtomicU32::new(0));
        let outcome: Outcome = Arc::default();
        let (c, p, o) = (cancel.clone(), progress.clone(), outcome.clone());
        std::thread::spawn(move || {
            let report = |fraction: f32| {
                p.store(
                    (fraction.clamp(0.0, 1.0) * 1000.0) as u32,
                    Ordering::Relaxed,
                )
            };
            let options = SuggestOptions {
                max: PANEL_MAX,
                cancel: Some(&c),
                progress: Some(&report),
            };
            let result = crate::suggest::suggest(&scenario, &options);
            if let Ok(mut slot) = o.lock() {
                *slot = Some(result);
            }
        });
        self.running = Some(Running {
            cancel,
            progress,
            outcome,
            generation,
        });
    }

    /// Stops the search under way.
    pub fn cancel(&mut self) {
        if let Some(running) = self.running.take() {
            running.cancel.store(true, Ordering::Relaxed);
            self.cancelled = true;
        }
    }

    /// Picks up a finished search; while one runs, asks for a repaint to show progress.
    pub fn tick(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.running else {
            return;
        };
        let done = running.outcome.lock().ok().and_then(|mut slot| slot.take());
        match done {
            Some(Ok(suggestions)) => {
                self.result = Some((running.generation, suggestions));
                self.running = None;
                self.preview = None;
            }
            Some(Err(_)) => self.running = None,
            None => ctx.request_repaint_after(Duration::from_millis(100)),
        }
    }

    /// The edit of a proposal made for the scenario at `generation`, taken for applying.
    pub fn take_proposal(&mut self, index: usize, generation: u64) -> Option<Edit> {
        let edit = match &self.result {
            Some((made_for, s)) if *made_for == generation => {
                s.proposals.get(index).map(Proposal::edit)
            }
            _ => None,
        }?;
        self.preview = None;
        Some(edit)
    }

    /// Closes the panel, stopping a search under way.
    pub fn close(&mut self) {
        self.cancel();
        self.open = false;
        self.preview = None;
    }
}

/// What the panel asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SuggestAction {
    Run,
    Cancel,
    Close,
    Apply(usize),
    Preview(Option<usize>),
}

impl Suggest {
    /// Where the previewed proposal moves cards of a product: (responsibility, to column).
    pub fn previewed_moves(
        &self,
        generation: u64,
        product: &str,
    ) -> Vec<(String, crate::model::Column)> {
        self.previewed(generation)
            .map(|p| {
                p.changes
                    .iter()
                    .filter_map(|c| match c {
                        Change::MoveCard {
                            product: pr,
                            responsibility,
                            to,
                            ..
                        } if pr == product => Some((responsibility.clone(), *to)),
                        _ => None,
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The previewed load of a person after the proposal, if it changes.
    pub fn previewed_load(&self, generation: u64, person: &str) -> Option<f64> {
        self.previewed(generation)?
            .load
            .iter()
            .find(|l| l.id == person)
            .map(|l| l.after)
    }

    /// The previewed new holder of a seat (`product` PM or `team` PO), if the proposal
    /// changes it.
    pub fn previewed_seat(
        &self,
        s: &Scenario,
        generation: u64,
        product: Option<&str>,
        team: Option<&str>,
    ) -> Option<String> {
        let p = self.previewed(generation)?;
        p.changes.iter().find_map(|c| {
            let (person, hire) = match c {
                Change::SetPm {
                    product: pr,
                    person,
                    hire,
                    ..
                } if Some(pr.as_str()) == product => (person, hire),
                Change::SetPo {
                    team: t,
                    person,
                    hire,
                    ..
                } if Some(t.as_str()) == team => (person, hire),
                _ => return None,
            };
            let name = hire.as_ref().map(|h| h.name.clone());
            Some(name.unwrap_or_else(|| s.name_of(person).to_string()))
        })
    }
}
