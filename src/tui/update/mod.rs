//! `update(model, msg) -> effects`: every change of the TUI's state, with
//! no IO. Keys become actions through the keymap; writes and reads are
//! returned as effects for `effects` to run.

use super::forms::{
    AnyForm, CheckInForm, DecisionForm, DispatchForm, FormAction, FormKey, FoundWorkForm,
    PartsForm, PinFor, PinForm, PriorityForm, QcForm, Submit, TextForm, TextPurpose,
};
use super::keymap::{self, Action};
use super::model::{Confirm, FLASH_SECS, Model, MyFocus, Overlay, View};
use super::msg::{Effect, Msg, Slot, Snapshot, Write};
use crate::domain::{Actor, JobAction, LineStatus, PartStatus, Refusal};
use crate::error::Error;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

mod cursor;
mod results;

use cursor::{my_job, step};
use results::{form_action, loaded, written};

pub fn update(m: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Key(k) if k.kind != KeyEventKind::Release => key(m, k),
        Msg::Key(_) => vec![],
        Msg::Paste(text) => {
            if let Some(Overlay::Form(f)) = &mut m.overlay {
                f.get_mut().paste(&text);
            }
            vec![]
        }
        Msg::Tick(now) => {
            let minute = m.set_now(now);
            m.expire_flash(FLASH_SECS);
            if let (Some(idle), Some(_)) = (m.idle_logout, &m.user)
                && now - m.last_input >= idle
            {
                let mins = idle.num_minutes();
                let effects = log_out(m);
                m.info(format!("logged out after {mins} idle minute(s)"));
                return effects;
            }
            // Hours today and times in state move with the clock, not only
            // when something changes.
            let mut out = if minute { vec![Effect::Reload] } else { vec![] };
            out.extend(figures_wanted(m));
            out
        }
        Msg::Figures(span, r) => {
            match r {
                Ok(f) => {
                    let read = super::dash::Read {
                        at: m.now,
                        figures: std::sync::Arc::new(*f),
                    };
                    m.dash.cache.insert(span, read);
                }
                Err(e) => m.error(format!("cannot read the figures: {e}")),
            }
            vec![]
        }
        Msg::Loaded(s) => loaded(m, *s),
        Msg::LoadFailed(e) => {
            m.error(format!("cannot read the board: {e}"));
            vec![]
        }
        Msg::JobLoaded(Slot::Detail, r) => {
            match r {
                Ok(d) => m.detail = Some(*d),
                Err(e) => {
                    m.detail = None;
                    m.error(e);
                }
            }
            vec![]
        }
        Msg::JobLoaded(Slot::MyJob, r) => {
            m.my_job = r.ok().map(|d| *d);
            m.clamp();
            vec![]
        }
        Msg::Written(r) => written(m, r),
        Msg::InspectChecked {
            job,
            version,
            result,
        } => {
            match result {
                Ok(lines) => {
                    let mut form = QcForm::new(job, version, m.checklist.clone());
                    form.lines = lines;
                    m.overlay = Some(Overlay::Form(AnyForm::Inspect(Box::new(form))));
                }
                Err(e) => m.error(e),
            }
            vec![]
        }
        Msg::LoggedIn(Ok(actor)) => {
            m.overlay = None;
            login(m, actor)
        }
        Msg::LoggedIn(Err(e)) => {
            if let Some(Overlay::Form(f)) = &mut m.overlay {
                f.get_mut().refused(None, e);
            } else {
                m.error(e);
            }
            vec![]
        }
    }
}

/// Back to the login screen: nothing of the last person's stays open, and
/// their PIN must be given again.
pub fn log_out(m: &mut Model) -> Vec<Effect> {
    m.user = None;
    m.overlay = None;
    m.detail = None;
    m.my_job = None;
    m.find.clear();
    m.sel = Default::default();
    m.view = View::Board;
    vec![Effect::LogOut]
}

/// Logs `actor` in at this terminal and opens their home view.
pub fn login(m: &mut Model, actor: Actor) -> Vec<Effect> {
    m.last_input = m.now;
    m.view = View::home(&actor);
    // The foreman's first action is dispatching: open on the queue.
    if actor.has(crate::domain::Role::Foreman) {
        m.panel = super::model::Panel::Queue;
    }
    m.user = Some(actor);
    m.clamp();
    my_job(m)
}

fn key(m: &mut Model, k: KeyEvent) -> Vec<Effect> {
    m.last_input = m.now;
    if m.overlay.is_none() && m.user.is_some() {
        m.flash = None;
    }
    match keymap::lookup(m, &k) {
        Some(Action::Find) => {
            if let ratatui::crossterm::event::KeyCode::Char(c) = k.code
                && !c.is_control()
            {
                m.find.push(c);
                m.sel.login = 0;
            }
            vec![]
        }
        Some(a) => act(m, a),
        None => {
            // Typing: a key no row took goes into the focused field.
            if let Some(Overlay::Form(f)) = &mut m.overlay {
                f.get_mut().edit(k);
            } else if let Some(why) = keymap::why_not(m, &k) {
                // A key that does something elsewhere says why not here.
                m.error(why);
            }
            vec![]
        }
    }
}

fn act(m: &mut Model, a: Action) -> Vec<Effect> {
    let job = m.selected_job().map(|j| (j.id, j.version));
    match a {
        Action::ForceQuit => m.quit = true,
        Action::Quit => m.quit = true,
        Action::LogOut => return log_out(m),
        Action::Arrive | Action::NoShow => {
            let Some(appt) = m.selected_appt().map(|a| a.id) else {
                return vec![];
            };
            if a == Action::Arrive {
                // The reception form, filled from the booking: Enter checks
                // the car in, or first note the walk-around.
                let form = m.selected_appt().map(CheckInForm::arrival);
                if let Some(f) = form {
                    m.overlay = Some(Overlay::Form(AnyForm::CheckIn(Box::new(f))));
                }
                return vec![];
            }
            m.overlay = Some(Overlay::Confirm(Confirm::NoShow { appt }));
        }
        Action::Call(reached) => {
            let Some(job) = m.selected_followup().map(|f| f.job) else {
                return vec![];
            };
            m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(TextForm::new(
                TextPurpose::Followup { job, reached },
            )))));
        }
        Action::ComplaintStep(to) => {
            let Some(id) = m.selected_complaint().map(|c| c.id) else {
                return vec![];
            };
            // Acknowledging is undone by nothing but also harms nothing; a
            // resolution or a closing is asked first.
            if to == crate::domain::aftersales::ComplaintStatus::Acknowledged {
                return vec![Effect::Write(Write::Complaint { id, to })];
            }
            m.overlay = Some(Overlay::Confirm(Confirm::Complaint { id, to }));
        }
        Action::Help => m.overlay = Some(Overlay::Help),
        Action::Up | Action::Down => return step(m, if a == Action::Up { -1 } else { 1 }),
        Action::PageUp => m.detail_scroll = m.detail_scroll.saturating_sub(10),
        Action::PageDown => m.detail_scroll = m.detail_scroll.saturating_add(10),
        Action::NextPanel => m.panel = m.panel.step(1),
        Action::PrevPanel => m.panel = m.panel.step(-1),
        Action::Switch(v) => {
            let allowed = m.actor().is_some_and(|a| v.allowed(a));
            if !allowed {
                let yours: Vec<String> = View::ALL
                    .into_iter()
                    .filter(|x| m.actor().is_some_and(|a| x.allowed(a)))
                    .map(|x| format!("{} {}", x.key(), x.title()))
                    .collect();
                m.error(format!(
                    "{} is not among your views; yours: {}",
                    v.title(),
                    yours.join(", ")
                ));
                return vec![];
            }
            m.view = v;
            let mut out = my_job(m);
            out.extend(figures_wanted(m));
            return out;
        }
        Action::Details => {
            if let Some((n, _)) = job {
                m.detail_scroll = 0;
                return vec![Effect::LoadJob(Slot::Detail, n)];
            }
        }
        Action::Back => {
            if matches!(m.overlay, Some(Overlay::Help)) {
                m.overlay = None;
            } else {
                m.detail = None;
                m.detail_scroll = 0;
            }
        }
        Action::LogIn => {
            let Some(s) = m.login_list().get(m.sel.login).copied().cloned() else {
                return vec![];
            };
            if s.has_pin {
                let actor = Actor {
                    id: s.id,
                    name: s.name,
                    roles: s.roles,
                };
                let pin = PinForm::new(PinFor::Login(actor));
                m.overlay = Some(Overlay::Form(AnyForm::Pin(Box::new(pin))));
            } else {
                return vec![Effect::LogIn {
                    name: s.name,
                    pin: None,
                }];
            }
        }
        Action::Job(action) => {
            if let Some((job, version)) = job {
                // Finishing and releasing are not taken back in one key.
                if matches!(action, JobAction::Finish | JobAction::Release) {
                    m.overlay = Some(Overlay::Confirm(Confirm::Act {
                        job,
                        version,
                        action,
                    }));
                    return vec![];
                }
                return vec![Effect::Write(Write::Act {
                    job,
                    version,
                    action,
                })];
            }
        }
        Action::Dispatch | Action::Reassign => {
            let Some(j) = m.selected_job() else {
                return vec![];
            };
            match DispatchForm::open(m, j, a == Action::Reassign) {
                Ok(f) => m.overlay = Some(Overlay::Form(AnyForm::Dispatch(Box::new(f)))),
                Err(e) => m.error(e),
            }
        }
        Action::Priority => {
            if let Some(j) = m.selected_job() {
                let f = PriorityForm::new(j.id, j.version, j.priority);
                m.overlay = Some(Overlay::Form(AnyForm::Priority(f)));
            }
        }
        Action::Cancel => {
            if let Some((job, version)) = job {
                let f = TextForm::new(TextPurpose::Cancel { job, version });
                m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
            }
        }
        Action::Deliver => {
            if let Some((job, version)) = job {
                m.overlay = Some(Overlay::Confirm(Confirm::Deliver { job, version }));
            }
        }
        Action::CheckIn => {
            m.overlay = Some(Overlay::Form(AnyForm::CheckIn(
                Box::new(CheckInForm::new()),
            )))
        }
        Action::LogParts => {
            if let Some((job, version)) = job {
                let f = PartsForm::new(job, version);
                m.overlay = Some(Overlay::Form(AnyForm::PartsLog(Box::new(f))));
            }
        }
        // Refused before the form is filled in, e.g. an inspector's own work.
        Action::Inspect => {
            if let Some((job, version)) = job {
                return vec![Effect::CheckInspect { job, version }];
            }
        }
        Action::Parts(to) => {
            let Some(issue) = m.selected_parts().map(|p| p.id) else {
                return vec![];
            };
            match to {
                PartStatus::Ordered => {
                    let f = TextForm::new(TextPurpose::Eta { issue });
                    m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
                }
                PartStatus::Cancelled | PartStatus::Resolved => {
                    m.overlay = Some(Overlay::Confirm(Confirm::Parts { issue, to }))
                }
                _ => {
                    return vec![Effect::Write(Write::UpdateParts {
                        issue,
                        to,
                        eta: None,
                    })];
                }
            }
        }
        Action::Period(p) => {
            m.dash.period = p;
            m.dash.back = 0;
            m.dash.scroll = 0;
            return figures_wanted(m);
        }
        Action::Shift(by) => {
            if by > 0 && m.dash.back == 0 {
                m.error("this is the latest range: it ends today");
                return vec![];
            }
            m.dash.back = (m.dash.back - by).max(0);
            return figures_wanted(m);
        }
        Action::Refresh => return vec![Effect::Figures(m.dash.span(m.now))],
        Action::SwitchFocus => {
            m.my_focus = match m.my_focus {
                MyFocus::Lines => MyFocus::Jobs,
                MyFocus::Jobs => MyFocus::Lines,
            }
        }
        Action::LineToggle => {
            if let Some(l) = m.selected_line() {
                let done = l.status == LineStatus::Approved;
                return vec![Effect::Write(Write::MarkLine { line: l.id, done })];
            }
        }
        Action::FoundWork => {
            if let Some((job, version)) = job {
                let f = FoundWorkForm::new(job, version);
                m.overlay = Some(Overlay::Form(AnyForm::FoundWork(Box::new(f))));
            }
        }
        Action::Decide(approve) => {
            if let Some(a) = m.selected_approval() {
                let f = DecisionForm::new(a, approve, &m.board.currency);
                m.overlay = Some(Overlay::Form(AnyForm::Decision(Box::new(f))));
            }
        }
        // Find gets its character in `key`.
        Action::Find => {}
        Action::Unfind => {
            m.find.pop();
            m.sel.login = 0;
        }
        Action::ClearFind => {
            m.find.clear();
            m.sel.login = 0;
        }
        Action::Form(fa) => return form_action(m, fa),
        Action::Yes => {
            let confirm = match m.overlay.take() {
                Some(Overlay::Confirm(c)) => c,
                other => {
                    m.overlay = other;
                    return vec![];
                }
            };
            match confirm {
                Confirm::Quit(_) => m.quit = true,
                Confirm::Discard(_) => {}
                Confirm::Deliver { job, version } => {
                    return vec![Effect::Write(Write::Act {
                        job,
                        version,
                        action: JobAction::Deliver,
                    })];
                }
                Confirm::Act {
                    job,
                    version,
                    action,
                } => {
                    return vec![Effect::Write(Write::Act {
                        job,
                        version,
                        action,
                    })];
                }
                Confirm::Parts { issue, to } => {
                    return vec![Effect::Write(Write::UpdateParts {
                        issue,
                        to,
                        eta: None,
                    })];
                }
                Confirm::Complaint { id, to } => {
                    return vec![Effect::Write(Write::Complaint { id, to })];
                }
                Confirm::NoShow { appt } => {
                    return vec![Effect::Write(Write::NoShow { appt })];
                }
            }
        }
        Action::No => {
            m.overlay = match m.overlay.take() {
                Some(Overlay::Confirm(Confirm::Quit(prev))) => prev.map(|b| *b),
                Some(Overlay::Confirm(Confirm::Discard(prev))) => Some(*prev),
                _ => None,
            };
        }
    }
    vec![]
}

/// The dashboard's figures, when it is on screen and they are missing or a
/// minute old: read off the draw path, never more than once a minute.
fn figures_wanted(m: &Model) -> Vec<Effect> {
    if m.view != View::Dashboard || m.user.is_none() {
        return vec![];
    }
    m.dash
        .wanted(m.now)
        .map(Effect::Figures)
        .into_iter()
        .collect()
}
