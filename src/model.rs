//! The scenario: plain data, exactly as a scenario file holds it (scenario-format.md).
//!
//! Ids are the file's own strings. People, teams, products, stakeholders and
//! responsibilities share one namespace, so an id names exactly one thing.

use serde::{Deserialize, Serialize};

use crate::checklist::Checklist;
use crate::record::Record;

/// The newest scenario file format this program reads and writes. Format 1 files are
/// read too, and saved as this one.
pub const FORMAT: u32 = 2;

/// The hours of a week: the upper limit of every hours figure in a file.
pub const MAX_HOURS: f64 = 168.0;
/// The upper limit of an annual cost.
pub const MAX_COST: f64 = 100_000_000.0;
/// The upper limit of a team's engineers.
pub const MAX_ENGINEERS: u32 = 100_000;
/// Files larger than this are refused before parsing.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A whole scenario: one option for who does which product work.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Scenario", deny_unknown_fields)]
pub struct Scenario {
    /// The file format; after loading always [`FORMAT`].
    pub format: u32,
    pub name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub settings: Settings,
    pub people: Vec<Person>,
    #[serde(default)]
    pub stakeholders: Vec<Stakeholder>,
    pub responsibilities: Vec<Responsibility>,
    pub products: Vec<Product>,
    pub teams: Vec<Team>,
    /// The workshop's decisions and actions (format 2).
    #[serde(default)]
    pub record: Record,
}

impl Default for Scenario {
    fn default() -> Self {
        Self {
            format: FORMAT,
            name: String::new(),
            description: String::new(),
            settings: Settings::default(),
            people: Vec::new(),
            stakeholders: Vec::new(),
            responsibilities: Vec::new(),
            products: Vec::new(),
            teams: Vec::new(),
            record: Record::default(),
        }
    }
}

/// Rule thresholds and the cost region (domain.md, "Settings"). Defaults are frozen.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Settings", deny_unknown_fields, default)]
pub struct Settings {
    #[serde(deserialize_with = "crate::parse::whole_combined_max_engineers")]
    pub combined_max_engineers: u64,
    #[serde(deserialize_with = "crate::parse::whole_split_engineers")]
    pub split_engineers: u64,
    pub hybrid_min_share: f64,
    pub starved_ratio: f64,
    pub overload_error_ratio: f64,
    pub cost_region: CostRegion,
    /// The share of a PO's hours from strategy work at which `po-strategy-work` fires
    /// (format 2; finite, above 0 and at most 1).
    pub po_strategy_share: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            combined_max_engineers: 10,
            split_engineers: 200,
            hybrid_min_share: 0.25,
            starved_ratio: 3.0,
            overload_error_ratio: 1.25,
            cost_region: CostRegion::Us,
            po_strategy_share: 0.5,
        }
    }
}

/// Where the default annual costs come from (domain.md, "Cost").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum CostRegion {
    #[default]
    Us,
    LatinAmerica,
}

/// Someone who can hold a PM or PO seat.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Person", deny_unknown_fields)]
pub struct Person {
    pub id: String,
    pub name: String,
    #[serde(default = "default_capacity")]
    pub capacity_hours: f64,
    /// Hours a week of duties that are neither PM nor PO work.
    #[serde(default)]
    pub other_hours: f64,
    #[serde(default)]
    pub annual_cost: Option<f64>,
}

/// A person's capacity when the file does not say: a 40-hour week.
pub const DEFAULT_CAPACITY_HOURS: f64 = 40.0;

fn default_capacity() -> f64 {
    DEFAULT_CAPACITY_HOURS
}

/// A group the product work serves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Stakeholder", deny_unknown_fields)]
pub struct Stakeholder {
    pub id: String,
    pub name: String,
    pub side: Side,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Side {
    External,
    Internal,
}

/// A kind of product work, placed on boards as cards.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Responsibility", deny_unknown_fields)]
pub struct Responsibility {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub kind: Kind,
    pub scope: Scope,
    pub horizon: Horizon,
    /// Hours a week, for one product (Product scope) or one team (Team scope).
    pub hours: f64,
    #[serde(default)]
    pub stakeholders: Vec<String>,
    /// The articles it rests on, e.g. "003".
    #[serde(default)]
    pub source: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    Strategy,
    Execution,
}

/// Whether the work is done once per product or once per team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    Product,
    Team,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Horizon {
    Sprint,
    Quarter,
    Year,
}

/// A product with its own board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Product", deny_unknown_fields)]
pub struct Product {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub market: Market,
    #[serde(default)]
    pub stage: Option<Stage>,
    /// The PM seat: a person's id, or empty.
    #[serde(default)]
    pub pm: Option<String>,
    /// Suggestions never change a locked PM seat.
    #[serde(default)]
    pub pm_locked: bool,
    /// The workshop's answers to the advice questions.
    #[serde(default)]
    pub checklist: Checklist,
    pub cards: Vec<Card>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Market {
    #[default]
    Stable,
    Evolving,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    Discovery,
    Growth,
    Mature,
}

/// One responsibility placed on one product's board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Card", deny_unknown_fields)]
pub struct Card {
    pub responsibility: String,
    pub column: Column,
    /// Overrides the responsibility's hours on this board.
    #[serde(default)]
    pub hours: Option<f64>,
    /// The rationale of the decision, agreed in the workshop.
    #[serde(default)]
    pub note: String,
    /// "Needs discussion".
    #[serde(default)]
    pub flagged: bool,
    /// Suggestions never move a pinned card.
    #[serde(default)]
    pub pinned: bool,
}

impl Card {
    /// A card with no override, note or flag.
    pub fn new(responsibility: impl Into<String>, column: Column) -> Self {
        Self {
            responsibility: responsibility.into(),
            column,
            hours: None,
            note: String::new(),
            flagged: false,
            pinned: false,
        }
    }
}

/// The three columns of a board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Column {
    Pm,
    Po,
    Unassigned,
}

impl Column {
    pub const ALL: [Column; 3] = [Column::Pm, Column::Po, Column::Unassigned];

    /// The word in files and JSON: `Pm`, `Po`, `Unassigned`.
    pub fn as_str(self) -> &'static str {
        match self {
            Column::Pm => "Pm",
            Column::Po => "Po",
            Column::Unassigned => "Unassigned",
        }
    }

    /// The heading users see: `PM`, `PO`, `Unassigned`.
    pub fn label(self) -> &'static str {
        match self {
            Column::Pm => "PM",
            Column::Po => "PO",
            Column::Unassigned => "Unassigned",
        }
    }
}

/// A delivery team working on one product.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Team", deny_unknown_fields)]
pub struct Team {
    pub id: String,
    pub name: String,
    /// The product's id.
    pub product: String,
    #[serde(deserialize_with = "crate::parse::whole_engineers")]
    pub engineers: u32,
    pub method: Method,
    /// The PO seat: a person's id, or empty.
    #[serde(default)]
    pub po: Option<String>,
    /// Suggestions never change a locked PO seat.
    #[serde(default)]
    pub po_locked: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Method {
    Scrum,
    Kanban,
    Other,
}

macro_rules! enum_names {
    ($($ty:ty { $($variant:ident => $text:literal),+ $(,)? })+) => {
        $(impl $ty {
            /// The variant's name as files write it.
            pub fn name(self) -> &'static str {
                match self { $(<$ty>::$variant => $text),+ }
            }
        })+
    };
}

enum_names! {
    Kind { Strategy => "Strategy", Execution => "Execution" }
    Scope { Product => "Product", Team => "Team" }
    Horizon { Sprint => "Sprint", Quarter => "Quarter", Year => "Year" }
    Method { Scrum => "Scrum", Kanban => "Kanban", Other => "Other" }
    Market { Stable => "Stable", Evolving => "Evolving" }
    Stage { Discovery => "Discovery", Growth => "Growth", Mature => "Mature" }
    Side { External => "External", Internal => "Internal" }
    CostRegion { Us => "Us", LatinAmerica => "LatinAmerica" }
}

/// Each item's position by its id, for lookups that would otherwise scan the list (the
/// last one, should a broken scenario repeat an id). The analysis looks up every card's
/// responsibility here: a fast hasher (the compiler's own) keeps that cheap.
pub fn index_by_id<'a, T>(items: &'a [T], id: impl Fn(&'a T) -> &'a str) -> IdIndex<'a> {
    items.iter().enumerate().map(|(i, x)| (id(x), i)).collect()
}

/// Positions by id (see [`index_by_id`]).
pub type IdIndex<'a> = rustc_hash::FxHashMap<&'a str, usize>;

impl Scenario {
    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The responsibility with this id.
    pub fn responsibility(&self, id: &str) -> Option<&Responsibility> {
        self.responsibilities.iter().find(|r| r.id == id)
    }

    /// The product with this id.
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    /// The team with this id.
    pub fn team(&self, id: &str) -> Option<&Team> {
        self.teams.iter().find(|t| t.id == id)
    }

    /// The teams of a product, in file order.
    pub fn teams_of<'a>(&'a self, product_id: &'a str) -> impl Iterator<Item = &'a Team> + 'a {
        self.teams.iter().filter(move |t| t.product == product_id)
    }

    /// The display name of whatever this id names (falls back to the id).
    pub fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        if let Some(p) = self.person(id) {
            return &p.name;
        }
        if let Some(p) = self.product(id) {
            return &p.name;
        }
        if let Some(t) = self.team(id) {
            return &t.name;
        }
        if let Some(r) = self.responsibility(id) {
            return &r.title;
        }
        if let Some(s) = self.stakeholders.iter().find(|s| s.id == id) {
            return &s.name;
        }
        id
    }
}
