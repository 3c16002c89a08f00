//! Issue 24: the vehicle file across visits and plate spellings, the next
//! service set at delivery, the cars due for a reminder.

use crate::common::{Shop, bin_on, run};

fn visit(s: &Shop, plate: &str, km: &str) -> String {
    s.ok(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            plate,
            "--complaint",
            "Service",
            "--odometer",
            km,
            "--odometer-corrected",
            "cluster replaced",
            "--not-comeback",
        ],
    )
    .trim()
    .to_string()
}

fn deliver(s: &Shop, j: &str) {
    s.to_qc(j);
    s.ok(Some("Quinn"), &["qc", "pass", j]);
    s.ok(Some("Ada"), &["job", "deliver", j]);
}

#[test]
fn three_visits_under_two_spellings_are_one_file() {
    let s = Shop::staffed();
    let a = visit(&s, "粤B·12345", "40000");
    deliver(&s, &a);
    let b = visit(&s, "粤B12345", "45500");
    s.at_work(&b);
    let pads = s
        .ok(
            Some("Tina"),
            &[
                "line",
                "add",
                &b,
                "--work",
                "Rear pads",
                "--added",
                "--urgency",
                "soon",
            ],
        )
        .trim()
        .to_string();
    s.ok(
        Some("Ada"),
        &["line", "decline", &pads, "--by", "Mr Li", "--via", "phone"],
    );
    s.lines_done("Tina", &b);
    s.ok(Some("Tina"), &["job", "finish", &b]);
    s.ok(Some("Quinn"), &["qc", "pass", &b]);
    s.ok(Some("Ada"), &["job", "deliver", &b]);
    // The cluster was replaced: lower than before, flagged in the file.
    let c = visit(&s, "yue b12345", "1200");
    let file = s.json(Some("Ada"), &["vehicle", "show", "粤B 12345"]);
    let visits = file["visits"].as_array().unwrap();
    assert_eq!(visits.len(), 3, "{file}");
    let numbers: Vec<&str> = visits
        .iter()
        .map(|v| v["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, [a.as_str(), b.as_str(), c.as_str()]);
    assert_eq!(visits[2]["rollback"], true);
    assert_eq!(visits[1]["rollback"], false);
    assert_eq!(file["declined"][0], "Rear pads");
    assert!(visits[0]["done"].as_array().unwrap().len() == 1, "{file}");
    // The next service from the last delivery: 5,000 km on, 6 months on.
    let next = &file["next_service"];
    assert_eq!(next["km"], 50_500, "{file}");
    assert_eq!(next["set_on"], b.as_str());
    let text = s.ok(Some("Ada"), &["vehicle", "show", "粤B12345"]);
    assert!(text.contains("odometer lower than before"), "{text}");
    assert!(text.contains("✗ Rear pads"), "{text}");
    let unknown = s.refused(Some("Ada"), &["vehicle", "show", "NOPE-1"]);
    assert!(unknown.contains("NOPE-1"), "{unknown}");
}

#[test]
fn the_next_service_set_at_delivery_is_due_on_its_local_day() {
    let s = Shop::staffed();
    let j = visit(&s, "DUE-1", "30000");
    s.to_qc(&j);
    s.ok(Some("Quinn"), &["qc", "pass", &j]);
    s.ok(
        Some("Ada"),
        &[
            "job",
            "deliver",
            &j,
            "--next-service-km",
            "35000",
            "--wear",
            "front pads 4 mm",
        ],
    );
    let file = s.json(Some("Ada"), &["vehicle", "show", "DUE-1"]);
    let on =
        chrono::NaiveDate::parse_from_str(file["next_service"]["on"].as_str().unwrap(), "%Y-%m-%d")
            .unwrap();
    assert_eq!(file["next_service"]["wear_note"], "front pads 4 mm");
    // In a shop in a zone with summer time too: the due day is a local
    // date.
    for tz in ["Asia/Shanghai", "Europe/London"] {
        s.ok(Some("Boss"), &["shop", "set", "--timezone", tz]);
        let today = {
            let out = run(std::process::Command::new("date")
                .env("TZ", tz)
                .arg("+%Y-%m-%d"));
            chrono::NaiveDate::parse_from_str(out.stdout.trim(), "%Y-%m-%d").unwrap()
        };
        let days = (on - today).num_days();
        let due = |within: i64| {
            let r = run(bin_on(&s.db).env("TZ", tz).args([
                "vehicle",
                "due",
                "--within",
                &within.to_string(),
                "--csv",
            ]));
            assert_eq!(r.code, 0, "{}", r.stderr);
            r.stdout
        };
        assert!(!due(days - 1).contains("DUE-1"), "{tz}: a day early");
        let csv = due(days);
        assert!(csv.contains("DUE-1"), "{tz}: {csv}");
        let mut rd = csv::Reader::from_reader(csv.trim_start_matches('\u{feff}').as_bytes());
        let head: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
        let row = rd.records().next().unwrap().unwrap();
        let col = |n: &str| row[head.iter().position(|h| h == n).unwrap()].to_string();
        assert_eq!(col("due_km"), "35000");
        assert_eq!(col("due_on"), on.format("%Y-%m-%d").to_string());
    }
    // An unanswered reminder call leaves the car on the list; once the
    // customer is reached, it is no longer due.
    let tech = s.refused(Some("Tina"), &["vehicle", "remind", &j, "--reached"]);
    assert!(tech.contains("Tina"), "{tech}");
    s.ok(
        Some("Ada"),
        &["vehicle", "remind", &j, "--note", "voicemail"],
    );
    let missed = s.ok(Some("Ada"), &["vehicle", "due", "--within", "400"]);
    assert!(missed.contains("DUE-1"), "{missed}");
    s.ok(
        Some("Ada"),
        &["vehicle", "remind", &j, "--reached", "--note", "booked"],
    );
    let after = s.ok(Some("Ada"), &["vehicle", "due", "--within", "400"]);
    assert!(!after.contains("DUE-1"), "{after}");
    // A next service behind the odometer is refused before the car is
    // handed over: nothing half done.
    let k = visit(&s, "DUE-2", "30000");
    s.to_qc(&k);
    s.ok(Some("Quinn"), &["qc", "pass", &k]);
    let behind = s.refused(
        Some("Ada"),
        &["job", "deliver", &k, "--next-service-km", "100"],
    );
    assert!(behind.contains("30000"), "{behind}");
    assert_eq!(s.status(&k), "qc_passed");
}
