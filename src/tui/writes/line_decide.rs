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
    Ok(format!(
        "{} {} {} by {customer}; {} is {}",
        l.label(),
        l.work,
        if approve { "approved" } else { "declined" },
        job_label(l.job),
        j.map(|j| crate::present::status_text(j.status))
            .unwrap_or_default()
    ))
}
