//! A job's whole life through the real binary: check-in, dispatch, start,
//! blocking parts issue, parts resolved, finish, QC fail, rework, QC pass,
//! delivery — with every step in the event log.

use crate::common::Shop;

#[test]
fn a_job_goes_from_check_in_to_delivery() {
    let s = Shop::staffed();
    let j = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "粤B·12345",
                "--complaint",
                "Brakes squeal",
                "--vin",
                "1HGCM82633A004352",
                "--make",
                "Honda",
                "--model",
                "Accord",
                "--year",
                "2003",
                "--odometer",
                "182000",
                "--customer",
                "张伟",
                "--phone",
                "+86 138 0013 8000",
                "--priority",
                "high",
                "--estimate-hours",
                "2.5",
                "--promised",
                "2026-11-23 17:00",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(j, "J-000001", "job new prints the number alone");
    let job = s.job(&j);
    assert_eq!(job["status"], "waiting");
    assert_eq!(job["plate"], "粤B·12345");
    assert_eq!(job["priority"], "high");
    assert_eq!(job["promised_at"], "2026-11-23T17:00:00Z");
    assert_eq!(job["vehicle"]["vin"], "1HGCM82633A004352");
    assert_eq!(job["version"], 1);

    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    let job = s.job(&j);
    assert_eq!(
        (
            job["status"].as_str(),
            job["bay"].as_str(),
            job["technician"].as_str()
        ),
        (Some("dispatched"), Some("B1"), Some("Tina"))
    );

    s.ok(Some("tina"), &["job", "start", &j]);
    assert_eq!(s.status(&j), "in_progress");

    let p = s.ok(
        Some("Tina"),
        &[
            "parts",
            "log",
            &j,
            "--part",
            "Brake pads",
            "--kind",
            "out_of_stock",
            "--qty",
            "2",
            "--blocking",
        ],
    );
    let p = p.trim();
    assert_eq!(p, "P-1", "parts log prints the id alone");
    assert_eq!(s.status(&j), "waiting_parts");
    let board = s.json(None, &["board"]);
    assert_eq!(board["parts"][0]["blocking"], true);
    assert_eq!(
        board["technicians"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == "Tina")
            .unwrap()["clocked_on"],
        serde_json::Value::Null,
        "the clock stops while waiting for parts"
    );

    s.ok(
        Some("Pat"),
        &[
            "parts",
            "update",
            p,
            "--status",
            "ordered",
            "--eta",
            "2026-11-24 10:00",
        ],
    );
    s.ok(Some("Pat"), &["parts", "update", p, "--status", "received"]);
    assert_eq!(
        s.status(&j),
        "waiting_parts",
        "still waiting until resolved"
    );
    s.ok(Some("Pat"), &["parts", "update", p, "--status", "resolved"]);
    assert_eq!(s.status(&j), "paused", "back to paused: it was in progress");

    s.ok(Some("Tina"), &["job", "resume", &j]);
    s.lines_done("Tina", &j);
    s.ok(
        Some("Tina"),
        &["job", "finish", &j, "--note", "pads fitted, test drive ok"],
    );
    assert_eq!(s.status(&j), "ready_for_qc");
    let board = s.json(None, &["board"]);
    assert_eq!(board["qc"][0]["number"], j.as_str());

    let out = s.ok(
        Some("Quinn"),
        &[
            "qc",
            "fail",
            &j,
            "--item",
            "wheel_torque=fail",
            "--note",
            "rear left nut loose",
        ],
    );
    assert!(out.contains("wheel_torque"), "{out}");
    let job = s.job(&j);
    assert_eq!(job["status"], "rework");
    assert_eq!(job["rework_count"], 1);
    assert_eq!(job["bay"], "B1", "rework keeps the bay");
    assert_eq!(job["qc"][0]["result"], "fail");

    s.ok(Some("Tina"), &["job", "start", &j]);
    s.ok(Some("Tina"), &["job", "finish", &j]);
    s.ok(
        Some("Quinn"),
        &[
            "qc",
            "pass",
            &j,
            "--item",
            "old_parts=na",
            "--road-test-km",
            "7.5",
        ],
    );
    let job = s.job(&j);
    assert_eq!(job["status"], "qc_passed");
    assert_eq!(job["bay"], serde_json::Value::Null, "QC pass frees the bay");
    let qc = &job["qc"][1];
    assert_eq!(qc["result"], "pass");
    assert_eq!(qc["inspector"], "Quinn");
    assert_eq!(qc["road_test_km"], 7.5);
    assert_eq!(
        qc["items"].as_array().unwrap().len(),
        10,
        "every checklist item is recorded"
    );
    let board = s.json(None, &["board"]);
    assert_eq!(board["bays"][0]["job"], serde_json::Value::Null);

    s.ok(Some("Ada"), &["job", "deliver", &j]);
    let job = s.job(&j);
    assert_eq!(job["status"], "delivered");
    assert!(job["closed_at"].is_string());

    let kinds: Vec<&str> = job["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "created",
            "dispatched",
            "started",
            "parts_logged",
            "waiting_parts",
            "parts_ordered",
            "parts_received",
            "parts_resolved",
            "parts_cleared",
            "resumed",
            "line_done",
            "finished",
            "qc_failed",
            "started",
            "finished",
            "qc_passed",
            "delivered",
            // The shop's interval at delivery (issue 24).
            "next_service_set"
        ]
    );
    assert_eq!(
        job["version"].as_i64().unwrap(),
        kinds.len() as i64,
        "version = number of events"
    );
    for e in job["events"].as_array().unwrap() {
        assert!(
            e["at"].as_str().unwrap().ends_with('Z'),
            "timestamps are UTC"
        );
        assert!(e["actor"].is_string(), "every step names who did it");
    }
    // Nothing is open any more.
    assert!(
        s.json(None, &["job", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.json(None, &["job", "list", "--status", "delivered"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(
        s.json(None, &["parts", "list", "--open"])
            .as_array()
            .unwrap()
            .is_empty()
    );

    let text = s.ok(None, &["job", "show", &j]);
    for needle in [
        "J-000001",
        "delivered",
        "粤B·12345",
        "Timeline",
        "QC failed",
        "Wheel nuts torqued",
        "Quinn",
    ] {
        assert!(text.contains(needle), "job show lacks {needle}:\n{text}");
    }
    // Codes stay in JSON; the text reads as words.
    for code in ["qc_failed", "parts_logged", "in_progress", "out_of_stock"] {
        assert!(
            !text.contains(code),
            "job show prints the code {code}:\n{text}"
        );
    }
}

#[test]
fn reassign_release_priority_and_cancel() {
    let s = Shop::staffed();
    let j = s.new_job("ABC-1234");
    s.ok(Some("Boss"), &["job", "priority", &j, "urgent"]);
    assert_eq!(s.job(&j)["priority"], "urgent");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "b1", "--tech", "tina"],
    );
    s.ok(Some("Tina"), &["job", "start", &j]);
    // Reassigning a running job to someone else stops Tina's clock.
    s.ok(
        Some("Boss"),
        &["job", "reassign", &j, "--bay", "B2", "--tech", "Tom"],
    );
    let job = s.job(&j);
    assert_eq!(
        (
            job["status"].as_str(),
            job["bay"].as_str(),
            job["technician"].as_str()
        ),
        (Some("paused"), Some("B2"), Some("Tom"))
    );
    s.ok(Some("Tom"), &["job", "resume", &j]);
    // Release: the car goes to the lot; the job keeps its technician.
    s.ok(Some("Boss"), &["job", "release", &j]);
    let job = s.job(&j);
    assert_eq!(
        (job["status"].as_str(), job["bay"].as_str()),
        (Some("paused"), None)
    );
    let line = s.refused(Some("Tom"), &["job", "resume", &j]);
    assert!(line.contains("has no bay"), "{line}");
    let board = s.json(None, &["board"]);
    assert_eq!(
        board["parked"][0]["number"],
        j.as_str(),
        "a job without a bay is still on the board"
    );
    s.ok(
        Some("Boss"),
        &[
            "job",
            "cancel",
            &j,
            "--reason",
            "customer took the car elsewhere",
        ],
    );
    let job = s.job(&j);
    assert_eq!(job["status"], "cancelled");
    assert_eq!(
        job["events"].as_array().unwrap().last().unwrap()["note"],
        "customer took the car elsewhere"
    );
}

#[test]
fn cancelling_closes_open_parts_issues_and_the_clock() {
    let s = Shop::staffed();
    let j = s.new_job("CAN-1");
    s.at_work(&j);
    s.ok(
        Some("Tina"),
        &["parts", "log", &j, "--part", "Gasket", "--kind", "other"],
    );
    s.ok(
        Some("Boss"),
        &["job", "cancel", &j, "--reason", "declined estimate"],
    );
    assert!(
        s.json(None, &["parts", "list", "--open"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    let board = s.json(None, &["board"]);
    let tina = board["technicians"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Tina")
        .unwrap()
        .clone();
    assert_eq!(tina["clocked_on"], serde_json::Value::Null);
    assert_eq!(board["bays"][0]["job"], serde_json::Value::Null);
    // Tina is free to start another job.
    let k = s.new_job("CAN-2");
    s.at_work(&k);
}

#[test]
fn listings_print_text_and_json() {
    let s = Shop::staffed();
    let j = s.new_job("京A·12345");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    let bays = s.json(None, &["bay", "list"]);
    assert_eq!(bays[0]["name"], "B1");
    assert_eq!(bays[0]["job"]["number"], j.as_str());
    assert_eq!(bays[1]["job"], serde_json::Value::Null);
    let staff = s.json(None, &["staff", "list"]);
    assert!(
        staff
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["name"] == "Dual" && p["roles"] == serde_json::json!(["technician", "qc"]))
    );
    let jobs = s.json(None, &["job", "list"]);
    for key in [
        "number",
        "status",
        "plate",
        "bay",
        "technician",
        "priority",
        "promised_at",
        "rework_count",
        "version",
    ] {
        assert!(jobs[0].get(key).is_some(), "job JSON lacks {key}");
    }
    let p = s.ok(
        Some("Tina"),
        &[
            "parts",
            "log",
            &j,
            "--part",
            "Filter",
            "--kind",
            "backorder",
        ],
    );
    let parts = s.json(None, &["parts", "list"]);
    for key in ["id", "job", "part", "kind", "status", "blocking"] {
        assert!(parts[0].get(key).is_some(), "parts JSON lacks {key}");
    }
    assert_eq!(parts[0]["id"], p.trim());
    let board = s.json(None, &["board"]);
    for key in ["bays", "queue", "parts", "qc"] {
        assert!(board.get(key).is_some(), "board JSON lacks {key}");
    }
    let checklist = s.json(None, &["qc", "checklist"]);
    assert!(checklist.as_array().unwrap().len() >= 8);

    let text = s.ok(None, &["board"]);
    assert!(text.contains("Test Garage"));
    assert!(text.contains("◇ dispatched"), "{text}");
    let bay_lines: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("B1") || l.starts_with("Bay"))
        .collect();
    assert_eq!(bay_lines.len(), 2);
    // Columns line up with the header even with a CJK plate.
    let col = |line: &str, word: &str| {
        let i = line.find(word).unwrap();
        unicode_width::UnicodeWidthStr::width(&line[..i])
    };
    assert_eq!(col(bay_lines[0], "Job"), col(bay_lines[1], "J-000001"));
    assert!(s.ok(None, &["staff", "list"]).contains("Quinn"));
    assert!(s.ok(None, &["bay", "list"]).contains("free"));
    assert!(s.ok(None, &["job", "list"]).contains("京A·12345"));
    assert!(s.ok(None, &["parts", "list", "--open"]).contains("Filter"));
    assert!(s.ok(None, &["qc", "checklist"]).contains("wheel_torque"));
}

#[test]
fn every_command_has_help() {
    let s = Shop::empty();
    for args in [
        vec!["--help"],
        vec!["demo", "--help"],
        vec!["init", "--help"],
        vec!["board", "--help"],
        vec!["bay", "add", "--help"],
        vec!["bay", "list", "--help"],
        vec!["staff", "add", "--help"],
        vec!["staff", "list", "--help"],
        vec!["job", "new", "--help"],
        vec!["job", "list", "--help"],
        vec!["job", "show", "--help"],
        vec!["job", "dispatch", "--help"],
        vec!["job", "start", "--help"],
        vec!["job", "pause", "--help"],
        vec!["job", "resume", "--help"],
        vec!["job", "finish", "--help"],
        vec!["job", "release", "--help"],
        vec!["job", "priority", "--help"],
        vec!["job", "cancel", "--help"],
        vec!["job", "deliver", "--help"],
        vec!["job", "reassign", "--help"],
        vec!["parts", "log", "--help"],
        vec!["parts", "update", "--help"],
        vec!["parts", "list", "--help"],
        vec!["qc", "checklist", "--help"],
        vec!["qc", "pass", "--help"],
        vec!["qc", "fail", "--help"],
    ] {
        let out = s.ok(None, &args);
        assert!(out.contains("Usage:"), "{args:?}");
    }
}

#[test]
fn demo_seed_only_builds_a_full_shop() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite3");
    let s = Shop { dir, db };
    s.ok(None, &["demo", "--seed-only"]);
    let board = s.json(None, &["board"]);
    assert!(board["bays"].as_array().unwrap().len() >= 6);
    assert!(!board["queue"].as_array().unwrap().is_empty());
    assert!(!board["qc"].as_array().unwrap().is_empty());
    assert!(
        s.ok(None, &["board"]).contains("! late"),
        "the demo has a late job"
    );
}

#[test]
fn priority_says_what_changed_and_details_show_clocked_time() {
    let s = Shop::staffed();
    let j = s.new_job("PRIO-1");
    let out = s.ok(Some("Boss"), &["job", "priority", &j, "urgent"]);
    assert_eq!(out.trim(), format!("{j} is now urgent priority (waiting)"));
    s.at_work(&j);
    let p = s
        .ok(
            Some("Tina"),
            &["parts", "log", &j, "--part", "Pads", "--kind", "backorder"],
        )
        .trim()
        .to_string();
    s.ok(
        Some("Pat"),
        &[
            "parts", "update", &p, "--status", "ordered", "--eta", "23:59",
        ],
    );
    let text = s.ok(None, &["job", "show", &j]);
    assert!(text.contains("Clocked 0.0 h"), "{text}");
    assert!(
        !text.contains(":00.000Z"),
        "ETA in local words, not UTC: {text}"
    );
}

#[test]
fn the_board_text_reads_parts_kinds_as_words() {
    let s = Shop::staffed();
    let j = s.new_job("KIND-1");
    s.ok(
        Some("Boss"),
        &["job", "dispatch", &j, "--bay", "B1", "--tech", "Tina"],
    );
    s.ok(
        Some("Tina"),
        &[
            "parts",
            "log",
            &j,
            "--part",
            "Pads",
            "--kind",
            "out_of_stock",
        ],
    );
    let board = s.ok(None, &["board"]);
    assert!(board.contains("out of stock"), "{board}");
    assert!(!board.contains("out_of_stock"), "{board}");
    let list = s.ok(None, &["parts", "list"]);
    assert!(
        list.contains("out of stock") && !list.contains("out_of_stock"),
        "{list}"
    );
}
