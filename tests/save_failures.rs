//! Saves that fail: the file on disk stays as it was, nothing half-written is left beside
//! it, and the error says what happened. tests/io.rs covers a writer that fails on
//! purpose in-process and a folder that does not exist; these make the operating system
//! refuse, in-process (`io::save`) and through the real binary (`export -o`, which writes
//! through the same atomic path).
//!
//! CI runs as root, which ignores folder permissions, so each test says what it really
//! simulates.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAMPLE: &str = "data/samples/scaleup.ron";

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A folder in which no new file can be created, undone on drop. As a normal user its
/// permissions say so (mode 500); root ignores those, so as root it is made immutable
/// (`chattr +i`), which stops root too. `None` where neither works.
struct LockedFolder {
    dir: PathBuf,
    immutable: bool,
}

impl LockedFolder {
    fn lock(dir: &Path) -> Option<LockedFolder> {
        let can_create = || {
            let probe = dir.join("probe");
            let created = std::fs::File::create(&probe).is_ok();
            let _ = std::fs::remove_file(&probe);
            created
        };
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        let mut locked = LockedFolder {
            dir: dir.to_path_buf(),
            immutable: false,
        };
        if !can_create() {
            return Some(locked);
        }
        let chattr = Command::new("chattr").arg("+i").arg(dir).output();
        locked.immutable = chattr.is_ok_and(|o| o.status.success());
        if locked.immutable && !can_create() {
            return Some(locked);
        }
        None
    }
}

impl Drop for LockedFolder {
    fn drop(&mut self) {
        if self.immutable {
            let _ = Command::new("chattr").arg("-i").arg(&self.dir).status();
        }
        let _ = std::fs::set_permissions(&self.dir, std::fs::Permissions::from_mode(0o700));
    }
}

fn rolesplit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .args(args)
        .output()
        .expect("rolesplit runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn a_save_into_a_folder_that_cannot_be_written_keeps_the_file_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("plan.ron");
    std::fs::write(&path, "the plan as it was").expect("write");
    let scenario = rolesplit::io::open(Path::new(SAMPLE)).expect("sample loads");
    let Some(lock) = LockedFolder::lock(dir.path()) else {
        eprintln!("skipped: this user can neither lock a folder by mode nor make it immutable");
        return;
    };

    let e = rolesplit::io::save(&path, &scenario).expect_err("the folder refuses new files");
    let message = e.to_string();
    drop(lock);

    assert!(
        message.contains(&format!(
            "cannot write in the folder {}",
            dir.path().display()
        )),
        "{message}"
    );
    assert!(
        message.contains("the file on disk was not changed"),
        "{message}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "the plan as it was"
    );
    assert_eq!(files_in(dir.path()), ["plan.ron"], "nothing left beside it");
}

#[test]
fn an_export_into_a_folder_that_cannot_be_written_exits_2_and_keeps_the_old_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("split.md");
    std::fs::write(&target, "last week's split").expect("write");
    let Some(lock) = LockedFolder::lock(dir.path()) else {
        eprintln!("skipped: this user can neither lock a folder by mode nor make it immutable");
        return;
    };

    let out = rolesplit(&[
        "export",
        SAMPLE,
        "--format",
        "md",
        "-o",
        &target.to_string_lossy(),
    ]);
    drop(lock);

    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(out.stdout.is_empty());
    assert!(
        err.starts_with(&format!("rolesplit: {}: could not save:", target.display())),
        "{err}"
    );
    assert!(err.contains("cannot write in the folder"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "last week's split"
    );
    assert_eq!(files_in(dir.path()), ["split.md"]);
}

/// Where the folder is a regular file, no temporary file can be made (ENOTDIR), root or
/// not: the plainest folder that cannot be written.
#[test]
fn an_export_whose_folder_is_a_file_exits_2_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let not_a_folder = dir.path().join("notes.txt");
    std::fs::write(&not_a_folder, "my notes").expect("write");
    let target = not_a_folder.join("split.md");

    let out = rolesplit(&[
        "export",
        SAMPLE,
        "--format",
        "md",
        "-o",
        &target.to_string_lossy(),
    ]);

    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with(&format!("rolesplit: {}: could not save:", target.display())),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "cannot write in the folder {}",
            not_a_folder.display()
        )),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&not_a_folder).expect("read"),
        "my notes"
    );
    assert_eq!(files_in(dir.path()), ["notes.txt"]);
}

/// A write that the operating system stops half way: the process may write files of at
/// most 512 bytes (`ulimit -f 1`, with SIGXFSZ ignored so that the write fails with EFBIG
/// instead of killing the process). The export is larger, so the temporary file gets its
/// first 512 bytes and then the error: as a disk that fills up during the save (ENOSPC
/// takes the same path), without needing a full disk.
#[test]
fn an_export_cut_off_half_way_by_the_system_keeps_the_old_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("split.html");
    std::fs::write(&target, "last week's split").expect("write");
    let full = rolesplit(&["export", SAMPLE, "--format", "html"]);
    assert!(
        full.stdout.len() > 4096,
        "the export is larger than the limit: {} bytes",
        full.stdout.len()
    );

    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1 && exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_rolesplit"))
        .args(["export", SAMPLE, "--format", "html", "-o"])
        .arg(&target)
        .output()
        .expect("sh runs");

    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with(&format!("rolesplit: {}: could not save:", target.display())),
        "{err}"
    );
    assert!(err.contains("too large"), "the system's reason: {err}");
    assert!(err.contains("the file on disk was not changed"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "last week's split"
    );
    assert_eq!(
        files_in(dir.path()),
        ["split.html"],
        "the half-written temporary file is gone"
    );
}

/// Standard output on a full device (/dev/full answers every write with ENOSPC): the
/// export to stdout fails with exit 2 and says so.
#[test]
fn an_export_to_a_full_stdout_exits_2_and_says_so() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .args(["export", SAMPLE, "--format", "md"])
        .stdout(full)
        .output()
        .expect("rolesplit runs");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("rolesplit: cannot write the export:"),
        "{err}"
    );
    assert!(err.contains("No space left on device"), "{err}");
}
