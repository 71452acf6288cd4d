//! The workshop record in a comparison: decisions and actions added, removed and changed,
//! matched by id, each named by its text (B's, where it has it).
//!
//! Readings where the issue is brief: an action has changed when its done mark, owner, due
//! date or text differ; a decision when its text, date, product or card differ. Lists
//! come in file order (A's order, then B's new ones).

use std::collections::HashMap;

use crate::model::Scenario;
use crate::record::{ActionItem, Decision};

use super::Diff;
use super::document::Section;

/// A decision recorded in both options, different in B.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionChange {
    pub before: Decision,
    pub after: Decision,
    /// What differs: `text`, `date`, `product`, `responsibility`.
    pub fields: Vec<&'static str>,
}

/// An action recorded in both options, different in B.
#[derive(Clone, Debug, PartialEq)]
pub struct ActionChange {
    pub before: ActionItem,
    pub after: ActionItem,
    /// What differs: `text`, `owner`, `due`, `done`.
    pub fields: Vec<&'static str>,
}

/// The names of the fields that differ, in the order given.
pub(super) fn differing<const N: usize>(fields: [(&'static str, bool); N]) -> Vec<&'static str> {
    fields
        .into_iter()
        .filter_map(|(field, differs)| differs.then_some(field))
        .collect()
}

/// Fills the record's part of the diff.
pub(super) fn compare(a: &Scenario, b: &Scenario, d: &mut Diff) {
    let (added, removed, both) = match_by_id(&a.record.decisions, &b.record.decisions, |x| &x.id);
    (d.decisions_added, d.decisions_removed) = (added, removed);
    for (before, after) in both {
        let fields = differing([
            ("text", before.text != after.text),
            ("date", before.date != after.date),
            ("product", before.product != after.product),
            (
                "responsibility",
                before.responsibility != after.responsibility,
            ),
        ]);
        if !fields.is_empty() {
            let change = DecisionChange {
                before,
                after,
                fields,
            };
            d.decisions_changed.push(change);
        }
    }
    let (added, removed, both) = match_by_id(&a.record.actions, &b.record.actions, |x| &x.id);
    (d.actions_added, d.actions_removed) = (added, removed);
    for (before, after) in both {
        let fields = differing([
            ("text", before.text != after.text),
            ("owner", before.owner != after.owner),
            ("due", before.due != after.due),
            ("done", before.done != after.done),
        ]);
        if !fields.is_empty() {
            d.actions_changed.push(ActionChange {
                before,
                after,
                fields,
            });
        }
    }
}

/// B's items A lacks (B's order), A's items B lacks (A's order), and the pairs in both (A's
/// order).
#[allow(clippy::type_complexity)]
fn match_by_id<T: Clone>(
    a: &[T],
    b: &[T],
    id: impl Fn(&T) -> &String,
) -> (Vec<T>, Vec<T>, Vec<(T, T)>) {
    let a_ids: HashMap<&str, &T> = a.iter().map(|x| (id(x).as_str(), x)).collect();
    let b_ids: HashMap<&str, &T> = b.iter().map(|x| (id(x).as_str(), x)).collect();
    let added = b
        .iter()
        .filter(|x| !a_ids.contains_key(id(x).as_str()))
        .cloned()
        .collect();
    let removed = a
        .iter()
        .filter(|x| !b_ids.contains_key(id(x).as_str()))
        .cloned()
        .collect();
    let both = a
        .iter()
        .filter_map(|x| b_ids.get(id(x).as_str()).map(|y| (x.clone(), (*y).clone())))
        .collect();
    (added, removed, both)
}

const NOT_RECORDED: &str = "not recorded";

/// A decision in words: "2026-11-29, Checkout, Refine and order the team backlog".
fn decision_words(s: &Scenario, d: &Decision) -> String {
    let mut parts = vec![d.date.to_string()];
    parts.extend(d.product.as_deref().map(|p| s.name_of(p).to_string()));
    parts.extend(
        d.responsibility
            .as_deref()
            .map(|r| s.name_of(r).to_string()),
    );
    parts.join(", ")
}

/// One field of an action in words: "owner Tom", "due 2026-12-13", "done".
fn action_field(s: &Scenario, a: &ActionItem, field: &str) -> String {
    match field {
        "text" => format!("text “{}”", a.text),
        "owner" => format!("owner {}", a.owner.as_ref().map_or("nobody", |o| o.name(s))),
        "due" => a
            .due
            .map_or("no due date".to_string(), |d| format!("due {d}")),
        _ => (if a.done { "done" } else { "not done" }).to_string(),
    }
}

const ACTION_FIELDS: [&str; 3] = ["owner", "due", "done"];

/// A row of the record's sections: the change, the item's text, then A and B in words.
fn row(change: &str, text: &str, a: String, b: String) -> Vec<String> {
    vec![change.to_string(), text.to_string(), a, b]
}

/// The record's sections of the comparison document: only those with rows.
pub(super) fn sections(d: &Diff, a: &Scenario, b: &Scenario) -> Vec<Section> {
    let mut decisions = Section::new(
        "Decisions",
        "Decisions recorded in the workshop, added, removed or changed.",
        &["Change", "Decision", "Option A", "Option B"],
    );
    let none = || NOT_RECORDED.to_string();
    let added = d.decisions_added.iter();
    let removed = d.decisions_removed.iter();
    decisions.rows.extend(
        added
            .map(|x| row("Added", &x.text, none(), decision_words(b, x)))
            .chain(removed.map(|x| row("Removed", &x.text, decision_words(a, x), none())))
            .chain(d.decisions_changed.iter().map(|x| {
                let (before, after) = (decision_words(a, &x.before), decision_words(b, &x.after));
                row("Changed", &x.after.text, before, after)
            })),
    );
    let mut actions = Section::new(
        "Actions",
        "Who does what by when: actions added, removed or changed (done, owner, due).",
        &["Change", "Action", "Option A", "Option B"],
    );
    // An action in words: the fields named, or all but its text.
    let words = |s: &Scenario, x: &ActionItem, fields: &[&str]| {
        let words: Vec<String> = fields.iter().map(|f| action_field(s, x, f)).collect();
        words.join(", ")
    };
    let added = d.actions_added.iter();
    let removed = d.actions_removed.iter();
    actions.rows.extend(
        added
            .map(|x| row("Added", &x.text, none(), words(b, x, &ACTION_FIELDS)))
            .chain(removed.map(|x| row("Removed", &x.text, words(a, x, &ACTION_FIELDS), none())))
            .chain(d.actions_changed.iter().map(|x| {
                let before = words(a, &x.before, &x.fields);
                row(
                    "Changed",
                    &x.after.text,
                    before,
                    words(b, &x.after, &x.fields),
                )
            })),
    );
    [decisions, actions]
        .into_iter()
        .filter(|s| !s.rows.is_empty())
        .collect()
}
