//! Moving about: panels, views, the details pane and the help.

use super::super::super::model::{Model, MyFocus, Overlay, View};
use super::super::super::msg::{Effect, Slot};
use super::Seen;

pub(super) fn help(m: &mut Model) -> Vec<Effect> {
    m.overlay = Some(Overlay::Help);
    vec![]
}

/// `/`: the find prompt over the board.
pub(super) fn find_job(m: &mut Model) -> Vec<Effect> {
    let form = crate::tui::forms::FindForm::default();
    m.overlay = Some(Overlay::Form(crate::tui::forms::AnyForm::Find(Box::new(
        form,
    ))));
    vec![]
}

pub(super) fn page(m: &mut Model, down: bool) -> Vec<Effect> {
    m.detail_scroll = if down {
        m.detail_scroll.saturating_add(10)
    } else {
        m.detail_scroll.saturating_sub(10)
    };
    vec![]
}

pub(super) fn panel(m: &mut Model, by: isize) -> Vec<Effect> {
    m.panel = m.panel.step(by);
    vec![]
}

/// Another view, if it is among the person's; else which are.
pub(super) fn switch(m: &mut Model, v: View) -> Vec<Effect> {
    let allowed = m.actor().is_some_and(|a| v.allowed(a));
    if !allowed {
        let yours: Vec<String> = View::ALL
            .into_iter()
            .filter(|x| m.actor().is_some_and(|a| x.allowed(a)))
            .map(|x| format!("{} {}", x.key(), x.title()))
            .collect();
        m.error(crate::present::words::message(
            "ui-not-your-view",
            &[
                ("view", v.title().into()),
                ("yours", yours.join(", ").into()),
            ],
        ));
        return vec![];
    }
    m.view = v;
    let mut out = super::super::cursor::my_job(m);
    out.extend(super::figures_wanted(m));
    out
}

pub(super) fn details(m: &mut Model, seen: Seen) -> Vec<Effect> {
    let Some(n) = seen.map(|(n, _)| n).or_else(|| m.row_job()) else {
        return vec![];
    };
    m.detail_scroll = 0;
    vec![Effect::LoadJob(Slot::Detail, n)]
}

pub(super) fn back(m: &mut Model) -> Vec<Effect> {
    if matches!(m.overlay, Some(Overlay::Help)) {
        m.overlay = None;
    } else if m.vehicle_file.take().is_none() {
        m.detail = None;
        m.detail_scroll = 0;
    } else {
        m.detail_scroll = 0;
    }
    vec![]
}

/// The car of the job in detail, across its visits.
pub(super) fn vehicle_file(m: &mut Model) -> Vec<Effect> {
    match &m.detail {
        Some(d) => vec![Effect::LoadVehicle(d.job.plate.clone())],
        None => vec![],
    }
}

/// Bay terminal: ↑↓ over the job's lines or over the job list.
pub(super) fn switch_focus(m: &mut Model) -> Vec<Effect> {
    m.my_focus = match m.my_focus {
        MyFocus::Lines => MyFocus::Jobs,
        MyFocus::Jobs => MyFocus::Lines,
    };
    vec![]
}
