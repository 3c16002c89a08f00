//! The TUI driven by key events: dispatch, parts logging, QC pass and fail,
//! roles, stale views, quitting, paste, live reloads.

use crate::common::{lines_done_in, new_job_in};
use crate::tuikit::*;
use bayboard::domain::Field;
use bayboard::domain::{JobAction, JobStatus, PartKind, Role};
use bayboard::store;
use bayboard::tui::forms::{AnyForm, PartsField};
use bayboard::tui::model::{Confirm, Overlay, Panel, View};
use ratatui::crossterm::event::KeyCode;

#[test]
fn a_foreman_dispatches_a_waiting_job_in_a_few_keys() {
    let mut f = demo(Some("Chen Li"), None);
    assert_eq!(f.app.panel, Panel::Queue);
    let first = f.app.selected_job().unwrap().clone();
    assert_eq!(
        first.priority,
        bayboard::domain::Priority::Urgent,
        "urgent first in the queue"
    );
    key(&mut f.app, KeyCode::Char('d'));
    let Some(AnyForm::Dispatch(form)) = f.app.form() else {
        panic!("no dispatch form")
    };
    // Free bays come first, taken ones are shown but cannot be chosen.
    assert!(form.bays[0].enabled);
    assert!(
        form.bays
            .iter()
            .any(|b| !b.enabled && b.note.contains("taken by"))
    );
    // The free technician comes first, with skills shown.
    assert_eq!(form.techs[0].name, "Ahmed Khan");
    assert!(form.techs[0].note.contains("free") && form.techs[0].note.contains("cooling"));
    let bay = form.bays[0].name.clone();
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    let j = f.job(first.id);
    assert_eq!(j.status, JobStatus::Dispatched);
    assert_eq!(j.bay.as_deref(), Some(bay.as_str()));
    assert_eq!(j.technician.as_deref(), Some("Ahmed Khan"));
    assert!(f.flash().contains("dispatched"), "{}", f.flash());
    assert!(screen_has(&f.app, "Ahmed Khan"));
}

#[test]
fn a_technician_logs_a_blocking_parts_issue_through_the_form() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    assert_eq!(f.app.view, View::MyWork);
    let current = f.app.selected_job().unwrap().clone();
    assert_eq!(current.bay.as_deref(), Some("B1"));
    assert_eq!(current.status, JobStatus::InProgress);
    key(&mut f.app, KeyCode::Char('l'));
    chars(&mut f.app, "Brake fluid DOT4");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "2");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Right);
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char(' '));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "1 litre");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    let parts = f
        .app
        .workshop()
        .store()
        .read(|c| store::parts_for_job(c, current.id))
        .unwrap();
    let p = parts.last().unwrap();
    assert_eq!(
        (p.part.as_str(), p.qty, p.kind, p.blocking),
        ("Brake fluid DOT4", 2, PartKind::WrongPart, true)
    );
    assert_eq!(p.note.as_deref(), Some("1 litre"));
    assert_eq!(f.job(current.id).status, JobStatus::WaitingParts);
    assert!(screen_has(&f.app, "waiting parts"));
}

#[test]
fn the_parts_form_validates_field_by_field_and_writes_nothing() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    let n = f.app.selected_job().unwrap().id;
    let before = f
        .app
        .workshop()
        .store()
        .read(|c| store::parts_for_job(c, n))
        .unwrap()
        .len();
    key(&mut f.app, KeyCode::Char('l'));
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "x");
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::PartsLog(form)) = f.app.form() else {
        panic!("form closed")
    };
    assert_eq!(form.errors.get(Field::Part), Some("must not be empty"));
    assert!(
        form.errors
            .get(Field::Quantity)
            .unwrap()
            .contains("whole number")
    );
    assert_eq!(
        form.field,
        PartsField::Part,
        "the cursor goes to the first bad field"
    );
    let screen = render(&f.app, 80, 24);
    assert!(screen.contains("✗ part must not be empty"), "{screen}");
    let after = f
        .app
        .workshop()
        .store()
        .read(|c| store::parts_for_job(c, n))
        .unwrap()
        .len();
    assert_eq!(before, after);
}

#[test]
fn qc_fails_with_reasons_then_passes_after_rework() {
    let mut f = demo(Some("Olga Petrova"), None);
    assert_eq!(f.app.view, View::Qc);
    let j = f.app.selected_job().unwrap().clone();
    assert_eq!(j.status, JobStatus::ReadyForQc);
    key(&mut f.app, KeyCode::Char('i'));
    assert!(matches!(f.app.form(), Some(AnyForm::Inspect(_))));
    chars(&mut f.app, "pf");
    key(&mut f.app, KeyCode::Char('e'));
    chars(&mut f.app, "ABS light on");
    key(&mut f.app, KeyCode::Enter);
    let screen = render(&f.app, 160, 48);
    assert!(
        screen.contains("✗ FAIL") && screen.contains("not yet —"),
        "{screen}"
    );
    // Signing waits until every required item is marked.
    ctrl(&mut f.app, 's');
    assert!(
        matches!(f.app.form(), Some(AnyForm::Inspect(_))),
        "not signed yet"
    );
    assert!(render(&f.app, 160, 48).contains("required items not marked yet"));
    // The cursor went to the first unmarked item.
    chars(&mut f.app, "pppppppp");
    chars(&mut f.app, "6");
    // Every item marked: the verdict names what failed in the inspector's words.
    let screen = render(&f.app, 160, 48);
    assert!(
        screen.contains("FAIL — rework: No warning lights on the cluster"),
        "{screen}"
    );
    ctrl(&mut f.app, 's');
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    let after = f.job(j.id);
    assert_eq!((after.status, after.rework_count), (JobStatus::Rework, 1));
    let qc = f
        .app
        .workshop()
        .store()
        .read(|c| store::qc_for_job(c, j.id))
        .unwrap();
    let last = qc.iter().rfind(|q| q.level.as_str() == "final").unwrap();
    let failed: Vec<_> = last
        .items
        .iter()
        .filter(|i| i.result.as_str() == "fail")
        .collect();
    assert_eq!(failed.len(), 1);
    assert_eq!(failed[0].note.as_deref(), Some("ABS light on"));

    // The technician reworks it elsewhere; the inspector's board reloads.
    let tech = after.technician.clone().unwrap();
    let mut other = f.other();
    // First off the clock of the job they are on.
    let running = f
        .app
        .board
        .bays
        .iter()
        .filter_map(|b| b.job.as_ref())
        .find(|x| {
            x.technician.as_deref() == Some(tech.as_str()) && x.status == JobStatus::InProgress
        })
        .map(|x| x.id);
    if let Some(r) = running {
        other.act(&tech, r, JobAction::Pause, None, None).unwrap();
    }
    other
        .act(&tech, j.id, JobAction::Start, None, None)
        .unwrap();
    other
        .act(&tech, j.id, JobAction::Finish, None, None)
        .unwrap();
    // The demo runs the peer check: the team leader signs it.
    other
        .inspect_level(
            "Chen Li",
            j.id,
            bayboard::domain::inspection::Level::Peer,
            bayboard::domain::qc::Verdict::Pass,
            &bayboard::workshop::Inspection::default(),
            None,
        )
        .unwrap();
    f.app.reload();
    // The cursor stayed on the job it was on; the reworked one is found.
    for _ in 0..10 {
        key(&mut f.app, KeyCode::Up);
    }
    let sel = f.app.qc_list().iter().position(|x| x.id == j.id).unwrap();
    down(&mut f.app, sel);
    key(&mut f.app, KeyCode::Char('i'));
    // The re-inspection says what failed last time, and on 80×24 the work
    // done still shows above the checklist.
    let screen = render(&f.app, 80, 24);
    assert!(screen.contains("✗ last time"), "{screen}");
    assert!(screen.contains("Work: "), "{screen}");
    // One key per item, the road-test distance, the signature.
    chars(&mut f.app, "pppppppppp");
    chars(&mut f.app, "7");
    ctrl(&mut f.app, 's');
    assert_eq!(f.job(j.id).status, JobStatus::QcPassed, "{:?}", f.app.flash);
    assert!(f.flash().contains("passed QC"));
}

#[test]
fn an_inspector_cannot_open_qc_on_their_own_work() {
    let f = demo(Some("Chen Li"), None);
    let mut other = f.other();
    other
        .add_staff(Some("Chen Li"), "Dual", &[Role::Technician, Role::Qc], &[])
        .unwrap();
    let waiting = f.app.board.queue.last().unwrap().id;
    other
        .dispatch("Chen Li", waiting, "A1", "Dual", None)
        .unwrap();
    other
        .act("Dual", waiting, JobAction::Start, None, None)
        .unwrap();
    lines_done_in(&mut other, "Dual", waiting);
    other
        .act("Dual", waiting, JobAction::Finish, None, None)
        .unwrap();
    let mut f2 = Fixture {
        app: bayboard::tui::App::new(other, Some("Dual"), None, now(), tz()).unwrap(),
        dir: f.dir,
    };
    key(&mut f2.app, KeyCode::Char('4'));
    let sel = f2
        .app
        .qc_list()
        .iter()
        .position(|x| x.id == waiting)
        .unwrap();
    down(&mut f2.app, sel);
    key(&mut f2.app, KeyCode::Char('i'));
    assert!(f2.app.overlay.is_none(), "the form does not open");
    assert!(f2.flash().contains("Dual worked on"), "{}", f2.flash());
}

#[test]
fn each_person_is_offered_only_what_their_roles_allow() {
    let mut f = demo(Some("Wang Wei"), None);
    assert!(!footer(&f.app).iter().any(|(_, w)| *w == "dispatch"));
    key(&mut f.app, KeyCode::Char('1'));
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('d'));
    assert!(f.app.overlay.is_none(), "a technician cannot dispatch");
    key(&mut f.app, KeyCode::Char('3'));
    assert_eq!(f.app.view, View::Board, "no parts view for a technician");
    assert!(f.flash().contains("not among your views"));
    let foreman = demo(Some("Chen Li"), None);
    assert!(!View::MyWork.allowed(foreman.app.actor().unwrap()));
    let fk = foreman;
    assert!(footer(&fk.app).iter().any(|(_, w)| *w == "dispatch"));
    // Another technician's job: no start, pause or finish offered.
    let mut t = demo(Some("Li Na"), None);
    key(&mut t.app, KeyCode::Char('1'));
    let keys = footer(&t.app);
    assert!(
        !keys
            .iter()
            .any(|(k, _)| *k == "s" || *k == "p" || *k == "f")
    );
}

#[test]
fn a_stale_view_is_refused_and_the_fresh_state_shown() {
    let mut f = demo(Some("Chen Li"), None);
    let j = f.app.selected_job().unwrap().clone();
    // Someone else dispatches it while this board has not reloaded yet.
    f.other()
        .dispatch("Chen Li", j.id, "A1", "Ahmed Khan", None)
        .unwrap();
    key(&mut f.app, KeyCode::Char('d'));
    key(&mut f.app, KeyCode::Enter);
    key(&mut f.app, KeyCode::Down);
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none());
    let msg = f.flash();
    assert!(
        msg.contains("changed since you looked") && msg.contains("showing the fresh state"),
        "{msg}"
    );
    let now = f.job(j.id);
    assert_eq!(now.bay.as_deref(), Some("A1"), "nothing was overwritten");
    assert_eq!(now.technician.as_deref(), Some("Ahmed Khan"));
    assert!(
        f.app.board.queue.iter().all(|q| q.id != j.id),
        "the board shows the fresh state"
    );
}

#[test]
fn quit_asks_only_when_a_form_has_unsaved_input() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    key(&mut f.app, KeyCode::Char('l'));
    chars(&mut f.app, "Wiper");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('q'));
    assert!(matches!(
        f.app.overlay,
        Some(Overlay::Confirm(Confirm::Quit(_)))
    ));
    assert!(!f.app.quit);
    key(&mut f.app, KeyCode::Char('n'));
    let Some(AnyForm::PartsLog(form)) = f.app.form() else {
        panic!("form lost")
    };
    assert_eq!(form.part.value(), "Wiper", "the input survives");
    key(&mut f.app, KeyCode::Char('q'));
    key(&mut f.app, KeyCode::Char('y'));
    assert!(f.app.quit);

    let mut g = demo(Some("Chen Li"), None);
    key(&mut g.app, KeyCode::Char('q'));
    assert!(g.app.quit, "no form: q quits at once");
    let mut h = demo(Some("Chen Li"), None);
    key(&mut h.app, KeyCode::Char('?'));
    ctrl(&mut h.app, 'c');
    assert!(h.app.quit, "Ctrl-C always quits");
}

#[test]
fn paste_goes_into_the_focused_field_without_control_characters() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('C'));
    f.app.on_paste("customer\nwent \u{1b}[2Jelsewhere");
    let Some(AnyForm::Text(form)) = f.app.form() else {
        panic!()
    };
    assert_eq!(form.input.value(), "customer went  [2Jelsewhere");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none());
}

#[test]
fn a_reload_from_elsewhere_keeps_the_form_and_the_selection() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::BackTab);
    key(&mut f.app, KeyCode::Down);
    key(&mut f.app, KeyCode::Down);
    key(&mut f.app, KeyCode::Char('l'));
    chars(&mut f.app, "Coolant hose");
    let mut other = f.other();
    let waiting = f.app.board.queue[0].id;
    other
        .set_priority("Chen Li", waiting, bayboard::domain::Priority::Normal, None)
        .unwrap();
    f.app.reload();
    let Some(AnyForm::PartsLog(form)) = f.app.form() else {
        panic!("form lost on reload")
    };
    assert_eq!(form.part.value(), "Coolant hose");
    assert_eq!(f.app.selected_in(Panel::Bays), 2);
    assert!(
        f.app
            .board
            .queue
            .iter()
            .any(|q| q.id == waiting && q.priority == bayboard::domain::Priority::Normal)
    );
}

#[test]
fn parts_staff_order_and_resolve_and_the_job_goes_back_to_work() {
    let mut f = demo(Some("刘洋"), None);
    assert_eq!(f.app.view, View::Parts);
    let p = f.app.selected_parts().unwrap().clone();
    assert!(p.blocking, "blocking issues come first");
    key(&mut f.app, KeyCode::Char('o'));
    chars(&mut f.app, "someday");
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::Text(form)) = f.app.form() else {
        panic!()
    };
    assert!(form.error.as_deref().unwrap().contains("not a time"));
    // Esc with input asks before throwing it away; n keeps the form.
    key(&mut f.app, KeyCode::Esc);
    assert!(matches!(
        f.app.overlay,
        Some(Overlay::Confirm(Confirm::Discard(_)))
    ));
    key(&mut f.app, KeyCode::Char('n'));
    let Some(AnyForm::Text(form)) = f.app.form() else {
        panic!("the form is back")
    };
    assert_eq!(form.input.value(), "someday");
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('y'));
    assert!(f.app.overlay.is_none());
    key(&mut f.app, KeyCode::Char('v'));
    key(&mut f.app, KeyCode::Char('r'));
    assert_eq!(
        f.job(p.job).status,
        JobStatus::WaitingParts,
        "resolve asks first"
    );
    key(&mut f.app, KeyCode::Char('y'));
    let job_now = f.job(p.job);
    assert_eq!(job_now.status, JobStatus::Paused, "{:?}", f.app.flash);
}

#[test]
fn an_advisor_delivers_a_passed_vehicle() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('4'));
    let sel = f
        .app
        .qc_list()
        .iter()
        .position(|j| j.status == JobStatus::QcPassed)
        .unwrap();
    down(&mut f.app, sel);
    let n = f.app.selected_job().unwrap().id;
    // Washed first, from the board; W again is refused in words.
    key(&mut f.app, KeyCode::Char('W'));
    assert!(f.flash().contains("washed"), "{}", f.flash());
    key(&mut f.app, KeyCode::Char('D'));
    let screen = render(&f.app, 80, 24);
    assert!(
        screen.contains("not recorded") && screen.contains("no payment recorded"),
        "the hand-over says what it lacks:\n{screen}"
    );
    assert!(!screen.contains("unwashed"), "{screen}");
    assert!(
        !screen.contains("--paid"),
        "the board names no CLI option: {screen}"
    );
    // Card, two keys to the right; the old parts field is the next.
    key(&mut f.app, KeyCode::Right);
    key(&mut f.app, KeyCode::Right);
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Right);
    let screen = render(&f.app, 80, 24);
    assert!(!screen.contains("no payment recorded"), "{screen}");
    assert!(screen.contains("[x] print it once delivered"), "{screen}");
    // No gate pass this time (printing is the pty test's, with its own lp).
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char(' '));
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.job(n).status, JobStatus::Delivered);
    assert!(f.flash().contains("delivered"), "{}", f.flash());
    assert!(!f.flash().contains("gate pass"), "{}", f.flash());
    let h = f
        .app
        .workshop()
        .store()
        .read(|c| bayboard::store::handover(c, n))
        .unwrap();
    assert_eq!(h.paid.as_deref(), Some("card"));
    assert_eq!(h.old_parts.as_deref(), Some("returned"));
    assert!(h.washed_at.is_some());
}

/// Issue 24: the hand-over form sets the next service (the shop's interval
/// shown, another typed) and notes the wear parts, in the delivery's own
/// transaction: a distance behind the odometer leaves the car undelivered.
#[test]
fn the_hand_over_form_sets_the_next_service_and_the_wear() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('4'));
    let sel = f
        .app
        .qc_list()
        .iter()
        .position(|j| j.status == JobStatus::QcPassed)
        .unwrap();
    down(&mut f.app, sel);
    let job = f.app.selected_job().unwrap().clone();
    let odometer = job
        .vehicle
        .odometer_km
        .expect("the demo reads the odometer");
    key(&mut f.app, KeyCode::Char('D'));
    let screen = render(&f.app, 80, 24);
    let default_km = format!("{} km (the shop's interval)", odometer + 5000);
    assert!(screen.contains(&default_km), "{screen}");
    for _ in 0..3 {
        key(&mut f.app, KeyCode::Tab);
    }
    let on = (now().with_timezone(&tz()).date_naive() + chrono::Days::new(90))
        .format("%Y-%m-%d")
        .to_string();
    chars(&mut f.app, &on);
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, &(odometer - 10).to_string());
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "front pads 4 mm");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.job(job.id).status, JobStatus::QcPassed, "{}", f.flash());
    let screen = render(&f.app, 80, 24);
    assert!(
        screen.contains(&odometer.to_string()),
        "the refusal names the odometer: {screen}"
    );
    // A day not after today is refused in the form, before anything is written.
    for _ in 0..10 {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, &(odometer + 3000).to_string());
    key(&mut f.app, KeyCode::BackTab);
    for _ in 0..10 {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "2020-01-01");
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.job(job.id).status, JobStatus::QcPassed);
    assert!(render(&f.app, 80, 24).contains("a day after today"));
    for _ in 0..10 {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, &on);
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.job(job.id).status, JobStatus::Delivered, "{}", f.flash());
    let (on_stored, km, wear): (String, i64, String) = f
        .app
        .workshop()
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT next_service_on, next_service_km, wear_note FROM jobs WHERE id = ?1",
                [job.id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?)
        })
        .unwrap();
    assert_eq!(on_stored, on);
    assert_eq!(km, odometer + 3000);
    assert_eq!(wear, "front pads 4 mm");
}

#[test]
fn the_login_screen_lists_staff_and_logs_in() {
    let mut f = demo(None, None);
    assert!(f.app.user.is_none());
    assert!(render(&f.app, 80, 24).contains("Who is at this terminal?"));
    let target = f
        .app
        .staff
        .iter()
        .position(|s| s.name == "Olga Petrova")
        .unwrap();
    down(&mut f.app, target);
    // Without a PIN, and the name not typed, one Enter only names who it
    // would be; a second logs in.
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.user.is_none());
    assert!(
        f.flash().contains("log in as Olga Petrova?"),
        "{}",
        f.flash()
    );
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.actor().unwrap().name, "Olga Petrova");
    assert_eq!(f.app.view, View::Qc);
}

#[test]
fn detail_opens_with_enter_and_esc_goes_back() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::BackTab);
    key(&mut f.app, KeyCode::Down);
    key(&mut f.app, KeyCode::Enter);
    let d = f.app.detail.as_ref().unwrap();
    assert!(!d.events.is_empty());
    assert!(render(&f.app, 160, 48).contains("Timeline"));
    shift(&mut f.app, KeyCode::Esc);
    assert!(f.app.detail.is_none());
}

#[test]
fn job_numbers_past_a_million_are_shown_whole() {
    let f = demo(Some("Chen Li"), None);
    let c = rusqlite::Connection::open(f.db()).unwrap();
    // The next job gets number 1,234,567 (as after years of history).
    c.execute_batch(
        "INSERT INTO jobs (id, vehicle_id, complaint, priority, status, status_since, created_at, closed_at, version)
         SELECT 1234566, vehicle_id, complaint, priority, 'delivered', status_since, created_at, created_at, 0
           FROM jobs WHERE id = 1;",
    )
    .unwrap();
    drop(c);
    let mut other = f.other();
    let n = new_job_in(&mut other, "Emma Clark", "MIL-1");
    assert_eq!(n, 1_234_567);
    other
        .dispatch("Chen Li", n, "A1", "Ahmed Khan", None)
        .unwrap();
    let mut app = f.app;
    app.reload();
    let screen = render(&app, 160, 48);
    assert!(screen.contains("J-1234567"), "{screen}");
}

#[test]
fn an_advisor_checks_a_vehicle_in_from_the_board() {
    let mut f = demo(Some("Emma Clark"), None);
    assert!(footer(&f.app).iter().any(|(k, _)| *k == "n"));
    let before = f.app.board.queue.len();
    key(&mut f.app, KeyCode::Char('n'));
    assert!(matches!(f.app.form(), Some(AnyForm::CheckIn(_))));
    // The complaint alone: the plate is refused next to its field.
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Wipers smear");
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::CheckIn(form)) = f.app.form() else {
        panic!("form closed")
    };
    assert_eq!(form.errors.get(Field::Plate), Some("must not be empty"));
    assert_eq!(form.field, Field::Plate);
    assert!(render(&f.app, 80, 24).contains("✗ plate must not be empty"));
    chars(&mut f.app, "粤B·NEW01");
    for _ in 0..7 {
        key(&mut f.app, KeyCode::Tab);
    }
    chars(&mut f.app, "tomorrowish");
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::CheckIn(form)) = f.app.form() else {
        panic!("form closed")
    };
    assert!(
        form.errors
            .get(Field::Promised)
            .unwrap()
            .contains("not a time")
    );
    for _ in 0.."tomorrowish".len() {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "17:00");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('u'));
    decline_walkaround(&mut f.app);
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    assert_eq!(f.app.board.queue.len(), before + 1);
    let new = f
        .app
        .board
        .queue
        .iter()
        .find(|j| j.plate == "粤B·NEW01")
        .unwrap();
    assert_eq!(new.priority, bayboard::domain::Priority::Urgent);
    assert_eq!(new.complaint, "Wipers smear");
    assert!(new.promised_at.is_some());
    // Which day the promise was taken for is said, not left to guess.
    assert!(f.flash().contains("promised today"), "{}", f.flash());
    // A technician is not offered check-in.
    let mut t = demo(Some("Wang Wei"), None);
    key(&mut t.app, KeyCode::Char('1'));
    key(&mut t.app, KeyCode::Char('n'));
    assert!(t.app.overlay.is_none());
}

#[test]
fn release_and_finish_ask_first_and_say_how_to_undo() {
    let mut f = demo(Some("Chen Li"), None);
    // B1 holds a job in progress.
    key(&mut f.app, KeyCode::BackTab);
    key(&mut f.app, KeyCode::Down);
    let j = f.app.selected_job().unwrap().clone();
    key(&mut f.app, KeyCode::Char('x'));
    assert!(matches!(
        f.app.overlay,
        Some(Overlay::Confirm(Confirm::Act { .. }))
    ));
    assert!(render(&f.app, 100, 30).contains("Free the bay"));
    key(&mut f.app, KeyCode::Char('n'));
    assert_eq!(f.job(j.id).bay, j.bay, "n: nothing happened");
    key(&mut f.app, KeyCode::Char('x'));
    key(&mut f.app, KeyCode::Char('y'));
    assert_eq!(f.job(j.id).bay, None);
    assert!(
        f.flash().contains("`a` gives it a bay again"),
        "{}",
        f.flash()
    );
}

#[test]
fn messages_expire_and_a_change_elsewhere_clears_an_old_one() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('u'));
    key(&mut f.app, KeyCode::Char('h'));
    assert!(f.app.flash.is_some());
    // Seconds later the message is gone by itself.
    f.app.tick(now() + chrono::Duration::seconds(9));
    assert!(f.app.flash.is_none());
    key(&mut f.app, KeyCode::Char('u'));
    key(&mut f.app, KeyCode::Char('n'));
    assert!(f.app.flash.is_some());
    f.app.tick(now() + chrono::Duration::seconds(12));
    let waiting = f.app.board.queue.last().unwrap().id;
    f.other()
        .set_priority("Chen Li", waiting, bayboard::domain::Priority::Urgent, None)
        .unwrap();
    f.app.refresh().unwrap();
    assert!(f.app.flash.is_none(), "{:?}", f.app.flash);
}

#[test]
fn the_technician_hears_when_the_part_is_here_and_sees_what_blocks_them() {
    // Tom Baker's job waits for a water pump kit (demo).
    let mut t = demo(Some("Tom Baker"), Some("B2"));
    let n = t.app.selected_job().unwrap().id;
    assert_eq!(t.job(n).status, JobStatus::WaitingParts);
    let screen = render(&t.app, 120, 36);
    assert!(
        screen.contains("⛔ blocking") && screen.contains("ETA"),
        "{screen}"
    );
    let issue = t
        .app
        .workshop()
        .store()
        .read(|c| store::parts_for_job(c, n))
        .unwrap()
        .into_iter()
        .find(|p| p.blocking && p.status.is_open())
        .unwrap();
    t.other()
        .update_parts(
            "刘洋",
            issue.id,
            bayboard::domain::PartStatus::Resolved,
            None,
            None,
        )
        .unwrap();
    t.app.refresh().unwrap();
    assert_eq!(t.job(n).status, JobStatus::Paused);
    assert!(render(&t.app, 120, 36).contains("Parts here — s to resume"));
    key(&mut t.app, KeyCode::Char('s'));
    assert_eq!(t.job(n).status, JobStatus::InProgress, "{:?}", t.app.flash);
}

#[test]
fn the_qc_queue_puts_urgent_cars_first_and_flags_late_parts() {
    let mut f = demo(Some("Chen Li"), None);
    let last = f.app.board.qc.last().unwrap().id;
    f.other()
        .set_priority("Chen Li", last, bayboard::domain::Priority::Urgent, None)
        .unwrap();
    f.app.refresh().unwrap();
    assert_eq!(f.app.board.qc[0].id, last, "urgent first");
    // A part whose ETA has passed says so in words.
    let mut p = demo(Some("刘洋"), None);
    p.app.tick(now() + chrono::Duration::hours(6));
    let screen = render(&p.app, 160, 40);
    assert!(screen.contains("ETA passed"), "{screen}");
}

#[test]
fn the_dispatch_picker_ranks_by_the_jobs_words_and_says_why() {
    let mut f = demo(Some("Chen Li"), None);
    // J-000015 "Engine overheats in traffic" is first in the queue.
    let j = f.app.selected_job().unwrap().clone();
    assert!(j.complaint.contains("Engine"));
    key(&mut f.app, KeyCode::Char('d'));
    let Some(AnyForm::Dispatch(form)) = f.app.form() else {
        panic!("no dispatch form")
    };
    // A technician whose skills the job names, free, first, and why.
    assert_eq!(form.techs[0].name, "Ahmed Khan");
    assert!(
        form.techs[0].note.contains("engine ✓"),
        "{:?}",
        form.techs[0]
    );
    let screen = render(&f.app, 160, 48);
    assert!(screen.contains("engine ✓"), "{screen}");
    // With no mechanical bay free, a general bay comes before the
    // alignment bay for engine work.
    key(&mut f.app, KeyCode::Esc);
    let d1 = f
        .app
        .board
        .bays
        .iter()
        .find(|b| b.name == "D1")
        .and_then(|b| b.job.as_ref())
        .unwrap()
        .id;
    f.other()
        .act("Chen Li", d1, JobAction::Release, None, None)
        .unwrap();
    f.app.refresh().unwrap();
    key(&mut f.app, KeyCode::Char('d'));
    let Some(AnyForm::Dispatch(form)) = f.app.form() else {
        panic!("no dispatch form")
    };
    let free: Vec<&str> = form
        .bays
        .iter()
        .filter(|b| b.enabled)
        .map(|b| b.name.as_str())
        .collect();
    assert_eq!(free, vec!["D1", "A1"]);
}

#[test]
fn the_login_list_finds_by_typing_and_puts_this_bays_people_first() {
    let mut f = demo(None, None);
    chars(&mut f.app, "张");
    assert_eq!(f.app.login_list()[0].name, "张敏");
    key(&mut f.app, KeyCode::Esc);
    assert!(f.app.find.is_empty(), "Esc clears what was typed");
    assert!(!f.app.quit);
    chars(&mut f.app, "ww");
    assert_eq!(f.app.login_list()[0].name, "Wang Wei", "initials find");
    key(&mut f.app, KeyCode::Backspace);
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "quinn");
    assert!(!f.app.quit, "q types on the login screen");
    key(&mut f.app, KeyCode::Esc);
    // At bay B1 the technician working there comes first.
    let g = demo(None, Some("B1"));
    assert_eq!(g.app.login_list()[0].name, "Wang Wei");
    let mut h = demo(None, None);
    key(&mut h.app, KeyCode::Esc);
    assert!(h.app.quit, "Esc with nothing typed quits");
}

#[test]
fn the_dispatch_picker_finds_by_typing() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('d'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "张");
    let Some(AnyForm::Dispatch(form)) = f.app.form() else {
        panic!("no dispatch form")
    };
    assert_eq!(form.tech().unwrap().name, "张敏");
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "tb");
    let Some(AnyForm::Dispatch(form)) = f.app.form() else {
        panic!("no dispatch form")
    };
    assert_eq!(form.tech().unwrap().name, "Tom Baker", "initials");
    key(&mut f.app, KeyCode::Backspace);
    key(&mut f.app, KeyCode::Backspace);
    chars(&mut f.app, "tom");
    let Some(AnyForm::Dispatch(form)) = f.app.form() else {
        panic!("no dispatch form")
    };
    assert_eq!(form.tech().unwrap().name, "Tom Baker");
    assert!(render(&f.app, 160, 48).contains("find: tom"));
}

/// Issue 23: the cursor stays on the job the person looked at when the
/// list changes under it (an urgent job checked in elsewhere sorts above
/// it; the job above it is dispatched away).
#[test]
fn the_cursor_follows_its_job_when_the_list_changes_underneath() {
    let mut f = demo(Some("Chen Li"), None);
    assert_eq!(f.app.panel, Panel::Queue);
    down(&mut f.app, 2);
    let mine = f.app.selected_job().unwrap().id;
    let mut other = f.other();
    let n = new_job_in(&mut other, "Emma Clark", "MOVE-1");
    other
        .set_priority("Chen Li", n, bayboard::domain::Priority::Urgent, None)
        .unwrap();
    f.app.refresh().unwrap();
    let pos = |app: &bayboard::tui::App, id: i64| {
        app.queue_list().iter().position(|j| j.id == id).unwrap()
    };
    assert!(
        pos(&f.app, n) < pos(&f.app, mine),
        "the new job sorts above"
    );
    assert_eq!(f.app.sel.panels[Panel::Queue.index()], 3);
    assert_eq!(f.app.selected_job().unwrap().id, mine);
    let top = f.app.queue_list()[0].id;
    other
        .cancel("Chen Li", top, "customer changed their mind", None)
        .unwrap();
    f.app.refresh().unwrap();
    assert_eq!(f.app.selected_job().unwrap().id, mine);
    // The row itself leaving keeps the cursor's place in the list.
    let at = f.app.sel.panels[Panel::Queue.index()];
    other
        .cancel("Chen Li", mine, "customer changed their mind", None)
        .unwrap();
    f.app.refresh().unwrap();
    assert_eq!(f.app.sel.panels[Panel::Queue.index()], at);
}

/// Issue 23: a key that does nothing says so — someone else's key names
/// whose it is, a letter that is no key here points at `?`.
#[test]
fn keys_that_do_nothing_for_the_advisor_say_why() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('d'));
    assert!(
        f.flash().contains("dispatch is for the foreman"),
        "{}",
        f.flash()
    );
    key(&mut f.app, KeyCode::Char('x'));
    assert!(
        f.flash().contains("release is for the foreman"),
        "{}",
        f.flash()
    );
    key(&mut f.app, KeyCode::Char('s'));
    assert!(
        f.flash()
            .contains("s does nothing here: ? lists this screen's keys"),
        "{}",
        f.flash()
    );
    assert!(f.app.overlay.is_none());
}

/// Issue 23: a brake job offered the alignment bay hears that the bay's
/// kind does not fit the work.
#[test]
fn the_dispatch_picker_says_when_a_bay_does_not_fit_the_work() {
    let mut f = demo(Some("Chen Li"), None);
    let job = f
        .app
        .selected_job()
        .expect("the foreman's board opens on the queue");
    let want = bayboard::domain::people::suggested_bay_kind(&job.complaint);
    assert_ne!(
        want,
        bayboard::domain::BayKind::Alignment,
        "{}",
        job.complaint
    );
    key(&mut f.app, KeyCode::Char('d'));
    let screen = render(&f.app, 120, 40);
    let a1 = screen
        .lines()
        .find(|l| l.contains("A1 ") && l.contains("alignment · free"))
        .expect("the free alignment bay is offered");
    assert!(
        a1.contains(&format!("! not {}", want.label())),
        "{a1}\n{screen}"
    );
}
