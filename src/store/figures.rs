//! The raw facts behind the manager's figures (`src/figures/`), each read
//! for a window [from, to) of UTC time through an index on the moment that
//! places it in a range (schema version 7). Every fact belongs to exactly one
//! instant, except time on the clock, which is cut at the window's edges, so
//! two adjacent windows add up to the window around both.

use super::queries::{all, opt_time, parsed, time};
use super::ts;
use crate::domain::{JobStatus, PartKind};
use crate::error::Result;
use chrono::{DateTime, Utc};
use rusqlite::Connection;

/// `job_state_times` rows for each job of `jobs` (a query of job ids):
/// each change of state starts a stretch that the job's next change ends;
/// stretches are summed by state, one row per open state the job spent
/// time in. The one rule for the delivery's write and `check`'s
/// recomputation.
pub fn job_state_times_sql(jobs: &str) -> String {
    format!(
        "SELECT job_id, to_status AS state,
                (SELECT closed_at FROM jobs WHERE id = job_id) AS closed_at, sum(ms) AS ms
           FROM (SELECT job_id, to_status,
                        max(0, CAST(round((julianday(lead(at) OVER w) - julianday(at)) * 86400000) AS INTEGER)) AS ms
                   FROM events
                  WHERE job_id IN ({jobs}) AND to_status IS NOT NULL
                 WINDOW w AS (PARTITION BY job_id ORDER BY id))
          WHERE ms IS NOT NULL AND to_status IN (SELECT code FROM job_states WHERE open = 1)
          GROUP BY job_id, to_status
         HAVING sum(ms) > 0"
    )
}

/// Records a delivered job's time in each state (in the delivery's
/// transaction, after its event).
pub(crate) fn record_job_times(conn: &super::WriteTx, job: i64) -> Result<()> {
    conn.execute(
        &format!(
            "INSERT INTO job_state_times (job_id, state, closed_at, ms) {}",
            job_state_times_sql("?1")
        ),
        [job],
    )?;
    super::clock_sums::keep_states(conn, job)
}

/// The query of [`state_times`], for its plan's test.
pub const STATE_TIMES: &str = "SELECT code, ms FROM (
     SELECT s.code, (SELECT sum(t.ms) FROM job_state_times t
                      WHERE t.state = s.code AND t.closed_at >= ?1
                        AND t.closed_at < ?2) AS ms
       FROM job_states s WHERE s.open = 1)
  WHERE ms IS NOT NULL";

/// Milliseconds in each state, summed over the jobs delivered in the
/// window: one range of the covering index `job_state_times_state` per
/// open state, summed in index order (a `GROUP BY` over the window's rows
/// sorts them all first, four times slower on a long history).
pub fn state_times(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(JobStatus, i64)>> {
    all(conn, STATE_TIMES, [ts(from), ts(to)], |r| {
        Ok((parsed::<JobStatus>(r, 0)?, r.get(1)?))
    })
}

/// A moment, and the moment something that began then ended (if it has).
pub type Stretch = (DateTime<Utc>, Option<DateTime<Utc>>);
/// Ids and names.
pub type Names = Vec<(i64, String)>;

// `+j.status` keeps the planner on `jobs_closed` (the window) rather than
// `jobs_status`, where 'delivered' is nearly every job ever.

/// A job delivered in the window.
pub struct DeliveredFact {
    pub id: i64,
    pub created_at: DateTime<Utc>,
    pub closed_at: DateTime<Utc>,
    pub promised_at: Option<DateTime<Utc>>,
    pub rework_count: i64,
    /// Set when this job was a comeback: the earlier job's technician.
    pub comeback_tech: Option<Option<i64>>,
    /// Whether the first inspection of each level (self, peer, final)
    /// passed; None where the level was never signed.
    pub first_passed: [Option<bool>; 3],
}

/// The query of [`delivered`], for its plan's test: each delivered job
/// once per inspection it had (once if none), the inspections of a job in
/// the order they were signed.
pub const DELIVERED: &str = "SELECT j.id, j.created_at, j.closed_at, j.promised_at, j.rework_count,
        j.comeback_of IS NOT NULL, o.technician_id, q.id, q.level, q.result = 'pass'
   FROM jobs j LEFT JOIN jobs o ON o.id = j.comeback_of
        LEFT JOIN qc_inspections q ON q.job_id = j.id
  WHERE j.closed_at IS NOT NULL AND j.closed_at >= ?1 AND j.closed_at < ?2
    AND +j.status = 'delivered'";

/// The jobs delivered in the window. One join rather than a subquery per
/// inspection level: three lookups of every job's inspections made the
/// whole history's report three times slower.
pub fn delivered(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<DeliveredFact>> {
    let mut facts: Vec<DeliveredFact> = Vec::new();
    // Per job: where it is in `facts`, and the inspection each level's
    // answer came from (the first signed is the one that counts).
    let mut seen: std::collections::HashMap<i64, (usize, [i64; 3])> = Default::default();
    let mut stmt = conn.prepare_cached(DELIVERED)?;
    let mut rows = stmt.query([ts(from), ts(to)])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let (at, firsts) = match seen.get_mut(&id) {
            Some(e) => e,
            None => {
                let comeback: bool = r.get(5)?;
                facts.push(DeliveredFact {
                    id,
                    created_at: time(r, 1)?,
                    closed_at: time(r, 2)?,
                    promised_at: opt_time(r, 3)?,
                    rework_count: r.get(4)?,
                    comeback_tech: comeback.then(|| r.get(6)).transpose()?,
                    first_passed: [None; 3],
                });
                seen.entry(id).or_insert((facts.len() - 1, [i64::MAX; 3]))
            }
        };
        let (Some(q), Some(level)) = (
            r.get::<_, Option<i64>>(7)?,
            r.get_ref(8)?
                .as_str_or_null()
                .map_err(rusqlite::Error::from)?,
        ) else {
            continue;
        };
        let Some(i) = ["self", "peer", "final"].iter().position(|l| *l == level) else {
            continue;
        };
        if q < firsts[i] {
            firsts[i] = q;
            facts[*at].first_passed[i] = r.get(9)?;
        }
    }
    Ok(facts)
}

/// A stretch on the clock that overlaps the window (uncut).
pub struct ClockFact {
    pub staff_id: i64,
    pub bay_id: Option<i64>,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
}

impl ClockFact {
    /// From a row of (staff_id, bay_id, started_at, ended_at).
    pub(super) fn row(r: &rusqlite::Row) -> rusqlite::Result<ClockFact> {
        Ok(ClockFact {
            staff_id: r.get(0)?,
            bay_id: r.get(1)?,
            started_at: time(r, 2)?,
            ended_at: opt_time(r, 3)?,
        })
    }
}

/// Entries started in the window, those started before it and ended in it
/// (or up to 31 days after it: an entry closed after more than a month on
/// the clock that spans a whole window is left out, so an old window does
/// not scan every entry since), and those still open from before it: three
/// index ranges.
pub fn clocked(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<ClockFact>> {
    all(
        conn,
        "SELECT staff_id, bay_id, started_at, ended_at FROM time_entries
          WHERE started_at >= ?1 AND started_at < ?2
         UNION ALL
         SELECT staff_id, bay_id, started_at, ended_at FROM time_entries
          WHERE ended_at > ?1 AND ended_at < ?3 AND started_at < ?1
         UNION ALL
         SELECT staff_id, bay_id, started_at, ended_at FROM time_entries
          WHERE ended_at IS NULL AND started_at < ?1",
        [ts(from), ts(to), ts(to + chrono::Duration::days(31))],
        ClockFact::row,
    )
}

/// The query of [`sold`], for its plan's test.
pub const SOLD: &str = "SELECT done_by, hours FROM lines
  WHERE done_by IS NOT NULL AND done_at >= ?1 AND done_at < ?2";

/// Sold hours of the lines marked done in the window, by who marked them.
/// Summed here: a `GROUP BY` sorts every line of the window first, five
/// times slower over a long history.
pub fn sold(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<(i64, f64)>> {
    let mut by: std::collections::BTreeMap<i64, f64> = Default::default();
    let mut stmt = conn.prepare_cached(SOLD)?;
    let mut rows = stmt.query([ts(from), ts(to)])?;
    while let Some(r) = rows.next()? {
        *by.entry(r.get(0)?).or_default() += r.get::<_, Option<f64>>(1)?.unwrap_or(0.0);
    }
    Ok(by.into_iter().collect())
}

/// Follow-ups finished in the window: reached or not, and the score.
pub fn followups_done(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(bool, Option<i64>)>> {
    all(
        conn,
        "SELECT state = 'reached', score FROM followups
          WHERE done_at IS NOT NULL AND done_at >= ?1 AND done_at < ?2",
        [ts(from), ts(to)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// Added work put to customers in the window: its state now, and when it
/// was decided.
pub struct AskedFact {
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

pub fn asked(conn: &Connection, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<Vec<AskedFact>> {
    all(
        conn,
        "SELECT status, created_at, decided_at FROM lines
          WHERE kind = 'added' AND created_at >= ?1 AND created_at < ?2",
        [ts(from), ts(to)],
        |r| {
            Ok(AskedFact {
                status: r.get(0)?,
                created_at: time(r, 1)?,
                decided_at: opt_time(r, 2)?,
            })
        },
    )
}

/// Blocking parts issues logged in the window: kind, logged, closed.
pub fn parts_blocking(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(PartKind, Stretch)>> {
    all(
        conn,
        "SELECT kind, created_at, closed_at FROM parts_issues
          WHERE created_at >= ?1 AND created_at < ?2 AND blocking = 1",
        [ts(from), ts(to)],
        |r| Ok((parsed(r, 0)?, (time(r, 1)?, opt_time(r, 2)?))),
    )
}

/// Complaints recorded in the window: severity, resolve-by, resolved.
pub fn complaints_opened(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<(i64, Stretch)>> {
    all(
        conn,
        "SELECT severity, resolve_by, resolved_at FROM complaints
          WHERE created_at >= ?1 AND created_at < ?2",
        [ts(from), ts(to)],
        |r| Ok((r.get(0)?, (time(r, 1)?, opt_time(r, 2)?))),
    )
}

/// Open jobs by state, now.
pub fn work_in_progress(conn: &Connection) -> Result<Vec<(JobStatus, i64)>> {
    all(
        conn,
        "SELECT status, count(*) FROM jobs WHERE closed_at IS NULL GROUP BY status",
        [],
        |r| Ok((parsed(r, 0)?, r.get(1)?)),
    )
}

/// Names of everyone and of every bay, by id (figures name people and bays
/// that may since have left or been retired).
pub fn names(conn: &Connection) -> Result<(Names, Names)> {
    let staff = all(conn, "SELECT id, name FROM staff", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    let bays = all(conn, "SELECT id, name FROM bays ORDER BY id", [], |r| {
        Ok((r.get(0)?, r.get(1)?))
    })?;
    Ok((staff, bays))
}

/// The oldest moment any figure could count from: the first check-in
/// (nothing a figure counts happens to a job before it exists).
pub fn first_check_in(conn: &Connection) -> Result<Option<DateTime<Utc>>> {
    let rows = all(conn, "SELECT min(created_at) FROM jobs", [], |r| {
        opt_time(r, 0)
    })?;
    Ok(rows.into_iter().next().flatten())
}
