//! The command line: the commands and options README.md documents.

use crate::domain::handover::{OldParts, Payment};
use crate::domain::{
    BayKind, JobStatus, PartKind, PartStatus, PinPolicy, Priority, Role, Urgency, Via,
};
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "bayboard",
    version,
    about = "A live job board for a vehicle service workshop",
    long_about = "A live job board for a vehicle service workshop: bays, technicians, \
                  parts and QC, from the keyboard. Without a command it opens the board."
)]
pub struct Cli {
    /// The database file (default: bayboard.sqlite3 in the platform data folder)
    #[arg(long, global = true, env = "BAYBOARD_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Who is acting: a staff name, case-insensitive (or its pinyin, initials or part, when only one person fits)
    #[arg(long = "as", global = true, env = "BAYBOARD_USER", value_name = "NAME")]
    pub actor: Option<String>,
    /// Print listings as JSON
    #[arg(long, global = true)]
    pub json: bool,
    /// Your PIN, if you keep one (also asked at every QC sign-off)
    #[arg(
        long,
        global = true,
        env = "BAYBOARD_PIN",
        value_name = "PIN",
        hide_env_values = true
    )]
    pub pin: Option<String>,
    /// The bay this terminal stands at (the board opens on its job)
    #[arg(long, value_name = "BAY")]
    pub bay: Option<String>,
    /// The language to read: en or zh-CN (default: the shop's, else the
    /// system's when it is Chinese, else English)
    #[arg(
        long,
        global = true,
        env = "BAYBOARD_LANG",
        value_name = "LANG",
        value_parser = parse::<crate::present::lang::Lang>
    )]
    pub lang: Option<crate::present::lang::Lang>,
    /// Draw with ASCII symbols only (automatic when TERM=linux)
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Log out after this many minutes without a key (0: never); for bay
    /// terminals that several technicians share
    #[arg(long, value_name = "MIN", default_value_t = 10)]
    pub idle_logout: u64,
    #[command(subcommand)]
    pub command: Option<Command>,
}

// Parsed once per run: the size of the largest command costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Seed a demo shop and open its board
    Demo {
        /// Delete the demo database first and seed it anew
        #[arg(long)]
        reset: bool,
        /// Seed only; do not open the board
        #[arg(long)]
        seed_only: bool,
    },
    /// Create an empty database
    Init {
        /// The shop's name, shown in the board's header
        #[arg(long, value_name = "NAME")]
        shop: Option<String>,
        /// The shop's currency (ISO 4217), default CNY
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
    },
    /// Print the board once, as text (the full-screen board is `bayboard`)
    Board,
    /// Check the database: SQLite's integrity check and the workshop's rules
    Check,
    /// How the install stands: the binary's group and mode, the
    /// configuration, the database's files, and who can write the database
    /// without bayboard
    Doctor,
    /// The read-only wall screen for a TV on the floor: no login, q quits
    Wall {
        /// Seconds before the next page when the bays do not fit
        #[arg(long, value_name = "SECS", default_value_t = 15,
              value_parser = clap::value_parser!(u64).range(2..=3600))]
        page_secs: u64,
    },
    /// Compare this file's event chain with a backup's: every event the
    /// backup holds must still be here, unchanged
    Verify {
        #[arg(long = "from-backup", value_name = "FILE")]
        backup: PathBuf,
    },
    /// Copy the database, consistently, while others keep working
    Backup {
        /// The new file (an existing file is never overwritten)
        file: PathBuf,
    },
    /// Bays: add, list
    #[command(subcommand)]
    Bay(BayCmd),
    /// Staff: add, list
    #[command(subcommand)]
    Staff(StaffCmd),
    /// Jobs: check in, dispatch, work, QC hand-over, deliver
    #[command(subcommand)]
    Job(JobCmd),
    /// Parts issues: log, update, list
    #[command(subcommand)]
    Parts(PartsCmd),
    /// QC: checklist, pass, fail
    #[command(subcommand)]
    Qc(QcCmd),
    /// Sign an inspection level: the peer check (another technician or
    /// the team leader) or the final inspection (QC); any failed item sends
    /// the job to rework
    Inspect(InspectArgs),
    /// Work-order lines: add, list, approve, decline, done, reopen, price
    #[command(subcommand)]
    Line(LineCmd),
    /// Lines waiting for a customer's decision, safety first
    Approvals,
    /// The manager's figures for a range of the shop's days (default: the
    /// last 30 days, today included); README.md defines each figure
    Report {
        /// The first day, YYYY-MM-DD (default: 29 days before --to)
        #[arg(long, value_name = "DATE")]
        from: Option<chrono::NaiveDate>,
        /// The last day, YYYY-MM-DD (default: today)
        #[arg(long, value_name = "DATE")]
        to: Option<chrono::NaiveDate>,
        /// The whole history: from the first check-in to today
        #[arg(long, conflicts_with_all = ["from", "to"])]
        all: bool,
        /// Comma-separated values for a spreadsheet: one header row, one
        /// number per row
        #[arg(long)]
        csv: bool,
    },
    /// The shop's settings: show, set
    #[command(subcommand)]
    Shop(ShopCmd),
    /// Follow-up calls after delivery: list, log
    #[command(subcommand)]
    Followup(FollowupCmd),
    /// Complaints: new, list, ack, resolve, close
    #[command(subcommand)]
    Complaint(ComplaintCmd),
    /// Calls to return: a customer's call logged, closed, listed
    #[command(subcommand)]
    Call(CallCmd),
    /// Warranty claims: new, update, the monthly list
    #[command(subcommand)]
    Claim(ClaimCmd),
    /// Recall campaigns: import the maker's list, list them
    #[command(subcommand)]
    Recall(RecallCmd),
    /// The vehicle file and the service reminders
    #[command(subcommand)]
    Vehicle(VehicleCmd),
    /// Appointments: new, list, no-show, cancel
    #[command(subcommand)]
    Appt(ApptCmd),
    /// The published price list: import, list
    #[command(subcommand)]
    Catalogue(CatalogueCmd),
    /// Print a job's paperwork as text: ro (repair order), card (job card), added (added work), settlement, gate (gate pass, once QC passed and paid); each print is recorded
    Print {
        #[arg(value_parser = parse::<crate::domain::documents::Document>)]
        document: crate::domain::documents::Document,
        job: String,
        /// The copy's number, for a reprint (default: the next)
        #[arg(long, value_name = "N")]
        copy: Option<i64>,
        /// Write an A4 PDF to this file instead (a CJK font on the system: Debian's fonts-noto-cjk)
        #[arg(long, value_name = "FILE")]
        pdf: Option<PathBuf>,
        /// Send the PDF to a CUPS printer (through `lp`): this one, or
        /// without a name the shop's default (`shop set --printer`), else
        /// CUPS's own default
        #[arg(long, value_name = "NAME", conflicts_with = "pdf", num_args = 0..=1,
              default_missing_value = "")]
        printer: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CatalogueCmd {
    /// Publish operations or parts from a CSV file (foreman); each refused row is named with its line, and then nothing is taken
    Import {
        /// Labour operations: code,name_en,name_zh,hours and optionally bay_kind,skill
        #[arg(
            long,
            value_name = "FILE",
            conflicts_with = "parts",
            required_unless_present = "parts"
        )]
        ops: Option<PathBuf>,
        /// Parts: number,name_en,name_zh,price (in the shop's currency)
        #[arg(long, value_name = "FILE")]
        parts: Option<PathBuf>,
    },
    /// The published price list (text, --json or --csv)
    List {
        /// Operations only
        #[arg(long, conflicts_with = "parts")]
        ops: bool,
        /// Parts only
        #[arg(long)]
        parts: bool,
        /// Only what this finds: a code, a number, or a word of a name (pinyin too)
        #[arg(long)]
        find: Option<String>,
        /// Comma-separated values for a spreadsheet, one header row
        #[arg(long)]
        csv: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ApptCmd {
    /// Book a car in; prints its number alone
    New {
        #[arg(long)]
        plate: String,
        /// When: 2026-11-24 09:00 (or RFC 3339, or HH:MM for the next such time)
        #[arg(long, value_name = "TIME")]
        at: String,
        /// The work asked for
        #[arg(long)]
        work: String,
        /// Hours it should take
        #[arg(long, allow_negative_numbers = true)]
        hours: Option<f64>,
        #[arg(long)]
        customer: Option<String>,
        #[arg(long)]
        phone: Option<String>,
    },
    /// A day's bookings in time order (default: today), with the day's load
    List {
        /// YYYY-MM-DD
        #[arg(long, value_name = "DATE")]
        day: Option<String>,
    },
    /// The car did not come
    NoShow { id: String },
    /// The booking is off
    Cancel { id: String },
}

fn yes_no(s: &str) -> Result<bool, String> {
    match s {
        "yes" | "y" => Ok(true),
        "no" | "n" => Ok(false),
        _ => Err(format!("'{s}' is not yes or no")),
    }
}

#[derive(Debug, Subcommand)]
pub enum FollowupCmd {
    /// Follow-ups still to make (soonest due first)
    List {
        /// Only those due now
        #[arg(long)]
        due: bool,
    },
    /// Log one call to the customer (advisor or foreman)
    Log {
        job: String,
        /// Was the customer reached? yes or no
        #[arg(long, value_parser = yes_no, value_name = "yes|no", action = clap::ArgAction::Set, required = true)]
        reached: bool,
        /// Satisfaction from 1 (very unhappy) to 5; 1 or 2 opens a complaint
        #[arg(long, allow_negative_numbers = true)]
        score: Option<i64>,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum ClaimCmd {
    /// Open the warranty claim of a job with warranty lines; prints W-ID
    New {
        job: String,
        /// What the customer noticed
        #[arg(long)]
        symptom: String,
        /// What was found to cause it
        #[arg(long)]
        cause: String,
        /// What was done
        #[arg(long)]
        correction: String,
        /// The causal part's number
        #[arg(long, value_name = "NUMBER")]
        part: String,
    },
    /// Move a claim on: submitted, approved or rejected, paid
    Update {
        claim: String,
        /// submitted, approved, rejected or paid
        #[arg(long, value_parser = parse::<crate::domain::warranty::ClaimStatus>)]
        status: crate::domain::warranty::ClaimStatus,
        /// The maker's claim number
        #[arg(long)]
        number: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// The claims opened in a month (default: this one), with their amounts
    /// and old-part tags
    List {
        /// YYYY-MM
        #[arg(long, value_name = "YYYY-MM")]
        month: Option<String>,
        /// As CSV, the monthly list for the maker
        #[arg(long)]
        csv: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum RecallCmd {
    /// Import a campaign file (campaign,title,vin): all rows or none
    Import { file: std::path::PathBuf },
    /// The campaigns, and which cars have had them done
    List {
        /// Only this car's
        #[arg(long)]
        vin: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum CallCmd {
    /// Log a customer's call: about a job or a car, what was promised and
    /// by when; prints its number (T-3) alone
    Log {
        /// The job it is about (its car, customer and phone fill the rest)
        #[arg(long)]
        job: Option<String>,
        /// Or the car, when there is no job
        #[arg(long)]
        plate: Option<String>,
        /// Who called
        #[arg(long)]
        caller: Option<String>,
        /// The number they called from
        #[arg(long)]
        phone: Option<String>,
        /// What the customer asked
        #[arg(long)]
        about: String,
        /// What was promised to them
        #[arg(long)]
        promised: Option<String>,
        /// By when: "HH:MM", "tomorrow 10:00", "YYYY-MM-DD HH:MM" or RFC 3339
        #[arg(long, value_name = "TIME")]
        by: Option<String>,
    },
    /// Close a call with what was done
    Close {
        /// The call: T-3
        call: String,
        /// What was done (required)
        #[arg(long)]
        note: String,
    },
    /// Calls still to return, soonest due first
    List {
        /// Closed calls too, newest first
        #[arg(long)]
        all: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum ComplaintCmd {
    /// Record a complaint; prints its number (C-12) alone
    New {
        /// The job it is about
        #[arg(long, conflicts_with = "plate", required_unless_present = "plate")]
        job: Option<String>,
        /// Or the vehicle, when there is no job
        #[arg(long)]
        plate: Option<String>,
        /// 1 safety, repeated failure, legal or media; 2 repair or service
        /// failure; 3 other dissatisfaction
        #[arg(long, allow_negative_numbers = true)]
        severity: i64,
        #[arg(long)]
        text: String,
        /// Who handles it (an advisor or foreman; default: you)
        #[arg(long)]
        owner: Option<String>,
    },
    /// Complaints by their next deadline
    List {
        /// Only those not yet resolved
        #[arg(long)]
        open: bool,
    },
    /// Acknowledge: the customer has been answered
    Ack(ComplaintStep),
    /// Resolved with the customer
    Resolve(ComplaintStep),
    /// Closed after resolution
    Close(ComplaintStep),
}

#[derive(Debug, Args)]
pub struct ComplaintStep {
    pub id: String,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum LineCmd {
    /// Add a line to a job; prints the line id (L-12)
    Add {
        job: String,
        /// What to do, e.g. "Replace front brake pads"
        #[arg(long, required_unless_present_any = ["op", "part"], conflicts_with_all = ["op", "part"])]
        work: Option<String>,
        /// An operation of the published list: its name, hours and price
        #[arg(long, value_name = "CODE", conflicts_with_all = ["part", "hours", "parts_amount"])]
        op: Option<String>,
        /// A part of the published list: its name and price
        #[arg(long, value_name = "NUMBER", conflicts_with_all = ["hours", "parts_amount"])]
        part: Option<String>,
        /// How many of the part (default 1)
        #[arg(long, value_name = "N", requires = "part")]
        qty: Option<i64>,
        /// A price other than the list's (the whole line), with --reason
        #[arg(long, value_name = "MONEY", allow_hyphen_values = true)]
        price: Option<String>,
        /// Why the price is not the list's
        #[arg(long)]
        reason: Option<String>,
        /// Sold (flat-rate) labour hours
        #[arg(long, value_name = "H", allow_negative_numbers = true)]
        hours: Option<f64>,
        /// Parts amount, e.g. 1280.50 (in the shop's currency)
        #[arg(long, value_name = "MONEY", allow_hyphen_values = true)]
        parts_amount: Option<String>,
        /// Found during the work: the customer must approve it
        #[arg(long, requires = "urgency")]
        added: bool,
        /// safety, soon or advisory (found work)
        #[arg(long, value_parser = parse::<Urgency>, requires = "added")]
        urgency: Option<Urgency>,
        /// The technician cannot go on until the customer decides
        #[arg(long, requires = "added")]
        blocking: bool,
        /// Who pays: customer (default), warranty (the maker's claim),
        /// sanbao (三包), goodwill or internal
        #[arg(long, value_parser = parse::<crate::domain::warranty::Payer>, default_value = "customer")]
        payer: crate::domain::warranty::Payer,
        /// The recall campaign this line does (paid by warranty)
        #[arg(long, value_name = "CODE")]
        campaign: Option<String>,
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        seen: Seen,
    },
    /// List a job's lines
    List { job: String },
    /// Record the customer's yes to a proposed line
    Approve(Decision),
    /// Record the customer's no to a proposed line
    Decline(Decision),
    /// Mark an approved line done
    Done { line: String },
    /// Reopen a done line
    Reopen { line: String },
    /// Set sold hours and the parts amount (decided work: foreman, --reason)
    Price {
        line: String,
        #[arg(long, value_name = "H", allow_negative_numbers = true)]
        hours: Option<f64>,
        #[arg(long, value_name = "MONEY", allow_hyphen_values = true)]
        parts_amount: Option<String>,
        #[arg(long)]
        reason: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct Decision {
    pub line: String,
    /// The customer's name, as they gave the decision
    #[arg(long = "by", value_name = "CUSTOMER")]
    pub by: String,
    /// phone, in_person or message
    #[arg(long, value_parser = parse::<Via>)]
    pub via: Via,
    #[arg(long)]
    pub note: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ShopCmd {
    /// Show the shop's settings
    Show,
    /// Change settings (foreman)
    Set {
        /// Labour rate per sold hour, e.g. 300 or 285.50
        #[arg(long, value_name = "MONEY", allow_hyphen_values = true)]
        labour_rate: Option<String>,
        /// ISO 4217 code, e.g. CNY, EUR
        #[arg(long, value_name = "CODE")]
        currency: Option<String>,
        /// Who must give a PIN: none, signoffs (QC, delivery, cancellation,
        /// PIN resets) or everyone; a foreman who keeps a PIN changes it
        #[arg(long, value_name = "WHO", value_parser = parse::<PinPolicy>)]
        require_pins: Option<PinPolicy>,
        /// Days after delivery that the follow-up call falls due (3 to 7)
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        followup_days: Option<i64>,
        /// A car back within this many days is offered as a comeback
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        comeback_days: Option<i64>,
        /// Hours a technician is available per day (for the day's load)
        #[arg(long, value_name = "H", allow_negative_numbers = true)]
        day_hours: Option<f64>,
        /// The language boards and commands speak: en or zh-CN (a terminal's
        /// --lang or BAYBOARD_LANG still wins)
        #[arg(long, value_name = "LANG", value_parser = parse::<crate::present::lang::Lang>)]
        language: Option<crate::present::lang::Lang>,
        /// The shop's printers (CUPS names); repeat for several, the first
        /// is the default; one empty name ("") clears them
        #[arg(long = "printer", value_name = "NAME")]
        printers: Vec<String>,
        /// Days after an answered follow-up call that a second call falls
        /// due (0 to 30; 0: no second call)
        #[arg(long, value_name = "N", allow_negative_numbers = true)]
        second_followup_days: Option<i64>,
        /// Whether every check-in takes the walk-around or the customer's
        /// no: required (a new shop's rule) or optional
        #[arg(long, value_name = "RULE", value_parser = walkaround_rule)]
        walkaround: Option<bool>,
        /// Whether finished jobs go to a peer check (another technician or
        /// the team leader) before QC: on or off
        #[arg(long, value_name = "ON|OFF", value_parser = on_off)]
        peer_check: Option<bool>,
        /// The shop's time zone, e.g. Asia/Shanghai: every terminal shows its
        /// days and hours, whatever TZ its session has ("" clears it)
        #[arg(long, value_name = "ZONE")]
        timezone: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BayCmd {
    /// Add a bay (needs a foreman once the shop has staff)
    Add {
        name: String,
        #[arg(long, default_value = "mechanical", value_parser = parse::<BayKind>)]
        kind: BayKind,
    },
    /// List bays
    List,
}

#[derive(Debug, Subcommand)]
pub enum StaffCmd {
    /// Add a person (needs a foreman once the shop has staff)
    Add {
        name: String,
        /// technician, foreman, qc, advisor or parts; repeat for several
        #[arg(long = "role", required = true, value_parser = parse::<Role>)]
        roles: Vec<Role>,
        /// A skill, e.g. "brakes" or "EV"; repeat for several
        #[arg(long = "skill")]
        skills: Vec<String>,
    },
    /// List staff
    List,
    /// Set or clear a PIN (your own, or anyone's as foreman)
    Pin {
        name: String,
        /// The new PIN: 4 to 12 digits
        #[arg(
            long = "new",
            value_name = "PIN",
            conflicts_with = "clear",
            required_unless_present = "clear"
        )]
        new: Option<String>,
        /// Remove the PIN
        #[arg(long)]
        clear: bool,
    },
    /// Lift a lock after wrong PINs (a foreman who keeps a PIN)
    Unlock { name: String },
}

/// Refuse the action if the job changed since you saw this version.
#[derive(Debug, Args)]
pub struct Seen {
    #[arg(long = "if-version", value_name = "VERSION")]
    pub version: Option<i64>,
}

// Parsed once per run: the size of the check-in variant costs nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum JobCmd {
    /// Check a vehicle in as a new job; prints the job number
    New(NewJobArgs),
    /// List jobs (open ones unless --status or --all)
    List {
        #[arg(long = "status", value_parser = parse::<JobStatus>)]
        statuses: Vec<JobStatus>,
        /// Include delivered and cancelled jobs
        #[arg(long)]
        all: bool,
        /// At most this many jobs (newest first)
        #[arg(long, default_value_t = 200)]
        limit: i64,
    },
    /// Details and the event timeline
    Show { job: String },
    /// Find jobs by number, plate (however typed, or its last characters),
    /// phone, or customer name (pinyin too); newest first
    Find {
        text: String,
        /// At most this many jobs
        #[arg(long, default_value_t = 50)]
        limit: i64,
    },
    /// Send a waiting job to a bay and a technician (foreman)
    Dispatch {
        job: String,
        #[arg(long)]
        bay: String,
        #[arg(long)]
        tech: String,
        #[command(flatten)]
        seen: Seen,
    },
    /// Move a job not yet in QC to another bay and/or technician (foreman)
    Reassign {
        job: String,
        #[arg(long)]
        bay: Option<String>,
        #[arg(long)]
        tech: Option<String>,
        #[command(flatten)]
        seen: Seen,
    },
    /// Start work on a dispatched or rework job (its technician)
    Start(Step),
    /// Pause work (its technician)
    Pause(Step),
    /// Resume paused work (its technician)
    Resume(Step),
    /// Self-check done: on to the peer check or QC (its technician); a
    /// failed item keeps the job in progress
    Finish {
        job: String,
        /// ID=pass|fail of the self-check; repeat for several; items not
        /// named count as done
        #[arg(long = "item", value_name = "ID=RESULT")]
        items: Vec<String>,
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        seen: Seen,
    },
    /// Free the job's bay and keep the job (foreman)
    Release(Step),
    /// Set the priority (foreman)
    Priority {
        job: String,
        #[arg(value_parser = parse::<Priority>)]
        priority: Priority,
        #[command(flatten)]
        seen: Seen,
    },
    /// Cancel an open job (foreman)
    Cancel {
        job: String,
        #[arg(long)]
        reason: String,
        #[command(flatten)]
        seen: Seen,
    },
    /// Hand a QC-passed vehicle back to the customer (advisor, foreman);
    /// refused while the total is above what the customer approved
    Deliver {
        job: String,
        /// cash, card, transfer, account, warranty or internal
        #[arg(long, value_parser = parse::<Payment>)]
        paid: Option<Payment>,
        /// What became of the old parts: returned or disposed
        #[arg(long, value_parser = parse::<OldParts>)]
        old_parts: Option<OldParts>,
        #[command(flatten)]
        next: NextServiceArgs,
        #[command(flatten)]
        seen: Seen,
    },
    /// The car was washed for hand-over (after the QC pass)
    Wash { job: String },
    /// The internal hand-over 内部交车: after the final pass, the car is
    /// parked and handed to the advisor (QC, advisor, foreman)
    Handover {
        job: String,
        /// Where the car is parked, e.g. "P-12"
        #[arg(long, value_name = "TEXT")]
        spot: String,
    },
    /// Move the time promised to the customer, saying why; the advisor's
    /// Today lists it so the customer is told
    Promise {
        job: String,
        /// The new time: "HH:MM", "tomorrow 10:00", "YYYY-MM-DD HH:MM" or RFC 3339
        #[arg(long, value_name = "TIME")]
        at: String,
        /// Why it moved (parts late, work found)
        #[arg(long)]
        reason: String,
    },
    /// The settlement: every approved line at its price, the total against
    /// what the customer approved; plain text for printing
    Invoice { job: String },
    /// Accept an amount above what the customer approved (foreman)
    Adjust {
        job: String,
        #[arg(long, value_name = "MONEY", allow_hyphen_values = true)]
        amount: String,
        #[arg(long)]
        reason: String,
    },
}

#[derive(Debug, Args)]
pub struct Step {
    pub job: String,
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub seen: Seen,
}

/// The next service set at delivery (default: the shop's interval).
#[derive(Debug, Args)]
pub struct NextServiceArgs {
    /// The next service's date (default: 6 months on)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub next_service_on: Option<chrono::NaiveDate>,
    /// The next service's odometer reading (default: 5,000 km on)
    #[arg(long, value_name = "KM")]
    pub next_service_km: Option<i64>,
    /// What is left of the wear parts (pads 4 mm, tyres 3 mm)
    #[arg(long, value_name = "TEXT")]
    pub wear: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum VehicleCmd {
    /// The vehicle file: visits, work done and declined, odometer readings,
    /// complaints, comebacks, recalls, the next service
    Show {
        /// A plate (however typed) or a VIN
        car: String,
    },
    /// Cars whose next service falls due, for the reminder calls
    Due {
        /// Due within this many days (default 30; past ones too)
        #[arg(long, value_name = "DAYS", default_value_t = 30)]
        within: i64,
        /// As CSV, for the shop's messaging tool
        #[arg(long)]
        csv: bool,
    },
    /// Log the service reminder call of a car due
    Remind {
        /// The delivered job that set the service
        job: String,
        /// The customer was reached
        #[arg(long)]
        reached: bool,
        #[arg(long)]
        note: Option<String>,
    },
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    pub job: String,
    /// peer or final
    #[arg(long, value_parser = parse::<crate::domain::inspection::Level>)]
    pub level: crate::domain::inspection::Level,
    /// ID=pass|fail|na; repeat for several; items not named count as pass
    #[arg(long = "item", value_name = "ID=RESULT")]
    pub items: Vec<String>,
    #[arg(long, value_name = "KM", allow_negative_numbers = true)]
    pub road_test_km: Option<f64>,
    #[arg(long)]
    pub note: Option<String>,
    #[command(flatten)]
    pub seen: Seen,
}

#[derive(Debug, Args)]
pub struct NewJobArgs {
    #[arg(long, required_unless_present = "appointment", default_value = "")]
    pub plate: String,
    /// What the customer asks for; repeat for several (each becomes a line)
    #[arg(long = "complaint", required_unless_present = "appointment")]
    pub complaints: Vec<String>,
    /// An operation of the published list asked for, at its hours and price; repeat for several
    #[arg(long = "op", value_name = "CODE")]
    pub ops: Vec<String>,
    /// The tag put on the car's keys
    #[arg(long, value_name = "TEXT")]
    pub key_tag: Option<String>,
    /// The booking the car arrives for: its plate, work, customer and
    /// hours fill what is not given
    #[arg(long, value_name = "A-ID")]
    pub appointment: Option<String>,
    #[arg(long)]
    pub vin: Option<String>,
    #[arg(long)]
    pub make: Option<String>,
    #[arg(long)]
    pub model: Option<String>,
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<i64>,
    #[arg(long, value_name = "KM", allow_negative_numbers = true)]
    pub odometer: Option<i64>,
    /// The customer waits on site for the car
    #[arg(long)]
    pub customer_waiting: bool,
    /// Fuel on arrival, in eighths: 3/8
    #[arg(long, value_name = "N/8")]
    pub fuel: Option<String>,
    /// A damage seen at the walk-around, "where: what"; repeat for each
    #[arg(long = "damage", value_name = "WHERE: WHAT")]
    pub damages: Vec<String>,
    /// Valuables left in the car
    #[arg(long)]
    pub valuables: Option<String>,
    /// Warning lights on the cluster on arrival
    #[arg(long)]
    pub warning_lights: Option<String>,
    /// The customer wants the old parts back
    #[arg(long)]
    pub return_old_parts: bool,
    /// The customer declined the walk-around (where the shop requires one)
    #[arg(long, conflicts_with_all = ["fuel", "damages", "valuables", "warning_lights"])]
    pub walkaround_declined: bool,
    /// This job is a comeback of that earlier job (checked: delivered, same plate)
    #[arg(long, value_name = "JOB", conflicts_with = "not_comeback")]
    pub comeback_of: Option<String>,
    /// Not a comeback, though the car was delivered within the comeback window
    #[arg(long)]
    pub not_comeback: bool,
    /// Accept an odometer below the car's last reading, saying why
    #[arg(long, value_name = "NOTE", requires = "odometer")]
    pub odometer_corrected: Option<String>,
    #[arg(long)]
    pub customer: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long, default_value = "normal", value_parser = parse::<Priority>)]
    pub priority: Priority,
    #[arg(long, value_name = "H", allow_negative_numbers = true)]
    pub estimate_hours: Option<f64>,
    /// RFC 3339, "YYYY-MM-DD HH:MM" or "HH:MM" (local, today)
    #[arg(long, value_name = "TIME")]
    pub promised: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum PartsCmd {
    /// Log a parts issue on a job; prints the issue id
    Log {
        job: String,
        #[arg(long)]
        part: String,
        #[arg(long, value_parser = parse::<PartKind>)]
        kind: PartKind,
        #[arg(long, default_value_t = 1, allow_negative_numbers = true)]
        qty: i64,
        /// The job cannot go on until this is resolved
        #[arg(long)]
        blocking: bool,
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        seen: Seen,
    },
    /// Move an issue on: ordered (with --eta), received, resolved, cancelled
    Update {
        issue: String,
        #[arg(long, value_parser = parse::<PartStatus>)]
        status: PartStatus,
        /// RFC 3339, "YYYY-MM-DD HH:MM" or "HH:MM" (local, today)
        #[arg(long, value_name = "TIME")]
        eta: Option<String>,
        #[arg(long)]
        note: Option<String>,
    },
    /// List parts issues (the latest 200, or only the open ones)
    List {
        #[arg(long)]
        open: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum QcCmd {
    /// Show an inspection level's checklist (default: the final inspection)
    Checklist {
        /// self, peer or final
        #[arg(long, default_value = "final", value_parser = parse::<crate::domain::inspection::Level>)]
        level: crate::domain::inspection::Level,
    },
    /// Pass a job ready for QC; items not named count as pass
    Pass {
        job: String,
        /// ID=pass|fail|na; repeat for several
        #[arg(long = "item", value_name = "ID=RESULT")]
        items: Vec<String>,
        #[arg(long, value_name = "KM", allow_negative_numbers = true)]
        road_test_km: Option<f64>,
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        seen: Seen,
    },
    /// Send a job back for rework; name at least one failed item
    Fail {
        job: String,
        /// ID=fail (or pass/na); repeat for several
        #[arg(long = "item", value_name = "ID=RESULT", required = true)]
        items: Vec<String>,
        #[arg(long, value_name = "KM", allow_negative_numbers = true)]
        road_test_km: Option<f64>,
        #[arg(long)]
        note: Option<String>,
        #[command(flatten)]
        seen: Seen,
    },
}

/// `required` or `optional` (the walk-around at check-in).
fn walkaround_rule(s: &str) -> Result<bool, String> {
    match s.trim() {
        "required" => Ok(true),
        "optional" => Ok(false),
        other => {
            Err(
                crate::domain::UnknownCode::new("walkaround_rule", other, ["required", "optional"])
                    .to_string(),
            )
        }
    }
}

/// `on` or `off` (the peer check).
fn on_off(s: &str) -> Result<bool, String> {
    match s.trim() {
        "on" => Ok(true),
        "off" => Ok(false),
        other => Err(crate::domain::UnknownCode::new("switch", other, ["on", "off"]).to_string()),
    }
}

fn parse<T: std::str::FromStr>(s: &str) -> Result<T, String>
where
    T::Err: std::fmt::Display,
{
    s.parse().map_err(|e: T::Err| e.to_string())
}
