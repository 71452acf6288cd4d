//! The loader under bad input, in every `cargo test`: arbitrary bytes, RON-like noise and
//! mutated valid files (byte flips, truncations, duplicated and deleted spans, deep
//! nesting of `[`, `(`, `{` and `Some(`) must give a scenario or an error, never a panic
//! or a stack overflow. The long run of the same idea is the cargo-fuzz target in fuzz/
//! (README, "Fuzzing the loader").
//!
//! Tests run on the test harness's threads, whose stack (2 MiB) is a quarter of the main
//! thread's, in a debug build: deep nesting that fits here fits in the real program.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::Index;
use rolesplit::Scenario;
use rolesplit::error::ReadError;

/// Loads bytes as `io::load` does after reading a file.
fn load_bytes(bytes: Vec<u8>) -> Result<Scenario, ReadError> {
    let text = rolesplit::io::text_from_bytes(bytes)?;
    rolesplit::parse::scenario_from_str(&text)
}

/// Loads the bytes and checks what came back: a scenario survives a save and a reload
/// unchanged; an error has a sentence and, when placed, a place inside the file.
fn assert_loads_or_refuses(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
    match load_bytes(bytes.to_vec()) {
        Ok(scenario) => {
            let saved = rolesplit::write::scenario_to_string(&scenario);
            let again = rolesplit::parse::scenario_from_str(&saved);
            prop_assert!(again.is_ok(), "a saved scenario reloads: {again:?}");
            prop_assert_eq!(again.ok(), Some(scenario));
        }
        Err(e) => {
            prop_assert!(!e.message.is_empty(), "an error says what is wrong");
            if let Some(p) = e.position {
                prop_assert!(
                    (1..=lines).contains(&p.line) && p.column >= 1,
                    "{:?} is inside a text of {} lines: {}",
                    p,
                    lines,
                    e.message
                );
            }
        }
    }
    Ok(())
}

/// Valid files to mutate: the example of scenario-format.md and the bundled samples.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut paths = vec![std::path::PathBuf::from("tests/fixtures/example.ron")];
        let mut samples: Vec<_> = std::fs::read_dir("data/samples")
            .expect("samples")
            .map(|e| e.expect("entry").path())
            .collect();
        samples.sort();
        paths.extend(samples);
        paths
            .iter()
            .map(|p| std::fs::read(p).expect("a seed file"))
            .inspect(|b| assert!(load_bytes(b.clone()).is_ok(), "every seed loads"))
            .collect()
    })
}

/// One change to a file.
#[derive(Clone, Debug)]
enum Mutation {
    /// Flips one bit of a byte.
    Flip(Index, u8),
    /// Cuts the file off.
    Truncate(Index),
    /// Copies a span elsewhere.
    Duplicate { from: Index, len: usize, to: Index },
    /// Removes a span.
    Delete { from: Index, len: usize },
    /// Inserts a token of the format (or a stray byte).
    Insert(Index, Vec<u8>),
    /// Opens brackets many times over, and perhaps closes them again.
    Nest {
        at: Index,
        opener: &'static str,
        depth: usize,
        closed: bool,
    },
}

const TOKENS: &[&str] = &[
    "Some(",
    "None",
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    ",",
    ":",
    "\"",
    "r#\"",
    "\"#",
    "format: 2,",
    "format: 0,",
    "id: \"maya\"",
    "id: \"\"",
    "NaN",
    "inf",
    "-1",
    "1e400",
    "4294967296",
    "Person(id: \"x\", name: \"X\")",
    "Pm",
    "Po",
    "Unassigned",
    "Kanban",
    "true",
    "/*",
    "*/",
    "//",
    "\n",
    "\\u{0}",
    "#![enable(implicit_some)]",
    "\u{feff}",
    "é",
    "\0",
    "\u{7f}",
];

const OPENERS: &[&str] = &[
    "[",
    "(",
    "{",
    "Some(",
    "Scenario(",
    "\"k\": {",
    "Person(x: [",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip(at, bit)),
        2 => any::<Index>().prop_map(Mutation::Truncate),
        2 => (any::<Index>(), 1usize..400, any::<Index>())
            .prop_map(|(from, len, to)| Mutation::Duplicate { from, len, to }),
        2 => (any::<Index>(), 1usize..400).prop_map(|(from, len)| Mutation::Delete { from, len }),
        3 => (
            any::<Index>(),
            prop_oneof![
                proptest::sample::select(TOKENS).prop_map(|t| t.as_bytes().to_vec()),
                any::<u8>().prop_map(|b| vec![b]),
            ]
        )
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        1 => (
            any::<Index>(),
            proptest::sample::select(OPENERS),
            prop_oneof![1usize..100, 100usize..20_000],
            any::<bool>()
        )
            .prop_map(|(at, opener, depth, closed)| Mutation::Nest {
                at,
                opener,
                depth,
                closed
            }),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    let at = |i: &Index| if len == 0 { 0 } else { i.index(len + 1) };
    match m {
        Mutation::Flip(i, bit) => {
            if len > 0 {
                let i = i.index(len);
                bytes[i] ^= 1 << bit;
            }
        }
        Mutation::Truncate(i) => bytes.truncate(at(i)),
        Mutation::Duplicate { from, len: n, to } => {
            let from = at(from);
            let end = (from + n).min(len);
            let span = bytes[from..end].to_vec();
            let to = at(to);
            bytes.splice(to..to, span);
        }
        Mutation::Delete { from, len: n } => {
            let from = at(from);
            let end = (from + n).min(len);
            bytes.drain(from..end);
        }
        Mutation::Insert(i, token) => {
            let i = at(i);
            bytes.splice(i..i, token.iter().copied());
        }
        Mutation::Nest {
            at: i,
            opener,
            depth,
            closed,
        } => {
            let i = at(i);
            let mut nest = opener.repeat(*depth).into_bytes();
            if *closed {
                let closer = match opener.as_bytes().last() {
                    Some(b'[') => "]",
                    Some(b'{') => "}",
                    _ => ")",
                };
                nest.extend(closer.repeat(*depth).into_bytes());
            }
            bytes.splice(i..i, nest);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1024, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_load_or_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        assert_loads_or_refuses(&bytes)?;
    }

    #[test]
    fn ron_like_noise_loads_or_is_refused(
        text in "(Scenario\\(|format: 1,|Some\\(|[\\[\\](){}:,\"a-z0-9 \n.#!_-]){0,400}"
    ) {
        assert_loads_or_refuses(text.as_bytes())?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn mutated_valid_files_load_or_are_refused(
        seed in any::<Index>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let seeds = seeds();
        let mut bytes = seeds[seed.index(seeds.len())].clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        assert_loads_or_refuses(&bytes)?;
    }
}

/// Deep nesting at each kind of place the loader reads differently: before `format` (the
/// format probe skips unknown values), in a typed field, in the settings, in a list of
/// items, in a checklist map, and as the whole file.
#[test]
fn deep_nesting_anywhere_is_an_error_not_a_crash() {
    let example = std::fs::read_to_string("tests/fixtures/example.ron").expect("example");
    let places: [(&str, &str); 6] = [
        (
            "Scenario(\n    format: 1,",
            "Scenario(\n    notes: NEST,\n    format: 1,",
        ),
        ("name: \"Scale-up", "name: NEST, x: \"Scale-up"),
        ("cost_region: Us", "cost_region: NEST"),
        ("people: [", "people: [NEST"),
        (
            "pm: Some(\"maya\"),",
            "pm: Some(\"maya\"), checklist: {\"clear_vision\": NEST},",
        ),
        ("", "NEST"),
    ];
    for (from, to) in places {
        for opener in OPENERS {
            for closed in [false, true] {
                let depth = 100_000;
                let closer = match opener.as_bytes().last() {
                    Some(b'[') => "]",
                    Some(b'{') => "}",
                    _ => ")",
                };
                let mut nest = opener.repeat(depth);
                if closed {
                    nest.push_str(&closer.repeat(depth));
                }
                let text = if from.is_empty() {
                    nest
                } else {
                    example.replacen(from, &to.replace("NEST", &nest), 1)
                };
                let result = rolesplit::parse::scenario_from_str(&text);
                assert!(
                    result.is_err(),
                    "{opener:?} × {depth} at {to:?} (closed: {closed}) is refused"
                );
            }
        }
    }
}

/// Nesting just within ron's limit still loads where the format allows a value to nest
/// (an unknown value before `format` is skipped by the probe, then refused by name).
#[test]
fn moderate_nesting_is_refused_by_name_not_for_depth() {
    let example = std::fs::read_to_string("tests/fixtures/example.ron").expect("example");
    let text = example.replacen(
        "    format: 1,\n",
        &format!(
            "    notes: {}{},\n    format: 1,\n",
            "[".repeat(10),
            "]".repeat(10)
        ),
        1,
    );
    let e = rolesplit::parse::scenario_from_str(&text).expect_err("refused");
    assert!(e.message.contains("unknown field `notes`"), "{}", e.message);
}
