//! People: removal empties the seats they held.

use super::remove as remove_from;
use crate::edit::EditError;
use crate::model::Scenario;

/// Removes a person and empties the seats they held.
pub(super) fn remove(s: &mut Scenario, id: &str) -> Result<bool, EditError> {
    remove_from(&mut s.people, id, EditError::NoPerson)?;
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
