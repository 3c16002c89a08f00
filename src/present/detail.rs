//! One job in full as text: vehicle, complaint, parts, QC results and the
//! timeline. `job show` prints it; the TUI's detail screen draws it.

use super::words::message;
use super::{labels, when};
use crate::domain::inspection::Level;
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
    let state = message(
        "detail-state",
        &[
            ("job", j.label().into()),
            ("symbol", j.status.symbol().into()),
            ("status", j.status.label().into()),
            ("for", duration(now - j.status_since).into()),
            ("version", j.version.into()),
        ],
    );
    let _ = writeln!(o, "{state}");
    if !j.unreadable.is_empty() {
        let fields = j.unreadable.join(", ");
        let _ = writeln!(
            o,
            "{}",
            message("detail-unreadable", &[("fields", fields.into())])
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
    for r in &d.recalls {
        let _ = writeln!(o, "{}{}", head("Recall"), super::recall_text(r));
    }
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
        let said = message(
            "detail-followup",
            &[
                ("state", f.state.label().into()),
                ("due", when(f.due_at, now, tz).into()),
                (
                    "score",
                    f.score.map(|s| s.into()).unwrap_or_else(|| "none".into()),
                ),
                ("missed", f.misses.into()),
            ],
        );
        let _ = writeln!(o, "{}{said}", head("Follow-up"));
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
    if let Some(tag) = &d.job.key_tag {
        handed.push(message("detail-key-tag", &[("tag", fit(tag, 20).into())]));
    }
    if let Some(spot) = &d.job.parking_spot {
        handed.push(message("detail-spot", &[("spot", fit(spot, 20).into())]));
    }
    if let Some(t) = h.washed_at {
        handed.push(message("detail-washed", &[("at", when(t, now, tz).into())]));
    }
    if let Some(p) = &h.paid {
        handed.push(message(
            "detail-paid",
            &[("how", labels::payment(p).into())],
        ));
    }
    if let Some(p) = &h.old_parts {
        let what = labels::old_parts(p);
        handed.push(message("detail-old-parts", &[("what", what.into())]));
    }
    for a in &h.adjustments {
        handed.push(message(
            "detail-accepted",
            &[
                ("amount", super::words::money(a.amount, &d.currency).into()),
                ("by", fit(&a.by, 30).into()),
                ("reason", fit(&a.reason, 100).into()),
            ],
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
                if j.is_late(now) {
                    format!(" ! {}", super::words::ui("late"))
                } else {
                    String::new()
                }
            )
        })
        .unwrap_or_else(|| "—".into());
    let estimate = j
        .estimate()
        .map(|h| format!("{h:.1} h"))
        .unwrap_or_else(|| "—".into());
    let clocked = d
        .time
        .iter()
        .map(|(a, b)| (b.unwrap_or(now) - *a).num_seconds().max(0))
        .sum::<i64>() as f64
        / 3600.0;
    let over = j.estimate().is_some_and(|e| clocked > e);
    let promise = message(
        "detail-promise",
        &[
            ("priority", j.priority.label().into()),
            ("promised", promised.into()),
            ("estimate", estimate.into()),
            ("clocked", format!("{clocked:.1}").into()),
            ("over", if over { "yes" } else { "no" }.into()),
        ],
    );
    let _ = writeln!(o, "{promise}");
    if let Some(e) = j.estimate_accepted {
        let amount = super::words::money(e, &d.currency);
        let _ = writeln!(
            o,
            "{}",
            message("detail-estimate-accepted", &[("amount", amount.into())])
        );
    }
    let people = message(
        "detail-people",
        &[
            ("bay", fit(j.bay.as_deref().unwrap_or("—"), 20).into()),
            (
                "tech",
                fit(j.technician.as_deref().unwrap_or("—"), 60).into(),
            ),
            ("rework", j.rework_count.into()),
        ],
    );
    let _ = writeln!(o, "{people}");
}

/// The job's parts issues.
fn parts(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset) {
    if !d.parts.is_empty() {
        let _ = writeln!(o, "\n{}", message("detail-parts", &[]));
        for p in &d.parts {
            let blocking = if p.blocking {
                format!("  {}", message("detail-blocking", &[]))
            } else {
                String::new()
            };
            let eta = p
                .eta
                .map(|e| {
                    format!(
                        "  {}",
                        message("detail-eta", &[("at", when(e, now, tz).into())])
                    )
                })
                .unwrap_or_default();
            let _ = writeln!(
                o,
                "  {} {} ×{}  {}{blocking}  {}{eta}",
                parts_label(p.id),
                fit(&p.part, 60),
                p.qty,
                labels::part_kind(p.kind),
                p.status.label(),
            );
        }
    }
}

/// Each QC inspection, with what did not pass.
fn qc(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset) {
    if !d.inspections.is_empty() {
        let _ = writeln!(o, "\n{}", message("detail-qc", &[]));
        for q in &d.inspections {
            // The road test is the final inspection's.
            let road = match (q.level, q.road_test_done, q.road_test_km) {
                (Level::Final, true, Some(km)) => message("detail-road-km", &[("km", km.into())]),
                (Level::Final, true, None) => message("detail-road-done", &[]),
                (Level::Final, false, _) => message("detail-road-none", &[]),
                _ => String::new(),
            };
            let _ = writeln!(
                o,
                "  {}  {}  {}  {}  {}",
                when(q.at, now, tz),
                cell(labels::level_name(q.level), 8),
                fit(&q.inspector, 30),
                labels::qc_result(q.result.as_str()),
                road
            );
            for i in q
                .items
                .iter()
                .filter(|i| i.result != crate::domain::ItemResult::Pass)
            {
                let mark = match i.result {
                    crate::domain::ItemResult::Fail => message("detail-item-failed", &[]),
                    _ => message("detail-item-na", &[]),
                };
                let text = labels::recorded_item(&i.id, &i.text);
                let note = i
                    .note
                    .as_deref()
                    .map(|n| format!(" — {}", fit(n, 120)))
                    .unwrap_or_default();
                let _ = writeln!(o, "    {}  {}{note}", cell(&mark, 10), fit(&text, 80));
            }
            if let Some(n) = &q.note {
                let note = message("detail-note", &[("note", fit(n, 200).into())]);
                let _ = writeln!(o, "    {note}");
            }
        }
    }
}

/// The event log; below 110 columns each note on its own line.
fn timeline(o: &mut String, d: &JobDetail, now: DateTime<Utc>, tz: &FixedOffset, width: usize) {
    let _ = writeln!(o, "\n{}", message("detail-timeline", &[]));
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
    use crate::domain::LineStatus;
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
        .map(|l| l.price())
        .sum();
    let head = message(
        "detail-work-order",
        &[
            ("hours", format!("{sold:.1}").into()),
            ("total", super::words::money(total, &d.currency).into()),
        ],
    );
    let _ = writeln!(o, "\n{head}");
    for l in &d.lines {
        let _ = writeln!(o, "  {}", super::line_text(l, &d.currency));
        if let (Some(by), Some(at)) = (&l.customer_name, l.decided_at) {
            // The customer's decision, whatever the line's state since.
            let approved = l.status != LineStatus::Declined;
            let via = l.via.map(|v| format!(" {}", v.label())).unwrap_or_default();
            let decided = message(
                "detail-decided",
                &[
                    ("approved", if approved { "yes" } else { "no" }.into()),
                    ("by", fit(by, 40).into()),
                    ("via", via.into()),
                    ("at", when(at, now, tz).into()),
                ],
            );
            let _ = writeln!(o, "      {decided}");
        }
    }
    if !d.declined_before.is_empty() {
        let _ = writeln!(o, "{}", message("detail-declined-before", &[]));
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
    if w.declined {
        facts.push(message("detail-walkaround-declined", &[]));
    }
    if let Some(f) = w.fuel_eighths {
        facts.push(message("detail-fuel", &[("eighths", f.into())]));
    }
    if let Some(v) = &w.valuables {
        facts.push(message("detail-valuables", &[("what", fit(v, 80).into())]));
    }
    if let Some(l) = &w.warning_lights {
        facts.push(message(
            "detail-warning-lights",
            &[("what", fit(l, 80).into())],
        ));
    }
    if w.return_old_parts {
        facts.push(message("detail-return-old-parts", &[]));
    }
    let mut out = vec![message(
        "detail-walkaround",
        &[
            ("facts", facts.join(" · ").into()),
            ("by", fit(&w.recorded_by, 30).into()),
            ("at", when(w.recorded_at, now, tz).into()),
        ],
    )];
    for d in &w.damages {
        out.push(message(
            "detail-damage",
            &[
                ("place", fit(&d.place, 40).into()),
                ("what", fit(&d.what, 80).into()),
            ],
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
