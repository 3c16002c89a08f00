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
    let roles: Vec<&str> = s.roles.iter().map(|r| r.as_str()).collect();
    let lock = s
        .locked_until
        .filter(|u| *u > now)
        .map(|u| {
            format!(
                "  locked until {}",
                u.with_timezone(&local_tz()).format("%H:%M")
            )
        })
        .unwrap_or_default();
    let lock = if s.comebacks > 0 {
        format!("{lock}  comebacks {}", s.comebacks)
    } else {
        lock
    };
    format!(
        "{}{}{}{}{lock}",
        cell(&s.name, 16),
        cell(&roles.join(", "), 24),
        cell(if s.has_pin { "PIN" } else { "" }, 5),
        fit(&s.skills.join(", "), 40)
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
            let roles: Vec<&str> = s.roles.iter().map(|r| r.as_str()).collect();
            put(&format!("{} added ({})\n", s.name, roles.join(", ")))?;
            Ok(())
        }
        StaffCmd::Pin { name, new, clear } => {
            let who = ctx.who()?.to_string();
            ctx.open()?
                .set_pin(&who, &name, if clear { None } else { new.as_deref() })?;
            let done = if clear { "cleared" } else { "set" };
            put(&format!("PIN of {} {done}\n", fit(&name, 60)))?;
            Ok(())
        }
        StaffCmd::Unlock { name } => {
            let who = ctx.who()?.to_string();
            ctx.open()?.unlock_pin(&who, &name)?;
            put(&format!("{} unlocked\n", fit(&name, 60)))?;
            Ok(())
        }
        StaffCmd::List => {
            let list = ctx.open()?.store().read(store::staff_list)?;
            let now = Utc::now();
            emit(ctx, &said(list, |l| each(l, |s| staff_line(s, now))))
        }
    }
}
