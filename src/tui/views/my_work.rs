//! The bay terminal: the technician's current job, large, and their queue.

use super::{due_span, panel_block, selected_style, status_span};
use crate::domain::inspection::Level;
use crate::domain::qc::Verdict;
use crate::domain::{ItemResult, JobStatus, LineStatus, parts_label};
use crate::text::{duration, fit};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style, Stylize};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let jobs = m.my_jobs();
    let queue_h = (jobs.len() as u16 + 2).clamp(3, 8).min(area.height / 2);
    let [card, queue] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(queue_h)]).areas(area);
    draw_card(frame, card, m);
    let rows = jobs.iter().map(|j| {
        Row::new([
            Cell::from(Span::raw(j.label())),
            Cell::from(Span::raw(fit(j.bay.as_deref().unwrap_or("—"), 5))),
            Cell::from(Span::raw(fit(&j.shown_plate(), 10))),
            Cell::from(status_span(j.status)),
            Cell::from(Span::raw(fit(&j.complaint, 40))),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(m.job_col()),
            Constraint::Length(5),
            Constraint::Length(10),
            Constraint::Length(18),
            Constraint::Fill(1),
        ],
    )
    .column_spacing(1)
    .block(panel_block(
        format!("{} {}", crate::present::words::ui("MY JOBS"), jobs.len()),
        !m.on_lines(),
    ))
    .row_highlight_style(selected_style());
    let mut st = super::table_state(Some(m.sel.my_work));
    frame.render_stateful_widget(table, queue, &mut st);
}

/// The card's place when the technician has no job.
fn draw_no_job(frame: &mut Frame, area: Rect) {
    let msg = Paragraph::new(vec![
        Line::from(""),
        Line::from(crate::present::words::ui("No job for you right now.")),
        Line::from(crate::present::words::ui(
            "The foreman dispatches the next one; it appears here at once.",
        )),
    ])
    .centered()
    .block(panel_block(
        crate::present::words::ui("CURRENT JOB").into(),
        false,
    ));
    frame.render_widget(msg, area);
}

/// What the technician must not miss about this customer and car, and the
/// clock against the estimate.
fn alerts(d: &crate::read::detail::JobDetail, m: &Model) -> Vec<Line<'static>> {
    let j = &d.job;
    let mut lines = Vec::new();
    let alert = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);
    if j.customer_waiting {
        lines.push(Line::from(Span::styled(
            crate::present::words::ui("CUSTOMER WAITING on site"),
            alert,
        )));
    }
    if d.walkaround.as_ref().is_some_and(|w| w.return_old_parts) {
        lines.push(Line::from(Span::styled(
            crate::present::words::ui("RETURN OLD PARTS: keep them for the customer"),
            alert,
        )));
    }
    // Clocked against the estimate, from the board (which adds up the clock).
    if let Some(row) = m.find_job(j.id) {
        lines.push(Line::from(vec![
            Span::raw(crate::text::cell(crate::present::words::ui("Clocked"), 9)),
            super::clocked_span(row),
            Span::raw(format!(
                " ({})",
                crate::present::words::ui("clocked/estimate")
            )),
        ]));
    }
    lines
}

/// What QC found last time, the part that came, and the open parts issues.
fn rework_and_parts(d: &crate::read::detail::JobDetail, m: &Model) -> Vec<Line<'static>> {
    let j = &d.job;
    let big = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = Vec::new();
    if (j.status == JobStatus::Rework || j.rework_count > 0)
        && let Some(q) = d
            .inspections
            .iter()
            .rev()
            .find(|q| q.result == Verdict::Fail && q.level != Level::SelfCheck)
    {
        lines.push(Line::from(Span::styled(
            crate::present::words::message(
                "ui-rework-found",
                &[
                    ("n", j.rework_count.into()),
                    ("inspector", fit(&q.inspector, 30).into()),
                ],
            ),
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD),
        )));
        lines.push(Line::from(crate::present::labels::level_name(q.level)));
        for i in q.items.iter().filter(|i| i.result == ItemResult::Fail) {
            let note = i
                .note
                .as_deref()
                .map(|n| format!(" — {}", fit(n, 80)))
                .unwrap_or_default();
            let text = crate::present::labels::recorded_item(&i.id, &i.text);
            lines.push(Line::from(format!("  ✗ {}{note}", fit(&text, 80))));
        }
    }
    // The part came: say so, and what to press, instead of a silent paused.
    if j.status == JobStatus::Paused && d.events.last().is_some_and(|e| e.kind == "parts_cleared") {
        lines.push(Line::from(Span::styled(
            crate::present::words::ui("Parts here — s to resume"),
            Style::new().fg(Color::Green).add_modifier(Modifier::BOLD),
        )));
    }
    let open: Vec<_> = d.parts.iter().filter(|p| p.status.is_open()).collect();
    if !open.is_empty() {
        lines.push(Line::from(Span::styled(
            crate::present::words::ui("Parts"),
            big,
        )));
        for p in open {
            let eta = p
                .eta
                .map(|e| {
                    let at = crate::present::when(e, m.now, &m.tz);
                    format!("  {} {at}", crate::present::words::ui("ETA"))
                })
                .unwrap_or_default();
            let flags = crate::present::parts_flags(p, j.promised_at, m.now);
            let mut spans = vec![Span::raw(format!(
                "  {} {} ×{}  {}{eta}{}",
                parts_label(p.id),
                fit(&p.part, 40),
                p.qty,
                p.status.label(),
                if p.blocking { "  ⛔ blocking" } else { "" }
            ))];
            if !flags.is_empty() {
                spans.push(Span::styled(
                    format!("  ! {}", flags.join(", ")),
                    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                ));
            }
            lines.push(Line::from(spans));
        }
    }
    lines
}

fn draw_card(frame: &mut Frame, area: Rect, m: &Model) {
    let Some(d) = &m.my_job else {
        return draw_no_job(frame, area);
    };
    let j = &d.job;
    let big = Style::new().add_modifier(Modifier::BOLD);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!(" {} ", fit(&j.shown_plate(), 16)),
                big.add_modifier(Modifier::REVERSED),
            ),
            Span::raw("  "),
            Span::styled(fit(&j.vehicle.describe(), 40), big),
        ]),
        Line::from(""),
        Line::from(
            [
                vec![
                    Span::raw(crate::text::cell(crate::present::words::ui("Status"), 9)),
                    status_span(j.status).add_modifier(Modifier::BOLD),
                    Span::raw(format!(
                        "  {}",
                        crate::present::words::message(
                            "ui-for-duration",
                            &[("d", duration(m.now - j.status_since).into())]
                        )
                    )),
                    Span::raw(format!("   {} ", crate::present::words::ui("Due"))),
                ],
                due_span(j, m).spans,
            ]
            .concat(),
        ),
        Line::from(format!(
            "{}{}   {} {}   {} {:.1} h",
            crate::text::cell(crate::present::words::ui("Bay"), 9),
            fit(
                j.bay
                    .as_deref()
                    .unwrap_or(crate::present::words::ui("— (no bay)")),
                12
            ),
            crate::present::words::ui("Priority"),
            j.priority.label(),
            crate::present::words::ui("Sold"),
            j.sold_hours
        )),
    ];
    lines.extend(alerts(d, m));
    lines.extend(work_order(m, area.width.saturating_sub(4) as usize));
    lines.extend(rework_and_parts(d, m));
    let title = format!("{} {}", crate::present::words::ui("CURRENT JOB"), j.label());
    let para = Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel_block(title, false));
    frame.render_widget(para, area);
}

/// The job's lines, the selected one marked when ↑↓ move over them.
fn work_order(m: &Model, width: usize) -> Vec<Line<'static>> {
    let list = m.my_lines();
    if list.is_empty() {
        return Vec::new();
    }
    let focused = m.on_lines();
    let mut out = vec![Line::from(Span::styled(
        if focused {
            crate::present::words::ui(
                "Work order  (↑↓ line · space done · w found work · Tab your jobs)",
            )
        } else {
            crate::present::words::ui("Work order  (Tab to move over the lines)")
        },
        Style::new().add_modifier(Modifier::BOLD),
    ))];
    for (i, l) in list.iter().enumerate() {
        let selected = focused && i == m.sel.line;
        let color = match l.status {
            LineStatus::Done => Color::Green,
            LineStatus::Proposed => Color::LightBlue,
            LineStatus::Declined => Color::DarkGray,
            LineStatus::Approved => Color::Reset,
        };
        let mut spans = vec![
            Span::raw(if selected { "▸ " } else { "  " }),
            Span::styled(
                format!(
                    "{} {} ",
                    crate::present::line_symbol(l.status),
                    crate::text::cell(l.status.label(), 25)
                ),
                Style::new().fg(color),
            ),
        ];
        if l.urgency.is_some() {
            let blocking = l.blocking && l.status == LineStatus::Proposed;
            let mut u = super::approvals::urgency_span(l.urgency, blocking);
            u.content = crate::text::cell(&u.content, 12).into();
            spans.push(u);
        }
        let hours = l.hours.map(|h| format!("  {h:.1} h")).unwrap_or_default();
        let used: usize = spans.iter().map(|s| crate::text::width(&s.content)).sum();
        let room = width.saturating_sub(used + crate::text::width(&hours));
        let mut work = Span::raw(format!("{}{hours}", fit(&l.work, room)));
        if selected {
            work = work.add_modifier(Modifier::REVERSED);
        }
        spans.push(work);
        out.push(Line::from(spans));
    }
    out
}
