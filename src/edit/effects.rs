//! What a removal will change, said before it happens ("Lee holds 1 PM seat and 1 PO seat;
//! 2 cards' hours become unowned"), the workshop record included ("Lee owns 1 action; it
//! keeps “Lee” as a named owner").

use crate::analysis::Analysis;
use crate::model::{Column, Scenario};
use crate::num::{counted, hours};
use crate::record::{Decision, Owner};

use super::{Edit, short_text};

fn list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// One sentence about the things a removal touches (given their count and listed names),
/// or none when it touches nothing.
fn naming<'a>(
    things: impl Iterator<Item = &'a str>,
    sentence: impl FnOnce(usize, String) -> String,
) -> Vec<String> {
    let things: Vec<&str> = things.collect();
    if things.is_empty() {
        Vec::new()
    } else {
        vec![sentence(things.len(), list(&things))]
    }
}

/// Sentences saying what a removal changes besides the removed thing itself; empty when
/// nothing else refers to it. Other edits have no effects to announce.
pub fn removal_effects(s: &Scenario, a: &Analysis, edit: &Edit) -> Vec<String> {
    let mut out = match edit {
        Edit::RemovePerson(id) => person_effects(s, a, id),
        Edit::RemoveTeam(id) => team_effects(s, id),
        Edit::RemoveProduct(id) => product_effects(s, id),
        Edit::RemoveStakeholder(id) => {
            let served = s
                .responsibilities
                .iter()
                .filter(|r| r.stakeholders.iter().any(|x| x == id))
                .map(|r| r.title.as_str());
            naming(served, |n, names| {
                format!(
                    "{} no longer serve {}: {names}.",
                    counted(n, "responsibility", "responsibilities"),
                    s.name_of(id)
                )
            })
        }
        Edit::RemoveResponsibility(id) => {
            let boards = s
                .products
                .iter()
                .filter(|p| p.cards.iter().any(|c| c.responsibility == *id))
                .map(|p| p.name.as_str());
            naming(boards, |n, names| {
                format!(
                    "Its card leaves {}: {names}.",
                    counted(n, "board", "boards")
                )
            })
        }
        Edit::RemoveCard {
            product,
            responsibility,
        } => card_effects(s, a, product, responsibility),
        _ => Vec::new(),
    };
    out.extend(record_effects(s, edit));
    out
}

/// What a removal does to the workshop record: actions whose owner leaves, decisions that
/// lose their product or card.
fn record_effects(s: &Scenario, edit: &Edit) -> Vec<String> {
    let decisions = |matches: &dyn Fn(&Decision) -> bool, what: &str| {
        let texts: Vec<String> = s
            .record
            .decisions
            .iter()
            .filter(|d| matches(d))
            .map(|d| format!("“{}”", short_text(&d.text)))
            .collect();
        naming(texts.iter().map(String::as_str), |n, names| {
            format!(
                "{} kept without {what} (the text stays): {names}.",
                counted(n, "decision is", "decisions are")
            )
        })
    };
    match edit {
        Edit::RemovePerson(id) => {
            let Some(person) = s.person(id) else {
                return Vec::new();
            };
            let Owner::Named(stand_in) = Owner::named_after(&person.name, id) else {
                return Vec::new();
            };
            let owned: Vec<String> = s
                .record
                .actions
                .iter()
                .filter(|a| matches!(&a.owner, Some(Owner::Person(p)) if p == id))
                .map(|a| format!("“{}”", short_text(&a.text)))
                .collect();
            naming(owned.iter().map(String::as_str), |n, names| {
                let (them, keep) = if n == 1 {
                    ("it", "keeps")
                } else {
                    ("they", "keep")
                };
                format!(
                    "{} owns {}: {names}; {them} {keep} “{stand_in}” as a named owner.",
                    person.name,
                    counted(n, "action", "actions")
                )
            })
        }
        Edit::RemoveProduct(id) => decisions(&|d| d.product.as_ref() == Some(id), "a product"),
        Edit::RemoveResponsibility(id) => {
            decisions(&|d| d.responsibility.as_ref() == Some(id), "a card")
        }
        Edit::RemoveCard {
            product,
            responsibility,
        } => decisions(
            &|d| {
                d.product.as_ref() == Some(product)
                    && d.responsibility.as_ref() == Some(responsibility)
            },
            "a card",
        ),
        _ => Vec::new(),
    }
}

fn person_effects(s: &Scenario, a: &Analysis, id: &str) -> Vec<String> {
    let Some(index) = s.people.iter().position(|p| p.id == id) else {
        return Vec::new();
    };
    let name = s.name_of(id);
    let pm = a.seats.pm_of.get(index).map_or(0, Vec::len);
    let po = a.seats.po_of.get(index).map_or(0, Vec::len);
    if pm + po == 0 {
        return Vec::new();
    }
    let mut cards = 0;
    let mut lost = 0.0;
    for load in &a.loads.products {
        for card in &load.cards {
            let mine: f64 = card
                .shares
                .iter()
                .filter(|sh| sh.person == index)
                .map(|sh| sh.hours)
                .sum();
            if mine > 0.0 {
                cards += 1;
                lost += mine;
            }
        }
    }
    let seats = match (pm, po) {
        (0, po) => counted(po, "PO seat", "PO seats"),
        (pm, 0) => counted(pm, "PM seat", "PM seats"),
        (pm, po) => format!(
            "{} and {}",
            counted(pm, "PM seat", "PM seats"),
            counted(po, "PO seat", "PO seats")
        ),
    };
    let mut sentence = format!("{name} holds {seats}; the seats become empty");
    if cards > 0 {
        sentence.push_str(&format!(
            " and {} hours ({} h a week) become unowned",
            counted(cards, "card's", "cards'"),
            hours(lost)
        ));
    }
    sentence.push('.');
    vec![sentence]
}

fn team_effects(s: &Scenario, id: &str) -> Vec<String> {
    let Some(team) = s.team(id) else {
        return Vec::new();
    };
    let product = s.product(&team.product);
    let product_name = product.map_or(team.product.as_str(), |p| p.name.as_str());
    let teams = s.teams_of(&team.product).count();
    let mut out = vec![format!(
        "{} ({}{}) leaves {product_name}, which keeps {}.",
        team.name,
        counted(team.engineers as usize, "engineer", "engineers"),
        team.po
            .as_deref()
            .map(|p| format!(", PO {}", s.name_of(p)))
            .unwrap_or_default(),
        counted(teams.saturating_sub(1), "team", "teams")
    )];
    if let Some(p) = product {
        let po_cards = p.cards.iter().filter(|c| c.column == Column::Po).count();
        if po_cards > 0 {
            out.push(if teams > 1 {
                format!(
                    "Its share of the {} in the PO column goes to the other teams' POs or stops.",
                    counted(po_cards, "card", "cards")
                )
            } else {
                format!(
                    "The {} in the PO column become unowned: the product has no team left.",
                    counted(po_cards, "card", "cards")
                )
            });
        }
        let team_cards = p
            .cards
            .iter()
            .filter(|c| c.column != Column::Po)
            .filter(|c| {
                s.responsibility(&c.responsibility)
                    .is_some_and(|r| r.scope == crate::model::Scope::Team)
            })
            .count();
        if team_cards > 0 && teams > 1 {
            out.push(format!(
                "{} of team scope in PM or Unassigned count one team fewer.",
                counted(team_cards, "card", "cards")
            ));
        }
    }
    out
}

fn product_effects(s: &Scenario, id: &str) -> Vec<String> {
    let Some(product) = s.product(id) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let teams: Vec<&str> = s.teams_of(id).map(|t| t.name.as_str()).collect();
    if !teams.is_empty() {
        out.push(match teams.len() {
            1 => format!("Its team goes too: {}.", list(&teams)),
            n => format!("Its {n} teams go too: {}.", list(&teams)),
        });
    }
    if !product.cards.is_empty() {
        out.push(match product.cards.len() {
            1 => "Its card goes.".to_string(),
            n => format!("Its {n} cards go."),
        });
    }
    if let Some(pm) = &product.pm {
        out.push(format!("{} is no longer its PM.", s.name_of(pm)));
    }
    out
}

fn card_effects(s: &Scenario, a: &Analysis, product: &str, responsibility: &str) -> Vec<String> {
    let Some(p) = s.products.iter().position(|p| p.id == product) else {
        return Vec::new();
    };
    let Some(card) = s.products.get(p).and_then(|p| {
        p.cards
            .iter()
            .position(|c| c.responsibility == responsibility)
    }) else {
        return Vec::new();
    };
    let Some(load) = a.loads.products.get(p).and_then(|l| l.cards.get(card)) else {
        return Vec::new();
    };
    let carriers: Vec<&str> = load
        .shares
        .iter()
        .filter_map(|sh| s.people.get(sh.person))
        .map(|x| x.name.as_str())
        .collect();
    if carriers.is_empty() {
        return Vec::new();
    }
    let total: f64 = load.shares.iter().map(|sh| sh.hours).sum();
    vec![format!(
        "{} h a week come off {}.",
        hours(total),
        list(&carriers)
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column::{Pm, Po};
    use crate::model::Kind::{Execution, Strategy};
    use crate::model::Method::Scrum;
    use crate::model::Scope::{Product, Team};
    use crate::testkit::Builder;

    fn lee() -> Scenario {
        Builder::new("x")
            .person("lee", 40.0)
            .responsibility("vision", Strategy, Product, 3.0, &[])
            .responsibility("backlog", Execution, Team, 2.0, &[])
            .product("p", Some("lee"), &[("vision", Pm), ("backlog", Po)])
            .team("t", "p", 5, Scrum, Some("lee"))
            .build()
    }

    #[test]
    fn removing_a_seat_holder_names_the_seats_and_the_unowned_cards() {
        let s = lee();
        let a = crate::analyze(&s);
        assert_eq!(
            removal_effects(&s, &a, &Edit::RemovePerson("lee".into())),
            vec![
                "Lee holds 1 PM seat and 1 PO seat; the seats become empty and 2 cards' hours (5.0 h a week) become unowned."
            ]
        );
    }

    #[test]
    fn removing_a_product_names_its_teams() {
        let s = lee();
        let a = crate::analyze(&s);
        let effects = removal_effects(&s, &a, &Edit::RemoveProduct("p".into()));
        assert_eq!(
            effects,
            vec![
                "Its team goes too: T.",
                "Its 2 cards go.",
                "Lee is no longer its PM."
            ]
        );
    }
}
