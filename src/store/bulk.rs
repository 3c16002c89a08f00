//! Bulk history for benchmarks: whole finished jobs written in one go, with
//! the same tables, columns and invariants as jobs that lived through the
//! operations layer (version = events, closed jobs hold no bay).

use super::WriteTx;
use super::ts;
use crate::domain::qc::ItemOutcome;
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

pub struct HistoryEvent {
    pub at: DateTime<Utc>,
    pub actor_id: i64,
    pub kind: &'static str,
    pub from: Option<&'static str>,
    pub to: Option<&'static str>,
    pub note: Option<String>,
}

pub struct HistoryParts {
    pub part: String,
    pub kind: &'static str,
    pub qty: i64,
    pub blocking: bool,
    pub logged_by: i64,
    pub created_at: DateTime<Utc>,
    pub closed_at: DateTime<Utc>,
    pub eta: DateTime<Utc>,
}

pub struct HistoryQc<'a> {
    pub inspector_id: i64,
    pub passed: bool,
    pub at: DateTime<Utc>,
    pub items: &'a [ItemOutcome],
}

/// A line of a historic work order: requested (approved, done) or found
/// (approved and done, or declined).
pub struct HistoryLine {
    pub kind: &'static str,
    pub work: String,
    pub hours: f64,
    pub amount: i64,
    pub status: &'static str,
    pub urgency: Option<&'static str>,
    pub added_by: i64,
    pub created_at: DateTime<Utc>,
    /// When, by which advisor, how.
    pub decided: Option<(DateTime<Utc>, i64, &'static str)>,
    /// When, by which technician.
    pub done: Option<(DateTime<Utc>, i64)>,
}

/// A delivered job and everything it left behind.
pub struct HistoryJob<'a> {
    pub vehicle_id: i64,
    pub customer_id: i64,
    pub complaint: &'a str,
    pub priority: &'static str,
    pub estimate_hours: f64,
    pub promised_at: DateTime<Utc>,
    pub technician_id: i64,
    /// The bay the job was worked in (its time entries' bay).
    pub bay_id: i64,
    pub rework_count: i64,
    pub created_at: DateTime<Utc>,
    pub closed_at: DateTime<Utc>,
    pub events: Vec<HistoryEvent>,
    pub time: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    pub parts: Vec<HistoryParts>,
    pub qc: Vec<HistoryQc<'a>>,
    pub lines: Vec<HistoryLine>,
}

/// Trades durability for speed while a benchmark history is generated: a
/// crash half-way means generating again, nothing else.
/// One transaction for the history generator (`examples/gen_history.rs`),
/// the only writer outside the operations layer: it fills a benchmark
/// database with years of made-up history at bulk speed.
pub fn write<T>(store: &mut super::Store, f: impl FnOnce(&WriteTx) -> Result<T>) -> Result<T> {
    store.write(|c| {
        let out = f(c)?;
        // Its clock entries are not added to the clocked sums.
        super::clock_sums::forget(c)?;
        Ok(out)
    })
}

pub fn fast_bulk_mode(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "synchronous", "OFF")?;
    conn.pragma_update(None, "cache_size", -200_000)?;
    Ok(())
}

pub fn insert_history_job(conn: &WriteTx, j: &HistoryJob) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO jobs (vehicle_id, customer_id, complaint, priority, estimate_hours, promised_at,
                           status, technician_id, rework_count, status_since, created_at, closed_at,
                           version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'delivered', ?7, ?8, ?9, ?10, ?9, ?11)",
    )?
    .execute(params![
        j.vehicle_id,
        j.customer_id,
        j.complaint,
        j.priority,
        j.estimate_hours,
        ts(j.promised_at),
        j.technician_id,
        j.rework_count,
        ts(j.closed_at),
        ts(j.created_at),
        j.events.len() as i64
    ])?;
    let id = conn.last_insert_rowid();
    let mut te = conn.prepare_cached(
        "INSERT INTO time_entries (job_id, staff_id, started_at, ended_at, bay_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for (a, b) in &j.time {
        te.execute(params![id, j.technician_id, ts(*a), ts(*b), j.bay_id])?;
    }
    let mut pi = conn.prepare_cached(
        "INSERT INTO parts_issues (job_id, part, kind, qty, blocking, status, eta, logged_by,
                                   created_at, updated_at, closed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 'resolved', ?6, ?7, ?8, ?9, ?9)",
    )?;
    for p in &j.parts {
        pi.execute(params![
            id,
            p.part,
            p.kind,
            p.qty,
            p.blocking,
            ts(p.eta),
            p.logged_by,
            ts(p.created_at),
            ts(p.closed_at)
        ])?;
    }
    let mut li = conn.prepare_cached(
        "INSERT INTO lines (job_id, kind, work, hours, parts_amount, status, urgency, blocking,
                            added_by, created_at, decided_at, decided_by, customer_name,
                            decided_via, done_at, done_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?;
    for l in &j.lines {
        li.execute(params![
            id,
            l.kind,
            l.work,
            l.hours,
            l.amount,
            l.status,
            l.urgency,
            l.added_by,
            ts(l.created_at),
            l.decided.map(|d| ts(d.0)),
            l.decided.map(|d| d.1),
            l.decided.map(|_| "the customer"),
            l.decided.map(|d| d.2),
            l.done.map(|d| ts(d.0)),
            l.done.map(|d| d.1),
        ])?;
    }
    for q in &j.qc {
        super::writes::insert_inspection(
            conn,
            &super::writes::NewInspection {
                level: crate::domain::inspection::Level::Final,
                job_id: id,
                inspector_id: q.inspector_id,
                passed: q.passed,
                road_test_done: true,
                road_test_km: Some(5.0),
                note: None,
                items: q.items,
            },
            q.at,
        )?;
    }
    // Events last: a QC event's hash covers the inspection written above.
    for e in &j.events {
        super::chain::append(
            conn,
            super::chain::Link {
                id: 0,
                at: ts(e.at),
                actor_id: Some(e.actor_id),
                job_id: Some(id),
                kind: e.kind.to_string(),
                from: e.from.map(str::to_string),
                to: e.to.map(str::to_string),
                note: e.note.clone(),
                signed: None,
                params: None,
                pin_by: None,
            },
        )?;
    }
    super::figures::record_job_times(conn, id)?;
    Ok(id)
}

/// Vehicles and customers in bulk: returns the first id of each.
pub fn insert_fleet(conn: &WriteTx, n: usize) -> Result<(i64, i64)> {
    let mut c = conn.prepare_cached("INSERT INTO customers (name, phone) VALUES (?1, ?2)")?;
    let mut v = conn.prepare_cached(
        "INSERT INTO vehicles (plate, make, model, year, odometer_km, customer_id, plate_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    const MAKES: [(&str, &str); 8] = [
        ("VW", "Lavida"),
        ("Toyota", "Corolla"),
        ("Honda", "Civic"),
        ("BYD", "Han"),
        ("Ford", "Focus"),
        ("Nissan", "Sylphy"),
        ("Geely", "Emgrand"),
        ("Buick", "Excelle"),
    ];
    let mut first = (0, 0);
    for i in 0..n {
        c.execute(params![
            format!("Customer {i}"),
            format!("+86 138 {:04} {:04}", i / 10_000 % 10_000, i % 10_000)
        ])?;
        let cid = conn.last_insert_rowid();
        let (make, model) = MAKES[i % MAKES.len()];
        let plate = format!("粤B·{:05}", i % 100_000) + &format!("{}", i / 100_000);
        v.execute(params![
            plate,
            make,
            model,
            2010 + (i % 15) as i64,
            (i * 37 % 200_000) as i64,
            cid,
            crate::domain::vehicle::plate_key(&plate)
        ])?;
        if i == 0 {
            first = (conn.last_insert_rowid(), cid);
        }
    }
    Ok(first)
}
