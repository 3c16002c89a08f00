//! One job in full as text: vehicle, complaint, parts, QC results and the
//! timeline. `job show` prints it; the TUI's detail screen draws it.

use super::{labels, when};
use crate::domain::{Said, parts_label};
use crate::read::detail::JobDetail;
use crate::text::{cell, duration, fit};
use chrono::{DateTime, FixedOffset, Utc};
use std::fmt::Write;

/// The job in full; `width` is the room in columns: below 110 each event's
/// note goes on its own indented line instead of a fifth column.
pub fn detail_text(d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset, width: usize) -> String {
    let mut o = String::new();
    identity(&mut o, d, now, tz);
    handover(&mut o, d, now, tz);
    order(&mut o, d, now, tz);
    work_order(&mut o, d, now, tz);
    parts(&mut o, d, now, tz);
    qc(&mut o, d, now, tz);
    timeline(&mut o, d, now, tz, width);
    o
}

/// The state, the vehicle, and what links the job to other visits.
fn identity(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset) {
    let j = &d.job;
    let _ = writeln!(
        o,
        "{}  {} {}  for {}  (version {})",
        j.label(),
        j.status.symbol(),
        j.status.label(),
        duration(now - j.status_since),
        j.version
    );
    if !j.unreadable.is_empty() {
        let _ = writeln!(
            o,
            "⚠ unreadable in the database: {} (changed outside bayboard; see `bayboard check`)",
            j.unreadable.join(", ")
        );
    }
    let v = &j.vehicle;
    let mut vehicle = vec![fit(&v.plate, 20), fit(&v.describe(), 60)];
    if let Some(vin) = &v.vin {
        vehicle.push(format!("VIN {}", fit(vin, 17)));
    }
    if let Some(km) = v.odometer_km {
        vehicle.push(format!("{km} km"));
    }
    let _ = writeln!(o, "{}{}", head("Vehicle"), vehicle.join("  ").trim());
    if let Some((of, tech)) = &d.comeback {
        let _ = writeln!(
            o,
            "{}{}",
            head("Comeback"),
            super::words::message(
                "ui-comeback-of",
                &[
                    ("job", crate::domain::job_label(*of).into()),
                    ("has_tech", if tech.is_some() { "yes" } else { "no" }.into()),
                    ("tech", fit(tech.as_deref().unwrap_or(""), 30).into()),
                ],
            )
        );
    }
    if !d.came_back.is_empty() {
        let back: Vec<String> = d
            .came_back
            .iter()
            .map(|n| crate::domain::job_label(*n))
            .collect();
        let _ = writeln!(
            o,
            "{}{}",
            head("Came back"),
            super::words::message("ui-came-back-as", &[("jobs", back.join(", ").into())])
        );
    }
    if let Some(f) = &d.followup {
        let _ = writeln!(
            o,
            "Follow-up  {} (due {}){}{}",
            f.state.label(),
            when(f.due_at, now, tz),
            f.score
                .map(|s| format!(", satisfaction {s}/5"))
                .unwrap_or_default(),
            if f.misses > 0 {
                format!(", {} missed", f.misses)
            } else {
                String::new()
            }
        );
    }
    if let Some(w) = &d.walkaround {
        for line in walkaround_lines(w, now, tz) {
            let _ = writeln!(o, "{line}");
        }
    }
}

/// A line's heading in the reader's language, padded to one column of
/// eleven (by width: 车辆 is four columns).
fn head(english: &'static str) -> String {
    crate::text::cell(super::words::ui(english), 11)
}

/// Wash, payment, old parts and accepted amounts.
fn handover(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset) {
    let h = &d.handover;
    let mut handed = Vec::new();
    if let Some(t) = h.washed_at {
        handed.push(format!("washed {}", when(t, now, tz)));
    }
    if let Some(p) = &h.paid {
        handed.push(format!("paid: {p}"));
    }
    if let Some(p) = &h.old_parts {
        handed.push(format!("old parts {p}"));
    }
    for a in &h.adjustments {
        handed.push(format!(
            "{} accepted by {}: {}",
            super::words::money(a.amount, &d.currency),
            fit(&a.by, 30),
            fit(&a.reason, 100)
        ));
    }
    if !handed.is_empty() {
        let _ = writeln!(o, "{}{}", head("Hand-over"), handed.join(" · "));
    }
}

/// The customer, the complaint, the promise and who works the job.
fn order(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset) {
    let j = &d.job;
    let waiting = if j.customer_waiting {
        format!("  · {}", super::words::ui("waiting on site"))
    } else {
        String::new()
    };
    match &j.customer {
        Some(c) => {
            let _ = writeln!(
                o,
                "{}{}  {}{waiting}",
                head("Customer"),
                fit(c, 60),
                fit(j.phone.as_deref().unwrap_or(""), 32)
            );
        }
        None if j.customer_waiting => {
            let _ = writeln!(
                o,
                "{}{}",
                head("Customer"),
                super::words::ui("waiting on site")
            );
        }
        None => {}
    }
    let _ = writeln!(o, "{}{}", head("Complaint"), fit(&j.complaint, 500));
    let promised = j
        .promised_at
        .map(|p| {
            format!(
                "{}{}",
                when(p, now, tz),
                if j.is_late(now) { " ! late" } else { "" }
            )
        })
        .unwrap_or_else(|| "—".into());
    let estimate = j
        .estimate_hours
        .map(|h| format!("{h:.1} h"))
        .unwrap_or_else(|| "—".into());
    let clocked = d
        .time
        .iter()
        .map(|(a, b)| (b.unwrap_or(now) - *a).num_seconds().max(0))
        .sum::<i64>() as f64
        / 3600.0;
    let over = match j.estimate_hours {
        Some(e) if clocked > e => " — over the estimate",
        _ => "",
    };
    let _ = writeln!(
        o,
        "Priority   {}   Promised {}   Estimate {}   Clocked {clocked:.1} h{over}",
        j.priority, promised, estimate
    );
    let _ = writeln!(
        o,
        "Bay        {}   Technician {}   Rework ×{}",
        fit(j.bay.as_deref().unwrap_or("—"), 20),
        fit(j.technician.as_deref().unwrap_or("—"), 60),
        j.rework_count
    );
}

/// The job's parts issues.
fn parts(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset) {
    if !d.parts.is_empty() {
        let _ = writeln!(o, "\nParts issues");
        for p in &d.parts {
            let _ = writeln!(
                o,
                "  {} {} ×{}  {}{}  {}{}",
                parts_label(p.id),
                fit(&p.part, 60),
                p.qty,
                labels::part_kind(p.kind),
                if p.blocking { "  ⛔ blocking" } else { "" },
                p.status,
                p.eta
                    .map(|e| format!("  ETA {}", when(e, now, tz)))
                    .unwrap_or_default()
            );
        }
    }
}

/// Each QC inspection, with what did not pass.
fn qc(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset) {
    if !d.qc.is_empty() {
        let _ = writeln!(o, "\nQC inspections");
        for q in &d.qc {
            let road = match (q.road_test_done, q.road_test_km) {
                (true, Some(km)) => format!("road test {km} km"),
                (true, None) => "road test done".into(),
                (false, _) => "no road test".into(),
            };
            let _ = writeln!(
                o,
                "  {}  {}  {}  {}",
                when(q.at, now, tz),
                fit(&q.inspector, 30),
                q.result.as_str().to_uppercase(),
                road
            );
            for i in q
                .items
                .iter()
                .filter(|i| i.result != crate::domain::ItemResult::Pass)
            {
                let mark = match i.result {
                    crate::domain::ItemResult::Fail => "✗ failed",
                    _ => "– n/a   ",
                };
                let _ = writeln!(o, "    {mark}  {}", fit(&i.text, 80));
            }
            if let Some(n) = &q.note {
                let _ = writeln!(o, "    note: {}", fit(n, 200));
            }
        }
    }
}

/// The event log; below 110 columns each note on its own line.
fn timeline(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset, width: usize) {
    let _ = writeln!(o, "\nTimeline");
    for e in &d.events {
        let change = match (&e.from, &e.to) {
            (Some(f), Some(t)) if f != t => {
                format!("{} → {}", labels::status_code(f), labels::status_code(t))
            }
            (None, Some(t)) => format!("→ {}", labels::status_code(t)),
            _ => String::new(),
        };
        let clock = |t| when(t, now, tz);
        let note = match (&e.said, e.note.as_deref()) {
            (Some(s), typed) => super::words::say_with(s, typed, &clock),
            (None, Some(old)) => match super::legacy::said(&e.kind, old) {
                Some((s, typed)) => super::words::say_with(&s, typed.as_deref(), &clock),
                None => super::local_times_in(old, now, tz),
            },
            (None, None) => String::new(),
        };
        let note = match &e.pin_by {
            Some(by) => {
                let mark = super::words::say(&Said::new("mark-pin-set-by").text("by", by));
                format!("{mark}: {note}")
            }
            None => note,
        };
        let note = note.as_str();
        let head = format!(
            "  {}{}{}{}",
            cell(&when(e.at, now, tz), 14),
            cell(e.actor.as_deref().unwrap_or("—"), 14),
            cell(&labels::event_kind(&e.kind), 22),
            cell(&change, 30),
        );
        if width >= 110 {
            // A long note continues under itself, not at the left edge.
            let indent = crate::text::width(&head);
            let mut rows = wrap(note, width.saturating_sub(indent).max(20)).into_iter();
            let first = rows.next().unwrap_or_default();
            let _ = writeln!(o, "{}", format!("{head}{first}").trim_end());
            for r in rows {
                let _ = writeln!(o, "{:indent$}{r}", "");
            }
        } else {
            let _ = writeln!(o, "{}", fit(head.trim_end(), width));
            for r in wrap(note, width.saturating_sub(6).max(20)) {
                let _ = writeln!(o, "      {r}");
            }
        }
    }
}

/// The lines with their state and price, the sold total, and what the
/// customer declined before.
fn work_order(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset) {
    use crate::domain::{LineStatus, money};
    if d.lines.is_empty() && d.declined_before.is_empty() {
        return;
    }
    let sold: f64 = d
        .lines
        .iter()
        .filter(|l| matches!(l.status, LineStatus::Approved | LineStatus::Done))
        .filter_map(|l| l.hours)
        .fold(0.0, |a, h| a + h);
    let total: i64 = d
        .lines
        .iter()
        .filter(|l| matches!(l.status, LineStatus::Approved | LineStatus::Done))
        .map(|l| money::price(l.hours, l.labour_rate, l.amount))
        .sum();
    let _ = writeln!(
        o,
        "\nWork order  sold {sold:.1} h · {} approved",
        super::words::money(total, &d.currency)
    );
    for l in &d.lines {
        let _ = writeln!(o, "  {}", super::line_text(l, &d.currency));
        if let (Some(by), Some(at)) = (&l.customer_name, l.decided_at) {
            let via = l.via.map(|v| v.label()).unwrap_or("");
            let _ = writeln!(
                o,
                "      {} by {} {via}, {}",
                l.status.label(),
                fit(by, 40),
                when(at, now, tz)
            );
        }
    }
    if !d.declined_before.is_empty() {
        let _ = writeln!(o, "Declined on earlier visits");
        for x in &d.declined_before {
            let _ = writeln!(o, "  {}", super::declined_text(x, tz));
        }
    }
}

/// Words on rows of at most `width` columns (display width; a word longer
/// than a row is cut to fit).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    let mut row = String::new();
    for word in text.split_whitespace() {
        let w = crate::text::width(word);
        let used = crate::text::width(&row);
        if !row.is_empty() && used + 1 + w > width {
            rows.push(std::mem::take(&mut row));
        }
        if !row.is_empty() {
            row.push(' ');
        }
        row.push_str(&fit(word, width));
    }
    if !row.is_empty() {
        rows.push(row);
    }
    rows
}

/// The walk-around in a few lines: what the technician and the advisor must
/// know about the car as it came in.
pub fn walkaround_lines(
    w: &crate::store::Walkaround,
    now: DateTime<Utc>,
    tz: &FixedOffset,
) -> Vec<String> {
    let mut facts = Vec::new();
    if let Some(f) = w.fuel_eighths {
        facts.push(format!("fuel {f}/8"));
    }
    if let Some(v) = &w.valuables {
        facts.push(format!("valuables: {}", fit(v, 80)));
    }
    if let Some(l) = &w.warning_lights {
        facts.push(format!("warning lights: {}", fit(l, 80)));
    }
    if w.return_old_parts {
        facts.push("RETURN OLD PARTS to the customer".into());
    }
    let mut out = vec![format!(
        "Walk-around {} (by {} at {})",
        facts.join(" · "),
        fit(&w.recorded_by, 30),
        when(w.recorded_at, now, tz)
    )];
    for d in &w.damages {
        out.push(format!(
            "  damage   {}: {}",
            fit(&d.place, 40),
            fit(&d.what, 80)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn wrap_keeps_rows_within_the_width() {
        let rows = super::wrap(
            "bay B1, technician Wang Wei, a long note about the brakes",
            20,
        );
        assert!(rows.len() > 2, "{rows:?}");
        assert!(rows.iter().all(|r| crate::text::width(r) <= 20), "{rows:?}");
        assert_eq!(super::wrap("", 10), Vec::<String>::new());
    }
}
