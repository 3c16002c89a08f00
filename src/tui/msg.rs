//! What reaches `update` (messages) and what it asks for (effects).

use crate::domain::qc::Verdict;
use crate::domain::{Actor, JobAction, PartStatus, Priority};
use crate::error::Error;
use crate::read::detail::JobDetail;
use crate::workshop::{Inspection, NewJobInput, NewPartsInput};
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyEvent;

/// Something that happened: input, time, or the answer to an effect.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    Paste(String),
    /// The clock moved.
    Tick(DateTime<Utc>),
    /// A reload read the database at `version` (its `PRAGMA data_version`).
    Loaded(Box<Snapshot>),
    LoadFailed(String),
    /// One job in full, for the detail screen or the bay terminal's card.
    JobLoaded(Slot, Result<Box<JobDetail>, String>),
    VehicleLoaded(Result<Box<crate::read::vehicle_file::VehicleFile>, String>),
    /// A write went through (the text says what happened) or was refused.
    Written(Result<String, Error>),
    /// Whether the inspection form may open on this job.
    InspectChecked {
        job: i64,
        version: i64,
        level: crate::domain::inspection::Level,
        /// The job's lines, which the road test confirms, and the items
        /// its last inspection failed (with their notes).
        result: Result<
            (
                Vec<crate::store::LineRow>,
                crate::read::detail::FailedBefore,
            ),
            String,
        >,
    },
    /// The person, and who set their PIN when it was not them.
    LoggedIn(Result<(Option<String>, Actor), String>),
    /// The figures of a range, read for the dashboard.
    Figures(
        crate::read::figures::Span,
        Result<Box<crate::read::figures::Figures>, String>,
    ),
    /// The published list of operations, for the form that picks them.
    Catalogue(Result<Vec<crate::domain::catalogue::Op>, String>),
    /// The open recall campaigns by plate, for the check-in form.
    Recalls(Result<Vec<crate::store::PlateRecall>, String>),
}

/// Where a loaded job goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Detail,
    MyJob,
}

/// What a reload read, in one go.
#[derive(Debug)]
pub struct Snapshot {
    pub version: i64,
    /// Read because another terminal (or tool) changed the database.
    pub outside: bool,
    pub board: crate::read::board::Board,
    /// Only while nobody is logged in (the login screen lists them).
    pub staff: Option<Vec<crate::store::StaffRow>>,
}

/// Work for the effects runner: reads and writes through the operations
/// layer.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    Reload,
    /// A reload because someone else changed the database.
    ReloadOutside,
    /// The clock moved on a minute: every time shown moves, so the whole
    /// board is read (the other reloads read only what the events since
    /// touched).
    ReloadWhole,
    LoadJob(Slot, i64),
    /// The vehicle file of a car, by its plate.
    LoadVehicle(String),
    CheckInspect {
        job: i64,
        version: i64,
        level: crate::domain::inspection::Level,
    },
    LogIn {
        name: String,
        pin: Option<String>,
    },
    /// Forget who proved their PIN here, then read the board for the login
    /// screen.
    LogOut,
    /// Read the figures of a range (the dashboard).
    Figures(crate::read::figures::Span),
    /// Read the published list of operations for the open form.
    Catalogue,
    /// Read the open recall campaigns for the check-in form.
    Recalls,
    Write(Write),
}

/// One change of state, exactly as the operations layer takes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Write {
    /// The car that passed QC was washed.
    Wash {
        job: i64,
    },
    /// The car handed over: how it was paid, what became of the old parts.
    Deliver {
        job: i64,
        version: i64,
        paid: Option<crate::domain::handover::Payment>,
        old_parts: Option<crate::domain::handover::OldParts>,
        next: Box<crate::workshop::NextService>,
        /// Then the gate pass on the shop's printer.
        gate_pass: bool,
    },
    /// A job's paperwork to a printer (None: the shop's default, else
    /// CUPS's).
    Print {
        job: i64,
        doc: crate::domain::documents::Document,
        printer: Option<String>,
    },
    /// A booked car did not come.
    NoShow {
        appt: i64,
    },
    /// A warranty claim opened for a job's warranty lines.
    NewClaim {
        job: i64,
        input: Box<crate::workshop::ClaimInput>,
    },
    /// A claim moved on: its next state, the maker's number, a note.
    ClaimStep {
        claim: i64,
        to: crate::domain::warranty::ClaimStatus,
        number: Option<String>,
        note: Option<String>,
    },
    /// The service reminder call of a car due.
    Remind {
        job: i64,
        reached: bool,
        note: Option<String>,
    },
    /// One follow-up call.
    Followup {
        job: i64,
        reached: bool,
        score: Option<i64>,
        note: Option<String>,
    },
    /// A customer's call about a job: by when, and what was asked/promised.
    LogCall {
        job: i64,
        due: Option<chrono::DateTime<chrono::Utc>>,
        about: String,
    },
    /// A call returned, with what was done.
    CloseCall {
        id: i64,
        note: String,
    },
    /// The promised time moved, and why.
    /// The internal hand-over with the parking spot.
    HandOverInside {
        job: i64,
        spot: String,
    },
    Promise {
        job: i64,
        at: chrono::DateTime<chrono::Utc>,
        reason: String,
    },
    /// A complaint's next step, with what was said or done.
    Complaint {
        id: i64,
        to: crate::domain::aftersales::ComplaintStatus,
        note: Option<String>,
    },
    Act {
        job: i64,
        version: i64,
        action: JobAction,
    },
    Dispatch {
        job: i64,
        version: i64,
        bay: String,
        tech: String,
    },
    Reassign {
        job: i64,
        version: i64,
        bay: Option<String>,
        tech: Option<String>,
    },
    Priority {
        job: i64,
        version: i64,
        priority: Priority,
    },
    Cancel {
        job: i64,
        version: i64,
        reason: String,
    },
    NewJob(Box<NewJobInput>),
    LogParts {
        job: i64,
        version: i64,
        input: NewPartsInput,
    },
    UpdateParts {
        issue: i64,
        to: PartStatus,
        eta: Option<DateTime<Utc>>,
    },
    Inspect {
        level: crate::domain::inspection::Level,
        job: i64,
        version: i64,
        verdict: Verdict,
        inspection: Inspection,
    },
    AddLine {
        job: i64,
        version: i64,
        input: Box<crate::workshop::LineInput>,
    },
    DecideLine {
        line: i64,
        approve: bool,
        customer: String,
        via: crate::domain::Via,
        note: Option<String>,
    },
    MarkLine {
        line: i64,
        done: bool,
    },
}
