//! The work order in the TUI: lines on the bay terminal, found work from
//! the technician, the advisor's Approvals, and the board's words for a job
//! waiting for the customer.

use crate::tuikit::*;
use bayboard::domain::{JobStatus, LineStatus, Urgency};
use bayboard::tui::forms::AnyForm;
use bayboard::tui::model::View;
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_bay_terminal_lists_the_lines_and_space_marks_them_done() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    assert_eq!(f.app.view, View::MyWork);
    let job = f.app.selected_job().unwrap().id;
    assert_eq!(f.app.my_lines().len(), 2);
    let screen = render(&f.app, 100, 30);
    assert!(screen.contains("Work order"), "{screen}");
    assert!(screen.contains("Brake fluid level check"), "{screen}");
    // f is not offered while lines are to do.
    assert!(!footer(&f.app).iter().any(|(k, _)| *k == "f"));
    key(&mut f.app, KeyCode::Char(' '));
    assert_eq!(f.app.my_lines()[0].status, LineStatus::Done);
    key(&mut f.app, KeyCode::Down);
    key(&mut f.app, KeyCode::Char(' '));
    assert_eq!(f.app.my_lines()[1].status, LineStatus::Done);
    assert!(footer(&f.app).iter().any(|(k, _)| *k == "f"));
    // Space again reopens.
    key(&mut f.app, KeyCode::Char(' '));
    assert_eq!(f.app.my_lines()[1].status, LineStatus::Approved);
    key(&mut f.app, KeyCode::Char(' '));
    key(&mut f.app, KeyCode::Char('f'));
    assert_eq!(
        f.job(job).status,
        JobStatus::InProgress,
        "finish is the self-check's list first"
    );
    let form = render(&f.app, 100, 30);
    assert!(
        form.contains("Self-check") && form.contains("tools"),
        "{form}"
    );
    // Nothing signed unmarked.
    ctrl(&mut f.app, 's');
    assert_eq!(f.job(job).status, JobStatus::InProgress);
    chars(&mut f.app, "ppp");
    ctrl(&mut f.app, 's');
    // The demo shop runs the peer check 互检.
    assert_eq!(f.job(job).status, JobStatus::PeerCheck, "{:?}", f.app.flash);
}

#[test]
fn found_work_from_the_bay_holds_the_job_when_blocking() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    let job = f.app.selected_job().unwrap().id;
    key(&mut f.app, KeyCode::Char('w'));
    assert!(matches!(f.app.form(), Some(AnyForm::FoundWork(_))));
    // Hours must be a number: refused next to the field, nothing written.
    chars(&mut f.app, "Rear pads at 2 mm");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('s'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "lots");
    key(&mut f.app, KeyCode::Enter);
    let Some(AnyForm::FoundWork(form)) = f.app.form() else {
        panic!("form closed")
    };
    assert!(form.errors.get(bayboard::domain::Field::Hours).is_some());
    assert!(render(&f.app, 100, 30).contains("✗ hours"));
    for _ in 0..4 {
        key(&mut f.app, KeyCode::Backspace);
    }
    chars(&mut f.app, "1.2");
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "680");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char(' '));
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    assert_eq!(f.job(job).status, JobStatus::WaitingApproval);
    assert!(
        f.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .contains("waits for the customer")
    );
    let added = f.app.my_lines().last().unwrap().clone();
    assert_eq!(
        (
            added.status,
            added.urgency,
            added.blocking,
            added.hours,
            added.amount
        ),
        (
            LineStatus::Proposed,
            Some(Urgency::Safety),
            true,
            Some(1.2),
            Some(68000)
        )
    );
    // The foreman's board says so, in words and with the symbol.
    let mut boss = demo(Some("Chen Li"), None);
    boss.app.reload();
    let boss = Fixture {
        app: bayboard::tui::App::new(f.other(), Some("Chen Li"), None, now(), tz()).unwrap(),
        dir: boss.dir,
    };
    let screen = render(&boss.app, 160, 48);
    assert!(
        screen
            .lines()
            .any(|l| l.contains("B1") && l.contains("✎ waiting approval")),
        "{screen}"
    );
}

#[test]
fn the_advisor_approves_in_two_keys_and_the_job_goes_back_to_work() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('5'));
    assert_eq!(f.app.view, View::Approvals);
    // Safety first, then the oldest.
    let list = &f.app.board.approvals;
    assert!(list.len() >= 2);
    assert_eq!(list[0].line.urgency, Some(Urgency::Safety));
    let screen = render(&f.app, 120, 30);
    assert!(
        screen.contains("赵磊") && screen.contains("Front brake pads"),
        "{screen}"
    );
    let job = list[0].line.job;
    assert_eq!(f.job(job).status, JobStatus::WaitingApproval);
    key(&mut f.app, KeyCode::Char('a'));
    let Some(AnyForm::Decision(form)) = f.app.form() else {
        panic!("no decision form")
    };
    assert_eq!(
        form.customer.value(),
        "赵磊",
        "the job's customer to start with"
    );
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    assert_eq!(
        f.job(job).status,
        JobStatus::Paused,
        "back where it was, clock off"
    );
    assert!(
        f.app
            .flash
            .as_ref()
            .unwrap()
            .text
            .contains("approved by 赵磊")
    );
    // A decline records the channel chosen with one key.
    key(&mut f.app, KeyCode::Char('x'));
    key(&mut f.app, KeyCode::Char('m'));
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.board.approvals.is_empty(), "{:?}", f.app.flash);
    let c = rusqlite::Connection::open(f.db()).unwrap();
    let via: String = c
        .query_row(
            "SELECT decided_via FROM lines WHERE status = 'declined' ORDER BY decided_at DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(via, "message");
    // A technician has no Approvals view.
    let mut t = demo(Some("Wang Wei"), None);
    key(&mut t.app, KeyCode::Char('5'));
    assert_ne!(t.app.view, View::Approvals);
}

#[test]
fn the_technicians_panel_shows_sold_hours_and_efficiency_when_wide() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    key(&mut f.app, KeyCode::Char(' '));
    let f = Fixture {
        app: bayboard::tui::App::new(f.other(), Some("Chen Li"), None, now(), tz()).unwrap(),
        dir: f.dir,
    };
    let wang = f
        .app
        .board
        .technicians
        .iter()
        .find(|t| t.name == "Wang Wei")
        .unwrap();
    assert!(wang.sold_today >= 2.0, "{wang:?}");
    let screen = render(&f.app, 200, 50);
    assert!(screen.contains("clocked · sold · eff."), "{screen}");
    assert!(
        screen
            .lines()
            .any(|l| l.contains("Wang Wei") && l.contains('%')),
        "{screen}"
    );
}

#[test]
fn the_approvals_columns_line_up_at_80_columns() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('5'));
    let screen = render(&f.app, 80, 24);
    let header = screen.lines().find(|l| l.contains("Customer")).unwrap();
    let row = screen.lines().find(|l| l.contains("辽B")).unwrap();
    // The plate sits under "Plate" (the job number is left out here).
    let col = |s: &str, what: &str| s.find(what).unwrap();
    assert_eq!(col(header, "Plate"), col(row, "辽B"), "{header}\n{row}");
    assert!(!row.contains("J-000019"), "{row}");
}

#[test]
fn found_work_at_the_bay_can_be_an_operation_of_the_price_list() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    let job = f.app.selected_job().unwrap().id;
    key(&mut f.app, KeyCode::Char('w'));
    key(&mut f.app, KeyCode::Tab);
    chars(&mut f.app, "zhidongye");
    key(&mut f.app, KeyCode::Enter);
    // What, hours and parts now come from the list and are not typed.
    let screen = render(&f.app, 80, 24);
    assert!(
        screen.contains("Replace brake fluid") && screen.contains("from the price list"),
        "{screen}"
    );
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('s'));
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    let lines = f
        .app
        .workshop()
        .store()
        .read(|c| bayboard::store::lines_for_job(c, job))
        .unwrap();
    let found = lines.last().unwrap();
    assert_eq!(found.op.as_deref(), Some("BRK-FLUID"));
    assert_eq!(found.hours, Some(0.8));
    assert_eq!(found.list_price, Some(24_000));
    assert_eq!(found.kind, bayboard::domain::LineKind::Added);
}

/// Issue 23: the technician is told when the customer decided on found
/// work, not left to notice that the job turned paused.
#[test]
fn the_bay_terminal_hears_when_the_customer_decides() {
    let mut f = demo(Some("Wang Wei"), Some("B1"));
    let job = f.app.selected_job().unwrap().id;
    let found = bayboard::workshop::LineInput {
        work: "Rear pads at 2 mm".into(),
        hours: Some(1.5),
        found: Some(bayboard::workshop::Found {
            urgency: Urgency::Safety,
            blocking: true,
        }),
        ..Default::default()
    };
    let line = f.other().add_line("Wang Wei", job, &found, None).unwrap();
    f.app.refresh().unwrap();
    assert_eq!(f.job(job).status, JobStatus::WaitingApproval);
    assert!(!f.flash().contains("decided"), "{}", f.flash());
    f.other()
        .decide_line(
            "Emma Clark",
            line.id,
            true,
            "Mr Wang",
            bayboard::domain::Via::Phone,
            None,
        )
        .unwrap();
    f.app.refresh().unwrap();
    assert!(
        f.flash().contains("the customer has decided") && f.flash().contains("s resumes"),
        "{}",
        f.flash()
    );
    // The estimate grows by the found work the customer approved.
    let j = f.job(job);
    assert_eq!(j.estimate(), j.estimate_hours.map(|e| e + 1.5));
    let shown = format!("/{:.1} h", j.estimate().unwrap());
    assert!(render(&f.app, 120, 40).contains(&shown), "{shown}");
}

/// Issue 23: at 80 columns the table cuts the phone and the work; the
/// selected line is written out in full under it.
#[test]
fn approvals_at_80_columns_show_the_selected_line_in_full() {
    let mut f = demo(Some("Emma Clark"), None);
    key(&mut f.app, KeyCode::Char('5'));
    let a = f.app.selected_approval().unwrap().clone();
    let screen = render(&f.app, 80, 24);
    let phone = a.phone.clone().expect("the demo's customer has a phone");
    assert!(screen.contains(&phone), "{screen}");
    let work: String = a.line.work.chars().take(30).collect();
    assert!(screen.contains(&work), "{screen}");
}

/// Issue 24: the QC inspector raises found work from the QC view (`w`); it
/// goes to the advisor's Approvals and a blocking one parks the job.
#[test]
fn found_work_at_inspection_from_the_qc_view() {
    let mut f = demo(Some("Olga Petrova"), None);
    assert_eq!(f.app.view, View::Qc);
    let pos = f
        .app
        .qc_list()
        .iter()
        .position(|j| j.status == JobStatus::ReadyForQc)
        .unwrap();
    down(&mut f.app, pos);
    let job = f.app.selected_job().unwrap().id;
    assert!(footer(&f.app).iter().any(|(k, _)| *k == "w"));
    key(&mut f.app, KeyCode::Char('w'));
    assert!(matches!(f.app.form(), Some(AnyForm::FoundWork(_))));
    chars(&mut f.app, "Rear pads at 2 mm");
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char('s'));
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Tab);
    key(&mut f.app, KeyCode::Char(' '));
    // Issue 24: who pays, chosen in the form: → from the customer is
    // warranty.
    key(&mut f.app, KeyCode::Tab);
    assert!(footer(&f.app).iter().any(|(_, l)| *l == "who pays"));
    assert!(!footer(&f.app).iter().any(|(k, _)| *k == "s/o/a"));
    key(&mut f.app, KeyCode::Right);
    assert!(render(&f.app, 80, 24).contains("◂ warranty (maker's claim) ▸"));
    key(&mut f.app, KeyCode::Enter);
    assert!(f.app.overlay.is_none(), "{:?}", f.app.flash);
    assert_eq!(f.job(job).status, JobStatus::WaitingApproval);
    let proposed = f
        .app
        .workshop()
        .store()
        .read(bayboard::store::approvals)
        .unwrap();
    let line = proposed
        .iter()
        .find(|a| a.line.work == "Rear pads at 2 mm")
        .expect("proposed to the advisor");
    assert_eq!(line.line.payer, bayboard::domain::warranty::Payer::Warranty);
}
