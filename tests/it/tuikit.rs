//! A demo shop frozen at one instant, and an app on it, for TUI tests;
//! drawing to a test terminal and reading it back.

use bayboard::tui::App;
use bayboard::tui::views::draw;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use ratatui::{Frame, Terminal};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tempfile::TempDir;

/// 14:30 in the shop (UTC+8).
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 6, 30, 0).unwrap()
}

pub fn tz() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

pub struct Fixture {
    pub dir: TempDir,
    pub app: App,
}

impl Fixture {
    pub fn db(&self) -> PathBuf {
        self.dir.path().join("demo.sqlite3")
    }

    /// Another terminal on the same database (for changes "from elsewhere").
    pub fn other(&self) -> bayboard::workshop::Workshop {
        let mut ws = bayboard::workshop::Workshop::open(&self.db()).unwrap();
        ws.set_clock(Arc::new(now));
        ws
    }

    /// The job as the app's store holds it now.
    pub fn job(&self, number: i64) -> bayboard::store::JobRow {
        crate::common::job_in(self.app.workshop(), number)
    }

    /// The message on screen, or nothing.
    pub fn flash(&self) -> String {
        self.app
            .flash
            .as_ref()
            .map(|m| m.text.clone())
            .unwrap_or_default()
    }
}

/// The demo shop at `now()`, seeded once per test run and copied (in a
/// folder of its own, as `demo.sqlite3`).
pub fn demo_copy() -> (TempDir, PathBuf) {
    static TEMPLATE: OnceLock<TempDir> = OnceLock::new();
    crate::common::copy_of(&TEMPLATE, |db| {
        // Dropping the workshop closes the file, folding its WAL in.
        drop(bayboard::demo::seed_at(db, now()).unwrap());
    })
}

/// The demo shop, with the app logged in as `who` (None: the login screen).
pub fn demo(who: Option<&str>, bay: Option<&str>) -> Fixture {
    let (dir, db) = demo_copy();
    let mut ws = bayboard::workshop::Workshop::open(&db).unwrap();
    ws.set_clock(Arc::new(now));
    let app = App::new(ws, who, bay.map(str::to_string), now(), tz()).unwrap();
    Fixture { dir, app }
}

/// What `paint` draws on a `w`×`h` test terminal.
pub fn drawn(w: u16, h: u16, paint: impl FnOnce(&mut Frame)) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(paint).unwrap();
    t
}

/// What `paint` draws, as text: one quoted line per row.
pub fn drawn_text(w: u16, h: u16, paint: impl FnOnce(&mut Frame)) -> String {
    drawn(w, h, paint).backend().to_string()
}

/// The app's screen as text.
pub fn render(app: &App, w: u16, h: u16) -> String {
    drawn_text(w, h, |f| draw(f, app))
}

/// The app's screen cell by cell (colours and all). A zero-width one can
/// be drawn, though not printed.
pub fn cells(app: &App, w: u16, h: u16) -> Buffer {
    drawn(w, h, |f| draw(f, app)).backend().buffer().clone()
}

pub fn key(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new_with_kind(
        code,
        KeyModifiers::NONE,
        KeyEventKind::Press,
    ));
}

pub fn ctrl(app: &mut App, c: char) {
    app.on_key(KeyEvent::new_with_kind(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
        KeyEventKind::Press,
    ));
}

pub fn shift(app: &mut App, code: KeyCode) {
    app.on_key(KeyEvent::new_with_kind(
        code,
        KeyModifiers::SHIFT,
        KeyEventKind::Press,
    ));
}

pub fn chars(app: &mut App, s: &str) {
    for c in s.chars() {
        key(app, KeyCode::Char(c));
    }
}

/// Whether a large screen shows `needle` anywhere.
pub fn screen_has(app: &App, needle: &str) -> bool {
    render(app, 160, 48).contains(needle)
}

/// The keys the footer offers this person on this screen.
pub fn footer(app: &App) -> Vec<(&'static str, &'static str)> {
    bayboard::tui::keymap::footer(&app.model)
}

/// Presses Down `times` times.
pub fn down(app: &mut App, times: usize) {
    for _ in 0..times {
        key(app, KeyCode::Down);
    }
}

/// In the open check-in form: marks the walk-around declined by the
/// customer (the demo shop requires one), leaving the cursor there.
pub fn decline_walkaround(app: &mut App) {
    use bayboard::domain::Field;
    use bayboard::tui::forms::AnyForm;
    for _ in 0..20 {
        match app.form() {
            Some(AnyForm::CheckIn(f)) if f.field == Field::WalkaroundDeclined => {
                key(app, KeyCode::Char(' '));
                return;
            }
            Some(AnyForm::CheckIn(_)) => key(app, KeyCode::Tab),
            _ => panic!("no check-in form open"),
        }
    }
    panic!("no walk-around field in the check-in form");
}
