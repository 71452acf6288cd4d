//! What an edit says about itself: menus, the status line and the undo history show it.

use super::Edit;
use crate::model::Scenario;

/// A record's text as a label shows it: its first line, cut to 48 characters.
pub fn short_text(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    let cut: String = line.chars().take(48).collect();
    if cut.len() < line.len() || text.trim().lines().nth(1).is_some() {
        format!("{}…", cut.trim_end())
    } else {
        cut
    }
}

impl Edit {
    /// A short description for menus, the status line and the undo history.
    pub fn describe(&self, s: &Scenario) -> String {
        match self {
            Edit::MoveCard {
                product,
                responsibility,
                to,
                ..
            } => format!(
                "Move “{}” on {} to {}",
                s.name_of(responsibility),
                s.name_of(product),
                to.label()
            ),
            Edit::SetPm { product, person } => match person {
                Some(p) => format!("Make {} PM of {}", s.name_of(p), s.name_of(product)),
                None => format!("Empty the PM seat of {}", s.name_of(product)),
            },
            Edit::SetPo { team, person } => match person {
                Some(p) => format!("Make {} PO of {}", s.name_of(p), s.name_of(team)),
                None => format!("Empty the PO seat of {}", s.name_of(team)),
            },
            Edit::SetScenarioInfo { .. } => "Edit the scenario's name and description".into(),
            Edit::SetSettings(_) => "Change the settings".into(),
            Edit::SetAnswer {
                product,
                question,
                answer,
            } => format!(
                "Answer “{}” with {} for {}",
                question.id(),
                match answer {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "no answer",
                },
                s.name_of(product)
            ),
            Edit::AddPerson(p) => format!("Add {}", p.name),
            Edit::UpdatePerson(p) => format!("Edit {}", p.name),
            Edit::AddStakeholder(x) => format!("Add {}", x.name),
            Edit::UpdateStakeholder(x) => format!("Edit {}", x.name),
            Edit::AddResponsibility(r) => format!("Add “{}”", r.title),
            Edit::UpdateResponsibility(r) => format!("Edit “{}”", r.title),
            Edit::AddProduct(p) => format!("Add {}", p.name),
            Edit::UpdateProduct { name, .. } => format!("Edit {name}"),
            Edit::AddTeam(t) => format!("Add {}", t.name),
            Edit::UpdateTeam(t) => format!("Edit {}", t.name),
            Edit::RemovePerson(id)
            | Edit::RemoveStakeholder(id)
            | Edit::RemoveResponsibility(id)
            | Edit::RemoveProduct(id)
            | Edit::RemoveTeam(id) => format!("Remove {}", s.name_of(id)),
            Edit::AddCard { product, card } => {
                format!(
                    "Put “{}” on {}",
                    s.name_of(&card.responsibility),
                    s.name_of(product)
                )
            }
            Edit::UpdateCard { product, card } => {
                format!(
                    "Edit “{}” on {}",
                    s.name_of(&card.responsibility),
                    s.name_of(product)
                )
            }
            Edit::RemoveCard {
                product,
                responsibility,
            } => format!(
                "Take “{}” off {}",
                s.name_of(responsibility),
                s.name_of(product)
            ),
            Edit::AddDecision(d) => format!("Record the decision “{}”", short_text(&d.text)),
            Edit::UpdateDecision(d) => format!("Edit the decision “{}”", short_text(&d.text)),
            Edit::RemoveDecision(id) => match s.record.decision(id) {
                Some(d) => format!("Remove the decision “{}”", short_text(&d.text)),
                None => format!("Remove the decision {id}"),
            },
            Edit::AddAction(a) => format!("Add the action “{}”", short_text(&a.text)),
            Edit::UpdateAction(a) => {
                let text = short_text(&a.text);
                match s.record.action(&a.id) {
                    Some(old) if old.done != a.done && a.done => format!("Tick “{text}” done"),
                    Some(old) if old.done != a.done => format!("Mark “{text}” not done"),
                    _ => format!("Edit the action “{text}”"),
                }
            }
            Edit::RemoveAction(id) => match s.record.action(id) {
                Some(a) => format!("Remove the action “{}”", short_text(&a.text)),
                None => format!("Remove the action {id}"),
            },
            Edit::Batch(edits) => {
                // What the user did: additions that only make room for another edit (a
                // person to hire for a seat, a catalogue card's responsibility and
                // stakeholders) are part of it, not changes of their own.
                let main: Vec<&Edit> = edits.iter().filter(|e| !e.is_supporting()).collect();
                let counted_edits = if main.is_empty() {
                    edits.iter().collect()
                } else {
                    main
                };
                match counted_edits.as_slice() {
                    [one] => one.describe(s),
                    many => crate::num::counted(many.len(), "change", "changes"),
                }
            }
        }
    }
}

impl Edit {
    /// Whether the edit only adds something another edit of its batch then uses.
    fn is_supporting(&self) -> bool {
        matches!(
            self,
            Edit::AddPerson(_) | Edit::AddStakeholder(_) | Edit::AddResponsibility(_)
        )
    }
}
