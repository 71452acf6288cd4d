//! Who is in the room: the attendees whose page asked for the room's state (it does about
//! once a second) or who answered, lately. Bounded, so that made-up attendee ids cannot
//! grow it without end.

use std::collections::HashMap;
use std::time::{Duration, Instant};

/// An attendee counts as connected this long after their page was last heard from: a
/// few missed polls (a phone's screen dimming, a slow network) do not drop them.
pub const CONNECTED_FOR: Duration = Duration::from_secs(5);
/// The most attendee ids remembered at once (twice the attendees a round takes).
const MAX_SEEN: usize = 2 * super::MAX_ATTENDEES;

/// When each attendee was last heard from.
#[derive(Debug, Default)]
pub(super) struct Presence {
    last_seen: HashMap<String, Instant>,
}

impl Presence {
    /// Notes that `attendee` was heard from at `now`. A new id past the bound is noted only
    /// after the ids no longer connected are forgotten, and not at all if that frees no
    /// place.
    pub fn seen(&mut self, attendee: &str, now: Instant) {
        if let Some(last) = self.last_seen.get_mut(attendee) {
            *last = now;
            return;
        }
        if self.last_seen.len() >= MAX_SEEN {
            self.last_seen.retain(|_, last| is_recent(*last, now));
            if self.last_seen.len() >= MAX_SEEN {
                return;
            }
        }
        self.last_seen.insert(attendee.to_string(), now);
    }

    /// How many attendees were heard from within [`CONNECTED_FOR`] before `now`.
    pub fn connected(&self, now: Instant) -> usize {
        self.last_seen
            .values()
            .filter(|last| is_recent(**last, now))
            .count()
    }
}

fn is_recent(last: Instant, now: Instant) -> bool {
    now.saturating_duration_since(last) <= CONNECTED_FOR
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attendee_counts_once_and_only_while_heard_from() {
        let start = Instant::now();
        let mut p = Presence::default();
        p.seen("a", start);
        p.seen("b", start);
        p.seen("a", start + Duration::from_secs(1));
        assert_eq!(p.connected(start + Duration::from_secs(1)), 2);
        assert_eq!(
            p.connected(start + Duration::from_secs(6)),
            1,
            "b was last heard 6 s ago, a 5 s ago"
        );
        assert_eq!(p.connected(start + Duration::from_secs(7)), 0);
    }

    #[test]
    fn made_up_ids_cannot_grow_it_past_its_bound() {
        let start = Instant::now();
        let mut p = Presence::default();
        for i in 0..MAX_SEEN + 100 {
            p.seen(&format!("id-{i}"), start);
        }
        assert_eq!(p.last_seen.len(), MAX_SEEN);
        assert_eq!(p.connected(start), MAX_SEEN);
        // Once they are gone, new attendees take their places.
        let later = start + Duration::from_secs(10);
        p.seen("late", later);
        assert_eq!(p.connected(later), 1);
        assert_eq!(p.last_seen.len(), 1);
    }
}
