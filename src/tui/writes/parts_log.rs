//! A parts issue logged on a job.

use crate::domain::job_label;
use crate::domain::parts_label;
use crate::error::Error;
use crate::workshop::NewPartsInput;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    input: NewPartsInput,
) -> Result<String, Error> {
    let p = ws.log_parts(who, job, &input, Some(version))?;
    Ok(crate::present::words::message(
        "done-parts-logged",
        &[
            ("issue", parts_label(p.id).into()),
            ("job", job_label(p.job).into()),
            ("blocking", if p.blocking { "yes" } else { "no" }.into()),
        ],
    ))
}
