//! The self-check 自检: the technician's own short list at finish, the
//! first inspection level. A failed item is recorded and the job stays with
//! the technician; all good, the job goes to the next level.

use super::{Workshop, actor, facts, load_job, note_event};
use crate::domain::inspection::{Level, Levels};
use crate::domain::lifecycle::{JobAction, check};
use crate::domain::qc::{self, ItemResult, Mark, Verdict};
use crate::domain::validate::{self, limits};
use crate::domain::{Field, Said};
use crate::error::Result;
use crate::store::{self, JobRow, NewInspection, WriteTx};
use chrono::{DateTime, Utc};

/// What the self-check found.
#[derive(Debug, Clone)]
pub struct SelfCheck {
    pub job: JobRow,
    /// The items the technician failed: the job stays in progress.
    pub failed: Vec<String>,
}

impl Workshop {
    /// Finishes the work with the self-check: items not marked count as
    /// done (so `job finish` without items keeps working).
    pub fn finish(
        &mut self,
        who: &str,
        number: i64,
        marks: &[Mark],
        note: Option<&str>,
        seen_version: Option<i64>,
    ) -> Result<SelfCheck> {
        let note = validate::optional_text(Field::Note, note, limits::NOTE)?;
        self.write(|c, now, session| {
            let who = actor(c, who, session)?;
            self_check_in(c, &who, number, marks, note.as_deref(), seen_version, now)
        })
    }
}

/// The self-check inside a write: refused as `finish` would be (not your
/// job, lines open), else recorded, and the job moves only if all passed.
pub(super) fn self_check_in(
    c: &WriteTx,
    who: &crate::domain::Actor,
    number: i64,
    marks: &[Mark],
    note: Option<&str>,
    seen_version: Option<i64>,
    now: DateTime<Utc>,
) -> Result<SelfCheck> {
    let job = load_job(c, number, seen_version)?;
    let outcome = check(JobAction::Finish, who, &facts(c, &job, JobAction::Finish)?)?;
    let checklist = Levels::builtin().checklist(Level::SelfCheck);
    let items = qc::complete(&checklist, marks, ItemResult::Pass)?;
    let failed = qc::failed(&items);
    let ids: Vec<String> = failed.iter().map(|i| i.id.clone()).collect();
    store::insert_inspection(
        c,
        &NewInspection {
            level: Level::SelfCheck,
            job_id: job.id,
            inspector_id: who.id,
            passed: qc::verdict(&items) == Verdict::Pass,
            road_test_done: false,
            road_test_km: None,
            note,
            items: &items,
        },
        now,
    )?;
    if !failed.is_empty() {
        let words: Vec<&str> = failed.iter().map(|i| i.text.as_str()).collect();
        let said = Said::new("event-self-check-failed")
            .text("items", words.join("; "))
            .text("ids", ids.join(","));
        note_event(c, &job, who, "self_check_failed", &said, note, now)?;
        return Ok(SelfCheck {
            job: load_job(c, number, None)?,
            failed: ids,
        });
    }
    let job = super::apply(
        c,
        &job,
        super::moved(&job, outcome),
        super::Step {
            actor: Some(who),
            kind: "finished",
            said: None,
            note,
        },
        now,
    )?;
    Ok(SelfCheck { job, failed: ids })
}
