//! A car checked in (a walk-in or a booking that arrived).

use crate::domain::job_label;
use crate::error::Error;
use crate::workshop::NewJobInput;
use crate::workshop::Workshop;

pub(super) fn run(ws: &mut Workshop, who: &str, input: Box<NewJobInput>) -> Result<String, Error> {
    let j = ws.new_job(who, &input)?;
    // What the customer declined last time, while they are here.
    let declined = ws
        .store()
        .read(|c| crate::store::declined_for_plate(c, &j.plate, Some(j.id)))?;
    let mut text = match input.appointment {
        Some(a) => crate::present::words::message(
            "done-arrived",
            &[
                ("appt", crate::domain::appointments::appt_label(a).into()),
                ("job", j.label().into()),
                ("plate", j.plate.as_str().into()),
            ],
        ),
        None => crate::present::words::message(
            "done-checked-in",
            &[
                ("job", j.label().into()),
                ("plate", j.plate.as_str().into()),
            ],
        ),
    };
    // The promise as taken: `17:00` typed at 17:13 is tomorrow's, and the
    // advisor hears which day before the customer leaves.
    if let Some(p) = j.promised_at {
        text.push_str(&crate::present::promised_text(p, ws.now()));
    }
    // Back within the comeback window: said at once, so the advisor
    // can tell the foreman who worked on it last time.
    if let Some(of) = j.comeback_of {
        text.push_str(&crate::present::words::message(
            "done-comeback-of",
            &[("job", job_label(of).into())],
        ));
    }
    // A recall campaign open for this car: done while it is here.
    let vin = j.vehicle.vin.as_deref();
    for r in ws.store().read(|c| crate::store::open_recalls(c, vin))? {
        text.push_str(&format!(" · {}", crate::present::recall_text(&r)));
    }
    if let Some(d) = declined.first() {
        let tz = crate::present::local_tz();
        text.push_str(&format!(" · {}", crate::present::declined_text(d, &tz)));
        if declined.len() > 1 {
            text.push_str(&crate::present::words::message(
                "done-more-declined",
                &[("n", (declined.len() as i64 - 1).into())],
            ));
        }
    }
    Ok(text)
}
