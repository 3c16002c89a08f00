//! The board's QC panel: jobs waiting for inspection, then for delivery.

use super::board::state_for;
use super::{job_ref, panel_block, selected_style};
use crate::domain::JobStatus;
use crate::text::duration;
use crate::tui::model::{Model, Panel};
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Row, Table};

pub fn draw(frame: &mut Frame, area: Rect, m: &Model) {
    let rows = m.qc_list().into_iter().map(|j| {
        let head = Span::raw(format!("{} ", job_ref(j.id, area)));
        let text = if j.status == JobStatus::QcPassed {
            Line::from(vec![
                head,
                Span::styled(
                    format!("✔ {}", crate::present::words::ui("deliver")),
                    Style::new().fg(Color::Cyan),
                ),
            ])
        } else {
            Line::from(vec![
                head,
                // The level it waits for: ◐ the peer check, ◎ QC.
                Span::raw(format!(
                    "{} {}",
                    j.status.symbol(),
                    duration(m.now - j.status_since)
                )),
            ])
        };
        Row::new([Cell::from(text)])
    });
    let title = format!(
        "{} {}{}",
        crate::present::words::ui("QC"),
        m.board.qc.len(),
        super::more(m.qc_list().len(), area, 0)
    );
    let table = Table::new(rows, [Constraint::Fill(1)])
        .block(panel_block(title, m.panel == Panel::Qc))
        .row_highlight_style(selected_style());
    frame.render_stateful_widget(table, area, &mut state_for(m, Panel::Qc));
}
