//! The search box's results: the products whose name or cards match, worked out once per
//! change of the text or the scenario.

use std::collections::HashMap;

use crate::model::Scenario;

/// The products that match the search, worked out once per change of the text or the
/// scenario (not on every frame).
#[derive(Clone, Debug, Default)]
pub struct SearchMatches {
    /// The search text, trimmed and in lower case.
    pub needle: String,
    pub rows: Vec<SearchMatch>,
}

/// A product that matches: by its name, or by the titles of its cards.
#[derive(Clone, Debug)]
pub struct SearchMatch {
    pub index: usize,
    pub id: String,
    pub name: String,
    /// How many of its cards' titles match (0 when the search is empty).
    pub matching_cards: usize,
}

impl SearchMatches {
    /// The products of `s` that match `needle` (all of them when it is empty).
    pub fn find(s: &Scenario, needle: String) -> SearchMatches {
        let titles: HashMap<&str, String> = if needle.is_empty() {
            HashMap::new()
        } else {
            s.responsibilities
                .iter()
                .map(|r| (r.id.as_str(), r.title.to_lowercase()))
                .collect()
        };
        let rows = s
            .products
            .iter()
            .enumerate()
            .filter_map(|(index, product)| {
                let matching_cards = product
                    .cards
                    .iter()
                    .filter(|c| {
                        titles
                            .get(c.responsibility.as_str())
                            .is_some_and(|t| t.contains(&needle))
                    })
                    .count();
                let shown = needle.is_empty()
                    || matching_cards > 0
                    || product.name.to_lowercase().contains(&needle);
                shown.then(|| SearchMatch {
                    index,
                    id: product.id.clone(),
                    name: product.name.clone(),
                    matching_cards,
                })
            })
            .collect();
        SearchMatches { needle, rows }
    }
}
