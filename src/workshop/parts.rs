//! Parts issues: logging one may park the job; closing the last blocking
//! one sends it back where it was.

use super::{Workshop, actor, load_job, note_event, rehold};
use crate::domain::Field;
use crate::domain::parts::{check_log, check_update};
use crate::domain::validate::{self, limits};
use crate::domain::{
    Act, PartKind, PartStatus, Refusal, Said, lifecycle::allowed_actions, parts_label,
};
use crate::error::Result;
use crate::store::{self, NewParts, PartsRow};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq)]
pub struct NewPartsInput {
    pub part: String,
    pub kind: PartKind,
    pub qty: i64,
    pub blocking: bool,
    pub note: Option<String>,
}

impl Workshop {
    /// Logs a parts issue on an open job; returns the issue.
    pub fn log_parts(
        &mut self,
        who: &str,
        number: i64,
        input: &NewPartsInput,
        seen_version: Option<i64>,
    ) -> Result<PartsRow> {
        let part = validate::required_text(Field::Part, &input.part, limits::PART)?;
        let qty = validate::quantity(input.qty)?;
        let note = validate::optional_text(Field::Note, input.note.as_deref(), limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let job = load_job(c, number, seen_version)?;
            if !job.status.is_open() {
                return Err(Refusal::IllegalTransition {
                    job: job.label(),
                    status: job.status,
                    action: Act::LogPartsIssue,
                    allowed: allowed_actions(job.status)
                        .iter()
                        .map(|a| a.name())
                        .collect(),
                }
                .into());
            }
            check_log(&who, job.technician_id)?;
            let id = store::insert_parts(
                c,
                &NewParts {
                    job_id: job.id,
                    part: &part,
                    kind: input.kind,
                    qty,
                    blocking: input.blocking,
                    note: note.as_deref(),
                    logged_by: who.id,
                },
                now,
            )?;
            let said = Said::new("event-parts-logged")
                .text("part", parts_label(id))
                .text("what", &part)
                .num("qty", qty)
                .label("kind", "part_kind", input.kind.as_str())
                .text("blocking", if input.blocking { "yes" } else { "no" });
            note_event(c, &job, &who, "parts_logged", &said, None, now)?;
            if input.blocking {
                rehold(c, number, &who, "waiting_parts", &said, None, now)?;
            }
            Ok(store::parts_issue(c, id)?.expect("just logged"))
        })
    }

    /// Moves a parts issue on (ordered with an ETA, received, resolved,
    /// cancelled). Closing the job's last blocking issue unblocks the job.
    pub fn update_parts(
        &mut self,
        who: &str,
        id: i64,
        to: PartStatus,
        eta: Option<DateTime<Utc>>,
        note: Option<&str>,
    ) -> Result<PartsRow> {
        let note = validate::optional_text(Field::Note, note, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            let issue = store::parts_issue(c, id)?.ok_or_else(|| {
                Refusal::unknown(
                    "parts_issue",
                    parts_label(id),
                    Some(Said::new("hint-see-parts")),
                )
            })?;
            check_update(&who, id, issue.status, to)?;
            store::update_parts(c, id, to, eta, note.as_deref(), now)?;
            let job = load_job(c, issue.job, None)?;
            let mut said = Said::new("event-parts-updated")
                .text("part", parts_label(id))
                .text("what", &issue.part)
                .label("to", "part_status", to.as_str());
            if let Some(eta) = eta {
                said = said.time("eta", eta);
            }
            let kind = format!("parts_{to}");
            note_event(c, &job, &who, &kind, &said, note.as_deref(), now)?;
            if issue.blocking && !to.is_open() {
                rehold(
                    c,
                    issue.job,
                    &who,
                    "parts_cleared",
                    &said,
                    note.as_deref(),
                    now,
                )?;
            }
            Ok(store::parts_issue(c, id)?.expect("just updated"))
        })
    }
}
