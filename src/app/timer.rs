//! A timebox for a workshop discussion. It runs on the frame clock (`egui` input time),
//! and the window repaints only while it runs.

/// A countdown that can be started, paused and reset.
#[derive(Clone, Debug, PartialEq)]
pub struct Timer {
    /// The timebox, in seconds.
    pub length_seconds: f64,
    /// Time counted before the current run.
    elapsed_before: f64,
    /// When the current run started (frame time), if running.
    started_at: Option<f64>,
}

impl Default for Timer {
    fn default() -> Self {
        Timer::new(10.0 * 60.0)
    }
}

impl Timer {
    pub fn new(length_seconds: f64) -> Timer {
        Timer {
            length_seconds,
            elapsed_before: 0.0,
            started_at: None,
        }
    }

    pub fn is_running(&self) -> bool {
        self.started_at.is_some()
    }

    /// Seconds counted so far.
    pub fn elapsed(&self, now: f64) -> f64 {
        self.elapsed_before + self.started_at.map_or(0.0, |t| (now - t).max(0.0))
    }

    /// Seconds left; negative once the timebox is over.
    pub fn remaining(&self, now: f64) -> f64 {
        self.length_seconds - self.elapsed(now)
    }

    pub fn start(&mut self, now: f64) {
        if self.started_at.is_none() {
            self.started_at = Some(now);
        }
    }

    pub fn pause(&mut self, now: f64) {
        self.elapsed_before = self.elapsed(now);
        self.started_at = None;
    }

    pub fn reset(&mut self) {
        self.elapsed_before = 0.0;
        self.started_at = None;
    }
}

/// `m:ss`, with a leading `+` for time over.
pub fn clock(seconds: f64) -> String {
    let over = seconds < 0.0;
    let whole = seconds.abs().ceil() as u64;
    let text = format!("{}:{:02}", whole / 60, whole % 60);
    if over { format!("+{text}") } else { text }
}

/// What the timer's buttons ask for.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TimerAction {
    Start,
    Pause,
    Reset,
    /// A new length, in seconds.
    Length(f64),
}

impl Timer {
    /// Carries out a button's request at frame time `now`.
    pub fn act(&mut self, action: TimerAction, now: f64) {
        match action {
            TimerAction::Start => self.start(now),
            TimerAction::Pause => self.pause(now),
            TimerAction::Reset => self.reset(),
            TimerAction::Length(seconds) => self.length_seconds = seconds.max(60.0),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timer_counts_only_while_running() {
        let mut t = Timer::new(60.0);
        assert_eq!(t.remaining(5.0), 60.0);
        t.start(10.0);
        assert_eq!(t.remaining(25.0), 45.0);
        t.pause(25.0);
        assert_eq!(t.remaining(100.0), 45.0, "paused");
        t.start(100.0);
        assert_eq!(t.remaining(160.0), -15.0, "over time");
        t.reset();
        assert_eq!(t.remaining(200.0), 60.0);
    }

    #[test]
    fn the_clock_shows_minutes_and_seconds() {
        assert_eq!(clock(600.0), "10:00");
        assert_eq!(clock(59.2), "1:00");
        assert_eq!(clock(5.0), "0:05");
        assert_eq!(clock(-12.0), "+0:12");
    }
}
