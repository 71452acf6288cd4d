//! Helpers shared by the integration tests.
#![allow(dead_code)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};

/// The scenario file of scenario-format.md's example.
pub fn example_text() -> String {
    std::fs::read_to_string("tests/fixtures/example.ron").expect("fixture exists")
}

/// The example with `from` replaced by `to` (which must occur).
pub fn example_with(from: &str, to: &str) -> String {
    let text = example_text();
    assert!(text.contains(from), "the example contains {from:?}");
    text.replacen(from, to, 1)
}

/// Writes text to a file in a fresh temporary folder; keep the folder alive while used.
pub fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// The 1-based line of the first occurrence of `needle` in `text`.
pub fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in text"));
    text[..at].matches('\n').count() + 1
}

pub fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A harness around the whole window, at a laptop's size, in the dark theme, with the
/// accessibility check on (the default).
pub fn harness(
    scenario: rolesplit::Scenario,
) -> egui_kittest::Harness<'static, rolesplit::app::AppState> {
    harness_at(scenario, egui::vec2(1440.0, 900.0))
}

/// The whole window at a given size.
pub fn harness_at(
    scenario: rolesplit::Scenario,
    size: egui::Vec2,
) -> egui_kittest::Harness<'static, rolesplit::app::AppState> {
    let state = rolesplit::app::AppState::new(scenario, None);
    egui_kittest::Harness::builder()
        .with_size(size)
        .with_theme(egui::Theme::Dark)
        .with_max_steps(32)
        .build_ui_state(
            |ui, state: &mut rolesplit::app::AppState| rolesplit::app::workbench_ui(ui, state),
            state,
        )
}

/// A small board: Pat is PM, Olga is PO of the one Scrum team; vision (3 h, strategy) is in
/// PM, backlog (4 h, execution, team scope) in PO, research (2 h) is parked.
pub fn small_board() -> rolesplit::Scenario {
    small_board_builder().build()
}

/// The small board as a builder, to add to it.
pub fn small_board_builder() -> rolesplit::testkit::Builder {
    rolesplit::testkit::Builder::small_board("Small board").team(
        "squad",
        "shop",
        6,
        rolesplit::model::Method::Scrum,
        Some("olga"),
    )
}

/// How many findings of a rule the window's analysis has.
pub fn findings_of(h: &egui_kittest::Harness<'_, rolesplit::app::AppState>, rule: &str) -> usize {
    h.state()
        .doc
        .analysis
        .findings
        .iter()
        .filter(|f| f.rule.id() == rule)
        .count()
}

/// Clicks a tab of the central area (a button; panels have headings with the same words).
pub fn open_tab(h: &mut egui_kittest::Harness<'_, rolesplit::app::AppState>, tab: &str) {
    use egui_kittest::kittest::{NodeT, Queryable};
    h.get_all_by_label(tab)
        .find(|n| n.accesskit_node().role() == egui::accesskit::Role::Button)
        .expect("the tab")
        .click();
    h.run();
}

/// Runs the real binary, with no display so that it never opens a window.
pub fn run_rolesplit(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .args(args)
        .env("WAYLAND_DISPLAY", "")
        .env("DISPLAY", "")
        .output()
        .expect("the binary runs")
}

/// The rows of a workbook's sheet, as calamine reads them.
pub fn sheet_rows(workbook: &[u8], sheet: &str) -> Vec<Vec<calamine::Data>> {
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(workbook)).expect("reads");
    let range = book.worksheet_range(sheet).expect("the sheet");
    range.rows().map(<[calamine::Data]>::to_vec).collect()
}

/// A workbook with one sheet of typed cells, as a spreadsheet saves an edited one.
pub fn workbook_with(sheet: &str, rows: &[Vec<calamine::Data>]) -> Vec<u8> {
    use calamine::Data;
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet().set_name(sheet).expect("named");
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell {
                Data::String(t) => drop(ws.write_string(r, c, t).expect("cell")),
                Data::Float(x) => drop(ws.write_number(r, c, *x).expect("cell")),
                Data::Bool(b) => drop(ws.write_boolean(r, c, *b).expect("cell")),
                _ => {}
            }
        }
    }
    book.save_to_buffer().expect("saved")
}
