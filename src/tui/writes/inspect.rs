//! An inspection of any level: the self-check (finish), the peer check or
//! QC — pass, or rework (the self-check: the job stays in progress).

use crate::domain::inspection::Level;
use crate::domain::qc::Verdict;
use crate::error::Error;
use crate::present::words::message;
use crate::workshop::Inspection;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    level: Level,
    job: i64,
    version: i64,
    verdict: Verdict,
    inspection: Inspection,
) -> Result<String, Error> {
    let named = |ids: &[String]| -> String {
        ids.iter()
            .map(|id| crate::present::labels::level_item(level, id))
            .collect::<Vec<_>>()
            .join("; ")
    };
    if level == Level::SelfCheck {
        let r = ws.finish(
            who,
            job,
            &inspection.marks,
            inspection.note.as_deref(),
            Some(version),
        )?;
        return Ok(if r.failed.is_empty() {
            message(
                "done-self-check-passed",
                &[
                    ("job", r.job.label().into()),
                    ("status", r.job.status.label().into()),
                ],
            )
        } else {
            message(
                "done-self-check-failed",
                &[
                    ("job", r.job.label().into()),
                    ("items", named(&r.failed).into()),
                ],
            )
        });
    }
    let r = ws.inspect_level(who, job, level, verdict, &inspection, Some(version))?;
    let id = match (level, r.passed) {
        (Level::Peer, true) => "done-peer-passed",
        (Level::Peer, false) => "done-peer-failed",
        (_, true) => "done-qc-passed",
        (_, false) => "done-qc-failed",
    };
    Ok(message(
        id,
        &[
            ("job", r.job.label().into()),
            ("items", named(&r.failed).into()),
        ],
    ))
}
