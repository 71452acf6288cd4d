//! Applying edits in place with a patch: the same results and errors as [`applied`], a
//! patch that holds only what changed, undo and redo by swapping it.

use super::tests::board;
use super::*;
use crate::changes::{Changes, ListChange};
use crate::model::Column::{Pm, Po};

fn moved() -> Edit {
    Edit::MoveCard {
        product: "p".into(),
        responsibility: "r1".into(),
        to: Po,
        place: Place::Keep,
    }
}

#[test]
fn a_card_move_keeps_only_its_product_and_swaps_back_and_forth() {
    let original = board();
    let mut s = original.clone();
    let mut patch = apply_recorded(&mut s, &moved(), true)
        .expect("applies")
        .expect("a change");
    assert_eq!(
        Some(&s),
        applied(&original, &moved()).expect("applies").as_ref()
    );
    assert_eq!(
        patch.changes(&s),
        Changes {
            products: ListChange::Items(vec![0]),
            ..Changes::default()
        },
        "product p, index 0, changed in place"
    );
    let after = s.clone();
    patch.swap(&mut s);
    assert_eq!(s, original, "undone");
    patch.swap(&mut s);
    assert_eq!(s, after, "redone");
}

#[test]
fn a_patch_holds_what_changed_not_the_file() {
    let size = crate::synth::Size {
        products: 20,
        teams_per_product: 4,
        cards_per_board: 40,
    };
    let mut s = crate::synth::generate(size, 7);
    let whole = ScenarioPatch::capture(
        &s,
        &footprint::Footprint {
            unknown: true,
            ..Default::default()
        },
    );
    let card = s.products[3].cards[0].clone();
    let edit = Edit::MoveCard {
        product: s.products[3].id.clone(),
        responsibility: card.responsibility,
        to: if card.column == Pm { Po } else { Pm },
        place: Place::Keep,
    };
    let patch = apply_recorded(&mut s, &edit, true)
        .expect("applies")
        .expect("a change");
    assert!(
        patch.bytes() * 10 < whole.bytes(),
        "one board, {} bytes, against the scenario, {} bytes",
        patch.bytes(),
        whole.bytes()
    );
}

#[test]
fn a_refused_edit_leaves_the_scenario_as_it_was_with_applieds_error() {
    let original = board();
    let too_much = Edit::UpdatePerson(crate::model::Person {
        capacity_hours: 500.0,
        ..original.people[1].clone()
    });
    // The first edit of the batch applies, the second is refused: nothing stays.
    let batch = Edit::Batch(vec![moved(), too_much.clone()]);
    for edit in [too_much, batch] {
        let mut s = original.clone();
        let in_place = apply_recorded(&mut s, &edit, true);
        assert_eq!(
            in_place.as_ref().err(),
            applied(&original, &edit).err().as_ref()
        );
        assert!(
            matches!(in_place, Err(EditError::Invalid(_))),
            "{in_place:?}"
        );
        assert_eq!(s, original);
    }
    let mut s = original.clone();
    let missing = Edit::SetPo {
        team: "nope".into(),
        person: None,
    };
    assert_eq!(
        apply_recorded(&mut s, &missing, true),
        Err(EditError::NoTeam("nope".into()))
    );
    assert_eq!(s, original);
}

#[test]
fn a_no_op_gives_no_patch() {
    let mut s = board();
    let same = Edit::MoveCard {
        product: "p".into(),
        responsibility: "r1".into(),
        to: Pm,
        place: Place::Keep,
    };
    assert_eq!(apply_recorded(&mut s, &same, true), Ok(None));
    assert_eq!(s, board());
}

#[test]
fn a_removal_keeps_the_removed_item_and_the_seats_it_emptied() {
    let original = board();
    let mut s = original.clone();
    let mut patch = apply_recorded(&mut s, &Edit::RemovePerson("a".into()), true)
        .expect("applies")
        .expect("a change");
    assert_eq!(s.people.len(), 1);
    assert_eq!(s.products[0].pm, None);
    let changes = patch.changes(&s);
    assert_eq!(changes.people, ListChange::Reshaped);
    assert_eq!(
        changes.products,
        ListChange::Items(vec![0]),
        "the seat it emptied"
    );
    patch.swap(&mut s);
    assert_eq!(s, original);
}

#[test]
fn patches_of_one_burst_join_into_one() {
    let original = board();
    let mut s = original.clone();
    let rename = |name: &str| {
        Edit::UpdatePerson(crate::model::Person {
            name: name.into(),
            ..original.people[0].clone()
        })
    };
    let mut first = apply_recorded(&mut s, &rename("Al"), true)
        .expect("applies")
        .expect("a change");
    let second = apply_recorded(&mut s, &rename("Alma"), true)
        .expect("applies")
        .expect("a change");
    first.absorb(second, &s);
    assert_eq!(s.people[0].name, "Alma");
    first.swap(&mut s);
    assert_eq!(s, original, "back to before the burst");
}

#[test]
fn a_partial_check_finds_the_full_checks_first_problem() {
    let mut s = board();
    s.people[0].other_hours = -1.0;
    s.people[1].capacity_hours = 500.0;
    let changes = Changes {
        people: ListChange::Items(vec![0, 1]),
        ..Changes::default()
    };
    let partial = crate::validate::validate_changes(&s, &changes).expect_err("invalid");
    let full = crate::validate::validate_scenario(&s).expect_err("invalid");
    assert_eq!(partial.message, full.message);
}
