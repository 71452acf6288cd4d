//! The command line as scripts use it: output, JSON shape and exit codes.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::process::{Command, Output};

use common::{example_text, example_with, line_of, temp_file};

fn rolesplit(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .args(args)
        .env("WAYLAND_DISPLAY", "")
        .env("DISPLAY", "")
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A JSON value without the `message` of its findings (whose wording is the program's).
fn without_messages(mut v: serde_json::Value) -> serde_json::Value {
    if let Some(findings) = v.get_mut("findings").and_then(|f| f.as_array_mut()) {
        for f in findings {
            if let Some(o) = f.as_object_mut() {
                o.remove("message");
            }
        }
    }
    v
}

#[test]
fn check_json_of_the_contract_example_is_exact_but_for_messages() {
    let (dir, _) = temp_file("x.ron", &example_text());
    let out = Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .current_dir(dir.path())
        .args(["check", "x.ron", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1, "one line per file");
    let got: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let expected: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/example-check.json").expect("fixture"),
    )
    .expect("JSON");
    assert_eq!(without_messages(got.clone()), without_messages(expected));
    let message = got["findings"][0]["message"].as_str().expect("a message");
    assert!(
        message.contains("Maya") && message.contains("Checkout"),
        "{message}"
    );
    // Keys come in the contract's order.
    assert!(
        text.starts_with("{\"file\":\"x.ron\",\"scenario\":"),
        "{text}"
    );
}

#[test]
fn check_exits_0_without_error_findings() {
    let out = rolesplit(&["check", "data/samples/startup.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn check_exits_1_with_an_error_finding() {
    let out = rolesplit(&[
        "check",
        "data/samples/startup.ron",
        "data/samples/enterprise.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn check_exits_2_when_a_file_does_not_load_and_2_wins_over_1() {
    let bad = example_with("id: \"tom\"", "id: \"maya\"");
    let (_dir, path) = temp_file("bad.ron", &bad);
    let path = path.to_string_lossy().into_owned();
    let out = rolesplit(&[
        "check",
        "data/samples/enterprise.ron",
        &path,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let line = line_of(&bad, "name: \"Tom\"");
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("rolesplit: {path}:{line}:")),
        "{err}"
    );
    assert!(err.contains("\"maya\""), "{err}");
    let lines: Vec<serde_json::Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON"))
        .collect();
    assert_eq!(lines.len(), 2, "one object per file, the failed one too");
    assert_eq!(lines[1]["file"], path.as_str());
    assert_eq!(lines[1]["line"], line);
    assert!(lines[1]["column"].as_u64().is_some());
    let prefix = format!("rolesplit: {path}:{line}:{}: ", lines[1]["column"]);
    assert_eq!(
        lines[1]["error"].as_str().map(|e| format!("{prefix}{e}\n")),
        Some(err)
    );
}

#[test]
fn an_error_without_a_place_has_no_line_in_json() {
    let out = rolesplit(&["check", "no-such-file.ron", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "rolesplit: no-such-file.ron: cannot read the file: no such file\n"
    );
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("JSON");
    assert_eq!(
        v,
        serde_json::json!({"file": "no-such-file.ron", "error": "cannot read the file: no such file"})
    );
}

#[test]
fn check_text_shows_the_load_table_findings_advice_and_cost() {
    let out = rolesplit(&["check", "data/samples/scaleup.ron"]);
    let text = stdout(&out);
    for part in [
        "Person",
        "Capacity",
        "Strategy",
        "Execution",
        "Utilisation",
        "Priya",
        "42.7",
        "OVER",
        "Warnings (3)",
        "[strategy-starved]",
        "Advice",
        "Marketplace: Split",
        "Leadership cost: $555,000",
    ] {
        assert!(text.contains(part), "{part:?} in\n{text}");
    }
    let table = text.find("Person").expect("table");
    let warnings = text.find("Warnings").expect("findings");
    let advice = text.find("Advice").expect("advice");
    let cost = text.find("Leadership cost").expect("cost");
    assert!(
        table < warnings && warnings < advice && advice < cost,
        "in that order"
    );
}

#[test]
fn check_json_lists_every_person_with_full_precision() {
    let out = rolesplit(&["check", "data/samples/scaleup.ron", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(stdout(&out).trim()).expect("JSON");
    let priya = &v["people"][0];
    assert_eq!(priya["id"], "priya");
    let execution = priya["execution_hours"].as_f64().expect("number");
    assert!(
        execution.fract() != 0.0 && (execution * 10.0).fract() != 0.0,
        "unrounded: {execution}"
    );
}

#[test]
fn nobody_in_a_seat_costs_zero_never_minus_zero() {
    let text = example_with("pm: Some(\"maya\")", "pm: None")
        .replace("po: Some(\"maya\")", "po: None")
        .replace("po: Some(\"tom\")", "po: None");
    let (dir, _) = temp_file("a.ron", &text);
    std::fs::write(dir.path().join("b.ron"), &text).expect("write");
    let run = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rolesplit"))
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("runs");
        stdout(&out)
    };
    let check = run(&["check", "a.ron", "--format", "json"]);
    assert!(check.contains("\"leadership_cost\":0.0,"), "{check}");
    let diff = run(&["diff", "a.ron", "b.ron", "--format", "json"]);
    assert!(diff.contains("\"cost\":[0.0,0.0]"), "{diff}");
    assert!(!check.contains("-0.0") && !diff.contains("-0.0"));
}

#[test]
fn opening_a_bad_file_prints_the_error_and_exits_2_without_a_window() {
    let (_dir, path) = temp_file("bad.ron", "Scenario(format: 1, name: \"x\"");
    let path = path.to_string_lossy().into_owned();
    let out = rolesplit(&[&path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(&format!("rolesplit: {path}:1:")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn unknown_arguments_are_refused_with_exit_2() {
    let out = rolesplit(&["check", "--format", "xml", "x.ron"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("xml"));
}

#[test]
fn suggest_refuses_a_max_of_zero_in_plain_words() {
    let out = rolesplit(&["suggest", "data/samples/enterprise.ron", "--max", "0"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("must be at least 1"), "{err}");
    assert!(
        !err.contains('\u{1b}'),
        "no terminal colour codes for scripts: {err:?}"
    );
}

/// Every subcommand into a pipe whose reader is already gone (`rolesplit … | head -1`
/// after `head` exits): no panic, no error, and the exit status the command would have had.
#[test]
fn a_closed_pipe_ends_each_subcommand_quietly_with_its_own_status() {
    let cases: [(&[&str], i32); 5] = [
        (&["check", "data/samples/enterprise.ron"], 1),
        (
            &["check", "data/samples/startup.ron", "--format", "json"],
            0,
        ),
        (
            &["export", "data/samples/enterprise.ron", "--format", "html"],
            0,
        ),
        (
            &[
                "diff",
                "data/samples/startup.ron",
                "data/samples/enterprise.ron",
            ],
            0,
        ),
        (&["suggest", "data/samples/startup.ron", "--max", "1"], 0),
    ];
    for (args, code) in cases {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_rolesplit"))
            .args(args)
            .stdout(writer)
            .output()
            .expect("the binary runs");
        let err = stderr(&out);
        assert!(err.is_empty(), "{args:?} says nothing: {err}");
        assert_eq!(out.status.code(), Some(code), "{args:?}");
    }
}
