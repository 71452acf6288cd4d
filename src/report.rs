//! What `rolesplit check` prints: the load table, findings, advice and cost, as text for
//! people or JSON for scripts (scenario-format.md, "check").

use std::fmt::Write as _;

use serde::Serialize;

use crate::advice::Advice;
use crate::analysis::Analysis;
use crate::error::FileError;
use crate::export::{PEOPLE_COLUMNS, person_cells};
use crate::findings::{Finding, by_severity};
use crate::model::Scenario;
use crate::num::{dollars, hours};
use crate::record::{Date, RecordCounts};
use crate::role_fit::RoleFit;

#[derive(Serialize)]
struct CheckJson<'a> {
    file: &'a str,
    scenario: &'a str,
    people: Vec<PersonJson<'a>>,
    findings: Vec<FindingJson<'a>>,
    advice: Vec<AdviceJson<'a>>,
    leadership_cost: f64,
    /// The engineers the organisation can add before `large_org` holds (`null` at and
    /// above `split_engineers`; format 2).
    engineers_to_large_org: Option<u64>,
    /// The workshop record's counts (format 2; a key added, never changed).
    record: RecordCounts,
}

#[derive(Serialize)]
struct PersonJson<'a> {
    id: &'a str,
    capacity_hours: f64,
    strategy_hours: f64,
    execution_hours: f64,
    other_hours: f64,
    load_hours: f64,
    horizon_hours: HorizonJson,
    stakeholder_hours: SidesJson,
}

/// Role fit by horizon, with domain.md's keys.
#[derive(Serialize)]
struct HorizonJson {
    #[serde(rename = "Sprint")]
    sprint: f64,
    #[serde(rename = "Quarter")]
    quarter: f64,
    #[serde(rename = "Year")]
    year: f64,
}

/// Role fit by the sides of the stakeholders served, with domain.md's keys.
#[derive(Serialize)]
struct SidesJson {
    #[serde(rename = "External")]
    external: f64,
    #[serde(rename = "Internal")]
    internal: f64,
    #[serde(rename = "Both")]
    both: f64,
    #[serde(rename = "None")]
    none: f64,
}

impl From<&RoleFit> for HorizonJson {
    fn from(f: &RoleFit) -> Self {
        let [sprint, quarter, year] = f.horizon_hours;
        HorizonJson {
            sprint,
            quarter,
            year,
        }
    }
}

impl From<&RoleFit> for SidesJson {
    fn from(f: &RoleFit) -> Self {
        let [external, internal, both, none] = f.stakeholder_hours;
        SidesJson {
            external,
            internal,
            both,
            none,
        }
    }
}

/// A finding as JSON: `rule`, `severity`, `subjects`, `message`, `source`.
#[derive(Serialize)]
pub struct FindingJson<'a> {
    pub rule: &'static str,
    pub severity: &'static str,
    pub subjects: &'a [String],
    pub message: &'a str,
    pub source: &'static str,
}

impl<'a> From<&'a Finding> for FindingJson<'a> {
    fn from(f: &'a Finding) -> Self {
        FindingJson {
            rule: f.rule.id(),
            severity: f.severity.as_str(),
            subjects: &f.subjects,
            message: &f.message,
            source: f.source(),
        }
    }
}

#[derive(Serialize)]
struct AdviceJson<'a> {
    product: &'a str,
    recommendation: &'static str,
    reasons: Vec<ReasonJson>,
    /// `{"engineers","teams"}` for a combined recommendation, else `null`.
    headroom: Option<HeadroomJson>,
}

#[derive(Serialize)]
struct HeadroomJson {
    engineers: u64,
    teams: u64,
}

#[derive(Serialize)]
struct ReasonJson {
    signal: &'static str,
    value: bool,
    source: &'static str,
}

fn advice_json(a: &Advice) -> AdviceJson<'_> {
    AdviceJson {
        product: &a.product,
        recommendation: a.recommendation.as_str(),
        reasons: a
            .reasons
            .iter()
            .map(|r| ReasonJson {
                signal: r.id(),
                value: r.value,
                source: r.source(),
            })
            .collect(),
        headroom: a.headroom.map(|h| HeadroomJson {
            engineers: h.engineers,
            teams: h.teams,
        }),
    }
}

/// One line of JSON for one checked file; `today` (the local date) decides which actions
/// are overdue.
pub fn check_json(file: &str, s: &Scenario, a: &Analysis, today: Date) -> String {
    let out = CheckJson {
        file,
        scenario: &s.name,
        people: s
            .people
            .iter()
            .zip(&a.loads.people)
            .enumerate()
            .map(|(i, (p, l))| {
                let fit = a.role_fit.get(i).copied().unwrap_or_default();
                PersonJson {
                    id: &p.id,
                    capacity_hours: l.capacity_hours,
                    strategy_hours: l.strategy_hours,
                    execution_hours: l.execution_hours,
                    other_hours: l.other_hours,
                    load_hours: l.load_hours(),
                    horizon_hours: HorizonJson::from(&fit),
                    stakeholder_hours: SidesJson::from(&fit),
                }
            })
            .collect(),
        findings: a.findings.iter().map(FindingJson::from).collect(),
        advice: a.advice.iter().map(advice_json).collect(),
        leadership_cost: a.leadership_cost,
        engineers_to_large_org: a.engineers_to_large_org,
        record: s.record.counts(today),
    };
    serde_json::to_string(&out).unwrap_or_default()
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    file: &'a str,
    error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

/// One line of JSON for a file that could not be loaded.
pub fn error_json(file: &str, e: &FileError) -> String {
    let out = ErrorJson {
        file,
        error: &e.error.message,
        line: e.error.position.map(|p| p.line),
        column: e.error.position.map(|p| p.column),
    };
    serde_json::to_string(&out).unwrap_or_default()
}

/// A plain-text table with columns padded to their widest cell; the first column is left
/// aligned, the others right aligned.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut text = String::new();
        for (i, (cell, w)) in cells.zip(&widths).enumerate() {
            let pad = w.saturating_sub(cell.chars().count());
            if i == 0 {
                text.push_str(cell);
                text.push_str(&" ".repeat(pad));
            } else {
                text.push_str("  ");
                text.push_str(&" ".repeat(pad));
                text.push_str(cell);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied());
    for row in rows {
        line(&mut row.iter().map(String::as_str));
    }
    out
}

/// The text report of one file, for people; `today` decides which actions are overdue.
pub fn check_text(file: &str, s: &Scenario, a: &Analysis, today: Date) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} ({file})", s.name);
    let _ = writeln!(out);
    let rows: Vec<Vec<String>> = s
        .people
        .iter()
        .zip(&a.loads.people)
        .map(|(p, l)| {
            let over = crate::num::gt(l.load_hours(), l.capacity_hours);
            let mut cells = person_cells(p.name.clone(), l);
            cells.push(if over { "OVER".into() } else { String::new() });
            cells
        })
        .collect();
    if rows.is_empty() {
        out.push_str("No people in this scenario.\n");
    } else {
        let mut header = PEOPLE_COLUMNS.to_vec();
        header.push("");
        out.push_str(&table(&header, &rows));
    }
    let unowned = a.loads.total_unowned_hours();
    let unassigned = a.loads.total_unassigned_hours();
    let _ = writeln!(
        out,
        "\nHours a week. Unowned: {} h. Unassigned: {} h.",
        hours(unowned),
        hours(unassigned)
    );

    for (severity, list) in by_severity(&a.findings) {
        let _ = writeln!(out, "\n{} ({})", severity.heading(), list.len());
        for f in list {
            let source = if f.source().is_empty() {
                String::new()
            } else {
                format!(" (source {})", f.source())
            };
            let _ = writeln!(out, "  [{}] {}{source}", f.rule.id(), f.message);
        }
    }

    let _ = writeln!(out, "\nAdvice");
    for advice in &a.advice {
        let name = s
            .product(&advice.product)
            .map_or(advice.product.as_str(), |p| p.name.as_str());
        let _ = writeln!(out, "  {name}: {}", advice.recommendation.label());
        for r in &advice.reasons {
            let source = if r.source().is_empty() {
                String::new()
            } else {
                format!(" ({})", r.source())
            };
            let _ = writeln!(out, "    - {}{source}", r.text());
        }
        for edge in crate::advice::edges(advice, &s.settings, a.engineers_to_large_org) {
            let _ = writeln!(out, "    {edge}.");
        }
    }
    if a.advice.is_empty() {
        let _ = writeln!(out, "  No products in this scenario.");
    }
    let _ = writeln!(
        out,
        "\nLeadership cost: {} a year",
        dollars(a.leadership_cost)
    );
    if !s.record.is_empty() {
        let _ = writeln!(out, "\nWorkshop record: {}", s.record.counts(today).words());
    }
    out
}
