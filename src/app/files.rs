//! Scenario files in the window: new, open, save, save as, recent files, dropped files,
//! the questions before losing unsaved work, the recovery file written after every change,
//! and exports. Only this module and `mod.rs` show file dialogs.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use crate::error::FileError;
use crate::model::Scenario;

use super::state::{AppState, Tab};

/// How long after a change the recovery file is written.
pub const RECOVERY_DELAY_SECONDS: f64 = 2.0;
/// The recovery file of unsaved work, in the app's data folder.
pub const RECOVERY_FILE: &str = "recovery.ron";
/// Beside it: the path of the file the unsaved work belongs to (empty for none).
pub const RECOVERY_SOURCE_FILE: &str = "recovery-source.txt";
/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DialogResult {
    Chosen(PathBuf),
    Cancelled,
    /// No dialog could be shown (a desktop without a portal): the window asks for a path.
    Unavailable,
}

/// File dialogs; the window uses native ones, tests a double.
pub trait Dialogs {
    /// Asks for a file to open.
    fn open(&mut self, title: &str, extensions: &[&str]) -> DialogResult;
    /// Asks where to save, suggesting a file name.
    fn save(&mut self, title: &str, file_name: &str, extensions: &[&str]) -> DialogResult;
}

/// The platform's dialogs (through rfd). A dialog that returns nothing at once could not be
/// shown; one the user closed took longer.
pub struct NativeDialogs;

const DIALOG_SHOWN_AFTER: Duration = Duration::from_millis(150);

fn judge(started: Instant, chosen: Option<PathBuf>) -> DialogResult {
    match chosen {
        Some(path) => DialogResult::Chosen(path),
        None if started.elapsed() < DIALOG_SHOWN_AFTER => DialogResult::Unavailable,
        None => DialogResult::Cancelled,
    }
}

impl Dialogs for NativeDialogs {
    fn open(&mut self, title: &str, extensions: &[&str]) -> DialogResult {
        let started = Instant::now();
        let chosen = rfd::FileDialog::new()
            .set_title(title)
            .add_filter("Files", extensions)
            .pick_file();
        judge(started, chosen)
    }

    fn save(&mut self, title: &str, file_name: &str, extensions: &[&str]) -> DialogResult {
        let started = Instant::now();
        let chosen = rfd::FileDialog::new()
            .set_title(title)
            .set_file_name(file_name)
            .add_filter("Files", extensions)
            .save_file();
        judge(started, chosen)
    }
}

/// What to do once unsaved work is saved or discarded.
#[derive(Clone, Debug, PartialEq)]
pub enum After {
    Open(PathBuf),
    /// Asks for a file to open first.
    OpenDialog,
    New(Box<Scenario>),
    Close,
}

/// A question the window asks before going on.
#[derive(Clone, Debug, PartialEq)]
pub enum Question {
    /// Save, discard or cancel, before `After`.
    Unsaved(After),
    /// The file changed on disk since it was opened: overwrite it?
    Overwrite(PathBuf),
}

/// Why a path is being asked for in the window (no file dialog could be shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Export(ExportKind),
    Compare,
}

/// What the Export menu writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Split(crate::export::ExportFormat),
    /// An image of the window, for slides.
    Png,
    /// The comparison with the baseline, as Markdown or HTML.
    Comparison {
        html: bool,
    },
}

impl ExportKind {
    pub fn extension(self) -> &'static str {
        match self {
            ExportKind::Split(f) => f.extension(),
            ExportKind::Png => "png",
            ExportKind::Comparison { html: true } => "html",
            ExportKind::Comparison { html: false } => "md",
        }
    }
}

/// Size and time of a file on disk, to notice when someone else changed it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DiskStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
}

impl DiskStamp {
    pub fn of(path: &Path) -> Option<DiskStamp> {
        let meta = std::fs::metadata(path).ok()?;
        Some(DiskStamp {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

/// Unsaved work found at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct RecoveryOffer {
    pub scenario: Scenario,
    pub source: Option<PathBuf>,
}

/// Everything about files the window keeps.
pub struct FileState {
    pub dialogs: Box<dyn Dialogs>,
    /// Where the recovery file lives; `None` writes none.
    pub recovery_dir: Option<PathBuf>,
    /// When the recovery file is due (frame time), after a change.
    pub recovery_due: Option<f64>,
    pub recovery_offer: Option<RecoveryOffer>,
    pub question: Option<Question>,
    /// A path typed by hand, when no dialog could be shown.
    pub path_prompt: Option<(PathPurpose, String)>,
    /// A file that could not be opened or saved, said in one dialog.
    pub error: Option<String>,
    pub disk_stamp: Option<DiskStamp>,
    /// The user said to close without saving.
    pub close_confirmed: bool,
    /// What became of the last screenshot export, filled in when the image arrives.
    pub screenshot: std::sync::Arc<std::sync::Mutex<Option<Result<PathBuf, String>>>>,
}

impl Default for FileState {
    fn default() -> Self {
        FileState {
            dialogs: Box::new(NativeDialogs),
            recovery_dir: None,
            recovery_due: None,
            recovery_offer: None,
            question: None,
            path_prompt: None,
            error: None,
            disk_stamp: None,
            close_confirmed: false,
            screenshot: Default::default(),
        }
    }
}

/// Reads the recovery file left by an earlier run, if any.
pub fn find_recovery(dir: &Path) -> Option<RecoveryOffer> {
    let text = std::fs::read_to_string(dir.join(RECOVERY_FILE)).ok()?;
    let scenario = crate::parse::scenario_from_str(&text).ok()?;
    let source = std::fs::read_to_string(dir.join(RECOVERY_SOURCE_FILE))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(PathBuf::from);
    Some(RecoveryOffer { scenario, source })
}

impl AppState {
    /// Sets the folder of the recovery file and offers the unsaved work found there.
    pub fn with_recovery_dir(mut self, dir: PathBuf) -> Self {
        self.files.recovery_offer = find_recovery(&dir);
        self.files.recovery_dir = Some(dir);
        self
    }

    /// Writes the recovery file now (atomically), when there is unsaved work.
    pub fn write_recovery(&mut self) {
        self.files.recovery_due = None;
        let Some(dir) = self.files.recovery_dir.clone() else {
            return;
        };
        if !self.is_dirty() {
            return;
        }
        let _ = std::fs::create_dir_all(&dir);
        let text = crate::write::scenario_to_string(&self.scenario);
        let source = self
            .path
            .as_ref()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let written = crate::io::write_atomically(&dir.join(RECOVERY_FILE), text.as_bytes())
            .and_then(|()| {
                crate::io::write_atomically(&dir.join(RECOVERY_SOURCE_FILE), source.as_bytes())
            });
        if let Err(e) = written {
            self.status = Some(format!("The recovery copy could not be written: {e}"));
        }
    }

    /// Removes the recovery file: the work was saved or deliberately discarded.
    pub fn remove_recovery(&mut self) {
        self.files.recovery_due = None;
        if let Some(dir) = &self.files.recovery_dir {
            let _ = std::fs::remove_file(dir.join(RECOVERY_FILE));
            let _ = std::fs::remove_file(dir.join(RECOVERY_SOURCE_FILE));
        }
    }

    /// Called on every change: the recovery file follows within a few seconds.
    pub(crate) fn schedule_recovery(&mut self) {
        if self.files.recovery_dir.is_some() && self.is_dirty() {
            self.files.recovery_due = Some(self.now + RECOVERY_DELAY_SECONDS);
        } else if !self.is_dirty() {
            self.remove_recovery();
        }
    }

    /// Writes the recovery file when it is due; otherwise asks for a repaint then.
    pub fn recovery_tick(&mut self, ctx: &egui::Context) {
        if let Some(due) = self.files.recovery_due {
            if self.now >= due {
                self.write_recovery();
            } else {
                ctx.request_repaint_after(Duration::from_secs_f64(due - self.now));
            }
        }
    }

    /// Takes the unsaved work of an earlier run back.
    pub fn restore_recovery(&mut self) {
        if let Some(offer) = self.files.recovery_offer.take() {
            self.replace_scenario(offer.scenario, offer.source);
            // Not saved: it differs from the file (or has none).
            self.generation = self.saved_generation + 1;
            self.status = Some("Restored the unsaved work of the last session".into());
        }
    }

    /// Throws the unsaved work of an earlier run away.
    pub fn discard_recovery(&mut self) {
        self.files.recovery_offer = None;
        self.remove_recovery();
    }

    /// Replaces the scenario (open, new, restore): history and selection start afresh.
    pub fn replace_scenario(&mut self, scenario: Scenario, path: Option<PathBuf>) {
        let fresh = AppState::new(scenario, path);
        self.scenario = fresh.scenario;
        self.analysis = fresh.analysis;
        self.analysis_runs += 1;
        self.selection = fresh.selection;
        self.history.clear();
        self.files.disk_stamp = fresh.path.as_deref().and_then(DiskStamp::of);
        self.path = fresh.path;
        self.generation += 1;
        self.saved_generation = self.generation;
        self.pending_removal = None;
        if self.prefs.presentation && !Tab::PRESENTING.contains(&self.tab) {
            self.tab = Tab::Board;
        }
        if let Some(path) = &self.path {
            remember_recent(&mut self.prefs.recent, path);
        }
    }

    /// Opens a file; a file that fails to load leaves everything as it was and says why
    /// in one dialog (file, line, column, what is wrong).
    pub fn open_path(&mut self, path: &Path) -> Result<(), FileError> {
        match crate::io::open(path) {
            Ok(scenario) => {
                self.remove_recovery();
                self.replace_scenario(scenario, Some(path.to_path_buf()));
                self.status = Some(format!("Opened {}", path.display()));
                Ok(())
            }
            Err(e) => {
                self.files.error = Some(format!("Could not open the file.\n\n{e}"));
                self.prefs.recent.retain(|p| p != path || path.exists());
                Err(e)
            }
        }
    }

    /// Saves to a path (atomically). A failure leaves the old file whole and says so.
    pub fn save_to(&mut self, path: &Path) -> bool {
        match crate::io::save(path, &self.scenario) {
            Ok(()) => {
                self.path = Some(path.to_path_buf());
                self.saved_generation = self.generation;
                self.files.disk_stamp = DiskStamp::of(path);
                remember_recent(&mut self.prefs.recent, path);
                self.remove_recovery();
                self.status = Some(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.files.error = Some(format!("Could not save.\n\n{e}"));
                false
            }
        }
    }

    /// Whether the open file changed on disk since it was opened or saved here.
    pub fn changed_on_disk(&self) -> bool {
        match (&self.path, self.files.disk_stamp) {
            (Some(path), Some(stamp)) => DiskStamp::of(path).is_some_and(|now| now != stamp),
            _ => false,
        }
    }
}

/// Puts a path first in the recent files.
pub fn remember_recent(recent: &mut Vec<PathBuf>, path: &Path) {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|p| *p != path);
    recent.insert(0, path);
    recent.truncate(MAX_RECENT);
}

/// A suggested file name as a full path in the current folder, for the typed-path prompt.
fn in_current_folder(name: &str) -> String {
    std::env::current_dir()
        .map_or_else(|_| name.to_string(), |d| d.join(name).display().to_string())
}

/// A file name for a suggestion in a save dialog: the scenario's name, made safe.
pub fn suggested_name(s: &Scenario, extension: &str) -> String {
    let base = crate::edit::slug(&s.name);
    let base = if base.is_empty() {
        "scenario".to_string()
    } else {
        base
    };
    format!("{base}.{extension}")
}

/// What the user answered to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    Overwrite,
}

impl AppState {
    /// Goes on with `after`, asking first when there is unsaved work.
    pub fn when_saved_or_discarded(&mut self, ctx: &egui::Context, after: After) {
        if self.is_dirty() {
            self.files.question = Some(Question::Unsaved(after));
        } else {
            self.proceed(ctx, after);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, after: After) {
        match after {
            After::Open(path) => {
                let _ = self.open_path(&path);
            }
            After::OpenDialog => match self.files.dialogs.open("Open a scenario", &["ron"]) {
                DialogResult::Chosen(path) => {
                    let _ = self.open_path(&path);
                }
                DialogResult::Cancelled => {}
                DialogResult::Unavailable => {
                    self.files.path_prompt = Some((PathPurpose::Open, String::new()))
                }
            },
            After::New(scenario) => {
                self.remove_recovery();
                self.replace_scenario(*scenario, None);
                self.status = Some("A new scenario: save it to keep it".into());
            }
            After::Close => {
                self.remove_recovery();
                self.files.close_confirmed = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Carries out the answer to the open question.
    pub fn answer(&mut self, ctx: &egui::Context, answer: Answer) {
        let Some(question) = self.files.question.take() else {
            return;
        };
        match (question, answer) {
            (_, Answer::Cancel) => {}
            (Question::Unsaved(after), Answer::Save) if self.save(ctx) => self.proceed(ctx, after),
            (Question::Unsaved(after), Answer::Discard) => self.proceed(ctx, after),
            (Question::Overwrite(path), Answer::Overwrite | Answer::Save) => {
                self.save_to(&path);
            }
            _ => {}
        }
    }

    /// Save (Ctrl+S): to the open file (warning first if it changed on disk), else Save As.
    /// Returns whether the work is saved now.
    pub fn save(&mut self, ctx: &egui::Context) -> bool {
        match self.path.clone() {
            Some(path) if self.changed_on_disk() => {
                self.files.question = Some(Question::Overwrite(path));
                false
            }
            Some(path) => self.save_to(&path),
            None => self.save_as(ctx),
        }
    }

    /// Save As (Ctrl+Shift+S): asks where, then saves.
    pub fn save_as(&mut self, _ctx: &egui::Context) -> bool {
        let name = suggested_name(&self.scenario, "ron");
        match self
            .files
            .dialogs
            .save("Save the scenario as", &name, &["ron"])
        {
            DialogResult::Chosen(path) => self.save_to(&path),
            DialogResult::Cancelled => false,
            DialogResult::Unavailable => {
                self.files.path_prompt = Some((PathPurpose::SaveAs, in_current_folder(&name)));
                false
            }
        }
    }

    /// Export: asks where, then writes the split (or asks the window for a screenshot).
    pub fn export(&mut self, ctx: &egui::Context, kind: ExportKind) {
        let name = suggested_name(&self.scenario, kind.extension());
        match self
            .files
            .dialogs
            .save("Export", &name, &[kind.extension()])
        {
            DialogResult::Chosen(path) => self.export_to(ctx, kind, &path),
            DialogResult::Cancelled => {}
            DialogResult::Unavailable => {
                self.files.path_prompt = Some((PathPurpose::Export(kind), in_current_folder(&name)))
            }
        }
    }

    /// Writes an export to a path (atomically; nothing half-written).
    pub fn export_to(&mut self, ctx: &egui::Context, kind: ExportKind, path: &Path) {
        let text = match kind {
            ExportKind::Split(format) => {
                crate::export::render(format, &self.scenario, &self.analysis)
            }
            ExportKind::Png => {
                let slot = self.files.screenshot.clone();
                let path = path.to_path_buf();
                let repaint = ctx.clone();
                ctx.request_screenshot(move |image| {
                    let result = encode_png(&image)
                        .and_then(|bytes| {
                            crate::io::write_atomically(&path, &bytes).map_err(|e| e.to_string())
                        })
                        .map(|()| path);
                    if let Ok(mut slot) = slot.lock() {
                        *slot = Some(result);
                    }
                    repaint.request_repaint();
                });
                // An idle window paints no frame, and without a frame no screenshot comes.
                ctx.request_repaint();
                return;
            }
            ExportKind::Comparison { html } => match self.compare.comparison_with_baseline(self) {
                Some(c) => {
                    if html {
                        c.html()
                    } else {
                        c.markdown()
                    }
                }
                None => {
                    self.files.error =
                        Some("Add a second scenario to the comparison first.".into());
                    return;
                }
            },
        };
        match crate::io::write_atomically(path, text.as_bytes()) {
            Ok(()) => self.status = Some(format!("Exported {}", path.display())),
            Err(e) => self.files.error = Some(format!("Could not export.\n\n{e}")),
        }
    }

    /// A typed path, for when no dialog could be shown.
    pub fn use_typed_path(&mut self, ctx: &egui::Context, purpose: PathPurpose, path: &Path) {
        match purpose {
            PathPurpose::Open => {
                let _ = self.open_path(path);
            }
            PathPurpose::SaveAs => {
                self.save_to(path);
            }
            PathPurpose::Export(kind) => self.export_to(ctx, kind, path),
            PathPurpose::Compare => self.add_to_comparison(path),
        }
    }

    /// Reports a PNG export once its image has been written.
    pub fn take_screenshot(&mut self, _ctx: &egui::Context) {
        let result = self
            .files
            .screenshot
            .lock()
            .ok()
            .and_then(|mut slot| slot.take());
        match result {
            Some(Ok(path)) => self.status = Some(format!("Exported {}", path.display())),
            Some(Err(e)) => self.files.error = Some(format!("Could not export the image.\n\n{e}")),
            None => {}
        }
    }
}

/// A PNG of a screenshot.
fn encode_png(image: &egui::ColorImage) -> Result<Vec<u8>, String> {
    let [w, h] = image.size;
    let rgba: Vec<u8> = image.pixels.iter().flat_map(|p| p.to_array()).collect();
    let buffer = image::RgbaImage::from_raw(w as u32, h as u32, rgba)
        .ok_or("the screenshot has the wrong size")?;
    let mut bytes = Vec::new();
    buffer
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .map_err(|e| e.to_string())?;
    Ok(bytes)
}
