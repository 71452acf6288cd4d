//! What the record's forms keep between frames: the decision and the action being written
//! (new ones, or an edit of a recorded one), and how each becomes an edit.

use std::collections::HashMap;

use crate::edit::{Edit, slug, unique_id};
use crate::model::{Column, Scenario};
use crate::record::{ActionItem, Date, Decision, Owner};

/// The decision and the action being written in the record's forms.
#[derive(Clone, Debug, Default)]
pub struct RecordInputs {
    pub decision: DecisionDraft,
    pub action: ActionDraft,
}

/// A decision being written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecisionDraft {
    /// The id of the recorded decision being edited; `None` for a new one.
    pub editing: Option<String>,
    pub text: String,
    /// `YYYY-MM-DD`; empty means today.
    pub date: String,
    pub product: Option<String>,
    pub responsibility: Option<String>,
    /// Why the last attempt to record it was refused.
    pub problem: Option<String>,
    /// The text field should take the keyboard focus (the draft was just started).
    pub focus: bool,
}

/// Who an action being written is for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum OwnerChoice {
    #[default]
    Nobody,
    /// A person of the scenario, by id.
    Person(String),
    /// Someone outside the model: the name typed in `ActionDraft::named`.
    Named,
}

/// An action being written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ActionDraft {
    /// The id of the recorded action being edited; `None` for a new one.
    pub editing: Option<String>,
    pub text: String,
    pub owner: OwnerChoice,
    /// The name of an owner outside the model.
    pub named: String,
    /// `YYYY-MM-DD`, or empty for no due date.
    pub due: String,
    /// Kept from the recorded action being edited.
    pub done: bool,
    /// Why the last attempt to add it was refused.
    pub problem: Option<String>,
}

/// The id of the decision or action being edited, or for a new one a prefix and the first
/// words of its text, unique in the scenario.
fn id_for(editing: &Option<String>, s: &Scenario, prefix: &str, text: &str) -> String {
    if let Some(id) = editing {
        return id.clone();
    }
    let words: String = text.chars().take(32).collect();
    let base = slug(&words);
    let base = base.trim_end_matches('-');
    let name = if base.is_empty() {
        prefix.to_string()
    } else {
        format!("{prefix}-{base}")
    };
    unique_id(s, &name, prefix)
}

/// A typed date, or a sentence saying what is wrong with it.
fn typed_date(field: &str, text: &str) -> Result<Date, String> {
    Date::parse(text.trim()).map_err(|e| e.message(field, text.trim()))
}

/// The decision a card's last move suggests: "Write user stories: PO → PM" when the card
/// was moved in this window and is still where it went, else where it stands ("Write user
/// stories stays in PO").
pub fn card_decision_text(
    s: &Scenario,
    last_moves: &HashMap<(String, String), (Column, Column)>,
    product: &str,
    responsibility: &str,
) -> String {
    let title = s.name_of(responsibility);
    let column = s
        .product(product)
        .and_then(|p| p.cards.iter().find(|c| c.responsibility == responsibility))
        .map(|c| c.column);
    let key = (product.to_string(), responsibility.to_string());
    match (last_moves.get(&key), column) {
        (Some(&(from, to)), Some(now)) if now == to => {
            format!("{title}: {} → {}", from.label(), to.label())
        }
        (_, Some(now)) => format!("{title} stays in {}", now.label()),
        (_, None) => title.to_string(),
    }
}

impl DecisionDraft {
    /// A new decision about a product or a card (or neither), with a text to start from.
    pub fn start(product: Option<String>, responsibility: Option<String>, text: String) -> Self {
        DecisionDraft {
            product,
            responsibility,
            text,
            focus: true,
            ..DecisionDraft::default()
        }
    }

    /// The form filled with a recorded decision, to change it.
    pub fn editing(d: &Decision) -> Self {
        DecisionDraft {
            editing: Some(d.id.clone()),
            text: d.text.clone(),
            date: d.date.to_string(),
            product: d.product.clone(),
            responsibility: d.responsibility.clone(),
            problem: None,
            focus: true,
        }
    }

    /// The edit that records the decision (or changes the one being edited); the date
    /// left empty is `today`.
    pub fn edit(&self, s: &Scenario, today: Date) -> Result<Edit, String> {
        let date = if self.date.trim().is_empty() {
            today
        } else {
            typed_date("date", &self.date)?
        };
        let decision = Decision {
            id: id_for(&self.editing, s, "d", &self.text),
            text: self.text.trim().to_string(),
            date,
            product: self.product.clone(),
            responsibility: self.responsibility.clone(),
        };
        Ok(match self.editing {
            Some(_) => Edit::UpdateDecision(decision),
            None => Edit::AddDecision(decision),
        })
    }
}

impl ActionDraft {
    /// The form filled with a recorded action, to change it.
    pub fn editing(a: &ActionItem) -> Self {
        let (owner, named) = match &a.owner {
            None => (OwnerChoice::Nobody, String::new()),
            Some(Owner::Person(id)) => (OwnerChoice::Person(id.clone()), String::new()),
            Some(Owner::Named(name)) => (OwnerChoice::Named, name.clone()),
        };
        ActionDraft {
            editing: Some(a.id.clone()),
            text: a.text.clone(),
            owner,
            named,
            due: a.due.map(|d| d.to_string()).unwrap_or_default(),
            done: a.done,
            problem: None,
        }
    }

    /// The edit that adds the action (or changes the one being edited).
    pub fn edit(&self, s: &Scenario) -> Result<Edit, String> {
        let due = match self.due.trim() {
            "" => None,
            text => Some(typed_date("due", text)?),
        };
        let owner = match &self.owner {
            OwnerChoice::Nobody => None,
            OwnerChoice::Person(id) => Some(Owner::Person(id.clone())),
            OwnerChoice::Named => Some(Owner::Named(self.named.trim().to_string())),
        };
        let action = ActionItem {
            id: id_for(&self.editing, s, "a", &self.text),
            text: self.text.trim().to_string(),
            owner,
            due,
            done: self.done,
        };
        Ok(match self.editing {
            Some(_) => Edit::UpdateAction(action),
            None => Edit::AddAction(action),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column::{Pm, Po};

    fn board() -> Scenario {
        crate::testkit::Builder::new("x")
            .person("tom", 40.0)
            .responsibility(
                "stories",
                crate::model::Kind::Execution,
                crate::model::Scope::Team,
                4.0,
                &[],
            )
            .product("shop", None, &[("stories", Pm)])
            .build()
    }

    #[test]
    fn the_text_names_the_last_move_while_the_card_is_still_there() {
        let s = board();
        let key = ("shop".to_string(), "stories".to_string());
        let mut moves = HashMap::new();
        assert_eq!(
            card_decision_text(&s, &moves, "shop", "stories"),
            "Stories stays in PM"
        );
        moves.insert(key.clone(), (Po, Pm));
        assert_eq!(
            card_decision_text(&s, &moves, "shop", "stories"),
            "Stories: PO → PM"
        );
        moves.insert(key, (Pm, Po));
        assert_eq!(
            card_decision_text(&s, &moves, "shop", "stories"),
            "Stories stays in PM",
            "moved back since (an undo): the board is what counts"
        );
    }

    #[test]
    fn a_draft_becomes_an_edit_with_a_fresh_id_and_today_for_an_empty_date() {
        let s = board();
        let today = Date::parse("2026-11-29").expect("date");
        let draft = DecisionDraft::start(
            Some("shop".into()),
            Some("stories".into()),
            "Stories: PO → PM".into(),
        );
        let Ok(Edit::AddDecision(d)) = draft.edit(&s, today) else {
            panic!("a new decision");
        };
        assert_eq!(d.id, "d-stories-po-pm");
        assert_eq!(d.date, today);
        let bad = DecisionDraft {
            date: "29/11/2026".into(),
            ..draft
        };
        let problem = bad.edit(&s, today).expect_err("refused");
        assert!(
            problem.starts_with("date \"29/11/2026\" must be written YYYY-MM-DD"),
            "{problem}"
        );
    }

    #[test]
    fn an_action_draft_keeps_its_owner_and_due_date() {
        let s = board();
        let draft = ActionDraft {
            text: "Shadow refinement".into(),
            owner: OwnerChoice::Person("tom".into()),
            due: "2026-12-13".into(),
            ..ActionDraft::default()
        };
        let Ok(Edit::AddAction(a)) = draft.edit(&s) else {
            panic!("a new action");
        };
        assert_eq!(a.owner, Some(Owner::Person("tom".into())));
        assert_eq!(a.due.map(|d| d.to_string()).as_deref(), Some("2026-12-13"));
        assert_eq!(ActionDraft::editing(&a).edit(&s), Ok(Edit::UpdateAction(a)));
    }
}
