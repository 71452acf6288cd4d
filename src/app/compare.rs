//! The scenarios being compared: the open one and saved files, against a baseline of the
//! user's choice, with their differences worked out once per change (the view is
//! `compare_view.rs`). The same comparison code (`crate::diff`) serves the command line.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::analysis::{Analysis, analyze};
use crate::diff::{Comparison, Diff, diff_analyzed};
use crate::model::Scenario;

use super::compare_tables::{CompareTables, ComparedScenario};
use super::document::{Derived, Document};
use super::names::Names;

/// A saved scenario brought into the comparison. Its parts are shared (never changed once
/// read) so that a comparison worked out on a thread reads them without a copy.
pub struct Compared {
    pub label: String,
    pub path: PathBuf,
    pub scenario: Arc<Scenario>,
    pub analysis: Arc<Analysis>,
    /// Its ids, indexed once when it is read.
    pub names: Arc<Names>,
}

/// The scenarios being compared. Entry 0 is always the open scenario.
#[derive(Default)]
pub struct Compare {
    pub others: Vec<Compared>,
    /// Which entry the others are compared with (0 = the open scenario).
    pub baseline: usize,
    /// Which entry the exported "A vs B" document compares with the baseline.
    pub focus: usize,
    /// The part of the comparison shown.
    pub section: CompareSection,
    /// What the tab shows, rebuilt when the open scenario or the comparison changes.
    tables: Derived<CompareTables>,
    /// Counts the changes to what is compared (files, baseline), so that a comparison
    /// worked out on a thread is kept only if nothing changed meanwhile.
    changes: u64,
    /// A large comparison being worked out on a thread.
    pub building: Option<Building>,
    /// A large file being read.
    pub reading: Option<Reading>,
}

/// A comparison being worked out on a thread, for the document's `generation` and the
/// comparison's `changes` count.
pub struct Building {
    generation: u64,
    changes: u64,
    result: Receiver<CompareTables>,
}

/// The parts of the Compare tab.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CompareSection {
    /// Leadership cost, seats and findings against the baseline.
    #[default]
    Summary,
    /// Where each card goes in each scenario.
    Cards,
    /// Everyone's load in each scenario.
    Loads,
}

impl CompareSection {
    pub const ALL: [CompareSection; 3] = [
        CompareSection::Summary,
        CompareSection::Cards,
        CompareSection::Loads,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CompareSection::Summary => "Cost, seats and findings",
            CompareSection::Cards => "Where each card goes",
            CompareSection::Loads => "Everyone's load",
        }
    }
}

impl Compare {
    /// The open scenario, then the saved ones.
    pub fn entries<'a>(&'a self, doc: &'a Document) -> Vec<ComparedScenario<'a>> {
        let open = ComparedScenario {
            label: OPEN_LABEL,
            scenario: &doc.scenario,
            analysis: &doc.analysis,
            names: doc.names(),
        };
        std::iter::once(open)
            .chain(self.others.iter().map(Compared::entry))
            .collect()
    }

    /// The entry compared with the baseline in exports: the focus, or the first other.
    pub fn focus_index(&self) -> Option<usize> {
        let count = self.others.len() + 1;
        if count < 2 {
            return None;
        }
        let focus = if self.focus != self.baseline && self.focus < count {
            self.focus
        } else {
            0
        };
        if focus != self.baseline {
            Some(focus)
        } else {
            (0..count).find(|i| *i != self.baseline)
        }
    }

    /// The "baseline vs focus" document, as Markdown or HTML.
    pub fn comparison_with_baseline(&self, doc: &Document) -> Option<Rendered> {
        let entries = self.entries(doc);
        let a = entries.get(self.baseline)?;
        let b = entries.get(self.focus_index()?)?;
        let diff = diff_analyzed(a.scenario, a.analysis, b.scenario, b.analysis);
        let c = Comparison {
            a_label: a.label,
            a: a.scenario,
            b_label: b.label,
            b: b.scenario,
            diff: &diff,
        };
        Some(Rendered {
            markdown: c.markdown(),
            html: c.html(),
        })
    }
}

/// A comparison document in both formats.
pub struct Rendered {
    markdown: String,
    html: String,
}

impl Rendered {
    pub fn markdown(self) -> String {
        self.markdown
    }

    pub fn html(self) -> String {
        self.html
    }
}

/// What the compare view asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareAction {
    AddFile,
    Remove(usize),
    Baseline(usize),
    Focus(usize),
    Section(CompareSection),
}

/// What the open scenario is called in the comparison.
const OPEN_LABEL: &str = "Open scenario";

/// Comparisons of up to this many cards in all (the open scenario's and the files') are
/// worked out at once, within a frame; larger ones (two organisations of 5,000 people
/// have 80,000) on a thread.
const BUILD_AT_ONCE_CARDS: usize = 20_000;

/// The tables of `entries` against the one at `baseline`.
fn build(entries: &[ComparedScenario], baseline: usize) -> CompareTables {
    let Some(base) = entries.get(baseline) else {
        return CompareTables::default();
    };
    let diffs: Vec<Option<Diff>> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            (i != baseline)
                .then(|| diff_analyzed(base.scenario, base.analysis, e.scenario, e.analysis))
        })
        .collect();
    CompareTables::build(entries, baseline, &diffs)
}

impl Compared {
    /// As an entry of the comparison.
    fn entry(&self) -> ComparedScenario<'_> {
        ComparedScenario {
            label: &self.label,
            scenario: &self.scenario,
            analysis: &self.analysis,
            names: &self.names,
        }
    }

    /// The same file, its parts shared (for a thread).
    fn share(&self) -> Compared {
        Compared {
            label: self.label.clone(),
            path: self.path.clone(),
            scenario: Arc::clone(&self.scenario),
            analysis: Arc::clone(&self.analysis),
            names: Arc::clone(&self.names),
        }
    }
}

/// Files up to this size are read at once (in less than a frame); larger ones (an
/// organisation of 5,000 people is 3 MB, a tenth of a second to read) on a thread, so the
/// window keeps drawing.
const READ_AT_ONCE_BYTES: u64 = 1024 * 1024;

/// A saved scenario being read on a thread.
pub struct Reading {
    pub path: PathBuf,
    result: Receiver<Result<Compared, String>>,
}

/// Reads, analyses and indexes a saved scenario; says why it could not be read.
fn read(path: &Path) -> Result<Compared, String> {
    let scenario = crate::io::open(path)
        .map_err(|e| format!("Could not add the file to the comparison.\n\n{e}"))?;
    let analysis = analyze(&scenario);
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |f| f.to_string_lossy().into_owned(),
    );
    Ok(Compared {
        label: format!("{} ({name})", scenario.name),
        path: path.to_path_buf(),
        names: Arc::new(Names::new(&scenario)),
        scenario: Arc::new(scenario),
        analysis: Arc::new(analysis),
    })
}

impl Compare {
    /// Brings a saved scenario into the comparison; says why a file could not be read. A
    /// large file is read on a thread: it joins when [`Compare::poll`] finds it read.
    pub fn add(&mut self, path: &Path) -> Result<(), String> {
        if crate::io::file_size(path).is_none_or(|bytes| bytes <= READ_AT_ONCE_BYTES) {
            let compared = read(path)?;
            self.join(compared);
            return Ok(());
        }
        let (send, result) = channel();
        let owned = path.to_path_buf();
        std::thread::Builder::new()
            .name("comparison file".into())
            .spawn(move || drop(send.send(read(&owned))))
            .map_err(|e| format!("Could not add the file to the comparison: {e}"))?;
        self.reading = Some(Reading {
            path: path.to_path_buf(),
            result,
        });
        Ok(())
    }

    /// Takes in a comparison worked out on a thread, and a file read on a thread, once they
    /// are ready (asking for a frame until then); returns why a file could not be read.
    pub fn poll(&mut self, ctx: &egui::Context, doc: &Document) -> Option<String> {
        self.take_built(ctx, doc.generation);
        let reading = self.reading.as_ref()?;
        match reading.result.try_recv() {
            Ok(Ok(compared)) => {
                self.reading = None;
                self.join(compared);
                None
            }
            Ok(Err(e)) => {
                self.reading = None;
                Some(e)
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(50));
                None
            }
            Err(TryRecvError::Disconnected) => {
                self.reading = None;
                Some("Could not add the file to the comparison: reading it stopped".into())
            }
        }
    }

    fn join(&mut self, compared: Compared) {
        self.others.push(compared);
        if self.others.len() == 1 {
            self.focus = 1;
        }
        self.compared_changed();
    }

    /// What is compared changed: the tables are worked out again.
    fn compared_changed(&mut self) {
        self.tables.clear();
        self.changes += 1;
    }

    /// Carries out a compare view request (adding a file is the window's: it asks for one).
    pub fn act(&mut self, action: CompareAction) {
        match action {
            CompareAction::AddFile => {}
            CompareAction::Remove(i) => {
                if i >= 1 && i <= self.others.len() {
                    self.others.remove(i - 1);
                    self.baseline = 0;
                    self.focus = 1;
                }
            }
            CompareAction::Baseline(i) => self.baseline = i,
            // What is exported or shown changes, not what is compared.
            CompareAction::Focus(i) => {
                self.focus = i;
                return;
            }
            CompareAction::Section(section) => {
                self.section = section;
                return;
            }
        }
        self.compared_changed();
    }

    /// Works the comparison out again if the open scenario or the comparison changed since
    /// the last time (called before the Compare tab is drawn). A large comparison is worked
    /// out on a thread from the open scenario as it is (shared, not copied): the tab shows
    /// that it is under way and [`Compare::poll`] takes the tables in.
    pub fn refresh(&mut self, doc: &Document) {
        if self.others.is_empty() || self.tables.fresh(doc.generation).is_some() {
            return;
        }
        // One comparison at a time: one for an older state is dropped when it is in, and
        // the next frame starts the one for the state then.
        if self.building.is_some() {
            return;
        }
        let cards: usize = std::iter::once(&*doc.scenario)
            .chain(self.others.iter().map(|c| &*c.scenario))
            .map(|s| s.products.iter().map(|p| p.cards.len()).sum::<usize>())
            .sum();
        if cards <= BUILD_AT_ONCE_CARDS {
            let tables = build(&self.entries(doc), self.baseline);
            self.tables.get(doc.generation, || tables);
            return;
        }
        // The open scenario and its analysis as they are, shared: an edit made meanwhile
        // copies them first (`Document`).
        let open = Arc::clone(&doc.scenario);
        let analysis = Arc::clone(&doc.analysis);
        let names = doc.shared_names();
        let others: Vec<Compared> = self.others.iter().map(Compared::share).collect();
        let baseline = self.baseline;
        let (send, result) = channel();
        let spawned = std::thread::Builder::new()
            .name("comparison".into())
            .spawn(move || {
                let entries: Vec<ComparedScenario> = std::iter::once(ComparedScenario {
                    label: OPEN_LABEL,
                    scenario: &open,
                    analysis: &analysis,
                    names: &names,
                })
                .chain(others.iter().map(Compared::entry))
                .collect();
                let tables = build(&entries, baseline);
                // Let go of the open scenario before the tables are in, so that the next
                // edit finds it unshared and changes it without a copy.
                drop(entries);
                drop((open, analysis, names));
                drop(send.send(tables));
            });
        match spawned {
            Ok(_) => {
                self.building = Some(Building {
                    generation: doc.generation,
                    changes: self.changes,
                    result,
                });
            }
            // No thread to be had: worked out here instead.
            Err(_) => {
                let tables = build(&self.entries(doc), self.baseline);
                self.tables.get(doc.generation, || tables);
            }
        }
    }

    /// Takes in a comparison worked out on a thread once it is ready (asking for frames
    /// until then).
    fn take_built(&mut self, ctx: &egui::Context, generation: u64) {
        let Some(building) = &self.building else {
            return;
        };
        match building.result.try_recv() {
            Ok(tables) => {
                if let Some(building) = self.building.take() {
                    self.accept(&building, tables, generation);
                }
            }
            Err(TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(30));
            }
            Err(TryRecvError::Disconnected) => self.building = None,
        }
    }

    /// Keeps tables worked out on a thread when they are for the scenario and the
    /// comparison as they are now (else they are dropped, and [`Compare::refresh`] starts
    /// again).
    fn accept(&mut self, building: &Building, tables: CompareTables, generation: u64) {
        if (building.generation, building.changes) == (generation, self.changes) {
            self.tables.get(generation, || tables);
        }
    }

    /// Works the comparison out and waits for it (tests and benchmarks, which look at the
    /// tab once its tables are in).
    pub fn finish_building(&mut self, doc: &Document) {
        // A comparison for an older state first, then the one for this state.
        for _ in 0..2 {
            self.refresh(doc);
            if let Some(building) = self.building.take()
                && let Ok(tables) = building.result.recv()
            {
                self.accept(&building, tables, doc.generation);
            }
        }
    }

    /// What the tab shows, as of the last [`Compare::refresh`] for `doc`.
    pub fn tables(&self, doc: &Document) -> Option<&CompareTables> {
        self.tables.fresh(doc.generation)
    }
}
