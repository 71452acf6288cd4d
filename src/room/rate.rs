//! A per-address rate limit (a token bucket per client address), so that one client's
//! flood is answered 429 cheaply instead of crowding out the others. Its table is bounded.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::Instant;

/// How many requests an address may make at once, and how fast that allowance refills.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RateLimit {
    /// The most requests in one burst.
    pub burst: f64,
    /// Requests a second, refilled continuously.
    pub per_second: f64,
}

impl Default for RateLimit {
    /// Far above what a phone polling once a second (or a script looping over every
    /// attendee of a round) needs, far below a flood of thousands a second.
    fn default() -> Self {
        RateLimit {
            burst: 2000.0,
            per_second: 500.0,
        }
    }
}

/// The most addresses remembered; past it the longest-quiet one is forgotten (which only
/// gives that address a fresh allowance).
const MAX_ADDRESSES: usize = 4096;

/// The buckets of every address seen lately.
#[derive(Debug)]
pub struct Limiter {
    limit: RateLimit,
    buckets: HashMap<IpAddr, Bucket>,
}

#[derive(Clone, Copy, Debug)]
struct Bucket {
    tokens: f64,
    seen: Instant,
}

impl Limiter {
    pub fn new(limit: RateLimit) -> Self {
        Limiter {
            limit,
            buckets: HashMap::new(),
        }
    }

    /// Whether a request from `address` at `now` may be served (and counts it if so).
    pub fn allow(&mut self, address: IpAddr, now: Instant) -> bool {
        if !self.buckets.contains_key(&address) && self.buckets.len() >= MAX_ADDRESSES {
            let quietest = self
                .buckets
                .iter()
                .min_by_key(|(_, b)| b.seen)
                .map(|(a, _)| *a);
            if let Some(a) = quietest {
                self.buckets.remove(&a);
            }
        }
        let limit = self.limit;
        let bucket = self.buckets.entry(address).or_insert(Bucket {
            tokens: limit.burst,
            seen: now,
        });
        let elapsed = now.saturating_duration_since(bucket.seen).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * limit.per_second).min(limit.burst);
        bucket.seen = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// How many addresses are remembered.
    #[cfg(test)]
    pub fn addresses(&self) -> usize {
        self.buckets.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;
    use std::time::Duration;

    fn ip(n: u32) -> IpAddr {
        IpAddr::V4(Ipv4Addr::from(n))
    }

    #[test]
    fn a_burst_is_allowed_then_refused_then_refilled() {
        let mut l = Limiter::new(RateLimit {
            burst: 3.0,
            per_second: 2.0,
        });
        let t0 = Instant::now();
        let answers: Vec<bool> = (0..4).map(|_| l.allow(ip(1), t0)).collect();
        assert_eq!(answers, [true, true, true, false]);
        assert!(l.allow(ip(2), t0), "another address has its own bucket");
        assert!(!l.allow(ip(1), t0 + Duration::from_millis(400)));
        assert!(
            l.allow(ip(1), t0 + Duration::from_millis(500)),
            "one refilled"
        );
        assert!(!l.allow(ip(1), t0 + Duration::from_millis(500)));
    }

    #[test]
    fn the_table_stays_bounded() {
        let mut l = Limiter::new(RateLimit::default());
        let t0 = Instant::now();
        for n in 0..(MAX_ADDRESSES as u32 + 100) {
            l.allow(ip(n), t0 + Duration::from_micros(u64::from(n)));
        }
        assert_eq!(l.addresses(), MAX_ADDRESSES);
    }
}
