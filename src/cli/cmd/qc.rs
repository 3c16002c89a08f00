//! `bayboard qc`: the checklist, and a job's pass or fail.

use crate::cli::Ctx;
use crate::cli::args::QcCmd;
use crate::cli::output::{Output, each, emit, said};
use crate::domain::numbers::parse_job_number;
use crate::domain::qc::{Checklist, ChecklistItem, Verdict, parse_mark};
use crate::error::Result;
use crate::text::cell;
use crate::workshop::{Inspection, QcResult};
use serde::Serialize;

impl Output for QcResult {
    fn text(&self) -> String {
        if self.passed {
            format!(
                "{} passed QC; bay freed, ready for delivery\n",
                self.job.label()
            )
        } else {
            format!(
                "{} failed QC (rework ×{}): {}\n",
                self.job.label(),
                self.job.rework_count,
                self.failed.join(", ")
            )
        }
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

pub(crate) fn qc(ctx: &Ctx, cmd: QcCmd) -> Result<()> {
    let (verdict, job, items, km, note, seen) = match cmd {
        QcCmd::Checklist => {
            let items = Checklist::builtin().items;
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
