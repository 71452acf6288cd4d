#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use super::*;
use crate::model::Column::{Pm, Po, Unassigned};
use crate::model::Kind::{Execution, Strategy};
use crate::model::Method::Scrum;
use crate::model::Scope::{Product, Team};
use crate::testkit::Builder;

/// Pat is PM of shop, Olga PO of its one team; vision in PM, backlog in PO.
fn base() -> Builder {
    Builder::new("base")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .responsibility("research", Strategy, Product, 2.0, &[])
        .product("shop", Some("pat"), &[("vision", Pm), ("backlog", Po)])
        .team("squad", "shop", 6, Scrum, Some("olga"))
}

#[test]
fn a_scenario_compared_with_itself_has_no_changes() {
    let s = base().build();
    let d = diff(&s, &s);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(d.cost, [272_000.0, 272_000.0]);
}

#[test]
fn load_within_the_tolerance_is_not_a_change() {
    let a = base().build();
    let mut b = a.clone();
    // A difference within domain.md's tolerance (1e-9) is no difference.
    b.products[0].cards[0].hours = Some(3.0 + 1e-12);
    let d = diff(&a, &b);
    assert!(d.load.is_empty(), "{:?}", d.load);
    b.products[0].cards[0].hours = Some(3.1);
    let d = diff(&a, &b);
    assert_eq!(d.load.len(), 1);
    assert_eq!(d.load[0].id, "pat");
}

#[test]
fn cards_of_a_product_only_in_one_scenario_are_not_listed_as_cards() {
    let a = base().build();
    let b = base()
        .product("app", Some("pat"), &[("research", Unassigned)])
        .build();
    let d = diff(&a, &b);
    assert_eq!(d.products_added, ["app"]);
    assert!(d.added_cards.is_empty(), "{:?}", d.added_cards);
    assert!(d.seats.is_empty(), "{:?}", d.seats);
}

#[test]
fn moved_added_and_removed_cards_come_in_file_order() {
    let a = base().build();
    let mut b = a.clone();
    let cards = &mut b.products[0].cards;
    cards.retain(|c| c.responsibility != "vision");
    cards[0].column = Unassigned;
    cards.push(crate::model::Card::new("research", Pm));
    let d = diff(&a, &b);
    assert_eq!(
        d.moved_cards,
        [CardMove {
            product: "shop".into(),
            responsibility: "backlog".into(),
            from: Po,
            to: Unassigned,
        }]
    );
    assert_eq!(d.removed_cards.len(), 1);
    assert_eq!(d.removed_cards[0].responsibility, "vision");
    assert_eq!(d.removed_cards[0].column, Pm);
    assert_eq!(d.added_cards.len(), 1);
    assert_eq!(d.added_cards[0].responsibility, "research");
}

#[test]
fn pm_seats_come_before_po_seats_and_an_empty_seat_is_none() {
    let a = base().build();
    let mut b = a.clone();
    b.teams[0].po = None;
    b.products[0].pm = Some("olga".into());
    let d = diff(&a, &b);
    assert_eq!(
        d.seats,
        [
            SeatChange {
                seat: Seat::Pm {
                    product: "shop".into()
                },
                from: Some("pat".into()),
                to: Some("olga".into()),
            },
            SeatChange {
                seat: Seat::Po {
                    team: "squad".into()
                },
                from: Some("olga".into()),
                to: None,
            },
        ]
    );
}

#[test]
fn findings_are_matched_by_rule_and_subjects() {
    let a = base().build();
    let mut b = a.clone();
    // Olga leaves the PO seat empty: the Scrum team has no PO (error) and its backlog is
    // unowned (warning); pat is unchanged.
    b.teams[0].po = None;
    let d = diff(&a, &b);
    let gained: Vec<&str> = d.findings_gained.iter().map(|f| f.rule.id()).collect();
    assert_eq!(gained, ["scrum-team-without-po", "unowned-work"]);
    assert!(d.findings_lost.is_empty());
    let d = diff(&b, &a);
    let lost: Vec<&str> = d.findings_lost.iter().map(|f| f.rule.id()).collect();
    assert_eq!(lost, ["scrum-team-without-po", "unowned-work"]);
}

#[test]
fn a_large_diff_is_fast_enough_to_run_on_every_edit() {
    let a = crate::synth::generate(crate::synth::Size::LARGE, 42);
    let mut b = a.clone();
    b.products.reverse();
    b.people.retain(|p| !p.id.ends_with('7'));
    let (aa, ab) = (analyze(&a), analyze(&b));
    let started = std::time::Instant::now();
    let d = diff_analyzed(&a, &aa, &b, &ab);
    let elapsed = started.elapsed();
    assert!(!d.people_removed.is_empty());
    // Generous for a debug build on a shared machine; a quadratic scan takes minutes.
    assert!(elapsed.as_secs() < 5, "{elapsed:?}");
}
