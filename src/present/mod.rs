//! How things read to a person: clock times, due times, status words and
//! the job detail text. Shared by the CLI and the TUI, so neither imports
//! the other.

mod detail;
pub mod documents;
pub mod figures;
pub mod invoice;
pub mod labels;
pub mod lang;
mod legacy;
pub mod pdf;
pub mod refusal;
pub mod vehicle_file;
pub mod words;

pub use detail::{detail_text, walkaround_lines};

use crate::domain::JobStatus;
use crate::store::JobRow;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};

/// Local clock text: "15:30" today, "24 Nov 15:30" another day.
pub fn when(t: DateTime<Utc>, now: DateTime<Utc>, tz: &FixedOffset) -> String {
    use chrono::Datelike;
    let local = t.with_timezone(tz);
    let today = now.with_timezone(tz).date_naive();
    let zh = lang::current() == lang::Lang::ZhCn;
    let format = if local.date_naive() == today {
        "%H:%M"
    } else if local.year() == today.year() {
        if zh {
            "%-m月%-d日 %H:%M"
        } else {
            "%d %b %H:%M"
        }
    } else if zh {
        "%Y年%-m月%-d日 %H:%M"
    } else {
        "%d %b %Y %H:%M"
    };
    local.format(format).to_string()
}

/// A note as recorded may carry stored times (`2026-11-24T08:00:00.000Z`,
/// an ETA say); they are shown as the reader's local time, like every
/// other time on screen.
pub fn local_times_in(note: &str, now: DateTime<Utc>, tz: &FixedOffset) -> String {
    const LEN: usize = 24;
    let mut out = String::with_capacity(note.len());
    let mut rest = note;
    while let Some(i) = rest.find('T').map(|t| t.saturating_sub(10)) {
        let candidate = rest.get(i..i + LEN);
        match candidate.and_then(crate::store::parse_ts).filter(|_| {
            candidate.is_some_and(|c| c.ends_with('Z') && c.as_bytes()[0].is_ascii_digit())
        }) {
            Some(t) => {
                out.push_str(&rest[..i]);
                out.push_str(&when(t, now, tz));
                rest = &rest[i + LEN..];
            }
            None => {
                let step = rest.find('T').map_or(rest.len(), |t| t + 1);
                out.push_str(&rest[..step]);
                rest = &rest[step..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The promised time, with "! late" once it has passed on an open job.
pub fn due_text(job: &JobRow, now: DateTime<Utc>, tz: &FixedOffset) -> String {
    match job.promised_at {
        None => String::new(),
        Some(p) if job.is_late(now) => format!("{} ! {}", when(p, now, tz), words::ui("late")),
        Some(p) => when(p, now, tz),
    }
}

/// The due time, and "waits" when the customer waits on site (the text
/// board marks them as the TUI does).
pub fn due_and_waits(job: &JobRow, now: DateTime<Utc>, tz: &FixedOffset) -> String {
    let due = due_text(job, now, tz);
    if job.customer_waiting {
        format!("{due} {}", words::word("ui-mark-waits"))
            .trim()
            .to_string()
    } else {
        due
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

/// A line of the work order on one row: "L-27 ✔ done  Front brake pads
/// 2.0 h  CNY 1,880.50", with urgency and blocking for found work.
pub fn line_text(l: &crate::store::LineRow, currency: &str) -> String {
    let mut out = format!(
        "{} {} {}",
        l.label(),
        line_symbol(l.status),
        crate::text::cell(l.status.label(), 25)
    );
    if let Some(u) = l.urgency {
        let stop = if l.blocking && l.status == crate::domain::LineStatus::Proposed {
            " ⛔"
        } else {
            ""
        };
        out.push_str(&crate::text::cell(&format!("{}{stop}", u.label()), 12));
    }
    out.push_str(&crate::text::fit(&l.work, 60));
    if let Some(n) = &l.note {
        out.push_str(&format!(" — {}", crate::text::fit(n, 80)));
    }
    if let Some(h) = l.hours {
        out.push_str(&format!("  {h:.1} h"));
    }
    let price = l.price();
    if price > 0 {
        out.push_str(&format!("  {}", words::money(price, currency)));
    }
    // Who pays, when it is not the customer; the recall it does.
    if l.payer != crate::domain::warranty::Payer::Customer {
        out.push_str(&format!("  [{}]", labels::payer(l.payer)));
    }
    if let Some(c) = &l.campaign {
        out.push_str(&format!(" {}", crate::text::fit(c, 20)));
    }
    out
}

/// An open recall campaign, said at check-in, on the job and in its file.
pub fn recall_text(r: &crate::store::RecallState) -> String {
    words::message(
        "ui-recall-flag",
        &[
            ("campaign", crate::text::fit(&r.campaign, 20).into()),
            ("title", crate::text::fit(&r.title, 60).into()),
        ],
    )
}

/// One column: done ✓, to do ·, waiting for the customer ?, declined ✗.
/// Done is not the state QC passed (✔): the Linux console draws them
/// apart (`/` and `v`).
pub fn line_symbol(s: crate::domain::LineStatus) -> &'static str {
    use crate::domain::LineStatus;
    match s {
        LineStatus::Done => "✓",
        LineStatus::Approved => "·",
        LineStatus::Proposed => "?",
        LineStatus::Declined => "✗",
    }
}

/// "declined 12 Oct 2026 on J-000002 by Jane Morris: Rear tyres at 2 mm
/// tread — safety".
pub fn declined_text(d: &crate::store::DeclinedRow, tz: &FixedOffset) -> String {
    let day = if lang::current() == lang::Lang::ZhCn {
        "%Y年%-m月%-d日"
    } else {
        "%d %b %Y"
    };
    let at = d
        .line
        .decided_at
        .map(|t| t.with_timezone(tz).format(day).to_string())
        .unwrap_or_default();
    let by = d
        .line
        .customer_name
        .as_deref()
        .map(|c| words::message("detail-by", &[("who", crate::text::fit(c, 30).into())]))
        .unwrap_or_default();
    let urgency = d
        .line
        .urgency
        .map(|u| format!(" — {}", u.label()))
        .unwrap_or_default();
    words::message(
        "detail-declined",
        &[
            ("at", at.into()),
            ("job", crate::domain::job_label(d.line.job).into()),
            ("by", by.into()),
            ("work", crate::text::fit(&d.line.work, 60).into()),
            ("urgency", urgency.into()),
        ],
    )
}

/// What is worrying about an open parts issue, in words: an ETA that has
/// passed, an ETA after the job's promised time (both only while the part
/// is awaited), an issue open over a day.
pub fn parts_flags(
    p: &crate::store::PartsRow,
    promised: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Vec<&'static str> {
    let mut out = Vec::new();
    // A part that came no longer waits for its ETA: neither flag holds.
    let awaited = p.status.is_open() && p.status != crate::domain::PartStatus::Received;
    if let Some(eta) = p.eta.filter(|_| awaited) {
        if eta < now {
            out.push(words::ui("ETA passed"));
        }
        if promised.is_some_and(|pr| eta > pr) {
            out.push(words::ui("after the promised time"));
        }
    }
    if p.status.is_open() && now - p.created_at > chrono::Duration::days(1) {
        out.push(words::ui("open over a day"));
    }
    out
}

/// " · promised today 17:00", or the day and "(not today)": a time typed
/// alone may have been taken for tomorrow, and the person hears which.
pub fn promised_text(p: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let tz = local_tz();
    let day = if p.with_timezone(&tz).date_naive() == now.with_timezone(&tz).date_naive() {
        "today"
    } else {
        "other"
    };
    words::message(
        "done-promised",
        &[("when", when(p, now, &tz).into()), ("day", day.into())],
    )
}

/// A call to return, on one line: "T-3 · J-000012 苏E·7X6W1 周强 139… ·
/// asked: … · promised: … · by 12月4日 10:00", or the second follow-up
/// call and when it falls due.
pub fn call_text(c: &crate::store::CallRow, now: DateTime<Utc>) -> String {
    use crate::domain::calls::CallKind;
    let tz = local_tz();
    let who = [
        c.job.map(crate::domain::job_label),
        // Spelled as a plate on an ASCII screen, not as words.
        c.plate
            .as_deref()
            .map(|p| crate::text::shown(p).into_owned()),
        c.caller.clone(),
        c.phone.clone(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let due = c.due_at.map(|t| when(t, now, &tz)).unwrap_or_default();
    let id = match c.kind {
        CallKind::Incoming => "ui-call-incoming",
        CallKind::SecondFollowup => "ui-call-second-followup",
    };
    words::message(
        id,
        &[
            ("call", crate::domain::calls::call_label(c.id).into()),
            ("who", who.into()),
            ("about", c.about.clone().unwrap_or_default().into()),
            ("promised", c.promised.clone().unwrap_or_default().into()),
            ("due", due.into()),
            ("p", if c.promised.is_some() { "yes" } else { "no" }.into()),
            ("d", if c.due_at.is_some() { "yes" } else { "no" }.into()),
            ("late", i64::from(c.due_at.is_some_and(|d| d < now)).into()),
        ],
    )
}

#[cfg(test)]
mod tests {
    use crate::domain::{PartKind, PartStatus};
    use chrono::{Duration, TimeZone, Utc};

    #[test]
    fn a_received_part_no_longer_worries_about_its_eta() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 14, 0, 0).unwrap();
        let mut p = crate::store::PartsRow {
            id: 1,
            job: 1,
            part: "Water pump".into(),
            kind: PartKind::OutOfStock,
            qty: 1,
            status: PartStatus::Ordered,
            blocking: true,
            eta: Some(now - Duration::hours(1)),
            note: None,
            logged_by: "Tom".into(),
            plate: "AB1".into(),
            created_at: now - Duration::hours(2),
            updated_at: now,
        };
        let promised = Some(now - Duration::hours(2));
        assert_eq!(super::parts_flags(&p, promised, now).len(), 2);
        p.status = PartStatus::Received;
        assert!(super::parts_flags(&p, promised, now).is_empty());
    }
}
