//! Reception and hand-over: the walk-around at check-in, and the
//! settlement at delivery (every approved line at its price, the total
//! against what the customer approved).

use super::field::Field;
use super::refusal::Refusal;
use super::said::Said;
use serde::Serialize;
use std::fmt;
use std::str::FromStr;

/// Fuel as the gauge shows it: eighths, "3/8" (or "0" … "8").
pub fn fuel(text: &str) -> Result<i64, Refusal> {
    let t = text.trim();
    let n = t.strip_suffix("/8").unwrap_or(t).trim();
    match n.parse::<i64>() {
        Ok(v) if (0..=8).contains(&v) => Ok(v),
        _ => Err(Refusal::invalid(
            Field::Fuel,
            Said::new("problem-fuel").text("text", text),
        )),
    }
}

/// A damage seen at check-in: where on the car, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Damage {
    pub place: String,
    pub what: String,
}

/// "front bumper: scratch" → where and what.
pub fn damage(text: &str) -> Result<Damage, Refusal> {
    // Chinese keyboards type the full-width colon (前保险杠：划痕).
    let Some((place, what)) = text.split_once([':', '：']) else {
        return Err(Refusal::invalid(
            Field::Damage,
            Said::new("problem-damage").text("text", text),
        ));
    };
    let place = super::validate::required_text(Field::Damage, place, 60)?;
    let what = super::validate::required_text(Field::Damage, what, 200)?;
    Ok(Damage { place, what })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Payment {
    Cash,
    Card,
    Transfer,
    Account,
    Warranty,
    Internal,
}

impl Payment {
    pub fn as_str(self) -> &'static str {
        match self {
            Payment::Cash => "cash",
            Payment::Card => "card",
            Payment::Transfer => "transfer",
            Payment::Account => "account",
            Payment::Warranty => "warranty",
            Payment::Internal => "internal",
        }
    }
}

impl fmt::Display for Payment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Payment {
    type Err = super::said::UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Payment::Cash,
            Payment::Card,
            Payment::Transfer,
            Payment::Account,
            Payment::Warranty,
            Payment::Internal,
        ]
        .into_iter()
        .find(|p| p.as_str() == s)
        .ok_or_else(|| {
            super::said::UnknownCode::new(
                "payment",
                s,
                [
                    "cash", "card", "transfer", "account", "warranty", "internal",
                ],
            )
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OldParts {
    Returned,
    Disposed,
}

impl OldParts {
    pub fn as_str(self) -> &'static str {
        match self {
            OldParts::Returned => "returned",
            OldParts::Disposed => "disposed",
        }
    }
}

impl FromStr for OldParts {
    type Err = super::said::UnknownCode;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "returned" => Ok(OldParts::Returned),
            "disposed" => Ok(OldParts::Disposed),
            _ => Err(super::said::UnknownCode::new(
                "old_parts",
                s,
                ["returned", "disposed"],
            )),
        }
    }
}

/// One line as the settlement counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    pub hours: f64,
    pub parts: i64,
    /// What the customer approved for it: (hours, parts).
    pub approved: (f64, i64),
    /// The labour rate the line keeps (minor units an hour).
    pub rate: i64,
    /// An operation's price agreed off the published list: the line's
    /// price, approved with it.
    pub fixed: Option<i64>,
    /// Quoted at reception: the accepted estimate covers it.
    pub on_estimate: bool,
}

/// hours × rate, in minor units, rounded to the nearest.
pub fn labour(hours: f64, rate: i64) -> i64 {
    (hours * rate as f64).round() as i64
}

/// The sums of a settlement, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Every approved line at its price: what the customer pays.
    pub total: i64,
    /// What the customer approved: the estimate accepted at reception and
    /// each line approved since, or line by line where no estimate was
    /// accepted.
    pub approved_lines: i64,
    /// The estimate the customer accepted at reception.
    pub estimate: Option<i64>,
    /// Overages a foreman accepted, with a reason.
    pub adjustments: i64,
    /// What the total may reach: approved lines and adjustments.
    pub approved: i64,
}

/// The estimate the customer accepted, when one was quoted, is the figure
/// the lines it covered are held against: a quoted line priced up later
/// does not raise it.
pub fn totals(lines: &[Priced], adjustments: i64, estimate: Option<i64>) -> Totals {
    // Amounts are bounded where they are written (10¹² minor units); one
    // written past that outside bayboard saturates here instead of
    // wrapping to a negative total, and `check` names its row.
    let price = |h: f64, rate: i64, parts: i64| labour(h, rate).saturating_add(parts);
    let total = lines
        .iter()
        .map(|l| l.fixed.unwrap_or_else(|| price(l.hours, l.rate, l.parts)))
        .fold(0i64, i64::saturating_add);
    let approved_lines = lines
        .iter()
        .filter(|l| estimate.is_none() || !l.on_estimate)
        .map(|l| {
            l.fixed
                .unwrap_or_else(|| price(l.approved.0, l.rate, l.approved.1))
        })
        .fold(estimate.unwrap_or(0), i64::saturating_add);
    Totals {
        total,
        approved_lines,
        estimate,
        adjustments,
        approved: approved_lines.saturating_add(adjustments),
    }
}

/// Delivery is refused while the total is above what the customer
/// approved, unless a foreman has recorded the difference as an adjustment
/// (with a reason).
pub fn check_settlement(job: &str, t: &Totals, currency: &str) -> Result<(), Refusal> {
    if t.total > t.approved {
        return Err(Refusal::invalid(
            Field::Amount,
            Said::new("problem-above-approved")
                .text("job", job)
                .money("total", t.total, currency)
                .money("above", t.total - t.approved, currency)
                .money("approved", t.approved, currency),
        ));
    }
    Ok(())
}

/// What a hand-over usually includes and this one lacks: not rules (the
/// car may leave without them), said to the advisor at delivery.
pub fn notes(
    job: &str,
    washed: bool,
    asked_old_parts: bool,
    old_parts: Option<OldParts>,
    paid: Option<Payment>,
    cli: bool,
) -> Vec<Said> {
    // The command line names its options; the board its fields.
    let cli = if cli { "yes" } else { "no" };
    let mut out = Vec::new();
    if !washed {
        out.push(Said::new("note-unwashed").text("job", job));
    }
    if asked_old_parts && old_parts.is_none() {
        out.push(Said::new("note-old-parts-asked").text("cli", cli));
    }
    if paid.is_none() {
        out.push(Said::new("note-no-payment").text("cli", cli));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hand_over_says_what_it_lacks() {
        let ids = |n: Vec<Said>| n.iter().map(|s| s.id.to_string()).collect::<Vec<_>>();
        assert_eq!(
            ids(notes("J-1", false, true, None, None, true)),
            ["note-unwashed", "note-old-parts-asked", "note-no-payment"]
        );
        assert!(
            notes(
                "J-1",
                true,
                true,
                Some(OldParts::Returned),
                Some(Payment::Card),
                false
            )
            .is_empty()
        );
    }

    #[test]
    fn fuel_is_in_eighths() {
        assert_eq!(fuel("3/8").unwrap(), 3);
        assert_eq!(fuel("8").unwrap(), 8);
        assert!(fuel("9/8").is_err());
        assert!(fuel("-1/8").is_err());
        assert!(fuel("half").is_err());
    }

    #[test]
    fn a_damage_has_a_place_and_what() {
        assert_eq!(
            damage(" rear bumper : scuff ").unwrap(),
            Damage {
                place: "rear bumper".into(),
                what: "scuff".into()
            }
        );
        assert!(damage("scratch").is_err());
        assert!(damage(": scratch").is_err());
    }

    #[test]
    fn the_total_is_held_to_what_was_approved() {
        let lines = [
            Priced {
                hours: 2.0,
                parts: 10_000,
                approved: (2.0, 10_000),
                rate: 30_000,
                fixed: None,
                on_estimate: false,
            },
            Priced {
                hours: 1.5,
                parts: 0,
                approved: (1.0, 0),
                rate: 30_000,
                fixed: None,
                on_estimate: false,
            },
        ];
        let t = totals(&lines, 0, None);
        assert_eq!(t.total, 60_000 + 10_000 + 45_000);
        assert_eq!(t.approved, 60_000 + 10_000 + 30_000);
        let e = check_settlement("J-1", &t, "CNY").unwrap_err().to_string();
        assert!(e.contains("CNY 150.00 above the CNY 1000.00"), "{e}");
        let adjusted = totals(&lines, 15_000, None);
        assert_eq!(adjusted.total, adjusted.approved);
        assert!(check_settlement("J-1", &adjusted, "CNY").is_ok());
    }

    #[test]
    fn quoted_lines_are_held_to_the_accepted_estimate() {
        let line = |hours: f64, approved: f64, on_estimate: bool| Priced {
            hours,
            parts: 0,
            approved: (approved, 0),
            rate: 10_000,
            fixed: None,
            on_estimate,
        };
        // Quoted at 2 h (¥200); the quoted line was later priced up to 3 h
        // with its approval moving along (free while the job waited), and
        // found work of 1 h was approved.
        let lines = [line(3.0, 3.0, true), line(1.0, 1.0, false)];
        let t = totals(&lines, 0, Some(20_000));
        assert_eq!(t.total, 40_000);
        assert_eq!(t.estimate, Some(20_000));
        assert_eq!(t.approved, 30_000);
        assert!(check_settlement("J-1", &t, "CNY").is_err());
        // Without an accepted estimate, each line's approval is the figure.
        assert_eq!(totals(&lines, 0, None).approved, 40_000);
        // Quoted work done for less leaves room in the estimate.
        let cheaper = [line(1.5, 1.5, true), line(1.0, 1.0, false)];
        assert!(check_settlement("J-1", &totals(&cheaper, 0, Some(20_000)), "CNY").is_ok());
    }
}
