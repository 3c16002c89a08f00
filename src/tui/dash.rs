//! The dashboard's state: which range it shows, and the figures read for
//! each range, kept so drawing never reads the database (`views/dashboard`
//! draws from here) and refreshed at most once a minute or on `r`.

use crate::read::figures::{Figures, Span, Zone};
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::sync::Arc;

/// Figures older than this are read again while the dashboard is shown.
pub const REFRESH_SECS: i64 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Today,
    Week,
    Days30,
}

impl Period {
    /// The range's name in the reader's language: "today", "本周".
    pub fn label(self) -> &'static str {
        crate::present::words::word(match self {
            Period::Today => "figures-period-today",
            Period::Week => "figures-period-week",
            Period::Days30 => "figures-period-30-days",
        })
    }
}

#[derive(Debug, Clone)]
pub struct Read {
    pub at: DateTime<Utc>,
    pub figures: Arc<Figures>,
}

#[derive(Debug, Clone)]
pub struct Dash {
    pub period: Period,
    /// How many whole ranges back from the current one (0: the current).
    pub back: i64,
    /// The zone days are counted in: the system's on a live board, so the
    /// dashboard and `bayboard report` split days alike.
    pub zone: Zone,
    pub cache: HashMap<Span, Read>,
    pub scroll: u16,
}

impl Dash {
    pub fn new(zone: Zone) -> Dash {
        Dash {
            period: Period::Days30,
            back: 0,
            zone,
            cache: HashMap::new(),
            scroll: 0,
        }
    }

    pub fn span(&self, now: DateTime<Utc>) -> Span {
        let days = chrono::Duration::days;
        match self.period {
            Period::Today => Span::today(now, &self.zone).shift(-self.back),
            Period::Days30 => Span::last_30_days(now, &self.zone).shift(-self.back),
            // This week so far; an earlier week is a whole one, Monday to Sunday.
            Period::Week if self.back == 0 => Span::this_week(now, &self.zone),
            Period::Week => {
                let monday = Span::this_week(now, &self.zone).from - days(7 * self.back);
                Span::new(monday, monday + days(6))
            }
        }
    }

    /// What the dashboard shows now (perhaps a minute old).
    pub fn shown(&self, now: DateTime<Utc>) -> Option<&Read> {
        self.cache.get(&self.span(now))
    }

    /// The range to read, if the one shown is missing or too old.
    pub fn wanted(&self, now: DateTime<Utc>) -> Option<Span> {
        let span = self.span(now);
        match self.cache.get(&span) {
            Some(r) if (now - r.at).num_seconds() < REFRESH_SECS => None,
            _ => Some(span),
        }
    }
}
