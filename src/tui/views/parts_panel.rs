//! The board's parts panel: open issues, blocking first.

use super::board::state_for;
use super::{panel_block, selected_style, short};
use crate::present::when;
use crate::text::{duration, fit};
use crate::tui::model::{Model, Panel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let inner = area.width.saturating_sub(2) as usize;
    let rows = m.board.parts.iter().map(|p| {
        let mark = if p.blocking {
            Span::styled("⛔", Style::new().fg(Color::Red))
        } else {
            Span::raw("  ")
        };
        let head = format!("{} ", short(p.job));
        // Wide panels add the ETA (or the age while nothing is ordered).
        let status = if inner >= 36 {
            match p.eta {
                Some(eta) => format!(
                    " {} {} {}",
                    p.status.label(),
                    crate::present::words::ui("ETA"),
                    when(eta, m.now, &m.tz)
                ),
                None => format!(" {} {}", p.status.label(), duration(m.now - p.created_at)),
            }
        } else if inner >= 30 {
            format!(" {}", p.status.label())
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
    let title = crate::present::words::message(
        "ui-parts-title",
        &[("n", (m.board.parts.len() as i64).into())],
    ) + &super::more(m.board.parts.len(), area, 0);
    let table = Table::new(rows, [Constraint::Fill(1)])
        .block(panel_block(title, m.panel == Panel::Parts))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(m, Panel::Parts));
}
