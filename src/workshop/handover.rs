//! Reception and hand-over: the walk-around taken at check-in, the wash,
//! a foreman's adjustment, and the settlement delivery is held to.

use super::{Workshop, actor, load_job};
use crate::domain::handover::{self, Damage};
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Field, JobStatus, Refusal, Role, Said, money};
use crate::error::Result;
use crate::read::settlement::Settlement;
use crate::store::{self, JobRow, NewEvent, Walkaround, WriteTx};
use chrono::{DateTime, Utc};

/// The walk-around as typed at reception (CLI flags or the check-in form).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct WalkaroundInput {
    pub fuel: Option<String>,
    pub damages: Vec<String>,
    pub valuables: Option<String>,
    pub warning_lights: Option<String>,
    pub return_old_parts: bool,
    /// The customer declined the walk-around: said, not left out.
    pub declined: bool,
}

impl WalkaroundInput {
    fn is_empty(&self) -> bool {
        *self == WalkaroundInput::default()
    }
}

/// Checked, ready to record (None: nothing was noted).
pub(super) struct CleanWalkaround {
    fuel: Option<i64>,
    damages: Vec<Damage>,
    valuables: Option<String>,
    warning_lights: Option<String>,
    return_old_parts: bool,
    declined: bool,
}

impl CleanWalkaround {
    /// Whether the car was looked over: a fact of the car noted (asking
    /// for the old parts back is the customer's wish, not a look).
    fn looked(&self) -> bool {
        self.fuel.is_some()
            || !self.damages.is_empty()
            || self.valuables.is_some()
            || self.warning_lights.is_some()
    }
}

pub(super) fn clean_walkaround(w: &WalkaroundInput) -> Result<Option<CleanWalkaround>> {
    if w.is_empty() {
        return Ok(None);
    }
    let clean = CleanWalkaround {
        declined: w.declined,
        fuel: w.fuel.as_deref().map(handover::fuel).transpose()?,
        damages: w
            .damages
            .iter()
            .map(|d| handover::damage(d))
            .collect::<Result<_, _>>()?,
        valuables: validate::optional_text(Field::Note, w.valuables.as_deref(), limits::NOTE)?,
        warning_lights: validate::optional_text(
            Field::Note,
            w.warning_lights.as_deref(),
            limits::NOTE,
        )?,
        return_old_parts: w.return_old_parts,
    };
    if clean.declined && clean.looked() {
        return Err(
            Refusal::invalid(Field::Walkaround, Said::new("problem-walkaround-both")).into(),
        );
    }
    Ok(Some(clean))
}

pub(super) fn record_walkaround(
    c: &WriteTx,
    job: i64,
    w: CleanWalkaround,
    by: i64,
    now: DateTime<Utc>,
) -> Result<()> {
    store::insert_walkaround(
        c,
        job,
        &Walkaround {
            fuel_eighths: w.fuel,
            damages: w.damages,
            valuables: w.valuables,
            warning_lights: w.warning_lights,
            return_old_parts: w.return_old_parts,
            declined: w.declined,
            recorded_by: String::new(),
            recorded_at: now,
        },
        by,
    )
}

/// A check-in under the shop's walk-around rule: the car looked over, or
/// the customer's no recorded.
pub(super) fn check_walkaround_rule(c: &WriteTx, w: Option<&CleanWalkaround>) -> Result<()> {
    let done = w.is_some_and(|w| w.declined || w.looked());
    if !done && store::walkaround_required(c)? {
        return Err(
            Refusal::invalid(Field::Walkaround, Said::new("problem-walkaround-needed")).into(),
        );
    }
    Ok(())
}

/// Delivery waits for the settlement to be within what was approved.
pub(super) fn check_deliverable(c: &WriteTx, number: i64) -> Result<()> {
    let s = crate::read::settlement::settlement(c, number)?;
    handover::check_settlement(&s.job.label(), &s.totals, &s.currency)?;
    Ok(())
}

fn event(
    c: &WriteTx,
    who: i64,
    job: i64,
    kind: &str,
    said: &Said,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    store::append_event(
        c,
        &NewEvent {
            at: now,
            actor_id: Some(who),
            job_id: Some(job),
            kind,
            from: None,
            to: None,
            note,
            said: Some(said),
        },
    )
}

/// A car that passed QC, for one of `may` to act on: (what they do, what
/// the car undergoes) name the refusals.
fn passed_job(
    c: &WriteTx,
    who: &crate::domain::Actor,
    may: &[Role],
    (act, undergo): (Act, Act),
    number: i64,
) -> Result<JobRow> {
    if !who.has_any(may) {
        return Err(Refusal::WrongRoleSetup {
            who: who.describe(),
            action: act,
            needs: may.to_vec(),
        }
        .into());
    }
    let job = load_job(c, number, None)?;
    if job.status != JobStatus::QcPassed {
        return Err(Refusal::LineNotNow {
            job: job.label(),
            status: job.status,
            what: undergo,
        }
        .into());
    }
    Ok(job)
}

impl Workshop {
    /// The settlement, as it stands.
    pub fn settlement(&self, number: i64) -> Result<Settlement> {
        self.store
            .read(|c| crate::read::settlement::settlement(c, number))
    }

    /// Whether every check-in needs the walk-around or the customer's no
    /// (foreman; `init` turns it on for a new shop).
    pub fn set_walkaround_rule(&mut self, who: Option<&str>, required: bool) -> Result<()> {
        self.write(|c, now, session| {
            let who = super::setup::setup_actor(c, who, Act::ChangeSettings, session)?;
            store::set_walkaround_required(c, required)?;
            let said = Said::new("event-shop-walkaround")
                .text("rule", if required { "required" } else { "optional" });
            super::setup_event_for(c, who.as_ref(), "shop_set", &said, now)
        })
    }

    /// Whether finished jobs go to the peer check 互检 before QC (foreman).
    pub fn set_peer_check(&mut self, who: Option<&str>, on: bool) -> Result<()> {
        self.write(|c, now, session| {
            let who = super::setup::setup_actor(c, who, Act::ChangeSettings, session)?;
            store::set_peer_check(c, on)?;
            let said =
                Said::new("event-shop-peer-check").text("rule", if on { "on" } else { "off" });
            super::setup_event_for(c, who.as_ref(), "shop_set", &said, now)
        })
    }

    /// The internal hand-over 内部交车: after the final pass the inspector
    /// (or an advisor, the foreman) parks the car and says where.
    pub fn hand_over_inside(&mut self, who: &str, number: i64, spot: &str) -> Result<JobRow> {
        let spot = validate::required_text(Field::Spot, spot, limits::TAG)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            const MAY: [Role; 3] = [Role::Qc, Role::Advisor, Role::Foreman];
            let acts = (Act::HandOverInside, Act::BeHandedOverInside);
            passed_job(c, &who, &MAY, acts, number)?;
            store::set_parking_spot(c, number, &spot)?;
            let said = Said::new("event-handed-over-inside").text("spot", &spot);
            event(c, who.id, number, "handed_over_inside", &said, None, now)?;
            load_job(c, number, None)
        })
    }

    /// The car was washed (after QC pass, before hand-over).
    pub fn wash(&mut self, who: &str, number: i64) -> Result<JobRow> {
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            const MAY: [Role; 3] = [Role::Advisor, Role::Foreman, Role::Technician];
            let job = passed_job(c, &who, &MAY, (Act::RecordWash, Act::BeWashed), number)?;
            if store::handover(c, number)?.washed_at.is_some() {
                return Err(Refusal::invalid(
                    Field::Job,
                    Said::new("problem-washed-already").text("job", job.label()),
                )
                .into());
            }
            store::set_washed(c, number, now)?;
            event(
                c,
                who.id,
                number,
                "washed",
                &Said::new("event-washed"),
                None,
                now,
            )?;
            load_job(c, number, None)
        })
    }

    /// A foreman accepts an amount above what the customer approved, with a
    /// reason (the customer agreed at the counter, a price rose).
    pub fn adjust(
        &mut self,
        who: &str,
        number: i64,
        amount: &str,
        reason: &str,
    ) -> Result<Settlement> {
        let reason = validate::required_text(Field::Reason, reason, limits::REASON)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            if !who.has(Role::Foreman) {
                return Err(Refusal::WrongRoleSetup {
                    who: who.describe(),
                    action: Act::RecordAdjustment,
                    needs: vec![Role::Foreman],
                }
                .into());
            }
            let job = load_job(c, number, None)?;
            if !job.status.is_open() {
                return Err(Refusal::LineNotNow {
                    job: job.label(),
                    status: job.status,
                    what: Act::TakeAdjustment,
                }
                .into());
            }
            let currency = store::shop_settings(c)?.currency;
            let minor = money::parse(Field::Amount, amount, &currency)?;
            if minor == 0 {
                return Err(
                    Refusal::invalid(Field::Amount, Said::new("problem-more-than-0")).into(),
                );
            }
            // Only what is above the approved amount, and no more.
            let s = crate::read::settlement::settlement(c, number)?;
            let over = s.totals.total - s.totals.approved;
            if over <= 0 {
                return Err(Refusal::invalid(
                    Field::Amount,
                    Said::new("problem-within-approved")
                        .text("job", job.label())
                        .money("total", s.totals.total, &currency)
                        .money("approved", s.totals.approved, &currency),
                )
                .into());
            }
            if minor > over {
                return Err(Refusal::invalid(
                    Field::Amount,
                    Said::new("problem-more-than-over").money("over", over, &currency),
                )
                .into());
            }
            store::insert_adjustment(c, number, minor, &reason, who.id, now)?;
            let said = Said::new("event-adjusted").money("amount", minor, &currency);
            event(c, who.id, number, "adjusted", &said, Some(&reason), now)?;
            crate::read::settlement::settlement(c, number)
        })
    }
}
