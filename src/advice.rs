//! Which role each product needs (domain.md, "Advice").

use std::collections::HashSet;

use crate::checklist::{Question, QuestionSide};
use crate::findings::{Finding, Rule, scrum_team_without_po};
use crate::model::{Market, Method, Scenario, Settings};
use crate::seats::Seats;

/// What a product needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recommendation {
    Combined,
    Split,
    PmFirst,
    PoFirst,
}

impl Recommendation {
    /// The word in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Recommendation::Combined => "combined",
            Recommendation::Split => "split",
            Recommendation::PmFirst => "pm-first",
            Recommendation::PoFirst => "po-first",
        }
    }

    /// The recommendation as a workshop reads it.
    pub fn label(self) -> &'static str {
        match self {
            Recommendation::Combined => "Combined: one person can hold both seats",
            Recommendation::Split => "Split: separate PM and PO people",
            Recommendation::PmFirst => "PM first: fill the product manager seat first",
            Recommendation::PoFirst => "PO first: fill the product owner seat first",
        }
    }
}

/// A signal computed from the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signal {
    OneTeam,
    SmallTeam,
    Scrum,
    SingleProduct,
    EvolvingMarket,
    StableMarket,
    LargeOrg,
    Strain,
    PmSeatEmpty,
    PoSeatEmpty,
}

impl Signal {
    /// Every signal, in the order of domain.md's table.
    pub const ALL: [Signal; 10] = SIGNAL_ORDER;

    pub fn id(self) -> &'static str {
        match self {
            Signal::OneTeam => "one_team",
            Signal::SmallTeam => "small_team",
            Signal::Scrum => "scrum",
            Signal::SingleProduct => "single_product",
            Signal::EvolvingMarket => "evolving_market",
            Signal::StableMarket => "stable_market",
            Signal::LargeOrg => "large_org",
            Signal::Strain => "strain",
            Signal::PmSeatEmpty => "pm_seat_empty",
            Signal::PoSeatEmpty => "po_seat_empty",
        }
    }

    pub fn source(self) -> &'static str {
        match self {
            Signal::OneTeam => "003, 004",
            Signal::SmallTeam => "004, 003",
            Signal::Scrum => "000, 001",
            Signal::SingleProduct => "001, 003",
            Signal::EvolvingMarket | Signal::StableMarket => "001",
            Signal::LargeOrg => "004",
            Signal::Strain => "003",
            Signal::PmSeatEmpty | Signal::PoSeatEmpty => "",
        }
    }

    /// What the signal says when it holds (`true`) or not.
    pub fn describe(self, value: bool) -> &'static str {
        match (self, value) {
            (Signal::OneTeam, true) => "the product has at most one team",
            (Signal::OneTeam, false) => "the product has more than one team",
            (Signal::SmallTeam, true) => {
                "its teams are small enough for one person to do both roles"
            }
            (Signal::SmallTeam, false) => {
                "its teams have too many engineers for one person to do both roles"
            }
            (Signal::Scrum, true) => "every team works in Scrum",
            (Signal::Scrum, false) => "not every team works in Scrum",
            (Signal::SingleProduct, true) => "its PM looks after no other product",
            (Signal::SingleProduct, false) => "its PM is PM of other products too",
            (Signal::EvolvingMarket, true) => "the market is evolving",
            (Signal::EvolvingMarket, false) => "the market is not evolving",
            (Signal::StableMarket, true) => "the market is stable",
            (Signal::StableMarket, false) => "the market is not stable",
            (Signal::LargeOrg, true) => "the organisation has 200 or more engineers",
            (Signal::LargeOrg, false) => {
                "the organisation is below the size where roles are separated"
            }
            (Signal::Strain, true) => {
                "its PM or a PO shows strain (hybrid overload or starved strategy)"
            }
            (Signal::Strain, false) => "no seat holder shows strain",
            (Signal::PmSeatEmpty, true) => "the PM seat is empty",
            (Signal::PmSeatEmpty, false) => "the PM seat is filled",
            (Signal::PoSeatEmpty, true) => "a Scrum team has no PO",
            (Signal::PoSeatEmpty, false) => "every Scrum team has a PO",
        }
    }
}

/// What a reason refers to: a computed signal or a checklist answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    Signal(Signal),
    Answer(Question),
}

/// One reason behind a recommendation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reason {
    pub basis: Basis,
    pub value: bool,
}

impl Reason {
    /// The signal's id, or the question's id.
    pub fn id(&self) -> &'static str {
        match self.basis {
            Basis::Signal(s) => s.id(),
            Basis::Answer(q) => q.id(),
        }
    }

    pub fn source(&self) -> &'static str {
        match self.basis {
            Basis::Signal(s) => s.source(),
            Basis::Answer(q) => q.source(),
        }
    }

    /// The reason as a sentence.
    pub fn text(&self) -> String {
        match self.basis {
            Basis::Signal(s) => s.describe(self.value).to_string(),
            Basis::Answer(q) => format!("{} {}", q.text(), if self.value { "Yes." } else { "No." }),
        }
    }
}

/// How far a combined product is from the edge (domain.md, "Headroom").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Headroom {
    /// The engineers that, added to the product's teams, make `small_team` false.
    pub engineers: u64,
    /// The teams that, added to the product, make `one_team` false.
    pub teams: u64,
}

/// The advice for one product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Advice {
    /// The product's id.
    pub product: String,
    /// How far the advice holds; only a combined recommendation has an edge ahead (a
    /// split one stays split as the product grows).
    pub headroom: Option<Headroom>,
    pub recommendation: Recommendation,
    /// In the order of the signal table, then the checklist questions.
    pub reasons: Vec<Reason>,
}

/// The engineers the organisation can add before `large_org` holds; `None` at and above
/// `split_engineers` (domain.md, "Headroom").
pub fn engineers_to_large_org(s: &Scenario, seats: &Seats) -> Option<u64> {
    s.settings
        .split_engineers
        .checked_sub(seats.total_engineers)
        .filter(|&k| k > 0)
}

/// The edges of a product's advice in words, the closer first: how many engineers or
/// teams turn a combined product into a split one, and how many engineers bring the
/// organisation to the size where the articles separate the roles. Nothing for a split
/// product (no edge is left to cross) or where no edge is ahead.
pub fn edges(advice: &Advice, st: &Settings, to_large_org: Option<u64>) -> Vec<String> {
    if advice.recommendation == Recommendation::Split {
        return Vec::new();
    }
    let org = to_large_org.map(|k| {
        (
            k,
            format!(
                "The organisation reaches {} engineers, where the articles separate the roles, with {k} more",
                st.split_engineers
            ),
        )
    });
    let product = advice.headroom.map(|h| {
        let teams = match h.teams {
            1 => "a second team".to_string(),
            n => format!("{n} new teams"),
        };
        (
            h.engineers,
            format!(
                "Combined holds up to {} engineers: {} more, or {teams}, and the advice becomes split",
                st.combined_max_engineers, h.engineers
            ),
        )
    });
    let mut out: Vec<(u64, String)> = product.into_iter().chain(org).collect();
    // The closer edge first; on a tie the product's own edge leads.
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, text)| text).collect()
}

/// The advice for every product, in file order.
pub fn advise(s: &Scenario, seats: &Seats, findings: &[Finding]) -> Vec<Advice> {
    let strained = strained(findings);
    (0..s.products.len())
        .filter_map(|p| product_advice(s, seats, &strained, p))
        .collect()
}

/// The people under strain (hybrid overload or starved strategy), by id, across the whole
/// scenario.
pub(crate) fn strained(findings: &[Finding]) -> HashSet<&str> {
    findings
        .iter()
        .filter(|f| matches!(f.rule, Rule::HybridOverload | Rule::StrategyStarved))
        .filter_map(|f| f.subjects.first().map(String::as_str))
        .collect()
}

/// The advice for product `p`.
pub(crate) fn product_advice(
    s: &Scenario,
    seats: &Seats,
    strained: &HashSet<&str>,
    p: usize,
) -> Option<Advice> {
    let product = s.products.get(p)?;
    let large_org = seats.total_engineers >= s.settings.split_engineers;
    let teams: &[usize] = seats.teams_of.get(p).map_or(&[], Vec::as_slice);
    let team = |t: &usize| s.teams.get(*t);
    let pm = seats.pm.get(p).copied().flatten();
    let holder_id =
        |person: Option<usize>| person.and_then(|i| s.people.get(i)).map(|x| x.id.as_str());
    let strain = holder_id(pm).is_some_and(|id| strained.contains(id))
        || teams.iter().any(|t| {
            holder_id(seats.po.get(*t).copied().flatten()).is_some_and(|id| strained.contains(id))
        });
    let signals = Signals {
        one_team: teams.len() <= 1,
        small_team: seats.engineers_of.get(p).copied().unwrap_or(0)
            <= s.settings.combined_max_engineers,
        scrum: !teams.is_empty()
            && teams
                .iter()
                .filter_map(team)
                .all(|t| t.method == Method::Scrum),
        single_product: pm.is_none_or(|pm| seats.pm_of.get(pm).is_some_and(|v| v.len() <= 1)),
        evolving_market: product.market == Market::Evolving,
        stable_market: product.market == Market::Stable,
        large_org,
        strain,
        pm_seat_empty: pm.is_none(),
        po_seat_empty: teams.iter().any(|t| {
            let filled = seats.po.get(*t).copied().flatten().is_some();
            team(t).is_some_and(|t| scrum_team_without_po(t.method, filled))
        }),
    };
    let answer = |q: Question| product.checklist.answer(q);
    let (recommendation, reasons) = decide(&signals, answer);
    let headroom = (recommendation == Recommendation::Combined).then(|| Headroom {
        engineers: s
            .settings
            .combined_max_engineers
            .saturating_sub(seats.engineers_of.get(p).copied().unwrap_or(0))
            .saturating_add(1),
        teams: 2u64.saturating_sub(teams.len() as u64),
    });
    Some(Advice {
        product: product.id.clone(),
        recommendation,
        reasons,
        headroom,
    })
}

/// The computed signals of one product.
#[derive(Clone, Copy, Debug, Default)]
pub struct Signals {
    pub one_team: bool,
    pub small_team: bool,
    pub scrum: bool,
    pub single_product: bool,
    pub evolving_market: bool,
    pub stable_market: bool,
    pub large_org: bool,
    pub strain: bool,
    pub pm_seat_empty: bool,
    pub po_seat_empty: bool,
}

impl Signals {
    fn get(&self, s: Signal) -> bool {
        match s {
            Signal::OneTeam => self.one_team,
            Signal::SmallTeam => self.small_team,
            Signal::Scrum => self.scrum,
            Signal::SingleProduct => self.single_product,
            Signal::EvolvingMarket => self.evolving_market,
            Signal::StableMarket => self.stable_market,
            Signal::LargeOrg => self.large_org,
            Signal::Strain => self.strain,
            Signal::PmSeatEmpty => self.pm_seat_empty,
            Signal::PoSeatEmpty => self.po_seat_empty,
        }
    }
}

/// The signals in the order of domain.md's table: reasons are listed in this order.
const SIGNAL_ORDER: [Signal; 10] = [
    Signal::OneTeam,
    Signal::SmallTeam,
    Signal::Scrum,
    Signal::SingleProduct,
    Signal::EvolvingMarket,
    Signal::StableMarket,
    Signal::LargeOrg,
    Signal::Strain,
    Signal::PmSeatEmpty,
    Signal::PoSeatEmpty,
];

/// domain.md's decision, step by step.
pub fn decide(
    signals: &Signals,
    answer: impl Fn(Question) -> Option<bool>,
) -> (Recommendation, Vec<Reason>) {
    // Reasons: the signals that decided it (table order), then the answers (question order).
    let reasons = |pick: &dyn Fn(Signal) -> bool, pick_answer: &dyn Fn(Question, bool) -> bool| {
        let mut out: Vec<Reason> = SIGNAL_ORDER
            .into_iter()
            .filter(|s| pick(*s))
            .map(|s| Reason {
                basis: Basis::Signal(s),
                value: signals.get(s),
            })
            .collect();
        for q in Question::ALL {
            if let Some(a) = answer(q).filter(|a| pick_answer(q, *a)) {
                out.push(Reason {
                    basis: Basis::Answer(q),
                    value: a,
                });
            }
        }
        out
    };

    // 1. Split.
    let splits = |s: Signal| match s {
        Signal::LargeOrg | Signal::Strain => signals.get(s),
        Signal::OneTeam | Signal::SmallTeam | Signal::SingleProduct => !signals.get(s),
        _ => false,
    };
    let hybrid_no = answer(Question::ExperiencedHybrid) == Some(false);
    if SIGNAL_ORDER.into_iter().any(splits) || hybrid_no {
        let r = reasons(&splits, &|q, a| q == Question::ExperiencedHybrid && !a);
        return (Recommendation::Split, r);
    }

    // 2. Exactly one empty seat.
    match (signals.pm_seat_empty, signals.po_seat_empty) {
        (true, false) => {
            return (
                Recommendation::PmFirst,
                reasons(&|s| s == Signal::PmSeatEmpty, &|_, _| false),
            );
        }
        (false, true) => {
            return (
                Recommendation::PoFirst,
                reasons(&|s| s == Signal::PoSeatEmpty, &|_, _| false),
            );
        }
        (true, true) => {
            // 3. Both empty: count the signals on each side; a tie goes to the PM.
            let pm_signal = |s: Signal| s == Signal::EvolvingMarket && signals.get(s);
            let po_signal =
                |s: Signal| matches!(s, Signal::Scrum | Signal::StableMarket) && signals.get(s);
            let pm_answer = |q: Question, a: bool| a && q.side() == QuestionSide::Pm;
            let po_answer = |q: Question, a: bool| a && q.side() == QuestionSide::Po;
            let count = |sig: &dyn Fn(Signal) -> bool, ans: &dyn Fn(Question, bool) -> bool| {
                SIGNAL_ORDER.into_iter().filter(|s| sig(*s)).count()
                    + Question::ALL
                        .into_iter()
                        .filter(|q| answer(*q).is_some_and(|a| ans(*q, a)))
                        .count()
            };
            let pm_side = count(&pm_signal, &pm_answer);
            let po_side = count(&po_signal, &po_answer);
            let recommendation = if pm_side >= po_side {
                Recommendation::PmFirst
            } else {
                Recommendation::PoFirst
            };
            let r = reasons(
                &|s| {
                    matches!(s, Signal::PmSeatEmpty | Signal::PoSeatEmpty)
                        || pm_signal(s)
                        || po_signal(s)
                },
                &|q, a| pm_answer(q, a) || po_answer(q, a),
            );
            return (recommendation, r);
        }
        (false, false) => {}
    }

    // 4. Combined.
    let r = reasons(
        &|s| {
            matches!(
                s,
                Signal::OneTeam | Signal::SmallTeam | Signal::SingleProduct
            )
        },
        &|q, a| a && q.side() == QuestionSide::Combining,
    );
    (Recommendation::Combined, r)
}
