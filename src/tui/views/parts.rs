//! The parts counter: open issues, blocking first.

use super::{panel_block, selected_style};
use crate::domain::{job_label, parts_label};
use crate::present::when;
use crate::text::{duration, fit};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

/// The ETA, with what is worrying about it in red words.
fn eta_cell(p: &crate::store::PartsRow, m: &Model) -> ratatui::text::Line<'static> {
    let promised = m.find_job(p.job).and_then(|j| j.promised_at);
    let flags = crate::present::parts_flags(p, promised, m.now);
    let eta = p.eta.map(|e| when(e, m.now, &m.tz)).unwrap_or_default();
    let mut spans = vec![Span::raw(eta)];
    if !flags.is_empty() {
        spans.push(Span::styled(
            format!(" ! {}", flags.join(", ")),
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        ));
    }
    ratatui::text::Line::from(spans)
}

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let wide = area.width >= 110;
    let rows = m.board.parts.iter().map(|p| {
        let mut cells = vec![
            Cell::from(Span::raw(parts_label(p.id))),
            Cell::from(Span::raw(job_label(p.job))),
            Cell::from(Span::raw(fit(&p.plate, 10))),
            Cell::from(Span::raw(fit(&format!("{} ×{}", p.part, p.qty), 30))),
            Cell::from(if p.blocking {
                Span::styled(
                    format!("⛔ {}", crate::present::words::ui("yes")),
                    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                )
            } else {
                Span::raw(crate::present::words::ui("no"))
            }),
            Cell::from(p.status.label()),
            Cell::from(eta_cell(p, m)),
        ];
        if wide {
            cells.insert(4, Cell::from(crate::present::labels::part_kind(p.kind)));
            cells.push(Cell::from(Span::raw(duration(m.now - p.created_at))));
            cells.push(Cell::from(Span::raw(fit(&p.logged_by, 14))));
        }
        Row::new(cells)
    });
    let mut header = vec![
        crate::present::words::ui("Issue"),
        crate::present::words::ui("Job"),
        crate::present::words::ui("Plate"),
        crate::present::words::ui("Part"),
        crate::present::words::ui("Blocks"),
        crate::present::words::ui("Status"),
        crate::present::words::ui("ETA"),
    ];
    let issue_w = m
        .board
        .parts
        .iter()
        .map(|p| parts_label(p.id).len())
        .max()
        .unwrap_or(5)
        .max(5) as u16;
    let mut widths = vec![
        Constraint::Length(issue_w),
        Constraint::Length(m.job_col()),
        Constraint::Length(10),
        Constraint::Fill(1),
        Constraint::Length(6),
        Constraint::Length(8),
        Constraint::Length(if wide { 40 } else { 24 }),
    ];
    if wide {
        header.insert(4, crate::present::words::ui("Kind"));
        widths.insert(4, Constraint::Length(14));
        header.extend([
            crate::present::words::ui("Age"),
            crate::present::words::ui("Logged by"),
        ]);
        widths.extend([Constraint::Length(6), Constraint::Length(14)]);
    }
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(Style::new().add_modifier(Modifier::BOLD)))
        .column_spacing(1)
        .block(panel_block(
            format!(
                "{} {}",
                crate::present::words::ui("OPEN PARTS ISSUES"),
                m.board.parts.len()
            ),
            true,
        ))
        .row_highlight_style(selected_style());
    let mut st = super::table_state(Some(m.sel.parts));
    frame.render_stateful_widget(table, area, &mut st);
}
