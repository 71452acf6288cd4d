//! The analysed scenario, indexed for the search: candidate edits by index, the facts of
//! every card, per-product sums of hours by column, and who holds which seat after a few
//! edits.

use crate::analysis::Analysis;
use crate::load::product_hours;
use crate::model::{Column, Kind, Person, Scenario, Scope, index_by_id};
use crate::num::positive;

use super::eval::{Outcome, PersonEval};
use super::trouble::Trouble;

/// One candidate edit, by index into the scenario's lists. A person index at or above the
/// number of people names the placeholder "to hire" of the seat being given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Cand {
    /// Moves card `card` of product `product` to a column.
    Move {
        product: usize,
        card: usize,
        to: Column,
    },
    /// Gives a product's PM seat to a person (or its placeholder).
    Pm { product: usize, person: usize },
    /// Gives a team's PO seat to a person (or its placeholder).
    Po { team: usize, person: usize },
}

impl Cand {
    /// The seat a candidate gives and the person it goes to; `None` for a card move.
    pub fn seat(&self) -> Option<(Seat, usize)> {
        match *self {
            Cand::Move { .. } => None,
            Cand::Pm { product, person } => Some((Seat::Pm(product), person)),
            Cand::Po { team, person } => Some((Seat::Po(team), person)),
        }
    }
}

/// A seat: a product's PM seat or a team's PO seat, by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Seat {
    Pm(usize),
    Po(usize),
}

/// What the search needs to know about one card.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CardFact {
    pub kind: Kind,
    pub scope: Scope,
    pub hours: f64,
    pub column: Column,
    pub responsibility: usize,
    pub pinned: bool,
    /// Whether its hours reach a person (it covers its stakeholders).
    pub carried: bool,
}

/// The hours of a product's cards by column and kind (index 0 strategy, 1 execution), as
/// they land on a seat: the PM column's hours per team scope already multiplied; the PO
/// column's split by scope, for the holders to take k (Team) or k / n (Product) of.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct ColumnSums {
    pub pm: [f64; 2],
    pub po_team: [f64; 2],
    pub po_product: [f64; 2],
}

impl ColumnSums {
    /// Adds (`sign` 1.0) or takes away (−1.0) a card's hours in a column.
    pub fn add(&mut self, card: &CardFact, column: Column, teams: usize, sign: f64) {
        let kind = match card.kind {
            Kind::Strategy => 0,
            Kind::Execution => 1,
        };
        let h = card.hours;
        let slot = match (column, card.scope) {
            (Column::Pm, scope) => self
                .pm
                .get_mut(kind)
                .map(|x| (x, product_hours(scope, h, teams))),
            (Column::Po, Scope::Team) => self.po_team.get_mut(kind).map(|x| (x, h)),
            (Column::Po, Scope::Product) => self.po_product.get_mut(kind).map(|x| (x, h)),
            (Column::Unassigned, _) => None,
        };
        if let Some((x, hours)) = slot {
            *x += sign * hours;
        }
    }
}

/// The analysed scenario, indexed for quick evaluation of edits.
pub(crate) struct Context<'a> {
    pub s: &'a Scenario,
    pub a: &'a Analysis,
    /// Per product, per card.
    pub cards: Vec<Vec<CardFact>>,
    /// Per product.
    pub sums: Vec<ColumnSums>,
    /// Per team: its product's index.
    pub team_product: Vec<Option<usize>>,
    /// The placeholder of each seat: products' PM seats, then teams' PO seats.
    pub hires: Vec<Person>,
    pub before: Outcome,
    /// Per responsibility: the stakeholders (indices) it serves.
    pub resp_stakeholders: Vec<Vec<usize>>,
    /// Per responsibility: how many cards carry it to someone.
    pub carried_count: Vec<usize>,
    /// Per stakeholder: how many carried responsibilities serve it.
    pub served: Vec<usize>,
    /// Per person, as they are.
    pub people: Vec<PersonEval>,
}

impl<'a> Context<'a> {
    /// Indexes an analysed scenario; `hires` has one placeholder per seat (see
    /// [`Context::hire_index`]).
    pub fn new(s: &'a Scenario, a: &'a Analysis, hires: Vec<Person>) -> Context<'a> {
        let resp_index = index_by_id(&s.responsibilities, |r| &r.id);
        let stakeholder_index = index_by_id(&s.stakeholders, |x| &x.id);
        let resp_stakeholders: Vec<Vec<usize>> = s
            .responsibilities
            .iter()
            .map(|r| {
                let mut v: Vec<usize> = r
                    .stakeholders
                    .iter()
                    .filter_map(|x| stakeholder_index.get(x.as_str()).copied())
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let mut carried_count = vec![0usize; s.responsibilities.len()];
        let mut cards = Vec::with_capacity(s.products.len());
        let mut sums = Vec::with_capacity(s.products.len());
        for (p, product) in s.products.iter().enumerate() {
            let loads = a
                .loads
                .products
                .get(p)
                .map_or(&[][..], |l| l.cards.as_slice());
            let teams = a.seats.teams_of.get(p).map_or(0, Vec::len);
            let mut facts = Vec::with_capacity(product.cards.len());
            let mut sum = ColumnSums::default();
            for (j, card) in product.cards.iter().enumerate() {
                // A card whose responsibility does not resolve (never in a valid scenario)
                // counts as a zero-hour card, as `load` counts it, and is never moved.
                let r = resp_index
                    .get(card.responsibility.as_str())
                    .copied()
                    .unwrap_or(usize::MAX);
                let (kind, scope, hours) = s
                    .responsibilities
                    .get(r)
                    .map_or((Kind::Execution, Scope::Product, 0.0), |x| {
                        (x.kind, x.scope, x.hours)
                    });
                let carried = loads
                    .get(j)
                    .is_some_and(|c| c.shares.iter().any(|sh| positive(sh.hours)));
                if carried && let Some(n) = carried_count.get_mut(r) {
                    *n += 1;
                }
                let fact = CardFact {
                    kind,
                    scope,
                    hours: card.hours.unwrap_or(hours),
                    column: card.column,
                    responsibility: r,
                    pinned: card.pinned || r == usize::MAX,
                    carried,
                };
                sum.add(&fact, fact.column, teams, 1.0);
                facts.push(fact);
            }
            cards.push(facts);
            sums.push(sum);
        }
        let mut served = vec![0usize; s.stakeholders.len()];
        for (r, &n) in carried_count.iter().enumerate() {
            if n > 0 {
                for &x in resp_stakeholders.get(r).map_or(&[][..], Vec::as_slice) {
                    if let Some(c) = served.get_mut(x) {
                        *c += 1;
                    }
                }
            }
        }
        let product_index = index_by_id(&s.products, |p| &p.id);
        let team_product = s
            .teams
            .iter()
            .map(|t| product_index.get(t.product.as_str()).copied())
            .collect();
        let mut ctx = Context {
            s,
            a,
            cards,
            sums,
            team_product,
            hires,
            before: Outcome {
                trouble: Trouble::of(a),
                cost: a.leadership_cost,
            },
            resp_stakeholders,
            carried_count,
            served,
            people: Vec::new(),
        };
        ctx.people = (0..s.people.len())
            .map(|x| ctx.person_eval(x, &[]))
            .collect();
        ctx
    }

    /// The number of people in the scenario (placeholders come after them).
    pub fn people_len(&self) -> usize {
        self.s.people.len()
    }

    /// The person index of a seat's placeholder: `people + product` for a PM seat,
    /// `people + products + team` for a PO seat.
    pub fn hire_index(&self, seat: Seat) -> usize {
        match seat {
            Seat::Pm(p) => self.people_len() + p,
            Seat::Po(t) => self.people_len() + self.s.products.len() + t,
        }
    }

    /// The placeholder with this person index.
    pub fn hire(&self, person: usize) -> Option<&Person> {
        person
            .checked_sub(self.people_len())
            .and_then(|i| self.hires.get(i))
    }

    /// The person in a seat after the edits (the first edit that gives it decides).
    pub fn holder(&self, changes: &[Cand], seat: Seat) -> Option<usize> {
        if let Some((_, person)) = changes
            .iter()
            .find_map(|c| c.seat().filter(|&(s, _)| s == seat))
        {
            return Some(person);
        }
        match seat {
            Seat::Pm(product) => self.a.seats.pm.get(product).copied().flatten(),
            Seat::Po(team) => self.a.seats.po.get(team).copied().flatten(),
        }
    }

    /// The person in a product's PM seat after the edits.
    pub fn pm(&self, changes: &[Cand], product: usize) -> Option<usize> {
        self.holder(changes, Seat::Pm(product))
    }

    /// The person in a team's PO seat after the edits.
    pub fn po(&self, changes: &[Cand], team: usize) -> Option<usize> {
        self.holder(changes, Seat::Po(team))
    }

    /// The column of a card after the edits.
    pub fn column(&self, changes: &[Cand], product: usize, card: usize, base: Column) -> Column {
        for c in changes {
            if let Cand::Move {
                product: p,
                card: j,
                to,
            } = *c
                && p == product
                && j == card
            {
                return to;
            }
        }
        base
    }

    /// A product's teams (indices), in file order.
    pub fn teams_of(&self, product: usize) -> &[usize] {
        self.a
            .seats
            .teams_of
            .get(product)
            .map_or(&[][..], Vec::as_slice)
    }

    /// The product a candidate is about.
    pub fn product_of(&self, c: &Cand) -> Option<usize> {
        match *c {
            Cand::Move { product, .. } | Cand::Pm { product, .. } => Some(product),
            Cand::Po { team, .. } => self.team_product.get(team).copied().flatten(),
        }
    }

    /// The products the edits touch and the people whose numbers they may change (the seat
    /// holders of those products, before and after). Sorted, without repeats.
    pub fn touched(&self, changes: &[Cand]) -> (Vec<usize>, Vec<usize>) {
        let mut products: Vec<usize> = changes.iter().filter_map(|c| self.product_of(c)).collect();
        products.sort_unstable();
        products.dedup();
        let mut people = Vec::new();
        for &p in &products {
            self.holders(changes, p, &mut people);
        }
        people.sort_unstable();
        people.dedup();
        (products, people)
    }

    /// Adds the people in a product's seats, before and after the edits, to `out`.
    pub fn holders(&self, changes: &[Cand], product: usize, out: &mut Vec<usize>) {
        out.extend(self.a.seats.pm.get(product).copied().flatten());
        out.extend(self.pm(changes, product));
        for &t in self.teams_of(product) {
            out.extend(self.a.seats.po.get(t).copied().flatten());
            out.extend(self.po(changes, t));
        }
    }

    /// The seats a person holds after the edits: (PM of products, PO of teams), in file order.
    pub fn seats_after(&self, x: usize, changes: &[Cand]) -> (Vec<usize>, Vec<usize>) {
        let base_pm = self.a.seats.pm_of.get(x).map_or(&[][..], Vec::as_slice);
        let base_po = self.a.seats.po_of.get(x).map_or(&[][..], Vec::as_slice);
        let mut pm_of: Vec<usize> = base_pm
            .iter()
            .copied()
            .filter(|&p| self.pm(changes, p) == Some(x))
            .collect();
        let mut po_of: Vec<usize> = base_po
            .iter()
            .copied()
            .filter(|&t| self.po(changes, t) == Some(x))
            .collect();
        for c in changes {
            match *c {
                Cand::Pm { product, person } if person == x && !pm_of.contains(&product) => {
                    pm_of.push(product);
                }
                Cand::Po { team, person } if person == x && !po_of.contains(&team) => {
                    po_of.push(team);
                }
                _ => {}
            }
        }
        pm_of.sort_unstable();
        po_of.sort_unstable();
        (pm_of, po_of)
    }
}
