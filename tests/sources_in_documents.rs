//! Every exported document that cites a source (the Markdown and HTML reports, the
//! minutes, the comparison as Markdown and HTML) ends with a Sources section that lists
//! the sources it cites, each once, read back as a reader's parser sees it.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::BTreeSet;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rolesplit::export::{ExportFormat, render};
use rolesplit::record::Date;
use rolesplit::{Scenario, analyze};

fn sample(name: &str) -> Scenario {
    rolesplit::io::open(std::path::Path::new(&format!("data/samples/{name}.ron"))).expect("loads")
}

fn day() -> Date {
    Date::new(2026, 12, 14).expect("a day")
}

/// The numbers in citations, each once, in number order.
fn ids<'a>(citations: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let set: BTreeSet<String> = citations
        .into_iter()
        .flat_map(|c| {
            rolesplit::sources::ids(c)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    set.into_iter().collect()
}

/// The level-2 headings of a Markdown document and the first column of its last table.
fn markdown_end(md: &str) -> (Vec<String>, Vec<String>) {
    let mut headings = Vec::new();
    let mut last_table: Vec<String> = Vec::new();
    let mut text = String::new();
    let (mut level2, mut first_cell) = (false, false);
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                level2 = level == pulldown_cmark::HeadingLevel::H2;
                text.clear();
            }
            Event::End(TagEnd::Heading(_)) if level2 => {
                headings.push(std::mem::take(&mut text));
            }
            Event::Start(Tag::Table(_)) => last_table.clear(),
            Event::Start(Tag::TableHead | Tag::TableRow) => first_cell = true,
            Event::Start(Tag::TableCell) => text.clear(),
            Event::End(TagEnd::TableCell) if first_cell => {
                last_table.push(std::mem::take(&mut text));
                first_cell = false;
            }
            Event::Text(t) => text.push_str(&t),
            _ => {}
        }
    }
    // The header cell is not a source.
    (headings, last_table.into_iter().skip(1).collect())
}

/// The last section of an HTML document: its heading and the first cell of each row.
fn html_end(html: &str) -> (String, Vec<String>) {
    let doc = scraper::Html::parse_document(html);
    let section = scraper::Selector::parse("body > section").expect("selector");
    let h2 = scraper::Selector::parse("h2").expect("selector");
    let first = scraper::Selector::parse("tbody tr td:first-child").expect("selector");
    let last = doc.select(&section).next_back().expect("a section");
    let heading = last
        .select(&h2)
        .next()
        .map(|h| h.text().collect::<String>())
        .unwrap_or_default();
    let cells = last
        .select(&first)
        .map(|td| td.text().collect::<String>())
        .collect();
    (heading, cells)
}

#[test]
fn the_reports_end_with_the_sources_of_their_findings_advice_and_role_fit() {
    let s = sample("scaleup");
    let a = analyze(&s);
    let expected = ids(a
        .findings
        .iter()
        .map(|f| f.source())
        .chain(
            a.advice
                .iter()
                .flat_map(|x| x.reasons.iter().map(|r| r.source())),
        )
        .chain([rolesplit::role_fit::SOURCES]));
    assert_eq!(expected, ["001", "003", "004"]);
    let md = render(ExportFormat::Md, &s, &a, day());
    let (headings, listed) = markdown_end(&md);
    assert_eq!(headings.last().map(String::as_str), Some("Sources"), "{md}");
    assert_eq!(listed, expected, "each cited source once, in number order");
    assert!(md.contains("not research"));
    let html = render(ExportFormat::Html, &s, &a, day());
    let (heading, listed) = html_end(&html);
    assert_eq!((heading.as_str(), listed), ("Sources", expected));
    assert!(html.contains("Boundev"));
}

#[test]
fn the_minutes_end_with_the_sources_of_their_open_findings() {
    let s = sample("scaleup");
    let a = analyze(&s);
    let expected = ids(a.findings.iter().map(|f| f.source()));
    assert_eq!(expected, ["003", "004"]);
    let md = render(ExportFormat::MinutesMd, &s, &a, day());
    let (headings, listed) = markdown_end(&md);
    assert_eq!(headings.last().map(String::as_str), Some("Sources"));
    assert_eq!(listed, expected);
    let html = render(ExportFormat::MinutesHtml, &s, &a, day());
    assert_eq!(html_end(&html), ("Sources".to_string(), expected));
}

#[test]
fn a_document_that_cites_nothing_has_no_sources_section() {
    // Nobody, nothing: no finding, no advice, no role fit.
    let s = rolesplit::testkit::Builder::new("empty").build();
    let a = analyze(&s);
    for format in [
        ExportFormat::Md,
        ExportFormat::Html,
        ExportFormat::MinutesMd,
        ExportFormat::MinutesHtml,
    ] {
        let text = render(format, &s, &a, day());
        assert!(!text.contains("Sources"), "{format:?}: {text}");
    }
}

#[test]
fn the_comparison_ends_with_the_sources_of_its_findings() {
    // B gives Squad 2's PO seat to Priya: she is PO of two teams (000) and the combined
    // role stays (004, 003).
    let a = sample("scaleup");
    let mut b = a.clone();
    let priya = b.products[0].pm.clone();
    b.teams[1].po = priya;
    let d = rolesplit::diff::diff(&a, &b);
    let cited = ids(d
        .findings_gained
        .iter()
        .chain(&d.findings_lost)
        .map(|f| f.rule.source())
        .chain(d.findings_changed.iter().map(|f| f.rule.source())));
    assert!(!cited.is_empty(), "{d:?}");
    let c = rolesplit::diff::Comparison {
        a_label: "a.ron",
        a: &a,
        b_label: "b.ron",
        b: &b,
        diff: &d,
    };
    let (headings, listed) = markdown_end(&c.markdown());
    assert_eq!(headings.last().map(String::as_str), Some("Sources"));
    assert_eq!(listed, cited);
    let html = c.html();
    let doc = scraper::Html::parse_document(&html);
    let h2 = scraper::Selector::parse("h2").expect("selector");
    let last = doc
        .select(&h2)
        .next_back()
        .map(|h| h.text().collect::<String>());
    assert_eq!(last.as_deref(), Some("Sources"), "{html}");
    for id in &cited {
        let source = rolesplit::sources::get(id).expect("listed");
        let row = format!(
            "<td>{}</td><td>{}</td>",
            source.id,
            rolesplit::escape::html(source.publisher)
        );
        assert_eq!(html.matches(&row).count(), 1, "{id} once");
    }
    // Identical files cite nothing.
    let same = rolesplit::diff::diff(&a, &a);
    let c = rolesplit::diff::Comparison {
        diff: &same,
        b: &a,
        ..c
    };
    assert!(!c.markdown().contains("## Sources"));
}
