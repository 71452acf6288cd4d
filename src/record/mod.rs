//! The workshop record (scenario format 2, scenario-format.md "Format 2: the workshop
//! record"): what the room decided and who does what by when, kept in the scenario file.
//! Plain data and a few pure questions about it; what "today" is comes from the caller.

mod date;

pub use date::{Date, DateError};
pub(crate) use date::{decision_date, due_date};

use serde::{Deserialize, Serialize};

use crate::model::Scenario;

/// The most characters a decision's or an action's text may have.
pub const MAX_TEXT_CHARS: usize = 2000;
/// The most characters of a `Named` owner.
pub const MAX_NAMED_CHARS: usize = 80;

/// Decisions and actions of the workshop, in the order they were recorded.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Record", deny_unknown_fields, default)]
pub struct Record {
    pub decisions: Vec<Decision>,
    pub actions: Vec<ActionItem>,
}

/// Something the workshop decided, on a day, optionally about a product and a card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Decision", deny_unknown_fields)]
pub struct Decision {
    pub id: String,
    pub text: String,
    #[serde(deserialize_with = "decision_date")]
    pub date: Date,
    /// A product's id.
    #[serde(default)]
    pub product: Option<String>,
    /// A responsibility's id; with `product`, the card on that product's board.
    #[serde(default)]
    pub responsibility: Option<String>,
}

/// Something someone does after the workshop. In the file it is an `Action(…)`; the Rust
/// name keeps it apart from the window's actions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Action", deny_unknown_fields)]
pub struct ActionItem {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub owner: Option<Owner>,
    #[serde(default, deserialize_with = "due_date")]
    pub due: Option<Date>,
    #[serde(default)]
    pub done: bool,
}

/// Who does an action: a person of the scenario, or someone outside the model.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Owner {
    /// A person's id.
    Person(String),
    /// A name, 1 to 80 characters ("HR partner").
    Named(String),
}

impl Owner {
    /// The owner's name as people read it: the person's name, or the named text.
    pub fn name<'a>(&'a self, s: &'a Scenario) -> &'a str {
        match self {
            Owner::Person(id) => s.person(id).map_or(id.as_str(), |p| p.name.as_str()),
            Owner::Named(name) => name,
        }
    }

    /// A named owner standing in for a person who leaves the scenario: their name, cut to
    /// 80 characters (their id when the name is blank), so no action loses its owner.
    pub fn named_after(name: &str, id: &str) -> Owner {
        let name = if name.trim().is_empty() { id } else { name };
        Owner::Named(name.chars().take(MAX_NAMED_CHARS).collect())
    }
}

impl ActionItem {
    /// Not done and due before `today`.
    pub fn is_overdue(&self, today: Date) -> bool {
        !self.done && self.due.is_some_and(|due| due < today)
    }
}

/// The record's counts, as `check --format json` gives them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RecordCounts {
    pub decisions: usize,
    pub actions: usize,
    /// Actions not done, overdue ones included.
    pub open_actions: usize,
    /// Actions not done and due before today.
    pub overdue_actions: usize,
}

impl RecordCounts {
    /// The counts in words: "1 decision, 2 actions (1 open, 0 overdue)".
    pub fn words(&self) -> String {
        use crate::num::counted;
        format!(
            "{}, {} ({} open, {} overdue)",
            counted(self.decisions, "decision", "decisions"),
            counted(self.actions, "action", "actions"),
            self.open_actions,
            self.overdue_actions
        )
    }
}

impl Record {
    /// No decisions and no actions (the file leaves `record` out).
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty() && self.actions.is_empty()
    }

    /// How many decisions and actions, and how many actions are open and overdue on
    /// `today`.
    pub fn counts(&self, today: Date) -> RecordCounts {
        RecordCounts {
            decisions: self.decisions.len(),
            actions: self.actions.len(),
            open_actions: self.actions.iter().filter(|a| !a.done).count(),
            overdue_actions: self.actions.iter().filter(|a| a.is_overdue(today)).count(),
        }
    }

    /// The day of the latest decision, if there is one.
    pub fn latest_decision_date(&self) -> Option<Date> {
        self.decisions.iter().map(|d| d.date).max()
    }

    /// The decision with this id.
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.decisions.iter().find(|d| d.id == id)
    }

    /// The action with this id.
    pub fn action(&self, id: &str) -> Option<&ActionItem> {
        self.actions.iter().find(|a| a.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("a date")
    }

    fn action(id: &str, due: Option<&str>, done: bool) -> ActionItem {
        ActionItem {
            id: id.into(),
            text: id.into(),
            owner: None,
            due: due.map(date),
            done,
        }
    }

    #[test]
    fn the_counts_in_words_say_one_and_many_as_people_do() {
        let counts = |decisions, actions, open_actions, overdue_actions| RecordCounts {
            decisions,
            actions,
            open_actions,
            overdue_actions,
        };
        assert_eq!(
            counts(1, 1, 1, 0).words(),
            "1 decision, 1 action (1 open, 0 overdue)"
        );
        assert_eq!(
            counts(0, 3, 2, 1).words(),
            "0 decisions, 3 actions (2 open, 1 overdue)"
        );
    }

    #[test]
    fn open_counts_overdue_ones_and_overdue_needs_a_past_due_date() {
        let record = Record {
            decisions: Vec::new(),
            actions: vec![
                action("late", Some("2026-12-01"), false),
                action("today", Some("2026-12-13"), false),
                action("later", Some("2027-01-01"), false),
                action("no-date", None, false),
                action("done-late", Some("2026-11-01"), true),
            ],
        };
        assert_eq!(
            record.counts(date("2026-12-13")),
            RecordCounts {
                decisions: 0,
                actions: 5,
                open_actions: 4,
                overdue_actions: 1,
            }
        );
        assert_eq!(record.counts(date("2027-01-02")).overdue_actions, 3);
    }

    #[test]
    fn a_named_stand_in_keeps_the_name_cut_to_80_characters() {
        assert_eq!(Owner::named_after("Tom", "tom"), Owner::Named("Tom".into()));
        let long = "é".repeat(100);
        let Owner::Named(cut) = Owner::named_after(&long, "x") else {
            panic!("named");
        };
        assert_eq!(cut.chars().count(), 80);
        assert_eq!(Owner::named_after("  ", "tom"), Owner::Named("tom".into()));
    }
}
