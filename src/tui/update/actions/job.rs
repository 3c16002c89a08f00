//! The job on the floor: its state changes, dispatch, priority, cancelling
//! and delivery.

use super::super::super::forms::{AnyForm, DispatchForm, PriorityForm, TextForm, TextPurpose};
use super::super::super::model::{Confirm, Model, Overlay};
use super::super::super::msg::{Effect, Write};
use super::Seen;
use crate::domain::JobAction;

/// At once, except finishing (the self-check's list) and releasing, which
/// is not taken back in one key.
pub(super) fn act(m: &mut Model, seen: Seen, action: JobAction) -> Vec<Effect> {
    let Some((job, version)) = seen else {
        return vec![];
    };
    if action == JobAction::Finish {
        return super::work::self_check(job, version);
    }
    if action == JobAction::Release {
        m.overlay = Some(Overlay::Confirm(Confirm::Act {
            job,
            version,
            action,
        }));
        return vec![];
    }
    vec![Effect::Write(Write::Act {
        job,
        version,
        action,
    })]
}

pub(super) fn dispatch(m: &mut Model, reassign: bool) -> Vec<Effect> {
    let Some(j) = m.selected_job() else {
        return vec![];
    };
    match DispatchForm::open(m, j, reassign) {
        Ok(f) => m.overlay = Some(Overlay::Form(AnyForm::Dispatch(Box::new(f)))),
        Err(e) => m.error(e),
    }
    vec![]
}

pub(super) fn priority(m: &mut Model) -> Vec<Effect> {
    if let Some(j) = m.selected_job() {
        let f = PriorityForm::new(j.id, j.version, j.priority);
        m.overlay = Some(Overlay::Form(AnyForm::Priority(f)));
    }
    vec![]
}

pub(super) fn promise(m: &mut Model) -> Vec<Effect> {
    if let Some(j) = m.selected_job() {
        let f = TextForm::new(TextPurpose::Promise { job: j.id });
        m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
    }
    vec![]
}

/// The spot already given is shown, to keep or change.
pub(super) fn hand_over_inside(m: &mut Model) -> Vec<Effect> {
    if let Some(j) = m.selected_job() {
        let mut f = TextForm::new(TextPurpose::Spot { job: j.id });
        if let Some(spot) = &j.parking_spot {
            f.input = tui_input::Input::new(spot.clone());
        }
        m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
    }
    vec![]
}

pub(super) fn cancel(m: &mut Model, seen: Seen) -> Vec<Effect> {
    if let Some((job, version)) = seen {
        let f = TextForm::new(TextPurpose::Cancel { job, version });
        m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
    }
    vec![]
}

/// The hand-over form: payment, old parts, and what the hand-over lacks.
pub(super) fn deliver(m: &mut Model, seen: Seen) -> Vec<Effect> {
    if let Some((job, version)) = seen {
        let ready = m.selected_job().and_then(|j| j.ready).unwrap_or_default();
        let odometer = m.selected_job().and_then(|j| j.vehicle.odometer_km);
        let today = m.now.with_timezone(&m.tz).date_naive();
        let f = crate::tui::forms::DeliverForm::new((job, version), ready, (today, odometer));
        m.overlay = Some(Overlay::Form(AnyForm::Deliver(Box::new(f))));
    }
    vec![]
}
