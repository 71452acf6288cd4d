//! The articles rolesplit rests on (domain.md, "Sources"): the one list of them, with
//! what each one lends the product. Rules, signals, checklist questions, cost defaults and
//! catalogue cards cite them by number (`"004, 003"`); [`ids`] reads such a citation and
//! [`cited`] turns the citations of a document into the sources it lists at its end.
//!
//! What a source supports is partly written here (the figures and facts taken from it)
//! and partly read from where the citations live (rules, signals, questions, the
//! catalogue), so that the list can never drift from what the engine cites.

use crate::advice::Signal;
use crate::catalogue::Catalogue;
use crate::checklist::Question;
use crate::findings::Rule;
use crate::model::CostRegion;

/// One article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Source {
    /// The three-digit number the rules cite (`"003"`).
    pub id: &'static str,
    /// Who published it, or what kind of site when it names no publisher.
    pub publisher: &'static str,
    /// The article's own title; a short description in square brackets where it has none.
    pub title: &'static str,
    /// Its date (`YYYY-MM-DD`) where it gives one.
    pub date: Option<&'static str>,
    /// What kind of publication it is.
    pub kind: &'static str,
    /// The figures and facts rolesplit takes from it, in words (the rules, signals,
    /// questions and cards that cite it are added by [`Source::supports`]).
    pub figures: &'static [&'static str],
}

/// Every source, in number order.
pub const SOURCES: [Source; 5] = [
    Source {
        id: "000",
        publisher: "Near (a firm that recruits in Latin America)",
        title: "[Product manager or product owner: which to hire, and can one person do both?]",
        date: None,
        kind: "a recruiting firm's blog article",
        figures: &[
            "Latin America cost default: a senior PM costs $46,000–50,000 a year there (US: $155,000–163,000); rolesplit takes the midpoint, $48,000",
            "when the PM side and the PO side tie, advise the PM first (use the PM title when unsure)",
            "a product owner works best embedded with one Scrum team",
        ],
    },
    Source {
        id: "001",
        publisher: "Your Team In India (an outsourcing and staffing firm)",
        title: "[Product owner vs product manager: the differences, the responsibilities and which role you need]",
        date: None,
        kind: "an outsourcing firm's blog article",
        figures: &[
            "the which-role checklist: PO for a clear vision, Scrum, delivery as the challenge, one product, a stable market; PM for strategy, market research, several products, many departments, an evolving market, new products",
            "role fit: the PM's stakeholders are mostly external (customers, executives), the PO's internal (the development team)",
            "treating the two titles as interchangeable is a costly mistake",
        ],
    },
    Source {
        id: "002",
        publisher: "Welcome to the Jungle",
        title: "Product owner vs product manager – What’s the difference?",
        date: Some("2022-03-17"),
        kind: "a careers magazine article by a freelance technology writer",
        figures: &[
            "start-ups often have one person do both roles",
            "the PO shields the team from interruptions and works closely with it",
        ],
    },
    Source {
        id: "003",
        publisher: "Boundev (a firm that staffs product teams)",
        title: "[Product manager vs product owner: key differences, responsibilities and when you need each]",
        date: None,
        kind: "a staffing firm's guide",
        figures: &[
            "US cost defaults: average salaries of about $159,000 (PM) and $113,000 (PO) a year, 2026; the PO/PM ratio also sets the Latin America PO default",
            "combining works for teams under 15 people, one product, an experienced hybrid and clear priorities; split for several products or large teams, when strategy suffers or the backlog overwhelms it",
            "role fit: the PM looks quarters to years ahead and serves external stakeholders; the PO works in sprints and weeks with internal ones",
        ],
    },
    Source {
        id: "004",
        publisher: "a PM career-guide site, publisher not named",
        title: "[Product manager vs product owner: how to think about the distinction]",
        date: None,
        kind: "a career-guide article for product managers",
        figures: &[
            "organisations with 200 or more engineers separate the roles (split_engineers, 200)",
            "one person does both with one team of 5–10 engineers (combined_max_engineers, 10)",
            "role fit: the PM plans quarterly to annually, the PO sprint to quarterly",
        ],
    },
];

/// A plain note on how strong the evidence is, for every list of sources.
pub const EVIDENCE_NOTE: &str = "These are practitioners' articles (blog posts and guides, several of them from firms that recruit or staff the roles they describe), not research. Their figures are rules of thumb: treat them as defaults and replace them with your organisation's own numbers in the scenario's settings.";

/// The source with this number.
pub fn get(id: &str) -> Option<&'static Source> {
    SOURCES.iter().find(|s| s.id == id)
}

/// The numbers in a citation as the rules write it (`"004, 003"`), in its order.
pub fn ids(citation: &str) -> impl Iterator<Item = &str> {
    citation
        .split(',')
        .map(str::trim)
        .filter(|id| !id.is_empty())
}

/// The sources a document cites, each once, in number order. Numbers that name no source
/// are left out (a responsibility's own source text may say anything).
pub fn cited<'a>(citations: impl IntoIterator<Item = &'a str>) -> Vec<&'static Source> {
    let mut found: Vec<&'static Source> = citations
        .into_iter()
        .flat_map(ids)
        .filter_map(get)
        .collect();
    found.sort_by_key(|s| s.id);
    found.dedup_by_key(|s| s.id);
    found
}

/// The source of each cost default, as the cost table of domain.md writes it.
pub fn cost_source(region: CostRegion) -> &'static str {
    match region {
        CostRegion::Us => "003",
        CostRegion::LatinAmerica => "000, 003",
    }
}

/// The columns of a list of sources in a document.
pub const COLUMNS: [&str; 5] = ["Source", "Publisher", "Title", "Date", "Kind"];

impl Source {
    /// The source as a row under [`COLUMNS`] (plain text; a missing date is "not given").
    pub fn row(&self) -> Vec<String> {
        vec![
            self.id.to_string(),
            self.publisher.to_string(),
            self.title.to_string(),
            self.date.unwrap_or("not given").to_string(),
            self.kind.to_string(),
        ]
    }

    /// Publisher and title in one line, for a tooltip: "Boundev (…): [Product manager…]".
    pub fn label(&self) -> String {
        format!("{} — {}", self.publisher, self.title)
    }

    /// What rolesplit takes from the article: the figures written here, then the rules,
    /// advice signals, checklist questions, cost defaults and catalogue cards that cite it.
    pub fn supports(&self) -> Vec<String> {
        let mut out: Vec<String> = self.figures.iter().map(|f| (*f).to_string()).collect();
        let all: &[Citation] = &CITATIONS;
        let mut kinds: Vec<&str> = all.iter().map(|c| c.kind).collect();
        kinds.dedup();
        for kind in kinds {
            let names: Vec<&str> = all
                .iter()
                .filter(|c| c.kind == kind && ids(&c.source).any(|id| id == self.id))
                .map(|c| c.name.as_str())
                .collect();
            if !names.is_empty() {
                out.push(format!("{kind}: {}", names.join(", ")));
            }
        }
        out
    }
}

/// One thing the product cites sources for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// What kind of thing it is ("rules", "catalogue cards"…).
    pub kind: &'static str,
    /// Its id, or a catalogue card's title.
    pub name: String,
    /// Its citation as written (`"004, 003"`).
    pub source: String,
}

/// [`citations`], worked out once (it reads the bundled catalogue): the Sources overlay
/// asks for it every frame.
static CITATIONS: std::sync::LazyLock<Vec<Citation>> = std::sync::LazyLock::new(citations);

/// Everything the engine and the bundled catalogue cite, grouped by kind: every rule,
/// advice signal, checklist question, cost default and catalogue card.
pub fn citations() -> Vec<Citation> {
    let cite = |kind, name: &str, source: &str| Citation {
        kind,
        name: name.to_string(),
        source: source.to_string(),
    };
    let mut out: Vec<Citation> = Vec::new();
    out.extend(Rule::ALL.map(|r| cite("rules", r.id(), r.source())));
    out.extend(Signal::ALL.map(|s| cite("advice signals", s.id(), s.source())));
    out.extend(Question::ALL.map(|q| cite("checklist questions", q.id(), q.source())));
    out.extend(
        [CostRegion::Us, CostRegion::LatinAmerica]
            .map(|r| cite("cost defaults", r.name(), cost_source(r))),
    );
    let catalogue = Catalogue::builtin()
        .map(|c| c.responsibilities)
        .unwrap_or_default();
    out.extend(
        catalogue
            .iter()
            .map(|e| cite("catalogue cards", &e.title, &e.source)),
    );
    out
}

/// Every source as `rolesplit sources --format json` prints it: one array, one object
/// per source in number order.
pub fn json() -> String {
    /// One source, its keys in domain.md's order.
    #[derive(serde::Serialize)]
    struct SourceJson<'a> {
        id: &'a str,
        publisher: &'a str,
        title: &'a str,
        date: Option<&'a str>,
        kind: &'a str,
        supports: Vec<String>,
    }
    let list: Vec<SourceJson> = SOURCES
        .iter()
        .map(|s| SourceJson {
            id: s.id,
            publisher: s.publisher,
            title: s.title,
            date: s.date,
            kind: s.kind,
            supports: s.supports(),
        })
        .collect();
    // Plain structs of strings: serializing cannot fail.
    serde_json::to_string(&list).unwrap_or_default()
}

/// Every source as `rolesplit sources` prints it for people, with the note on evidence.
pub fn text() -> String {
    let mut out = String::from("The articles rolesplit rests on\n\n");
    for s in &SOURCES {
        out.push_str(&format!("{}  {}\n", s.id, s.publisher));
        out.push_str(&format!("     {}\n", s.title));
        out.push_str(&format!(
            "     {}, {}\n",
            s.kind,
            s.date
                .map_or("no date given".to_string(), |d| format!("dated {d}"))
        ));
        out.push_str("     rolesplit takes from it:\n");
        for line in s.supports() {
            out.push_str(&format!("       - {line}\n"));
        }
        out.push('\n');
    }
    out.push_str(EVIDENCE_NOTE);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_come_in_number_order_with_a_title_and_a_publisher() {
        let ids: Vec<&str> = SOURCES.iter().map(|s| s.id).collect();
        assert_eq!(ids, ["000", "001", "002", "003", "004"]);
        for s in &SOURCES {
            assert!(!s.title.trim().is_empty(), "{}", s.id);
            assert!(!s.publisher.trim().is_empty(), "{}", s.id);
            assert!(!s.supports().is_empty(), "{} supports something", s.id);
        }
        assert_eq!(
            get("004").map(|s| s.publisher),
            Some("a PM career-guide site, publisher not named")
        );
    }

    #[test]
    fn a_citation_lists_each_source_once_in_number_order() {
        let cited: Vec<&str> = cited(["004, 003", "003", "", "001, 003", "999"])
            .iter()
            .map(|s| s.id)
            .collect();
        assert_eq!(cited, ["001", "003", "004"]);
        assert_eq!(ids("004, 003").collect::<Vec<_>>(), ["004", "003"]);
    }

    #[test]
    fn supports_names_the_rules_that_cite_the_source() {
        let supports = get("004").map(Source::supports).unwrap_or_default();
        assert!(
            supports
                .iter()
                .any(|l| l.starts_with("rules:") && l.contains("split-at-scale")),
            "{supports:?}"
        );
        let supports = get("001").map(Source::supports).unwrap_or_default();
        assert!(
            supports.iter().any(|l| l.contains("po-strategy-work")),
            "{supports:?}"
        );
    }

    #[test]
    fn each_cost_default_cites_an_existing_source() {
        for region in [CostRegion::Us, CostRegion::LatinAmerica] {
            assert!(ids(cost_source(region)).all(|id| get(id).is_some()));
        }
    }
}
