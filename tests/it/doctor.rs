//! `bayboard doctor` on an ordinary (unguarded) database: it says so, says
//! why, and names who can write the file; it never fails for what it finds.

use crate::common::{Shop, run_on};
use std::os::unix::fs::PermissionsExt;

#[test]
fn doctor_on_an_ordinary_database_says_not_guarded_and_who_can_write() {
    let shop = Shop::empty();
    let r = run_on(&shop.db, &["doctor"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let text = &r.stdout;
    assert!(text.contains("this run: not elevated"), "{text}");
    assert!(
        text.contains(&format!("file:     {}", shop.db.display())),
        "{text}"
    );
    assert!(
        text.contains("can write the database directly: owner "),
        "{text}"
    );
    let verdict = text.lines().last().unwrap();
    assert!(verdict.starts_with("not guarded: "), "{verdict}");
    assert!(verdict.contains("is not setgid"), "{verdict}");

    let json = shop.json(None, &["doctor"]);
    assert_eq!(json["guarded"], false);
    assert_eq!(json["elevated"], false);
    assert_eq!(json["setgid"], false);
    assert_eq!(json["db_from"], "--db");
    assert_eq!(json["files"][0]["path"], shop.db.display().to_string());
    let owner = json["files"][0]["owner"].as_str().unwrap();
    assert_eq!(json["writers"]["owner"], owner);
    assert_eq!(json["writers"]["others"], false);
    assert!(json["writers"]["you_can"].is_boolean());
    // The companions SQLite and bayboard keep: listed whether there or not.
    let names: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    for suffix in ["-wal", "-shm", ".changed"] {
        assert!(names.iter().any(|n| n.ends_with(suffix)), "{names:?}");
    }
}

#[test]
fn doctor_names_a_file_every_account_can_write_and_a_missing_one() {
    let shop = Shop::empty();
    std::fs::set_permissions(&shop.db, std::fs::Permissions::from_mode(0o666)).unwrap();
    let r = run_on(&shop.db, &["doctor"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("others yes"), "{}", r.stdout);
    let verdict = r.stdout.lines().last().unwrap();
    assert!(
        verdict.contains(&format!("every account can write {}", shop.db.display())),
        "{verdict}"
    );

    let missing = shop.dir.path().join("none.sqlite3");
    let r = run_on(&missing, &["doctor"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("(not there)"), "{}", r.stdout);
    assert!(r.stdout.contains("there is no database at"), "{}", r.stdout);
    assert!(!missing.exists(), "doctor made a file");
}
