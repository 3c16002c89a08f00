//! The customer's decision on a line.

use crate::domain::job_label;
use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    line: i64,
    approve: bool,
    customer: String,
    via: crate::domain::Via,
    note: Option<String>,
) -> Result<String, Error> {
    let l = ws.decide_line(who, line, approve, &customer, via, note.as_deref())?;
    let j = ws.store().read(|c| crate::store::job(c, l.job))?;
    Ok(crate::present::words::message(
        "done-line-decided",
        &[
            ("line", l.label().into()),
            ("work", l.work.as_str().into()),
            (
                "decision",
                if approve { "approved" } else { "declined" }.into(),
            ),
            ("customer", customer.into()),
            ("job", job_label(l.job).into()),
            (
                "status",
                j.map(|j| crate::present::status_text(j.status))
                    .unwrap_or_default()
                    .into(),
            ),
        ],
    ))
}
