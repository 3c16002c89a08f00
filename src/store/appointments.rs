//! Bookings in SQL, and the day's load.

use super::queries::{all, parsed, time};
use super::{WriteTx, ts};
use crate::domain::appointments::{ApptState, ApptStatus};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Serialize, Serializer};

fn as_appt_label<S: Serializer>(n: &i64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&crate::domain::appointments::appt_label(*n))
}

fn as_opt_job<S: Serializer>(n: &Option<i64>, s: S) -> std::result::Result<S::Ok, S::Error> {
    match n {
        Some(n) => s.serialize_str(&crate::domain::job_label(*n)),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApptRow {
    #[serde(serialize_with = "as_appt_label")]
    pub id: i64,
    pub plate: String,
    pub at: DateTime<Utc>,
    pub work: String,
    pub hours: Option<f64>,
    pub customer: Option<String>,
    pub phone: Option<String>,
    pub status: ApptStatus,
    /// As the Today view reads it (late, no-show…) at the time of reading.
    pub state: ApptState,
    #[serde(serialize_with = "as_opt_job")]
    pub job: Option<i64>,
}

const SELECT: &str =
    "SELECT id, plate, at, work, hours, customer, phone, status, job_id FROM appointments";

fn row(r: &Row, now: DateTime<Utc>) -> rusqlite::Result<ApptRow> {
    let status: ApptStatus = parsed(r, 7)?;
    let at = time(r, 2)?;
    Ok(ApptRow {
        id: r.get(0)?,
        plate: r.get(1)?,
        at,
        work: r.get(3)?,
        hours: r.get(4)?,
        customer: r.get(5)?,
        phone: r.get(6)?,
        status,
        state: ApptState::of(status, at, now),
        job: r.get(8)?,
    })
}

/// Bookings in [from, to), in time order.
pub fn appointments(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<ApptRow>> {
    all(
        conn,
        &format!("{SELECT} WHERE at >= ?1 AND at < ?2 ORDER BY at, id"),
        [ts(from), ts(to)],
        |r| row(r, now),
    )
}

pub fn appointment(conn: &Connection, id: i64, now: DateTime<Utc>) -> Result<Option<ApptRow>> {
    Ok(conn
        .prepare_cached(&format!("{SELECT} WHERE id = ?1"))?
        .query_row([id], |r| row(r, now))
        .optional()?)
}

pub struct NewAppt<'a> {
    pub plate: &'a str,
    pub at: DateTime<Utc>,
    pub work: &'a str,
    pub hours: Option<f64>,
    pub customer: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub by: i64,
}

pub(crate) fn insert_appointment(conn: &WriteTx, a: &NewAppt, now: DateTime<Utc>) -> Result<i64> {
    conn.execute(
        "INSERT INTO appointments (plate, at, work, hours, customer, phone, status, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'booked', ?7, ?8)",
        params![a.plate, ts(a.at), a.work, a.hours, a.customer, a.phone, a.by, ts(now)],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn set_appt_status(
    conn: &WriteTx,
    id: i64,
    status: ApptStatus,
    job: Option<i64>,
) -> Result<()> {
    conn.execute(
        "UPDATE appointments SET status = ?2, job_id = ?3 WHERE id = ?1",
        params![id, status.as_str(), job],
    )?;
    Ok(())
}

/// Hours booked in [from, to) for cars not yet arrived.
pub fn booked_hours(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<f64> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(hours), 0) FROM appointments
              WHERE status = 'booked' AND at >= ?1 AND at < ?2",
        )?
        .query_row([ts(from), ts(to)], |r| r.get(0))?)
}

/// Sold hours of open jobs' lines still to do (approved, not done).
pub fn open_sold_hours(conn: &Connection) -> Result<f64> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(l.hours), 0) FROM jobs j JOIN lines l ON l.job_id = j.id
              WHERE j.closed_at IS NULL AND l.status = 'approved'",
        )?
        .query_row([], |r| r.get(0))?)
}

/// Active technicians.
pub fn technician_count(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM staff s JOIN staff_roles r ON r.staff_id = s.id
              WHERE r.role = 'technician' AND s.active = 1",
        )?
        .query_row([], |r| r.get(0))?)
}
