//! Another bay or technician for a job on the floor.

use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    bay: Option<String>,
    tech: Option<String>,
) -> Result<String, Error> {
    let j = ws.reassign(who, job, bay.as_deref(), tech.as_deref(), Some(version))?;
    Ok(crate::present::words::message(
        "done-reassigned",
        &[
            ("job", j.label().into()),
            ("bay", j.bay.as_deref().unwrap_or("—").into()),
            ("tech", j.technician.as_deref().unwrap_or("—").into()),
        ],
    ))
}
