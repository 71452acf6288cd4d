//! Edits: every change to a scenario is one of these values, applied by [`apply`]. The
//! window records them for undo; suggestions propose them; imports build them; tests
//! replay them. An edit never leaves an invalid scenario behind: the result is validated
//! as a file would be, and refused (with nothing changed) when it breaks a rule.

mod apply;
mod describe;
mod effects;
mod footprint;
mod heap;
mod ids;
mod patch;

pub use describe::short_text;
pub use effects::removal_effects;
pub use ids::{all_ids, slug, unique_among, unique_id};
pub use patch::ScenarioPatch;

use crate::checklist::Question;
use crate::model::{
    Card, Column, Market, Person, Product, Responsibility, Scenario, Settings, Stage, Stakeholder,
    Team,
};
use crate::record::{ActionItem, Decision};

use apply::mutate;

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
    /// Records a decision, after the others.
    AddDecision(Decision),
    /// Replaces the decision with the same id, keeping its place.
    UpdateDecision(Decision),
    RemoveDecision(String),
    /// Adds an action, after the others.
    AddAction(ActionItem),
    /// Replaces the action with the same id (ticking it done is one), keeping its place.
    UpdateAction(ActionItem),
    RemoveAction(String),
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
    #[error("there is no decision \"{0}\"")]
    NoDecision(String),
    #[error("there is no action \"{0}\"")]
    NoAction(String),
    /// The result would break a rule of the file format.
    #[error("{0}")]
    Invalid(String),
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

/// Applies an edit in place and returns what it changed, as it was, to take it back
/// ([`ScenarioPatch::swap`]); `None` when it changed nothing. Only what the edit can touch is
/// copied, and when `was_valid` (the scenario was valid before) only what it changed is
/// checked, so the cost follows the edit, not the size of the file. The result and the
/// errors are [`applied`]'s; on an error the scenario is as it was.
pub fn apply_recorded(
    s: &mut Scenario,
    edit: &Edit,
    was_valid: bool,
) -> Result<Option<ScenarioPatch>, EditError> {
    let mut patch = ScenarioPatch::capture(s, &footprint::Footprint::of(s, edit));
    let outcome = mutate(s, edit);
    patch.settle(s);
    match outcome {
        Err(e) => {
            patch.swap(s);
            return Err(e);
        }
        // Nothing changed, or only in ways that cancel out: the scenario stays as it was.
        Ok(false) => {
            patch.swap(s);
            return Ok(None);
        }
        // Changes that cancel out within a batch still count as an edit, as for `applied`.
        Ok(true) => {}
    }
    let changes = patch.changes(s);
    let checked = if was_valid {
        crate::validate::validate_changes(s, &changes)
    } else {
        crate::validate::validate_scenario(s)
    };
    if let Err(e) = checked {
        patch.swap(s);
        return Err(EditError::Invalid(e.message));
    }
    Ok(Some(patch))
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod patch_tests;
