//! The only module that touches disk: reading scenario files (and the spreadsheets to
//! import) and saving them atomically; and reading the system's clock and time zone for
//! today's date.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;

use crate::error::{FileError, Position, ReadError, ReadErrorKind, SaveError};
use crate::model::{MAX_FILE_BYTES, Scenario};
use crate::parse;
use crate::record::Date;
use crate::write;

/// Today's date in the local time zone (the system's, from `TZ` or `/etc/localtime`; UTC
/// where none is set). The core takes "today" as a parameter; the command line and the
/// window ask here once.
pub fn today() -> Date {
    // `try_from` rather than `now()`, which panics on a clock outside jiff's range.
    jiff::ZonedDateTime::try_from(std::time::SystemTime::now())
        .ok()
        .and_then(|now| {
            let (y, m, d) = (now.year(), now.month(), now.day());
            Date::new(
                u16::try_from(y).ok()?,
                u8::try_from(m).ok()?,
                u8::try_from(d).ok()?,
            )
        })
        // jiff's years run from -9999 to 9999; a clock outside 0000–9999 is not a date
        // anyone holds a workshop on.
        .unwrap_or(Date::EPOCH)
}

/// Opens a scenario file: reads and parses it. Never writes anything.
pub fn open(path: &Path) -> Result<Scenario, FileError> {
    let text = read_text(path).map_err(|e| e.in_file(path))?;
    parse::scenario_from_str(&text).map_err(|e| e.in_file(path))
}

/// Reads a file as UTF-8 text, refusing files over the size limit before reading them.
pub fn read_text(path: &Path) -> Result<String, ReadError> {
    text_from_bytes(read_limited(path, "a scenario file")?)
}

/// Reads a file's bytes (a spreadsheet to import: CSV or an Excel workbook), refusing files
/// over the size limit of scenario files (64 MiB) before reading them.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_limited(path, "a file to import")
}

/// A file's bytes, at most [`MAX_FILE_BYTES`] of them; `what` names the file in the
/// messages ("this is a folder, not a scenario file").
fn read_limited(path: &Path, what: &str) -> Result<Vec<u8>, ReadError> {
    let read_error = |e: std::io::Error| {
        ReadError::new(
            ReadErrorKind::Read,
            None,
            format!("cannot read the file: {}", describe_io(&e)),
        )
    };
    let file = File::open(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if meta.is_dir() {
        return Err(ReadError::new(
            ReadErrorKind::Read,
            None,
            format!("this is a folder, not {what}"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(meta.len(), what));
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(bytes.len() as u64, what));
    }
    Ok(bytes)
}

fn too_large(bytes: u64, what: &str) -> ReadError {
    ReadError::new(
        ReadErrorKind::TooLarge { bytes },
        None,
        format!(
            "the file is {} bytes ({:.1} MiB); {what} may be at most 64 MiB",
            parse::thousands(bytes),
            bytes as f64 / (1024.0 * 1024.0)
        ),
    )
}

/// UTF-8 text, or an error placed at the first byte that is not.
pub fn text_from_bytes(bytes: Vec<u8>) -> Result<String, ReadError> {
    String::from_utf8(bytes).map_err(|e| {
        let good = e.utf8_error().valid_up_to();
        let before = e.as_bytes().get(..good).unwrap_or_default();
        // Everything before `good` is valid UTF-8, so this never loses text.
        let prefix = String::from_utf8_lossy(before);
        let line = prefix.matches('\n').count() + 1;
        let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        ReadError::new(
            ReadErrorKind::NotText,
            Some(Position { line, column }),
            "the file is not UTF-8 text (is it a scenario file?)".into(),
        )
    })
}

fn describe_io(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "no such file".into(),
        K::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Saves a scenario: written to a temporary file in the same folder, then renamed over
/// the target, so that a failure leaves the old file whole and nothing half-written.
pub fn save(path: &Path, scenario: &Scenario) -> Result<(), SaveError> {
    write_atomically(path, write::scenario_to_string(scenario).as_bytes())
}

/// Writes bytes to a file atomically (temporary file in the same folder, then rename).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Writes a file atomically: `write` fills a temporary file in the same folder, which then
/// replaces the target. If anything fails, the target is untouched and the temporary file
/// is removed.
pub fn write_atomically_with(
    path: &Path,
    write: impl FnOnce(&mut File) -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let fail = |reason: String| SaveError {
        path: path.to_path_buf(),
        reason,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let existing = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut builder = tempfile::Builder::new();
    builder.prefix(".rolesplit-").suffix(".tmp");
    created_with(&mut builder, existing.as_ref());
    let mut tmp = builder.tempfile_in(dir).map_err(|e| {
        fail(format!(
            "cannot write in the folder {}: {}",
            dir.display(),
            describe_io(&e)
        ))
    })?;
    write(tmp.as_file_mut())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| fail(describe_io(&e)))?;
    // Keep the permissions of the file being replaced exactly (the umask may have
    // narrowed the mode the temporary file was created with).
    if let Some(permissions) = existing {
        let _ = std::fs::set_permissions(tmp.path(), permissions);
    }
    tmp.persist(path).map_err(|e| fail(describe_io(&e.error)))?;
    Ok(())
}

/// The mode the temporary file is created with: the replaced file's own, else what a new
/// file usually gets, read and write for everyone less what the umask takes away (0644
/// under umask 022), not a temporary file's owner-only 0600, which would keep an export
/// or a scenario meant to be shared from colleagues. Giving the mode at creation, rather
/// than changing it after writing, means the content is never readable by more people
/// than the finished file.
#[cfg(unix)]
fn created_with(builder: &mut tempfile::Builder<'_, '_>, existing: Option<&std::fs::Permissions>) {
    use std::os::unix::fs::PermissionsExt;
    let mode = existing.map_or(0o666, |p| p.mode() & 0o777);
    builder.permissions(std::fs::Permissions::from_mode(mode));
}

/// Elsewhere the system's defaults apply; the replaced file's permissions are copied after
/// writing.
#[cfg(not(unix))]
fn created_with(_: &mut tempfile::Builder<'_, '_>, _: Option<&std::fs::Permissions>) {}

/// The size of a file in bytes, if it can be read.
pub fn file_size(path: &Path) -> Option<u64> {
    std::fs::metadata(path).ok().map(|m| m.len())
}

/// Opens a file to add lines at its end (the window's frame trace), creating it when
/// there is none.
pub fn append_to(path: &Path) -> std::io::Result<File> {
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
}

/// The recovery file of unsaved work, in the app's data folder.
pub const RECOVERY_FILE: &str = "recovery.ron";
/// Beside it: the path of the file the unsaved work belongs to (empty for none).
pub const RECOVERY_SOURCE_FILE: &str = "recovery-source.txt";

/// Unsaved work kept in a recovery folder: the scenario, and the file it belongs to.
#[derive(Clone, Debug, PartialEq)]
pub struct Recovered {
    pub scenario: Scenario,
    pub source: Option<std::path::PathBuf>,
}

/// Writes the recovery copy of unsaved work (atomically, never to the user's file):
/// the scenario, and the path of the file it belongs to.
pub fn write_recovery(
    dir: &Path,
    scenario: &Scenario,
    source: Option<&Path>,
) -> Result<(), SaveError> {
    std::fs::create_dir_all(dir).map_err(|e| SaveError {
        path: dir.to_path_buf(),
        reason: describe_io(&e),
    })?;
    let source = source.map(|p| p.display().to_string()).unwrap_or_default();
    save(&dir.join(RECOVERY_FILE), scenario)?;
    write_atomically(&dir.join(RECOVERY_SOURCE_FILE), source.as_bytes())
}

/// Reads the recovery copy left in `dir` by an earlier run, if there is a readable one
/// (the same size limit and checks as any scenario file).
pub fn read_recovery(dir: &Path) -> Option<Recovered> {
    let scenario = open(&dir.join(RECOVERY_FILE)).ok()?;
    let source = read_text(&dir.join(RECOVERY_SOURCE_FILE))
        .ok()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .map(std::path::PathBuf::from);
    Some(Recovered { scenario, source })
}

/// Removes the recovery copy: the work was saved or deliberately discarded.
pub fn remove_recovery(dir: &Path) {
    // A missing file is the usual case; nothing else can be done about a failure here.
    let _ = std::fs::remove_file(dir.join(RECOVERY_FILE));
    let _ = std::fs::remove_file(dir.join(RECOVERY_SOURCE_FILE));
}
