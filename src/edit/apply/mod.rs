//! Applying an edit to a scenario in place, one file per kind of thing it changes. Errors
//! name what does not exist; [`super::applied`] validates the result afterwards.

mod cards;
mod people;
mod products;
mod record;
mod responsibilities;

use super::{Edit, EditError};
use crate::model::{Card, Person, Product, Responsibility, Scenario, Stakeholder, Team};
use crate::record::{ActionItem, Decision};

/// Applies an edit in place and says whether anything changed.
pub(super) fn mutate(s: &mut Scenario, edit: &Edit) -> Result<bool, EditError> {
    match edit {
        Edit::MoveCard {
            product,
            responsibility,
            to,
            place,
        } => cards::move_card(s, product, responsibility, *to, place),
        Edit::AddCard { product, card } => cards::add(s, product, card),
        Edit::UpdateCard { product, card } => cards::update(s, product, card),
        Edit::RemoveCard {
            product,
            responsibility,
        } => cards::remove(s, product, responsibility),
        Edit::SetPm { product, person } => {
            give_seat(s, person, |s| Ok(&mut product_mut(s, product)?.pm))
        }
        Edit::SetPo { team, person } => give_seat(s, person, |s| Ok(&mut team_mut(s, team)?.po)),
        Edit::SetScenarioInfo { name, description } => {
            Ok(set(&mut s.name, name) | set(&mut s.description, description))
        }
        Edit::SetSettings(settings) => Ok(set(&mut s.settings, settings)),
        Edit::SetAnswer {
            product,
            question,
            answer,
        } => products::set_answer(s, product, *question, *answer),
        Edit::AddPerson(p) => Ok(add(&mut s.people, p)),
        Edit::UpdatePerson(p) => replace(&mut s.people, p, EditError::NoPerson),
        Edit::RemovePerson(id) => people::remove(s, id),
        Edit::AddStakeholder(x) => Ok(add(&mut s.stakeholders, x)),
        Edit::UpdateStakeholder(x) => replace(&mut s.stakeholders, x, EditError::NoStakeholder),
        Edit::RemoveStakeholder(id) => responsibilities::remove_stakeholder(s, id),
        Edit::AddResponsibility(r) => Ok(add(&mut s.responsibilities, r)),
        Edit::UpdateResponsibility(r) => {
            replace(&mut s.responsibilities, r, EditError::NoResponsibility)
        }
        Edit::RemoveResponsibility(id) => responsibilities::remove(s, id),
        Edit::AddProduct(p) => Ok(add(&mut s.products, p)),
        Edit::UpdateProduct {
            id,
            name,
            market,
            stage,
            pm_locked,
        } => products::update(s, id, name, *market, *stage, *pm_locked),
        Edit::RemoveProduct(id) => products::remove(s, id),
        Edit::AddTeam(t) => Ok(add(&mut s.teams, t)),
        Edit::UpdateTeam(t) => replace(&mut s.teams, t, EditError::NoTeam),
        Edit::RemoveTeam(id) => remove(&mut s.teams, id, EditError::NoTeam),
        Edit::AddDecision(d) => Ok(add(&mut s.record.decisions, d)),
        Edit::UpdateDecision(d) => replace(&mut s.record.decisions, d, EditError::NoDecision),
        Edit::RemoveDecision(id) => remove(&mut s.record.decisions, id, EditError::NoDecision),
        Edit::AddAction(a) => Ok(add(&mut s.record.actions, a)),
        Edit::UpdateAction(a) => replace(&mut s.record.actions, a, EditError::NoAction),
        Edit::RemoveAction(id) => remove(&mut s.record.actions, id, EditError::NoAction),
        Edit::Batch(edits) => {
            let mut changed = false;
            for e in edits {
                changed |= mutate(s, e)?;
            }
            Ok(changed)
        }
    }
}

/// An item of one of the scenario's lists, found by its id (a card by its
/// responsibility, which is unique on its board).
pub(in crate::edit) trait Listed: Clone + PartialEq {
    fn id(&self) -> &str;
}

macro_rules! listed_by {
    ($($ty:ty => $field:ident),* $(,)?) => {
        $(impl Listed for $ty {
            fn id(&self) -> &str {
                &self.$field
            }
        })*
    };
}

listed_by! {
    Person => id,
    Stakeholder => id,
    Responsibility => id,
    Product => id,
    Team => id,
    Card => responsibility,
    Decision => id,
    ActionItem => id,
}

/// Sets a field; whether its value changed.
fn set<T: Clone + PartialEq>(field: &mut T, value: &T) -> bool {
    let changed = field != value;
    if changed {
        field.clone_from(value);
    }
    changed
}

/// Adds an item at the end of its list (always a change).
fn add<T: Clone>(list: &mut Vec<T>, item: &T) -> bool {
    list.push(item.clone());
    true
}

/// Replaces the item with the same id; an error when there is none.
fn replace<T: Listed>(
    list: &mut [T],
    new: &T,
    missing: impl FnOnce(String) -> EditError,
) -> Result<bool, EditError> {
    let slot = list
        .iter_mut()
        .find(|x| x.id() == new.id())
        .ok_or_else(|| missing(new.id().to_string()))?;
    Ok(set(slot, new))
}

/// Removes the item with this id (always a change); an error when there is none.
fn remove<T: Listed>(
    list: &mut Vec<T>,
    id: &str,
    missing: impl FnOnce(String) -> EditError,
) -> Result<bool, EditError> {
    let at = list
        .iter()
        .position(|x| x.id() == id)
        .ok_or_else(|| missing(id.to_string()))?;
    list.remove(at);
    Ok(true)
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

/// Gives a seat to a person, who must exist, or empties it.
fn give_seat(
    s: &mut Scenario,
    person: &Option<String>,
    seat: impl FnOnce(&mut Scenario) -> Result<&mut Option<String>, EditError>,
) -> Result<bool, EditError> {
    if let Some(id) = person
        && s.person(id).is_none()
    {
        return Err(EditError::NoPerson(id.clone()));
    }
    Ok(set(seat(s)?, person))
}
