//! The advisor's desk: bookings, check-in, follow-up calls, complaints and
//! the customer's decisions.

use super::super::super::forms::{
    AnyForm, CheckInForm, DecisionForm, PrinterForm, TextForm, TextPurpose,
};
use super::super::super::model::{Confirm, Model, Overlay};
use super::super::super::msg::{Effect, Write};
use crate::domain::aftersales::ComplaintStatus;

/// The reception form, filled from the booking: Enter checks the car in,
/// or first note the walk-around.
pub(super) fn arrive(m: &mut Model) -> Vec<Effect> {
    if let Some(f) = m.selected_appt().map(CheckInForm::arrival) {
        m.overlay = Some(Overlay::Form(AnyForm::CheckIn(Box::new(f))));
        return vec![Effect::Catalogue, Effect::Recalls];
    }
    vec![]
}

pub(super) fn no_show(m: &mut Model) -> Vec<Effect> {
    if let Some(appt) = m.selected_appt().map(|a| a.id) {
        m.overlay = Some(Overlay::Confirm(Confirm::NoShow { appt }));
    }
    vec![]
}

pub(super) fn check_in(m: &mut Model) -> Vec<Effect> {
    m.overlay = Some(Overlay::Form(AnyForm::CheckIn(
        Box::new(CheckInForm::new()),
    )));
    vec![Effect::Catalogue, Effect::Recalls]
}

/// A call on the selected row: the follow-up call, or on Today the
/// service reminder of a car due.
pub(super) fn call(m: &mut Model, reached: bool) -> Vec<Effect> {
    let purpose = match (m.selected_followup(), m.selected_due()) {
        (Some(f), _) => TextPurpose::Followup {
            job: f.job,
            reached,
        },
        (None, Some(d)) => TextPurpose::Reminder {
            job: d.job,
            reached,
        },
        (None, None) => return vec![],
    };
    let f = TextForm::new(purpose);
    m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
    vec![]
}

/// A customer called about the row's job: by when, then what was asked
/// and promised, in one line.
pub(super) fn log_call(m: &mut Model) -> Vec<Effect> {
    if let Some(job) = m.row_job() {
        let f = TextForm::new(TextPurpose::NewCall { job });
        m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
    }
    vec![]
}

/// The selected call is returned: what was done (required).
pub(super) fn close_call(m: &mut Model) -> Vec<Effect> {
    if let Some(id) = m.selected_call().map(|c| c.id) {
        let f = TextForm::new(TextPurpose::CloseCall { id });
        m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
    }
    vec![]
}

/// Each step of a complaint records what was said or done: optional when
/// acknowledging, required to resolve or close (Enter in the note is the
/// step; Esc takes nothing).
pub(super) fn complaint_step(m: &mut Model, to: ComplaintStatus) -> Vec<Effect> {
    let Some(id) = m.selected_complaint().map(|c| c.id) else {
        return vec![];
    };
    let f = TextForm::new(TextPurpose::Complaint { id, to });
    m.overlay = Some(Overlay::Form(AnyForm::Text(Box::new(f))));
    vec![]
}

pub(super) fn decide(m: &mut Model, approve: bool) -> Vec<Effect> {
    if let Some(a) = m.selected_approval() {
        let f = DecisionForm::new(a, approve, &m.board.currency);
        m.overlay = Some(Overlay::Form(AnyForm::Decision(Box::new(f))));
    }
    vec![]
}

/// A job's paperwork to the printer: straight to the shop's one printer
/// (or CUPS's default), asking which only when the shop has several.
pub(super) fn print(m: &mut Model, doc: crate::domain::documents::Document) -> Vec<Effect> {
    let Some(job) = m.selected_job().map(|j| j.id) else {
        return vec![];
    };
    if m.board.printers.len() > 1 {
        let f = PrinterForm::new(job, doc, m.board.printers.clone());
        m.overlay = Some(Overlay::Form(AnyForm::Printer(Box::new(f))));
        return vec![];
    }
    vec![Effect::Write(Write::Print {
        job,
        doc,
        printer: None,
    })]
}

/// The warranty desk's row: a job's claim to open, or a claim to move on.
pub(super) fn claim(m: &mut Model) -> Vec<Effect> {
    use crate::tui::forms::ClaimForm;
    use crate::tui::select::DeskRow;
    let f = match m.selected_desk() {
        Some(DeskRow::ToClaim(t)) => ClaimForm::new_claim(t.job),
        Some(DeskRow::Claim(c)) => ClaimForm::step(c),
        None => return vec![],
    };
    m.overlay = Some(Overlay::Form(AnyForm::Claim(Box::new(f))));
    vec![]
}
