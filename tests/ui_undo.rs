//! Undo and redo through the window: every step back to the exact scenario.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::{harness, small_board};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rolesplit::edit::{Edit, Place};
use rolesplit::model::Column;

const SHIFT_COMMAND: Modifiers = Modifiers {
    alt: false,
    ctrl: false,
    shift: true,
    mac_cmd: false,
    command: true,
};

#[test]
fn undo_and_redo_a_move() {
    let mut h = harness(small_board());
    h.run();
    let original = h.state().doc.scenario.clone();
    h.get_by_label("Vision").click_secondary();
    h.run();
    h.get_by_label_contains("Move card to PO").click();
    h.run();
    let moved = h.state().doc.scenario.clone();
    assert_ne!(moved, original, "precondition: the move happened");
    assert!(h.state().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.scenario,
        original,
        "Ctrl+Z restores the exact scenario"
    );
    assert!(
        !h.state().is_dirty(),
        "back to the scenario as it was opened"
    );
    assert!(!h.state().title().starts_with('*'));

    h.key_press_modifiers(SHIFT_COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.scenario, moved, "Ctrl+Shift+Z redoes");
    assert!(h.state().is_dirty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().doc.scenario, moved, "Ctrl+Y redoes too");
}

#[test]
fn undo_and_redo_a_seat_change_with_the_buttons() {
    let mut h = harness(small_board());
    h.run();
    let original = h.state().doc.scenario.clone();
    h.get_by_label("Product manager").click();
    h.run();
    h.get_all_by_label("Olga")
        .last()
        .expect("the option")
        .click();
    h.run();
    assert_eq!(
        h.state().doc.scenario.products[0].pm.as_deref(),
        Some("olga")
    );
    let changed = h.state().doc.scenario.clone();
    h.get_by_label("Undo").click();
    h.run();
    assert_eq!(h.state().doc.scenario, original);
    h.get_by_label("Redo").click();
    h.run();
    assert_eq!(h.state().doc.scenario, changed);
}

#[test]
fn a_thousand_edits_on_the_enterprise_sample_can_all_be_undone() {
    let s =
        rolesplit::io::open(std::path::Path::new("data/samples/enterprise.ron")).expect("sample");
    let original = s.clone();
    let mut state = rolesplit::app::AppState::new(s, None);
    let product = state.doc.scenario.products[0].id.clone();
    let cards: Vec<String> = state.doc.scenario.products[0]
        .cards
        .iter()
        .map(|c| c.responsibility.clone())
        .collect();
    for i in 0..1000 {
        let card = &cards[i % cards.len()];
        let to = Column::ALL[(i / cards.len() + 1 + i) % 3];
        let _ = state.apply(Edit::MoveCard {
            product: product.clone(),
            responsibility: card.clone(),
            to,
            place: Place::Keep,
        });
    }
    let steps = state.doc.history.undo_len();
    assert!(steps >= 900, "{steps} steps recorded");
    while state.undo() {}
    assert_eq!(*state.doc.scenario, original);
}

#[test]
fn an_edit_naming_nothing_is_refused_without_an_undo_step() {
    let mut state = rolesplit::app::AppState::new(small_board(), None);
    let result = state.apply(Edit::SetPo {
        team: "nope".into(),
        person: None,
    });
    assert!(result.is_err());
    assert_eq!(state.doc.history.undo_len(), 0);
    assert!(!state.is_dirty());
}
