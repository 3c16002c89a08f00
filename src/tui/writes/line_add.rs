//! Found work added to a job.

use crate::domain::job_label;
use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    input: Box<crate::workshop::LineInput>,
) -> Result<String, Error> {
    let l = ws.add_line(who, job, &input, Some(version))?;
    let j = ws.store().read(|c| crate::store::job(c, job))?;
    let held = j.is_some_and(|j| j.status == crate::domain::JobStatus::WaitingApproval);
    Ok(crate::present::words::message(
        "done-line-added",
        &[
            ("line", l.label().into()),
            ("work", l.work.as_str().into()),
            ("job", job_label(job).into()),
            ("held", if held { "yes" } else { "no" }.into()),
        ],
    ))
}
