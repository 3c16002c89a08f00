//! Issue 20, finding 10: text another tool wrote into the database (or a
//! person typed on the command line) never reaches a terminal or a
//! spreadsheet as something to act on. One sanitiser covers every output.

use crate::common::{Shop, run};

/// Every character a terminal may act on, but line breaks and tabs.
fn raw_controls(out: &str) -> Vec<char> {
    out.chars()
        .filter(|&c| c != '\n' && c != '\t' && bayboard::sanitise::unsafe_char(c))
        .collect()
}

const HOSTILE: &str = "char(27) || '[2J' || char(7) || char(155) || '31m' || char(8238)";

#[test]
fn no_output_carries_escapes_bells_c1_or_bidi_overrides() {
    let s = Shop::demo();
    s.sql()
        .execute_batch(&format!(
            "UPDATE shop SET name = 'Shop' || {HOSTILE};
             UPDATE staff SET name = name || {HOSTILE};
             UPDATE jobs SET complaint = complaint || {HOSTILE};"
        ))
        .unwrap();
    for args in [
        &["shop", "show"][..],
        &["report", "--csv"],
        &["report"],
        &["report", "--json"],
        &["job", "show", "J-000001", "--json"],
        &["job", "list", "--json"],
        &["staff", "list", "--json"],
        &["board", "--json"],
    ] {
        let r = s.run(None, args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        // The CSV's leading byte-order mark is the one kept (for Excel).
        let out = r.stdout.strip_prefix('\u{feff}').unwrap_or(&r.stdout);
        assert_eq!(raw_controls(out), [], "{args:?}: {out:?}");
    }
    // JSON keeps the stored text, escaped: a JSON reader gets it back whole.
    let job = s.job("J-000001");
    let complaint = job["complaint"].as_str().unwrap();
    assert!(
        complaint.ends_with("\u{1b}[2J\u{7}\u{9b}31m\u{202e}"),
        "{complaint:?}"
    );
    let r = s.run(None, &["job", "show", "J-000001", "--json"]);
    assert!(r.stdout.contains("\\u009b31m\\u202e"), "{}", r.stdout);
}

#[test]
fn a_usage_error_never_echoes_a_control_typed_on_the_command_line() {
    let s = Shop::staffed();
    let j = s.new_job("ECHO-1");
    for args in [
        vec![
            "--as",
            "Boss",
            "job",
            "priority",
            &j,
            "\u{9b}31mhigh\u{202e}",
        ],
        vec!["job", "list", "--status", "\u{1b}]0;pwned\u{7}"],
    ] {
        let r = s.run(None, &args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stdout);
        assert!(r.stderr.contains("invalid value"), "{}", r.stderr);
        assert_eq!(raw_controls(&r.stderr), [], "{args:?}: {:?}", r.stderr);
    }
    // Help is clap's, unchanged.
    let r = run(crate::common::bin().arg("--help"));
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("Usage"), "{}", r.stdout);
}

#[test]
fn a_csv_cell_never_starts_a_spreadsheet_formula() {
    let s = Shop::demo();
    s.sql()
        .execute_batch(
            "UPDATE staff SET name = '=HYPERLINK(\"http://x\",\"' || name || '\")' WHERE id = \
             (SELECT min(staff_id) FROM staff_roles WHERE role = 'technician');
             UPDATE staff SET name = '@' || name WHERE name NOT LIKE '=%' AND id IN \
             (SELECT staff_id FROM staff_roles WHERE role = 'technician');",
        )
        .unwrap();
    let csv = s.ok(None, &["report", "--csv"]);
    let mut people = 0;
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '@']),
                "a cell starts a formula: {line}"
            );
        }
        people += usize::from(line.contains("'=HYPERLINK") || line.contains("'@"));
    }
    assert!(
        people > 0,
        "the technicians' rows are there, defused: {csv}"
    );
}

fn sql_err(s: &Shop, sql: &str) -> String {
    s.sql().execute_batch(sql).unwrap_err().to_string()
}

/// Issue 20, finding 6: a BLOB or bytes that are not UTF-8 in a text column
/// stopped every board (exit 3, an open board froze) while `check` said ok;
/// a BLOB staff name or event note made `check` itself fail. The file now
/// refuses the BLOB; what gets in with the triggers dropped is shown marked,
/// and `check` names every such row and finishes.
#[test]
fn a_blob_or_broken_utf8_is_refused_marked_and_named() {
    let s = Shop::staffed();
    let a = s.new_job("BLOB-1");
    let b = s.new_job("UTF-2");
    s.new_job("GOOD-3");
    let e = sql_err(
        &s,
        "UPDATE vehicles SET plate = X'00FF' WHERE plate = 'BLOB-1'",
    );
    assert!(e.contains("vehicles.plate must be text"), "{e}");
    let e = sql_err(&s, "UPDATE staff SET name = X'2A' WHERE name = 'Tom'");
    assert!(e.contains("staff.name must be text"), "{e}");
    s.sql()
        .execute_batch(
            "DROP TRIGGER text_vehicles_plate_update;
             DROP TRIGGER text_staff_name_update;
             DROP TRIGGER events_no_update;
             DROP TRIGGER text_events_note_update;
             UPDATE vehicles SET plate = X'00FF' WHERE plate = 'BLOB-1';
             UPDATE vehicles SET plate = CAST(X'5554462DFF32' AS TEXT) WHERE plate = 'UTF-2';
             UPDATE staff SET name = X'C0FFEE' WHERE name = 'Pat';
             UPDATE events SET note = X'DEAD' WHERE id = 1;",
        )
        .unwrap();
    for (args, shows) in [
        (&["board"][..], "GOOD-3"),
        (&["job", "list"], "GOOD-3"),
        (&["staff", "list"], "Tina"),
    ] {
        let r = s.run(None, args);
        assert_eq!(r.code, 0, "{args:?} stopped: {}", r.stderr);
        assert!(r.stdout.contains(shows), "{args:?}: {}", r.stdout);
        assert!(r.stdout.contains('⚠'), "{args:?} marks it: {}", r.stdout);
    }
    let list = s.ok(None, &["job", "list"]);
    assert!(list.contains("UTF-\u{FFFD}2"), "{list}");
    // Acting still works for everyone else.
    s.ok(Some("Boss"), &["job", "priority", &b, "urgent"]);
    let r = s.run(None, &["check"]);
    assert_eq!(r.code, 3, "check finished and found problems: {}", r.stderr);
    let problems = s.check_problems().join("\n");
    for want in [
        "vehicles row 1: plate holds blob, not text",
        "vehicles row 2: plate is not valid UTF-8",
        "plate holds blob",
        "staff row",
        "events row 1: note holds blob",
        "the trigger text_vehicles_plate_update is missing",
    ] {
        assert!(problems.contains(want), "wanted {want:?} in {problems}");
    }
    let _ = a;
    // An open board stays up and marks the row.
    let ws = bayboard::workshop::Workshop::open(&s.db).unwrap();
    let app = bayboard::tui::App::new(
        ws,
        Some("Boss"),
        None,
        chrono::Utc::now(),
        chrono::FixedOffset::east_opt(0).unwrap(),
    )
    .unwrap();
    let screen = crate::tuikit::render(&app, 160, 48);
    assert!(
        screen.contains("GOOD-3") && screen.contains('⚠'),
        "{screen}"
    );
}

/// Issue 20, finding 16: an amount near the 64-bit limit wrapped an invoice
/// to CNY −92,233,720,368,547,158.09 while `check` said ok. The file keeps
/// amounts within 10¹² minor units; past it (triggers dropped) the total
/// never wraps and `check` names the row.
#[test]
fn an_amount_past_the_bound_is_refused_and_never_wraps() {
    let s = Shop::staffed();
    let j = s.new_job("BIG-1");
    let e = sql_err(&s, "UPDATE lines SET parts_amount = 9223372036854775000");
    assert!(e.contains("lines.parts_amount must be at most"), "{e}");
    let e = sql_err(&s, "UPDATE shop SET labour_rate = 1000000000001");
    assert!(e.contains("shop.labour_rate must be at most"), "{e}");
    s.ok(
        Some("Boss"),
        &[
            "line",
            "add",
            &j,
            "--work",
            "Wheel nuts",
            "--parts-amount",
            "10",
        ],
    );
    s.sql()
        .execute_batch(
            "DROP TRIGGER bound_lines_parts_amount_update;
             DROP TRIGGER bound_lines_approved_parts_update;
             UPDATE lines SET parts_amount = 9223372036854775000, approved_parts = 9223372036854775000;",
        )
        .unwrap();
    let total = s.json(None, &["job", "invoice", &j])["totals"]["total"]
        .as_i64()
        .unwrap();
    assert!(total > 0, "the total wrapped to {total}");
    let problems = s.check_problems().join("\n");
    assert!(
        problems.contains("parts_amount is 9223372036854775000, past the bound"),
        "{problems}"
    );
}
