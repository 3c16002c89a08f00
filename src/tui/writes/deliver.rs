use crate::domain::handover::{OldParts, Payment, notes};
use crate::error::Error;
use crate::present::words::{message, say};
use crate::workshop::Workshop;

/// Delivered, and in the same line what the hand-over lacked; then the
/// gate pass, whose failure to print does not undo the delivery.
pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    (job, version): (i64, i64),
    (paid, old_parts): (Option<Payment>, Option<OldParts>),
    next: &crate::workshop::NextService,
    gate_pass: bool,
) -> Result<String, Error> {
    let j = ws.deliver(who, job, paid, old_parts, next, Some(version))?;
    let ready = ws.store().read(|c| crate::store::ready_facts(c, job))?;
    let mut said = message("ui-delivered", &[("job", j.label().into())]);
    for n in notes(
        &j.label(),
        ready.washed,
        ready.asked_old_parts,
        old_parts,
        paid,
        false,
    ) {
        said.push_str(" · ");
        said.push_str(&say(&n));
    }
    if gate_pass {
        let doc = crate::domain::documents::Document::GatePass;
        let to = crate::printing::Target::Printer(None);
        said.push_str(" · ");
        said.push_str(&match crate::printing::print(ws, who, job, doc, None, to) {
            Ok(p) => message(
                "ui-gate-pass-printed",
                &[("sent", crate::printing::sent_to(&p).into())],
            ),
            Err(e) => message("ui-gate-pass-not-printed", &[("why", e.to_string().into())]),
        });
    }
    Ok(said)
}

pub(super) fn wash(ws: &mut Workshop, who: &str, job: i64) -> Result<String, Error> {
    let j = ws.wash(who, job)?;
    Ok(message("ui-washed", &[("job", j.label().into())]))
}
