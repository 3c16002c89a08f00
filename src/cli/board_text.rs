//! `bayboard board`: the board as plain text, columns aligned by display width.

use crate::present::words::{message, ui};
use crate::present::{due_and_waits as due, status_text, when};
use crate::read::board::Board;
use crate::text::{cell, duration, fit};
use chrono::{DateTime, FixedOffset, Utc};
use std::fmt::Write;

pub fn render(board: &Board, tz: &FixedOffset) -> String {
    let mut out = String::new();
    for part in [header, bays, queue, technicians, parts, qc] {
        part(&mut out, board, board.at, tz);
    }
    out
}

/// The shop, the time, and what must not wait: overdue complaints and
/// tables that could not be read.
fn header(out: &mut String, board: &Board, now: DateTime<Utc>, tz: &FixedOffset) {
    let _ = writeln!(
        out,
        "{} · {}",
        fit(&board.shop, 60),
        crate::present::words::day_and_clock(now.with_timezone(tz).naive_local())
    );
    for c in &board.complaints_overdue {
        let said = message(
            "ui-complaint-overdue-line",
            &[
                (
                    "complaint",
                    crate::domain::aftersales::complaint_label(c.id).into(),
                ),
                ("severity", c.severity.into()),
                ("plate", fit(&c.plate, 16).into()),
                ("late", c.overdue.map(|o| o.label()).unwrap_or("").into()),
                ("owner", fit(&c.owner, 30).into()),
            ],
        );
        let _ = writeln!(out, "! {said}");
    }
    for u in &board.unreadable {
        let said = message("ui-unreadable-table", &[("table", u.to_string().into())]);
        let _ = writeln!(out, "⚠ {said}");
    }
}

fn bays(out: &mut String, board: &Board, now: DateTime<Utc>, tz: &FixedOffset) {
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", ui("BAYS"));
    let _ = writeln!(
        out,
        "{}{}{}{}{}{}{}{}",
        cell(ui("Bay"), 6),
        cell(ui("Plate"), 11),
        cell(ui("Vehicle"), 19),
        cell(ui("Job"), 10),
        cell(ui("Technician"), 13),
        cell(ui("Status"), 19),
        cell(ui("In state"), 9),
        ui("Due"),
    );
    for bay in &board.bays {
        let line = match &bay.job {
            Some(j) => format!(
                "{}{}{}{}{}{}{}{}",
                cell(&bay.name, 6),
                cell(&j.shown_plate(), 11),
                cell(&j.vehicle.describe(), 19),
                cell(&j.label(), 10),
                cell(j.technician.as_deref().unwrap_or("—"), 13),
                cell(&status_text(j.status), 19),
                cell(&duration(now - j.status_since), 9),
                due(j, now, tz)
            ),
            None => format!(
                "{}{}{}",
                cell(&bay.name, 6),
                cell("—", 11 + 19 + 10 + 13),
                if bay.active { ui("free") } else { ui("closed") }
            ),
        };
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// The jobs waiting for a bay, and those that lost theirs.
fn queue(out: &mut String, board: &Board, now: DateTime<Utc>, tz: &FixedOffset) {
    section(out, &format!("{} {}", ui("QUEUE"), board.queue.len()));
    for j in &board.queue {
        let line = format!(
            "{}{}{}{}{}{}",
            cell(&j.label(), 10),
            cell(
                format!("{} {}", j.priority.marker(), j.priority.label()).trim_start(),
                10
            ),
            cell(&j.shown_plate(), 11),
            cell(&j.vehicle.describe(), 19),
            cell(&j.complaint, 30),
            due(j, now, tz)
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !board.parked.is_empty() {
        section(
            out,
            &format!(
                "{} {}",
                crate::present::words::word("ui-section-no-bay"),
                board.parked.len()
            ),
        );
        for j in &board.parked {
            let line = format!(
                "{}{}{}{}{}",
                cell(&j.label(), 10),
                cell(&j.shown_plate(), 11),
                cell(j.technician.as_deref().unwrap_or("—"), 13),
                cell(&status_text(j.status), 19),
                due(j, now, tz)
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
    }
}

fn technicians(out: &mut String, board: &Board, _: DateTime<Utc>, _: &FixedOffset) {
    section(out, ui("TECHNICIANS"));
    for t in &board.technicians {
        let state = match t.clocked_on {
            Some(n) => format!("{} {}", ui("working"), crate::domain::job_label(n)),
            None if t.open_jobs > 0 => message("ui-n-assigned", &[("n", t.open_jobs.into())]),
            None => ui("free").to_string(),
        };
        let line = format!(
            "{}{}{:.1}h {}",
            cell(&t.name, 14),
            cell(&state, 22),
            t.hours_today,
            crate::present::words::word("ui-hours-today")
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn parts(out: &mut String, board: &Board, now: DateTime<Utc>, tz: &FixedOffset) {
    section(
        out,
        &message(
            "ui-parts-title",
            &[("n", (board.parts.len() as i64).into())],
        ),
    );
    for p in &board.parts {
        let blocking = if p.blocking {
            format!("⛔ {}", ui("Blocking"))
        } else {
            String::new()
        };
        let eta = p
            .eta
            .map(|e| format!("{} {}", ui("ETA"), when(e, now, tz)))
            .unwrap_or_default();
        let line = format!(
            "{}{}{}{}{}{}{}{}",
            cell(&crate::domain::parts_label(p.id), 10),
            cell(&crate::domain::job_label(p.job), 10),
            cell(&format!("{} ×{}", p.part, p.qty), 24),
            cell(p.kind.label(), 15),
            cell(&blocking, 12),
            cell(p.status.label(), 10),
            cell(
                &format!("{} {}", ui("Age"), duration(now - p.created_at)),
                11
            ),
            eta
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// Quality control, then what waits for its customer.
fn qc(out: &mut String, board: &Board, now: DateTime<Utc>, tz: &FixedOffset) {
    section(out, &format!("{} {}", ui("QC"), board.qc.len()));
    for j in &board.qc {
        let line = format!(
            "{}{}{}{}{}",
            cell(&j.label(), 10),
            cell(&j.shown_plate(), 11),
            cell(j.technician.as_deref().unwrap_or("—"), 13),
            cell(
                &format!("{} {}", ui("ready"), duration(now - j.status_since)),
                12
            ),
            if j.rework_count > 0 {
                format!("{} ×{}", ui("Rework"), j.rework_count)
            } else {
                String::new()
            }
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    if !board.ready.is_empty() {
        section(
            out,
            &format!("{} {}", ui("READY FOR DELIVERY"), board.ready.len()),
        );
        for j in &board.ready {
            let line = format!(
                "{}{}{}{}",
                cell(&j.label(), 10),
                cell(&j.shown_plate(), 11),
                cell(j.customer.as_deref().unwrap_or(""), 20),
                due(j, now, tz)
            );
            let mark = match &j.signoff_pin_by {
                Some(by) => format!(
                    "  {}",
                    crate::present::words::say(
                        &crate::domain::Said::new("mark-pin-set-by").text("by", by)
                    )
                ),
                None => String::new(),
            };
            let _ = writeln!(out, "{}{mark}", line.trim_end());
        }
    }
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out);
    let _ = writeln!(out, "{title}");
}
