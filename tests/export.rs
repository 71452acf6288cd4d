#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
//! Exports (scenario-format.md, "export"): golden files, CSV read back, hostile names and
//! the `export` command.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use rolesplit::export::{ExportFormat, render};
use rolesplit::{Scenario, analyze};

use common::{example_with, files_in, temp_file};

const SCALEUP: &str = "data/samples/scaleup.ron";

fn scaleup() -> Scenario {
    rolesplit::io::open(Path::new(SCALEUP)).expect("the sample loads")
}

/// The day the golden files are made on (overdue actions depend on it).
fn golden_day() -> rolesplit::record::Date {
    rolesplit::record::Date::parse("2026-12-14").expect("a date")
}

/// The export as the command line makes it today.
fn export(format: ExportFormat, s: &Scenario) -> String {
    render(format, s, &analyze(s), rolesplit::io::today())
}

fn golden_path(format: ExportFormat) -> String {
    match format {
        ExportFormat::Matrix => "tests/golden/scaleup.matrix.csv".to_string(),
        ExportFormat::MinutesMd => "tests/golden/scaleup.minutes.md".to_string(),
        ExportFormat::MinutesHtml => "tests/golden/scaleup.minutes.html".to_string(),
        f => format!("tests/golden/scaleup.{}", f.extension()),
    }
}

/// Compares an export of the scale-up sample (on the golden day) with its golden file,
/// byte for byte. `UPDATE_GOLDEN=1 cargo test --test export` rewrites the golden files.
fn check_golden(format: ExportFormat) {
    let s = scaleup();
    let got = render(format, &s, &analyze(&s), golden_day());
    let path = golden_path(format);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all("tests/golden").expect("golden folder");
        std::fs::write(&path, &got).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{path}: {e} (run with UPDATE_GOLDEN=1 to create it)"));
    assert!(
        got == expected,
        "{path} differs from the export; if the change is deliberate, run \
         UPDATE_GOLDEN=1 cargo test --test export\n--- got ---\n{got}"
    );
}

#[test]
fn markdown_matches_its_golden_file() {
    check_golden(ExportFormat::Md);
}

#[test]
fn csv_matches_its_golden_file() {
    check_golden(ExportFormat::Csv);
}

#[test]
fn html_matches_its_golden_file() {
    check_golden(ExportFormat::Html);
}

#[test]
fn matrix_matches_its_golden_file() {
    check_golden(ExportFormat::Matrix);
}

#[test]
fn minutes_match_their_golden_files() {
    check_golden(ExportFormat::MinutesMd);
    check_golden(ExportFormat::MinutesHtml);
}

/// The records of a CSV text, the header included.
fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| {
            r.expect("a CSV record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect()
}

#[test]
fn csv_has_the_contract_header_and_one_row_per_card_with_its_owners() {
    let s = scaleup();
    let a = analyze(&s);
    let text = render(ExportFormat::Csv, &s, &a, golden_day());
    assert!(
        text.starts_with(
            "product,responsibility_id,responsibility,kind,scope,horizon,column,owners,hours,note,flagged\n"
        ),
        "{text}"
    );
    let rows = records(&text);
    let cards: Vec<(&rolesplit::model::Product, &rolesplit::model::Card)> = s
        .products
        .iter()
        .flat_map(|p| p.cards.iter().map(move |c| (p, c)))
        .collect();
    assert_eq!(rows.len(), cards.len() + 1, "a header and one row per card");
    let card_loads = a.loads.products.iter().flat_map(|p| &p.cards);
    for ((row, (product, card)), load) in rows[1..].iter().zip(&cards).zip(card_loads) {
        let r = s.responsibility(&card.responsibility).expect("resolves");
        let owners: Vec<&str> = load
            .shares
            .iter()
            .map(|sh| s.people[sh.person].name.as_str())
            .collect();
        let expected = [
            product.name.as_str(),
            &card.responsibility,
            &r.title,
            r.kind.name(),
            r.scope.name(),
            r.horizon.name(),
            card.column.as_str(),
            &owners.join("; "),
            &rolesplit::num::hours(card.hours.unwrap_or(r.hours)),
            &card.note,
            if card.flagged { "true" } else { "false" },
        ];
        assert_eq!(row, &expected, "{}", card.responsibility);
    }
    // A PO card on a product with three teams lands on three people.
    let backlog = rows
        .iter()
        .find(|r| r[0] == "Marketplace" && r[1] == "backlog")
        .expect("the backlog card");
    assert_eq!(backlog[6], "Po");
    assert_eq!(backlog[7], "Priya; Omar; Lena");
    assert_eq!(backlog[8], "4.0");
    // A parked card has no owner.
    let parked = rows
        .iter()
        .find(|r| r[0] == "Marketplace" && r[1] == "market-research")
        .expect("the parked card");
    assert_eq!((parked[6].as_str(), parked[7].as_str()), ("Unassigned", ""));
}

#[test]
fn matrix_cells_are_the_hours_per_person_and_the_totals_the_engines() {
    let s = scaleup();
    let a = analyze(&s);
    let rows = records(&render(ExportFormat::Matrix, &s, &a, golden_day()));
    let names: Vec<&str> = s.people.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(rows[0][..2], ["product", "responsibility"]);
    assert_eq!(rows[0][2..], names[..]);
    let cards: usize = s.products.iter().map(|p| p.cards.len()).sum();
    assert_eq!(rows.len(), cards + 2, "header, one row per card, totals");
    assert!(rows.iter().all(|r| r.len() == names.len() + 2));

    let total = rows.last().expect("a totals row");
    assert_eq!(total[..2], ["Total", ""]);
    for (i, load) in a.loads.people.iter().enumerate() {
        let expected = (load.product_hours() * 10.0).round() / 10.0;
        let got: f64 = total[i + 2].parse().expect("a number");
        assert_eq!(got, expected, "{}", names[i]);
    }

    // The sprint review is in Priya's PM column for three teams: 3 × 1.5 h.
    let review = rows
        .iter()
        .find(|r| r[0] == "Marketplace" && r[1] == "Run the sprint review and demo")
        .expect("the review row");
    assert_eq!(review[2..], ["4.5", "", "", ""]);
    // Release planning (Product scope, PO column) is shared by the three squads' POs.
    let release = rows
        .iter()
        .find(|r| r[0] == "Marketplace" && r[1] == "Plan the next release")
        .expect("the release row");
    assert_eq!(release[2..], ["0.7", "0.7", "0.7", ""]);
}

/// A name that tries everything: separators, quotes, line breaks, markup, entities and
/// letters beyond Latin.
const HOSTILE: &str =
    "Zoë \"Z\" O'Brien, Jr. | 日本語\r\nСаша <script>alert('x')</script> & *co* `x` [l](u) #1";

fn hostile() -> Scenario {
    let mut s = common::small_board();
    s.name = format!("Scenario {HOSTILE}");
    s.description = format!("Description {HOSTILE}");
    s.people[0].name = format!("Person {HOSTILE}");
    s.products[0].name = format!("Product {HOSTILE}");
    s.responsibilities[0].title = format!("Title {HOSTILE}");
    s.teams[0].name = format!("Team {HOSTILE}");
    let card = &mut s.products[0].cards[0];
    card.note = format!("Note {HOSTILE}");
    card.flagged = true;
    s
}

#[test]
fn hostile_names_read_back_equal_from_csv() {
    let s = hostile();
    let rows = records(&export(ExportFormat::Csv, &s));
    assert_eq!(rows.len(), 4);
    let vision = &rows[1];
    assert_eq!(vision[0], s.products[0].name);
    assert_eq!(vision[2], s.responsibilities[0].title);
    assert_eq!(vision[7], s.people[0].name);
    assert_eq!(vision[9], s.products[0].cards[0].note);
    assert_eq!(vision[10], "true");
    assert!(rows.iter().all(|r| r.len() == 11));

    let matrix = records(&export(ExportFormat::Matrix, &s));
    assert_eq!(matrix[0][2], s.people[0].name);
    assert_eq!(matrix[1][0], s.products[0].name);
    assert_eq!(matrix[1][1], s.responsibilities[0].title);
    assert_eq!(matrix[1][2], "3.0");
    assert!(matrix.iter().all(|r| r.len() == 4));
}

#[test]
fn hostile_names_are_escaped_in_html() {
    let s = hostile();
    let html = export(ExportFormat::Html, &s);
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    assert!(!html.contains(HOSTILE), "raw user text in the report");
    let escaped = rolesplit::escape::html(HOSTILE);
    assert!(escaped.contains("&lt;script&gt;") && escaped.contains("&amp;"));
    // Every string from the scenario is there, escaped.
    for text in [
        &s.name,
        &s.people[0].name,
        &s.products[0].name,
        &s.responsibilities[0].title,
        &s.teams[0].name,
        &s.products[0].cards[0].note,
    ] {
        assert!(html.contains(&rolesplit::escape::html(text)), "{text}");
    }
    assert!(html.contains("日本語") && html.contains("Саша") && html.contains("Zoë"));
}

/// The cells of a Markdown table row: `|` separates unless backslash-escaped.
fn markdown_cells(line: &str) -> usize {
    let mut pipes = 0;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    pipes - 1
}

#[test]
fn hostile_names_stay_text_in_markdown() {
    let s = hostile();
    let md = export(ExportFormat::Md, &s);
    assert!(!md.to_lowercase().contains("<script"), "{md}");
    assert!(md.contains("&lt;script&gt;"));
    assert!(md.contains("日本語") && md.contains("Саша") && md.contains("Zoë"));
    // Every table row keeps the cell count of its header; a table is a run of lines that
    // start with `|`.
    let mut tables = 0;
    let mut header: Option<usize> = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let cells = markdown_cells(line);
            match header {
                None => {
                    header = Some(cells);
                    tables += 1;
                }
                Some(n) => assert_eq!(cells, n, "{line}"),
            }
            assert!(line.ends_with(" |"), "{line}");
        } else {
            header = None;
        }
    }
    assert_eq!(tables, 4, "cards, people, needs discussion, sources:\n{md}");
    // The card, the person and the flagged note are in their tables, escaped.
    let cell = rolesplit::escape::markdown_cell(&s.people[0].name);
    assert!(
        md.lines()
            .any(|l| l.starts_with("| Title ") && l.contains(&cell))
    );
    let note = rolesplit::escape::markdown_cell(&s.products[0].cards[0].note);
    assert!(
        md.lines()
            .any(|l| l.starts_with("| Product ") && l.contains(&note))
    );
    // Headings stay on one line.
    for line in md.lines().filter(|l| l.starts_with('#')) {
        assert!(!line.contains("<br>"), "{line}");
    }
}

#[test]
fn html_is_self_contained_and_printable() {
    let html = export(ExportFormat::Html, &scaleup());
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.ends_with("</html>\n"));
    for forbidden in [
        "<script", "http:", "https:", "//", "<link", "<img", "src=", "url(", "@import",
    ] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    for needed in [
        "<style>",
        "@media print",
        "@page",
        "A4",
        "over capacity by 2.7&nbsp;h",
        "Split: separate PM and PO people",
        "(source 003)",
    ] {
        assert!(html.contains(needed), "{needed}");
    }
}

fn rolesplit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .args(args)
        .env("WAYLAND_DISPLAY", "")
        .env("DISPLAY", "")
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn export_prints_to_stdout_without_o() {
    for format in ExportFormat::ALL {
        let out = rolesplit(&["export", SCALEUP, "--format", format.name()]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        assert!(out.stderr.is_empty(), "{}", stderr(&out));
        assert_eq!(
            String::from_utf8(out.stdout).expect("UTF-8"),
            export(format, &scaleup()),
            "{}",
            format.name()
        );
    }
}

#[test]
fn export_with_o_writes_the_file_and_nothing_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("split.md");
    let target_text = target.to_string_lossy().into_owned();
    let out = rolesplit(&["export", SCALEUP, "--format", "md", "-o", &target_text]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    assert_eq!(
        std::fs::read_to_string(&target).expect("written"),
        export(ExportFormat::Md, &scaleup())
    );
    assert_eq!(files_in(dir.path()), ["split.md"]);
    // An existing file is replaced whole.
    let out = rolesplit(&[
        "export",
        SCALEUP,
        "--format",
        "csv",
        "--output",
        &target_text,
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&target).expect("written"),
        export(ExportFormat::Csv, &scaleup())
    );
    assert_eq!(files_in(dir.path()), ["split.md"]);
}

#[test]
fn a_load_error_exits_2_and_writes_no_output_file() {
    let (dir, bad) = temp_file("bad.ron", &example_with("id: \"tom\"", "id: \"maya\""));
    let bad_text = bad.to_string_lossy().into_owned();
    for format in ExportFormat::ALL {
        let target = dir.path().join(format!("out.{}", format.extension()));
        let out = rolesplit(&[
            "export",
            &bad_text,
            "--format",
            format.name(),
            "-o",
            &target.to_string_lossy(),
        ]);
        assert_eq!(out.status.code(), Some(2));
        assert!(out.stdout.is_empty());
        let err = stderr(&out);
        assert!(err.starts_with(&format!("rolesplit: {bad_text}:")), "{err}");
        assert!(err.contains("\"maya\""), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert_eq!(files_in(dir.path()), ["bad.ron"], "nothing written");
    }
    // Without -o nothing is printed either.
    let out = rolesplit(&["export", &bad_text, "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_missing_file_exits_2_and_leaves_an_existing_target_alone() {
    let (dir, target) = temp_file("out.csv", "keep me");
    let out = rolesplit(&[
        "export",
        "no-such-file.ron",
        "--format",
        "csv",
        "-o",
        &target.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "rolesplit: no-such-file.ron: cannot read the file: no such file\n"
    );
    assert_eq!(std::fs::read_to_string(&target).expect("kept"), "keep me");
    assert_eq!(files_in(dir.path()), ["out.csv"]);
}

#[test]
fn an_unwritable_target_exits_2() {
    let out = rolesplit(&[
        "export",
        SCALEUP,
        "--format",
        "csv",
        "-o",
        "/nonexistent-dir/x.csv",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with("rolesplit: /nonexistent-dir/x.csv: "),
        "{err}"
    );
    assert!(!Path::new("/nonexistent-dir").exists());
}

#[test]
fn export_needs_a_known_format() {
    let out = rolesplit(&["export", SCALEUP]);
    assert_eq!(out.status.code(), Some(2));
    let out = rolesplit(&["export", SCALEUP, "--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("pdf"));
}
