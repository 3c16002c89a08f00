//! `followup`, `complaint` and `appt`: after the hand-over, and before
//! the car comes in.

use crate::cli::args::{ApptCmd, ComplaintCmd, ComplaintStep, FollowupCmd};
use crate::cli::output::{Output, each, emit, said};
use crate::cli::{Ctx, local_tz};
use crate::domain::aftersales::{ComplaintStatus, complaint_label, parse_complaint};
use crate::domain::appointments::{ApptStatus, appt_label, parse_appt};
use crate::domain::numbers::parse_job_number;
use crate::domain::{Refusal, job_label};
use crate::error::Result;
use crate::present::words::{day_and_clock, message, weekday};
use crate::read::load::Load;
use crate::store::{self, ApptRow, ComplaintRow, FollowupRow};
use crate::text::{cell, fit};
use crate::workshop::Workshop;
use chrono::Utc;
use serde::Serialize;

fn followup_line(f: &FollowupRow) -> String {
    let tz = local_tz();
    let due = weekday(f.due_at.with_timezone(&tz).date_naive());
    format!(
        "{}  {}{}{}{}  {}{}",
        job_label(f.job),
        cell(&f.plate, 11),
        cell(f.customer.as_deref().unwrap_or("—"), 16),
        cell(f.phone.as_deref().unwrap_or(""), 18),
        message("ui-due-on", &[("day", due.into())]),
        f.state.label(),
        if f.misses > 0 {
            format!(
                " ({})",
                message("ui-missed-calls", &[("n", f.misses.into())])
            )
        } else {
            String::new()
        }
    )
}

pub(crate) fn followup(ctx: &Ctx, cmd: FollowupCmd) -> Result<()> {
    let mut ws = ctx.open()?;
    match cmd {
        FollowupCmd::List { due } => {
            let list = ws
                .store()
                .read(|c| store::open_followups(c, Utc::now(), due))?;
            emit(ctx, &said(list, |l| each(l, followup_line)))
        }
        FollowupCmd::Log {
            job,
            reached,
            score,
            note,
        } => {
            let n = parse_job_number(&job)?;
            let (f, complaint) = ws.log_followup(ctx.who()?, n, reached, score, note.as_deref())?;
            if let Some(c) = complaint {
                let said = message(
                    "ui-low-score-complaint",
                    &[
                        ("complaint", complaint_label(c).into()),
                        ("job", job_label(n).into()),
                        ("score", score.unwrap_or(0).into()),
                    ],
                );
                eprintln!("bayboard: {said}");
            }
            emit(
                ctx,
                &Logged {
                    followup: f,
                    complaint,
                },
            )
        }
    }
}

/// A call logged, and the complaint a low score opened.
struct Logged {
    followup: FollowupRow,
    complaint: Option<i64>,
}

impl Output for Logged {
    fn text(&self) -> String {
        format!("{}\n", followup_line(&self.followup))
    }

    fn json(&self) -> impl Serialize {
        serde_json::json!({
            "followup": self.followup,
            "complaint": self.complaint.map(complaint_label),
        })
    }
}

fn complaint_line(c: &ComplaintRow) -> String {
    let tz = local_tz();
    let when = |t: chrono::DateTime<Utc>| day_and_clock(t.with_timezone(&tz).naive_local());
    let next = match c.status {
        ComplaintStatus::Open => message("ui-respond-by-at", &[("at", when(c.respond_by).into())]),
        ComplaintStatus::Acknowledged => {
            message("ui-resolve-by-at", &[("at", when(c.resolve_by).into())])
        }
        _ => String::new(),
    };
    format!(
        "{}  {}  {}{}{}{}{}{}",
        cell(&complaint_label(c.id), 6),
        message("ui-severity-n", &[("n", c.severity.into())]),
        cell(&c.job.map(job_label).unwrap_or_default(), 10),
        cell(&c.plate, 11),
        cell(&c.owner, 14),
        cell(crate::present::labels::complaint_status(c.status, true), 13),
        cell(&next, 28),
        c.overdue
            .map(|o| format!("! {}  ", o.label().to_uppercase()))
            .unwrap_or_default()
            + &fit(&c.text, 60)
    )
}

fn step(ctx: &Ctx, s: ComplaintStep, to: ComplaintStatus) -> Result<()> {
    let id = parse_complaint(&s.id).map_err(|e| Refusal::unknown("complaint", &s.id, Some(e)))?;
    let c = ctx
        .open()?
        .step_complaint(ctx.who()?, id, to, s.note.as_deref())?;
    emit(
        ctx,
        &said(c, |c| {
            format!(
                "{} {}\n",
                complaint_label(c.id),
                crate::present::labels::complaint_status(c.status, true)
            )
        }),
    )
}

pub(crate) fn complaint(ctx: &Ctx, cmd: ComplaintCmd) -> Result<()> {
    match cmd {
        ComplaintCmd::New {
            job,
            plate,
            severity,
            text,
            owner,
        } => {
            let job = job.map(|j| parse_job_number(&j)).transpose()?;
            let c = ctx.open()?.new_complaint(
                ctx.who()?,
                job,
                plate.as_deref(),
                severity,
                &text,
                owner.as_deref(),
            )?;
            emit(ctx, &said(c, |c| format!("{}\n", complaint_label(c.id))))
        }
        ComplaintCmd::List { open } => {
            let list = ctx
                .open()?
                .store()
                .read(|c| store::complaints(c, Utc::now(), open))?;
            emit(ctx, &said(list, |l| each(l, complaint_line)))
        }
        ComplaintCmd::Ack(s) => step(ctx, s, ComplaintStatus::Acknowledged),
        ComplaintCmd::Resolve(s) => step(ctx, s, ComplaintStatus::Resolved),
        ComplaintCmd::Close(s) => step(ctx, s, ComplaintStatus::Closed),
    }
}

fn appt_id(s: &str) -> Result<i64> {
    parse_appt(s).map_err(|e| Refusal::unknown("appointment", s, Some(e)).into())
}

fn appt_line(a: &ApptRow) -> String {
    let tz = local_tz();
    format!(
        "{}  {}  {}{}{}{}{}",
        cell(&appt_label(a.id), 6),
        day_and_clock(a.at.with_timezone(&tz).naive_local()),
        cell(&a.plate, 11),
        cell(a.state.label(), 10),
        cell(&a.job.map(job_label).unwrap_or_default(), 10),
        cell(&a.hours.map(|h| format!("{h:.1} h")).unwrap_or_default(), 7),
        fit(&a.work, 50)
    )
}

/// A day's bookings and how full the workshop is.
struct Day {
    list: Vec<ApptRow>,
    load: Load,
}

impl Output for Day {
    fn text(&self) -> String {
        let l = &self.load;
        each(&self.list, appt_line)
            + &message(
                "ui-load-line",
                &[
                    ("booked", format!("{:.1}", l.booked).into()),
                    ("open", format!("{:.1}", l.open_sold).into()),
                    ("available", format!("{:.1}", l.available).into()),
                    ("percent", format!("{:.0}", l.ratio * 100.0).into()),
                ],
            )
            + "\n"
    }

    fn json(&self) -> impl Serialize {
        serde_json::json!({ "appointments": self.list, "load": self.load })
    }
}

/// A booking's time. One in the past is refused by the workshop, so no
/// warning here; a bare HH:MM is the next such time, and the day taken is
/// said.
fn appointment_time(at: &str) -> Result<chrono::DateTime<Utc>> {
    let now = chrono::Local::now();
    let when = crate::timeparse::parse_time(crate::domain::Field::Appointment, at, &now)?;
    if crate::timeparse::is_clock_only(at) {
        let local = when.with_timezone(&chrono::Local);
        let today = local.date_naive() == now.date_naive();
        let said = message(
            "ui-appt-taken-as",
            &[
                ("typed", at.trim().to_string().into()),
                ("at", day_and_clock(local.naive_local()).into()),
                ("today", if today { "yes" } else { "no" }.into()),
            ],
        );
        eprintln!("bayboard: {said}");
    }
    Ok(when)
}

/// The bookings of `day` (today if none) and the workshop's load that day.
fn bookings(ws: &Workshop, day: Option<String>) -> Result<Day> {
    let tz = chrono::Local;
    let date = match day {
        Some(d) => chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
            Refusal::invalid(
                crate::domain::Field::Appointment,
                crate::domain::Said::new("problem-not-a-day").text("text", &d),
            )
        })?,
        None => Utc::now().with_timezone(&tz).date_naive(),
    };
    let from = crate::present::local_midnight(
        date.and_hms_opt(12, 0, 0)
            .and_then(|t| t.and_local_timezone(tz).single())
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(Utc::now),
        &tz,
    );
    let to = from + chrono::Duration::days(1);
    let (list, load) = ws.store().read(|c| {
        Ok((
            store::appointments(c, from, to, Utc::now())?,
            crate::read::load::day_load(c, from, to, Utc::now())?,
        ))
    })?;
    Ok(Day { list, load })
}

pub(crate) fn appt(ctx: &Ctx, cmd: ApptCmd) -> Result<()> {
    let mut ws = ctx.open()?;
    match cmd {
        ApptCmd::New {
            plate,
            at,
            work,
            hours,
            customer,
            phone,
        } => {
            let at = Some(appointment_time(&at)?);
            let a = ws.book(
                ctx.who()?,
                &crate::workshop::NewApptInput {
                    plate,
                    at,
                    work,
                    hours,
                    customer,
                    phone,
                },
            )?;
            emit(ctx, &said(a, |a| format!("{}\n", appt_label(a.id))))
        }
        ApptCmd::List { day } => emit(ctx, &bookings(&ws, day)?),
        ApptCmd::NoShow { id } => close(ctx, &mut ws, &id, ApptStatus::NoShow, "no-show"),
        ApptCmd::Cancel { id } => close(ctx, &mut ws, &id, ApptStatus::Cancelled, "cancelled"),
    }
}

fn close(ctx: &Ctx, ws: &mut Workshop, id: &str, to: ApptStatus, word: &str) -> Result<()> {
    let a = ws.close_booking(ctx.who()?, appt_id(id)?, to)?;
    emit(ctx, &said(a, |a| format!("{} {word}\n", appt_label(a.id))))
}
