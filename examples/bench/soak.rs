//! `--only soak`: the shop at a human pace (issue 25). Boards open in
//! pseudo-terminals while writer processes each act every 2 s on a bay of
//! their own (its job released, then put back), for `--soak-secs`. Every
//! board's screen is watched for every bay; each commit is matched with the
//! moment each board first showed it. Printed: the latency from a commit to
//! a board drawn it, per board and until the last board drew it, the CPU
//! each board spent, its memory at the start and the end, and `check`.

use super::{Board, bay_row, open_board, pct, proc_ticks};
use bayboard::domain::JobAction;
use bayboard::store;
use bayboard::workshop::Workshop;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

const EVERY: Duration = Duration::from_secs(2);

fn unix_us() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_micros() as i64
}

/// One soak writer (a process of its own): after `phase_ms`, every 2 s it
/// releases the job in `bay` or puts it back, printing "<µs before the
/// commit> <1 the job shows | 2 the bay is free>" per commit.
pub fn writer(db: &Path, bay: &str, secs: u64, phase_ms: u64) {
    let mut ws = Workshop::open(db).unwrap();
    let job = super::job_in_bay(&ws, bay).id;
    std::thread::sleep(Duration::from_millis(phase_ms));
    let end = Instant::now() + Duration::from_secs(secs);
    let mut next = Instant::now();
    let mut out = std::io::stdout().lock();
    for k in 0.. {
        if Instant::now() >= end {
            break;
        }
        let release = k % 2 == 0;
        let t = unix_us();
        let r = if release {
            ws.act("Foreman 1", job, JobAction::Release, None, None)
                .map(drop)
        } else {
            ws.reassign("Foreman 1", job, Some(bay), None, None)
                .map(drop)
        };
        match r {
            Ok(()) => writeln!(out, "{t} {}", if release { 2 } else { 1 }).unwrap(),
            Err(e) => writeln!(out, "ERR {e}").unwrap(),
        }
        out.flush().unwrap();
        next += EVERY;
        std::thread::sleep(next.saturating_duration_since(Instant::now()));
    }
}

/// What one board showed: (bay, 1 job | 2 free, µs), each change once.
type Seen = Arc<Mutex<Vec<(usize, u8, i64)>>>;

fn watch(db: &Path, bays: Arc<Vec<(String, String)>>) -> (Board, Seen) {
    let seen: Seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let rows: Vec<AtomicUsize> = bays.iter().map(|_| AtomicUsize::new(usize::MAX)).collect();
    let last = Mutex::new(vec![0u8; bays.len()]);
    let f = Arc::new(move |p: &vt100::Parser| {
        let now = unix_us();
        let mut last = last.lock().unwrap();
        for (i, (bay, label)) in bays.iter().enumerate() {
            let Some(row) = bay_row(p, bay, &rows[i]) else {
                continue;
            };
            let state = if row.contains(label.as_str()) {
                1
            } else if row.contains("free") {
                2
            } else {
                0
            };
            if state != 0 && state != last[i] {
                last[i] = state;
                log.lock().unwrap().push((i, state, now));
            }
        }
    });
    (open_board(db, b"", f), seen)
}

fn vm_rss_mb(pid: u32) -> f64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: f64 = s
        .lines()
        .find(|l| l.starts_with("VmRSS:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

/// The bays the writers take: holding a job and shown on a 160×48 board.
fn writer_bays(db: &Path, writers: usize) -> Vec<(String, String)> {
    let jobs = Workshop::open(db)
        .unwrap()
        .store()
        .read(store::open_jobs)
        .unwrap();
    let mut held: Vec<(String, String)> = jobs
        .iter()
        .filter_map(|j| j.bay.clone().map(|b| (b, j.label())))
        .collect();
    held.sort();
    let (probe, _) = watch(db, Arc::new(Vec::new()));
    std::thread::sleep(Duration::from_millis(1500));
    let p = probe.screen.lock().unwrap();
    held.into_iter()
        .filter(|(bay, label)| {
            bay_row(&p, bay, &AtomicUsize::new(usize::MAX)).is_some_and(|r| r.contains(label))
        })
        .take(writers)
        .collect()
}

pub fn soak(db: &Path, boards: usize, writers: usize, secs: u64) {
    let bays = Arc::new(writer_bays(db, writers));
    assert!(!bays.is_empty(), "no bay with a job is shown on the board");
    let open: Vec<(Board, Seen)> = (0..boards).map(|_| watch(db, bays.clone())).collect();
    let t = Instant::now();
    while open.iter().any(|(_, s)| {
        let s = s.lock().unwrap();
        (0..bays.len()).any(|i| !s.iter().any(|e| e.0 == i && e.1 == 1))
    }) {
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "boards did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let pids: Vec<u32> = open
        .iter()
        .map(|(b, _)| b.child.process_id().unwrap())
        .collect();
    let rss0: Vec<f64> = pids.iter().map(|p| vm_rss_mb(*p)).collect();
    let ticks0: u64 = pids.iter().map(|p| proc_ticks(*p)).sum();
    let started = Instant::now();
    let exe = std::env::current_exe().unwrap();
    let kids: Vec<_> = bays
        .iter()
        .enumerate()
        .map(|(i, (bay, _))| {
            let phase = (i as u64 * EVERY.as_millis() as u64) / bays.len() as u64;
            Command::new(&exe)
                .arg("--soak-writer")
                .args([
                    db.to_str().unwrap(),
                    bay,
                    &secs.to_string(),
                    &phase.to_string(),
                ])
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let commits: Vec<Vec<(i64, u8)>> = kids
        .into_iter()
        .map(|k| {
            let out = k.wait_with_output().unwrap();
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .filter_map(|l| {
                    let (t, s) = l.split_once(' ')?;
                    Some((t.parse().ok()?, s.parse().ok()?))
                })
                .collect()
        })
        .collect();
    // The last commit's draw.
    std::thread::sleep(Duration::from_secs(1));
    let wall = started.elapsed().as_secs_f64();
    let ticks1: u64 = pids.iter().map(|p| proc_ticks(*p)).sum();
    let rss1: Vec<f64> = pids.iter().map(|p| vm_rss_mb(*p)).collect();
    let logs: Vec<Vec<(usize, u8, i64)>> = open
        .iter()
        .map(|(_, s)| s.lock().unwrap().clone())
        .collect();
    drop(open);
    let (mut each, mut last, mut missed) = (Vec::new(), Vec::new(), 0usize);
    let total: usize = commits.iter().map(Vec::len).sum();
    for (i, list) in commits.iter().enumerate() {
        for (k, &(t, state)) in list.iter().enumerate() {
            let until = list.get(k + 1).map_or(i64::MAX, |n| n.0);
            let mut slowest = Some(0.0f64);
            for log in &logs {
                let drawn = log
                    .iter()
                    .find(|e| e.0 == i && e.1 == state && e.2 >= t && e.2 < until);
                match drawn {
                    Some(e) => {
                        let d = (e.2 - t) as f64 / 1000.0;
                        each.push(d);
                        slowest = slowest.map(|s| s.max(d));
                    }
                    None => {
                        missed += 1;
                        slowest = None;
                    }
                }
            }
            if let Some(s) = slowest {
                last.push(s);
            }
        }
    }
    let avg = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    println!();
    println!(
        "| history | boards | writers | minutes | commits | a board drew it p50 / p99 (ms) | the last board drew it p50 / p99 (ms) | draws missed | CPU per board (% of a core) | RSS start → end (MB) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    println!(
        "| {} | {boards} | {} | {:.1} | {total} | {:.1} / {:.1} | {:.1} / {:.1} | {missed} | {:.2} | {:.1} → {:.1} |",
        db.file_name().unwrap().to_string_lossy(),
        bays.len(),
        wall / 60.0,
        pct(&mut each.clone(), 0.5),
        pct(&mut each, 0.99),
        pct(&mut last.clone(), 0.5),
        pct(&mut last, 0.99),
        (ticks1 - ticks0) as f64 / boards as f64 / wall,
        avg(&rss0),
        avg(&rss1),
    );
    // Printed first: on a million jobs `check` takes minutes.
    let t = Instant::now();
    let report = Workshop::open(db).unwrap().store().check().unwrap();
    println!(
        "`check` after the soak: {} ({:.0} s)",
        if report.ok() { "ok" } else { "FAILED" },
        t.elapsed().as_secs_f64()
    );
}
