//! One job with everything recorded about it: parts issues, QC inspections
//! and the event timeline. Shown by `job show` and the TUI's detail screen.

use crate::domain::job_label;
use crate::error::{Error, Result};
use crate::store::{self, EventRow, JobRow, PartsRow, QcRow, Store};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct JobDetail {
    #[serde(flatten)]
    pub job: JobRow,
    pub parts: Vec<PartsRow>,
    pub qc: Vec<QcRow>,
    pub events: Vec<EventRow>,
}

pub fn load_detail(store: &Store, number: i64) -> Result<JobDetail> {
    store.read(|c| {
        let job = store::job(c, number)?.ok_or_else(|| {
            Error::from(crate::domain::Refusal::unknown(
                "job",
                job_label(number),
                "see `bayboard job list`",
            ))
        })?;
        Ok(JobDetail {
            parts: store::parts_for_job(c, number)?,
            qc: store::qc_for_job(c, number)?,
            events: store::events_for_job(c, number)?,
            job,
        })
    })
}
