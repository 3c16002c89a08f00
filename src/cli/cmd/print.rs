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

/// Where a print goes.
pub(crate) enum Target<'a> {
    Screen,
    Pdf(&'a std::path::Path),
    /// A CUPS printer, by name.
    Printer(&'a str),
}

pub(crate) fn print(
    ctx: &Ctx,
    doc: Document,
    job: &str,
    copy: Option<i64>,
    to: Target,
) -> Result<()> {
    let n = parse_job_number(job)?;
    // No font, no print: said before anything is recorded.
    let font = match to {
        Target::Screen => None,
        _ => Some(crate::present::pdf::find_font().map_err(pdf_error)?),
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
    let bytes = match &font {
        Some(font) => crate::present::pdf::render(&printed.text, font).map_err(pdf_error)?,
        None => Vec::new(),
    };
    if let Target::Printer(name) = to {
        let title = format!("{} {}", printed.job, doc.as_str());
        send_to_printer(name, &title, &bytes)?;
        let said = message("done-printed", &[("printer", name.to_string().into())]);
        return emit(
            ctx,
            &crate::cli::output::said(printed, move |_| format!("{said}\n")),
        );
    }
    if let Target::Pdf(path) = to {
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

/// The PDF to CUPS's `lp`: the printer's queue takes it, or says why not.
fn send_to_printer(name: &str, title: &str, pdf: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("lp")
        .args(["-d", name, "-t", title, "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|_| Error::Usage(message("ui-no-lp", &[])))?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(pdf)?;
    }
    let out = child.wait_with_output()?;
    if !out.status.success() {
        let why = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(Error::Usage(message(
            "ui-printer-refused",
            &[("printer", name.to_string().into()), ("why", why.into())],
        )));
    }
    Ok(())
}

fn pdf_error(e: crate::present::pdf::PdfError) -> Error {
    match e {
        crate::present::pdf::PdfError::NoFont => Error::Usage(message("ui-pdf-no-font", &[])),
        crate::present::pdf::PdfError::Write(why) => {
            Error::Database(message("ui-pdf-failed", &[("why", why.into())]))
        }
    }
}
