//! The bays panel: one row per bay, its job and how long it has been in
//! its state.

use super::board::state_for;
use super::{due_span, panel_block, selected_style, status_span};
use crate::text::{duration, fit};
use crate::tui::model::{Model, Panel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let wide = area.width >= 96;
    // Clocked and sold hours against the estimate, where there is room.
    let hours = area.width >= 130;
    // Very wide screens give the spare width to the work itself.
    let work = area.width >= 170;
    use crate::present::words::ui;
    let mut header = vec![ui("Bay"), ui("Plate")];
    if wide {
        header.push(ui("Vehicle"));
    }
    header.extend([
        ui("Job"),
        ui("Technician"),
        ui("Status"),
        ui("In state"),
        ui("Due"),
    ]);
    if hours {
        header.extend([ui("Clocked/est"), ui("Sold")]);
    }
    if work {
        header.push(ui("Work"));
    }
    let rows = m.board.bays.iter().map(|b| match &b.job {
        Some(j) => {
            let mut cells = vec![
                Cell::from(Span::raw(fit(&b.name, 5))),
                Cell::from(Span::raw(fit(&j.shown_plate(), 10))),
            ];
            if wide {
                cells.push(Cell::from(Span::raw(fit(&j.vehicle.describe(), 22))));
            }
            cells.extend([
                Cell::from(Span::raw(j.label())),
                Cell::from(Span::raw(fit(j.technician.as_deref().unwrap_or("—"), 18))),
                Cell::from(status_span(j.status)),
                Cell::from(Span::raw(duration(m.now - j.status_since))),
                Cell::from(due_span(j, m)),
            ]);
            if hours {
                cells.push(Cell::from(super::clocked_span(j)));
                cells.push(Cell::from(format!("{:.1} h", j.sold_hours)));
            }
            if work {
                cells.push(Cell::from(Span::raw(fit(&j.complaint, 120))));
            }
            Row::new(cells)
        }
        None => {
            let mut cells = vec![Cell::from(Span::raw(fit(&b.name, 5))), Cell::from("—")];
            if wide {
                cells.push(Cell::from(""));
            }
            let state = if b.active { ui("free") } else { ui("closed") };
            cells.extend([
                Cell::from(""),
                Cell::from(""),
                Cell::from(Span::styled(
                    format!("· {state}"),
                    Style::new().fg(Color::DarkGray),
                )),
            ]);
            Row::new(cells)
        }
    });
    let mut widths = vec![
        Constraint::Length(if wide { 5 } else { 4 }),
        Constraint::Length(10),
    ];
    if wide && work {
        widths.push(Constraint::Length(24));
    } else if wide {
        widths.push(Constraint::Fill(1));
    }
    widths.extend([
        Constraint::Length(m.job_col()),
        Constraint::Length(if work {
            18
        } else if wide {
            14
        } else {
            12
        }),
        Constraint::Length(18),
        Constraint::Length(8),
        Constraint::Length(13),
    ]);
    if hours {
        // 结算工时 is eight columns; "Sold" needs six.
        widths.extend([Constraint::Length(16), Constraint::Length(9)]);
    }
    if work {
        widths.push(Constraint::Fill(1));
    }
    let free = m
        .board
        .bays
        .iter()
        .filter(|b| b.job.is_none() && b.active)
        .count();
    let title = crate::present::words::message(
        "ui-bays-title",
        &[
            ("n", (m.board.bays.len() as i64).into()),
            ("free", (free as i64).into()),
        ],
    ) + &super::more(m.board.bays.len(), area, 1);
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(Style::new().add_modifier(Modifier::BOLD)))
        .column_spacing(1)
        .block(panel_block(title, m.panel == Panel::Bays))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(m, Panel::Bays));
}
