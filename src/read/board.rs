//! The board snapshot: everything one look at the workshop shows, read in one
//! transaction. The CLI prints it; the TUI draws it.

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

#[derive(Debug, Clone, Serialize)]
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

/// Loads the board as of `now`; `day_start` is local midnight for "hours today".
pub fn load(store: &Store, now: DateTime<Utc>, day_start: DateTime<Utc>) -> Result<Board> {
    store.read(|c| {
        let mut unreadable = Vec::new();
        let jobs = store::open_jobs(c)?;
        // Clocked hours are extra: a bad time entry leaves them at zero.
        let open = match store::with_clocked(c, jobs.clone(), now) {
            Ok(j) => j,
            Err(e) => {
                unreadable.push(format!("clocked hours ({e})"));
                jobs
            }
        };
        let bays: Vec<BayRow> = store::bay_list(c)?;
        let bay_lines = bays
            .into_iter()
            .map(|b| BayLine {
                job: open.iter().find(|j| j.bay_id == Some(b.id)).cloned(),
                name: b.name,
                kind: b.kind,
                active: b.active,
            })
            .collect();
        let mut queue: Vec<JobRow> = open
            .iter()
            .filter(|j| j.status == JobStatus::Waiting)
            .cloned()
            .collect();
        queue.sort_by_key(|j| {
            (
                j.priority.rank(),
                j.promised_at.is_none(),
                j.promised_at,
                j.id,
            )
        });
        let parked = open
            .iter()
            .filter(|j| {
                j.bay_id.is_none()
                    && !(j.status == JobStatus::Waiting || at_inspection(j) || ready_to_go(j))
            })
            .cloned()
            .collect();
        let mut qc: Vec<JobRow> = open.iter().filter(|j| at_inspection(j)).cloned().collect();
        // Urgent cars first, then the longest waiting.
        qc.sort_by_key(|j| (j.priority.rank(), j.status_since, j.id));
        let mut ready: Vec<JobRow> = open.iter().filter(|j| ready_to_go(j)).cloned().collect();
        for j in &mut ready {
            j.signoff_pin_by = store::signoff_pin_by(c, j.id)?;
            j.ready = Some(store::ready_facts(c, j.id)?);
        }
        let settings = store::shop_settings(c)?;
        let complaints = part(
            "complaints",
            store::complaints_not_closed(c, now),
            &mut unreadable,
        );
        Ok(Board {
            shop: settings.name,
            currency: settings.currency,
            labour_rate: settings.labour_rate,
            printers: store::shop_printers(c)?,
            approvals: part("approvals", store::approvals(c), &mut unreadable),
            at: now,
            bays: bay_lines,
            queue,
            parked,
            technicians: part(
                "technicians",
                store::technicians(c, day_start, now),
                &mut unreadable,
            ),
            parts: part("parts", store::parts_list(c, true, 500), &mut unreadable),
            complaints_overdue: complaints
                .iter()
                .filter(|c| c.overdue.is_some())
                .cloned()
                .collect(),
            complaints,
            today: part(
                "appointments",
                store::appointments(c, day_start, day_start + chrono::Duration::days(1), now),
                &mut unreadable,
            ),
            load: crate::read::load::day_load(
                c,
                day_start,
                day_start + chrono::Duration::days(1),
                now,
            )?,
            ahead: days_ahead(c, day_start, now)?,
            service_due: due_this_week(c, day_start, &mut unreadable),
            to_claim: part("jobs to claim", store::jobs_to_claim(c), &mut unreadable),
            claims: part("claims", store::unpaid_claims(c), &mut unreadable),
            calls: part("calls", store::open_calls(c), &mut unreadable),
            promises_moved: part(
                "promises moved",
                store::promises_moved(c, day_start),
                &mut unreadable,
            ),
            followups: part(
                "follow-ups",
                store::open_followups(c, now, true),
                &mut unreadable,
            ),
            qc,
            ready,
            unreadable,
        })
    })
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
