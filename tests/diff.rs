//! Comparing scenarios (scenario-format.md, "diff"): the core reports each kind of change,
//! the contract's worked example prints exactly its JSON, the documents escape every user
//! string, and `rolesplit diff` exits as the contract says.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::process::{Command, Output};

use common::{example_text, temp_file};
use rolesplit::diff::{Comparison, Diff, Seat, SeatChange, diff};
use rolesplit::findings::{Rule, Severity};
use rolesplit::model::Column::{Pm, Po, Unassigned};
use rolesplit::model::Method::Scrum;
use rolesplit::model::Scenario;
use rolesplit::testkit::Builder;

fn rolesplit_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .current_dir(dir)
        .args(args)
        .env("WAYLAND_DISPLAY", "")
        .env("DISPLAY", "")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The contract's option B: the example with Tom as PO of Squad A, the vision card in the
/// PO column and a person Sam with no seat.
fn example_b() -> String {
    let replace = |text: String, from: &str, to: &str| {
        assert_eq!(
            text.matches(from).count(),
            1,
            "the example has {from:?} once"
        );
        text.replace(from, to)
    };
    let text = example_text();
    let text = replace(
        text,
        "engineers: 6, method: Scrum, po: Some(\"maya\")",
        "engineers: 6, method: Scrum, po: Some(\"tom\")",
    );
    let text = replace(
        text,
        "Card(responsibility: \"vision\", column: Pm)",
        "Card(responsibility: \"vision\", column: Po)",
    );
    replace(
        text,
        "annual_cost: None),\n",
        "annual_cost: None),\n        Person(id: \"sam\", name: \"Sam\"),\n",
    )
}

/// A folder holding the example as a.ron and option B as b.ron.
fn example_pair() -> tempfile::TempDir {
    let (dir, _) = temp_file("a.ron", &example_text());
    std::fs::write(dir.path().join("b.ron"), example_b()).expect("write b.ron");
    dir
}

/// Pat is PM of shop, Olga PO of its Scrum squad; vision (3 h) in PM, backlog (4 h a
/// team) in PO, research (2 h) parked.
fn base() -> Builder {
    common::small_board_builder()
}

fn ids(list: &[String]) -> Vec<&str> {
    list.iter().map(String::as_str).collect()
}

/// Whether only the named lists of the diff hold something.
fn only_changed(d: &Diff, expected: &[&str]) {
    let lists = [
        ("products_added", d.products_added.len()),
        ("products_removed", d.products_removed.len()),
        ("teams_added", d.teams_added.len()),
        ("teams_removed", d.teams_removed.len()),
        ("people_added", d.people_added.len()),
        ("people_removed", d.people_removed.len()),
        ("moved_cards", d.moved_cards.len()),
        ("added_cards", d.added_cards.len()),
        ("removed_cards", d.removed_cards.len()),
        ("changed_cards", d.changed_cards.len()),
        ("seats", d.seats.len()),
        ("load", d.load.len()),
        ("findings_gained", d.findings_gained.len()),
        ("findings_lost", d.findings_lost.len()),
        ("findings_changed", d.findings_changed.len()),
        ("decisions_added", d.decisions_added.len()),
        ("decisions_removed", d.decisions_removed.len()),
        ("decisions_changed", d.decisions_changed.len()),
        ("actions_added", d.actions_added.len()),
        ("actions_removed", d.actions_removed.len()),
        ("actions_changed", d.actions_changed.len()),
    ];
    let changed: Vec<&str> = lists
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(name, _)| *name)
        .collect();
    assert_eq!(changed, expected, "{d:#?}");
}

#[test]
fn identical_scenarios_give_empty_lists_and_the_same_cost() {
    let s = base().build();
    let d = diff(&s, &s);
    only_changed(&d, &[]);
    assert!(d.is_empty());
    assert_eq!(d.cost, [272_000.0, 272_000.0]);
}

#[test]
fn identical_files_print_empty_lists() {
    let (dir, _) = temp_file("a.ron", &example_text());
    std::fs::write(dir.path().join("b.ron"), example_text()).expect("write");
    let out = rolesplit_in(dir.path(), &["diff", "a.ron", "b.ron", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "{\"a\":\"a.ron\",\"b\":\"b.ron\",\"products_added\":[],\"products_removed\":[],\"teams_added\":[],\"teams_removed\":[],\"people_added\":[],\"people_removed\":[],\"moved_cards\":[],\"added_cards\":[],\"removed_cards\":[],\"seats\":[],\"load\":[],\"findings_gained\":[],\"findings_lost\":[],\"findings_changed\":[],\"cost\":[272000.0,272000.0],\"decisions_added\":[],\"decisions_removed\":[],\"decisions_changed\":[],\"actions_added\":[],\"actions_removed\":[],\"actions_changed\":[],\"changed_cards\":[]}\n"
    );
    let text = rolesplit_in(dir.path(), &["diff", "a.ron", "b.ron"]);
    assert!(
        stdout(&text).contains("No differences"),
        "{}",
        stdout(&text)
    );
}

#[test]
fn the_contract_example_prints_exactly_its_json() {
    let dir = example_pair();
    let out = rolesplit_in(dir.path(), &["diff", "a.ron", "b.ron", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let expected_text =
        std::fs::read_to_string("tests/fixtures/example-diff.json").expect("fixture");
    let got: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let expected: serde_json::Value = serde_json::from_str(&expected_text).expect("JSON");
    assert_eq!(got, expected);
    // The same text, so the keys come in the contract's order at every level, on one line.
    assert_eq!(text, format!("{}\n", expected_text.trim_end()));
}

#[test]
fn products_added_and_removed_are_listed_by_id_in_file_order() {
    let a = base().product("app", None, &[]).build();
    let b = base()
        .product("web", None, &[])
        .product("api", None, &[])
        .build();
    let d = diff(&a, &b);
    assert_eq!(ids(&d.products_added), ["web", "api"]);
    assert_eq!(ids(&d.products_removed), ["app"]);
    only_changed(&d, &["products_added", "products_removed"]);
}

#[test]
fn teams_added_and_removed_are_listed_by_id() {
    let a = base()
        .team("kanban", "shop", 3, Scrum, Some("olga"))
        .build();
    let b = base().team("ops", "shop", 3, Scrum, Some("olga")).build();
    let d = diff(&a, &b);
    assert_eq!(ids(&d.teams_added), ["ops"]);
    assert_eq!(ids(&d.teams_removed), ["kanban"]);
    assert!(d.seats.is_empty(), "a new team's seat is no seat change");
}

#[test]
fn people_added_and_removed_are_listed_with_their_load() {
    let a = base().person("ann", 40.0).build();
    let b = base().person("bob", 40.0).build();
    let d = diff(&a, &b);
    assert_eq!(ids(&d.people_added), ["bob"]);
    assert_eq!(ids(&d.people_removed), ["ann"]);
    only_changed(&d, &["people_added", "people_removed", "load"]);
    let load: Vec<(&str, bool, bool)> = d
        .load
        .iter()
        .map(|l| (l.id.as_str(), l.before.is_some(), l.after.is_some()))
        .collect();
    assert_eq!(load, [("ann", true, false), ("bob", false, true)]);
}

#[test]
fn a_moved_card_is_reported_with_both_columns() {
    let a = base().build();
    let mut b = a.clone();
    b.products[0].cards[2].column = Pm;
    let d = diff(&a, &b);
    assert_eq!(d.moved_cards.len(), 1);
    let m = &d.moved_cards[0];
    assert_eq!(
        (m.product.as_str(), m.responsibility.as_str(), m.from, m.to),
        ("shop", "research", Unassigned, Pm)
    );
    assert!(d.added_cards.is_empty() && d.removed_cards.is_empty());
}

#[test]
fn a_card_edited_in_place_is_reported_with_its_details_before_and_after() {
    let a = base().build();
    let mut b = a.clone();
    let card = &mut b.products[0].cards[1];
    card.hours = Some(5.5);
    card.note = "agreed on Monday".into();
    card.flagged = true;
    b.products[0].cards[0].pinned = true;
    let d = diff(&a, &b);
    only_changed(&d, &["changed_cards", "load"]);
    let fields: Vec<(&str, &[&str])> = d
        .changed_cards
        .iter()
        .map(|c| (c.responsibility.as_str(), c.fields.as_slice()))
        .collect();
    assert_eq!(
        fields,
        [
            ("vision", &["pinned"][..]),
            ("backlog", &["hours", "note", "flagged"][..])
        ]
    );
    let comparison = Comparison {
        a_label: "a.ron",
        a: &a,
        b_label: "b.ron",
        b: &b,
        diff: &d,
    };
    let json: serde_json::Value = serde_json::from_str(&comparison.json()).expect("JSON");
    assert_eq!(
        json["changed_cards"][1],
        serde_json::json!({
            "product": "shop",
            "responsibility": "backlog",
            "changed": ["hours", "note", "flagged"],
            "before": {"hours": 4.0, "note": "", "flagged": false, "pinned": false},
            "after": {"hours": 5.5, "note": "agreed on Monday", "flagged": true, "pinned": false}
        })
    );
    let text = comparison.text();
    assert!(text.contains("2 cards edited"), "{text}");
    for line in [
        "4.0 h",
        "5.5 h",
        "no note",
        "“agreed on Monday”",
        "not flagged",
        "pinned",
    ] {
        assert!(text.contains(line), "{line} in {text}");
    }
}

#[test]
fn an_override_equal_to_the_responsibility_is_no_edit_but_new_hours_for_it_are() {
    let a = base().build();
    let mut b = a.clone();
    // The backlog's own hours are 4.0: an override of 4.0 carries the same hours.
    b.products[0].cards[1].hours = Some(4.0);
    only_changed(&diff(&a, &b), &[]);
    // A responsibility's new hours change the cards that take them.
    let mut c = a.clone();
    c.responsibilities[1].hours = 6.0;
    let d = diff(&a, &c);
    assert_eq!(d.changed_cards.len(), 1, "{d:#?}");
    assert_eq!(d.changed_cards[0].fields, ["hours"]);
    assert_eq!(
        (
            d.changed_cards[0].before.hours,
            d.changed_cards[0].after.hours
        ),
        (4.0, 6.0)
    );
}

#[test]
fn a_card_moved_and_noted_is_both_moved_and_edited() {
    let a = base().build();
    let mut b = a.clone();
    // A board in another order takes the slower path: the same answer.
    b.products[0].cards.reverse();
    let card = b.products[0]
        .cards
        .iter_mut()
        .find(|c| c.responsibility == "vision");
    let card = card.expect("vision card");
    card.column = Po;
    card.note = "the PO owns it now".into();
    let d = diff(&a, &b);
    assert_eq!(d.moved_cards.len(), 1);
    assert_eq!(d.changed_cards.len(), 1);
    assert_eq!(d.changed_cards[0].responsibility, "vision");
    assert_eq!(d.changed_cards[0].fields, ["note"]);
}

#[test]
fn added_and_removed_cards_are_reported_with_their_column() {
    let a = base().build();
    let mut b = a.clone();
    b.products[0].cards.retain(|c| c.responsibility != "vision");
    let d = diff(&a, &b);
    assert_eq!(d.removed_cards.len(), 1);
    assert_eq!(d.removed_cards[0].responsibility, "vision");
    assert_eq!(d.removed_cards[0].column, Pm);
    let d = diff(&b, &a);
    assert_eq!(d.added_cards.len(), 1);
    assert_eq!(d.added_cards[0].product, "shop");
    assert_eq!(d.added_cards[0].column, Pm);
    assert!(d.moved_cards.is_empty());
    let json: serde_json::Value = serde_json::from_str(
        &Comparison {
            a_label: "b.ron",
            a: &b,
            b_label: "a.ron",
            b: &a,
            diff: &d,
        }
        .json(),
    )
    .expect("JSON");
    assert_eq!(
        json["added_cards"],
        serde_json::json!([{"product": "shop", "responsibility": "vision", "column": "Pm"}])
    );
}

#[test]
fn pm_and_po_seat_changes_are_reported_with_null_for_an_empty_seat() {
    let a = base().build();
    let mut b = a.clone();
    b.products[0].pm = Some("olga".into());
    b.teams[0].po = None;
    let d = diff(&a, &b);
    assert_eq!(
        d.seats,
        [
            SeatChange {
                seat: Seat::Pm {
                    product: "shop".into()
                },
                from: Some("pat".into()),
                to: Some("olga".into()),
            },
            SeatChange {
                seat: Seat::Po {
                    team: "squad".into()
                },
                from: Some("olga".into()),
                to: None,
            },
        ]
    );
    let c = Comparison {
        a_label: "a.ron",
        a: &a,
        b_label: "b.ron",
        b: &b,
        diff: &d,
    };
    let json: serde_json::Value = serde_json::from_str(&c.json()).expect("JSON");
    assert_eq!(
        json["seats"],
        serde_json::json!([
            {"seat": "pm", "product": "shop", "from": "pat", "to": "olga"},
            {"seat": "po", "team": "squad", "from": "olga", "to": null},
        ])
    );
}

#[test]
fn load_lists_only_people_whose_numbers_differ() {
    let a = base().person("idle", 40.0).build();
    let mut b = a.clone();
    b.products[0].cards[0].hours = Some(5.0); // vision: Pat 3 h → 5 h
    b.people[1].other_hours = 2.0; // Olga: load 4 h → 6 h
    let d = diff(&a, &b);
    let people: Vec<&str> = d.load.iter().map(|l| l.id.as_str()).collect();
    assert_eq!(people, ["pat", "olga"], "idle's numbers did not change");
    let pat = &d.load[0];
    let (before, after) = (pat.before.unwrap(), pat.after.unwrap());
    assert_eq!(
        (before.strategy_hours, after.strategy_hours),
        (3.0, 5.0),
        "{pat:?}"
    );
    assert_eq!((before.load_hours, after.load_hours), (3.0, 5.0));
    let olga = &d.load[1];
    assert_eq!(olga.before.unwrap().execution_hours, 4.0);
    assert_eq!(olga.after.unwrap().execution_hours, 4.0);
    assert_eq!(olga.after.unwrap().load_hours, 6.0);
}

#[test]
fn findings_gained_and_lost_are_matched_by_rule_and_subjects() {
    let a = base().build();
    let mut b = a.clone();
    b.teams[0].po = Some("pat".into()); // Pat becomes PO too: combined, on one team
    let d = diff(&a, &b);
    // One team of 6 engineers may be combined: no combined-role finding either way.
    assert!(d.findings_gained.is_empty(), "{:?}", d.findings_gained);
    b.products[0].cards[0].column = Unassigned;
    b.products[0].cards[1].column = Pm;
    let d = diff(&a, &b);
    let gained: Vec<(Rule, &[String])> = d
        .findings_gained
        .iter()
        .map(|f| (f.rule, f.subjects.as_slice()))
        .collect();
    // Pat now has 4 h of execution and no strategy: nothing starves; the vision is parked.
    assert_eq!(gained.len(), 1, "{gained:?}");
    assert_eq!(gained[0].0, Rule::UnassignedCards);
    assert_eq!(gained[0].1, ["shop", "vision", "research"]);
    assert_eq!(d.findings_lost.len(), 1);
    assert_eq!(d.findings_lost[0].rule, Rule::UnassignedCards);
    assert_eq!(d.findings_lost[0].subjects, ["shop", "research"]);
    assert!(d.findings_changed.is_empty());
}

#[test]
fn a_finding_whose_severity_changed_is_listed_once_as_changed() {
    // Pat's 40 h week: 45 h is an overload warning, 55 h (above 125 %) an error.
    let over = |other: f64| {
        let mut s = base().build();
        s.people[0].other_hours = other;
        s
    };
    let (a, b) = (over(42.0), over(52.0));
    let d = diff(&a, &b);
    assert_eq!(d.findings_changed.len(), 1, "{:?}", d.findings_changed);
    let f = &d.findings_changed[0];
    assert_eq!(f.rule, Rule::Overload);
    assert_eq!(f.subjects, ["pat"]);
    assert_eq!((f.from, f.to), (Severity::Warning, Severity::Error));
    assert!(d.findings_gained.iter().all(|g| g.rule != Rule::Overload));
    assert!(d.findings_lost.is_empty(), "{:?}", d.findings_lost);
    let json: serde_json::Value = serde_json::from_str(
        &Comparison {
            a_label: "a",
            a: &a,
            b_label: "b",
            b: &b,
            diff: &d,
        }
        .json(),
    )
    .expect("JSON");
    assert_eq!(
        json["findings_changed"],
        serde_json::json!([{"rule": "overload", "subjects": ["pat"], "from": "warning", "to": "error"}])
    );
}

#[test]
fn cost_is_a_and_b_leadership_cost() {
    let a = base().person("ann", 40.0).cost(90_000.0).build();
    let mut b = a.clone();
    b.teams[0].po = Some("ann".into());
    let d = diff(&a, &b);
    assert_eq!(d.cost, [272_000.0, 249_000.0]);
    assert_eq!(d.cost_change(), -23_000.0);
    let md = Comparison {
        a_label: "a.ron",
        a: &a,
        b_label: "b.ron",
        b: &b,
        diff: &d,
    }
    .markdown();
    assert!(md.contains("$272,000") && md.contains("$249,000"), "{md}");
    assert!(md.contains("-$23,000"), "{md}");
}

/// A scenario whose every user string tries to break out of its document.
fn hostile(suffix: &str) -> Scenario {
    let evil = |what: &str| format!("{what} <script>alert(\"x\")</script> | & 'q'\nnext{suffix}");
    let mut s = base().person("eve", 40.0).build();
    s.name = evil("Scenario");
    for p in &mut s.people {
        p.name = evil(&p.name);
    }
    for p in &mut s.products {
        p.name = evil(&p.name);
    }
    for t in &mut s.teams {
        t.name = evil(&t.name);
    }
    for r in &mut s.responsibilities {
        r.title = evil(&r.title);
    }
    s
}

/// A comparison of hostile scenarios that fills every section of the document.
fn hostile_documents() -> (String, String) {
    let a = hostile(" A");
    let mut b = hostile(" B");
    b.products[0].pm = Some("eve".into()); // a seat
    b.products[0].cards[2].column = Pm; // a moved card, load, findings
    b.people.retain(|p| p.id != "olga"); // a person removed…
    b.teams[0].po = None; // …and a finding gained
    let d = diff(&a, &b);
    assert!(!d.seats.is_empty() && !d.moved_cards.is_empty() && !d.load.is_empty());
    assert!(!d.people_removed.is_empty() && !d.findings_gained.is_empty());
    let label = "<script>x</script>|&\"a\".ron";
    let c = Comparison {
        a_label: label,
        a: &a,
        b_label: label,
        b: &b,
        diff: &d,
    };
    (c.markdown(), c.html())
}

/// The number of cells of a Markdown table row: its `|` that are not escaped, less one.
fn cells(row: &str) -> usize {
    let mut n = 0;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => n += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    n - 1
}

#[test]
fn markdown_escapes_every_user_string_and_keeps_table_rows_whole() {
    let (md, _) = hostile_documents();
    assert!(!md.to_lowercase().contains("<script"), "{md}");
    assert!(md.contains("&lt;script&gt;"), "{md}");
    assert!(!md.contains(" & "), "a bare & stays text: {md}");
    // Every table row has as many cells as its header; no user line break splits a row.
    let mut header_cells = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let n = cells(line);
            let expected = *header_cells.get_or_insert(n);
            assert_eq!(n, expected, "row {line:?}\n{md}");
            assert!(line.ends_with(" |"), "{line:?}");
        } else {
            header_cells = None;
            assert!(
                !line.starts_with("next"),
                "a line break escaped a cell: {md}"
            );
        }
    }
    // Names, not ids, where a person reads.
    assert!(md.contains("Eve <br>") || md.contains("Eve &lt;"), "{md}");
}

#[test]
fn html_escapes_every_user_string_and_fetches_nothing() {
    let (_, html) = hostile_documents();
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(&quot;x&quot;)"),
        "{html}"
    );
    assert!(html.contains("&#39;q&#39;"), "{html}");
    // Every & starts an entity: nothing raw slipped through.
    for (at, _) in html.match_indices('&') {
        let rest = &html[at..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| rest.starts_with(e)),
            "raw & at {at}: {}",
            &rest[..rest.len().min(20)]
        );
    }
    for external in ["src=", "href=", "@import", "url(", "http:", "https:"] {
        assert!(!lower.contains(external), "{external} in {html}");
    }
    assert!(lower.starts_with("<!doctype html>"));
    assert!(html.contains("<style>"));
}

#[test]
fn the_documents_use_names_and_rounded_numbers() {
    let dir = example_pair();
    for format in ["md", "html", "text"] {
        let out = rolesplit_in(dir.path(), &["diff", "a.ron", "b.ron", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(text.contains("Option A vs option B"), "{format}: {text}");
        assert!(text.contains("PO of Squad A"), "{format}: {text}");
        assert!(
            text.contains("Set and communicate the product vision"),
            "{text}"
        );
        assert!(text.contains("8.0 → 0.0"), "{format}: {text}");
        assert!(text.contains("$272,000"), "{format}: {text}");
        assert!(!text.contains("squad-a"), "names, not ids: {text}");
    }
}

#[test]
fn diff_exits_0_when_both_files_load() {
    let dir = example_pair();
    let out = rolesplit_in(dir.path(), &["diff", "a.ron", "b.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn diff_exits_2_when_a_file_does_not_load() {
    let dir = example_pair();
    let bad = example_text().replace("id: \"tom\"", "id: \"maya\"");
    std::fs::write(dir.path().join("bad.ron"), bad).expect("write");
    for args in [["diff", "a.ron", "bad.ron"], ["diff", "bad.ron", "b.ron"]] {
        let out = rolesplit_in(dir.path(), &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stdout(&out).is_empty(), "{}", stdout(&out));
        let err = stderr(&out);
        assert!(err.starts_with("rolesplit: bad.ron:"), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
    }
    let out = rolesplit_in(
        dir.path(),
        &["diff", "missing.ron", "b.ron", "--format", "json"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("rolesplit: missing.ron: "));
}
