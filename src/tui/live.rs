//! The run loop and what wakes it: terminal input, the sentinel file that
//! every bayboard writer touches after a commit (inotify through `notify`),
//! a slow tick that also catches writers outside bayboard through
//! `PRAGMA data_version`, and the signals that end a session.

use super::app::App;
use super::model::Live;
use super::views;
use crate::error::{Error, Result};
use crate::store::sentinel_path;
use crate::workshop::Workshop;
use chrono::Utc;
use notify::{EventKind, RecursiveMode, Watcher};
use ratatui::crossterm::event::{self, DisableBracketedPaste, EnableBracketedPaste, Event};
use ratatui::crossterm::execute;
use std::path::Path;
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Duration;

/// What woke the loop.
pub enum Wake {
    Term(Event),
    DbChanged,
    Tick,
    Quit,
}

/// How often the loop wakes without input: to move the clock and to notice
/// writers that do not touch the sentinel (the `sqlite3` tool).
pub const TICK: Duration = Duration::from_secs(1);

/// Watches the sentinel file (not its folder, and not the -wal file, whose
/// events come before the commit is visible).
pub fn watch(db: &Path, tx: Sender<Wake>) -> Option<notify::RecommendedWatcher> {
    let sentinel = sentinel_path(db);
    if !sentinel.exists() {
        crate::store::write_sentinel(&sentinel, b"0").ok()?;
    }
    let mut w = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // One wake per commit: the writer's close of the sentinel. (Its
        // truncate and write come as modify events just before.)
        if let Ok(ev) = res
            && matches!(
                ev.kind,
                EventKind::Access(notify::event::AccessKind::Close(
                    notify::event::AccessMode::Write
                ))
            )
        {
            let _ = tx.send(Wake::DbChanged);
        }
    })
    .ok()?;
    w.watch(&sentinel, RecursiveMode::NonRecursive).ok()?;
    Some(w)
}

fn spawn_ticker(tx: Sender<Wake>) {
    std::thread::spawn(move || {
        loop {
            std::thread::sleep(TICK);
            if tx.send(Wake::Tick).is_err() {
                break;
            }
        }
    });
}

fn spawn_input(tx: Sender<Wake>) {
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Wake::Term(ev)).is_err() {
                break;
            }
        }
        let _ = tx.send(Wake::Quit);
    });
}

pub(super) fn spawn_signals(tx: Sender<Wake>) -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = tx.send(Wake::Quit);
        }
    });
    Ok(())
}

/// Restores the terminal however the loop ends.
pub(super) struct Restore;

impl Drop for Restore {
    fn drop(&mut self) {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste);
        ratatui::restore();
    }
}

/// Opens the board on `db` as the given person (or via the login screen).
pub fn run(db: &Path, o: &crate::options::BoardOptions) -> Result<()> {
    use std::io::IsTerminal;
    // Checked before anything is written: a board piped into a file or a
    // script would otherwise get terminal escape sequences.
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        return Err(Error::Database(
            "the board needs a terminal (stdin and stdout are not one); `bayboard board` prints \
             it as text"
                .into(),
        ));
    }
    // The Linux console has no Chinese font: its board speaks English and
    // writes names and plates in pinyin (`text::shown`).
    if o.ascii {
        crate::present::lang::set(crate::present::lang::Lang::En);
    }
    if let Some(page_secs) = o.wall {
        return super::wall::run(db, page_secs, o.ascii);
    }
    let mut ws = Workshop::open(db)?;
    if let (Some(u), Some(p)) = (&o.user, &o.pin) {
        ws.log_in(u, Some(p))?;
    }
    let tz = crate::present::local_tz();
    let mut app = App::new(ws, o.user.as_deref(), o.bay.clone(), Utc::now(), tz)?;
    // Days counted as `bayboard report` counts them (with DST rules).
    app.model.dash.zone = crate::read::figures::Zone::System;
    app.model.ascii = o.ascii;
    // Shared bay terminals log the last person out after idle minutes.
    if o.bay.is_some() && o.idle_logout > 0 {
        app.model.idle_logout = Some(chrono::Duration::minutes(o.idle_logout as i64));
    }
    let (tx, rx) = mpsc::channel();
    let watcher = watch(db, tx.clone());
    app.model.live = if watcher.is_some() {
        Live::Watching
    } else {
        Live::Polling
    };
    spawn_signals(tx.clone())?;
    spawn_ticker(tx.clone());
    let mut terminal = ratatui::try_init().map_err(|e| {
        // try_init may have switched raw mode on before it failed.
        ratatui::restore();
        Error::Database(format!(
            "the board needs a terminal ({e}); `bayboard board` prints it as text"
        ))
    })?;
    let _restore = Restore;
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    spawn_input(tx);
    event_loop(&mut terminal, &mut app, &rx)?;
    drop(watcher);
    Ok(())
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    app: &mut App,
    rx: &Receiver<Wake>,
) -> Result<()> {
    terminal.draw(|f| views::draw(f, app))?;
    while let Ok(wake) = rx.recv() {
        let redraw = match wake {
            Wake::Quit => break,
            Wake::Term(ev) => {
                app.tick(Utc::now());
                app.on_event(&ev);
                // A key press never marks the board as fresh: only a reload
                // moves the version it has seen.
                app.refresh()?;
                true
            }
            Wake::DbChanged | Wake::Tick => {
                // A message that just expired must leave the screen too.
                let had_message = app.flash.is_some();
                let minute = app.tick(Utc::now());
                let expired = had_message && app.flash.is_none();
                app.refresh()? || minute || expired
            }
        };
        if app.quit {
            break;
        }
        if redraw {
            terminal.draw(|f| views::draw(f, app))?;
        }
    }
    Ok(())
}
