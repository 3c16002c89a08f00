//! A booked car did not come.

use crate::error::Error;
use crate::workshop::Workshop;

pub(super) fn run(ws: &mut Workshop, who: &str, appt: i64) -> Result<String, Error> {
    let a = ws.close_booking(who, appt, crate::domain::appointments::ApptStatus::NoShow)?;
    Ok(crate::present::words::message(
        "done-no-show",
        &[
            ("appt", crate::domain::appointments::appt_label(a.id).into()),
            ("plate", a.plate.as_str().into()),
        ],
    ))
}
