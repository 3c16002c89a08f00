//! A job's priority.

use crate::domain::Priority;
use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    priority: Priority,
) -> Result<String, Error> {
    let j = ws.set_priority(who, job, priority, Some(version))?;
    Ok(crate::present::words::message(
        "done-priority",
        &[
            ("job", j.label().into()),
            ("priority", j.priority.label().into()),
        ],
    ))
}
