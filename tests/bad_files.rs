//! The catalogue of bad files in tests/bad_files/: each one goes through the real binary,
//! `rolesplit check FILE`, which must exit 2 and print one line on stderr,
//! `rolesplit: FILE:LINE:COL: message` (or `rolesplit: FILE: message` where the problem has
//! no place in the file), naming what is wrong at the right line.
//!
//! tests/io.rs checks the loader's errors in-process on edits of the example; this checks
//! whole files as a user could have them, and the command line that reports them. Each
//! file is the example of scenario-format.md (tests/fixtures/example.ron) with one fault;
//! the `record-*` files are the format 2 example with its workshop record
//! (tests/fixtures/example-record.ron) with one fault.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::Path;
use std::process::{Command, Output};

/// One bad file: its name, the line its error is on (`None`: no place in the file) and
/// words the message must hold.
struct Bad {
    file: &'static str,
    line: Option<usize>,
    words: &'static [&'static str],
}

const fn bad(file: &'static str, line: Option<usize>, words: &'static [&'static str]) -> Bad {
    Bad { file, line, words }
}

const CUT_OFF: &[&str] = &["ends too early", "cut off"];
const HOURS: &[&str] = &["between 0 and 168 hours"];

/// The catalogue. Lines are those of the example (tests/fixtures/example.ron) as each
/// file changes it.
const CATALOGUE: &[Bad] = &[
    // Not a scenario at all.
    bad("truncated.ron", Some(50), CUT_OFF),
    bad(
        "empty.ron",
        None,
        &["the file is empty", "Scenario(format: 2"],
    ),
    bad("blank.ron", None, &["the file is empty"]),
    bad("binary.ron", Some(1), &["not UTF-8 text"]),
    // Latin-1 é in the name on line 3: placed at the first byte that is not UTF-8.
    bad("latin1.ron", Some(3), &["not UTF-8 text"]),
    bad("json.ron", Some(1), &["expected a Scenario(...)"]),
    bad("trailing-text.ron", Some(59), &["more text after the end"]),
    bad("deep-nesting.ron", Some(3), &["nested too deeply"]),
    // The format number.
    bad(
        "newer-format.ron",
        Some(2),
        &["format 3", "format 2 at most", "newer rolesplit"],
    ),
    bad("format-zero.ron", Some(2), &["format 0 does not exist"]),
    bad(
        "format-not-a-number.ron",
        Some(2),
        &["`format`", "whole number"],
    ),
    bad("missing-format.ron", Some(1), &["no `format` field"]),
    // The shape of the file.
    bad(
        "unknown-field.ron",
        Some(15),
        &["unknown field `email`", "Person", "capacity_hours"],
    ),
    bad("missing-field.ron", Some(57), &["Team", "`engineers`"]),
    bad(
        "bad-enum-value.ron",
        Some(57),
        &["`SAFe`", "Method", "Scrum, Kanban, Other"],
    ),
    bad(
        "unknown-checklist-question.ron",
        Some(49),
        &["unknown question `free_lunch`", "clear_vision"],
    ),
    // Ids.
    bad(
        "duplicate-id.ron",
        Some(15),
        &["\"maya\"", "used twice", "line 14"],
    ),
    bad(
        "duplicate-id-across-kinds.ron",
        Some(57),
        &["\"vision\"", "a responsibility at line 23", "a team"],
    ),
    bad("empty-id.ron", Some(15), &["empty id", "person"]),
    // A reference of each kind to nothing.
    bad(
        "dangling-card-responsibility.ron",
        Some(50),
        &["card", "\"checkout\"", "\"roadmap\"", "no responsibility"],
    ),
    bad(
        "dangling-team-product.ron",
        Some(57),
        &["team \"squad-b\"", "\"payments\"", "no product"],
    ),
    bad(
        "dangling-pm.ron",
        Some(48),
        &["product \"checkout\"", "PM", "\"mia\"", "no person"],
    ),
    bad(
        "dangling-po.ron",
        Some(57),
        &["team \"squad-b\"", "PO", "\"tim\"", "no person"],
    ),
    bad(
        "dangling-stakeholder.ron",
        Some(39),
        &["responsibility \"backlog\"", "\"ops\"", "no stakeholder"],
    ),
    bad(
        "po-is-not-a-person.ron",
        Some(57),
        &["\"devteam\"", "a stakeholder, not a person"],
    ),
    // Numbers out of their limits.
    bad("negative-hours.ron", Some(38), HOURS),
    bad("nan-hours.ron", Some(28), &["\"vision\"", "`hours`", "NaN"]),
    bad(
        "infinite-capacity.ron",
        Some(15),
        &["\"tom\"", "`capacity_hours`", "inf"],
    ),
    bad(
        "hours-over-a-week.ron",
        Some(51),
        &["card \"backlog\"", "`hours`", "168", "170"],
    ),
    bad(
        "other-hours-over-a-week.ron",
        Some(15),
        &["\"tom\"", "`other_hours`", "200"],
    ),
    bad(
        "negative-cost.ron",
        Some(14),
        &["\"maya\"", "`annual_cost`", "100,000,000", "-159000"],
    ),
    bad(
        "nan-cost.ron",
        Some(14),
        &["\"maya\"", "`annual_cost`", "NaN"],
    ),
    bad(
        "cost-over-limit.ron",
        Some(14),
        &["`annual_cost`", "100,000,000", "159000000000"],
    ),
    bad(
        "negative-engineers.ron",
        Some(57),
        &["`engineers`", "whole number from 0 to 100,000", "-5"],
    ),
    bad(
        "engineers-over-limit.ron",
        Some(57),
        &["`engineers`", "100,000", "250000"],
    ),
    bad(
        "fractional-engineers.ron",
        Some(57),
        &["`engineers`", "whole number", "5.5"],
    ),
    // Settings.
    bad(
        "bad-setting.ron",
        Some(8),
        &["settings", "`hybrid_min_share`", "0.5", "0.75"],
    ),
    bad("bad-setting-nan.ron", Some(9), &["`starved_ratio`", "NaN"]),
    bad(
        "bad-cost-region.ron",
        Some(11),
        &["`Mars`", "CostRegion", "Us, LatinAmerica"],
    ),
    // A responsibility twice on one board: at the second card, naming the first.
    bad(
        "card-twice.ron",
        Some(51),
        &["\"vision\"", "\"checkout\"", "twice", "first at line 50"],
    ),
    // Format 2: the setting and the workshop record (lines of example-record.ron).
    bad(
        "bad-po-strategy-share.ron",
        Some(12),
        &[
            "settings",
            "`po_strategy_share`",
            "above 0",
            "at most 1",
            "not 0",
        ],
    ),
    bad(
        "record-date-not-a-day.ron",
        Some(61),
        &["date \"2026-02-30\" is not a calendar date"],
    ),
    bad(
        "record-due-not-yyyy-mm-dd.ron",
        Some(64),
        &["due \"13/12/2026\" must be written YYYY-MM-DD"],
    ),
    bad("record-missing-date.ron", Some(61), &["Decision", "`date`"]),
    bad(
        "record-unknown-field.ron",
        Some(61),
        &["unknown field `owner`", "Decision", "responsibility"],
    ),
    bad(
        "record-id-taken.ron",
        Some(65),
        &["\"tom\"", "used twice", "a person at line 15", "an action"],
    ),
    bad(
        "record-text-empty.ron",
        Some(65),
        &["action \"a-hr\"", "`text`", "empty"],
    ),
    bad(
        "record-text-too-long.ron",
        Some(61),
        &["decision \"d-backlog-stays\"", "`text`", "2,001", "2,000"],
    ),
    bad(
        "record-dangling-product.ron",
        Some(61),
        &["decision \"d-backlog-stays\"", "\"payments\"", "no product"],
    ),
    bad(
        "record-dangling-responsibility.ron",
        Some(61),
        &[
            "decision \"d-backlog-stays\"",
            "\"roadmap\"",
            "no responsibility",
        ],
    ),
    // The vision card is taken off the board (a line fewer), and the decision names it.
    bad(
        "record-card-not-on-board.ron",
        Some(60),
        &["\"vision\"", "\"checkout\"", "not on the product's board"],
    ),
    bad(
        "record-owner-not-a-person.ron",
        Some(64),
        &["action \"a-shadow\"", "\"tim\"", "no person"],
    ),
    bad(
        "record-owner-is-a-stakeholder.ron",
        Some(64),
        &["\"devteam\"", "a stakeholder, not a person"],
    ),
    bad(
        "record-named-owner-empty.ron",
        Some(65),
        &["action \"a-hr\"", "`owner`", "empty", "1 to 80"],
    ),
    bad(
        "record-named-owner-too-long.ron",
        Some(65),
        &["action \"a-hr\"", "`owner`", "81 characters", "1 to 80"],
    ),
];

fn check(files: &[&Path], json: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolesplit"));
    cmd.arg("check").args(files);
    if json {
        cmd.args(["--format", "json"]);
    }
    cmd.output().expect("rolesplit runs")
}

fn catalogue_path(file: &str) -> std::path::PathBuf {
    Path::new("tests/bad_files").join(file)
}

/// Splits `rolesplit: FILE:LINE:COL: message` (or `rolesplit: FILE: message`) for `path`
/// into the line and the message; panics if the line has another shape.
fn split_error<'a>(stderr: &'a str, path: &Path) -> (Option<usize>, &'a str) {
    let prefix = format!("rolesplit: {}:", path.display());
    let rest = stderr
        .strip_prefix(&prefix)
        .unwrap_or_else(|| panic!("{stderr:?} starts with {prefix:?}"));
    let rest = rest
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("{stderr:?} ends its line"));
    assert!(!rest.contains('\n'), "one line only: {stderr:?}");
    if let Some(message) = rest.strip_prefix(' ') {
        return (None, message);
    }
    let mut parts = rest.splitn(3, ':');
    let line = parts.next().and_then(|l| l.parse::<usize>().ok());
    let column = parts.next().and_then(|c| c.parse::<usize>().ok());
    let message = parts.next().and_then(|m| m.strip_prefix(' '));
    match (line, column, message) {
        (Some(line), Some(column), Some(message)) if line > 0 && column > 0 => {
            (Some(line), message)
        }
        _ => panic!("{stderr:?} is `FILE:LINE:COL: message`"),
    }
}

#[test]
fn every_bad_file_is_refused_with_exit_2_and_its_message_at_its_line() {
    for bad in CATALOGUE {
        let path = catalogue_path(bad.file);
        let out = check(&[&path], false);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", bad.file);
        assert!(
            out.stdout.is_empty(),
            "{}: nothing on stdout for a file that does not load, got {:?}",
            bad.file,
            String::from_utf8_lossy(&out.stdout)
        );
        let (line, message) = split_error(&stderr, &path);
        assert_eq!(line, bad.line, "{}: {stderr}", bad.file);
        for word in bad.words {
            assert!(
                message.contains(word),
                "{}: {message:?} names {word:?}",
                bad.file
            );
        }
    }
}

#[test]
fn the_catalogue_lists_every_file_in_the_folder() {
    let mut on_disk: Vec<String> = std::fs::read_dir("tests/bad_files")
        .expect("the catalogue folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = CATALOGUE.iter().map(|b| b.file.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn the_examples_the_files_are_made_from_load() {
    // Each text file is an example with one change, so a file is bad for the reason it is
    // named for only if the example itself loads.
    for example in [
        "tests/fixtures/example.ron",
        "tests/fixtures/example-record.ron",
    ] {
        let out = check(&[Path::new(example)], false);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{example}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn json_output_gives_each_bad_file_its_error_and_line() {
    let paths: Vec<std::path::PathBuf> = CATALOGUE.iter().map(|b| catalogue_path(b.file)).collect();
    let refs: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let out = check(&refs, true);
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), CATALOGUE.len(), "one JSON object per file");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    let errors: Vec<&str> = stderr.lines().collect();
    assert_eq!(errors.len(), CATALOGUE.len(), "one error line per file");
    for ((bad, line), error) in CATALOGUE.iter().zip(lines).zip(errors) {
        let v: serde_json::Value = serde_json::from_str(line).expect("JSON");
        let path = catalogue_path(bad.file);
        assert_eq!(v["file"], path.display().to_string());
        let message = v["error"].as_str().expect("an error");
        assert!(
            error.ends_with(&format!(": {message}")),
            "{}: JSON and stderr tell the same: {error:?} / {message:?}",
            bad.file
        );
        assert_eq!(
            v["line"].as_u64().map(|l| l as usize),
            bad.line,
            "{}",
            bad.file
        );
    }
}

/// A sparse file of `len` bytes (all zero), without writing them.
fn sparse_file(dir: &Path, len: u64) -> std::path::PathBuf {
    let path = dir.join("huge.ron");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(len).expect("sparse file");
    path
}

#[test]
fn a_file_over_64_mib_is_refused_for_its_size_before_it_is_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sparse_file(dir.path(), 64 * 1024 * 1024 + 1);
    let out = check(&[&path], false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let (line, message) = split_error(&stderr, &path);
    assert_eq!(line, None, "{stderr}");
    assert!(
        message.contains("67,108,865 bytes") && message.contains("at most 64 MiB"),
        "{message}"
    );
}

#[test]
fn a_file_of_exactly_64_mib_is_read_and_refused_for_what_it_holds() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = sparse_file(dir.path(), 64 * 1024 * 1024);
    let out = check(&[&path], false);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let (line, message) = split_error(&stderr, &path);
    assert_eq!(line, Some(1), "{stderr}");
    assert!(
        !message.contains("MiB"),
        "not refused for its size: {message}"
    );
}
