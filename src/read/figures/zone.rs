//! The shop's zone for counting local days and hours: the system's (the CLI
//! and a live board, with its DST rules) or a fixed offset (tests, frozen
//! demos). Both the report and the dashboard count with one of these, so a
//! range crossing a DST change splits into the same days in each.

use chrono::{FixedOffset, Local, LocalResult, NaiveDate, NaiveDateTime, TimeZone};

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Zone {
    System,
    Fixed(FixedOffset),
}

impl TimeZone for Zone {
    type Offset = FixedOffset;

    fn from_offset(offset: &FixedOffset) -> Self {
        Zone::Fixed(*offset)
    }

    fn offset_from_local_date(&self, d: &NaiveDate) -> LocalResult<FixedOffset> {
        match self {
            Zone::System => Local.offset_from_local_date(d),
            Zone::Fixed(o) => LocalResult::Single(*o),
        }
    }

    fn offset_from_local_datetime(&self, t: &NaiveDateTime) -> LocalResult<FixedOffset> {
        match self {
            Zone::System => Local.offset_from_local_datetime(t),
            Zone::Fixed(o) => LocalResult::Single(*o),
        }
    }

    fn offset_from_utc_date(&self, d: &NaiveDate) -> FixedOffset {
        match self {
            Zone::System => Local.offset_from_utc_date(d),
            Zone::Fixed(o) => *o,
        }
    }

    fn offset_from_utc_datetime(&self, t: &NaiveDateTime) -> FixedOffset {
        match self {
            Zone::System => Local.offset_from_utc_datetime(t),
            Zone::Fixed(o) => *o,
        }
    }
}

/// When local day `d` begins: an ambiguous midnight (clocks going back)
/// takes the earlier one; a missing one (clocks jumping over it) the first
/// minute that exists.
pub fn day_start(d: NaiveDate, zone: &Zone) -> chrono::DateTime<chrono::Utc> {
    let mut t = d.and_hms_opt(0, 0, 0).expect("midnight exists");
    for _ in 0..24 * 4 {
        if let Some(at) = zone.from_local_datetime(&t).earliest() {
            return at.with_timezone(&chrono::Utc);
        }
        t += chrono::Duration::minutes(15);
    }
    t.and_utc()
}

/// Local times of many instants, asking the zone once per UTC hour: the
/// system zone may look at the file system on every question, and a year
/// of figures asks hundreds of thousands. (Zones change offset on the
/// hour; one that changes at the half hour is off for that half hour.)
pub struct Offsets<'a> {
    zone: &'a Zone,
    cache: std::collections::HashMap<i64, FixedOffset>,
}

impl<'a> Offsets<'a> {
    pub fn new(zone: &'a Zone) -> Offsets<'a> {
        Offsets {
            zone,
            cache: std::collections::HashMap::new(),
        }
    }

    pub fn local(&mut self, t: chrono::DateTime<chrono::Utc>) -> NaiveDateTime {
        let zone = self.zone;
        let off = *self
            .cache
            .entry(t.timestamp().div_euclid(3600))
            .or_insert_with(|| zone.offset_from_utc_datetime(&t.naive_utc()));
        t.naive_utc() + off
    }
}
