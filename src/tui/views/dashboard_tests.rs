//! The dashboard's tests: every range and size, in both languages.

use super::*;
use crate::present::lang::{Lang, scoped};
use crate::tui::App;
use chrono::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

fn press(app: &mut App, code: KeyCode) {
    let key = KeyEvent::new_with_kind(code, KeyModifiers::NONE, KeyEventKind::Press);
    scoped(Lang::ZhCn, || app.on_key(key));
}

/// The demo shop's manager on the dashboard, at 14:30 on 23 Nov 2026.
fn manager(dir: &std::path::Path) -> App {
    let now = chrono::Utc
        .with_ymd_and_hms(2026, 11, 23, 6, 30, 0)
        .unwrap();
    let mut ws = crate::demo::seed_at(&dir.join("demo.sqlite3"), now).unwrap();
    ws.set_clock(std::sync::Arc::new(move || now));
    let tz = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let mut app = App::new(ws, Some("Chen Li"), None, now, tz).unwrap();
    press(&mut app, KeyCode::Char('9'));
    app
}

/// The dashboard alone (no header, tabs or footer) in Chinese.
fn body(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    scoped(Lang::ZhCn, || {
        t.draw(|f| draw(f, f.area(), &app.model)).unwrap();
    });
    t.backend().to_string()
}

/// Runs of three or more Latin letters that are not a name the shop
/// typed (a technician, a bay), cut at a column's edge or not.
fn english(screen: &str, names: &[String]) -> Vec<String> {
    let typed: Vec<&str> = names.iter().flat_map(|n| n.split(' ')).collect();
    screen
        .lines()
        .map(|l| l.split("\" Hidden by multi-width").next().unwrap_or(l))
        .flat_map(|l| l.split(|c: char| !c.is_ascii_alphabetic()))
        .filter(|w| w.len() >= 3 && !typed.iter().any(|t| t.starts_with(*w)))
        .map(str::to_string)
        .collect()
}

/// Issue 21: every range (t/w/m, [ ]) and every section scrolled to,
/// at 80×24 and 200×60, says nothing in English.
#[test]
fn the_dashboard_reads_in_chinese_at_every_range_and_size() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = manager(dir.path());
    let mut found = Vec::new();
    let keys = [
        None,
        Some(KeyCode::Down),
        Some(KeyCode::Down),
        Some(KeyCode::Down),
        Some(KeyCode::Down),
        Some(KeyCode::Down),
        Some(KeyCode::Char('t')),
        Some(KeyCode::Char('[')),
        Some(KeyCode::Char('w')),
        Some(KeyCode::Char('[')),
        Some(KeyCode::Char(']')),
        Some(KeyCode::Char('m')),
        Some(KeyCode::Char('[')),
        Some(KeyCode::Down),
        Some(KeyCode::Down),
        Some(KeyCode::Down),
    ];
    let mut seen = String::new();
    for k in keys {
        if let Some(k) = k {
            press(&mut app, k);
        }
        let read = app
            .dash
            .shown(app.now)
            .expect("read when the range is chosen");
        let f = &read.figures;
        let names: Vec<String> = f
            .technicians
            .iter()
            .map(|t| t.name.clone())
            .chain(f.bay_utilisation.iter().map(|b| b.bay.clone()))
            .collect();
        for (w, h) in [(80, 20), (200, 56)] {
            let screen = body(&app, w, h);
            for word in english(&screen, &names) {
                found.push(format!("{k:?} {w}x{h}: {word}\n{screen}"));
            }
            seen += &screen;
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    for heading in [
        "近 30 天",
        "今日",
        "本周",
        "上期",
        "准时交车率",
        "一次合格率",
        "返修率",
        "回访接通率",
        "满意度",
        "每日交车",
        "接车→交车",
        "当前在修",
        "实际工时",
        "结算工时",
        "工时效率",
        "工位利用率",
        "增项客户确认",
        "待料时长",
        "投诉（对照解决期限）",
        "超解决期限",
    ] {
        assert!(seen.contains(heading), "{heading} never shown");
    }
}
