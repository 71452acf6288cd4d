//! Who holds which seat, and facts about teams that several rules share.

use crate::model::{Scenario, index_by_id};

/// The seats of every person and the teams of every product, by index.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Seats {
    /// Per person: the products (indices) whose PM they are, in file order.
    pub pm_of: Vec<Vec<usize>>,
    /// Per person: the teams (indices) whose PO they are, in file order.
    pub po_of: Vec<Vec<usize>>,
    /// Per product: its teams (indices), in file order.
    pub teams_of: Vec<Vec<usize>>,
    /// Per product: the person (index) in its PM seat.
    pub pm: Vec<Option<usize>>,
    /// Per team: the person (index) in its PO seat.
    pub po: Vec<Option<usize>>,
    /// Per product: the engineers of its teams.
    pub engineers_of: Vec<u64>,
    /// The engineers of all teams.
    pub total_engineers: u64,
}

impl Seats {
    pub fn compute(s: &Scenario) -> Seats {
        let person = index_by_id(&s.people, |p| &p.id);
        let product = index_by_id(&s.products, |p| &p.id);
        let mut seats = Seats {
            pm_of: vec![Vec::new(); s.people.len()],
            po_of: vec![Vec::new(); s.people.len()],
            teams_of: vec![Vec::new(); s.products.len()],
            engineers_of: vec![0; s.products.len()],
            ..Seats::default()
        };
        for (i, p) in s.products.iter().enumerate() {
            let pm = p.pm.as_deref().and_then(|id| person.get(id).copied());
            if let Some(list) = pm.and_then(|pm| seats.pm_of.get_mut(pm)) {
                list.push(i);
            }
            seats.pm.push(pm);
        }
        for (i, t) in s.teams.iter().enumerate() {
            let po = t.po.as_deref().and_then(|id| person.get(id).copied());
            if let Some(list) = po.and_then(|po| seats.po_of.get_mut(po)) {
                list.push(i);
            }
            seats.po.push(po);
            if let Some(&p) = product.get(t.product.as_str()) {
                if let Some(list) = seats.teams_of.get_mut(p) {
                    list.push(i);
                }
                if let Some(e) = seats.engineers_of.get_mut(p) {
                    *e += u64::from(t.engineers);
                }
            }
            seats.total_engineers += u64::from(t.engineers);
        }
        seats
    }

    /// Whether the person holds any PM seat.
    pub fn holds_pm(&self, person: usize) -> bool {
        self.pm_of.get(person).is_some_and(|v| !v.is_empty())
    }

    /// Whether the person holds any PO seat.
    pub fn holds_po(&self, person: usize) -> bool {
        self.po_of.get(person).is_some_and(|v| !v.is_empty())
    }
}
