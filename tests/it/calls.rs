//! Calls to return: a customer's call logged (who, which car or job, what
//! was promised, by when), shown to the advisor until closed with what was
//! done; the second follow-up call a set number of days after the first.

use crate::common::Shop;
use crate::tuikit::*;
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_customers_call_is_logged_listed_until_closed_and_closed_with_what_was_done() {
    let s = Shop::staffed();
    let j = s.new_job("CL-1");
    let call = s
        .ok(
            Some("Ada"),
            &[
                "call",
                "log",
                "--job",
                &j,
                "--caller",
                "Mrs Lee",
                "--phone",
                "0123 456",
                "--about",
                "is the car ready?",
                "--promised",
                "a call back with the parts ETA",
                "--by",
                "tomorrow 09:00",
            ],
        )
        .trim()
        .to_string();
    assert_eq!(call, "T-1");
    let open = s.ok(Some("Ada"), &["call", "list"]);
    for part in [
        "T-1",
        j.as_str(),
        "CL-1",
        "Mrs Lee",
        "0123 456",
        "asked: is the car ready?",
        "promised: a call back with the parts ETA",
        "by ",
    ] {
        assert!(open.contains(part), "{part}: {open}");
    }
    let json = s.json(Some("Ada"), &["call", "list"]);
    assert_eq!(json[0]["id"], "T-1");
    assert_eq!(json[0]["job"], j.as_str());
    assert_eq!(json[0]["kind"], "incoming");
    // Closing needs what was done; a technician neither logs nor closes.
    let empty = s.refused(Some("Ada"), &["call", "close", "T-1", "--note", " "]);
    assert!(empty.contains("empty"), "{empty}");
    s.refused(Some("Tina"), &["call", "close", "T-1", "--note", "x"]);
    s.refused(Some("Tina"), &["call", "log", "--job", &j, "--about", "x"]);
    s.ok(
        Some("Ada"),
        &[
            "call",
            "close",
            "T-1",
            "--note",
            "called back: parts Friday",
        ],
    );
    assert_eq!(s.ok(Some("Ada"), &["call", "list"]).trim(), "");
    let again = s.refused(Some("Ada"), &["call", "close", "T-1", "--note", "x"]);
    assert!(again.contains("already closed"), "{again}");
    let all = s.ok(Some("Ada"), &["call", "list", "--all"]);
    assert!(
        all.contains("closed by Ada: called back: parts Friday"),
        "{all}"
    );
    // A call needs to say who called.
    let nobody = s.refused(Some("Ada"), &["call", "log", "--about", "hello"]);
    assert!(nobody.contains("who called"), "{nobody}");
    // Both steps are on the job's record.
    let history = s.ok(Some("Ada"), &["job", "show", &j]);
    assert!(
        history.contains("T-1 logged") && history.contains("T-1 closed"),
        "{history}"
    );
}

#[test]
fn a_second_follow_up_call_falls_due_when_the_shop_sets_one() {
    let s = Shop::staffed();
    // Off by default: an answered call leaves nothing to return.
    let first = s.delivered("SF-1");
    s.ok(
        Some("Ada"),
        &[
            "followup",
            "log",
            &first,
            "--reached",
            "yes",
            "--score",
            "5",
        ],
    );
    assert_eq!(s.ok(Some("Ada"), &["call", "list"]).trim(), "");
    s.refused(
        Some("Boss"),
        &["shop", "set", "--second-followup-days", "31"],
    );
    s.ok(
        Some("Boss"),
        &["shop", "set", "--second-followup-days", "7"],
    );
    assert_eq!(
        s.json(Some("Ada"), &["shop", "show"])["second_followup_days"],
        7
    );
    let second = s.delivered("SF-2");
    // A missed call is no answer: no second call yet.
    s.ok(
        Some("Ada"),
        &["followup", "log", &second, "--reached", "no"],
    );
    assert_eq!(s.ok(Some("Ada"), &["call", "list"]).trim(), "");
    s.ok(
        Some("Ada"),
        &[
            "followup",
            "log",
            &second,
            "--reached",
            "yes",
            "--score",
            "4",
        ],
    );
    let calls = s.json(Some("Ada"), &["call", "list"]);
    assert_eq!(calls.as_array().unwrap().len(), 1, "{calls}");
    assert_eq!(calls[0]["kind"], "second_followup");
    assert_eq!(calls[0]["job"], second.as_str());
    let due = chrono::DateTime::parse_from_rfc3339(calls[0]["due_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Utc);
    let days = (due - chrono::Utc::now()).num_hours();
    assert!((7 * 24 - 1..=7 * 24).contains(&days), "{days} h");
    let text = s.ok(Some("Ada"), &["call", "list"]);
    assert!(text.contains("second follow-up call"), "{text}");
}

#[test]
fn the_advisor_logs_a_call_on_the_board_and_closes_it_under_follow_up() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Tab);
    let job = f.app.selected_job().map(|j| j.id).unwrap();
    let before = f.app.board.calls.len();
    key(&mut f.app, KeyCode::Char('K'));
    let form = render(&f.app, 80, 24);
    assert!(form.contains("A customer called about"), "{form}");
    chars(&mut f.app, "tomorrow 09:00 asked if the car is ready");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.model.overlay.is_none(), "{:?}", f.app.flash);
    assert_eq!(f.app.board.calls.len(), before + 1);
    let logged = f
        .app
        .board
        .calls
        .iter()
        .find(|c| c.job == Some(job))
        .unwrap();
    assert!(logged.due_at.is_some());
    key(&mut f.app, KeyCode::Char('7'));
    for (w, h) in [(80, 24), (200, 60)] {
        let screen = render(&f.app, w, h);
        assert!(
            screen.contains(&format!("CALLS TO RETURN {}", before + 1))
                && screen.contains("asked if the car"),
            "{screen}"
        );
    }
    // The cursor goes past the follow-ups to the call; c closes it.
    for _ in 0..20 {
        if f.app.selected_call().is_some_and(|c| c.job == Some(job)) {
            break;
        }
        key(&mut f.app, KeyCode::Down);
    }
    assert!(f.app.selected_call().is_some_and(|c| c.job == Some(job)));
    key(&mut f.app, KeyCode::Char('c'));
    key(&mut f.app, KeyCode::Enter);
    assert!(
        render(&f.app, 80, 24).contains("write what was done"),
        "a call is not closed without what was done"
    );
    chars(&mut f.app, "called back: ready at five");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.board.calls.len(), before, "{:?}", f.app.flash);
    assert!(f.app.board.calls.iter().all(|c| c.job != Some(job)));
}
