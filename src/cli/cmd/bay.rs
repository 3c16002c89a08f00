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
        .unwrap_or_else(|| {
            use crate::present::words::ui;
            String::from(if b.active { ui("free") } else { ui("closed") })
        });
    format!(
        "{}{}{}",
        cell(&b.name, 8),
        cell(b.kind.label(), 12),
        fit(&holder, 40)
    )
}

pub(crate) fn bay(ctx: &Ctx, cmd: BayCmd) -> Result<()> {
    match cmd {
        // A sentence only: `bay add` refuses --json before it gets here.
        BayCmd::Add { name, kind } => {
            let b = ctx.open()?.add_bay(ctx.actor.as_deref(), &name, kind)?;
            let said = crate::present::words::message(
                "done-bay-added",
                &[
                    ("bay", b.name.clone().into()),
                    ("kind", b.kind.label().into()),
                ],
            );
            put(&format!("{said}\n"))?;
            Ok(())
        }
        BayCmd::List => {
            let ws = ctx.open()?;
            let board = crate::read::board::load(ws.store(), Utc::now(), day_start())?;
            emit(ctx, &said(board.bays, |bays| each(bays, bay_line)))
        }
    }
}
