//! A parts issue's next step.

use crate::domain::PartStatus;
use crate::domain::parts_label;
use crate::error::Error;
use crate::workshop::Workshop;
use chrono::DateTime;
use chrono::Utc;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    issue: i64,
    to: PartStatus,
    eta: Option<DateTime<Utc>>,
) -> Result<String, Error> {
    let p = ws.update_parts(who, issue, to, eta, None)?;
    Ok(match to {
        PartStatus::Ordered => crate::present::words::message(
            "done-parts-ordered",
            &[("issue", parts_label(p.id).into())],
        ),
        PartStatus::Cancelled => crate::present::words::message(
            "done-parts-cancelled",
            &[("issue", parts_label(p.id).into())],
        ),
        _ => crate::present::words::message(
            "done-parts-now",
            &[
                ("issue", parts_label(p.id).into()),
                ("part", p.part.clone().into()),
                ("status", p.status.label().into()),
            ],
        ),
    })
}
