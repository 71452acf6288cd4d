//! Ids made from names: users never type one.

use std::collections::HashSet;

use crate::model::Scenario;

/// Every id of the scenario (one namespace for all kinds of things).
pub fn all_ids(s: &Scenario) -> HashSet<&str> {
    s.people
        .iter()
        .map(|x| x.id.as_str())
        .chain(s.stakeholders.iter().map(|x| x.id.as_str()))
        .chain(s.responsibilities.iter().map(|x| x.id.as_str()))
        .chain(s.products.iter().map(|x| x.id.as_str()))
        .chain(s.teams.iter().map(|x| x.id.as_str()))
        .chain(s.record.decisions.iter().map(|x| x.id.as_str()))
        .chain(s.record.actions.iter().map(|x| x.id.as_str()))
        .collect()
}

/// A lowercase id from a name: letters and digits kept, everything else a single dash.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// An id for a new thing called `name`, unique across the scenario: the name's slug (or
/// `fallback` when the name has no letters), then `-2`, `-3`… if taken.
pub fn unique_id(s: &Scenario, name: &str, fallback: &str) -> String {
    unique_among(&all_ids(s), name, fallback)
}

/// Like [`unique_id`], against a given set of taken ids.
pub fn unique_among(taken: &HashSet<&str>, name: &str, fallback: &str) -> String {
    let base = match slug(name) {
        s if s.is_empty() => fallback.to_string(),
        s => s,
    };
    if !taken.contains(base.as_str()) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or(base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_and_digits() {
        assert_eq!(slug("Squad A (search)"), "squad-a-search");
        assert_eq!(slug("  Zoë  Müller "), "zoë-müller");
        assert_eq!(slug("!!!"), "");
    }

    #[test]
    fn ids_stay_unique_across_kinds() {
        let s = crate::testkit::Builder::new("x")
            .person("lee", 40.0)
            .product("lee-2", None, &[])
            .build();
        assert_eq!(unique_id(&s, "Lee", "person"), "lee-3");
        assert_eq!(unique_id(&s, "Maya", "person"), "maya");
        assert_eq!(unique_id(&s, "???", "person"), "person");
    }
}
