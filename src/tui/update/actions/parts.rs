//! The parts counter: an issue's next step (an order asks its ETA; a
//! resolution or a cancellation is asked first).

use super::super::super::forms::{AnyForm, TextForm, TextPurpose};
use super::super::super::model::{Confirm, Model, Overlay};
use super::super::super::msg::{Effect, Write};
use crate::domain::PartStatus;

pub(super) fn step(m: &mut Model, to: PartStatus) -> Vec<Effect> {
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
    vec![]
}
