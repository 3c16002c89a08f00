//! Four weeks of earlier visits for the demo shop, each lived through the
//! operations layer on the seeder's clock, so the dashboard and
//! `bayboard report` have real history to show: check-in, dispatch, work
//! with pauses, found work and the customer's answer, parts that hold a
//! job, QC (now and then a rework), delivery on time or late, the
//! follow-up call, the odd complaint and comeback. Made-up but repeatable:
//! the same `now` gives the same history.

use super::{ADVISOR, FOREMAN, PARTS, QC, SimClock};
use crate::domain::aftersales::ComplaintStatus;
use crate::domain::qc::{Mark, Verdict};
use crate::domain::{
    ItemResult, JobAction, LineStatus, PartKind, PartStatus, Priority, Urgency, Via,
};
use crate::error::Result;
use crate::store;
use crate::workshop::{
    Comeback, Found, Inspection, LineInput, NewJobInput, NewPartsInput, Workshop,
};
use chrono::{DateTime, Datelike, Duration, Utc, Weekday};

/// Each technician and the bay they work in.
const CREW: [(&str, &str); 7] = [
    ("Wang Wei", "B1"),
    ("Li Na", "D1"),
    ("张敏", "B3"),
    ("Tom Baker", "A1"),
    ("Priya Nair", "B5"),
    ("Marco Rossi", "Q1"),
    ("Ahmed Khan", "B2"),
];

/// Days back of the oldest and the newest visit (the demo's own visits of
/// this week come after).
const OLDEST: i64 = 38;
const NEWEST: i64 = 10;

const WORK: [(&str, f64); 10] = [
    ("Annual service and oil change", 1.5),
    ("Brakes squeal when stopping", 2.0),
    ("Check engine light on", 1.0),
    ("Air conditioning blows warm", 2.5),
    ("Knocking from front suspension", 2.0),
    ("Rear bumper scuff repair", 3.0),
    ("Steering pulls to the left", 1.0),
    ("Battery drains overnight", 1.5),
    ("Replace tyres, all four", 1.0),
    ("Coolant leak under the car", 2.0),
];

const FOUND: [(&str, f64, &str); 5] = [
    ("Front brake pads worn to 2 mm", 1.0, "680.00"),
    ("Wiper blades split", 0.2, "120.00"),
    ("Cabin filter blocked", 0.3, "160.00"),
    ("Rear tyre sidewall cracked", 0.5, "900.00"),
    ("Drive belt glazed", 0.8, "420.00"),
];

const PEOPLE: [(&str, &str); 12] = [
    ("赵磊", "138 0013 2211"),
    ("Hannah Webb", "07700 900412"),
    ("孙丽", "139 1122 8890"),
    ("Oliver Grant", "07700 900733"),
    ("周杰", "137 6655 0912"),
    ("Sofia Marino", "+39 333 120 4455"),
    ("吴芳", "136 2020 7788"),
    ("James Carter", "07700 900198"),
    ("郑浩", "135 4411 6620"),
    ("Amira Haddad", "+971 50 123 4567"),
    ("冯静", "158 8080 1234"),
    ("Lucas Meyer", "+49 151 2345 6789"),
];

const CARS: [(&str, &str); 8] = [
    ("Toyota", "Corolla"),
    ("VW", "Lavida"),
    ("Honda", "Civic"),
    ("BYD", "Qin Plus"),
    ("Ford", "Focus"),
    ("Nissan", "Sylphy"),
    ("Geely", "Emgrand"),
    ("Kia", "Sportage"),
];

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn minutes(&mut self, from: i64, to: i64) -> Duration {
        Duration::minutes(from + self.below((to - from + 1) as u64) as i64)
    }
}

/// A plate that cannot be one of the demo's own: the letters say "history".
fn plate(k: usize) -> String {
    const CN: [&str; 6] = ["沪C", "粤A", "京Q", "苏B", "浙C", "川A"];
    if k.is_multiple_of(2) {
        format!("{}·H{:04}", CN[k / 2 % CN.len()], 1000 + k * 7)
    } else {
        format!(
            "HS{:02} {}",
            10 + k % 80,
            ["KLX", "PTR", "MWE", "JDN"][k % 4]
        )
    }
}

pub(super) fn seed(ws: &mut Workshop, clock: &SimClock, now: DateTime<Utc>) -> Result<()> {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut visits = 0usize;
    // Recent deliveries a comeback may return to: (plate, delivered at).
    let mut recent: Vec<(String, DateTime<Utc>, usize)> = Vec::new();
    for back in (NEWEST..=OLDEST).rev() {
        let day = now - Duration::days(back);
        if day.weekday() == Weekday::Sun {
            continue;
        }
        let open = opening(day);
        for (tech, bay) in CREW {
            if rng.chance(12) {
                continue; // a day off
            }
            let mut free = open + rng.minutes(0, 40);
            for _ in 0..1 + rng.below(2) {
                let eligible: Vec<&(String, DateTime<Utc>, usize)> = recent
                    .iter()
                    .filter(|(_, at, _)| {
                        *at < free - Duration::days(2) && *at > free - Duration::days(20)
                    })
                    .collect();
                let back_again = (!eligible.is_empty() && rng.chance(5))
                    .then(|| eligible[rng.below(eligible.len() as u64) as usize])
                    .map(|(p, _, k)| (p.clone(), *k));
                let v = Visit {
                    plate: back_again
                        .as_ref()
                        .map_or_else(|| plate(visits), |(p, _)| p.clone()),
                    comeback: back_again.is_some(),
                    // A car that comes back is the same car, same customer.
                    k: back_again.map_or(visits, |(_, k)| k),
                    tech,
                    bay,
                    start: free,
                };
                visits += 1;
                let (done, delivered) = visit(ws, clock, &mut rng, &v)?;
                recent.push((v.plate.clone(), delivered, v.k));
                free = done + rng.minutes(5, 25);
            }
        }
    }
    Ok(())
}

/// 08:00 on that day in the system's zone (the board's and the report's),
/// so the dashboard's hours look like a working day wherever it is seeded.
fn opening(day: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::TimeZone;
    let local = day.with_timezone(&chrono::Local).date_naive();
    local
        .and_hms_opt(8, 0, 0)
        .and_then(|t| chrono::Local.from_local_datetime(&t).earliest())
        .map_or(day - Duration::hours(6), |t| t.with_timezone(&Utc))
}

struct Visit<'a> {
    plate: String,
    comeback: bool,
    k: usize,
    tech: &'a str,
    bay: &'a str,
    start: DateTime<Utc>,
}

/// The visit's check-in, its requested line priced: the job, its sold
/// hours and the customer.
fn check_in(
    ws: &mut Workshop,
    clock: &SimClock,
    rng: &mut Rng,
    v: &Visit,
) -> Result<(i64, f64, &'static str)> {
    let (work, hours) = WORK[(v.k * 7 + rng.below(3) as usize) % WORK.len()];
    let (customer, phone) = PEOPLE[v.k % PEOPLE.len()];
    let (make, model) = CARS[v.k % CARS.len()];
    let checked_in = v.start - rng.minutes(10, 50);
    clock.set(checked_in);
    let complaint = if v.comeback {
        format!("Back again: {}", work.to_lowercase())
    } else {
        work.to_string()
    };
    let job = ws
        .new_job(
            ADVISOR,
            &NewJobInput {
                plate: v.plate.clone(),
                complaint,
                make: Some(make.into()),
                model: Some(model.into()),
                year: Some(2015 + (v.k % 9) as i64),
                customer: Some(customer.into()),
                phone: Some(phone.into()),
                priority: if rng.chance(10) {
                    Priority::High
                } else {
                    Priority::Normal
                },
                estimate_hours: Some(hours),
                promised_at: Some(checked_in + Duration::minutes((hours * 60.0) as i64 + 240)),
                comeback: if v.comeback {
                    Comeback::Offered
                } else {
                    Comeback::NotComeback
                },
                ..Default::default()
            },
        )?
        .id;
    let first = ws.store().read(|c| store::lines_for_job(c, job))?[0].id;
    ws.price_line(
        ADVISOR,
        first,
        Some(hours),
        Some(20_000 + 1_000 * rng.below(30) as i64),
        None,
    )?;
    Ok((job, hours, customer))
}

/// One visit from check-in to the follow-up call. Returns when the bay
/// was free again (QC passed) and when the car was delivered.
fn visit(
    ws: &mut Workshop,
    clock: &SimClock,
    rng: &mut Rng,
    v: &Visit,
) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let (job, hours, customer) = check_in(ws, clock, rng, v)?;
    let mut t = v.start;
    clock.set(t);
    ws.dispatch(FOREMAN, job, v.bay, v.tech, None)?;
    t += rng.minutes(3, 12);
    clock.set(t);
    ws.act(v.tech, job, JobAction::Start, None, None)?;
    // Technicians run from 70 % to 130 % of the sold time.
    let pace = 0.7 + (v.k % 7) as f64 * 0.1;
    let mut left = Duration::minutes((hours * 60.0 * pace) as i64);
    if rng.chance(30) {
        let part = left / 2;
        t += part;
        left -= part;
        clock.set(t);
        ws.act(v.tech, job, JobAction::Pause, None, None)?;
        t += rng.minutes(10, 45);
        clock.set(t);
        ws.act(v.tech, job, JobAction::Resume, None, None)?;
    }
    if rng.chance(25) {
        let at = t + rng.minutes(10, 30);
        t = found_work(ws, clock, rng, v, job, at, customer)?;
    }
    if rng.chance(12) {
        let at = t + rng.minutes(5, 20);
        t = parts_wait(ws, clock, rng, v, job, at)?;
    }
    t += left;
    t = finish(ws, clock, v, job, t)?;
    t += rng.minutes(10, 40);
    let inspector = QC[v.k % QC.len()];
    if rng.chance(10) {
        clock.set(t);
        inspect(ws, inspector, job, Verdict::Fail)?;
        t += rng.minutes(5, 20);
        clock.set(t);
        ws.act(v.tech, job, JobAction::Start, None, None)?;
        t = finish(ws, clock, v, job, t + rng.minutes(15, 40))?;
        t += rng.minutes(10, 30);
    }
    clock.set(t);
    inspect(ws, inspector, job, Verdict::Pass)?;
    let bay_free = t;
    let promised = ws
        .store()
        .read(|c| store::job(c, job))?
        .and_then(|j| j.promised_at)
        .unwrap_or(t);
    // Most cars leave before the promised time; some are late.
    let delivered = if rng.chance(85) {
        (t + rng.minutes(10, 60))
            .min(promised)
            .max(t + Duration::minutes(5))
    } else {
        t.max(promised) + rng.minutes(15, 120)
    };
    if rng.chance(60) {
        clock.set(delivered - Duration::minutes(3));
        ws.wash(ADVISOR, job)?;
    }
    clock.set(delivered);
    ws.act(
        ADVISOR,
        job,
        JobAction::Deliver,
        Some("customer collected"),
        None,
    )?;
    follow_up(ws, clock, rng, job, delivered)?;
    Ok((bay_free, delivered))
}

fn finish(
    ws: &mut Workshop,
    clock: &SimClock,
    v: &Visit,
    job: i64,
    t: DateTime<Utc>,
) -> Result<DateTime<Utc>> {
    clock.set(t);
    let lines = ws.store().read(|c| store::lines_for_job(c, job))?;
    for l in lines.iter().filter(|l| l.status == LineStatus::Approved) {
        ws.mark_line(v.tech, l.id, true)?;
    }
    let t = t + Duration::minutes(2);
    clock.set(t);
    ws.act(v.tech, job, JobAction::Finish, None, None)?;
    Ok(t)
}

fn inspect(ws: &mut Workshop, inspector: &str, job: i64, verdict: Verdict) -> Result<()> {
    let marks = match verdict {
        Verdict::Pass => vec![Mark {
            id: "old_parts".into(),
            result: ItemResult::Na,
            note: None,
        }],
        Verdict::Fail => vec![Mark {
            id: "wheel_torque".into(),
            result: ItemResult::Fail,
            note: Some("two wheel nuts under torque".into()),
        }],
    };
    ws.inspect(
        inspector,
        job,
        verdict,
        &Inspection {
            marks,
            road_test_km: Some(6.5),
            note: None,
            pin: None,
        },
        None,
    )?;
    Ok(())
}

/// Found work, and the customer's answer after a while; a safety item
/// holds the job until then.
fn found_work(
    ws: &mut Workshop,
    clock: &SimClock,
    rng: &mut Rng,
    v: &Visit,
    job: i64,
    t: DateTime<Utc>,
    customer: &str,
) -> Result<DateTime<Utc>> {
    let (what, hours, amount) = FOUND[rng.below(FOUND.len() as u64) as usize];
    let safety = what.contains("brake") || what.contains("tyre");
    clock.set(t);
    let currency = ws.store().read(store::shop_settings)?.currency;
    let amount = crate::domain::money::parse(crate::domain::Field::PartsAmount, amount, &currency)?;
    let line = ws
        .add_line(
            v.tech,
            job,
            &LineInput {
                work: what.into(),
                hours: Some(hours),
                amount: Some(amount),
                found: Some(Found {
                    urgency: if safety {
                        Urgency::Safety
                    } else {
                        Urgency::Soon
                    },
                    blocking: safety,
                }),
                note: None,
                ..LineInput::default()
            },
            None,
        )?
        .id;
    let mut t = t + rng.minutes(15, 120);
    clock.set(t);
    let yes = rng.chance(70);
    ws.decide_line(ADVISOR, line, yes, customer, Via::Phone, None)?;
    if safety {
        // The decision let the held job go back to paused.
        t += rng.minutes(2, 10);
        clock.set(t);
        ws.act(v.tech, job, JobAction::Resume, None, None)?;
    }
    Ok(t)
}

/// A blocking parts issue: logged, ordered, received, fitted.
fn parts_wait(
    ws: &mut Workshop,
    clock: &SimClock,
    rng: &mut Rng,
    v: &Visit,
    job: i64,
    t: DateTime<Utc>,
) -> Result<DateTime<Utc>> {
    const KINDS: [(PartKind, &str); 4] = [
        (PartKind::OutOfStock, "Oil filter"),
        (PartKind::WrongPart, "Brake disc, front"),
        (PartKind::Backorder, "AC compressor"),
        (PartKind::Damaged, "Headlamp unit"),
    ];
    let (kind, part) = KINDS[rng.below(KINDS.len() as u64) as usize];
    clock.set(t);
    let issue = ws
        .log_parts(
            v.tech,
            job,
            &NewPartsInput {
                part: part.into(),
                kind,
                qty: 1,
                blocking: true,
                note: None,
            },
            None,
        )?
        .id;
    let mut t = t + rng.minutes(5, 30);
    clock.set(t);
    ws.update_parts(
        PARTS,
        issue,
        PartStatus::Ordered,
        Some(t + Duration::hours(2)),
        None,
    )?;
    t += rng.minutes(40, 240);
    clock.set(t);
    ws.update_parts(PARTS, issue, PartStatus::Received, None, None)?;
    t += rng.minutes(5, 20);
    clock.set(t);
    ws.update_parts(PARTS, issue, PartStatus::Resolved, None, Some("fitted"))?;
    t += rng.minutes(2, 10);
    clock.set(t);
    ws.act(v.tech, job, JobAction::Resume, None, None)?;
    Ok(t)
}

/// The call a few days on: mostly reached and happy; now and then a miss
/// first, or a low score that becomes a complaint, handled and closed.
fn follow_up(
    ws: &mut Workshop,
    clock: &SimClock,
    rng: &mut Rng,
    job: i64,
    delivered: DateTime<Utc>,
) -> Result<()> {
    let due = ws
        .store()
        .read(|c| store::followup(c, job, delivered))?
        .map(|f| f.due_at)
        .unwrap_or(delivered + Duration::days(3));
    let mut t = due + rng.minutes(30, 300);
    if rng.chance(4) {
        // Three misses: the call is given up.
        for _ in 0..3 {
            clock.set(t);
            ws.log_followup(ADVISOR, job, false, None, Some("no answer"))?;
            t += rng.minutes(120, 600);
        }
        return Ok(());
    }
    if rng.chance(15) {
        clock.set(t);
        ws.log_followup(ADVISOR, job, false, None, Some("no answer"))?;
        t += rng.minutes(120, 600);
    }
    clock.set(t);
    let score = match rng.below(100) {
        0..=2 => 2,
        3..=7 => 3,
        8..=30 => 4,
        _ => 5,
    };
    let note = match score {
        2 => "the noise is still there",
        3 => "took longer than promised",
        _ => "happy with the work",
    };
    let (_, complaint) = ws.log_followup(ADVISOR, job, true, Some(score), Some(note))?;
    if let Some(id) = complaint {
        for (hours, to) in [
            (2, ComplaintStatus::Acknowledged),
            (30 + rng.below(60) as i64, ComplaintStatus::Resolved),
            (2, ComplaintStatus::Closed),
        ] {
            t += Duration::hours(hours);
            clock.set(t);
            ws.step_complaint(FOREMAN, id, to, None)?;
        }
    }
    Ok(())
}
