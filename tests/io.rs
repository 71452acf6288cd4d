//! Scenario files: every bad input is a clear error at its place, saving is atomic and
//! stable, and the bundled files load.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::{example_text, example_with, line_of, temp_file};
use rolesplit::error::{ReadError, ReadErrorKind};
use rolesplit::parse::scenario_from_str;

fn error_of(text: &str) -> ReadError {
    scenario_from_str(text).expect_err("the file is refused")
}

/// Asserts the error names each of `words` and sits on `line`.
fn assert_error(text: &str, words: &[&str], line: usize) {
    let e = error_of(text);
    for w in words {
        assert!(e.message.contains(w), "{:?} names {w:?}", e.message);
    }
    let p = e
        .position
        .unwrap_or_else(|| panic!("{:?} has a position", e.message));
    assert_eq!(p.line, line, "{:?} is on line {line}", e.message);
}

#[test]
fn the_example_file_loads() {
    let s = scenario_from_str(&example_text()).expect("loads");
    assert_eq!(s.people.len(), 2);
    assert_eq!(s.products[0].cards[1].note, "Squads groom twice a week");
}

#[test]
fn a_duplicate_id_is_refused_at_the_second_item() {
    let text = example_with("id: \"tom\"", "id: \"maya\"");
    assert_error(
        &text,
        &["\"maya\"", "twice"],
        line_of(&text, "name: \"Tom\""),
    );
}

#[test]
fn an_id_shared_across_kinds_is_refused() {
    let text = example_with("Team(id: \"squad-b\"", "Team(id: \"checkout\"");
    assert_error(
        &text,
        &["\"checkout\"", "product", "team"],
        line_of(&text, "Team(id: \"checkout\""),
    );
}

#[test]
fn an_empty_id_is_refused() {
    let text = example_with("id: \"tom\"", "id: \"\"");
    assert_error(&text, &["empty id"], line_of(&text, "name: \"Tom\""));
}

#[test]
fn a_dangling_po_is_refused() {
    let text = example_with("po: Some(\"tom\")", "po: Some(\"tim\")");
    assert_error(
        &text,
        &["\"squad-b\"", "\"tim\"", "person"],
        line_of(&text, "\"tim\""),
    );
}

#[test]
fn a_dangling_pm_is_refused() {
    let text = example_with("pm: Some(\"maya\")", "pm: Some(\"may\")");
    assert_error(
        &text,
        &["\"checkout\"", "\"may\"", "PM"],
        line_of(&text, "\"may\""),
    );
}

#[test]
fn a_dangling_card_is_refused() {
    let text = example_with("responsibility: \"vision\"", "responsibility: \"visoin\"");
    assert_error(
        &text,
        &["\"visoin\"", "responsibility"],
        line_of(&text, "visoin"),
    );
}

#[test]
fn a_dangling_team_product_is_refused() {
    let text = example_with(
        "product: \"checkout\", engineers: 5",
        "product: \"chekout\", engineers: 5",
    );
    assert_error(
        &text,
        &["\"squad-b\"", "\"chekout\"", "product"],
        line_of(&text, "chekout"),
    );
}

#[test]
fn a_dangling_stakeholder_is_refused() {
    let text = example_with("stakeholders: [\"devteam\"]", "stakeholders: [\"devs\"]");
    assert_error(
        &text,
        &["\"backlog\"", "\"devs\"", "stakeholder"],
        line_of(&text, "\"devs\""),
    );
}

#[test]
fn a_reference_to_the_wrong_kind_is_refused() {
    let text = example_with("po: Some(\"tom\")", "po: Some(\"vision\")");
    assert_error(
        &text,
        &["\"vision\"", "responsibility", "not a person"],
        line_of(&text, "Some(\"vision\")"),
    );
}

#[test]
fn a_responsibility_twice_on_a_board_is_refused() {
    let text = example_with(
        "Card(responsibility: \"backlog\"",
        "Card(responsibility: \"vision\"",
    );
    let second = line_of(&text, "Card(responsibility: \"vision\", column: Po");
    assert_error(&text, &["\"vision\"", "\"checkout\"", "twice"], second);
}

#[test]
fn hours_out_of_range_are_refused_with_their_field() {
    for (from, to, words) in [
        (
            "hours: 4.0",
            "hours: 200.0",
            vec!["\"backlog\"", "hours", "168"],
        ),
        ("hours: 4.0", "hours: -1.0", vec!["\"backlog\"", "hours"]),
        ("hours: 4.0", "hours: NaN", vec!["\"backlog\"", "NaN"]),
        ("hours: 4.0", "hours: inf", vec!["\"backlog\"", "hours"]),
        (
            "capacity_hours: 40.0, other_hours: 0.0, annual_cost: Some",
            "capacity_hours: 169.0, other_hours: 0.0, annual_cost: Some",
            vec!["\"maya\"", "capacity_hours"],
        ),
        (
            "other_hours: 0.0, annual_cost: None",
            "other_hours: -3.0, annual_cost: None",
            vec!["\"tom\"", "other_hours"],
        ),
        (
            "hours: Some(5.0)",
            "hours: Some(500.0)",
            vec!["\"backlog\"", "\"checkout\"", "hours"],
        ),
    ] {
        let text = example_with(from, to);
        let e = error_of(&text);
        for w in &words {
            assert!(e.message.contains(w), "{:?} names {w:?}", e.message);
        }
        assert_eq!(
            e.position.map(|p| p.line),
            Some(line_of(&text, to)),
            "{}",
            e.message
        );
    }
}

#[test]
fn costs_out_of_range_are_refused() {
    let text = example_with("Some(159000.0)", "Some(100000001.0)");
    assert_error(
        &text,
        &["\"maya\"", "annual_cost", "100,000,000"],
        line_of(&text, "100000001"),
    );
}

#[test]
fn engineers_must_be_a_whole_number_within_limits() {
    for bad in ["-6", "100001", "6.5"] {
        let text = example_with("engineers: 6", &format!("engineers: {bad}"));
        assert_error(
            &text,
            &["engineers", "100,000"],
            line_of(&text, "squad-a\", name"),
        );
    }
}

#[test]
fn settings_out_of_range_are_refused_by_name() {
    for (from, to, field) in [
        (
            "hybrid_min_share: 0.25",
            "hybrid_min_share: 0.6",
            "hybrid_min_share",
        ),
        (
            "hybrid_min_share: 0.25",
            "hybrid_min_share: -0.1",
            "hybrid_min_share",
        ),
        ("starved_ratio: 3.0", "starved_ratio: 0.0", "starved_ratio"),
        ("starved_ratio: 3.0", "starved_ratio: inf", "starved_ratio"),
        (
            "overload_error_ratio: 1.25",
            "overload_error_ratio: 0.9",
            "overload_error_ratio",
        ),
        (
            "combined_max_engineers: 10",
            "combined_max_engineers: -1",
            "combined_max_engineers",
        ),
        (
            "split_engineers: 200",
            "split_engineers: 2.5",
            "split_engineers",
        ),
    ] {
        let text = example_with(from, to);
        assert_error(&text, &[field], line_of(&text, to));
    }
    let text = example_with("cost_region: Us", "cost_region: Europe");
    assert_error(
        &text,
        &["Europe", "Us", "LatinAmerica"],
        line_of(&text, "Europe"),
    );
}

#[test]
fn settings_fields_are_each_optional() {
    let text = example_with("        starved_ratio: 3.0,\n", "");
    let s = scenario_from_str(&text).expect("loads");
    assert_eq!(s.settings.starved_ratio, 3.0);
    let text = example_text();
    let start = text.find("    settings:").expect("settings");
    let end = text.find("    people:").expect("people");
    let without = format!("{}{}", &text[..start], &text[end..]);
    assert_eq!(
        scenario_from_str(&without).expect("loads").settings,
        Default::default()
    );
}

#[test]
fn an_unknown_field_is_refused_by_name() {
    let text = example_with("annual_cost: None", "annual_cost: None, team: \"x\"");
    assert_error(&text, &["`team`", "Person"], line_of(&text, "team: \"x\""));
}

#[test]
fn an_optional_value_without_its_some_says_how_to_write_it() {
    let text = example_with("pm: Some(\"maya\")", "pm: \"maya\"");
    assert_error(&text, &["Some(", "None"], line_of(&text, "pm: \"maya\""));
    let text = example_with("name: \"Tom\"", "name: 12");
    assert_error(&text, &["text in quotes"], line_of(&text, "name: 12"));
}

#[test]
fn a_missing_required_field_is_refused_by_name() {
    let text = example_with(", name: \"Tom\"", "");
    assert_error(&text, &["`name`", "Person"], line_of(&text, "id: \"tom\""));
}

#[test]
fn a_higher_format_is_refused_naming_both_numbers() {
    let text = example_with("format: 1", "format: 7");
    let e = error_of(&text);
    assert_eq!(e.kind, ReadErrorKind::NewerFormat { found: 7, known: 2 });
    // It names the line where the number is written, as any error with a place does.
    assert_eq!(
        e.position.map(|p| p.line),
        Some(line_of(&text, "format: 7")),
        "{e:?}"
    );
    assert!(
        e.message.contains("format 7") && e.message.contains("format 2 at most"),
        "{}",
        e.message
    );
}

#[test]
fn a_higher_format_with_unknown_fields_is_refused_for_its_number() {
    let text = example_with(
        "format: 1,",
        "format: 3,\n    owners: [Owner(id: \"x\", new_thing: Maybe)],",
    )
    .replacen("market: Evolving", "market: Emerging", 1);
    let e = error_of(&text);
    assert_eq!(
        e.kind,
        ReadErrorKind::NewerFormat { found: 3, known: 2 },
        "{}",
        e.message
    );
}

#[test]
fn a_missing_format_is_refused() {
    let e = error_of(&example_with("    format: 1,\n", ""));
    assert!(e.message.contains("`format`"), "{}", e.message);
}

#[test]
fn an_empty_file_is_refused() {
    for text in ["", "   \n\n"] {
        assert!(error_of(text).message.contains("empty"));
    }
}

#[test]
fn a_binary_file_is_refused() {
    let (_dir, path) = temp_file("bin.ron", "");
    std::fs::write(&path, [0x89u8, b'P', b'N', b'G', 0, 0xff, 0xfe, 1, 2]).expect("write");
    let e = rolesplit::io::open(&path).expect_err("refused");
    assert_eq!(e.error.kind, ReadErrorKind::NotText);
    assert!(
        e.to_string()
            .starts_with(&format!("{}:1:1: ", path.display())),
        "{e}"
    );
}

#[test]
fn a_truncated_file_is_refused_at_its_end() {
    let text = example_text();
    for cut in [40, text.len() / 2, text.len() - 3] {
        let e = error_of(&text[..cut]);
        assert!(e.position.is_some(), "{}", e.message);
        assert!(!e.message.is_empty());
    }
}

#[test]
fn a_file_over_64_mib_is_refused_before_parsing() {
    let (_dir, path) = temp_file("big.ron", "");
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .expect("open");
    file.set_len(64 * 1024 * 1024 + 1).expect("sparse file");
    let e = rolesplit::io::open(&path).expect_err("refused");
    assert!(matches!(
        e.error.kind,
        ReadErrorKind::TooLarge { bytes: 67_108_865 }
    ));
    assert!(
        e.error.message.contains("67,108,865") && e.error.message.contains("64 MiB"),
        "{e}"
    );
}

#[test]
fn a_missing_file_is_refused_without_a_position() {
    let e = rolesplit::io::open(std::path::Path::new("no/such/file.ron")).expect_err("refused");
    assert_eq!(
        e.to_string(),
        "no/such/file.ron: cannot read the file: no such file"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let text = format!("Scenario(format: 1, name: {}", "[".repeat(100_000));
    assert!(scenario_from_str(&text).is_err());
    let text = format!(
        "Scenario(format: 1, name: \"x\", people: {}",
        "Some(".repeat(100_000)
    );
    assert!(scenario_from_str(&text).is_err());
}

#[test]
fn errors_display_as_file_line_column_sentence() {
    let text = example_with("id: \"tom\"", "id: \"maya\"");
    let (_dir, path) = temp_file("x.ron", &text);
    let e = rolesplit::io::open(&path).expect_err("refused");
    let line = line_of(&text, "name: \"Tom\"");
    assert!(
        e.to_string()
            .starts_with(&format!("{}:{line}:", path.display())),
        "{e}"
    );
}

#[test]
fn loading_never_changes_the_file() {
    let text = example_with("Person(id: \"tom\"", "Person( id: \"tom\"");
    let (dir, path) = temp_file("x.ron", &text);
    rolesplit::io::open(&path).expect("loads");
    let bad = example_with("id: \"tom\"", "id: \"maya\"");
    let (_d2, bad_path) = temp_file("bad.ron", &bad);
    rolesplit::io::open(&bad_path).expect_err("refused");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
    assert_eq!(std::fs::read_to_string(&bad_path).expect("read"), bad);
    assert_eq!(common::files_in(dir.path()), vec!["x.ron"]);
}

#[test]
fn save_then_load_then_save_gives_identical_bytes() {
    let s = scenario_from_str(&example_text()).expect("loads");
    let (dir, _) = temp_file("unused", "");
    let path = dir.path().join("saved.ron");
    rolesplit::io::save(&path, &s).expect("saves");
    let first = std::fs::read(&path).expect("read");
    let again = rolesplit::io::open(&path).expect("reloads");
    assert_eq!(again, s);
    rolesplit::io::save(&path, &again).expect("saves");
    assert_eq!(std::fs::read(&path).expect("read"), first);
    assert_eq!(
        common::files_in(dir.path()),
        vec!["saved.ron", "unused"],
        "no temporary file left"
    );
}

#[test]
fn saving_writes_settings_in_full_and_leaves_defaults_out() {
    let text = example_with(
        "    settings: Settings(\n        combined_max_engineers: 10,\n        split_engineers: 200,\n        hybrid_min_share: 0.25,\n        starved_ratio: 3.0,\n        overload_error_ratio: 1.25,\n        cost_region: Us,\n    ),\n",
        "",
    );
    let s = scenario_from_str(&text).expect("loads");
    let saved = rolesplit::write::scenario_to_string(&s);
    // Format 2 writes its new setting, `po_strategy_share`, with the others.
    assert!(saved.contains("    settings: Settings(\n        combined_max_engineers: 10,\n        split_engineers: 200,\n        hybrid_min_share: 0.25,\n        starved_ratio: 3.0,\n        overload_error_ratio: 1.25,\n        cost_region: Us,\n        po_strategy_share: 0.5,\n    ),\n"), "{saved}");
    assert!(saved.starts_with("Scenario(\n    format: 2,\n"), "{saved}");
    assert!(
        !saved.contains("record"),
        "an empty record is left out: {saved}"
    );
    assert!(
        saved.contains("        Person(id: \"tom\", name: \"Tom\"),\n"),
        "{saved}"
    );
    assert!(
        saved.contains("            Card(responsibility: \"vision\", column: Pm),\n"),
        "{saved}"
    );
    assert!(!saved.contains("flagged") && !saved.contains("pm_locked") && !saved.contains("stage"));
}

#[test]
fn a_failed_write_leaves_the_previous_file_intact() {
    let (dir, path) = temp_file("keep.ron", "the old content");
    let result = rolesplit::io::write_atomically_with(&path, |file| {
        use std::io::Write;
        file.write_all(b"half of the new")?;
        Err(std::io::Error::other("the disk is full"))
    });
    let e = result.expect_err("fails");
    assert!(
        e.to_string().contains("the disk is full") && e.to_string().contains("not changed"),
        "{e}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "the old content"
    );
    assert_eq!(
        common::files_in(dir.path()),
        vec!["keep.ron"],
        "no temporary file left"
    );
}

#[test]
fn a_save_into_a_missing_folder_fails_clearly() {
    let s = scenario_from_str(&example_text()).expect("loads");
    let e = rolesplit::io::save(std::path::Path::new("/nonexistent-folder/x.ron"), &s)
        .expect_err("fails");
    assert!(e.to_string().contains("/nonexistent-folder"), "{e}");
}

#[test]
fn every_bundled_sample_loads() {
    for sample in rolesplit::samples::SAMPLES {
        let s = sample
            .scenario()
            .unwrap_or_else(|e| panic!("{}: {e}", sample.file_name));
        let from_disk =
            rolesplit::io::open(&std::path::Path::new("data/samples").join(sample.file_name))
                .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s, from_disk);
        assert!(
            !s.description.is_empty(),
            "{} tells its story",
            sample.file_name
        );
    }
    let on_disk = common::files_in(std::path::Path::new("data/samples"));
    assert_eq!(
        on_disk.len(),
        rolesplit::samples::SAMPLES.len(),
        "every sample on disk is bundled"
    );
}

#[test]
fn the_catalogue_loads_through_its_own_loader() {
    let c = rolesplit::catalogue::Catalogue::builtin().expect("loads");
    assert!(
        (20..=30).contains(&c.responsibilities.len()),
        "{} entries",
        c.responsibilities.len()
    );
    assert!(
        c.responsibilities.iter().all(|e| !e.source.is_empty()),
        "every entry has a source"
    );
    let s = c.new_scenario();
    rolesplit::validate::validate_scenario(&s).expect("a new scenario is valid");
}
