//! The TUI's state: what the screen shows and where the cursor is. Only
//! `update` changes it; the views draw it and nothing else.

use super::forms::AnyForm;
use crate::domain::qc::Checklist;
use crate::domain::{Actor, Role};
use crate::read::board::Board;
use crate::read::detail::JobDetail;
use crate::store::StaffRow;
use chrono::{DateTime, FixedOffset, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Board,
    MyWork,
    Parts,
    Qc,
    Approvals,
    /// The advisor's day: bookings in time order, and the load ahead.
    Today,
    /// Follow-up calls due.
    Followup,
    /// Complaints by their next deadline.
    Complaints,
    /// The manager's figures, with charts.
    Dashboard,
}

impl View {
    pub const ALL: [View; 9] = [
        View::Board,
        View::MyWork,
        View::Parts,
        View::Qc,
        View::Approvals,
        View::Today,
        View::Followup,
        View::Complaints,
        View::Dashboard,
    ];

    pub fn title(self) -> &'static str {
        use crate::present::words::ui;
        match self {
            View::Board => ui("Board"),
            View::MyWork => ui("My work"),
            View::Parts => ui("Parts"),
            View::Qc => ui("QC"),
            View::Approvals => ui("Approvals"),
            View::Today => ui("Today"),
            View::Followup => ui("Follow-up"),
            View::Complaints => ui("Complaints"),
            View::Dashboard => ui("Dashboard"),
        }
    }

    pub fn key(self) -> char {
        match self {
            View::Board => '1',
            View::MyWork => '2',
            View::Parts => '3',
            View::Qc => '4',
            View::Approvals => '5',
            View::Today => '6',
            View::Followup => '7',
            View::Complaints => '8',
            View::Dashboard => '9',
        }
    }

    /// Each person sees the views of their roles.
    pub fn allowed(self, actor: &Actor) -> bool {
        match self {
            View::Board => true,
            View::MyWork => actor.has(Role::Technician),
            View::Parts => actor.has_any(&[Role::Parts, Role::Foreman]),
            View::Qc => actor.has_any(&[Role::Qc, Role::Advisor, Role::Foreman]),
            View::Approvals | View::Today | View::Followup | View::Complaints | View::Dashboard => {
                actor.has_any(&[Role::Advisor, Role::Foreman])
            }
        }
    }

    /// Where a person starts: the view of their main role.
    pub fn home(actor: &Actor) -> View {
        if actor.has(Role::Foreman) {
            View::Board
        } else if actor.has(Role::Technician) {
            View::MyWork
        } else if actor.has(Role::Qc) {
            View::Qc
        } else if actor.has(Role::Parts) {
            View::Parts
        } else {
            View::Board
        }
    }
}

/// The board's panels, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Bays,
    Queue,
    Techs,
    Parts,
    Qc,
}

impl Panel {
    pub const ALL: [Panel; 5] = [
        Panel::Bays,
        Panel::Queue,
        Panel::Techs,
        Panel::Parts,
        Panel::Qc,
    ];

    pub fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }

    pub fn step(self, by: isize) -> Panel {
        let n = Panel::ALL.len() as isize;
        Panel::ALL[(self.index() as isize + by).rem_euclid(n) as usize]
    }
}

/// What ↑↓ move on the bay terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MyFocus {
    Lines,
    Jobs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Live {
    /// Watching the sentinel file (and polling data_version slowly).
    Watching,
    /// No file watch; only the slow data_version poll.
    Polling,
    /// The database file (or its -wal) was deleted or replaced under this
    /// board: it shows what it last read and writes nothing more.
    Replaced,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
    /// When it was said: messages expire (`FLASH_SECS`), and a change from
    /// another terminal clears one that is older than a moment.
    pub at: DateTime<Utc>,
}

/// How long a message stays on screen.
pub const FLASH_SECS: i64 = 8;

/// What is drawn over the screen and takes the keys first.
#[derive(Debug, Clone)]
pub enum Overlay {
    Help,
    Confirm(Confirm),
    Form(AnyForm),
}

/// A yes/no question before something that cannot be taken back.
#[derive(Debug, Clone)]
pub enum Confirm {
    /// Quit although a form holds input; `No` returns to that form.
    Quit(Option<Box<Overlay>>),
    /// Close a form that holds input; `No` returns to it.
    Discard(Box<Overlay>),
    /// Finish (self-check done) or release the bay: not taken back by the
    /// same person in one key.
    Act {
        job: i64,
        version: i64,
        action: crate::domain::JobAction,
    },
    /// Resolve or cancel a parts issue.
    Parts {
        issue: i64,
        to: crate::domain::PartStatus,
    },
    /// A booked car did not come.
    NoShow { appt: i64 },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub panels: [usize; 5],
    pub my_work: usize,
    /// The line of the bay terminal's current job.
    pub line: usize,
    pub approvals: usize,
    pub today: usize,
    pub followups: usize,
    pub complaints: usize,
    pub parts: usize,
    pub qc: usize,
    pub login: usize,
}

#[derive(Debug, Clone)]
pub struct Model {
    pub user: Option<Actor>,
    pub staff: Vec<StaffRow>,
    pub board: Board,
    pub now: DateTime<Utc>,
    pub tz: FixedOffset,
    pub view: View,
    pub panel: Panel,
    pub sel: Selection,
    pub detail: Option<JobDetail>,
    /// The car of the job in detail across its visits (`v` there); Esc
    /// goes back to the job.
    pub vehicle_file: Option<crate::read::vehicle_file::VehicleFile>,
    pub detail_scroll: u16,
    /// The selected job of "My work", with its lines, parts and QC history.
    pub my_job: Option<JobDetail>,
    /// On the bay terminal, ↑↓ move over the job's lines or the job list.
    pub my_focus: MyFocus,
    pub overlay: Option<Overlay>,
    pub flash: Option<Flash>,
    pub live: Live,
    /// The bay this terminal stands at (`--bay`).
    pub bay: Option<String>,
    /// The database version the board was last read at. Only a reload that
    /// read a version moves it, so a board never stays behind a commit.
    pub seen: Option<i64>,
    pub checklist: Checklist,
    /// Draw with ASCII symbols only (the Linux console's font).
    pub ascii: bool,
    /// What was typed on the login screen to find a name.
    pub find: String,
    /// The person without a PIN whose login one Enter asked to confirm.
    pub login_armed: Option<i64>,
    /// Log out after this long without a key (`--idle-logout`; None: never).
    pub idle_logout: Option<chrono::Duration>,
    /// The last key press (or login), for the idle logout.
    pub last_input: DateTime<Utc>,
    /// The dashboard's range and the figures read for it.
    pub dash: super::dash::Dash,
    pub quit: bool,
}

impl Model {
    pub fn new(
        board: Board,
        staff: Vec<StaffRow>,
        bay: Option<String>,
        now: DateTime<Utc>,
        tz: FixedOffset,
    ) -> Model {
        Model {
            user: None,
            staff,
            board,
            now,
            tz,
            view: View::Board,
            panel: Panel::Bays,
            sel: Selection::default(),
            detail: None,
            vehicle_file: None,
            detail_scroll: 0,
            my_job: None,
            my_focus: MyFocus::Lines,
            overlay: None,
            flash: None,
            live: Live::Polling,
            bay,
            seen: None,
            checklist: Checklist::builtin(),
            ascii: false,
            find: String::new(),
            login_armed: None,
            idle_logout: None,
            last_input: now,
            dash: super::dash::Dash::new(crate::read::figures::Zone::Fixed(tz)),
            quit: false,
        }
    }

    pub fn actor(&self) -> Option<&Actor> {
        self.user.as_ref()
    }

    pub fn who(&self) -> String {
        self.user
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default()
    }

    /// Whether the person at this terminal keeps a PIN.
    pub fn keeps_pin(&self) -> bool {
        self.user
            .as_ref()
            .is_some_and(|u| self.staff.iter().any(|s| s.id == u.id && s.has_pin))
    }

    pub fn form(&self) -> Option<&AnyForm> {
        match &self.overlay {
            Some(Overlay::Form(f)) => Some(f),
            _ => None,
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: false,
            at: self.now,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: true,
            at: self.now,
        });
    }

    /// Drops a message once it is `secs` old.
    pub fn expire_flash(&mut self, secs: i64) {
        if self
            .flash
            .as_ref()
            .is_some_and(|f| (self.now - f.at).num_seconds() >= secs)
        {
            self.flash = None;
        }
    }

    /// Moves the clock; returns whether the screen shows a different minute.
    pub fn set_now(&mut self, now: DateTime<Utc>) -> bool {
        let changed = self.now.timestamp() / 60 != now.timestamp() / 60;
        self.now = now;
        changed
    }
}
