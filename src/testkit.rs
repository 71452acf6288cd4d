//! A compact way to build scenarios in code, for tests, benchmarks and examples. Built for
//! the crate's own tests and with the `testkit` feature only.

use crate::model::{
    Card, Column, Horizon, Kind, Market, Method, Person, Product, Responsibility, Scenario, Scope,
    Side, Stakeholder, Team,
};

/// Builds a scenario step by step; every method returns the builder.
#[derive(Clone, Debug, Default)]
pub struct Builder {
    pub scenario: Scenario,
}

impl Builder {
    pub fn new(name: &str) -> Builder {
        Builder {
            scenario: Scenario {
                name: name.into(),
                ..Scenario::default()
            },
        }
    }

    /// The small board most tests start from: Pat and Olga; vision (3 h, strategy) in PM,
    /// backlog (4 h, execution, team scope) in PO and research (2 h, strategy) parked on
    /// the board of shop, whose PM is Pat. Teams are the caller's to add.
    pub fn small_board(name: &str) -> Builder {
        use Column::{Pm, Po, Unassigned};
        Builder::new(name)
            .person("pat", 40.0)
            .person("olga", 40.0)
            .responsibility("vision", Kind::Strategy, Scope::Product, 3.0, &[])
            .responsibility("backlog", Kind::Execution, Scope::Team, 4.0, &[])
            .responsibility("research", Kind::Strategy, Scope::Product, 2.0, &[])
            .product(
                "shop",
                Some("pat"),
                &[("vision", Pm), ("backlog", Po), ("research", Unassigned)],
            )
    }

    /// A person with this capacity and no other duties.
    pub fn person(mut self, id: &str, capacity_hours: f64) -> Builder {
        self.scenario.people.push(Person {
            id: id.into(),
            name: capitalised(id),
            capacity_hours,
            other_hours: 0.0,
            annual_cost: None,
        });
        self
    }

    /// Sets the other duties of the last person added.
    pub fn other_hours(mut self, hours: f64) -> Builder {
        if let Some(p) = self.scenario.people.last_mut() {
            p.other_hours = hours;
        }
        self
    }

    /// Sets the annual cost of the last person added.
    pub fn cost(mut self, dollars: f64) -> Builder {
        if let Some(p) = self.scenario.people.last_mut() {
            p.annual_cost = Some(dollars);
        }
        self
    }

    pub fn stakeholder(mut self, id: &str, side: Side) -> Builder {
        self.scenario.stakeholders.push(Stakeholder {
            id: id.into(),
            name: capitalised(id),
            side,
        });
        self
    }

    /// A responsibility; `stakeholders` are ids of stakeholders added before or after.
    pub fn responsibility(
        mut self,
        id: &str,
        kind: Kind,
        scope: Scope,
        hours: f64,
        stakeholders: &[&str],
    ) -> Builder {
        self.scenario.responsibilities.push(Responsibility {
            id: id.into(),
            title: capitalised(id),
            description: String::new(),
            kind,
            scope,
            horizon: Horizon::Quarter,
            hours,
            stakeholders: stakeholders.iter().map(|s| s.to_string()).collect(),
            source: String::new(),
        });
        self
    }

    /// A product with its PM seat and its cards (responsibility id, column).
    pub fn product(mut self, id: &str, pm: Option<&str>, cards: &[(&str, Column)]) -> Builder {
        self.scenario.products.push(Product {
            id: id.into(),
            name: capitalised(id),
            market: Market::Stable,
            stage: None,
            pm: pm.map(str::to_string),
            pm_locked: false,
            checklist: Default::default(),
            cards: cards.iter().map(|(r, c)| Card::new(*r, *c)).collect(),
        });
        self
    }

    /// Overrides the hours of a card of the last product added.
    pub fn card_hours(mut self, responsibility: &str, hours: f64) -> Builder {
        if let Some(card) = self.scenario.products.last_mut().and_then(|p| {
            p.cards
                .iter_mut()
                .find(|c| c.responsibility == responsibility)
        }) {
            card.hours = Some(hours);
        }
        self
    }

    /// Sets the market of the last product added.
    pub fn market(mut self, market: Market) -> Builder {
        if let Some(p) = self.scenario.products.last_mut() {
            p.market = market;
        }
        self
    }

    pub fn team(
        mut self,
        id: &str,
        product: &str,
        engineers: u32,
        method: Method,
        po: Option<&str>,
    ) -> Builder {
        self.scenario.teams.push(Team {
            id: id.into(),
            name: capitalised(id),
            product: product.into(),
            engineers,
            method,
            po: po.map(str::to_string),
            po_locked: false,
        });
        self
    }

    pub fn build(self) -> Scenario {
        self.scenario
    }
}

/// A shop whose PM is Pat, with two Scrum teams of 6 engineers whose POs are Olga and Ivan:
/// vision (3 h, strategy) in PM, backlog (4 h a team, execution) in PO, research (2 h,
/// strategy) parked. Tests add to it.
pub fn shop_with_two_teams(name: &str) -> Builder {
    Builder::small_board(name)
        .person("ivan", 40.0)
        .team("a", "shop", 6, Method::Scrum, Some("olga"))
        .team("b", "shop", 6, Method::Scrum, Some("ivan"))
}

fn capitalised(id: &str) -> String {
    let mut chars = id.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
