//! Why an action was refused. Every message names the thing acted on, its
//! current state and what would be allowed, so a person can act on it.

use super::field::Field;
use super::people::Role;
use super::status::JobStatus;
use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Refusal {
    #[error("{job} is {}: cannot {action}; {}", status.label(), allowed_text(allowed))]
    IllegalTransition {
        job: String,
        status: JobStatus,
        action: &'static str,
        allowed: Vec<&'static str>,
    },
    #[error("{who} may not {action} {job} ({}): only a {} can", status.label(), needs_text(needs))]
    WrongRole {
        who: String,
        action: &'static str,
        job: String,
        status: JobStatus,
        needs: Vec<Role>,
    },
    #[error("{who} may not {action}: only a {} can", needs_text(needs))]
    WrongRoleSetup {
        who: String,
        action: &'static str,
        needs: Vec<Role>,
    },
    #[error("{job} ({}) is {owner}'s job: {who} may not {action} it", status.label())]
    NotYourJob {
        who: String,
        action: &'static str,
        job: String,
        status: JobStatus,
        owner: String,
    },
    #[error("{job} ({}) has no bay: {hint}", status.label())]
    NoBay {
        job: String,
        status: JobStatus,
        hint: &'static str,
    },
    #[error("bay {bay} is taken by {holder}; free bays: {}", list_or_none(free))]
    BayTaken {
        bay: String,
        holder: String,
        free: Vec<String>,
    },
    #[error("bay {bay} is inactive")]
    BayInactive { bay: String },
    #[error("{who} is clocked on {other}; pause or finish it before starting {job}")]
    TechnicianBusy {
        who: String,
        job: String,
        other: String,
    },
    #[error("{who} is not a technician and cannot be given {job}")]
    NotATechnician { who: String, job: String },
    #[error("{who} worked on {job} ({}) and may not inspect it; another QC inspector must", status.label())]
    OwnWork {
        who: String,
        job: String,
        status: JobStatus,
    },
    #[error("{job} changed since you looked (version {seen} → {now}); it is now {}; nothing was changed", status.label())]
    Stale {
        job: String,
        seen: i64,
        now: i64,
        status: JobStatus,
    },
    #[error("unknown {what} '{name}'{}", hint_text(hint))]
    Unknown {
        what: &'static str,
        name: String,
        hint: String,
    },
    #[error(
        "'{name}' looks like {existing}, who is already on the staff; choose a name no one can mistake for theirs (add an initial, say)"
    )]
    LookAlike { name: String, existing: String },
    #[error("{what} '{name}' already exists")]
    Duplicate { what: &'static str, name: String },
    #[error("{field}: {message}")]
    Invalid { field: Field, message: String },
    #[error(
        "parts issue P-{id} is {status}: cannot mark it {to}; {}",
        allowed_text(allowed)
    )]
    PartsTransition {
        id: i64,
        status: &'static str,
        to: &'static str,
        allowed: Vec<&'static str>,
    },
    #[error("{job} ({}) still has open parts issues ({}); resolve or cancel them before delivery", status.label(), issues.join(", "))]
    PartsOpen {
        job: String,
        status: JobStatus,
        issues: Vec<String>,
    },
    #[error("{job} ({}) cannot {action} yet: {}", status.label(), lines.join("; "))]
    LinesOpen {
        job: String,
        status: JobStatus,
        action: &'static str,
        lines: Vec<String>,
    },
    #[error("{who} may not {action} here: only the job's own technician or the foreman may")]
    NotTheirJob { who: String, action: &'static str },
    #[error("{job} is {}: it cannot {what} now", status.label())]
    LineNotNow {
        job: String,
        status: JobStatus,
        what: &'static str,
    },
    #[error("{line} is {}: it cannot {what}", status.as_str())]
    LineState {
        line: String,
        status: super::lines::LineStatus,
        what: &'static str,
    },
    #[error("{who} keeps a PIN: give it with --pin or BAYBOARD_PIN (in the board, log in with it)")]
    PinNeeded { who: String },
    #[error("wrong PIN for {who}{}", wrong_pin_text(*left, *locked_minutes))]
    WrongPin {
        who: String,
        /// Wrong tries left before a lock.
        left: i64,
        /// The lock this try started, in minutes.
        locked_minutes: Option<i64>,
    },
    #[error(
        "{who} is locked after too many wrong PINs for {minutes} more minute(s); a foreman can unlock them now (`bayboard staff unlock`)"
    )]
    PinLocked { who: String, minutes: i64 },
    #[error(
        "{who} keeps no PIN, and the shop requires one to {action}; a foreman who keeps one sets it with `bayboard staff pin`"
    )]
    NoPinKept { who: String, action: &'static str },
    #[error("only a foreman who keeps a PIN may {action}{}", if *others_keep { " once anyone in the shop keeps one" } else { "" })]
    ForemanPinNeeded {
        action: &'static str,
        others_keep: bool,
    },
    #[error("{0}")]
    NeedActor(String),
}

fn wrong_pin_text(left: i64, locked: Option<i64>) -> String {
    match locked {
        Some(m) => format!("; locked for {m} minute(s), and a foreman can unlock them"),
        None if left == 1 => "; one more wrong try locks them for a while".to_string(),
        None if left <= 2 => format!("; {left} more wrong tries lock them for a while"),
        None => String::new(),
    }
}

impl Refusal {
    pub fn invalid(field: Field, message: impl Into<String>) -> Self {
        Refusal::Invalid {
            field,
            message: message.into(),
        }
    }

    pub fn unknown(what: &'static str, name: impl Into<String>, hint: impl Into<String>) -> Self {
        Refusal::Unknown {
            what,
            name: name.into(),
            hint: hint.into(),
        }
    }
}

fn allowed_text(allowed: &[&str]) -> String {
    if allowed.is_empty() {
        "nothing more can be done with it".to_string()
    } else {
        format!("allowed now: {}", allowed.join(", "))
    }
}

fn needs_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.noun())
        .collect::<Vec<_>>()
        .join(" or ")
}

fn list_or_none(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

fn hint_text(hint: &str) -> String {
    if hint.is_empty() {
        String::new()
    } else {
        format!("; {hint}")
    }
}
