//! `bayboard job new`: check a vehicle in.

use super::lines::tell_declined;
use crate::cli::args::NewJobArgs;
use crate::cli::output::{emit, said};
use crate::cli::{Ctx, time_arg};
use crate::domain::numbers::parse_job_number;
use crate::domain::{Field, Refusal, job_label};
use crate::error::Result;
use crate::workshop::{Comeback, NewJobInput, WalkaroundInput};

fn input(a: NewJobArgs) -> Result<NewJobInput> {
    let mut complaints = a.complaints.into_iter();
    Ok(NewJobInput {
        plate: a.plate,
        complaint: complaints.next().unwrap_or_default(),
        more_complaints: complaints.collect(),
        ops: a.ops,
        key_tag: a.key_tag,
        vin: a.vin,
        make: a.make,
        model: a.model,
        year: a.year,
        odometer_km: a.odometer,
        odometer_corrected: a.odometer_corrected,
        customer_waiting: a.customer_waiting,
        walkaround: WalkaroundInput {
            fuel: a.fuel,
            damages: a.damages,
            valuables: a.valuables,
            warning_lights: a.warning_lights,
            return_old_parts: a.return_old_parts,
            declined: a.walkaround_declined,
        },
        appointment: a
            .appointment
            .as_deref()
            .map(crate::domain::appointments::parse_appt)
            .transpose()
            .map_err(|e| Refusal::invalid(Field::Appointment, e))?,
        comeback: match (a.comeback_of, a.not_comeback) {
            (Some(n), _) => Comeback::Of(parse_job_number(&n)?),
            (None, true) => Comeback::NotComeback,
            (None, false) => Comeback::Offered,
        },
        customer: a.customer,
        phone: a.phone,
        priority: a.priority,
        estimate_hours: a.estimate_hours,
        promised_at: time_arg(Field::Promised, a.promised.as_deref())?,
    })
}

pub(super) fn new(ctx: &Ctx, a: NewJobArgs) -> Result<()> {
    let input = input(a)?;
    let mut ws = ctx.open()?;
    let j = ws.new_job(ctx.who()?, &input)?;
    tell_declined(&ws, &j)?;
    if let (Some(of), Comeback::Offered) = (j.comeback_of, input.comeback) {
        eprintln!(
            "bayboard: {} recorded as a comeback of {} (the same car, delivered within the \
             comeback window); check it in with --not-comeback if it is not",
            j.label(),
            job_label(of)
        );
    }
    emit(ctx, &said(j, |j| format!("{}\n", j.label())))
}
