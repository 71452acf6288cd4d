//! Suggestions (scenario-format.md, "suggest"): the contract's example, the ranking, what
//! is respected, the numbers a proposal claims, determinism, the quality bar and the CLI.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::cmp::Ordering;
use std::process::{Command, Output};
use std::sync::atomic::AtomicBool;

use rolesplit::analysis::{Analysis, analyze};
use rolesplit::edit::{self, Edit};
use rolesplit::findings::Severity;
use rolesplit::model::Column::{Pm, Po, Unassigned};
use rolesplit::model::Kind::{Execution, Strategy};
use rolesplit::model::Method::Scrum;
use rolesplit::model::Scope::Product;
use rolesplit::model::{Column, Person, Scenario};
use rolesplit::num::{EPSILON, gt};
use rolesplit::suggest::{Change, Proposal, SuggestOptions, Trouble, suggest};
use rolesplit::synth::{Size, generate};
use rolesplit::testkit::Builder;

/// The quality bar, by brute force over every single edit.
#[path = "suggest/quality.rs"]
mod quality;

fn rolesplit(dir: Option<&std::path::Path>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rolesplit"));
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    cmd.args(args)
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

fn sample(name: &str) -> Scenario {
    rolesplit::io::open(std::path::Path::new(&format!("data/samples/{name}.ron"))).expect("loads")
}

fn example() -> Scenario {
    rolesplit::io::open(std::path::Path::new("tests/fixtures/example.ron")).expect("loads")
}

fn proposals(s: &Scenario, max: usize) -> Vec<Proposal> {
    let options = SuggestOptions {
        max,
        ..Default::default()
    };
    suggest(s, &options).expect("not cancelled").proposals
}

/// The trouble, computed here from the analysis (not by the library's `Trouble::of`).
fn trouble(a: &Analysis) -> Trouble {
    let count = |severity| a.findings.iter().filter(|f| f.severity == severity).count();
    let mut overload = 0.0;
    for p in &a.loads.people {
        if gt(p.load_hours(), p.capacity_hours) {
            overload += p.load_hours() - p.capacity_hours;
        }
    }
    let parked: f64 = a
        .loads
        .products
        .iter()
        .map(|p| p.unowned_hours + p.unassigned_hours)
        .sum();
    Trouble {
        errors: count(Severity::Error),
        overload_hours: overload,
        parked_hours: parked,
        warnings: count(Severity::Warning),
    }
}

fn same_trouble(a: &Trouble, b: &Trouble) -> bool {
    a.errors == b.errors
        && a.warnings == b.warnings
        && (a.overload_hours - b.overload_hours).abs() <= EPSILON
        && (a.parked_hours - b.parked_hours).abs() <= EPSILON
}

fn applied(s: &Scenario, edit: &Edit) -> Scenario {
    edit::applied(s, edit)
        .expect("the edit is valid")
        .expect("the edit changes something")
}

#[test]
fn the_contract_example_prints_exactly_the_fixture() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("tests/fixtures/example.ron", dir.path().join("x.ron")).expect("copy");
    let out = rolesplit(
        Some(dir.path()),
        &["suggest", "--format", "json", "--max", "1", "x.ron"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let expected = std::fs::read_to_string("tests/fixtures/example-suggest.json").expect("fixture");
    let got: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let want: serde_json::Value = serde_json::from_str(&expected).expect("JSON");
    assert_eq!(got, want);
    assert_eq!(
        stdout(&out).trim_end(),
        expected.trim_end(),
        "the exact text"
    );
    assert_eq!(stdout(&out).lines().count(), 1, "one line");
}

#[test]
fn the_text_of_the_example_shows_the_edit_and_its_effect() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("tests/fixtures/example.ron", dir.path().join("x.ron")).expect("copy");
    let out = rolesplit(Some(dir.path()), &["suggest", "x.ron", "--max", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for part in [
        "1. Give the PO seat of Squad A (now Maya) to a new PO to hire (hire-po-squad-a)",
        "$113,000 a year",
        "warnings 1 → 0",
        "Leadership cost: $272,000 → $385,000 a year",
        "Clears (warning): [combined-role-beyond-one-team]",
        "Maya 8.0 h → 3.0 h of 40.0 h",
        "PO to hire (new) 5.0 h of 40.0 h",
    ] {
        assert!(text.contains(part), "{part:?} in\n{text}");
    }
    assert!(
        !text.contains("\n2. "),
        "--max 1 lists one proposal:\n{text}"
    );
}

#[test]
fn a_placeholder_is_added_and_seated_in_one_undoable_edit() {
    let s = example();
    let first = proposals(&s, 1).into_iter().next().expect("a proposal");
    let Edit::Batch(edits) = first.edit() else {
        panic!("one batch: {:?}", first.edit());
    };
    let hire = Person {
        id: "hire-po-squad-a".into(),
        name: "PO to hire".into(),
        capacity_hours: 40.0,
        other_hours: 0.0,
        annual_cost: Some(113_000.0),
    };
    assert_eq!(
        edits,
        vec![
            Edit::AddPerson(hire),
            Edit::SetPo {
                team: "squad-a".into(),
                person: Some("hire-po-squad-a".into()),
            },
        ]
    );
}

#[test]
fn the_enterprise_sample_gets_a_first_proposal_that_lowers_the_trouble_and_keeps_pins_and_locks() {
    let s = sample("enterprise");
    assert!(
        s.products.iter().flat_map(|p| &p.cards).any(|c| c.pinned)
            && s.teams.iter().any(|t| t.po_locked),
        "the sample has pinned cards and a locked seat"
    );
    let all = proposals(&s, 50);
    let first = all.first().expect("a proposal");
    assert_eq!(
        first.trouble_after.compare(&first.trouble_before),
        Ordering::Less,
        "{first:?}"
    );
    for p in &all {
        for change in &p.changes {
            match change {
                Change::MoveCard {
                    product,
                    responsibility,
                    ..
                } => {
                    let card = s
                        .product(product)
                        .and_then(|p| p.cards.iter().find(|c| c.responsibility == *responsibility))
                        .expect("the card exists");
                    assert!(!card.pinned, "moves a pinned card: {change:?}");
                }
                Change::SetPm { product, .. } => {
                    assert!(!s.product(product).expect("exists").pm_locked, "{change:?}");
                }
                Change::SetPo { team, .. } => {
                    assert!(!s.team(team).expect("exists").po_locked, "{change:?}");
                }
            }
        }
    }
}

/// Pat (PM) carries 55 h: 30 h of research (strategy) and 25 h of operations (execution):
/// an overload error and a hybrid-overload error. Olga (PO) has 15 h of other duties.
/// Moving operations to the PO column clears both errors and leaves nobody over capacity;
/// moving research instead would put Olga over capacity.
fn one_move_fixes_it() -> Scenario {
    Builder::new("one move")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .other_hours(15.0)
        .responsibility("research", Strategy, Product, 30.0, &[])
        .responsibility("operations", Execution, Product, 25.0, &[])
        .product("shop", Some("pat"), &[("research", Pm), ("operations", Pm)])
        .team("squad", "shop", 6, Scrum, Some("olga"))
        .build()
}

#[test]
fn a_move_that_clears_every_error_comes_first() {
    let s = one_move_fixes_it();
    let before = analyze(&s);
    assert_eq!(trouble(&before).errors, 2, "{:?}", before.findings);
    let all = proposals(&s, 5);
    let first = all.first().expect("a proposal");
    assert_eq!(
        first.changes,
        vec![Change::MoveCard {
            product: "shop".into(),
            responsibility: "operations".into(),
            from: Pm,
            to: Po,
        }]
    );
    assert_eq!(first.trouble_after.errors, 0);
    assert!(first.trouble_after.is_zero(), "{:?}", first.trouble_after);
    assert_eq!(first.findings_raised, vec![]);
    assert_eq!(
        first
            .findings_cleared
            .iter()
            .map(|f| f.rule.id())
            .collect::<Vec<_>>(),
        ["hybrid-overload", "overload"]
    );
    let olga = first
        .load
        .iter()
        .find(|l| l.id == "olga")
        .expect("Olga's load changes");
    assert_eq!((olga.before, olga.after), (Some(15.0), 40.0));
}

#[test]
fn a_scenario_without_trouble_gets_no_proposals_and_says_so() {
    let s = sample("startup");
    let suggestions = suggest(&s, &SuggestOptions::default()).expect("not cancelled");
    assert!(suggestions.trouble.is_zero(), "{:?}", suggestions.trouble);
    assert_eq!(suggestions.proposals, vec![]);
    let out = rolesplit(None, &["suggest", "data/samples/startup.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stdout(&out).contains("No trouble to fix"),
        "{}",
        stdout(&out)
    );
    let out = rolesplit(
        None,
        &["suggest", "data/samples/startup.ron", "--format", "json"],
    );
    assert_eq!(
        stdout(&out),
        "{\"file\":\"data/samples/startup.ron\",\"proposals\":[]}\n"
    );
}

#[test]
fn trouble_that_only_pinned_cards_and_locked_seats_could_fix_gets_no_proposals() {
    let mut s = Builder::new("decided")
        .person("pat", 40.0)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        // Execution work: in the PO column strategy work would be a warning of its own
        // (po-strategy-work), and the two moves would no longer be equal.
        .responsibility("research", Execution, Product, 2.0, &[])
        .product(
            "shop",
            Some("pat"),
            &[("vision", Pm), ("research", Unassigned)],
        )
        .build();
    s.products[0].pm_locked = true;
    for card in &mut s.products[0].cards {
        card.pinned = true;
    }
    let suggestions = suggest(&s, &SuggestOptions::default()).expect("not cancelled");
    assert!(!suggestions.trouble.is_zero(), "a parked card");
    assert_eq!(suggestions.proposals, vec![]);
    let text = rolesplit::suggest::text("x.ron", &s, &suggestions);
    assert!(
        text.contains("2.0 h parked or unowned") && text.contains("No set of up to three edits"),
        "{text}"
    );
}

/// Checks everything a proposal claims against `analyze` on the scenario after its edit.
fn check_claims(s: &Scenario, p: &Proposal) {
    let a = analyze(s);
    let after = applied(s, &p.edit());
    let b = analyze(&after);
    assert!(same_trouble(&p.trouble_before, &trouble(&a)), "{p:?}");
    assert!(same_trouble(&p.trouble_after, &trouble(&b)), "{p:?}");
    assert_eq!(p.trouble_after, Trouble::of(&b));
    assert_eq!(p.cost_before, a.leadership_cost);
    assert_eq!(p.cost_after, b.leadership_cost);
    let key = |f: &rolesplit::findings::Finding| (f.rule.id(), f.subjects.clone());
    let cleared: Vec<_> = a
        .findings
        .iter()
        .filter(|f| !b.findings.iter().any(|g| key(g) == key(f)))
        .map(key)
        .collect();
    let raised: Vec<_> = b
        .findings
        .iter()
        .filter(|f| !a.findings.iter().any(|g| key(g) == key(f)))
        .map(key)
        .collect();
    assert_eq!(
        p.findings_cleared.iter().map(key).collect::<Vec<_>>(),
        cleared
    );
    assert_eq!(
        p.findings_raised.iter().map(key).collect::<Vec<_>>(),
        raised
    );
    let mut load = Vec::new();
    for (person, l) in after.people.iter().zip(&b.loads.people) {
        let old = s
            .people
            .iter()
            .position(|q| q.id == person.id)
            .and_then(|i| a.loads.people.get(i))
            .map(|l| l.load_hours());
        if old.is_none_or(|o| (o - l.load_hours()).abs() > EPSILON) {
            load.push((person.id.clone(), old, l.load_hours()));
        }
    }
    let claimed: Vec<_> = p
        .load
        .iter()
        .map(|l| (l.id.clone(), l.before, l.after))
        .collect();
    assert_eq!(claimed, load);
}

#[test]
fn every_number_a_proposal_claims_is_what_analyze_gives_after_applying_it() {
    let scenarios = [
        sample("enterprise"),
        sample("scaleup"),
        example(),
        one_move_fixes_it(),
        generate(Size::MEDIUM, 42),
    ];
    for s in &scenarios {
        let all = proposals(s, 5);
        assert!(!all.is_empty(), "{}", s.name);
        for p in &all {
            check_claims(s, p);
        }
    }
}

#[test]
fn applying_a_proposal_and_restoring_the_saved_copy_is_byte_identical() {
    for s in [sample("enterprise"), sample("scaleup"), example()] {
        let saved = rolesplit::write::scenario_to_string(&s);
        for p in proposals(&s, 5) {
            let mut working = s.clone();
            let snapshot = working.clone();
            assert_eq!(edit::apply(&mut working, &p.edit()), Ok(true));
            assert_ne!(rolesplit::write::scenario_to_string(&working), saved);
            working = snapshot;
            assert_eq!(rolesplit::write::scenario_to_string(&working), saved);
            let reread = rolesplit::parse::scenario_from_str(&saved).expect("parses");
            assert_eq!(rolesplit::write::scenario_to_string(&reread), saved);
        }
    }
}

#[test]
fn the_same_file_gives_the_same_proposals_in_the_same_order_twice() {
    let s = sample("enterprise");
    assert_eq!(proposals(&s, 10), proposals(&s, 10));
    let first = rolesplit(
        None,
        &["suggest", "data/samples/enterprise.ron", "--format", "json"],
    );
    let second = rolesplit(
        None,
        &["suggest", "data/samples/enterprise.ron", "--format", "json"],
    );
    assert_eq!(first.status.code(), Some(0));
    assert_eq!(stdout(&first), stdout(&second));
    let v: serde_json::Value = serde_json::from_str(&stdout(&first)).expect("JSON");
    assert_eq!(
        v["proposals"].as_array().map(Vec::len),
        Some(5),
        "five by default"
    );
}

#[test]
fn proposals_are_ranked_by_trouble_then_cost_then_fewer_edits() {
    let s = sample("enterprise");
    let all = proposals(&s, 40);
    for pair in all.windows(2) {
        let [a, b] = pair else { continue };
        let order = a
            .trouble_after
            .compare(&b.trouble_after)
            .then_with(|| rolesplit::suggest::compare_hours(a.cost_after, b.cost_after))
            .then(a.changes.len().cmp(&b.changes.len()));
        assert_ne!(order, Ordering::Greater, "{a:?}\nbefore\n{b:?}");
    }
}

#[test]
fn equal_proposals_come_in_file_order_pm_before_po() {
    let s = Builder::new("parked")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        // Execution work: in the PO column strategy work would be a warning of its own
        // (po-strategy-work), and the two moves would no longer be equal.
        .responsibility("research", Execution, Product, 2.0, &[])
        .product(
            "shop",
            Some("pat"),
            &[("vision", Pm), ("research", Unassigned)],
        )
        .team("squad", "shop", 6, Scrum, Some("olga"))
        .build();
    let columns: Vec<Vec<Column>> = proposals(&s, 5)
        .iter()
        .map(|p| {
            p.changes
                .iter()
                .map(|c| match c {
                    Change::MoveCard { to, .. } => *to,
                    other => panic!("only moves fix a parked card: {other:?}"),
                })
                .collect()
        })
        .collect();
    assert_eq!(columns, vec![vec![Pm], vec![Po]]);
}

#[test]
fn every_edit_of_a_proposal_pulls_its_weight() {
    let s = sample("enterprise");
    for p in proposals(&s, 20) {
        if p.changes.len() < 2 {
            continue;
        }
        for leave_out in 0..p.changes.len() {
            let rest: Vec<Edit> = p
                .changes
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != leave_out)
                .flat_map(|(_, c)| c.edits())
                .collect();
            let fewer = trouble(&analyze(&applied(&s, &Edit::Batch(rest))));
            assert_eq!(
                p.trouble_after.compare(&fewer),
                Ordering::Less,
                "edit {leave_out} of {:?} changes nothing useful",
                p.changes
            );
        }
    }
}

#[test]
fn an_edit_that_only_lowers_the_cost_is_not_added_to_a_proposal() {
    // Besides Pat's trouble, Eve (an expensive PO on another product) could hand her seat
    // to Carl, who costs less and holds none: that changes the cost, not the trouble. (Carl
    // costs more than Olga, so he is no cheaper PO for the shop.)
    let mut b = Builder {
        scenario: one_move_fixes_it(),
    };
    b = b
        .person("eve", 40.0)
        .cost(200_000.0)
        .person("carl", 40.0)
        .cost(150_000.0)
        .product("app", None, &[])
        .team("crew", "app", 5, Scrum, Some("eve"));
    let s = b.build();
    let all = proposals(&s, 50);
    let first = all.first().expect("a proposal");
    assert_eq!(first.changes.len(), 1, "{:?}", first.changes);
    assert!(first.trouble_after.is_zero());
    for p in &all {
        assert!(
            !p.changes
                .iter()
                .any(|c| matches!(c, Change::SetPo { team, .. } if team == "crew")),
            "a cost-only edit rides along: {:?}",
            p.changes
        );
    }
}

#[test]
fn a_cancelled_search_stops_and_progress_reaches_the_end() {
    let s = sample("enterprise");
    let cancel = AtomicBool::new(true);
    let options = SuggestOptions {
        cancel: Some(&cancel),
        ..Default::default()
    };
    assert!(suggest(&s, &options).is_err(), "cancelled");

    let seen = std::cell::RefCell::new(Vec::new());
    let report = |f: f32| seen.borrow_mut().push(f);
    let options = SuggestOptions {
        progress: Some(&report),
        ..Default::default()
    };
    assert!(suggest(&s, &options).is_ok());
    let seen = seen.into_inner();
    assert!(seen.len() > 2, "{seen:?}");
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "never goes back: {seen:?}"
    );
    assert_eq!(seen.last(), Some(&1.0));
}

#[test]
fn suggest_exits_0_with_error_findings_and_2_when_the_file_does_not_load() {
    let out = rolesplit(
        None,
        &["suggest", "data/samples/enterprise.ron", "--max", "2"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("\n2. "), "{}", stdout(&out));
    assert!(!stdout(&out).contains("\n3. "), "{}", stdout(&out));

    let out = rolesplit(None, &["suggest", "no-such-file.ron", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        "rolesplit: no-such-file.ron: cannot read the file: no such file\n"
    );
    assert_eq!(stdout(&out), "");

    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "Scenario(format: 1, name: \"x\"").expect("write");
    let bad = bad.to_string_lossy().into_owned();
    let out = rolesplit(None, &["suggest", &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with(&format!("rolesplit: {bad}:1:")),
        "{}",
        stderr(&out)
    );

    let out = rolesplit(
        None,
        &["suggest", "data/samples/scaleup.ron", "--format", "xml"],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = rolesplit(
        None,
        &["suggest", "data/samples/scaleup.ron", "--max", "many"],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_large_organisation_gets_proposals_from_the_narrowed_search() {
    let s = generate(Size::MEDIUM, 7);
    assert!(s.people.len() > rolesplit::suggest::FULL_SEARCH_PEOPLE);
    let all = proposals(&s, 3);
    assert_eq!(all.len(), 3);
    for p in &all {
        assert_eq!(
            p.trouble_after.compare(&p.trouble_before),
            Ordering::Less,
            "{p:?}"
        );
    }
    check_claims(&s, all.first().expect("one"));
}

/// Pat, the PM, carries 45 h of strategy for 40 h; Olga, the PO, 4 h of backlog.
fn pm_over_on_strategy() -> Builder {
    Builder::new("strategy to move")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .responsibility("vision", Strategy, Product, 35.0, &[])
        .responsibility("research", Strategy, Product, 10.0, &[])
        .responsibility("backlog", Execution, Product, 4.0, &[])
        .product(
            "shop",
            Some("pat"),
            &[("vision", Pm), ("research", Pm), ("backlog", Po)],
        )
        .team("squad", "shop", 6, Scrum, Some("olga"))
}

#[test]
fn moving_strategy_work_into_a_po_column_counts_the_new_warning_in_its_trouble() {
    let s = pm_over_on_strategy().build();
    let before = analyze(&s);
    assert_eq!(trouble(&before).warnings, 1, "{:?}", before.findings);
    let all = proposals(&s, 20);
    let moved = all
        .iter()
        .find(|p| {
            p.changes
                == [Change::MoveCard {
                    product: "shop".into(),
                    responsibility: "research".into(),
                    from: Pm,
                    to: Po,
                }]
        })
        .expect("moving the research to the PO is proposed");
    // Olga would get 10 h of strategy among 14 h from the PO column: a new warning, which
    // the proposal's trouble counts (overload gone, one warning for another).
    assert_eq!(moved.trouble_after.warnings, 1, "{moved:?}");
    assert_eq!(moved.trouble_after.overload_hours, 0.0);
    let raised: Vec<(&str, Vec<&str>)> = moved
        .findings_raised
        .iter()
        .map(|f| (f.rule.id(), f.subjects.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(raised, [("po-strategy-work", vec!["olga", "shop"])]);
    check_claims(&s, moved);
}

#[test]
fn above_thirty_people_a_po_doing_strategy_work_counts_as_troubled() {
    // Only trouble: Olga's PO column is all strategy. With 35 people the search is
    // narrowed to what the trouble involves; her seat and her product's cards must be in it.
    let mut b = Builder::new("narrowed")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .responsibility("research", Strategy, Product, 6.0, &[])
        .product("shop", Some("pat"), &[("research", Po)])
        .team("squad", "shop", 6, Scrum, Some("olga"));
    for i in 0..33 {
        b = b.person(&format!("idle{i}"), 40.0);
    }
    let s = b.build();
    assert!(s.people.len() > rolesplit::suggest::FULL_SEARCH_PEOPLE);
    let before = trouble(&analyze(&s));
    assert_eq!((before.errors, before.warnings), (0, 1));
    let all = proposals(&s, 5);
    let first = all.first().expect("a proposal clears the warning");
    assert!(first.trouble_after.is_zero(), "{first:?}");
    assert_eq!(
        first
            .findings_cleared
            .iter()
            .map(|f| f.rule.id())
            .collect::<Vec<_>>(),
        ["po-strategy-work"]
    );
    check_claims(&s, first);
}
