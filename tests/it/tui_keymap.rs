//! The keymap is the truth: every key that does something on a screen is
//! in that screen's footer or help, and no key offered is refused by the
//! rules for the selected row. Also the two regressions of the first TUI:
//! a board left stale by a key press, and a login that skipped the PIN.

use crate::tuikit::*;
use bayboard::domain::{JobAction, JobStatus};
use bayboard::tui::keymap::{self, Action};
use bayboard::tui::model::{Model, Overlay, Panel, View};
use bayboard::tui::msg::Msg;
use bayboard::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// Every key a person might press (Ctrl-C, which quits anywhere, is left
/// out: the README and the help state it once).
fn universe() -> Vec<KeyEvent> {
    let mut codes = vec![
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::Left,
        KeyCode::Right,
        KeyCode::Tab,
        KeyCode::BackTab,
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Backspace,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Char(' '),
        KeyCode::Char('?'),
    ];
    codes.extend(
        ('a'..='z')
            .chain('A'..='Z')
            .chain('0'..='9')
            .map(KeyCode::Char),
    );
    let mut keys: Vec<KeyEvent> = codes
        .into_iter()
        .map(|c| KeyEvent::new_with_kind(c, KeyModifiers::NONE, KeyEventKind::Press))
        .collect();
    keys.push(KeyEvent::new_with_kind(
        KeyCode::Char('s'),
        KeyModifiers::CONTROL,
        KeyEventKind::Press,
    ));
    keys
}

/// Whether `key` changes anything on this screen (state or effects).
fn does_something(m: &Model, key: KeyEvent) -> bool {
    let mut after = m.clone();
    let effects = update(&mut after, Msg::Key(key));
    !effects.is_empty() || format!("{after:?}") != format!("{m:?}")
}

fn documented(m: &Model) -> Vec<&'static str> {
    let mut shown: Vec<&str> = keymap::footer(m).into_iter().map(|(k, _)| k).collect();
    if m.overlay.is_none() {
        for (_, rows) in keymap::help(m) {
            shown.extend(rows.into_iter().map(|(k, _, _)| k));
        }
    }
    shown
}

/// Checks one screen; returns how many keys did something.
fn check_screen(app: &bayboard::tui::App, screen: &str) -> usize {
    let m = &app.model;
    let docs = documented(m);
    let mut active = 0;
    for key in universe() {
        if !does_something(m, key) {
            continue;
        }
        active += 1;
        // A key that does nothing here only says why, and is documented.
        let b = match keymap::binding_for(m, &key) {
            Some(b) => b,
            // Typing into a form (a name to find in the dispatch lists).
            None if m.form().is_some() => continue,
            None => {
                let mut after = m.clone();
                update(&mut after, Msg::Key(key));
                assert!(
                    after.flash.as_ref().is_some_and(|f| f.error),
                    "{screen}: {key:?} acts without a keymap row"
                );
                // Someone else's key, or no key at all: only said.
                match keymap::row_for(m, &key) {
                    Some(b) => b,
                    None => continue,
                }
            }
        };
        assert!(
            docs.contains(&b.shown) || b.keys.is_empty(),
            "{screen}: {:?} ({}) acts but is neither in the footer nor the help: {docs:?}",
            key.code,
            b.label
        );
    }
    // Parts steps offered are ones the issue's state allows.
    if let (Some(p), Some(who)) = (m.selected_parts(), m.actor()) {
        for b in keymap::offered(m) {
            if let Action::Parts(to) = b.action {
                let r = bayboard::domain::parts::check_update(who, p.id, p.status, to);
                assert!(
                    r.is_ok(),
                    "{screen}: `{}` offered on P-{} but {r:?}",
                    b.shown,
                    p.id
                );
            }
        }
    }
    // What the footer offers, the rules allow on the selected row.
    if let (Some(job), Some(who)) = (m.selected_job(), m.actor()) {
        for b in keymap::offered(m) {
            let action = match b.action {
                Action::Job(a) => a,
                Action::Dispatch => JobAction::Dispatch,
                Action::Reassign => JobAction::Reassign,
                Action::Cancel => JobAction::Cancel,
                Action::Priority => JobAction::SetPriority,
                Action::Deliver => JobAction::Deliver,
                // The level is the job's: the peer check, else QC.
                Action::Inspect if job.status == JobStatus::PeerCheck => JobAction::PassPeer,
                Action::Inspect => JobAction::PassQc,
                _ => continue,
            };
            let r = app.workshop().check_action(&who.name, job.id, action);
            assert!(
                r.is_ok(),
                "{screen}: `{}` is offered on {} but refused: {r:?}",
                b.shown,
                job.label()
            );
        }
    }
    active
}

#[test]
fn every_key_that_acts_is_documented_and_every_offer_is_allowed() {
    let people = ["Chen Li", "Emma Clark", "刘洋", "Wang Wei", "Olga Petrova"];
    let mut screens = 0;
    for who in people {
        let mut f = demo(Some(who), Some("B1"));
        let views: Vec<View> = View::ALL
            .into_iter()
            .filter(|v| v.allowed(f.app.actor().unwrap()))
            .collect();
        for v in views {
            key(&mut f.app, KeyCode::Char(v.key()));
            assert_eq!(f.app.view, v);
            let panels: Vec<Panel> = if v == View::Board {
                Panel::ALL.to_vec()
            } else {
                vec![f.app.panel]
            };
            for p in panels {
                while f.app.view == View::Board && f.app.panel != p {
                    key(&mut f.app, KeyCode::Tab);
                }
                // The first rows of the list, from the top.
                for _ in 0..8 {
                    key(&mut f.app, KeyCode::Up);
                }
                for row in 0..4 {
                    let name = format!("{who} · {v:?} · {p:?} · row {row}");
                    assert!(check_screen(&f.app, &name) > 0, "{name}: no key acts");
                    screens += 1;
                    key(&mut f.app, KeyCode::Down);
                }
            }
        }
        // The job detail, and the login screen of a shared terminal.
        key(&mut f.app, KeyCode::Char('1'));
        key(&mut f.app, KeyCode::Enter);
        if f.app.detail.is_some() {
            check_screen(&f.app, &format!("{who} · detail"));
        }
    }
    let login = demo(None, None);
    check_screen(&login.app, "login");
    // Forms that take no typing on open: dispatch and priority.
    let mut fm = demo(Some("Chen Li"), None);
    key(&mut fm.app, KeyCode::Char('d'));
    assert!(matches!(fm.app.overlay, Some(Overlay::Form(_))));
    check_screen(&fm.app, "dispatch form");
    key(&mut fm.app, KeyCode::Esc);
    key(&mut fm.app, KeyCode::Char('u'));
    check_screen(&fm.app, "priority form");
    assert!(screens > 60, "walked {screens} screens");
}

#[test]
fn the_help_and_footer_come_from_the_keymap() {
    let mut f = demo(Some("刘洋"), None);
    assert_eq!(f.app.view, View::Parts);
    // C (cancel a parts issue) works here, so the footer offers it.
    let footer = footer(&f.app);
    assert!(footer.contains(&("C", "cancel issue")), "{footer:?}");
    key(&mut f.app, KeyCode::Char('?'));
    let screen = render(&f.app, 100, 30);
    assert!(screen.contains("cancel the parts issue"), "{screen}");
}

#[test]
fn a_key_press_never_leaves_the_board_stale() {
    let mut f = demo(Some("Chen Li"), None);
    let j = f.app.selected_job().unwrap().clone();
    assert_eq!(j.status, JobStatus::Waiting);
    // Another terminal commits; its wake-up is queued behind a key press.
    f.other()
        .dispatch("Chen Li", j.id, "A1", "Ahmed Khan", None)
        .unwrap();
    key(&mut f.app, KeyCode::Down);
    // The wake-up arrives now: the board must reload and show the change.
    assert!(f.app.refresh().unwrap(), "the change was not picked up");
    assert!(f.app.board.queue.iter().all(|q| q.id != j.id));
    assert!(render(&f.app, 160, 48).contains("Ahmed Khan"));
    // Nothing new: no reload.
    assert!(!f.app.refresh().unwrap());
}

#[test]
fn the_login_screen_asks_for_the_pin_before_showing_a_board() {
    let mut g = demo(None, None);
    let mut ws = g.other();
    ws.set_pin("Chen Li", "Chen Li", Some("2468")).unwrap();
    g.app.reload();
    let i = g
        .app
        .staff
        .iter()
        .position(|s| s.name == "Chen Li")
        .unwrap();
    down(&mut g.app, i);
    key(&mut g.app, KeyCode::Enter);
    assert!(g.app.user.is_none(), "logged in without the PIN");
    let screen = render(&g.app, 80, 24);
    assert!(screen.contains("PIN for Chen Li"), "{screen}");
    assert!(!screen.contains("BAYS"), "the board shows before the PIN");
    chars(&mut g.app, "1111");
    key(&mut g.app, KeyCode::Enter);
    assert!(g.app.user.is_none());
    assert!(render(&g.app, 100, 30).contains("wrong PIN"));
    chars(&mut g.app, "2468");
    key(&mut g.app, KeyCode::Enter);
    assert_eq!(g.app.actor().unwrap().name, "Chen Li");
    // Once in, actions work: the PIN was proven for this terminal.
    key(&mut g.app, KeyCode::Char('u'));
    key(&mut g.app, KeyCode::Char('h'));
    let flash = g.app.flash.clone().unwrap();
    assert!(!flash.error, "{}", flash.text);
}

#[test]
fn on_the_boards_parts_panel_c_cancels_the_issue_not_the_job() {
    let mut f = demo(Some("Chen Li"), None);
    while f.app.panel != Panel::Parts {
        key(&mut f.app, KeyCode::Tab);
    }
    let footer = footer(&f.app);
    assert!(footer.contains(&("C", "cancel issue")), "{footer:?}");
    assert!(!footer.contains(&("C", "cancel")), "{footer:?}");
    key(&mut f.app, KeyCode::Char('C'));
    assert!(
        matches!(
            f.app.overlay,
            Some(Overlay::Confirm(
                bayboard::tui::model::Confirm::Parts { .. }
            ))
        ),
        "{:?}",
        f.app.overlay
    );
}

#[test]
fn parts_steps_are_offered_only_where_the_issue_allows_them() {
    let mut f = demo(Some("刘洋"), None);
    // Move to an issue that is received: only resolved and cancel remain.
    let received = f
        .app
        .board
        .parts
        .iter()
        .position(|p| p.status == bayboard::domain::PartStatus::Ordered);
    let i = received.expect("the demo has an ordered issue");
    down(&mut f.app, i);
    key(&mut f.app, KeyCode::Char('v'));
    let keys: Vec<&str> = footer(&f.app).iter().map(|(k, _)| *k).collect();
    assert!(!keys.contains(&"v") && !keys.contains(&"o"), "{keys:?}");
    assert!(keys.contains(&"r") && keys.contains(&"C"), "{keys:?}");
}

#[test]
fn an_empty_pin_asks_for_the_pin_in_the_boards_words() {
    let mut g = demo(None, None);
    let mut ws = g.other();
    ws.set_pin("Chen Li", "Chen Li", Some("2468")).unwrap();
    g.app.reload();
    let i = g
        .app
        .staff
        .iter()
        .position(|s| s.name == "Chen Li")
        .unwrap();
    down(&mut g.app, i);
    key(&mut g.app, KeyCode::Enter);
    key(&mut g.app, KeyCode::Enter);
    let screen = render(&g.app, 100, 30);
    assert!(screen.contains("type your PIN"), "{screen}");
    assert!(!screen.contains("--pin"), "{screen}");
}

#[test]
fn the_foreman_opens_on_the_queue_and_a_key_that_does_nothing_says_why() {
    let mut f = demo(Some("Chen Li"), None);
    assert_eq!(f.app.panel, Panel::Queue, "first action: dispatch");
    assert!(footer(&f.app).contains(&("d", "dispatch")));
    // On a bay holding a job in progress, d says why not.
    key(&mut f.app, KeyCode::BackTab);
    key(&mut f.app, KeyCode::Down);
    key(&mut f.app, KeyCode::Char('d'));
    let flash = f.app.flash.clone().unwrap();
    assert!(
        flash.error && flash.text.contains("needs a job that is waiting"),
        "{}",
        flash.text
    );
    // A technician's f with lines to do says what is missing.
    let mut t = demo(Some("Wang Wei"), Some("B1"));
    key(&mut t.app, KeyCode::Char('f'));
    let flash = t.app.flash.clone().unwrap();
    assert!(flash.text.contains("lines still to do"), "{}", flash.text);
}

#[test]
fn hours_today_move_with_the_clock() {
    let mut f = demo(Some("Chen Li"), None);
    let before = f
        .app
        .board
        .technicians
        .iter()
        .find(|t| t.name == "Wang Wei")
        .unwrap()
        .hours_today;
    f.app.tick(now() + chrono::Duration::minutes(30));
    let after = f
        .app
        .board
        .technicians
        .iter()
        .find(|t| t.name == "Wang Wei")
        .unwrap()
        .hours_today;
    assert!(after > before + 0.4, "{before} → {after}");
}

#[test]
fn the_readme_documents_every_key_of_every_view() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("## Keys").unwrap();
    let end = readme[start..]
        .find("\n## ")
        .map_or(readme.len(), |e| start + e);
    let keys = &readme[start..end];
    for b in keymap::BINDINGS {
        let in_views = b
            .scopes
            .iter()
            .any(|s| matches!(s, keymap::Scope::View(_) | keymap::Scope::Main));
        if in_views && b.footer {
            let shown = b.shown.split(' ').next().unwrap();
            assert!(
                keys.contains(&format!("`{shown}`")),
                "README's keys section lacks `{shown}` ({})",
                b.label
            );
        }
    }
}
