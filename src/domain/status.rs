//! Job status and priority: the vocabulary of the lifecycle table.

use super::said::UnknownCode;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Waiting,
    Dispatched,
    InProgress,
    Paused,
    WaitingParts,
    WaitingApproval,
    PeerCheck,
    ReadyForQc,
    QcPassed,
    Rework,
    Delivered,
    Cancelled,
}

impl JobStatus {
    /// Every state, in lifecycle order (`domain/states.rs`).
    pub const ALL: [JobStatus; super::states::STATES.len()] = super::states::all_states();

    /// The state's row of the lifecycle table.
    pub fn row(self) -> &'static super::states::StateRow {
        super::states::state(self)
    }

    /// The stored and scripted spelling (snake_case).
    pub fn as_str(self) -> &'static str {
        self.row().code
    }

    /// A one-column symbol, so status never relies on colour alone.
    pub fn symbol(self) -> &'static str {
        self.row().symbol
    }

    /// Open jobs are the ones the board shows; delivered and cancelled are history.
    pub fn is_open(self) -> bool {
        self.row().open
    }

    /// States in which the job may occupy a bay (dispatch until QC pass).
    pub fn may_hold_bay(self) -> bool {
        self.row().holds_bay
    }

    /// Parked by a hold (parts or the customer's decision); returns to
    /// `parts_return` when the holds clear.
    pub fn is_held(self) -> bool {
        self.row().held
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for JobStatus {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // The stored spelling, as read back many times per board reload.
        if let Some(st) = JobStatus::ALL.into_iter().find(|st| st.as_str() == s) {
            return Ok(st);
        }
        let wanted = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        JobStatus::ALL
            .into_iter()
            .find(|st| st.as_str() == wanted || st.label().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownCode::new("status", s, JobStatus::ALL.map(|st| st.as_str())))
    }
}

#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    #[default]
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Normal, Priority::High, Priority::Urgent];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }

    /// Queue order: urgent first.
    pub fn rank(self) -> i64 {
        match self {
            Priority::Urgent => 0,
            Priority::High => 1,
            Priority::Normal => 2,
        }
    }

    pub fn marker(self) -> &'static str {
        match self {
            Priority::Urgent => "!!",
            Priority::High => "!",
            Priority::Normal => "",
        }
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Priority {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if let Some(p) = Priority::ALL.into_iter().find(|p| p.as_str() == s) {
            return Ok(p);
        }
        match s.trim().to_ascii_lowercase().as_str() {
            "normal" => Ok(Priority::Normal),
            "high" => Ok(Priority::High),
            "urgent" => Ok(Priority::Urgent),
            _ => Err(UnknownCode::new(
                "priority",
                s,
                Priority::ALL.map(|p| p.as_str()),
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn status_round_trips_through_text() {
        for st in JobStatus::ALL {
            assert_eq!(st.as_str().parse::<JobStatus>().unwrap(), st);
            assert_eq!(st.label().parse::<JobStatus>().unwrap(), st);
        }
        assert!("finished".parse::<JobStatus>().is_err());
    }

    #[test]
    fn every_status_has_a_one_column_symbol() {
        for st in JobStatus::ALL {
            assert_eq!(st.symbol().width(), 1, "{st}");
        }
    }

    #[test]
    fn only_delivered_and_cancelled_are_closed() {
        let closed: Vec<_> = JobStatus::ALL
            .into_iter()
            .filter(|s| !s.is_open())
            .collect();
        assert_eq!(closed, vec![JobStatus::Delivered, JobStatus::Cancelled]);
    }

    #[test]
    fn priority_parses_and_ranks() {
        assert_eq!("URGENT".parse::<Priority>().unwrap(), Priority::Urgent);
        assert!("asap".parse::<Priority>().is_err());
        assert!(Priority::Urgent.rank() < Priority::High.rank());
        assert!(Priority::High.rank() < Priority::Normal.rank());
    }
}
