//! Importing from spreadsheets into a scenario: people and teams from CSV rows, and the
//! split itself from rolesplit's own card export (CSV or the workbook's `Split` sheet,
//! `split.rs`, read by `sheet.rs`). Each row becomes edits, or a message saying why it
//! cannot be taken. The good rows are applied together as one undoable edit.

pub mod sheet;
mod split;

pub use sheet::{Numbering, Sheet, SheetRow, read_sheet};
pub use split::plan as plan_split;

use std::collections::{HashMap, HashSet};

use crate::edit::{Edit, unique_among};
use crate::model::{
    DEFAULT_CAPACITY_HOURS, MAX_COST, MAX_ENGINEERS, MAX_HOURS, Method, Person, Product, Scenario,
    Team,
};

/// What a CSV holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportKind {
    /// `name, capacity_hours, other_hours, annual_cost`
    People,
    /// `name, product, engineers, method, po`
    Teams,
    /// The split: the card rows of rolesplit's CSV export, with its header.
    Split,
}

impl ImportKind {
    /// The expected columns, in order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            ImportKind::People => &["name", "capacity_hours", "other_hours", "annual_cost"],
            ImportKind::Teams => &["name", "product", "engineers", "method", "po"],
            ImportKind::Split => &crate::export::csv::HEADER,
        }
    }
}

/// What became of one row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowOutcome {
    /// The row's line in the CSV, or its row in a workbook (1-based; see
    /// [`ImportPlan::numbering`]).
    pub line: usize,
    /// What the row adds or changes, or why it cannot be taken.
    pub result: Result<String, String>,
    /// Whether the row changes the scenario (a split row may match it already).
    pub changes: bool,
}

/// The preview of an import: every row's outcome, and the edits of the good rows.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub rows: Vec<RowOutcome>,
    pub edits: Vec<Edit>,
    /// Whether rows are CSV lines or workbook rows.
    pub numbering: Numbering,
}

impl ImportPlan {
    /// Where a row is, as the user finds it: `line 3` (CSV) or `row 3` (a workbook).
    pub fn place(&self, row: &RowOutcome) -> String {
        format!("{} {}", self.numbering.word(), row.line)
    }

    /// How many rows change the scenario.
    pub fn changing(&self) -> usize {
        self.rows.iter().filter(|r| r.changes).count()
    }

    /// How many rows will be taken.
    pub fn accepted(&self) -> usize {
        self.rows.iter().filter(|r| r.result.is_ok()).count()
    }

    /// The rows that cannot be taken.
    pub fn rejected(&self) -> impl Iterator<Item = &RowOutcome> {
        self.rows.iter().filter(|r| r.result.is_err())
    }

    /// All good rows as one edit, or `None` when there is none.
    pub fn edit(&self) -> Option<Edit> {
        (!self.edits.is_empty()).then(|| Edit::Batch(self.edits.clone()))
    }
}

/// Reads the CSV and plans the import into `s`. For people and teams, a first row whose
/// first cell is `name` is the header and is skipped; the split needs the export's header
/// (a text without it is one refused row, line 1).
pub fn plan(s: &Scenario, kind: ImportKind, text: &str) -> ImportPlan {
    type RowPlan<'s> = fn(&mut Planner<'s>, &[&str]) -> Result<(String, Vec<Edit>), String>;
    let plan_row: RowPlan = match kind {
        ImportKind::People => Planner::person,
        ImportKind::Teams => Planner::team,
        ImportKind::Split => {
            return match sheet::read_csv(text) {
                Ok(sheet) => split::plan(s, &sheet),
                Err(e) => ImportPlan {
                    rows: vec![RowOutcome {
                        line: e.position.map_or(1, |p| p.line),
                        result: Err(e.message),
                        changes: false,
                    }],
                    ..ImportPlan::default()
                },
            };
        }
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut planner = Planner::new(s);
    let mut plan = ImportPlan::default();
    for (i, record) in reader.records().enumerate() {
        let line = record
            .as_ref()
            .ok()
            .and_then(|r| r.position())
            .map_or(i + 1, |p| p.line() as usize);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                plan.rows.push(RowOutcome {
                    line,
                    result: Err(format!("not readable as CSV: {e}")),
                    changes: false,
                });
                continue;
            }
        };
        let cells: Vec<&str> = record.iter().collect();
        if cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if i == 0
            && cells
                .first()
                .is_some_and(|c| c.eq_ignore_ascii_case("name"))
        {
            continue;
        }
        let result = plan_row(&mut planner, &cells);
        match result {
            Ok((description, edits)) => {
                plan.edits.extend(edits);
                plan.rows.push(RowOutcome {
                    line,
                    result: Ok(description),
                    changes: true,
                });
            }
            Err(reason) => plan.rows.push(RowOutcome {
                line,
                result: Err(reason),
                changes: false,
            }),
        }
    }
    plan
}

/// Keeps track of the ids and names taken so far, so rows of one file do not collide.
struct Planner<'a> {
    s: &'a Scenario,
    taken: HashSet<String>,
    people_by_name: HashMap<String, String>,
    products_by_name: HashMap<String, String>,
}

impl<'a> Planner<'a> {
    fn new(s: &'a Scenario) -> Self {
        Planner {
            s,
            taken: crate::edit::all_ids(s)
                .into_iter()
                .map(str::to_string)
                .collect(),
            people_by_name: s
                .people
                .iter()
                .map(|p| (p.name.to_lowercase(), p.id.clone()))
                .collect(),
            products_by_name: s
                .products
                .iter()
                .flat_map(|p| {
                    [
                        (p.name.to_lowercase(), p.id.clone()),
                        (p.id.to_lowercase(), p.id.clone()),
                    ]
                })
                .collect(),
        }
    }

    fn new_id(&mut self, name: &str, fallback: &str) -> String {
        let taken: HashSet<&str> = self.taken.iter().map(String::as_str).collect();
        let id = unique_among(&taken, name, fallback);
        self.taken.insert(id.clone());
        id
    }

    fn person(&mut self, cells: &[&str]) -> Result<(String, Vec<Edit>), String> {
        let name = cells.first().copied().unwrap_or_default();
        if name.is_empty() {
            return Err("the name is empty".into());
        }
        if self.people_by_name.contains_key(&name.to_lowercase()) {
            return Err(format!("{name} is already in the scenario"));
        }
        let capacity_hours = number(cells.get(1), "capacity", MAX_HOURS, " hours a week")?
            .unwrap_or(DEFAULT_CAPACITY_HOURS);
        let other_hours =
            number(cells.get(2), "other hours", MAX_HOURS, " hours a week")?.unwrap_or(0.0);
        let annual_cost = number(cells.get(3), "annual cost", MAX_COST, "")?;
        let id = self.new_id(name, "person");
        self.people_by_name.insert(name.to_lowercase(), id.clone());
        let description = format!(
            "{name}: {} h capacity, {} h other duties{}",
            crate::num::hours(capacity_hours),
            crate::num::hours(other_hours),
            annual_cost
                .map(|c| format!(", {}", crate::num::dollars(c)))
                .unwrap_or_default()
        );
        let person = Person {
            id,
            name: name.to_string(),
            capacity_hours,
            other_hours,
            annual_cost,
        };
        Ok((description, vec![Edit::AddPerson(person)]))
    }

    fn team(&mut self, cells: &[&str]) -> Result<(String, Vec<Edit>), String> {
        let name = cells.first().copied().unwrap_or_default();
        if name.is_empty() {
            return Err("the team name is empty".into());
        }
        let product_name = cells.get(1).copied().unwrap_or_default();
        if product_name.is_empty() {
            return Err(format!("{name} has no product"));
        }
        let engineers = match cells.get(2).copied().unwrap_or_default() {
            "" => 0,
            text => text
                .parse::<u32>()
                .ok()
                .filter(|n| *n <= MAX_ENGINEERS)
                .ok_or_else(|| {
                    format!("engineers must be a whole number from 0 to 100,000, not “{text}”")
                })?,
        };
        let method = match cells
            .get(3)
            .copied()
            .unwrap_or_default()
            .to_lowercase()
            .as_str()
        {
            "" | "scrum" => Method::Scrum,
            "kanban" => Method::Kanban,
            "other" => Method::Other,
            other => {
                return Err(format!(
                    "the method must be Scrum, Kanban or Other, not “{other}”"
                ));
            }
        };
        let po = match cells.get(4).copied().unwrap_or_default() {
            "" => None,
            po_name => Some(
                self.people_by_name
                    .get(&po_name.to_lowercase())
                    .cloned()
                    .ok_or_else(|| {
                        format!("there is no person called {po_name} (import the people first)")
                    })?,
            ),
        };
        let mut edits = Vec::new();
        let mut description = format!(
            "{name} on {product_name}, {}, {}",
            crate::num::counted(engineers as usize, "engineer", "engineers"),
            method.name()
        );
        let product = match self.products_by_name.get(&product_name.to_lowercase()) {
            Some(id) => id.clone(),
            None => {
                let id = self.new_id(product_name, "product");
                self.products_by_name
                    .insert(product_name.to_lowercase(), id.clone());
                edits.push(Edit::AddProduct(Product {
                    id: id.clone(),
                    name: product_name.to_string(),
                    market: Default::default(),
                    stage: None,
                    pm: None,
                    pm_locked: false,
                    checklist: Default::default(),
                    cards: Vec::new(),
                }));
                description.push_str(" (a new product)");
                id
            }
        };
        if let Some(po) = &po {
            description.push_str(&format!(", PO {}", self.s.name_of(po)));
        }
        let id = self.new_id(name, "team");
        edits.push(Edit::AddTeam(Team {
            id,
            name: name.to_string(),
            product,
            engineers,
            method,
            po,
            po_locked: false,
        }));
        Ok((description, edits))
    }
}

/// An optional number from 0 to `max`; empty is `None`.
fn number(cell: Option<&&str>, what: &str, max: f64, unit: &str) -> Result<Option<f64>, String> {
    let text = cell.copied().unwrap_or_default().replace(['$', ' '], "");
    let text = text.trim_end_matches('h');
    if text.is_empty() {
        return Ok(None);
    }
    let plain = text.replace(',', "");
    match plain.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=max).contains(&v) => Ok(Some(v)),
        _ => Err(format!(
            "the {what} must be a number from 0 to {}{unit}, not “{}”",
            crate::parse::thousands(max as u64),
            cell.copied().unwrap_or_default()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Scenario {
        crate::testkit::Builder::new("x")
            .person("maya", 40.0)
            .product("checkout", None, &[])
            .build()
    }

    #[test]
    fn people_rows_become_people_and_bad_rows_say_why() {
        let csv = "name,capacity_hours,other_hours,annual_cost\nLee,36,4,\"120,000\"\n,40,0,\nSam,abc,0,\nMaya,40,0,\nZoë \"Z\" Ng,,,\n";
        let p = plan(&base(), ImportKind::People, csv);
        let outcomes: Vec<(usize, bool)> =
            p.rows.iter().map(|r| (r.line, r.result.is_ok())).collect();
        assert_eq!(
            outcomes,
            [(2, true), (3, false), (4, false), (5, false), (6, true)]
        );
        assert!(
            p.rows[2]
                .result
                .as_ref()
                .is_err_and(|e| e.contains("capacity") && e.contains("abc"))
        );
        assert!(
            p.rows[3]
                .result
                .as_ref()
                .is_err_and(|e| e.contains("already"))
        );
        let mut s = base();
        crate::edit::apply(&mut s, &p.edit().expect("edits")).expect("applies");
        assert_eq!(s.people.len(), 3);
        let lee = s.person("lee").expect("lee");
        assert_eq!(
            (lee.capacity_hours, lee.other_hours, lee.annual_cost),
            (36.0, 4.0, Some(120_000.0))
        );
        assert_eq!(s.people[2].name, "Zoë \"Z\" Ng");
        assert_eq!(s.people[2].capacity_hours, 40.0);
    }

    #[test]
    fn team_rows_find_products_and_pos_by_name() {
        let csv = "Squad A,Checkout,6,Scrum,Maya\nSquad B,Search,5,kanban,\nSquad C,Checkout,many,Scrum,\nSquad D,Checkout,4,Waterfall,\nSquad E,Checkout,4,Scrum,Nobody\n";
        let p = plan(&base(), ImportKind::Teams, csv);
        let ok: Vec<bool> = p.rows.iter().map(|r| r.result.is_ok()).collect();
        assert_eq!(ok, [true, true, false, false, false]);
        let mut s = base();
        crate::edit::apply(&mut s, &p.edit().expect("edits")).expect("applies");
        assert_eq!(s.teams.len(), 2);
        assert_eq!(s.teams[0].po.as_deref(), Some("maya"));
        assert_eq!(s.teams[1].product, "search", "a new product was made");
        assert_eq!(s.teams[1].method, Method::Kanban);
    }
}
