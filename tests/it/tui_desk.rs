//! The advisor's desk in the board: Today, Follow-up and Complaints.

use crate::tuikit::*;
use bayboard::domain::Field;
use bayboard::domain::aftersales::ComplaintStatus;
use bayboard::domain::appointments::ApptState;
use bayboard::tui::forms::AnyForm;
use bayboard::tui::model::View;
use ratatui::crossterm::event::KeyCode;

fn select_row(f: &mut Fixture, pred: impl Fn(&bayboard::tui::App) -> bool) {
    for _ in 0..10 {
        if pred(&f.app) {
            return;
        }
        key(&mut f.app, KeyCode::Down);
    }
    panic!("no such row");
}

#[test]
fn a_late_booking_arrives_as_a_job_in_three_keys() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('6'));
    assert_eq!(f.app.view, View::Today);
    let screen = render(&f.app, 120, 30);
    assert!(
        screen.contains("GK17 NBV") && screen.contains("late"),
        "{screen}"
    );
    assert!(
        screen.contains("no-show") && screen.contains("LOAD AHEAD"),
        "{screen}"
    );
    let queue = f.app.board.queue.len();
    select_row(&mut f, |a| {
        a.selected_appt().is_some_and(|x| x.plate == "GK17 NBV")
    });
    assert_eq!(f.app.selected_appt().unwrap().state, ApptState::Late);
    assert!(
        footer(&f.app)
            .iter()
            .any(|(k, l)| *k == "a" && *l == "arrived")
    );
    key(&mut f.app, KeyCode::Char('a'));
    // The reception form, filled from the booking, waits for the walk-around.
    let screen = render(&f.app, 120, 40);
    assert!(
        screen.contains("Arrival of A-") && screen.contains("Clutch judder"),
        "{screen}"
    );
    chars(&mut f.app, "61200");
    decline_walkaround(&mut f.app);
    key(&mut f.app, KeyCode::Enter);
    assert!(
        f.app.flash.as_ref().unwrap().text.contains("arrived"),
        "{:?}",
        f.app.flash
    );
    assert_eq!(f.app.board.queue.len(), queue + 1);
    assert!(f.app.board.queue.iter().any(|j| j.plate == "GK17 NBV"));
    assert_eq!(f.app.selected_appt().unwrap().state, ApptState::Arrived);
    assert!(
        !footer(&f.app).iter().any(|(k, _)| *k == "a"),
        "arrived once"
    );
}

#[test]
fn a_follow_up_call_is_logged_in_a_few_keys_and_a_low_score_opens_a_complaint() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('7'));
    let due = f.app.board.followups.len();
    assert!(due >= 2);
    let complaints = f.app.board.complaints.len();
    let job = f.app.selected_followup().unwrap().job;
    key(&mut f.app, KeyCode::Char('r'));
    chars(&mut f.app, "seven");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        render(&f.app, 120, 30).contains("start with the customer's score"),
        "a score first"
    );
    for _ in 0.."seven".len() {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "1 the noise is back");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    assert!(
        f.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .contains("opened (severity 2)")
    );
    assert_eq!(f.app.board.followups.len(), due - 1);
    assert_eq!(f.app.board.complaints.len(), complaints + 1);
    assert!(f.app.board.complaints.iter().any(|c| c.job == Some(job)));
    // A miss: m, a note, Enter.
    key(&mut f.app, KeyCode::Char('m'));
    chars(&mut f.app, "voicemail");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        f.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .contains("not reached (1 of 3 tries)"),
        "{:?}",
        f.app.flash
    );
}

#[test]
fn complaints_move_on_one_step_at_a_time() {
    let mut f = demo(Some("Chen Li"), None);
    key(&mut f.app, KeyCode::Char('8'));
    let screen = render(&f.app, 120, 30);
    assert!(screen.contains("RESPONSE OVERDUE"), "{screen}");
    select_row(&mut f, |a| {
        a.selected_complaint()
            .is_some_and(|c| c.status == ComplaintStatus::Open)
    });
    let id = f.app.selected_complaint().unwrap().id;
    assert!(
        !footer(&f.app).iter().any(|(k, _)| *k == "c"),
        "close comes after resolve"
    );
    // Acknowledging takes a note if there is one; Enter alone is fine.
    key(&mut f.app, KeyCode::Char('a'));
    assert!(render(&f.app, 120, 30).contains("optional: what the customer was told"));
    chars(&mut f.app, "called back, apologised");
    key(&mut f.app, KeyCode::Enter);
    let c = f.app.board.complaints.iter().find(|c| c.id == id).unwrap();
    assert_eq!(c.status, ComplaintStatus::Acknowledged);
    // Resolving needs what was done: refused empty, in the form.
    key(&mut f.app, KeyCode::Char('r'));
    key(&mut f.app, KeyCode::Enter);
    assert!(
        render(&f.app, 120, 30).contains("write what was done"),
        "a resolution says what was done"
    );
    chars(&mut f.app, "re-torqued the wheel nuts, customer satisfied");
    key(&mut f.app, KeyCode::Enter);
    let c = f.app.board.complaints.iter().find(|c| c.id == id).unwrap();
    assert_eq!(
        c.status,
        ComplaintStatus::Resolved,
        "it stays listed, to be closed"
    );
    select_row(&mut f, |a| {
        a.selected_complaint().is_some_and(|c| c.id == id)
    });
    assert!(footer(&f.app).iter().any(|(k, _)| *k == "c"));
    key(&mut f.app, KeyCode::Char('c'));
    chars(&mut f.app, "customer confirmed by phone");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        f.app.board.complaints.iter().all(|c| c.id != id),
        "closed leaves the list"
    );
    // Each step's note is on the record.
    let notes: Vec<String> = f
        .app
        .workshop()
        .store()
        .read(|c| {
            let mut st = c.prepare(
                "SELECT note FROM events WHERE kind LIKE 'complaint_%' AND note IS NOT NULL",
            )?;
            let notes = st
                .query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()?;
            Ok(notes)
        })
        .unwrap();
    for want in ["apologised", "re-torqued", "confirmed by phone"] {
        assert!(notes.iter().any(|n| n.contains(want)), "{want}: {notes:?}");
    }
}

#[test]
fn the_desk_is_the_advisors_and_the_foremans() {
    let mut f = demo(Some("Wang Wei"), None);
    key(&mut f.app, KeyCode::Char('6'));
    assert_ne!(f.app.view, View::Today);
    assert!(
        f.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .contains("not among your views")
    );
}

#[test]
fn the_check_in_form_takes_the_walk_around() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('n'));
    chars(&mut f.app, "粤B·WALK1");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Brake noise");
    for _ in 0..8 {
        key(&mut f.app, KeyCode::Tab);
    }
    chars(&mut f.app, "45800");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "9/8");
    for _ in 0..5 {
        key(&mut f.app, KeyCode::Tab);
    }
    key(&mut f.app, KeyCode::Char(' '));
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char(' '));
    key(&mut f.app, KeyCode::Enter);
    let screen = render(&f.app, 120, 40);
    assert!(
        screen.contains("not a fuel level"),
        "the fuel is refused in its field:\n{screen}"
    );
    // The refusal put the cursor on the fuel.
    for _ in 0..3 {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "3/8");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "front bumper: scratch; rear door: dent");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "sunglasses");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "ABS");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    let job = f
        .app
        .board
        .queue
        .iter()
        .find(|j| j.plate == "粤B·WALK1")
        .unwrap()
        .clone();
    assert!(job.customer_waiting);
    assert_eq!(job.vehicle.odometer_km, Some(45800));
    let w = f
        .app
        .workshop()
        .store()
        .read(|c| bayboard::store::walkaround(c, job.id))
        .unwrap()
        .unwrap();
    assert_eq!(w.fuel_eighths, Some(3));
    assert_eq!(w.damages.len(), 2);
    assert_eq!(w.damages[1].place, "rear door");
    assert_eq!(w.valuables.as_deref(), Some("sunglasses"));
    assert!(w.return_old_parts);
}

#[test]
fn a_check_in_says_when_it_is_a_comeback() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('n'));
    chars(&mut f.app, "沪A·88K21");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Grinding again");
    decline_walkaround(&mut f.app);
    key(&mut f.app, KeyCode::Enter);
    let flash = &f.app.flash.as_ref().unwrap().text;
    assert!(flash.contains("a comeback of J-000001"), "{flash}");
}

#[test]
fn the_check_in_form_quotes_operations_of_the_price_list() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('n'));
    chars(&mut f.app, "粤B·OPS01");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Pulls to the left");
    key(&mut f.app, KeyCode::Tab);
    // Found by the initials of 四轮定位; Enter takes it, the form stays.
    chars(&mut f.app, "sldw");
    let screen = render(&f.app, 80, 24);
    assert!(
        screen.contains("⏎ takes CNY 300.00 · 1.0 h · ALN-4W"),
        "{screen}"
    );
    key(&mut f.app, KeyCode::Enter);
    chars(&mut f.app, "mnt-10k");
    key(&mut f.app, KeyCode::Enter);
    chars(&mut f.app, "zzz");
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::CheckIn(form)) = f.app.form() else {
        panic!("form closed")
    };
    assert_eq!(form.ops.codes(), ["ALN-4W", "MNT-10K"]);
    assert!(form.errors.get(Field::Op).unwrap().contains("zzz"));
    for _ in 0..3 {
        key(&mut f.app, KeyCode::Backspace);
    }
    // Two hours at the demo's ¥300.00: the estimate, on an 80×24 screen.
    let screen = render(&f.app, 80, 24);
    assert!(
        screen.contains("labour estimate CNY 600.00 · 2.0 h: ALN-4W · MNT-10K"),
        "{screen}"
    );
    // Backspace on an empty field gives the last one back; take it again.
    key(&mut f.app, KeyCode::Backspace);
    let Some(AnyForm::CheckIn(form)) = f.app.form() else {
        panic!("form closed")
    };
    assert_eq!(form.ops.codes(), ["ALN-4W"]);
    chars(&mut f.app, "1万");
    key(&mut f.app, KeyCode::Enter);
    // Enter with nothing typed checks the car in: the demo shop's rule
    // wants the walk-around first (on the fuel field), or the customer's no.
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::CheckIn(form)) = f.app.form() else {
        panic!("checked in without a walk-around")
    };
    assert_eq!(form.field, Field::Fuel);
    assert!(
        form.errors
            .get(Field::Fuel)
            .unwrap()
            .contains("walk-around"),
        "{:?}",
        form.errors.get(Field::Fuel)
    );
    decline_walkaround(&mut f.app);
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    let job = f
        .app
        .board
        .queue
        .iter()
        .find(|j| j.plate == "粤B·OPS01")
        .unwrap()
        .clone();
    assert_eq!(job.estimate_accepted, Some(60_000));
    let lines = f
        .app
        .workshop()
        .store()
        .read(|c| bayboard::store::lines_for_job(c, job.id))
        .unwrap();
    let ops: Vec<_> = lines.iter().filter_map(|l| l.op.clone()).collect();
    assert_eq!(ops, ["ALN-4W", "MNT-10K"]);
}

/// What is typed in the operation field but not taken is never dropped,
/// and on 80×24 the form scrolls to the focused field, toggles included.
#[test]
fn the_check_in_form_keeps_typed_operations_and_scrolls_to_every_field() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('n'));
    chars(&mut f.app, "粤B·OPS02");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "Brake squeal");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "shache");
    let screen = render(&f.app, 80, 24);
    // The plainest match first: pads before discs and pads.
    assert!(
        screen.contains("⏎ takes CNY 300.00 · 1.0 h · BRK-PAD-F"),
        "{screen}"
    );
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::CheckIn(form)) = f.app.form() else {
        panic!("form closed: the typed operation was dropped")
    };
    assert!(form.errors.get(Field::Op).unwrap().contains("shache"));
    assert_eq!(form.field, Field::Op);
    for _ in 0..14 {
        key(&mut f.app, KeyCode::Tab);
    }
    let Some(AnyForm::CheckIn(form)) = f.app.form() else {
        panic!("form closed")
    };
    assert_eq!(form.field, Field::ReturnOldParts);
    let screen = render(&f.app, 80, 24);
    assert!(screen.contains("▸Old parts"), "{screen}");
}

/// Issue 23: ⏎ on a complaint or a follow-up call opens its job (delivered
/// and off the board) with the timeline, where the complaint reads whole.
#[test]
fn enter_on_a_complaint_or_a_call_opens_its_job() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('8'));
    let c = f.app.selected_complaint().unwrap().clone();
    let Some(job) = c.job else {
        panic!("the demo's first complaint has a job")
    };
    key(&mut f.app, KeyCode::Enter);
    let d = f.app.detail.as_ref().expect("the job's details opened");
    assert_eq!(d.job.id, job);
    key(&mut f.app, KeyCode::Esc);
    key(&mut f.app, KeyCode::Char('7'));
    let call = f.app.selected_followup().unwrap().job;
    key(&mut f.app, KeyCode::Enter);
    assert_eq!(f.app.detail.as_ref().unwrap().job.id, call);
}

/// Issue 24: the service reminder call from Today. The cursor goes on from
/// the bookings to the cars due; an unanswered call keeps the car listed,
/// a reached one takes it off, each logged on the delivered job.
#[test]
fn the_service_reminder_call_is_logged_from_today() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('6'));
    let due = f
        .app
        .board
        .service_due
        .first()
        .expect("the demo has a car due")
        .clone();
    assert!(
        footer(&f.app).iter().all(|(k, _)| *k != "r"),
        "not on a booking"
    );
    let bookings = f.app.board.today.len();
    down(&mut f.app, bookings);
    assert_eq!(f.app.selected_due().map(|d| d.job), Some(due.job));
    assert_eq!(f.app.row_job(), Some(due.job), "⏎ opens the delivered job");
    key(&mut f.app, KeyCode::Char('m'));
    assert!(matches!(f.app.form(), Some(AnyForm::Text(_))));
    chars(&mut f.app, "voicemail");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.flash().contains("reminder call logged"), "{}", f.flash());
    assert!(f.app.board.service_due.iter().any(|d| d.job == due.job));
    assert_eq!(f.app.selected_due().map(|d| d.job), Some(due.job));
    key(&mut f.app, KeyCode::Char('r'));
    chars(&mut f.app, "booked for Tuesday 9:00");
    key(&mut f.app, KeyCode::Enter);
    assert!(!f.app.board.service_due.iter().any(|d| d.job == due.job));
    if f.app.board.service_due.is_empty() {
        assert!(
            f.app.selected_appt().is_some(),
            "the last car reminded: the cursor goes back to a booking"
        );
    }
    let notes: Vec<String> = f
        .app
        .workshop()
        .store()
        .read(|c| {
            let mut st =
                c.prepare("SELECT note FROM events WHERE job_id = ?1 AND kind = 'reminder_called' ORDER BY id")?;
            let rows = st.query_map([due.job], |r| r.get(0))?;
            Ok(rows.collect::<Result<Vec<String>, _>>()?)
        })
        .unwrap();
    assert_eq!(notes, ["voicemail", "booked for Tuesday 9:00"]);
}

/// Issue 24: the vehicle file on the board, from a job's details: `v`
/// shows the car across its visits (with its recall), Esc goes back to the
/// job, and again to the board.
#[test]
fn the_vehicle_file_opens_from_a_jobs_details() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('/'));
    chars(&mut f.app, "6D3K9");
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.detail.is_some(), "{}", f.flash());
    assert!(
        footer(&f.app)
            .iter()
            .any(|(k, l)| *k == "v" && *l == "vehicle file")
    );
    key(&mut f.app, KeyCode::Char('v'));
    let file = f.app.vehicle_file.as_ref().expect("loaded");
    assert!(file.vehicle.plate.contains("6D3K9"));
    let screen = render(&f.app, 80, 24);
    assert!(screen.contains("vehicle file"), "{screen}");
    assert!(screen.contains("RC-2026-031"), "the open recall: {screen}");
    assert!(!footer(&f.app).iter().any(|(k, _)| *k == "v"));
    key(&mut f.app, KeyCode::Esc);
    assert!(f.app.vehicle_file.is_none());
    assert!(f.app.detail.is_some(), "back to the job");
    key(&mut f.app, KeyCode::Esc);
    assert!(f.app.detail.is_none());
}

/// Issue 24: the warranty desk under Approvals. A job whose warranty line
/// has no claim is listed; `c` opens its claim (every part required), and
/// on a claim moves it on: submitted → approved with the maker's number →
/// paid, each an event on the job; a paid claim leaves the desk.
#[test]
fn a_warranty_claim_is_opened_and_paid_from_the_board() {
    let mut f = demo(Some("Emma Clark"), None);
    let job = f.app.board.queue[0].id;
    let input = bayboard::workshop::LineInput {
        work: "Replace leaking water pump".into(),
        hours: Some(1.5),
        payer: bayboard::domain::warranty::Payer::Warranty,
        ..Default::default()
    };
    f.other().add_line("Emma Clark", job, &input, None).unwrap();
    f.app.reload();
    key(&mut f.app, KeyCode::Char('5'));
    let to_claim = f
        .app
        .board
        .to_claim
        .iter()
        .position(|t| t.job == job)
        .unwrap();
    let approvals = f.app.board.approvals.len();
    down(&mut f.app, approvals + to_claim);
    assert!(
        footer(&f.app)
            .iter()
            .any(|(k, l)| *k == "c" && *l == "claim")
    );
    assert!(render(&f.app, 80, 24).contains("no claim yet"));
    key(&mut f.app, KeyCode::Char('c'));
    chars(&mut f.app, "coolant loss");
    key(&mut f.app, KeyCode::Enter);
    assert!(
        render(&f.app, 80, 24).contains("required"),
        "every part of the claim"
    );
    // The cursor is on the first part missing.
    chars(&mut f.app, "pump seal worn");
    for text in ["pump replaced", "WP-2231"] {
        key(&mut f.app, KeyCode::Tab);
        chars(&mut f.app, text);
    }
    key(&mut f.app, KeyCode::Enter);
    assert!(
        f.flash().contains("opened"),
        "{}\n{}",
        f.flash(),
        render(&f.app, 80, 24)
    );
    assert!(!f.app.board.to_claim.iter().any(|t| t.job == job));
    let claim = f
        .app
        .board
        .claims
        .iter()
        .find(|c| c.job == job)
        .unwrap()
        .clone();
    assert_eq!(claim.status.as_str(), "open");
    assert_eq!(claim.part, "WP-2231");
    let row = f
        .app
        .board
        .claims
        .iter()
        .position(|c| c.id == claim.id)
        .unwrap();
    let at = f.app.board.approvals.len() + f.app.board.to_claim.len() + row;
    let step = |f: &mut Fixture, keys: &[KeyCode], number: Option<&str>| {
        while f.app.sel.approvals > at {
            key(&mut f.app, KeyCode::Up);
        }
        let from = f.app.sel.approvals;
        down(&mut f.app, at - from);
        key(&mut f.app, KeyCode::Char('c'));
        for k in keys {
            key(&mut f.app, *k);
        }
        if let Some(n) = number {
            key(&mut f.app, KeyCode::Tab);
            chars(&mut f.app, n);
        }
        key(&mut f.app, KeyCode::Enter);
        f.app
            .board
            .claims
            .iter()
            .find(|c| c.id == claim.id)
            .map(|c| (c.status.as_str(), c.number.clone()))
    };
    assert_eq!(step(&mut f, &[], None), Some(("submitted", None)));
    // Submitted goes to approved or rejected: approved, the first.
    let approved = step(&mut f, &[], Some("FAW-2026-1188"));
    assert_eq!(approved, Some(("approved", Some("FAW-2026-1188".into()))));
    assert_eq!(step(&mut f, &[], None), None, "paid: off the desk");
    let kinds = sql_kinds(&f, job);
    assert_eq!(
        kinds,
        [
            "claim_opened",
            "claim_updated",
            "claim_updated",
            "claim_updated"
        ]
    );
}

fn sql_kinds(f: &Fixture, job: i64) -> Vec<String> {
    f.app
        .workshop()
        .store()
        .read(|c| {
            let mut st = c.prepare(
                "SELECT kind FROM events WHERE job_id = ?1 AND kind LIKE 'claim%' ORDER BY id",
            )?;
            let rows = st.query_map([job], |r| r.get(0))?;
            Ok(rows.collect::<Result<Vec<String>, _>>()?)
        })
        .unwrap()
}

/// Issue 24: the check-in form flags an open recall campaign while the
/// plate is typed, however it is spelt; another car's plate shows none.
#[test]
fn the_check_in_form_flags_a_recall_while_the_plate_is_typed() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('1'));
    key(&mut f.app, KeyCode::Char('n'));
    chars(&mut f.app, "川a 6d3k");
    assert!(
        !render(&f.app, 80, 24).contains("RC-2026-031"),
        "not yet the whole plate"
    );
    chars(&mut f.app, "9");
    let screen = render(&f.app, 80, 24);
    assert!(screen.contains("open recall RC-2026-031"), "{screen}");
    for _ in 0..8 {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "粤B12345");
    assert!(!render(&f.app, 80, 24).contains("open recall"));
}

/// Issue 24: a claim moved on elsewhere while its form is open on the
/// board: the form says so and offers the claim's next steps from there.
#[test]
fn a_claim_form_follows_a_claim_moved_elsewhere() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('5'));
    let claim = f.app.board.claims[0].clone();
    assert_eq!(claim.status.as_str(), "submitted");
    let at = f.app.board.approvals.len() + f.app.board.to_claim.len();
    down(&mut f.app, at);
    key(&mut f.app, KeyCode::Char('c'));
    f.other()
        .update_claim(
            "Emma Clark",
            claim.id,
            bayboard::domain::warranty::ClaimStatus::Approved,
            Some("FAW-1"),
            None,
        )
        .unwrap();
    // Another terminal's write arrives.
    f.app.reload();
    assert!(matches!(f.app.form(), Some(AnyForm::Claim(_))));
    let screen = render(&f.app, 80, 24);
    assert!(screen.contains("moved on elsewhere"), "{screen}");
    key(&mut f.app, KeyCode::Enter);
    let now = f.app.board.claims.iter().find(|c| c.id == claim.id);
    assert!(now.is_none(), "approved → paid, off the desk: {now:?}");
}

/// Issue 24: after a write, the cursor on the warranty desk stays on its
/// row, not on the last approval.
#[test]
fn the_cursor_stays_on_the_warranty_desk_after_a_write() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('5'));
    let at = f.app.board.approvals.len() + f.app.board.to_claim.len();
    down(&mut f.app, at);
    let claim = f.app.board.claims[0].id;
    f.other()
        .set_priority(
            "Chen Li",
            f.app.board.queue[0].id,
            bayboard::domain::Priority::High,
            None,
        )
        .unwrap();
    f.app.reload();
    assert!(
        matches!(f.app.selected_desk(), Some(bayboard::tui::select::DeskRow::Claim(c)) if c.id == claim),
        "{:?}",
        f.app.sel.approvals
    );
}
