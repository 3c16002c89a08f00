//! `bayboard report`: the figures of a range as text, JSON or CSV.

use crate::cli::Ctx;
use crate::cli::output::{Csv, Format, Output, emit_as};
use crate::error::{Error, Result};
use crate::present::figures::{report_csv, report_text};
use crate::present::words::message;
use crate::read::figures::{self, Figures, Span, Zone};
use crate::store::figures as facts;
use crate::workshop::Workshop;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::time::{Duration as Wait, Instant};

impl Output for Figures {
    fn text(&self) -> String {
        report_text(self)
    }

    fn json(&self) -> impl Serialize {
        self
    }
}

impl Csv for Figures {
    fn csv(&self) -> String {
        report_csv(self)
    }
}

pub(crate) fn report(
    ctx: &Ctx,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    all: bool,
    csv: bool,
) -> Result<()> {
    let format = Format::chosen(ctx, csv)?;
    let mut ws = ctx.open()?;
    let zone = Zone::System;
    keep_clock_sums(&mut ws);
    let now = Utc::now();
    let span = span(&ws, from, to, all, Span::today(now, &zone).to, &zone)?;
    let f = compute(&ws, span, &zone, now)?;
    emit_as(format, &f)
}

/// The days asked for: `--all` from the first check-in, else the 30 days
/// to `--to` unless `--from` says otherwise.
fn span(
    ws: &Workshop,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    all: bool,
    today: NaiveDate,
    zone: &Zone,
) -> Result<Span> {
    let to = to.unwrap_or(today);
    let from = if all {
        ws.store()
            .read(facts::first_check_in)?
            .map_or(today, |t| t.with_timezone(zone).date_naive())
    } else {
        from.unwrap_or(to - Duration::days(29))
    };
    if from > to {
        return Err(Error::Usage(message(
            "figures-from-after-to",
            &[
                ("from", from.to_string().into()),
                ("to", to.to_string().into()),
            ],
        )));
    }
    if to > today {
        eprintln!(
            "{}",
            message(
                "figures-after-today",
                &[
                    ("to", to.to_string().into()),
                    ("today", today.to_string().into())
                ],
            )
        );
    }
    Ok(Span::new(from, to))
}

/// Counts the sums per day once if they are not kept in the shop's zone
/// (seconds on a long history), saying so on stderr. A file this process
/// may not write (a guarded copy) is read from its records instead.
fn keep_clock_sums(ws: &mut Workshop) {
    let started = Instant::now();
    if let Ok(true) = ws.keep_clock_sums()
        && started.elapsed() > Wait::from_secs(1)
    {
        eprintln!(
            "{}",
            message(
                "figures-clock-sums-built",
                &[(
                    "secs",
                    format!("{:.1}", started.elapsed().as_secs_f64()).into()
                )],
            )
        );
    }
}

/// The figures, with a progress bar on stderr while a long range is read.
fn compute(ws: &Workshop, span: Span, zone: &Zone, now: DateTime<Utc>) -> Result<Figures> {
    let mut bar = Progress::new(Instant::now());
    let mut err = std::io::stderr();
    let shows = err.is_terminal();
    let f = figures::compute(ws.store(), span, zone, now, &mut |done, total| {
        if let Some(line) = bar.tick(done, total, Instant::now()) {
            let _ = write!(err, "\r{line}{}", if shows { "" } else { "\n" });
            let _ = err.flush();
        }
    })?;
    if bar.shown {
        let read = message(
            "figures-read-days",
            &[
                ("n", f.delivered_per_day.len().into()),
                (
                    "secs",
                    format!("{:.1}", bar.started.elapsed().as_secs_f64()).into(),
                ),
            ],
        );
        let _ = writeln!(err, "\r{read}{}", " ".repeat(20));
    }
    Ok(f)
}

/// A bar on stderr once reading has taken a second; then at most ten times
/// a second.
pub(crate) struct Progress {
    started: Instant,
    last: Option<Instant>,
    shown: bool,
}

impl Progress {
    pub(crate) fn new(started: Instant) -> Progress {
        Progress {
            started,
            last: None,
            shown: false,
        }
    }

    pub(crate) fn tick(&mut self, done: u64, total: u64, now: Instant) -> Option<String> {
        if now.duration_since(self.started) < Wait::from_secs(1) {
            return None;
        }
        if self
            .last
            .is_some_and(|l| now.duration_since(l) < Wait::from_millis(100))
            && done < total
        {
            return None;
        }
        self.last = Some(now);
        self.shown = true;
        let width = 30;
        let filled = (done * width / total.max(1)) as usize;
        let bar = format!(
            "{}{}",
            "#".repeat(filled),
            "-".repeat(width as usize - filled)
        );
        Some(message(
            "figures-reading-history",
            &[
                ("bar", bar.into()),
                ("pct", format!("{:>3}", done * 100 / total.max(1)).into()),
                ("done", done.into()),
                ("total", total.into()),
            ],
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_shows_only_after_a_second() {
        let t0 = Instant::now();
        let mut p = Progress::new(t0);
        assert_eq!(p.tick(10, 100, t0 + Wait::from_millis(900)), None);
        let line = p.tick(50, 100, t0 + Wait::from_millis(1100)).unwrap();
        assert!(
            line.contains("[###############---------------]  50 %"),
            "{line}"
        );
        assert!(line.contains("(50 of 100 days)"));
        // Not again within a tenth of a second, but always at the end.
        assert_eq!(p.tick(60, 100, t0 + Wait::from_millis(1150)), None);
        assert!(p.tick(100, 100, t0 + Wait::from_millis(1160)).is_some());
    }
}
