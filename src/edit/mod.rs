//! Edits: every change to a scenario is one of these values, applied by [`apply`]. The
//! window records them for undo; suggestions propose them; imports build them; tests
//! replay them. An edit never leaves an invalid scenario behind: the result is validated
//! as a file would be, and refused (with nothing changed) when it breaks a rule.

mod effects;
mod ids;

pub use effects::removal_effects;
pub use ids::{all_ids, slug, unique_among, unique_id};

use crate::checklist::Question;
use crate::model::{
    Card, Column, Market, Person, Product, Responsibility, Scenario, Settings, Stage, Stakeholder,
    Team,
};

/// Where a moved card goes within its new column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// Keep the card where it is in the board's order (a move by menu or key).
    Keep,
    /// Put it just before the card of this responsibility (a drop onto a card).
    Before(String),
    /// Put it after the last card of its new column (a drop below the last card).
    End,
}

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Moves a product's card to a column.
    MoveCard {
        product: String,
        responsibility: String,
        to: Column,
        place: Place,
    },
    /// Gives a product's PM seat to a person, or empties it.
    SetPm {
        product: String,
        person: Option<String>,
    },
    /// Gives a team's PO seat to a person, or empties it.
    SetPo {
        team: String,
        person: Option<String>,
    },
    /// Renames the scenario or changes its description.
    SetScenarioInfo {
        name: String,
        description: String,
    },
    /// Replaces the rule thresholds and the cost region.
    SetSettings(Settings),
    /// Answers a checklist question of a product (or clears the answer).
    SetAnswer {
        product: String,
        question: Question,
        answer: Option<bool>,
    },
    AddPerson(Person),
    /// Replaces the person with the same id.
    UpdatePerson(Person),
    /// Removes a person and empties the seats they held.
    RemovePerson(String),
    AddStakeholder(Stakeholder),
    UpdateStakeholder(Stakeholder),
    /// Removes a stakeholder and takes it off the responsibilities that served it.
    RemoveStakeholder(String),
    AddResponsibility(Responsibility),
    UpdateResponsibility(Responsibility),
    /// Removes a responsibility and its cards on every board.
    RemoveResponsibility(String),
    AddProduct(Product),
    /// Changes a product's own fields (not its cards, seat or checklist).
    UpdateProduct {
        id: String,
        name: String,
        market: Market,
        stage: Option<Stage>,
        pm_locked: bool,
    },
    /// Removes a product and its teams.
    RemoveProduct(String),
    AddTeam(Team),
    UpdateTeam(Team),
    RemoveTeam(String),
    /// Adds a card to a product's board, after the last card of its column.
    AddCard {
        product: String,
        card: Card,
    },
    /// Replaces a card (found by its responsibility) on a product's board, keeping its place.
    UpdateCard {
        product: String,
        card: Card,
    },
    RemoveCard {
        product: String,
        responsibility: String,
    },
    /// Several edits as one step (one undo).
    Batch(Vec<Edit>),
}

/// Why an edit could not be applied; the scenario is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no product \"{0}\"")]
    NoProduct(String),
    #[error("there is no team \"{0}\"")]
    NoTeam(String),
    #[error("there is no person \"{0}\"")]
    NoPerson(String),
    #[error("there is no stakeholder \"{0}\"")]
    NoStakeholder(String),
    #[error("there is no responsibility \"{0}\"")]
    NoResponsibility(String),
    #[error("product \"{product}\" has no card \"{responsibility}\"")]
    NoCard {
        product: String,
        responsibility: String,
    },
    /// The result would break a rule of the file format.
    #[error("{0}")]
    Invalid(String),
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
            Edit::Batch(edits) => match edits.as_slice() {
                [one] => one.describe(s),
                _ => format!("{} changes", edits.len()),
            },
        }
    }
}

/// Applies an edit. Returns whether anything changed (`Ok(false)` for a no-op). On an
/// error nothing is changed, also for a batch whose later edit fails.
pub fn apply(s: &mut Scenario, edit: &Edit) -> Result<bool, EditError> {
    match applied(s, edit)? {
        Some(next) => {
            *s = next;
            Ok(true)
        }
        None => Ok(false),
    }
}

/// The scenario after an edit, or `None` when the edit changes nothing. `s` is untouched.
pub fn applied(s: &Scenario, edit: &Edit) -> Result<Option<Scenario>, EditError> {
    let mut next = s.clone();
    if !mutate(&mut next, edit)? {
        return Ok(None);
    }
    crate::validate::validate_scenario(&next).map_err(|e| EditError::Invalid(e.message))?;
    Ok(Some(next))
}

fn product_mut<'a>(s: &'a mut Scenario, id: &str) -> Result<&'a mut Product, EditError> {
    s.products
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::NoProduct(id.to_string()))
}

fn team_mut<'a>(s: &'a mut Scenario, id: &str) -> Result<&'a mut Team, EditError> {
    s.teams
        .iter_mut()
        .find(|t| t.id == id)
        .ok_or_else(|| EditError::NoTeam(id.to_string()))
}

fn require_person(s: &Scenario, person: &Option<String>) -> Result<(), EditError> {
    match person {
        Some(id) if s.person(id).is_none() => Err(EditError::NoPerson(id.clone())),
        _ => Ok(()),
    }
}

/// Replaces the item with the same id in a list; an error when there is none.
fn replace<T: Clone + PartialEq>(
    list: &mut [T],
    id_of: impl Fn(&T) -> &str,
    new: &T,
    missing: impl FnOnce(String) -> EditError,
) -> Result<bool, EditError> {
    let id = id_of(new).to_string();
    let slot = list
        .iter_mut()
        .find(|x| id_of(x) == id)
        .ok_or_else(|| missing(id))?;
    if slot == new {
        return Ok(false);
    }
    *slot = new.clone();
    Ok(true)
}

/// Removes the item with this id from a list; an error when there is none.
fn remove<T>(
    list: &mut Vec<T>,
    id_of: impl Fn(&T) -> &str,
    id: &str,
    missing: EditError,
) -> Result<(), EditError> {
    let at = list.iter().position(|x| id_of(x) == id).ok_or(missing)?;
    list.remove(at);
    Ok(())
}

/// Applies an edit in place; errors name what does not exist. Validation happens after.
fn mutate(s: &mut Scenario, edit: &Edit) -> Result<bool, EditError> {
    match edit {
        Edit::MoveCard {
            product,
            responsibility,
            to,
            place,
        } => {
            let p = product_mut(s, product)?;
            let no_card = |r: &str| EditError::NoCard {
                product: product.clone(),
                responsibility: r.to_string(),
            };
            let from = p
                .cards
                .iter()
                .position(|c| c.responsibility == *responsibility)
                .ok_or_else(|| no_card(responsibility))?;
            if let Place::Before(other) = place
                && !p.cards.iter().any(|c| c.responsibility == *other)
            {
                return Err(no_card(other));
            }
            let before = p.cards.clone();
            let mut card = p.cards.remove(from);
            card.column = *to;
            let at = match place {
                Place::Keep => from,
                Place::End => p
                    .cards
                    .iter()
                    .rposition(|c| c.column == *to)
                    .map_or(from, |last| last + 1),
                Place::Before(other) => p
                    .cards
                    .iter()
                    .position(|c| c.responsibility == *other)
                    .unwrap_or(from),
            };
            p.cards.insert(at.min(p.cards.len()), card);
            Ok(p.cards != before)
        }
        Edit::SetPm { product, person } => {
            require_person(s, person)?;
            let p = product_mut(s, product)?;
            let changed = p.pm != *person;
            p.pm = person.clone();
            Ok(changed)
        }
        Edit::SetPo { team, person } => {
            require_person(s, person)?;
            let t = team_mut(s, team)?;
            let changed = t.po != *person;
            t.po = person.clone();
            Ok(changed)
        }
        Edit::SetScenarioInfo { name, description } => {
            let changed = s.name != *name || s.description != *description;
            s.name = name.clone();
            s.description = description.clone();
            Ok(changed)
        }
        Edit::SetSettings(settings) => {
            let changed = s.settings != *settings;
            s.settings = settings.clone();
            Ok(changed)
        }
        Edit::SetAnswer {
            product,
            question,
            answer,
        } => {
            let p = product_mut(s, product)?;
            let changed = p.checklist.answer(*question) != *answer;
            p.checklist.set(*question, *answer);
            Ok(changed)
        }
        Edit::AddPerson(p) => {
            s.people.push(p.clone());
            Ok(true)
        }
        Edit::UpdatePerson(p) => replace(&mut s.people, |x| &x.id, p, EditError::NoPerson),
        Edit::RemovePerson(id) => {
            remove(
                &mut s.people,
                |x| &x.id,
                id,
                EditError::NoPerson(id.clone()),
            )?;
            for p in s
                .products
                .iter_mut()
                .filter(|p| p.pm.as_deref() == Some(id))
            {
                p.pm = None;
            }
            for t in s.teams.iter_mut().filter(|t| t.po.as_deref() == Some(id)) {
                t.po = None;
            }
            Ok(true)
        }
        Edit::AddStakeholder(x) => {
            s.stakeholders.push(x.clone());
            Ok(true)
        }
        Edit::UpdateStakeholder(x) => {
            replace(&mut s.stakeholders, |x| &x.id, x, EditError::NoStakeholder)
        }
        Edit::RemoveStakeholder(id) => {
            remove(
                &mut s.stakeholders,
                |x| &x.id,
                id,
                EditError::NoStakeholder(id.clone()),
            )?;
            for r in &mut s.responsibilities {
                r.stakeholders.retain(|x| x != id);
            }
            Ok(true)
        }
        Edit::AddResponsibility(r) => {
            s.responsibilities.push(r.clone());
            Ok(true)
        }
        Edit::UpdateResponsibility(r) => replace(
            &mut s.responsibilities,
            |x| &x.id,
            r,
            EditError::NoResponsibility,
        ),
        Edit::RemoveResponsibility(id) => {
            remove(
                &mut s.responsibilities,
                |x| &x.id,
                id,
                EditError::NoResponsibility(id.clone()),
            )?;
            for p in &mut s.products {
                p.cards.retain(|c| c.responsibility != *id);
            }
            Ok(true)
        }
        Edit::AddProduct(p) => {
            s.products.push(p.clone());
            Ok(true)
        }
        Edit::UpdateProduct {
            id,
            name,
            market,
            stage,
            pm_locked,
        } => {
            let p = product_mut(s, id)?;
            let changed = p.name != *name
                || p.market != *market
                || p.stage != *stage
                || p.pm_locked != *pm_locked;
            p.name = name.clone();
            p.market = *market;
            p.stage = *stage;
            p.pm_locked = *pm_locked;
            Ok(changed)
        }
        Edit::RemoveProduct(id) => {
            remove(
                &mut s.products,
                |x| &x.id,
                id,
                EditError::NoProduct(id.clone()),
            )?;
            s.teams.retain(|t| t.product != *id);
            Ok(true)
        }
        Edit::AddTeam(t) => {
            s.teams.push(t.clone());
            Ok(true)
        }
        Edit::UpdateTeam(t) => replace(&mut s.teams, |x| &x.id, t, EditError::NoTeam),
        Edit::RemoveTeam(id) => {
            remove(&mut s.teams, |x| &x.id, id, EditError::NoTeam(id.clone()))?;
            Ok(true)
        }
        Edit::AddCard { product, card } => {
            let p = product_mut(s, product)?;
            let at = p
                .cards
                .iter()
                .rposition(|c| c.column == card.column)
                .map_or(p.cards.len(), |i| i + 1);
            p.cards.insert(at, card.clone());
            Ok(true)
        }
        Edit::UpdateCard { product, card } => {
            let p = product_mut(s, product)?;
            replace(
                &mut p.cards,
                |c| &c.responsibility,
                card,
                |r| EditError::NoCard {
                    product: product.clone(),
                    responsibility: r,
                },
            )
        }
        Edit::RemoveCard {
            product,
            responsibility,
        } => {
            let p = product_mut(s, product)?;
            let missing = EditError::NoCard {
                product: product.clone(),
                responsibility: responsibility.clone(),
            };
            remove(&mut p.cards, |c| &c.responsibility, responsibility, missing)?;
            Ok(true)
        }
        Edit::Batch(edits) => {
            let mut changed = false;
            for e in edits {
                changed |= mutate(s, e)?;
            }
            Ok(changed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column::{Pm, Po, Unassigned};
    use crate::model::Kind::Strategy;
    use crate::model::Method::Scrum;
    use crate::model::Scope::Product;
    use crate::testkit::Builder;

    fn board() -> Scenario {
        Builder::new("b")
            .person("a", 40.0)
            .person("b", 40.0)
            .responsibility("r1", Strategy, Product, 1.0, &[])
            .responsibility("r2", Strategy, Product, 1.0, &[])
            .responsibility("r3", Strategy, Product, 1.0, &[])
            .product("p", Some("a"), &[("r1", Pm), ("r2", Po), ("r3", Pm)])
            .team("t", "p", 5, Scrum, Some("b"))
            .build()
    }

    fn order(s: &Scenario) -> Vec<(&str, Column)> {
        s.products[0]
            .cards
            .iter()
            .map(|c| (c.responsibility.as_str(), c.column))
            .collect()
    }

    fn mv(r: &str, to: Column, place: Place) -> Edit {
        Edit::MoveCard {
            product: "p".into(),
            responsibility: r.into(),
            to,
            place,
        }
    }

    #[test]
    fn a_move_keeps_the_card_in_place_and_the_other_cards_in_order() {
        let mut s = board();
        assert_eq!(apply(&mut s, &mv("r1", Po, Place::Keep)), Ok(true));
        assert_eq!(order(&s), [("r1", Po), ("r2", Po), ("r3", Pm)]);
    }

    #[test]
    fn a_drop_before_a_card_or_at_the_end_reorders() {
        let mut s = board();
        apply(&mut s, &mv("r3", Po, Place::Before("r2".into()))).expect("applies");
        assert_eq!(order(&s), [("r1", Pm), ("r3", Po), ("r2", Po)]);
        apply(&mut s, &mv("r1", Po, Place::End)).expect("applies");
        assert_eq!(order(&s), [("r3", Po), ("r2", Po), ("r1", Po)]);
        apply(&mut s, &mv("r3", Unassigned, Place::End)).expect("applies");
        assert_eq!(
            order(&s),
            [("r3", Unassigned), ("r2", Po), ("r1", Po)],
            "an empty column keeps the place"
        );
    }

    #[test]
    fn a_no_op_changes_nothing() {
        let mut s = board();
        assert_eq!(apply(&mut s, &mv("r1", Pm, Place::Keep)), Ok(false));
        assert_eq!(
            apply(
                &mut s,
                &Edit::SetPm {
                    product: "p".into(),
                    person: Some("a".into())
                }
            ),
            Ok(false)
        );
        assert_eq!(s, board());
    }

    #[test]
    fn seats_change_and_empty() {
        let mut s = board();
        apply(
            &mut s,
            &Edit::SetPo {
                team: "t".into(),
                person: Some("a".into()),
            },
        )
        .expect("applies");
        assert_eq!(s.teams[0].po.as_deref(), Some("a"));
        apply(
            &mut s,
            &Edit::SetPm {
                product: "p".into(),
                person: None,
            },
        )
        .expect("applies");
        assert_eq!(s.products[0].pm, None);
    }

    #[test]
    fn unknown_ids_are_refused_and_change_nothing() {
        let mut s = board();
        for (edit, error) in [
            (
                mv("nope", Po, Place::Keep),
                EditError::NoCard {
                    product: "p".into(),
                    responsibility: "nope".into(),
                },
            ),
            (
                Edit::SetPm {
                    product: "x".into(),
                    person: None,
                },
                EditError::NoProduct("x".into()),
            ),
            (
                Edit::SetPo {
                    team: "t".into(),
                    person: Some("zed".into()),
                },
                EditError::NoPerson("zed".into()),
            ),
            (
                Edit::Batch(vec![
                    mv("r1", Po, Place::Keep),
                    Edit::SetPo {
                        team: "q".into(),
                        person: None,
                    },
                ]),
                EditError::NoTeam("q".into()),
            ),
        ] {
            assert_eq!(apply(&mut s, &edit), Err(error));
            assert_eq!(s, board());
        }
    }
}
