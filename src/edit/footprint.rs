//! Which parts of a scenario an edit may change, worked out before it is applied, so that
//! only those parts are copied for undo: a card move copies one product, not the file.

use super::Edit;
use super::apply::Listed;
use crate::model::Scenario;

/// How much of one list an edit may change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Reach {
    /// Items it may change in place (indices, ascending, no repeats).
    pub items: Vec<usize>,
    /// It may add items at the end.
    pub grows: bool,
    /// It may change the list in any way (remove, reorder).
    pub whole: bool,
}

impl Reach {
    fn item(&mut self, index: Option<usize>) {
        // An id that names nothing: the edit is refused, or it names an item the same
        // batch adds (at the end, which `grows` covers).
        if let Some(i) = index
            && let Err(at) = self.items.binary_search(&i)
        {
            self.items.insert(at, i);
        }
    }

    fn items_where<T>(&mut self, list: &[T], pick: impl Fn(&T) -> bool) {
        for (i, x) in list.iter().enumerate() {
            if pick(x) {
                self.item(Some(i));
            }
        }
    }

    fn join(&mut self, other: Reach) {
        for i in other.items {
            self.item(Some(i));
        }
        self.grows |= other.grows;
        self.whole |= other.whole;
    }
}

/// The parts of a scenario an edit may change.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Footprint {
    /// The scenario's name and description.
    pub info: bool,
    pub settings: bool,
    pub people: Reach,
    pub stakeholders: Reach,
    pub responsibilities: Reach,
    pub products: Reach,
    pub teams: Reach,
    /// The workshop record (kept whole: it is short).
    pub record: bool,
    /// An edit this module has no footprint for: the whole scenario is kept.
    pub unknown: bool,
}

/// The index of the item with this id (the first, as the edits find it).
fn index<T: Listed>(list: &[T], id: &str) -> Option<usize> {
    list.iter().position(|x| x.id() == id)
}

impl Footprint {
    /// What `edit` may change in `s`.
    pub fn of(s: &Scenario, edit: &Edit) -> Footprint {
        let mut f = Footprint::default();
        match edit {
            // Decisions naming a removed card keep the product and name no card.
            Edit::RemoveCard { product, .. } => {
                f.products.item(index(&s.products, product));
                f.record = true;
            }
            Edit::MoveCard { product, .. }
            | Edit::AddCard { product, .. }
            | Edit::UpdateCard { product, .. }
            | Edit::SetPm { product, .. }
            | Edit::SetAnswer { product, .. }
            | Edit::UpdateProduct { id: product, .. } => {
                f.products.item(index(&s.products, product))
            }
            Edit::SetPo { team, .. } => f.teams.item(index(&s.teams, team)),
            Edit::UpdateTeam(t) => f.teams.item(index(&s.teams, &t.id)),
            Edit::SetScenarioInfo { .. } => f.info = true,
            Edit::SetSettings(_) => f.settings = true,
            Edit::AddPerson(_) => f.people.grows = true,
            Edit::UpdatePerson(p) => f.people.item(index(&s.people, &p.id)),
            Edit::RemovePerson(id) => {
                f.people.whole = true;
                // An action the person owned keeps their name instead.
                f.record = true;
                f.products
                    .items_where(&s.products, |p| p.pm.as_deref() == Some(id.as_str()));
                f.teams
                    .items_where(&s.teams, |t| t.po.as_deref() == Some(id.as_str()));
            }
            Edit::AddStakeholder(_) => f.stakeholders.grows = true,
            Edit::UpdateStakeholder(x) => f.stakeholders.item(index(&s.stakeholders, &x.id)),
            Edit::RemoveStakeholder(id) => {
                f.stakeholders.whole = true;
                f.responsibilities
                    .items_where(&s.responsibilities, |r| r.stakeholders.contains(id));
            }
            Edit::AddResponsibility(_) => f.responsibilities.grows = true,
            Edit::UpdateResponsibility(r) => {
                f.responsibilities.item(index(&s.responsibilities, &r.id))
            }
            Edit::RemoveResponsibility(id) => {
                f.responsibilities.whole = true;
                f.record = true;
                f.products.items_where(&s.products, |p| {
                    p.cards.iter().any(|c| c.responsibility == *id)
                });
            }
            Edit::AddProduct(_) => f.products.grows = true,
            Edit::RemoveProduct(_) => {
                f.products.whole = true;
                f.record = true;
                f.teams.whole = true;
            }
            Edit::AddTeam(_) => f.teams.grows = true,
            Edit::AddDecision(_)
            | Edit::UpdateDecision(_)
            | Edit::RemoveDecision(_)
            | Edit::AddAction(_)
            | Edit::UpdateAction(_)
            | Edit::RemoveAction(_) => f.record = true,
            Edit::RemoveTeam(_) => f.teams.whole = true,
            // Each edit of a batch is placed in the scenario as it was: items only grow at
            // the end, so their indices hold, and anything else takes the whole list.
            Edit::Batch(edits) => {
                for e in edits {
                    f.join(Footprint::of(s, e));
                }
            }
            // An edit added after this list was written is kept whole until it gets its
            // own footprint: always right, only slower.
            #[allow(unreachable_patterns)]
            _ => f.unknown = true,
        }
        f
    }

    fn join(&mut self, other: Footprint) {
        self.info |= other.info;
        self.settings |= other.settings;
        self.people.join(other.people);
        self.stakeholders.join(other.stakeholders);
        self.responsibilities.join(other.responsibilities);
        self.products.join(other.products);
        self.teams.join(other.teams);
        self.record |= other.record;
        self.unknown |= other.unknown;
    }
}
