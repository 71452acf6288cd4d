//! The room as the window runs it (README, "The room in the window"): the room server
//! started on the open scenario, its two addresses and the attendees' one as a QR code,
//! and what the Room panel and the board show of the round and the vote. The room itself
//! (`crate::room`) knows nothing of the window; this keeps it in step: every change of the
//! document and of the board's product reaches it on the next frame.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Instant;

use crate::model::Scenario;
use crate::record::Date;
use crate::room::{
    self, Adoption, CardOutcome, MAX_OPTION_CHARS, MAX_OPTIONS, Room, RoomServer, ServeOptions,
};

use super::document::Document;

/// What the Room panel's buttons (and the Workshop menu) ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum RoomAction {
    /// Starts the room server on the open scenario and shows the Room panel.
    Invite,
    /// Stops the room server: nothing listens any more.
    Stop,
    /// Shows or hides the Room panel (the room goes on either way).
    ShowPanel(bool),
    /// Opens a placement round on a product: all its cards, or those flagged "needs
    /// discussion".
    OpenRound {
        product: String,
        flagged_only: bool,
    },
    CloseRound,
    RevealRound,
    /// Moves every card of the round to the room's most chosen column (one undoable edit).
    Adopt,
    /// Opens a dot vote among the scenarios of the Compare tab.
    OpenVote,
    CloseVote,
    /// The dots each attendee gets in the next vote.
    Dots(u32),
}

/// A running room, its addresses and what the window shows of it.
pub struct RoomSession {
    room: Room,
    /// Serves the room until the session is dropped.
    _server: RoomServer,
    /// The attendees' page: `http://ADDRESS:PORT/?k=KEY`.
    pub attendee_url: String,
    /// The facilitator's page (the same page with the facilitator's controls).
    pub facilitator_url: String,
    /// The attendees' address as a QR code.
    pub qr: Option<Qr>,
    /// Whether the Room panel is shown (the room runs either way).
    pub panel_open: bool,
    /// The dots each attendee gets in the next vote.
    pub dots: u32,
    /// What the panel and the board show, rebuilt when the room or the scenario changed.
    pub shown: Shown,
    /// The room's change count and the document's generation `shown` was made for.
    made_for: Option<(u64, u64)>,
    /// The document's generation the room's snapshot is of.
    synced: u64,
    /// The product on the board, as last handed to the room.
    board: Option<String>,
    /// The product the attendees' page was last told to show.
    showing: Option<String>,
    /// The frame time connected attendees were last counted at.
    counted_at: f64,
}

/// A QR code: `width` × `width` modules, each dark or light.
pub struct Qr {
    pub width: usize,
    dark: Vec<bool>,
}

impl Qr {
    /// The QR code of `text` (error correction M, which survives a smudged projector);
    /// `None` if the text is too long for any QR code.
    pub fn new(text: &str) -> Option<Qr> {
        let code = qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::M)
            .ok()?;
        Some(Qr {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == qrcode::Color::Dark)
                .collect(),
        })
    }

    /// Whether the module at column `x`, row `y` is dark (outside the code: light).
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// What the window shows of the room.
#[derive(Default)]
pub struct Shown {
    /// Attendees heard from in the last few seconds.
    pub connected: usize,
    pub round: Option<RoundShown>,
    pub vote: Option<VoteShown>,
}

/// The round as the panel and the board show it.
pub struct RoundShown {
    pub product: String,
    pub product_name: String,
    pub open: bool,
    pub revealed: bool,
    /// How many attendees have submitted a ballot.
    pub ballots: usize,
    /// The round's cards, the most worth discussing first.
    pub cards: Vec<CardOutcome>,
    /// After the reveal: each card's tally as its badge on the board says it.
    tallies: HashMap<String, String>,
}

/// The vote as the panel shows it.
pub struct VoteShown {
    pub open: bool,
    /// The dots each attendee may spread.
    pub dots_each: u32,
    /// How many attendees gave their dots.
    pub voters: usize,
    /// Each option with its dots, in the vote's order.
    pub options: Vec<(String, u64)>,
    /// The most dots any option has (the full length of a bar).
    pub most: u64,
}

impl RoomSession {
    /// Starts the room server on every interface and a free port, showing the open
    /// scenario and `board`'s product.
    pub fn start(doc: &Document, board: Option<&str>) -> Result<RoomSession, String> {
        let room = Room::new(Arc::clone(&doc.scenario), Arc::clone(&doc.analysis));
        room.set_board_product(board.map(str::to_string));
        let options = ServeOptions::default();
        let server = RoomServer::start(room.clone(), &options)
            .map_err(|e| format!("The room could not be opened: {e}."))?;
        let host = room::phone_address(options.bind);
        let attendee_url = server.attendee_url(host);
        Ok(RoomSession {
            room,
            qr: Qr::new(&attendee_url),
            attendee_url,
            facilitator_url: server.facilitator_url(host),
            _server: server,
            panel_open: true,
            dots: room::DEFAULT_DOTS,
            shown: Shown::default(),
            made_for: None,
            synced: doc.generation,
            board: board.map(str::to_string),
            showing: None,
            counted_at: f64::NEG_INFINITY,
        })
    }

    /// The room (tests feed ballots through it, as the server does).
    pub fn room(&self) -> &Room {
        &self.room
    }

    /// Once a frame, cheaply: hands the room the scenario after a change and the board's
    /// product when another is shown; rebuilds what the window shows of the room when it
    /// or the scenario changed; counts the connected attendees once a second.
    pub fn tick(&mut self, doc: &Document, board: Option<&str>, now: f64) {
        if self.synced != doc.generation {
            self.room
                .update_scenario(Arc::clone(&doc.scenario), Arc::clone(&doc.analysis));
            self.synced = doc.generation;
        }
        if self.board.as_deref() != board {
            self.board = board.map(str::to_string);
            self.room.set_board_product(self.board.clone());
        }
        let made_for = (self.room.changes(), doc.generation);
        let rebuilt = self.made_for != Some(made_for);
        if rebuilt {
            self.rebuild(&doc.scenario);
            self.made_for = Some(made_for);
        }
        // The page follows the board, except that while a round is open it shows the
        // round's product, whose cards the attendees are placing.
        let wanted = match &self.shown.round {
            Some(r) if r.open => Some(r.product.clone()),
            _ => self.board.clone(),
        };
        if wanted != self.showing {
            if let Some(product) = &wanted {
                // A product just removed is simply not shown.
                drop(self.room.show(product));
            }
            self.showing = wanted;
        }
        if rebuilt || !(self.counted_at..self.counted_at + 1.0).contains(&now) {
            self.shown.connected = self.room.connected(Instant::now());
            self.counted_at = now;
        }
    }

    fn rebuild(&mut self, s: &Scenario) {
        let results = self.room.results();
        self.shown.round = results.round.map(|r| RoundShown {
            product_name: s.name_of(&r.product).to_string(),
            open: r.open,
            revealed: r.revealed,
            ballots: r.ballots,
            cards: room::worth_discussing(s, &r),
            tallies: if r.revealed {
                r.cards
                    .iter()
                    .map(|(card, counts)| {
                        (card.clone(), format!("room: {}", room::tally_words(counts)))
                    })
                    .collect()
            } else {
                HashMap::new()
            },
            product: r.product,
        });
        let dots_each = self.room.vote().map_or(0, |v| v.dots);
        self.shown.vote = results.vote.map(|v| VoteShown {
            open: v.open,
            dots_each,
            voters: v.voters,
            most: v.dots.iter().map(|(_, n)| *n).max().unwrap_or(0),
            options: v.dots,
        });
    }

    /// A card's revealed tally as its badge says it (`room: PM 7 · PO 2`), when the round
    /// on its product has been revealed.
    pub fn tally(&self, product: &str, responsibility: &str) -> Option<&str> {
        let round = self.shown.round.as_ref()?;
        if round.product != product {
            return None;
        }
        round.tallies.get(responsibility).map(String::as_str)
    }

    /// Opens a round on a product: every card, or those flagged "needs discussion".
    /// Answers what to say in the status line.
    pub fn open_round(
        &self,
        s: &Scenario,
        product: &str,
        flagged_only: bool,
    ) -> Result<String, String> {
        let name = s.name_of(product);
        let flagged: Option<Vec<String>> = flagged_only.then(|| {
            s.product(product)
                .map(|p| {
                    p.cards
                        .iter()
                        .filter(|c| c.flagged)
                        .map(|c| c.responsibility.clone())
                        .collect()
                })
                .unwrap_or_default()
        });
        if flagged.as_ref().is_some_and(Vec::is_empty) {
            return Err(format!(
                "No card of {name} is flagged “needs discussion”: flag some, or open the round on all of its cards."
            ));
        }
        self.room
            .open_round(product, flagged.as_deref())
            .map_err(|e| format!("The round could not be opened: {e}."))?;
        let count = self.room.round().map_or(0, |r| r.cards.len());
        Ok(format!(
            "A round is open on {name}: {}; the attendees place them on their phones",
            crate::num::counted(count, "card", "cards")
        ))
    }

    /// Closes the round, reveals it, or closes the vote; answers the status line's words.
    pub fn step(&self, action: &RoomAction) -> Result<String, String> {
        let (done, words) = match action {
            RoomAction::CloseRound => (
                self.room.close_round(),
                "The round is closed: no more ballots",
            ),
            RoomAction::RevealRound => (
                self.room.reveal_round(),
                "The round is revealed: the tally shows on the board and on the phones",
            ),
            RoomAction::CloseVote => (self.room.close_vote(), "The vote is closed: no more dots"),
            _ => return Err("Nothing to do".into()),
        };
        done.map(|()| words.to_string())
            .map_err(|e| format!("Not done: {e}."))
    }

    /// Opens a dot vote among these options with the session's dots each.
    pub fn open_vote(&self, options: Vec<String>) -> Result<String, String> {
        let count = options.len();
        self.room
            .open_vote(options, Some(self.dots))
            .map_err(|e| format!("The vote could not be opened: {e}."))?;
        Ok(format!(
            "A dot vote is open among {}, {} each",
            crate::num::counted(count, "option", "options"),
            crate::num::counted(self.dots as usize, "dot", "dots")
        ))
    }

    /// Adopting the room's placement as the round stands now, on scenario `s`.
    pub fn adoption(&self, s: &Scenario, today: Date) -> Result<Adoption, String> {
        let round = self
            .room
            .results()
            .round
            .ok_or("There is no round to adopt: open one first.")?;
        Ok(room::adoption(s, &round, today))
    }
}

/// The options of a vote among scenarios, by name: each cut to the longest an option may
/// be, "Untitled scenario" for a blank one, and a name two scenarios share told apart by
/// a number ("Option B (2)"); at most as many as a vote takes.
pub fn vote_options<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut options: Vec<String> = Vec::new();
    for name in names.into_iter().take(MAX_OPTIONS) {
        let name = name.trim();
        let name = if name.is_empty() {
            "Untitled scenario"
        } else {
            name
        };
        // Room for a " (NN)" suffix.
        let base: String = name.chars().take(MAX_OPTION_CHARS - 5).collect();
        let mut option = base.clone();
        let mut n = 2;
        while options.contains(&option) {
            option = format!("{base} ({n})");
            n += 1;
        }
        options.push(option);
    }
    options
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vote_options_are_the_names_told_apart_and_bounded() {
        assert_eq!(
            vote_options(["Option A", "Option B", "Option A", " ", "Option A"]),
            [
                "Option A",
                "Option B",
                "Option A (2)",
                "Untitled scenario",
                "Option A (3)"
            ]
        );
        let long = "x".repeat(300);
        let options = vote_options([long.as_str(), long.as_str()]);
        assert!(
            options
                .iter()
                .all(|o| o.chars().count() <= MAX_OPTION_CHARS)
        );
        assert_ne!(options[0], options[1]);
        let many: Vec<String> = (0..80).map(|i| format!("S{i}")).collect();
        assert_eq!(
            vote_options(many.iter().map(String::as_str)).len(),
            MAX_OPTIONS
        );
    }

    #[test]
    fn a_qr_code_is_square_and_has_dark_modules() {
        let qr =
            Qr::new("http://192.168.1.20:41537/?k=0123456789abcdef0123456789abcdef").expect("fits");
        assert!(qr.width >= 21 && qr.width % 4 == 1, "{}", qr.width);
        // The finder pattern's corner is dark; outside the code is light.
        assert!(qr.is_dark(0, 0));
        assert!(!qr.is_dark(qr.width, 0));
    }
}
