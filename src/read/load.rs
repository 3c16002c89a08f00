//! A day's load: hours booked and hours sold on open work, against the
//! hours the technicians have that day.

use crate::error::Result;
use crate::store;
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Load {
    /// Hours of bookings not yet arrived (a booking without hours adds none).
    pub booked: f64,
    /// Sold hours of open jobs' work still to do (counted on today only).
    pub open_sold: f64,
    /// Technicians × their day hours.
    pub available: f64,
    /// (booked + open sold) ÷ available.
    pub ratio: f64,
}

/// The load of the day [from, to); `open_sold` is counted when the day is
/// today's (it is work on the floor now).
pub fn day_load(
    c: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<Load> {
    let booked = store::booked_hours(c, from, to)?;
    let open_sold = if from <= now && now < to {
        store::open_sold_hours(c)?
    } else {
        0.0
    };
    let available = store::technician_count(c)? as f64 * store::aftersales_settings(c)?.day_hours;
    Ok(Load {
        booked,
        open_sold,
        available,
        ratio: crate::domain::appointments::load_ratio(booked + open_sold, available),
    })
}
