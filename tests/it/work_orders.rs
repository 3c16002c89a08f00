//! Work orders through the real binary: lines, found work and the
//! customer's decision, the approval hold with and without a parts hold,
//! prices in minor units, and every refusal leaving things as they were.

use crate::common::Shop;

/// A shop with a labour rate of CNY 300.00/h and a job in progress with
/// Tina: returns (shop, job).
fn working() -> (Shop, String) {
    let s = Shop::staffed();
    s.ok(Some("Boss"), &["shop", "set", "--labour-rate", "300"]);
    let j = s
        .ok(
            Some("Ada"),
            &[
                "job",
                "new",
                "--plate",
                "粤B·WO001",
                "--complaint",
                "Oil service",
                "--complaint",
                "Brakes squeal",
                "--customer",
                "Mr Zhang",
                "--phone",
                "138 0000 1111",
            ],
        )
        .trim()
        .to_string();
    s.at_work(&j);
    (s, j)
}

fn add_found(s: &Shop, who: &str, j: &str, blocking: bool) -> String {
    let mut args = vec![
        "line",
        "add",
        j,
        "--work",
        "Front pads at 2 mm",
        "--hours",
        "1.5",
        "--parts-amount",
        "450.50",
        "--added",
        "--urgency",
        "safety",
    ];
    if blocking {
        args.push("--blocking");
    }
    s.ok(Some(who), &args).trim().to_string()
}

#[test]
fn each_complaint_is_a_requested_line_and_json_has_every_field() {
    let (s, j) = working();
    let l = s.lines(&j);
    assert_eq!(l.len(), 2);
    for (line, work) in l.iter().zip(["Oil service", "Brakes squeal"]) {
        assert_eq!(line["work"], work);
        assert_eq!(line["kind"], "requested");
        assert_eq!(line["status"], "approved");
        for key in [
            "id", "job", "kind", "work", "hours", "amount", "status", "urgency", "blocking",
        ] {
            assert!(line.get(key).is_some(), "line JSON lacks {key}: {line}");
        }
        assert_eq!(line["job"], j.as_str());
    }
    assert_eq!(s.job(&j)["lines"].as_array().unwrap().len(), 2);
    assert_eq!(s.job(&j)["line_count"], 2);
}

#[test]
fn a_blocking_found_line_parks_the_job_until_the_customer_decides() {
    let (s, j) = working();
    let l = add_found(&s, "Tina", &j, true);
    assert!(l.starts_with("L-"), "prints the line id alone: {l}");
    assert_eq!(s.status(&j), "waiting_approval");
    let board = s.json(None, &["board"]);
    assert_eq!(board["bays"][0]["job"]["status"], "waiting_approval");
    // The clock stopped, the bay is held.
    assert_eq!(s.job(&j)["bay"], "B1");
    let out = s.ok(None, &["check"]);
    assert!(out.contains("rules: ok"), "{out}");
    // The advisor's list: job, plate, customer and phone, price.
    let a = s.json(Some("Ada"), &["approvals"]);
    let row = &a[0];
    assert_eq!(row["id"], l.as_str());
    assert_eq!(row["plate"], "粤B·WO001");
    assert_eq!(row["customer"], "Mr Zhang");
    assert_eq!(row["phone"], "138 0000 1111");
    assert_eq!(row["price"], 45000 + 45050, "1.5 h × 300.00 + 450.50");
    assert!(s.ok(Some("Ada"), &["approvals"]).contains("CNY 900.50"));
    // Finish is refused and names the lines.
    let line = s.refused(Some("Tina"), &["job", "finish", &j]);
    assert!(line.contains("cannot finish"), "{line}");
    // Approved: the job un-parks by itself, back to paused.
    let out = s.ok(
        Some("Ada"),
        &["line", "approve", &l, "--by", "Mr Zhang", "--via", "phone"],
    );
    assert!(out.contains("paused"), "{out}");
    assert_eq!(s.status(&j), "paused");
    let events: Vec<String> = s.job(&j)["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect();
    assert!(events.contains(&"line_approved".to_string()), "{events:?}");
    assert!(
        events.contains(&"waiting_approval".to_string()),
        "{events:?}"
    );
    assert!(
        events.contains(&"approval_cleared".to_string()),
        "{events:?}"
    );
}

#[test]
fn finish_waits_for_every_line_and_names_them() {
    let (s, j) = working();
    let l = add_found(&s, "Tina", &j, false);
    assert_eq!(s.status(&j), "in_progress", "not blocking: work goes on");
    let line = s.refused(Some("Tina"), &["job", "finish", &j]);
    assert!(
        line.contains("L-1 Oil service (to do)")
            && line.contains("L-2 Brakes squeal (to do)")
            && line.contains(&format!(
                "{l} Front pads at 2 mm (waiting for the customer)"
            )),
        "{line}"
    );
    // A proposed line cannot be marked done.
    s.refused(Some("Tina"), &["line", "done", &l]);
    s.ok(
        Some("Ada"),
        &[
            "line",
            "decline",
            &l,
            "--by",
            "Mr Zhang",
            "--via",
            "in_person",
        ],
    );
    s.lines_done("Tina", &j);
    s.ok(Some("Tina"), &["job", "finish", &j]);
    assert_eq!(s.status(&j), "ready_for_qc");
    // Reopening a line is for work in progress only.
    let done = s.first_line(&j);
    s.refused(Some("Tina"), &["line", "reopen", &done]);
}

#[test]
fn who_may_add_decide_and_mark() {
    let (s, j) = working();
    // Another technician may not add found work or mark lines on Tina's job.
    let line = s.refused(
        Some("Tom"),
        &[
            "line",
            "add",
            &j,
            "--work",
            "x",
            "--added",
            "--urgency",
            "soon",
        ],
    );
    assert!(line.contains("Tom"), "{line}");
    let first = s.first_line(&j);
    s.refused(Some("Tom"), &["line", "done", &first]);
    s.refused(Some("Ada"), &["line", "done", &first]);
    // The foreman may.
    let l = add_found(&s, "Boss", &j, false);
    // Only an advisor or the foreman records the decision, with a name and
    // a channel; twice is refused.
    s.refused(
        Some("Tina"),
        &["line", "approve", &l, "--by", "Mr Zhang", "--via", "phone"],
    );
    let line = s.refused(
        Some("Ada"),
        &["line", "approve", &l, "--by", "  ", "--via", "phone"],
    );
    assert!(line.contains("customer's name"), "{line}");
    assert_ne!(
        s.run(Some("Ada"), &["line", "approve", &l, "--by", "Mr Zhang"])
            .code,
        0,
        "--via is required"
    );
    s.ok(
        Some("Ada"),
        &[
            "line", "approve", &l, "--by", "Mr Zhang", "--via", "message",
        ],
    );
    let line = s.refused(
        Some("Ada"),
        &["line", "decline", &l, "--by", "Mr Zhang", "--via", "phone"],
    );
    assert!(line.contains("approved") && line.contains(&l), "{line}");
    // Requested work is the advisor's: a technician may not add it.
    s.refused(Some("Tina"), &["line", "add", &j, "--work", "Wash"]);
    s.ok(Some("Ada"), &["line", "add", &j, "--work", "Wash"]);
}

#[test]
fn prices_change_freely_only_before_the_decision() {
    let (s, j) = working();
    let l = add_found(&s, "Tina", &j, false);
    s.ok(Some("Tina"), &["line", "price", &l, "--hours", "2"]);
    s.ok(
        Some("Ada"),
        &["line", "approve", &l, "--by", "Mr Zhang", "--via", "phone"],
    );
    let line = s.refused(Some("Ada"), &["line", "price", &l, "--hours", "3"]);
    assert!(line.contains("foreman"), "{line}");
    let line = s.refused(Some("Boss"), &["line", "price", &l, "--hours", "3"]);
    assert!(line.contains("--reason"), "{line}");
    s.ok(
        Some("Boss"),
        &[
            "line",
            "price",
            &l,
            "--hours",
            "3",
            "--reason",
            "seized caliper",
        ],
    );
    let row = s
        .lines(&j)
        .into_iter()
        .find(|x| x["id"] == l.as_str())
        .unwrap();
    assert_eq!(row["hours"], 3.0);
    assert_eq!(row["amount"], 45050);
    let notes: Vec<String> = s.job(&j)["events"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "line_priced")
        .map(|e| e["note"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(
        notes.last().unwrap().contains("seized caliper"),
        "{notes:?}"
    );
    // Requested lines are priced freely before dispatch only.
    let j2 = s.new_job("PRICE-2");
    let first = s.first_line(&j2);
    s.ok(
        Some("Ada"),
        &[
            "line",
            "price",
            &first,
            "--hours",
            "1.2",
            "--parts-amount",
            "99",
        ],
    );
    // Money is stored as integers, never floats.
    let c = s.sql();
    let kinds: Vec<String> = c
        .prepare("SELECT DISTINCT typeof(parts_amount) FROM lines WHERE parts_amount IS NOT NULL")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(kinds, vec!["integer"]);
    for bad in ["-5", "12.345", "lots"] {
        let line = s.refused(
            Some("Ada"),
            &["line", "price", &first, "--parts-amount", bad],
        );
        assert!(line.contains("parts amount"), "{line}");
    }
}

#[test]
fn parts_and_approval_holds_together() {
    let (s, j) = working();
    let p = s
        .ok(
            Some("Tina"),
            &[
                "parts",
                "log",
                &j,
                "--part",
                "Pads",
                "--kind",
                "out_of_stock",
                "--blocking",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(s.status(&j), "waiting_parts");
    let l = add_found(&s, "Tina", &j, true);
    assert_eq!(
        s.status(&j),
        "waiting_approval",
        "both holds: approval shows"
    );
    assert!(s.ok(None, &["check"]).contains("rules: ok"));
    s.ok(
        Some("Ada"),
        &["line", "approve", &l, "--by", "Mr Zhang", "--via", "phone"],
    );
    assert_eq!(s.status(&j), "waiting_parts", "the part still holds it");
    s.ok(
        Some("Pat"),
        &["parts", "update", &p, "--status", "resolved"],
    );
    assert_eq!(s.status(&j), "paused", "back where it came from");
    // The other order: the part clears first.
    s.ok(Some("Tina"), &["job", "resume", &j]);
    let p2 = s
        .ok(
            Some("Tina"),
            &[
                "parts",
                "log",
                &j,
                "--part",
                "Disc",
                "--kind",
                "damaged",
                "--blocking",
            ],
        )
        .trim()
        .to_string();
    let l2 = add_found(&s, "Tina", &j, true);
    s.ok(
        Some("Pat"),
        &["parts", "update", &p2, "--status", "cancelled"],
    );
    assert_eq!(s.status(&j), "waiting_approval");
    s.ok(
        Some("Ada"),
        &["line", "decline", &l2, "--by", "Mr Zhang", "--via", "phone"],
    );
    assert_eq!(s.status(&j), "paused");
    assert!(s.ok(None, &["check"]).contains("rules: ok"));
}

#[test]
fn declined_work_is_shown_when_the_vehicle_comes_back() {
    let (s, j) = working();
    let l = add_found(&s, "Tina", &j, false);
    s.ok(
        Some("Ada"),
        &["line", "decline", &l, "--by", "Mr Zhang", "--via", "phone"],
    );
    let r = s.run(
        Some("Ada"),
        &[
            "job",
            "new",
            "--plate",
            "粤b·wo001",
            "--complaint",
            "Wipers",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.trim().starts_with("J-"),
        "stdout: the number alone"
    );
    assert!(
        r.stderr.contains("declined") && r.stderr.contains("Front pads at 2 mm — safety"),
        "{}",
        r.stderr
    );
    let again = r.stdout.trim().to_string();
    let detail = s.ok(None, &["job", "show", &again]);
    assert!(detail.contains("Declined on earlier visits"), "{detail}");
}

#[test]
fn shop_settings_are_the_foremans_and_each_change_is_an_event() {
    let s = Shop::staffed();
    let shop = s.json(None, &["shop", "show"]);
    assert_eq!(shop["currency"], "CNY");
    let before = crate::common::sql_count(
        &s.sql(),
        "SELECT count(*) FROM events WHERE kind = 'shop_set'",
    );
    s.refused(Some("Ada"), &["shop", "set", "--labour-rate", "300"]);
    s.refused(Some("Boss"), &["shop", "set", "--labour-rate", "-3"]);
    s.refused(Some("Boss"), &["shop", "set", "--currency", "EURO"]);
    s.ok(
        Some("Boss"),
        &[
            "shop",
            "set",
            "--labour-rate",
            "285.50",
            "--currency",
            "eur",
        ],
    );
    let shop = s.json(None, &["shop", "show"]);
    assert_eq!(
        (shop["currency"].as_str(), shop["labour_rate"].as_i64()),
        (Some("EUR"), Some(28550))
    );
    let n = crate::common::sql_count(
        &s.sql(),
        "SELECT count(*) FROM events WHERE kind = 'shop_set'",
    );
    assert_eq!(n, before + 1, "one change, one event");
    // A new shop's currency is set at init.
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.sqlite3");
    let new = Shop { dir, db };
    new.ok(None, &["init", "--currency", "JPY"]);
    assert_eq!(new.json(None, &["shop", "show"])["currency"], "JPY");
}

#[test]
fn review_mends_notes_messages_and_money() {
    let (s, j) = working();
    // The technician's note reaches the advisor and the record.
    let l = s
        .ok(
            Some("Tina"),
            &[
                "line",
                "add",
                &j,
                "--work",
                "Brake hose",
                "--added",
                "--urgency",
                "safety",
                "--note",
                "leaking at the caliper",
            ],
        )
        .trim()
        .to_string();
    assert!(
        s.ok(Some("Ada"), &["approvals"])
            .contains("leaking at the caliper")
    );
    assert!(
        s.ok(None, &["job", "show", &j])
            .contains("leaking at the caliper")
    );
    // Another technician is told it is not their job, not "only a technician".
    let line = s.refused(
        Some("Tom"),
        &[
            "line",
            "add",
            &j,
            "--work",
            "x",
            "--added",
            "--urgency",
            "soon",
        ],
    );
    assert!(line.contains("only the job's own technician"), "{line}");
    // Deciding twice says who decided, how and when.
    s.ok(
        Some("Ada"),
        &["line", "approve", &l, "--by", "Mr Zhang", "--via", "phone"],
    );
    let line = s.refused(
        Some("Boss"),
        &["line", "decline", &l, "--by", "Mr Zhang", "--via", "phone"],
    );
    assert!(
        line.contains("already approved by Mr Zhang") && line.contains("by phone"),
        "{line}"
    );
    // No negative zero in a work order without prices.
    assert!(!s.ok(None, &["job", "show", &j]).contains("-0.0"));
    // With money recorded the currency is not relabelled.
    let line = s.refused(Some("Boss"), &["shop", "set", "--currency", "EUR"]);
    assert!(line.contains("already recorded in CNY"), "{line}");
}
