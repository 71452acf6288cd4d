//! `diff --format json`: one object, keys in the contract's order (scenario-format.md,
//! "diff"). Serde structs, not maps, so that the order holds.

use serde::Serialize;

use crate::findings::Finding;
use crate::record::{ActionItem, Decision, Owner};

use super::{
    ActionChange, CardDetails, Comparison, DecisionChange, Hours, LoadChange, Seat, SeatChange,
};

#[derive(Serialize)]
struct DiffJson<'a> {
    a: &'a str,
    b: &'a str,
    products_added: &'a [String],
    products_removed: &'a [String],
    teams_added: &'a [String],
    teams_removed: &'a [String],
    people_added: &'a [String],
    people_removed: &'a [String],
    moved_cards: Vec<MoveJson<'a>>,
    added_cards: Vec<CardJson<'a>>,
    removed_cards: Vec<CardJson<'a>>,
    seats: Vec<SeatJson<'a>>,
    load: Vec<LoadJson<'a>>,
    findings_gained: Vec<FindingJson<'a>>,
    findings_lost: Vec<FindingJson<'a>>,
    findings_changed: Vec<ChangedJson<'a>>,
    cost: [f64; 2],
    // The workshop record (format 2): keys added after the contract's, never changed.
    decisions_added: Vec<DecisionJson<'a>>,
    decisions_removed: Vec<DecisionJson<'a>>,
    decisions_changed: Vec<ChangeJson<'a, DecisionJson<'a>>>,
    actions_added: Vec<ActionJson<'a>>,
    actions_removed: Vec<ActionJson<'a>>,
    actions_changed: Vec<ChangeJson<'a, ActionJson<'a>>>,
    // Cards edited in place (hours, note, flag, pin): added after the record's keys.
    changed_cards: Vec<CardChangeJson<'a>>,
}

/// A card edited in place: `{"product", "responsibility", "changed", "before", "after"}`,
/// `changed` naming the details that differ.
#[derive(Serialize)]
struct CardChangeJson<'a> {
    product: &'a str,
    responsibility: &'a str,
    changed: &'a [&'static str],
    before: CardDetailsJson<'a>,
    after: CardDetailsJson<'a>,
}

/// A card's details: `{"hours", "note", "flagged", "pinned"}`, `hours` what it carries.
#[derive(Serialize)]
struct CardDetailsJson<'a> {
    hours: f64,
    note: &'a str,
    flagged: bool,
    pinned: bool,
}

fn card_details(d: &CardDetails) -> CardDetailsJson<'_> {
    CardDetailsJson {
        hours: d.hours,
        note: &d.note,
        flagged: d.flagged,
        pinned: d.pinned,
    }
}

/// A decision: `{"id", "text", "date", "product", "responsibility"}` (`null` for none).
#[derive(Serialize)]
struct DecisionJson<'a> {
    id: &'a str,
    text: &'a str,
    date: String,
    product: Option<&'a str>,
    responsibility: Option<&'a str>,
}

/// An action: `{"id", "text", "owner", "due", "done"}`; the owner is `{"person": id}`,
/// `{"named": text}` or `null`.
#[derive(Serialize)]
struct ActionJson<'a> {
    id: &'a str,
    text: &'a str,
    owner: Option<OwnerJson<'a>>,
    due: Option<String>,
    done: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum OwnerJson<'a> {
    Person(&'a str),
    Named(&'a str),
}

/// A changed decision or action: its id, B's text, the fields that differ, and the whole
/// item before (A) and after (B).
#[derive(Serialize)]
struct ChangeJson<'a, T> {
    id: &'a str,
    text: &'a str,
    changed: &'a [&'static str],
    before: T,
    after: T,
}

fn decision(d: &Decision) -> DecisionJson<'_> {
    DecisionJson {
        id: &d.id,
        text: &d.text,
        date: d.date.to_string(),
        product: d.product.as_deref(),
        responsibility: d.responsibility.as_deref(),
    }
}

fn action(a: &ActionItem) -> ActionJson<'_> {
    ActionJson {
        id: &a.id,
        text: &a.text,
        owner: a.owner.as_ref().map(|o| match o {
            Owner::Person(id) => OwnerJson::Person(id),
            Owner::Named(name) => OwnerJson::Named(name),
        }),
        due: a.due.map(|d| d.to_string()),
        done: a.done,
    }
}

/// A changed item as JSON, `json` writing each side.
fn change<'a, T, J>(
    (before, after): (&'a T, &'a T),
    (id, text): (&'a str, &'a str),
    changed: &'a [&'static str],
    json: fn(&'a T) -> J,
) -> ChangeJson<'a, J> {
    ChangeJson {
        id,
        text,
        changed,
        before: json(before),
        after: json(after),
    }
}

fn decision_change(c: &DecisionChange) -> ChangeJson<'_, DecisionJson<'_>> {
    let named = (c.after.id.as_str(), c.after.text.as_str());
    change((&c.before, &c.after), named, &c.fields, decision)
}

fn action_change(c: &ActionChange) -> ChangeJson<'_, ActionJson<'_>> {
    let named = (c.after.id.as_str(), c.after.text.as_str());
    change((&c.before, &c.after), named, &c.fields, action)
}

#[derive(Serialize)]
struct MoveJson<'a> {
    product: &'a str,
    responsibility: &'a str,
    from: &'static str,
    to: &'static str,
}

/// An added or removed card, with its column in the scenario that has it.
#[derive(Serialize)]
struct CardJson<'a> {
    product: &'a str,
    responsibility: &'a str,
    column: &'static str,
}

#[derive(Serialize)]
struct SeatJson<'a> {
    seat: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    product: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    team: Option<&'a str>,
    from: Option<&'a str>,
    to: Option<&'a str>,
}

#[derive(Serialize)]
struct LoadJson<'a> {
    id: &'a str,
    before: Option<HoursJson>,
    after: Option<HoursJson>,
}

#[derive(Serialize)]
struct HoursJson {
    strategy_hours: f64,
    execution_hours: f64,
    load_hours: f64,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'static str,
    severity: &'static str,
    subjects: &'a [String],
}

#[derive(Serialize)]
struct ChangedJson<'a> {
    rule: &'static str,
    subjects: &'a [String],
    from: &'static str,
    to: &'static str,
}

fn seat(s: &SeatChange) -> SeatJson<'_> {
    let (kind, product, team) = match &s.seat {
        Seat::Pm { product } => ("pm", Some(product.as_str()), None),
        Seat::Po { team } => ("po", None, Some(team.as_str())),
    };
    SeatJson {
        seat: kind,
        product,
        team,
        from: s.from.as_deref(),
        to: s.to.as_deref(),
    }
}

fn hours(h: &Hours) -> HoursJson {
    HoursJson {
        strategy_hours: h.strategy_hours,
        execution_hours: h.execution_hours,
        load_hours: h.load_hours,
    }
}

fn load(l: &LoadChange) -> LoadJson<'_> {
    LoadJson {
        id: &l.id,
        before: l.before.as_ref().map(hours),
        after: l.after.as_ref().map(hours),
    }
}

fn finding(f: &Finding) -> FindingJson<'_> {
    FindingJson {
        rule: f.rule.id(),
        severity: f.severity.as_str(),
        subjects: &f.subjects,
    }
}

/// The comparison as one line of JSON (no trailing newline).
pub(super) fn render(c: &Comparison<'_>) -> String {
    let d = c.diff;
    let out = DiffJson {
        a: c.a_label,
        b: c.b_label,
        products_added: &d.products_added,
        products_removed: &d.products_removed,
        teams_added: &d.teams_added,
        teams_removed: &d.teams_removed,
        people_added: &d.people_added,
        people_removed: &d.people_removed,
        moved_cards: d
            .moved_cards
            .iter()
            .map(|m| MoveJson {
                product: &m.product,
                responsibility: &m.responsibility,
                from: m.from.as_str(),
                to: m.to.as_str(),
            })
            .collect(),
        added_cards: d.added_cards.iter().map(card).collect(),
        removed_cards: d.removed_cards.iter().map(card).collect(),
        seats: d.seats.iter().map(seat).collect(),
        load: d.load.iter().map(load).collect(),
        findings_gained: d.findings_gained.iter().map(finding).collect(),
        findings_lost: d.findings_lost.iter().map(finding).collect(),
        findings_changed: d
            .findings_changed
            .iter()
            .map(|f| ChangedJson {
                rule: f.rule.id(),
                subjects: &f.subjects,
                from: f.from.as_str(),
                to: f.to.as_str(),
            })
            .collect(),
        cost: d.cost,
        decisions_added: d.decisions_added.iter().map(decision).collect(),
        decisions_removed: d.decisions_removed.iter().map(decision).collect(),
        decisions_changed: d.decisions_changed.iter().map(decision_change).collect(),
        actions_added: d.actions_added.iter().map(action).collect(),
        actions_removed: d.actions_removed.iter().map(action).collect(),
        actions_changed: d.actions_changed.iter().map(action_change).collect(),
        changed_cards: d
            .changed_cards
            .iter()
            .map(|c| CardChangeJson {
                product: &c.product,
                responsibility: &c.responsibility,
                changed: &c.fields,
                before: card_details(&c.before),
                after: card_details(&c.after),
            })
            .collect(),
    };
    // Serializing these plain structs cannot fail (no maps with non-string keys); NaN,
    // which a loaded scenario never holds, would print as null.
    serde_json::to_string(&out).unwrap_or_default()
}

fn card(c: &super::CardPlace) -> CardJson<'_> {
    CardJson {
        product: &c.product,
        responsibility: &c.responsibility,
        column: c.column.as_str(),
    }
}
