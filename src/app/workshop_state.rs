//! The workshop's running tools, one concern of the window's state: the timebox and the
//! room (attendees' phones on the local network, `room_session.rs`).

use std::time::Duration;

use crate::edit::Edit;
use crate::record::Date;
use crate::room::MAX_DOTS;

use super::document::Document;
use super::room_session::{RoomAction, RoomSession};
use super::timer::Timer;

/// The timebox and the room.
#[derive(Default)]
pub struct Workshop {
    pub timer: Timer,
    /// The room while it is open; `None`: nothing listens.
    pub room: Option<RoomSession>,
}

/// What a room action asks of the rest of the window.
#[derive(Debug, Default, PartialEq)]
pub struct RoomOutcome {
    /// An edit to apply (adopting the room's placement).
    pub edit: Option<Edit>,
    /// What to say in the status line.
    pub status: Option<String>,
    /// A problem to show in a dialog (the room could not be opened).
    pub problem: Option<String>,
}

impl RoomOutcome {
    fn said(result: Result<String, String>) -> RoomOutcome {
        let (Ok(status) | Err(status)) = result;
        RoomOutcome {
            status: Some(status),
            ..RoomOutcome::default()
        }
    }
}

impl Workshop {
    /// Once a frame: keeps the room in step with the document and the board, and, while
    /// the room is open, draws again within a second so that what attendees send shows.
    pub fn tick(&mut self, ctx: &egui::Context, doc: &Document, board: Option<&str>, now: f64) {
        if let Some(room) = &mut self.room {
            room.tick(doc, board, now);
            ctx.request_repaint_after(Duration::from_secs(1));
        }
    }

    /// A card's revealed room tally, as its badge says it.
    pub fn room_tally(&self, product: &str, responsibility: &str) -> Option<&str> {
        self.room.as_ref()?.tally(product, responsibility)
    }

    /// Stops the room (the window closes): nothing listens any more.
    pub fn stop_room(&mut self) {
        self.room = None;
    }

    /// Carries out a room action on the document as it is, with the board showing
    /// `board`; `vote_options` gives the options of a new vote.
    pub fn act(
        &mut self,
        action: RoomAction,
        doc: &Document,
        board: Option<&str>,
        vote_options: impl FnOnce() -> Vec<String>,
        today: Date,
    ) -> RoomOutcome {
        let Some(room) = &mut self.room else {
            return match action {
                RoomAction::Invite => self.invite(doc, board),
                _ => RoomOutcome::default(),
            };
        };
        match action {
            RoomAction::Invite | RoomAction::ShowPanel(true) => {
                room.panel_open = true;
                RoomOutcome::default()
            }
            RoomAction::ShowPanel(false) => {
                room.panel_open = false;
                RoomOutcome::said(Ok(
                    "The room is still open: Workshop ▸ Room panel shows it again".into(),
                ))
            }
            RoomAction::Stop => {
                self.stop_room();
                RoomOutcome::said(Ok(
                    "The room is closed: nothing listens on the network any more".into(),
                ))
            }
            RoomAction::Dots(n) => {
                room.dots = n.clamp(1, MAX_DOTS);
                RoomOutcome::default()
            }
            RoomAction::OpenRound {
                product,
                flagged_only,
            } => RoomOutcome::said(room.open_round(&doc.scenario, &product, flagged_only)),
            RoomAction::OpenVote => RoomOutcome::said(room.open_vote(vote_options())),
            RoomAction::Adopt => match room.adoption(&doc.scenario, today) {
                Ok(adoption) if adoption.edit.is_none() => {
                    RoomOutcome::said(Ok(format!("Nothing to adopt: {}", adoption.summary())))
                }
                Ok(adoption) => RoomOutcome {
                    status: Some(format!(
                        "Adopted the room's placement: {}",
                        adoption.summary()
                    )),
                    edit: adoption.edit,
                    problem: None,
                },
                Err(e) => RoomOutcome::said(Err(e)),
            },
            step => RoomOutcome::said(room.step(&step)),
        }
    }

    /// Opens the room: the server on every interface and a free port. Prints both
    /// addresses on stderr (`attendees: URL`, `facilitator: URL`) for scripts, as `serve`
    /// prints them on stdout.
    fn invite(&mut self, doc: &Document, board: Option<&str>) -> RoomOutcome {
        match RoomSession::start(doc, board) {
            Ok(room) => {
                eprintln!("attendees: {}", room.attendee_url);
                eprintln!("facilitator: {}", room.facilitator_url);
                let status = format!(
                    "The room is open on this network: attendees join at {}",
                    room.attendee_url
                );
                self.room = Some(room);
                RoomOutcome::said(Ok(status))
            }
            Err(problem) => RoomOutcome {
                problem: Some(problem),
                ..RoomOutcome::default()
            },
        }
    }
}
