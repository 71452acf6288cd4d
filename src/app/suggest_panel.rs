//! The Suggest panel: proposals that clear errors, overload and parked work, worked out
//! off the UI thread (with progress and Cancel), previewed on the board while hovered, and
//! applied as one undoable edit through the same edit path as a drag.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::Ui;

use crate::model::Scenario;
use crate::num::{dollars, hours};
use crate::suggest::{Change, Proposal, SuggestOptions, Suggestions, Trouble};

use super::Action;
use super::state::AppState;

/// How many proposals the panel lists.
pub const PANEL_MAX: usize = 5;

type Outcome = Arc<Mutex<Option<Result<Suggestions, crate::suggest::Cancelled>>>>;

/// A search running on another thread.
pub struct Running {
    cancel: Arc<AtomicBool>,
    /// Progress in thousandths.
    progress: Arc<AtomicU32>,
    outcome: Outcome,
    generation: u64,
}

/// The panel's state.
#[derive(Default)]
pub struct SuggestState {
    pub open: bool,
    pub running: Option<Running>,
    /// The last proposals, with the scenario generation they were made for.
    pub result: Option<(u64, Suggestions)>,
    /// The proposal under the pointer, previewed on the board.
    pub preview: Option<usize>,
    pub cancelled: bool,
}

impl SuggestState {
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

impl AppState {
    /// Starts a search for proposals on another thread (cancelling one under way).
    pub fn start_suggest(&mut self) {
        self.cancel_suggest();
        self.suggest.open = true;
        self.suggest.cancelled = false;
        let scenario: Scenario = self.scenario.clone();
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
        self.suggest.running = Some(Running {
            cancel,
            progress,
            outcome,
            generation: self.generation,
        });
    }

    /// Stops the search under way.
    pub fn cancel_suggest(&mut self) {
        if let Some(running) = self.suggest.running.take() {
            running.cancel.store(true, Ordering::Relaxed);
            self.suggest.cancelled = true;
        }
    }

    /// Picks up a finished search; while one runs, asks for a repaint to show progress.
    pub fn suggest_tick(&mut self, ctx: &egui::Context) {
        let Some(running) = &self.suggest.running else {
            return;
        };
        let done = running.outcome.lock().ok().and_then(|mut slot| slot.take());
        match done {
            Some(Ok(suggestions)) => {
                self.suggest.result = Some((running.generation, suggestions));
                self.suggest.running = None;
                self.suggest.preview = None;
            }
            Some(Err(_)) => self.suggest.running = None,
            None => ctx.request_repaint_after(Duration::from_millis(100)),
        }
    }

    /// Applies a proposal as one undoable edit.
    pub fn apply_proposal(&mut self, index: usize) {
        let edit = match &self.suggest.result {
            Some((made_for, s)) if *made_for == self.generation => {
                s.proposals.get(index).map(Proposal::edit)
            }
            _ => None,
        };
        if let Some(edit) = edit {
            let _ = self.apply(edit);
            self.suggest.preview = None;
        }
    }
}

fn trouble_text(t: &Trouble) -> String {
    format!(
        "{} errors, {} h over capacity, {} h parked, {} warnings",
        t.errors,
        hours(t.overload_hours),
        hours(t.parked_hours),
        t.warnings
    )
}

/// The panel beside the board.
pub fn suggest_ui(ui: &mut Ui, state: &AppState, actions: &mut Vec<Action>) {
    let s = &state.suggest;
    ui.horizontal(|ui| {
        ui.heading("Suggestions");
        if ui
            .small_button("Close")
            .accessible_name("Close the suggestions")
            .clicked()
        {
            actions.push(Action::Suggest(SuggestAction::Close));
        }
    });
    if let Some(running) = &s.running {
        let fraction = running.progress.load(Ordering::Relaxed) as f32 / 1000.0;
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Looking for moves…");
        });
        ui.add(egui::ProgressBar::new(fraction).show_percentage());
        if ui
            .button("Cancel")
            .accessible_name("Cancel the search")
            .clicked()
        {
            actions.push(Action::Suggest(SuggestAction::Cancel));
        }
        return;
    }
    let Some((made_for, suggestions)) = &s.result else {
        if s.cancelled {
            ui.label("The search was cancelled.");
        }
        if ui.button("Suggest moves").clicked() {
            actions.push(Action::Suggest(SuggestAction::Run));
        }
        return;
    };
    let stale = *made_for != state.generation;
    ui.label(format!("Now: {}.", trouble_text(&suggestions.trouble)));
    if stale {
        ui.colored_label(
            super::theme::HIGHLIGHT,
            "The scenario changed since these were made.",
        );
        if ui.button("Suggest again").clicked() {
            actions.push(Action::Suggest(SuggestAction::Run));
        }
    }
    if suggestions.proposals.is_empty() {
        ui.label("No trouble to fix, or no move of one to three edits lowers it: no errors, nobody over capacity, no parked or unowned hours, no warnings left to clear.");
        return;
    }
    let mut hovered = None;
    egui::ScrollArea::vertical()
        .id_salt("proposals")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, p) in suggestions.proposals.iter().enumerate() {
                let response = ui
                    .group(|ui| {
                        ui.set_width(ui.available_width());
                        proposal_ui(ui, state, i, p, stale, actions);
                    })
                    .response;
                if response.contains_pointer() {
                    hovered = Some(i);
                }
            }
        });
    if hovered != s.preview && !stale {
        actions.push(Action::Suggest(SuggestAction::Preview(hovered)));
    }
}

fn proposal_ui(
    ui: &mut Ui,
    state: &AppState,
    i: usize,
    p: &Proposal,
    stale: bool,
    actions: &mut Vec<Action>,
) {
    let s = &state.scenario;
    ui.strong(format!(
        "{}. {}",
        i + 1,
        if p.changes.len() == 1 {
            "One change"
        } else {
            "Changes together"
        }
    ));
    for change in &p.changes {
        ui.label(format!("- {}", change.describe(s)));
    }
    ui.label(format!("After: {}.", trouble_text(&p.trouble_after)));
    if p.cost_after != p.cost_before {
        ui.label(format!(
            "Leadership cost {} to {} a year.",
            dollars(p.cost_before),
            dollars(p.cost_after)
        ));
    }
    for f in &p.findings_cleared {
        ui.label(format!("Clears {}: {}", f.rule.id(), f.message));
    }
    for f in &p.findings_raised {
        ui.colored_label(
            super::theme::OVER,
            format!("Raises {}: {}", f.rule.id(), f.message),
        );
    }
    for l in &p.load {
        let before = l
            .before
            .map_or("new".to_string(), |b| format!("{} h", hours(b)));
        ui.label(format!("{}: {before} to {} h", l.name, hours(l.after)));
    }
    let name = format!("Apply suggestion {}", i + 1);
    if ui
        .add_enabled(!stale, egui::Button::new("Apply"))
        .accessible_name(&name)
        .clicked()
    {
        actions.push(Action::Suggest(SuggestAction::Apply(i)));
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

impl AppState {
    /// Carries out a panel request.
    pub fn suggest_act(&mut self, action: SuggestAction) {
        match action {
            SuggestAction::Run => self.start_suggest(),
            SuggestAction::Cancel => self.cancel_suggest(),
            SuggestAction::Close => {
                self.cancel_suggest();
                self.suggest.open = false;
                self.suggest.preview = None;
            }
            SuggestAction::Apply(i) => self.apply_proposal(i),
            SuggestAction::Preview(p) => self.suggest.preview = p,
        }
    }

    /// Where the previewed proposal moves cards of a product: (responsibility, to column).
    pub fn previewed_moves(&self, product: &str) -> Vec<(String, crate::model::Column)> {
        self.suggest
            .previewed(self.generation)
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
    pub fn previewed_load(&self, person: &str) -> Option<f64> {
        self.suggest
            .previewed(self.generation)?
            .load
            .iter()
            .find(|l| l.id == person)
            .map(|l| l.after)
    }

    /// The previewed new holder of a seat (`product` PM or `team` PO), if the proposal
    /// changes it.
    pub fn previewed_seat(&self, product: Option<&str>, team: Option<&str>) -> Option<String> {
        let p = self.suggest.previewed(self.generation)?;
        p.changes.iter().find_map(|c| match c {
            Change::SetPm {
                product: pr,
                person,
                hire,
                ..
            } if Some(pr.as_str()) == product => Some(hire.as_ref().map_or_else(
                || self.scenario.name_of(person).to_string(),
                |h| h.name.clone(),
            )),
            Change::SetPo {
                team: t,
                person,
                hire,
                ..
            } if Some(t.as_str()) == team => Some(hire.as_ref().map_or_else(
                || self.scenario.name_of(person).to_string(),
                |h| h.name.clone(),
            )),
            _ => None,
        })
    }
}
