//! The quality bar: for small scenarios the first proposal is never worse than the best
//! single edit over all people and placeholders, found here by brute force.

use std::cmp::Ordering;

use rolesplit::analysis::analyze;
use rolesplit::edit::{self, Edit, Place};
use rolesplit::model::{Column, Person, Scenario};
use rolesplit::suggest::Trouble;
use rolesplit::synth::{Size, generate};

use super::{applied, example, one_move_fixes_it, proposals, sample, trouble};

/// Every single edit over all people and placeholders: moves of unpinned cards, and
/// unlocked seats given to anyone else or to the seat's placeholder.
fn all_single_edits(s: &Scenario) -> Vec<Edit> {
    let taken: std::collections::HashSet<&str> = edit::all_ids(s);
    let hire = |base: String, name: &str, cost: f64| {
        let id = std::iter::once(base.clone())
            .chain((2..).map(|n| format!("{base}-{n}")))
            .find(|id| !taken.contains(id.as_str()))
            .expect("a free id");
        Person {
            id,
            name: name.into(),
            capacity_hours: 40.0,
            other_hours: 0.0,
            annual_cost: Some(cost),
        }
    };
    let region = s.settings.cost_region;
    let mut out = Vec::new();
    for p in &s.products {
        for c in p.cards.iter().filter(|c| !c.pinned) {
            for to in Column::ALL.into_iter().filter(|&to| to != c.column) {
                out.push(Edit::MoveCard {
                    product: p.id.clone(),
                    responsibility: c.responsibility.clone(),
                    to,
                    place: Place::Keep,
                });
            }
        }
        if p.pm_locked {
            continue;
        }
        for person in s.people.iter().filter(|x| p.pm.as_deref() != Some(&x.id)) {
            out.push(Edit::SetPm {
                product: p.id.clone(),
                person: Some(person.id.clone()),
            });
        }
        let h = hire(
            format!("hire-pm-{}", p.id),
            "PM to hire",
            rolesplit::cost::default_cost(region, rolesplit::cost::SeatKind::Pm),
        );
        out.push(Edit::Batch(vec![
            Edit::AddPerson(h.clone()),
            Edit::SetPm {
                product: p.id.clone(),
                person: Some(h.id),
            },
        ]));
    }
    for t in s.teams.iter().filter(|t| !t.po_locked) {
        for person in s.people.iter().filter(|x| t.po.as_deref() != Some(&x.id)) {
            out.push(Edit::SetPo {
                team: t.id.clone(),
                person: Some(person.id.clone()),
            });
        }
        let h = hire(
            format!("hire-po-{}", t.id),
            "PO to hire",
            rolesplit::cost::default_cost(region, rolesplit::cost::SeatKind::Po),
        );
        out.push(Edit::Batch(vec![
            Edit::AddPerson(h.clone()),
            Edit::SetPo {
                team: t.id.clone(),
                person: Some(h.id),
            },
        ]));
    }
    out
}

#[test]
fn the_first_proposal_is_never_worse_than_the_best_single_edit() {
    let mut scenarios = vec![
        sample("startup"),
        sample("scaleup"),
        sample("enterprise"),
        example(),
        one_move_fixes_it(),
    ];
    for (seed, (products, teams, cards)) in
        [(1, 3, 2, 6), (2, 4, 3, 8), (3, 6, 3, 10), (7, 9, 2, 12)]
            .into_iter()
            .map(|(seed, p, t, c)| (seed, (p, t, c)))
    {
        scenarios.push(generate(
            Size {
                products,
                teams_per_product: teams,
                cards_per_board: cards,
            },
            seed,
        ));
    }
    for s in &scenarios {
        assert!(s.people.len() <= 30, "{}: a small scenario", s.name);
        let before = trouble(&analyze(s));
        let mut best: Option<Trouble> = None;
        for e in all_single_edits(s) {
            let t = trouble(&analyze(&applied(s, &e)));
            if best.is_none_or(|b| t.compare(&b) == Ordering::Less) {
                best = Some(t);
            }
        }
        let best = best.expect("some single edit");
        let all = proposals(s, 1);
        match all.first() {
            Some(first) => assert_ne!(
                first.trouble_after.compare(&best),
                Ordering::Greater,
                "{}: first {:?} is worse than the best single edit {best:?}",
                s.name,
                first.trouble_after
            ),
            None => assert_ne!(
                best.compare(&before),
                Ordering::Less,
                "{}: a single edit lowers the trouble to {best:?} but nothing is proposed",
                s.name
            ),
        }
    }
}
