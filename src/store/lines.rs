//! Work-order lines and the shop's money settings: queries, and the writes
//! the operations layer makes inside its transactions.

use super::queries::{all, opt_parsed, opt_time, parsed, time};
use super::records::{ApprovalRow, DeclinedRow, LineRow, ShopSettings};
use super::{WriteTx, ts};
use crate::domain::{LineKind, LineStatus, Urgency, Via};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use std::collections::HashMap;

const LINE_SELECT: &str = "
SELECT l.id, l.job_id, l.kind, l.work, l.hours, l.parts_amount, l.status, l.urgency,
       l.blocking, l.note, a.name, l.created_at, l.decided_at, d.name, l.customer_name,
       l.decided_via, l.done_at, t.name,
       coalesce(l.labour_rate, (SELECT labour_rate FROM shop WHERE id = 1), 0),
       l.op, l.part_number, l.qty, l.list_price, l.price, l.price_reason, l.payer, l.campaign
FROM lines l
LEFT JOIN staff a ON a.id = l.added_by
LEFT JOIN staff d ON d.id = l.decided_by
LEFT JOIN staff t ON t.id = l.done_by";

/// How many columns `LINE_SELECT` gives: a query adding its own reads
/// them from here on.
const LINE_COLUMNS: usize = 27;

fn line_from(r: &Row) -> rusqlite::Result<LineRow> {
    Ok(LineRow {
        id: r.get(0)?,
        job: r.get(1)?,
        kind: parsed(r, 2)?,
        work: r.get(3)?,
        hours: r.get(4)?,
        amount: r.get(5)?,
        status: parsed(r, 6)?,
        urgency: opt_parsed::<Urgency>(r, 7)?,
        blocking: r.get(8)?,
        note: r.get(9)?,
        added_by: r.get(10)?,
        created_at: time(r, 11)?,
        decided_at: opt_time(r, 12)?,
        decided_by: r.get(13)?,
        customer_name: r.get(14)?,
        via: opt_parsed::<Via>(r, 15)?,
        done_at: opt_time(r, 16)?,
        done_by: r.get(17)?,
        labour_rate: r.get(18)?,
        op: r.get(19)?,
        part: r.get(20)?,
        qty: r.get(21)?,
        list_price: r.get(22)?,
        agreed_price: r.get(23)?,
        price_reason: r.get(24)?,
        payer: parsed(r, 25)?,
        campaign: r.get(26)?,
    })
}

pub fn line(conn: &Connection, id: i64) -> Result<Option<LineRow>> {
    let sql = format!("{LINE_SELECT} WHERE l.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], line_from)
        .optional()?)
}

pub fn lines_for_job(conn: &Connection, job_id: i64) -> Result<Vec<LineRow>> {
    let sql = format!("{LINE_SELECT} WHERE l.job_id = ?1 ORDER BY l.id");
    all(conn, &sql, [job_id], line_from)
}

/// What the rules need of a job's lines: (label words, status, blocking)
/// of each line not declined, read without the names the screens show.
pub fn line_facts(conn: &Connection, job_id: i64) -> Result<Vec<(String, LineStatus, bool)>> {
    all(
        conn,
        "SELECT id, work, status, blocking FROM lines
          WHERE job_id = ?1 AND status IN ('proposed','approved') ORDER BY id",
        [job_id],
        |r| {
            let status: LineStatus = parsed(r, 2)?;
            let work: String = r.get(1)?;
            let words = format!(
                "{} {} ({})",
                crate::domain::line_label(r.get(0)?),
                crate::text::fit(&work, 40),
                status.label()
            );
            Ok((words, status, r.get(3)?))
        },
    )
}

/// Whether any money was recorded: a labour rate or a priced line.
pub fn money_recorded(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT (SELECT labour_rate FROM shop WHERE id = 1) > 0
             OR EXISTS (SELECT 1 FROM lines WHERE parts_amount > 0)",
        [],
        |r| r.get(0),
    )?)
}

/// Whether a blocking added line of the job waits for the customer.
pub fn approval_hold(conn: &Connection, job_id: i64) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM lines
          WHERE job_id = ?1 AND status = 'proposed' AND blocking = 1)",
        [job_id],
        |r| r.get(0),
    )?)
}

pub fn shop_settings(conn: &Connection) -> Result<ShopSettings> {
    Ok(conn
        .prepare_cached("SELECT name, currency, labour_rate, require_pins FROM shop WHERE id = 1")?
        .query_row([], |r| {
            Ok(ShopSettings {
                name: r.get(0)?,
                currency: r.get(1)?,
                labour_rate: r.get(2)?,
                // Unreadable means the strictest rule, never the loosest.
                require_pins: r
                    .get::<_, String>(3)?
                    .parse()
                    .unwrap_or(crate::domain::PinPolicy::Everyone),
            })
        })?)
}

/// Every line waiting for a customer's decision, safety first, then the
/// longest waiting; with the customer's name and phone and the price.
pub fn approvals(conn: &Connection) -> Result<Vec<ApprovalRow>> {
    let sql = format!(
        "SELECT q.*, v.plate, c.name, c.phone, j.status FROM ({LINE_SELECT}
           WHERE l.status = 'proposed') q
         JOIN jobs j ON j.id = q.job_id
         JOIN vehicles v ON v.id = j.vehicle_id
         LEFT JOIN customers c ON c.id = j.customer_id"
    );
    let mut rows = all(conn, &sql, [], |r| {
        let line = line_from(r)?;
        let price = line.price();
        Ok(ApprovalRow {
            line,
            plate: r.get(LINE_COLUMNS)?,
            customer: r.get(LINE_COLUMNS + 1)?,
            phone: r.get(LINE_COLUMNS + 2)?,
            job_status: parsed(r, LINE_COLUMNS + 3)?,
            price,
        })
    })?;
    rows.sort_by_key(|a| {
        (
            a.line.urgency.map_or(9, |u| u.rank()),
            !a.line.blocking,
            a.line.created_at,
            a.line.id,
        )
    });
    Ok(rows)
}

/// Lines declined on earlier jobs of the vehicle with this plate (same
/// plate, any case), newest first.
pub fn declined_for_plate(
    conn: &Connection,
    plate: &str,
    except_job: Option<i64>,
) -> Result<Vec<DeclinedRow>> {
    let sql = format!(
        "SELECT q.*, v.plate FROM ({LINE_SELECT}
           WHERE l.status = 'declined'
             AND l.job_id IN (SELECT cj.id FROM vehicles cv JOIN jobs cj ON cj.vehicle_id = cv.id
                               WHERE cv.plate_key = ?1 AND cj.id IS NOT ?2)) q
         JOIN jobs j ON j.id = q.job_id
         JOIN vehicles v ON v.id = j.vehicle_id
         ORDER BY q.decided_at DESC LIMIT 20"
    );
    let key = crate::domain::vehicle::plate_key(plate);
    all(conn, &sql, params![key, except_job], |r| {
        Ok(DeclinedRow {
            line: line_from(r)?,
            plate: r.get(LINE_COLUMNS)?,
        })
    })
}

/// Sold hours of lines each technician marked done in [since, now].
pub fn sold_hours_since(conn: &Connection, since: DateTime<Utc>) -> Result<HashMap<i64, f64>> {
    let rows: Vec<(i64, f64)> = all(
        conn,
        "SELECT done_by, total(hours) FROM lines
          WHERE done_at >= ?1 AND done_by IS NOT NULL GROUP BY done_by",
        [ts(since)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(rows.into_iter().collect())
}

/// A new line, as the operations layer validated it.
pub struct NewLine<'a> {
    pub job_id: i64,
    pub kind: LineKind,
    pub work: &'a str,
    pub hours: Option<f64>,
    pub amount: Option<i64>,
    pub urgency: Option<Urgency>,
    pub blocking: bool,
    pub note: Option<&'a str>,
    pub added_by: Option<i64>,
    /// Made from the published list: what it said, and any other price.
    pub listed: Option<&'a crate::domain::catalogue::ListedLine>,
    /// Quoted at reception: covered by the estimate the customer accepts.
    pub on_estimate: bool,
    pub payer: crate::domain::warranty::Payer,
    /// The recall campaign this line does.
    pub campaign: Option<&'a str>,
}

pub(crate) fn insert_line(tx: &WriteTx, l: &NewLine, now: DateTime<Utc>) -> Result<i64> {
    let status = match l.kind {
        LineKind::Requested => LineStatus::Approved,
        LineKind::Added => LineStatus::Proposed,
    };
    let listed = l.listed;
    tx.execute(
        "INSERT INTO lines (job_id, kind, work, hours, parts_amount, status, urgency, blocking,
                            note, added_by, created_at, approved_hours, approved_parts,
                            labour_rate, op, part_number, qty, list_price, price, price_reason,
                            on_estimate, payer, campaign)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                 CASE WHEN ?6 = 'approved' THEN ?4 END, CASE WHEN ?6 = 'approved' THEN ?5 END,
                 (SELECT nullif(labour_rate, 0) FROM shop WHERE id = 1),
                 ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
        params![
            l.job_id,
            l.kind.as_str(),
            l.work,
            l.hours,
            l.amount,
            status.as_str(),
            l.urgency.map(|u| u.as_str()),
            l.blocking,
            l.note,
            l.added_by,
            ts(now),
            listed.and_then(|p| p.op.as_deref()),
            listed.and_then(|p| p.part.as_ref().map(|(n, _)| n.as_str())),
            listed.and_then(|p| p.part.as_ref().map(|(_, q)| *q)),
            listed.and_then(|p| p.list_price),
            listed.and_then(|p| p.fixed),
            listed.and_then(|p| p.reason.as_deref()),
            l.on_estimate,
            l.payer.as_str(),
            l.campaign,
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

/// The customer's decision on a proposed line.
pub(crate) fn decide_line(
    tx: &WriteTx,
    id: i64,
    approved: bool,
    customer: &str,
    via: Via,
    by: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    let to = if approved {
        LineStatus::Approved
    } else {
        LineStatus::Declined
    };
    tx.execute(
        "UPDATE lines SET status = ?2, customer_name = ?3, decided_via = ?4, decided_by = ?5,
                          decided_at = ?6,
                          approved_hours = CASE WHEN ?2 = 'approved' THEN hours END,
                          approved_parts = CASE WHEN ?2 = 'approved' THEN parts_amount END
          WHERE id = ?1 AND status = 'proposed'",
        params![id, to.as_str(), customer, via.as_str(), by, ts(now)],
    )?;
    Ok(())
}

/// Done (by whom, when) or reopened (approved again).
pub(crate) fn set_line_done(
    tx: &WriteTx,
    id: i64,
    done_by: Option<i64>,
    now: DateTime<Utc>,
) -> Result<()> {
    match done_by {
        Some(by) => tx.execute(
            "UPDATE lines SET status = 'done', done_by = ?2, done_at = ?3 WHERE id = ?1",
            params![id, by, ts(now)],
        )?,
        None => tx.execute(
            "UPDATE lines SET status = 'approved', done_by = NULL, done_at = NULL WHERE id = ?1",
            [id],
        )?,
    };
    Ok(())
}

/// A new price. `estimate` says the customer's approved estimate moves
/// with it (a free change before the work is under way); a foreman's
/// later change with a reason leaves what the customer approved as it was.
pub(crate) fn set_line_price(
    tx: &WriteTx,
    id: i64,
    hours: Option<f64>,
    amount: Option<i64>,
    estimate: bool,
) -> Result<()> {
    tx.execute(
        "UPDATE lines SET hours = ?2, parts_amount = ?3,
                approved_hours = CASE WHEN ?4 AND status IN ('approved','done') THEN ?2
                                      ELSE approved_hours END,
                approved_parts = CASE WHEN ?4 AND status IN ('approved','done') THEN ?3
                                      ELSE approved_parts END
          WHERE id = ?1",
        params![id, hours, amount, estimate],
    )?;
    Ok(())
}

/// The estimate the customer accepted at reception (minor units).
pub(crate) fn set_estimate_accepted(tx: &WriteTx, job: i64, amount: i64) -> Result<()> {
    tx.execute(
        "UPDATE jobs SET estimate_accepted = ?2 WHERE id = ?1",
        params![job, amount],
    )?;
    Ok(())
}

pub(crate) fn set_money_settings(
    tx: &WriteTx,
    currency: Option<&str>,
    labour_rate: Option<i64>,
) -> Result<()> {
    // Lines priced at the rate in force keep it: a new rate is for work
    // priced from now on.
    tx.execute(
        "UPDATE lines SET labour_rate = (SELECT labour_rate FROM shop WHERE id = 1)
          WHERE labour_rate IS NULL AND (SELECT labour_rate FROM shop WHERE id = 1) > 0
            AND ?1 IS NOT (SELECT labour_rate FROM shop WHERE id = 1)",
        params![labour_rate],
    )?;
    tx.execute(
        "UPDATE shop SET currency = coalesce(?1, currency),
                         labour_rate = coalesce(?2, labour_rate) WHERE id = 1",
        params![currency, labour_rate],
    )?;
    Ok(())
}
