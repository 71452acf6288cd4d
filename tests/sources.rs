//! The sources in the product (domain.md, "Sources"): `rolesplit sources` as text and
//! JSON, and an entry for every source number the engine cites.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use common::run_rolesplit as rolesplit;
use rolesplit::sources::{self, SOURCES};

#[test]
fn sources_json_is_one_array_of_the_five_sources_in_number_order() {
    let out = rolesplit(&["sources", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 1, "one line: {text}");
    let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    let list = v.as_array().expect("one array");
    let ids: Vec<&str> = list.iter().map(|s| s["id"].as_str().expect("id")).collect();
    assert_eq!(ids, ["000", "001", "002", "003", "004"]);
    // The keys come in domain.md's order, in every object.
    for object in text.split("},{") {
        let at = |key: &str| object.find(&format!("\"{key}\":")).expect(key);
        let order = ["id", "publisher", "title", "date", "kind", "supports"].map(at);
        assert!(order.is_sorted(), "{object}");
    }
    for s in list {
        let keys: Vec<&str> = s
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        let mut expected = ["id", "publisher", "title", "date", "kind", "supports"];
        expected.sort_unstable();
        let mut keys = keys;
        keys.sort_unstable();
        assert_eq!(keys, expected);
        for key in ["publisher", "title", "kind"] {
            assert!(
                !s[key].as_str().expect(key).trim().is_empty(),
                "{key} of {}",
                s["id"]
            );
        }
        assert!(s["date"].is_null() || s["date"].is_string());
        let supports = s["supports"].as_array().expect("supports");
        assert!(!supports.is_empty(), "{}", s["id"]);
        assert!(supports.iter().all(|x| x.is_string()));
    }
    assert_eq!(list[2]["publisher"], "Welcome to the Jungle");
    assert_eq!(
        list[2]["title"],
        "Product owner vs product manager – What’s the difference?"
    );
    assert_eq!(list[2]["date"], "2022-03-17");
    assert_eq!(list[3]["date"], serde_json::Value::Null);
    assert!(
        list[3]["publisher"]
            .as_str()
            .unwrap()
            .starts_with("Boundev")
    );
    assert_eq!(
        list[4]["publisher"],
        "a PM career-guide site, publisher not named"
    );
    // An article without a title of its own gets a description in square brackets.
    let title = list[4]["title"].as_str().unwrap();
    assert!(title.starts_with('[') && title.ends_with(']'), "{title}");
    // What 004 lends: the 200-engineer mark behind split-at-scale.
    let supports: Vec<&str> = list[4]["supports"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(
        supports.iter().any(|l| l.contains("split-at-scale")),
        "{supports:?}"
    );
    assert!(supports.iter().any(|l| l.contains("200")), "{supports:?}");
}

#[test]
fn sources_text_names_each_source_and_says_how_strong_the_evidence_is() {
    let out = rolesplit(&["sources"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    for s in &SOURCES {
        assert!(
            text.contains(&format!("{}  {}", s.id, s.publisher)),
            "{text}"
        );
        assert!(text.contains(s.title), "{text}");
    }
    assert!(text.contains("practitioners' articles"), "{text}");
    assert!(text.contains("not research"), "{text}");
    assert!(text.contains("dated 2022-03-17"), "{text}");
    let explicit = rolesplit(&["sources", "--format", "text"]);
    assert_eq!(
        String::from_utf8(explicit.stdout).unwrap(),
        text,
        "text is the default"
    );
}

/// Every number in a citation names a source of the list.
fn all_known(what: &str, citation: &str) {
    for id in sources::ids(citation) {
        assert!(
            sources::get(id).is_some(),
            "{what} cites {id:?}, which is not in the list of sources"
        );
    }
}

#[test]
fn every_source_number_the_engine_emits_has_an_entry() {
    // Rules, signals, checklist questions, cost defaults and catalogue cards.
    let all = sources::citations();
    assert!(all.iter().any(|c| c.kind == "catalogue cards"));
    for c in &all {
        all_known(&format!("{} {}", c.kind, c.name), &c.source);
    }
    // What the engine emits for the bundled samples: findings, advice reasons and the
    // responsibilities' own sources.
    for sample in rolesplit::samples::SAMPLES.iter() {
        let s = sample.scenario().expect("the sample loads");
        let a = rolesplit::analyze(&s);
        for f in &a.findings {
            all_known(f.rule.id(), f.source());
        }
        for r in a.advice.iter().flat_map(|a| &a.reasons) {
            all_known(r.id(), r.source());
        }
        for r in &s.responsibilities {
            all_known(&r.id, &r.source);
        }
    }
}
