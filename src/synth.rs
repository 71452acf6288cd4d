//! Synthetic organisations for benchmarks and tests: deterministic from a seed, of any
//! size, with every rule's trigger somewhere in them.

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
    s
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

    #[test]
    fn generated_organisations_are_valid_files() {
        let s = generate(Size::MEDIUM, 1);
        crate::validate::validate_scenario(&s).expect("valid");
        assert_eq!(s.products.len(), 100);
        assert_eq!(s.teams.len(), 400);
        assert!(s.products.iter().all(|p| p.cards.len() == 40));
    }
}
