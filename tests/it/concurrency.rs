//! Many processes on one database, and processes killed mid-write.
//!
//! The test binary runs itself as the worker processes (the `worker` test,
//! which does nothing unless `BAYBOARD_TEST_WORKER` is set), so each worker is
//! a real, separate process with its own SQLite connection.

use crate::common::sql_count;
use bayboard::Error;
use bayboard::domain::qc::Verdict;
use bayboard::domain::{BayKind, JobAction, JobStatus, PartKind, PartStatus, Role};
use bayboard::store;
use bayboard::workshop::{Inspection, NewPartsInput, Workshop};
use std::path::Path;
use std::process::{Command, Stdio};

const WORKER_ENV: &str = "BAYBOARD_TEST_WORKER";
const WRITERS: usize = 16;
const ROUNDS: usize = 200;
const BAYS: usize = 12;
const KILLS: usize = 60;
/// Seeds the kill times of `writers_killed_mid_write_leave_every_change_whole`.
const KILL_SEED: u64 = 20_261_123;

fn prepare(db: &Path, jobs: usize) {
    let mut ws = Workshop::create(db).unwrap();
    ws.add_staff(None, "F", &[Role::Foreman, Role::Advisor], &[])
        .unwrap();
    ws.add_staff(Some("F"), "P", &[Role::Parts], &[]).unwrap();
    for q in 0..4 {
        ws.add_staff(Some("F"), &format!("Q{q}"), &[Role::Qc], &[])
            .unwrap();
    }
    for t in 0..WRITERS {
        ws.add_staff(Some("F"), &format!("T{t}"), &[Role::Technician], &[])
            .unwrap();
    }
    for b in 0..BAYS {
        ws.add_bay(Some("F"), &format!("B{b}"), BayKind::Mechanical)
            .unwrap();
    }
    for j in 0..jobs {
        crate::common::new_job_in(&mut ws, "F", &format!("R-{j}"));
    }
}

/// One line per attempt: "WON op job", "REFUSED op job", or "ERROR op msg".
fn outcome(op: &str, job: i64, res: Result<impl Sized, Error>) -> bool {
    match res {
        Ok(_) => {
            println!("WON {op} {job}");
            true
        }
        Err(Error::Refused(r)) => {
            println!("REFUSED {op} {job} {r}");
            false
        }
        Err(e) => {
            println!("ERROR {op} {job} {e}");
            false
        }
    }
}

/// The oldest job in `status`: (number, version, rework count). Plain SQL
/// keeps the workers' reads cheap so they spend their time writing.
fn first(ws: &Workshop, status: JobStatus) -> Option<(i64, i64, i64)> {
    use rusqlite::OptionalExtension;
    ws.store()
        .connection()
        .query_row(
            "SELECT id, version, rework_count FROM jobs WHERE status = ?1 ORDER BY id LIMIT 1",
            [status.as_str()],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()
        .unwrap()
}

/// My open jobs: (number, status).
fn mine(ws: &Workshop, tech: &str) -> Vec<(i64, JobStatus)> {
    let c = ws.store().connection();
    let mut stmt = c
        .prepare_cached(
            "SELECT j.id, j.status FROM jobs j JOIN staff s ON s.id = j.technician_id
              WHERE s.name = ?1 AND j.closed_at IS NULL ORDER BY j.id",
        )
        .unwrap();
    stmt.query_map([tech], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })
    .unwrap()
    .map(|r| {
        let (n, st) = r.unwrap();
        (n, st.parse().unwrap())
    })
    .collect()
}

/// The first free bay, or the first bay when none is free.
fn a_bay(ws: &Workshop) -> String {
    ws.store()
        .connection()
        .query_row(
            "SELECT b.name FROM bays b LEFT JOIN jobs j ON j.bay_id = b.id
              ORDER BY j.id IS NOT NULL, b.id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

/// A worker process: foreman for the shared queue, technician of its own
/// jobs, and one of the QC inspectors and the advisor for shared hand-overs.
/// Every worker races the others for the same job and the same bay.
fn race(ws: &mut Workshop, me: usize, rounds: usize) {
    let tech = format!("T{me}");
    let qc = format!("Q{}", me % 4);
    for round in 0..rounds {
        // Everyone tries to dispatch the oldest waiting job to the first free bay.
        if let Some((n, version, _)) = first(ws, JobStatus::Waiting) {
            // No free bay: try the first anyway, and be refused like the rest.
            let bay = a_bay(ws);
            outcome(
                "dispatch",
                n,
                ws.dispatch("F", n, &bay, &tech, Some(version)),
            );
        }
        // Work my own job on: start, parts, pause/resume, finish.
        for (n, status) in mine(ws, &tech) {
            let res = match status {
                JobStatus::Dispatched | JobStatus::Rework => {
                    ws.act(&tech, n, JobAction::Start, None, None).map(|_| ())
                }
                JobStatus::InProgress if round % 3 == 0 => {
                    let input = NewPartsInput {
                        part: "Filter".into(),
                        kind: PartKind::OutOfStock,
                        qty: 1,
                        blocking: true,
                        note: None,
                    };
                    ws.log_parts(&tech, n, &input, None).map(|_| ())
                }
                JobStatus::InProgress if round % 3 == 1 => {
                    ws.act(&tech, n, JobAction::Pause, None, None).map(|_| ())
                }
                JobStatus::InProgress => {
                    // The work first, then the self-check.
                    let lines = ws.store().read(|c| store::lines_for_job(c, n)).unwrap();
                    let todo = lines
                        .iter()
                        .find(|l| l.status == bayboard::domain::LineStatus::Approved);
                    match todo {
                        Some(l) => ws.mark_line(&tech, l.id, true).map(|_| ()),
                        None => ws.act(&tech, n, JobAction::Finish, None, None).map(|_| ()),
                    }
                }
                JobStatus::Paused => ws.act(&tech, n, JobAction::Resume, None, None).map(|_| ()),
                JobStatus::WaitingParts => {
                    let p = ws.store().read(|c| store::parts_for_job(c, n)).unwrap();
                    let open = p.iter().find(|p| p.status.is_open()).map(|p| p.id);
                    match open {
                        Some(id) => ws
                            .update_parts("P", id, PartStatus::Resolved, None, None)
                            .map(|_| ()),
                        None => Ok(()),
                    }
                }
                _ => Ok(()),
            };
            outcome("own", n, res);
        }
        // Everyone races to inspect the oldest job ready for QC (fail it once
        // in a while), and to deliver the oldest passed one.
        if let Some((n, version, reworks)) = first(ws, JobStatus::ReadyForQc) {
            let fail = n % 5 == 0 && reworks == 0;
            let (verdict, marks) = if fail {
                (
                    Verdict::Fail,
                    vec![bayboard::domain::qc::parse_mark("no_leaks=fail").unwrap()],
                )
            } else {
                (Verdict::Pass, vec![])
            };
            let op = if fail { "qcfail" } else { "qcpass" };
            outcome(
                op,
                n,
                ws.inspect(
                    &qc,
                    n,
                    verdict,
                    &Inspection {
                        marks,
                        ..Default::default()
                    },
                    Some(version),
                ),
            );
        }
        if let Some((n, version, _)) = first(ws, JobStatus::QcPassed) {
            outcome(
                "deliver",
                n,
                ws.act("F", n, JobAction::Deliver, None, Some(version)),
            );
        }
    }
}

/// Works its own jobs round and round until it is killed.
fn churn(ws: &mut Workshop) {
    loop {
        race(ws, 0, 1_000_000);
    }
}

#[test]
#[ignore = "a helper: runs only as a child process of the tests below"]
fn worker() {
    let Ok(spec) = std::env::var(WORKER_ENV) else {
        return;
    };
    let parts: Vec<&str> = spec.split('|').collect();
    let (db, mode, me) = (parts[0], parts[1], parts[2].parse::<usize>().unwrap());
    let mut ws = Workshop::open(Path::new(db)).unwrap();
    // libtest has printed "test worker ... " without a line end: start clean.
    println!();
    match mode {
        "race" => race(&mut ws, me, ROUNDS),
        _ => churn(&mut ws),
    }
}

fn spawn(db: &Path, mode: &str, me: usize) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "concurrency::worker",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(WORKER_ENV, format!("{}|{mode}|{me}", db.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn sixteen_processes_race_for_the_same_jobs_and_bays() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("race.sqlite3");
    prepare(&db, 400);
    let children: Vec<_> = (0..WRITERS).map(|i| spawn(&db, "race", i)).collect();
    let mut lines = Vec::new();
    let mut fewest = usize::MAX;
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "a worker failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let mine: Vec<String> = String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(str::to_string)
            .collect();
        let ops = mine
            .iter()
            .filter(|l| l.starts_with("WON ") || l.starts_with("REFUSED "))
            .count();
        assert!(ops >= ROUNDS * 3 / 4, "a worker did only {ops} operations");
        fewest = fewest.min(ops);
        lines.extend(mine);
    }
    let attempts: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("WON ") || l.starts_with("REFUSED ") || l.starts_with("ERROR "))
        .collect();
    let errors: Vec<&&String> = attempts
        .iter()
        .filter(|l| l.starts_with("ERROR "))
        .collect();
    assert!(
        errors.is_empty(),
        "operations failed (not refused): {errors:#?}"
    );
    assert!(
        attempts.len() >= WRITERS * ROUNDS,
        "only {} operations",
        attempts.len()
    );

    // Exactly one winner in every racing set.
    use std::collections::BTreeMap;
    let mut sets: BTreeMap<(String, i64), (usize, usize)> = BTreeMap::new();
    for l in &attempts {
        let mut w = l.split_whitespace();
        let (kind, op, job) = (
            w.next().unwrap(),
            w.next().unwrap(),
            w.next().unwrap().parse::<i64>().unwrap(),
        );
        if op == "own" {
            continue;
        }
        let e = sets.entry((op.to_string(), job)).or_default();
        if kind == "WON" { e.0 += 1 } else { e.1 += 1 }
    }
    let contested = sets.values().filter(|(_, lost)| *lost > 0).count();
    assert!(contested >= 3, "too few races happened ({contested})");
    for ((op, job), (won, lost)) in &sets {
        assert!(*won <= 1, "{op} J-{job} was won {won} times");
        if *won == 0 {
            // Lost by all: then someone else's transition got there first.
            assert!(*lost > 0);
        }
    }
    let dispatched: usize = sets
        .iter()
        .filter(|((op, _), (w, _))| op == "dispatch" && *w == 1)
        .count();
    assert!(
        dispatched >= 2,
        "the work moved on ({dispatched} dispatches)"
    );

    let ws = Workshop::open(&db).unwrap();
    let report = ws.store().check().unwrap();
    assert!(report.ok(), "{report:#?}");
    let c = ws.store().connection();
    // Every transition that happened was won by exactly one racer, and
    // every win is in the log exactly once.
    for ((op, job), (won, _)) in &sets {
        let kind = match op.as_str() {
            "dispatch" => "dispatched",
            "qcpass" => "qc_passed",
            "qcfail" => "qc_failed",
            _ => "delivered",
        };
        let logged: i64 = c
            .query_row(
                "SELECT count(*) FROM events WHERE job_id = ?1 AND kind = ?2",
                rusqlite::params![job, kind],
                |r| r.get(0),
            )
            .unwrap();
        let seen: Vec<&&String> = attempts
            .iter()
            .filter(|l| {
                l.split_whitespace().nth(1) == Some(op.as_str())
                    && l.split_whitespace().nth(2) == Some(&job.to_string())
            })
            .take(8)
            .collect();
        assert_eq!(
            logged, *won as i64,
            "{op} J-{job}: {won} winners, {logged} in the log; {seen:?}"
        );
    }
    // Each job was dispatched, passed and delivered at most once.
    assert_eq!(
        sql_count(
            c,
            "SELECT count(*) FROM (SELECT job_id FROM events WHERE kind IN ('dispatched','qc_passed','delivered') GROUP BY job_id, kind HAVING count(*) > 1)"
        ),
        0
    );
    // No technician ever had two clocks running: their entries never overlap.
    assert_eq!(sql_count(c, "SELECT count(*) FROM time_entries a JOIN time_entries b
        ON a.staff_id = b.staff_id AND a.id < b.id
       AND a.started_at < coalesce(b.ended_at, '9999') AND b.started_at < coalesce(a.ended_at, '9999')"), 0);
    // No bay ever held two jobs: replay each bay's occupancy from the log.
    let mut stmt = c
        .prepare(
            "SELECT e.id, e.job_id, e.kind, e.to_status, json_extract(e.params, '$.args.bay')
           FROM events e WHERE e.job_id IS NOT NULL ORDER BY e.id",
        )
        .unwrap();
    type EventLine = (i64, i64, String, Option<String>, Option<String>);
    let rows: Vec<EventLine> = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut held: BTreeMap<String, i64> = BTreeMap::new();
    let mut bay_of: BTreeMap<i64, String> = BTreeMap::new();
    for (_, job, kind, to, note) in rows {
        if kind == "dispatched" {
            let bay = note.expect("a dispatch names its bay");
            assert!(
                !held.contains_key(&bay),
                "bay {bay} taken by J-{job} while J-{} held it",
                held[&bay]
            );
            held.insert(bay.clone(), job);
            bay_of.insert(job, bay);
        }
        if (matches!(to.as_deref(), Some("qc_passed") | Some("cancelled")) || kind == "released")
            && let Some(bay) = bay_of.remove(&job)
        {
            held.remove(&bay);
        }
    }
    println!(
        "{WRITERS} processes, {} operations (at least {fewest} each), {} racing sets ({contested} contested), {} jobs dispatched",
        attempts.len(),
        sets.len(),
        dispatched
    );
}

#[test]
fn writers_killed_mid_write_leave_every_change_whole() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("crash.sqlite3");
    prepare(&db, 300);
    // When each worker is killed comes from a fixed seed, so a failing run
    // can be repeated; BAYBOARD_KILL_SEED tries another.
    let first_seed: u64 = match std::env::var("BAYBOARD_KILL_SEED") {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|e| panic!("BAYBOARD_KILL_SEED={v:?}: {e}")),
        Err(_) => KILL_SEED,
    };
    println!("kill times from seed {first_seed} (BAYBOARD_KILL_SEED={first_seed} repeats them)");
    let mut seed = first_seed;
    let mut before = 0;
    let mut grew = 0;
    for k in 0..KILLS {
        let mut child = spawn(&db, "churn", k);
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let ms = 50 + (seed >> 33) % 150;
        std::thread::sleep(std::time::Duration::from_millis(ms));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let c = rusqlite::Connection::open(&db).unwrap();
        let events = sql_count(&c, "SELECT count(*) FROM events");
        if events > before {
            grew += 1;
        }
        before = events;
    }
    assert!(
        grew >= KILLS / 6,
        "the workers got little done before being killed ({grew} of {KILLS}; seed {first_seed})"
    );
    let ws = Workshop::open(&db).unwrap();
    let report = ws.store().check().unwrap();
    assert!(
        report.ok(),
        "after {KILLS} kills (seed {first_seed}): {report:#?}"
    );
    println!(
        "{KILLS} kills with SIGKILL; {} events written; integrity {:?}",
        report.events, report.integrity
    );
}
