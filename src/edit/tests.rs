//! Applying edits: card order, no-ops, seats and refused edits.

use super::*;
use crate::model::Column::{Pm, Po, Unassigned};
use crate::model::Kind::Strategy;
use crate::model::Method::Scrum;
use crate::model::Scope::Product;
use crate::testkit::Builder;

/// A board of three cards (person a in the PM seat, person b in the team's PO seat), for
/// the tests of this module and of `patch_tests`.
pub(super) fn board() -> Scenario {
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
