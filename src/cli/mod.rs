//! The command line: clap definitions, and the dispatch to a handler per
//! subcommand group in [`cmd`]. Every change goes through
//! [`crate::workshop::Workshop`]; every result goes out through [`output`].

pub mod args;
pub mod board_text;
mod cmd;
pub mod help;
mod output;
mod pin_prompt;
pub mod show;

use crate::domain::Refusal;
use crate::error::{Error, Result};
use crate::timeparse::parse_time;
use crate::workshop::Workshop;
use args::*;
use chrono::{Local, Utc};
use clap::Parser;
use cmd::*;
use std::path::PathBuf;
use std::process::ExitCode;

/// Exit codes: 0 done, 1 refused or invalid input (nothing changed),
/// 2 command-line usage (clap), 3 the database file cannot be used.
pub fn main(open_board: BoardOpener) -> ExitCode {
    if crate::guard::elevated() {
        crate::guard::sanitise_environment();
        crate::store::keep_companion_files();
    }
    // Clap would say "a value is required for '--db'" of an empty variable.
    if std::env::var_os("BAYBOARD_DB").is_some_and(|v| v.is_empty()) {
        eprintln!(
            "bayboard: BAYBOARD_DB is set but empty; give it the database's path, or unset it \
             to use the default"
        );
        return ExitCode::from(2);
    }
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(in_own_language(e)),
    };
    match run(cli, open_board) {
        Ok(()) => {
            // After the work, so that a refusal stays one line.
            if std::env::args().any(|a| a == "--pin" || a.starts_with("--pin=")) {
                eprintln!(
                    "bayboard: warning: a PIN given with --pin can be read by every user of \
                     this computer (ps, /proc) while the command runs; leave it out to be \
                     asked for it at the terminal, or set BAYBOARD_PIN"
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "bayboard: {}",
                crate::domain::validate::display(&e.to_string())
            );
            match e {
                Error::Refused(_) | Error::Denied(_) => ExitCode::from(1),
                Error::Usage(_) => ExitCode::from(2),
                _ => ExitCode::from(3),
            }
        }
    }
}

/// Clap's own output: help and version as clap prints them; an error,
/// which may echo what was typed (a C1 control in a `--status` value),
/// sanitised like every other output.
fn usage_error(e: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion)
        || e.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    {
        e.exit()
    }
    output::note(e.render().to_string().trim_end());
    ExitCode::from(2)
}

/// Help, or what was wrong with the command line, in the person's
/// language: the line is read again by the command tree in their words.
/// Only here, so a command that parses opens nothing more for it.
fn in_own_language(e: clap::Error) -> clap::Error {
    use clap::CommandFactory;
    let arg = |name: &str| {
        let args: Vec<String> = std::env::args().collect();
        args.iter().enumerate().find_map(|(i, a)| {
            a.strip_prefix(&format!("{name}="))
                .map(str::to_string)
                .or_else(|| (a == name).then(|| args.get(i + 1).cloned()).flatten())
        })
    };
    let asked = arg("--lang")
        .or_else(|| std::env::var("BAYBOARD_LANG").ok())
        .and_then(|t| t.parse().ok());
    let db = arg("--db")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("BAYBOARD_DB").map(PathBuf::from))
        .or_else(|| default_db("bayboard.sqlite3").ok())
        .filter(|_| !crate::guard::elevated())
        .unwrap_or_default();
    let _zone = choose_language(asked, &db);
    if crate::present::lang::current() == crate::present::lang::Lang::En {
        return e;
    }
    help::localised(Cli::command())
        .try_get_matches()
        .err()
        .unwrap_or(e)
}

/// The language this process speaks: `--lang`/`BAYBOARD_LANG`, else the
/// shop's (read from the file when there is one), else a Chinese system
/// locale, else English. Returns the shop's time zone, read in the same
/// look at the file.
fn choose_language(
    asked: Option<crate::present::lang::Lang>,
    db: &std::path::Path,
) -> Option<String> {
    use crate::present::lang::{self, Lang};
    let (tag, zone) = db
        .is_file()
        .then(|| {
            let st = crate::store::Store::open_read_only(db).ok()?;
            st.read(|c| {
                Ok((
                    crate::store::shop_language(c)?,
                    crate::store::shop_timezone(c)?,
                ))
            })
            .ok()
        })
        .flatten()
        .unwrap_or_default();
    let shop = || tag.as_deref().and_then(Lang::parse);
    // The Linux console's font has no Chinese: unless a person asks for
    // it by name, a board there speaks English.
    let console = std::env::var("TERM").is_ok_and(|t| t == "linux");
    let chosen = asked
        .or_else(|| shop().filter(|_| !console))
        .or_else(|| Lang::of_system().filter(|_| !console))
        .unwrap_or_default();
    lang::set(chosen);
    zone
}

/// The shop's time zone, when it has one, becomes this process's: every
/// terminal then shows the shop's days and hours whatever `TZ` its session
/// (an SSH login from elsewhere) has.
fn adopt_shop_zone(zone: Option<String>) {
    let Some(zone) = zone.filter(|z| !z.is_empty()) else {
        return;
    };
    // A name this machine has no zone file for would silently be UTC:
    // the terminal keeps its own, and says so.
    if !crate::workshop::zone_on_this_machine(&zone) {
        eprintln!(
            "{}",
            crate::present::words::message("shop-zone-unknown", &[("zone", zone.as_str().into())])
        );
        return;
    }
    // SAFETY: called from `run` before the process starts any thread (the
    // board's input, watcher and tick threads come later), so no other
    // thread reads the environment meanwhile.
    unsafe { std::env::set_var("TZ", zone) };
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
            .ok_or_else(|| Refusal::NeedActor(None).into())
    }

    /// Opens the workshop and proves the acting person's PIN, if they keep one.
    pub(crate) fn open(&self) -> Result<Workshop> {
        let mut ws = Workshop::open(&self.db)?;
        for note in ws.store().migration_notes() {
            output::note(&format!("bayboard: upgraded {}: {note}", self.db.display()));
        }
        if let Some(who) = self.actor.as_deref().filter(|w| !w.trim().is_empty())
            && let Some(actor) = ws.log_in(who, self.pin.as_deref())?
            && let Some(by) = ws.pin_set_by_other(actor.id)?
        {
            let said = crate::domain::Said::new("note-pin-set-by")
                .text("by", by)
                .text("name", &actor.name);
            output::note(&format!(
                "bayboard: note: {}",
                crate::present::words::say(&said)
            ));
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

/// Before the database is chosen: a guarded install whose configuration
/// is wrong is what doctor must be able to report.
fn doctor_first(cli: &Cli) -> Result<()> {
    doctor::doctor(&Ctx {
        db: cli.db.clone().unwrap_or_default(),
        default_db: cli.db.is_none(),
        actor: None,
        pin: None,
        json: cli.json,
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
    if let Some(Command::Doctor) = cli.command {
        return doctor_first(&cli);
    }
    let guarded = crate::guard::elevated();
    let explicit_db = cli.db.clone();
    let db = match &cli.db {
        _ if guarded => guarded_db(&cli)?,
        Some(p) => p.clone(),
        None => default_db("bayboard.sqlite3")?,
    };
    let zone = choose_language(cli.lang, &db);
    adopt_shop_zone(zone);
    let mut ctx = Ctx {
        db,
        default_db: cli.db.is_none() && !guarded,
        actor: cli.actor.clone(),
        pin: cli.pin.clone(),
        json: cli.json,
    };
    // The board asks for a PIN in its own login form.
    if !matches!(
        cli.command,
        None | Some(Command::Wall { .. } | Command::Demo { .. })
    ) {
        pin_prompt::ask_if_needed(&mut ctx)?;
    }
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
        Some(Command::Board) => board::board(&ctx),
        Some(Command::Demo { .. }) if guarded => Err(Error::Denied(
            "guarded install: demo would seed (or --reset) the shop's own database; run it \
             with an ordinary copy of bayboard and --db"
                .into(),
        )),
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
        Some(Command::Init { shop, currency }) => {
            init::init(&ctx, shop.as_deref(), currency.as_deref())
        }
        Some(Command::Line(cmd)) => lines::line(&ctx, cmd),
        Some(Command::Approvals) => lines::approvals(&ctx),
        Some(Command::Report { from, to, all, csv }) => report::report(&ctx, from, to, all, csv),
        Some(Command::Shop(cmd)) => lines::shop(&ctx, cmd),
        Some(Command::Followup(cmd)) => aftersales::followup(&ctx, cmd),
        Some(Command::Complaint(cmd)) => aftersales::complaint(&ctx, cmd),
        Some(Command::Appt(cmd)) => aftersales::appt(&ctx, cmd),
        Some(Command::Call(cmd)) => calls::call(&ctx, cmd),
        Some(Command::Claim(cmd)) => warranty::claim(&ctx, cmd),
        Some(Command::Recall(cmd)) => warranty::recall(&ctx, cmd),
        Some(Command::Vehicle(cmd)) => vehicle::vehicle(&ctx, cmd),
        Some(Command::Catalogue(cmd)) => catalogue::catalogue(&ctx, cmd),
        Some(Command::Print {
            document,
            job,
            copy,
            pdf,
            printer,
        }) => {
            let to = match (&pdf, &printer) {
                (Some(p), _) => crate::printing::Target::Pdf(p),
                (None, Some(name)) => {
                    crate::printing::Target::Printer(Some(name.as_str()).filter(|n| !n.is_empty()))
                }
                (None, None) => crate::printing::Target::Screen,
            };
            print::print(&ctx, document, &job, copy, to)
        }
        Some(Command::Check) => check::check(&ctx),
        Some(Command::Backup { file }) => backup::backup(&ctx, &file),
        Some(Command::Verify { backup }) => check::verify(&ctx, &backup),
        Some(Command::Wall { page_secs }) => open_board(
            &ctx.db,
            &BoardOptions {
                wall: Some(page_secs),
                ..board_options
            },
        ),
        Some(Command::Bay(cmd)) => bay::bay(&ctx, cmd),
        Some(Command::Staff(cmd)) => staff::staff(&ctx, cmd),
        Some(Command::Job(cmd)) => job::job(&ctx, cmd),
        Some(Command::Parts(cmd)) => parts::parts(&ctx, cmd),
        Some(Command::Qc(cmd)) => qc::qc(&ctx, cmd),
        Some(Command::Inspect(a)) => qc::inspect(&ctx, a),
        Some(Command::Doctor) => doctor::doctor(&ctx),
    }
}

/// The one database a guarded (setgid) run may open: the configuration's.
/// `--db` or `BAYBOARD_DB` may name it, and nothing else; the files beside
/// it must be the install's (see `guard::check_companions`).
fn guarded_db(cli: &Cli) -> Result<PathBuf> {
    let db = crate::guard::configured_db(std::path::Path::new(crate::guard::CONFIG))?;
    if let Some(asked) = &cli.db
        && !crate::guard::same_file(asked, &db)
    {
        return Err(Error::Denied(format!(
            "guarded install: this bayboard opens only {} (named in {}); --db or BAYBOARD_DB \
             asked for {}",
            db.display(),
            crate::guard::CONFIG,
            asked.display()
        )));
    }
    crate::guard::check_companions(&db)?;
    Ok(db)
}

pub(crate) fn local_tz() -> chrono::FixedOffset {
    crate::present::local_tz()
}

fn day_start() -> chrono::DateTime<Utc> {
    crate::present::local_midnight(Utc::now(), &Local)
}

/// A TIME argument. Says on stderr which day a bare `HH:MM` was taken
/// for, and warns of a time already past (stdout stays for the result).
pub(crate) fn time_arg(
    field: crate::domain::Field,
    text: Option<&str>,
) -> Result<Option<chrono::DateTime<Utc>>> {
    let Some(text) = text else { return Ok(None) };
    let now = Local::now();
    let t = parse_time(field, text, &now)?;
    let local = t.with_timezone(&Local);
    let shown = crate::present::words::day_and_clock(local.naive_local());
    let words = |id: &str, day: &str| {
        crate::present::words::message(
            id,
            &[
                ("field", field.label().into()),
                ("text", text.into()),
                ("shown", shown.as_str().into()),
                ("day", day.into()),
            ],
        )
    };
    if crate::timeparse::is_clock_only(text) {
        let day = if local.date_naive() == now.date_naive() {
            "today"
        } else {
            "tomorrow"
        };
        eprintln!("bayboard: {}", words("cli-time-taken", day));
    } else if t < now.with_timezone(&Utc) {
        eprintln!("bayboard: {}", words("cli-time-past", ""));
    }
    Ok(Some(t))
}

/// Only the platform data folder is created on demand; a mistyped --db
/// folder is an error, not a new folder.
pub fn make_data_dir(db: &std::path::Path) -> Result<()> {
    if let Some(dir) = db.parent() {
        std::fs::create_dir_all(dir)?;
    }
    Ok(())
}
