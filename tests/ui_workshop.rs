//! Workshop mode: the advice panel and its checklist, the record's open points, the timebox,
//! presentation mode, themes and help.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::time::Duration;

use common::{harness, open_tab, small_board};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};
use rolesplit::app::{AppState, Tab};

type H = egui_kittest::Harness<'static, AppState>;

/// (recommendation, reason ids) of the first product.
fn advice(h: &H) -> (&'static str, Vec<&'static str>) {
    let a = &h.state().doc.analysis.advice[0];
    (
        a.recommendation.as_str(),
        a.reasons.iter().map(|r| r.id()).collect(),
    )
}

#[test]
fn toggling_a_checklist_answer_changes_the_recommendation_and_its_reasons() {
    let mut h = harness(small_board());
    h.run();
    assert_eq!(
        advice(&h),
        ("combined", vec!["one_team", "small_team", "single_product"]),
        "precondition"
    );
    open_tab(&mut h, "Advice");
    assert!(
        h.query_by_label_contains("Combined: one person can hold both seats")
            .is_some()
    );
    h.get_by_label("No: experienced_hybrid").click();
    h.run();
    assert_eq!(advice(&h), ("split", vec!["experienced_hybrid"]));
    assert!(
        h.query_by_label_contains("Split: separate PM and PO people")
            .is_some(),
        "the panel updates live"
    );
    h.get_by_label("Yes: experienced_hybrid").click();
    h.run();
    assert_eq!(
        advice(&h),
        (
            "combined",
            vec![
                "one_team",
                "small_team",
                "single_product",
                "experienced_hybrid"
            ]
        )
    );
    h.get_by_label("Not answered: experienced_hybrid").click();
    h.run();
    assert_eq!(advice(&h).0, "combined");
    assert_eq!(
        h.state().doc.scenario.products[0]
            .checklist
            .answer(rolesplit::checklist::Question::ExperiencedHybrid),
        None
    );
}

fn flagged(h: &H) -> bool {
    h.state().doc.scenario.products[0]
        .cards
        .iter()
        .find(|c| c.responsibility == "vision")
        .expect("card")
        .flagged
}

#[test]
fn flag_a_card_see_it_in_the_record_s_open_points_unflag_it_and_undo_redo() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Vision").click_secondary();
    h.run();
    h.get_by_label_contains("Needs discussion").click();
    h.run();
    assert!(flagged(&h), "flagged from the card's menu");
    open_tab(&mut h, "Record");
    assert!(
        h.query_by_label("Show Vision").is_some(),
        "listed in the open points"
    );
    h.get_by_label("Resolved Vision").click();
    h.run();
    assert!(!flagged(&h), "unflagged");
    assert!(h.query_by_label("Show Vision").is_none());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(flagged(&h), "undo brings the flag back");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert!(!flagged(&h), "redo removes it again");
}

#[test]
fn the_flag_shortcut_toggles_the_selected_card() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Vision").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    assert!(flagged(&h));
}

/// The repaint the last frame asked for (`Duration::MAX` when none).
fn repaint_delay(h: &H) -> Duration {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map_or(Duration::MAX, |v| v.repaint_delay)
}

#[test]
fn the_timer_counts_while_running_and_requests_no_repaint_when_paused() {
    let mut h = harness(small_board());
    h.run();
    let full = h.state().workshop.timer.length_seconds;
    h.key_press_modifiers(Modifiers::COMMAND, Key::T);
    h.run_steps(30);
    let now = h.state().view.now;
    let remaining = h.state().workshop.timer.remaining(now);
    assert!(h.state().workshop.timer.is_running());
    assert!(remaining < full, "it counts: {remaining} < {full}");
    assert!(
        repaint_delay(&h) <= Duration::from_secs(1),
        "while running it asks for a repaint"
    );
    h.get_by_label("Pause").click();
    h.run();
    assert!(!h.state().workshop.timer.is_running());
    let paused_at = h.state().workshop.timer.remaining(h.state().view.now);
    h.run_steps(20);
    assert_eq!(
        h.state().workshop.timer.remaining(h.state().view.now),
        paused_at,
        "paused: no counting"
    );
    assert_eq!(
        repaint_delay(&h),
        Duration::MAX,
        "paused: no repaint requested"
    );
    h.get_by_label("Reset").click();
    h.run();
    assert_eq!(h.state().workshop.timer.remaining(h.state().view.now), full);
}

#[test]
fn presentation_mode_hides_the_editors_and_enlarges_everything() {
    let mut h = harness(small_board());
    h.run();
    let zoom = h.ctx.zoom_factor();
    h.key_press(Key::F11);
    h.run();
    assert!(h.state().prefs.presentation);
    assert!((h.ctx.zoom_factor() - zoom * rolesplit::app::PRESENTATION_ZOOM).abs() < 1e-4);
    assert!(
        h.query_by_label("Search products and cards").is_none(),
        "the products list is hidden"
    );
    assert!(
        h.query_by_label("Add a card…").is_none(),
        "editors are hidden"
    );
    let tabs: Vec<String> = h
        .get_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| Tab::ALL.iter().any(|t| t.label() == l))
        .collect();
    assert_eq!(tabs, ["Board", "Advice", "Record"]);
    h.key_press(Key::F11);
    h.run();
    assert!(!h.state().prefs.presentation);
    assert!((h.ctx.zoom_factor() - zoom).abs() < 1e-4);
}

#[test]
fn f1_shows_every_shortcut() {
    // Tall enough for the whole list (on a smaller screen it scrolls: the next test).
    let mut h = common::harness_at(small_board(), egui::vec2(1440.0, 1600.0));
    h.run();
    h.key_press(Key::F1);
    h.run();
    assert!(h.state().view.help_open);
    for label in [
        "Undo",
        "Move card to PO",
        "Presentation mode",
        "Zoom in",
        "Start or pause the timebox",
    ] {
        assert!(
            h.query_all_by_label(label).next().is_some(),
            "{label} is listed"
        );
    }
    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().view.help_open);
}

#[test]
fn f1_in_presentation_on_a_projector_keeps_its_heading_and_close_in_view() {
    for size in [egui::vec2(1280.0, 720.0), egui::vec2(1024.0, 768.0)] {
        let mut h = common::harness_at(small_board(), size);
        h.run();
        h.key_press(Key::F11);
        h.run();
        h.key_press(Key::F1);
        h.run();
        let screen = h.ctx.content_rect();
        for label in ["Keyboard and mouse", "Close"] {
            let r = h.get_by_label(label).rect();
            assert!(
                screen.contains_rect(r),
                "{size:?}: {label} {r:?} in {screen:?}"
            );
        }
        h.get_by_label("Close").click();
        h.run();
        assert!(!h.state().view.help_open);
    }
}

#[test]
fn snapshots_of_presentation_themes_and_advice() {
    let s = rolesplit::io::open(std::path::Path::new("data/samples/scaleup.ron")).expect("sample");
    let mut h = harness(s);
    h.run();
    h.key_press(Key::F11);
    h.run();
    h.snapshot("presentation_dark");
    h.get_by_label("Light theme").click();
    h.run();
    h.snapshot("presentation_light");
    h.key_press(Key::F11);
    h.run();
    h.snapshot("board_light");
    open_tab(&mut h, "Advice");
    h.snapshot("advice_light");
}
