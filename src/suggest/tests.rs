//! The quick evaluation agrees with applying the edits and analysing the result.

use super::context::{Cand, Context};
use super::search::{RankKey, candidates, rank};
use super::*;
use crate::model::Column::{Pm, Po, Unassigned};
use crate::model::Kind::{Execution, Strategy};
use crate::model::Method::{Kanban, Scrum};
use crate::model::Scope::{Product, Team};
use crate::synth::{Size, generate};
use crate::testkit::Builder;

fn samples() -> Vec<Scenario> {
    let mut out: Vec<Scenario> = crate::samples::SAMPLES
        .iter()
        .map(|x| x.scenario().expect("the samples load"))
        .collect();
    for seed in 1..4 {
        out.push(generate(
            Size {
                products: 3,
                teams_per_product: 2,
                cards_per_board: 6,
            },
            seed,
        ));
    }
    out.push(
        Builder::new("kanban and an empty seat")
            .person("a", 10.0)
            .person("b", 40.0)
            .stakeholder("users", crate::model::Side::External)
            .responsibility("vision", Strategy, Product, 6.0, &["users"])
            .responsibility("backlog", Execution, Team, 4.0, &[])
            .product("p", None, &[("vision", Po), ("backlog", Unassigned)])
            .team("t1", "p", 4, Kanban, Some("a"))
            .team("t2", "p", 4, Scrum, None)
            .build(),
    );
    out
}

fn applied_outcome(ctx: &Context, changes: &[Cand]) -> (Trouble, f64) {
    let edits: Vec<Edit> = changes
        .iter()
        .map(|c| change(ctx, c).expect("a change"))
        .flat_map(|c| c.edits())
        .collect();
    let after = edit::applied(ctx.s, &Edit::Batch(edits))
        .expect("valid")
        .expect("changes something");
    let a = analyze(&after);
    (Trouble::of(&a), a.leadership_cost)
}

#[test]
fn the_quick_evaluation_agrees_with_analyze_for_every_single_edit_and_some_pairs() {
    for s in samples() {
        let a = analyze(&s);
        let ctx = Context::new(&s, &a, placeholders(&s));
        let empty = ctx.evaluate(&[]);
        assert_eq!(empty, ctx.before, "{}: no edit, no change", s.name);
        let same = |got: &super::eval::Outcome, trouble: &Trouble, cost: f64, what: &str| {
            assert_eq!(
                got.trouble.compare(trouble),
                std::cmp::Ordering::Equal,
                "{}: {what}: {:?} vs {trouble:?}",
                s.name,
                got.trouble
            );
            assert_eq!(got.trouble.errors, trouble.errors, "{}: {what}", s.name);
            assert_eq!(got.trouble.warnings, trouble.warnings, "{}: {what}", s.name);
            assert!((got.cost - cost).abs() < 1e-6, "{}: {what}", s.name);
        };
        let singles = candidates(&ctx);
        assert!(!singles.is_empty(), "{}", s.name);
        for c in &singles {
            let got = ctx.evaluate(std::slice::from_ref(c));
            let (trouble, cost) = applied_outcome(&ctx, std::slice::from_ref(c));
            same(&got, &trouble, cost, &format!("{c:?}"));
        }
        for (i, x) in singles.iter().enumerate().step_by(7) {
            for y in singles.iter().skip(i + 1).step_by(11) {
                let slot = |c: &Cand| match *c {
                    Cand::Move { product, card, .. } => (0, product, card),
                    Cand::Pm { product, .. } => (1, product, 0),
                    Cand::Po { team, .. } => (2, team, 0),
                };
                if slot(x) == slot(y) {
                    continue;
                }
                let pair = [*x, *y];
                let got = ctx.evaluate(&pair);
                let (trouble, cost) = applied_outcome(&ctx, &pair);
                same(&got, &trouble, cost, &format!("{pair:?}"));
            }
        }
    }
}

#[test]
fn placeholders_take_the_next_free_id_and_the_seat_cost() {
    let s = Builder::new("x")
        .person("hire-po-t", 40.0)
        .person("hire-po-t-2", 40.0)
        .product("p", None, &[])
        .team("t", "p", 4, Scrum, None)
        .build();
    let hires = placeholders(&s);
    let ids: Vec<&str> = hires.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["hire-pm-p", "hire-po-t-3"]);
    let first = hires.first().expect("one");
    assert_eq!(first.name, "PM to hire");
    assert_eq!(first.annual_cost, Some(159_000.0));
    assert_eq!(first.capacity_hours, 40.0);
    let second = hires.get(1).expect("two");
    assert_eq!(second.name, "PO to hire");
    assert_eq!(second.annual_cost, Some(113_000.0));
}

#[test]
fn ranking_treats_hours_within_the_tolerance_as_equal_and_then_looks_at_cost() {
    let key = |overload: f64, cost: f64, position: usize| RankKey {
        trouble: Trouble {
            errors: 0,
            overload_hours: overload,
            parked_hours: 0.0,
            warnings: 0,
        },
        cost,
        positions: vec![(0, position, 0, 0)],
    };
    let shared: f64 = (0..7).map(|_| 13.0 / 7.0).sum();
    let items = vec![key(13.0, 2.0, 0), key(shared, 1.0, 1), key(12.0, 9.0, 2)];
    let items = rank(items, |k| RankKey {
        trouble: k.trouble,
        cost: k.cost,
        positions: k.positions.clone(),
    });
    let order: Vec<usize> = items.iter().map(|k| k.positions[0].1).collect();
    assert_eq!(order, [2, 1, 0]);
}

#[test]
fn a_pinned_card_and_locked_seats_are_never_candidates() {
    let mut s = Builder::new("x")
        .person("a", 40.0)
        .person("b", 40.0)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .product("p", Some("a"), &[("vision", Pm), ("backlog", Po)])
        .team("t", "p", 4, Scrum, Some("b"))
        .build();
    s.products[0].pm_locked = true;
    s.products[0].cards[0].pinned = true;
    s.teams[0].po_locked = true;
    let a = analyze(&s);
    let ctx = Context::new(&s, &a, placeholders(&s));
    let all = candidates(&ctx);
    assert_eq!(
        all,
        [
            Cand::Move {
                product: 0,
                card: 1,
                to: Pm
            },
            Cand::Move {
                product: 0,
                card: 1,
                to: Unassigned
            }
        ]
    );
}

#[test]
fn file_position_puts_a_products_pm_seat_before_its_cards_and_products_before_teams() {
    let s = Builder::new("x")
        .person("a", 40.0)
        .person("b", 40.0)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .product("p", Some("a"), &[("vision", Pm), ("backlog", Po)])
        .product("q", None, &[])
        .team("t", "p", 4, Scrum, Some("b"))
        .build();
    let a = analyze(&s);
    let ctx = Context::new(&s, &a, placeholders(&s));
    let hire_pm = ctx.hire_index(super::context::Seat::Pm(0));
    let in_order = [
        Cand::Pm {
            product: 0,
            person: 1,
        },
        Cand::Pm {
            product: 0,
            person: hire_pm,
        },
        Cand::Move {
            product: 0,
            card: 0,
            to: Po,
        },
        Cand::Move {
            product: 0,
            card: 0,
            to: Unassigned,
        },
        Cand::Move {
            product: 0,
            card: 1,
            to: Pm,
        },
        Cand::Pm {
            product: 1,
            person: 0,
        },
        Cand::Po { team: 0, person: 0 },
    ];
    let positions: Vec<_> = in_order
        .iter()
        .map(|c| super::search::position(&ctx, c))
        .collect();
    let mut sorted = positions.clone();
    sorted.sort();
    assert_eq!(positions, sorted);
    assert_eq!(
        candidates(&ctx).first(),
        in_order.first(),
        "generated in order"
    );
}
