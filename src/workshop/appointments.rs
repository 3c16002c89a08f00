//! Bookings: made ahead by an advisor, turned into a job when the car
//! arrives, or recorded as a no-show, or cancelled.

use super::{Workshop, actor};
use crate::domain::appointments::{ApptStatus, appt_label};
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Actor, Field, Refusal, Role, Said};
use crate::error::Result;
use crate::store::{self, ApptRow, NewEvent, Store, WriteTx};
use chrono::{DateTime, Utc};

/// A booking as typed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewApptInput {
    pub plate: String,
    pub at: Option<DateTime<Utc>>,
    pub work: String,
    pub hours: Option<f64>,
    pub customer: Option<String>,
    pub phone: Option<String>,
}

fn may_book(who: &Actor, action: Act) -> Result<()> {
    const MAY: [Role; 2] = [Role::Advisor, Role::Foreman];
    if who.has_any(&MAY) {
        Ok(())
    } else {
        Err(Refusal::WrongRoleSetup {
            who: who.describe(),
            action,
            needs: MAY.to_vec(),
        }
        .into())
    }
}

fn unknown(id: i64) -> crate::error::Error {
    Refusal::unknown(
        "appointment",
        appt_label(id),
        Some(Said::new("hint-see-appointments")),
    )
    .into()
}

/// Refuses a booking that cannot become a job (any more).
fn still_booked(a: &ApptRow) -> Result<()> {
    let id = match a.status {
        ApptStatus::Booked => return Ok(()),
        ApptStatus::Arrived => "problem-appt-arrived",
        ApptStatus::NoShow => "problem-appt-no-show",
        ApptStatus::Cancelled => "problem-appt-cancelled",
    };
    let said = Said::new(id).text("appt", appt_label(a.id)).text(
        "job",
        a.job.map(crate::domain::job_label).unwrap_or_default(),
    );
    Err(Refusal::invalid(Field::Appointment, said).into())
}

/// The booking a check-in names, if it can still arrive.
pub(super) fn booking(store: &Store, id: i64, now: DateTime<Utc>) -> Result<ApptRow> {
    let a = store
        .read(|c| store::appointment(c, id, now))?
        .ok_or_else(|| unknown(id))?;
    still_booked(&a)?;
    Ok(a)
}

/// The check-in, with what was not typed taken from the booking.
pub(super) fn fill_from(input: &super::NewJobInput, a: &ApptRow) -> Result<super::NewJobInput> {
    let mut out = input.clone();
    if out.plate.trim().is_empty() {
        out.plate = a.plate.clone();
    } else if validate::plate(&out.plate)? != a.plate {
        return Err(Refusal::invalid(
            Field::Plate,
            Said::new("problem-appt-other-car")
                .text("appt", appt_label(a.id))
                .text("booked", &a.plate)
                .text("plate", out.plate.trim()),
        )
        .into());
    }
    if out.complaint.trim().is_empty() {
        out.complaint = a.work.clone();
    }
    if out.customer.is_none() {
        out.customer = a.customer.clone();
        if out.phone.is_none() {
            out.phone = a.phone.clone();
        }
    }
    if out.estimate_hours.is_none() {
        out.estimate_hours = a.hours;
    }
    Ok(out)
}

/// Inside the check-in's transaction: the booking becomes the job.
pub(super) fn arrive(
    c: &WriteTx,
    id: i64,
    job: i64,
    who: &Actor,
    now: DateTime<Utc>,
) -> Result<()> {
    let a = store::appointment(c, id, now)?.ok_or_else(|| unknown(id))?;
    still_booked(&a)?;
    store::set_appt_status(c, id, ApptStatus::Arrived, Some(job))?;
    event(
        c,
        who,
        "appt_arrived",
        &Said::new("event-appt-arrived")
            .text("appt", appt_label(id))
            .text("job", crate::domain::job_label(job)),
        now,
    )
}

fn event(c: &WriteTx, who: &Actor, kind: &str, said: &Said, now: DateTime<Utc>) -> Result<()> {
    store::append_event(
        c,
        &NewEvent {
            at: now,
            actor_id: Some(who.id),
            job_id: None,
            kind,
            from: None,
            to: None,
            note: None,
            said: Some(said),
        },
    )
}

impl Workshop {
    /// Books a car in (advisor or foreman); not in the past.
    pub fn book(&mut self, who: &str, input: &NewApptInput) -> Result<ApptRow> {
        let plate = validate::plate(&input.plate)?;
        let work = validate::required_text(Field::Work, &input.work, limits::COMPLAINT)?;
        let hours = input.hours.map(validate::estimate_hours).transpose()?;
        let customer =
            validate::optional_text(Field::Customer, input.customer.as_deref(), limits::NAME)?;
        let phone = validate::phone(input.phone.as_deref())?;
        let at = input.at.ok_or_else(|| {
            Refusal::invalid(Field::Appointment, Said::new("problem-appt-needs-time"))
        })?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            may_book(&who, Act::BookAppointment)?;
            if at < now {
                return Err(
                    Refusal::invalid(Field::Appointment, Said::new("problem-appt-past")).into(),
                );
            }
            let id = store::insert_appointment(
                c,
                &store::NewAppt {
                    plate: &plate,
                    at,
                    work: &work,
                    hours,
                    customer: customer.as_deref(),
                    phone: phone.as_deref(),
                    by: who.id,
                },
                now,
            )?;
            event(
                c,
                &who,
                "appt_booked",
                &Said::new("event-appt-booked")
                    .text("appt", appt_label(id))
                    .text("plate", &plate)
                    .text("work", &work),
                now,
            )?;
            Ok(store::appointment(c, id, now)?.expect("just booked"))
        })
    }

    /// The car did not come, or the booking is off.
    pub fn close_booking(&mut self, who: &str, id: i64, to: ApptStatus) -> Result<ApptRow> {
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            may_book(&who, Act::ChangeBooking)?;
            let a = store::appointment(c, id, now)?.ok_or_else(|| unknown(id))?;
            still_booked(&a)?;
            if to == ApptStatus::NoShow && a.state != crate::domain::appointments::ApptState::Late {
                return Err(Refusal::invalid(
                    Field::Appointment,
                    Said::new("problem-appt-not-late")
                        .text("appt", appt_label(id))
                        .num("minutes", crate::domain::appointments::LATE_AFTER_MINUTES),
                )
                .into());
            }
            store::set_appt_status(c, id, to, None)?;
            let kind = match to {
                ApptStatus::NoShow => "appt_no_show",
                _ => "appt_cancelled",
            };
            event(
                c,
                &who,
                kind,
                &Said::new("event-appt-closed")
                    .text("appt", appt_label(id))
                    .text("plate", &a.plate),
                now,
            )?;
            Ok(store::appointment(c, id, now)?.expect("it exists"))
        })
    }
}
