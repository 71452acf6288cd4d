//! The session keys: 128 random bits from the operating system, written as 32 lowercase
//! hex digits (safe in a URL), compared in constant time.

use std::fmt;

use subtle::ConstantTimeEq;

/// A session key.
#[derive(Clone, PartialEq, Eq)]
pub struct Key(String);

impl Key {
    /// A fresh key from the operating system's random source.
    pub fn random() -> Result<Key, getrandom::Error> {
        let mut bytes = [0u8; 16];
        getrandom::fill(&mut bytes)?;
        Ok(Key(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// The key as written in URLs.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `given` is this key. The time taken does not depend on where the two
    /// differ, so a guesser learns nothing from timing answers.
    pub fn matches(&self, given: &str) -> bool {
        // `ct_eq` on slices of different lengths is false without comparing the bytes;
        // the length of a key is no secret.
        bool::from(self.0.as_bytes().ct_eq(given.as_bytes()))
    }
}

impl fmt::Debug for Key {
    // Keys stay out of logs and panic messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_32_hex_digits_and_fresh_each_time() {
        let a = Key::random().unwrap();
        let b = Key::random().unwrap();
        assert_eq!(a.as_str().len(), 32);
        assert!(a.as_str().chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b, "two keys of 128 random bits differ");
    }

    #[test]
    fn only_the_whole_key_matches() {
        let key = Key::random().unwrap();
        assert!(key.matches(key.as_str()));
        assert!(!key.matches(""));
        assert!(!key.matches(&key.as_str()[..31]));
        assert!(!key.matches(&format!("{}0", key.as_str())));
        let mut other = key.as_str().to_string();
        let last = if other.ends_with('0') { "1" } else { "0" };
        other.replace_range(31.., last);
        assert!(!key.matches(&other));
        assert_eq!(format!("{key:?}"), "Key(…)");
    }
}
