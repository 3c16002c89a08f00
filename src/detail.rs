//! One job with everything recorded about it: parts issues, QC inspections
//! and the event timeline. Shown by `job show` and the TUI's detail screen.

use crate::domain::job_label;
use crate::error::{Error, Result};
use crate::store::{self, DeclinedRow, EventRow, JobRow, LineRow, PartsRow, QcRow, Store};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct JobDetail {
    #[serde(flatten)]
    pub job: JobRow,
    pub lines: Vec<LineRow>,
    /// Work the customer declined on earlier visits of this vehicle.
    pub declined_before: Vec<DeclinedRow>,
    /// The shop's currency and labour rate, for the lines' prices.
    pub currency: String,
    pub labour_rate: i64,
    pub parts: Vec<PartsRow>,
    /// Time clocked on the job: (start, end if closed).
    #[serde(skip)]
    pub time: Vec<(
        chrono::DateTime<chrono::Utc>,
        Option<chrono::DateTime<chrono::Utc>>,
    )>,
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
        let settings = store::shop_settings(c)?;
        Ok(JobDetail {
            lines: store::lines_for_job(c, number)?,
            declined_before: store::declined_for_plate(c, &job.plate, Some(number))?,
            currency: settings.currency,
            labour_rate: settings.labour_rate,
            parts: store::parts_for_job(c, number)?,
            time: store::time_for_job(c, number)?,
            qc: store::qc_for_job(c, number)?,
            events: store::events_for_job(c, number)?,
            job,
        })
    })
}
