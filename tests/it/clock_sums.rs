//! Issue 25: the clocked time kept as sums per local day and hour, in the
//! shop's zone. The figures read the days before today from the sums and
//! must say exactly what reading every clock entry says; a clock stopped
//! adds to them in its own transaction; a terminal counting in another
//! zone leaves them unkept instead of wrong; `check` recounts them.

use crate::common::*;
use bayboard::domain::JobAction;
use bayboard::domain::zone::{DayZone, Zone};
use bayboard::read::figures::{Figures, Span, compute};
use bayboard::store::clock_sums;
use bayboard::workshop::Workshop;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, Utc};
use std::path::Path;
use std::sync::{Arc, Mutex};

type Clock = Arc<Mutex<DateTime<Utc>>>;

fn beijing() -> Zone {
    Zone::Fixed(FixedOffset::east_opt(8 * 3600).unwrap())
}

fn counting_in(name: &str) -> DayZone {
    DayZone {
        name: Some(name.into()),
        zone: beijing(),
    }
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// The shop in Beijing time, its clock in the test's hands.
fn shop() -> (tempfile::TempDir, Workshop, Clock) {
    let (dir, mut ws) = workshop();
    let clock: Clock = Arc::new(Mutex::new(at("2026-11-01T00:00:00Z")));
    let c = clock.clone();
    ws.set_clock(Arc::new(move || *c.lock().unwrap()));
    ws.set_day_zone(counting_in("Asia/Shanghai"));
    ws.set_timezone(Some("Boss"), "Asia/Shanghai").unwrap();
    // As `init` does: kept from the first clock on.
    assert!(ws.keep_clock_sums().unwrap());
    (dir, ws, clock)
}

/// A day of work from `day`'s 22:00 Beijing time: Tom on the clock past
/// local midnight with a pause, Tina for a stretch in the small hours,
/// each in a bay of the day's own.
fn day_of_work(ws: &mut Workshop, clock: &Clock, day: NaiveDate) {
    let set = |t: DateTime<Utc>| *clock.lock().unwrap() = t;
    let start = day.and_hms_opt(14, 0, 0).unwrap().and_utc(); // 22:00 local
    set(start);
    let [tom, tina] = [("Tom", "T"), ("Tina", "N")].map(|(tech, bay)| {
        let bay = format!("{bay}{}", day.format("%m%d"));
        ws.add_bay(Some("Boss"), &bay, bayboard::domain::BayKind::Mechanical)
            .unwrap();
        let n = new_job_in(ws, "Ada", &format!("{tech}-{}", day.format("%m%d")));
        ws.dispatch("Boss", n, &bay, tech, None).unwrap();
        n
    });
    ws.act("Tom", tom, JobAction::Start, None, None).unwrap();
    set(start + Duration::minutes(95)); // 23:35
    ws.act("Tom", tom, JobAction::Pause, None, None).unwrap();
    set(start + Duration::minutes(130)); // 00:10 the next day
    ws.act("Tom", tom, JobAction::Resume, None, None).unwrap();
    ws.act("Tina", tina, JobAction::Start, None, None).unwrap();
    set(start + Duration::minutes(247)); // 02:07
    lines_done_in(ws, "Tina", tina);
    ws.act("Tina", tina, JobAction::Finish, None, None).unwrap();
    set(start + Duration::minutes(301)); // 03:01
    lines_done_in(ws, "Tom", tom);
    ws.act("Tom", tom, JobAction::Finish, None, None).unwrap();
}

fn figures(ws: &Workshop, now: DateTime<Utc>) -> Figures {
    let span = Span::new("2026-10-30".parse().unwrap(), "2026-11-12".parse().unwrap());
    compute(ws.store(), span, &beijing(), now, &mut |_, _| {}).unwrap()
}

/// The same file read by a terminal counting in another zone's name: it
/// cannot use the sums and reads every clock entry.
fn from_the_clock(db: &Path, now: DateTime<Utc>) -> Figures {
    let mut other = Workshop::open(db).unwrap();
    other.set_day_zone(counting_in("Somewhere/Else"));
    figures(&other, now)
}

fn kept_in(ws: &Workshop) -> Option<String> {
    ws.store().read(clock_sums::clock_zone).unwrap()
}

#[test]
fn the_figures_read_from_the_sums_are_what_the_clock_entries_say() {
    let (dir, mut ws, clock) = shop();
    let db = dir.path().join("shop.sqlite3");
    let first: NaiveDate = "2026-11-01".parse().unwrap();
    for d in 0..4 {
        day_of_work(&mut ws, &clock, first + Duration::days(d));
    }
    assert_eq!(kept_in(&ws).as_deref(), Some("Asia/Shanghai"));
    assert!(!ws.keep_clock_sums().unwrap(), "nothing to build");
    for d in 4..8 {
        day_of_work(&mut ws, &clock, first + Duration::days(d));
    }
    // Tom still on the clock from 22:00 yesterday into today.
    let last = first + Duration::days(8);
    let started = last.and_hms_opt(14, 0, 0).unwrap().and_utc();
    *clock.lock().unwrap() = started;
    ws.add_bay(Some("Boss"), "LATE", bayboard::domain::BayKind::Mechanical)
        .unwrap();
    let late = new_job_in(&mut ws, "Ada", "LATE-1");
    ws.dispatch("Boss", late, "LATE", "Tom", None).unwrap();
    ws.act("Tom", late, JobAction::Start, None, None).unwrap();
    let now = started + Duration::hours(7); // 05:00 local, the next day
    *clock.lock().unwrap() = now;

    let kept = figures(&ws, now);
    let counted = from_the_clock(&db, now);
    assert_eq!(kept, counted);
    let tom = kept.technicians.iter().find(|t| t.name == "Tom").unwrap();
    // 8 nights of 1:35 + 2:51, and 7 hours of the clock still running.
    assert_eq!(tom.clocked_hours, 42.5, "{kept:#?}");
    let bay = kept
        .bay_utilisation
        .iter()
        .find(|b| b.bay == "T1101")
        .unwrap();
    assert!(
        bay.pct_by_hour[23] > 0.0 && bay.pct_by_hour[2] > 0.0,
        "{bay:?}"
    );
    assert!(
        ws.store()
            .read(|c| Ok(sql_count(c, "SELECT count(*) FROM clock_bay_hours")))
            .unwrap()
            > 0
    );
    let report = ws.store().check().unwrap();
    assert!(report.ok(), "{report:#?}");

    // A sum changed with the sqlite3 tool is named by `check`.
    let raw = rusqlite::Connection::open(&db).unwrap();
    raw.execute(
        "UPDATE clock_staff_days SET ms = ms + 60000 WHERE day = '2026-11-03'",
        [],
    )
    .unwrap();
    let report = ws.store().check().unwrap();
    let named = |who: &str| {
        report
            .problems
            .iter()
            .any(|p| p.contains("kept sums differ") && p.contains(&format!("2026-11-03 {who}")))
    };
    assert!(named("Tom") && named("Tina"), "{report:#?}");
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("shop set --timezone Asia/Shanghai")),
        "how to count them again: {report:#?}"
    );
    // As the problem says: the zone set again, the sums counted afresh.
    ws.set_timezone(Some("Boss"), "Asia/Shanghai").unwrap();
    assert!(ws.keep_clock_sums().unwrap());
    assert!(ws.store().check().unwrap().ok());
}

#[test]
fn a_terminal_counting_in_another_zone_leaves_the_sums_unkept_not_wrong() {
    let (dir, mut ws, clock) = shop();
    let db = dir.path().join("shop.sqlite3");
    let first: NaiveDate = "2026-11-01".parse().unwrap();
    day_of_work(&mut ws, &clock, first);
    // A board started before the zone changed stops a clock.
    let mut stale = Workshop::open(&db).unwrap();
    let c = clock.clone();
    stale.set_clock(Arc::new(move || *c.lock().unwrap()));
    stale.set_day_zone(counting_in("Europe/London"));
    day_of_work(&mut stale, &clock, first + Duration::days(1));
    assert_eq!(kept_in(&ws), None);
    let now = at("2026-11-05T00:00:00Z");
    assert_eq!(figures(&ws, now), from_the_clock(&db, now));
    // The next process in the shop's zone counts them again.
    assert!(ws.keep_clock_sums().unwrap());
    assert_eq!(kept_in(&ws).as_deref(), Some("Asia/Shanghai"));
    assert_eq!(figures(&ws, now), from_the_clock(&db, now));
    assert!(ws.store().check().unwrap().ok());
    // A new zone for the shop: the old days no longer count.
    ws.set_timezone(Some("Boss"), "Asia/Tokyo").unwrap();
    assert_eq!(kept_in(&ws), None);
    assert!(
        !ws.keep_clock_sums().unwrap(),
        "this process is not in Tokyo"
    );
}
