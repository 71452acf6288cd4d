#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
//! Importing the split back (issue 20): `rolesplit import SCENARIO SHEET -o OUT.ron` from
//! the CSV export or the workbook's `Split` sheet. Round trips on every sample, each refused
//! row by its line or row, the guard removed, `--dry-run`, and the exit statuses.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use calamine::Data;
use rolesplit::export::{ExportFormat, render};
use rolesplit::model::{Column, Scenario};
use rolesplit::{analyze, io};

use common::{files_in, run_rolesplit as rolesplit, sheet_rows, workbook_with};

const SCALEUP: &str = "data/samples/scaleup.ron";
const HEADER: &str =
    "product,responsibility_id,responsibility,kind,scope,horizon,column,owners,hours,note,flagged";

fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("data/samples")
        .expect("the samples folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "{files:?}");
    files
}

fn open(path: &Path) -> Scenario {
    io::open(path).expect("the scenario loads")
}

fn csv_export(s: &Scenario) -> String {
    render(
        ExportFormat::Csv,
        s,
        &analyze(s),
        rolesplit::record::Date::new(2026, 11, 29).expect("a day"),
    )
}

fn xlsx_export(s: &Scenario) -> Vec<u8> {
    rolesplit::export::workbook(s, &analyze(s)).expect("the workbook")
}

fn records(text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("a record").iter().map(str::to_string).collect())
        .collect()
}

fn csv_text(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row).expect("written");
    }
    String::from_utf8(w.into_inner().expect("bytes")).expect("UTF-8")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn split_sheet(workbook: &[u8]) -> Vec<Vec<Data>> {
    sheet_rows(workbook, "Split")
}

/// Runs `import SCENARIO SHEET -o OUT` in `dir`; returns the output and OUT's path.
fn import(dir: &Path, scenario: &Path, sheet: &Path) -> (Output, PathBuf) {
    let out = dir.join("out.ron");
    let o = rolesplit(&[
        "import",
        &scenario.to_string_lossy(),
        &sheet.to_string_lossy(),
        "-o",
        &out.to_string_lossy(),
    ]);
    (o, out)
}

#[test]
fn an_unchanged_export_imports_as_no_change_on_every_sample() {
    for sample in samples() {
        let s = open(&sample);
        let dir = tempfile::tempdir().expect("temp dir");
        let csv = dir.path().join("split.csv");
        std::fs::write(&csv, csv_export(&s)).expect("written");
        let xlsx = dir.path().join("split.xlsx");
        std::fs::write(&xlsx, xlsx_export(&s)).expect("written");
        for sheet in [&csv, &xlsx] {
            let (o, out) = import(dir.path(), &sample, sheet);
            assert_eq!(
                o.status.code(),
                Some(0),
                "{}: {}",
                sheet.display(),
                text(&o.stderr)
            );
            assert!(o.stderr.is_empty(), "{}", text(&o.stderr));
            let cards: usize = s.products.iter().map(|p| p.cards.len()).sum();
            assert!(
                text(&o.stdout).starts_with(&format!(
                    "{cards} rows: 0 change the scenario, {cards} unchanged, 0 refused.\n"
                )),
                "{}",
                text(&o.stdout)
            );
            assert_eq!(
                std::fs::read(&out).expect("OUT written"),
                std::fs::read(&sample).expect("the sample"),
                "{}: OUT is byte-identical to the scenario",
                sample.display()
            );
        }
    }
}

/// The next column: Pm → Po → Unassigned → Pm.
fn next_column(column: &str) -> &'static str {
    match column {
        "Pm" => "Po",
        "Po" => "Unassigned",
        _ => "Pm",
    }
}

/// The rows without `owners` (derived, so not part of what round-trips).
fn without_owners<T: Clone>(rows: &[Vec<T>]) -> Vec<Vec<T>> {
    rows.iter()
        .map(|r| {
            let mut r = r.clone();
            r.remove(7);
            r
        })
        .collect()
}

/// Sorted by product and responsibility id: a new card's place is the end of its column.
fn sorted<T: Clone + std::fmt::Debug>(mut rows: Vec<Vec<T>>) -> Vec<Vec<T>> {
    rows.sort_by_key(|r| format!("{:?}", &r[..2]));
    rows
}

#[test]
fn export_edit_import_export_gives_back_the_edited_csv() {
    for sample in samples() {
        let s = open(&sample);
        let mut rows = records(&csv_export(&s));
        // A leader's edits: a move, new hours, a note that starts like a formula (the
        // spreadsheet keeps the export's guard), a flag, and a new responsibility.
        rows[1][6] = next_column(&rows[1][6]).into();
        rows[2][8] = "7.5".into();
        rows[3][9] = "'=agreed on Monday, \"for now\"\nsecond line".into();
        rows[4][10] = if rows[4][10] == "true" {
            "false"
        } else {
            "true"
        }
        .into();
        let product = rows[1][0].clone();
        rows.push(
            [
                &product,
                "pricing-review",
                "Review pricing",
                "Strategy",
                "Product",
                "Quarter",
                "Po",
                "",
                "2.5",
                "'-new",
                "true",
            ]
            .map(str::to_string)
            .to_vec(),
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let sheet = dir.path().join("edited.csv");
        std::fs::write(&sheet, csv_text(&rows)).expect("written");
        let (o, out) = import(dir.path(), &sample, &sheet);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        assert!(
            text(&o.stdout).starts_with(&format!("line 2: {product}: ")),
            "{}",
            text(&o.stdout)
        );
        let imported = open(&out);
        assert_eq!(
            imported.products[0].cards[2].note,
            "=agreed on Monday, \"for now\"\nsecond line"
        );
        let again = records(&csv_export(&imported));
        assert_eq!(
            sorted(without_owners(&again)),
            sorted(without_owners(&rows)),
            "{}: the edited sheet comes back",
            sample.display()
        );
        // What `rolesplit diff` sees is exactly the edits.
        let d = rolesplit::diff::diff(&s, &imported);
        assert_eq!(d.moved_cards.len(), 1, "{}", sample.display());
        assert_eq!(d.added_cards.len(), 1);
        assert!(d.removed_cards.is_empty());
        assert_eq!(edited_fields(&d), [["hours"], ["note"], ["flagged"]]);
    }
}

/// The details `rolesplit diff` finds edited, card by card in file order.
fn edited_fields(d: &rolesplit::diff::Diff) -> Vec<Vec<&'static str>> {
    d.changed_cards.iter().map(|c| c.fields.clone()).collect()
}

#[test]
fn export_edit_import_export_gives_back_the_edited_workbook() {
    for sample in samples() {
        let s = open(&sample);
        let mut rows = split_sheet(&xlsx_export(&s));
        let column = rows[1][6].to_string();
        rows[1][6] = Data::String(next_column(&column).into());
        rows[2][8] = Data::Float(7.5);
        rows[3][9] = Data::String("=agreed, not a formula".into());
        rows[4][10] = Data::Bool(rows[4][10] != Data::Bool(true));
        let product = rows[1][0].clone();
        let new = [
            "pricing-review",
            "Review pricing",
            "Strategy",
            "Product",
            "Quarter",
            "Po",
        ];
        let mut row = vec![product.clone()];
        row.extend(new.iter().map(|t| Data::String((*t).into())));
        row.extend([
            Data::Empty,
            Data::Float(2.5),
            Data::String("@team".into()),
            Data::Bool(false),
        ]);
        rows.push(row);
        let dir = tempfile::tempdir().expect("temp dir");
        let sheet = dir.path().join("edited.xlsx");
        std::fs::write(&sheet, workbook_with("Split", &rows)).expect("written");
        let (o, out) = import(dir.path(), &sample, &sheet);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
        assert!(
            text(&o.stdout).starts_with(&format!("row 2: {product}: ")),
            "{}",
            text(&o.stdout)
        );
        let d = rolesplit::diff::diff(&s, &open(&out));
        assert_eq!(d.moved_cards.len(), 1, "{}", sample.display());
        assert_eq!(d.added_cards.len(), 1);
        assert_eq!(edited_fields(&d), [["hours"], ["note"], ["flagged"]]);
        let again = split_sheet(&xlsx_export(&open(&out)));
        assert_eq!(
            sorted(without_owners(&again)),
            sorted(without_owners(&rows)),
            "{}: the edited sheet comes back",
            sample.display()
        );
    }
}

/// The scale-up's export with `extra` lines after the header and first card row.
fn scaleup_sheet_with(extra: &str) -> String {
    let csv = csv_export(&open(Path::new(SCALEUP)));
    let mut lines = csv.lines();
    let header = lines.next().expect("header");
    let first = lines.next().expect("a card");
    format!("{header}\n{first}\n{extra}")
}

#[test]
fn refused_rows_are_listed_by_line_and_the_others_taken() {
    let rows = "\
Marketplace,roadmap,Build and maintain the roadmap,Strategy,Product,Quarter,Po,,3.0,,false
Nowhere,roadmap,Build and maintain the roadmap,Strategy,Product,Quarter,Pm,,3.0,,false
Marketplace,customer-discovery,Talk to customers to find unmet needs,Strategy,Product,Quarter,Dev,,1.0,,false
Partner portal,brand-new,Something new,Tactics,Product,Quarter,Pm,,2.0,,false
Marketplace,product-metrics,Track product metrics and business outcomes,Strategy,Product,Quarter,Pm,,200,,false
Marketplace,market-research,Run market research,Strategy,Product,Quarter,Unassigned,,3.0,\"a note
over two lines\",false
Marketplace,roadmap,Build and maintain the roadmap,Strategy,Product,Quarter,Pm,,3.0,,false
Marketplace,competitive-analysis,Analyse the competition,Strategy,Product,Quarter,Unassigned,,1.5,,maybe
Marketplace,competitive-analysis,Analyse competitors,Strategy,Product,Quarter,Unassigned,,1.5,,false
Partner portal,priya,A responsibility,Strategy,Product,Quarter,Pm,,1.0,,false
";
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = dir.path().join("split.csv");
    std::fs::write(&sheet, scaleup_sheet_with(rows)).expect("written");
    let (o, out) = import(dir.path(), Path::new(SCALEUP), &sheet);
    assert_eq!(o.status.code(), Some(1), "some rows refused");
    let at = format!("rolesplit: {}: ", sheet.display());
    let expected = [
        "line 4: there is no product called “Nowhere”",
        "line 5: the column must be Pm, Po or Unassigned, not “Dev”",
        "line 6: the kind must be Strategy or Execution, not “Tactics”",
        "line 7: the hours must be a number from 0 to 168, not “200”",
        "line 10: “roadmap” on Marketplace is already on line 3 of the sheet; each card may be listed once",
        "line 11: flagged must be true or false, not “maybe”",
        "line 12: “competitive-analysis” on Marketplace is already on line 11 of the sheet; each card may be listed once",
        "line 13: the id “priya” is already a person's; a new responsibility needs an id of its own",
    ];
    let expected: Vec<String> = expected.iter().map(|e| format!("{at}{e}")).collect();
    assert_eq!(text(&o.stderr).lines().collect::<Vec<_>>(), expected);
    // The good rows were taken: line 3's move and the two-line note of lines 8 and 9.
    let imported = open(&out);
    let card = |id: &str| {
        imported.products[0]
            .cards
            .iter()
            .find(|c| c.responsibility == id)
            .expect("the card")
            .clone()
    };
    assert_eq!(card("roadmap").column, Column::Po);
    assert_eq!(card("market-research").note, "a note\nover two lines");
    let before = open(Path::new(SCALEUP));
    for (i, id) in [
        (2, "customer-discovery"),
        (3, "product-metrics"),
        (5, "competitive-analysis"),
    ] {
        assert_eq!(
            card(id),
            before.products[0].cards[i],
            "refused rows change nothing"
        );
    }
    assert!(
        text(&o.stdout).contains("2 change the scenario, 1 unchanged, 8 refused."),
        "{}",
        text(&o.stdout)
    );
}

#[test]
fn flags_saved_by_a_spreadsheet_in_another_language_are_taken() {
    // A German spreadsheet saves TRUE as WAHR in a CSV; a French one VRAI; some write 1 and 0.
    let rows = "\
Marketplace,roadmap,Build and maintain the roadmap,Strategy,Product,Quarter,Pm,,3.0,,WAHR
Marketplace,customer-discovery,Talk to customers to find unmet needs,Strategy,Product,Quarter,Pm,,1.0,,vrai
Marketplace,product-metrics,Track product metrics and business outcomes,Strategy,Product,Quarter,Pm,,2.0,,1
Marketplace,market-research,Run market research,Strategy,Product,Quarter,Unassigned,,3.0,,FALSCH
Marketplace,competitive-analysis,Analyse the competition,Strategy,Product,Quarter,Unassigned,,1.5,,ja
";
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = dir.path().join("split.csv");
    std::fs::write(&sheet, scaleup_sheet_with(rows)).expect("written");
    let (o, out) = import(dir.path(), Path::new(SCALEUP), &sheet);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains("line 7: flagged must be true or false, not “ja”"),
        "{}",
        text(&o.stderr)
    );
    let imported = open(&out);
    let flagged = |id: &str| {
        let cards = &imported.products[0].cards;
        cards.iter().any(|c| c.responsibility == id && c.flagged)
    };
    for id in ["roadmap", "customer-discovery", "product-metrics"] {
        assert!(flagged(id), "{id} flagged");
    }
    assert!(!flagged("market-research"));
}

#[test]
fn a_responsibility_a_row_would_rename_is_refused_by_name() {
    let rows = "Marketplace,roadmap,Own the roadmap,Strategy,Product,Quarter,Pm,,3.0,,false\n\
                Marketplace,product-metrics,Track product metrics and business outcomes,Execution,Product,Quarter,Pm,,2.0,,false\n\
                Marketplace,pricing,Pricing,Strategy,Product,Quarter,Pm,,1.0,,false\n\
                Partner portal,pricing,Pricing,Strategy,Product,Year,Pm,,1.0,,false\n";
    let s = open(Path::new(SCALEUP));
    let plan = rolesplit::import::plan(
        &s,
        rolesplit::import::ImportKind::Split,
        &scaleup_sheet_with(rows),
    );
    let refused: Vec<(usize, String)> = plan
        .rejected()
        .map(|r| (r.line, r.result.clone().expect_err("refused")))
        .collect();
    assert_eq!(
        refused,
        [
            (3, "responsibility “roadmap” has the title “Build and maintain the roadmap” in the scenario, not “Own the roadmap”; change it in the Responsibilities tab".to_string()),
            (4, "responsibility “product-metrics” has the kind “Strategy” in the scenario, not “Execution”; change it in the Responsibilities tab".to_string()),
            (6, "responsibility “pricing” has the horizon “Quarter” as created on line 5, not “Year”; change it in the Responsibilities tab".to_string()),
        ]
    );
}

#[test]
fn refused_workbook_rows_are_listed_by_row() {
    let s = open(Path::new(SCALEUP));
    let mut rows = split_sheet(&xlsx_export(&s));
    rows.truncate(3);
    rows[1][0] = Data::String("Nowhere".into());
    rows[2][8] = Data::String("lots".into());
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = dir.path().join("split.xlsx");
    std::fs::write(&sheet, workbook_with("Split", &rows)).expect("written");
    let (o, out) = import(dir.path(), Path::new(SCALEUP), &sheet);
    assert_eq!(o.status.code(), Some(1));
    let at = format!("rolesplit: {}: ", sheet.display());
    assert_eq!(
        text(&o.stderr),
        format!(
            "{at}row 2: there is no product called “Nowhere”\n{at}row 3: the hours must be a number from 0 to 168, not “lots”\n"
        )
    );
    assert_eq!(
        std::fs::read(&out).expect("OUT"),
        std::fs::read(SCALEUP).expect("sample"),
        "the rest (nothing) taken"
    );
}

#[test]
fn a_guarded_cell_imports_without_its_quote() {
    let rows = "Marketplace,roadmap,Build and maintain the roadmap,Strategy,Product,Quarter,Pm,,3.0,'=1+2,false\n\
                Marketplace,product-metrics,Track product metrics and business outcomes,Strategy,Product,Quarter,Pm,,2.0,'quoted',false\n";
    let s = open(Path::new(SCALEUP));
    let plan = rolesplit::import::plan(
        &s,
        rolesplit::import::ImportKind::Split,
        &scaleup_sheet_with(rows),
    );
    assert_eq!(plan.rejected().count(), 0);
    let mut imported = s.clone();
    rolesplit::edit::apply(&mut imported, &plan.edit().expect("changes")).expect("applies");
    let cards = &imported.products[0].cards;
    assert_eq!(cards[1].note, "=1+2", "the guard is removed");
    assert_eq!(cards[3].note, "'quoted'", "a quote of the text's own stays");
    // Exported again, the note is guarded again.
    assert!(csv_export(&imported).contains(",'=1+2,"));
}

#[test]
fn new_cards_go_to_the_end_of_their_column_and_nothing_is_removed() {
    let s = common::small_board();
    let sheet = format!(
        "{HEADER}\nShop,backlog,Backlog,Execution,Team,Quarter,Pm,,4.0,,false\nShop,pricing,Pricing,Strategy,Product,Quarter,Pm,,1.5,,false\n"
    );
    let plan = rolesplit::import::plan(&s, rolesplit::import::ImportKind::Split, &sheet);
    assert_eq!(plan.rejected().count(), 0, "{:?}", plan.rows);
    let mut imported = s.clone();
    rolesplit::edit::apply(&mut imported, &plan.edit().expect("changes")).expect("applies");
    let board: Vec<(&str, Column)> = imported.products[0]
        .cards
        .iter()
        .map(|c| (c.responsibility.as_str(), c.column))
        .collect();
    assert_eq!(
        board,
        [
            ("vision", Column::Pm),
            ("backlog", Column::Pm),
            ("pricing", Column::Pm),
            ("research", Column::Unassigned),
        ],
        "backlog moved in place, pricing after the last PM card, research untouched"
    );
    let pricing = imported.responsibility("pricing").expect("created");
    assert_eq!((pricing.title.as_str(), pricing.hours), ("Pricing", 1.5));
    assert_eq!(
        imported.products[0].cards[2].hours, None,
        "the responsibility's own hours"
    );
}

#[test]
fn hours_are_an_override_only_where_they_differ() {
    let mut s = common::small_board();
    s.products[0].cards[0].hours = Some(2.25); // vision: 3.0 h by its responsibility
    let sheet = |vision: &str, backlog: &str| {
        format!(
            "{HEADER}\nShop,vision,Vision,Strategy,Product,Quarter,Pm,,{vision},,false\nShop,backlog,Backlog,Execution,Team,Quarter,Po,,{backlog},,false\n"
        )
    };
    let cards = |text: String| {
        let plan = rolesplit::import::plan(&s, rolesplit::import::ImportKind::Split, &text);
        assert_eq!(plan.rejected().count(), 0, "{:?}", plan.rows);
        let mut s = s.clone();
        if let Some(edit) = plan.edit() {
            rolesplit::edit::apply(&mut s, &edit).expect("applies");
        }
        (s.products[0].cards[0].hours, s.products[0].cards[1].hours)
    };
    assert_eq!(
        cards(sheet("2.3", "4.0")),
        (Some(2.25), None),
        "as shown: unchanged"
    );
    assert_eq!(
        cards(sheet("3", "\"5,5\"")),
        (None, Some(5.5)),
        "back to the responsibility's; a decimal comma"
    );
    assert_eq!(
        cards(sheet("", "4")),
        (None, None),
        "empty: the responsibility's"
    );
}

#[test]
fn dry_run_writes_nothing_and_says_what_would_change() {
    let rows = "Marketplace,roadmap,Build and maintain the roadmap,Strategy,Product,Quarter,Po,,3.5,new note,true\n";
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = dir.path().join("split.csv");
    std::fs::write(&sheet, scaleup_sheet_with(rows)).expect("written");
    let o = rolesplit(&["import", SCALEUP, &sheet.to_string_lossy(), "--dry-run"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert_eq!(
        text(&o.stdout),
        "line 3: Marketplace: “Build and maintain the roadmap”: moves from PM to PO; hours 3.0 to 3.5; note changed; now flagged\n\
         2 rows: 1 change the scenario, 1 unchanged, 0 refused.\n\
         Nothing written (--dry-run).\n"
    );
    assert_eq!(files_in(dir.path()), ["split.csv"]);
    // With -o as well, still nothing is written.
    let out = dir.path().join("out.ron");
    let o = rolesplit(&[
        "import",
        SCALEUP,
        &sheet.to_string_lossy(),
        "--dry-run",
        "-o",
        &out.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(files_in(dir.path()), ["split.csv"]);
}

#[test]
fn an_unreadable_sheet_or_scenario_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let people = dir.path().join("people.csv");
    std::fs::write(&people, "name,capacity_hours\nLee,40\n").expect("written");
    let latin1 = dir.path().join("latin1.csv");
    std::fs::write(
        &latin1,
        [
            HEADER.as_bytes(),
            b"\nCaf\xe9,x,x,Strategy,Product,Year,Pm,,1,,false\n",
        ]
        .concat(),
    )
    .expect("written");
    let other = dir.path().join("other.xlsx");
    std::fs::write(
        &other,
        workbook_with("Sheet1", &[vec![Data::String("x".into())]]),
    )
    .expect("written");
    let bad_ron = dir.path().join("bad.ron");
    std::fs::write(&bad_ron, "Scenario(format: 1, name: ").expect("written");
    let good_sheet = dir.path().join("good.csv");
    std::fs::write(&good_sheet, csv_export(&open(Path::new(SCALEUP)))).expect("written");
    let cases: [(&Path, &Path, &str); 5] = [
        (
            Path::new(SCALEUP),
            &people,
            ":1:1: the first row must be the header of rolesplit's CSV export, `product,responsibility_id,",
        ),
        (
            Path::new(SCALEUP),
            &latin1,
            ":2:4: the file is not UTF-8 text",
        ),
        (
            Path::new(SCALEUP),
            &other,
            ": the workbook has no sheet called “Split” (the sheet of rolesplit's export to import); its sheets: Sheet1",
        ),
        (
            Path::new(SCALEUP),
            &dir.path().join("missing.csv"),
            ": cannot read the file: no such file",
        ),
        (&bad_ron, &good_sheet, ":1:"),
    ];
    for (scenario, sheet, says) in cases {
        let (o, _) = import(dir.path(), scenario, sheet);
        assert_eq!(o.status.code(), Some(2), "{}", sheet.display());
        let err = text(&o.stderr);
        assert!(
            err.starts_with("rolesplit: ") && err.contains(says),
            "{err}"
        );
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(o.stdout.is_empty());
        assert!(
            !files_in(dir.path()).contains(&"out.ron".to_string()),
            "nothing written"
        );
    }
}

#[test]
fn import_needs_o_or_dry_run() {
    let o = rolesplit(&["import", SCALEUP, "tests/golden/scaleup.csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o.stderr).contains("--output"), "{}", text(&o.stderr));
}
