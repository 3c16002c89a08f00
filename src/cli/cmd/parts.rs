//! `bayboard parts`: parts issues on a job, their updates and the list.

use crate::cli::args::PartsCmd;
use crate::cli::output::{emit, said};
use crate::cli::{Ctx, local_tz, show, time_arg};
use crate::domain::numbers::{parse_job_number, parse_parts_id};
use crate::domain::{Field, job_label, parts_label};
use crate::error::Result;
use crate::store;
use crate::text::fit;
use crate::workshop::NewPartsInput;
use chrono::Utc;

pub(crate) fn parts(ctx: &Ctx, cmd: PartsCmd) -> Result<()> {
    match cmd {
        PartsCmd::Log {
            job,
            part,
            kind,
            qty,
            blocking,
            note,
            seen,
        } => {
            let n = parse_job_number(&job)?;
            let input = NewPartsInput {
                part,
                kind,
                qty,
                blocking,
                note,
            };
            let p = ctx.open()?.log_parts(ctx.who()?, n, &input, seen.version)?;
            emit(ctx, &said(p, |p| format!("{}\n", parts_label(p.id))))
        }
        PartsCmd::Update {
            issue,
            status,
            eta,
            note,
        } => {
            let id = parse_parts_id(&issue)?;
            let eta = time_arg(Field::Eta, eta.as_deref())?;
            let p = ctx
                .open()?
                .update_parts(ctx.who()?, id, status, eta, note.as_deref())?;
            let text = |p: &store::PartsRow| {
                let (id, part) = (parts_label(p.id), fit(&p.part, 60));
                format!(
                    "{id} {part} → {} ({})\n",
                    p.status.label(),
                    job_label(p.job)
                )
            };
            emit(ctx, &said(p, text))
        }
        PartsCmd::List { open } => {
            let ws = ctx.open()?;
            let list = ws.store().read(|c| store::parts_list(c, open, 200))?;
            let text = |l: &Vec<_>| show::parts_list(l, Utc::now(), &local_tz());
            emit(ctx, &said(list, text))
        }
    }
}
