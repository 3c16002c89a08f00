//! What the panels list and what the cursor is on, derived from the model.
//! Every view and the key handler ask here, so they cannot disagree. The
//! advisor's desk (bookings and reminders, follow-ups and calls,
//! complaints, approvals and the warranty desk) is in `desk.rs`.

mod desk;
pub use desk::DeskRow;

use super::model::{Model, MyFocus, Panel, View};
use crate::domain::{JobAction, JobStatus, LineStatus, Role, lifecycle, lines};
use crate::store::{JobRow, LineRow, PartsRow, StaffRow};

impl Model {
    /// Queue panel: waiting jobs, then open jobs without a bay.
    pub fn queue_list(&self) -> Vec<&JobRow> {
        self.board.queue.iter().chain(&self.board.parked).collect()
    }

    /// QC panel: ready for QC, then passed and waiting for delivery.
    pub fn qc_list(&self) -> Vec<&JobRow> {
        self.board.qc.iter().chain(&self.board.ready).collect()
    }

    /// Every open job on the board, each once.
    pub fn open_jobs(&self) -> impl Iterator<Item = &JobRow> {
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
        self.open_jobs().find(|j| j.id == number)
    }

    /// The technician's open jobs: running first, then what is next, with
    /// the job in this terminal's bay ahead of the rest.
    pub fn my_jobs(&self) -> Vec<&JobRow> {
        let Some(me) = &self.user else {
            return Vec::new();
        };
        let mut jobs: Vec<&JobRow> = self
            .open_jobs()
            .filter(|j| j.technician_id == Some(me.id))
            .collect();
        let rank = |j: &JobRow| match j.status {
            JobStatus::InProgress => 0,
            JobStatus::Rework => 1,
            JobStatus::Paused => 2,
            JobStatus::Dispatched => 3,
            JobStatus::WaitingParts => 4,
            JobStatus::PeerCheck | JobStatus::ReadyForQc => 5,
            _ => 6,
        };
        let elsewhere = |j: &JobRow| match (&self.bay, &j.bay) {
            (Some(b), Some(jb)) => !b.eq_ignore_ascii_case(jb),
            _ => true,
        };
        jobs.sort_by_key(|j| (elsewhere(j), rank(j), j.id));
        jobs
    }

    /// People who may log in at this terminal: those matching what was
    /// typed (in the name or its initials), the ones working at this
    /// terminal's bay first.
    pub fn login_list(&self) -> Vec<&StaffRow> {
        let find = self.find.to_lowercase();
        let mut list: Vec<&StaffRow> = self
            .staff
            .iter()
            .filter(|s| s.active && matches_name(&s.name, &find))
            .collect();
        if let Some(bay) = &self.bay {
            let here = |s: &StaffRow| {
                self.open_jobs().any(|j| {
                    j.technician.as_deref() == Some(s.name.as_str())
                        && j.bay
                            .as_deref()
                            .is_some_and(|b| b.eq_ignore_ascii_case(bay))
                })
            };
            list.sort_by_key(|s| !here(s));
        }
        list
    }

    pub fn panel_len(&self, p: Panel) -> usize {
        match p {
            Panel::Bays => self.board.bays.len(),
            Panel::Queue => self.queue_list().len(),
            Panel::Techs => self.board.technicians.len(),
            Panel::Parts => self.board.parts.len(),
            Panel::Qc => self.qc_list().len(),
        }
    }

    /// Length of the list the cursor moves in, in the current view.
    pub fn list_len(&self) -> usize {
        match self.view {
            View::Board => self.panel_len(self.panel),
            View::MyWork => self.my_jobs().len(),
            View::Parts => self.board.parts.len(),
            View::Qc => self.qc_list().len(),
            View::Approvals => {
                self.board.approvals.len() + self.board.to_claim.len() + self.board.claims.len()
            }
            View::Today => self.board.today.len() + self.board.service_due.len(),
            View::Followup => self.board.followups.len() + self.board.calls.len(),
            View::Complaints => self.board.complaints.len(),
            View::Dashboard => 0,
        }
    }

    /// The lines of the bay terminal's current job.
    pub fn my_lines(&self) -> &[LineRow] {
        self.my_job.as_ref().map_or(&[], |d| &d.lines)
    }

    /// The line under the cursor on the bay terminal.
    pub fn selected_line(&self) -> Option<&LineRow> {
        (self.view == View::MyWork)
            .then(|| self.my_lines().get(self.sel.line))
            .flatten()
    }

    /// Whether ↑↓ move over lines (rather than jobs) now.
    pub fn on_lines(&self) -> bool {
        self.view == View::MyWork && self.my_focus == MyFocus::Lines && !self.my_lines().is_empty()
    }

    /// Space on a line: done if it is to do, reopen if done — for the job's
    /// technician or the foreman while the job is worked.
    pub fn offers_line_toggle(&self) -> bool {
        let (Some(a), Some(l), Some(j)) = (self.actor(), self.selected_line(), self.selected_job())
        else {
            return false;
        };
        let done = l.status == LineStatus::Approved;
        (done || l.status == LineStatus::Done)
            && lines::check_done(a, "", l.status, done, "", j.status, j.technician_id).is_ok()
    }

    /// The repair order and the added work while the job is open, the
    /// settlement once it passed QC: for the advisor and the foreman.
    pub fn offers_print(&self, doc: crate::domain::documents::Document) -> bool {
        use crate::domain::documents::Document;
        let desk = self.actor().is_some_and(|a| {
            a.has_any(&[crate::domain::Role::Advisor, crate::domain::Role::Foreman])
        });
        match (doc, self.selected_job()) {
            (Document::RepairOrder | Document::AddedWork, Some(j)) => desk && j.status.is_open(),
            (Document::Settlement, Some(j)) => desk && j.status == JobStatus::QcPassed,
            _ => false,
        }
    }

    /// A car that passed QC and is not washed yet.
    pub fn offers_wash(&self) -> bool {
        self.selected_job()
            .is_some_and(|j| j.status == JobStatus::QcPassed && j.ready.is_some_and(|r| !r.washed))
    }

    /// Found work raised by an inspector on a job waiting for inspection.
    pub fn offers_found_work_at_inspection(&self) -> bool {
        self.selected_job()
            .is_some_and(|j| lines::at_inspection(j.status))
            && self.offers_found_work()
    }

    pub fn offers_found_work(&self) -> bool {
        match (self.actor(), self.selected_job()) {
            (Some(a), Some(j)) => lines::check_add(
                a,
                crate::domain::LineKind::Added,
                "",
                j.status,
                j.technician_id,
            )
            .is_ok(),
            _ => false,
        }
    }

    pub fn selected_in(&self, p: Panel) -> usize {
        self.sel.panels[p.index()]
    }

    /// Keeps every cursor on a row that exists.
    pub fn clamp(&mut self) {
        for p in Panel::ALL {
            let len = self.panel_len(p);
            let s = &mut self.sel.panels[p.index()];
            *s = (*s).min(len.saturating_sub(1));
        }
        self.sel.my_work = self.sel.my_work.min(self.my_jobs().len().saturating_sub(1));
        self.sel.parts = self.sel.parts.min(self.board.parts.len().saturating_sub(1));
        self.sel.qc = self.sel.qc.min(self.qc_list().len().saturating_sub(1));
        // The lists that go on under another (the warranty desk under the
        // approvals, the cars due under the bookings, the calls under the
        // follow-ups) clamp to both together.
        let b = &self.board;
        let approvals = b.approvals.len() + b.to_claim.len() + b.claims.len();
        let today = b.today.len() + b.service_due.len();
        let followups = b.followups.len() + b.calls.len();
        let complaints = b.complaints.len();
        self.sel.approvals = self.sel.approvals.min(approvals.saturating_sub(1));
        self.sel.today = self.sel.today.min(today.saturating_sub(1));
        self.sel.followups = self.sel.followups.min(followups.saturating_sub(1));
        self.sel.complaints = self.sel.complaints.min(complaints.saturating_sub(1));
        self.sel.line = self.sel.line.min(self.my_lines().len().saturating_sub(1));
        self.sel.login = self
            .sel
            .login
            .min(self.login_list().len().saturating_sub(1));
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
                Panel::Parts => self.selected_parts().and_then(|p| self.find_job(p.job)),
                Panel::Qc => self.qc_list().get(self.selected_in(Panel::Qc)).copied(),
            },
            View::MyWork => self.my_jobs().get(self.sel.my_work).copied(),
            View::Parts => self.selected_parts().and_then(|p| self.find_job(p.job)),
            View::Qc => self.qc_list().get(self.sel.qc).copied(),
            View::Approvals => self
                .selected_approval()
                .and_then(|a| self.find_job(a.line.job)),
            View::Today => self
                .selected_appt()
                .and_then(|a| a.job)
                .and_then(|n| self.find_job(n)),
            View::Followup | View::Complaints | View::Dashboard => None,
        }
    }

    /// The job a row is about, delivered ones too: a follow-up call's or a
    /// complaint's (their details are one key away, ⏎).
    pub fn row_job(&self) -> Option<i64> {
        match self.view {
            View::Followup => self
                .selected_followup()
                .map(|f| f.job)
                .or_else(|| self.selected_call().and_then(|c| c.job)),
            View::Complaints => self.selected_complaint().and_then(|c| c.job),
            View::Today => self
                .selected_job()
                .map(|j| j.id)
                .or_else(|| self.selected_due().map(|d| d.job)),
            View::Approvals => self
                .selected_approval()
                .map(|a| a.line.job)
                .or_else(|| self.selected_desk().map(|d| d.job())),
            _ => self.selected_job().map(|j| j.id),
        }
    }

    pub fn selected_parts(&self) -> Option<&PartsRow> {
        match (self.view, self.panel) {
            (View::Parts, _) => self.board.parts.get(self.sel.parts),
            (View::Board, Panel::Parts) => self.board.parts.get(self.selected_in(Panel::Parts)),
            _ => None,
        }
    }

    /// Whether to offer `action` on the selected job to this person. The
    /// work order counts too: finish waits for every line, delivery for
    /// every decision.
    pub fn offers(&self, action: JobAction) -> bool {
        match (self.actor(), self.selected_job()) {
            (Some(a), Some(j)) => {
                lifecycle::may_offer(action, a, j.status, j.technician_id)
                    && match action {
                        JobAction::Finish => j.todo_count == 0,
                        JobAction::Deliver => j.proposed_count == 0,
                        _ => true,
                    }
            }
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

    /// Moving the selected parts issue to `to`: parts staff or the foreman,
    /// and only where the state allows it.
    pub fn offers_parts(&self, to: crate::domain::PartStatus) -> bool {
        self.selected_parts()
            .is_some_and(|p| p.status.next_allowed().contains(&to))
            && self
                .actor()
                .is_some_and(|a| a.has_any(&[Role::Parts, Role::Foreman]))
    }

    /// On the board, C cancels the issue in the parts panel, the job elsewhere.
    pub fn on_parts_panel(&self) -> bool {
        self.view == View::Board && self.panel == Panel::Parts
    }

    /// Width of the job-number column: "J-000123", one wider past a million.
    pub fn job_col(&self) -> u16 {
        let last = self.open_jobs().map(|j| j.id).max().unwrap_or(0);
        crate::domain::job_label(last).len().max(8) as u16
    }
}

/// Whether `name` matches what was typed: a part of it, or its initials
/// ("ww" for Wang Wei, "zm" or "张" for 张敏).
pub fn matches_name(name: &str, find: &str) -> bool {
    crate::domain::names::name_matches(name, find)
}

/// What each row of the list on screen is, by id, and where the cursor of
/// that list is kept; None for lists whose rows never move (bays,
/// technicians).
impl Model {
    fn row_ids(&self) -> Option<Vec<i64>> {
        let jobs = |l: Vec<&JobRow>| l.iter().map(|j| j.id).collect();
        Some(match (self.view, self.panel) {
            (View::Board, Panel::Queue) => jobs(self.queue_list()),
            (View::Board, Panel::Qc) | (View::Qc, _) => jobs(self.qc_list()),
            (View::Board, Panel::Parts) | (View::Parts, _) => {
                self.board.parts.iter().map(|p| p.id).collect()
            }
            (View::Board, _) => return None,
            (View::MyWork, _) if self.on_lines() => return None,
            (View::MyWork, _) => jobs(self.my_jobs()),
            // Lines, then jobs to claim and claims, apart by range and sign.
            (View::Approvals, _) => (self.board.approvals.iter().map(|a| a.line.id))
                .chain(self.board.to_claim.iter().map(|t| -t.job))
                .chain(self.board.claims.iter().map(|c| -(1 << 40) - c.id))
                .collect(),
            // Cars due after the bookings, apart by sign.
            (View::Today, _) => (self.board.today.iter().map(|a| a.id))
                .chain(self.board.service_due.iter().map(|d| -d.job))
                .collect(),
            // Calls after the follow-ups, apart by sign (a job's number
            // and a call's may be equal).
            (View::Followup, _) => (self.board.followups.iter().map(|f| f.job))
                .chain(self.board.calls.iter().map(|c| -c.id))
                .collect(),
            (View::Complaints, _) => self.board.complaints.iter().map(|c| c.id).collect(),
            (View::Dashboard, _) => return None,
        })
    }

    fn cursor_mut(&mut self) -> Option<&mut usize> {
        Some(match self.view {
            View::Board => &mut self.sel.panels[self.panel.index()],
            View::MyWork => &mut self.sel.my_work,
            View::Parts => &mut self.sel.parts,
            View::Qc => &mut self.sel.qc,
            View::Approvals => &mut self.sel.approvals,
            View::Today => &mut self.sel.today,
            View::Followup => &mut self.sel.followups,
            View::Complaints => &mut self.sel.complaints,
            View::Dashboard => return None,
        })
    }

    /// The id of the row under the cursor, to find it again after a reload.
    pub fn selected_row_id(&self) -> Option<i64> {
        let ids = self.row_ids()?;
        let at = match self.view {
            View::Board => self.selected_in(self.panel),
            View::MyWork => self.sel.my_work,
            View::Parts => self.sel.parts,
            View::Qc => self.sel.qc,
            View::Approvals => self.sel.approvals,
            View::Today => self.sel.today,
            View::Followup => self.sel.followups,
            View::Complaints => self.sel.complaints,
            View::Dashboard => return None,
        };
        ids.get(at).copied()
    }

    /// After a reload the cursor stays on the same row (the same job, line,
    /// booking…) where it moved in the list; a row that left the list
    /// leaves the cursor where it was.
    pub fn follow_row(&mut self, id: Option<i64>) {
        let Some(id) = id else { return };
        let at = self
            .row_ids()
            .and_then(|ids| ids.iter().position(|x| *x == id));
        if let (Some(at), Some(cursor)) = (at, self.cursor_mut()) {
            *cursor = at;
        }
    }
}
