//! The settlement as plain text, for the counter's printer: the shop, the
//! vehicle, every line at its price, the totals, in the shop's currency.
//! Columns are measured in terminal cells, so Chinese text lines up.

use super::words::{message, ui};
use crate::domain::money;
use crate::read::settlement::Settlement;
use crate::text::{cell, fit, width};
use chrono::FixedOffset;
use std::fmt::Write;

const WIDTH: usize = 78;

fn right(text: &str, w: usize) -> String {
    format!("{}{text}", " ".repeat(w.saturating_sub(width(text))))
}

pub fn text(s: &Settlement, tz: &FixedOffset) -> String {
    let j = &s.job;
    let mut o = String::new();
    let _ = writeln!(o, "{}", fit(&s.shop, WIDTH));
    let _ = writeln!(o, "{}", message("inv-title", &[("job", j.label().into())]));
    let _ = writeln!(o, "{}", "=".repeat(WIDTH));
    let _ = writeln!(
        o,
        "{}{}  {}",
        cell(ui("Vehicle"), 10),
        fit(&j.plate, 16),
        fit(&j.vehicle.describe(), 50)
    );
    if let Some(c) = &j.customer {
        let _ = writeln!(
            o,
            "{}{}  {}",
            cell(ui("Customer"), 10),
            fit(c, 40),
            fit(j.phone.as_deref().unwrap_or(""), 30)
        );
    }
    let _ = writeln!(o, "{}", "-".repeat(WIDTH));
    o.push_str(&body(s, tz));
    o
}

/// The lines at their prices, the totals, the hand-over: the settlement
/// below its heading (the printed settlement has its own).
pub fn body(s: &Settlement, tz: &FixedOffset) -> String {
    let m = |v: i64| money::format(v, &s.currency);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}{}{}{}{}",
        cell(&message("inv-col-line", &[]), 7),
        cell(&message("inv-col-work", &[]), 35),
        right(&message("inv-col-hours", &[]), 6),
        right(&message("inv-col-labour", &[]), 10),
        right(&message("inv-col-parts", &[]), 10) + &right(&message("inv-col-price", &[]), 10)
    );
    for l in &s.lines {
        let _ = writeln!(
            o,
            "{}{}{}{}{}",
            cell(&crate::domain::line_label(l.id), 7),
            cell(&l.work, 35),
            right(&format!("{:.1}", l.hours), 6),
            right(&m(l.labour), 10),
            right(&m(l.parts), 10) + &right(&m(l.price), 10)
        );
        if let (Some(list), Some(why)) = (l.list_price, &l.price_reason) {
            let said = message(
                "inv-off-list",
                &[
                    ("list", super::words::money(list, &s.currency).into()),
                    ("reason", fit(why, 60).into()),
                ],
            );
            let _ = writeln!(o, "{:7}{said}", "");
        }
    }
    let _ = writeln!(o, "{}", "-".repeat(WIDTH));
    let total = |label: &str, v: i64| {
        format!(
            "{}{}",
            cell(label, WIDTH - 18),
            right(&super::words::money(v, &s.currency), 18)
        )
    };
    if let Some(e) = s.totals.estimate {
        let _ = writeln!(o, "{}", total(ui("Estimate accepted at reception"), e));
    }
    let _ = writeln!(
        o,
        "{}",
        total(ui("Approved by the customer"), s.totals.approved_lines)
    );
    for a in &s.handover.adjustments {
        let _ = writeln!(
            o,
            "{}",
            total(
                &fit(
                    &message(
                        "inv-accepted",
                        &[
                            ("by", a.by.clone().into()),
                            ("reason", a.reason.clone().into())
                        ],
                    ),
                    WIDTH - 20,
                ),
                a.amount
            )
        );
    }
    let _ = writeln!(o, "{}", total(ui("TOTAL"), s.totals.total));
    if s.totals.total > s.totals.approved {
        let above = super::words::money(s.totals.total - s.totals.approved, &s.currency);
        let _ = writeln!(o, "! {}", message("inv-above", &[("amount", above.into())]));
    }
    covered(&mut o, s);
    footer(&mut o, s, tz);
    o
}

/// Lines someone else pays, not in the total: who, and a warranty part's tag.
fn covered(o: &mut String, s: &Settlement) {
    if s.covered.is_empty() {
        return;
    }
    let _ = writeln!(o, "\n{}", ui("Not charged to the customer"));
    for l in &s.covered {
        let _ = writeln!(
            o,
            "{}{}{}{}",
            cell(&crate::domain::line_label(l.id), 7),
            cell(&l.work, 35),
            cell(super::labels::payer(l.payer), WIDTH.saturating_sub(52)),
            right(&money::format(l.price, &s.currency), 10)
        );
        if let Some(tag) = &l.tag {
            let said = message("inv-part-tag", &[("tag", tag.as_str().into())]);
            let _ = writeln!(o, "{:7}{said}", "");
        }
    }
}

/// The hand-over below the totals, and the rates the lines are priced at.
fn footer(o: &mut String, s: &Settlement, tz: &FixedOffset) {
    let mut tail = Vec::new();
    if let Some(w) = s.handover.washed_at {
        let at = super::words::day_and_clock(w.with_timezone(tz).naive_local());
        tail.push(message("detail-washed", &[("at", at.into())]));
    }
    if let Some(p) = &s.handover.paid {
        let how = super::labels::payment(p);
        tail.push(message("detail-paid", &[("how", how.into())]));
    }
    if let Some(p) = &s.handover.old_parts {
        let what = super::labels::old_parts(p);
        tail.push(message("detail-old-parts", &[("what", what.into())]));
    }
    if !tail.is_empty() {
        let _ = writeln!(o, "{}", tail.join(" · "));
    }
    // Each line keeps the rate it was priced at; a rate changed since
    // shows as a second rate here, never as a changed amount.
    let mut rates: Vec<i64> = s.lines.iter().map(|l| l.rate).collect();
    rates.sort_unstable();
    rates.dedup();
    if rates.is_empty() {
        rates.push(s.labour_rate);
    }
    let rates: Vec<String> = rates
        .iter()
        .map(|r| super::words::money(*r, &s.currency))
        .collect();
    let rates = message(
        "inv-rates",
        &[
            ("rates", rates.join(" / ").into()),
            ("currency", s.currency.clone().into()),
        ],
    );
    let _ = writeln!(o, "{rates}");
}
