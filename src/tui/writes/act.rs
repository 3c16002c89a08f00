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
        JobAction::Finish => "finished",
        JobAction::Release => "released",
        JobAction::Deliver => "delivered",
        other => other.name(),
    };
    Ok(crate::present::words::message(
        "done-act",
        &[("job", j.label().into()), ("what", what.into())],
    ))
}
