//! After delivery: the shop's after-sales settings, the follow-up call,
//! complaints, and the comeback link made at check-in.

use super::{Workshop, actor, load_job};
use crate::domain::aftersales::{
    self, ComplaintStatus, MISSES, check_aftersales, complaint_label, deadlines,
};
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Actor, Field, JobStatus, Refusal, Said, job_label};
use crate::error::Result;
use crate::store::{self, AftersalesSettings, ComplaintRow, FollowupRow, NewEvent, WriteTx};
use chrono::{DateTime, Duration, Utc};

/// What check-in does about an earlier visit within the comeback window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Comeback {
    /// Link the newest delivery within the window, if any (the advisor
    /// is told, and may clear it with `NotComeback`).
    #[default]
    Offered,
    /// This job is a comeback of that one.
    Of(i64),
    /// Not a comeback, whatever the window says.
    NotComeback,
}

/// An event by a person, about a job or none, that changes no state.
pub(super) fn event(
    c: &WriteTx,
    who: &Actor,
    job: Option<i64>,
    kind: &str,
    said: &Said,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    store::append_event(
        c,
        &NewEvent {
            at: now,
            actor_id: Some(who.id),
            job_id: job,
            kind,
            from: None,
            to: None,
            note,
            said: Some(said),
        },
    )
}

/// Links a new job to the one it came back from, per the advisor's choice.
/// Returns the earlier job, if linked.
pub(super) fn link_comeback(
    c: &WriteTx,
    job: i64,
    plate: &str,
    vin: Option<&str>,
    choice: Comeback,
    now: DateTime<Utc>,
) -> Result<Option<i64>> {
    let of = match choice {
        Comeback::NotComeback => return Ok(None),
        Comeback::Of(n) => {
            let earlier = load_job(c, n, None)?;
            // The same car: the same plate however typed, and no other VIN.
            let key = crate::domain::vehicle::plate_key;
            let other_vin =
                matches!((vin, earlier.vehicle.vin.as_deref()), (Some(a), Some(b)) if a != b);
            if earlier.status != JobStatus::Delivered
                || key(&earlier.plate) != key(plate)
                || other_vin
            {
                return Err(Refusal::invalid(
                    Field::Plate,
                    Said::new("problem-comeback-of")
                        .text("job", earlier.label())
                        .status("status", earlier.status)
                        .text("plate", &earlier.plate),
                )
                .into());
            }
            n
        }
        Comeback::Offered => {
            let days = store::aftersales_settings(c)?.comeback_days;
            match store::recent_delivery(c, plate, vin, now - Duration::days(days))? {
                Some((n, _, _)) => n,
                None => return Ok(None),
            }
        }
    };
    store::set_comeback(c, job, of)?;
    Ok(Some(of))
}

/// At delivery: the follow-up call falls due after the shop's days.
pub(super) fn schedule_followup(c: &WriteTx, job: i64, now: DateTime<Utc>) -> Result<()> {
    let days = store::aftersales_settings(c)?.followup_days;
    let due = aftersales::followup_due(now, days, &chrono::Local);
    store::insert_followup(c, job, due)
}

impl Workshop {
    /// Follow-up days, comeback window, technicians' day hours (foreman).
    pub fn set_aftersales(
        &mut self,
        who: &str,
        followup_days: Option<i64>,
        comeback_days: Option<i64>,
        day_hours: Option<f64>,
    ) -> Result<AftersalesSettings> {
        let f = followup_days.map(aftersales::followup_days).transpose()?;
        let b = comeback_days.map(aftersales::comeback_days).transpose()?;
        let h = day_hours.map(aftersales::day_hours).transpose()?;
        self.write(|c, now, session| {
            let who = super::setup::setup_actor(c, Some(who), Act::ChangeSettings, session)?;
            store::set_aftersales(c, f, b, h)?;
            let after = store::aftersales_settings(c)?;
            let said = Said::new("event-shop-aftersales")
                .num("followup", after.followup_days)
                .num("comeback", after.comeback_days)
                .text("hours", after.day_hours);
            super::setup_event_for(c, who.as_ref(), "shop_set", &said, now)?;
            Ok(after)
        })
    }

    /// The language the shop's boards and commands speak, unless a
    /// terminal or command says otherwise (`--lang`).
    pub fn set_language(&mut self, who: &str, lang: crate::present::lang::Lang) -> Result<()> {
        self.write(|c, now, session| {
            let who = super::setup::setup_actor(c, Some(who), Act::ChangeSettings, session)?;
            store::set_shop_language(c, lang.tag())?;
            let said = Said::new("event-shop-language").text("language", lang.tag());
            super::setup_event_for(c, who.as_ref(), "shop_set", &said, now)
        })
    }

    /// The shop's time zone, an IANA name the system's zone files know
    /// (`Asia/Shanghai`); empty: each terminal its own again.
    pub fn set_timezone(&mut self, who: Option<&str>, zone: &str) -> Result<()> {
        let zone = zone.trim();
        if !zone.is_empty() && !zone_on_this_machine(zone) {
            return Err(Refusal::invalid(
                Field::Timezone,
                Said::new("problem-timezone").text("zone", zone),
            )
            .into());
        }
        self.write(|c, now, session| {
            let who = super::setup::setup_actor(c, who, Act::ChangeSettings, session)?;
            store::set_shop_timezone(c, Some(zone).filter(|z| !z.is_empty()))?;
            // Counted again in the zone's days by the next process that
            // counts in it (setting the same zone again is how sums that
            // `check` found wrong are counted afresh).
            store::clock_sums::forget(c)?;
            let said = Said::new("event-shop-timezone").text("zone", zone);
            super::setup_event_for(c, who.as_ref(), "shop_set", &said, now)
        })
    }

    /// The shop's printers, the first the default (none: CUPS's own).
    pub fn set_printers(&mut self, who: &str, names: &[String]) -> Result<Vec<String>> {
        let names = crate::domain::documents::printers(names)?;
        self.write(|c, now, session| {
            let who = super::setup::setup_actor(c, Some(who), Act::ChangeSettings, session)?;
            store::set_shop_printers(c, &names)?;
            let said = Said::new("event-shop-printers")
                .num("n", names.len() as i64)
                .text("list", names.join(", "));
            super::setup_event_for(c, who.as_ref(), "shop_set", &said, now)?;
            Ok(names.clone())
        })
    }

    /// Logs one follow-up call. A third miss gives it up as unreachable; a
    /// score of 1 or 2 opens a complaint about the job (severity 2, owned
    /// by the caller), whose number is returned.
    pub fn log_followup(
        &mut self,
        who: &str,
        job: i64,
        reached: bool,
        score: Option<i64>,
        note: Option<&str>,
    ) -> Result<(FollowupRow, Option<i64>)> {
        let score = score.map(aftersales::score).transpose()?;
        if !reached && score.is_some() {
            return Err(
                Refusal::invalid(Field::Score, Said::new("problem-score-needs-reached")).into(),
            );
        }
        let note = validate::optional_text(Field::Note, note, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            check_aftersales(&who, Act::LogFollowup)?;
            let j = load_job(c, job, None)?;
            let f = store::followup(c, job, now)?.ok_or_else(|| {
                Refusal::invalid(
                    Field::Job,
                    Said::new("problem-followup-delivered-only")
                        .text("job", j.label())
                        .status("status", j.status),
                )
            })?;
            use aftersales::FollowupState::*;
            if matches!(f.state, Reached | Unreachable) {
                return Err(Refusal::invalid(
                    Field::Job,
                    Said::new("problem-followup-done")
                        .text("job", j.label())
                        .text("state", f.state.as_str()),
                )
                .into());
            }
            let unreachable = !reached && f.misses + 1 >= MISSES;
            store::log_followup(
                c,
                &store::FollowupTry {
                    job,
                    reached,
                    score,
                    note: note.as_deref(),
                    by: who.id,
                    unreachable,
                },
                now,
            )?;
            let said = match (reached, score) {
                (true, s) => Said::new("event-followup-reached").opt("score", s),
                (false, _) if unreachable => {
                    Said::new("event-followup-unreachable").num("tries", MISSES)
                }
                (false, _) => Said::new("event-followup-missed").num("try", f.misses + 1),
            };
            let kind = if reached {
                "followup_reached"
            } else {
                "followup_missed"
            };
            event(c, &who, Some(job), kind, &said, note.as_deref(), now)?;
            if reached {
                super::calls::second_followup(c, &j, &who, now)?;
            }
            let complaint = match score {
                Some(s) if aftersales::unhappy(s) => {
                    let words = format!(
                        "follow-up call: satisfaction {s}/5{}",
                        note.as_deref()
                            .map(|n| format!(" — {n}"))
                            .unwrap_or_default()
                    );
                    Some(open_complaint(
                        c,
                        &who,
                        Some(job),
                        &j.plate,
                        2,
                        &words,
                        &who,
                        now,
                    )?)
                }
                _ => None,
            };
            Ok((
                store::followup(c, job, now)?.expect("just logged"),
                complaint,
            ))
        })
    }

    /// Records a complaint about a job or a plate, with its deadlines.
    pub fn new_complaint(
        &mut self,
        who: &str,
        job: Option<i64>,
        plate: Option<&str>,
        severity: i64,
        text: &str,
        owner: Option<&str>,
    ) -> Result<ComplaintRow> {
        aftersales::severity(severity)?;
        let text = validate::required_text(Field::Complaint, text, limits::COMPLAINT)?;
        let plate = plate.map(validate::plate).transpose()?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            check_aftersales(&who, Act::RecordComplaint)?;
            let owner = match owner {
                Some(name) => {
                    let o = store::actor_by_name(c, name)?
                        .ok_or_else(|| super::unknown_person(c, name, None))?;
                    check_aftersales(&o, Act::OwnComplaint)?;
                    o
                }
                None => who.clone(),
            };
            // A plate the shop has seen is about its newest job.
            let (job, plate) = match (job, plate) {
                (Some(n), _) => (Some(n), load_job(c, n, None)?.plate),
                (None, Some(p)) => (store::newest_job_of_plate(c, &p)?, p),
                (None, None) => {
                    return Err(
                        Refusal::invalid(Field::Job, Said::new("problem-job-or-plate")).into(),
                    );
                }
            };
            let id = open_complaint(c, &who, job, &plate, severity, &text, &owner, now)?;
            Ok(store::complaint(c, id, now)?.expect("just recorded"))
        })
    }

    /// Acknowledges, resolves or closes a complaint (advisor or foreman).
    pub fn step_complaint(
        &mut self,
        who: &str,
        id: i64,
        to: ComplaintStatus,
        note: Option<&str>,
    ) -> Result<ComplaintRow> {
        let note = validate::optional_text(Field::Note, note, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            check_aftersales(&who, Act::WorkOnComplaint)?;
            let before = store::complaint(c, id, now)?.ok_or_else(|| {
                Refusal::unknown(
                    "complaint",
                    complaint_label(id),
                    Some(Said::new("hint-see-complaints")),
                )
            })?;
            before.status.step(to)?;
            store::step_complaint(c, id, to, now)?;
            let said = Said::new("event-complaint-step")
                .text("complaint", complaint_label(id))
                .text("to", to.as_str());
            event(
                c,
                &who,
                before.job,
                &format!("complaint_{}", to.as_str()),
                &said,
                note.as_deref(),
                now,
            )?;
            Ok(store::complaint(c, id, now)?.expect("it exists"))
        })
    }
}

#[allow(clippy::too_many_arguments)]
fn open_complaint(
    c: &WriteTx,
    who: &Actor,
    job: Option<i64>,
    plate: &str,
    severity: i64,
    text: &str,
    owner: &Actor,
    now: DateTime<Utc>,
) -> Result<i64> {
    let s = aftersales::severity(severity)?;
    let (respond_by, resolve_by) = deadlines(&s, now, &chrono::Local);
    let id = store::insert_complaint(
        c,
        &store::NewComplaint {
            job,
            plate,
            severity,
            text,
            owner: owner.id,
            respond_by,
            resolve_by,
            by: who.id,
        },
        now,
    )?;
    let about = job.map(job_label).unwrap_or_else(|| plate.to_string());
    event(
        c,
        who,
        job,
        "complaint_opened",
        &Said::new("event-complaint-opened")
            .text("complaint", complaint_label(id))
            .num("severity", severity)
            .text("about", about)
            .text("owner", &owner.name)
            .text("text", text),
        None,
        now,
    )?;
    Ok(id)
}

/// Whether `zone` is a place's zone the system's zone files have
/// (`TZDIR`, else the usual place): a zone chrono could not read would
/// silently be UTC.
pub fn zone_on_this_machine(zone: &str) -> bool {
    let dir = std::env::var_os("TZDIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| "/usr/share/zoneinfo".into());
    crate::domain::validate::zone_known(zone, dir.join(zone).is_file())
}
