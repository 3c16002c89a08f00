//! Moving the cursor: the selection in the current list, and the bay
//! terminal's card that follows it.

use super::*;

/// Moves the cursor of whatever list is on screen.
pub(super) fn step(m: &mut Model, dir: isize) -> Vec<Effect> {
    let apply = |v: usize, len: usize| -> usize {
        if dir < 0 {
            v.saturating_sub(1)
        } else {
            (v + 1).min(len.saturating_sub(1))
        }
    };
    if m.user.is_none() {
        m.sel.login = apply(m.sel.login, m.login_list().len());
        return vec![];
    }
    if m.detail.is_some() {
        m.detail_scroll = if dir < 0 {
            m.detail_scroll.saturating_sub(1)
        } else {
            m.detail_scroll.saturating_add(1)
        };
        return vec![];
    }
    let len = m.list_len();
    match m.view {
        View::Board => {
            let i = m.panel.index();
            m.sel.panels[i] = apply(m.sel.panels[i], len);
        }
        View::MyWork if m.on_lines() => {
            m.sel.line = apply(m.sel.line, m.my_lines().len());
        }
        View::MyWork => {
            m.sel.my_work = apply(m.sel.my_work, len);
            m.sel.line = 0;
            return my_job(m);
        }
        View::Parts => m.sel.parts = apply(m.sel.parts, len),
        View::Qc => m.sel.qc = apply(m.sel.qc, len),
        View::Approvals => m.sel.approvals = apply(m.sel.approvals, len),
        View::Today => m.sel.today = apply(m.sel.today, len),
        View::Followup => m.sel.followups = apply(m.sel.followups, len),
        View::Complaints => m.sel.complaints = apply(m.sel.complaints, len),
        View::Dashboard => {
            m.dash.scroll = if dir < 0 {
                m.dash.scroll.saturating_sub(1)
            } else {
                m.dash
                    .scroll
                    .saturating_add(1)
                    .min(super::super::views::dashboard::SECTIONS - 1)
            }
        }
    }
    vec![]
}

/// The bay terminal's card follows the selected job.
pub(super) fn my_job(m: &mut Model) -> Vec<Effect> {
    if m.view == View::MyWork
        && let Some(n) = m.my_jobs().get(m.sel.my_work).map(|j| j.id)
    {
        return vec![Effect::LoadJob(Slot::MyJob, n)];
    }
    m.my_job = None;
    vec![]
}
