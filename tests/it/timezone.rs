//! Issue 25: the shop's time zone. Once set, every terminal shows the
//! shop's days and hours whatever `TZ` its session has (a board opened
//! over SSH from another zone); an unknown zone is refused.

use crate::common::*;

/// `job show` of the job as a terminal in zone `tz` prints it.
fn shown_in(s: &Shop, tz: &str, job: &str) -> String {
    let r = run(bin_on(&s.db)
        .env("TZ", tz)
        .args(["--as", "Ada", "job", "show", job]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn every_terminal_shows_the_shops_hours_once_it_has_a_zone() {
    let s = Shop::staffed();
    let j = s.ok(
        Some("Ada"),
        &["job", "new", "--plate", "TZ-1", "--complaint", "Noise"],
    );
    let j = j.split_whitespace().next().unwrap().to_string();
    // `init` took the zone of the machine it ran on (the tests' UTC).
    assert_eq!(s.json(Some("Boss"), &["shop", "show"])["timezone"], "UTC");
    s.ok(Some("Boss"), &["shop", "set", "--timezone", ""]);
    // Without a shop zone, each terminal its own: the times differ.
    let (east, west) = (
        shown_in(&s, "Asia/Shanghai", &j),
        shown_in(&s, "America/New_York", &j),
    );
    assert_ne!(east, west, "a test that could not fail");
    let bad = s.refused(Some("Boss"), &["shop", "set", "--timezone", "Mars/Olympus"]);
    assert!(
        bad.contains("Mars/Olympus") && bad.contains("Asia/Shanghai"),
        "{bad}"
    );
    let sneaky = s.refused(
        Some("Boss"),
        &["shop", "set", "--timezone", "../../etc/passwd"],
    );
    assert!(sneaky.contains("time zone"), "{sneaky}");
    s.ok(
        Some("Boss"),
        &["shop", "set", "--timezone", "Asia/Shanghai"],
    );
    let shown = s.json(Some("Boss"), &["shop", "show"]);
    assert_eq!(shown["timezone"], "Asia/Shanghai");
    assert_eq!(shown_in(&s, "America/New_York", &j), east);
    assert_eq!(shown_in(&s, "Europe/London", &j), east);
    // Cleared: each terminal its own again.
    s.ok(Some("Boss"), &["shop", "set", "--timezone", ""]);
    assert_eq!(shown_in(&s, "America/New_York", &j), west);
}

/// `init` says which zone it gave the shop (the machine's), or that it
/// could give none; a stored zone this machine has no file for is not
/// silently UTC: the terminal keeps its own and says so; the zone files'
/// other trees are not a place.
#[test]
fn init_names_the_zone_and_an_unknown_one_is_not_silently_utc() {
    let dir = tempfile::tempdir().unwrap();
    let init = |tz: &str, name: &str| {
        let r = run(bin_on(&dir.path().join(name)).env("TZ", tz).arg("init"));
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let said = init("Asia/Shanghai", "a.sqlite3");
    assert!(said.contains("time zone Asia/Shanghai"), "{said}");
    let said = init("CST-8", "b.sqlite3");
    assert!(said.contains("none recorded"), "{said}");

    let s = Shop::staffed();
    let j = s.ok(
        Some("Ada"),
        &["job", "new", "--plate", "TZ-2", "--complaint", "Noise"],
    );
    let j = j.split_whitespace().next().unwrap().to_string();
    s.ok(Some("Boss"), &["shop", "set", "--timezone", ""]);
    let own = shown_in(&s, "Asia/Shanghai", &j);
    for odd in ["right/Asia/Tokyo", "posix/Asia/Tokyo", "Factory"] {
        let bad = s.refused(Some("Boss"), &["shop", "set", "--timezone", odd]);
        assert!(bad.contains(odd), "{bad}");
    }
    // Written past bayboard: a name no zone file has.
    rusqlite::Connection::open(&s.db)
        .unwrap()
        .execute("UPDATE shop SET timezone = 'Mars/Olympus'", [])
        .unwrap();
    let r = run(bin_on(&s.db)
        .env("TZ", "Asia/Shanghai")
        .args(["--as", "Ada", "job", "show", &j]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stdout, own, "the terminal's own zone, not UTC");
    assert!(r.stderr.contains("Mars/Olympus"), "{}", r.stderr);
    let shown = s.ok(Some("Boss"), &["shop", "show"]);
    assert!(
        shown.contains("Mars/Olympus (not known on this computer"),
        "{shown}"
    );
}
