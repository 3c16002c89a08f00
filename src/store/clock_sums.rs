//! The sums per local day (`domain::clock_sums`): the clock's, kept in the
//! stop of every clock, and the time in each state, kept in every
//! delivery; counted again whole when the shop's zone changes; read by the
//! figures for the days before today.

use super::WriteTx;
use super::figures::ClockFact;
use super::queries::{all, parsed, time};
use super::ts;
use crate::domain::JobStatus;
use crate::domain::clock_sums::ClockSums;
use crate::domain::zone::Offsets;
use crate::error::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, params};

/// The zone the sums are counted in; None: not kept.
pub fn clock_zone(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT clock_zone FROM shop WHERE id = 1")?
        .query_row([], |r| r.get(0))?)
}

/// Adds the stretches just closed, in the transaction that closed them.
/// A process counting in another zone than the sums' (one started before
/// the shop's zone changed) cannot add to them: it marks them not kept,
/// and the figures read the clock entries until they are rebuilt.
pub(crate) fn keep(conn: &WriteTx, closed: &[ClockFact]) -> Result<()> {
    let Some(zone) = adding_in(conn)? else {
        return Ok(());
    };
    let mut sums = ClockSums::default();
    let mut local = Offsets::new(zone);
    for c in closed {
        if let Some(end) = c.ended_at {
            sums.add(c.staff_id, c.bay_id, c.started_at, end, &mut local);
        }
    }
    insert(conn, &sums)
}

/// A delivered job's state times (just written to `job_state_times`),
/// added in the delivery's transaction.
pub(crate) fn keep_states(conn: &WriteTx, job: i64) -> Result<()> {
    let Some(zone) = adding_in(conn)? else {
        return Ok(());
    };
    let mut sums = ClockSums::default();
    let mut local = Offsets::new(zone);
    let mut stmt =
        conn.prepare_cached("SELECT closed_at, state, ms FROM job_state_times WHERE job_id = ?1")?;
    let mut rows = stmt.query([job])?;
    while let Some(r) = rows.next()? {
        sums.add_state(time(r, 0)?, parsed(r, 1)?, r.get(2)?, &mut local);
    }
    insert(conn, &sums)
}

/// The zone to add in: this process's, when the sums are kept in it.
/// Kept in another (a process started before the shop's zone changed),
/// they are marked not kept, and the figures read the records until they
/// are counted again.
fn adding_in<'a>(conn: &'a WriteTx) -> Result<Option<&'a crate::domain::zone::Zone>> {
    let Some(kept_in) = clock_zone(conn)? else {
        return Ok(None);
    };
    let day_zone = conn.day_zone();
    if !day_zone.is(&kept_in) {
        forget(conn)?;
        return Ok(None);
    }
    Ok(Some(&day_zone.zone))
}

/// Marks the sums not kept (the shop's zone changed, or a bulk load
/// wrote entries past them).
pub(crate) fn forget(conn: &WriteTx) -> Result<()> {
    conn.execute("UPDATE shop SET clock_zone = NULL WHERE id = 1", [])?;
    Ok(())
}

/// Replaces every sum with `sums`, counted in `zone`.
pub(crate) fn replace(conn: &WriteTx, sums: &ClockSums, zone: &str) -> Result<()> {
    conn.execute_batch(
        "DELETE FROM clock_staff_days; DELETE FROM clock_bay_hours; DELETE FROM state_days;",
    )?;
    insert(conn, sums)?;
    conn.execute("UPDATE shop SET clock_zone = ?1 WHERE id = 1", [zone])?;
    Ok(())
}

fn insert(conn: &Connection, sums: &ClockSums) -> Result<()> {
    let mut staff = conn.prepare_cached(
        "INSERT INTO clock_staff_days (day, staff_id, ms) VALUES (?1, ?2, ?3)
         ON CONFLICT (day, staff_id) DO UPDATE SET ms = ms + excluded.ms",
    )?;
    for ((day, who), ms) in &sums.staff {
        staff.execute(params![day.to_string(), who, ms])?;
    }
    let mut bays = conn.prepare_cached(
        "INSERT INTO clock_bay_hours (day, bay_id, hour, ms) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (day, bay_id, hour) DO UPDATE SET ms = ms + excluded.ms",
    )?;
    for ((day, bay, hour), ms) in &sums.bays {
        bays.execute(params![day.to_string(), bay, hour, ms])?;
    }
    let mut states = conn.prepare_cached(
        "INSERT INTO state_days (day, state, ms) VALUES (?1, ?2, ?3)
         ON CONFLICT (day, state) DO UPDATE SET ms = ms + excluded.ms",
    )?;
    for ((day, state), ms) in &sums.states {
        states.execute(params![day.to_string(), state.as_str(), ms])?;
    }
    Ok(())
}

/// Every closed clock entry and every delivered job's state times,
/// summed in `local`'s zone: what the sums should hold.
pub fn recount(conn: &Connection, local: &mut Offsets) -> Result<ClockSums> {
    let mut sums = ClockSums::default();
    let mut stmt = conn.prepare(
        "SELECT staff_id, bay_id, started_at, ended_at FROM time_entries
          WHERE ended_at IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (a, b) = (time(r, 2)?, time(r, 3)?);
        sums.add(r.get(0)?, r.get(1)?, a, b, local);
    }
    let mut stmt = conn.prepare("SELECT closed_at, state, ms FROM job_state_times")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        sums.add_state(time(r, 0)?, parsed(r, 1)?, r.get(2)?, local);
    }
    Ok(sums)
}

/// The sums as stored.
pub fn stored(conn: &Connection) -> Result<ClockSums> {
    let mut sums = ClockSums::default();
    for (day, who, ms) in all(
        conn,
        "SELECT day, staff_id, ms FROM clock_staff_days",
        [],
        |r| Ok((parsed(r, 0)?, r.get(1)?, r.get(2)?)),
    )? {
        sums.staff.insert((day, who), ms);
    }
    for (day, bay, hour, ms) in all(
        conn,
        "SELECT day, bay_id, hour, ms FROM clock_bay_hours",
        [],
        |r| Ok((parsed(r, 0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )? {
        sums.bays.insert((day, bay, hour), ms);
    }
    for (day, state, ms) in all(conn, "SELECT day, state, ms FROM state_days", [], |r| {
        Ok((parsed(r, 0)?, parsed(r, 1)?, r.get(2)?))
    })? {
        sums.states.insert((day, state), ms);
    }
    Ok(sums)
}

/// The queries of [`staff_days`], [`bay_hours`] and [`state_days`], for
/// their plans' test.
pub const STAFF_DAYS: &str =
    "SELECT staff_id, ms FROM clock_staff_days WHERE day >= ?1 AND day < ?2";
pub const BAY_HOURS: &str =
    "SELECT bay_id, hour, ms FROM clock_bay_hours WHERE day >= ?1 AND day < ?2";
pub const STATE_DAYS: &str = "SELECT state, ms FROM state_days WHERE day >= ?1 AND day < ?2";

/// Milliseconds on each technician's clock over the local days
/// [from, to), a row per day and technician (summed by the caller: a
/// `GROUP BY` would sort them all first).
pub fn staff_days(
    conn: &Connection,
    (from, to): (NaiveDate, NaiveDate),
    mut add: impl FnMut(i64, i64),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(STAFF_DAYS)?;
    let mut rows = stmt.query([from.to_string(), to.to_string()])?;
    while let Some(r) = rows.next()? {
        add(r.get(0)?, r.get(1)?);
    }
    Ok(())
}

/// Milliseconds clocked in each bay by local hour over the local days
/// [from, to), a row per day, bay and hour.
pub fn bay_hours(
    conn: &Connection,
    (from, to): (NaiveDate, NaiveDate),
    mut add: impl FnMut(i64, u32, i64),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(BAY_HOURS)?;
    let mut rows = stmt.query([from.to_string(), to.to_string()])?;
    while let Some(r) = rows.next()? {
        add(r.get(0)?, r.get(1)?, r.get(2)?);
    }
    Ok(())
}

/// Milliseconds the jobs delivered on the local days [from, to) spent in
/// each state, a row per day and state.
pub fn state_days(
    conn: &Connection,
    (from, to): (NaiveDate, NaiveDate),
    mut add: impl FnMut(JobStatus, i64),
) -> Result<()> {
    let mut stmt = conn.prepare_cached(STATE_DAYS)?;
    let mut rows = stmt.query([from.to_string(), to.to_string()])?;
    while let Some(r) = rows.next()? {
        add(parsed(r, 0)?, r.get(1)?);
    }
    Ok(())
}

/// Entries still on the clock that started before `t` (the sums hold
/// only closed ones).
pub fn open_before(conn: &Connection, t: DateTime<Utc>) -> Result<Vec<ClockFact>> {
    all(
        conn,
        "SELECT staff_id, bay_id, started_at, ended_at FROM time_entries
          WHERE ended_at IS NULL AND started_at < ?1",
        [ts(t)],
        ClockFact::row,
    )
}

fn data_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA data_version", [], |r| r.get(0))?)
}

/// Counts every closed entry into the sums, in this process's zone,
/// which `zone` names. The counting (seconds on a long history) reads a
/// snapshot, so other terminals keep writing meanwhile; the write holds
/// the lock only to replace the rows, unless someone wrote in between,
/// when it counts again under the lock.
pub(crate) fn rebuild(store: &mut super::Store, zone: &str) -> Result<()> {
    // A file this process may not write (read-only, or its shop key out of
    // reach) is found out before seconds of counting, not after.
    store.write(|_| Ok(()))?;
    let counting = store.day_zone().zone;
    let (sums, seen) = store.read(|c| {
        let sums = recount(c, &mut Offsets::new(&counting))?;
        Ok((sums, data_version(c)?))
    })?;
    store.write(|c| {
        let sums = if data_version(c)? == seen {
            sums
        } else {
            recount(c, &mut Offsets::new(&counting))?
        };
        replace(c, &sums, zone)
    })
}

/// The sums against a recount of the records, when this process
/// counts in the zone they are kept in (every bayboard process in a shop
/// with a zone it knows does: it adopts the shop's zone). Sums kept in
/// another zone are read by no one, so they are no problem.
pub(crate) fn problems(
    conn: &Connection,
    day_zone: &crate::domain::zone::DayZone,
) -> Result<Vec<String>> {
    let Some(kept_in) = clock_zone(conn)? else {
        return Ok(Vec::new());
    };
    if !day_zone.is(&kept_in) {
        return Ok(Vec::new());
    }
    let recounted = recount(conn, &mut Offsets::new(&day_zone.zone))?;
    let (staff, bays) = super::figures::names(conn)?;
    let (staff, bays) = (staff.into_iter().collect(), bays.into_iter().collect());
    let found = differences(&stored(conn)?, &recounted, &staff, &bays);
    let n = found.len();
    let mut out: Vec<String> = found
        .into_iter()
        .take(20)
        .map(|d| format!("the kept sums differ from the records: {d}"))
        .collect();
    if n > 20 {
        out.push(format!("the kept sums differ in {} more places", n - 20));
    }
    if n > 0 {
        out.push(format!(
            "the sums are counted again from the records once the shop's zone is set \
             again: bayboard shop set --timezone {kept_in}"
        ));
    }
    Ok(out)
}

/// Where `kept` and `counted` differ, each naming a day and who or which
/// bay, in hours and minutes.
fn differences(
    kept: &ClockSums,
    counted: &ClockSums,
    staff: &std::collections::HashMap<i64, String>,
    bays: &std::collections::HashMap<i64, String>,
) -> Vec<String> {
    fn each<K: Ord + Copy>(
        a: &std::collections::BTreeMap<K, i64>,
        b: &std::collections::BTreeMap<K, i64>,
        name: impl Fn(K) -> String,
        out: &mut Vec<String>,
    ) {
        let keys: std::collections::BTreeSet<K> = a.keys().chain(b.keys()).copied().collect();
        for k in keys {
            let (x, y) = (a.get(&k).copied(), b.get(&k).copied());
            if x != y {
                out.push(format!(
                    "{}: {} kept, {} in the records",
                    name(k),
                    hours(x.unwrap_or(0)),
                    hours(y.unwrap_or(0))
                ));
            }
        }
    }
    let name = |ids: &std::collections::HashMap<i64, String>, id: i64| {
        ids.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))
    };
    let mut out = Vec::new();
    each(
        &kept.staff,
        &counted.staff,
        |(d, who)| format!("{d} {}", name(staff, who)),
        &mut out,
    );
    each(
        &kept.bays,
        &counted.bays,
        |(d, bay, h)| format!("{d} {h:02}:00 bay {}", name(bays, bay)),
        &mut out,
    );
    each(
        &kept.states,
        &counted.states,
        |(d, state)| format!("{d} jobs delivered, time {}", state.as_str()),
        &mut out,
    );
    out
}

/// Milliseconds as hours and minutes (seconds where it is less).
fn hours(ms: i64) -> String {
    let secs = ms / 1000;
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{}:{:02} h", secs / 3600, secs / 60 % 60)
    }
}
