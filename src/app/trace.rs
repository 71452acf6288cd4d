//! The frame trace (README, "Performance"): with `ROLESPLIT_TRACE=FILE` the window appends
//! one JSON object per frame to FILE, so anyone can check how long its frames take:
//!
//! `{"t_ms": 5123.4, "frame_ms": 3.1, "edit_ms": 0.4, "view": "Board"}`
//!
//! - `t_ms`: when the frame started, in milliseconds since the program started;
//! - `frame_ms`: the frame's whole CPU time as eframe measures it (the UI pass,
//!   tessellation and painting, without waiting for the display), less `edit_ms`;
//! - `edit_ms`: the time spent applying edits (an edit, an undo, a redo, opening a file)
//!   in that frame, or `null` when there were none;
//! - `view`: the tab shown.
//!
//! eframe reports a frame's CPU time at the start of the next one, so a frame's line is
//! completed, written and flushed then; after a frame with input, the trace asks for one
//! more frame at once, so its line never waits for the next input. Without the variable
//! nothing is measured or written.

use std::fs::File;
use std::io::Write;
use std::time::Instant;

/// One line of the trace, its keys in this order.
#[derive(serde::Serialize)]
struct Line<'a> {
    t_ms: f64,
    frame_ms: Option<f64>,
    edit_ms: Option<f64>,
    view: &'a str,
}

/// A frame whose line waits for its CPU time.
struct Pending {
    t_ms: f64,
    edit_ms: Option<f64>,
    view: &'static str,
}

/// The open trace file.
pub struct Trace {
    out: File,
    started: Instant,
    pending: Option<Pending>,
    /// When the current frame started.
    frame_start: Option<Instant>,
}

/// Seconds as milliseconds, rounded to microseconds: enough for frame times, short in the
/// file.
fn ms(seconds: f64) -> f64 {
    (seconds * 1e6).round() / 1e3
}

impl Trace {
    /// The trace asked for by `ROLESPLIT_TRACE`, appending to its file; `None` when the
    /// variable is not set (or the file cannot be opened, which is said once on stderr).
    pub fn from_env(started: Instant) -> Option<Trace> {
        let path = std::env::var_os("ROLESPLIT_TRACE").filter(|p| !p.is_empty())?;
        match crate::io::append_to(std::path::Path::new(&path)) {
            Ok(out) => Some(Trace {
                out,
                started,
                pending: None,
                frame_start: None,
            }),
            Err(e) => {
                eprintln!(
                    "rolesplit: ROLESPLIT_TRACE: cannot write to {}: {e}",
                    std::path::Path::new(&path).display()
                );
                None
            }
        }
    }

    /// At the start of a frame: writes the line of the frame before, now that its CPU time
    /// (`cpu_seconds`, eframe's) is known.
    pub fn begin_frame(&mut self, cpu_seconds: Option<f32>) {
        self.frame_start = Some(Instant::now());
        if let Some(line) = self.pending.take() {
            let edit_seconds = line.edit_ms.unwrap_or(0.0) / 1e3;
            let frame_ms = cpu_seconds.map(|s| ms((f64::from(s) - edit_seconds).max(0.0)));
            self.write(&line, frame_ms);
        }
    }

    /// At the end of a frame: keeps its line until its CPU time is known. `edit_seconds` is
    /// the time its edits took; `input` whether it had any (then one more frame is asked
    /// for, which writes this line).
    pub fn end_frame(
        &mut self,
        ctx: &egui::Context,
        view: &'static str,
        edit_seconds: Option<f64>,
        input: bool,
    ) {
        let start = self.frame_start.take().unwrap_or_else(Instant::now);
        self.pending = Some(Pending {
            t_ms: ms(start.duration_since(self.started).as_secs_f64()),
            edit_ms: edit_seconds.map(ms),
            view,
        });
        if input || edit_seconds.is_some() {
            ctx.request_repaint();
        }
    }

    fn write(&mut self, line: &Pending, frame_ms: Option<f64>) {
        let line = Line {
            t_ms: line.t_ms,
            frame_ms,
            edit_ms: line.edit_ms,
            view: line.view,
        };
        // A trace that cannot be written is given up quietly: it must never stop the work.
        if let Ok(json) = serde_json::to_string(&line) {
            let _ = writeln!(self.out, "{json}").and_then(|()| self.out.flush());
        }
    }
}

impl Drop for Trace {
    /// The last frame's line, when the window closes before its CPU time came.
    fn drop(&mut self) {
        if let Some(line) = self.pending.take() {
            self.write(&line, None);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_frame_is_one_line_completed_by_the_next() {
        let dir = tempfile::tempdir().expect("a folder");
        let path = dir.path().join("trace.jsonl");
        let mut trace = Trace {
            out: crate::io::append_to(&path).expect("opens"),
            started: Instant::now(),
            pending: None,
            frame_start: None,
        };
        let ctx = egui::Context::default();
        trace.begin_frame(None);
        trace.end_frame(&ctx, "Board", Some(0.002), true);
        trace.begin_frame(Some(0.005));
        trace.end_frame(&ctx, "Compare", None, false);
        drop(trace);
        let text = std::fs::read_to_string(&path).expect("written");
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("JSON"))
            .collect();
        assert_eq!(lines.len(), 2, "{text}");
        assert!(
            text.starts_with("{\"t_ms\":"),
            "the keys in the documented order: {text}"
        );
        assert_eq!(lines[0]["view"], "Board");
        assert_eq!(lines[0]["edit_ms"], 2.0);
        assert_eq!(lines[0]["frame_ms"], 3.0, "5 ms of CPU less 2 ms of edits");
        assert!(lines[0]["t_ms"].as_f64().is_some_and(|t| t >= 0.0));
        assert_eq!(lines[1]["view"], "Compare");
        assert_eq!(lines[1]["edit_ms"], serde_json::Value::Null);
        assert_eq!(
            lines[1]["frame_ms"],
            serde_json::Value::Null,
            "closed before its time came"
        );
    }
}
