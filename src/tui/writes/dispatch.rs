//! A waiting job to a bay and a technician.

use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    bay: String,
    tech: String,
) -> Result<String, Error> {
    let j = ws.dispatch(who, job, &bay, &tech, Some(version))?;
    Ok(crate::present::words::message(
        "done-dispatched",
        &[
            ("job", j.label().into()),
            ("bay", bay.into()),
            ("tech", tech.into()),
        ],
    ))
}
