//! Synthetic organisations for benchmarks and tests: deterministic from a seed, of any
//! size, with every rule's trigger somewhere in them. Built for the crate's own tests and
//! with the `testkit` feature only.

use crate::checklist::{Checklist, Question};
use crate::model::{
    Card, Column, Horizon, Kind, Market, Method, Person, Product, Responsibility, Scenario, Scope,
    Side, Stakeholder, Team,
};

/// How large an organisation to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub products: usize,
    pub teams_per_product: usize,
    pub cards_per_board: usize,
}

impl Size {
    /// 1,000 products × 4 teams × 40 cards: 5,000 people.
    pub const LARGE: Size = Size {
        products: 1000,
        teams_per_product: 4,
        cards_per_board: 40,
    };
    /// 100 products × 4 teams × 40 cards: 500 people.
    pub const MEDIUM: Size = Size {
        products: 100,
        teams_per_product: 4,
        cards_per_board: 40,
    };
}

/// A small, fast pseudo-random generator (SplitMix64): the same seed, the same numbers.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when n is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }
}

const STAKEHOLDERS: [(&str, &str, Side); 6] = [
    ("leadership", "Leadership", Side::External),
    ("sales", "Sales", Side::External),
    ("customers", "Customers", Side::External),
    ("partners", "Partners", Side::External),
    ("devteam", "Development team", Side::Internal),
    ("qa", "QA", Side::Internal),
];

/// An organisation of the given size: one PM per product and one PO per team, each its
/// own person, with deliberate trouble mixed in (shared and combined seats, empty seats,
/// Kanban teams, parked cards, an uncovered stakeholder, overloaded people).
pub fn generate(size: Size, seed: u64) -> Scenario {
    let mut rng = Rng::new(seed);
    let mut s = Scenario {
        name: format!(
            "Synthetic: {} products × {} teams × {} cards",
            size.products, size.teams_per_product, size.cards_per_board
        ),
        description: format!("Generated from seed {seed} for benchmarks and tests."),
        ..Scenario::default()
    };
    s.stakeholders = STAKEHOLDERS
        .iter()
        .map(|&(id, name, side)| Stakeholder {
            id: id.into(),
            name: name.into(),
            side,
        })
        .collect();
    let horizons = [Horizon::Sprint, Horizon::Quarter, Horizon::Year];
    for r in 0..size.cards_per_board.max(1) {
        let kind = if r % 2 == 0 {
            Kind::Strategy
        } else {
            Kind::Execution
        };
        let scope = if r % 3 == 0 {
            Scope::Team
        } else {
            Scope::Product
        };
        // "partners" (index 3) is never served: one stakeholder-uncovered finding.
        let stakeholder = [0, 1, 2, 4, 5][r % 5];
        s.responsibilities.push(Responsibility {
            id: format!("r{r}"),
            title: format!("Responsibility {r}"),
            description: String::new(),
            kind,
            scope,
            horizon: horizons[r % 3],
            hours: 0.25 * (1 + rng.below(6)) as f64,
            stakeholders: vec![STAKEHOLDERS[stakeholder].0.to_string()],
            source: "003".into(),
        });
    }
    let person = |s: &mut Scenario, rng: &mut Rng| -> String {
        let i = s.people.len();
        let id = format!("p{i}");
        s.people.push(Person {
            id: id.clone(),
            name: format!("Person {i}"),
            capacity_hours: if rng.chance(10) { 32.0 } else { 40.0 },
            other_hours: if rng.chance(20) { 4.0 } else { 0.0 },
            annual_cost: rng
                .chance(50)
                .then(|| 90_000.0 + 1_000.0 * rng.below(80) as f64),
        });
        id
    };

    let mut previous_pm: Option<String> = None;
    for p in 0..size.products {
        // Every 50th product shares the previous product's PM, who also takes a PO seat
        // below: a combined role over several products.
        let shared_pm = if p % 50 == 49 {
            previous_pm.clone()
        } else {
            None
        };
        let pm = match shared_pm.clone() {
            Some(pm) => pm,
            None => person(&mut s, &mut rng),
        };
        previous_pm = Some(pm.clone());
        let mut checklist = Checklist::default();
        if rng.chance(30) {
            checklist.set(
                Question::ALL[rng.below(Question::ALL.len())],
                Some(rng.chance(50)),
            );
        }
        let cards = (0..size.cards_per_board)
            .map(|c| {
                let column = match rng.below(20) {
                    0 => Column::Unassigned,
                    n if n < 10 => Column::Pm,
                    _ => Column::Po,
                };
                let mut card = Card::new(format!("r{c}"), column);
                if rng.chance(5) {
                    card.hours = Some(0.5 * rng.below(8) as f64);
                }
                card
            })
            .collect();
        let product_id = format!("prod{p}");
        s.products.push(Product {
            id: product_id.clone(),
            name: format!("Product {p}"),
            market: if rng.chance(50) {
                Market::Evolving
            } else {
                Market::Stable
            },
            stage: None,
            // A few products have an empty PM seat: unowned work.
            pm: (!rng.chance(3)).then(|| pm.clone()),
            pm_locked: false,
            checklist,
            cards,
        });
        let mut previous_po: Option<String> = None;
        for t in 0..size.teams_per_product {
            let po = match rng.below(100) {
                _ if t == 0 && shared_pm.is_some() => shared_pm.clone(),
                // The PM is also PO of this team: a combined role.
                0..=4 => Some(pm.clone()),
                // The PO of the previous team takes this one too.
                5..=9 if previous_po.is_some() => previous_po.clone(),
                // An empty seat.
                10..=12 => None,
                _ => Some(person(&mut s, &mut rng)),
            };
            let method = if rng.chance(10) {
                Method::Kanban
            } else {
                Method::Scrum
            };
            s.teams.push(Team {
                id: format!("team{p}-{t}"),
                name: format!("Team {p}.{t}"),
                product: product_id.clone(),
                engineers: 3 + rng.below(10) as u32,
                method,
                po: po.clone(),
                po_locked: false,
            });
            previous_po = po;
        }
    }
    // People without a seat bring the head count to one person per seat.
    while s.people.len() < size.products * (size.teams_per_product + 1) {
        person(&mut s, &mut rng);
    }
    plant_every_rule(&mut s);
    s
}

/// Rewrites the first three products so that every rule of domain.md fires whatever the
/// seed, instead of by the luck of the draw. It draws no random numbers, so the rest of
/// the organisation is what the seed made. Needs 3 products, 2 teams each and 4 cards a
/// board (responsibilities r0 strategy/team, r1 execution/product, r2 strategy/product, r3
/// execution/team); smaller organisations are left as drawn.
///
/// - Product 0: its PM (p0) is also PO of all its teams and has 40 h of other duties, with
///   every strategy card in PM and every execution card in PO at 1 h: overload,
///   hybrid-overload, combined-role-beyond-one-team, po-multiple-teams, split-at-scale.
/// - Products 1 and 2 share a PM (p1) who is also PO of team 1.0, with one strategy card
///   (r2, 0.25 h) and every execution card (1 h) in PM: strategy-starved,
///   combined-role-multiple-products; their other strategy cards are parked
///   (unassigned-cards), except r0 on product 2, which goes to PO.
/// - Team 1.1 works in Kanban with a PO (po-outside-scrum); team 2.0 is a Scrum team with
///   no PO (scrum-team-without-po) on whose empty seat r0's hours land (unowned-work);
///   team 2.1's PO (p2) gets only r0, strategy work, from product 2's PO column
///   (po-strategy-work).
/// - "partners" is never served anywhere (stakeholder-uncovered).
fn plant_every_rule(s: &mut Scenario) {
    let teams_per_product = match s.products.first() {
        Some(first) => s.teams.iter().filter(|t| t.product == first.id).count(),
        None => 0,
    };
    let cards = s.responsibilities.len();
    if s.products.len() < 3 || teams_per_product < 2 || cards < 4 || s.people.len() < 3 {
        return;
    }
    let (a, c, d) = ("p0".to_string(), "p1".to_string(), "p2".to_string());
    if let Some(p) = s.people.iter_mut().find(|p| p.id == a) {
        p.capacity_hours = 40.0;
        p.other_hours = 40.0;
    }
    let kind_of = |s: &Scenario, r: &str| {
        s.responsibilities
            .iter()
            .find(|x| x.id == r)
            .map(|x| x.kind)
    };
    for product in 0..3 {
        let Some(p) = s.products.get(product) else {
            return;
        };
        let product_id = p.id.clone();
        let columns: Vec<(Column, Option<f64>)> = p
            .cards
            .iter()
            .map(|card| {
                let strategy = kind_of(s, &card.responsibility) == Some(Kind::Strategy);
                match (product, strategy, card.responsibility.as_str()) {
                    (0, true, _) => (Column::Pm, Some(1.0)),
                    (0, false, _) => (Column::Po, Some(1.0)),
                    (_, true, "r2") => (Column::Pm, Some(0.25)),
                    (2, true, "r0") => (Column::Po, None),
                    (_, true, _) => (Column::Unassigned, None),
                    (_, false, _) => (Column::Pm, Some(1.0)),
                }
            })
            .collect();
        let Some(p) = s.products.get_mut(product) else {
            return;
        };
        p.pm = Some(if product == 0 { a.clone() } else { c.clone() });
        for (card, (column, hours)) in p.cards.iter_mut().zip(columns) {
            card.column = column;
            card.hours = hours;
        }
        for (t, team) in s
            .teams
            .iter_mut()
            .filter(|t| t.product == product_id)
            .enumerate()
        {
            team.po = match (product, t) {
                (0, _) => Some(a.clone()),
                (1, 0) => Some(c.clone()),
                (2, 0) => None,
                _ => Some(d.clone()),
            };
            match (product, t) {
                (1, 1) => team.method = Method::Kanban,
                (2, 0) => team.method = Method::Scrum,
                _ => {}
            }
        }
    }
    // 200 engineers in all, so that holding both seats is a split-at-scale finding.
    let total: u32 = s.teams.iter().map(|t| t.engineers).sum();
    if let Some(first) = s.teams.first_mut() {
        first.engineers += 200u32.saturating_sub(total);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_organisation() {
        let size = Size {
            products: 5,
            teams_per_product: 3,
            cards_per_board: 8,
        };
        assert_eq!(generate(size, 7), generate(size, 7));
        assert_ne!(generate(size, 7), generate(size, 8));
    }

    /// The rules that fire in an organisation, by id.
    fn rules_fired(s: &Scenario) -> Vec<&'static str> {
        let mut fired: Vec<&str> = crate::analyze(s)
            .findings
            .iter()
            .map(|f| f.rule.id())
            .collect();
        fired.sort_unstable();
        fired.dedup();
        fired
    }

    #[test]
    fn every_rule_fires_for_every_seed_and_size() {
        let mut all: Vec<&str> = crate::findings::Rule::ALL.iter().map(|r| r.id()).collect();
        all.sort_unstable();
        let smallest = Size {
            products: 3,
            teams_per_product: 2,
            cards_per_board: 4,
        };
        let small = Size {
            products: 5,
            teams_per_product: 3,
            cards_per_board: 8,
        };
        for size in [smallest, small, Size::MEDIUM] {
            for seed in [0, 1, 2, 3, 7, 42] {
                let s = generate(size, seed);
                assert_eq!(rules_fired(&s), all, "{size:?}, seed {seed}");
            }
        }
        assert_eq!(
            rules_fired(&generate(Size::LARGE, 42)),
            all,
            "large, seed 42"
        );
    }

    #[test]
    fn smaller_organisations_than_the_plant_needs_are_left_as_drawn() {
        let size = Size {
            products: 2,
            teams_per_product: 1,
            cards_per_board: 2,
        };
        let s = generate(size, 3);
        crate::validate::validate_scenario(&s).expect("valid");
        assert_eq!(s.products.len(), 2);
        assert!(
            s.people.iter().all(|p| p.other_hours < 40.0),
            "nobody was given the planted 40 h of other duties"
        );
    }

    #[test]
    fn generated_organisations_are_valid_files() {
        let s = generate(Size::MEDIUM, 1);
        crate::validate::validate_scenario(&s).expect("valid");
        let text = crate::write::scenario_to_string(&s);
        assert_eq!(
            crate::parse::scenario_from_str(&text).expect("the written file loads"),
            s
        );
        assert_eq!(s.products.len(), 100);
        assert_eq!(s.teams.len(), 400);
        assert!(s.products.iter().all(|p| p.cards.len() == 40));
    }
}
