//! Check-in, dispatch and the job's own transitions.

use super::{Step, Workshop, actor, apply, facts, land, load_job, moved, signer};
use crate::domain::Field;
use crate::domain::lifecycle::{self, JobAction, check, check_create};
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Actor, JobStatus, Priority, Refusal, Role, Said, vehicle};
use crate::error::Result;
use crate::store::{self, BayRow, JobChange, JobRow, NewJob, NewVehicle, StaffRow, WriteTx};
use chrono::{DateTime, Datelike, Utc};
use rusqlite::Connection;

/// A vehicle checked in, as typed at reception.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NewJobInput {
    pub plate: String,
    /// The customer's first complaint; it and each of `more_complaints`
    /// become one requested line of the work order.
    pub complaint: String,
    pub more_complaints: Vec<String>,
    pub vin: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub year: Option<i64>,
    pub odometer_km: Option<i64>,
    pub customer: Option<String>,
    pub phone: Option<String>,
    pub priority: Priority,
    pub estimate_hours: Option<f64>,
    pub promised_at: Option<DateTime<Utc>>,
    /// Why the odometer reads lower than the car's last recorded reading
    /// (a replaced instrument cluster, a typing error last time).
    pub odometer_corrected: Option<String>,
    /// The customer waits on site.
    pub customer_waiting: bool,
    pub comeback: super::Comeback,
    pub walkaround: super::WalkaroundInput,
    /// The booking this car arrives for: what is not typed comes from it.
    pub appointment: Option<i64>,
    /// Operations of the published list the customer asked for, each a
    /// requested line at its listed hours and price.
    pub ops: Vec<String>,
    /// The tag on the car's keys (the rules: keep the keys safe).
    pub key_tag: Option<String>,
}

struct CleanJob {
    plate: String,
    complaints: Vec<String>,
    vin: Option<String>,
    make: Option<String>,
    model: Option<String>,
    year: Option<i64>,
    odometer_km: Option<i64>,
    customer: Option<String>,
    phone: Option<String>,
    estimate_hours: Option<f64>,
    odometer_corrected: Option<String>,
    walkaround: Option<super::handover::CleanWalkaround>,
    key_tag: Option<String>,
}

fn clean(input: &NewJobInput, now: DateTime<Utc>) -> Result<CleanJob> {
    let phone = validate::phone(input.phone.as_deref())?;
    let customer =
        validate::optional_text(Field::Customer, input.customer.as_deref(), limits::NAME)?;
    if phone.is_some() && customer.is_none() {
        return Err(Refusal::invalid(Field::Phone, Said::new("problem-phone-needs-name")).into());
    }
    Ok(CleanJob {
        plate: validate::plate(&input.plate)?,
        complaints: std::iter::once(&input.complaint)
            .chain(
                input
                    .more_complaints
                    .iter()
                    .filter(|c| !c.trim().is_empty()),
            )
            .map(|c| validate::required_text(Field::Complaint, c, limits::COMPLAINT))
            .collect::<Result<_, _>>()?,
        vin: input.vin.as_deref().map(vehicle::vin).transpose()?,
        make: validate::optional_text(Field::Make, input.make.as_deref(), limits::MAKE_MODEL)?,
        model: validate::optional_text(Field::Model, input.model.as_deref(), limits::MAKE_MODEL)?,
        year: input
            .year
            .map(|y| validate::year(y, now.year() as i64))
            .transpose()?,
        odometer_km: input.odometer_km.map(validate::odometer).transpose()?,
        walkaround: super::handover::clean_walkaround(&input.walkaround)?,
        odometer_corrected: validate::optional_text(
            Field::Odometer,
            input.odometer_corrected.as_deref(),
            limits::NOTE,
        )?,
        key_tag: validate::optional_text(Field::KeyTag, input.key_tag.as_deref(), limits::TAG)?,
        customer,
        phone,
        estimate_hours: input
            .estimate_hours
            .map(validate::estimate_hours)
            .transpose()?,
    })
}

fn find_bay(conn: &Connection, name: &str) -> Result<BayRow> {
    let bay = store::bay_by_name(conn, name)?.ok_or_else(|| {
        let names: Vec<String> = store::bay_list(conn)
            .unwrap_or_default()
            .into_iter()
            .map(|b| b.name)
            .collect();
        Refusal::unknown(
            "bay",
            name,
            Some(Said::new("hint-bays").text("list", names.join(", "))),
        )
    })?;
    if !bay.active {
        return Err(Refusal::BayInactive { bay: bay.name }.into());
    }
    Ok(bay)
}

fn free_bays(conn: &Connection) -> Result<Vec<String>> {
    let mut free = Vec::new();
    for b in store::bay_list(conn)? {
        if b.active && store::job_in_bay(conn, b.id)?.is_none() {
            free.push(b.name);
        }
    }
    Ok(free)
}

/// The bay must be free, or already this job's.
fn claim_bay(conn: &Connection, bay: &BayRow, job: &JobRow) -> Result<()> {
    match store::job_in_bay(conn, bay.id)? {
        Some(other) if other != job.id => Err(Refusal::BayTaken {
            bay: bay.name.clone(),
            holder: crate::domain::job_label(other),
            free: free_bays(conn)?,
        }
        .into()),
        _ => Ok(()),
    }
}

fn find_technician(conn: &Connection, name: &str, job: &JobRow) -> Result<StaffRow> {
    // A technician is looked for among technicians, so `zm` is 张敏 even
    // when someone at the counter shares the initials.
    let person = match store::staff_by_name(conn, name)?.filter(|s| s.active) {
        Some(s) => s,
        None => super::person(conn, name, Some(Role::Technician))?,
    };
    if !person.roles.contains(&Role::Technician) {
        return Err(Refusal::NotATechnician {
            who: person.name,
            job: job.label(),
        }
        .into());
    }
    Ok(person)
}

/// The vehicle record a check-in belongs to. Records are never rewritten,
/// so every earlier job keeps the car it was checked in with: the same car
/// again reuses its record, a car with new facts gets a new one, and a
/// different VIN under a known plate is a different car. An odometer below
/// the car's last reading is refused unless the check-in says why.
fn vehicle_for(c: &store::WriteTx, job: &CleanJob, customer_id: Option<i64>) -> Result<i64> {
    let record = store::vehicle_on_record(c, &job.plate)?;
    let same_car = record.as_ref().filter(|r| match (&r.vin, &job.vin) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => true,
    });
    let vin = job
        .vin
        .clone()
        .or_else(|| same_car.and_then(|r| r.vin.clone()));
    if let Some(km) = job.odometer_km
        && job.odometer_corrected.is_none()
        && let Some((last, at)) = store::last_odometer(c, vin.as_deref(), &job.plate)?
        && km < last
    {
        return Err(Refusal::invalid(
            Field::Odometer,
            Said::new("problem-odometer-below")
                .num("km", km)
                .num("last", last)
                .text("plate", &job.plate)
                .text("job", crate::domain::job_label(at)),
        )
        .into());
    }
    if let Some(r) = same_car {
        let unchanged =
            |given: &Option<String>, had: &Option<String>| given.is_none() || given == had;
        if unchanged(&job.make, &r.make)
            && unchanged(&job.model, &r.model)
            && (job.year.is_none() || job.year == r.year)
            && (job.vin.is_none() || r.vin.is_some())
        {
            return Ok(r.id);
        }
    }
    // What is not given now is carried over from the same car's record.
    let had = |f: fn(&store::VehicleRecord) -> Option<String>| same_car.and_then(f);
    let make = job.make.clone().or_else(|| had(|r| r.make.clone()));
    let model = job.model.clone().or_else(|| had(|r| r.model.clone()));
    store::insert_vehicle(
        c,
        &NewVehicle {
            plate: &job.plate,
            vin: vin.as_deref(),
            make: make.as_deref(),
            model: model.as_deref(),
            year: job.year.or_else(|| same_car.and_then(|r| r.year)),
            odometer_km: job.odometer_km,
            customer_id,
        },
    )
}

/// The requested lines of a check-in (each complaint, then each operation
/// of the list) and the estimate the customer accepts with them: their
/// total, recorded on the job when it is more than nothing.
fn quote(
    c: &WriteTx,
    id: i64,
    job: &CleanJob,
    ops: &[String],
    booked_hours: Option<f64>,
    by: i64,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    fn line<'a>(
        id: i64,
        by: i64,
        work: &'a str,
        hours: Option<f64>,
        listed: Option<&'a crate::domain::catalogue::ListedLine>,
    ) -> store::NewLine<'a> {
        store::NewLine {
            payer: Default::default(),
            campaign: None,
            job_id: id,
            kind: crate::domain::LineKind::Requested,
            work,
            hours,
            amount: None,
            urgency: None,
            blocking: false,
            note: None,
            added_by: Some(by),
            listed,
            on_estimate: true,
        }
    }
    for (i, complaint) in job.complaints.iter().enumerate() {
        // A booking's hours go with its work.
        let hours = if i == 0 { booked_hours } else { None };
        store::insert_line(c, &line(id, by, complaint, hours, None), now)?;
    }
    for code in ops {
        let listed = super::listed::priced(c, &super::Listed::Op(code.clone()), None, None)?;
        let new = line(id, by, &listed.work, listed.hours, Some(&listed));
        store::insert_line(c, &new, now)?;
    }
    let lines: Vec<_> = store::priced_lines(c, id)?
        .into_iter()
        .map(|(_, _, p, _, _)| p)
        .collect();
    let total = crate::domain::handover::totals(&lines, 0, None).total;
    if total <= 0 {
        return Ok(None);
    }
    store::set_estimate_accepted(c, id, total)?;
    Ok(Some(total))
}

impl Workshop {
    /// Checks a vehicle in; returns the new job (status waiting).
    pub fn new_job(&mut self, who: &str, input: &NewJobInput) -> Result<JobRow> {
        let now = self.now();
        let booked = match input.appointment {
            Some(a) => Some(super::appointments::booking(&self.store, a, now)?),
            None => None,
        };
        let filled;
        let input = match &booked {
            Some(b) => {
                filled = super::appointments::fill_from(input, b)?;
                &filled
            }
            None => input,
        };
        let job = clean(input, now)?;
        let booked_hours = booked.as_ref().and_then(|b| b.hours);
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            check_create(&who)?;
            // One tag, one set of keys: a tag on an open job's keys is taken.
            if let Some(tag) = &job.key_tag
                && let Some(other) = store::open_job_with_key_tag(c, tag)?
            {
                return Err(Refusal::invalid(
                    Field::KeyTag,
                    Said::new("problem-key-tag-taken")
                        .text("tag", tag)
                        .text("job", crate::domain::job_label(other)),
                )
                .into());
            }
            super::handover::check_walkaround_rule(c, job.walkaround.as_ref())?;
            let customer_id = match &job.customer {
                Some(name) => Some(store::insert_customer(c, name, job.phone.as_deref())?),
                None => None,
            };
            let vehicle_id = vehicle_for(c, &job, customer_id)?;
            let summary = job.complaints.join("; ");
            let id = store::insert_job(
                c,
                &NewJob {
                    vehicle_id,
                    customer_id,
                    complaint: &summary,
                    priority: input.priority,
                    estimate_hours: job.estimate_hours,
                    promised_at: input.promised_at,
                    odometer_km: job.odometer_km,
                    customer_waiting: input.customer_waiting,
                    key_tag: job.key_tag.as_deref(),
                },
                now,
            )?;
            let estimate = quote(c, id, &job, &input.ops, booked_hours, who.id, now)?;
            if let Some(w) = job.walkaround {
                super::handover::record_walkaround(c, id, w, who.id, now)?;
            }
            let comeback = super::aftersales::link_comeback(
                c,
                id,
                &job.plate,
                job.vin.as_deref(),
                input.comeback,
                now,
            )?;
            let mut said = Said::new("event-created")
                .text("complaints", &summary)
                .opt("corrected", job.odometer_corrected.as_ref())
                .opt("comeback", comeback.map(crate::domain::job_label));
            if let Some(e) = estimate {
                said = said.money("estimate", e, &store::shop_settings(c)?.currency);
            }
            store::append_event(
                c,
                &store::NewEvent {
                    at: now,
                    actor_id: Some(who.id),
                    job_id: Some(id),
                    kind: "created",
                    from: None,
                    to: Some(JobStatus::Waiting.as_str()),
                    note: None,
                    said: Some(&said),
                },
            )?;
            if let Some(b) = &booked {
                super::appointments::arrive(c, b.id, id, &who, now)?;
            }
            Ok(store::job(c, id)?.expect("just created"))
        })
    }

    /// Sends a waiting job to a bay and a technician.
    pub fn dispatch(
        &mut self,
        who: &str,
        number: i64,
        bay: &str,
        technician: &str,
        seen_version: Option<i64>,
    ) -> Result<JobRow> {
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let job = load_job(c, number, seen_version)?;
            let outcome = check(
                JobAction::Dispatch,
                &who,
                &facts(c, &job, JobAction::Dispatch)?,
            )?;
            let bay = find_bay(c, bay)?;
            claim_bay(c, &bay, &job)?;
            let tech = find_technician(c, technician, &job)?;
            let change = JobChange {
                bay_id: Some(bay.id),
                technician_id: Some(tech.id),
                ..moved(&job, outcome)
            };
            let said = Said::new("event-dispatched")
                .text("bay", &bay.name)
                .text("tech", &tech.name);
            apply(
                c,
                &job,
                change,
                Step {
                    actor: Some(&who),
                    kind: "dispatched",
                    said: Some(&said),
                    note: None,
                },
                now,
            )
        })
    }

    /// Moves a job not yet in QC to another bay and/or technician.
    pub fn reassign(
        &mut self,
        who: &str,
        number: i64,
        bay: Option<&str>,
        technician: Option<&str>,
        seen_version: Option<i64>,
    ) -> Result<JobRow> {
        if bay.is_none() && technician.is_none() {
            return Err(
                Refusal::invalid(Field::Reassign, Said::new("problem-reassign-what")).into(),
            );
        }
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let job = load_job(c, number, seen_version)?;
            let f = facts(c, &job, JobAction::Reassign)?;
            check(JobAction::Reassign, &who, &f)?;
            let mut change = JobChange::from(&job);
            let mut said = Said::new("event-reassigned")
                .maybe("bay_from", job.bay.as_deref())
                .maybe("tech_from", job.technician.as_deref());
            if let Some(bay) = bay {
                let bay = find_bay(c, bay)?;
                claim_bay(c, &bay, &job)?;
                said = said.text("bay_to", &bay.name);
                change.bay_id = Some(bay.id);
            }
            if let Some(tech) = technician {
                let tech = find_technician(c, tech, &job)?;
                said = said.text("tech_to", &tech.name);
                change.technician_id = Some(tech.id);
            }
            let what = match (bay.is_some(), technician.is_some()) {
                (true, true) => "both",
                (true, false) => "bay",
                _ => "tech",
            };
            let said = said.text("what", what);
            if change.bay_id == job.bay_id && change.technician_id == job.technician_id {
                return Err(Refusal::invalid(
                    Field::Reassign,
                    Said::new("problem-reassign-same")
                        .text("job", job.label())
                        .maybe("bay", job.bay.as_deref())
                        .maybe("tech", job.technician.as_deref()),
                )
                .into());
            }
            let changes_tech = change.technician_id != job.technician_id;
            let outcome = lifecycle::reassign_outcome(&f, changes_tech);
            change.status = outcome.to;
            change.parts_return = outcome.parts_return;
            apply(
                c,
                &job,
                change,
                Step {
                    actor: Some(&who),
                    kind: "reassigned",
                    said: Some(&said),
                    note: None,
                },
                now,
            )
        })
    }

    pub fn set_priority(
        &mut self,
        who: &str,
        number: i64,
        priority: Priority,
        seen_version: Option<i64>,
    ) -> Result<JobRow> {
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let job = load_job(c, number, seen_version)?;
            check(
                JobAction::SetPriority,
                &who,
                &facts(c, &job, JobAction::SetPriority)?,
            )?;
            if job.priority == priority {
                return Err(Refusal::invalid(
                    Field::Priority,
                    Said::new("problem-priority-same")
                        .text("job", job.label())
                        .text("priority", priority),
                )
                .into());
            }
            let said = Said::new("event-priority")
                .text("from", job.priority)
                .text("to", priority);
            let change = JobChange {
                priority,
                ..JobChange::from(&job)
            };
            apply(
                c,
                &job,
                change,
                Step {
                    actor: Some(&who),
                    kind: "priority",
                    said: Some(&said),
                    note: None,
                },
                now,
            )
        })
    }

    /// Start, pause, resume, finish, release or deliver: transitions that
    /// need nothing but the job and the person.
    pub fn act(
        &mut self,
        who: &str,
        number: i64,
        action: JobAction,
        note: Option<&str>,
        seen_version: Option<i64>,
    ) -> Result<JobRow> {
        let kind = match action {
            JobAction::Start
            | JobAction::Pause
            | JobAction::Resume
            | JobAction::Finish
            | JobAction::Release
            | JobAction::Deliver => action.event(),
            other => {
                return Err(Refusal::invalid(
                    Field::Action,
                    Said::new("problem-needs-own-details").text("action", other.name()),
                )
                .into());
            }
        };
        let note = validate::optional_text(Field::Note, note, limits::NOTE)?;
        if action == JobAction::Finish {
            // Every finish is the self-check, its items all done.
            return Ok(self
                .finish(who, number, &[], note.as_deref(), seen_version)?
                .job);
        }
        self.write(|c, now, session| {
            act_in(
                c,
                session,
                who,
                number,
                (action, kind),
                (note.as_deref(), &NextService::default()),
                seen_version,
                now,
            )
        })
    }

    /// Hands the car over: delivery, with how it was paid (or warranty /
    /// internal) and what became of the old parts, in one transaction.
    pub fn deliver(
        &mut self,
        who: &str,
        number: i64,
        paid: Option<crate::domain::handover::Payment>,
        old_parts: Option<crate::domain::handover::OldParts>,
        next: &NextService,
        seen_version: Option<i64>,
    ) -> Result<JobRow> {
        let wear = validate::optional_text(Field::Note, next.wear.as_deref(), limits::NOTE)?;
        let next = NextService {
            wear,
            ..next.clone()
        };
        self.write(|c, now, session| {
            act_in(
                c,
                session,
                who,
                number,
                (JobAction::Deliver, "delivered"),
                (None, &next),
                seen_version,
                now,
            )?;
            store::set_paid(c, number, paid, old_parts)?;
            load_job(c, number, None)
        })
    }

    /// Cancels an open job with a reason; its bay, clock and open parts
    /// issues are closed with it.
    pub fn cancel(
        &mut self,
        who: &str,
        number: i64,
        reason: &str,
        seen_version: Option<i64>,
    ) -> Result<JobRow> {
        let reason = validate::required_text(Field::Reason, reason, limits::REASON)?;
        self.write(|c, now, session| {
            let who = signer(c, who, session, Act::SignCancellation)?;
            let job = load_job(c, number, seen_version)?;
            let outcome = check(JobAction::Cancel, &who, &facts(c, &job, JobAction::Cancel)?)?;
            for id in store::open_parts_of_job(c, job.id)? {
                store::update_parts(c, id, crate::domain::PartStatus::Cancelled, None, None, now)?;
                super::note_event(
                    c,
                    &job,
                    &who,
                    "parts_cancelled",
                    &Said::new("event-parts-cancelled")
                        .text("part", crate::domain::parts_label(id)),
                    None,
                    now,
                )?;
            }
            // The job's version moved with those events; re-read it.
            let job = load_job(c, number, None)?;
            land(
                c,
                &job,
                outcome,
                Step {
                    actor: Some(&who),
                    kind: "cancelled",
                    said: None,
                    note: Some(&reason),
                },
                now,
            )
        })
    }
}

/// A technician has at most one open time entry.
fn ensure_clock_free(c: &Connection, who: &Actor, job: &JobRow) -> Result<()> {
    if let Some((_, other)) = store::open_time_entry(c, who.id)?
        && other != job.id
    {
        return Err(Refusal::TechnicianBusy {
            who: who.name.clone(),
            job: job.label(),
            other: crate::domain::job_label(other),
        }
        .into());
    }
    Ok(())
}

/// The next service set at delivery, where the advisor overrides the
/// shop's interval; what is left of the wear parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NextService {
    pub on: Option<chrono::NaiveDate>,
    pub km: Option<i64>,
    pub wear: Option<String>,
}

/// One transition that needs nothing but the job and the person, inside a
/// write transaction (shared by `act` and `deliver`).
#[allow(clippy::too_many_arguments)]
fn act_in(
    c: &WriteTx,
    session: &super::Session,
    who: &str,
    number: i64,
    (action, kind): (JobAction, &str),
    (note, next): (Option<&str>, &NextService),
    seen_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<JobRow> {
    let who = if action == JobAction::Deliver {
        signer(c, who, session, Act::SignDelivery)?
    } else {
        actor(c, who, session)?
    };
    let job = load_job(c, number, seen_version)?;
    let outcome = check(action, &who, &facts(c, &job, action)?)?;
    if outcome.to == JobStatus::InProgress {
        ensure_clock_free(c, &who, &job)?;
    }
    let next_km = match next.km {
        Some(k) if action == JobAction::Deliver => Some(crate::domain::service::check_km(
            k,
            job.vehicle.odometer_km,
        )?),
        _ => None,
    };
    if action == JobAction::Deliver {
        super::handover::check_deliverable(c, number)?;
    }
    let mut change = moved(&job, outcome);
    if action == JobAction::Release {
        change.bay_id = None;
    }
    let said = (action == JobAction::Release)
        .then(|| Said::new("event-released").text("bay", job.bay.as_deref().unwrap_or("?")));
    let after = apply(
        c,
        &job,
        change,
        Step {
            actor: Some(&who),
            kind,
            said: said.as_ref(),
            note,
        },
        now,
    )?;
    if action == JobAction::Deliver {
        super::aftersales::schedule_followup(c, job.id, now)?;
        crate::store::figures::record_job_times(c, job.id)?;
        // The next service by the shop's interval, unless the advisor
        // gave another.
        let day = now.with_timezone(&chrono::Local).date_naive();
        let (on, km) =
            crate::domain::service::Interval::builtin().next(day, after.vehicle.odometer_km);
        let (on, km) = (next.on.unwrap_or(on), next_km.or(km));
        super::vehicle_file::record_next_service(
            c,
            &who,
            &after,
            on,
            km,
            next.wear.as_deref(),
            now,
        )?;
        return load_job(c, number, None);
    }
    Ok(after)
}
