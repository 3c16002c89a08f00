//! `bayboard doctor`: how the install stands, read from the file system
//! only (the database is never opened), and above all who can write the
//! database file without going through bayboard. Exits 0 whatever it finds;
//! only facts it cannot read are an error.

use crate::cli::Ctx;
use crate::cli::output::{Output, emit};
use crate::error::{Error, Result};
use crate::guard;
use serde::Serialize;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// A path and, when it is there, whose it is and its mode.
#[derive(Serialize)]
struct Entry {
    path: String,
    #[serde(flatten)]
    stat: Option<Stat>,
}

#[derive(Serialize)]
struct Stat {
    owner: String,
    group: String,
    uid: u32,
    gid: u32,
    /// Octal, with the setgid digit: "2755".
    mode: String,
    #[serde(skip)]
    bits: u32,
}

impl Entry {
    fn of(path: &Path) -> Entry {
        let stat = std::fs::symlink_metadata(path).ok().map(|m| Stat {
            owner: user_name(m.uid()),
            group: group_name(m.gid()),
            uid: m.uid(),
            gid: m.gid(),
            mode: format!("{:04o}", m.mode() & 0o7777),
            bits: m.mode() & 0o7777,
        });
        Entry {
            path: path.display().to_string(),
            stat,
        }
    }

    fn line(&self, label: &str) -> String {
        match &self.stat {
            Some(s) => format!(
                "{label:<9} {}  {}:{} {}\n",
                self.path, s.owner, s.group, s.mode
            ),
            None => format!("{label:<9} {}  (not there)\n", self.path),
        }
    }
}

/// Who can write the database file directly, without bayboard.
#[derive(Serialize)]
struct Writers {
    owner: Option<String>,
    /// The group, when its write bit is set.
    group: Option<String>,
    /// Accounts in that group (listed in it, or having it as their own).
    group_members: Vec<String>,
    others: bool,
    /// The person running doctor (real ids, as `access(2)` asks).
    you: String,
    you_can: bool,
}

#[derive(Serialize)]
struct Doctor {
    binary: Entry,
    setgid: bool,
    elevated: bool,
    real_user: String,
    real_group: String,
    effective_group: String,
    config: Entry,
    config_problem: Option<String>,
    /// Where the database's name came from: config, --db or default.
    db_from: &'static str,
    folder: Option<Entry>,
    files: Vec<Entry>,
    writers: Option<Writers>,
    guarded: bool,
    reasons: Vec<String>,
}

impl Output for Doctor {
    fn text(&self) -> String {
        let mut out = self.binary.line("binary:");
        out += &format!(
            "this run: {} (user {}, group {}, effective group {})\n",
            if self.elevated {
                "elevated"
            } else {
                "not elevated"
            },
            self.real_user,
            self.real_group,
            self.effective_group
        );
        out += &self.config.line("config:");
        if let Some(p) = &self.config_problem {
            out += &format!("          {p}\n");
        }
        if let Some(f) = &self.folder {
            out += &f.line("folder:");
        }
        for f in &self.files {
            out += &f.line("file:");
        }
        if let Some(w) = &self.writers {
            out += &format!(
                "can write the database directly: owner {}; group {}; others {}; you ({}) {}\n",
                w.owner.as_deref().unwrap_or("-"),
                match &w.group {
                    Some(g) if w.group_members.is_empty() => format!("{g} (no accounts in it)"),
                    Some(g) => format!("{g} ({})", w.group_members.join(", ")),
                    None => "no".into(),
                },
                if w.others { "yes" } else { "no" },
                w.you,
                if w.you_can { "yes" } else { "no" }
            );
        }
        out + &if self.guarded {
            "guarded: staff cannot write the file without bayboard\n".to_string()
        } else {
            format!("not guarded: {}\n", self.reasons.join("; "))
        }
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

/// The database doctor looks at: the configuration's when this run is
/// elevated (as every other command would) or when no --db was given and
/// the configuration is good; otherwise what this run would open.
fn chosen_db(ctx: &Ctx, config: &Result<PathBuf>) -> Result<(Option<PathBuf>, &'static str)> {
    let elevated = guard::elevated();
    Ok(match config {
        Ok(db) if elevated || ctx.default_db => (Some(db.clone()), "config"),
        Err(_) if elevated => (None, "config"),
        _ if !ctx.default_db => (Some(ctx.db.clone()), "--db"),
        _ => (Some(crate::cli::default_db("bayboard.sqlite3")?), "default"),
    })
}

fn beside(db: &Path, suffix: &str) -> PathBuf {
    let mut p = db.as_os_str().to_owned();
    p.push(suffix);
    PathBuf::from(p)
}

pub(crate) fn doctor(ctx: &Ctx) -> Result<()> {
    let exe = std::env::current_exe()
        .map_err(|e| Error::Database(format!("cannot find this program's own file: {e}")))?;
    let binary = Entry::of(&exe);
    let Some(bin) = &binary.stat else {
        return Err(Error::Database(format!("cannot look at {}", exe.display())));
    };
    let setgid = bin.bits & 0o2000 != 0;
    let config_path = Path::new(guard::CONFIG);
    let configured = guard::configured_db(config_path);
    let (db, db_from) = chosen_db(ctx, &configured)?;
    // SAFETY: these calls cannot fail and touch no memory.
    let (uid, gid, egid) = unsafe { (libc::getuid(), libc::getgid(), libc::getegid()) };
    let mut files: Vec<Entry> = Vec::new();
    if let Some(db) = &db {
        files.push(Entry::of(db));
        files.extend(guard::companions(db).iter().map(|p| Entry::of(p)));
        let key = beside(db, ".key");
        if key.exists() {
            files.push(Entry::of(&key));
        }
    }
    let folder = db.as_ref().and_then(|d| d.parent()).map(|d| {
        Entry::of(if d.as_os_str().is_empty() {
            Path::new(".")
        } else {
            d
        })
    });
    let writers = db.as_ref().zip(files.first()).and_then(|(db, e)| {
        let s = e.stat.as_ref()?;
        Some(Writers {
            owner: (s.bits & 0o200 != 0).then(|| s.owner.clone()),
            group: (s.bits & 0o020 != 0).then(|| s.group.clone()),
            group_members: if s.bits & 0o020 != 0 {
                group_members(s.gid)
            } else {
                vec![]
            },
            others: s.bits & 0o002 != 0,
            you: user_name(uid),
            you_can: real_ids_can_write(db),
        })
    });
    let mut doctor = Doctor {
        binary,
        setgid,
        elevated: guard::elevated(),
        real_user: user_name(uid),
        real_group: group_name(gid),
        effective_group: group_name(egid),
        config: Entry::of(config_path),
        config_problem: configured
            .as_ref()
            .err()
            .map(|e| match config_path.exists() {
                false => format!("no configuration at {}", config_path.display()),
                true => e.to_string().replacen("guarded install: ", "", 1),
            }),
        db_from,
        folder,
        files,
        writers,
        guarded: false,
        reasons: Vec::new(),
    };
    doctor.reasons = reasons(&doctor, uid);
    doctor.guarded = doctor.reasons.is_empty();
    emit(ctx, &doctor)
}

/// Everything that lets someone other than root write the database (or the
/// files SQLite writes it through) without bayboard, or keeps the guard from
/// working; empty when the install is guarded.
fn reasons(d: &Doctor, uid: u32) -> Vec<String> {
    let mut out = Vec::new();
    let bin = d.binary.stat.as_ref();
    if !d.setgid {
        out.push(format!("the binary {} is not setgid", d.binary.path));
    }
    if let Some(p) = &d.config_problem {
        out.push(p.clone());
    }
    let Some(db) = d.files.first() else {
        return out;
    };
    let Some(s) = &db.stat else {
        out.push(format!("there is no database at {}", db.path));
        return out;
    };
    let bin_group = bin.map(|b| b.gid);
    if d.setgid && bin_group != Some(s.gid) {
        out.push(format!(
            "the database's group is {}, not the binary's ({})",
            s.group,
            bin.map_or("?", |b| b.group.as_str())
        ));
    }
    if let Some(w) = &d.writers {
        if w.others {
            out.push(format!("every account can write {}", db.path));
        }
        if !w.group_members.is_empty() {
            out.push(format!(
                "the group {} has accounts in it ({}), and they can write the file directly",
                s.group,
                w.group_members.join(", ")
            ));
        }
        if w.you_can && uid != 0 {
            out.push(format!("you ({}) can write {} directly", w.you, db.path));
        }
    }
    for f in &d.files[1..] {
        match &f.stat {
            // Only a setgid run needs them made beforehand.
            None if d.setgid && !f.path.ends_with(".key") => out.push(format!(
                "{} is not there (a guarded run refuses; run a bayboard command once as root)",
                f.path
            )),
            Some(c) if c.uid != s.uid => out.push(format!(
                "{} belongs to {}, who can write it directly",
                f.path, c.owner
            )),
            Some(c) if c.bits & 0o002 != 0 => {
                out.push(format!("every account can write {}", f.path))
            }
            // Whoever reads the shop key can sign events as bayboard.
            Some(c) if f.path.ends_with(".key") && c.bits & 0o004 != 0 => out.push(format!(
                "every account can read the shop key {}, and so sign events",
                f.path
            )),
            _ => {}
        }
    }
    if let Some(Some(f)) = d.folder.as_ref().map(|f| f.stat.as_ref())
        && (f.bits & 0o002 != 0 || (f.bits & 0o020 != 0 && Some(f.gid) != bin_group))
    {
        out.push(format!(
            "the folder {} ({}:{} {}) lets others than bayboard's group replace the files",
            d.folder.as_ref().map_or("", |e| e.path.as_str()),
            f.owner,
            f.group,
            f.mode
        ));
    }
    out
}

/// `access(2)` answers with the real user and group: the person running
/// bayboard, not the group its setgid bit lends.
fn real_ids_can_write(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: a NUL-terminated path that outlives the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

fn user_name(uid: u32) -> String {
    account_field(uid, "/etc/passwd", 2).unwrap_or_else(|| uid.to_string())
}

fn group_name(gid: u32) -> String {
    account_field(gid, "/etc/group", 2).unwrap_or_else(|| gid.to_string())
}

/// The name on the line of `file` whose `column` (from 0) is `id`. The
/// files themselves rather than the C library's lookups: doctor reports the
/// local accounts, and these are what `groupadd` and `useradd` write.
fn account_field(id: u32, file: &str, column: usize) -> Option<String> {
    let text = std::fs::read_to_string(file).ok()?;
    text.lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.get(column).and_then(|v| v.parse::<u32>().ok()) == Some(id))
        .map(|f| f[0].to_string())
}

/// The accounts listed in the group, and those whose own group it is.
fn group_members(gid: u32) -> Vec<String> {
    let read = |f: &str| std::fs::read_to_string(f).unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for l in read("/etc/group").lines() {
        let f: Vec<&str> = l.split(':').collect();
        if f.get(2).and_then(|v| v.parse::<u32>().ok()) == Some(gid) {
            out.extend(
                f.get(3)
                    .into_iter()
                    .flat_map(|m| m.split(','))
                    .map(str::to_string),
            );
        }
    }
    for l in read("/etc/passwd").lines() {
        let f: Vec<&str> = l.split(':').collect();
        if f.get(3).and_then(|v| v.parse::<u32>().ok()) == Some(gid) {
            out.push(f[0].to_string());
        }
    }
    out.retain(|m| !m.is_empty());
    out.sort();
    out.dedup();
    out
}
