//! Printing a job's paperwork: each print is an event (which document,
//! which copy, who), and a gate pass only once the car may leave.

use super::{Workshop, actor, load_job, note_event};
use crate::domain::Said;
use crate::domain::documents::{Document, check_print};
use crate::error::Result;
use crate::store;

impl Workshop {
    /// Whether `doc` may be printed for the job now, and the copy it would
    /// be (`copy` when a person names it, a reprint): asked before the paper
    /// is made, so a print that fails is never counted.
    pub fn next_print(
        &self,
        who: &str,
        number: i64,
        doc: Document,
        copy: Option<i64>,
    ) -> Result<i64> {
        self.store().read(|c| {
            super::person(c, who, None)?;
            let job = store::job(c, number)?
                .ok_or_else(|| crate::domain::Refusal::unknown_job(number))?;
            let paid = store::handover(c, number)?.paid.is_some();
            check_print(doc, &job.label(), job.status, paid)?;
            Ok(match copy {
                Some(n) => n.max(1),
                None => store::prints_of(c, number, doc.as_str())? + 1,
            })
        })
    }

    /// Records a print of `doc` for the job and returns its copy number
    /// (1 for the first; `copy` when a person names it, a reprint).
    pub fn record_print(
        &mut self,
        who: &str,
        number: i64,
        doc: Document,
        copy: Option<i64>,
    ) -> Result<i64> {
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let job = load_job(c, number, None)?;
            let paid = store::handover(c, number)?.paid.is_some();
            check_print(doc, &job.label(), job.status, paid)?;
            let copy = match copy {
                Some(n) => n.max(1),
                None => store::prints_of(c, number, doc.as_str())? + 1,
            };
            let said = Said::new("event-printed")
                .label("document", "document", doc.as_str())
                .num("copy", copy);
            note_event(c, &job, &who, "printed", &said, None, now)?;
            Ok(copy)
        })
    }
}
