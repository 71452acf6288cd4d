//! What an edit changed in a scenario, as it was before. Swapped with the scenario it takes
//! the edit back, and then holds what the undo took away, so the same swap does the edit
//! again: one value serves undo and redo. A card move keeps one product's board, not a copy
//! of the file, and the memory a patch holds is counted by walking it, not by writing text.

use super::apply::Listed;
use super::footprint::{Footprint, Reach};
use super::heap::HeapSize;
use crate::changes::{Changes, ListChange};
use crate::model::{Person, Product, Responsibility, Scenario, Settings, Stakeholder, Team};
use crate::record::Record;

/// `len` items from `at` in the list were `old`.
#[derive(Clone, Debug, PartialEq)]
struct Splice<T> {
    at: usize,
    len: usize,
    old: Vec<T>,
}

/// What one list was: some items in place, and a run of items added or removed.
#[derive(Clone, Debug, PartialEq)]
struct ListPatch<T> {
    /// Items at these indices were these (ascending indices, all before `splice`).
    items: Vec<(usize, T)>,
    splice: Option<Splice<T>>,
}

impl<T> Default for ListPatch<T> {
    fn default() -> Self {
        ListPatch {
            items: Vec::new(),
            splice: None,
        }
    }
}

impl<T: Listed + HeapSize> ListPatch<T> {
    /// Copies what `reach` says an edit may change of `list`.
    fn capture(list: &[T], reach: &Reach) -> ListPatch<T> {
        if reach.whole {
            return ListPatch {
                items: Vec::new(),
                splice: Some(Splice {
                    at: 0,
                    len: list.len(),
                    old: list.to_vec(),
                }),
            };
        }
        ListPatch {
            items: reach
                .items
                .iter()
                .filter_map(|&i| list.get(i).map(|x| (i, x.clone())))
                .collect(),
            splice: reach.grows.then(|| Splice {
                at: list.len(),
                len: 0,
                old: Vec::new(),
            }),
        }
    }

    /// After the edit: keeps only what differs from `list` (a run keeps only its changed
    /// middle).
    fn settle(&mut self, list: &[T]) {
        self.items.retain(|(i, old)| list.get(*i) != Some(old));
        let Some(run) = &mut self.splice else {
            return;
        };
        // What the edit left from `at` to the end stands where `old` stood.
        let new = list.get(run.at..).unwrap_or_default();
        let prefix = run.old.iter().zip(new).take_while(|(a, b)| a == b).count();
        let suffix = run
            .old
            .iter()
            .skip(prefix)
            .rev()
            .zip(new.iter().skip(prefix).rev())
            .take_while(|(a, b)| a == b)
            .count();
        run.old.truncate(run.old.len() - suffix);
        run.old.drain(..prefix);
        run.at += prefix;
        run.len = new.len() - prefix - suffix;
        if run.len == 0 && run.old.is_empty() {
            self.splice = None;
        }
    }

    /// Puts what the patch holds into `list` and keeps what was there instead.
    fn swap(&mut self, list: &mut Vec<T>) {
        for (i, item) in &mut self.items {
            if let Some(x) = list.get_mut(*i) {
                std::mem::swap(x, item);
            }
        }
        if let Some(run) = &mut self.splice {
            let end = (run.at + run.len).min(list.len());
            let at = run.at.min(end);
            let put = std::mem::take(&mut run.old);
            run.len = put.len();
            run.old = list.splice(at..end, put).collect();
        }
    }

    /// How `list` differs from what the patch holds.
    fn change(&self, list: &[T]) -> ListChange {
        if self.splice.is_some() {
            return ListChange::Reshaped;
        }
        if self.items.is_empty() {
            return ListChange::Same;
        }
        let same_ids = self
            .items
            .iter()
            .all(|(i, old)| list.get(*i).is_some_and(|x| x.id() == old.id()));
        if same_ids {
            ListChange::Items(self.items.iter().map(|(i, _)| *i).collect())
        } else {
            ListChange::Reshaped
        }
    }

    /// The item at `index` as the patch holds it.
    fn item(&self, index: usize) -> Option<&T> {
        self.items.iter().find(|(i, _)| *i == index).map(|(_, x)| x)
    }

    fn heap_bytes(&self) -> usize {
        self.items.heap_bytes() + self.splice.as_ref().map_or(0, |s| s.old.heap_bytes())
    }

    /// Joins a later patch of the same list into this one: the result takes `current` back
    /// to what this one held.
    fn absorb(&mut self, newer: ListPatch<T>, current: &[T]) {
        if self.splice.is_none() && newer.splice.is_none() {
            for (i, x) in newer.items {
                if let Err(at) = self.items.binary_search_by_key(&i, |(j, _)| *j) {
                    self.items.insert(at, (i, x));
                }
            }
            return;
        }
        // Rare (a burst of one field never adds or removes items): work the list out as it
        // was before both, and keep it against the list now.
        let mut list = current.to_vec();
        let mut newer = newer;
        newer.swap(&mut list);
        self.swap(&mut list);
        *self = ListPatch {
            items: Vec::new(),
            splice: Some(Splice {
                at: 0,
                len: current.len(),
                old: list,
            }),
        };
        self.settle(current);
    }
}

/// Every part of a scenario an edit can change, as it was.
#[derive(Clone, Debug, Default, PartialEq)]
struct Parts {
    info: Option<(String, String)>,
    settings: Option<Settings>,
    people: ListPatch<Person>,
    stakeholders: ListPatch<Stakeholder>,
    responsibilities: ListPatch<Responsibility>,
    products: ListPatch<Product>,
    teams: ListPatch<Team>,
    record: Option<Record>,
}

#[derive(Clone, Debug, PartialEq)]
enum Kept {
    Parts(Box<Parts>),
    /// An edit with no footprint: the whole scenario as it was.
    Whole(Box<Scenario>),
}

/// What an edit changed, as it was (see the module's documentation).
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioPatch(Kept);

impl ScenarioPatch {
    /// Copies the parts of `s` that `f` says an edit may change.
    pub(super) fn capture(s: &Scenario, f: &Footprint) -> ScenarioPatch {
        if f.unknown {
            return ScenarioPatch(Kept::Whole(Box::new(s.clone())));
        }
        // Every field is named, so that a field added to `Scenario` cannot be left out of
        // undo unnoticed: the compiler asks for it here.
        let Scenario {
            format: _,
            name,
            description,
            settings,
            people,
            stakeholders,
            responsibilities,
            products,
            teams,
            record,
        } = s;
        ScenarioPatch(Kept::Parts(Box::new(Parts {
            info: f.info.then(|| (name.clone(), description.clone())),
            settings: f.settings.then(|| settings.clone()),
            people: ListPatch::capture(people, &f.people),
            stakeholders: ListPatch::capture(stakeholders, &f.stakeholders),
            responsibilities: ListPatch::capture(responsibilities, &f.responsibilities),
            products: ListPatch::capture(products, &f.products),
            teams: ListPatch::capture(teams, &f.teams),
            record: f.record.then(|| record.clone()),
        })))
    }

    /// After the edit: keeps only what differs from `s`.
    pub(super) fn settle(&mut self, s: &Scenario) {
        let Kept::Parts(p) = &mut self.0 else {
            return;
        };
        if p.info
            .as_ref()
            .is_some_and(|(name, description)| *name == s.name && *description == s.description)
        {
            p.info = None;
        }
        if p.settings.as_ref() == Some(&s.settings) {
            p.settings = None;
        }
        p.people.settle(&s.people);
        p.stakeholders.settle(&s.stakeholders);
        p.responsibilities.settle(&s.responsibilities);
        p.products.settle(&s.products);
        p.teams.settle(&s.teams);
        if p.record.as_ref() == Some(&s.record) {
            p.record = None;
        }
    }

    /// Puts what the patch holds into `s`, and keeps what was there instead: the first swap
    /// undoes the edit, the next one redoes it.
    pub fn swap(&mut self, s: &mut Scenario) {
        match &mut self.0 {
            Kept::Whole(whole) => std::mem::swap(s, whole),
            Kept::Parts(p) => {
                if let Some((name, description)) = &mut p.info {
                    std::mem::swap(&mut s.name, name);
                    std::mem::swap(&mut s.description, description);
                }
                if let Some(settings) = &mut p.settings {
                    std::mem::swap(&mut s.settings, settings);
                }
                p.people.swap(&mut s.people);
                p.stakeholders.swap(&mut s.stakeholders);
                p.responsibilities.swap(&mut s.responsibilities);
                p.products.swap(&mut s.products);
                p.teams.swap(&mut s.teams);
                if let Some(record) = &mut p.record {
                    std::mem::swap(&mut s.record, record);
                }
            }
        }
    }

    /// How `s` differs from what the patch holds: what the last swap (or the edit) changed.
    pub fn changes(&self, s: &Scenario) -> Changes {
        match &self.0 {
            Kept::Whole(_) => Changes::everything(),
            Kept::Parts(p) => Changes {
                info: p.info.is_some(),
                settings: p.settings.is_some(),
                people: p.people.change(&s.people),
                stakeholders: p.stakeholders.change(&s.stakeholders),
                responsibilities: p.responsibilities.change(&s.responsibilities),
                products: p.products.change(&s.products),
                teams: p.teams.change(&s.teams),
                record: p.record.is_some(),
            },
        }
    }

    /// The memory the patch holds, in bytes: itself and what it keeps on the heap.
    pub fn bytes(&self) -> usize {
        std::mem::size_of::<ScenarioPatch>()
            + match &self.0 {
                Kept::Whole(s) => std::mem::size_of::<Scenario>() + s.heap_bytes(),
                Kept::Parts(p) => {
                    std::mem::size_of::<Parts>()
                        + p.info
                            .as_ref()
                            .map_or(0, |(a, b)| a.heap_bytes() + b.heap_bytes())
                        + p.people.heap_bytes()
                        + p.stakeholders.heap_bytes()
                        + p.responsibilities.heap_bytes()
                        + p.products.heap_bytes()
                        + p.teams.heap_bytes()
                        + p.record.as_ref().map_or(0, HeapSize::heap_bytes)
                }
            }
    }

    /// Joins the patch of a later edit into this one (a burst of typing becomes one undo
    /// step): the result takes `current`, the scenario after both, back to before this one.
    pub fn absorb(&mut self, newer: ScenarioPatch, current: &Scenario) {
        match (&mut self.0, newer.0) {
            (Kept::Whole(_), _) => {}
            (Kept::Parts(older), Kept::Whole(mut between)) => {
                // `between` is the scenario before the later edit; this patch takes it back
                // further.
                let mut older = ScenarioPatch(Kept::Parts(std::mem::take(older)));
                older.swap(&mut between);
                self.0 = Kept::Whole(between);
            }
            (Kept::Parts(older), Kept::Parts(newer)) => {
                let newer = *newer;
                if older.info.is_none() {
                    older.info = newer.info;
                }
                if older.settings.is_none() {
                    older.settings = newer.settings;
                }
                older.people.absorb(newer.people, &current.people);
                older
                    .stakeholders
                    .absorb(newer.stakeholders, &current.stakeholders);
                older
                    .responsibilities
                    .absorb(newer.responsibilities, &current.responsibilities);
                older.products.absorb(newer.products, &current.products);
                older.teams.absorb(newer.teams, &current.teams);
                if older.record.is_none() {
                    older.record = newer.record;
                }
            }
        }
    }
}

/// What the scenario held before the change, for the analysis' update: a responsibility
/// the patch changed in place, as it was before the last swap.
impl crate::analysis::Before for ScenarioPatch {
    fn responsibility(&self, index: usize) -> Option<&Responsibility> {
        match &self.0 {
            Kept::Parts(p) => p.responsibilities.item(index),
            Kept::Whole(_) => None,
        }
    }
}
