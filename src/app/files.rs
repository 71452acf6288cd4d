//! Scenario files in the window: open, save, save as, the questions before losing unsaved
//! work or overwriting a file changed on disk, exports, the typed-path prompt where no dialog
//! can be shown, and the recovery copy. Reading and writing itself is `crate::io`'s.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::error::FileError;
use crate::model::Scenario;
use crate::record::Date;

use super::compare::Compare;
use super::dialogs::{DialogResult, Dialogs, ExportKind, NativeDialogs, PathPurpose};
use super::document::Document;
use super::prefs::Prefs;
use super::recovery::Recovery;

/// What to do once unsaved work is saved or discarded.
#[derive(Clone, Debug, PartialEq)]
pub enum After {
    Open(PathBuf),
    /// Asks for a file to open first.
    OpenDialog,
    New(Box<Scenario>),
    Close,
}

/// A question the window asks before saving or losing work.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveQuestion {
    /// Save, discard or cancel, before `After`.
    Unsaved(After),
    /// The file changed on disk since it was opened: overwrite it?
    Overwrite(PathBuf),
}

/// What the user answered to a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
    Overwrite,
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

/// The result of a PNG export, filled in when the window's image arrives.
pub type ScreenshotSlot = std::sync::Arc<std::sync::Mutex<Option<Result<PathBuf, String>>>>;

/// Everything about files the window keeps.
pub struct Files {
    pub dialogs: Box<dyn Dialogs>,
    pub recovery: Recovery,
    pub question: Option<SaveQuestion>,
    /// A path typed by hand, when no dialog could be shown.
    pub path_prompt: Option<(PathPurpose, String)>,
    /// A file that could not be opened or saved, said in one dialog.
    pub error: Option<String>,
    pub disk_stamp: Option<DiskStamp>,
    /// The user said to close without saving.
    pub close_confirmed: bool,
    /// What became of the last screenshot export.
    pub screenshot: ScreenshotSlot,
}

impl Default for Files {
    fn default() -> Self {
        Files {
            dialogs: Box::new(NativeDialogs),
            recovery: Recovery::default(),
            question: None,
            path_prompt: None,
            error: None,
            disk_stamp: None,
            close_confirmed: false,
            screenshot: Default::default(),
        }
    }
}

/// What a file operation asks of the rest of the window.
#[derive(Debug, PartialEq)]
pub enum Next {
    /// Nothing more.
    Done,
    /// Put this scenario in the window (opened, new): the view starts afresh.
    Replace(Box<Scenario>, Option<PathBuf>),
    /// Close the window.
    Close,
}

impl Files {
    /// Asks for a file to open through a dialog; where none can be shown, asks for a typed
    /// path for `purpose` instead.
    pub fn ask_open(
        &mut self,
        title: &str,
        extensions: &[&str],
        purpose: PathPurpose,
    ) -> Option<PathBuf> {
        match self.dialogs.open(title, extensions) {
            DialogResult::Chosen(path) => Some(path),
            DialogResult::Cancelled => None,
            DialogResult::Unavailable => {
                self.path_prompt = Some((purpose, String::new()));
                None
            }
        }
    }

    /// Asks where to save through a dialog; where none can be shown, asks for a typed path
    /// for `purpose` instead, suggesting `name` in the open file's folder (else the current
    /// one).
    fn ask_save(
        &mut self,
        title: &str,
        name: &str,
        extension: &str,
        purpose: PathPurpose,
        open_file: Option<&Path>,
    ) -> Option<PathBuf> {
        match self.dialogs.save(title, name, &[extension]) {
            DialogResult::Chosen(path) => Some(path),
            DialogResult::Cancelled => None,
            DialogResult::Unavailable => {
                self.path_prompt = Some((purpose, suggested_path(open_file, name)));
                None
            }
        }
    }

    /// Reads a scenario file; a file that fails to load leaves everything as it was and says
    /// why in one dialog (file, line, column, what is wrong).
    pub fn open_path(&mut self, prefs: &mut Prefs, path: &Path) -> Result<Scenario, FileError> {
        crate::io::open(path).inspect_err(|e| {
            self.error = Some(format!("Could not open the file.\n\n{e}"));
            prefs.recent.retain(|p| p != path || path.exists());
        })
    }

    /// Notes that `doc` now holds a freshly opened (or new) scenario.
    pub fn opened(&mut self, doc: &Document, prefs: &mut Prefs) {
        self.recovery.remove();
        self.disk_stamp = doc.path.as_deref().and_then(DiskStamp::of);
        if let Some(path) = &doc.path {
            prefs.remember_recent(path);
        }
    }

    /// Saves to a path (atomically). A failure leaves the old file whole and says so.
    pub fn save_to(&mut self, doc: &mut Document, prefs: &mut Prefs, path: &Path) -> bool {
        match crate::io::save(path, &doc.scenario) {
            Ok(()) => {
                doc.mark_saved(path.to_path_buf());
                self.disk_stamp = DiskStamp::of(path);
                prefs.remember_recent(path);
                self.recovery.remove();
                doc.status = Some(format!("Saved {}", path.display()));
                true
            }
            Err(e) => {
                self.error = Some(format!("Could not save.\n\n{e}"));
                false
            }
        }
    }

    /// Whether the open file changed on disk since it was opened or saved here.
    pub fn changed_on_disk(&self, doc: &Document) -> bool {
        match (&doc.path, self.disk_stamp) {
            (Some(path), Some(stamp)) => DiskStamp::of(path).is_some_and(|now| now != stamp),
            _ => false,
        }
    }

    /// Save (Ctrl+S): to the open file (warning first if it changed on disk), else Save As.
    /// Returns whether the work is saved now.
    pub fn save(&mut self, doc: &mut Document, prefs: &mut Prefs) -> bool {
        match doc.path.clone() {
            Some(path) if self.changed_on_disk(doc) => {
                self.question = Some(SaveQuestion::Overwrite(path));
                false
            }
            Some(path) => self.save_to(doc, prefs, &path),
            None => self.save_as(doc, prefs),
        }
    }

    /// Save As (Ctrl+Shift+S): asks where, then saves.
    pub fn save_as(&mut self, doc: &mut Document, prefs: &mut Prefs) -> bool {
        let name = suggested_name(&doc.scenario, "ron");
        let open_file = doc.path.clone();
        match self.ask_save(
            "Save the scenario as",
            &name,
            "ron",
            PathPurpose::SaveAs,
            open_file.as_deref(),
        ) {
            Some(path) => self.save_to(doc, prefs, &path),
            None => false,
        }
    }

    /// Goes on with `after`, asking first when there is unsaved work.
    pub fn when_saved_or_discarded(
        &mut self,
        doc: &Document,
        prefs: &mut Prefs,
        after: After,
    ) -> Next {
        if doc.is_dirty() {
            self.question = Some(SaveQuestion::Unsaved(after));
            Next::Done
        } else {
            self.proceed(prefs, after)
        }
    }

    fn proceed(&mut self, prefs: &mut Prefs, after: After) -> Next {
        let path = match after {
            After::Open(path) => path,
            After::OpenDialog => {
                match self.ask_open("Open a scenario", &["ron"], PathPurpose::Open) {
                    Some(path) => path,
                    None => return Next::Done,
                }
            }
            After::New(scenario) => return Next::Replace(scenario, None),
            After::Close => {
                self.recovery.remove();
                self.close_confirmed = true;
                return Next::Close;
            }
        };
        match self.open_path(prefs, &path) {
            Ok(scenario) => Next::Replace(Box::new(scenario), Some(path)),
            Err(_) => Next::Done,
        }
    }

    /// Carries out the answer to the open question.
    pub fn answer(&mut self, doc: &mut Document, prefs: &mut Prefs, answer: Answer) -> Next {
        let Some(question) = self.question.take() else {
            return Next::Done;
        };
        match (question, answer) {
            (_, Answer::Cancel) => Next::Done,
            (SaveQuestion::Unsaved(after), Answer::Save) if self.save(doc, prefs) => {
                self.proceed(prefs, after)
            }
            (SaveQuestion::Unsaved(after), Answer::Discard) => self.proceed(prefs, after),
            (SaveQuestion::Overwrite(path), Answer::Overwrite | Answer::Save) => {
                self.save_to(doc, prefs, &path);
                Next::Done
            }
            _ => Next::Done,
        }
    }

    /// Export: asks where, then writes the split or the minutes (or asks the window for a
    /// screenshot). `today` decides which actions are overdue.
    pub fn export(
        &mut self,
        ctx: &egui::Context,
        doc: &mut Document,
        compare: &Compare,
        kind: ExportKind,
        today: Date,
    ) {
        let name = suggested_name(&doc.scenario, kind.extension());
        let open_file = doc.path.clone();
        let purpose = PathPurpose::Export(kind);
        if let Some(path) = self.ask_save(
            "Export",
            &name,
            kind.extension(),
            purpose,
            open_file.as_deref(),
        ) {
            self.export_to(ctx, doc, compare, kind, &path, today);
        }
    }

    /// Writes an export to a path (atomically; nothing half-written).
    pub fn export_to(
        &mut self,
        ctx: &egui::Context,
        doc: &mut Document,
        compare: &Compare,
        kind: ExportKind,
        path: &Path,
        today: Date,
    ) {
        let bytes = match kind {
            ExportKind::Split(format) => {
                crate::export::render(format, &doc.scenario, &doc.analysis, today).into_bytes()
            }
            ExportKind::Workbook => match crate::export::workbook(&doc.scenario, &doc.analysis) {
                Ok(bytes) => bytes,
                Err(e) => {
                    self.error = Some(format!("Could not export.\n\n{e}"));
                    return;
                }
            },
            ExportKind::Png => {
                self.request_png(ctx, path);
                return;
            }
            ExportKind::Comparison { html } => match compare.comparison_with_baseline(doc) {
                Some(c) if html => c.html().into_bytes(),
                Some(c) => c.markdown().into_bytes(),
                None => {
                    self.error = Some("Add a second scenario to the comparison first.".into());
                    return;
                }
            },
        };
        match crate::io::write_atomically(path, &bytes) {
            Ok(()) => doc.status = Some(format!("Exported {}", path.display())),
            Err(e) => self.error = Some(format!("Could not export.\n\n{e}")),
        }
    }

    /// Asks the window for an image of itself, written to `path` when it arrives.
    fn request_png(&mut self, ctx: &egui::Context, path: &Path) {
        let slot = self.screenshot.clone();
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
    }

    /// Reports a PNG export once its image has been written (polled every frame).
    pub fn poll_screenshot(&mut self, doc: &mut Document) {
        let result = self.screenshot.lock().ok().and_then(|mut slot| slot.take());
        match result {
            Some(Ok(path)) => doc.status = Some(format!("Exported {}", path.display())),
            Some(Err(e)) => self.error = Some(format!("Could not export the image.\n\n{e}")),
            None => {}
        }
    }
}

/// A suggested file name as a full path, for the typed-path prompt: in the folder of the
/// open file, else in the current folder.
fn suggested_path(open_file: Option<&Path>, name: &str) -> String {
    let folder = open_file
        .and_then(Path::parent)
        .filter(|f| !f.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .or_else(|| std::env::current_dir().ok());
    folder.map_or_else(|| name.to_string(), |d| d.join(name).display().to_string())
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
