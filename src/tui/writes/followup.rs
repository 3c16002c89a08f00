//! One follow-up call, and the complaint a low score opens; a service
//! reminder call; a customer's call to return, logged and closed.

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
    use crate::present::words::message;
    let unreachable = f.state == crate::domain::aftersales::FollowupState::Unreachable;
    let mut text = if reached {
        message("done-followup-reached", &[("job", job_label(job).into())])
    } else {
        message(
            "done-followup-missed",
            &[
                ("job", job_label(job).into()),
                ("misses", f.misses.into()),
                ("tries", crate::domain::aftersales::MISSES.into()),
                ("unreachable", if unreachable { "yes" } else { "no" }.into()),
            ],
        )
    };
    if let Some(c) = complaint {
        let c = crate::domain::aftersales::complaint_label(c);
        text.push_str(&message(
            "done-followup-complaint",
            &[("complaint", c.into())],
        ));
    }
    Ok(text)
}

pub(super) fn remind(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    reached: bool,
    note: Option<String>,
) -> Result<String, Error> {
    ws.remind(who, job, reached, note.as_deref())?;
    Ok(crate::present::words::message(
        "ui-reminder-logged",
        &[("job", job_label(job).into())],
    ))
}

pub(super) fn log_call(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    due: Option<chrono::DateTime<chrono::Utc>>,
    about: String,
) -> Result<String, Error> {
    let c = ws.log_call(
        who,
        &crate::workshop::CallInput {
            job: Some(job),
            about,
            due_at: due,
            ..Default::default()
        },
    )?;
    Ok(crate::present::words::message(
        "done-call-logged",
        &[("call", crate::domain::calls::call_label(c.id).into())],
    ))
}

pub(super) fn close_call(
    ws: &mut Workshop,
    who: &str,
    id: i64,
    note: &str,
) -> Result<String, Error> {
    let c = ws.close_call(who, id, note)?;
    Ok(crate::present::words::message(
        "done-call-closed",
        &[("call", crate::domain::calls::call_label(c.id).into())],
    ))
}
