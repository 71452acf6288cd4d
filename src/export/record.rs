//! The workshop record, the agreed split and the open findings as plain-text tables, which
//! the Markdown and HTML exports and the minutes escape and lay out.

use crate::analysis::Analysis;
use crate::model::{Column, Scenario};
use crate::num::hours;
use crate::record::Date;

/// A table of plain text, not yet escaped.
pub(super) struct Table {
    pub columns: &'static [&'static str],
    /// The columns that hold numbers (aligned right).
    pub right: &'static [usize],
    pub rows: Vec<Vec<String>>,
}

/// The heading of the decisions that are about no product.
const NO_PRODUCT: &str = "Not about one product";

/// The decisions by product (products in file order, then those about no product), each
/// group by date (a day's decisions in the order they were recorded). Only groups with
/// decisions.
pub(super) fn decisions(s: &Scenario) -> Vec<(String, Table)> {
    let group = |product: Option<&str>| {
        let mut decisions: Vec<_> = s
            .record
            .decisions
            .iter()
            .filter(|d| d.product.as_deref() == product)
            .collect();
        decisions.sort_by_key(|d| d.date);
        Table {
            columns: &["Date", "Decision", "Card"],
            right: &[],
            rows: decisions
                .into_iter()
                .map(|d| {
                    let card = d.responsibility.as_deref().map_or("", |r| s.name_of(r));
                    vec![d.date.to_string(), d.text.clone(), card.to_string()]
                })
                .collect(),
        }
    };
    s.products
        .iter()
        .map(|p| (p.name.clone(), group(Some(&p.id))))
        .chain([(NO_PRODUCT.to_string(), group(None))])
        .filter(|(_, table)| !table.rows.is_empty())
        .collect()
}

/// The actions in the order they were recorded: what, owner, due, done; an overdue one
/// says so in its Done cell.
pub(super) fn actions(s: &Scenario, today: Date) -> Table {
    Table {
        columns: &["What", "Owner", "Due", "Done"],
        right: &[],
        rows: s
            .record
            .actions
            .iter()
            .map(|a| {
                let done = if a.done {
                    "Yes"
                } else if a.is_overdue(today) {
                    "No (overdue)"
                } else {
                    "No"
                };
                vec![
                    a.text.clone(),
                    a.owner
                        .as_ref()
                        .map_or("nobody yet", |o| o.name(s))
                        .to_string(),
                    a.due.map_or("—".to_string(), |d| d.to_string()),
                    done.to_string(),
                ]
            })
            .collect(),
    }
}

/// "3 actions: 2 open, 1 of them overdue on 2026-12-14."
pub(super) fn actions_summary(s: &Scenario, today: Date) -> String {
    let c = s.record.counts(today);
    let actions = if c.actions == 1 { "action" } else { "actions" };
    format!(
        "{} {actions}: {} open, {} of them overdue on {today}.",
        c.actions, c.open_actions, c.overdue_actions
    )
}

/// Per product one row: who holds the PM and PO seats and the hours a week in each column.
pub(super) fn split(s: &Scenario, a: &Analysis) -> Table {
    let person = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| s.person(id))
            .map(|p| p.name.as_str())
    };
    let rows = s
        .products
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let loads = a.loads.products.get(i).map(|l| l.cards.as_slice());
            let column = |column: Column| {
                let total: f64 = p
                    .cards
                    .iter()
                    .zip(loads.unwrap_or_default())
                    .filter(|(c, _)| c.column == column)
                    .map(|(_, l)| l.column_hours())
                    .sum();
                hours(total)
            };
            let pos: Vec<String> = s
                .teams_of(&p.id)
                .map(|t| format!("{} ({})", person(&t.po).unwrap_or("no PO"), t.name))
                .collect();
            vec![
                p.name.clone(),
                person(&p.pm).unwrap_or("empty").to_string(),
                if pos.is_empty() {
                    "no team".to_string()
                } else {
                    pos.join(", ")
                },
                column(Column::Pm),
                column(Column::Po),
                column(Column::Unassigned),
            ]
        })
        .collect();
    Table {
        columns: &[
            "Product",
            "PM",
            "PO (team)",
            "PM hours",
            "PO hours",
            "Unassigned hours",
        ],
        right: &[3, 4, 5],
        rows,
    }
}

/// Every finding of the analysis (still open: the scenario as it stands has it), with its
/// rule and source.
pub(super) fn open_findings(a: &Analysis) -> Table {
    Table {
        columns: &["Severity", "Finding", "Rule", "Source"],
        right: &[],
        rows: a
            .findings
            .iter()
            .map(|f| {
                let source = if f.source().is_empty() {
                    "—"
                } else {
                    f.source()
                };
                vec![
                    f.severity.label().to_string(),
                    f.message.clone(),
                    f.rule.id().to_string(),
                    source.to_string(),
                ]
            })
            .collect(),
    }
}
