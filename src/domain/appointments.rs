//! Bookings: a car expected at a time for some work, until it arrives (and
//! becomes a job), is recorded as a no-show, or is cancelled.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use std::str::FromStr;

/// A booked car not there this long after its time is late.
pub const LATE_AFTER_MINUTES: i64 = 15;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApptStatus {
    Booked,
    Arrived,
    NoShow,
    Cancelled,
}

impl ApptStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ApptStatus::Booked => "booked",
            ApptStatus::Arrived => "arrived",
            ApptStatus::NoShow => "no_show",
            ApptStatus::Cancelled => "cancelled",
        }
    }
}

impl FromStr for ApptStatus {
    type Err = super::said::UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "booked" => ApptStatus::Booked,
            "arrived" => ApptStatus::Arrived,
            "no_show" => ApptStatus::NoShow,
            "cancelled" => ApptStatus::Cancelled,
            _ => {
                return Err(super::said::UnknownCode::new(
                    "appointment_status",
                    s,
                    ["booked", "arrived", "no_show", "cancelled"],
                ));
            }
        })
    }
}

/// How a booking reads on the advisor's Today view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ApptState {
    Expected,
    Late,
    Arrived,
    NoShow,
    Cancelled,
}

impl ApptState {
    pub fn of(status: ApptStatus, at: DateTime<Utc>, now: DateTime<Utc>) -> ApptState {
        match status {
            ApptStatus::Booked if now > at + Duration::minutes(LATE_AFTER_MINUTES) => {
                ApptState::Late
            }
            ApptStatus::Booked => ApptState::Expected,
            ApptStatus::Arrived => ApptState::Arrived,
            ApptStatus::NoShow => ApptState::NoShow,
            ApptStatus::Cancelled => ApptState::Cancelled,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            ApptState::Expected => "expected",
            ApptState::Late => "late",
            ApptState::Arrived => "arrived",
            ApptState::NoShow => "no-show",
            ApptState::Cancelled => "cancelled",
        }
    }
}

/// "A-7".
pub fn appt_label(id: i64) -> String {
    format!("A-{id}")
}

pub fn parse_appt(s: &str) -> Result<i64, super::said::Said> {
    let t = s.trim();
    let digits = t
        .strip_prefix("A-")
        .or_else(|| t.strip_prefix("a-"))
        .unwrap_or(t);
    digits
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| super::said::Said::new("problem-appt-number").text("text", s))
}

/// Hours booked or sold against the hours the technicians have: (load,
/// available), for a gauge.
pub fn load_ratio(load: f64, available: f64) -> f64 {
    if available <= 0.0 {
        0.0
    } else {
        (load / available).clamp(0.0, 9.99)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_booking_is_late_a_quarter_of_an_hour_after_its_time() {
        let at: DateTime<Utc> = "2026-11-23T01:00:00Z".parse().unwrap();
        let s = |m| ApptState::of(ApptStatus::Booked, at, at + Duration::minutes(m));
        assert_eq!(s(-30), ApptState::Expected);
        assert_eq!(s(15), ApptState::Expected);
        assert_eq!(s(16), ApptState::Late);
        assert_eq!(
            ApptState::of(ApptStatus::Arrived, at, at + Duration::hours(5)),
            ApptState::Arrived
        );
        assert_eq!(parse_appt("A-7"), Ok(7));
        assert!(parse_appt("A-0").is_err());
        assert_eq!(load_ratio(12.0, 24.0), 0.5);
        assert_eq!(load_ratio(1.0, 0.0), 0.0);
    }
}
