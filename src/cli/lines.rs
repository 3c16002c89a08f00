//! `line`, `approvals` and `shop`: the work order and the customer's
//! decisions from the command line.

use super::args::{Decision, LineCmd, ShopCmd};
use super::{Ctx, local_tz, print_json};
use crate::domain::numbers::{parse_job_number, parse_line_id};
use crate::domain::{Field, money};
use crate::error::Result;
use crate::store::{self, JobRow, LineRow};
use crate::text::{cell, duration, fit};
use crate::workshop::{Found, LineInput, Workshop};
use chrono::Utc;

fn amount(ws: &Workshop, text: Option<&str>) -> Result<Option<i64>> {
    let Some(t) = text else { return Ok(None) };
    let code = ws.store().read(store::shop_settings)?.currency;
    Ok(Some(money::parse(Field::PartsAmount, t, &code)?))
}

fn print_line(l: &LineRow, currency: &str, rate: i64) {
    println!("{}", crate::present::line_text(l, currency, rate));
}

pub(crate) fn line(ctx: &Ctx, cmd: LineCmd) -> Result<()> {
    match cmd {
        LineCmd::Add {
            job,
            work,
            hours,
            parts_amount,
            added,
            urgency,
            blocking,
            note,
            seen,
        } => {
            let n = parse_job_number(&job)?;
            let mut ws = ctx.open()?;
            let input = LineInput {
                work,
                hours,
                amount: amount(&ws, parts_amount.as_deref())?,
                found: match (added, urgency) {
                    (true, Some(urgency)) => Some(Found { urgency, blocking }),
                    _ => None,
                },
                note,
            };
            let l = ws.add_line(ctx.who()?, n, &input, seen.version)?;
            if ctx.json {
                return print_json(&l);
            }
            println!("{}", l.label());
            Ok(())
        }
        LineCmd::List { job } => {
            let n = parse_job_number(&job)?;
            let ws = ctx.open()?;
            let (lines, shop, _) = ws.store().read(|c| {
                let job = store::job(c, n)?;
                Ok((store::lines_for_job(c, n)?, store::shop_settings(c)?, job))
            })?;
            if ctx.json {
                return print_json(&lines);
            }
            for l in &lines {
                print_line(l, &shop.currency, shop.labour_rate);
            }
            Ok(())
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
            report(ctx, &ws, &l, "priced")
        }
    }
}

fn decide(ctx: &Ctx, d: Decision, approve: bool) -> Result<()> {
    let id = parse_line_id(&d.line)?;
    let mut ws = ctx.open()?;
    let l = ws.decide_line(ctx.who()?, id, approve, &d.by, d.via, d.note.as_deref())?;
    report(ctx, &ws, &l, if approve { "approved" } else { "declined" })
}

fn mark(ctx: &Ctx, line: &str, done: bool) -> Result<()> {
    let id = parse_line_id(line)?;
    let mut ws = ctx.open()?;
    let l = ws.mark_line(ctx.who()?, id, done)?;
    report(ctx, &ws, &l, if done { "done" } else { "reopened" })
}

/// What changed, and where the job stands now.
fn report(ctx: &Ctx, ws: &Workshop, l: &LineRow, what: &str) -> Result<()> {
    if ctx.json {
        return print_json(l);
    }
    let job: Option<JobRow> = ws.store().read(|c| store::job(c, l.job))?;
    match job {
        Some(j) => println!(
            "{} {} {what}; {} is {}",
            l.label(),
            fit(&l.work, 60),
            j.label(),
            crate::present::status_text(j.status)
        ),
        None => println!("{} {what}", l.label()),
    }
    Ok(())
}

pub(crate) fn approvals(ctx: &Ctx) -> Result<()> {
    let ws = ctx.open()?;
    let (list, shop) = ws
        .store()
        .read(|c| Ok((store::approvals(c)?, store::shop_settings(c)?)))?;
    if ctx.json {
        return print_json(&list);
    }
    if list.is_empty() {
        println!("no work waits for a customer's decision");
        return Ok(());
    }
    let now = Utc::now();
    for a in &list {
        let who = match (&a.customer, &a.phone) {
            (Some(c), Some(p)) => format!("{c} {p}"),
            (Some(c), None) => c.clone(),
            _ => "no customer on record".into(),
        };
        println!(
            "{}{}{}{}{}{}{}",
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
                "{}  waiting {}",
                money::with_code(a.price, &shop.currency),
                duration(now - a.line.created_at)
            )
        );
        if let Some(n) = &a.line.note {
            println!("        note: {}", fit(n, 200));
        }
    }
    Ok(())
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
        } => {
            let aftersales =
                followup_days.is_some() || comeback_days.is_some() || day_hours.is_some();
            if labour_rate.is_none() && currency.is_none() && require_pins.is_none() && !aftersales
            {
                return Err(crate::domain::Refusal::invalid(
                    Field::LabourRate,
                    "give --labour-rate, --currency, --require-pins, --followup-days, \
                     --comeback-days or --day-hours",
                )
                .into());
            }
            if aftersales {
                ws.set_aftersales(ctx.who()?, followup_days, comeback_days, day_hours)?;
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
    if ctx.json {
        let mut v =
            serde_json::to_value(&s).map_err(|e| crate::error::Error::Database(e.to_string()))?;
        if let (Some(o), Ok(serde_json::Value::Object(extra))) =
            (v.as_object_mut(), serde_json::to_value(a))
        {
            o.extend(extra);
        }
        return print_json(&v);
    }
    println!("shop         {}", s.name);
    println!("currency     {}", s.currency);
    println!(
        "labour rate  {} per sold hour",
        money::with_code(s.labour_rate, &s.currency)
    );
    println!(
        "PINs needed  {}",
        crate::present::labels::pin_policy(s.require_pins)
    );
    println!("follow-up    {} days after delivery", a.followup_days);
    println!("comebacks    back within {} days", a.comeback_days);
    println!("day hours    {} h per technician", a.day_hours);
    Ok(())
}

/// At check-in: what the customer declined on earlier visits, on stderr
/// (stdout keeps the job number alone).
pub(crate) fn tell_declined(ws: &Workshop, job: &JobRow) -> Result<()> {
    let declined = ws
        .store()
        .read(|c| store::declined_for_plate(c, &job.plate, Some(job.id)))?;
    let tz = local_tz();
    for d in declined {
        eprintln!("{}", crate::present::declined_text(&d, &tz));
    }
    Ok(())
}
