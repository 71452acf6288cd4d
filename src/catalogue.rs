//! The reference catalogue (`data/catalogue.ron`): responsibilities distilled from the
//! articles, each with where the articles put it, from which a new scenario starts.

use std::collections::HashSet;

use serde::Deserialize;

use crate::error::{ReadError, ReadErrorKind};
use crate::model::{
    Card, Column, FORMAT, Horizon, Kind, MAX_HOURS, Product, Responsibility, Scenario, Scope,
    Stakeholder,
};

/// The catalogue bundled with the program.
pub const BUILTIN: &str = include_str!("../data/catalogue.ron");

/// The reference catalogue.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename = "Catalogue", deny_unknown_fields)]
pub struct Catalogue {
    pub format: u32,
    pub stakeholders: Vec<Stakeholder>,
    pub responsibilities: Vec<CatalogueEntry>,
}

/// One responsibility of the catalogue, with its default column. In the file it is an
/// `Entry(…)`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(rename = "Entry", deny_unknown_fields)]
pub struct CatalogueEntry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub kind: Kind,
    pub scope: Scope,
    pub horizon: Horizon,
    pub hours: f64,
    /// Where the articles put this work.
    pub column: Column,
    #[serde(default)]
    pub stakeholders: Vec<String>,
    pub source: String,
}

impl CatalogueEntry {
    /// The entry as a scenario's responsibility.
    pub fn responsibility(&self) -> Responsibility {
        Responsibility {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            kind: self.kind,
            scope: self.scope,
            horizon: self.horizon,
            hours: self.hours,
            stakeholders: self.stakeholders.clone(),
            source: self.source.clone(),
        }
    }
}

impl Catalogue {
    /// The bundled catalogue.
    pub fn builtin() -> Result<Catalogue, ReadError> {
        Catalogue::parse(BUILTIN)
    }

    /// Reads and checks a catalogue.
    pub fn parse(text: &str) -> Result<Catalogue, ReadError> {
        let catalogue: Catalogue = ron::from_str(text).map_err(|e| {
            ReadError::new(
                ReadErrorKind::Syntax,
                Some(crate::locate::Position {
                    line: e.span.start.line,
                    column: e.span.start.col,
                }),
                format!("the catalogue is not valid: {}", e.code),
            )
        })?;
        let invalid = |m: String| ReadError::new(ReadErrorKind::Invalid, None, m);
        if catalogue.format > FORMAT {
            return Err(invalid(format!(
                "the catalogue has format {}, but this rolesplit reads format {FORMAT} at most",
                catalogue.format
            )));
        }
        let mut ids = HashSet::new();
        let stakeholders: HashSet<&str> = catalogue
            .stakeholders
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        for id in catalogue
            .stakeholders
            .iter()
            .map(|s| &s.id)
            .chain(catalogue.responsibilities.iter().map(|r| &r.id))
        {
            if id.is_empty() || !ids.insert(id.as_str()) {
                return Err(invalid(format!(
                    "the catalogue uses the id \"{id}\" twice or empty"
                )));
            }
        }
        for r in &catalogue.responsibilities {
            if !(r.hours.is_finite() && (0.0..=MAX_HOURS).contains(&r.hours)) {
                return Err(invalid(format!(
                    "catalogue entry \"{}\": hours {} out of range",
                    r.id, r.hours
                )));
            }
            if let Some(missing) = r
                .stakeholders
                .iter()
                .find(|s| !stakeholders.contains(s.as_str()))
            {
                return Err(invalid(format!(
                    "catalogue entry \"{}\" serves \"{missing}\", which is not a stakeholder of the catalogue",
                    r.id
                )));
            }
        }
        Ok(catalogue)
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&CatalogueEntry> {
        self.responsibilities.iter().find(|e| e.id == id)
    }

    /// A new scenario: the whole catalogue, one product whose board holds every
    /// responsibility in its default column, no people or teams yet.
    pub fn new_scenario(&self) -> Scenario {
        let cards = self
            .responsibilities
            .iter()
            .map(|e| Card::new(e.id.clone(), e.column))
            .collect();
        Scenario {
            name: "New scenario".into(),
            stakeholders: self.stakeholders.clone(),
            responsibilities: self
                .responsibilities
                .iter()
                .map(CatalogueEntry::responsibility)
                .collect(),
            products: vec![Product {
                id: "product".into(),
                name: "Product".into(),
                market: Default::default(),
                stage: None,
                pm: None,
                pm_locked: false,
                checklist: Default::default(),
                cards,
            }],
            ..Scenario::default()
        }
    }
}
