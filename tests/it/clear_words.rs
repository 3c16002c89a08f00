//! Issue 9's "clear words": messages that misled, each now one line that
//! says what is wrong and what to do.

use crate::common::{Shop, bin, bin_on, bin_via};
use crate::tuikit::*;
use bayboard::domain::Field;
use bayboard::tui::forms::AnyForm;
use ratatui::crossterm::event::KeyCode;

#[test]
fn an_empty_bayboard_db_is_named_not_mistaken_for_a_missing_flag() {
    let out = bin().arg("board").env("BAYBOARD_DB", "").output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(err.contains("BAYBOARD_DB is set but empty"), "{err}");
    assert_eq!(err.lines().count(), 1);
}

#[test]
fn json_is_refused_where_a_command_has_none() {
    let s = Shop::staffed();
    let line = s.refused(
        Some("Boss"),
        &["--json", "staff", "add", "Zed", "--role", "qc"],
    );
    assert!(line.contains("staff add has no JSON output"), "{line}");
    let line = s.refused(None, &["--json", "backup", "x.db"]);
    assert!(line.contains("backup has no JSON output"), "{line}");
    assert_eq!(
        s.run(None, &["--json", "backup", "x.db"]).code,
        2,
        "a usage error"
    );
    assert!(!s.ok(None, &["staff", "list"]).contains("Zed"));
}

#[test]
fn a_backup_onto_the_databases_own_files_is_refused() {
    let s = Shop::staffed();
    for suffix in ["-wal", "-shm", ".changed", "-journal"] {
        let target = format!("{}{suffix}", s.db.display());
        let _ = std::fs::remove_file(&target);
        let line = s.refused(None, &["backup", &target]);
        assert!(line.contains("the database's own file"), "{suffix}: {line}");
    }
}

#[test]
fn the_board_without_a_terminal_says_so_and_writes_no_escape_codes() {
    let s = Shop::staffed();
    let out = bin_on(&s.db)
        .args(["--as", "Boss"])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "{:?}", out.stdout);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the board needs a terminal"), "{err}");
}

#[test]
fn a_clock_time_means_the_next_one_and_the_cli_says_which_day() {
    let s = Shop::staffed();
    // One minute ago in the local zone (TZ=UTC in these runs): tomorrow.
    let past = (chrono::Utc::now() - chrono::Duration::minutes(1))
        .format("%H:%M")
        .to_string();
    let r = s.run(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "HH-1",
            "--complaint",
            "x",
            "--promised",
            &past,
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("(tomorrow)"), "{}", r.stderr);
    let job = s.job(r.stdout.trim());
    let promised: chrono::DateTime<chrono::Utc> =
        job["promised_at"].as_str().unwrap().parse().unwrap();
    assert!(promised > chrono::Utc::now());
    // A full date in the past is kept, with a warning.
    let r = s.run(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "HH-2",
            "--complaint",
            "x",
            "--promised",
            "2026-01-02 09:00",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("is already in the past"), "{}", r.stderr);
}

#[test]
fn the_check_in_form_asks_before_keeping_a_promised_time_already_past() {
    let mut f = demo(Some("Emma Clark"), None);
    let before = f.app.board.queue.len();
    key(&mut f.app, KeyCode::Char('n'));
    chars(&mut f.app, "粤B·PAST1");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Wipers smear");
    for _ in 0..6 {
        key(&mut f.app, KeyCode::Tab);
    }
    // 09:00 today is past at 14:30, but typed as HH:MM it means tomorrow;
    // a full date this morning is what needs asking.
    chars(&mut f.app, "2026-11-23 09:00");
    decline_walkaround(&mut f.app);
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::CheckIn(form)) = f.app.form() else {
        panic!("form closed")
    };
    assert!(
        form.errors
            .get(Field::Promised)
            .unwrap()
            .contains("already past"),
        "{:?}",
        form.errors.get(Field::Promised)
    );
    assert_eq!(f.app.board.queue.len(), before, "nothing written yet");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    assert_eq!(f.app.board.queue.len(), before + 1);
}

/// Runs `args` as the unprivileged `nobody` when this is root (root reads
/// and writes anything), else as this user.
fn as_unprivileged(args: &[&str]) -> std::process::Output {
    let root = unsafe { libc::geteuid() } == 0;
    let mut c = if root {
        bin_via(
            "setpriv",
            &["--reuid=65534", "--regid=65534", "--clear-groups"],
        )
    } else {
        bin()
    };
    c.args(args).output().unwrap()
}

#[test]
fn a_read_only_file_is_named_as_such_and_check_and_backup_still_work() {
    use std::os::unix::fs::PermissionsExt;
    let s = Shop::staffed();
    // Closed cleanly: no -wal beside it; the folder and file become read-only.
    let dir = s.dir.path();
    std::fs::set_permissions(&s.db, std::fs::Permissions::from_mode(0o444)).unwrap();
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let db = s.db.to_str().unwrap();
    let out = as_unprivileged(&["--db", db, "board"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("is read-only for this user"), "{err}");
    assert!(!err.contains("attempt to write"), "{err}");
    let out = as_unprivileged(&["--db", db, "check"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("rules: ok"));
    let target = tempfile::tempdir().unwrap();
    std::fs::set_permissions(target.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let copy = target.path().join("copy.db");
    let out = as_unprivileged(&["--db", db, "backup", copy.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
}
