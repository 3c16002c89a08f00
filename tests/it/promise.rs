//! Moving the promised time: `job promise JOB --at TIME --reason`, the
//! board's `T`, and the advisor's Today listing the day's moved promises.

use crate::common::Shop;
use crate::tuikit::*;
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_promise_moves_with_its_reason_on_the_record() {
    let s = Shop::staffed();
    let j = s.new_job("PR-1");
    let out = s.ok(
        Some("Ada"),
        &[
            "job",
            "promise",
            &j,
            "--at",
            "tomorrow 10:00",
            "--reason",
            "parts late",
        ],
    );
    assert!(out.contains(&j) && out.contains("promised"), "{out}");
    // Tomorrow 10:00 on this machine's clock, as the CLI reads it.
    let shown = s.job(&j);
    let at = chrono::DateTime::parse_from_rfc3339(shown["promised_at"].as_str().unwrap())
        .unwrap()
        .with_timezone(&chrono::Local);
    let tomorrow = chrono::Local::now().date_naive().succ_opt().unwrap();
    assert_eq!(
        at.naive_local(),
        tomorrow.and_hms_opt(10, 0, 0).unwrap(),
        "{shown}"
    );
    let history = s.ok(Some("Ada"), &["job", "show", &j]);
    assert!(
        history.contains("promise") && history.contains("parts late"),
        "{history}"
    );
}

#[test]
fn a_promise_needs_a_reason_an_advisor_or_foreman_and_an_open_job() {
    let s = Shop::staffed();
    let j = s.new_job("PR-2");
    let at = ["--at", "tomorrow 10:00"];
    let no_reason = s.refused(
        Some("Ada"),
        &["job", "promise", &j, at[0], at[1], "--reason", "  "],
    );
    assert!(no_reason.contains("empty"), "{no_reason}");
    let tech = s.refused(
        Some("Tina"),
        &["job", "promise", &j, at[0], at[1], "--reason", "x"],
    );
    assert!(tech.contains("Tina"), "{tech}");
    s.ok(Some("Boss"), &["job", "cancel", &j, "--reason", "gone"]);
    let closed = s.refused(
        Some("Ada"),
        &["job", "promise", &j, at[0], at[1], "--reason", "x"],
    );
    assert!(closed.contains(&j), "{closed}");
}

#[test]
fn the_board_moves_a_promise_in_one_line_and_today_lists_it() {
    let mut f = demo(Some("Emma Clark"), None);
    let job = f.app.board.queue[0].id;
    let before = f.app.board.queue[0].promised_at;
    key(&mut f.app, KeyCode::Tab);
    assert_eq!(f.app.selected_job().map(|j| j.id), Some(job));
    key(&mut f.app, KeyCode::Char('T'));
    let form = render(&f.app, 80, 24);
    assert!(form.contains("Move the time promised"), "{form}");
    // The time alone is not enough: the customer hears why.
    chars(&mut f.app, "tomorrow 10:00");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        render(&f.app, 80, 24).contains("write why after the time"),
        "{}",
        render(&f.app, 80, 24)
    );
    chars(&mut f.app, " parts late from the supplier");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.model.overlay.is_none(), "the form closes");
    let moved = f
        .app
        .board
        .queue
        .iter()
        .find(|j| j.id == job)
        .map(|j| j.promised_at)
        .unwrap();
    assert_ne!(moved, before);
    key(&mut f.app, KeyCode::Char('6'));
    for (w, h) in [(80, 24), (200, 60)] {
        let today = render(&f.app, w, h);
        assert!(today.contains("PROMISES MOVED TODAY"), "{today}");
        assert!(today.contains("parts late"), "{today}");
    }
    // Moved again: Today shows the job once, with its latest time and why.
    key(&mut f.app, KeyCode::Char('1'));
    assert_eq!(f.app.selected_job().map(|j| j.id), Some(job));
    key(&mut f.app, KeyCode::Char('T'));
    chars(&mut f.app, "tomorrow 11:00 still waiting");
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Char('6'));
    let today = render(&f.app, 200, 60);
    assert!(today.contains("still waiting"), "{today}");
    let rows = f.app.board.promises_moved.iter().filter(|p| p.job == job);
    assert_eq!(rows.count(), 1, "one row per job");
    assert!(!today.contains("parts late"), "{today}");
}
