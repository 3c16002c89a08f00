//! The wall screen left running: memory before and after many changes.
//!
//!     cargo run --release --example wall_soak -- --changes 100000
//!
//! Seeds a demo shop in a temporary folder (or uses `--db`), then makes
//! `--changes` real changes through the operations layer (a job's priority
//! flipping), and after each one lets the wall notice it, reload and draw
//! at 240×67, as `bayboard wall` does. Prints the resident memory after a
//! warm-up and at the end.

use bayboard::domain::Priority;
use bayboard::tui::views::wall::{Link, Wall, draw};
use bayboard::tui::wall::Source;
use chrono::Utc;
use clap::Parser;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Parser)]
#[command(about = "Memory of the wall screen over many changes")]
struct Args {
    /// Changes to make (each one reloaded and drawn by the wall)
    #[arg(long, default_value_t = 100_000)]
    changes: usize,
    /// A demo database to use (default: a fresh one in a temporary folder)
    #[arg(long)]
    db: Option<PathBuf>,
}

/// Resident memory of this process, from /proc (kB).
fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn main() {
    let args = Args::parse();
    let dir = tempfile::tempdir().unwrap();
    let db = match &args.db {
        Some(p) => std::fs::canonicalize(p).expect("the --db file"),
        None => {
            let p = dir.path().join("demo.sqlite3");
            bayboard::demo::seed_at(&p, Utc::now()).unwrap();
            p
        }
    };
    let mut ws = bayboard::workshop::Workshop::open(&db).unwrap();
    let job = ws
        .store()
        .read(bayboard::store::open_jobs)
        .unwrap()
        .first()
        .expect("an open job")
        .id;
    let now = Utc::now();
    let mut wall = Wall {
        board: None,
        now,
        tz: bayboard::present::local_tz(),
        started: now,
        page_secs: 15,
        link: Link::Live,
        ascii: false,
    };
    let mut source = Source::new(&db);
    let mut term = Terminal::new(TestBackend::new(240, 67)).unwrap();
    let warm_up = 1_000.min(args.changes);
    let mut before = 0;
    let start = Instant::now();
    let tenth = (args.changes / 10).max(1);
    for i in 0..args.changes {
        if i == warm_up {
            before = rss_kb();
        }
        if i > 0 && i % tenth == 0 {
            println!(
                "after {i:>7} changes: RSS {:.1} MB",
                rss_kb() as f64 / 1024.0
            );
        }
        let p = if i % 2 == 0 {
            Priority::High
        } else {
            Priority::Normal
        };
        ws.set_priority("Chen Li", job, p, None).unwrap();
        wall.now = Utc::now();
        source.refresh(&mut wall);
        assert_eq!(wall.link, Link::Live);
        term.draw(|f| draw(f, &wall)).unwrap();
    }
    let after = rss_kb();
    println!(
        "{} changes in {:.1} s; RSS after {warm_up}: {:.1} MB; after all: {:.1} MB; growth {:+.1} MB",
        args.changes,
        start.elapsed().as_secs_f64(),
        before as f64 / 1024.0,
        after as f64 / 1024.0,
        (after as f64 - before as f64) / 1024.0
    );
}
