//! The guarded install (docs/ssh-terminals.md), built for real: a group of
//! its own, a setgid copy of the binary, a data folder only that group may
//! write, the root-owned configuration, and an unprivileged account
//! (`nobody`) outside the group. Needs root; says SKIP otherwise.

use crate::common::{Run, bin_path, skip};
use std::os::unix::fs::MetadataExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const CONFIG: &str = "/etc/bayboard/bayboard.toml";
/// `nobody`: an account in no group of ours.
const NOBODY: u32 = 65534;

/// Undoes what the test made outside its temporary folder, even when an
/// assertion fails half-way.
struct Install {
    group: String,
    dir: tempfile::TempDir,
    made_etc: bool,
    theirs: PathBuf,
}

impl Drop for Install {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(CONFIG);
        if self.made_etc {
            let _ = std::fs::remove_dir("/etc/bayboard");
        }
        let _ = std::fs::remove_file(&self.theirs);
        let _ = Command::new("groupdel").arg(&self.group).status();
    }
}

impl Install {
    fn bin(&self) -> PathBuf {
        self.dir.path().join("bin/bayboard")
    }
    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }
    fn db(&self) -> PathBuf {
        self.data().join("shop.sqlite3")
    }
}

fn sh(program: &str, args: &[&str]) {
    let st = Command::new(program).args(args).status().unwrap();
    assert!(st.success(), "{program} {args:?}: {st}");
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The setgid copy, with nothing of the test's environment but `extra`.
fn copy_cmd(install: &Install, extra: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(install.bin());
    cmd.env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("TZ", "UTC")
        .current_dir("/");
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd
}

fn as_root(install: &Install, args: &[&str]) -> Run {
    copy_cmd(install, &[]).args(args).output().unwrap().into()
}

fn as_nobody(install: &Install, env: &[(&str, &str)], args: &[&str]) -> Run {
    let mut cmd = copy_cmd(install, env);
    cmd.uid(NOBODY).gid(NOBODY).args(args);
    cmd.output().unwrap().into()
}

fn set_up() -> Install {
    let group = format!("bbtest{}", std::process::id());
    sh("groupadd", &[&group]);
    let made_etc = !Path::new("/etc/bayboard").exists();
    let install = Install {
        theirs: PathBuf::from(format!("/tmp/bbtest{}-theirs.sqlite3", std::process::id())),
        group,
        dir: tempfile::tempdir().unwrap(),
        made_etc,
    };
    chmod(install.dir.path(), 0o755);
    std::fs::create_dir(install.dir.path().join("bin")).unwrap();
    std::fs::copy(bin_path(), install.bin()).unwrap();
    let bin = install.bin();
    sh("chgrp", &[&install.group, bin.to_str().unwrap()]);
    chmod(&bin, 0o2755);
    std::fs::create_dir(install.data()).unwrap();
    sh("chgrp", &[&install.group, install.data().to_str().unwrap()]);
    chmod(&install.data(), 0o2770);
    std::fs::create_dir_all("/etc/bayboard").unwrap();
    std::fs::write(CONFIG, format!("db = \"{}\"\n", install.db().display())).unwrap();
    chmod(Path::new(CONFIG), 0o644);
    install
}

#[test]
fn a_guarded_install_keeps_staff_off_the_file_and_on_bayboard() {
    // SAFETY: getuid cannot fail.
    if unsafe { libc::getuid() } != 0 {
        skip(
            "guarded_install",
            "not root: making a group, a setgid binary and /etc/bayboard needs root",
        );
        return;
    }
    if Path::new(CONFIG).exists() {
        skip(
            "guarded_install",
            "this machine has its own /etc/bayboard/bayboard.toml; left alone",
        );
        return;
    }
    let install = set_up();
    let db = install.db();

    // Root makes the database through the setgid copy: the group's files,
    // 0660, with the -wal, -shm and sentinel made now and kept.
    let r = as_root(&install, &["init", "--shop", "Guarded Garage"]);
    assert_eq!(r.code, 0, "init as root: {}", r.stderr);
    let r = as_root(&install, &["staff", "add", "Boss", "--role", "foreman"]);
    assert_eq!(r.code, 0, "staff add as root: {}", r.stderr);
    let group_gid = std::fs::metadata(install.data()).unwrap().gid();
    for suffix in ["", "-wal", "-shm", ".changed"] {
        let f = PathBuf::from(format!("{}{suffix}", db.display()));
        let m = std::fs::metadata(&f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        assert_eq!((m.uid(), m.gid()), (0, group_gid), "{}", f.display());
        assert_eq!(m.mode() & 0o777, 0o660, "{}", f.display());
    }

    let probe = as_nobody(&install, &[], &["doctor", "--json"]);
    assert_eq!(probe.code, 0, "doctor as nobody: {}", probe.stderr);
    let facts: serde_json::Value = serde_json::from_str(&probe.stdout).unwrap();
    if facts["elevated"] != true {
        skip(
            "guarded_install",
            "the setgid bit does not take effect here (a nosuid mount?)",
        );
        return;
    }
    assert_eq!(facts["guarded"], true, "{}", probe.stdout);
    let text = as_nobody(&install, &[], &["doctor"]).stdout;
    assert!(
        text.contains("guarded: staff cannot write the file without bayboard"),
        "{text}"
    );

    staff_cannot_use_sqlite3(&install);

    // bayboard works for them, reading and writing.
    for args in [&["board"][..], &["staff", "list"]] {
        let r = as_nobody(&install, &[], args);
        assert_eq!(r.code, 0, "{args:?} as nobody: {}", r.stderr);
    }
    let r = as_nobody(
        &install,
        &[],
        &[
            "--as",
            "Boss",
            "staff",
            "add",
            "Wang Wei",
            "--role",
            "technician",
        ],
    );
    assert_eq!(r.code, 0, "staff add as nobody: {}", r.stderr);
    let listed = as_nobody(&install, &[], &["staff", "list"]).stdout;
    assert!(listed.contains("Wang Wei"), "{listed}");
    // The shop key is root's and the group's to read: bayboard signs with
    // it for them, but they cannot read it themselves.
    let key = bayboard::store::key::key_path(&db);
    let k = std::fs::metadata(&key).unwrap();
    assert_eq!((k.uid(), k.gid(), k.mode() & 0o777), (0, group_gid, 0o640));
    let cat = Command::new("cat")
        .arg(&key)
        .uid(NOBODY)
        .gid(NOBODY)
        .output()
        .unwrap();
    assert!(!cat.status.success(), "nobody read the shop key");
    let checked = as_nobody(&install, &[], &["check"]);
    assert!(
        checked
            .stdout
            .contains("signed with the shop key, verified"),
        "{}{}",
        checked.stdout,
        checked.stderr
    );
    // Naming the configured file is fine.
    let db_text = db.to_str().unwrap();
    let r = as_nobody(&install, &[], &["--db", db_text, "board"]);
    assert_eq!(r.code, 0, "--db the configured file: {}", r.stderr);

    // A configuration someone other than root could have written is not
    // believed.
    chmod(Path::new(CONFIG), 0o664);
    let r = as_nobody(&install, &[], &["board"]);
    assert_eq!(r.code, 1, "a group-writable configuration: {}", r.stderr);
    assert!(r.stderr.contains("writable by its group"), "{}", r.stderr);
    chmod(Path::new(CONFIG), 0o644);

    other_databases_are_refused(&install);
    backups_are_written_as_the_person(&install);
}

fn staff_cannot_use_sqlite3(install: &Install) {
    let has_sqlite3 = Command::new("sqlite3").arg("-version").output().is_ok();
    if !has_sqlite3 {
        skip(
            "guarded_install: sqlite3",
            "no sqlite3 here: the direct write is not tried",
        );
        return;
    }
    let out = Command::new("sqlite3")
        .arg(install.db())
        .arg("UPDATE staff SET name = 'x'")
        .uid(NOBODY)
        .gid(NOBODY)
        .current_dir("/")
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "sqlite3 wrote the guarded file as nobody"
    );
    // Read-only: a writable connection's last close would delete the -wal
    // and -shm the install keeps (and a guarded run then refuses to start).
    let conn = rusqlite::Connection::open_with_flags(
        install.db(),
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
    )
    .unwrap();
    let renamed: i64 = conn
        .query_row("SELECT count(*) FROM staff WHERE name = 'x'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(renamed, 0);
}

fn other_databases_are_refused(install: &Install) {
    let elsewhere = format!("/tmp/bbtest{}-elsewhere.sqlite3", std::process::id());
    let by_flag = as_nobody(install, &[], &["--db", &elsewhere, "init"]);
    let by_env = as_nobody(install, &[("BAYBOARD_DB", &elsewhere)], &["board"]);
    for r in [by_flag, by_env] {
        assert_eq!(r.code, 1, "{}", r.stderr);
        assert_eq!(r.stderr.lines().count(), 1, "{}", r.stderr);
        assert!(r.stderr.contains("opens only"), "{}", r.stderr);
    }
    assert!(!Path::new(&elsewhere).exists());
    let demo = as_nobody(install, &[], &["demo", "--seed-only"]);
    assert_eq!(demo.code, 1, "demo in a guarded install: {}", demo.stderr);
}

fn backups_are_written_as_the_person(install: &Install) {
    let theirs = install.theirs.to_str().unwrap();
    let r = as_nobody(install, &[], &["backup", theirs]);
    assert_eq!(r.code, 0, "backup as nobody: {}", r.stderr);
    let m = std::fs::metadata(&install.theirs).unwrap();
    assert_eq!((m.uid(), m.gid()), (NOBODY, NOBODY), "the backup is theirs");
    let r = as_nobody(install, &[], &["verify", "--from-backup", theirs]);
    assert_eq!(r.code, 0, "verify as nobody: {}", r.stderr);

    let inside = install.data().join("copy.sqlite3");
    let r = as_nobody(install, &[], &["backup", inside.to_str().unwrap()]);
    assert_ne!(r.code, 0, "a backup into the group's folder");
    assert!(r.stderr.contains("own folder"), "{}", r.stderr);
    assert!(!inside.exists());
    // Nor over a file only the group may write, elsewhere: the write is
    // made without the group, so it is the folder's own rights that count.
    let shared = install.dir.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    sh("chgrp", &[&install.group, shared.to_str().unwrap()]);
    chmod(&shared, 0o2775);
    let target = shared.join("copy.sqlite3");
    let r = as_nobody(install, &[], &["backup", target.to_str().unwrap()]);
    assert_eq!(
        r.code, 3,
        "a backup into a group-writable folder: {}",
        r.stderr
    );
    assert!(!target.exists());
}
