//! The split import: the card rows of rolesplit's own export, edited in a spreadsheet, put
//! back on the boards (issue 20). Each row puts responsibility `responsibility_id` on the
//! board of the product named `product`, in `column`, with `hours`, `note` and `flagged`;
//! a new `responsibility_id` also creates the responsibility from `responsibility`,
//! `kind`, `scope`, `horizon` and `hours`; `owners` is derived and ignored. A card already
//! on that board is updated in place, a new one goes to the end of its column; nothing is
//! ever removed. Importing an unchanged export changes nothing.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use super::sheet::{Numbering, Sheet};
use super::{ImportPlan, RowOutcome};
use crate::edit::Edit;
use crate::model::{Card, Column, Horizon, Kind, MAX_HOURS, Responsibility, Scenario, Scope};
use crate::num::{hours as show_hours, round1};

/// Plans the import of a sheet's rows into `s`: each row's outcome, and the edits of the
/// rows that change something.
pub fn plan(s: &Scenario, sheet: &Sheet) -> ImportPlan {
    let mut planner = Planner::new(s, sheet.numbering);
    let mut plan = ImportPlan {
        numbering: sheet.numbering,
        ..ImportPlan::default()
    };
    for row in &sheet.rows {
        let result = match &row.cells {
            Ok(cells) => planner.row(row.number, cells),
            Err(reason) => Err(reason.clone()),
        };
        let outcome = match result {
            Ok((description, edits)) => {
                let changes = !edits.is_empty();
                plan.edits.extend(edits);
                RowOutcome {
                    line: row.number,
                    result: Ok(description),
                    changes,
                }
            }
            Err(reason) => RowOutcome {
                line: row.number,
                result: Err(reason),
                changes: false,
            },
        };
        plan.rows.push(outcome);
    }
    plan
}

/// One row's cells, by the header's names.
struct Row<'a> {
    product: &'a str,
    id: &'a str,
    title: &'a str,
    kind: &'a str,
    scope: &'a str,
    horizon: &'a str,
    column: &'a str,
    hours: &'a str,
    note: &'a str,
    flagged: &'a str,
}

impl<'a> Row<'a> {
    fn new(cells: &'a [String]) -> Row<'a> {
        let cell = |i: usize| cells.get(i).map_or("", String::as_str);
        // `owners` (7) is derived from the seats: it is not read.
        Row {
            product: cell(0),
            id: cell(1),
            title: cell(2),
            kind: cell(3),
            scope: cell(4),
            horizon: cell(5),
            column: cell(6),
            hours: cell(8),
            note: cell(9),
            flagged: cell(10),
        }
    }
}

/// What the rows so far have planned, so that later rows see it.
struct Planner<'a> {
    s: &'a Scenario,
    numbering: Numbering,
    /// Product indices by name (a name two products share cannot be told apart).
    products: HashMap<&'a str, Vec<usize>>,
    ids: HashSet<&'a str>,
    /// Responsibilities created by earlier rows, with where each was created ("line 3").
    created: HashMap<String, (Responsibility, String)>,
    /// The rows taken or refused so far, by product index and responsibility id.
    seen: HashMap<(usize, String), usize>,
}

impl<'a> Planner<'a> {
    fn new(s: &'a Scenario, numbering: Numbering) -> Self {
        let mut products: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, p) in s.products.iter().enumerate() {
            products.entry(p.name.as_str()).or_default().push(i);
        }
        Planner {
            s,
            numbering,
            products,
            ids: crate::edit::all_ids(s),
            created: HashMap::new(),
            seen: HashMap::new(),
        }
    }

    fn row(&mut self, number: usize, cells: &[String]) -> Result<(String, Vec<Edit>), String> {
        let row = Row::new(cells);
        let index = self.product(row.product)?;
        let product = self
            .s
            .products
            .get(index)
            .ok_or_else(|| format!("there is no product called “{}”", row.product))?;
        if row.id.trim().is_empty() {
            return Err("the responsibility_id is empty".into());
        }
        match self.seen.entry((index, row.id.to_string())) {
            Entry::Occupied(first) => {
                return Err(format!(
                    "“{}” on {} is already on {} {} of the sheet; each card may be listed once",
                    row.id,
                    product.name,
                    self.numbering.word(),
                    first.get()
                ));
            }
            Entry::Vacant(entry) => drop(entry.insert(number)),
        }
        let column = choice(row.column, "column", &COLUMNS)?;
        let kind = choice(row.kind, "kind", &KINDS)?;
        let scope = choice(row.scope, "scope", &SCOPES)?;
        let horizon = choice(row.horizon, "horizon", &HORIZONS)?;
        let hours = hours(row.hours)?;
        let flagged = flag(row.flagged)?;
        let mut edits = Vec::new();
        let mut created = None;
        let responsibility = match self.known(row.id) {
            Some((r, defined)) => {
                same_responsibility(r, &defined, &row, (kind, scope, horizon))?;
                r.clone()
            }
            None => {
                let r = self.create(&row, kind, scope, horizon, hours)?;
                let place = format!("{} {number}", self.numbering.word());
                self.created.insert(r.id.clone(), (r.clone(), place));
                edits.push(Edit::AddResponsibility(r.clone()));
                created = Some(r.clone());
                r
            }
        };
        let existing = product
            .cards
            .iter()
            .find(|c| c.responsibility == responsibility.id);
        let card = Card {
            responsibility: responsibility.id.clone(),
            column,
            hours: card_hours(existing, &responsibility, hours),
            note: row.note.to_string(),
            flagged,
            pinned: existing.is_some_and(|c| c.pinned),
        };
        let title = format!("{}: “{}”", product.name, responsibility.title);
        let description = match existing {
            Some(old) if *old == card => format!("{title} unchanged"),
            Some(old) => {
                let changes = changes(old, &card, &responsibility);
                edits.push(Edit::UpdateCard {
                    product: product.id.clone(),
                    card: card.clone(),
                });
                format!("{title}: {changes}")
            }
            None => {
                let new = match &created {
                    Some(r) => format!(
                        " (a new responsibility: {}, {}, {}, {} h)",
                        r.kind.name(),
                        r.scope.name(),
                        r.horizon.name(),
                        show_hours(r.hours)
                    ),
                    None => String::new(),
                };
                edits.push(Edit::AddCard {
                    product: product.id.clone(),
                    card: card.clone(),
                });
                format!(
                    "{title}{new} added to {}, {} h",
                    card.column.label(),
                    show_hours(card.hours.unwrap_or(responsibility.hours))
                )
            }
        };
        Ok((description, edits))
    }

    /// The product's index by its name.
    fn product(&self, name: &str) -> Result<usize, String> {
        match self.products.get(name).map(Vec::as_slice) {
            Some([index]) => Ok(*index),
            Some(several) => Err(format!(
                "{} products are called “{name}”; give them different names to import their rows",
                several.len()
            )),
            None if name.trim().is_empty() => Err("the product is empty".into()),
            None => Err(format!("there is no product called “{name}”")),
        }
    }

    /// The responsibility with this id and where it is defined: the scenario's, or one an
    /// earlier row created.
    fn known(&self, id: &str) -> Option<(&Responsibility, String)> {
        match self.s.responsibility(id) {
            Some(r) => Some((r, "in the scenario".into())),
            None => self
                .created
                .get(id)
                .map(|(r, place)| (r, format!("as created on {place}"))),
        }
    }

    /// A new responsibility from a row.
    fn create(
        &self,
        row: &Row,
        kind: Kind,
        scope: Scope,
        horizon: Horizon,
        hours: Option<f64>,
    ) -> Result<Responsibility, String> {
        let id = row.id;
        if self.ids.contains(id) {
            return Err(format!(
                "the id “{id}” is already {}; a new responsibility needs an id of its own",
                self.what_is(id)
            ));
        }
        if row.title.trim().is_empty() {
            return Err(format!(
                "“{id}” is a new responsibility, and its title (the responsibility column) is empty"
            ));
        }
        let Some(hours) = hours else {
            return Err(format!(
                "“{id}” is a new responsibility, and its hours are empty"
            ));
        };
        Ok(Responsibility {
            id: id.to_string(),
            title: row.title.to_string(),
            description: String::new(),
            kind,
            scope,
            horizon,
            hours,
            stakeholders: Vec::new(),
            source: String::new(),
        })
    }

    /// "a person", "a team"… for an id of the scenario.
    fn what_is(&self, id: &str) -> &'static str {
        let s = self.s;
        if s.person(id).is_some() {
            "a person's"
        } else if s.team(id).is_some() {
            "a team's"
        } else if s.product(id).is_some() {
            "a product's"
        } else {
            "a stakeholder's"
        }
    }
}

/// A row may not change what a responsibility is: its title, kind, scope and horizon hold
/// on every board, and are edited in the window's Responsibilities tab. `defined` says
/// where the responsibility comes from ("in the scenario", "as created on line 3").
fn same_responsibility(
    r: &Responsibility,
    defined: &str,
    row: &Row,
    (kind, scope, horizon): (Kind, Scope, Horizon),
) -> Result<(), String> {
    let differs = |what: &str, known: &str, sheet: &str| {
        Err(format!(
            "responsibility “{}” has the {what} “{known}” {defined}, not “{sheet}”; change it in the Responsibilities tab",
            r.id
        ))
    };
    if r.title != row.title {
        return differs("title", &r.title, row.title);
    }
    if r.kind != kind {
        return differs("kind", r.kind.name(), kind.name());
    }
    if r.scope != scope {
        return differs("scope", r.scope.name(), scope.name());
    }
    if r.horizon != horizon {
        return differs("horizon", r.horizon.name(), horizon.name());
    }
    Ok(())
}

/// The card's hours override. The sheet shows hours with one decimal, so hours that show
/// the same as the card's keep the card's own value (an unchanged export changes nothing);
/// other hours are an override only when they differ from the responsibility's.
fn card_hours(existing: Option<&Card>, r: &Responsibility, sheet: Option<f64>) -> Option<f64> {
    let sheet = sheet?;
    if let Some(card) = existing
        && round1(card.hours.unwrap_or(r.hours)) == round1(sheet)
    {
        return card.hours;
    }
    (round1(sheet) != round1(r.hours)).then_some(sheet)
}

/// What an update changes, in words: "moves from PO to PM; hours 4.0 to 5.0; note
/// changed; now flagged" (no arrows: the window's font has none).
fn changes(old: &Card, new: &Card, r: &Responsibility) -> String {
    let mut said = Vec::new();
    if old.column != new.column {
        said.push(format!(
            "moves from {} to {}",
            old.column.label(),
            new.column.label()
        ));
    }
    if old.hours != new.hours {
        said.push(format!(
            "hours {} to {}",
            show_hours(old.hours.unwrap_or(r.hours)),
            show_hours(new.hours.unwrap_or(r.hours))
        ));
    }
    if old.note != new.note {
        said.push("note changed".into());
    }
    if old.flagged != new.flagged {
        said.push(
            if new.flagged {
                "now flagged"
            } else {
                "no longer flagged"
            }
            .into(),
        );
    }
    said.join("; ")
}

const COLUMNS: [(&str, Column); 3] = [
    ("Pm", Column::Pm),
    ("Po", Column::Po),
    ("Unassigned", Column::Unassigned),
];
const KINDS: [(&str, Kind); 2] = [("Strategy", Kind::Strategy), ("Execution", Kind::Execution)];
const SCOPES: [(&str, Scope); 2] = [("Product", Scope::Product), ("Team", Scope::Team)];
const HORIZONS: [(&str, Horizon); 3] = [
    ("Sprint", Horizon::Sprint),
    ("Quarter", Horizon::Quarter),
    ("Year", Horizon::Year),
];

/// One of a few words (case aside), or a message naming them and the value.
fn choice<T: Copy>(value: &str, what: &str, options: &[(&str, T)]) -> Result<T, String> {
    let value = value.trim();
    if let Some((_, v)) = options.iter().find(|(w, _)| w.eq_ignore_ascii_case(value)) {
        return Ok(*v);
    }
    let words: Vec<&str> = options.iter().map(|(w, _)| *w).collect();
    let (last, first) = words.split_last().unwrap_or((&"", &[]));
    Err(format!(
        "the {what} must be {} or {last}, not “{value}”",
        first.join(", ")
    ))
}

/// Hours a week from 0 to 168; empty is `None`. A decimal comma is read as a point.
fn hours(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let plain = if text.contains('.') {
        text.to_string()
    } else {
        text.replacen(',', ".", 1)
    };
    match plain.parse::<f64>() {
        Ok(h) if h.is_finite() && (0.0..=MAX_HOURS).contains(&h) => Ok(Some(h)),
        _ => Err(format!(
            "the hours must be a number from 0 to 168, not “{text}”"
        )),
    }
}

/// `true` or `false` (case aside; empty is false), also as a spreadsheet in another
/// language saves them in a CSV (German `WAHR`, French `VRAI`…), or `1` and `0`.
fn flag(text: &str) -> Result<bool, String> {
    const TRUE: [&str; 8] = [
        "true",
        "1",
        "wahr",
        "vrai",
        "verdadero",
        "vero",
        "waar",
        "verdadeiro",
    ];
    const FALSE: [&str; 7] = ["false", "0", "", "falsch", "faux", "falso", "onwaar"];
    let word = text.trim().to_lowercase();
    if TRUE.contains(&word.as_str()) {
        Ok(true)
    } else if FALSE.contains(&word.as_str()) {
        Ok(false)
    } else {
        Err(format!(
            "flagged must be true or false, not “{}”",
            text.trim()
        ))
    }
}
