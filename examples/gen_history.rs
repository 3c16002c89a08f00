//! Writes a benchmark workshop: a large dealer (40 bays, 60 technicians) with
//! years of delivered jobs and their full trails, plus a live day on the
//! floor with open jobs in every state.
//!
//!     cargo run --release --example gen_history -- --db FILE --jobs 1000000
//!
//! The history goes straight through the store's bulk writer (the same tables
//! and invariants as jobs that lived through the operations layer); the live
//! day goes through the operations layer itself.

use bayboard::domain::qc::{self, Checklist, ItemResult, Mark, Verdict};
use bayboard::domain::{
    BayKind, JobAction, LineStatus, PartKind, PartStatus, Priority, Role, Urgency,
};
use bayboard::store::bulk::{self, HistoryEvent, HistoryJob, HistoryLine, HistoryParts, HistoryQc};
use bayboard::store::{self, Store};
use bayboard::workshop::{Found, Inspection, LineInput, NewJobInput, NewPartsInput, Workshop};
use chrono::{DateTime, Duration, Utc};
use std::path::PathBuf;
use std::time::Instant;

pub const BAYS: usize = 40;
pub const TECHS: usize = 60;
const JOBS_PER_DAY: usize = 200;
const BATCH: usize = 20_000;

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

#[derive(clap::Parser)]
#[command(
    about = "Fills a new database with years of made-up, consistent workshop history, for the benchmarks"
)]
struct Args {
    /// The new database file
    #[arg(long)]
    db: PathBuf,
    /// How many finished jobs (underscores allowed: 1_000_000)
    #[arg(long, default_value = "100000", value_parser = jobs)]
    jobs: usize,
}

fn jobs(v: &str) -> Result<usize, String> {
    v.replace('_', "")
        .parse()
        .map_err(|_| format!("'{v}' is not a number of jobs"))
}

fn args() -> Args {
    <Args as clap::Parser>::parse()
}

const COMPLAINTS: [&str; 8] = [
    "Brakes squeal when stopping",
    "Annual service and oil change",
    "Check engine light on",
    "Air conditioning blows warm",
    "Knocking from front suspension",
    "Rear bumper scuff repair",
    "Steering pulls to the left",
    "Battery drains overnight",
];

fn main() {
    let a = args();
    if a.db.exists() {
        eprintln!("{} exists; choose a new file", a.db.display());
        std::process::exit(2);
    }
    let started = Instant::now();
    let now = Utc::now();
    let mut ws = Workshop::create(&a.db).expect("create the database");
    setup(&mut ws);
    drop(ws);

    let mut st = Store::open(&a.db).expect("open");
    bulk::fast_bulk_mode(st.connection()).unwrap();
    let staff = st.read(store::staff_list).unwrap();
    let id = |name: &str| staff.iter().find(|s| s.name == name).unwrap().id;
    let techs: Vec<i64> = (1..=TECHS).map(|t| id(&format!("Tech {t:02}"))).collect();
    let foreman = id("Foreman 1");
    let advisor = id("Advisor 1");
    let parts_staff = id("Parts 1");
    let qcs: Vec<i64> = (1..=4).map(|q| id(&format!("QC {q}"))).collect();
    let bays = st.read(store::bay_list).unwrap();

    let checklist = Checklist::builtin();
    let pass_items = qc::complete(&checklist, &[], ItemResult::Pass).unwrap();
    let fail_items = qc::complete(
        &checklist,
        &[Mark {
            id: "no_leaks".into(),
            result: ItemResult::Fail,
            note: Some("weep at sump".into()),
        }],
        ItemResult::Pass,
    )
    .unwrap();

    let fleet = (a.jobs / 3).max(100);
    let (v0, c0) = bulk::write(&mut st, |c| bulk::insert_fleet(c, fleet)).unwrap();
    let days = (a.jobs / JOBS_PER_DAY).max(1) as i64;
    let first_day = now - Duration::days(days + 1);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut done = 0;
    while done < a.jobs {
        let n = BATCH.min(a.jobs - done);
        bulk::write(&mut st, |c| {
            for k in done..done + n {
                let day = (k / JOBS_PER_DAY) as i64;
                let open = first_day
                    + Duration::days(day)
                    + Duration::minutes(7 * 60 + (k % JOBS_PER_DAY) as i64 * 2);
                let job = history_job(
                    &mut rng,
                    k,
                    open,
                    &techs,
                    foreman,
                    advisor,
                    parts_staff,
                    &qcs,
                    &bays,
                    &pass_items,
                    &fail_items,
                    v0,
                    c0,
                    fleet,
                );
                bulk::insert_history_job(c, &job)?;
            }
            Ok(())
        })
        .unwrap();
        done += n;
        eprint!(
            "\r{done} jobs of history written ({:.0} s)",
            started.elapsed().as_secs_f64()
        );
    }
    eprintln!();
    st.connection()
        .pragma_update(None, "synchronous", "NORMAL")
        .unwrap();
    drop(st);

    let mut ws = Workshop::open(&a.db).unwrap();
    // The zone `init` gives a shop, and the bulk history's clock counted
    // into the sums once (later clocks add to them as they stop).
    if let Some(zone) = bayboard::domain::zone::DayZone::from_env().name {
        ws.set_timezone(Some("Foreman 1"), &zone).unwrap();
    }
    let counting = std::time::Instant::now();
    if ws.keep_clock_sums().unwrap() {
        eprintln!(
            "clocked sums counted in {:.1} s",
            counting.elapsed().as_secs_f64()
        );
    }
    let live = live_day(&mut ws);
    let report = ws.store().check().unwrap();
    let size = std::fs::metadata(&a.db).map(|m| m.len()).unwrap_or(0);
    println!(
        "{}: {} jobs ({} open on the floor), {} events, {:.0} MB, written in {:.0} s; check: {}",
        a.db.display(),
        report.jobs,
        live,
        report.events,
        size as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        if report.ok() {
            "ok".to_string()
        } else {
            format!("{:?}", report.problems)
        }
    );
}

fn setup(ws: &mut Workshop) {
    ws.add_staff(None, "Foreman 1", &[Role::Foreman], &[])
        .unwrap();
    let f = Some("Foreman 1");
    ws.set_shop_name(f, "Harbour Auto Group service").unwrap();
    ws.add_staff(f, "Foreman 2", &[Role::Foreman], &[]).unwrap();
    for i in 1..=3 {
        ws.add_staff(f, &format!("Advisor {i}"), &[Role::Advisor], &[])
            .unwrap();
    }
    for i in 1..=4 {
        ws.add_staff(f, &format!("QC {i}"), &[Role::Qc], &[])
            .unwrap();
    }
    for i in 1..=2 {
        ws.add_staff(f, &format!("Parts {i}"), &[Role::Parts], &[])
            .unwrap();
    }
    const SKILLS: [&str; 6] = [
        "brakes",
        "engine",
        "electrical",
        "body",
        "alignment",
        "service",
    ];
    for t in 1..=TECHS {
        let skills = vec![SKILLS[t % 6].to_string(), SKILLS[(t / 6) % 6].to_string()];
        ws.add_staff(f, &format!("Tech {t:02}"), &[Role::Technician], &skills)
            .unwrap();
    }
    for b in 1..=BAYS {
        let kind = match b % 8 {
            0 => BayKind::Body,
            1 => BayKind::Quick,
            2 => BayKind::Alignment,
            3 => BayKind::Diagnosis,
            _ => BayKind::Mechanical,
        };
        ws.add_bay(f, &format!("B{b:02}"), kind).unwrap();
    }
}

#[allow(clippy::too_many_arguments)]
fn history_job<'a>(
    rng: &mut Rng,
    k: usize,
    open: DateTime<Utc>,
    techs: &[i64],
    foreman: i64,
    advisor: i64,
    parts_staff: i64,
    qcs: &[i64],
    bays: &[store::BayRow],
    pass_items: &'a [qc::ItemOutcome],
    fail_items: &'a [qc::ItemOutcome],
    v0: i64,
    c0: i64,
    fleet: usize,
) -> HistoryJob<'a> {
    let tech = techs[rng.below(techs.len() as u64) as usize];
    let bay_row = &bays[rng.below(bays.len() as u64) as usize];
    let bay = &bay_row.name;
    let mut t = open;
    let mut step = move |rng: &mut Rng, mins: u64| {
        t += Duration::minutes(1 + rng.below(mins) as i64);
        t
    };
    let mut events = Vec::with_capacity(20);
    let mut time = Vec::new();
    let ev = |at, actor_id, kind, from, to, note: Option<String>| HistoryEvent {
        at,
        actor_id,
        kind,
        from: Some(from),
        to: Some(to),
        note,
    };
    events.push(HistoryEvent {
        at: open,
        actor_id: advisor,
        kind: "created",
        from: None,
        to: Some("waiting"),
        note: Some(COMPLAINTS[k % 8].into()),
    });
    events.push(ev(
        step(rng, 60),
        foreman,
        "dispatched",
        "waiting",
        "dispatched",
        Some(format!("bay {bay}, technician {tech}")),
    ));
    let mut run_start = step(rng, 30);
    events.push(ev(
        run_start,
        tech,
        "started",
        "dispatched",
        "in_progress",
        None,
    ));
    for _ in 0..1 + rng.below(4) {
        let p = step(rng, 60);
        time.push((run_start, p));
        events.push(ev(p, tech, "paused", "in_progress", "paused", None));
        run_start = step(rng, 30);
        events.push(ev(
            run_start,
            tech,
            "resumed",
            "paused",
            "in_progress",
            None,
        ));
    }
    let mut parts = Vec::new();
    if rng.chance(30) {
        let blocking = rng.chance(50);
        let logged = step(rng, 30);
        let label = format!("P-{}", k + 1);
        events.push(ev(
            logged,
            tech,
            "parts_logged",
            "in_progress",
            "in_progress",
            Some(format!("{label} brake pads ×2 (out_of_stock)")),
        ));
        let mut state = "in_progress";
        if blocking {
            time.push((run_start, logged));
            events.push(ev(
                logged,
                tech,
                "waiting_parts",
                "in_progress",
                "waiting_parts",
                None,
            ));
            state = "waiting_parts";
        }
        let ordered = step(rng, 20);
        events.push(ev(
            ordered,
            parts_staff,
            "parts_ordered",
            state,
            state,
            None,
        ));
        events.push(ev(
            step(rng, 120),
            parts_staff,
            "parts_received",
            state,
            state,
            None,
        ));
        let resolved = step(rng, 20);
        events.push(ev(
            resolved,
            parts_staff,
            "parts_resolved",
            state,
            state,
            None,
        ));
        if blocking {
            events.push(ev(
                resolved,
                parts_staff,
                "parts_cleared",
                "waiting_parts",
                "paused",
                None,
            ));
            run_start = step(rng, 20);
            events.push(ev(
                run_start,
                tech,
                "resumed",
                "paused",
                "in_progress",
                None,
            ));
        }
        parts.push(HistoryParts {
            part: "Brake pads".into(),
            kind: PartKind::OutOfStock.as_str(),
            qty: 2,
            blocking,
            logged_by: tech,
            created_at: logged,
            closed_at: resolved,
            eta: ordered + Duration::hours(2),
        });
    }
    // The work order: the complaint and up to three more requested lines,
    // all done; found work on ~15 % of jobs, declined in 40 % of those.
    let mut lines = Vec::new();
    let requested = 1 + rng.below(4) as usize;
    let found = rng.chance(15);
    for r in 0..requested {
        lines.push(HistoryLine {
            kind: "requested",
            work: COMPLAINTS[(k + r) % 8].into(),
            hours: 0.5 + rng.below(6) as f64 * 0.5,
            amount: rng.below(200_000) as i64,
            status: "done",
            urgency: None,
            added_by: advisor,
            created_at: open,
            decided: None,
            done: None,
        });
    }
    if found {
        let added = step(rng, 30);
        let decided = step(rng, 60);
        let declined = rng.chance(40);
        let urgency = ["safety", "soon", "advisory"][rng.below(3) as usize];
        let label = format!("found-{k}");
        events.push(ev(
            added,
            tech,
            "line_added",
            "in_progress",
            "in_progress",
            Some(format!("{label} Front pads at 2 mm (found, {urgency})")),
        ));
        events.push(ev(
            decided,
            advisor,
            if declined {
                "line_declined"
            } else {
                "line_approved"
            },
            "in_progress",
            "in_progress",
            None,
        ));
        lines.push(HistoryLine {
            kind: "added",
            work: "Front pads at 2 mm".into(),
            hours: 1.2,
            amount: 68_000,
            status: if declined { "declined" } else { "done" },
            urgency: Some(urgency),
            added_by: tech,
            created_at: added,
            decided: Some((decided, advisor, "phone")),
            done: None,
        });
    }
    let finished = step(rng, 90);
    for l in lines.iter_mut().filter(|l| l.status == "done") {
        l.done = Some((finished, tech));
        events.push(ev(
            finished,
            tech,
            "line_done",
            "in_progress",
            "in_progress",
            None,
        ));
    }
    time.push((run_start, finished));
    events.push(ev(
        finished,
        tech,
        "finished",
        "in_progress",
        "ready_for_qc",
        None,
    ));
    let inspector = qcs[rng.below(qcs.len() as u64) as usize];
    let mut qc = Vec::new();
    let mut rework = 0;
    if rng.chance(10) {
        let at = step(rng, 40);
        qc.push(HistoryQc {
            inspector_id: inspector,
            passed: false,
            at,
            items: fail_items,
        });
        events.push(ev(
            at,
            inspector,
            "qc_failed",
            "ready_for_qc",
            "rework",
            Some("rework: No fluid leaks under the vehicle or in the engine bay".into()),
        ));
        let s = step(rng, 30);
        events.push(ev(s, tech, "started", "rework", "in_progress", None));
        let f = step(rng, 60);
        time.push((s, f));
        events.push(ev(f, tech, "finished", "in_progress", "ready_for_qc", None));
        rework = 1;
    }
    let passed = step(rng, 40);
    qc.push(HistoryQc {
        inspector_id: inspector,
        passed: true,
        at: passed,
        items: pass_items,
    });
    events.push(ev(
        passed,
        inspector,
        "qc_passed",
        "ready_for_qc",
        "qc_passed",
        None,
    ));
    let delivered = step(rng, 120);
    events.push(ev(
        delivered,
        advisor,
        "delivered",
        "qc_passed",
        "delivered",
        None,
    ));
    let v = (k % fleet) as i64;
    HistoryJob {
        vehicle_id: v0 + v,
        customer_id: c0 + v,
        complaint: COMPLAINTS[k % 8],
        priority: ["normal", "normal", "normal", "high", "urgent"][k % 5],
        estimate_hours: 1.0 + (k % 6) as f64 * 0.5,
        promised_at: open + Duration::hours(6),
        technician_id: tech,
        bay_id: bay_row.id,
        rework_count: rework,
        created_at: open,
        closed_at: delivered,
        events,
        time,
        parts,
        qc,
        lines,
    }
}

/// The technician marks the job's lines done, then finishes.
fn finish(ws: &mut Workshop, tech: &str, n: i64) {
    let lines = ws.store().read(|c| store::lines_for_job(c, n)).unwrap();
    for l in lines.iter().filter(|l| l.status == LineStatus::Approved) {
        ws.mark_line(tech, l.id, true).unwrap();
    }
    ws.act(tech, n, JobAction::Finish, None, None).unwrap();
}

/// Today's floor, through the operations layer: every bay busy in some
/// state, a queue waiting, vehicles ready for delivery. Returns open jobs.
fn live_day(ws: &mut Workshop) -> usize {
    let f = "Foreman 1";
    let new = |ws: &mut Workshop, i: usize, p: Priority| {
        let input = NewJobInput {
            plate: format!("沪A·{:05}", 90_000 + i),
            complaint: COMPLAINTS[i % 8].into(),
            priority: p,
            promised_at: Some(Utc::now() + Duration::minutes(i as i64 * 7 - 60)),
            make: Some("Toyota".into()),
            model: Some("Camry".into()),
            year: Some(2021),
            ..Default::default()
        };
        ws.new_job("Advisor 1", &input).unwrap().id
    };
    let tech = |t: usize| format!("Tech {:02}", t + 1);
    let mut open = 0;
    // Ten passed QC earlier today, waiting for their owners.
    for i in 0..10 {
        let n = new(ws, 200 + i, Priority::Normal);
        let t = tech(40 + i);
        ws.dispatch(f, n, "B01", &t, None).unwrap();
        ws.act(&t, n, JobAction::Start, None, None).unwrap();
        finish(ws, &t, n);
        ws.inspect("QC 1", n, Verdict::Pass, &Inspection::default(), None)
            .unwrap();
        open += 1;
    }
    for b in 0..BAYS {
        let n = new(
            ws,
            b,
            [Priority::Normal, Priority::High, Priority::Urgent][b % 3],
        );
        let t = tech(b);
        ws.dispatch(f, n, &format!("B{:02}", b + 1), &t, None)
            .unwrap();
        open += 1;
        match b % 6 {
            0 => {}
            1 => drop(ws.act(&t, n, JobAction::Start, None, None).unwrap()),
            2 => {
                ws.act(&t, n, JobAction::Start, None, None).unwrap();
                ws.act(&t, n, JobAction::Pause, None, None).unwrap();
                // Every other paused bay found work the customer must approve.
                if b % 12 == 8 {
                    let found = LineInput {
                        work: "Front pads at 2 mm".into(),
                        hours: Some(1.2),
                        amount: Some(68_000),
                        found: Some(Found {
                            urgency: Urgency::Safety,
                            blocking: true,
                        }),
                        note: None,
                        ..LineInput::default()
                    };
                    ws.add_line(&t, n, &found, None).unwrap();
                }
            }
            3 => {
                ws.act(&t, n, JobAction::Start, None, None).unwrap();
                let p = NewPartsInput {
                    part: "Water pump".into(),
                    kind: PartKind::Backorder,
                    qty: 1,
                    blocking: true,
                    note: None,
                };
                let issue = ws.log_parts(&t, n, &p, None).unwrap();
                ws.update_parts(
                    "Parts 1",
                    issue.id,
                    PartStatus::Ordered,
                    Some(Utc::now() + Duration::hours(3)),
                    None,
                )
                .unwrap();
            }
            4 => {
                ws.act(&t, n, JobAction::Start, None, None).unwrap();
                finish(ws, &t, n);
            }
            _ => {
                ws.act(&t, n, JobAction::Start, None, None).unwrap();
                finish(ws, &t, n);
                let marks = vec![Mark {
                    id: "wheel_torque".into(),
                    result: ItemResult::Fail,
                    note: None,
                }];
                ws.inspect(
                    "QC 2",
                    n,
                    Verdict::Fail,
                    &Inspection {
                        marks,
                        ..Default::default()
                    },
                    None,
                )
                .unwrap();
            }
        }
    }
    for i in 0..60 {
        new(
            ws,
            100 + i,
            if i % 10 == 0 {
                Priority::Urgent
            } else {
                Priority::Normal
            },
        );
        open += 1;
    }
    open
}
