//! The workshop record in scenario files (format 2): the contract's example loads, every
//! rule is refused at its line and column naming the id or field, format 1 files migrate,
//! files round-trip byte for byte, and edits elsewhere keep the record valid.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::line_of;
use rolesplit::edit::{Edit, apply, removal_effects};
use rolesplit::error::ReadError;
use rolesplit::parse::scenario_from_str;
use rolesplit::record::{ActionItem, Date, Decision, Owner};
use rolesplit::write::scenario_to_string;

fn record_example() -> String {
    std::fs::read_to_string("tests/fixtures/example-record.ron").expect("fixture")
}

/// The record example with `from` replaced by `to` (which must occur).
fn with(from: &str, to: &str) -> String {
    let text = record_example();
    assert!(text.contains(from), "the example contains {from:?}");
    text.replacen(from, to, 1)
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// The 1-based column (in characters) of the first `needle` on its line.
fn column_of(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle");
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[line_start..at].chars().count() + 1
}

fn error_of(text: &str) -> ReadError {
    scenario_from_str(text).expect_err("the file is refused")
}

/// Asserts the error names each of `words` and sits at the line and column of `at`.
fn assert_refused(text: &str, at: &str, words: &[&str]) {
    let e = error_of(text);
    for w in words {
        assert!(e.message.contains(w), "{:?} names {w:?}", e.message);
    }
    let p = e.position.expect("a position");
    assert_eq!(
        (p.line, p.column),
        (line_of(text, at), column_of(text, at)),
        "{:?} is at {at:?}",
        e.message
    );
}

#[test]
fn the_contract_example_with_a_record_loads() {
    let s = scenario_from_str(&record_example()).expect("loads");
    assert_eq!(s.format, 2);
    assert_eq!(s.settings.po_strategy_share, 0.5, "the setting's default");
    assert_eq!(
        s.record.decisions,
        [Decision {
            id: "d-backlog-stays".into(),
            text: "Backlog ordering stays with each squad's PO".into(),
            date: date("2026-11-29"),
            product: Some("checkout".into()),
            responsibility: Some("backlog".into()),
        }]
    );
    assert_eq!(
        s.record.actions,
        [
            ActionItem {
                id: "a-shadow".into(),
                text: "Tom shadows backlog refinement for two sprints".into(),
                owner: Some(Owner::Person("tom".into())),
                due: Some(date("2026-12-13")),
                done: false,
            },
            ActionItem {
                id: "a-hr".into(),
                text: "Draft the PO job description".into(),
                owner: Some(Owner::Named("HR partner".into())),
                due: None,
                done: false,
            },
        ]
    );
}

#[test]
fn a_record_with_only_some_fields_takes_the_defaults() {
    let text = with(
        "owner: Some(Named(\"HR partner\")), due: None, done: false",
        "owner: None",
    )
    .replace(
        ", product: Some(\"checkout\"), responsibility: Some(\"backlog\")",
        "",
    );
    let s = scenario_from_str(&text).expect("loads");
    assert_eq!(s.record.decisions[0].product, None);
    assert_eq!(s.record.decisions[0].responsibility, None);
    let hr = &s.record.actions[1];
    assert_eq!((&hr.owner, hr.due, hr.done), (&None, None, false));
    let text = record_example().replace(
        "        actions: [\n",
        "        actions: [\n            Action(id: \"a-min\", text: \"Only a text\"),\n",
    );
    let s = scenario_from_str(&text).expect("loads");
    assert!(!s.record.actions[0].done, "done defaults to false");
    let none = record_example().replacen(
        "    record: Record(",
        "    record: Record(\n    ),\n    old_record: Record(",
        1,
    );
    assert!(
        scenario_from_str(&none).is_err(),
        "an unknown field is still refused"
    );
}

#[test]
fn a_date_that_does_not_exist_is_refused_quoting_it() {
    let text = with("\"2026-11-29\"", "\"2026-02-30\"");
    assert_refused(
        &text,
        "\"2026-02-30\"",
        &["date \"2026-02-30\" is not a calendar date"],
    );
    // 2024 is a leap year, 2100 is not.
    assert!(scenario_from_str(&with("\"2026-11-29\"", "\"2024-02-29\"")).is_ok());
    let text = with("\"2026-11-29\"", "\"2100-02-29\"");
    assert_refused(
        &text,
        "\"2100-02-29\"",
        &["\"2100-02-29\"", "calendar date"],
    );
}

#[test]
fn a_date_written_another_way_is_refused_quoting_it() {
    let text = with("Some(\"2026-12-13\")", "Some(\"13/12/2026\")");
    assert_refused(
        &text,
        "\"13/12/2026\"",
        &["due \"13/12/2026\" must be written YYYY-MM-DD"],
    );
    let text = with("\"2026-11-29\"", "\"2026-11-9\"");
    assert_refused(
        &text,
        "\"2026-11-9\"",
        &["date \"2026-11-9\"", "YYYY-MM-DD"],
    );
}

#[test]
fn record_ids_join_the_one_namespace() {
    let text = with("id: \"a-hr\"", "id: \"checkout\"");
    assert_refused(
        &text,
        "\"checkout\", text",
        &["\"checkout\"", "used twice", "a product", "an action"],
    );
    let text = with("id: \"a-hr\"", "id: \"d-backlog-stays\"");
    assert_refused(
        &text,
        "\"d-backlog-stays\", text: \"Draft",
        &["\"d-backlog-stays\"", "a decision", "an action"],
    );
    let text = with("id: \"a-hr\"", "id: \"\"");
    assert_refused(&text, "\"\", text: \"Draft", &["empty id", "action"]);
}

#[test]
fn texts_must_have_words_and_at_most_2000_characters() {
    let text = with("text: \"Draft the PO job description\"", "text: \"   \"");
    assert_refused(&text, "\"   \"", &["action \"a-hr\"", "`text`", "empty"]);
    let long = "é".repeat(2001);
    let text = with(
        "text: \"Backlog ordering stays with each squad's PO\"",
        &format!("text: \"{long}\""),
    );
    assert_refused(
        &text,
        &format!("\"{long}\""),
        &[
            "decision \"d-backlog-stays\"",
            "`text`",
            "2,001 characters",
            "2,000",
        ],
    );
    let exactly = "é".repeat(2000);
    let text = with(
        "text: \"Backlog ordering stays with each squad's PO\"",
        &format!("text: \"{exactly}\""),
    );
    assert!(
        scenario_from_str(&text).is_ok(),
        "2,000 characters are allowed"
    );
}

#[test]
fn a_decision_names_a_product_and_a_card_that_exist() {
    let text = with("product: Some(\"checkout\")", "product: Some(\"payments\")");
    assert_refused(
        &text,
        "\"payments\"",
        &["decision \"d-backlog-stays\"", "\"payments\"", "no product"],
    );
    let text = with("product: Some(\"checkout\")", "product: Some(\"squad-a\")");
    assert_refused(
        &text,
        "\"squad-a\")",
        &["\"squad-a\"", "a team, not a product"],
    );
    let text = with(
        "responsibility: Some(\"backlog\")",
        "responsibility: Some(\"roadmap\")",
    );
    assert_refused(
        &text,
        "\"roadmap\"",
        &[
            "decision \"d-backlog-stays\"",
            "\"roadmap\"",
            "no responsibility",
        ],
    );
    // Alone, a responsibility must exist; with a product, be on its board.
    let alone = with(
        "product: Some(\"checkout\"), responsibility: Some(\"backlog\")",
        "responsibility: Some(\"backlog\")",
    );
    assert!(scenario_from_str(&alone).is_ok());
    let off_board = with(
        "                Card(responsibility: \"vision\", column: Pm),\n",
        "",
    )
    .replacen(
        "responsibility: Some(\"backlog\")",
        "responsibility: Some(\"vision\")",
        1,
    );
    assert_refused(
        &off_board,
        "\"vision\")),",
        &["\"vision\"", "\"checkout\"", "not on the product's board"],
    );
}

#[test]
fn an_owner_is_a_person_or_a_name_of_1_to_80_characters() {
    let text = with("Person(\"tom\")", "Person(\"tim\")");
    assert_refused(
        &text,
        "\"tim\"",
        &["action \"a-shadow\"", "\"tim\"", "no person"],
    );
    let text = with("Person(\"tom\")", "Person(\"leadership\")");
    assert_refused(
        &text,
        "\"leadership\")",
        &["\"leadership\"", "a stakeholder, not a person"],
    );
    let text = with("Named(\"HR partner\")", "Named(\"\")");
    assert_refused(&text, "\"\")", &["action \"a-hr\"", "`owner`", "empty"]);
    let name81 = "n".repeat(81);
    let text = with("Named(\"HR partner\")", &format!("Named(\"{name81}\")"));
    assert_refused(
        &text,
        &format!("\"{name81}\""),
        &["action \"a-hr\"", "81 characters", "1 to 80"],
    );
    let name80 = "ñ".repeat(80);
    let text = with("Named(\"HR partner\")", &format!("Named(\"{name80}\")"));
    assert!(
        scenario_from_str(&text).is_ok(),
        "80 characters are allowed"
    );
}

#[test]
fn the_new_setting_is_checked_and_named() {
    for (value, ok) in [
        ("1.0", true),
        ("0.001", true),
        ("0.0", false),
        ("-0.5", false),
        ("1.01", false),
        ("NaN", false),
        ("inf", false),
    ] {
        let text = with(
            "        cost_region: Us,\n",
            &format!("        cost_region: Us,\n        po_strategy_share: {value},\n"),
        );
        match scenario_from_str(&text) {
            Ok(s) => {
                assert!(ok, "{value} is refused");
                assert_eq!(s.settings.po_strategy_share, value.parse::<f64>().unwrap());
            }
            Err(e) => {
                assert!(!ok, "{value} loads: {}", e.message);
                assert!(e.message.contains("`po_strategy_share`"), "{}", e.message);
                assert_eq!(
                    e.position.map(|p| p.line),
                    Some(line_of(&text, "po_strategy_share"))
                );
            }
        }
    }
}

#[test]
fn a_format_1_file_loads_with_an_empty_record_and_is_saved_as_format_2() {
    let v1 = common::example_text();
    assert!(
        v1.contains("format: 1,"),
        "precondition: the format 1 example"
    );
    let s = scenario_from_str(&v1).expect("a format 1 file loads");
    assert_eq!(s.format, 2);
    assert!(s.record.is_empty());
    assert_eq!(s.settings.po_strategy_share, 0.5);
    let saved = scenario_to_string(&s);
    assert!(saved.starts_with("Scenario(\n    format: 2,\n"), "{saved}");
    assert!(
        saved.contains("        po_strategy_share: 0.5,\n"),
        "{saved}"
    );
    assert!(!saved.contains("record"), "an empty record is left out");
    assert_eq!(scenario_from_str(&saved).expect("reloads"), s);
}

#[test]
fn save_load_save_is_byte_identical_with_a_record() {
    let s = scenario_from_str(&record_example()).expect("loads");
    let first = scenario_to_string(&s);
    let again = scenario_to_string(&scenario_from_str(&first).expect("reloads"));
    assert_eq!(first, again);
    // The bundled scale-up sample is written in the writer's layout, with a record.
    let sample = std::fs::read_to_string("data/samples/scaleup.ron").expect("sample");
    let s = scenario_from_str(&sample).expect("loads");
    assert_eq!(s.record.decisions.len(), 3);
    assert_eq!(scenario_to_string(&s), sample, "saved as it was written");
}

#[test]
fn each_decision_and_action_is_written_on_a_line_of_its_own() {
    let s = scenario_from_str(&record_example()).expect("loads");
    let saved = scenario_to_string(&s);
    let tail = &saved[saved.find("    record: Record(").expect("a record")..];
    assert_eq!(
        tail,
        "    record: Record(\n        decisions: [\n            Decision(id: \"d-backlog-stays\", text: \"Backlog ordering stays with each squad's PO\", date: \"2026-11-29\", product: Some(\"checkout\"), responsibility: Some(\"backlog\")),\n        ],\n        actions: [\n            Action(id: \"a-shadow\", text: \"Tom shadows backlog refinement for two sprints\", owner: Some(Person(\"tom\")), due: Some(\"2026-12-13\")),\n            Action(id: \"a-hr\", text: \"Draft the PO job description\", owner: Some(Named(\"HR partner\"))),\n        ],\n    ),\n)\n"
    );
    // A text with a line break stays on its line (escaped).
    let mut s = s;
    s.record.actions[1].text = "Draft\nthe \"PO\" job".into();
    let saved = scenario_to_string(&s);
    assert!(
        saved.contains("text: \"Draft\\nthe \\\"PO\\\" job\""),
        "{saved}"
    );
    assert_eq!(scenario_from_str(&saved).expect("reloads"), s);
}

fn loaded() -> rolesplit::Scenario {
    scenario_from_str(&record_example()).expect("loads")
}

#[test]
fn removing_an_action_owner_keeps_the_action_with_their_name() {
    let mut s = loaded();
    let a = rolesplit::analyze(&s);
    let effects = removal_effects(&s, &a, &Edit::RemovePerson("tom".into()));
    assert!(
        effects.iter().any(|e| e
            == "Tom owns 1 action: “Tom shadows backlog refinement for two sprints”; it keeps “Tom” as a named owner."),
        "{effects:?}"
    );
    assert_eq!(apply(&mut s, &Edit::RemovePerson("tom".into())), Ok(true));
    assert_eq!(s.record.actions[0].owner, Some(Owner::Named("Tom".into())));
    assert_eq!(
        s.record.actions[0].text,
        "Tom shadows backlog refinement for two sprints"
    );
    rolesplit::validate::validate_scenario(&s).expect("still valid");
}

#[test]
fn a_long_name_is_cut_to_80_characters_when_its_person_leaves() {
    let mut s = loaded();
    let long = "Thomas ".repeat(20);
    s.people[1].name = long.clone();
    apply(&mut s, &Edit::RemovePerson("tom".into())).expect("applies");
    let expected: String = long.chars().take(80).collect();
    assert_eq!(s.record.actions[0].owner, Some(Owner::Named(expected)));
}

#[test]
fn removing_what_a_decision_names_clears_that_reference_and_says_so() {
    let s = loaded();
    let a = rolesplit::analyze(&s);
    let text = "“Backlog ordering stays with each squad's PO”";
    // The card: the decision keeps its product.
    let edit = Edit::RemoveCard {
        product: "checkout".into(),
        responsibility: "backlog".into(),
    };
    let effects = removal_effects(&s, &a, &edit);
    assert!(
        effects.contains(&format!(
            "1 decision is kept without a card (the text stays): {text}."
        )),
        "{effects:?}"
    );
    let mut after = s.clone();
    apply(&mut after, &edit).expect("applies");
    let d = &after.record.decisions[0];
    assert_eq!(
        (d.product.as_deref(), d.responsibility.as_deref()),
        (Some("checkout"), None)
    );
    // The responsibility.
    let mut after = s.clone();
    let edit = Edit::RemoveResponsibility("backlog".into());
    assert!(
        removal_effects(&s, &a, &edit)
            .iter()
            .any(|e| e.contains("without a card"))
    );
    apply(&mut after, &edit).expect("applies");
    assert_eq!(after.record.decisions[0].responsibility, None);
    assert_eq!(
        after.record.decisions[0].product.as_deref(),
        Some("checkout")
    );
    // The product.
    let mut after = s.clone();
    let edit = Edit::RemoveProduct("checkout".into());
    assert!(removal_effects(&s, &a, &edit).contains(&format!(
        "1 decision is kept without a product (the text stays): {text}."
    )),);
    apply(&mut after, &edit).expect("applies");
    let d = &after.record.decisions[0];
    assert_eq!(
        (d.product.as_deref(), d.responsibility.as_deref()),
        (None, Some("backlog"))
    );
    assert_eq!(d.text, "Backlog ordering stays with each squad's PO");
}

#[test]
fn record_edits_add_update_and_remove_and_refuse_what_breaks_a_rule() {
    let mut s = loaded();
    let decision = Decision {
        id: "d-new".into(),
        text: "Tom is PO of squad A too".into(),
        date: date("2026-11-30"),
        product: Some("checkout".into()),
        responsibility: None,
    };
    assert_eq!(
        apply(&mut s, &Edit::AddDecision(decision.clone())),
        Ok(true)
    );
    assert_eq!(s.record.decisions.last(), Some(&decision));
    let done = ActionItem {
        done: true,
        ..s.record.actions[0].clone()
    };
    assert_eq!(
        Edit::UpdateAction(done.clone()).describe(&s),
        "Tick “Tom shadows backlog refinement for two sprints” done"
    );
    assert_eq!(apply(&mut s, &Edit::UpdateAction(done)), Ok(true));
    assert!(s.record.actions[0].done);
    assert_eq!(apply(&mut s, &Edit::RemoveAction("a-hr".into())), Ok(true));
    assert_eq!(s.record.actions.len(), 1);
    let before = s.clone();
    let dangling = ActionItem {
        owner: Some(Owner::Person("nobody".into())),
        ..s.record.actions[0].clone()
    };
    assert!(apply(&mut s, &Edit::UpdateAction(dangling)).is_err());
    let taken = Decision {
        id: "checkout".into(),
        ..decision
    };
    assert!(
        apply(&mut s, &Edit::AddDecision(taken)).is_err(),
        "ids are unique"
    );
    assert_eq!(s, before, "a refused edit changes nothing");
    assert_eq!(
        rolesplit::edit::unique_id(&s, "d-new", "d"),
        "d-new-2",
        "new ids avoid the record's"
    );
}
