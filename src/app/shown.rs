//! What the board and the side panels show, worked out once per change of the scenario or
//! of what is shown (the product, the search, the selected person), never per frame: the
//! board's cards by column after the search with their badges, where a person's hours come
//! from, the findings list's rows. `AppState::begin_frame` refreshes the first two before
//! the views draw.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::findings::Severity;
use crate::model::Column;

use super::document::{Derived, Document};
use super::findings_panel::FindingRows;
use super::people::{BreakdownRow, breakdown_rows};

/// The worst severity of the findings about a card, and their rule ids.
pub type Badge = (Severity, Vec<&'static str>);

/// The shown board's cards, by column, after the search.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BoardRows {
    /// The product shown (index).
    pub product: usize,
    /// The search text it was made for (trimmed, lower case).
    pub needle: String,
    /// Whether the search leaves cards out (it does not when it found the product by its
    /// name).
    pub filtered: bool,
    /// Per column (PM, PO, Unassigned): the indices of the cards the search shows.
    pub columns: [Vec<usize>; 3],
    /// Per column: the hours its cards put into it (every card, shown or not).
    pub hours: [f64; 3],
    /// Per card (responsibility id): its badge.
    pub badges: HashMap<String, Badge>,
}

impl BoardRows {
    /// The rows of product `index` for the search text `needle`.
    pub fn build(doc: &Document, index: usize, needle: &str) -> BoardRows {
        let s = &doc.scenario;
        let mut rows = BoardRows {
            product: index,
            needle: needle.to_string(),
            ..BoardRows::default()
        };
        let (Some(product), Some(load)) = (
            s.products.get(index),
            doc.analysis.loads.products.get(index),
        ) else {
            return rows;
        };
        // The search filters the cards, unless it found the product by its name: then the
        // whole board shows.
        let filter = if product.name.to_lowercase().contains(needle) {
            ""
        } else {
            needle
        };
        rows.filtered = !filter.is_empty();
        for (hours, column) in rows.hours.iter_mut().zip(Column::ALL) {
            *hours = product
                .cards
                .iter()
                .zip(&load.cards)
                .filter(|(c, _)| c.column == column)
                .map(|(_, l)| l.column_hours())
                .sum();
        }
        for (i, card) in product.cards.iter().enumerate() {
            let column = Column::ALL
                .iter()
                .position(|c| *c == card.column)
                .unwrap_or(0);
            let shown = doc
                .names()
                .responsibility(&card.responsibility)
                .and_then(|r| s.responsibilities.get(r))
                .is_some_and(|r| filter.is_empty() || r.title.to_lowercase().contains(filter));
            if shown && let Some(list) = rows.columns.get_mut(column) {
                list.push(i);
            }
        }
        for f in &doc.analysis.findings {
            if f.subjects.first() != Some(&product.id) {
                continue;
            }
            for id in f.subjects.iter().skip(1) {
                let entry = rows
                    .badges
                    .entry(id.clone())
                    .or_insert((f.severity, Vec::new()));
                entry.0 = entry.0.min(f.severity);
                entry.1.push(f.rule.id());
            }
        }
        rows
    }

    /// The card indices shown in `column`.
    pub fn cards(&self, column: Column) -> &[usize] {
        let i = Column::ALL.iter().position(|c| *c == column).unwrap_or(0);
        self.columns.get(i).map_or(&[], Vec::as_slice)
    }

    /// The hours the cards of `column` put into it.
    pub fn hours(&self, column: Column) -> f64 {
        let i = Column::ALL.iter().position(|c| *c == column).unwrap_or(0);
        self.hours.get(i).copied().unwrap_or(0.0)
    }
}

/// Where one person's hours come from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Breakdown {
    pub person: usize,
    pub rows: Vec<BreakdownRow>,
}

/// The derived tables of the board and the side panels.
#[derive(Clone, Debug, Default)]
pub struct Shown {
    board: Derived<BoardRows>,
    breakdown: Derived<Breakdown>,
    /// The findings list's rows. They depend on the panel's width, known only while it is
    /// drawn (from a view that reads the state), hence the cell.
    pub findings: RefCell<FindingRows>,
}

impl Shown {
    /// Works the tables out again when the scenario or what is shown changed.
    pub fn refresh(
        &mut self,
        doc: &Document,
        product: Option<usize>,
        search: &str,
        person: Option<usize>,
    ) {
        if let Some(index) = product {
            let needle = search.trim().to_lowercase();
            if self
                .board
                .fresh(doc.generation)
                .is_some_and(|b| b.product != index || b.needle != needle)
            {
                self.board.clear();
            }
            self.board
                .get(doc.generation, || BoardRows::build(doc, index, &needle));
        }
        if let Some(person) = person {
            if self
                .breakdown
                .fresh(doc.generation)
                .is_some_and(|b| b.person != person)
            {
                self.breakdown.clear();
            }
            self.breakdown.get(doc.generation, || Breakdown {
                person,
                rows: breakdown_rows(doc, person),
            });
        }
    }

    /// The board's rows for product `index` and `search`, when refreshed for them.
    pub fn board(&self, doc: &Document, index: usize, search: &str) -> Option<&BoardRows> {
        self.board
            .fresh(doc.generation)
            .filter(|b| b.product == index && b.needle == search.trim().to_lowercase())
    }

    /// Where `person`'s hours come from, when refreshed for them.
    pub fn breakdown(&self, doc: &Document, person: usize) -> Option<&[BreakdownRow]> {
        self.breakdown
            .fresh(doc.generation)
            .filter(|b| b.person == person)
            .map(|b| b.rows.as_slice())
    }
}
