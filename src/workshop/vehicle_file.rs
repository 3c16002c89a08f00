//! The vehicle file's writes: the next service set at delivery, the
//! advisor's note of the wear parts, the reminder call when it falls due.

use super::{Workshop, actor, load_job, note_event};
use crate::domain::aftersales::check_aftersales;
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Field, JobStatus, Refusal, Said};
use crate::error::Result;
use crate::store::{self, JobRow, WriteTx};
use chrono::{DateTime, NaiveDate, Utc};

/// Records the next service on the delivered job, with its event.
pub(super) fn record_next_service(
    c: &WriteTx,
    who: &crate::domain::Actor,
    job: &JobRow,
    on: NaiveDate,
    km: Option<i64>,
    wear: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    store::set_next_service(c, job.id, on, km, wear)?;
    let mut said = Said::new("event-next-service").text("on", on.format("%Y-%m-%d").to_string());
    if let Some(km) = km {
        said = said.num("km", km);
    }
    note_event(c, job, who, "next_service_set", &said, wear, now)
}

impl Workshop {
    /// The advisor sets the delivered car's next service (a date, a
    /// distance ahead of the odometer) and notes the wear parts.
    pub fn set_next_service(
        &mut self,
        who: &str,
        number: i64,
        on: Option<NaiveDate>,
        km: Option<i64>,
        wear: Option<&str>,
    ) -> Result<JobRow> {
        let wear = validate::optional_text(Field::Note, wear, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            check_aftersales(&who, Act::SetNextService)?;
            let job = load_job(c, number, None)?;
            if job.status != JobStatus::Delivered {
                return Err(Refusal::LineNotNow {
                    job: job.label(),
                    status: job.status,
                    what: Act::SetNextService,
                }
                .into());
            }
            let day = now.with_timezone(&chrono::Local).date_naive();
            let (default_on, default_km) =
                crate::domain::service::Interval::builtin().next(day, job.vehicle.odometer_km);
            let km = match km {
                Some(k) => Some(crate::domain::service::check_km(
                    k,
                    job.vehicle.odometer_km,
                )?),
                None => default_km,
            };
            let on = on.unwrap_or(default_on);
            store::set_next_service(c, job.id, on, km, wear.as_deref())?;
            let mut said =
                Said::new("event-next-service").text("on", on.format("%Y-%m-%d").to_string());
            if let Some(km) = km {
                said = said.num("km", km);
            }
            note_event(
                c,
                &job,
                &who,
                "next_service_set",
                &said,
                wear.as_deref(),
                now,
            )?;
            load_job(c, number, None)
        })
    }

    /// The service reminder call for a car due: reached or not, a note.
    pub fn remind(
        &mut self,
        who: &str,
        number: i64,
        reached: bool,
        note: Option<&str>,
    ) -> Result<()> {
        let note = validate::optional_text(Field::Note, note, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            check_aftersales(&who, Act::CallReminder)?;
            let job = load_job(c, number, None)?;
            store::insert_reminder(c, job.id, who.id, reached, note.as_deref(), now)?;
            let said =
                Said::new("event-reminder").text("reached", if reached { "yes" } else { "no" });
            note_event(
                c,
                &job,
                &who,
                "reminder_called",
                &said,
                note.as_deref(),
                now,
            )
        })
    }
}
