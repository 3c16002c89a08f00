//! Issue 20, findings 1–3: a record nobody on the staff can forge. Each
//! attack is played as a staff member with the database file (the stock
//! tools and bayboard's own open-source chain code) but not the shop key.

use crate::common::{Shop, sql_count};
use bayboard::store::{chain, key};
use rusqlite::{Connection, params};

fn check_problems(s: &Shop) -> Vec<String> {
    s.check_problems()
}

fn job_id(label: &str) -> i64 {
    label.trim_start_matches("J-").parse().unwrap()
}

fn staff_id(c: &Connection, name: &str) -> i64 {
    c.query_row("SELECT id FROM staff WHERE name = ?1", [name], |r| r.get(0))
        .unwrap()
}

/// Appends a QC pass "signed" by `inspector`, its hash valid for the chain
/// and its PIN proof computed from the stored PIN hash. With `inspection`
/// the inspection row is written too; `mac` is what goes in the signature.
pub(crate) fn append_qc_pass(
    c: &Connection,
    job: i64,
    inspector: &str,
    inspection: bool,
    mac: Mac,
) {
    let who = staff_id(c, inspector);
    let at = "2026-12-03T09:00:00.000Z";
    if inspection {
        c.execute(
            "INSERT INTO qc_inspections (job_id, inspector_id, result, road_test_done, created_at)
             VALUES (?1, ?2, 'pass', 0, ?3)",
            params![job, who, at],
        )
        .unwrap();
    }
    let pin: Option<String> = c
        .query_row("SELECT pin_hash FROM staff WHERE id = ?1", [who], |r| {
            r.get(0)
        })
        .unwrap();
    let (last, prev) = chain::head(c).unwrap().unwrap();
    let link = chain::Link {
        id: last + 1,
        at: at.into(),
        actor_id: Some(who),
        job_id: Some(job),
        kind: "qc_passed".into(),
        from: Some("ready_for_qc".into()),
        to: Some("qc_passed".into()),
        note: None,
        signed: pin.as_deref().map(chain::key_print),
        params: None,
        pin_by: None,
    };
    let covered = chain::covered(c, &link).unwrap();
    let hash = chain::digest(&chain::unhex(&prev).unwrap(), &link, &covered);
    let mac = match mac {
        Mac::None => None,
        Mac::Guessed => Some(chain::hex(&[7u8; 32])),
        Mac::StolenKey(db) => match key::load(&db) {
            key::KeyState::Loaded(k) => Some(k.sign(&hash)),
            _ => panic!("the test reads the key"),
        },
    };
    c.execute(
        "INSERT INTO events (id, at, actor_id, job_id, kind, from_status, to_status,
                             signed_key, hash, mac)
         VALUES (?1, ?2, ?3, ?4, 'qc_passed', 'ready_for_qc', 'qc_passed', ?5, ?6, ?7)",
        params![link.id, at, who, job, link.signed, chain::hex(&hash), mac],
    )
    .unwrap();
}

pub(crate) enum Mac {
    None,
    Guessed,
    StolenKey(std::path::PathBuf),
}

/// Finding 1: an appended sign-off with a valid hash used to pass `check`
/// and `verify --from-backup`; without the shop key it cannot be signed.
#[test]
fn an_appended_sign_off_without_the_key_is_named_by_check_and_verify() {
    for (plate, mac, expect) in [
        ("FORGE-1", Mac::None, "carries no signature"),
        ("FORGE-2", Mac::Guessed, "is not signed with the shop key"),
    ] {
        let s = Shop::staffed();
        let j = s.ready_for_qc(plate);
        s.ok(Some("Quinn"), &["staff", "pin", "Quinn", "--new", "2468"]);
        let backup = s.dir.path().join("before.sqlite3");
        s.ok(None, &["backup", backup.to_str().unwrap()]);
        append_qc_pass(&s.sql(), job_id(&j), "Quinn", true, mac);
        let problems = check_problems(&s).join("\n");
        assert!(problems.contains(expect), "{problems}");
        assert!(
            problems.contains("(qc_passed at 2026-12-03T09:00:00.000Z)"),
            "{problems}"
        );
        let r = s.run(None, &["verify", "--from-backup", backup.to_str().unwrap()]);
        assert_ne!(r.code, 0, "verify vouched for it: {}", r.stdout);
        assert!(r.stdout.contains(expect), "{}", r.stdout);
    }
}

/// Finding 1: a QC event with no inspection row behind it is named, even
/// signed with the real key (someone who has it, root, still cannot make
/// a sign-off out of thin air unnoticed).
#[test]
fn a_sign_off_without_its_inspection_is_named() {
    let s = Shop::staffed();
    let j = s.ready_for_qc("FORGE-3");
    let db = s.db.clone();
    append_qc_pass(&s.sql(), job_id(&j), "Quinn", false, Mac::StolenKey(db));
    let problems = check_problems(&s).join("\n");
    assert!(problems.contains("signs no inspection"), "{problems}");
    assert!(
        !problems.contains("signature"),
        "the signature itself holds: {problems}"
    );
}

/// Finding 2: swapping two people's names (and PINs) re-attributed a
/// PIN-signed sign-off; each row is now held to its own staff_added event.
#[test]
fn swapped_staff_rows_are_named() {
    let s = Shop::staffed();
    s.ok(Some("Tom"), &["staff", "pin", "Tom", "--new", "1357"]);
    let j = s.new_job("SWAP-1");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tom"],
    );
    assert!(check_problems(&s).is_empty(), "{:?}", check_problems(&s));
    s.sql()
        .execute_batch(
            "UPDATE staff SET name = 'Tmp' WHERE name = 'Tina';
             UPDATE staff SET name = 'Tina' WHERE name = 'Tom';
             UPDATE staff SET name = 'Tom' WHERE name = 'Tmp';
             UPDATE staff SET pin_hash = (SELECT pin_hash FROM staff WHERE name = 'Tina')
              WHERE name = 'Tom';
             UPDATE staff SET pin_hash = NULL WHERE name = 'Tina';",
        )
        .unwrap();
    let problems = check_problems(&s).join("\n");
    assert!(
        problems.contains("reads Tom (technician), but it was added as Tina (technician)"),
        "{problems}"
    );
    assert!(
        problems.contains("reads Tina (technician), but it was added as Tom (technician)"),
        "{problems}"
    );
}

/// Finding 3: a PIN set by someone else marks every sign-off it makes, the
/// owner is told when they log in, and the marks stop once they set their
/// own. `check` sees nothing wrong in any of it.
#[test]
fn a_sign_off_with_a_pin_someone_else_set_is_marked() {
    let s = Shop::staffed();
    let j = s.ready_for_qc("MARK-1");
    let k = s.new_job("MARK-2");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &k, "--bay", "B2", "--tech", "Tom"],
    );
    s.ok(Some("Tom"), &["job", "start", &k]);
    s.lines_done("Tom", &k);
    s.ok(Some("Tom"), &["job", "finish", &k]);
    s.ok(Some("Boss"), &["staff", "pin", "Boss", "--new", "1357"]);
    s.ok(Some("Quinn"), &["staff", "pin", "Quinn", "--new", "2468"]);
    // Boss kept his PIN first: he may reset Quinn's (a forgotten PIN).
    s.ok(
        Some("Boss"),
        &["--pin", "1357", "staff", "pin", "Quinn", "--new", "8642"],
    );
    let r = s.run(Some("Quinn"), &["--pin", "8642", "qc", "pass", &j]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stderr.contains("your PIN was set by Boss"),
        "{}",
        r.stderr
    );
    let show = s.ok(None, &["job", "show", &j]);
    assert!(show.contains("⚠ PIN set by Boss"), "{show}");
    // The board marks it among the cars waiting for delivery.
    let board = s.ok(None, &["board"]);
    let row = board
        .lines()
        .find(|l| l.contains("MARK-1"))
        .unwrap_or_default();
    assert!(row.contains("⚠ PIN set by Boss"), "{board}");
    let marked = sql_count(
        &s.sql(),
        "SELECT count(*) FROM events WHERE pin_by IS NOT NULL AND kind = 'qc_passed'",
    );
    assert_eq!(marked, 1);
    // Quinn sets their own: no note, no mark from then on.
    s.ok(
        Some("Quinn"),
        &["--pin", "8642", "staff", "pin", "Quinn", "--new", "9753"],
    );
    let r = s.run(Some("Quinn"), &["--pin", "9753", "qc", "pass", &k]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(!r.stderr.contains("set by"), "{}", r.stderr);
    assert!(!s.ok(None, &["job", "show", &k]).contains("PIN set by"));
    assert!(
        s.ok(None, &["job", "show", &j])
            .contains("⚠ PIN set by Boss")
    );
    assert!(check_problems(&s).is_empty(), "{:?}", check_problems(&s));
}

/// The key stays outside the database: a copy without it is never signed
/// under a new key, and `check` says plainly that it could not verify.
#[test]
fn without_its_key_a_signed_record_is_not_written_and_check_says_so() {
    let s = Shop::staffed();
    let j = s.new_job("KEY-1");
    let kept = s.dir.path().join("kept.key");
    std::fs::rename(key::key_path(&s.db), &kept).unwrap();
    let r = s.run(Some("Boss"), &["job", "priority", &j, "urgent"]);
    assert_eq!(r.code, 3, "{}", r.stdout);
    assert!(r.stderr.contains("shop key"), "{}", r.stderr);
    assert!(r.stderr.contains("is missing"), "{}", r.stderr);
    assert!(!key::key_path(&s.db).exists(), "no new key was made");
    let out = s.ok(None, &["check"]);
    assert!(out.contains("NOT verified: no shop key"), "{out}");
    std::fs::rename(&kept, key::key_path(&s.db)).unwrap();
    s.ok(Some("Boss"), &["job", "priority", &j, "urgent"]);
    let out = s.ok(None, &["check"]);
    assert!(out.contains("signed with the shop key, verified"), "{out}");
    let mode = std::os::unix::fs::PermissionsExt::mode(
        &std::fs::metadata(key::key_path(&s.db))
            .unwrap()
            .permissions(),
    );
    assert_eq!(mode & 0o777, 0o640, "owner and group only");
}
