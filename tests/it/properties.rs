//! Property tests: random sequences of operations by random people keep
//! every invariant after every step, and no input makes a parser panic.

use crate::common::{lines_done_in, new_job_in, workshop};
use bayboard::Error;
use bayboard::domain::Field;
use bayboard::domain::aftersales::ComplaintStatus;
use bayboard::domain::inspection::Level;
use bayboard::domain::numbers::{parse_job_number, parse_parts_id};
use bayboard::domain::qc::{Verdict, parse_mark};
use bayboard::domain::validate;
use bayboard::domain::warranty::{ClaimStatus, Payer};
use bayboard::domain::{BayKind, JobAction, PartKind, PartStatus, Priority, Role};
use bayboard::domain::{LineStatus, Urgency, Via};
use bayboard::store;
use bayboard::workshop::Workshop;
use bayboard::workshop::{ClaimInput, Found, Inspection, LineInput, NewJobInput, NewPartsInput};
use proptest::prelude::*;

const PEOPLE: [&str; 8] = [
    "Boss", "Ada", "Tina", "Tom", "Quinn", "Pat", "Dual", "Nobody",
];

#[derive(Debug, Clone)]
struct Op {
    kind: u8,
    /// None: the person whose job it is to do this (most of the time).
    who: Option<usize>,
    job: i64,
    arg: u8,
    seen: Option<i64>,
}

fn op() -> impl Strategy<Value = Op> {
    // Steps that move work on come more often than cancelling it.
    let kind = prop_oneof![
        3 => Just(0u8), 1 => Just(1), 1 => Just(2), 1 => Just(3), 5 => Just(4), 2 => Just(5),
        3 => Just(6), 4 => Just(7), 2 => Just(8), 4 => Just(9), 4 => Just(10), 2 => Just(11),
        3 => Just(12), 1 => Just(13), 1 => Just(14), 3 => Just(15), 3 => Just(16), 3 => Just(17),
        2 => Just(18), 2 => Just(19), 1 => Just(20), 1 => Just(21),
        // Issue 24: the peer check (and the shop turning it on or off),
        // lines paid by others than the customer, warranty claims.
        3 => Just(22), 1 => Just(23), 2 => Just(24), 3 => Just(25),
    ];
    (
        kind,
        prop::option::weighted(0.2, 0usize..PEOPLE.len()),
        1i64..6,
        any::<u8>(),
        prop::option::weighted(0.1, 0i64..12),
    )
        .prop_map(|(kind, who, job, arg, seen)| Op {
            kind,
            who,
            job,
            arg,
            seen,
        })
}

/// Most steps go to a job in a state where they make sense, so random runs
/// reach deep into the lifecycle; `o.job` is used otherwise.
fn target(ws: &Workshop, o: &Op) -> i64 {
    let states: &[&str] = match o.kind {
        0 => &["waiting"],
        1 | 2 => &[
            "dispatched",
            "in_progress",
            "paused",
            "waiting_parts",
            "rework",
        ],
        4 => &["dispatched", "rework"],
        5 | 7 => &["in_progress"],
        15 => &[
            "dispatched",
            "in_progress",
            "paused",
            "waiting_parts",
            "rework",
        ],
        16 => &["waiting_approval", "in_progress", "paused"],
        17 => &["in_progress", "paused", "rework"],
        6 => &["paused"],
        8 => &["in_progress", "dispatched", "paused"],
        10 | 11 => &["ready_for_qc"],
        22 => &["peer_check"],
        24 => &[
            "in_progress",
            "paused",
            "dispatched",
            "qc_passed",
            "delivered",
        ],
        25 => &["in_progress", "paused", "qc_passed", "delivered"],
        12 | 20 | 21 => &["qc_passed"],
        18 | 19 => &["delivered"],
        _ => &[],
    };
    if states.is_empty() || o.arg.is_multiple_of(5) {
        return o.job;
    }
    let list = states
        .iter()
        .map(|s| format!("'{s}'"))
        .collect::<Vec<_>>()
        .join(",");
    let c = ws.store().connection();
    let mut stmt = c
        .prepare(&format!(
            "SELECT id FROM jobs WHERE status IN ({list}) ORDER BY id"
        ))
        .unwrap();
    let ids: Vec<i64> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    if ids.is_empty() {
        o.job
    } else {
        ids[o.arg as usize % ids.len()]
    }
}

/// Who would normally take this step.
fn usual(ws: &Workshop, o: &Op) -> String {
    let tech = || {
        ws.store()
            .read(|c| store::job(c, o.job))
            .ok()
            .flatten()
            .and_then(|j| j.technician)
            .unwrap_or_else(|| "Tina".into())
    };
    match o.kind {
        0..=3 | 13 | 21 => "Boss".into(),
        4..=8 | 15 | 17 => tech(),
        16 => "Ada".into(),
        9 => "Pat".into(),
        10 | 11 => "Quinn".into(),
        // Another technician than the job's.
        22 => if tech() == "Tom" { "Tina" } else { "Tom" }.into(),
        23 => "Boss".into(),
        _ => "Ada".into(),
    }
}

fn apply(ws: &mut Workshop, o: &Op) -> Result<(), Error> {
    let o = &Op {
        job: target(ws, o),
        ..o.clone()
    };
    let who = match o.who {
        Some(i) => PEOPLE[i].to_string(),
        None => usual(ws, o),
    };
    let who = who.as_str();
    let techs = ["Tina", "Tom", "Dual", "Quinn"];
    let bays = ["B1", "B2", "B9"];
    let (n, a, seen) = (o.job, o.arg as usize, o.seen);
    match o.kind {
        0 => ws
            .dispatch(who, n, bays[a % 3], techs[a % 4], seen)
            .map(drop),
        1 => ws
            .reassign(
                who,
                n,
                (a % 2 == 0).then_some(bays[a % 3]),
                (a % 3 == 0).then_some(techs[a % 4]),
                seen,
            )
            .map(drop),
        2 => ws.act(who, n, JobAction::Release, None, seen).map(drop),
        3 => ws
            .set_priority(who, n, Priority::ALL[a % 3], seen)
            .map(drop),
        4 => ws.act(who, n, JobAction::Start, None, seen).map(drop),
        5 => ws.act(who, n, JobAction::Pause, None, seen).map(drop),
        6 => ws.act(who, n, JobAction::Resume, None, seen).map(drop),
        7 => ws.act(who, n, JobAction::Finish, None, seen).map(drop),
        8 => ws
            .log_parts(
                who,
                n,
                &NewPartsInput {
                    part: "Pads".into(),
                    kind: PartKind::ALL[a % 6],
                    qty: (a % 4) as i64,
                    blocking: a % 2 == 0,
                    note: None,
                },
                seen,
            )
            .map(drop),
        9 => ws
            .update_parts(who, (a % 6) as i64 + 1, PartStatus::ALL[a % 5], None, None)
            .map(drop),
        10 | 11 => {
            let fail = o.kind == 11;
            let marks = if fail || a % 7 == 0 {
                vec![parse_mark("no_leaks=fail").unwrap()]
            } else {
                vec![]
            };
            let v = if fail { Verdict::Fail } else { Verdict::Pass };
            ws.inspect(
                who,
                n,
                v,
                &Inspection {
                    marks,
                    ..Default::default()
                },
                seen,
            )
            .map(drop)
        }
        12 => ws.act(who, n, JobAction::Deliver, None, seen).map(drop),
        22 => {
            let fail = a % 3 == 0;
            let v = if fail { Verdict::Fail } else { Verdict::Pass };
            let marks = if fail {
                vec![parse_mark("work_checked=fail").unwrap()]
            } else {
                vec![]
            };
            let inspection = Inspection {
                marks,
                ..Default::default()
            };
            ws.inspect_level(who, n, Level::Peer, v, &inspection, seen)
                .map(drop)
        }
        23 => ws.set_peer_check(Some(who), a % 2 == 0),
        24 => {
            let campaign = (a % 7 == 0).then(|| "RC-1".to_string());
            let input = LineInput {
                work: "Water pump".into(),
                hours: Some(1.0),
                payer: Payer::ALL[a % Payer::ALL.len()],
                campaign,
                ..LineInput::default()
            };
            ws.add_line(who, n, &input, seen).map(drop)
        }
        25 => {
            if a % 3 == 0 {
                let input = ClaimInput {
                    symptom: "leak".into(),
                    cause: "seal".into(),
                    correction: "replaced".into(),
                    part: "WP-1".into(),
                };
                ws.new_claim(who, n, &input).map(drop)
            } else {
                // Mostly a step the claim may take, sometimes any.
                let id = if a % 4 == 1 { (a % 3) as i64 + 2 } else { 1 };
                let now = ws.store().read(|c| store::claim(c, id)).unwrap();
                let to = match now.map(|c| c.status.next()) {
                    Some(next) if !next.is_empty() && a % 5 != 0 => next[a % next.len()],
                    _ => ClaimStatus::ALL[a % ClaimStatus::ALL.len()],
                };
                let number = (a % 2 == 0).then_some("FAW-1");
                ws.update_claim(who, id, to, number, None).map(drop)
            }
        }
        // After delivery: a follow-up call, reached with a score or missed.
        18 => {
            let reached = a % 3 != 0;
            ws.log_followup(who, n, reached, reached.then_some((a % 5) as i64 + 1), None)
                .map(drop)
        }
        // A complaint about the job, or a step of one.
        19 => {
            if a % 2 == 0 {
                ws.new_complaint(who, Some(n), None, (a % 3) as i64 + 1, "noise again", None)
                    .map(drop)
            } else {
                let to = [
                    ComplaintStatus::Acknowledged,
                    ComplaintStatus::Resolved,
                    ComplaintStatus::Closed,
                ][a % 3];
                ws.step_complaint(who, (a % 4) as i64 + 1, to, None)
                    .map(drop)
            }
        }
        20 => ws.wash(who, n).map(drop),
        21 => ws
            .adjust(who, n, &format!("{}", a % 50), "customer agreed")
            .map(drop),
        // Found work, blocking or not, on a job in work.
        15 => ws
            .add_line(
                who,
                n,
                &LineInput {
                    work: "Pads at 2 mm".into(),
                    hours: Some(0.5 + (a % 3) as f64),
                    amount: Some(a as i64 * 100),
                    found: Some(Found {
                        urgency: Urgency::ALL[a % 3],
                        blocking: a % 2 == 0,
                    }),
                    note: None,
                    ..LineInput::default()
                },
                seen,
            )
            .map(drop),
        // The customer decides on the job's oldest proposed line.
        16 => {
            let lines = ws.store().read(|c| store::lines_for_job(c, n)).unwrap();
            let id = lines
                .iter()
                .find(|l| l.status == LineStatus::Proposed)
                .map_or((a % 9) as i64 + 1, |l| l.id);
            let via = Via::ALL[a % 3];
            ws.decide_line(who, id, a % 3 != 0, "Mr Lee", via, None)
                .map(drop)
        }
        // The technician marks the next line to do as done (or reopens one).
        17 => {
            let lines = ws.store().read(|c| store::lines_for_job(c, n)).unwrap();
            let reopen = a % 7 == 0;
            let want = if reopen {
                LineStatus::Done
            } else {
                LineStatus::Approved
            };
            let id = lines
                .iter()
                .find(|l| l.status == want)
                .map_or((a % 9) as i64 + 1, |l| l.id);
            ws.mark_line(who, id, !reopen).map(drop)
        }
        13 => ws
            .cancel(who, n, if a % 5 == 0 { "" } else { "customer left" }, seen)
            .map(drop),
        _ => ws
            .new_job(
                who,
                &NewJobInput {
                    plate: format!("P-{a}"),
                    complaint: "noise".into(),
                    ..Default::default()
                },
            )
            .map(drop),
    }
}

/// Everything a refusal must leave as it was.
fn fingerprint(ws: &Workshop) -> (i64, i64, i64, i64, String, String) {
    let c = ws.store().connection();
    let q = |sql: &str| c.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    (
        q("SELECT count(*) FROM events"),
        q("SELECT coalesce(sum(version), 0) FROM jobs"),
        q("SELECT count(*) FROM time_entries"),
        q("SELECT count(*) FROM parts_issues"),
        c.query_row(
            "SELECT count(*) || ':' || coalesce(group_concat(status || hours), '') FROM lines",
            [],
            |r| r.get::<_, String>(0),
        )
        .unwrap(),
        c.query_row(
            "SELECT count(*) || ':' || coalesce(group_concat(status || coalesce(number, '')), '')
               FROM claims",
            [],
            |r| r.get::<_, String>(0),
        )
        .unwrap(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn random_operations_by_random_people_keep_every_invariant(ops in prop::collection::vec(op(), 1..100)) {
        let (_d, mut ws) = workshop();
        for _ in 0..4 {
            new_job_in(&mut ws, "Ada", "X-1");
        }
        // Two more taken through QC, one of them delivered: the steps after
        // the floor (wash, follow-up, complaints) have something to act on.
        for deliver in [true, false] {
            let n = new_job_in(&mut ws, "Ada", "X-2");
            if deliver {
                // A warranty line: the claim steps have one to move on.
                let pump = LineInput {
                    work: "Water pump".into(),
                    payer: Payer::Warranty,
                    ..LineInput::default()
                };
                ws.add_line("Ada", n, &pump, None).unwrap();
            }
            ws.dispatch("Boss", n, "B1", "Tom", None).unwrap();
            ws.act("Tom", n, JobAction::Start, None, None).unwrap();
            lines_done_in(&mut ws, "Tom", n);
            ws.act("Tom", n, JobAction::Finish, None, None).unwrap();
            ws.inspect("Quinn", n, Verdict::Pass, &Inspection::default(), None).unwrap();
            if deliver {
                ws.act("Ada", n, JobAction::Deliver, None, None).unwrap();
                let claim = ClaimInput {
                    symptom: "leak".into(),
                    cause: "seal".into(),
                    correction: "replaced".into(),
                    part: "WP-1".into(),
                };
                ws.new_claim("Ada", n, &claim).unwrap();
            }
        }
        // The peer check on, and one job waiting for it.
        ws.set_peer_check(Some("Boss"), true).unwrap();
        let n = new_job_in(&mut ws, "Ada", "X-3");
        ws.dispatch("Boss", n, "B2", "Tina", None).unwrap();
        ws.act("Tina", n, JobAction::Start, None, None).unwrap();
        lines_done_in(&mut ws, "Tina", n);
        ws.act("Tina", n, JobAction::Finish, None, None).unwrap();
        let mut done = [0usize; 26];
        // Issue 25: a board that reads again only what the events since
        // touched is the board read whole, after every operation.
        let (now, day) = (chrono::Utc::now() + chrono::Duration::hours(1), chrono::Utc::now() - chrono::Duration::hours(2));
        let mut board = bayboard::read::board::load(ws.store(), now, day).unwrap();
        for o in &ops {
            let before = fingerprint(&ws);
            match apply(&mut ws, o) {
                Ok(()) => { done[o.kind as usize] += 1; }
                Err(Error::Refused(_)) => prop_assert_eq!(fingerprint(&ws), before, "a refusal changed something: {:?}", o),
                Err(e) => prop_assert!(false, "{:?} failed instead of being refused: {}", o, e),
            }
            let report = ws.store().check().unwrap();
            prop_assert!(report.ok(), "after {:?}: {:?}", o, report);
            let fresh = bayboard::read::board::refresh(ws.store(), &board, now, day).unwrap();
            let whole = bayboard::read::board::load(ws.store(), now, day).unwrap();
            let (fresh_text, whole_text) = (format!("{fresh:#?}"), format!("{whole:#?}"));
            if fresh_text != whole_text {
                let differ: Vec<String> = fresh_text.lines().zip(whole_text.lines()).enumerate()
                    .filter(|(_, (a, b))| a != b).take(6)
                    .map(|(i, (a, b))| format!("line {i}: in part {a} / whole {b}")).collect();
                prop_assert!(false, "the board read in part after {:?} differs: {:#?}", o, differ);
            }
            board = fresh;
        }
        // The figures of whatever happened: never negative, shares 0–100,
        // and today's tally split at the hour adds up.
        let zone = bayboard::read::figures::Zone::Fixed(chrono::FixedOffset::east_opt(0).unwrap());
        let now = chrono::Utc::now();
        let today = bayboard::read::figures::Span::today(now, &zone);
        let f = bayboard::read::figures::compute(ws.store(), bayboard::read::figures::Span::new(today.from - chrono::Duration::days(1), today.to), &zone, now, &mut |_, _| {}).unwrap();
        if let Err(e) = crate::figures::in_bounds(&f) {
            prop_assert!(false, "after {:?}: {}", ops, e);
        }
        if std::env::var("PROP_TRACE").is_ok() {
            eprintln!("DONE {done:?}");
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn parsers_and_validators_never_panic(s in "\\PC*|.*", n in any::<i64>(), f in any::<f64>(), w in 0usize..40) {
        let now = chrono::Local::now();
        let _ = bayboard::timeparse::parse_time(Field::Promised, &s, &now);
        let _ = parse_job_number(&s);
        let _ = parse_parts_id(&s);
        let _ = parse_mark(&s);
        let _ = bayboard::domain::vehicle::vin(&s);
        let _ = validate::required_text(Field::Note, &s, 60);
        let _ = validate::optional_text(Field::Note, Some(&s), 60);
        let _ = validate::plate(&s);
        let _ = validate::phone(Some(&s));
        let _ = validate::quantity(n);
        let _ = validate::year(n, 2026);
        let _ = validate::odometer(n);
        let _ = validate::estimate_hours(f);
        let _ = validate::road_test_km(f);
        let _ = s.parse::<bayboard::domain::JobStatus>();
        let _ = s.parse::<Priority>();
        let _ = s.parse::<Role>();
        let _ = s.parse::<BayKind>();
        let _ = s.parse::<PartKind>();
        let _ = s.parse::<PartStatus>();
        let shown = bayboard::text::fit(&s, w);
        prop_assert!(bayboard::text::width(&shown) <= w);
        prop_assert!(!shown.chars().any(|c| c.is_control()));
        prop_assert_eq!(bayboard::text::width(&bayboard::text::cell(&s, w)), w);
    }

    #[test]
    fn accepted_text_is_stored_faithfully(s in "[^\\p{Cc}\\p{Cf}]{1,60}") {
        if let Ok(v) = validate::required_text(Field::Note, &s, 60) {
            // Normalised once, it stays as it is: what is stored is what
            // the next reader compares with.
            prop_assert_eq!(validate::required_text(Field::Note, &v, 60).unwrap(), v.clone());
            prop_assert!(v.chars().count() <= 60);
            if s.chars().all(|c| c.is_ascii_graphic() || c == ' ') {
                prop_assert_eq!(v, s.trim());
            }
        }
    }
}

/// Plates as people type them: provinces, letters and digits in half and
/// full width, with separators anywhere.
fn typed_plate() -> impl Strategy<Value = (String, String)> {
    let part = "[粤京沪鲁苏浙川]?[A-Z][A-Z0-9]{3,6}";
    (part, prop::collection::vec(0usize..6, 0..4)).prop_map(|(plate, cuts)| {
        let mut typed = String::new();
        for (i, c) in plate.chars().enumerate() {
            if cuts.contains(&i) {
                typed.push([' ', '·', '-', '－', '　', '.'][i % 6]);
            }
            // Some letters and digits typed full width (Ａ, ２).
            let c = match c {
                'A'..='Z' | '0'..='9' if i % 3 == 1 => {
                    char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                }
                c => c,
            };
            typed.push(c);
        }
        (plate, typed)
    })
}

/// Text a shop types: Chinese, Latin, full-width, digits and spaces mixed.
fn mixed_text() -> impl Strategy<Value = String> {
    "[张敏刹车异响粤京后轮胎磨损ＡＢ１２ a-zA-Z0-9·—]{0,40}"
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Issue 21: the canonical plate ignores separators, case and width,
    /// and is its own canonical form.
    #[test]
    fn the_canonical_plate_ignores_how_it_was_typed((plate, typed) in typed_plate()) {
        use bayboard::domain::vehicle::plate_key;
        let key = plate_key(&typed);
        prop_assert_eq!(&key, &plate_key(&plate));
        prop_assert_eq!(&plate_key(&key), &key);
        prop_assert_eq!(plate_key(&typed.to_lowercase()), key);
    }

    /// Issue 21: text cut to a column stays within it and a cell fills it
    /// exactly, whatever mix of double-width and Latin, in either language.
    #[test]
    fn text_fits_its_column_in_both_languages(s in mixed_text(), w in 0usize..30) {
        use bayboard::present::lang::{Lang, scoped};
        use bayboard::text::{cell, fit, width};
        for lang in Lang::ALL {
            let (fitted, celled) = scoped(lang, || (fit(&s, w), cell(&s, w)));
            prop_assert!(width(&fitted) <= w, "{:?} fit to {}: {:?}", s, w, fitted);
            prop_assert_eq!(width(&celled), w, "{:?} in a cell of {}: {:?}", s, w, celled);
        }
    }
}
