//! Parts issues: kinds, lifecycle and who may log or advance them.

use super::acts::Act;
use super::people::{Actor, Role};
use super::refusal::Refusal;
use super::said::UnknownCode;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    OutOfStock,
    WrongPart,
    Damaged,
    Backorder,
    PriceApproval,
    Other,
}

impl PartKind {
    pub const ALL: [PartKind; 6] = [
        PartKind::OutOfStock,
        PartKind::WrongPart,
        PartKind::Damaged,
        PartKind::Backorder,
        PartKind::PriceApproval,
        PartKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PartKind::OutOfStock => "out_of_stock",
            PartKind::WrongPart => "wrong_part",
            PartKind::Damaged => "damaged",
            PartKind::Backorder => "backorder",
            PartKind::PriceApproval => "price_approval",
            PartKind::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartStatus {
    Open,
    Ordered,
    Received,
    Resolved,
    Cancelled,
}

impl PartStatus {
    pub const ALL: [PartStatus; 5] = [
        PartStatus::Open,
        PartStatus::Ordered,
        PartStatus::Received,
        PartStatus::Resolved,
        PartStatus::Cancelled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PartStatus::Open => "open",
            PartStatus::Ordered => "ordered",
            PartStatus::Received => "received",
            PartStatus::Resolved => "resolved",
            PartStatus::Cancelled => "cancelled",
        }
    }

    pub fn is_open(self) -> bool {
        !matches!(self, PartStatus::Resolved | PartStatus::Cancelled)
    }

    /// Forward only: an issue may skip a step (a part found in stock is
    /// received without an order) but never go back. Ordered → ordered
    /// updates the ETA.
    pub fn next_allowed(self) -> &'static [PartStatus] {
        use PartStatus::*;
        match self {
            Open => &[Ordered, Received, Resolved, Cancelled],
            Ordered => &[Ordered, Received, Resolved, Cancelled],
            Received => &[Resolved, Cancelled],
            Resolved | Cancelled => &[],
        }
    }
}

macro_rules! text_enum {
    ($t:ty, $what:literal) => {
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl FromStr for $t {
            type Err = UnknownCode;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let w = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
                <$t>::ALL
                    .into_iter()
                    .find(|k| k.as_str() == w)
                    .ok_or_else(|| UnknownCode::new($what, s, <$t>::ALL.map(|k| k.as_str())))
            }
        }
    };
}
text_enum!(PartKind, "parts_issue_kind");
text_enum!(PartStatus, "parts_issue_status");

/// Logged by the job's technician, the foreman or parts staff.
pub fn check_log(actor: &Actor, job_technician: Option<i64>) -> Result<(), Refusal> {
    if actor.has_any(&[Role::Foreman, Role::Parts])
        || (actor.has(Role::Technician) && job_technician == Some(actor.id))
    {
        return Ok(());
    }
    Err(Refusal::WrongRoleSetup {
        who: actor.describe(),
        action: if actor.has(Role::Technician) {
            Act::LogPartsIssueOthers
        } else {
            Act::LogPartsIssue
        },
        needs: vec![Role::Foreman, Role::Parts],
    })
}

/// Advanced by parts staff or the foreman, forward only.
pub fn check_update(
    actor: &Actor,
    id: i64,
    from: PartStatus,
    to: PartStatus,
) -> Result<(), Refusal> {
    if !actor.has_any(&[Role::Parts, Role::Foreman]) {
        return Err(Refusal::WrongRoleSetup {
            who: actor.describe(),
            action: Act::UpdatePartsIssue,
            needs: vec![Role::Parts, Role::Foreman],
        });
    }
    if !from.next_allowed().contains(&to) {
        return Err(Refusal::PartsTransition {
            id,
            status: from.as_str(),
            to: to.as_str(),
            allowed: from.next_allowed().iter().map(|s| s.as_str()).collect(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use PartStatus::*;

    fn who(id: i64, roles: &[Role]) -> Actor {
        Actor {
            id,
            name: format!("S{id}"),
            roles: roles.to_vec(),
        }
    }

    #[test]
    fn kinds_and_statuses_parse() {
        assert_eq!(
            "out-of-stock".parse::<PartKind>().unwrap(),
            PartKind::OutOfStock
        );
        assert_eq!(
            "price_approval".parse::<PartKind>().unwrap(),
            PartKind::PriceApproval
        );
        assert!("lost".parse::<PartKind>().is_err());
        assert_eq!("Received".parse::<PartStatus>().unwrap(), Received);
    }

    #[test]
    fn lifecycle_moves_forward_only() {
        let parts = who(1, &[Role::Parts]);
        for (from, to, ok) in [
            (Open, Ordered, true),
            (Ordered, Received, true),
            (Received, Resolved, true),
            (Open, Cancelled, true),
            (Ordered, Ordered, true),
            (Open, Resolved, true),
            (Received, Ordered, false),
            (Resolved, Open, false),
            (Resolved, Cancelled, false),
            (Cancelled, Resolved, false),
            (Open, Open, false),
        ] {
            assert_eq!(
                check_update(&parts, 3, from, to).is_ok(),
                ok,
                "{from} → {to}"
            );
        }
        let err = check_update(&parts, 3, Resolved, Open)
            .unwrap_err()
            .to_string();
        assert!(err.contains("P-3 is resolved"), "{err}");
    }

    #[test]
    fn who_may_log_and_advance() {
        assert!(check_log(&who(1, &[Role::Technician]), Some(1)).is_ok());
        assert!(check_log(&who(2, &[Role::Technician]), Some(1)).is_err());
        assert!(check_log(&who(3, &[Role::Foreman]), Some(1)).is_ok());
        assert!(check_log(&who(4, &[Role::Parts]), None).is_ok());
        assert!(check_log(&who(5, &[Role::Qc]), None).is_err());
        assert!(check_update(&who(1, &[Role::Technician]), 1, Open, Ordered).is_err());
        assert!(check_update(&who(3, &[Role::Foreman]), 1, Open, Ordered).is_ok());
    }
}
