//! The growth preview ("What if this product grows?"): what the user asks (the product and
//! how it grows), whether the preview is on, and the scenario and analysis the growth
//! would give. The preview is derived from the document and the inputs, rebuilt when
//! either changes, and never written into the document: the title keeps no `*` and the
//! history no step until Keep makes it one edit.

use crate::analysis::{Analysis, analyze};
use crate::edit::Edit;
use crate::findings::Finding;
use crate::growth::{self, Growth};
use crate::model::Scenario;
use crate::num::gt;

use super::document::{Derived, Document};

/// What the user asks: which product grows, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GrowthInputs {
    /// The product's id.
    pub product: String,
    pub growth: Growth,
}

/// The scenario and analysis a growth would give, and what differs from now.
#[derive(Clone, Debug)]
pub struct Preview {
    pub scenario: Scenario,
    pub analysis: Analysis,
    /// What differs from the scenario as it is.
    pub marks: Marks,
}

/// What a previewed growth changes, for the views to mark.
#[derive(Clone, Debug)]
pub struct Marks {
    /// Per finding of the preview, in its order: how it compares with the scenario now.
    pub findings: Vec<FindingChange>,
    /// Findings of the scenario now that the growth would clear, in domain.md's order.
    pub cleared: Vec<Finding>,
    /// Per person, in file order: the load after the growth where it differs from now.
    pub loads_after: Vec<Option<f64>>,
}

/// How a finding of the preview compares with the scenario as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingChange {
    /// The scenario has it, worded the same.
    Same,
    /// The scenario lacks it: the growth would raise it.
    New,
    /// The scenario has it (the same rule about the same things) with other numbers: its
    /// message now.
    Changed(String),
}

/// A growth worked out: its preview, the edit that makes it (Keep) and the growth in words
/// ("4 more engineers in Squad A").
#[derive(Clone, Debug)]
struct Grown {
    preview: Preview,
    edit: Edit,
    description: String,
}

impl Grown {
    fn new(doc: &Document, inputs: &GrowthInputs) -> Result<Grown, String> {
        let now = &doc.scenario;
        let (scenario, edit) =
            growth::grown(now, &inputs.product, &inputs.growth).map_err(|e| e.to_string())?;
        let analysis = analyze(&scenario);
        let key = |f: &Finding| (f.rule, f.subjects.clone());
        let before: std::collections::HashMap<_, _> = doc
            .analysis
            .findings
            .iter()
            .map(|f| (key(f), f.message.as_str()))
            .collect();
        let after: std::collections::HashSet<_> = analysis.findings.iter().map(key).collect();
        let findings = analysis
            .findings
            .iter()
            .map(|f| match before.get(&key(f)) {
                None => FindingChange::New,
                Some(&now) if now == f.message => FindingChange::Same,
                Some(&now) => FindingChange::Changed(now.to_string()),
            })
            .collect();
        let cleared = doc
            .analysis
            .findings
            .iter()
            .filter(|f| !after.contains(&key(f)))
            .cloned()
            .collect();
        let loads_after = doc
            .analysis
            .loads
            .people
            .iter()
            .zip(&analysis.loads.people)
            .map(|(was, will)| {
                let (was, will) = (was.load_hours(), will.load_hours());
                (gt(will, was) || gt(was, will)).then_some(will)
            })
            .collect();
        Ok(Grown {
            preview: Preview {
                scenario,
                analysis,
                marks: Marks {
                    findings,
                    cleared,
                    loads_after,
                },
            },
            edit,
            description: growth::describe(now, &inputs.growth),
        })
    }
}

/// What the growth form and the preview's buttons ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum GrowthAction {
    /// Remembers what the form says (the preview follows while it is on).
    Set(GrowthInputs),
    /// Shows the preview of what the form says.
    Preview(GrowthInputs),
    /// Makes the previewed growth one undoable edit, and leaves the preview.
    Keep,
    /// Leaves the preview; nothing changes.
    Leave,
}

/// The growth form's inputs and the preview.
#[derive(Clone, Debug, Default)]
pub struct GrowthPreview {
    /// What the form says, once the user has touched it.
    pub inputs: Option<GrowthInputs>,
    /// The preview is shown.
    pub on: bool,
    /// The growth worked out, or why it cannot be made: derived from the document (by its
    /// generation) and the inputs (cleared when they change).
    result: Derived<Result<Grown, String>>,
}

impl GrowthPreview {
    /// Carries out a request of the form or the preview's buttons; Keep returns the edit
    /// to apply (the caller applies it, so that it is undoable like every other).
    pub fn act(&mut self, action: GrowthAction, doc: &Document) -> Option<Edit> {
        let (inputs, on) = match action {
            GrowthAction::Set(inputs) => (inputs, self.on),
            GrowthAction::Preview(inputs) => (inputs, true),
            GrowthAction::Leave => {
                self.on = false;
                return None;
            }
            GrowthAction::Keep => {
                let edit = self.grown(doc).map(|g| g.edit.clone());
                self.on = false;
                return edit;
            }
        };
        if self.inputs.as_ref() != Some(&inputs) {
            self.result.clear();
            self.inputs = Some(inputs);
        }
        self.on = on;
        self.refresh(doc);
        None
    }

    /// Works the preview out again when the document changed since (its inputs clear it
    /// when they change); nothing while the preview is off.
    pub fn refresh(&mut self, doc: &Document) {
        if let Some(inputs) = self.inputs.as_ref().filter(|_| self.on) {
            self.result.get(doc.generation, || Grown::new(doc, inputs));
        }
    }

    /// The growth worked out for the document as it is, while the preview is on.
    fn worked_out(&self, doc: &Document) -> Option<&Result<Grown, String>> {
        self.result.fresh(doc.generation).filter(|_| self.on)
    }

    /// The growth worked out, while the preview is on and the growth can be made.
    fn grown(&self, doc: &Document) -> Option<&Grown> {
        self.worked_out(doc).and_then(|r| r.as_ref().ok())
    }

    /// The preview, while it is on and the growth can be made.
    pub fn preview(&self, doc: &Document) -> Option<&Preview> {
        self.grown(doc).map(|g| &g.preview)
    }

    /// The previewed growth in words ("4 more engineers in Squad A").
    pub fn description(&self, doc: &Document) -> Option<&str> {
        self.grown(doc).map(|g| g.description.as_str())
    }

    /// Why the growth asked for cannot be made, while the preview is on.
    pub fn error(&self, doc: &Document) -> Option<&str> {
        self.worked_out(doc)
            .and_then(|r| r.as_ref().err())
            .map(String::as_str)
    }

    /// The scenario and analysis the views show: the preview's while it is on, else the
    /// document's.
    pub fn shown<'a>(&'a self, doc: &'a Document) -> (&'a Scenario, &'a Analysis) {
        match self.preview(doc) {
            Some(p) => (&p.scenario, &p.analysis),
            None => (&doc.scenario, &doc.analysis),
        }
    }

    /// The product whose growth is previewed.
    pub fn product(&self) -> Option<&str> {
        self.inputs
            .as_ref()
            .filter(|_| self.on)
            .map(|i| i.product.as_str())
    }
}
