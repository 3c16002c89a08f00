//! Keys as data: one table of (where, key, action, label, who may, when).
//! The key handler, the footer, the `?` help and the hints inside forms are
//! all read from it, so they cannot disagree. To add a key, add a row.

use super::forms::{Focus, FormAction, FormKind};
use super::model::{Model, Overlay, View};
use crate::domain::{ItemResult, JobAction, PartStatus, Role};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where a key works.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Login,
    /// Every view of a logged-in person.
    Main,
    View(View),
    Detail,
    Help,
    Confirm,
    Form(FormKind),
}

/// What a key asks for; `update` carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Ctrl-C: quit now, whatever is open.
    ForceQuit,
    Quit,
    Help,
    Up,
    Down,
    PageUp,
    PageDown,
    NextPanel,
    PrevPanel,
    Switch(View),
    Details,
    Back,
    LogIn,
    /// A job action that happens at once (start, pause, finish, release).
    Job(JobAction),
    Dispatch,
    Reassign,
    Priority,
    Cancel,
    Deliver,
    CheckIn,
    LogParts,
    Inspect,
    Parts(PartStatus),
    /// Bay terminal: ↑↓ over the job's lines or over the job list.
    SwitchFocus,
    /// Bay terminal: the selected line done, or reopened.
    LineToggle,
    FoundWork,
    /// Approvals: record the customer's yes (true) or no.
    Decide(bool),
    /// Login list: a typed character narrows the list; Unfind takes one back.
    Find,
    Unfind,
    ClearFind,
    Form(FormAction),
    Yes,
    No,
}

/// Who may ever use a key (the help lists it for them).
#[derive(Debug, Clone, Copy)]
pub enum Need {
    Anyone,
    Job(JobAction),
    Roles(&'static [Role]),
}

#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub scopes: &'static [Scope],
    /// Empty: any key.
    pub keys: &'static [KeyCode],
    pub ctrl: bool,
    /// How the footer and the help write the key.
    pub shown: &'static str,
    pub label: &'static str,
    /// A longer line for the help; the label when empty.
    pub help: &'static str,
    pub action: Action,
    pub need: Need,
    /// Whether it applies to what is on screen now.
    pub when: fn(&Model) -> bool,
    /// Shown in the footer (when it applies) and in form hints.
    pub footer: bool,
}

const fn bind(
    scopes: &'static [Scope],
    keys: &'static [KeyCode],
    shown: &'static str,
    label: &'static str,
    action: Action,
) -> Binding {
    Binding {
        scopes,
        keys,
        ctrl: false,
        shown,
        label,
        help: "",
        action,
        need: Need::Anyone,
        when: always,
        footer: true,
    }
}

impl Binding {
    const fn when(mut self, f: fn(&Model) -> bool) -> Self {
        self.when = f;
        self
    }
    const fn need(mut self, n: Need) -> Self {
        self.need = n;
        self
    }
    const fn help(mut self, h: &'static str) -> Self {
        self.help = h;
        self
    }
    const fn quiet(mut self) -> Self {
        self.footer = false;
        self
    }
    const fn ctrl(mut self) -> Self {
        self.ctrl = true;
        self
    }

    fn matches(&self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.keys.is_empty() {
            return !ctrl;
        }
        ctrl == self.ctrl && self.keys.contains(&key.code)
    }

    fn permitted(&self, m: &Model) -> bool {
        match (self.need, m.actor()) {
            (Need::Anyone, _) => true,
            (Need::Job(a), Some(who)) => who.has_any(a.roles()),
            (Need::Roles(r), Some(who)) => who.has_any(r),
            (_, None) => false,
        }
    }

    /// Whether the key does this binding's action here and now.
    pub fn applies(&self, m: &Model) -> bool {
        self.permitted(m) && (self.when)(m)
    }

    pub fn help_text(&self) -> &'static str {
        if self.help.is_empty() {
            self.label
        } else {
            self.help
        }
    }
}

fn always(_: &Model) -> bool {
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
];
const LOGIN: &[Scope] = &[Scope::Login];
const DETAIL: &[Scope] = &[Scope::Detail];
const DISPATCH: &[Scope] = &[F(FormKind::Dispatch)];
const PRIORITY: &[Scope] = &[F(FormKind::Priority)];
const PARTS_LOG: &[Scope] = &[F(FormKind::PartsLog)];
const CHECK_IN: &[Scope] = &[F(FormKind::CheckIn)];
const INSPECT: &[Scope] = &[F(FormKind::Inspect)];
const FIELDS: &[Scope] = &[
    F(FormKind::PartsLog),
    F(FormKind::CheckIn),
    F(FormKind::FoundWork),
    F(FormKind::Decision),
];
const FOUND: &[Scope] = &[F(FormKind::FoundWork)];
const DECISION: &[Scope] = &[F(FormKind::Decision)];
const APPROVALS: &[Scope] = &[Scope::View(View::Approvals)];
const DECIDERS: &[Role] = &[Role::Advisor, Role::Foreman];
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
    bind(&[Scope::Confirm], &[Enter], "y", "confirm", Action::Yes).when(confirming_delivery),
    bind(&[Scope::Confirm], &[], "n", "back", Action::No),
    // ---- job detail
    bind(DETAIL, &[Up, Char('k')], "↑↓", "scroll", Action::Up),
    bind(DETAIL, &[Down, Char('j')], "↑↓", "scroll", Action::Down).quiet(),
    bind(DETAIL, &[PageUp], "PgUp", "page up", Action::PageUp).quiet(),
    bind(DETAIL, &[PageDown, Char(' ')], "PgDn", "page down", Action::PageDown).quiet(),
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
        .help("finish: self-check done, ready for QC"),
    bind(MY_WORK, &[Char(' ')], "space", "done/undo", Action::LineToggle)
        .when(Model::offers_line_toggle).help("mark the selected line done (again: reopen it)"),
    bind(MY_WORK, &[Char('w')], "w", "found work", Action::FoundWork)
        .when(Model::offers_found_work)
        .help("add found work: what, urgency, hours, parts, blocking, note"),
    bind(MY_WORK, &[Tab], "Tab", "lines/jobs", Action::SwitchFocus)
        .help("move over the job's lines or over your jobs"),
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
    bind(BOARD_QC, &[Char('D')], "D", "deliver", Action::Deliver)
        .need(Need::Job(JobAction::Deliver)).when(|m| m.offers(JobAction::Deliver))
        .help("deliver a QC-passed vehicle (asks first)"),
    // ---- every view
    bind(MAIN, &[Enter], "⏎", "details", Action::Details)
        .when(|m| m.selected_job().is_some()).help("open the job's details and timeline"),
    bind(BOARD, &[Char('n')], "n", "check in", Action::CheckIn)
        .when(Model::offers_check_in).help("check a vehicle in as a new job"),
    bind(BOARD, &[Tab], "Tab", "panel", Action::NextPanel).help("next panel"),
    bind(BOARD, &[BackTab], "S-Tab", "previous panel", Action::PrevPanel).quiet(),
    bind(MAIN, &[Up, Char('k')], "↑↓ j/k", "move", Action::Up).quiet(),
    bind(MAIN, &[Down, Char('j')], "↑↓ j/k", "move", Action::Down).quiet(),
    bind(MAIN, &[Char('1')], "1-5", "switch view", Action::Switch(View::Board)).quiet(),
    bind(MAIN, &[Char('2')], "1-5", "switch view", Action::Switch(View::MyWork)).quiet(),
    bind(MAIN, &[Char('3')], "1-5", "switch view", Action::Switch(View::Parts)).quiet(),
    bind(MAIN, &[Char('4')], "1-5", "switch view", Action::Switch(View::Qc)).quiet(),
    bind(MAIN, &[Char('5')], "1-5", "switch view", Action::Switch(View::Approvals)).quiet(),
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
    bind(CHECK_IN, &[Enter], "⏎", "check in", fa(FormAction::Submit)),
    bind(FOUND, &[Left], "←→", "urgency", fa(FormAction::Left)).when(on_choice),
    bind(FOUND, &[Right], "←→", "urgency", fa(FormAction::Right)).when(on_choice).quiet(),
    bind(FOUND, &[Char('s')], "s/o/a", "safety/soon/advisory", fa(FormAction::Set(0))).when(on_choice),
    bind(FOUND, &[Char('o')], "s/o/a", "soon", fa(FormAction::Set(1))).when(on_choice).quiet(),
    bind(FOUND, &[Char('a')], "s/o/a", "advisory", fa(FormAction::Set(2))).when(on_choice).quiet(),
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

fn confirming_delivery(m: &Model) -> bool {
    matches!(
        &m.overlay,
        Some(Overlay::Confirm(super::model::Confirm::Deliver { .. }))
    )
}
fn on_choice(m: &Model) -> bool {
    focus(m) == Some(Focus::Choice)
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

/// The scopes that take keys now, most specific first.
pub fn scopes(m: &Model) -> Vec<Scope> {
    match &m.overlay {
        Some(Overlay::Help) => vec![Scope::Help],
        Some(Overlay::Confirm(_)) => vec![Scope::Confirm],
        Some(Overlay::Form(f)) => vec![Scope::Form(f.get().kind())],
        None if m.user.is_none() => vec![Scope::Login],
        None if m.detail.is_some() => vec![Scope::Detail],
        None => vec![Scope::View(m.view), Scope::Main],
    }
}

fn in_scope(b: &Binding, active: &[Scope]) -> bool {
    b.scopes.iter().any(|s| active.contains(s))
}

/// The action a key asks for here, if any row applies.
pub fn lookup(m: &Model, key: &KeyEvent) -> Option<Action> {
    binding_for(m, key).map(|b| b.action)
}

/// The row a key belongs to here for this person, whether or not it
/// applies to the selected row.
pub fn row_for(m: &Model, key: &KeyEvent) -> Option<&'static Binding> {
    let active = scopes(m);
    BINDINGS
        .iter()
        .find(|b| in_scope(b, &active) && b.matches(key) && b.permitted(m) && !b.keys.is_empty())
}

/// Why a key this person may use does nothing on the selected row, for the
/// flash line ("J-000013 is paused: dispatch needs waiting").
pub fn why_not(m: &Model, key: &KeyEvent) -> Option<String> {
    let b = row_for(m, key)?;
    let what = b.label;
    let Need::Job(a) = b.need else {
        return Some(format!("{what}: not for the selected row"));
    };
    let Some(j) = m.selected_job() else {
        return Some(format!(
            "{what}: choose a job first (↑↓, Tab for another panel)"
        ));
    };
    let states: Vec<&str> = a.from_states().iter().map(|s| s.label()).collect();
    Some(if !a.from_states().contains(&j.status) {
        format!(
            "{} is {}: {what} needs a job that is {}",
            j.label(),
            j.status.label(),
            states.join(" or ")
        )
    } else if a == crate::domain::JobAction::Finish && j.todo_count > 0 {
        format!(
            "{}: {} lines still to do — mark each done (space) first",
            j.label(),
            j.todo_count
        )
    } else if a == crate::domain::JobAction::Deliver && j.proposed_count > 0 {
        format!(
            "{}: found work waits for the customer's decision",
            j.label()
        )
    } else if a.own_job_only() && m.actor().is_some_and(|me| j.technician_id != Some(me.id)) {
        format!(
            "{} is {}'s job",
            j.label(),
            j.technician.as_deref().unwrap_or("nobody")
        )
    } else {
        format!("{what}: not possible on {} now", j.label())
    })
}

/// The rows this screen offers this person now, once per key as shown.
pub fn offered(m: &Model) -> Vec<&'static Binding> {
    let active = scopes(m);
    let mut out: Vec<&Binding> = Vec::new();
    for b in BINDINGS {
        if b.footer
            && in_scope(b, &active)
            && b.applies(m)
            && !out.iter().any(|o| o.shown == b.shown)
        {
            out.push(b);
        }
    }
    out
}

/// The footer: what this screen offers this person now.
pub fn footer(m: &Model) -> Vec<(&'static str, &'static str)> {
    offered(m).into_iter().map(|b| (b.shown, b.label)).collect()
}

/// The first row that takes `key` here, if any.
pub fn binding_for(m: &Model, key: &KeyEvent) -> Option<&'static Binding> {
    let active = scopes(m);
    BINDINGS
        .iter()
        .find(|b| in_scope(b, &active) && b.matches(key) && b.applies(m))
}

/// A form's key hint: every key of the form, whatever is focused.
pub fn form_hint(kind: FormKind) -> String {
    let mut seen: Vec<&str> = Vec::new();
    let mut parts = Vec::new();
    for b in BINDINGS {
        if b.footer && b.scopes.contains(&Scope::Form(kind)) && !seen.contains(&b.shown) {
            seen.push(b.shown);
            parts.push(format!("{} {}", b.shown, b.label));
        }
    }
    parts.join(" · ")
}

/// One line of help: the key, its short label and its longer text.
pub type HelpRow = (&'static str, &'static str, &'static str);

/// The help: for each section, the keys this person may use there.
pub fn help(m: &Model) -> Vec<(String, Vec<HelpRow>)> {
    let sections: Vec<(String, Vec<Scope>)> = if m.detail.is_some() {
        vec![("Job details".into(), vec![Scope::Detail])]
    } else {
        vec![
            ("Everywhere".into(), vec![Scope::Main]),
            (
                match m.view {
                    View::MyWork => "My work (bay terminal)".to_string(),
                    v => v.title().to_string(),
                },
                vec![Scope::View(m.view)],
            ),
        ]
    };
    sections
        .into_iter()
        .map(|(title, scopes)| {
            let mut rows: Vec<HelpRow> = Vec::new();
            for b in BINDINGS {
                let own = b.scopes.iter().any(|s| scopes.contains(s));
                if own && b.permitted(m) && !rows.iter().any(|(k, _, _)| *k == b.shown) {
                    rows.push((b.shown, b.label, b.help_text()));
                }
            }
            (title, rows)
        })
        .collect()
}
