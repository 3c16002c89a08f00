//! Writes. Called only by the operations layer, inside `Store::write`.

use super::WriteTx;
use super::queries::all;
use super::records::JobRow;
use super::ts;
use crate::domain::qc::ItemOutcome;
use crate::domain::{BayKind, JobStatus, PartKind, PartStatus, Priority, Refusal, Role};
use crate::error::{Error, Result};
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

pub(crate) fn set_shop_name(conn: &WriteTx, name: &str) -> Result<()> {
    conn.execute("UPDATE shop SET name = ?1 WHERE id = 1", [name])?;
    Ok(())
}

pub(crate) fn insert_bay(
    conn: &WriteTx,
    name: &str,
    kind: BayKind,
    now: DateTime<Utc>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO bays (name, kind, created_at) VALUES (?1, ?2, ?3)",
        params![name, kind.as_str(), ts(now)],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn insert_staff(
    conn: &WriteTx,
    name: &str,
    roles: &[Role],
    skills: &[String],
    now: DateTime<Utc>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO staff (name, created_at) VALUES (?1, ?2)",
        params![name, ts(now)],
    )?;
    let id = conn.last_insert_rowid();
    for role in roles {
        conn.execute(
            "INSERT OR IGNORE INTO staff_roles (staff_id, role) VALUES (?1, ?2)",
            params![id, role.as_str()],
        )?;
    }
    for skill in skills {
        conn.execute(
            "INSERT OR IGNORE INTO staff_skills (staff_id, skill) VALUES (?1, ?2)",
            params![id, skill],
        )?;
    }
    Ok(id)
}

pub(crate) fn insert_customer(conn: &WriteTx, name: &str, phone: Option<&str>) -> Result<i64> {
    conn.execute(
        "INSERT INTO customers (name, phone) VALUES (?1, ?2)",
        params![name, phone],
    )?;
    Ok(conn.last_insert_rowid())
}

pub struct NewVehicle<'a> {
    pub plate: &'a str,
    pub vin: Option<&'a str>,
    pub make: Option<&'a str>,
    pub model: Option<&'a str>,
    pub year: Option<i64>,
    pub odometer_km: Option<i64>,
    pub customer_id: Option<i64>,
}

pub(crate) fn insert_vehicle(conn: &WriteTx, v: &NewVehicle) -> Result<i64> {
    conn.execute(
        "INSERT INTO vehicles (plate, vin, make, model, year, odometer_km, customer_id, plate_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            v.plate,
            v.vin,
            v.make,
            v.model,
            v.year,
            v.odometer_km,
            v.customer_id,
            crate::domain::vehicle::plate_key(v.plate)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub struct NewJob<'a> {
    pub vehicle_id: i64,
    pub customer_id: Option<i64>,
    pub complaint: &'a str,
    pub priority: Priority,
    pub estimate_hours: Option<f64>,
    pub promised_at: Option<DateTime<Utc>>,
    /// The odometer read at this check-in.
    pub odometer_km: Option<i64>,
    pub customer_waiting: bool,
    pub key_tag: Option<&'a str>,
}

pub(crate) fn insert_job(conn: &WriteTx, j: &NewJob, now: DateTime<Utc>) -> Result<i64> {
    conn.execute(
        "INSERT INTO jobs (vehicle_id, customer_id, complaint, priority, estimate_hours,
                           promised_at, status, status_since, created_at, version, odometer_km,
                           customer_waiting, key_tag)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'waiting', ?7, ?7, 0, ?8, ?9, ?10)",
        params![
            j.vehicle_id,
            j.customer_id,
            j.complaint,
            j.priority.as_str(),
            j.estimate_hours,
            j.promised_at.map(ts),
            ts(now),
            j.odometer_km,
            j.customer_waiting,
            j.key_tag
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// The mutable part of a job, as the operations layer wants it to become.
#[derive(Debug, Clone, PartialEq)]
pub struct JobChange {
    pub status: JobStatus,
    pub parts_return: Option<JobStatus>,
    pub bay_id: Option<i64>,
    pub technician_id: Option<i64>,
    pub priority: Priority,
    pub rework_count: i64,
}

impl From<&JobRow> for JobChange {
    fn from(j: &JobRow) -> Self {
        JobChange {
            status: j.status,
            parts_return: j.parts_return,
            bay_id: j.bay_id,
            technician_id: j.technician_id,
            priority: j.priority,
            rework_count: j.rework_count,
        }
    }
}

/// Writes `change` over `before`, only if the row is still at
/// `before.version`. The events appended afterwards move the version on.
pub(crate) fn save_job(
    conn: &WriteTx,
    before: &JobRow,
    change: &JobChange,
    now: DateTime<Utc>,
) -> Result<()> {
    let status_since = if change.status != before.status {
        now
    } else {
        before.status_since
    };
    let closed_at = if change.status.is_open() {
        None
    } else {
        Some(before.closed_at.unwrap_or(now))
    };
    let n = conn.execute(
        "UPDATE jobs SET status = ?1, parts_return = ?2, bay_id = ?3, technician_id = ?4,
                         priority = ?5, rework_count = ?6, status_since = ?7, closed_at = ?8
          WHERE id = ?9 AND version = ?10",
        params![
            change.status.as_str(),
            change.parts_return.map(|s| s.as_str()),
            change.bay_id,
            change.technician_id,
            change.priority.as_str(),
            change.rework_count,
            ts(status_since),
            closed_at.map(ts),
            before.id,
            before.version
        ],
    )?;
    if n != 1 {
        // Cannot happen inside BEGIN IMMEDIATE after a fresh read; refuse
        // rather than overwrite if it ever does.
        return Err(Error::Refused(Refusal::Stale {
            job: before.label(),
            seen: before.version,
            now: before.version + 1,
            status: before.status,
        }));
    }
    Ok(())
}

pub struct NewEvent<'a> {
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub job_id: Option<i64>,
    pub kind: &'a str,
    pub from: Option<&'a str>,
    pub to: Option<&'a str>,
    /// What a person typed, if anything.
    pub note: Option<&'a str>,
    /// What happened, as data; the words come from `present`.
    pub said: Option<&'a crate::domain::Said>,
}

/// Appends to the event log; an event about a job moves its version on, so
/// a job's version always equals the number of its events.
pub(crate) fn append_event(conn: &WriteTx, e: &NewEvent) -> Result<()> {
    // An actor who keeps a PIN could only act by proving it (see
    // `workshop::actor`), so the event records which PIN signed it; `check`
    // compares this with the PIN history in the chain.
    // A PIN someone else set is marked on every event it signs, until its
    // owner sets their own: the setter could have signed as them.
    let (signed, pin_by) = match e.actor_id {
        Some(id) => conn
            .prepare_cached("SELECT pin_hash, pin_set_by FROM staff WHERE id = ?1")?
            .query_row([id], |r| {
                Ok((r.get::<_, Option<String>>(0)?, r.get::<_, Option<i64>>(1)?))
            })
            .optional()?
            .map_or((None, None), |(h, by)| {
                let print = h.as_deref().map(super::chain::key_print);
                (print.clone(), by.filter(|_| print.is_some()))
            }),
        None => (None, None),
    };
    super::chain::append(
        conn,
        super::chain::Link {
            id: 0,
            at: ts(e.at),
            actor_id: e.actor_id,
            job_id: e.job_id,
            kind: e.kind.to_string(),
            from: e.from.map(str::to_string),
            to: e.to.map(str::to_string),
            note: e.note.map(str::to_string),
            signed,
            params: e.said.map(|s| s.to_json().to_string()),
            pin_by,
        },
    )?;
    if let Some(job) = e.job_id {
        conn.execute("UPDATE jobs SET version = version + 1 WHERE id = ?1", [job])?;
    }
    Ok(())
}

pub(crate) fn start_time_entry(
    conn: &WriteTx,
    job_id: i64,
    staff_id: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO time_entries (job_id, staff_id, started_at, bay_id)
         SELECT ?1, ?2, ?3, bay_id FROM jobs WHERE id = ?1",
        params![job_id, staff_id, ts(now)],
    )?;
    Ok(())
}

/// Closes whatever entry is open on the job, and adds it to the clocked
/// sums. Returns how many were closed.
pub(crate) fn stop_time_entries(conn: &WriteTx, job_id: i64, now: DateTime<Utc>) -> Result<usize> {
    let closed = super::queries::all(
        conn,
        "UPDATE time_entries SET ended_at = max(started_at, ?2)
          WHERE job_id = ?1 AND ended_at IS NULL
         RETURNING staff_id, bay_id, started_at, ended_at",
        params![job_id, ts(now)],
        super::figures::ClockFact::row,
    )?;
    super::clock_sums::keep(conn, &closed)?;
    Ok(closed.len())
}

pub struct NewParts<'a> {
    pub job_id: i64,
    pub part: &'a str,
    pub kind: PartKind,
    pub qty: i64,
    pub blocking: bool,
    pub note: Option<&'a str>,
    pub logged_by: i64,
}

pub(crate) fn insert_parts(conn: &WriteTx, p: &NewParts, now: DateTime<Utc>) -> Result<i64> {
    conn.execute(
        "INSERT INTO parts_issues (job_id, part, kind, qty, blocking, status, note, logged_by,
                                   created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7, ?8, ?8)",
        params![
            p.job_id,
            p.part,
            p.kind.as_str(),
            p.qty,
            p.blocking,
            p.note,
            p.logged_by,
            ts(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn update_parts(
    conn: &WriteTx,
    id: i64,
    status: PartStatus,
    eta: Option<DateTime<Utc>>,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    let closed = (!status.is_open()).then(|| ts(now));
    conn.execute(
        "UPDATE parts_issues SET status = ?2, eta = coalesce(?3, eta), note = coalesce(?4, note),
                                 updated_at = ?5, closed_at = ?6
          WHERE id = ?1",
        params![id, status.as_str(), eta.map(ts), note, ts(now), closed],
    )?;
    Ok(())
}

/// Open issues of a job, for closing them with the job.
pub(crate) fn open_parts_of_job(conn: &Connection, job_id: i64) -> Result<Vec<i64>> {
    all(
        conn,
        "SELECT id FROM parts_issues WHERE job_id = ?1 AND closed_at IS NULL ORDER BY id",
        [job_id],
        |r| r.get(0),
    )
}

pub struct NewInspection<'a> {
    pub level: crate::domain::inspection::Level,
    pub job_id: i64,
    pub inspector_id: i64,
    pub passed: bool,
    pub road_test_done: bool,
    pub road_test_km: Option<f64>,
    pub note: Option<&'a str>,
    pub items: &'a [ItemOutcome],
}

pub(crate) fn insert_inspection(
    conn: &WriteTx,
    q: &NewInspection,
    now: DateTime<Utc>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO qc_inspections (job_id, inspector_id, result, road_test_done, road_test_km,
                                     note, created_at, level)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            q.job_id,
            q.inspector_id,
            if q.passed { "pass" } else { "fail" },
            q.road_test_done,
            q.road_test_km,
            q.note,
            ts(now),
            q.level.as_str()
        ],
    )?;
    let id = conn.last_insert_rowid();
    let mut stmt = conn.prepare_cached(
        "INSERT INTO qc_items (inspection_id, position, item_id, text, required, result, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (pos, item) in q.items.iter().enumerate() {
        stmt.execute(params![
            id,
            pos as i64,
            item.id,
            item.text,
            item.required,
            item.result.as_str(),
            item.note
        ])?;
    }
    Ok(id)
}

/// Sets or clears a person's PIN hash; a new PIN starts with no failures.
/// Sets (or clears) a PIN; `by` is who set it when not its owner.
pub(crate) fn set_pin_hash(
    conn: &WriteTx,
    staff_id: i64,
    hash: Option<&str>,
    by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE staff SET pin_hash = ?2, pin_failures = 0, pin_locked_until = NULL,
                          pin_set_at = CASE WHEN ?2 IS NULL THEN NULL ELSE ?4 END,
                          pin_set_by = CASE WHEN ?2 IS NULL THEN NULL ELSE ?3 END
          WHERE id = ?1",
        params![staff_id, hash, by, ts(now)],
    )?;
    Ok(())
}

/// Records a PIN try: a right one clears the count and any lock; a wrong
/// one counts, and may lock the person until `lock_until`.
pub(crate) fn note_pin_try(
    conn: &WriteTx,
    staff_id: i64,
    right: bool,
    lock_until: Option<DateTime<Utc>>,
) -> Result<()> {
    if right {
        conn.execute(
            "UPDATE staff SET pin_failures = 0, pin_locked_until = NULL, pin_locked_tries = 0
              WHERE id = ?1",
            [staff_id],
        )?;
    } else {
        conn.execute(
            "UPDATE staff SET pin_failures = pin_failures + 1, pin_locked_until = ?2 WHERE id = ?1",
            params![staff_id, lock_until.map(ts)],
        )?;
    }
    Ok(())
}

/// A try while locked: counted on the person's row, not logged one event
/// each (a guesser would otherwise fill the log; the lock itself was logged
/// with the wrong try that started it).
pub(crate) fn note_locked_try(conn: &WriteTx, staff_id: i64) -> Result<()> {
    conn.execute(
        "UPDATE staff SET pin_locked_tries = pin_locked_tries + 1 WHERE id = ?1",
        [staff_id],
    )?;
    Ok(())
}

pub(crate) fn set_require_pins(conn: &WriteTx, policy: crate::domain::PinPolicy) -> Result<()> {
    conn.execute(
        "UPDATE shop SET require_pins = ?1 WHERE id = 1",
        [policy.as_str()],
    )?;
    Ok(())
}
