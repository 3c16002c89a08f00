//! Time kept as sums per local day (issue 25), counted in the shop's zone:
//! each technician's milliseconds on the clock per day, each bay's per day
//! and hour, and the delivered jobs' time in each state by the day of
//! delivery. The figures read a long range from these instead of from
//! every clock entry and every job's state times; stopping a clock or
//! delivering a job adds to them in the same transaction, and `bayboard
//! check` recounts them all.

use super::JobStatus;
use super::zone::{Offsets, each_local_hour};
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use std::collections::BTreeMap;

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ClockSums {
    /// (local day, technician) → milliseconds on the clock.
    pub staff: BTreeMap<(NaiveDate, i64), i64>,
    /// (local day, bay, local hour) → milliseconds someone was clocked in
    /// the bay.
    pub bays: BTreeMap<(NaiveDate, i64, u32), i64>,
    /// (local day of delivery, state) → milliseconds the jobs delivered
    /// that day spent in the state.
    pub states: BTreeMap<(NaiveDate, JobStatus), i64>,
}

impl ClockSums {
    /// Adds a closed stretch [a, b) on `staff`'s clock, in `bay` if any.
    pub fn add(
        &mut self,
        staff: i64,
        bay: Option<i64>,
        a: DateTime<Utc>,
        b: DateTime<Utc>,
        local: &mut Offsets,
    ) {
        each_local_hour(a, b, local, |l, ms| {
            *self.staff.entry((l.date(), staff)).or_default() += ms;
            if let Some(bay) = bay {
                *self.bays.entry((l.date(), bay, l.hour())).or_default() += ms;
            }
        });
    }

    /// Adds a delivered job's `ms` in `state`, on the day it was delivered.
    pub fn add_state(
        &mut self,
        delivered: DateTime<Utc>,
        state: JobStatus,
        ms: i64,
        local: &mut Offsets,
    ) {
        *self
            .states
            .entry((local.local(delivered).date(), state))
            .or_default() += ms;
    }

    pub fn is_empty(&self) -> bool {
        self.staff.is_empty() && self.bays.is_empty() && self.states.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::zone::Zone;
    use chrono::{FixedOffset, TimeZone};

    #[test]
    fn a_stretch_over_local_midnight_counts_on_both_days() {
        let zone = Zone::Fixed(FixedOffset::east_opt(8 * 3600).unwrap());
        // 23:30 to 01:15 Beijing time, 3 December into the 4th.
        let a = Utc.with_ymd_and_hms(2026, 12, 3, 15, 30, 0).unwrap();
        let b = a + chrono::Duration::minutes(105);
        let mut s = ClockSums::default();
        s.add(7, Some(2), a, b, &mut Offsets::new(&zone));
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert_eq!(s.staff[&(day(3), 7)], 30 * 60_000);
        assert_eq!(s.staff[&(day(4), 7)], 75 * 60_000);
        assert_eq!(s.bays[&(day(3), 2, 23)], 30 * 60_000);
        assert_eq!(s.bays[&(day(4), 2, 0)], 60 * 60_000);
        assert_eq!(s.bays[&(day(4), 2, 1)], 15 * 60_000);
        let mut no_bay = ClockSums::default();
        no_bay.add(7, None, a, b, &mut Offsets::new(&zone));
        assert!(no_bay.bays.is_empty());
        // Delivered at 00:30 Beijing time on the 4th: the 4th's.
        s.add_state(
            b - chrono::Duration::minutes(45),
            JobStatus::Paused,
            5,
            &mut Offsets::new(&zone),
        );
        assert_eq!(s.states[&(day(4), JobStatus::Paused)], 5);
    }
}
