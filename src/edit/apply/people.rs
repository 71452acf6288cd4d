//! People: removal empties the seats they held and keeps their actions under their name.

use super::remove as remove_from;
use crate::edit::EditError;
use crate::model::Scenario;

/// Removes a person, empties the seats they held and turns the actions they own into
/// actions of a named owner (their name).
pub(super) fn remove(s: &mut Scenario, id: &str) -> Result<bool, EditError> {
    let name = s.person(id).map(|p| p.name.clone()).unwrap_or_default();
    remove_from(&mut s.people, id, EditError::NoPerson)?;
    super::record::person_left(s, id, &name);
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
