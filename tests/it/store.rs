//! The store on real temporary files: migrations, refusals of foreign or
//! newer files, the append-only log, all-or-nothing changes and the indexes
//! behind the board.

use crate::common::{job_in, new_job_in, sql_count, workshop};
use bayboard::domain::JobAction;
use bayboard::store::{self, Store};
use bayboard::workshop::Workshop;
use rusqlite::Connection;

/// Events the log holds for job `j` (its version counts them).
fn event_count(ws: &Workshop, j: i64) -> i64 {
    let sql = format!("SELECT count(*) FROM events WHERE job_id = {j}");
    sql_count(ws.store().connection(), &sql)
}

#[test]
fn a_new_file_gets_the_schema_and_reopening_keeps_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.sqlite3");
    let s = Store::create(&path).unwrap();
    let c = s.connection();
    let v: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, store::schema::LATEST);
    let mode: String = c
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: i64 = c
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    let sync: i64 = c.query_row("PRAGMA synchronous", [], |r| r.get(0)).unwrap();
    assert_eq!(sync, 1, "synchronous = NORMAL");
    drop(s);
    let s = Store::open(&path).unwrap();
    assert_eq!(s.read(store::shop_name).unwrap(), "Workshop");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sqlite3");
    drop(Store::create(&path).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let err = Store::open(&path).err().unwrap().to_string();
    assert!(err.contains("newer bayboard (schema version 99"), "{err}");
}

#[test]
fn foreign_files_are_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "shopping list: brake fluid, rags\n").unwrap();
    let err = Store::open(&text).err().unwrap().to_string();
    assert!(err.contains("not an SQLite file"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&text).unwrap(),
        "shopping list: brake fluid, rags\n"
    );

    let other = dir.path().join("other.sqlite3");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE recipes (x)")
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let err = Store::open(&other).err().unwrap().to_string();
    assert!(err.contains("another program"), "{err}");
    assert_eq!(std::fs::read(&other).unwrap(), before);

    let err = Store::create(&dir.path().join("missing/dir/x.sqlite3"))
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("does not exist"), "{err}");
    let err = Store::open(&dir.path().join("nope.sqlite3"))
        .err()
        .unwrap()
        .to_string();
    assert!(err.contains("bayboard init"), "{err}");
}

#[test]
fn the_event_log_is_append_only_even_for_plain_sql() {
    let (_d, mut ws) = workshop();
    new_job_in(&mut ws, "Ada", "T-1");
    let c = ws.store().connection();
    let n = sql_count(c, "SELECT count(*) FROM events");
    assert!(n > 0);
    let err = c
        .execute("UPDATE events SET note = 'forged'", [])
        .unwrap_err()
        .to_string();
    assert!(err.contains("append-only"), "{err}");
    let err = c.execute("DELETE FROM events", []).unwrap_err().to_string();
    assert!(err.contains("append-only"), "{err}");
    let after = sql_count(c, "SELECT count(*) FROM events");
    assert_eq!(after, n);
}

#[test]
fn a_change_that_fails_half_way_leaves_nothing_behind() {
    let (_d, mut ws) = workshop();
    let j = new_job_in(&mut ws, "Ada", "T-1");
    // Make the event insert of a dispatch fail after the job row was written.
    ws.store()
        .connection()
        .execute_batch(
            "CREATE TRIGGER break_dispatch BEFORE INSERT ON events WHEN NEW.kind = 'dispatched'
             BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
        )
        .unwrap();
    let before = job_in(&ws, j);
    let err = ws
        .dispatch("Boss", j, "B1", "Tina", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("disk on fire"), "{err}");
    let after = job_in(&ws, j);
    assert_eq!(after, before, "status, bay and version all rolled back");
    assert_eq!(event_count(&ws, j), before.version);

    // Same for a start: the time entry and the status go together or not at all.
    ws.store()
        .connection()
        .execute_batch("DROP TRIGGER break_dispatch")
        .unwrap();
    ws.dispatch("Boss", j, "B1", "Tina", None).unwrap();
    ws.store()
        .connection()
        .execute_batch(
            "CREATE TRIGGER break_start BEFORE INSERT ON events WHEN NEW.kind = 'started'
             BEGIN SELECT RAISE(ABORT, 'power cut'); END;",
        )
        .unwrap();
    assert!(ws.act("Tina", j, JobAction::Start, None, None).is_err());
    let open = sql_count(ws.store().connection(), "SELECT count(*) FROM time_entries");
    assert_eq!(open, 0, "no time entry without its transition");
    assert_eq!(job_in(&ws, j).status.as_str(), "dispatched");
}

#[test]
fn the_database_itself_holds_one_job_per_bay_and_one_clock_per_technician() {
    let (_d, mut ws) = workshop();
    let a = new_job_in(&mut ws, "Ada", "T-1");
    let b = new_job_in(&mut ws, "Ada", "T-1");
    ws.dispatch("Boss", a, "B1", "Tina", None).unwrap();
    let c = ws.store().connection();
    let err = c.execute(
        "UPDATE jobs SET bay_id = (SELECT id FROM bays WHERE name = 'B1') WHERE id = ?1",
        [b],
    );
    assert!(
        err.is_err(),
        "a second job in B1 is refused by the unique index"
    );
    c.execute(
        "INSERT INTO time_entries (job_id, staff_id, started_at) VALUES (?1, (SELECT id FROM staff WHERE name = 'Tina'), '2026-01-01T00:00:00.000Z')",
        [a],
    )
    .unwrap();
    let err = c.execute(
        "INSERT INTO time_entries (job_id, staff_id, started_at) VALUES (?1, (SELECT id FROM staff WHERE name = 'Tina'), '2026-01-01T00:00:00.000Z')",
        [b],
    );
    assert!(err.is_err(), "a second open time entry is refused");
}

#[test]
fn version_counts_the_events_of_a_job() {
    let (_d, mut ws) = workshop();
    let j = new_job_in(&mut ws, "Ada", "T-1");
    ws.dispatch("Boss", j, "B1", "Tina", None).unwrap();
    ws.act("Tina", j, JobAction::Start, None, None).unwrap();
    ws.act("Tina", j, JobAction::Pause, None, None).unwrap();
    let job = job_in(&ws, j);
    assert_eq!(job.version, 4);
    assert_eq!(event_count(&ws, j), 4);
}

fn plan(c: &Connection, sql: &str) -> String {
    let mut stmt = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let rows: Vec<String> = stmt
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    rows.join("\n")
}

#[test]
fn the_figures_sum_state_times_one_index_range_per_state() {
    let (_d, ws) = workshop();
    let c = ws.store().connection();
    let sql = store::figures::STATE_TIMES
        .replace("?1", "'2026-01-01'")
        .replace("?2", "'2027-01-01'");
    let p = plan(c, &sql);
    assert!(
        p.contains("SEARCH t USING COVERING INDEX job_state_times_state (state=? AND closed_at>? AND closed_at<?)"),
        "{p}"
    );
    assert!(
        !p.contains("TEMP B-TREE"),
        "no sort of the window's rows: {p}"
    );
}

/// Issue 25: the whole history's report reads each window's delivered
/// jobs with their inspections in one pass, the sold hours and the
/// clocked sums through index ranges, and sorts nothing (summed in Rust).
#[test]
fn the_figures_read_a_window_through_index_ranges_and_sort_nothing() {
    let (_d, ws) = workshop();
    let c = ws.store().connection();
    let window = |sql: &str| {
        plan(
            c,
            &sql.replace("?1", "'2026-01-01'")
                .replace("?2", "'2027-01-01'"),
        )
    };
    let delivered = window(store::figures::DELIVERED);
    assert!(
        delivered
            .contains("SEARCH j USING COVERING INDEX jobs_closed (closed_at>? AND closed_at<?)")
            && delivered.contains("SEARCH q USING INDEX qc_job (job_id=?)"),
        "{delivered}"
    );
    let sold = window(store::figures::SOLD);
    assert!(
        sold.contains("COVERING INDEX lines_done_by (done_at>? AND done_at<?)"),
        "{sold}"
    );
    for sql in [
        store::clock_sums::STAFF_DAYS,
        store::clock_sums::BAY_HOURS,
        store::clock_sums::STATE_DAYS,
    ] {
        let p = window(sql);
        assert!(p.contains("USING PRIMARY KEY (day>? AND day<?)"), "{p}");
    }
    for sql in [
        store::figures::DELIVERED,
        store::figures::SOLD,
        store::clock_sums::STAFF_DAYS,
        store::clock_sums::BAY_HOURS,
        store::clock_sums::STATE_DAYS,
    ] {
        let p = window(sql);
        assert!(!p.contains("TEMP B-TREE") && !p.contains("SCAN"), "{p}");
    }
}

#[test]
fn the_board_reads_open_rows_through_partial_indexes() {
    let (_d, ws) = workshop();
    let c = ws.store().connection();
    let jobs = plan(c, &store::open_jobs_sql());
    assert!(
        jobs.contains("SEARCH j USING INDEX jobs_open (closed_at=?)"),
        "{jobs}"
    );
    assert!(
        !jobs.contains("SCAN j"),
        "the board never scans the job history: {jobs}"
    );
    let lines = plan(c, &store::line_figures_sql(store::OPEN_JOBS_WHERE));
    assert!(
        lines.contains("SEARCH j USING COVERING INDEX jobs_open (closed_at=?)")
            && lines.contains("SEARCH l USING COVERING INDEX lines_job (job_id=?)"),
        "the work-order figures read open jobs' lines only: {lines}"
    );
    let proposed = plan(c, "SELECT id FROM lines WHERE status = 'proposed'");
    assert!(proposed.contains("lines_proposed"), "{proposed}");
    let parts = plan(
        c,
        "SELECT p.id FROM parts_issues p WHERE p.closed_at IS NULL",
    );
    assert!(parts.contains("parts_open"), "{parts}");
    let clock = plan(
        c,
        "SELECT id FROM time_entries WHERE staff_id = 1 AND ended_at IS NULL",
    );
    assert!(clock.contains("time_entries_one_open"), "{clock}");
    let events = plan(c, "SELECT * FROM events WHERE job_id = 1 ORDER BY id");
    assert!(events.contains("events_job"), "{events}");
    let moved = plan(
        c,
        &store::PROMISES_MOVED.replace("?1", "'2026-01-01T00:00:00.000Z'"),
    );
    assert!(
        moved.contains("events_promise") && !moved.contains("SCAN e"),
        "Today's moved promises never scan the event log: {moved}"
    );
    let calls = plan(c, store::OPEN_CALLS);
    assert!(
        calls.contains("SCAN k USING INDEX calls_open"),
        "the calls to return come from their partial index (open calls only, in due order): {calls}"
    );
}

#[test]
fn every_write_reads_its_actor_without_scanning_the_job_history() {
    let (_d, ws) = workshop();
    let c = ws.store().connection();
    let p = plan(c, &store::ACTOR_COMEBACKS.replace("?1", "1"));
    assert!(p.contains("jobs_comeback"), "{p}");
    assert!(
        !p.contains("SCAN"),
        "an actor's comebacks come from the comeback index: {p}"
    );
}

/// Issue 25: every statement the reload path runs — a board's snapshot and
/// a job's details, as the demo shop has them — is caught by SQLite's trace
/// hook and its plan read: none scans a table that grows with the history
/// (a scan of a partial index of open rows, or of a small table, is fine).
#[test]
fn every_query_on_the_reload_path_reads_through_an_index() {
    use std::sync::Mutex;
    static SEEN: Mutex<Vec<String>> = Mutex::new(Vec::new());
    fn record(e: rusqlite::trace::TraceEvent<'_>) {
        if let rusqlite::trace::TraceEvent::Stmt(_, sql) = e
            && !sql.trim_start().starts_with("--")
        {
            SEEN.lock().unwrap().push(sql.to_string());
        }
    }
    let (_dir, db) = crate::tuikit::demo_copy();
    let ws = bayboard::workshop::Workshop::open(&db).unwrap();
    let c = ws.store().connection();
    c.trace_v2(
        rusqlite::trace::TraceEventCodes::SQLITE_TRACE_STMT,
        Some(record),
    );
    let now = crate::tuikit::now();
    let day = bayboard::present::local_midnight(now, &crate::tuikit::tz());
    let board = bayboard::read::board::load(ws.store(), now, day).unwrap();
    let job = board.queue[0].id;
    bayboard::read::detail::load_detail(ws.store(), job, now).unwrap();
    // Another terminal changes a job and a booking: the reload that reads
    // only what changed runs its own statements, which are checked too.
    let mut other = bayboard::workshop::Workshop::open(&db).unwrap();
    let other_priority = bayboard::domain::Priority::ALL
        .into_iter()
        .find(|p| *p != board.queue[0].priority)
        .unwrap();
    other
        .set_priority("Chen Li", job, other_priority, None)
        .unwrap();
    let refreshed = bayboard::read::board::refresh(ws.store(), &board, now, day).unwrap();
    assert!(refreshed.events_seen > board.events_seen);
    c.trace_v2(rusqlite::trace::TraceEventCodes::empty(), None);
    let mut seen = std::mem::take(&mut *SEEN.lock().unwrap());
    seen.sort();
    seen.dedup();
    assert!(seen.len() > 20, "the trace saw the reload: {seen:?}");
    // Every statement stays prepared from one reload to the next.
    assert!(
        seen.len() * 2 <= store::STATEMENTS,
        "{} statements on the reload path: raise store::STATEMENTS",
        seen.len()
    );
    eprintln!("reload path: {} distinct statements", seen.len());
    // Tables whose rows are the shop's set-up, not its history.
    const SMALL: &[&str] = &[
        "bays",
        "staff",
        "staff_roles",
        "shop",
        "job_states",
        "staff_skills",
        "printers",
    ];
    // Partial indexes of rows still open: they hold the board's rows only.
    const OPEN: &[&str] = &[
        "_open",
        "_proposed",
        "_to_claim",
        "_unpaid",
        "_not_closed",
        "_one_open",
    ];
    let mut wide = Vec::new();
    for sql in &seen {
        let mut st = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let mut rows = st.raw_query();
        while let Some(r) = rows.next().unwrap() {
            let detail: String = r.get(3).unwrap();
            let Some(rest) = detail.strip_prefix("SCAN ") else {
                continue;
            };
            let table = rest.split_whitespace().next().unwrap_or("");
            let partial = rest.contains(" INDEX ") && OPEN.iter().any(|p| rest.contains(p));
            let small = SMALL.iter().any(|t| {
                // The plan names a table by its alias; find it in the SQL.
                *t == table || sql.contains(&format!("{t} {table}"))
            });
            if !partial && !small && !table.starts_with("(") && table != "CONSTANT" {
                wide.push(format!(
                    "{detail}  ←  {}",
                    sql.split_whitespace().collect::<Vec<_>>().join(" ")
                ));
            }
        }
    }
    assert!(
        wide.is_empty(),
        "scans on the reload path:\n{}",
        wide.join("\n")
    );
}

/// Issue 25: a technician's hours today are summed in SQL, each closed
/// entry's part of [midnight, now] in whole seconds, as they were counted
/// in Rust (milliseconds dropped per entry, nothing before midnight).
#[test]
fn hours_today_count_each_entry_in_whole_seconds_of_the_day() {
    use chrono::TimeZone;
    let (_d, mut ws) = workshop();
    let n = new_job_in(&mut ws, "Ada", "X-1");
    let c = ws.store().connection();
    let tom: i64 = c
        .query_row("SELECT id FROM staff WHERE name = 'Tom'", [], |r| r.get(0))
        .unwrap();
    for (from, to) in [
        // 600.1 s after midnight: 600.
        ("2026-12-02T23:30:00.900Z", "2026-12-03T00:10:00.100Z"),
        // 0.999 s: 0.
        ("2026-12-03T01:00:00.999Z", "2026-12-03T01:00:01.998Z"),
        // 3599.9 s: 3599.
        ("2026-12-03T02:00:00.500Z", "2026-12-03T03:00:00.400Z"),
        // Ends after now (23:00): 3600.
        ("2026-12-03T22:00:00.000Z", "2026-12-04T01:00:00.000Z"),
        // Yesterday only: 0.
        ("2026-12-02T01:00:00.000Z", "2026-12-02T02:00:00.000Z"),
    ] {
        c.execute(
            "INSERT INTO time_entries (job_id, staff_id, started_at, ended_at)
             VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![n, tom, from, to],
        )
        .unwrap();
    }
    let day = chrono::Utc.with_ymd_and_hms(2026, 12, 3, 0, 0, 0).unwrap();
    let now = chrono::Utc.with_ymd_and_hms(2026, 12, 3, 23, 0, 0).unwrap();
    let techs = store::technicians(c, day, now).unwrap();
    let t = techs.iter().find(|t| t.name == "Tom").unwrap();
    assert_eq!(t.hours_today, (600 + 3599 + 3600) as f64 / 3600.0);
}
