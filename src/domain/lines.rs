//! Work-order lines: the pieces of work a job is made of, added work found
//! during the job, and the customer's decision on it.

use super::acts::Act;
use super::field::Field;
use super::people::{Actor, Role};
use super::refusal::Refusal;
use super::said::{Said, UnknownCode};
use super::status::JobStatus;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// "L-12": lines are numbered across the shop.
pub fn line_label(id: i64) -> String {
    format!("L-{id}")
}

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident as $what:literal { $($v:ident => $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];

            /// The stored and scripted spelling.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$v => $s),+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let want = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                $name::ALL
                    .iter()
                    .copied()
                    .find(|x| x.as_str() == want)
                    .ok_or_else(|| UnknownCode::new($what, s, $name::ALL.iter().map(|x| x.as_str())))
            }
        }
    };
}

pub(crate) use code_enum;

code_enum!(
    /// Asked for by the customer at check-in, or found during the work.
    LineKind as "line_kind" {
        Requested => "requested",
        Added => "added",
    }
);

code_enum!(
    LineStatus as "line_status" {
        Proposed => "proposed",
        Approved => "approved",
        Declined => "declined",
        Done => "done",
    }
);

code_enum!(
    /// How urgent found work is: safety (red), soon (amber), advisory (green).
    Urgency as "urgency" {
        Safety => "safety",
        Soon => "soon",
        Advisory => "advisory",
    }
);

code_enum!(
    /// How the customer gave their decision.
    Via as "via" {
        Phone => "phone",
        InPerson => "in_person",
        Message => "message",
    }
);

impl Urgency {
    /// Approvals list order: safety first.
    pub fn rank(self) -> u8 {
        match self {
            Urgency::Safety => 0,
            Urgency::Soon => 1,
            Urgency::Advisory => 2,
        }
    }
}

/// States in which work on the job's lines goes on (adding found work,
/// marking lines done).
pub fn in_work(status: JobStatus) -> bool {
    matches!(
        status,
        JobStatus::Dispatched
            | JobStatus::InProgress
            | JobStatus::Paused
            | JobStatus::WaitingParts
            | JobStatus::WaitingApproval
            | JobStatus::Rework
    )
}

/// Waiting for the peer check or the final inspection.
pub fn at_inspection(status: JobStatus) -> bool {
    matches!(status, JobStatus::PeerCheck | JobStatus::ReadyForQc)
}

fn not_now(job: &str, status: JobStatus, what: Act) -> Refusal {
    Refusal::LineNotNow {
        job: job.to_string(),
        status,
        what,
    }
}

/// Who may add a line of `kind` to a job in `status` held by `technician`.
pub fn check_add(
    actor: &Actor,
    kind: LineKind,
    job: &str,
    status: JobStatus,
    technician: Option<i64>,
) -> Result<(), Refusal> {
    match kind {
        LineKind::Requested => {
            if !actor.has_any(&[Role::Advisor, Role::Foreman]) {
                return Err(Refusal::WrongRoleSetup {
                    who: actor.describe(),
                    action: Act::AddRequestedWork,
                    needs: vec![Role::Advisor, Role::Foreman],
                });
            }
            if !(status == JobStatus::Waiting || in_work(status)) {
                return Err(not_now(job, status, Act::TakeNewRequestedWork));
            }
        }
        // Found at inspection: by whoever may sign the level the job waits
        // for (QC, or a peer); it goes to the advisor like a technician's.
        LineKind::Added if at_inspection(status) => {
            let may: &[Role] = match status {
                JobStatus::PeerCheck => &[Role::Technician, Role::Foreman, Role::Qc],
                _ => &[Role::Qc, Role::Foreman],
            };
            if !actor.has_any(may) {
                return Err(Refusal::WrongRoleSetup {
                    who: actor.describe(),
                    action: Act::AddFoundWork,
                    needs: may.to_vec(),
                });
            }
        }
        LineKind::Added => {
            own_or_foreman(actor, technician, Act::AddFoundWork)?;
            if !in_work(status) {
                return Err(not_now(job, status, Act::TakeFoundWork));
            }
        }
    }
    Ok(())
}

fn own_or_foreman(actor: &Actor, technician: Option<i64>, action: Act) -> Result<(), Refusal> {
    let own = technician == Some(actor.id) && actor.has(Role::Technician);
    if own || actor.has(Role::Foreman) {
        Ok(())
    } else if actor.has(Role::Technician) {
        // A technician, but not this job's: say so, not "only a technician".
        Err(Refusal::NotTheirJob {
            who: actor.name.clone(),
            action,
        })
    } else {
        Err(Refusal::WrongRoleSetup {
            who: actor.describe(),
            action,
            needs: vec![Role::Technician, Role::Foreman],
        })
    }
}

/// The customer's decision on a proposed line, recorded by an advisor or
/// the foreman; a line is decided once.
pub fn check_decide(actor: &Actor, line: &str, status: LineStatus) -> Result<(), Refusal> {
    if !actor.has_any(&[Role::Advisor, Role::Foreman]) {
        return Err(Refusal::WrongRoleSetup {
            who: actor.describe(),
            action: Act::RecordDecision,
            needs: vec![Role::Advisor, Role::Foreman],
        });
    }
    if status != LineStatus::Proposed {
        return Err(Refusal::LineState {
            line: line.to_string(),
            status,
            what: Act::TakeDecision,
        });
    }
    Ok(())
}

/// Marking a line done (or reopening it): the job's technician or the
/// foreman, while the job is being worked.
pub fn check_done(
    actor: &Actor,
    line: &str,
    status: LineStatus,
    done: bool,
    job: &str,
    job_status: JobStatus,
    technician: Option<i64>,
) -> Result<(), Refusal> {
    own_or_foreman(
        actor,
        technician,
        if done {
            Act::MarkWorkDone
        } else {
            Act::ReopenWork
        },
    )?;
    let from = if done {
        LineStatus::Approved
    } else {
        LineStatus::Done
    };
    if status != from {
        return Err(Refusal::LineState {
            line: line.to_string(),
            status,
            what: if done {
                Act::BeMarkedDone
            } else {
                Act::BeReopened
            },
        });
    }
    if !in_work(job_status) {
        return Err(not_now(job, job_status, Act::ChangeItsWork));
    }
    Ok(())
}

/// Sold hours and the parts amount: free while the line is proposed (or a
/// requested line before dispatch); later only the foreman, with a reason.
pub fn check_price(
    actor: &Actor,
    line: &str,
    kind: LineKind,
    status: LineStatus,
    job_status: JobStatus,
    reason: Option<&str>,
) -> Result<bool, Refusal> {
    let open = status == LineStatus::Proposed
        || (kind == LineKind::Requested && job_status == JobStatus::Waiting);
    if !actor.has_any(&[Role::Advisor, Role::Foreman, Role::Technician]) {
        return Err(Refusal::WrongRoleSetup {
            who: actor.describe(),
            action: Act::PriceWork,
            needs: vec![Role::Advisor, Role::Foreman],
        });
    }
    if open {
        return Ok(false);
    }
    if !actor.has(Role::Foreman) {
        return Err(Refusal::WrongRoleSetup {
            who: actor.describe(),
            action: Act::ChangeDecidedPrice,
            needs: vec![Role::Foreman],
        });
    }
    if reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(Refusal::invalid(
            Field::Reason,
            Said::new("problem-decided-needs-reason").text("line", line),
        ));
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(id: i64, roles: &[Role]) -> Actor {
        Actor {
            id,
            name: format!("P{id}"),
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn codes_round_trip_and_read_as_words() {
        for u in Urgency::ALL {
            assert_eq!(u.as_str().parse::<Urgency>().unwrap(), *u);
        }
        assert_eq!("in person".parse::<Via>().unwrap(), Via::InPerson);
        assert!("fax".parse::<Via>().is_err());
        assert_eq!(LineStatus::Proposed.label(), "waiting for the customer");
        assert_eq!(line_label(12), "L-12");
    }

    #[test]
    fn who_adds_decides_and_finishes_lines() {
        let tech = a(1, &[Role::Technician]);
        let other = a(2, &[Role::Technician]);
        let adv = a(3, &[Role::Advisor]);
        let boss = a(4, &[Role::Foreman]);
        use JobStatus::*;
        assert!(check_add(&tech, LineKind::Added, "J-1", InProgress, Some(1)).is_ok());
        assert!(check_add(&other, LineKind::Added, "J-1", InProgress, Some(1)).is_err());
        assert!(check_add(&boss, LineKind::Added, "J-1", Paused, Some(1)).is_ok());
        assert!(check_add(&tech, LineKind::Added, "J-1", ReadyForQc, Some(1)).is_err());
        // Found at inspection: QC at the final level, a peer at the peer check.
        let qc = a(5, &[Role::Qc]);
        assert!(check_add(&qc, LineKind::Added, "J-1", ReadyForQc, Some(1)).is_ok());
        assert!(check_add(&other, LineKind::Added, "J-1", PeerCheck, Some(1)).is_ok());
        assert!(check_add(&adv, LineKind::Added, "J-1", ReadyForQc, Some(1)).is_err());
        assert!(check_add(&qc, LineKind::Added, "J-1", QcPassed, Some(1)).is_err());
        assert!(check_add(&adv, LineKind::Requested, "J-1", Waiting, None).is_ok());
        assert!(check_add(&tech, LineKind::Requested, "J-1", Waiting, None).is_err());
        assert!(check_decide(&adv, "L-1", LineStatus::Proposed).is_ok());
        assert!(check_decide(&tech, "L-1", LineStatus::Proposed).is_err());
        let twice = check_decide(&adv, "L-1", LineStatus::Approved).unwrap_err();
        assert!(twice.to_string().contains("L-1"), "{twice}");
        let done =
            |who: &Actor, st, job_st| check_done(who, "L-1", st, true, "J-1", job_st, Some(1));
        assert!(done(&tech, LineStatus::Approved, InProgress).is_ok());
        assert!(done(&tech, LineStatus::Proposed, InProgress).is_err());
        assert!(done(&other, LineStatus::Approved, InProgress).is_err());
        assert!(done(&tech, LineStatus::Approved, QcPassed).is_err());
        assert!(
            check_done(
                &tech,
                "L-1",
                LineStatus::Done,
                false,
                "J-1",
                Paused,
                Some(1)
            )
            .is_ok()
        );
    }

    #[test]
    fn decided_prices_change_only_by_the_foreman_with_a_reason() {
        let adv = a(3, &[Role::Advisor]);
        let boss = a(4, &[Role::Foreman]);
        use JobStatus::*;
        let p = |who: &Actor, kind, st, job_st, reason| {
            check_price(who, "L-1", kind, st, job_st, reason)
        };
        assert_eq!(
            p(&adv, LineKind::Added, LineStatus::Proposed, Paused, None),
            Ok(false)
        );
        assert_eq!(
            p(
                &adv,
                LineKind::Requested,
                LineStatus::Approved,
                Waiting,
                None
            ),
            Ok(false)
        );
        assert!(
            p(
                &adv,
                LineKind::Requested,
                LineStatus::Approved,
                InProgress,
                Some("x")
            )
            .is_err()
        );
        assert!(p(&boss, LineKind::Added, LineStatus::Approved, Paused, None).is_err());
        assert_eq!(
            p(
                &boss,
                LineKind::Added,
                LineStatus::Approved,
                Paused,
                Some("more rust")
            ),
            Ok(true)
        );
    }
}
