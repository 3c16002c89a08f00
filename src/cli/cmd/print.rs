//! `bayboard print DOC JOB`: a job's paperwork as text, each print
//! recorded as an event first (so a paper nobody recorded is not printed).

use crate::cli::output::{emit, said};
use crate::cli::{Ctx, local_tz};
use crate::domain::documents::Document;
use crate::domain::numbers::parse_job_number;
use crate::error::Result;
use crate::present::documents::{Paper, text};
use chrono::Utc;
use serde::Serialize;

#[derive(Serialize)]
struct Printed {
    document: &'static str,
    copy: i64,
    job: String,
    text: String,
}

pub(crate) fn print(ctx: &Ctx, doc: Document, job: &str, copy: Option<i64>) -> Result<()> {
    let n = parse_job_number(job)?;
    let mut ws = ctx.open()?;
    let copy = ws.record_print(ctx.who()?, n, doc, copy)?;
    let now = Utc::now();
    let detail = crate::read::detail::load_detail(ws.store(), n, now)?;
    let settlement = ws.settlement(n)?;
    let tz = local_tz();
    let paper = Paper {
        doc,
        copy,
        detail: &detail,
        settlement: &settlement,
        now,
        tz: &tz,
    };
    let printed = Printed {
        document: doc.as_str(),
        copy,
        job: detail.job.label(),
        text: text(&paper),
    };
    emit(ctx, &said(printed, |p| p.text.clone()))
}
