//! The settlement of a job, read in one place for the invoice, the
//! delivery rule and JSON: every approved line at its price, the total
//! against what the customer approved.

use crate::domain::handover::{self, Totals};
use crate::domain::warranty::Payer;
use crate::error::Result;
use crate::store::{self, Handover, JobRow};
use serde::Serialize;

/// The settlement of a job: every approved line at its price, the total
/// against what the customer approved.
#[derive(Debug, Clone, Serialize)]
pub struct Settlement {
    pub shop: String,
    pub currency: String,
    pub labour_rate: i64,
    pub job: JobRow,
    /// The customer's lines: (line id, work, hours, parts, price).
    pub lines: Vec<SettledLine>,
    /// Lines someone else pays (warranty, 三包, goodwill, internal): not in
    /// the customer's total; warranty lines settle against the claim.
    pub covered: Vec<SettledLine>,
    pub totals: Totals,
    pub handover: Handover,
}

#[derive(Debug, Clone, Serialize)]
pub struct SettledLine {
    #[serde(serialize_with = "line_label")]
    pub id: i64,
    pub work: String,
    pub hours: f64,
    /// The labour rate this line keeps.
    pub rate: i64,
    pub labour: i64,
    pub parts: i64,
    pub price: i64,
    /// The published price, when another was agreed.
    pub list_price: Option<i64>,
    /// Why the price is not the list's.
    pub price_reason: Option<String>,
    pub payer: crate::domain::warranty::Payer,
    /// A warranty line's old-part tag (J-000012-W1).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tag: Option<String>,
}

fn line_label<S: serde::Serializer>(n: &i64, s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&crate::domain::line_label(*n))
}

pub fn settlement(c: &rusqlite::Connection, number: i64) -> Result<Settlement> {
    let job = store::job(c, number)?.ok_or_else(|| crate::domain::Refusal::unknown_job(number))?;
    let shop = store::shop_settings(c)?;
    let priced = store::priced_lines(c, number)?;
    let handover = store::handover(c, number)?;
    let adjustments: i64 = handover.adjustments.iter().map(|a| a.amount).sum();
    let customer = |payer: &Payer| *payer == Payer::Customer;
    let totals = handover::totals(
        &priced
            .iter()
            .filter(|(.., payer)| customer(payer))
            .map(|(_, _, p, _, _)| p.clone())
            .collect::<Vec<_>>(),
        adjustments,
        job.estimate_accepted,
    );
    let mut warranty = 0;
    let all: Vec<SettledLine> = priced
        .into_iter()
        .map(|(id, work, p, off, payer)| {
            // A price agreed off the list is the line's labour.
            let labour = p
                .fixed
                .map_or_else(|| handover::labour(p.hours, p.rate), |f| f - p.parts);
            SettledLine {
                id,
                work,
                hours: p.hours,
                rate: p.rate,
                labour,
                parts: p.parts,
                price: labour + p.parts,
                list_price: off.as_ref().map(|(l, _)| *l),
                price_reason: off.map(|(_, why)| why),
                payer,
                tag: matches!(payer, Payer::Warranty | Payer::Sanbao).then(|| {
                    warranty += 1;
                    crate::domain::warranty::part_tag(number, warranty)
                }),
            }
        })
        .collect();
    let (lines, covered) = all.into_iter().partition(|l| customer(&l.payer));
    Ok(Settlement {
        shop: shop.name,
        currency: shop.currency,
        labour_rate: shop.labour_rate,
        job,
        lines,
        covered,
        totals,
        handover,
    })
}
