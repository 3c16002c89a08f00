//! `bayboard demo`: seeds a demo shop from `assets/demo.toml` by driving every
//! job through the real operations (so its events, clocks and QC records are
//! what a real day leaves behind), on a clock that walks through the day.

use crate::domain::qc::{Mark, Verdict};
use crate::domain::{
    BayKind, ItemResult, JobAction, JobStatus, LineStatus, PartKind, PartStatus, Priority, Role,
};
use crate::error::{Error, Result};
use crate::store;
use crate::workshop::{Found, Inspection, LineInput, NewJobInput, NewPartsInput, Workshop};
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use std::path::Path;
use std::sync::{Arc, Mutex};

mod history;
mod warranty;

const DEMO: &str = include_str!("../assets/demo.toml");

#[derive(Debug, Deserialize)]
struct Demo {
    shop: String,
    currency: String,
    labour_rate: String,
    /// CUPS queue names, the default first.
    #[serde(default)]
    printers: Vec<String>,
    bays: Vec<DemoBay>,
    staff: Vec<DemoStaff>,
    jobs: Vec<DemoJob>,
    #[serde(default)]
    followups: Vec<DemoFollowup>,
    #[serde(default)]
    complaints: Vec<DemoComplaint>,
    #[serde(default)]
    appointments: Vec<DemoAppt>,
}

/// A booking made `booked` minutes from now for `at` minutes from now, and
/// what became of it: "arrived" (checked in at `at`), "no_show", "cancelled"
/// or nothing yet.
#[derive(Debug, Deserialize)]
struct DemoAppt {
    plate: String,
    booked: i64,
    at: i64,
    work: String,
    hours: Option<f64>,
    customer: Option<String>,
    phone: Option<String>,
    outcome: Option<String>,
}

/// A follow-up call made `at` minutes from now, to the job of `plate`.
#[derive(Debug, Deserialize)]
struct DemoFollowup {
    plate: String,
    at: i64,
    reached: bool,
    score: Option<i64>,
    note: Option<String>,
}

/// A complaint recorded `at` minutes from now, and how far it got.
#[derive(Debug, Deserialize)]
struct DemoComplaint {
    plate: String,
    at: i64,
    severity: i64,
    text: String,
    owner: Option<String>,
    /// Minutes from now of each further step: acknowledged, resolved, closed.
    #[serde(default)]
    steps: Vec<i64>,
}

#[derive(Debug, Deserialize)]
struct DemoBay {
    name: String,
    kind: String,
}

#[derive(Debug, Deserialize)]
struct DemoStaff {
    name: String,
    roles: Vec<String>,
    skills: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct DemoParts {
    part: String,
    kind: String,
    qty: i64,
    blocking: bool,
    status: String,
    eta: Option<i64>,
}

/// Work found during the job, and the customer's answer (none: pending).
#[derive(Debug, Deserialize)]
struct DemoFound {
    work: String,
    urgency: String,
    hours: Option<f64>,
    amount: Option<String>,
    #[serde(default)]
    blocking: bool,
    decision: Option<String>,
    via: Option<String>,
    /// Who pays, when not the customer (warranty, sanbao…).
    payer: Option<String>,
}

#[derive(Debug, Deserialize)]
struct DemoJob {
    plate: String,
    vin: Option<String>,
    make: Option<String>,
    model: Option<String>,
    year: Option<i64>,
    odometer: Option<i64>,
    customer: Option<String>,
    phone: Option<String>,
    complaint: String,
    /// More requested work, each its own line.
    #[serde(default)]
    also: Vec<String>,
    estimate: Option<f64>,
    priority: Option<String>,
    #[serde(rename = "in")]
    checked_in: i64,
    last: i64,
    promised: Option<i64>,
    target: String,
    bay: Option<String>,
    tech: Option<String>,
    reason: Option<String>,
    #[serde(default)]
    story: bool,
    #[serde(default)]
    qc_fail: Vec<String>,
    qc_note: Option<String>,
    #[serde(default)]
    parts: Vec<DemoParts>,
    /// Sold hours and parts amount of the first requested line.
    sold: Option<f64>,
    parts_amount: Option<String>,
    #[serde(default)]
    found: Vec<DemoFound>,
    /// The customer waits on site.
    #[serde(default)]
    waits: bool,
    walkaround: Option<DemoWalkaround>,
    /// Washed for hand-over a few minutes after its last step.
    #[serde(default)]
    washed: bool,
    /// The tag on its keys, given at check-in.
    key_tag: Option<String>,
    /// Parked here at the internal hand-over after its QC pass.
    spot: Option<String>,
}

/// The reception walk-around of a demo job.
#[derive(Debug, Clone, Default, Deserialize)]
struct DemoWalkaround {
    fuel: Option<String>,
    #[serde(default)]
    damages: Vec<String>,
    valuables: Option<String>,
    warning_lights: Option<String>,
    #[serde(default)]
    return_old_parts: bool,
}

impl From<DemoWalkaround> for crate::workshop::WalkaroundInput {
    fn from(w: DemoWalkaround) -> Self {
        crate::workshop::WalkaroundInput {
            fuel: w.fuel,
            damages: w.damages,
            valuables: w.valuables,
            warning_lights: w.warning_lights,
            return_old_parts: w.return_old_parts,
            declined: false,
        }
    }
}

const FOREMAN: &str = "Chen Li";
const ADVISOR: &str = "Emma Clark";
const PARTS: &str = "刘洋";
const QC: [&str; 2] = ["Olga Petrova", "Sam Okafor"];

/// What seeding did, for the message after it.
pub struct Seeded {
    pub bays: usize,
    pub staff: usize,
    pub jobs: usize,
}

fn bad(e: impl std::fmt::Display) -> Error {
    Error::Database(format!("the demo data is broken: {e}"))
}

/// Seeds `db` unless it already holds a shop; `reset` starts it anew, but
/// only over a demo database (never over a real shop's file).
pub fn run(db: &Path, reset: bool, seed_only: bool) -> Result<()> {
    let demo: Demo = toml::from_str(DEMO).map_err(bad)?;
    if reset && db.exists() {
        let ws = Workshop::open(db)?;
        let name = ws.store().read(store::shop_name)?;
        let has_staff = ws.store().read(store::staff_count)? > 0;
        drop(ws);
        if name != demo.shop && has_staff {
            return Err(Error::Database(format!(
                "{} holds the shop '{name}', not the demo; --reset only replaces a demo database",
                db.display()
            )));
        }
        for suffix in ["", "-wal", "-shm"] {
            let mut p = db.as_os_str().to_os_string();
            p.push(suffix);
            match std::fs::remove_file(&p) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    let mut ws = Workshop::create(db)?;
    if ws.store().read(store::staff_count)? > 0 {
        if seed_only {
            eprintln!(
                "{} already holds a shop; left as it was (use --reset to start over)",
                db.display()
            );
        }
        return Ok(());
    }
    let s = seed(&mut ws, &demo, Utc::now())?;
    eprintln!(
        "seeded the demo shop at {}: {} bays, {} staff, {} jobs",
        db.display(),
        s.bays,
        s.staff,
        s.jobs
    );
    Ok(())
}

/// Seeds a new demo database as if it were `now`: for tests and benchmarks
/// that need the same shop, to the second, every time.
/// The demo dealer's published price list: maintenance by distance,
/// brakes, tyres, alignment, diagnosis, and the parts they use.
fn publish_catalogue(ws: &mut Workshop, currency: &str) -> Result<()> {
    use crate::domain::catalogue::{read_ops, read_parts};
    let bad = |p: Vec<crate::domain::catalogue::RowProblem>| {
        crate::error::Error::Database(format!("the demo's catalogue: {p:?}"))
    };
    let ops = read_ops(include_str!("../assets/catalogue/ops.csv")).map_err(bad)?;
    let parts = read_parts(include_str!("../assets/catalogue/parts.csv"), currency).map_err(bad)?;
    ws.import_ops(Some(FOREMAN), &ops)?;
    ws.import_parts(Some(FOREMAN), &parts)?;
    Ok(())
}

pub fn seed_at(db: &Path, now: DateTime<Utc>) -> Result<Workshop> {
    let demo: Demo = toml::from_str(DEMO).map_err(bad)?;
    let mut ws = Workshop::create(db)?;
    seed(&mut ws, &demo, now)?;
    Ok(ws)
}

/// A clock the seeder moves; operations read it.
struct SimClock(Arc<Mutex<DateTime<Utc>>>);

impl SimClock {
    fn set(&self, t: DateTime<Utc>) {
        *self.0.lock().unwrap_or_else(|e| e.into_inner()) = t;
    }
}

fn seed(ws: &mut Workshop, demo: &Demo, now: DateTime<Utc>) -> Result<Seeded> {
    // The shop is set up before the oldest visit in the demo.
    let first = demo.jobs.iter().map(|j| j.checked_in).min().unwrap_or(0);
    let cell = Arc::new(Mutex::new(
        now + Duration::minutes(first.min(-600)) - Duration::hours(1),
    ));
    let reader = cell.clone();
    ws.set_clock(Arc::new(move || {
        *reader.lock().unwrap_or_else(|e| e.into_inner())
    }));
    let clock = SimClock(cell);

    for p in &demo.staff {
        let roles = p
            .roles
            .iter()
            .map(|r| r.parse::<Role>())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(bad)?;
        ws.add_staff(Some(FOREMAN), &p.name, &roles, &p.skills)?;
    }
    ws.set_shop_name(Some(FOREMAN), &demo.shop)?;
    ws.set_money(Some(FOREMAN), Some(&demo.currency), Some(&demo.labour_rate))?;
    publish_catalogue(ws, &demo.currency)?;
    ws.set_printers(FOREMAN, &demo.printers)?;
    for b in &demo.bays {
        let kind: BayKind = b.kind.parse().map_err(bad)?;
        ws.add_bay(Some(FOREMAN), &b.name, kind)?;
    }
    // Jobs left running go last, so every technician's earlier jobs are
    // off the clock before their current one starts.
    // Visits of earlier days come after today's, keeping today's job
    // numbers; they use bays and people free by then.
    let mut order: Vec<&DemoJob> = demo.jobs.iter().collect();
    order.sort_by_key(|j| (j.checked_in < -24 * 60, j.target == "in_progress"));
    let named = |j: &DemoJob| {
        let plate = j.plate.clone();
        move |e| match e {
            Error::Refused(r) => bad(format!("{plate}: {r}")),
            other => other,
        }
    };
    // Check-ins first, so these jobs keep their numbers; then weeks of
    // earlier visits (every bay and person is free while the day's jobs
    // only wait); then the day's jobs go on from their check-in.
    let mut numbers = Vec::new();
    for (i, j) in order.iter().enumerate() {
        numbers.push(drive(ws, &clock, j, now, i, None).map_err(named(j))?);
    }
    history::seed(ws, &clock, now)?;
    // From today on the shop runs the peer check 互检.
    ws.set_peer_check(Some(FOREMAN), true)?;
    for (i, (j, number)) in order.iter().zip(numbers).enumerate() {
        drive(ws, &clock, j, now, i, Some(number)).map_err(named(j))?;
    }
    for j in demo.jobs.iter().filter(|j| j.washed) {
        clock.set(now + Duration::minutes(j.last + 5));
        let id = job_of(ws, &j.plate)?;
        ws.wash(ADVISOR, id)?;
    }
    // The inspector parks the car and hands it to the advisor 内部交车.
    for j in demo.jobs.iter() {
        if let Some(spot) = &j.spot {
            clock.set(now + Duration::minutes(j.last + 8));
            let id = job_of(ws, &j.plate)?;
            ws.hand_over_inside(QC[0], id, spot)?;
        }
    }
    after_sales(ws, &clock, demo, now)?;
    warranty::seed(ws, &clock, now)?;
    // From today on, every check-in takes the walk-around or the
    // customer's no, as a new shop's rule is.
    ws.set_walkaround_rule(Some(FOREMAN), true)?;
    calls(ws, &clock, now)?;
    ws.set_clock(Arc::new(Utc::now));
    Ok(Seeded {
        bays: demo.bays.len(),
        staff: demo.staff.len(),
        jobs: ws.store().read(store::check_counts)? as usize,
    })
}

/// The desk's calls: a second follow-up call a week after the first (from
/// now on), the promise of 周强's car moved past its late water pump, and
/// 周强 calling about it.
fn calls(ws: &mut Workshop, clock: &SimClock, now: DateTime<Utc>) -> Result<()> {
    ws.set_second_followup(Some(FOREMAN), 7)?;
    // After every other act of the demo: no event goes back in time.
    clock.set(now);
    let job = job_of(ws, "苏E·7X6W1")?;
    // The pump comes after the time promised: the advisor moves it, and
    // Today lists it for the call.
    ws.promise(
        ADVISOR,
        job,
        now + Duration::minutes(300),
        "水泵 17:30 才到货，装好后交车",
    )?;
    ws.log_call(
        ADVISOR,
        &crate::workshop::CallInput {
            job: Some(job),
            about: "水泵什么时候到？车今天能取吗".into(),
            promised: Some("配件到货后马上回电".into()),
            due_at: Some(now + Duration::minutes(180)),
            ..Default::default()
        },
    )?;
    Ok(())
}

/// The newest job of a plate in the demo shop.
fn job_of(ws: &Workshop, plate: &str) -> Result<i64> {
    let jobs = ws
        .store()
        .read(|c| store::jobs_with_status(c, &crate::domain::JobStatus::ALL, 5000))?;
    jobs.iter()
        .find(|j| j.plate == plate)
        .map(|j| j.id)
        .ok_or_else(|| bad(format!("no job for {plate}")))
}

/// Follow-up calls and complaints, each at its own moment.
fn after_sales(ws: &mut Workshop, clock: &SimClock, demo: &Demo, now: DateTime<Utc>) -> Result<()> {
    use crate::domain::aftersales::ComplaintStatus;
    enum Act<'a> {
        Call(&'a DemoFollowup),
        Open(&'a DemoComplaint),
        Step(&'a DemoComplaint, ComplaintStatus),
        Book(&'a DemoAppt),
        Outcome(&'a DemoAppt),
    }
    // Everything in time order, so no job's events go back in time.
    let mut acts: Vec<(i64, Act)> = demo
        .followups
        .iter()
        .map(|f| (f.at, Act::Call(f)))
        .collect();
    for a in &demo.appointments {
        acts.push((a.booked, Act::Book(a)));
        if a.outcome.is_some() {
            // A no-show is recorded once the car is late.
            let late = if a.outcome.as_deref() == Some("no_show") {
                20
            } else {
                0
            };
            acts.push(((a.at + late).max(a.booked + 1), Act::Outcome(a)));
        }
    }
    for c in &demo.complaints {
        acts.push((c.at, Act::Open(c)));
        let order = [
            ComplaintStatus::Acknowledged,
            ComplaintStatus::Resolved,
            ComplaintStatus::Closed,
        ];
        acts.extend(
            c.steps
                .iter()
                .zip(order)
                .map(|(m, to)| (*m, Act::Step(c, to))),
        );
    }
    acts.sort_by_key(|(m, _)| *m);
    let mut opened = std::collections::HashMap::new();
    let mut booked = std::collections::HashMap::new();
    for (m, act) in acts {
        clock.set(now + Duration::minutes(m));
        match act {
            Act::Call(f) => {
                let job = job_of(ws, &f.plate)?;
                ws.log_followup(ADVISOR, job, f.reached, f.score, f.note.as_deref())?;
            }
            Act::Open(c) => {
                let job = job_of(ws, &c.plate)?;
                let row = ws.new_complaint(
                    ADVISOR,
                    Some(job),
                    None,
                    c.severity,
                    &c.text,
                    c.owner.as_deref(),
                )?;
                opened.insert(c.text.as_str(), row.id);
            }
            Act::Step(c, to) => {
                ws.step_complaint(FOREMAN, opened[c.text.as_str()], to, None)?;
            }
            Act::Book(a) => {
                let row = ws.book(
                    ADVISOR,
                    &crate::workshop::NewApptInput {
                        plate: a.plate.clone(),
                        at: Some(now + Duration::minutes(a.at)),
                        work: a.work.clone(),
                        hours: a.hours,
                        customer: a.customer.clone(),
                        phone: a.phone.clone(),
                    },
                )?;
                booked.insert(a.plate.as_str(), row.id);
            }
            Act::Outcome(a) => {
                use crate::domain::appointments::ApptStatus;
                let id = booked[a.plate.as_str()];
                match a.outcome.as_deref() {
                    Some("arrived") => {
                        ws.new_job(
                            ADVISOR,
                            &NewJobInput {
                                appointment: Some(id),
                                ..Default::default()
                            },
                        )?;
                    }
                    Some("no_show") => {
                        ws.close_booking(ADVISOR, id, ApptStatus::NoShow)?;
                    }
                    Some("cancelled") => {
                        ws.close_booking(ADVISOR, id, ApptStatus::Cancelled)?;
                    }
                    other => return Err(bad(format!("appointment outcome {other:?}"))),
                }
            }
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Step {
    Create,
    Dispatch,
    Start,
    Pause,
    Resume,
    BlockingParts,
    PartsOrdered,
    PartsReceived,
    PartsResolved,
    Finish,
    PeerPass,
    QcFail,
    QcPass,
    Deliver,
    Cancel,
}

/// The job's steps: the day's shop runs the peer check, so a finish is
/// followed by the team leader's peer check (unless the job is to wait for it).
fn script(j: &DemoJob) -> Result<Vec<Step>> {
    let steps = steps_to(j)?;
    let last = steps.len().saturating_sub(1);
    let mut out = Vec::new();
    for (k, s) in steps.into_iter().enumerate() {
        out.push(s);
        if s == Step::Finish && !(k == last && j.target == "peer_check") {
            out.push(Step::PeerPass);
        }
    }
    Ok(out)
}

fn steps_to(j: &DemoJob) -> Result<Vec<Step>> {
    use Step::*;
    if j.story {
        return Ok(vec![
            Create,
            Dispatch,
            Start,
            BlockingParts,
            PartsOrdered,
            PartsReceived,
            PartsResolved,
            Resume,
            Finish,
            QcFail,
            Start,
            Finish,
            QcPass,
            Deliver,
        ]);
    }
    let worked = [Create, Dispatch, Start, Finish];
    Ok(match j.target.as_str() {
        "waiting" => vec![Create],
        "dispatched" => vec![Create, Dispatch],
        "in_progress" => vec![Create, Dispatch, Start],
        "paused" => vec![Create, Dispatch, Start, Pause],
        // A held job is parked by the hold the demo adds after it starts.
        held if held.parse::<JobStatus>().is_ok_and(JobStatus::is_held) => {
            vec![Create, Dispatch, Start]
        }
        // Waiting for the peer check, or past it (`script` adds its pass).
        "peer_check" => worked.to_vec(),
        "ready_for_qc" => worked.to_vec(),
        "rework" => [&worked[..], &[QcFail]].concat(),
        "qc_passed" => [&worked[..], &[QcPass]].concat(),
        "delivered" => [&worked[..], &[QcPass, Deliver]].concat(),
        "cancelled" => vec![Create, Cancel],
        other => return Err(bad(format!("unknown target '{other}'"))),
    })
}

/// Checks the job in (`number` None; returns its number), or drives the
/// checked-in job `number` through the rest of its script.
fn drive(
    ws: &mut Workshop,
    clock: &SimClock,
    j: &DemoJob,
    now: DateTime<Utc>,
    i: usize,
    number: Option<i64>,
) -> Result<i64> {
    let check_in_only = number.is_none();
    let steps = script(j)?;
    let at = |k: usize| {
        let span = (j.last - j.checked_in) as f64;
        let frac = if steps.len() > 1 {
            k as f64 / (steps.len() - 1) as f64
        } else {
            1.0
        };
        now + Duration::seconds(((j.checked_in as f64 + span * frac) * 60.0) as i64)
    };
    let tech = j.tech.as_deref().unwrap_or("");
    let inspector = QC[i % QC.len()];
    let mut number = number.unwrap_or(0);
    let mut story_parts = 0;
    let mut found_added = false;
    for (k, step) in steps.iter().enumerate() {
        if check_in_only != (k == 0) {
            continue;
        }
        clock.set(at(k));
        if *step == Step::Finish && !found_added {
            found_added = true;
            // Between the previous step and the finish, in time order.
            let (from, to) = (at(k.saturating_sub(1)), at(k));
            add_found(ws, clock, j, number, tech, from, to)?;
            clock.set(at(k));
        }
        do_step(ws, j, *step, now, &mut number, inspector, &mut story_parts)?;
    }
    if check_in_only {
        return Ok(number);
    }
    if !found_added {
        add_found(
            ws,
            clock,
            j,
            number,
            tech,
            at(steps.len() - 1),
            at(steps.len() - 1) + Duration::minutes(2),
        )?;
    }
    // Parts issues of the job as it stands, a few minutes after its last step.
    for (k, p) in j.parts.iter().enumerate() {
        clock.set(at(steps.len() - 1) + Duration::minutes(2 + k as i64));
        let kind: PartKind = p.kind.parse().map_err(bad)?;
        let who = if tech.is_empty() { FOREMAN } else { tech };
        let issue = ws.log_parts(
            who,
            number,
            &NewPartsInput {
                part: p.part.clone(),
                kind,
                qty: p.qty,
                blocking: p.blocking,
                note: None,
            },
            None,
        )?;
        let status: PartStatus = p.status.parse().map_err(bad)?;
        if status != PartStatus::Open {
            clock.set(at(steps.len() - 1) + Duration::minutes(5 + k as i64));
            let eta = p.eta.map(|m| now + Duration::minutes(m));
            ws.update_parts(PARTS, issue.id, status, eta, None)?;
        }
    }
    let job = ws.store().read(|c| store::job(c, number))?;
    match job {
        Some(job) if job.status.as_str() == j.target => Ok(number),
        Some(job) => Err(bad(format!(
            "{} ended {} instead of {}",
            j.plate, job.status, j.target
        ))),
        None => Err(bad(format!("{} was not created", j.plate))),
    }
}

/// The demo job's car checked in, with its price when the script sets one.
fn check_in(ws: &mut Workshop, j: &DemoJob, now: DateTime<Utc>) -> Result<i64> {
    let input = NewJobInput {
        plate: j.plate.clone(),
        complaint: j.complaint.clone(),
        more_complaints: j.also.clone(),
        make: j.make.clone(),
        model: j.model.clone(),
        year: j.year,
        odometer_km: j.odometer,
        customer: j.customer.clone(),
        phone: j.phone.clone(),
        priority: j
            .priority
            .as_deref()
            .map(str::parse::<Priority>)
            .transpose()
            .map_err(bad)?
            .unwrap_or_default(),
        estimate_hours: j.estimate,
        promised_at: j.promised.map(|m| now + Duration::minutes(m)),
        vin: j.vin.clone(),
        odometer_corrected: None,
        customer_waiting: j.waits,
        comeback: Default::default(),
        appointment: None,
        walkaround: j.walkaround.clone().unwrap_or_default().into(),
        key_tag: j.key_tag.clone(),
        ..NewJobInput::default()
    };
    let number = ws.new_job(ADVISOR, &input)?.id;
    if j.sold.is_some() || j.parts_amount.is_some() {
        let first = ws.store().read(|c| store::lines_for_job(c, number))?[0].id;
        let currency = ws.store().read(store::shop_settings)?.currency;
        let amount = j
            .parts_amount
            .as_deref()
            .map(|a| crate::domain::money::parse(crate::domain::Field::PartsAmount, a, &currency))
            .transpose()?;
        ws.price_line(ADVISOR, first, j.sold, amount, None)?;
    }
    Ok(number)
}

/// The script's QC: a fail on its items (wheel torque by default), or a
/// pass with the old parts not applicable.
fn inspect(
    ws: &mut Workshop,
    j: &DemoJob,
    number: i64,
    inspector: &str,
    verdict: Verdict,
) -> Result<()> {
    let (marks, road, note) = if verdict == Verdict::Fail {
        let fails = if j.qc_fail.is_empty() {
            vec!["wheel_torque".to_string()]
        } else {
            j.qc_fail.clone()
        };
        let marks = fails
            .into_iter()
            .map(|id| Mark {
                id,
                result: ItemResult::Fail,
                note: j.qc_note.clone(),
            })
            .collect();
        (marks, 6.0, j.qc_note.clone())
    } else {
        let marks = vec![Mark {
            id: "old_parts".into(),
            result: ItemResult::Na,
            note: None,
        }];
        (marks, 8.5, None)
    };
    ws.inspect(
        inspector,
        number,
        verdict,
        &Inspection {
            marks,
            road_test_km: Some(road),
            note,
            pin: None,
        },
        None,
    )?;
    Ok(())
}

/// One step of a demo job's script, as its people would take it.
fn do_step(
    ws: &mut Workshop,
    j: &DemoJob,
    step: Step,
    now: DateTime<Utc>,
    number_out: &mut i64,
    inspector: &str,
    story_parts: &mut i64,
) -> Result<()> {
    let tech = j.tech.as_deref().unwrap_or("");
    let number = *number_out;
    match step {
        Step::Create => *number_out = check_in(ws, j, now)?,
        Step::Dispatch => {
            let bay = j
                .bay
                .as_deref()
                .ok_or_else(|| bad("a dispatched job needs a bay"))?;
            ws.dispatch(FOREMAN, number, bay, tech, None)?;
        }
        Step::Start => drop(ws.act(tech, number, JobAction::Start, None, None)?),
        Step::Pause => drop(ws.act(tech, number, JobAction::Pause, None, None)?),
        Step::Resume => drop(ws.act(tech, number, JobAction::Resume, None, None)?),
        Step::Finish => {
            let lines = ws.store().read(|c| store::lines_for_job(c, number))?;
            for l in lines.iter().filter(|l| l.status == LineStatus::Approved) {
                ws.mark_line(tech, l.id, true)?;
            }
            ws.act(tech, number, JobAction::Finish, None, None)?;
        }
        Step::BlockingParts => {
            let p = ws.log_parts(
                tech,
                number,
                &NewPartsInput {
                    part: "Rear brake caliper".into(),
                    kind: PartKind::Damaged,
                    qty: 1,
                    blocking: true,
                    note: Some("arrived with a cracked housing".into()),
                },
                None,
            )?;
            *story_parts = p.id;
        }
        Step::PartsOrdered => {
            let eta = ws.now() + Duration::minutes(45);
            ws.update_parts(PARTS, *story_parts, PartStatus::Ordered, Some(eta), None)?;
        }
        Step::PartsReceived => {
            drop(ws.update_parts(PARTS, *story_parts, PartStatus::Received, None, None)?)
        }
        Step::PartsResolved => drop(ws.update_parts(
            PARTS,
            *story_parts,
            PartStatus::Resolved,
            Some(ws.now()),
            Some("fitted"),
        )?),
        Step::QcFail => inspect(ws, j, number, inspector, Verdict::Fail)?,
        Step::QcPass => inspect(ws, j, number, inspector, Verdict::Pass)?,
        // The team leader (the foreman) signs the peer check.
        Step::PeerPass => drop(ws.inspect_level(
            FOREMAN,
            number,
            crate::domain::inspection::Level::Peer,
            Verdict::Pass,
            &crate::workshop::Inspection::default(),
            None,
        )?),
        Step::Deliver => drop(ws.act(
            ADVISOR,
            number,
            JobAction::Deliver,
            Some("customer collected"),
            None,
        )?),
        Step::Cancel => {
            let reason = j.reason.as_deref().unwrap_or("customer withdrew");
            ws.cancel(FOREMAN, number, reason, None)?;
        }
    }
    Ok(())
}

/// Found work on a job, at `t`, and the customer's decisions ten minutes on.
fn add_found(
    ws: &mut Workshop,
    clock: &SimClock,
    j: &DemoJob,
    number: i64,
    tech: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<()> {
    // Found lines, then the decisions, spread evenly inside (from, to), so
    // the job's events stay in time order.
    let steps = 2 * j.found.len() as i32 + 1;
    let gap = (to - from) / steps.max(1);
    let t = from + gap;
    let currency = ws.store().read(store::shop_settings)?.currency;
    let mut added = Vec::new();
    for (k, f) in j.found.iter().enumerate() {
        clock.set(t + gap * k as i32);
        let amount = f
            .amount
            .as_deref()
            .map(|a| crate::domain::money::parse(crate::domain::Field::PartsAmount, a, &currency))
            .transpose()?;
        let input = LineInput {
            work: f.work.clone(),
            hours: f.hours,
            amount,
            found: Some(Found {
                urgency: f.urgency.parse().map_err(bad)?,
                blocking: f.blocking,
            }),
            note: None,
            payer: f
                .payer
                .as_deref()
                .map(str::parse)
                .transpose()
                .map_err(bad)?
                .unwrap_or_default(),
            ..LineInput::default()
        };
        added.push(ws.add_line(tech, number, &input, None)?.id);
    }
    for (k, (f, id)) in j.found.iter().zip(added).enumerate() {
        let Some(decision) = f.decision.as_deref() else {
            continue;
        };
        clock.set(t + gap * (j.found.len() + k) as i32);
        let via = f.via.as_deref().unwrap_or("phone").parse().map_err(bad)?;
        let customer = j.customer.as_deref().unwrap_or("the customer");
        ws.decide_line(ADVISOR, id, decision == "approved", customer, via, None)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_seeds_every_status_and_the_rules_hold() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("demo.sqlite3");
        run(&db, false, true).unwrap();
        let ws = Workshop::open(&db).unwrap();
        let demo: Demo = toml::from_str(DEMO).unwrap();
        let jobs = ws
            .store()
            .read(|c| store::jobs_with_status(c, &crate::domain::JobStatus::ALL, 1000))
            .unwrap();
        let arrivals: Vec<&str> = demo
            .appointments
            .iter()
            .filter(|a| a.outcome.as_deref() == Some("arrived"))
            .map(|a| a.plate.as_str())
            .collect();
        let (own, history): (Vec<_>, Vec<_>) = jobs.iter().partition(|j| {
            arrivals.contains(&j.plate.as_str())
                || demo.jobs.iter().any(|s| s.plate.to_uppercase() == j.plate)
        });
        assert_eq!(own.len(), demo.jobs.len() + arrivals.len());
        assert!(own.len() >= 20);
        // Weeks of earlier visits, all delivered, for the figures.
        assert!(history.len() >= 150, "{} earlier visits", history.len());
        assert!(
            history
                .iter()
                .all(|j| j.status == crate::domain::JobStatus::Delivered)
        );
        for st in crate::domain::JobStatus::ALL {
            assert!(jobs.iter().any(|j| j.status == st), "no demo job is {st}");
        }
        for j in own.iter().filter(|j| !arrivals.contains(&j.plate.as_str())) {
            // A plate may come back: one of its jobs ends where it should.
            assert!(
                demo.jobs
                    .iter()
                    .any(|s| s.plate.to_uppercase() == j.plate && s.target == j.status.as_str()),
                "{} ended {}",
                j.plate,
                j.status
            );
            let events = ws
                .store()
                .read(|c| store::event_count_for_job(c, j.id))
                .unwrap();
            assert_eq!(events, j.version, "{}", j.plate);
        }
        assert!(demo.bays.len() >= 6 && demo.staff.len() >= 8);
        let report = ws.store().check().unwrap();
        assert!(
            report.ok(),
            "the demo passes every rule: {:?}",
            report.problems
        );
        assert!(jobs.iter().any(|j| j.plate.contains('粤')));
        let staff = ws.store().read(store::staff_list).unwrap();
        for role in Role::ALL {
            assert!(staff.iter().any(|s| s.roles.contains(&role)), "{role}");
        }
        // Seeding again leaves it alone; --reset starts over.
        run(&db, false, true).unwrap();
        run(&db, true, true).unwrap();
        let again = Workshop::open(&db).unwrap();
        let n = again
            .store()
            .read(|c| store::jobs_with_status(c, &crate::domain::JobStatus::ALL, 1000))
            .unwrap()
            .len();
        assert_eq!(n, jobs.len());
    }

    #[test]
    fn reset_refuses_a_real_shop() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("real.sqlite3");
        let mut ws = Workshop::create(&db).unwrap();
        ws.add_staff(None, "Boss", &[Role::Foreman], &[]).unwrap();
        drop(ws);
        let err = run(&db, true, true).unwrap_err().to_string();
        assert!(err.contains("only replaces a demo"), "{err}");
        assert!(db.exists());
    }
}
