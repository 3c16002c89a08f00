//! The single write path: load → domain rule → store transaction with its
//! event. The CLI and the TUI call these methods; neither writes SQL nor
//! re-implements a rule.

mod aftersales;
mod appointments;
mod calls;
mod catalogue;
mod clock_sums;
mod handover;
mod jobs;
mod lines;
mod listed;
mod parts;
mod pin;
mod print;
mod promise;
mod qc;
mod selfcheck;
mod setup;
mod vehicle_file;
mod warranty;

pub use aftersales::{Comeback, zone_on_this_machine};
pub use appointments::NewApptInput;
pub use calls::CallInput;
pub use catalogue::Imported;
pub use handover::WalkaroundInput;
pub use jobs::{NewJobInput, NextService};
pub use lines::{Found, LineInput};
pub use listed::Listed;
pub use parts::NewPartsInput;
pub use qc::{Inspection, QcResult};
pub use selfcheck::SelfCheck;
use setup::setup_event as setup_event_for;
pub use warranty::{ClaimInput, RecallsImported};

use crate::domain::LineStatus;
use crate::domain::lifecycle::{Holds, JobFacts, on_holds_changed};
use crate::domain::{Act, Actor, JobStatus, PinPolicy, Refusal, Role, Said};
use crate::error::{Error, Result};
use crate::store::{self, JobChange, JobRow, NewEvent, Store, WriteTx};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use std::path::Path;
use std::sync::Arc;

/// Where operations get "now" from; the demo seeder drives its own.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

pub struct Workshop {
    store: Store,
    clock: Clock,
    session: Session,
}

/// Who has proven their PIN to this workshop handle (a CLI run or a TUI
/// terminal). People without a PIN need no proof.
#[derive(Debug, Clone, Default)]
pub struct Session {
    verified: std::collections::HashSet<i64>,
}

impl Workshop {
    pub fn open(path: &Path) -> Result<Workshop> {
        let mut ws = Workshop::with_store(Store::open(path)?);
        // The upgrade that brought the canonical plate made plates typed
        // differently one car: said once, in the log. A file this process
        // may not write keeps its `check` note instead.
        if ws.store.opened_at_version() < 14 {
            let _ = ws.record_plate_merges();
        }
        Ok(ws)
    }

    pub fn create(path: &Path) -> Result<Workshop> {
        Ok(Workshop::with_store(Store::create(path)?))
    }

    pub fn with_store(store: Store) -> Workshop {
        Workshop {
            store,
            clock: Arc::new(Utc::now),
            session: Session::default(),
        }
    }

    pub fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    pub fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    pub fn into_store(self) -> Store {
        self.store
    }

    /// Reads go straight to the store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs one operation in one immediate transaction. The time is read
    /// once the write lock is held, so a job's events never go back in time
    /// however long a writer waited for the lock.
    fn write<T>(
        &mut self,
        f: impl FnOnce(&WriteTx, DateTime<Utc>, &Session) -> Result<T>,
    ) -> Result<T> {
        let clock = self.clock.clone();
        let session = &self.session;
        self.store.write(|c| f(c, clock(), session))
    }
}

/// The acting person, who must be on the staff list and, if they keep a
/// PIN, have proven it in this session.
fn actor(conn: &Connection, name: &str, session: &Session) -> Result<Actor> {
    if name.trim().is_empty() {
        return Err(Refusal::NeedActor(None).into());
    }
    let who = person(conn, name, None).map(|s| Actor {
        id: s.id,
        name: s.name,
        roles: s.roles,
    })?;
    let keeps_pin = store::pin_state(conn, who.id)?.hash.is_some();
    if keeps_pin && !session.verified.contains(&who.id) {
        return Err(Refusal::PinNeeded { who: who.name }.into());
    }
    if !keeps_pin && store::pin_policy(conn)? == PinPolicy::Everyone {
        return Err(Refusal::NoPinKept {
            who: who.name,
            action: Act::ActAtAll,
        }
        .into());
    }
    Ok(who)
}

/// The acting person for a sign-off (QC, delivery, cancellation): once the
/// shop requires PINs for sign-offs, only someone who keeps one may sign.
fn signer(conn: &Connection, name: &str, session: &Session, action: Act) -> Result<Actor> {
    let who = actor(conn, name, session)?;
    if store::pin_policy(conn)? != PinPolicy::None && store::pin_state(conn, who.id)?.hash.is_none()
    {
        return Err(Refusal::NoPinKept {
            who: who.name,
            action,
        }
        .into());
    }
    Ok(who)
}

/// The active person a typed name picks out (of a role, if given): the
/// name itself, else the one person whose name it finds as the login
/// screen does (pinyin whole, begun or initials, part of a Latin name);
/// several such people are named for the person to choose.
fn person(conn: &Connection, typed: &str, role: Option<Role>) -> Result<store::StaffRow> {
    let fits = |s: &store::StaffRow| s.active && role.is_none_or(|r| s.roles.contains(&r));
    if let Some(s) = store::staff_by_name(conn, typed)?.filter(|s| s.active) {
        return Ok(s);
    }
    let mut found: Vec<store::StaffRow> = store::staff_list(conn)?
        .into_iter()
        .filter(|s| fits(s) && crate::domain::names::name_matches(&s.name, typed))
        .collect();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(unknown_person(conn, typed, role)),
        _ => {
            let names: Vec<String> = found.into_iter().map(|s| s.name).collect();
            let hint = Said::new("hint-which-person").text("list", names.join(", "));
            Err(Refusal::unknown("person", typed, Some(hint)).into())
        }
    }
}

fn unknown_person(conn: &Connection, name: &str, role: Option<Role>) -> Error {
    let names: Vec<String> = store::staff_list(conn)
        .unwrap_or_default()
        .into_iter()
        .filter(|s| s.active && role.is_none_or(|r| s.roles.contains(&r)))
        .map(|s| s.name)
        .collect();
    let hint = if names.is_empty() {
        Said::new("hint-no-staff-yet")
    } else {
        Said::new("hint-staff").text("list", names.join(", "))
    };
    Refusal::unknown("person", name, Some(hint)).into()
}

/// The job, refused if unknown or if the caller's view is stale.
fn load_job(conn: &Connection, number: i64, seen_version: Option<i64>) -> Result<JobRow> {
    let job = store::job(conn, number)?.ok_or_else(|| Error::from(Refusal::unknown_job(number)))?;
    if let Some(seen) = seen_version
        && seen != job.version
    {
        return Err(Refusal::Stale {
            job: job.label(),
            seen,
            now: job.version,
            status: job.status,
        }
        .into());
    }
    Ok(job)
}

/// What the rule for `action` reads of the job, and only that (the
/// rest left empty: `JobAction::needs`).
fn facts(conn: &Connection, job: &JobRow, action: crate::domain::JobAction) -> Result<JobFacts> {
    let needs = action.needs();
    let lines = if needs.holds || needs.lines {
        store::line_facts(conn, job.id)?
    } else {
        Vec::new()
    };
    let names = |keep: bool, which: &dyn Fn(LineStatus) -> bool| -> Vec<String> {
        if !keep {
            return Vec::new();
        }
        lines
            .iter()
            .filter(|(_, s, _)| which(*s))
            .map(|(w, _, _)| w.clone())
            .collect()
    };
    Ok(JobFacts {
        number: job.id,
        status: job.status,
        has_bay: job.bay_id.is_some(),
        technician: job
            .technician_id
            .map(|id| (id, job.technician.clone().unwrap_or_default())),
        parts_return: job.parts_return,
        blocking_open: needs.holds && store::open_blocking_count(conn, job.id)? > 0,
        approval_open: needs.holds
            && lines
                .iter()
                .any(|(_, s, blocking)| *s == LineStatus::Proposed && *blocking),
        unfinished_lines: names(needs.lines, &|_| true),
        proposed_lines: names(needs.lines, &|s| s == LineStatus::Proposed),
        workers: match needs.inspection {
            true => store::job_workers(conn, job.id)?,
            false => Vec::new(),
        },
        open_parts: match needs.parts {
            true => store::open_parts_of_job(conn, job.id)?,
            false => Vec::new(),
        },
        peer_check: needs.peer_check && store::peer_check(conn)?,
        signers: match needs.inspection {
            true => store::round_signers(conn, job.id)?,
            false => Vec::new(),
        },
    })
}

/// After a hold was added or cleared (a blocking part, a blocking line),
/// the job parks or goes back where it came from.
fn rehold(
    c: &WriteTx,
    number: i64,
    who: &Actor,
    kind: &str,
    said: &Said,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    let job = load_job(c, number, None)?;
    let holds = Holds {
        parts: store::open_blocking_count(c, job.id)? > 0,
        approval: store::approval_hold(c, job.id)?,
    };
    if let Some(outcome) = on_holds_changed(job.status, job.parts_return, holds) {
        // Parking on a hold records the hold's state as the event.
        let kind = if outcome.to.is_held() {
            outcome.to.as_str()
        } else {
            kind
        };
        land(
            c,
            &job,
            outcome,
            Step {
                actor: Some(who),
                kind,
                said: Some(said),
                note,
            },
            now,
        )?;
    }
    Ok(())
}

/// The job as it stands, moved to `outcome`'s state.
fn moved(job: &JobRow, outcome: crate::domain::Outcome) -> JobChange {
    JobChange {
        status: outcome.to,
        parts_return: outcome.parts_return,
        ..JobChange::from(job)
    }
}

/// A change of state and nothing else, with its event.
fn land(
    conn: &WriteTx,
    job: &JobRow,
    outcome: crate::domain::Outcome,
    step: Step,
    now: DateTime<Utc>,
) -> Result<JobRow> {
    apply(conn, job, moved(job, outcome), step, now)
}

/// What one event records besides the state change.
struct Step<'a> {
    actor: Option<&'a Actor>,
    kind: &'a str,
    /// What happened, as data, when there is more to say than the state.
    said: Option<&'a Said>,
    /// What the person typed.
    note: Option<&'a str>,
}

/// Applies `change` to `before` with the side effects every transition
/// shares — the technician's clock stops when work stops and starts when it
/// starts; the bay is let go once the job no longer holds it — and records
/// the event. Returns the job as it now is.
fn apply(
    conn: &WriteTx,
    before: &JobRow,
    mut change: JobChange,
    step: Step,
    now: DateTime<Utc>,
) -> Result<JobRow> {
    let was_running = before.status == JobStatus::InProgress;
    let runs = change.status == JobStatus::InProgress;
    if was_running && (!runs || change.technician_id != before.technician_id) {
        store::stop_time_entries(conn, before.id, now)?;
    }
    if !change.status.may_hold_bay() {
        change.bay_id = None;
    }
    if !change.status.is_held() {
        change.parts_return = None;
    }
    store::save_job(conn, before, &change, now)?;
    if runs && (!was_running || change.technician_id != before.technician_id) {
        let tech = change
            .technician_id
            .expect("a running job has a technician");
        store::start_time_entry(conn, before.id, tech, now)?;
    }
    let moved = change.status != before.status;
    store::append_event(
        conn,
        &NewEvent {
            at: now,
            actor_id: step.actor.map(|a| a.id),
            job_id: Some(before.id),
            kind: step.kind,
            from: Some(before.status.as_str()),
            to: moved
                .then_some(change.status.as_str())
                .or(Some(before.status.as_str())),
            note: step.note,
            said: step.said,
        },
    )?;
    Ok(store::job(conn, before.id)?.expect("the job was just written"))
}

/// Records an event on a job without changing its state.
fn note_event(
    conn: &WriteTx,
    job: &JobRow,
    actor: &Actor,
    kind: &str,
    said: &Said,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    store::append_event(
        conn,
        &NewEvent {
            at: now,
            actor_id: Some(actor.id),
            job_id: Some(job.id),
            kind,
            from: Some(job.status.as_str()),
            to: Some(job.status.as_str()),
            note,
            said: Some(said),
        },
    )
}

impl Workshop {
    /// Would `action` by `who` on the job be allowed right now? Changes
    /// nothing; the TUI asks before it opens a form (e.g. QC on one's own
    /// work), and the real action checks again in its transaction.
    pub fn check_action(
        &self,
        who: &str,
        number: i64,
        action: crate::domain::JobAction,
    ) -> Result<()> {
        self.store.read(|c| {
            let who = actor(c, who, &self.session)?;
            let job = load_job(c, number, None)?;
            crate::domain::lifecycle::check(action, &who, &facts(c, &job, action)?)?;
            Ok(())
        })
    }
}
