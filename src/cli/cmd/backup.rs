//! `bayboard backup`: a checked copy of the database under another name.
//! It says one sentence, so it refuses `--json` before it gets here.

use super::check::{faults, open_to_read};
use crate::cli::Ctx;
use crate::error::{Error, Result};
use crate::store;
use crate::workshop::Workshop;
use std::path::{Path, PathBuf};

/// Whether `file` is the database itself or one of the files SQLite and
/// bayboard keep beside it (a backup written there would vanish or corrupt).
fn beside_the_database(db: &Path, file: &Path) -> bool {
    let absolute = |p: &Path| -> Option<PathBuf> {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.canonicalize().ok()?,
            _ => std::env::current_dir().ok()?,
        };
        Some(dir.join(p.file_name()?))
    };
    let (Some(db), Some(file)) = (absolute(db), absolute(file)) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal", ".changed"]
        .iter()
        .any(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            p == file.as_os_str()
        })
}

/// Refuses a target that would lose the backup or an existing file.
fn writable_target(db: &Path, file: &Path) -> Result<()> {
    if beside_the_database(db, file) {
        return Err(Error::Database(format!(
            "{} is the database's own file (or one SQLite keeps beside it); write the backup \
             to another name, ideally on another disk",
            file.display()
        )));
    }
    if file.exists() {
        return Err(Error::Database(format!(
            "{} already exists; bayboard never overwrites a file with a backup",
            file.display()
        )));
    }
    if let Some(dir) = file.parent()
        && !dir.as_os_str().is_empty()
        && !dir.is_dir()
    {
        return Err(Error::Database(format!(
            "cannot write {}: the folder {} does not exist",
            file.display(),
            dir.display()
        )));
    }
    Ok(())
}

/// A guarded (setgid) run must not let a person write with the group's
/// rights: the database is copied into memory with them, the connection to
/// it closed, the group given up for good, and only then is the file
/// written, as the person themself. So a backup lands only where they could
/// write anyway; the data folder is refused by name, for a clear word.
fn guarded_copy(ctx: &Ctx, file: &Path) -> Result<store::Store> {
    crate::guard::as_real_group(|| writable_target(&ctx.db, file))?;
    let folder = |p: &Path| {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty());
        dir.unwrap_or(Path::new(".")).canonicalize().ok()
    };
    if folder(file).is_some_and(|f| Some(f) == folder(&ctx.db)) {
        return Err(Error::Denied(format!(
            "guarded install: {} is in the database's own folder; write the backup \
             somewhere you may write yourself",
            file.display()
        )));
    }
    let memory = open_to_read(ctx)?.into_memory()?;
    crate::guard::drop_group_for_good()?;
    Ok(memory)
}

pub(crate) fn backup(ctx: &Ctx, file: &Path) -> Result<()> {
    let guarded = crate::guard::elevated();
    let st = if guarded {
        guarded_copy(ctx, file)?
    } else {
        writable_target(&ctx.db, file)?;
        open_to_read(ctx)?
    };
    store::backup(st.connection(), file).map_err(|e| {
        Error::Database(format!(
            "could not write the backup {} ({e}); no partial file was left there",
            file.display()
        ))
    })?;
    // Guarded, the copy is only read: opening it to write would leave a
    // kept -wal and -shm beside it (store::keep_companion_files).
    let copy = match guarded {
        true => store::Store::open_read_only(file)?,
        false => Workshop::open(file)?.into_store(),
    };
    let report = copy.check()?;
    if !report.ok() {
        return Err(Error::Database(format!(
            "wrote {}, a faithful copy, but it fails its checks as the original does \
             ({} problem(s); `bayboard check` names them)",
            file.display(),
            faults(&report)
        )));
    }
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    crate::cli::output::put(&format!(
        "backed up {} jobs and {} events to {} ({:.1} MB), checked\n",
        report.jobs,
        report.events,
        file.display(),
        size as f64 / 1e6
    ))?;
    Ok(())
}
