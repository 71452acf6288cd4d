//! Who carries how many hours (domain.md, "Load"). A pure function of the scenario.

use crate::model::{Card, Column, IdIndex, Kind, Scenario, Scope, index_by_id};
use crate::seats::Seats;

/// The hours of one person.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PersonLoad {
    pub strategy_hours: f64,
    pub execution_hours: f64,
    pub other_hours: f64,
    pub capacity_hours: f64,
    /// Per product whose PO column gives the person hours, in file order: those hours
    /// (what `po-strategy-work` weighs).
    pub po_work: Vec<PoWork>,
}

/// The hours one person gets from one product's PO column.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct PoWork {
    /// The product (index).
    pub product: usize,
    /// The hours of Strategy-kind cards among them.
    pub strategy_hours: f64,
    /// All of them, strategy and execution.
    pub hours: f64,
}

impl PersonLoad {
    /// Strategy + execution + other duties.
    pub fn load_hours(&self) -> f64 {
        self.strategy_hours + self.execution_hours + self.other_hours
    }

    /// Strategy + execution: the product work that landed on the person.
    pub fn product_hours(&self) -> f64 {
        self.strategy_hours + self.execution_hours
    }

    /// Load / capacity; `None` when the capacity is 0.
    pub fn utilisation(&self) -> Option<f64> {
        (self.capacity_hours != 0.0).then(|| self.load_hours() / self.capacity_hours)
    }

    /// Adds hours from product `product`'s PO column; products come in file order, so
    /// only the last entry can be that product's.
    pub(crate) fn add_po_work(&mut self, product: usize, kind: Kind, hours: f64) {
        if self.po_work.last().is_none_or(|w| w.product != product) {
            self.po_work.push(PoWork {
                product,
                ..PoWork::default()
            });
        }
        if let Some(work) = self.po_work.last_mut() {
            if kind == Kind::Strategy {
                work.strategy_hours += hours;
            }
            work.hours += hours;
        }
    }
}

/// Hours of one card that land on one person.
#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    /// Index into `Scenario::people`.
    pub person: usize,
    pub hours: f64,
}

/// Where one card's hours go.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CardLoad {
    /// The card's hours: its override, else the responsibility's.
    pub hours: f64,
    /// The people the hours land on, in seat order (the PM; the POs in team order).
    pub shares: Vec<Share>,
    /// Hours that land on an empty seat.
    pub unowned_hours: f64,
    /// Hours parked in Unassigned.
    pub unassigned_hours: f64,
}

impl CardLoad {
    /// The hours the card puts into its column: what lands on people, on empty seats and
    /// in Unassigned.
    pub fn column_hours(&self) -> f64 {
        self.shares.iter().map(|s| s.hours).sum::<f64>()
            + self.unowned_hours
            + self.unassigned_hours
    }
}

/// The hours of one product.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ProductLoad {
    /// One entry per card, in card order.
    pub cards: Vec<CardLoad>,
    pub unowned_hours: f64,
    pub unassigned_hours: f64,
}

/// Everyone's hours, and every card's.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Loads {
    /// One entry per person, in file order.
    pub people: Vec<PersonLoad>,
    /// One entry per product, in file order.
    pub products: Vec<ProductLoad>,
}

impl Loads {
    pub fn total_unowned_hours(&self) -> f64 {
        crate::num::total(self.products.iter().map(|p| p.unowned_hours))
    }

    pub fn total_unassigned_hours(&self) -> f64 {
        crate::num::total(self.products.iter().map(|p| p.unassigned_hours))
    }
}

/// The PO seat holders of a product's teams (`po` gives a team's holder), each with how
/// many of the teams they hold, in team order; and how many teams have an empty PO seat.
pub(crate) fn po_holders(
    teams: &[usize],
    po: impl Fn(usize) -> Option<usize>,
) -> (Vec<(usize, usize)>, usize) {
    let mut holders: Vec<(usize, usize)> = Vec::new();
    let mut empty = 0usize;
    for &t in teams {
        match po(t) {
            Some(p) => match holders.iter_mut().find(|(q, _)| *q == p) {
                Some((_, k)) => *k += 1,
                None => holders.push((p, 1)),
            },
            None => empty += 1,
        }
    }
    (holders, empty)
}

/// A card's `h` hours for the whole product of `teams` teams: team-scope work is done once
/// per team (at least once).
pub(crate) fn product_hours(scope: Scope, h: f64, teams: usize) -> f64 {
    match scope {
        Scope::Product => h,
        Scope::Team => h * teams.max(1) as f64,
    }
}

/// The hours of a PO-column card that land on `k` of the product's `teams` PO seats:
/// team-scope work `k` times, product-scope work split evenly over the teams.
pub(crate) fn po_share(scope: Scope, h: f64, k: usize, teams: usize) -> f64 {
    match scope {
        Scope::Team => h * k as f64,
        Scope::Product => h * k as f64 / teams as f64,
    }
}

/// Computes the load of every person and card. References that do not resolve (which a
/// validated scenario never has) count as empty seats and zero-hour cards.
pub fn compute(s: &Scenario, seats: &Seats) -> Loads {
    let responsibility_index = index_by_id(&s.responsibilities, |r| &r.id);
    let mut people: Vec<PersonLoad> = s.people.iter().map(unloaded).collect();
    let mut products = Vec::with_capacity(s.products.len());
    for index in 0..s.products.len() {
        products.push(product_load(
            s,
            seats,
            &responsibility_index,
            index,
            |kind, column, share| {
                if let Some(person) = people.get_mut(share.person) {
                    add(person, index, kind, column, share.hours);
                }
            },
        ));
    }
    Loads { people, products }
}

/// A person's capacity and other duties, before any product work lands on them.
fn unloaded(p: &crate::model::Person) -> PersonLoad {
    PersonLoad {
        other_hours: p.other_hours,
        capacity_hours: p.capacity_hours,
        ..PersonLoad::default()
    }
}

/// Hours of one share landing on its person: by kind, and as PO work when from the PO
/// column of product `product`.
fn add(person: &mut PersonLoad, product: usize, kind: Kind, column: Column, hours: f64) {
    match kind {
        Kind::Strategy => person.strategy_hours += hours,
        Kind::Execution => person.execution_hours += hours,
    }
    if column == Column::Po {
        person.add_po_work(product, kind, hours);
    }
}

/// The kind, scope and hours of a card's responsibility (an execution card of no hours when
/// it does not resolve).
fn card_facts(s: &Scenario, responsibility_index: &IdIndex, card: &Card) -> (Kind, Scope, f64) {
    match responsibility_index
        .get(card.responsibility.as_str())
        .and_then(|&i| s.responsibilities.get(i))
    {
        Some(r) => (r.kind, r.scope, r.hours),
        None => (Kind::Execution, Scope::Product, 0.0),
    }
}

/// Where the hours of one product's cards go; `on_share` hears of every share, card by
/// card, in order (which is how [`compute`] adds up each person's hours).
pub(crate) fn product_load(
    s: &Scenario,
    seats: &Seats,
    responsibility_index: &IdIndex,
    index: usize,
    mut on_share: impl FnMut(Kind, Column, &Share),
) -> ProductLoad {
    let mut load = ProductLoad::default();
    let Some(product) = s.products.get(index) else {
        return load;
    };
    let team_ids = seats.teams_of.get(index).map_or(&[][..], Vec::as_slice);
    let n = team_ids.len();
    let pm = seats.pm.get(index).copied().flatten();
    let (po_holders, empty_po) = po_holders(team_ids, |t| seats.po.get(t).copied().flatten());
    for card in &product.cards {
        let (kind, scope, base_hours) = card_facts(s, responsibility_index, card);
        let h = card.hours.unwrap_or(base_hours);
        let per_team = product_hours(scope, h, n);
        let mut c = CardLoad {
            hours: h,
            ..CardLoad::default()
        };
        match card.column {
            Column::Pm => match pm {
                Some(p) => c.shares.push(Share {
                    person: p,
                    hours: per_team,
                }),
                None => c.unowned_hours = per_team,
            },
            Column::Po if n == 0 => c.unowned_hours = h,
            Column::Po => {
                let portion = |k: usize| po_share(scope, h, k, n);
                c.shares = po_holders
                    .iter()
                    .map(|&(p, k)| Share {
                        person: p,
                        hours: portion(k),
                    })
                    .collect();
                if empty_po > 0 {
                    c.unowned_hours = portion(empty_po);
                }
            }
            Column::Unassigned => c.unassigned_hours = per_team,
        }
        for share in &c.shares {
            on_share(kind, card.column, share);
        }
        load.unowned_hours += c.unowned_hours;
        load.unassigned_hours += c.unassigned_hours;
        load.cards.push(c);
    }
    load
}

/// One person's hours, from the loads of the products: the products where they hold a seat
/// (`products`, ascending: the only ones whose cards can give them hours), card by card,
/// so the sums are [`compute`]'s to the last bit.
pub(crate) fn person_load(
    s: &Scenario,
    responsibility_index: &IdIndex,
    product_loads: &[ProductLoad],
    person: usize,
    products: &[usize],
) -> PersonLoad {
    let Some(p) = s.people.get(person) else {
        return PersonLoad::default();
    };
    let mut load = unloaded(p);
    for &index in products {
        let (Some(product), Some(product_load)) = (s.products.get(index), product_loads.get(index))
        else {
            continue;
        };
        for (card, c) in product.cards.iter().zip(&product_load.cards) {
            for share in c.shares.iter().filter(|sh| sh.person == person) {
                let (kind, _, _) = card_facts(s, responsibility_index, card);
                add(&mut load, index, kind, card.column, share.hours);
            }
        }
    }
    load
}
