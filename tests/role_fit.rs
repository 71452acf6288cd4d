//! Role fit (domain.md, "Role fit"): each person's hours by the responsibility's horizon
//! and by the sides of the stakeholders it serves.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use rolesplit::model::Column::{Pm, Po, Unassigned};
use rolesplit::model::Horizon::{Quarter, Sprint, Year};
use rolesplit::model::Kind::{Execution, Strategy};
use rolesplit::model::Method::Scrum;
use rolesplit::model::Scenario;
use rolesplit::model::Scope::{Product, Team};
use rolesplit::model::Side::{External, Internal};
use rolesplit::role_fit::{RoleFit, Sides};
use rolesplit::testkit::Builder;

fn fit(s: &Scenario, person: &str) -> RoleFit {
    let i = s
        .people
        .iter()
        .position(|p| p.id == person)
        .expect("person");
    rolesplit::analyze(s).role_fit[i]
}

/// Pat is PM, Olga PO of two teams' worth of work (one team, so Team scope counts once).
/// Cards: `serves-ext` (external only), `serves-int` (internal only), `serves-both`,
/// `serves-none`; each with its own horizon and hours.
fn board() -> Scenario {
    let mut s = Builder::new("fit")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .stakeholder("sales", External)
        .stakeholder("leaders", External)
        .stakeholder("devteam", Internal)
        .responsibility("serves-ext", Strategy, Product, 3.0, &["sales", "leaders"])
        .responsibility("serves-int", Execution, Team, 4.0, &["devteam"])
        .responsibility("serves-both", Strategy, Product, 2.0, &["sales", "devteam"])
        .responsibility("serves-none", Execution, Product, 1.5, &[])
        .responsibility("parked", Strategy, Product, 7.0, &["sales"])
        .product(
            "p",
            Some("pat"),
            &[
                ("serves-ext", Pm),
                ("serves-int", Po),
                ("serves-both", Pm),
                ("serves-none", Po),
                ("parked", Unassigned),
            ],
        )
        .team("t", "p", 6, Scrum, Some("olga"))
        .build();
    let horizon = |s: &mut Scenario, id: &str, h| {
        s.responsibilities
            .iter_mut()
            .find(|r| r.id == id)
            .expect("responsibility")
            .horizon = h;
    };
    horizon(&mut s, "serves-ext", Year);
    horizon(&mut s, "serves-int", Sprint);
    horizon(&mut s, "serves-both", Quarter);
    horizon(&mut s, "serves-none", Sprint);
    s
}

#[test]
fn each_side_of_the_stakeholders_served_has_its_own_hours() {
    let s = board();
    let pat = fit(&s, "pat");
    assert_eq!(
        pat.sides(Sides::External),
        3.0,
        "every stakeholder external"
    );
    assert_eq!(pat.sides(Sides::Both), 2.0, "one of each side");
    assert_eq!(pat.sides(Sides::Internal), 0.0);
    assert_eq!(pat.sides(Sides::None), 0.0);
    let olga = fit(&s, "olga");
    assert_eq!(
        olga.sides(Sides::Internal),
        4.0,
        "every stakeholder internal"
    );
    assert_eq!(olga.sides(Sides::None), 1.5, "no stakeholder");
    assert_eq!(olga.sides(Sides::External), 0.0);
    assert_eq!(olga.sides(Sides::Both), 0.0);
}

#[test]
fn each_horizon_has_its_own_hours() {
    let s = board();
    let pat = fit(&s, "pat");
    assert_eq!(
        (pat.horizon(Sprint), pat.horizon(Quarter), pat.horizon(Year)),
        (0.0, 2.0, 3.0)
    );
    assert_eq!(pat.quarter_or_more(), 5.0);
    let olga = fit(&s, "olga");
    assert_eq!(
        (
            olga.horizon(Sprint),
            olga.horizon(Quarter),
            olga.horizon(Year)
        ),
        (5.5, 0.0, 0.0)
    );
}

#[test]
fn parked_work_and_other_duties_are_nobodys_role_fit() {
    let mut s = board();
    s.people[0].other_hours = 10.0;
    let pat = fit(&s, "pat");
    assert_eq!(pat.horizon_hours.iter().sum::<f64>(), 5.0);
    assert_eq!(pat.stakeholder_hours.iter().sum::<f64>(), 5.0);
}

#[test]
fn team_scope_work_counts_once_per_team_held() {
    // Olga is PO of both teams: the 4 h Team-scope card lands twice; the product-scope
    // card is shared by the two teams' POs, both hers.
    let s = Builder::new("x")
        .person("pat", 40.0)
        .person("olga", 40.0)
        .stakeholder("devteam", Internal)
        .responsibility("backlog", Execution, Team, 4.0, &["devteam"])
        .responsibility("review", Execution, Product, 3.0, &["devteam"])
        .product("p", Some("pat"), &[("backlog", Po), ("review", Po)])
        .team("a", "p", 6, Scrum, Some("olga"))
        .team("b", "p", 6, Scrum, Some("olga"))
        .build();
    let olga = fit(&s, "olga");
    assert_eq!(olga.sides(Sides::Internal), 11.0);
    assert_eq!(
        olga.horizon(Quarter),
        11.0,
        "the testkit's horizon is Quarter"
    );
}

#[test]
fn nobody_without_hours_has_all_zeros() {
    let s = Builder::new("x")
        .person("sam", 40.0)
        .other_hours(12.0)
        .build();
    assert_eq!(fit(&s, "sam"), RoleFit::default());
}
