//! Small things a facilitator trips over: the search, wide tables, the export prompt,
//! Compare, words and shortcuts.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{example_text, example_with, harness, open_tab, small_board, temp_file};
use egui::{Key, Modifiers, Rect};
use egui_kittest::kittest::{NodeT, Queryable};
use rolesplit::app::AppState;
use rolesplit::app::dialogs::{DialogResult, Dialogs};

type H = egui_kittest::Harness<'static, AppState>;

fn synthetic(products: usize) -> rolesplit::Scenario {
    rolesplit::synth::generate(
        rolesplit::synth::Size {
            products,
            teams_per_product: 2,
            cards_per_board: 8,
        },
        42,
    )
}

fn central(h: &H) -> Rect {
    h.get_by_label("Central panel").rect()
}

#[test]
fn the_board_follows_the_search_to_the_first_match() {
    let mut h = harness(synthetic(120));
    h.run();
    assert_eq!(
        h.state().view.selection.product.as_deref(),
        Some(h.state().doc.scenario.products[0].id.as_str()),
        "the first product is shown before searching"
    );
    h.get_by_label("Search products and cards").click();
    h.run();
    h.get_by_label("Search products and cards")
        .type_text("Product 99");
    h.run();
    assert_eq!(
        h.state().view.search,
        "Product 99",
        "typed into the search box"
    );
    let shown = h.state().view.selection.product.clone().expect("a product");
    assert_eq!(
        h.state().doc.scenario.name_of(&shown),
        "Product 99",
        "the board shows the first match"
    );
    assert!(
        h.query_by_label_contains("No card matches").is_none(),
        "the board does not show a product the search left out"
    );
}

#[test]
fn a_search_that_matches_the_shown_product_keeps_it() {
    let mut h = harness(synthetic(30));
    h.run();
    let second = h.state().doc.scenario.products[1].id.clone();
    h.state_mut().view.selection.product = Some(second.clone());
    h.get_by_label("Search products and cards")
        .type_text("Product");
    h.run();
    assert_eq!(h.state().view.selection.product, Some(second));
}

/// Scrolls the table under `at` sideways by `dx` points.
fn scroll_sideways(h: &mut H, at: egui::Pos2, dx: f32) {
    h.hover_at(at);
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(-dx, 0.0),
        modifiers: Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run();
}

/// The rectangle of the node labelled `label` in the central area.
fn in_centre(h: &H, label: &str) -> Rect {
    let centre = central(h);
    h.get_all_by_label(label)
        .map(|n| n.rect())
        .find(|r| r.left() >= centre.left())
        .unwrap_or_else(|| panic!("{label} in the central area"))
}

/// The name cell stays at the left of the view while the other columns scroll sideways.
fn name_column_stays(h: &mut H, name: &str, far_right: &str) {
    let before = in_centre(h, name);
    let far = h.get_by_label(far_right).rect();
    assert!(
        far.right() > central(h).right(),
        "{far_right} starts off screen: {far:?}"
    );
    let table_point = egui::pos2(central(h).center().x, before.center().y);
    scroll_sideways(h, table_point, 2000.0);
    let after = in_centre(h, name);
    assert!(
        (after.left() - before.left()).abs() < 0.5,
        "{name} stays where it was: {before:?} then {after:?}"
    );
    let far = h.get_by_label(far_right).rect();
    assert!(
        far.right() <= central(h).right() + 0.5,
        "{far_right} scrolled into view: {far:?}"
    );
}

#[test]
fn the_overview_keeps_its_product_column_when_scrolled_sideways() {
    let mut h = harness(synthetic(20));
    h.run();
    open_tab(&mut h, "Overview");
    let last = h
        .state()
        .doc
        .scenario
        .responsibilities
        .last()
        .expect("a responsibility")
        .title
        .clone();
    let far_right = format!("{last} on Product 1: PM, Person 1");
    let far_right = h
        .query_all_by(|n| {
            n.label()
                .is_some_and(|l| l.starts_with(&format!("{last} on Product 1:")))
        })
        .next()
        .and_then(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .unwrap_or(far_right);
    name_column_stays(&mut h, "Product 1", &far_right);
}

#[test]
fn the_teams_and_responsibilities_editors_keep_their_names_when_scrolled_sideways() {
    let mut h = common::harness_at(small_board(), egui::vec2(1280.0, 720.0));
    h.run();
    open_tab(&mut h, "Teams");
    name_column_stays(&mut h, "Name of team Squad", "Remove Squad");
    open_tab(&mut h, "Responsibilities");
    name_column_stays(&mut h, "Title of Vision", "Remove Vision");
}

#[test]
fn the_overview_headers_are_at_body_size() {
    let mut h = harness(synthetic(3));
    h.run();
    open_tab(&mut h, "Overview");
    let title = h.state().doc.scenario.responsibilities[0].title.clone();
    let header = h
        .get_all_by_label(&title)
        .map(|n| n.rect())
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("the header");
    assert!(header.height() >= 14.0, "a readable header: {header:?}");
}

/// A file dialog double that says no dialog can be shown.
struct NoDialogs;

impl Dialogs for NoDialogs {
    fn open(&mut self, _: &str, _: &[&str]) -> DialogResult {
        DialogResult::Unavailable
    }
    fn save(&mut self, _: &str, _: &str, _: &[&str]) -> DialogResult {
        DialogResult::Unavailable
    }
}

#[test]
fn the_export_prompt_proposes_the_open_files_folder_with_the_name_selected() {
    let (dir, path) = temp_file("plan.ron", &example_text());
    let mut h = harness(small_board());
    h.run();
    h.state_mut().open_path(&path).expect("opens");
    h.state_mut().files.dialogs = Box::new(NoDialogs);
    let ctx = h.ctx.clone();
    h.state_mut().export(
        &ctx,
        rolesplit::app::dialogs::ExportKind::Split(rolesplit::export::ExportFormat::Md),
    );
    h.run();
    let (_, proposed) = h.state().files.path_prompt.clone().expect("the prompt");
    let folder = dir.path().display().to_string();
    assert!(
        proposed.starts_with(&folder) && proposed.ends_with(".md"),
        "in the open file's folder: {proposed}"
    );
    h.get_by_label("File path").type_text("minutes");
    h.run();
    let (_, typed) = h.state().files.path_prompt.clone().expect("the prompt");
    assert_eq!(
        typed,
        dir.path().join("minutes.md").display().to_string(),
        "typing replaces the selected name, keeping the folder and the extension"
    );
}

#[test]
fn every_counted_phrase_agrees_with_its_number() {
    use rolesplit::num::counted;
    assert_eq!(counted(0, "team", "teams"), "0 teams");
    assert_eq!(counted(1, "team", "teams"), "1 team");
    assert_eq!(counted(2, "team", "teams"), "2 teams");
    // One team of one engineer, one error (Olga over capacity at 1.25×) and one warning
    // (the vision lands on the empty PM seat: unowned work).
    use rolesplit::model::Column::{Pm, Po};
    use rolesplit::model::Kind::{Execution, Strategy};
    use rolesplit::model::Scope::{Product, Team};
    let s = rolesplit::testkit::Builder::new("One of each")
        .person("olga", 10.0)
        .responsibility("backlog", Execution, Team, 20.0, &[])
        .responsibility("vision", Strategy, Product, 2.0, &[])
        .product("shop", None, &[("backlog", Po), ("vision", Pm)])
        .team(
            "squad",
            "shop",
            1,
            rolesplit::model::Method::Scrum,
            Some("olga"),
        )
        .build();
    let a = rolesplit::analyze(&s);
    use rolesplit::findings::Severity;
    assert_eq!(
        (a.count(Severity::Error), a.count(Severity::Warning)),
        (1, 1),
        "the fixture has one error and one warning: {:?}",
        a.findings
    );
    let mut h = harness(s);
    h.run();
    for phrase in [
        "Stable · 1 team · 1 engineer",
        "1 error, 1 warning, 0 information",
    ] {
        assert!(
            h.query_by_label_contains(phrase).is_some(),
            "{phrase:?} is shown"
        );
    }
    open_tab(&mut h, "Products");
    assert!(
        h.query_by_label("1 team, 2 cards").is_some(),
        "products table"
    );
    h.state_mut()
        .doc
        .ask_removal(rolesplit::edit::Edit::RemoveTeam("squad".into()));
    h.run();
    assert!(
        h.query_by_label_contains("(1 engineer, PO Olga)").is_some(),
        "the removal preview"
    );
}

#[test]
fn help_lists_undo_before_redo_and_save_before_save_as() {
    let mut h = harness(small_board());
    h.run();
    h.key_press(Key::F1);
    h.run();
    // Only what the help overlay lists, below its heading (the menu bar has Undo too).
    let heading = h.get_by_label("Keyboard and mouse").rect().top();
    let top = |label: &str| {
        h.get_all_by_label(label)
            .map(|n| n.rect().top())
            .filter(|y| *y > heading)
            .fold(f32::INFINITY, f32::min)
    };
    assert!(top("Undo") < top("Redo"), "Undo comes first");
    assert!(top("Save") < top("Save as…"), "Save comes first");
}

#[test]
fn a_second_ctrl_g_closes_the_suggestions() {
    let mut h = harness(small_board());
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    assert!(h.state().suggest.open);
    h.key_press_modifiers(Modifiers::COMMAND, Key::G);
    h.run();
    assert!(!h.state().suggest.open, "closed again");
}

#[test]
fn ctrl_0_in_presentation_goes_back_to_the_presentation_size() {
    let mut h = harness(small_board());
    h.run();
    h.key_press(Key::F11);
    h.run();
    let presenting = h.ctx.zoom_factor();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
    h.run();
    assert!(h.ctx.zoom_factor() > presenting + 0.01, "zoomed in");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    h.run();
    assert!(
        (h.ctx.zoom_factor() - rolesplit::app::PRESENTATION_ZOOM).abs() < 1e-4,
        "back to presentation's size, not 1.0: {}",
        h.ctx.zoom_factor()
    );
}

#[test]
fn a_suggestion_of_three_edits_is_described_as_three_changes() {
    let s = rolesplit::samples::SAMPLES
        .iter()
        .find(|s| s.file_name == "enterprise.ron")
        .expect("sample")
        .scenario()
        .expect("loads");
    let suggestions =
        rolesplit::suggest::suggest(&s, &rolesplit::suggest::SuggestOptions::default())
            .expect("not cancelled");
    let p = suggestions
        .proposals
        .iter()
        .find(|p| p.changes.len() == 3 && p.changes.iter().any(|c| c.hire().is_some()))
        .expect("a three-edit proposal that hires someone");
    assert_eq!(p.edit().describe(&s), "3 changes");
}

#[test]
fn compare_marks_one_baseline_and_changed_loads() {
    let (dir, path) = temp_file("a.ron", &example_text());
    let b = example_with("po: Some(\"maya\")", "po: Some(\"tom\")");
    let b_path = dir.path().join("b.ron");
    std::fs::write(&b_path, &b).expect("write");
    let mut h = harness(small_board());
    h.run();
    h.state_mut().open_path(&path).expect("opens");
    h.state_mut().add_to_comparison(&b_path);
    open_tab(&mut h, "Compare");
    assert_eq!(
        h.get_all_by_label("baseline").count(),
        1,
        "one entry is the baseline"
    );
    h.get_by_label("Everyone's load").click();
    h.run();
    assert!(
        h.query_by_label_contains("changed: 10.0 / 40.0 h")
            .is_some(),
        "Tom's load in B differs from A's and says so"
    );
    assert!(
        h.query_by_label("5.0 / 40.0 h").is_some(),
        "Tom's load in A, the baseline, is plain"
    );
}

/// Two organisations of 10,400 cards each: more than a frame can compare, so the tab works
/// the comparison out on a thread, says so meanwhile, then shows it; an edit made while one
/// is under way gets a comparison of its own.
#[test]
fn a_large_comparison_is_worked_out_on_a_thread_then_shown() {
    use rolesplit::synth::{Size, generate};
    let size = Size {
        products: 260,
        teams_per_product: 2,
        cards_per_board: 40,
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    let b_path = dir.path().join("b.ron");
    rolesplit::io::save(&b_path, &generate(size, 43)).expect("saved");
    let mut h = harness(generate(size, 42));
    h.run();
    h.state_mut().add_to_comparison(&b_path);
    assert_eq!(h.state().compare.others.len(), 1, "the file is read");
    let wait_for_tables = |h: &mut egui_kittest::Harness<'_, AppState>| {
        for _ in 0..3000 {
            h.step();
            let state = h.state();
            if state.compare.tables(&state.doc).is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        panic!("the comparison never came in");
    };
    h.get_all_by_label("Compare")
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("the tab")
        .click();
    h.step();
    h.step();
    assert!(
        h.state().compare.building.is_some(),
        "the comparison is worked out on a thread"
    );
    assert!(h.query_by_label("Comparing the scenarios…").is_some());
    wait_for_tables(&mut h);
    h.step();
    assert!(h.query_by_label("Comparing the scenarios…").is_none());
    assert!(
        h.query_by_label("Everyone's load").is_some(),
        "the comparison shows"
    );

    // Two edits, the second while the first one's comparison is under way.
    for _ in 0..2 {
        let product = h.state().doc.scenario.products[0].id.clone();
        let card = h.state().doc.scenario.products[0].cards[0].clone();
        let to = if card.column == rolesplit::model::Column::Po {
            rolesplit::model::Column::Pm
        } else {
            rolesplit::model::Column::Po
        };
        h.state_mut()
            .apply(rolesplit::edit::Edit::MoveCard {
                product,
                responsibility: card.responsibility,
                to,
                place: rolesplit::edit::Place::Keep,
            })
            .expect("moves");
        h.step();
    }
    // Only a comparison of the scenario as it is now is shown.
    wait_for_tables(&mut h);
    let state = h.state();
    let tables = state.compare.tables(&state.doc).expect("in");
    assert!(
        tables.cards.len() >= 10_400,
        "every card of both organisations has a row"
    );
    assert!(state.compare.building.is_none());
}
