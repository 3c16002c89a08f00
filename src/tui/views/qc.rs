//! The QC lane: jobs ready for inspection, then those waiting for delivery.

use super::{due_span, panel_block, selected_style, status_span};
use crate::text::{duration, fit};
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    // Narrow terminals drop the vehicle column rather than squeeze it.
    let wide = area.width >= 96;
    // Wider still, where a car handed over is parked and its key tag.
    let parked = area.width >= 120;
    let rows = m.qc_list().into_iter().map(|j| {
        let mut cells = vec![
            // A sign-off made with a PIN someone else set stays marked.
            Cell::from(Span::raw(format!(
                "{} {}{}",
                j.label(),
                j.priority.marker(),
                if j.signoff_pin_by.is_some() {
                    "⚠"
                } else {
                    ""
                }
            ))),
            Cell::from(Span::raw(fit(&j.shown_plate(), 10))),
            Cell::from(Span::raw(fit(j.technician.as_deref().unwrap_or("—"), 12))),
            Cell::from(status_span(j.status)),
            Cell::from(Span::raw(duration(m.now - j.status_since))),
            Cell::from(if j.rework_count > 0 {
                format!("×{}", j.rework_count)
            } else {
                String::new()
            }),
            Cell::from(due_span(j, m)),
        ];
        if parked {
            let at = match (&j.parking_spot, &j.key_tag) {
                (Some(s), Some(k)) => format!("{s} · {k}"),
                (Some(s), None) => s.clone(),
                (None, Some(k)) => format!("· {k}"),
                (None, None) => String::new(),
            };
            cells.push(Cell::from(Span::raw(fit(&at, 18))));
        }
        if wide {
            cells.insert(2, Cell::from(Span::raw(fit(&j.vehicle.describe(), 22))));
        } else {
            // Narrow: the rework count goes, the status words stay whole.
            cells.remove(5);
        }
        Row::new(cells)
    });
    let mut widths = vec![
        Constraint::Length(m.job_col() + 3),
        Constraint::Length(10),
        Constraint::Length(12),
        Constraint::Length(18),
        Constraint::Length(8),
        Constraint::Length(6),
        Constraint::Length(13),
    ];
    let mut header = vec![
        crate::present::words::ui("Job"),
        crate::present::words::ui("Plate"),
        crate::present::words::ui("Technician"),
        crate::present::words::ui("Status"),
        crate::present::words::ui("In state"),
        crate::present::words::ui("Rework"),
        crate::present::words::ui("Due"),
    ];
    if parked {
        widths.push(Constraint::Length(18));
        header.push(crate::present::words::ui("Parked · key"));
    }
    if wide {
        widths.insert(2, Constraint::Fill(1));
        header.insert(2, crate::present::words::ui("Vehicle"));
    } else {
        widths.remove(5);
        header.remove(5);
        widths[2] = Constraint::Length(11);
    }
    let peer = m
        .board
        .qc
        .iter()
        .filter(|j| j.status == crate::domain::JobStatus::PeerCheck)
        .count();
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(Style::new().add_modifier(Modifier::BOLD)))
        .column_spacing(1)
        .block(panel_block(
            crate::present::words::message(
                "ui-qc-title",
                &[
                    ("peer", (peer as i64).into()),
                    ("qc", ((m.board.qc.len() - peer) as i64).into()),
                    ("ready", (m.board.ready.len() as i64).into()),
                ],
            ),
            true,
        ))
        .row_highlight_style(selected_style());
    let mut st = super::table_state(Some(m.sel.qc));
    frame.render_stateful_widget(table, area, &mut st);
}
