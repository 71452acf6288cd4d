//! The HTML report as it prints: headless Chromium prints it to PDF and `pdftotext` reads
//! the pages back. A board column that runs over a page repeats its header (the product
//! and the column) on the next one. Also, in the HTML itself: numbers keep their units,
//! the capacity mark stays inside its bar, findings carry a readable rule name.
//!
//! The printing test needs `chromium` and `pdftotext` (Debian's `chromium` and
//! `poppler-utils`, which `.ci/run` installs); without them it says so and skips.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rolesplit::export::{ExportFormat, render};
use rolesplit::findings::Rule;
use rolesplit::model::Column::{Pm, Po};
use rolesplit::model::Kind::{Execution, Strategy};
use rolesplit::model::Method::Scrum;
use rolesplit::model::Scenario;
use rolesplit::model::Scope::Product;
use rolesplit::testkit::Builder;

/// The number of cards in the long PM column: enough to run over two pages of A4.
const LONG_COLUMN: usize = 30;

/// Product "Atlas Platform", whose PM column holds [`LONG_COLUMN`] cards, and whose PO
/// column two.
fn long_board() -> Scenario {
    let mut b = Builder::new("Long board")
        .person("pat", 40.0)
        .person("olga", 40.0);
    let mut cards = Vec::new();
    for i in 1..=LONG_COLUMN {
        b = b.responsibility(&format!("duty-{i}"), Strategy, Product, 0.5, &[]);
        cards.push((format!("duty-{i}"), Pm));
    }
    for i in 1..=2 {
        b = b.responsibility(&format!("chore-{i}"), Execution, Product, 1.0, &[]);
        cards.push((format!("chore-{i}"), Po));
    }
    let cards: Vec<(&str, _)> = cards.iter().map(|(id, c)| (id.as_str(), *c)).collect();
    let mut s = b
        .product("atlas", Some("pat"), &cards)
        .team("squad", "atlas", 6, Scrum, Some("olga"))
        .build();
    s.products[0].name = "Atlas Platform".into();
    s
}

fn report(s: &Scenario) -> String {
    render(
        ExportFormat::Html,
        s,
        &rolesplit::analyze(s),
        rolesplit::record::Date::new(2026, 11, 29).expect("a day"),
    )
}

/// Whether a program runs (`PROGRAM ARG` exits, successfully or not).
fn available(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok()
}

/// Runs a command to its end, killing it after `limit`.
fn run(mut command: Command, limit: Duration) {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waits") {
            assert!(status.success(), "{command:?} failed: {status}");
            return;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("{command:?} took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The report printed on A4 by headless Chromium, as the text of each page.
fn printed_pages(html: &str, dir: &Path) -> Vec<String> {
    let page = dir.join("report.html");
    let pdf = dir.join("report.pdf");
    std::fs::write(&page, html).expect("write the report");
    let mut chromium = Command::new("chromium");
    chromium
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()));
    run(chromium, Duration::from_secs(120));
    let text = dir.join("report.txt");
    let mut pdftotext = Command::new("pdftotext");
    pdftotext.arg("-layout").arg(&pdf).arg(&text);
    run(pdftotext, Duration::from_secs(60));
    let text = std::fs::read_to_string(&text).expect("pdftotext's text");
    // pdftotext ends every page with a form feed.
    text.split('\u{c}').map(str::to_string).collect()
}

#[test]
fn a_board_column_continued_on_the_next_printed_page_repeats_its_header() {
    if !available("chromium", "--version") || !available("pdftotext", "-v") {
        println!(
            "SKIPPED: printing the HTML report needs chromium and pdftotext \
             (apt-get install chromium poppler-utils)"
        );
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pages = printed_pages(&report(&long_board()), dir.path());
    let header = format!("{LONG_COLUMN} cards");
    // Which pages the long column's cards are on: the first card on page 1, the last
    // one at least two pages on.
    let on = |title: &str| {
        pages
            .iter()
            .position(|p| p.split_whitespace().any(|w| w == title))
            .unwrap_or_else(|| panic!("{title:?} printed; pages:\n{pages:#?}"))
    };
    let (first, last) = (on("Duty-1"), on(&format!("Duty-{LONG_COLUMN}")));
    assert_eq!(first, 0, "the board starts on the first page");
    assert!(last >= 1, "the column runs over a page: {pages:#?}");
    for (n, page) in pages.iter().enumerate().take(last + 1) {
        assert!(
            page.contains("Atlas Platform"),
            "page {} names the product: {page}",
            n + 1
        );
        let head = page
            .lines()
            .find(|l| l.contains(&header))
            .unwrap_or_else(|| panic!("page {} repeats the column header: {page}", n + 1));
        assert!(
            head.trim_start().starts_with("PM"),
            "the header names the PM column: {head:?}"
        );
    }
    // Page 2 holds nothing but the continued column, so the product's name there comes
    // from the repeated header alone.
    let second = &pages[1];
    assert!(!second.contains("People"), "{second}");
    assert_eq!(second.matches("Atlas Platform").count(), 1, "{second}");
}

#[test]
fn numbers_never_break_from_their_units() {
    let html = report(&long_board());
    for plain in [" h a week", " h<", " h ", " %", " engineers", " cards<"] {
        for (at, _) in html.match_indices(plain) {
            let before = html[..at].chars().last().expect("text before");
            assert!(
                !before.is_ascii_digit(),
                "a breaking space in {:?}",
                &html[at.saturating_sub(20)..at + plain.len()]
            );
        }
    }
    assert!(html.contains("0.5&nbsp;h a week"), "a card's hours");
    assert!(html.contains(&format!("{LONG_COLUMN}&nbsp;cards")));
    assert!(
        html.contains("(6&nbsp;engineers, Scrum, PO: Olga)"),
        "the seats line"
    );
    assert!(html.contains("load 15.0&nbsp;h of 40.0&nbsp;h capacity (38&nbsp;%)"));
}

#[test]
fn the_capacity_mark_is_drawn_inside_its_bar_at_the_top_of_the_scale() {
    // Nobody is over capacity: 40 h, the largest capacity, is the top of the scale.
    let html = report(&long_board());
    assert!(
        html.contains(
            "<span class=\"capacity\" style=\"left:100.00%;transform:translateX(-100.00%)\"></span>"
        ),
        "the mark at the top of the scale ends at the bar's right edge"
    );
    // At the start of a bar it needs no shift.
    let mut s = long_board();
    s.people[1].capacity_hours = 0.0;
    let html = report(&s);
    assert!(html.contains("style=\"left:0.00%;transform:translateX(-0.00%)\""));
}

#[test]
fn findings_show_a_readable_rule_name_with_the_id_beside_it() {
    let mut names: Vec<&str> = Rule::ALL.iter().map(|r| r.name()).collect();
    assert!(names.iter().all(|n| !n.is_empty()));
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Rule::ALL.len(), "every rule its own name");
    assert_eq!(
        Rule::HybridOverload.name(),
        "Overloaded with strategy and execution"
    );
    // Pat carries 15 h of strategy; with 10 h of capacity Pat is overloaded.
    let mut s = long_board();
    s.people[0].capacity_hours = 10.0;
    let html = report(&s);
    assert!(
        html.contains(
            "<span class=\"rule-name\">Overloaded</span> <code class=\"rule-id\">overload</code>"
        ),
        "{html}"
    );
}
