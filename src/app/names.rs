//! Everything in a scenario by its id, indexed once and kept until an item is added,
//! removed or reordered (`Document::changed`): views look names and items up
//! here instead of going through every list on every frame, which at 5,000 people costs
//! more than a frame per card.

use rustc_hash::FxHashMap;

use crate::model::Scenario;

/// What an id names: the list and the index in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named {
    Person(usize),
    Product(usize),
    Team(usize),
    Responsibility(usize),
    Stakeholder(usize),
}

/// The index of every id in a scenario.
#[derive(Clone, Debug, Default)]
pub struct Names {
    index: FxHashMap<String, Named>,
}

impl Names {
    /// Indexes the ids of `s`. Should a broken scenario repeat an id, the first of the kind
    /// [`Scenario::name_of`] looks at first wins, as there.
    pub fn new(s: &Scenario) -> Names {
        let mut index = FxHashMap::with_capacity_and_hasher(
            s.people.len()
                + s.products.len()
                + s.teams.len()
                + s.responsibilities.len()
                + s.stakeholders.len(),
            Default::default(),
        );
        // From the last kind name_of tries to the first, and each list from its end, so that
        // what it would find first is written last.
        let mut put = |id: &str, named: Named| {
            index.insert(id.to_string(), named);
        };
        for (i, x) in s.stakeholders.iter().enumerate().rev() {
            put(&x.id, Named::Stakeholder(i));
        }
        for (i, x) in s.responsibilities.iter().enumerate().rev() {
            put(&x.id, Named::Responsibility(i));
        }
        for (i, x) in s.teams.iter().enumerate().rev() {
            put(&x.id, Named::Team(i));
        }
        for (i, x) in s.products.iter().enumerate().rev() {
            put(&x.id, Named::Product(i));
        }
        for (i, x) in s.people.iter().enumerate().rev() {
            put(&x.id, Named::Person(i));
        }
        Names { index }
    }

    /// What `id` names.
    pub fn get(&self, id: &str) -> Option<Named> {
        self.index.get(id).copied()
    }

    /// The display name of whatever `id` names in `s` (the id itself when nothing).
    pub fn name_of<'a>(&self, s: &'a Scenario, id: &'a str) -> &'a str {
        let name = match self.get(id) {
            Some(Named::Person(i)) => s.people.get(i).map(|x| x.name.as_str()),
            Some(Named::Product(i)) => s.products.get(i).map(|x| x.name.as_str()),
            Some(Named::Team(i)) => s.teams.get(i).map(|x| x.name.as_str()),
            Some(Named::Responsibility(i)) => s.responsibilities.get(i).map(|x| x.title.as_str()),
            Some(Named::Stakeholder(i)) => s.stakeholders.get(i).map(|x| x.name.as_str()),
            None => None,
        };
        name.unwrap_or(id)
    }

    /// The index of the person with this id.
    pub fn person(&self, id: &str) -> Option<usize> {
        match self.get(id) {
            Some(Named::Person(i)) => Some(i),
            _ => None,
        }
    }

    /// The index of the product with this id.
    pub fn product(&self, id: &str) -> Option<usize> {
        match self.get(id) {
            Some(Named::Product(i)) => Some(i),
            _ => None,
        }
    }

    /// The index of the responsibility with this id.
    pub fn responsibility(&self, id: &str) -> Option<usize> {
        match self.get(id) {
            Some(Named::Responsibility(i)) => Some(i),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Column::Pm;
    use crate::model::Kind::Strategy;
    use crate::model::Method::Scrum;
    use crate::model::Scope::Product;
    use crate::testkit::Builder;

    #[test]
    fn every_id_names_what_name_of_finds() {
        let s = Builder::new("n")
            .person("ann", 40.0)
            .responsibility("vision", Strategy, Product, 2.0, &[])
            .product("shop", Some("ann"), &[("vision", Pm)])
            .team("crew", "shop", 5, Scrum, None)
            .build();
        let names = Names::new(&s);
        for id in ["ann", "vision", "shop", "crew", "nothing"] {
            assert_eq!(names.name_of(&s, id), s.name_of(id), "{id}");
        }
        assert_eq!(names.person("ann"), Some(0));
        assert_eq!(names.product("shop"), Some(0));
        assert_eq!(names.responsibility("vision"), Some(0));
        assert_eq!(names.person("shop"), None, "a product is not a person");
    }
}
