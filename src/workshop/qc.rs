//! Inspections: the peer check's and the final inspection's signatures on a
//! job (the self-check is the technician's, at finish: `selfcheck.rs`).

use super::{Step, Workshop, apply, facts, load_job, moved, signer};
use crate::domain::Field;
use crate::domain::inspection::{Level, Levels};
use crate::domain::lifecycle::{JobAction, check};
use crate::domain::qc::{self, Checklist, ItemResult, Mark, Verdict};
use crate::domain::validate::{self, limits};
use crate::domain::{Act, Refusal, Said};
use crate::error::Result;
use crate::store::{self, JobRow, NewInspection};

/// What the inspector filled in. Items not marked count as pass.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inspection {
    pub marks: Vec<Mark>,
    pub road_test_km: Option<f64>,
    pub note: Option<String>,
    /// The inspector's PIN, if they keep one: every sign-off asks for it.
    pub pin: Option<String>,
}

#[derive(Debug, Clone)]
pub struct QcResult {
    pub level: Level,
    pub job: JobRow,
    pub passed: bool,
    /// The failed items: the rework reasons.
    pub failed: Vec<String>,
}

type Checked = (Option<String>, Vec<Mark>, Option<f64>);

/// The inspector's note, item notes and road-test distance, each valid.
fn checked(inspection: &Inspection) -> Result<Checked> {
    let note = validate::optional_text(Field::Note, inspection.note.as_deref(), limits::NOTE)?;
    let marks = inspection
        .marks
        .iter()
        .map(|m| {
            Ok(Mark {
                note: validate::optional_text(Field::ItemNote, m.note.as_deref(), limits::NOTE)?,
                ..m.clone()
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let km = inspection
        .road_test_km
        .map(validate::road_test_km)
        .transpose()?;
    Ok((note, marks, km))
}

impl Workshop {
    /// Records the final inspection 终检 (QC).
    pub fn inspect(
        &mut self,
        who: &str,
        number: i64,
        verdict: Verdict,
        inspection: &Inspection,
        seen_version: Option<i64>,
    ) -> Result<QcResult> {
        self.inspect_level(who, number, Level::Final, verdict, inspection, seen_version)
    }

    /// Records an inspection of `level` (the peer check or the final one).
    /// `verdict` is what the inspector means to do; it must agree with the
    /// items (a pass with a failed item is refused).
    pub fn inspect_level(
        &mut self,
        who: &str,
        number: i64,
        level: Level,
        verdict: Verdict,
        inspection: &Inspection,
        seen_version: Option<i64>,
    ) -> Result<QcResult> {
        let checklist: Checklist = Levels::builtin().checklist(level);
        let (pass_action, fail_action) = match level {
            Level::Peer => (JobAction::PassPeer, JobAction::FailPeer),
            Level::Final => (JobAction::PassQc, JobAction::FailQc),
            Level::SelfCheck => {
                return Err(Refusal::invalid(
                    Field::Level,
                    Said::new("problem-self-check-at-finish"),
                )
                .into());
            }
        };
        let (note, marks, km) = checked(inspection)?;
        // The PIN is the signature: asked at every sign-off, even mid-session.
        self.confirm_pin(who, inspection.pin.as_deref())?;
        self.write(|c, now, session| {
            let who = signer(c, who, session, Act::SignQc)?;
            let job = load_job(c, number, seen_version)?;
            let action = match verdict {
                Verdict::Pass => pass_action,
                Verdict::Fail => fail_action,
            };
            let outcome = check(action, &who, &facts(c, &job, action)?)?;
            let items = qc::complete(&checklist, &marks, ItemResult::Pass)?;
            let failed: Vec<String> = qc::failed(&items).iter().map(|i| i.id.clone()).collect();
            match (verdict, qc::verdict(&items)) {
                (Verdict::Pass, Verdict::Fail) => {
                    return Err(Refusal::invalid(
                        Field::Item,
                        Said::new("problem-pass-with-failed")
                            .text("job", job.label())
                            .text("items", failed.join(", ")),
                    )
                    .into());
                }
                (Verdict::Fail, Verdict::Pass) => {
                    return Err(Refusal::invalid(
                        Field::Item,
                        Said::new("problem-fail-needs-item").text("job", job.label()),
                    )
                    .into());
                }
                _ => {}
            }
            // A distance driven means the road test was done, whatever it found.
            let road_test_done = km.is_some()
                || items
                    .iter()
                    .any(|i| i.id == "road_test" && i.result == ItemResult::Pass);
            store::insert_inspection(
                c,
                &NewInspection {
                    level,
                    job_id: job.id,
                    inspector_id: who.id,
                    passed: verdict == Verdict::Pass,
                    road_test_done,
                    road_test_km: km,
                    note: note.as_deref(),
                    items: &items,
                },
                now,
            )?;
            let mut change = moved(&job, outcome);
            let (kind, said) = match verdict {
                // The inspector's note says it all, or the checklist does.
                Verdict::Pass => (
                    pass_action.event(),
                    note.is_none().then(|| Said::new("event-qc-passed")),
                ),
                Verdict::Fail => {
                    change.rework_count += 1;
                    // The items in the inspector's words, not their ids.
                    let words: Vec<&str> =
                        qc::failed(&items).iter().map(|i| i.text.as_str()).collect();
                    let ids: Vec<&str> = qc::failed(&items).iter().map(|i| i.id.as_str()).collect();
                    let said = Said::new("event-qc-failed")
                        .text("items", words.join("; "))
                        .text("ids", ids.join(","));
                    (fail_action.event(), Some(said))
                }
            };
            let job = apply(
                c,
                &job,
                change,
                Step {
                    actor: Some(&who),
                    kind,
                    said: said.as_ref(),
                    note: note.as_deref(),
                },
                now,
            )?;
            Ok(QcResult {
                level,
                job,
                passed: verdict == Verdict::Pass,
                failed,
            })
        })
    }
}
