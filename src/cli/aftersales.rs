//! `followup` and `complaint`.

use super::{Ctx, local_tz, print_json};
use crate::cli::args::{ApptCmd, ComplaintCmd, ComplaintStep, FollowupCmd};
use crate::domain::aftersales::{ComplaintStatus, complaint_label, parse_complaint};
use crate::domain::appointments::{ApptStatus, appt_label, parse_appt};
use crate::domain::numbers::parse_job_number;
use crate::domain::{Refusal, job_label};
use crate::error::Result;
use crate::store::{self, ComplaintRow, FollowupRow};
use crate::text::{cell, fit};
use chrono::Utc;

fn followup_line(f: &FollowupRow) -> String {
    let tz = local_tz();
    format!(
        "{}  {}{}{}due {}  {}{}",
        job_label(f.job),
        cell(&f.plate, 11),
        cell(f.customer.as_deref().unwrap_or("—"), 16),
        cell(f.phone.as_deref().unwrap_or(""), 18),
        f.due_at.with_timezone(&tz).format("%a %d %b"),
        f.state.label(),
        if f.misses > 0 {
            format!(" ({} missed)", f.misses)
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
            if ctx.json {
                return print_json(&list);
            }
            for f in &list {
                println!("{}", followup_line(f));
            }
            Ok(())
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
                eprintln!(
                    "bayboard: opened {} (severity 2) about {}: satisfaction {}/5",
                    complaint_label(c),
                    job_label(n),
                    score.unwrap_or(0)
                );
            }
            if ctx.json {
                print_json(&serde_json::json!({
                    "followup": f,
                    "complaint": complaint.map(complaint_label),
                }))
            } else {
                println!("{}", followup_line(&f));
                Ok(())
            }
        }
    }
}

fn complaint_line(c: &ComplaintRow) -> String {
    let tz = local_tz();
    let when = |t: chrono::DateTime<Utc>| t.with_timezone(&tz).format("%d %b %H:%M").to_string();
    let next = match c.status {
        ComplaintStatus::Open => format!("respond by {}", when(c.respond_by)),
        ComplaintStatus::Acknowledged => format!("resolve by {}", when(c.resolve_by)),
        _ => String::new(),
    };
    format!(
        "{}  sev {}  {}{}{}{}{}{}",
        cell(&complaint_label(c.id), 6),
        c.severity,
        cell(&c.job.map(job_label).unwrap_or_default(), 10),
        cell(&c.plate, 11),
        cell(&c.owner, 14),
        cell(c.status.as_str(), 13),
        cell(&next, 25),
        c.overdue
            .map(|o| format!("! {}  ", o.to_uppercase()))
            .unwrap_or_default()
            + &fit(&c.text, 60)
    )
}

fn step(ctx: &Ctx, s: ComplaintStep, to: ComplaintStatus) -> Result<()> {
    let id = parse_complaint(&s.id).map_err(|e| Refusal::unknown("complaint", &s.id, e))?;
    let c = ctx
        .open()?
        .step_complaint(ctx.who()?, id, to, s.note.as_deref())?;
    if ctx.json {
        print_json(&c)
    } else {
        println!("{} {}", complaint_label(c.id), c.status);
        Ok(())
    }
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
            if ctx.json {
                print_json(&c)
            } else {
                println!("{}", complaint_label(c.id));
                Ok(())
            }
        }
        ComplaintCmd::List { open } => {
            let list = ctx
                .open()?
                .store()
                .read(|c| store::complaints(c, Utc::now(), open))?;
            if ctx.json {
                return print_json(&list);
            }
            for c in &list {
                println!("{}", complaint_line(c));
            }
            Ok(())
        }
        ComplaintCmd::Ack(s) => step(ctx, s, ComplaintStatus::Acknowledged),
        ComplaintCmd::Resolve(s) => step(ctx, s, ComplaintStatus::Resolved),
        ComplaintCmd::Close(s) => step(ctx, s, ComplaintStatus::Closed),
    }
}

fn appt_id(s: &str) -> Result<i64> {
    parse_appt(s).map_err(|e| Refusal::unknown("appointment", s, e).into())
}

fn appt_line(a: &store::ApptRow) -> String {
    let tz = local_tz();
    format!(
        "{}  {}  {}{}{}{}{}",
        cell(&appt_label(a.id), 6),
        a.at.with_timezone(&tz).format("%a %d %b %H:%M"),
        cell(&a.plate, 11),
        cell(a.state.label(), 10),
        cell(&a.job.map(job_label).unwrap_or_default(), 10),
        cell(&a.hours.map(|h| format!("{h:.1} h")).unwrap_or_default(), 7),
        fit(&a.work, 50)
    )
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
            // A booking in the past is refused by the workshop, so no
            // warning here; a bare HH:MM is the next such time, and the
            // day taken is said.
            let now = chrono::Local::now();
            let when = crate::timeparse::parse_time(crate::domain::Field::Appointment, &at, &now)?;
            if crate::timeparse::is_clock_only(&at) {
                let local = when.with_timezone(&chrono::Local);
                let day = if local.date_naive() == now.date_naive() {
                    "today"
                } else {
                    "tomorrow"
                };
                eprintln!(
                    "bayboard: appointment {} taken as {} ({day})",
                    at.trim(),
                    local.format("%a %d %b %H:%M")
                );
            }
            let at = Some(when);
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
            if ctx.json {
                print_json(&a)
            } else {
                println!("{}", appt_label(a.id));
                Ok(())
            }
        }
        ApptCmd::List { day } => {
            let tz = chrono::Local;
            let date = match day {
                Some(d) => {
                    chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").map_err(|_| {
                        Refusal::invalid(
                            crate::domain::Field::Appointment,
                            format!("'{d}' is not a day; write 2026-11-24"),
                        )
                    })?
                }
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
                    crate::load::day_load(c, from, to, Utc::now())?,
                ))
            })?;
            if ctx.json {
                return print_json(&serde_json::json!({ "appointments": list, "load": load }));
            }
            for a in &list {
                println!("{}", appt_line(a));
            }
            println!(
                "load {:.1} h booked + {:.1} h open sold of {:.1} h available ({:.0} %)",
                load.booked,
                load.open_sold,
                load.available,
                load.ratio * 100.0
            );
            Ok(())
        }
        ApptCmd::NoShow { id } => {
            let a = ws.close_booking(ctx.who()?, appt_id(&id)?, ApptStatus::NoShow)?;
            if ctx.json {
                return print_json(&a);
            }
            println!("{} no-show", appt_label(a.id));
            Ok(())
        }
        ApptCmd::Cancel { id } => {
            let a = ws.close_booking(ctx.who()?, appt_id(&id)?, ApptStatus::Cancelled)?;
            if ctx.json {
                return print_json(&a);
            }
            println!("{} cancelled", appt_label(a.id));
            Ok(())
        }
    }
}
