//! Scenario files in the window: open, save, save as, recent files, unsaved work, the
//! recovery file, bad files and failed saves, comparing scenarios.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::cell::RefCell;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use common::{example_text, example_with, harness, line_of, small_board, temp_file};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use rolesplit::app::AppState;
use rolesplit::app::dialogs::{DialogResult, Dialogs};
use rolesplit::edit::{Edit, Place};
use rolesplit::model::Column;

/// File dialogs that answer from a script, as a user would click.
#[derive(Clone, Default)]
struct Scripted(Rc<RefCell<VecDeque<DialogResult>>>);

impl Scripted {
    fn will_choose(&self, path: &Path) {
        self.0
            .borrow_mut()
            .push_back(DialogResult::Chosen(path.to_path_buf()));
    }
}

impl Dialogs for Scripted {
    fn open(&mut self, _: &str, _: &[&str]) -> DialogResult {
        self.0
            .borrow_mut()
            .pop_front()
            .unwrap_or(DialogResult::Cancelled)
    }
    fn save(&mut self, _: &str, _: &str, _: &[&str]) -> DialogResult {
        self.0
            .borrow_mut()
            .pop_front()
            .unwrap_or(DialogResult::Cancelled)
    }
}

fn with_dialogs(h: &mut egui_kittest::Harness<'static, AppState>) -> Scripted {
    let d = Scripted::default();
    h.state_mut().files.dialogs = Box::new(d.clone());
    d
}

fn move_vision(h: &mut egui_kittest::Harness<'static, AppState>) {
    let product = h.state().doc.scenario.products[0].id.clone();
    h.state_mut()
        .apply(Edit::MoveCard {
            product,
            responsibility: "vision".into(),
            to: Column::Po,
            place: Place::Keep,
        })
        .expect("moves");
    h.run();
}

#[test]
fn open_edit_save_and_reopen_gives_the_edited_scenario() {
    let (dir, path) = temp_file("x.ron", &example_text());
    let mut h = harness(small_board());
    h.run();
    let dialogs = with_dialogs(&mut h);
    dialogs.will_choose(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(
        h.state().doc.scenario.name,
        "Scale-up: one PM over two squads"
    );
    assert!(
        h.state().title().contains("x.ron"),
        "the title names the file"
    );
    move_vision(&mut h);
    assert!(
        h.state().is_dirty() && h.state().title().starts_with("* "),
        "the title marks unsaved work"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(!h.state().is_dirty());
    let reopened = rolesplit::io::open(&path).expect("loads");
    assert_eq!(reopened, *h.state().doc.scenario);
    assert_eq!(reopened.products[0].cards[0].column, Column::Po);
    assert_eq!(
        common::files_in(dir.path()),
        vec!["x.ron"],
        "nothing else left in the folder"
    );
    assert_eq!(
        h.state().prefs.recent.first().map(|p| p.file_name()),
        Some(path.file_name()),
        "a recent file"
    );
}

#[test]
fn save_as_writes_a_new_file_and_keeps_the_old_one() {
    let (dir, path) = temp_file("a.ron", &example_text());
    let mut h = harness(small_board());
    h.run();
    let dialogs = with_dialogs(&mut h);
    h.state_mut().open_path(&path).expect("opens");
    move_vision(&mut h);
    let other = dir.path().join("b.ron");
    dialogs.will_choose(&other);
    h.key_press_modifiers(
        egui::Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        },
        Key::S,
    );
    h.run();
    assert_eq!(h.state().doc.path.as_deref(), Some(other.as_path()));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        example_text(),
        "the old file is untouched"
    );
    assert_eq!(
        rolesplit::io::open(&other).expect("loads"),
        *h.state().doc.scenario
    );
    let recent: Vec<Option<&std::ffi::OsStr>> = h
        .state()
        .prefs
        .recent
        .iter()
        .map(|p| p.file_name())
        .collect();
    assert_eq!(
        recent,
        [other.file_name(), path.file_name()],
        "newest first"
    );
}

#[test]
fn opening_another_file_with_unsaved_work_asks_first() {
    let (_dir, path) = temp_file("x.ron", &example_text());
    let mut h = harness(small_board());
    h.run();
    let dialogs = with_dialogs(&mut h);
    move_vision(&mut h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(h.query_by_label("Save the changes first?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        h.state().doc.scenario.name,
        "Small board",
        "cancel keeps the work"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    dialogs.will_choose(&path);
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(
        h.state().doc.scenario.name,
        "Scale-up: one PM over two squads"
    );
}

#[test]
fn a_bad_file_leaves_the_open_scenario_unchanged_and_names_file_line_and_column() {
    let bad = example_with("id: \"tom\"", "id: \"maya\"");
    let (_dir, path) = temp_file("bad.ron", &bad);
    let mut h = harness(small_board());
    h.run();
    move_vision(&mut h);
    let before = h.state().doc.scenario.clone();
    let dialogs = with_dialogs(&mut h);
    dialogs.will_choose(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().doc.scenario, before, "what was open stays open");
    let error = h.state().files.error.clone().expect("one dialog");
    let line = line_of(&bad, "name: \"Tom\"");
    assert!(
        error.contains(&format!("{}:{line}:", path.display())),
        "{error}"
    );
    assert!(
        h.query_by_label_contains("\"maya\" is used twice")
            .is_some(),
        "the dialog says what is wrong"
    );
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().files.error.is_none());
}

#[test]
fn a_failed_save_leaves_the_old_file_intact_and_says_so() {
    let (_dir, path) = temp_file("keep.ron", &example_text());
    let mut h = harness(small_board());
    h.run();
    h.state_mut().open_path(&path).expect("opens");
    move_vision(&mut h);
    // A folder that cannot be written: its "parent" is a regular file.
    let impossible = path.join("inside-a-file.ron");
    let dialogs = with_dialogs(&mut h);
    dialogs.will_choose(&impossible);
    h.key_press_modifiers(
        egui::Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        },
        Key::S,
    );
    h.run();
    let error = h.state().files.error.clone().expect("says so");
    assert!(
        error.contains("Could not save") && error.contains("not changed"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        example_text(),
        "the old file is intact"
    );
    assert!(h.state().is_dirty(), "the work is still unsaved");
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
}

#[test]
fn saving_over_a_file_changed_on_disk_warns_first() {
    let (_dir, path) = temp_file("shared.ron", &example_text());
    let mut h = harness(small_board());
    h.run();
    h.state_mut().open_path(&path).expect("opens");
    move_vision(&mut h);
    let theirs = example_with("Scale-up", "Their scale-up");
    std::fs::write(&path, &theirs).expect("someone else saves");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.query_by_label("The file changed on disk").is_some());
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "not overwritten yet"
    );
    h.get_by_label("Overwrite").click();
    h.run();
    assert_eq!(
        rolesplit::io::open(&path).expect("loads"),
        *h.state().doc.scenario
    );
}

#[test]
fn unsaved_work_reaches_the_recovery_file_and_the_next_start_restores_it() {
    let recovery = tempfile::tempdir().expect("dir");
    let edited = {
        let mut h = harness(small_board());
        h.state_mut().files.recovery.dir = Some(recovery.path().to_path_buf());
        h.run();
        move_vision(&mut h);
        assert!(
            h.state().files.recovery.due.is_some(),
            "the edit path schedules the recovery copy"
        );
        for _ in 0..40 {
            h.step(); // about 2.7 s of frames
        }
        // The copy is handed to a writer thread: give it a few seconds of real time.
        let file = recovery.path().join(rolesplit::io::RECOVERY_FILE);
        for _ in 0..50 {
            if file.exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        assert!(
            recovery.path().join(rolesplit::io::RECOVERY_FILE).exists(),
            "written within a few seconds"
        );
        h.state().doc.scenario.clone()
        // The harness is dropped here without saving: a crash.
    };
    let state = AppState::new(small_board(), None).with_recovery_dir(recovery.path().to_path_buf());
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1440.0, 900.0))
        .build_ui_state(
            |ui, s: &mut AppState| rolesplit::app::workbench_ui(ui, s),
            state,
        );
    h.run();
    assert!(
        h.query_by_label("Unsaved work from the last session was found:")
            .is_some(),
        "a banner offers it"
    );
    h.get_by_label("Restore it").click();
    h.run();
    assert_eq!(h.state().doc.scenario, edited, "exactly the unsaved work");
    assert!(h.state().is_dirty());
    let saved = recovery.path().join("saved.ron");
    h.state_mut().save_to(&saved);
    assert!(
        !recovery.path().join(rolesplit::io::RECOVERY_FILE).exists(),
        "removed once saved"
    );
}

#[test]
fn discarding_the_recovery_removes_it() {
    let recovery = tempfile::tempdir().expect("dir");
    let file = recovery.path().join(rolesplit::io::RECOVERY_FILE);
    std::fs::write(&file, example_text()).expect("an old recovery copy");
    let mut state =
        AppState::new(small_board(), None).with_recovery_dir(recovery.path().to_path_buf());
    assert!(state.files.recovery.offer.is_some());
    state.discard_recovery();
    assert!(!file.exists());
    assert_eq!(state.doc.scenario.name, "Small board");
}

#[test]
fn compare_the_open_scenario_with_a_saved_one() {
    let (dir, path) = temp_file("a.ron", &example_text());
    // Tom takes the PO seat, and the vision card gets a note and a flag.
    let b = example_with("po: Some(\"maya\")", "po: Some(\"tom\")").replace(
        "Card(responsibility: \"vision\", column: Pm)",
        "Card(responsibility: \"vision\", column: Pm, note: \"agreed\", flagged: true)",
    );
    assert!(b.contains("agreed"));
    let b_path = dir.path().join("b.ron");
    std::fs::write(&b_path, &b).expect("write");
    let mut h = harness(small_board());
    h.run();
    h.state_mut().open_path(&path).expect("opens");
    let dialogs = with_dialogs(&mut h);
    dialogs.will_choose(&b_path);
    h.get_all_by_label("Compare")
        .find(|n| {
            use egui_kittest::kittest::NodeT;
            n.accesskit_node().role() == egui::accesskit::Role::Button
        })
        .expect("tab")
        .click();
    h.run();
    h.get_by_label("Add a saved scenario…").click();
    h.run();
    assert_eq!(h.state().compare.others.len(), 1);
    assert!(
        h.query_by_label_contains("Seat: PO of Squad A: Maya before, Tom now")
            .is_some(),
        "the seat change"
    );
    assert!(
        h.query_by_label_contains(
            "Card: Set and communicate the product vision on Checkout: note changed, now flagged"
        )
        .is_some(),
        "the edited card"
    );
    assert!(
        h.query_by_label_contains("Gains po-multiple-teams")
            .is_some(),
        "a finding gained"
    );
    let export = dir.path().join("cmp.md");
    dialogs.will_choose(&export);
    h.get_by_label("as Markdown…").click();
    h.run();
    let text = std::fs::read_to_string(&export).expect("exported");
    assert!(text.contains("Tom"), "{text}");
}

#[test]
fn the_export_menu_writes_the_split() {
    let (dir, _) = temp_file("unused", "");
    let mut h = harness(small_board());
    h.run();
    let dialogs = with_dialogs(&mut h);
    let out = dir.path().join("split.csv");
    dialogs.will_choose(&out);
    let ctx = h.ctx.clone();
    h.state_mut().export(
        &ctx,
        rolesplit::app::dialogs::ExportKind::Split(rolesplit::export::ExportFormat::Csv),
    );
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("product,responsibility_id,responsibility,kind,scope,horizon,column,owners,hours,note,flagged"));
    assert_eq!(text.lines().count(), 4, "a header and one row per card");
}

#[test]
fn file_export_minutes_writes_the_minutes_in_both_formats() {
    let (dir, _) = temp_file("unused", "");
    let text = std::fs::read_to_string("tests/fixtures/example-record.ron").expect("fixture");
    let s = rolesplit::parse::scenario_from_str(&text).expect("loads");
    let mut h = harness(s.clone());
    let today = rolesplit::record::Date::parse("2026-12-14").expect("a date");
    h.state_mut().view.today.fix(today);
    h.run();
    let dialogs = with_dialogs(&mut h);
    for (item, file, format) in [
        (
            "Minutes as Markdown (.md)…",
            "minutes.md",
            rolesplit::export::ExportFormat::MinutesMd,
        ),
        (
            "Minutes as HTML (.html)…",
            "minutes.html",
            rolesplit::export::ExportFormat::MinutesHtml,
        ),
    ] {
        let out = dir.path().join(file);
        dialogs.will_choose(&out);
        // File ▸ Export ▸ Minutes ▸ the format.
        h.get_by_label("File").click();
        h.run();
        h.get_by_label("Export").hover();
        h.run();
        h.get_by_label("Minutes").click();
        h.run();
        // A menu button's name ends with its shortcut, here none.
        h.get_by_label_contains(item).click();
        h.run();
        let written = std::fs::read_to_string(&out).expect("written");
        assert_eq!(
            written,
            rolesplit::export::render(format, &s, &rolesplit::analyze(&s), today)
        );
        assert!(written.contains("No (overdue)"), "{written}");
    }
}

#[test]
fn without_a_file_dialog_the_window_asks_for_a_path() {
    let (_dir, path) = temp_file("typed.ron", &example_text());
    let mut h = harness(small_board());
    h.run();
    let dialogs = with_dialogs(&mut h);
    dialogs.0.borrow_mut().push_back(DialogResult::Unavailable);
    h.key_press_modifiers(Modifiers::COMMAND, Key::O);
    h.run();
    assert!(
        h.query_by_label("Type the file's path").is_some(),
        "never a button that does nothing"
    );
    h.get_by_label("File path")
        .type_text(&path.display().to_string());
    h.run();
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(
        h.state().doc.path.as_deref(),
        Some(PathBuf::from(&path).as_path())
    );
}

#[test]
fn file_export_excel_workbook_writes_the_xlsx() {
    let (dir, _) = temp_file("unused", "");
    let mut h = harness(small_board());
    h.run();
    let dialogs = with_dialogs(&mut h);
    let out = dir.path().join("split.xlsx");
    dialogs.will_choose(&out);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export").click();
    h.run();
    // A menu item's label ends with its (here empty) shortcut.
    h.get_by_label_contains("Excel workbook (.xlsx)…").click();
    h.run();
    let bytes = std::fs::read(&out).expect("written");
    let s = &h.state().doc.scenario;
    assert_eq!(
        bytes,
        rolesplit::export::workbook(s, &rolesplit::analyze(s)).expect("the workbook"),
        "the workbook of the open scenario"
    );
    assert_eq!(
        h.state().doc.status.as_deref(),
        Some(format!("Exported {}", out.display()).as_str())
    );
}
