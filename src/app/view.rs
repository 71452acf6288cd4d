//! What the window shows: the tab, the selected product, card and person, the search, the
//! help overlay, the status line, today's date and the last move of each card. None of it
//! changes the scenario.

use std::collections::{HashMap, HashSet};

use crate::edit::Edit;
use crate::model::{Column, Scenario};
use crate::record::Date;

use super::document::{Derived, Document};
use super::growth::GrowthPreview;
use super::search::SearchMatches;
use super::shown::Shown;

/// What the user has selected or highlighted; it never changes the scenario.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// The product whose board is shown.
    pub product: Option<String>,
    /// The selected card's responsibility, on the shown product.
    pub card: Option<String>,
    /// The person whose hours are broken down.
    pub person: Option<String>,
    /// Ids to highlight (a clicked finding's subjects, a person's cards).
    pub highlight: HashSet<String>,
    /// The finding that was clicked (its rule id and subjects).
    pub finding: Option<(String, Vec<String>)>,
}

/// The views of the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    #[default]
    Board,
    Advice,
    /// The workshop record: open points, decisions and actions.
    Record,
    Overview,
    People,
    Teams,
    Products,
    Stakeholders,
    Responsibilities,
    Settings,
    Import,
    Compare,
}

impl Tab {
    pub const ALL: [Tab; 12] = [
        Tab::Board,
        Tab::Advice,
        Tab::Record,
        Tab::Overview,
        Tab::People,
        Tab::Teams,
        Tab::Products,
        Tab::Stakeholders,
        Tab::Responsibilities,
        Tab::Settings,
        Tab::Import,
        Tab::Compare,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Board => "Board",
            Tab::Advice => "Advice",
            Tab::Record => "Record",
            Tab::Overview => "Overview",
            Tab::People => "People",
            Tab::Teams => "Teams",
            Tab::Products => "Products",
            Tab::Stakeholders => "Stakeholders",
            Tab::Responsibilities => "Responsibilities",
            Tab::Settings => "Settings",
            Tab::Import => "Import",
            Tab::Compare => "Compare",
        }
    }
}

impl Tab {
    /// The tabs of presentation mode: no editors.
    pub const PRESENTING: [Tab; 3] = [Tab::Board, Tab::Advice, Tab::Record];
}

/// The id of the search box, so that Ctrl+F can focus it.
pub fn search_id() -> egui::Id {
    egui::Id::unique("search_products_and_cards")
}

/// What is shown, and when: the state of the window apart from the scenario.
#[derive(Clone, Debug, Default)]
pub struct View {
    /// The view in the central area.
    pub tab: Tab,
    pub selection: Selection,
    /// The text of the search box.
    pub search: String,
    /// What the search text finds, kept until the text or the scenario changes.
    pub search_matches: Derived<SearchMatches>,
    /// The help overlay (F1) is open.
    pub help_open: bool,
    /// The Sources overlay is open (Help ▸ Sources, or a click on a source number).
    pub sources_open: bool,
    /// The source whose number was clicked, brought out in the Sources overlay.
    pub source_focus: Option<&'static str>,
    /// "What if this product grows?": the form's inputs and the preview.
    pub growth: GrowthPreview,
    /// The time of the current frame (seconds), for merging bursts of edits and timing.
    pub now: f64,
    /// The board's cards and a person's breakdown, worked out once per change.
    pub shown: Shown,
    /// The time this frame spent applying edits (for the frame trace), if it made any.
    pub edit_seconds: Option<f64>,
    /// Today's local date, for new decisions and overdue actions.
    pub today: Today,
    /// The last move of each card made in this window, by (product, responsibility): from
    /// and to which column. "Record a decision…" starts from it.
    pub last_moves: HashMap<(String, String), (Column, Column)>,
}

/// Today's local date as the window knows it: read from the clock at most once a minute,
/// or fixed (tests, snapshots).
#[derive(Clone, Debug)]
pub struct Today {
    pub date: Date,
    /// Set by [`Today::fix`]: the clock is no longer read.
    fixed: bool,
    /// The frame time of the last reading.
    read_at: f64,
}

impl Default for Today {
    fn default() -> Self {
        Today {
            date: crate::io::today(),
            fixed: false,
            read_at: 0.0,
        }
    }
}

impl Today {
    /// How often the clock is read again (a workshop may run past midnight).
    const READ_EVERY_SECONDS: f64 = 60.0;

    /// Fixes the date for good (tests and snapshots).
    pub fn fix(&mut self, date: Date) {
        self.date = date;
        self.fixed = true;
    }

    /// Reads the clock again when a minute has passed since the last reading.
    pub fn tick(&mut self, now: f64) {
        if !self.fixed && (now - self.read_at).abs() >= Self::READ_EVERY_SECONDS {
            self.date = crate::io::today();
            self.read_at = now;
        }
    }
}

/// The card moves an edit makes, with the column each card leaves, read from the
/// scenario before the edit.
pub fn moves_in(s: &Scenario, edit: &Edit) -> Vec<((String, String), (Column, Column))> {
    match edit {
        Edit::MoveCard {
            product,
            responsibility,
            to,
            ..
        } => s
            .product(product)
            .and_then(|p| p.cards.iter().find(|c| c.responsibility == *responsibility))
            .filter(|c| c.column != *to)
            .map(|c| ((product.clone(), responsibility.clone()), (c.column, *to)))
            .into_iter()
            .collect(),
        Edit::Batch(edits) => edits.iter().flat_map(|e| moves_in(s, e)).collect(),
        _ => Vec::new(),
    }
}

impl View {
    /// A view of a scenario's first product.
    pub fn new(s: &Scenario) -> View {
        let mut view = View::default();
        view.selection.product = s.products.first().map(|p| p.id.clone());
        view
    }

    /// Works out again what the board and the people panel show, when the scenario or
    /// what is shown changed (before the views draw).
    pub fn refresh(&mut self, doc: &Document) {
        let product = self
            .selection
            .product
            .as_deref()
            .and_then(|id| doc.product_index(id));
        let person = self
            .selection
            .person
            .as_deref()
            .and_then(|id| doc.names().person(id));
        self.shown.refresh(doc, product, &self.search, person);
    }

    /// Starts afresh on another scenario; the tab stays unless presentation hides it.
    pub fn reset(&mut self, s: &Scenario, presenting: bool) {
        self.selection = Selection::default();
        self.growth = GrowthPreview::default();
        self.last_moves.clear();
        self.selection.product = s.products.first().map(|p| p.id.clone());
        if presenting && !Tab::PRESENTING.contains(&self.tab) {
            self.tab = Tab::Board;
        }
    }
}

impl Selection {
    /// Drops selections that no longer exist after an edit or an undo.
    pub fn keep_valid(&mut self, s: &Scenario) {
        if self
            .product
            .as_ref()
            .is_none_or(|id| s.product(id).is_none())
        {
            self.product = s.products.first().map(|p| p.id.clone());
        }
        if let (Some(card), Some(product)) =
            (&self.card, self.product.as_ref().and_then(|p| s.product(p)))
            && !product.cards.iter().any(|c| c.responsibility == *card)
        {
            self.card = None;
        }
        if self
            .person
            .as_ref()
            .is_some_and(|id| s.person(id).is_none())
        {
            self.person = None;
        }
    }

    /// Shows a product's board.
    pub fn select_product(&mut self, id: &str) {
        if self.product.as_deref() != Some(id) {
            self.product = Some(id.to_string());
            self.card = None;
        }
    }

    /// Selects a person: their hours are broken down and their cards highlighted.
    pub fn select_person(&mut self, id: Option<&str>) {
        self.person = id.map(str::to_string);
        self.finding = None;
        self.highlight.clear();
        if let Some(id) = id {
            self.highlight.insert(id.to_string());
        }
    }

    /// Selects a finding: its subjects are highlighted, and the board switches to the
    /// product it concerns.
    pub fn select_finding(&mut self, s: &Scenario, rule: &str, subjects: &[String]) {
        let person = subjects.iter().find(|id| s.person(id).is_some()).cloned();
        let product = subjects
            .iter()
            .find(|id| s.product(id).is_some())
            .cloned()
            .or_else(|| {
                subjects
                    .iter()
                    .find_map(|id| s.team(id).map(|t| t.product.clone()))
            });
        if let Some(p) = product {
            self.select_product(&p);
        }
        self.person = person;
        self.highlight = subjects.iter().cloned().collect();
        self.finding = Some((rule.to_string(), subjects.to_vec()));
    }

    /// The selected card, as (product, responsibility).
    pub fn card(&self) -> Option<(&str, &str)> {
        Some((self.product.as_deref()?, self.card.as_deref()?))
    }
}
