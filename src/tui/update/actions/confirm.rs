//! The answer to a yes/no question: yes runs what was asked, no goes back
//! to what was open before.

use super::super::super::model::{Confirm, Model, Overlay};
use super::super::super::msg::{Effect, Write};

pub(super) fn yes(m: &mut Model) -> Vec<Effect> {
    let confirm = match m.overlay.take() {
        Some(Overlay::Confirm(c)) => c,
        other => {
            m.overlay = other;
            return vec![];
        }
    };
    let write = match confirm {
        Confirm::Quit(_) => {
            m.quit = true;
            return vec![];
        }
        Confirm::Discard(_) => return vec![],
        Confirm::Act {
            job,
            version,
            action,
        } => Write::Act {
            job,
            version,
            action,
        },
        Confirm::Parts { issue, to } => Write::UpdateParts {
            issue,
            to,
            eta: None,
        },
        Confirm::NoShow { appt } => Write::NoShow { appt },
    };
    vec![Effect::Write(write)]
}

pub(super) fn no(m: &mut Model) -> Vec<Effect> {
    m.overlay = match m.overlay.take() {
        Some(Overlay::Confirm(Confirm::Quit(prev))) => prev.map(|b| *b),
        Some(Overlay::Confirm(Confirm::Discard(prev))) => Some(*prev),
        _ => None,
    };
    vec![]
}
