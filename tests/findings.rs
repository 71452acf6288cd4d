//! The thirteen rules of domain.md: each fires with its subjects and severity, not just
//! below its threshold, and moves with its setting.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use rolesplit::findings::{Finding, Rule, Severity};
use rolesplit::model::Column::{Pm, Po, Unassigned};
use rolesplit::model::Kind::{Execution, Strategy};
use rolesplit::model::Method::{Kanban, Other, Scrum};
use rolesplit::model::Scenario;
use rolesplit::model::Scope::{Product, Team};
use rolesplit::model::Side::{External, Internal};
use rolesplit::testkit::Builder;

fn of(s: &Scenario, rule: Rule) -> Vec<Finding> {
    rolesplit::analyze(s)
        .findings
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

fn subjects(f: &Finding) -> Vec<&str> {
    f.subjects.iter().map(String::as_str).collect()
}

/// Lee, PM and PO of one small product, with `strategy` h of vision (PM column) and
/// `execution` h of backlog (PO column), `other` h of other duties and 40 h capacity.
fn lee(strategy: f64, execution: f64, other: f64) -> Builder {
    Builder::new("lee")
        .person("lee", 40.0)
        .other_hours(other)
        .responsibility("vision", Strategy, Product, strategy, &[])
        .responsibility("backlog", Execution, Team, execution, &[])
        .product("p", Some("lee"), &[("vision", Pm), ("backlog", Po)])
        .team("t", "p", 6, Scrum, Some("lee"))
}

#[test]
fn overload_fires_above_capacity_with_the_numbers_in_its_message() {
    let f = of(&lee(22.0, 14.0, 10.0).build(), Rule::Overload);
    assert_eq!(f.len(), 1);
    assert_eq!(subjects(&f[0]), ["lee"]);
    assert_eq!(f[0].severity, Severity::Warning);
    assert_eq!(
        f[0].message,
        "Lee carries 46.0 h a week for 40.0 h of capacity: 22.0 h strategy, 14.0 h execution, 10.0 h other duties"
    );
}

#[test]
fn load_equal_to_capacity_is_no_overload() {
    assert!(of(&lee(20.0, 20.0, 0.0).build(), Rule::Overload).is_empty());
}

#[test]
fn overload_at_125_percent_is_a_warning_and_above_it_an_error() {
    let at = of(&lee(25.0, 25.0, 0.0).build(), Rule::Overload);
    assert_eq!(at[0].severity, Severity::Warning, "50 h of 40 h");
    let above = of(&lee(25.0, 25.0, 0.01).build(), Rule::Overload);
    assert_eq!(above[0].severity, Severity::Error, "50.01 h of 40 h");
}

#[test]
fn overload_with_zero_capacity_is_an_error() {
    let s = Builder::new("zero")
        .person("z", 0.0)
        .responsibility("vision", Strategy, Product, 1.0, &[])
        .product("p", Some("z"), &[("vision", Pm)])
        .build();
    let f = of(&s, Rule::Overload);
    assert_eq!(f[0].severity, Severity::Error);
}

#[test]
fn the_overload_error_ratio_setting_moves_the_error_threshold() {
    let mut s = lee(30.0, 25.0, 0.0).build();
    assert_eq!(
        of(&s, Rule::Overload)[0].severity,
        Severity::Error,
        "55 h > 50 h"
    );
    s.settings.overload_error_ratio = 1.5;
    assert_eq!(
        of(&s, Rule::Overload)[0].severity,
        Severity::Warning,
        "55 h ≤ 60 h"
    );
}

#[test]
fn hybrid_overload_fires_beside_overload_when_both_shares_are_large() {
    let s = lee(22.0, 14.0, 10.0).build();
    let f = of(&s, Rule::HybridOverload);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (subjects(&f[0]), f[0].severity),
        (vec!["lee"], Severity::Error)
    );
    assert_eq!(
        of(&s, Rule::Overload).len(),
        1,
        "reported in addition to overload"
    );
}

#[test]
fn hybrid_overload_fires_at_exactly_a_25_percent_share() {
    // 30 h strategy, 10 h execution: execution is exactly 25 % of 40 h.
    assert_eq!(
        of(&lee(30.0, 10.0, 1.0).build(), Rule::HybridOverload).len(),
        1
    );
}

#[test]
fn hybrid_overload_does_not_fire_below_the_share_or_within_capacity() {
    assert!(
        of(&lee(30.0, 9.9, 1.0).build(), Rule::HybridOverload).is_empty(),
        "24.8 % execution"
    );
    assert!(
        of(&lee(20.0, 20.0, 0.0).build(), Rule::HybridOverload).is_empty(),
        "not over capacity"
    );
    // Other duties are not part of the shares.
    assert!(of(&lee(41.0, 0.0, 20.0).build(), Rule::HybridOverload).is_empty());
}

#[test]
fn the_hybrid_min_share_setting_moves_the_threshold() {
    let mut s = lee(30.0, 10.0, 1.0).build();
    s.settings.hybrid_min_share = 0.3;
    assert!(of(&s, Rule::HybridOverload).is_empty());
    s.settings.hybrid_min_share = 0.0;
    assert_eq!(
        of(&lee(41.0, 0.0, 0.0).build(), Rule::HybridOverload).len(),
        0
    );
    let mut zero = lee(41.0, 0.0, 0.0).build();
    zero.settings.hybrid_min_share = 0.0;
    assert_eq!(
        of(&zero, Rule::HybridOverload).len(),
        1,
        "a 0 share accepts anything"
    );
}

/// A PM (only) with `strategy` h of vision and `execution` h of planning, both PM column.
fn pm_only(strategy: f64, execution: f64) -> Scenario {
    Builder::new("pm")
        .person("pat", 40.0)
        .person("po", 40.0)
        .responsibility("vision", Strategy, Product, strategy, &[])
        .responsibility("planning", Execution, Product, execution, &[])
        .product("p", Some("pat"), &[("vision", Pm), ("planning", Pm)])
        .team("t", "p", 6, Scrum, Some("po"))
        .build()
}

#[test]
fn strategy_starved_fires_at_a_ratio_of_exactly_three() {
    let f = of(&pm_only(2.0, 6.0), Rule::StrategyStarved);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (subjects(&f[0]), f[0].severity),
        (vec!["pat"], Severity::Warning)
    );
}

#[test]
fn strategy_starved_does_not_fire_below_the_ratio_or_without_strategy() {
    assert!(of(&pm_only(2.0, 5.9), Rule::StrategyStarved).is_empty());
    assert!(
        of(&pm_only(0.0, 6.0), Rule::StrategyStarved).is_empty(),
        "S = 0"
    );
}

#[test]
fn strategy_starved_needs_a_pm_seat() {
    let s = Builder::new("po")
        .person("pm", 40.0)
        .person("olga", 40.0)
        .responsibility("vision", Strategy, Product, 2.0, &[])
        .responsibility("backlog", Execution, Team, 6.0, &[])
        .product("p", Some("pm"), &[("vision", Po), ("backlog", Po)])
        .team("t", "p", 6, Scrum, Some("olga"))
        .build();
    assert!(of(&s, Rule::StrategyStarved).is_empty());
}

#[test]
fn the_starved_ratio_setting_moves_the_threshold() {
    let mut s = pm_only(2.0, 4.0);
    assert!(of(&s, Rule::StrategyStarved).is_empty());
    s.settings.starved_ratio = 2.0;
    assert_eq!(of(&s, Rule::StrategyStarved).len(), 1);
}

fn combined(engineers: &[u32]) -> Scenario {
    let mut b = Builder::new("combined")
        .person("cy", 40.0)
        .person("other", 40.0)
        .responsibility("vision", Strategy, Product, 1.0, &[])
        .product("p", Some("cy"), &[("vision", Pm)]);
    for (i, e) in engineers.iter().enumerate() {
        let po = if i == 0 { "cy" } else { "other" };
        b = b.team(&format!("t{i}"), "p", *e, Scrum, Some(po));
    }
    b.build()
}

#[test]
fn combining_for_one_team_of_ten_engineers_is_fine() {
    assert!(of(&combined(&[10]), Rule::CombinedRoleBeyondOneTeam).is_empty());
}

#[test]
fn combining_beyond_ten_engineers_or_one_team_is_flagged() {
    for teams in [&[11][..], &[3, 3]] {
        let f = of(&combined(teams), Rule::CombinedRoleBeyondOneTeam);
        assert_eq!(f.len(), 1, "{teams:?}");
        assert_eq!(
            (subjects(&f[0]), f[0].severity),
            (vec!["cy", "p"], Severity::Warning)
        );
    }
}

#[test]
fn the_combined_max_engineers_setting_moves_the_threshold() {
    let mut s = combined(&[11]);
    s.settings.combined_max_engineers = 12;
    assert!(of(&s, Rule::CombinedRoleBeyondOneTeam).is_empty());
}

#[test]
fn combined_role_needs_both_seats_on_the_same_product() {
    let s = Builder::new("x")
        .person("cy", 40.0)
        .responsibility("vision", Strategy, Product, 1.0, &[])
        .product("p", Some("cy"), &[("vision", Pm)])
        .product("q", None, &[])
        .team("t", "q", 20, Scrum, Some("cy"))
        .build();
    assert!(of(&s, Rule::CombinedRoleBeyondOneTeam).is_empty());
}

fn pm_of_two(po_somewhere: bool) -> Scenario {
    Builder::new("two")
        .person("x", 40.0)
        .person("y", 40.0)
        .product("b", Some("x"), &[])
        .product("a", Some("x"), &[])
        .team(
            "t",
            "a",
            5,
            Scrum,
            Some(if po_somewhere { "x" } else { "y" }),
        )
        .build()
}

#[test]
fn a_po_who_is_pm_of_two_products_is_flagged_with_the_products_in_file_order() {
    let f = of(&pm_of_two(true), Rule::CombinedRoleMultipleProducts);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (subjects(&f[0]), f[0].severity),
        (vec!["x", "b", "a"], Severity::Warning)
    );
}

#[test]
fn a_pm_of_two_products_without_a_po_seat_is_fine() {
    assert!(of(&pm_of_two(false), Rule::CombinedRoleMultipleProducts).is_empty());
    assert!(
        of(&combined(&[5]), Rule::CombinedRoleMultipleProducts).is_empty(),
        "PM of one"
    );
}

fn at_scale(total: u32, split: bool) -> Scenario {
    Builder::new("scale")
        .person("x", 40.0)
        .person("y", 40.0)
        .product("a", Some("x"), &[])
        .product("b", Some(if split { "y" } else { "x" }), &[])
        .team("ta", "a", total - 5, Scrum, Some("y"))
        .team("tb", "b", 5, Scrum, Some("x"))
        .build()
}

#[test]
fn split_at_scale_fires_at_200_engineers_for_everyone_with_both_seats() {
    let f = of(&at_scale(200, true), Rule::SplitAtScale);
    let who: Vec<Vec<&str>> = f.iter().map(subjects).collect();
    assert_eq!(
        who,
        vec![vec!["x"], vec!["y"]],
        "x is PM of a and PO of tb; y the reverse"
    );
    assert!(f.iter().all(|f| f.severity == Severity::Warning));
}

#[test]
fn split_at_scale_does_not_fire_at_199_engineers() {
    assert!(of(&at_scale(199, true), Rule::SplitAtScale).is_empty());
}

#[test]
fn the_split_engineers_setting_moves_the_threshold() {
    let mut s = at_scale(150, true);
    assert!(of(&s, Rule::SplitAtScale).is_empty());
    s.settings.split_engineers = 150;
    assert_eq!(of(&s, Rule::SplitAtScale).len(), 2);
}

#[test]
fn a_po_of_two_teams_is_flagged_with_the_teams_in_file_order() {
    let s = Builder::new("po2")
        .person("o", 40.0)
        .product("p", None, &[])
        .team("zeta", "p", 5, Scrum, Some("o"))
        .team("alpha", "p", 5, Scrum, Some("o"))
        .build();
    let f = of(&s, Rule::PoMultipleTeams);
    assert_eq!(
        (subjects(&f[0]), f[0].severity),
        (vec!["o", "zeta", "alpha"], Severity::Warning)
    );
    let one = Builder::new("po1")
        .person("o", 40.0)
        .product("p", None, &[])
        .team("t", "p", 5, Scrum, Some("o"))
        .build();
    assert!(of(&one, Rule::PoMultipleTeams).is_empty());
}

#[test]
fn a_scrum_team_without_po_is_an_error_and_a_kanban_one_is_not() {
    let s = Builder::new("nopo")
        .product("p", None, &[])
        .team("s", "p", 5, Scrum, None)
        .team("k", "p", 5, Kanban, None)
        .build();
    let f = of(&s, Rule::ScrumTeamWithoutPo);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (subjects(&f[0]), f[0].severity),
        (vec!["s", "p"], Severity::Error)
    );
}

#[test]
fn a_po_outside_scrum_is_information() {
    let s = Builder::new("outside")
        .person("o", 40.0)
        .product("p", None, &[])
        .team("k", "p", 5, Kanban, Some("o"))
        .team("x", "p", 5, Other, Some("o"))
        .team("s", "p", 5, Scrum, Some("o"))
        .build();
    let f = of(&s, Rule::PoOutsideScrum);
    let who: Vec<Vec<&str>> = f.iter().map(subjects).collect();
    assert_eq!(who, vec![vec!["k", "o"], vec!["x", "o"]]);
    assert!(f.iter().all(|f| f.severity == Severity::Info));
}

#[test]
fn unowned_work_names_the_product_the_responsibilities_and_the_hours() {
    let s = Builder::new("unowned")
        .person("o", 40.0)
        .responsibility("vision", Strategy, Product, 3.0, &[])
        .responsibility("zero", Strategy, Product, 0.0, &[])
        .responsibility("backlog", Execution, Team, 2.0, &[])
        .responsibility("research", Strategy, Product, 4.0, &[])
        .product(
            "p",
            None,
            &[
                ("backlog", Po),
                ("zero", Pm),
                ("vision", Pm),
                ("research", Unassigned),
            ],
        )
        .team("t", "p", 5, Scrum, Some("o"))
        .build();
    let f = of(&s, Rule::UnownedWork);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (subjects(&f[0]), f[0].severity),
        (vec!["p", "vision"], Severity::Warning)
    );
    assert!(
        f[0].message.contains("3.0 h") && f[0].message.contains("PM seat"),
        "{}",
        f[0].message
    );
}

#[test]
fn no_unowned_work_when_every_seat_is_filled() {
    assert!(of(&lee(1.0, 1.0, 0.0).build(), Rule::UnownedWork).is_empty());
}

#[test]
fn unassigned_cards_are_listed_in_card_order() {
    let s = Builder::new("parked")
        .person("o", 40.0)
        .responsibility("b", Strategy, Product, 1.0, &[])
        .responsibility("a", Strategy, Product, 0.0, &[])
        .responsibility("c", Strategy, Product, 1.0, &[])
        .product(
            "p",
            Some("o"),
            &[("b", Unassigned), ("c", Pm), ("a", Unassigned)],
        )
        .build();
    let f = of(&s, Rule::UnassignedCards);
    assert_eq!(
        (subjects(&f[0]), f[0].severity),
        (vec!["p", "b", "a"], Severity::Info)
    );
    assert!(of(&lee(1.0, 1.0, 0.0).build(), Rule::UnassignedCards).is_empty());
}

fn served_by(column: rolesplit::model::Column, pm: Option<&str>, hours: f64) -> Scenario {
    Builder::new("stakeholders")
        .person("o", 40.0)
        .stakeholder("sales", External)
        .stakeholder("qa", Internal)
        .responsibility("pitch", Strategy, Product, hours, &["sales"])
        .responsibility("other", Strategy, Product, 1.0, &["qa"])
        .product("p", pm, &[("pitch", column)])
        .product("q", Some("o"), &[("other", Pm)])
        .build()
}

#[test]
fn a_stakeholder_served_by_a_carried_card_is_covered() {
    assert!(of(&served_by(Pm, Some("o"), 2.0), Rule::StakeholderUncovered).is_empty());
}

#[test]
fn a_stakeholder_served_only_by_parked_unowned_or_empty_cards_is_uncovered() {
    for s in [
        served_by(Unassigned, Some("o"), 2.0),
        served_by(Pm, None, 2.0),
        served_by(Pm, Some("o"), 0.0),
    ] {
        let f = of(&s, Rule::StakeholderUncovered);
        assert_eq!(f.len(), 1);
        assert_eq!(
            (subjects(&f[0]), f[0].severity),
            (vec!["sales"], Severity::Warning)
        );
    }
}

#[test]
fn findings_are_sorted_by_severity_rule_and_subjects() {
    let s = Builder::new("many")
        .person("b", 40.0)
        .person("a", 40.0)
        .stakeholder("nobody", External)
        .responsibility("x", Strategy, Product, 30.0, &[])
        .responsibility("y", Execution, Team, 20.0, &[])
        .product("p", Some("b"), &[("x", Pm), ("y", Po)])
        .team("t2", "p", 5, Scrum, None)
        .team("t1", "p", 5, Scrum, None)
        .team("k", "p", 5, Kanban, Some("a"))
        .build();
    let analysis = rolesplit::analyze(&s);
    let got: Vec<(&str, Severity, Vec<&str>)> = analysis
        .findings
        .iter()
        .map(|f| {
            (
                f.rule.id(),
                f.severity,
                f.subjects.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("scrum-team-without-po", Severity::Error, vec!["t1", "p"]),
            ("scrum-team-without-po", Severity::Error, vec!["t2", "p"]),
            ("stakeholder-uncovered", Severity::Warning, vec!["nobody"]),
            ("unowned-work", Severity::Warning, vec!["p", "y"]),
            ("po-outside-scrum", Severity::Info, vec!["k", "a"]),
        ]
    );
}

#[test]
fn a_shorter_subject_list_sorts_first_on_a_tie() {
    let mut f = vec![
        Finding {
            rule: Rule::Overload,
            severity: Severity::Warning,
            subjects: vec!["a".into(), "b".into()],
            message: "m".into(),
        },
        Finding {
            rule: Rule::Overload,
            severity: Severity::Warning,
            subjects: vec!["a".into()],
            message: "m".into(),
        },
        Finding {
            rule: Rule::Overload,
            severity: Severity::Warning,
            subjects: vec!["B".into()],
            message: "m".into(),
        },
    ];
    rolesplit::findings::sort(&mut f);
    let order: Vec<Vec<&str>> = f.iter().map(subjects).collect();
    assert_eq!(
        order,
        vec![vec!["B"], vec!["a"], vec!["a", "b"]],
        "byte order: uppercase first"
    );
}

#[test]
fn every_finding_has_a_message_and_its_rules_source() {
    let expected = [
        ("overload", ""),
        ("hybrid-overload", "003"),
        ("strategy-starved", "003"),
        ("po-strategy-work", "001, 003"),
        ("combined-role-beyond-one-team", "004, 003"),
        ("combined-role-multiple-products", "003"),
        ("split-at-scale", "004"),
        ("po-multiple-teams", "000"),
        ("scrum-team-without-po", "000, 003"),
        ("po-outside-scrum", "000, 003"),
        ("unowned-work", ""),
        ("unassigned-cards", ""),
        ("stakeholder-uncovered", "000, 001"),
    ];
    for (id, source) in expected {
        assert_eq!(Rule::from_id(id).map(Rule::source), Some(source), "{id}");
    }
    let mut seen = std::collections::HashSet::new();
    for seed in 0..3 {
        let s = rolesplit::synth::generate(rolesplit::synth::Size::MEDIUM, seed);
        for f in rolesplit::analyze(&s).findings {
            assert!(!f.message.is_empty(), "{:?}", f.rule);
            seen.insert(f.rule);
        }
    }
    assert_eq!(
        seen.len(),
        13,
        "the synthetic organisation triggers every rule: {seen:?}"
    );
}

/// Pat is PM of p; Olga is PO of its one team and gets `strategy` h of research and
/// `execution` h of backlog from its PO column.
fn po_work(strategy: f64, execution: f64) -> Builder {
    Builder::new("po work")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .responsibility("research", Strategy, Product, strategy, &[])
        .responsibility("backlog", Execution, Team, execution, &[])
        .product("p", Some("pat"), &[("research", Po), ("backlog", Po)])
        .team("t", "p", 6, Scrum, Some("olga"))
}

#[test]
fn po_strategy_work_fires_at_exactly_half_of_the_po_hours() {
    let f = of(&po_work(4.0, 4.0).build(), Rule::PoStrategyWork);
    assert_eq!(f.len(), 1);
    assert_eq!(
        (subjects(&f[0]), f[0].severity, f[0].source()),
        (vec!["olga", "p"], Severity::Warning, "001, 003")
    );
    assert_eq!(
        f[0].message,
        "Olga gets 8.0 h a week from the PO column of P, and 4.0 h of it is strategy work (50 %, limit 50 %): long-term strategy is the product manager's work"
    );
}

#[test]
fn po_strategy_work_does_not_fire_just_below_the_share_or_without_po_hours() {
    assert!(of(&po_work(4.0, 4.01).build(), Rule::PoStrategyWork).is_empty());
    assert_eq!(
        of(&po_work(4.01, 4.0).build(), Rule::PoStrategyWork).len(),
        1
    );
    assert!(
        of(&po_work(0.0, 0.0).build(), Rule::PoStrategyWork).is_empty(),
        "T = 0"
    );
    assert!(of(&po_work(0.0, 4.0).build(), Rule::PoStrategyWork).is_empty());
}

#[test]
fn po_strategy_work_counts_only_the_po_column_of_that_product() {
    // Strategy in the PM column is the PM's: Olga's PO hours are all execution.
    let s = Builder::new("x")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .responsibility("research", Strategy, Product, 10.0, &[])
        .responsibility("backlog", Execution, Team, 4.0, &[])
        .product("p", Some("pat"), &[("research", Pm), ("backlog", Po)])
        .team("t", "p", 6, Scrum, Some("olga"))
        .build();
    assert!(of(&s, Rule::PoStrategyWork).is_empty());
}

#[test]
fn po_strategy_work_shares_product_scope_work_among_the_teams() {
    // 6 h of research split over two teams: Olga gets 3 h strategy and 3 h backlog (50 %).
    let s = Builder::new("x")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .person("ivan", 40.0)
        .responsibility("research", Strategy, Product, 6.0, &[])
        .responsibility("backlog", Execution, Team, 3.0, &[])
        .product("p", Some("pat"), &[("research", Po), ("backlog", Po)])
        .team("a", "p", 6, Scrum, Some("olga"))
        .team("b", "p", 6, Scrum, Some("ivan"))
        .build();
    let f = of(&s, Rule::PoStrategyWork);
    let who: Vec<Vec<&str>> = f.iter().map(subjects).collect();
    assert_eq!(who, [vec!["ivan", "p"], vec!["olga", "p"]]);
}

#[test]
fn po_strategy_work_never_fires_for_the_products_own_pm() {
    // Pat is PM and PO of p, with only strategy in its PO column: a combined role.
    let s = Builder::new("x")
        .person("pat", 40.0)
        .responsibility("research", Strategy, Product, 8.0, &[])
        .product("p", Some("pat"), &[("research", Po)])
        .team("t", "p", 6, Scrum, Some("pat"))
        .build();
    assert!(of(&s, Rule::PoStrategyWork).is_empty());
}

#[test]
fn po_strategy_work_fires_once_per_product() {
    // Olga is PO in p and in q, where Pat is PM; and PM of r, whose PO she also is.
    let s = Builder::new("x")
        .person("pat", 40.0)
        .person("olga", 80.0)
        .responsibility("research", Strategy, Product, 5.0, &[])
        .responsibility("backlog", Execution, Team, 2.0, &[])
        .product("p", Some("pat"), &[("research", Po), ("backlog", Po)])
        .product("q", Some("pat"), &[("research", Po)])
        .product("r", Some("olga"), &[("research", Po)])
        .product("calm", Some("pat"), &[("backlog", Po)])
        .team("tp", "p", 6, Scrum, Some("olga"))
        .team("tq", "q", 6, Scrum, Some("olga"))
        .team("tr", "r", 6, Scrum, Some("olga"))
        .team("tc", "calm", 6, Scrum, Some("olga"))
        .build();
    let f = of(&s, Rule::PoStrategyWork);
    let who: Vec<Vec<&str>> = f.iter().map(subjects).collect();
    assert_eq!(who, [vec!["olga", "p"], vec!["olga", "q"]]);
    assert!(
        f[1].message
            .contains("5.0 h a week from the PO column of Q"),
        "{}",
        f[1].message
    );
}

#[test]
fn the_po_strategy_share_setting_moves_the_threshold() {
    let mut s = po_work(3.0, 5.0).build();
    assert!(of(&s, Rule::PoStrategyWork).is_empty(), "37.5 % < 50 %");
    s.settings.po_strategy_share = 0.375;
    assert_eq!(of(&s, Rule::PoStrategyWork).len(), 1, "inclusive");
    s.settings.po_strategy_share = 1.0;
    assert!(of(&s, Rule::PoStrategyWork).is_empty());
}

#[test]
fn a_format_1_file_is_judged_by_po_strategy_work_too() {
    // The contract's example (format 1) with 20 h of vision moved to the PO column: Tom
    // gets 10 h of it (shared by two squads) beside 5 h of backlog. Maya is the PM.
    let text = std::fs::read_to_string("tests/fixtures/example.ron").expect("fixture");
    assert!(text.contains("format: 1,"), "the fixture is format 1");
    let text = text.replacen(
        "Card(responsibility: \"vision\", column: Pm)",
        "Card(responsibility: \"vision\", column: Po, hours: Some(20.0))",
        1,
    );
    let s = rolesplit::parse::scenario_from_str(&text).expect("loads");
    let f = of(&s, Rule::PoStrategyWork);
    let who: Vec<Vec<&str>> = f.iter().map(subjects).collect();
    assert_eq!(who, [vec!["tom", "checkout"]]);
}
