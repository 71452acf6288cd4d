//! Why a scenario file could not be read or saved.

use std::fmt;
use std::path::{Path, PathBuf};

pub use crate::locate::Position;

/// What kind of problem stopped a file from being read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadErrorKind {
    /// The file could not be read.
    Read,
    /// Larger than a scenario file may be.
    TooLarge { bytes: u64 },
    /// Not UTF-8 text.
    NotText,
    /// Written by a newer rolesplit.
    NewerFormat { found: u64, known: u32 },
    /// Not valid RON, or not the shape of a scenario.
    Syntax,
    /// Parsed, but breaks a rule of the format (ids, references, limits).
    Invalid,
}

/// A problem that stops a file from loading: a sentence, and its place in the file when it
/// has one.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ReadError {
    pub kind: ReadErrorKind,
    pub position: Option<Position>,
    pub message: String,
}

impl ReadError {
    pub(crate) fn new(kind: ReadErrorKind, position: Option<Position>, message: String) -> Self {
        Self {
            kind,
            position,
            message,
        }
    }

    /// The same problem, told about a named file.
    pub fn in_file(self, path: &Path) -> FileError {
        FileError {
            path: path.to_path_buf(),
            error: self,
        }
    }
}

/// A read error with the file it happened in. Displays as `FILE:LINE:COL: sentence`, or
/// `FILE: sentence` when the problem has no place in the file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct FileError {
    pub path: PathBuf,
    pub error: ReadError,
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match self.error.position {
            Some(p) => write!(f, "{path}:{}:{}: {}", p.line, p.column, self.error.message),
            None => write!(f, "{path}: {}", self.error.message),
        }
    }
}

/// A save that did not happen; the file on disk is as it was.
#[derive(Debug, thiserror::Error)]
#[error("{path}: could not save: {reason}; the file on disk was not changed", path = path.display())]
pub struct SaveError {
    pub path: PathBuf,
    pub reason: String,
}
