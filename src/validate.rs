//! The rules a parsed scenario must keep (scenario-format.md): one namespace of unique ids,
//! references that resolve to the right kind of thing, a responsibility at most once per
//! board, numbers within the format's limits, settings within domain.md's ranges, and the
//! workshop record's texts, owners and references (format 2).

use rustc_hash::FxHashMap as HashMap;

use crate::changes::Changes;
use crate::error::{Position, ReadError, ReadErrorKind};
use crate::locate::{self, Node, Step};
use crate::model::{MAX_COST, MAX_HOURS, Scenario};
use crate::record::{MAX_NAMED_CHARS, MAX_TEXT_CHARS, Owner};

/// What an id names, for messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Thing {
    Person,
    Stakeholder,
    Responsibility,
    Product,
    Team,
    Decision,
    Action,
}

impl Thing {
    const ALL: [Thing; 7] = [
        Thing::Person,
        Thing::Stakeholder,
        Thing::Responsibility,
        Thing::Product,
        Thing::Team,
        Thing::Decision,
        Thing::Action,
    ];

    pub fn word(self) -> &'static str {
        match self {
            Thing::Person => "person",
            Thing::Stakeholder => "stakeholder",
            Thing::Responsibility => "responsibility",
            Thing::Product => "product",
            Thing::Team => "team",
            Thing::Decision => "decision",
            Thing::Action => "action",
        }
    }

    /// Where the list of these things is in a file.
    fn list(self) -> &'static [Step<'static>] {
        match self {
            Thing::Person => &[Step::Field("people")],
            Thing::Stakeholder => &[Step::Field("stakeholders")],
            Thing::Responsibility => &[Step::Field("responsibilities")],
            Thing::Product => &[Step::Field("products")],
            Thing::Team => &[Step::Field("teams")],
            Thing::Decision => &[Step::Field("record"), Step::Field("decisions")],
            Thing::Action => &[Step::Field("record"), Step::Field("actions")],
        }
    }

    /// The path to a field of the `index`th thing of this kind.
    fn path(self, index: usize, field: &str) -> Vec<Step<'_>> {
        let mut path: Vec<Step<'_>> = self.list().to_vec();
        path.extend([Step::Index(index), Step::Field(field)]);
        path
    }

    fn with_article(self) -> String {
        let word = self.word();
        let article = if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {word}")
    }
}

/// Checks a scenario parsed from `text`; the first problem found is the error, placed at
/// the line of the offending item.
pub fn validate(scenario: &Scenario, text: &str) -> Result<(), ReadError> {
    // The file is scanned for positions only when a problem needs one.
    let root: std::cell::OnceCell<Option<Node>> = std::cell::OnceCell::new();
    let place = |path: &[Step]| {
        root.get_or_init(|| locate::scan(text))
            .as_ref()
            .map(|r: &Node| r.position_of(path))
    };
    check(scenario, &place)
}

/// Checks a scenario that has no file text (built in memory); errors carry no position.
pub fn validate_scenario(scenario: &Scenario) -> Result<(), ReadError> {
    check(scenario, &|_: &[Step]| None)
}

fn invalid(position: Option<Position>, message: String) -> ReadError {
    ReadError::new(ReadErrorKind::Invalid, position, message)
}

type Place<'a> = dyn Fn(&[Step]) -> Option<Position> + 'a;

fn check(s: &Scenario, place: &Place) -> Result<(), ReadError> {
    let ids = check_ids(s, place)?;
    check_settings(s, place)?;
    let items = Items {
        s,
        place,
        thing: &|id, _| ids.get(id).map(|(thing, _)| *thing),
    };
    for i in 0..s.people.len() {
        items.person(i)?;
    }
    for i in 0..s.responsibilities.len() {
        items.responsibility(i)?;
    }
    for i in 0..s.products.len() {
        items.product(i)?;
    }
    for i in 0..s.teams.len() {
        items.team(i)?;
    }
    items.record()
}

/// Checks what changed in place in a scenario that was valid before: only the items that
/// changed, and the settings when they did. With the ids and the shape of every list as
/// they were, nothing else can have become invalid, and the first problem is the one
/// [`validate_scenario`] would report. Anything else is checked whole.
pub fn validate_changes(s: &Scenario, changes: &Changes) -> Result<(), ReadError> {
    // A record entry has an id in the one namespace: a change to the record is checked
    // whole, like a list that changed shape.
    if !changes.in_place() || changes.record {
        return validate_scenario(s);
    }
    let place = |_: &[Step]| None;
    if changes.settings {
        check_settings(s, &place)?;
    }
    let items = Items {
        s,
        place: &place,
        thing: &|id, want| thing_of(s, id, want),
    };
    for &i in changes.people.items() {
        items.person(i)?;
    }
    for &i in changes.responsibilities.items() {
        items.responsibility(i)?;
    }
    for &i in changes.products.items() {
        items.product(i)?;
    }
    for &i in changes.teams.items() {
        items.team(i)?;
    }
    // The record is short, and an edit of a board could leave a decision naming a card no
    // longer there: it is checked after every edit.
    items.record()
}

/// What an id names, found by going through the lists (a few lookups after an edit cost
/// less than indexing every id of a large file).
fn thing_of(s: &Scenario, id: &str, want: Thing) -> Option<Thing> {
    // Ids are unique in a scenario that was valid: the list of the kind wanted first.
    if names(s, want, id) {
        return Some(want);
    }
    Thing::ALL
        .into_iter()
        .find(|&thing| thing != want && names(s, thing, id))
}

/// Whether one of the things of this kind has the id.
fn names(s: &Scenario, thing: Thing, id: &str) -> bool {
    match thing {
        Thing::Person => s.people.iter().any(|x| x.id == id),
        Thing::Stakeholder => s.stakeholders.iter().any(|x| x.id == id),
        Thing::Responsibility => s.responsibilities.iter().any(|x| x.id == id),
        Thing::Product => s.products.iter().any(|x| x.id == id),
        Thing::Team => s.teams.iter().any(|x| x.id == id),
        Thing::Decision => s.record.decisions.iter().any(|x| x.id == id),
        Thing::Action => s.record.actions.iter().any(|x| x.id == id),
    }
}

/// The checks of one item at a time, with what each id names.
struct Items<'a> {
    s: &'a Scenario,
    place: &'a Place<'a>,
    /// What an id names; the kind wanted is a hint of where to look first.
    thing: &'a dyn Fn(&str, Thing) -> Option<Thing>,
}

impl Items<'_> {
    /// An error unless `id` names a `want`. Messages and positions are made only for a
    /// problem: a valid file of 5,000 people would otherwise pay for a second scan of its
    /// text and a string per item.
    fn resolve(
        &self,
        id: &str,
        want: Thing,
        path: &[Step],
        what: &dyn Fn() -> String,
    ) -> Result<(), ReadError> {
        match (self.thing)(id, want) {
            Some(thing) if thing == want => Ok(()),
            Some(thing) => Err(invalid(
                (self.place)(path),
                format!(
                    "{} \"{id}\", which is {}, not {}",
                    what(),
                    thing.with_article(),
                    want.with_article()
                ),
            )),
            None => Err(invalid(
                (self.place)(path),
                format!(
                    "{} \"{id}\", but there is no {} with that id",
                    what(),
                    want.word()
                ),
            )),
        }
    }

    fn person(&self, i: usize) -> Result<(), ReadError> {
        let Some(p) = self.s.people.get(i) else {
            return Ok(());
        };
        let place = self.place;
        let owner = || format!("person \"{}\"", p.id);
        let at = |field| place(&[Step::Field("people"), Step::Index(i), Step::Field(field)]);
        in_range(p.capacity_hours, HOURS, "capacity_hours", owner, at)?;
        in_range(p.other_hours, HOURS, "other_hours", owner, at)?;
        if let Some(cost) = p.annual_cost {
            in_range(cost, COST, "annual_cost", owner, at)?;
        }
        Ok(())
    }

    fn responsibility(&self, i: usize) -> Result<(), ReadError> {
        let Some(r) = self.s.responsibilities.get(i) else {
            return Ok(());
        };
        let place = self.place;
        let owner = || format!("responsibility \"{}\"", r.id);
        let at = |field| {
            place(&[
                Step::Field("responsibilities"),
                Step::Index(i),
                Step::Field(field),
            ])
        };
        in_range(r.hours, HOURS, "hours", owner, at)?;
        for (k, sh) in r.stakeholders.iter().enumerate() {
            let path = [
                Step::Field("responsibilities"),
                Step::Index(i),
                Step::Field("stakeholders"),
                Step::Index(k),
            ];
            self.resolve(sh, Thing::Stakeholder, &path, &|| {
                format!("responsibility \"{}\" serves", r.id)
            })?;
        }
        Ok(())
    }

    fn product(&self, i: usize) -> Result<(), ReadError> {
        let Some(p) = self.s.products.get(i) else {
            return Ok(());
        };
        let place = self.place;
        if let Some(pm) = &p.pm {
            let path = [Step::Field("products"), Step::Index(i), Step::Field("pm")];
            self.resolve(pm, Thing::Person, &path, &|| {
                format!("product \"{}\" has as its PM", p.id)
            })?;
        }
        let mut seen: HashMap<&str, usize> = HashMap::default();
        for (j, c) in p.cards.iter().enumerate() {
            let card = [
                Step::Field("products"),
                Step::Index(i),
                Step::Field("cards"),
                Step::Index(j),
            ];
            let field = |f| {
                [
                    Step::Field("products"),
                    Step::Index(i),
                    Step::Field("cards"),
                    Step::Index(j),
                    Step::Field(f),
                ]
            };
            self.resolve(
                &c.responsibility,
                Thing::Responsibility,
                &field("responsibility"),
                &|| format!("a card on the board of product \"{}\" names", p.id),
            )?;
            if let Some(first) = seen.insert(&c.responsibility, j) {
                let first_line = place(&[
                    Step::Field("products"),
                    Step::Index(i),
                    Step::Field("cards"),
                    Step::Index(first),
                ])
                .map(|p| format!(" (first at line {})", p.line))
                .unwrap_or_default();
                return Err(invalid(
                    place(&card),
                    format!(
                        "responsibility \"{}\" is on the board of product \"{}\" twice{first_line}; a responsibility may be on a board once",
                        c.responsibility, p.id
                    ),
                ));
            }
            if let Some(h) = c.hours {
                in_range(
                    h,
                    HOURS,
                    "hours",
                    || format!("the card \"{}\" on product \"{}\"", c.responsibility, p.id),
                    |name| place(&field(name)),
                )?;
            }
        }
        Ok(())
    }

    fn team(&self, i: usize) -> Result<(), ReadError> {
        let Some(t) = self.s.teams.get(i) else {
            return Ok(());
        };
        let at = |field| [Step::Field("teams"), Step::Index(i), Step::Field(field)];
        self.resolve(&t.product, Thing::Product, &at("product"), &|| {
            format!("team \"{}\" works on", t.id)
        })?;
        if let Some(po) = &t.po {
            self.resolve(po, Thing::Person, &at("po"), &|| {
                format!("team \"{}\" has as its PO", t.id)
            })?;
        }
        Ok(())
    }

    /// The workshop record: texts within their length, references that resolve, a card
    /// named by a decision on its product's board, owners that are people or short names.
    fn record(&self) -> Result<(), ReadError> {
        let (s, place) = (self.s, self.place);
        for (i, d) in s.record.decisions.iter().enumerate() {
            let owner = || format!("decision \"{}\"", d.id);
            let at = |field| Thing::Decision.path(i, field);
            text_rule(&d.text, owner, || place(&at("text")))?;
            let some = |field| {
                let mut path = at(field);
                path.push(Step::Index(0));
                path
            };
            if let Some(product) = &d.product {
                self.resolve(product, Thing::Product, &some("product"), &|| {
                    format!("decision \"{}\" is about", d.id)
                })?;
            }
            if let Some(r) = &d.responsibility {
                self.resolve(r, Thing::Responsibility, &some("responsibility"), &|| {
                    format!("decision \"{}\" names the card", d.id)
                })?;
                if let Some(p) = d.product.as_deref().and_then(|p| s.product(p))
                    && !p.cards.iter().any(|c| c.responsibility == *r)
                {
                    return Err(invalid(
                        place(&some("responsibility")),
                        format!(
                            "decision \"{}\" names the card \"{r}\" of product \"{}\", but that responsibility is not on the product's board",
                            d.id, p.id
                        ),
                    ));
                }
            }
        }
        for (i, a) in s.record.actions.iter().enumerate() {
            let owner = || format!("action \"{}\"", a.id);
            let at = |field| Thing::Action.path(i, field);
            text_rule(&a.text, owner, || place(&at("text")))?;
            // `owner: Some(Person("tom"))`: the value inside both brackets.
            let mut owner_at = at("owner");
            owner_at.extend([Step::Index(0), Step::Index(0)]);
            match &a.owner {
                Some(Owner::Person(id)) => self.resolve(id, Thing::Person, &owner_at, &|| {
                    format!("action \"{}\" is owned by", a.id)
                })?,
                Some(Owner::Named(name)) => {
                    let n = name.chars().count();
                    if name.trim().is_empty() || n > MAX_NAMED_CHARS {
                        let what = if name.trim().is_empty() {
                            "is empty".to_string()
                        } else {
                            format!("has {n} characters")
                        };
                        return Err(invalid(
                            place(&owner_at),
                            format!(
                                "{}: the `owner` name {what}; a named owner has 1 to {MAX_NAMED_CHARS} characters",
                                owner()
                            ),
                        ));
                    }
                }
                None => {}
            }
        }
        Ok(())
    }
}

/// A decision's or an action's `text`: not blank, at most 2,000 characters.
fn text_rule(
    text: &str,
    owner: impl FnOnce() -> String,
    at: impl FnOnce() -> Option<Position>,
) -> Result<(), ReadError> {
    let n = text.chars().count();
    let problem = if text.trim().is_empty() {
        "is empty; write what was decided or what is to be done".to_string()
    } else if n > MAX_TEXT_CHARS {
        format!(
            "has {} characters; at most {} are allowed",
            crate::parse::thousands(n as u64),
            crate::parse::thousands(MAX_TEXT_CHARS as u64)
        )
    } else {
        return Ok(());
    };
    Err(invalid(at(), format!("{}: `text` {problem}", owner())))
}

/// Every id, with what it names and its index in its list.
fn check_ids<'a>(
    s: &'a Scenario,
    place: &Place,
) -> Result<HashMap<&'a str, (Thing, usize)>, ReadError> {
    let lists: [(Thing, Vec<&str>); 7] = [
        (
            Thing::Person,
            s.people.iter().map(|p| p.id.as_str()).collect(),
        ),
        (
            Thing::Stakeholder,
            s.stakeholders.iter().map(|p| p.id.as_str()).collect(),
        ),
        (
            Thing::Responsibility,
            s.responsibilities.iter().map(|p| p.id.as_str()).collect(),
        ),
        (
            Thing::Product,
            s.products.iter().map(|p| p.id.as_str()).collect(),
        ),
        (Thing::Team, s.teams.iter().map(|p| p.id.as_str()).collect()),
        (
            Thing::Decision,
            s.record.decisions.iter().map(|d| d.id.as_str()).collect(),
        ),
        (
            Thing::Action,
            s.record.actions.iter().map(|a| a.id.as_str()).collect(),
        ),
    ];
    let at = |thing: Thing, i: usize| place(&thing.path(i, "id"));
    let mut ids: HashMap<&str, (Thing, usize)> = HashMap::default();
    for (thing, list) in lists {
        for (i, id) in list.into_iter().enumerate() {
            if id.trim().is_empty() {
                return Err(invalid(
                    at(thing, i),
                    format!(
                        "{} has an empty id; every id must have at least one letter or digit",
                        thing.with_article()
                    ),
                ));
            }
            if let Some(&(first, first_index)) = ids.get(id) {
                let where_first = at(first, first_index)
                    .map(|p| format!(" at line {}", p.line))
                    .unwrap_or_default();
                return Err(invalid(
                    at(thing, i),
                    format!(
                        "the id \"{id}\" is used twice: by {}{where_first} and by {} here; ids must be unique across the scenario",
                        first.with_article(),
                        thing.with_article()
                    ),
                ));
            }
            ids.insert(id, (thing, i));
        }
    }
    Ok(ids)
}

fn check_settings(s: &Scenario, place: &Place) -> Result<(), ReadError> {
    let at = |field| place(&[Step::Field("settings"), Step::Field(field)]);
    let st = &s.settings;
    if !(0.0..=0.5).contains(&st.hybrid_min_share) {
        return Err(invalid(
            at("hybrid_min_share"),
            format!(
                "settings: `hybrid_min_share` must be between 0 and 0.5, not {}",
                st.hybrid_min_share
            ),
        ));
    }
    if !(st.starved_ratio.is_finite() && st.starved_ratio > 0.0) {
        return Err(invalid(
            at("starved_ratio"),
            format!(
                "settings: `starved_ratio` must be a number above 0, not {}",
                st.starved_ratio
            ),
        ));
    }
    if !(st.overload_error_ratio.is_finite() && st.overload_error_ratio >= 1.0) {
        return Err(invalid(
            at("overload_error_ratio"),
            format!(
                "settings: `overload_error_ratio` must be a number of at least 1, not {}",
                st.overload_error_ratio
            ),
        ));
    }
    let share = st.po_strategy_share;
    if !(share.is_finite() && share > 0.0 && share <= 1.0) {
        return Err(invalid(
            at("po_strategy_share"),
            format!("settings: `po_strategy_share` must be above 0 and at most 1, not {share}"),
        ));
    }
    Ok(())
}

/// The hours of a week: the range of every number of hours, and how errors say it.
const HOURS: (f64, &str) = (MAX_HOURS, "0 and 168 hours a week (the hours of a week)");
/// The range of an annual cost, and how errors say it.
const COST: (f64, &str) = (MAX_COST, "0 and 100,000,000");

/// An error unless the field's value `v` lies between 0 and the range's maximum; `owner`
/// names what has the field, `at` finds a field in the file.
fn in_range<'a>(
    v: f64,
    (max, range): (f64, &str),
    field: &'a str,
    owner: impl FnOnce() -> String,
    at: impl FnOnce(&'a str) -> Option<Position>,
) -> Result<(), ReadError> {
    if v.is_finite() && (0.0..=max).contains(&v) {
        return Ok(());
    }
    Err(invalid(
        at(field),
        format!("{}: `{field}` must be between {range}, not {v}", owner()),
    ))
}
