//! bayboard's benchmarks, printed as a table (see BENCHMARKS.md).
//!
//!     cargo build --release && cargo run --release --example bench -- \
//!         --db h10k.db --db h100k.db --db h1m.db
//!
//! For each database: the board snapshot query and one full render, the
//! cold start of `bayboard board` against `sqlite3`, change propagation to
//! 30 open boards, 30 concurrent writer processes, and an idle board's CPU
//! and peak memory.

mod soak;

use bayboard::domain::{JobAction, Priority};
use bayboard::read::board;
use bayboard::store;
use bayboard::tui::App;
use bayboard::workshop::Workshop;
use chrono::{FixedOffset, Utc};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(clap::Parser)]
#[command(about = "bayboard's benchmarks, printed as a table (see BENCHMARKS.md)")]
struct Opts {
    /// A history database (make one with the gen_history example); repeat
    /// for several. Relative paths are fine.
    #[arg(
        long = "db",
        value_name = "FILE",
        required_unless_present_any = ["writer", "soak_writer"]
    )]
    dbs: Vec<PathBuf>,
    /// Boards open during the propagation measurement
    #[arg(long, default_value_t = 30)]
    boards: usize,
    /// Changes made while they watch
    #[arg(long, default_value_t = 200)]
    changes: usize,
    /// Concurrent writer processes
    #[arg(long, default_value_t = 30)]
    writers: usize,
    /// Operations per writer
    #[arg(long, default_value_t = 200)]
    writer_ops: usize,
    /// Seconds an idle board is watched for CPU and memory
    #[arg(long, default_value_t = 30)]
    idle_secs: u64,
    /// Only these measurements, comma-separated: snapshot, cold,
    /// propagation, writers, idle, report, pdf, lang, reload, soak
    #[arg(long)]
    only: Option<String>,
    /// One more board during propagation, showing the dashboard (its
    /// figures read and refreshed while the others are timed)
    #[arg(long)]
    dashboard: bool,
    /// One writer process of the writers measurement (internal): DB N OPS
    #[arg(long, num_args = 3, value_names = ["DB", "N", "OPS"], hide = true)]
    writer: Option<Vec<String>>,
    /// How long the soak runs, in seconds (its writers act every 2 s;
    /// `--writers` of them, `--boards` boards watch)
    #[arg(long, default_value_t = 600)]
    soak_secs: u64,
    /// One writer process of the soak (internal): DB BAY SECS PHASE_MS
    #[arg(long, num_args = 4, value_names = ["DB", "BAY", "SECS", "PHASE_MS"], hide = true)]
    soak_writer: Option<Vec<String>>,
}

fn opts() -> Opts {
    let mut o = <Opts as clap::Parser>::parse();
    if let Some(w) = &o.writer {
        writer(
            Path::new(&w[0]),
            w[1].parse().expect("a writer number"),
            w[2].parse().expect("a number of operations"),
        );
        std::process::exit(0);
    }
    if let Some(w) = &o.soak_writer {
        soak::writer(
            Path::new(&w[0]),
            &w[1],
            w[2].parse().expect("seconds"),
            w[3].parse().expect("a phase in ms"),
        );
        std::process::exit(0);
    }
    // The boards' pseudo-terminals start elsewhere: give them absolute paths.
    o.dbs = o
        .dbs
        .iter()
        .map(|p| {
            std::fs::canonicalize(p).unwrap_or_else(|e| {
                eprintln!("bench: {}: {e}", p.display());
                std::process::exit(2)
            })
        })
        .collect();
    o
}

/// The job in `bay` (the live day of every generated history has one).
fn job_in_bay(ws: &Workshop, bay: &str) -> store::JobRow {
    ws.store()
        .read(store::open_jobs)
        .unwrap()
        .into_iter()
        .find(|j| j.bay.as_deref() == Some(bay))
        .unwrap_or_else(|| panic!("a job in {bay}"))
}

/// The foreman's board, in-process, as the render benches draw it.
fn foreman_app(db: &Path, now: chrono::DateTime<Utc>) -> App {
    App::new(
        Workshop::open(db).unwrap(),
        Some("Foreman 1"),
        None,
        now,
        FixedOffset::east_opt(8 * 3600).unwrap(),
    )
    .unwrap()
}

fn bayboard_bin() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    let bin = exe.parent().unwrap().parent().unwrap().join("bayboard");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build --release` first",
        bin.display()
    );
    bin
}

fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i.min(v.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    let o = opts();
    let want = |s: &str| {
        o.only
            .as_deref()
            .is_none_or(|x| x.split(',').any(|w| w == s))
    };
    println!(
        "| history | jobs | snapshot p50 (ms) | snapshot p99 | bare query p50 | render 160×48 p50 | `board` cold p50 | `sqlite3` p50 | ratio | propagation p50 / p99 (ms) | writers ops/s | writer p50 / p99 (ms) | busy errors | idle CPU % | peak RSS (MB) |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    for db in &o.dbs {
        let jobs = Workshop::open(db)
            .unwrap()
            .store()
            .read(store::check_counts)
            .unwrap();
        let mut row = vec![
            db.file_name().unwrap().to_string_lossy().into_owned(),
            jobs.to_string(),
        ];
        if want("snapshot") {
            let (p50, p99, bare, render) = snapshot(db);
            row.extend([
                format!("{p50:.3}"),
                format!("{p99:.3}"),
                format!("{bare:.3}"),
                format!("{render:.3}"),
            ]);
        } else {
            row.extend(["–".into(), "–".into(), "–".into(), "–".into()]);
        }
        if want("cold") {
            let (ours, theirs) = cold(db);
            row.extend([
                format!("{ours:.1}"),
                format!("{theirs:.1}"),
                format!("{:.2}×", ours / theirs),
            ]);
        } else {
            row.extend(["–".into(), "–".into(), "–".into()]);
        }
        if want("propagation") {
            let (p50, p99) = propagation(db, o.boards, o.changes, o.dashboard);
            row.push(format!("{p50:.1} / {p99:.1}"));
        } else {
            row.push("–".into());
        }
        if want("writers") {
            let (rate, p50, p99, busy) = writers(db, o.writers, o.writer_ops);
            row.extend([
                format!("{rate:.0}"),
                format!("{p50:.1} / {p99:.1}"),
                busy.to_string(),
            ]);
        } else {
            row.extend(["–".into(), "–".into(), "–".into()]);
        }
        if want("idle") {
            let (cpu, rss) = idle(db, o.idle_secs);
            row.extend([format!("{cpu:.2}"), format!("{rss:.1}")]);
        } else {
            row.extend(["–".into(), "–".into()]);
        }
        println!("| {} |", row.join(" | "));
    }
    if want("report") {
        println!();
        println!("| history | `report` today (ms) | last 30 days | a year | whole history |");
        println!("|---|---|---|---|---|");
        for db in &o.dbs {
            clock_sums_kept(db);
            let today = chrono::Local::now().date_naive();
            let ranges = [
                (today, today, 5),
                (today - chrono::Duration::days(29), today, 5),
                (today - chrono::Duration::days(364), today, 3),
            ];
            let mut row = vec![db.file_name().unwrap().to_string_lossy().into_owned()];
            for (from, to, runs) in ranges {
                let (f, t) = (from.to_string(), to.to_string());
                row.push(format!(
                    "{:.0}",
                    report_ms(db, &["--from", &f, "--to", &t], runs)
                ));
            }
            row.push(format!("{:.0}", report_ms(db, &["--all"], 1)));
            println!("| {} |", row.join(" | "));
        }
    }
    if want("pdf") {
        pdf();
    }
    if want("lang") {
        for db in &o.dbs {
            lang(db);
        }
    }
    // Ten minutes or more: only when asked for by name.
    if o.only
        .as_deref()
        .is_some_and(|x| x.split(',').any(|w| w == "soak"))
    {
        for db in &o.dbs {
            soak::soak(db, o.boards, o.writers, o.soak_secs);
        }
    }
    if want("reload") {
        println!();
        println!(
            "| history | change | whole board p50 (ms) | only what changed p50 (ms) | in part / whole |"
        );
        println!("|---|---|---|---|---|");
        for db in &o.dbs {
            reload(db);
        }
    }
}

/// A board's reload after another terminal's change (issue 25): the whole
/// board read again against only the parts the events since touched,
/// alternating which goes first, after the same change; p50 in ms. The
/// changes: a waiting job's priority, and B01's job released and
/// dispatched back (what `propagation` does).
fn reload(db: &Path) {
    let mut ws = Workshop::open(db).unwrap();
    let reader = Workshop::open(db).unwrap();
    let open = ws.store().read(store::open_jobs).unwrap();
    let waiting = open
        .iter()
        .find(|j| j.status == bayboard::domain::JobStatus::Waiting)
        .expect("a waiting job")
        .id;
    let b01 = job_in_bay(&ws, "B01").id;
    let now = Utc::now();
    let day = now - chrono::Duration::hours(10);
    for kind in ["priority", "release / dispatch"] {
        let (mut whole, mut part) = (Vec::new(), Vec::new());
        let mut board = board::load(reader.store(), now, day).unwrap();
        for i in 0..420 {
            if kind == "priority" {
                let p = bayboard::domain::Priority::ALL[1 + i % 2];
                ws.set_priority("Foreman 1", waiting, p, None).unwrap();
            } else if i % 2 == 0 {
                ws.act("Foreman 1", b01, JobAction::Release, None, None)
                    .unwrap();
            } else {
                ws.reassign("Foreman 1", b01, Some("B01"), None, None)
                    .unwrap();
            }
            let time_whole = || {
                let t = Instant::now();
                std::hint::black_box(board::load(reader.store(), now, day).unwrap());
                ms(t.elapsed())
            };
            let (w, p);
            if i % 2 == 0 {
                w = time_whole();
                let t = Instant::now();
                board = board::refresh(reader.store(), &board, now, day).unwrap();
                p = ms(t.elapsed());
            } else {
                let t = Instant::now();
                board = board::refresh(reader.store(), &board, now, day).unwrap();
                p = ms(t.elapsed());
                w = time_whole();
            }
            if i >= 20 {
                whole.push(w);
                part.push(p);
            }
        }
        let (w, p) = (pct(&mut whole, 0.5), pct(&mut part, 0.5));
        println!(
            "| {} | {kind} | {w:.3} | {p:.3} | {:.2}× |",
            db.file_name().unwrap().to_string_lossy(),
            p / w
        );
    }
}

/// The same board drawn in English and in Chinese (double-width cells,
/// the catalogue's other language), alternating, at 80×24 and 160×48:
/// render p50 in ms and the ratio. The snapshot reads no words.
fn lang(db: &Path) {
    use bayboard::present::lang::{Lang, scoped};
    let now = Utc::now();
    let app = foreman_app(db, now);
    println!();
    println!("| history | size | en render p50 (ms) | zh-CN render p50 (ms) | zh / en |");
    println!("|---|---|---|---|---|");
    for (w, h) in [(80, 24), (160, 48)] {
        let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
        let (mut en, mut zh) = (Vec::new(), Vec::new());
        for i in 0..1040 {
            let l = if i % 2 == 0 { Lang::En } else { Lang::ZhCn };
            term.clear().unwrap();
            let t = Instant::now();
            scoped(l, || {
                term.draw(|f| bayboard::tui::views::draw(f, &app)).unwrap()
            });
            if i >= 40 {
                let v = if l == Lang::En { &mut en } else { &mut zh };
                v.push(ms(t.elapsed()));
            }
        }
        let (e, z) = (pct(&mut en, 0.5), pct(&mut zh, 0.5));
        println!(
            "| {} | {w}×{h} | {e:.3} | {z:.3} | {:.2}× |",
            db.file_name().unwrap().to_string_lossy(),
            z / e
        );
    }
}

/// `print settlement --pdf` of a 10- and a 40-line job: the PDF's size and
/// pages, laying it out in-process (the font already found), finding the
/// font, and the whole command with its process start.
fn pdf() {
    println!();
    println!(
        "| lines | pages | PDF bytes | layout + write p50 (ms) | font lookup (ms) | `print settlement --pdf` p50 (ms) |"
    );
    println!("|---|---|---|---|---|---|");
    let t = Instant::now();
    let Ok(font) = bayboard::present::pdf::find_font() else {
        println!("| – | no CJK font on this system (fonts-noto-cjk) | | | | |");
        return;
    };
    let lookup = ms(t.elapsed());
    for lines in [10, 40] {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("pdf.sqlite3");
        let bin = bayboard_bin();
        let run = |args: &[&str]| {
            let out = Command::new(&bin)
                .arg("--db")
                .arg(&db)
                .args(args)
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        };
        run(&["init", "--shop", "Bench Motors"]);
        run(&["staff", "add", "Ada", "--role", "advisor"]);
        let job = run(&[
            "--as",
            "Ada",
            "job",
            "new",
            "--plate",
            "粤B·PDF01",
            "--complaint",
            "保养",
            "--walkaround-declined",
        ]);
        for i in 1..lines {
            let work = format!("更换刹车片 {i}");
            run(&[
                "--as",
                "Ada",
                "line",
                "add",
                &job,
                "--work",
                &work,
                "--hours",
                "0.5",
                "--parts-amount",
                "120",
            ]);
        }
        let text = run(&[
            "--as",
            "Ada",
            "--lang",
            "zh-CN",
            "print",
            "settlement",
            &job,
        ]);
        let mut v = Vec::new();
        let mut bytes = Vec::new();
        for _ in 0..11 {
            let t = Instant::now();
            bytes = bayboard::present::pdf::render(&text, &font).unwrap();
            v.push(ms(t.elapsed()));
        }
        std::fs::write(dir.path().join("once.pdf"), &bytes).unwrap();
        let pages = Command::new("pdfinfo")
            .arg(dir.path().join("once.pdf"))
            .output()
            .ok()
            .and_then(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .find_map(|l| l.strip_prefix("Pages:").map(|n| n.trim().to_string()))
            })
            .unwrap_or_else(|| "?".into());
        let layout = pct(&mut v, 0.5);
        let file = dir.path().join("s.pdf");
        let mut e2e: Vec<f64> = (0..5)
            .map(|_| {
                let t = Instant::now();
                run(&[
                    "--as",
                    "Ada",
                    "--lang",
                    "zh-CN",
                    "print",
                    "settlement",
                    &job,
                    "--pdf",
                    file.to_str().unwrap(),
                ]);
                ms(t.elapsed())
            })
            .collect();
        let e2e = pct(&mut e2e, 0.5);
        println!(
            "| {lines} | {pages} | {} | {layout:.1} | {lookup:.0} | {e2e:.0} |",
            bytes.len()
        );
    }
}

/// A history made before the clocked sums: given the zone `init` gives a
/// shop, and its sums counted once (timed), as its first `report` would.
fn clock_sums_kept(db: &Path) {
    let mut ws = Workshop::open(db).unwrap();
    if ws
        .store()
        .read(bayboard::store::shop_timezone)
        .unwrap()
        .is_none()
        && let Some(zone) = bayboard::domain::zone::DayZone::from_env().name
    {
        ws.set_timezone(Some("Foreman 1"), &zone).unwrap();
    }
    let t = Instant::now();
    if ws.keep_clock_sums().unwrap() {
        println!(
            "{}: clocked sums counted in {:.1} s",
            db.display(),
            t.elapsed().as_secs_f64()
        );
    }
}

/// Median wall time of `bayboard report --json ARGS`, the process start
/// included (what a manager waits for).
fn report_ms(db: &Path, args: &[&str], runs: usize) -> f64 {
    let mut v: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            let out = Command::new(bayboard_bin())
                .args(["--db", db.to_str().unwrap(), "report", "--json"])
                .args(args)
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .unwrap();
            assert!(out.success(), "report {args:?} failed");
            ms(t.elapsed())
        })
        .collect();
    pct(&mut v, 0.5)
}

/// Board snapshot (the query behind the board), the bare indexed query, and
/// one full render to a test terminal of 160×48; medians in ms.
fn snapshot(db: &Path) -> (f64, f64, f64, f64) {
    let ws = Workshop::open(db).unwrap();
    let now = Utc::now();
    let mut loads = Vec::new();
    for i in 0..520 {
        let t = Instant::now();
        let b = board::load(ws.store(), now, now - chrono::Duration::hours(10)).unwrap();
        let d = ms(t.elapsed());
        std::hint::black_box(b);
        if i >= 20 {
            loads.push(d);
        }
    }
    let mut bare = Vec::new();
    for i in 0..520 {
        let t = Instant::now();
        let n = ws.store().read(|c| Ok(store::open_jobs(c)?.len())).unwrap();
        std::hint::black_box(n);
        if i >= 20 {
            bare.push(ms(t.elapsed()));
        }
    }
    let app = foreman_app(db, now);
    let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).unwrap();
    let mut renders = Vec::new();
    for i in 0..520 {
        // A fresh terminal buffer each time: a full render, not a diff.
        term.clear().unwrap();
        let t = Instant::now();
        term.draw(|f| bayboard::tui::views::draw(f, &app)).unwrap();
        if i >= 20 {
            renders.push(ms(t.elapsed()));
        }
    }
    (
        pct(&mut loads.clone(), 0.5),
        pct(&mut loads, 0.99),
        pct(&mut bare, 0.5),
        pct(&mut renders, 0.5),
    )
}

/// Process start to output: `bayboard board` and `sqlite3` with one trivial
/// query on the same file; medians of 30 runs in ms.
fn cold(db: &Path) -> (f64, f64) {
    let bin = bayboard_bin();
    let run = |cmd: &mut Command| {
        let mut v = Vec::new();
        for i in 0..33 {
            let t = Instant::now();
            let out = cmd
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .output()
                .unwrap();
            assert!(out.status.success() && !out.stdout.is_empty());
            if i >= 3 {
                v.push(ms(t.elapsed()));
            }
        }
        pct(&mut v, 0.5)
    };
    let ours = run(Command::new(&bin).arg("--db").arg(db).arg("board"));
    let theirs = run(Command::new("sqlite3")
        .arg(db)
        .arg("SELECT count(*) FROM bays;"));
    (ours, theirs)
}

struct Board {
    screen: Arc<Mutex<vt100::Parser>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    _master: Box<dyn portable_pty::MasterPty + Send>,
}

fn open_board(db: &Path, keys: &[u8], seen: Arc<dyn Fn(&vt100::Parser) + Send + Sync>) -> Board {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 48,
            cols: 160,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(bayboard_bin());
    cmd.args(["--db", db.to_str().unwrap(), "--as", "Foreman 1"]);
    cmd.env("TERM", "xterm-256color");
    let child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let screen = Arc::new(Mutex::new(vt100::Parser::new(48, 160, 0)));
    let mut reader = pair.master.try_clone_reader().unwrap();
    let s = screen.clone();
    // Keep the writer alive so the board's input stays open.
    let mut writer = pair.master.take_writer().unwrap();
    if !keys.is_empty() {
        // Once the board is up: the first keys of a fresh board are read
        // after its first draw.
        std::thread::sleep(Duration::from_millis(500));
        writer.write_all(keys).unwrap();
    }
    std::thread::spawn(move || {
        let _keep = writer;
        let mut buf = [0u8; 65536];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            let mut p = s.lock().unwrap();
            p.process(&buf[..n]);
            seen(&p);
        }
    });
    Board {
        screen,
        child,
        _master: pair.master,
    }
}

/// The text of the row showing `bay`; only that row is read (reading the
/// whole screen per chunk would make the bench's own CPU the bottleneck).
fn bay_row(p: &vt100::Parser, bay: &str, row: &AtomicUsize) -> Option<String> {
    let (rows, cols) = p.screen().size();
    let marker = format!("│{bay} ");
    let known = row.load(Ordering::Relaxed);
    if known != usize::MAX {
        let text = p
            .screen()
            .contents_between(known as u16, 0, known as u16, cols);
        if text.contains(&marker) {
            return Some(text);
        }
    }
    for (i, text) in p.screen().rows(0, cols).enumerate().take(rows as usize) {
        if text.contains(&marker) {
            row.store(i, Ordering::Relaxed);
            return Some(text);
        }
    }
    None
}

/// One process commits (alternately a release and a dispatch of bay B01);
/// `boards` other processes with the board open must show it. Latency from
/// just before the commit to the moment each board's screen shows it.
fn propagation(db: &Path, boards: usize, changes: usize, dashboard: bool) -> (f64, f64) {
    let mut ws = Workshop::open(db).unwrap();
    let job = job_in_bay(&ws, "B01");
    let label = job.label();
    let tech = job.technician.clone().unwrap();
    // expected: 1 = B01 holds the job, 2 = B01 free; counts per change.
    let expected = Arc::new(AtomicUsize::new(1));
    let hits = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Mutex::new(Instant::now()));
    let lat = Arc::new(Mutex::new(Vec::<f64>::new()));
    let generation = Arc::new(AtomicUsize::new(0));
    let mut open = Vec::new();
    for _ in 0..boards {
        let (e, h, st, l, g, lab) = (
            expected.clone(),
            hits.clone(),
            start.clone(),
            lat.clone(),
            generation.clone(),
            label.clone(),
        );
        let last_gen = Arc::new(AtomicUsize::new(usize::MAX));
        let row_at = AtomicUsize::new(usize::MAX);
        let f: Arc<dyn Fn(&vt100::Parser) + Send + Sync> = Arc::new(move |p: &vt100::Parser| {
            let Some(row) = bay_row(p, "B01", &row_at) else {
                return;
            };
            let state = if row.contains(&lab) {
                1
            } else if row.contains("free") {
                2
            } else {
                0
            };
            let g_now = g.load(Ordering::SeqCst);
            if state == e.load(Ordering::SeqCst) && last_gen.swap(g_now, Ordering::SeqCst) != g_now
            {
                let d = ms(st.lock().unwrap().elapsed());
                if g_now > 0 {
                    l.lock().unwrap().push(d);
                }
                h.fetch_add(1, Ordering::SeqCst);
            }
        });
        open.push(open_board(db, b"", f));
    }
    // A manager's board on the dashboard (view 9), timed with nothing: it
    // must not slow the others.
    let manager = dashboard.then(|| open_board(db, b"9", Arc::new(|_: &vt100::Parser| {})));
    // Wait for every board to show B01 with its job.
    let t = Instant::now();
    while hits.load(Ordering::SeqCst) < boards {
        assert!(
            t.elapsed() < Duration::from_secs(60),
            "boards did not start"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let pids: Vec<u32> = open.iter().map(|b| b.child.process_id().unwrap()).collect();
    let ticks0: u64 = pids.iter().map(|p| proc_ticks(*p)).sum();
    let self0 = proc_self_ticks();
    let loop_start = Instant::now();
    for c in 1..=changes {
        hits.store(0, Ordering::SeqCst);
        let release = c % 2 == 1;
        expected.store(if release { 2 } else { 1 }, Ordering::SeqCst);
        generation.store(c, Ordering::SeqCst);
        *start.lock().unwrap() = Instant::now();
        if release {
            ws.act("Foreman 1", job.id, JobAction::Release, None, None)
                .unwrap();
        } else {
            ws.reassign("Foreman 1", job.id, Some("B01"), None, None)
                .unwrap();
        }
        let t = Instant::now();
        while hits.load(Ordering::SeqCst) < boards && t.elapsed() < Duration::from_secs(3) {
            std::thread::sleep(Duration::from_micros(200));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let ticks1: u64 = pids.iter().map(|p| proc_ticks(*p)).sum();
    let self1 = proc_self_ticks();
    if std::env::var("BENCH_VERBOSE").is_ok() {
        eprintln!(
            "boards used {:.2} ms CPU per board per change; the bench itself {:.1} ms per change; loop {:.1} s",
            (ticks1 - ticks0) as f64 * 10.0 / (changes * boards) as f64,
            (self1 - self0) as f64 * 10.0 / changes as f64,
            loop_start.elapsed().as_secs_f64()
        );
    }
    let _ = tech;
    for mut b in open.into_iter().chain(manager) {
        let _ = b.child.kill();
        let _ = b.child.wait();
        drop(b.screen);
    }
    let mut v = lat.lock().unwrap().clone();
    assert!(
        v.len() >= boards * changes * 9 / 10,
        "only {} of {} redraws seen",
        v.len(),
        boards * changes
    );
    (pct(&mut v.clone(), 0.5), pct(&mut v, 0.99))
}

/// A writer process: toggles the priority of one waiting job, again and
/// again, printing each operation's time in microseconds.
fn writer(db: &Path, me: usize, ops: usize) {
    let mut ws = Workshop::open(db).unwrap();
    let waiting: Vec<i64> = ws
        .store()
        .read(store::open_jobs)
        .unwrap()
        .into_iter()
        .filter(|j| j.status == bayboard::domain::JobStatus::Waiting)
        .map(|j| j.id)
        .collect();
    let job = waiting[me % waiting.len()];
    let mut out = String::new();
    for i in 0..ops {
        let p = if i % 2 == 0 {
            Priority::High
        } else {
            Priority::Normal
        };
        let t = Instant::now();
        let r = ws.set_priority("Foreman 1", job, p, None);
        let us = t.elapsed().as_micros();
        match r {
            Ok(_) => out.push_str(&format!("OK {us}\n")),
            Err(bayboard::Error::Refused(_)) => out.push_str(&format!("OK {us}\n")),
            Err(e) => out.push_str(&format!("ERR {e}\n")),
        }
    }
    print!("{out}");
}

fn writers(db: &Path, n: usize, ops: usize) -> (f64, f64, f64, usize) {
    let exe = std::env::current_exe().unwrap();
    let t = Instant::now();
    let kids: Vec<_> = (0..n)
        .map(|i| {
            Command::new(&exe)
                .args([
                    "--writer",
                    db.to_str().unwrap(),
                    &i.to_string(),
                    &ops.to_string(),
                ])
                .stdout(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut lat = Vec::new();
    let mut errors = 0;
    for k in kids {
        let out = k.wait_with_output().unwrap();
        for l in String::from_utf8_lossy(&out.stdout).lines() {
            if let Some(us) = l.strip_prefix("OK ") {
                lat.push(us.parse::<f64>().unwrap() / 1000.0);
            } else {
                errors += 1;
                eprintln!("{l}");
            }
        }
    }
    let wall = t.elapsed().as_secs_f64();
    let total = lat.len() as f64;
    (
        total / wall,
        pct(&mut lat.clone(), 0.5),
        pct(&mut lat, 0.99),
        errors,
    )
}

fn proc_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let f: Vec<&str> = after.split_whitespace().collect();
    f[11].parse::<u64>().unwrap() + f[12].parse::<u64>().unwrap()
}

fn proc_self_ticks() -> u64 {
    proc_ticks(std::process::id())
}

fn vm_hwm_mb(pid: u32) -> f64 {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let kb: f64 = s
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    kb / 1024.0
}

/// An open board left alone: CPU over `secs` (percent of one core) and its
/// peak resident memory.
fn idle(db: &Path, secs: u64) -> (f64, f64) {
    let mut b = open_board(db, b"", Arc::new(|_| {}));
    std::thread::sleep(Duration::from_secs(3));
    let pid = b.child.process_id().unwrap();
    let before = proc_ticks(pid);
    std::thread::sleep(Duration::from_secs(secs));
    let after = proc_ticks(pid);
    let hz = 100.0;
    let cpu = (after - before) as f64 / hz / secs as f64 * 100.0;
    let rss = vm_hwm_mb(pid);
    let _ = b.child.kill();
    let _ = b.child.wait();
    (cpu, rss)
}
