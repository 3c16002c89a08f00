//! The technicians panel: who is clocked on what, and hours today.

use super::board::state_for;
use super::{panel_block, selected_style, short};
use crate::text::fit;
use crate::tui::model::{Model, Panel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Span;
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let rows = m.board.technicians.iter().map(|t| {
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
    let widths = [
        Constraint::Fill(1),
        Constraint::Length(6),
        Constraint::Length(4),
    ];
    let table = Table::new(rows, widths)
        .block(panel_block("TECHNICIANS".into(), m.panel == Panel::Techs))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(m, Panel::Techs));
}
