//! Warranty claims and recall campaigns, in SQL (`domain/warranty.rs`).
//! Reads are `pub`; writes `pub(crate)`, taking a `WriteTx`.

use super::queries::{all, parsed, time};
use super::{WriteTx, ts};
use crate::domain::warranty::{ClaimStatus, RecallRow};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

/// A warranty claim, with its job's car.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimRow {
    #[serde(serialize_with = "as_claim_label")]
    pub id: i64,
    #[serde(serialize_with = "super::records::as_job_label")]
    pub job: i64,
    pub plate: String,
    pub vin: Option<String>,
    pub symptom: String,
    pub cause: String,
    pub correction: String,
    pub part: String,
    pub number: Option<String>,
    pub status: ClaimStatus,
    pub opened_by: String,
    pub opened_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn as_claim_label<S: serde::Serializer>(id: &i64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&crate::domain::warranty::claim_label(*id))
}

const CLAIM_SELECT: &str = "
SELECT w.id, w.job_id, v.plate, v.vin, w.symptom, w.cause, w.correction, w.part, w.number,
       w.status, s.name, w.opened_at, w.updated_at
  FROM claims w
  JOIN jobs j ON j.id = w.job_id
  JOIN vehicles v ON v.id = j.vehicle_id
  JOIN staff s ON s.id = w.opened_by";

fn claim_from(r: &Row) -> rusqlite::Result<ClaimRow> {
    Ok(ClaimRow {
        id: r.get(0)?,
        job: r.get(1)?,
        plate: r.get(2)?,
        vin: r.get(3)?,
        symptom: r.get(4)?,
        cause: r.get(5)?,
        correction: r.get(6)?,
        part: r.get(7)?,
        number: r.get(8)?,
        status: parsed(r, 9)?,
        opened_by: r.get(10)?,
        opened_at: time(r, 11)?,
        updated_at: time(r, 12)?,
    })
}

pub fn claim(conn: &Connection, id: i64) -> Result<Option<ClaimRow>> {
    let sql = format!("{CLAIM_SELECT} WHERE w.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], claim_from)
        .optional()?)
}

pub fn claim_of_job(conn: &Connection, job: i64) -> Result<Option<ClaimRow>> {
    let sql = format!("{CLAIM_SELECT} WHERE w.job_id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([job], claim_from)
        .optional()?)
}

/// Claims opened in [from, to), oldest first (the monthly list).
pub fn claims_opened(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<ClaimRow>> {
    let sql = format!("{CLAIM_SELECT} WHERE w.opened_at >= ?1 AND w.opened_at < ?2 ORDER BY w.id");
    all(conn, &sql, params![ts(from), ts(to)], claim_from)
}

/// Claims not yet paid, the oldest first: the warranty desk's list.
pub fn unpaid_claims(conn: &Connection) -> Result<Vec<ClaimRow>> {
    let sql = CLAIM_SELECT.replace("FROM claims w", "FROM claims w INDEXED BY claims_unpaid")
        + " WHERE w.status <> 'paid' ORDER BY w.id";
    all(conn, &sql, [], claim_from)
}

/// A job whose warranty or 三包 lines wait for their claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToClaim {
    #[serde(serialize_with = "super::records::as_job_label")]
    pub job: i64,
    pub plate: String,
    /// How many of its lines the maker (or 三包) pays.
    pub lines: i64,
}

/// Jobs with approved or done warranty (三包) lines and no claim yet, not
/// cancelled, oldest first.
pub fn jobs_to_claim(conn: &Connection) -> Result<Vec<ToClaim>> {
    all(
        conn,
        "SELECT l.job_id, v.plate, count(*)
           FROM lines l INDEXED BY lines_to_claim
           JOIN jobs j ON j.id = l.job_id
           JOIN vehicles v ON v.id = j.vehicle_id
          WHERE l.payer IN ('warranty', 'sanbao') AND l.claimed = 0
            AND l.status IN ('approved', 'done')
            AND j.status <> 'cancelled'
            AND NOT EXISTS (SELECT 1 FROM claims w WHERE w.job_id = l.job_id)
          GROUP BY l.job_id ORDER BY l.job_id",
        [],
        |r| {
            Ok(ToClaim {
                job: r.get(0)?,
                plate: r.get(1)?,
                lines: r.get(2)?,
            })
        },
    )
}

/// What a new claim says.
pub struct NewClaim<'a> {
    pub job: i64,
    pub symptom: &'a str,
    pub cause: &'a str,
    pub correction: &'a str,
    pub part: &'a str,
    pub by: i64,
}

/// The job's warranty lines are claimed: off the desk's index.
pub(crate) fn mark_claimed(tx: &WriteTx, job: i64) -> Result<()> {
    tx.execute(
        "UPDATE lines SET claimed = 1 WHERE job_id = ?1 AND payer IN ('warranty', 'sanbao')",
        [job],
    )?;
    Ok(())
}

pub(crate) fn insert_claim(tx: &WriteTx, c: &NewClaim, now: DateTime<Utc>) -> Result<i64> {
    tx.execute(
        "INSERT INTO claims (job_id, symptom, cause, correction, part, opened_by, opened_at,
                             updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            c.job,
            c.symptom,
            c.cause,
            c.correction,
            c.part,
            c.by,
            ts(now)
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

pub(crate) fn set_claim(
    tx: &WriteTx,
    id: i64,
    status: ClaimStatus,
    number: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "UPDATE claims SET status = ?2, number = coalesce(?3, number), updated_at = ?4
          WHERE id = ?1",
        params![id, status.as_str(), number, ts(now)],
    )?;
    Ok(())
}

/// Warranty or 三包 lines the job has (approved or done): what a claim is for.
pub fn warranty_lines(conn: &Connection, job: i64) -> Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT count(*) FROM lines WHERE job_id = ?1 AND payer IN ('warranty', 'sanbao')
                AND status IN ('approved', 'done')",
        )?
        .query_row([job], |r| r.get(0))?)
}

/// A recall campaign for one car, and the job whose line did it (if done).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecallState {
    pub campaign: String,
    pub title: String,
    pub vin: String,
    #[serde(serialize_with = "super::records::as_opt_job_label")]
    pub done_on: Option<i64>,
}

/// Adds a campaign's VIN; false when it was already known.
pub(crate) fn insert_recall(tx: &WriteTx, r: &RecallRow, now: DateTime<Utc>) -> Result<bool> {
    let n = tx.execute(
        "INSERT INTO recalls (campaign, title, vin, imported_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (campaign, vin) DO NOTHING",
        params![r.campaign, r.title, r.vin, ts(now)],
    )?;
    Ok(n == 1)
}

const RECALL_SELECT: &str = "
SELECT r.campaign, r.title, r.vin,
       (SELECT min(l.job_id) FROM lines l
          JOIN jobs j ON j.id = l.job_id JOIN vehicles v ON v.id = j.vehicle_id
         WHERE l.campaign = r.campaign AND v.vin = r.vin AND l.status = 'done')
  FROM recalls r";

fn recall_from(r: &Row) -> rusqlite::Result<RecallState> {
    Ok(RecallState {
        campaign: r.get(0)?,
        title: r.get(1)?,
        vin: r.get(2)?,
        done_on: r.get(3)?,
    })
}

/// The campaigns of one VIN, done or not.
pub fn recalls_for_vin(conn: &Connection, vin: &str) -> Result<Vec<RecallState>> {
    let sql = format!("{RECALL_SELECT} WHERE r.vin = ?1 ORDER BY r.campaign");
    all(conn, &sql, [vin], recall_from)
}

/// The open campaigns of a car (by its VIN; none without one).
pub fn open_recalls(conn: &Connection, vin: Option<&str>) -> Result<Vec<RecallState>> {
    let Some(vin) = vin else {
        return Ok(Vec::new());
    };
    Ok(recalls_for_vin(conn, vin)?
        .into_iter()
        .filter(|r| r.done_on.is_none())
        .collect())
}

/// An open campaign of a car the shop knows, by the key of its plate: what
/// the check-in form flags while the plate is typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlateRecall {
    pub plate_key: String,
    pub campaign: String,
    pub title: String,
}

/// Every open campaign of a car on file (its VIN recorded), by plate key.
pub fn open_recalls_by_plate(conn: &Connection) -> Result<Vec<PlateRecall>> {
    all(
        conn,
        "SELECT DISTINCT v.plate_key, r.campaign, r.title
           FROM recalls r JOIN vehicles v ON v.vin = r.vin
          WHERE NOT EXISTS (SELECT 1 FROM lines l JOIN jobs j ON j.id = l.job_id
                              JOIN vehicles dv ON dv.id = j.vehicle_id
                             WHERE l.campaign = r.campaign AND dv.vin = r.vin
                               AND l.status = 'done')
          ORDER BY v.plate_key, r.campaign",
        [],
        |r| {
            Ok(PlateRecall {
                plate_key: r.get(0)?,
                campaign: r.get(1)?,
                title: r.get(2)?,
            })
        },
    )
}

/// Every campaign row.
pub fn recalls(conn: &Connection) -> Result<Vec<RecallState>> {
    let sql = format!("{RECALL_SELECT} ORDER BY r.campaign, r.vin");
    all(conn, &sql, [], recall_from)
}
