//! `bayboard job`: the dispatch of its subcommands, the listings, and the
//! steps through the lifecycle. Check-in is in `job_new`, money in
//! `job_money`.

use super::{job_money, job_new};
use crate::cli::args::{JobCmd, Step};
use crate::cli::output::{Output, emit, said};
use crate::cli::{Ctx, local_tz, show};
use crate::domain::JobStatus;
use crate::domain::handover::{OldParts, Payment};
use crate::domain::lifecycle::JobAction;
use crate::domain::numbers::parse_job_number;
use crate::error::Result;
use crate::store::{self, JobRow};
use crate::workshop::Workshop;
use chrono::Utc;

/// "J-000001 is now in progress (bay B1, Wang Wei)".
fn job_line(j: &JobRow) -> String {
    let mut where_ = Vec::new();
    if let Some(b) = &j.bay {
        where_.push(format!("bay {b}"));
    }
    if let Some(t) = &j.technician {
        where_.push(t.clone());
    }
    let tail = if where_.is_empty() {
        String::new()
    } else {
        format!(" ({})", where_.join(", "))
    };
    crate::text::fit(
        &format!("{} is now {}{tail}", j.label(), j.status.label()),
        200,
    )
}

/// A job after a step: the job as JSON, where it stands as text.
fn moved(j: &JobRow) -> impl Output + '_ {
    said(j, |j| format!("{}\n", job_line(j)))
}

pub(crate) fn job(ctx: &Ctx, cmd: JobCmd) -> Result<()> {
    match cmd {
        JobCmd::New(a) => job_new::new(ctx, a),
        JobCmd::List {
            statuses,
            all,
            limit,
        } => list(ctx, &statuses, all, limit),
        JobCmd::Show { job } => show(ctx, &job),
        JobCmd::Find { text, limit } => {
            let ws = ctx.open()?;
            let jobs = ws.store().read(|c| store::find_jobs(c, &text, limit))?;
            emit(
                ctx,
                &said(jobs, |jobs| show::job_list(jobs, Utc::now(), &local_tz())),
            )
        }
        JobCmd::Dispatch {
            job,
            bay,
            tech,
            seen,
        } => {
            let j = changed(ctx, &job, |ws, who, n| {
                ws.dispatch(who, n, &bay, &tech, seen.version)
            })?;
            emit(ctx, &moved(&j))
        }
        JobCmd::Reassign {
            job,
            bay,
            tech,
            seen,
        } => {
            let (bay, tech) = (bay.as_deref(), tech.as_deref());
            let j = changed(ctx, &job, |ws, who, n| {
                ws.reassign(who, n, bay, tech, seen.version)
            })?;
            emit(ctx, &moved(&j))
        }
        JobCmd::Start(s) => step(ctx, s, JobAction::Start),
        JobCmd::Pause(s) => step(ctx, s, JobAction::Pause),
        JobCmd::Resume(s) => step(ctx, s, JobAction::Resume),
        JobCmd::Finish {
            job,
            items,
            note,
            seen,
        } => super::qc::finish(ctx, &job, &items, note.as_deref(), seen.version),
        JobCmd::Release(s) => step(ctx, s, JobAction::Release),
        JobCmd::Deliver {
            job,
            paid,
            old_parts,
            next,
            seen,
        } => {
            let next = crate::workshop::NextService {
                on: next.next_service_on,
                km: next.next_service_km,
                wear: next.wear,
            };
            deliver(ctx, &job, (paid, old_parts), &next, seen.version)
        }
        JobCmd::Wash { job } => job_money::wash(ctx, &job),
        JobCmd::Handover { job, spot } => job_money::hand_over(ctx, &job, &spot),
        JobCmd::Promise { job, at, reason } => job_money::promise(ctx, &job, &at, &reason),
        JobCmd::Invoice { job } => job_money::invoice(ctx, &job),
        JobCmd::Adjust {
            job,
            amount,
            reason,
        } => job_money::adjust(ctx, &job, &amount, &reason),
        JobCmd::Priority {
            job,
            priority,
            seen,
        } => {
            let j = changed(ctx, &job, |ws, who, n| {
                ws.set_priority(who, n, priority, seen.version)
            })?;
            // Say what changed: the priority, then where the job stands.
            emit(
                ctx,
                &said(j, |j| {
                    let (p, s) = (j.priority, j.status.label());
                    format!("{} is now {p} priority ({s})\n", j.label())
                }),
            )
        }
        JobCmd::Cancel { job, reason, seen } => {
            let j = changed(ctx, &job, |ws, who, n| {
                ws.cancel(who, n, &reason, seen.version)
            })?;
            emit(ctx, &moved(&j))
        }
    }
}

fn list(ctx: &Ctx, statuses: &[JobStatus], all: bool, limit: i64) -> Result<()> {
    let ws = ctx.open()?;
    let jobs = ws.store().read(|c| {
        if !statuses.is_empty() {
            store::jobs_with_status(c, statuses, limit)
        } else if all {
            store::jobs_with_status(c, &JobStatus::ALL, limit)
        } else {
            store::open_jobs(c)
        }
    })?;
    emit(
        ctx,
        &said(jobs, |jobs| show::job_list(jobs, Utc::now(), &local_tz())),
    )
}

fn show(ctx: &Ctx, job: &str) -> Result<()> {
    let n = parse_job_number(job)?;
    let ws = ctx.open()?;
    let detail = crate::read::detail::load_detail(ws.store(), n, Utc::now())?;
    emit(
        ctx,
        &said(detail, |d| {
            crate::present::detail_text(d, Utc::now(), &local_tz(), 200)
        }),
    )
}

/// One change to job `job` by the acting person, who is asked for once
/// the workshop is open.
fn changed(
    ctx: &Ctx,
    job: &str,
    change: impl FnOnce(&mut Workshop, &str, i64) -> Result<JobRow>,
) -> Result<JobRow> {
    let n = parse_job_number(job)?;
    change(&mut ctx.open()?, ctx.who()?, n)
}

fn step(ctx: &Ctx, s: Step, action: JobAction) -> Result<()> {
    let j = changed(ctx, &s.job, |ws, who, n| {
        ws.act(who, n, action, s.note.as_deref(), s.seen.version)
    })?;
    emit(ctx, &moved(&j))
}

fn deliver(
    ctx: &Ctx,
    job: &str,
    (paid, old_parts): (Option<Payment>, Option<OldParts>),
    next: &crate::workshop::NextService,
    seen: Option<i64>,
) -> Result<()> {
    let n = parse_job_number(job)?;
    let mut ws = ctx.open()?;
    let j = ws.deliver(ctx.who()?, n, paid, old_parts, next, seen)?;
    // Not rules, but what a hand-over usually includes: said on stderr so
    // the advisor notices.
    let d = crate::read::detail::load_detail(ws.store(), n, Utc::now())?;
    let asked = d.walkaround.as_ref().is_some_and(|w| w.return_old_parts);
    let washed = d.handover.washed_at.is_some();
    for note in crate::domain::handover::notes(&j.label(), washed, asked, old_parts, paid, true) {
        eprintln!("bayboard: {}", crate::present::words::say(&note));
    }
    emit(ctx, &moved(&j))
}
