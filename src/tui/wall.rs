//! `bayboard wall`: the read-only board for a TV on the workshop floor. No
//! login and no keys but quitting; it reloads on every commit (the same
//! sentinel watch as the board) and polls once a second, so the clock moves
//! and a database that went away is retried until it is back.

use super::live::{TICK, Wake, watch};
use super::views::wall::{Link, Wall, draw};
use crate::error::{Error, Result};
use crate::store::Store;
use chrono::Utc;
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use std::path::Path;
use std::sync::mpsc;

/// The database as the wall holds it: open, or to be opened again.
pub struct Source {
    path: std::path::PathBuf,
    store: Option<Store>,
    seen: Option<i64>,
}

impl Source {
    pub fn new(path: &Path) -> Source {
        Source {
            path: path.to_path_buf(),
            store: None,
            seen: None,
        }
    }

    /// Brings the wall up to date: reopens the file when it went away or
    /// was replaced, reloads when it changed. Never fails: trouble becomes
    /// `Link::Reconnecting`, and the last board read stays on screen.
    pub fn refresh(&mut self, w: &mut Wall) {
        match self.try_refresh(w) {
            Ok(()) => w.link = Link::Live,
            Err(e) => {
                self.store = None;
                self.seen = None;
                if !matches!(w.link, Link::Reconnecting { .. }) {
                    w.link = Link::Reconnecting {
                        since: w.now,
                        why: e.to_string(),
                    };
                }
            }
        }
    }

    fn try_refresh(&mut self, w: &mut Wall) -> Result<()> {
        if self.store.is_none() {
            self.store = Some(Store::open(&self.path)?);
        }
        let store = self.store.as_ref().expect("opened above");
        store.same_files()?;
        let version = store.data_version()?;
        if self.seen == Some(version) && w.board.is_some() {
            return Ok(());
        }
        let day_start = crate::present::local_midnight(w.now, &w.tz);
        w.board = Some(crate::read::board::load(store, w.now, day_start)?);
        self.seen = Some(version);
        Ok(())
    }
}

fn spawn_ticker(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        while tx.send(Wake::Tick).is_ok() {
            std::thread::sleep(TICK);
        }
    });
}

fn spawn_keys(tx: mpsc::Sender<Wake>) {
    std::thread::spawn(move || {
        while let Ok(ev) = event::read() {
            if tx.send(Wake::Term(ev)).is_err() {
                break;
            }
        }
        let _ = tx.send(Wake::Quit);
    });
}

/// q, Q, Esc or Ctrl-C: the only keys the wall takes.
pub fn quits(ev: &Event) -> bool {
    match ev {
        Event::Key(k) if k.kind != KeyEventKind::Release => {
            matches!(k.code, KeyCode::Char('q' | 'Q') | KeyCode::Esc)
                || (k.code == KeyCode::Char('c') && k.modifiers.contains(KeyModifiers::CONTROL))
        }
        _ => false,
    }
}

pub fn run(db: &Path, page_secs: u64, ascii: bool) -> Result<()> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return Err(Error::Database(
            "the wall needs a terminal; `bayboard board` prints the board as text".into(),
        ));
    }
    let now = Utc::now();
    let mut wall = Wall {
        board: None,
        now,
        tz: crate::present::local_tz(),
        started: now,
        page_secs: page_secs.max(1),
        link: Link::Live,
        ascii,
    };
    let mut source = Source::new(db);
    source.refresh(&mut wall);
    let (tx, rx) = mpsc::channel();
    let mut watcher = watch(db, tx.clone());
    spawn_ticker(tx.clone());
    spawn_keys(tx.clone());
    super::live::spawn_signals(tx.clone())?;
    let mut terminal = ratatui::try_init()
        .map_err(|e| Error::Database(format!("the wall needs a terminal ({e})")))?;
    let _restore = super::live::Restore;
    while let Ok(wake) = rx.recv() {
        match wake {
            Wake::Quit => break,
            Wake::Term(ev) if quits(&ev) => break,
            _ => {}
        }
        wall.now = Utc::now();
        let was_live = wall.link == Link::Live;
        source.refresh(&mut wall);
        if !was_live && wall.link == Link::Live {
            // Back after an outage: the file may be a new one; watch it.
            watcher = watch(db, tx.clone());
        }
        terminal.draw(|f| draw(f, &wall))?;
    }
    drop(watcher);
    Ok(())
}
