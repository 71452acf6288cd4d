//! Scenario to text: the file layout of scenario-format.md. Struct names, the lists in the
//! user's order, one person, stakeholder, card, team, decision and action per line, each
//! responsibility on lines of its own, optional fields left out when they hold their
//! default (the record when it is empty), settings in full. The same scenario always gives
//! the same bytes.

use std::fmt::Write as _;

use crate::model::{
    Card, DEFAULT_CAPACITY_HOURS, FORMAT, Person, Product, Responsibility, Scenario, Settings,
    Stakeholder, Team,
};
use crate::record::{ActionItem, Decision, Owner, Record};

/// The text of a scenario file.
pub fn scenario_to_string(s: &Scenario) -> String {
    let mut out = String::new();
    out.push_str("Scenario(\n");
    line(&mut out, 1, &format!("format: {FORMAT},"));
    line(&mut out, 1, &format!("name: {},", string(&s.name)));
    if !s.description.is_empty() {
        line(
            &mut out,
            1,
            &format!("description: {},", string(&s.description)),
        );
    }
    settings(&mut out, &s.settings);
    list(&mut out, "people", &s.people, |out, p| {
        line(out, 2, &format!("{},", person(p)))
    });
    if !s.stakeholders.is_empty() {
        list(&mut out, "stakeholders", &s.stakeholders, |out, x| {
            line(out, 2, &format!("{},", stakeholder(x)))
        });
    }
    list(
        &mut out,
        "responsibilities",
        &s.responsibilities,
        responsibility,
    );
    list(&mut out, "products", &s.products, product);
    list(&mut out, "teams", &s.teams, |out, t| {
        line(out, 2, &format!("{},", team(t)))
    });
    record(&mut out, &s.record);
    out.push_str(")\n");
    out
}

const INDENT: &str = "    ";

fn line(out: &mut String, depth: usize, text: &str) {
    for _ in 0..depth {
        out.push_str(INDENT);
    }
    out.push_str(text);
    out.push('\n');
}

fn list<T>(out: &mut String, name: &str, items: &[T], mut item: impl FnMut(&mut String, &T)) {
    if items.is_empty() {
        line(out, 1, &format!("{name}: [],"));
        return;
    }
    line(out, 1, &format!("{name}: ["));
    for x in items {
        item(out, x);
    }
    line(out, 1, "],");
}

/// A RON string literal: quotes, backslashes and control characters escaped, everything
/// else (apostrophes, accents, any script) written as it is, so files stay readable.
pub(crate) fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\0"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A float that reads back to the same bits: `40.0`, `0.25`, `1.3333333333333333`.
pub(crate) fn float(v: f64) -> String {
    if v.is_finite() && v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.1}")
    } else {
        format!("{v}")
    }
}

fn settings(out: &mut String, s: &Settings) {
    line(out, 1, "settings: Settings(");
    line(
        out,
        2,
        &format!("combined_max_engineers: {},", s.combined_max_engineers),
    );
    line(out, 2, &format!("split_engineers: {},", s.split_engineers));
    line(
        out,
        2,
        &format!("hybrid_min_share: {},", float(s.hybrid_min_share)),
    );
    line(
        out,
        2,
        &format!("starved_ratio: {},", float(s.starved_ratio)),
    );
    line(
        out,
        2,
        &format!("overload_error_ratio: {},", float(s.overload_error_ratio)),
    );
    line(out, 2, &format!("cost_region: {},", s.cost_region.name()));
    line(
        out,
        2,
        &format!("po_strategy_share: {},", float(s.po_strategy_share)),
    );
    line(out, 1, "),");
}

/// `Name(a: 1, b: 2)` from the fields that are written.
fn inline(name: &str, fields: &[(&str, String)]) -> String {
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("{name}({})", body.join(", "))
}

fn person(p: &Person) -> String {
    let mut f = vec![("id", string(&p.id)), ("name", string(&p.name))];
    if p.capacity_hours.to_bits() != DEFAULT_CAPACITY_HOURS.to_bits() {
        f.push(("capacity_hours", float(p.capacity_hours)));
    }
    if p.other_hours.to_bits() != 0.0f64.to_bits() {
        f.push(("other_hours", float(p.other_hours)));
    }
    if let Some(c) = p.annual_cost {
        f.push(("annual_cost", format!("Some({})", float(c))));
    }
    inline("Person", &f)
}

fn stakeholder(s: &Stakeholder) -> String {
    inline(
        "Stakeholder",
        &[
            ("id", string(&s.id)),
            ("name", string(&s.name)),
            ("side", s.side.name().to_string()),
        ],
    )
}

fn id_list(ids: &[String]) -> String {
    let items: Vec<String> = ids.iter().map(|s| string(s)).collect();
    format!("[{}]", items.join(", "))
}

fn responsibility(out: &mut String, r: &Responsibility) {
    line(out, 2, "Responsibility(");
    line(out, 3, &format!("id: {},", string(&r.id)));
    line(out, 3, &format!("title: {},", string(&r.title)));
    if !r.description.is_empty() {
        line(out, 3, &format!("description: {},", string(&r.description)));
    }
    line(out, 3, &format!("kind: {},", r.kind.name()));
    line(out, 3, &format!("scope: {},", r.scope.name()));
    line(out, 3, &format!("horizon: {},", r.horizon.name()));
    line(out, 3, &format!("hours: {},", float(r.hours)));
    if !r.stakeholders.is_empty() {
        line(
            out,
            3,
            &format!("stakeholders: {},", id_list(&r.stakeholders)),
        );
    }
    if !r.source.is_empty() {
        line(out, 3, &format!("source: {},", string(&r.source)));
    }
    line(out, 2, "),");
}

fn product(out: &mut String, p: &Product) {
    line(out, 2, "Product(");
    line(out, 3, &format!("id: {},", string(&p.id)));
    line(out, 3, &format!("name: {},", string(&p.name)));
    if p.market != Default::default() {
        line(out, 3, &format!("market: {},", p.market.name()));
    }
    if let Some(stage) = p.stage {
        line(out, 3, &format!("stage: Some({}),", stage.name()));
    }
    if let Some(pm) = &p.pm {
        line(out, 3, &format!("pm: Some({}),", string(pm)));
    }
    if p.pm_locked {
        line(out, 3, "pm_locked: true,");
    }
    if !p.checklist.is_empty() {
        let mut answers = String::new();
        for (i, (q, a)) in p.checklist.0.iter().enumerate() {
            if i > 0 {
                answers.push_str(", ");
            }
            let _ = write!(answers, "{}: {a}", string(q.id()));
        }
        line(out, 3, &format!("checklist: {{{answers}}},"));
    }
    if p.cards.is_empty() {
        line(out, 3, "cards: [],");
    } else {
        line(out, 3, "cards: [");
        for c in &p.cards {
            line(out, 4, &format!("{},", card(c)));
        }
        line(out, 3, "],");
    }
    line(out, 2, "),");
}

fn card(c: &Card) -> String {
    let mut f = vec![
        ("responsibility", string(&c.responsibility)),
        ("column", c.column.as_str().to_string()),
    ];
    if let Some(h) = c.hours {
        f.push(("hours", format!("Some({})", float(h))));
    }
    if !c.note.is_empty() {
        f.push(("note", string(&c.note)));
    }
    if c.flagged {
        f.push(("flagged", "true".into()));
    }
    if c.pinned {
        f.push(("pinned", "true".into()));
    }
    inline("Card", &f)
}

fn team(t: &Team) -> String {
    let mut f = vec![
        ("id", string(&t.id)),
        ("name", string(&t.name)),
        ("product", string(&t.product)),
        ("engineers", t.engineers.to_string()),
        ("method", t.method.name().to_string()),
    ];
    if let Some(po) = &t.po {
        f.push(("po", format!("Some({})", string(po))));
    }
    if t.po_locked {
        f.push(("po_locked", "true".into()));
    }
    inline("Team", &f)
}

/// The workshop record, left out when it is empty; an empty list inside it is left out too.
fn record(out: &mut String, r: &Record) {
    if r.is_empty() {
        return;
    }
    line(out, 1, "record: Record(");
    let mut items = |name: &str, texts: Vec<String>| {
        if texts.is_empty() {
            return;
        }
        line(out, 2, &format!("{name}: ["));
        for text in texts {
            line(out, 3, &format!("{text},"));
        }
        line(out, 2, "],");
    };
    items("decisions", r.decisions.iter().map(decision).collect());
    items("actions", r.actions.iter().map(action).collect());
    line(out, 1, "),");
}

fn decision(d: &Decision) -> String {
    let mut f = vec![
        ("id", string(&d.id)),
        ("text", string(&d.text)),
        ("date", string(&d.date.to_string())),
    ];
    if let Some(p) = &d.product {
        f.push(("product", format!("Some({})", string(p))));
    }
    if let Some(r) = &d.responsibility {
        f.push(("responsibility", format!("Some({})", string(r))));
    }
    inline("Decision", &f)
}

fn action(a: &ActionItem) -> String {
    let mut f = vec![("id", string(&a.id)), ("text", string(&a.text))];
    if let Some(owner) = &a.owner {
        let owner = match owner {
            Owner::Person(id) => format!("Person({})", string(id)),
            Owner::Named(name) => format!("Named({})", string(name)),
        };
        f.push(("owner", format!("Some({owner})")));
    }
    if let Some(due) = a.due {
        f.push(("due", format!("Some({})", string(&due.to_string()))));
    }
    if a.done {
        f.push(("done", "true".into()));
    }
    inline("Action", &f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_read_back_to_the_same_bits() {
        for v in [
            0.0,
            40.0,
            0.25,
            1.0 / 3.0,
            1e-7,
            167.99999999999997,
            100_000_000.0,
        ] {
            let text = float(v);
            let back: f64 = text.parse().expect("parses");
            assert_eq!(back.to_bits(), v.to_bits(), "{v} written as {text}");
        }
        assert_eq!(float(40.0), "40.0");
        assert_eq!(float(0.25), "0.25");
    }

    #[test]
    fn strings_are_escaped_for_ron() {
        assert_eq!(string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(string("Lee's \u{7f}é"), "\"Lee's \\u{7f}é\"");
        for text in ["Lee's", "tab\t", "\u{0}\u{1b}[31m", "日本語 ✓", "\\\"'"] {
            let back: String = ron::from_str(&string(text)).expect("reads back");
            assert_eq!(back, text);
        }
    }
}
