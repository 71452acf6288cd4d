//! What `rolesplit suggest` prints: JSON exactly as scenario-format.md ("suggest") fixes
//! it, or text for a person at a terminal.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::Scenario;
use crate::num::{dollars, hours};

use super::{Change, Proposal, Suggestions, Trouble};

#[derive(Serialize)]
struct SuggestJson<'a> {
    file: &'a str,
    proposals: Vec<ProposalJson<'a>>,
}

#[derive(Serialize)]
struct ProposalJson<'a> {
    edits: Vec<EditJson<'a>>,
    errors: [usize; 2],
    overload_hours: [f64; 2],
    parked_hours: [f64; 2],
    warnings: [usize; 2],
    cost: [f64; 2],
    findings_cleared: Vec<FindingJson<'a>>,
    findings_raised: Vec<FindingJson<'a>>,
    load: Vec<LoadJson<'a>>,
}

#[derive(Serialize)]
#[serde(tag = "edit", rename_all = "kebab-case")]
enum EditJson<'a> {
    MoveCard {
        product: &'a str,
        responsibility: &'a str,
        to: &'static str,
    },
    SetPm {
        product: &'a str,
        person: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        new_person: Option<NewPersonJson<'a>>,
    },
    SetPo {
        team: &'a str,
        person: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        new_person: Option<NewPersonJson<'a>>,
    },
}

#[derive(Serialize)]
struct NewPersonJson<'a> {
    name: &'a str,
    annual_cost: Option<f64>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'static str,
    subjects: &'a [String],
}

#[derive(Serialize)]
struct LoadJson<'a> {
    id: &'a str,
    before: Option<f64>,
    after: f64,
}

fn new_person(c: &Change) -> Option<NewPersonJson<'_>> {
    c.hire().map(|h| NewPersonJson {
        name: &h.name,
        annual_cost: h.annual_cost,
    })
}

fn finding_json(f: &crate::findings::Finding) -> FindingJson<'_> {
    FindingJson {
        rule: f.rule.id(),
        subjects: &f.subjects,
    }
}

fn edit_json(c: &Change) -> EditJson<'_> {
    match c {
        Change::MoveCard {
            product,
            responsibility,
            to,
            ..
        } => EditJson::MoveCard {
            product,
            responsibility,
            to: to.as_str(),
        },
        Change::SetPm {
            product, person, ..
        } => EditJson::SetPm {
            product,
            person,
            new_person: new_person(c),
        },
        Change::SetPo { team, person, .. } => EditJson::SetPo {
            team,
            person,
            new_person: new_person(c),
        },
    }
}

fn proposal_json(p: &Proposal) -> ProposalJson<'_> {
    let (b, a) = (&p.trouble_before, &p.trouble_after);
    ProposalJson {
        edits: p.changes.iter().map(edit_json).collect(),
        errors: [b.errors, a.errors],
        overload_hours: [b.overload_hours, a.overload_hours],
        parked_hours: [b.parked_hours, a.parked_hours],
        warnings: [b.warnings, a.warnings],
        cost: [p.cost_before, p.cost_after],
        findings_cleared: p.findings_cleared.iter().map(finding_json).collect(),
        findings_raised: p.findings_raised.iter().map(finding_json).collect(),
        load: p
            .load
            .iter()
            .map(|l| LoadJson {
                id: &l.id,
                before: l.before,
                after: l.after,
            })
            .collect(),
    }
}

/// One line of JSON (without the line break): the file's proposals, best first.
pub fn json(file: &str, suggestions: &Suggestions) -> String {
    let out = SuggestJson {
        file,
        proposals: suggestions.proposals.iter().map(proposal_json).collect(),
    };
    serde_json::to_string(&out).unwrap_or_default()
}

/// The trouble in words: "2 errors, 3.5 h over capacity, 4.0 h parked or unowned, 1 warning".
pub fn trouble_text(t: &Trouble) -> String {
    format!(
        "{}, {} h over capacity, {} h parked or unowned, {}",
        crate::num::counted(t.errors, "error", "errors"),
        hours(t.overload_hours),
        hours(t.parked_hours),
        crate::num::counted(t.warnings, "warning", "warnings")
    )
}

/// The proposals as text for a terminal.
pub fn text(file: &str, s: &Scenario, suggestions: &Suggestions) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{file}: {}", s.name);
    if suggestions.trouble.is_zero() {
        let _ = writeln!(
            out,
            "No trouble to fix: no errors, nobody over capacity, no parked or unowned hours, no warnings."
        );
        return out;
    }
    let _ = writeln!(
        out,
        "Trouble now: {}; leadership cost {} a year.",
        trouble_text(&suggestions.trouble),
        dollars(suggestions.cost)
    );
    if suggestions.proposals.is_empty() {
        let _ = writeln!(
            out,
            "\nNo set of up to three edits lowers the trouble (pinned cards and locked seats stay as they are)."
        );
        return out;
    }
    for (i, p) in suggestions.proposals.iter().enumerate() {
        let _ = writeln!(out);
        proposal_text(&mut out, i + 1, s, p);
    }
    out
}

fn proposal_text(out: &mut String, number: usize, s: &Scenario, p: &Proposal) {
    let indent = " ".repeat(number.to_string().len() + 2);
    for (i, c) in p.changes.iter().enumerate() {
        let lead = if i == 0 {
            format!("{number}. ")
        } else {
            indent.clone()
        };
        let mut line = c.describe(s);
        if let Some(h) = c.hire() {
            let cost = h.annual_cost.map(dollars).unwrap_or_default();
            let _ = write!(
                line,
                ", {} h a week, {cost} a year",
                hours(h.capacity_hours)
            );
        }
        let _ = writeln!(out, "{lead}{line}");
    }
    let (b, a) = (&p.trouble_before, &p.trouble_after);
    let _ = writeln!(
        out,
        "{indent}Trouble: errors {} → {}, over capacity {} h → {} h, parked or unowned {} h → {} h, warnings {} → {}",
        b.errors,
        a.errors,
        hours(b.overload_hours),
        hours(a.overload_hours),
        hours(b.parked_hours),
        hours(a.parked_hours),
        b.warnings,
        a.warnings
    );
    let _ = writeln!(
        out,
        "{indent}Leadership cost: {} → {} a year",
        dollars(p.cost_before),
        dollars(p.cost_after)
    );
    for (label, findings) in [
        ("Clears", &p.findings_cleared),
        ("Raises", &p.findings_raised),
    ] {
        for f in findings {
            let _ = writeln!(
                out,
                "{indent}{label} ({}): [{}] {}",
                f.severity.as_str(),
                f.rule.id(),
                f.message
            );
        }
    }
    let loads: Vec<String> = p
        .load
        .iter()
        .map(|l| {
            let after = format!("{} h of {} h", hours(l.after), hours(l.capacity_hours));
            match l.before {
                Some(h) => format!("{} {} h → {after}", l.name, hours(h)),
                None => format!("{} (new) {after}", l.name),
            }
        })
        .collect();
    if !loads.is_empty() {
        let _ = writeln!(out, "{indent}Load: {}", loads.join("; "));
    }
}
