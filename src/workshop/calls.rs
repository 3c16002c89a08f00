//! Calls to return: a customer's call logged with what was promised and by
//! when, closed with what was done; the second follow-up call made when the
//! first is answered, where the shop sets one.

use super::aftersales::event;
use super::{Workshop, actor, load_job};
use crate::domain::aftersales::check_aftersales;
use crate::domain::calls::{CallKind, call_label, second_followup_days};
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Field, Refusal, Said};
use crate::error::Result;
use crate::store::{self, CallRow, NewCall, WriteTx};
use chrono::{DateTime, Duration, Utc};

/// A customer's call as the advisor takes it: about a job (its car and
/// customer fill what is not given) or a plate, what they asked, what was
/// promised and by when.
#[derive(Debug, Clone, Default)]
pub struct CallInput {
    pub job: Option<i64>,
    pub plate: Option<String>,
    pub caller: Option<String>,
    pub phone: Option<String>,
    pub about: String,
    pub promised: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
}

/// The second follow-up call, due `days` after the first was answered.
pub(super) fn second_followup(
    c: &WriteTx,
    job: &store::JobRow,
    by: &crate::domain::Actor,
    now: DateTime<Utc>,
) -> Result<()> {
    let days = store::second_followup_days(c)?;
    if days == 0 {
        return Ok(());
    }
    let id = store::insert_call(
        c,
        &NewCall {
            kind: CallKind::SecondFollowup,
            job: Some(job.id),
            plate: Some(&job.plate),
            caller: job.customer.as_deref(),
            phone: job.phone.as_deref(),
            about: None,
            promised: None,
            due_at: Some(now + Duration::days(days)),
            by: by.id,
        },
        now,
    )?;
    let said = Said::new("event-call-second-followup")
        .text("call", call_label(id))
        .num("days", days);
    event(c, by, Some(job.id), "call_logged", &said, None, now)
}

impl Workshop {
    /// Logs a customer's call (advisor or foreman).
    pub fn log_call(&mut self, who: &str, input: &CallInput) -> Result<CallRow> {
        let about = validate::required_text(Field::Note, &input.about, limits::NOTE)?;
        let promised =
            validate::optional_text(Field::Note, input.promised.as_deref(), limits::NOTE)?;
        let caller =
            validate::optional_text(Field::Customer, input.caller.as_deref(), limits::NAME)?;
        let phone = validate::optional_text(Field::Phone, input.phone.as_deref(), limits::PHONE)?;
        let plate = validate::optional_text(Field::Plate, input.plate.as_deref(), limits::PLATE)?;
        if input.job.is_none() && plate.is_none() && caller.is_none() && phone.is_none() {
            return Err(Refusal::invalid(Field::Call, Said::new("problem-call-who")).into());
        }
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            check_aftersales(&who, Act::LogCall)?;
            let job = input.job.map(|n| load_job(c, n, None)).transpose()?;
            let id = store::insert_call(
                c,
                &NewCall {
                    kind: CallKind::Incoming,
                    job: job.as_ref().map(|j| j.id),
                    plate: plate.as_deref().or(job.as_ref().map(|j| j.plate.as_str())),
                    caller: caller
                        .as_deref()
                        .or(job.as_ref().and_then(|j| j.customer.as_deref())),
                    phone: phone
                        .as_deref()
                        .or(job.as_ref().and_then(|j| j.phone.as_deref())),
                    about: Some(&about),
                    promised: promised.as_deref(),
                    due_at: input.due_at,
                    by: who.id,
                },
                now,
            )?;
            let said = Said::new("event-call-logged").text("call", call_label(id));
            event(c, &who, input.job, "call_logged", &said, Some(&about), now)?;
            Ok(store::call(c, id)?.expect("just logged"))
        })
    }

    /// Closes a call with what was done (advisor or foreman).
    pub fn close_call(&mut self, who: &str, id: i64, note: &str) -> Result<CallRow> {
        let note = validate::required_text(Field::Note, note, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            check_aftersales(&who, Act::LogCall)?;
            let call = store::call(c, id)?.ok_or_else(|| {
                Refusal::invalid(
                    Field::Call,
                    Said::new("problem-call-unknown").text("call", call_label(id)),
                )
            })?;
            if !call.open {
                return Err(Refusal::invalid(
                    Field::Call,
                    Said::new("problem-call-closed").text("call", call_label(id)),
                )
                .into());
            }
            store::close_call(c, id, who.id, &note, now)?;
            let said = Said::new("event-call-closed").text("call", call_label(id));
            event(c, &who, call.job, "call_closed", &said, Some(&note), now)?;
            Ok(store::call(c, id)?.expect("just closed"))
        })
    }

    /// Days after the first follow-up call that a second falls due (0:
    /// none; foreman).
    pub fn set_second_followup(&mut self, who: Option<&str>, days: i64) -> Result<()> {
        let days = second_followup_days(days)?;
        self.write(|c, now, session| {
            let who = super::setup::setup_actor(c, who, Act::ChangeSettings, session)?;
            store::set_second_followup_days(c, days)?;
            let said = Said::new("event-shop-second-followup").num("days", days);
            super::setup_event_for(c, who.as_ref(), "shop_set", &said, now)
        })
    }
}
