//! The only place that speaks SQL: opening the file, migrations, queries and
//! the write transaction that applies one change with its events.

mod check;
mod queries;
mod records;
pub mod schema;
mod writes;

pub use check::{CheckReport, backup, check};
pub use queries::*;
pub use records::*;
pub use writes::*;

use crate::error::{Error, Result};
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a writer waits for another writer's transaction: 10 s, or
/// `BAYBOARD_BUSY_TIMEOUT_MS`.
pub fn busy_limit() -> Duration {
    static LIMIT: std::sync::OnceLock<Duration> = std::sync::OnceLock::new();
    *LIMIT.get_or_init(|| {
        let ms = std::env::var("BAYBOARD_BUSY_TIMEOUT_MS")
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(10_000);
        Duration::from_millis(ms)
    })
}

/// Waits for a busy database in short, even steps. SQLite's own handler
/// backs off to 100 ms sleeps, so a writer that has waited a while keeps
/// losing to newcomers; here every waiter retries about once a millisecond
/// until the limit.
fn fair_busy(count: i32) -> bool {
    const STEP_US: u64 = 1_000;
    let waited_us = count.max(0) as u64 * STEP_US;
    if waited_us >= busy_limit().as_micros() as u64 {
        return false;
    }
    // A little jitter so waiters do not retry in lock step.
    let jitter = (count as u64).wrapping_mul(7919) % 400;
    std::thread::sleep(Duration::from_micros(STEP_US - 200 + jitter));
    true
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Creates the database if it does not exist, then opens it.
    pub fn create(path: &Path) -> Result<Store> {
        check_folder(path)?;
        Store::open_with(path, true)
    }

    /// Opens an existing database; a missing file is an error, so a mistyped
    /// `--db` never leaves a stray empty database behind.
    pub fn open(path: &Path) -> Result<Store> {
        if !path.exists() {
            return Err(Error::Database(format!(
                "no database at {}; create one with `bayboard init` (or try `bayboard demo`)",
                path.display()
            )));
        }
        Store::open_with(path, false)
    }

    fn open_with(path: &Path, create: bool) -> Result<Store> {
        check_is_sqlite(path)?;
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if create {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let mut conn = Connection::open_with_flags(path, flags).map_err(|e| {
            let hint = if create {
                " (is the folder writable?)"
            } else {
                ""
            };
            Error::Database(format!(
                "cannot open database {}: {e}{hint}",
                path.display()
            ))
        })?;
        conn.busy_handler(Some(fair_busy))?;
        check_schema(&conn, path)?;
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(|e| {
                Error::Database(format!("cannot use {}: {}", path.display(), Error::from(e)))
            })?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Database(format!(
                "{} could not be switched to WAL journaling (got {mode})",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Only a database behind this build takes the write lock to migrate;
        // opening an up-to-date one never waits on other writers.
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version < schema::LATEST {
            schema::migrations()
                .to_latest(&mut conn)
                .map_err(|e| Error::Database(format!("cannot migrate {}: {e}", path.display())))?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads inside one transaction, so every query sees the same snapshot.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let out = f(&tx)?;
        tx.finish()?;
        Ok(out)
    }

    /// One change: `BEGIN IMMEDIATE` (so the write lock is taken up front and
    /// the busy timeout applies), `f` does the checks and writes, commit.
    /// A refusal rolls everything back. After commit the sentinel is touched
    /// so open boards wake up.
    pub fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        touch_sentinel(&self.path);
        Ok(out)
    }

    /// SQLite's `PRAGMA data_version`: changes when another connection commits.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// For tests and tools that must inspect the raw file.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// The file boards watch: written after every commit by bayboard.
pub fn sentinel_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().unwrap_or_default().to_os_string();
    name.push(".changed");
    db.with_file_name(name)
}

fn touch_sentinel(db: &Path) {
    // Best effort: a board that misses this still sees the change through
    // its slow data_version poll.
    let stamp = Utc::now().timestamp_nanos_opt().unwrap_or_default();
    let _ = std::fs::write(sentinel_path(db), stamp.to_string());
}

fn check_folder(path: &Path) -> Result<()> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => return Ok(()),
    };
    if !parent.is_dir() {
        return Err(Error::Database(format!(
            "cannot create database {}: the folder {} does not exist",
            path.display(),
            parent.display()
        )));
    }
    Ok(())
}

/// Refuses, without touching it, a file that is not an SQLite database.
fn check_is_sqlite(path: &Path) -> Result<()> {
    use std::io::Read;
    let Ok(mut f) = std::fs::File::open(path) else {
        return Ok(());
    };
    if path.is_dir() {
        return Err(Error::Database(format!(
            "{} is a folder, not a database file",
            path.display()
        )));
    }
    let mut head = [0u8; 16];
    let n = f.read(&mut head)?;
    if n == 0 {
        return Ok(());
    }
    if n < 16 || &head != b"SQLite format 3\0" {
        return Err(Error::Database(format!(
            "{} is not a bayboard database (not an SQLite file); it was left untouched",
            path.display()
        )));
    }
    Ok(())
}

fn check_schema(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| Error::Database(format!("cannot read {}: {e}", path.display())))?;
    if version > schema::LATEST {
        return Err(Error::Database(format!(
            "{} was written by a newer bayboard (schema version {version}; this one knows up to {}); upgrade bayboard",
            path.display(),
            schema::LATEST
        )));
    }
    if version == 0 {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(Error::Database(format!(
                "{} is an SQLite database of another program, not bayboard's; it was left untouched",
                path.display()
            )));
        }
    }
    Ok(())
}

/// Timestamps are stored as UTC text with milliseconds.
pub fn ts(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

pub fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}
