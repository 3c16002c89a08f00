//! The warranty desk: a claim opened, a claim moved on.

use crate::domain::job_label;
use crate::domain::warranty::{ClaimStatus, claim_label};
use crate::error::Error;
use crate::present::words::message;
use crate::workshop::{ClaimInput, Workshop};

pub(super) fn open(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    input: &ClaimInput,
) -> Result<String, Error> {
    let c = ws.new_claim(who, job, input)?;
    Ok(message(
        "ui-claim-opened",
        &[
            ("claim", claim_label(c.id).into()),
            ("job", job_label(job).into()),
        ],
    ))
}

pub(super) fn step(
    ws: &mut Workshop,
    who: &str,
    claim: i64,
    to: ClaimStatus,
    (number, note): (Option<String>, Option<String>),
) -> Result<String, Error> {
    let c = ws.update_claim(who, claim, to, number.as_deref(), note.as_deref())?;
    Ok(message(
        "ui-claim-moved",
        &[
            ("claim", claim_label(c.id).into()),
            (
                "status",
                crate::present::labels::claim_status(c.status).into(),
            ),
        ],
    ))
}
