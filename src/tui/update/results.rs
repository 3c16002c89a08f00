//! What comes back: form commands, and the answers of reloads and writes.

use super::*;
use crate::domain::JobStatus;

pub(super) fn form_action(m: &mut Model, fa: FormAction) -> Vec<Effect> {
    let Some(Overlay::Form(mut f)) = m.overlay.take() else {
        return vec![];
    };
    match f.get_mut().act(fa) {
        FormKey::Stay => m.overlay = Some(Overlay::Form(f)),
        // Input is not thrown away on one key: ask first.
        FormKey::Close if f.get().dirty() => {
            let back = Box::new(Overlay::Form(f));
            m.overlay = Some(Overlay::Confirm(Confirm::Discard(back)));
        }
        FormKey::Close => close_form(m, f),
        FormKey::Quit if f.get().dirty() => {
            let back = Box::new(Overlay::Form(f));
            m.overlay = Some(Overlay::Confirm(Confirm::Quit(Some(back))));
        }
        FormKey::Quit => m.quit = true,
        FormKey::Submit => match f.get_mut().submit(m) {
            Submit::Run(e) => {
                m.overlay = Some(Overlay::Form(f));
                return vec![e];
            }
            Submit::Stay => m.overlay = Some(Overlay::Form(f)),
            Submit::Next(g) => m.overlay = Some(Overlay::Form(g)),
            Submit::Open(e) => return vec![e],
        },
    }
    vec![]
}

/// Esc: a PIN prompt that signs goes back to its inspection.
pub(super) fn close_form(m: &mut Model, f: AnyForm) {
    m.overlay = match &f {
        AnyForm::Pin(p) => p.back().map(Overlay::Form),
        _ => None,
    };
}

/// A claim form open while the claim moved on elsewhere: the form offers
/// the claim's next steps from where it now is, and says so.
fn claim_moved_elsewhere(m: &mut Model) {
    use crate::tui::forms::ClaimFor;
    let Some(Overlay::Form(AnyForm::Claim(f))) = &mut m.overlay else {
        return;
    };
    let ClaimFor::Step { claim, from } = f.what else {
        return;
    };
    let now = m
        .board
        .claims
        .iter()
        .find(|c| c.id == claim)
        .map_or(crate::domain::warranty::ClaimStatus::Paid, |c| c.status);
    if now != from {
        f.moved_to(now);
    }
}

pub(super) fn loaded(m: &mut Model, s: Snapshot) -> Vec<Effect> {
    // A change from elsewhere: what was said a moment ago may no longer
    // hold ("job waits for parts" after the part came).
    if s.outside {
        m.expire_flash(2);
    }
    let row = m.selected_row_id();
    let waited = my_jobs_waiting_for_the_customer(m);
    m.board = s.board;
    m.follow_row(row);
    claim_moved_elsewhere(m);
    // The technician hears when the customer decided on found work.
    let decided: Vec<String> = waited
        .into_iter()
        .filter_map(|id| m.find_job(id))
        .filter(|j| j.status != JobStatus::WaitingApproval)
        .map(|j| j.label())
        .collect();
    if !decided.is_empty() {
        m.info(crate::present::words::message(
            "ui-customer-decided",
            &[("jobs", decided.join(", ").into())],
        ));
    }
    if let Some(staff) = s.staff {
        m.staff = staff;
    }
    m.seen = Some(s.version);
    m.clamp();
    let mut effects = Vec::new();
    if let Some(d) = &m.detail {
        effects.push(Effect::LoadJob(Slot::Detail, d.job.id));
        if m.vehicle_file.is_some() {
            effects.push(Effect::LoadVehicle(d.job.plate.clone()));
        }
    }
    effects.extend(my_job(m));
    effects
}

/// The technician's own jobs held for the customer's decision.
fn my_jobs_waiting_for_the_customer(m: &Model) -> Vec<i64> {
    let Some(me) = m.actor().map(|a| a.id) else {
        return Vec::new();
    };
    m.open_jobs()
        .filter(|j| j.technician_id == Some(me) && j.status == JobStatus::WaitingApproval)
        .map(|j| j.id)
        .collect()
}

/// The answer to a write. Success closes the form and reloads; a stale view
/// reloads and says so; any other refusal stays in the form, next to its
/// field where it names one.
pub(super) fn written(m: &mut Model, r: Result<String, Error>) -> Vec<Effect> {
    let form = match m.overlay.take() {
        Some(Overlay::Form(f)) => Some(f),
        other => {
            m.overlay = other;
            None
        }
    };
    match r {
        Ok(text) => {
            m.info(text);
            vec![Effect::Reload]
        }
        Err(Error::Refused(r @ Refusal::Stale { .. })) => {
            m.error(format!("{r} — showing the fresh state"));
            vec![Effect::Reload]
        }
        Err(e) => {
            match form {
                Some(f) => {
                    // A refused signature goes back to its inspection.
                    let mut f = match &f {
                        AnyForm::Pin(p) => p.back().unwrap_or(f),
                        _ => f,
                    };
                    let (field, message) = match e {
                        Error::Refused(Refusal::Invalid { field, said })
                            if f.get().fields().contains(&field) =>
                        {
                            (Some(field), crate::present::words::say(&said))
                        }
                        other => (None, other.to_string()),
                    };
                    f.get_mut().refused(field, message);
                    m.overlay = Some(Overlay::Form(f));
                }
                None => m.error(e.to_string()),
            }
            vec![]
        }
    }
}

/// The open recall campaigns, for the check-in form if it is still open.
pub(super) fn recalls(
    m: &mut Model,
    r: Result<Vec<crate::store::PlateRecall>, String>,
) -> Vec<Effect> {
    match (r, &mut m.overlay) {
        (Ok(list), Some(Overlay::Form(AnyForm::CheckIn(f)))) => f.recalls = list,
        (Ok(_), _) => {}
        (Err(e), _) => m.error(e),
    }
    vec![]
}

pub(super) fn vehicle_loaded(
    m: &mut Model,
    r: Result<Box<crate::read::vehicle_file::VehicleFile>, String>,
) -> Vec<Effect> {
    match r {
        Ok(v) => {
            // A reload keeps the place read to.
            if m.vehicle_file.replace(*v).is_none() {
                m.detail_scroll = 0;
            }
        }
        Err(e) => m.error(e),
    }
    vec![]
}
