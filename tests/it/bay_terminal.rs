//! A bay terminal shared by several technicians: the login screen shows the
//! bay's job, a PIN login, logging out by key and after idle minutes.

use crate::tuikit::*;
use chrono::Duration;
use ratatui::crossterm::event::KeyCode;

/// A shared terminal at bay B1, with Wang Wei keeping a PIN.
fn shared_terminal() -> bayboard::tui::App {
    let f = demo(Some("Chen Li"), None);
    let mut other = f.other();
    other.set_pin("Wang Wei", "Wang Wei", Some("2468")).unwrap();
    let mut app = bayboard::tui::App::new(other, None, Some("B1".into()), now(), tz()).unwrap();
    app.model.idle_logout = Some(Duration::minutes(10));
    std::mem::forget(f.dir);
    app
}

fn log_in_wang(app: &mut bayboard::tui::App) {
    chars(app, "ww");
    key(app, KeyCode::Enter);
    assert!(render(app, 100, 30).contains("PIN for Wang Wei"));
    chars(app, "2468");
    key(app, KeyCode::Enter);
    assert_eq!(app.actor().map(|a| a.name.as_str()), Some("Wang Wei"));
}

#[test]
fn the_login_screen_shows_the_bays_job_to_anyone_walking_by() {
    let app = shared_terminal();
    let screen = render(&app, 100, 30);
    assert!(screen.contains("Bay B1 · J-0000"), "{screen}");
    assert!(
        screen.contains("鲁B·2Q8L5") && screen.contains("in progress"),
        "{screen}"
    );
    assert!(screen.contains("Who is at this terminal?"));
}

#[test]
fn a_technician_logs_in_with_a_pin_and_out_with_a_key() {
    let mut app = shared_terminal();
    log_in_wang(&mut app);
    let wang = app.actor().unwrap().id;
    assert!(
        footer(&app).iter().any(|(k, _)| *k == "L"),
        "offered on a bay terminal"
    );
    key(&mut app, KeyCode::Char('L'));
    assert!(app.user.is_none());
    assert!(
        !app.workshop().has_proven(wang),
        "the PIN must be given again"
    );
    assert!(render(&app, 100, 30).contains("Who is at this terminal?"));
    // The next person logs in after them.
    chars(&mut app, "li na");
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.actor().map(|a| a.name.as_str()), Some("Li Na"));
}

#[test]
fn an_idle_terminal_logs_out_and_a_key_keeps_it_in() {
    let mut app = shared_terminal();
    log_in_wang(&mut app);
    app.tick(now() + Duration::minutes(5));
    key(&mut app, KeyCode::Down);
    app.tick(now() + Duration::minutes(14));
    assert!(
        app.user.is_some(),
        "ten minutes from the last key, not from login"
    );
    app.tick(now() + Duration::minutes(15));
    assert!(app.user.is_none());
    let screen = render(&app, 100, 30);
    assert!(
        screen.contains("logged out after 10 idle minute(s)"),
        "{screen}"
    );
    assert!(screen.contains("Bay B1 · "), "{screen}");
}
