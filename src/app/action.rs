//! What views ask for: [`Action`]s, collected while drawing and carried out after the frame
//! by `AppState::act` (`state.rs`). A user intent on a card or a seat is
//! one [`CardIntent`] or [`SeatIntent`], whether it comes from a drag, a menu, a key or a
//! panel; `intent.rs` turns it into the edit.

use std::path::PathBuf;

use crate::edit::{Edit, Place};
use crate::model::{Column, Scenario};

use super::command::Command;
use super::compare::CompareAction;
use super::dialogs::PathPurpose;
use super::files::Answer;
use super::growth::GrowthAction;
use super::room_session::RoomAction;
use super::suggest::SuggestAction;
use super::timer::TimerAction;
use super::view::Tab;

/// What the user wants done with a card.
#[derive(Clone, Debug, PartialEq)]
pub enum CardIntent {
    /// Move it to a column, at a place in that column.
    Move { to: Column, place: Place },
    /// Flag it "needs discussion" (true) or take the flag off (false).
    Flag(bool),
    /// Flag it if it is not flagged, else take the flag off.
    ToggleFlag,
    /// Pin it (suggestions never move it) or unpin it.
    Pin(bool),
}

/// A seat on a board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeatRef {
    /// The PM seat of a product.
    Pm { product: String },
    /// The PO seat of a team.
    Po { team: String },
}

/// What the user wants done with a seat.
#[derive(Clone, Debug, PartialEq)]
pub enum SeatIntent {
    /// Give it to a person, or empty it.
    Give(Option<String>),
    /// Lock it (suggestions never change it) or unlock it.
    Lock(bool),
}

/// What a view asks for: an edit of the scenario, or a change of what is shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Edit(Edit),
    /// An edit that merges with the previous one of the same key (typing in one field).
    EditMerging(Edit, String),
    /// Something done to a card of a product's board.
    Card {
        product: String,
        responsibility: String,
        intent: CardIntent,
    },
    /// Something done to a seat.
    Seat {
        seat: SeatRef,
        intent: SeatIntent,
    },
    /// A removal to confirm first, with what it changes.
    AskRemove(Edit),
    /// Opens the record with a new decision about a card (its last move as the text), a
    /// product, or nothing yet.
    DraftDecision {
        product: Option<String>,
        responsibility: Option<String>,
    },
    ConfirmRemoval,
    CancelRemoval,
    Command(Command),
    SetTab(Tab),
    /// Reads a CSV file or an Excel workbook for the import.
    ReadImport(PathBuf),
    /// The timebox's buttons.
    Timer(TimerAction),
    /// The Room panel's buttons and the Workshop menu.
    Room(RoomAction),
    /// The compare view's buttons.
    Compare(CompareAction),
    /// The Suggest panel's buttons.
    Suggest(SuggestAction),
    /// Opens a file (asking first about unsaved work).
    Open(PathBuf),
    /// Starts a new scenario (asking first about unsaved work).
    New(Box<Scenario>),
    /// The answer to the open question (save, discard, cancel, overwrite).
    Answer(Answer),
    /// A path typed by hand where no dialog could be shown.
    TypedPath(PathPurpose, PathBuf),
    /// The text of the path prompt changed.
    TypedPathEdit(String),
    CancelPathPrompt,
    CloseError,
    RestoreRecovery,
    DiscardRecovery,
    SelectProduct(String),
    SelectCard(Option<String>),
    SelectPerson(Option<String>),
    SelectFinding {
        rule: String,
        subjects: Vec<String>,
    },
    /// The growth form and the growth preview's buttons (issue 19).
    Growth(GrowthAction),
    /// Opens the Sources overlay, on the source whose number was clicked, if any.
    ShowSources(Option<&'static str>),
    CloseSources,
}
