//! Issue 21: every view, form and overlay in zh-CN at 80×24 and 200×60,
//! compared with the committed snapshots (`zh_*`), so a change to the
//! Chinese screens is seen and reviewed like one to the English.

use crate::tuikit::*;
use bayboard::present::lang::{Lang, scoped};
use bayboard::tui::App;
use ratatui::crossterm::event::KeyCode;

fn snap_zh(name: &str, app: &App) {
    for (w, h) in [(80, 24), (200, 60)] {
        let screen = scoped(Lang::ZhCn, || render(app, w, h));
        insta::assert_snapshot!(format!("zh_{name}_{w}x{h}"), screen);
    }
}

/// Keys pressed in Chinese, so what they say is said in Chinese.
fn press(app: &mut App, keys: &[KeyCode]) {
    scoped(Lang::ZhCn, || {
        for k in keys {
            key(app, *k);
        }
    });
}

#[test]
fn every_view_in_chinese() {
    let login = demo(None, None);
    snap_zh("login", &login.app);
    let mut f = demo(Some("Chen Li"), None);
    snap_zh("board", &f.app);
    for (name, view) in [
        ("parts", '3'),
        ("qc", '4'),
        ("approvals", '5'),
        ("today", '6'),
        ("followup", '7'),
        ("complaints", '8'),
        ("dashboard", '9'),
    ] {
        press(&mut f.app, &[KeyCode::Char(view)]);
        snap_zh(name, &f.app);
    }
    let tech = demo(Some("Wang Wei"), Some("B1"));
    snap_zh("my_work", &tech.app);
    let rework = demo(Some("Priya Nair"), None);
    snap_zh("my_work_rework", &rework.app);
}

#[test]
fn every_form_and_overlay_in_chinese() {
    let mut f = demo(Some("Chen Li"), None);
    let forms: &[(&str, &[KeyCode])] = &[
        ("help", &[KeyCode::Char('?')]),
        ("detail", &[KeyCode::BackTab, KeyCode::Down, KeyCode::Enter]),
        ("dispatch", &[KeyCode::Char('d')]),
        ("priority", &[KeyCode::Char('u')]),
        ("cancel", &[KeyCode::Char('C')]),
        ("check_in", &[KeyCode::Char('n')]),
        ("find", &[KeyCode::Char('/'), KeyCode::Char('z')]),
        ("parts_log", &[KeyCode::Char('l')]),
    ];
    for (name, keys) in forms {
        press(&mut f.app, keys);
        snap_zh(name, &f.app);
        press(
            &mut f.app,
            &[KeyCode::Esc, KeyCode::Esc, KeyCode::Char('n'), KeyCode::Esc],
        );
        press(&mut f.app, &[KeyCode::Char('1')]);
    }
    let mut qc = demo(Some("Olga Petrova"), None);
    press(
        &mut qc.app,
        &[KeyCode::Char('i'), KeyCode::Char('p'), KeyCode::Char('f')],
    );
    snap_zh("inspect", &qc.app);
    let mut advisor = demo(Some("Emma Clark"), None);
    press(&mut advisor.app, &[KeyCode::Char('5'), KeyCode::Char('a')]);
    snap_zh("decision", &advisor.app);
    // The hand-over with the next service, and a car's vehicle file.
    let mut desk = demo(Some("Emma Clark"), None);
    let passed = desk
        .app
        .qc_list()
        .iter()
        .position(|j| j.status == bayboard::domain::JobStatus::QcPassed)
        .unwrap();
    press(&mut desk.app, &[KeyCode::Char('4')]);
    down(&mut desk.app, passed);
    press(&mut desk.app, &[KeyCode::Char('D')]);
    snap_zh("deliver", &desk.app);
    press(&mut desk.app, &[KeyCode::Esc, KeyCode::Char('/')]);
    for c in "6D3K9".chars() {
        press(&mut desk.app, &[KeyCode::Char(c)]);
    }
    press(&mut desk.app, &[KeyCode::Enter, KeyCode::Char('v')]);
    snap_zh("vehicle_file", &desk.app);
    // The warranty desk: the demo's claim moved on.
    press(
        &mut desk.app,
        &[KeyCode::Esc, KeyCode::Esc, KeyCode::Char('5')],
    );
    let approvals = desk.app.board.approvals.len() + desk.app.board.to_claim.len();
    down(&mut desk.app, approvals);
    press(&mut desk.app, &[KeyCode::Char('c')]);
    snap_zh("claim_step", &desk.app);
    let mut tech = demo(Some("Wang Wei"), Some("B1"));
    press(&mut tech.app, &[KeyCode::Char('w')]);
    snap_zh("found_work", &tech.app);
}

#[test]
fn the_wall_in_chinese() {
    use bayboard::tui::views::wall::{Link, Wall, draw};
    let (_dir, db) = demo_copy();
    let ws = bayboard::workshop::Workshop::open(&db).unwrap();
    let day = bayboard::present::local_midnight(now(), &tz());
    let board = bayboard::read::board::load(ws.store(), now(), day).unwrap();
    let wall = Wall {
        board: Some(board),
        now: now(),
        tz: tz(),
        started: now(),
        page_secs: 15,
        link: Link::Live,
        ascii: false,
    };
    for (w, h) in [(80, 24), (200, 60)] {
        let screen = scoped(Lang::ZhCn, || drawn_text(w, h, |f| draw(f, &wall)));
        insta::assert_snapshot!(format!("zh_wall_{w}x{h}"), screen);
    }
}
