//! `bayboard call log|close|list`: calls to return.

use crate::cli::Ctx;
use crate::cli::args::CallCmd;
use crate::cli::output::{emit, said};
use crate::domain::Refusal;
use crate::domain::calls::{call_label, parse_call};
use crate::domain::numbers::parse_job_number;
use crate::error::Result;
use crate::store;
use chrono::Utc;

fn lines(list: &[store::CallRow]) -> String {
    let now = Utc::now();
    list.iter()
        .map(|c| {
            let mut line = crate::present::call_text(c, now);
            if let Some(note) = &c.close_note {
                line.push_str(&crate::present::words::message(
                    "ui-call-closed-note",
                    &[
                        ("by", c.closed_by.clone().unwrap_or_default().into()),
                        ("note", note.as_str().into()),
                    ],
                ));
            }
            line + "\n"
        })
        .collect()
}

pub(crate) fn call(ctx: &Ctx, cmd: CallCmd) -> Result<()> {
    match cmd {
        CallCmd::Log {
            job,
            plate,
            caller,
            phone,
            about,
            promised,
            by,
        } => {
            let input = crate::workshop::CallInput {
                job: job.map(|j| parse_job_number(&j)).transpose()?,
                plate,
                caller,
                phone,
                about,
                promised,
                due_at: crate::cli::time_arg(crate::domain::Field::CallBack, by.as_deref())?,
            };
            let c = ctx.open()?.log_call(ctx.who()?, &input)?;
            emit(ctx, &said(c, |c| format!("{}\n", call_label(c.id))))
        }
        CallCmd::Close { call, note } => {
            let id = parse_call(&call).map_err(|e| Refusal::unknown("call", &call, Some(e)))?;
            let c = ctx.open()?.close_call(ctx.who()?, id, &note)?;
            emit(ctx, &said(c, |c| lines(std::slice::from_ref(c))))
        }
        CallCmd::List { all } => {
            let ws = ctx.open()?;
            let list = if all {
                ws.store().read(store::all_calls)?
            } else {
                ws.store().read(store::open_calls)?
            };
            emit(ctx, &said(list, |l| lines(l)))
        }
    }
}
