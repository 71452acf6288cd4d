//! The comparison documents of `rolesplit diff` (text, Markdown, HTML): the load table's
//! columns add up (strategy + execution + other duties = load, in both options), the
//! summary counts people whose load changed apart from people added or removed, and the
//! HTML prints on A4.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use rolesplit::diff::{Comparison, diff};
use rolesplit::model::Column::{self, Pm, Po, Unassigned};
use rolesplit::model::Kind::{Execution, Strategy};
use rolesplit::model::Method::Scrum;
use rolesplit::model::Scenario;
use rolesplit::model::Scope::{Product, Team};
use rolesplit::testkit::Builder;

/// Option A: Pat is PM of shop (5.5 h of other duties), Olga its squad's PO (2.5 h), Ivan
/// holds no seat (10 h); research is parked.
fn option_a() -> Builder {
    Builder::new("Option A")
        .person("pat", 40.0)
        .other_hours(5.5)
        .person("olga", 40.0)
        .other_hours(2.5)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .responsibility("research", Strategy, Product, 2.5, &[])
}

/// Shop's board on top of `people`: Pat is PM, Olga PO of its squad; research in the
/// `research` column.
fn board(people: Builder, research: Column) -> Scenario {
    people
        .product(
            "shop",
            Some("pat"),
            &[("vision", Pm), ("backlog", Po), ("research", research)],
        )
        .team("squad", "shop", 6, Scrum, Some("olga"))
        .build()
}

/// A and B: in B research moves to the PM column (Pat's load changes through strategy),
/// Olga's other duties grow to 6.0 h (her load changes through other duties alone), Ivan
/// leaves and Sam joins.
fn options() -> (Scenario, Scenario) {
    let a = board(
        option_a().person("ivan", 40.0).other_hours(10.0),
        Unassigned,
    );
    let mut b = board(option_a().person("sam", 32.0).other_hours(1.5), Pm);
    b.people[1].other_hours = 6.0;
    (a, b)
}

/// Renders the comparison of the two options with `render`.
fn compared(render: fn(&Comparison<'_>) -> String) -> String {
    let (a, b) = options();
    let d = diff(&a, &b);
    render(&Comparison {
        a_label: "a.ron",
        a: &a,
        b_label: "b.ron",
        b: &b,
        diff: &d,
    })
}

/// The cells of a Markdown table row.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// The header and rows of the Markdown table under `## heading`.
fn markdown_table(md: &str, heading: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let start = md
        .find(&format!("## {heading}\n"))
        .unwrap_or_else(|| panic!("a section {heading:?} in\n{md}"));
    let mut rows = md[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .map(cells);
    let header = rows.next().expect("a header row");
    let rows: Vec<Vec<String>> = rows.skip(1).collect(); // the alignment row
    (header, rows)
}

/// "3.0 → 5.5" as (Some(3.0), Some(5.5)); "—" is None.
fn before_after(cell: &str) -> (Option<f64>, Option<f64>) {
    let (before, after) = cell
        .split_once(" → ")
        .unwrap_or_else(|| panic!("{cell:?} is a before → after pair"));
    let number = |s: &str| (s != "—").then(|| s.parse::<f64>().expect("hours"));
    (number(before), number(after))
}

#[test]
fn the_load_table_has_other_duties_and_its_columns_add_up() {
    let md = compared(|c| c.markdown());
    let (header, rows) = markdown_table(&md, "Load");
    assert_eq!(
        header,
        [
            "Person",
            "Strategy",
            "Execution",
            "Other duties",
            "Load",
            "Change",
            "Capacity"
        ]
    );
    let names: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(names, ["Pat", "Olga", "Ivan", "Sam"]);
    let mut sides = 0;
    for row in &rows {
        let columns: Vec<_> = (1..=4).map(|i| before_after(&row[i])).collect();
        let sides_of = [
            columns.iter().map(|c| c.0).collect::<Vec<_>>(),
            columns.iter().map(|c| c.1).collect::<Vec<_>>(),
        ];
        for side in sides_of {
            if side.iter().all(Option::is_none) {
                continue; // not in this option
            }
            let [s, e, o, load] = [side[0], side[1], side[2], side[3]].map(|x| x.expect("hours"));
            assert!(
                (s + e + o - load).abs() < 1e-9,
                "{}: {s} + {e} + {o} = {load}",
                row[0]
            );
            sides += 1;
        }
    }
    assert_eq!(sides, 6, "Pat and Olga twice, Ivan and Sam once");
    // Olga's load changed through her other duties alone: 4.0 execution + 2.5 → 6.0.
    let olga = &rows[1];
    assert_eq!(
        olga[1..6],
        ["0.0 → 0.0", "4.0 → 4.0", "2.5 → 6.0", "6.5 → 10.0", "+3.5"]
    );
    assert_eq!(rows[2][3], "10.0 → —", "Ivan's other duties, not in B");
    assert_eq!(rows[3][3], "— → 1.5", "Sam's other duties, new in B");
}

#[test]
fn the_text_and_html_load_tables_have_other_duties_too() {
    let text = compared(|c| c.text());
    let header = text
        .lines()
        .find(|l| l.trim_start().starts_with("Person"))
        .expect("the load table's header");
    let words: Vec<&str> = header
        .split("  ")
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .collect();
    assert_eq!(
        words,
        [
            "Person",
            "Strategy",
            "Execution",
            "Other duties",
            "Load",
            "Change",
            "Capacity"
        ]
    );
    let olga = text
        .lines()
        .find(|l| l.trim_start().starts_with("Olga"))
        .expect("Olga's row");
    assert!(olga.contains("2.5 → 6.0"), "{olga}");
    let html = compared(|c| c.html());
    assert!(
        html.contains("<th class=\"num\">Other duties</th>"),
        "{html}"
    );
    assert!(html.contains("<td class=\"num\">2.5 → 6.0</td>"), "{html}");
}

#[test]
fn the_summary_counts_changed_load_apart_from_people_added_or_removed() {
    let (a, b) = options();
    let d = diff(&a, &b);
    assert_eq!(d.load.len(), 4, "the table lists all four");
    for render in [
        |c: &Comparison<'_>| c.text(),
        |c: &Comparison<'_>| c.markdown(),
    ] {
        let doc = compared(render);
        let summary = doc
            .lines()
            .find(|l| l.contains("Changes:"))
            .unwrap_or_else(|| panic!("a line of changes in\n{doc}"));
        assert!(summary.contains("1 person added"), "{summary}");
        assert!(summary.contains("1 person removed"), "{summary}");
        assert!(summary.contains("2 people's load changed"), "{summary}");
        assert!(!summary.contains("4 people"), "{summary}");
    }
}

#[test]
fn a_person_added_alone_changes_nobodys_load() {
    let a = common::small_board();
    let b = common::small_board_builder().person("sam", 40.0).build();
    let d = diff(&a, &b);
    let doc = Comparison {
        a_label: "a.ron",
        a: &a,
        b_label: "b.ron",
        b: &b,
        diff: &d,
    }
    .text();
    assert!(doc.contains("Changes: 1 person added."), "{doc}");
    assert!(!doc.contains("load changed"), "{doc}");
}

#[test]
fn the_html_prints_on_a4() {
    let html = compared(|c| c.html());
    let compact: String = html.chars().filter(|c| !c.is_whitespace()).collect();
    assert!(compact.contains("@page{size:A4"), "{html}");
    assert!(compact.contains("@mediaprint{"), "{html}");
    assert!(
        compact.contains("tr{break-inside:avoid}"),
        "rows are not split across pages: {html}"
    );
}
