//! After delivery: settings, follow-up calls, complaints and comebacks,
//! through the CLI (and the store where time must pass).

use crate::common::Shop;
use chrono::{Duration, Utc};

fn followup(s: &Shop, j: &str) -> serde_json::Value {
    s.job(j)["followup"].clone()
}

#[test]
fn the_foreman_sets_the_after_sales_settings_within_bounds() {
    let s = Shop::staffed();
    let v = s.json(None, &["shop", "show"]);
    assert_eq!(
        (v["followup_days"].as_i64(), v["comeback_days"].as_i64()),
        (Some(3), Some(30))
    );
    s.ok(
        Some("Boss"),
        &[
            "shop",
            "set",
            "--followup-days",
            "5",
            "--comeback-days",
            "14",
            "--day-hours",
            "7.5",
        ],
    );
    let v = s.json(None, &["shop", "show"]);
    assert_eq!(v["followup_days"], 5);
    assert_eq!(v["comeback_days"], 14);
    assert_eq!(v["day_hours"], 7.5);
    for (flag, bad) in [
        ("--followup-days", "9"),
        ("--comeback-days", "0"),
        ("--day-hours", "25"),
    ] {
        let line = s.refused(Some("Boss"), &["shop", "set", flag, bad]);
        assert!(line.contains("must be"), "{flag} {bad}: {line}");
    }
    let line = s.refused(Some("Ada"), &["shop", "set", "--followup-days", "4"]);
    assert!(line.contains("only a foreman"), "{line}");
    assert_eq!(
        s.json(None, &["shop", "show"])["followup_days"],
        5,
        "nothing changed"
    );
}

#[test]
fn a_delivered_job_falls_due_for_a_call_and_three_misses_end_it() {
    let s = Shop::staffed();
    let j = s.delivered("FU-1");
    let f = followup(&s, &j);
    assert_eq!(f["state"], "pending");
    let due: chrono::DateTime<Utc> = f["due_at"].as_str().unwrap().parse().unwrap();
    let days = (due - Utc::now()).num_hours();
    assert!(
        (71..=72).contains(&days),
        "due three days after delivery: {days} h"
    );
    assert!(
        s.json(None, &["followup", "list", "--due"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        s.json(None, &["followup", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Three days pass.
    s.sql()
        .execute(
            "UPDATE followups SET due_at = ?1",
            [bayboard::store::ts(Utc::now() - Duration::hours(1))],
        )
        .unwrap();
    let due = s.json(None, &["followup", "list", "--due"]);
    assert_eq!(due[0]["job"], j.as_str());
    assert_eq!(due[0]["state"], "due");
    let line = s.refused(Some("Tina"), &["followup", "log", &j, "--reached", "no"]);
    assert!(line.contains("only a service advisor or foreman"), "{line}");
    for _ in 0..2 {
        s.ok(Some("Ada"), &["followup", "log", &j, "--reached", "no"]);
    }
    assert_eq!(followup(&s, &j)["misses"], 2);
    s.ok(
        Some("Ada"),
        &[
            "followup",
            "log",
            &j,
            "--reached",
            "no",
            "--note",
            "voicemail",
        ],
    );
    assert_eq!(followup(&s, &j)["state"], "unreachable");
    let line = s.refused(Some("Ada"), &["followup", "log", &j, "--reached", "yes"]);
    assert!(line.contains("follow-up is done: unreachable"), "{line}");
    assert!(
        s.json(None, &["followup", "list"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_unhappy_score_opens_a_complaint_about_the_job() {
    let s = Shop::staffed();
    let j = s.delivered("FU-2");
    for (args, want) in [
        (
            vec!["--reached", "yes", "--score", "6"],
            "score: must be a whole number from 1 to 5",
        ),
        (
            vec!["--reached", "no", "--score", "3"],
            "a score needs the customer reached",
        ),
    ] {
        let mut a = vec!["followup", "log", j.as_str()];
        a.extend(args);
        let line = s.refused(Some("Ada"), &a);
        assert!(line.contains(want), "{line}");
    }
    let line = s.refused(
        Some("Ada"),
        &["followup", "log", "J-999", "--reached", "yes"],
    );
    assert!(line.contains("unknown job"), "{line}");
    let r = s.run(
        Some("Ada"),
        &[
            "followup",
            "log",
            &j,
            "--reached",
            "yes",
            "--score",
            "2",
            "--note",
            "noise is back",
            "--json",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("opened C-1 (severity 2)"), "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["complaint"], "C-1");
    assert_eq!(v["followup"]["state"], "reached");
    assert_eq!(followup(&s, &j)["state"], "reached");
    assert_eq!(followup(&s, &j)["score"], 2);
    let c = &s.json(None, &["complaint", "list"])[0];
    assert_eq!(c["id"], "C-1");
    assert_eq!(c["job"], j.as_str());
    assert_eq!(c["severity"], 2);
    assert_eq!(c["owner"], "Ada");
    assert!(c["text"].as_str().unwrap().contains("noise is back"));
}

#[test]
fn complaints_have_deadlines_owners_and_steps_in_order() {
    let s = Shop::staffed();
    let j = s.delivered("CP-1");
    let line = s.refused(
        Some("Ada"),
        &[
            "complaint",
            "new",
            "--job",
            &j,
            "--severity",
            "4",
            "--text",
            "x",
        ],
    );
    assert!(line.contains("severity: must be 1, 2 or 3"), "{line}");
    let line = s.refused(
        Some("Ada"),
        &[
            "complaint",
            "new",
            "--severity",
            "1",
            "--text",
            "x",
            "--plate",
            "CP-1",
            "--owner",
            "Tina",
        ],
    );
    assert!(line.contains("may not own a complaint"), "{line}");
    let id = s
        .ok(
            Some("Ada"),
            &[
                "complaint",
                "new",
                "--job",
                &j,
                "--severity",
                "1",
                "--text",
                "brakes failed again",
                "--owner",
                "Boss",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(id, "C-1");
    let c = &s.json(None, &["complaint", "list", "--open"])[0];
    let at = |k: &str| {
        c[k].as_str()
            .unwrap()
            .parse::<chrono::DateTime<Utc>>()
            .unwrap()
    };
    assert_eq!(at("respond_by") - at("created_at"), Duration::hours(4));
    assert_eq!(at("resolve_by") - at("created_at"), Duration::hours(48));
    assert_eq!(c["owner"], "Boss");
    assert_eq!(c["overdue"], serde_json::Value::Null);
    // By plate, without a job.
    assert_eq!(
        s.ok(
            Some("Ada"),
            &[
                "complaint",
                "new",
                "--plate",
                "walk-in 1",
                "--severity",
                "3",
                "--text",
                "rude on the phone"
            ]
        )
        .trim(),
        "C-2"
    );
    let line = s.refused(Some("Tina"), &["complaint", "ack", "C-1"]);
    assert!(line.contains("only a service advisor or foreman"), "{line}");
    let line = s.refused(Some("Ada"), &["complaint", "close", "C-1"]);
    assert!(line.contains("cannot be marked closed"), "{line}");
    s.ok(
        Some("Ada"),
        &["complaint", "ack", "C-1", "--note", "called back"],
    );
    s.ok(
        Some("Boss"),
        &["complaint", "resolve", "C-1", "--note", "caliper replaced"],
    );
    s.ok(Some("Boss"), &["complaint", "close", "C-1"]);
    let kinds: Vec<String> = s.job(&j)["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .filter(|k| k.starts_with("complaint_"))
        .collect();
    assert_eq!(
        kinds,
        [
            "complaint_opened",
            "complaint_acknowledged",
            "complaint_resolved",
            "complaint_closed"
        ]
    );
    assert_eq!(
        s.json(None, &["complaint", "list", "--open"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(s.ok(None, &["check"]).contains("rules: ok"));
}

#[test]
fn an_overdue_complaint_shows_on_the_board() {
    let s = Shop::staffed();
    s.ok(
        Some("Ada"),
        &[
            "complaint",
            "new",
            "--plate",
            "LATE-1",
            "--severity",
            "1",
            "--text",
            "no answer",
        ],
    );
    assert!(!s.ok(None, &["board"]).contains("COMPLAINT OVERDUE"));
    s.sql()
        .execute(
            "UPDATE complaints SET respond_by = ?1",
            [bayboard::store::ts(Utc::now() - Duration::minutes(5))],
        )
        .unwrap();
    let board = s.ok(None, &["board"]);
    assert!(
        board.contains("! COMPLAINT OVERDUE: C-1 severity 1 LATE-1 — response overdue"),
        "{board}"
    );
    assert_eq!(
        s.json(None, &["complaint", "list"])[0]["overdue"],
        "response overdue"
    );
}

#[test]
fn a_car_back_within_the_window_is_a_comeback_of_its_last_job() {
    let s = Shop::staffed();
    let first = s.delivered("CB-1");
    let r = s.run(
        Some("Ada"),
        &["job", "new", "--plate", "CB-1", "--complaint", "same noise"],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let again = r.stdout.trim().to_string();
    assert!(
        r.stderr
            .contains(&format!("recorded as a comeback of {first}")),
        "{}",
        r.stderr
    );
    assert_eq!(s.job(&again)["comeback_of"], first.as_str());
    assert_eq!(s.job(&first)["came_back"][0], again.as_str());
    let show = s.ok(None, &["job", "show", &again]);
    assert!(
        show.contains(&format!("Comeback   of {first} (technician Tina)")),
        "{show}"
    );
    assert!(
        s.ok(None, &["job", "show", &first])
            .contains(&format!("Came back  as {again}"))
    );
    let tina = s
        .json(None, &["staff", "list"])
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "Tina")
        .unwrap()
        .clone();
    assert_eq!(tina["comebacks"], 1);
    // Cleared by the advisor, or named by hand.
    let other = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "CB-1",
                "--complaint",
                "tyres",
                "--not-comeback",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(s.job(&other)["comeback_of"], serde_json::Value::Null);
    let line = s.refused(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "CB-2",
            "--complaint",
            "x",
            "--comeback-of",
            &first,
        ],
    );
    assert!(
        line.contains("a comeback is of a delivered job of the same car"),
        "{line}"
    );
    // Outside the window: no offer.
    s.ok(Some("Boss"), &["shop", "set", "--comeback-days", "1"]);
    s.sql()
        .execute(
            "UPDATE jobs SET closed_at = ?1 WHERE id = 1",
            [bayboard::store::ts(Utc::now() - Duration::days(2))],
        )
        .unwrap();
    let late = s.new_job("CB-1");
    assert_eq!(s.job(&late)["comeback_of"], serde_json::Value::Null);
}

fn in_minutes(m: i64) -> String {
    (chrono::Local::now() + Duration::minutes(m))
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

#[test]
fn a_booking_becomes_a_job_when_the_car_arrives() {
    let s = Shop::staffed();
    s.ok(Some("Boss"), &["shop", "set", "--day-hours", "8"]);
    let a = s
        .ok(
            Some("Ada"),
            &[
                "appt",
                "new",
                "--plate",
                "bk 1",
                "--at",
                &in_minutes(90),
                "--work",
                "Brake service",
                "--hours",
                "2",
                "--customer",
                "王强",
                "--phone",
                "+86 138 1111 2222",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(a, "A-1");
    let line = s.refused(
        Some("Tina"),
        &[
            "appt",
            "new",
            "--plate",
            "X",
            "--at",
            &in_minutes(60),
            "--work",
            "y",
        ],
    );
    assert!(line.contains("only a service advisor or foreman"), "{line}");
    let line = s.refused(
        Some("Ada"),
        &[
            "appt",
            "new",
            "--plate",
            "X",
            "--at",
            "2026-01-02 09:00",
            "--work",
            "y",
        ],
    );
    assert!(line.contains("that time has passed"), "{line}");
    let day = s.json(None, &["appt", "list"]);
    let listed = day["appointments"].as_array().unwrap();
    // Today's list (the booking may fall tomorrow late in the evening).
    if let Some(first) = listed.first() {
        assert_eq!(first["state"], "expected");
        // Tina, Tom and Dual are technicians: 3 × 8 h.
        assert_eq!(day["load"]["available"], 24.0);
    }
    let j = s
        .ok(Some("Ada"), &["job", "new", "--appointment", &a])
        .trim()
        .to_string();
    let job = s.job(&j);
    assert_eq!(job["plate"], "BK 1");
    assert_eq!(job["customer"], "王强");
    assert_eq!(job["lines"][0]["work"], "Brake service");
    assert_eq!(job["lines"][0]["hours"], 2.0);
    let line = s.refused(Some("Ada"), &["job", "new", "--appointment", &a]);
    assert!(
        line.contains(&format!("A-1 arrived already, as {j}")),
        "{line}"
    );
    // Another car on a booking is refused.
    let other = s
        .ok(
            Some("Ada"),
            &[
                "appt",
                "new",
                "--plate",
                "BK 3",
                "--at",
                &in_minutes(60),
                "--work",
                "x",
            ],
        )
        .trim()
        .to_string();
    let line = s.refused(
        Some("Ada"),
        &["job", "new", "--appointment", &other, "--plate", "OTHER 1"],
    );
    assert!(line.contains("is booked for BK 3, not OTHER 1"), "{line}");
    // A no-show only once late.
    let line = s.refused(Some("Ada"), &["appt", "no-show", &other]);
    assert!(line.contains("is not late yet"), "{line}");
    // A no-show and a cancelled booking do not arrive.
    for (cmd, want) in [
        ("no-show", "was recorded as a no-show"),
        ("cancel", "was cancelled"),
    ] {
        let b = s
            .ok(
                Some("Ada"),
                &[
                    "appt",
                    "new",
                    "--plate",
                    "BK 2",
                    "--at",
                    &in_minutes(120),
                    "--work",
                    "x",
                ],
            )
            .trim()
            .to_string();
        // The booked time passes.
        s.sql()
            .execute(
                "UPDATE appointments SET at = ?1 WHERE id = ?2",
                rusqlite::params![
                    bayboard::store::ts(Utc::now() - Duration::minutes(30)),
                    b.trim_start_matches("A-").parse::<i64>().unwrap()
                ],
            )
            .unwrap();
        s.ok(Some("Ada"), &["appt", cmd, &b]);
        let line = s.refused(Some("Ada"), &["job", "new", "--appointment", &b]);
        assert!(line.contains(want), "{line}");
        let line = s.refused(Some("Ada"), &["appt", "cancel", &b]);
        assert!(line.contains(want), "{line}");
    }
    assert!(s.ok(None, &["check"]).contains("rules: ok"));
}
