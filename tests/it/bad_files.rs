//! Bad files and environments: each gives one clear line and a non-zero
//! exit, never a panic, and never touches a file that is not ours.

use crate::common::{Shop, bin_on, run, run_on};

fn one_clear_line(stderr: &str, expect: &str) {
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("bayboard: "), "{stderr}");
    assert!(stderr.contains(expect), "wanted '{expect}' in: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn a_missing_folder_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("no/such/folder/shop.sqlite3");
    let r = run_on(&db, &["init"]);
    assert_eq!(r.code, 3);
    one_clear_line(&r.stderr, "does not exist");
    let r = run_on(&db, &["board"]);
    assert_eq!(r.code, 3);
    one_clear_line(&r.stderr, "no database at");
    assert!(!dir.path().join("no").exists());
}

#[test]
fn a_read_only_location_is_refused() {
    // /sys is read-only even for root.
    let db = std::path::Path::new("/sys/bayboard-test.sqlite3");
    let r = run_on(db, &["init"]);
    assert_eq!(r.code, 3);
    one_clear_line(&r.stderr, "cannot open database");
    assert!(!db.exists());
}

#[test]
fn a_file_that_is_not_sqlite_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("invoice.pdf");
    std::fs::write(&f, b"%PDF-1.7 not a database").unwrap();
    for args in [&["board"][..], &["init"], &["check"], &["bay", "add", "B1"]] {
        let r = run_on(&f, args);
        assert_eq!(r.code, 3, "{args:?}");
        one_clear_line(&r.stderr, "not an SQLite file");
    }
    assert_eq!(std::fs::read(&f).unwrap(), b"%PDF-1.7 not a database");
    assert!(!dir.path().join("invoice.pdf-wal").exists());
}

#[test]
fn a_database_from_a_newer_bayboard_is_refused() {
    let s = Shop::staffed();
    s.sql()
        .pragma_update(None, "user_version", bayboard::store::schema::LATEST + 1)
        .unwrap();
    let r = s.run(None, &["board"]);
    assert_eq!(r.code, 3);
    one_clear_line(
        &r.stderr,
        &format!(
            "newer bayboard (schema version {}",
            bayboard::store::schema::LATEST + 1
        ),
    );
}

#[test]
fn a_long_transaction_elsewhere_makes_writers_wait_then_give_up_cleanly() {
    let s = Shop::staffed();
    let j = s.new_job("LOCK-1");
    let holder = s.sql();
    holder
        .execute_batch("BEGIN IMMEDIATE; UPDATE shop SET name = name;")
        .unwrap();
    // Readers are not blocked by a writer (WAL).
    assert!(s.ok(None, &["board"]).contains("LOCK-1"));
    let start = std::time::Instant::now();
    let r = run(bin_on(&s.db)
        .args(["--as", "Boss", "job", "priority", &j, "urgent"])
        .env("BAYBOARD_BUSY_TIMEOUT_MS", "300"));
    assert_eq!(r.code, 3);
    one_clear_line(&r.stderr, "stayed busy");
    assert!(
        start.elapsed() >= std::time::Duration::from_millis(250),
        "it waited first"
    );
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(s.job(&j)["priority"], "normal", "nothing was changed");
    s.ok(Some("Boss"), &["job", "priority", &j, "urgent"]);
}

#[test]
fn check_reports_a_database_someone_tampered_with() {
    let s = Shop::staffed();
    let j = s.new_job("TAMPER-1");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    assert!(s.ok(None, &["check"]).contains("rules: ok"));
    let report = s.json(None, &["check"]);
    assert_eq!(report["integrity"], serde_json::json!(["ok"]));
    let c = s.sql();
    c.execute(
        "UPDATE jobs SET status = 'in_progress', version = 9 WHERE id = 1",
        [],
    )
    .unwrap();
    let r = s.run(None, &["check"]);
    assert_eq!(r.code, 3);
    assert!(r.stdout.contains("version 9 but 2 events"), "{}", r.stdout);
    assert!(
        r.stdout.contains("in progress without an open time entry"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("fails its checks"), "{}", r.stderr);
}

#[test]
fn backup_makes_a_consistent_copy_while_others_write() {
    let s = Shop::staffed();
    for i in 0..20 {
        s.new_job(&format!("BK-{i}"));
    }
    let db = s.db.clone();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flag = stop.clone();
    let writer = std::thread::spawn(move || {
        let mut ws = bayboard::workshop::Workshop::open(&db).unwrap();
        let mut n = 0;
        while !flag.load(std::sync::atomic::Ordering::Relaxed) {
            let p = if (n / 20) % 2 == 0 {
                bayboard::domain::Priority::High
            } else {
                bayboard::domain::Priority::Normal
            };
            ws.set_priority("Boss", 1 + n % 20, p, None).unwrap();
            n += 1;
        }
        n
    });
    let mut copies = Vec::new();
    for k in 0..3 {
        let copy = s.dir.path().join(format!("copy{k}.sqlite3"));
        let out = s.ok(None, &["backup", copy.to_str().unwrap()]);
        assert!(out.contains("checked"), "{out}");
        copies.push(copy);
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let writes = writer.join().unwrap();
    assert!(writes > 0);
    for copy in &copies {
        let shop = Shop {
            dir: tempfile::tempdir().unwrap(),
            db: copy.clone(),
        };
        let report = shop.json(None, &["check"]);
        assert_eq!(report["integrity"], serde_json::json!(["ok"]));
        assert_eq!(report["problems"], serde_json::json!([]));
        assert_eq!(report["jobs"], 20);
    }
    // A backup never overwrites.
    let r = s.run(None, &["backup", copies[0].to_str().unwrap()]);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("never overwrites"));
}

#[test]
fn text_another_tool_wrote_reaches_no_terminal_raw() {
    let s = Shop::staffed();
    let j = s.new_job("ESC-1");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    s.ok(
        Some("Tina"),
        &["parts", "log", &j, "--part", "Belt", "--kind", "other"],
    );
    let c = s.sql();
    c.execute_batch(
        "UPDATE jobs SET complaint = 'noise' || char(27) || '[2J' || char(7);
         UPDATE vehicles SET plate = 'AB' || char(27) || ']0;pwned' || char(7), make = char(155) || 'x';
         UPDATE staff SET name = 'Tina' || char(27) || '[31m' WHERE name = 'Tina';
         UPDATE parts_issues SET part = 'Belt' || char(13) || 'overwritten';
         UPDATE shop SET name = 'Shop' || char(27) || 'c';",
    )
    .unwrap();
    for args in [
        vec!["board"],
        vec!["job", "show", "J-000001"],
        vec!["job", "list"],
        vec!["parts", "list"],
        vec!["staff", "list"],
        vec!["bay", "list"],
    ] {
        let r = s.run(Some("Boss"), &args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\r'] {
            assert!(
                !r.stdout.contains(bad),
                "{args:?} printed {bad:?} raw: {:?}",
                r.stdout
            );
        }
    }
    // JSON keeps the stored text faithfully, escaped.
    let job = s.job("J-000001");
    assert_eq!(job["complaint"], "noise\u{1b}[2J\u{7}");
    // The board on screen too.
    let ws = bayboard::workshop::Workshop::open(&s.db).unwrap();
    let mut app = bayboard::tui::App::new(
        ws,
        Some("Boss"),
        None,
        chrono::Utc::now(),
        chrono::FixedOffset::east_opt(0).unwrap(),
    )
    .unwrap();
    for k in ["\n", "\t", "\t", "\t"] {
        let screen = crate::tuikit::render(&app, 160, 48);
        assert!(
            !screen.contains('\u{1b}') && !screen.contains('\u{7}'),
            "{screen}"
        );
        let code = if k == "\n" {
            ratatui::crossterm::event::KeyCode::Enter
        } else {
            ratatui::crossterm::event::KeyCode::Tab
        };
        app.on_key(ratatui::crossterm::event::KeyEvent::new(
            code,
            ratatui::crossterm::event::KeyModifiers::NONE,
        ));
    }
}

/// A symbolic link planted as the sentinel must not turn every commit into
/// a write to another file: bayboard refuses, says why, and the other file
/// is untouched.
#[test]
fn a_symlinked_sentinel_is_refused_and_never_written_through() {
    let s = Shop::staffed();
    let victim = s.dir.path().join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let sentinel = s.db.with_file_name("shop.sqlite3.changed");
    let _ = std::fs::remove_file(&sentinel);
    std::os::unix::fs::symlink(&victim, &sentinel).unwrap();
    let r = s.run(
        Some("Ada"),
        &["job", "new", "--plate", "SYM-1", "--complaint", "x"],
    );
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("not a plain file") && r.stderr.contains("remove it"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    // Removed, everything works again.
    std::fs::remove_file(&sentinel).unwrap();
    s.ok(
        Some("Ada"),
        &["job", "new", "--plate", "SYM-1", "--complaint", "x"],
    );
    assert!(
        std::fs::symlink_metadata(&sentinel)
            .unwrap()
            .file_type()
            .is_file()
    );
}

/// `check` names an event written earlier than the one before it on the
/// same job (times are taken inside the write transaction, so bayboard
/// never writes one).
#[test]
fn check_names_events_that_go_back_in_time() {
    let s = Shop::staffed();
    let j = s.new_job("TIME-1");
    assert!(s.ok(None, &["check"]).contains("rules: ok"));
    let c = s.sql();
    c.execute(
        "INSERT INTO events (at, actor_id, job_id, kind, from_status, to_status, note)
         VALUES ('2001-01-01T00:00:00.000Z', 1, 1, 'priority', 'waiting', 'waiting', NULL)",
        [],
    )
    .unwrap();
    c.execute("UPDATE jobs SET version = version + 1 WHERE id = 1", [])
        .unwrap();
    let r = s.run(None, &["check"]);
    assert_ne!(r.code, 0);
    assert!(r.stdout.contains("go back in time"), "{} {j}", r.stdout);
}

/// The path's `-wal` and `-shm` companions.
fn companions(db: &std::path::Path) -> [std::path::PathBuf; 2] {
    ["-wal", "-shm"].map(|s| {
        let mut p = db.as_os_str().to_owned();
        p.push(s);
        std::path::PathBuf::from(p)
    })
}

#[test]
fn a_deleted_wal_under_an_open_workshop_stops_writes_instead_of_losing_them() {
    let s = Shop::staffed();
    let mut ws = bayboard::workshop::Workshop::open(&s.db).unwrap();
    ws.log_in("Ada", None).unwrap();
    for f in companions(&s.db) {
        std::fs::remove_file(f).unwrap();
    }
    let input = bayboard::workshop::NewJobInput {
        plate: "LOST-1".into(),
        complaint: "x".into(),
        ..Default::default()
    };
    let e = ws.new_job("Ada", &input).unwrap_err().to_string();
    assert!(e.contains("-wal was deleted"), "{e}");
    assert!(e.contains("reopen"), "{e}");
    drop(ws);
    assert!(!s.ok(None, &["job", "list", "--all"]).contains("LOST-1"));
}

#[test]
fn a_database_replaced_under_an_open_workshop_is_noticed() {
    let s = Shop::staffed();
    let mut ws = bayboard::workshop::Workshop::open(&s.db).unwrap();
    // What `demo --reset` does: a new file at the same path.
    std::fs::remove_file(&s.db).unwrap();
    for f in companions(&s.db) {
        let _ = std::fs::remove_file(f);
    }
    s.ok(None, &["init"]);
    let e = ws.store().same_files().unwrap_err().to_string();
    assert!(e.contains("was replaced"), "{e}");
    let input = bayboard::workshop::NewJobInput {
        plate: "LOST-2".into(),
        complaint: "x".into(),
        ..Default::default()
    };
    assert!(ws.new_job("Ada", &input).is_err());
}

#[test]
fn the_board_says_its_file_was_replaced_instead_of_live() {
    let mut f = crate::tuikit::demo(Some("Chen Li"), None);
    assert!(crate::tuikit::render(&f.app, 120, 30).contains("live"));
    for c in companions(&f.db()) {
        std::fs::remove_file(c).unwrap();
    }
    assert!(f.app.refresh().unwrap(), "the board redraws to say so");
    let screen = crate::tuikit::render(&f.app, 120, 30);
    assert!(
        screen.contains("database file replaced — reopen"),
        "{screen}"
    );
    assert!(!screen.contains("● live"));
}

/// Issue 20, finding 11: past the file-size limit a write used to commit
/// part of its work and die by SIGXFSZ (exit 153) without a word; now it
/// is refused, worded, and nothing changes.
#[test]
fn a_file_size_limit_is_worded_and_changes_nothing() {
    use std::os::unix::process::CommandExt;
    let s = Shop::staffed();
    let j = s.new_job("ULIMIT-1");
    // Checkpoint the log into the file so the next write starts a new one.
    s.sql()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let mut cmd = bin_on(&s.db);
    cmd.args(["--as", "Boss", "job", "priority", &j, "urgent"]);
    // SAFETY: only setrlimit runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let lim = libc::rlimit {
                rlim_cur: 4096,
                rlim_max: 4096,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &lim);
            Ok(())
        });
    }
    let r = run(&mut cmd);
    assert_eq!(r.code, 3, "refused, not killed: {}", r.stderr);
    assert!(r.stderr.contains("`ulimit -f`"), "{}", r.stderr);
    assert_eq!(s.job(&j)["priority"], "normal", "nothing was changed");
}

/// Runs bayboard on `db` with a file-size limit of `bytes` (`ulimit -f`).
fn run_limited(db: &std::path::Path, bytes: u64, args: &[&str]) -> crate::common::Run {
    use std::os::unix::process::CommandExt;
    let mut cmd = bin_on(db);
    cmd.args(args);
    // SAFETY: only setrlimit runs between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: bytes,
                rlim_max: bytes,
            };
            libc::setrlimit(libc::RLIMIT_FSIZE, &lim);
            Ok(())
        });
    }
    run(&mut cmd)
}

/// Issue 20, finding 8: a backup that cannot be written whole (a full disk,
/// here a file-size limit) used to leave a 0-byte file under the backup's
/// name; now nothing is left there, not even a partial file beside it.
#[test]
fn a_backup_that_cannot_be_finished_leaves_no_file() {
    let s = Shop::demo();
    s.sql()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("copy.sqlite3");
    let r = run_limited(&s.db, 64 * 1024, &["backup", target.to_str().unwrap()]);
    assert_ne!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stderr.contains("no partial file was left"),
        "{}",
        r.stderr
    );
    let left: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    // The same backup with room to write is whole and checked.
    let r = run_on(&s.db, &["backup", target.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["copy.sqlite3"]);
}

/// Issue 20, finding 8: any command, even the read-only `board`, used to
/// turn an empty file into an empty shop. Only `init` and `demo` make one.
#[test]
fn only_init_and_demo_make_a_database_of_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("blank.sqlite3");
    std::fs::write(&db, b"").unwrap();
    for args in [
        &["board"][..],
        &["job", "list"],
        &["check"],
        &["staff", "add", "Eve", "--role", "foreman"],
    ] {
        let r = run_on(&db, args);
        assert_eq!(r.code, 3, "{args:?}: {}", r.stdout);
        one_clear_line(&r.stderr, "holds no bayboard database");
        assert_eq!(
            std::fs::metadata(&db).unwrap().len(),
            0,
            "{args:?} wrote it"
        );
    }
    // An SQLite file with nothing in it is no shop either.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch("PRAGMA journal_mode=DELETE; VACUUM;")
        .unwrap();
    let r = run_on(&db, &["board"]);
    assert_eq!(r.code, 3);
    one_clear_line(&r.stderr, "holds no bayboard database");
    let r = run_on(&db, &["init", "--shop", "Blank Garage"]);
    assert_eq!(r.code, 0, "init may: {}", r.stderr);
    assert_eq!(run_on(&db, &["board"]).code, 0);
}

/// Issue 20, finding 8: `verify --from-backup` given an empty file used to
/// make it an empty shop, which every live file "extends"; now a backup
/// that is not a bayboard database with events is refused.
#[test]
fn verify_refuses_a_backup_that_proves_nothing() {
    let s = Shop::staffed();
    let blank = s.dir.path().join("blank.sqlite3");
    std::fs::write(&blank, b"").unwrap();
    let r = s.run(None, &["verify", "--from-backup", blank.to_str().unwrap()]);
    assert_ne!(r.code, 0, "{}", r.stdout);
    assert!(
        r.stderr.contains("holds no bayboard database"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::metadata(&blank).unwrap().len(), 0);
    // A bayboard file whose events were all taken out proves nothing either.
    let gutted = s.dir.path().join("gutted.sqlite3");
    std::fs::copy(&s.db, &gutted).unwrap();
    let c = rusqlite::Connection::open(&gutted).unwrap();
    c.execute_batch(
        "PRAGMA wal_checkpoint(TRUNCATE); DROP TRIGGER events_no_delete; DELETE FROM events;",
    )
    .unwrap();
    drop(c);
    let r = s.run(None, &["verify", "--from-backup", gutted.to_str().unwrap()]);
    assert_ne!(r.code, 0, "{}", r.stdout);
    assert!(r.stderr.contains("holds no events"), "{}", r.stderr);
}
