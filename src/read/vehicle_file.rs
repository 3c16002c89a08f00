//! The vehicle file: a car across its visits — lines done and declined,
//! odometer readings (a reading below an earlier one flagged), complaints,
//! comebacks, recall campaigns, the next service set at its last delivery.

use crate::domain::{LineStatus, Refusal};
use crate::error::Result;
use crate::store::{self, RecallState, Store, VisitRow};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct Visit {
    #[serde(flatten)]
    pub row: VisitRow,
    /// The work done on the visit.
    pub done: Vec<String>,
    /// Work the customer declined.
    pub declined: Vec<String>,
    /// The odometer read lower than on an earlier visit.
    pub rollback: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Car {
    pub plate: String,
    pub vin: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Complaint {
    #[serde(serialize_with = "complaint_label")]
    pub id: i64,
    #[serde(serialize_with = "job_label")]
    pub job: i64,
    pub text: String,
    pub status: String,
}

fn complaint_label<S: serde::Serializer>(n: &i64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&crate::domain::aftersales::complaint_label(*n))
}

fn job_label<S: serde::Serializer>(n: &i64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&crate::domain::job_label(*n))
}

#[derive(Debug, Clone, Serialize)]
pub struct NextService {
    pub on: NaiveDate,
    pub km: Option<i64>,
    #[serde(serialize_with = "job_label")]
    pub set_on: i64,
    pub wear_note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct VehicleFile {
    pub vehicle: Car,
    pub visits: Vec<Visit>,
    /// Every line declined on any visit.
    pub declined: Vec<String>,
    pub complaints: Vec<Complaint>,
    pub recalls: Vec<RecallState>,
    pub next_service: Option<NextService>,
}

/// The file of the car a plate (however typed) or a VIN names.
pub fn load(store: &Store, typed: &str) -> Result<VehicleFile> {
    store.read(|c| {
        let (plate, key, vin) =
            store::car_named(c, typed)?.ok_or_else(|| Refusal::unknown("vehicle", typed, None))?;
        let rows = store::visits(c, &key, vin.as_deref())?;
        let mut visits = Vec::new();
        let mut highest: Option<i64> = None;
        for row in rows {
            let lines = store::lines_for_job(c, row.job)?;
            let of = |s: LineStatus| -> Vec<String> {
                lines
                    .iter()
                    .filter(|l| l.status == s)
                    .map(|l| l.work.clone())
                    .collect()
            };
            let rollback = crate::domain::service::rolled_back(highest, row.odometer_km);
            highest = highest.max(row.odometer_km);
            visits.push(Visit {
                done: of(LineStatus::Done),
                declined: of(LineStatus::Declined),
                rollback,
                row,
            });
        }
        let jobs: Vec<i64> = visits.iter().map(|v| v.row.job).collect();
        let complaints = store::complaints_of_jobs(c, &jobs)?
            .into_iter()
            .map(|(id, job, text, status)| Complaint {
                id,
                job,
                text,
                status,
            })
            .collect();
        let next_service = visits
            .iter()
            .rev()
            .find(|v| v.row.next_service_on.is_some())
            .map(|v| NextService {
                on: v.row.next_service_on.unwrap_or_default(),
                km: v.row.next_service_km,
                set_on: v.row.job,
                wear_note: v.row.wear_note.clone(),
            });
        Ok(VehicleFile {
            declined: visits.iter().flat_map(|v| v.declined.clone()).collect(),
            recalls: match &vin {
                Some(v) => store::recalls_for_vin(c, v)?,
                None => Vec::new(),
            },
            vehicle: Car { plate, vin },
            visits,
            complaints,
            next_service,
        })
    })
}
