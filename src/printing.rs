//! A job's paperwork put on paper, for the CLI and the board alike: the
//! rule asked first (a gate pass waits for QC and payment) with the copy
//! number it would be, the document drawn as text, then as an A4 PDF in a
//! CJK font for a file or a CUPS printer (`lp`), and the print recorded as
//! an event once the paper is made (a print CUPS refused is no copy).

use crate::domain::documents::Document;
use crate::error::{Error, Result};
use crate::present::documents::{Paper, text};
use crate::present::words::message;
use crate::workshop::Workshop;
use chrono::Utc;
use serde::Serialize;

/// Where a print goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    Screen,
    Pdf(&'a std::path::Path),
    /// A CUPS printer by name; None: the shop's first, else CUPS's default.
    Printer(Option<&'a str>),
}

/// What was printed: the document, its copy number, the job, its text, and
/// where it went.
#[derive(Debug, Clone, Serialize)]
pub struct Printed {
    pub document: &'static str,
    pub copy: i64,
    pub job: String,
    pub text: String,
    /// The printer it was sent to ("" for CUPS's default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printer: Option<String>,
    /// The PDF's size, when one was made.
    #[serde(skip)]
    pub bytes: usize,
}

/// Prints `doc` of job `n` for `who`, to `to`.
pub fn print(
    ws: &mut Workshop,
    who: &str,
    n: i64,
    doc: Document,
    copy: Option<i64>,
    to: Target,
) -> Result<Printed> {
    // No font, no print: said before anything is recorded.
    let font = match to {
        Target::Screen => None,
        _ => Some(crate::present::pdf::find_font().map_err(pdf_error)?),
    };
    let printer = match to {
        Target::Printer(Some(name)) => {
            let names = crate::domain::documents::printers(&[name.to_string()])?;
            Some(names.into_iter().next().unwrap_or_default())
        }
        Target::Printer(None) => Some(
            ws.store()
                .read(crate::store::shop_printers)?
                .into_iter()
                .next()
                .unwrap_or_default(),
        ),
        _ => None,
    };
    let copy = ws.next_print(who, n, doc, copy)?;
    let now = Utc::now();
    let detail = crate::read::detail::load_detail(ws.store(), n, now)?;
    let settlement = ws.settlement(n)?;
    let tz = crate::present::local_tz();
    let paper = Paper {
        doc,
        copy,
        detail: &detail,
        settlement: &settlement,
        now,
        tz: &tz,
    };
    let mut printed = Printed {
        document: doc.as_str(),
        copy,
        job: detail.job.label(),
        text: text(&paper),
        printer,
        bytes: 0,
    };
    let Some(font) = font else {
        ws.record_print(who, n, doc, Some(copy))?;
        return Ok(printed);
    };
    let pdf = crate::present::pdf::render(&printed.text, &font).map_err(pdf_error)?;
    printed.bytes = pdf.len();
    match to {
        Target::Pdf(path) => std::fs::write(path, &pdf).map_err(|e| {
            Error::Usage(message(
                "ui-cannot-write-file",
                &[
                    ("file", path.display().to_string().into()),
                    ("error", e.to_string().into()),
                ],
            ))
        })?,
        _ => {
            let title = format!("{} {}", printed.job, doc.as_str());
            send_to_printer(printed.printer.as_deref().unwrap_or(""), &title, &pdf)?;
        }
    }
    // Recorded once the paper is made: a refused print is not a copy.
    ws.record_print(who, n, doc, Some(copy))?;
    Ok(printed)
}

/// "sent to the printer 前台" (or CUPS's default).
pub fn sent_to(p: &Printed) -> String {
    let name = p.printer.clone().unwrap_or_default();
    let default = if name.is_empty() { "yes" } else { "no" };
    message(
        "done-printed",
        &[("printer", name.into()), ("default", default.into())],
    )
}

/// The PDF to CUPS's `lp`: the printer's queue takes it, or says why not.
/// An empty name leaves the choice to CUPS (its default destination).
fn send_to_printer(name: &str, title: &str, pdf: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut lp = Command::new("lp");
    if !name.is_empty() {
        lp.args(["-d", name]);
    }
    let mut child = lp
        .args(["-t", title, "-"])
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
