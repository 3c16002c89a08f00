//! The warranty claims of a month, each with what it claims: the warranty
//! and 三包 lines of its job at their prices, and their old parts' tags.

use crate::domain::warranty::Payer;
use crate::error::Result;
use crate::read::figures::{Zone, day_start};
use crate::store::{self, ClaimRow, Store};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ClaimLine {
    #[serde(flatten)]
    pub claim: ClaimRow,
    /// What the claim asks the maker for: its lines' prices, minor units.
    pub amount: i64,
    pub currency: String,
    /// The tags on the old parts kept for the maker.
    pub tags: Vec<String>,
}

/// The first day of the month after `first`.
fn next_month(first: NaiveDate) -> NaiveDate {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("the first of a month exists")
}

/// Claims opened in the month starting `first` (the shop's local days).
pub fn month(store: &Store, first: NaiveDate, zone: &Zone) -> Result<Vec<ClaimLine>> {
    let (from, to) = (day_start(first, zone), day_start(next_month(first), zone));
    store.read(|c| {
        store::claims_opened(c, from, to)?
            .into_iter()
            .map(|claim| with_amount(c, claim))
            .collect()
    })
}

/// One claim with its amount and tags.
pub fn with_amount(c: &rusqlite::Connection, claim: ClaimRow) -> Result<ClaimLine> {
    let s = super::settlement::settlement(c, claim.job)?;
    let claimed: Vec<_> = s
        .covered
        .iter()
        .filter(|l| matches!(l.payer, Payer::Warranty | Payer::Sanbao))
        .collect();
    Ok(ClaimLine {
        amount: claimed.iter().map(|l| l.price).sum(),
        tags: claimed.iter().filter_map(|l| l.tag.clone()).collect(),
        currency: s.currency,
        claim,
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn december_rolls_into_the_next_year() {
        let d = |y, m| chrono::NaiveDate::from_ymd_opt(y, m, 1).unwrap();
        assert_eq!(super::next_month(d(2026, 12)), d(2027, 1));
        assert_eq!(super::next_month(d(2026, 2)), d(2026, 3));
    }
}
