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
        } else if let Some(ndt) = day_and_clock(t, now.date_naive()) {
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

/// A day and a clock time as people at a counter write them: `12-04
/// 15:30`, `12月4日 15:30`, `明天 15:30`, `tomorrow 15:30`, `today 9:00`
/// (full-width digits and colon too). A month and day without a year is
/// the next such day: December in January is last month only if it is
/// more than half a year behind.
fn day_and_clock(text: &str, today: NaiveDate) -> Option<NaiveDateTime> {
    use chrono::Datelike;
    let folded: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '：' => ':',
            '－' => '-',
            _ => c,
        })
        .collect();
    let (day, clock) = folded.trim().rsplit_once(char::is_whitespace)?;
    let clock = NaiveTime::parse_from_str(clock.trim(), "%H:%M").ok()?;
    let day = day.trim();
    let date = match day.to_lowercase().as_str() {
        "today" | "今天" => today,
        "tomorrow" | "明天" => today.succ_opt()?,
        "后天" => today.succ_opt()?.succ_opt()?,
        _ => {
            let md = day.trim_end_matches(['日', '号']).replace('月', "-");
            let (m, d) = md.split_once('-')?;
            let (m, d): (u32, u32) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
            let this = NaiveDate::from_ymd_opt(today.year(), m, d)?;
            if (today - this).num_days() > 182 {
                NaiveDate::from_ymd_opt(today.year() + 1, m, d)?
            } else {
                this
            }
        }
    };
    Some(date.and_time(clock))
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
    fn accepts_a_day_as_the_counter_writes_it() {
        let want = DateTime::parse_from_rfc3339("2026-11-24T15:30:00+08:00").unwrap();
        for t in [
            "11-24 15:30",
            "11月24日 15:30",
            "明天 15:30",
            "tomorrow 15:30",
            "１１月２４日　１５：３０",
        ] {
            assert_eq!(parse_time(Field::Promised, t, &now()).unwrap(), want, "{t}");
        }
        // January, written in November, is next year's.
        let jan = parse_time(Field::Promised, "1-5 09:00", &now()).unwrap();
        assert_eq!(
            jan,
            DateTime::parse_from_rfc3339("2027-01-05T09:00:00+08:00").unwrap()
        );
        assert!(parse_time(Field::Promised, "13-40 09:00", &now()).is_err());
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
