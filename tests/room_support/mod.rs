//! Shared by the room's HTTP and browser tests: a `rolesplit serve` process on 127.0.0.1
//! with a free port, and a small blocking HTTP client.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use rolesplit::model::Column::{Pm, Po, Unassigned};
use rolesplit::model::Kind::{Execution, Strategy};
use rolesplit::model::Method::Scrum;
use rolesplit::model::Scenario;
use rolesplit::model::Scope::{Product as ProductScope, Team};
use rolesplit::testkit::Builder;

/// A small workshop: one product with a card in each column, a second product.
pub fn scenario() -> Scenario {
    Builder::new("Room workshop")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .person("ivan", 40.0)
        .responsibility("vision", Strategy, ProductScope, 3.0, &[])
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .responsibility("research", Strategy, ProductScope, 2.0, &[])
        .product(
            "shop",
            Some("pat"),
            &[("vision", Pm), ("backlog", Po), ("research", Unassigned)],
        )
        .product("app", Some("pat"), &[("vision", Po)])
        .team("a", "shop", 6, Scrum, Some("olga"))
        .team("b", "shop", 6, Scrum, Some("ivan"))
        .build()
}

/// A running `rolesplit serve`, killed when dropped.
pub struct Served {
    pub child: Child,
    /// `http://127.0.0.1:PORT`
    pub base: String,
    pub key: String,
    pub fkey: String,
    pub attendee_line: String,
    pub facilitator_line: String,
    _dir: tempfile::TempDir,
}

impl Served {
    /// Saves `scenario` and serves it on 127.0.0.1 with a free port.
    pub fn start(scenario: &Scenario) -> Served {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("room.ron");
        std::fs::write(&path, rolesplit::write::scenario_to_string(scenario)).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_rolesplit"))
            .args(["serve", path.to_str().unwrap(), "--bind", "127.0.0.1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let wait = Duration::from_secs(30);
        let mut line = || match lines.recv_timeout(wait) {
            Ok(line) => line,
            Err(e) => {
                let _ = child.kill();
                let mut said = String::new();
                if let Some(mut err) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut err, &mut said);
                }
                panic!("rolesplit serve printed no address ({e}): {said}");
            }
        };
        let attendee_line = line();
        let facilitator_line = line();
        let url = |line: &str, label: &str| {
            line.strip_prefix(label)
                .unwrap_or_else(|| panic!("{line:?} starts with {label:?}"))
                .to_string()
        };
        let attendees = url(&attendee_line, "attendees: ");
        let facilitator = url(&facilitator_line, "facilitator: ");
        let (base, key) = attendees.split_once("/?k=").unwrap();
        let (fbase, fkey) = facilitator.split_once("/?k=").unwrap();
        assert_eq!(base, fbase, "both addresses name the same server");
        Served {
            child,
            base: base.to_string(),
            key: key.to_string(),
            fkey: fkey.to_string(),
            attendee_line,
            facilitator_line,
            _dir: dir,
        }
    }

    /// `BASE/PATH?k=KEY`.
    pub fn url(&self, path: &str, key: &str) -> String {
        format!("{}{path}?k={key}", self.base)
    }

    /// The attendees' page.
    pub fn attendee_page(&self) -> String {
        self.url("/", &self.key)
    }

    /// The process's resident memory in KiB (Linux).
    pub fn resident_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap();
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap()
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A client that reports every status instead of failing on 4xx.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build()
        .into()
}

/// GET: the status and the body.
pub fn get(agent: &ureq::Agent, url: &str) -> (u16, String) {
    let mut response = agent.get(url).call().unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

/// POST a body: the status and the body.
pub fn post(agent: &ureq::Agent, url: &str, body: &str) -> (u16, String) {
    let mut response = agent
        .post(url)
        .header("Content-Type", "application/json")
        .send(body)
        .unwrap();
    let status = response.status().as_u16();
    (status, response.body_mut().read_to_string().unwrap())
}

/// Parses an answer as JSON.
pub fn json(text: &str) -> serde_json::Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{text:?} is not JSON: {e}"))
}
