//! The next service a car is given at delivery: whichever comes first of a
//! distance and a time (`assets/service.toml`, e.g. 5,000 km or 6 months).

use super::field::Field;
use super::refusal::Refusal;
use super::said::Said;
use chrono::{Months, NaiveDate};
use serde::Deserialize;

const BUILTIN: &str = include_str!("../../assets/service.toml");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub struct Interval {
    pub interval_km: i64,
    pub interval_months: u32,
}

impl Interval {
    pub fn builtin() -> Interval {
        toml::from_str(BUILTIN).expect("the shipped service interval is valid")
    }

    /// The service after one on `day` at `odometer` km.
    pub fn next(self, day: NaiveDate, odometer: Option<i64>) -> (NaiveDate, Option<i64>) {
        let on = day
            .checked_add_months(Months::new(self.interval_months))
            .unwrap_or(day);
        (on, odometer.map(|km| km + self.interval_km))
    }
}

/// A next-service distance must lie ahead of the odometer read now.
pub fn check_km(km: i64, odometer: Option<i64>) -> Result<i64, Refusal> {
    if km > 0 && odometer.is_none_or(|o| km > o) && km <= super::validate::limits::ODOMETER_MAX {
        Ok(km)
    } else {
        Err(Refusal::invalid(
            Field::Odometer,
            Said::new("problem-next-service-km").num("odometer", odometer.unwrap_or(0)),
        ))
    }
}

/// Whether an odometer reading goes back from an earlier visit's.
pub fn rolled_back(earlier_max: Option<i64>, km: Option<i64>) -> bool {
    matches!((earlier_max, km), (Some(m), Some(k)) if k < m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_months_or_five_thousand_km_whichever_first() {
        let i = Interval::builtin();
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(
            i.next(d(2026, 12, 3), Some(39_800)),
            (d(2027, 6, 3), Some(44_800))
        );
        // The end of a month: the last day of the shorter one.
        assert_eq!(i.next(d(2026, 8, 31), None).0, d(2027, 2, 28));
        assert!(check_km(40_000, Some(39_800)).is_ok());
        assert!(check_km(39_000, Some(39_800)).is_err());
        assert!(rolled_back(Some(50_000), Some(49_000)));
        assert!(!rolled_back(Some(50_000), None));
    }
}
