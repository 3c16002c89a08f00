//! Why an action was refused, as data: what was tried, on what, in which
//! state, and what would be allowed. `present/refusal.rs` says it in the
//! reader's language, naming all of that so a person can act on it.

use super::acts::Act;
use super::field::Field;
use super::people::Role;
use super::said::Said;
use super::status::JobStatus;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    IllegalTransition {
        job: String,
        status: JobStatus,
        action: Act,
        allowed: Vec<&'static str>,
    },
    WrongRole {
        who: String,
        action: Act,
        job: String,
        status: JobStatus,
        needs: Vec<Role>,
    },
    WrongRoleSetup {
        who: String,
        action: Act,
        needs: Vec<Role>,
    },
    NotYourJob {
        who: String,
        action: Act,
        job: String,
        status: JobStatus,
        owner: String,
    },
    /// The job has no bay yet; the foreman gives it one.
    NoBay {
        job: String,
        status: JobStatus,
    },
    BayTaken {
        bay: String,
        holder: String,
        free: Vec<String>,
    },
    BayInactive {
        bay: String,
    },
    TechnicianBusy {
        who: String,
        job: String,
        other: String,
    },
    NotATechnician {
        who: String,
        job: String,
    },
    OwnWork {
        who: String,
        job: String,
        status: JobStatus,
    },
    /// Signed an earlier inspection level of the same round.
    SignedEarlier {
        who: String,
        job: String,
        status: JobStatus,
    },
    Stale {
        job: String,
        seen: i64,
        now: i64,
        status: JobStatus,
    },
    /// `what` is a thing's code (`person`, `job`), said as `thing-<what>`.
    Unknown {
        what: &'static str,
        name: String,
        hint: Option<Said>,
    },
    LookAlike {
        name: String,
        existing: String,
    },
    Duplicate {
        what: &'static str,
        name: String,
    },
    Invalid {
        field: Field,
        said: Said,
    },
    PartsTransition {
        id: i64,
        status: &'static str,
        to: &'static str,
        allowed: Vec<&'static str>,
    },
    PartsOpen {
        job: String,
        status: JobStatus,
        issues: Vec<String>,
    },
    LinesOpen {
        job: String,
        status: JobStatus,
        action: Act,
        lines: Vec<String>,
    },
    NotTheirJob {
        who: String,
        action: Act,
    },
    LineNotNow {
        job: String,
        status: JobStatus,
        what: Act,
    },
    LineState {
        line: String,
        status: super::lines::LineStatus,
        what: Act,
    },
    PinNeeded {
        who: String,
    },
    WrongPin {
        who: String,
        /// Wrong tries left before a lock.
        left: i64,
        /// The lock this try started, in minutes.
        locked_minutes: Option<i64>,
    },
    PinLocked {
        who: String,
        minutes: i64,
    },
    NoPinKept {
        who: String,
        action: Act,
    },
    ForemanPinNeeded {
        action: Act,
        others_keep: bool,
    },
    /// Nobody named; with the act when it needs a foreman.
    NeedActor(Option<Act>),
}

impl std::error::Error for Refusal {}

impl Refusal {
    pub fn invalid(field: Field, said: Said) -> Self {
        Refusal::Invalid { field, said }
    }

    /// A job number that names no job.
    pub fn unknown_job(number: i64) -> Self {
        Self::unknown(
            "job",
            super::numbers::job_label(number),
            Some(Said::new("hint-see-jobs")),
        )
    }

    pub fn unknown(what: &'static str, name: impl Into<String>, hint: Option<Said>) -> Self {
        Refusal::Unknown {
            what,
            name: name.into(),
            hint,
        }
    }
}
