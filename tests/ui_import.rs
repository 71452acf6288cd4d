//! The Import tab's third kind (issue 20): the split from rolesplit's own card export, as
//! CSV pasted in or as a workbook loaded from a file. Every row is previewed and the
//! result is one undoable edit.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use calamine::Data;
use common::{harness, open_tab, small_board};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rolesplit::import::ImportKind;
use rolesplit::model::Column;

/// The small board's workbook, its `Split` sheet edited as a leader would in a spreadsheet:
/// vision moves to PO, backlog takes 5 h, research gets a note that starts like a formula,
/// and a new responsibility joins the PM column.
fn edited_workbook() -> Vec<u8> {
    let s = small_board();
    let bytes = rolesplit::export::workbook(&s, &rolesplit::analyze(&s)).expect("written");
    let mut rows = common::sheet_rows(&bytes, "Split");
    rows[1][6] = Data::String("Po".into());
    rows[2][8] = Data::Float(5.0);
    rows[3][9] = Data::String("=talk about it".into());
    let mut new: Vec<Data> = [
        "Shop", "pricing", "Pricing", "Strategy", "Product", "Quarter", "Pm", "",
    ]
    .map(|t| Data::String(t.into()))
    .to_vec();
    new.extend([Data::Float(1.5), Data::Empty, Data::Bool(true)]);
    rows.push(new);
    common::workbook_with("Split", &rows)
}

#[test]
fn a_loaded_workbook_is_previewed_and_imported_as_one_undoable_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("edited.xlsx");
    std::fs::write(&path, edited_workbook()).expect("written");
    let mut h = harness(small_board());
    h.run();
    let original = h.state().doc.scenario.clone();
    open_tab(&mut h, "Import");
    h.get_by_label("or its path:").click();
    h.run();
    h.get_by_label("or its path:")
        .type_text(&path.to_string_lossy());
    h.run();
    h.get_by_label("Load").click();
    h.run();
    assert_eq!(
        h.state().editors.import.kind,
        ImportKind::Split,
        "a workbook holds the split"
    );
    assert!(
        h.state().editors.import.workbook.is_some(),
        "its Split sheet was read"
    );
    // Every row is in the preview, by its row in the sheet.
    for row in ["row 2", "row 3", "row 4", "row 5"] {
        assert!(h.query_by_label(row).is_some(), "{row} is previewed");
    }
    assert!(
        h.query_by_label_contains("Shop: “Vision”: moves from PM to PO")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("Shop: “Pricing” (a new responsibility")
            .is_some()
    );
    h.get_by_label("Apply 4 changes").click();
    h.run();

    let s = &h.state().doc.scenario;
    let board: Vec<(&str, Column, Option<f64>, &str, bool)> = s.products[0]
        .cards
        .iter()
        .map(|c| {
            (
                c.responsibility.as_str(),
                c.column,
                c.hours,
                c.note.as_str(),
                c.flagged,
            )
        })
        .collect();
    assert_eq!(
        board,
        [
            ("vision", Column::Po, None, "", false),
            ("backlog", Column::Po, Some(5.0), "", false),
            (
                "research",
                Column::Unassigned,
                None,
                "=talk about it",
                false
            ),
            ("pricing", Column::Pm, None, "", true),
        ]
    );
    assert_eq!(s.responsibility("pricing").map(|r| r.hours), Some(1.5));
    assert_eq!(h.state().doc.history.undo_len(), 1, "one undoable edit");
    assert!(
        h.query_by_label("Apply 0 changes").is_some(),
        "the preview now finds nothing to change"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().doc.scenario,
        original,
        "one Ctrl+Z takes it all back"
    );
}

#[test]
fn pasted_csv_rows_of_the_export_are_the_split_with_refused_lines_listed() {
    let mut h = harness(small_board());
    h.run();
    open_tab(&mut h, "Import");
    assert_eq!(
        h.state().editors.import.kind,
        ImportKind::People,
        "the default"
    );
    let csv = "product,responsibility_id,responsibility,kind,scope,horizon,column,owners,hours,note,flagged\n\
               Shop,vision,Vision,Strategy,Product,Quarter,Unassigned,Pat,3.0,'-later,false\n\
               Shop,backlog,Backlog,Execution,Team,Quarter,Nowhere,Olga,4.0,,false\n";
    h.get_by_label("CSV rows:").click();
    h.run();
    h.event(egui::Event::Paste(csv.into()));
    h.run();
    assert_eq!(
        h.state().editors.import.kind,
        ImportKind::Split,
        "the export's header says so"
    );
    assert!(h.query_by_label("line 3").is_some());
    assert!(
        h.query_by_label("the column must be Pm, Po or Unassigned, not “Nowhere”")
            .is_some(),
        "the refused row says why"
    );
    h.get_by_label("Apply 1 change").click();
    h.run();
    let vision = &h.state().doc.scenario.products[0].cards[0];
    assert_eq!(
        (vision.column, vision.note.as_str()),
        (Column::Unassigned, "-later")
    );
    assert_eq!(h.state().doc.history.undo_len(), 1);
}
