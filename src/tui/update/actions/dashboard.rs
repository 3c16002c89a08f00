//! The dashboard's range, and when its figures are read.

use super::super::super::dash::Period;
use super::super::super::model::{Model, View};
use super::super::super::msg::Effect;

pub(super) fn period(m: &mut Model, p: Period) -> Vec<Effect> {
    m.dash.period = p;
    m.dash.back = 0;
    m.dash.scroll = 0;
    figures_wanted(m)
}

/// A range earlier (-1) or later (+1); nothing is later than today's.
pub(super) fn shift(m: &mut Model, by: i64) -> Vec<Effect> {
    if by > 0 && m.dash.back == 0 {
        m.error(crate::present::words::message("figures-latest-range", &[]));
        return vec![];
    }
    m.dash.back = (m.dash.back - by).max(0);
    figures_wanted(m)
}

pub(super) fn refresh(m: &mut Model) -> Vec<Effect> {
    vec![Effect::Figures(m.dash.span(m.now))]
}

/// The dashboard's figures, when it is on screen and they are missing or a
/// minute old: read off the draw path, never more than once a minute.
pub(in super::super) fn figures_wanted(m: &Model) -> Vec<Effect> {
    if m.view != View::Dashboard || m.user.is_none() {
        return vec![];
    }
    m.dash
        .wanted(m.now)
        .map(Effect::Figures)
        .into_iter()
        .collect()
}
