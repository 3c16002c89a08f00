//! Work-order lines: requested work, found work and the customer's
//! decision on it, done and reopened, priced; and the shop's money
//! settings. A blocking found line holds the job like a blocking part.

use super::{Workshop, actor, load_job, note_event, rehold};
use crate::domain::lines::{check_add, check_decide, check_done, check_price};
use crate::domain::validate::{self, limits};
use crate::domain::warranty::Payer;
use crate::domain::{
    Act, Field, LineKind, LineStatus, Refusal, Said, Urgency, Via, line_label, money,
};
use crate::error::{Error, Result};
use crate::store::{self, LineRow, ShopSettings};

/// Found work: how urgent, and whether the technician must wait for the
/// customer's decision before going on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub urgency: Urgency,
    pub blocking: bool,
}

/// A line as typed: `found` is None for requested work.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LineInput {
    pub work: String,
    pub hours: Option<f64>,
    /// Minor units of the shop's currency.
    pub amount: Option<i64>,
    pub found: Option<Found>,
    pub note: Option<String>,
    /// From the published list: its words, hours and price.
    pub listed: Option<super::Listed>,
    /// A price other than the list's, and why.
    pub price: Option<i64>,
    pub reason: Option<String>,
    /// Who pays for it (default: the customer).
    pub payer: crate::domain::warranty::Payer,
    /// The recall campaign it does (paid by warranty).
    pub campaign: Option<String>,
}

/// The job's claim a maker's line joins while it is open; once sent, the
/// claim's amount stays what was sent, and such a line is refused.
fn claim_to_join(c: &store::WriteTx, job: i64, payer: Payer) -> Result<Option<store::ClaimRow>> {
    let claim = match payer {
        Payer::Warranty | Payer::Sanbao => store::claim_of_job(c, job)?,
        _ => None,
    };
    if let Some(w) = &claim
        && w.status != crate::domain::warranty::ClaimStatus::Open
    {
        return Err(Refusal::invalid(
            Field::Payer,
            Said::new("problem-claim-sent")
                .text("claim", crate::domain::warranty::claim_label(w.id))
                .label("status", "claim_status", w.status.as_str()),
        )
        .into());
    }
    Ok(claim)
}

fn unknown_line(id: i64) -> Error {
    Refusal::unknown("line", line_label(id), Some(Said::new("hint-see-lines"))).into()
}

fn hours(h: Option<f64>) -> Result<Option<f64>> {
    Ok(h.map(|h| validate::hours(Field::Hours, h)).transpose()?)
}

/// What a line sells (hours, an amount, both or nothing), for the event log.
fn sold(h: Option<f64>, amount: Option<i64>, currency: &str) -> Said {
    let what = match (h, amount) {
        (Some(_), Some(_)) => "both",
        (Some(_), None) => "hours",
        (None, Some(_)) => "amount",
        (None, None) => "none",
    };
    let said = Said::new("line-sold").text("what", what).opt("hours", h);
    match amount {
        Some(a) => said.money("amount", a, currency),
        None => said,
    }
}

impl Workshop {
    /// Adds a line to a job: requested work (advisor, foreman) starts
    /// approved; found work (the job's technician, foreman) is proposed to
    /// the customer, and if blocking, holds the job until they decide.
    pub fn add_line(
        &mut self,
        who: &str,
        number: i64,
        input: &LineInput,
        seen_version: Option<i64>,
    ) -> Result<LineRow> {
        let note = validate::optional_text(Field::Note, input.note.as_deref(), limits::NOTE)?;
        if input.price.is_some() && input.listed.is_none() {
            return Err(
                Refusal::invalid(Field::Price, Said::new("problem-price-needs-list")).into(),
            );
        }
        let campaign =
            validate::optional_text(Field::Campaign, input.campaign.as_deref(), limits::TAG)?;
        // A recall campaign is the maker's: always a warranty line.
        let payer = match (&campaign, input.payer) {
            (Some(_), Payer::Customer | Payer::Warranty) => Payer::Warranty,
            (Some(_), _) => {
                return Err(Refusal::invalid(
                    Field::Payer,
                    Said::new("problem-campaign-is-warranty"),
                )
                .into());
            }
            (None, p) => p,
        };
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let job = load_job(c, number, seen_version)?;
            let listed = match &input.listed {
                Some(l) => super::listed::priced(c, l, input.price, input.reason.as_deref())?,
                None => crate::domain::catalogue::ListedLine {
                    work: validate::required_text(Field::Work, &input.work, limits::PART)?,
                    hours: hours(input.hours)?,
                    amount: input.amount,
                    ..Default::default()
                },
            };
            let (work, h, amount) = (&listed.work, listed.hours, listed.amount);
            let kind = match input.found {
                Some(_) => LineKind::Added,
                None => LineKind::Requested,
            };
            check_add(&who, kind, &job.label(), job.status, job.technician_id)?;
            let claim = claim_to_join(c, job.id, payer)?;
            let id = store::insert_line(
                c,
                &store::NewLine {
                    job_id: job.id,
                    kind,
                    work,
                    hours: h,
                    amount,
                    urgency: input.found.map(|f| f.urgency),
                    blocking: input.found.is_some_and(|f| f.blocking),
                    note: note.as_deref(),
                    added_by: Some(who.id),
                    listed: Some(&listed).filter(|l| l.list_price.is_some()),
                    on_estimate: false,
                    payer,
                    campaign: campaign.as_deref(),
                },
                now,
            )?;
            if claim.is_some() {
                store::mark_claimed(c, job.id)?;
            }
            let currency = store::shop_settings(c)?.currency;
            let mut said = Said::new("event-line-added")
                .text("line", line_label(id))
                .text("work", work)
                .label("kind", "line_kind", kind.as_str())
                .text("found", if input.found.is_some() { "yes" } else { "no" });
            if payer != Payer::Customer {
                said = said.label("payer", "payer", payer.as_str());
            }
            if let Some(f) = input.found {
                said = said
                    .label("urgency", "urgency", f.urgency.as_str())
                    .text("blocking", if f.blocking { "yes" } else { "no" });
            }
            if h.is_some() || amount.is_some() {
                said = said.said("sold", sold(h, amount, &currency));
            }
            note_event(c, &job, &who, "line_added", &said, note.as_deref(), now)?;
            if let (Some(list), Some(reason)) = (listed.list_price, &listed.reason) {
                let agreed = listed.fixed.or(listed.amount).unwrap_or(list);
                let off = Said::new("event-line-off-list")
                    .text("line", line_label(id))
                    .money("list", list, &currency)
                    .money("price", agreed, &currency);
                note_event(c, &job, &who, "line_off_list", &off, Some(reason), now)?;
            }
            if input.found.is_some_and(|f| f.blocking) {
                rehold(
                    c,
                    number,
                    &who,
                    "waiting_approval",
                    &said,
                    note.as_deref(),
                    now,
                )?;
            }
            Ok(store::line(c, id)?.expect("just added"))
        })
    }

    /// Records the customer's decision on a proposed line: who (their
    /// name), how, by which advisor or foreman. The job un-parks when its
    /// last blocking decision is in.
    pub fn decide_line(
        &mut self,
        who: &str,
        id: i64,
        approve: bool,
        customer: &str,
        via: Via,
        note: Option<&str>,
    ) -> Result<LineRow> {
        let customer = validate::required_text(Field::DecidedBy, customer, limits::NAME)?;
        let note = validate::optional_text(Field::Note, note, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let line = store::line(c, id)?.ok_or_else(|| unknown_line(id))?;
            if let (Some(by), Some(at)) = (&line.customer_name, line.decided_at) {
                return Err(Refusal::invalid(
                    Field::DecidedBy,
                    Said::new("problem-decided-once")
                        .text("line", line.label())
                        .text("decision", line.status.as_str())
                        .text("by", by)
                        .via("via", line.via)
                        .time("at", at),
                )
                .into());
            }
            check_decide(&who, &line.label(), line.status)?;
            let job = load_job(c, line.job, None)?;
            if !job.status.is_open() {
                return Err(Refusal::LineNotNow {
                    job: job.label(),
                    status: job.status,
                    what: Act::TakeDecision,
                }
                .into());
            }
            store::decide_line(c, id, approve, &customer, via, who.id, now)?;
            let said = Said::new("event-line-decided")
                .text("line", line.label())
                .text("work", &line.work)
                .text("decision", if approve { "approved" } else { "declined" })
                .text("customer", &customer)
                .via("via", Some(via));
            let kind = if approve {
                "line_approved"
            } else {
                "line_declined"
            };
            note_event(c, &job, &who, kind, &said, note.as_deref(), now)?;
            if line.blocking {
                rehold(
                    c,
                    job.id,
                    &who,
                    "approval_cleared",
                    &said,
                    note.as_deref(),
                    now,
                )?;
            }
            Ok(store::line(c, id)?.expect("just decided"))
        })
    }

    /// Marks an approved line done, or reopens a done one.
    pub fn mark_line(&mut self, who: &str, id: i64, done: bool) -> Result<LineRow> {
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let line = store::line(c, id)?.ok_or_else(|| unknown_line(id))?;
            let job = load_job(c, line.job, None)?;
            check_done(
                &who,
                &line.label(),
                line.status,
                done,
                &job.label(),
                job.status,
                job.technician_id,
            )?;
            store::set_line_done(c, id, done.then_some(who.id), now)?;
            let (kind, message) = if done {
                ("line_done", "event-line-done")
            } else {
                ("line_reopened", "event-line-reopened")
            };
            let said = Said::new(message)
                .text("line", line.label())
                .text("work", &line.work);
            note_event(c, &job, &who, kind, &said, None, now)?;
            Ok(store::line(c, id)?.expect("just marked"))
        })
    }

    /// Sets a line's sold hours and parts amount. Decided work changes only
    /// by the foreman, with a reason, and the event says what it was.
    pub fn price_line(
        &mut self,
        who: &str,
        id: i64,
        new_hours: Option<f64>,
        amount: Option<i64>,
        reason: Option<&str>,
    ) -> Result<LineRow> {
        let h = hours(new_hours)?;
        let reason = validate::optional_text(Field::Reason, reason, limits::REASON)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let line = store::line(c, id)?.ok_or_else(|| unknown_line(id))?;
            let job = load_job(c, line.job, None)?;
            if !job.status.is_open() || line.status == LineStatus::Declined {
                return Err(Refusal::LineState {
                    line: line.label(),
                    status: line.status,
                    what: Act::BePricedAnyMore,
                }
                .into());
            }
            check_price(
                &who,
                &line.label(),
                line.kind,
                line.status,
                job.status,
                reason.as_deref(),
            )?;
            let hours = h.or(line.hours);
            let amount = amount.or(line.amount);
            store::set_line_price(c, id, hours, amount, reason.is_none())?;
            let currency = store::shop_settings(c)?.currency;
            let said = Said::new("event-line-priced")
                .text("line", line.label())
                .text("work", &line.work)
                .said("before", sold(line.hours, line.amount, &currency))
                .said("after", sold(hours, amount, &currency));
            note_event(c, &job, &who, "line_priced", &said, reason.as_deref(), now)?;
            Ok(store::line(c, id)?.expect("just priced"))
        })
    }

    /// The shop's currency and labour rate: the foreman's, each change an
    /// event.
    pub fn set_money(
        &mut self,
        who: Option<&str>,
        currency: Option<&str>,
        labour_rate: Option<&str>,
    ) -> Result<ShopSettings> {
        let currency = currency.map(money::currency).transpose()?;
        self.write(|c, now, session| {
            let who = super::setup::setup_actor(c, who, Act::ChangeSettings, session)?;
            let before = store::shop_settings(c)?;
            if currency.as_ref().is_some_and(|new| *new != before.currency)
                && store::money_recorded(c)?
            {
                return Err(Refusal::invalid(
                    Field::Currency,
                    Said::new("problem-currency-in-use").text("currency", &before.currency),
                )
                .into());
            }
            let code = currency.clone().unwrap_or(before.currency);
            let rate = labour_rate
                .map(|r| money::parse(Field::LabourRate, r, &code))
                .transpose()?;
            store::set_money_settings(c, currency.as_deref(), rate)?;
            let after = store::shop_settings(c)?;
            let said = Said::new("event-shop-money")
                .text("currency", &after.currency)
                .money("rate", after.labour_rate, &after.currency);
            super::setup_event_for(c, who.as_ref(), "shop_set", &said, now)?;
            Ok(after)
        })
    }
}
