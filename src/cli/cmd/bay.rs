//! `bayboard bay`: add a bay, list the bays and what stands in them.

use crate::cli::args::BayCmd;
use crate::cli::output::{each, emit, put, said};
use crate::cli::{Ctx, day_start};
use crate::error::Result;
use crate::read::board::BayLine;
use crate::text::{cell, fit};
use chrono::Utc;

fn bay_line(b: &BayLine) -> String {
    let holder = b
        .job
        .as_ref()
        .map(|j| format!("{} {}", j.label(), j.plate))
        .unwrap_or_else(|| String::from(if b.active { "free" } else { "closed" }));
    format!(
        "{}{}{}",
        cell(&b.name, 8),
        cell(b.kind.as_str(), 12),
        fit(&holder, 40)
    )
}

pub(crate) fn bay(ctx: &Ctx, cmd: BayCmd) -> Result<()> {
    match cmd {
        // A sentence only: `bay add` refuses --json before it gets here.
        BayCmd::Add { name, kind } => {
            let b = ctx.open()?.add_bay(ctx.actor.as_deref(), &name, kind)?;
            put(&format!("bay {} added ({})\n", b.name, b.kind))?;
            Ok(())
        }
        BayCmd::List => {
            let ws = ctx.open()?;
            let board = crate::read::board::load(ws.store(), Utc::now(), day_start())?;
            emit(ctx, &said(board.bays, |bays| each(bays, bay_line)))
        }
    }
}
