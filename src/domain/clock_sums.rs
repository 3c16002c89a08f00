//! Clocked time kept as sums (issue 25): each technician's milliseconds on
//! the clock per local day, and each bay's per local day and hour, counted
//! in the shop's zone. The figures read a long range from these instead of
//! from every clock entry; stopping a clock adds its entry in the same
//! transaction, and `bayboard check` recomputes them all from the entries.

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

    pub fn is_empty(&self) -> bool {
        self.staff.is_empty() && self.bays.is_empty()
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
    }
}
