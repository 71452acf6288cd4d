//! The workshop record in the window: a decision recorded from a card's menu, an action
//! added with an owner and a due date, ticked done, and every step undone; removing an
//! action's owner; the Record tab's snapshot.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::{harness, open_tab, small_board};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rolesplit::app::{AppState, Tab};
use rolesplit::edit::Edit;
use rolesplit::record::{ActionItem, Date, Owner};

type H = egui_kittest::Harness<'static, AppState>;

fn date(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// The small board with today fixed, so that dates and overdue marks do not depend on
/// the day the tests run.
fn record_harness() -> H {
    let mut h = harness(small_board());
    h.state_mut().view.today.fix(date("2026-11-29"));
    h.run();
    h
}

/// The last node with this label: the one in a menu or popup, drawn after the rest.
fn last<'a>(h: &'a H, label: &'a str) -> egui_kittest::Node<'a> {
    h.get_all_by_label(label).last().expect(label)
}

fn undo(h: &mut H) {
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
}

#[test]
fn a_decision_is_recorded_from_a_card_with_the_move_it_just_made_and_undone() {
    let mut h = record_harness();
    h.get_by_label("Vision").click_secondary();
    h.run();
    h.get_by_label_contains("Move card to PO").click();
    h.run();
    h.get_by_label("Vision").click_secondary();
    h.run();
    h.get_by_label("Record a decision…").click();
    h.run();
    assert_eq!(h.state().view.tab, Tab::Record, "the record opens");
    assert_eq!(h.state().editors.record.decision.text, "Vision: PM → PO");
    h.get_by_label("Record decision").click();
    h.run();
    let decisions = &h.state().doc.scenario.record.decisions;
    assert_eq!(decisions.len(), 1);
    let d = &decisions[0];
    assert_eq!(
        (
            d.text.as_str(),
            d.date,
            d.product.as_deref(),
            d.responsibility.as_deref()
        ),
        (
            "Vision: PM → PO",
            date("2026-11-29"),
            Some("shop"),
            Some("vision")
        )
    );
    assert!(
        h.query_by_label("Vision: PM → PO").is_some(),
        "listed under Decisions"
    );
    assert_eq!(
        h.state().editors.record.decision.text,
        "",
        "the form starts afresh"
    );
    undo(&mut h);
    assert!(h.state().doc.scenario.record.decisions.is_empty(), "undone");
    undo(&mut h);
    assert_eq!(
        h.state().doc.scenario.products[0].cards[0].column,
        rolesplit::model::Column::Pm,
        "then the move"
    );
}

#[test]
fn the_product_list_and_the_card_details_start_a_decision_too() {
    let mut h = record_harness();
    // The product in the products list (the left one of the labels "Shop").
    let product = h
        .get_all_by_label("Shop")
        .min_by(|a, b| a.rect().left().total_cmp(&b.rect().left()))
        .expect("the product");
    product.click_secondary();
    h.run();
    h.get_by_label("Record a decision…").click();
    h.run();
    let draft = &h.state().editors.record.decision;
    assert_eq!(
        (
            draft.product.as_deref(),
            draft.responsibility.as_deref(),
            draft.text.as_str()
        ),
        (Some("shop"), None, "")
    );
    assert_eq!(h.state().view.tab, Tab::Record);
    open_tab(&mut h, "Board");
    h.get_by_label("Vision").click();
    h.run();
    h.get_by_label("Record a decision…").click();
    h.run();
    let draft = &h.state().editors.record.decision;
    assert_eq!(
        draft.text, "Vision stays in PM",
        "no move yet: where it stands"
    );
    assert_eq!(draft.responsibility.as_deref(), Some("vision"));
    assert_eq!(h.state().view.tab, Tab::Record);
}

fn type_into(h: &mut H, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn an_action_is_added_with_an_owner_and_a_due_date_ticked_done_and_undone() {
    let mut h = record_harness();
    open_tab(&mut h, "Record");
    type_into(&mut h, "What", "Olga shadows refinement");
    h.get_by_label("Owner of the action").click();
    h.run();
    // The combo box's item (the people panel lists Olga too).
    last(&h, "Olga").click();
    h.run();
    type_into(&mut h, "Due", "2026-12-13");
    h.get_by_label("Add action").click();
    h.run();
    let expected = ActionItem {
        id: "a-olga-shadows-refinement".into(),
        text: "Olga shadows refinement".into(),
        owner: Some(Owner::Person("olga".into())),
        due: Some(date("2026-12-13")),
        done: false,
    };
    assert_eq!(
        h.state().doc.scenario.record.actions,
        std::slice::from_ref(&expected)
    );
    assert!(h.query_by_label("due 2026-12-13").is_some());

    h.get_by_label("Done: Olga shadows refinement").click();
    h.run();
    assert!(h.state().doc.scenario.record.actions[0].done, "ticked done");
    undo(&mut h);
    assert_eq!(
        h.state().doc.scenario.record.actions,
        [expected],
        "undo takes the tick back"
    );
    undo(&mut h);
    assert!(
        h.state().doc.scenario.record.actions.is_empty(),
        "and the action"
    );
}

#[test]
fn an_action_for_someone_outside_the_model_and_a_bad_date_is_said_in_the_form() {
    let mut h = record_harness();
    open_tab(&mut h, "Record");
    type_into(&mut h, "What", "Draft the PO job description");
    h.get_by_label("Owner of the action").click();
    h.run();
    h.get_by_label("Someone else").click();
    h.run();
    type_into(&mut h, "Name", "HR partner");
    type_into(&mut h, "Due", "13/12/2026");
    h.get_by_label("Add action").click();
    h.run();
    assert!(h.state().doc.scenario.record.actions.is_empty(), "refused");
    assert!(
        h.query_by_label_contains("due \"13/12/2026\" must be written YYYY-MM-DD")
            .is_some()
    );
    h.get_by_label("Due").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Due").type_text("");
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label("Add action").click();
    h.run();
    let actions = &h.state().doc.scenario.record.actions;
    assert_eq!(actions.len(), 1, "{:?}", h.state().editors.record.action);
    assert_eq!(actions[0].owner, Some(Owner::Named("HR partner".into())));
    assert_eq!(actions[0].due, None);
}

#[test]
fn removing_an_action_owner_names_them_in_the_preview_keeps_the_action_and_undo_restores_it() {
    let mut h = record_harness();
    let action = ActionItem {
        id: "a-1".into(),
        text: "Olga shadows refinement".into(),
        owner: Some(Owner::Person("olga".into())),
        due: None,
        done: false,
    };
    h.state_mut()
        .apply(Edit::AddAction(action.clone()))
        .expect("added");
    h.state_mut()
        .doc
        .ask_removal(Edit::RemovePerson("olga".into()));
    let effects = h
        .state()
        .doc
        .pending_removal
        .as_ref()
        .expect("asked")
        .effects
        .clone();
    assert!(
        effects.contains(
            &"Olga owns 1 action: “Olga shadows refinement”; it keeps “Olga” as a named owner."
                .to_string()
        ),
        "{effects:?}"
    );
    h.run();
    h.get_by_label("Remove").click();
    h.run();
    assert!(h.state().doc.scenario.person("olga").is_none(), "removed");
    assert_eq!(
        h.state().doc.scenario.record.actions[0].owner,
        Some(Owner::Named("Olga".into())),
        "the action stays, with her name"
    );
    undo(&mut h);
    assert_eq!(h.state().doc.scenario.record.actions, [action]);
    assert!(h.state().doc.scenario.person("olga").is_some());
}

#[test]
fn the_record_reads_in_presentation_mode() {
    let s = rolesplit::io::open(std::path::Path::new("data/samples/scaleup.ron")).expect("sample");
    let mut h = harness(s);
    h.state_mut().view.today.fix(date("2026-12-14"));
    h.run();
    h.key_press(Key::F11);
    h.run();
    open_tab(&mut h, "Record");
    for text in [
        "Market research stays parked until the marketplace has a PM of its own",
        "Draft the marketplace PM role description",
        "due 2026-12-11, overdue",
        "HR partner",
    ] {
        assert!(h.query_by_label(text).is_some(), "{text}");
    }
}

#[test]
fn a_short_decision_leaves_the_line_under_it_on_one_line() {
    for presenting in [false, true] {
        let mut h = record_harness();
        let decision = rolesplit::record::Decision {
            id: "d-1".into(),
            text: "Ok".into(),
            date: date("2026-11-29"),
            product: Some("shop".into()),
            responsibility: Some("vision".into()),
        };
        h.state_mut()
            .apply(Edit::AddDecision(decision))
            .expect("added");
        if presenting {
            h.key_press(Key::F11);
            h.run();
        }
        open_tab(&mut h, "Record");
        h.run();
        let short = h.get_by_label("Ok").rect();
        let doc = &h.state().doc;
        let line = format!("{} · {}", doc.name_of("shop"), doc.name_of("vision"));
        let under = h.get_by_label(&line).rect();
        assert!(
            under.height() < 1.5 * short.height(),
            "presenting {presenting}: {under:?} is one line like {short:?}"
        );
    }
}

#[test]
fn snapshot_of_the_record_tab() {
    let s = rolesplit::io::open(std::path::Path::new("data/samples/scaleup.ron")).expect("sample");
    let mut state = AppState::new(s, None);
    state.view.today.fix(date("2026-12-14"));
    state.view.tab = Tab::Record;
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 720.0))
        .with_theme(egui::Theme::Dark)
        .with_max_steps(32)
        .build_ui_state(
            |ui, state: &mut AppState| rolesplit::app::workbench_ui(ui, state),
            state,
        );
    h.run();
    h.snapshot("record_tab");
}
