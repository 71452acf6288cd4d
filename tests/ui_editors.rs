//! Editing the organisation in the window: people, teams, settings, the overview, import.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::{harness, open_tab, small_board};
use egui::Key;
use egui_kittest::kittest::Queryable;
use rolesplit::app::{AppState, Tab};
use rolesplit::model::Column;

fn load_of(state: &AppState, id: &str) -> f64 {
    let i = state
        .doc
        .scenario
        .people
        .iter()
        .position(|p| p.id == id)
        .expect("person");
    state.doc.analysis.loads.people[i].load_hours()
}

#[test]
fn add_a_person_give_them_a_po_seat_and_undo_both() {
    let mut h = harness(small_board());
    h.run();
    let original = h.state().doc.scenario.clone();
    open_tab(&mut h, "People");
    h.get_by_label("Name of a new person").click();
    h.run();
    h.get_by_label("Name of a new person").type_text("Lee Park");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.scenario.people.len(), 3, "Lee was added");
    let lee = h.state().doc.scenario.people[2].clone();
    assert_eq!(
        (lee.id.as_str(), lee.name.as_str(), lee.capacity_hours),
        ("lee-park", "Lee Park", 40.0)
    );

    open_tab(&mut h, "Teams");
    h.get_by_label("Product owner of team Squad").click();
    h.run();
    h.get_all_by_label("Lee Park")
        .last()
        .expect("the option")
        .click();
    h.run();
    assert_eq!(
        h.state().doc.scenario.teams[0].po.as_deref(),
        Some("lee-park")
    );
    assert_eq!(
        load_of(h.state(), "lee-park"),
        4.0,
        "the backlog's 4 h land on Lee"
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.scenario, original, "both edits undone");
}

#[test]
fn removing_a_team_says_what_changes_then_cleans_up_and_undoes() {
    let mut h = harness(small_board());
    h.run();
    let original = h.state().doc.scenario.clone();
    open_tab(&mut h, "Teams");
    h.get_by_label("Remove Squad").click();
    h.run();
    let pending = h
        .state()
        .doc
        .pending_removal
        .clone()
        .expect("a question first");
    let effects = pending.effects.join(" ");
    assert!(
        effects.contains("Squad") && effects.contains("6 engineers") && effects.contains("PO Olga"),
        "{effects}"
    );
    assert!(effects.contains("become unowned"), "{effects}");
    assert_eq!(
        h.state().doc.scenario,
        original,
        "nothing removed before the answer"
    );
    h.get_by_label("Remove").click();
    h.run();
    assert!(h.state().doc.scenario.teams.is_empty());
    rolesplit::validate::validate_scenario(&h.state().doc.scenario)
        .expect("still a valid scenario");
    let saved = rolesplit::write::scenario_to_string(&h.state().doc.scenario);
    rolesplit::parse::scenario_from_str(&saved).expect("and it saves and loads");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().doc.scenario, original, "undo restores it exactly");
}

#[test]
fn removing_a_person_empties_their_seats() {
    let mut h = harness(small_board());
    h.run();
    open_tab(&mut h, "People");
    h.get_by_label("Remove Pat").click();
    h.run();
    let effects = h
        .state()
        .doc
        .pending_removal
        .clone()
        .expect("asks")
        .effects
        .join(" ");
    assert!(effects.contains("Pat holds 1 PM seat"), "{effects}");
    h.get_by_label("Remove").click();
    h.run();
    assert_eq!(h.state().doc.scenario.products[0].pm, None);
    assert_eq!(h.state().doc.scenario.people.len(), 1);
}

#[test]
fn editing_a_threshold_makes_its_finding_appear_and_disappear() {
    let mut s = small_board();
    s.teams[0].engineers = 12;
    s.teams[0].po = Some("pat".into());
    let mut h = harness(s);
    h.run();
    assert_eq!(
        common::findings_of(&h, "combined-role-beyond-one-team"),
        1,
        "precondition: 12 engineers > 10"
    );
    open_tab(&mut h, "Settings");
    let field = h.get_by_label("Combined role: most engineers");
    field.click();
    h.run();
    h.get_by_label("Combined role: most engineers")
        .type_text("12");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc.scenario.settings.combined_max_engineers, 12);
    assert_eq!(
        common::findings_of(&h, "combined-role-beyond-one-team"),
        0,
        "12 engineers ≤ 12: no finding"
    );
}

#[test]
fn the_overview_changes_a_cards_column_and_the_board_shows_it() {
    let mut h = harness(small_board());
    h.run();
    open_tab(&mut h, "Overview");
    h.get_by_label_contains("Vision on Shop: PM").click();
    h.run();
    let vision = |h: &egui_kittest::Harness<'_, AppState>| {
        h.state().doc.scenario.products[0].cards[0].column
    };
    assert_eq!(vision(&h), Column::Po, "one click: PM → PO");
    open_tab(&mut h, "Board");
    assert_eq!(h.state().view.tab, Tab::Board);
    let po_backlog = h.get_by_label("Backlog").rect();
    let vision_card = h.get_by_label("Vision").rect();
    assert!(
        (vision_card.center().x - po_backlog.center().x).abs() < 1.0,
        "Vision now sits in the PO column"
    );
}

#[test]
fn importing_a_csv_takes_the_good_rows_and_reports_the_bad_one_by_line() {
    let mut h = harness(small_board());
    h.run();
    open_tab(&mut h, "Import");
    h.state_mut().editors.import.text =
        "name,capacity_hours,other_hours,annual_cost\nLee,36,4,120000\nSam,lots,0,\nAda,40,,\n"
            .into();
    h.run();
    assert!(
        h.query_by_label_contains("line 3").is_some(),
        "the bad row is listed by its line"
    );
    assert!(
        h.query_by_label_contains("the capacity must be a number")
            .is_some()
    );
    h.get_by_label("Import 2 rows").click();
    h.run();
    let names: Vec<&str> = h
        .state()
        .doc
        .scenario
        .people
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Pat", "Olga", "Lee", "Ada"]);
    assert_eq!(h.state().doc.history.undo_len(), 1, "one undoable edit");
}

#[test]
fn adding_a_catalogue_card_to_a_board() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Add a card…").click();
    h.run();
    h.get_by_label_contains("Write user stories").click();
    h.run();
    let s = &h.state().doc.scenario;
    let card = s.products[0]
        .cards
        .iter()
        .find(|c| c.responsibility == "user-stories")
        .expect("the card is on the board");
    assert_eq!(
        card.column,
        Column::Po,
        "in the column the catalogue gives it"
    );
    assert!(
        s.responsibility("user-stories").is_some(),
        "the responsibility joined the scenario"
    );
    assert!(
        !s.stakeholders.is_empty(),
        "with the stakeholders it serves"
    );
    rolesplit::validate::validate_scenario(s).expect("valid");
}

#[test]
fn a_cards_hours_override_and_note() {
    let mut h = harness(small_board());
    h.run();
    h.get_by_label("Vision").click();
    h.run();
    h.get_by_label("Own hours on this board").click();
    h.run();
    assert_eq!(h.state().doc.scenario.products[0].cards[0].hours, Some(3.0));
    h.get_by_label("Decision note:").click();
    h.run();
    h.get_by_label("Decision note:")
        .type_text("Pat owns the why");
    h.run();
    assert_eq!(
        h.state().doc.scenario.products[0].cards[0].note,
        "Pat owns the why"
    );
    assert_eq!(
        h.state().doc.history.undo_len(),
        2,
        "typing the note is one step"
    );
}

#[test]
fn snapshots_of_an_editor_table_and_the_overview() {
    let s =
        rolesplit::io::open(std::path::Path::new("data/samples/enterprise.ron")).expect("sample");
    let mut h = harness(s);
    h.run();
    open_tab(&mut h, "People");
    h.snapshot("editor_people");
    open_tab(&mut h, "Overview");
    h.snapshot("overview");
}
