//! `bayboard qc`: the checklist, and a job's pass or fail.

use crate::cli::Ctx;
use crate::cli::args::QcCmd;
use crate::cli::output::{Output, each, emit, said};
use crate::domain::inspection::{Level, Levels};
use crate::domain::numbers::parse_job_number;
use crate::domain::qc::{ChecklistItem, ItemResult, Verdict, parse_mark};
use crate::error::Result;
use crate::present::words::message;
use crate::text::cell;
use crate::workshop::{Inspection, QcResult, SelfCheck};
use serde::Serialize;

impl Output for QcResult {
    fn text(&self) -> String {
        let id = match (self.level, self.passed) {
            (Level::Peer, true) => "ui-peer-passed",
            (Level::Peer, false) => "ui-peer-failed",
            (_, true) => "ui-qc-passed",
            (_, false) => "ui-qc-failed",
        };
        let mut out = message(
            id,
            &[
                ("job", self.job.label().into()),
                ("rework", self.job.rework_count.into()),
                ("items", named(self.level, &self.failed).into()),
            ],
        );
        out.push('\n');
        out
    }

    /// The job as it stands after the verdict; the failed items are in its
    /// history.
    fn json(&self) -> impl Serialize {
        &self.job
    }
}

fn checklist_line(i: &ChecklistItem) -> String {
    let need = if i.required {
        crate::present::words::ui("required")
    } else {
        crate::present::words::ui("optional")
    };
    let text = crate::present::labels::checklist_text(i);
    format!("{}{}{text}", cell(&i.id, 18), cell(need, 10))
}

impl Output for SelfCheck {
    fn text(&self) -> String {
        let id = if self.failed.is_empty() {
            "ui-self-check-passed"
        } else {
            "ui-self-check-failed"
        };
        let mut out = message(
            id,
            &[
                ("job", self.job.label().into()),
                ("status", self.job.status.label().into()),
                ("items", named(Level::SelfCheck, &self.failed).into()),
            ],
        );
        out.push('\n');
        out
    }

    fn json(&self) -> impl Serialize {
        &self.job
    }
}

/// Failed items in the reader's words, with their ids for scripts.
fn named(level: Level, ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("{} ({id})", crate::present::labels::level_item(level, id)))
        .collect::<Vec<_>>()
        .join("; ")
}

fn marks_of(items: &[String]) -> Result<Vec<crate::domain::qc::Mark>> {
    Ok(items
        .iter()
        .map(|i| parse_mark(i))
        .collect::<std::result::Result<Vec<_>, _>>()?)
}

/// `job finish`: the self-check.
pub(crate) fn finish(
    ctx: &Ctx,
    job: &str,
    items: &[String],
    note: Option<&str>,
    seen: Option<i64>,
) -> Result<()> {
    let n = parse_job_number(job)?;
    let marks = marks_of(items)?;
    let r = ctx.open()?.finish(ctx.who()?, n, &marks, note, seen)?;
    emit(ctx, &r)
}

/// `inspect JOB --level peer|final`: the verdict is the items'.
pub(crate) fn inspect(ctx: &Ctx, a: crate::cli::args::InspectArgs) -> Result<()> {
    let n = parse_job_number(&a.job)?;
    let marks = marks_of(&a.items)?;
    let verdict = if marks.iter().any(|m| m.result == ItemResult::Fail) {
        Verdict::Fail
    } else {
        Verdict::Pass
    };
    let inspection = Inspection {
        marks,
        road_test_km: a.road_test_km,
        note: a.note,
        pin: ctx.pin.clone(),
    };
    let r =
        ctx.open()?
            .inspect_level(ctx.who()?, n, a.level, verdict, &inspection, a.seen.version)?;
    emit(ctx, &r)
}

pub(crate) fn qc(ctx: &Ctx, cmd: QcCmd) -> Result<()> {
    let (verdict, job, items, km, note, seen) = match cmd {
        QcCmd::Checklist { level } => {
            let items = Levels::builtin().checklist(level).items;
            return emit(ctx, &said(items, |items| each(items, checklist_line)));
        }
        QcCmd::Pass {
            job,
            items,
            road_test_km,
            note,
            seen,
        } => (Verdict::Pass, job, items, road_test_km, note, seen),
        QcCmd::Fail {
            job,
            items,
            road_test_km,
            note,
            seen,
        } => (Verdict::Fail, job, items, road_test_km, note, seen),
    };
    let n = parse_job_number(&job)?;
    let marks = items
        .iter()
        .map(|i| parse_mark(i))
        .collect::<std::result::Result<Vec<_>, _>>()?;
    let inspection = Inspection {
        marks,
        road_test_km: km,
        note,
        pin: ctx.pin.clone(),
    };
    let r = ctx
        .open()?
        .inspect(ctx.who()?, n, verdict, &inspection, seen.version)?;
    emit(ctx, &r)
}
