//! The load engine, to the last digit (domain.md, "Load").

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use rolesplit::load::{Loads, PersonLoad};
use rolesplit::model::Column::{Pm, Po, Unassigned};
use rolesplit::model::Kind::{Execution, Strategy};
use rolesplit::model::Method::Scrum;
use rolesplit::model::Scenario;
use rolesplit::model::Scope::{Product, Team};
use rolesplit::testkit::Builder;

fn loads(s: &Scenario) -> Loads {
    rolesplit::analyze(s).loads
}

fn person<'a>(s: &Scenario, l: &'a Loads, id: &str) -> &'a PersonLoad {
    let i = s
        .people
        .iter()
        .position(|p| p.id == id)
        .expect("person exists");
    &l.people[i]
}

/// (strategy, execution, load) of a person.
fn sel(s: &Scenario, l: &Loads, id: &str) -> (f64, f64, f64) {
    let p = person(s, l, id);
    (p.strategy_hours, p.execution_hours, p.load_hours())
}

#[test]
fn the_contract_example_gives_maya_3_5_8_and_tom_0_5_5() {
    let s = rolesplit::io::open(std::path::Path::new("tests/fixtures/example.ron")).expect("loads");
    let l = loads(&s);
    assert_eq!(sel(&s, &l, "maya"), (3.0, 5.0, 8.0));
    assert_eq!(sel(&s, &l, "tom"), (0.0, 5.0, 5.0));
}

/// A product with three teams, each with its own PO, and a PM.
fn three_teams() -> Builder {
    Builder::new("three teams")
        .person("pm", 40.0)
        .person("a", 40.0)
        .person("b", 40.0)
        .person("c", 40.0)
        .team("t1", "p", 5, Scrum, Some("a"))
        .team("t2", "p", 5, Scrum, Some("b"))
        .team("t3", "p", 5, Scrum, Some("c"))
}

#[test]
fn product_scope_card_in_pm_gives_the_pm_its_hours_once() {
    let s = three_teams()
        .responsibility("vision", Strategy, Product, 6.0, &[])
        .product("p", Some("pm"), &[("vision", Pm)])
        .build();
    let l = loads(&s);
    assert_eq!(sel(&s, &l, "pm"), (6.0, 0.0, 6.0));
    assert_eq!(sel(&s, &l, "a"), (0.0, 0.0, 0.0));
}

#[test]
fn team_scope_card_in_pm_gives_the_pm_its_hours_for_every_team() {
    let s = three_teams()
        .responsibility("planning", Execution, Team, 2.0, &[])
        .product("p", Some("pm"), &[("planning", Pm)])
        .build();
    let l = loads(&s);
    assert_eq!(sel(&s, &l, "pm"), (0.0, 6.0, 6.0));
}

#[test]
fn product_scope_card_in_po_is_shared_among_the_teams_pos() {
    let s = three_teams()
        .responsibility("release", Execution, Product, 3.0, &[])
        .product("p", Some("pm"), &[("release", Po)])
        .build();
    let l = loads(&s);
    for id in ["a", "b", "c"] {
        assert_eq!(sel(&s, &l, id), (0.0, 1.0, 1.0), "{id}");
    }
    assert_eq!(sel(&s, &l, "pm"), (0.0, 0.0, 0.0));
}

#[test]
fn team_scope_card_in_po_gives_every_po_its_hours() {
    let s = three_teams()
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .product("p", Some("pm"), &[("backlog", Po)])
        .build();
    let l = loads(&s);
    for id in ["a", "b", "c"] {
        assert_eq!(sel(&s, &l, id), (0.0, 4.0, 4.0), "{id}");
    }
}

#[test]
fn unassigned_cards_count_as_unassigned_hours_of_the_product() {
    let s = three_teams()
        .responsibility("research", Strategy, Product, 5.0, &[])
        .responsibility("stories", Execution, Team, 1.0, &[])
        .product(
            "p",
            Some("pm"),
            &[("research", Unassigned), ("stories", Unassigned)],
        )
        .build();
    let l = loads(&s);
    assert_eq!(l.products[0].unassigned_hours, 8.0);
    assert_eq!(l.products[0].unowned_hours, 0.0);
    assert!(l.people.iter().all(|p| p.load_hours() == 0.0));
}

#[test]
fn a_product_without_teams_gives_po_work_to_nobody() {
    let s = Builder::new("no team")
        .person("pm", 40.0)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .responsibility("review", Execution, Product, 2.0, &[])
        .responsibility("stories", Execution, Team, 1.5, &[])
        .product(
            "p",
            Some("pm"),
            &[
                ("vision", Pm),
                ("backlog", Pm),
                ("review", Po),
                ("stories", Unassigned),
            ],
        )
        .build();
    let l = loads(&s);
    // Team scope in PM with no team counts once (max(n, 1)).
    assert_eq!(sel(&s, &l, "pm"), (3.0, 4.0, 7.0));
    assert_eq!(l.products[0].unowned_hours, 2.0);
    assert_eq!(l.products[0].unassigned_hours, 1.5);
}

#[test]
fn a_product_with_one_team_gives_its_po_the_whole_card() {
    let s = Builder::new("one team")
        .person("pm", 40.0)
        .person("po", 40.0)
        .responsibility("review", Execution, Product, 2.5, &[])
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .responsibility("roadmap", Strategy, Team, 1.0, &[])
        .product(
            "p",
            Some("pm"),
            &[("review", Po), ("backlog", Po), ("roadmap", Pm)],
        )
        .team("t", "p", 6, Scrum, Some("po"))
        .build();
    let l = loads(&s);
    assert_eq!(sel(&s, &l, "po"), (0.0, 6.5, 6.5));
    assert_eq!(sel(&s, &l, "pm"), (1.0, 0.0, 1.0));
}

#[test]
fn a_po_of_two_of_three_teams_gets_k_shares_computed_once() {
    let s = Builder::new("two of three")
        .person("pm", 40.0)
        .person("a", 40.0)
        .person("b", 40.0)
        .responsibility("release", Execution, Product, 1.0, &[])
        .responsibility("backlog", Strategy, Team, 2.0, &[])
        .product("p", Some("pm"), &[("release", Po), ("backlog", Po)])
        .team("t1", "p", 5, Scrum, Some("a"))
        .team("t2", "p", 5, Scrum, Some("b"))
        .team("t3", "p", 5, Scrum, Some("a"))
        .build();
    let l = loads(&s);
    assert_eq!(
        sel(&s, &l, "a"),
        (4.0, 1.0 * 2.0 / 3.0, 4.0 + 1.0 * 2.0 / 3.0)
    );
    assert_eq!(sel(&s, &l, "b"), (2.0, 1.0 / 3.0, 2.0 + 1.0 / 3.0));
    assert_eq!(
        person(&s, &l, "a").execution_hours.to_bits(),
        (2.0f64 / 3.0).to_bits()
    );
}

#[test]
fn a_card_override_replaces_the_responsibility_hours() {
    let s = three_teams()
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .responsibility("vision", Strategy, Product, 3.0, &[])
        .product("p", Some("pm"), &[("backlog", Po), ("vision", Pm)])
        .card_hours("backlog", 5.0)
        .card_hours("vision", 0.5)
        .build();
    let l = loads(&s);
    assert_eq!(sel(&s, &l, "a"), (0.0, 5.0, 5.0));
    assert_eq!(sel(&s, &l, "pm"), (0.5, 0.0, 0.5));
    assert_eq!(l.products[0].cards[0].hours, 5.0);
}

#[test]
fn work_on_empty_seats_is_unowned() {
    let s = Builder::new("empty seats")
        .person("a", 40.0)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        .responsibility("planning", Execution, Team, 2.0, &[])
        .responsibility("release", Execution, Product, 4.0, &[])
        .responsibility("backlog", Execution, Team, 3.0, &[])
        .product(
            "p",
            None,
            &[
                ("vision", Pm),
                ("planning", Pm),
                ("release", Po),
                ("backlog", Po),
            ],
        )
        .team("t1", "p", 5, Scrum, Some("a"))
        .team("t2", "p", 5, Scrum, None)
        .build();
    let l = loads(&s);
    let cards = &l.products[0].cards;
    assert_eq!(cards[0].unowned_hours, 3.0, "empty PM seat, Product scope");
    assert_eq!(
        cards[1].unowned_hours, 4.0,
        "empty PM seat, Team scope × 2 teams"
    );
    assert_eq!(
        cards[2].unowned_hours, 2.0,
        "one empty PO seat of two, Product scope"
    );
    assert_eq!(
        cards[3].unowned_hours, 3.0,
        "one empty PO seat of two, Team scope"
    );
    assert_eq!(l.products[0].unowned_hours, 12.0);
    assert_eq!(sel(&s, &l, "a"), (0.0, 5.0, 5.0));
}

#[test]
fn other_duties_add_to_the_load_but_not_to_strategy_or_execution() {
    let s = Builder::new("other duties")
        .person("lee", 40.0)
        .other_hours(10.0)
        .responsibility("vision", Strategy, Product, 22.0, &[])
        .responsibility("backlog", Execution, Team, 14.0, &[])
        .product("p", Some("lee"), &[("vision", Pm), ("backlog", Po)])
        .team("t", "p", 5, Scrum, Some("lee"))
        .build();
    let l = loads(&s);
    let lee = person(&s, &l, "lee");
    assert_eq!(
        (lee.strategy_hours, lee.execution_hours, lee.other_hours),
        (22.0, 14.0, 10.0)
    );
    assert_eq!(lee.load_hours(), 46.0);
    assert_eq!(lee.utilisation(), Some(46.0 / 40.0));
}

#[test]
fn a_po_of_all_seven_teams_gets_a_shared_card_back_whole() {
    let mut b = Builder::new("seven").person("pm", 40.0).person("po", 13.0);
    for t in 0..7 {
        b = b.team(&format!("t{t}"), "p", 1, Scrum, Some("po"));
    }
    let s = b
        .responsibility("release", Execution, Product, 13.0, &[])
        .product("p", Some("pm"), &[("release", Po)])
        .build();
    let l = loads(&s);
    assert_eq!(person(&s, &l, "po").execution_hours, 13.0);
}

#[test]
fn zero_capacity_has_no_utilisation() {
    let s = Builder::new("zero").person("z", 0.0).build();
    assert_eq!(loads(&s).people[0].utilisation(), None);
}

#[test]
fn hours_are_summed_in_file_order_across_products() {
    // 0.1 + 0.2 + 0.3 in that order differs from other orders in the last bit.
    let s = Builder::new("order")
        .person("pm", 40.0)
        .responsibility("a", Strategy, Product, 0.1, &[])
        .responsibility("b", Strategy, Product, 0.2, &[])
        .responsibility("c", Strategy, Product, 0.3, &[])
        .product("p1", Some("pm"), &[("a", Pm), ("b", Pm)])
        .product("p2", Some("pm"), &[("c", Pm)])
        .build();
    let l = loads(&s);
    assert_eq!(
        person(&s, &l, "pm").strategy_hours.to_bits(),
        ((0.1f64 + 0.2) + 0.3).to_bits()
    );
}
