//! The text lists of jobs and of parts issues.

use crate::domain::{job_label, parts_label};
use crate::present::when;
use crate::store::{JobRow, PartsRow};
use crate::text::cell;
use chrono::{DateTime, FixedOffset, Utc};

pub fn job_list(jobs: &[JobRow], now: DateTime<Utc>, tz: &FixedOffset) -> String {
    crate::cli::output::each(jobs, |j| {
        let due = crate::present::due_text(j, now, tz);
        let line = format!(
            "{}{}{}{}{}{}{}",
            cell(&j.label(), 10),
            cell(&format!("{} {}", j.status.symbol(), j.status.label()), 16),
            cell(j.priority.label(), 8),
            cell(&j.shown_plate(), 11),
            cell(j.bay.as_deref().unwrap_or("—"), 6),
            cell(j.technician.as_deref().unwrap_or("—"), 13),
            due
        );
        line.trim_end().to_string()
    })
}

pub fn parts_list(list: &[PartsRow], now: DateTime<Utc>, tz: &FixedOffset) -> String {
    crate::cli::output::each(list, |p| {
        let eta = p
            .eta
            .map(|e| format!("{} {}", crate::present::words::ui("ETA"), when(e, now, tz)))
            .unwrap_or_default();
        let line = format!(
            "{}{}{}{}{}{}{}",
            cell(&parts_label(p.id), 10),
            cell(&job_label(p.job), 10),
            cell(&format!("{} ×{}", p.part, p.qty), 24),
            cell(crate::present::labels::part_kind(p.kind), 15),
            cell(
                if p.blocking {
                    crate::present::words::word("ui-mark-blocking")
                } else {
                    ""
                },
                12,
            ),
            cell(p.status.label(), 10),
            eta
        );
        line.trim_end().to_string()
    })
}
