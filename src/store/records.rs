//! Rows as the store returns them.

use crate::domain::{
    BayKind, JobStatus, PartKind, PartStatus, Priority, Role, job_label, parts_label,
};
use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

fn as_job_label<S: Serializer>(n: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&job_label(*n))
}

fn as_parts_label<S: Serializer>(n: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&parts_label(*n))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BayRow {
    #[serde(skip)]
    pub id: i64,
    pub name: String,
    pub kind: BayKind,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffRow {
    #[serde(skip)]
    pub id: i64,
    pub name: String,
    pub roles: Vec<Role>,
    pub skills: Vec<String>,
    pub active: bool,
    /// Whether the person protects their actions with a PIN.
    pub has_pin: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Vehicle {
    pub plate: String,
    pub vin: Option<String>,
    pub make: Option<String>,
    pub model: Option<String>,
    pub year: Option<i64>,
    pub odometer_km: Option<i64>,
}

impl Vehicle {
    /// "VW Lavida 2019" — what the board shows.
    pub fn describe(&self) -> String {
        let year = self.year.map(|y| y.to_string());
        [self.make.as_deref(), self.model.as_deref(), year.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JobRow {
    #[serde(rename = "number", serialize_with = "as_job_label")]
    pub id: i64,
    pub status: JobStatus,
    pub plate: String,
    pub bay: Option<String>,
    pub technician: Option<String>,
    pub priority: Priority,
    pub promised_at: Option<DateTime<Utc>>,
    pub rework_count: i64,
    pub version: i64,
    pub complaint: String,
    pub estimate_hours: Option<f64>,
    pub vehicle: Vehicle,
    pub customer: Option<String>,
    pub phone: Option<String>,
    pub status_since: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
    #[serde(skip)]
    pub bay_id: Option<i64>,
    #[serde(skip)]
    pub technician_id: Option<i64>,
    #[serde(skip)]
    pub parts_return: Option<JobStatus>,
}

impl JobRow {
    pub fn label(&self) -> String {
        job_label(self.id)
    }

    pub fn is_late(&self, now: DateTime<Utc>) -> bool {
        self.status.is_open() && self.promised_at.is_some_and(|p| p < now)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartsRow {
    #[serde(serialize_with = "as_parts_label")]
    pub id: i64,
    #[serde(serialize_with = "as_job_label")]
    pub job: i64,
    pub part: String,
    pub kind: PartKind,
    pub qty: i64,
    pub status: PartStatus,
    pub blocking: bool,
    pub eta: Option<DateTime<Utc>>,
    pub note: Option<String>,
    pub logged_by: String,
    pub plate: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventRow {
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    #[serde(serialize_with = "opt_job_label")]
    pub job: Option<i64>,
    pub kind: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub note: Option<String>,
}

fn opt_job_label<S: Serializer>(n: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) => s.serialize_str(&job_label(*n)),
        None => s.serialize_none(),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QcItemRow {
    pub id: String,
    pub text: String,
    pub required: bool,
    pub result: crate::domain::ItemResult,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QcRow {
    pub id: i64,
    pub inspector: String,
    pub result: crate::domain::qc::Verdict,
    pub road_test_done: bool,
    pub road_test_km: Option<f64>,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
    pub items: Vec<QcItemRow>,
}

/// A technician's current state, for the board's technician panel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TechRow {
    pub name: String,
    pub skills: Vec<String>,
    /// The job they are clocked on, if any.
    #[serde(serialize_with = "opt_job_label")]
    pub clocked_on: Option<i64>,
    /// Jobs assigned to them that still need their work (not yet in QC).
    pub open_jobs: i64,
    /// Hours clocked since the start of the local day.
    pub hours_today: f64,
}
