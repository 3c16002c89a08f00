//! The board: bays, then queue, technicians, parts and QC panels.

use super::{due_span, panel_block, selected_style, status_span};
use crate::cli::board_text::when;
use crate::domain::job_label;
use crate::text::{duration, fit};
use crate::tui::app::{App, Panel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table, TableState};

pub fn draw(frame: &mut Frame, area: Rect, app: &App) {
    let bays_h = (app.board.bays.len() as u16 + 3)
        .min(area.height.saturating_sub(7))
        .max(4);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(bays_h), Constraint::Fill(1)]).areas(area);
    draw_bays(frame, top, app);
    let cols = Layout::horizontal([
        Constraint::Ratio(1, 4),
        Constraint::Ratio(1, 4),
        Constraint::Ratio(1, 4),
        Constraint::Ratio(1, 4),
    ])
    .split(bottom);
    draw_queue(frame, cols[0], app);
    draw_techs(frame, cols[1], app);
    draw_parts(frame, cols[2], app);
    draw_qc(frame, cols[3], app);
}

fn state_for(app: &App, p: Panel) -> TableState {
    let mut st = TableState::default();
    if app.panel == p {
        st.select(Some(app.selected_in(p)));
    }
    st
}

fn draw_bays(frame: &mut Frame, area: Rect, app: &App) {
    let wide = area.width >= 96;
    let mut header = vec!["Bay", "Plate"];
    if wide {
        header.push("Vehicle");
    }
    header.extend(["Job", "Technician", "Status", "For", "Due"]);
    let rows = app.board.bays.iter().map(|b| match &b.job {
        Some(j) => {
            let mut cells = vec![
                Cell::from(Span::raw(fit(&b.name, 5))),
                Cell::from(Span::raw(fit(&j.plate, 10))),
            ];
            if wide {
                cells.push(Cell::from(Span::raw(fit(&j.vehicle.describe(), 22))));
            }
            cells.extend([
                Cell::from(Span::raw(j.label())),
                Cell::from(Span::raw(fit(j.technician.as_deref().unwrap_or("—"), 14))),
                Cell::from(status_span(j.status)),
                Cell::from(Span::raw(duration(app.now - j.status_since))),
                Cell::from(due_span(j, app)),
            ]);
            Row::new(cells)
        }
        None => {
            let mut cells = vec![Cell::from(Span::raw(fit(&b.name, 5))), Cell::from("—")];
            if wide {
                cells.push(Cell::from(""));
            }
            let state = if b.active { "free" } else { "closed" };
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
    let mut widths = vec![Constraint::Length(5), Constraint::Length(10)];
    if wide {
        widths.push(Constraint::Fill(1));
    }
    widths.extend([
        Constraint::Length(super::job_col(app)),
        Constraint::Length(if wide { 14 } else { 12 }),
        Constraint::Length(16),
        Constraint::Length(6),
        Constraint::Length(13),
    ]);
    let free = app
        .board
        .bays
        .iter()
        .filter(|b| b.job.is_none() && b.active)
        .count();
    let title = format!("BAYS {} · {free} free", app.board.bays.len());
    let table = Table::new(rows, widths)
        .header(Row::new(header).style(Style::new().add_modifier(Modifier::BOLD)))
        .column_spacing(1)
        .block(panel_block(title, app.panel == Panel::Bays))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(app, Panel::Bays));
}

/// Narrow panels name jobs "J-17"; wide ones "J-000017".
fn job_ref(n: i64, area: Rect) -> String {
    if area.width < 30 {
        short(n)
    } else {
        job_label(n)
    }
}

fn draw_queue(frame: &mut Frame, area: Rect, app: &App) {
    let w = area.width.saturating_sub(2) as usize;
    let rows = app.queue_list().into_iter().map(|j| {
        let mut spans = vec![Span::raw(format!("{} ", job_ref(j.id, area)))];
        if j.status == crate::domain::JobStatus::Waiting {
            let marker = j.priority.marker();
            if !marker.is_empty() {
                spans.push(Span::styled(
                    format!("{marker} "),
                    Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
                ));
            }
            spans.push(Span::raw(fit(&j.plate, 10)));
            if j.is_late(app.now) {
                spans.push(Span::styled(" late", Style::new().fg(Color::Red)));
            }
        } else {
            spans.push(Span::raw(format!("{} no bay", j.status.symbol())));
        }
        Row::new([Cell::from(Line::from(spans))])
    });
    let title = format!("QUEUE {}", app.board.queue.len());
    let table = Table::new(rows, [Constraint::Length(w as u16)])
        .block(panel_block(title, app.panel == Panel::Queue))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(app, Panel::Queue));
}

fn draw_techs(frame: &mut Frame, area: Rect, app: &App) {
    let rows = app.board.technicians.iter().map(|t| {
        let (state, style) = match t.clocked_on {
            Some(n) => (format!("▶{}", short(n)), Style::new().fg(Color::Green)),
            None if t.open_jobs > 0 => (
                format!("◇{} job", t.open_jobs),
                Style::new().fg(Color::Yellow),
            ),
            None => ("○free".to_string(), Style::new()),
        };
        Row::new([
            Cell::from(Span::raw(fit(&t.name, 14))),
            Cell::from(Span::styled(state, style)),
            Cell::from(Span::raw(format!("{:.1}h", t.hours_today))),
        ])
    });
    let table = Table::new(
        rows,
        [
            Constraint::Fill(1),
            Constraint::Length(6),
            Constraint::Length(4),
        ],
    )
    .block(panel_block("TECHNICIANS".into(), app.panel == Panel::Techs))
    .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(app, Panel::Techs));
}

/// "J-19" for narrow panels.
fn short(n: i64) -> String {
    format!("J-{n}")
}

fn draw_parts(frame: &mut Frame, area: Rect, app: &App) {
    let inner = area.width.saturating_sub(2) as usize;
    let rows = app.board.parts.iter().map(|p| {
        let mark = if p.blocking {
            Span::styled("⛔", Style::new().fg(Color::Red))
        } else {
            Span::raw("  ")
        };
        let head = format!("{} ", short(p.job));
        // Wide panels add the ETA (or the age while nothing is ordered).
        let status = if inner >= 36 {
            match p.eta {
                Some(eta) => format!(" {} ETA {}", p.status, when(eta, app.now, &app.tz)),
                None => format!(" {} {}", p.status, duration(app.now - p.created_at)),
            }
        } else if inner >= 30 {
            format!(" {}", p.status)
        } else {
            String::new()
        };
        let room =
            inner.saturating_sub(crate::text::width(&head) + 2 + crate::text::width(&status) + 1);
        Row::new([Cell::from(Line::from(vec![
            Span::raw(head),
            mark,
            Span::raw(format!(" {}", fit(&p.part, room))),
            Span::styled(status, Style::new().fg(Color::DarkGray)),
        ]))])
    });
    let title = format!("PARTS {} open", app.board.parts.len());
    let table = Table::new(rows, [Constraint::Fill(1)])
        .block(panel_block(title, app.panel == Panel::Parts))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(app, Panel::Parts));
}

fn draw_qc(frame: &mut Frame, area: Rect, app: &App) {
    let rows = app.qc_list().into_iter().map(|j| {
        let text = if j.status == crate::domain::JobStatus::QcPassed {
            Line::from(vec![
                Span::raw(format!("{} ", job_ref(j.id, area))),
                Span::styled("✔ deliver", Style::new().fg(Color::Cyan)),
            ])
        } else {
            Line::from(vec![
                Span::raw(format!("{} ", job_ref(j.id, area))),
                Span::raw(format!("◎ {}", duration(app.now - j.status_since))),
            ])
        };
        Row::new([Cell::from(text)])
    });
    let title = format!("QC {}", app.board.qc.len());
    let table = Table::new(rows, [Constraint::Fill(1)])
        .block(panel_block(title, app.panel == Panel::Qc))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(app, Panel::Qc));
}
