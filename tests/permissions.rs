//! Permissions of the files rolesplit writes: a new file gets the usual permissions of a
//! new file (0666 less the umask, 0644 under umask 022), as a shared export or scenario
//! needs; a file that already exists keeps its own mode.
#![cfg(unix)]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use egui::{Key, Modifiers};
use rolesplit::app::dialogs::{DialogResult, Dialogs};

const SCALEUP: &str = "data/samples/scaleup.ron";

/// The permission bits of a file (rwx for owner, group and others).
fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .expect("the file exists")
        .permissions()
        .mode()
        & 0o777
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

/// The umask of this test process, as a child shell (which inherits it) prints it.
fn umask() -> u32 {
    let out = Command::new("sh")
        .args(["-c", "umask"])
        .output()
        .expect("sh runs");
    let text = String::from_utf8_lossy(&out.stdout);
    u32::from_str_radix(text.trim(), 8).expect("umask prints an octal number")
}

/// `rolesplit export` run under umask 022, as in a usual login shell.
fn export_under_umask_022(target: &Path) -> Output {
    Command::new("sh")
        .args(["-c", "umask 022; exec \"$0\" \"$@\""])
        .arg(env!("CARGO_BIN_EXE_rolesplit"))
        .args(["export", SCALEUP, "--format", "html", "-o"])
        .arg(target)
        .env("WAYLAND_DISPLAY", "")
        .env("DISPLAY", "")
        .output()
        .expect("the binary runs")
}

#[test]
fn a_new_export_file_gets_the_usual_permissions_under_umask_022() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("split.html");
    let out = export_under_umask_022(&target);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        mode(&target),
        0o644,
        "readable by colleagues, like any new file"
    );
    assert_eq!(common::files_in(dir.path()), ["split.html"]);
}

#[test]
fn an_existing_export_file_keeps_its_own_mode() {
    for kept in [0o600, 0o640] {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("split.html");
        std::fs::write(&target, "old").expect("write");
        set_mode(&target, kept);
        let out = export_under_umask_022(&target);
        assert_eq!(out.status.code(), Some(0));
        assert!(
            std::fs::read_to_string(&target)
                .expect("read")
                .starts_with("<!DOCTYPE html>"),
            "the export replaced the old content"
        );
        assert_eq!(mode(&target), kept, "mode {kept:o} is kept");
    }
}

#[test]
fn a_new_scenario_file_gets_the_usual_permissions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("new.ron");
    let scenario = rolesplit::io::open(Path::new(SCALEUP)).expect("loads");
    rolesplit::io::save(&path, &scenario).expect("saves");
    // This process's umask is whatever the test runner has; a new file gets 0666 less it
    // (0644 under the usual 022), never the temporary file's owner-only 0600.
    let expected = 0o666 & !umask();
    assert_eq!(mode(&path), expected, "umask {:o}", umask());
    if umask() == 0o022 {
        assert_eq!(mode(&path), 0o644);
    }
}

#[test]
fn a_saved_scenario_keeps_the_mode_of_the_file_it_replaces() {
    let scenario = rolesplit::io::open(Path::new(SCALEUP)).expect("loads");
    for kept in [0o600, 0o640] {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("kept.ron");
        rolesplit::io::save(&path, &scenario).expect("saves");
        set_mode(&path, kept);
        rolesplit::io::save(&path, &scenario).expect("saves again");
        assert_eq!(mode(&path), kept, "mode {kept:o} is kept");
        assert_eq!(common::files_in(dir.path()), ["kept.ron"]);
    }
}

/// A Save as dialog that answers with one path.
struct Answer(Option<PathBuf>);

impl Dialogs for Answer {
    fn open(&mut self, _: &str, _: &[&str]) -> DialogResult {
        DialogResult::Cancelled
    }
    fn save(&mut self, _: &str, _: &str, _: &[&str]) -> DialogResult {
        self.0
            .take()
            .map_or(DialogResult::Cancelled, DialogResult::Chosen)
    }
}

#[test]
fn a_new_scenario_saved_from_the_window_gets_the_usual_permissions() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("saved.ron");
    let mut h = common::harness(common::small_board());
    h.run();
    h.state_mut().files.dialogs = Box::new(Answer(Some(path.clone())));
    h.key_press_modifiers(
        Modifiers {
            shift: true,
            ..Modifiers::COMMAND
        },
        Key::S,
    );
    h.run();
    assert_eq!(h.state().doc.path.as_deref(), Some(path.as_path()));
    assert_eq!(mode(&path), 0o666 & !umask(), "umask {:o}", umask());
}
