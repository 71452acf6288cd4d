//! Advice per product, step by step as domain.md decides it, and leadership cost.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use rolesplit::advice::{Advice, Recommendation};
use rolesplit::checklist::Question;
use rolesplit::model::Column::{Pm, Po};
use rolesplit::model::Kind::{Execution, Strategy};
use rolesplit::model::Market::{Evolving, Stable};
use rolesplit::model::Method::{Kanban, Scrum};
use rolesplit::model::Scope::{Product, Team};
use rolesplit::model::{CostRegion, Scenario};
use rolesplit::testkit::Builder;

fn advice(s: &Scenario, product: &str) -> Advice {
    rolesplit::analyze(s)
        .advice
        .into_iter()
        .find(|a| a.product == product)
        .expect("advice for the product")
}

/// (recommendation, [(signal, value, source)])
fn decided(a: &Advice) -> (&'static str, Vec<(&'static str, bool, &'static str)>) {
    (
        a.recommendation.as_str(),
        a.reasons
            .iter()
            .map(|r| (r.id(), r.value, r.source()))
            .collect(),
    )
}

/// One Scrum team of 8 engineers; PM and PO seats as given.
fn small(pm: Option<&str>, po: Option<&str>) -> Builder {
    Builder::new("small")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .product("p", pm, &[])
        .team("t", "p", 8, Scrum, po)
}

#[test]
fn one_small_scrum_team_with_both_seats_filled_is_combined() {
    let s = small(Some("pat"), Some("olga")).build();
    assert_eq!(
        decided(&advice(&s, "p")),
        (
            "combined",
            vec![
                ("one_team", true, "003, 004"),
                ("small_team", true, "004, 003"),
                ("single_product", true, "001, 003")
            ]
        )
    );
}

#[test]
fn combined_lists_the_combining_answers_that_are_yes() {
    let mut s = small(Some("pat"), Some("pat")).build();
    s.products[0]
        .checklist
        .set(Question::ClearPriorities, Some(true));
    s.products[0]
        .checklist
        .set(Question::ExperiencedHybrid, Some(true));
    s.products[0]
        .checklist
        .set(Question::NeedsStrategy, Some(true));
    let (rec, reasons) = decided(&advice(&s, "p"));
    assert_eq!(rec, "combined");
    let ids: Vec<&str> = reasons.iter().map(|r| r.0).collect();
    assert_eq!(
        ids,
        [
            "one_team",
            "small_team",
            "single_product",
            "experienced_hybrid",
            "clear_priorities"
        ]
    );
}

#[test]
fn two_hundred_engineers_means_split() {
    let s = small(Some("pat"), Some("olga"))
        .product("big", None, &[])
        .team("huge", "big", 192, Kanban, None)
        .build();
    assert_eq!(
        decided(&advice(&s, "p")),
        ("split", vec![("large_org", true, "004")])
    );
}

#[test]
fn several_teams_mean_split() {
    let s = small(Some("pat"), Some("olga"))
        .team("t2", "p", 1, Scrum, Some("olga"))
        .build();
    assert_eq!(
        decided(&advice(&s, "p")),
        ("split", vec![("one_team", false, "003, 004")])
    );
}

#[test]
fn a_large_team_means_split() {
    let s = Builder::new("x")
        .person("pat", 40.0)
        .product("p", Some("pat"), &[])
        .team("t", "p", 11, Scrum, Some("pat"))
        .build();
    assert_eq!(
        decided(&advice(&s, "p")),
        ("split", vec![("small_team", false, "004, 003")])
    );
}

#[test]
fn a_pm_over_several_products_means_split() {
    let s = small(Some("pat"), Some("olga"))
        .product("q", Some("pat"), &[])
        .build();
    assert_eq!(
        decided(&advice(&s, "p")),
        ("split", vec![("single_product", false, "001, 003")])
    );
}

#[test]
fn strain_means_split() {
    // Pat, the PM, is strategy-starved: 2 h strategy, 6 h execution.
    let s = small(Some("pat"), Some("olga"))
        .responsibility("vision", Strategy, Product, 2.0, &[])
        .responsibility("planning", Execution, Product, 6.0, &[])
        .build();
    let mut s = s;
    s.products[0].cards = vec![
        rolesplit::model::Card::new("vision", Pm),
        rolesplit::model::Card::new("planning", Pm),
    ];
    assert_eq!(
        decided(&advice(&s, "p")),
        ("split", vec![("strain", true, "003")])
    );
}

#[test]
fn strain_of_a_po_counts_too() {
    let s = Builder::new("x")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .responsibility("vision", Strategy, Product, 25.0, &[])
        .responsibility("backlog", Execution, Team, 20.0, &[])
        .product("p", Some("pat"), &[("vision", Po), ("backlog", Po)])
        .team("t", "p", 8, Scrum, Some("olga"))
        .build();
    assert_eq!(
        advice(&s, "p").recommendation,
        Recommendation::Split,
        "olga has hybrid-overload"
    );
}

#[test]
fn a_no_to_experienced_hybrid_means_split() {
    let mut s = small(Some("pat"), Some("olga")).build();
    s.products[0]
        .checklist
        .set(Question::ExperiencedHybrid, Some(false));
    assert_eq!(
        decided(&advice(&s, "p")),
        ("split", vec![("experienced_hybrid", false, "003")])
    );
}

#[test]
fn split_lists_every_signal_that_decided_it_in_table_order() {
    let mut s = Builder::new("x")
        .person("pat", 40.0)
        .product("p", Some("pat"), &[])
        .product("q", Some("pat"), &[])
        .team("t1", "p", 150, Scrum, Some("pat"))
        .team("t2", "p", 60, Scrum, Some("pat"))
        .build();
    s.products[0]
        .checklist
        .set(Question::ExperiencedHybrid, Some(false));
    let ids: Vec<&str> = decided(&advice(&s, "p")).1.iter().map(|r| r.0).collect();
    assert_eq!(
        ids,
        [
            "one_team",
            "small_team",
            "single_product",
            "large_org",
            "experienced_hybrid"
        ]
    );
}

#[test]
fn only_the_pm_seat_empty_means_pm_first() {
    let s = small(None, Some("olga")).build();
    assert_eq!(
        decided(&advice(&s, "p")),
        ("pm-first", vec![("pm_seat_empty", true, "")])
    );
}

#[test]
fn only_the_po_seat_empty_means_po_first() {
    let s = small(Some("pat"), None).build();
    assert_eq!(
        decided(&advice(&s, "p")),
        ("po-first", vec![("po_seat_empty", true, "")])
    );
}

#[test]
fn a_kanban_team_needs_no_po_seat() {
    let s = Builder::new("x")
        .product("p", None, &[])
        .team("k", "p", 5, Kanban, None)
        .build();
    assert_eq!(
        decided(&advice(&s, "p")),
        ("pm-first", vec![("pm_seat_empty", true, "")])
    );
}

#[test]
fn both_seats_empty_in_a_stable_scrum_product_means_po_first() {
    let s = small(None, None).market(Stable).build();
    assert_eq!(
        decided(&advice(&s, "p")),
        (
            "po-first",
            vec![
                ("scrum", true, "000, 001"),
                ("stable_market", true, "001"),
                ("pm_seat_empty", true, ""),
                ("po_seat_empty", true, "")
            ]
        )
    );
}

#[test]
fn both_seats_empty_with_a_tie_means_pm_first() {
    // PM side: evolving market (1). PO side: Scrum (1).
    let s = small(None, None).market(Evolving).build();
    assert_eq!(
        decided(&advice(&s, "p")),
        (
            "pm-first",
            vec![
                ("scrum", true, "000, 001"),
                ("evolving_market", true, "001"),
                ("pm_seat_empty", true, ""),
                ("po_seat_empty", true, "")
            ]
        )
    );
}

#[test]
fn both_seats_empty_counts_the_answers_on_each_side() {
    let mut s = small(None, None).market(Stable).build();
    let checklist = &mut s.products[0].checklist;
    checklist.set(Question::NeedsStrategy, Some(true));
    checklist.set(Question::MarketResearch, Some(true));
    checklist.set(Question::ManyDepartments, Some(false));
    checklist.set(Question::ExperiencedHybrid, Some(true));
    // PM: 2 answers; PO: Scrum + stable = 2: a tie.
    let (rec, reasons) = decided(&advice(&s, "p"));
    assert_eq!(rec, "pm-first");
    let ids: Vec<&str> = reasons.iter().map(|r| r.0).collect();
    assert_eq!(
        ids,
        [
            "scrum",
            "stable_market",
            "pm_seat_empty",
            "po_seat_empty",
            "needs_strategy",
            "market_research"
        ]
    );
    s.products[0]
        .checklist
        .set(Question::ClearVision, Some(true));
    assert_eq!(
        advice(&s, "p").recommendation,
        Recommendation::PoFirst,
        "PO side now has 3"
    );
}

fn costs(region: CostRegion) -> Scenario {
    let mut s = Builder::new("cost")
        .person("pm", 40.0)
        .person("po", 40.0)
        .person("both", 40.0)
        .person("paid", 40.0)
        .cost(100_000.0)
        .person("idle", 40.0)
        .cost(500_000.0)
        .product("a", Some("pm"), &[])
        .product("b", Some("both"), &[])
        .team("t1", "a", 5, Scrum, Some("po"))
        .team("t2", "b", 5, Scrum, Some("both"))
        .team("t3", "b", 5, Scrum, Some("paid"))
        .build();
    s.settings.cost_region = region;
    s
}

#[test]
fn leadership_cost_uses_each_persons_cost_or_the_default_of_their_seat() {
    let a = rolesplit::analyze(&costs(CostRegion::Us));
    assert_eq!(
        a.person_costs,
        vec![
            Some(159_000.0),
            Some(113_000.0),
            Some(159_000.0),
            Some(100_000.0),
            None
        ]
    );
    assert_eq!(a.leadership_cost, 531_000.0);
}

#[test]
fn latin_american_defaults_come_from_the_cost_region() {
    let a = rolesplit::analyze(&costs(CostRegion::LatinAmerica));
    assert_eq!(
        a.person_costs,
        vec![
            Some(48_000.0),
            Some(34_113.0),
            Some(48_000.0),
            Some(100_000.0),
            None
        ]
    );
    assert_eq!(a.leadership_cost, 230_113.0);
}

#[test]
fn a_combined_product_says_how_many_engineers_and_teams_make_it_split() {
    // One team of 8 engineers, the limit 10: 3 more engineers make 11 (split); one more
    // team makes two.
    let s = small(Some("pat"), Some("olga")).build();
    let a = advice(&s, "p");
    assert_eq!(a.recommendation, Recommendation::Combined);
    assert_eq!(
        a.headroom,
        Some(rolesplit::advice::Headroom {
            engineers: 3,
            teams: 1
        })
    );
    // At the limit, one engineer more tips it.
    let mut at = s.clone();
    at.teams[0].engineers = 10;
    let h = advice(&at, "p").headroom.expect("still combined at 10");
    assert_eq!((h.engineers, h.teams), (1, 1));
    // Adding the headroom's engineers really flips it.
    at.teams[0].engineers = 11;
    assert_eq!(advice(&at, "p").recommendation, Recommendation::Split);
}

#[test]
fn a_product_without_a_team_needs_two_teams_to_leave_one_team() {
    let s = Builder::new("x")
        .person("pat", 40.0)
        .product("p", Some("pat"), &[])
        .build();
    let a = advice(&s, "p");
    assert_eq!(a.recommendation, Recommendation::Combined);
    let h = a.headroom.expect("combined");
    assert_eq!((h.engineers, h.teams), (11, 2));
}

#[test]
fn headroom_is_null_for_every_other_recommendation() {
    let split = small(Some("pat"), Some("olga"))
        .team("t2", "p", 1, Scrum, Some("olga"))
        .build();
    assert_eq!(advice(&split, "p").headroom, None, "split");
    let pm_first = small(None, Some("olga")).build();
    let a = advice(&pm_first, "p");
    assert_eq!(
        (a.recommendation, a.headroom),
        (Recommendation::PmFirst, None)
    );
    let po_first = small(Some("pat"), None).build();
    let a = advice(&po_first, "p");
    assert_eq!(
        (a.recommendation, a.headroom),
        (Recommendation::PoFirst, None)
    );
}

#[test]
fn engineers_to_large_org_counts_down_and_is_null_at_and_above_the_threshold() {
    let with_total = |total: u32| {
        let s = small(Some("pat"), Some("olga"))
            .product("big", None, &[])
            .team("huge", "big", total - 8, Kanban, None)
            .build();
        rolesplit::analyze(&s).engineers_to_large_org
    };
    assert_eq!(with_total(174), Some(26));
    assert_eq!(with_total(199), Some(1));
    assert_eq!(with_total(200), None, "at the threshold");
    assert_eq!(with_total(250), None, "above it");
    let mut s = small(Some("pat"), Some("olga")).build();
    s.settings.split_engineers = 0;
    assert_eq!(rolesplit::analyze(&s).engineers_to_large_org, None);
}

#[test]
fn the_edges_are_said_in_words_the_closer_first() {
    use rolesplit::advice::edges;
    // 7 engineers of 10: 4 more tip the product; the organisation is 26 from 200.
    let s = small(Some("pat"), Some("olga"))
        .product("big", None, &[])
        .team("huge", "big", 167, Kanban, None)
        .build();
    let mut s = s;
    s.teams[0].engineers = 7;
    let a = rolesplit::analyze(&s);
    let p = &a.advice[0];
    assert_eq!(a.engineers_to_large_org, Some(26));
    assert_eq!(
        edges(p, &s.settings, a.engineers_to_large_org),
        [
            "Combined holds up to 10 engineers: 4 more, or a second team, and the advice becomes split",
            "The organisation reaches 200 engineers, where the articles separate the roles, with 26 more"
        ]
    );
    // Two engineers short of 200: the organisation's edge comes first.
    s.teams[1].engineers = 191;
    let a = rolesplit::analyze(&s);
    let said = edges(&a.advice[0], &s.settings, a.engineers_to_large_org);
    assert!(
        said[0].starts_with("The organisation reaches 200 engineers"),
        "{said:?}"
    );
    assert!(said[0].ends_with("with 2 more"), "{said:?}");
    // A split product has no edge left to cross.
    let split = &a.advice[1];
    assert_eq!(split.recommendation, Recommendation::Split);
    assert!(edges(split, &s.settings, a.engineers_to_large_org).is_empty());
}
