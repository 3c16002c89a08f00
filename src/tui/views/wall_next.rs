//! The wall's right-hand column: what is next (the queue), the cars
//! waiting (for parts, for the customer, or without a bay), QC and the
//! cars ready, each a section that shrinks to the screen.

use super::wall::Wall;
use crate::domain::states::WallGroup;
use crate::present::words::{message, word};
use crate::read::board::Board;
use crate::store::JobRow;
use crate::text::{duration, fit};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

/// The right-hand column's sections share its height: each gets its title
/// and a blank line, then rows go one at a time to each section in turn
/// while there is room; a section that could not show all ends "+N more".
fn sections<'a>(parts: Vec<(&str, Vec<Line<'a>>)>, height: usize) -> Vec<Line<'a>> {
    let mut room = height.saturating_sub(parts.len() * 2);
    let mut take = vec![0usize; parts.len()];
    loop {
        let mut gave = false;
        for (i, (_, rows)) in parts.iter().enumerate() {
            if room > 0 && take[i] < rows.len() {
                take[i] += 1;
                room -= 1;
                gave = true;
            }
        }
        if !gave {
            break;
        }
    }
    let mut out = Vec::new();
    for ((title, rows), n) in parts.into_iter().zip(take) {
        out.push(Line::styled(
            format!("{title} ({})", rows.len()),
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        ));
        let total = rows.len();
        if total == 0 {
            out.push(Line::styled(
                format!("  {}", word("wall-none")),
                Style::new().fg(Color::DarkGray),
            ));
        } else if n < total {
            let shown = n.saturating_sub(1);
            out.extend(rows.into_iter().take(shown));
            let more = message("wall-more", &[("n", (total - shown).into())]);
            out.push(Line::raw(format!("  {more}")));
        } else {
            out.extend(rows);
        }
        out.push(Line::raw(""));
    }
    out
}

/// One row of the right-hand column: symbol, plate in bold, what it waits
/// for, and the customer waiting on site.
fn wall_row(symbol: &str, j: &JobRow, tail: String, late: bool, width: usize) -> Line<'static> {
    const PLATE_W: usize = 11;
    let style = if late {
        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
    } else {
        Style::new()
    };
    let waits = if j.customer_waiting {
        Span::styled(
            format!(" {}", word("wall-waits")),
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        )
    } else {
        Span::raw("")
    };
    let room = width.saturating_sub(PLATE_W + 2 + crate::text::width(&waits.content));
    Line::from(vec![
        Span::raw(format!("{symbol} ")),
        Span::styled(
            crate::text::cell(&j.shown_plate(), PLATE_W),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled(fit(&tail, room), style),
        waits,
    ])
}

pub(super) fn next_up(frame: &mut Frame, area: Rect, b: &Board, w: &Wall) {
    let width = area.width.saturating_sub(2) as usize;
    let wide = width >= 36;
    let row =
        |symbol: &str, j: &JobRow, tail: String, late: bool| wall_row(symbol, j, tail, late, width);
    let since = |j: &JobRow| duration(w.now - j.status_since);
    let queue: Vec<Line> = b
        .queue
        .iter()
        .map(|j| {
            let due = crate::present::due_text(j, w.now, &w.tz);
            let tail = format!("{} {due}", j.priority.label());
            row("○", j, tail, j.is_late(w.now))
        })
        .collect();
    let waiting: Vec<Line> = b
        .bays
        .iter()
        .filter_map(|bay| bay.job.as_ref())
        .chain(b.parked.iter())
        .filter_map(|j| match j.status.row().wall {
            WallGroup::Waiting(what) => Some((j, what)),
            _ => None,
        })
        .map(|(j, what)| {
            let tail = message(
                "wall-waiting-what",
                &[
                    ("what", what.into()),
                    ("for", since(j).into()),
                    ("wide", if wide { "yes" } else { "no" }.into()),
                ],
            );
            row(j.status.symbol(), j, tail, false)
        })
        .chain(
            // A released car waiting for nothing in particular is still
            // open work: it stands in the lot, without a bay.
            b.parked
                .iter()
                .filter(|j| !matches!(j.status.row().wall, WallGroup::Waiting(_)))
                .map(|j| {
                    let tail = message(
                        "wall-no-bay",
                        &[
                            ("status", j.status.label().into()),
                            ("for", since(j).into()),
                            ("wide", if wide { "yes" } else { "no" }.into()),
                        ],
                    );
                    row(j.status.symbol(), j, tail, j.is_late(w.now))
                }),
        )
        .collect();
    let qc: Vec<Line> =
        b.qc.iter()
            .map(|j| {
                let tail = message("ui-waiting-for", &[("for", since(j).into())]);
                row(j.status.symbol(), j, tail, false)
            })
            .collect();
    let ready: Vec<Line> = b
        .ready
        .iter()
        .map(|j| {
            let due = crate::present::due_text(j, w.now, &w.tz);
            let tail = message(
                "wall-ready",
                &[
                    ("for", since(j).into()),
                    (
                        "due",
                        if wide && !due.is_empty() {
                            due
                        } else {
                            "none".to_string()
                        }
                        .into(),
                    ),
                    ("spot", opt_word(&j.parking_spot)),
                    ("tag", opt_word(&j.key_tag)),
                ],
            );
            row(j.status.symbol(), j, tail, j.is_late(w.now))
        })
        .collect();
    let lines = sections(
        vec![
            (word("wall-next-up"), queue),
            (
                if wide {
                    word("wall-waiting-long")
                } else {
                    word("wall-waiting-short")
                },
                waiting,
            ),
            (word("wall-ready-for-qc"), qc),
            (
                if wide {
                    word("wall-ready-long")
                } else {
                    word("wall-ready-short")
                },
                ready,
            ),
        ],
        (area.height as usize).saturating_sub(2),
    );
    frame.render_widget(
        Paragraph::new(lines)
            .block(Block::bordered().title(format!(" {} ", word("wall-whats-next")))),
        area,
    );
}

/// A word the message leaves out when it is `none`.
fn opt_word(v: &Option<String>) -> crate::present::words::FluentValue<'static> {
    crate::text::fit(v.as_deref().unwrap_or("none"), 12).into()
}
