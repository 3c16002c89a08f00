//! Runs an effect through the operations layer (or a read of the store)
//! and turns its result into a message for `update`.

use super::model::Model;
use super::msg::{Effect, Msg, Snapshot, Write};
use crate::domain::{JobAction, PartStatus, job_label, parts_label};
use crate::error::{Error, Result};
use crate::workshop::Workshop;

pub fn run(ws: &mut Workshop, m: &Model, e: Effect) -> Msg {
    match e {
        Effect::Reload | Effect::ReloadOutside => match reload(ws, m, e == Effect::ReloadOutside) {
            Ok(s) => Msg::Loaded(Box::new(s)),
            Err(e) => Msg::LoadFailed(e.to_string()),
        },
        Effect::LogOut => {
            ws.log_out();
            run(ws, m, Effect::Reload)
        }
        Effect::LoadJob(slot, n) => Msg::JobLoaded(
            slot,
            crate::detail::load_detail(ws.store(), n)
                .map(Box::new)
                .map_err(|e| e.to_string()),
        ),
        Effect::CheckInspect { job, version } => Msg::InspectChecked {
            job,
            version,
            result: ws
                .check_action(&m.who(), job, JobAction::PassQc)
                .and_then(|()| ws.store().read(|c| crate::store::lines_for_job(c, job)))
                .map_err(|e| e.to_string()),
        },
        Effect::LogIn { name, pin } => Msg::LoggedIn(match ws.log_in(&name, pin.as_deref()) {
            Ok(Some(actor)) => Ok(actor),
            Ok(None) => Err(format!("{name} is no longer on the staff list")),
            Err(e) => Err(e.to_string()),
        }),
        Effect::Figures(span) => Msg::Figures(
            span,
            crate::figures::compute(ws.store(), span, &m.dash.zone, m.now, &mut |_, _| {})
                .map(Box::new)
                .map_err(|e| e.to_string()),
        ),
        Effect::Write(w) => Msg::Written(write(ws, &m.who(), w)),
    }
}

/// Reads the database version first, then the board: the board is at
/// least as new as the version recorded, so a commit is never skipped.
fn reload(ws: &Workshop, m: &Model, outside: bool) -> Result<Snapshot> {
    let version = ws.store().data_version()?;
    let day_start = crate::present::local_midnight(m.now, &m.tz);
    let board = crate::board::load(ws.store(), m.now, day_start)?;
    // Staff matter to the login screen only; a board logged in does not
    // re-read them on every change.
    let staff = match m.user {
        None => Some(ws.store().read(crate::store::staff_list)?),
        Some(_) => None,
    };
    Ok(Snapshot {
        version,
        outside,
        board,
        staff,
    })
}

/// One write, and the words that tell the person what happened.
fn write(ws: &mut Workshop, who: &str, w: Write) -> Result<String, Error> {
    match w {
        Write::Act {
            job,
            version,
            action,
        } => {
            let j = ws.act(who, job, action, None, Some(version))?;
            let what = match action {
                JobAction::Start => "started",
                JobAction::Resume => "resumed",
                JobAction::Pause => "paused",
                JobAction::Finish => "self-check done: ready for QC",
                JobAction::Release => "bay released — `a` gives it a bay again",
                JobAction::Deliver => "delivered",
                other => other.name(),
            };
            Ok(format!("{} {what}", j.label()))
        }
        Write::Dispatch {
            job,
            version,
            bay,
            tech,
        } => {
            let j = ws.dispatch(who, job, &bay, &tech, Some(version))?;
            Ok(format!("{} dispatched to {bay} · {tech}", j.label()))
        }
        Write::Reassign {
            job,
            version,
            bay,
            tech,
        } => {
            let j = ws.reassign(who, job, bay.as_deref(), tech.as_deref(), Some(version))?;
            Ok(format!(
                "{} reassigned to {} · {}",
                j.label(),
                j.bay.as_deref().unwrap_or("—"),
                j.technician.as_deref().unwrap_or("—")
            ))
        }
        Write::Priority {
            job,
            version,
            priority,
        } => {
            let j = ws.set_priority(who, job, priority, Some(version))?;
            Ok(format!("{} is now {}", j.label(), j.priority))
        }
        Write::NoShow { appt } => {
            let a = ws.close_booking(who, appt, crate::domain::appointments::ApptStatus::NoShow)?;
            Ok(format!(
                "{} {} recorded as a no-show",
                crate::domain::appointments::appt_label(a.id),
                a.plate
            ))
        }
        Write::Followup {
            job,
            reached,
            score,
            note,
        } => {
            let (f, complaint) = ws.log_followup(who, job, reached, score, note.as_deref())?;
            let mut text = if reached {
                format!("{} follow-up: reached", job_label(job))
            } else {
                format!(
                    "{} follow-up: not reached ({} of {} tries){}",
                    job_label(job),
                    f.misses,
                    crate::domain::aftersales::MISSES,
                    if f.state == crate::domain::aftersales::FollowupState::Unreachable {
                        ": unreachable"
                    } else {
                        ""
                    }
                )
            };
            if let Some(c) = complaint {
                text.push_str(&format!(
                    "; {} opened (severity 2)",
                    crate::domain::aftersales::complaint_label(c)
                ));
            }
            Ok(text)
        }
        Write::Complaint { id, to } => {
            let c = ws.step_complaint(who, id, to, None)?;
            Ok(format!(
                "{} {}",
                crate::domain::aftersales::complaint_label(c.id),
                c.status
            ))
        }
        Write::Cancel {
            job,
            version,
            reason,
        } => {
            let j = ws.cancel(who, job, &reason, Some(version))?;
            Ok(format!("{} cancelled", j.label()))
        }
        Write::NewJob(input) => {
            let j = ws.new_job(who, &input)?;
            // What the customer declined last time, while they are here.
            let declined = ws
                .store()
                .read(|c| crate::store::declined_for_plate(c, &j.plate, Some(j.id)))?;
            let mut text = match input.appointment {
                Some(a) => format!(
                    "{} arrived: {} {} is waiting in the queue",
                    crate::domain::appointments::appt_label(a),
                    j.label(),
                    j.plate
                ),
                None => format!(
                    "{} checked in: {} — waiting for dispatch",
                    j.label(),
                    j.plate
                ),
            };
            // Back within the comeback window: said at once, so the advisor
            // can tell the foreman who worked on it last time.
            if let Some(of) = j.comeback_of {
                text.push_str(&format!(" · a comeback of {}", job_label(of)));
            }
            if let Some(d) = declined.first() {
                let tz = crate::present::local_tz();
                text.push_str(&format!(" · {}", crate::present::declined_text(d, &tz)));
                if declined.len() > 1 {
                    text.push_str(&format!(" (+{} more, see details)", declined.len() - 1));
                }
            }
            Ok(text)
        }
        Write::AddLine {
            job,
            version,
            input,
        } => {
            let l = ws.add_line(who, job, &input, Some(version))?;
            let j = ws.store().read(|c| crate::store::job(c, job))?;
            let held = j.is_some_and(|j| j.status == crate::domain::JobStatus::WaitingApproval);
            Ok(format!(
                "{} {} added to {}{}",
                l.label(),
                l.work,
                job_label(job),
                if held {
                    " — the job waits for the customer's decision"
                } else {
                    " — the advisor asks the customer"
                }
            ))
        }
        Write::DecideLine {
            line,
            approve,
            customer,
            via,
            note,
        } => {
            let l = ws.decide_line(who, line, approve, &customer, via, note.as_deref())?;
            let j = ws.store().read(|c| crate::store::job(c, l.job))?;
            Ok(format!(
                "{} {} {} by {customer}; {} is {}",
                l.label(),
                l.work,
                if approve { "approved" } else { "declined" },
                job_label(l.job),
                j.map(|j| crate::present::status_text(j.status))
                    .unwrap_or_default()
            ))
        }
        Write::MarkLine { line, done } => {
            let l = ws.mark_line(who, line, done)?;
            Ok(format!(
                "{} {} {}",
                l.label(),
                l.work,
                if done {
                    "done — space again to reopen"
                } else {
                    "reopened"
                }
            ))
        }
        Write::LogParts {
            job,
            version,
            input,
        } => {
            let p = ws.log_parts(who, job, &input, Some(version))?;
            Ok(format!(
                "{} logged on {}{}",
                parts_label(p.id),
                job_label(p.job),
                if p.blocking {
                    " — job waits for parts"
                } else {
                    ""
                }
            ))
        }
        Write::UpdateParts { issue, to, eta } => {
            let p = ws.update_parts(who, issue, to, eta, None)?;
            Ok(match to {
                PartStatus::Ordered => format!("{} ordered", parts_label(p.id)),
                PartStatus::Cancelled => format!("{} cancelled", parts_label(p.id)),
                _ => format!("{} {} is now {}", parts_label(p.id), p.part, p.status),
            })
        }
        Write::Inspect {
            job,
            version,
            verdict,
            inspection,
        } => {
            let r = ws.inspect(who, job, verdict, &inspection, Some(version))?;
            Ok(if r.passed {
                format!(
                    "{} passed QC — bay freed, ready for delivery",
                    r.job.label()
                )
            } else {
                let failed: Vec<String> = r
                    .failed
                    .iter()
                    .map(|id| crate::present::labels::qc_item(id))
                    .collect();
                format!(
                    "{} sent back for rework: {}",
                    r.job.label(),
                    failed.join("; ")
                )
            })
        }
    }
}
