//! The only place that speaks SQL: opening the file, migrations, queries and
//! the write transaction that applies one change with its events.

mod aftersales;
mod appointments;
pub mod bulk;
mod calls;
mod catalogue;
pub mod chain;
mod check;
pub mod clock_sums;
pub mod figures;
mod handover;
pub mod key;
mod lines;
mod queries;
mod records;
pub mod rules;
pub mod schema;
pub mod states;
mod vehicle_file;
mod warranty;
mod writes;

pub use aftersales::*;
pub use appointments::*;
pub use calls::*;
pub use catalogue::*;
pub use check::{CheckReport, backup, check, check_counts};
pub use handover::*;
pub use lines::{
    NewLine, approval_hold, approvals, declined_for_plate, line, line_facts, lines_for_job,
    money_recorded, shop_settings, sold_hours_since,
};
pub(crate) use lines::{
    decide_line, insert_line, set_estimate_accepted, set_line_done, set_line_price,
    set_money_settings,
};
pub use queries::*;
pub use records::*;
pub use vehicle_file::*;
pub use warranty::*;
pub(crate) use writes::*;

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
/// (shorter steps measured worse: on two cores the polling itself starves
/// the lock holder). Gives up after `busy_limit()` of waiting.
fn fair_busy(count: i32) -> bool {
    thread_local! {
        static WAITING_SINCE: std::cell::Cell<Option<std::time::Instant>> =
            const { std::cell::Cell::new(None) };
    }
    let now = std::time::Instant::now();
    let since = WAITING_SINCE.with(|w| {
        if count == 0 || w.get().is_none() {
            w.set(Some(now));
        }
        w.get().unwrap_or(now)
    });
    if now - since >= busy_limit() {
        return false;
    }
    // A little jitter so waiters do not retry in lock step.
    let jitter = (count as u64).wrapping_mul(7919) % 400;
    std::thread::sleep(Duration::from_micros(800 + jitter));
    true
}

/// See [`keep_companion_files`].
static KEEP_COMPANIONS: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// From now on every database this process opens keeps its `-wal` and
/// `-shm` when the last connection closes, instead of deleting them. A
/// guarded install needs that: SQLite gives a new `-wal` or `-shm` to the
/// account that made it (unless root), and that account could then write
/// the database through it without bayboard (`crate::guard`).
pub fn keep_companion_files() {
    KEEP_COMPANIONS.store(true, std::sync::atomic::Ordering::Relaxed);
}

fn persist_wal(conn: &Connection) -> Result<()> {
    let mut on: std::ffi::c_int = 1;
    // SAFETY: the handle is this open connection's; "main" is a
    // NUL-terminated name; PERSIST_WAL reads and writes one int.
    let rc = unsafe {
        rusqlite::ffi::sqlite3_file_control(
            conn.handle(),
            c"main".as_ptr(),
            rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL,
            (&mut on as *mut std::ffi::c_int).cast(),
        )
    };
    if rc == rusqlite::ffi::SQLITE_OK {
        Ok(())
    } else {
        Err(Error::Database(format!(
            "could not ask SQLite to keep the -wal file (code {rc})"
        )))
    }
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// The files this connection opened; see [`Store::same_files`].
    files: Files,
    /// Rows an upgrade found breaking the value rules (left as they are).
    migration_notes: Vec<String>,
    /// The schema version this open found, before upgrading it.
    opened_at_version: i64,
    /// The key events are signed with (read at open, made at the first
    /// write of a database that has none).
    key: key::KeyState,
    /// The zone this process counts the clock's local days in.
    day_zone: crate::domain::zone::DayZone,
}

/// A file's identity: (device, inode).
type FileId = (u64, u64);

fn file_id(path: &Path) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

fn wal_path(db: &Path) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push("-wal");
    PathBuf::from(p)
}

#[derive(Debug, Default)]
struct Files {
    db: Option<FileId>,
    wal: std::cell::Cell<Option<FileId>>,
}

impl Files {
    fn of(db: &Path) -> Files {
        Files {
            db: file_id(db),
            wal: std::cell::Cell::new(file_id(&wal_path(db))),
        }
    }
}

/// Prepared statements kept per connection. A board's reload runs some 45
/// distinct statements in turn; rusqlite's default of 16, least recently
/// used first, would prepare nearly every one of them again on every
/// reload.
pub const STATEMENTS: usize = 128;

fn keep_statements(conn: &Connection) {
    conn.set_prepared_statement_cache_capacity(STATEMENTS);
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

    /// Opens a file only to read it (a backup to compare with): nothing is
    /// migrated or written, and a file from another version is refused.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        if !path.is_file() {
            return Err(Error::Database(format!(
                "no database at {}",
                path.display()
            )));
        }
        check_is_sqlite(path)?;
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn = Connection::open_with_flags(path, flags)
            .map_err(|e| Error::Database(format!("cannot read {}: {e}", path.display())))?;
        if check_schema(&conn, path).is_err() && !wal_path(path).exists() {
            // A WAL file whose folder this user cannot write and that has
            // no -wal (so no writer is at work on it) reads as immutable.
            let mut uri = std::ffi::OsString::from("file:");
            uri.push(path.canonicalize()?.as_os_str());
            uri.push("?immutable=1");
            conn = Connection::open_with_flags(
                std::path::PathBuf::from(uri),
                flags | OpenFlags::SQLITE_OPEN_URI,
            )
            .map_err(|e| Error::Database(format!("cannot read {}: {e}", path.display())))?;
        }
        check_schema(&conn, path)?;
        keep_statements(&conn);
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == 0 {
            return Err(no_shop_in(path));
        }
        if version < schema::LATEST {
            return Err(Error::Database(format!(
                "{} is from an older bayboard (schema {version}, this one writes {}); open it \
                 once with this version to bring it up to date",
                path.display(),
                schema::LATEST
            )));
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            files: Files::of(path),
            migration_notes: Vec::new(),
            opened_at_version: schema::LATEST,
            key: key::load(path),
            day_zone: crate::domain::zone::DayZone::from_env(),
        })
    }

    fn open_with(path: &Path, create: bool) -> Result<Store> {
        check_is_sqlite(path)?;
        check_sentinel(path)?;
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
        keep_statements(&conn);
        check_schema(&conn, path)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version == 0 && !create {
            // Only `init` and `demo` make a database: an empty file (or an
            // empty SQLite one) given to any other command is left as it is.
            return Err(no_shop_in(path));
        }
        let mode: String = conn
            .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
            .map_err(|e| open_error(path, e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(Error::Database(format!(
                "{} could not be switched to WAL journaling (got {mode})",
                path.display()
            )));
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        if KEEP_COMPANIONS.load(std::sync::atomic::Ordering::Relaxed) {
            persist_wal(&conn)?;
        }
        // Every commit elsewhere empties SQLite's page cache; reading the
        // pages back through a memory map instead of read() calls keeps each
        // board's reload cheap when many boards reload at once.
        conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
        // Only a database behind this build takes the write lock to migrate;
        // opening an up-to-date one never waits on other writers.
        let mut notes = Vec::new();
        if version < schema::LATEST {
            // A migration that rebuilds a table (to change a CHECK) must not
            // have its references enforced half-way; SQLite allows this
            // switch only outside a transaction.
            conn.pragma_update(None, "foreign_keys", "OFF")?;
            schema::migrations()
                .to_latest(&mut conn)
                .map_err(|e| Error::Database(format!("cannot migrate {}: {e}", path.display())))?;
            // The value rules do not fail an upgrade: rows already breaking
            // them stay, are shown marked, and are reported here.
            notes = check::value_problems(&conn)?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // The first read opens the -wal; from then on this connection holds
        // that file, and its name must keep pointing at it.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |_| Ok(()))?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            files: Files::of(path),
            migration_notes: notes,
            opened_at_version: version,
            key: key::load(path),
            day_zone: crate::domain::zone::DayZone::from_env(),
        })
    }

    /// The whole database copied into memory, through SQLite's backup API
    /// (a consistent snapshot while others write). A guarded run reads the
    /// database with the group's rights and writes this copy, or reads a
    /// copy a person named, with that person's own.
    pub fn into_memory(self) -> Result<Store> {
        let mut mem = Connection::open_in_memory()?;
        {
            let b = rusqlite::backup::Backup::new(&self.conn, &mut mem)?;
            b.run_to_completion(256, Duration::from_millis(1), None)?;
        }
        Ok(Store {
            conn: mem,
            path: self.path.clone(),
            files: Files::default(),
            migration_notes: self.migration_notes.clone(),
            opened_at_version: self.opened_at_version,
            // The shop key read with the group's rights: the copy's
            // signatures can still be verified once the group is given up.
            key: self.key,
            day_zone: self.day_zone,
        })
    }

    /// What upgrading this file found wrong with its rows, if it was upgraded.
    /// The schema version the file had when this process opened it.
    pub fn opened_at_version(&self) -> i64 {
        self.opened_at_version
    }

    pub fn migration_notes(&self) -> &[String] {
        &self.migration_notes
    }

    /// Whether the database and its -wal are still the files this
    /// connection opened. Deleted or replaced under it (a `demo --reset`, a
    /// careless `rm`), SQLite would go on writing into unlinked files that
    /// vanish when the connection closes: every later "saved" would be a lie.
    pub fn same_files(&self) -> Result<()> {
        let db = file_id(&self.path);
        if db != self.files.db {
            return Err(Error::Replaced(format!(
                "the database file {} was {} while this was open; nothing more is written \
                 to it: quit and reopen bayboard",
                self.path.display(),
                if db.is_none() { "deleted" } else { "replaced" }
            )));
        }
        let wal = file_id(&wal_path(&self.path));
        match self.files.wal.get() {
            None => self.files.wal.set(wal),
            Some(before) if wal != Some(before) => {
                return Err(Error::Replaced(format!(
                    "the file {}-wal was {} while this was open, with the latest changes in it; \
                     nothing more is written: quit and reopen bayboard, then run `bayboard check`",
                    self.path.display(),
                    if wal.is_none() { "deleted" } else { "replaced" }
                )));
            }
            Some(_) => {}
        }
        Ok(())
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The zone this process counts the clock's local days in.
    pub fn day_zone(&self) -> &crate::domain::zone::DayZone {
        &self.day_zone
    }

    /// Counts local days in `zone` from now on (tests, which cannot set
    /// their process's `TZ` safely).
    pub fn set_day_zone(&mut self, zone: crate::domain::zone::DayZone) {
        self.day_zone = zone;
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
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&WriteTx) -> Result<T>) -> Result<T> {
        self.same_files()?;
        self.make_key_if_unsigned()?;
        let signer = signing_key(&self.key, &self.path)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&WriteTx(&tx, signer, &self.day_zone))?;
        tx.commit()?;
        touch_sentinel(&self.path);
        Ok(out)
    }

    /// A database never signed gets its key at its first write. A signed
    /// record whose key is missing or unreadable is not written to (see
    /// `signing_key`): an unsigned event would read as forged, and a new
    /// key would make every earlier signature look so.
    fn make_key_if_unsigned(&mut self) -> Result<()> {
        if matches!(self.key, key::KeyState::Missing) {
            let signed: bool = self.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM events WHERE mac IS NOT NULL)",
                [],
                |r| r.get(0),
            )?;
            if !signed {
                // In the guarded install the key must be root's: made by a
                // staff account's run, it would be that account's to read.
                // SAFETY: geteuid cannot fail.
                if crate::guard::elevated() && unsafe { libc::geteuid() } != 0 {
                    return Err(Error::Database(format!(
                        "guarded install: the shop key {} is not there yet; run any bayboard \
                         command once as root to make it",
                        key::key_path(&self.path).display()
                    )));
                }
                self.key = key::create(&self.path)?;
            }
        }
        Ok(())
    }

    /// What this process knows of the shop key.
    pub fn key_state(&self) -> &key::KeyState {
        &self.key
    }

    /// `bayboard check` of this file, with the shop key this process has.
    pub fn check(&self) -> Result<CheckReport> {
        self.read(|c| check(c, &self.key, &self.day_zone))
    }

    /// How the events' signatures stand (a sentence) and each bad one.
    pub fn signatures(&self) -> Result<(crate::domain::Said, Vec<String>)> {
        self.read(|c| check::signatures(c, &self.key))
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

/// The key to sign with, or why there is none to use.
fn signing_key<'k>(k: &'k key::KeyState, db: &Path) -> Result<&'k key::ShopKey> {
    match k {
        key::KeyState::Loaded(k) => Ok(k),
        key::KeyState::Missing => Err(Error::Database(format!(
            "the shop key {} is missing, and this record is signed under one: restore the \
             key file from where the shop keeps its copy; nothing was changed",
            key::key_path(db).display()
        ))),
        key::KeyState::Unreadable(why) => Err(Error::Database(format!(
            "cannot sign events: the shop key cannot be read ({why}); nothing was changed"
        ))),
    }
}

/// An open write transaction. Only the store makes one (in
/// [`Store::write`]), and the write functions take nothing else, so writes
/// happen only inside the operations layer's transactions.
pub struct WriteTx<'a>(
    &'a Connection,
    &'a key::ShopKey,
    &'a crate::domain::zone::DayZone,
);

impl WriteTx<'_> {
    /// The key this transaction's events are signed with.
    pub(crate) fn key(&self) -> &key::ShopKey {
        self.1
    }

    /// The zone this process counts the clock's local days in.
    pub(crate) fn day_zone(&self) -> &crate::domain::zone::DayZone {
        self.2
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        self.0
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
    let _ = write_sentinel(&sentinel_path(db), stamp.to_string().as_bytes());
}

/// Writes the sentinel without ever following a symbolic link: a link
/// planted in its place must not make every commit overwrite another file.
pub fn write_sentinel(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::MetadataExt;
    use std::os::unix::fs::OpenOptionsExt;
    // Not truncated on open: only once it is known to be our own plain
    // file. O_NONBLOCK so a FIFO planted there cannot hang a writer.
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(path)?;
    let m = f.metadata()?;
    if !m.file_type().is_file() || m.nlink() > 1 {
        return Err(std::io::Error::other(
            "the sentinel is not a plain file of its own",
        ));
    }
    f.set_len(0)?;
    f.write_all(bytes)
}

/// Refuses a sentinel that is not a plain file (a symbolic link, a folder,
/// a device): bayboard would not write through it, and says so.
fn check_sentinel(db: &Path) -> Result<()> {
    let s = sentinel_path(db);
    use std::os::unix::fs::MetadataExt;
    match std::fs::symlink_metadata(&s) {
        // A hard link shares its contents with another file: writing the
        // sentinel would overwrite that file.
        Ok(m) if !m.file_type().is_file() || m.nlink() > 1 => Err(Error::Database(format!(
            "{} is not a plain file of its own (a symbolic or hard link, or something else); \
             bayboard will not write through it — remove it and try again",
            s.display()
        ))),
        _ => Ok(()),
    }
}

fn no_shop_in(path: &Path) -> Error {
    Error::Database(format!(
        "{} holds no bayboard database (it is empty); it was left untouched — \
         `bayboard init` makes one there, or give the right --db",
        path.display()
    ))
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

/// Opening errors in words a shop can act on.
fn open_error(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::ReadOnly) => Error::ReadOnly(format!(
            "{} is read-only for this user (the file, its -wal/-shm or its folder is not \
             writable): bayboard writes beside the database even to show it; \
             `bayboard check` and `bayboard backup` work on it as it is",
            path.display()
        )),
        Some(ErrorCode::DiskFull) => Error::Database(format!(
            "cannot open {}: the disk is full; free some space and try again",
            path.display()
        )),
        Some(ErrorCode::SystemIoFailure) => match file_size_limit() {
            Some(kb) => Error::Database(format!(
                "cannot write {}: this process may not write files over {kb} KB (`ulimit -f`); \
                 nothing was changed — raise the limit and try again",
                path.display()
            )),
            None => Error::Database(format!(
                "cannot open {}: the disk reported an I/O error (is it full, or failing?)",
                path.display()
            )),
        },
        _ => Error::Database(format!("cannot read {}: {e}", path.display())),
    }
}

/// The process's file-size limit in KB (`ulimit -f`), if it has one: a
/// write past it fails with EFBIG (SIGXFSZ is ignored in `main`), which
/// SQLite reports as an I/O error.
pub fn file_size_limit() -> Option<u64> {
    let mut lim = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit writes into the struct it is given.
    let ok = unsafe { libc::getrlimit(libc::RLIMIT_FSIZE, &mut lim) } == 0;
    (ok && lim.rlim_cur != libc::RLIM_INFINITY).then_some(lim.rlim_cur / 1024)
}

fn check_schema(conn: &Connection, path: &Path) -> Result<()> {
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(|e| open_error(path, e))?;
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

/// Reads a stored time: the fixed form bayboard writes is parsed by hand
/// (the board reads hundreds per reload); anything else RFC 3339 (say, from
/// the `sqlite3` tool) goes through chrono.
pub fn parse_ts(s: &str) -> Option<DateTime<Utc>> {
    fast_ts(s).or_else(|| {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    })
}

/// `YYYY-MM-DDTHH:MM:SS.sssZ`, exactly.
fn fast_ts(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() != 24
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'.'
        || b[23] != b'Z'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + (c - b'0') as u32)
        })
    };
    let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let time = chrono::NaiveTime::from_hms_milli_opt(
        num(11..13)?,
        num(14..16)?,
        num(17..19)?,
        num(20..23)?,
    )?;
    Some(date.and_time(time).and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_times_round_trip_and_other_forms_still_read() {
        let t = DateTime::parse_from_rfc3339("2026-11-23T06:30:05.123Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(ts(t), "2026-11-23T06:30:05.123Z");
        assert_eq!(parse_ts(&ts(t)), Some(t));
        assert_eq!(fast_ts("2026-11-23T06:30:05.123Z"), Some(t));
        assert_eq!(parse_ts("2026-11-23T14:30:05.123+08:00"), Some(t));
        assert_eq!(parse_ts("2026-02-30T06:30:05.123Z"), None);
        assert_eq!(fast_ts("2026-11-23T06:30:05.12xZ"), None);
        assert_eq!(parse_ts("yesterday"), None);
    }

    #[test]
    fn an_upgrade_reports_rows_breaking_the_value_rules_instead_of_failing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite3");
        {
            let mut conn = Connection::open(&path).unwrap();
            schema::migrations().to_version(&mut conn, 4).unwrap();
            conn.execute_batch(
                "INSERT INTO vehicles (plate, year) VALUES ('OLD 1', 'x');
                 PRAGMA journal_mode=WAL;",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let notes = store.migration_notes().join("\n");
        assert!(notes.contains("vehicles row 1: year is 'x'"), "{notes}");
        // Opening again reports nothing new: the upgrade is done.
        drop(store);
        assert!(Store::open(&path).unwrap().migration_notes().is_empty());
    }
}
