//! After delivery, in SQL: shop settings for it, comebacks, follow-ups and
//! complaints. Reads are `pub`; writes `pub(crate)`, taking a `WriteTx`.

use super::queries::{all, opt_time, time};
use super::records::as_job_label;
use super::{WriteTx, ts};
use crate::domain::aftersales::{ComplaintStatus, FollowupState, overdue};
use crate::error::Result;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Serialize, Serializer};

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AftersalesSettings {
    pub followup_days: i64,
    pub comeback_days: i64,
    pub day_hours: f64,
}

pub fn aftersales_settings(conn: &Connection) -> Result<AftersalesSettings> {
    Ok(conn
        .prepare_cached("SELECT followup_days, comeback_days, day_hours FROM shop WHERE id = 1")?
        .query_row([], |r| {
            Ok(AftersalesSettings {
                followup_days: r.get(0)?,
                comeback_days: r.get(1)?,
                day_hours: r.get(2)?,
            })
        })?)
}

/// The language the shop's boards and commands speak, if one was set.
pub fn shop_language(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT language FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .flatten())
}

/// The shop's printers, the default first (none: CUPS's default).
pub fn shop_printers(conn: &Connection) -> Result<Vec<String>> {
    let list: Option<String> = conn
        .prepare_cached("SELECT printers FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .flatten();
    Ok(list
        .unwrap_or_default()
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_string)
        .collect())
}

pub(crate) fn set_shop_printers(conn: &WriteTx, names: &[String]) -> Result<()> {
    let list = Some(names.join("\n")).filter(|l| !l.is_empty());
    conn.execute("UPDATE shop SET printers = ?1 WHERE id = 1", [list])?;
    Ok(())
}

/// The shop's IANA time zone (`Asia/Shanghai`), if one was set.
pub fn shop_timezone(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT timezone FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))
        .optional()?
        .flatten())
}

pub(crate) fn set_shop_timezone(conn: &WriteTx, zone: Option<&str>) -> Result<()> {
    conn.execute("UPDATE shop SET timezone = ?1 WHERE id = 1", [zone])?;
    Ok(())
}

pub(crate) fn set_shop_language(conn: &WriteTx, tag: &str) -> Result<()> {
    conn.execute("UPDATE shop SET language = ?1 WHERE id = 1", [tag])?;
    Ok(())
}

pub(crate) fn set_aftersales(
    conn: &WriteTx,
    followup_days: Option<i64>,
    comeback_days: Option<i64>,
    day_hours: Option<f64>,
) -> Result<()> {
    conn.execute(
        "UPDATE shop SET followup_days = coalesce(?1, followup_days),
                         comeback_days = coalesce(?2, comeback_days),
                         day_hours = coalesce(?3, day_hours) WHERE id = 1",
        params![followup_days, comeback_days, day_hours],
    )?;
    Ok(())
}

/// A job, its technician, and when it was delivered.
pub type Delivery = (i64, Option<String>, DateTime<Utc>);

/// The newest job of this plate delivered at or after `since`: the job a
/// new check-in may be a comeback of. With its technician. A car with
/// another VIN under the same plate is another car.
pub fn recent_delivery(
    conn: &Connection,
    plate: &str,
    vin: Option<&str>,
    since: DateTime<Utc>,
) -> Result<Option<Delivery>> {
    Ok(conn
        .prepare_cached(
            "SELECT j.id, s.name, j.closed_at FROM jobs j
               JOIN vehicles v ON v.id = j.vehicle_id
               LEFT JOIN staff s ON s.id = j.technician_id
              WHERE v.plate_key = ?1 AND j.status = 'delivered' AND j.closed_at >= ?2
                AND (?3 IS NULL OR v.vin IS NULL OR v.vin = ?3)
              ORDER BY j.closed_at DESC LIMIT 1",
        )?
        .query_row(
            params![crate::domain::vehicle::plate_key(plate), ts(since), vin],
            |r| Ok((r.get(0)?, r.get(1)?, time(r, 2)?)),
        )
        .optional()?)
}

pub(crate) fn set_comeback(conn: &WriteTx, job: i64, of: i64) -> Result<()> {
    conn.execute("UPDATE jobs SET comeback_of = ?2 WHERE id = ?1", [job, of])?;
    Ok(())
}

/// A job and its technician.
pub type JobAndTech = (i64, Option<String>);

/// (the job this one came back from, that job's technician) and the jobs
/// that came back from this one.
pub fn comeback_links(conn: &Connection, job: i64) -> Result<(Option<JobAndTech>, Vec<i64>)> {
    let of = conn
        .prepare_cached(
            "SELECT o.id, s.name FROM jobs j JOIN jobs o ON o.id = j.comeback_of
               LEFT JOIN staff s ON s.id = o.technician_id WHERE j.id = ?1",
        )?
        .query_row([job], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let back = all(
        conn,
        "SELECT id FROM jobs WHERE comeback_of = ?1 ORDER BY id",
        [job],
        |r| r.get(0),
    )?;
    Ok((of, back))
}

/// Comebacks per technician: jobs that came back from work they did.
pub fn comebacks_by_technician(conn: &Connection) -> Result<Vec<(i64, i64)>> {
    all(
        conn,
        "SELECT o.technician_id, count(*) FROM jobs j JOIN jobs o ON o.id = j.comeback_of
          WHERE o.technician_id IS NOT NULL GROUP BY o.technician_id",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

fn as_opt_job_label<S: Serializer>(n: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) => s.serialize_str(&crate::domain::job_label(*n)),
        None => s.serialize_none(),
    }
}

fn as_complaint_label<S: Serializer>(n: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::domain::aftersales::complaint_label(*n))
}

/// A follow-up call and where it stands.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowupRow {
    #[serde(serialize_with = "as_job_label")]
    pub job: i64,
    pub plate: String,
    pub customer: Option<String>,
    pub phone: Option<String>,
    pub technician: Option<String>,
    pub delivered_at: DateTime<Utc>,
    pub due_at: DateTime<Utc>,
    pub state: FollowupState,
    pub misses: i64,
    pub score: Option<i64>,
}

const FOLLOWUP_SELECT: &str = "
SELECT f.job_id, v.plate, c.name, c.phone, s.name, j.closed_at, f.due_at, f.state, f.misses, f.score
  FROM followups f
  JOIN jobs j ON j.id = f.job_id
  JOIN vehicles v ON v.id = j.vehicle_id
  LEFT JOIN customers c ON c.id = j.customer_id
  LEFT JOIN staff s ON s.id = j.technician_id";

fn followup_from(r: &Row, now: DateTime<Utc>) -> rusqlite::Result<FollowupRow> {
    let due = time(r, 6)?;
    let state: String = r.get(7)?;
    let misses: i64 = r.get(8)?;
    Ok(FollowupRow {
        job: r.get(0)?,
        plate: r.get(1)?,
        customer: r.get(2)?,
        phone: r.get(3)?,
        technician: r.get(4)?,
        delivered_at: time(r, 5)?,
        due_at: due,
        state: FollowupState::of(due, now, state == "reached", misses),
        misses,
        score: r.get(9)?,
    })
}

/// Follow-ups still to make, soonest due first; only those due by `now`
/// when `due_only`.
pub fn open_followups(
    conn: &Connection,
    now: DateTime<Utc>,
    due_only: bool,
) -> Result<Vec<FollowupRow>> {
    let until = if due_only {
        now
    } else {
        now + Duration::days(3650)
    };
    all(
        conn,
        &format!(
            "{FOLLOWUP_SELECT} WHERE f.state = 'open' AND f.due_at <= ?1 ORDER BY f.due_at, f.job_id"
        ),
        [ts(until)],
        |r| followup_from(r, now),
    )
}

pub fn followup(conn: &Connection, job: i64, now: DateTime<Utc>) -> Result<Option<FollowupRow>> {
    Ok(conn
        .prepare_cached(&format!("{FOLLOWUP_SELECT} WHERE f.job_id = ?1"))?
        .query_row([job], |r| followup_from(r, now))
        .optional()?)
}

pub(crate) fn insert_followup(conn: &WriteTx, job: i64, due: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "INSERT INTO followups (job_id, due_at, state) VALUES (?1, ?2, 'open')",
        params![job, ts(due)],
    )?;
    Ok(())
}

/// One call to a customer, as logged.
pub struct FollowupTry<'a> {
    pub job: i64,
    pub reached: bool,
    pub score: Option<i64>,
    pub note: Option<&'a str>,
    pub by: i64,
    /// This miss gives the follow-up up.
    pub unreachable: bool,
}

/// Records a try and moves the follow-up on: reached, or one more miss
/// (and unreachable when this miss was the last allowed).
pub(crate) fn log_followup(conn: &WriteTx, t: &FollowupTry, now: DateTime<Utc>) -> Result<()> {
    let FollowupTry {
        job,
        reached,
        score,
        note,
        by,
        unreachable,
    } = *t;
    conn.execute(
        "INSERT INTO followup_tries (job_id, reached, score, note, by_id, at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![job, reached, score, note, by, ts(now)],
    )?;
    if reached {
        conn.execute(
            "UPDATE followups SET state = 'reached', score = ?2, done_at = ?3 WHERE job_id = ?1",
            params![job, score, ts(now)],
        )?;
    } else {
        conn.execute(
            "UPDATE followups SET misses = misses + 1,
                    state = CASE WHEN ?2 THEN 'unreachable' ELSE state END,
                    done_at = CASE WHEN ?2 THEN ?3 ELSE done_at END
              WHERE job_id = ?1",
            params![job, unreachable, ts(now)],
        )?;
    }
    Ok(())
}

/// A complaint, with the deadline it has missed as of the read, if any.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplaintRow {
    #[serde(serialize_with = "as_complaint_label")]
    pub id: i64,
    #[serde(serialize_with = "as_opt_job_label")]
    pub job: Option<i64>,
    pub plate: String,
    pub severity: i64,
    pub text: String,
    pub owner: String,
    pub status: ComplaintStatus,
    pub respond_by: DateTime<Utc>,
    pub resolve_by: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub overdue: Option<crate::domain::aftersales::Overdue>,
}

const COMPLAINT_SELECT: &str = "
SELECT c.id, c.job_id, c.plate, c.severity, c.text, s.name, c.status, c.respond_by,
       c.resolve_by, c.created_at, c.resolved_at
  FROM complaints c JOIN staff s ON s.id = c.owner_id";

fn complaint_from(r: &Row, now: DateTime<Utc>) -> rusqlite::Result<ComplaintRow> {
    let status: ComplaintStatus = super::queries::parsed(r, 6)?;
    let (respond_by, resolve_by) = (time(r, 7)?, time(r, 8)?);
    Ok(ComplaintRow {
        id: r.get(0)?,
        job: r.get(1)?,
        plate: r.get(2)?,
        severity: r.get(3)?,
        text: r.get(4)?,
        owner: r.get(5)?,
        status,
        respond_by,
        resolve_by,
        created_at: time(r, 9)?,
        resolved_at: opt_time(r, 10)?,
        overdue: overdue(status, respond_by, resolve_by, now),
    })
}

/// Complaints not yet closed (resolved ones wait there to be closed), by
/// their next deadline: the Complaints view.
pub fn complaints_not_closed(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<ComplaintRow>> {
    all(
        conn,
        &format!(
            "{} WHERE c.status <> 'closed'
             ORDER BY c.status = 'resolved', c.resolve_by, c.id",
            COMPLAINT_SELECT.replace(
                "FROM complaints c",
                "FROM complaints c INDEXED BY complaints_not_closed"
            )
        ),
        [],
        |r| complaint_from(r, now),
    )
}

/// The newest job of a plate, if the shop has seen the car.
pub fn newest_job_of_plate(conn: &Connection, plate: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT max(j.id) FROM jobs j JOIN vehicles v ON v.id = j.vehicle_id
              WHERE v.plate_key = ?1",
        )?
        .query_row([crate::domain::vehicle::plate_key(plate)], |r| r.get(0))?)
}

/// Complaints by their next deadline; open ones only when `open_only`.
pub fn complaints(
    conn: &Connection,
    now: DateTime<Utc>,
    open_only: bool,
) -> Result<Vec<ComplaintRow>> {
    let filter = if open_only {
        "WHERE c.status IN ('open','acknowledged')"
    } else {
        ""
    };
    all(
        conn,
        &format!(
            "{COMPLAINT_SELECT} {filter}
             ORDER BY c.status IN ('resolved','closed'),
                      CASE c.status WHEN 'open' THEN min(c.respond_by, c.resolve_by) ELSE c.resolve_by END,
                      c.id"
        ),
        [],
        |r| complaint_from(r, now),
    )
}

pub fn complaint(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Option<ComplaintRow>> {
    Ok(conn
        .prepare_cached(&format!("{COMPLAINT_SELECT} WHERE c.id = ?1"))?
        .query_row([id], |r| complaint_from(r, now))
        .optional()?)
}

pub struct NewComplaint<'a> {
    pub job: Option<i64>,
    pub plate: &'a str,
    pub severity: i64,
    pub text: &'a str,
    pub owner: i64,
    pub respond_by: DateTime<Utc>,
    pub resolve_by: DateTime<Utc>,
    pub by: i64,
}

pub(crate) fn insert_complaint(
    conn: &WriteTx,
    c: &NewComplaint,
    now: DateTime<Utc>,
) -> Result<i64> {
    conn.execute(
        "INSERT INTO complaints (job_id, plate, severity, text, owner_id, status, respond_by,
                                 resolve_by, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'open', ?6, ?7, ?8, ?9)",
        params![
            c.job,
            c.plate,
            c.severity,
            c.text,
            c.owner,
            ts(c.respond_by),
            ts(c.resolve_by),
            c.by,
            ts(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn step_complaint(
    conn: &WriteTx,
    id: i64,
    to: ComplaintStatus,
    now: DateTime<Utc>,
) -> Result<()> {
    let column = match to {
        ComplaintStatus::Acknowledged => "acknowledged_at",
        ComplaintStatus::Resolved => "resolved_at",
        ComplaintStatus::Closed => "closed_at",
        ComplaintStatus::Open => return Ok(()),
    };
    conn.execute(
        &format!("UPDATE complaints SET status = ?2, {column} = ?3 WHERE id = ?1"),
        params![id, to.as_str(), ts(now)],
    )?;
    Ok(())
}
