//! A range of the shop's local days, both ends included.

use crate::domain::zone::{Zone, day_start};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Span {
    /// `from` and `to` in either order.
    pub fn new(a: NaiveDate, b: NaiveDate) -> Span {
        Span {
            from: a.min(b),
            to: a.max(b),
        }
    }

    pub fn today(now: DateTime<Utc>, zone: &Zone) -> Span {
        let d = now.with_timezone(zone).date_naive();
        Span::new(d, d)
    }

    /// Monday of this week to today.
    pub fn this_week(now: DateTime<Utc>, zone: &Zone) -> Span {
        let d = now.with_timezone(zone).date_naive();
        let monday = d - Duration::days(i64::from(d.weekday().num_days_from_monday()));
        Span::new(monday, d)
    }

    /// The last 30 days, today included.
    pub fn last_30_days(now: DateTime<Utc>, zone: &Zone) -> Span {
        let d = now.with_timezone(zone).date_naive();
        Span::new(d - Duration::days(29), d)
    }

    pub fn days(&self) -> u64 {
        (self.to - self.from).num_days() as u64 + 1
    }

    pub fn each_day(&self) -> impl Iterator<Item = NaiveDate> + use<> {
        self.from.iter_days().take(self.days() as usize)
    }

    /// The same number of days moved back (`by` < 0) or on by whole spans.
    pub fn shift(&self, by: i64) -> Span {
        let len = self.days() as i64;
        Span::new(
            self.from + Duration::days(len * by),
            self.to + Duration::days(len * by),
        )
    }

    /// What a span is compared with: as many days just before it, except
    /// that a week so far (Monday to a day before Sunday) is compared with
    /// the same days of the week before.
    pub fn previous(&self) -> Span {
        let partial_week = self.from.weekday() == chrono::Weekday::Mon && self.days() < 7;
        if partial_week {
            Span::new(self.from - Duration::days(7), self.to - Duration::days(7))
        } else {
            self.shift(-1)
        }
    }

    /// [start of the first day, start of the day after the last) in UTC.
    pub fn window(&self, zone: &Zone) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            day_start(self.from, zone),
            day_start(self.to + Duration::days(1), zone),
        )
    }

    /// Consecutive pieces of at most a calendar month each.
    pub fn months(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut a = self.from;
        while a <= self.to {
            let next_month = if a.month() == 12 {
                NaiveDate::from_ymd_opt(a.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(a.year(), a.month() + 1, 1)
            }
            .unwrap_or(NaiveDate::MAX);
            let b = (next_month - Duration::days(1)).min(self.to);
            out.push(Span::new(a, b));
            a = next_month;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn months_cover_the_span_without_gaps() {
        let s = Span::new(d("2026-01-30"), d("2026-03-02"));
        let m = s.months();
        assert_eq!(m.len(), 3);
        assert_eq!(m[0], Span::new(d("2026-01-30"), d("2026-01-31")));
        assert_eq!(m[1], Span::new(d("2026-02-01"), d("2026-02-28")));
        assert_eq!(m[2], Span::new(d("2026-03-01"), d("2026-03-02")));
        assert_eq!(m.iter().map(Span::days).sum::<u64>(), s.days());
    }

    #[test]
    fn previous_is_as_long_and_just_before() {
        let s = Span::new(d("2026-11-16"), d("2026-11-22"));
        assert_eq!(s.previous(), Span::new(d("2026-11-09"), d("2026-11-15")));
        assert_eq!(s.shift(1), Span::new(d("2026-11-23"), d("2026-11-29")));
        // Monday to Wednesday: last week's Monday to Wednesday.
        let week_so_far = Span::new(d("2026-11-30"), d("2026-12-02"));
        assert_eq!(
            week_so_far.previous(),
            Span::new(d("2026-11-23"), d("2026-11-25"))
        );
    }
}
