//! Edits: every change to a scenario is one of these values, applied by [`apply`]. The
//! window records them for undo; suggestions propose them; tests replay them.

use crate::model::{Column, Scenario};

/// Where a moved card goes within its new column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// Keep the card where it is in the board's order (a move by menu or key).
    Keep,
    /// Put it just before the card of this responsibility (a drop onto a card).
    Before(String),
    /// Put it after the last card of its new column (a drop below the last card).
    End,
}

/// One change to a scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Moves a product's card to a column.
    MoveCard {
        product: String,
        responsibility: String,
        to: Column,
        place: Place,
    },
    /// Gives a product's PM seat to a person, or empties it.
    SetPm {
        product: String,
        person: Option<String>,
    },
    /// Gives a team's PO seat to a person, or empties it.
    SetPo {
        team: String,
        person: Option<String>,
    },
    /// Several edits as one step (one undo).
    Batch(Vec<Edit>),
}

impl Edit {
    /// A short description for menus and the undo history.
    pub fn describe(&self, s: &Scenario) -> String {
        match self {
            Edit::MoveCard {
                product,
                responsibility,
                to,
                ..
            } => format!(
                "Move “{}” on {} to {}",
                s.name_of(responsibility),
                s.name_of(product),
                to.label()
            ),
            Edit::SetPm { product, person } => match person {
                Some(p) => format!("Make {} PM of {}", s.name_of(p), s.name_of(product)),
                None => format!("Empty the PM seat of {}", s.name_of(product)),
            },
            Edit::SetPo { team, person } => match person {
                Some(p) => format!("Make {} PO of {}", s.name_of(p), s.name_of(team)),
                None => format!("Empty the PO seat of {}", s.name_of(team)),
            },
            Edit::Batch(edits) => match edits.as_slice() {
                [one] => one.describe(s),
                _ => format!("{} changes", edits.len()),
            },
        }
    }
}

/// Why an edit could not be applied; the scenario is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no product \"{0}\"")]
    NoProduct(String),
    #[error("there is no team \"{0}\"")]
    NoTeam(String),
    #[error("there is no person \"{0}\"")]
    NoPerson(String),
    #[error("product \"{product}\" has no card \"{responsibility}\"")]
    NoCard {
        product: String,
        responsibility: String,
    },
}

/// Applies an edit. Returns whether anything changed (`Ok(false)` for a no-op). On an
/// error nothing is changed, also for a batch whose later edit fails.
pub fn apply(s: &mut Scenario, edit: &Edit) -> Result<bool, EditError> {
    check(s, edit)?;
    Ok(mutate(s, edit))
}

/// Checks that every id an edit names exists.
fn check(s: &Scenario, edit: &Edit) -> Result<(), EditError> {
    let person = |p: &Option<String>| match p {
        Some(id) if s.person(id).is_none() => Err(EditError::NoPerson(id.clone())),
        _ => Ok(()),
    };
    match edit {
        Edit::MoveCard {
            product,
            responsibility,
            place,
            ..
        } => {
            let p = s
                .product(product)
                .ok_or_else(|| EditError::NoProduct(product.clone()))?;
            let no_card = |r: &str| EditError::NoCard {
                product: product.clone(),
                responsibility: r.to_string(),
            };
            if !p.cards.iter().any(|c| c.responsibility == *responsibility) {
                return Err(no_card(responsibility));
            }
            if let Place::Before(other) = place
                && !p.cards.iter().any(|c| c.responsibility == *other)
            {
                return Err(no_card(other));
            }
            Ok(())
        }
        Edit::SetPm { product, person: p } => {
            s.product(product)
                .ok_or_else(|| EditError::NoProduct(product.clone()))?;
            person(p)
        }
        Edit::SetPo { team, person: p } => {
            s.team(team)
                .ok_or_else(|| EditError::NoTeam(team.clone()))?;
            person(p)
        }
        Edit::Batch(edits) => {
            // Later edits may depend on earlier ones: check them in order on a copy.
            let mut copy = s.clone();
            for e in edits {
                check(&copy, e)?;
                mutate(&mut copy, e);
            }
            Ok(())
        }
    }
}

/// Applies a checked edit.
fn mutate(s: &mut Scenario, edit: &Edit) -> bool {
    match edit {
        Edit::MoveCard {
            product,
            responsibility,
            to,
            place,
        } => {
            let Some(p) = s.products.iter_mut().find(|p| p.id == *product) else {
                return false;
            };
            let Some(from) = p
                .cards
                .iter()
                .position(|c| c.responsibility == *responsibility)
            else {
                return false;
            };
            let before = p.cards.clone();
            let mut card = p.cards.remove(from);
            card.column = *to;
            let at = match place {
                Place::Keep => from,
                Place::End => p
                    .cards
                    .iter()
                    .rposition(|c| c.column == *to)
                    .map_or(from, |last| last + 1),
                Place::Before(other) => p
                    .cards
                    .iter()
                    .position(|c| c.responsibility == *other)
                    .unwrap_or(from),
            };
            p.cards.insert(at.min(p.cards.len()), card);
            p.cards != before
        }
        Edit::SetPm { product, person } => match s.products.iter_mut().find(|p| p.id == *product) {
            Some(p) if p.pm != *person => {
                p.pm = person.clone();
                true
            }
            _ => false,
        },
        Edit::SetPo { team, person } => match s.teams.iter_mut().find(|t| t.id == *team) {
            Some(t) if t.po != *person => {
                t.po = person.clone();
                true
            }
            _ => false,
        },
        Edit::Batch(edits) => edits
            .iter()
            .fold(false, |changed, e| mutate(s, e) | changed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column::{Pm, Po, Unassigned};
    use crate::model::Kind::Strategy;
    use crate::model::Method::Scrum;
    use crate::model::Scope::Product;
    use crate::testkit::Builder;

    fn board() -> Scenario {
        Builder::new("b")
            .person("a", 40.0)
            .person("b", 40.0)
            .responsibility("r1", Strategy, Product, 1.0, &[])
            .responsibility("r2", Strategy, Product, 1.0, &[])
            .responsibility("r3", Strategy, Product, 1.0, &[])
            .product("p", Some("a"), &[("r1", Pm), ("r2", Po), ("r3", Pm)])
            .team("t", "p", 5, Scrum, Some("b"))
            .build()
    }

    fn order(s: &Scenario) -> Vec<(&str, Column)> {
        s.products[0]
            .cards
            .iter()
            .map(|c| (c.responsibility.as_str(), c.column))
            .collect()
    }

    fn mv(r: &str, to: Column, place: Place) -> Edit {
        Edit::MoveCard {
            product: "p".into(),
            responsibility: r.into(),
            to,
            place,
        }
    }

    #[test]
    fn a_move_keeps_the_card_in_place_and_the_other_cards_in_order() {
        let mut s = board();
        assert_eq!(apply(&mut s, &mv("r1", Po, Place::Keep)), Ok(true));
        assert_eq!(order(&s), [("r1", Po), ("r2", Po), ("r3", Pm)]);
    }

    #[test]
    fn a_drop_before_a_card_or_at_the_end_reorders() {
        let mut s = board();
        apply(&mut s, &mv("r3", Po, Place::Before("r2".into()))).expect("applies");
        assert_eq!(order(&s), [("r1", Pm), ("r3", Po), ("r2", Po)]);
        apply(&mut s, &mv("r1", Po, Place::End)).expect("applies");
        assert_eq!(order(&s), [("r3", Po), ("r2", Po), ("r1", Po)]);
        apply(&mut s, &mv("r3", Unassigned, Place::End)).expect("applies");
        assert_eq!(
            order(&s),
            [("r3", Unassigned), ("r2", Po), ("r1", Po)],
            "an empty column keeps the place"
        );
    }

    #[test]
    fn a_no_op_changes_nothing() {
        let mut s = board();
        assert_eq!(apply(&mut s, &mv("r1", Pm, Place::Keep)), Ok(false));
        assert_eq!(
            apply(
                &mut s,
                &Edit::SetPm {
                    product: "p".into(),
                    person: Some("a".into())
                }
            ),
            Ok(false)
        );
        assert_eq!(s, board());
    }

    #[test]
    fn seats_change_and_empty() {
        let mut s = board();
        apply(
            &mut s,
            &Edit::SetPo {
                team: "t".into(),
                person: Some("a".into()),
            },
        )
        .expect("applies");
        assert_eq!(s.teams[0].po.as_deref(), Some("a"));
        apply(
            &mut s,
            &Edit::SetPm {
                product: "p".into(),
                person: None,
            },
        )
        .expect("applies");
        assert_eq!(s.products[0].pm, None);
    }

    #[test]
    fn unknown_ids_are_refused_and_change_nothing() {
        let mut s = board();
        for (edit, error) in [
            (
                mv("nope", Po, Place::Keep),
                EditError::NoCard {
                    product: "p".into(),
                    responsibility: "nope".into(),
                },
            ),
            (
                Edit::SetPm {
                    product: "x".into(),
                    person: None,
                },
                EditError::NoProduct("x".into()),
            ),
            (
                Edit::SetPo {
                    team: "t".into(),
                    person: Some("zed".into()),
                },
                EditError::NoPerson("zed".into()),
            ),
            (
                Edit::Batch(vec![
                    mv("r1", Po, Place::Keep),
                    Edit::SetPo {
                        team: "q".into(),
                        person: None,
                    },
                ]),
                EditError::NoTeam("q".into()),
            ),
        ] {
            assert_eq!(apply(&mut s, &edit), Err(error));
            assert_eq!(s, board());
        }
    }
}
