//! The heap memory a part of a scenario holds, counted by walking it (no text is written):
//! how the undo history knows what it really keeps.

use crate::checklist::Checklist;
use crate::model::{Card, Person, Product, Responsibility, Scenario, Stakeholder, Team};
use crate::record::{ActionItem, Decision, Owner, Record};

/// Bytes held on the heap by a value (its own size is counted by whoever holds it).
pub(crate) trait HeapSize {
    fn heap_bytes(&self) -> usize;
}

impl HeapSize for String {
    fn heap_bytes(&self) -> usize {
        self.capacity()
    }
}

impl<T: HeapSize> HeapSize for Option<T> {
    fn heap_bytes(&self) -> usize {
        self.as_ref().map_or(0, HeapSize::heap_bytes)
    }
}

impl<T: HeapSize> HeapSize for Vec<T> {
    fn heap_bytes(&self) -> usize {
        self.capacity() * std::mem::size_of::<T>()
            + self.iter().map(HeapSize::heap_bytes).sum::<usize>()
    }
}

impl<T: HeapSize> HeapSize for (usize, T) {
    fn heap_bytes(&self) -> usize {
        self.1.heap_bytes()
    }
}

impl HeapSize for Owner {
    fn heap_bytes(&self) -> usize {
        match self {
            Owner::Person(text) | Owner::Named(text) => text.heap_bytes(),
        }
    }
}

impl HeapSize for Checklist {
    fn heap_bytes(&self) -> usize {
        // A B-tree keeps up to 11 entries in a node of about 200 bytes: one node per 11
        // answers is close enough for a bound on memory.
        self.0.len().div_ceil(11) * 200
    }
}

/// A type whose heap memory is that of some of its fields.
macro_rules! heap_of_fields {
    ($($ty:ty { $($field:ident),+ })*) => {
        $(impl HeapSize for $ty {
            fn heap_bytes(&self) -> usize {
                0 $(+ self.$field.heap_bytes())+
            }
        })*
    };
}

heap_of_fields! {
    Person { id, name }
    Stakeholder { id, name }
    Responsibility { id, title, description, stakeholders, source }
    Card { responsibility, note }
    Product { id, name, pm, checklist, cards }
    Team { id, name, product, po }
    Decision { id, text, product, responsibility }
    ActionItem { id, text, owner }
    Record { decisions, actions }
    Scenario { name, description, people, stakeholders, responsibilities, products, teams, record }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_counts_its_slots_and_what_its_items_hold() {
        let mut names: Vec<String> = Vec::with_capacity(4);
        names.push(String::with_capacity(10));
        names.push(String::with_capacity(6));
        assert_eq!(
            names.heap_bytes(),
            4 * std::mem::size_of::<String>() + 16,
            "four slots and sixteen bytes of text"
        );
        let none: Option<String> = None;
        assert_eq!(none.heap_bytes(), 0);
    }
}
