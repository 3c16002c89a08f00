//! The TUI's state and how keys change it. Every change of data goes through
//! the operations layer; rendering reads this state and nothing else.

use super::forms::{
    CheckInForm, Choice, DispatchForm, FormKey, PartsForm, PriorityForm, QcForm, TextForm,
    first_enabled,
};
use crate::board::{self, Board};
use crate::detail::{self, JobDetail};
use crate::domain::people::suggested_bay_kind;
use crate::domain::qc::{Checklist, Verdict};
use crate::domain::validate::{self, limits};
use crate::domain::{
    Actor, JobAction, JobStatus, PartStatus, Refusal, Role, job_label, lifecycle, parts_label,
};
use crate::error::{Error, Result};
use crate::store::{self, JobRow, PartsRow, StaffRow};
use crate::workshop::{Inspection, NewPartsInput, Workshop};
use chrono::{DateTime, FixedOffset, Utc};
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use tui_input::Input;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Board,
    MyWork,
    Parts,
    Qc,
}

impl View {
    pub const ALL: [View; 4] = [View::Board, View::MyWork, View::Parts, View::Qc];

    pub fn title(self) -> &'static str {
        match self {
            View::Board => "Board",
            View::MyWork => "My work",
            View::Parts => "Parts",
            View::Qc => "QC",
        }
    }

    pub fn key(self) -> char {
        match self {
            View::Board => '1',
            View::MyWork => '2',
            View::Parts => '3',
            View::Qc => '4',
        }
    }

    /// Each person sees the views of their roles.
    pub fn allowed(self, actor: &Actor) -> bool {
        match self {
            View::Board => true,
            View::MyWork => actor.has(Role::Technician),
            View::Parts => actor.has_any(&[Role::Parts, Role::Foreman]),
            View::Qc => actor.has_any(&[Role::Qc, Role::Advisor, Role::Foreman]),
        }
    }
}

/// The board's panels, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Panel {
    Bays,
    Queue,
    Techs,
    Parts,
    Qc,
}

impl Panel {
    pub const ALL: [Panel; 5] = [
        Panel::Bays,
        Panel::Queue,
        Panel::Techs,
        Panel::Parts,
        Panel::Qc,
    ];

    fn index(self) -> usize {
        Panel::ALL.iter().position(|p| *p == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Live {
    /// Watching the sentinel file (and polling data_version slowly).
    Watching,
    /// No file watch; only the slow data_version poll.
    Polling,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub text: String,
    pub error: bool,
}

pub enum Modal {
    Help,
    ConfirmQuit(Option<Box<Modal>>),
    Dispatch(DispatchForm),
    Priority(PriorityForm),
    Cancel {
        job: i64,
        version: i64,
        form: TextForm,
    },
    PartsLog(PartsForm),
    PartsEta {
        issue: i64,
        form: TextForm,
    },
    PartsCancel {
        issue: i64,
    },
    Deliver {
        job: i64,
        version: i64,
    },
    Inspect(QcForm),
    CheckIn(Box<CheckInForm>),
    /// A PIN, to log in or to sign a QC inspection.
    Pin {
        purpose: PinFor,
        input: Input,
        error: Option<String>,
    },
}

pub enum PinFor {
    Login(Actor),
    Sign(Box<QcForm>),
}

impl Modal {
    fn dirty(&self) -> bool {
        match self {
            Modal::Cancel { form, .. } | Modal::PartsEta { form, .. } => form.dirty(),
            Modal::PartsLog(f) => f.dirty(),
            Modal::Inspect(f) => f.dirty(),
            Modal::CheckIn(f) => f.dirty(),
            Modal::Pin {
                purpose: PinFor::Sign(f),
                ..
            } => f.dirty(),
            _ => false,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub panels: [usize; 5],
    pub my_work: usize,
    pub parts: usize,
    pub qc: usize,
    pub login: usize,
}

pub struct App {
    ws: Workshop,
    pub user: Option<Actor>,
    pub staff: Vec<StaffRow>,
    pub board: Board,
    pub now: DateTime<Utc>,
    pub tz: FixedOffset,
    pub view: View,
    pub panel: Panel,
    pub sel: Selection,
    pub detail: Option<JobDetail>,
    pub detail_scroll: u16,
    /// The selected job of "My work", with its parts and QC history.
    pub my_job: Option<JobDetail>,
    pub modal: Option<Modal>,
    pub flash: Option<Flash>,
    pub live: Live,
    /// The bay this terminal stands at (`--bay`).
    pub bay: Option<String>,
    pub quit: bool,
}

impl App {
    /// `user`: the `--as` name, or None for the login screen.
    pub fn new(
        ws: Workshop,
        user: Option<&str>,
        bay: Option<String>,
        now: DateTime<Utc>,
        tz: FixedOffset,
    ) -> Result<App> {
        let staff = ws.store().read(store::staff_list)?;
        let board = board::load(ws.store(), now, local_midnight(now, &tz))?;
        if let Some(b) = &bay
            && !board.bays.iter().any(|x| x.name.eq_ignore_ascii_case(b))
        {
            let names: Vec<&str> = board.bays.iter().map(|x| x.name.as_str()).collect();
            return Err(Refusal::unknown("bay", b, format!("bays: {}", names.join(", "))).into());
        }
        let mut app = App {
            ws,
            user: None,
            staff,
            board,
            now,
            tz,
            view: View::Board,
            panel: Panel::Bays,
            sel: Selection::default(),
            detail: None,
            detail_scroll: 0,
            my_job: None,
            modal: None,
            flash: None,
            live: Live::Polling,
            bay,
            quit: false,
        };
        if let Some(name) = user {
            let actor = app
                .ws
                .store()
                .read(|c| store::actor_by_name(c, name))?
                .ok_or_else(|| {
                    let names: Vec<&str> = app.staff.iter().map(|s| s.name.as_str()).collect();
                    Error::from(Refusal::unknown(
                        "person",
                        name,
                        format!("staff: {}", names.join(", ")),
                    ))
                })?;
            let keeps_pin = app.staff.iter().any(|s| s.id == actor.id && s.has_pin);
            if keeps_pin && !app.ws.has_proven(actor.id) {
                app.modal = Some(pin_prompt(PinFor::Login(actor)));
            } else {
                app.login(actor);
            }
        }
        Ok(app)
    }

    fn login(&mut self, actor: Actor) {
        self.view = if actor.has(Role::Technician) && !actor.has(Role::Foreman) {
            View::MyWork
        } else if actor.has(Role::Qc) && !actor.has(Role::Foreman) {
            View::Qc
        } else if actor.has(Role::Parts) && !actor.has(Role::Foreman) {
            View::Parts
        } else {
            View::Board
        };
        self.user = Some(actor);
        self.reload_my_job();
    }

    pub fn workshop(&self) -> &Workshop {
        &self.ws
    }

    /// Moves the clock; returns whether the screen shows a different minute.
    pub fn set_now(&mut self, now: DateTime<Utc>) -> bool {
        let changed = self.now.timestamp() / 60 != now.timestamp() / 60;
        self.now = now;
        changed
    }

    /// Reads the board again (after a change here or elsewhere). Forms keep
    /// their input; selections stay on the same row where it still exists.
    pub fn reload(&mut self) {
        match board::load(
            self.ws.store(),
            self.now,
            local_midnight(self.now, &self.tz),
        ) {
            Ok(b) => self.board = b,
            Err(e) => self.error(format!("cannot read the board: {e}")),
        }
        // Staff matter to the login screen only; a board logged in does not
        // re-read them on every change.
        if self.user.is_none()
            && let Ok(staff) = self.ws.store().read(store::staff_list)
        {
            self.staff = staff;
        }
        if let Some(d) = &self.detail {
            let n = d.job.id;
            self.detail = detail::load_detail(self.ws.store(), n).ok();
        }
        self.clamp();
        self.reload_my_job();
    }

    fn reload_my_job(&mut self) {
        if self.view != View::MyWork {
            self.my_job = None;
            return;
        }
        let n = self.my_jobs().get(self.sel.my_work).map(|j| j.id);
        self.my_job = n.and_then(|n| detail::load_detail(self.ws.store(), n).ok());
    }

    fn clamp(&mut self) {
        for p in Panel::ALL {
            let len = self.panel_len(p);
            let s = &mut self.sel.panels[p.index()];
            *s = (*s).min(len.saturating_sub(1));
        }
        self.sel.my_work = self.sel.my_work.min(self.my_jobs().len().saturating_sub(1));
        self.sel.parts = self.sel.parts.min(self.board.parts.len().saturating_sub(1));
        self.sel.qc = self.sel.qc.min(self.qc_list().len().saturating_sub(1));
    }

    fn info(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: false,
        });
    }

    fn error(&mut self, text: impl Into<String>) {
        self.flash = Some(Flash {
            text: text.into(),
            error: true,
        });
    }

    pub fn actor(&self) -> Option<&Actor> {
        self.user.as_ref()
    }

    // ---- lists the panels show -------------------------------------------

    /// Queue panel: waiting jobs, then jobs without a bay.
    pub fn queue_list(&self) -> Vec<&JobRow> {
        self.board.queue.iter().chain(&self.board.parked).collect()
    }

    /// QC panel: ready for QC, then passed and waiting for delivery.
    pub fn qc_list(&self) -> Vec<&JobRow> {
        self.board.qc.iter().chain(&self.board.ready).collect()
    }

    fn all_open(&self) -> impl Iterator<Item = &JobRow> {
        self.board
            .bays
            .iter()
            .filter_map(|b| b.job.as_ref())
            .chain(&self.board.queue)
            .chain(&self.board.parked)
            // Jobs ready for QC usually still hold their bay: list them once.
            .chain(self.board.qc.iter().filter(|j| j.bay_id.is_none()))
            .chain(&self.board.ready)
    }

    pub fn find_job(&self, number: i64) -> Option<&JobRow> {
        self.all_open().find(|j| j.id == number)
    }

    /// The technician's open jobs: running first, then what is next, with
    /// the job in this terminal's bay ahead of the rest.
    pub fn my_jobs(&self) -> Vec<&JobRow> {
        let Some(me) = &self.user else {
            return Vec::new();
        };
        let mut jobs: Vec<&JobRow> = self
            .all_open()
            .filter(|j| j.technician_id == Some(me.id))
            .collect();
        let rank = |j: &JobRow| match j.status {
            JobStatus::InProgress => 0,
            JobStatus::Rework => 1,
            JobStatus::Paused => 2,
            JobStatus::Dispatched => 3,
            JobStatus::WaitingParts => 4,
            JobStatus::ReadyForQc => 5,
            _ => 6,
        };
        let here = |j: &JobRow| match (&self.bay, &j.bay) {
            (Some(b), Some(jb)) => !b.eq_ignore_ascii_case(jb),
            _ => true,
        };
        jobs.sort_by_key(|j| (here(j), rank(j), j.id));
        jobs
    }

    fn panel_len(&self, p: Panel) -> usize {
        match p {
            Panel::Bays => self.board.bays.len(),
            Panel::Queue => self.queue_list().len(),
            Panel::Techs => self.board.technicians.len(),
            Panel::Parts => self.board.parts.len(),
            Panel::Qc => self.qc_list().len(),
        }
    }

    pub fn selected_in(&self, p: Panel) -> usize {
        self.sel.panels[p.index()]
    }

    /// The job the cursor is on, in the current view.
    pub fn selected_job(&self) -> Option<&JobRow> {
        match self.view {
            View::Board => match self.panel {
                Panel::Bays => self
                    .board
                    .bays
                    .get(self.selected_in(Panel::Bays))
                    .and_then(|b| b.job.as_ref()),
                Panel::Queue => self
                    .queue_list()
                    .get(self.selected_in(Panel::Queue))
                    .copied(),
                Panel::Techs => self
                    .board
                    .technicians
                    .get(self.selected_in(Panel::Techs))
                    .and_then(|t| t.clocked_on)
                    .and_then(|n| self.find_job(n)),
                Panel::Parts => self
                    .board
                    .parts
                    .get(self.selected_in(Panel::Parts))
                    .and_then(|p| self.find_job(p.job)),
                Panel::Qc => self.qc_list().get(self.selected_in(Panel::Qc)).copied(),
            },
            View::MyWork => self.my_jobs().get(self.sel.my_work).copied(),
            View::Parts => self
                .board
                .parts
                .get(self.sel.parts)
                .and_then(|p| self.find_job(p.job)),
            View::Qc => self.qc_list().get(self.sel.qc).copied(),
        }
    }

    pub fn selected_parts(&self) -> Option<&PartsRow> {
        match (self.view, self.panel) {
            (View::Parts, _) => self.board.parts.get(self.sel.parts),
            (View::Board, Panel::Parts) => self.board.parts.get(self.selected_in(Panel::Parts)),
            _ => None,
        }
    }

    /// Whether to offer `action` on the selected job to this person.
    pub fn offers(&self, action: JobAction) -> bool {
        match (self.actor(), self.selected_job()) {
            (Some(a), Some(j)) => lifecycle::may_offer(action, a, j.status, j.technician_id),
            _ => false,
        }
    }

    pub fn offers_parts_log(&self) -> bool {
        match (self.actor(), self.selected_job()) {
            (Some(a), Some(j)) => {
                j.status.is_open() && crate::domain::parts::check_log(a, j.technician_id).is_ok()
            }
            _ => false,
        }
    }

    pub fn offers_check_in(&self) -> bool {
        self.actor()
            .is_some_and(|a| lifecycle::check_create(a).is_ok())
    }

    pub fn offers_parts_update(&self) -> bool {
        self.selected_parts().is_some()
            && self
                .actor()
                .is_some_and(|a| a.has_any(&[Role::Parts, Role::Foreman]))
    }

    // ---- events ------------------------------------------------------------

    pub fn on_event(&mut self, ev: &Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => self.on_key(*k),
            Event::Paste(text) => self.on_paste(text),
            _ => {}
        }
    }

    pub fn on_paste(&mut self, text: &str) {
        match &mut self.modal {
            Some(Modal::PartsLog(f)) => f.on_paste(text),
            Some(Modal::Inspect(f)) => f.on_paste(text),
            Some(Modal::CheckIn(f)) => f.on_paste(text),
            Some(Modal::Cancel { form, .. }) | Some(Modal::PartsEta { form, .. }) => {
                super::forms::paste(&mut form.input, text)
            }
            Some(Modal::Pin { input, .. }) => super::forms::paste(input, text.trim()),
            _ => {}
        }
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.quit = true;
            return;
        }
        if let Some(modal) = self.modal.take() {
            self.modal_key(modal, key);
            return;
        }
        if self.user.is_none() {
            self.login_key(key);
            return;
        }
        self.flash = None;
        if self.detail.is_some() {
            self.detail_key(key);
            return;
        }
        self.view_key(key);
    }

    fn login_key(&mut self, key: KeyEvent) {
        let n = self.staff.iter().filter(|s| s.active).count();
        match key.code {
            KeyCode::Up | KeyCode::Char('k') => self.sel.login = self.sel.login.saturating_sub(1),
            KeyCode::Down | KeyCode::Char('j') => {
                self.sel.login = (self.sel.login + 1).min(n.saturating_sub(1))
            }
            KeyCode::Enter => {
                let chosen = self.staff.iter().filter(|s| s.active).nth(self.sel.login);
                if let Some(s) = chosen {
                    let actor = Actor {
                        id: s.id,
                        name: s.name.clone(),
                        roles: s.roles.clone(),
                    };
                    self.login(actor);
                }
            }
            KeyCode::Char('q') | KeyCode::Esc => self.quit = true,
            _ => {}
        }
    }

    fn detail_key(&mut self, key: KeyEvent) {
        match key.code {
            KeyCode::Esc | KeyCode::Enter | KeyCode::Backspace => {
                self.detail = None;
                self.detail_scroll = 0;
            }
            KeyCode::Up | KeyCode::Char('k') => {
                self.detail_scroll = self.detail_scroll.saturating_sub(1)
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.detail_scroll = self.detail_scroll.saturating_add(1)
            }
            KeyCode::PageUp => self.detail_scroll = self.detail_scroll.saturating_sub(10),
            KeyCode::PageDown | KeyCode::Char(' ') => {
                self.detail_scroll = self.detail_scroll.saturating_add(10)
            }
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Char('?') => self.modal = Some(Modal::Help),
            _ => {}
        }
    }

    fn move_sel(&mut self, dir: isize) {
        let apply = |v: usize, len: usize| -> usize {
            if dir < 0 {
                v.saturating_sub(1)
            } else {
                (v + 1).min(len.saturating_sub(1))
            }
        };
        match self.view {
            View::Board => {
                let len = self.panel_len(self.panel);
                let i = self.panel.index();
                self.sel.panels[i] = apply(self.sel.panels[i], len);
            }
            View::MyWork => {
                self.sel.my_work = apply(self.sel.my_work, self.my_jobs().len());
                self.reload_my_job();
            }
            View::Parts => self.sel.parts = apply(self.sel.parts, self.board.parts.len()),
            View::Qc => self.sel.qc = apply(self.sel.qc, self.qc_list().len()),
        }
    }

    fn view_key(&mut self, key: KeyEvent) {
        let actor = self.user.clone().expect("logged in");
        match key.code {
            KeyCode::Char('q') => self.quit = true,
            KeyCode::Char('?') => self.modal = Some(Modal::Help),
            KeyCode::Char(c @ '1'..='4') => {
                let v = View::ALL[(c as u8 - b'1') as usize];
                if v.allowed(&actor) {
                    self.view = v;
                    self.reload_my_job();
                } else {
                    self.error(format!("{} is not among your views", v.title()));
                }
            }
            KeyCode::Tab if self.view == View::Board => {
                self.panel = Panel::ALL[(self.panel.index() + 1) % Panel::ALL.len()]
            }
            KeyCode::BackTab if self.view == View::Board => {
                self.panel =
                    Panel::ALL[(self.panel.index() + Panel::ALL.len() - 1) % Panel::ALL.len()]
            }
            KeyCode::Up | KeyCode::Char('k') => self.move_sel(-1),
            KeyCode::Down | KeyCode::Char('j') => self.move_sel(1),
            KeyCode::Enter => self.open_detail(),
            KeyCode::Char('n') if self.view == View::Board && self.offers_check_in() => {
                self.modal = Some(Modal::CheckIn(Box::default()))
            }
            _ => self.action_key(key),
        }
    }

    fn open_detail(&mut self) {
        if let Some(n) = self.selected_job().map(|j| j.id) {
            match detail::load_detail(self.ws.store(), n) {
                Ok(d) => {
                    self.detail = Some(d);
                    self.detail_scroll = 0;
                }
                Err(e) => self.error(e.to_string()),
            }
        }
    }

    /// Action keys; each is offered only where this person may take it, and
    /// the operations layer checks again.
    fn action_key(&mut self, key: KeyEvent) {
        let Some(job) = self.selected_job().cloned() else {
            return;
        };
        let ch = match key.code {
            KeyCode::Char(c) => c,
            _ => return,
        };
        match (self.view, ch) {
            (View::Board, 'd') if self.offers(JobAction::Dispatch) => {
                self.open_dispatch(&job, false)
            }
            (View::Board, 'a') if self.offers(JobAction::Reassign) => {
                self.open_dispatch(&job, true)
            }
            (View::Board, 'x') if self.offers(JobAction::Release) => {
                self.run(JobAction::Release, &job, "bay released")
            }
            (View::Board | View::Qc, 'u') if self.offers(JobAction::SetPriority) => {
                self.modal = Some(Modal::Priority(PriorityForm {
                    job: job.id,
                    version: job.version,
                    sel: crate::domain::Priority::ALL
                        .iter()
                        .position(|p| *p == job.priority)
                        .unwrap_or(0),
                    error: None,
                }))
            }
            (View::Board, 'C') if self.offers(JobAction::Cancel) => {
                self.modal = Some(Modal::Cancel {
                    job: job.id,
                    version: job.version,
                    form: TextForm {
                        title: format!("Cancel {}", job.label()),
                        label: "Reason".into(),
                        hint: format!("required, at most {} characters", limits::REASON),
                        input: Input::default(),
                        required: true,
                        error: None,
                    },
                })
            }
            (View::Board | View::Qc, 'D') if self.offers(JobAction::Deliver) => {
                self.modal = Some(Modal::Deliver {
                    job: job.id,
                    version: job.version,
                })
            }
            (_, 'l') if self.offers_parts_log() => {
                self.modal = Some(Modal::PartsLog(PartsForm::new(job.id, job.version)))
            }
            (View::MyWork, 's') if self.offers(JobAction::Start) => {
                self.run(JobAction::Start, &job, "started")
            }
            (View::MyWork, 's') if self.offers(JobAction::Resume) => {
                self.run(JobAction::Resume, &job, "resumed")
            }
            (View::MyWork, 'p') if self.offers(JobAction::Pause) => {
                self.run(JobAction::Pause, &job, "paused")
            }
            (View::MyWork, 'f') if self.offers(JobAction::Finish) => {
                self.run(JobAction::Finish, &job, "self-check done: ready for QC")
            }
            (View::Qc, 'i') | (View::Board, 'i') if self.offers(JobAction::PassQc) => {
                self.open_inspection(&job)
            }
            (View::Parts | View::Board, 'o') if self.offers_parts_update() => {
                let issue = self.selected_parts().map(|p| p.id).unwrap_or_default();
                self.modal = Some(Modal::PartsEta {
                    issue,
                    form: TextForm {
                        title: format!("{} ordered", parts_label(issue)),
                        label: "ETA".into(),
                        hint: "15:30, 2026-11-24 10:00 or empty".into(),
                        input: Input::default(),
                        required: false,
                        error: None,
                    },
                })
            }
            (View::Parts | View::Board, 'v') if self.offers_parts_update() => {
                self.update_parts(PartStatus::Received);
            }
            (View::Parts | View::Board, 'r') if self.offers_parts_update() => {
                self.update_parts(PartStatus::Resolved);
            }
            (View::Parts, 'C') if self.offers_parts_update() => {
                let issue = self.selected_parts().map(|p| p.id).unwrap_or_default();
                self.modal = Some(Modal::PartsCancel { issue })
            }
            _ => {}
        }
    }

    fn who(&self) -> String {
        self.user
            .as_ref()
            .map(|u| u.name.clone())
            .unwrap_or_default()
    }

    /// Reports the outcome of an operation; a stale view reloads and says so.
    fn outcome<T>(&mut self, res: Result<T>, ok: impl FnOnce(&T) -> String) {
        match res {
            Ok(v) => {
                let text = ok(&v);
                self.reload();
                self.info(text);
            }
            Err(Error::Refused(r @ Refusal::Stale { .. })) => {
                self.reload();
                self.error(format!("{r} — showing the fresh state"));
            }
            Err(e) => self.error(e.to_string()),
        }
    }

    /// For a form: success or a stale view closes it (the flash says which);
    /// any other refusal comes back to be shown in the form, input kept.
    fn form_outcome<T>(&mut self, res: Result<T>, ok: impl FnOnce(&T) -> String) -> Option<String> {
        match res {
            Err(Error::Refused(Refusal::Stale { .. })) | Ok(_) => {
                self.outcome(res, ok);
                None
            }
            Err(e) => Some(e.to_string()),
        }
    }

    fn run(&mut self, action: JobAction, job: &JobRow, what: &str) {
        let who = self.who();
        let res = self.ws.act(&who, job.id, action, None, Some(job.version));
        self.outcome(res, |j| format!("{} {what}", j.label()));
    }

    fn update_parts(&mut self, to: PartStatus) {
        let Some(issue) = self.selected_parts().map(|p| p.id) else {
            return;
        };
        let who = self.who();
        let res = self.ws.update_parts(&who, issue, to, None, None);
        self.outcome(res, |p| {
            format!("{} {} is now {}", parts_label(p.id), p.part, p.status)
        });
    }

    fn open_dispatch(&mut self, job: &JobRow, reassign: bool) {
        let kind = suggested_bay_kind(&job.complaint);
        let mut bays: Vec<(u8, Choice)> = self
            .board
            .bays
            .iter()
            .filter(|b| b.active)
            .map(|b| {
                let holder = b.job.as_ref().filter(|h| h.id != job.id);
                let fits = b.kind == kind;
                let note = match holder {
                    Some(h) => format!("{} · taken by {}", b.kind, h.label()),
                    None if fits => format!("{} · free · fits", b.kind),
                    None => format!("{} · free", b.kind),
                };
                let rank = match holder {
                    None if fits => 0,
                    None => 1,
                    Some(_) => 2,
                };
                (
                    rank,
                    Choice {
                        name: b.name.clone(),
                        note,
                        enabled: holder.is_none(),
                    },
                )
            })
            .collect();
        bays.sort_by_key(|(r, _)| *r);
        let bays: Vec<Choice> = bays.into_iter().map(|(_, c)| c).collect();
        let mut techs: Vec<(u8, Choice)> = self
            .board
            .technicians
            .iter()
            .map(|t| {
                let free = t.clocked_on.is_none() && t.open_jobs == 0;
                let state = match t.clocked_on {
                    Some(n) => format!("busy {}", job_label(n)),
                    None if t.open_jobs > 0 => format!("{} assigned", t.open_jobs),
                    None => "free".into(),
                };
                let skills = if t.skills.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", t.skills.join(", "))
                };
                let skilled = t
                    .skills
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(kind.as_str()));
                let rank = match (free, skilled) {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, _) => 2,
                };
                (
                    rank,
                    Choice {
                        name: t.name.clone(),
                        note: format!("{state}{skills}"),
                        enabled: true,
                    },
                )
            })
            .collect();
        techs.sort_by_key(|(r, _)| *r);
        let techs: Vec<Choice> = techs.into_iter().map(|(_, c)| c).collect();
        let mut form = DispatchForm {
            job: job.id,
            version: job.version,
            reassign,
            bay_sel: first_enabled(&bays),
            tech_sel: 0,
            bays,
            techs,
            focus: 0,
            error: None,
        };
        if reassign {
            if let Some(i) = form
                .bays
                .iter()
                .position(|c| Some(&c.name) == job.bay.as_ref())
            {
                form.bay_sel = i;
            }
            if let Some(i) = form
                .techs
                .iter()
                .position(|c| Some(&c.name) == job.technician.as_ref())
            {
                form.tech_sel = i;
            }
        }
        if form.bays.iter().all(|c| !c.enabled) {
            self.error("no bay is free: release one first (x on a bay)");
            return;
        }
        self.modal = Some(Modal::Dispatch(form));
    }

    fn open_inspection(&mut self, job: &JobRow) {
        // Refuse before the form is filled in, e.g. an inspector's own work.
        if let Err(e) = self.ws.check_action(&self.who(), job.id, JobAction::PassQc) {
            self.error(e.to_string());
            return;
        }
        self.modal = Some(Modal::Inspect(QcForm::new(
            job.id,
            job.version,
            Checklist::builtin(),
        )));
    }

    fn modal_key(&mut self, modal: Modal, key: KeyEvent) {
        let keep = |app: &mut App, m: Modal| app.modal = Some(m);
        match modal {
            Modal::Help => {}
            Modal::ConfirmQuit(prev) => match key.code {
                KeyCode::Char('y') | KeyCode::Char('Y') => self.quit = true,
                _ => self.modal = prev.map(|b| *b),
            },
            Modal::Deliver { job, version } => {
                if matches!(
                    key.code,
                    KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Enter
                ) {
                    let who = self.who();
                    let res = self
                        .ws
                        .act(&who, job, JobAction::Deliver, None, Some(version));
                    self.outcome(res, |j| format!("{} delivered", j.label()));
                }
            }
            Modal::PartsCancel { issue } => {
                if matches!(key.code, KeyCode::Char('y') | KeyCode::Char('Y')) {
                    let who = self.who();
                    let res = self
                        .ws
                        .update_parts(&who, issue, PartStatus::Cancelled, None, None);
                    self.outcome(res, |p| format!("{} cancelled", parts_label(p.id)));
                }
            }
            Modal::Dispatch(mut f) => match f.on_key(key) {
                FormKey::Stay => keep(self, Modal::Dispatch(f)),
                FormKey::Close => {}
                FormKey::Quit => self.ask_quit(Modal::Dispatch(f)),
                FormKey::Submit => self.submit_dispatch(f),
            },
            Modal::Priority(mut f) => match f.on_key(key) {
                FormKey::Stay => keep(self, Modal::Priority(f)),
                FormKey::Close => {}
                FormKey::Quit => self.ask_quit(Modal::Priority(f)),
                FormKey::Submit => {
                    let who = self.who();
                    let res = self
                        .ws
                        .set_priority(&who, f.job, f.priority(), Some(f.version));
                    f.error =
                        self.form_outcome(res, |j| format!("{} is now {}", j.label(), j.priority));
                    if f.error.is_some() {
                        keep(self, Modal::Priority(f));
                    }
                }
            },
            Modal::Cancel {
                job,
                version,
                mut form,
            } => match form.on_key(key) {
                FormKey::Stay => keep(self, Modal::Cancel { job, version, form }),
                FormKey::Close => {}
                FormKey::Quit => self.ask_quit(Modal::Cancel { job, version, form }),
                FormKey::Submit => {
                    let who = self.who();
                    let reason = form.input.value().to_string();
                    let res = self.ws.cancel(&who, job, &reason, Some(version));
                    form.error = self.form_outcome(res, |j| format!("{} cancelled", j.label()));
                    if form.error.is_some() {
                        keep(self, Modal::Cancel { job, version, form });
                    }
                }
            },
            Modal::PartsEta { issue, mut form } => match form.on_key(key) {
                FormKey::Stay => keep(self, Modal::PartsEta { issue, form }),
                FormKey::Close => {}
                FormKey::Quit => self.ask_quit(Modal::PartsEta { issue, form }),
                FormKey::Submit => {
                    let text = form.input.value().trim().to_string();
                    let eta = if text.is_empty() {
                        Ok(None)
                    } else {
                        crate::timeparse::parse_time(
                            "ETA",
                            &text,
                            &self.now.with_timezone(&self.tz),
                        )
                        .map(Some)
                    };
                    match eta {
                        Err(e) => {
                            form.error = Some(e.to_string());
                            keep(self, Modal::PartsEta { issue, form });
                        }
                        Ok(eta) => {
                            let who = self.who();
                            let res =
                                self.ws
                                    .update_parts(&who, issue, PartStatus::Ordered, eta, None);
                            form.error = self
                                .form_outcome(res, |p| format!("{} ordered", parts_label(p.id)));
                            if form.error.is_some() {
                                keep(self, Modal::PartsEta { issue, form });
                            }
                        }
                    }
                }
            },
            Modal::PartsLog(mut f) => match f.on_key(key) {
                FormKey::Stay => keep(self, Modal::PartsLog(f)),
                FormKey::Close => {}
                FormKey::Quit => self.ask_quit(Modal::PartsLog(f)),
                FormKey::Submit => self.submit_parts(f),
            },
            Modal::CheckIn(mut f) => match f.on_key(key) {
                FormKey::Stay => keep(self, Modal::CheckIn(f)),
                FormKey::Close => {}
                FormKey::Quit => self.ask_quit(Modal::CheckIn(f)),
                FormKey::Submit => self.submit_check_in(f),
            },
            Modal::Inspect(mut f) => match f.on_key(key) {
                FormKey::Stay => keep(self, Modal::Inspect(f)),
                FormKey::Close => {}
                FormKey::Quit => self.ask_quit(Modal::Inspect(f)),
                FormKey::Submit => {
                    let keeps_pin = self
                        .user
                        .as_ref()
                        .is_some_and(|u| self.staff.iter().any(|s| s.id == u.id && s.has_pin));
                    if keeps_pin {
                        self.modal = Some(pin_prompt(PinFor::Sign(Box::new(f))));
                    } else {
                        self.submit_inspection(f, None);
                    }
                }
            },
            Modal::Pin {
                purpose, mut input, ..
            } => match key.code {
                KeyCode::Esc => match purpose {
                    PinFor::Sign(f) => self.modal = Some(Modal::Inspect(*f)),
                    PinFor::Login(_) if self.user.is_none() && self.staff.is_empty() => {
                        self.quit = true
                    }
                    PinFor::Login(_) => {}
                },
                KeyCode::Enter => {
                    let pin = input.value().to_string();
                    match purpose {
                        PinFor::Login(actor) => match self.ws.log_in(&actor.name, Some(&pin)) {
                            Ok(_) => self.login(actor),
                            Err(e) => {
                                self.modal = Some(Modal::Pin {
                                    purpose: PinFor::Login(actor),
                                    input: Input::default(),
                                    error: Some(e.to_string()),
                                })
                            }
                        },
                        PinFor::Sign(f) => self.submit_inspection(*f, Some(pin)),
                    }
                }
                _ => {
                    super::forms::edit(&mut input, key);
                    self.modal = Some(Modal::Pin {
                        purpose,
                        input,
                        error: None,
                    });
                }
            },
        }
    }

    fn ask_quit(&mut self, form: Modal) {
        if form.dirty() {
            self.modal = Some(Modal::ConfirmQuit(Some(Box::new(form))));
        } else {
            self.quit = true;
        }
    }

    fn submit_dispatch(&mut self, mut f: DispatchForm) {
        let (Some(bay), Some(tech)) = (
            f.bay().map(|c| c.name.clone()),
            f.tech().map(|c| c.name.clone()),
        ) else {
            f.error = Some("choose a free bay and a technician".into());
            self.modal = Some(Modal::Dispatch(f));
            return;
        };
        let who = self.who();
        let res = if f.reassign {
            let job = self.find_job(f.job).cloned();
            let bay_arg = (job.as_ref().and_then(|j| j.bay.as_deref()) != Some(bay.as_str()))
                .then_some(bay.as_str());
            let tech_arg = (job.as_ref().and_then(|j| j.technician.as_deref())
                != Some(tech.as_str()))
            .then_some(tech.as_str());
            self.ws
                .reassign(&who, f.job, bay_arg, tech_arg, Some(f.version))
        } else {
            self.ws.dispatch(&who, f.job, &bay, &tech, Some(f.version))
        };
        let verb = if f.reassign {
            "reassigned"
        } else {
            "dispatched"
        };
        f.error = self.form_outcome(res, |j| format!("{} {verb} to {bay} · {tech}", j.label()));
        if f.error.is_some() {
            self.modal = Some(Modal::Dispatch(f));
        }
    }

    fn submit_check_in(&mut self, mut f: Box<CheckInForm>) {
        f.errors = Default::default();
        let opt = |i: usize| Some(f.value(i).trim().to_string()).filter(|v| !v.is_empty());
        let promised = match opt(6) {
            None => None,
            Some(t) => match crate::timeparse::parse_time(
                "promised",
                &t,
                &self.now.with_timezone(&self.tz),
            ) {
                Ok(p) => Some(p),
                Err(e) => {
                    f.errors[6] = Some(field_message(e));
                    f.field = 6;
                    self.modal = Some(Modal::CheckIn(f));
                    return;
                }
            },
        };
        let input = crate::workshop::NewJobInput {
            plate: f.value(0).to_string(),
            complaint: f.value(1).to_string(),
            make: opt(2),
            model: opt(3),
            customer: opt(4),
            phone: opt(5),
            promised_at: promised,
            priority: crate::domain::Priority::ALL[f.priority],
            ..Default::default()
        };
        let who = self.who();
        match self.ws.new_job(&who, &input) {
            Ok(j) => {
                let text = format!(
                    "{} checked in: {} — waiting for dispatch",
                    j.label(),
                    j.plate
                );
                self.reload();
                self.info(text);
            }
            // A field's own rule goes next to that field.
            Err(Error::Refused(Refusal::Invalid { field, message }))
                if CheckInForm::FIELDS.contains(&field.as_str()) =>
            {
                let i = CheckInForm::FIELDS
                    .iter()
                    .position(|x| *x == field)
                    .unwrap_or(0);
                f.errors[i] = Some(message);
                f.field = i;
                self.modal = Some(Modal::CheckIn(f));
            }
            Err(e) => {
                f.error = Some(e.to_string());
                self.modal = Some(Modal::CheckIn(f));
            }
        }
    }

    fn submit_parts(&mut self, mut f: PartsForm) {
        // Field-by-field validation with the domain's rules, so each message
        // stands next to its field.
        f.errors = Default::default();
        if let Err(e) = validate::required_text("part", f.part.value(), limits::PART) {
            f.errors[0] = Some(field_message(e));
        }
        let qty = match f.qty.value().trim().parse::<i64>() {
            Ok(q) => match validate::quantity(q) {
                Ok(q) => Some(q),
                Err(e) => {
                    f.errors[1] = Some(field_message(e));
                    None
                }
            },
            Err(_) => {
                f.errors[1] = Some(format!("a whole number from 1 to {}", limits::QTY_MAX));
                None
            }
        };
        if let Err(e) = validate::optional_text("note", Some(f.note.value()), limits::NOTE) {
            f.errors[4] = Some(field_message(e));
        }
        if let Some(i) = f.errors.iter().position(Option::is_some) {
            f.field = i;
            self.modal = Some(Modal::PartsLog(f));
            return;
        }
        let input = NewPartsInput {
            part: f.part.value().to_string(),
            kind: f.kind(),
            qty: qty.unwrap_or(1),
            blocking: f.blocking,
            note: Some(f.note.value().to_string()),
        };
        let who = self.who();
        let res = self.ws.log_parts(&who, f.job, &input, Some(f.version));
        f.error = self.form_outcome(res, |p| {
            format!(
                "{} logged on {}{}",
                parts_label(p.id),
                job_label(p.job),
                if p.blocking {
                    " — job waits for parts"
                } else {
                    ""
                }
            )
        });
        if f.error.is_some() {
            self.modal = Some(Modal::PartsLog(f));
        }
    }

    fn submit_inspection(&mut self, mut f: QcForm, pin: Option<String>) {
        let km = f.road_km.value().trim().to_string();
        let road_test_km = if km.is_empty() {
            None
        } else {
            match km
                .parse::<f64>()
                .map_err(|_| ())
                .and_then(|k| validate::road_test_km(k).map_err(|_| ()))
            {
                Ok(k) => Some(k),
                Err(()) => {
                    f.error = Some(format!(
                        "road test km: a number above 0, at most {}",
                        limits::ROAD_TEST_KM_MAX
                    ));
                    f.row = f.km_row();
                    self.modal = Some(Modal::Inspect(f));
                    return;
                }
            }
        };
        let (verdict, _) = f.verdict();
        let inspection = Inspection {
            marks: f.marks(),
            road_test_km,
            note: Some(f.note.value().to_string()).filter(|n| !n.trim().is_empty()),
            pin,
        };
        let who = self.who();
        let res = self
            .ws
            .inspect(&who, f.job, verdict, &inspection, Some(f.version));
        f.error = self.form_outcome(res, |r| {
            if r.passed {
                format!(
                    "{} passed QC — bay freed, ready for delivery",
                    r.job.label()
                )
            } else {
                format!(
                    "{} sent back for rework: {}",
                    r.job.label(),
                    r.failed.join(", ")
                )
            }
        });
        if f.error.is_some() {
            self.modal = Some(Modal::Inspect(f));
        }
    }

    /// Keys for the footer: what this screen offers this person now.
    pub fn footer_keys(&self) -> Vec<(&'static str, &'static str)> {
        let mut keys: Vec<(&str, &str)> = Vec::new();
        if let Some(Modal::Pin { .. }) = &self.modal {
            return vec![("⏎", "confirm"), ("Esc", "back")];
        }
        if self.user.is_none() {
            return vec![("↑↓", "choose"), ("⏎", "log in"), ("q", "quit")];
        }
        if let Some(m) = &self.modal {
            return match m {
                Modal::Pin { .. } => vec![],
                Modal::Help => vec![("any key", "close")],
                Modal::ConfirmQuit(_) => vec![("y", "quit"), ("n", "back")],
                Modal::Deliver { .. } | Modal::PartsCancel { .. } => {
                    vec![("y", "confirm"), ("n", "back")]
                }
                Modal::Dispatch(_) => vec![
                    ("↑↓", "choose"),
                    ("Tab", "bay/technician"),
                    ("⏎", "confirm"),
                    ("Esc", "back"),
                ],
                Modal::Priority(_) => vec![
                    ("n/h/u", "normal/high/urgent"),
                    ("⏎", "set"),
                    ("Esc", "back"),
                ],
                Modal::Cancel { .. } | Modal::PartsEta { .. } => {
                    vec![("⏎", "save"), ("Esc", "back")]
                }
                Modal::PartsLog(_) => vec![
                    ("Tab", "next field"),
                    ("←→", "kind"),
                    ("space", "blocking"),
                    ("⏎", "log"),
                    ("Esc", "back"),
                ],
                Modal::Inspect(f) if f.editing => vec![("⏎", "done"), ("Esc", "done")],
                Modal::CheckIn(_) => vec![
                    ("Tab", "next field"),
                    ("←→", "priority"),
                    ("⏎", "check in"),
                    ("Esc", "back"),
                ],
                Modal::Inspect(_) => vec![
                    ("p/f/n", "pass/fail/n-a"),
                    ("e", "note"),
                    ("↑↓", "item"),
                    ("^S", "sign"),
                    ("Esc", "back"),
                ],
            };
        }
        if self.detail.is_some() {
            return vec![("↑↓", "scroll"), ("Esc", "back"), ("q", "quit")];
        }
        if self.offers(JobAction::Dispatch) && self.view == View::Board {
            keys.push(("d", "dispatch"));
        }
        if self.view == View::Board {
            if self.offers(JobAction::Reassign) {
                keys.push(("a", "reassign"));
            }
            if self.offers(JobAction::Release) {
                keys.push(("x", "release"));
            }
            if self.offers(JobAction::Cancel) {
                keys.push(("C", "cancel"));
            }
        }
        if self.offers(JobAction::SetPriority) && matches!(self.view, View::Board | View::Qc) {
            keys.push(("u", "priority"));
        }
        if self.view == View::MyWork {
            if self.offers(JobAction::Start) || self.offers(JobAction::Resume) {
                keys.push(("s", "start"));
            }
            if self.offers(JobAction::Pause) {
                keys.push(("p", "pause"));
            }
            if self.offers(JobAction::Finish) {
                keys.push(("f", "finish"));
            }
        }
        if self.offers_parts_log() {
            keys.push(("l", "log parts"));
        }
        if self.offers_parts_update() {
            keys.push(("o/v/r", "ordered/received/resolved"));
        }
        if self.offers(JobAction::PassQc) && matches!(self.view, View::Qc | View::Board) {
            keys.push(("i", "inspect"));
        }
        if self.offers(JobAction::Deliver) && matches!(self.view, View::Qc | View::Board) {
            keys.push(("D", "deliver"));
        }
        if self.selected_job().is_some() {
            keys.push(("⏎", "details"));
        }
        if self.view == View::Board && self.offers_check_in() {
            keys.push(("n", "check in"));
        }
        if self.view == View::Board {
            keys.push(("Tab", "panel"));
        }
        keys.push(("?", "help"));
        keys.push(("q", "quit"));
        keys
    }
}

fn pin_prompt(purpose: PinFor) -> Modal {
    Modal::Pin {
        purpose,
        input: Input::default(),
        error: None,
    }
}

fn field_message(r: Refusal) -> String {
    match r {
        Refusal::Invalid { message, .. } => message,
        other => other.to_string(),
    }
}

/// Local midnight of `now`'s day, for "hours today".
pub fn local_midnight(now: DateTime<Utc>, tz: &FixedOffset) -> DateTime<Utc> {
    let local = now.with_timezone(tz);
    local
        .date_naive()
        .and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(*tz).single())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(now)
}

/// The verdict a QC form would sign, for its footer.
pub fn verdict_text(f: &QcForm) -> String {
    match f.verdict() {
        (Verdict::Pass, _) => "PASS — every required item pass or n/a".into(),
        (Verdict::Fail, failed) => format!("FAIL — rework: {}", failed.join(", ")),
    }
}
