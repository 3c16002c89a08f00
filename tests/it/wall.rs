//! The wall screen: tiles, big plates, pages by the clock, reconnecting.

use crate::tuikit::{demo_copy, drawn_text, now, tz};
use bayboard::tui::views::wall::{Link, Wall, draw, grid, page_at};
use bayboard::tui::wall::{Source, quits};
use chrono::Duration;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn demo_wall() -> (tempfile::TempDir, std::path::PathBuf, Wall) {
    let (dir, db) = demo_copy();
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
    (dir, db, wall)
}

fn wall_text(w: &Wall, width: u16, height: u16) -> String {
    drawn_text(width, height, |f| draw(f, w))
}

#[test]
fn a_big_screen_shows_every_bay_as_a_tile_with_the_plate_in_block_letters() {
    let (_d, _db, w) = demo_wall();
    let screen = wall_text(&w, 240, 67);
    for bay in ["A1", "B1", "B2", "B6", "D1", "Q1", "Q2"] {
        assert!(screen.contains(&format!(" {bay} ")), "{bay}:\n{screen}");
    }
    assert!(screen.contains('█'), "block letters:\n{screen}");
    assert!(
        screen.contains("粤B·12345") || screen.contains("鲁B·2Q8L5"),
        "{screen}"
    );
    assert!(screen.contains("LATE by"), "late in words:\n{screen}");
    assert!(screen.contains("NEXT UP") && screen.contains("INSPECTION (PEER / QC)"));
    assert!(screen.contains("WAITING PARTS / APPROVAL") && screen.contains("READY FOR DELIVERY"));
    assert!(
        screen.contains("parts for") && screen.contains("approval for"),
        "{screen}"
    );
    assert!(screen.contains("Mon 23 Nov 14:30:00"), "{screen}");
    assert!(!screen.contains("page "), "everything fits on one page");
    // Customers waiting on site are marked, on a tile and in the queue.
    assert!(screen.contains("CUSTOMER WAITING"), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("AB12 CDE") && l.contains("waits")),
        "{screen}"
    );
}

#[test]
fn a_small_screen_pages_by_the_clock() {
    let (_d, _db, mut w) = demo_wall();
    let screen = wall_text(&w, 80, 24);
    assert!(screen.contains("page 1/2"), "{screen}");
    assert!(!screen.contains('█'), "no block letters at 80 columns");
    assert!(screen.contains(" A1 "));
    let tiles = ratatui::layout::Rect::new(0, 1, 52, 23);
    assert_eq!(grid(tiles, 10, false).pages, 2);
    w.now = now() + Duration::seconds(15);
    assert_eq!(page_at(&w, 2), 1);
    let screen = wall_text(&w, 80, 24);
    assert!(
        screen.contains("page 2/2") && screen.contains(" Q2 "),
        "{screen}"
    );
    w.now = now() + Duration::seconds(30);
    assert_eq!(page_at(&w, 2), 0, "and round again");
    // The clock moves with nothing else changing.
    assert!(wall_text(&w, 80, 24).contains("14:30:30"));
}

#[test]
fn the_wall_reconnects_when_the_database_comes_back() {
    let (_d, db, mut w) = demo_wall();
    let mut source = Source::new(&db);
    source.refresh(&mut w);
    assert_eq!(w.link, Link::Live);
    let away = db.with_extension("away");
    std::fs::rename(&db, &away).unwrap();
    w.now = now() + Duration::seconds(5);
    source.refresh(&mut w);
    assert!(matches!(w.link, Link::Reconnecting { .. }), "{:?}", w.link);
    assert!(w.board.is_some(), "the last board stays up");
    w.now = now() + Duration::seconds(65);
    source.refresh(&mut w);
    let screen = wall_text(&w, 120, 30);
    assert!(screen.contains("reconnecting… 0:01"), "{screen}");
    std::fs::rename(&away, &db).unwrap();
    source.refresh(&mut w);
    assert_eq!(w.link, Link::Live);
    assert!(wall_text(&w, 120, 30).contains("● live"));
}

#[test]
fn only_quitting_keys_do_anything() {
    let key = |code, m| Event::Key(KeyEvent::new(code, m));
    assert!(quits(&key(KeyCode::Char('q'), KeyModifiers::NONE)));
    assert!(quits(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)));
    assert!(!quits(&key(KeyCode::Char('d'), KeyModifiers::NONE)));
    assert!(!quits(&key(KeyCode::Enter, KeyModifiers::NONE)));
}

/// Issue 21: the block letters have no Chinese, so the province character
/// stands beside them: each Chinese plate on a tile reads whole twice, in
/// its line and beside its block letters (a row with block letters on it).
#[test]
fn the_big_plate_keeps_its_province_character() {
    let (_d, _db, w) = demo_wall();
    let screen = wall_text(&w, 240, 67);
    let provinces: Vec<char> = w
        .board
        .as_ref()
        .unwrap()
        .bays
        .iter()
        .filter_map(|b| b.job.as_ref())
        .filter_map(|j| j.plate.chars().next().filter(|c| !c.is_ascii()))
        .collect();
    assert!(!provinces.is_empty(), "the demo has Chinese plates in bays");
    for p in provinces {
        assert!(
            screen.lines().any(|l| l.contains(p) && l.contains('█')),
            "{p} beside its block letters:\n{screen}"
        );
    }
}

/// Issue 23: a released job (its car in the lot, no bay) is open work, and
/// the wall shows it with the waiting cars.
#[test]
fn a_released_job_stays_on_the_wall() {
    let (_dir, db, mut wall) = demo_wall();
    let mut ws = bayboard::workshop::Workshop::open(&db).unwrap();
    // J-000013 (RT65 DEF) is paused in B3 in the demo.
    ws.act(
        "Chen Li",
        13,
        bayboard::domain::JobAction::Release,
        None,
        None,
    )
    .unwrap();
    let day = bayboard::present::local_midnight(now(), &tz());
    wall.board = Some(bayboard::read::board::load(ws.store(), now(), day).unwrap());
    assert!(
        wall.board
            .as_ref()
            .unwrap()
            .parked
            .iter()
            .any(|j| j.id == 13),
        "released: no bay"
    );
    for (w, h) in [(200, 60), (120, 40)] {
        let text = wall_text(&wall, w, h);
        let row = text
            .lines()
            .find(|l| l.contains("RT65 DEF"))
            .unwrap_or_else(|| panic!("{w}x{h}: the released car is missing:\n{text}"));
        assert!(row.contains("no bay"), "{row}");
    }
}

#[test]
fn the_wall_on_the_linux_console_is_ascii_with_provinces_in_pinyin() {
    let (_d, _db, mut w) = demo_wall();
    w.ascii = true;
    for (width, height) in [(80, 24), (240, 67)] {
        let screen = wall_text(&w, width, height);
        assert!(screen.is_ascii(), "{screen}");
        assert_eq!(
            bayboard::tui::views::ascii::unmarked_so_far(),
            0,
            "{screen}"
        );
        assert!(screen.contains("~Lu") || screen.contains("~LU"), "{screen}");
    }
}

/// Issue 24: the ready list says where the car is parked and its key tag.
#[test]
fn the_ready_list_shows_the_spot_and_the_keys() {
    let (_d, _db, w) = demo_wall();
    let screen = wall_text(&w, 240, 67);
    let line = screen
        .lines()
        .find(|l| l.contains("✔ 粤B·12345"))
        .unwrap_or_else(|| panic!("{screen}"));
    assert!(
        line.contains("at 成品区 A3") && line.contains("keys K-07"),
        "{line}"
    );
}
