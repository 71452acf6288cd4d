//! The board driven as a facilitator drives it: drag, menu, keys, seats, findings, people.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::{harness, small_board};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rolesplit::app::AppState;
use rolesplit::model::Column;

const VISION: &str = "Vision";

fn column_of(state: &AppState, responsibility: &str) -> Column {
    state.doc.scenario.products[0]
        .cards
        .iter()
        .find(|c| c.responsibility == responsibility)
        .expect("card")
        .column
}

/// (strategy, execution) hours of a person.
fn hours_of(state: &AppState, id: &str) -> (f64, f64) {
    let i = state
        .doc
        .scenario
        .people
        .iter()
        .position(|p| p.id == id)
        .expect("person");
    let l = &state.doc.analysis.loads.people[i];
    (l.strategy_hours, l.execution_hours)
}

#[test]
fn dragging_a_card_from_pm_to_po_moves_its_hours() {
    let mut h = harness(small_board());
    h.run();
    assert_eq!(column_of(h.state(), "vision"), Column::Pm, "precondition");
    assert_eq!(hours_of(h.state(), "pat"), (3.0, 0.0));
    assert_eq!(hours_of(h.state(), "olga"), (0.0, 4.0));

    let from = h.get_by_label(VISION).rect().center();
    let to = h.get_by_label("Backlog").rect().center() + egui::vec2(0.0, 80.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + egui::vec2(5.0, 5.0));
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();

    assert_eq!(column_of(h.state(), "vision"), Column::Po);
    assert_eq!(
        hours_of(h.state(), "pat"),
        (0.0, 0.0),
        "Pat lost the card's 3 h"
    );
    assert_eq!(hours_of(h.state(), "olga"), (3.0, 4.0), "Olga gained them");
    let cards: Vec<&str> = h.state().doc.scenario.products[0]
        .cards
        .iter()
        .map(|c| c.responsibility.as_str())
        .collect();
    assert_eq!(
        cards,
        ["backlog", "vision", "research"],
        "dropped below the backlog card"
    );
}

#[test]
fn the_context_menu_moves_a_card() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label(VISION).click_secondary();
    h.run();
    h.get_by_label_contains("Move card to PO").click();
    h.run();
    assert_eq!(column_of(h.state(), "vision"), Column::Po);
    assert_eq!(hours_of(h.state(), "olga"), (3.0, 4.0));
}

#[test]
fn a_keyboard_shortcut_moves_the_selected_card() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Research").click();
    h.run();
    assert_eq!(h.state().view.selection.card.as_deref(), Some("research"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    assert_eq!(column_of(h.state(), "research"), Column::Pm);
    assert_eq!(hours_of(h.state(), "pat"), (5.0, 0.0));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    assert_eq!(column_of(h.state(), "research"), Column::Unassigned);
}

#[test]
fn a_card_moved_by_keys_stays_selected_move_after_move() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Research").click();
    h.run();
    for i in 0..10 {
        let (key, to) = if i % 2 == 0 {
            (Key::Num2, Column::Po)
        } else {
            (Key::Num1, Column::Pm)
        };
        h.key_press_modifiers(Modifiers::COMMAND, key);
        h.run();
        assert_eq!(column_of(h.state(), "research"), to, "move {i}");
        assert_eq!(
            h.state().view.selection.card.as_deref(),
            Some("research"),
            "still selected after move {i}"
        );
    }
    assert_eq!(h.state().doc.history.undo_len(), 10, "ten undoable moves");
}

#[test]
fn tab_focus_selects_a_card_for_the_keyboard() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Backlog").focus();
    h.run();
    assert_eq!(h.state().view.selection.card.as_deref(), Some("backlog"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run();
    assert_eq!(column_of(h.state(), "backlog"), Column::Unassigned);
}

#[test]
fn changing_a_seat_makes_a_finding_appear_and_disappear() {
    let mut h = harness(small_board());
    h.run();
    assert_eq!(
        common::findings_of(&h, "scrum-team-without-po"),
        0,
        "precondition"
    );
    h.get_by_label("Squad PO").click();
    h.run();
    h.get_by_label("(empty seat)").click();
    h.run();
    assert_eq!(h.state().doc.scenario.teams[0].po, None);
    assert_eq!(
        common::findings_of(&h, "scrum-team-without-po"),
        1,
        "a Scrum team without PO is an error"
    );
    assert!(
        h.query_by_label_contains("Squad (Shop) works in Scrum")
            .is_some(),
        "the findings list shows it"
    );

    h.get_by_label("Squad PO").click();
    h.run();
    // The last "Olga" is the option in the open picker (the first is her row in People).
    h.get_all_by_label("Olga")
        .last()
        .expect("the option")
        .click();
    h.run();
    assert_eq!(h.state().doc.scenario.teams[0].po.as_deref(), Some("olga"));
    assert_eq!(common::findings_of(&h, "scrum-team-without-po"), 0);
}

#[test]
fn clicking_a_finding_selects_its_subjects_and_switches_product() {
    let s =
        rolesplit::io::open(std::path::Path::new("data/samples/enterprise.ron")).expect("sample");
    let mut h = harness(s);
    h.run();
    assert_ne!(
        h.state().view.selection.product.as_deref(),
        Some("claims"),
        "precondition"
    );
    h.get_by_label_contains("works in Scrum but has no product owner")
        .click();
    h.run();
    let sel = &h.state().view.selection;
    assert_eq!(sel.product.as_deref(), Some("claims"));
    assert!(sel.highlight.contains("claims-settlement") && sel.highlight.contains("claims"));
}

#[test]
fn clicking_a_person_lists_where_their_hours_come_from() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Olga").click();
    h.run();
    assert_eq!(h.state().view.selection.person.as_deref(), Some("olga"));
    assert!(h.query_by_label("Where Olga's hours come from").is_some());
    let rows = rolesplit::app::person_breakdown(h.state(), 1);
    let cards: Vec<(&str, Column, f64)> = rows
        .iter()
        .map(|r| (r.responsibility.as_str(), r.column, r.hours))
        .collect();
    assert_eq!(cards, [("backlog", Column::Po, 4.0)]);
}

#[test]
fn the_search_filters_products_and_cards() {
    let s =
        rolesplit::io::open(std::path::Path::new("data/samples/enterprise.ron")).expect("sample");
    let mut h = harness(s);
    h.run();
    assert!(h.query_by_label("Broker portal").is_some(), "precondition");
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    assert!(
        h.get_by_label("Search products and cards").is_focused(),
        "Ctrl+F focuses the search"
    );
    h.get_by_label("Search products and cards")
        .type_text("claims");
    h.run();
    assert_eq!(h.state().view.search, "claims");
    assert!(h.query_by_label("Broker portal").is_none(), "filtered out");
    // Listed, and shown on the board, which follows the search.
    assert!(h.query_all_by_label("Claims").next().is_some());
}

#[test]
fn idle_frames_never_rerun_the_analysis() {
    let mut h = harness(small_board());
    h.run();
    let runs = h.state().doc.analysis_runs;
    for _ in 0..10 {
        h.step();
    }
    assert_eq!(h.state().doc.analysis_runs, runs);
}

#[test]
fn snapshots_of_the_board_people_and_findings() {
    let s = rolesplit::io::open(std::path::Path::new("data/samples/scaleup.ron")).expect("sample");
    let mut h = harness(s);
    h.run();
    h.snapshot("board");
    h.get_by_label("Priya").click();
    h.run();
    h.snapshot("board_person_selected");
}
