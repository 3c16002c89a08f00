//! Read queries. Each takes a connection (or an open transaction), so the
//! operations layer can read inside its write transaction.

use super::records::*;
use super::{parse_ts, ts};
use crate::domain::{Actor, ItemResult, JobStatus, Role};
use crate::error::Result;
use chrono::{DateTime, Duration, Utc};
use rusqlite::types::Type;
use rusqlite::{Connection, OptionalExtension, Row};
use std::str::FromStr;

/// Every row of a cached statement, mapped.
pub(super) fn all<T, P: rusqlite::Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    f: impl FnMut(&Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map(params, f)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(super) fn parsed<T: FromStr>(row: &Row, idx: usize) -> rusqlite::Result<T>
where
    T::Err: std::fmt::Display,
{
    let s: String = row.get(idx)?;
    s.parse::<T>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, Type::Text, e.to_string().into())
    })
}

pub(super) fn opt_parsed<T: FromStr>(row: &Row, idx: usize) -> rusqlite::Result<Option<T>>
where
    T::Err: std::fmt::Display,
{
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(_) => parsed(row, idx).map(Some),
    }
}

/// Text as stored even when it is not: bytes that are not UTF-8 read with
/// U+FFFD in their place, a BLOB or a number as "⚠"; `Err` says the cell
/// was not proper text, with what to show for it (see `soft_text`).
pub(super) fn lossy_text(
    row: &Row,
    idx: usize,
) -> rusqlite::Result<Result<Option<String>, String>> {
    use rusqlite::types::ValueRef;
    Ok(match row.get_ref(idx)? {
        ValueRef::Null => Ok(None),
        ValueRef::Text(b) => match std::str::from_utf8(b) {
            Ok(s) => Ok(Some(s.to_string())),
            Err(_) => Err(String::from_utf8_lossy(b).into_owned()),
        },
        _ => Err("⚠".to_string()),
    })
}

/// A text cell for a board: a bad one is noted by name and shown as best
/// it can be, so one BLOB written with `sqlite3` never stops the board.
fn soft_text(
    row: &Row,
    idx: usize,
    field: &'static str,
    bad: &mut Vec<&'static str>,
) -> rusqlite::Result<Option<String>> {
    Ok(match lossy_text(row, idx)? {
        Ok(t) => t,
        Err(shown) => {
            bad.push(field);
            Some(shown)
        }
    })
}

pub(super) fn time(row: &Row, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    // Read in place: a reload parses thousands of times and would copy
    // each into a String first.
    if let rusqlite::types::ValueRef::Text(t) = row.get_ref(idx)?
        && let Some(at) = std::str::from_utf8(t).ok().and_then(parse_ts)
    {
        return Ok(at);
    }
    let s: String = row.get(idx)?;
    parse_ts(&s).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Text,
            format!("'{s}' is not an RFC 3339 UTC time").into(),
        )
    })
}

pub(super) fn opt_time(row: &Row, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<String>>(idx)? {
        None => Ok(None),
        Some(_) => time(row, idx).map(Some),
    }
}

/// A person's comebacks, read with every actor (so by every write).
/// `j.comeback_of IS NOT NULL` repeats the partial index's predicate:
/// without it each write scanned the whole jobs table.
pub const ACTOR_COMEBACKS: &str = "SELECT count(*) FROM jobs j JOIN jobs o ON o.id = j.comeback_of
  WHERE j.comeback_of IS NOT NULL AND o.technician_id = ?1";

pub fn shop_name(conn: &Connection) -> Result<String> {
    Ok(conn
        .prepare_cached("SELECT name FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

pub fn staff_count(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM staff", [], |r| r.get(0))?)
}

fn roles_of(conn: &Connection, staff_id: i64) -> Result<Vec<Role>> {
    let sql = "SELECT role FROM staff_roles WHERE staff_id = ?1";
    let mut roles = all(conn, sql, [staff_id], |r| parsed::<Role>(r, 0))?;
    roles.sort();
    Ok(roles)
}

fn skills_of(conn: &Connection, staff_id: i64) -> Result<Vec<String>> {
    let sql = "SELECT skill FROM staff_skills WHERE staff_id = ?1 ORDER BY skill";
    all(conn, sql, [staff_id], |r| r.get(0))
}

/// Everyone's skills in one query, by staff id.
fn all_skills(conn: &Connection) -> Result<std::collections::HashMap<i64, Vec<String>>> {
    let sql = "SELECT staff_id, skill FROM staff_skills ORDER BY skill";
    let mut skills: std::collections::HashMap<i64, Vec<String>> = Default::default();
    for (id, skill) in all(conn, sql, [], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })? {
        skills.entry(id).or_default().push(skill);
    }
    Ok(skills)
}

const STAFF_SELECT: &str =
    "SELECT id, name, active, pin_hash IS NOT NULL, pin_locked_until FROM staff";

type StaffHead = (i64, String, bool, bool, Option<DateTime<Utc>>);

fn staff_head(r: &Row) -> rusqlite::Result<StaffHead> {
    let locked: Option<String> = r.get(4).ok().flatten();
    Ok((
        r.get(0)?,
        lossy_text(r, 1)?
            .unwrap_or_else(|shown| Some(format!("⚠{shown}")))
            .unwrap_or_default(),
        r.get(2)?,
        r.get(3)?,
        locked.and_then(|t| parse_ts(&t)),
    ))
}

fn staff_row(conn: &Connection, head: StaffHead) -> Result<StaffRow> {
    let (id, name, active, has_pin, locked_until) = head;
    Ok(StaffRow {
        id,
        name,
        roles: roles_of(conn, id)?,
        skills: skills_of(conn, id)?,
        active,
        has_pin,
        locked_until,
        comebacks: conn
            .prepare_cached(ACTOR_COMEBACKS)?
            .query_row([id], |r| r.get(0))?,
    })
}

/// A person by name, case-insensitively.
/// The person named, compared as `domain::names::key` compares (full
/// Unicode case folding, spaces normalised), not SQLite's ASCII-only NOCASE.
/// Who set the PIN the job's last QC sign-off was made with, if it was
/// someone else than the inspector (issue 20: such a sign-off is marked).
pub fn signoff_pin_by(conn: &Connection, job_id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached(
            "SELECT p.name FROM events e LEFT JOIN staff p ON p.id = e.pin_by
              WHERE e.job_id = ?1 AND e.kind IN ('qc_passed','qc_failed')
              ORDER BY e.id DESC LIMIT 1",
        )?
        .query_row([job_id], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Whether a car was washed and whether its customer asked for the old
/// parts back at reception.
pub fn ready_facts(conn: &Connection, job_id: i64) -> Result<crate::store::Ready> {
    Ok(conn
        .prepare_cached(
            "SELECT j.washed_at IS NOT NULL,
                    coalesce((SELECT w.return_old_parts FROM walkarounds w WHERE w.job_id = j.id), 0)
               FROM jobs j WHERE j.id = ?1",
        )?
        .query_row([job_id], |r| {
            Ok(crate::store::Ready {
                washed: r.get(0)?,
                asked_old_parts: r.get(1)?,
            })
        })?)
}

/// The newest event's id (0 before the first): where a board's next
/// reload starts reading what changed.
pub fn last_event(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached("SELECT coalesce(max(id), 0) FROM events")?
        .query_row([], |r| r.get(0))?)
}

/// An event as a board's reload sees it: what kind, which job, and the
/// state it moved the job from and to (the same for an event that moved
/// none).
#[derive(Debug, Clone)]
pub struct EventSeen {
    pub id: i64,
    pub kind: String,
    pub job: Option<i64>,
    pub from: Option<String>,
    pub to: Option<String>,
}

/// The events after `after`, oldest first, at most `limit`. A range of the
/// log's own key, so it never grows with history.
pub fn events_after(conn: &Connection, after: i64, limit: i64) -> Result<Vec<EventSeen>> {
    all(
        conn,
        "SELECT id, kind, job_id, from_status, to_status FROM events
          WHERE id > ?1 ORDER BY id LIMIT ?2",
        [after, limit],
        |r| {
            Ok(EventSeen {
                id: r.get(0)?,
                kind: r.get(1)?,
                job: r.get(2)?,
                from: r.get(3)?,
                to: r.get(4)?,
            })
        },
    )
}

/// One job's clocked hours up to `now` (the board's `with_clocked` for a
/// single row).
pub fn clocked_hours(conn: &Connection, job_id: i64, now: DateTime<Utc>) -> Result<f64> {
    let secs: i64 = time_for_job(conn, job_id)?
        .into_iter()
        .map(|(a, b)| (b.unwrap_or(now) - a).num_seconds().max(0))
        .sum();
    Ok(secs as f64 / 3600.0)
}

/// A person's name by id.
pub fn staff_name(conn: &Connection, id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT name FROM staff WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

pub fn staff_by_name(conn: &Connection, name: &str) -> Result<Option<StaffRow>> {
    use crate::domain::names;
    let Ok(wanted) = names::normalise(name, true).map(|n| names::key(&n)) else {
        return Ok(None);
    };
    let mut ids = conn.prepare_cached("SELECT id, name FROM staff")?;
    let mut rows = ids.query([])?;
    let mut found = None;
    while let Some(r) = rows.next()? {
        // A name that is not proper text (written outside bayboard) is
        // nobody's: it cannot be typed, and must not stop everyone else.
        let Ok(Some(name)) = lossy_text(r, 1)? else {
            continue;
        };
        if names::key(&name) == wanted {
            found = Some(r.get::<_, i64>(0)?);
            break;
        }
    }
    let Some(id) = found else { return Ok(None) };
    let sql = format!("{STAFF_SELECT} WHERE id = ?1");
    let head = conn.prepare_cached(&sql)?.query_row([id], staff_head)?;
    staff_row(conn, head).map(Some)
}

pub fn actor_by_name(conn: &Connection, name: &str) -> Result<Option<Actor>> {
    Ok(staff_by_name(conn, name)?
        .filter(|s| s.active)
        .map(|s| Actor {
            id: s.id,
            name: s.name,
            roles: s.roles,
        }))
}

/// Everyone, with roles and skills, in three queries whatever the headcount.
pub fn staff_list(conn: &Connection) -> Result<Vec<StaffRow>> {
    use std::collections::HashMap;
    let mut roles: HashMap<i64, Vec<Role>> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT staff_id, role FROM staff_roles")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, parsed::<Role>(r, 1)?)))? {
        let (id, role) = row?;
        roles.entry(id).or_default().push(role);
    }
    let mut skills = all_skills(conn)?;
    let comebacks: HashMap<i64, i64> = super::comebacks_by_technician(conn)?.into_iter().collect();
    let mut stmt = conn.prepare_cached(&format!("{STAFF_SELECT} ORDER BY name"))?;
    let heads = stmt
        .query_map([], staff_head)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(heads
        .into_iter()
        .map(|(id, name, active, has_pin, locked_until)| {
            let mut r = roles.remove(&id).unwrap_or_default();
            r.sort();
            StaffRow {
                id,
                name,
                roles: r,
                skills: skills.remove(&id).unwrap_or_default(),
                active,
                has_pin,
                locked_until,
                comebacks: comebacks.get(&id).copied().unwrap_or(0),
            }
        })
        .collect())
}

fn bay_from(r: &Row) -> rusqlite::Result<BayRow> {
    Ok(BayRow {
        id: r.get(0)?,
        name: lossy_text(r, 1)?
            .unwrap_or_else(|shown| Some(format!("⚠{shown}")))
            .unwrap_or_default(),
        kind: parsed(r, 2)?,
        active: r.get(3)?,
    })
}

pub fn bay_by_name(conn: &Connection, name: &str) -> Result<Option<BayRow>> {
    Ok(conn
        .query_row(
            "SELECT id, name, kind, active FROM bays WHERE name = ?1 COLLATE NOCASE",
            [name.trim()],
            bay_from,
        )
        .optional()?)
}

/// Bays in a natural order (B2 before B10).
pub fn bay_list(conn: &Connection) -> Result<Vec<BayRow>> {
    let mut stmt = conn.prepare_cached("SELECT id, name, kind, active FROM bays")?;
    let mut bays = stmt
        .query_map([], bay_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    bays.sort_by_key(|b| natural_key(&b.name));
    Ok(bays)
}

fn natural_key(s: &str) -> (String, u64, String) {
    let digits_at = s.find(|c: char| c.is_ascii_digit()).unwrap_or(s.len());
    let (head, rest) = s.split_at(digits_at);
    let end = rest
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(rest.len());
    let n = rest[..end].parse().unwrap_or(0);
    (head.to_lowercase(), n, rest[end..].to_lowercase())
}

const JOB_SELECT: &str = "
SELECT j.id, j.status, v.plate, b.name, s.name, j.priority, j.promised_at,
       j.rework_count, j.version, j.complaint, j.estimate_hours,
       v.vin, v.make, v.model, v.year, coalesce(j.odometer_km, v.odometer_km), c.name, c.phone,
       j.status_since, j.created_at, j.closed_at, j.bay_id, j.technician_id,
       j.parts_return, j.customer_waiting, j.comeback_of, j.estimate_accepted,
       j.key_tag, j.parking_spot
FROM jobs j
JOIN vehicles v ON v.id = j.vehicle_id
LEFT JOIN bays b ON b.id = j.bay_id
LEFT JOIN staff s ON s.id = j.technician_id
LEFT JOIN customers c ON c.id = j.customer_id";

/// A value that fails to read is noted by name and left out, so one bad
/// field (written with the triggers dropped) shows as marked instead of
/// taking the whole board down.
fn soft<T>(v: rusqlite::Result<T>, field: &'static str, bad: &mut Vec<&'static str>) -> Option<T> {
    v.map_err(|_| bad.push(field)).ok()
}

fn job_from(r: &Row) -> rusqlite::Result<JobRow> {
    let mut bad = Vec::new();
    let b = &mut bad;
    let status_since = soft(time(r, 18), "status_since", b);
    let created_at = soft(time(r, 19), "created_at", b);
    let plate = soft_text(r, 2, "plate", b)?.unwrap_or_default();
    let vehicle = Vehicle {
        plate: plate.clone(),
        vin: soft_text(r, 11, "vin", b)?,
        make: soft_text(r, 12, "make", b)?,
        model: soft_text(r, 13, "model", b)?,
        year: soft(r.get(14), "year", b).flatten(),
        odometer_km: soft(r.get(15), "odometer_km", b).flatten(),
    };
    Ok(JobRow {
        id: r.get(0)?,
        status: parsed(r, 1)?,
        plate,
        bay: soft_text(r, 3, "bay", b)?,
        technician: soft_text(r, 4, "technician", b)?,
        priority: parsed(r, 5)?,
        promised_at: soft(opt_time(r, 6), "promised_at", b).flatten(),
        rework_count: soft(r.get(7), "rework_count", b).unwrap_or(0),
        version: r.get(8)?,
        complaint: soft_text(r, 9, "complaint", b)?.unwrap_or_default(),
        estimate_hours: soft(r.get(10), "estimate_hours", b).flatten(),
        vehicle,
        customer: soft_text(r, 16, "customer", b)?,
        phone: soft_text(r, 17, "phone", b)?,
        // An unreadable time reads as the other one, or the epoch: marked.
        status_since: status_since.or(created_at).unwrap_or(DateTime::UNIX_EPOCH),
        created_at: created_at.or(status_since).unwrap_or(DateTime::UNIX_EPOCH),
        closed_at: soft(opt_time(r, 20), "closed_at", b).flatten(),
        bay_id: soft(r.get(21), "bay_id", b).flatten(),
        technician_id: soft(r.get(22), "technician_id", b).flatten(),
        parts_return: opt_parsed::<JobStatus>(r, 23)?,
        customer_waiting: soft(r.get(24), "customer_waiting", b).unwrap_or(false),
        comeback_of: soft(r.get(25), "comeback_of", b).flatten(),
        estimate_accepted: soft(r.get(26), "estimate_accepted", b).flatten(),
        key_tag: soft_text(r, 27, "key_tag", b)?,
        parking_spot: soft_text(r, 28, "parking_spot", b)?,
        // Filled by `with_lines`, one query for a whole list.
        line_count: 0,
        proposed_count: 0,
        todo_count: 0,
        sold_hours: 0.0,
        added_hours: 0.0,
        clocked_hours: 0.0,
        unreadable: bad,
        signoff_pin_by: None,
        ready: None,
    })
}

/// A clocked stretch: start, and end once closed.
pub type TimeSpan = (DateTime<Utc>, Option<DateTime<Utc>>);

/// A job's time entries.
pub fn time_for_job(conn: &Connection, job_id: i64) -> Result<Vec<TimeSpan>> {
    all(
        conn,
        "SELECT started_at, ended_at FROM time_entries WHERE job_id = ?1 ORDER BY id",
        [job_id],
        |r| Ok((time(r, 0)?, opt_time(r, 1)?)),
    )
}

/// Hours clocked on each open job up to `now`, in one grouped query over
/// their time entries.
pub fn with_clocked(
    conn: &Connection,
    mut jobs: Vec<JobRow>,
    now: DateTime<Utc>,
) -> Result<Vec<JobRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.job_id, t.started_at, t.ended_at
           FROM jobs j JOIN time_entries t ON t.job_id = j.id
          WHERE j.closed_at IS NULL",
    )?;
    let mut secs: std::collections::HashMap<i64, i64> = std::collections::HashMap::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (a, b) = (time(r, 1)?, opt_time(r, 2)?);
        *secs.entry(r.get(0)?).or_default() += (b.unwrap_or(now) - a).num_seconds().max(0);
    }
    for j in &mut jobs {
        j.clocked_hours = secs.get(&j.id).copied().unwrap_or(0) as f64 / 3600.0;
    }
    Ok(jobs)
}

/// The query behind `with_lines`, public so a test can assert its plan.
pub fn line_figures_sql(which: &str) -> String {
    format!(
        "SELECT l.job_id, sum(l.status <> 'declined'), sum(l.status = 'proposed'),
                sum(l.status IN ('proposed','approved')),
                total(CASE WHEN l.status IN ('approved','done') THEN l.hours END),
                total(CASE WHEN l.kind = 'added' AND l.status IN ('approved','done')
                           THEN l.hours END)
           FROM jobs j JOIN lines l ON l.job_id = j.id
          WHERE {which} GROUP BY l.job_id"
    )
}

/// The work-order figures of each job (lines, proposed, to do, sold
/// hours), in one grouped query over the jobs' lines; `which` is the jobs'
/// rows, joined as `j` (a constant text, so the statement stays cached).
fn with_lines<P: rusqlite::Params>(
    conn: &Connection,
    mut jobs: Vec<JobRow>,
    which: &str,
    params: P,
) -> Result<Vec<JobRow>> {
    if jobs.is_empty() {
        return Ok(jobs);
    }
    let mut stmt = conn.prepare_cached(&line_figures_sql(which))?;
    let mut rows = stmt.query(params)?;
    let mut at: std::collections::HashMap<i64, usize> =
        jobs.iter().enumerate().map(|(i, j)| (j.id, i)).collect();
    while let Some(r) = rows.next()? {
        if let Some(i) = at.remove(&r.get::<_, i64>(0)?) {
            let j = &mut jobs[i];
            j.line_count = r.get(1)?;
            j.proposed_count = r.get(2)?;
            j.todo_count = r.get(3)?;
            j.sold_hours = r.get(4)?;
            j.added_hours = r.get(5)?;
        }
    }
    Ok(jobs)
}

pub fn job(conn: &Connection, number: i64) -> Result<Option<JobRow>> {
    let sql = format!("{JOB_SELECT} WHERE j.id = ?1");
    let job = conn
        .prepare_cached(&sql)?
        .query_row([number], job_from)
        .optional()?;
    Ok(with_lines(conn, job.into_iter().collect(), "j.id = ?1", [number])?.pop())
}

/// The open jobs (not delivered or cancelled): what the board shows. Reads
/// the `jobs_open` partial index, so it does not grow with history.
pub const OPEN_JOBS_WHERE: &str = "j.closed_at IS NULL";

/// The board's query, public so a test can assert its plan.
pub fn open_jobs_sql() -> String {
    format!("{JOB_SELECT} WHERE {OPEN_JOBS_WHERE} ORDER BY j.id")
}

pub fn open_jobs(conn: &Connection) -> Result<Vec<JobRow>> {
    let jobs = all(conn, &open_jobs_sql(), [], job_from)?;
    with_lines(conn, jobs, OPEN_JOBS_WHERE, [])
}

/// Jobs in any of `statuses`, newest first, at most `limit`.
pub fn jobs_with_status(
    conn: &Connection,
    statuses: &[JobStatus],
    limit: i64,
) -> Result<Vec<JobRow>> {
    let list: Vec<String> = statuses
        .iter()
        .map(|s| format!("'{}'", s.as_str()))
        .collect();
    // The statuses come from the enum, never from input text.
    let sql = format!(
        "{JOB_SELECT} WHERE j.status IN ({}) ORDER BY j.id DESC LIMIT ?1",
        list.join(",")
    );
    let jobs = all(conn, &sql, [limit], job_from)?;
    let (first, last) = (
        jobs.last().map_or(0, |j| j.id),
        jobs.first().map_or(0, |j| j.id),
    );
    with_lines(conn, jobs, "j.id BETWEEN ?1 AND ?2", [first, last])
}

/// Jobs a person might mean by `text`, newest first: its number (J-12 or
/// 12), a plate however typed or its last characters, a phone number or
/// part of it, a customer's name (pinyin too: `zm` finds 张敏's cars).
pub fn find_jobs(conn: &Connection, text: &str, limit: i64) -> Result<Vec<JobRow>> {
    let q = crate::domain::find::JobQuery::new(text);
    let text = q.text.as_str();
    let mut customers = Vec::new();
    {
        let mut stmt = conn.prepare_cached("SELECT id, name FROM customers")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Ok(Some(name)) = lossy_text(r, 1)?
                && crate::domain::names::name_matches(&name, text)
            {
                customers.push(r.get::<_, i64>(0)?);
            }
        }
    }
    let sql = format!(
        "{JOB_SELECT}
          WHERE j.id IS ?1
             OR (length(?2) >= 2 AND v.plate_key LIKE '%' || ?2 || '%')
             OR (length(?3) >= 4 AND replace(replace(replace(c.phone, ' ', ''), '-', ''), '+', '')
                                     LIKE '%' || ?3 || '%')
             OR j.customer_id IN (SELECT value FROM json_each(?4))
          ORDER BY j.id DESC LIMIT ?5"
    );
    let ids = serde_json::to_string(&customers).unwrap_or_else(|_| "[]".into());
    let jobs = all(
        conn,
        &sql,
        rusqlite::params![q.number, q.plate_key, q.digits, ids, limit],
        job_from,
    )?;
    // The found jobs may lie far apart in a long history: their lines by id.
    let found: Vec<i64> = jobs.iter().map(|j| j.id).collect();
    let found = serde_json::to_string(&found).unwrap_or_else(|_| "[]".into());
    with_lines(
        conn,
        jobs,
        "j.id IN (SELECT value FROM json_each(?1))",
        [found],
    )
}

/// The job holding a bay, if any.
pub fn job_in_bay(conn: &Connection, bay_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM jobs WHERE bay_id = ?1", [bay_id], |r| {
            r.get(0)
        })
        .optional()?)
}

/// Staff who logged time on the job (QC independence).
pub fn job_workers(conn: &Connection, job_id: i64) -> Result<Vec<i64>> {
    all(
        conn,
        "SELECT DISTINCT staff_id FROM time_entries WHERE job_id = ?1 ORDER BY staff_id",
        [job_id],
        |r| r.get(0),
    )
}

/// Who signed the peer check or the final inspection of the job's current
/// round: since its latest self-check (all of them for a job never
/// self-checked, which errs on the side of independence).
pub fn round_signers(conn: &Connection, job_id: i64) -> Result<Vec<i64>> {
    all(
        conn,
        "SELECT DISTINCT inspector_id FROM qc_inspections
          WHERE job_id = ?1 AND level <> 'self'
            AND id > coalesce((SELECT max(id) FROM qc_inspections
                                WHERE job_id = ?1 AND level = 'self'), 0)
          ORDER BY inspector_id",
        [job_id],
        |r| r.get(0),
    )
}

pub fn open_blocking_count(conn: &Connection, job_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM parts_issues WHERE job_id = ?1 AND blocking = 1 AND closed_at IS NULL",
        [job_id],
        |r| r.get(0),
    )?)
}

/// The technician's open time entry: (entry id, job id).
pub fn open_time_entry(conn: &Connection, staff_id: i64) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .query_row(
            "SELECT id, job_id FROM time_entries WHERE staff_id = ?1 AND ended_at IS NULL",
            [staff_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

/// Every active technician with their clock, open work and hours today, in
/// a handful of set queries (the board loads this on every change, so its
/// cost must not grow with staff or history).
pub fn technicians(
    conn: &Connection,
    day_start: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Vec<TechRow>> {
    use std::collections::HashMap;
    let techs: Vec<(i64, String)> = conn
        .prepare_cached(
            "SELECT s.id, s.name FROM staff s
               JOIN staff_roles r ON r.staff_id = s.id AND r.role = 'technician'
              WHERE s.active = 1 ORDER BY s.name",
        )?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut skills = all_skills(conn)?;
    let mut clocks: HashMap<i64, (i64, DateTime<Utc>)> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT staff_id, job_id, started_at FROM time_entries WHERE ended_at IS NULL",
    )?;
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?, time(r, 2)?))
    })? {
        let (id, job, start) = row?;
        clocks.insert(id, (job, start));
    }
    let mut open: HashMap<i64, i64> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT j.technician_id, count(*) FROM jobs j
          WHERE j.closed_at IS NULL
            AND j.status IN (SELECT code FROM job_states WHERE on_floor = 1)
          GROUP BY j.technician_id",
    )?;
    for row in stmt.query_map([], |r| {
        Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, i64>(1)?))
    })? {
        if let (Some(id), n) = row? {
            open.insert(id, n);
        }
    }
    // Entries rarely span a day: closed ones since a day before midnight,
    // plus the open ones above, cover today.
    let mut secs: HashMap<i64, i64> = HashMap::new();
    let lookback = ts(day_start - Duration::days(1));
    let mut stmt = conn.prepare_cached(
        "SELECT staff_id, started_at, ended_at FROM time_entries
          WHERE started_at >= ?1 AND ended_at IS NOT NULL",
    )?;
    for row in stmt.query_map([lookback], |r| {
        Ok((r.get::<_, i64>(0)?, time(r, 1)?, time(r, 2)?))
    })? {
        let (id, a, b) = row?;
        *secs.entry(id).or_default() += overlap(a, Some(b), day_start, now);
    }
    for (id, (_, start)) in &clocks {
        *secs.entry(*id).or_default() += overlap(*start, None, day_start, now);
    }
    let sold = super::lines::sold_hours_since(conn, day_start)?;
    Ok(techs
        .into_iter()
        .map(|(id, name)| TechRow {
            name,
            skills: skills.remove(&id).unwrap_or_default(),
            clocked_on: clocks.get(&id).map(|c| c.0),
            open_jobs: open.get(&id).copied().unwrap_or(0),
            hours_today: secs.get(&id).copied().unwrap_or(0) as f64 / 3600.0,
            sold_today: sold.get(&id).copied().unwrap_or(0.0),
        })
        .collect())
}

/// Seconds of [start, end or now] that fall in [since, now].
fn overlap(
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    since: DateTime<Utc>,
    now: DateTime<Utc>,
) -> i64 {
    let a = start.max(since);
    let b = end.unwrap_or(now).min(now);
    (b - a).num_seconds().max(0)
}

const PARTS_SELECT: &str = "
SELECT p.id, p.job_id, p.part, p.kind, p.qty, p.status, p.blocking, p.eta, p.note,
       s.name, v.plate, p.created_at, p.updated_at
FROM parts_issues p
JOIN staff s ON s.id = p.logged_by
JOIN jobs j ON j.id = p.job_id
JOIN vehicles v ON v.id = j.vehicle_id";

fn parts_from(r: &Row) -> rusqlite::Result<PartsRow> {
    Ok(PartsRow {
        id: r.get(0)?,
        job: r.get(1)?,
        part: r.get(2)?,
        kind: parsed(r, 3)?,
        qty: r.get(4)?,
        status: parsed(r, 5)?,
        blocking: r.get(6)?,
        eta: opt_time(r, 7)?,
        note: r.get(8)?,
        logged_by: r.get(9)?,
        plate: r.get(10)?,
        created_at: time(r, 11)?,
        updated_at: time(r, 12)?,
    })
}

pub fn parts_issue(conn: &Connection, id: i64) -> Result<Option<PartsRow>> {
    let sql = format!("{PARTS_SELECT} WHERE p.id = ?1");
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], parts_from)
        .optional()?)
}

/// Open issues (blocking first, oldest first), or the latest `limit` of all.
pub fn parts_list(conn: &Connection, open_only: bool, limit: i64) -> Result<Vec<PartsRow>> {
    let sql = if open_only {
        format!(
            "{PARTS_SELECT} WHERE p.closed_at IS NULL ORDER BY p.blocking DESC, p.created_at, p.id LIMIT ?1"
        )
    } else {
        format!("{PARTS_SELECT} ORDER BY p.id DESC LIMIT ?1")
    };
    all(conn, &sql, [limit], parts_from)
}

pub fn parts_for_job(conn: &Connection, job_id: i64) -> Result<Vec<PartsRow>> {
    let sql = format!("{PARTS_SELECT} WHERE p.job_id = ?1 ORDER BY p.id");
    all(conn, &sql, [job_id], parts_from)
}

pub fn events_for_job(conn: &Connection, job_id: i64) -> Result<Vec<EventRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.at, s.name, e.job_id, e.kind, e.from_status, e.to_status, e.note, e.params,
                p.name
           FROM events e LEFT JOIN staff s ON s.id = e.actor_id
           LEFT JOIN staff p ON p.id = e.pin_by
          WHERE e.job_id = ?1 ORDER BY e.id",
    )?;
    let rows = stmt
        .query_map([job_id], |r| {
            Ok(EventRow {
                at: time(r, 0)?,
                actor: r.get(1)?,
                job: r.get(2)?,
                kind: r.get(3)?,
                from: r.get(4)?,
                to: r.get(5)?,
                note: r.get(6)?,
                said: r
                    .get::<_, Option<String>>(7)?
                    .and_then(|p| serde_json::from_str(&p).ok())
                    .and_then(|v| crate::domain::Said::from_json(&v)),
                pin_by: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

#[cfg(test)]
pub fn event_count_for_job(conn: &Connection, job_id: i64) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM events WHERE job_id = ?1",
        [job_id],
        |r| r.get(0),
    )?)
}

pub fn qc_for_job(conn: &Connection, job_id: i64) -> Result<Vec<QcRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT q.id, s.name, q.result, q.road_test_done, q.road_test_km, q.note, q.created_at,
                q.level
           FROM qc_inspections q JOIN staff s ON s.id = q.inspector_id
          WHERE q.job_id = ?1 ORDER BY q.id",
    )?;
    let heads = stmt
        .query_map([job_id], |r| {
            Ok(QcRow {
                id: r.get(0)?,
                inspector: r.get(1)?,
                result: parsed(r, 2)?,
                road_test_done: r.get(3)?,
                road_test_km: r.get(4)?,
                note: r.get(5)?,
                at: time(r, 6)?,
                level: parsed(r, 7)?,
                items: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut items_stmt = conn.prepare_cached(
        "SELECT item_id, text, required, result, note FROM qc_items
          WHERE inspection_id = ?1 ORDER BY position",
    )?;
    heads
        .into_iter()
        .map(|mut q| {
            q.items = items_stmt
                .query_map([q.id], |r| {
                    Ok(QcItemRow {
                        id: r.get(0)?,
                        text: r.get(1)?,
                        required: r.get(2)?,
                        result: parsed::<ItemResult>(r, 3)?,
                        note: r.get(4)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(q)
        })
        .collect()
}

/// A person's PIN hash (if they set one) and their wrong tries since the
/// last right one.
/// A person's PIN as stored: the hash, wrong tries in a row, any lock.
#[derive(Debug, Clone, Default)]
pub struct PinState {
    pub hash: Option<String>,
    pub failures: i64,
    pub locked_until: Option<DateTime<Utc>>,
    /// When the PIN was set (unknown for PINs set before schema 11).
    pub set_at: Option<DateTime<Utc>>,
    /// Who set it, when it was not its owner.
    pub set_by: Option<i64>,
}

pub fn pin_state(conn: &Connection, staff_id: i64) -> Result<PinState> {
    Ok(conn
        .prepare_cached(
            "SELECT pin_hash, pin_failures, pin_locked_until, pin_set_at, pin_set_by
               FROM staff WHERE id = ?1",
        )?
        .query_row([staff_id], |r| {
            Ok(PinState {
                hash: r.get(0)?,
                failures: r.get(1)?,
                locked_until: r
                    .get::<_, Option<String>>(2)?
                    .and_then(|t| super::parse_ts(&t)),
                set_at: r
                    .get::<_, Option<String>>(3)?
                    .and_then(|t| super::parse_ts(&t)),
                set_by: r.get(4)?,
            })
        })?)
}

/// Whether anyone in the shop keeps a PIN.
pub fn anyone_keeps_pin(conn: &Connection) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM staff WHERE pin_hash IS NOT NULL)")?
        .query_row([], |r| r.get(0))?)
}

pub fn pin_policy(conn: &Connection) -> Result<crate::domain::PinPolicy> {
    let text: String = conn
        .prepare_cached("SELECT require_pins FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))?;
    Ok(text.parse().unwrap_or(crate::domain::PinPolicy::Everyone))
}

/// The vehicle last recorded under a plate, as its facts stand.
#[derive(Debug, Clone, PartialEq)]
pub struct VehicleRecord {
    pub id: i64,
    pub vin: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub year: Option<i64>,
    /// The newest job of this vehicle record.
    pub last_job: Option<i64>,
}

pub fn vehicle_on_record(conn: &Connection, plate: &str) -> Result<Option<VehicleRecord>> {
    Ok(conn
        .prepare_cached(
            "SELECT v.id, v.vin, v.make, v.model, v.year,
                    (SELECT max(j.id) FROM jobs j WHERE j.vehicle_id = v.id)
               FROM vehicles v WHERE v.plate_key = ?1 ORDER BY v.id DESC LIMIT 1",
        )?
        .query_row([crate::domain::vehicle::plate_key(plate)], |r| {
            Ok(VehicleRecord {
                id: r.get(0)?,
                vin: r.get(1)?,
                make: r.get(2)?,
                model: r.get(3)?,
                year: r.get(4).ok().flatten(),
                last_job: r.get(5)?,
            })
        })
        .optional()?)
}

/// The highest odometer reading recorded for a car, with the job it was
/// read at: by VIN when known, else by plate.
pub fn last_odometer(
    conn: &Connection,
    vin: Option<&str>,
    plate: &str,
) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(j.odometer_km, v.odometer_km) AS km, j.id
               FROM jobs j JOIN vehicles v ON v.id = j.vehicle_id
              WHERE (CASE WHEN ?1 IS NOT NULL THEN v.vin = ?1 ELSE v.plate_key = ?2 END)
                AND typeof(coalesce(j.odometer_km, v.odometer_km)) = 'integer'
              ORDER BY km DESC LIMIT 1",
        )?
        .query_row(
            rusqlite::params![vin, crate::domain::vehicle::plate_key(plate)],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}
