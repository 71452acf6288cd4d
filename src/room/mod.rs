//! The room: placement rounds and dot votes that attendees answer from their phones, and
//! the HTTP server that serves them the attendees' page (README, "The room").
//!
//! Pure of egui and clap. [`Room`] is the one shared session: the facilitator's side (the
//! HTTP facilitator endpoints, and the window) opens rounds and votes, shows a product and
//! reads results through its methods; attendees' ballots and dots come in through the
//! server. The room reads a snapshot of the scenario that its owner replaces after each
//! change ([`Room::update_scenario`]); it never changes the scenario and never touches disk.

mod adopt;
mod json;
mod keys;
mod lan;
mod presence;
mod rate;
mod round;
mod routes;
mod server;
mod vote;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError, RwLock};
use std::time::Instant;

pub use adopt::{Adoption, CardOutcome, adoption, split_note, tally_words, worth_discussing};
pub use keys::Key;
pub use lan::phone_address;
pub use presence::CONNECTED_FOR;
pub use rate::RateLimit;
pub use round::{Ballot, Counts, Round, parse_column};
pub use routes::{CONTENT_SECURITY_POLICY, MAX_BODY_BYTES};
pub use server::{RoomServer, ServeError, ServeOptions};
pub use vote::{DEFAULT_DOTS, MAX_DOTS, MAX_OPTION_CHARS, MAX_OPTIONS, Vote};

use crate::analysis::Analysis;
use crate::model::Scenario;

/// The most attendees with a ballot in one round, and separately with dots in one vote.
pub const MAX_ATTENDEES: usize = 500;
/// The longest display name, in characters (Unicode scalar values).
pub const MAX_NAME_CHARS: usize = 40;
/// The longest attendee id, in characters; it has at least one.
pub const MAX_ATTENDEE_CHARS: usize = 64;

/// Bounds a session holds to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most attendees per round and per vote.
    pub attendees: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            attendees: MAX_ATTENDEES,
        }
    }
}

/// Why the room refused a request; the message is what the HTTP answer's `error` says.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RoomError {
    #[error("the attendee id must be 1 to {MAX_ATTENDEE_CHARS} characters")]
    BadAttendee,
    #[error("the display name is longer than {MAX_NAME_CHARS} characters")]
    NameTooLong,
    #[error("no round is open")]
    NoRound,
    #[error("the round is closed")]
    RoundClosed,
    #[error("the ballot places no card")]
    EmptyBallot,
    #[error("“{0}” is not a card of this round")]
    CardNotInRound(String),
    #[error("“{0}” is not a column: use Pm, Po or Unassigned")]
    UnknownColumn(String),
    #[error("the room is full: {0} attendees have already answered")]
    TooManyAttendees(usize),
    #[error("no vote is open")]
    NoVote,
    #[error("the vote is closed")]
    VoteClosed,
    #[error("“{0}” is not an option of this vote")]
    UnknownOption(String),
    #[error("the dots add up to more than {0}")]
    TooManyDots(u32),
    #[error("place at least one dot")]
    NoDots,
    #[error("{0}")]
    BadOptions(String),
    #[error("“{0}” is not a product of this scenario")]
    UnknownProduct(String),
    #[error("“{card}” is not a card on the board of “{product}”")]
    CardNotOnBoard { card: String, product: String },
    #[error("“{0}” is listed twice")]
    CardTwice(String),
    #[error("a round needs at least one card")]
    NoCards,
}

/// Checks an attendee id: 1 to 64 characters.
fn check_attendee(attendee: &str) -> Result<(), RoomError> {
    let chars = attendee.chars().count();
    if chars == 0 || chars > MAX_ATTENDEE_CHARS {
        return Err(RoomError::BadAttendee);
    }
    Ok(())
}

/// Checks a display name: at most 40 characters ("" is anonymous).
fn check_name(name: &str) -> Result<(), RoomError> {
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(RoomError::NameTooLong);
    }
    Ok(())
}

/// The scenario the room shows, as its owner last handed it over.
#[derive(Clone, Debug)]
pub struct Snapshot {
    pub scenario: Arc<Scenario>,
    /// `scenario`'s own analysis.
    pub analysis: Arc<Analysis>,
}

/// What the facilitator has set up: the shown product, the round, the vote.
#[derive(Debug, Default)]
struct Session {
    /// The product the facilitator showed (Show, or opening a round on it).
    shown: Option<String>,
    /// The product on the window's board, shown until the facilitator shows one.
    board: Option<String>,
    round: Option<Round>,
    vote: Option<Vote>,
    /// Numbers the ids of rounds and votes.
    opened: u64,
    limits: Limits,
}

/// A round's results for the facilitator.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundResults {
    pub id: String,
    pub product: String,
    pub open: bool,
    pub revealed: bool,
    /// How many attendees have a ballot in it.
    pub ballots: usize,
    /// Each card of the round with its tally, in round order.
    pub cards: Vec<(String, Counts)>,
}

/// A vote's results for the facilitator.
#[derive(Clone, Debug, PartialEq)]
pub struct VoteResults {
    pub id: String,
    pub open: bool,
    /// Each option with the dots it received, in option order.
    pub dots: Vec<(String, u64)>,
    /// How many attendees gave dots.
    pub voters: usize,
}

/// Everything the facilitator reads back.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Results {
    pub round: Option<RoundResults>,
    pub vote: Option<VoteResults>,
}

/// One room: the scenario snapshot and the session, shared by the server's threads and
/// the owner (cloning a `Room` shares it).
#[derive(Clone, Debug)]
pub struct Room {
    shared: Arc<Shared>,
}

#[derive(Debug)]
struct Shared {
    snapshot: RwLock<Snapshot>,
    session: Mutex<Session>,
    /// Counts the changes of the session (rounds, ballots, votes, dots), so that the window
    /// rebuilds what it shows of them only when they change.
    changes: AtomicU64,
    presence: Mutex<presence::Presence>,
}

impl Room {
    /// A room showing this scenario (with its own analysis), with no round and no vote.
    pub fn new(scenario: Arc<Scenario>, analysis: Arc<Analysis>) -> Room {
        Room::with_limits(scenario, analysis, Limits::default())
    }

    /// A room with other bounds (tests use a small attendee limit).
    pub fn with_limits(scenario: Arc<Scenario>, analysis: Arc<Analysis>, limits: Limits) -> Room {
        Room {
            shared: Arc::new(Shared {
                snapshot: RwLock::new(Snapshot { scenario, analysis }),
                session: Mutex::new(Session {
                    limits,
                    ..Session::default()
                }),
                changes: AtomicU64::new(0),
                presence: Mutex::default(),
            }),
        }
    }

    /// Replaces the scenario the room shows (after each edit in the window). Rounds and
    /// votes carry on; a card or product that is gone simply shows no more.
    pub fn update_scenario(&self, scenario: Arc<Scenario>, analysis: Arc<Analysis>) {
        let mut snapshot = self
            .shared
            .snapshot
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        *snapshot = Snapshot { scenario, analysis };
    }

    /// The scenario the room shows now.
    pub fn snapshot(&self) -> Snapshot {
        self.shared
            .snapshot
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The session, for a change: the change counter moves on when it is let go, while
    /// still locked, so whoever reads the new count then reads the change (a refused change
    /// moves it too, which only costs the window one rebuild).
    fn session_mut(&self) -> Changing<'_> {
        Changing {
            session: self.session(),
            changes: &self.shared.changes,
        }
    }

    /// How many times the session changed so far (see [`Room::results`]).
    pub fn changes(&self) -> u64 {
        self.shared.changes.load(Ordering::SeqCst)
    }

    /// Notes that an attendee's page was heard from (its poll, or an answer) at `now`.
    pub fn seen(&self, attendee: &str, now: Instant) {
        if check_attendee(attendee).is_ok() {
            self.shared
                .presence
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .seen(attendee, now);
        }
    }

    /// How many attendees were heard from within [`CONNECTED_FOR`] before `now`.
    pub fn connected(&self, now: Instant) -> usize {
        self.shared
            .presence
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .connected(now)
    }

    fn session(&self) -> MutexGuard<'_, Session> {
        // A panic while the lock was held cannot leave the session half-changed: every
        // change is checked first and then made in one step.
        self.shared
            .session
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }

    /// Sets the product on the window's board, which attendees see until the facilitator
    /// shows one.
    pub fn set_board_product(&self, product: Option<String>) {
        self.session().board = product;
    }

    /// The product attendees see: the one the facilitator showed, else the window's
    /// board's, else the scenario's first (each only while it exists); `None` when the
    /// scenario has no product.
    pub fn shown_product(&self) -> Option<String> {
        let snapshot = self.snapshot();
        let session = self.session();
        shown(&snapshot.scenario, &session).map(str::to_string)
    }

    /// Shows a product to the attendees.
    pub fn show(&self, product: &str) -> Result<(), RoomError> {
        let snapshot = self.snapshot();
        if snapshot.scenario.product(product).is_none() {
            return Err(RoomError::UnknownProduct(product.to_string()));
        }
        self.session().shown = Some(product.to_string());
        Ok(())
    }

    /// Opens a placement round on some cards of a product (`None`: all of its cards, in
    /// board order) and shows that product; it replaces the round before. Answers the
    /// round's id.
    pub fn open_round(&self, product: &str, cards: Option<&[String]>) -> Result<String, RoomError> {
        let snapshot = self.snapshot();
        let Some(p) = snapshot.scenario.product(product) else {
            return Err(RoomError::UnknownProduct(product.to_string()));
        };
        let on_board: Vec<String> = p.cards.iter().map(|c| c.responsibility.clone()).collect();
        let cards = match cards {
            None => on_board,
            Some(list) => {
                for (i, card) in list.iter().enumerate() {
                    if !on_board.contains(card) {
                        return Err(RoomError::CardNotOnBoard {
                            card: card.clone(),
                            product: product.to_string(),
                        });
                    }
                    if list[..i].contains(card) {
                        return Err(RoomError::CardTwice(card.clone()));
                    }
                }
                list.to_vec()
            }
        };
        if cards.is_empty() {
            return Err(RoomError::NoCards);
        }
        let mut session = self.session_mut();
        session.opened += 1;
        let id = format!("round-{}", session.opened);
        session.round = Some(Round::new(id.clone(), product.to_string(), cards));
        session.shown = Some(product.to_string());
        Ok(id)
    }

    /// Stops the round taking ballots (it stays, and may be revealed).
    pub fn close_round(&self) -> Result<(), RoomError> {
        self.with_round(|round| round.open = false)
    }

    /// Shows the round's tally to the attendees (the round stays open if it was).
    pub fn reveal_round(&self) -> Result<(), RoomError> {
        self.with_round(|round| round.revealed = true)
    }

    fn with_round(&self, change: impl FnOnce(&mut Round)) -> Result<(), RoomError> {
        let mut session = self.session_mut();
        session.round.as_mut().map(change).ok_or(RoomError::NoRound)
    }

    /// Opens a dot vote (`None` dots: 3), replacing the vote before. Answers its id.
    pub fn open_vote(&self, options: Vec<String>, dots: Option<u32>) -> Result<String, RoomError> {
        let mut session = self.session_mut();
        let id = format!("vote-{}", session.opened + 1);
        let vote = Vote::new(id.clone(), options, dots.unwrap_or(DEFAULT_DOTS))?;
        session.opened += 1;
        session.vote = Some(vote);
        Ok(id)
    }

    /// Stops the vote taking dots.
    pub fn close_vote(&self) -> Result<(), RoomError> {
        let mut session = self.session_mut();
        let vote = session.vote.as_mut().ok_or(RoomError::NoVote)?;
        vote.open = false;
        Ok(())
    }

    /// Takes an attendee's ballot for the round (replacing their earlier one).
    pub fn submit_ballot(
        &self,
        attendee: &str,
        name: &str,
        placements: &BTreeMap<String, String>,
    ) -> Result<(), RoomError> {
        let mut session = self.session_mut();
        let limits = session.limits;
        let round = session.round.as_mut().ok_or(RoomError::NoRound)?;
        round.submit(attendee, name, placements, &limits)
    }

    /// Takes an attendee's dots for the vote (replacing their earlier ones).
    pub fn submit_dots(
        &self,
        attendee: &str,
        dots: &BTreeMap<String, u64>,
    ) -> Result<(), RoomError> {
        let mut session = self.session_mut();
        let limits = session.limits;
        session
            .vote
            .as_mut()
            .ok_or(RoomError::NoVote)?
            .submit(attendee, dots, &limits)
    }

    /// The round as it stands, with every ballot and the names attendees gave.
    pub fn round(&self) -> Option<Round> {
        self.session().round.clone()
    }

    /// The vote as it stands.
    pub fn vote(&self) -> Option<Vote> {
        self.session().vote.clone()
    }

    /// The round's and the vote's results.
    pub fn results(&self) -> Results {
        let session = self.session();
        Results {
            round: session.round.as_ref().map(|r| RoundResults {
                id: r.id.clone(),
                product: r.product.clone(),
                open: r.open,
                revealed: r.revealed,
                ballots: r.ballot_count(),
                cards: r
                    .tally()
                    .into_iter()
                    .map(|(card, counts)| (card.to_string(), counts))
                    .collect(),
            }),
            vote: session.vote.as_ref().map(|v| VoteResults {
                id: v.id.clone(),
                open: v.open,
                dots: v
                    .totals()
                    .into_iter()
                    .map(|(option, n)| (option.to_string(), n))
                    .collect(),
                voters: v.voters(),
            }),
        }
    }

    /// `GET /api/state`'s answer: what every attendee sees.
    pub fn state_json(&self) -> String {
        let snapshot = self.snapshot();
        let session = self.session();
        json::state(&snapshot, &session)
    }

    /// `GET /api/results`'s answer: what the facilitator reads back.
    pub fn results_json(&self) -> String {
        json::results(&self.results())
    }

    /// The scenario's products as `(id, name)`, for the facilitator's picker.
    pub fn products(&self) -> Vec<(String, String)> {
        self.snapshot()
            .scenario
            .products
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect()
    }
}

/// The session locked for a change; letting it go counts the change.
struct Changing<'a> {
    session: MutexGuard<'a, Session>,
    changes: &'a AtomicU64,
}

impl std::ops::Deref for Changing<'_> {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.session
    }
}

impl std::ops::DerefMut for Changing<'_> {
    fn deref_mut(&mut self) -> &mut Session {
        &mut self.session
    }
}

impl Drop for Changing<'_> {
    fn drop(&mut self) {
        self.changes.fetch_add(1, Ordering::SeqCst);
    }
}

/// The product attendees see (see [`Room::shown_product`]).
fn shown<'a>(scenario: &'a Scenario, session: &Session) -> Option<&'a str> {
    let exists = |id: &Option<String>| {
        id.as_deref()
            .and_then(|id| scenario.product(id))
            .map(|p| p.id.as_str())
    };
    exists(&session.shown)
        .or_else(|| exists(&session.board))
        .or_else(|| scenario.products.first().map(|p| p.id.as_str()))
}

#[cfg(test)]
mod tests;
