//! What an edit changed in a scenario, part by part. Validation and the analysis read it to
//! check and recompute only what the edit touched (the window's edit path, where a file of
//! 5,000 people must not be checked and analysed whole after every card move);
//! `edit::ScenarioPatch::changes` says it for an edit, an undo or a redo.

/// How one list of the scenario changed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum ListChange {
    /// Not at all.
    #[default]
    Same,
    /// The items at these indices changed in place (ascending, no repeats): the list kept
    /// its length and every item its id.
    Items(Vec<usize>),
    /// Items were added, removed or reordered, or an id changed.
    Reshaped,
}

impl ListChange {
    /// The items changed in place (none for a reshaped list: see [`ListChange::Reshaped`]).
    pub fn items(&self) -> &[usize] {
        match self {
            ListChange::Items(items) => items,
            ListChange::Same | ListChange::Reshaped => &[],
        }
    }

    /// Whether the list changed at all.
    pub fn changed(&self) -> bool {
        *self != ListChange::Same
    }
}

/// What changed in a scenario.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    /// The scenario's name or description.
    pub info: bool,
    pub settings: bool,
    pub people: ListChange,
    pub stakeholders: ListChange,
    pub responsibilities: ListChange,
    pub products: ListChange,
    pub teams: ListChange,
    /// The workshop record (decisions and actions): short, so it is checked whole, and no
    /// part of the analysis depends on it.
    pub record: bool,
}

impl Changes {
    /// Anything may have changed: check and compute everything.
    pub fn everything() -> Changes {
        Changes {
            info: true,
            settings: true,
            people: ListChange::Reshaped,
            stakeholders: ListChange::Reshaped,
            responsibilities: ListChange::Reshaped,
            products: ListChange::Reshaped,
            teams: ListChange::Reshaped,
            record: true,
        }
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }

    /// The lists, for rules that hold for each of them.
    pub fn lists(&self) -> [&ListChange; 5] {
        [
            &self.people,
            &self.stakeholders,
            &self.responsibilities,
            &self.products,
            &self.teams,
        ]
    }

    /// Whether items changed in place only: no list was reshaped, so every id still names
    /// the same kind of thing at the same index.
    pub fn in_place(&self) -> bool {
        self.lists().iter().all(|l| **l != ListChange::Reshaped)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reshaped_list_is_not_a_change_in_place() {
        let mut c = Changes {
            products: ListChange::Items(vec![3]),
            ..Changes::default()
        };
        assert!(c.in_place());
        assert!(!c.is_empty());
        assert_eq!(c.products.items(), [3]);
        c.people = ListChange::Reshaped;
        assert!(!c.in_place());
        assert_eq!(c.people.items(), [] as [usize; 0]);
        assert!(Changes::default().is_empty());
        assert!(!Changes::everything().in_place());
    }
}
