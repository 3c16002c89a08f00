//! A QC inspection: pass or rework.

use crate::domain::qc::Verdict;
use crate::error::Error;
use crate::workshop::Inspection;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    verdict: Verdict,
    inspection: Inspection,
) -> Result<String, Error> {
    let r = ws.inspect(who, job, verdict, &inspection, Some(version))?;
    Ok(if r.passed {
        crate::present::words::message("done-qc-passed", &[("job", r.job.label().into())])
    } else {
        let failed: Vec<String> = r
            .failed
            .iter()
            .map(|id| crate::present::labels::qc_item(id))
            .collect();
        crate::present::words::message(
            "done-qc-failed",
            &[
                ("job", r.job.label().into()),
                ("items", failed.join("; ").into()),
            ],
        )
    })
}
