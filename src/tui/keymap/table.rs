//! The keymap's one table, and the scopes and conditions its rows use.
//! To add a key, add a row here; the handler, footer and help follow.

use super::{Action, Binding, Need, Scope, bind};
use crate::domain::aftersales::ComplaintStatus;
use crate::domain::documents::Document;
use crate::domain::{ItemResult, JobAction, JobStatus, PartStatus, Role};
use crate::tui::dash::Period;
use crate::tui::forms::{Focus, FormAction, FormKind};
use crate::tui::model::{Model, View};
use ratatui::crossterm::event::KeyCode;

pub(super) fn always(_: &Model) -> bool {
    true
}

fn focus(m: &Model) -> Option<Focus> {
    m.form().map(|f| f.get().focus())
}

use KeyCode::{BackTab, Backspace, Char, Down, Enter, Esc, Left, PageDown, PageUp, Right, Tab, Up};
use Scope::Form as F;

const MAIN: &[Scope] = &[Scope::Main];
const BOARD: &[Scope] = &[Scope::View(View::Board)];
const BOARD_QC: &[Scope] = &[Scope::View(View::Board), Scope::View(View::Qc)];
const BOARD_PARTS: &[Scope] = &[Scope::View(View::Board), Scope::View(View::Parts)];
const MY_WORK: &[Scope] = &[Scope::View(View::MyWork)];
const EVERYWHERE: &[Scope] = &[
    Scope::Login,
    Scope::Main,
    Scope::Detail,
    Scope::Help,
    Scope::Confirm,
    F(FormKind::Dispatch),
    F(FormKind::Priority),
    F(FormKind::Text),
    F(FormKind::PartsLog),
    F(FormKind::Inspect),
    F(FormKind::CheckIn),
    F(FormKind::Pin),
    F(FormKind::FoundWork),
    F(FormKind::Decision),
    F(FormKind::Find),
    F(FormKind::Printer),
    F(FormKind::Deliver),
    F(FormKind::Claim),
];
const LOGIN: &[Scope] = &[Scope::Login];
const DETAIL: &[Scope] = &[Scope::Detail];
const DISPATCH: &[Scope] = &[F(FormKind::Dispatch)];
const PRIORITY: &[Scope] = &[F(FormKind::Priority)];
const PRINTER: &[Scope] = &[F(FormKind::Printer)];
const DELIVER: &[Scope] = &[F(FormKind::Deliver)];
const PARTS_LOG: &[Scope] = &[F(FormKind::PartsLog)];
const CHECK_IN: &[Scope] = &[F(FormKind::CheckIn)];
const INSPECT: &[Scope] = &[F(FormKind::Inspect)];
const CLAIM: &[Scope] = &[F(FormKind::Claim)];
const FIELDS: &[Scope] = &[
    F(FormKind::Claim),
    F(FormKind::Deliver),
    F(FormKind::PartsLog),
    F(FormKind::CheckIn),
    F(FormKind::FoundWork),
    F(FormKind::Decision),
];
const FOUND: &[Scope] = &[F(FormKind::FoundWork)];
const DECISION: &[Scope] = &[F(FormKind::Decision)];
const FIND: &[Scope] = &[F(FormKind::Find)];
const APPROVALS: &[Scope] = &[Scope::View(View::Approvals)];
const TODAY: &[Scope] = &[Scope::View(View::Today)];
const FOLLOWUP: &[Scope] = &[Scope::View(View::Followup)];
const CALLS: &[Scope] = &[
    Scope::View(View::Board),
    Scope::View(View::Qc),
    Scope::View(View::Followup),
];
const COMPLAINTS: &[Scope] = &[Scope::View(View::Complaints)];
const DASHBOARD: &[Scope] = &[Scope::View(View::Dashboard)];
const DECIDERS: &[Role] = &[Role::Advisor, Role::Foreman];
const WASHERS: &[Role] = &[Role::Advisor, Role::Foreman, Role::Technician];
/// The internal hand-over: the inspector, or the advisor or foreman.
const HANDERS: &[Role] = &[Role::Qc, Role::Advisor, Role::Foreman];
const ANY_FORM: &[Scope] = &[
    F(FormKind::Dispatch),
    F(FormKind::Priority),
    F(FormKind::Text),
    F(FormKind::PartsLog),
    F(FormKind::Inspect),
    F(FormKind::CheckIn),
    F(FormKind::Pin),
    F(FormKind::FoundWork),
    F(FormKind::Decision),
    F(FormKind::Find),
    F(FormKind::Printer),
    F(FormKind::Deliver),
    F(FormKind::Claim),
];
const FOREMAN_PARTS: &[Role] = &[Role::Parts, Role::Foreman];
const PARTS_LOGGERS: &[Role] = &[Role::Technician, Role::Foreman, Role::Parts];

/// The table. Order matters twice: the first row that applies to a key
/// wins, and the footer lists rows in this order. Rows sharing how a key
/// is shown ("↑↓") appear once in the footer and the help.
#[rustfmt::skip]
pub static BINDINGS: &[Binding] = &[
    bind(EVERYWHERE, &[Char('c')], "Ctrl-C", "quit at once", Action::ForceQuit).ctrl().quiet(),
    // ---- the login screen
    // Letters type a name to find (initials work: "ww" finds Wang Wei).
    bind(LOGIN, &[Up], "↑↓", "choose", Action::Up),
    bind(LOGIN, &[Down], "↑↓", "choose", Action::Down).quiet(),
    bind(LOGIN, &[Enter], "⏎", "log in", Action::LogIn).when(|m| !m.login_list().is_empty()),
    bind(LOGIN, &[Backspace], "Bksp", "unfind", Action::Unfind).when(|m| !m.find.is_empty()),
    bind(LOGIN, &[Esc], "Esc", "clear", Action::ClearFind).when(|m| !m.find.is_empty()),
    bind(LOGIN, &[Esc], "Esc", "quit", Action::Quit).when(|m| m.find.is_empty()),
    bind(LOGIN, &[], "a-z", "type a name to find", Action::Find).quiet(),
    // ---- overlays
    bind(&[Scope::Help], &[], "any key", "close", Action::Back),
    bind(&[Scope::Confirm], &[Char('y'), Char('Y')], "y", "confirm", Action::Yes),
    bind(&[Scope::Confirm], &[], "n", "back", Action::No),
    // ---- job detail
    bind(DETAIL, &[Up, Char('k')], "↑↓", "scroll", Action::Up),
    bind(DETAIL, &[Down, Char('j')], "↑↓", "scroll", Action::Down).quiet(),
    bind(DETAIL, &[PageUp], "PgUp", "page up", Action::PageUp).quiet(),
    bind(DETAIL, &[PageDown, Char(' ')], "PgDn", "page down", Action::PageDown).quiet(),
    bind(DETAIL, &[Char('v')], "v", "vehicle file", Action::VehicleFile)
        .when(|m| m.vehicle_file.is_none())
        .help("the car across its visits: work done and declined, odometer, complaints, recalls, next service"),
    bind(DETAIL, &[Esc, Enter, Backspace], "Esc", "back", Action::Back),
    bind(DETAIL, &[Char('q')], "q", "quit", Action::Quit),
    bind(DETAIL, &[Char('?')], "?", "help", Action::Help).quiet(),
    // ---- actions on the selected row, in footer order
    bind(BOARD, &[Char('d')], "d", "dispatch", Action::Dispatch)
        .need(Need::Job(JobAction::Dispatch)).when(|m| m.offers(JobAction::Dispatch))
        .help("dispatch a waiting job: a bay, then a technician"),
    bind(BOARD, &[Char('a')], "a", "reassign", Action::Reassign)
        .need(Need::Job(JobAction::Reassign)).when(|m| m.offers(JobAction::Reassign))
        .help("reassign bay and technician"),
    bind(BOARD, &[Char('x')], "x", "release", Action::Job(JobAction::Release))
        .need(Need::Job(JobAction::Release)).when(|m| m.offers(JobAction::Release))
        .help("release the bay (the car goes to the lot)"),
    bind(BOARD, &[Char('C')], "C", "cancel", Action::Cancel)
        .need(Need::Job(JobAction::Cancel))
        .when(|m| m.offers(JobAction::Cancel) && !m.on_parts_panel())
        .help("cancel the job, with a reason"),
    bind(BOARD_QC, &[Char('u')], "u", "priority", Action::Priority)
        .need(Need::Job(JobAction::SetPriority)).when(|m| m.offers(JobAction::SetPriority))
        .help("set the priority: normal, high, urgent"),
    bind(MY_WORK, &[Char('s')], "s", "start", Action::Job(JobAction::Start))
        .need(Need::Job(JobAction::Start)).when(|m| m.offers(JobAction::Start))
        .help("start or resume (clocks on)"),
    bind(MY_WORK, &[Char('s')], "s", "resume", Action::Job(JobAction::Resume))
        .need(Need::Job(JobAction::Resume)).when(|m| m.offers(JobAction::Resume)),
    bind(MY_WORK, &[Char('p')], "p", "pause", Action::Job(JobAction::Pause))
        .need(Need::Job(JobAction::Pause)).when(|m| m.offers(JobAction::Pause))
        .help("pause (clocks off)"),
    bind(MY_WORK, &[Char('f')], "f", "finish", Action::Job(JobAction::Finish))
        .need(Need::Job(JobAction::Finish)).when(|m| m.offers(JobAction::Finish))
        .help("finish: the self-check's short list, then the peer check or QC"),
    bind(MY_WORK, &[Char(' ')], "space", "done", Action::LineToggle)
        .when(Model::offers_line_toggle).help("mark the selected line done (again: reopen it)"),
    bind(MY_WORK, &[Char('w')], "w", "found work", Action::FoundWork)
        .when(Model::offers_found_work)
        .help("add found work: what, urgency, hours, parts, blocking, note"),
    bind(MY_WORK, &[Tab], "Tab", "lines/jobs", Action::SwitchFocus)
        .help("move over the job's lines or over your jobs"),
    bind(TODAY, &[Char('a')], "a", "arrived", Action::Arrive)
        .need(Need::Roles(DECIDERS)).when(Model::offers_arrival)
        .help("the booked car is here: it becomes a job in the queue"),
    bind(TODAY, &[Char('x')], "x", "no-show", Action::NoShow)
        .need(Need::Roles(DECIDERS)).when(Model::offers_arrival)
        .help("the booked car did not come"),
    bind(TODAY, &[Char('r')], "r", "reached", Action::Call(true))
        .need(Need::Roles(DECIDERS)).when(|m| m.selected_due().is_some())
        .help("the service reminder call: the customer was reached (a note if you like)"),
    bind(TODAY, &[Char('m')], "m", "missed", Action::Call(false))
        .need(Need::Roles(DECIDERS)).when(|m| m.selected_due().is_some())
        .help("the service reminder call: no answer (the car stays on the list)"),
    bind(FOLLOWUP, &[Char('r')], "r", "reached", Action::Call(true))
        .need(Need::Roles(DECIDERS)).when(|m| m.selected_followup().is_some())
        .help("log the call: the score 1-5, then a comment (a 1 or 2 opens a complaint)"),
    bind(FOLLOWUP, &[Char('m')], "m", "missed", Action::Call(false))
        .need(Need::Roles(DECIDERS)).when(|m| m.selected_followup().is_some())
        .help("no answer (a note if you like); the third miss gives the call up"),
    bind(FOLLOWUP, &[Char('c')], "c", "close call", Action::CloseCall)
        .need(Need::Roles(DECIDERS)).when(|m| m.selected_call().is_some())
        .help("the call is returned: what was done"),
    bind(CALLS, &[Char('K')], "K", "log call", Action::LogCall)
        .need(Need::Roles(DECIDERS)).when(|m| m.row_job().is_some())
        .help("a customer called about this job: by when, then what they asked")
        .quiet(),
    bind(COMPLAINTS, &[Char('a')], "a", "acknowledge", Action::ComplaintStep(ComplaintStatus::Acknowledged))
        .need(Need::Roles(DECIDERS)).when(|m| m.offers_complaint_step(ComplaintStatus::Acknowledged))
        .help("the customer has been answered"),
    bind(COMPLAINTS, &[Char('r')], "r", "resolve", Action::ComplaintStep(ComplaintStatus::Resolved))
        .need(Need::Roles(DECIDERS)).when(|m| m.offers_complaint_step(ComplaintStatus::Resolved))
        .help("resolved with the customer"),
    bind(COMPLAINTS, &[Char('c')], "c", "close", Action::ComplaintStep(ComplaintStatus::Closed))
        .need(Need::Roles(DECIDERS)).when(|m| m.offers_complaint_step(ComplaintStatus::Closed))
        .help("close a resolved complaint"),
    bind(DASHBOARD, &[Char('t')], "t/w/m", "today/week/30 days", Action::Period(Period::Today))
        .help("figures for today, this week (w) or the last 30 days (m)"),
    bind(DASHBOARD, &[Char('w')], "t/w/m", "this week", Action::Period(Period::Week)).quiet(),
    bind(DASHBOARD, &[Char('m')], "t/w/m", "last 30 days", Action::Period(Period::Days30)).quiet(),
    bind(DASHBOARD, &[Char('['), Left], "[ ]", "earlier/later", Action::Shift(-1))
        .help("the range before ([ or ←) or after (] or →) the one shown"),
    bind(DASHBOARD, &[Char(']'), Right], "[ ]", "later", Action::Shift(1)).quiet(),
    bind(DASHBOARD, &[Up, Char('k')], "↑↓", "scroll", Action::Up)
        .help("scroll the sections when they do not fit the screen"),
    bind(DASHBOARD, &[Down, Char('j')], "↑↓", "scroll", Action::Down).quiet(),
    bind(DASHBOARD, &[Char('r')], "r", "refresh", Action::Refresh)
        .help("read the figures again now (they refresh by themselves every minute)"),
    bind(APPROVALS, &[Char('a')], "a", "approve", Action::Decide(true))
        .need(Need::Roles(DECIDERS)).when(Model::offers_decision)
        .help("the customer said yes: record who and how"),
    bind(APPROVALS, &[Char('x')], "x", "decline", Action::Decide(false))
        .need(Need::Roles(DECIDERS)).when(Model::offers_decision)
        .help("the customer said no: record who and how"),
    bind(MAIN, &[Char('l')], "l", "log parts", Action::LogParts)
        .need(Need::Roles(PARTS_LOGGERS)).when(Model::offers_parts_log)
        .help("log a parts issue: part, quantity, kind, blocking, note"),
    bind(BOARD_PARTS, &[Char('o')], "o", "ordered", Action::Parts(PartStatus::Ordered))
        .need(Need::Roles(FOREMAN_PARTS)).when(|m| m.offers_parts(PartStatus::Ordered))
        .help("parts issue ordered (asks for the ETA)"),
    bind(BOARD_PARTS, &[Char('v')], "v", "received", Action::Parts(PartStatus::Received))
        .need(Need::Roles(FOREMAN_PARTS)).when(|m| m.offers_parts(PartStatus::Received))
        .help("parts issue received"),
    bind(BOARD_PARTS, &[Char('r')], "r", "resolved", Action::Parts(PartStatus::Resolved))
        .need(Need::Roles(FOREMAN_PARTS)).when(|m| m.offers_parts(PartStatus::Resolved))
        .help("parts issue resolved"),
    bind(BOARD_PARTS, &[Char('C')], "C", "cancel issue", Action::Parts(PartStatus::Cancelled))
        .need(Need::Roles(FOREMAN_PARTS)).when(|m| m.offers_parts(PartStatus::Cancelled))
        .help("cancel the parts issue (asks first)"),
    bind(BOARD_QC, &[Char('i')], "i", "inspect", Action::Inspect)
        .need(Need::Job(JobAction::PassQc)).when(|m| m.offers(JobAction::PassQc))
        .help("inspect: the checklist, road test, sign"),
    bind(BOARD_QC, &[Char('w')], "w", "found work", Action::FoundWork)
        .when(Model::offers_found_work_at_inspection)
        .help("found at inspection: proposed to the customer through the advisor"),
    bind(BOARD_QC, &[Char('i')], "i", "peer check", Action::Inspect)
        .need(Need::Job(JobAction::PassPeer)).when(|m| m.offers(JobAction::PassPeer))
        .help("peer check: another technician or the team leader checks the work, then QC"),
    bind(BOARD_QC, &[Char('D')], "D", "deliver", Action::Deliver)
        .need(Need::Job(JobAction::Deliver)).when(|m| m.offers(JobAction::Deliver))
        .help("deliver a QC-passed vehicle: how it was paid, the old parts, what the hand-over lacks"),
    bind(BOARD_QC, &[Char('W')], "W", "washed", Action::Wash)
        .need(Need::Roles(WASHERS)).when(Model::offers_wash)
        .help("the car passed QC and has been washed"),
    bind(BOARD_QC, &[Char('H')], "H", "hand over", Action::HandOverInside)
        .need(Need::Roles(HANDERS)).when(|m| m.selected_job().is_some_and(|j| j.status == JobStatus::QcPassed))
        .help("hand the car to the advisor: where it is parked"),
    bind(BOARD_QC, &[Char('T')], "T", "promise time", Action::Promise)
        .need(Need::Roles(DECIDERS)).when(|m| m.selected_job().is_some_and(|j| j.status.is_open()))
        .help("move the promised time, saying why")
        .quiet(),
    // ---- every view
    bind(MAIN, &[Enter], "⏎", "details", Action::Details)
        .when(|m| m.row_job().is_some()).help("open the job's details and timeline"),
    bind(BOARD, &[Char('n')], "n", "check in", Action::CheckIn)
        .when(Model::offers_check_in).help("check a vehicle in as a new job"),
    bind(BOARD, &[Tab], "Tab", "panel", Action::NextPanel).help("next panel"),
    bind(BOARD, &[BackTab], "S-Tab", "previous panel", Action::PrevPanel).quiet(),
    bind(MAIN, &[Up, Char('k')], "↑↓ j/k", "move", Action::Up).quiet(),
    bind(MAIN, &[Down, Char('j')], "↑↓ j/k", "move", Action::Down).quiet(),
    bind(MAIN, &[Char('1')], "1-9", "switch view", Action::Switch(View::Board)).quiet(),
    bind(MAIN, &[Char('2')], "1-9", "switch view", Action::Switch(View::MyWork)).quiet(),
    bind(MAIN, &[Char('3')], "1-9", "switch view", Action::Switch(View::Parts)).quiet(),
    bind(MAIN, &[Char('4')], "1-9", "switch view", Action::Switch(View::Qc)).quiet(),
    bind(MAIN, &[Char('5')], "1-9", "switch view", Action::Switch(View::Approvals)).quiet(),
    bind(MAIN, &[Char('6')], "1-9", "switch view", Action::Switch(View::Today)).quiet(),
    bind(MAIN, &[Char('7')], "1-9", "switch view", Action::Switch(View::Followup)).quiet(),
    bind(MAIN, &[Char('8')], "1-9", "switch view", Action::Switch(View::Complaints)).quiet(),
    bind(MAIN, &[Char('9')], "1-9", "switch view", Action::Switch(View::Dashboard)).quiet(),
    bind(MAIN, &[Char('L')], "L", "log out", Action::LogOut).when(|m| m.bay.is_some())
        .help("log out: back to the login screen (also after idle minutes, --idle-logout)"),
    bind(MAIN, &[Char('L')], "L", "log out", Action::LogOut).quiet(),
    bind(MAIN, &[Char('/')], "/", "find", Action::FindJob)
        .help("find a job on the board by number, plate, phone or name (pinyin too)"),
    bind(BOARD, &[Char('p')], "p", "print RO", Action::Print(Document::RepairOrder))
        .need(Need::Roles(DECIDERS)).when(|m| m.offers_print(Document::RepairOrder))
        .help("print the repair order for the customer to sign"),
    bind(APPROVALS, &[Char('c')], "c", "claim", Action::Claim)
        .need(Need::Roles(DECIDERS)).when(|m| m.selected_desk().is_some())
        .help("warranty: open the job's claim, or move a claim on (submitted, approved or rejected, paid)"),
    bind(APPROVALS, &[Char('p')], "p", "print added work", Action::Print(Document::AddedWork))
        .need(Need::Roles(DECIDERS)).when(|m| m.offers_print(Document::AddedWork))
        .help("print the added-work confirmation for the customer to sign"),
    bind(BOARD_QC, &[Char('P')], "P", "print settlement", Action::Print(Document::Settlement))
        .need(Need::Roles(DECIDERS)).when(|m| m.offers_print(Document::Settlement))
        .help("print the settlement to hand over with the car"),
    bind(MAIN, &[Char('?')], "?", "help", Action::Help),
    bind(MAIN, &[Char('q')], "q", "quit", Action::Quit),
    // ---- forms: keys the keymap does not take go to the focused field
    // Letters type a name to find in the focused list.
    bind(DISPATCH, &[Up], "↑↓", "choose", fa(FormAction::Up)),
    bind(DISPATCH, &[Down], "↑↓", "choose", fa(FormAction::Down)).quiet(),
    bind(DISPATCH, &[Tab, BackTab, Left, Right], "Tab", "bay/technician", fa(FormAction::SwitchList)),
    bind(DISPATCH, &[Enter], "⏎", "confirm", fa(FormAction::Submit)),
    bind(PRIORITY, &[Char('n')], "n/h/u", "normal/high/urgent", fa(FormAction::Set(0))),
    bind(PRIORITY, &[Char('h')], "n/h/u", "high", fa(FormAction::Set(1))).quiet(),
    bind(PRIORITY, &[Char('u')], "n/h/u", "urgent", fa(FormAction::Set(2))).quiet(),
    bind(PRIORITY, &[Up, Char('k')], "↑↓", "choose", fa(FormAction::Up)),
    bind(PRIORITY, &[Down, Char('j')], "↑↓", "choose", fa(FormAction::Down)).quiet(),
    bind(PRIORITY, &[Enter], "⏎", "set", fa(FormAction::Submit)),
    bind(PRINTER, &[Up, Char('k')], "↑↓", "choose", fa(FormAction::Up)),
    bind(PRINTER, &[Down, Char('j')], "↑↓", "choose", fa(FormAction::Down)).quiet(),
    bind(PRINTER, &[Enter], "⏎", "print", fa(FormAction::Submit)),
    bind(DELIVER, &[Left], "←→", "choose", fa(FormAction::Left)).when(on_choice),
    bind(DELIVER, &[Right, Char(' ')], "←→", "choose", fa(FormAction::Right)).when(on_choice).quiet(),
    bind(DELIVER, &[Enter], "⏎", "deliver", fa(FormAction::Submit)),
    bind(CLAIM, &[Left], "←→", "state", fa(FormAction::Left)).when(on_choice),
    bind(CLAIM, &[Right, Char(' ')], "←→", "state", fa(FormAction::Right)).when(on_choice).quiet(),
    bind(CLAIM, &[Enter], "⏎", "save", fa(FormAction::Submit)),
    bind(&[F(FormKind::Text)], &[Enter], "⏎", "save", fa(FormAction::Submit)),
    bind(&[F(FormKind::Pin)], &[Enter], "⏎", "confirm", fa(FormAction::Submit)),
    // Multi-field forms: Tab moves, ←→ and space change a choice.
    bind(FIELDS, &[Tab, Down], "Tab", "next field", fa(FormAction::NextField)),
    bind(FIELDS, &[BackTab, Up], "Tab", "previous field", fa(FormAction::PrevField)).quiet(),
    bind(PARTS_LOG, &[Left, Char('h')], "←→", "kind", fa(FormAction::Left)).when(on_choice),
    bind(PARTS_LOG, &[Right, Char('l'), Char(' ')], "←→", "kind", fa(FormAction::Right)).when(on_choice).quiet(),
    bind(PARTS_LOG, &[Char(' '), Left, Right], "space", "blocking", fa(FormAction::Toggle)).when(on_toggle),
    bind(PARTS_LOG, &[Char('y')], "y/n", "blocking or not", fa(FormAction::Set(1))).when(on_toggle),
    bind(PARTS_LOG, &[Char('n')], "y/n", "not blocking", fa(FormAction::Set(0))).when(on_toggle).quiet(),
    bind(PARTS_LOG, &[Enter], "⏎", "log", fa(FormAction::Submit)),
    bind(CHECK_IN, &[Left], "←→", "priority", fa(FormAction::Left)).when(on_choice),
    bind(CHECK_IN, &[Right, Char(' ')], "←→", "priority", fa(FormAction::Right)).when(on_choice).quiet(),
    bind(CHECK_IN, &[Char('n')], "n/h/u", "normal/high/urgent", fa(FormAction::Set(0))).when(on_choice),
    bind(CHECK_IN, &[Char('h')], "n/h/u", "high", fa(FormAction::Set(1))).when(on_choice).quiet(),
    bind(CHECK_IN, &[Char('u')], "n/h/u", "urgent", fa(FormAction::Set(2))).when(on_choice).quiet(),
    bind(CHECK_IN, &[Char(' ')], "space", "yes/no", fa(FormAction::Toggle)).when(on_toggle),
    bind(CHECK_IN, &[Enter], "⏎", "check in", fa(FormAction::Submit)),
    bind(FOUND, &[Left], "←→", "urgency", fa(FormAction::Left)).when(on_urgency),
    bind(FOUND, &[Right], "←→", "urgency", fa(FormAction::Right)).when(on_urgency).quiet(),
    bind(FOUND, &[Char('s')], "s/o/a", "safety/soon/advisory", fa(FormAction::Set(0))).when(on_urgency),
    bind(FOUND, &[Char('o')], "s/o/a", "soon", fa(FormAction::Set(1))).when(on_urgency).quiet(),
    bind(FOUND, &[Char('a')], "s/o/a", "advisory", fa(FormAction::Set(2))).when(on_urgency).quiet(),
    bind(FOUND, &[Left], "←→", "who pays", fa(FormAction::Left)).when(on_payer)
        .help("who pays: the customer, warranty, 三包, goodwill or the shop"),
    bind(FOUND, &[Right, Char(' ')], "←→", "who pays", fa(FormAction::Right)).when(on_payer).quiet(),
    bind(FOUND, &[Char(' '), Left, Right], "space", "blocking", fa(FormAction::Toggle)).when(on_toggle),
    bind(FOUND, &[Char('y')], "y/n", "blocking or not", fa(FormAction::Set(1))).when(on_toggle),
    bind(FOUND, &[Char('n')], "y/n", "not blocking", fa(FormAction::Set(0))).when(on_toggle).quiet(),
    bind(FOUND, &[Enter], "⏎", "add", fa(FormAction::Submit)),
    bind(DECISION, &[Left], "←→", "how", fa(FormAction::Left)).when(on_choice),
    bind(DECISION, &[Right, Char(' ')], "←→", "how", fa(FormAction::Right)).when(on_choice).quiet(),
    bind(DECISION, &[Char('p')], "p/i/m", "phone/in person/message", fa(FormAction::Set(0))).when(on_choice),
    bind(DECISION, &[Char('i')], "p/i/m", "in person", fa(FormAction::Set(1))).when(on_choice).quiet(),
    bind(DECISION, &[Char('m')], "p/i/m", "message", fa(FormAction::Set(2))).when(on_choice).quiet(),
    bind(DECISION, &[Enter], "⏎", "record", fa(FormAction::Submit)),
    bind(FIND, &[Up], "↑↓", "choose", fa(FormAction::Up)),
    bind(FIND, &[Down], "↑↓", "choose", fa(FormAction::Down)).quiet(),
    bind(FIND, &[Enter], "⏎", "details", fa(FormAction::Submit)),
    // The QC inspection: one key per item.
    bind(INSPECT, &[Enter, Esc], "⏎", "done", fa(FormAction::EndNote)).when(on_note),
    bind(INSPECT, &[Char('p')], "p/f/n", "pass/fail/n-a", fa(FormAction::Mark(ItemResult::Pass))).when(on_item),
    bind(INSPECT, &[Char('f')], "p/f/n", "fail", fa(FormAction::Mark(ItemResult::Fail))).when(on_item).quiet(),
    bind(INSPECT, &[Char('n')], "p/f/n", "n/a", fa(FormAction::Mark(ItemResult::Na))).when(on_item).quiet(),
    bind(INSPECT, &[Char('e')], "e", "note", fa(FormAction::EditNote)).when(on_item),
    bind(INSPECT, &[Up], "↑↓", "item", fa(FormAction::Up)).when(not_note),
    bind(INSPECT, &[Down, Tab], "↑↓", "item", fa(FormAction::Down)).when(not_note).quiet(),
    bind(INSPECT, &[BackTab], "↑↓", "item", fa(FormAction::Up)).when(not_note).quiet(),
    bind(INSPECT, &[Char('k')], "↑↓", "item", fa(FormAction::Up)).when(on_item).quiet(),
    bind(INSPECT, &[Char('j'), Enter], "↑↓", "item", fa(FormAction::Down)).when(on_item).quiet(),
    bind(INSPECT, &[Char('s')], "^S", "sign", fa(FormAction::Submit)).ctrl().when(not_note),
    bind(INSPECT, &[Enter], "⏎", "sign", fa(FormAction::Submit)).when(on_text),
    // Every form: Esc goes back; q quits where it is not typing.
    bind(ANY_FORM, &[Esc], "Esc", "back", fa(FormAction::Close)).when(not_note),
    bind(ANY_FORM, &[Char('q')], "q", "quit", fa(FormAction::Quit)).when(not_typing),
];

fn on_choice(m: &Model) -> bool {
    focus(m) == Some(Focus::Choice)
}
/// The found-work form's field: its two choices take different keys.
fn found_field(m: &Model) -> Option<crate::domain::Field> {
    match m.form()? {
        crate::tui::forms::AnyForm::FoundWork(f) => Some(f.field),
        _ => None,
    }
}
fn on_urgency(m: &Model) -> bool {
    found_field(m) == Some(crate::domain::Field::Urgency)
}
fn on_payer(m: &Model) -> bool {
    found_field(m) == Some(crate::domain::Field::Payer)
}
fn on_toggle(m: &Model) -> bool {
    focus(m) == Some(Focus::Toggle)
}
fn on_item(m: &Model) -> bool {
    focus(m) == Some(Focus::Item)
}
fn on_note(m: &Model) -> bool {
    focus(m) == Some(Focus::Note)
}
fn on_text(m: &Model) -> bool {
    focus(m) == Some(Focus::Text)
}
fn not_note(m: &Model) -> bool {
    !on_note(m)
}
fn not_typing(m: &Model) -> bool {
    !matches!(focus(m), Some(Focus::Text | Focus::Note))
}

const fn fa(a: FormAction) -> Action {
    Action::Form(a)
}
