//! Reception and hand-over in SQL: the walk-around, the wash, adjustments,
//! payment and old parts, and the lines as the settlement counts them.

use super::queries::{all, opt_time, time};
use super::{WriteTx, ts};
use crate::domain::handover::{Damage, OldParts, Payment, Priced};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

/// The walk-around as recorded at check-in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Walkaround {
    pub fuel_eighths: Option<i64>,
    pub damages: Vec<Damage>,
    pub valuables: Option<String>,
    pub warning_lights: Option<String>,
    pub return_old_parts: bool,
    pub recorded_by: String,
    /// The customer declined the walk-around (the shop's rule asks for one).
    pub declined: bool,
    pub recorded_at: DateTime<Utc>,
}

pub(crate) fn insert_walkaround(conn: &WriteTx, job: i64, w: &Walkaround, by: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO walkarounds (job_id, fuel_eighths, valuables, warning_lights,
                                  return_old_parts, recorded_by, recorded_at, declined)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            job,
            w.fuel_eighths,
            w.valuables,
            w.warning_lights,
            w.return_old_parts,
            by,
            ts(w.recorded_at),
            w.declined
        ],
    )?;
    let mut stmt = conn.prepare_cached(
        "INSERT INTO damages (job_id, position, place, what) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (i, d) in w.damages.iter().enumerate() {
        stmt.execute(params![job, i as i64, d.place, d.what])?;
    }
    Ok(())
}

pub fn walkaround(conn: &Connection, job: i64) -> Result<Option<Walkaround>> {
    let head = conn
        .prepare_cached(
            "SELECT w.fuel_eighths, w.valuables, w.warning_lights, w.return_old_parts, s.name,
                    w.recorded_at, w.declined
               FROM walkarounds w JOIN staff s ON s.id = w.recorded_by WHERE w.job_id = ?1",
        )?
        .query_row([job], |r| {
            Ok(Walkaround {
                fuel_eighths: r.get(0)?,
                valuables: r.get(1)?,
                warning_lights: r.get(2)?,
                return_old_parts: r.get(3)?,
                recorded_by: r.get(4)?,
                recorded_at: time(r, 5)?,
                declined: r.get(6)?,
                damages: Vec::new(),
            })
        })
        .optional()?;
    let Some(mut w) = head else { return Ok(None) };
    w.damages = all(
        conn,
        "SELECT place, what FROM damages WHERE job_id = ?1 ORDER BY position",
        [job],
        |r| {
            Ok(Damage {
                place: r.get(0)?,
                what: r.get(1)?,
            })
        },
    )?;
    Ok(Some(w))
}

/// An overage a foreman accepted.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjustment {
    pub amount: i64,
    pub reason: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// What happened at hand-over.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Handover {
    pub washed_at: Option<DateTime<Utc>>,
    pub paid: Option<String>,
    pub old_parts: Option<String>,
    pub adjustments: Vec<Adjustment>,
}

pub fn handover(conn: &Connection, job: i64) -> Result<Handover> {
    let (washed_at, paid, old_parts) = conn
        .prepare_cached("SELECT washed_at, paid, old_parts FROM jobs WHERE id = ?1")?
        .query_row([job], |r| Ok((opt_time(r, 0)?, r.get(1)?, r.get(2)?)))?;
    let adjustments = all(
        conn,
        "SELECT a.amount, a.reason, s.name, a.at FROM adjustments a
           JOIN staff s ON s.id = a.by_id WHERE a.job_id = ?1 ORDER BY a.id",
        [job],
        |r| {
            Ok(Adjustment {
                amount: r.get(0)?,
                reason: r.get(1)?,
                by: r.get(2)?,
                at: time(r, 3)?,
            })
        },
    )?;
    Ok(Handover {
        washed_at,
        paid,
        old_parts,
        adjustments,
    })
}

pub(crate) fn set_washed(conn: &WriteTx, job: i64, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE jobs SET washed_at = ?2 WHERE id = ?1",
        params![job, ts(now)],
    )?;
    Ok(())
}

/// Whether a check-in needs the walk-around (or the customer's no).
pub fn walkaround_required(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT walkaround_required FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

pub(crate) fn set_walkaround_required(conn: &WriteTx, required: bool) -> Result<()> {
    conn.execute(
        "UPDATE shop SET walkaround_required = ?1 WHERE id = 1",
        [required],
    )?;
    Ok(())
}

/// The open job whose keys carry `tag`, if any.
pub fn open_job_with_key_tag(conn: &Connection, tag: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT j.id FROM jobs j WHERE j.key_tag = ?1 AND {} LIMIT 1",
            super::queries::OPEN_JOBS_WHERE
        ))?
        .query_row([tag], |r| r.get(0))
        .optional()?)
}

/// The spot the finished car is parked in (the internal hand-over).
pub(crate) fn set_parking_spot(conn: &WriteTx, job: i64, spot: &str) -> Result<()> {
    conn.execute(
        "UPDATE jobs SET parking_spot = ?2 WHERE id = ?1",
        params![job, spot],
    )?;
    Ok(())
}

/// Whether the shop runs the peer check 互检 between finish and QC.
pub fn peer_check(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT peer_check FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

pub(crate) fn set_peer_check(conn: &WriteTx, on: bool) -> Result<()> {
    conn.execute("UPDATE shop SET peer_check = ?1 WHERE id = 1", [on])?;
    Ok(())
}

/// The time promised to the customer, moved (`Workshop::promise`).
pub(crate) fn set_promised(conn: &WriteTx, job: i64, at: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE jobs SET promised_at = ?2 WHERE id = ?1",
        params![job, ts(at)],
    )?;
    Ok(())
}

/// A promise moved since a moment, for the advisor to tell the customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PromiseMoved {
    pub job: i64,
    pub plate: String,
    pub customer: Option<String>,
    pub phone: Option<String>,
    /// The job's promised time now (a later move shows the latest).
    pub promised_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
    pub by: Option<String>,
    pub at: DateTime<Utc>,
}

/// The board's read of the day's moved promises: the partial index
/// `events_promise`, never the event history (a test plans it).
pub const PROMISES_MOVED: &str =
    "SELECT e.job_id, v.plate, c.name, c.phone, j.promised_at, e.note, s.name, e.at
   FROM events e
   JOIN jobs j ON j.id = e.job_id
   JOIN vehicles v ON v.id = j.vehicle_id
   LEFT JOIN customers c ON c.id = j.customer_id
   LEFT JOIN staff s ON s.id = e.actor_id
  WHERE e.kind = 'promise_moved' AND e.at >= ?1
  ORDER BY e.at DESC, e.id DESC";

/// Promises moved at or after `since`, latest first, one per job (its
/// latest move: the time the customer must now hear).
pub fn promises_moved(conn: &Connection, since: DateTime<Utc>) -> Result<Vec<PromiseMoved>> {
    let mut seen = std::collections::HashSet::new();
    let moved = all(conn, PROMISES_MOVED, [ts(since)], |r| {
        Ok(PromiseMoved {
            job: r.get(0)?,
            plate: r.get(1)?,
            customer: r.get(2)?,
            phone: r.get(3)?,
            promised_at: opt_time(r, 4)?,
            reason: r.get(5)?,
            by: r.get(6)?,
            at: time(r, 7)?,
        })
    })?;
    Ok(moved.into_iter().filter(|m| seen.insert(m.job)).collect())
}

pub(crate) fn insert_adjustment(
    conn: &WriteTx,
    job: i64,
    amount: i64,
    reason: &str,
    by: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO adjustments (job_id, amount, reason, by_id, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![job, amount, reason, by, ts(now)],
    )?;
    Ok(())
}

pub(crate) fn set_paid(
    conn: &WriteTx,
    job: i64,
    paid: Option<Payment>,
    old_parts: Option<OldParts>,
) -> Result<()> {
    conn.execute(
        "UPDATE jobs SET paid = coalesce(?2, paid), old_parts = coalesce(?3, old_parts) WHERE id = ?1",
        params![job, paid.map(|p| p.as_str()), old_parts.map(|o| o.as_str())],
    )?;
    Ok(())
}

/// The lines the customer pays for (approved or done), with what they
/// approved; lines from before approvals were kept count as approved as
/// they stand.
/// A settled line's list price and why another was agreed, if it was.
pub type OffList = Option<(i64, String)>;

/// A job's approved and done lines at their prices, with who pays each.
pub type PricedLine = (i64, String, Priced, OffList, crate::domain::warranty::Payer);

pub fn priced_lines(conn: &Connection, job: i64) -> Result<Vec<PricedLine>> {
    all(
        conn,
        "SELECT id, work, coalesce(hours, 0), coalesce(parts_amount, 0),
                coalesce(approved_hours, hours, 0), coalesce(approved_parts, parts_amount, 0),
                coalesce(labour_rate, (SELECT labour_rate FROM shop WHERE id = 1), 0), price,
                list_price, price_reason, on_estimate, payer
           FROM lines WHERE job_id = ?1 AND status IN ('approved','done') ORDER BY id",
        [job],
        |r| {
            let off: OffList = match (r.get::<_, Option<i64>>(8)?, r.get::<_, Option<String>>(9)?) {
                (Some(list), Some(why)) => Some((list, why)),
                _ => None,
            };
            Ok((
                r.get(0)?,
                r.get(1)?,
                Priced {
                    hours: r.get(2)?,
                    parts: r.get(3)?,
                    approved: (r.get(4)?, r.get(5)?),
                    rate: r.get(6)?,
                    fixed: r.get(7)?,
                    on_estimate: r.get(10)?,
                },
                off,
                super::queries::parsed(r, 11)?,
            ))
        },
    )
}

/// How many times a document of the job was printed.
pub fn prints_of(conn: &Connection, job: i64, document: &str) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM events WHERE job_id = ?1 AND kind = 'printed'
                AND json_extract(params, '$.args.document.code') = ?2",
        )?
        .query_row(rusqlite::params![job, document], |r| r.get(0))?)
}
