//! The advisor's desk: which booking, car due, follow-up, call,
//! complaint, approval or warranty row the cursor is on. A list that goes
//! on under another (cars due under the bookings, calls under the
//! follow-ups, the warranty desk under the approvals) shares its cursor.

use crate::domain::lines;
use crate::store::ApprovalRow;
use crate::tui::model::{Model, View};

impl Model {
    pub fn selected_appt(&self) -> Option<&crate::store::ApptRow> {
        (self.view == View::Today)
            .then(|| self.board.today.get(self.sel.today))
            .flatten()
    }

    /// A car due for its service reminder: Today lists them after the
    /// bookings, one cursor over both.
    pub fn selected_due(&self) -> Option<&crate::store::DueRow> {
        (self.view == View::Today)
            .then(|| {
                let at = self.sel.today.checked_sub(self.board.today.len())?;
                self.board.service_due.get(at)
            })
            .flatten()
    }

    pub fn selected_followup(&self) -> Option<&crate::store::FollowupRow> {
        (self.view == View::Followup)
            .then(|| self.board.followups.get(self.sel.followups))
            .flatten()
    }

    /// A call to return: the Follow-up view lists them after the
    /// follow-ups, one cursor over both.
    pub fn selected_call(&self) -> Option<&crate::store::CallRow> {
        (self.view == View::Followup)
            .then(|| {
                let at = self.sel.followups.checked_sub(self.board.followups.len())?;
                self.board.calls.get(at)
            })
            .flatten()
    }

    pub fn selected_complaint(&self) -> Option<&crate::store::ComplaintRow> {
        (self.view == View::Complaints)
            .then(|| self.board.complaints.get(self.sel.complaints))
            .flatten()
    }

    /// A booking that can still arrive (or be marked a no-show).
    pub fn offers_arrival(&self) -> bool {
        use crate::domain::appointments::ApptStatus;
        self.selected_appt()
            .is_some_and(|a| a.status == ApptStatus::Booked)
    }

    /// A complaint whose next step is `to`.
    pub fn offers_complaint_step(&self, to: crate::domain::aftersales::ComplaintStatus) -> bool {
        self.selected_complaint()
            .is_some_and(|c| c.status.step(to).is_ok())
    }

    pub fn selected_approval(&self) -> Option<&ApprovalRow> {
        (self.view == View::Approvals)
            .then(|| self.board.approvals.get(self.sel.approvals))
            .flatten()
    }

    /// The warranty desk's row under the cursor: Approvals lists the jobs
    /// to claim, then the claims not yet paid, after the approvals.
    pub fn selected_desk(&self) -> Option<DeskRow<'_>> {
        if self.view != View::Approvals {
            return None;
        }
        let at = self.sel.approvals.checked_sub(self.board.approvals.len())?;
        match self.board.to_claim.get(at) {
            Some(t) => Some(DeskRow::ToClaim(t)),
            None => self
                .board
                .claims
                .get(at - self.board.to_claim.len())
                .map(DeskRow::Claim),
        }
    }

    pub fn offers_decision(&self) -> bool {
        match (self.actor(), self.selected_approval()) {
            (Some(a), Some(x)) => lines::check_decide(a, "", x.line.status).is_ok(),
            _ => false,
        }
    }
}

/// A row of the warranty desk.
#[derive(Debug, Clone, Copy)]
pub enum DeskRow<'a> {
    ToClaim(&'a crate::store::ToClaim),
    Claim(&'a crate::store::ClaimRow),
}

impl DeskRow<'_> {
    pub fn job(&self) -> i64 {
        match self {
            DeskRow::ToClaim(t) => t.job,
            DeskRow::Claim(c) => c.job,
        }
    }
}
