//! A demo shop frozen at one instant, and an app on it, for TUI tests.

use bayboard::tui::App;
use bayboard::tui::views::draw;
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::sync::Arc;

/// 14:30 in the shop (UTC+8).
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 6, 30, 0).unwrap()
}

pub fn tz() -> FixedOffset {
    FixedOffset::east_opt(8 * 3600).unwrap()
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub app: App,
}

impl Fixture {
    pub fn db(&self) -> std::path::PathBuf {
        self.dir.path().join("demo.sqlite3")
    }

    /// Another terminal on the same database (for changes "from elsewhere").
    pub fn other(&self) -> bayboard::workshop::Workshop {
        let mut ws = bayboard::workshop::Workshop::open(&self.db()).unwrap();
        ws.set_clock(Arc::new(now));
        ws
    }
}

/// The demo shop at `now()`, seeded once per test run (it lives through
/// weeks of history) and copied for each test.
pub fn demo_copy(dir: &std::path::Path) -> std::path::PathBuf {
    static TEMPLATE: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let template = TEMPLATE.get_or_init(|| {
        let t = tempfile::tempdir().unwrap();
        // Dropping the workshop closes the file, folding its WAL in.
        drop(bayboard::demo::seed_at(&t.path().join("demo.sqlite3"), now()).unwrap());
        t
    });
    let db = dir.join("demo.sqlite3");
    std::fs::copy(template.path().join("demo.sqlite3"), &db).unwrap();
    db
}

/// The demo shop, with the app logged in as `who` (None: the login screen).
pub fn demo(who: Option<&str>, bay: Option<&str>) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = bayboard::workshop::Workshop::open(&demo_copy(dir.path())).unwrap();
    ws.set_clock(Arc::new(now));
    let app = App::new(ws, who, bay.map(str::to_string), now(), tz()).unwrap();
    Fixture { dir, app }
}

pub fn render(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
    t.backend().to_string()
}

/// Draws without reading the screen back (the test backend cannot print a
/// zero-width buffer).
pub fn draw_only(app: &App, w: u16, h: u16) {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| draw(f, app)).unwrap();
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

/// Selects the row of `panel` whose text contains `needle` by pressing
/// Down from the top, as a person would.
pub fn screen_has(app: &App, needle: &str) -> bool {
    render(app, 160, 48).contains(needle)
}

/// Marks every line of the job that is to do as done, as its technician
/// would before finishing.
pub fn lines_done(ws: &mut bayboard::workshop::Workshop, who: &str, job: i64) {
    let lines = ws
        .store()
        .read(|c| bayboard::store::lines_for_job(c, job))
        .unwrap();
    for l in lines
        .iter()
        .filter(|l| l.status == bayboard::domain::LineStatus::Approved)
    {
        ws.mark_line(who, l.id, true).unwrap();
    }
}
