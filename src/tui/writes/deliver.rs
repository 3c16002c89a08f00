use crate::domain::handover::{OldParts, Payment, notes};
use crate::error::Error;
use crate::present::words::{message, say};
use crate::workshop::Workshop;

/// Delivered, and in the same line what the hand-over lacked.
pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    version: i64,
    paid: Option<Payment>,
    old_parts: Option<OldParts>,
) -> Result<String, Error> {
    let j = ws.deliver(who, job, paid, old_parts, Some(version))?;
    let ready = ws.store().read(|c| crate::store::ready_facts(c, job))?;
    let mut said = message("ui-delivered", &[("job", j.label().into())]);
    for n in notes(
        &j.label(),
        ready.washed,
        ready.asked_old_parts,
        old_parts,
        paid,
    ) {
        said.push_str(" · ");
        said.push_str(&say(&n));
    }
    Ok(said)
}

pub(super) fn wash(ws: &mut Workshop, who: &str, job: i64) -> Result<String, Error> {
    let j = ws.wash(who, job)?;
    Ok(message("ui-washed", &[("job", j.label().into())]))
}
