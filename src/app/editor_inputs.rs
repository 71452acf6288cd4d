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

/// The import being prepared: pasted or loaded CSV text and its preview.
#[derive(Clone, Debug)]
pub struct ImportState {
    pub kind: crate::import::ImportKind,
    pub text: String,
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
            path: String::new(),
            plan: Derived::default(),
            error: None,
        }
    }
}
