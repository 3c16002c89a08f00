//! Calls to return, in SQL (`domain/calls.rs`). Reads are `pub`; writes
//! `pub(crate)`, taking a `WriteTx`.

use super::queries::{all, opt_time, time};
use super::{WriteTx, ts};
use crate::domain::calls::CallKind;
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::Serialize;

/// A call, with the names of who logged and closed it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CallRow {
    #[serde(serialize_with = "as_call_label")]
    pub id: i64,
    pub kind: CallKind,
    #[serde(serialize_with = "super::records::as_opt_job_label")]
    pub job: Option<i64>,
    pub plate: Option<String>,
    pub caller: Option<String>,
    pub phone: Option<String>,
    pub about: Option<String>,
    pub promised: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub open: bool,
    pub opened_by: String,
    pub opened_at: DateTime<Utc>,
    pub closed_by: Option<String>,
    pub closed_at: Option<DateTime<Utc>>,
    pub close_note: Option<String>,
}

fn as_call_label<S: serde::Serializer>(id: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::domain::calls::call_label(*id))
}

/// A call to log.
pub struct NewCall<'a> {
    pub kind: CallKind,
    pub job: Option<i64>,
    pub plate: Option<&'a str>,
    pub caller: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub about: Option<&'a str>,
    pub promised: Option<&'a str>,
    pub due_at: Option<DateTime<Utc>>,
    pub by: i64,
}

macro_rules! call_select {
    () => {
        "SELECT k.id, k.kind, k.job_id, k.plate, k.caller, k.phone, k.about, k.promised,
                k.due_at, k.state, o.name, k.opened_at, c.name, k.closed_at, k.close_note
           FROM calls k
           JOIN staff o ON o.id = k.opened_by
           LEFT JOIN staff c ON c.id = k.closed_by"
    };
}

/// The board's read of the calls still to return: the partial index
/// `calls_open` (a test plans it).
pub const OPEN_CALLS: &str = concat!(
    call_select!(),
    " WHERE k.state = 'open' ORDER BY k.due_at IS NULL, k.due_at, k.id"
);

fn call_from(r: &Row) -> rusqlite::Result<CallRow> {
    let kind: String = r.get(1)?;
    let state: String = r.get(9)?;
    Ok(CallRow {
        id: r.get(0)?,
        kind: CallKind::parse(&kind).unwrap_or(CallKind::Incoming),
        job: r.get(2)?,
        plate: r.get(3)?,
        caller: r.get(4)?,
        phone: r.get(5)?,
        about: r.get(6)?,
        promised: r.get(7)?,
        due_at: opt_time(r, 8)?,
        open: state == "open",
        opened_by: r.get(10)?,
        opened_at: time(r, 11)?,
        closed_by: r.get(12)?,
        closed_at: opt_time(r, 13)?,
        close_note: r.get(14)?,
    })
}

/// Calls still to return, soonest due first (those without a time last).
pub fn open_calls(conn: &Connection) -> Result<Vec<CallRow>> {
    all(conn, OPEN_CALLS, [], call_from)
}

/// Every call, newest first (`call list --all`).
pub fn all_calls(conn: &Connection) -> Result<Vec<CallRow>> {
    all(
        conn,
        concat!(call_select!(), " ORDER BY k.id DESC"),
        [],
        call_from,
    )
}

pub fn call(conn: &Connection, id: i64) -> Result<Option<CallRow>> {
    Ok(conn
        .prepare_cached(concat!(call_select!(), " WHERE k.id = ?1"))?
        .query_row([id], call_from)
        .optional()?)
}

pub(crate) fn insert_call(conn: &WriteTx, c: &NewCall, now: DateTime<Utc>) -> Result<i64> {
    conn.execute(
        "INSERT INTO calls (kind, job_id, plate, caller, phone, about, promised, due_at,
                            opened_by, opened_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            c.kind.as_str(),
            c.job,
            c.plate,
            c.caller,
            c.phone,
            c.about,
            c.promised,
            c.due_at.map(ts),
            c.by,
            ts(now)
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub(crate) fn close_call(
    conn: &WriteTx,
    id: i64,
    by: i64,
    note: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE calls SET state = 'closed', closed_by = ?2, closed_at = ?3, close_note = ?4
          WHERE id = ?1 AND state = 'open'",
        params![id, by, ts(now), note],
    )?;
    Ok(())
}

pub fn second_followup_days(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT second_followup_days FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

pub(crate) fn set_second_followup_days(conn: &WriteTx, days: i64) -> Result<()> {
    conn.execute(
        "UPDATE shop SET second_followup_days = ?1 WHERE id = 1",
        [days],
    )?;
    Ok(())
}
