//! Rows as the store returns them.

use crate::domain::{
    BayKind, JobStatus, PartKind, PartStatus, Priority, Role, job_label, parts_label,
};
use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

pub(crate) fn as_opt_job_label<S: Serializer>(n: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) => s.serialize_str(&job_label(*n)),
        None => s.serialize_none(),
    }
}

pub(crate) fn as_job_label<S: Serializer>(n: &i64, s: S) -> Result<S::Ok, S::Error> {
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
    /// Locked after wrong PINs until then (a foreman can unlock).
    pub locked_until: Option<chrono::DateTime<chrono::Utc>>,
    /// Jobs that came back from work this person did.
    pub comebacks: i64,
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
    /// Lines on the work order, declined ones left out.
    pub line_count: i64,
    /// Lines waiting for the customer's decision.
    pub proposed_count: i64,
    /// Lines not done yet: proposed, or approved and to do.
    pub todo_count: i64,
    /// Sold hours of approved and done lines.
    pub sold_hours: f64,
    /// Of those, the found work the customer approved: the estimate grows
    /// by them.
    #[serde(skip)]
    pub added_hours: f64,
    /// Hours clocked on the job so far (filled on the board; 0 elsewhere).
    pub clocked_hours: f64,
    /// The customer waits on site for the car.
    pub customer_waiting: bool,
    /// The earlier job this one came back from.
    #[serde(serialize_with = "as_opt_job_label")]
    pub comeback_of: Option<i64>,
    /// The estimate the customer accepted at reception, minor units: the
    /// figure delivery is held against.
    pub estimate_accepted: Option<i64>,
    /// The key tag given at check-in.
    pub key_tag: Option<String>,
    /// Where the finished car is parked, from the internal hand-over.
    pub parking_spot: Option<String>,
    #[serde(skip)]
    pub bay_id: Option<i64>,
    #[serde(skip)]
    pub technician_id: Option<i64>,
    #[serde(skip)]
    pub parts_return: Option<JobStatus>,
    /// Fields the database holds in a form that cannot be read (written
    /// outside bayboard); shown marked, named by `bayboard check`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unreadable: Vec<&'static str>,
    /// Who set the PIN its last QC sign-off was made with, when that was
    /// not the inspector (read for jobs waiting for delivery): marked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signoff_pin_by: Option<String>,
    /// For a car waiting for delivery: washed, and whether the customer
    /// asked for the old parts back at reception.
    #[serde(skip)]
    pub ready: Option<Ready>,
}

/// What the hand-over of a car that passed QC needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Ready {
    pub washed: bool,
    pub asked_old_parts: bool,
}

impl JobRow {
    /// The plate as boards show it: marked when part of the row is unreadable.
    pub fn shown_plate(&self) -> std::borrow::Cow<'_, str> {
        if self.unreadable.is_empty() {
            self.plate.as_str().into()
        } else {
            format!("⚠{}", self.plate).into()
        }
    }

    pub fn label(&self) -> String {
        job_label(self.id)
    }

    /// The hours estimated at check-in and the found work approved since.
    pub fn estimate(&self) -> Option<f64> {
        self.estimate_hours.map(|e| e + self.added_hours)
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
    /// What a person typed; on events from before schema 9, the whole
    /// note as bayboard wrote it then.
    pub note: Option<String>,
    /// What happened, as data (`present::events` says it).
    pub said: Option<crate::domain::Said>,
    /// Who set the PIN that signed it, when not the actor (marked).
    pub pin_by: Option<String>,
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
    /// self, peer or final.
    pub level: crate::domain::inspection::Level,
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
    /// Sold hours of the lines they finished today.
    pub sold_today: f64,
}

impl TechRow {
    /// Sold ÷ clocked today, as a percentage; None before any clocked time.
    pub fn efficiency(&self) -> Option<f64> {
        (self.hours_today >= 0.05).then(|| 100.0 * self.sold_today / self.hours_today)
    }
}

/// One line of a job's work order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LineRow {
    #[serde(serialize_with = "as_line_label")]
    pub id: i64,
    #[serde(serialize_with = "as_job_label")]
    pub job: i64,
    pub kind: crate::domain::LineKind,
    pub work: String,
    pub hours: Option<f64>,
    /// Parts amount in minor units of the shop's currency.
    pub amount: Option<i64>,
    pub status: crate::domain::LineStatus,
    pub urgency: Option<crate::domain::Urgency>,
    pub blocking: bool,
    pub note: Option<String>,
    pub added_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decided_by: Option<String>,
    pub customer_name: Option<String>,
    pub via: Option<crate::domain::Via>,
    pub done_at: Option<DateTime<Utc>>,
    pub done_by: Option<String>,
    /// The labour rate the line is priced at (minor units an hour): the
    /// shop's when the line was made, kept through later rate changes.
    pub labour_rate: i64,
    /// The operation of the published list it was made from.
    pub op: Option<String>,
    /// The part of the published list, and how many.
    pub part: Option<String>,
    pub qty: Option<i64>,
    /// What the list said the line costs when it was made.
    pub list_price: Option<i64>,
    /// An operation's price agreed off the list (the line's price).
    pub agreed_price: Option<i64>,
    /// Why the price is not the list's.
    pub price_reason: Option<String>,
    /// Who pays: only the customer's lines are in the customer's total.
    pub payer: crate::domain::warranty::Payer,
    /// The recall campaign the line does.
    pub campaign: Option<String>,
}

impl LineRow {
    /// What the line costs: an agreed price, else its hours at its rate
    /// and its parts.
    pub fn price(&self) -> i64 {
        self.agreed_price.unwrap_or_else(|| {
            crate::domain::money::price(self.hours, self.labour_rate, self.amount)
        })
    }
}

fn as_line_label<S: Serializer>(n: &i64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::domain::line_label(*n))
}

impl LineRow {
    pub fn label(&self) -> String {
        crate::domain::line_label(self.id)
    }
}

/// A proposed line with what the advisor needs to call the customer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ApprovalRow {
    #[serde(flatten)]
    pub line: LineRow,
    pub plate: String,
    pub customer: Option<String>,
    pub phone: Option<String>,
    pub job_status: JobStatus,
    /// hours × labour rate + parts, minor units.
    pub price: i64,
}

/// A line a customer declined on an earlier visit of the same vehicle.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeclinedRow {
    pub line: LineRow,
    pub plate: String,
}

/// The shop's settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ShopSettings {
    pub name: String,
    pub currency: String,
    /// Minor units per sold hour.
    pub labour_rate: i64,
    pub require_pins: crate::domain::PinPolicy,
}
