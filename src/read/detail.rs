//! One job with everything recorded about it: parts issues, QC inspections
//! and the event timeline. Shown by `job show` and the TUI's detail screen.

use crate::domain::inspection::Level;
use crate::domain::job_label;
use crate::error::{Error, Result};
use crate::store::{self, DeclinedRow, EventRow, JobRow, LineRow, PartsRow, QcRow, Store};
use chrono::{DateTime, Utc};
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
    /// The final inspections (QC), as `job show --json` has always had them.
    pub qc: Vec<QcRow>,
    /// Every inspection level signed: self-check, peer check, QC.
    pub inspections: Vec<QcRow>,
    /// Recall campaigns open for the car.
    pub recalls: Vec<store::RecallState>,
    pub events: Vec<EventRow>,
    /// The job this one came back from, and that job's technician.
    #[serde(skip)]
    pub comeback: Option<(i64, Option<String>)>,
    /// Jobs that came back from this one.
    #[serde(serialize_with = "labels")]
    pub came_back: Vec<i64>,
    /// The follow-up call, once delivered.
    pub followup: Option<store::FollowupRow>,
    /// The reception walk-around, if one was recorded.
    pub walkaround: Option<store::Walkaround>,
    /// The wash, payment, old parts and adjustments.
    pub handover: store::Handover,
}

fn labels<S: serde::Serializer>(v: &[i64], s: S) -> std::result::Result<S::Ok, S::Error> {
    use serde::ser::SerializeSeq;
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for n in v {
        seq.serialize_element(&job_label(*n))?;
    }
    seq.end()
}

pub fn load_detail(store: &Store, number: i64, now: DateTime<Utc>) -> Result<JobDetail> {
    store.read(|c| {
        let job = store::job(c, number)?
            .ok_or_else(|| Error::from(crate::domain::Refusal::unknown_job(number)))?;
        let settings = store::shop_settings(c)?;
        let (comeback, came_back) = store::comeback_links(c, number)?;
        Ok(JobDetail {
            comeback,
            came_back,
            followup: store::followup(c, number, now)?,
            walkaround: store::walkaround(c, number)?,
            handover: store::handover(c, number)?,
            lines: store::lines_for_job(c, number)?,
            declined_before: store::declined_for_plate(c, &job.plate, Some(number))?,
            currency: settings.currency,
            labour_rate: settings.labour_rate,
            parts: store::parts_for_job(c, number)?,
            time: store::time_for_job(c, number)?,
            qc: store::qc_for_job(c, number)?
                .into_iter()
                .filter(|q| q.level == Level::Final)
                .collect(),
            inspections: store::qc_for_job(c, number)?,
            recalls: store::open_recalls(c, job.vehicle.vin.as_deref())?,
            events: store::events_for_job(c, number)?,
            job,
        })
    })
}

/// Checklist items (id, the inspector's note) a re-inspection looks at again.
pub type FailedBefore = Vec<(String, Option<String>)>;

/// The items the job's last inspection of `level` failed, when it failed.
pub fn failed_last_time(store: &Store, job: i64, level: Level) -> Result<FailedBefore> {
    let last = store
        .read(|c| store::qc_for_job(c, job))?
        .into_iter()
        .filter(|q| q.level == level)
        .max_by_key(|q| q.at);
    Ok(last
        .filter(|q| q.result == crate::domain::qc::Verdict::Fail)
        .map(|q| {
            q.items
                .into_iter()
                .filter(|i| i.result == crate::domain::ItemResult::Fail)
                .map(|i| (i.id, i.note))
                .collect()
        })
        .unwrap_or_default())
}
