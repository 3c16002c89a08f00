//! The board snapshot: everything one look at the workshop shows, read in one
//! transaction. The CLI prints it; the TUI draws it.

use super::changes::{Changed, Parts};
use crate::domain::JobStatus;
use crate::error::Result;
use crate::store::{self, ApprovalRow, BayRow, JobRow, PartsRow, Store, TechRow};
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct BayLine {
    pub name: String,
    pub kind: crate::domain::BayKind,
    pub active: bool,
    pub job: Option<JobRow>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Board {
    pub shop: String,
    /// The shop's currency (ISO 4217) and labour rate in minor units per hour.
    pub currency: String,
    pub labour_rate: i64,
    /// The shop's printers, the default first (none: CUPS's default).
    pub printers: Vec<String>,
    pub at: DateTime<Utc>,
    pub bays: Vec<BayLine>,
    /// Waiting jobs: priority first, then promised time, then check-in order.
    pub queue: Vec<JobRow>,
    /// Open jobs that have no bay and are not waiting or past QC (a released
    /// bay, e.g. the car went to the lot while waiting for parts).
    pub parked: Vec<JobRow>,
    pub technicians: Vec<TechRow>,
    /// Open parts issues: blocking first, oldest first.
    pub parts: Vec<PartsRow>,
    /// Ready for QC: by priority, then longest waiting first.
    pub qc: Vec<JobRow>,
    /// Passed QC, waiting for delivery.
    pub ready: Vec<JobRow>,
    /// Found work waiting for a customer's decision, safety first.
    pub approvals: Vec<ApprovalRow>,
    /// Parts of the board that could not be read (a malformed value written
    /// outside bayboard): shown empty and named, the rest of the board stays.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<String>,
    /// Complaints past a deadline, the most urgent first.
    pub complaints_overdue: Vec<store::ComplaintRow>,
    /// Today's bookings in time order, and today's load.
    pub today: Vec<store::ApptRow>,
    pub load: crate::read::load::Load,
    /// The load of the next three days: (local midnight, load).
    pub ahead: Vec<(DateTime<Utc>, crate::read::load::Load)>,
    /// Follow-up calls due now, soonest first.
    pub followups: Vec<store::FollowupRow>,
    /// Calls to return: customers' calls and second follow-up calls.
    pub calls: Vec<store::CallRow>,
    /// Promises moved today, for the advisor to tell the customers.
    pub promises_moved: Vec<store::PromiseMoved>,
    /// Complaints not yet closed, by their next deadline.
    pub complaints: Vec<store::ComplaintRow>,
    /// Cars whose next service falls due within a week, not yet reminded.
    pub service_due: Vec<store::DueRow>,
    /// The warranty desk: jobs whose warranty lines wait for a claim, and
    /// the claims not yet paid.
    pub to_claim: Vec<store::ToClaim>,
    pub claims: Vec<store::ClaimRow>,
    /// Every open job, in job order: the lists above are views of it, kept
    /// so a reload re-reads only the jobs that changed.
    #[serde(skip)]
    pub open: Vec<JobRow>,
    #[serde(skip)]
    pub bay_rows: Vec<BayRow>,
    /// The last event read into this board (none: read it whole next time),
    /// and the local midnight its "today" began at.
    #[serde(skip)]
    pub events_seen: Option<i64>,
    #[serde(skip)]
    pub day_start: DateTime<Utc>,
}

/// A part of the board, or nothing and its name in `unreadable`.
fn part<T: Default>(what: &str, r: Result<T>, unreadable: &mut Vec<String>) -> T {
    r.unwrap_or_else(|e| {
        unreadable.push(format!("{what} ({e})"));
        T::default()
    })
}

/// The load of the three days after today.
fn days_ahead(
    c: &rusqlite::Connection,
    day_start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<(DateTime<Utc>, crate::read::load::Load)>> {
    (1..=3)
        .map(|d| {
            let from = day_start + chrono::Duration::days(d);
            crate::read::load::day_load(c, from, from + chrono::Duration::days(1), now)
                .map(|l| (from, l))
        })
        .collect()
}

/// Loads the whole board as of `now`; `day_start` is local midnight for
/// "hours today".
pub fn load(store: &Store, now: DateTime<Utc>, day_start: DateTime<Utc>) -> Result<Board> {
    store.read(|c| {
        let mut b = Board::default();
        fill(c, &mut b, &Changed::everything(c)?, now, day_start)?;
        Ok(b)
    })
}

/// The board `prev` brought up to date: only the parts that the events
/// since it was read touched are read again (issue 25), the rest is kept.
/// A new day, a part that could not be read, or a change the event log does
/// not explain reads the whole board.
pub fn refresh(
    store: &Store,
    prev: &Board,
    now: DateTime<Utc>,
    day_start: DateTime<Utc>,
) -> Result<Board> {
    store.read(|c| {
        let changed = match prev.events_seen {
            Some(seen) if prev.day_start == day_start && prev.unreadable.is_empty() => {
                Changed::since(c, seen)?
            }
            _ => Changed::everything(c)?,
        };
        let mut b = if changed.parts == Parts::ALL {
            Board::default()
        } else {
            prev.clone()
        };
        fill(c, &mut b, &changed, now, day_start)?;
        Ok(b)
    })
}

/// Reads the parts of the board that `changed` names into `b`.
fn fill(
    c: &rusqlite::Connection,
    b: &mut Board,
    changed: &Changed,
    now: DateTime<Utc>,
    day_start: DateTime<Utc>,
) -> Result<()> {
    let has = |p: Parts| changed.parts.has(p);
    let mut unreadable = std::mem::take(&mut b.unreadable);
    let day_end = day_start + chrono::Duration::days(1);
    b.at = now;
    b.day_start = day_start;
    b.events_seen = Some(changed.upto);
    if has(Parts::SHOP) {
        let settings = store::shop_settings(c)?;
        (b.shop, b.currency, b.labour_rate) =
            (settings.name, settings.currency, settings.labour_rate);
        b.printers = store::shop_printers(c)?;
        b.bay_rows = store::bay_list(c)?;
    }
    let jobs_moved = has(Parts::JOBS) || !changed.jobs.is_empty();
    if has(Parts::JOBS) {
        b.open = open_jobs(c, now, &mut unreadable)?;
    } else {
        for &id in &changed.jobs {
            reread_job(c, &mut b.open, id, now)?;
        }
    }
    if jobs_moved || has(Parts::SHOP) {
        arrange(c, b, changed)?;
    }
    if has(Parts::TECHS) {
        b.technicians = part(
            "technicians",
            store::technicians(c, day_start, now),
            &mut unreadable,
        );
    }
    if has(Parts::PARTS) {
        b.parts = part("parts", store::parts_list(c, true, 500), &mut unreadable);
    }
    if has(Parts::APPROVALS) {
        b.approvals = part("approvals", store::approvals(c), &mut unreadable);
    }
    if has(Parts::COMPLAINTS) {
        b.complaints = part(
            "complaints",
            store::complaints_not_closed(c, now),
            &mut unreadable,
        );
        b.complaints_overdue = b
            .complaints
            .iter()
            .filter(|c| c.overdue.is_some())
            .cloned()
            .collect();
    }
    if has(Parts::BOOKINGS) {
        b.today = part(
            "appointments",
            store::appointments(c, day_start, day_end, now),
            &mut unreadable,
        );
        b.load = crate::read::load::day_load(c, day_start, day_end, now)?;
        b.ahead = days_ahead(c, day_start, now)?;
    }
    if has(Parts::CALLS) {
        b.calls = part("calls", store::open_calls(c), &mut unreadable);
        b.promises_moved = part(
            "promises moved",
            store::promises_moved(c, day_start),
            &mut unreadable,
        );
        b.followups = part(
            "follow-ups",
            store::open_followups(c, now, true),
            &mut unreadable,
        );
    }
    if has(Parts::SERVICE) {
        b.service_due = due_this_week(c, day_start, &mut unreadable);
    }
    if has(Parts::WARRANTY) {
        b.to_claim = part("jobs to claim", store::jobs_to_claim(c), &mut unreadable);
        b.claims = part("claims", store::unpaid_claims(c), &mut unreadable);
    }
    b.unreadable = unreadable;
    Ok(())
}

/// Every open job with its clocked hours (a bad time entry leaves them at
/// zero and is named).
fn open_jobs(
    c: &rusqlite::Connection,
    now: DateTime<Utc>,
    unreadable: &mut Vec<String>,
) -> Result<Vec<JobRow>> {
    let jobs = store::open_jobs(c)?;
    Ok(match store::with_clocked(c, jobs.clone(), now) {
        Ok(j) => j,
        Err(e) => {
            unreadable.push(format!("clocked hours ({e})"));
            jobs
        }
    })
}

/// One job read again into the open list, kept in job order; a job that
/// closed leaves it.
fn reread_job(
    c: &rusqlite::Connection,
    open: &mut Vec<JobRow>,
    id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let at = open.binary_search_by_key(&id, |j| j.id);
    match (store::job(c, id)?, at) {
        (Some(mut j), at) if j.closed_at.is_none() => {
            j.clocked_hours = store::clocked_hours(c, id, now)?;
            match at {
                Ok(i) => open[i] = j,
                Err(i) => open.insert(i, j),
            }
        }
        (_, Ok(i)) => {
            open.remove(i);
        }
        (_, Err(_)) => {}
    }
    Ok(())
}

/// The bays, the queue, the parked cars, the inspectors' queue and the
/// cars ready to go, from the open jobs. A ready car's hand-over facts are
/// read again only when its job changed.
fn arrange(c: &rusqlite::Connection, b: &mut Board, changed: &Changed) -> Result<()> {
    let open = &b.open;
    b.bays = b
        .bay_rows
        .iter()
        .map(|bay| BayLine {
            job: open.iter().find(|j| j.bay_id == Some(bay.id)).cloned(),
            name: bay.name.clone(),
            kind: bay.kind,
            active: bay.active,
        })
        .collect();
    b.queue = open
        .iter()
        .filter(|j| j.status == JobStatus::Waiting)
        .cloned()
        .collect();
    b.queue.sort_by_key(|j| {
        (
            j.priority.rank(),
            j.promised_at.is_none(),
            j.promised_at,
            j.id,
        )
    });
    b.parked = open
        .iter()
        .filter(|j| {
            j.bay_id.is_none()
                && !(j.status == JobStatus::Waiting || at_inspection(j) || ready_to_go(j))
        })
        .cloned()
        .collect();
    b.qc = open.iter().filter(|j| at_inspection(j)).cloned().collect();
    // Urgent cars first, then the longest waiting.
    b.qc.sort_by_key(|j| (j.priority.rank(), j.status_since, j.id));
    let before = std::mem::take(&mut b.ready);
    b.ready = open.iter().filter(|j| ready_to_go(j)).cloned().collect();
    for j in &mut b.ready {
        let kept = before.iter().find(|k| k.id == j.id);
        match kept {
            Some(k) if !changed.parts.has(Parts::JOBS) && !changed.jobs.contains(&j.id) => {
                j.signoff_pin_by = k.signoff_pin_by.clone();
                j.ready = k.ready;
            }
            _ => {
                j.signoff_pin_by = store::signoff_pin_by(c, j.id)?;
                j.ready = Some(store::ready_facts(c, j.id)?);
            }
        }
    }
    Ok(())
}

/// The service reminders of the coming week (local days from `day_start`).
fn due_this_week(
    c: &rusqlite::Connection,
    day_start: DateTime<Utc>,
    unreadable: &mut Vec<String>,
) -> Vec<store::DueRow> {
    let until = (day_start + chrono::Duration::days(7))
        .with_timezone(&chrono::Local)
        .date_naive();
    part("service due", store::service_due(c, until), unreadable)
}

/// Waiting for the peer check or QC: the inspectors' queue.
fn at_inspection(j: &JobRow) -> bool {
    matches!(j.status, JobStatus::PeerCheck | JobStatus::ReadyForQc)
}

fn ready_to_go(j: &JobRow) -> bool {
    j.status == JobStatus::QcPassed
}
