//! The command line: clap definitions and their handlers. Every change goes
//! through [`crate::workshop::Workshop`]; output is text or `--json`.

mod aftersales;
pub mod args;
pub mod board_text;
mod lines;
mod report;
pub mod show;

use crate::domain::lifecycle::JobAction;
use crate::domain::numbers::{parse_job_number, parse_parts_id};
use crate::domain::qc::{Checklist, Verdict, parse_mark};
use crate::domain::{Refusal, job_label, parts_label};
use crate::error::{Error, Result};
use crate::store::{self, JobRow};
use crate::timeparse::parse_time;
use crate::workshop::{Inspection, NewJobInput, NewPartsInput, Workshop};
use args::*;
use chrono::{Local, Utc};
use clap::Parser;
use serde::Serialize;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: 0 done, 1 refused or invalid input (nothing changed),
/// 2 command-line usage (clap), 3 the database file cannot be used.
pub fn main(open_board: BoardOpener) -> ExitCode {
    // Clap would say "a value is required for '--db'" of an empty variable.
    if std::env::var_os("BAYBOARD_DB").is_some_and(|v| v.is_empty()) {
        eprintln!(
            "bayboard: BAYBOARD_DB is set but empty; give it the database's path, or unset it \
             to use the default"
        );
        return ExitCode::from(2);
    }
    let cli = Cli::parse();
    match run(cli, open_board) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "bayboard: {}",
                crate::domain::validate::display(&e.to_string())
            );
            match e {
                Error::Refused(_) => ExitCode::from(1),
                Error::Usage(_) => ExitCode::from(2),
                _ => ExitCode::from(3),
            }
        }
    }
}

/// What opens the full-screen board: `db`, `--as`, `--pin`, `--bay`. The
/// binary passes the TUI's; the CLI itself does not depend on the TUI.
pub use crate::options::BoardOptions;

pub type BoardOpener = fn(&std::path::Path, &BoardOptions) -> Result<()>;

/// The default database in the platform data folder.
pub fn default_db(file: &str) -> Result<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "bayboard").ok_or_else(|| {
        Error::Database("no home folder to keep the database in; pass --db PATH".into())
    })?;
    Ok(dirs.data_dir().join(file))
}

pub(crate) struct Ctx {
    pub(crate) db: PathBuf,
    pub(crate) default_db: bool,
    pub(crate) actor: Option<String>,
    pub(crate) pin: Option<String>,
    pub(crate) json: bool,
}

impl Ctx {
    pub(crate) fn who(&self) -> Result<&str> {
        self.actor
            .as_deref()
            .filter(|a| !a.trim().is_empty())
            .ok_or_else(|| {
                Refusal::NeedActor("who is doing this? pass --as NAME or set BAYBOARD_USER".into())
                    .into()
            })
    }

    /// Opens the workshop and proves the acting person's PIN, if they keep one.
    pub(crate) fn open(&self) -> Result<Workshop> {
        let mut ws = Workshop::open(&self.db)?;
        for note in ws.store().migration_notes() {
            eprintln!("bayboard: upgraded {}: {note}", self.db.display());
        }
        if let Some(who) = self.actor.as_deref().filter(|w| !w.trim().is_empty()) {
            ws.log_in(who, self.pin.as_deref())?;
        }
        Ok(ws)
    }
}

/// Commands that print only a sentence (or open the board) refuse --json
/// rather than ignore it: a script asking for JSON must not get prose.
fn refuses_json(cmd: Option<&Command>) -> Option<&'static str> {
    Some(match cmd {
        None => "the board",
        Some(Command::Wall { .. }) => "wall",
        Some(Command::Demo { .. }) => "demo",
        Some(Command::Init { .. }) => "init",
        Some(Command::Backup { .. }) => "backup",
        Some(Command::Bay(BayCmd::Add { .. })) => "bay add",
        Some(Command::Staff(StaffCmd::Add { .. })) => "staff add",
        Some(Command::Staff(StaffCmd::Pin { .. })) => "staff pin",
        Some(Command::Staff(StaffCmd::Unlock { .. })) => "staff unlock",
        _ => return None,
    })
}

fn run(cli: Cli, open_board: BoardOpener) -> Result<()> {
    if cli.json
        && let Some(what) = refuses_json(cli.command.as_ref())
    {
        return Err(Error::Usage(format!(
            "{what} has no JSON output; leave out --json"
        )));
    }
    let explicit_db = cli.db.clone();
    let db = match &cli.db {
        Some(p) => p.clone(),
        None => default_db("bayboard.sqlite3")?,
    };
    let ctx = Ctx {
        db,
        default_db: cli.db.is_none(),
        actor: cli.actor.clone(),
        pin: cli.pin.clone(),
        json: cli.json,
    };
    let board_options = BoardOptions {
        user: ctx.actor.clone(),
        pin: ctx.pin.clone(),
        bay: cli.bay.clone(),
        // The Linux console's font has no status symbols.
        ascii: cli.ascii || std::env::var("TERM").is_ok_and(|t| t == "linux"),
        idle_logout: cli.idle_logout,
        wall: None,
    };
    match cli.command {
        None => open_board(&ctx.db, &board_options),
        Some(Command::Board) => board(&ctx),
        Some(Command::Demo { reset, seed_only }) => {
            let db = match explicit_db {
                Some(p) => p,
                None => {
                    let p = default_db("demo.sqlite3")?;
                    make_data_dir(&p)?;
                    p
                }
            };
            crate::demo::run(&db, reset, seed_only)?;
            if !seed_only {
                open_board(&db, &board_options)?;
            }
            Ok(())
        }
        Some(Command::Init { shop, currency }) => init(&ctx, shop.as_deref(), currency.as_deref()),
        Some(Command::Line(cmd)) => lines::line(&ctx, cmd),
        Some(Command::Approvals) => lines::approvals(&ctx),
        Some(Command::Report { from, to, all, csv }) => report::report(&ctx, from, to, all, csv),
        Some(Command::Shop(cmd)) => lines::shop(&ctx, cmd),
        Some(Command::Followup(cmd)) => aftersales::followup(&ctx, cmd),
        Some(Command::Complaint(cmd)) => aftersales::complaint(&ctx, cmd),
        Some(Command::Appt(cmd)) => aftersales::appt(&ctx, cmd),
        Some(Command::Check) => check(&ctx),
        Some(Command::Backup { file }) => backup(&ctx, &file),
        Some(Command::Verify { backup }) => verify(&ctx, &backup),
        Some(Command::Wall { page_secs }) => open_board(
            &ctx.db,
            &BoardOptions {
                wall: Some(page_secs),
                ..board_options
            },
        ),
        Some(Command::Bay(cmd)) => bay(&ctx, cmd),
        Some(Command::Staff(cmd)) => staff(&ctx, cmd),
        Some(Command::Job(cmd)) => job(&ctx, cmd),
        Some(Command::Parts(cmd)) => parts(&ctx, cmd),
        Some(Command::Qc(cmd)) => qc(&ctx, cmd),
    }
}

pub(crate) fn print_json<T: Serialize>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| Error::Database(format!("cannot write JSON: {e}")))?;
    println!("{text}");
    Ok(())
}

pub(crate) fn local_tz() -> chrono::FixedOffset {
    crate::present::local_tz()
}

fn day_start() -> chrono::DateTime<Utc> {
    crate::present::local_midnight(Utc::now(), &Local)
}

fn board(ctx: &Ctx) -> Result<()> {
    let ws = ctx.open()?;
    let b = crate::board::load(ws.store(), Utc::now(), day_start())?;
    if ctx.json {
        print_json(&b)
    } else {
        print!("{}", board_text::render(&b, &local_tz()));
        Ok(())
    }
}

fn init(ctx: &Ctx, shop: Option<&str>, currency: Option<&str>) -> Result<()> {
    if ctx.default_db {
        make_data_dir(&ctx.db)?;
    }
    let existed = ctx.db.exists() && std::fs::metadata(&ctx.db)?.len() > 0;
    let mut ws = Workshop::create(&ctx.db)?;
    if let Some(name) = shop {
        ws.set_shop_name(ctx.actor.as_deref(), name)?;
    }
    if currency.is_some() {
        ws.set_money(ctx.actor.as_deref(), currency, None)?;
    }
    if existed {
        println!(
            "database already exists at {}; left as it was",
            ctx.db.display()
        );
    } else {
        println!("created {}", ctx.db.display());
    }
    Ok(())
}

/// For check and backup, which only read: a file this user may not write
/// is opened read-only instead of refused.
fn open_to_read(ctx: &Ctx) -> Result<store::Store> {
    match Workshop::open(&ctx.db) {
        Ok(ws) => Ok(ws.into_store()),
        Err(Error::ReadOnly(_)) => store::Store::open_read_only(&ctx.db),
        Err(e) => Err(e),
    }
}

fn check(ctx: &Ctx) -> Result<()> {
    let st = open_to_read(ctx)?;
    let report = st.read(store::check)?;
    if ctx.json {
        print_json(&report)?;
    } else {
        println!("integrity: {}", report.integrity.join("; "));
        println!("{} jobs, {} events", report.jobs, report.events);
        println!(
            "chain head: {}",
            report.chain_head.as_deref().unwrap_or("(no events yet)")
        );
        for p in &report.problems {
            println!("problem: {}", crate::domain::validate::display(p));
        }
        if report.problems.is_empty() {
            println!("rules: ok");
        }
    }
    if report.ok() {
        Ok(())
    } else {
        Err(Error::Database(format!(
            "{} fails its checks ({} problem(s))",
            ctx.db.display(),
            report.problems.len() + usize::from(report.integrity != ["ok"])
        )))
    }
}

fn verify(ctx: &Ctx, backup: &std::path::Path) -> Result<()> {
    let live = open_to_read(ctx)?;
    let old = store::Store::open_read_only(backup)?;
    let problems = live.read(|l| old.read(|b| store::chain::compare(l, b)))?;
    let (live_head, old_head) = (
        live.read(store::chain::head)?,
        old.read(store::chain::head)?,
    );
    let head = |h: Option<(i64, String)>| h.map_or("(none)".into(), |(id, h)| format!("#{id} {h}"));
    if ctx.json {
        print_json(&serde_json::json!({
            "ok": problems.is_empty(),
            "problems": problems,
            "backup_head": head(old_head.clone()),
            "live_head": head(live_head.clone()),
        }))?;
    } else {
        println!("backup head: {}", head(old_head));
        println!("live head:   {}", head(live_head));
        for p in &problems {
            println!("problem: {p}");
        }
        if problems.is_empty() {
            println!("the live file holds every event of the backup, unchanged");
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::Database(format!(
            "{} does not extend the backup {}",
            ctx.db.display(),
            backup.display()
        )))
    }
}

/// Whether `file` is the database itself or one of the files SQLite and
/// bayboard keep beside it (a backup written there would vanish or corrupt).
fn beside_the_database(db: &std::path::Path, file: &std::path::Path) -> bool {
    let absolute = |p: &std::path::Path| -> Option<PathBuf> {
        let dir = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.canonicalize().ok()?,
            _ => std::env::current_dir().ok()?,
        };
        Some(dir.join(p.file_name()?))
    };
    let (Some(db), Some(file)) = (absolute(db), absolute(file)) else {
        return false;
    };
    ["", "-wal", "-shm", "-journal", ".changed"]
        .iter()
        .any(|s| {
            let mut p = db.as_os_str().to_owned();
            p.push(s);
            p == file.as_os_str()
        })
}

fn backup(ctx: &Ctx, file: &std::path::Path) -> Result<()> {
    if beside_the_database(&ctx.db, file) {
        return Err(Error::Database(format!(
            "{} is the database's own file (or one SQLite keeps beside it); write the backup \
             to another name, ideally on another disk",
            file.display()
        )));
    }
    if file.exists() {
        return Err(Error::Database(format!(
            "{} already exists; bayboard never overwrites a file with a backup",
            file.display()
        )));
    }
    if let Some(dir) = file.parent()
        && !dir.as_os_str().is_empty()
        && !dir.is_dir()
    {
        return Err(Error::Database(format!(
            "cannot write {}: the folder {} does not exist",
            file.display(),
            dir.display()
        )));
    }
    let st = open_to_read(ctx)?;
    store::backup(st.connection(), file)?;
    let copy = Workshop::open(file)?;
    let report = copy.store().read(store::check)?;
    if !report.ok() {
        return Err(Error::Database(format!(
            "wrote {}, a faithful copy, but it fails its checks as the original does \
             ({} problem(s); `bayboard check` names them)",
            file.display(),
            report.problems.len() + usize::from(report.integrity != ["ok"])
        )));
    }
    let size = std::fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    println!(
        "backed up {} jobs and {} events to {} ({:.1} MB), checked",
        report.jobs,
        report.events,
        file.display(),
        size as f64 / 1e6
    );
    Ok(())
}

/// Only the platform data folder is created on demand; a mistyped --db
/// folder is an error, not a new folder.
pub fn make_data_dir(db: &std::path::Path) -> Result<()> {
    if let Some(dir) = db.parent() {
        std::fs::create_dir_all(dir)?;
    }
    Ok(())
}

fn bay(ctx: &Ctx, cmd: BayCmd) -> Result<()> {
    match cmd {
        BayCmd::Add { name, kind } => {
            let b = ctx.open()?.add_bay(ctx.actor.as_deref(), &name, kind)?;
            println!("bay {} added ({})", b.name, b.kind);
            Ok(())
        }
        BayCmd::List => {
            let ws = ctx.open()?;
            let board = crate::board::load(ws.store(), Utc::now(), day_start())?;
            if ctx.json {
                return print_json(&board.bays);
            }
            for b in &board.bays {
                let holder = b
                    .job
                    .as_ref()
                    .map(|j| format!("{} {}", j.label(), j.plate))
                    .unwrap_or_else(|| {
                        if b.active {
                            "free".into()
                        } else {
                            "closed".into()
                        }
                    });
                println!(
                    "{}{}{}",
                    crate::text::cell(&b.name, 8),
                    crate::text::cell(b.kind.as_str(), 12),
                    crate::text::fit(&holder, 40)
                );
            }
            Ok(())
        }
    }
}

fn staff(ctx: &Ctx, cmd: StaffCmd) -> Result<()> {
    match cmd {
        StaffCmd::Add {
            name,
            roles,
            skills,
        } => {
            let s = ctx
                .open()?
                .add_staff(ctx.actor.as_deref(), &name, &roles, &skills)?;
            let roles: Vec<&str> = s.roles.iter().map(|r| r.as_str()).collect();
            println!("{} added ({})", s.name, roles.join(", "));
            Ok(())
        }
        StaffCmd::Pin { name, new, clear } => {
            let who = ctx.who()?.to_string();
            ctx.open()?
                .set_pin(&who, &name, if clear { None } else { new.as_deref() })?;
            println!(
                "PIN of {} {}",
                crate::text::fit(&name, 60),
                if clear { "cleared" } else { "set" }
            );
            Ok(())
        }
        StaffCmd::Unlock { name } => {
            let who = ctx.who()?.to_string();
            ctx.open()?.unlock_pin(&who, &name)?;
            println!("{} unlocked", crate::text::fit(&name, 60));
            Ok(())
        }
        StaffCmd::List => {
            let ws = ctx.open()?;
            let list = ws.store().read(store::staff_list)?;
            if ctx.json {
                return print_json(&list);
            }
            let now = Utc::now();
            for s in &list {
                let roles: Vec<&str> = s.roles.iter().map(|r| r.as_str()).collect();
                let lock = s
                    .locked_until
                    .filter(|u| *u > now)
                    .map(|u| {
                        format!(
                            "  locked until {}",
                            u.with_timezone(&local_tz()).format("%H:%M")
                        )
                    })
                    .unwrap_or_default();
                let lock = if s.comebacks > 0 {
                    format!("{lock}  comebacks {}", s.comebacks)
                } else {
                    lock
                };
                println!(
                    "{}{}{}{}{lock}",
                    crate::text::cell(&s.name, 16),
                    crate::text::cell(&roles.join(", "), 24),
                    crate::text::cell(if s.has_pin { "PIN" } else { "" }, 5),
                    crate::text::fit(&s.skills.join(", "), 40)
                );
            }
            Ok(())
        }
    }
}

/// "J-000001 is now in progress (bay B1, Wang Wei)".
fn job_line(j: &JobRow) -> String {
    let mut where_ = Vec::new();
    if let Some(b) = &j.bay {
        where_.push(format!("bay {b}"));
    }
    if let Some(t) = &j.technician {
        where_.push(t.clone());
    }
    let tail = if where_.is_empty() {
        String::new()
    } else {
        format!(" ({})", where_.join(", "))
    };
    crate::text::fit(
        &format!("{} is now {}{tail}", j.label(), j.status.label()),
        200,
    )
}

fn report(ctx: &Ctx, j: &JobRow) -> Result<()> {
    if ctx.json {
        print_json(j)
    } else {
        println!("{}", job_line(j));
        Ok(())
    }
}

/// A TIME argument. Says on stderr which day a bare `HH:MM` was taken
/// for, and warns of a time already past (stdout stays for the result).
fn time_arg(
    field: crate::domain::Field,
    text: Option<&str>,
) -> Result<Option<chrono::DateTime<Utc>>> {
    let Some(text) = text else { return Ok(None) };
    let now = Local::now();
    let t = parse_time(field, text, &now)?;
    let local = t.with_timezone(&Local);
    let shown = local.format("%a %d %b %H:%M");
    if crate::timeparse::is_clock_only(text) {
        let day = if local.date_naive() == now.date_naive() {
            "today"
        } else {
            "tomorrow"
        };
        eprintln!("bayboard: {field} {text} taken as {shown} ({day})");
    } else if t < now.with_timezone(&Utc) {
        eprintln!("bayboard: warning: {field} {shown} is already in the past");
    }
    Ok(Some(t))
}

fn job(ctx: &Ctx, cmd: JobCmd) -> Result<()> {
    match cmd {
        JobCmd::New(a) => {
            let mut complaints = a.complaints.into_iter();
            let input = NewJobInput {
                plate: a.plate,
                complaint: complaints.next().unwrap_or_default(),
                more_complaints: complaints.collect(),
                vin: a.vin,
                make: a.make,
                model: a.model,
                year: a.year,
                odometer_km: a.odometer,
                odometer_corrected: a.odometer_corrected,
                customer_waiting: a.customer_waiting,
                walkaround: crate::workshop::WalkaroundInput {
                    fuel: a.fuel,
                    damages: a.damages,
                    valuables: a.valuables,
                    warning_lights: a.warning_lights,
                    return_old_parts: a.return_old_parts,
                },
                appointment: a
                    .appointment
                    .as_deref()
                    .map(crate::domain::appointments::parse_appt)
                    .transpose()
                    .map_err(|e| Refusal::invalid(crate::domain::Field::Appointment, e))?,
                comeback: match (a.comeback_of, a.not_comeback) {
                    (Some(n), _) => {
                        crate::workshop::Comeback::Of(crate::domain::numbers::parse_job_number(&n)?)
                    }
                    (None, true) => crate::workshop::Comeback::NotComeback,
                    (None, false) => crate::workshop::Comeback::Offered,
                },
                customer: a.customer,
                phone: a.phone,
                priority: a.priority,
                estimate_hours: a.estimate_hours,
                promised_at: time_arg(crate::domain::Field::Promised, a.promised.as_deref())?,
            };
            let mut ws = ctx.open()?;
            let j = ws.new_job(ctx.who()?, &input)?;
            lines::tell_declined(&ws, &j)?;
            if let (Some(of), crate::workshop::Comeback::Offered) = (j.comeback_of, input.comeback)
            {
                eprintln!(
                    "bayboard: {} recorded as a comeback of {} (the same car, delivered within the \
                     comeback window); check it in with --not-comeback if it is not",
                    j.label(),
                    job_label(of)
                );
            }
            if ctx.json {
                print_json(&j)
            } else {
                println!("{}", j.label());
                Ok(())
            }
        }
        JobCmd::List {
            statuses,
            all,
            limit,
        } => {
            let ws = ctx.open()?;
            let jobs = ws.store().read(|c| {
                if !statuses.is_empty() {
                    store::jobs_with_status(c, &statuses, limit)
                } else if all {
                    store::jobs_with_status(c, &crate::domain::JobStatus::ALL, limit)
                } else {
                    store::open_jobs(c)
                }
            })?;
            if ctx.json {
                return print_json(&jobs);
            }
            show::job_list(&jobs, Utc::now(), &local_tz());
            Ok(())
        }
        JobCmd::Show { job } => {
            let n = parse_job_number(&job)?;
            let ws = ctx.open()?;
            let detail = crate::detail::load_detail(ws.store(), n)?;
            if ctx.json {
                return print_json(&detail);
            }
            print!(
                "{}",
                crate::present::detail_text(&detail, Utc::now(), &local_tz(), 200)
            );
            Ok(())
        }
        JobCmd::Dispatch {
            job,
            bay,
            tech,
            seen,
        } => {
            let n = parse_job_number(&job)?;
            let j = ctx
                .open()?
                .dispatch(ctx.who()?, n, &bay, &tech, seen.version)?;
            report(ctx, &j)
        }
        JobCmd::Reassign {
            job,
            bay,
            tech,
            seen,
        } => {
            let n = parse_job_number(&job)?;
            let j = ctx.open()?.reassign(
                ctx.who()?,
                n,
                bay.as_deref(),
                tech.as_deref(),
                seen.version,
            )?;
            report(ctx, &j)
        }
        JobCmd::Start(s) => step(ctx, s, JobAction::Start),
        JobCmd::Pause(s) => step(ctx, s, JobAction::Pause),
        JobCmd::Resume(s) => step(ctx, s, JobAction::Resume),
        JobCmd::Finish(s) => step(ctx, s, JobAction::Finish),
        JobCmd::Release(s) => step(ctx, s, JobAction::Release),
        JobCmd::Deliver {
            job,
            paid,
            old_parts,
            seen,
        } => {
            let n = parse_job_number(&job)?;
            let mut ws = ctx.open()?;
            let j = ws.deliver(ctx.who()?, n, paid, old_parts, seen.version)?;
            // Not rules, but what a hand-over usually includes: said on
            // stderr so the advisor notices.
            let d = crate::detail::load_detail(ws.store(), n)?;
            if d.handover.washed_at.is_none() {
                eprintln!("bayboard: note: {} was handed over unwashed", j.label());
            }
            if d.walkaround.as_ref().is_some_and(|w| w.return_old_parts) && old_parts.is_none() {
                eprintln!(
                    "bayboard: note: the customer asked for the old parts back at reception; \
                     record what became of them with --old-parts"
                );
            }
            if paid.is_none() {
                eprintln!("bayboard: note: no payment recorded (--paid)");
            }
            report(ctx, &j)
        }
        JobCmd::Wash { job } => {
            let n = parse_job_number(&job)?;
            let j = ctx.open()?.wash(ctx.who()?, n)?;
            if ctx.json {
                print_json(&j)
            } else {
                println!("{} washed, ready for hand-over", j.label());
                Ok(())
            }
        }
        JobCmd::Invoice { job } => {
            let s = ctx.open()?.settlement(parse_job_number(&job)?)?;
            if ctx.json {
                print_json(&s)
            } else {
                print!("{}", crate::present::invoice::text(&s, &local_tz()));
                Ok(())
            }
        }
        JobCmd::Adjust {
            job,
            amount,
            reason,
        } => {
            let n = parse_job_number(&job)?;
            let s = ctx.open()?.adjust(ctx.who()?, n, &amount, &reason)?;
            if ctx.json {
                print_json(&s)
            } else {
                println!(
                    "{}: total {}, approved {}",
                    s.job.label(),
                    crate::domain::money::with_code(s.totals.total, &s.currency),
                    crate::domain::money::with_code(s.totals.approved, &s.currency)
                );
                Ok(())
            }
        }
        JobCmd::Priority {
            job,
            priority,
            seen,
        } => {
            let n = parse_job_number(&job)?;
            let j = ctx
                .open()?
                .set_priority(ctx.who()?, n, priority, seen.version)?;
            if ctx.json {
                return print_json(&j);
            }
            // Say what changed: the priority, then where the job stands.
            println!(
                "{} is now {} priority ({})",
                j.label(),
                j.priority,
                j.status.label()
            );
            Ok(())
        }
        JobCmd::Cancel { job, reason, seen } => {
            let n = parse_job_number(&job)?;
            let j = ctx.open()?.cancel(ctx.who()?, n, &reason, seen.version)?;
            report(ctx, &j)
        }
    }
}

fn step(ctx: &Ctx, s: Step, action: JobAction) -> Result<()> {
    let n = parse_job_number(&s.job)?;
    let j = ctx
        .open()?
        .act(ctx.who()?, n, action, s.note.as_deref(), s.seen.version)?;
    report(ctx, &j)
}

fn parts(ctx: &Ctx, cmd: PartsCmd) -> Result<()> {
    match cmd {
        PartsCmd::Log {
            job,
            part,
            kind,
            qty,
            blocking,
            note,
            seen,
        } => {
            let n = parse_job_number(&job)?;
            let input = NewPartsInput {
                part,
                kind,
                qty,
                blocking,
                note,
            };
            let p = ctx.open()?.log_parts(ctx.who()?, n, &input, seen.version)?;
            if ctx.json {
                print_json(&p)
            } else {
                println!("{}", parts_label(p.id));
                Ok(())
            }
        }
        PartsCmd::Update {
            issue,
            status,
            eta,
            note,
        } => {
            let id = parse_parts_id(&issue)?;
            let eta = time_arg(crate::domain::Field::Eta, eta.as_deref())?;
            let p = ctx
                .open()?
                .update_parts(ctx.who()?, id, status, eta, note.as_deref())?;
            if ctx.json {
                print_json(&p)
            } else {
                println!(
                    "{} {} is now {} ({})",
                    parts_label(p.id),
                    crate::text::fit(&p.part, 60),
                    p.status,
                    job_label(p.job)
                );
                Ok(())
            }
        }
        PartsCmd::List { open } => {
            let ws = ctx.open()?;
            let list = ws.store().read(|c| store::parts_list(c, open, 200))?;
            if ctx.json {
                return print_json(&list);
            }
            show::parts_list(&list, Utc::now(), &local_tz());
            Ok(())
        }
    }
}

fn qc(ctx: &Ctx, cmd: QcCmd) -> Result<()> {
    let (verdict, job, items, km, note, seen) = match cmd {
        QcCmd::Checklist => {
            let c = Checklist::builtin();
            if ctx.json {
                return print_json(&c.items);
            }
            for i in &c.items {
                println!(
                    "{}{}{}",
                    crate::text::cell(&i.id, 18),
                    crate::text::cell(if i.required { "required" } else { "optional" }, 10),
                    i.text
                );
            }
            return Ok(());
        }
        QcCmd::Pass {
            job,
            items,
            road_test_km,
            note,
            seen,
        } => (Verdict::Pass, job, items, road_test_km, note, seen),
        QcCmd::Fail {
            job,
            items,
            road_test_km,
            note,
            seen,
        } => (Verdict::Fail, job, items, road_test_km, note, seen),
    };
    let n = parse_job_number(&job)?;
    let marks = items
        .iter()
        .map(|i| parse_mark(i))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let inspection = Inspection {
        marks,
        road_test_km: km,
        note,
        pin: ctx.pin.clone(),
    };
    let r = ctx
        .open()?
        .inspect(ctx.who()?, n, verdict, &inspection, seen.version)?;
    if ctx.json {
        return print_json(&r.job);
    }
    if r.passed {
        println!("{} passed QC; bay freed, ready for delivery", r.job.label());
    } else {
        println!(
            "{} failed QC (rework ×{}): {}",
            r.job.label(),
            r.job.rework_count,
            r.failed.join(", ")
        );
    }
    Ok(())
}
