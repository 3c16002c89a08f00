//! One follow-up call, and the complaint a low score opens.

use crate::domain::job_label;
use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    reached: bool,
    score: Option<i64>,
    note: Option<String>,
) -> Result<String, Error> {
    let (f, complaint) = ws.log_followup(who, job, reached, score, note.as_deref())?;
    let mut text = if reached {
        format!("{} follow-up: reached", job_label(job))
    } else {
        format!(
            "{} follow-up: not reached ({} of {} tries){}",
            job_label(job),
            f.misses,
            crate::domain::aftersales::MISSES,
            if f.state == crate::domain::aftersales::FollowupState::Unreachable {
                ": unreachable"
            } else {
                ""
            }
        )
    };
    if let Some(c) = complaint {
        text.push_str(&format!(
            "; {} opened (severity 2)",
            crate::domain::aftersales::complaint_label(c)
        ));
    }
    Ok(text)
}
