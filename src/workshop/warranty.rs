//! Warranty claims and recall campaigns: the claim of a job's warranty
//! lines through its states, each step an event; a campaign file imported
//! whole or not at all.

use super::{Workshop, actor, load_job, note_event, setup_event_for};
use crate::domain::validate::{self, limits};
use crate::domain::warranty::{self, ClaimStatus, claim_label};
use crate::domain::{Act, Field, Refusal, Said};
use crate::error::Result;
use crate::store::{self, ClaimRow, NewClaim};

/// What the claim says of the repair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimInput {
    pub symptom: String,
    pub cause: String,
    pub correction: String,
    /// The causal part's number.
    pub part: String,
}

/// How many campaign rows a file added, and how many were known already.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct RecallsImported {
    pub added: usize,
    pub known: usize,
}

impl Workshop {
    /// Opens the warranty claim of a job with warranty (or 三包) lines.
    pub fn new_claim(&mut self, who: &str, number: i64, input: &ClaimInput) -> Result<ClaimRow> {
        let text = |f, v: &str| validate::required_text(f, v, limits::NOTE);
        let symptom = text(Field::Symptom, &input.symptom)?;
        let cause = text(Field::Cause, &input.cause)?;
        let correction = text(Field::Correction, &input.correction)?;
        let part = validate::required_text(Field::Part, &input.part, limits::PART)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            warranty::check_claimer(&who, Act::OpenClaim)?;
            let job = load_job(c, number, None)?;
            if store::warranty_lines(c, job.id)? == 0 {
                return Err(Refusal::invalid(
                    Field::Payer,
                    Said::new("problem-claim-needs-warranty").text("job", job.label()),
                )
                .into());
            }
            if let Some(old) = store::claim_of_job(c, job.id)? {
                return Err(Refusal::invalid(
                    Field::Job,
                    Said::new("problem-claim-once")
                        .text("job", job.label())
                        .text("claim", claim_label(old.id)),
                )
                .into());
            }
            let id = store::insert_claim(
                c,
                &NewClaim {
                    job: job.id,
                    symptom: &symptom,
                    cause: &cause,
                    correction: &correction,
                    part: &part,
                    by: who.id,
                },
                now,
            )?;
            store::mark_claimed(c, job.id)?;
            let said = Said::new("event-claim-opened")
                .text("claim", claim_label(id))
                .text("part", &part);
            note_event(c, &job, &who, "claim_opened", &said, None, now)?;
            Ok(store::claim(c, id)?.expect("just opened"))
        })
    }

    /// Moves a claim on: submitted → approved | rejected → paid (a rejected
    /// claim may be submitted again); the maker's claim number when given.
    pub fn update_claim(
        &mut self,
        who: &str,
        id: i64,
        to: ClaimStatus,
        number: Option<&str>,
        note: Option<&str>,
    ) -> Result<ClaimRow> {
        let number = validate::optional_text(Field::ClaimNumber, number, limits::PART)?;
        let note = validate::optional_text(Field::Note, note, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            warranty::check_claimer(&who, Act::UpdateClaim)?;
            let claim = store::claim(c, id)?
                .ok_or_else(|| Refusal::unknown("claim", claim_label(id), None))?;
            warranty::check_step(id, claim.status, to)?;
            // The maker approves under its own claim number.
            if to == ClaimStatus::Approved && number.is_none() && claim.number.is_none() {
                return Err(Refusal::invalid(
                    Field::ClaimNumber,
                    Said::new("problem-claim-number").text("claim", claim_label(id)),
                )
                .into());
            }
            store::set_claim(c, id, to, number.as_deref(), now)?;
            let job = load_job(c, claim.job, None)?;
            let mut said = Said::new("event-claim-updated")
                .text("claim", claim_label(id))
                .label("status", "claim_status", to.as_str());
            if let Some(n) = &number {
                said = said.text("number", n);
            }
            note_event(c, &job, &who, "claim_updated", &said, note.as_deref(), now)?;
            Ok(store::claim(c, id)?.expect("just updated"))
        })
    }

    /// Imports a recall campaign file (`campaign,title,vin`): every row or
    /// none; rows already known are counted, not doubled.
    pub fn import_recalls(&mut self, who: &str, text: &str) -> Result<RecallsImported> {
        let rows =
            warranty::read_recalls(text).map_err(|said| Refusal::invalid(Field::Campaign, said))?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            warranty::check_claimer(&who, Act::ImportRecalls)?;
            let mut out = RecallsImported { added: 0, known: 0 };
            for r in &rows {
                if store::insert_recall(c, r, now)? {
                    out.added += 1;
                } else {
                    out.known += 1;
                }
            }
            let said = Said::new("event-recalls-imported")
                .num("added", out.added as i64)
                .num("known", out.known as i64);
            setup_event_for(c, Some(&who), "recalls_imported", &said, now)?;
            Ok(out)
        })
    }
}
