//! The JSON answers of `/api/state` and `/api/results`, exactly as the HTTP contract
//! spells them (README, "The room"). Hours and owners come from the same functions as
//! `check --format json` and the CSV export, never recomputed here.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Counts, Results, Session, Snapshot, shown};
use crate::model::Column;

#[derive(Serialize)]
struct State<'a> {
    scenario: &'a str,
    product: Option<Product<'a>>,
    people: Vec<Person<'a>>,
    findings: Vec<Finding<'a>>,
    round: Option<Round<'a>>,
    vote: Option<Vote<'a>>,
}

#[derive(Serialize)]
struct Product<'a> {
    id: &'a str,
    name: &'a str,
    columns: BTreeMap<&'static str, Vec<Card<'a>>>,
}

#[derive(Serialize)]
struct Card<'a> {
    responsibility: &'a str,
    title: &'a str,
    kind: &'static str,
    hours: f64,
    owners: Vec<&'a str>,
}

#[derive(Serialize)]
struct Person<'a> {
    id: &'a str,
    name: &'a str,
    load_hours: f64,
    capacity_hours: f64,
}

#[derive(Serialize)]
struct Finding<'a> {
    severity: &'static str,
    message: &'a str,
}

#[derive(Serialize)]
struct Round<'a> {
    id: &'a str,
    product: &'a str,
    cards: &'a [String],
    open: bool,
    revealed: bool,
    /// Only after the reveal.
    #[serde(skip_serializing_if = "Option::is_none")]
    tally: Option<BTreeMap<&'a str, ColumnCounts>>,
}

/// A card's tally: `{"Pm": n, "Po": n, "Unassigned": n}`.
#[derive(Serialize)]
struct ColumnCounts {
    #[serde(rename = "Pm")]
    pm: usize,
    #[serde(rename = "Po")]
    po: usize,
    #[serde(rename = "Unassigned")]
    unassigned: usize,
}

impl From<Counts> for ColumnCounts {
    fn from(c: Counts) -> Self {
        ColumnCounts {
            pm: c.pm,
            po: c.po,
            unassigned: c.unassigned,
        }
    }
}

#[derive(Serialize)]
struct Vote<'a> {
    id: &'a str,
    options: &'a [String],
    dots: u32,
    open: bool,
}

/// `/api/state`: the shown product's board, everyone's load, the findings, the round and
/// the vote.
pub(super) fn state(snapshot: &Snapshot, session: &Session) -> String {
    let s = &*snapshot.scenario;
    let a = &*snapshot.analysis;
    let product = shown(s, session).and_then(|id| {
        let index = s.products.iter().position(|p| p.id == id)?;
        let p = s.products.get(index)?;
        let mut columns: BTreeMap<&'static str, Vec<Card>> = Column::ALL
            .iter()
            .map(|c| (c.as_str(), Vec::new()))
            .collect();
        for view in crate::export::product_cards(s, a, index, p) {
            let card = Card {
                responsibility: &view.card.responsibility,
                // `CardView::title`, with the lifetime of the scenario rather than the view.
                title: view
                    .responsibility
                    .map_or(view.card.responsibility.as_str(), |r| r.title.as_str()),
                kind: view.responsibility.map_or("", |r| r.kind.name()),
                hours: view.hours(),
                owners: view.owners(s),
            };
            columns
                .entry(view.card.column.as_str())
                .or_default()
                .push(card);
        }
        Some(Product {
            id: &p.id,
            name: &p.name,
            columns,
        })
    });
    let state = State {
        scenario: &s.name,
        product,
        people: s
            .people
            .iter()
            .zip(&a.loads.people)
            .map(|(p, l)| Person {
                id: &p.id,
                name: &p.name,
                load_hours: l.load_hours(),
                capacity_hours: l.capacity_hours,
            })
            .collect(),
        findings: a
            .findings
            .iter()
            .map(|f| Finding {
                severity: f.severity.as_str(),
                message: &f.message,
            })
            .collect(),
        round: session.round.as_ref().map(|r| Round {
            id: &r.id,
            product: &r.product,
            cards: &r.cards,
            open: r.open,
            revealed: r.revealed,
            tally: r.revealed.then(|| {
                r.tally()
                    .into_iter()
                    .map(|(card, counts)| (card, counts.into()))
                    .collect()
            }),
        }),
        vote: session.vote.as_ref().map(|v| Vote {
            id: &v.id,
            options: &v.options,
            dots: v.dots,
            open: v.open,
        }),
    };
    serde_json::to_string(&state).unwrap_or_default()
}

#[derive(Serialize)]
struct ResultsJson<'a> {
    round: Option<RoundResults<'a>>,
    vote: Option<VoteResults<'a>>,
}

#[derive(Serialize)]
struct RoundResults<'a> {
    id: &'a str,
    product: &'a str,
    ballots: usize,
    tally: BTreeMap<&'a str, ColumnCounts>,
    agreement: BTreeMap<&'a str, Option<f64>>,
}

#[derive(Serialize)]
struct VoteResults<'a> {
    dots: BTreeMap<&'a str, u64>,
    voters: usize,
}

/// `/api/results`: the round's tally and agreement, the vote's dots.
pub(super) fn results(r: &Results) -> String {
    let out = ResultsJson {
        round: r.round.as_ref().map(|r| RoundResults {
            id: &r.id,
            product: &r.product,
            ballots: r.ballots,
            tally: r
                .cards
                .iter()
                .map(|(card, counts)| (card.as_str(), (*counts).into()))
                .collect(),
            agreement: r
                .cards
                .iter()
                .map(|(card, counts)| (card.as_str(), counts.agreement()))
                .collect(),
        }),
        vote: r.vote.as_ref().map(|v| VoteResults {
            dots: v.dots.iter().map(|(o, n)| (o.as_str(), *n)).collect(),
            voters: v.voters,
        }),
    };
    serde_json::to_string(&out).unwrap_or_default()
}
