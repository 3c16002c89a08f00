//! Who pays for a line (the customer, the maker's warranty 索赔, the
//! statutory 三包, goodwill, the shop itself), the warranty claim of a job
//! and its states, the tags on warranty old parts, recall campaigns.

use super::acts::Act;
use super::field::Field;
use super::lines::code_enum;
use super::people::{Actor, Role};
use super::refusal::Refusal;
use super::said::{Said, UnknownCode};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

code_enum!(
    /// Who pays for a line. Only the customer's lines are in the customer's
    /// settlement; warranty lines are settled against the claim.
    Payer as "payer" {
        Customer => "customer",
        Warranty => "warranty",
        Sanbao => "sanbao",
        Goodwill => "goodwill",
        Internal => "internal",
    }
);

// The macro writes the enum, so `#[default]` has nowhere to go.
#[allow(clippy::derivable_impls)]
impl Default for Payer {
    fn default() -> Self {
        Payer::Customer
    }
}

code_enum!(
    /// A warranty claim's state: made, sent to the maker, decided, paid.
    ClaimStatus as "claim_status" {
        Open => "open",
        Submitted => "submitted",
        Approved => "approved",
        Rejected => "rejected",
        Paid => "paid",
    }
);

impl ClaimStatus {
    /// The states a claim may go to from this one.
    pub fn next(self) -> &'static [ClaimStatus] {
        use ClaimStatus::*;
        match self {
            Open => &[Submitted],
            Submitted => &[Approved, Rejected],
            Approved => &[Paid],
            Rejected => &[Submitted],
            Paid => &[],
        }
    }
}

/// W-12.
pub fn claim_label(id: i64) -> String {
    format!("W-{id}")
}

/// Reads "W-12" or "12".
pub fn parse_claim(text: &str) -> Result<i64, Refusal> {
    let t = text.trim();
    let digits = t
        .strip_prefix("W-")
        .or_else(|| t.strip_prefix("w-"))
        .unwrap_or(t);
    digits
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| Refusal::unknown("claim", text, None))
}

/// The tag on an old part of a warranty line: the job's number and the
/// line's place among the job's warranty lines (J-000012-W1).
pub fn part_tag(job: i64, nth: usize) -> String {
    format!("{}-W{nth}", super::job_label(job))
}

/// The warranty desk: the advisor (the warranty assessor's desk) or the
/// foreman.
pub const CLAIMERS: [Role; 2] = [Role::Advisor, Role::Foreman];

pub fn check_claimer(who: &Actor, action: Act) -> Result<(), Refusal> {
    if who.has_any(&CLAIMERS) {
        Ok(())
    } else {
        Err(Refusal::WrongRoleSetup {
            who: who.describe(),
            action,
            needs: CLAIMERS.to_vec(),
        })
    }
}

/// May a claim go from `from` to `to`? A paid claim is final.
pub fn check_step(claim: i64, from: ClaimStatus, to: ClaimStatus) -> Result<(), Refusal> {
    if from.next().contains(&to) {
        Ok(())
    } else if from.next().is_empty() {
        Err(Refusal::invalid(
            Field::ClaimStatus,
            Said::new("problem-claim-final")
                .text("claim", claim_label(claim))
                .text("from", from.as_str()),
        ))
    } else {
        let next: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
        Err(Refusal::invalid(
            Field::ClaimStatus,
            Said::new("problem-claim-step")
                .text("claim", claim_label(claim))
                .text("from", from.as_str())
                .text("to", to.as_str())
                .text("next", next.join(", ")),
        ))
    }
}

/// One row of a recall campaign file, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecallRow {
    pub campaign: String,
    pub title: String,
    pub vin: String,
}

/// Reads `campaign,title,vin` (a header row, any column order, UTF-8 with
/// or without a BOM): every row or none; bad rows are named by line.
pub fn read_recalls(text: &str) -> Result<Vec<RecallRow>, Said> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let head: Vec<String> = reader
        .headers()
        .map_err(|e| Said::new("problem-recall-csv").text("error", e))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let col = |name: &str| head.iter().position(|h| h == name);
    let (Some(c), Some(t), Some(v)) = (col("campaign"), col("title"), col("vin")) else {
        return Err(Said::new("problem-recall-columns").text("found", head.join(",")));
    };
    if let Some(extra) = head
        .iter()
        .find(|h| !["campaign", "title", "vin"].contains(&h.as_str()))
    {
        return Err(Said::new("problem-recall-unknown-column").text("column", extra));
    }
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i as i64 + 2;
        let Ok(rec) = rec else {
            bad.push(Said::new("problem-recall-line").num("line", line));
            continue;
        };
        let get = |k: usize| rec.get(k).unwrap_or("").trim().to_string();
        let (campaign, title) = (get(c), get(t));
        match super::vehicle::vin(&get(v)) {
            Ok(vin) if !campaign.is_empty() && !title.is_empty() => rows.push(RecallRow {
                campaign,
                title,
                vin,
            }),
            _ => bad.push(Said::new("problem-recall-line").num("line", line)),
        }
    }
    match bad.first() {
        Some(first) => Err(Said::new("problem-recall-refused")
            .num("bad", bad.len() as i64)
            .said("first", first.clone())),
        None if rows.is_empty() => Err(Said::new("problem-recall-empty")),
        None => Ok(rows),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_go_submitted_then_approved_or_rejected_then_paid() {
        use ClaimStatus::*;
        assert!(check_step(1, Open, Submitted).is_ok());
        assert!(check_step(1, Submitted, Approved).is_ok());
        assert!(check_step(1, Submitted, Rejected).is_ok());
        assert!(check_step(1, Approved, Paid).is_ok());
        assert!(check_step(1, Rejected, Submitted).is_ok(), "resubmitted");
        assert!(check_step(1, Open, Paid).is_err());
        assert!(check_step(1, Rejected, Paid).is_err());
        assert!(check_step(1, Paid, Approved).is_err());
        assert!("三包".parse::<Payer>().is_err());
        assert_eq!("Sanbao".parse::<Payer>().unwrap(), Payer::Sanbao);
        assert_eq!(parse_claim("W-7").unwrap(), 7);
        assert_eq!(part_tag(12, 1), "J-000012-W1");
    }

    #[test]
    fn a_recall_file_is_read_whole_or_refused_by_line() {
        let ok = "\u{feff}vin,campaign,title\nLSVAU2180N2183201,R-24-01,Airbag inflator\n";
        let rows = read_recalls(ok).unwrap();
        assert_eq!(rows[0].campaign, "R-24-01");
        let bad =
            "campaign,title,vin\nR1,Airbag,LSVAU2180N2183201\nR1,,LSVAU2180N2183202\nR1,x,short\n";
        let e = read_recalls(bad).unwrap_err();
        assert_eq!(e.id, "problem-recall-refused");
        assert!(format!("{e:?}").contains('3'), "{e:?}");
        assert_eq!(
            read_recalls("campaign,title,vin,colour\n").unwrap_err().id,
            "problem-recall-unknown-column"
        );
        assert_eq!(
            read_recalls("campaign,vin\n").unwrap_err().id,
            "problem-recall-columns"
        );
    }
}
