//! Products: their own fields, checklist answers, and removal with their teams.

use super::{product_mut, remove as remove_from, set};
use crate::checklist::Question;
use crate::edit::EditError;
use crate::model::{Market, Scenario, Stage};

/// Changes a product's own fields.
pub(super) fn update(
    s: &mut Scenario,
    id: &str,
    name: &String,
    market: Market,
    stage: Option<Stage>,
    pm_locked: bool,
) -> Result<bool, EditError> {
    let p = product_mut(s, id)?;
    Ok(set(&mut p.name, name)
        | set(&mut p.market, &market)
        | set(&mut p.stage, &stage)
        | set(&mut p.pm_locked, &pm_locked))
}

/// Answers a checklist question (or clears the answer).
pub(super) fn set_answer(
    s: &mut Scenario,
    product: &str,
    question: Question,
    answer: Option<bool>,
) -> Result<bool, EditError> {
    let p = product_mut(s, product)?;
    let changed = p.checklist.answer(question) != answer;
    p.checklist.set(question, answer);
    Ok(changed)
}

/// Removes a product and its teams; decisions about it are about no product any more.
pub(super) fn remove(s: &mut Scenario, id: &str) -> Result<bool, EditError> {
    remove_from(&mut s.products, id, EditError::NoProduct)?;
    s.teams.retain(|t| t.product != id);
    super::record::product_left(s, id);
    Ok(true)
}
