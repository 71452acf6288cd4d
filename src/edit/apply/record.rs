//! What a removal elsewhere does to the workshop record, so that the scenario stays valid
//! and nothing recorded is lost: an action's owner who leaves becomes a named owner, and a
//! decision's product, responsibility or card that goes is cleared (its text stays).

use crate::model::Scenario;
use crate::record::Owner;

/// A person leaves: the actions they own keep them as a named owner.
pub(super) fn person_left(s: &mut Scenario, id: &str, name: &str) {
    for a in &mut s.record.actions {
        if matches!(&a.owner, Some(Owner::Person(p)) if p == id) {
            a.owner = Some(Owner::named_after(name, id));
        }
    }
}

/// A product goes: decisions about it are about no product any more.
pub(super) fn product_left(s: &mut Scenario, id: &str) {
    for d in &mut s.record.decisions {
        if d.product.as_deref() == Some(id) {
            d.product = None;
        }
    }
}

/// A responsibility goes: decisions naming it name no card any more.
pub(super) fn responsibility_left(s: &mut Scenario, id: &str) {
    for d in &mut s.record.decisions {
        if d.responsibility.as_deref() == Some(id) {
            d.responsibility = None;
        }
    }
}

/// A card leaves its board: decisions naming that card keep the product and name no card.
pub(super) fn card_left(s: &mut Scenario, product: &str, responsibility: &str) {
    for d in &mut s.record.decisions {
        if d.product.as_deref() == Some(product)
            && d.responsibility.as_deref() == Some(responsibility)
        {
            d.responsibility = None;
        }
    }
}
