//! A job cancelled, with its reason.

use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    reason: String,
) -> Result<String, Error> {
    let j = ws.cancel(who, job, &reason, Some(version))?;
    Ok(crate::present::words::message(
        "done-cancelled",
        &[("job", j.label().into())],
    ))
}
