//! File dialogs behind a trait: the window uses the platform's (through rfd), tests a
//! double. Where no dialog can be shown, the window asks for a typed path instead.

use std::path::PathBuf;
use std::time::{Duration, Instant};

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

/// Why a path is being asked for in the window (no file dialog could be shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    Export(ExportKind),
    Compare,
    /// A CSV file or an Excel workbook for the Import view.
    Import,
}

/// What the Export menu writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportKind {
    Split(crate::export::ExportFormat),
    /// The split as an Excel workbook (`export::workbook`).
    Workbook,
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
            ExportKind::Workbook => "xlsx",
            ExportKind::Png => "png",
            ExportKind::Comparison { html: true } => "html",
            ExportKind::Comparison { html: false } => "md",
        }
    }
}
