//! A complaint's next step.

use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    id: i64,
    to: crate::domain::aftersales::ComplaintStatus,
    note: Option<String>,
) -> Result<String, Error> {
    let c = ws.step_complaint(who, id, to, note.as_deref())?;
    Ok(format!(
        "{} {}",
        crate::domain::aftersales::complaint_label(c.id),
        crate::present::labels::complaint_status(c.status, true)
    ))
}
