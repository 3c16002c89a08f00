//! `bayboard print DOC JOB`: a job's paperwork as text on stdout, as a PDF
//! file, or on a CUPS printer (`crate::printing` does the work).

use crate::cli::Ctx;
use crate::cli::output::{emit, said};
use crate::domain::documents::Document;
use crate::domain::numbers::parse_job_number;
use crate::error::Result;
use crate::present::words::message;
use crate::printing::{self, Target};

pub(crate) fn print(
    ctx: &Ctx,
    doc: Document,
    job: &str,
    copy: Option<i64>,
    to: Target,
) -> Result<()> {
    let n = parse_job_number(job)?;
    let mut ws = ctx.open()?;
    let printed = printing::print(&mut ws, ctx.who()?, n, doc, copy, to)?;
    let done = match to {
        Target::Screen => None,
        Target::Pdf(path) => Some(message(
            "done-pdf-written",
            &[
                ("file", path.display().to_string().into()),
                ("bytes", (printed.bytes as i64).into()),
            ],
        )),
        Target::Printer(_) => Some(crate::printing::sent_to(&printed)),
    };
    match done {
        Some(line) => emit(ctx, &said(printed, move |_| format!("{line}\n"))),
        None => emit(ctx, &said(printed, |p| p.text.clone())),
    }
}
