//! The minutes (`export --format minutes-md|minutes-html`, File ▸ Export ▸ Minutes), the
//! record in the Markdown and HTML exports, in `check --format json` and in `diff`: read
//! back by a CommonMark parser with tables and by an HTML parser, with a hostile record
//! staying plain text.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::process::{Command, Output};

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rolesplit::export::{ExportFormat, render};
use rolesplit::record::{ActionItem, Date, Decision, Owner};
use rolesplit::{Scenario, analyze};

fn date(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

/// The contract's example with its record, loaded.
fn example() -> Scenario {
    let text = std::fs::read_to_string("tests/fixtures/example-record.ron").expect("fixture");
    rolesplit::parse::scenario_from_str(&text).expect("loads")
}

const HOSTILE_DECISION: &str = "<script>alert('x')</script> | *not bold* [a link](http://x.test)\nsecond line `code` & \"quotes\"";
const HOSTILE_ACTION: &str = "Ask <b>HR</b> | legal\r\nabout the \"PO\" title & pay";
const HOSTILE_OWNER: &str = "<i>Ann</i> | \"the\" partner";

/// The example with markup, quotes, `|` and line breaks in its record and names, a flagged
/// card with a hostile note, and an overdue action.
fn hostile() -> Scenario {
    let mut s = example();
    s.name = "Minutes <em>&</em> | \"quotes\"".into();
    s.record.decisions[0].text = HOSTILE_DECISION.into();
    s.record.actions[1].text = HOSTILE_ACTION.into();
    s.record.actions[1].owner = Some(Owner::Named(HOSTILE_OWNER.into()));
    s.record.actions[0].due = Some(date("2026-12-01"));
    let card = &mut s.products[0].cards[0];
    card.flagged = true;
    card.note = "Who <u>owns</u> it?\n| not a row |".into();
    rolesplit::validate::validate_scenario(&s).expect("a valid scenario");
    s
}

fn minutes(format: ExportFormat, s: &Scenario, today: &str) -> String {
    render(format, s, &analyze(s), date(today))
}

/// A table of a CommonMark document: rows of cells, each cell's text with a `<br>` read
/// as a line break. Panics on markup inside a cell other than `<br>`.
type Table = Vec<Vec<String>>;

/// Every table of a Markdown document, and the headings, as a reader's parser sees them.
/// User text lives in cells and headings: markup there (emphasis, links, code, HTML other
/// than a cell's `<br>`) fails the test, as does HTML or a link anywhere.
fn read_markdown(md: &str) -> (Vec<String>, Vec<Table>) {
    let mut headings = Vec::new();
    let mut tables: Vec<Table> = Vec::new();
    let mut text = String::new();
    let (mut in_cell, mut in_heading) = (false, false);
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        let strict = in_cell || in_heading;
        match event {
            Event::Start(Tag::Table(_)) => tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(t) = tables.last_mut() {
                    t.push(Vec::new());
                }
            }
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                text.clear();
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                if let Some(row) = tables.last_mut().and_then(|t| t.last_mut()) {
                    row.push(std::mem::take(&mut text));
                }
            }
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                headings.push(std::mem::take(&mut text));
            }
            Event::Text(t) => text.push_str(&t),
            Event::InlineHtml(html) if in_cell => {
                assert_eq!(&*html, "<br>", "only line breaks are markup in a cell");
                text.push('\n');
            }
            Event::Start(Tag::Emphasis | Tag::Strong) | Event::Code(_) if strict => {
                panic!("user text became markup: {event:?}\n{md}")
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. })
            | Event::Html(_)
            | Event::InlineHtml(_) => panic!("markup in the document: {event:?}\n{md}"),
            _ => {}
        }
    }
    (headings, tables)
}

/// The table whose header starts with `first`.
fn table<'a>(tables: &'a [Table], first: &str) -> &'a Table {
    tables
        .iter()
        .find(|t| t.first().and_then(|h| h.first()).map(String::as_str) == Some(first))
        .unwrap_or_else(|| panic!("a table starting with {first:?}"))
}

#[test]
fn markdown_minutes_read_back_with_a_hostile_record_as_plain_text() {
    let s = hostile();
    let md = minutes(ExportFormat::MinutesMd, &s, "2026-12-14");
    let (headings, tables) = read_markdown(&md);
    assert_eq!(
        headings,
        [
            "Minutes: Minutes <em>&</em> | \"quotes\"",
            "Decisions",
            "Checkout",
            "Actions",
            "Open points",
            "Agreed split",
            "Open findings",
            "Sources",
        ]
    );
    let decisions = table(&tables, "Date");
    assert_eq!(
        decisions[1],
        [
            "2026-11-29",
            HOSTILE_DECISION,
            "Refine and order the team backlog"
        ]
    );
    let actions = table(&tables, "What");
    assert_eq!(actions[0], ["What", "Owner", "Due", "Done"]);
    assert_eq!(
        actions[1],
        [
            "Tom shadows backlog refinement for two sprints",
            "Tom",
            "2026-12-01",
            "No (overdue)"
        ]
    );
    assert_eq!(
        actions[2],
        [
            HOSTILE_ACTION.replace("\r\n", "\n").as_str(),
            HOSTILE_OWNER,
            "—",
            "No"
        ]
    );
    let open_points = table(&tables, "Product");
    assert_eq!(
        open_points[1],
        [
            "Checkout",
            "Set and communicate the product vision",
            "PM",
            "Who <u>owns</u> it?\n| not a row |"
        ]
    );
    for t in &tables {
        let width = t[0].len();
        assert!(
            t.iter().all(|row| row.len() == width),
            "every row keeps its cells: {t:?}"
        );
    }
}

#[test]
fn markdown_minutes_hold_what_the_room_decided_who_does_what_and_what_is_open() {
    let md = minutes(ExportFormat::MinutesMd, &example(), "2026-12-14");
    assert!(
        md.starts_with(
            "# Minutes: Scale-up: one PM over two squads\n\nDate: 2026-11-29 (the latest decision)."
        ),
        "{md}"
    );
    let (_, tables) = read_markdown(&md);
    assert_eq!(
        table(&tables, "Date")[1],
        [
            "2026-11-29",
            "Backlog ordering stays with each squad's PO",
            "Refine and order the team backlog"
        ]
    );
    let actions = table(&tables, "What");
    assert_eq!(
        actions[1][3], "No (overdue)",
        "due 2026-12-13, not done, on 2026-12-14"
    );
    assert_eq!(actions[2][1..], ["HR partner", "—", "No"]);
    assert!(
        md.contains("2 actions: 2 open, 1 of them overdue on 2026-12-14."),
        "{md}"
    );
    assert_eq!(
        table(&tables, "Product")[1],
        [
            "Checkout",
            "Maya",
            "Maya (Squad A), Tom (Squad B)",
            "3.0",
            "10.0",
            "0.0"
        ],
        "the agreed split: seats and hours a week per column"
    );
    assert_eq!(
        table(&tables, "Severity")[1][2..],
        ["combined-role-beyond-one-team", "004, 003"]
    );
    // The day before the due date nothing is overdue; a done action never is.
    let md = minutes(ExportFormat::MinutesMd, &example(), "2026-12-13");
    assert!(!md.contains("overdue)"), "{md}");
    let mut s = example();
    s.record.actions[0].done = true;
    let md = minutes(ExportFormat::MinutesMd, &s, "2027-01-01");
    let (_, tables) = read_markdown(&md);
    assert_eq!(table(&tables, "What")[1][3], "Yes");
}

#[test]
fn minutes_without_a_record_say_so() {
    let s = rolesplit::parse::scenario_from_str(&common::example_text()).expect("loads");
    let md = minutes(ExportFormat::MinutesMd, &s, "2026-12-14");
    assert!(md.contains("No decisions recorded yet."), "{md}");
    assert!(
        md.contains("## Decisions\n\nNo decisions recorded."),
        "{md}"
    );
    assert!(md.contains("## Actions\n\nNo actions recorded."), "{md}");
    assert!(
        md.contains("## Open points\n\nNo cards are flagged for discussion."),
        "{md}"
    );
}

#[test]
fn html_minutes_read_back_with_a_hostile_record_as_plain_text() {
    use scraper::{Html, Selector};
    let s = hostile();
    let html = minutes(ExportFormat::MinutesHtml, &s, "2026-12-14");
    let doc = Html::parse_document(&html);
    let select = |css: &str| Selector::parse(css).expect("selector");
    let texts = |css: &str| -> Vec<String> {
        doc.select(&select(css))
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(texts("title"), ["Minutes: Minutes <em>&</em> | \"quotes\""]);
    assert_eq!(
        texts("h2"),
        [
            "Decisions",
            "Actions",
            "Open points",
            "Agreed split",
            "Open findings",
            "Sources"
        ]
    );
    assert_eq!(texts("section.decisions h3"), ["Checkout"]);
    assert_eq!(
        texts("section.decisions tbody td"),
        [
            "2026-11-29",
            HOSTILE_DECISION,
            "Refine and order the team backlog"
        ]
    );
    let actions = texts("section.actions tbody tr");
    assert_eq!(actions.len(), 2);
    assert_eq!(
        texts("section.actions tbody tr:nth-child(2) td"),
        [
            HOSTILE_ACTION.replace("\r\n", "\n").as_str(),
            HOSTILE_OWNER,
            "—",
            "No"
        ],
        "(an HTML parser reads a CR LF as one line break)"
    );
    assert_eq!(
        texts("section.actions tbody tr:first-child td:last-child"),
        ["No (overdue)"]
    );
    assert!(
        texts("section.open-points td").contains(&"Who <u>owns</u> it?\n| not a row |".to_string())
    );
    // No markup, script or outside resource came from the scenario.
    for tag in ["script", "b", "i", "u", "em", "a", "img", "link", "iframe"] {
        assert_eq!(
            doc.select(&select(tag)).count(),
            0,
            "<{tag}> in the minutes"
        );
    }
    let style = texts("style").concat();
    assert!(style.contains("@page { size: A4"), "prints on A4");
    assert!(
        !html.contains("href=") && !html.contains("src=") && !html.contains("url("),
        "nothing fetched: self-contained"
    );
}

#[test]
fn the_markdown_and_html_exports_include_the_record() {
    let s = example();
    let md = render(ExportFormat::Md, &s, &analyze(&s), date("2026-12-14"));
    let (headings, tables) = read_markdown(&md);
    // The record, then the sources the document cites.
    assert!(headings.ends_with(&[
        "Decisions".into(),
        "Checkout".into(),
        "Actions".into(),
        "Sources".into()
    ]));
    assert_eq!(table(&tables, "What")[1][3], "No (overdue)");
    let html = render(ExportFormat::Html, &s, &analyze(&s), date("2026-12-14"));
    let doc = scraper::Html::parse_document(&html);
    let td = scraper::Selector::parse("section.decisions td").expect("selector");
    let cells: Vec<String> = doc.select(&td).map(|e| e.text().collect()).collect();
    assert_eq!(cells[1], "Backlog ordering stays with each squad's PO");
    // CSV and the matrix stay one row per card, without the record.
    for format in [ExportFormat::Csv, ExportFormat::Matrix] {
        let text = render(format, &s, &analyze(&s), date("2026-12-14"));
        assert!(!text.contains("Backlog ordering stays"), "{text}");
        assert_eq!(
            text.lines().count(),
            if format == ExportFormat::Csv { 3 } else { 4 }
        );
    }
}

fn rolesplit_in(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_command_line_writes_the_minutes_in_both_formats() {
    let text = std::fs::read_to_string("tests/fixtures/example-record.ron").expect("fixture");
    let (dir, _) = common::temp_file("x.ron", &text);
    let today = rolesplit::io::today();
    for (format, name) in [
        (ExportFormat::MinutesMd, "minutes-md"),
        (ExportFormat::MinutesHtml, "minutes-html"),
    ] {
        let out = rolesplit_in(
            dir.path(),
            &["export", "x.ron", "--format", name, "-o", "m.out"],
        );
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        let s = example();
        assert_eq!(
            std::fs::read_to_string(dir.path().join("m.out")).expect("written"),
            render(format, &s, &analyze(&s), today),
            "{name}"
        );
    }
}

#[test]
fn check_json_counts_decisions_and_open_and_overdue_actions() {
    let text = std::fs::read_to_string("tests/fixtures/example-record.ron")
        .expect("fixture")
        .replace("Some(\"2026-12-13\")", "Some(\"2000-01-01\")")
        .replace(
            "due: None, done: false",
            "due: Some(\"9999-12-31\"), done: false",
        );
    let with_done = text.replace("Action(id: \"a-hr\"", "Action(id: \"a-done\", text: \"Done long ago\", due: Some(\"2000-01-01\"), done: true),\n            Action(id: \"a-hr\"");
    let (dir, _) = common::temp_file("x.ron", &with_done);
    let out = rolesplit_in(dir.path(), &["check", "x.ron", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(
        v["record"],
        serde_json::json!({"decisions": 1, "actions": 3, "open_actions": 2, "overdue_actions": 1})
    );
    assert!(
        stdout(&out).ends_with(
            ",\"record\":{\"decisions\":1,\"actions\":3,\"open_actions\":2,\"overdue_actions\":1}}\n"
        ),
        "added after the contract's keys: {}",
        stdout(&out)
    );
    // In process, with today fixed.
    let s = rolesplit::parse::scenario_from_str(&with_done).expect("loads");
    let json = rolesplit::report::check_json("x.ron", &s, &analyze(&s), date("1999-12-31"));
    assert!(
        json.ends_with(
            ",\"record\":{\"decisions\":1,\"actions\":3,\"open_actions\":2,\"overdue_actions\":0}}"
        ),
        "{json}"
    );
}

#[test]
fn diff_lists_decisions_and_actions_added_removed_and_changed_in_every_format() {
    let a = example();
    let mut b = a.clone();
    b.record.decisions.push(Decision {
        id: "d-new".into(),
        text: "Tom becomes PO of squad A".into(),
        date: date("2026-11-30"),
        product: Some("checkout".into()),
        responsibility: None,
    });
    b.record.actions.retain(|x| x.id != "a-hr");
    b.record.actions[0].done = true;
    b.record.actions[0].owner = Some(Owner::Named("Tom S.".into()));
    b.record.actions.push(ActionItem {
        id: "a-new".into(),
        text: "Announce the new PO".into(),
        owner: None,
        due: None,
        done: false,
    });
    let d = rolesplit::diff::diff(&a, &b);
    assert_eq!(d.decisions_added.len(), 1);
    assert_eq!(d.actions_removed[0].text, "Draft the PO job description");
    assert_eq!(d.actions_changed[0].fields, ["owner", "done"]);
    let c = rolesplit::diff::Comparison {
        a_label: "a.ron",
        a: &a,
        b_label: "b.ron",
        b: &b,
        diff: &d,
    };
    let json: serde_json::Value = serde_json::from_str(&c.json()).expect("JSON");
    assert_eq!(
        json["decisions_added"],
        serde_json::json!([{"id": "d-new", "text": "Tom becomes PO of squad A", "date": "2026-11-30", "product": "checkout", "responsibility": null}])
    );
    assert_eq!(json["decisions_removed"], serde_json::json!([]));
    assert_eq!(json["decisions_changed"], serde_json::json!([]));
    assert_eq!(
        json["actions_added"],
        serde_json::json!([{"id": "a-new", "text": "Announce the new PO", "owner": null, "due": null, "done": false}])
    );
    assert_eq!(
        json["actions_removed"],
        serde_json::json!([{"id": "a-hr", "text": "Draft the PO job description", "owner": {"named": "HR partner"}, "due": null, "done": false}])
    );
    let changed = &json["actions_changed"][0];
    assert_eq!(
        changed["text"],
        "Tom shadows backlog refinement for two sprints"
    );
    assert_eq!(changed["changed"], serde_json::json!(["owner", "done"]));
    assert_eq!(
        changed["before"]["owner"],
        serde_json::json!({"person": "tom"})
    );
    assert_eq!(changed["after"]["done"], true);
    for (format, doc) in [("text", c.text()), ("md", c.markdown()), ("html", c.html())] {
        for words in [
            "Tom becomes PO of squad A",
            "Draft the PO job description",
            "Announce the new PO",
            "Tom shadows backlog refinement for two sprints",
            "owner Tom, not done",
            "owner Tom S., done",
            "1 decision added, 1 action added, 1 action removed, 1 action changed",
        ] {
            assert!(doc.contains(words), "{format} names {words:?}:\n{doc}");
        }
    }
}
