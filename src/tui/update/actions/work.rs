//! The bay terminal's and the QC lane's work on a job: parts, found work,
//! lines done, the inspection.

use super::super::super::forms::{AnyForm, FoundWorkForm, PartsForm};
use super::super::super::model::{Model, Overlay};
use super::super::super::msg::{Effect, Write};
use super::Seen;
use crate::domain::LineStatus;
use crate::domain::inspection::Level;

pub(super) fn log_parts(m: &mut Model, seen: Seen) -> Vec<Effect> {
    if let Some((job, version)) = seen {
        let f = PartsForm::new(job, version);
        m.overlay = Some(Overlay::Form(AnyForm::PartsLog(Box::new(f))));
    }
    vec![]
}

/// Refused before the form is filled in, e.g. an inspector's own work. The
/// level is the job's: the peer check while it waits for one, else QC.
pub(super) fn inspect(m: &Model, seen: Seen) -> Vec<Effect> {
    let Some((job, version)) = seen else {
        return vec![];
    };
    let level = match m.find_job(job).map(|j| j.status) {
        Some(crate::domain::JobStatus::PeerCheck) => Level::Peer,
        _ => Level::Final,
    };
    vec![Effect::CheckInspect {
        job,
        version,
        level,
    }]
}

/// Finishing is the self-check: its short list, then signed.
pub(super) fn self_check(job: i64, version: i64) -> Vec<Effect> {
    vec![Effect::CheckInspect {
        job,
        version,
        level: Level::SelfCheck,
    }]
}

pub(super) fn line_toggle(m: &mut Model) -> Vec<Effect> {
    let Some(l) = m.selected_line() else {
        return vec![];
    };
    let done = l.status == LineStatus::Approved;
    vec![Effect::Write(Write::MarkLine { line: l.id, done })]
}

pub(super) fn found_work(m: &mut Model, seen: Seen) -> Vec<Effect> {
    if let Some((job, version)) = seen {
        let f = FoundWorkForm::new(job, version);
        m.overlay = Some(Overlay::Form(AnyForm::FoundWork(Box::new(f))));
        return vec![Effect::Catalogue];
    }
    vec![]
}
