//! The raw sums behind the figures, for one window of time. Tallies of
//! adjacent windows merge into the tally of the window around both, which
//! is how a long range is read a month at a time (with progress) and what
//! the property tests check.

use crate::domain::zone::{Offsets, Zone, day_start};
use crate::error::Result;
use crate::store::clock_sums;
use crate::store::figures as facts;
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use rusqlite::Connection;
use std::collections::BTreeMap;

/// Complaints of one severity recorded in the window.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ComplaintTally {
    pub opened: u64,
    /// Resolved by the resolve-by deadline.
    pub on_time: u64,
    /// Resolved after it, or still unresolved past it.
    pub overdue: u64,
    /// Unresolved, deadline still ahead.
    pub open: u64,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Tally {
    pub delivered_by_day: BTreeMap<NaiveDate, u64>,
    /// Check-in to delivery of each delivered job, in hours.
    pub lead_hours: Vec<f64>,
    /// Seconds the delivered jobs spent in each state, by stored name.
    pub state_secs: BTreeMap<&'static str, f64>,
    pub promised: u64,
    pub on_time: u64,
    pub first_pass: u64,
    /// Per inspection level (self, peer, final): delivered jobs it signed,
    /// and of those, the ones whose first signature was a pass.
    pub level_signed: [u64; 3],
    pub level_first_pass: [u64; 3],
    pub comebacks: u64,
    pub followups_done: u64,
    pub reached: u64,
    pub scored: u64,
    pub satisfied: u64,
    pub clocked_secs: BTreeMap<i64, f64>,
    pub sold_hours: BTreeMap<i64, f64>,
    pub comebacks_by_tech: BTreeMap<i64, u64>,
    /// Clocked seconds in each bay by local hour of the day.
    pub bay_secs: BTreeMap<i64, [f64; 24]>,
    pub asked: u64,
    pub approved: u64,
    pub declined: u64,
    pub decision_hours: Vec<f64>,
    /// Hours blocking parts issues held their jobs, by kind's stored name.
    pub parts_hours: BTreeMap<&'static str, f64>,
    pub complaints: BTreeMap<i64, ComplaintTally>,
}

impl Tally {
    pub fn delivered(&self) -> u64 {
        self.delivered_by_day.values().sum()
    }

    /// Adds a tally of an adjacent window.
    pub fn merge(&mut self, o: Tally) {
        for (d, n) in o.delivered_by_day {
            *self.delivered_by_day.entry(d).or_default() += n;
        }
        self.lead_hours.extend(o.lead_hours);
        for (s, v) in o.state_secs {
            *self.state_secs.entry(s).or_default() += v;
        }
        self.promised += o.promised;
        self.on_time += o.on_time;
        self.first_pass += o.first_pass;
        for i in 0..3 {
            self.level_signed[i] += o.level_signed[i];
            self.level_first_pass[i] += o.level_first_pass[i];
        }
        self.comebacks += o.comebacks;
        self.followups_done += o.followups_done;
        self.reached += o.reached;
        self.scored += o.scored;
        self.satisfied += o.satisfied;
        for (k, v) in o.clocked_secs {
            *self.clocked_secs.entry(k).or_default() += v;
        }
        for (k, v) in o.sold_hours {
            *self.sold_hours.entry(k).or_default() += v;
        }
        for (k, v) in o.comebacks_by_tech {
            *self.comebacks_by_tech.entry(k).or_default() += v;
        }
        for (k, v) in o.bay_secs {
            let e = self.bay_secs.entry(k).or_insert([0.0; 24]);
            for (a, b) in e.iter_mut().zip(v) {
                *a += b;
            }
        }
        self.asked += o.asked;
        self.approved += o.approved;
        self.declined += o.declined;
        self.decision_hours.extend(o.decision_hours);
        for (k, v) in o.parts_hours {
            *self.parts_hours.entry(k).or_default() += v;
        }
        for (k, v) in o.complaints {
            let e = self.complaints.entry(k).or_default();
            e.opened += v.opened;
            e.on_time += v.on_time;
            e.overdue += v.overdue;
            e.open += v.open;
        }
    }
}

fn hours(a: DateTime<Utc>, b: DateTime<Utc>) -> f64 {
    (b - a).num_milliseconds() as f64 / 3_600_000.0
}

/// How much of a tally to read: everything, or only the few figures shown
/// beside the previous range's (cheap: no clocks, no state times).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    Full,
    Headline,
}

/// Reads the tally of [from, to) as it stands at `now`.
pub fn collect(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
    zone: &Zone,
    depth: Depth,
    sums: bool,
) -> Result<Tally> {
    let mut t = Tally::default();
    let mut local = Offsets::new(zone);
    for j in facts::delivered(conn, from, to)? {
        let day = local.local(j.closed_at).date();
        *t.delivered_by_day.entry(day).or_default() += 1;
        t.lead_hours.push(hours(j.created_at, j.closed_at).max(0.0));
        if let Some(p) = j.promised_at {
            t.promised += 1;
            t.on_time += u64::from(j.closed_at <= p);
        }
        t.first_pass += u64::from(j.rework_count == 0);
        for (i, passed) in j.first_passed.iter().enumerate() {
            if let Some(p) = passed {
                t.level_signed[i] += 1;
                t.level_first_pass[i] += u64::from(*p);
            }
        }
        if let Some(tech) = j.comeback_tech {
            t.comebacks += 1;
            if let Some(tech) = tech {
                *t.comebacks_by_tech.entry(tech).or_default() += 1;
            }
        }
    }
    for (reached, score) in facts::followups_done(conn, from, to)? {
        t.followups_done += 1;
        t.reached += u64::from(reached);
        if let Some(s) = score {
            t.scored += 1;
            t.satisfied += u64::from(s >= 4);
        }
    }
    if depth == Depth::Headline {
        return Ok(t);
    }
    // With the sums kept in `zone`, the local days before today are read
    // from them, and only today from the records.
    let cut = if sums {
        day_start(now.with_timezone(zone).date_naive(), zone).clamp(from, to)
    } else {
        from
    };
    state_times(&mut t, conn, (from, cut, to), zone)?;
    clocked(&mut t, conn, (from, cut, to), now, zone)?;
    for (who, h) in facts::sold(conn, from, to)? {
        *t.sold_hours.entry(who).or_default() += h;
    }
    for a in facts::asked(conn, from, to)? {
        t.asked += 1;
        match a.status.as_str() {
            "declined" => t.declined += 1,
            "approved" | "done" => t.approved += 1,
            _ => {}
        }
        if let Some(d) = a.decided_at {
            t.decision_hours.push(hours(a.created_at, d).max(0.0));
        }
    }
    for (kind, (logged, closed)) in facts::parts_blocking(conn, from, to)? {
        let h = hours(logged, closed.unwrap_or(now).max(logged));
        *t.parts_hours.entry(kind.as_str()).or_default() += h;
    }
    for (severity, (due, resolved)) in facts::complaints_opened(conn, from, to)? {
        let c = t.complaints.entry(severity).or_default();
        c.opened += 1;
        match resolved {
            Some(r) if r <= due => c.on_time += 1,
            Some(_) => c.overdue += 1,
            None if now > due => c.overdue += 1,
            None => c.open += 1,
        }
    }
    Ok(t)
}

/// Time the jobs delivered in [from, to) spent in each state: [from, cut)
/// from the sums (whole local days), the rest from the records.
fn state_times(
    t: &mut Tally,
    conn: &Connection,
    (from, cut, to): (DateTime<Utc>, DateTime<Utc>, DateTime<Utc>),
    zone: &Zone,
) -> Result<()> {
    let mut ms_in: BTreeMap<&'static str, i64> = BTreeMap::new();
    if cut > from {
        clock_sums::state_days(conn, local_days(from, cut, zone), |state, ms| {
            *ms_in.entry(state.as_str()).or_default() += ms;
        })?;
    }
    if cut < to {
        for (state, ms) in facts::state_times(conn, cut, to)? {
            *ms_in.entry(state.as_str()).or_default() += ms;
        }
    }
    for (state, ms) in ms_in {
        if ms > 0 {
            t.state_secs.insert(state, ms as f64 / 1000.0);
        }
    }
    Ok(())
}

/// The local days [a's, b's) of two local midnights.
fn local_days(a: DateTime<Utc>, b: DateTime<Utc>, zone: &Zone) -> (NaiveDate, NaiveDate) {
    let day = |t: DateTime<Utc>| t.with_timezone(zone).date_naive();
    (day(a), day(b))
}

/// Time on the clock in [from, to) as it stands at `now`: [from, cut)
/// from the sums (whole local days), the rest and the clocks still
/// running from the entries.
fn clocked(
    t: &mut Tally,
    conn: &Connection,
    (from, cut, to): (DateTime<Utc>, DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
    zone: &Zone,
) -> Result<()> {
    let mut local = Offsets::new(zone);
    let mut add =
        |t: &mut Tally, staff: i64, bay: Option<i64>, a: DateTime<Utc>, b: DateTime<Utc>| {
            *t.clocked_secs.entry(staff).or_default() += (b - a).num_milliseconds() as f64 / 1000.0;
            if let Some(bay) = bay {
                spread(t.bay_secs.entry(bay).or_insert([0.0; 24]), a, b, &mut local);
            }
        };
    if cut > from {
        let days = local_days(from, cut, zone);
        clock_sums::staff_days(conn, days, |who, ms| {
            *t.clocked_secs.entry(who).or_default() += ms as f64 / 1000.0;
        })?;
        clock_sums::bay_hours(conn, days, |bay, hour, ms| {
            t.bay_secs.entry(bay).or_insert([0.0; 24])[hour as usize % 24] += ms as f64 / 1000.0;
        })?;
        for c in clock_sums::open_before(conn, cut)? {
            let a = c.started_at.max(from);
            if cut > a {
                add(t, c.staff_id, c.bay_id, a, cut);
            }
        }
    }
    if cut < to {
        let end = to.min(now);
        for c in facts::clocked(conn, cut, to)? {
            let a = c.started_at.max(cut);
            let b = c.ended_at.unwrap_or(now).min(end);
            if b > a {
                add(t, c.staff_id, c.bay_id, a, b);
            }
        }
    }
    Ok(())
}

/// Spreads [a, b) over the local hours of the day it covers.
pub(crate) fn spread(
    into: &mut [f64; 24],
    a: DateTime<Utc>,
    b: DateTime<Utc>,
    local: &mut Offsets,
) {
    crate::domain::zone::each_local_hour(a, b, local, |l, ms| {
        into[l.hour() as usize] += ms as f64 / 1000.0;
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    #[test]
    fn clocked_time_is_spread_over_local_hours() {
        let zone = Zone::Fixed(FixedOffset::east_opt(8 * 3600 + 30 * 60).unwrap());
        let a = Utc.with_ymd_and_hms(2026, 11, 23, 0, 15, 0).unwrap(); // 08:45 local
        let b = a + chrono::Duration::minutes(90); // 10:15 local
        let mut h = [0.0; 24];
        spread(&mut h, a, b, &mut Offsets::new(&zone));
        assert_eq!((h[8], h[9], h[10]), (900.0, 3600.0, 900.0));
        assert_eq!(h.iter().sum::<f64>(), 5400.0);
    }
}
