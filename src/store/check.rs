//! `bayboard check`: SQLite's integrity check and the workshop's invariants,
//! each a query that lists what breaks it.

use crate::error::{Error, Result};
use rusqlite::Connection;
use serde::Serialize;

mod signoffs;

#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// `ok`, or what `PRAGMA integrity_check` found.
    pub integrity: Vec<String>,
    /// One line per broken invariant, naming the rows.
    pub problems: Vec<String>,
    pub jobs: i64,
    pub events: i64,
    /// The newest event and its hash: note it down or send it elsewhere; a
    /// chain rebuilt from scratch will not reach it.
    pub chain_head: Option<String>,
    /// How the events' signatures under the shop key stand, in a sentence
    /// (the JSON carries it in English, as scripts have always read it).
    #[serde(skip)]
    pub signatures: crate::domain::Said,
    /// What is not wrong but worth knowing: one car under plates typed
    /// differently (read as one), two VINs under one plate (kept apart).
    #[serde(skip)]
    pub notes: Vec<crate::domain::Said>,
}

impl CheckReport {
    pub fn ok(&self) -> bool {
        self.integrity == ["ok"] && self.problems.is_empty()
    }
}

/// (what must hold, a query listing the rows that break it as text).
const INVARIANTS: &[(&str, &str)] = &[
    (
        "a job's version equals the number of its events",
        "SELECT 'J-' || j.id || ' version ' || j.version || ' but ' || count(e.id) || ' events'
           FROM jobs j LEFT JOIN events e ON e.job_id = j.id
          GROUP BY j.id HAVING j.version <> count(e.id)",
    ),
    (
        "a bay holds at most one job",
        "SELECT 'bay ' || bay_id || ' holds ' || count(*) || ' jobs'
           FROM jobs WHERE bay_id IS NOT NULL GROUP BY bay_id HAVING count(*) > 1",
    ),
    (
        "only jobs between dispatch and QC pass hold a bay",
        "SELECT 'J-' || id || ' is ' || status || ' but holds a bay'
           FROM jobs WHERE bay_id IS NOT NULL
            AND status NOT IN (SELECT code FROM job_states WHERE holds_bay = 1)",
    ),
    (
        "a technician has at most one open time entry",
        "SELECT 'staff ' || staff_id || ' has ' || count(*) || ' open time entries'
           FROM time_entries WHERE ended_at IS NULL GROUP BY staff_id HAVING count(*) > 1",
    ),
    (
        "a job in progress has its technician's clock running, and only then",
        "SELECT 'J-' || j.id || ' is in progress without an open time entry'
           FROM jobs j WHERE j.status = 'in_progress' AND NOT EXISTS
                (SELECT 1 FROM time_entries t WHERE t.job_id = j.id AND t.ended_at IS NULL
                    AND t.staff_id = j.technician_id)
         UNION ALL
         SELECT 'time entry ' || t.id || ' is open on J-' || t.job_id || ', which is ' || j.status
           FROM time_entries t JOIN jobs j ON j.id = t.job_id
          WHERE t.ended_at IS NULL AND (j.status <> 'in_progress' OR j.technician_id <> t.staff_id)",
    ),
    (
        "a job is held exactly while a hold is on: a blocking part, a blocking line awaiting the customer",
        "SELECT 'J-' || j.id || ' waits for parts with no open blocking issue'
           FROM jobs j WHERE j.status = 'waiting_parts' AND NOT EXISTS
                (SELECT 1 FROM parts_issues p WHERE p.job_id = j.id AND p.blocking = 1
                    AND p.closed_at IS NULL)
         UNION ALL
         SELECT 'J-' || j.id || ' waits for parts while a blocking line awaits approval'
           FROM jobs j WHERE j.status = 'waiting_parts' AND EXISTS
                (SELECT 1 FROM lines l WHERE l.job_id = j.id AND l.blocking = 1
                    AND l.status = 'proposed')
         UNION ALL
         SELECT 'J-' || j.id || ' waits for approval with no blocking line proposed'
           FROM jobs j WHERE j.status = 'waiting_approval' AND NOT EXISTS
                (SELECT 1 FROM lines l WHERE l.job_id = j.id AND l.blocking = 1
                    AND l.status = 'proposed')
         UNION ALL
         SELECT 'J-' || j.id || ' is ' || j.status || ' with an open blocking parts issue'
           FROM jobs j WHERE j.status IN (SELECT code FROM job_states WHERE on_floor = 1 AND held = 0) AND EXISTS
                (SELECT 1 FROM parts_issues p WHERE p.job_id = j.id AND p.blocking = 1
                    AND p.closed_at IS NULL)
         UNION ALL
         SELECT 'J-' || j.id || ' is ' || j.status || ' with a blocking line awaiting approval'
           FROM jobs j WHERE j.status IN (SELECT code FROM job_states WHERE on_floor = 1 AND held = 0) AND EXISTS
                (SELECT 1 FROM lines l WHERE l.job_id = j.id AND l.blocking = 1
                    AND l.status = 'proposed')",
    ),
    (
        "a job past the self-check has all its work done or declined",
        "SELECT 'J-' || l.job_id || ' is ' || j.status || ' but ' || 'L-' || l.id || ' is ' || l.status
           FROM lines l JOIN jobs j ON j.id = l.job_id
          WHERE l.status IN ('proposed','approved')
            AND j.status IN (SELECT code FROM job_states WHERE finished = 1)",
    ),
    (
        "closed jobs have no open parts issues",
        "SELECT 'P-' || p.id || ' is open on J-' || j.id || ', which is ' || j.status
           FROM parts_issues p JOIN jobs j ON j.id = p.job_id
          WHERE p.closed_at IS NULL AND j.closed_at IS NOT NULL",
    ),
    (
        "a job's status is the last status its events recorded",
        "SELECT 'J-' || j.id || ' is ' || j.status || ' but its last event says ' || e.to_status
           FROM jobs j JOIN events e ON e.id =
                (SELECT max(id) FROM events WHERE job_id = j.id AND to_status IS NOT NULL)
          WHERE e.to_status <> j.status",
    ),
    (
        "a job's events never go back in time",
        "SELECT 'J-' || job_id || ' event ' || id || ' at ' || at || ' is before the one before it'
           FROM (SELECT job_id, id, at,
                        lag(at) OVER (PARTITION BY job_id ORDER BY id) AS before
                   FROM events WHERE job_id IS NOT NULL)
          WHERE at < before",
    ),
    (
        "a follow-up belongs to a delivered job, and a complaint's steps carry their times",
        "SELECT 'follow-up of J-' || f.job_id || ', which is ' || j.status
           FROM followups f JOIN jobs j ON j.id = f.job_id WHERE j.status <> 'delivered'
         UNION ALL
         SELECT 'C-' || id || ' is ' || status || ' without the time of that step'
           FROM complaints
          WHERE (status = 'acknowledged' AND acknowledged_at IS NULL)
             OR (status = 'resolved' AND resolved_at IS NULL)
             OR (status = 'closed' AND (resolved_at IS NULL OR closed_at IS NULL))
             OR (status = 'open' AND coalesce(acknowledged_at, resolved_at, closed_at) IS NOT NULL)
             OR respond_by < created_at OR resolve_by < respond_by",
    ),
    (
        "a comeback is of an earlier delivered job of the same car",
        "SELECT 'J-' || j.id || ' is marked a comeback of J-' || o.id
           FROM jobs j JOIN jobs o ON o.id = j.comeback_of
           JOIN vehicles vj ON vj.id = j.vehicle_id JOIN vehicles vo ON vo.id = o.vehicle_id
          WHERE o.id >= j.id OR o.status <> 'delivered'
             OR coalesce(vj.plate_key, vj.plate) <> coalesce(vo.plate_key, vo.plate)
             OR (vj.vin IS NOT NULL AND vo.vin IS NOT NULL AND vj.vin <> vo.vin)",
    ),
    (
        "a warranty claim has warranty lines, a campaign's line is the maker's, a paid claim was \
         approved, a line marked claimed has its job's claim",
        "SELECT 'W-' || w.id || ' of J-' || w.job_id || ' has no warranty or 三包 line'
           FROM claims w
          WHERE NOT EXISTS (SELECT 1 FROM lines l WHERE l.job_id = w.job_id
                                                   AND l.payer IN ('warranty', 'sanbao'))
         UNION ALL
         SELECT 'L-' || id || ' does campaign ' || campaign || ' but is paid by ' || payer
           FROM lines WHERE campaign IS NOT NULL AND payer <> 'warranty'
         UNION ALL
         SELECT 'W-' || w.id || ' is ' || w.status || ' with no approval on record'
           FROM claims w
          WHERE w.status IN ('approved', 'paid')
            AND NOT EXISTS (SELECT 1 FROM events e
                             WHERE e.job_id = w.job_id AND e.kind = 'claim_updated'
                               AND e.params LIKE '%\"approved\"%')
         UNION ALL
         SELECT 'L-' || l.id || ' is marked claimed but J-' || l.job_id || ' has no claim'
           FROM lines l
          WHERE l.claimed = 1 AND NOT EXISTS (SELECT 1 FROM claims w WHERE w.job_id = l.job_id)",
    ),
    (
        "a job's rework count equals its failed inspections",
        "SELECT 'J-' || j.id || ' rework ' || j.rework_count || ' but ' || count(q.id) || ' failed inspections'
           FROM jobs j LEFT JOIN qc_inspections q
                ON q.job_id = j.id AND q.result = 'fail' AND q.level <> 'self'
          GROUP BY j.id HAVING j.rework_count <> count(q.id)",
    ),
];

/// Checks the database; `key` is what this process could read of the shop
/// key (signatures are verified only with it, and the report says so).
pub fn check(
    conn: &Connection,
    key: &super::key::KeyState,
    day_zone: &crate::domain::zone::DayZone,
) -> Result<CheckReport> {
    let integrity = lossy_lines(conn, "PRAGMA integrity_check")?;
    let mut problems = Vec::new();
    // Each part of the check stands alone: one that cannot finish (a value
    // no reader expects) is named, and the others still run.
    let mut part = |what: &str, r: Result<Vec<String>>| match r {
        Ok(found) => problems.extend(found),
        Err(e) => problems.push(format!("{what} could not be checked: {e}")),
    };
    for (rule, sql) in INVARIANTS {
        let found = lossy_lines(conn, sql)
            .map(|rows| rows.into_iter().map(|r| format!("{rule}: {r}")).collect());
        part(rule, found);
    }
    part("the triggers", trigger_problems(conn));
    part("the values", value_problems(conn));
    part("the text", utf8_problems(conn));
    part("the plates", plate_key_problems(conn));
    part("the state times", job_times_problems(conn));
    part(
        "the clocked sums",
        super::clock_sums::problems(conn, day_zone),
    );
    part(
        "the states",
        super::states::problems(conn).map_err(Into::into),
    );
    let loaded = match key {
        super::key::KeyState::Loaded(k) => Some(k),
        _ => None,
    };
    let walk = match signoffs::walk(conn, loaded) {
        Ok((walk, signoffs)) => {
            let breaks = walk.breaks.iter();
            part(
                "the chain",
                Ok(breaks
                    .map(|b| format!("the event chain breaks: {b}"))
                    .collect()),
            );
            part("the signatures", Ok(walk.signatures.forged.clone()));
            part("the sign-offs", Ok(signoffs));
            walk
        }
        Err(e) => {
            part("the event chain and sign-offs", Err(e));
            super::chain::Walk::default()
        }
    };
    Ok(CheckReport {
        integrity,
        problems,
        jobs: conn.query_row("SELECT count(*) FROM jobs", [], |r| r.get(0))?,
        events: walk.links,
        chain_head: walk.head.map(|(id, h)| format!("#{id} {h}")),
        signatures: signatures_said(&walk.signatures, key),
        notes: plate_notes(conn).unwrap_or_default(),
    })
}

/// Plates typed more than one way (`粤AH2526`, `粤A·H2526`), which are one
/// car since the canonical plate (their visits, declined work and
/// comebacks read together), and plates on record with more than one VIN:
/// another car under a kept plate, never merged.
fn plate_notes(conn: &Connection) -> Result<Vec<crate::domain::Said>> {
    use crate::domain::Said;
    let mut stmt = conn.prepare(
        "SELECT plate_key,
                (SELECT group_concat(p, ', ') FROM (SELECT DISTINCT plate AS p FROM vehicles w
                                                     WHERE w.plate_key = v.plate_key ORDER BY p)),
                count(DISTINCT plate), count(DISTINCT vin),
                (SELECT group_concat(x, ', ') FROM (SELECT DISTINCT vin AS x FROM vehicles w
                                                     WHERE w.plate_key = v.plate_key
                                                       AND vin IS NOT NULL ORDER BY x))
           FROM vehicles v
          WHERE plate_key IS NOT NULL AND typeof(plate) = 'text'
          GROUP BY plate_key
         HAVING count(DISTINCT plate) > 1 OR count(DISTINCT vin) > 1
          ORDER BY plate_key",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let plates: String = r.get::<_, Option<String>>(1)?.unwrap_or_default();
        if r.get::<_, i64>(2)? > 1 {
            out.push(Said::new("check-note-spellings").text("plates", &plates));
        }
        if r.get::<_, i64>(3)? > 1 {
            let vins: String = r.get::<_, Option<String>>(4)?.unwrap_or_default();
            out.push(
                Said::new("check-note-vins")
                    .text("plates", &plates)
                    .text("vins", vins),
            );
        }
    }
    Ok(out)
}

/// The first column of every row of `sql`, as text even where a row holds
/// a BLOB or bytes that are not UTF-8 (shown with U+FFFD in their place).
fn lossy_lines(conn: &Connection, sql: &str) -> Result<Vec<String>> {
    use rusqlite::types::ValueRef;
    let mut stmt = conn.prepare(sql)?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        out.push(match r.get_ref(0)? {
            ValueRef::Text(b) | ValueRef::Blob(b) => String::from_utf8_lossy(b).into_owned(),
            ValueRef::Integer(n) => n.to_string(),
            ValueRef::Real(f) => f.to_string(),
            ValueRef::Null => String::new(),
        });
    }
    Ok(out)
}

/// Vehicles whose canonical plate is not their plate's (changed outside
/// bayboard): such a car would not be found by its plate.
fn plate_key_problems(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT id, plate, plate_key FROM vehicles
          WHERE typeof(plate) = 'text' AND plate_key IS NOT NULL",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let (Ok(plate), Ok(key)) = (r.get::<_, String>(1), r.get::<_, String>(2)) else {
            continue;
        };
        if crate::domain::vehicle::plate_key(&plate) != key {
            let id: i64 = r.get(0)?;
            out.push(format!(
                "vehicles row {id}: plate {plate} is filed as {key}: it was changed outside bayboard"
            ));
        }
    }
    Ok(out)
}

/// Text cells whose bytes are not UTF-8 (SQLite stores what it is given,
/// and no trigger can test it): each named, the first few per column.
fn utf8_problems(conn: &Connection) -> Result<Vec<String>> {
    const SHOWN: usize = 5;
    let mut out = Vec::new();
    let columns = super::rules::text_columns(conn)?.into_iter().chain(
        super::rules::VALUE_RULES
            .iter()
            .filter(|(_, _, f)| *f == super::rules::Form::Time)
            .map(|(t, c, _)| (t.to_string(), c.to_string())),
    );
    for (table, column) in columns {
        let mut stmt = conn.prepare(&format!(
            "SELECT rowid, {column} FROM {table} WHERE typeof({column}) = 'text'"
        ))?;
        let mut rows = stmt.query([])?;
        let mut bad = 0;
        while let Some(r) = rows.next()? {
            let bytes = r.get_ref(1)?.as_bytes().unwrap_or_default();
            if std::str::from_utf8(bytes).is_err() {
                bad += 1;
                if bad <= SHOWN {
                    let id: i64 = r.get(0)?;
                    out.push(format!(
                        "{table} row {id}: {column} is not valid UTF-8 text: it was written \
                         outside bayboard"
                    ));
                }
            }
        }
        if bad > SHOWN {
            out.push(format!(
                "… and {} more rows like it in {table}.{column}",
                bad - SHOWN
            ));
        }
    }
    Ok(out)
}

/// The events' signatures alone (for `verify`): the sentence `check`
/// prints, and each event unsigned or forged.
pub fn signatures(
    conn: &Connection,
    key: &super::key::KeyState,
) -> Result<(crate::domain::Said, Vec<String>)> {
    let loaded = match key {
        super::key::KeyState::Loaded(k) => Some(k),
        _ => None,
    };
    let walk = super::chain::walk(conn, false, loaded, |_| {})?;
    Ok((
        signatures_said(&walk.signatures, key),
        walk.signatures.forged,
    ))
}

fn signatures_said(
    s: &super::chain::Signatures,
    key: &super::key::KeyState,
) -> crate::domain::Said {
    use crate::domain::Said;
    let said = match key {
        _ if s.signed == 0 => Said::new("check-signatures-none"),
        super::key::KeyState::Loaded(_) => Said::new("check-signatures-verified"),
        super::key::KeyState::Missing => Said::new("check-signatures-no-key"),
        super::key::KeyState::Unreadable(why) => {
            Said::new("check-signatures-unreadable-key").text("why", why)
        }
    };
    said.num("signed", s.signed).num("before", s.before)
}

/// The figures' per-job state times (`job_state_times`) against a
/// recomputation from the event log: the same rows, the same numbers.
fn job_times_problems(conn: &Connection) -> Result<Vec<String>> {
    let sql = format!(
        "WITH r AS ({}),
              t AS (SELECT job_id, state, closed_at, ms FROM job_state_times
                     WHERE job_id IN (SELECT id FROM jobs WHERE status = 'delivered')),
              -- Rows on one side only, each way: EXCEPT sorts once, where a
              -- join of the two unindexed results would compare every pair.
              bad(job_id) AS (
                SELECT job_id FROM (SELECT job_id, state, closed_at, ms FROM r
                                    EXCEPT SELECT * FROM t)
                UNION
                SELECT job_id FROM (SELECT * FROM t
                                    EXCEPT SELECT job_id, state, closed_at, ms FROM r))
         SELECT 'J-' || job_id ||
                CASE WHEN EXISTS (SELECT 1 FROM job_state_times s WHERE s.job_id = bad.job_id)
                     THEN ' state times differ from its events'
                     ELSE ' has no recorded state times' END
           FROM bad GROUP BY job_id
         UNION ALL
         SELECT DISTINCT 'J-' || s.job_id || ' has state times but was not delivered'
           FROM job_state_times s JOIN jobs j ON j.id = s.job_id WHERE j.status <> 'delivered'
         LIMIT 20",
        super::figures::job_state_times_sql("SELECT id FROM jobs WHERE status = 'delivered'"),
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|r| format!("the figures' state times: {r}"))
        .collect())
}

/// Rows holding a value not in its column's form (`store::rules`).
pub fn value_problems(conn: &Connection) -> Result<Vec<String>> {
    let sql = format!(
        "{}\nUNION ALL\n{}",
        super::rules::violations_sql(),
        super::rules::text_and_bound_violations_sql(conn)?
    );
    Ok(lossy_lines(conn, &sql)?
        .into_iter()
        .map(|r| format!("a value has the wrong form: {r}"))
        .collect())
}

fn triggers(conn: &Connection) -> Result<std::collections::HashMap<String, String>> {
    let mut stmt = conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The triggers of a database this build makes, built once per process.
fn expected_triggers() -> Result<&'static std::collections::HashMap<String, String>> {
    static WANT: std::sync::OnceLock<std::collections::HashMap<String, String>> =
        std::sync::OnceLock::new();
    if let Some(w) = WANT.get() {
        return Ok(w);
    }
    let mut fresh = Connection::open_in_memory()?;
    super::schema::migrations()
        .to_latest(&mut fresh)
        .map_err(|e| Error::Database(format!("cannot build the schema: {e}")))?;
    Ok(WANT.get_or_init(|| triggers(&fresh).unwrap_or_default()))
}

/// Triggers that keep the record honest, each as this build writes it (a
/// fresh database made in memory): one missing was dropped, one whose text
/// differs was replaced, one bayboard never writes was added — each by
/// someone with the file.
fn trigger_problems(conn: &Connection) -> Result<Vec<String>> {
    let want = expected_triggers()?;
    let have = triggers(conn)?;
    let mut out = Vec::new();
    // Every trigger this build writes, from the fresh schema: a new rule
    // is checked without being listed twice.
    let mut names: Vec<&String> = want.keys().collect();
    names.sort();
    for name in names {
        match (want.get(name), have.get(name)) {
            (_, None) => out.push(format!("the trigger {name} is missing: it was dropped outside bayboard, so what it guards may have been changed")),
            (Some(w), Some(h)) if w != h => out.push(format!("the trigger {name} is not the one bayboard writes: it was replaced outside bayboard")),
            _ => {}
        }
    }
    let mut extra: Vec<&String> = have.keys().filter(|n| !want.contains_key(*n)).collect();
    extra.sort();
    out.extend(extra.into_iter().map(|n| {
        format!("the trigger {n} is not one bayboard writes: it was added outside bayboard")
    }));
    Ok(out)
}

/// A consistent copy of the database while others keep writing (SQLite's
/// online backup restarts by itself when the source changes under it).
/// The copy is written beside `to` under a temporary name, synced, and only
/// then given its name, so a full disk or a killed process never leaves a
/// partial file that looks like a backup; an existing `to` is never replaced.
pub fn backup(conn: &Connection, to: &std::path::Path) -> Result<()> {
    let tmp = partial_name(to);
    let written = copy_into(conn, &tmp).and_then(|()| publish(&tmp, to));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
        let mut journal = tmp.clone().into_os_string();
        journal.push("-journal");
        let _ = std::fs::remove_file(journal);
    }
    written
}

fn partial_name(to: &std::path::Path) -> std::path::PathBuf {
    let name = to.file_name().map(|n| n.to_string_lossy().into_owned());
    to.with_file_name(format!(
        ".{}.{}.partial",
        name.unwrap_or_default(),
        std::process::id()
    ))
}

fn copy_into(conn: &Connection, tmp: &std::path::Path) -> Result<()> {
    let _ = std::fs::remove_file(tmp);
    let mut dest = Connection::open(tmp)?;
    {
        let b = rusqlite::backup::Backup::new(conn, &mut dest)?;
        b.run_to_completion(256, std::time::Duration::from_millis(1), None)?;
    }
    // A plain rollback-journal file, readable without its -wal.
    dest.pragma_update(None, "journal_mode", "DELETE")?;
    dest.close().map_err(|(_, e)| e)?;
    std::fs::File::open(tmp)?.sync_all()?;
    Ok(())
}

/// Gives the synced copy its name without replacing anything there: a hard
/// link fails if the name is taken; a file system without hard links (a
/// FAT stick) gets a rename after one more look.
fn publish(tmp: &std::path::Path, to: &std::path::Path) -> Result<()> {
    match std::fs::hard_link(tmp, to) {
        Ok(()) => std::fs::remove_file(tmp)?,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::Database(format!(
                "{} appeared while the backup was written; it was left as it is",
                to.display()
            )));
        }
        Err(_) if !to.exists() => std::fs::rename(tmp, to)?,
        Err(e) => return Err(e.into()),
    }
    if let Some(dir) = to.parent().filter(|d| !d.as_os_str().is_empty()) {
        // The new name survives a power cut only once its folder is synced.
        let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
    }
    Ok(())
}

/// The number of jobs (a cheap count for reports).
pub fn check_counts(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM jobs", [], |r| r.get(0))?)
}
