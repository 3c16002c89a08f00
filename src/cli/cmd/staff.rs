//! `bayboard staff`: people, their roles and PINs. Only the list has a
//! JSON form; the others say one sentence and refuse `--json` earlier.

use crate::cli::args::StaffCmd;
use crate::cli::output::{each, emit, put, said};
use crate::cli::{Ctx, local_tz};
use crate::error::Result;
use crate::store::{self, StaffRow};
use crate::text::{cell, fit};
use chrono::{DateTime, Utc};

fn staff_line(s: &StaffRow, now: DateTime<Utc>) -> String {
    use crate::present::words::message;
    let roles: Vec<&str> = s.roles.iter().map(|r| r.noun()).collect();
    let lock = s
        .locked_until
        .filter(|u| *u > now)
        .map(|u| {
            let at = u.with_timezone(&local_tz()).format("%H:%M").to_string();
            format!("  {}", message("ui-locked-until", &[("at", at.into())]))
        })
        .unwrap_or_default();
    let lock = if s.comebacks > 0 {
        let n = message("ui-comebacks-n", &[("n", s.comebacks.into())]);
        format!("{lock}  {n}")
    } else {
        lock
    };
    format!(
        "{}{}{}{}{lock}",
        cell(&s.name, 16),
        cell(&roles.join(", "), 24),
        cell(if s.has_pin { "PIN" } else { "" }, 5),
        fit(&crate::present::labels::skills(&s.skills), 40)
    )
}

pub(crate) fn staff(ctx: &Ctx, cmd: StaffCmd) -> Result<()> {
    match cmd {
        StaffCmd::Add {
            name,
            roles,
            skills,
        } => {
            let s = ctx
                .open()?
                .add_staff(ctx.actor.as_deref(), &name, &roles, &skills)?;
            let roles: Vec<&str> = s.roles.iter().map(|r| r.noun()).collect();
            let said = crate::present::words::message(
                "done-staff-added",
                &[
                    ("name", s.name.clone().into()),
                    ("roles", roles.join(", ").into()),
                ],
            );
            put(&format!("{said}\n"))?;
            Ok(())
        }
        StaffCmd::Pin { name, new, clear } => {
            let who = ctx.who()?.to_string();
            ctx.open()?
                .set_pin(&who, &name, if clear { None } else { new.as_deref() })?;
            let said = crate::present::words::message(
                "done-pin",
                &[
                    ("name", fit(&name, 60).into()),
                    ("cleared", if clear { "yes" } else { "no" }.into()),
                ],
            );
            put(&format!("{said}\n"))?;
            Ok(())
        }
        StaffCmd::Unlock { name } => {
            let who = ctx.who()?.to_string();
            ctx.open()?.unlock_pin(&who, &name)?;
            let said =
                crate::present::words::message("done-unlocked", &[("name", fit(&name, 60).into())]);
            put(&format!("{said}\n"))?;
            Ok(())
        }
        StaffCmd::List => {
            let list = ctx.open()?.store().read(store::staff_list)?;
            let now = Utc::now();
            emit(ctx, &said(list, |l| each(l, |s| staff_line(s, now))))
        }
    }
}
