//! A job action taken at once (start, pause, finish, release, deliver).

use crate::domain::JobAction;
use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    action: JobAction,
) -> Result<String, Error> {
    let j = ws.act(who, job, action, None, Some(version))?;
    let what = match action {
        JobAction::Start => "started",
        JobAction::Resume => "resumed",
        JobAction::Pause => "paused",
        JobAction::Finish => "self-check done: ready for QC",
        JobAction::Release => "bay released — `a` gives it a bay again",
        JobAction::Deliver => "delivered",
        other => other.name(),
    };
    Ok(format!("{} {what}", j.label()))
}
