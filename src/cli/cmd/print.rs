//! `bayboard print DOC JOB`: a job's paperwork as text, each print
//! recorded as an event first (so a paper nobody recorded is not printed).

use crate::cli::output::{emit, said};
use crate::cli::{Ctx, local_tz};
use crate::domain::documents::Document;
use crate::domain::numbers::parse_job_number;
use crate::error::{Error, Result};
use crate::present::documents::{Paper, text};
use crate::present::words::message;
use chrono::Utc;
use serde::Serialize;

#[derive(Serialize)]
struct Printed {
    document: &'static str,
    copy: i64,
    job: String,
    text: String,
}

pub(crate) fn print(
    ctx: &Ctx,
    doc: Document,
    job: &str,
    copy: Option<i64>,
    pdf: Option<&std::path::Path>,
) -> Result<()> {
    let n = parse_job_number(job)?;
    // No font, no print: said before anything is recorded.
    let font = match pdf {
        Some(_) => Some(crate::present::pdf::find_font().map_err(pdf_error)?),
        None => None,
    };
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
    if let (Some(path), Some(font)) = (pdf, font) {
        let bytes = crate::present::pdf::render(&printed.text, &font).map_err(pdf_error)?;
        std::fs::write(path, &bytes).map_err(|e| {
            Error::Usage(message(
                "ui-cannot-write-file",
                &[
                    ("file", path.display().to_string().into()),
                    ("error", e.to_string().into()),
                ],
            ))
        })?;
        let said = message(
            "done-pdf-written",
            &[
                ("file", path.display().to_string().into()),
                ("bytes", (bytes.len() as i64).into()),
            ],
        );
        return emit(
            ctx,
            &crate::cli::output::said(printed, move |_| format!("{said}\n")),
        );
    }
    emit(ctx, &said(printed, |p| p.text.clone()))
}

fn pdf_error(e: crate::present::pdf::PdfError) -> Error {
    match e {
        crate::present::pdf::PdfError::NoFont => Error::Usage(message("ui-pdf-no-font", &[])),
        crate::present::pdf::PdfError::Write(why) => {
            Error::Database(message("ui-pdf-failed", &[("why", why.into())]))
        }
    }
}
