//! How a card looks: its face (kind stripe and word, hours, badges), its hover text, and
//! the faint copy a previewed suggestion puts where the card would go.

use egui::{Align2, FontId, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use crate::findings::Severity;
use crate::load::CardLoad;
use crate::model::{Card, Kind, Responsibility, Scenario};
use crate::num::hours;

use super::theme;

/// What a card's face shows.
pub struct CardFace<'a> {
    pub card: &'a Card,
    pub responsibility: &'a Responsibility,
    pub load: &'a CardLoad,
    /// The worst severity of the findings about the card, with their rule ids.
    pub badge: Option<&'a (Severity, Vec<&'static str>)>,
    /// How the card stands out.
    pub emphasis: Emphasis,
    /// The room's revealed tally (`room: PM 7 · PO 2`), drawn as the first badge.
    pub room: Option<&'a str>,
}

/// How a card stands out from the others.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Emphasis {
    /// Selected (or being dragged).
    pub selected: bool,
    /// One of the subjects of what is selected (a finding, a person).
    pub highlighted: bool,
    /// Has the keyboard focus.
    pub focused: bool,
}

/// The word for a responsibility's kind, as a card shows it.
pub fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Strategy => "Strategy",
        Kind::Execution => "Execution",
    }
}

/// Paints a card's face in `rect`. Returns where the room's tally badge is, if it has one.
pub fn paint_card(ui: &Ui, painter: &egui::Painter, rect: Rect, face: &CardFace) -> Option<Rect> {
    let CardFace {
        card,
        responsibility: r,
        load,
        badge,
        room,
        emphasis:
            Emphasis {
                selected,
                highlighted,
                focused,
            },
    } = *face;
    let visuals = ui.visuals();
    let fill = if highlighted {
        theme::highlight_fill()
    } else {
        visuals.faint_bg_color
    };
    painter.rect_filled(rect, 6.0, visuals.extreme_bg_color);
    painter.rect_filled(rect, 6.0, fill);
    let stroke = if selected || focused {
        Stroke::new(2.5, visuals.selection.stroke.color)
    } else if highlighted {
        Stroke::new(2.0, theme::HIGHLIGHT)
    } else {
        visuals.widgets.noninteractive.bg_stroke
    };
    painter.rect_stroke(rect, 6.0, stroke, StrokeKind::Inside);
    let colour = theme::kind_colour(r.kind);
    let stripe = Rect::from_min_size(rect.min, vec2(7.0, rect.height()));
    painter.rect_filled(
        stripe,
        egui::CornerRadius {
            nw: 6,
            sw: 6,
            ne: 0,
            se: 0,
        },
        colour,
    );

    let text = visuals.text_color();
    let left = rect.left() + 14.0;
    let right = rect.right() - 8.0;
    let title =
        ui.fonts_mut(|f| f.layout_no_wrap(r.title.clone(), FontId::proportional(14.5), text));
    let title = truncate(ui, title, &r.title, right - left, 14.5, text);
    painter.galley(pos2(left, rect.top() + 7.0), title, text);

    // The kind word and the hours always show; the badges take what is left of the line,
    // in full, else in short ("!", "?", "pin"), else the least of them are left out (each
    // is in the card's tooltip); the rest of the line says what still fits.
    let y = rect.bottom() - 14.0;
    let kind = kind_word(r.kind).to_uppercase();
    let kind_font = FontId::proportional(11.0);
    let meta_font = FontId::proportional(12.0);
    let width_of = |text: &str, font: &FontId| super::widgets::font_width(ui, text, font);
    let hours_text = format!("{} h", hours(load.hours));
    let kind_width = width_of(&kind, &kind_font);
    let reserved = kind_width + 10.0 + width_of(&hours_text, &meta_font) + 8.0;
    let badges = fitted_badges(
        card_badges(card, badge, room),
        (right - left - reserved).max(0.0),
        |text| width_of(text, &badge_font()) + BADGE_PADDING,
    );
    let mut badge_right = right;
    let mut room_badge = None;
    for badge in badges {
        let left = paint_badge(ui, painter, badge_right, y, &badge.text, badge.fill);
        if badge.room {
            room_badge = Some(Rect::from_x_y_ranges(
                left + 4.0..=badge_right,
                y - 9.0..=y + 9.0,
            ));
        }
        badge_right = left;
    }
    let kind_colour = theme::kind_text_colour(r.kind, visuals.dark_mode);
    // On a card too narrow even for the kind and the hours, they are cut at its edge.
    let inside = Rect::from_x_y_ranges(left..=right.max(left), rect.y_range());
    let painter = painter.with_clip_rect(inside.intersect(painter.clip_rect()));
    painter.text(
        pos2(left, y),
        Align2::LEFT_CENTER,
        kind,
        kind_font,
        kind_colour,
    );
    let meta_left = left + kind_width + 10.0;
    let set_here = if card.hours.is_some() {
        " (set here)"
    } else {
        ""
    };
    let note = if card.note.is_empty() { "" } else { " · note" };
    let meta = [
        format!("{hours_text}{set_here}{note}"),
        format!("{hours_text}{note}"),
        hours_text.clone(),
    ]
    .into_iter()
    .find(|m| meta_left + width_of(m, &meta_font) <= badge_right)
    .unwrap_or(hours_text);
    painter.text(
        pos2(meta_left, y),
        Align2::LEFT_CENTER,
        meta,
        meta_font,
        visuals.weak_text_color(),
    );
    room_badge
}

/// Makes the room's tally badge (`badge`, saying `text`) readable by assistive technology
/// and tests, as a node of the card `card`'s. It senses hover only, so clicks and drags
/// still reach the card.
pub fn room_tally_node(ui: &Ui, card: egui::Id, badge: Option<Rect>, text: Option<&str>) {
    if let (Some(badge), Some(text)) = (badge, text) {
        let node = ui.interact(badge, card.with("room_tally"), Sense::hover());
        node.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, text));
    }
}

/// The room a badge takes beyond its text: its padding and the gap before the next.
const BADGE_PADDING: f32 = 14.0;

fn badge_font() -> FontId {
    FontId::proportional(11.5)
}

/// A badge on a card's bottom line.
struct Badge {
    /// What it says: in full, or in short on a narrow card.
    text: String,
    short: &'static str,
    fill: egui::Color32,
    /// The room's tally (it is made readable by assistive technology).
    room: bool,
}

impl Badge {
    fn new(text: impl Into<String>, short: &'static str, fill: egui::Color32) -> Badge {
        Badge {
            text: text.into(),
            short,
            fill,
            room: false,
        }
    }
}

/// A card's badges, most important first: the room's tally, its findings, "? discuss",
/// "pinned".
fn card_badges(
    card: &Card,
    badge: Option<&(Severity, Vec<&'static str>)>,
    room: Option<&str>,
) -> Vec<Badge> {
    let mut out = Vec::new();
    if let Some(text) = room {
        out.push(Badge {
            room: true,
            ..Badge::new(text, "", theme::INFO)
        });
    }
    if let Some((severity, rules)) = badge {
        let word = match rules.as_slice() {
            [one] => short_rule(one).to_string(),
            many => format!("{} findings", many.len()),
        };
        out.push(Badge::new(
            format!("! {word}"),
            "!",
            theme::severity_colour(*severity),
        ));
    }
    if card.flagged {
        out.push(Badge::new("? discuss", "?", theme::HIGHLIGHT));
    }
    if card.pinned {
        out.push(Badge::new("pinned", "pin", theme::OTHER));
    }
    out
}

/// The badges that fit in `room`: all in full, else all short, else the first ones short.
/// The room's tally, short, drops its "room: ".
fn fitted_badges(mut badges: Vec<Badge>, room: f32, width: impl Fn(&str) -> f32) -> Vec<Badge> {
    let total = |badges: &[Badge]| -> f32 { badges.iter().map(|b| width(&b.text)).sum() };
    if total(&badges) <= room {
        return badges;
    }
    for badge in &mut badges {
        badge.text = if badge.room {
            badge.text.trim_start_matches("room: ").to_string()
        } else {
            badge.short.to_string()
        };
    }
    while total(&badges) > room && !badges.is_empty() {
        badges.pop();
    }
    badges
}

/// A rounded label ending at `right`, centred on `y`; returns where the next one ends.
fn paint_badge(
    ui: &Ui,
    painter: &egui::Painter,
    right: f32,
    y: f32,
    text: &str,
    fill: egui::Color32,
) -> f32 {
    let galley =
        ui.fonts_mut(|f| f.layout_no_wrap(text.to_string(), badge_font(), egui::Color32::BLACK));
    let badge_rect = Rect::from_min_size(
        pos2(right - galley.size().x - 10.0, y - 9.0),
        vec2(galley.size().x + 10.0, 18.0),
    );
    painter.rect_filled(badge_rect, 9.0, fill);
    painter.galley(
        badge_rect.min + vec2(5.0, (18.0 - galley.size().y) / 2.0),
        galley,
        egui::Color32::BLACK,
    );
    badge_rect.left() - 4.0
}

/// Where a previewed suggestion would put a card: a faint copy with a dashed edge.
pub fn ghost_card_ui(ui: &mut Ui, title: &str) {
    let size = vec2(ui.available_width(), theme::CARD_HEIGHT);
    let (rect, _) = ui.allocate_exact_size(size, Sense::hover());
    let painter = ui.painter();
    let stroke = Stroke::new(2.0, theme::HIGHLIGHT);
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
        rect.left_top(),
    ];
    for pair in corners.windows(2) {
        if let [a, b] = pair {
            painter.extend(egui::Shape::dashed_line(&[*a, *b], stroke, 6.0, 4.0));
        }
    }
    let colour = ui.visuals().weak_text_color();
    let text = format!("suggested here: {title}");
    let mut job =
        egui::text::LayoutJob::simple_singleline(text, FontId::proportional(14.0), colour);
    job.wrap = egui::text::TextWrapping::truncate_at_width(rect.width() - 24.0);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let top = rect.center().y - galley.size().y / 2.0;
    painter.galley(pos2(rect.left() + 12.0, top), galley, colour);
}

/// A word for a rule on a card's badge.
fn short_rule(rule: &str) -> &str {
    match rule {
        "unowned-work" => "unowned",
        "unassigned-cards" => "parked",
        other => other,
    }
}

/// Cuts a one-line galley to `width` with an ellipsis.
pub fn truncate(
    ui: &Ui,
    galley: std::sync::Arc<egui::Galley>,
    text: &str,
    width: f32,
    size: f32,
    colour: egui::Color32,
) -> std::sync::Arc<egui::Galley> {
    if galley.size().x <= width {
        return galley;
    }
    let mut job = egui::text::LayoutJob::simple_singleline(
        text.to_string(),
        FontId::proportional(size),
        colour,
    );
    job.wrap = egui::text::TextWrapping::truncate_at_width(width);
    ui.fonts_mut(|f| f.layout_job(job))
}

/// The hover text of a card: description, stakeholders, source and the decision's note.
pub fn card_tooltip_ui(ui: &mut Ui, s: &Scenario, card: &Card, r: &Responsibility) {
    ui.set_max_width(360.0);
    ui.strong(&r.title);
    if !r.description.is_empty() {
        ui.label(&r.description);
    }
    ui.label(format!(
        "{} · {} scope · {} horizon",
        r.kind.name(),
        r.scope.name(),
        r.horizon.name()
    ));
    if !r.stakeholders.is_empty() {
        let names: Vec<&str> = r.stakeholders.iter().map(|id| s.name_of(id)).collect();
        ui.label(format!("Serves: {}", names.join(", ")));
    }
    if !r.source.is_empty() {
        // Each source with its publisher and title (a click on the number in the card's
        // details opens the Sources overlay).
        ui.label(super::sources_view::citation_text(&r.source));
    }
    if !card.note.is_empty() {
        ui.label(format!("Decision: {}", card.note));
    }
    ui.weak("Drag to another column, or right-click to move.");
}
