//! How things read to a person: clock times, due times, status words and
//! the job detail text. Shared by the CLI and the TUI, so neither imports
//! the other.

mod detail;
pub mod labels;

pub use detail::detail_text;

use crate::domain::JobStatus;
use crate::store::JobRow;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};

/// Local clock text: "15:30" today, "24 Nov 15:30" another day.
pub fn when(t: DateTime<Utc>, now: DateTime<Utc>, tz: &FixedOffset) -> String {
    let local = t.with_timezone(tz);
    if local.date_naive() == now.with_timezone(tz).date_naive() {
        local.format("%H:%M").to_string()
    } else {
        local.format("%d %b %H:%M").to_string()
    }
}

/// The promised time, with "! late" once it has passed on an open job.
pub fn due_text(job: &JobRow, now: DateTime<Utc>, tz: &FixedOffset) -> String {
    match job.promised_at {
        None => String::new(),
        Some(p) if job.is_late(now) => format!("{} ! late", when(p, now, tz)),
        Some(p) => when(p, now, tz),
    }
}

/// Status as symbol and words, never one without the other.
pub fn status_text(status: JobStatus) -> String {
    format!("{} {}", status.symbol(), status.label())
}

/// Local midnight of `now`'s day in `tz`, where "hours today" start. The
/// one rule for it, used by the CLI (the system zone) and the TUI: an
/// ambiguous midnight (clocks going back) takes the earlier one; a missing
/// one (clocks jumping over it) counts from `now`.
pub fn local_midnight<Tz: TimeZone>(now: DateTime<Utc>, tz: &Tz) -> DateTime<Utc> {
    now.with_timezone(tz)
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(tz.clone()).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(now)
}

/// The terminal's local offset now.
pub fn local_tz() -> FixedOffset {
    use chrono::Offset;
    chrono::Local::now().offset().fix()
}
