//! The scenarios being compared: the open one and saved files, against a baseline of the
//! user's choice, with their differences worked out once per change (the view is
//! `compare_view.rs`). The same comparison code (`crate::diff`) serves the command line.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::analysis::{Analysis, analyze};
use crate::diff::{Comparison, Diff, diff_analyzed};
use crate::model::Scenario;

use super::compare_tables::{CompareTables, ComparedScenario};
use super::document::{Derived, Document};
use super::names::Names;

/// A saved scenario brought into the comparison.
pub struct Compared {
    pub label: String,
    pub path: PathBuf,
    pub scenario: Scenario,
    pub analysis: Analysis,
    /// Its ids, indexed once when it is read.
    pub names: Names,
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
    /// A large file being read.
    pub reading: Option<Reading>,
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
            label: "Open scenario",
            scenario: &doc.scenario,
            analysis: &doc.analysis,
            names: doc.names(),
        };
        std::iter::once(open)
            .chain(self.others.iter().map(|c| ComparedScenario {
                label: &c.label,
                scenario: &c.scenario,
                analysis: &c.analysis,
                names: &c.names,
            }))
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
        names: Names::new(&scenario),
        scenario,
        analysis,
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

    /// Takes in a file read on a thread once it is read (asking for a frame until then);
    /// returns why it could not be read.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<String> {
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
        self.tables.clear();
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
            CompareAction::Focus(i) => self.focus = i,
            // What is shown changes, not what is compared.
            CompareAction::Section(section) => {
                self.section = section;
                return;
            }
        }
        self.tables.clear();
    }

    /// Works the comparison out again if the open scenario or the comparison changed since
    /// the last time (called before the Compare tab is drawn).
    pub fn refresh(&mut self, doc: &Document) {
        if self.others.is_empty() || self.tables.fresh(doc.generation).is_some() {
            return;
        }
        let entries = self.entries(doc);
        let baseline = self.baseline;
        let tables = match entries.get(baseline) {
            Some(base) => {
                let diffs: Vec<Option<Diff>> = entries
                    .iter()
                    .enumerate()
                    .map(|(i, e)| {
                        (i != baseline).then(|| {
                            diff_analyzed(base.scenario, base.analysis, e.scenario, e.analysis)
                        })
                    })
                    .collect();
                CompareTables::build(&entries, baseline, &diffs)
            }
            None => CompareTables::default(),
        };
        self.tables.get(doc.generation, || tables);
    }

    /// What the tab shows, as of the last [`Compare::refresh`] for `doc`.
    pub fn tables(&self, doc: &Document) -> Option<&CompareTables> {
        self.tables.fresh(doc.generation)
    }
}
