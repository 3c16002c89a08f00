//! A car across its visits, in SQL: its jobs (by canonical plate or VIN),
//! the next service set at delivery, reminder calls, the cars due.
//! Reads are `pub`; writes `pub(crate)`, taking a `WriteTx`.

use super::queries::{all, opt_time, parsed, time};
use super::{WriteTx, ts};
use crate::domain::JobStatus;
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// One visit of the car.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VisitRow {
    #[serde(rename = "number", serialize_with = "super::records::as_job_label")]
    pub job: i64,
    pub status: JobStatus,
    pub plate: String,
    pub checked_in: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    pub odometer_km: Option<i64>,
    pub complaint: String,
    pub technician: Option<String>,
    #[serde(serialize_with = "super::records::as_opt_job_label")]
    pub comeback_of: Option<i64>,
    pub next_service_on: Option<NaiveDate>,
    pub next_service_km: Option<i64>,
    /// What the advisor noted of the wear parts' remaining life.
    pub wear_note: Option<String>,
}

/// The car's jobs, oldest first: by VIN when the car has one on record,
/// and by the plate however it was typed.
pub fn visits(conn: &Connection, plate_key: &str, vin: Option<&str>) -> Result<Vec<VisitRow>> {
    all(
        conn,
        "SELECT j.id, j.status, v.plate, j.created_at, j.closed_at,
                coalesce(j.odometer_km, v.odometer_km), j.complaint, s.name, j.comeback_of,
                j.next_service_on, j.next_service_km, j.wear_note
           FROM jobs j JOIN vehicles v ON v.id = j.vehicle_id
           LEFT JOIN staff s ON s.id = j.technician_id
          WHERE v.plate_key = ?1 OR (?2 IS NOT NULL AND v.vin = ?2)
          ORDER BY j.id",
        params![plate_key, vin],
        |r| {
            Ok(VisitRow {
                job: r.get(0)?,
                status: parsed(r, 1)?,
                plate: r.get(2)?,
                checked_in: time(r, 3)?,
                closed_at: opt_time(r, 4)?,
                odometer_km: r.get(5)?,
                complaint: r.get(6)?,
                technician: r.get(7)?,
                comeback_of: r.get(8)?,
                next_service_on: r
                    .get::<_, Option<String>>(9)?
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
                next_service_km: r.get(10)?,
                wear_note: r.get(11)?,
            })
        },
    )
}

/// The car a typed plate or VIN names: (plate, plate key, VIN).
pub fn car_named(
    conn: &Connection,
    typed: &str,
) -> Result<Option<(String, String, Option<String>)>> {
    let key = crate::domain::vehicle::plate_key(typed);
    let vin = typed.trim().to_ascii_uppercase();
    Ok(conn
        .prepare_cached(
            "SELECT plate, plate_key, vin FROM vehicles
              WHERE plate_key = ?1 OR vin = ?2 ORDER BY id DESC LIMIT 1",
        )?
        .query_row(params![key, vin], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// The complaints raised about a car's visits: (complaint id, job, text, status).
pub fn complaints_of_jobs(
    conn: &Connection,
    jobs: &[i64],
) -> Result<Vec<(i64, i64, String, String)>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, job_id, text, status FROM complaints WHERE job_id = ?1 ORDER BY id",
    )?;
    for j in jobs {
        for row in stmt.query_map([j], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))? {
            out.push(row?);
        }
    }
    Ok(out)
}

pub(crate) fn set_next_service(
    tx: &WriteTx,
    job: i64,
    on: NaiveDate,
    km: Option<i64>,
    wear: Option<&str>,
) -> Result<()> {
    tx.execute(
        "UPDATE jobs SET next_service_on = ?2, next_service_km = ?3, wear_note = ?4 WHERE id = ?1",
        params![job, on.format("%Y-%m-%d").to_string(), km, wear],
    )?;
    Ok(())
}

/// A car due for its service reminder.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueRow {
    /// The delivery that set the next service.
    #[serde(serialize_with = "super::records::as_job_label")]
    pub job: i64,
    pub plate: String,
    pub vin: Option<String>,
    pub customer: Option<String>,
    pub phone: Option<String>,
    pub next_service_on: NaiveDate,
    pub next_service_km: Option<i64>,
    pub odometer_km: Option<i64>,
}

/// Cars whose latest delivery set a service due on or before `until` and
/// whose customer was not yet reached by the reminder call (an unanswered
/// call leaves the car on the list, to try again).
pub fn service_due(conn: &Connection, until: NaiveDate) -> Result<Vec<DueRow>> {
    all(
        conn,
        "SELECT j.id, v.plate, v.vin, c.name, c.phone, j.next_service_on, j.next_service_km,
                coalesce(j.odometer_km, v.odometer_km)
           FROM jobs j JOIN vehicles v ON v.id = j.vehicle_id
           LEFT JOIN customers c ON c.id = j.customer_id
          WHERE j.next_service_on IS NOT NULL AND j.next_service_on <= ?1
            AND NOT EXISTS (SELECT 1 FROM jobs later JOIN vehicles lv ON lv.id = later.vehicle_id
                             WHERE lv.plate_key = v.plate_key AND later.id > j.id
                               AND later.status <> 'cancelled')
            AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.job_id = j.id AND r.reached)
          ORDER BY j.next_service_on, j.id",
        [until.format("%Y-%m-%d").to_string()],
        |r| {
            Ok(DueRow {
                job: r.get(0)?,
                plate: r.get(1)?,
                vin: r.get(2)?,
                customer: r.get(3)?,
                phone: r.get(4)?,
                next_service_on: NaiveDate::parse_from_str(&r.get::<_, String>(5)?, "%Y-%m-%d")
                    .unwrap_or_default(),
                next_service_km: r.get(6)?,
                odometer_km: r.get(7)?,
            })
        },
    )
}

/// The reminder call for the service a delivery set.
pub(crate) fn insert_reminder(
    tx: &WriteTx,
    job: i64,
    by: i64,
    reached: bool,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "INSERT INTO reminders (job_id, by_id, reached, note, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![job, by, reached, note, ts(now)],
    )?;
    Ok(())
}
