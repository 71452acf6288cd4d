//! Issue 19 in the window: source numbers name their article on hover and open the
//! Sources overlay; a person's role fit in words; the advice's edges in words; the
//! growth preview changes what is shown and nothing else, Keep makes it one undoable edit.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::{harness, open_tab, small_board};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rolesplit::app::AppState;
use rolesplit::app::growth::FindingChange;

type H = egui_kittest::Harness<'static, AppState>;

/// The recommendation the window's own analysis gives the first product.
fn recommendation(h: &H) -> &'static str {
    h.state().doc.analysis.advice[0].recommendation.as_str()
}

#[test]
fn hovering_a_source_number_shows_its_publisher_and_a_click_opens_the_sources() {
    let s = rolesplit::io::open(std::path::Path::new("data/samples/scaleup.ron")).expect("loads");
    let mut h = harness(s);
    h.run();
    assert!(
        h.query_by_label_contains("Boundev").is_none(),
        "precondition: no tooltip"
    );
    // A finding's source, in the findings panel: "004, 003".
    h.get_all_by_label("003")
        .next()
        .expect("a source link")
        .hover();
    h.run();
    assert!(
        h.query_by_label_contains("Source 003: Boundev").is_some(),
        "the hover names the publisher"
    );
    h.get_all_by_label("003")
        .next()
        .expect("a source link")
        .click();
    h.run();
    assert!(
        h.state().view.sources_open,
        "a click opens the Sources overlay"
    );
    assert_eq!(h.state().view.source_focus, Some("003"));
    assert!(h.query_by_label("Sources of the advice").is_some());
    assert!(
        h.query_by_label_contains("a PM career-guide site, publisher not named")
            .is_some(),
        "every source is listed"
    );
    assert!(h.query_by_label_contains("not research").is_some());
    h.get_by_label("Close").click();
    h.run();
    assert!(!h.state().view.sources_open);
}

#[test]
fn help_lists_the_sources() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Sources…").click();
    h.run();
    assert!(h.state().view.sources_open);
    assert_eq!(h.state().view.source_focus, None);
    for publisher in [
        "Near",
        "Your Team In India",
        "Welcome to the Jungle",
        "Boundev",
    ] {
        assert!(
            h.query_by_label_contains(publisher).is_some(),
            "{publisher} in the list"
        );
    }
}

#[test]
fn clicking_a_person_says_their_role_fit_in_words() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Pat").click();
    h.run();
    // Pat carries the vision card (3 h, strategy; the testkit's horizon is Quarter and it
    // serves nobody).
    assert!(
        h.query_by_label_contains(
            "3.0 h of this work looks ahead a quarter or more; 0.0 h serves external stakeholders."
        )
        .is_some()
    );
    assert!(h.query_by_label_contains("no stakeholder 3.0 h").is_some());
}

#[test]
fn the_advice_says_how_far_it_holds_in_words() {
    let mut h = harness(small_board());
    h.run();
    open_tab(&mut h, "Advice");
    assert!(
        h.query_by_label(
            "Combined holds up to 10 engineers: 5 more, or a second team, and the advice becomes split."
        )
        .is_some()
    );
    assert!(
        h.query_by_label(
            "The organisation reaches 200 engineers, where the articles separate the roles, with 194 more."
        )
        .is_some()
    );
}

/// The previewed growth's findings: each one's rule and how it compares with now.
fn previewed_findings(h: &H) -> Vec<(&'static str, &FindingChange)> {
    let preview = h
        .state()
        .view
        .growth
        .preview(&h.state().doc)
        .expect("a preview");
    let rules = preview.analysis.findings.iter().map(|f| f.rule.id());
    rules.zip(&preview.marks.findings).collect()
}

/// Opens the growth form in a tab (the Advice tab, or the board) and previews a new Scrum
/// team of one engineer.
fn preview_a_new_team(h: &mut H, tab: &str) {
    open_tab(h, tab);
    h.get_by_label("What if this product grows?").click();
    h.run();
    h.get_by_label("A new Scrum team").click();
    h.run();
    h.get_by_label("Preview").click();
    h.run();
}

#[test]
fn a_growth_preview_changes_the_advice_shown_and_leaves_the_scenario_and_history_alone() {
    let mut h = harness(small_board());
    h.run();
    let before = h.state().doc.scenario.clone();
    let steps = h.state().doc.history.undo_len();
    let title = h.state().title();
    assert_eq!(recommendation(&h), "combined", "precondition");
    preview_a_new_team(&mut h, "Advice");
    assert!(h.state().view.growth.on);
    assert!(
        h.query_by_label_contains("Split: separate PM and PO people")
            .is_some(),
        "the advice shown is the preview's"
    );
    assert!(
        h.query_by_label_contains("With the growth. Now: Combined")
            .is_some(),
        "the change is marked"
    );
    assert!(
        h.query_by_label_contains("Preview: what if Shop grows by a new Scrum team of 1 engineer?")
            .is_some()
    );
    // The new team's PO seat is empty: the preview shows that error, marked new.
    let new: Vec<&str> = previewed_findings(&h)
        .into_iter()
        .filter(|(_, change)| **change == FindingChange::New)
        .map(|(rule, _)| rule)
        .collect();
    assert!(new.contains(&"scrum-team-without-po"), "{new:?}");
    assert!(
        h.query_by_label_contains("New team (Shop) works in Scrum but has no product owner")
            .is_some()
    );
    // Nothing changed.
    assert_eq!(h.state().doc.scenario, before);
    assert_eq!(h.state().doc.history.undo_len(), steps);
    assert_eq!(h.state().title(), title);
    assert!(!h.state().title().starts_with('*') && !h.state().is_dirty());
    assert_eq!(recommendation(&h), "combined");
    // Esc leaves the preview.
    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().view.growth.on);
    assert!(
        h.query_by_label_contains("Combined: one person can hold both seats")
            .is_some()
    );
    assert_eq!(h.state().doc.scenario, before);
}

#[test]
fn a_growth_preview_marks_findings_it_rewords_and_counts_in_the_status_line_and_header() {
    let s = rolesplit::io::open(std::path::Path::new("data/samples/scaleup.ron")).expect("sample");
    let mut h = harness(s);
    h.run();
    assert!(h.query_by_label_contains("0 errors, 3 warnings").is_some());
    assert!(
        h.query_by_label_contains("3 teams · 21 engineers")
            .is_some()
    );
    preview_a_new_team(&mut h, "Board");
    // Priya's overload grows with the new team's work: the same finding, new numbers.
    let changed: Vec<(&str, &str)> = previewed_findings(&h)
        .into_iter()
        .filter_map(|(rule, change)| match change {
            FindingChange::Changed(now) => Some((rule, now.as_str())),
            _ => None,
        })
        .collect();
    assert!(
        changed
            .iter()
            .any(|(rule, now)| *rule == "overload" && now.contains("42.7 h")),
        "{changed:?}"
    );
    // The status line and the board's header count the growth.
    assert!(h.query_by_label_contains("1 error, ").is_some());
    assert!(
        h.query_by_label_contains("4 teams · 22 engineers")
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("0 errors, 3 warnings").is_some());
}

#[test]
fn keep_makes_the_growth_one_undoable_edit() {
    let mut h = harness(small_board());
    h.run();
    let before = h.state().doc.scenario.clone();
    let steps = h.state().doc.history.undo_len();
    // From the board this time.
    preview_a_new_team(&mut h, "Board");
    assert!(h.state().view.growth.on);
    h.get_by_label("Keep").click();
    h.run();
    assert!(!h.state().view.growth.on, "Keep leaves the preview");
    assert_eq!(h.state().doc.scenario.teams.len(), before.teams.len() + 1);
    assert_eq!(h.state().doc.history.undo_len(), steps + 1, "one step");
    assert!(h.state().is_dirty());
    assert_eq!(recommendation(&h), "split");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.scenario, before, "Ctrl+Z takes it back");
    assert_eq!(recommendation(&h), "combined");
}

#[test]
fn snapshot_of_a_growth_preview() {
    // The scale-up's partner portal, combined with 5 engineers, previewed with a new Scrum
    // team: the advice turns to split and the new team's empty PO seat is an error.
    let s = rolesplit::io::open(std::path::Path::new("data/samples/scaleup.ron")).expect("loads");
    let mut h = harness(s);
    h.run();
    h.state_mut()
        .view
        .selection
        .select_product("partner-portal");
    h.run();
    preview_a_new_team(&mut h, "Advice");
    let state = h.state();
    let advice = state
        .view
        .growth
        .preview(&state.doc)
        .map(|p| &p.analysis.advice[1]);
    assert_eq!(advice.map(|a| a.recommendation.as_str()), Some("split"));
    h.snapshot("growth_preview");
}
