//! The Suggest panel: proposals made off the UI thread, previewed on hover, applied as one
//! undoable edit; locking a seat and pinning a card from the board.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::{harness, small_board};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rolesplit::app::AppState;
use rolesplit::write::scenario_to_string;

type H = egui_kittest::Harness<'static, AppState>;

fn enterprise() -> rolesplit::Scenario {
    rolesplit::io::open(std::path::Path::new("data/samples/enterprise.ron")).expect("sample")
}

/// Steps frames until the search has finished (it runs on another thread).
fn wait_for_proposals(h: &mut H) {
    for _ in 0..2000 {
        h.step();
        if !h.state().suggest.is_running() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(!h.state().suggest.is_running(), "the search finished");
    h.run_ok();
}

#[test]
fn suggest_preview_apply_and_undo_byte_identical() {
    let mut h = harness(enterprise());
    h.run();
    let original = scenario_to_string(&h.state().doc.scenario);
    let errors_before = h
        .state()
        .doc
        .analysis
        .count(rolesplit::findings::Severity::Error);
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    wait_for_proposals(&mut h);
    let proposals = h
        .state()
        .suggest
        .result
        .as_ref()
        .expect("proposals")
        .1
        .proposals
        .clone();
    assert!(!proposals.is_empty());
    let first = proposals[0].clone();

    h.get_by_label("Apply suggestion 1").hover();
    h.run_ok();
    assert_eq!(h.state().suggest.preview, Some(0), "hovering previews it");
    h.snapshot("suggest_preview");

    h.get_by_label("Apply suggestion 1").click();
    h.run_ok();
    let mut expected =
        rolesplit::io::open(std::path::Path::new("data/samples/enterprise.ron")).expect("sample");
    rolesplit::edit::apply(&mut expected, &first.edit()).expect("applies");
    assert_eq!(
        *h.state().doc.scenario,
        expected,
        "the proposal's edits, through the edit path"
    );
    assert_eq!(h.state().doc.history.undo_len(), 1, "one undoable step");
    let errors_after = h
        .state()
        .doc
        .analysis
        .count(rolesplit::findings::Severity::Error);
    assert!(errors_after <= errors_before);
    assert_eq!(
        first.trouble_after.errors, errors_after,
        "the claim is what the engine computes"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_ok();
    assert_eq!(
        scenario_to_string(&h.state().doc.scenario),
        original,
        "undo gives the same bytes"
    );
}

#[test]
fn the_search_can_be_cancelled() {
    let mut h = harness(enterprise());
    h.run();
    h.state_mut().start_suggest();
    h.state_mut().cancel_suggest();
    h.step();
    assert!(!h.state().suggest.is_running());
    assert!(h.state().suggest.result.is_none());
}

#[test]
fn a_scenario_without_trouble_gets_no_proposals_and_says_so() {
    let startup =
        rolesplit::io::open(std::path::Path::new("data/samples/startup.ron")).expect("sample");
    let mut h = harness(startup);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    wait_for_proposals(&mut h);
    assert!(
        h.state()
            .suggest
            .result
            .as_ref()
            .expect("done")
            .1
            .proposals
            .is_empty()
    );
    assert!(h.query_by_label_contains("No trouble to fix").is_some());
}

#[test]
fn locking_a_seat_and_pinning_a_card_are_undoable_edits() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Lock the seat: PM of Shop").click();
    h.run();
    assert!(h.state().doc.scenario.products[0].pm_locked);
    h.get_by_label("Lock the seat: PO of Squad").click();
    h.run();
    assert!(h.state().doc.scenario.teams[0].po_locked);
    h.get_by_label("Vision").click();
    h.run();
    h.get_by_label("Pinned").click();
    h.run();
    assert!(h.state().doc.scenario.products[0].cards[0].pinned);
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(*h.state().doc.scenario, small_board());
}
