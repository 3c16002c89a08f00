//! PIN rules: who must give one, and how wrong tries lock a person out.

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// Whom the shop asks for a PIN (`shop set --require-pins`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PinPolicy {
    /// Only people who keep a PIN give it.
    #[default]
    None,
    /// Sign-offs (QC, delivery, cancellation, PIN resets) need a PIN: a
    /// person without one cannot sign.
    Signoffs,
    /// Nobody acts without a PIN.
    Everyone,
}

impl PinPolicy {
    pub fn as_str(self) -> &'static str {
        match self {
            PinPolicy::None => "none",
            PinPolicy::Signoffs => "signoffs",
            PinPolicy::Everyone => "everyone",
        }
    }
}

impl fmt::Display for PinPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for PinPolicy {
    type Err = super::said::UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "none" => Ok(PinPolicy::None),
            "signoffs" => Ok(PinPolicy::Signoffs),
            "everyone" => Ok(PinPolicy::Everyone),
            _ => Err(super::said::UnknownCode::new(
                "pin_rule",
                s,
                ["none", "signoffs", "everyone"],
            )),
        }
    }
}

/// Wrong tries allowed before the first lock.
pub const FREE_TRIES: i64 = 5;
/// The longest lock, in minutes (about 17 hours).
pub const MAX_LOCK_MINUTES: i64 = 1024;

/// How long a person is locked after their `failures`-th wrong try in a
/// row: nothing for the first four, then 1, 2, 4 … minutes.
pub fn lock_minutes(failures: i64) -> Option<i64> {
    (failures >= FREE_TRIES)
        .then(|| (1i64 << (failures - FREE_TRIES).min(10)).min(MAX_LOCK_MINUTES))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locks_start_at_the_fifth_wrong_try_and_double() {
        assert_eq!(lock_minutes(4), None);
        assert_eq!(lock_minutes(5), Some(1));
        assert_eq!(lock_minutes(6), Some(2));
        assert_eq!(lock_minutes(7), Some(4));
        assert_eq!(lock_minutes(100), Some(MAX_LOCK_MINUTES));
    }

    #[test]
    fn policies_parse_and_print() {
        for p in [PinPolicy::None, PinPolicy::Signoffs, PinPolicy::Everyone] {
            assert_eq!(p.as_str().parse::<PinPolicy>().unwrap(), p);
        }
        assert!("all".parse::<PinPolicy>().is_err());
    }
}
