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
