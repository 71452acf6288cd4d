//! For random valid scenarios (with a workshop record, format 2): save → load gives an
//! equal scenario, and saving again gives identical bytes; the engine never panics and is
//! deterministic.

#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use proptest::prelude::*;
use rolesplit::checklist::{Checklist, Question};
use rolesplit::model::*;
use rolesplit::record::{ActionItem, Date, Decision, Owner, Record};

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ]{0,12}",
        any::<String>(),
        Just("quote \" backslash \\ newline \n tab \t <script>&, ; |".to_string()),
    ]
}

fn hours() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..=168.0f64,
        Just(0.0),
        Just(168.0),
        (0u32..=1680).prop_map(|x| f64::from(x) / 10.0)
    ]
}

fn enum_of<T: Clone + std::fmt::Debug + 'static>(values: Vec<T>) -> impl Strategy<Value = T> {
    proptest::sample::select(values)
}

/// A text that is not blank: a letter, then anything.
fn record_text() -> impl Strategy<Value = String> {
    ("[a-zA-Z]", text()).prop_map(|(first, rest)| format!("{first}{rest}"))
}

fn date() -> impl Strategy<Value = Date> {
    (0u16..=9999, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).expect("a day"))
}

/// A valid record for `s`: decisions about its products and cards, actions owned by its
/// people or by names.
fn record_for(s: &Scenario) -> impl Strategy<Value = Record> + use<> {
    // (product, card) pairs, and responsibilities alone, that a decision may name.
    let mut about: Vec<(Option<String>, Option<String>)> = vec![(None, None)];
    for p in &s.products {
        about.push((Some(p.id.clone()), None));
        for c in &p.cards {
            about.push((Some(p.id.clone()), Some(c.responsibility.clone())));
        }
    }
    for r in &s.responsibilities {
        about.push((None, Some(r.id.clone())));
    }
    let mut owners: Vec<Option<Owner>> = vec![None];
    owners.extend(s.people.iter().map(|p| Some(Owner::Person(p.id.clone()))));
    let named = ("[a-zA-Z]", "[a-zA-Z '\"|<>]{0,79}")
        .prop_map(|(a, b)| Some(Owner::Named(format!("{a}{b}").chars().take(80).collect())));
    let owner = prop_oneof![proptest::sample::select(owners), named];
    let decisions = proptest::collection::vec(
        (record_text(), date(), proptest::sample::select(about)),
        0..4,
    );
    let actions = proptest::collection::vec(
        (
            record_text(),
            owner,
            proptest::option::of(date()),
            any::<bool>(),
        ),
        0..4,
    );
    (decisions, actions).prop_map(|(decisions, actions)| Record {
        decisions: decisions
            .into_iter()
            .enumerate()
            .map(|(i, (text, date, (product, responsibility)))| Decision {
                id: format!("decision-{i}"),
                text,
                date,
                product,
                responsibility,
            })
            .collect(),
        actions: actions
            .into_iter()
            .enumerate()
            .map(|(i, (text, owner, due, done))| ActionItem {
                id: format!("action-{i}"),
                text,
                owner,
                due,
                done,
            })
            .collect(),
    })
}

/// A valid scenario with a record.
fn scenario() -> impl Strategy<Value = Scenario> {
    scenario_without_record().prop_flat_map(|s| {
        record_for(&s).prop_map(move |record| Scenario {
            record,
            ..s.clone()
        })
    })
}

/// A valid scenario: ids are prefixed by kind so they never collide.
fn scenario_without_record() -> impl Strategy<Value = Scenario> {
    (1usize..6, 0usize..4, 1usize..8, 0usize..4, 0usize..6)
        .prop_flat_map(|(n_people, n_stake, n_resp, n_prod, n_team)| {
            let people = proptest::collection::vec(
                (
                    text(),
                    hours(),
                    hours(),
                    proptest::option::of(0.0..=100_000_000.0f64),
                ),
                n_people,
            );
            let stakeholders = proptest::collection::vec(
                (text(), enum_of(vec![Side::External, Side::Internal])),
                n_stake,
            );
            let responsibilities = proptest::collection::vec(
                (
                    text(),
                    text(),
                    enum_of(vec![Kind::Strategy, Kind::Execution]),
                    enum_of(vec![Scope::Product, Scope::Team]),
                    enum_of(vec![Horizon::Sprint, Horizon::Quarter, Horizon::Year]),
                    hours(),
                    proptest::collection::vec(0..n_stake.max(1), 0..3),
                    text(),
                ),
                n_resp,
            );
            let products = proptest::collection::vec(
                (
                    text(),
                    enum_of(vec![Market::Stable, Market::Evolving]),
                    proptest::option::of(enum_of(vec![
                        Stage::Discovery,
                        Stage::Growth,
                        Stage::Mature,
                    ])),
                    proptest::option::of(0..n_people),
                    any::<bool>(),
                    proptest::collection::btree_map(0..Question::ALL.len(), any::<bool>(), 0..4),
                    proptest::sample::subsequence((0..n_resp).collect::<Vec<_>>(), 0..=n_resp)
                        .prop_shuffle(),
                    proptest::collection::vec(
                        (
                            enum_of(Column::ALL.to_vec()),
                            proptest::option::of(hours()),
                            text(),
                            any::<bool>(),
                            any::<bool>(),
                        ),
                        n_resp,
                    ),
                ),
                n_prod,
            );
            let teams = proptest::collection::vec(
                (
                    text(),
                    0..n_prod.max(1),
                    0u32..=100_000,
                    enum_of(vec![Method::Scrum, Method::Kanban, Method::Other]),
                    proptest::option::of(0..n_people),
                    any::<bool>(),
                ),
                if n_prod == 0 { 0 } else { n_team },
            );
            let settings = (
                0u64..50,
                0u64..500,
                0.0..=0.5f64,
                0.01..10.0f64,
                1.0..3.0f64,
                enum_of(vec![CostRegion::Us, CostRegion::LatinAmerica]),
                prop_oneof![Just(1.0), Just(0.5), 0.001..=1.0f64],
            );
            (
                text(),
                text(),
                settings,
                people,
                stakeholders,
                responsibilities,
                products,
                teams,
            )
        })
        .prop_map(
            |(name, description, st, people, stakeholders, responsibilities, products, teams)| {
                let n_stake = stakeholders.len();
                Scenario {
                    format: FORMAT,
                    name,
                    description,
                    settings: Settings {
                        combined_max_engineers: st.0,
                        split_engineers: st.1,
                        hybrid_min_share: st.2,
                        starved_ratio: st.3,
                        overload_error_ratio: st.4,
                        cost_region: st.5,
                        po_strategy_share: st.6,
                    },
                    people: people
                        .into_iter()
                        .enumerate()
                        .map(
                            |(i, (name, capacity_hours, other_hours, annual_cost))| Person {
                                id: format!("person-{i}"),
                                name,
                                capacity_hours,
                                other_hours,
                                annual_cost,
                            },
                        )
                        .collect(),
                    stakeholders: stakeholders
                        .into_iter()
                        .enumerate()
                        .map(|(i, (name, side))| Stakeholder {
                            id: format!("stakeholder-{i}"),
                            name,
                            side,
                        })
                        .collect(),
                    responsibilities: responsibilities
                        .into_iter()
                        .enumerate()
                        .map(
                            |(
                                i,
                                (title, description, kind, scope, horizon, hours, stake, source),
                            )| Responsibility {
                                id: format!("r-{i}"),
                                title,
                                description,
                                kind,
                                scope,
                                horizon,
                                hours,
                                stakeholders: stake
                                    .into_iter()
                                    .filter(|k| *k < n_stake)
                                    .map(|k| format!("stakeholder-{k}"))
                                    .collect(),
                                source,
                            },
                        )
                        .collect(),
                    products: products
                        .into_iter()
                        .enumerate()
                        .map(
                            |(i, (name, market, stage, pm, pm_locked, checklist, order, cards))| {
                                Product {
                                    id: format!("product-{i}"),
                                    name,
                                    market,
                                    stage,
                                    pm: pm.map(|p| format!("person-{p}")),
                                    pm_locked,
                                    checklist: Checklist(
                                        checklist
                                            .into_iter()
                                            .map(|(q, a)| (Question::ALL[q], a))
                                            .collect(),
                                    ),
                                    cards: order
                                        .into_iter()
                                        .zip(cards)
                                        .map(|(r, (column, hours, note, flagged, pinned))| Card {
                                            responsibility: format!("r-{r}"),
                                            column,
                                            hours,
                                            note,
                                            flagged,
                                            pinned,
                                        })
                                        .collect(),
                                }
                            },
                        )
                        .collect(),
                    teams: teams
                        .into_iter()
                        .enumerate()
                        .map(
                            |(i, (name, product, engineers, method, po, po_locked))| Team {
                                id: format!("team-{i}"),
                                name,
                                product: format!("product-{product}"),
                                engineers,
                                method,
                                po: po.map(|p| format!("person-{p}")),
                                po_locked,
                            },
                        )
                        .collect(),
                    record: Record::default(),
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn save_load_gives_an_equal_scenario_and_identical_bytes(s in scenario()) {
        rolesplit::validate::validate_scenario(&s).expect("the generator makes valid scenarios");
        let text = rolesplit::write::scenario_to_string(&s);
        let back = rolesplit::parse::scenario_from_str(&text)
            .unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        prop_assert_eq!(&back, &s);
        prop_assert_eq!(rolesplit::write::scenario_to_string(&back), text);
    }

    #[test]
    fn analysis_is_deterministic_and_never_panics(s in scenario()) {
        let a = rolesplit::analyze(&s);
        let b = rolesplit::analyze(&s);
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.loads.people.len(), s.people.len());
        prop_assert_eq!(a.advice.len(), s.products.len());
        for w in a.findings.windows(2) {
            prop_assert!(w[0].sort_key() <= w[1].sort_key(), "findings are sorted");
        }
    }

    /// Role fit: each person's hours by horizon and by stakeholder side each sum to their
    /// strategy + execution hours, within domain.md's tolerance.
    #[test]
    fn role_fit_maps_sum_to_strategy_plus_execution(s in scenario()) {
        let a = rolesplit::analyze(&s);
        prop_assert_eq!(a.role_fit.len(), s.people.len());
        for (fit, load) in a.role_fit.iter().zip(&a.loads.people) {
            let work = load.strategy_hours + load.execution_hours;
            let by_horizon: f64 = fit.horizon_hours.iter().sum();
            let by_side: f64 = fit.stakeholder_hours.iter().sum();
            prop_assert!((by_horizon - work).abs() <= 1e-9, "{} vs {}", by_horizon, work);
            prop_assert!((by_side - work).abs() <= 1e-9, "{} vs {}", by_side, work);
            prop_assert!(fit.horizon_hours.iter().chain(&fit.stakeholder_hours).all(|h| *h >= 0.0));
        }
    }
}

/// Whether every product has a name of its own: the split export names products, so an
/// import can only tell apart products with different names.
fn product_names_differ(s: &Scenario) -> bool {
    let names: std::collections::HashSet<&str> =
        s.products.iter().map(|p| p.name.as_str()).collect();
    names.len() == s.products.len()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// Any names, notes and hours survive export → import exactly: nothing is refused and
    /// nothing changes, from CSV (through the formula guard) and from the workbook.
    #[test]
    fn importing_an_unchanged_export_changes_nothing(
        mut s in scenario(),
        prefix in proptest::sample::select(vec!["=", "+", "-", "@", "\t", "\r", "'=", "''-", "'", ""]),
    ) {
        prop_assume!(product_names_differ(&s));
        // Texts that a spreadsheet would take for formulas, or that look guarded already.
        for p in &mut s.people {
            p.name.insert_str(0, prefix);
        }
        for r in &mut s.responsibilities {
            r.title.insert_str(0, prefix);
        }
        for p in &mut s.products {
            p.name.insert_str(0, prefix);
            for c in &mut p.cards {
                c.note.insert_str(0, prefix);
            }
        }
        let a = rolesplit::analyze(&s);
        let csv = rolesplit::export::render(
            rolesplit::export::ExportFormat::Csv,
            &s,
            &a,
            Date::new(2026, 11, 29).expect("a day"),
        );
        let from_csv = rolesplit::import::read_sheet(csv.into_bytes()).expect("the CSV reads");
        let workbook = rolesplit::export::workbook(&s, &a).expect("the workbook");
        let from_xlsx = rolesplit::import::read_sheet(workbook).expect("the workbook reads");
        for sheet in [from_csv, from_xlsx] {
            let plan = rolesplit::import::plan_split(&s, &sheet);
            let refused: Vec<_> = plan.rejected().collect();
            prop_assert!(refused.is_empty(), "{:?}", refused);
            prop_assert_eq!(plan.edits.len(), 0, "{:?}", plan.rows);
        }
    }
}
