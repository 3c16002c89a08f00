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

/// Cuts [a, b) at the local hours it crosses, giving each piece's local
/// start and length in milliseconds. Zones move in whole minutes, so a
/// local hour ends when its minutes and seconds run out.
pub fn each_local_hour(
    a: chrono::DateTime<chrono::Utc>,
    b: chrono::DateTime<chrono::Utc>,
    local: &mut Offsets,
    mut piece: impl FnMut(NaiveDateTime, i64),
) {
    use chrono::Timelike;
    let mut t = a;
    while t < b {
        let l = local.local(t);
        let into_hour = i64::from(l.minute() * 60 + l.second()) * 1000
            + i64::from(l.and_utc().timestamp_subsec_millis());
        let next = (t + chrono::Duration::milliseconds(3_600_000 - into_hour)).min(b);
        piece(l, (next - t).num_milliseconds());
        t = next;
    }
}

/// The zone a process counts the clock's local days in, and the name it
/// answers to: the shop's zone, which every bayboard process adopts as its
/// `TZ` at start. Sums kept in one zone are only ever added to by a
/// process counting in that same zone.
#[derive(Debug, Clone, PartialEq)]
pub struct DayZone {
    pub name: Option<String>,
    pub zone: Zone,
}

impl DayZone {
    /// This process's: the zone `TZ` names, else the system's setting.
    pub fn from_env() -> DayZone {
        let tz = std::env::var("TZ").ok();
        let name = match tz.as_deref().map(|z| z.trim_start_matches(':')) {
            Some("") | None => iana_time_zone::get_timezone().ok(),
            Some(z) => Some(z.to_string()),
        };
        DayZone {
            name,
            zone: Zone::System,
        }
    }

    /// Whether this process counts in the zone `name` names.
    pub fn is(&self, name: &str) -> bool {
        self.name.as_deref() == Some(name)
    }
}
