//! Every refusal: non-zero exit, one clear line naming the job, its state and
//! what is allowed, and nothing changed.

use crate::common::Shop;

/// A job in progress on B1 with Tina.
fn running(s: &Shop) -> String {
    let j = s.new_job("RUN-1");
    s.at_work(&j);
    j
}

/// Asserts the refusal and that the job is exactly as before.
fn refused_unchanged(s: &Shop, j: &str, who: &str, args: &[&str]) -> String {
    let before = s.job(j);
    let line = s.refused(Some(who), args);
    assert_eq!(s.job(j), before, "a refusal changed {j}: {line}");
    line
}

#[test]
fn illegal_transitions_name_the_job_its_state_and_what_is_allowed() {
    let s = Shop::staffed();
    let j = s.new_job("ILL-1");
    let line = refused_unchanged(&s, &j, "Tina", &["job", "start", &j]);
    assert!(line.contains("J-000001 is waiting: cannot start"), "{line}");
    assert!(
        line.contains("allowed now: dispatch, priority, cancel"),
        "{line}"
    );
    let line = refused_unchanged(&s, &j, "Ada", &["job", "deliver", &j]);
    assert!(line.contains("cannot deliver"), "{line}");
    let line = refused_unchanged(&s, &j, "Quinn", &["qc", "pass", &j]);
    assert!(line.contains("cannot qc pass"), "{line}");
    s.ok(Some("Boss"), &["job", "cancel", &j, "--reason", "test"]);
    let line = refused_unchanged(
        &s,
        &j,
        "Boss",
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    assert!(
        line.contains("is cancelled") && line.contains("nothing more"),
        "{line}"
    );
    let line = refused_unchanged(
        &s,
        &j,
        "Tina",
        &["parts", "log", &j, "--part", "x", "--kind", "other"],
    );
    assert!(line.contains("cannot log a parts issue"), "{line}");
}

#[test]
fn wrong_role_is_refused() {
    let s = Shop::staffed();
    let j = s.new_job("ROLE-1");
    let line = refused_unchanged(
        &s,
        &j,
        "Tina",
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    assert!(
        line.contains("Tina (technician) may not dispatch J-000001 (waiting): only a foreman can"),
        "{line}"
    );
    refused_unchanged(&s, &j, "Ada", &["job", "cancel", &j, "--reason", "x"]);
    refused_unchanged(&s, &j, "Pat", &["job", "priority", &j, "urgent"]);
    let line = s.refused(
        Some("Tina"),
        &["job", "new", "--plate", "X1", "--complaint", "y"],
    );
    assert!(line.contains("only a service advisor or foreman"), "{line}");
    let j2 = running(&s);
    s.lines_done("Tina", &j2);
    s.ok(Some("Tina"), &["job", "finish", &j2]);
    let line = refused_unchanged(&s, &j2, "Boss", &["qc", "pass", &j2]);
    assert!(line.contains("only a QC inspector can"), "{line}");
    s.ok(Some("Quinn"), &["qc", "pass", &j2]);
    refused_unchanged(&s, &j2, "Tina", &["job", "deliver", &j2]);
    // Parts: only parts staff or the foreman move an issue on.
    let j3 = s.new_job("ROLE-3");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j3, "--bay", "B2", "--tech", "Tom"],
    );
    let p = s.ok(
        Some("Tom"),
        &["parts", "log", &j3, "--part", "Hose", "--kind", "damaged"],
    );
    let line = s.refused(
        Some("Tom"),
        &["parts", "update", p.trim(), "--status", "resolved"],
    );
    assert!(line.contains("only a parts staff or foreman"), "{line}");
    let line = s.refused(
        Some("Quinn"),
        &["parts", "log", &j3, "--part", "Hose", "--kind", "damaged"],
    );
    assert!(line.contains("may not log a parts issue"), "{line}");
}

#[test]
fn technicians_act_only_on_their_own_jobs() {
    let s = Shop::staffed();
    let j = s.new_job("OWN-1");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    let line = refused_unchanged(&s, &j, "Tom", &["job", "start", &j]);
    assert!(
        line.contains("J-000001 (dispatched) is Tina's job: Tom may not start it"),
        "{line}"
    );
    s.ok(Some("Tina"), &["job", "start", &j]);
    refused_unchanged(&s, &j, "Tom", &["job", "pause", &j]);
    refused_unchanged(&s, &j, "Tom", &["job", "finish", &j]);
    let line = refused_unchanged(
        &s,
        &j,
        "Tom",
        &["parts", "log", &j, "--part", "x", "--kind", "other"],
    );
    assert!(line.contains("another technician's job"), "{line}");
}

#[test]
fn a_taken_bay_is_refused_with_the_free_ones() {
    let s = Shop::staffed();
    let a = s.new_job("BAY-1");
    let b = s.new_job("BAY-2");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &a, "--bay", "B1", "--tech", "Tina"],
    );
    let line = refused_unchanged(
        &s,
        &b,
        "Boss",
        &["job", "dispatch", &b, "--bay", "B1", "--tech", "Tom"],
    );
    assert_eq!(
        line,
        "bayboard: bay B1 is taken by J-000001; free bays: B2, P1"
    );
    let line = refused_unchanged(&s, &a, "Boss", &["job", "reassign", &a, "--bay", "B1"]);
    assert!(
        line.contains("already has bay B1 and technician Tina; nothing to change"),
        "{line}"
    );
    let line = refused_unchanged(&s, &b, "Boss", &["job", "reassign", &b, "--tech", "Tom"]);
    assert!(
        line.contains("J-000002 is waiting: cannot reassign"),
        "{line}"
    );
    s.ok(Some("Boss"), &["job", "reassign", &a, "--bay", "B2"]);
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &b, "--bay", "B1", "--tech", "Tom"],
    );
}

#[test]
fn unknown_job_bay_and_person_are_refused() {
    let s = Shop::staffed();
    let j = s.new_job("UNK-1");
    let line = s.refused(
        Some("Boss"),
        &[
            "job", "dispatch", "J-000099", "--bay", "B1", "--tech", "Tina",
        ],
    );
    assert!(line.contains("unknown job 'J-000099'"), "{line}");
    let line = s.refused(Some("Boss"), &["job", "show", "banana"]);
    assert!(line.contains("unknown job 'banana'"), "{line}");
    let line = refused_unchanged(
        &s,
        &j,
        "Boss",
        &["job", "dispatch", &j, "--bay", "B9", "--tech", "Tina"],
    );
    assert!(
        line.contains("unknown bay 'B9'; bays: B1, B2, P1"),
        "{line}"
    );
    let line = refused_unchanged(
        &s,
        &j,
        "Boss",
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Nobody"],
    );
    assert!(
        line.contains("unknown person 'Nobody'") && line.contains("Tina"),
        "{line}"
    );
    let line = refused_unchanged(
        &s,
        &j,
        "Boss",
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Quinn"],
    );
    assert!(line.contains("Quinn is not a technician"), "{line}");
    let line = refused_unchanged(&s, &j, "Ghost", &["job", "priority", &j, "high"]);
    assert!(line.contains("unknown person 'Ghost'"), "{line}");
    let line = s.refused(
        Some("Pat"),
        &["parts", "update", "P-42", "--status", "ordered"],
    );
    assert!(line.contains("unknown parts issue 'P-42'"), "{line}");
    let line = s.refused(None, &["job", "start", &j]);
    assert!(line.contains("--as NAME"), "{line}");
}

#[test]
fn a_stale_view_is_refused_never_overwritten() {
    let s = Shop::staffed();
    let j = s.new_job("STALE-1");
    let seen = s.job(&j)["version"].as_i64().unwrap().to_string();
    // Someone else changes the job meanwhile.
    s.ok(Some("Boss"), &["job", "priority", &j, "high"]);
    let line = refused_unchanged(
        &s,
        &j,
        "Boss",
        &[
            "job",
            "dispatch",
            &j,
            "--bay",
            "B1",
            "--tech",
            "Tina",
            "--if-version",
            &seen,
        ],
    );
    assert_eq!(
        line,
        "bayboard: J-000001 changed since you looked (version 1 → 2); it is now waiting; nothing was changed"
    );
    let now = s.job(&j)["version"].as_i64().unwrap().to_string();
    s.ok(
        Some("Boss"),
        &[
            "job",
            "dispatch",
            &j,
            "--bay",
            "B1",
            "--tech",
            "Tina",
            "--if-version",
            &now,
        ],
    );
}

#[test]
fn qc_is_refused_to_an_inspector_who_worked_the_job() {
    let s = Shop::staffed();
    let j = s.new_job("QC-1");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Dual"],
    );
    s.ok(Some("Dual"), &["job", "start", &j]);
    s.lines_done("Dual", &j);
    s.ok(Some("Dual"), &["job", "finish", &j]);
    let line = refused_unchanged(&s, &j, "Dual", &["qc", "pass", &j]);
    assert!(
        line.contains("Dual worked on J-000001 (ready for QC) and may not inspect it"),
        "{line}"
    );
    refused_unchanged(
        &s,
        &j,
        "Dual",
        &["qc", "fail", &j, "--item", "no_leaks=fail"],
    );
    // Reassigning does not wash away who worked it.
    let line = refused_unchanged(
        &s,
        &j,
        "Quinn",
        &["qc", "pass", &j, "--item", "no_leaks=fail"],
    );
    assert!(
        line.contains("cannot pass with failed items (no_leaks)"),
        "{line}"
    );
    let line = refused_unchanged(
        &s,
        &j,
        "Quinn",
        &["qc", "fail", &j, "--item", "no_leaks=pass"],
    );
    assert!(line.contains("needs at least one failed item"), "{line}");
    let line = refused_unchanged(
        &s,
        &j,
        "Quinn",
        &["qc", "pass", &j, "--item", "sunroof=pass"],
    );
    assert!(line.contains("unknown checklist item 'sunroof'"), "{line}");
    let line = refused_unchanged(&s, &j, "Quinn", &["qc", "pass", &j, "--item", "no_leaks"]);
    assert!(line.contains("ID=pass|fail|na"), "{line}");
    s.ok(Some("Quinn"), &["qc", "pass", &j]);
}

#[test]
fn a_technician_has_one_clock() {
    let s = Shop::staffed();
    let a = running(&s);
    let b = s.new_job("CLK-2");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &b, "--bay", "B2", "--tech", "Tina"],
    );
    let line = refused_unchanged(&s, &b, "Tina", &["job", "start", &b]);
    assert_eq!(
        line,
        format!("bayboard: Tina is clocked on {a}; pause or finish it before starting {b}")
    );
    s.ok(Some("Tina"), &["job", "pause", &a]);
    s.ok(Some("Tina"), &["job", "start", &b]);
}

#[test]
fn bad_input_is_refused_field_by_field() {
    let s = Shop::staffed();
    for (args, expect) in [
        (
            vec!["--plate", "", "--complaint", "x"],
            "plate: must not be empty",
        ),
        (
            vec!["--plate", "A1", "--complaint", "  "],
            "complaint: must not be empty",
        ),
        (
            vec!["--plate", "A1", "--complaint", "x\u{1b}[2J"],
            "complaint: contains the control character U+001B",
        ),
        (
            vec!["--plate", "ABCDEFGHIJKLMNOPQ", "--complaint", "x"],
            "plate: is 17 characters long; at most 16",
        ),
        (
            vec!["--plate", "A1", "--complaint", "x", "--vin", "123"],
            "vin: '123' has 3 characters",
        ),
        (
            vec![
                "--plate",
                "A1",
                "--complaint",
                "x",
                "--vin",
                "1HGCM82643A004352",
            ],
            "check digit",
        ),
        (
            vec!["--plate", "A1", "--complaint", "x", "--estimate-hours", "0"],
            "estimate hours: must be more than 0",
        ),
        (
            vec![
                "--plate",
                "A1",
                "--complaint",
                "x",
                "--estimate-hours",
                "-2",
            ],
            "estimate hours",
        ),
        (
            vec!["--plate", "A1", "--complaint", "x", "--year", "1800"],
            "year: must be between 1900",
        ),
        (
            vec!["--plate", "A1", "--complaint", "x", "--odometer", "-5"],
            "odometer",
        ),
        (
            vec!["--plate", "A1", "--complaint", "x", "--promised", "soon"],
            "promised: 'soon' is not a time",
        ),
        (
            vec![
                "--plate",
                "A1",
                "--complaint",
                "x",
                "--promised",
                "1999-01-01 10:00",
            ],
            "more than a year away",
        ),
        (
            vec!["--plate", "A1", "--complaint", "x", "--phone", "call me"],
            "phone",
        ),
    ] {
        let mut a = vec!["job", "new"];
        a.extend(args.iter());
        let line = s.refused(Some("Ada"), &a);
        assert!(line.contains(expect), "{args:?}: {line}");
    }
    assert!(
        s.json(None, &["job", "list", "--all"])
            .as_array()
            .unwrap()
            .is_empty(),
        "nothing was created"
    );
    let j = s.new_job("OK-1");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    let line = refused_unchanged(
        &s,
        &j,
        "Tina",
        &[
            "parts", "log", &j, "--part", "x", "--kind", "other", "--qty", "0",
        ],
    );
    assert!(
        line.contains("quantity: must be a whole number from 1"),
        "{line}"
    );
    let r = s.run(
        Some("Tina"),
        &["parts", "log", &j, "--part", "x", "--kind", "lost"],
    );
    assert_eq!(r.code, 2, "clap rejects an unknown kind");
    assert!(
        r.stderr.contains("unknown parts issue kind 'lost'"),
        "{}",
        r.stderr
    );
    let r = s.run(
        Some("Tina"),
        &[
            "parts", "log", &j, "--part", "x", "--kind", "other", "--qty", "two",
        ],
    );
    assert_eq!(r.code, 2);
    let line = refused_unchanged(&s, &j, "Boss", &["job", "cancel", &j, "--reason", ""]);
    assert!(line.contains("reason: must not be empty"), "{line}");
    let line = s.refused(Some("Boss"), &["staff", "add", "tina", "--role", "qc"]);
    assert_eq!(line, "bayboard: person 'tina' already exists");
    let line = s.refused(Some("Boss"), &["bay", "add", "b1"]);
    assert_eq!(line, "bayboard: bay 'b1' already exists");
}

#[test]
fn setup_needs_a_foreman_once_the_shop_has_staff() {
    let s = Shop::empty();
    // The very first person needs nobody's permission.
    s.ok(None, &["staff", "add", "Tess", "--role", "technician"]);
    let line = s.refused(None, &["bay", "add", "B1"]);
    assert!(line.contains("needs a foreman"), "{line}");
    let line = s.refused(Some("Tess"), &["staff", "add", "Fred", "--role", "foreman"]);
    assert!(
        line.contains("Tess (technician) may not add staff: only a foreman can"),
        "{line}"
    );
    assert_eq!(
        s.json(None, &["staff", "list"]).as_array().unwrap().len(),
        1
    );
}

#[test]
fn refusals_exit_one_and_database_trouble_exits_three() {
    let s = Shop::staffed();
    let j = s.new_job("EXIT-1");
    assert_eq!(s.run(Some("Tina"), &["job", "start", &j]).code, 1);
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.sqlite3");
    let r = crate::common::run_on(&missing, &["board"]);
    assert_eq!(r.code, 3);
    assert!(r.stderr.contains("no database at"));
    assert!(!missing.exists(), "a mistyped --db leaves no stray file");
}

#[test]
fn na_only_where_the_checklist_allows_it_and_a_distance_means_a_road_test() {
    let s = Shop::staffed();
    let j = s.new_job("QC-NA-1");
    s.at_work(&j);
    s.lines_done("Tina", &j);
    s.ok(Some("Tina"), &["job", "finish", &j]);
    for item in ["road_test=na", "work_done=na", "no_leaks=na"] {
        let line = s.refused(Some("Quinn"), &["qc", "pass", &j, "--item", item]);
        assert!(line.contains("cannot be n/a"), "{line}");
    }
    assert_eq!(s.status(&j), "ready_for_qc", "nothing was signed");
    // A failed road test with its distance: the inspection records that
    // the road test was done.
    s.ok(
        Some("Quinn"),
        &[
            "qc",
            "fail",
            &j,
            "--item",
            "wheel_torque=na",
            "--item",
            "road_test=fail",
            "--road-test-km",
            "40",
        ],
    );
    let qc = &s.job(&j)["qc"][0];
    assert_eq!(qc["road_test_done"], true);
    assert_eq!(qc["road_test_km"], 40.0);
}
