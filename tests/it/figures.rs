//! The manager's figures: a small history worked out by hand (across the
//! end of British Summer Time) asserted figure by figure through
//! `bayboard report`; the dashboard showing what `report --json` says;
//! the CSV a spreadsheet reads; tallies that split and merge.

use crate::common::{bin_on, lines_done_in, new_job_in};
use crate::tuikit::{demo, key, now, render};
use bayboard::domain::aftersales::ComplaintStatus;
use bayboard::domain::qc::Verdict;
use bayboard::domain::{BayKind, JobAction, PartKind, PartStatus, Role, Urgency, Via};
use bayboard::read::figures::{Depth, Span, Tally, Zone, tally};
use bayboard::store;
use bayboard::workshop::{
    Comeback, Found, Inspection, LineInput, NewJobInput, NewPartsInput, Workshop,
};
use chrono::{DateTime, NaiveDate, Utc};
use ratatui::crossterm::event::KeyCode;
use serde_json::{Value, json};
use std::path::Path;
use std::sync::{Arc, Mutex};

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// `bayboard report` as the shop's computer in zone `tz` runs it.
fn report(db: &Path, tz: &str, args: &[&str]) -> std::process::Output {
    bin_on(db)
        .arg("report")
        .args(args)
        .env("TZ", tz)
        .output()
        .unwrap()
}

fn report_json(db: &Path, tz: &str, args: &[&str]) -> Value {
    let mut a = vec!["--json"];
    a.extend_from_slice(args);
    let out = report(db, tz, &a);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Three visits over the weekend the clocks went back in London (25 Oct
/// 2026, 02:00 BST → 01:00 GMT), each step at a stated UTC moment.
fn hand_made_history(db: &Path) {
    let clock = Arc::new(Mutex::new(at("2026-10-20T08:00:00Z")));
    let mut ws = Workshop::create(db).unwrap();
    let c = clock.clone();
    ws.set_clock(Arc::new(move || *c.lock().unwrap()));
    let set = |t: &str| *clock.lock().unwrap() = at(t);
    ws.add_staff(None, "Boss", &[Role::Foreman], &[]).unwrap();
    for (n, r) in [
        ("Ada", Role::Advisor),
        ("Tom", Role::Technician),
        ("Ann", Role::Technician),
        ("Quinn", Role::Qc),
        ("Pat", Role::Parts),
    ] {
        ws.add_staff(Some("Boss"), n, &[r], &[]).unwrap();
    }
    for b in ["B1", "B2"] {
        ws.add_bay(Some("Boss"), b, BayKind::Mechanical).unwrap();
    }
    let check_in = |ws: &mut Workshop, plate: &str, promised: Option<&str>, hours: f64| {
        let n = ws
            .new_job(
                "Ada",
                &NewJobInput {
                    plate: plate.into(),
                    complaint: "service".into(),
                    promised_at: promised.map(at),
                    comeback: Comeback::Offered,
                    ..Default::default()
                },
            )
            .unwrap()
            .id;
        let line = ws.store().read(|c| store::lines_for_job(c, n)).unwrap()[0].id;
        ws.price_line("Ada", line, Some(hours), None, None).unwrap();
        n
    };
    let pass = |ws: &mut Workshop, n: i64, v: Verdict| {
        let marks = if v == Verdict::Fail {
            vec![bayboard::domain::qc::Mark {
                id: "wheel_torque".into(),
                result: bayboard::domain::ItemResult::Fail,
                note: Some("loose".into()),
            }]
        } else {
            vec![]
        };
        ws.inspect(
            "Quinn",
            n,
            v,
            &Inspection {
                marks,
                road_test_km: Some(5.0),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    };

    // J-1, Tom in B1, Saturday 24 Oct (BST, UTC+1); delivered at 00:30 BST
    // on Sunday: a day of its own in London, the 24th in UTC.
    set("2026-10-24T08:00:00Z");
    let j1 = check_in(&mut ws, "AB12 CDE", Some("2026-10-25T00:00:00Z"), 2.0);
    set("2026-10-24T08:30:00Z");
    ws.dispatch("Boss", j1, "B1", "Tom", None).unwrap();
    set("2026-10-24T09:00:00Z");
    ws.act("Tom", j1, JobAction::Start, None, None).unwrap();
    set("2026-10-24T11:00:00Z");
    lines_done_in(&mut ws, "Tom", j1);
    ws.act("Tom", j1, JobAction::Finish, None, None).unwrap();
    set("2026-10-24T11:30:00Z");
    pass(&mut ws, j1, Verdict::Pass);
    set("2026-10-24T23:30:00Z");
    ws.act("Ada", j1, JobAction::Deliver, None, None).unwrap();

    // J-2, Ann in B2, Sunday 25 Oct (GMT from 01:00 UTC): a parts wait,
    // found work approved, one rework, delivered late at 23:30 GMT.
    set("2026-10-25T09:00:00Z");
    let j2 = check_in(&mut ws, "粤B·12345", Some("2026-10-25T12:00:00Z"), 3.0);
    set("2026-10-25T09:10:00Z");
    ws.dispatch("Boss", j2, "B2", "Ann", None).unwrap();
    set("2026-10-25T09:20:00Z");
    ws.act("Ann", j2, JobAction::Start, None, None).unwrap();
    set("2026-10-25T10:00:00Z");
    let p = ws
        .log_parts(
            "Ann",
            j2,
            &NewPartsInput {
                part: "Oil filter".into(),
                kind: PartKind::OutOfStock,
                qty: 1,
                blocking: true,
                note: None,
            },
            None,
        )
        .unwrap()
        .id;
    set("2026-10-25T10:10:00Z");
    ws.update_parts(
        "Pat",
        p,
        PartStatus::Ordered,
        Some(at("2026-10-25T11:00:00Z")),
        None,
    )
    .unwrap();
    set("2026-10-25T11:00:00Z");
    ws.update_parts("Pat", p, PartStatus::Received, None, None)
        .unwrap();
    set("2026-10-25T11:30:00Z");
    ws.update_parts("Pat", p, PartStatus::Resolved, None, None)
        .unwrap();
    set("2026-10-25T11:40:00Z");
    ws.act("Ann", j2, JobAction::Resume, None, None).unwrap();
    set("2026-10-25T12:00:00Z");
    let found = LineInput {
        work: "Wiper blades".into(),
        hours: Some(0.5),
        amount: None,
        found: Some(Found {
            urgency: Urgency::Soon,
            blocking: false,
        }),
        note: None,
        ..LineInput::default()
    };
    let l = ws.add_line("Ann", j2, &found, None).unwrap().id;
    set("2026-10-25T12:30:00Z");
    ws.decide_line("Ada", l, true, "Mr Chen", Via::Phone, None)
        .unwrap();
    set("2026-10-25T13:40:00Z");
    lines_done_in(&mut ws, "Ann", j2);
    ws.act("Ann", j2, JobAction::Finish, None, None).unwrap();
    set("2026-10-25T14:00:00Z");
    pass(&mut ws, j2, Verdict::Fail);
    set("2026-10-25T14:10:00Z");
    ws.act("Ann", j2, JobAction::Start, None, None).unwrap();
    set("2026-10-25T14:40:00Z");
    ws.act("Ann", j2, JobAction::Finish, None, None).unwrap();
    set("2026-10-25T15:00:00Z");
    pass(&mut ws, j2, Verdict::Pass);
    set("2026-10-25T23:30:00Z");
    ws.act("Ada", j2, JobAction::Deliver, None, None).unwrap();

    // J-3, Monday 26 Oct: J-1's car back (a comeback, blamed on Tom), no
    // promised time; a complaint answered and resolved within the hour.
    set("2026-10-26T08:00:00Z");
    let j3 = check_in(&mut ws, "AB12 CDE", None, 1.0);
    set("2026-10-26T08:10:00Z");
    ws.dispatch("Boss", j3, "B1", "Tom", None).unwrap();
    set("2026-10-26T08:20:00Z");
    ws.act("Tom", j3, JobAction::Start, None, None).unwrap();
    set("2026-10-26T09:20:00Z");
    lines_done_in(&mut ws, "Tom", j3);
    // Tom's own self-check first finds a tool left in the car.
    let kept = ws
        .finish(
            "Tom",
            j3,
            &[bayboard::domain::qc::parse_mark("torque_tools=fail").unwrap()],
            None,
            None,
        )
        .unwrap();
    assert_eq!(kept.failed, vec!["torque_tools".to_string()]);
    ws.act("Tom", j3, JobAction::Finish, None, None).unwrap();
    set("2026-10-26T09:40:00Z");
    pass(&mut ws, j3, Verdict::Pass);
    set("2026-10-26T10:00:00Z");
    ws.act("Ada", j3, JobAction::Deliver, None, None).unwrap();
    set("2026-10-26T10:30:00Z");
    let c = ws
        .new_complaint("Ada", Some(j3), None, 3, "kept waiting at the desk", None)
        .unwrap()
        .id;
    set("2026-10-26T11:00:00Z");
    ws.step_complaint("Boss", c, ComplaintStatus::Acknowledged, None)
        .unwrap();
    set("2026-10-26T11:30:00Z");
    ws.step_complaint("Boss", c, ComplaintStatus::Resolved, None)
        .unwrap();
    // J-1's follow-up call (due three days after delivery): happy.
    set("2026-10-28T12:00:00Z");
    ws.log_followup("Ada", j1, true, Some(5), None).unwrap();
}

/// Issue 25: once the shop keeps its zone, `report` counts the clock from
/// the sums kept per London day and hour, across the weekend the clocks
/// went back, and says what it said from the clock entries; `check`
/// recounts the sums in the shop's zone.
#[test]
fn the_clocked_sums_of_the_dst_weekend_report_what_the_clock_said() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    hand_made_history(&db);
    let range = ["--from", "2026-10-24", "--to", "2026-10-28"];
    let from_the_clock = report_json(&db, "Europe/London", &range);
    Workshop::open(&db)
        .unwrap()
        .set_timezone(Some("Boss"), "Europe/London")
        .unwrap();
    let kept_in = || {
        Workshop::open(&db)
            .unwrap()
            .store()
            .read(store::clock_sums::clock_zone)
            .unwrap()
    };
    assert_eq!(kept_in(), None);
    // A terminal in Shanghai runs it: it counts in the shop's zone.
    let from_the_sums = report_json(&db, "Asia/Shanghai", &range);
    assert_eq!(kept_in().as_deref(), Some("Europe/London"));
    assert_eq!(from_the_sums, from_the_clock);
    // Ann on the 25th: 09:20–10:00, 11:40–13:40, 14:10–14:40 GMT.
    assert_eq!(from_the_sums["technicians"][0]["clocked_hours"], 3.2);
    let check = || {
        bin_on(&db)
            .env("TZ", "Asia/Shanghai")
            .arg("check")
            .output()
            .unwrap()
    };
    let ok = check();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    // The time in each state is kept by day of delivery too, and checked.
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE state_days SET ms = ms * 2 WHERE day = '2026-10-25'",
            [],
        )
        .unwrap();
    let bad = check();
    let said = String::from_utf8_lossy(&bad.stdout);
    assert!(!bad.status.success(), "{said}");
    assert!(said.contains("2026-10-25 jobs delivered, time"), "{said}");
}

#[test]
fn a_hand_computed_history_across_a_dst_change_gives_every_figure() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    hand_made_history(&db);
    let f = report_json(
        &db,
        "Europe/London",
        &["--from", "2026-10-24", "--to", "2026-10-28"],
    );
    assert_eq!(f["from"], "2026-10-24");
    assert_eq!(f["to"], "2026-10-28");
    assert_eq!(f["delivered"], 3);
    // J-1 left at 00:30 BST on the 25th: London's 25th, though UTC's 24th.
    let per_day: Vec<(String, u64)> = f["delivered_per_day"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["day"].as_str().unwrap().to_string(),
                d["count"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        per_day,
        [
            ("2026-10-24", 0),
            ("2026-10-25", 2),
            ("2026-10-26", 1),
            ("2026-10-27", 0),
            ("2026-10-28", 0)
        ]
        .map(|(d, n)| (d.to_string(), n))
    );
    // Check-in → delivery: 15.5 h, 14.5 h, 2 h; nearest rank.
    assert_eq!(
        f["checkin_to_delivery_hours"],
        json!({"p50": 14.5, "p90": 15.5})
    );
    assert_eq!(f["on_time"], json!({"count": 1, "of": 2, "pct": 50.0}));
    assert_eq!(
        f["qc_first_pass"],
        json!({"count": 2, "of": 3, "pct": 66.7})
    );
    assert_eq!(f["comebacks"], json!({"count": 1, "of": 3, "pct": 33.3}));
    // Per level: J-3's self-check failed first; no peer check in this
    // shop; J-2's first QC failed.
    assert_eq!(
        f["first_pass_by_level"],
        json!([
            {"level": "self", "count": 2, "of": 3, "pct": 66.7},
            {"level": "peer", "count": 0, "of": 0, "pct": null},
            {"level": "final", "count": 2, "of": 3, "pct": 66.7},
        ])
    );
    assert_eq!(
        f["followups_reached"],
        json!({"count": 1, "of": 1, "pct": 100.0})
    );
    assert_eq!(
        f["satisfaction"],
        json!({"count": 1, "of": 1, "pct": 100.0})
    );
    assert_eq!(f["satisfaction_target_pct"], 97.0);
    // Hours in each state, summed over the three jobs, per delivered job.
    let states: Vec<(String, f64)> = f["hours_in_state"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["state"].as_str().unwrap().to_string(),
                s["hours"].as_f64().unwrap(),
            )
        })
        .collect();
    let want = [
        ("waiting", 0.3),          // 0.5 + 1/6 + 1/6
        ("dispatched", 0.3),       // 0.5 + 1/6 + 1/6
        ("in_progress", 2.1),      // 2 + (2/3 + 2 + 1/2) + 1
        ("paused", 0.1),           // 1/6
        ("waiting_parts", 0.5),    // 1.5
        ("waiting_approval", 0.0), // the found work did not block
        ("peer_check", 0.0),       // the shop runs no peer check
        ("ready_for_qc", 0.5),     // 1/2 + 1/3 + 1/3 + 1/3
        ("qc_passed", 6.9),        // 12 + 8.5 + 1/3
        ("rework", 0.1),           // 1/6
    ];
    assert_eq!(states, want.map(|(s, h)| (s.to_string(), h)));
    assert!(
        f["wip_by_state"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["count"] == 0)
    );
    assert_eq!(
        f["technicians"],
        json!([
            // 40 min + 2 h + 30 min on the clock; 3 h + 0.5 h sold.
            {"name": "Ann", "clocked_hours": 3.2, "sold_hours": 3.5, "efficiency_pct": 110.5, "comebacks": 0},
            {"name": "Tom", "clocked_hours": 3.0, "sold_hours": 3.0, "efficiency_pct": 100.0, "comebacks": 1},
        ])
    );
    // Each hour of the day occurs five times in five days (01:00 six times:
    // the 25th repeats it), so an hour on the clock is 20 %.
    let bay = |name: &str| -> Vec<f64> {
        f["bay_utilisation"]
            .as_array()
            .unwrap()
            .iter()
            .find(|b| b["bay"] == name)
            .unwrap()["pct_by_hour"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    };
    let mut b1 = vec![0.0; 24];
    // J-1 10:00–12:00 BST on the 24th; J-3 08:20–09:20 GMT on the 26th.
    (b1[8], b1[9], b1[10], b1[11]) = (13.3, 6.7, 20.0, 20.0);
    assert_eq!(bay("B1"), b1);
    let mut b2 = vec![0.0; 24];
    (b2[9], b2[11], b2[12], b2[13], b2[14]) = (13.3, 6.7, 20.0, 13.3, 10.0);
    assert_eq!(bay("B2"), b2);
    assert_eq!(
        f["approvals"],
        json!({"asked": 1, "approved": 1, "declined": 0, "undecided": 0, "median_decision_hours": 0.5})
    );
    let parts: Vec<f64> = f["parts_waiting_hours"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["hours"].as_f64().unwrap())
        .collect();
    assert_eq!(parts, [1.5, 0.0, 0.0, 0.0, 0.0, 0.0]);
    assert_eq!(f["parts_waiting_hours"][0]["kind"], "out_of_stock");
    assert_eq!(
        f["complaints"],
        json!([
            {"severity": 1, "opened": 0, "on_time": 0, "overdue": 0, "open": 0},
            {"severity": 2, "opened": 0, "on_time": 0, "overdue": 0, "open": 0},
            {"severity": 3, "opened": 1, "on_time": 1, "overdue": 0, "open": 0},
        ])
    );
    assert_eq!(
        f["previous"],
        json!({"from": "2026-10-19", "to": "2026-10-23", "delivered": 0, "on_time_pct": null,
               "qc_first_pass_pct": null, "comeback_pct": null, "followups_reached_pct": null,
               "satisfaction_pct": null})
    );
    // Counted in UTC instead, J-1 falls on the 24th and Tom's hours move
    // an hour earlier: 09:00 now holds J-1's first hour and J-3's last 20
    // minutes (4,800 of 18,000 seconds).
    let utc = report_json(&db, "UTC", &["--from", "2026-10-24", "--to", "2026-10-28"]);
    assert_eq!(utc["delivered_per_day"][0]["count"], 1);
    assert_eq!(utc["bay_utilisation"][0]["pct_by_hour"][9], 26.7);
    assert_eq!(utc["bay_utilisation"][0]["pct_by_hour"][11], 0.0);
}

#[test]
fn report_csv_opens_cleanly_in_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    hand_made_history(&db);
    let out = report(
        &db,
        "Europe/London",
        &["--csv", "--from", "2026-10-24", "--to", "2026-10-28"],
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    // A byte-order mark first, so Excel reads the UTF-8 (then one header).
    assert_eq!(
        lines.next(),
        Some("\u{feff}from,to,figure,subject,day,hour,value")
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert!(
        rows.iter().all(|r| r.len() == 7),
        "every row has seven fields"
    );
    assert!(!rows.iter().any(|r| r[2] == "from"), "one header row only");
    for r in &rows {
        assert_eq!((r[0], r[1]), ("2026-10-24", "2026-10-28"));
        if !r[4].is_empty() {
            assert!(
                NaiveDate::parse_from_str(r[4], "%Y-%m-%d").is_ok(),
                "ISO day: {r:?}"
            );
        }
        if !r[6].is_empty() {
            assert!(
                r[6].parse::<f64>().is_ok(),
                "a plain number with a dot: {r:?}"
            );
        }
    }
    let value = |fig: &str, subject: &str| {
        rows.iter()
            .find(|r| r[2] == fig && r[3] == subject)
            .map(|r| r[6])
            .unwrap()
    };
    assert_eq!(value("on_time", "pct"), "50.0");
    assert_eq!(value("checkin_to_delivery_hours", "p90"), "15.5");
    assert_eq!(value("technician_efficiency_pct", "Ann"), "110.5");
    let day = rows
        .iter()
        .find(|r| r[2] == "delivered_per_day" && r[4] == "2026-10-25")
        .unwrap();
    assert_eq!(day[6], "2");
    assert!(
        rows.iter().any(|r| r[2] == "bay_utilisation_pct"
            && r[3] == "B1"
            && r[5] == "10"
            && r[6] == "20.0")
    );
    // Nothing to count is an empty cell, not a zero; the previous range is
    // named by its days.
    assert_eq!(value("previous_on_time_pct", ""), "");
    let prev: Vec<&str> = rows
        .iter()
        .filter(|r| r[2] == "previous_range")
        .map(|r| r[4])
        .collect();
    assert_eq!(prev, ["2026-10-19", "2026-10-23"]);
}

#[test]
fn report_refuses_a_backwards_range_and_two_formats() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    hand_made_history(&db);
    let out = report(&db, "UTC", &["--from", "2026-10-28", "--to", "2026-10-24"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--from 2026-10-28 is after --to 2026-10-24"),
        "{err}"
    );
    let out = report(&db, "UTC", &["--csv", "--json"]);
    assert_eq!(out.status.code(), Some(2));
    let out = report(&db, "UTC", &["--from", "2026-02-30"]);
    assert_eq!(out.status.code(), Some(2));
    // A range that runs into the future is read, with a word on stderr;
    // across years the text names each day with its year.
    let out = report(&db, "UTC", &["--from", "2026-10-24", "--to", "2099-01-01"]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("after today") && err.contains("count nothing yet"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("2026-10-24 1  2026-10-25 1"));
    // A range with nothing delivered says so rather than showing zeros.
    let out = report(&db, "UTC", &["--from", "2026-10-01", "--to", "2026-10-02"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("no job was delivered in this range"),
        "{text}"
    );
    assert!(
        text.contains("On time                 — (none to count)"),
        "{text}"
    );
    // The whole history starts at the first check-in.
    let all = report_json(&db, "UTC", &["--all"]);
    assert_eq!(all["from"], "2026-10-24");
    assert_eq!(all["delivered"], 3);
}

#[test]
fn the_dashboard_shows_what_report_json_says() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('9'));
    // The 30 days before the last 30: nothing in them depends on the moment
    // the report runs (every issue and complaint of theirs is closed).
    key(&mut f.app, KeyCode::Char('['));
    let span = f.app.dash.span(now());
    assert_eq!(
        span,
        Span::new("2026-09-25".parse().unwrap(), "2026-10-24".parse().unwrap())
    );
    let shown = f
        .app
        .dash
        .shown(now())
        .expect("read when the view opened")
        .figures
        .clone();
    let tui = serde_json::to_value(&*shown).unwrap();
    let json = report_json(
        &f.db(),
        "Asia/Shanghai",
        &["--from", "2026-09-25", "--to", "2026-10-24"],
    );
    assert_eq!(
        tui, json,
        "every figure the dashboard holds is the report's"
    );
    assert!(
        json["delivered"].as_u64().unwrap() > 30,
        "the demo's earliest week"
    );
    // And what it draws is those numbers.
    let screen = render(&f.app, 200, 60);
    let pct = |v: &Value| format!("{:.1} %", v.as_f64().unwrap());
    for key in ["on_time", "qc_first_pass", "comebacks", "followups_reached"] {
        assert!(
            screen.contains(&pct(&json[key]["pct"])),
            "{key} {}\n{screen}",
            json[key]["pct"]
        );
    }
    assert!(
        screen.contains(&format!("({} in all", json["delivered"])),
        "{screen}"
    );
    let p50 = json["checkin_to_delivery_hours"]["p50"].as_f64().unwrap();
    assert!(
        screen.contains(&format!("half within  {p50:.1} h")),
        "{screen}"
    );
    let top = &json["technicians"][0];
    let row = screen
        .lines()
        .find(|l| l.contains(top["name"].as_str().unwrap()))
        .unwrap();
    assert!(
        row.contains(&format!("{:.1} h", top["clocked_hours"].as_f64().unwrap())),
        "{row}"
    );
    assert!(row.contains(&pct(&top["efficiency_pct"])), "{row}");
    assert!(screen.contains(&format!(
        "asked {} · approved {}",
        json["approvals"]["asked"], json["approvals"]["approved"]
    )));
}

#[test]
fn the_dashboard_reads_once_a_minute_and_on_demand_never_while_drawing() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('9'));
    let first = f.app.dash.shown(now()).unwrap().at;
    // Nothing lies after the latest range; the message says so.
    key(&mut f.app, KeyCode::Char(']'));
    let said = f.flash();
    assert!(said.contains("latest range"), "{said}");
    // A change elsewhere does not make it read again; a minute does.
    let mut other = f.other();
    let n = new_job_in(&mut other, "Emma Clark", "ZZ99 ZZZ");
    f.app.refresh().unwrap();
    assert_eq!(f.app.dash.shown(now()).unwrap().at, first);
    let wip = |f: &crate::tuikit::Fixture| {
        let d = f.app.dash.shown(f.app.now).unwrap();
        d.figures
            .wip_by_state
            .iter()
            .find(|s| s.state.as_str() == "waiting")
            .unwrap()
            .count
    };
    let before = wip(&f);
    f.app.tick(now() + chrono::Duration::seconds(30));
    assert_eq!(
        wip(&f),
        before,
        "half a minute: still the figures read before"
    );
    f.app.tick(now() + chrono::Duration::seconds(61));
    assert_eq!(wip(&f), before + 1, "{n} counted after a minute");
    // r reads at once; t/w/m and [ ] switch ranges, each kept.
    key(&mut f.app, KeyCode::Char('r'));
    key(&mut f.app, KeyCode::Char('t'));
    assert_eq!(f.app.dash.span(f.app.now).days(), 1);
    key(&mut f.app, KeyCode::Char('w'));
    key(&mut f.app, KeyCode::Char('['));
    let week = f.app.dash.span(f.app.now);
    assert_eq!(
        (week.days(), week.from.format("%a").to_string()),
        (7, "Mon".to_string())
    );
    key(&mut f.app, KeyCode::Char(']'));
    // 23 Nov 2026 is a Monday: this week so far is today.
    assert!(f.app.dash.cache.len() >= 3, "each range read is kept");
    // Drawing at any size reads nothing and never panics.
    for (w, h) in [(80, 24), (120, 40), (200, 60), (60, 20)] {
        let _ = render(&f.app, w, h);
    }
}

/// Counts add up exactly; hours to within rounding of the sums.
fn same_totals(a: &Tally, b: &Tally) -> Result<(), String> {
    let close = |x: f64, y: f64| (x - y).abs() < 1e-6 * (1.0 + x.abs());
    let sums = |t: &Tally| -> Vec<f64> {
        let mut v = vec![t.lead_hours.iter().sum(), t.decision_hours.iter().sum()];
        v.extend(t.state_secs.values());
        v.extend(t.clocked_secs.values());
        v.extend(t.sold_hours.values());
        v.extend(t.parts_hours.values());
        v.extend(t.bay_secs.values().flatten());
        v
    };
    let counts = |t: &Tally| {
        (
            t.delivered_by_day.clone(),
            (t.promised, t.on_time, t.first_pass, t.comebacks),
            (t.followups_done, t.reached, t.scored, t.satisfied),
            (
                t.asked,
                t.approved,
                t.declined,
                t.lead_hours.len(),
                t.decision_hours.len(),
            ),
            t.comebacks_by_tech.clone(),
            t.complaints.clone(),
            t.clocked_secs.keys().copied().collect::<Vec<_>>(),
            t.bay_secs.keys().copied().collect::<Vec<_>>(),
        )
    };
    if counts(a) != counts(b) {
        return Err(format!("counts differ: {:?} vs {:?}", counts(a), counts(b)));
    }
    let (x, y) = (sums(a), sums(b));
    if x.len() != y.len() || x.iter().zip(&y).any(|(p, q)| !close(*p, *q)) {
        return Err(format!("sums differ: {x:?} vs {y:?}"));
    }
    Ok(())
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        /// Any range of the demo's weeks, cut anywhere in two: the halves
        /// add up to the whole; nothing is negative; shares stay 0–100.
        #[test]
        fn figures_split_and_merge_and_stay_in_bounds(start in 0i64..45, len in 1i64..40, cut in 0i64..40) {
            let f = demo(None, None);
            let zone = Zone::Fixed(crate::tuikit::tz());
            let first: NaiveDate = "2026-10-10".parse().unwrap();
            let from = first + chrono::Duration::days(start);
            let to = from + chrono::Duration::days(len - 1);
            let mid = from + chrono::Duration::days(cut % len);
            let store = f.app.workshop().store();
            let mut nothing = |_, _| {};
            let whole = tally(store, Span::new(from, to), &zone, now(), Depth::Full, &mut nothing).unwrap();
            let mut parts = tally(store, Span::new(from, mid), &zone, now(), Depth::Full, &mut nothing).unwrap();
            if mid < to {
                parts.merge(tally(store, Span::new(mid + chrono::Duration::days(1), to), &zone, now(), Depth::Full, &mut nothing).unwrap());
            }
            if let Err(e) = same_totals(&whole, &parts) {
                prop_assert!(false, "{} to {} cut after {}: {}", from, to, mid, e);
            }
            let figures = bayboard::read::figures::compute(store, Span::new(from, to), &zone, now(), &mut nothing).unwrap();
            if let Err(e) = in_bounds(&figures) {
                prop_assert!(false, "{}", e);
            }
        }
    }
}

/// No figure is negative; every share is 0–100 (efficiency may pass 100).
pub fn in_bounds(f: &bayboard::read::figures::Figures) -> Result<(), String> {
    let mut numbers = Vec::new();
    collect_numbers(&serde_json::to_value(f).unwrap(), "", &mut numbers);
    for (path, v) in numbers {
        if v < 0.0 {
            return Err(format!("{path} is {v}"));
        }
        let share =
            (path.ends_with("pct") && !path.contains("efficiency")) || path.contains("pct_by_hour");
        if share && v > 100.0 {
            return Err(format!("{path} is {v}"));
        }
    }
    Ok(())
}

fn collect_numbers(v: &Value, path: &str, out: &mut Vec<(String, f64)>) {
    match v {
        Value::Number(n) => out.push((path.to_string(), n.as_f64().unwrap())),
        Value::Array(a) => a
            .iter()
            .for_each(|x| collect_numbers(x, &format!("{path}[]"), out)),
        Value::Object(o) => o
            .iter()
            .for_each(|(k, x)| collect_numbers(x, &format!("{path}.{k}"), out)),
        _ => {}
    }
}

#[test]
fn check_recomputes_the_state_times_the_figures_read() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("h.sqlite3");
    hand_made_history(&db);
    let check = || bin_on(&db).arg("check").output().unwrap();
    let first = check();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stdout)
    );
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "UPDATE job_state_times SET ms = ms + 60000 WHERE job_id = 2 AND state = 'waiting'",
        [],
    )
    .unwrap();
    conn.execute("DELETE FROM job_state_times WHERE job_id = 3", [])
        .unwrap();
    drop(conn);
    let out = check();
    assert!(!out.status.success());
    let text =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("J-2 state times differ from its events"),
        "{text}"
    );
    assert!(text.contains("J-3 has no recorded state times"), "{text}");
}

#[test]
fn a_technician_pressing_9_is_told_which_views_are_theirs() {
    let mut f = demo(Some("Wang Wei"), None);
    key(&mut f.app, KeyCode::Char('9'));
    let said = f.flash();
    assert!(
        said.contains("Dashboard is not among your views; yours: 1 Board, 2 My work"),
        "{said}"
    );
    assert_ne!(f.app.view, bayboard::tui::model::View::Dashboard);
}

#[test]
fn at_80_by_24_the_dashboard_scrolls_to_every_section() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('9'));
    let first = render(&f.app, 80, 24);
    assert!(
        first.contains("On time") && first.contains("more below"),
        "{first}"
    );
    let mut seen = first.clone();
    for _ in 0..6 {
        key(&mut f.app, KeyCode::Down);
        seen += &render(&f.app, 80, 24);
    }
    for section in [
        "Delivered per day",
        "Work in progress now",
        "Technician",
        "Bay utilisation by hour",
        "75 % and over",
        "Added work put to customers",
        "Complaints, against resolve-by",
    ] {
        assert!(seen.contains(section), "{section} never shown at 80×24");
    }
    // The footer names the scroll keys; nothing is cut mid-number.
    assert!(first.contains("↑↓ scroll"), "{first}");
    let last = render(&f.app, 80, 24);
    let row = last.lines().find(|l| l.contains("severity 1:")).unwrap();
    assert!(row.contains("open"), "{row}");
}
