//! Who is at the terminal: quitting, logging in, the login list's search.

use super::super::super::forms::{AnyForm, PinFor, PinForm};
use super::super::super::model::{Model, Overlay};
use super::super::super::msg::Effect;
use crate::domain::Actor;

pub(super) fn quit(m: &mut Model) -> Vec<Effect> {
    m.quit = true;
    vec![]
}

/// The highlighted person: their PIN first if they keep one.
pub(super) fn log_in(m: &mut Model) -> Vec<Effect> {
    let Some(s) = m.login_list().get(m.sel.login).copied().cloned() else {
        return vec![];
    };
    if !s.has_pin {
        // No PIN to stop a stray Enter on whoever is highlighted: unless
        // the name was typed, the second Enter logs in, the first names who.
        if m.find.is_empty() && m.login_armed != Some(s.id) {
            m.login_armed = Some(s.id);
            m.info(crate::present::words::message(
                "ui-log-in-as",
                &[("name", s.name.clone().into())],
            ));
            return vec![];
        }
        m.login_armed = None;
        return vec![Effect::LogIn {
            name: s.name,
            pin: None,
        }];
    }
    let actor = Actor {
        id: s.id,
        name: s.name,
        roles: s.roles,
    };
    let pin = PinForm::new(PinFor::Login(actor));
    m.overlay = Some(Overlay::Form(AnyForm::Pin(Box::new(pin))));
    vec![]
}

pub(super) fn unfind(m: &mut Model) -> Vec<Effect> {
    m.find.pop();
    m.sel.login = 0;
    vec![]
}

pub(super) fn clear_find(m: &mut Model) -> Vec<Effect> {
    m.find.clear();
    m.sel.login = 0;
    vec![]
}
