//! The lifecycle as data: one row per job state and one per transition.
//!
//! Everything that knows about states reads these two tables: the words and
//! symbols (`JobStatus`), the state rule the database enforces and the
//! `job_states` rows it keeps (`store/states.rs`), the figures' timed states,
//! the board's colours (`tui/views/mod.rs::colour`) and the wall's groups.
//! ARCHITECTURE.md's recipe "A job state" lists what else a new state takes.

use super::lifecycle::JobAction;
use super::people::Role;
use super::status::JobStatus;
use JobStatus::*;

/// A state's colour on the board, always drawn beside its words and symbol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Colour {
    Plain,
    Green,
    Yellow,
    LightBlue,
    Magenta,
    Cyan,
    Red,
}

/// Where the wall screen lists a job in the state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WallGroup {
    /// Not yet on a bay.
    Queue,
    /// On a bay, being worked or about to be.
    Working,
    /// Parked by a hold; the word says on what ("parts", "approval").
    Waiting(&'static str),
    /// With QC or ready to go.
    Done,
    /// Not shown: the job is history.
    Gone,
}

/// One job state.
#[derive(Debug, Clone, Copy)]
pub struct StateRow {
    pub status: JobStatus,
    /// The stored and scripted spelling.
    pub code: &'static str,
    /// One column, so a state never relies on colour alone.
    pub symbol: &'static str,
    /// The symbol on a terminal whose font lacks it (the Linux console).
    pub ascii: char,
    pub colour: Colour,
    /// The job may keep a bay in this state (dispatch until QC pass).
    pub holds_bay: bool,
    /// Open: on the board, not yet history. Time spent in an open state is
    /// a figure (`job_state_times`).
    pub open: bool,
    /// Parked by a hold (parts, the customer's decision): the job returns
    /// where it came from (`parts_return`) when the holds clear.
    pub held: bool,
    /// A hold that arrives while the job rests here parks it, and it comes
    /// back here (`parts_return` may name it).
    pub parkable: bool,
    /// The technician's self-check is behind it: every line is done or
    /// declined.
    pub finished: bool,
    pub wall: WallGroup,
}

const fn row(status: JobStatus, code: &'static str, symbol: &'static str, ascii: char) -> StateRow {
    StateRow {
        status,
        code,
        symbol,
        ascii,
        colour: Colour::Plain,
        holds_bay: false,
        open: true,
        held: false,
        parkable: false,
        finished: false,
        wall: WallGroup::Working,
    }
}

/// The states, in lifecycle order (the order of `JobStatus`'s variants; a
/// test holds them together). The open states come first.
pub const STATES: &[StateRow] = &[
    StateRow {
        wall: WallGroup::Queue,
        ..row(Waiting, "waiting", "○", 'o')
    },
    StateRow {
        holds_bay: true,
        parkable: true,
        ..row(Dispatched, "dispatched", "◇", '+')
    },
    StateRow {
        colour: Colour::Green,
        holds_bay: true,
        ..row(InProgress, "in_progress", "▶", '>')
    },
    StateRow {
        colour: Colour::Yellow,
        holds_bay: true,
        parkable: true,
        ..row(Paused, "paused", "⏸", '=')
    },
    StateRow {
        colour: Colour::Yellow,
        holds_bay: true,
        held: true,
        wall: WallGroup::Waiting("parts"),
        ..row(WaitingParts, "waiting_parts", "⧖", '%')
    },
    StateRow {
        colour: Colour::LightBlue,
        holds_bay: true,
        held: true,
        wall: WallGroup::Waiting("approval"),
        ..row(WaitingApproval, "waiting_approval", "✎", '?')
    },
    StateRow {
        colour: Colour::Cyan,
        holds_bay: true,
        parkable: true,
        finished: true,
        wall: WallGroup::Done,
        ..row(PeerCheck, "peer_check", "◐", 'P')
    },
    StateRow {
        colour: Colour::Cyan,
        holds_bay: true,
        parkable: true,
        finished: true,
        wall: WallGroup::Done,
        ..row(ReadyForQc, "ready_for_qc", "◎", '@')
    },
    StateRow {
        colour: Colour::Cyan,
        finished: true,
        wall: WallGroup::Done,
        ..row(QcPassed, "qc_passed", "✔", 'v')
    },
    StateRow {
        colour: Colour::Magenta,
        holds_bay: true,
        parkable: true,
        ..row(Rework, "rework", "↺", 'R')
    },
    StateRow {
        open: false,
        finished: true,
        wall: WallGroup::Gone,
        ..row(Delivered, "delivered", "■", '#')
    },
    StateRow {
        colour: Colour::Red,
        open: false,
        wall: WallGroup::Gone,
        ..row(Cancelled, "cancelled", "✗", 'x')
    },
];

/// Where a transition leaves the job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum To {
    /// This state (or, if a hold is on and the state is parkable, the hold's
    /// state, returning here later).
    State(JobStatus),
    /// Where it is.
    Keep,
    /// Where it is, except that a running job stops (paused).
    KeepOrPause,
}

/// One thing a person does to a job.
#[derive(Debug, Clone, Copy)]
pub struct Transition {
    pub action: JobAction,
    /// The command word, as in the CLI and refusals.
    pub name: &'static str,
    pub from: &'static [JobStatus],
    pub to: To,
    /// Any one of these roles may take it.
    pub roles: &'static [Role],
    /// Only the job's own technician.
    pub own_job: bool,
    /// The job must have a bay.
    pub needs_bay: bool,
    /// The event it records.
    pub event: &'static str,
}

/// Where the foreman may still give the job another bay or technician.
pub const ON_THE_FLOOR: &[JobStatus] = &[
    Dispatched,
    InProgress,
    Paused,
    WaitingParts,
    WaitingApproval,
    Rework,
];
/// The open states, as the table says.
const OPEN: &[JobStatus] = &open_states_array::<{ count_open() }>();

const fn count_open() -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < STATES.len() {
        if STATES[i].open {
            n += 1;
        }
        i += 1;
    }
    n
}

const fn open_states_array<const N: usize>() -> [JobStatus; N] {
    let mut out = [Waiting; N];
    let (mut i, mut n) = (0, 0);
    while i < STATES.len() {
        if STATES[i].open {
            out[n] = STATES[i].status;
            n += 1;
        }
        i += 1;
    }
    out
}
const FOREMAN: &[Role] = &[Role::Foreman];
const TECHNICIAN: &[Role] = &[Role::Technician];
/// The peer check 互检: another technician or a team leader
/// (`assets/inspection.toml` says the same; a test holds them together).
const PEER: &[Role] = &[Role::Technician, Role::Foreman];

const fn step(
    action: JobAction,
    name: &'static str,
    from: &'static [JobStatus],
    to: To,
    roles: &'static [Role],
    event: &'static str,
) -> Transition {
    Transition {
        action,
        name,
        from,
        to,
        roles,
        own_job: false,
        needs_bay: false,
        event,
    }
}

/// The transitions, in the order menus and refusals list them (the order of
/// `JobAction`'s variants; a test holds them together).
pub const TRANSITIONS: &[Transition] = &[
    step(
        JobAction::Dispatch,
        "dispatch",
        &[Waiting],
        To::State(Dispatched),
        FOREMAN,
        "dispatched",
    ),
    step(
        JobAction::Reassign,
        "reassign",
        ON_THE_FLOOR,
        To::Keep,
        FOREMAN,
        "reassigned",
    ),
    Transition {
        needs_bay: true,
        ..step(
            JobAction::Release,
            "release",
            ON_THE_FLOOR,
            To::KeepOrPause,
            FOREMAN,
            "released",
        )
    },
    step(
        JobAction::SetPriority,
        "priority",
        OPEN,
        To::Keep,
        FOREMAN,
        "priority",
    ),
    Transition {
        own_job: true,
        needs_bay: true,
        ..step(
            JobAction::Start,
            "start",
            &[Dispatched, Rework],
            To::State(InProgress),
            TECHNICIAN,
            "started",
        )
    },
    Transition {
        own_job: true,
        ..step(
            JobAction::Pause,
            "pause",
            &[InProgress],
            To::State(Paused),
            TECHNICIAN,
            "paused",
        )
    },
    Transition {
        own_job: true,
        needs_bay: true,
        ..step(
            JobAction::Resume,
            "resume",
            &[Paused],
            To::State(InProgress),
            TECHNICIAN,
            "resumed",
        )
    },
    Transition {
        own_job: true,
        ..step(
            JobAction::Finish,
            "finish",
            &[InProgress],
            To::State(ReadyForQc),
            TECHNICIAN,
            "finished",
        )
    },
    step(
        JobAction::PassPeer,
        "peer pass",
        &[PeerCheck],
        To::State(ReadyForQc),
        PEER,
        "peer_passed",
    ),
    step(
        JobAction::FailPeer,
        "peer fail",
        &[PeerCheck],
        To::State(Rework),
        PEER,
        "peer_failed",
    ),
    step(
        JobAction::PassQc,
        "qc pass",
        &[ReadyForQc],
        To::State(QcPassed),
        &[Role::Qc],
        "qc_passed",
    ),
    step(
        JobAction::FailQc,
        "qc fail",
        &[ReadyForQc],
        To::State(Rework),
        &[Role::Qc],
        "qc_failed",
    ),
    step(
        JobAction::Deliver,
        "deliver",
        &[QcPassed],
        To::State(Delivered),
        &[Role::Advisor, Role::Foreman],
        "delivered",
    ),
    step(
        JobAction::Cancel,
        "cancel",
        OPEN,
        To::State(Cancelled),
        FOREMAN,
        "cancelled",
    ),
];

/// The state's row.
pub fn state(status: JobStatus) -> &'static StateRow {
    &STATES[status as usize]
}

/// The action's row.
pub fn transition(action: JobAction) -> &'static Transition {
    &TRANSITIONS[action as usize]
}

/// Every state, in table order.
pub const fn all_states<const N: usize>() -> [JobStatus; N] {
    let mut out = [Waiting; N];
    let mut i = 0;
    while i < N {
        out[i] = STATES[i].status;
        i += 1;
    }
    out
}

/// Every action, in table order.
pub const fn all_actions<const N: usize>() -> [JobAction; N] {
    let mut out = [JobAction::Dispatch; N];
    let mut i = 0;
    while i < N {
        out[i] = TRANSITIONS[i].action;
        i += 1;
    }
    out
}

/// The open states, in table order (those a job's time is counted in).
pub fn open_states() -> impl Iterator<Item = JobStatus> {
    STATES.iter().filter(|s| s.open).map(|s| s.status)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn rows_follow_the_variants() {
        for (i, s) in STATES.iter().enumerate() {
            assert_eq!(s.status as usize, i, "{}", s.code);
        }
        for (i, t) in TRANSITIONS.iter().enumerate() {
            assert_eq!(t.action as usize, i, "{}", t.name);
        }
    }

    #[test]
    fn codes_are_unique_snake_case_and_symbols_one_column() {
        let mut seen = std::collections::HashSet::new();
        for s in STATES {
            assert!(seen.insert(s.code), "{} twice", s.code);
            assert!(
                s.code.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{}",
                s.code
            );
            assert_eq!(s.symbol.width(), 1, "{}", s.code);
            assert!(s.ascii.is_ascii_graphic(), "{}", s.code);
        }
    }

    #[test]
    fn open_states_come_first_and_closed_ones_hold_nothing() {
        let first_closed = STATES.iter().position(|s| !s.open).unwrap();
        assert!(STATES[first_closed..].iter().all(|s| !s.open));
        for s in STATES.iter().filter(|s| !s.open) {
            assert!(!s.holds_bay && !s.held && !s.parkable, "{}", s.code);
            assert_eq!(s.wall, WallGroup::Gone);
        }
    }

    #[test]
    fn a_held_state_holds_the_bay_it_was_parked_on() {
        for s in STATES.iter().filter(|s| s.held || s.parkable) {
            assert!(s.holds_bay, "{}", s.code);
        }
    }

    #[test]
    fn every_transition_leads_somewhere_it_may_come_from() {
        for t in TRANSITIONS {
            assert!(!t.from.is_empty(), "{}", t.name);
            assert!(t.from.iter().all(|s| state(*s).open), "{}", t.name);
            if let To::State(to) = t.to {
                assert!(!t.from.contains(&to), "{} loops", t.name);
            }
        }
    }
}
