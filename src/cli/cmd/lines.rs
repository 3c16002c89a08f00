//! `line`, `approvals` and `shop`: the work order and the customer's
//! decisions from the command line.

use crate::cli::args::{Decision, LineCmd, ShopCmd};
use crate::cli::output::{Output, each, emit, said};
use crate::cli::{Ctx, local_tz};
use crate::domain::numbers::{parse_job_number, parse_line_id};
use crate::domain::{Field, money};
use crate::error::Result;
use crate::store::{self, AftersalesSettings, ApprovalRow, JobRow, LineRow, ShopSettings};
use crate::text::{cell, duration, fit};
use crate::workshop::{Found, LineInput, Listed, Workshop};
use chrono::Utc;
use serde::Serialize;

fn amount(ws: &Workshop, text: Option<&str>) -> Result<Option<i64>> {
    let Some(t) = text else { return Ok(None) };
    let code = ws.store().read(store::shop_settings)?.currency;
    Ok(Some(money::parse(Field::PartsAmount, t, &code)?))
}

pub(crate) fn line(ctx: &Ctx, cmd: LineCmd) -> Result<()> {
    match cmd {
        LineCmd::Add {
            job,
            work,
            op,
            part,
            qty,
            price,
            reason,
            hours,
            parts_amount,
            added,
            urgency,
            blocking,
            payer,
            campaign,
            note,
            seen,
        } => {
            let n = parse_job_number(&job)?;
            let mut ws = ctx.open()?;
            let listed = match (op, part) {
                (Some(code), _) => Some(Listed::Op(code)),
                (None, Some(number)) => Some(Listed::Part {
                    number,
                    qty: qty.unwrap_or(1),
                }),
                _ => None,
            };
            let price = match price {
                Some(p) => {
                    let code = ws.store().read(store::shop_settings)?.currency;
                    Some(money::parse(Field::Price, &p, &code)?)
                }
                None => None,
            };
            let input = LineInput {
                work: work.unwrap_or_default(),
                hours,
                amount: amount(&ws, parts_amount.as_deref())?,
                found: match (added, urgency) {
                    (true, Some(urgency)) => Some(Found { urgency, blocking }),
                    _ => None,
                },
                note,
                listed,
                price,
                reason,
                payer,
                campaign,
            };
            let l = ws.add_line(ctx.who()?, n, &input, seen.version)?;
            emit(ctx, &said(l, |l| format!("{}\n", l.label())))
        }
        LineCmd::List { job } => {
            let n = parse_job_number(&job)?;
            let ws = ctx.open()?;
            let (lines, shop, _) = ws.store().read(|c| {
                let job = store::job(c, n)?;
                Ok((store::lines_for_job(c, n)?, store::shop_settings(c)?, job))
            })?;
            let text = |lines: &Vec<LineRow>| {
                each(lines, |l| crate::present::line_text(l, &shop.currency))
            };
            emit(ctx, &said(lines, text))
        }
        LineCmd::Approve(d) => decide(ctx, d, true),
        LineCmd::Decline(d) => decide(ctx, d, false),
        LineCmd::Done { line } => mark(ctx, &line, true),
        LineCmd::Reopen { line } => mark(ctx, &line, false),
        LineCmd::Price {
            line,
            hours,
            parts_amount,
            reason,
        } => {
            let id = parse_line_id(&line)?;
            let mut ws = ctx.open()?;
            let amount = amount(&ws, parts_amount.as_deref())?;
            let l = ws.price_line(ctx.who()?, id, hours, amount, reason.as_deref())?;
            report(ctx, &ws, l, "priced")
        }
    }
}

fn decide(ctx: &Ctx, d: Decision, approve: bool) -> Result<()> {
    let id = parse_line_id(&d.line)?;
    let mut ws = ctx.open()?;
    let l = ws.decide_line(ctx.who()?, id, approve, &d.by, d.via, d.note.as_deref())?;
    report(ctx, &ws, l, if approve { "approved" } else { "declined" })
}

fn mark(ctx: &Ctx, line: &str, done: bool) -> Result<()> {
    let id = parse_line_id(line)?;
    let mut ws = ctx.open()?;
    let l = ws.mark_line(ctx.who()?, id, done)?;
    report(ctx, &ws, l, if done { "done" } else { "reopened" })
}

/// What changed on a line, and where its job stands now.
struct Changed<'a> {
    line: LineRow,
    job: Option<JobRow>,
    what: &'a str,
}

impl Output for Changed<'_> {
    fn text(&self) -> String {
        let (l, what) = (&self.line, self.what);
        match &self.job {
            Some(j) => format!(
                "{} {} {what}; {} is {}\n",
                l.label(),
                fit(&l.work, 60),
                j.label(),
                crate::present::status_text(j.status)
            ),
            None => format!("{} {what}\n", l.label()),
        }
    }

    fn json(&self) -> impl Serialize {
        &self.line
    }
}

fn report(ctx: &Ctx, ws: &Workshop, line: LineRow, what: &str) -> Result<()> {
    let job = ws.store().read(|c| store::job(c, line.job))?;
    emit(ctx, &Changed { line, job, what })
}

pub(crate) fn approvals(ctx: &Ctx) -> Result<()> {
    let ws = ctx.open()?;
    let (list, shop) = ws
        .store()
        .read(|c| Ok((store::approvals(c)?, store::shop_settings(c)?)))?;
    let currency = shop.currency;
    emit(ctx, &said(list, |l| approvals_text(l, &currency)))
}

fn approvals_text(list: &[ApprovalRow], currency: &str) -> String {
    if list.is_empty() {
        return "no work waits for a customer's decision\n".into();
    }
    let now = Utc::now();
    let mut out = String::new();
    for a in list {
        let who = match (&a.customer, &a.phone) {
            (Some(c), Some(p)) => format!("{c} {p}"),
            (Some(c), None) => c.clone(),
            _ => crate::present::words::ui("no customer on record").into(),
        };
        out += &format!(
            "{}{}{}{}{}{}{}\n",
            cell(&a.line.label(), 8),
            cell(&crate::domain::job_label(a.line.job), 10),
            cell(&a.plate, 11),
            cell(&fit(&who, 28), 29),
            cell(&fit(&a.line.work, 32), 33),
            cell(
                &format!(
                    "{}{}",
                    a.line.urgency.map(|u| u.label()).unwrap_or(""),
                    if a.line.blocking { " ⛔" } else { "" }
                ),
                12
            ),
            format_args!(
                "{}  {}",
                crate::present::words::money(a.price, currency),
                crate::present::words::message(
                    "ui-waiting-for",
                    &[("for", duration(now - a.line.created_at).into())]
                )
            )
        );
        if let Some(n) = &a.line.note {
            let note =
                crate::present::words::message("detail-note", &[("note", fit(n, 200).into())]);
            out += &format!("        {note}\n");
        }
    }
    out
}

pub(crate) fn shop(ctx: &Ctx, cmd: ShopCmd) -> Result<()> {
    let mut ws = ctx.open()?;
    let s = match cmd {
        ShopCmd::Show => ws.store().read(store::shop_settings)?,
        ShopCmd::Set {
            labour_rate,
            currency,
            require_pins,
            followup_days,
            comeback_days,
            day_hours,
            language,
            printers,
            walkaround,
            second_followup_days,
            peer_check,
            timezone,
        } => {
            let aftersales =
                followup_days.is_some() || comeback_days.is_some() || day_hours.is_some();
            if labour_rate.is_none()
                && currency.is_none()
                && require_pins.is_none()
                && !aftersales
                && language.is_none()
                && printers.is_empty()
                && walkaround.is_none()
                && second_followup_days.is_none()
                && peer_check.is_none()
                && timezone.is_none()
            {
                return Err(crate::domain::Refusal::invalid(
                    Field::LabourRate,
                    crate::domain::Said::new("problem-shop-set-what"),
                )
                .into());
            }
            if aftersales {
                ws.set_aftersales(ctx.who()?, followup_days, comeback_days, day_hours)?;
            }
            if let Some(lang) = language {
                ws.set_language(ctx.who()?, lang)?;
            }
            if !printers.is_empty() {
                ws.set_printers(ctx.who()?, &printers)?;
            }
            if let Some(days) = second_followup_days {
                ws.set_second_followup(ctx.actor.as_deref(), days)?;
            }
            if let Some(required) = walkaround {
                ws.set_walkaround_rule(ctx.actor.as_deref(), required)?;
            }
            if let Some(on) = peer_check {
                ws.set_peer_check(ctx.actor.as_deref(), on)?;
            }
            if let Some(zone) = &timezone {
                ws.set_timezone(Some(ctx.who()?), zone)?;
            }
            if let Some(policy) = require_pins {
                ws.set_pin_policy(ctx.who()?, policy)?;
            }
            if labour_rate.is_some() || currency.is_some() {
                ws.set_money(
                    Some(ctx.who()?),
                    currency.as_deref(),
                    labour_rate.as_deref(),
                )?;
            }
            ws.store().read(store::shop_settings)?
        }
    };
    let a = ws.store().read(store::aftersales_settings)?;
    let language = ws.store().read(store::shop_language)?.unwrap_or_default();
    let printers = ws.store().read(store::shop_printers)?;
    let walkaround_required = ws.store().read(store::walkaround_required)?;
    let second_followup_days = ws.store().read(store::second_followup_days)?;
    let peer_check = ws.store().read(store::peer_check)?;
    let timezone = ws.store().read(store::shop_timezone)?.unwrap_or_default();
    emit(
        ctx,
        &Settings {
            shop: s,
            aftersales: a,
            language,
            printers,
            walkaround_required,
            second_followup_days,
            peer_check,
            timezone,
        },
    )
}

/// The shop's settings, money and after-sales in one.
struct Settings {
    shop: ShopSettings,
    aftersales: AftersalesSettings,
    /// `zh-CN`, `en`, or empty: each terminal its own.
    language: String,
    /// The default first; none: CUPS's default.
    printers: Vec<String>,
    /// Every check-in takes the walk-around or the customer's no.
    walkaround_required: bool,
    /// Days after the first follow-up call the second falls due (0: none).
    second_followup_days: i64,
    /// Finished jobs go to the peer check before QC.
    peer_check: bool,
    /// The shop's IANA zone; empty: each terminal its own.
    timezone: String,
}

impl Output for Settings {
    fn text(&self) -> String {
        let (s, a) = (&self.shop, &self.aftersales);
        crate::present::words::message(
            "ui-shop-settings",
            &[
                ("shop", s.name.clone().into()),
                ("currency", s.currency.clone().into()),
                (
                    "rate",
                    crate::present::words::money(s.labour_rate, &s.currency).into(),
                ),
                (
                    "pins",
                    crate::present::labels::pin_policy(s.require_pins).into(),
                ),
                ("followup", a.followup_days.into()),
                ("second", self.second_followup_days.into()),
                ("comeback", a.comeback_days.into()),
                ("hours", a.day_hours.into()),
                (
                    "walkaround",
                    if self.walkaround_required {
                        "required"
                    } else {
                        "optional"
                    }
                    .into(),
                ),
                ("peer", if self.peer_check { "on" } else { "off" }.into()),
                ("language", self.language.clone().into()),
                (
                    "timezone",
                    if self.timezone.is_empty() {
                        "none".to_string()
                    } else {
                        self.timezone.clone()
                    }
                    .into(),
                ),
                (
                    "zoneknown",
                    if crate::workshop::zone_on_this_machine(&self.timezone) {
                        "yes"
                    } else {
                        "no"
                    }
                    .into(),
                ),
                ("printers", self.printers.join(", ").into()),
                ("nprinters", (self.printers.len() as i64).into()),
            ],
        )
    }

    /// One flat object, as scripts read it since the after-sales settings
    /// joined the shop's.
    fn json(&self) -> impl Serialize {
        // Strings and numbers only: neither conversion can fail.
        let mut v = serde_json::to_value(&self.shop).unwrap_or_default();
        if let (Some(o), Ok(serde_json::Value::Object(extra))) =
            (v.as_object_mut(), serde_json::to_value(self.aftersales))
        {
            o.extend(extra);
        }
        if let Some(o) = v.as_object_mut() {
            o.insert("printers".into(), serde_json::json!(self.printers));
            o.insert(
                "second_followup_days".into(),
                serde_json::json!(self.second_followup_days),
            );
            o.insert("peer_check".into(), serde_json::json!(self.peer_check));
            o.insert("timezone".into(), serde_json::json!(self.timezone));
            o.insert(
                "walkaround_required".into(),
                serde_json::json!(self.walkaround_required),
            );
        }
        v
    }
}

/// At check-in: what the customer declined on earlier visits, on stderr
/// (stdout keeps the job number alone).
pub(crate) fn tell_declined(ws: &Workshop, job: &JobRow) -> Result<()> {
    let declined = ws
        .store()
        .read(|c| store::declined_for_plate(c, &job.plate, Some(job.id)))?;
    let tz = local_tz();
    for d in declined {
        crate::cli::output::note(&crate::present::declined_text(&d, &tz));
    }
    let vin = job.vehicle.vin.as_deref();
    for r in ws.store().read(|c| store::open_recalls(c, vin))? {
        crate::cli::output::note(&crate::present::recall_text(&r));
    }
    Ok(())
}
