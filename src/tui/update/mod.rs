//! `update(model, msg) -> effects`: every change of the TUI's state, with
//! no IO. Keys become actions through the keymap; writes and reads are
//! returned as effects for `effects` to run.

use super::forms::{AnyForm, FormAction, FormKey, QcForm, Submit};
use super::keymap::{self, Action};
use super::model::{Confirm, FLASH_SECS, Model, Overlay, View};
use super::msg::{Effect, Msg, Slot, Snapshot};
use crate::domain::{Actor, Refusal};
use crate::error::Error;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};

mod actions;
mod cursor;
mod results;

use actions::figures_wanted;
use cursor::my_job;
use results::{loaded, recalls, vehicle_loaded, written};

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
            let mut out: Vec<Effect> = minute.then_some(Effect::ReloadWhole).into_iter().collect();
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
        Msg::Catalogue(r) => {
            match r {
                Ok(ops) => match &mut m.overlay {
                    Some(Overlay::Form(AnyForm::CheckIn(f))) => f.ops.ops = Some(ops),
                    Some(Overlay::Form(AnyForm::FoundWork(f))) => f.op.ops = Some(ops),
                    _ => {}
                },
                Err(e) => m.error(crate::present::words::message(
                    "ui-cannot-read-price-list",
                    &[("why", e.into())],
                )),
            }
            vec![]
        }
        Msg::Recalls(r) => recalls(m, r),
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
        Msg::VehicleLoaded(r) => vehicle_loaded(m, r),
        Msg::JobLoaded(Slot::MyJob, r) => {
            m.my_job = r.ok().map(|d| *d);
            m.clamp();
            vec![]
        }
        Msg::Written(r) => written(m, r),
        Msg::InspectChecked {
            job,
            version,
            level,
            result,
        } => {
            match result {
                Ok((lines, failed_before)) => {
                    let mut form = QcForm::at_level(job, version, level);
                    form.lines = lines;
                    form.failed_before = failed_before;
                    m.overlay = Some(Overlay::Form(AnyForm::Inspect(Box::new(form))));
                }
                Err(e) => m.error(e),
            }
            vec![]
        }
        Msg::LoggedIn(Ok((pin_by, actor))) => {
            m.overlay = None;
            let name = actor.name.clone();
            let effects = login(m, actor);
            if let Some(by) = pin_by {
                m.error(crate::present::words::say(
                    &crate::domain::Said::new("note-pin-set-by")
                        .text("by", by)
                        .text("name", name),
                ));
            }
            effects
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
        Some(a) => actions::act(m, a),
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
