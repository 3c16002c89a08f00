//! TIME arguments: RFC 3339, `YYYY-MM-DD HH:MM` or `HH:MM` (local: the next
//! such time, so `09:00` typed at 18:00 means tomorrow morning).

use crate::domain::{Field, Refusal, Said};
use chrono::{DateTime, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc};

/// How far from now a promised time or ETA may be before it is taken as a
/// typing mistake.
pub const MAX_DISTANCE_DAYS: i64 = 366;

pub fn parse_time<Tz: TimeZone>(
    field: Field,
    text: &str,
    now: &DateTime<Tz>,
) -> Result<DateTime<Utc>, Refusal> {
    let t = text.trim();
    let bad = |id: &'static str| Refusal::invalid(field, Said::new(id).text("text", text));
    let tz = now.timezone();
    let parsed = if let Ok(dt) = DateTime::parse_from_rfc3339(t) {
        // chrono keeps a leap second (`…:60`) as a second 59 past a full
        // second of nanoseconds; the stored form cannot hold it.
        if dt.timestamp_subsec_nanos() >= 1_000_000_000 {
            return Err(bad("problem-time-leap-second"));
        }
        dt.with_timezone(&Utc)
    } else {
        let naive = if let Ok(ndt) = NaiveDateTime::parse_from_str(t, "%Y-%m-%d %H:%M") {
            ndt
        } else if let Ok(time) = NaiveTime::parse_from_str(t, "%H:%M") {
            let today: NaiveDate = now.date_naive();
            if time < now.time() {
                today.succ_opt().unwrap_or(today).and_time(time)
            } else {
                today.and_time(time)
            }
        } else {
            return Err(bad("problem-time-form"));
        };
        match tz.from_local_datetime(&naive) {
            LocalResult::Single(dt) => dt.with_timezone(&Utc),
            LocalResult::Ambiguous(early, _) => early.with_timezone(&Utc),
            LocalResult::None => return Err(bad("problem-time-missing")),
        }
    };
    let now_utc = now.with_timezone(&Utc);
    if (parsed - now_utc).abs() > Duration::days(MAX_DISTANCE_DAYS) {
        return Err(bad("problem-time-far"));
    }
    Ok(parsed)
}

/// Whether `text` gave a clock time alone (`HH:MM`), whose day was chosen.
pub fn is_clock_only(text: &str) -> bool {
    NaiveTime::parse_from_str(text.trim(), "%H:%M").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-11-23T10:00:00+08:00").unwrap()
    }

    #[test]
    fn a_leap_second_is_refused_with_the_field_named() {
        let err = parse_time(Field::Eta, "2026-11-23T17:00:60Z", &now()).unwrap_err();
        assert!(
            matches!(&err, Refusal::Invalid { field: Field::Eta, said } if said.id == "problem-time-leap-second"),
            "{err:?}"
        );
    }

    #[test]
    fn accepts_the_three_forms() {
        let want = DateTime::parse_from_rfc3339("2026-11-23T15:30:00+08:00").unwrap();
        for t in [
            "2026-11-23T15:30:00+08:00",
            "2026-11-23T07:30:00Z",
            "2026-11-23 15:30",
            "15:30",
            " 15:30 ",
        ] {
            assert_eq!(parse_time(Field::Promised, t, &now()).unwrap(), want, "{t}");
        }
    }

    #[test]
    fn a_clock_time_already_past_today_means_tomorrow() {
        let want = DateTime::parse_from_rfc3339("2026-11-24T09:00:00+08:00").unwrap();
        assert_eq!(parse_time(Field::Promised, "09:00", &now()).unwrap(), want);
        assert!(is_clock_only(" 09:00"));
        assert!(!is_clock_only("2026-11-24 09:00"));
    }

    #[test]
    fn refuses_garbage_and_absurd_times() {
        for t in [
            "",
            "tomorrow",
            "25:00",
            "15:61",
            "2026-13-01 10:00",
            "1999-01-01 10:00",
            "2031-01-01T00:00:00Z",
        ] {
            let e = parse_time(Field::Promised, t, &now())
                .unwrap_err()
                .to_string();
            assert!(e.starts_with("promised:"), "{t}: {e}");
        }
    }
}
