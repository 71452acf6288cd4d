//! The room's HTTP contract against the real `rolesplit serve` on 127.0.0.1 (README, "The
//! room"): keys, limits, bad requests refused with the state unchanged, a burst, SIGINT.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod room_support;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use room_support::{Served, agent, get, json, post, scenario};
use serde_json::{Value, json};

/// What the attendees see and what the facilitator reads, to check that a refused
/// request changed neither.
fn snapshot(s: &Served, a: &ureq::Agent) -> (Value, Value) {
    let (status, state) = get(a, &s.url("/api/state", &s.key));
    assert_eq!(status, 200);
    let (status, results) = get(a, &s.url("/api/results", &s.fkey));
    assert_eq!(status, 200);
    (json(&state), json(&results))
}

fn is_hex_key(key: &str) -> bool {
    key.len() == 32 && key.chars().all(|c| c.is_ascii_hexdigit())
}

#[test]
fn serve_prints_the_two_addresses_with_128_bit_keys() {
    let s = Served::start(&scenario());
    let port = s.base.strip_prefix("http://127.0.0.1:").unwrap();
    assert!(port.parse::<u16>().unwrap() > 0, "{}", s.base);
    assert_eq!(
        s.attendee_line,
        format!("attendees: {}/?k={}", s.base, s.key)
    );
    assert_eq!(
        s.facilitator_line,
        format!("facilitator: {}/?k={}", s.base, s.fkey)
    );
    assert!(is_hex_key(&s.key) && is_hex_key(&s.fkey));
    assert_ne!(s.key, s.fkey);
}

#[test]
fn every_request_without_the_session_key_is_403() {
    let s = Served::start(&scenario());
    let a = agent();
    let before = snapshot(&s, &a);
    let wrong = "0".repeat(32);
    let near = format!("{}x", &s.key[..31]);
    for path in [
        "/",
        "/app.js",
        "/app.css",
        "/api/state",
        "/api/results",
        "/nowhere",
    ] {
        for query in [
            String::new(),
            "?k=".to_string(),
            format!("?k={wrong}"),
            format!("?k={near}"),
            format!("?k={}0", s.key),
            format!("?key={}", s.key),
        ] {
            let (status, body) = get(&a, &format!("{}{path}{query}", s.base));
            assert_eq!(status, 403, "GET {path}{query}");
            assert!(json(&body)["error"].is_string(), "{body}");
        }
    }
    let ballot = r#"{"attendee":"a","name":"","placements":{"vision":"Pm"}}"#;
    for path in ["/api/ballot", "/api/round", "/api/dots"] {
        let (status, _) = post(&a, &format!("{}{path}", s.base), ballot);
        assert_eq!(status, 403, "POST {path}");
    }
    assert_eq!(snapshot(&s, &a), before);
}

#[test]
fn the_attendees_key_gets_403_on_every_facilitator_endpoint() {
    let s = Served::start(&scenario());
    let a = agent();
    let before = snapshot(&s, &a);
    let posts = [
        ("/api/round", r#"{"product":"shop","cards":null}"#),
        ("/api/round/close", "{}"),
        ("/api/round/reveal", "{}"),
        ("/api/vote", r#"{"options":["A","B"],"dots":3}"#),
        ("/api/vote/close", "{}"),
        ("/api/show", r#"{"product":"app"}"#),
    ];
    for (path, body) in posts {
        let (status, answer) = post(&a, &s.url(path, &s.key), body);
        assert_eq!(status, 403, "POST {path} with the attendees' key");
        assert!(json(&answer)["error"].is_string());
    }
    for path in ["/api/results", "/api/products"] {
        assert_eq!(get(&a, &s.url(path, &s.key)).0, 403, "GET {path}");
    }
    assert_eq!(snapshot(&s, &a), before, "nothing opened, nothing shown");
    // The facilitator's key does all of it (and works on attendee endpoints too).
    for (path, body) in posts {
        let (status, answer) = post(&a, &s.url(path, &s.fkey), body);
        assert_eq!(status, 200, "POST {path}: {answer}");
    }
    assert_eq!(get(&a, &s.url("/api/state", &s.fkey)).0, 200);
}

#[test]
fn a_round_from_opening_to_reveal() {
    let s = Served::start(&scenario());
    let a = agent();
    let (status, body) = post(
        &a,
        &s.url("/api/round", &s.fkey),
        r#"{"product":"shop","cards":["vision","backlog"]}"#,
    );
    assert_eq!(status, 200);
    let id = json(&body)["id"].as_str().unwrap().to_string();
    let state = snapshot(&s, &a).0;
    assert_eq!(
        state["round"],
        json!({"id": id, "product": "shop", "cards": ["vision", "backlog"], "open": true, "revealed": false})
    );
    for (who, column) in [("ann", "Pm"), ("bo", "Pm"), ("cy", "Po")] {
        let ballot = json!({"attendee": who, "name": who, "placements": {"vision": column}});
        let (status, body) = post(&a, &s.url("/api/ballot", &s.key), &ballot.to_string());
        assert_eq!((status, json(&body)), (200, json!({"ok": true})));
    }
    // Ann changes her mind: her ballot is replaced, not added.
    let again = r#"{"attendee":"ann","name":"Ann","placements":{"vision":"Po","backlog":"Po"}}"#;
    assert_eq!(post(&a, &s.url("/api/ballot", &s.key), again).0, 200);
    assert_eq!(snapshot(&s, &a).0["round"].get("tally"), None);
    let results = snapshot(&s, &a).1;
    assert_eq!(
        results["round"],
        json!({
            "id": id, "product": "shop", "ballots": 3,
            "tally": {"vision": {"Pm": 1, "Po": 2, "Unassigned": 0}, "backlog": {"Pm": 0, "Po": 1, "Unassigned": 0}},
            "agreement": {"vision": 2.0 / 3.0, "backlog": 1.0},
        })
    );
    assert_eq!(
        post(&a, &s.url("/api/round/reveal", &s.fkey), "").1,
        r#"{"ok":true}"#
    );
    let state = snapshot(&s, &a).0;
    assert_eq!(state["round"]["open"], true, "Reveal does not close");
    assert_eq!(
        state["round"]["tally"]["vision"],
        json!({"Pm": 1, "Po": 2, "Unassigned": 0})
    );
    assert_eq!(post(&a, &s.url("/api/round/close", &s.fkey), "").0, 200);
    let late = r#"{"attendee":"dee","name":"","placements":{"vision":"Pm"}}"#;
    let (status, body) = post(&a, &s.url("/api/ballot", &s.key), late);
    assert_eq!(
        (status, json(&body)["error"].clone()),
        (400, json!("the round is closed"))
    );
}

#[test]
fn bad_ballots_are_400_with_a_reason_and_change_nothing() {
    let s = Served::start(&scenario());
    let a = agent();
    let url = s.url("/api/ballot", &s.key);
    let no_round = post(
        &a,
        &url,
        r#"{"attendee":"a","name":"","placements":{"vision":"Pm"}}"#,
    );
    assert_eq!(no_round.0, 400);
    assert_eq!(json(&no_round.1)["error"], "no round is open");
    post(
        &a,
        &s.url("/api/round", &s.fkey),
        r#"{"product":"shop","cards":null}"#,
    );
    post(
        &a,
        &url,
        r#"{"attendee":"first","name":"","placements":{"vision":"Pm"}}"#,
    );
    let before = snapshot(&s, &a);
    let long_name = "n".repeat(41);
    let long_id = "i".repeat(65);
    let bad = [
        json!({"attendee": "a", "name": "", "placements": {"pricing": "Pm"}}).to_string(),
        json!({"attendee": "a", "name": "", "placements": {"vision": "Cto"}}).to_string(),
        json!({"attendee": "a", "name": "", "placements": {"vision": "pm"}}).to_string(),
        json!({"attendee": "a", "name": "", "placements": {}}).to_string(),
        json!({"attendee": "a", "name": long_name, "placements": {"vision": "Po"}}).to_string(),
        json!({"attendee": "", "name": "", "placements": {"vision": "Po"}}).to_string(),
        json!({"attendee": long_id, "name": "", "placements": {"vision": "Po"}}).to_string(),
        json!({"attendee": "first", "name": "", "placements": {"vision": "Po", "nope": "Po"}})
            .to_string(),
        r#"{"attendee":"a","placements":"#.to_string(),
        "[]".to_string(),
    ];
    for body in bad {
        let (status, answer) = post(&a, &url, &body);
        assert_eq!(status, 400, "{body}");
        let reason = json(&answer)["error"].as_str().unwrap().to_string();
        assert!(!reason.is_empty(), "{body}");
        assert_eq!(snapshot(&s, &a), before, "{body} changed nothing");
    }
    // 40 characters (not bytes) is still a name.
    let forty = "é".repeat(40);
    let ok = json!({"attendee": "a", "name": forty, "placements": {"vision": "Po"}});
    assert_eq!(post(&a, &url, &ok.to_string()).0, 200);
}

#[test]
fn a_body_over_64_kb_is_413_and_changes_nothing() {
    let s = Served::start(&scenario());
    let a = agent();
    post(
        &a,
        &s.url("/api/round", &s.fkey),
        r#"{"product":"shop","cards":null}"#,
    );
    let before = snapshot(&s, &a);
    let ballot = r#"{"attendee":"a","name":"","placements":{"vision":"Pm"}}"#;
    let padded = |len: usize| format!("{ballot}{}", " ".repeat(len - ballot.len()));
    for len in [65_537, 70_000, 1_000_000] {
        let (status, body) = post(&a, &s.url("/api/ballot", &s.key), &padded(len));
        assert_eq!(status, 413, "{len} bytes");
        assert!(json(&body)["error"].is_string());
        assert_eq!(snapshot(&s, &a), before);
    }
    // A body declared far larger than memory is refused before it is read.
    let port = s.base.rsplit(':').next().unwrap();
    let mut raw = TcpStream::connect(format!("127.0.0.1:{port}")).unwrap();
    raw.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        raw,
        "POST /api/ballot?k={} HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000000\r\n\r\n{{",
        s.key
    )
    .unwrap();
    let mut answer = String::new();
    let _ = raw.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    // Exactly 64 KB is taken.
    let (status, _) = post(&a, &s.url("/api/ballot", &s.key), &padded(65_536));
    assert_eq!(status, 200);
}

#[test]
fn the_501st_attendee_is_refused_per_round_and_per_vote() {
    let s = Served::start(&scenario());
    let a = agent();
    post(
        &a,
        &s.url("/api/round", &s.fkey),
        r#"{"product":"shop","cards":null}"#,
    );
    post(&a, &s.url("/api/vote", &s.fkey), r#"{"options":["A","B"]}"#);
    let ballot = |who: &str| {
        json!({"attendee": who, "name": "", "placements": {"vision": "Pm"}}).to_string()
    };
    let dots = |who: &str| json!({"attendee": who, "dots": {"A": 1}}).to_string();
    // A refused attempt does not take a place.
    assert_eq!(
        post(
            &a,
            &s.url("/api/ballot", &s.key),
            r#"{"attendee":"x","placements":{}}"#
        )
        .0,
        400
    );
    for i in 0..500 {
        let who = format!("attendee-{i}");
        assert_eq!(
            post(&a, &s.url("/api/ballot", &s.key), &ballot(&who)).0,
            200,
            "{who}"
        );
        assert_eq!(
            post(&a, &s.url("/api/dots", &s.key), &dots(&who)).0,
            200,
            "{who}"
        );
    }
    let before = snapshot(&s, &a);
    let (status, body) = post(&a, &s.url("/api/ballot", &s.key), &ballot("attendee-500"));
    assert_eq!(status, 400, "{body}");
    let (status, _) = post(&a, &s.url("/api/dots", &s.key), &dots("attendee-500"));
    assert_eq!(status, 400);
    assert_eq!(snapshot(&s, &a), before);
    assert_eq!(before.1["round"]["ballots"], 500);
    assert_eq!(before.1["vote"]["voters"], 500);
    // Those already in may still change their minds.
    assert_eq!(
        post(&a, &s.url("/api/ballot", &s.key), &ballot("attendee-7")).0,
        200
    );
}

#[test]
fn dots_over_the_budget_are_400_and_a_second_submission_replaces_the_first() {
    let s = Served::start(&scenario());
    let a = agent();
    let (status, body) = post(
        &a,
        &s.url("/api/vote", &s.fkey),
        r#"{"options":["Option A","Option B"],"dots":3}"#,
    );
    assert_eq!(status, 200);
    let id = json(&body)["id"].as_str().unwrap().to_string();
    assert_eq!(
        snapshot(&s, &a).0["vote"],
        json!({"id": id, "options": ["Option A", "Option B"], "dots": 3, "open": true})
    );
    let url = s.url("/api/dots", &s.key);
    assert_eq!(
        post(
            &a,
            &url,
            r#"{"attendee":"a","dots":{"Option A":2,"Option B":1}}"#
        )
        .0,
        200
    );
    let before = snapshot(&s, &a);
    for bad in [
        r#"{"attendee":"a","dots":{"Option A":2,"Option B":2}}"#,
        r#"{"attendee":"a","dots":{"Option A":4}}"#,
        r#"{"attendee":"a","dots":{"Option C":1}}"#,
        r#"{"attendee":"a","dots":{"Option A":-1}}"#,
        r#"{"attendee":"b","dots":{}}"#,
    ] {
        assert_eq!(post(&a, &url, bad).0, 400, "{bad}");
        assert_eq!(snapshot(&s, &a), before, "{bad}");
    }
    assert_eq!(
        post(&a, &url, r#"{"attendee":"a","dots":{"Option B":3}}"#).0,
        200
    );
    assert_eq!(
        snapshot(&s, &a).1["vote"],
        json!({"dots": {"Option A": 0, "Option B": 3}, "voters": 1})
    );
    assert_eq!(post(&a, &s.url("/api/vote/close", &s.fkey), "").0, 200);
    assert_eq!(
        post(&a, &url, r#"{"attendee":"b","dots":{"Option A":1}}"#).0,
        400
    );
}

#[test]
fn the_page_and_its_assets_come_from_the_app_with_a_strict_policy() {
    let s = Served::start(&scenario());
    let a = agent();
    let mut page = a.get(&s.attendee_page()).call().unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let header = |r: &ureq::http::Response<ureq::Body>, name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    };
    assert!(header(&page, "content-type").starts_with("text/html"));
    let csp = header(&page, "content-security-policy");
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.contains(&format!(
        "<script src=\"/app.js?k={}\" defer></script>",
        s.key
    )));
    assert_eq!(
        html.matches("<script").count(),
        1,
        "one script, from a file"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing from elsewhere"
    );
    let script = a.get(&s.url("/app.js", &s.key)).call().unwrap();
    assert!(header(&script, "content-type").starts_with("text/javascript"));
    assert!(!header(&script, "content-security-policy").is_empty());
    let (_, js) = get(&a, &s.url("/app.js", &s.key));
    assert!(!js.contains("innerHTML"), "texts go in as text");
    assert_eq!(get(&a, &s.url("/app.css", &s.key)).0, 200);
    assert_eq!(get(&a, &s.url("/nowhere", &s.key)).0, 404);
}

#[test]
fn a_burst_from_several_threads_is_answered_and_memory_stays_bounded() {
    let s = Served::start(&scenario());
    let a = agent();
    post(
        &a,
        &s.url("/api/round", &s.fkey),
        r#"{"product":"shop","cards":null}"#,
    );
    let before = s.resident_kib();
    let urls = Arc::new([
        s.url("/api/state", &s.key),
        format!("{}/api/state", s.base),
        s.url("/api/ballot", &s.key),
    ]);
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let urls = urls.clone();
            std::thread::spawn(move || {
                let a = agent();
                let mut statuses = Vec::new();
                for i in 0..250 {
                    let status = match i % 3 {
                        2 => {
                            let ballot =
                                format!(r#"{{"attendee":"t{t}","placements":{{"vision":"Po"}}}}"#);
                            post(&a, &urls[2], &ballot).0
                        }
                        n => get(&a, &urls[n]).0,
                    };
                    statuses.push(status);
                }
                statuses
            })
        })
        .collect();
    let mut counts = std::collections::BTreeMap::new();
    for thread in threads {
        for status in thread.join().unwrap() {
            *counts.entry(status).or_insert(0) += 1;
        }
    }
    assert_eq!(counts.values().sum::<i32>(), 2000, "every request answered");
    assert!(
        counts.keys().all(|s| [200, 403, 429].contains(s)),
        "{counts:?}"
    );
    let after = s.resident_kib();
    assert!(
        after < before + 64 * 1024,
        "memory grew from {before} to {after} KiB"
    );
    assert!(after < 256 * 1024, "{after} KiB");
    assert_eq!(snapshot(&s, &a).1["round"]["ballots"], 8);
}

#[test]
fn idle_and_trickling_connections_hold_up_no_one_else() {
    use std::io::Write;
    let s = Served::start(&scenario());
    let address = s.base.trim_start_matches("http://").to_string();
    // Phones that connected and went quiet, and clients that send half a request: each is
    // cut off only by its own deadline (5 s), never in anyone else's way.
    let mut quiet = Vec::new();
    for i in 0..48 {
        let mut stream = std::net::TcpStream::connect(&address).unwrap();
        if i % 2 == 1 {
            let half = format!("GET /api/state?k={} HTTP/1.1\r\nHost: x\r\n", s.key);
            stream.write_all(half.as_bytes()).unwrap();
        }
        quiet.push(stream);
    }
    let quick = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(std::time::Duration::from_secs(3)))
        .build();
    let quick: ureq::Agent = quick.into();
    for _ in 0..5 {
        let (status, body) = get(&quick, &s.url("/api/state", &s.key));
        assert_eq!(status, 200, "{body}");
    }
    drop(quiet);
}

#[test]
fn sigint_ends_the_server_cleanly_within_a_second() {
    let mut s = Served::start(&scenario());
    let a = agent();
    assert_eq!(get(&a, &s.url("/api/state", &s.key)).0, 200);
    let started = Instant::now();
    let kill = Command::new("kill")
        .args(["-INT", &s.child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(started.elapsed() < Duration::from_secs(5), "still running");
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = started.elapsed();
    assert_eq!(status.code(), Some(0));
    assert!(took < Duration::from_secs(1), "took {took:?}");
    assert!(
        TcpStream::connect(s.base.trim_start_matches("http://")).is_err(),
        "the port is closed"
    );
}

#[test]
fn a_file_that_does_not_load_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.ron");
    let out = Command::new(env!("CARGO_BIN_EXE_rolesplit"))
        .args(["serve", missing.to_str().unwrap(), "--bind", "127.0.0.1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("rolesplit: ") && err.contains("missing.ron"),
        "{err}"
    );
}
