#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
//! The Excel workbook export (issue 20), read back with calamine: its sheets and headers,
//! typed cells (hours and costs numbers, `flagged` booleans), hostile names exact and never
//! a formula, the frozen header row with its filter, and `export --format xlsx` on the
//! command line.

mod common;

use std::io::{Cursor, Read};
use std::path::Path;
use std::process::Command;

use calamine::{Data, Range, Reader, Xlsx};
use rolesplit::export::{self, ExportFormat, SHEETS, render};
use rolesplit::{Scenario, analyze};

use common::{files_in, run_rolesplit as rolesplit, temp_file};

const SCALEUP: &str = "data/samples/scaleup.ron";

fn open(path: &str) -> Scenario {
    rolesplit::io::open(Path::new(path)).expect("the sample loads")
}

fn workbook_bytes(s: &Scenario) -> Vec<u8> {
    export::workbook(s, &analyze(s)).expect("the workbook is written")
}

fn read_back(bytes: &[u8]) -> Xlsx<Cursor<&[u8]>> {
    calamine::open_workbook_from_rs(Cursor::new(bytes)).expect("calamine reads the workbook")
}

fn sheet(book: &mut Xlsx<Cursor<&[u8]>>, name: &str) -> Range<Data> {
    book.worksheet_range(name)
        .unwrap_or_else(|e| panic!("sheet {name}: {e}"))
}

fn rows(range: &Range<Data>) -> Vec<Vec<Data>> {
    range.rows().map(<[Data]>::to_vec).collect()
}

fn texts(row: &[Data]) -> Vec<String> {
    row.iter().map(ToString::to_string).collect()
}

/// The records of a CSV export.
fn csv_records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_workbook_has_five_sheets_with_their_headers() {
    let s = open(SCALEUP);
    let bytes = workbook_bytes(&s);
    let mut book = read_back(&bytes);
    assert_eq!(book.sheet_names(), SHEETS);
    assert_eq!(SHEETS, ["Split", "Matrix", "People", "Findings", "Advice"]);
    let header = |book: &mut Xlsx<_>, name| texts(&rows(&sheet(book, name))[0]);
    assert_eq!(
        header(&mut book, "Split"),
        "product,responsibility_id,responsibility,kind,scope,horizon,column,owners,hours,note,flagged"
            .split(',')
            .collect::<Vec<_>>()
    );
    let mut matrix = vec!["product", "responsibility"];
    matrix.extend(s.people.iter().map(|p| p.name.as_str()));
    assert_eq!(header(&mut book, "Matrix"), matrix);
    assert_eq!(
        header(&mut book, "People"),
        [
            "person",
            "capacity",
            "strategy",
            "execution",
            "other",
            "load",
            "utilisation",
            "annual_cost"
        ]
    );
    assert_eq!(
        header(&mut book, "Findings"),
        ["severity", "rule", "message", "source"]
    );
    assert_eq!(
        header(&mut book, "Advice"),
        ["product", "recommendation", "reasons"]
    );
}

#[test]
fn the_split_sheet_holds_the_csv_rows_with_numbers_and_booleans() {
    let mut s = open(SCALEUP);
    // One card with an override that needs rounding, one flagged.
    s.products[0].cards[0].hours = Some(2.25);
    s.products[0].cards[1].flagged = true;
    let a = analyze(&s);
    let csv = csv_records(&render(
        ExportFormat::Csv,
        &s,
        &a,
        rolesplit::record::Date::new(2026, 11, 29).expect("a day"),
    ));
    let bytes = export::workbook(&s, &a).expect("written");
    let mut book = read_back(&bytes);
    let split = rows(&sheet(&mut book, "Split"));
    assert_eq!(split.len(), csv.len(), "the header and one row per card");
    for (cells, record) in split.iter().zip(&csv).skip(1) {
        for (i, (cell, text)) in cells.iter().zip(record).enumerate() {
            match i {
                8 => {
                    let Data::Float(h) = cell else {
                        panic!("hours are a number: {cell:?}")
                    };
                    assert_eq!(rolesplit::num::hours(*h), *text, "the CSV's hours");
                    assert_eq!(
                        *h,
                        text.parse::<f64>().expect("CSV hours"),
                        "the same value"
                    );
                }
                10 => assert_eq!(*cell, Data::Bool(text == "true"), "flagged is a boolean"),
                _ if text.is_empty() => assert_eq!(*cell, Data::Empty),
                _ => assert_eq!(*cell, Data::String(text.clone()), "column {i}"),
            }
        }
    }
    assert_eq!(
        split[1][8],
        Data::Float(2.3),
        "2.25 shows as 2.3, as in the CSV"
    );
    assert_eq!(split[2][10], Data::Bool(true));
}

#[test]
fn the_matrix_sheet_holds_the_matrix_export_as_numbers() {
    let s = open(SCALEUP);
    let a = analyze(&s);
    let csv = csv_records(&render(
        ExportFormat::Matrix,
        &s,
        &a,
        rolesplit::record::Date::new(2026, 11, 29).expect("a day"),
    ));
    let bytes = export::workbook(&s, &a).expect("written");
    let mut book = read_back(&bytes);
    let matrix = rows(&sheet(&mut book, "Matrix"));
    assert_eq!(matrix.len(), csv.len(), "header, cards and totals");
    for (cells, record) in matrix.iter().zip(&csv).skip(1) {
        assert_eq!(
            cells[..2],
            [
                Data::String(record[0].clone()),
                if record[1].is_empty() {
                    Data::Empty
                } else {
                    Data::String(record[1].clone())
                }
            ]
        );
        for (cell, text) in cells[2..].iter().zip(&record[2..]) {
            if text.is_empty() {
                assert_eq!(*cell, Data::Empty);
            } else {
                assert_eq!(*cell, Data::Float(text.parse().expect("hours")));
            }
        }
    }
    let total = matrix.last().expect("the totals row");
    assert_eq!(total[0], Data::String("Total".into()));
}

#[test]
fn people_findings_and_advice_sheets() {
    let s = open(SCALEUP);
    let a = analyze(&s);
    let bytes = export::workbook(&s, &a).expect("written");
    let mut book = read_back(&bytes);
    let people = rows(&sheet(&mut book, "People"));
    assert_eq!(people.len(), s.people.len() + 1);
    for ((cells, person), load) in people[1..].iter().zip(&s.people).zip(&a.loads.people) {
        let round = |x: f64| Data::Float((x * 10.0).round() / 10.0);
        assert_eq!(
            cells[..7],
            [
                Data::String(person.name.clone()),
                round(load.capacity_hours),
                round(load.strategy_hours),
                round(load.execution_hours),
                round(load.other_hours),
                round(load.load_hours()),
                Data::Float(load.load_hours() / load.capacity_hours),
            ]
        );
    }
    // Costs are whole dollars: Priya's own, and Lena's at the PO default.
    let cost = |name: &str| {
        let row = people
            .iter()
            .find(|r| r[0] == Data::String(name.into()))
            .expect("a row");
        row[7].clone()
    };
    assert_eq!(cost("Priya"), Data::Float(165_000.0));
    assert_eq!(cost("Lena"), Data::Float(113_000.0));

    let findings = rows(&sheet(&mut book, "Findings"));
    assert_eq!(findings.len(), a.findings.len() + 1);
    for (cells, f) in findings[1..].iter().zip(&a.findings) {
        assert_eq!(
            texts(cells),
            [f.severity.as_str(), f.rule.id(), &f.message, f.source()]
        );
        assert!(
            matches!(cells[3], Data::String(_) | Data::Empty),
            "sources are text: {:?}",
            cells[3]
        );
    }

    let advice = rows(&sheet(&mut book, "Advice"));
    assert_eq!(advice.len(), s.products.len() + 1);
    assert_eq!(advice[1][0], Data::String(s.products[0].name.clone()));
    assert_eq!(
        advice[1][1],
        Data::String(a.advice[0].recommendation.as_str().into())
    );
    let reasons = advice[1][2].to_string();
    assert!(
        reasons.contains("the product has more than one team (003, 004)"),
        "{reasons}"
    );
}

/// Names and notes that a spreadsheet would take for formulas, and other tricks.
const HOSTILE: [&str; 10] = [
    "=1+2",
    "=HYPERLINK(\"http://example.invalid\",\"click\")",
    "+1",
    "-2 weeks",
    "@SUM(A1:A2)",
    "\tTabbed",
    "\rReturned",
    "'=quoted",
    "Zoë \"Z\" O'Brien | 日本語\r\nСаша <script>&amp; _x0041_ \u{1}",
    "  spaced  ",
];

fn hostile() -> Scenario {
    let mut s = common::small_board();
    s.people[0].name = HOSTILE[0].into();
    s.people[1].name = HOSTILE[1].into();
    s.products[0].name = HOSTILE[2].into();
    s.responsibilities[0].title = HOSTILE[3].into();
    s.responsibilities[1].title = HOSTILE[4].into();
    s.responsibilities[2].title = HOSTILE[5].into();
    s.products[0].cards[0].note = HOSTILE[6].into();
    s.products[0].cards[1].note = HOSTILE[7].into();
    s.products[0].cards[2].note = HOSTILE[8].into();
    s.teams[0].name = HOSTILE[9].into();
    s
}

#[test]
fn hostile_names_are_exact_string_cells_and_no_cell_is_a_formula() {
    let s = hostile();
    let bytes = workbook_bytes(&s);
    let mut book = read_back(&bytes);
    let split = rows(&sheet(&mut book, "Split"));
    assert_eq!(split[1][0], Data::String("+1".into()));
    assert_eq!(split[1][2], Data::String("-2 weeks".into()));
    assert_eq!(
        split[1][7],
        Data::String("=1+2".into()),
        "a name =1+2 is a string cell"
    );
    assert_eq!(split[1][9], Data::String("\rReturned".into()));
    assert_eq!(split[2][2], Data::String("@SUM(A1:A2)".into()));
    assert_eq!(split[2][7], Data::String(HOSTILE[1].into()));
    assert_eq!(
        split[2][9],
        Data::String("'=quoted".into()),
        "no guard in the workbook"
    );
    assert_eq!(split[3][2], Data::String("\tTabbed".into()));
    assert_eq!(split[3][9], Data::String(HOSTILE[8].into()));
    let matrix = rows(&sheet(&mut book, "Matrix"));
    assert_eq!(texts(&matrix[0][2..]), [HOSTILE[0], HOSTILE[1]]);
    let people = rows(&sheet(&mut book, "People"));
    assert_eq!(people[1][0], Data::String("=1+2".into()));
    for name in SHEETS {
        let formulas = book.worksheet_formula(name).expect("formulas read");
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} has a formula cell"
        );
    }
}

/// A sheet's XML inside the workbook.
fn sheet_xml(bytes: &[u8], index: usize) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut file = zip
        .by_name(&format!("xl/worksheets/sheet{index}.xml"))
        .expect("the sheet's XML");
    let mut xml = String::new();
    file.read_to_string(&mut xml).expect("UTF-8");
    xml
}

#[test]
fn each_header_row_is_frozen_with_a_filter_and_columns_are_fitted() {
    let s = open(SCALEUP);
    let a = analyze(&s);
    let bytes = export::workbook(&s, &a).expect("written");
    let cards: usize = s.products.iter().map(|p| p.cards.len()).sum();
    let filters = [
        format!("A1:K{}", cards + 1),
        // The totals row stays below the matrix's filter.
        format!("A1:F{}", cards + 1),
        format!("A1:H{}", s.people.len() + 1),
        format!("A1:D{}", a.findings.len() + 1),
        format!("A1:C{}", s.products.len() + 1),
    ];
    for (i, filter) in filters.iter().enumerate() {
        let xml = sheet_xml(&bytes, i + 1);
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "sheet {} is frozen below its header",
            SHEETS[i]
        );
        assert!(
            xml.contains(&format!(r#"<autoFilter ref="{filter}"/>"#)),
            "sheet {}: {filter}",
            SHEETS[i]
        );
        assert!(
            xml.contains("customWidth=\"1\""),
            "sheet {}: fitted widths",
            SHEETS[i]
        );
    }
}

#[test]
fn export_xlsx_writes_the_workbook_with_o() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("split.xlsx");
    let out = rolesplit(&[
        "export",
        SCALEUP,
        "--format",
        "xlsx",
        "-o",
        &target.to_string_lossy(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    let bytes = std::fs::read(&target).expect("written");
    assert_eq!(
        bytes,
        workbook_bytes(&open(SCALEUP)),
        "the library's workbook"
    );
    assert_eq!(read_back(&bytes).sheet_names(), SHEETS);
    assert_eq!(files_in(dir.path()), ["split.xlsx"]);
}

#[test]
fn export_xlsx_without_o_is_refused_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .args([
            "export",
            &std::fs::canonicalize(SCALEUP)
                .expect("path")
                .to_string_lossy(),
            "--format",
            "xlsx",
        ])
        .current_dir(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no binary on the terminal");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("rolesplit: ") && err.contains("-o OUT.xlsx"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(files_in(dir.path()).is_empty());
}

#[test]
fn export_xlsx_of_a_bad_file_exits_2_and_leaves_no_file() {
    let (dir, bad) = temp_file("bad.ron", "Scenario(format: 1, name: ");
    let target = dir.path().join("out.xlsx");
    let out = rolesplit(&[
        "export",
        &bad.to_string_lossy(),
        "--format",
        "xlsx",
        "-o",
        &target.to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with(&format!("rolesplit: {}:", bad.display()))
    );
    assert_eq!(files_in(dir.path()), ["bad.ron"]);
}
