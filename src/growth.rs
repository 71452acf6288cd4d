//! "What if this product grows?": the edit that grows a product, by engineers added to one
//! of its teams or by a new Scrum team, so that the window can preview the scenario it
//! would give (and keep it as one undoable edit) without ever changing the scenario
//! before the user says so. Pure.

use crate::edit::{self, Edit, EditError};
use crate::model::{MAX_ENGINEERS, Method, Scenario, Team};

/// How a product grows.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Growth {
    /// This many engineers join one of the product's teams.
    Engineers { team: String, engineers: u32 },
    /// A new Scrum team of this many engineers, its PO seat empty.
    NewTeam { engineers: u32 },
}

/// The name of a new team: "New team", or "New team 2", "New team 3"… when a team of
/// the product already has it.
fn new_team_name(s: &Scenario, product: &str) -> String {
    let taken = |name: &str| s.teams_of(product).any(|t| t.name == name);
    std::iter::once("New team".to_string())
        .chain((2..).map(|n| format!("New team {n}")))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

/// The edit that grows `product` as `growth` says, checked against the scenario: the team
/// must be one of the product's, and a team stays within the file format's limit of
/// engineers.
pub fn edit(s: &Scenario, product: &str, growth: &Growth) -> Result<Edit, EditError> {
    if s.product(product).is_none() {
        return Err(EditError::NoProduct(product.to_string()));
    }
    match growth {
        Growth::Engineers { team, engineers } => {
            let Some(t) = s.team(team).filter(|t| t.product == product) else {
                return Err(EditError::NoTeam(team.clone()));
            };
            let total = t.engineers.saturating_add(*engineers);
            if total > MAX_ENGINEERS {
                return Err(EditError::Invalid(format!(
                    "{} would have {total} engineers; a team has at most {MAX_ENGINEERS}",
                    t.name
                )));
            }
            Ok(Edit::UpdateTeam(Team {
                engineers: total,
                ..t.clone()
            }))
        }
        Growth::NewTeam { engineers } => {
            let name = new_team_name(s, product);
            Ok(Edit::AddTeam(Team {
                id: edit::unique_id(s, &name, "team"),
                name,
                product: product.to_string(),
                engineers: *engineers,
                method: Method::Scrum,
                po: None,
                po_locked: false,
            }))
        }
    }
}

/// The scenario after the growth, and the edit that makes it (for Keep).
pub fn grown(s: &Scenario, product: &str, growth: &Growth) -> Result<(Scenario, Edit), EditError> {
    let edit = edit(s, product, growth)?;
    let next = edit::applied(s, &edit)?.unwrap_or_else(|| s.clone());
    Ok((next, edit))
}

/// The growth in words: "4 more engineers in Squad A", "a new Scrum team of 6 engineers".
pub fn describe(s: &Scenario, growth: &Growth) -> String {
    match growth {
        Growth::Engineers { team, engineers } => format!(
            "{} in {}",
            crate::num::counted(*engineers as usize, "more engineer", "more engineers"),
            s.name_of(team)
        ),
        Growth::NewTeam { engineers } => format!(
            "a new Scrum team of {}",
            crate::num::counted(*engineers as usize, "engineer", "engineers")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::advice::Recommendation;
    use crate::model::Method::Scrum;
    use crate::testkit::Builder;

    fn one_team() -> Scenario {
        Builder::new("g")
            .person("pat", 40.0)
            .product("p", Some("pat"), &[])
            .team("squad", "p", 7, Scrum, Some("pat"))
            .product("q", None, &[])
            .team("other", "q", 3, Scrum, None)
            .build()
    }

    #[test]
    fn more_engineers_in_a_team_of_the_product() {
        let s = one_team();
        let growth = Growth::Engineers {
            team: "squad".into(),
            engineers: 4,
        };
        let (next, _) = grown(&s, "p", &growth).expect("grows");
        assert_eq!(next.teams[0].engineers, 11);
        assert_eq!(s.teams[0].engineers, 7, "the scenario itself is untouched");
        let a = crate::analyze(&next);
        assert_eq!(a.advice[0].recommendation, Recommendation::Split);
        assert_eq!(describe(&s, &growth), "4 more engineers in Squad");
        let other = Growth::Engineers {
            team: "other".into(),
            engineers: 1,
        };
        assert_eq!(
            edit(&s, "p", &other),
            Err(EditError::NoTeam("other".into()))
        );
        let too_many = Growth::Engineers {
            team: "squad".into(),
            engineers: MAX_ENGINEERS,
        };
        assert!(matches!(
            edit(&s, "p", &too_many),
            Err(EditError::Invalid(_))
        ));
    }

    #[test]
    fn a_new_scrum_team_has_an_empty_po_seat_and_a_free_name() {
        let s = one_team();
        let (next, e) = grown(&s, "p", &Growth::NewTeam { engineers: 5 }).expect("grows");
        let Edit::AddTeam(team) = e else {
            panic!("adds a team: {e:?}")
        };
        assert_eq!(
            (
                team.name.as_str(),
                team.id.as_str(),
                team.engineers,
                team.po
            ),
            ("New team", "new-team", 5, None)
        );
        assert_eq!(team.method, Scrum);
        let (again, _) = grown(&next, "p", &Growth::NewTeam { engineers: 1 }).expect("grows");
        assert_eq!(
            again.teams.last().map(|t| t.name.as_str()),
            Some("New team 2")
        );
        let a = crate::analyze(&next);
        assert!(
            a.findings
                .iter()
                .any(|f| f.rule == crate::findings::Rule::ScrumTeamWithoutPo),
            "the empty PO seat of a Scrum team is an error"
        );
    }
}
