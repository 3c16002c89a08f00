use crate::domain::documents::Document;
use crate::error::Error;
use crate::present::words::message;
use crate::printing::{self, Target};
use crate::workshop::Workshop;

pub(super) fn run(
    ws: &mut Workshop,
    who: &str,
    job: i64,
    doc: Document,
    printer: Option<String>,
) -> Result<String, Error> {
    let to = Target::Printer(printer.as_deref());
    let p = printing::print(ws, who, job, doc, None, to)?;
    Ok(message(
        "ui-printed-doc",
        &[
            ("job", p.job.clone().into()),
            (
                "document",
                crate::present::labels::code_label("document", doc.as_str()).into(),
            ),
            ("copy", p.copy.into()),
            ("sent", printing::sent_to(&p).into()),
        ],
    ))
}
