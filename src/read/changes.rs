//! What changed since a board was read, from the event log: every write
//! appends its events in the same transaction, so the events after the
//! last one a board read say which parts of the board, and which jobs, to
//! read again (issue 25). A kind not listed here reads the whole board, so
//! a new kind is never missed, only slower until it is listed.

use crate::domain::JobStatus;
use crate::error::Result;
use crate::store;
use std::collections::BTreeSet;

/// Parts of the board, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts(u16);

impl Parts {
    pub const NONE: Parts = Parts(0);
    /// Every open job (a job's own events re-read only that job).
    pub const JOBS: Parts = Parts(1);
    /// The shop's name, currency, rate, printers and bays.
    pub const SHOP: Parts = Parts(1 << 1);
    pub const TECHS: Parts = Parts(1 << 2);
    pub const PARTS: Parts = Parts(1 << 3);
    pub const APPROVALS: Parts = Parts(1 << 4);
    pub const COMPLAINTS: Parts = Parts(1 << 5);
    /// Today's bookings and the load of today and the days ahead.
    pub const BOOKINGS: Parts = Parts(1 << 6);
    /// Follow-ups, calls to return, promises moved today.
    pub const CALLS: Parts = Parts(1 << 7);
    pub const SERVICE: Parts = Parts(1 << 8);
    pub const WARRANTY: Parts = Parts(1 << 9);
    pub const ALL: Parts = Parts((1 << 10) - 1);

    pub const fn or(self, other: Parts) -> Parts {
        Parts(self.0 | other.0)
    }

    pub fn has(self, p: Parts) -> bool {
        self.0 & p.0 == p.0
    }
}

/// What a board reads again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub parts: Parts,
    /// The jobs whose rows to read again (when not every job is).
    pub jobs: BTreeSet<i64>,
    /// The newest event this read covers.
    pub upto: i64,
}

/// More events than this since the last read: reading the whole board is
/// as quick as sorting them out.
const AT_MOST: i64 = 64;

impl Changed {
    pub fn everything(c: &rusqlite::Connection) -> Result<Changed> {
        Ok(Changed {
            parts: Parts::ALL,
            jobs: BTreeSet::new(),
            upto: store::last_event(c)?,
        })
    }

    /// The events after `seen`. None (the database changed without an
    /// event: a tool, a migration) or too many read everything.
    pub fn since(c: &rusqlite::Connection, seen: i64) -> Result<Changed> {
        let events = store::events_after(c, seen, AT_MOST + 1)?;
        if events.is_empty() || events.len() as i64 > AT_MOST {
            return Changed::everything(c);
        }
        let mut out = Changed {
            parts: Parts::NONE,
            jobs: BTreeSet::new(),
            upto: seen,
        };
        for e in events {
            out.upto = e.id;
            match (event_parts(&e), e.job) {
                (Some(parts), Some(job)) => {
                    out.parts = out.parts.or(parts);
                    out.jobs.insert(job);
                }
                (Some(parts), None) => out.parts = out.parts.or(parts),
                (None, _) => out.parts = Parts::ALL,
            }
        }
        Ok(out)
    }
}

/// What one event touches besides its job's row. A job that moved to
/// another open state changes the technicians (clocks, cars on the floor)
/// and the found work beside it; a new job or a closed one (check-in,
/// delivery, cancelling) any part, as does a kind `touched` does not list.
fn event_parts(e: &store::EventSeen) -> Option<Parts> {
    let moved = match (&e.from, &e.to) {
        (Some(from), Some(to)) if from != to => Some(to.parse::<JobStatus>().ok()?),
        (None, Some(_)) => return None,
        _ => None,
    };
    match moved {
        Some(to) if !to.is_open() => None,
        Some(_) => Some(
            touched(&e.kind)
                .unwrap_or(Parts::NONE)
                .or(Parts::TECHS)
                .or(Parts::APPROVALS),
        ),
        None => touched(&e.kind),
    }
}

/// The parts of the board an event of `kind` can change besides its own
/// job's row and its move to another state; None: any part (set-up, a
/// kind not listed).
pub fn touched(kind: &str) -> Option<Parts> {
    use Parts as P;
    // The hours sold today, today's load and the warranty desk follow the
    // lines.
    let lines = P::APPROVALS.or(P::TECHS).or(P::BOOKINGS).or(P::WARRANTY);
    Some(match kind {
        "priority" | "printed" | "washed" | "adjusted" | "handed_over_inside" => P::NONE,
        // Another bay or technician, or none, without another state.
        "reassigned" | "released" => P::TECHS,
        "parts_logged" | "parts_ordered" | "parts_received" | "parts_resolved"
        | "parts_cancelled" => P::PARTS,
        "line_added" | "line_approved" | "line_declined" | "line_done" | "line_reopened"
        | "line_priced" | "line_off_list" => lines,
        "promise_moved" | "call_logged" | "call_closed" | "followup_reached"
        | "followup_missed" => P::CALLS,
        "complaint_opened"
        | "complaint_acknowledged"
        | "complaint_resolved"
        | "complaint_closed" => P::COMPLAINTS.or(P::CALLS),
        "appt_booked" | "appt_no_show" | "appt_cancelled" => P::BOOKINGS,
        "next_service_set" | "reminder_called" => P::SERVICE,
        "claim_opened" | "claim_updated" => P::WARRANTY,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_not_listed_reads_the_whole_board() {
        assert_eq!(touched("staff_added"), None);
        assert_eq!(touched("a kind of tomorrow"), None);
        assert_eq!(touched("priority"), Some(Parts::NONE));
        assert!(touched("parts_logged").unwrap().has(Parts::PARTS));
        assert_eq!(touched("started"), None);
        assert!(Parts::ALL.has(Parts::WARRANTY) && !Parts::NONE.has(Parts::SHOP));
    }
}
