//! What the editors keep between frames: the names typed for new things, the import
//! being prepared with its preview, and the workshop record's forms.

use super::document::Derived;
use super::record_inputs::RecordInputs;

/// What the editors keep between frames: the names typed for new things, the import, the
/// decision and action being written.
#[derive(Clone, Debug, Default)]
pub struct Editors {
    pub new_person: String,
    pub new_team: String,
    pub new_product: String,
    pub new_stakeholder: String,
    pub new_responsibility: String,
    pub import: ImportState,
    pub record: RecordInputs,
}

/// The import being prepared: pasted or loaded CSV text (or a loaded workbook) and its
/// preview.
#[derive(Clone, Debug)]
pub struct ImportState {
    pub kind: crate::import::ImportKind,
    pub text: String,
    /// The `Split` sheet of a loaded Excel workbook; it takes the place of `text` until
    /// text is typed or another file is loaded.
    pub workbook: Option<crate::import::Sheet>,
    /// A path typed by hand, for machines without a file dialog.
    pub path: String,
    /// The preview of `text`, kept until the scenario changes (and cleared when the text
    /// or the kind changes).
    pub plan: Derived<crate::import::ImportPlan>,
    /// Why the last file could not be read.
    pub error: Option<String>,
}

impl Default for ImportState {
    fn default() -> Self {
        ImportState {
            kind: crate::import::ImportKind::People,
            text: String::new(),
            workbook: None,
            path: String::new(),
            plan: Derived::default(),
            error: None,
        }
    }
}

impl ImportState {
    /// Takes a file read for the import: a workbook's `Split` sheet, or CSV text. Text
    /// with the split export's header, and every workbook, switch to the split import.
    pub fn take_file(
        &mut self,
        path: &std::path::Path,
        bytes: Result<Vec<u8>, crate::error::ReadError>,
    ) {
        use crate::import::{ImportKind, sheet};
        let read = bytes.and_then(|bytes| {
            if sheet::is_workbook(&bytes) {
                sheet::read_workbook(&bytes).map(|sheet| (String::new(), Some(sheet)))
            } else {
                sheet::csv_text(bytes).map(|text| (text, None))
            }
        });
        match read {
            Ok((text, workbook)) => {
                if workbook.is_some() || sheet::has_split_header(&text) {
                    self.kind = ImportKind::Split;
                }
                self.text = text;
                self.workbook = workbook;
                self.plan.clear();
                self.error = None;
                self.path = path.display().to_string();
            }
            Err(e) => self.error = Some(format!("{}: {}", path.display(), e.message)),
        }
    }
}
