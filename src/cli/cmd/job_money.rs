//! `bayboard job wash|invoice|adjust|promise`: the hand-over, what it
//! costs and when.

use crate::cli::output::{emit, said};
use crate::cli::{Ctx, local_tz};
use crate::domain::numbers::parse_job_number;
use crate::error::Result;
use crate::present::words::money;

pub(super) fn wash(ctx: &Ctx, job: &str) -> Result<()> {
    let n = parse_job_number(job)?;
    let j = ctx.open()?.wash(ctx.who()?, n)?;
    emit(
        ctx,
        &said(j, |j| {
            format!("{} washed, ready for hand-over\n", j.label())
        }),
    )
}

pub(super) fn hand_over(ctx: &Ctx, job: &str, spot: &str) -> Result<()> {
    let n = parse_job_number(job)?;
    let j = ctx.open()?.hand_over_inside(ctx.who()?, n, spot)?;
    emit(
        ctx,
        &said(j, |j| {
            let id = if j.key_tag.is_some() {
                "ui-handed-over-inside-keys"
            } else {
                "ui-handed-over-inside"
            };
            let mut out = crate::present::words::message(
                id,
                &[
                    ("job", j.label().into()),
                    ("spot", j.parking_spot.clone().unwrap_or_default().into()),
                    ("tag", j.key_tag.clone().unwrap_or_default().into()),
                ],
            );
            out.push('\n');
            out
        }),
    )
}

pub(super) fn promise(ctx: &Ctx, job: &str, at: &str, reason: &str) -> Result<()> {
    let n = parse_job_number(job)?;
    let at = crate::cli::time_arg(crate::domain::Field::Promised, Some(at))?
        .ok_or_else(|| crate::error::Error::Usage("--at".into()))?;
    let j = ctx.open()?.promise(ctx.who()?, n, at, reason)?;
    emit(
        ctx,
        &said(j, |j| {
            let at = j.promised_at.unwrap_or(at);
            format!(
                "{}{}\n",
                j.label(),
                crate::present::promised_text(at, chrono::Utc::now())
            )
        }),
    )
}

pub(super) fn invoice(ctx: &Ctx, job: &str) -> Result<()> {
    let s = ctx.open()?.settlement(parse_job_number(job)?)?;
    emit(
        ctx,
        &said(s, |s| crate::present::invoice::text(s, &local_tz())),
    )
}

pub(super) fn adjust(ctx: &Ctx, job: &str, amount: &str, reason: &str) -> Result<()> {
    let n = parse_job_number(job)?;
    let s = ctx.open()?.adjust(ctx.who()?, n, amount, reason)?;
    emit(
        ctx,
        &said(s, |s| {
            let said = crate::present::words::message(
                "done-adjusted",
                &[
                    ("job", s.job.label().into()),
                    ("total", money(s.totals.total, &s.currency).into()),
                    ("approved", money(s.totals.approved, &s.currency).into()),
                ],
            );
            format!("{said}\n")
        }),
    )
}
