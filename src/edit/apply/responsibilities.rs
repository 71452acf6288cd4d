//! Responsibilities and the stakeholders they serve: removing either updates the other
//! lists that name it.

use super::remove as remove_from;
use crate::edit::EditError;
use crate::model::Scenario;

/// Removes a responsibility and its cards on every board; decisions naming it name no
/// card any more.
pub(super) fn remove(s: &mut Scenario, id: &str) -> Result<bool, EditError> {
    remove_from(&mut s.responsibilities, id, EditError::NoResponsibility)?;
    for p in &mut s.products {
        p.cards.retain(|c| c.responsibility != id);
    }
    super::record::responsibility_left(s, id);
    Ok(true)
}

/// Removes a stakeholder and takes it off the responsibilities that served it.
pub(super) fn remove_stakeholder(s: &mut Scenario, id: &str) -> Result<bool, EditError> {
    remove_from(&mut s.stakeholders, id, EditError::NoStakeholder)?;
    for r in &mut s.responsibilities {
        r.stakeholders.retain(|x| x != id);
    }
    Ok(true)
}
