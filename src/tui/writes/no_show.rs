//! A booked car did not come.

use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(ws: &mut Workshop, who: &str, appt: i64) -> Result<String, Error> {
    let a = ws.close_booking(who, appt, crate::domain::appointments::ApptStatus::NoShow)?;
    Ok(format!(
        "{} {} recorded as a no-show",
        crate::domain::appointments::appt_label(a.id),
        a.plate
    ))
}
