//! The manager's figures (DESIGN.md "Figures"): one read model that both
//! `bayboard report` and the dashboard view show, so the two always agree.
//! A range is a run of the shop's local days; it is read from the records
//! and the event log through indexes on the moment each fact happened
//! (`store/figures.rs`), a month at a time, and the monthly tallies merged
//! (`tally.rs`). Numbers are rounded here, once, to what is shown.

mod span;
mod tally;

pub use crate::domain::zone::{Offsets, Zone, day_start};
pub use span::Span;
pub use tally::{ComplaintTally, Depth, Tally, collect};

use crate::domain::{JobStatus, PartKind};
use crate::error::Result;
use crate::store::{Store, figures as facts};
use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use std::collections::HashMap;

/// Dealer manuals aim for at least this share of satisfied customers.
pub const SATISFACTION_TARGET: f64 = 97.0;

/// A count out of a whole; `pct` is empty when the whole is nothing.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Share {
    pub count: u64,
    pub of: u64,
    pub pct: Option<f64>,
}

impl Share {
    fn new(count: u64, of: u64) -> Share {
        let pct = (of > 0).then(|| round1((count as f64 * 100.0 / of as f64).clamp(0.0, 100.0)));
        Share { count, of, pct }
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DayCount {
    pub day: NaiveDate,
    pub count: u64,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Spread {
    pub p50: Option<f64>,
    pub p90: Option<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StateCount {
    pub state: JobStatus,
    pub count: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StateHours {
    pub state: JobStatus,
    pub hours: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TechFigures {
    pub name: String,
    pub clocked_hours: f64,
    pub sold_hours: f64,
    pub efficiency_pct: Option<f64>,
    pub comebacks: u64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BayHours {
    pub bay: String,
    /// Share of each local hour of the day (0–23) the bay had someone on
    /// the clock, over the range's days.
    pub pct_by_hour: Vec<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Approvals {
    pub asked: u64,
    pub approved: u64,
    pub declined: u64,
    pub undecided: u64,
    pub median_decision_hours: Option<f64>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct KindHours {
    pub kind: PartKind,
    pub hours: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SeverityFigures {
    pub severity: i64,
    pub opened: u64,
    pub on_time: u64,
    pub overdue: u64,
    pub open: u64,
}

/// One inspection level's first-pass share.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct LevelShare {
    pub level: crate::domain::inspection::Level,
    #[serde(flatten)]
    pub share: Share,
}

/// The few figures shown beside the previous range's.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Headline {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub delivered: u64,
    pub on_time_pct: Option<f64>,
    pub qc_first_pass_pct: Option<f64>,
    pub comeback_pct: Option<f64>,
    pub followups_reached_pct: Option<f64>,
    pub satisfaction_pct: Option<f64>,
}

/// Every figure of a range; serialised as `report --json` (one key each).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Figures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub delivered: u64,
    pub delivered_per_day: Vec<DayCount>,
    pub checkin_to_delivery_hours: Spread,
    pub wip_by_state: Vec<StateCount>,
    pub hours_in_state: Vec<StateHours>,
    pub on_time: Share,
    pub qc_first_pass: Share,
    /// Each inspection level's first-pass share of the delivered jobs it
    /// signed: self-check, peer check, final inspection.
    pub first_pass_by_level: Vec<LevelShare>,
    pub comebacks: Share,
    pub followups_reached: Share,
    pub satisfaction: Share,
    pub satisfaction_target_pct: f64,
    pub technicians: Vec<TechFigures>,
    pub bay_utilisation: Vec<BayHours>,
    pub approvals: Approvals,
    pub parts_waiting_hours: Vec<KindHours>,
    pub complaints: Vec<SeverityFigures>,
    pub previous: Headline,
}

pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Nearest rank: the smallest value with at least `p` of them at or below.
pub fn percentile(sorted: &[f64], p: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

/// Reads the tally of `span`, a month at a time, telling `progress` how
/// many of its days are done. All months are read in one snapshot.
pub fn tally(
    store: &Store,
    span: Span,
    zone: &Zone,
    now: DateTime<Utc>,
    depth: Depth,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Tally> {
    let total = span.days();
    let day_zone = store.day_zone();
    store.read(|conn| {
        let sums = *zone == day_zone.zone
            && crate::store::clock_sums::clock_zone(conn)?.is_some_and(|z| day_zone.is(&z));
        let mut t = Tally::default();
        let mut done = 0;
        for part in span.months() {
            let (a, b) = part.window(zone);
            t.merge(collect(conn, a, b, now, zone, depth, sums)?);
            done += part.days();
            progress(done, total);
        }
        Ok(t)
    })
}

/// Every figure of `span` as it stands at `now`.
pub fn compute(
    store: &Store,
    span: Span,
    zone: &Zone,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Figures> {
    let t = tally(store, span, zone, now, Depth::Full, progress)?;
    let p = tally(
        store,
        span.previous(),
        zone,
        now,
        Depth::Headline,
        &mut |_, _| {},
    )?;
    let (wip, (staff, bays)) =
        store.read(|c| Ok((facts::work_in_progress(c)?, facts::names(c)?)))?;
    Ok(summarise(span, &t, &p, &wip, &staff, &bays, zone, now))
}

#[allow(clippy::too_many_arguments)]
fn summarise(
    span: Span,
    t: &Tally,
    prev: &Tally,
    wip: &[(JobStatus, i64)],
    staff: &[(i64, String)],
    bays: &[(i64, String)],
    zone: &Zone,
    now: DateTime<Utc>,
) -> Figures {
    let delivered = t.delivered();
    let mut lead = t.lead_hours.clone();
    lead.sort_by(f64::total_cmp);
    let mut decisions = t.decision_hours.clone();
    decisions.sort_by(f64::total_cmp);
    let wip: HashMap<JobStatus, i64> = wip.iter().copied().collect();
    let names: HashMap<i64, &str> = staff.iter().map(|(i, n)| (*i, n.as_str())).collect();
    let open_states = JobStatus::ALL.into_iter().filter(|s| s.is_open());

    let technicians = technicians(t, &names);
    let bay_utilisation = bay_utilisation(span, t, bays, zone, now);

    Figures {
        from: span.from,
        to: span.to,
        delivered,
        delivered_per_day: span
            .each_day()
            .map(|day| DayCount {
                day,
                count: t.delivered_by_day.get(&day).copied().unwrap_or(0),
            })
            .collect(),
        checkin_to_delivery_hours: Spread {
            p50: percentile(&lead, 0.5).map(round1),
            p90: percentile(&lead, 0.9).map(round1),
        },
        wip_by_state: open_states
            .clone()
            .map(|state| StateCount {
                state,
                count: wip.get(&state).copied().unwrap_or(0) as u64,
            })
            .collect(),
        hours_in_state: open_states
            .map(|state| StateHours {
                state,
                hours: if delivered > 0 {
                    round1(
                        t.state_secs.get(state.as_str()).copied().unwrap_or(0.0)
                            / 3600.0
                            / delivered as f64,
                    )
                } else {
                    0.0
                },
            })
            .collect(),
        on_time: Share::new(t.on_time, t.promised),
        qc_first_pass: Share::new(t.first_pass, delivered),
        first_pass_by_level: crate::domain::inspection::Level::ALL
            .into_iter()
            .enumerate()
            .map(|(i, level)| LevelShare {
                level,
                share: Share::new(t.level_first_pass[i], t.level_signed[i]),
            })
            .collect(),
        comebacks: Share::new(t.comebacks, delivered),
        followups_reached: Share::new(t.reached, t.followups_done),
        satisfaction: Share::new(t.satisfied, t.scored),
        satisfaction_target_pct: SATISFACTION_TARGET,
        technicians,
        bay_utilisation,
        approvals: Approvals {
            asked: t.asked,
            approved: t.approved,
            declined: t.declined,
            undecided: t.asked - t.approved - t.declined,
            median_decision_hours: percentile(&decisions, 0.5).map(round1),
        },
        parts_waiting_hours: PartKind::ALL
            .into_iter()
            .map(|kind| KindHours {
                kind,
                hours: round1(t.parts_hours.get(kind.as_str()).copied().unwrap_or(0.0)),
            })
            .collect(),
        complaints: (1..=3)
            .map(|severity| {
                let c = t.complaints.get(&severity).copied().unwrap_or_default();
                SeverityFigures {
                    severity,
                    opened: c.opened,
                    on_time: c.on_time,
                    overdue: c.overdue,
                    open: c.open,
                }
            })
            .collect(),
        previous: headline(span.previous(), prev),
    }
}

/// Each technician's hours, efficiency and comebacks, the most efficient
/// first.
fn technicians(t: &Tally, names: &HashMap<i64, &str>) -> Vec<TechFigures> {
    let mut technicians: Vec<TechFigures> = {
        let mut ids: Vec<i64> = t.clocked_secs.keys().copied().collect();
        ids.extend(t.sold_hours.keys());
        ids.extend(t.comebacks_by_tech.keys());
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|id| {
                let clocked = t.clocked_secs.get(&id).copied().unwrap_or(0.0) / 3600.0;
                let sold = t.sold_hours.get(&id).copied().unwrap_or(0.0);
                TechFigures {
                    name: names
                        .get(&id)
                        .map_or_else(|| format!("#{id}"), |n| n.to_string()),
                    clocked_hours: round1(clocked),
                    sold_hours: round1(sold),
                    efficiency_pct: (clocked > 0.0).then(|| round1(sold * 100.0 / clocked)),
                    comebacks: t.comebacks_by_tech.get(&id).copied().unwrap_or(0),
                }
            })
            .collect()
    };
    technicians.sort_by(|a, b| {
        b.efficiency_pct
            .unwrap_or(-1.0)
            .total_cmp(&a.efficiency_pct.unwrap_or(-1.0))
            .then(b.clocked_hours.total_cmp(&a.clocked_hours))
            .then(a.name.cmp(&b.name))
    });
    technicians
}

/// Each bay's share of each local hour on the clock, against the hours of
/// the range that have passed.
fn bay_utilisation(
    span: Span,
    t: &Tally,
    bays: &[(i64, String)],
    zone: &Zone,
    now: DateTime<Utc>,
) -> Vec<BayHours> {
    let (a, b) = span.window(zone);
    let mut capacity = [0.0; 24];
    tally::spread(&mut capacity, a, b.min(now).max(a), &mut Offsets::new(zone));
    bays.iter()
        .map(|(id, name)| {
            let secs = t.bay_secs.get(id).copied().unwrap_or([0.0; 24]);
            BayHours {
                bay: name.clone(),
                pct_by_hour: secs
                    .iter()
                    .zip(capacity)
                    .map(|(s, c)| {
                        if c > 0.0 {
                            round1((s * 100.0 / c).clamp(0.0, 100.0))
                        } else {
                            0.0
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

fn headline(span: Span, t: &Tally) -> Headline {
    let delivered = t.delivered();
    Headline {
        from: span.from,
        to: span.to,
        delivered,
        on_time_pct: Share::new(t.on_time, t.promised).pct,
        qc_first_pass_pct: Share::new(t.first_pass, delivered).pct,
        comeback_pct: Share::new(t.comebacks, delivered).pct,
        followups_reached_pct: Share::new(t.reached, t.followups_done).pct,
        satisfaction_pct: Share::new(t.satisfied, t.scored).pct,
    }
}
