//! Role fit (domain.md, "Role fit"): the hours that landed on each person, broken down by
//! the responsibility's horizon and by the sides of the stakeholders it serves. The
//! articles tell the roles apart by exactly these (PM: quarters to years, external
//! stakeholders; PO: sprints to quarters, the development team).

use std::collections::HashMap;

use crate::load::{Loads, ProductLoad};
use crate::model::{Horizon, IdIndex, Responsibility, Scenario, Side};

/// The articles that tell the roles apart by horizon and by stakeholders.
pub const SOURCES: &str = "001, 003, 004";

/// The sides of the stakeholders a responsibility serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sides {
    /// Every stakeholder it serves is external.
    External,
    /// Every stakeholder it serves is internal.
    Internal,
    /// It serves some of each.
    Both,
    /// It serves no stakeholder.
    None,
}

impl Sides {
    /// In the order of the JSON keys.
    pub const ALL: [Sides; 4] = [Sides::External, Sides::Internal, Sides::Both, Sides::None];

    /// The key in `check --format json`.
    pub fn key(self) -> &'static str {
        match self {
            Sides::External => "External",
            Sides::Internal => "Internal",
            Sides::Both => "Both",
            Sides::None => "None",
        }
    }

    /// The sides of a set of stakeholders.
    pub fn of(sides: impl IntoIterator<Item = Side>) -> Sides {
        let (mut external, mut internal) = (false, false);
        for side in sides {
            match side {
                Side::External => external = true,
                Side::Internal => internal = true,
            }
        }
        match (external, internal) {
            (true, true) => Sides::Both,
            (true, false) => Sides::External,
            (false, true) => Sides::Internal,
            (false, false) => Sides::None,
        }
    }

    fn index(self) -> usize {
        match self {
            Sides::External => 0,
            Sides::Internal => 1,
            Sides::Both => 2,
            Sides::None => 3,
        }
    }
}

/// The horizons in the order of the JSON keys.
pub const HORIZONS: [Horizon; 3] = [Horizon::Sprint, Horizon::Quarter, Horizon::Year];

fn horizon_index(h: Horizon) -> usize {
    match h {
        Horizon::Sprint => 0,
        Horizon::Quarter => 1,
        Horizon::Year => 2,
    }
}

/// One person's strategy and execution hours, broken down two ways. Each breakdown sums
/// to the person's strategy + execution hours (within domain.md's tolerance).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RoleFit {
    /// By horizon, in the order of [`HORIZONS`].
    pub horizon_hours: [f64; 3],
    /// By stakeholder sides, in the order of [`Sides::ALL`].
    pub stakeholder_hours: [f64; 4],
}

impl RoleFit {
    /// The hours of one horizon.
    pub fn horizon(&self, h: Horizon) -> f64 {
        self.horizon_hours
            .get(horizon_index(h))
            .copied()
            .unwrap_or(0.0)
    }

    /// The hours of responsibilities serving these sides.
    pub fn sides(&self, s: Sides) -> f64 {
        self.stakeholder_hours
            .get(s.index())
            .copied()
            .unwrap_or(0.0)
    }

    /// The hours that look ahead a quarter or more.
    pub fn quarter_or_more(&self) -> f64 {
        self.horizon(Horizon::Quarter) + self.horizon(Horizon::Year)
    }

    /// The hours that serve external stakeholders (only external ones).
    pub fn external(&self) -> f64 {
        self.sides(Sides::External)
    }

    fn add(&mut self, horizon: Horizon, sides: Sides, hours: f64) {
        if let Some(h) = self.horizon_hours.get_mut(horizon_index(horizon)) {
            *h += hours;
        }
        if let Some(h) = self.stakeholder_hours.get_mut(sides.index()) {
            *h += hours;
        }
    }
}

/// Every person's role fit, in file order, from the hours the load gave them: card by
/// card in file order, as strategy and execution are summed. A responsibility that does
/// not resolve (never in a validated scenario) counts as a Sprint card serving nobody.
pub fn compute(s: &Scenario, loads: &Loads) -> Vec<RoleFit> {
    let side_of: HashMap<&str, Side> = s
        .stakeholders
        .iter()
        .map(|x| (x.id.as_str(), x.side))
        .collect();
    let facts: HashMap<&str, (Horizon, Sides)> = s
        .responsibilities
        .iter()
        .map(|r| (r.id.as_str(), facts_of(r, |id| side_of.get(id).copied())))
        .collect();
    let mut out = vec![RoleFit::default(); s.people.len()];
    for (product, load) in s.products.iter().zip(&loads.products) {
        for (card, card_load) in product.cards.iter().zip(&load.cards) {
            let (horizon, sides) = facts
                .get(card.responsibility.as_str())
                .copied()
                .unwrap_or(UNRESOLVED);
            for share in &card_load.shares {
                if let Some(fit) = out.get_mut(share.person) {
                    fit.add(horizon, sides, share.hours);
                }
            }
        }
    }
    out
}

/// What a card that does not resolve counts as: a Sprint card serving nobody.
const UNRESOLVED: (Horizon, Sides) = (Horizon::Sprint, Sides::None);

/// A responsibility's horizon and the sides of the stakeholders it serves.
fn facts_of(r: &Responsibility, side_of: impl Fn(&str) -> Option<Side>) -> (Horizon, Sides) {
    let sides = Sides::of(r.stakeholders.iter().filter_map(|id| side_of(id)));
    (r.horizon, sides)
}

/// One person's role fit, from the loads of the products where they hold a seat
/// (`products`, ascending: the only ones whose cards can give them hours), card by card,
/// so the sums are [`compute`]'s to the last bit. How the analysis is brought up to date
/// after an edit that reaches a few people.
pub(crate) fn person_fit(
    s: &Scenario,
    responsibility_index: &IdIndex,
    product_loads: &[ProductLoad],
    person: usize,
    products: &[usize],
) -> RoleFit {
    let side_of = |id: &str| s.stakeholders.iter().rfind(|x| x.id == id).map(|x| x.side);
    let mut fit = RoleFit::default();
    for &index in products {
        let (Some(product), Some(load)) = (s.products.get(index), product_loads.get(index)) else {
            continue;
        };
        for (card, card_load) in product.cards.iter().zip(&load.cards) {
            let mut shares = card_load.shares.iter().filter(|sh| sh.person == person);
            let Some(first) = shares.next() else {
                continue;
            };
            let (horizon, sides) = responsibility_index
                .get(card.responsibility.as_str())
                .and_then(|&i| s.responsibilities.get(i))
                .map_or(UNRESOLVED, |r| facts_of(r, side_of));
            for share in std::iter::once(first).chain(shares) {
                fit.add(horizon, sides, share.hours);
            }
        }
    }
    fit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_of_a_set_of_stakeholders() {
        assert_eq!(Sides::of([]), Sides::None);
        assert_eq!(Sides::of([Side::External, Side::External]), Sides::External);
        assert_eq!(Sides::of([Side::Internal]), Sides::Internal);
        assert_eq!(Sides::of([Side::Internal, Side::External]), Sides::Both);
    }
}
