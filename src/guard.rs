//! The guarded install: `bayboard` setgid to a group of its own that alone
//! may write the database, so staff accounts reach the file only through
//! bayboard's rules. Here: knowing that this run is elevated, the root-owned
//! configuration that then names the one database, and changing groups.
//!
//! What a setgid bayboard ignores or refuses from the person running it:
//! - `--db` / `BAYBOARD_DB` naming any other file (refused, not ignored, so
//!   nobody believes they wrote somewhere they did not);
//! - `HOME` and `XDG_DATA_HOME`: the default database in the platform data
//!   folder is never used, the configuration names the file;
//! - `TMPDIR` and `SQLITE_TMPDIR`: SQLite would make its temporary files
//!   there with the group's rights ([`sanitise_environment`] removes them);
//! - the umask: files made with the group's rights get mode 0660 at most
//!   ([`sanitise_environment`] sets 007), never the person's own choice;
//! - `LD_PRELOAD`, `LD_LIBRARY_PATH` and the like are dropped by the C
//!   library itself for a setgid program (secure-execution mode).
//!
//! `BAYBOARD_USER`, `BAYBOARD_PIN`, `BAYBOARD_BUSY_TIMEOUT_MS`, `TZ` and
//! `TERM` stay: they are what a person may choose anyway on the command line
//! or only change what they see.

use crate::error::{Error, Result};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// The configuration a guarded bayboard reads; root's to write.
pub const CONFIG: &str = "/etc/bayboard/bayboard.toml";

/// Whether this process runs with a group it was not started with (the
/// setgid bit of its binary).
pub fn elevated() -> bool {
    // SAFETY: getegid and getgid cannot fail and touch no memory.
    unsafe { libc::getegid() != libc::getgid() }
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    db: PathBuf,
}

/// The database the configuration names, after making sure nobody but root
/// could have written the configuration (or swapped it in its folder).
pub fn configured_db(config: &Path) -> Result<PathBuf> {
    use std::io::Read;
    let refuse = |why: String| Error::Denied(format!("guarded install: {why}"));
    let mut file = std::fs::File::open(config).map_err(|e| {
        refuse(format!(
            "cannot read {} ({e}); a setgid bayboard opens only the database it names",
            config.display()
        ))
    })?;
    // The opened file itself, not its name again: it cannot change between
    // the look and the read.
    let meta = file.metadata()?;
    if let Some(why) = not_roots(&meta) {
        return Err(refuse(format!("{} {why}", config.display())));
    }
    if let Some(dir) = config.parent()
        && let Some(why) = std::fs::metadata(dir)
            .ok()
            .as_ref()
            .map_or(Some("cannot be looked at".to_string()), not_roots)
    {
        return Err(refuse(format!("its folder {} {why}", dir.display())));
    }
    let mut text = String::new();
    file.read_to_string(&mut text)?;
    let parsed: ConfigFile = toml::from_str(&text).map_err(|e| {
        refuse(format!(
            "{} is not `db = \"/path/to/shop.sqlite3\"`: {}",
            config.display(),
            e.message()
        ))
    })?;
    if !parsed.db.is_absolute() {
        return Err(refuse(format!(
            "{} names {}, not an absolute path",
            config.display(),
            parsed.db.display()
        )));
    }
    Ok(parsed.db)
}

/// Why a file or folder could have been written by someone other than root.
fn not_roots(meta: &std::fs::Metadata) -> Option<String> {
    if meta.uid() != 0 {
        Some(format!("belongs to uid {}, not root", meta.uid()))
    } else if meta.mode() & 0o022 != 0 {
        Some(format!(
            "is writable by its group or others (mode {:04o})",
            meta.mode() & 0o7777
        ))
    } else {
        None
    }
}

/// Whether `asked` (from `--db` or `BAYBOARD_DB`) is the configured file.
pub fn same_file(asked: &Path, configured: &Path) -> bool {
    asked == configured
        || matches!(
            (asked.canonicalize(), configured.canonicalize()),
            (Ok(a), Ok(b)) if a == b
        )
}

/// Called first thing, before any thread exists, when elevated: see the
/// module's list.
pub fn sanitise_environment() {
    // SAFETY: single-threaded at this point (the start of main); umask
    // cannot fail.
    unsafe {
        std::env::remove_var("TMPDIR");
        std::env::remove_var("SQLITE_TMPDIR");
        libc::umask(0o007);
    }
}

/// The files beside the database that SQLite and bayboard keep open.
pub fn companions(db: &Path) -> [PathBuf; 3] {
    let with = |s: &str| {
        let mut p = db.as_os_str().to_owned();
        p.push(s);
        PathBuf::from(p)
    };
    [with("-wal"), with("-shm"), with(".changed")]
}

/// A file made by a staff account's run would belong to that account, who
/// could then write it directly (SQLite gives a new `-wal` or `-shm` to its
/// creator unless that is root). So in a guarded install they are made
/// once, by root (`bayboard init` as root), and kept (the store never
/// deletes them, [`crate::store::keep_companion_files`]); a run by anyone
/// else refuses to go on without them or with one of them belonging to
/// someone other than the database's owner.
pub fn check_companions(db: &Path) -> Result<()> {
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        return Ok(());
    }
    let Ok(meta) = std::fs::metadata(db) else {
        return Err(Error::Denied(format!(
            "guarded install: no database at {}; root makes it (`bayboard init` as root)",
            db.display()
        )));
    };
    let key = crate::store::key::key_path(db);
    if let Ok(k) = std::fs::symlink_metadata(&key)
        && (!k.is_file() || k.uid() != meta.uid())
    {
        return Err(Error::Denied(format!(
            "guarded install: the shop key {} does not belong to the database's owner; \
             whoever owns it can sign events — make it root's again (`bayboard doctor`)",
            key.display()
        )));
    }
    for f in companions(db) {
        let ok = std::fs::symlink_metadata(&f).map(|m| m.is_file() && m.uid() == meta.uid());
        if !matches!(ok, Ok(true)) {
            return Err(Error::Denied(format!(
                "guarded install: {} is missing or does not belong to the database's owner; \
                     run any bayboard command once as root to make it, then `bayboard doctor`",
                f.display()
            )));
        }
    }
    Ok(())
}

/// After a guarded `init` by root: the database and the files beside it
/// (the sentinel made now, so that no staff run has to make it) are the
/// group's to read and write, and nobody else's.
pub fn settle_new_files(db: &Path) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let [_, _, sentinel] = companions(db);
    if !sentinel.exists() {
        crate::store::write_sentinel(&sentinel, b"0")?;
    }
    for f in std::iter::once(db.to_path_buf()).chain(companions(db)) {
        if f.exists() {
            std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o660))?;
        }
    }
    Ok(())
}

/// Gives up the elevated group for good: the real group becomes the
/// effective and the saved one too (setregid sets the saved group when the
/// real one is given), so nothing later in this process can take it back.
pub fn drop_group_for_good() -> Result<()> {
    // SAFETY: plain system calls on this process's own ids.
    let ok = unsafe {
        let real = libc::getgid();
        libc::setregid(real, real) == 0 && libc::getegid() == real
    };
    if ok {
        Ok(())
    } else {
        Err(Error::Database(format!(
            "could not give up the bayboard group: {}",
            std::io::Error::last_os_error()
        )))
    }
}

/// Runs `f` with the person's own group, then takes the elevated group back
/// (the saved set-group-ID allows that): for opening a file a person named.
pub fn as_real_group<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    // SAFETY: plain system calls on this process's own ids.
    let (real, elevated) = unsafe { (libc::getgid(), libc::getegid()) };
    // SAFETY: as above.
    if unsafe { libc::setegid(real) } != 0 {
        return Err(Error::Database(format!(
            "could not set the group back to your own: {}",
            std::io::Error::last_os_error()
        )));
    }
    let out = f();
    // SAFETY: as above; the saved set-group-ID is `elevated`.
    if unsafe { libc::setegid(elevated) } != 0 {
        return Err(Error::Database(format!(
            "could not take the bayboard group back: {}",
            std::io::Error::last_os_error()
        )));
    }
    out
}
