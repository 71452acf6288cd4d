//! The attendees' page in a real browser: headless Chromium, driven through the DevTools
//! protocol (headless_chrome), against the real `rolesplit serve`. Skipped, with a
//! message, only when no Chromium is installed (CI installs Debian's `chromium`).
//!
//! `ROOM_SCREENSHOT=assets/room.png cargo test --test room_browser` also saves the page at
//! phone width, as README shows it.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod room_support;

use std::ffi::OsStr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use headless_chrome::protocol::cdp::Emulation::SetDeviceMetricsOverride;
use headless_chrome::protocol::cdp::Page::CaptureScreenshotFormatOption;
use headless_chrome::{Browser, LaunchOptions, Tab};
use room_support::{Served, agent, get, json, post, scenario};
use serde_json::json;

/// The Chromium to drive: `$CHROME`, else the first of the usual names on `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROME") {
        return Some(PathBuf::from(path));
    }
    let names = ["chromium", "chromium-browser", "google-chrome", "chrome"];
    std::env::split_paths(&std::env::var_os("PATH")?)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// A headless Chromium at phone width (360 px), or `None` (with a message) without one.
fn browser(profile: &tempfile::TempDir) -> Option<Browser> {
    let Some(path) = chromium() else {
        eprintln!("SKIPPED: no chromium binary found (install Debian's `chromium`; .ci/run does)");
        return None;
    };
    let args: Vec<&OsStr> = [
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]
    .iter()
    .map(OsStr::new)
    .collect();
    let options = LaunchOptions::default_builder()
        .path(Some(path))
        .headless(true)
        .sandbox(false)
        .window_size(Some((360, 1000)))
        .user_data_dir(Some(profile.path().to_path_buf()))
        .args(args)
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    Some(Browser::new(options).unwrap())
}

/// Runs a script in the page and returns its value.
fn eval(tab: &Tab, script: &str) -> serde_json::Value {
    tab.evaluate(script, false)
        .unwrap()
        .value
        .unwrap_or(serde_json::Value::Null)
}

/// Waits (at most 20 s) until a script in the page is true.
fn wait_until(tab: &Tab, script: &str) {
    let started = Instant::now();
    while eval(tab, script) != json!(true) {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "waited 20 s for {script}; the page says: {}",
            eval(tab, "document.body.innerText")
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// A tab showing `url` as a phone 360 px wide shows it (headless windows are at least
/// 500 px wide, so the phone's screen is emulated).
fn open(browser: &Browser, url: &str) -> std::sync::Arc<Tab> {
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(20));
    phone(&tab, 1000);
    tab.navigate_to(url)
        .unwrap()
        .wait_until_navigated()
        .unwrap();
    tab
}

/// Makes the tab a phone screen 360 px wide and `height` px tall.
fn phone(tab: &Tab, height: u32) {
    tab.call_method(SetDeviceMetricsOverride {
        width: 360,
        height,
        device_scale_factor: 1.0,
        mobile: true,
        scale: None,
        screen_width: Some(360),
        screen_height: Some(height),
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .unwrap();
}

#[test]
fn an_attendee_places_cards_from_a_phone_and_sees_the_tally_after_the_reveal() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = browser(&profile) else {
        return;
    };
    let s = Served::start(&scenario());
    let a = agent();
    let (status, _) = post(
        &a,
        &s.url("/api/round", &s.fkey),
        r#"{"product":"shop","cards":null}"#,
    );
    assert_eq!(status, 200);
    let tab = open(&browser, &s.attendee_page());
    wait_until(&tab, "!document.getElementById('round').hidden");
    assert_eq!(
        eval(&tab, "document.documentElement.clientWidth"),
        json!(360)
    );
    assert_eq!(
        eval(
            &tab,
            "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
        ),
        json!(true),
        "nothing wider than the phone"
    );
    // The live board, the loads and the findings are there.
    wait_until(
        &tab,
        "document.querySelectorAll('#columns .card').length === 3",
    );
    let board = eval(&tab, "document.getElementById('columns').innerText");
    assert!(board.as_str().unwrap().contains("Olga, Ivan"), "{board}");

    tab.wait_for_element("#name").unwrap().click().unwrap();
    tab.type_str("Ann").unwrap();
    for (card, column) in [
        ("vision", "Po"),
        ("backlog", "Po"),
        ("backlog", "Unassigned"),
    ] {
        let selector = format!("button.choice[data-card='{card}'][data-column='{column}']");
        tab.wait_for_element(&selector).unwrap().click().unwrap();
        wait_until(
            &tab,
            &format!(
                "document.querySelector(\"{selector}\").getAttribute('aria-pressed') === 'true'"
            ),
        );
    }
    tab.wait_for_element("#submit-ballot")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        &tab,
        "document.getElementById('ballot-message').textContent.startsWith('Submitted')",
    );

    let (_, results) = get(&a, &s.url("/api/results", &s.fkey));
    let round = &json(&results)["round"];
    assert_eq!(round["ballots"], 1);
    assert_eq!(
        round["tally"]["vision"],
        json!({"Pm": 0, "Po": 1, "Unassigned": 0})
    );
    assert_eq!(
        round["tally"]["backlog"],
        json!({"Pm": 0, "Po": 0, "Unassigned": 1})
    );
    assert_eq!(
        round["tally"]["research"],
        json!({"Pm": 0, "Po": 0, "Unassigned": 0})
    );
    // A poll later, still no tally: it comes with the reveal only.
    std::thread::sleep(Duration::from_millis(1500));
    assert_eq!(
        eval(&tab, "document.querySelectorAll('.tally').length"),
        json!(0),
        "no tally before the reveal"
    );
    let reveal = post(&a, &s.url("/api/round/reveal", &s.fkey), "");
    assert_eq!(reveal.0, 200);
    wait_until(&tab, "document.querySelectorAll('.tally').length === 3");
    let tallies = eval(
        &tab,
        "JSON.stringify(Array.from(document.querySelectorAll('.tally'), t => t.textContent))",
    );
    let tallies: serde_json::Value = serde_json::from_str(tallies.as_str().unwrap()).unwrap();
    assert_eq!(
        tallies,
        json!([
            "Room: PM 0 · PO 1 · Unassigned 0 · 100 % agree",
            "Room: PM 0 · PO 0 · Unassigned 1 · 100 % agree",
            "Room: PM 0 · PO 0 · Unassigned 0",
        ])
    );
    if let Some(path) = std::env::var_os("ROOM_SCREENSHOT") {
        // The whole page, as one tall phone screen.
        let height = eval(&tab, "document.documentElement.scrollHeight");
        phone(&tab, height.as_u64().unwrap_or(1000) as u32);
        std::thread::sleep(Duration::from_millis(300));
        let png = tab
            .capture_screenshot(CaptureScreenshotFormatOption::Png, None, None, true)
            .unwrap();
        std::fs::write(path, png).unwrap();
    }
}

#[test]
fn scenario_and_attendee_texts_show_as_text_and_run_no_script() {
    let profile = tempfile::tempdir().unwrap();
    let Some(browser) = browser(&profile) else {
        return;
    };
    let script = "<script>window.pwned = 1</script>";
    let img = "<img src=x onerror=\"window.pwned = 2\">";
    let quotes = "O'Neil \"the PO\" & co";
    let mut hostile = scenario();
    hostile.name = format!("Workshop {script}");
    hostile.products[0].name = format!("Shop {img}");
    hostile.people[0].name = img.to_string();
    hostile.people[1].name = quotes.to_string();
    hostile.responsibilities[0].title = format!("Vision {script} {quotes}");
    // Overloaded, so that a finding's message carries a name too.
    hostile.people[0].other_hours = 60.0;
    let s = Served::start(&hostile);
    let a = agent();
    post(
        &a,
        &s.url("/api/round", &s.fkey),
        r#"{"product":"shop","cards":null}"#,
    );
    let vote = json!({"options": [img, script, quotes], "dots": 3});
    assert_eq!(
        post(&a, &s.url("/api/vote", &s.fkey), &vote.to_string()).0,
        200
    );

    let tab = open(&browser, &s.attendee_page());
    wait_until(
        &tab,
        "document.querySelectorAll('#columns .card').length === 3",
    );
    wait_until(&tab, "!document.getElementById('vote').hidden");
    let text = eval(&tab, "document.body.innerText");
    let text = text.as_str().unwrap();
    for shown in [
        format!("Workshop {script}"),
        format!("Board: Shop {img}"),
        format!("Vision {script} {quotes}"),
        img.to_string(),
        quotes.to_string(),
    ] {
        assert!(
            text.contains(&shown),
            "{shown:?} is shown as text in {text:?}"
        );
    }
    let findings = eval(&tab, "document.getElementById('findings').innerText");
    assert!(findings.as_str().unwrap().contains(img), "{findings}");
    assert_eq!(eval(&tab, "typeof window.pwned"), json!("undefined"));
    assert_eq!(
        eval(&tab, "document.querySelectorAll('img').length"),
        json!(0)
    );
    assert_eq!(
        eval(&tab, "document.querySelectorAll('script').length"),
        json!(1)
    );
    assert_eq!(
        eval(&tab, "document.querySelectorAll('b').length"),
        json!(0),
        "no markup from the scenario"
    );
}
