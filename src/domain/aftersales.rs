//! After delivery: the follow-up call and complaints, with their deadlines,
//! and the shop settings they depend on.

use super::acts::Act;
use super::field::Field;
use super::people::{Actor, Role};
use super::refusal::Refusal;
use super::said::Said;
use chrono::{DateTime, Duration, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// Follow-up calls are due this many days after delivery (shop setting).
pub const FOLLOWUP_DAYS: std::ops::RangeInclusive<i64> = 3..=7;
/// A vehicle back within this many days is offered as a comeback.
pub const COMEBACK_DAYS: std::ops::RangeInclusive<i64> = 1..=365;
/// Misses before a follow-up is given up as unreachable.
pub const MISSES: i64 = 3;

/// Who calls customers and owns complaints.
pub const AFTERSALES: [Role; 2] = [Role::Advisor, Role::Foreman];

pub fn check_aftersales(who: &Actor, action: Act) -> Result<(), Refusal> {
    if who.has_any(&AFTERSALES) {
        Ok(())
    } else {
        Err(Refusal::WrongRoleSetup {
            who: who.describe(),
            action,
            needs: AFTERSALES.to_vec(),
        })
    }
}

pub fn followup_days(n: i64) -> Result<i64, Refusal> {
    in_range(Field::FollowupDays, n, FOLLOWUP_DAYS)
}

pub fn comeback_days(n: i64) -> Result<i64, Refusal> {
    in_range(Field::ComebackDays, n, COMEBACK_DAYS)
}

pub fn day_hours(h: f64) -> Result<f64, Refusal> {
    if h.is_finite() && h > 0.0 && h <= 24.0 {
        Ok(h)
    } else {
        Err(Refusal::invalid(
            Field::DayHours,
            Said::new("problem-more-than-0-at-most").num("max", 24),
        ))
    }
}

fn in_range(field: Field, n: i64, r: std::ops::RangeInclusive<i64>) -> Result<i64, Refusal> {
    if r.contains(&n) {
        Ok(n)
    } else {
        Err(Refusal::invalid(
            field,
            Said::new("problem-whole-number-from-to")
                .num("min", *r.start())
                .num("max", *r.end()),
        ))
    }
}

/// A satisfaction score, 1 (very unhappy) to 5.
pub fn score(n: i64) -> Result<i64, Refusal> {
    in_range(Field::Score, n, 1..=5)
}

/// Scores that open a complaint.
pub fn unhappy(score: i64) -> bool {
    score <= 2
}

/// Where a follow-up stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowupState {
    /// Not due yet.
    Pending,
    Due,
    Reached,
    Unreachable,
}

impl FollowupState {
    pub fn of(due: DateTime<Utc>, now: DateTime<Utc>, reached: bool, misses: i64) -> Self {
        if reached {
            FollowupState::Reached
        } else if misses >= MISSES {
            FollowupState::Unreachable
        } else if now >= due {
            FollowupState::Due
        } else {
            FollowupState::Pending
        }
    }

    /// The stored spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            FollowupState::Pending => "pending",
            FollowupState::Due => "due",
            FollowupState::Reached => "reached",
            FollowupState::Unreachable => "unreachable",
        }
    }
}

/// When a follow-up falls due: `days` local days after delivery, at the
/// same local clock time.
pub fn followup_due<Tz: TimeZone>(delivered: DateTime<Utc>, days: i64, tz: &Tz) -> DateTime<Utc> {
    add_local_days(delivered, days, tz)
}

fn add_local_days<Tz: TimeZone>(t: DateTime<Utc>, days: i64, tz: &Tz) -> DateTime<Utc> {
    let local = t.with_timezone(tz).naive_local() + Duration::days(days);
    match tz.from_local_datetime(&local) {
        chrono::LocalResult::Single(d) => d.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(early, _) => early.with_timezone(&Utc),
        // A clock time that does not exist that day (clocks went forward):
        // the same span later in absolute time.
        chrono::LocalResult::None => t + Duration::days(days),
    }
}

/// One severity's deadlines, as `assets/complaints.toml` gives them.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Severity {
    pub level: i64,
    pub name: String,
    pub respond_hours: i64,
    pub resolve_hours: Option<i64>,
    pub resolve_days: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct Severities {
    severity: Vec<Severity>,
}

pub fn severities() -> Vec<Severity> {
    let s: Severities = toml::from_str(include_str!("../../assets/complaints.toml"))
        .expect("assets/complaints.toml is part of the build");
    s.severity
}

pub fn severity(level: i64) -> Result<Severity, Refusal> {
    severities()
        .into_iter()
        .find(|s| s.level == level)
        .ok_or_else(|| Refusal::invalid(Field::Severity, Said::new("problem-severity")))
}

/// (respond by, resolve by) for a complaint recorded at `at`: hours are
/// hours, days are local days at the same clock time.
pub fn deadlines<Tz: TimeZone>(
    s: &Severity,
    at: DateTime<Utc>,
    tz: &Tz,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let respond = at + Duration::hours(s.respond_hours);
    let resolve = match (s.resolve_hours, s.resolve_days) {
        (Some(h), _) => at + Duration::hours(h),
        (None, Some(d)) => add_local_days(at, d, tz),
        (None, None) => at + Duration::days(10),
    };
    (respond, resolve)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintStatus {
    Open,
    Acknowledged,
    Resolved,
    Closed,
}

impl ComplaintStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ComplaintStatus::Open => "open",
            ComplaintStatus::Acknowledged => "acknowledged",
            ComplaintStatus::Resolved => "resolved",
            ComplaintStatus::Closed => "closed",
        }
    }

    /// The step to `to`, if allowed from here.
    pub fn step(self, to: ComplaintStatus) -> Result<(), Refusal> {
        use ComplaintStatus::*;
        let ok = matches!(
            (self, to),
            (Open, Acknowledged) | (Acknowledged, Resolved) | (Resolved, Closed)
        );
        if ok {
            Ok(())
        } else {
            Err(Refusal::invalid(
                Field::Action,
                Said::new("problem-complaint-step")
                    .text("from", self.as_str())
                    .text("to", to.as_str()),
            ))
        }
    }

    pub fn is_open(self) -> bool {
        !matches!(self, ComplaintStatus::Resolved | ComplaintStatus::Closed)
    }
}

impl fmt::Display for ComplaintStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ComplaintStatus {
    type Err = super::said::UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "open" => ComplaintStatus::Open,
            "acknowledged" => ComplaintStatus::Acknowledged,
            "resolved" => ComplaintStatus::Resolved,
            "closed" => ComplaintStatus::Closed,
            _ => {
                return Err(super::said::UnknownCode::new(
                    "complaint_status",
                    s,
                    ["open", "acknowledged", "resolved", "closed"],
                ));
            }
        })
    }
}

/// Which of a complaint's deadlines has passed. JSON keeps the spelling it
/// has always had.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Overdue {
    #[serde(rename = "response overdue")]
    Response,
    #[serde(rename = "resolution overdue")]
    Resolution,
}

/// Which deadline a complaint has missed, if any.
pub fn overdue(
    status: ComplaintStatus,
    respond_by: DateTime<Utc>,
    resolve_by: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<Overdue> {
    match status {
        ComplaintStatus::Open if now > respond_by => Some(Overdue::Response),
        ComplaintStatus::Open | ComplaintStatus::Acknowledged if now > resolve_by => {
            Some(Overdue::Resolution)
        }
        _ => None,
    }
}

/// "C-12".
pub fn complaint_label(id: i64) -> String {
    format!("C-{id}")
}

pub fn parse_complaint(s: &str) -> Result<i64, Said> {
    let t = s.trim();
    let digits = t
        .strip_prefix("C-")
        .or_else(|| t.strip_prefix("c-"))
        .unwrap_or(t);
    digits
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Said::new("problem-complaint-number").text("text", s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::FixedOffset;

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn the_shipped_severities_have_the_dealer_deadlines() {
        let tz = FixedOffset::east_opt(8 * 3600).unwrap();
        let t = at("2026-11-23T02:00:00Z");
        let want = [
            (1, "2026-11-23T06:00:00Z", "2026-11-25T02:00:00Z"),
            (2, "2026-11-24T02:00:00Z", "2026-11-28T02:00:00Z"),
            (3, "2026-11-24T02:00:00Z", "2026-12-03T02:00:00Z"),
        ];
        for (level, respond, resolve) in want {
            let (r, s) = deadlines(&severity(level).unwrap(), t, &tz);
            assert_eq!((r, s), (at(respond), at(resolve)), "severity {level}");
        }
        assert!(severity(4).is_err());
    }

    #[test]
    fn days_keep_the_local_clock_time_across_a_dst_change() {
        // Europe/Berlin-like: +1 before 29 March 2026, +2 after.
        let tz = chrono_tz_like();
        let before = at("2026-03-27T09:00:00Z"); // 10:00 local (+1)
        let due = followup_due(before, 3, &tz); // 30 March 10:00 local (+2)
        assert_eq!(due, at("2026-03-30T08:00:00Z"));
    }

    /// A zone with a spring-forward on 29 March 2026 at 02:00 local.
    fn chrono_tz_like() -> SwitchingZone {
        SwitchingZone
    }

    #[derive(Clone, Copy)]
    struct SwitchingZone;
    impl TimeZone for SwitchingZone {
        type Offset = FixedOffset;
        fn from_offset(_: &FixedOffset) -> Self {
            SwitchingZone
        }
        fn offset_from_local_date(
            &self,
            d: &chrono::NaiveDate,
        ) -> chrono::LocalResult<FixedOffset> {
            self.offset_from_local_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
        }
        fn offset_from_local_datetime(
            &self,
            t: &chrono::NaiveDateTime,
        ) -> chrono::LocalResult<FixedOffset> {
            let switch = chrono::NaiveDate::from_ymd_opt(2026, 3, 29)
                .unwrap()
                .and_hms_opt(2, 0, 0)
                .unwrap();
            let off = if *t < switch { 1 } else { 2 };
            chrono::LocalResult::Single(FixedOffset::east_opt(off * 3600).unwrap())
        }
        fn offset_from_utc_date(&self, d: &chrono::NaiveDate) -> FixedOffset {
            self.offset_from_utc_datetime(&d.and_hms_opt(12, 0, 0).unwrap())
        }
        fn offset_from_utc_datetime(&self, t: &chrono::NaiveDateTime) -> FixedOffset {
            let switch = chrono::NaiveDate::from_ymd_opt(2026, 3, 29)
                .unwrap()
                .and_hms_opt(1, 0, 0)
                .unwrap();
            FixedOffset::east_opt(if *t < switch { 3600 } else { 7200 }).unwrap()
        }
    }

    #[test]
    fn complaint_steps_go_one_way() {
        use ComplaintStatus::*;
        assert!(Open.step(Acknowledged).is_ok());
        assert!(Open.step(Resolved).is_err(), "acknowledged first");
        assert!(Acknowledged.step(Resolved).is_ok());
        assert!(Resolved.step(Closed).is_ok());
        assert!(Open.step(Closed).is_err());
        assert!(Closed.step(Open).is_err());
        assert!(Acknowledged.step(Acknowledged).is_err());
    }

    #[test]
    fn overdue_names_the_missed_deadline() {
        let t = at("2026-11-23T02:00:00Z");
        let (r, s) = (t + Duration::hours(4), t + Duration::hours(48));
        use ComplaintStatus::*;
        assert_eq!(overdue(Open, r, s, t), None);
        assert_eq!(
            overdue(Open, r, s, t + Duration::hours(5)),
            Some(Overdue::Response)
        );
        assert_eq!(overdue(Acknowledged, r, s, t + Duration::hours(5)), None);
        assert_eq!(
            overdue(Acknowledged, r, s, t + Duration::hours(49)),
            Some(Overdue::Resolution)
        );
        assert_eq!(overdue(Resolved, r, s, t + Duration::hours(99)), None);
    }

    #[test]
    fn followups_become_due_then_end_reached_or_unreachable() {
        let due = at("2026-11-26T02:00:00Z");
        let before = due - Duration::hours(1);
        assert_eq!(
            FollowupState::of(due, before, false, 0),
            FollowupState::Pending
        );
        assert_eq!(FollowupState::of(due, due, false, 2), FollowupState::Due);
        assert_eq!(
            FollowupState::of(due, due, false, 3),
            FollowupState::Unreachable
        );
        assert_eq!(FollowupState::of(due, due, true, 1), FollowupState::Reached);
        assert!(score(0).is_err() && score(6).is_err() && score(5).is_ok());
        assert!(unhappy(2) && !unhappy(3));
    }
}
