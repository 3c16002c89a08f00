//! Each write the board makes, one file each: it calls the operations
//! layer and says in words what happened (the flash line).

use super::msg::Write;
use crate::error::Error;
use crate::workshop::Workshop;

mod act;
mod cancel;
mod check_in;
mod claim;
mod complaint;
mod deliver;
mod dispatch;
mod followup;
mod inspect;
mod line_add;
mod line_decide;
mod line_mark;
mod no_show;
mod parts_log;
mod parts_update;
mod print;
mod priority;
mod reassign;

/// One write, and the words that tell the person what happened.
pub fn write(ws: &mut Workshop, who: &str, w: Write) -> Result<String, Error> {
    match w {
        Write::Deliver {
            job,
            version,
            paid,
            old_parts,
            next,
            gate_pass,
        } => deliver::run(ws, who, (job, version), (paid, old_parts), &next, gate_pass),
        Write::Wash { job } => deliver::wash(ws, who, job),
        Write::LogCall { job, due, about } => followup::log_call(ws, who, job, due, about),
        Write::CloseCall { id, note } => followup::close_call(ws, who, id, &note),
        Write::HandOverInside { job, spot } => {
            let j = ws.hand_over_inside(who, job, &spot)?;
            Ok(crate::present::words::message(
                "done-handed-over-inside",
                &[
                    ("job", j.label().into()),
                    ("spot", j.parking_spot.unwrap_or_default().into()),
                ],
            ))
        }
        Write::Promise { job, at, reason } => {
            let j = ws.promise(who, job, at, &reason)?;
            Ok(format!(
                "{}{}",
                j.label(),
                crate::present::promised_text(at, ws.now())
            ))
        }
        Write::Print { job, doc, printer } => print::run(ws, who, job, doc, printer),
        Write::Act {
            job,
            version,
            action,
        } => act::run(ws, who, job, version, action),
        Write::Dispatch {
            job,
            version,
            bay,
            tech,
        } => dispatch::run(ws, who, job, version, bay, tech),
        Write::Reassign {
            job,
            version,
            bay,
            tech,
        } => reassign::run(ws, who, job, version, bay, tech),
        Write::Priority {
            job,
            version,
            priority,
        } => priority::run(ws, who, job, version, priority),
        Write::NoShow { appt } => no_show::run(ws, who, appt),
        Write::Followup {
            job,
            reached,
            score,
            note,
        } => followup::run(ws, who, job, reached, score, note),
        Write::NewClaim { job, input } => claim::open(ws, who, job, &input),
        Write::ClaimStep {
            claim,
            to,
            number,
            note,
        } => claim::step(ws, who, claim, to, (number, note)),
        Write::Remind { job, reached, note } => followup::remind(ws, who, job, reached, note),
        Write::Complaint { id, to, note } => complaint::run(ws, who, id, to, note),
        Write::Cancel {
            job,
            version,
            reason,
        } => cancel::run(ws, who, job, version, reason),
        Write::NewJob(input) => check_in::run(ws, who, input),
        Write::AddLine {
            job,
            version,
            input,
        } => line_add::run(ws, who, job, version, input),
        Write::DecideLine {
            line,
            approve,
            customer,
            via,
            note,
        } => line_decide::run(ws, who, line, approve, customer, via, note),
        Write::MarkLine { line, done } => line_mark::run(ws, who, line, done),
        Write::LogParts {
            job,
            version,
            input,
        } => parts_log::run(ws, who, job, version, input),
        Write::UpdateParts { issue, to, eta } => parts_update::run(ws, who, issue, to, eta),
        Write::Inspect {
            level,
            job,
            version,
            verdict,
            inspection,
        } => inspect::run(ws, who, level, job, version, verdict, inspection),
    }
}
